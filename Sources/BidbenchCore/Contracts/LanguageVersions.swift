/// The Chinese and English versions of a bilingual contract set side by side, a clause per table row
/// (`| 2.1 升级服务费为人民币肆拾捌万元整（¥480,000）… | 2.1 The upgrade fee is RMB 450,000 … |`), compared
/// where they state figures: a lawyer's pass found the two versions disagreeing on the fee (480,000 /
/// 450,000) and on the notice (30 / 60 days) with nothing said, and the key terms read one version
/// while a red flag read the other. Which version prevails is then the whole question.
enum LanguageVersions {
    /// Rows (or a line and its translation on the next) whose Chinese and English state different
    /// figures: their lines (from 1) and the two versions. Compared: periods by unit (days, months, hours…; a unit both cells state, with
    /// different values), and sums of at least 1,000 (when both cells state some).
    static func differences(_ rawLines: [String], distinct: Distinct? = nil) -> [(lines: [Int], zh: String, en: String)] {
        // Each distinct line is looked at once, on its bytes (on the path of every scan): a table row
        // (three bars), a line with Chinese (a byte that starts a three-byte character), or one that may
        // be an English version (a figure, no Chinese, no bar).
        let ids = distinct ?? Distinct.identity(rawLines.count)
        let shapes = ids.firsts.map { shape(rawLines[$0]) }
        var out: [(lines: [Int], zh: String, en: String)] = []
        var pairs: [Int: Bool] = [:]
        for n in rawLines.indices {
            let k = ids.index[n]
            let s = shapes[k]
            if s == .row {
                let raw = rawLines[n]
                let cells = raw.split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty }
                guard let zh = cells.first(where: chinese), let en = cells.first(where: english) else { continue }
                if differ(ContractText.normalize(zh), ContractText.normalize(en)) { out.append(([n + 1], zh, en)) }
            } else if s == .wide, n + 1 < rawLines.count, shapes[ids.index[n + 1]] == .english {
                // A Chinese line and its English translation on the next line (`年费为人民币216,000元…` /
                // `The annual fee is RMB 216,000, …`), compared once per distinct pair.
                let zh = rawLines[n].trimmed
                let en = rawLines[n + 1].trimmed
                let key = k &* 0x1_0000_0001 &+ ids.index[n + 1]
                let differs =
                    pairs[key]
                    ?? {
                        let d = chinese(zh) && english(en) && differ(ContractText.normalize(zh), ContractText.normalize(en))
                        pairs[key] = d
                        return d
                    }()
                if differs { out.append(([n + 1, n + 2], zh, en)) }
            }
        }
        return out
    }

    private enum Shape { case other, row, wide, english }

    private static func shape(_ line: String) -> Shape {
        var line = line
        return line.withUTF8 { b in
            guard b.count >= 12 else { return .other }
            var bars = 0
            var wide = false
            var digit = false
            for x in b {
                if x == 0x7C {
                    bars += 1
                } else if x >= 0xE0 {
                    wide = true
                } else if x &- 0x30 < 10 {
                    digit = true
                }
            }
            if bars >= 3 { return .row }
            if wide { return .wide }
            return digit && bars == 0 ? .english : .other
        }
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

    /// The sums a text states (`¥480,000`, `RMB 96,000.00`, `216,000元`), in whole units: figures of at
    /// least 1,000 with a currency beside them (a contract number, a year or a line number is no sum).
    static func sums(_ text: String) -> Set<Int> {
        var out = Set<Int>()
        let chars = Array(text.lowercased()) + [" "]
        func currencyBefore(_ i: Int) -> Bool {
            let before = String(chars[max(0, i - 6)..<i])
            return ["¥", "￥", "$", "€", "£", "rmb", "cny", "usd", "eur", "gbp", "hkd", "人民币"].contains { before.contains($0) }
        }
        func currencyAfter(_ j: Int) -> Bool {
            var k = j
            while k < chars.count && chars[k] == " " { k += 1 }
            let after = String(chars[k..<min(chars.count, k + 7)])
            return ["元", "万元", "yuan", "dollar", "euro", "rmb", "cny", "usd"].contains { after.hasPrefix($0) }
        }
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII && chars[i].isNumber, i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber) else {
                i += 1
                continue
            }
            // The figure: digits with thousands separators; its decimals read over and dropped.
            var digits = ""
            var j = i
            while j < chars.count {
                if chars[j].isASCII && chars[j].isNumber {
                    digits.append(chars[j])
                } else if chars[j] == "," && j + 3 < chars.count && chars[(j + 1)...(j + 3)].allSatisfy({ $0.isASCII && $0.isNumber }) {
                } else {
                    break
                }
                j += 1
            }
            if j + 1 < chars.count && chars[j] == "." && chars[j + 1].isASCII && chars[j + 1].isNumber {
                j += 1
                while j < chars.count && chars[j].isASCII && chars[j].isNumber { j += 1 }
            }
            if let v = Int(digits), v >= 1_000, currencyBefore(i) || currencyAfter(j) { out.insert(v) }
            i = j
        }
        return out
    }
}
