/// The band of a risk score (see `RiskRegister.level(score:)`).
public enum RiskLevel: String, Sendable, CaseIterable {
    case low, medium, high
}

/// A risk whose early-warning trigger fires.
public struct RiskAlert: Equatable, Sendable {
    public var risk: String
    public var trigger: String
    public var message: String
    /// The same in Simplified Chinese (the screen speaks the UI's language).
    public var messageZH: String
    public init(risk: String, trigger: String, message: String, messageZH: String? = nil) {
        self.risk = risk
        self.trigger = trigger
        self.message = message
        self.messageZH = messageZH ?? message
    }
    public func text(chinese: Bool) -> String { chinese ? messageZH : message }
}

/// The risk register: scores, the 5×5 heat map and early-warning triggers.
public enum RiskRegister {
    /// Likelihood × impact, each clamped to 1…5 (so 1…25).
    public static func score(_ risk: Risk) -> Int { clamp(risk.likelihood) * clamp(risk.impact) }

    /// 1–4 low, 5–9 medium, 10–25 high (a common 5×5 banding: any 4×3 or worse is high).
    public static func level(score: Int) -> RiskLevel {
        switch score {
        case ..<5: return .low
        case 5...9: return .medium
        default: return .high
        }
    }

    /// The band of a risk's score.
    public static func level(_ risk: Risk) -> RiskLevel { level(score: score(risk)) }

    /// Counts per cell: `map[likelihood - 1][impact - 1]`. Closed risks are left out unless asked for;
    /// values outside 1…5 are clamped into the grid.
    public static func heatMap(_ risks: [Risk], includeClosed: Bool = false) -> [[Int]] {
        var map = Array(repeating: Array(repeating: 0, count: 5), count: 5)
        for r in risks where includeClosed || !isClosed(r) {
            map[clamp(r.likelihood) - 1][clamp(r.impact) - 1] += 1
        }
        return map
    }

    // Kept as one function: one case per trigger kind.
    /// The early-warning triggers that fire today.
    ///
    /// - `milestone_overdue` (threshold: days): an unpaid milestone at least that many days past due (and at least one),
    ///   of a contract that is signed (a draft or one in review, without a signing date, owes nothing yet).
    /// - `notice_within` (days): a non-renewal notice deadline within that many days from today.
    /// - `budget_used` (a fraction such as `0.9`, or `90%`): a row of the budget control (committed +
    ///   proposed against the envelope of one fiscal year and cost centre, every category) of the
    ///   current fiscal year or a later one, used at or above the threshold; unbudgeted money fires too.
    ///   A `cost_center` column of the risk watches only that cost centre. Each row fires on its own,
    ///   naming its year and cost centre.
    ///
    /// A risk with a `contract` column (kept in `extra`) watches only that contract. Closed risks never fire.
    public static func alerts(
        risks: [Risk], contracts: [Contract], milestones: [PaymentMilestone],
        budget: BudgetControl?, fiscalYearStart: String = "01-01", today: Day
    ) -> [RiskAlert] {
        var out: [RiskAlert] = []
        for r in risks where !isClosed(r) {
            let only = r.extra["contract"].map { $0.trimmed }.flatMap { $0.isEmpty ? nil : $0 }
            switch r.trigger.trimmed.lowercased() {
            case "milestone_overdue":
                // Nothing is owed under a contract not signed yet (draft, in review, no signing date).
                let unsigned = Set(contracts.filter { $0.signed == nil && ["draft", "review"].contains($0.status.lowercased()) }.map(\.id))
                out += milestoneOverdue(
                    r, milestones.filter { (only == nil || $0.contract == only) && !unsigned.contains($0.contract) }, today: today)
            case "notice_within": out += noticeWithin(r, contracts.filter { only == nil || $0.id == only }, today: today)
            case "budget_used":
                guard let control = budget else { continue }
                out += budgetUsed(r, control, thisYear: BudgetModel.fiscalYear(of: today, start: fiscalYearStart))
            default: continue
            }
        }
        return out
    }

    /// Each unpaid milestone late by at least the threshold's days.
    static func milestoneOverdue(_ r: Risk, _ milestones: [PaymentMilestone], today: Day) -> [RiskAlert] {
        let threshold = max(Int(r.threshold.trimmed) ?? 0, 0)
        return milestones.compactMap { m in
            guard m.status.lowercased() != "paid", let due = m.due else { return nil }
            let late = due.days(until: today)
            guard late > 0 && late >= threshold else { return nil }
            return RiskAlert(
                risk: r.id, trigger: "milestone_overdue",
                message: "\(m.contract) milestone \(m.milestone) is \(late) days overdue (due \(due))",
                messageZH: "\(m.contract) 付款节点 \(m.milestone) 已逾期 \(late) 天 (应于 \(due) 支付)")
        }
    }

    /// Each contract whose next non-renewal notice deadline is at most the threshold's days away.
    static func noticeWithin(_ r: Risk, _ contracts: [Contract], today: Day) -> [RiskAlert] {
        let threshold = max(Int(r.threshold.trimmed) ?? 0, 0)
        return contracts.compactMap { c in
            guard let (deadline, _, _) = KeyDates.nextNoticeDeadline(c, today: today) else { return nil }
            let left = today.days(until: deadline)
            guard left <= threshold else { return nil }
            return RiskAlert(
                risk: r.id, trigger: "notice_within",
                message: "\(c.id) non-renewal notice due in \(left) days (\(deadline))",
                messageZH: "\(c.id) 不续约通知期限还剩 \(left) 天 (\(deadline))")
        }
    }

    /// Each all-category envelope of this fiscal year or a later one (of the risk's cost centre, when
    /// it names one) used at or above the threshold, and money spent with no envelope at all.
    static func budgetUsed(_ r: Risk, _ control: BudgetControl, thisYear: Int) -> [RiskAlert] {
        guard let limit = fraction(r.threshold) else { return [] }
        let center = r.extra["cost_center"].map { $0.trimmed }.flatMap { $0.isEmpty ? nil : $0 }
        var out: [RiskAlert] = []
        for row in control.rows where row.category == nil && row.fiscalYear >= thisYear && (center == nil || row.costCenter == center) {
            let place = "\(row.fiscalYear) \(row.costCenter.isEmpty ? "unassigned" : row.costCenter)"
            let placeZH = "\(row.fiscalYear) \(row.costCenter.isEmpty ? "未分配" : row.costCenter)"
            let figures = "committed \(row.committed.grouped()) + proposed \(row.proposed.grouped())"
            let figuresZH = "已承诺 \(row.committed.grouped()) + 拟采购 \(row.proposed.grouped())"
            if let envelope = row.envelope, envelope.minor > 0 {
                let used = Double(row.used.minor) / Double(envelope.minor)
                guard used >= limit else { continue }
                out.append(
                    RiskAlert(
                        risk: r.id, trigger: "budget_used",
                        message:
                            "\(place): budget \(percent(used)) used (\(figures) of \(envelope.grouped()); threshold \(percent(limit)))",
                        messageZH: "\(placeZH): 预算已使用 \(percent(used)) (\(figuresZH), 预算 \(envelope.grouped()); 阈值 \(percent(limit)))"))
            } else if row.used.minor > 0 {
                out.append(
                    RiskAlert(
                        risk: r.id, trigger: "budget_used",
                        message: "\(place): \(row.used.grouped()) with no budget envelope (\(figures)); unbudgeted",
                        messageZH: "\(placeZH): \(row.used.grouped()) 没有预算 (\(figuresZH)); 未列入预算"))
            }
        }
        return out
    }

    /// A `budget_used` threshold: `0.9`, `90%` → 0.9; nil when it is not a number.
    public static func fraction(_ text: String) -> Double? {
        let t = text.trimmed
        if t.hasSuffix("%"), let v = Double(String(t.dropLast()).trimmed) { return v / 100 }
        return Double(t)
    }

    static func percent(_ f: Double) -> String { NumberText.upTo(f * 100, 1) + "%" }

    /// Whether a risk is closed (its status in English or Chinese): closed risks fire no warning.
    public static func isClosed(_ r: Risk) -> Bool { ["closed", "已关闭", "关闭"].contains(r.status.trimmed.lowercased()) }

    private static func clamp(_ v: Int) -> Int { min(max(v, 1), 5) }
}

/// One change order in a contract's history, with the contract value after it.
public struct ChangeOrderEntry: Equatable, Sendable {
    public var change: ChangeOrder
    /// Whether it counts (approved).
    public var applied: Bool
    /// The contract value after this change (unchanged by proposed or rejected ones).
    public var valueAfter: Money
}

/// Change orders: the amended contract value and the history of deltas.
public enum ChangeOrders {
    /// `approved` (also 已批准 / 批准), any case.
    public static func isApproved(_ c: ChangeOrder) -> Bool {
        ["approved", "已批准", "批准"].contains(c.status.trimmed.lowercased())
    }

    /// The current value: the signed value plus every approved price delta of this contract.
    public static func currentValue(of contract: Contract, changes: [ChangeOrder]) -> Money {
        changes.filter { $0.contract == contract.id && isApproved($0) }.reduce(contract.value) { $0.clampedAdding($1.priceDelta) }
    }

    /// `currentValue`, or nil when the value with the change orders is too large for an amount
    /// (`overflowingChange`): what a screen shows as such rather than a figure stopped at the limit.
    public static func currentValueIfItFits(of contract: Contract, changes: [ChangeOrder]) -> Money? {
        overflowingChange(of: contract, changes: changes) == nil ? currentValue(of: contract, changes: changes) : nil
    }

    /// The first of the contract's change orders (index in `changes`) at which its value and the
    /// price deltas so far, added as sizes, no longer fit an amount: every sum of them (approved or
    /// not, in any order) would overflow from there. Nil when they fit.
    public static func overflowingChange(of contract: Contract, changes: [ChangeOrder]) -> Int? {
        var total = contract.value.minor.magnitude
        for (i, c) in changes.enumerated() where c.contract == contract.id {
            let (sum, o) = total.addingReportingOverflow(c.priceDelta.minor.magnitude)
            if o || sum > UInt64(Int64.max) { return i }
            total = sum
        }
        return nil
    }

    /// The contract's change orders by date (undated last), then id, with the running value.
    public static func history(of contract: Contract, changes: [ChangeOrder]) -> [ChangeOrderEntry] {
        let own = changes.filter { $0.contract == contract.id }.sorted { a, b in
            switch (a.date, b.date) {
            case (let x?, let y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.id < b.id
            }
        }
        var value = contract.value
        return own.map { c in
            let applied = isApproved(c)
            if applied { value = value.clampedAdding(c.priceDelta) }
            return ChangeOrderEntry(change: c, applied: applied, valueAfter: value)
        }
    }
}
