import Foundation
import PropertyBased
import Testing

@testable import BidbenchCore

/// The one number formatter. Rounding is half away from zero on the number as written (its shortest
/// decimal form); grouping is by three with a comma in both languages.
@Suite struct NumberTextTests {
    /// A meeting pass: the matrix's weights read 19 14 28 14 10 14 (99 %) after a `+`.
    @Test func wholePercentsAddUpTo100() async {
        let shares = [0.18947368, 0.14210526, 0.28421053, 0.14210526, 0.1, 0.14210527]
        #expect(NumberText.wholePercents(shares) == [19, 14, 29, 14, 10, 14])
        #expect(NumberText.wholePercents([1.0 / 3, 1.0 / 3, 1.0 / 3]) == [34, 33, 33])
        #expect(NumberText.wholePercents([0.5, 0.4]) == nil)
        // Any shares that make a whole: 100 in all, each within a point of its exact value.
        await propertyCheck(count: 300, input: Gen.int(in: 1...12).array(of: 1...9)) { raw in
            let total = Double(raw.reduce(0, +))
            let exact = raw.map { Double($0) / total }
            guard let points = NumberText.wholePercents(exact) else { return #expect(Bool(false), "\(raw)") }
            #expect(points.reduce(0, +) == 100)
            for (p, e) in zip(points, exact) { #expect(abs(Double(p) - e * 100) < 1) }
        }
    }

    @Test func shortestPlainText() {
        #expect(NumberText.format(5) == "5")
        #expect(NumberText.format(0) == "0")
        #expect(NumberText.format(-0.0) == "0")
        #expect(NumberText.format(0.35) == "0.35")
        #expect(NumberText.format(-2.5) == "-2.5")
        #expect(NumberText.format(1e-5) == "0.00001")
        #expect(NumberText.format(1.5e16) == "15000000000000000")
    }

    /// The stack-buffer path gives what the definition's steps on arrays give, for every number a
    /// report prints: random magnitudes and digits, halves, nines that carry, signs, zero, grouping.
    @Test func fixedInABufferEqualsTheDefinition() {
        var g = SplitMix64(seed: 18)
        var values: [Double] = [
            0, -0.0, 0.5, 0.125, -0.125, 2.675, 9.995, 999.96, 99_999.995, 1e15, 123_456_789.987_654, 1e-7, .leastNonzeroMagnitude, 1e300,
        ]
        for _ in 0..<30_000 {
            let exponent = Double(g.int(below: 20)) - 8
            let mantissa = Double(g.int(below: 2_000_000)) / 1000 - 1000
            values.append(g.int(below: 4) == 0 ? (mantissa * 1000).rounded() / 1000 : mantissa * pow(10, exponent))
        }
        for v in values {
            for places in [0, 1, 2, 3, 6] {
                for grouped in [false, true] {
                    #expect(
                        NumberText.fixed(v, places, grouped: grouped) == NumberText.fixedByArrays(v, places, grouped: grouped),
                        "\(v) \(places)")
                }
            }
        }
    }

    @Test func fixedRoundsHalfAwayFromZeroAsWritten() {
        #expect(NumberText.fixed(8.5, 2) == "8.50")
        #expect(NumberText.fixed(2.675, 2) == "2.68")  // the Double is 2.67499999…; printf gives 2.67
        #expect(NumberText.fixed(0.125, 2) == "0.13")  // printf's half-even gives 0.12
        #expect(NumberText.fixed(-0.125, 2) == "-0.13")
        #expect(NumberText.fixed(8.345, 2) == "8.35")
        #expect(NumberText.fixed(8.344999, 2) == "8.34")
        #expect(NumberText.fixed(9.995, 2) == "10.00")
        #expect(NumberText.fixed(999.96, 1) == "1000.0")
        #expect(NumberText.fixed(1234.5, 0) == "1235")
        #expect(NumberText.fixed(-1234.5, 0) == "-1235")
        #expect(NumberText.fixed(0.612_345, 3) == "0.612")
        #expect(NumberText.fixed(1e-7, 3) == "0.000")
        // Never a negative zero.
        #expect(NumberText.fixed(-0.004, 2) == "0.00")
        #expect(NumberText.fixed(-0.0, 1) == "0.0")
        #expect(NumberText.fixed(.nan, 2) == "–")
        #expect(NumberText.fixed(-.infinity, 2) == "–")
    }

    @Test func groupingIsByThreeWithAComma() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(1000) == "1,000")
        #expect(NumberText.grouped(1_230_000) == "1,230,000")
        #expect(NumberText.grouped(-45_000) == "-45,000")
        #expect(NumberText.grouped(Int64.min) == "-9,223,372,036,854,775,808")
        #expect(NumberText.fixed(1_234_567.891, 2, grouped: true) == "1,234,567.89")
        #expect(NumberText.fixed(-999_999.5, 0, grouped: true) == "-1,000,000")
    }

    @Test func upToDropsTrailingZeros() {
        #expect(NumberText.upTo(8.5, 2) == "8.5")
        #expect(NumberText.upTo(8.004, 2) == "8")
        #expect(NumberText.upTo(0.6125, 3) == "0.613")
        #expect(NumberText.upTo(1_860_000, 1, grouped: true) == "1,860,000")
        #expect(NumberText.upTo(-0.00001, 4) == "0")
    }

    @Test func percent() {
        #expect(NumberText.percent(0.352) == "35.2%")
        #expect(NumberText.percent(0.5, 0) == "50%")
        #expect(NumberText.percent(1) == "100.0%")
        #expect(NumberText.percent(-0.25, 0) == "-25%")
        #expect(NumberText.percent(-0.00004) == "0.0%")
        #expect(NumberText.percent(.nan) == "–")
    }

    /// The delivery measures: points, up to one decimal, no trailing zero (`90%`, never `90.0%`).
    @Test func percentOfPoints() {
        #expect(NumberText.percent(points: 90) == "90%")
        #expect(NumberText.percent(points: 600.0 / 7) == "85.7%")
        #expect(NumberText.percent(points: 87.25) == "87.3%")
        #expect(NumberText.percent(points: 60.04) == "60%")
        #expect(NumberText.percent(points: 0.25) == "0.3%")
    }

    @Test func moneyFromMinorUnits() {
        #expect(NumberText.money(Money(minor: 123_000_000)) == "1,230,000")
        #expect(NumberText.money(Money(minor: 123_000_000), cents: .always) == "1,230,000.00")
        #expect(NumberText.money(Money(minor: 9_950)) == "99.50")
        #expect(NumberText.money(Money(minor: -5)) == "-0.05")
        #expect(NumberText.money(.zero) == "0")
        #expect(NumberText.money(.zero, cents: .always) == "0.00")
        #expect(NumberText.money(Money(minor: 9_950), cents: .never) == "100")
        #expect(NumberText.money(Money(minor: -9_949), cents: .never) == "-99")
        #expect(NumberText.money(Money(minor: -49), cents: .never) == "0")
        // Beyond what a Double holds exactly: still exact to the fen.
        #expect(NumberText.money(Money(minor: 9_007_199_254_740_993), cents: .always) == "90,071,992,547,409.93")
        #expect(Money(minor: 123_000_000).grouped() == "1,230,000")
    }
}
