import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// Workbooks under Fixtures/xlsx, made by make_fixtures.py with openpyxl and hand-written XML.
enum XlsxFixture {
    static func path(_ name: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx/\(name)").path
    }
    static func bytes(_ name: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path(name)) ?? Data()) }
}

func importedBook(
    _ kind: TableKind, _ name: String, into w: Workspace, sheet: String? = nil, strict: Bool = false, replace: Bool = false
) -> Result<ImportOutcome, ImportFailure> {
    Importer.importTable(
        kind: kind, fileBytes: XlsxFixture.bytes(name), fileName: name, into: w, replace: replace, sheet: sheet, strict: strict)
}

@Suite struct XlsxImportTests {
    @Test func openpyxlNeedsSheetWithMergedTitleCreatesTheMissingDepartment() throws {
        let base = try Loaded()
        let outcome = try importedBook(.requirements, "requirements-openpyxl.xlsx", into: base.workspace, sheet: "需求").get()
        #expect(outcome.summary == "imported 3 requirements (R11–R13); created department 采购部 (D3)")
        #expect(outcome.createdDepartments == [Department(id: "D3", name: "采购部")])
        let w = outcome.workspace
        #expect(w.departments.map(\.id) == ["D1", "D2", "D3"])
        let new = w.requirements.filter { ["R11", "R12", "R13"].contains($0.id) }
        #expect(new.map(\.department) == ["D2", "D1", "D3"])
        #expect(new.map(\.module) == ["FI", "MES", "SRM"])
        #expect(new.map(\.title) == ["多币种凭证", "扫码报工", "供应商门户"])
        #expect(new.map(\.priority) == [.must, .should, .could])
        #expect(new.map(\.weight) == [5, 2.5, 1])
        #expect(new.map(\.acceptance) == ["差异为 0", "", "供应商可在线确认订单"])
    }

    /// A finance pass: a scorecard typed as 90 %, 80 %, 95 %, 85.5 % (cells 0.9 … formatted `0%`)
    /// was stored as 0.9 % and scored 15.7 instead of 85.8. A percentage cell is read as what it shows;
    /// the score is 0.25 × 90 + 0.20 × 80 + 0.25 × 95 + 0.10 × 85.5 + 0.20 × (4 − 1) / 4 × 100 = 85.8.
    @Test func percentCellsAreReadAsThePercentagesTheyShow() throws {
        let base = try Loaded()
        let outcome = try importedBook(.vendorReviews, "reviews-percent.xlsx", into: base.workspace).get()
        let r = try #require(outcome.workspace.delivery.vendorReviews.last)
        #expect([r.onTimePct, r.acceptanceFirstPassPct, r.slaPct, r.trainingPassPct] == [90, 80, 95, 85.5])
        #expect(abs(VendorScorecard.score(r) - 85.8) < 1e-9)
        #expect(XlsxReader.percentText("0.9") == "90%" && XlsxReader.percentText("0.0575") == "5.75%")
        // The same written `90%` in a CSV (refused as "not a number" before); a pass target kept as a
        // fraction of 1 reads `90%` as 0.9.
        let csv =
            "vendor,period,on_time_pct,acceptance_first_pass_pct,sla_pct,training_pass_pct,satisfaction\nV1,2027-Q2,90%,80 %,95,85.5%,4\n"
        let again = try Importer.importTable(
            kind: .vendorReviews, fileBytes: Array(csv.utf8), fileName: "r.csv", into: base.workspace, replace: false, sheet: nil,
            strict: false
        ).get()
        #expect(
            again.workspace.delivery.vendorReviews.last.map { [$0.onTimePct, $0.acceptanceFirstPassPct, $0.trainingPassPct] } == [
                90, 80, 85.5,
            ])
        let training =
            "contract,id,level,module,date,mode,trainer,planned,present,pass_target\nK1,TR9,key_user,FI,2027-03-01,onsite,王工,10,9,90%\n"
        let trained = try Importer.importTable(
            kind: .training, fileBytes: Array(training.utf8), fileName: "t.csv", into: base.workspace, replace: false, sheet: nil,
            strict: false
        ).get()
        #expect(trained.workspace.delivery.training.last?.passTarget == 0.9)
        // Any other number shown as a percentage is the fraction its cell holds (a weight of 0.35 as `35%`).
        let weighted = try Importer.importTable(
            kind: .requirements, fileBytes: Array("department,title,priority,weight\nD1,报表,must,35%\n".utf8), fileName: "q.csv",
            into: base.workspace, replace: false, sheet: nil, strict: false
        ).get()
        #expect(weighted.workspace.requirements.last?.weight == 0.35)
        #expect(StylesParser.isPercentFormat("0.0%") && !StylesParser.isPercentFormat("0.0\"%\"") && !StylesParser.isPercentFormat("0.00"))
    }

    @Test func strictRefusesTheUnknownDepartmentNamingItsCell() throws {
        let base = try Loaded()
        let r = importedBook(.requirements, "requirements-openpyxl.xlsx", into: base.workspace, sheet: "需求", strict: true)
        #expect(
            problems(r) == [
                "requirements-openpyxl.xlsx:需求!A5: department: \"采购部\" is not a department id or name in departments.csv (without --strict a missing department is created)"
            ])
    }

    @Test func csvImportCreatesDepartmentsToo() throws {
        let base = try Loaded()
        let csv = "部门,模块,需求\n人事部,HR,考勤\n人事部,HR,薪资\n"
        let outcome = try imported(.requirements, csv, into: base.workspace).get()
        #expect(outcome.summary == "imported 2 requirements (R11–R12); created department 人事部 (D3)")
        #expect(outcome.workspace.requirements.suffix(2).map(\.department) == ["D3", "D3"])
        let strict = Importer.importTable(
            kind: .requirements, fileBytes: Array(csv.utf8), fileName: "in.csv", into: base.workspace, strict: true)
        #expect(
            problems(strict) == [
                "in.csv:2: department: \"人事部\" is not a department id or name in departments.csv (without --strict a missing department is created)",
                "in.csv:3: department: \"人事部\" is not a department id or name in departments.csv (without --strict a missing department is created)",
            ])
    }

    @Test func theFirstSheetIsReadWithoutSheet() throws {
        let base = try Loaded()
        let r = importedBook(.requirements, "requirements-openpyxl.xlsx", into: base.workspace)
        #expect(
            problems(r) == [
                "requirements-openpyxl.xlsx:封面!1:1: department: required column is missing from the header (name it department / 部门 / 需求部门 / 提出部门)",
                "requirements-openpyxl.xlsx:封面!1:1: title: required column is missing from the header (name it title / 需求 / 标题 / 需求名称 / 需求标题)",
            ])
    }

    @Test func aMissingSheetIsRefusedNamingTheSheets() throws {
        let base = try Loaded()
        let r = importedBook(.requirements, "requirements-openpyxl.xlsx", into: base.workspace, sheet: "不存在")
        #expect(problems(r) == ["requirements-openpyxl.xlsx:0: has no sheet \"不存在\"; its sheets are \"封面\", \"需求\""])
    }

    @Test func datesBooleansMoneyInBothDateSystems() throws {
        let base = try Loaded()
        let a = try importedBook(.contracts, "contracts-openpyxl.xlsx", into: base.workspace).get()
        let b = try importedBook(.contracts, "contracts-1904.xlsx", into: base.workspace).get()
        #expect(a.summary == "imported 2 contracts (K2–K3)")
        #expect(a.workspace == b.workspace)
        let k2 = try #require(a.workspace.contracts.first { $0.id == "K2" })
        #expect(k2.vendor == "V2")
        #expect(k2.signed == Day(year: 2027, month: 2, day: 28))
        #expect(k2.effective == Day(year: 2027, month: 3, day: 1))
        #expect(k2.termMonths == 24)
        #expect(k2.autoRenew)
        #expect(k2.noticeDays == 30)
        #expect(k2.value == Money(minor: 25_000_050))
        #expect(k2.status == "signed")
        let k3 = try #require(a.workspace.contracts.first { $0.id == "K3" })
        #expect(k3.signed == Day(year: 2028, month: 12, day: 31))
        #expect(k3.effective == Day(year: 2029, month: 1, day: 1))
        #expect(!k3.autoRenew)
        #expect(k3.value == Money(units: 1_286_000))
        #expect(k3.status == "draft")
    }

    @Test func sharedRichInlineStringsAndFormulaCachedValues() throws {
        let base = try Loaded()
        let outcome = try importedBook(.prices, "prices-raw.xlsx", into: base.workspace).get()
        #expect(outcome.summary == "imported 2 price lines; took the saved values of 2 formula cells (Sheet1!E2, Sheet1!A3)")
        #expect(outcome.formulaCells == ["Sheet1!E2", "Sheet1!A3"])
        let lines = outcome.workspace.prices.suffix(2)
        #expect(lines.map(\.vendor) == ["V2", "V2"])
        #expect(lines.map(\.item) == ["ERP 许可 ", "订阅"])
        #expect(lines.map(\.category) == [.license, .subscription])
        #expect(lines.map(\.model) == [.one_time, .per_user_annual])
        #expect(lines.map(\.unitPrice) == [Money(units: 2401), Money(minor: 120_050)])
        #expect(lines.map(\.quantity) == [1, 100])
    }

    @Test func textWhereANumberIsDueAndAFormulaWithoutValueAreRefusedByCell() throws {
        let base = try Loaded()
        let r = importedBook(.scores, "scores-bad.xlsx", into: base.workspace)
        #expect(
            problems(r) == [
                "scores-bad.xlsx:评分!D3: score: \"八\" is not a number (expected a score such as 7 or 8.5)",
                "scores-bad.xlsx:评分!D4: score: is a formula without a saved value; open the workbook in Excel or WPS, let it calculate, and save it",
            ])
    }

    @Test func hostileAndBrokenWorkbooksAreRefusedAndNothingChanges() throws {
        let dir = Fixture.folder()
        let before = snapshot(dir.path)
        dir.write("not-a-zip.xlsx", "id,name\n")
        let cases: [(String, String)] = [
            (
                XlsxFixture.path("bomb.xlsx"),
                "bomb.xlsx:0: part xl/worksheets/sheet1.xml expands from 174818 to 60000124 bytes (more than 200 times); refused as a possible zip bomb"
            ),
            (
                XlsxFixture.path("lying-bomb.xlsx"),
                "lying-bomb.xlsx:0: part xl/worksheets/sheet1.xml inflates to more than the 1000 bytes its zip header declares; refused as damaged or hostile (a zip bomb hides this way)"
            ),
            (
                XlsxFixture.path("row-1048576.xlsx"),
                "row-1048576.xlsx:0: sheet \"Sheet1\" has data in row 1048576; Bidbench reads at most 200000 rows a sheet (delete the stray cells or split the sheet)"
            ),
            (
                dir.url("not-a-zip.xlsx"),
                "not-a-zip.xlsx:0: is not an .xlsx workbook (not a zip archive); save it from Excel or WPS as \"Excel Workbook (*.xlsx)\", or import a CSV"
            ),
        ]
        for (path, message) in cases {
            let r = try Importer.importFile(kind: .requirements, path: path, folder: dir.path, actor: "t")
            guard case .failure(let f) = r else {
                Issue.record("\(path) was imported")
                continue
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path + "/"
            #expect(f.problems.map { $0.description.replacingOccurrences(of: folder, with: "") } == [message])
        }
        var after = snapshot(dir.path)
        after["not-a-zip.xlsx"] = nil
        #expect(after == before)
    }

    @Test func aStrayCellFarToTheRightIsRefused() throws {
        let base = try Loaded()
        let row: [XlsxCell] = [.text("D1"), .text("MES"), .text("看板")] + Array(repeating: .empty, count: 2_000) + [.text("x")]
        let data = XlsxWriter.write([XlsxSheet(name: "需求", rows: [[.header("部门"), .header("模块"), .header("需求")], row])])
        let r = Importer.importTable(kind: .requirements, fileBytes: Array(data), fileName: "wide.xlsx", into: base.workspace)
        #expect(
            problems(r) == [
                "wide.xlsx:0: sheet \"需求\" has data in cell BYB2; Bidbench reads at most 1024 columns (A–AMJ) (delete the stray cells)"
            ])
    }

    @Test func anOldXlsFileIsNamedAsSuch() throws {
        let base = try Loaded()
        let r = Importer.importTable(
            kind: .vendors, fileBytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], fileName: "old.xls", into: base.workspace)
        #expect(
            problems(r) == [
                "old.xls:0: is an old Excel 97–2003 (.xls) workbook; save it as .xlsx (Excel Workbook) or CSV UTF-8 and import that"
            ])
    }

    @Test func serialDatesInBothSystems() {
        #expect(XlsxReader.day(serial: 1, date1904: false) == Day(year: 1900, month: 1, day: 1))
        #expect(XlsxReader.day(serial: 59, date1904: false) == Day(year: 1900, month: 2, day: 28))
        #expect(XlsxReader.day(serial: 61, date1904: false) == Day(year: 1900, month: 3, day: 1))
        #expect(XlsxReader.day(serial: 46_446, date1904: false) == Day(year: 2027, month: 2, day: 28))
        #expect(XlsxReader.day(serial: 46_446.75, date1904: false) == Day(year: 2027, month: 2, day: 28))
        #expect(XlsxReader.day(serial: 0, date1904: true) == Day(year: 1904, month: 1, day: 1))
        #expect(XlsxReader.day(serial: 44_985, date1904: true) == Day(year: 2027, month: 3, day: 1))
        #expect(XlsxWriter.serial(Day(year: 2027, month: 2, day: 28)) == 46_446)
        #expect(XlsxWriter.serial(Day(year: 1900, month: 3, day: 1)) == 61)
        #expect(XlsxReader.numberText("1200.5000000000002") == "1200.5")
        #expect(XlsxReader.numberText("1E2") == "100")
        #expect(XlsxReader.numberText("2.0") == "2")
        #expect(XlsxReader.numberText("0.35") == "0.35")
        #expect(XlsxReader.numberText("1.5E-3") == "0.0015")
    }
}
