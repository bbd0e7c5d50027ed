/// New ids that continue a table's own numbering: the prefix and zero padding of its highest
/// numbered id (R47 → R48, RK09 → RK10, CO1 → CO2, REQ-0099 → REQ-0100), skipping ids in use.
public struct IDSequence {
    private var prefix: String
    private var width: Int
    private var next: Int
    private var used: Set<String>

    /// - Parameters:
    ///   - defaultPrefix, defaultWidth: the shape when no existing id ends in a number (R → R01 with width 2).
    public init(existing: [String], defaultPrefix: String, defaultWidth: Int = 1) {
        prefix = defaultPrefix
        width = defaultWidth
        next = 1
        var best: (n: Int, prefix: String, width: Int)?
        for id in existing {
            let digits = id.reversed().prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, digits.count <= 15, let n = Int(String(digits.reversed())) else { continue }
            let p = String(id.dropLast(digits.count))
            // Zero-padded ids (R09) keep their width; unpadded ones (V4, R47) grow as they need.
            let w = digits.last == "0" ? digits.count : 1
            if best == nil || n > best!.n { best = (n, p, w) }
        }
        if let best {
            prefix = best.prefix
            width = best.width
            next = best.n + 1
        }
        used = Set(existing)
    }

    /// The next free id.
    public mutating func take() -> String {
        while true {
            let digits = String(next)
            let id = prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
            next += 1
            if used.insert(id).inserted { return id }
        }
    }

    /// The one id after `existing`.
    public static func next(after existing: [String], defaultPrefix: String, defaultWidth: Int = 1) -> String {
        var s = IDSequence(existing: existing, defaultPrefix: defaultPrefix, defaultWidth: defaultWidth)
        return s.take()
    }
}
