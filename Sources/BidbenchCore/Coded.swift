/// A value from a closed set that a file may spell in a way this version does not know.
///
/// `known` holds a recognised value; `other` keeps the text exactly as the file had it, so a save
/// writes it back unchanged and validation can name it — nothing a user typed is dropped.
public enum Coded<Value>: Hashable, Sendable, CustomStringConvertible
where Value: RawRepresentable & CaseIterable & Hashable & Sendable, Value.RawValue == String {
    case known(Value)
    case other(String)

    /// Reads `text` (trimmed, case-insensitive) as one of the known values, else keeps it as `other`.
    public init(_ text: String) {
        self = Value(rawValue: text.trimmed.lowercased()).map { .known($0) } ?? .other(text)
    }

    /// The recognised value, or nil for text this version does not know.
    public var value: Value? {
        if case .known(let v) = self { return v }
        return nil
    }

    /// The text written to the file.
    public var rawValue: String {
        switch self {
        case .known(let v): return v.rawValue
        case .other(let s): return s
        }
    }

    public var description: String { rawValue }

    /// The known spellings, for messages ("use wsm, topsis or cn").
    public static var allowed: [String] { Value.allCases.map(\.rawValue) }
}

/// 财政部令第87号 distinguishes goods from services for the minimum price weight.
public enum ProcurementKind: String, CaseIterable, Hashable, Sendable {
    case goods
    case services

    /// The 87号令 minimum price weight (30 % for goods, 10 % for services).
    public var minimumPriceWeight: Double { self == .goods ? 0.30 : 0.10 }
}

/// Code and tests may spell a known value as text (`settings.method = "topsis"`); it is read as a file would be.
extension Coded: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) { self.init(text) }
}
