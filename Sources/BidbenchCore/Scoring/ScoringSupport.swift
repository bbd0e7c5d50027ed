/// An input or computation problem in vendor scoring, with a message that names the offending
/// place (line, column, criterion, alternative or matrix cell).
public struct ScoringError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// The same in Simplified Chinese, for the errors a screen can show (nil: only the command line sees it).
    public var messageZH: String?
    public init(_ message: String, zh: String? = nil) {
        self.message = message
        self.messageZH = zh
    }
    public var description: String { message }
    /// The message in the UI's language (English when there is no Chinese form).
    public func text(chinese: Bool) -> String { chinese ? messageZH ?? message : message }
    /// Errors are the same when their English message is (the Chinese is a rendering of it).
    public static func == (a: ScoringError, b: ScoringError) -> Bool { a.message == b.message }
}

/// A warning in both UI languages. `description` (and every command line and JSON output) is the
/// English; the screens and the Chinese report show `zh`.
public struct Notice: Equatable, Sendable, CustomStringConvertible {
    public var en: String
    public var zh: String
    public init(_ en: String, _ zh: String) {
        self.en = en
        self.zh = zh
    }
    public var description: String { en }
    public func text(chinese: Bool) -> String { chinese ? zh : en }
}

/// One row of a table read from a file, with the 1-based line it starts on. Core stays free of
/// file I/O: the caller (Store or the CLI) turns CSV records into these.
public struct TableRow: Equatable, Sendable {
    public var line: Int
    public var cells: [String]
    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }
}

/// Number parsing shared by the decision-matrix and AHP readers.
public enum ScoringNumber {
    /// Parses a finite decimal (`3`, `0.25`, `-1e3`) or a fraction `a/b` of two such numbers
    /// (`1/3`, ` 1 / 5 `). Spaces around the parts are ignored. Returns nil for anything else,
    /// including `nan`, `inf` and a zero denominator.
    public static func parse(_ text: String) -> Double? {
        var copy = text
        if let v = copy.withUTF8(shortDecimal) { return v }
        if let v = plain(Substring(text)) { return v }
        guard let slash = text.firstIndex(of: "/") else { return nil }
        guard let a = plain(text[..<slash]), let b = plain(text[text.index(after: slash)...]), b != 0 else { return nil }
        let v = a / b
        return v.isFinite ? v : nil
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// The common case, fast: `[-+]digits[.digits]` with at most 15 digits in all. The digits
    /// form an exact integer below 2⁵³ and 10^k (k ≤ 15) is exact, so one division gives the
    /// correctly rounded value, the same as strtod (Clinger's fast path). Nil means "not this
    /// shape", not "not a number".
    static func shortDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var end = bytes.count
        while i < end, bytes[i] == 0x20 { i += 1 }
        while end > i, bytes[end - 1] == 0x20 { end -= 1 }
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var seenDot = false
        while i < end {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                mantissa = mantissa * 10 + UInt64(b - 48)
                digits += 1
                if seenDot { fraction += 1 }
            } else if b == UInt8(ascii: "."), !seenDot {
                seenDot = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, digits <= 15 else { return nil }
        let v = Double(mantissa) / powersOfTen[fraction]
        return negative ? -v : v
    }

    /// A plain finite decimal, spaces trimmed. Hex floats and `nan`/`inf` are refused.
    static func plain(_ text: Substring) -> Double? {
        // Work on bytes: a number is ASCII, and Character iteration is slow on large matrices.
        let u = text.utf8
        var lo = u.startIndex
        var hi = u.endIndex
        while lo < hi, u[lo] == 0x20 || u[lo] == 0x09 { lo = u.index(after: lo) }
        while lo < hi, u[u.index(before: hi)] == 0x20 || u[u.index(before: hi)] == 0x09 { hi = u.index(before: hi) }
        guard lo < hi else { return nil }
        // Double(_:) also reads "nan", "infinity" and "0x1p3": accept only digits, signs, dot, e/E,
        // starting with a digit, a sign or a dot.
        let f = u[lo]
        guard f == UInt8(ascii: "-") || f == UInt8(ascii: "+") || f == UInt8(ascii: ".") || (f >= 48 && f <= 57) else { return nil }
        for b in u[lo..<hi] {
            guard
                (b >= 48 && b <= 57) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                    || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
            else { return nil }
        }
        guard let v = Double(text[lo..<hi]), v.isFinite else { return nil }
        return v
    }
}
