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
