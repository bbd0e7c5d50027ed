/// How much of a budget envelope the chosen vendor uses.
public enum EnvelopeStatus: String, Sendable, CaseIterable {
    /// Below the warning threshold.
    case ok
    /// At or above the warning threshold (default 90 %), not above the stop threshold.
    case warn
    /// Above the stop threshold (default 100 %).
    case over
}

/// One envelope of `budget.csv` checked against a vendor's TCO.
public struct EnvelopeUse: Equatable, Sendable {
    public var envelope: BudgetEnvelope
    /// The horizon year of the envelope's fiscal year; nil when it lies outside the horizon.
    public var horizonYear: Int?
    /// The category the envelope is limited to; nil for all categories.
    public var category: CostCategory?
    public var used: Money
    /// Envelope amount minus used (negative when over).
    public var remaining: Money
    public var status: EnvelopeStatus

    /// Used as a percentage of the envelope, for display; nil for an empty envelope.
    public var percentUsed: Double? {
        envelope.amount.minor == 0 ? nil : Double(used.minor) * 100 / Double(envelope.amount.minor)
    }
}

extension BudgetModel {
    /// Checks envelopes against the chosen vendor's TCO. Horizon year y is fiscal year
    /// `firstYear + y − 1`; used is the vendor's cost in that year, in every category or in the
    /// envelope's one. Status: `over` when used > stop × amount, else `warn` when used ≥ warn × amount,
    /// else `ok`, compared exactly. Nothing spent is always `ok`; an envelope of zero is `over` as
    /// soon as anything is spent.
    ///
    /// Throws for an unknown envelope category, a negative envelope, or negative thresholds.
    public static func envelopes(
        _ envelopes: [BudgetEnvelope], tco: VendorTCO, firstYear: Int,
        warn: ExactRatio, stop: ExactRatio
    ) throws(BudgetError) -> [EnvelopeUse] {
        guard !warn.isNegative, !stop.isNegative else {
            throw BudgetError("budget thresholds must not be negative (warn \(warn), stop \(stop))")
        }
        var result: [EnvelopeUse] = []
        for e in envelopes {
            let name = "budget envelope \(e.fiscalYear)/\(e.costCenter)"
            let raw = e.category.trimmed.lowercased()
            var category: CostCategory?
            if !raw.isEmpty && raw != "all" {
                guard let c = CostCategory(rawValue: raw) else { throw BudgetError("\(name): unknown category '\(e.category)'") }
                category = c
            }
            guard e.amount.minor >= 0 else { throw BudgetError("\(name): negative amount \(e.amount)") }
            let year = e.fiscalYear - firstYear + 1
            let inHorizon = year >= 1 && year <= tco.perYear.count
            let used = inHorizon ? tco.cost(year: year, category: category) : .zero
            guard let remaining = e.amount.adding(Money(minor: -used.minor)) else { throw BudgetError("\(name): overflow") }
            let status: EnvelopeStatus
            if used.minor == 0 {
                status = .ok
            } else if atLeast(used, stop, of: e.amount, strictly: true) {
                status = .over
            } else if atLeast(used, warn, of: e.amount, strictly: false) {
                status = .warn
            } else {
                status = .ok
            }
            result.append(
                EnvelopeUse(
                    envelope: e, horizonYear: inHorizon ? year : nil, category: category,
                    used: used, remaining: remaining, status: status))
        }
        return result
    }

    /// `used ≥ fraction × amount` (or `>` when strict), exactly: used·d versus n·amount.
    private static func atLeast(_ used: Money, _ fraction: ExactRatio, of amount: Money, strictly: Bool) -> Bool {
        let lhs = ExactUInt(used.minor) * ExactUInt(fraction.denominator)
        let rhs = ExactUInt(fraction.numerator) * ExactUInt(amount.minor)
        return strictly ? rhs < lhs : !(lhs < rhs)
    }
}
