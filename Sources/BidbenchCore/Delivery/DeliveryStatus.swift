/// An unfinished task past its planned end.
public struct OverdueTask: Equatable, Sendable {
    public var task: DeliveryTask
    public var days: Int
}

/// Where one contract's delivery stands on a day: everything screen 5, the `delivery` verb and
/// the report show.
public struct ContractDelivery: Equatable, Sendable {
    public var contract: Contract
    /// The contract's tasks by planned start, then id.
    public var tasks: [DeliveryTask]
    public var phases: [PhaseSummary]
    public var overdue: [OverdueTask]
    /// Tasks done by their planned end, in percent (see `DeliveryPlan.onTimePercent`).
    public var onTimePercent: Double?
    public var tests: [AcceptanceTest]
    public var acceptance: AcceptanceSummary
    public var payments: [PaymentStanding]
    /// Why the payments could not be split (milestones not summing to 100 %), if so.
    public var paymentProblem: String?
    /// `paymentProblem` in Chinese.
    public var paymentProblemZH: String?
    public var sessions: [TrainingSession]
    public var training: TrainingSummary
    public var support: SupportSummary
    /// The vendor's reviews, oldest first.
    public var reviews: [ReviewEntry]
    public var handover: [HandoverLine]

    public var payable: [PaymentStanding] { payments.filter { $0.state == .payable } }
    public var blocked: [PaymentStanding] { payments.filter { $0.state == .blocked } }
}

/// Builds `ContractDelivery` values from a workspace.
public enum DeliveryStatus {
    /// Contracts that are in delivery: signed or active, or with any delivery record.
    public static func contracts(in w: Workspace) -> [Contract] {
        let d = w.delivery
        var named = Set(d.tasks.map(\.contract))
        named.formUnion(d.acceptance.map(\.contract))
        named.formUnion(d.training.map(\.contract))
        named.formUnion(d.tickets.map(\.contract))
        named.formUnion(d.sla.map(\.contract))
        named.formUnion(d.handover.map(\.contract))
        named.formUnion(d.availability.map(\.contract))
        return w.contracts.filter { named.contains($0.id) || ["signed", "active"].contains($0.status) }
    }

    /// The standing of each of `installments` on `today` for the contracts in delivery (the others'
    /// installments are left out: nothing is measured against tests before signing). The one rule
    /// screen 5, `bidbench delivery`, the budget's cash flow and the report share.
    public static func paymentStandings(_ w: Workspace, installments: [Installment], today: Day) -> [PaymentStanding] {
        let delivering = Set(contracts(in: w).map(\.id))
        var out: [PaymentStanding] = []
        var tests: [String: [AcceptanceTest]] = [:]
        for t in w.delivery.acceptance where delivering.contains(t.contract) { tests[t.contract, default: []].append(t) }
        for c in w.contracts where delivering.contains(c.id) {
            let mine = installments.filter { $0.contract == c.id }
            out += standings(c, installments: mine, tests: tests[c.id] ?? [], today: today)
        }
        return out
    }

    /// `AcceptanceRules.standings`, except that nothing is payable before the contract is signed (as
    /// the budget counts it committed, `BudgetModel.isCommitted`): what would be is blocked, saying why.
    static func standings(_ c: Contract, installments: [Installment], tests: [AcceptanceTest], today: Day) -> [PaymentStanding] {
        let out = AcceptanceRules.standings(installments: installments, tests: tests, today: today)
        guard !BudgetModel.isCommitted(c) else { return out }
        return out.map { p in
            guard p.state == .payable else { return p }
            return PaymentStanding(
                installment: p.installment, state: .blocked, tests: p.tests, reason: "the contract is not signed yet",
                reasonZH: "合同尚未签署")
        }
    }

    /// The delivery of every contract in delivery, on `today`. `scans`: the reviews of contract texts
    /// already made (by contract id), so that a report does not review a text twice.
    public static func build(_ w: Workspace, today: Day, scans: [String: ContractScan] = [:]) -> [ContractDelivery] {
        contracts(in: w).map { build(w, contract: $0, today: today, scan: scans[$0.id]) }
    }

    /// The delivery of one contract on `today`; `scan`: the review of its text, when made already.
    public static func build(_ w: Workspace, contract c: Contract, today: Day, scan: ContractScan? = nil) -> ContractDelivery {
        let d = w.delivery
        let tasks = d.tasks.filter { $0.contract == c.id }.sorted { a, b in
            let (x, y) = (a.plannedStart ?? Day(year: 9999, month: 12, day: 31), b.plannedStart ?? Day(year: 9999, month: 12, day: 31))
            return x == y ? a.id < b.id : x < y
        }
        let overdue = tasks.compactMap { t -> OverdueTask? in
            let n = DeliveryPlan.overdueDays(t, today: today)
            return n > 0 ? OverdueTask(task: t, days: n) : nil
        }
        let tests = d.acceptance.filter { $0.contract == c.id }
        var payments: [PaymentStanding] = []
        var problem: String?
        var problemZH: String?
        do {
            let installments = try BudgetModel.installments(contract: c, changes: w.changes, milestones: w.payments)
            payments = standings(c, installments: installments, tests: tests, today: today)
        } catch {
            problem = error.message
            problemZH = error.text(chinese: true)
        }
        let sessions = d.training.filter { $0.contract == c.id }
        var scanned: [SLAResponse] = []
        var lines: [String] = []
        if let text = w.contractTexts[c.file] {
            scanned = (scan ?? ContractScanner.scan(text)).keyTerms.slaResponses
            // The lines are read only for the sentences of the times found.
            if !scanned.isEmpty { lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        }
        let limits = SupportSLA.limits(contract: c.id, terms: d.sla, scanned: scanned, lines: lines)
        var support = SupportSLA.measure(d.tickets.filter { $0.contract == c.id }, limits: limits, today: today)
        support.availabilityTarget = AvailabilityRules.target(of: c, text: w.contractTexts[c.file])
        support.availability = AvailabilityRules.months(contract: c.id, records: d.availability, target: support.availabilityTarget)
        return ContractDelivery(
            contract: c, tasks: tasks, phases: DeliveryPlan.phases(of: tasks, today: today), overdue: overdue,
            onTimePercent: DeliveryPlan.onTimePercent(tasks, today: today), tests: tests, acceptance: AcceptanceRules.summary(tests),
            payments: payments, paymentProblem: problem, paymentProblemZH: problemZH, sessions: sessions,
            training: TrainingRules.summary(sessions: sessions, results: d.trainingResults),
            support: support,
            reviews: VendorScorecard.history(of: c.vendor, d.vendorReviews, survey: d.satisfaction),
            handover: HandoverChecklist.lines(contract: c.id, items: d.handover))
    }

    /// A review of the contract's vendor pre-filled from the data: on-time tasks, first-pass
    /// acceptance, SLA compliance and training pass rate (0 where there is nothing to measure yet);
    /// satisfaction starts at 3 for the reviewer to set.
    public static func suggestedReview(_ d: ContractDelivery, period: String) -> VendorReview {
        VendorReview(
            vendor: d.contract.vendor, period: period, onTimePct: round1(d.onTimePercent ?? 0),
            acceptanceFirstPassPct: round1(d.acceptance.firstPassPercent ?? 0), slaPct: round1(d.support.compliancePercent ?? 100),
            trainingPassPct: round1((d.training.passRate ?? 0) * 100), satisfaction: 3)
    }

    static func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }
}

/// Early warnings from delivery data, for risks whose trigger is one of:
/// - `task_overdue` (threshold: days, default 1): an unfinished task that many days past its planned end;
/// - `sla_breaches` (threshold: count, default 1): that many SLA breaches or more in one month;
/// - `training_below_target` (threshold: a pass rate such as `0.8` or `80%`; default the sessions'
///   target): the training pass rate below it;
/// - `availability_below_target` (threshold: a percentage such as `99.5%`; default the contract's
///   availability target): each month whose availability is below it.
/// A risk with a `contract` column watches only that contract; closed risks never fire.
public enum DeliveryWarnings {
    public static let triggers = ["task_overdue", "sla_breaches", "training_below_target", "availability_below_target"]

    public static func alerts(risks: [Risk], deliveries: [ContractDelivery]) -> [RiskAlert] {
        var out: [RiskAlert] = []
        for r in risks where !RiskRegister.isClosed(r) {
            let only = r.extra["contract"].map { $0.trimmed }.flatMap { $0.isEmpty ? nil : $0 }
            let trigger = r.trigger.trimmed.lowercased()
            guard triggers.contains(trigger) else { continue }
            for d in deliveries where only == nil || d.contract.id == only {
                let c = d.contract.id
                switch trigger {
                case "task_overdue":
                    let n = max(Int(r.threshold.trimmed) ?? 1, 1)
                    for o in d.overdue where o.days >= n {
                        out.append(
                            RiskAlert(
                                risk: r.id, trigger: trigger,
                                message:
                                    "\(c) task \(o.task.id) \(o.task.title) is \(o.days) days overdue (planned end \(o.task.plannedEnd!))",
                                messageZH: "\(c) 任务 \(o.task.id) \(o.task.title) 已逾期 \(o.days) 天 (计划 \(o.task.plannedEnd!) 完成)"))
                    }
                case "sla_breaches":
                    let n = max(Int(r.threshold.trimmed) ?? 1, 1)
                    for m in d.support.months where m.total >= n {
                        out.append(
                            RiskAlert(
                                risk: r.id, trigger: trigger, message: "\(c) \(m.total) SLA breaches in \(m.month) (threshold \(n))",
                                messageZH: "\(c) \(m.month) 违反 SLA \(m.total) 次 (阈值 \(n))"))
                    }
                case "availability_below_target":
                    let threshold = AvailabilityRules.thresholdPercent(r.threshold)
                    for m in d.support.availability {
                        guard let limit = threshold ?? m.target, m.percent + 1e-9 < limit else { continue }
                        let (p, t) = (AvailabilityRules.text(m.percent), AvailabilityRules.text(limit))
                        out.append(
                            RiskAlert(
                                risk: r.id, trigger: trigger, message: "\(c) availability \(p) in \(m.month) below the target \(t)",
                                messageZH: "\(c) \(m.month) 可用率 \(p) 低于目标 \(t)"))
                    }
                default:
                    guard let rate = d.training.passRate, let target = RiskRegister.fraction(r.threshold) ?? d.training.target,
                        rate < target
                    else { continue }
                    out.append(
                        RiskAlert(
                            risk: r.id, trigger: trigger,
                            message:
                                "\(c) training pass rate \(RiskRegister.percent(rate)) below the target \(RiskRegister.percent(target))",
                            messageZH: "\(c) 培训通过率 \(RiskRegister.percent(rate)) 低于目标 \(RiskRegister.percent(target))"))
                }
            }
        }
        return out
    }
}
