/// A minimal arbitrary-precision unsigned integer, enough for the exact budget arithmetic:
/// powers of rates such as 1.035^20 need far more than 64 bits before they are divided back
/// down to minor units, and no intermediate may be rounded.
struct ExactUInt: Equatable, Comparable, Sendable {
    /// Little-endian 32-bit limbs without high zero limbs; zero is the empty array.
    private(set) var limbs: [UInt32]

    static let zero = ExactUInt(0)
    static let one = ExactUInt(1)

    /// A non-negative integer; the caller guarantees `value >= 0`.
    init<T: BinaryInteger>(_ value: T) {
        precondition(value >= 0, "ExactUInt from a negative value")
        var x = UInt64(value)
        limbs = []
        while x != 0 {
            limbs.append(UInt32(truncatingIfNeeded: x))
            x >>= 32
        }
    }

    private init(limbs: [UInt32]) {
        self.limbs = limbs
        while self.limbs.last == 0 { self.limbs.removeLast() }
    }

    var isZero: Bool { limbs.isEmpty }

    /// The value when it fits in 64 bits.
    var uint64: UInt64? {
        switch limbs.count {
        case 0: return 0
        case 1: return UInt64(limbs[0])
        case 2: return UInt64(limbs[1]) << 32 | UInt64(limbs[0])
        default: return nil
        }
    }

    /// The value when it fits in Int64.
    var int64: Int64? {
        guard let u = uint64, u <= UInt64(Int64.max) else { return nil }
        return Int64(u)
    }

    static func < (a: ExactUInt, b: ExactUInt) -> Bool {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count }
        var i = a.limbs.count - 1
        while i >= 0 {
            if a.limbs[i] != b.limbs[i] { return a.limbs[i] < b.limbs[i] }
            i -= 1
        }
        return false
    }

    static func + (a: ExactUInt, b: ExactUInt) -> ExactUInt {
        let n = max(a.limbs.count, b.limbs.count)
        var r = [UInt32]()
        r.reserveCapacity(n + 1)
        var carry: UInt64 = 0
        for i in 0..<n {
            let x = i < a.limbs.count ? UInt64(a.limbs[i]) : 0
            let y = i < b.limbs.count ? UInt64(b.limbs[i]) : 0
            let s = x + y + carry
            r.append(UInt32(truncatingIfNeeded: s))
            carry = s >> 32
        }
        if carry != 0 { r.append(UInt32(carry)) }
        return ExactUInt(limbs: r)
    }

    /// `a - b`; requires `a >= b`.
    static func - (a: ExactUInt, b: ExactUInt) -> ExactUInt {
        precondition(!(a < b), "ExactUInt subtraction below zero")
        var r = [UInt32]()
        r.reserveCapacity(a.limbs.count)
        var borrow: UInt64 = 0
        for i in 0..<a.limbs.count {
            let x = UInt64(a.limbs[i])
            let y = (i < b.limbs.count ? UInt64(b.limbs[i]) : 0) + borrow
            if x >= y {
                r.append(UInt32(x - y))
                borrow = 0
            } else {
                r.append(UInt32(x + (1 << 32) - y))
                borrow = 1
            }
        }
        return ExactUInt(limbs: r)
    }

    static func * (a: ExactUInt, b: ExactUInt) -> ExactUInt {
        if a.isZero || b.isZero { return .zero }
        var r = [UInt32](repeating: 0, count: a.limbs.count + b.limbs.count)
        for i in 0..<a.limbs.count {
            let ai = UInt64(a.limbs[i])
            var carry: UInt64 = 0
            for j in 0..<b.limbs.count {
                // (2^32-1)^2 + 2·(2^32-1) = 2^64-1: never overflows.
                let t = ai * UInt64(b.limbs[j]) + UInt64(r[i + j]) + carry
                r[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            r[i + b.limbs.count] = UInt32(carry)
        }
        return ExactUInt(limbs: r)
    }

    /// `base^exponent` for `exponent >= 0`.
    static func power(_ base: ExactUInt, _ exponent: Int) -> ExactUInt {
        precondition(exponent >= 0, "negative exponent")
        var result = ExactUInt.one
        var b = base
        var e = exponent
        while e > 0 {
            if e & 1 == 1 { result = result * b }
            e >>= 1
            if e > 0 { b = b * b }
        }
        return result
    }

    private var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - top.leadingZeroBitCount)
    }

    /// Truncating division; `divisor` must not be zero.
    func quotientAndRemainder(dividingBy divisor: ExactUInt) -> (quotient: ExactUInt, remainder: ExactUInt) {
        precondition(!divisor.isZero, "ExactUInt division by zero")
        if self < divisor { return (.zero, self) }
        if let a = uint64, let b = divisor.uint64 { return (ExactUInt(a / b), ExactUInt(a % b)) }
        if divisor.limbs.count == 1 {
            let d = UInt64(divisor.limbs[0])
            var q = [UInt32](repeating: 0, count: limbs.count)
            var rem: UInt64 = 0
            for i in stride(from: limbs.count - 1, through: 0, by: -1) {
                let cur = rem << 32 | UInt64(limbs[i])
                q[i] = UInt32(cur / d)
                rem = cur % d
            }
            return (ExactUInt(limbs: q), ExactUInt(rem))
        }
        // Binary long division: the numbers here are a few hundred bits at most.
        var q = [UInt32](repeating: 0, count: limbs.count)
        var r = ExactUInt.zero
        for i in stride(from: bitWidth - 1, through: 0, by: -1) {
            r.shiftLeftOne(insertingBit: limbs[i / 32] >> UInt32(i % 32) & 1)
            if !(r < divisor) {
                r = r - divisor
                q[i / 32] |= 1 << UInt32(i % 32)
            }
        }
        return (ExactUInt(limbs: q), r)
    }

    private mutating func shiftLeftOne(insertingBit bit: UInt32) {
        var carry = bit
        for i in 0..<limbs.count {
            let next = limbs[i] >> 31
            limbs[i] = limbs[i] << 1 | carry
            carry = next
        }
        if carry != 0 { limbs.append(carry) }
    }

    /// `n / d` rounded half-up (half away from zero): ⌊(2n + d) / 2d⌋.
    static func roundedHalfUp(_ n: ExactUInt, _ d: ExactUInt) -> ExactUInt {
        let two = ExactUInt(2)
        return (two * n + d).quotientAndRemainder(dividingBy: two * d).quotient
    }

    /// `roundedHalfUp(a · b · c, d)`: in 128-bit integers when every step fits (no allocation; a
    /// price line's yearly cost almost always does), else with big integers. The same value either way.
    static func productRoundedHalfUp(_ a: UInt64, _ b: UInt64, _ c: ExactUInt, _ d: ExactUInt) -> ExactUInt {
        if let c64 = c.uint64, let d64 = d.uint64, d64 != 0 {
            let (ab, o1) = UInt128(a).multipliedReportingOverflow(by: UInt128(b))
            let (abc, o2) = ab.multipliedReportingOverflow(by: UInt128(c64))
            let (twice, o3) = abc.multipliedReportingOverflow(by: 2)
            let (n, o4) = twice.addingReportingOverflow(UInt128(d64))
            if !(o1 || o2 || o3 || o4) {
                let q = n / (2 * UInt128(d64))
                if q <= UInt128(UInt64.max) { return ExactUInt(UInt64(q)) }
            }
        }
        return roundedHalfUp(ExactUInt(a) * ExactUInt(b) * c, d)
    }

    /// ⌈n / d⌉.
    static func ceiling(_ n: ExactUInt, _ d: ExactUInt) -> ExactUInt {
        let (q, r) = n.quotientAndRemainder(dividingBy: d)
        return r.isZero ? q : q + ExactUInt.one
    }
}
