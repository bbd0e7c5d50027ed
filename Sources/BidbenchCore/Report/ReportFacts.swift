/// What to render and how: the workspace plus the facts from outside Core (today, the git commit).
public struct ReportRequest: Sendable {
    public var workspace: Workspace
    /// The report date; also "today" on the key-dates timeline.
    public var today: Day
    public var language: ReportLanguage
    /// Short git commit of the workspace folder, when it is in git.
    public var commit: String?
    /// Problems found while loading the workspace (`file:line: message`), shown as a warning.
    public var problems: [String] = []
    /// Who the report is for: while the panel is blind it shows only what `PanelRule` lets this viewer see.
    public var viewer: PanelViewer = .lead

    /// - Parameter language: nil = the workspace's `settings.language`.
    public init(workspace: Workspace, today: Day, language: ReportLanguage? = nil, commit: String? = nil) {
        self.workspace = workspace
        self.today = today
        self.language = language ?? ReportLanguage(code: workspace.settings.language)
        self.commit = commit
    }
}

/// One department's active requirements by priority.
struct DepartmentDemand {
    var name: String
    var counts: [Priority: Int]
    var total: Int { counts.values.reduce(0, +) }
}

/// One dated event of the key-dates timeline.
struct ReportDate {
    enum Kind { case effective, expiry, notice, warranty, payment }
    var day: Day
    var kind: Kind
    var contract: String
    var text: String

    /// The event as a table shows it: payments name their milestone.
    func label(_ lang: ReportLanguage) -> String {
        kind == .payment ? lang.pick("Payment", "付款") + " · " + text : text
    }
}

/// Everything the HTML and Markdown reports show, computed once from the workspace. Analyses that
/// fail on bad input leave their section with a message instead of stopping the report.
struct ReportFacts {
    let request: ReportRequest
    var ws: Workspace { request.workspace }
    var lang: ReportLanguage { request.language }

    var demand: [DepartmentDemand] = []
    var tcos: [VendorTCO] = []
    var budgetError: String?
    /// The budget control (the same figures as `bidbench budget --vendor` of the budget vendor).
    var control: BudgetControl?
    /// The rows of the budget control, for the envelope sections.
    var envelopeUse: [ControlRow] { control?.rows ?? [] }
    /// The vendor whose proposal is checked against the envelopes and whose contract is paid.
    var budgetVendor: String?
    /// Whether `budgetVendor` is only an example (no vendor chosen: a blind panel, no ranking), said
    /// wherever it is named (a meeting pass: the blind summary named the first vendor beside "no
    /// recommendation while blind").
    var budgetVendorIsExample = false
    var installments: [Installment] = []
    var cashFlow: [CashFlowBucket] = []
    /// Milestones of contracts in delivery that acceptance tests block on the report date, with why.
    var blocked: [PaymentStanding] = []
    var paymentErrors: [String] = []
    var keyDates: [ReportDate] = []
    var scoring: ScoringFacts?
    var scoringError: String?
    /// Scans of the contract texts by contract id (contracts whose text is in the workspace).
    var scans: [String: ContractScan] = [:]
    /// Lookups made once, so sections that name a vendor or list its gate answers per row stay
    /// linear in the workspace (a large one has 200 vendors and 800 000 gate answers).
    private(set) var vendorNames: [String: String] = [:]
    /// Per vendor, its gate answers (in gates.csv order) to must-have requirements that still
    /// count, with the first such requirement of that id.
    private(set) var mustAnswers: [String: [(gate: GateAnswer, requirement: Requirement)]] = [:]
    /// Vendors that answered no to a must-have that still counts (knocked out).
    private(set) var knockedOut: Set<String> = []
    /// Ranked vendors that only partly meet must-haves (a warning, not a knock-out).
    private(set) var partlyMet: [(vendor: String, items: [String])] = []

    init(_ request: ReportRequest) {
        self.request = request
        let ws = request.workspace
        // The contract reviews run on the second core meanwhile (they need nothing computed here).
        // An empty file is no text, as on the Contracts screen: not scanned, so no clause reads as missing.
        let texts = ws.contracts.compactMap { c in ws.contractTexts[c.file].flatMap { $0.isEmpty ? nil : (c.id, $0) } }
        let reviews = Background { texts.map { ($0.0, ContractScanner.scan($0.1)) } }
        for v in ws.vendors where vendorNames[v.id] == nil { vendorNames[v.id] = v.name }
        var musts: [String: Requirement] = [:]
        for r in ws.requirements where r.priority == .must && r.status != .dropped && r.status != .merged && musts[r.id] == nil {
            musts[r.id] = r
        }
        // By index: most of the 805 200 answers are `yes` and are not copied out of the array.
        for i in ws.gates.indices where ws.gates[i].answer == .no || ws.gates[i].answer == .partly {
            let g = ws.gates[i]
            guard let r = musts[g.requirement] else { continue }
            mustAnswers[g.vendor, default: []].append((g, r))
            if g.answer == .no { knockedOut.insert(g.vendor) }
        }
        demand = Self.demand(request.workspace)
        computeBudget(chosen: nil)
        computeScoring()
        // The budget is checked against the recommended vendor once there is one. While the panel
        // is blind the recommendation is sealed: nothing is proposed (as `bidbench budget` says),
        // and the first priced vendor's costs are only an example (the envelopes were charged with
        // them, near-limit warning and all, for a vendor nobody proposed: user test pass).
        if let winner = request.workspace.settings.revealed ? scoring?.winner?.vendor : nil {
            control = nil
            computeBudget(chosen: winner)
        }
        partlyMet = (scoring?.evaluation.ranking ?? []).compactMap { r in
            let items = gateItems(vendor: r.vendor, answer: .partly)
            return items.isEmpty ? nil : (r.vendor, items)
        }
        computePayments()
        for (id, scan) in reviews.wait() { scans[id] = scan }
        keyDates = Self.keyDates(request.workspace, today: request.today, lang: request.language)
    }

    /// Whether the contract's text mentions the clause: `.some(line)` found on that line, `.some(nil)`
    /// not found, nil when the text was not scanned.
    func clauseFound(_ c: Contract, _ k: ClauseKind) -> Int?? {
        guard let scan = scans[c.id] else { return nil }
        return .some(scan.finding(k).line)
    }

    /// Open or watched risks whose level is high (RiskRegister banding).
    var highRisks: Int {
        ws.risks.filter { $0.status.trimmed.lowercased() != "closed" && RiskRegister.level($0) == .high }.count
    }

    /// The vendor's display name (its id when unknown).
    func vendorName(_ id: String) -> String { vendorNames[id] ?? id }

    func money(_ m: Money) -> String { m.grouped() }

    /// Requirements that still count: not dropped, and not merged into another one.
    static func demand(_ ws: Workspace) -> [DepartmentDemand] {
        var order: [String] = ws.departments.map(\.id)
        var counts: [String: [Priority: Int]] = [:]
        for r in ws.requirements where r.status != .dropped && r.status != .merged {
            if counts[r.department] == nil, !order.contains(r.department) { order.append(r.department) }
            counts[r.department, default: [:]][r.priority, default: 0] += 1
        }
        return order.compactMap { id in
            guard let c = counts[id] else { return nil }
            return DepartmentDemand(name: ws.departments.first { $0.id == id }?.name ?? id, counts: c)
        }
    }

    /// The TCOs, the vendor whose cost is shown (`chosen`, else the first priced one as an example)
    /// and the budget control with `chosen`'s bid proposed (none without one).
    mutating func computeBudget(chosen: String?) {
        do {
            let scenario = try Scenario(settings: ws.settings)
            tcos = try BudgetModel.tco(prices: ws.prices, scenario: scenario, vendors: ws.vendors.map(\.id))
            budgetVendor = chosen ?? tcos.first { $0.total > .zero }?.vendor
            budgetVendorIsExample = chosen == nil
            control = try BudgetModel.control(ws, proposedVendor: chosen, scenario: scenario)
        } catch {
            budgetError = error.message
        }
    }

    /// Why an installment cannot be paid yet (the acceptance tests that block it), or nil.
    func blockedReason(_ i: Installment) -> String? {
        blocked.first { $0.installment == i }.map { lang.pick("blocked: " + $0.reason, "暂不可付：" + $0.reasonZH) }
    }

    /// Contract value with approved change orders, the base the milestones split.
    func contractValue(_ c: Contract) -> Money {
        ChangeOrders.currentValue(of: c, changes: ws.changes)
    }

    mutating func computePayments() {
        installments = []
        for c in ws.contracts where ws.payments.contains(where: { $0.contract == c.id }) {
            do {
                installments += try BudgetModel.installments(contract: c, changes: ws.changes, milestones: ws.payments)
            } catch {
                paymentErrors.append("\(c.id): \(error.message)")
            }
        }
        cashFlow = (try? BudgetModel.cashFlow(installments, by: .month)) ?? []
        blocked = DeliveryStatus.paymentStandings(ws, installments: installments, today: request.today).filter { $0.state == .blocked }
    }

    /// Contract dates from `KeyDates` (effective, term end, the next non-renewal notice deadline and
    /// the renewal it belongs to, warranty end) and the due dates of unpaid payment milestones,
    /// sorted by date.
    static func keyDates(_ ws: Workspace, today: Day, lang: ReportLanguage) -> [ReportDate] {
        var out: [ReportDate] = []
        for d in KeyDates.dates(in: ws, today: today) {
            switch d.kind {
            case .effective: out.append(ReportDate(day: d.date, kind: .effective, contract: d.contract, text: lang.pick("Effective", "生效")))
            case .expiry: out.append(ReportDate(day: d.date, kind: .expiry, contract: d.contract, text: lang.pick("Term ends", "期满")))
            case .notice_deadline:
                out.append(
                    ReportDate(day: d.date, kind: .notice, contract: d.contract, text: lang.pick("Non-renewal notice deadline", "不续约通知截止")))
            case .renewal:
                out.append(
                    ReportDate(
                        day: d.date, kind: .expiry, contract: d.contract, text: lang.pick("Renews unless notice is given", "未通知则自动续约")))
            case .warranty_end:
                out.append(ReportDate(day: d.date, kind: .warranty, contract: d.contract, text: lang.pick("Warranty ends", "质保期满")))
            case .milestone: continue
            }
        }
        for p in ws.payments where p.status.trimmed.lowercased() != "paid" {
            guard let due = p.due else { continue }
            out.append(ReportDate(day: due, kind: .payment, contract: p.contract, text: p.milestone))
        }
        return out.sorted { ($0.day, $0.contract, $0.text) < ($1.day, $1.contract, $1.text) }
    }
}
