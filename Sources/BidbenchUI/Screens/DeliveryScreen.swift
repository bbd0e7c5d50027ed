import BidbenchCore

/// What the right (or lower) pane of the Delivery screen shows.
public enum DeliveryPane: Int, Sendable, CaseIterable {
    case overview, tests, tickets, handover
}

public struct DeliveryState: Equatable, Sendable {
    /// Index among the contracts in delivery.
    public var contract = 0
    /// The selected task (index in the contract's plan order).
    public var selected = 0
    public var pane: DeliveryPane = .overview
    /// The first line of the pane shown (PgDn/PgUp scroll a pane longer than its rows).
    public var paneOffset = 0
    /// The selected contract's delivery as computed by `DeliveryScreen.refresh` for a workspace
    /// revision, a contract and a day: one computation per change, not one per frame (it may scan
    /// the contract's text for its SLA and availability terms).
    var cached: Cached?
    struct Cached: Equatable, Sendable {
        var revision: Int
        var contract: String
        var today: Day
        var delivery: ContractDelivery
    }
    public init() {}
}

/// Screen 5, Delivery (交付): after signing. The plan as a compact timeline with today's line and
/// overdue tasks in red; acceptance, payable and blocked payments, training, SLA and reviews beside it.
/// `a`/`Enter`/`d` add, edit and delete tasks; `t`, `i`, `s`, `S`, `A` and `H` open the contract's
/// acceptance tests, support tickets, training, SLA terms, monthly availability and handover
/// checklist (`DeliveryLists`); `R` records a vendor review; `[`/`]` switch contracts, `v` the pane.
public enum DeliveryScreen {
    // MARK: Data

    static func contracts(_ s: AppState) -> [Contract] { DeliveryStatus.contracts(in: s.workspace) }

    static func current(_ s: AppState) -> ContractDelivery? {
        let list = contracts(s)
        guard !list.isEmpty else { return nil }
        let c = list[min(s.delivery.contract, list.count - 1)]
        if let k = s.delivery.cached, k.revision == s.revision, k.contract == c.id, k.today == s.today { return k.delivery }
        return DeliveryStatus.build(s.workspace, contract: c, today: s.today)
    }

    /// Keeps the selected contract's delivery for the frames to come (called by `App.reduce` after
    /// every event, on screen 5 only).
    static func refresh(_ s: inout AppState) {
        guard s.screen == .delivery else { return }
        let list = contracts(s)
        guard !list.isEmpty else { return }
        let c = list[min(s.delivery.contract, list.count - 1)]
        if let k = s.delivery.cached, k.revision == s.revision, k.contract == c.id, k.today == s.today { return }
        s.delivery.cached = .init(
            revision: s.revision, contract: c.id, today: s.today, delivery: DeliveryStatus.build(s.workspace, contract: c, today: s.today))
    }

    /// The workspace index of the selected task, if any.
    static func selectedTaskIndex(_ s: AppState, _ d: ContractDelivery) -> Int? {
        guard s.delivery.selected < d.tasks.count else { return nil }
        let t = d.tasks[s.delivery.selected]
        return s.workspace.delivery.tasks.firstIndex { $0.contract == t.contract && $0.id == t.id }
    }

    // MARK: Keys

    // Kept as one function: one case per command of the screen, as the key map lists them.
    static func handle(_ s: inout AppState, _ cmd: Command) -> [Effect]? {
        let list = contracts(s)
        let d = current(s)
        let count = d?.tasks.count ?? 0
        switch cmd {
        case .up: s.delivery.selected = max(0, s.delivery.selected - 1)
        case .down: s.delivery.selected = min(max(0, count - 1), s.delivery.selected + 1)
        case .top: s.delivery.selected = 0
        case .bottom: s.delivery.selected = max(0, count - 1)
        case .prevContract, .nextContract:
            // One contract (or none) in delivery: said, not silently nothing (a helper's pass).
            guard list.count > 1 else {
                s.say(
                    list.isEmpty
                        ? s.lang.t("No contract is in delivery", "没有处于交付阶段的合同")
                        : s.lang.t("Only one contract is in delivery: \(list[0].id)", "只有一份合同处于交付阶段: \(list[0].id)"))
                return []
            }
            let step = cmd == .nextContract ? 1 : list.count - 1
            s.delivery.contract = (min(s.delivery.contract, list.count - 1) + step) % list.count
            s.delivery.selected = 0
            s.delivery.paneOffset = 0
        case .cyclePane:
            s.delivery.pane = DeliveryPane(rawValue: (s.delivery.pane.rawValue + 1) % DeliveryPane.allCases.count)!
            s.delivery.paneOffset = 0
        case .pageDown, .pageUp:
            guard let d else { return [] }
            let l = layout(s, d, area: App.body(s))
            let step = max(1, l.pane.height - 2)
            let now = min(s.delivery.paneOffset, maxOffset(l))
            s.delivery.paneOffset = cmd == .pageDown ? min(maxOffset(l), now + step) : max(0, now - step)
        case .add, .edit, .delete, .acceptanceTests, .supportTickets, .trainingSessions, .slaTerms, .monthlyAvailability,
            .handoverChecklist,
            .recordReview:
            guard let d else {
                s.say(
                    s.lang.t(
                        "No contract in delivery: record a signing (4, e: status signed or active) or import its plan",
                        "尚无执行中的合同: 请登记签署 (4, e: 状态设为已签或履行中), 或导入实施计划"), error: true)
                return []
            }
            let c = d.contract.id
            switch cmd {
            case .add: s.modal = .form(TaskForm.form(s, contract: c, index: nil))
            case .edit:
                guard let i = selectedTaskIndex(s, d) else {
                    s.say(s.lang.t("The plan is empty: a adds a task", "计划为空: 按 a 新增任务"), error: true)
                    return []
                }
                s.modal = .form(TaskForm.form(s, contract: c, index: i))
            case .delete:
                guard let i = selectedTaskIndex(s, d) else {
                    s.say(s.lang.t("The plan is empty: a adds a task", "计划为空: 按 a 新增任务"), error: true)
                    return []
                }
                let id = s.workspace.delivery.tasks[i].id
                // Tasks that wait for this one lose that dependency with it, said before and after (a
                // finance pass: the deletion left `depends_on: T07` behind, and every save was refused).
                let waiting = s.workspace.delivery.tasks.filter { $0.contract == c && $0.dependsOn.contains(id) }.map(\.id)
                let names = waiting.joined(separator: s.lang.t(", ", "、"))
                let question =
                    waiting.isEmpty
                    ? nil
                    : s.lang.t(
                        "Delete task \(id)? \(names) wait\(waiting.count == 1 ? "s" : "") for it: d again deletes it and that dependency (u undoes); any other key keeps it",
                        "删除任务 \(id)? \(names) 依赖它: 再按 d 删除它并去掉该依赖 (可按 u 撤销); 按其他键保留")
                guard ListKeys.confirmedDelete(&s, row: i, question: question) else { return [] }
                let said =
                    waiting.isEmpty
                    ? s.lang.t("Deleted task \(id) (u to undo)", "已删除任务 \(id) (按 u 撤销)")
                    : s.lang.t(
                        "Deleted task \(id); \(names) no longer wait\(waiting.count == 1 ? "s" : "") for it (u to undo)",
                        "已删除任务 \(id); \(names) 不再依赖它 (按 u 撤销)")
                s.change(said) { w in
                    w.delivery.tasks.remove(at: i)
                    for k in w.delivery.tasks.indices where w.delivery.tasks[k].contract == c {
                        w.delivery.tasks[k].dependsOn.removeAll { $0 == id }
                    }
                }
                s.delivery.selected = max(0, min(s.delivery.selected, count - 2))
            case .acceptanceTests: s.modal = .deliveryList(DeliveryListState(kind: .tests, contract: c))
            case .supportTickets: s.modal = .deliveryList(DeliveryListState(kind: .tickets, contract: c))
            case .trainingSessions: s.modal = .deliveryList(DeliveryListState(kind: .training, contract: c))
            case .slaTerms: s.modal = .deliveryList(DeliveryListState(kind: .sla, contract: c))
            case .monthlyAvailability: s.modal = .deliveryList(DeliveryListState(kind: .availability, contract: c))
            case .handoverChecklist: s.modal = .deliveryList(DeliveryListState(kind: .handover, contract: c))
            default: s.modal = .form(ReviewForm.form(s, d))
            }
        default: return nil
        }
        return []
    }

    // MARK: Rendering

    static func render(_ s: AppState, into c: inout Canvas, area: Rect) {
        let L = s.lang
        let zh = L == .zh
        guard let d = current(s) else {
            let text = L.t(
                "No contract in delivery yet. A signed or active contract, or rows in tasks.csv, acceptance.csv, training.csv or tickets.csv, appear here. To record a signing: 4 (Contracts), e (edit terms), status signed with its date.",
                "尚无执行中的合同。已签或履行中的合同, 或 tasks.csv、acceptance.csv、training.csv、tickets.csv 中的记录, 会显示在这里。登记签署: 按 4 (合同页), 再按 e (编辑条款), 状态设为已签并填写签署日期。"
            )
            for (i, line) in TextWidth.wrap(text, max(8, area.width - 2)).prefix(max(0, area.height - 1)).enumerated() {
                c.text(area.x + 1, area.y + 1 + i, line, .dim)
            }
            return
        }
        let list = contracts(s)
        let vendor = s.workspace.vendors.first { $0.id == d.contract.vendor }?.name ?? d.contract.vendor
        var head = "\(d.contract.id) \(d.contract.title) · \(vendor)"
        if list.count > 1 { head += " (\(min(s.delivery.contract, list.count - 1) + 1)/\(list.count))" }
        let onTime = d.onTimePercent.map { L.t(" · on time \(pct($0))", " · 按时 \(pct($0))") } ?? ""
        let dateText = L.t("today \(s.today)", "今天 \(s.today)") + onTime
        let dw = TextWidth.of(dateText)
        c.text(area.x + 1, area.y, head, .bold, maxWidth: max(4, area.width - dw - 4))
        c.text(area.maxX - dw - 1, area.y, dateText, .dim)

        let l = layout(s, d, area: area)
        renderPlan(s, d, into: &c, area: l.plan)
        let pane = l.pane
        if l.wide { for y in pane.y..<pane.maxY { c.text(pane.x - 1, y, "│", .dim) } }
        // A pane longer than its rows scrolls (PgDn/PgUp) and says how much more there is.
        let offset = min(s.delivery.paneOffset, maxOffset(l))
        let below = l.lines.count - offset - pane.height
        let rows = below > 0 || offset > 0 ? max(1, pane.height - 1) : pane.height
        for (i, line) in l.lines.dropFirst(offset).prefix(rows).enumerated() {
            c.text(pane.x, pane.y + i, line.text, line.style, maxWidth: pane.width)
        }
        if below > 0 || offset > 0 {
            let more = max(0, l.lines.count - offset - rows)
            let marker =
                more > 0
                ? L.t("▼ PgDn: \(more) more line\(more == 1 ? "" : "s")", "▼ PgDn: 还有 \(more) 行")
                    + (offset > 0 ? L.t(" · ▲ PgUp", " · ▲ PgUp") : "")
                : L.t("▲ PgUp: back to the top", "▲ PgUp: 回到开头")
            c.text(pane.x, pane.y + rows, marker, .accent, maxWidth: pane.width)
        }
        _ = zh
    }

    /// Where the plan and the pane go: side by side from 110 columns, else the pane under the plan.
    struct Layout {
        var wide: Bool
        var plan: Rect
        var pane: Rect
        var lines: [Line]
    }

    static func layout(_ s: AppState, _ d: ContractDelivery, area: Rect) -> Layout {
        let wide = area.width >= 110
        let planW = wide ? area.width * 56 / 100 : area.width
        let summary = paneLines(s, d, width: (wide ? area.width - planW - 2 : area.width - 2))
        // Narrow: the plan takes the rows its tasks and the selected one's detail need, the pane the
        // rest (at least half when it needs it).
        let detail = min(4, taskDetail(s, d, width: planW - 2).count)
        let planH =
            wide ? area.height - 1 : max(3, min(d.tasks.count + 1 + detail, area.height - 1 - min(summary.count, area.height / 2)))
        let pane =
            wide
            ? Rect(x: area.x + planW + 1, y: area.y + 1, width: area.width - planW - 2, height: area.height - 1)
            : Rect(x: area.x + 1, y: area.y + 1 + planH, width: area.width - 2, height: area.height - 1 - planH)
        return Layout(wide: wide, plan: Rect(x: area.x, y: area.y + 1, width: planW, height: planH), pane: pane, lines: summary)
    }

    /// The last useful first line of the pane: the one that shows its end above the marker.
    static func maxOffset(_ l: Layout) -> Int {
        l.lines.count <= l.pane.height ? 0 : l.lines.count - max(1, l.pane.height - 1)
    }

    static func pct(_ v: Double) -> String { NumberText.percent(points: v) }

    /// The plan's columns: the phase and the title (with the owner) as wide as their widest entry,
    /// the bar at least a quarter of the plan (a compact timeline reads with a few cells a month),
    /// and the title what is left. A title still too long is read in full in the detail lines under
    /// the plan.
    static func planColumns(_ s: AppState, _ d: ContractDelivery, width: Int) -> (id: Int, phase: Int, title: Int, bar: Int) {
        let zh = s.lang == .zh
        let idW = max(4, d.tasks.map { TextWidth.of($0.id) }.max() ?? 0)
        let lateW = 5
        let widestPhase = max(TextWidth.of(s.lang.t("Phase", "阶段")), d.tasks.map { TextWidth.of($0.phase.name(chinese: zh)) }.max() ?? 0)
        let widestTitle = max(
            TextWidth.of(s.lang.t("Title · owner", "名称 · 负责人")), d.tasks.map { TextWidth.of(label($0)) }.max() ?? 0)
        // Margin, id, phase, title and the late column with their gaps: 5 cells besides the columns.
        let free = max(0, width - 5 - idW - lateW - max(16, width / 4))
        // A phase name is short: whole, unless the title would keep fewer than 16 cells.
        let phaseW = max(4, min(widestPhase, max(8, free - 16)))
        let titleW = max(8, min(widestTitle, free - phaseW))
        let barW = max(6, width - 1 - idW - 1 - phaseW - 1 - titleW - 1 - lateW - 1)
        return (idW, phaseW, titleW, barW)
    }

    /// The title column's text: the title and, after it, the owner.
    static func label(_ t: DeliveryTask) -> String { t.owner.isEmpty ? t.title : "\(t.title) · \(t.owner)" }

    /// The selected task in full, wrapped to `width` with a hanging indent: what the plan's columns
    /// may cut (title, owner, phase) and what its bar only draws (dates, status, dependencies, delay).
    static func taskDetail(_ s: AppState, _ d: ContractDelivery, width: Int) -> [String] {
        guard s.delivery.selected < d.tasks.count else { return [] }
        let L = s.lang
        let t = d.tasks[s.delivery.selected]
        var parts = ["\(t.id) \(t.phase.name(chinese: L == .zh))", t.title]
        if !t.owner.isEmpty { parts.append(L.t("owner ", "负责人 ") + t.owner) }
        func span(_ a: Day?, _ b: Day?) -> String? { a == nil && b == nil ? nil : "\(a?.description ?? "…")→\(b?.description ?? "…")" }
        if let p = span(t.plannedStart, t.plannedEnd) { parts.append(L.t("planned ", "计划 ") + p) }
        if let a = span(t.actualStart, t.actualEnd) { parts.append(L.t("actual ", "实际 ") + a) }
        parts.append(L.t("status ", "状态 ") + TaskForm.statusLabel(t.status, L))
        if !t.dependsOn.isEmpty { parts.append(L.t("after ", "前置 ") + t.dependsOn.joined(separator: L.t(", ", "、"))) }
        let late = DeliveryPlan.overdueDays(t, today: s.today)
        if late > 0 { parts.append(L.t("\(late) day\(late == 1 ? "" : "s") late", "逾期 \(late) 天")) }
        let lines = TextWidth.wrap("▸ " + parts.joined(separator: " · "), max(8, width - 2))
        return lines.enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
    }

    /// The detail lines under the plan: every one when the rows under the tasks hold them (the wide
    /// plan has rows to spare), else up to four (the tasks scroll), and never the last task row. A
    /// detail still longer ends with `…` (Enter opens the task in full).
    static func detailRows(_ s: AppState, _ d: ContractDelivery, area: Rect) -> [String] {
        let all = taskDetail(s, d, width: area.width - 2)
        let room = max(0, min(area.height - 2, max(4, area.height - 1 - d.tasks.count)))
        guard all.count > room else { return all }
        var shown = Array(all.prefix(room))
        if let last = shown.indices.last { shown[last] = TextWidth.clip(shown[last], to: max(1, area.width - 4), ellipsis: false) + "…" }
        return shown
    }

    // Kept as one function: the plan's rows and bars in drawing order.
    /// The plan: one row per task, a bar in cells from planned start to planned end, today's line,
    /// and the selected task in full under it.
    static func renderPlan(_ s: AppState, _ d: ContractDelivery, into c: inout Canvas, area full: Rect) {
        let L = s.lang
        guard full.height >= 2 else { return }
        let detail = detailRows(s, d, area: full)
        let area = Rect(x: full.x, y: full.y, width: full.width, height: full.height - detail.count)
        let cols = planColumns(s, d, width: area.width)
        let idW = cols.id
        let phaseW = cols.phase
        let titleW = cols.title
        let lateW = 5
        let barX = area.x + 1 + idW + 1 + phaseW + 1 + titleW + 1
        let barW = cols.bar
        let starts = d.tasks.compactMap(\.plannedStart) + d.tasks.compactMap(\.actualStart)
        let ends = d.tasks.compactMap(\.plannedEnd) + d.tasks.compactMap(\.actualEnd)
        let first = (starts + [s.today]).min()!
        let last = (ends + [s.today]).max()!
        let span = max(1, first.days(until: last) + 1)
        func col(_ day: Day) -> Int { min(barW - 1, max(0, first.days(until: day) * barW / span)) }
        // Header: columns and the months along the bar.
        var x = area.x + 1
        x += c.text(x, area.y, TextWidth.fit(L.t("Task", "任务"), idW)) + 1
        x += c.text(x, area.y, TextWidth.fit(L.t("Phase", "阶段"), phaseW)) + 1
        c.text(x, area.y, TextWidth.fit(L.t("Title · owner", "名称 · 负责人"), titleW), .dim)
        var lastLabelEnd = -1
        var m = Day(year: first.year, month: first.month, day: 1)
        while m <= last {
            let cx = m < first ? 0 : col(m)
            let label = L.t("\(m.month)/\(m.year % 100)", "\(m.month)月")
            if cx > lastLabelEnd, cx + TextWidth.of(label) <= barW {
                c.text(barX + cx, area.y, label, .dim)
                lastLabelEnd = cx + TextWidth.of(label)
            }
            m = m.adding(months: 1)
        }
        let todayCol = col(s.today)
        // More tasks than rows: the last row says how many are above and below (↑/↓ select them).
        let overflow = d.tasks.count > area.height - 1
        let rows = overflow ? max(1, area.height - 2) : area.height - 1
        let offset = max(0, min(s.delivery.selected - rows + 1, d.tasks.count - rows))
        if overflow {
            let above = offset
            let below = d.tasks.count - offset - rows
            var parts: [String] = []
            if below > 0 { parts.append(L.t("▼ \(below) more task\(below == 1 ? "" : "s") below (↓)", "▼ 下方还有 \(below) 项任务 (↓)")) }
            if above > 0 { parts.append(L.t("▲ \(above) above (↑)", "▲ 上方 \(above) 项 (↑)")) }
            c.text(area.x + 1, area.y + 1 + rows, parts.joined(separator: " · "), .accent, maxWidth: area.width - 2)
        }
        for (n, t) in d.tasks.enumerated().dropFirst(offset).prefix(rows) {
            let y = area.y + 1 + n - offset
            let late = DeliveryPlan.overdueDays(t, today: s.today)
            let sel = n == s.delivery.selected
            let base: Style = late > 0 ? .error : .plain
            var x = area.x + 1
            x += c.text(x, y, TextWidth.fit(t.id, idW), sel ? .selected : base) + 1
            x += c.text(x, y, TextWidth.fit(t.phase.name(chinese: L == .zh), phaseW), sel ? .selected : .dim) + 1
            c.text(x, y, TextWidth.fit(label(t), titleW), sel ? .selected : base)
            // Background: today's line through the whole plan.
            c.text(barX + todayCol, y, "│", .accent)
            if let ps = t.plannedStart, let pe = t.plannedEnd {
                let a = col(ps)
                let b = max(a, col(pe))
                let glyph = t.status == .done ? "█" : DeliveryPlan.hasStarted(t) ? "▓" : "░"
                let style: Style = late > 0 ? .error : t.status == .done ? .good : t.status == .cancelled ? .dim : .plain
                for k in a...b { c.text(barX + k, y, k == todayCol ? "┃" : glyph, k == todayCol ? .accent : style) }
                if late > 0 {
                    // The days past the planned end, up to today, drawn thin in red.
                    for k in (b + 1)..<max(b + 1, todayCol) { c.text(barX + k, y, "╌", .error) }
                }
            }
            if late > 0 { c.text(barX + barW + 1, y, TextWidth.fit("+\(late)\(L.t("d", "天"))", lateW), .error) }
        }
        if d.tasks.isEmpty {
            c.text(area.x + 1, area.y + 1, L.t("No tasks yet: a adds one", "尚无任务: 按 a 新增"), .dim, maxWidth: area.width - 2)
        }
        // The detail right under the last row drawn (the wide plan has rows to spare).
        let shown = min(d.tasks.count, rows) + (overflow ? 1 : 0)
        for (i, line) in detail.enumerated() { c.text(area.x + 1, area.y + 1 + shown + i, line, .dim, maxWidth: area.width - 2) }
    }

    struct Line {
        var text: String
        var style: Style = .plain
    }

    // Kept as one function: one case per pane (overview, tests, tickets, handover), each a list of lines.
    /// The lines of the pane: overview, tests, tickets or handover, wrapped to `width`.
    static func paneLines(_ s: AppState, _ d: ContractDelivery, width: Int) -> [Line] {
        let L = s.lang
        let zh = L == .zh
        // An evaluator's or a read-only session opens the lists to read them, not to edit.
        let edits = s.evaluator == nil && !s.readOnly
        var out: [Line] = []
        func add(_ text: String, _ style: Style = .plain) {
            // Wrapped two columns narrower, so the continuation lines' indent still fits.
            for (i, l) in TextWidth.wrap(text, max(8, width - 2)).enumerated() {
                out.append(Line(text: i == 0 ? l : "  " + l, style: style))
            }
        }
        switch s.delivery.pane {
        case .overview:
            let a = d.acceptance
            add(
                L.t(
                    "Acceptance: \(a.passed) passed · \(a.failed) failed · \(a.pending) pending · requirements accepted \(a.requirementsAccepted)/\(a.requirementsTotal)",
                    "验收: 通过 \(a.passed) · 未通过 \(a.failed) · 待测 \(a.pending) · 需求已验收 \(a.requirementsAccepted)/\(a.requirementsTotal)"),
                a.failed > 0 ? .warn : .plain)
            for p in d.payable {
                add(L.t("Payable now: ", "可支付: ") + "\(p.installment.milestone) \(p.installment.amount.grouped())", .good)
            }
            for p in d.blocked {
                add(
                    L.t("Blocked: ", "暂不可付: ") + "\(p.installment.milestone) \(p.installment.amount.grouped()) — "
                        + (zh ? p.reasonZH : p.reason), .warn)
            }
            // Milestones that cannot be split (percents not adding to 100, a value too large) say so,
            // as `bidbench delivery` does: the payments were left out without a word.
            if let problem = d.paymentProblem {
                add(L.t("Payments: ", "付款: ") + (zh ? d.paymentProblemZH ?? problem : problem), .error)
            }
            let t = d.training
            var training = L.t("Training: \(t.sessions) session\(t.sessions == 1 ? "" : "s")", "培训: \(t.sessions) 场")
            if let r = t.passRate {
                training += L.t(" · pass rate ", " · 通过率 ") + pct(r * 100)
                if let target = t.target { training += (t.belowTarget ? " < " : " ≥ ") + L.t("target ", "目标 ") + pct(target * 100) }
            }
            add(training, t.belowTarget ? .error : .plain)
            if !t.needs.isEmpty {
                add(
                    L.t("Still to train: ", "仍需培训: ")
                        + t.needs.map { "\($0.person)(\($0.module)\($0.reason == .absent ? L.t(", absent", "，缺席") : ""))" }.joined(
                            separator: zh ? "、" : ", "), .warn)
            }
            let sp = d.support
            var support = L.t(
                "SLA: \(sp.tickets) tickets · late responses \(sp.responseBreaches) · late resolutions \(sp.resolutionBreaches)",
                "SLA: 工单 \(sp.tickets) · 响应超时 \(sp.responseBreaches) · 解决超时 \(sp.resolutionBreaches)")
            if let p = sp.compliancePercent { support += L.t(" · met ", " · 达标 ") + pct(p) }
            if sp.penalty.minor > 0 { support += L.t(" · penalty ", " · 违约金 ") + sp.penalty.grouped() }
            add(support, sp.responseBreaches + sp.resolutionBreaches > 0 ? .warn : .plain)
            for m in sp.months where m.total > 0 {
                let en = "  \(m.month): \(m.total) breach\(m.total == 1 ? "" : "es") in \(m.tickets) ticket\(m.tickets == 1 ? "" : "s")"
                add(L.t(en, "  \(m.month): \(m.tickets) 个工单违约 \(m.total) 次"), .dim)
            }
            if !sp.availability.isEmpty {
                // The last six months, each met or missed; the earlier ones are counted (with their
                // misses) and A lists them all, so none is dropped unsaid.
                let target =
                    sp.availabilityTarget.map { L.t("target ", "目标 ") + AvailabilityRules.text($0.percent) } ?? L.t("no target", "无目标")
                let months = sp.availability.suffix(6).map { m in
                    "\(m.month) \(AvailabilityRules.text(m.percent))"
                        + (m.met.map { $0 ? L.t(" ✔ met", " ✔达标") : L.t(" ✗ missed", " ✗未达标") } ?? "")
                }
                var text = L.t("Availability (\(target)): ", "可用率 (\(target)): ") + months.joined(separator: " · ")
                let earlier = sp.availability.dropLast(6)
                if !earlier.isEmpty {
                    let missed = earlier.filter { $0.met == false }.count
                    text += L.t(
                        " · +\(earlier.count) earlier month\(earlier.count == 1 ? "" : "s")\(missed > 0 ? ", \(missed) missed" : "") (A lists all)",
                        " · 另有更早 \(earlier.count) 个月\(missed > 0 ? ", 其中 \(missed) 个未达标" : "") (按 A 查看全部)")
                }
                add(text, sp.availability.contains { $0.met == false } ? .warn : .plain)
            }
            if d.reviews.isEmpty {
                add(L.t("Reviews: none yet — R records one", "考评: 尚无 — 按 R 记录"), .dim)
            } else {
                let trend = d.reviews.map { r in
                    "\(r.review.period) \(NumberText.upTo(r.score, 1))"
                        + (r.change.map { $0 >= 0 ? " ▲\(NumberText.upTo($0, 1))" : " ▼\(NumberText.upTo(-$0, 1))" } ?? "")
                }.joined(separator: " → ")
                // The last satisfaction and where it comes from (entered, the departments' mean, or both).
                let last = d.reviews[d.reviews.count - 1]
                let sat = NumberText.upTo(last.review.satisfaction, 2)
                let source = last.satisfactionSource.words(chinese: zh)
                let survey = L.t(" (satisfaction \(sat), \(source))", " (满意度 \(sat), \(source))")
                add(L.t("Reviews: ", "考评: ") + trend + survey)
            }
            let alerts = DeliveryWarnings.alerts(risks: s.workspace.risks, deliveries: [d])
            for a in alerts { add("⚠ \(a.risk) " + a.text(chinese: zh), .error) }
        case .tests:
            add(
                edits ? L.t("Acceptance tests (t opens them)", "验收测试 (按 t 打开编辑)") : L.t("Acceptance tests (t lists them)", "验收测试 (按 t 查看)"),
                .bold)
            for t in d.tests {
                let mark = t.result == .pass ? "✔" : t.result == .fail ? "✗" : "…"
                let style: Style = t.result == .pass ? .good : t.result == .fail ? .error : .plain
                let result =
                    t.result == .pass ? L.t("pass", "通过") : t.result == .fail ? L.t("fail", "未通过") : L.t("pending", "待测")
                add("\(mark) \(t.id) \(t.requirements.joined(separator: ",")) \(result) \(t.date?.description ?? "") \(t.criterion)", style)
            }
            if d.tests.isEmpty { add(L.t("No tests yet", "尚无验收测试"), .dim) }
        case .tickets:
            add(
                edits ? L.t("Support tickets (i opens them)", "支持工单 (按 i 打开编辑)") : L.t("Support tickets (i lists them)", "支持工单 (按 i 查看)"),
                .bold)
            for m in d.support.measures {
                let t = m.ticket
                let dur = TicketsDialog.duration
                let late = (m.responseBreach ? L.t(" late response", " 响应超时") : "") + (m.resolutionBreach ? L.t(" late fix", " 解决超时") : "")
                add(
                    "\(t.id) P\(t.severity) \(t.module) \(t.opened) " + L.t("resp ", "响应 ") + dur(m.responseMinutes) + L.t(" fix ", " 解决 ")
                        + dur(m.resolutionMinutes) + late, late.isEmpty ? .plain : .error)
            }
            if d.support.measures.isEmpty { add(L.t("No tickets yet", "尚无工单"), .dim) }
            let limits = SLADialog.limitTexts(d.support.limits, L)
            if !limits.isEmpty {
                let source = SLADialog.sources(d.support.limits, L)
                add(L.t("SLA (response/resolution): ", "SLA (响应/解决): ") + limits.joined(separator: " · ") + " — " + source, .dim)
            }
        case .handover:
            add(
                edits
                    ? L.t("Exit and handover checklist (guide §7; H edits)", "终止与移交清单 (指南 §七; 按 H 编辑)")
                    : L.t("Exit and handover checklist (guide §7; H lists it)", "终止与移交清单 (指南 §七; 按 H 查看)"), .bold)
            for h in d.handover {
                let mark = h.status == .done ? "✔" : h.status == .notApplicable ? "–" : "☐"
                add(
                    "\(mark) " + (zh ? h.nameZH : h.name) + (h.date.map { " \($0)" } ?? "") + (h.note.isEmpty ? "" : " — \(h.note)"),
                    h.status == .done ? .good : .plain)
            }
        }
        return out
    }
}
