/// A character as the contract readers look at it. A `Character` answers as usual; in plain text
/// (see `ContractText.isPlain`) every character is one `Unicode.Scalar` that equals only itself,
/// and the scalar gives the same answers without grapheme breaking. The readers of numbering,
/// quantities and cross-references are written once, generic over this, and run on scalars
/// whenever a text is plain (a test checks the answers agree over every plain scalar).
protocol TextUnit: Equatable, ExpressibleByUnicodeScalarLiteral {
    /// See `Character.mark`.
    var mark: Unicode.Scalar? { get }
    /// The first scalar.
    var leadScalar: Unicode.Scalar { get }
    var isASCII: Bool { get }
    var asciiValue: UInt8? { get }
    var isNumber: Bool { get }
    var isLetter: Bool { get }
    var isUppercase: Bool { get }
    var isLowercase: Bool { get }
    /// The value of an ASCII digit, else nil.
    var asciiDigit: Int? { get }
    /// Whether `s` contains this character (`String.contains`).
    func isIn(_ s: String) -> Bool
    /// The text of a run of units.
    static func string<C: Collection>(_ units: C) -> String where C.Element == Self
    /// The units of a text.
    static func units(of s: String) -> [Self]
}

extension Character: TextUnit {
    var leadScalar: Unicode.Scalar { unicodeScalars.first! }
    var asciiDigit: Int? { isASCII ? wholeNumberValue : nil }
    func isIn(_ s: String) -> Bool { s.contains(self) }
    static func string<C: Collection>(_ units: C) -> String where C.Element == Character { String(units) }
    static func units(of s: String) -> [Character] { Array(s) }
}

extension Unicode.Scalar: TextUnit {
    var mark: Unicode.Scalar? {
        switch value {
        case 0x037E: return ";"
        case 0x0387: return "·"
        default: return self
        }
    }
    var leadScalar: Unicode.Scalar { self }
    var asciiValue: UInt8? { isASCII ? UInt8(value) : nil }
    // As `Character` answers for a character of one scalar.
    // ASCII first: the Unicode property tables are slow to consult for every character.
    var isNumber: Bool { isASCII ? value >= 0x30 && value <= 0x39 : properties.numericType != nil }
    var isLetter: Bool { isASCII ? (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A : properties.isAlphabetic }
    var isUppercase: Bool { isASCII ? value >= 0x41 && value <= 0x5A : Character(self).isUppercase }
    var isLowercase: Bool { isASCII ? value >= 0x61 && value <= 0x7A : Character(self).isLowercase }
    var asciiDigit: Int? { value >= 0x30 && value <= 0x39 ? Int(value - 0x30) : nil }
    func isIn(_ s: String) -> Bool { s.unicodeScalars.contains(self) }
    static func units(of s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
    static func string<C: Collection>(_ units: C) -> String where C.Element == Unicode.Scalar {
        // As UTF-8 bytes: much faster than appending scalars to a `String.UnicodeScalarView`.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count * 3)
        for u in units { ContractText.appendUTF8(u.value, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A text as an array to index by character offset: its scalars when it is plain, else its
/// characters. Offsets are the same either way.
enum CharacterArray {
    case plain([Unicode.Scalar])
    case general([Character])

    init(_ s: String) {
        if let u = ContractText.plainScalars(s) { self = .plain(u) } else { self = .general(Array(s)) }
    }

    var count: Int {
        switch self {
        case .plain(let u): return u.count
        case .general(let c): return c.count
        }
    }

    /// The text of the characters in `r` (clamped to the text).
    func string(_ r: Range<Int>) -> String {
        let r = r.clamped(to: 0..<count)
        switch self {
        case .plain(let u): return Unicode.Scalar.string(u[r])
        case .general(let c): return String(c[r])
        }
    }
}
