import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// Every message of the Store has a Simplified Chinese form for the Chinese TUI (`text(chinese:)`),
/// while `description` and `json` stay English for the command line and scripts.
@Suite struct ChineseMessageTests {
    static let header = "id,department,module,title,detail,priority,weight,acceptance,status,criterion,source\n"

    /// True when the text holds a CJK ideograph: a Chinese message says something in Chinese.
    static func hasHan(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    @Test func theLockMessageNamesTheHolderInChinese() throws {
        let dir = Fixture.folder()
        // A holder on another host is never assumed dead, so the lock is refused.
        dir.write(".bidbench/lock", "pid=31426\nhost=vm-other\nstarted=2026-11-29T01:02:03Z\n")
        do {
            _ = try WorkspaceLock(folder: dir.path)
            Issue.record("the lock was taken from a live holder")
        } catch let e as StoreError {
            #expect(e == .locked(pid: 31426, host: "vm-other", since: "2026-11-29T01:02:03Z"))
            #expect(
                e.text(chinese: true) == "工作区已在另一个 Bidbench 中打开 (vm-other 上的进程 31426, 自 2026-11-29T01:02:03Z 起); "
                    + "请先关闭它; 若该进程已不存在, 可删除 .bidbench/lock")
            #expect(e.text(chinese: false) == e.description)
            #expect(
                e.description == "the workspace is open in another Bidbench (pid 31426 on vm-other since 2026-11-29T01:02:03Z); "
                    + "close it first, or remove .bidbench/lock if that process is gone")
        }
        // A lock file the Store cannot read names no host or time: those words are Chinese too.
        #expect(
            StoreError.locked(pid: 0, host: "unknown host", since: "unknown time").text(chinese: true)
                == "工作区已在另一个 Bidbench 中打开 (未知主机 上的进程 0, 自 未知时间 起); 请先关闭它; 若该进程已不存在, 可删除 .bidbench/lock")
    }

    @Test func aChangedOnDiskRefusalInChinese() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        dir.write("requirements.csv", Self.header + "R1,D1,MES,别人改的,,must,1,,draft,C1,\n")
        var w = loaded.workspace
        w.requirements[0].title = "我改的"
        do {
            _ = try WorkspaceStore.save(w, over: loaded, actor: "tester")
            Issue.record("a save over a file changed on disk went through")
        } catch let e as StoreError {
            #expect(e == .changedOnDisk(["requirements.csv"]))
            #expect(e.text(chinese: true) == "加载后磁盘上的文件已被修改: requirements.csv; 请重新加载, 或强制保存以覆盖")
            #expect(e.description == "changed on disk since it was loaded: requirements.csv; reload, or save with force to overwrite")
        }
    }

    @Test func otherStoreErrorsInChinese() {
        #expect(StoreError.notFound("/tmp/无").text(chinese: true) == "文件夹不存在: /tmp/无")
        #expect(StoreError.notAWorkspace("x").text(chinese: true) == "x 不是 Bidbench 工作区 (没有 workspace.json); 可用 `bidbench init x` 创建")
        #expect(StoreError.io("a.csv", "Permission denied").text(chinese: true) == "无法读写 a.csv: Permission denied")
        #expect(StoreError.exists("b").text(chinese: true) == "b 已存在; 拒绝覆盖")
        #expect(StoreError.unsafePath("../x").text(chinese: true) == "../x 指向工作区文件夹之外; 已拒绝")
        let p = Problem(file: "risks.csv", line: 2, field: "impact", message: "6 is outside 1–5", messageZH: "6 超出 1–5")
        #expect(StoreError.readOnly([p, p]).text(chinese: true) == "工作区有 2 个问题, 处于只读状态; 请先修正 (bidbench check 可列出这些问题)")
        #expect(StoreError.invalid([p]).text(chinese: true) == "未保存: 这些修改会造成 1 个问题:\nrisks.csv:2: impact: 6 超出 1–5")
        #expect(
            StoreError.invalid([p]).description == "not saved: the changes would leave 1 problem(s):\nrisks.csv:2: impact: 6 is outside 1–5"
        )
    }

    /// A broken workspace: a non-numeric weight, an unknown priority, a dangling reference, a wrong
    /// column count, bad UTF-8. English unchanged, Chinese exact.
    @Test func representativeProblemsOfABrokenWorkspace() throws {
        let dir = Fixture.folder()
        dir.write(
            "requirements.csv",
            Self.header + "R1,D1,MES,工单追溯,,must,heavy,,confirmed,C1,\n"
                + "R2,D9,FI,多币种,,urgent,1,,draft,C1,\n" + "R3,D1,MES,看板,,could,2.5,,draft\n")
        dir.write("budget.csv", Array("fiscal_year,cost_center,category,amount\n2027,IT,,800000\n2027,".utf8) + [0xFF, 0x0A])
        let problems = try WorkspaceStore.load(folder: dir.path).problems
        #expect(
            problems.map(\.description) == [
                #"requirements.csv:2: weight: "heavy" is not a number (expected a decimal such as 5 or 0.35)"#,
                #"requirements.csv:3: priority: "urgent" is not one of must, should, could, won't"#,
                #"requirements.csv:3: department: "D9" is not a department id in departments.csv"#,
                "requirements.csv:4: has 9 fields, expected 11 (the header has 11 columns)",
                #"budget.csv:3: is not valid UTF-8 (byte 61 is 0xFF); it was probably saved as GB18030/GBK (Excel or WPS in Chinese): save it again as "CSV UTF-8", or use `bidbench import … --encoding gb18030`"#,
            ])
        #expect(
            problems.map { $0.text(chinese: true) } == [
                "requirements.csv:2: weight: “heavy” 不是数字 (应为小数, 如 5 或 0.35)",
                "requirements.csv:3: priority: “urgent” 不是可选值之一: must, should, could, won't",
                "requirements.csv:3: department: “D9” 不是 departments.csv 中的部门编号",
                "requirements.csv:4: 有 9 个字段, 应为 11 个 (表头有 11 列)",
                "budget.csv:3: 不是有效的 UTF-8 (偏移 61 处的字节为 0xFF); 可能是用 GB18030/GBK 保存的 (中文版 Excel 或 WPS): "
                    + "请另存为 “CSV UTF-8”, 或用 `bidbench import … --encoding gb18030` 导入",
            ])
        // The JSON of `--json` output stays English.
        #expect(
            problems[0].json.compact
                == #"{"file":"requirements.csv","line":2,"field":"weight","message":"\"heavy\" is not a number (expected a decimal such as 5 or 0.35)"}"#
        )
    }

    @Test func crossRowRulesInChinese() throws {
        let dir = Fixture.folder()
        dir.write(
            "payments.csv",
            "contract,milestone,percent,due,condition,status\nK1,签约,30,2027-01-15,合同签订,paid\nK1,验收,60,2027-06-30,终验通过,planned\n")
        dir.write(
            "risks.csv",
            "id,type,title,likelihood,impact,mitigation,owner,trigger,threshold,status\n"
                + "X1,vendor,流失,3,6,,张伟,,,open\nX1,vendor,重复,1,1,,张伟,,,open\n")
        dir.write("scenarios.csv", "name,years,users,growth,escalation,discount_rate\n快速,0,,,,\n衰退,,,-150%,,\n")
        dir.write("ahp/top.csv", ",C1,C2\nC1,1,3\nC2,1/2,1\n")
        let problems = try WorkspaceStore.load(folder: dir.path).problems
        #expect(
            problems.map { $0.text(chinese: true) } == [
                "payments.csv:2: percent: 合同 “K1” 的付款里程碑合计 90 %, 应为 100 %",
                "risks.csv:2: impact: 6 超出 1–5",
                "risks.csv:3: id: 风险编号 “X1” 重复 (首次出现在第 2 行)",
                "scenarios.csv:2: 情景 “快速”: years 的值 “0” 无效 (应为 1…100 的整数)",
                "scenarios.csv:3: 情景 “衰退”: growth 的值 “-150%” 无效 (应为大于 -1 的小数, 如 0.1 或 10%)",
                "ahp/top.csv:3: C1: 不互为倒数: C1 对 C2 为 3, 而 C2 对 C1 为 1/2 (应为 1/3)",
            ])
        #expect(
            problems.map(\.description) == [
                #"payments.csv:2: percent: the milestones of contract "K1" sum to 90 %, expected 100 %"#,
                "risks.csv:2: impact: 6 is outside 1–5",
                #"risks.csv:3: id: duplicate risk id "X1" (first on line 2)"#,
                "scenarios.csv:2: scenario 快速: years must be 1…100, not 0",
                "scenarios.csv:3: scenario 衰退: growth must be above -1 (−100 %), not -1.5",
                "ahp/top.csv:3: C1: not reciprocal: C1 vs C2 is 3 but C2 vs C1 is 1/2 (expected 1/3)",
            ])
    }

    /// A CLI pass: a judgement of 10 was accepted although the scale is Saaty's 1–9.
    @Test func anAHPJudgementBeyondSaatysScaleIsAProblem() throws {
        let dir = Fixture.folder()
        dir.write("ahp/top.csv", ",C1,C2\nC1,1,10\nC2,0.1,1\n")
        let problems = try WorkspaceStore.load(folder: dir.path).problems
        #expect(
            problems.map(\.description) == [
                #"ahp/top.csv:2: C2: "10" is outside Saaty's scale (1/9 to 9)"#,
                #"ahp/top.csv:3: C1: "0.1" is outside Saaty's scale (1/9 to 9)"#,
            ])
        #expect(problems.first?.text(chinese: true) == "ahp/top.csv:2: C2: “10” 超出 Saaty 标度 (1/9 至 9)")
        // 9 and 1/9 are on the scale.
        dir.write("ahp/top.csv", ",C1,C2\nC1,1,9\nC2,1/9,1\n")
        let onScale = try WorkspaceStore.load(folder: dir.path).problems.map(\.description)
        #expect(onScale == [], "\(onScale)")
        #expect(throws: ScoringError("line 2: cell (a, b) is 12, outside Saaty's scale (1/9 to 9)")) {
            try AHP.parse(rows: [
                TableRow(line: 1, cells: ["", "a", "b"]), TableRow(line: 2, cells: ["a", "1", "12"]),
                TableRow(line: 3, cells: ["b", "", "1"]),
            ])
        }
    }

    @Test func anImportRefusalInChinese() throws {
        let dir = Fixture.folder()
        let base = try WorkspaceStore.load(folder: dir.path).workspace
        let file = Array("title,department,priority\n看板,销售部,must\n".utf8)
        guard
            case .failure(let f) = Importer.importTable(
                kind: .requirements, fileBytes: file, fileName: "新需求.csv",
                into: base, strict: true)
        else {
            Issue.record("an unknown department was imported under --strict")
            return
        }
        #expect(
            f.problems.map(\.description) == [
                #"新需求.csv:2: department: "销售部" is not a department id or name in departments.csv (without --strict a missing department is created)"#
            ])
        #expect(
            f.problems.map { $0.text(chinese: true) } == [
                "新需求.csv:2: department: “销售部” 不是 departments.csv 中的部门编号或名称 (不加 --strict 时会新建缺少的部门)"
            ])
    }

    /// The importer's own messages (header, names, encoding, appending) have Chinese too.
    @Test func everyImportProblemHasAChineseText() throws {
        let base = try Loaded()
        let w = base.workspace
        var all: [Problem] = []
        func refused(_ kind: TableKind, _ bytes: [UInt8], encoding: ImportEncoding = .utf8) {
            if case .failure(let f) = Importer.importTable(kind: kind, fileBytes: bytes, fileName: "in.csv", encoding: encoding, into: w) {
                all += f.problems
            } else {
                Issue.record("a bad \(kind) file was imported")
            }
        }
        refused(.requirements, Array("".utf8))
        refused(.requirements, Array("需求,标题,部门\n看板,看板,D1\n".utf8))  // two columns mean title
        refused(.requirements, Array("部门,模块\nD1,MES\n".utf8))  // no title column
        refused(.requirements, Array("title,department\n看板,D1,x,y\n".utf8))  // extra fields
        refused(.requirements, Array("title,department\n\"open\n".utf8))  // unclosed quote
        refused(.requirements, Array("title,department,priority\n,D1,must\n看板,D1,urgent\n".utf8))
        refused(.requirements, Array("id,title,department\nR1,重复,D1\n".utf8))  // R1 is already there
        refused(.scores, Array("vendor,criterion,score\nV1,C1,7\n".utf8))  // no evaluator
        refused(.contracts, Array("vendor,title,file\nV1,新合同,contracts/none.md\n".utf8))
        refused(.requirements, [0x81, 0x30, 0x81], encoding: .gb18030)  // a cut GB18030 sequence
        refused(.requirements, Array("title,department\n看板,D1\n".utf8), encoding: .gb18030)  // UTF-8 said to be GB18030
        var twoNames = w
        twoNames.departments.append(Department(id: "D3", name: "生产部"))
        if case .failure(let f) = Importer.importTable(
            kind: .requirements, fileBytes: Array("title,department\n看板,生产部\n".utf8),
            fileName: "in.csv", into: twoNames)
        {
            all += f.problems
        }
        #expect(all.count >= 12, "\(all.map(\.description).joined(separator: "\n"))")
        for p in all { #expect(p.messageZH.map(Self.hasHan) == true, "no Chinese for \(p)") }
        let zh = all.map { $0.text(chinese: true) }
        #expect(zh.contains("in.csv:2: 有 4 个字段, 应为 2 个 (表头有 2 列)"))
        #expect(zh.contains("in.csv:1: 不是有效的 GB18030 (偏移 0 处的字节为 0x81); 请检查文件的编码 (不加 --encoding 时按 UTF-8 读取)"))
        #expect(zh.contains("in.csv:1: title: 第 1 列 “需求” 和第 2 列 “标题” 都表示 title"))
        #expect(zh.contains("in.csv:2: department: “生产部” 对应 departments.csv 中的 2 个部门 (D1, D3); 请填写编号"))
        #expect(zh.contains("in.csv:2: evaluator: 为空; 请用 --evaluator 姓名 指定, 或加一列 evaluator"))
        #expect(zh.contains("in.csv:2: id: “R1” 已在 requirements.csv 中 (新增时请留空编号, 或用 --replace 导入)"))
    }

    /// What the English summary says beyond the count, for the TUI's Chinese line.
    @Test func anImportOutcomeNamesIgnoredColumnsAndEvaluators() throws {
        let base = try Loaded()
        let req = try Importer.importTable(
            kind: .requirements, fileBytes: Array("序号,title,department\n1,看板,D1\n".utf8), fileName: "r.csv",
            into: base.workspace
        ).get()
        #expect(req.ignoredColumns == ["序号"])
        #expect(req.evaluators == [])
        let sc = try Importer.importTable(
            kind: .scores, fileBytes: Array("evaluator,vendor,criterion,score\n李四,V1,C1,6\n王五,V2,C1,5\n".utf8),
            fileName: "s.csv", into: base.workspace
        ).get()
        #expect(sc.evaluators == ["李四", "王五"])
        #expect(sc.ignoredColumns == [])
    }

    /// Every problem the bad-input corpus gives has a Chinese message: none is left in English.
    @Test(arguments: ReliabilityCorpusTests.cases)
    func everyCorpusProblemHasAChineseText(_ name: String) throws {
        let dir = try ReliabilityCorpusTests.build(name)
        let problems = try WorkspaceStore.load(folder: dir.path).problems
        #expect(!problems.isEmpty)
        for p in problems {
            #expect(p.messageZH.map(Self.hasHan) == true, "no Chinese for \(p)")
            #expect(p.text(chinese: false) == p.description)
            #expect(p.text(chinese: true).hasPrefix("\(p.file):\(p.line): " + (p.field.map { "\($0): " } ?? "")))
        }
    }

    /// A workspace broken in most ways the validator and settings reader know: every problem in Chinese.
    @Test func everyProblemOfABadlyBrokenWorkspaceHasAChineseText() throws {
        let dir = Fixture.folder()
        dir.write(
            "workspace.json",
            #"{"schema": 2, "name": 5, "scale": 0, "method": "magic", "fiscal_year_start": "13-40", "users": -1, "horizon_years": 0, "revealed": "yes", "budget_warn": 0, "budget_stop": -1, "discount_rate": -2, "sme_deduction_percent": 120}"#
        )
        dir.write("departments.csv", "id,name,contact,head_count\nD1,生产部,,-3\nD1,财务部,,x\n")
        dir.write(
            "criteria.csv",
            "id,parent,name,kind,weight,source\nC1,C2,功能,benefit,-1,panel\nC2,C1,价格,cost,0.4,price\nC3,C9,服务,sideways,0.1,x\n")
        dir.write(
            "vendors.csv", "id,name,contact,qualifications,references,notes,sme,bid_price\nV1,甲,,,,,maybe,-5\nV2,乙,,,,,false,12.345\n")
        dir.write(
            "prices.csv",
            "vendor,item,category,model,unit_price,quantity,start_year,years,notes\nV1,x,license,one_time,-1,-2,0,0,\nV2,y,food,yearly,1,1,,,\n"
        )
        dir.write("budget.csv", "fiscal_year,cost_center,category,amount\n20x7,IT,,1\n2027,IT,snacks,-1\n")
        dir.write(
            "contracts.csv",
            "id,vendor,title,file,signed,effective,term_months,auto_renew,renewal_months,notice_days,value,warranty_months,status\n"
                + "K1,V9,合同,/etc/passwd,2026-13-01,,-1,true,12,60,-5,12,torn\n")
        dir.write("reviews.csv", "contract,clause,status,line,note\nK1,payment,ok,0,\n")
        dir.write("scores/.x.csv", "vendor,criterion,score,note\nV1,C1,11,\n")
        dir.write("ahp/top.csv", ",C1,C2\nC1,2,-1\nC2,1,1\n")
        let problems = try WorkspaceStore.load(folder: dir.path).problems
        #expect(problems.count >= 30, "only \(problems.count) problems:\n\(problems.map(\.description).joined(separator: "\n"))")
        for p in problems { #expect(p.messageZH.map(Self.hasHan) == true, "no Chinese for \(p)") }
        // horizon_years 0 breaks every scenario: the row's own values are not blamed.
        #expect(
            problems.filter { $0.file == "scenarios.csv" }.map { $0.text(chinese: true) } == [
                "scenarios.csv:3: 情景 “扩张”: 沿用的 workspace.json 默认值无效 (请检查 horizon_years, users, user_growth, escalation, discount_rate)"
            ])
        #expect(problems.contains { $0.text(chinese: true) == "criteria.csv:2: parent: 准则 “C1” 成了自己的上级 (上级关系形成了环)" })
        #expect(problems.contains { $0.text(chinese: true) == "workspace.json:1: budget_stop: -1 低于 budget_warn 0" })
    }
}
