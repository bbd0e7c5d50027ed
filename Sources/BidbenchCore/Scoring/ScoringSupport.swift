/// An input or computation problem in vendor scoring, with a message that names the offending
/// place (line, column, criterion, alternative or matrix cell).
public struct ScoringError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One row of a table read from a file, with the 1-based line it starts on. Core stays free of
/// file I/O: the caller (Store or the CLI) turns CSV records into these.
public struct TableRow: Equatable, Sendable {
    public var line: Int
    public var cells: [String]
    public init(line: Int, cells: [String]) { self.line = line; self.cells = cells }
}

/// Number parsing shared by the decision-matrix and AHP readers.
public enum ScoringNumber {
    /// Parses a finite decimal (`3`, `0.25`, `-1e3`) or a fraction `a/b` of two such numbers
    /// (`1/3`, ` 1 / 5 `). Spaces around the parts are ignored. Returns nil for anything else,
    /// including `nan`, `inf` and a zero denominator.
    public static func parse(_ text: String) -> Double? {
        if let v = plain(Substring(text)) { return v }
        guard let slash = text.firstIndex(of: "/") else { return nil }
        guard let a = plain(text[..<slash]), let b = plain(text[text.index(after: slash)...]), b != 0 else { return nil }
        let v = a / b
        return v.isFinite ? v : nil
    }

    /// A plain finite decimal, spaces trimmed. Hex floats and `nan`/`inf` are refused.
    static func plain(_ text: Substring) -> Double? {
        var s = text
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        guard let f = s.utf8.first else { return nil }
        // Double(_:) also reads "nan", "infinity" and "0x1p3"; a number here starts with a digit,
        // a sign or a dot, and never holds an x.
        guard f == UInt8(ascii: "-") || f == UInt8(ascii: "+") || f == UInt8(ascii: ".") || (f >= 48 && f <= 57) else { return nil }
        guard let v = Double(s), v.isFinite else { return nil }
        if s.utf8.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") }) { return nil }
        return v
    }
}
