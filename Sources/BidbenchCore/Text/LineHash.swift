/// A keyed 64-bit hash of bytes for telling repeated lines apart: each step folds 16 bytes into the
/// state with a full-width multiply (the 128-bit product's halves xor-ed), the scheme of wyhash. The
/// keys are random per process: which texts collide cannot be known in advance. Not for security,
/// only for spreading keys in a table whose equal hashes are checked byte for byte.
enum LineHash {
    private static let keys: (UInt64, UInt64, UInt64, UInt64) = {
        var g = SystemRandomNumberGenerator()
        // Odd keys: a multiply by one never loses the low bit.
        return (g.next() | 1, g.next() | 1, g.next() | 1, g.next() | 1)
    }()

    @inline(__always) private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let p = a.multipliedFullWidth(by: b)
        return p.high ^ p.low
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let (k0, k1, k2, k3) = keys
        let n = bytes.count
        var h = k0 ^ mix(UInt64(truncatingIfNeeded: n) ^ k1, k2)
        var i = 0
        while i + 16 <= n {
            let a = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let b = bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
            h = mix(a ^ k1 ^ h, b ^ k2)
            i += 16
        }
        if i < n {
            // The last 1…15 bytes, little-endian, the rest zero (the length is in `h` already).
            var a: UInt64 = 0
            var b: UInt64 = 0
            for j in i..<n {
                let v = UInt64(bytes[j])
                let at = j - i
                if at < 8 { a |= v << (8 * UInt64(at)) } else { b |= v << (8 * UInt64(at - 8)) }
            }
            h = mix(a ^ k1 ^ h, b ^ k3)
        }
        return mix(h ^ k0, k3)
    }
}
