/// An exact amount of money in integer minor units (fen, cents). Never a floating-point value.
///
/// Files hold money as a decimal string with up to two decimals (`1286000`, `99.5`, `-12.30`).
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in minor units (1/100 of the currency unit).
    public var minor: Int64

    public init(minor: Int64) { self.minor = minor }

    /// Whole currency units, e.g. `Money(units: 5)` is 5.00.
    public init(units: Int64) { self.minor = units * 100 }

    public static let zero = Money(minor: 0)

    /// Whether `text` is written as an amount (digits, grouping, at most two decimals) that is too large
    /// for one (`Int64` fen): a form then says so, not that it is no amount.
    public static func isTooLarge(_ text: String) -> Bool {
        var s = text.trimmed
        if s.first == "-" || s.first == "+" { s.removeFirst() }
        if let f = s.first, f == "¥" || f == "$" || f == "￥" { s.removeFirst() }
        let plain = s.filter { $0 != "," && $0 != " " && $0 != "_" }
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        func digits(_ p: Substring) -> Bool { p.allSatisfy { $0.isASCII && $0.isNumber } }
        guard !plain.isEmpty, parts.count <= 2, digits(parts[0]), parts.count == 1 || (parts[1].count <= 2 && digits(parts[1]))
        else { return false }
        return Money(parsing: text) == nil
    }

    /// The largest amount, as a form says it.
    public static let largestText = "92,233,720,368,547,758.07"

    /// Parses `123`, `123.4`, `123.45`, `-7.5`, and tolerates `1,234.50` / `1 234.50` thousands separators
    /// and a leading `¥`/`$`. Returns nil for anything else (three decimals, letters, empty, overflow).
    public init?(parsing text: String) {
        var s = Substring(text.trimmingCharactersInSet(" \t"))
        var negative = false
        if s.first == "-" {
            negative = true
            s = s.dropFirst()
        } else if s.first == "+" {
            s = s.dropFirst()
        }
        if let f = s.first, f == "¥" || f == "$" || f == "￥" { s = s.dropFirst() }
        guard !s.isEmpty else { return nil }
        // A comma is only a thousands separator: groups of exactly three digits after the first
        // (`1,234.56`); `1234,56` or `1,5` (a decimal comma) would otherwise be read 100× too large.
        if s.contains(",") {
            let integer = s.prefix { $0 != "." }
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return nil
            }
        }
        var whole: Int64 = 0
        var frac: Int64 = 0
        var fracDigits = 0
        var seenDot = false
        var digits = 0
        for ch in s {
            if ch == "," || ch == " " || ch == "_" {
                if seenDot { return nil }
                continue
            }
            if ch == "." {
                if seenDot { return nil }
                seenDot = true
                continue
            }
            guard let d = ch.wholeNumberValue, ch.isASCII else { return nil }
            digits += 1
            if seenDot {
                fracDigits += 1
                if fracDigits > 2 { return nil }
                frac = frac * 10 + Int64(d)
            } else {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(d))
                if o1 || o2 { return nil }
                whole = a
            }
        }
        guard digits > 0 else { return nil }
        if fracDigits == 1 { frac *= 10 }
        let (m, o1) = whole.multipliedReportingOverflow(by: 100)
        let (a, o2) = m.addingReportingOverflow(frac)
        if o1 || o2 { return nil }
        minor = negative ? -a : a
    }

    /// The canonical file form: `1286000`, `99.50`, `-0.05` (no separators, two decimals unless whole).
    public var description: String {
        let sign = minor < 0 ? "-" : ""
        let m = minor.magnitude
        let whole = m / 100
        let cents = m % 100
        if cents == 0 { return "\(sign)\(whole)" }
        return "\(sign)\(whole).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Always two decimals: `1286000.00` — the form used in JSON numbers.
    public var fixed2: String {
        let sign = minor < 0 ? "-" : ""
        let m = minor.magnitude
        let cents = m % 100
        return "\(sign)\(m / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// For people to read: grouped by three with a comma, cents when there are any (`1,286,000`,
    /// `99.50`); `NumberText.money` has the other forms.
    public func grouped() -> String { NumberText.money(self) }

    /// Grouped with the cents as `cents` says: a column that must line up passes what
    /// `NumberText.cents(for:)` decided for all its figures.
    public func grouped(_ cents: NumberText.CentsShown) -> String { NumberText.money(self, cents: cents) }

    /// The value in major units as a Double, for charts and ratios only (never for arithmetic on money).
    public var approximateUnits: Double { Double(minor) / 100 }

    public static func < (a: Money, b: Money) -> Bool { a.minor < b.minor }

    /// Checked addition: nil on overflow.
    public func adding(_ other: Money) -> Money? {
        let (r, o) = minor.addingReportingOverflow(other.minor)
        return o ? nil : Money(minor: r)
    }
    /// Addition that stops at the largest (or smallest) amount instead of trapping: for sums of
    /// amounts that `bidbench check` reports when they overflow (a contract's value with its change
    /// orders), so a workspace with such a row still opens and says what is wrong.
    public func clampedAdding(_ other: Money) -> Money {
        let (r, o) = minor.addingReportingOverflow(other.minor)
        return o ? Money(minor: other.minor > 0 ? .max : .min) : Money(minor: r)
    }
    public static func + (a: Money, b: Money) -> Money { Money(minor: a.minor + b.minor) }
    public static func - (a: Money, b: Money) -> Money { Money(minor: a.minor - b.minor) }
    public static func += (a: inout Money, b: Money) { a.minor += b.minor }
}

extension String {
    /// Trims the given characters from both ends (no Foundation needed).
    public func trimmingCharactersInSet(_ set: String) -> String {
        // Compare scalars: "\r\n" is one Character, so a Character set would miss a lone "\n".
        let scalars = Set(set.unicodeScalars)
        var s = Substring(self).unicodeScalars
        while let f = s.first, scalars.contains(f) { s = s.dropFirst() }
        while let l = s.last, scalars.contains(l) { s = s.dropLast() }
        return String(String.UnicodeScalarView(s))
    }
    /// Trims spaces, tabs, CR and LF from both ends.
    public var trimmed: String {
        // Fast path on UTF-8 bytes: most cells start and end with something other than a space,
        // tab, CR, LF (all ≤ 0x20) or U+3000 (E3 80 80).
        // (Read in the string's own storage: `utf8.last` is the generic walk, a few percent of a load.)
        let clean = utf8.withContiguousStorageIfAvailable { b -> Bool in
            guard let f = b.first, let l = b.last else { return false }
            return f > 0x20 && f != 0xE3 && l > 0x20 && l != 0x80
        }
        if clean == true { return self }
        // Else by bytes too: each blank is one whole scalar (CR and LF apart, as in
        // `trimmingCharactersInSet`), and E3 80 80 is always all of U+3000 in valid UTF-8.
        var s = self
        return s.withUTF8 { b -> String in
            func blank(at i: Int) -> Int {
                switch b[i] {
                case 0x20, 0x09, 0x0D, 0x0A: return 1
                case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3
                default: return 0
                }
            }
            var start = 0
            while start < b.count {
                let n = blank(at: start)
                if n == 0 { break }
                start += n
            }
            var end = b.count
            while end > start {
                if blank(at: end - 1) == 1 {
                    end -= 1
                } else if end - start >= 3, blank(at: end - 3) == 3 {
                    end -= 3
                } else {
                    break
                }
            }
            if start == 0 && end == b.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
    }
}
