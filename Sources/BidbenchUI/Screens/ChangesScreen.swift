import BidbenchCore

public struct ChangesState: Equatable, Sendable {
    public var contract: String
    public var selected = 0
    public init(contract: String, selected: Int = 0) {
        self.contract = contract
        self.selected = selected
    }
}

/// Change orders of one contract (c on the Contracts screen): add, edit, delete amendments; the
/// contract's current value (approved deltas only) and its history update at once.
public enum ChangesScreen {
    static let statuses = ["proposed", "approved", "rejected"]

    /// The contract's change orders as workspace indices, in the history's order (by date, undated
    /// last), so each row's "value after" reads down the table.
    static func indices(_ s: AppState, _ contract: String) -> [Int] {
        let ws = s.workspace
        guard let k = ws.contracts.first(where: { $0.id == contract }) else { return [] }
        var positions: [String: Int] = [:]
        for i in ws.changes.indices where ws.changes[i].contract == contract {
            positions[ws.changes[i].id] = positions[ws.changes[i].id] ?? i
        }
        return ChangeOrders.history(of: k, changes: ws.changes).compactMap { positions[$0.change.id] }
    }

    static func handle(_ s: inout AppState, _ st: ChangesState, _ cmd: Command) {
        let idx = indices(s, st.contract)
        let contract = st.contract
        guard
            let selected = ListKeys.apply(
                cmd, &s, selected: st.selected, count: idx.count,
                form: { form($0, contract: contract, index: $1.map { idx[$0] }) },
                delete: { s, row in
                    let i = idx[row]
                    let id = s.workspace.changes[i].id
                    s.change(s.lang.t("Deleted change order \(id) (u to undo)", "已删除变更单 \(id) (按 u 撤销)")) { $0.changes.remove(at: i) }
                })
        else { return }
        s.modal = .changes(ChangesState(contract: contract, selected: selected))
    }

    static func statusLabel(_ status: String, _ L: Lang) -> String { ReportLabels.status(status, L.labels) }

    /// The next free id of the contract's change orders (CO1, CO2 → CO3; none → CO01).
    static func nextId(_ s: AppState, _ contract: String) -> String {
        IDSequence.next(after: s.workspace.changes.filter { $0.contract == contract }.map(\.id), defaultPrefix: "CO", defaultWidth: 2)
    }

    /// A new change order's date: today, moved into the contract's term when today is outside it
    /// (a change cannot predate the contract).
    static func defaultDate(_ s: AppState, _ contract: String) -> Day {
        guard let k = s.workspace.contracts.first(where: { $0.id == contract }) else { return s.today }
        if let start = ChangeOrders.start(of: k), s.today < start { return start }
        if let end = ChangeOrders.end(of: k), s.today > end { return end }
        return s.today
    }

    static func form(_ s: AppState, contract: String, index: Int?) -> Form {
        let L = s.lang
        let c = index.map { s.workspace.changes[$0] }
        return Form(
            target: .changeOrder(contract: contract, index: index),
            title: c.map { L.t("Edit change order \($0.id)", "编辑变更单 \($0.id)") }
                ?? L.t("New change order · \(contract)", "新增变更单 · \(contract)"),
            fields: [
                FormField(key: "id", label: L.t("ID", "编号"), text: c?.id ?? nextId(s, contract)),
                FormField(
                    key: "date", label: L.t("Date (YYYY-MM-DD)", "日期 (YYYY-MM-DD)"),
                    text: c?.date?.description ?? defaultDate(s, contract).description,
                    kind: .date),
                FormField(key: "description", label: L.t("Description", "内容"), text: c?.description ?? "", kind: .long),
                FormField(
                    key: "price_delta", label: L.t("Delta (− = credit)", "金额变化 (减少填负数)"), text: c?.priceDelta.description ?? "",
                    kind: .number),
                FormField(
                    key: "status", label: L.t("Status", "状态"), choices: statuses,
                    labels: statuses.map { statusLabel($0, L) }, selected: c?.status ?? "proposed",
                    aliases: statuses.map { [statusLabel($0, .zh), statusLabel($0, .en)] }),
            ], focusOn: "description")
    }

    // Kept as one function: a form's fields read and checked one by one, each refusal naming its field.
    /// Validates and applies the form; an error keeps the form open with what was typed.
    static func submit(_ s: inout AppState, _ f: Form, contract: String, index: Int?) -> FormRefusal? {
        let L = s.lang
        let id = f.value("id").trimmed
        if id.isEmpty { return FormRefusal(L.t("The ID is required", "编号不能为空"), field: "id") }
        if s.workspace.changes.enumerated().contains(where: { $0.element.contract == contract && $0.element.id == id && $0.offset != index }
        ) {
            return FormRefusal(L.t("Change order \(id) already exists for \(contract)", "合同 \(contract) 已有变更单 \(id)"), field: "id")
        }
        let dateText = f.value("date").trimmed
        let date = Day(typed: dateText)
        if !dateText.isEmpty && date == nil {
            return FormRefusal.badDate(L, dateText, field: "date", label: f.label(of: "date"))
        }
        let description = f.value("description").trimmed
        if description.isEmpty { return FormRefusal(L.t("Describe the change", "请填写变更内容"), field: "description") }
        let deltaText = f.value("price_delta").trimmed
        if deltaText.isEmpty {
            return FormRefusal(
                L.t("The price delta is required (0 for a change without cost)", "金额变化不能为空 (不涉及费用请填 0)"), field: "price_delta")
        }
        guard let delta = Money(parsing: deltaText) else {
            return FormRefusal(
                L.t(
                    "The price delta must be an amount with at most 2 decimals (− for a credit), not “\(deltaText)”",
                    "金额变化须为最多两位小数的金额 (减少填负数), 而不是 “\(deltaText)”"), field: "price_delta")
        }
        let change = ChangeOrder(
            contract: contract, id: id, date: date, description: description, priceDelta: delta, status: f.value("status"))
        if let k = s.workspace.contracts.first(where: { $0.id == contract }), let problem = ChangeOrders.dateProblem(change, contract: k) {
            return FormRefusal(problem.text(chinese: L == .zh), field: "date")
        }
        // "Stop" really stops: an approval that pushes a fiscal year and cost centre over a stop
        // envelope is refused with the numbers.
        let wasApproved = index.map { $0 < s.workspace.changes.count && ChangeOrders.isApproved(s.workspace.changes[$0]) } ?? false
        let grows = index.map { $0 < s.workspace.changes.count && s.workspace.changes[$0].priceDelta < delta } ?? true
        if ChangeOrders.isApproved(change), !wasApproved || grows {
            // Without a scenario the stop envelope cannot be checked: refuse rather than approve unchecked.
            let sc: Scenario
            do { sc = try Scenario(settings: s.workspace.settings) } catch {
                return FormRefusal(
                    L.t("The budget cannot be checked before approving: ", "批准前无法检查预算: ") + error.text(chinese: L == .zh), field: "status")
            }
            var ws = s.workspace
            if let index, index < ws.changes.count { ws.changes.remove(at: index) }
            if let refusal = BudgetModel.checkApproval(of: change, in: ws, scenario: sc) {
                return FormRefusal(refusal.text(chinese: L == .zh), field: "status")
            }
        }
        ListKeys.save(
            &s, change, at: index, in: \.changes, updated: L.t("Updated change order \(id)", "已更新变更单 \(id)"),
            added: L.t("Added change order \(id)", "已新增变更单 \(id)"),
            insertAt: { rows in rows.lastIndex { $0.contract == contract }.map { $0 + 1 } ?? rows.count })
        let position = indices(s, contract).firstIndex { s.workspace.changes[$0].id == id } ?? 0
        s.modal = .changes(ChangesState(contract: contract, selected: position))
        return nil
    }

    static func render(_ s: AppState, _ st: ChangesState, into c: inout Canvas) {
        let L = s.lang
        let ws = s.workspace
        let r = Rect(x: 1, y: 1, width: s.width - 2, height: App.body(s).height)
        guard let k = ws.contracts.first(where: { $0.id == st.contract }) else { return }
        let value = ContractsScreen.valueText(k, s)
        c.fill(r)
        let valueText = L.t(" · value \(value)", " · 当前价值 \(value)")
        let lead = L.t("Change orders — \(k.id) ", "变更单 — \(k.id) ")
        let room = max(6, r.width - 6 - TextWidth.of(lead) - TextWidth.of(valueText))
        c.box(r, .accent, title: lead + TextWidth.clip(k.title, to: room) + valueText)
        // Approved: the value after it. Proposed: not applied, so it says what the value would be if
        // approved. Rejected: nothing.
        let after = Dictionary(
            ChangeOrders.history(of: k, changes: ws.changes).map { e -> (String, String) in
                if e.applied { return (e.change.id, e.valueAfter.grouped()) }
                if let v = ChangeOrders.valueIfApproved(e.change, of: k, changes: ws.changes) {
                    return (e.change.id, L.t("if approved ", "若批准 ") + v.grouped())
                }
                return (e.change.id, "—")
            }, uniquingKeysWith: { a, _ in a })
        let idx = indices(s, st.contract)
        let rows = idx.map { i -> [String] in
            let ch = ws.changes[i]
            let delta = (ch.priceDelta.minor > 0 ? "+" : "") + ch.priceDelta.grouped()
            return [
                ch.id, ch.date?.description ?? "", ch.description, delta, statusLabel(ch.status, L),
                after[ch.id] ?? "",
            ]
        }
        // The status and value columns as wide as their widest entry (`若批准 1,972,999.95` was cut to
        // `1,972,999.…`, `Proposed` to `Propo…`); the description gives way.
        func widest(_ column: Int, atLeast: Int) -> Int { max(atLeast, rows.map { TextWidth.of($0[column]) }.max() ?? 0) }
        let cols = TableView.layout(
            [
                Column(L.t("ID", "编号"), 5), Column(L.t("Date", "日期"), 10), Column(L.t("Description", "内容"), 20),
                Column(L.t("Delta", "金额变化"), 12, right: true), Column(L.t("Status", "状态"), widest(4, atLeast: 6)),
                Column(L.t("Value after", "变更后价值"), widest(5, atLeast: 18), right: true),
            ],
            total: r.width - 4, flex: 2)
        let detail = st.selected < idx.count ? ws.changes[idx[st.selected]] : nil
        TableView.renderWithDetail(
            into: &c, box: r, columns: cols, rows: rows, selected: st.selected,
            detail: detail.map { "\($0.id) \($0.date?.description ?? "") · \($0.description)" })
        if rows.isEmpty { c.text(r.x + 2, r.y + 3, L.t("No change orders yet. Press a to add one.", "还没有变更单。按 a 新增。"), .dim) }
        c.text(r.x + 2, r.maxY - 1, " " + App.fitHints(KeyMap.hints(for: [.changes], s), width: r.width - 6) + " ", .dim)
    }
}
