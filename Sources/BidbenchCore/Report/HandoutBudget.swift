/// The budget walkthrough: the scenario in effect (an unsaved what-if said as such), the scenario
/// comparison, per-year costs by category with a chart, the envelopes and the milestones' cash flow.
extension HandoutBuilder {
    func rate(_ r: ExactRatio) -> String { NumberText.upTo(r.approximateValue * 100, 2) + "%" }

    func describe(_ s: Scenario) -> String {
        t(
            "\(s.years) years, \(s.users) users (+\(rate(s.growth)) a year), escalation \(rate(s.escalation)), discount rate \(rate(s.discountRate))",
            "\(s.years) 年，用户 \(s.users)（每年 +\(rate(s.growth))），涨价 \(rate(s.escalation))，折现率 \(rate(s.discountRate))")
    }

    /// The workspace's base scenario and the named ones of scenarios.csv.
    func savedScenarios() -> [Scenario] {
        guard let base = try? Scenario(settings: ws.settings, name: t("base", "基准")) else { return [] }
        return [base]
            + ws.scenarios.compactMap {
                try? base.overriding(
                    name: $0.name, years: $0.years, users: $0.users, growth: $0.growth, escalation: $0.escalation,
                    discountRate: $0.discountRate)
            }
    }

    func yearLabel(_ y: Int) -> String { String(ws.settings.firstYear + y - 1) }

    // Kept as one function: the handout's numbered sections in reading order, each a few blocks.
    func budget() -> HandoutDoc {
        var blocks: [HandoutBlock] = []
        let title = MeetingKind.budget.title(lang) + " — " + ws.settings.name
        let saved = savedScenarios()
        guard let scenario = req.scenario ?? saved.first else {
            blocks.append(.heading(t("Budget", "预算")))
            blocks.append(.paragraph(facts.budgetError ?? ""))
            return doc(title: title, blocks: blocks)
        }
        // 1. The scenario in effect.
        blocks.append(.heading(t("1. Scenario in effect", "1. 当前测算情景")))
        if let from = req.whatIfFrom {
            blocks.append(
                .callout(
                    t("What-if (not saved as a scenario): ", "假设测算（未保存为情景）：") + describe(scenario)))
            blocks.append(.paragraph(t("Started from the scenario \(from.name): ", "基于情景“\(from.name)”：") + describe(from)))
        } else {
            blocks.append(.callout(t("Scenario \(scenario.name): ", "情景“\(scenario.name)”：") + describe(scenario)))
        }
        let tcos: [VendorTCO]
        do { tcos = try BudgetModel.tco(prices: ws.prices, scenario: scenario, vendors: ws.vendors.map(\.id)) } catch {
            blocks.append(.paragraph(error.text(chinese: lang == .zh)))
            return doc(title: title, blocks: blocks)
        }
        let priced = tcos.filter { t in ws.prices.contains { $0.vendor == t.vendor } }
        // Money that lines up: two decimals on every figure of a table when any has cents.
        let cents = NumberText.cents(for: priced.flatMap { $0.perYear + [$0.total, $0.npv] })
        // A knocked-out vendor (fails a must-have) is marked ✗ as on the Budget screen and in the
        // report: it may be the cheapest, and it cannot be awarded.
        blocks.append(
            .table(
                [(t("Vendor", "供应商"), false)] + (1...scenario.years).map { (yearLabel($0), true) }
                    + [(t("Total", "合计"), true), (t("NPV", "净现值"), true)],
                priced.map { v in
                    [ReportBudget.vendor(v.vendor, facts: facts)] + v.perYear.map { $0.grouped(cents) } + [
                        v.total.grouped(cents), v.npv.grouped(cents),
                    ]
                }))
        // Each with the must-haves it answered "no" to.
        let out = priced.filter { facts.knockedOut.contains($0.vendor) }.map { v in
            let failed = (facts.mustAnswers[v.vendor] ?? []).filter { $0.gate.answer == .no }.map(\.requirement.id)
            return facts.vendorName(v.vendor) + t(" (\(failed.joined(separator: ", ")))", "（\(failed.joined(separator: "、"))）")
        }
        if !out.isEmpty {
            blocks.append(
                .paragraph(
                    t("✗ fails a must-have requirement and cannot be awarded: ", "✗ 未满足必须项需求，不能授标：")
                        + out.joined(separator: t("; ", "；"))))
        }
        // A vendor without price lines is named, not left out without a word (re-test pass).
        let unpriced = ws.vendors.filter { v in !priced.contains { $0.vendor == v.id } }.map(\.name)
        if !unpriced.isEmpty {
            blocks.append(.paragraph(t("No price lines yet: ", "尚无报价：") + unpriced.joined(separator: t(", ", "、"))))
        }
        // 2. Scenario comparison.
        blocks.append(.heading(t("2. Scenarios compared (total cost over the horizon)", "2. 情景对比（测算期总成本）")))
        var compared = saved.map { ($0.name, $0) }
        if req.whatIfFrom != nil { compared.append((t("what-if (not saved)", "假设测算（未保存）"), scenario)) }
        let vendors = ws.vendors.filter { v in ws.prices.contains { $0.vendor == v.id } }
        let totals = compared.map { _, sc in (try? BudgetModel.tco(prices: ws.prices, scenario: sc, vendors: vendors.map(\.id))) ?? [] }
        let compareCents = NumberText.cents(for: totals.joined().map(\.total))
        blocks.append(
            .table(
                [(t("Scenario", "情景"), false), (t("Assumptions", "假设"), false)]
                    + vendors.map { (ReportBudget.vendor($0.id, facts: facts), true) },
                zip(compared, totals).map { scenario, totals in
                    [scenario.0, describe(scenario.1)]
                        + vendors.map { v in totals.first { $0.vendor == v.id }?.total.grouped(compareCents) ?? "–" }
                }))
        // 3. Per-year cost by category of the vendor the budget is checked against.
        // The recommended vendor once the panel is revealed; before that the recommendation is sealed
        // (blind panel), so the first priced vendor is shown instead.
        let recommended = ws.settings.revealed ? facts.scoring?.winner?.vendor : nil
        let focus = recommended.flatMap { id in priced.first { $0.vendor == id } } ?? priced.first
        if let v = focus {
            let name = facts.vendorName(v.vendor)
            blocks.append(
                .heading(
                    t("3. Cost per year by category — ", "3. 逐年分类成本 — ") + name
                        + (recommended == nil
                            ? t(" (an example: no vendor is recommended yet)", "（示例：尚未推荐供应商）") : "")))
            let used = CostCategory.allCases.filter { (v.byCategory[$0] ?? .zero) != .zero }
            let groups = [
                SVGChart.ColumnGroup(
                    label: name,
                    columns: v.perYearByCategory.enumerated().map { (i, cats) in
                        SVGChart.Column(
                            label: yearLabel(i + 1),
                            segments: used.map { c in
                                SVGChart.Segment(
                                    value: (cats[c] ?? .zero).approximateUnits, color: ReportPalette.categories[c]!,
                                    tip: "\(yearLabel(i + 1)) \(ReportLabels.category(c, lang)): \((cats[c] ?? .zero).grouped())")
                            })
                    })
            ]
            blocks.append(
                .chart(
                    svg: SVGChart.stackedColumns(
                        groups, title: t("Cost per year by category", "逐年分类成本"), axis: { ReportNumber.compact($0, lang) }),
                    caption: t("\(name) under the scenario in effect, stacked by category.", "\(name) 在当前情景下的逐年成本，按类别堆叠。"),
                    legend: used.map { (ReportLabels.category($0, lang), ReportPalette.categories[$0]!) }))
            let cents = NumberText.cents(for: v.perYearByCategory.flatMap(\.values) + v.perYear + [v.total])
            var rows: [[String]] = used.map { c in
                [ReportLabels.category(c, lang)] + v.perYearByCategory.map { ($0[c] ?? .zero).grouped(cents) } + [
                    (v.byCategory[c] ?? .zero).grouped(cents)
                ]
            }
            rows.append([t("Total", "合计")] + v.perYear.map { $0.grouped(cents) } + [v.total.grouped(cents)])
            blocks.append(
                .table(
                    [(t("Category", "类别"), false)] + (1...scenario.years).map { (yearLabel($0), true) } + [(t("Total", "合计"), true)], rows))
            // 4. Envelopes.
            blocks.append(.heading(t("4. Budget envelopes", "4. 预算包络")))
            blocks += envelopeBlocks(recommended == nil ? nil : v, name: name, scenario: scenario)
        }
        // 5. Cash flow of the milestones.
        blocks.append(.heading(t("5. Payment cash flow", "5. 付款现金流")))
        for err in facts.paymentErrors { blocks.append(.paragraph(err)) }
        if facts.installments.isEmpty {
            blocks.append(.paragraph(t("No payment milestones.", "尚无付款里程碑。")))
        } else {
            let cents = NumberText.cents(for: facts.installments.map(\.amount) + facts.cashFlow.map(\.amount))
            blocks.append(
                .table(
                    [
                        (t("Due", "到期日"), false), (t("Contract", "合同"), false), (t("Milestone", "里程碑"), false), (t("Share", "比例"), true),
                        (t("Amount", "金额"), true), (t("Condition", "付款条件"), false), (t("Status", "状态"), false),
                    ],
                    paymentsByDue().map { i in
                        [
                            i.due?.description ?? "–", i.contract + " " + contractVendor(i.contract), i.milestoneText(chinese: lang == .zh),
                            (i.percent.decimalText ?? i.percent.description) + "%", i.amount.grouped(cents), i.condition,
                            // Paid, planned or due; one that acceptance tests still hold back says which (as the report does).
                            facts.blockedReason(i) ?? ReportLabels.status(i.status, lang),
                        ]
                    }))
            blocks.append(
                .table(
                    [(t("Month", "月份"), false), (t("Amount", "金额"), true)],
                    facts.cashFlow.map {
                        [$0.period == BudgetModel.undatedPeriod ? t("undated", "未定日期") : $0.period, $0.amount.grouped(cents)]
                    })
            )
        }
        return doc(title: title, blocks: blocks)
    }

    /// The milestones in the order they fall due, as the monthly table below reads (undated last),
    /// then by contract; a contract's milestones that fall on one day keep their schedule order.
    func paymentsByDue() -> [Installment] {
        facts.installments.enumerated().sorted { a, b in
            switch (a.element.due, b.element.due) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if a.element.contract != b.element.contract { return a.element.contract < b.element.contract }
            return a.offset < b.offset
        }.map(\.element)
    }

    func contractVendor(_ id: String) -> String { ws.contracts.first { $0.id == id }.map { facts.vendorName($0.vendor) } ?? "" }

    /// The budget control (DESIGN §3) with this vendor's proposal under the scenario in effect:
    /// commitments of signed contracts plus the open proposal, per fiscal year and cost centre.
    /// `v` nil: no vendor is recommended yet (a blind panel): only what is signed is charged.
    func envelopeBlocks(_ v: VendorTCO?, name: String, scenario: Scenario) -> [HandoutBlock] {
        guard !ws.budget.isEmpty else { return [.paragraph(t("No budget envelopes.", "没有预算包络。"))] }
        let control: BudgetControl
        do { control = try BudgetModel.control(ws, proposedVendor: v?.vendor, scenario: scenario) } catch {
            return [.paragraph(error.text(chinese: lang == .zh))]
        }
        let cents = NumberText.cents(for: control.rows.flatMap { [$0.envelope ?? .zero, $0.committed, $0.proposed] })
        let rows: [[String]] = control.rows.map { u in
            [
                "\(u.fiscalYear)",
                ReportBudget.center(u.costCenter, lang) + (u.category.map { " · " + ReportLabels.category($0, lang) } ?? ""),
                u.envelope?.grouped(cents) ?? "–", u.committed.grouped(cents), u.proposed.grouped(cents),
                u.percentText(1) ?? "–", ReportBudget.word(u.status, lang),
            ]
        }
        return [
            .paragraph(
                ReportBudget.basis(control, facts: facts, lang: lang, name: { $0 })
                    + (v == nil
                        ? t(
                            " No vendor's bid is charged before a vendor is recommended (the panel's scores are revealed).",
                            "推荐供应商之前 (评分揭晓之前) 不计入任何供应商的报价。") : "")
                    + t(" Under the scenario in effect.", "按当前测算情景计算。")),
            .table(
                [
                    (t("Fiscal year", "财年"), false), (t("Cost center", "成本中心"), false), (t("Envelope", "预算"), true),
                    (t("Committed", "已承诺"), true), (t("Proposed", "拟采购"), true), (t("Used %", "使用率"), true),
                    (t("Status", "状态"), false),
                ], rows),
        ]
    }
}
