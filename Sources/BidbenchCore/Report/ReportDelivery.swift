/// The report's delivery section (after signing): plan, acceptance, payments, training, support,
/// vendor reviews and the early warnings they raise. Written only when a contract is in delivery.
public struct DeliveryFacts {
    let deliveries: [ContractDelivery]
    let alerts: [RiskAlert]

    init(_ ws: Workspace, today: Day, scans: [String: ContractScan]) {
        deliveries = DeliveryStatus.build(ws, today: today, scans: scans)
        alerts = DeliveryWarnings.alerts(risks: ws.risks, deliveries: deliveries)
    }

    /// Where the satisfaction after which it stands comes from: ` (mean of 3 departments)`,
    /// ` (entered)`, or both the entered figure's and the departments' (`SatisfactionSource`).
    static func answered(_ r: ReviewEntry, _ lang: ReportLanguage) -> String {
        let w = r.satisfactionSource.words(chinese: lang == .zh)
        return lang.pick(" (\(w))", "（\(w)）")
    }

    static func percent(_ v: Double?) -> String {
        v.map(NumberText.percent(points:)) ?? "—"
    }

    /// `Availability (target 99.5%, contract line 42): 2027-03 99.8% met, 2027-04 99.25% missed`; nil without months.
    static func availability(_ sp: SupportSummary, _ lang: ReportLanguage) -> (text: String, missed: Bool)? {
        guard !sp.availability.isEmpty else { return nil }
        let zh = lang == .zh
        let target =
            sp.availabilityTarget.map {
                (zh ? "目标 " : "target ") + AvailabilityRules.text($0.percent) + (zh ? "，" : ", ") + $0.sourceText(chinese: zh)
            } ?? (zh ? "合同未约定目标" : "no target in the contract")
        let months = sp.availability.map { m in
            "\(m.month) \(AvailabilityRules.text(m.percent))" + (m.met.map { $0 ? (zh ? " 达标" : " met") : (zh ? " 未达标" : " missed") } ?? "")
        }
        let text = (zh ? "可用率（" : "Availability (") + target + (zh ? "）：" : "): ") + months.joined(separator: zh ? "、" : ", ")
        return (text, sp.availability.contains { $0.met == false })
    }

    /// The exit and handover checklist (guide §7) once an item has been ticked, dated or noted: its
    /// title, how many items are done, then every item with its status, date and note; nil before
    /// (each weekly paper would otherwise list six open items). The delivery handout and the full
    /// report both print it.
    public static func handover(_ d: ContractDelivery, _ lang: ReportLanguage) -> (title: String, summary: String, items: [String])? {
        guard d.handover.contains(where: { $0.status != .open || $0.date != nil || !$0.note.trimmed.isEmpty }) else { return nil }
        let done = d.handover.filter { $0.status == .done }.count
        let due = d.handover.filter { $0.status != .notApplicable }.count
        let items = d.handover.map { h in
            let status: String
            switch h.status {
            case .done: status = lang.pick("done", "已完成")
            case .notApplicable: status = lang.pick("n/a", "不适用")
            case .open: status = lang.pick("open", "待办")
            case .other(let text): status = text
            }
            let date = h.date.map { " " + $0.description } ?? ""
            let note = h.note.trimmed.isEmpty ? "" : " — " + h.note
            return (lang == .zh ? h.nameZH : h.name) + lang.pick(": ", "：") + status + date + note
        }
        return (
            lang.pick("Exit and handover (guide §7)", "终止与移交（指南 §七）"), lang.pick("\(done) of \(due) items done.", "已完成 \(done)/\(due) 项。"),
            items
        )
    }
}

extension MarkdownReportWriter {
    // Kept as one function: the delivery section's parts in reading order, per contract.
    func delivery() -> String {
        let f = DeliveryFacts(ws, today: facts.request.today, scans: facts.scans)
        guard !f.deliveries.isEmpty else { return "" }
        var s = "## " + t("Delivery", "交付") + "\n\n"
        for d in f.deliveries {
            s += "### " + m(d.contract.id + " " + d.contract.title) + " — " + m(facts.vendorName(d.contract.vendor)) + "\n\n"
            s += table(
                [
                    (t("Phase", "阶段"), false), (t("Status", "状态"), false), (t("Planned", "计划"), false),
                    (t("Finished", "实际完成"), false), (t("Days late", "延误天数"), true),
                ],
                d.phases.map { p in
                    [
                        c(p.phase.name(chinese: lang == .zh)), ReportLabels.phaseStatus(p.status, lang),
                        "\(p.plannedStart?.description ?? "?") – \(p.plannedEnd?.description ?? "?")", p.actualEnd?.description ?? "",
                        String(p.daysLate),
                    ]
                })
            for o in d.overdue {
                s +=
                    "- " + t("Overdue: ", "逾期：") + m("\(o.task.id) \(o.task.title) (\(o.task.owner))")
                    + t(", \(o.days) days", "，\(o.days) 天") + "\n"
            }
            let a = d.acceptance
            s += "- " + t("Acceptance tests: ", "验收测试：")
            s += t("\(a.passed) passed, \(a.failed) failed, \(a.pending) pending", "通过 \(a.passed)，未通过 \(a.failed)，待测 \(a.pending)")
            s += t(
                "; requirements accepted \(a.requirementsAccepted) of \(a.requirementsTotal)\n",
                "；需求已验收 \(a.requirementsAccepted) / \(a.requirementsTotal)\n")
            for p in d.payable {
                s += "- " + t("Payable now: ", "可支付：") + m(p.installment.milestone) + " " + p.installment.amount.grouped() + " ("
                s += m(lang == .zh ? p.reasonZH : p.reason) + ")\n"
            }
            for p in d.blocked {
                s += "- " + t("Blocked: ", "暂不可付：") + m(p.installment.milestone) + " " + p.installment.amount.grouped() + " ("
                s += m(lang == .zh ? p.reasonZH : p.reason) + ")\n"
            }
            let tr = d.training
            s += "- " + t("Training: ", "培训：") + t("\(tr.sessions) sessions, pass rate ", "\(tr.sessions) 场，通过率 ")
            s +=
                DeliveryFacts.percent(tr.passRate.map { $0 * 100 }) + t(" (target ", "（目标 ")
                + DeliveryFacts.percent(tr.target.map { $0 * 100 })
            s += t(")", "）")
            if !tr.needs.isEmpty {
                s += t("; still to train: ", "；仍需培训：") + tr.needs.map { m("\($0.person) (\($0.module))") }.joined(separator: t(", ", "、"))
            }
            s += "\n"
            let sp = d.support
            s += "- " + t("Support: ", "技术支持：")
            s += t(
                "\(sp.tickets) tickets, \(sp.responseBreaches) response and \(sp.resolutionBreaches) resolution breaches, SLA met ",
                "工单 \(sp.tickets) 个，响应超时 \(sp.responseBreaches) 次，解决超时 \(sp.resolutionBreaches) 次，SLA 达标率 ")
            s += DeliveryFacts.percent(sp.compliancePercent) + t(", penalty ", "，违约金 ") + sp.penalty.grouped() + "\n"
            if let av = DeliveryFacts.availability(sp, lang) { s += "- " + m(av.text) + "\n" }
            if !d.reviews.isEmpty {
                s += "\n" + t("Vendor reviews:", "供应商考评：") + "\n\n"
                s += table(
                    [
                        (t("Period", "期间"), false), (t("Score", "得分"), true), (t("On time", "按时"), true), (t("First-pass", "一次验收"), true),
                        (t("SLA", "SLA"), true), (t("Training", "培训"), true), (t("Satisfaction", "满意度"), true), (t("Note", "评语"), false),
                    ],
                    d.reviews.map { r in
                        let v = r.review
                        return [
                            c(v.period), DeliveryFacts.percent(r.score).dropLast().description, DeliveryFacts.percent(v.onTimePct),
                            DeliveryFacts.percent(v.acceptanceFirstPassPct), DeliveryFacts.percent(v.slaPct),
                            DeliveryFacts.percent(v.trainingPassPct),
                            NumberFormat.short(v.satisfaction) + DeliveryFacts.answered(r, lang), c(v.note),
                        ]
                    })
            } else {
                s += "\n"
            }
            if let h = DeliveryFacts.handover(d, lang) {
                s += "**" + m(h.title) + "** " + m(h.summary) + "\n\n" + h.items.map { "- " + m($0) + "\n" }.joined() + "\n"
            }
        }
        if !f.alerts.isEmpty {
            s += t("Early warnings from delivery:", "交付预警：") + "\n\n"
            for a in f.alerts { s += "- " + m(a.risk + " " + a.text(chinese: lang == .zh)) + "\n" }
            s += "\n"
        }
        return s
    }
}

extension HTMLReportWriter {
    // Kept as one function: the delivery section's parts in reading order, per contract.
    func delivery() -> String {
        let f = DeliveryFacts(ws, today: facts.request.today, scans: facts.scans)
        guard !f.deliveries.isEmpty else { return "" }
        var body = ""
        for d in f.deliveries {
            body += "<h3>\(e(d.contract.id + " " + d.contract.title)) — \(e(facts.vendorName(d.contract.vendor)))</h3>\n"
            body += table(
                [
                    (t("Phase", "阶段"), false), (t("Status", "状态"), false), (t("Planned", "计划"), false),
                    (t("Finished", "实际完成"), false), (t("Days late", "延误天数"), true),
                ],
                d.phases.map { p in
                    [
                        e(p.phase.name(chinese: lang == .zh)), e(ReportLabels.phaseStatus(p.status, lang)),
                        e("\(p.plannedStart?.description ?? "?") – \(p.plannedEnd?.description ?? "?")"), e(p.actualEnd?.description ?? ""),
                        p.daysLate > 0 ? "<span class=\"flag\">\(p.daysLate)</span>" : "0",
                    ]
                })
            var items: [String] = []
            for o in d.overdue {
                items.append(
                    "<span class=\"flag\">\(e(t("Overdue: ", "逾期：") + "\(o.task.id) \(o.task.title) (\(o.task.owner))" + t(", \(o.days) days", "，\(o.days) 天")))</span>"
                )
            }
            let a = d.acceptance
            items.append(
                e(
                    t("Acceptance tests: ", "验收测试：")
                        + t(
                            "\(a.passed) passed, \(a.failed) failed, \(a.pending) pending", "通过 \(a.passed)，未通过 \(a.failed)，待测 \(a.pending)"
                        )
                        + t(
                            "; requirements accepted \(a.requirementsAccepted) of \(a.requirementsTotal)",
                            "；需求已验收 \(a.requirementsAccepted) / \(a.requirementsTotal)")))
            for p in d.payable {
                items.append(
                    "<span class=\"ok\">\(e(t("Payable now: ", "可支付：") + p.installment.milestone + " " + p.installment.amount.grouped()))</span> "
                        + e("(" + (lang == .zh ? p.reasonZH : p.reason) + ")"))
            }
            for p in d.blocked {
                items.append(
                    "<span class=\"warn\">\(e(t("Blocked: ", "暂不可付：") + p.installment.milestone + " " + p.installment.amount.grouped()))</span> "
                        + e("(" + (lang == .zh ? p.reasonZH : p.reason) + ")"))
            }
            let tr = d.training
            var training =
                t("Training: ", "培训：") + t("\(tr.sessions) sessions, pass rate ", "\(tr.sessions) 场，通过率 ")
                + DeliveryFacts.percent(tr.passRate.map { $0 * 100 }) + t(" (target ", "（目标 ")
                + DeliveryFacts.percent(tr.target.map { $0 * 100 })
                + t(")", "）")
            if !tr.needs.isEmpty {
                training +=
                    t("; still to train: ", "；仍需培训：") + tr.needs.map { "\($0.person) (\($0.module))" }.joined(separator: t(", ", "、"))
            }
            items.append(tr.belowTarget ? "<span class=\"warn\">\(e(training))</span>" : e(training))
            let sp = d.support
            items.append(
                e(
                    t("Support: ", "技术支持：")
                        + t(
                            "\(sp.tickets) tickets, \(sp.responseBreaches) response and \(sp.resolutionBreaches) resolution breaches, SLA met ",
                            "工单 \(sp.tickets) 个，响应超时 \(sp.responseBreaches) 次，解决超时 \(sp.resolutionBreaches) 次，SLA 达标率 ")
                        + DeliveryFacts.percent(sp.compliancePercent) + t(", penalty ", "，违约金 ") + sp.penalty.grouped()))
            if let av = DeliveryFacts.availability(sp, lang) {
                items.append(av.missed ? "<span class=\"warn\">\(e(av.text))</span>" : e(av.text))
            }
            body += "<ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>\n"
            if !d.reviews.isEmpty {
                body += table(
                    [
                        (t("Review period", "考评期间"), false), (t("Score", "得分"), true), (t("On time", "按时"), true),
                        (t("First-pass", "一次验收"), true), ("SLA", true), (t("Training", "培训"), true), (t("Satisfaction", "满意度"), true),
                        (t("Note", "评语"), false),
                    ],
                    d.reviews.map { r in
                        let v = r.review
                        return [
                            e(v.period), e(DeliveryFacts.percent(r.score).dropLast().description), e(DeliveryFacts.percent(v.onTimePct)),
                            e(DeliveryFacts.percent(v.acceptanceFirstPassPct)), e(DeliveryFacts.percent(v.slaPct)),
                            e(DeliveryFacts.percent(v.trainingPassPct)),
                            e(NumberFormat.short(v.satisfaction) + DeliveryFacts.answered(r, lang)), e(v.note),
                        ]
                    })
            }
            if let h = DeliveryFacts.handover(d, lang) {
                body +=
                    "<p><strong>\(e(h.title))</strong> \(e(h.summary))</p><ul>" + h.items.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
            }
        }
        if !f.alerts.isEmpty {
            body += "<p>\(e(t("Early warnings from delivery:", "交付预警：")))</p><ul>"
            body += f.alerts.map { "<li class=\"warn\">\(e($0.risk + " " + $0.text(chinese: lang == .zh)))</li>" }.joined() + "</ul>\n"
        }
        return section(t("12. Delivery", "12. 交付"), body)
    }
}

/// Short numbers for the report: `3.5`, `4`.
enum NumberFormat {
    static func short(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }
}
