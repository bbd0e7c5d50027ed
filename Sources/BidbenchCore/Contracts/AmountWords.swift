/// A sum written in formal Chinese numerals (大写) next to the same sum in figures (小写), as Chinese
/// contracts write amounts: `人民币玖拾陆万元整（¥960,000.00）`. When the two disagree, which one binds
/// is a dispute waiting to happen; a lawyer marks it before signing.
enum AmountWords {
    /// The first pair in `text` whose words and figures differ, as (words, figures) in fen; nil when
    /// every pair agrees or there is none. Figures are looked for right after the words (within 12
    /// characters: `（¥…）`, `(RMB …)`, `…元`), else right before them.
    static func mismatch(in text: String) -> (words: Int, figures: Int)? {
        let c = Array(text.unicodeScalars)
        var i = 0
        while i < c.count {
            guard isFormalDigit(c[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < c.count, isAmountWord(c[j]) { j += 1 }
            defer { i = max(j, i + 1) }
            guard let words = fen(c[i..<j]) else { continue }
            if let figures = figures(after: c, j) ?? figures(before: c, i), figures != words { return (words, figures) }
        }
        return nil
    }

    /// 壹…玖: only the formal digits start a sum in words (一二三 are everyday numbers).
    static func isFormalDigit(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖": return true
        default: return false
        }
    }

    /// Whether a formal digit occurs: none of them is in a text of ASCII bytes only.
    static func containsFormalDigit(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x80 } && text.unicodeScalars.contains(where: isFormalDigit)
    }

    static func isAmountWord(_ u: Unicode.Scalar) -> Bool { amountWords.contains(u) }

    private static let amountWords = Set("零〇壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正".unicodeScalars)

    /// `玖拾陆万元整` → 96 000 000 fen; `壹佰元伍角` → 10 050. Nil without 元/圆 or for what is no sum.
    static func fen(_ run: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let yuan = run.firstIndex(where: { $0 == "元" || $0 == "圆" }), yuan > run.startIndex else { return nil }
        guard let units = ChineseNumber.parse(units: run[run.startIndex..<yuan].map { Character($0) }) else { return nil }
        var fen = Saturating.multiply(units, 100)
        var digit: Int?
        for u in run[(yuan + 1)...] {
            if let d = ChineseNumber.digitValue(Character(u)) {
                digit = d
            } else if u == "角" {
                fen = Saturating.add(fen, (digit ?? 0) * 10)
                digit = nil
            } else if u == "分" {
                fen = Saturating.add(fen, digit ?? 0)
                digit = nil
            }
        }
        return fen
    }

    /// A sum in figures starting within 12 characters after `from` (`（¥960,000.00）`, `(RMB 960000)`),
    /// in fen.
    static func figures(after c: [Unicode.Scalar], _ from: Int) -> Int? {
        var k = from
        while k < min(c.count, from + 12) {
            if ("0"..."9").contains(c[k]) { return number(c, k) }
            // Another sentence part begins: the figures, if any, were not for these words.
            if c[k] == "，" || c[k] == "," && !(k + 1 < c.count && ("0"..."9").contains(c[k + 1])) || c[k] == "。" || c[k] == ";" {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// A sum in figures ending right before `to` (`¥960,000.00元（大写：玖拾陆万元整）`), in fen.
    static func figures(before c: [Unicode.Scalar], _ to: Int) -> Int? {
        var k = to - 1
        // Back over the words' own lead-in: `(大写:`, `人民币`, blanks.
        while k >= 0, k >= to - 8, !("0"..."9").contains(c[k]) { k -= 1 }
        guard k >= 0, ("0"..."9").contains(c[k]) else { return nil }
        var start = k
        while start > 0, ("0"..."9").contains(c[start - 1]) || c[start - 1] == "," || c[start - 1] == "." { start -= 1 }
        return number(c, start)
    }

    /// Digits with thousands commas and up to two decimals from `k`, in fen; a percentage is no sum.
    static func number(_ c: [Unicode.Scalar], _ k: Int) -> Int? {
        var units = 0
        var j = k
        while j < c.count, ("0"..."9").contains(c[j]) || c[j] == "," && j + 1 < c.count && ("0"..."9").contains(c[j + 1]) {
            if c[j] != "," { units = Saturating.add(Saturating.multiply(units, 10), Int(c[j].value) - 48) }
            j += 1
        }
        var fen = Saturating.multiply(units, 100)
        if j + 1 < c.count, c[j] == ".", ("0"..."9").contains(c[j + 1]) {
            fen = Saturating.add(fen, (Int(c[j + 1].value) - 48) * 10)
            j += 2
            if j < c.count, ("0"..."9").contains(c[j]) {
                fen = Saturating.add(fen, Int(c[j].value) - 48)
                j += 1
            }
        }
        while j < c.count, c[j] == " " { j += 1 }
        if j < c.count, c[j] == "%" { return nil }
        // `万元`: figures in ten thousands (`96 万元`).
        if j < c.count, c[j] == "万" { fen = Saturating.multiply(fen, 10_000) }
        return fen
    }
}
