import Testing

@testable import BidbenchCore

@Suite("Budget exact integers")
struct BudgetExactTests {
    @Test("big division inverts multiplication, through the multi-limb path")
    func divisionRoundTrip() {
        let a = ExactUInt.power(ExactUInt(3), 100)  // 159 bits
        let b = ExactUInt.power(ExactUInt(7), 40) + ExactUInt(5)  // 113 bits
        let r = ExactUInt(123_456_789)
        let (q, rem) = (a * b + r).quotientAndRemainder(dividingBy: b)
        #expect(q == a && rem == r)
        // A single-limb divisor takes the short-division path.
        let (q2, r2) = (a * ExactUInt(1_000_003) + ExactUInt(17)).quotientAndRemainder(dividingBy: ExactUInt(1_000_003))
        #expect(q2 == a && r2 == ExactUInt(17))
    }

    @Test("carries across limbs and the limits of Int64")
    func carries() {
        let max64 = ExactUInt(UInt64.max)
        #expect((max64 + ExactUInt(1)) - ExactUInt(1) == max64)
        #expect((max64 * max64).quotientAndRemainder(dividingBy: max64) == (max64, .zero))
        #expect(ExactUInt(Int64.max).int64 == Int64.max)
        #expect((ExactUInt(Int64.max) + ExactUInt(1)).int64 == nil)
    }

    /// The 128-bit path of a yearly cost against the big-integer one: random prices, quantities and
    /// escalations of 0–40 years (one and several limbs), and the edges where a step overflows.
    @Test("a price × quantity × escalation rounded half-up: the 128-bit path equals the big integers")
    func productRoundedHalfUpAgrees() {
        var rng = SplitMix64(seed: 20_261_205)
        func check(_ a: UInt64, _ b: UInt64, _ c: ExactUInt, _ d: ExactUInt) {
            #expect(ExactUInt.productRoundedHalfUp(a, b, c, d) == ExactUInt.roundedHalfUp(ExactUInt(a) * ExactUInt(b) * c, d))
        }
        let rates: [(UInt64, UInt64)] = [(105, 100), (1045, 1000), (10_035, 10_000), (1, 1), (97, 100), (1_000_001, 1_000_000)]
        for _ in 0..<5_000 {
            let a = rng.next() >> UInt64(rng.next() % 64)
            let b = rng.next() >> UInt64(rng.next() % 64)
            let (n, d) = rates[Int(rng.next() % UInt64(rates.count))]
            let k = Int(rng.next() % 41)
            check(a, b, ExactUInt.power(ExactUInt(n), k), ExactUInt.power(ExactUInt(d), k))
        }
        check(UInt64.max, UInt64.max, ExactUInt(UInt64.max), ExactUInt(1))
        check(UInt64.max, 2, .one, .one)
        check(0, UInt64.max, ExactUInt(7), ExactUInt(3))
        check(5, 1, .one, ExactUInt(2))  // 2.5 → 3
        check(7, 1, .one, ExactUInt(2))  // 3.5 → 4
    }

    @Test("rounding and ceiling of big fractions")
    func rounding() {
        // 1.035^20 × 100 = 198.978…: ceiling 199, rounded 199; 2.5 → 3; 2.4999… → 2
        let num = ExactUInt(100) * ExactUInt.power(ExactUInt(1035), 20)
        let den = ExactUInt.power(ExactUInt(1000), 20)
        #expect(ExactUInt.ceiling(num, den) == ExactUInt(199))
        #expect(ExactUInt.roundedHalfUp(num, den) == ExactUInt(199))
        #expect(ExactUInt.roundedHalfUp(ExactUInt(5), ExactUInt(2)) == ExactUInt(3))
        let almostHalf = ExactUInt.power(ExactUInt(10), 30) * ExactUInt(5) - ExactUInt(1)
        #expect(ExactUInt.roundedHalfUp(almostHalf, ExactUInt.power(ExactUInt(10), 31)) == .zero)
        #expect(ExactUInt.ceiling(ExactUInt.power(ExactUInt(10), 30), ExactUInt.power(ExactUInt(10), 29)) == ExactUInt(10))
    }
}
