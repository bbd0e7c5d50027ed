/// Chinese numerals as written in contracts: 一…九十九, 百, 千, 万, 亿, 两, 零/〇, and the formal
/// (大写) forms 壹贰叁肆伍陆柒捌玖拾佰仟.
public enum ChineseNumber {
    /// The value of a single digit character (一 = 1, 两 = 2, 零 = 0), nil for anything else.
    public static func digitValue(_ c: Character) -> Int? { digitValue(mark: c.mark) }

    /// `digitValue` of a character's `mark`.
    static func digitValue(mark: Unicode.Scalar?) -> Int? {
        // By scalar (see `Character.mark`). `==` on characters would also take the CJK compatibility
        // ideographs U+F9B2 and U+F9D1, canonically equivalent to 零 and 六: so do these cases.
        guard let m = mark else { return nil }
        switch m {
        case "零", "〇", "\u{F9B2}": return 0
        case "一", "壹": return 1
        case "二", "两", "贰", "貮": return 2
        case "三", "叁": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆", "\u{F9D1}": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    static func unitValue(_ c: Character) -> Int? { unitValue(mark: c.mark) }

    static func unitValue(mark: Unicode.Scalar?) -> Int? {
        guard let m = mark else { return nil }
        switch m {
        case "十", "拾", "\u{F973}": return 10  // U+F973: a compatibility form of 拾
        case "百", "佰": return 100
        case "千", "仟": return 1000
        case "万": return 10_000
        case "亿": return 100_000_000
        default: return nil
        }
    }

    static func isNumeral(_ c: Character) -> Bool { digitValue(c) != nil || unitValue(c) != nil }

    /// `isNumeral` of any `TextUnit`.
    static func isNumeral<U: TextUnit>(unit c: U) -> Bool {
        let m = c.mark
        return digitValue(mark: m) != nil || unitValue(mark: m) != nil
    }

    /// Parses a whole Chinese numeral: `三十` 30, `十五` 15, `一百零五` 105, `两千` 2000, `一万二千` 12000.
    /// A run of bare digits is read positionally (`二〇二七` = 2027). Nil for empty or foreign text,
    /// and for a run of digits too long for an `Int`.
    public static func parse(_ text: String) -> Int? { parse(units: Array(text)) }

    /// `parse` of a run of text units (each numeral is one scalar, so scalars and characters agree).
    static func parse<U: TextUnit>(units chars: some Collection<U>) -> Int? {
        guard !chars.isEmpty, chars.allSatisfy({ isNumeral(unit: $0) }) else { return nil }
        if chars.count > 1, chars.allSatisfy({ digitValue(mark: $0.mark) != nil }) {
            var value = 0
            for c in chars {
                // Hostile text can hold any number of digits: nil rather than an overflow.
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.addingReportingOverflow(digitValue(mark: c.mark) ?? 0)
                if o1 || o2 { return nil }
                value = next
            }
            return value
        }
        var above = 0  // completed 亿 groups
        var total = 0  // completed 万 groups (below 亿)
        var section = 0  // below 万
        var digit: Int?
        for c in chars {
            let m = c.mark
            if let d = digitValue(mark: m) {
                digit = d
            } else if let u = unitValue(mark: m) {
                if u == 100_000_000 {
                    // `壹亿贰仟万` = 1 亿 + 2 000 万: what stands before 亿 counts in 亿 (`叁万亿`).
                    let before = Saturating.add(Saturating.add(total, section), digit ?? 0)
                    above = Saturating.add(above, Saturating.multiply(before == 0 ? 1 : before, u))
                    total = 0
                    section = 0
                } else if u == 10_000 {
                    section = Saturating.add(section, digit ?? 0)
                    total = Saturating.add(total, Saturating.multiply(section == 0 ? 1 : section, u))
                    section = 0
                } else {
                    section = Saturating.add(section, (digit ?? 1) * u)
                }
                digit = nil
            }
        }
        return Saturating.add(above, Saturating.add(Saturating.add(total, section), digit ?? 0))
    }
}

/// Arithmetic on numbers read from hostile text: the largest `Int` instead of an overflow (and so
/// the same result as plain arithmetic whenever that does not overflow).
enum Saturating {
    static func multiply(_ a: Int, _ b: Int) -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? ((a < 0) != (b < 0) ? Int.min : Int.max) : r
    }
    static func add(_ a: Int, _ b: Int) -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? (b < 0 ? Int.min : Int.max) : r
    }
}

/// A number with a unit found in text: `三十（30）日`, `thirty (30) days`, `2小时`, `12个月`.
struct Quantity: Equatable, Sendable {
    enum Unit: String, Sendable { case minute, hour, day, businessDay, week, month, year }
    var value: Int
    var unit: Unit
    /// Character offsets in the scanned text.
    var range: Range<Int>

    /// The length in days (months as 30, years as 365, business days as days).
    var days: Int? {
        switch unit {
        case .day, .businessDay: return value
        case .week: return Saturating.multiply(value, 7)
        case .month: return Saturating.multiply(value, 30)
        case .year: return Saturating.multiply(value, 365)
        case .minute, .hour: return nil
        }
    }
    var months: Int? {
        switch unit {
        case .month: return value
        case .year: return Saturating.multiply(value, 12)
        default: return nil
        }
    }
    var minutes: Int? {
        switch unit {
        case .minute: return value
        case .hour: return Saturating.multiply(value, 60)
        case .day: return Saturating.multiply(value, 1440)
        default: return nil
        }
    }
}

enum QuantityScanner {
    static let englishNumbers: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    ]

    /// All number-with-unit quantities in a (lower-cased, normalised) sentence. Calendar dates
    /// (`2027年1月1日`, `1月1日`) are skipped.
    static func scan(_ text: String) -> [Quantity] { scan(CharacterArray(text)) }

    static func scan(_ text: CharacterArray) -> [Quantity] {
        switch text {
        case .plain(let u): return scan(units: u)
        case .general(let c): return scan(units: c)
        }
    }

    private static func scan<U: QuantityText>(units c: [U]) -> [Quantity] {
        var out: [Quantity] = []
        var i = 0
        while i < c.count {
            // Half an hour: 半小时, 半个小时, "half an hour".
            if c[i] == "半", let (unit, end) = unit(c, i + 1), unit == .hour {
                out.append(Quantity(value: 30, unit: .minute, range: i..<end))
                i = end
                continue
            }
            if c[i] == "h", i + halfAnHour.count <= c.count, i == 0 || !c[i - 1].isLetter,
                halfAnHour.indices.allSatisfy({ c[i + $0].isASCII && c[i + $0].leadScalar == halfAnHour[$0] })
            {
                out.append(Quantity(value: 30, unit: .minute, range: i..<(i + halfAnHour.count)))
                i += halfAnHour.count
                continue
            }
            guard let (read, afterNumber) = number(c, i) else {
                i += 1
                continue
            }
            var j = afterNumber
            var value = read
            // A number repeated in brackets: 三十（30）日, thirty (30) days, 30 (thirty) days. Digits in
            // the brackets are the number when the words before them read otherwise.
            var k = j
            while k < c.count && c[k] == " " { k += 1 }
            if k < c.count, c[k] == "(", let (inBrackets, e) = number(c, k + 1), e < c.count, c[e] == ")" {
                if c[k + 1].asciiDigit != nil && c[i].asciiDigit == nil { value = inBrackets }
                j = e + 1
            }
            if let (unit, end) = unit(c, j), !isDate(c, start: i, unit: unit, value: value) {
                out.append(Quantity(value: value, unit: unit, range: i..<end))
                i = end
            } else {
                i = max(afterNumber, i + 1)
            }
        }
        return out
    }

    private static let halfAnHour = Array("half an hour".unicodeScalars)

    /// A number starting exactly at `i`: ASCII digits, a Chinese numeral, or English words.
    static func number<U: TextUnit>(_ c: [U], _ i: Int) -> (Int, Int)? {
        guard i < c.count else { return nil }
        // An ASCII digit (`isASCII && isNumber`, one comparison on a scalar).
        if c[i].asciiDigit != nil {
            if i > 0, c[i - 1].isASCII && (c[i - 1].isNumber || c[i - 1] == ".") { return nil }
            var j = i
            var v = 0
            while j < c.count, let d = c[j].asciiDigit, v < 1_000_000_000 {
                v = v * 10 + d
                j += 1
            }
            if j < c.count, c[j] == ".", j + 1 < c.count, c[j + 1].isNumber { return nil }  // a decimal is not a count
            return (v, j)
        }
        if ChineseNumber.isNumeral(unit: c[i]) {
            if i > 0, ChineseNumber.isNumeral(unit: c[i - 1]) { return nil }
            var j = i
            while j < c.count, ChineseNumber.isNumeral(unit: c[j]) { j += 1 }
            // 万分之五 / 千分之一 are rates, not counts; 三十分钟 is thirty minutes.
            if j + 1 < c.count, c[j] == "分", c[j + 1] == "之" { return nil }
            guard let v = ChineseNumber.parse(units: c[i..<j]) else { return nil }
            return (v, j)
        }
        if c[i].isASCII, c[i].isLetter, i == 0 || !(c[i - 1].isLetter) {
            var j = i
            var total = 0
            var found = false
            while true {
                var e = j
                while e < c.count, c[e].isLetter, c[e].isASCII { e += 1 }
                guard e > j, let v = englishNumber(c[j..<e]) else { break }
                // Saturating: "hundred hundred hundred …" is hostile text, not an overflow.
                if v == 100 { total = Saturating.multiply(max(total, 1), 100) } else { total = Saturating.add(total, v) }
                found = true
                j = e
                if j + 1 < c.count, c[j] == "-" || c[j] == " ", c[j + 1].isLetter,
                    englishNumber(word(c, j + 1)) != nil
                {
                    j += 1
                } else if v == 100, j + 5 < c.count, c[j] == " ", c[j + 1] == "a", c[j + 2] == "n", c[j + 3] == "d", c[j + 4] == " ",
                    englishNumber(word(c, j + 5)).map({ $0 < 100 }) == true
                {
                    // `one hundred and eighty`.
                    j += 5
                } else {
                    break
                }
            }
            return found ? (total, j) : nil
        }
        return nil
    }

    /// The ASCII letters of the word at `i`.
    private static func word<U: TextUnit>(_ c: [U], _ i: Int) -> ArraySlice<U> {
        var e = i
        while e < c.count, c[e].isLetter, c[e].isASCII { e += 1 }
        return c[i..<e]
    }

    /// `englishNumbers[U.string(letters)]` of a run of ASCII letters, looked up by the letters packed
    /// into one integer (no number word is longer than nine letters) instead of a new `String`.
    static func englishNumber<U: TextUnit>(_ letters: ArraySlice<U>) -> Int? {
        guard letters.count <= 9 else { return nil }
        var key: UInt64 = 0
        for u in letters {
            guard let a = u.asciiValue else { return nil }
            key = key << 7 | UInt64(a)
        }
        return englishNumberKeys[key]
    }

    private static let englishNumberKeys = Dictionary(
        uniqueKeysWithValues: englishNumbers.map { word, value in (word.utf8.reduce(UInt64(0)) { $0 << 7 | UInt64($1) }, value) })

    /// The unit words, longest first where one starts another.
    static let unitWords: [(String, Quantity.Unit)] = [
        ("个工作小时", .hour), ("工作小时", .hour), ("个工作日", .businessDay), ("工作日", .businessDay), ("个日历日", .day), ("日历日", .day),
        ("个自然日", .day), ("自然日", .day), ("个月", .month), ("个小时", .hour), ("小时", .hour),
        ("分钟", .minute), ("个星期", .week), ("星期", .week), ("周", .week), ("天", .day), ("日", .day),
        ("年", .year),
        ("business days", .businessDay), ("business day", .businessDay), ("working days", .businessDay),
        ("working day", .businessDay), ("calendar days", .day), ("calendar day", .day),
        ("business hours", .hour), ("business hour", .hour), ("working hours", .hour),
        ("days", .day), ("day", .day), ("months", .month), ("month", .month), ("years", .year),
        ("year", .year), ("hours", .hour), ("hour", .hour), ("hrs", .hour), ("minutes", .minute),
        ("minute", .minute), ("mins", .minute), ("weeks", .week), ("week", .week),
    ]

    /// `unitWords` as scalars, for plain text.
    static let unitWordScalars = unitWords.map { (Array($0.0.unicodeScalars), $0.1) }

    /// A unit right after a number (spaces, `-` and `个` allowed before it).
    static func unit<U: QuantityText>(_ c: [U], _ from: Int) -> (Quantity.Unit, Int)? {
        var i = from
        while i < c.count, c[i] == " " || c[i] == "-" { i += 1 }
        return U.unitWord(c, at: i)
    }

    /// `2027年`, `1月1日`, `2027年1月1日` are dates, not durations.
    private static func isDate<U: QuantityText>(_ c: [U], start: Int, unit: Quantity.Unit, value: Int) -> Bool {
        if unit == .year && value >= 1900 { return true }
        // `5 月 20 日`: the month may stand a space before the day.
        var k = start
        while k > 0, c[k - 1] == " " { k -= 1 }
        if unit == .day, k > 0, c[k - 1] == "月" { return true }
        return false
    }
}

/// How the quantity reader finds a unit word at an offset: by comparing scalars in plain text (each
/// character one scalar equal only to itself), by `String.hasPrefix` on the characters otherwise.
protocol QuantityText: TextUnit {
    /// The first of `QuantityScanner.unitWords` that the units at `i` start with (an English word
    /// must end there), with the offset after it.
    static func unitWord(_ c: [Self], at i: Int) -> (Quantity.Unit, Int)?
}

extension Unicode.Scalar: QuantityText {
    static func unitWord(_ c: [Unicode.Scalar], at i: Int) -> (Quantity.Unit, Int)? {
        for (word, unit) in QuantityScanner.unitWordScalars where i + word.count <= c.count {
            guard c[i] == word[0], word.indices.allSatisfy({ c[i + $0] == word[$0] }) else { continue }
            let end = i + word.count
            if word[0].isASCII, end < c.count, c[end].isLetter { continue }
            return (unit, end)
        }
        return nil
    }
}

extension Character: QuantityText {
    static func unitWord(_ c: [Character], at i: Int) -> (Quantity.Unit, Int)? {
        let rest = String(c[i..<min(c.count, i + 20)])
        for (word, unit) in QuantityScanner.unitWords where rest.hasPrefix(word) {
            let end = i + word.count
            if word.first!.isASCII, end < c.count, c[end].isLetter { continue }
            return (unit, end)
        }
        return nil
    }
}
