import BidbenchCore

/// The contract's exit and handover checklist (`H` on the Delivery screen, guide §七): the standard
/// items and the contract's own. `Space` marks the selected item done (dated today) or open again,
/// `Enter` edits its status, date and note, `a` adds an item of the contract's own, `d` deletes
/// an own item or resets a standard one to open (`u` brings it back).
enum HandoverDialog {
    static let statuses = ["open", "done", "n/a"]

    static func statusLabel(_ v: String, _ L: Lang) -> String { ReportLabels.delivery("handover_status", v, L.labels) }

    static func lines(_ s: AppState, _ contract: String) -> [HandoverLine] {
        HandoverChecklist.lines(contract: contract, items: s.workspace.delivery.handover)
    }

    /// The row of `handover.csv` behind a checklist item, if it has one.
    static func row(_ ws: Workspace, _ contract: String, _ item: String) -> Int? {
        ws.delivery.handover.firstIndex { $0.contract == contract && $0.item == item }
    }

    static func handle(_ s: inout AppState, _ st: DeliveryListState, _ cmd: Command) {
        let items = lines(s, st.contract)
        let contract = st.contract
        if cmd == .toggleDone, st.selected < items.count {
            let h = items[st.selected]
            let name = s.lang == .zh ? h.nameZH : h.name
            let done = h.status != .done
            let today = s.today
            s.change(done ? s.lang.t("Done: \(name)", "已完成: \(name)") : s.lang.t("Open again: \(name)", "重新待办: \(name)")) { ws in
                if let i = row(ws, contract, h.item) {
                    ws.delivery.handover[i].status = done ? .done : .open
                    ws.delivery.handover[i].date = done ? today : nil
                } else {
                    ws.delivery.handover.append(HandoverItem(contract: contract, item: h.item, status: .done, date: today))
                }
            }
            return
        }
        DeliveryLists.listKeys(
            &s, st, cmd, count: items.count, form: { form($0, contract: contract, item: $1.map { items[$0].item }) },
            delete: { s, n in
                let h = items[n]
                let name = s.lang == .zh ? h.nameZH : h.name
                guard let i = row(s.workspace, contract, h.item) else {
                    s.say(s.lang.t("\(name) is a standard item: it stays open", "\(name) 是标准事项: 保持待办"))
                    return
                }
                let standard = HandoverChecklist.standard.contains { $0.id == h.item }
                s.change(
                    standard
                        ? s.lang.t("Reset \(name) to open (u to undo)", "已将 \(name) 重置为待办 (按 u 撤销)")
                        : s.lang.t("Deleted \(name) (u to undo)", "已删除 \(name) (按 u 撤销)")
                ) { $0.delivery.handover.remove(at: i) }
            })
    }

    static func form(_ s: AppState, contract: String, item: String?) -> Form {
        let L = s.lang
        let line = item.flatMap { id in lines(s, contract).first { $0.item == id } }
        let status = line?.status.id ?? "open"
        let choices = FormField.choices(statuses, keeping: status)
        var fields: [FormField] = []
        if line == nil { fields.append(FormField(key: "item", label: L.t("Item", "事项"), text: "")) }
        fields += [
            FormField(
                key: "status", label: L.t("Status", "状态"), choices: choices, labels: choices.map { statusLabel($0, L) }, selected: status,
                aliases: choices.map { [statusLabel($0, .zh), statusLabel($0, .en)] }),
            FormField(key: "date", label: L.t("Date", "日期"), text: line?.date?.description ?? "", kind: .date),
            FormField(key: "note", label: L.t("Note", "备注"), text: line?.note ?? "", kind: .long),
        ]
        return Form(
            target: .handoverItem(contract: contract, item: item),
            title: line.map { L.t("Handover: \($0.name)", "移交: \($0.nameZH)") }
                ?? L.t("New handover item · \(contract)", "新增移交事项 · \(contract)"),
            fields: fields, focusOn: line == nil ? "item" : "note")
    }

    /// Validates and applies the form; a refusal keeps the form open on the bad field.
    static func submit(_ s: inout AppState, _ f: Form, contract: String, item: String?) -> FormRefusal? {
        let L = s.lang
        let id = item ?? f.value("item").trimmed
        if id.isEmpty { return FormRefusal(L.t("Name the item", "请填写事项"), field: "item") }
        if item == nil, lines(s, contract).contains(where: { $0.item == id || $0.name == id || $0.nameZH == id }) {
            return FormRefusal(L.t("“\(id)” is already on the checklist", "清单中已有 “\(id)”"), field: "item")
        }
        let date: Day?
        switch DeliveryLists.optionalDay(f, "date", L) {
        case .failure(let r): return r
        case .success(let d): date = d
        }
        let status = HandoverStatus(parsing: f.value("status"))
        let note = f.value("note").trimmed
        let name = lines(s, contract).first { $0.item == id }.map { L == .zh ? $0.nameZH : $0.name } ?? id
        // Said as what happened: an item of the contract's own added, or an item updated (an added
        // one said "updated": user test pass).
        let added = item == nil
        let said = added ? L.t("Added handover item: \(name)", "已新增移交事项: \(name)") : L.t("Updated handover: \(name)", "已更新移交事项: \(name)")
        s.change(said) { ws in
            if let i = row(ws, contract, id) {
                ws.delivery.handover[i].status = status
                ws.delivery.handover[i].date = date
                ws.delivery.handover[i].note = note
            } else {
                ws.delivery.handover.append(HandoverItem(contract: contract, item: id, status: status, date: date, note: note))
            }
        }
        let selected = lines(s, contract).firstIndex { $0.item == id } ?? 0
        s.modal = .deliveryList(DeliveryListState(kind: .handover, contract: contract, selected: selected))
        s.delivery.pane = .handover
        return nil
    }

    static func render(_ s: AppState, _ st: DeliveryListState, into c: inout Canvas) {
        let L = s.lang
        let items = lines(s, st.contract)
        let rows = items.map { h -> [String] in
            let mark = h.status == .done ? "✔" : h.status == .notApplicable ? "–" : "☐"
            return [mark, L == .zh ? h.nameZH : h.name, statusLabel(h.status.id, L), h.date?.description ?? "", h.note]
        }
        let done = items.filter { $0.status == .done || $0.status == .notApplicable }.count
        let sel = st.selected < items.count ? items[st.selected] : nil
        DeliveryLists.frame(
            s, st,
            title: L.t(
                "Exit and handover checklist (guide §7) — \(st.contract) · \(done)/\(items.count) done",
                "终止与移交清单 (指南 §七) — \(st.contract) · 已完成 \(done)/\(items.count)"),
            columns: [
                Column("", 1), Column(L.t("Item", "事项"), 24), Column(L.t("Status", "状态"), 6), Column(L.t("Date", "日期"), 10),
                Column(L.t("Note", "备注"), 16),
            ], flex: 1, rows: rows,
            // The selected item in full: the columns may clip a long name or note.
            detail: sel.map { h in
                (L == .zh ? h.nameZH : h.name) + " · " + statusLabel(h.status.id, L) + (h.date.map { " \($0)" } ?? "")
                    + (h.note.isEmpty ? "" : " — " + h.note)
            },
            empty: "", into: &c)
    }
}
