extension Report {
    /// Meeting minutes in Markdown: the report's story as headings, tables and short lists, for a
    /// wiki or an e-mail. Deterministic for a given request (no clock, no dictionary order).
    public static func markdown(_ request: ReportRequest) -> String {
        MarkdownReportWriter(facts: ReportFacts(request)).document()
    }
}

struct MarkdownReportWriter {
    let facts: ReportFacts
    var lang: ReportLanguage { facts.lang }
    var ws: Workspace { facts.ws }
    func t(_ en: String, _ zh: String) -> String { lang.pick(en, zh) }
    func c(_ s: String) -> String { ReportEscape.markdownCell(s) }
    func m(_ s: String) -> String { ReportEscape.markdownText(s) }

    func table(_ head: [(String, Bool)], _ rows: [[String]]) -> String {
        var s = "| " + head.map { c($0.0) }.joined(separator: " | ") + " |\n"
        s += "|" + head.map { $0.1 ? "---:|" : "---|" }.joined() + "\n"
        for r in rows { s += "| " + r.joined(separator: " | ") + " |\n" }
        return s + "\n"
    }

    func document() -> String {
        var s = "# " + t("Procurement review minutes", "采购评审会议纪要") + " — " + m(ws.settings.name) + "\n\n"
        s += "- " + t("Date: ", "日期：") + facts.request.today.description + "\n"
        s += "- " + t("Currency: ", "币种：") + m(ws.settings.currency) + "\n"
        if let commit = facts.request.commit { s += "- " + t("Workspace version (git): ", "工作区版本（git）：") + "`" + m(commit) + "`\n" }
        s += "\n"
        if !facts.request.problems.isEmpty {
            s += "> **" + t("The workspace has problems; rows that did not load are missing:", "工作区文件有问题，未能读取的行不在纪要中：") + "**\n"
            for p in facts.request.problems { s += "> - " + m(p) + "\n" }
            s += "\n"
        }
        s += summary()
        s += requirements()
        s += scoringSections()
        s += tco()
        s += envelopes()
        s += payments()
        s += contracts()
        s += keyDates()
        s += risks()
        s += delivery()
        // One newline at the end, not the blank line that separates blocks.
        while s.hasSuffix("\n\n") { s.removeLast() }
        return s
    }

    func summary() -> String {
        var s = "## " + t("Summary", "摘要") + "\n\n"
        if let sc = facts.scoring, sc.evaluation.blind {
            s += "- **" + t("No recommendation while the panel is blind.", "盲评期间不给出推荐。") + "**\n"
        }
        if let sc = facts.scoring, let w = sc.winner {
            s += "- **" + t("Recommendation: ", "推荐：") + m(w.name) + "**" + t(" (", "（") + sc.scoreText(w.score) + t(")", "）")
            // As the HTML report says it: by which method, a tie, and the runner-up.
            s += t(" — ranked first by ", " — 按") + m(facts.methodName(sc.evaluation.method)) + t("", "排名第一")
            if !sc.tiedWithWinner.isEmpty {
                s += t("; tied with ", "；与以下供应商并列：") + m(sc.tiedWithWinner.map(\.name).joined(separator: t(", ", "、")))
            }
            if let runner = sc.evaluation.ranking.first(where: { $0.rank > 1 }) {
                s += t("; next: ", "；其次：") + m(runner.name) + " " + sc.scoreText(runner.score)
            }
            s += "\n"
        } else if let sc = facts.scoring, !sc.evaluation.blind {
            s += "- **" + t("No vendor can be ranked yet (all disqualified or not fully scored).", "暂无可排名的供应商（均被淘汰或评分不完整）。") + "**\n"
        } else if facts.scoring == nil {
            s += "- **" + t("No recommendation: ", "暂无推荐：") + m(facts.scoringError ?? "") + "**\n"
        }
        let active = facts.demand.reduce(0) { $0 + $1.total }
        let must = facts.demand.reduce(0) { $0 + ($1.counts[.must] ?? 0) }
        s += "- " + t("Requirements: \(active) active, \(must) must-have", "需求：有效 \(active) 条，其中必须 \(must) 条") + "\n"
        if let ev = facts.scoring?.evaluation {
            s +=
                "- "
                + t(
                    "Vendors: \(ws.vendors.count) (\(ev.ranking.count) ranked, \(ev.disqualified.count) disqualified)",
                    "供应商：\(ws.vendors.count) 家（参与排名 \(ev.ranking.count) 家，淘汰 \(ev.disqualified.count) 家）") + "\n"
            // A ranked vendor that has not answered a confirmed must-have: its result is provisional.
            for r in ev.ranking {
                guard let gaps = ev.provisional[r.vendor] else { continue }
                s +=
                    "- " + t("Provisional: ", "暂定：") + m(facts.vendorName(r.vendor)) + " — "
                    + m(gaps.map { lang == .zh ? $0.zh : $0.en }.joined(separator: t("; ", "；"))) + "\n"
            }
        } else {
            s += "- " + t("Vendors: \(ws.vendors.count)", "供应商：\(ws.vendors.count) 家") + "\n"
        }
        if let v = facts.budgetVendor, let tco = facts.tcos.first(where: { $0.vendor == v }) {
            s +=
                "- " + t("TCO over \(ws.settings.horizonYears) years of ", "\(ws.settings.horizonYears) 年总拥有成本（") + m(facts.vendorName(v))
                + (facts.budgetVendorIsExample ? t(", an example: no vendor is recommended yet", "，示例：尚未推荐供应商") : "")
                + t(": ", "）：") + facts.money(tco.total) + "\n"
        }
        let over = facts.envelopeUse.filter { $0.status == .stop }.count
        let warn = facts.envelopeUse.filter { $0.status == .warn }.count
        let unbudgeted = facts.envelopeUse.filter { $0.status == .unbudgeted }.count
        if !facts.envelopeUse.isEmpty {
            s +=
                "- "
                + t(
                    "Budget envelopes: \(over) over, \(warn) near the limit, \(unbudgeted) unbudgeted",
                    "预算：超支 \(over) 项，接近上限 \(warn) 项，未列入预算 \(unbudgeted) 项") + "\n"
        }
        let flags = facts.scans.values.reduce(0) { $0 + $1.redFlags.count }
        if !facts.scans.isEmpty { s += "- " + t("Contract red flags: \(flags)", "合同风险点：\(flags) 处") + "\n" }
        s += "- " + t("High risks (L×I ≥ 10): \(facts.highRisks)", "高风险（可能性×影响 ≥ 10）：\(facts.highRisks) 项") + "\n\n"
        return s
    }

    func requirements() -> String {
        var s = "## " + t("Requirements by department and priority", "各部门需求与优先级") + "\n\n"
        guard !facts.demand.isEmpty else { return s + t("No requirements yet.", "尚无需求。") + "\n\n" }
        let head: [(String, Bool)] =
            [(t("Department", "部门"), false)] + Priority.allCases.map { (ReportLabels.priority($0, lang), true) }
            + [(t("Total", "合计"), true)]
        s += table(head, facts.demand.map { d in [c(d.name)] + Priority.allCases.map { "\(d.counts[$0] ?? 0)" } + ["\(d.total)"] })
        return s
    }

    func yearLabel(_ y: Int) -> String { String(ws.settings.firstYear + y - 1) }

    func tco() -> String {
        var s = "## " + t("Total cost of ownership", "总拥有成本（TCO）") + "\n\n"
        if let err = facts.budgetError { return s + "**" + m(err) + "**\n\n" }
        let priced = facts.tcos.filter { $0.total > .zero }
        guard !priced.isEmpty else { return s + t("No price lines.", "尚无报价明细。") + "\n\n" }
        // Money that lines up: two decimals on every figure of a table when any has cents.
        let tcoCents = NumberText.cents(for: priced.flatMap { $0.perYear + [$0.total, $0.npv] })
        let head: [(String, Bool)] =
            [(t("Vendor", "供应商"), false)] + (1...ws.settings.horizonYears).map { (yearLabel($0), true) }
            + [(t("Total", "合计"), true), (t("NPV", "净现值"), true)]
        s += table(
            head,
            priced.map { v in
                [c(ReportBudget.vendor(v.vendor, facts: facts))] + v.perYear.map { $0.grouped(tcoCents) } + [
                    "**\(v.total.grouped(tcoCents))**", v.npv.grouped(tcoCents),
                ]
            })
        return s
    }

    func envelopes() -> String {
        var s = "## " + t("Budget envelopes", "预算包络") + "\n\n"
        guard let control = facts.control, !control.rows.isEmpty else {
            return s + t("No budget envelopes to check.", "没有可核对的预算。") + "\n\n"
        }
        s += ReportBudget.basis(control, facts: facts, lang: lang, name: m) + "\n\n"
        let envelopeCents = NumberText.cents(
            for: control.rows.flatMap { [$0.envelope ?? .zero, $0.committed, $0.proposed, $0.remaining ?? .zero] })
        s += table(
            [
                (t("Fiscal year", "财年"), false), (t("Cost center", "成本中心"), false), (t("Envelope", "预算"), true),
                (t("Committed", "已承诺"), true), (t("Proposed", "拟采购"), true), (t("Remaining", "剩余"), true),
                (t("Used %", "使用率"), true), (t("Status", "状态"), false),
            ],
            control.rows.map { u in
                [
                    "\(u.fiscalYear)",
                    c(ReportBudget.center(u.costCenter, lang) + (u.category.map { " · " + ReportLabels.category($0, lang) } ?? "")),
                    u.envelope.map { $0.grouped(envelopeCents) } ?? "–", u.committed.grouped(envelopeCents),
                    u.proposed.grouped(envelopeCents),
                    u.remaining.map { $0.grouped(envelopeCents) } ?? "–", u.percentText(1) ?? "–",
                    ReportBudget.word(u.status, lang),
                ]
            })
        return s
    }

    func payments() -> String {
        var s = "## " + t("Payment cash flow", "付款现金流") + "\n\n"
        for err in facts.paymentErrors { s += "- **" + m(err) + "**\n" }
        guard !facts.installments.isEmpty else { return s + t("No payment milestones.", "尚无付款里程碑。") + "\n\n" }
        s += table(
            [(t("Month", "月份"), false), (t("Amount", "金额"), true), (t("Milestones", "里程碑"), false)],
            facts.cashFlow.map { b in
                [
                    b.period == BudgetModel.undatedPeriod ? t("undated", "未定日期") : b.period, facts.money(b.amount),
                    c(
                        b.installments.map { i in
                            "\(i.contract) \(i.milestone)" + (facts.blockedReason(i).map { " (\($0))" } ?? "")
                        }.joined(separator: "; ")),
                ]
            })
        // Each milestone with its share, condition and standing, as the HTML report's table has them.
        let installmentCents = NumberText.cents(for: facts.installments.map(\.amount))
        s += table(
            [
                (t("Contract", "合同"), false), (t("Milestone", "里程碑"), false), (t("Due", "到期日"), false),
                (t("Percent", "比例"), true), (t("Amount", "金额"), true), (t("Condition", "付款条件"), false), (t("Status", "状态"), false),
            ],
            facts.installments.map { i in
                [
                    c(i.contract), c(i.milestoneText(chinese: lang == .zh)), i.due?.description ?? "–",
                    c((i.percent.decimalText ?? i.percent.description) + "%"),
                    i.amount.grouped(installmentCents), c(i.condition), c(facts.blockedReason(i) ?? ReportLabels.status(i.status, lang)),
                ]
            })
        return s
    }

    func contracts() -> String {
        var s = "## " + t("Contract review", "合同审查") + "\n\n"
        guard !ws.contracts.isEmpty else { return s + t("No contracts.", "尚无合同。") + "\n\n" }
        for k in ws.contracts {
            s += "### " + m(k.id + " " + k.title) + " — " + m(facts.vendorName(k.vendor)) + "\n\n"
            s +=
                t("Value: ", "金额：") + facts.money(facts.contractValue(k)) + " · " + t("Status: ", "状态：")
                + m(ReportLabels.status(k.status, lang)) + "\n\n"
            if let scan = facts.scans[k.id] {
                let terms = ReportLabels.keyTerms(scan.keyTerms, lang)
                if !terms.isEmpty {
                    s += table([(t("Key term", "关键条款"), false), (t("In the text", "合同约定"), false)], terms.map { [c($0.0), c($0.1)] })
                }
                for f in scan.redFlags {
                    s +=
                        "- ⚑ " + m(ReportLabels.redFlag(f.kind, lang)) + (f.clause.map { " · " + m(ReportLabels.clause($0, lang)) } ?? "")
                        + (f.line.map { t(" (line \($0))", "（第 \($0) 行）") + (f.text.isEmpty ? "" : ": " + m(f.text)) }
                            ?? t(" (not in the text)", "（文本中没有）")) + "\n"
                }
                if scan.redFlags.isEmpty { s += "- " + t("No red flags found in the text.", "文本中未发现风险点。") + "\n" }
                s += "\n"
            } else {
                s += t("The contract text is not in the workspace.", "工作区中没有合同文本。") + "\n\n"
            }
            // Every clause review, as the HTML report's table has them: the open points and the settled ones.
            let reviewed = ws.reviews.filter { $0.contract == k.id }
            for r in reviewed {
                s +=
                    "- " + m(ReportLabels.reviewStatus(r.status, lang)) + " · " + m(ReportLabels.clause(r.clause, lang))
                    + (r.line.map { t(" (line \($0))", "（第 \($0) 行）") } ?? "") + (r.note.isEmpty ? "" : ": " + m(r.note)) + "\n"
            }
            if !reviewed.isEmpty { s += "\n" }
            let changes = ws.changes.filter { $0.contract == k.id }
            if !changes.isEmpty {
                s += table(
                    [
                        (t("Change", "变更"), false), (t("Date", "日期"), false), (t("Description", "内容"), false), (t("Delta", "金额变化"), true),
                        (t("Status", "状态"), false),
                    ],
                    changes.map {
                        [
                            c($0.id), $0.date?.description ?? "–", c($0.description), facts.money($0.priceDelta),
                            c(ReportLabels.status($0.status, lang)),
                        ]
                    })
            }
        }
        return s
    }

    func keyDates() -> String {
        var s = "## " + t("Key dates", "关键日期") + "\n\n"
        guard !facts.keyDates.isEmpty else { return s + t("No dates.", "尚无日期。") + "\n\n" }
        s += table(
            [(t("Date", "日期"), false), (t("In days", "剩余天数"), true), (t("Contract", "合同"), false), (t("Event", "事项"), false)],
            facts.keyDates.map { k in [k.day.description, "\(facts.request.today.days(until: k.day))", c(k.contract), c(k.label(lang))] })
        return s
    }

    func risks() -> String {
        var s = "## " + t("Risks", "风险") + "\n\n"
        guard !ws.risks.isEmpty else { return s + t("No risks recorded.", "尚无风险记录。") + "\n\n" }
        let sorted = ws.risks.sorted { (RiskRegister.score($1), $0.id) < (RiskRegister.score($0), $1.id) }
        s += table(
            [
                ("ID", false), (t("Risk", "风险"), false), (t("Type", "类型"), false), (t("L×I", "可能性×影响"), true),
                (t("Mitigation", "应对措施"), false), (t("Owner", "负责人"), false), (t("Status", "状态"), false),
            ],
            sorted.map { r in
                [
                    c(r.id), c(r.title), c(ReportLabels.riskType(r.type, lang)), "\(r.likelihood)×\(r.impact)=\(RiskRegister.score(r))",
                    c(r.mitigation), c(r.owner), c(ReportLabels.status(r.status, lang)),
                ]
            })
        return s
    }
}
