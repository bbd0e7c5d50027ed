import Foundation
import Testing

/// Issue 14 from the command line, on copies of the demo: the reported examples, verb by verb.
@Suite("Decision integrity verbs")
struct IntegrityVerbTests {
    private func append(_ line: String, to file: String) throws {
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        h.seekToEndOfFile()
        h.write(Data(line.utf8))
        try h.close()
    }

    /// A helper's pass: of twenty imports started together, nineteen were refused with "save with force
    /// to overwrite", which no verb has. An import beaten by another save reads the files again and
    /// tries again: every one lands, each journaled.
    @Test func importsStartedTogetherAllLand() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy("demo-en")
        let runs = try (10..<18).map { i -> Process in
            let file = tmp.path + "/v\(i).csv"
            try "id,name\nV\(i),Co\(i)\n".write(toFile: file, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binaryPath)
            p.arguments = ["import", "vendors", file, "-w", ws]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in runs { p.waitUntilExit() }
        #expect(runs.map(\.terminationStatus) == Array(repeating: 0, count: 8))
        let vendors = try String(contentsOfFile: ws + "/vendors.csv", encoding: .utf8)
        #expect((10..<18).allSatisfy { vendors.contains("\nV\($0),Co\($0),") }, "\(vendors)")
        let verify = try bidbench("journal", "--verify", "--strict", "-w", ws)
        #expect(verify.status == 0 && verify.out.hasPrefix("OK: 8 entries"), "\(verify.out)")
    }

    /// A finance pass: `import changes` approved a change order that took 2027 to 118.5 % of a stop
    /// envelope, which the change-order form refuses. The import refuses it too, at its row; a
    /// smaller one goes in.
    @Test func anImportedApprovalOverAStopEnvelopeIsRefused() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        let big = tmp.path + "/co.csv"
        try "contract,id,date,description,price_delta,status\nC1,CO3,2027-04-01,条码接口,500000,approved\n".write(
            toFile: big, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: ws + "/changes.csv", encoding: .utf8)
        let refused = try bidbench("import", "changes", big, "-w", ws)
        #expect(refused.status == 1)
        #expect(
            refused.err.hasPrefix(
                "\(big):2: status: approving these change orders would exceed a stop envelope: 2027 信息部: committed 2,440,000 + proposed 286,000 = 2,726,000 of 2,300,000 (118.5 %); import them as proposed, or raise the envelope in budget.csv\n"
            ), "\(refused.err)")
        #expect(try String(contentsOfFile: ws + "/changes.csv", encoding: .utf8) == before)
        try "contract,id,date,description,price_delta,status\nC1,CO3,2027-04-01,条码接口,5000,approved\n".write(
            toFile: big, atomically: true, encoding: .utf8)
        #expect(try bidbench("import", "changes", big, "-w", ws).out == "imported 1 change order (CO3) into \(ws)\n")
    }

    /// A vendor without price lines has no costs, said as such: `0.00` read as the cheapest bid
    /// (re-test pass: the screen said 无报价, the command line 0.00).
    @Test func aVendorWithoutPricesSaysSo() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        try append("V5,新供应商,,,,,false,\n", to: ws + "/vendors.csv")
        let r = try bidbench("budget", "-w", ws)
        #expect(r.status == 0, "\(r.err)")
        let row = r.out.split(separator: "\n").first { $0.hasPrefix("V5 ") }
        #expect(row?.split(separator: " ").map(String.init) == ["V5", "-", "-", "-", "-", "-", "no", "prices", "-", "-"])
    }

    /// A meeting pass: a score raised by hand with `sed` left `journal --verify` saying only "intact".
    @Test func aScoreChangedByHandIsNamedByTheJournalCheck() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        let csv = tmp.path + "/scores.csv"
        try "evaluator,vendor,criterion,score,note\n张伟,V2,func_mfg,5,演示一般\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try bidbench("import", "scores", csv, "--replace", "-w", ws).status == 0)
        let clean = try bidbench("journal", "--verify", "--strict", "-w", ws)
        #expect(clean.status == 0 && !clean.out.contains("warning"), "\(clean.out)")
        let sheet = ws + "/scores/张伟.csv"
        let before = try String(contentsOfFile: sheet, encoding: .utf8)
        try before.replacingOccurrences(of: "V2,func_mfg,5,", with: "V2,func_mfg,9,").write(
            toFile: sheet, atomically: true, encoding: .utf8)
        let r = try bidbench("journal", "--verify", "-w", ws)
        // The chains are intact (exit 0: a git merge changes files too); the changed sheet is named.
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 4 && lines[0].hasPrefix("OK: "))
        #expect(lines[1] == "warning: 1 file(s) differ from what the journal last recorded (edited outside Bidbench, or merged by git):")
        #expect(lines[2].hasPrefix("  scores/张伟.csv: changed since ") && lines[2].hasSuffix(")"))
        #expect(lines[3] == "  (bidbench journal --record journals them as they are now, once they are what you want)")
        let strict = try bidbench("journal", "--verify", "--strict", "-w", ws)
        #expect(strict.status == 1)
        // Its first line says it failed (a meeting pass: "OK" then exit 1).
        #expect(strict.out.hasPrefix("FAILED (strict): "), "\(strict.out)")
        #expect(
            strict.out.split(separator: "\n").first?.hasSuffix("every hash chain is intact, but 1 file(s) changed outside the journal")
                == true)
        let json = try bidbench("journal", "--verify", "--json", "-w", ws).out
        #expect(json.contains(#""changed_since_journal":[{"file":"scores/张伟.csv","missing":false,"#))
        // Put back as it was: nothing to name.
        try before.write(toFile: sheet, atomically: true, encoding: .utf8)
        #expect(try bidbench("journal", "--verify", "--strict", "-w", ws).status == 0)
        // Gone: named as missing.
        try FileManager.default.removeItem(atPath: sheet)
        #expect(try bidbench("journal", "--verify", "-w", ws).out.contains("  scores/张伟.csv: missing since "))
        // A helper's pass: a merge git made cleanly left `--strict` failing for good, with no verb to
        // record it. `journal --record` journals the files as they are, once the workspace checks.
        try before.replacingOccurrences(of: "V2,func_mfg,5,", with: "V2,func_mfg,x,").write(
            toFile: sheet, atomically: true, encoding: .utf8)
        let broken = try bidbench("journal", "--record", "-w", ws)
        #expect(
            broken.status == 1 && broken.err.hasSuffix("bidbench: nothing recorded: the workspace does not check (above); fix it first\n"))
        try before.replacingOccurrences(of: "V2,func_mfg,5,", with: "V2,func_mfg,9,").write(
            toFile: sheet, atomically: true, encoding: .utf8)
        let recorded = try bidbench("journal", "--record", "--actor", "刘主任", "-w", ws)
        #expect(recorded.out == "recorded as they are now (changed outside Bidbench): scores/张伟.csv\n", "\(recorded.err)")
        #expect(try bidbench("journal", "--verify", "--strict", "-w", ws).status == 0)
        #expect(try bidbench("journal", "-w", ws).out.contains(" 刘主任 record scores/张伟.csv: 1 row(s)"))
        #expect(try bidbench("journal", "--record", "-w", ws).out == "nothing to record: every file is as the journal last recorded it\n")
    }

    @Test func aSecondCostCentreEnvelopeDoesNotChargeTheProposalTwice() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        try append("2027,生产部,,500000\n", to: ws + "/budget.csv")
        let r = try bidbench("budget", "-w", ws, "--vendor", "V1", "--json")
        #expect(r.status == 0, "\(r.err)")
        // V1's contract C1 is signed (active): its milestones, 1 860 000 + approved CO1 80 000 =
        // 1 940 000, are committed; C2 (V2, in review) 286 000 is proposed; all in 2027, all to 信息部
        // (the default), 96.78 % of the 2 300 000 envelope.
        #expect(
            r.out.contains(
                #"{"fiscal_year": 2027, "cost_center": "信息部", "category": "all", "envelope": 2300000.00, "committed": 1940000.00, "proposed": 286000.00, "used": 2226000.00, "remaining": 74000.00, "percent_used": 96.78, "status": "warn"}"#
            ))
        #expect(
            r.out.contains(
                #"{"fiscal_year": 2027, "cost_center": "生产部", "category": "all", "envelope": 500000.00, "committed": 0.00, "proposed": 0.00, "used": 0.00, "remaining": 500000.00, "percent_used": 0.00, "status": "ok"}"#
            ))
        #expect(r.out.contains(#""proposed_vendor": "V1",\#n    "proposal_covered_by": "C1","#))
    }

    @Test func aLongWhatIfSaysWhichYearsAreUnbudgeted() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        let r = try bidbench("budget", "-w", ws, "--vendor", "V3", "--years", "7")
        #expect(r.status == 0, "\(r.err)")
        let rows = r.out.components(separatedBy: "\n").filter { $0.hasPrefix("2032 ") || $0.hasPrefix("2033 ") }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.contains("信息部") && $0.hasSuffix("UNBUDGETED") })
    }

    @Test func datesFollowTheCalendarAfterAMissedNoticeDeadline() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        let a = try bidbench("dates", "-w", ws, "--today", "2028-01-05", "--within", "400")
        #expect(a.status == 0, "\(a.err)")
        #expect(!a.out.contains("2028-02-01  in 27 d     expiry"))
        #expect(
            a.out.contains(
                "2028-02-01  in 27 d     renewal          CRM 与 BI 订阅服务协议: renews automatically for 12 months (notice deadline 2028-01-02 passed)"
            ))
        #expect(a.out.contains("2029-01-02  in 363 d    notice_deadline  CRM 与 BI 订阅服务协议"))
        let b = try bidbench("dates", "-w", ws, "--today", "2029-01-20", "--within", "60")
        #expect(b.out.contains("2029-02-01  in 12 d     renewal          CRM 与 BI 订阅服务协议: renews automatically"))
    }

    /// Regression: the verb called the base scenario "default" while the budget screen, the reports and
    /// handouts call it "base" (基准): one name everywhere, the JSON goldens included.
    @Test func theBaseScenarioIsCalledBaseInTextAndJSON() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let text = try bidbench("budget", "-w", ws)
        #expect(text.out.hasPrefix("Scenario base: 5 years from 2027, 120 users, growth 10%, escalation 3%, discount 6% (CNY)\n"))
        let json = try bidbench("budget", "-w", ws, "--json")
        #expect(json.out.contains(#""scenario": {"name": "base", "years": 5,"#))
    }

    @Test func langIsHonouredAfterTheVerb() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let demo = tmp.path + "/x"
        #expect(try bidbench("demo", demo, "--lang", "en").status == 0)
        #expect(try String(contentsOfFile: demo + "/workspace.json", encoding: .utf8).contains(#""language": "en""#))
        let empty = tmp.path + "/y"
        #expect(try bidbench("init", empty, "--lang", "en").status == 0)
        #expect(try String(contentsOfFile: empty + "/workspace.json", encoding: .utf8).contains(#""language": "en""#))
        let zh = try tmp.demoCopy()
        let report = try bidbench("report", "-w", zh, "--format", "md", "--today", "2026-12-01", "-o", "-", "--lang", "en")
        #expect(report.out.hasPrefix("# Procurement review minutes"), "\(report.out.prefix(80))")
        // The one wording of a closed option (ClosedOptionTests).
        #expect(
            try bidbench("demo", tmp.path + "/z", "--lang", "fr").err.hasPrefix(
                "Error: The value 'fr' is invalid for '--lang <lang>'. Please provide one of 'en' and 'zh'.\n"))
    }

    @Test func rankJsonListsProvisionalVendorsWithTheirMissingGates() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        // A confirmed must-have from a new survey, answered by nobody yet.
        try append("R99,D05,平台,单点登录对接企业微信,,must,5,,confirmed,,信息部 2026-12-01 调研\n", to: ws + "/requirements.csv")
        let r = try bidbench("rank", "-w", ws, "--json")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains(#"{"alternative":"V1","name":"云帆软件","score":82.90591397849461,"rank":1,"provisional":true}"#))
        #expect(r.out.contains(#"{"alternative":"V1","name":"云帆软件","missing_gates":["R99 单点登录对接企业微信: no answer"]}"#))
        // The knocked-out V4 is not provisional: it is out.
        #expect(!r.out.contains(#""alternative":"V4","name":"北辰数科","missing_gates""#))
        let table = try bidbench("rank", "-w", ws)
        #expect(table.out.contains("provisional (confirmed must-haves not answered):"))
        let report = try bidbench("report", "-w", ws, "--format", "md", "--today", "2026-12-01", "-o", "-")
        #expect(report.out.contains("- 暂定：云帆软件 — R99 单点登录对接企业微信：未答复\n"))
    }

    /// Two user passes: `rank --lang zh` printed its warnings in English although each has its Chinese.
    @Test func rankWarningsFollowLang() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        let zh = try bidbench("rank", "-w", ws, "--lang", "zh")
        #expect(zh.status == 0 && zh.err.hasPrefix("warning: 供应商 V1 仅部分满足必须项 R21 批次与序列号追溯\n"), "\(zh.err)")
        #expect(try bidbench("rank", "-w", ws).err.hasPrefix("warning: vendor V1 only partly meets must-have R21"))
    }

    /// A CLI pass: `export vendors --department 财务部` exported every vendor, and `template -o s.csv`
    /// wrote a workbook under a CSV name.
    @Test func optionsThatCannotApplyAreRefused() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        let vendors = try bidbench("export", "vendors", "-w", ws, "--department", "财务部")
        #expect(vendors.status == 64 && vendors.out == "" && vendors.err.contains("--department applies to requirements only, not vendors"))
        let template = try bidbench("template", "survey", "-w", ws, "--department", "财务部", "-o", tmp.path + "/s.csv")
        #expect(template.status == 64 && template.err.contains("a survey template is an .xlsx workbook; give the file the .xlsx extension"))
        #expect(!FileManager.default.fileExists(atPath: tmp.path + "/s.csv"))
        // export takes its format from -o's extension, and refuses a file named for another format
        // (`-o v.xlsx` wrote CSV text that Excel refused to open; `--format xlsx -o v.csv` a workbook).
        let inferred = try bidbench("export", "vendors", "-w", ws, "-o", tmp.path + "/v.xlsx")
        #expect(inferred.status == 0, "\(inferred.err)")
        #expect(FileManager.default.contents(atPath: tmp.path + "/v.xlsx")?.prefix(2) == Data("PK".utf8))
        let mismatch = try bidbench("export", "vendors", "-w", ws, "--format", "xlsx", "-o", tmp.path + "/v.csv")
        #expect(mismatch.status == 64)
        #expect(mismatch.err.contains("-o \(tmp.path)/v.csv names a .csv file but --format is xlsx: give the file the .xlsx extension"))
        #expect(!FileManager.default.fileExists(atPath: tmp.path + "/v.csv"))
        // A survey template never replaces a workbook already there (perhaps a department's answers).
        let book = tmp.path + "/财务部需求调研.xlsx"
        #expect(try bidbench("template", "survey", "-w", ws, "--department", "财务部", "-o", book).status == 0)
        try Data("answers".utf8).write(to: URL(fileURLWithPath: book))
        let again = try bidbench("template", "survey", "-w", ws, "--department", "财务部", "-o", book)
        #expect(again.status == 1 && again.err.contains("exists (a department's returned workbook?); nothing written"), "\(again.err)")
        #expect(FileManager.default.contents(atPath: book) == Data("answers".utf8))
        #expect(try bidbench("template", "survey", "-w", ws, "--department", "财务部", "-o", book, "--force").status == 0)
        #expect(FileManager.default.contents(atPath: book)?.prefix(2) == Data("PK".utf8))
    }

    @Test func awardingIsRefusedOverAStopEnvelopeAndRecordedOtherwise() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        let before = try String(contentsOfFile: ws + "/workspace.json", encoding: .utf8)
        let refused = try bidbench("award", "-w", ws, "V3")
        #expect(refused.status == 1)
        #expect(
            refused.err.contains(
                "awarding V3 would exceed a stop envelope: 2027 信息部: committed 3,115,000 + proposed 286,000 = 3,401,000 of 2,300,000 (147.9 %)"
            ))
        #expect(try String(contentsOfFile: ws + "/workspace.json", encoding: .utf8) == before)
        #expect(try bidbench("award", "-w", ws, "V4").err.contains("V4 is knocked out (fails a must-have): R02 按工单归集实际成本: no"))
        // With room in 2027 the award is recorded, and V3's proposal is committed from then on.
        try "fiscal_year,cost_center,category,amount\n2027,信息部,,5000000\n".write(
            toFile: ws + "/budget.csv", atomically: true, encoding: .utf8)
        #expect(try bidbench("award", "-w", ws, "V3").status == 0)
        #expect(try String(contentsOfFile: ws + "/workspace.json", encoding: .utf8).contains(#""awarded_vendor": "V3""#))
        let budget = try bidbench("budget", "-w", ws, "--json")
        // Committed: the signed C1 (1 940 000) and V3's awarded proposal (1 175 000); C2 is still proposed.
        #expect(budget.out.contains(#""envelope": 5000000.00, "committed": 3115000.00, "proposed": 286000.00"#))
        // A CLI pass: `award V2 --clear` removed V3's award, and the journal said "bidbench award", not who.
        let wrong = try bidbench("award", "-w", ws, "V2", "--clear")
        #expect(wrong.status == 1 && wrong.err.contains("the purchase is awarded to V3, not V2; `bidbench award V3 --clear` removes it"))
        #expect(try String(contentsOfFile: ws + "/workspace.json", encoding: .utf8).contains(#""awarded_vendor": "V3""#))
        let entries = try FileManager.default.contentsOfDirectory(atPath: ws + "/journal")
        #expect(!entries.contains { $0.contains("bidbench award") }, "\(entries)")
        let cleared = try bidbench("award", "-w", ws, "V3", "--clear")
        #expect(cleared.status == 0 && cleared.out == "Award to V3 removed.\n")
        #expect(try bidbench("award", "-w", ws, "V3", "--clear").err.contains("there is no award to remove"))
        // A vendor under contract: the message says its contract stands for it, not that figures moved.
        #expect(
            try bidbench("award", "-w", ws, "V2").out
                == "Awarded to V2: its contract C2 (review) stands for its price and counts as committed once signed (bidbench budget shows the figures).\n"
        )
    }
}
