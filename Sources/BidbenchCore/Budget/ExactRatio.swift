/// An exact rational number `numerator / denominator` for rates and percents (growth 0.1,
/// discount 0.035, a milestone's 33.33 %), so that budget figures never pass through binary
/// floating point: 1.1² is exactly 1.21, and 100 × 1.21 users is exactly 121.
///
/// Always reduced, with a positive denominator, so `==` compares values.
public struct ExactRatio: Hashable, Sendable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    public static let zero = ExactRatio(reduced: 0, 1)
    public static let one = ExactRatio(reduced: 1, 1)

    private init(reduced n: Int64, _ d: Int64) {
        numerator = n
        denominator = d
    }

    /// `numerator / denominator`, reduced; nil when the denominator is zero or a value overflows.
    public init?(numerator: Int64, denominator: Int64) {
        guard denominator != 0, numerator != .min, denominator != .min else { return nil }
        let g = ExactRatio.gcd(numerator.magnitude, denominator.magnitude)
        var n = numerator / Int64(g)
        var d = denominator / Int64(g)
        if d < 0 {
            n = -n
            d = -d
        }
        self.init(reduced: n, d)
    }

    /// An integer.
    public init(_ value: Int64) { self.init(reduced: value, 1) }

    /// Parses a decimal exactly: `0.1`, `-0.05`, `.5`, `1e-3`, `2.5E+2`, `10%` (= 0.1).
    /// With `allowFraction`, also `a/b` of two decimals (`100/3`, `1/3%`).
    /// Nil for anything else or for values beyond Int64 numerators and denominators.
    public init?(parsing text: String, allowFraction: Bool = false) {
        var s = Substring(text.trimmed)
        var percent = false
        if s.last == "%" || s.last == "％" {
            percent = true
            s = s.dropLast()
        }
        var value: ExactRatio
        if allowFraction, let slash = s.firstIndex(of: "/") {
            guard let a = ExactRatio.parseDecimal(s[..<slash]), let b = ExactRatio.parseDecimal(s[s.index(after: slash)...]),
                b.numerator != 0, let q = a.dividing(by: b)
            else { return nil }
            value = q
        } else {
            guard let v = ExactRatio.parseDecimal(s) else { return nil }
            value = v
        }
        if percent {
            guard let p = value.dividing(by: ExactRatio(100)) else { return nil }
            value = p
        }
        self = value
    }

    /// The decimal a person typed when this `Double` was read from a file: the shortest text that
    /// round-trips (`0.1` → exactly 1/10, not the binary 0.1000000000000000055…). Nil for NaN,
    /// infinities and values beyond Int64 ratios.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(parsing: "\(value)")
    }

    public var isNegative: Bool { numerator < 0 }

    /// An approximation for display and charts only.
    public var approximateValue: Double { Double(numerator) / Double(denominator) }

    /// A terminating decimal without trailing zeros (`0.035`, `18`, `-0.5`) when the value has one
    /// that fits, else the fraction `n/d`.
    public var description: String {
        if let text = decimalText { return text }
        return "\(numerator)/\(denominator)"
    }

    /// The exact decimal form, nil when the value does not terminate in base 10 (1/3) or overflows.
    public var decimalText: String? {
        var d = denominator
        var twos = 0
        var fives = 0
        while d % 2 == 0 {
            d /= 2
            twos += 1
        }
        while d % 5 == 0 {
            d /= 5
            fives += 1
        }
        guard d == 1 else { return nil }
        let scale = max(twos, fives)
        guard scale <= 18 else { return nil }
        let factor = ExactRatio.pow10(scale)! / denominator
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        let sign = scaled < 0 ? "-" : ""
        var digits = String(scaled.magnitude)
        if scale == 0 { return sign + digits }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        var whole = String(digits.dropLast(scale))
        var frac = String(digits.suffix(scale))
        while frac.last == "0" { frac.removeLast() }
        if whole.isEmpty { whole = "0" }
        return sign + whole + (frac.isEmpty ? "" : "." + frac)
    }

    /// `1 + self` as an exact non-negative fraction (numerator, denominator); nil when `self < -1`.
    var onePlus: (numerator: ExactUInt, denominator: ExactUInt)? {
        let d = ExactUInt(denominator)
        if numerator >= 0 { return (d + ExactUInt(numerator), d) }
        let m = ExactUInt(numerator.magnitude)
        guard !(d < m) else { return nil }
        return (d - m, d)
    }

    /// Exact sum; nil when it does not fit Int64 numerator and denominator.
    func adding(_ other: ExactRatio) -> ExactRatio? {
        let (a, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (b, o2) = other.numerator.multipliedReportingOverflow(by: denominator)
        let (d, o3) = denominator.multipliedReportingOverflow(by: other.denominator)
        guard !o1, !o2, !o3 else { return nil }
        let (n, o4) = a.addingReportingOverflow(b)
        guard !o4 else { return nil }
        return ExactRatio(numerator: n, denominator: d)
    }

    func dividing(by other: ExactRatio) -> ExactRatio? {
        guard other.numerator != 0 else { return nil }
        let (n, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (d, o2) = denominator.multipliedReportingOverflow(by: other.numerator)
        guard !o1, !o2 else { return nil }
        return ExactRatio(numerator: n, denominator: d)
    }

    static func pow10(_ k: Int) -> Int64? {
        guard k >= 0, k <= 18 else { return nil }
        var p: Int64 = 1
        for _ in 0..<k { p *= 10 }
        return p
    }

    private static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }

    /// `[-+]digits[.digits][e[-+]digits]`, exactly.
    private static func parseDecimal(_ text: Substring) -> ExactRatio? {
        var s = text
        var negative = false
        if s.first == "-" {
            negative = true
            s = s.dropFirst()
        } else if s.first == "+" {
            s = s.dropFirst()
        }
        var mantissa: Int64 = 0
        var scale = 0
        var digits = 0
        var seenDot = false
        var exponent = 0
        while let c = s.first {
            if c == "." {
                if seenDot { return nil }
                seenDot = true
            } else if c == "e" || c == "E" {
                s = s.dropFirst()
                var expNegative = false
                if s.first == "-" {
                    expNegative = true
                    s = s.dropFirst()
                } else if s.first == "+" {
                    s = s.dropFirst()
                }
                guard !s.isEmpty, s.count <= 3, s.allSatisfy({ $0.isASCII && $0.isNumber }), let e = Int(s) else { return nil }
                exponent = expNegative ? -e : e
                s = ""
                break
            } else if c.isASCII, let d = c.wholeNumberValue {
                digits += 1
                let (m, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(d))
                if o1 || o2 { return nil }
                mantissa = a
                if seenDot { scale += 1 }
            } else {
                return nil
            }
            s = s.dropFirst()
        }
        guard digits > 0 else { return nil }
        scale -= exponent
        if negative { mantissa = -mantissa }
        if mantissa == 0 { return .zero }
        if scale <= 0 {
            guard let p = pow10(-scale) else { return nil }
            let (n, o) = mantissa.multipliedReportingOverflow(by: p)
            return o ? nil : ExactRatio(reduced: n, 1)
        }
        // Trailing zeros would only inflate the power of ten.
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10
            scale -= 1
        }
        guard let p = pow10(scale) else { return nil }
        return ExactRatio(numerator: mantissa, denominator: p)
    }
}
