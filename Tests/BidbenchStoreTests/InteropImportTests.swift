import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// Files under Fixtures/import next to this source file.
enum ImportFixture {
    static func path(_ name: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/import/\(name)").path
    }
    static func bytes(_ name: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path(name)) ?? Data()) }
}

/// The store test fixture, loaded (the folder lives as long as the value).
struct Loaded {
    let dir = Fixture.folder()
    let workspace: Workspace
    init() throws {
        let l = try WorkspaceStore.load(folder: dir.path)
        #expect(l.problems.isEmpty)
        workspace = l.workspace
    }
}

/// Every file under a folder with its bytes.
func snapshot(_ folder: String) -> [String: Data] {
    var out: [String: Data] = [:]
    let e = FileManager.default.enumerator(atPath: folder)
    while let rel = e?.nextObject() as? String {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
            out[rel] = FileManager.default.contents(atPath: folder + "/" + rel)
        }
    }
    return out
}

func imported(
    _ kind: TableKind, _ text: String, into w: Workspace, name: String = "in.csv", evaluator: String? = nil,
    replace: Bool = false
) -> Result<ImportOutcome, ImportFailure> {
    Importer.importTable(kind: kind, fileBytes: Array(text.utf8), fileName: name, into: w, evaluator: evaluator, replace: replace)
}

func problems(_ r: Result<ImportOutcome, ImportFailure>) -> [String] {
    if case .failure(let f) = r { return f.problems.map(\.description) }
    return []
}

@Suite struct InteropImportTests {
    @Test func gb18030FileWithChineseHeadersImports() throws {
        let base = try Loaded()
        let r = Importer.importTable(
            kind: .requirements, fileBytes: ImportFixture.bytes("requirements-gb18030.csv"),
            fileName: "requirements-gb18030.csv", encoding: .gb18030, into: base.workspace)
        let outcome = try r.get()
        #expect(outcome.summary == "imported 3 requirements (R11–R13)")
        #expect(outcome.count == 3)
        #expect(outcome.ids == ["R11", "R12", "R13"])
        #expect(
            Array(outcome.workspace.requirements.dropFirst(3)) == [
                Requirement(
                    id: "R11", department: "D1", module: "MES", title: "设备联网", detail: "采集设备状态 𠮷 €", priority: .must,
                    weight: 2, acceptance: "停机自动报警"),
                Requirement(id: "R12", department: "D2", module: "总账", title: "银行对账", priority: .should, weight: 1.5),
                Requirement(id: "R13", department: "D2", module: "报表", title: "合并报表", detail: "含内部抵消, 多级", priority: .could, weight: 1),
            ])
        // Nothing else changed.
        var rest = outcome.workspace
        rest.requirements = base.workspace.requirements
        #expect(rest == base.workspace)
    }

    /// A cell with a line break, as Excel on Windows saves it (CRLF inside the quotes), is stored
    /// with the workspace's LF (the CR stayed, and showed in every git diff as ^M); a lone CR is
    /// kept, so that a machine export imports back as it was.
    @Test func aLineBreakInACellIsStoredAsLF() throws {
        let base = try Loaded()
        let csv = "department,title,detail\r\nD1,多行说明,\"第一行\r\n第二行\rthird\"\r\n"
        let outcome = try imported(.requirements, csv, into: base.workspace).get()
        #expect(outcome.workspace.requirements.last?.detail == "第一行\n第二行\rthird")
    }

    @Test func gb18030WithoutTheFlagIsRefusedNamingTheLine() throws {
        let base = try Loaded()
        let r = Importer.importTable(
            kind: .requirements, fileBytes: ImportFixture.bytes("requirements-gb18030.csv"),
            fileName: "requirements-gb18030.csv", into: base.workspace)
        #expect(
            problems(r) == [
                "requirements-gb18030.csv:1: is not valid UTF-8 (byte 0 is 0xB2); it was probably saved as GB18030/GBK (Excel or WPS in Chinese): "
                    + "import it with --encoding gb18030, or save it again as \"CSV UTF-8\""
            ])
        // An English header and a GB18030 row: the bad byte is on line 2.
        let mixed = Array("title,department\n".utf8) + [0xBF, 0xB4, 0xB0, 0xE5] + Array(",D1\n".utf8)  // 看板 in GB18030
        let r2 = Importer.importTable(kind: .requirements, fileBytes: mixed, fileName: "m.csv", into: base.workspace)
        #expect(problems(r2).first?.hasPrefix("m.csv:2: is not valid UTF-8 (byte 17 is 0xBF);") == true)
    }

    @Test func invalidGB18030NamesTheByte() throws {
        let base = try Loaded()
        let r = Importer.importTable(
            kind: .requirements, fileBytes: Array("title\n".utf8) + [0xFF, 0x0A], fileName: "f.csv",
            encoding: .gb18030, into: base.workspace)
        #expect(
            problems(r) == [
                "f.csv:2: is not valid GB18030 (byte 6 is 0xFF); check the file's encoding (without --encoding it is read as UTF-8)"
            ])
    }

    @Test func bomFileWithEnglishHeadersAndDepartmentNames() throws {
        let base = try Loaded()
        let r = Importer.importTable(
            kind: .requirements, fileBytes: ImportFixture.bytes("requirements-bom.csv"),
            fileName: "requirements-bom.csv", into: base.workspace)
        let outcome = try r.get()
        #expect(outcome.summary == "imported 2 requirements (R11–R12); ignored columns: 序号")
        #expect(
            Array(outcome.workspace.requirements.dropFirst(3)) == [
                Requirement(id: "R11", department: "D1", module: "WMS", title: "库存预警", priority: .must, weight: 3, acceptance: "低于安全库存时提醒"),
                Requirement(id: "R12", department: "D2", module: "FI", title: "费用报销", priority: .wont, weight: 1),
            ])
    }

    @Test func everyBadRowIsNamedAndNothingIsWritten() throws {
        let base = try Loaded()
        let r = Importer.importTable(
            kind: .requirements, fileBytes: ImportFixture.bytes("requirements-bad.csv"),
            fileName: "requirements-bad.csv", into: base.workspace)
        #expect(
            problems(r) == [
                "requirements-bad.csv:3: priority: \"maybe\" is not one of must, should, could, won't",
                "requirements-bad.csv:4: title: is empty; every row needs a title",
                "requirements-bad.csv:5: weight: \"abc\" is not a number (expected a decimal such as 5 or 0.35)",
                "requirements-bad.csv:7: weight: -1 is negative (expected a weight of 0 or more)",
            ])
        // Through the saving entry point: the workspace folder stays byte-identical.
        let before = snapshot(base.dir.path)
        let path = ImportFixture.path("requirements-bad.csv")
        let saved = try Importer.importFile(kind: .requirements, path: path, folder: base.dir.path, actor: "test")
        guard case .failure(let f) = saved else {
            Issue.record("the bad file was imported")
            return
        }
        // Line 6 names 销售部, which does not exist: without --strict it would be created, so it is no problem.
        #expect(f.problems.map(\.line) == [3, 4, 5, 7])
        #expect(f.problems.allSatisfy { $0.file == path })
        #expect(snapshot(base.dir.path) == before)
    }

    @Test func successfulImportIsSavedAndJournaled() throws {
        let base = try Loaded()
        let result = try Importer.importFile(
            kind: .requirements, path: ImportFixture.path("requirements-bom.csv"), folder: base.dir.path,
            actor: "test")
        let done = try result.get()
        #expect(done.summary == "imported 2 requirements (R11–R12); ignored columns: 序号 into \(base.dir.path)")
        #expect(done.saved.written == ["requirements.csv"])
        let again = try WorkspaceStore.load(folder: base.dir.path)
        #expect(again.problems.isEmpty)
        #expect(again.workspace.requirements.map(\.id) == ["R1", "R2", "R10", "R11", "R12"])
        #expect(try Journal.read(folder: base.dir.path).last?.table == "requirements.csv")
    }

    @Test func appendingAnExistingIdIsOneProblem() throws {
        let base = try Loaded()
        let r = imported(.requirements, "编号,部门,需求\nR1,D1,重复\nR20,D1,新的\nR20,D2,又一个\n", into: base.workspace)
        #expect(
            problems(r) == [
                "in.csv:2: id: \"R1\" is already in requirements.csv (leave the id empty for a new one, or import with --replace)",
                "in.csv:4: id: duplicate requirement id \"R20\" (first on line 3)",
            ])
    }

    @Test func replaceThatBreaksReferencesNamesTheWorkspaceFiles() throws {
        let base = try Loaded()
        let r = imported(.requirements, "id,department,title\nR2,D2,多币种\n", into: base.workspace, replace: true)
        #expect(
            problems(r) == [
                "gates.csv:2: requirement: \"R1\" is not a requirement id in requirements.csv",
                "gates.csv:3: requirement: \"R1\" is not a requirement id in requirements.csv",
            ])
    }

    @Test func missingRequiredColumnAndDuplicateMeaning() throws {
        let base = try Loaded()
        #expect(
            problems(imported(.requirements, "部门,模块\nD1,MES\n", into: base.workspace)) == [
                "in.csv:1: title: required column is missing from the header (name it title / 需求 / 标题 / 需求名称 / 需求标题)"
            ])
        #expect(
            problems(imported(.requirements, "部门,需求,标题\nD1,a,b\n", into: base.workspace)) == [
                "in.csv:1: title: columns 2 \"需求\" and 3 \"标题\" both mean title"
            ])
    }

    @Test func nextIdsFollowTheExistingShape() throws {
        let demo = try #require(WorkspaceStore.demoFolder(packageRoot: #filePath))
        let w = try WorkspaceStore.load(folder: demo).workspace
        let r = try imported(.requirements, "部门,需求,优先级\n财务部,自动对账,必须\n信息部,单点登录,应该\n", into: w).get()
        #expect(r.summary == "imported 2 requirements (R48–R49)")
        #expect(r.workspace.requirements.suffix(2).map(\.department) == ["D01", "D05"])
        let k = try imported(.risks, "类型,风险,可能性,影响\n技术,接口延期,2,3\n", into: w).get()
        #expect(k.summary == "imported 1 risk (RK12)")  // the demo's last is RK11
    }

    @Test func risksWithChineseHeadersAndValues() throws {
        let base = try Loaded()
        let text = "类型,风险,可能性,影响,缓解措施,负责人,触发条件,阈值,状态\n数据安全,客户数据泄露,2,5,加密与审计,李四,,,观察\n财务,超预算,4,3,,,budget_used,0.9,\n"
        let r = try imported(.risks, text, into: base.workspace).get()
        #expect(r.summary == "imported 2 risks (X2–X3)")
        #expect(
            Array(r.workspace.risks.dropFirst()) == [
                Risk(
                    id: "X2", type: .data_security, title: "客户数据泄露", likelihood: 2, impact: 5, mitigation: "加密与审计", owner: "李四",
                    status: "watching"),
                Risk(id: "X3", type: .financial, title: "超预算", likelihood: 4, impact: 3, trigger: "budget_used", threshold: "0.9"),
            ])
        #expect(
            problems(imported(.risks, "类型,风险,可能性,影响\n天灾,地震,6,x\n", into: base.workspace)) == [
                "in.csv:2: type: \"天灾\" is not one of technical, market, personnel, vendor, data_security, compliance, financial",
                "in.csv:2: impact: \"x\" is not a whole number (expected digits such as 12)",
                "in.csv:2: likelihood: 6 is outside 1–5",
            ])
    }

    @Test func vendorsAndPricesWithChineseHeaders() throws {
        let base = try Loaded()
        let v = try imported(
            .vendors, "名称,联系人,资质,业绩,备注,中小企业,投标报价\n丙信息,赵六,CMMI3,某厂 ERP,,是,\"1,250,000.50\"\n",
            into: base.workspace
        ).get()
        #expect(v.summary == "imported 1 vendor (V3)")
        #expect(
            v.workspace.vendors.last
                == Vendor(
                    id: "V3", name: "丙信息", contact: "赵六", qualifications: "CMMI3", references: "某厂 ERP",
                    sme: true, bidPrice: Money(minor: 125_000_050)))
        let p = try imported(
            .prices, "供应商,项目,类别,计价方式,单价,数量,起始年,年数,备注\n乙科技,培训,培训,一次性,\"20,000.50\",2,1,,现场\nV1,运维,运维,按用户每年,300,120,2,4,\n",
            into: base.workspace
        ).get()
        #expect(p.summary == "imported 2 price lines")
        #expect(
            Array(p.workspace.prices.suffix(2)) == [
                PriceLine(
                    vendor: "V2", item: "培训", category: .training, model: .one_time, unitPrice: Money(minor: 2_000_050), quantity: 2,
                    startYear: 1, notes: "现场"),
                PriceLine(
                    vendor: "V1", item: "运维", category: .maintenance, model: .per_user_annual, unitPrice: Money(units: 300), quantity: 120,
                    startYear: 2, years: 4),
            ])
        #expect(
            problems(imported(.prices, "供应商,项目,类别,计价方式,单价\n丁公司,许可,许可,一次性,-5\n", into: base.workspace)) == [
                "in.csv:2: vendor: \"丁公司\" is not a vendor id or name in vendors.csv",
                "in.csv:2: unit_price: -5 is negative (expected a price of 0 or more)",
            ])
    }

    @Test func scoresTakeTheEvaluatorFromTheFlagOrAColumn() throws {
        let base = try Loaded()
        let r = try imported(.scores, "供应商,准则,分数,备注\n甲软件,功能,9,好\nV2,C2,6,\n", into: base.workspace, evaluator: "李娜").get()
        #expect(r.summary == "imported 2 scores for 李娜")
        #expect(
            r.workspace.scores["李娜"] == [
                Score(vendor: "V1", criterion: "C1", score: 9, note: "好"), Score(vendor: "V2", criterion: "C2", score: 6),
            ])
        #expect(r.workspace.scores["张伟"] == base.workspace.scores["张伟"])
        #expect(
            problems(imported(.scores, "供应商,准则,分数\nV1,C1,9\n", into: base.workspace)) == [
                "in.csv:2: evaluator: is empty; give --evaluator NAME or an evaluator column"
            ])
        #expect(
            problems(imported(.scores, "评委,供应商,准则,分数\n张伟,V1,C1,9\n张伟,V2,C2,11\n", into: base.workspace)) == [
                // A score sheet has no id column: the hint names the column that keys it.
                "in.csv:2: criterion: \"V1, C1\" is already in scores/张伟.csv (change the criterion for a new row, or import with --replace)",
                "in.csv:3: score: 11 is outside the scale 0…10",
            ])
    }

    @Test func spreadsheetDatesAndPercentages() throws {
        let base = try Loaded()
        // Full-width digits too, as the forms read them (they were refused on import: user test pass).
        let text = "合同,里程碑,比例,到期日,状态\nK1,签约,４０%,２０２７/１/５,已付\nK1,验收,60％,2027年6月30日,计划\n"
        let r = try imported(.payments, text, into: base.workspace, replace: true).get()
        #expect(r.summary == "imported 2 payment milestones, replacing the milestones of K1 (other contracts' milestones kept)")
        #expect(
            r.workspace.payments == [
                PaymentMilestone(contract: "K1", milestone: "签约", percent: 40, due: Day(year: 2027, month: 1, day: 5), status: "paid"),
                PaymentMilestone(contract: "K1", milestone: "验收", percent: 60, due: Day(year: 2027, month: 6, day: 30), status: "planned"),
            ])
        #expect(
            problems(imported(.payments, "合同,里程碑,比例,到期日\nK1,尾款,10,2027/2/30\n", into: base.workspace)) == [
                "in.csv:2: due: \"2027/2/30\" is not a valid date (expected YYYY-MM-DD, e.g. 2027-03-31)",
                // At the imported row (it was `payments.csv:0`: a helper's pass), saying what was there already.
                "in.csv:2: percent: the milestones of contract \"K1\" sum to 110 %, expected 100 % (with the 2 already in payments.csv; --replace replaces the milestones of the contracts in the file, and keeps the others')",
            ])
        // A finance pass: replacing one contract's schedule removed every other contract's, a paid one
        // among them. Another contract's milestones stay.
        var two = base.workspace
        two.contracts.append(Contract(id: "K2", vendor: "V1", title: "订阅", file: "", value: Money(units: 100_000)))
        two.payments.append(PaymentMilestone(contract: "K2", milestone: "首付", percent: 100, due: nil, status: "paid"))
        let k1 = try imported(.payments, text, into: two, replace: true).get()
        #expect(k1.workspace.payments.map { "\($0.contract) \($0.milestone)" } == ["K2 首付", "K1 签约", "K1 验收"])
    }

    /// A CLI pass: `--encoding gb18030` on a UTF-8 file stored `骞冲彴` for `平台`, with exit 0.
    @Test func utf8TextSaidToBeGB18030IsRefused() throws {
        let base = try Loaded()
        for bytes in [Array("title,department\n平台,D1\n".utf8), [0xEF, 0xBB, 0xBF] + Array("title,department\nplatform,D1\n".utf8)] {
            guard
                case .failure(let f) = Importer.importTable(
                    kind: .requirements, fileBytes: bytes, fileName: "in.csv", encoding: .gb18030, into: base.workspace)
            else {
                Issue.record("imported")
                continue
            }
            #expect(
                f.problems.map(\.description) == [
                    "in.csv:0: is UTF-8 text, not GB18030: import it without --encoding gb18030 (read as GB18030 its Chinese would be garbled)"
                ])
        }
        // Real GB18030 (平台 is C6 BD CC A8) and plain ASCII still import.
        let gb: [UInt8] = Array("title,department\n".utf8) + [0xC6, 0xBD, 0xCC, 0xA8] + Array(",D1\n".utf8)
        switch Importer.importTable(kind: .requirements, fileBytes: gb, fileName: "in.csv", encoding: .gb18030, into: base.workspace) {
        case .success(let ok): #expect(ok.workspace.requirements.last?.title == "平台")
        case .failure(let f): Issue.record("GB18030 refused: \(f.problems)")
        }
    }

    @Test func headerFoldingAndUnguarding() {
        #expect(Importer.fold("单价（元）") == "单价")
        #expect(Importer.fold(" Unit Price ") == "unit_price")
        #expect(Importer.fold("*标题") == "标题")
        #expect(Importer.fold("Acceptance-Criteria (optional)") == "acceptance_criteria")
        #expect(Importer.unguard("'=1+1") == "=1+1")
        #expect(Importer.unguard("'\t=x") == "\t=x")
        #expect(Importer.unguard("'quoted'") == "'quoted'")
        #expect(ImportEncoding(parsing: "GBK") == .gb18030)
        #expect(ImportEncoding(parsing: "latin1") == nil)
    }
}
