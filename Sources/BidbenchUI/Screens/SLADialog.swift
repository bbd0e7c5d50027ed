import BidbenchCore

/// The contract's SLA terms (`S` on the Delivery screen), entered by hand from the contract: per
/// severity the hours to the first response and to the resolution and the penalty per breach; and
/// the monthly availability target (`T`). A row here replaces the limits read from the contract
/// text for its own severity only; the text's limits of the other severities still apply.
enum SLADialog {
    static func indices(_ s: AppState, _ contract: String) -> [Int] {
        DeliveryLists.indices(s.workspace.delivery.sla, contract, \.contract)
    }

    /// `sla.csv` / `contract line 38` for people.
    static func sourceText(_ source: String, _ L: Lang) -> String {
        if source.hasPrefix("contract line ") { return L.t(source, "合同第 \(source.dropFirst(14)) 行") }
        return source == "sla.csv" ? L.t("entered by hand (sla.csv)", "手工录入 (sla.csv)") : source
    }

    /// The limits in severity order as response/resolution times: `P1 0h30/4h00` (`all` for the
    /// limit of every severity, `—` for none).
    static func limitTexts(_ limits: [Int: SLALimit], _ L: Lang, others: Bool = false) -> [String] {
        limits.sorted { $0.key < $1.key }.map { k, v in
            (k == 0 ? (others ? L.t("others", "其他级别") : L.t("all", "全部")) : "P\(k)")
                + " \(limitText(v.responseMinutes, v.responseBusinessDays, L))/\(limitText(v.resolutionMinutes, v.resolutionBusinessDays, L))"
        }
    }

    /// `4h00`, or `3 working days` / `3 个工作日` when the contract counts in working days.
    static func limitText(_ minutes: Int?, _ businessDays: Int?, _ L: Lang) -> String {
        guard let minutes, let businessDays else { return TicketsDialog.duration(minutes) }
        return SLAResponse.timeText(minutes: minutes, businessDays: businessDays, chinese: L == .zh)
    }

    /// Where the limits come from, in severity order: `contract lines 38, 39, 40` / `合同第 38、39、40 行`, or `sla.csv`.
    static func sources(_ limits: [Int: SLALimit], _ L: Lang) -> String {
        var seen: [String] = []
        for (_, v) in limits.sorted(by: { $0.key < $1.key }) where !seen.contains(v.source) { seen.append(v.source) }
        let lines = seen.filter { $0.hasPrefix("contract line ") }.map { String($0.dropFirst(14)) }
        var parts = seen.filter { !$0.hasPrefix("contract line ") }.map { sourceText($0, L) }
        if lines.count == 1 { parts.append(sourceText("contract line " + lines[0], L)) }
        if lines.count > 1 {
            parts.append(L.t("contract lines " + lines.joined(separator: ", "), "合同第 " + lines.joined(separator: "、") + " 行"))
        }
        return parts.joined(separator: L.t("; ", "; "))
    }

    static func handle(_ s: inout AppState, _ st: DeliveryListState, _ cmd: Command) {
        if cmd == .availabilityTarget {
            s.modal = .form(targetForm(s, contract: st.contract))
            return
        }
        let contract = st.contract
        DeliveryLists.recordKeys(
            &s, st, cmd, \.sla, rows: indices(s, contract), form: { form($0, contract: contract, index: $1) },
            deleted: { t, L in L.t("Deleted the SLA terms of P\(t.severity) (u to undo)", "已删除 P\(t.severity) 的 SLA 条款 (按 u 撤销)") })
    }

    static func hours(_ v: Double?) -> String { v.map { NumberText.upTo($0, 1) } ?? "" }

    static func form(_ s: AppState, contract: String, index: Int?) -> Form {
        let L = s.lang
        let t = index.map { s.workspace.delivery.sla[$0] }
        let used = Set(indices(s, contract).map { s.workspace.delivery.sla[$0].severity })
        let severity = t?.severity ?? ((1...4).first { !used.contains($0) } ?? 1)
        let choices = ["1", "2", "3", "4"].contains(String(severity)) ? ["1", "2", "3", "4"] : ["1", "2", "3", "4", String(severity)]
        return Form(
            target: .slaTerm(contract: contract, index: index),
            title: t.map { L.t("SLA terms of P\($0.severity) · \(contract)", "P\($0.severity) 的 SLA 条款 · \(contract)") }
                ?? L.t("New SLA terms · \(contract)", "新增 SLA 条款 · \(contract)"),
            fields: [
                FormField(
                    key: "severity", label: L.t("Severity", "故障级别"), choices: choices, labels: choices.map { "P\($0)" },
                    selected: String(severity)),
                FormField(
                    key: "response_hours", label: L.t("Response (hours)", "响应时限 (小时)"), text: hours(t?.responseHours), kind: .number),
                FormField(
                    key: "resolution_hours", label: L.t("Resolution (hours)", "解决时限 (小时)"), text: hours(t?.resolutionHours),
                    kind: .number),
                FormField(
                    key: "penalty_per_breach", label: L.t("Penalty per breach", "每次违约金"), text: t?.penaltyPerBreach?.description ?? "",
                    kind: .number),
            ], focusOn: t == nil ? "severity" : "response_hours")
    }

    /// Validates and applies the form; a refusal keeps the form open on the bad field.
    static func submit(_ s: inout AppState, _ f: Form, contract: String, index: Int?) -> FormRefusal? {
        let L = s.lang
        guard let severity = Int(f.value("severity")), (1...4).contains(severity) else {
            return FormRefusal(L.t("The severity is 1 to 4", "故障级别应为 1 到 4"), field: "severity")
        }
        let all = s.workspace.delivery.sla
        if all.enumerated().contains(where: { $0.element.contract == contract && $0.element.severity == severity && $0.offset != index }) {
            return FormRefusal(L.t("P\(severity) already has terms: Enter edits them", "P\(severity) 已有条款: 按 Enter 编辑"), field: "severity")
        }
        var h: [String: Double?] = [:]
        for key in ["response_hours", "resolution_hours"] {
            let t = normalizedDigits(f.value(key)).trimmed
            if t.isEmpty {
                h[key] = .some(nil)
                continue
            }
            guard let v = formDecimal(t), v > 0 else {
                return FormRefusal(
                    L.t("Enter hours above 0 (0.5 = 30 minutes), not “\(t)”", "请输入大于 0 的小时数 (0.5 即 30 分钟), 而不是 “\(t)”"), field: key)
            }
            h[key] = v
        }
        if (h["response_hours"] ?? nil) == nil && (h["resolution_hours"] ?? nil) == nil {
            return FormRefusal(L.t("Enter a response or a resolution time", "请填写响应或解决时限"), field: "response_hours")
        }
        // A fix cannot be due before the first response (the two were typed in each other's field).
        if let response = h["response_hours"] ?? nil, let resolution = h["resolution_hours"] ?? nil, resolution < response {
            return FormRefusal(
                L.t(
                    "The resolution time (\(NumberText.format(resolution)) h) is shorter than the response time (\(NumberText.format(response)) h)",
                    "解决时限 (\(NumberText.format(resolution)) 小时) 短于响应时限 (\(NumberText.format(response)) 小时)"),
                field: "resolution_hours")
        }
        let penaltyText = normalizedDigits(f.value("penalty_per_breach")).trimmed
        var penalty: Money?
        if !penaltyText.isEmpty {
            guard let p = Money(parsing: penaltyText), p.minor >= 0 else {
                if let big = FormRefusal.tooLargeAmount(L, penaltyText, field: "penalty_per_breach", label: ("The penalty", "违约金")) {
                    return big
                }
                return FormRefusal(
                    L.t(
                        "The penalty is an amount ≥ 0 with at most 2 decimals, not “\(penaltyText)”",
                        "违约金须为 ≥ 0 且最多两位小数的金额, 而不是 “\(penaltyText)”"),
                    field: "penalty_per_breach")
            }
            penalty = p
        }
        let term = SLATerm(
            contract: contract, severity: severity, responseHours: h["response_hours"] ?? nil,
            resolutionHours: h["resolution_hours"] ?? nil,
            penaltyPerBreach: penalty)
        ListKeys.save(
            &s, term, at: index, in: \.delivery.sla, updated: L.t("Updated the SLA terms of P\(severity)", "已更新 P\(severity) 的 SLA 条款"),
            added: L.t("Added the SLA terms of P\(severity)", "已新增 P\(severity) 的 SLA 条款"))
        let rows = indices(s, contract)
        let row = rows.firstIndex { s.workspace.delivery.sla[$0].severity == severity } ?? 0
        s.modal = .deliveryList(DeliveryListState(kind: .sla, contract: contract, selected: row))
        return nil
    }

    // MARK: Availability target

    static func targetForm(_ s: AppState, contract: String) -> Form {
        let L = s.lang
        let k = s.workspace.contracts.first { $0.id == contract }
        let fromText = k.flatMap { k -> AvailabilityTarget? in
            var bare = k
            bare.extra[AvailabilityRules.targetColumn] = nil
            return AvailabilityRules.target(of: bare, text: s.workspace.contractTexts[k.file])
        }
        let hint =
            fromText.map {
                L.t(" (empty: \(AvailabilityRules.text($0.percent)) from the text)", " (空: 合同正文的 \(AvailabilityRules.text($0.percent)))")
            }
            ?? L.t(" (empty: none)", " (空: 无目标)")
        return Form(
            target: .availabilityTarget(contract: contract),
            title: L.t("Monthly availability target · \(contract)", "月度可用率目标 · \(contract)") + hint,
            fields: [
                FormField(
                    key: "target", label: L.t("Target % (99.5)", "目标 % (如 99.5)"),
                    text: k?.extra[AvailabilityRules.targetColumn] ?? "", kind: .number)
            ], focusOn: "target")
    }

    static func submitTarget(_ s: inout AppState, _ f: Form, contract: String) -> FormRefusal? {
        let L = s.lang
        guard let i = s.workspace.contracts.firstIndex(where: { $0.id == contract }) else { return nil }
        let value: Double?
        switch DeliveryLists.number(f, "target", L, range: 0...100, what: ("The target", "目标")) {
        case .failure(let r): return r
        case .success(let v): value = v
        }
        if let v = value, v <= 0 {
            return FormRefusal(L.t("The target must be above 0", "目标须大于 0"), field: "target")
        }
        let text = value.map { NumberText.upTo($0, 2) }
        s.change(
            text.map { L.t("Availability target of \(contract): \($0)%", "\(contract) 可用率目标: \($0)%") }
                ?? L.t("Availability target of \(contract) cleared: the contract text decides", "已清除 \(contract) 的可用率目标: 以合同正文为准")
        ) { ws in
            ws.contracts[i].extra[AvailabilityRules.targetColumn] = text ?? ""
        }
        s.modal = .deliveryList(DeliveryListState(kind: .sla, contract: contract))
        return nil
    }

    static func render(_ s: AppState, _ st: DeliveryListState, into c: inout Canvas) {
        let L = s.lang
        let terms = indices(s, st.contract).map { s.workspace.delivery.sla[$0] }
        let rows = terms.map { t -> [String] in
            ["P\(t.severity)", hours(t.responseHours), hours(t.resolutionHours), t.penaltyPerBreach?.grouped() ?? "—"]
        }
        let d = DeliveryLists.delivery(s, st.contract)
        var header: String
        // The text's limits still in force: those of the severities without a row here.
        let fromText = d?.support.limits.filter { $0.value.source != "sla.csv" } ?? [:]
        if terms.isEmpty, !fromText.isEmpty {
            header =
                L.t("From the contract text: ", "取自合同正文: ") + limitTexts(fromText, L).joined(separator: " · ") + " — "
                + sources(fromText, L) + L.t("; a row here replaces its severity only", "; 在此录入的级别以录入为准, 其他级别仍按正文")
        } else if !fromText.isEmpty {
            header =
                L.t("Entered by hand (sla.csv); from the contract text: ", "手工录入 (sla.csv); 其余取自合同正文: ")
                + limitTexts(fromText, L, others: true).joined(separator: " · ") + " — " + sources(fromText, L)
        } else {
            header =
                terms.isEmpty
                ? L.t("No SLA terms: a enters them from the contract", "尚无 SLA 条款: 按 a 按合同录入")
                : L.t("Entered by hand (sla.csv)", "手工录入 (sla.csv)")
        }
        let target =
            d?.support.availabilityTarget.map {
                L.t("Availability target ", "可用率目标 ") + AvailabilityRules.text($0.percent) + " — " + $0.sourceText(chinese: L == .zh)
            } ?? L.t("No availability target (T sets one)", "无可用率目标 (按 T 设置)")
        header += " · " + target
        DeliveryLists.frame(
            s, st, title: L.t("SLA terms — \(st.contract)", "SLA 条款 — \(st.contract)"),
            columns: [
                Column(L.t("Severity", "级别"), 8), Column(L.t("Response h", "响应(小时)"), 10, right: true),
                Column(L.t("Resolution h", "解决(小时)"), 12, right: true), Column(L.t("Penalty per breach", "每次违约金"), 18, right: true),
            ], flex: 0, rows: rows, detail: nil, empty: L.t("Press a to enter the terms of a severity.", "按 a 录入一个故障级别的条款。"), into: &c,
            header: header)
    }
}
