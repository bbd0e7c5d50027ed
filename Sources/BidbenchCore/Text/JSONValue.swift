/// A JSON value with its object keys in the order given, and the one writer of JSON text in Bidbench:
/// the workspace's files, the journal, every `--json` verb and the exports print through it.
///
/// Numbers: `.int` is written as is; `.double` as its shortest round-trip digits without an exponent
/// (`NumberText.format`); `.money` from its integer minor units with two decimals (`1286000.00`), never
/// through a `Double`; `.decimal` is number text the caller already has exactly (`0.05`, `12.5`).
/// A `.double` that is not finite is written `null`, so the text is always valid JSON.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case money(Money)
    /// Number text written as it is; text that is not a JSON number is written as a string instead.
    case decimal(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// An integer value from an `Int`.
    public static func int(_ i: Int) -> JSONValue { .int(Int64(i)) }

    /// A string, or `null` when there is none.
    public static func string(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.money(let x), .money(let y)): return x == y
        case (.decimal(let x), .decimal(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Compact text: no spaces, keys in the stored order, non-ASCII kept as UTF-8.
    public var compact: String { text(.compact) }

    /// Pretty text with two-space indentation (one member a line at every level).
    public var pretty: String { text(.pretty) }

    /// The text in a layout.
    public func text(_ layout: JSONLayout) -> String { String(decoding: utf8(layout), as: UTF8.self) }

    /// The text in a layout as UTF-8 bytes (what a verb writes out: no string of megabytes made).
    public func utf8(_ layout: JSONLayout) -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, layout: layout, depth: 0)
        return out
    }

    /// The value of a key of an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
    public var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9e15: return Int64(d)
        default: return nil
        }
    }
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .money(let m): return m.approximateUnits
        case .decimal(let s): return Double(s)
        default: return nil
        }
    }

    /// Appends the value as it stands at `depth` of a document (`ContractScan.json` writes its members so).
    func write(into out: inout [UInt8], layout: JSONLayout, depth: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let i): out += String(i).utf8
        case .double(let d): out += (d.isFinite ? NumberText.format(d) : "null").utf8
        case .money(let m): out += m.fixed2.utf8
        case .decimal(let s):
            if JSONValue.isNumber(s) { out += s.utf8 } else { JSONValue.quote(s, into: &out) }
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            let broken = layout.breaks(depth: depth, members: items)
            writeContainer(into: &out, layout: layout, broken: broken, depth: depth, open: "[", close: "]", count: items.count) { out, i in
                items[i].write(into: &out, layout: layout, depth: depth + 1)
            }
        case .object(let pairs):
            let broken = layout.breaks(depth: depth, members: pairs.map(\.1))
            writeContainer(into: &out, layout: layout, broken: broken, depth: depth, open: "{", close: "}", count: pairs.count) { out, i in
                JSONValue.quote(pairs[i].0, into: &out)
                out += (broken || layout.spaced ? ": " : ":").utf8
                pairs[i].1.write(into: &out, layout: layout, depth: depth + 1)
            }
        }
    }

    private func writeContainer(
        into out: inout [UInt8], layout: JSONLayout, broken: Bool, depth: Int, open: Unicode.Scalar, close: Unicode.Scalar, count: Int,
        member: (inout [UInt8], Int) -> Void
    ) {
        out.append(UInt8(ascii: open))
        if count == 0 {
            out.append(UInt8(ascii: close))
            return
        }
        func newline(_ levels: Int) {
            out.append(0x0A)
            out += repeatElement(0x20, count: 2 * levels)
        }
        for i in 0..<count {
            if i > 0 { out += (broken || !layout.spaced ? "," : ", ").utf8 }
            if broken { newline(depth + 1) }
            member(&out, i)
        }
        if broken { newline(depth) }
        out.append(UInt8(ascii: close))
    }

    /// A JSON string literal: `"` and `\` escaped; control characters, DEL and U+2028/U+2029 (which
    /// end a line in JavaScript) as `\n`, `\r`, `\t` or `\u00XX`; everything else, Chinese and
    /// characters beyond the Basic Multilingual Plane (emoji) included, kept as UTF-8.
    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `quote(s)` appended to `out` as UTF-8.
    static func quote(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { b in
            // By UTF-8 bytes, copying the runs that need no escape whole: `"` 22, `\` 5C, controls 00–1F,
            // DEL 7F and U+2028/U+2029 (E2 80 A8/A9) are the only ones escaped; no other character's
            // bytes contain them.
            // Doubling when short (an exact reserve per string would copy a long output each time).
            if out.capacity < out.count + b.count + 2 { out.reserveCapacity(max(2 * out.count, out.count + b.count + 2)) }
            out.append(0x22)
            var run = 0
            var i = 0
            func escape(_ e: String, skip: Int) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                out.append(contentsOf: e.utf8)
                i += skip
                run = i
            }
            // The table read unchecked: a bounds check per byte was a fifth of the loop.
            quoteStops.withUnsafeBufferPointer { stops in
                while i < b.count {
                    // Past the bytes that are never escaped (most of them), by a table of the others.
                    while i < b.count && !stops[Int(b[i])] { i += 1 }
                    guard i < b.count else { break }
                    let x = b[i]
                    switch x {
                    case 0x22: escape("\\\"", skip: 1)
                    case 0x5C: escape("\\\\", skip: 1)
                    case 0x0A: escape("\\n", skip: 1)
                    case 0x0D: escape("\\r", skip: 1)
                    case 0x09: escape("\\t", skip: 1)
                    case 0x00..<0x20, 0x7F: escape(unicodeEscape(UInt32(x)), skip: 1)
                    case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                        escape(unicodeEscape(b[i + 2] == 0xA8 ? 0x2028 : 0x2029), skip: 3)
                    default: i += 1
                    }
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<b.count]))
            out.append(0x22)
        }
    }

    /// The bytes `quote` looks at: `"`, `\\`, controls, DEL, and E2 (the lead byte of U+2028/U+2029).
    private static let quoteStops: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }

    /// `\uXXXX`, four lower-case hex digits.
    private static func unicodeEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// True for a non-empty array or object.
    var isNonEmptyContainer: Bool {
        switch self {
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        default: return false
        }
    }

    /// True when `s` is a number in JSON's grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    public static func isNumber(_ s: String) -> Bool {
        var b = Array(s.utf8)[...]
        func digits() -> Int {
            let n = b.prefix { $0 >= 48 && $0 <= 57 }.count
            b = b.dropFirst(n)
            return n
        }
        if b.first == 45 { b = b.dropFirst() }
        if b.first == 48 {
            b = b.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if b.first == 46 {
            b = b.dropFirst()
            if digits() == 0 { return false }
        }
        if b.first == 101 || b.first == 69 {
            b = b.dropFirst()
            if b.first == 43 || b.first == 45 { b = b.dropFirst() }
            if digits() == 0 { return false }
        }
        return b.isEmpty
    }
}

/// How JSON text is laid out. Containers nested less deep than `brokenDepth` are written one member a
/// line, indented two spaces a level (with `scalarsInline`, only those that hold a non-empty array or
/// object); the others stay on one line, with `", "` and `": "` between members when `spaced`, else
/// `","` and `":"`. Empty containers are always `[]` and `{}`.
public struct JSONLayout: Sendable, Equatable {
    public var brokenDepth: Int
    public var spaced: Bool
    public var scalarsInline: Bool

    public init(brokenDepth: Int, spaced: Bool, scalarsInline: Bool = false) {
        self.brokenDepth = brokenDepth
        self.spaced = spaced
        self.scalarsInline = scalarsInline
    }

    /// All on one line, no spaces: `{"a":1,"b":[1,2]}` (the journal, and the verbs meant for scripts).
    public static let compact = JSONLayout(brokenDepth: 0, spaced: false)
    /// One member a line at every level (`workspace.json`).
    public static let pretty = JSONLayout(brokenDepth: .max, spaced: true)

    /// One member a line for the outer `depth` levels, the rest spaced on one line each, and a list of
    /// plain values on one line: readable documents of records, one record a line (`contract check`,
    /// `budget`, `dates`, `delivery`).
    public static func lines(_ depth: Int) -> JSONLayout { JSONLayout(brokenDepth: depth, spaced: true, scalarsInline: true) }

    func breaks(depth: Int, members: [JSONValue]) -> Bool {
        depth < brokenDepth && (!scalarsInline || members.contains { $0.isNonEmptyContainer })
    }
}
