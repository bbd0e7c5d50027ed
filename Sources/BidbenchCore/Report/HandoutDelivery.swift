/// The weekly delivery review: per contract in delivery the plan by phase with its overdue tasks,
/// acceptance, what can be paid now and what is blocked and why, who still needs training, the
/// support SLA with its breaches and penalty and the monthly availability, the last vendor review,
/// and the exit and handover checklist once it has begun; then the early warnings.
/// Everything comes from `DeliveryStatus` (what screen 5 and `bidbench delivery` show).
extension HandoutBuilder {
    func delivery() -> HandoutDoc {
        let today = req.report.today
        let deliveries = DeliveryStatus.build(ws, today: today, scans: facts.scans)
        let alerts = DeliveryWarnings.alerts(risks: ws.risks, deliveries: deliveries)
        var blocks: [HandoutBlock] = []
        let title = MeetingKind.delivery.title(lang) + " — " + ws.settings.name
        if deliveries.isEmpty {
            blocks.append(.heading(t("Delivery", "交付")))
            blocks.append(.paragraph(t("No contract is in delivery yet.", "尚无进入交付的合同。")))
            return doc(title: title, blocks: blocks)
        }
        for (n, d) in deliveries.enumerated() {
            blocks.append(.heading("\(n + 1). \(d.contract.id) \(d.contract.title) — \(facts.vendorName(d.contract.vendor))"))
            blocks.append(.callout(headline(d)))
            blocks += plan(d)
            blocks += acceptance(d)
            blocks += payments(d)
            blocks += training(d)
            blocks += support(d)
            blocks += review(d)
            blocks += handover(d)
        }
        blocks.append(.heading("\(deliveries.count + 1). " + t("Early warnings", "预警")))
        blocks.append(
            alerts.isEmpty
                ? .paragraph(t("No early warning fired.", "没有触发的预警。"))
                : .list(alerts.map { $0.risk + " " + $0.text(chinese: lang == .zh) }))
        return doc(title: title, blocks: blocks)
    }

    func percentText(_ v: Double?) -> String { DeliveryFacts.percent(v) }

    /// The exit and handover checklist, as the full report prints it (`DeliveryFacts.handover`).
    func handover(_ d: ContractDelivery) -> [HandoutBlock] {
        guard let h = DeliveryFacts.handover(d, lang) else { return [] }
        return [.subheading(h.title), .paragraph(h.summary), .list(h.items)]
    }

    /// One line to read first: the phase under way, days overdue, payable and blocked amounts.
    func headline(_ d: ContractDelivery) -> String {
        var parts: [String] = []
        if let p = d.phases.first(where: { $0.status == "in_progress" }) ?? d.phases.first(where: { $0.status != "done" }) {
            let name = p.phase.name(chinese: lang == .zh)
            parts.append(
                p.overdueDays > 0
                    ? t("\(name): \(p.overdueDays) days overdue", "\(name)：逾期 \(p.overdueDays) 天")
                    : t("\(name): \(ReportLabels.phaseStatus(p.status, lang))", "\(name)：\(ReportLabels.phaseStatus(p.status, lang))"))
        } else if !d.phases.isEmpty {
            parts.append(t("every phase done", "各阶段均已完成"))
        }
        let payable = d.payable.reduce(Money.zero) { $0 + $1.installment.amount }
        let blocked = d.blocked.reduce(Money.zero) { $0 + $1.installment.amount }
        parts.append(t("payable now ", "可支付 ") + payable.grouped())
        if !d.blocked.isEmpty { parts.append(t("blocked ", "暂不可付 ") + blocked.grouped()) }
        let a = d.acceptance
        parts.append(
            t(
                "requirements accepted \(a.requirementsAccepted) of \(a.requirementsTotal)",
                "需求已验收 \(a.requirementsAccepted)/\(a.requirementsTotal)"))
        return parts.joined(separator: sep)
    }

    func plan(_ d: ContractDelivery) -> [HandoutBlock] {
        var out: [HandoutBlock] = [.subheading(t("Plan", "实施计划"))]
        guard !d.phases.isEmpty else { return out + [.paragraph(t("No tasks planned.", "尚无任务计划。"))] }
        out.append(
            .table(
                [
                    (t("Phase", "阶段"), false), (t("Status", "状态"), false), (t("Planned", "计划"), false),
                    (t("Finished", "实际完成"), false), (t("Days late", "延误天数"), true),
                ],
                d.phases.map { p in
                    [
                        p.phase.name(chinese: lang == .zh), ReportLabels.phaseStatus(p.status, lang),
                        "\(p.plannedStart?.description ?? "?") – \(p.plannedEnd?.description ?? "?")", p.actualEnd?.description ?? "–",
                        String(p.daysLate),
                    ]
                }))
        if let on = d.onTimePercent { out.append(.paragraph(t("Tasks done on time: ", "按期完成的任务：") + percentText(on))) }
        if d.overdue.isEmpty {
            out.append(.paragraph(t("No task is overdue.", "没有逾期任务。")))
        } else {
            out.append(
                .list(
                    d.overdue.map { o in
                        let owner = o.task.owner.isEmpty ? "" : t(" (\(o.task.owner))", "（\(o.task.owner)）")
                        let end = o.task.plannedEnd?.description ?? "?"
                        return t(
                            "Overdue: \(o.task.id) \(o.task.title)\(owner), \(o.days) days past its planned end \(end)",
                            "逾期：\(o.task.id) \(o.task.title)\(owner)，计划 \(end) 完成，已逾期 \(o.days) 天")
                    }))
        }
        return out
    }

    func acceptance(_ d: ContractDelivery) -> [HandoutBlock] {
        let a = d.acceptance
        var out: [HandoutBlock] = [.subheading(t("Acceptance", "验收"))]
        var line = t(
            "\(a.passed) tests passed, \(a.failed) failed, \(a.pending) pending; requirements accepted \(a.requirementsAccepted) of \(a.requirementsTotal)",
            "验收测试通过 \(a.passed) 项，未通过 \(a.failed) 项，待测 \(a.pending) 项；需求已验收 \(a.requirementsAccepted) / \(a.requirementsTotal)")
        if let f = a.firstPassPercent { line += t("; first-pass ", "；一次通过率 ") + percentText(f) }
        out.append(.paragraph(line + t(".", "。")))
        let failed = d.tests.filter { $0.result == .fail }
        if !failed.isEmpty {
            out.append(
                .list(
                    failed.map { x in
                        let note = x.note.trimmed.isEmpty ? "" : colon + x.note
                        return t("Failed ", "未通过 ") + x.id + " " + x.criterion + note
                    }))
        }
        let pending = d.tests.filter { $0.result != .pass && $0.result != .fail }
        if !pending.isEmpty {
            out.append(.paragraph(t("Still to test: ", "待测：") + pending.map(\.id).joined(separator: t(", ", "、"))))
        }
        return out
    }

    func paymentState(_ s: PaymentStanding.State) -> String {
        switch s {
        case .paid: return t("paid", "已支付")
        case .payable: return t("payable now", "可支付")
        case .blocked: return t("blocked", "暂不可付")
        case .upcoming: return t("not yet due", "未到期")
        }
    }

    func payments(_ d: ContractDelivery) -> [HandoutBlock] {
        var out: [HandoutBlock] = [.subheading(t("Payments", "付款"))]
        if let problem = d.paymentProblem {
            return out + [.note(t("The milestones cannot be split: ", "付款节点无法拆分：") + t(problem, d.paymentProblemZH ?? problem))]
        }
        guard !d.payments.isEmpty else { return out + [.paragraph(t("No payment milestones.", "尚无付款节点。"))] }
        out.append(
            .table(
                [
                    (t("Milestone", "付款节点"), false), (t("Amount", "金额"), true), (t("Due", "到期"), false), (t("Standing", "状态"), false),
                    (t("Why", "原因"), false),
                ],
                d.payments.map { p in
                    [
                        p.installment.milestoneText(chinese: lang == .zh), p.installment.amount.grouped(),
                        p.installment.due?.description ?? "–",
                        paymentState(p.state),
                        // A paid milestone needs no why (its reason only repeated "paid").
                        p.state == .paid ? "" : lang == .zh ? p.reasonZH : p.reason,
                    ]
                }))
        return out
    }

    func training(_ d: ContractDelivery) -> [HandoutBlock] {
        let tr = d.training
        var out: [HandoutBlock] = [.subheading(t("Training", "培训"))]
        guard tr.sessions > 0 else { return out + [.paragraph(t("No training sessions yet.", "尚无培训场次。"))] }
        var line = t(
            "\(tr.sessions) sessions, \(tr.present) of \(tr.planned) planned attended, pass rate ",
            "\(tr.sessions) 场，计划 \(tr.planned) 人次、到场 \(tr.present) 人次，通过率 ")
        line += percentText(tr.passRate.map { $0 * 100 }) + t(" (target ", "（目标 ") + percentText(tr.target.map { $0 * 100 }) + t(")", "）")
        if tr.belowTarget { line += t(" — below target", "——低于目标") }
        out.append(.paragraph(line + t(".", "。")))
        if tr.needs.isEmpty {
            out.append(.paragraph(t("Nobody still needs training.", "没有需要补训的人员。")))
        } else {
            out.append(.paragraph(t("Still to train:", "仍需培训：")))
            out.append(
                .list(
                    tr.needs.map { n in
                        let why = n.reason == .failed ? t("failed the test", "考核未通过") : t("absent", "缺席")
                        let who = n.department.isEmpty ? n.person : n.person + t(" (\(n.department))", "（\(n.department)）")
                        return who + colon + n.module + " · " + why
                    }))
        }
        return out
    }

    func support(_ d: ContractDelivery) -> [HandoutBlock] {
        let sp = d.support
        var out: [HandoutBlock] = [.subheading(t("Support and SLA", "技术支持与 SLA"))]
        out.append(
            .paragraph(
                t(
                    "\(sp.tickets) tickets; SLA met \(percentText(sp.compliancePercent)); breaches: \(sp.responseBreaches) response, \(sp.resolutionBreaches) resolution; penalty \(sp.penalty.grouped()).",
                    "工单 \(sp.tickets) 个；SLA 达标率 \(percentText(sp.compliancePercent))；响应超时 \(sp.responseBreaches) 次，解决超时 \(sp.resolutionBreaches) 次；违约金 \(sp.penalty.grouped())。"
                )))
        let months = sp.months.filter { $0.total > 0 }
        if !months.isEmpty {
            out.append(
                .paragraph(
                    t("Breaches by month: ", "按月违约：")
                        + months.map { m in
                            t(
                                "\(m.month): \(m.total) breach\(m.total == 1 ? "" : "es") in \(m.tickets) ticket\(m.tickets == 1 ? "" : "s")",
                                "\(m.month) 工单 \(m.tickets) 个、违约 \(m.total) 次")
                        }.joined(separator: sep)))
        }
        // Monthly availability against the contract's target; a missed month with its downtime and note.
        if let av = DeliveryFacts.availability(sp, lang) {
            out.append(.paragraph(av.text))
            let missed = sp.availability.filter { $0.met == false }
            if !missed.isEmpty {
                out.append(
                    .list(
                        missed.map { m in
                            let down = m.downtimeMinutes.map { t(", \($0) minutes down", "，停机 \($0) 分钟") } ?? ""
                            let note = m.note.trimmed.isEmpty ? "" : " — " + m.note
                            return t("Missed ", "未达标 ") + m.month + colon + AvailabilityRules.text(m.percent) + down + note
                        }))
            }
        }
        let breaches = sp.measures.filter { $0.responseBreach || $0.resolutionBreach }
        if !breaches.isEmpty {
            out.append(
                .list(
                    breaches.map { m in
                        var what: [String] = []
                        if m.responseBreach { what.append(t("response late", "响应超时")) }
                        if m.resolutionBreach { what.append(t("resolution late", "解决超时")) }
                        let module = m.ticket.module.isEmpty ? "" : " " + m.ticket.module
                        let note = m.ticket.note.trimmed.isEmpty ? "" : " — " + m.ticket.note
                        // `P1` as the screen and the ticket dialog name it (the handout said `1 级`).
                        return m.ticket.id + " P\(m.ticket.severity)" + module + colon
                            + what.joined(separator: t(", ", "、")) + note
                    }))
        }
        return out
    }

    func review(_ d: ContractDelivery) -> [HandoutBlock] {
        var out: [HandoutBlock] = [.subheading(t("Last vendor review", "最近一次供应商考评"))]
        guard let last = d.reviews.last else { return out + [.paragraph(t("No review yet.", "尚无考评。"))] }
        let v = last.review
        var line = t("Period \(v.period): score ", "\(v.period) 期：得分 ") + NumberText.upTo(last.score, 4)
        if let c = last.change {
            line += t(
                " (\(c >= 0 ? "+" : "")\(NumberText.upTo(c, 4)) on the previous)", "（较上期 \(c >= 0 ? "+" : "")\(NumberText.upTo(c, 4))）")
        }
        line +=
            sep + t("on time ", "按时 ") + percentText(v.onTimePct) + t(", first-pass acceptance ", "，一次验收 ")
            + percentText(v.acceptanceFirstPassPct) + t(", SLA ", "，SLA ") + percentText(v.slaPct) + t(", training ", "，培训 ")
            + percentText(v.trainingPassPct) + t(", satisfaction ", "，满意度 ") + NumberText.upTo(v.satisfaction, 4) + "/5"
            + t(" (\(last.satisfactionSource.words(chinese: false)))", "（\(last.satisfactionSource.words(chinese: true))）")
        if !v.reviewer.trimmed.isEmpty { line += sep + t("reviewer ", "考评人 ") + v.reviewer }
        out.append(.paragraph(line + t(".", "。")))
        if !v.note.trimmed.isEmpty { out.append(.paragraph(t("Reviewer's note: ", "考评意见：") + v.note)) }
        return out
    }
}
