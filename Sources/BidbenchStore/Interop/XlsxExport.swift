import BidbenchCore
import Foundation

/// The workbooks a manager wants in Excel besides the tables: `bidbench export KIND --format xlsx`.
public enum DecisionKind: String, CaseIterable, Sendable {
    /// The vendor matrix: weights, normalised scores and totals as live formulas; the panel's scores.
    case matrix
    /// Cost of ownership per vendor and fiscal year, with totals and NPV as formulas; the price lines.
    case tco
    /// Each scenario of scenarios.csv (and the default) side by side: total and NPV per vendor.
    case scenarios
    /// The clause review of every contract, with counts per status as formulas.
    case clauseReview = "clause-review"
}

/// Why a workbook was not written (the blind panel), in both languages.
public struct WorkbookRefusal: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var messageZH: String
    public var description: String { message }
}

/// Builds `.xlsx` exports: every table (`table`), the decision workbooks (`decision`). Headers are
/// Chinese when `chinese`; numbers are numbers, money has two decimals, dates are dates; the header
/// row is frozen; columns fit their text.
public enum XlsxExport {
    /// A table as a one-sheet workbook. Cells keep the file's exact text (a weight `0.35`, money `99.50`)
    /// but are typed: counts and amounts are numbers, `sme`/`auto_renew` booleans, dates dates.
    /// A cell that does not parse as its type stays text, so nothing is lost.
    public static func table(_ kind: TableKind, from w: Workspace, chinese: Bool) -> Data {
        XlsxWriter.write([tableSheet(kind, from: w, chinese: chinese)])
    }

    public static func tableSheet(_ kind: TableKind, from w: Workspace, chinese: Bool) -> XlsxSheet {
        let t = Exporter.table(kind, from: w)
        let header = t.header.map { XlsxCell.header(chinese ? headerZH(kind, $0) : $0) }
        let rows = t.rows.map { row in zip(t.header, row).map { typed($1, column: $0) } }
        return XlsxSheet(name: chinese ? sheetZH(kind) : kind.rawValue, rows: [header] + rows)
    }

    /// A file cell as a typed workbook cell.
    static func typed(_ cell: String, column: String) -> XlsxCell {
        if cell.isEmpty { return .empty }
        switch ColumnType.of(column) {
        case .int, .number: return Exporter.isPlainNumber(cell) ? .decimal(cell) : .text(cell)
        case .money:
            if Exporter.isPlainNumber(cell), let m = Money(parsing: cell) { return .money(m) }
            return .text(cell)
        case .bool: return cell == "true" ? .bool(true) : cell == "false" ? .bool(false) : .text(cell)
        case .day: return Day(iso: cell).map { .day($0) } ?? .text(cell)
        case .text: return .text(cell)
        }
    }

    /// The Chinese header of a column: its first Chinese import synonym (so the file imports back), else its name.
    static func headerZH(_ kind: TableKind, _ column: String) -> String {
        kind.headerSynonyms[column]?.first { $0.unicodeScalars.contains { $0.value > 0x2E80 } } ?? column
    }

    static func sheetZH(_ kind: TableKind) -> String {
        switch kind {
        case .requirements: return "需求"
        case .departments: return "部门"
        case .vendors: return "供应商"
        case .criteria: return "评价准则"
        case .gates: return "必须项应答"
        case .scores: return "评分"
        case .prices: return "报价明细"
        case .budget: return "预算"
        case .payments: return "付款节点"
        case .contracts: return "合同"
        case .reviews: return "条款审阅"
        case .changes: return "变更"
        case .risks: return "风险"
        case .tasks: return "实施任务"
        case .tests: return "验收测试"
        case .training: return "培训"
        case .trainingResults: return "培训成绩"
        case .tickets: return "工单"
        case .sla: return "服务水平"
        case .vendorReviews: return "供应商考核"
        case .handover: return "交接清单"
        case .availability: return "月度可用率"
        }
    }

    /// A decision workbook. The vendor matrix is refused while the panel is blind (`revealed` false).
    public static func decision(_ kind: DecisionKind, from w: Workspace, chinese: Bool) throws -> Data {
        let t = { (en: String, zh: String) in chinese ? zh : en }
        switch kind {
        case .matrix:
            guard w.settings.revealed else {
                throw WorkbookRefusal(
                    message:
                        "the panel is blind (workspace.json: \"revealed\": false): the vendor matrix shows the evaluators' scores and totals, so it is not written; the lead reveals first (R on the Vendors screen)",
                    messageZH: "评审组仍在盲评 (workspace.json: \"revealed\": false): 评分矩阵会显示各评委的分数和总分, 因此未导出; 请主持人先揭晓 (供应商页按 R)")
            }
            let e = try evaluate(w, priceOverride: tcoPrices(w))
            return XlsxWriter.write(matrixSheets(e, w, t))
        case .tco:
            let s = try Scenario(settings: w.settings)
            let tcos = try BudgetModel.tco(prices: w.prices, scenario: s, vendors: w.vendors.map(\.id))
            return XlsxWriter.write(tcoSheets(tcos, scenario: s, w, t))
        case .scenarios:
            return XlsxWriter.write(try scenarioSheets(w, t))
        case .clauseReview:
            return XlsxWriter.write(reviewSheets(w, t))
        }
    }

    // MARK: - Vendor matrix

    // Kept as one function: the vendor-matrix workbook's sheets in order, sharing the matrix and the name maps.
    static func matrixSheets(_ e: Evaluation, _ w: Workspace, _ t: (String, String) -> String) -> [XlsxSheet] {
        let p = e.problem
        let names = Dictionary(w.vendors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let criterionNames = Dictionary(w.criteria.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let n = p.criteria.count
        let first = XlsxReader.columnName(3)
        let last = XlsxReader.columnName(3 + max(n, 1) - 1)
        let totalColumn = XlsxReader.columnName(3 + n)
        let top = 3
        let bottom = top + max(p.alternatives.count, 1) - 1
        var rows: [[XlsxCell]] = []
        rows.append(
            [.header(t("Rank", "排名")), .header(t("Vendor", "编号")), .header(t("Name", "供应商"))]
                + p.criteria.map { .header(criterionNames[$0].map { "\($0)" } ?? $0) } + [.header(t("Total", "总分"))])
        let weightSum = p.weights.reduce(0, +)
        rows.append(
            [.empty, .empty, .text(t("Weight", "权重"))] + p.weights.map { .fraction($0) }
                + [n > 0 ? .formula("SUM(\(first)2:\(last)2)", cached: weightSum, style: .fraction) : .empty])
        let linear = p.aggregation == .weightedSum
        let rankOf = Dictionary(e.ranking.map { ($0.vendor, ($0.rank, $0.score)) }, uniquingKeysWith: { a, _ in a })
        for (i, v) in p.alternatives.enumerated() {
            let r = top + i
            let (rank, score) = rankOf[v] ?? (0, 0)
            // cn values are points out of 100 (shown as they are); wsm and topsis values are 0…1 (four decimals).
            let points = e.method == .cn
            let values = (0..<n).map { points ? XlsxCell.number(p.normalized[i * n + $0]) : .fraction(p.normalized[i * n + $0]) }
            let total: XlsxCell =
                linear && n > 0
                ? .formula(
                    "SUMPRODUCT($\(first)$2:$\(last)$2,\(first)\(r):\(last)\(r))", cached: score, style: points ? .general : .fraction)
                : .fraction(score)
            let rankCell: XlsxCell =
                linear
                ? .formula(
                    "RANK(\(totalColumn)\(r),$\(totalColumn)$\(top):$\(totalColumn)$\(bottom))", cached: Double(rank), style: .general)
                : .number(Double(rank))
            rows.append([rankCell, .text(v), .text(names[v] ?? v)] + values + [total])
        }
        rows.append([])
        let how: String
        switch e.method {
        case .wsm, .cn:
            how = t(
                "Method \(e.method.rawValue): each cell is the vendor's normalised value on the criterion\(e.method == .cn ? " (points per unit of weight, out of 100)" : " (\(e.normalization?.rawValue ?? "") normalisation)"); Total = SUMPRODUCT(weights, row) and Rank = RANK(Total), live formulas.",
                "方法 \(e.method.rawValue): 每格为该供应商在该准则上的归一化得分\(e.method == .cn ? " (每单位权重的得分, 满分 100)" : " (\(e.normalization?.rawValue ?? "") 归一化)"); 总分 = SUMPRODUCT(权重, 该行), 排名 = RANK(总分), 均为公式。"
            )
        case .topsis:
            how = t(
                "Method topsis (\(e.normalization?.rawValue ?? "vector") normalisation): Total is the closeness Bidbench computed (not a linear formula).",
                "方法 topsis (\(e.normalization?.rawValue ?? "vector") 归一化): 总分为 Bidbench 计算的贴近度 (不是线性公式)。")
        }
        rows.append([.text(how)])
        if !e.disqualified.isEmpty || !e.incomplete.isEmpty {
            rows.append([])
            rows.append([
                .header(t("Not ranked", "未排名")), .header(t("Vendor", "编号")), .header(t("Name", "供应商")), .header(t("Reason", "原因")),
            ])
            for x in e.disqualified {
                rows.append([.text(t("fails a must-have", "不满足必须项")), .text(x.vendor), .text(x.name), .text(t(x.reason, x.reasonZH))])
            }
            for x in e.incomplete {
                rows.append([.text(t("incomplete", "未完成")), .text(x.vendor), .text(x.name), .text(t(x.reason, x.reasonZH))])
            }
        }
        var widths = XlsxWriter.fittedWidths(Array(rows.prefix(2 + p.alternatives.count)), width: 4 + n)
        if widths.count > 3 { widths[0] = 8 }
        let matrix = XlsxSheet(name: t("Vendor matrix", "评分矩阵"), rows: rows, frozenRows: 2, widths: widths)

        // The panel: every evaluator's score and the panel value as a formula over them.
        let evaluators = w.evaluators
        let aggregate = e.aggregate.rawValue == "median" ? "MEDIAN" : "AVERAGE"
        var panel: [[XlsxCell]] = [
            [.header(t("Vendor", "供应商")), .header(t("Criterion", "准则"))] + evaluators.map { .header($0) }
                + [
                    .header(e.aggregate.rawValue == "median" ? t("Panel (median)", "评审组 (中位数)") : t("Panel (mean)", "评审组 (平均)")),
                    .header(t("Spread", "极差")),
                ]
        ]
        for c in e.cells {
            let r = panel.count + 1
            let scores = Dictionary(zip(c.evaluators, c.scores), uniquingKeysWith: { a, _ in a })
            let a = XlsxReader.columnName(2)
            let z = XlsxReader.columnName(2 + max(evaluators.count, 1) - 1)
            panel.append(
                [
                    .text(names[c.vendor].map { "\(c.vendor) \($0)" } ?? c.vendor),
                    .text(criterionNames[c.criterion].map { "\(c.criterion) \($0)" } ?? c.criterion),
                ]
                    + evaluators.map { scores[$0].map { XlsxCell.number($0) } ?? .empty }
                    + [
                        .formula("\(aggregate)(\(a)\(r):\(z)\(r))", cached: c.value, style: .general),
                        .formula("MAX(\(a)\(r):\(z)\(r))-MIN(\(a)\(r):\(z)\(r))", cached: c.spread, style: .general),
                    ])
        }
        return [matrix, XlsxSheet(name: t("Panel scores", "评委评分"), rows: panel)]
    }

    // MARK: - Cost of ownership

    static func tcoSheets(_ tcos: [VendorTCO], scenario s: Scenario, _ w: Workspace, _ t: (String, String) -> String) -> [XlsxSheet] {
        let names = Dictionary(w.vendors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let years = (0..<s.years).map { w.settings.firstYear + $0 }
        let rate = s.discountRate.decimalText ?? "\(s.discountRate.approximateValue)"
        let y0 = XlsxReader.columnName(2)
        let y1 = XlsxReader.columnName(2 + s.years - 1)
        let second = XlsxReader.columnName(3)
        var rows: [[XlsxCell]] = [
            [.header(t("Vendor", "编号")), .header(t("Name", "供应商"))] + years.map { .header("FY\($0)") }
                + [.header(t("Total", "合计")), .header(t("NPV at \(rate)", "净现值 (折现率 \(rate))"))]
        ]
        for v in tcos {
            let r = rows.count + 1
            let npv = s.years > 1 ? "ROUND(\(y0)\(r)+NPV(\(rate),\(second)\(r):\(y1)\(r)),2)" : "ROUND(\(y0)\(r),2)"
            rows.append(
                [.text(v.vendor), .text(names[v.vendor] ?? v.vendor)] + v.perYear.map { .money($0) }
                    + [
                        .formula("SUM(\(y0)\(r):\(y1)\(r))", cached: v.total.approximateUnits, style: .money),
                        .formula(npv, cached: v.npv.approximateUnits, style: .money),
                    ])
        }
        var lines: [[XlsxCell]] = [
            [.header(t("Vendor", "编号")), .header(t("Item", "项目")), .header(t("Category", "类别")), .header(t("Model", "计价方式"))]
                + years.map { .header("FY\($0)") } + [.header(t("Total", "合计"))]
        ]
        let l0 = XlsxReader.columnName(4)
        let l1 = XlsxReader.columnName(4 + s.years - 1)
        for v in tcos {
            for l in v.lines {
                let r = lines.count + 1
                lines.append(
                    [.text(v.vendor), .text(l.item), .text(l.category.rawValue), .text(l.model.rawValue)] + l.perYear.map { .money($0) }
                        + [.formula("SUM(\(l0)\(r):\(l1)\(r))", cached: l.total.approximateUnits, style: .money)])
            }
        }
        var categories: [[XlsxCell]] = [
            [.header(t("Vendor", "编号"))] + CostCategory.allCases.map { .header($0.rawValue) } + [.header(t("Total", "合计"))]
        ]
        let c0 = XlsxReader.columnName(1)
        let c1 = XlsxReader.columnName(CostCategory.allCases.count)
        for v in tcos {
            let r = categories.count + 1
            categories.append(
                [.text(v.vendor)] + CostCategory.allCases.map { .money(v.byCategory[$0] ?? .zero) }
                    + [.formula("SUM(\(c0)\(r):\(c1)\(r))", cached: v.total.approximateUnits, style: .money)])
        }
        return [
            XlsxSheet(name: t("Cost per year", "分年成本"), rows: rows),
            XlsxSheet(name: t("Price lines", "报价明细"), rows: lines),
            XlsxSheet(name: t("By category", "按类别"), rows: categories),
        ]
    }

    // MARK: - Scenarios

    static func scenarioSheets(_ w: Workspace, _ t: (String, String) -> String) throws -> [XlsxSheet] {
        let base = try Scenario(settings: w.settings, name: t(Scenario.baseName, Scenario.baseNameZH))
        var scenarios = [base]
        for n in w.scenarios {
            scenarios.append(
                try base.overriding(
                    name: n.name, years: n.years, users: n.users, growth: n.growth, escalation: n.escalation, discountRate: n.discountRate))
        }
        func rate(_ r: ExactRatio) -> XlsxCell { r.decimalText.map { .decimal($0) } ?? .fraction(r.approximateValue) }
        var params: [[XlsxCell]] = [
            [
                .header(t("Scenario", "情景")), .header(t("Years", "年限")), .header(t("Users", "用户数")), .header(t("Growth", "用户增长率")),
                .header(t("Escalation", "涨价率")), .header(t("Discount rate", "折现率")),
            ]
        ]
        for s in scenarios {
            params.append([
                .text(s.name), .number(Double(s.years)), .number(Double(s.users)), rate(s.growth), rate(s.escalation), rate(s.discountRate),
            ])
        }
        let names = Dictionary(w.vendors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var header: [XlsxCell] = [.header(t("Vendor", "编号")), .header(t("Name", "供应商"))]
        var byScenario: [[String: VendorTCO]] = []
        for s in scenarios {
            header += [.header(t("\(s.name) total", "\(s.name) 合计")), .header(t("\(s.name) NPV", "\(s.name) 净现值"))]
            let tcos = try BudgetModel.tco(prices: w.prices, scenario: s, vendors: w.vendors.map(\.id))
            byScenario.append(Dictionary(tcos.map { ($0.vendor, $0) }, uniquingKeysWith: { a, _ in a }))
        }
        var rows = [header]
        let vendors = w.vendors.map(\.id).filter { id in byScenario.contains { $0[id] != nil } }
        for v in vendors {
            var row: [XlsxCell] = [.text(v), .text(names[v] ?? v)]
            for m in byScenario {
                row += [m[v].map { .money($0.total) } ?? .empty, m[v].map { .money($0.npv) } ?? .empty]
            }
            rows.append(row)
        }
        return [XlsxSheet(name: t("Comparison", "情景对比"), rows: rows), XlsxSheet(name: t("Scenarios", "情景参数"), rows: params)]
    }

    // MARK: - Clause review

    static func statusLabel(_ s: ReviewStatus, _ t: (String, String) -> String) -> String {
        switch s {
        case .ok: return t("ok", "通过")
        case .negotiate: return t("negotiate", "需谈判")
        case .missing: return t("missing", "缺失")
        case .na: return t("n/a", "不适用")
        }
    }

    static func reviewSheets(_ w: Workspace, _ t: (String, String) -> String) -> [XlsxSheet] {
        let contracts = Dictionary(w.contracts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let vendorNames = Dictionary(w.vendors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let reviewName = t("Clause review", "条款审阅")
        var rows: [[XlsxCell]] = [
            [
                .header(t("Contract", "合同")), .header(t("Title", "合同名称")), .header(t("Vendor", "供应商")), .header(t("Clause", "条款")),
                .header(t("Status", "状态")), .header(t("Line", "行号")), .header(t("Note", "备注")),
            ]
        ]
        for r in w.reviews {
            let c = contracts[r.contract]
            rows.append([
                .text(r.contract), c.map { .text($0.title) } ?? .empty, c.map { .text(vendorNames[$0.vendor] ?? $0.vendor) } ?? .empty,
                .text(r.clause.rawValue), .text(statusLabel(r.status, t)), r.line.map { .number(Double($0)) } ?? .empty,
                r.note.isEmpty ? .empty : .text(r.note),
            ])
        }
        let statuses = ReviewStatus.allCases
        var summary: [[XlsxCell]] = [
            [.header(t("Contract", "合同")), .header(t("Title", "合同名称"))] + statuses.map { .header(statusLabel($0, t)) }
        ]
        let ids = w.contracts.map(\.id).filter { id in w.reviews.contains { $0.contract == id } }
        let quotedSheet = "'" + reviewName + "'"
        for id in ids {
            let r = summary.count + 1
            summary.append(
                [.text(id), .text(contracts[id]?.title ?? "")]
                    + statuses.enumerated().map { k, s in
                        let n = w.reviews.filter { $0.contract == id && $0.status == s }.count
                        let label = XlsxReader.columnName(2 + k)
                        return .formula(
                            "COUNTIFS(\(quotedSheet)!$A:$A,$A\(r),\(quotedSheet)!$E:$E,\(label)$1)", cached: Double(n), style: .general)
                    })
        }
        return [XlsxSheet(name: reviewName, rows: rows), XlsxSheet(name: t("Summary", "汇总"), rows: summary)]
    }
}
