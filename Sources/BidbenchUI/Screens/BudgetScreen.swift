import BidbenchCore

public struct BudgetState: Equatable, Sendable {
    public var vendor = 0
    /// The year in focus (1…years), 0 = the whole horizon.
    public var year = 0
    /// 0 = the workspace's base scenario, i = the i-th named scenario of scenarios.csv.
    public var named = 0
    /// The cash-flow view: nil = hidden.
    public var cashFlow: CashFlowPeriod?
    /// The first line shown of what is under the vendor table (PgDn/PgUp scroll it when it is
    /// longer than the screen: at 80×24 the budget control, the scenarios and the payments were cut).
    public var offset = 0
    /// What the screen shows, computed by `BudgetScreen.refresh` when its inputs change.
    public var view: BudgetView?
    public init() {}
}

/// What the Budget screen shows, worked out when its inputs change (in `App.reduce`) rather than at
/// each frame. A figure that cannot be computed carries the reason instead, so the screen shows the
/// error and never a zero or a default in its place.
public struct BudgetView: Equatable, Sendable {
    /// What the view was computed from: when any of it changes, it is computed again.
    struct Inputs: Equatable, Sendable {
        var revision: Int
        var lang: Lang
        var whatIf: Scenario?
        var named: Int
        var vendor: Int
        var cashFlow: CashFlowPeriod?
        /// The day payments are measured on (blocked or payable).
        var today: Day
    }
    /// One row of the scenario comparison: each vendor's total, or why the scenario has none.
    struct ScenarioTotals: Equatable, Sendable {
        var name: String
        var totals: Result<[String: Money], BudgetError>
    }
    /// The contracts' payments by month or quarter, and the contracts left out with the reason.
    struct CashFlow: Equatable, Sendable {
        var buckets: Result<[CashFlowBucket], BudgetError>
        var leftOut: [BudgetError]
        /// Milestones of contracts in delivery that their acceptance tests still block, with why.
        var blocked: [PaymentStanding] = []
    }
    /// The selected vendor's contract and its installments.
    struct Payments: Equatable, Sendable {
        var contract: String
        var installments: Result<[Installment], BudgetError>
    }

    var inputs: Inputs
    /// The scenario's name, known even when its values are wrong.
    var scenarioName: String
    /// The scenario in effect, or why the files make none.
    var scenario: Result<Scenario, BudgetError>
    /// Every vendor's TCO under the scenario, or why the cost calculation failed.
    var tcos: Result<[VendorTCO], BudgetError>
    /// Vendors with at least one price line.
    var priced: Set<String>
    /// Vendors that fail a must-have, with the reasons.
    var knockedOut: [String: [Notice]]
    /// The budget control with the selected vendor's proposal (nil: no priced vendor selected).
    var control: Result<BudgetControl, BudgetError>?
    /// The base scenario, then each of scenarios.csv.
    var comparison: [ScenarioTotals]
    /// nil while the cash flow is hidden.
    var cashFlow: CashFlow?
    /// nil when the selected vendor has no contract.
    var payments: Payments?
}

/// Budget (预算): each vendor's cost per year, total and NPV side by side; the selected vendor by
/// category as bars; envelopes; payment milestones; live what-if keys.
public enum BudgetScreen {
    /// The scenario in effect: the live what-if, else the named one selected; or why the files make none.
    static func scenario(_ s: AppState) -> Result<Scenario, BudgetError> {
        if let sc = s.session.whatIf { return .success(sc) }
        return named(s, s.budget.named)
    }

    /// The base scenario (index 0, from workspace.json) or a named one from scenarios.csv; a value
    /// out of range is an error naming the file, never replaced by a default.
    static func named(_ s: AppState, _ i: Int) -> Result<Scenario, BudgetError> {
        let base: Scenario
        do { base = try Scenario(settings: s.workspace.settings, name: s.lang.t(Scenario.baseName, Scenario.baseNameZH)) } catch {
            return .failure(error)
        }
        do { try base.validate() } catch { return .failure(inFile("workspace.json", error)) }
        guard i > 0, i <= s.workspace.scenarios.count else { return .success(base) }
        let n = s.workspace.scenarios[i - 1]
        do {
            return .success(
                try base.overriding(
                    name: n.name, years: n.years, users: n.users, growth: n.growth, escalation: n.escalation, discountRate: n.discountRate))
        } catch { return .failure(inFile("scenarios.csv", error)) }
    }

    /// The name of scenario `i` as `named` would give it, known even when its values are wrong.
    static func namedTitle(_ s: AppState, _ i: Int) -> String {
        guard i > 0, i <= s.workspace.scenarios.count, !s.workspace.scenarios[i - 1].name.trimmed.isEmpty else {
            return s.lang.t(Scenario.baseName, Scenario.baseNameZH)
        }
        return s.workspace.scenarios[i - 1].name.trimmed
    }

    /// `error` said as coming from `file`.
    static func inFile(_ file: String, _ error: BudgetError) -> BudgetError {
        BudgetError("\(file): \(error.message)", zh: "\(file): \(error.text(chinese: true))")
    }

    static func step(_ r: ExactRatio, by delta: Double) -> ExactRatio {
        let v = ((r.approximateValue + delta) * 10_000).rounded() / 10_000
        return ExactRatio(max(0, v)) ?? r
    }

    /// Makes `sc` the live what-if, remembering the values before so that `u` steps back.
    static func setWhatIf(_ s: inout AppState, _ sc: Scenario) {
        guard sc != (try? scenario(s).get()) else { return }
        s.session.whatIfHistory.append(s.session.whatIf)
        if s.session.whatIfHistory.count > 200 { s.session.whatIfHistory.removeFirst() }
        s.session.whatIf = sc
        s.budget.year = min(s.budget.year, sc.years)
    }

    /// `:users 137`, `:years 7`, `:escalation 4.5%`, `:growth 8%`, `:rate 6%`: a what-if value typed
    /// exactly (full-width digits read too); a bad value says what is expected and changes nothing.
    static func typedWhatIf(_ s: inout AppState, _ verb: String, _ arg: String) {
        let L = s.lang
        guard var sc = current(&s) else { return }
        let text = normalizedDigits(arg).trimmed
        switch verb {
        case "users", "years":
            let maxValue = verb == "users" ? 10_000_000 : Scenario.maximumYears
            guard let n = Int(text), n >= 1, n <= maxValue else {
                s.say(
                    L.t(
                        ":\(verb) needs a whole number from 1 to \(maxValue), not “\(arg)”", ":\(verb) 需要 1 到 \(maxValue) 的整数, 而不是 “\(arg)”"
                    ), error: true)
                return
            }
            if verb == "users" {
                sc.users = n
            } else {
                let floor = s.workspace.prices.compactMap(\.startYear).max() ?? 1
                guard n >= floor else {
                    s.say(
                        L.t("A price line starts in year \(floor): the horizon cannot be shorter", "有报价行从第\(floor)年开始: 年限不能更短"), error: true
                    )
                    return
                }
                sc.years = n
            }
        default:
            // The command line's rule (`Scenario.rate`): `4.5%` or the decimal `0.045`, as the files
            // hold it; a bare `4.5` is refused with what to write instead.
            let pct: ExactRatio
            do {
                pct = try Scenario.rate(arg, key: ":" + verb)
            } catch {
                s.say(error.text(chinese: L == .zh), error: true)
                return
            }
            guard !pct.isNegative || verb == "growth", pct.approximateValue > -1, pct.approximateValue <= 1 else {
                s.say(L.t(":\(verb) needs a percentage such as 4.5%, not “\(arg)”", ":\(verb) 需要百分比, 如 4.5%, 而不是 “\(arg)”"), error: true)
                return
            }
            switch verb {
            case "escalation": sc.escalation = pct
            case "growth": sc.growth = pct
            default: sc.discountRate = pct
            }
        }
        setWhatIf(&s, sc)
        let said = typedWords(verb, sc)
        s.say(L.t("What-if: \(said.en) (u steps back)", "假设: \(said.zh) (u 回退)"))
    }

    /// What a typed what-if set, in words of each language with the value as it now stands
    /// (`:escalation 5` says 涨价 5%, not the command's English word).
    static func typedWords(_ verb: String, _ sc: Scenario) -> (en: String, zh: String) {
        switch verb {
        case "users": return ("users \(sc.users)", "用户 \(sc.users)")
        case "years": return ("\(sc.years) years", "\(sc.years) 年")
        case "escalation": return ("escalation \(pct(sc.escalation))", "涨价 \(pct(sc.escalation))")
        case "growth": return ("user growth \(pct(sc.growth))/yr", "用户年增长 \(pct(sc.growth))")
        default: return ("discount rate \(pct(sc.discountRate))", "折现率 \(pct(sc.discountRate))")
        }
    }

    /// The scenario in effect for a what-if change; nil after saying why there is none.
    static func current(_ s: inout AppState) -> Scenario? {
        switch scenario(s) {
        case .success(let sc): return sc
        case .failure(let e):
            s.say(e.text(chinese: s.lang == .zh), error: true)
            return nil
        }
    }

    static func handle(_ s: inout AppState, _ cmd: Command) -> [Effect]? {
        if let effects = navigate(&s, cmd) { return effects }
        guard isWhatIf(cmd) else { return nil }
        guard let sc = current(&s) else { return [] }
        setWhatIf(&s, whatIf(&s, cmd, sc))
        return []
    }

    static func isWhatIf(_ cmd: Command) -> Bool {
        switch cmd {
        case .usersUp, .usersDown, .yearsUp, .yearsDown, .growthUp, .growthDown, .escalationUp, .escalationDown, .discountUp, .discountDown:
            return true
        default: return false
        }
    }

    /// `sc` changed by one what-if key.
    static func whatIf(_ s: inout AppState, _ cmd: Command, _ current: Scenario) -> Scenario {
        var sc = current
        switch cmd {
        case .usersUp: sc.users += 10
        case .usersDown: sc.users = max(1, sc.users - 10)
        case .yearsUp: sc.years = min(Scenario.maximumYears, sc.years + 1)
        case .yearsDown:
            // Not below the latest explicit start year: those lines would fall outside the horizon.
            let floor = s.workspace.prices.compactMap(\.startYear).max() ?? 1
            if sc.years - 1 < floor {
                s.say(
                    s.lang.t("A price line starts in year \(floor): the horizon cannot be shorter", "有报价行从第\(floor)年开始: 年限不能更短"),
                    error: true)
            }
            sc.years = max(max(1, floor), sc.years - 1)
        case .growthUp: sc.growth = step(sc.growth, by: 0.01)
        case .growthDown:
            // Growth may shrink the user base (negative), but not below −99 %.
            let v = ((sc.growth.approximateValue - 0.01) * 10_000).rounded() / 10_000
            sc.growth = ExactRatio(max(-0.99, v)) ?? sc.growth
        case .escalationUp: sc.escalation = step(sc.escalation, by: 0.01)
        case .escalationDown: sc.escalation = step(sc.escalation, by: -0.01)
        case .discountUp: sc.discountRate = step(sc.discountRate, by: 0.01)
        case .discountDown: sc.discountRate = step(sc.discountRate, by: -0.01)
        default: break
        }
        return sc
    }

    /// The keys that move the selection or change the view (not the scenario); nil for others.
    static func navigate(_ s: inout AppState, _ cmd: Command) -> [Effect]? {
        switch cmd {
        case .up: s.budget.vendor = max(0, s.budget.vendor - 1)
        case .down: s.budget.vendor = min(max(0, s.workspace.vendors.count - 1), s.budget.vendor + 1)
        case .pageDown, .pageUp: scroll(&s, down: cmd == .pageDown)
        case .prices:
            guard s.budget.vendor < s.workspace.vendors.count else { return [] }
            s.modal = .prices(PricesState(vendor: s.workspace.vendors[s.budget.vendor].id))
        case .cashFlow:
            s.budget.cashFlow = s.budget.cashFlow == nil ? .month : (s.budget.cashFlow == .month ? .quarter : nil)
        case .scenarioNext:
            s.budget.named = (s.budget.named + 1) % (s.workspace.scenarios.count + 1)
            s.session.whatIf = nil
            s.session.whatIfHistory = []
            s.budget.year = 0
        case .whatIfBack:
            guard let before = s.session.whatIfHistory.popLast() else {
                App.undo(&s)
                return []
            }
            s.session.whatIf = before
            if case .success(let sc) = scenario(s) { s.budget.year = min(s.budget.year, sc.years) }
            s.say(s.lang.t("What-if stepped back", "假设已回退"))
        case .left: s.budget.year = max(0, s.budget.year - 1)
        case .right:
            // No year to move to while the scenario is wrong: the screen shows why.
            if case .success(let sc) = scenario(s) { s.budget.year = min(sc.years, s.budget.year + 1) }
        default: return nil
        }
        return []
    }

    static func pct(_ r: ExactRatio) -> String { NumberText.upTo(r.approximateValue * 100, 2) + "%" }

    /// Money in whole units, grouped, for tables: `1,286,000`.
    static func money(_ m: Money) -> String { NumberText.money(m, cents: .never) }

    /// Computes the view when its inputs changed (called by `App.reduce` after every event).
    static func refresh(_ s: inout AppState) {
        guard s.screen == .budget else { return }
        let inputs = inputs(s)
        guard s.budget.view?.inputs != inputs else { return }
        s.budget.view = compute(s, inputs)
    }

    static func inputs(_ s: AppState) -> BudgetView.Inputs {
        BudgetView.Inputs(
            revision: s.revision, lang: s.lang, whatIf: s.session.whatIf, named: s.budget.named, vendor: s.budget.vendor,
            cashFlow: s.budget.cashFlow, today: s.today)
    }

    /// The view of the state: the one computed by `refresh` when it is current, else computed now.
    static func view(_ s: AppState) -> BudgetView {
        let inputs = inputs(s)
        if let v = s.budget.view, v.inputs == inputs { return v }
        return compute(s, inputs)
    }

    static func compute(_ s: AppState, _ inputs: BudgetView.Inputs) -> BudgetView {
        let ws = s.workspace
        let current = scenario(s)
        let tcos = current.flatMap { sc in
            attempt { () throws(BudgetError) in try BudgetModel.tco(prices: ws.prices, scenario: sc, vendors: ws.vendors.map(\.id)) }
        }
        let name: String
        if let w = s.session.whatIf {
            name = s.lang.t("\(w.name) (what-if)", "\(w.name) (假设)")
        } else {
            name = namedTitle(s, s.budget.named)
        }
        // The vendors screen's basis holds the gate results while requirements and answers are unchanged.
        var basis = s.vendors.cache?.basis ?? EvaluationBasis()
        let knockedOut = GateStatus(ws, missing: false, basis: &basis).knockedOut
        var view = BudgetView(
            inputs: inputs, scenarioName: name, scenario: current, tcos: tcos, priced: Set(ws.prices.map(\.vendor)),
            knockedOut: knockedOut, comparison: [])
        guard case .success(let sc) = current, case .success(let all) = tcos else { return view }
        if s.budget.vendor < all.count {
            let vendor = all[s.budget.vendor].vendor
            if view.priced.contains(vendor) {
                view.control = attempt { () throws(BudgetError) in try BudgetModel.control(ws, proposedVendor: vendor, scenario: sc) }
            }
            if let k = ws.contracts.first(where: { $0.vendor == vendor }) {
                view.payments = BudgetView.Payments(contract: k.id, installments: installments(ws, k))
            }
        }
        if let period = s.budget.cashFlow { view.cashFlow = cashFlow(ws, by: period, today: s.today) }
        if !ws.scenarios.isEmpty {
            view.comparison = (0...ws.scenarios.count).map { i in
                let totals = named(s, i).flatMap { scn in
                    attempt { () throws(BudgetError) in
                        let t = try BudgetModel.tco(prices: ws.prices, scenario: scn, vendors: ws.vendors.map(\.id))
                        return Dictionary(t.map { ($0.vendor, $0.total) }, uniquingKeysWith: { a, _ in a })
                    }
                }
                return BudgetView.ScenarioTotals(name: namedTitle(s, i), totals: totals)
            }
        }
        return view
    }

    static func attempt<T>(_ body: () throws(BudgetError) -> T) -> Result<T, BudgetError> {
        do { return .success(try body()) } catch { return .failure(error) }
    }

    /// Contract `k`'s installments at its current value (after approved change orders).
    static func installments(_ ws: Workspace, _ k: Contract) -> Result<[Installment], BudgetError> {
        attempt { () throws(BudgetError) in
            try BudgetModel.installments(contract: k, changes: ws.changes, milestones: ws.payments.filter { $0.contract == k.id })
        }
    }

    /// Every contract's payments by `period`; a contract whose installments fail is left out and
    /// listed. Milestones that acceptance tests block are marked with the standing screen 5 shows.
    static func cashFlow(_ ws: Workspace, by period: CashFlowPeriod, today: Day) -> BudgetView.CashFlow {
        var inst: [Installment] = []
        var leftOut: [BudgetError] = []
        for k in ws.contracts {
            switch installments(ws, k) {
            case .success(let i): inst += i
            case .failure(let e): leftOut.append(e)
            }
        }
        return BudgetView.CashFlow(
            buckets: attempt { () throws(BudgetError) in try BudgetModel.cashFlow(inst, by: period) }, leftOut: leftOut,
            blocked: DeliveryStatus.paymentStandings(ws, installments: inst, today: today).filter { $0.state == .blocked })
    }

    /// The frame, from the view: header, vendors × years, the selected vendor, then the cash flow or
    /// the scenario comparison and the payments.
    static func render(_ s: AppState, into c: inout Canvas, area: Rect) {
        let L = s.lang
        let view = view(s)
        let sc: Scenario
        switch view.scenario {
        case .success(let v): sc = v
        case .failure(let e):
            let x = area.x + 1 + c.text(area.x + 1, area.y, "[\(view.scenarioName)]  ", .bold)
            c.text(x, area.y, e.text(chinese: L == .zh), .error, maxWidth: area.maxX - x - 1)
            c.text(
                area.x + 1, area.y + 2,
                L.t("No figures until the scenario is fixed (S: next scenario).", "情景修正前不显示任何金额 (S: 下一个情景)。"), .dim,
                maxWidth: area.width - 2)
            return
        }
        let headerX = area.x + 1 + c.text(area.x + 1, area.y, "[\(view.scenarioName)]  ", .bold)
        c.text(
            headerX, area.y,
            L.t(
                "\(sc.years) years  users \(sc.users) (\(sc.growth.isNegative ? "" : "+")\(pct(sc.growth))/yr)  escalation \(pct(sc.escalation))  discount \(pct(sc.discountRate))",
                "\(sc.years) 年  用户 \(sc.users) (\(sc.growth.isNegative ? "" : "+")\(pct(sc.growth))/年)  涨价 \(pct(sc.escalation))  折现 \(pct(sc.discountRate))"
            ), .accent,
            maxWidth: area.maxX - headerX - 1)
        let tcos: [VendorTCO]
        switch view.tcos {
        case .success(let t): tcos = t
        case .failure(let error):
            c.text(area.x + 1, area.y + 2, error.text(chinese: L == .zh), .error, maxWidth: area.width - 2)
            return
        }
        let tableH = renderTable(s, view, sc, tcos, into: &c, area: area)
        guard s.budget.vendor < tcos.count else {
            c.text(area.x + 2, area.y + 4, L.t("No price lines yet.", "还没有报价行。"), .dim)
            return
        }
        let page = lowerPage(s, view, sc, tcos, area: area, tableHeight: tableH, width: c.width)
        guard page.visible > 0 else { return }
        guard page.used > page.visible else {
            c.copyRows(of: page.lines, 0..<page.used, to: page.top)
            return
        }
        // Longer than the screen: a page of it, and a last line that says what else there is.
        let first = page.first(s.budget.offset)
        let shown = page.visible - 1
        c.copyRows(of: page.lines, first..<(first + shown), to: page.top)
        let below = page.used - first - shown
        c.text(
            area.x + 1, area.maxY - 1,
            L.t(
                "▼ lines \(first + 1)–\(first + shown) of \(page.used)" + (below > 0 ? ", \(below) more: PgDn" : "")
                    + (first > 0 ? "  PgUp: back" : ""),
                "▼ 第 \(first + 1)–\(first + shown) 行, 共 \(page.used) 行" + (below > 0 ? ", 还有 \(below) 行: PgDn" : "")
                    + (first > 0 ? "  PgUp: 上翻" : "")),
            .dim, maxWidth: area.width - 2)
    }

    /// What is under the vendor table (the selected vendor, budget control, cash flow or the scenarios
    /// and payments), drawn whole, and where the screen has room for it: the screen shows a page.
    struct LowerPage {
        var lines: Canvas
        /// The screen row it starts on, the rows it has there, and the rows it needs.
        var top: Int
        var visible: Int
        var used: Int
        /// The first line shown when `wanted` is asked for: the last page at most.
        func first(_ wanted: Int) -> Int { used <= visible ? 0 : max(0, min(wanted, used - (visible - 1))) }
    }

    /// The `LowerPage` under a vendor table `tableHeight` rows high, drawn on a canvas that grows until
    /// nothing reaches its last row (so nothing is cut, however many cost centres and months).
    static func lowerPage(
        _ s: AppState, _ view: BudgetView, _ sc: Scenario, _ tcos: [VendorTCO], area: Rect, tableHeight: Int, width: Int
    ) -> LowerPage {
        let top = area.y + 3 + tableHeight
        var height = max(32, 2 * area.height)
        while true {
            var c = Canvas(width: width, height: height)
            let tall = Rect(x: area.x, y: 0, width: area.width, height: height)
            let y = renderSelected(s, view, sc, tcos, into: &c, area: tall, y: 0)
            if let flow = view.cashFlow {
                renderCashFlow(s, flow, into: &c, area: tall, y: y)
            } else {
                renderPayments(s, view, into: &c, area: tall, y: renderComparison(s, view, into: &c, area: tall, y: y))
            }
            let used = c.usedRows
            if used < height || height >= 1 << 14 { return LowerPage(lines: c, top: top, visible: area.maxY - top, used: used) }
            height *= 2
        }
    }

    /// PgDn/PgUp on the part under the vendor table, a page less a line at a time.
    static func scroll(_ s: inout AppState, down: Bool) {
        let view = view(s)
        guard case .success(let sc) = view.scenario, case .success(let tcos) = view.tcos, s.budget.vendor < tcos.count else { return }
        let area = App.body(s)
        var probe = Canvas(width: s.width, height: s.height)
        let tableH = renderTable(s, view, sc, tcos, into: &probe, area: area)
        let page = lowerPage(s, view, sc, tcos, area: area, tableHeight: tableH, width: s.width)
        guard page.visible > 1, page.used > page.visible else {
            s.say(s.lang.t("Everything fits on the screen", "内容已全部显示"))
            return
        }
        let now = page.first(s.budget.offset)
        let step = page.visible - 2
        s.budget.offset = page.first(down ? now + step : now - step)
    }

    /// Vendors × years, total and NPV; returns the table's height.
    static func renderTable(_ s: AppState, _ view: BudgetView, _ sc: Scenario, _ tcos: [VendorTCO], into c: inout Canvas, area: Rect) -> Int
    {
        let L = s.lang
        let names = Dictionary(s.workspace.vendors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // Exact money: when a figure has cents, every figure shows them (a helper's pass: whole yuan
        // rounded cell by cell made five years add up to 1,531,705 beside a total of 1,531,703).
        let priced = view.priced
        let cents = NumberText.cents(for: tcos.filter { priced.contains($0.vendor) }.flatMap { $0.perYear + [$0.total] })
        func money(_ m: Money) -> String { NumberText.money(m, cents: cents == .always ? .always : .never) }
        let yearW = cents == .always ? 12 : 10
        let sumW = cents == .always ? 13 : 11
        let shownYears = min(sc.years, max(1, (area.width - 12 - 2 - 2 * (sumW + 1)) / (yearW + 1)))
        // The vendor's name takes the room the figures leave (it was cut at 120 columns with room to spare).
        let spare = area.width - 2 - 13 - shownYears * (yearW + 1) - 2 * (sumW + 1)
        let longest = tcos.map { TextWidth.of(names[$0.vendor] ?? $0.vendor) + 2 }.max() ?? 12
        let nameW = 12 + max(0, min(spare, longest - 12))
        var cols = [Column(L.t("Vendor", "供应商"), nameW)]
        // Years that do not fit scroll sideways with the year in focus (←/→), marked ◂ ▸.
        let firstYear = max(1, min(s.budget.year - shownYears + 1, sc.years - shownYears + 1))
        let lastYear = firstYear + shownYears - 1
        for y in firstYear...lastYear {
            let mark = y == firstYear && firstYear > 1 ? "◂" : (y == lastYear && lastYear < sc.years ? "▸" : "")
            cols.append(Column(mark + L.t("Year \(y)", "第\(y)年"), yearW, right: true))
        }
        cols += [Column(L.t("Total", "合计"), sumW, right: true), Column(L.t("NPV", "净现值"), sumW, right: true)]
        // A vendor without price lines has no cost yet: shown as —, never the cheapest. A knocked-out
        // vendor (fails a must-have) is marked ✗ in red and is never the cheapest either.
        let out = view.knockedOut
        let cheapest = tcos.filter { priced.contains($0.vendor) && out[$0.vendor] == nil }.map(\.total).min()
        let rows = tcos.map { t in
            let name = (out[t.vendor] == nil ? "" : "✗ ") + (names[t.vendor] ?? t.vendor)
            return priced.contains(t.vendor)
                ? [name] + t.perYear.dropFirst(firstYear - 1).prefix(shownYears).map(money) + [money(t.total), money(t.npv)]
                : [name] + Array(repeating: "—", count: shownYears) + [L.t("no prices", "无报价"), "—"]
        }
        let tableH = min(rows.count + 1, max(2, area.height / 3))
        TableView.render(
            into: &c, area: Rect(x: area.x + 1, y: area.y + 2, width: area.width - 2, height: tableH), columns: cols, rows: rows,
            selected: min(s.budget.vendor, rows.count - 1), offset: max(0, s.budget.vendor - (tableH - 2))
        ) { i in
            if out[tcos[i].vendor] != nil { return Style(fg: .red, dim: true) }
            return priced.contains(tcos[i].vendor) && tcos[i].total == cheapest ? .good : (priced.contains(tcos[i].vendor) ? .plain : .dim)
        }
        if shownYears < sc.years {
            c.text(
                area.x + 1, area.y + 1,
                (firstYear > 1 ? "◂ " : "") + (lastYear < sc.years ? "▸ " : "")
                    + L.t(
                        "years \(firstYear)–\(lastYear) of \(sc.years) shown (all in the total): ←/→ scroll",
                        "显示第\(firstYear)–\(lastYear)年, 共 \(sc.years) 年 (均计入合计): ←/→ 滚动"), .dim, maxWidth: area.width - 2)
        }
        if s.budget.year >= firstYear && s.budget.year <= lastYear {
            let x = area.x + 1 + (nameW + 1) + (s.budget.year - firstYear) * (yearW + 1)
            c.restyle(Rect(x: x, y: area.y + 2, width: yearW, height: 1), Style(fg: .cyan, bold: true, underline: true))
        }
        return tableH
    }

    // Kept as one function: one section of the frame (name, capacity, knock-out, bars, control) in drawing order.
    /// The selected vendor: by category as bars (the focused year or the whole horizon), users over
    /// capacity, the knock-out reasons and the budget control; returns the next free line.
    static func renderSelected(
        _ s: AppState, _ view: BudgetView, _ sc: Scenario, _ tcos: [VendorTCO], into c: inout Canvas, area: Rect, y top: Int
    ) -> Int {
        let L = s.lang
        let ws = s.workspace
        let names = Dictionary(ws.vendors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let out = view.knockedOut
        let t = tcos[s.budget.vendor]
        var y = top
        guard view.priced.contains(t.vendor) else {
            c.text(
                area.x + 1, y,
                L.t(
                    "\(names[t.vendor] ?? t.vendor) has no price lines yet (prices.csv, or bidbench import prices)",
                    "\(names[t.vendor] ?? t.vendor) 还没有报价行 (prices.csv, 或 bidbench import prices)"), .warn, maxWidth: area.width - 2)
            return y + 2
        }
        let focus = s.budget.year == 0 ? L.t("all years", "全部年份") : L.t("year \(s.budget.year)", "第\(s.budget.year)年")
        let share = t.oneOffShare.map { NumberText.percent($0, 0) } ?? "—"
        c.text(
            area.x + 1, y, "\(names[t.vendor] ?? t.vendor) · \(focus) · \(L.t("one-off", "一次性")) \(share)", .bold,
            maxWidth: area.width - 2)
        y += 1
        // Users beyond what a line covers: costed by its extra_user_price, or flagged.
        if let first = t.capacity.first {
            let uncosted = t.capacity.filter { $0.cost == nil }.count
            let years = t.capacity.map { String(ws.settings.firstYear + $0.year - 1) }.joined(separator: " ")
            c.text(
                area.x + 1, y,
                L.t(
                    "⚠ users over what \(first.item) covers (\(first.covered)) in \(years)"
                        + (uncosted > 0 ? ": \(uncosted) year(s) NOT costed (no extra_user_price)" : ": costed by extra_user_price"),
                    "⚠ 用户数超出 \(first.item) 覆盖的 \(first.covered) 人: \(years)"
                        + (uncosted > 0 ? ": \(uncosted) 年未计费 (未填 extra_user_price)" : ": 已按 extra_user_price 计费")), .warn,
                maxWidth: area.width - 2)
            y += 1
        }
        if let reasons = out[t.vendor] {
            c.text(
                area.x + 1, y,
                "✗ " + L.t("knocked out (fails a must-have): ", "已淘汰 (必须项未满足): ")
                    + reasons.map { $0.text(chinese: L == .zh) }.joined(separator: L.t("; ", "；")), .error, maxWidth: area.width - 2)
            y += 1
        }
        let cats = CostCategory.allCases.map {
            ($0, s.budget.year == 0 ? t.byCategory[$0] ?? .zero : t.cost(year: s.budget.year, category: $0))
        }
        .filter { $0.1.minor != 0 }
        let maxCat = cats.map(\.1.minor).max() ?? 1
        let cheapestByCat = Dictionary(
            uniqueKeysWithValues: CostCategory.allCases.map { cat in
                (cat, tcos.filter { out[$0.vendor] == nil }.map { $0.byCategory[cat] ?? .zero }.filter { $0.minor > 0 }.min())
            })
        // The bars leave room for the widest figure after them (a 22-digit figure ran off the screen
        // and lost its last digit without a mark: user test pass).
        let figureW = cats.map { TextWidth.of(money($0.1)) }.max() ?? 0
        let barW = max(4, min(area.width - 40, area.width - 18 - 1 - figureW - 3 - 2))
        for (cat, amount) in cats where y < area.maxY - 3 {
            c.text(area.x + 3, y, TextWidth.fit(L.category(cat), 14))
            let isCheapest = s.budget.year == 0 && out[t.vendor] == nil && cheapestByCat[cat] == amount
            let b = bar(Double(amount.minor) / Double(max(1, maxCat)), width: barW)
            let used = c.text(area.x + 18, y, b, isCheapest ? .good : Style(fg: .blue))
            c.text(area.x + 19 + used, y, money(amount) + (isCheapest ? " ✔" : ""), .plain)
            y += 1
        }
        guard let control = view.control else { return y }
        return renderControl(s, control, into: &c, area: area, y: y)
    }

    /// Cash flow of every contract's payment milestones, by month or quarter; a contract whose
    /// milestones cannot be split is named with the reason.
    static func renderCashFlow(_ s: AppState, _ flow: BudgetView.CashFlow, into c: inout Canvas, area: Rect, y top: Int) {
        let L = s.lang
        var y = top
        guard let period = s.budget.cashFlow, y < area.maxY - 1 else { return }
        c.text(
            area.x + 1, y,
            L.t("Cash flow by \(period == .month ? "month" : "quarter") (c)", "付款现金流 (按\(period == .month ? "月" : "季度"), c 切换)"),
            .bold)
        y += 1
        for e in flow.leftOut where y < area.maxY - 1 {
            c.text(area.x + 3, y, L.t("left out: ", "未计入: ") + e.text(chinese: L == .zh), .error, maxWidth: area.width - 4)
            y += 1
        }
        let buckets: [CashFlowBucket]
        switch flow.buckets {
        case .success(let b): buckets = b
        case .failure(let e):
            c.text(area.x + 3, y, e.text(chinese: L == .zh), .error, maxWidth: area.width - 4)
            return
        }
        let top = buckets.map(\.amount.minor).max() ?? 1
        for b in buckets where y < area.maxY - 1 {
            c.text(area.x + 3, y, TextWidth.fit(b.period, 9))
            let used = c.text(
                area.x + 13, y, bar(Double(b.amount.minor) / Double(max(1, top)), width: max(4, area.width - 40)),
                Style(fg: .magenta))
            c.text(area.x + 14 + used, y, money(b.amount) + "  " + b.installments.map(\.contract).joined(separator: " "))
            y += 1
            for p in flow.blocked where b.installments.contains(p.installment) && y < area.maxY - 1 {
                let i = p.installment
                let line =
                    "✗ \(i.contract) " + L.t("blocked: ", "暂不可付: ") + "\(i.milestone) \(money(i.amount)) — "
                    + L.t(p.reason, p.reasonZH)
                // Wrapped, so the reason is read whole even at 80 columns.
                for part in TextWidth.wrap(line, max(10, area.width - 14)) where y < area.maxY - 1 {
                    c.text(area.x + 13, y, part, .error)
                    y += 1
                }
            }
        }
    }

    /// Scenarios side by side: each vendor's total under each named scenario; a scenario that cannot
    /// be costed shows why instead of totals. Returns the next free line.
    static func renderComparison(_ s: AppState, _ view: BudgetView, into c: inout Canvas, area: Rect, y top: Int) -> Int {
        let L = s.lang
        let ws = s.workspace
        var y = top
        guard !view.comparison.isEmpty, y + ws.scenarios.count + 2 < area.maxY else { return y }
        let shown = ws.vendors.prefix(max(1, (area.width - 18) / 12))
        var x = area.x + 1
        x += c.text(x, y, TextWidth.fit(L.t("Scenario totals", "情景对比"), 16), .bold) + 1
        for v in shown {
            x += c.text(x, y, TextWidth.fit(v.name, 11, right: true), .bold) + 1
        }
        y += 1
        // A vendor without price lines has no total (a 0 read as the cheapest bid: user test pass):
        // it says so, as the cost table above does (`view.priced`, made with the view).
        let priced = view.priced
        for (i, row) in view.comparison.enumerated() {
            var x = area.x + 1
            x += c.text(x, y, TextWidth.fit(row.name, 16), i == s.budget.named ? .accent : .plain) + 1
            switch row.totals {
            case .success(let totals):
                for v in shown {
                    let t = priced.contains(v.id) ? money(totals[v.id] ?? .zero) : L.t("no prices", "无报价")
                    x += c.text(x, y, TextWidth.fit(t, 11, right: true), priced.contains(v.id) ? .plain : .dim) + 1
                }
            case .failure(let e):
                c.text(x, y, e.text(chinese: L == .zh), .error, maxWidth: area.maxX - x - 1)
            }
            y += 1
        }
        return y
    }

    /// Payment milestones of the selected vendor's contract, or why they cannot be split.
    static func renderPayments(_ s: AppState, _ view: BudgetView, into c: inout Canvas, area: Rect, y: Int) {
        let L = s.lang
        guard let p = view.payments, y < area.maxY else { return }
        switch p.installments {
        case .success(let inst):
            let text = inst.map { "\($0.milestone) \($0.percent.decimalText ?? "")% \(money($0.amount)) \($0.due?.description ?? "")" }
                .joined(separator: " · ")
            // Wrapped, never cut: the last milestone fell off the edge at 80 columns.
            for (k, line) in TextWidth.wrap("\(L.t("Payments", "付款里程碑")) \(p.contract): \(text)", area.width - 2).enumerated()
            where y + k < area.maxY {
                c.text(area.x + 1, y + k, line, .plain, maxWidth: area.width - 2)
            }
        case .failure(let e):
            c.text(
                area.x + 1, y, "\(L.t("Payments", "付款里程碑")) \(p.contract): \(e.text(chinese: L == .zh))", .error, maxWidth: area.width - 2)
        }
    }

    /// The budget control with the selected vendor's proposal: one line per fiscal year and cost
    /// centre, committed + proposed against the envelope (the same figures as `bidbench budget
    /// --vendor`), so finance can reconcile each to the files.
    static func renderControl(_ s: AppState, _ result: Result<BudgetControl, BudgetError>, into c: inout Canvas, area: Rect, y top: Int)
        -> Int
    {
        let L = s.lang
        var y = top
        let control: BudgetControl
        switch result {
        case .success(let v): control = v
        case .failure(let error):
            c.text(area.x + 1, y, error.text(chinese: L == .zh), .error, maxWidth: area.width - 2)
            return y + 1
        }
        let rows = control.rows.filter { $0.category == nil }
        guard !rows.isEmpty, y < area.maxY - 2 else { return y }
        let basis =
            control.proposalCoveredBy.map { L.t("proposal = contract \($0)", "报价按合同 \($0) 计") } ?? L.t("proposal = price lines", "报价按报价行计")
        c.text(
            area.x + 1, y, L.t("Budget control (committed + proposed, \(basis))", "预算控制 (已承诺 + 拟采购, \(basis))"), .bold,
            maxWidth: area.width - 2)
        y += 1
        // A table under one header (the words repeated on every row made it 81 columns: at 80 the use
        // and the mark were cut off); on a screen narrower still, each row takes two lines.
        // One decimal, as `bidbench budget` and the handout print it (97% here read as 96.8% there),
        // more beside a threshold (`percentText`): the column as wide as its widest figure.
        let pcts = rows.map { $0.percentText(1) ?? "—" }
        let pctWidth = max(6, pcts.map(TextWidth.of).max() ?? 0)
        let header =
            "\(TextWidth.fit(L.t("year", "年度"), 4)) \(TextWidth.fit(L.t("centre", "成本中心"), 8)) "
            + "\(TextWidth.fit(L.t("envelope", "预算"), 10, right: true)) \(TextWidth.fit(L.t("committed", "已承诺"), 10, right: true)) "
            + "\(TextWidth.fit(L.t("proposed", "拟采购"), 10, right: true)) \(TextWidth.fit(L.t("used", "使用率"), pctWidth, right: true))"
        let marks = rows.map { r -> (String, Style) in
            switch r.status {
            case .ok: ("✔", .good)
            case .warn: ("⚠", .warn)
            case .stop: ("✗ " + L.t("over", "超支"), .error)
            case .unbudgeted: ("✗ " + L.t("unbudgeted", "未列入预算"), .error)
            }
        }
        let widest = marks.map { TextWidth.of($0.0) }.max() ?? 0
        let oneLine = TextWidth.of(header) + 1 + widest <= area.width - 4
        if oneLine, y < area.maxY - 1 {
            c.text(area.x + 3, y, header, .dim, maxWidth: area.width - 4)
            y += 1
        }
        for (k, (mark, st)) in marks.enumerated() where y < area.maxY - 1 {
            let r = rows[k]
            let center = r.costCenter.isEmpty ? L.t("(unassigned)", "(未分配)") : r.costCenter
            let pct = pcts[k]
            let envelope = r.envelope.map(money) ?? "—"
            if oneLine {
                let text =
                    "\(r.fiscalYear) \(TextWidth.fit(center, 8)) \(TextWidth.fit(envelope, 10, right: true)) "
                    + "\(TextWidth.fit(money(r.committed), 10, right: true)) \(TextWidth.fit(money(r.proposed), 10, right: true)) "
                    + "\(TextWidth.fit(pct, pctWidth, right: true)) \(mark)"
                c.text(area.x + 3, y, text, st, maxWidth: area.width - 4)
                y += 1
                continue
            }
            c.text(
                area.x + 3, y, "\(r.fiscalYear) \(TextWidth.fit(center, 8)) \(L.t("env", "预算")) \(envelope)  \(pct) \(mark)", st,
                maxWidth: area.width - 4)
            y += 1
            guard y < area.maxY - 1 else { break }
            c.text(
                area.x + 8, y, "\(L.t("committed", "已承诺")) \(money(r.committed))  \(L.t("proposed", "拟采购")) \(money(r.proposed))", st,
                maxWidth: area.width - 9)
            y += 1
        }
        return y
    }
}
