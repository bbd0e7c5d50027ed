import BidbenchCore

public struct RisksState: Equatable, Sendable {
    public var selected = 0
    public init(selected: Int = 0) { self.selected = selected }
}

/// The risk register (r on the Contracts screen): add, edit, delete risks in the meeting; the heat
/// map and the warnings firing update at once.
public enum RisksScreen {
    static let statuses = ["open", "watching", "closed"]
    static let triggers = ["", "milestone_overdue", "notice_within", "budget_used"] + DeliveryWarnings.triggers

    static func handle(_ s: inout AppState, _ st: RisksState, _ cmd: Command) {
        guard
            let selected = ListKeys.apply(
                cmd, &s, selected: st.selected, count: s.workspace.risks.count,
                form: { form($0, index: $1) },
                delete: { s, i in
                    let id = s.workspace.risks[i].id
                    s.change(s.lang.t("Deleted risk \(id) (u to undo)", "已删除风险 \(id) (按 u 撤销)")) { $0.risks.remove(at: i) }
                })
        else { return }
        s.modal = .risks(RisksState(selected: selected))
    }

    static func statusLabel(_ status: String, _ L: Lang) -> String { ReportLabels.status(status, L.labels) }

    /// An early-warning trigger in the UI's language: in full for the form, or short for a table
    /// cell (followed there by its threshold). A trigger Bidbench does not know is shown as typed.
    static func triggerLabel(_ trigger: String, _ L: Lang, short: Bool = false) -> String {
        switch trigger {
        case "": return L.t("none", "无")
        case "milestone_overdue": return short ? L.t("overdue ≥", "逾期≥") : L.t("milestone overdue (days)", "付款节点逾期 (天)")
        case "notice_within": return short ? L.t("notice ≤", "通知期≤") : L.t("notice deadline within (days)", "续约通知期限临近 (天)")
        case "budget_used": return short ? L.t("budget ≥", "预算≥") : L.t("budget used (e.g. 90%)", "预算使用率 (如 90%)")
        case "task_overdue": return short ? L.t("task late ≥", "任务逾期≥") : L.t("delivery task overdue (days)", "交付任务逾期 (天)")
        case "sla_breaches": return short ? L.t("SLA breaches ≥", "SLA违约≥") : L.t("SLA breaches in a month (count)", "单月 SLA 违约 (次)")
        case "training_below_target":
            return short ? L.t("training <", "培训<") : L.t("training pass rate below (empty: the target)", "培训通过率低于 (空: 目标值)")
        case "availability_below_target":
            return short
                ? L.t("availability <", "可用率<") : L.t("monthly availability below (empty: the contract's target)", "月度可用率低于 (空: 合同目标)")
        default: return trigger
        }
    }

    /// The next free id: `RK` and the number after the highest in use, as wide as the ids there.
    static func nextId(_ risks: [Risk]) -> String { IDSequence.next(after: risks.map(\.id), defaultPrefix: "RK", defaultWidth: 2) }

    static func form(_ s: AppState, index: Int?) -> Form {
        let L = s.lang
        let r = index.map { s.workspace.risks[$0] }
        // A trigger typed in the CSV that Bidbench does not evaluate is kept as a choice, never dropped.
        let trigger = r?.trigger ?? ""
        let choices = FormField.choices(triggers, keeping: trigger)
        return Form(
            target: .risk(index: index),
            title: r.map { L.t("Edit risk \($0.id)", "编辑风险 \($0.id)") } ?? L.t("New risk", "新增风险"),
            fields: [
                FormField(key: "id", label: L.t("ID", "编号"), text: r?.id ?? nextId(s.workspace.risks)),
                FormField(key: "title", label: L.t("Risk", "风险"), text: r?.title ?? ""),
                FormField(
                    key: "type", label: L.t("Type", "类型"), choices: RiskType.allCases.map(\.rawValue),
                    labels: RiskType.allCases.map { ReportLabels.riskType($0, L.labels) }, selected: (r?.type ?? .technical).rawValue,
                    aliases: RiskType.allCases.map { [ReportLabels.riskType($0, .zh), ReportLabels.riskType($0, .en)] }),
                FormField(
                    key: "likelihood", label: L.t("Likelihood 1–5", "可能性 1–5"), text: r.map { String($0.likelihood) } ?? "3", kind: .number),
                FormField(key: "impact", label: L.t("Impact 1–5", "影响 1–5"), text: r.map { String($0.impact) } ?? "3", kind: .number),
                FormField(key: "mitigation", label: L.t("Mitigation", "应对措施"), text: r?.mitigation ?? "", kind: .long),
                FormField(key: "owner", label: L.t("Owner", "负责人"), text: r?.owner ?? ""),
                FormField(
                    key: "trigger", label: L.t("Early warning", "预警条件"), choices: choices,
                    labels: choices.map { triggerLabel($0, L) }, selected: trigger,
                    aliases: choices.map { [triggerLabel($0, .zh), triggerLabel($0, .en)] }),
                FormField(key: "threshold", label: L.t("Threshold", "阈值"), text: r?.threshold ?? "", kind: .number),
                FormField(
                    key: "status", label: L.t("Status", "状态"), choices: statuses,
                    labels: statuses.map { statusLabel($0, L) }, selected: r?.status ?? "open",
                    aliases: statuses.map { [statusLabel($0, .zh), statusLabel($0, .en)] }),
            ], focusOn: "title")
    }

    // Kept as one function: a form's fields read and checked one by one, each refusal naming its field.
    /// Validates and applies the form; an error keeps the form open with what was typed.
    static func submit(_ s: inout AppState, _ f: Form, index: Int?) -> FormRefusal? {
        let L = s.lang
        let id = f.value("id").trimmed
        let title = f.value("title").trimmed
        if id.isEmpty { return FormRefusal(L.t("The ID is required", "编号不能为空"), field: "id") }
        if s.workspace.risks.enumerated().contains(where: { $0.element.id == id && $0.offset != index }) {
            return FormRefusal(L.t("Risk \(id) already exists", "风险 \(id) 已存在"), field: "id")
        }
        if title.isEmpty { return FormRefusal(L.t("Describe the risk", "请填写风险内容"), field: "title") }
        func level(_ key: String) -> Int? {
            guard let v = Int(f.value(key).trimmed), (1...5).contains(v) else { return nil }
            return v
        }
        guard let likelihood = level("likelihood") else {
            return FormRefusal(
                L.t(
                    "Likelihood must be a whole number 1–5, not “\(f.value("likelihood"))”",
                    "可能性必须是 1–5 的整数, 而不是 “\(f.value("likelihood"))”"), field: "likelihood")
        }
        guard let impact = level("impact") else {
            return FormRefusal(
                L.t("Impact must be a whole number 1–5, not “\(f.value("impact"))”", "影响必须是 1–5 的整数, 而不是 “\(f.value("impact"))”"),
                field: "impact")
        }
        let trigger = f.value("trigger")
        let threshold = f.value("threshold").trimmed
        switch trigger {
        case "training_below_target" where !threshold.isEmpty:
            guard let rate = RiskRegister.fraction(threshold), rate >= 0, rate <= 1 else {
                return FormRefusal(
                    L.t("The threshold is a pass rate such as 80% or 0.8, not “\(threshold)”", "阈值是通过率, 如 80% 或 0.8, 而不是 “\(threshold)”"),
                    field: "threshold")
            }
        case "availability_below_target" where !threshold.isEmpty:
            guard let p = AvailabilityRules.thresholdPercent(threshold), p > 0, p <= 100 else {
                return FormRefusal(
                    L.t(
                        "The threshold is an availability such as 99.5%, not “\(threshold)”", "阈值是可用率, 如 99.5%, 而不是 “\(threshold)”"),
                    field: "threshold")
            }
        case "milestone_overdue", "notice_within", "task_overdue", "sla_breaches":
            guard let days = Int(threshold), days >= 0 else {
                return FormRefusal(
                    L.t(
                        "The threshold of this warning is a number of days ≥ 0, not “\(threshold)”", "该预警的阈值是 ≥ 0 的天数, 而不是 “\(threshold)”"),
                    field: "threshold")
            }
        case "budget_used":
            guard RiskRegister.fraction(threshold) != nil else {
                return FormRefusal(
                    L.t(
                        "The threshold of a budget warning is a share such as 90% or 0.9, not “\(threshold)”",
                        "预算预警的阈值是比例, 如 90% 或 0.9, 而不是 “\(threshold)”"), field: "threshold")
            }
        default: break
        }
        let risk = Risk(
            id: id, type: RiskType(rawValue: f.value("type")) ?? .technical, title: title, likelihood: likelihood, impact: impact,
            mitigation: f.value("mitigation").trimmed, owner: f.value("owner").trimmed, trigger: trigger,
            threshold: trigger.isEmpty ? "" : threshold, status: f.value("status"))
        let replaced = index.flatMap { $0 < s.workspace.risks.count ? $0 : nil }
        ListKeys.save(
            &s, risk, at: index, in: \.risks, updated: L.t("Updated risk \(id)", "已更新风险 \(id)"),
            added: L.t("Added risk \(id)", "已新增风险 \(id)"))
        // On the risk saved: the one replaced, or the new last one.
        s.modal = .risks(RisksState(selected: replaced ?? s.workspace.risks.count - 1))
        return nil
    }

    static func render(_ s: AppState, _ st: RisksState, into c: inout Canvas) {
        let L = s.lang
        let r = Rect(x: 1, y: 1, width: s.width - 2, height: App.body(s).height)
        c.fill(r)
        c.box(r, .accent, title: L.t("Risk register", "风险登记册"))
        let cols = TableView.layout(
            [
                Column(L.t("ID", "编号"), 5), Column(L.t("Risk", "风险"), 20), Column(L.t("Type", "类型"), 8),
                Column("L×I", 7, right: true), Column(L.t("Owner", "负责人"), 10), Column(L.t("Warning", "预警"), 12),
                Column(L.t("Status", "状态"), 6),
            ],
            total: r.width - 4, flex: 1)
        let rows = s.workspace.risks.map { k -> [String] in
            let warn = k.trigger.isEmpty ? "" : "\(triggerLabel(k.trigger, L, short: true)) \(k.threshold)"
            return [
                k.id, k.title, ReportLabels.riskType(k.type, L.labels), "\(k.likelihood)×\(k.impact)=\(k.likelihood * k.impact)",
                k.owner, warn, statusLabel(k.status, L),
            ]
        }
        // The selected risk in full under the table: the columns clip, this does not.
        var detail: [String] = []
        if st.selected < s.workspace.risks.count {
            let k = s.workspace.risks[st.selected]
            let warn = k.trigger.isEmpty ? L.t("none", "无") : "\(triggerLabel(k.trigger, L)) \(k.threshold)"
            detail = TextWidth.wrap(
                "\(k.id) \(k.title) · \(L.t("owner", "负责人")): \(k.owner.isEmpty ? "—" : k.owner) · \(L.t("warning", "预警")): \(warn) · \(L.t("mitigation", "应对措施")): \(k.mitigation.isEmpty ? "—" : k.mitigation)",
                r.width - 4)
            detail = Array(detail.prefix(max(0, (r.height - 5) / 3)))
        }
        let tableH = r.height - 3 - (detail.isEmpty ? 0 : detail.count + 1)
        TableView.render(
            into: &c, area: Rect(x: r.x + 2, y: r.y + 1, width: r.width - 4, height: tableH), columns: cols, rows: rows,
            selected: rows.isEmpty ? nil : st.selected, offset: max(0, st.selected - (tableH - 2)))
        for (i, line) in detail.enumerated() { c.text(r.x + 2, r.y + 2 + tableH + i, line, .dim, maxWidth: r.width - 4) }
        if rows.isEmpty { c.text(r.x + 2, r.y + 3, L.t("No risks yet. Press a to add one.", "还没有风险。按 a 新增。"), .dim) }
        c.text(r.x + 2, r.maxY - 1, " " + App.fitHints(KeyMap.hints(for: [.risks], s), width: r.width - 6) + " ", .dim)
    }
}
