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
        // On the UTF-8 bytes: the trailing ASCII digits (a merge of 20 000 requirements on each side
        // spent a tenth of its time here by characters).
        for id in existing {
            let u = id.utf8
            var start = u.endIndex
            var n = 0
            var count = 0
            while start > u.startIndex, count < 16 {
                let b = u[u.index(before: start)]
                guard b &- 0x30 < 10 else { break }
                start = u.index(before: start)
                count += 1
            }
            guard count > 0, count <= 15 else { continue }
            for b in u[start...] { n = n * 10 + Int(b - 0x30) }
            guard best == nil || n > best!.n else { continue }
            // Zero-padded ids (R09) keep their width; unpadded ones (V4, R47) grow as they need.
            let w = u[start] == 0x30 ? count : 1
            best = (n, String(id[..<start]), w)
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
