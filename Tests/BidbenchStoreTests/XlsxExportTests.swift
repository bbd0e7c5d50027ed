import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// Tests that read a workbook with openpyxl run only where python3 can import it, skipped with the
/// reason printed elsewhere, and always under CI's `BIDBENCH_REQUIRE_TOOLS=1` (which installs both),
/// where a missing reader fails them: this target's copy of EndToEndTests' `requiresPython`.
extension Trait where Self == ConditionTrait {
    static var requiresOpenpyxl: Self {
        .enabled(
            if: ProcessInfo.processInfo.environment["BIDBENCH_REQUIRE_TOOLS"] == "1" || OpenpyxlView.installed,
            Comment(rawValue: "skipped: needs python3 with openpyxl (pip install openpyxl)"))
    }
}

/// What openpyxl (read_workbook.py) sees in a workbook.
struct OpenpyxlView {
    var json: [String: Any]

    /// Whether `python3 -c "import openpyxl"` works here.
    static let installed: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import openpyxl"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    /// Reads `data` with openpyxl (tests with `.requiresOpenpyxl`): a reader that fails is an error.
    static func read(_ data: Data, file: String = #filePath) throws -> OpenpyxlView {
        let script = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx/read_workbook.py").path
        let dir = TempDir()
        let book = dir.url("book.xlsx")
        try data.write(to: URL(fileURLWithPath: book))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script, book]
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let bytes = out.fileHandleForReading.readDataToEndOfFile()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw OpenpyxlFailure(message: "openpyxl could not read the workbook: \(errText)") }
        return OpenpyxlView(json: try JSONSerialization.jsonObject(with: bytes) as! [String: Any])
    }

    struct OpenpyxlFailure: Error { var message: String }

    var sheets: [String] { json["sheets"] as? [String] ?? [] }
    func cell(_ sheet: String, _ ref: String) -> [String: Any]? {
        ((json["cells"] as? [String: Any])?[sheet] as? [String: Any])?[ref] as? [String: Any]
    }
    func value(_ sheet: String, _ ref: String) -> Any? { cell(sheet, ref)?["v"] }
    /// Floats come as Python's repr (exact); integers as JSON numbers.
    func double(_ sheet: String, _ ref: String) -> Double? {
        if (cell(sheet, ref)?["t"] as? String) == "float", let s = value(sheet, ref) as? String { return Double(s) }
        if (cell(sheet, ref)?["t"] as? String) == "bool" { return nil }
        return (value(sheet, ref) as? NSNumber)?.doubleValue
    }
    func text(_ sheet: String, _ ref: String) -> String? {
        ["str", "datetime", "date"].contains(cell(sheet, ref)?["t"] as? String ?? "") ? value(sheet, ref) as? String : nil
    }
    func formula(_ sheet: String, _ ref: String) -> String? { cell(sheet, ref)?["f"] as? String }
    func format(_ sheet: String, _ ref: String) -> String? { cell(sheet, ref)?["fmt"] as? String }
    func freeze(_ sheet: String) -> String? { (json["freeze"] as? [String: Any])?[sheet] as? String }
    func state(_ sheet: String) -> String? { (json["state"] as? [String: Any])?[sheet] as? String }
    func validations(_ sheet: String) -> [[String]] {
        ((json["validations"] as? [String: Any])?[sheet] as? [[Any]] ?? []).map { $0.map { "\($0)" } }
    }
    func width(_ sheet: String, _ column: String) -> Double? {
        (((json["widths"] as? [String: Any])?[sheet] as? [String: Any])?[column] as? NSNumber)?.doubleValue
    }
}

@Suite struct XlsxExportTests {
    @Test func everyTableRoundTripsThroughAWorkbookInBothLanguages() throws {
        let base = try Loaded()
        for chinese in [false, true] {
            for kind in TableKind.allCases {
                let data = XlsxExport.table(kind, from: base.workspace, chinese: chinese)
                let r = Importer.importTable(
                    kind: kind, fileBytes: Array(data), fileName: "\(kind).xlsx", into: base.workspace, replace: true)
                #expect(problems(r) == [], "\(kind) chinese=\(chinese)")
                guard case .success(let outcome) = r else { continue }
                #expect(
                    Exporter.csv(kind, from: outcome.workspace) == Exporter.csv(kind, from: base.workspace), "\(kind) chinese=\(chinese)")
                #expect(outcome.workspace == base.workspace, "\(kind) chinese=\(chinese)")
            }
        }
    }

    @Test(.requiresOpenpyxl) func aTableWorkbookAsOpenpyxlSeesIt() throws {
        let base = try Loaded()
        let data = XlsxExport.table(.contracts, from: base.workspace, chinese: true)
        let v = try OpenpyxlView.read(data)
        #expect(v.sheets == ["合同"])
        #expect(v.freeze("合同") == "A2")
        // Chinese headers, typed values: dates are dates, money a number with two decimals, booleans booleans.
        #expect(
            (1...13).map { v.text("合同", XlsxReader.columnName($0 - 1) + "1") ?? "" } == [
                "编号", "供应商", "标题", "文件", "签订日期", "生效日期", "期限", "自动续约", "续约月数", "通知天数", "金额", "质保期", "状态",
            ])
        #expect(v.text("合同", "E2") == "2026-12-20")
        #expect(v.format("合同", "E2") == "yyyy\\-mm\\-dd")
        #expect(v.value("合同", "H2") as? Bool == true)
        #expect(v.double("合同", "K2") == 1_286_000)
        #expect(v.format("合同", "K2") == "#,##0.00")
        #expect(v.double("合同", "G2") == 36)
        // "ERP 实施合同" is 4 + 4×2 = 12 columns wide, plus 2.
        #expect(v.width("合同", "C") == 14)
    }

    @Test(.requiresOpenpyxl) func theVendorMatrixHasLiveFormulasThatAgreeWithBidbench() throws {
        let base = try Loaded()
        let w = base.workspace
        let e = try evaluate(w, priceOverride: tcoPrices(w))
        let data = try XlsxExport.decision(.matrix, from: w, chinese: true)
        let v = try OpenpyxlView.read(data)
        #expect(v.sheets == ["评分矩阵", "评委评分"])
        #expect(v.freeze("评分矩阵") == "A3")
        #expect(e.problem.criteria == ["C1", "C2"])
        #expect([v.text("评分矩阵", "A1"), v.text("评分矩阵", "D1"), v.text("评分矩阵", "E1"), v.text("评分矩阵", "F1")] == ["排名", "功能", "价格", "总分"])
        #expect(v.double("评分矩阵", "D2") == e.problem.weights[0])
        #expect(v.formula("评分矩阵", "F2") == "=SUM(D2:E2)")
        for (i, vendor) in e.problem.alternatives.enumerated() {
            let r = 3 + i
            #expect(v.text("评分矩阵", "B\(r)") == vendor)
            #expect(v.formula("评分矩阵", "F\(r)") == "=SUMPRODUCT($D$2:$E$2,D\(r):E\(r))")
            #expect(v.formula("评分矩阵", "A\(r)") == "=RANK(F\(r),$F$3:$F$4)")
            let ranked = try #require(e.ranking.first { $0.vendor == vendor })
            #expect(v.double("评分矩阵", "F\(r)") == ranked.score)
            #expect(v.double("评分矩阵", "A\(r)") == Double(ranked.rank))
            // What Excel computes from the cells is what Bidbench computed.
            let recomputed = try (0..<2).map { c in
                try #require(v.double("评分矩阵", "D2").map { _ in v.double("评分矩阵", XlsxReader.columnName(3 + c) + "2")! })
                    * #require(v.double("评分矩阵", XlsxReader.columnName(3 + c) + "\(r)"))
            }.reduce(0, +)
            #expect(abs(recomputed - ranked.score) < 1e-12)
        }
        // The panel: 张伟's scores and the mean as a formula.
        #expect(v.text("评委评分", "C1") == "张伟")
        #expect(v.formula("评委评分", "D2") == "=AVERAGE(C2:C2)")
        #expect(v.double("评委评分", "C2") == 8.5)
        #expect(v.double("评委评分", "D2") == 8.5)
    }

    @Test func theBlindPanelRefusesTheMatrix() throws {
        var w = try Loaded().workspace
        w.settings.revealed = false
        #expect(throws: WorkbookRefusal.self) { try XlsxExport.decision(.matrix, from: w, chinese: false) }
        do { _ = try XlsxExport.decision(.matrix, from: w, chinese: false) } catch let r as WorkbookRefusal {
            #expect(r.message.hasPrefix("the panel is blind (workspace.json: \"revealed\": false)"))
        }
    }

    @Test(.requiresOpenpyxl) func costPerVendorAndYearTotalsToTheFen() throws {
        let w = try Loaded().workspace
        let s = try Scenario(settings: w.settings)
        let tcos = try BudgetModel.tco(prices: w.prices, scenario: s, vendors: w.vendors.map(\.id))
        let data = try XlsxExport.decision(.tco, from: w, chinese: false)
        let v = try OpenpyxlView.read(data)
        #expect(v.sheets == ["Cost per year", "Price lines", "By category"])
        #expect(v.text("Cost per year", "C1") == "FY2027")
        #expect(v.text("Cost per year", "H1") == "Total")
        #expect(v.text("Cost per year", "I1") == "NPV at 0.08")
        for (i, t) in tcos.enumerated() {
            let r = i + 2
            #expect(v.formula("Cost per year", "H\(r)") == "=SUM(C\(r):G\(r))")
            #expect(v.formula("Cost per year", "I\(r)") == "=ROUND(C\(r)+NPV(0.08,D\(r):G\(r)),2)")
            let years = (0..<5).map { v.double("Cost per year", XlsxReader.columnName(2 + $0) + "\(r)") ?? .nan }
            #expect(years.map { Int64(($0 * 100).rounded()) } == t.perYear.map(\.minor))
            // Excel's SUM and NPV over the cells, to the fen.
            #expect(Int64((years.reduce(0, +) * 100).rounded()) == t.total.minor)
            let npv = years[0] + years.dropFirst().enumerated().map { k, c in c / pow(1.08, Double(k + 1)) }.reduce(0, +)
            #expect(Int64((npv * 100).rounded()) == t.npv.minor)
            #expect(v.double("Cost per year", "H\(r)") == t.total.approximateUnits)
            #expect(v.format("Cost per year", "C\(r)") == "#,##0.00")
        }
    }

    @Test func scenariosAndClauseReviewWorkbooks() throws {
        let w = try Loaded().workspace
        let s = try XlsxReader(data: try XlsxExport.decision(.scenarios, from: w, chinese: true))
        #expect(s.sheetNames == ["情景对比", "情景参数"])
        var sr = s
        let params = try sr.sheet(named: "情景参数")
        #expect(
            params.rows.map(\.cells) == [
                ["情景", "年限", "用户数", "用户增长率", "涨价率", "折现率"],
                // The base scenario is named as on the budget screen (it was "default" here only).
                ["基准", "5", "120", "0.1", "0.03", "0.08"],
                ["保守", "5", "120", "0.05", "0.1", "0.08"],
                ["扩张", "5", "150", "0.1", "0.03", "0.08"],
            ])
        let base = try Scenario(settings: w.settings)
        let wide = try base.overriding(name: "扩张", users: "150")
        let t0 = try BudgetModel.tco(prices: w.prices, scenario: base, vendors: w.vendors.map(\.id))
        let t2 = try BudgetModel.tco(prices: w.prices, scenario: wide, vendors: w.vendors.map(\.id))
        let cmp = try sr.sheet(named: "情景对比")
        #expect(cmp.rows[0].cells == ["编号", "供应商", "基准 合计", "基准 净现值", "保守 合计", "保守 净现值", "扩张 合计", "扩张 净现值"])
        #expect(cmp.rows[2].cells[0] == "V2")
        #expect(cmp.rows[2].cells[2] == t0[1].total.description)
        #expect(cmp.rows[2].cells[6] == t2[1].total.description)

        var rv = try XlsxReader(data: try XlsxExport.decision(.clauseReview, from: w, chinese: true))
        let review = try rv.sheet(named: "条款审阅")
        #expect(
            review.rows.map(\.cells) == [
                ["合同", "合同名称", "供应商", "条款", "状态", "行号", "备注"],
                ["K1", "ERP 实施合同", "甲软件", "payment", "通过", "12"],
                ["K1", "ERP 实施合同", "甲软件", "renewal", "需谈判", "41", "自动续约"],
            ])
        let summary = try rv.sheet(named: "汇总")
        #expect(summary.rows.map(\.cells) == [["合同", "合同名称", "通过", "需谈判", "缺失", "不适用"], ["K1", "ERP 实施合同", "1", "1", "0", "0"]])
        #expect(summary.formulas == ["C2", "D2", "E2", "F2"])
    }

    @Test func writtenPartsAreWhatExcelNeeds() throws {
        let data = XlsxWriter.write([
            XlsxSheet(
                name: "a/b:c", rows: [[.header("x & <y>")], [.text("\u{1}ctl _x0041_")]],
                validations: [XlsxValidation(range: "A2:A9", values: ["甲", "乙"], error: "pick")])
        ])
        #expect(
            XlsxWriter.write([XlsxSheet(name: "a/b:c", rows: [[.header("x")]])])
                == XlsxWriter.write([XlsxSheet(name: "a/b:c", rows: [[.header("x")]])]))
        var r = try XlsxReader(data: data)
        #expect(r.sheetNames == ["a_b_c", "lists"])
        let g = try r.sheet()
        #expect(g.rows.map(\.cells) == [["x & <y>"], ["\u{1}ctl _x0041_"]])
        let lists = try r.sheet(named: "lists")
        #expect(lists.rows.map(\.cells) == [["甲"], ["乙"]])
    }

    @Test(.requiresOpenpyxl) func theListsSheetIsHiddenAndFeedsTheDropDownAsOpenpyxlSeesIt() throws {
        let data = XlsxWriter.write([
            XlsxSheet(
                name: "a/b:c", rows: [[.header("x & <y>")], [.text("\u{1}ctl _x0041_")]],
                validations: [XlsxValidation(range: "A2:A9", values: ["甲", "乙"], error: "pick")])
        ])
        let v = try OpenpyxlView.read(data)
        #expect(v.state("lists") == "hidden")
        #expect(v.validations("a_b_c") == [["A2:A9", "lists!$A$1:$A$2", "list"]])
    }
}

@Suite struct SurveyWorkbookTests {
    static let today = Day(year: 2026, month: 12, day: 5)

    @Test func theTemplateHasInstructionsQuestionsAndTheDepartmentsNeeds() throws {
        let w = try Loaded().workspace
        var r = try XlsxReader(data: SurveyWorkbook.template(w, department: "生产部", chinese: true, today: Self.today))
        #expect(r.sheetNames == ["说明", "需求"])
        let info = try r.sheet(named: "说明")
        #expect(info.rows[0].cells == ["生产部需求调研表"])
        #expect(info.rows[1].cells == ["部门", "生产部", "D1"])
        #expect(info.rows[3].cells == ["发出日期", "2026-12-05"])
        #expect(info.rows.suffix(3).map(\.cells) == [["1", "需要什么功能?"], ["2", "现在最大的问题是什么?"], ["3", "怎样验收?"]])
        let needs = try r.sheet(named: "需求")
        #expect(
            needs.rows.map(\.cells) == [
                ["编号", "需要什么功能?", "现在最大的问题是什么?", "怎样验收?"],
                ["R1", "工单追溯", "扫码报工\n支持 \"批次\" 追溯", "100% 可追溯"],
                ["R10", "看板"],
            ])
    }

    @Test func theDefaultQuestionnaireHasDropDownsForPriorityAndModule() throws {
        var w = try Loaded().workspace
        w.survey = []
        let data = SurveyWorkbook.template(w, department: "D2", chinese: true, today: Self.today)
        var r = try XlsxReader(data: data)
        #expect(r.sheetNames == ["说明", "需求", "lists"])
        let needs = try r.sheet(named: "需求")
        #expect(needs.rows[0].cells[5] == "优先级: 必须 / 应该 / 可以 / 暂不")
        #expect(needs.rows[1].cells == ["R2", "", "多币种", "FI", "", "应该"])
    }

    @Test(.requiresOpenpyxl) func theDefaultQuestionnairesDropDownsAsOpenpyxlSeesThem() throws {
        var w = try Loaded().workspace
        w.survey = []
        let data = SurveyWorkbook.template(w, department: "D2", chinese: true, today: Self.today)
        let v = try OpenpyxlView.read(data)
        #expect(v.validations("需求") == [["F2:F300", "lists!$A$1:$A$4", "list"], ["D2:D300", "lists!$B$1:$B$2", "list"]])
        #expect(v.state("lists") == "hidden")
        #expect(v.text("lists", "A1") == "必须")
        #expect(v.text("lists", "B2") == "MES")
    }

    /// A returned workbook, as a department's spreadsheet saves it (rows after the header replaced).
    static func returned(_ template: Data, rows: [[String]]) throws -> [UInt8] {
        var r = try XlsxReader(data: template)
        let info = try r.sheet(named: "说明")
        let needs = try r.sheet(named: "需求")
        let sheets = [
            XlsxSheet(name: "说明", rows: info.rows.map { $0.cells.map { XlsxCell.text($0) } }),
            XlsxSheet(
                name: "需求", rows: [needs.rows[0].cells.map { XlsxCell.text($0) }] + rows.map { $0.map { $0.isEmpty ? .empty : .text($0) } }),
        ]
        return Array(XlsxWriter.write(sheets))
    }

    /// An approved requirement whose answers changed goes back to draft, and the report says so.
    @Test func anUpdateSaysTheApprovedRequirementGoesBackToDraft() throws {
        var w = try Loaded().workspace
        let k = try #require(w.requirements.firstIndex { $0.id == "R10" })
        w.requirements[k].status = .confirmed
        let production = try Self.returned(
            SurveyWorkbook.template(w, department: "生产部", chinese: true, today: Self.today),
            rows: [["R10", "车间看板", "", ""]])
        let outcome = try SurveyWorkbook.importFiles([("生产部需求调研.xlsx", production)], into: w, today: Self.today).get()
        #expect(outcome.report.contains("  updated R10: title 看板 → 车间看板; status confirmed → draft"))
        #expect(outcome.workspace.requirements[k].status == .draft)
    }

    /// A priority that is none of the four, and a formula without a saved value, are refused with
    /// their cells (read as `should` and as empty they changed the ranking and lost an answer).
    @Test func anUnknownPriorityAndAFormulaWithoutValueAreRefusedByCell() throws {
        var w = try Loaded().workspace
        w.survey = []  // the standard questions, priority among them
        let template = SurveyWorkbook.template(w, department: "生产部", chinese: true, today: Self.today)
        var headerReader = try XlsxReader(data: template)
        let header = try headerReader.sheet(named: "需求").rows[0].cells
        let priority = try #require(header.firstIndex { $0.hasPrefix("优先级") })
        let acceptance = try #require(header.firstIndex { $0.hasPrefix("怎样验收") })
        var row = [String](repeating: "", count: header.count)
        row[try #require(header.firstIndex { $0.hasPrefix("需要什么功能") })] = "设备点检"
        row[priority] = "很急"
        let bad = try Self.returned(template, rows: [row])
        let r = SurveyWorkbook.importFiles([("生产部需求调研.xlsx", bad)], into: w, today: Self.today)
        guard case .failure(let failure) = r else {
            Issue.record("an unknown priority was taken")
            return
        }
        let column = XlsxReader.columnName(priority)
        #expect(
            failure.problems.map { $0.description } == [
                "生产部需求调研.xlsx:需求!\(column)2: priority: \"很急\" is not must, should, could or won't (必须, 应该, 可以, 暂不)"
            ])
        // The acceptance answer as a formula whose value was never saved (a workbook made by a script).
        row[priority] = "必须"
        var reader = try XlsxReader(data: template)
        let info = try reader.sheet(named: "说明")
        var cells = row.map { $0.isEmpty ? XlsxCell.empty : .text($0) }
        cells[acceptance] = XlsxCell.formula("\"与报表一致\"", cached: 0, style: XlsxCell.NumberStyle.general)
        let sheets = [
            XlsxSheet(name: "说明", rows: info.rows.map { $0.cells.map { XlsxCell.text($0) } }),
            XlsxSheet(name: "需求", rows: [header.map { XlsxCell.text($0) }, cells]),
        ]
        var book = Array(XlsxWriter.write(sheets))
        var parts: [(String, Data)] = []
        for e in try #require(ZipFile.entries(book)) {
            // The saved value taken away: as a script that writes formulas leaves them.
            let xml = String(decoding: try ZipFile.read(e, in: book), as: UTF8.self).replacingOccurrences(of: "</f><v>0</v>", with: "</f>")
            parts.append((e.name, Data(xml.utf8)))
        }
        book = Array(ZipFile.write(parts))
        let r2 = SurveyWorkbook.importFiles([("生产部需求调研.xlsx", book)], into: w, today: Self.today)
        guard case .failure(let failure2) = r2 else {
            Issue.record("a formula without value was read as empty")
            return
        }
        #expect(
            failure2.problems.map { $0.description } == [
                "生产部需求调研.xlsx:需求!\(XlsxReader.columnName(acceptance))2: acceptance: is a formula without a saved value; open the workbook in Excel or WPS, let it calculate, and save it"
            ])
    }

    @Test func returnedWorkbooksUpdateAndCreateDraftsAllAtOnce() throws {
        let w = try Loaded().workspace
        let production = try Self.returned(
            SurveyWorkbook.template(w, department: "生产部", chinese: true, today: Self.today),
            rows: [
                ["R1", "工单追溯", "扫码报工\n支持 \"批次\" 追溯", "100% 可追溯"],
                ["R10", "车间看板", "", "大屏每 5 分钟刷新"],
                ["", "设备点检", "纸质点检表易丢", "点检记录可查"],
            ])
        let purchasing = try Self.returned(
            SurveyWorkbook.template(w, department: "采购部", chinese: true, today: Self.today), rows: [["", "供应商门户"]])
        let outcome = try SurveyWorkbook.importFiles(
            [("in/生产部需求调研.xlsx", production), ("in/采购部需求调研.xlsx", purchasing)], into: w, today: Self.today
        ).get()
        #expect(
            outcome.report == [
                "生产部需求调研.xlsx (生产部): 1 new, 1 updated, 1 unchanged",
                "  new R11 设备点检",
                "  updated R10: title 看板 → 车间看板; acceptance — → 大屏每 5 分钟刷新",
                "采购部需求调研.xlsx (采购部): 1 new, 0 updated, 0 unchanged",
                "  new R12 供应商门户",
                "created 采购部 (D3)",
            ])
        let ws = outcome.workspace
        #expect(ws.requirements.first { $0.id == "R1" } == w.requirements.first { $0.id == "R1" })
        let r10 = try #require(ws.requirements.first { $0.id == "R10" })
        #expect(r10.status == .draft)
        #expect(r10.source == "生产部 2026-12-05 调研 (生产部需求调研.xlsx)")
        #expect(r10.module == "MES")
        #expect(r10.priority == .could)
        let r11 = try #require(ws.requirements.first { $0.id == "R11" })
        #expect(r11.department == "D1")
        #expect(r11.detail == "现状问题: 纸质点检表易丢")
        #expect(r11.acceptance == "点检记录可查")
        #expect(r11.status == .draft)
        let r12 = try #require(ws.requirements.first { $0.id == "R12" })
        #expect(r12.department == "D3")
        #expect(ws.departments.last == Department(id: "D3", name: "采购部"))
    }

    @Test func aBadReturnedWorkbookRefusesThemAll() throws {
        let w = try Loaded().workspace
        let good = try Self.returned(SurveyWorkbook.template(w, department: "生产部", chinese: true, today: Self.today), rows: [["", "设备点检"]])
        let bad = try Self.returned(SurveyWorkbook.template(w, department: "财务部", chinese: true, today: Self.today), rows: [["R1", "改标题"]])
        let r = SurveyWorkbook.importFiles([("a.xlsx", good), ("b.xlsx", bad), ("c.xlsx", Array("x".utf8))], into: w, today: Self.today)
        guard case .failure(let f) = r else {
            Issue.record("imported")
            return
        }
        #expect(
            f.problems.map(\.description) == [
                "b.xlsx:需求!A2: id: R1 is not a requirement of 财务部 (D2); leave the ID empty for a new need",
                "c.xlsx:0: is not an .xlsx workbook (not a zip archive); save it from Excel or WPS as \"Excel Workbook (*.xlsx)\", or import a CSV",
            ])
        let strict = SurveyWorkbook.importFiles(
            [
                (
                    "p.xlsx",
                    try Self.returned(SurveyWorkbook.template(w, department: "采购部", chinese: true, today: Self.today), rows: [["", "门户"]])
                )
            ],
            into: w, today: Self.today, strict: true)
        #expect(
            problems(strict.map { _ in ImportOutcome(workspace: w, summary: "", count: 0) }) == [
                "p.xlsx:说明!B2: department: \"采购部\" is not a department id or name in departments.csv (without --strict it is created)"
            ])
    }
}
