/// The Chinese and English versions of a bilingual contract set side by side, a clause per table row
/// (`| 2.1 升级服务费为人民币肆拾捌万元整（¥480,000）… | 2.1 The upgrade fee is RMB 450,000 … |`), compared
/// where they state figures: a lawyer's pass found the two versions disagreeing on the fee (480,000 /
/// 450,000) and on the notice (30 / 60 days) with nothing said, and the key terms read one version
/// while a red flag read the other. Which version prevails is then the whole question.
enum LanguageVersions {
    /// Rows (or a line and its translation on the next) whose Chinese and English state different
    /// figures: their lines (from 1) and the two versions. Compared: periods by unit (days, months, hours…; a unit both cells state, with
    /// different values), and sums of at least 1,000 (when both cells state some).
    static func differences(_ rawLines: [String]) -> [(lines: [Int], zh: String, en: String)] {
        var out: [(lines: [Int], zh: String, en: String)] = []
        // Every line is looked at once, on its bytes: bars, and a byte that starts a Chinese character.
        // The rest only for the few lines that pass (it is on the path of every scan).
        for (n, raw) in rawLines.enumerated() where raw.utf8.count >= 12 {
            var bars = 0
            var wide = false
            for b in raw.utf8 {
                if b == 0x7C { bars += 1 } else if b >= 0xE0 { wide = true }
            }
            if bars >= 3 {
                // A table row: two cells or more.
                let cells = raw.split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty }
                guard let zh = cells.first(where: chinese), let en = cells.first(where: english) else { continue }
                if differ(ContractText.normalize(zh), ContractText.normalize(en)) { out.append(([n + 1], zh, en)) }
            } else if wide, n + 1 < rawLines.count {
                // A Chinese line and its English translation on the next line (`年费为人民币216,000元…` /
                // `The annual fee is RMB 216,000, …`): the next line without Chinese and with a figure.
                let next = rawLines[n + 1].utf8
                guard next.count >= 12, !next.contains(where: { $0 >= 0xE0 || $0 == 0x7C }), next.contains(where: { $0 &- 0x30 < 10 })
                else { continue }
                let zh = raw.trimmed
                let en = rawLines[n + 1].trimmed
                guard chinese(zh), english(en) else { continue }
                if differ(ContractText.normalize(zh), ContractText.normalize(en)) { out.append(([n + 1, n + 2], zh, en)) }
            }
        }
        return out
    }

    /// A text mostly in Chinese: a third of its letters or more (ASCII letters and Chinese characters,
    /// counted by scalars) are Chinese.
    private static func chinese(_ cell: String) -> Bool {
        var latin = 0
        var han = 0
        for u in cell.unicodeScalars {
            if u.value &- 0x41 < 26 || u.value &- 0x61 < 26 { latin += 1 } else if ContractLineParser.isCJK(u) { han += 1 }
        }
        return han + latin >= 4 && han * 3 >= han + latin
    }

    /// A text in English: eight ASCII letters or more, no Chinese character.
    private static func english(_ cell: String) -> Bool {
        var latin = 0
        for u in cell.unicodeScalars {
            if ContractLineParser.isCJK(u) { return false }
            if u.value &- 0x41 < 26 || u.value &- 0x61 < 26 { latin += 1 }
        }
        return latin >= 8
    }

    private static func differ(_ zh: String, _ en: String) -> Bool {
        let a = QuantityScanner.scan(ContractText.lowerASCII(zh))
        let b = QuantityScanner.scan(ContractText.lowerASCII(en))
        for unit in Set(a.map(\.unit)).intersection(b.map(\.unit))
        where Set(a.filter { $0.unit == unit }.map(\.value)) != Set(b.filter { $0.unit == unit }.map(\.value)) {
            return true
        }
        let x = sums(zh)
        let y = sums(en)
        return !x.isEmpty && !y.isEmpty && x != y
    }

    /// The figures of at least 1,000 a cell states (`480,000`, `¥96,000.00`), in whole units.
    static func sums(_ text: String) -> Set<Int> {
        var out = Set<Int>()
        var digits = ""
        func flush() {
            if let v = Int(digits), v >= 1_000 { out.insert(v) }
            digits = ""
        }
        var chars = Array(text)
        chars.append(" ")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isASCII && c.isNumber {
                digits.append(c)
            } else if c == "," && !digits.isEmpty && i + 3 < chars.count
                && chars[(i + 1)...(i + 3)].allSatisfy({ $0.isASCII && $0.isNumber })
            {
                // A thousands separator.
            } else if c == "." && !digits.isEmpty && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber {
                // Decimals: the whole units only.
                flush()
                while i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber { i += 1 }
            } else {
                flush()
            }
            i += 1
        }
        return out
    }
}
