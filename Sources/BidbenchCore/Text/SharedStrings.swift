/// Bytes made once per shared string. A repeated paragraph's red flags all hold one sentence string
/// (the scan reads the paragraph once), so what a printer makes of it — quoted, cleaned, clipped —
/// can be made once: keyed by where the string's bytes are. A string of more than 15 bytes is never
/// stored inline, so that address is its own for as long as the string is held (the scan holds it
/// while it is printed); a shorter string, or one without contiguous bytes, is simply made each time.
public struct SharedStrings {
    private var made: [Int: [UInt8]] = [:]

    public init() {}

    /// `make(s)`, made once per shared string `s`.
    public mutating func bytes(_ s: String, _ make: (String) -> [UInt8]) -> [UInt8] {
        guard s.utf8.count > 15, let key = s.utf8.withContiguousStorageIfAvailable({ Int(bitPattern: $0.baseAddress) }) else {
            return make(s)
        }
        if let bytes = made[key] { return bytes }
        let bytes = make(s)
        made[key] = bytes
        return bytes
    }
}
