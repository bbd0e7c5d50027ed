// A stand-in for swift-crypto's `Crypto` module, so the Store compiles with plain `swiftc` for the
// fuzz harnesses (the package's Crypto builds C code through SwiftPM only). The Store uses
// `SHA256.hash(data:)` for change detection and the journal chain; fuzzing the parsers does not
// depend on the digest's strength, only on it being a fixed function of the bytes.

/// A 32-byte digest of the bytes (FNV-1a lanes; NOT SHA-256 and not for security).
public enum SHA256 {
    public static func hash(data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for lane in 0..<4 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(lane)
            for b in data { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: h >> (8 * UInt64(k)))) }
        }
        return out
    }
}
