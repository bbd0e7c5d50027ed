import BidbenchCore

/// The contract's support tickets (`i` on the Delivery screen), each measured against the SLA:
/// `a` records a ticket, `Enter` opens one filled in (a response or a resolution that came later),
/// `d` deletes it (`u` brings it back).
enum TicketsDialog {
    static func indices(_ s: AppState, _ contract: String) -> [Int] {
        DeliveryLists.indices(s.workspace.delivery.tickets, contract, \.contract)
    }

    static func handle(_ s: inout AppState, _ st: DeliveryListState, _ cmd: Command) {
        let contract = st.contract
        DeliveryLists.recordKeys(
            &s, st, cmd, \.tickets, rows: indices(s, contract), form: { form($0, contract: contract, index: $1) },
            deleted: { t, L in L.t("Deleted ticket \(t.id) (u to undo)", "已删除工单 \(t.id) (按 u 撤销)") })
    }

    static func form(_ s: AppState, contract: String, index: Int?) -> Form {
        let L = s.lang
        let t = index.map { s.workspace.delivery.tickets[$0] }
        let next = IDSequence.next(
            after: s.workspace.delivery.tickets.filter { $0.contract == contract }.map(\.id), defaultPrefix: "K", defaultWidth: 3)
        // A severity outside 1–4 read from the file stays a choice, so it is shown and never dropped.
        let severity = String(t?.severity ?? 2)
        let choices = FormField.choices(["1", "2", "3", "4"], keeping: severity)
        return Form(
            target: .ticket(contract: contract, index: index),
            title: t.map { L.t("Edit ticket \($0.id)", "编辑工单 \($0.id)") }
                ?? L.t("New support ticket · \(contract)", "新增支持工单 · \(contract)"),
            fields: [
                FormField(key: "id", label: L.t("ID", "编号"), text: t?.id ?? next),
                FormField(
                    key: "severity", label: L.t("Severity", "级别"), choices: choices, labels: choices.map { "P\($0)" }, selected: severity),
                FormField(key: "module", label: L.t("Module", "模块"), text: t?.module ?? ""),
                FormField(
                    key: "opened", label: L.t("Opened", "创建时间"),
                    text: t?.opened.description ?? "\(s.today) 09:00"),
                FormField(key: "first_response", label: L.t("First response", "首次响应"), text: t?.firstResponse?.description ?? ""),
                FormField(key: "resolved", label: L.t("Resolved", "解决"), text: t?.resolved?.description ?? ""),
                FormField(key: "note", label: L.t("Note", "备注"), text: t?.note ?? "", kind: .long),
            ], focusOn: t == nil ? "module" : (t?.firstResponse == nil ? "first_response" : "resolved"))
    }

    /// Validates and applies the form; a refusal keeps the form open on the bad field.
    static func submit(_ s: inout AppState, _ f: Form, contract: String, index: Int?) -> FormRefusal? {
        let L = s.lang
        let id = f.value("id").trimmed
        if id.isEmpty { return FormRefusal(L.t("The ID is required", "编号不能为空"), field: "id") }
        let all = s.workspace.delivery.tickets
        if all.enumerated().contains(where: { $0.element.contract == contract && $0.element.id == id && $0.offset != index }) {
            return FormRefusal(L.t("Ticket \(id) already exists for \(contract)", "合同 \(contract) 已有工单 \(id)"), field: "id")
        }
        var moments: [String: Moment?] = [:]
        for key in ["opened", "first_response", "resolved"] {
            let t = normalizedDigits(f.value(key)).trimmed
            if t.isEmpty {
                if key == "opened" { return FormRefusal(L.t("When was it opened?", "请填写创建时间"), field: key) }
                moments[key] = .some(nil)
                continue
            }
            guard let m = Moment(typed: t) else {
                // Which of the three times (opened, first response, resolved) is said, not only where the focus goes.
                return FormRefusal(
                    f.label(of: key) + ": "
                        + L.t(
                            "write a date and time as 2027-04-02 09:30 or 2027年4月2日 9:30, not “\(t)”",
                            "日期时间须写成 2027-04-02 09:30 或 2027年4月2日 9:30, 而不是 “\(t)”"), field: key)
            }
            moments[key] = m
        }
        let opened = (moments["opened"] ?? nil)!
        for key in ["first_response", "resolved"] {
            if let m = moments[key] ?? nil, m < opened {
                return FormRefusal(L.t("\(m) is before it was opened (\(opened))", "\(m) 早于创建时间 (\(opened))"), field: key)
            }
        }
        let ticket = SupportTicket(
            contract: contract, id: id, severity: Int(f.value("severity")) ?? 2, module: f.value("module").trimmed, opened: opened,
            firstResponse: moments["first_response"] ?? nil, resolved: moments["resolved"] ?? nil, note: f.value("note").trimmed)
        ListKeys.save(
            &s, ticket, at: index, in: \.delivery.tickets, updated: L.t("Updated ticket \(id)", "已更新工单 \(id)"),
            added: L.t("Added ticket \(id)", "已新增工单 \(id)"))
        let row = indices(s, contract).firstIndex { s.workspace.delivery.tickets[$0].id == id } ?? 0
        s.modal = .deliveryList(DeliveryListState(kind: .tickets, contract: contract, selected: row))
        s.delivery.pane = .tickets
        return nil
    }

    /// `1h05` for 65 minutes; `—` when not yet.
    static func duration(_ v: Int?) -> String { v.map { "\($0 / 60)h\($0 % 60 < 10 ? "0" : "")\($0 % 60)" } ?? "—" }

    static func render(_ s: AppState, _ st: DeliveryListState, into c: inout Canvas) {
        let L = s.lang
        guard let d = DeliveryLists.delivery(s, st.contract) else { return }
        let byID = Dictionary(d.support.measures.map { ($0.ticket.id, $0) }, uniquingKeysWith: { a, _ in a })
        let tickets = indices(s, st.contract).map { s.workspace.delivery.tickets[$0] }
        let rows = tickets.map { t -> [String] in
            let m = byID[t.id]
            let late =
                [m?.responseBreach == true ? L.t("response", "响应") : nil, m?.resolutionBreach == true ? L.t("fix", "解决") : nil]
                .compactMap { $0 }.joined(separator: "+")
            // An open ticket within its limits is not ✔ (a helper's pass): it waits.
            let standing =
                !late.isEmpty
                ? "✗ " + late
                : m?.responseMinutes == nil
                    ? "… " + L.t("no response yet", "未响应") : m?.resolutionMinutes == nil ? "… " + L.t("not fixed yet", "未解决") : "✔"
            return [
                t.id, "P\(t.severity)", t.module, t.opened.description, duration(m?.responseMinutes), duration(m?.resolutionMinutes),
                standing,
            ]
        }
        let sel = st.selected < tickets.count ? tickets[st.selected] : nil
        let limits = SLADialog.limitTexts(d.support.limits, L)
        let header =
            limits.isEmpty
            ? L.t("No SLA limits: S enters them", "尚无 SLA 时限: 按 S 录入")
            : L.t("SLA response/resolution: ", "SLA 响应/解决时限: ") + limits.joined(separator: " · ") + " — "
                + SLADialog.sources(d.support.limits, L)
        DeliveryLists.frame(
            s, st,
            title: L.t(
                "Support tickets — \(st.contract) · late responses \(d.support.responseBreaches) · late fixes \(d.support.resolutionBreaches)",
                "支持工单 — \(st.contract) · 响应超时 \(d.support.responseBreaches) · 解决超时 \(d.support.resolutionBreaches)"),
            columns: [
                Column(L.t("ID", "编号"), 5), Column(L.t("Sev.", "级别"), 4), Column(L.t("Module", "模块"), 8),
                Column(L.t("Opened", "创建"), 16), Column(L.t("Resp.", "响应"), 6, right: true), Column(L.t("Fix", "解决"), 6, right: true),
                Column(L.t("Late", "超时"), 10),
            ], flex: 2, rows: rows, detail: sel.map { "\($0.id) \($0.module) · \($0.note)" },
            empty: L.t("No tickets yet. Press a to record one.", "还没有工单。按 a 记录。"), into: &c, header: header)
    }
}
