/// One payment of a contract: a milestone's share of the contract value.
public struct Installment: Equatable, Sendable {
    public var contract: String
    public var milestone: String
    public var percent: ExactRatio
    public var amount: Money
    public var due: Day?
    public var condition: String
    public var status: String
    /// What the paid milestones owe of change orders approved after them, carried into this one (part
    /// of `amount`); zero for most.
    public var carried: Money = .zero

    /// The milestone's name, with what it carries said (a helper's pass: `上线款 60%` showed 1,188,000
    /// where 60 % of the value is 1,164,000, unexplained): `上线款 (含已付节点的变更份额 24,000)`.
    public func milestoneText(chinese: Bool) -> String {
        guard carried.minor != 0 else { return milestone }
        let amount = carried.grouped(NumberText.cents(for: [carried]))
        return milestone
            + (chinese
                ? " (含已付节点的变更份额 \(amount))" : " (incl. \(amount): the paid milestones' share of later change orders)")
    }
}

/// How the cash-flow view groups installments.
public enum CashFlowPeriod: String, Sendable, CaseIterable {
    /// `2027-03`
    case month
    /// `2027-Q1`
    case quarter
}

/// The installments due in one month or quarter.
public struct CashFlowBucket: Equatable, Sendable {
    /// `2027-03`, `2027-Q1`, or `undated` for installments without a due date.
    public var period: String
    public var amount: Money
    public var installments: [Installment]
}

extension BudgetModel {
    /// The period label of installments without a due date (sorted last).
    public static let undatedPeriod = "undated"

    /// Splits `value` by `percents`, which must be non-negative and sum to exactly 100. Each part is
    /// value × percent / 100 rounded half-up (away from zero); the last part absorbs the rounding so
    /// that the parts sum to `value` exactly.
    public static func split(_ value: Money, percents: [ExactRatio], contract: String) throws(BudgetError) -> [Money] {
        guard !percents.isEmpty else { throw BudgetError("contract \(contract): no payment milestones", zh: "合同 \(contract): 没有付款节点") }
        var sum = ExactRatio.zero
        for p in percents {
            guard !p.isNegative else {
                throw BudgetError("contract \(contract): negative milestone percent \(p)", zh: "合同 \(contract): 付款节点比例 \(p) 为负数")
            }
            guard let s = sum.adding(p) else {
                throw BudgetError(
                    "contract \(contract): milestone percents are too fine to add exactly", zh: "合同 \(contract): 付款节点比例过于精细, 无法精确相加")
            }
            sum = s
        }
        guard sum == ExactRatio(100) else {
            throw BudgetError(
                "contract \(contract): milestone percents sum to \(sum), not 100", zh: "合同 \(contract): 付款节点比例合计 \(sum), 而非 100")
        }
        let magnitude = ExactUInt(value.minor.magnitude)
        var parts: [Money] = []
        var allocated: Int64 = 0
        for p in percents.dropLast() {
            let n = magnitude * ExactUInt(p.numerator)
            let d = ExactUInt(p.denominator) * ExactUInt(100)
            // Each part is at most |value|, so it fits.
            let m = Int64(ExactUInt.roundedHalfUp(n, d).uint64!)
            let part = value.minor < 0 ? -m : m
            parts.append(Money(minor: part))
            let (a, o) = allocated.addingReportingOverflow(part)
            guard !o else {
                throw BudgetError("contract \(contract): value \(value) overflows when split", zh: "合同 \(contract): 金额 \(value) 拆分时溢出")
            }
            allocated = a
        }
        // Only a value at the edge of Int64 can overflow here (earlier parts rounding up past it).
        let (last, overflow) = value.minor.subtractingReportingOverflow(allocated)
        guard !overflow else {
            throw BudgetError("contract \(contract): value \(value) overflows when split", zh: "合同 \(contract): 金额 \(value) 拆分时溢出")
        }
        parts.append(Money(minor: last))
        return parts
    }

    /// The installments of one contract from its milestones in file order (milestones of other
    /// contracts are ignored). The `Double` percents of `PaymentMilestone` are read back as the
    /// decimals that were typed (shortest round-trip form).
    public static func installments(
        contract: String, value: Money,
        milestones: [PaymentMilestone]
    ) throws(BudgetError) -> [Installment] {
        let mine = milestones.filter { $0.contract == contract }
        var percents: [ExactRatio] = []
        for m in mine {
            guard let p = ExactRatio(m.percent) else {
                throw BudgetError(
                    "contract \(contract), milestone '\(m.milestone)': percent \(m.percent) is not a number",
                    zh: "合同 \(contract) 付款节点 “\(m.milestone)”: 比例 \(m.percent) 不是数字")
            }
            percents.append(p)
        }
        let amounts = try split(value, percents: percents, contract: contract)
        return mine.indices.map { i in
            Installment(
                contract: contract, milestone: mine[i].milestone, percent: percents[i], amount: amounts[i],
                due: mine[i].due, condition: mine[i].condition, status: mine[i].status)
        }
    }

    /// The error for contract `k` whose value with its change orders does not fit an amount (naming the
    /// change order where it stops fitting), nil when it fits (`ChangeOrders.overflowingChange`).
    static func valueTooLarge(_ k: Contract, changes: [ChangeOrder]) -> BudgetError? {
        guard let i = ChangeOrders.overflowingChange(of: k, changes: changes) else { return nil }
        return BudgetError(
            "contract \(k.id): its value with the change orders up to \(changes[i].id) is too large for an amount",
            zh: "合同 \(k.id): 金额加上截至 \(changes[i].id) 的变更单过大, 无法表示")
    }

    /// Contract `k`'s installments at its current value (after approved change orders), with each
    /// paid milestone held at what was paid: paid in due-date order, each payment brings what the
    /// milestones paid so far come to at the contract value of its due date (the change orders
    /// approved on or before it). So a change order approved after a payment raises the next one by
    /// the paid milestones' share of it. The next unpaid milestone (the earliest due, undated last)
    /// brings what the paid ones still owe at the current value; when every milestone is paid, that is
    /// one more installment named after the change orders since the last payment, due on the last one's
    /// date. The installments sum exactly to the current value. (Before, a change order approved in
    /// March raised the signing payment made in January.)
    public static func installments(contract k: Contract, changes: [ChangeOrder], milestones: [PaymentMilestone]) throws(BudgetError)
        -> [Installment]
    {
        if let error = valueTooLarge(k, changes: changes) { throw error }
        let current = ChangeOrders.currentValue(of: k, changes: changes)
        var result = try installments(contract: k.id, value: current, milestones: milestones)
        let approved = changes.filter { $0.contract == k.id && ChangeOrders.isApproved($0) && $0.date != nil }
        func isPaid(_ i: Int) -> Bool { result[i].status.trimmed.lowercased() == "paid" }
        let undated = Day(year: 9999, month: 12, day: 31)
        func before(_ a: Int, _ b: Int) -> Bool { (result[a].due ?? undated, a) < (result[b].due ?? undated, b) }
        let paid = result.indices.filter(isPaid).sorted(by: before)
        guard !approved.isEmpty, !paid.isEmpty else { return result }
        let percents = result.map(\.percent)
        let now = result.map(\.amount)
        var cumulative = Money.zero
        var last: Day?
        for (n, i) in paid.enumerated() {
            // An undated payment is taken as made at the current value.
            let value = result[i].due.map { due in approved.filter { $0.date! > due }.reduce(current) { $0 - $1.priceDelta } } ?? current
            let shares = try split(value, percents: percents, contract: k.id)
            let upTo = paid[...n].reduce(Money.zero) { $0 + shares[$1] }
            result[i].amount = upTo - cumulative
            cumulative = upTo
            last = result[i].due ?? last
        }
        let owed = paid.reduce(Money.zero) { $0 + now[$1] } - cumulative
        guard owed.minor != 0 else { return result }
        if let next = result.indices.filter({ !isPaid($0) }).min(by: before) {
            result[next].amount = result[next].amount + owed
            result[next].carried = owed
        } else {
            let since = approved.filter { c in last.map { c.date! > $0 } ?? true }
            result.append(
                Installment(
                    contract: k.id, milestone: since.map(\.id).sorted().joined(separator: "+"), percent: .zero, amount: owed,
                    due: since.compactMap(\.date).max(), condition: "", status: "planned"))
        }
        return result
    }

    /// Groups installments by the month or quarter of their due date, in date order, undated last.
    public static func cashFlow(_ installments: [Installment], by period: CashFlowPeriod) throws(BudgetError) -> [CashFlowBucket] {
        func key(_ day: Day?) -> String {
            guard let d = day else { return undatedPeriod }
            let year = String(repeating: "0", count: max(0, 4 - String(d.year).count)) + String(d.year)
            switch period {
            case .month: return year + "-" + (d.month < 10 ? "0" : "") + String(d.month)
            case .quarter: return year + "-Q" + String((d.month - 1) / 3 + 1)
            }
        }
        var buckets: [String: CashFlowBucket] = [:]
        for i in installments {
            let k = key(i.due)
            var b = buckets[k] ?? CashFlowBucket(period: k, amount: .zero, installments: [])
            guard let sum = b.amount.adding(i.amount) else { throw BudgetError("cash flow of \(k) overflows", zh: "\(k) 的现金流溢出") }
            b.amount = sum
            b.installments.append(i)
            buckets[k] = b
        }
        // Labels of four-digit years sort as dates; `undated` goes last.
        return buckets.values.sorted { a, b in
            if (a.period == undatedPeriod) != (b.period == undatedPeriod) { return b.period == undatedPeriod }
            return a.period < b.period
        }
    }
}
