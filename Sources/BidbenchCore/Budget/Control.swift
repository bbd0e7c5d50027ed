/// Where a charge against the budget comes from, so each figure can be traced to a file row.
public enum ChargeSource: Equatable, Sendable {
    /// A payment milestone of a contract (payments.csv), its share of the value after approved change orders.
    case milestone(contract: String, milestone: String)
    /// A contract without milestones: its whole value after approved change orders, at its start.
    case contract(String)
    /// A price line of the proposed vendor's proposal (prices.csv), one horizon year of it.
    case proposal(vendor: String, item: String)
}

/// One amount charged to one fiscal year and cost centre.
public struct BudgetCharge: Equatable, Sendable {
    /// Nil for a commitment without any date (no due date, effective or signed date).
    public var fiscalYear: Int?
    /// `CostCenters.unassigned` ("") when the cost has no cost centre.
    public var costCenter: String
    /// The cost category of a proposal line; nil for commitments (contracts are not split by category).
    public var category: CostCategory?
    /// Committed (a signed contract) or proposed (an open contract or the proposed vendor's price lines).
    public var committed: Bool
    public var amount: Money
    public var source: ChargeSource
}

/// How a row of the budget control stands.
public enum ControlStatus: String, Sendable, CaseIterable {
    /// Below the warning threshold.
    case ok
    /// At or above the warning threshold (default 90 %), not above the stop threshold.
    case warn
    /// Above the stop threshold (default 100 %): approvals and awards that add to it are refused.
    case stop
    /// Money is charged but no envelope covers this fiscal year and cost centre.
    case unbudgeted
}

/// One fiscal year × cost centre (× category, for a category envelope) of the budget control.
public struct ControlRow: Equatable, Sendable {
    public var fiscalYear: Int
    public var costCenter: String
    /// Nil for an envelope of every category (and for unbudgeted rows).
    public var category: CostCategory?
    /// Nil when unbudgeted.
    public var envelope: Money?
    public var committed: Money
    public var proposed: Money
    public var status: ControlStatus
    /// The warning and stop thresholds as percentages of the envelope (what `percentText` keeps apart).
    public var warnPercent = 90.0
    public var stopPercent = 100.0

    /// Committed plus proposed.
    public var used: Money { committed + proposed }
    /// Envelope minus used; nil when unbudgeted.
    public var remaining: Money? { envelope.map { $0 - used } }
    /// Used as a percentage of the envelope, for display; nil when unbudgeted or the envelope is zero.
    public var percentUsed: Double? {
        guard let e = envelope, e.minor != 0 else { return nil }
        return Double(used.minor) * 100 / Double(e.minor)
    }

    /// `percentUsed` with `places` decimals, or up to three more when fewer would put the figure on
    /// the other side of a threshold than the status (89.96 % below a 90 % warning reads `89.96%`, not
    /// `90.0%` beside an `ok`; when three more do not tell, as 100.000 01 %, `places` it is); nil as
    /// `percentUsed`.
    public func percentText(_ places: Int) -> String? {
        guard let p = percentUsed else { return nil }
        func agrees(_ text: String) -> Bool {
            guard let shown = Double(text), status != .unbudgeted, used.minor > 0 else { return true }
            return (shown < warnPercent) == (status == .ok) && (shown > stopPercent) == (status == .stop)
        }
        let texts = (places...places + 3).lazy.map { NumberText.fixed(p, $0) }
        return (texts.first(where: agrees) ?? texts[texts.startIndex]) + "%"
    }
}

/// The budget control of DESIGN §3: envelopes per fiscal year and cost centre against commitments
/// plus the open proposal.
public struct BudgetControl: Equatable, Sendable {
    /// The vendor whose price lines are counted as proposed (nil = none chosen).
    public var proposedVendor: String?
    /// The contract that already covers the proposed vendor, whose price lines are then not counted
    /// again (the contract's milestones are).
    public var proposalCoveredBy: String?
    /// Every charge, in contract then price-line order.
    public var charges: [BudgetCharge]
    /// Sorted by fiscal year, cost centre (unassigned last), then the all-category row first.
    public var rows: [ControlRow]
    public var warn: ExactRatio
    public var stop: ExactRatio

    /// Charges that have no date and so no fiscal year (they are in no row).
    public var undated: [BudgetCharge] { charges.filter { $0.fiscalYear == nil } }

    /// The rows of one fiscal year.
    public func rows(year: Int) -> [ControlRow] { rows.filter { $0.fiscalYear == year } }
}

extension BudgetModel {
    /// Whether a contract's money is committed: it has a signed date, or its status is signed, active,
    /// expired or terminated (签署 / 生效 / 执行 / 到期 / 终止). Draft and review contracts are open:
    /// their money is proposed.
    public static func isCommitted(_ c: Contract) -> Bool {
        if c.signed != nil { return true }
        let s = c.status.trimmed.lowercased()
        return ["signed", "active", "expired", "terminated", "已签署", "已签", "签署", "生效", "执行中", "已到期", "到期", "已终止", "终止"]
            .contains(s)
    }

    /// The fiscal year a day falls in: the calendar year in which that fiscal year starts
    /// (`fiscal_year_start` `MM-DD` of workspace.json; `04-01` makes 2028-02-10 fall in fiscal 2027).
    public static func fiscalYear(of day: Day, start: String) -> Int {
        let parts = start.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return day.year }
        return (day.month, day.day) >= (parts[0], parts[1]) ? day.year : day.year - 1
    }

    // Kept as one function: the charges (committed, proposed, change orders) gathered in exact integers before the rows.
    /// The budget control of a workspace.
    ///
    /// - Committed: every installment of a committed contract (`isCommitted`), by the fiscal year of
    ///   its due date (else the contract's effective, else signed date). Installments split the value
    ///   after approved change orders, so an approved change order is counted with them, once. A
    ///   contract without milestones is one charge of that value at its effective (or signed) date. A
    ///   terminated contract counts its paid milestones only.
    /// - Proposed: the installments of open contracts (draft, review), the same way; plus the price
    ///   lines of `proposedVendor` (horizon year y = fiscal year `first_year + y − 1`), unless that
    ///   vendor already has a contract, whose installments stand for its price (never both).
    /// - The price lines of the awarded vendor (`awarded_vendor` of workspace.json) are committed,
    ///   unless it has a contract.
    /// - Each charge goes to the cost centres of its contract or price line (`CostCenters`).
    /// - Rows: one per envelope of budget.csv (a category envelope counts only the proposal lines of
    ///   that category), and one `unbudgeted` row per fiscal year and cost centre that has charges but
    ///   no all-category envelope. Status: `stop` when used > stop × envelope, else `warn` when used ≥
    ///   warn × envelope, exactly; nothing used is `ok`.
    public static func control(
        _ ws: Workspace, proposedVendor: String?, scenario: Scenario, changes: [ChangeOrder]? = nil
    ) throws(BudgetError) -> BudgetControl {
        guard let warn = ExactRatio(ws.settings.budgetWarn), let stop = ExactRatio(ws.settings.budgetStop), !warn.isNegative,
            !stop.isNegative
        else {
            throw BudgetError(
                "workspace.json: budget_warn / budget_stop must be numbers ≥ 0", zh: "workspace.json: budget_warn / budget_stop 必须是 ≥ 0 的数")
        }
        let fallback = CostCenters.defaultCenter(ws)
        let changes = changes ?? ws.changes
        var charges: [BudgetCharge] = []
        for k in ws.contracts { charges += try contractCharges(ws, k, changes: changes, fallback: fallback) }
        var covered = proposedVendor.flatMap { v in ws.contracts.first { $0.vendor == v }?.id }
        // The awarded vendor's price lines are committed (the award commits the money); the proposed
        // vendor's are proposed unless it is the awarded one; a vendor under contract never counts twice.
        let awarded = awardedVendor(ws)
        let awardedContract = awarded.flatMap { a in ws.contracts.first { $0.vendor == a }?.id }
        var lineVendors: [(String, Bool)] = []
        if let a = awarded, awardedContract == nil { lineVendors.append((a, true)) }
        if let v = proposedVendor, covered == nil, v != awarded { lineVendors.append((v, false)) }
        if let v = proposedVendor, v == awarded { covered = covered ?? awardedContract }
        for (v, committed) in lineVendors {
            charges += try priceLineCharges(ws, vendor: v, committed: committed, scenario: scenario, fallback: fallback)
        }
        let rows = try controlRows(ws.budget, charges: charges, warn: warn, stop: stop)
        return BudgetControl(
            proposedVendor: proposedVendor, proposalCoveredBy: covered, charges: charges, rows: rows, warn: warn, stop: stop)
    }

    /// A contract's charges: its payment milestones (only the paid ones once terminated), else its
    /// whole current value on its effective (or signing) date, split over its cost centres.
    static func contractCharges(_ ws: Workspace, _ k: Contract, changes: [ChangeOrder], fallback: String) throws(BudgetError)
        -> [BudgetCharge]
    {
        let committed = isCommitted(k)
        if let error = valueTooLarge(k, changes: changes) { throw error }
        let value = ChangeOrders.currentValue(of: k, changes: changes)
        let what = "contract \(k.id)"
        let shares = try CostCenters.parse(k.extra["cost_center"] ?? "", fallback: fallback, what: what)
        let start0 = k.effective ?? k.signed
        var pieces: [(Day?, Money, ChargeSource)] = []
        if ws.payments.contains(where: { $0.contract == k.id }) {
            let paidOnly = k.status.trimmed.lowercased() == "terminated"
            for i in try installments(contract: k, changes: changes, milestones: ws.payments)
            where !paidOnly || i.status.trimmed.lowercased() == "paid" {
                pieces.append((i.due ?? start0, i.amount, .milestone(contract: k.id, milestone: i.milestone)))
            }
        } else {
            pieces.append((start0, value, .contract(k.id)))
        }
        var charges: [BudgetCharge] = []
        for (day, amount, source) in pieces where amount.minor != 0 {
            for part in try CostCenters.allocate(amount, over: shares, what: what) {
                charges.append(
                    BudgetCharge(
                        fiscalYear: day.map { fiscalYear(of: $0, start: ws.settings.fiscalYearStart) }, costCenter: part.center,
                        category: nil, committed: committed, amount: part.amount, source: source))
            }
        }
        return charges
    }

    /// A vendor's price lines, year by year of the scenario, split over each line's cost centres.
    static func priceLineCharges(_ ws: Workspace, vendor v: String, committed: Bool, scenario: Scenario, fallback: String)
        throws(BudgetError) -> [BudgetCharge]
    {
        let tco = try tco(vendor: v, lines: ws.prices, scenario: scenario)
        let mine = ws.prices.filter { $0.vendor == v }
        var charges: [BudgetCharge] = []
        for (line, cost) in zip(mine, tco.lines) {
            let what = "prices.csv \(v) \(line.item)"
            let shares = try CostCenters.parse(line.extra["cost_center"] ?? "", fallback: fallback, what: what)
            for (y, amount) in cost.perYear.enumerated() where amount.minor != 0 {
                for part in try CostCenters.allocate(amount, over: shares, what: what) {
                    charges.append(
                        BudgetCharge(
                            fiscalYear: ws.settings.firstYear + y, costCenter: part.center, category: line.category,
                            committed: committed, amount: part.amount, source: .proposal(vendor: v, item: line.item)))
                }
            }
        }
        return charges
    }

    /// The error for a fiscal year's amounts that add up past the largest amount (each fits, their
    /// sum does not): said rather than trapped.
    static func tooLarge(_ year: Int, _ center: String) -> BudgetError {
        BudgetError(
            "fiscal year \(year), cost centre \(center): the amounts add up to more than an amount can hold",
            zh: "\(year) 财年 成本中心 \(center): 金额合计超出可表示的最大金额")
    }

    // Kept as one function: the control rows in exact integers, envelope by envelope, then the unbudgeted ones.
    static func controlRows(_ envelopes: [BudgetEnvelope], charges: [BudgetCharge], warn: ExactRatio, stop: ExactRatio) throws(BudgetError)
        -> [ControlRow]
    {
        struct Key: Hashable {
            var year: Int
            var center: String
            var category: CostCategory?
        }
        var amounts: [Key: Money] = [:]
        for e in envelopes {
            let name = "budget.csv \(e.fiscalYear)/\(e.costCenter)"
            let raw = e.category.trimmed.lowercased()
            var category: CostCategory?
            if !raw.isEmpty && raw != "all" {
                guard let c = CostCategory(rawValue: raw) else { throw BudgetError("\(name): unknown category '\(e.category)'") }
                category = c
            }
            guard e.amount.minor >= 0 else { throw BudgetError("\(name): negative amount \(e.amount)") }
            let key = Key(year: e.fiscalYear, center: e.costCenter.trimmed, category: category)
            guard let sum = (amounts[key] ?? .zero).adding(e.amount) else { throw tooLarge(e.fiscalYear, key.center) }
            amounts[key] = sum
        }
        var keys = Set(amounts.keys)
        for c in charges where c.amount.minor != 0 {
            if let y = c.fiscalYear { keys.insert(Key(year: y, center: c.costCenter, category: nil)) }
        }
        var rows: [ControlRow] = []
        for key in keys {
            var committed = Money.zero
            var proposed = Money.zero
            for c in charges where c.fiscalYear == key.year && c.costCenter == key.center {
                if let cat = key.category, c.category != cat { continue }
                guard let sum = (c.committed ? committed : proposed).adding(c.amount) else { throw tooLarge(key.year, key.center) }
                if c.committed { committed = sum } else { proposed = sum }
            }
            let envelope = key.center == CostCenters.unassigned ? nil : amounts[key]
            guard let used = committed.adding(proposed) else { throw tooLarge(key.year, key.center) }
            let status: ControlStatus
            if let e = envelope {
                if used.minor <= 0 {
                    status = .ok
                } else if atLeast(used, stop, of: e, strictly: true) {
                    status = .stop
                } else if atLeast(used, warn, of: e, strictly: false) {
                    status = .warn
                } else {
                    status = .ok
                }
            } else {
                status = .unbudgeted
            }
            rows.append(
                ControlRow(
                    fiscalYear: key.year, costCenter: key.center, category: key.category, envelope: envelope, committed: committed,
                    proposed: proposed, status: status, warnPercent: warn.approximateValue * 100,
                    stopPercent: stop.approximateValue * 100))
        }
        return rows.sorted { a, b in
            if a.fiscalYear != b.fiscalYear { return a.fiscalYear < b.fiscalYear }
            if a.costCenter != b.costCenter {
                if a.costCenter.isEmpty || b.costCenter.isEmpty { return b.costCenter.isEmpty }
                return a.costCenter < b.costCenter
            }
            switch (a.category, b.category) {
            case (nil, _?): return true
            case (_?, nil): return false
            case (let x?, let y?): return x.rawValue < y.rawValue
            default: return false
            }
        }
    }

    /// `used ≥ fraction × amount` (or `>` when strict), exactly.
    static func atLeast(_ used: Money, _ fraction: ExactRatio, of amount: Money, strictly: Bool) -> Bool {
        let lhs = ExactUInt(used.minor) * ExactUInt(fraction.denominator)
        let rhs = ExactUInt(fraction.numerator) * ExactUInt(amount.minor)
        return strictly ? rhs < lhs : !(lhs < rhs)
    }

    /// The rows that `after` pushes over the stop threshold or further over it (used grew), compared
    /// with `before`: what refuses an approval or an award.
    public static func stopped(before: BudgetControl, after: BudgetControl) -> [ControlRow] {
        after.rows.filter { row in
            guard row.status == .stop else { return false }
            let old = before.rows.first {
                $0.fiscalYear == row.fiscalYear && $0.costCenter == row.costCenter && $0.category == row.category
            }
            return row.used > (old?.used ?? .zero)
        }
    }

    /// The refusal of a stop envelope, with the numbers: "2027 信息部: 1,985,000.00 of 1,500,000.00 (132.3 %) …".
    public static func stopMessage(_ rows: [ControlRow], action: String, actionZH: String) -> BudgetError? {
        guard !rows.isEmpty else { return nil }
        func describe(_ r: ControlRow, zh: Bool) -> String {
            let center = r.costCenter.isEmpty ? (zh ? "未分配" : "unassigned") : r.costCenter
            let cat = r.category.map { " (\($0.rawValue))" } ?? ""
            let pct = r.percentText(1).map { String($0.dropLast()) } ?? "–"
            let env = r.envelope?.grouped() ?? "0"
            return zh
                ? "\(r.fiscalYear) \(center)\(cat): 已承诺 \(r.committed.grouped()) + 拟采购 \(r.proposed.grouped()) = \(r.used.grouped()), 预算 \(env) (\(pct)%)"
                : "\(r.fiscalYear) \(center)\(cat): committed \(r.committed.grouped()) + proposed \(r.proposed.grouped()) = \(r.used.grouped()) of \(env) (\(pct) %)"
        }
        return BudgetError(
            "\(action) would exceed a stop envelope: " + rows.map { describe($0, zh: false) }.joined(separator: "; "),
            zh: "\(actionZH)将超出预算上限: " + rows.map { describe($0, zh: true) }.joined(separator: "; "))
    }

    /// Refuses approving `change` (its status set to approved) when that pushes a fiscal year and cost
    /// centre over a stop envelope; nil when it may be approved.
    public static func checkApproval(of change: ChangeOrder, in ws: Workspace, scenario: Scenario) -> BudgetError? {
        var others = ws.changes.filter { !($0.contract == change.contract && $0.id == change.id) }
        guard let before = try? control(ws, proposedVendor: nil, scenario: scenario, changes: others) else { return nil }
        var approved = change
        approved.status = "approved"
        others.append(approved)
        guard let after = try? control(ws, proposedVendor: nil, scenario: scenario, changes: others) else { return nil }
        return stopMessage(
            stopped(before: before, after: after), action: "approving change order \(change.id)", actionZH: "批准变更单 \(change.id) ")
    }

    /// The vendor awarded the open purchase (`awarded_vendor` of workspace.json), if any.
    public static func awardedVendor(_ ws: Workspace) -> String? {
        ws.settings.extra["awarded_vendor"].flatMap(CostCenters.jsonString).map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Refuses awarding `vendor` (its proposal becomes committed, replacing an earlier award) when that
    /// pushes a fiscal year and cost centre over a stop envelope; nil when it may be awarded.
    public static func checkAward(of vendor: String, in ws: Workspace, scenario: Scenario) throws(BudgetError) -> BudgetError? {
        let before = try control(ws, proposedVendor: nil, scenario: scenario)
        var awarded = ws
        awarded.settings.extra["awarded_vendor"] = JSONValue.quote(vendor)
        let after = try control(awarded, proposedVendor: nil, scenario: scenario)
        return stopMessage(stopped(before: before, after: after), action: "awarding \(vendor)", actionZH: "授予 \(vendor) ")
    }
}
