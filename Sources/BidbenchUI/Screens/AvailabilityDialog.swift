import BidbenchCore

/// The contract's monthly availability (`A` on the Delivery screen), from the vendor's monthly
/// service report: `a` records a month (the percent, or the minutes down), `Enter` edits one,
/// `d` deletes it (`u` brings it back). Each month is shown met or missed against the target.
enum AvailabilityDialog {
    static func indices(_ s: AppState, _ contract: String) -> [Int] {
        let rows = s.workspace.delivery.availability
        return DeliveryLists.indices(rows, contract, \.contract).sorted { rows[$0].month < rows[$1].month }
    }

    static func handle(_ s: inout AppState, _ st: DeliveryListState, _ cmd: Command) {
        let contract = st.contract
        DeliveryLists.recordKeys(
            &s, st, cmd, \.availability, rows: indices(s, contract), form: { form($0, contract: contract, index: $1) },
            deleted: { a, L in L.t("Deleted the availability of \(a.month) (u to undo)", "已删除 \(a.month) 的可用率 (按 u 撤销)") })
    }

    /// A new row's month: the one before today's (a monthly report covers it), or the month after
    /// the latest one recorded when that one is already there.
    static func nextMonth(_ s: AppState, _ contract: String) -> String {
        func text(_ d: Day) -> String { "\(d.year)-" + (d.month < 10 ? "0" : "") + "\(d.month)" }
        let recorded = Set(indices(s, contract).map { s.workspace.delivery.availability[$0].month })
        let last = text(Day(year: s.today.year, month: s.today.month, day: 1).adding(days: -1))
        guard recorded.contains(last), let latest = recorded.max(), let ym = AvailabilityRules.month(latest) else { return last }
        return text(Day(year: ym.year, month: ym.month, day: 1).adding(months: 1))
    }

    static func form(_ s: AppState, contract: String, index: Int?) -> Form {
        let L = s.lang
        let a = index.map { s.workspace.delivery.availability[$0] }
        return Form(
            target: .availabilityMonth(contract: contract, index: index),
            title: a.map { L.t("Availability of \($0.month) · \(contract)", "\($0.month) 可用率 · \(contract)") }
                ?? L.t("New month of availability · \(contract)", "新增月度可用率 · \(contract)"),
            fields: [
                FormField(key: "month", label: L.t("Month (YYYY-MM)", "月份 (YYYY-MM)"), text: a?.month ?? nextMonth(s, contract)),
                FormField(
                    key: "percent", label: L.t("Availability %", "可用率 %"),
                    text: a?.percent.map { NumberText.upTo($0, 2) } ?? "",
                    kind: .number),
                FormField(
                    key: "downtime_minutes", label: L.t("or minutes down", "或停机分钟"), text: a?.downtimeMinutes.map { String($0) } ?? "",
                    kind: .number),
                FormField(
                    key: "service_minutes", label: L.t("Minutes due (7×24)", "服务分钟 (空: 7×24)"),
                    text: a?.serviceMinutes.map { String($0) } ?? "", kind: .number),
                FormField(key: "note", label: L.t("Note", "备注"), text: a?.note ?? "", kind: .long),
            ], focusOn: "percent")
    }

    // Kept as one function: a form's fields read and checked one by one, each refusal naming its field.
    /// Validates and applies the form (the same rules as `availability.csv`); a refusal keeps the form open on the bad field.
    /// A month as people type it — `2027-04`, `2027-4`, `2027/4`, `2027.4`, `2027年4月` — written
    /// `2027-04`; nil when it is not one.
    static func monthTyped(_ text: String) -> String? {
        let t = text.hasSuffix("月") ? String(text.dropLast()) : text
        let parts = t.split(whereSeparator: { "-/.年".contains($0) }).map { String($0).trimmed }
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let y = Int(parts[0]), let m = Int(parts[1]),
            (1...12).contains(m)
        else { return nil }
        return "\(y)-" + (m < 10 ? "0" : "") + "\(m)"
    }

    static func submit(_ s: inout AppState, _ f: Form, contract: String, index: Int?) -> FormRefusal? {
        let record: AvailabilityRecord
        switch read(f, s, contract: contract, index: index) {
        case .failure(let refusal): return refusal
        case .success(let r): record = r
        }
        let L = s.lang
        let month = record.month
        let shown = AvailabilityRules.text(AvailabilityRules.percent(record) ?? 0)
        ListKeys.save(
            &s, record, at: index, in: \.delivery.availability, updated: L.t("Updated \(month): \(shown)", "已更新 \(month): \(shown)"),
            added: L.t("Recorded \(month): \(shown)", "已记录 \(month): \(shown)"))
        let row = indices(s, contract).firstIndex { s.workspace.delivery.availability[$0].month == month } ?? 0
        s.modal = .deliveryList(DeliveryListState(kind: .availability, contract: contract, selected: row))
        return nil
    }

    /// The month the form records for `contract` (row `index` when editing), checked: a month not yet
    /// recorded, the percentage or the minutes down (or both, when they agree), minutes within the month.
    static func read(_ f: Form, _ s: AppState, contract: String, index: Int?) -> Result<AvailabilityRecord, FormRefusal> {
        let L = s.lang
        let typed = normalizedDigits(f.value("month")).trimmed
        let month = monthTyped(typed) ?? typed
        guard let all = AvailabilityRules.minutes(inMonth: month) else {
            return .failure(
                FormRefusal(
                    L.t(
                        "The month must be YYYY-MM (2027-04) or 2027年4月, not “\(month)”",
                        "月份须为 YYYY-MM (如 2027-04) 或 2027年4月, 而不是 “\(month)”"),
                    field: "month"))
        }
        let rows = s.workspace.delivery.availability
        if rows.enumerated().contains(where: { $0.element.contract == contract && $0.element.month == month && $0.offset != index }) {
            return .failure(FormRefusal(L.t("\(month) is already recorded: Enter edits it", "\(month) 已有记录: 按 Enter 编辑"), field: "month"))
        }
        let percent: Double?
        switch DeliveryLists.number(f, "percent", L, range: 0...100, what: ("The availability", "可用率")) {
        case .failure(let r): return .failure(r)
        case .success(let v): percent = v
        }
        let down: Int?
        let service: Int?
        switch minutes(f, month: month, all: all, L) {
        case .failure(let r): return .failure(r)
        case .success(let m): (down, service) = m
        }
        if percent == nil && down == nil {
            return .failure(FormRefusal(L.t("Enter the availability % or the minutes down", "请填写可用率或停机分钟"), field: "percent"))
        }
        if let down, let service, down > service {
            return .failure(
                FormRefusal(
                    L.t("\(down) minutes down is more than the \(service) of service", "停机 \(down) 分钟超过服务分钟 \(service)"),
                    field: "downtime_minutes"))
        }
        if let p = percent, down != nil,
            let computed = AvailabilityRules.percent(
                AvailabilityRecord(contract: contract, month: month, downtimeMinutes: down, serviceMinutes: service)),
            abs(p - computed) > 0.005
        {
            return .failure(
                FormRefusal(
                    L.t(
                        "\(NumberText.upTo(p, 2))% does not match the downtime (\(AvailabilityRules.text(computed))): give one of them",
                        "\(NumberText.upTo(p, 2))% 与停机时长不符 (应为 \(AvailabilityRules.text(computed))): 填其中一项即可"), field: "percent"))
        }
        return .success(
            AvailabilityRecord(
                contract: contract, month: month, percent: percent, downtimeMinutes: down, serviceMinutes: service,
                note: f.value("note").trimmed))
    }

    /// The minutes down and of service the form gives (blank: nil), whole and at most the `all`
    /// minutes of `month`; service at least 1.
    static func minutes(_ f: Form, month: String, all: Int, _ L: Lang) -> Result<(down: Int?, service: Int?), FormRefusal> {
        var minutes: [String: Int] = [:]
        for key in ["downtime_minutes", "service_minutes"] {
            let t = normalizedDigits(f.value(key)).trimmed
            if t.isEmpty { continue }
            guard let n = Int(t), n >= (key == "service_minutes" ? 1 : 0), n <= all else {
                return .failure(
                    FormRefusal(
                        L.t(
                            "Enter whole minutes up to the \(all) of \(month), not “\(t)”", "请输入不超过 \(month) 总分钟数 \(all) 的整数分钟, 而不是 “\(t)”"),
                        field: key))
            }
            minutes[key] = n
        }
        return .success((minutes["downtime_minutes"], minutes["service_minutes"]))
    }

    static func render(_ s: AppState, _ st: DeliveryListState, into c: inout Canvas) {
        let L = s.lang
        let d = DeliveryLists.delivery(s, st.contract)
        let byMonth = Dictionary((d?.support.availability ?? []).map { ($0.month, $0) }, uniquingKeysWith: { a, _ in a })
        let records = indices(s, st.contract).map { s.workspace.delivery.availability[$0] }
        let rows = records.map { r -> [String] in
            let m = byMonth[r.month]
            let verdict = m?.met.map { $0 ? "✔ " + L.t("met", "达标") : "✗ " + L.t("missed", "未达标") } ?? "—"
            return [
                r.month, m.map { AvailabilityRules.text($0.percent) } ?? "", r.downtimeMinutes.map { String($0) } ?? "", verdict, r.note,
            ]
        }
        let target =
            d?.support.availabilityTarget.map {
                L.t("target ", "目标 ") + AvailabilityRules.text($0.percent) + " (" + $0.sourceText(chinese: L == .zh) + ")"
            } ?? L.t("no target: S, then T sets one", "无目标: 按 S 后按 T 设置")
        let sel = st.selected < records.count ? records[st.selected] : nil
        DeliveryLists.frame(
            s, st, title: L.t("Monthly availability — \(st.contract) · \(target)", "月度可用率 — \(st.contract) · \(target)"),
            columns: [
                Column(L.t("Month", "月份"), 7), Column(L.t("Availability", "可用率"), 12, right: true),
                Column(L.t("Down min", "停机分钟"), 8, right: true), Column(L.t("Met", "达标"), 10), Column(L.t("Note", "备注"), 10),
            ], flex: 4, rows: rows, detail: sel.flatMap { $0.note.isEmpty ? nil : "\($0.month) — \($0.note)" },
            empty: L.t("No months yet. Press a to record one.", "还没有记录。按 a 记录一个月。"), into: &c)
    }
}
