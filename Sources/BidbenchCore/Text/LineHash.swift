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
            // The last 1…15 bytes, read as wyhash reads them: the last 16 (or 8) bytes as overlapping
            // words when there are that many, else two or three loads that cover them all (the length
            // is in `h` already, so two tails read alike only when they are the same bytes).
            let a: UInt64
            let b: UInt64
            if n >= 16 {
                a = bytes.loadUnaligned(fromByteOffset: n - 16, as: UInt64.self)
                b = bytes.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if n >= 8 {
                a = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
                b = bytes.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 {
                a = UInt64(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
                b = UInt64(bytes.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            } else {
                a = UInt64(bytes[0]) | UInt64(bytes[n / 2]) << 8 | UInt64(bytes[n - 1]) << 16
                b = 0
            }
            h = mix(a ^ k1 ^ h, b ^ k3)
        }
        return mix(h ^ k0, k3)
    }
}
