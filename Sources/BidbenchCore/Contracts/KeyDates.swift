/// A date to watch in a contract's life, with the days left from "today".
public struct KeyDate: Equatable, Sendable {
    /// What the date is; also the order of dates that fall on the same day.
    public enum Kind: String, Sendable, CaseIterable {
        /// The contract takes effect.
        case effective
        /// The end of the initial term (effective + term months).
        case expiry
        /// The last day to give notice of non-renewal of an auto-renewing contract (the next one from today).
        case notice_deadline
        /// The end of the renewal period that the next notice deadline belongs to (when not the initial expiry).
        case renewal
        /// A payment milestone that is not paid yet.
        case milestone
        /// The end of the warranty (acceptance, else effective, + warranty months).
        case warranty_end
    }
    public var contract: String
    public var kind: Kind
    public var date: Day
    /// Days from today to the date; negative when it is past.
    public var daysLeft: Int
    /// Both languages, `English / 中文` (the calendar file and the command line).
    public var title: String
    /// The title in one language, for a screen that speaks it.
    public var titleEN: String
    public var titleZH: String

    public init(contract: String, kind: Kind, date: Day, daysLeft: Int, title: String, titleEN: String? = nil, titleZH: String? = nil) {
        self.contract = contract
        self.kind = kind
        self.date = date
        self.daysLeft = daysLeft
        self.title = title
        self.titleEN = titleEN ?? title
        self.titleZH = titleZH ?? title
    }
}

/// Key dates of contracts: effective, expiry, non-renewal notice deadlines, milestones, warranty end.
public enum KeyDates {
    /// The key dates of one contract, sorted by date.
    ///
    /// - Parameters:
    ///   - milestones: payment milestones; those of other contracts and those with status `paid` are skipped.
    ///   - accepted: the final acceptance day, the start of the warranty; nil = the effective date.
    ///   - acceptanceDue: the day final acceptance is planned, when it has not happened yet: the
    ///     warranty end is then counted from it and says so.
    ///   - signed: false for a contract not signed yet: its milestones are planned, never overdue (those
    ///     already past are left out) and say that the contract is not signed.
    public static func dates(
        for contract: Contract, milestones: [PaymentMilestone] = [], accepted: Day? = nil, acceptanceDue: Day? = nil,
        signed: Bool = true, today: Day
    ) -> [KeyDate] {
        var out: [KeyDate] = []
        // An unsigned contract's dates are a plan, and each says so (a lawyer's pass: renewals and
        // notice deadlines of a contract still in review were listed, and put in the calendar, as certain).
        func add(_ kind: KeyDate.Kind, _ date: Day, _ title: String, _ en: String, _ zh: String) {
            let said = signed || kind == .milestone  // a milestone says it itself
            out.append(
                KeyDate(
                    contract: contract.id, kind: kind, date: date, daysLeft: today.days(until: date),
                    title: said ? title : title + " — contract not signed yet / 合同尚未签署",
                    titleEN: said ? en : en + " (contract not signed yet)", titleZH: said ? zh : zh + " (合同尚未签署)"))
        }
        let name = contract.title.isEmpty ? contract.id : contract.title
        if let effective = contract.effective {
            add(.effective, effective, "\(name): effective / 生效", "\(name): effective", "\(name): 生效")
            if contract.termMonths > 0 {
                termDates(contract, name: name, today: today, add: add)
            }
            if contract.warrantyMonths > 0 {
                let planned = accepted == nil ? acceptanceDue : nil
                let (en, zh) = planned == nil ? ("", "") : (" (from the planned final acceptance)", " (按计划终验日计)")
                add(
                    .warranty_end, (accepted ?? planned ?? effective).adding(months: contract.warrantyMonths),
                    "\(name): warranty ends\(en) / 质保到期\(zh)", "\(name): warranty ends\(en)", "\(name): 质保到期\(zh)")
            }
        }
        for m in milestones where m.contract == contract.id && m.status.lowercased() != "paid" {
            guard let due = m.due, signed || due >= today else { continue }
            // An unsigned contract's payments are a plan: `dates` had listed them as overdue.
            let (en, zh) = signed ? ("", "") : (" (contract not signed yet)", " (合同尚未签署)")
            add(
                .milestone, due, "\(name): payment milestone \(m.milestone) (\(percentText(m.percent))%)\(en) / 付款节点\(zh)",
                "\(name): payment milestone \(m.milestone) (\(percentText(m.percent))%)\(en)",
                "\(name): 付款节点 \(m.milestone) (\(percentText(m.percent))%)\(zh)")
        }
        return sorted(out)
    }

    /// The dates of the term: its end and, for an auto-renewing contract, where the renewals stand on
    /// `today`. Term ends are E_k = effective + term + k × renewal months and notice deadlines
    /// D_k = E_k − notice days. For an auto-renewing contract the term running on `today` ends at E_j
    /// (the first end on or after today): when D_j has passed, the contract renews at E_j whatever
    /// happens (listed as a renewal, "notice deadline passed"), and the next deadline that can still be
    /// met is listed with the end of its term. Past term ends of a renewing contract are not listed:
    /// they are history, and an "ends" date that is not the real end misleads.
    private static func termDates(
        _ contract: Contract, name: String, today: Day, add: (KeyDate.Kind, Day, String, String, String) -> Void
    ) {
        guard let effective = contract.effective else { return }
        let first = effective.adding(months: contract.termMonths)
        func termEnds() {
            add(.expiry, first, "\(name): term ends / 到期", "\(name): term ends", "\(name): 到期")
        }
        guard contract.autoRenew, contract.renewalMonths > 0 else {
            termEnds()
            if contract.autoRenew, let (deadline, _, _) = nextNoticeDeadline(contract, today: today) {
                addDeadline(contract, name: name, deadline, add: add)
            }
            return
        }
        guard let current = currentTerm(contract, today: today), let next = nextNoticeDeadline(contract, today: today) else { return }
        let months = contract.renewalMonths
        if current.deadline < today {
            add(
                .renewal, current.end,
                "\(name): renews automatically for \(months) months (notice deadline \(current.deadline) passed) / 自动续约 \(months) 个月 (不续约通知截止 \(current.deadline) 已过)",
                "\(name): renews automatically for \(months) months (notice deadline \(current.deadline) passed)",
                "\(name): 自动续约 \(months) 个月 (不续约通知截止 \(current.deadline) 已过)")
        } else if current.index == 0 {
            termEnds()
        }
        addDeadline(contract, name: name, next.deadline, add: add)
        // The end of the term the next deadline belongs to, unless it is the initial expiry listed above.
        if next.periodEnd != current.end || current.index > 0 {
            add(
                .renewal, next.periodEnd, "\(name): renews unless notice is given / 自动续约", "\(name): renews unless notice is given",
                "\(name): 自动续约 (除非提前通知)")
        }
    }

    private static func addDeadline(
        _ contract: Contract, name: String, _ deadline: Day, add: (KeyDate.Kind, Day, String, String, String) -> Void
    ) {
        add(
            .notice_deadline, deadline,
            "\(name): last day to give notice of non-renewal (\(contract.noticeDays) days) / 不续约通知截止",
            "\(name): last day to give notice of non-renewal (\(contract.noticeDays) days)",
            "\(name): 不续约通知截止 (提前 \(contract.noticeDays) 天)")
    }

    /// The term running on `today` of an auto-renewing contract: its end E_j (the first term end on or
    /// after today), its index j (0 = the initial term) and its notice deadline D_j, which may have
    /// passed (the contract then renews at E_j). Nil without auto-renewal, an effective date, a term or
    /// a renewal length.
    public static func currentTerm(_ contract: Contract, today: Day) -> (end: Day, index: Int, deadline: Day)? {
        guard contract.autoRenew, let effective = contract.effective, contract.termMonths > 0, contract.renewalMonths > 0 else {
            return nil
        }
        // Jump close to today first (a renewal lasts at least 28 days), then step: far futures stay fast.
        let gap = effective.adding(months: contract.termMonths).days(until: today)
        var k = max(0, gap / (contract.renewalMonths * 31) - 1)
        while true {
            let end = effective.adding(months: contract.termMonths + k * contract.renewalMonths)
            if end >= today { return (end, k, end.adding(days: -contract.noticeDays)) }
            k += 1
        }
    }

    /// The next non-renewal notice deadline on or after `today`, the end of the period it belongs to, and how
    /// many renewals lie before that period ends. Term ends are counted from the effective date
    /// (effective + term + k × renewal months), so month-end days do not drift.
    public static func nextNoticeDeadline(_ contract: Contract, today: Day) -> (deadline: Day, periodEnd: Day, renewals: Int)? {
        guard contract.autoRenew, let effective = contract.effective, contract.termMonths > 0 else { return nil }
        var k = 0
        while true {
            let end = effective.adding(months: contract.termMonths + k * contract.renewalMonths)
            let deadline = end.adding(days: -contract.noticeDays)
            if deadline >= today { return (deadline, end, k) }
            // Without a renewal length the contract cannot roll forward.
            guard contract.renewalMonths > 0, k < 10_000 else { return nil }
            k += 1
        }
    }

    /// The key dates of every contract in a workspace, sorted by date.
    public static func dates(in workspace: Workspace, today: Day) -> [KeyDate] {
        sorted(workspace.contracts.flatMap { dates(for: $0, in: workspace, today: today) })
    }

    /// The key dates of one contract of a workspace. The warranty starts at final acceptance: an
    /// `accepted` column of contracts.csv when there is one, else the day the acceptance tests named by
    /// the contract's last acceptance milestone all passed (`AcceptanceRules.finalAcceptance`); until
    /// then it is counted from that milestone's due date, and says so.
    public static func dates(for c: Contract, in workspace: Workspace, today: Day) -> [KeyDate] {
        let final = AcceptanceRules.finalAcceptance(contract: c.id, milestones: workspace.payments, tests: workspace.delivery.acceptance)
        return dates(
            for: c, milestones: workspace.payments, accepted: c.extra["accepted"].flatMap { Day(iso: $0) } ?? final?.passed,
            acceptanceDue: final?.due, signed: BudgetModel.isCommitted(c), today: today)
    }

    /// Dates from today up to `days` ahead (0 ≤ days left ≤ days), plus unpaid milestones already overdue.
    public static func within(_ dates: [KeyDate], days: Int) -> [KeyDate] {
        dates.filter { ($0.daysLeft >= 0 && $0.daysLeft <= days) || ($0.kind == .milestone && $0.daysLeft < 0) }
    }

    static func sorted(_ dates: [KeyDate]) -> [KeyDate] {
        let order = Dictionary(uniqueKeysWithValues: KeyDate.Kind.allCases.enumerated().map { ($1, $0) })
        return dates.sorted { a, b in
            if a.date != b.date { return a.date < b.date }
            if a.contract != b.contract { return a.contract < b.contract }
            if a.kind != b.kind { return order[a.kind]! < order[b.kind]! }
            return a.title < b.title
        }
    }

    static func percentText(_ p: Double) -> String { NumberText.format(p) }
}
