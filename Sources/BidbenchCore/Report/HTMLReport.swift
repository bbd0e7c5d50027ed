/// The meeting report as one self-contained HTML file.
public enum Report {
    /// The HTML report: inline CSS and SVG charts, no scripts and no external references, printable
    /// on A4. The output is also well-formed XML (every element closed, attributes quoted, only the
    /// five XML entities), so an XML parser can check it. Every piece of workspace text is escaped.
    public static func html(_ request: ReportRequest) -> String {
        HTMLReportWriter(facts: ReportFacts(request)).document()
    }
}

/// Colours with meaning, shared by the charts and the legends.
enum ReportPalette {
    static func priority(_ p: Priority) -> String {
        switch p {
        case .must: return "#b23a48"
        case .should: return "#f28f3b"
        case .could: return "#4f86c6"
        case .wont: return "#b8bcc2"
        }
    }
    static let categories: [CostCategory: String] = [
        .license: "#1f4e79", .subscription: "#2e75b6", .implementation: "#70ad47", .customization: "#a9d18e",
        .data_migration: "#ffc000", .training: "#f4b183", .maintenance: "#7030a0", .hardware: "#7f7f7f", .other: "#c9c9c9",
    ]
    static let series = ["#0b4f8a", "#e07b39", "#3a9d5d", "#8e5ea2", "#c9a227", "#5b8db8", "#b23a48", "#6d6d6d"]
    static func status(_ s: ControlStatus) -> String {
        switch s {
        case .ok: return "#3a9d5d"
        case .warn: return "#e0a100"
        case .stop: return "#c62828"
        case .unbudgeted: return "#8e24aa"
        }
    }
    static func keyDate(_ k: ReportDate.Kind) -> String {
        switch k {
        case .effective: return "#0b4f8a"
        case .expiry: return "#6d6d6d"
        case .notice: return "#c62828"
        case .warranty: return "#8e5ea2"
        case .payment: return "#3a9d5d"
        }
    }
}

struct HTMLReportWriter {
    let facts: ReportFacts
    var lang: ReportLanguage { facts.lang }
    var ws: Workspace { facts.ws }
    func t(_ en: String, _ zh: String) -> String { lang.pick(en, zh) }
    func e(_ s: String) -> String { ReportEscape.html(s) }

    static let css = """
        @page { size: A4; margin: 14mm 12mm; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #eef1f5; color: #1f2933; font-size: 13px; line-height: 1.55;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        main { max-width: 860px; margin: 18px auto; background: #fff; padding: 30px 40px 24px; box-shadow: 0 1px 4px rgba(0,0,0,0.12); }
        header.cover { border-bottom: 3px solid #0b4f8a; padding-bottom: 12px; margin-bottom: 8px; }
        header.cover .kicker { color: #0b4f8a; font-size: 12px; letter-spacing: 0.08em; text-transform: uppercase; }
        h1 { font-size: 25px; margin: 2px 0 6px; color: #0b2f50; }
        .meta { color: #52606d; font-size: 12px; }
        .meta span { margin-right: 16px; }
        h2 { font-size: 17px; color: #0b2f50; margin: 26px 0 8px; padding-left: 9px; border-left: 4px solid #0b4f8a; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 14px; margin: 14px 0 6px; color: #243b53; break-after: avoid; }
        section, figure, .reco, tr { break-inside: avoid; page-break-inside: avoid; }
        figure { margin: 6px 0 10px; }
        figcaption { font-size: 11px; color: #616e7c; margin-top: 2px; }
        svg.chart { display: block; width: 100%; height: auto; font-family: inherit; }
        .problems { background: #fdecea; border: 1px solid #f5b7b1; border-radius: 6px; padding: 8px 12px; margin: 8px 0; color: #8a1c1c; }
        .reco { background: #e8f1fa; border: 1px solid #9cc0e4; border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
        .reco strong { font-size: 16px; color: #0b2f50; }
        .cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin: 10px 0; }
        .card { border: 1px solid #dde3ea; border-radius: 6px; padding: 7px 11px; background: #f8fafc; }
        .card .k { font-size: 11px; color: #616e7c; }
        .card .v { font-size: 17px; font-weight: bold; color: #102a43; }
        .card.c-bad .v { color: #c62828; }
        .card.c-warn .v { color: #b26a00; }
        table { border-collapse: collapse; width: 100%; font-size: 12px; margin: 4px 0 10px; }
        th, td { border-bottom: 1px solid #e3e8ee; padding: 4px 7px; text-align: left; vertical-align: top; }
        th { background: #f1f4f8; color: #334e68; font-weight: bold; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.num.formula, th.num { white-space: normal; }
        table.dense { font-size: 10px; }
        table.dense th, table.dense td { padding: 3px 4px; }
        table.kv th { width: 9em; white-space: nowrap; }
        .legend { font-size: 11px; color: #3e4c59; margin: 2px 0 4px; }
        .legend .sw { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; vertical-align: -1px; border-radius: 2px; }
        .flag, .over { color: #c62828; font-weight: bold; }
        .warn { color: #b26a00; font-weight: bold; }
        .ok { color: #2e7d32; }
        .muted, .note { color: #7b8794; font-size: 11px; }
        ul.flags { margin: 4px 0 10px; padding-left: 18px; }
        ul.flags li { margin: 2px 0; }
        code { font-family: inherit; background: #f1f4f8; padding: 0 3px; border-radius: 3px; }
        footer { margin-top: 24px; border-top: 1px solid #dde3ea; padding-top: 6px; color: #7b8794; font-size: 11px; }
        @media print {
          body { background: #fff; }
          main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
        }
        """

    func document() -> String {
        let title = t("Procurement review report", "采购评审会议报告") + " — " + ws.settings.name
        var h = "<!DOCTYPE html>\n<html lang=\"\(lang == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        h += "<title>\(e(title))</title>\n<style>\n\(Self.css)\n</style>\n</head>\n<body>\n<main>\n"
        h += header()
        h += summary()
        h += requirements()
        h += scoringMatrix()
        h += ranking()
        h += sensitivity()
        h += tco()
        h += envelopes()
        h += payments()
        h += contracts()
        h += keyDates()
        h += risks()
        h += delivery()
        h +=
            "<footer>"
            + e(
                t("Generated by Bidbench from the workspace files. Amounts in ", "由 Bidbench 根据工作区文件生成。金额单位：")
                    + ws.settings.currency + t(".", "。")) + "</footer>\n"
        h += "</main>\n</body>\n</html>\n"
        return h
    }

    // MARK: - Pieces

    func table(_ head: [(String, Bool)], _ rows: [[String]]) -> String {
        var s = TableWidth.opening(head, rows, html: true) + "<thead><tr>"
        for (title, num) in head { s += num ? "<th class=\"num\">\(e(title))</th>" : "<th>\(e(title))</th>" }
        s += "</tr></thead><tbody>"
        for r in rows {
            s += "<tr>"
            for (i, cell) in r.enumerated() { s += i < head.count && head[i].1 ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>" }
            s += "</tr>"
        }
        return s + "</tbody></table>\n"
    }

    func legend(_ items: [(String, String)]) -> String {
        "<div class=\"legend\">" + items.map { "<span class=\"sw\" style=\"background:\($0.1)\"></span>\(e($0.0))" }.joined() + "</div>"
    }

    func figure(_ svg: String, caption: String, legend: String = "") -> String {
        "<figure>\(svg)\(legend)<figcaption>\(e(caption))</figcaption></figure>\n"
    }

    func section(_ title: String, _ body: String) -> String {
        "<section>\n<h2>\(e(title))</h2>\n\(body)</section>\n"
    }

    func card(_ key: String, _ value: String, _ cls: String = "") -> String {
        "<div class=\"card\(cls.isEmpty ? "" : " c-" + cls)\"><div class=\"k\">\(e(key))</div><div class=\"v\">\(e(value))</div></div>"
    }

    func axisMoney(_ v: Double) -> String { ReportNumber.compact(v, lang) }

    // MARK: - Sections

    func header() -> String {
        var s = "<header class=\"cover\">\n<div class=\"kicker\">\(e(t("Procurement review report", "采购评审会议报告")))</div>\n"
        s += "<h1>\(e(ws.settings.name.isEmpty ? t("Workspace", "工作区") : ws.settings.name))</h1>\n<div class=\"meta\">"
        s += "<span>\(e(t("Date", "日期") + t(": ", "："))) \(facts.request.today)</span>"
        s += "<span>\(e(t("Currency", "币种") + t(": ", "："))) \(e(ws.settings.currency))</span>"
        if let c = facts.request.commit {
            s += "<span>\(e(t("Workspace version (git)", "工作区版本（git）") + t(": ", "："))) <code>\(e(c))</code></span>"
        }
        s += "</div>\n</header>\n"
        if !facts.request.problems.isEmpty {
            s +=
                "<div class=\"problems\"><strong>\(e(t("The workspace has problems; rows that did not load are missing from this report:", "工作区文件有问题，未能读取的行不在本报告中："))) </strong><ul>"
            s += facts.request.problems.map { "<li>\(e($0))</li>" }.joined() + "</ul></div>\n"
        }
        return s
    }

    func summary() -> String {
        var s = ""
        let active = facts.demand.reduce(0) { $0 + $1.total }
        let must = facts.demand.reduce(0) { $0 + ($1.counts[.must] ?? 0) }
        var cards = card(t("Requirements (must)", "需求（必须）"), "\(active) (\(must))")
        if let ev = facts.scoring?.evaluation {
            cards += card(
                t("Vendors ranked / disqualified", "参与排名 / 淘汰"), "\(ev.ranking.count) / \(ev.disqualified.count)",
                ev.disqualified.isEmpty ? "" : "warn")
            if !ev.provisional.isEmpty {
                cards += card(
                    t("Provisional (must-haves not answered)", "暂定（必须项未答复）"),
                    ev.ranking.filter { ev.provisional[$0.vendor] != nil }.map { facts.vendorName($0.vendor) }.joined(
                        separator: t(", ", "、")), "warn")
            }
        } else {
            cards += card(t("Vendors", "供应商"), "\(ws.vendors.count)")
        }
        if let v = facts.budgetVendor, let tco = facts.tcos.first(where: { $0.vendor == v }) {
            cards += card(
                t("TCO \(ws.settings.horizonYears) years — ", "\(ws.settings.horizonYears) 年总拥有成本 — ") + facts.vendorName(v)
                    + (facts.budgetVendorIsExample ? t(" (an example: no vendor is recommended yet)", "（示例：尚未推荐供应商）") : ""),
                facts.money(tco.total))
        }
        let over = facts.envelopeUse.filter { $0.status == .stop }.count
        let warn = facts.envelopeUse.filter { $0.status == .warn }.count
        if !facts.envelopeUse.isEmpty {
            cards += card(t("Budget envelopes over / near", "预算超支 / 临近"), "\(over) / \(warn)", over > 0 ? "bad" : warn > 0 ? "warn" : "")
        }
        let flags = facts.scans.values.reduce(0) { $0 + $1.redFlags.count }
        if !facts.scans.isEmpty { cards += card(t("Contract red flags", "合同风险点"), "\(flags)", flags > 0 ? "bad" : "") }
        let high = facts.highRisks
        cards += card(t("High risks (L×I ≥ 10)", "高风险（可能性×影响 ≥ 10）"), "\(high)", high > 0 ? "bad" : "")
        s += recommendation()
        s += "<div class=\"cards\">\(cards)</div>\n"
        return section(t("1. Summary", "1. 摘要"), s)
    }

    func requirements() -> String {
        let rows = facts.demand.map { d in
            SVGChart.BarRow(
                label: d.name,
                segments: Priority.allCases.map { p in
                    SVGChart.Segment(
                        value: Double(d.counts[p] ?? 0), color: ReportPalette.priority(p),
                        tip: "\(d.name) · \(ReportLabels.priority(p, lang)): \(d.counts[p] ?? 0)")
                }, valueText: "\(d.total)")
        }
        guard !rows.isEmpty else {
            return section(t("2. Requirements", "2. 需求"), "<p class=\"muted\">\(e(t("No requirements yet.", "尚无需求。")))</p>")
        }
        let svg = SVGChart.horizontalBars(
            rows, title: t("Requirements by department and priority", "各部门需求（按优先级）"),
            axis: { NumberText.upTo($0, 1) })
        let lg = legend(Priority.allCases.map { (ReportLabels.priority($0, lang), ReportPalette.priority($0)) })
        var body = figure(
            svg,
            caption: t(
                "Active requirements (not dropped or merged) by department, stacked by MoSCoW priority.",
                "有效需求（不含已放弃、已合并）按部门统计，按 MoSCoW 优先级堆叠。"), legend: lg)
        var head: [(String, Bool)] = [(t("Department", "部门"), false)]
        head += Priority.allCases.map { (ReportLabels.priority($0, lang), true) }
        head.append((t("Total", "合计"), true))
        body += table(head, facts.demand.map { d in [e(d.name)] + Priority.allCases.map { "\(d.counts[$0] ?? 0)" } + ["\(d.total)"] })
        return section(t("2. Requirements by department and priority", "2. 各部门需求与优先级"), body)
    }

    func yearLabel(_ y: Int) -> String { String(ws.settings.firstYear + y - 1) }

    func tco() -> String {
        let title = t("6. Total cost of ownership", "6. 总拥有成本（TCO）")
        if let err = facts.budgetError { return section(title, "<p class=\"flag\">\(e(err))</p>") }
        let priced = facts.tcos.filter { $0.total > .zero }
        guard !priced.isEmpty else { return section(title, "<p class=\"muted\">\(e(t("No price lines.", "尚无报价明细。")))</p>") }
        let used = CostCategory.allCases.filter { c in priced.contains { ($0.byCategory[c] ?? .zero) > .zero } }
        let groups = priced.map { v in
            SVGChart.ColumnGroup(
                label: ReportBudget.vendor(v.vendor, facts: facts),
                columns: v.perYearByCategory.enumerated().map { (i, cats) in
                    SVGChart.Column(
                        label: yearLabel(i + 1),
                        segments: used.map { c in
                            SVGChart.Segment(
                                value: (cats[c] ?? .zero).approximateUnits, color: ReportPalette.categories[c]!,
                                tip:
                                    "\(facts.vendorName(v.vendor)) \(yearLabel(i + 1)) \(ReportLabels.category(c, lang)): \(facts.money(cats[c] ?? .zero))"
                            )
                        })
                })
        }
        let svg = SVGChart.stackedColumns(groups, title: t("TCO per vendor by year and category", "各供应商逐年成本（按类别）"), axis: axisMoney)
        var body = figure(
            svg,
            caption: t(
                "Cost per fiscal year over the \(ws.settings.horizonYears)-year horizon, stacked by cost category.",
                "\(ws.settings.horizonYears) 年期内每个财年的成本，按成本类别堆叠。"),
            legend: legend(used.map { (ReportLabels.category($0, lang), ReportPalette.categories[$0]!) }))
        // Money that lines up: two decimals on every figure of a table when any has cents.
        let tcoCents = NumberText.cents(for: priced.flatMap { $0.perYear + [$0.total, $0.npv] })
        let head: [(String, Bool)] =
            [(t("Vendor", "供应商"), false)] + (1...ws.settings.horizonYears).map { (yearLabel($0), true) }
            + [(t("Total", "合计"), true), (t("NPV", "净现值"), true)]
        body += table(
            head,
            priced.map { v in
                [e(ReportBudget.vendor(v.vendor, facts: facts))] + v.perYear.map { $0.grouped(tcoCents) } + [
                    "<strong>\(v.total.grouped(tcoCents))</strong>", v.npv.grouped(tcoCents),
                ]
            })
        return section(title, body)
    }

    func envelopes() -> String {
        let title = t("7. Budget envelopes", "7. 预算包络")
        guard let control = facts.control, !control.rows.isEmpty else {
            return section(title, "<p class=\"muted\">\(e(t("No budget envelopes to check.", "没有可核对的预算。")))</p>")
        }
        let statusText: (ControlStatus) -> String = { s in
            switch s {
            case .ok: return self.t("within budget", "预算内")
            case .warn: return self.t("near the limit", "接近上限")
            case .stop: return self.t("over budget", "超支")
            case .unbudgeted: return self.t("unbudgeted", "未列入预算")
            }
        }
        let rows = control.rows.map { u in
            let label =
                "\(u.fiscalYear) \(ReportBudget.center(u.costCenter, lang))"
                + (u.category.map { " · " + ReportLabels.category($0, lang) } ?? "")
            let pct = u.percentText(0) ?? "–"
            return SVGChart.BarRow(
                label: label,
                segments: [
                    SVGChart.Segment(
                        value: u.committed.approximateUnits, color: ReportPalette.status(u.status),
                        tip: "\(label): \(t("committed", "已承诺")) \(facts.money(u.committed))"),
                    SVGChart.Segment(
                        value: u.proposed.approximateUnits, color: ReportPalette.status(u.status) + "99",
                        tip: "\(label): \(t("proposed", "拟采购")) \(facts.money(u.proposed))"),
                ],
                valueText: "\(pct) · \(statusText(u.status))", track: (u.envelope ?? .zero).approximateUnits)
        }
        let svg = SVGChart.horizontalBars(rows, title: title, axis: axisMoney)
        var body = figure(
            svg,
            caption: ReportBudget.basis(control, facts: facts, lang: lang, name: { $0 })
                + t(
                    " Committed (solid) and proposed (light) per fiscal year against the envelope (frame).",
                    "每个财年的已承诺（深色）与拟采购（浅色）对比预算额度（框）。"),
            legend: legend([
                (statusText(.ok), ReportPalette.status(.ok)), (statusText(.warn), ReportPalette.status(.warn)),
                (statusText(.stop), ReportPalette.status(.stop)), (statusText(.unbudgeted), ReportPalette.status(.unbudgeted)),
            ]))
        let envelopeCents = NumberText.cents(
            for: control.rows.flatMap { [$0.envelope ?? .zero, $0.committed, $0.proposed, $0.remaining ?? .zero] })
        body += table(
            [
                (t("Fiscal year", "财年"), false), (t("Cost center", "成本中心"), false), (t("Envelope", "预算"), true),
                (t("Committed", "已承诺"), true), (t("Proposed", "拟采购"), true), (t("Remaining", "剩余"), true),
                (t("Status", "状态"), false),
            ],
            control.rows.map { u in
                [
                    "\(u.fiscalYear)",
                    e(ReportBudget.center(u.costCenter, lang) + (u.category.map { " · " + ReportLabels.category($0, lang) } ?? "")),
                    u.envelope.map { $0.grouped(envelopeCents) } ?? "–", u.committed.grouped(envelopeCents),
                    u.proposed.grouped(envelopeCents),
                    u.remaining.map { $0.grouped(envelopeCents) } ?? "–",
                    "<span class=\"\(u.status == .stop || u.status == .unbudgeted ? "over" : u.status.rawValue)\">\(e(statusText(u.status)))</span>",
                ]
            })
        return section(title, body)
    }

    func payments() -> String {
        let title = t("8. Payment cash flow", "8. 付款现金流")
        var body = facts.paymentErrors.map { "<p class=\"flag\">\(e($0))</p>\n" }.joined()
        guard !facts.installments.isEmpty else {
            return section(title, body + "<p class=\"muted\">\(e(t("No payment milestones.", "尚无付款里程碑。")))</p>")
        }
        let contracts = ws.contracts.map(\.id).filter { id in facts.installments.contains { $0.contract == id } }
        let color = { (id: String) in ReportPalette.series[(contracts.firstIndex(of: id) ?? 0) % ReportPalette.series.count] }
        let groups = facts.cashFlow.map { b in
            SVGChart.ColumnGroup(
                label: b.period == BudgetModel.undatedPeriod ? t("undated", "未定日期") : b.period,
                columns: [
                    SVGChart.Column(
                        label: "",
                        segments: contracts.map { id in
                            let amount = b.installments.filter { $0.contract == id }.reduce(Money.zero) { $0 + $1.amount }
                            return SVGChart.Segment(
                                value: amount.approximateUnits, color: color(id), tip: "\(b.period) \(id): \(facts.money(amount))")
                        })
                ])
        }
        let svg = SVGChart.stackedColumns(groups, title: title, axis: axisMoney, height: 240)
        body += figure(
            svg,
            caption: t(
                "Payments due per month, stacked by contract (contract value including approved change orders).",
                "每月应付款，按合同堆叠（合同金额含已批准的变更）。"),
            legend: legend(
                contracts.map { id in
                    let c = ws.contracts.first { $0.id == id }
                    return ("\(id) \(c.map { facts.vendorName($0.vendor) } ?? "")", color(id))
                }))
        let installmentCents = NumberText.cents(for: facts.installments.map(\.amount))
        body += table(
            [
                (t("Contract", "合同"), false), (t("Milestone", "里程碑"), false), (t("Due", "到期日"), false),
                (t("Percent", "比例"), true), (t("Amount", "金额"), true), (t("Condition", "付款条件"), false), (t("Status", "状态"), false),
            ],
            facts.installments.map { i in
                [
                    e(i.contract), e(i.milestoneText(chinese: lang == .zh)), i.due?.description ?? "–",
                    e((i.percent.decimalText ?? i.percent.description) + "%"),
                    i.amount.grouped(installmentCents), e(i.condition),
                    facts.blockedReason(i).map { "<span class=\"warn\">\(e($0))</span>" } ?? e(ReportLabels.status(i.status, lang)),
                ]
            })
        return section(title, body)
    }

    func contracts() -> String {
        let title = t("9. Contract review", "9. 合同审查")
        guard !ws.contracts.isEmpty else { return section(title, "<p class=\"muted\">\(e(t("No contracts.", "尚无合同。")))</p>") }
        var body = checklistChart()
        for c in ws.contracts {
            body += "<h3>\(e(c.id + " " + c.title)) — \(e(facts.vendorName(c.vendor)))</h3>\n"
            body +=
                "<p class=\"muted\">\(e(t("Value incl. approved changes", "金额（含已批准变更）")))\(e(t(": ", "：")))\(facts.money(facts.contractValue(c))) · \(e(t("Status", "状态")))\(e(t(": ", "：")))\(e(ReportLabels.status(c.status, lang)))</p>\n"
            if let scan = facts.scans[c.id] {
                body += keyTerms(scan.keyTerms)
                if scan.redFlags.isEmpty {
                    body += "<p class=\"ok\">\(e(t("No red flags found in the text.", "文本中未发现风险点。")))</p>\n"
                } else {
                    body += "<ul class=\"flags\">" + scan.redFlags.map(redFlagItem).joined() + "</ul>\n"
                }
            } else {
                body +=
                    "<p class=\"muted\">\(e(t("The contract text is not in the workspace; only the review is shown.", "工作区中没有合同文本，仅显示审查记录。")))</p>\n"
            }
            let reviews = ws.reviews.filter { $0.contract == c.id }
            if !reviews.isEmpty {
                body += table(
                    [(t("Clause", "条款"), false), (t("Review", "审查结论"), false), (t("Line", "行号"), true), (t("Note", "说明"), false)],
                    reviews.map { r in
                        let cls = r.status == .missing ? "flag" : r.status == .negotiate ? "warn" : r.status == .ok ? "ok" : "muted"
                        return [
                            e(ReportLabels.clause(r.clause, lang)),
                            "<span class=\"\(cls)\">\(e(ReportLabels.reviewStatus(r.status, lang)))</span>",
                            r.line.map(String.init) ?? "–", e(r.note),
                        ]
                    })
            }
            let changes = ws.changes.filter { $0.contract == c.id }
            if !changes.isEmpty {
                body += table(
                    [
                        (t("Change", "变更"), false), (t("Date", "日期"), false), (t("Description", "内容"), false),
                        (t("Delta", "金额变化"), true), (t("Status", "状态"), false),
                    ],
                    changes.map { ch in
                        [
                            e(ch.id), ch.date?.description ?? "–", e(ch.description), facts.money(ch.priceDelta),
                            e(ReportLabels.status(ch.status, lang)),
                        ]
                    })
            }
        }
        return section(title, body)
    }

    /// Clauses the buyer needs in every contract (DESIGN §3 red flags).
    static let neededClauses: Set<ClauseKind> = [.acceptance, .data_security, .confidentiality, .data_return]

    /// One row per contract, one mark per clause kind: the review's verdict where there is one, else
    /// whether the scanner found the clause in the text.
    func checklistChart() -> String {
        let marks: [[SVGChart.Mark]] = ws.contracts.map { c in
            ClauseKind.allCases.map { k in
                let name = ReportLabels.clause(k, lang)
                if let r = ws.reviews.last(where: { $0.contract == c.id && $0.clause == k }) {
                    let tip = "\(c.id) · \(name): \(ReportLabels.reviewStatus(r.status, lang))" + (r.note.isEmpty ? "" : " — " + r.note)
                    switch r.status {
                    case .ok: return SVGChart.Mark(color: "#2e7d32", symbol: "✓", tip: tip)
                    case .negotiate: return SVGChart.Mark(color: "#e0a100", symbol: "!", tip: tip)
                    case .missing: return SVGChart.Mark(color: "#c62828", symbol: "✕", tip: tip)
                    case .na: return SVGChart.Mark(color: "#b0b7bf", symbol: "–", tip: tip)
                    }
                }
                switch facts.clauseFound(c, k) {
                case .some(let line?):
                    return SVGChart.Mark(
                        color: "#81c784", symbol: "✓", tip: "\(c.id) · \(name): " + t("found, line \(line)", "已找到，第 \(line) 行"))
                case .some(nil):
                    let needed = Self.neededClauses.contains(k)
                    return SVGChart.Mark(
                        color: needed ? "#c62828" : "#cfd5db", symbol: needed ? "✕" : "?",
                        tip: "\(c.id) · \(name): " + t("not found", "未找到"))
                case nil:
                    return SVGChart.Mark(color: "#e6e9ed", symbol: "", tip: "\(c.id) · \(name): " + t("not reviewed", "未审查"))
                }
            }
        }
        let svg = SVGChart.checklistGrid(
            rows: ws.contracts.map(\.id), columns: ClauseKind.allCases.map { ReportLabels.clause($0, lang) },
            marks: marks, title: t("Clause checklist", "条款检查表"))
        return figure(
            svg,
            caption: t(
                "Each contract against the 22 clause kinds: the review's verdict (dark colours), else what the text scan found (light green found, grey not found; red: a clause the buyer needs is missing).",
                "各合同对照 22 类条款：有审查结论时显示结论（深色），否则显示文本扫描结果（浅绿已找到，灰色未找到；红色为买方必需条款缺失）。"),
            legend: legend([
                (t("OK", "通过"), "#2e7d32"), (t("Negotiate", "协商中"), "#e0a100"), (t("Missing", "缺失"), "#c62828"),
                (t("Found in text", "文本中已找到"), "#81c784"), (t("Not found", "未找到"), "#cfd5db"),
            ]))
    }

    func kindText(_ k: ReportDate.Kind) -> String {
        switch k {
        case .effective: return t("Effective", "生效")
        case .expiry: return t("Expiry", "到期")
        case .notice: return t("Notice deadline", "通知截止")
        case .warranty: return t("Warranty end", "质保期满")
        case .payment: return t("Payment", "付款")
        }
    }

    func keyDates() -> String {
        let title = t("10. Key dates", "10. 关键日期")
        guard !facts.keyDates.isEmpty else { return section(title, "<p class=\"muted\">\(e(t("No dates.", "尚无日期。")))</p>") }
        let events = facts.keyDates.map {
            SVGChart.Event(day: $0.day, label: "\($0.contract) \($0.text)", color: ReportPalette.keyDate($0.kind))
        }
        let svg = SVGChart.timeline(events, today: facts.request.today, title: title, todayLabel: t("today", "今天"))
        let kinds: [ReportDate.Kind] = [.effective, .payment, .notice, .expiry, .warranty]
        var body = figure(
            svg,
            caption: t(
                "Contract dates and payment milestones; the dashed line is the report date.",
                "合同日期与付款里程碑；虚线为报告日期。"),
            legend: legend(kinds.map { (kindText($0), ReportPalette.keyDate($0)) }))
        body += table(
            [(t("Date", "日期"), false), (t("In days", "剩余天数"), true), (t("Contract", "合同"), false), (t("Event", "事项"), false)],
            facts.keyDates.map { k in
                let d = facts.request.today.days(until: k.day)
                let cls = k.kind == .notice && d >= 0 && d <= 60 ? " class=\"flag\"" : ""
                return [k.day.description, "<span\(cls)>\(d)</span>", e(k.contract), e(k.label(lang))]
            })
        return section(title, body)
    }

    func risks() -> String {
        let title = t("11. Risks", "11. 风险")
        guard !ws.risks.isEmpty else { return section(title, "<p class=\"muted\">\(e(t("No risks recorded.", "尚无风险记录。")))</p>") }
        var grid = Array(repeating: Array(repeating: [String](), count: 5), count: 5)
        for r in ws.risks where r.status != "closed" {
            let l = min(5, max(1, r.likelihood))
            let i = min(5, max(1, r.impact))
            grid[l - 1][i - 1].append(r.id)
        }
        let svg = SVGChart.riskMatrix(
            grid, title: t("Risk heat map", "风险热力图"), likelihood: t("Likelihood", "可能性"), impact: t("Impact", "影响"))
        var body = figure(
            svg,
            caption: t(
                "Open and watched risks by likelihood × impact (closed risks left out).",
                "未关闭风险按可能性 × 影响分布（不含已关闭）。"))
        let sorted = ws.risks.sorted { (RiskRegister.score($1), $0.id) < (RiskRegister.score($0), $1.id) }
        body += table(
            [
                ("ID", false), (t("Risk", "风险"), false), (t("Type", "类型"), false), (t("L×I", "可能性×影响"), true),
                (t("Mitigation", "应对措施"), false), (t("Owner", "负责人"), false), (t("Status", "状态"), false),
            ],
            sorted.map { r in
                let score = RiskRegister.score(r)
                let level = RiskRegister.level(score: score)
                return [
                    e(r.id), e(r.title), e(ReportLabels.riskType(r.type, lang)),
                    "<span class=\"\(level == .high ? "flag" : level == .medium ? "warn" : "ok")\">\(r.likelihood)×\(r.impact)=\(score)</span>",
                    e(r.mitigation), e(r.owner), e(ReportLabels.status(r.status, lang)),
                ]
            })
        return section(title, body)
    }
}

/// How wide a table of a report or handout must be at least, to choose a denser style for one that
/// would not fit an A4 page's column (the English budget handout's cost table, seven columns of
/// figures with cents, ran off the printed page).
enum TableWidth {
    /// `<table>`, with the class `dense` when the table is wider than `limit` pixels at the normal size.
    static func opening(_ head: [(String, Bool)], _ rows: [[String]], html: Bool, limit: Int = 600) -> String {
        minimum(head, rows, html: html) > limit ? "<table class=\"dense\">" : "<table>"
    }

    /// The narrowest the table can be, in pixels at 12 px: a figure never breaks, so a figure column
    /// is as wide as its widest figure (a worked formula breaks after each `×`); other cells and the
    /// headers break between words, and Chinese between characters. `html`: the cells hold markup.
    static func minimum(_ head: [(String, Bool)], _ rows: [[String]], html: Bool) -> Int {
        func plain(_ cell: String) -> String {
            guard html, cell.contains("<") else { return cell }
            var out = ""
            var inTag = false
            for c in cell {
                if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
            }
            return out
        }
        func longestWord(_ text: String) -> Int {
            text.split(separator: " ").map { word in
                word.contains { TextWidth.of($0) == 2 } ? 2 : TextWidth.of(String(word))
            }.max() ?? 0
        }
        var cells = [Int](repeating: 0, count: head.count)
        for (i, (title, _)) in head.enumerated() { cells[i] = longestWord(title) }
        for row in rows {
            for (i, raw) in row.enumerated() where i < head.count {
                let cell = plain(raw)
                let width =
                    head[i].1 && !cell.contains(" = ")
                    ? TextWidth.of(cell)
                    : longestWord(cell.replacingOccurrences(of: " × ", with: "\u{A0}× "))
                cells[i] = max(cells[i], width)
            }
        }
        // About 6.6 px a cell at 12 px, and 14 px of padding a column.
        return cells.reduce(0) { $0 + $1 * 66 / 10 + 14 }
    }
}
