import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

@Suite struct LoadSaveTests {
    @Test func canonicalWorkspaceLoadsWithoutProblemsAndRendersToTheSameBytes() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.problems == [])
        let w = loaded.workspace
        #expect(w.settings.name == "演示工作区")
        #expect(w.settings.extra == ["x_custom": #"{"a":[1,2],"b":"kept"}"#])
        #expect(w.requirements.map(\.id) == ["R1", "R2", "R10"])
        #expect(w.requirements[0].detail == "扫码报工\n支持 \"批次\" 追溯")
        #expect(w.requirements[0].weight == 0.35)
        #expect(w.requirements[0].priority == .must)
        #expect(w.vendors[1].bidPrice == Money(minor: 9950))
        #expect(w.prices[2].unitPrice == Money(minor: 120050))
        #expect(w.prices[1].startYear == 2 && w.prices[1].years == nil)
        #expect(w.scores["张伟"]?.map(\.score) == [8.5, 7])
        #expect(w.changes[0].priceDelta == Money(minor: -150025))
        #expect(w.contracts[0].effective == Day(year: 2027, month: 1, day: 1))
        #expect(w.contractTexts["contracts/k1.md"] == "# ERP 实施合同\n\n第一条 范围……\n")
        #expect(w.ahp[""] == PairwiseMatrix(names: ["C1", "C2"], values: [[1, 3], [1.0 / 3, 1]]))
        // Every file prints back to exactly the bytes it was read from.
        let rendered = WorkspaceStore.render(w, layouts: loaded.layouts)
        for (file, text) in Fixture.files {
            #expect(rendered[file].map { String(decoding: $0.bytes, as: UTF8.self) } == text, "\(file)")
        }
        // The fixture predates the delivery tables and discussion.csv: absent, they render as their
        // header only (and are not written).
        let later = Schema.deliveryFiles + [Schema.discussion.file]
        #expect(Set(rendered.keys).subtracting(later) == Set(Fixture.files.keys))
        for f in later { #expect(rendered[f]?.rows.isEmpty == true, "\(f)") }
        // Saving the unchanged workspace writes nothing and journals nothing.
        let saved = try WorkspaceStore.save(w, over: loaded, actor: "test")
        #expect(saved.written == [])
        #expect(!dir.exists("journal.log"))
    }

    @Test func workspaceBuiltInCodeRoundTripsThroughSaveAndLoad() throws {
        let dir = TempDir()
        try WorkspaceStore.initialize(folder: dir.path, name: "RT", language: "en")
        let empty = try WorkspaceStore.load(folder: dir.path)
        #expect(empty.problems == [])
        var w = empty.workspace
        w.departments = [Department(id: "D1", name: "Ops, \"North\"", contact: "a\nb", headCount: 3)]
        w.criteria = [Criterion(id: "C1", name: "Fit", weight: 0.1 + 0.2)]
        w.vendors = [Vendor(id: "V1", name: "Acme", sme: true, bidPrice: Money(minor: 5))]
        w.requirements = [Requirement(id: "R1", department: "D1", module: "CRM", title: " leading space", priority: .wont, weight: 1e-5)]
        w.scores["Ann"] = [Score(vendor: "V1", criterion: "C1", score: 10)]
        try #require(WorkspaceStore.validate(w) == [])
        let saved = try WorkspaceStore.save(w, over: empty, actor: "t")
        #expect(saved.written == ["departments.csv", "requirements.csv", "criteria.csv", "vendors.csv", "scores/Ann.csv"])
        #expect(
            dir.text("requirements.csv")
                == """
                id,department,module,title,detail,priority,weight,acceptance,status,criterion,source
                R1,D1,CRM, leading space,,won't,0.00001,,draft,,

                """.replacingOccurrences(of: ", leading space,", with: ",\" leading space\","))
        #expect(dir.text("criteria.csv") == "id,parent,name,kind,weight,source\nC1,,Fit,benefit,0.30000000000000004,panel\n")
        #expect(dir.text("vendors.csv") == "id,name,contact,qualifications,references,notes,sme,bid_price\nV1,Acme,,,,,true,0.05\n")
        let again = try WorkspaceStore.load(folder: dir.path)
        #expect(again.problems == [])
        #expect(again.workspace == w)
        let rerun = try WorkspaceStore.save(again.workspace, over: again, actor: "t")
        #expect(rerun.written == [])
    }

    @Test func onlyChangedTablesAreRewrittenWithBackupAndJournal() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        let inodeDepartments = dir.inode("departments.csv")
        let inodeRequirements = dir.inode("requirements.csv")
        var w = loaded.workspace
        w.requirements[1].title = "多币种核算"
        let saved = try WorkspaceStore.save(w, over: loaded, actor: "lead")
        #expect(saved.written == ["requirements.csv"])
        #expect(dir.inode("departments.csv") == inodeDepartments)
        #expect(dir.inode("requirements.csv") != inodeRequirements)
        #expect(dir.text(".bidbench/backup/requirements.csv") == Fixture.files["requirements.csv"])
        #expect(dir.text("requirements.csv") == Fixture.files["requirements.csv"]!.replacingOccurrences(of: "多币种,", with: "多币种核算,"))
        let entries = try Journal.read(folder: dir.path)
        #expect(entries.count == 1)
        #expect(
            entries[0].seq == 1 && entries[0].actor == "lead" && entries[0].table == "requirements.csv" && entries[0].action == "update")
        #expect(entries[0].changes.map(\.key) == ["R2"])
        #expect(entries[0].changes[0].before["title"] == .string("多币种"))
        #expect(entries[0].changes[0].after["title"] == .string("多币种核算"))
        // A second save over the returned state works (fresh fingerprints) and rewrites nothing else.
        var w2 = saved.workspace
        w2.risks[0].likelihood = 4
        let saved2 = try WorkspaceStore.save(w2, over: saved, actor: "lead")
        #expect(saved2.written == ["risks.csv"])
        #expect(Journal.verify(folder: dir.path) == JournalVerification(entries: 2, firstBadLine: nil, message: nil, chains: 1))
    }

    @Test func scoreFilesAreCreatedAndRemovedWithTheEvaluators() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var w = loaded.workspace
        w.scores["李娜"] = [Score(vendor: "V2", criterion: "C1", score: 6), Score(vendor: "V1", criterion: "C1", score: 9, note: "强")]
        w.scores["张伟"] = nil
        let saved = try WorkspaceStore.save(w, over: loaded, actor: "lead")
        #expect(saved.written == ["scores/张伟.csv", "scores/李娜.csv"])
        #expect(!dir.exists("scores/张伟.csv"))
        #expect(dir.text(".bidbench/backup/scores/张伟.csv") == Fixture.files["scores/张伟.csv"])
        #expect(dir.text("scores/李娜.csv") == "vendor,criterion,score,note\nV1,C1,9,强\nV2,C1,6,\n")
        #expect(try Journal.read(folder: dir.path).map(\.action) == ["delete", "create"])
    }

    @Test func unknownColumnsSurviveASave() throws {
        let dir = Fixture.folder()
        dir.write("departments.csv", "\u{FEFF}id,备注,name,contact,head_count,zone\nD1,老客户,生产部,,120,north\nD2,,财务部,,15,\n")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.problems == [])
        #expect(loaded.workspace.departments[0].extra == ["备注": "老客户", "zone": "north"])
        // Another table changes: departments.csv is not touched at all.
        var w = loaded.workspace
        w.vendors[0].notes = "x"
        let s1 = try WorkspaceStore.save(w, over: loaded, actor: "a")
        #expect(s1.written == ["vendors.csv"])
        #expect(dir.text("departments.csv") == "\u{FEFF}id,备注,name,contact,head_count,zone\nD1,老客户,生产部,,120,north\nD2,,财务部,,15,\n")
        // departments.csv changes: known columns first in README order, unknown ones after in their order, BOM kept.
        w.departments[1].headCount = 16
        _ = try WorkspaceStore.save(w, over: s1, actor: "a")
        #expect(dir.text("departments.csv") == "\u{FEFF}id,name,contact,head_count,备注,zone\nD1,生产部,,120,老客户,north\nD2,财务部,,16,,\n")
        let reread = try WorkspaceStore.load(folder: dir.path)
        #expect(reread.workspace.departments == w.departments)
    }

    /// A table saved by Excel on Windows ends its records with CRLF: a save keeps them so (and a
    /// quoted line break inside a field as it was), instead of rewriting every line for git.
    @Test func crlfTablesKeepTheirLineEnds() throws {
        let dir = Fixture.folder()
        dir.write("departments.csv", "\u{FEFF}id,name,contact,head_count\r\nD1,生产部,\"张三\r\n李四\",120\r\nD2,财务部,,15\r\n")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.problems == [])
        var w = loaded.workspace
        w.departments[1].headCount = 16
        let s1 = try WorkspaceStore.save(w, over: loaded, actor: "a")
        #expect(s1.written == ["departments.csv"])
        #expect(dir.text("departments.csv") == "\u{FEFF}id,name,contact,head_count\r\nD1,生产部,\"张三\r\n李四\",120\r\nD2,财务部,,16\r\n")
        // A new row (the whole file rendered again) ends with CRLF too.
        w.departments.append(Department(id: "D3", name: "信息部", contact: "", headCount: 8))
        _ = try WorkspaceStore.save(w, over: s1, actor: "a")
        #expect(
            dir.text("departments.csv")
                == "\u{FEFF}id,name,contact,head_count\r\nD1,生产部,\"张三\r\n李四\",120\r\nD2,财务部,,16\r\nD3,信息部,,8\r\n")
        // A table with LF stays LF.
        w.vendors[0].notes = "x"
        _ = try WorkspaceStore.save(w, over: try WorkspaceStore.load(folder: dir.path), actor: "a")
        #expect(!(dir.text("vendors.csv") ?? "\r").contains("\r"))
        #expect(CSV.endsRecordsWithCRLF(Array("\"a\nb\",c\r\n".utf8)) && !CSV.endsRecordsWithCRLF(Array("\"a\r\nb\",c\n".utf8)))
    }

    /// Regression: saving contracts.csv after signing one contract filled the other rows' empty
    /// cells with defaults (renewal 12, notice 0, warranty 0): "not set" became a value.
    @Test func emptyContractCellsStayEmptyWhenAnotherContractIsSaved() throws {
        let dir = Fixture.folder()
        let header =
            "id,vendor,title,file,signed,effective,term_months,auto_renew,renewal_months,notice_days,value,warranty_months,status\n"
        let k1 = "K1,V1,ERP 实施合同,contracts/k1.md,2026-12-20,2027-01-01,36,true,12,60,1286000,12,signed\n"
        dir.write(
            "contracts.csv",
            header + k1 + "K2,V1,ERP,contracts/k1.md,,2027-01-01,36,false,,,1860000,12,review\nK3,V2,CRM,contracts/k1.md,,,,,,,,,review\n")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.problems == [])
        #expect(loaded.workspace.contracts[2].renewalMonths == 12 && loaded.workspace.contracts[2].noticeDays == 0)
        var w = loaded.workspace
        w.contracts[2].status = "signed"
        w.contracts[2].signed = Day(iso: "2027-01-20")
        w.contracts[2].noticeDays = 30  // set now: written; the other empty cells stay empty
        let s1 = try WorkspaceStore.save(w, over: loaded, actor: "a")
        #expect(s1.written.contains("contracts.csv"))
        #expect(
            dir.text("contracts.csv")
                == header + k1
                + "K2,V1,ERP,contracts/k1.md,,2027-01-01,36,false,,,1860000,12,review\nK3,V2,CRM,contracts/k1.md,2027-01-20,,,,,30,,,signed\n"
        )
        // Read back with the same values (the marker of K3's notice_days, set now, is not read back: moot).
        func values(_ ks: [Contract]) -> [Contract] {
            ks.map {
                var k = $0
                k.extra = [:]
                return k
            }
        }
        let reread = try WorkspaceStore.load(folder: dir.path)
        #expect(values(reread.workspace.contracts) == values(w.contracts))
        #expect(reread.workspace.contracts[2].extra["notice_days"] == nil)
    }

    @Test func invalidChangesAreRefusedAndNothingIsWritten() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var w = loaded.workspace
        w.requirements[0].department = "D9"
        w.risks[0].impact = 6
        #expect(
            throws: StoreError.invalid([
                Problem(
                    file: "requirements.csv", line: 2, field: "department", message: "\"D9\" is not a department id in departments.csv"),
                Problem(file: "risks.csv", line: 2, field: "impact", message: "6 is outside 1–5"),
            ])
        ) { try WorkspaceStore.save(w, over: loaded, actor: "a") }
        #expect(
            WorkspaceStore.validate(w).map(\.description) == [
                #"requirements.csv:2: department: "D9" is not a department id in departments.csv"#, "risks.csv:2: impact: 6 is outside 1–5",
            ])
        #expect(dir.text("requirements.csv") == Fixture.files["requirements.csv"])
        #expect(!dir.exists("journal.log"))
    }

    @Test func interruptedSaveLeavesTheOldFileAndNoPartialFile() throws {
        struct Crash: Error {}
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var w = loaded.workspace
        w.requirements[0].title = "changed"
        var calls: [String] = []
        #expect(throws: Crash.self) {
            _ = try WorkspaceStore.save(
                w, over: loaded, actor: "a", force: false, lock: nil, now: Date(),
                fault: { stage in
                    calls.append("\(stage)")
                    if stage == .manifest { throw Crash() }
                })
        }
        #expect(calls == ["temp(\"requirements.csv\")", "manifest"])
        #expect(dir.text("requirements.csv") == Fixture.files["requirements.csv"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers == [])
        #expect(try Journal.read(folder: dir.path).isEmpty)
        #expect(!dir.exists(".bidbench/lock"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url(".bidbench/locks")) == [])
        // The interrupted save did not commit anything, so a retry succeeds.
        let saved = try WorkspaceStore.save(w, over: loaded, actor: "a")
        #expect(saved.written == ["requirements.csv"])
    }

    /// What `bidbench resolve` lists of a row both sides changed: the columns that differ, with the
    /// value each side and the ancestor have; the settings of workspace.json the same way (they read
    /// "mine … theirs" from the live dialog, unlike the tables' "yours … theirs": user test pass).
    @Test func rowConflictsListTheColumnsBothChangedAndTheSettingsAlike() throws {
        let dir = Fixture.folder()
        let base = try WorkspaceStore.load(folder: dir.path).workspace
        var mine = base
        var theirs = base
        mine.requirements[0].weight = 4
        theirs.requirements[0].weight = 3
        theirs.requirements[1].title = "theirs only"
        mine.settings.users = 200
        theirs.settings.users = 150
        theirs.settings.horizonYears = 9
        let rows = WorkspaceStore.rowConflicts(file: "requirements.csv", base: base, mine: mine, theirs: theirs)
        #expect(rows.map(\.key) == [base.requirements[0].id])
        #expect(rows[0].fields.map { "\($0.column) \($0.base ?? "-") \($0.mine ?? "-") \($0.theirs ?? "-")" } == ["weight 0.35 4 3"])
        let settings = WorkspaceStore.rowConflicts(file: "workspace.json", base: base, mine: mine, theirs: theirs)
        #expect(settings.map(\.key) == ["settings"])
        #expect(
            settings[0].fields.map { "\($0.column) \($0.base ?? "-") \($0.mine ?? "-") \($0.theirs ?? "-")" } == [
                "horizon_years 5 5 9", "users 120 200 150",
            ])
    }

    /// A file a git merge left with conflict markers is never written over, not even by a forced save
    /// (the TUI's "o overwrite" wrote the session's copy over it and dropped the other side of the
    /// merge: user test pass); the journal gets nothing, and a save of other files is not blocked.
    @Test func aForcedSaveNeverOverwritesAFileInAGitConflict() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        let marked = Fixture.files["requirements.csv"]! + "<<<<<<< HEAD\n=======\nR9,D1,x\n>>>>>>> theirs\n"
        dir.write("requirements.csv", marked)
        var w = loaded.workspace
        w.requirements[0].title = "mine"
        #expect(throws: StoreError.changedOnDisk(["requirements.csv"])) { try WorkspaceStore.save(w, over: loaded, actor: "a") }
        #expect(throws: StoreError.mergeInProgress(["requirements.csv"])) {
            try WorkspaceStore.save(w, over: loaded, actor: "a", force: true)
        }
        #expect(dir.text("requirements.csv") == marked)
        #expect(try Journal.read(folder: dir.path).isEmpty)
        #expect(
            StoreError.mergeInProgress(["requirements.csv"]).description
                == "not saved, nothing in the workspace was changed: git left merge conflict markers in requirements.csv (a merge in progress; overwriting would drop the other side): run bidbench resolve, then save again"
        )
    }

    /// A helper's pass: a colleague's edit left `requirements.csv` with a stray quote; the TUI said it
    /// did not load, yet `o` in the changed-on-disk dialog replaced it. A forced save never overwrites a
    /// file that no longer parses, and says why; other files still save.
    @Test func aForcedSaveNeverOverwritesAFileThatNoLongerParses() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        let broken = Fixture.files["requirements.csv"]! + "R9,D1,MES,\"half,typed\"x,,must,1,,draft,,\n"
        dir.write("requirements.csv", broken)
        var w = loaded.workspace
        w.requirements[0].title = "mine"
        #expect(throws: StoreError.changedOnDisk(["requirements.csv"])) { try WorkspaceStore.save(w, over: loaded, actor: "a") }
        do {
            _ = try WorkspaceStore.save(w, over: loaded, actor: "a", force: true)
            Issue.record("the forced save overwrote a file that does not parse")
        } catch let StoreError.unparsedOnDisk(problems) {
            #expect(problems.map(\.file) == ["requirements.csv"])
            #expect(
                StoreError.unparsedOnDisk(problems).description
                    == "not saved, nothing in the workspace was changed: requirements.csv changed on disk and no longer parse(s), so overwriting would lose what is in them: "
                    + problems.map(\.description).joined(separator: "; ") + "; fix it there (or take it back from git), then reload")
        }
        #expect(dir.text("requirements.csv") == broken)
        #expect(try Journal.read(folder: dir.path).isEmpty)
        // A save that does not write the broken file goes ahead, forced past its change.
        var other = loaded.workspace
        other.risks[0].title = "mine"
        let saved = try WorkspaceStore.save(other, over: loaded, actor: "a", force: true)
        #expect(saved.written == ["risks.csv"])
        #expect(dir.text("requirements.csv") == broken)
    }

    @Test func changesOnDiskAreDetectedBeforeSaving() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        let theirs = Fixture.files["risks.csv"]!.replacingOccurrences(of: ",3,4,", with: ",5,5,")
        dir.write("risks.csv", theirs)
        var w = loaded.workspace
        w.requirements[0].title = "mine"
        // Tables refer to each other, so a save of a shared table is refused when another shared table changed.
        #expect(throws: StoreError.changedOnDisk(["risks.csv"])) { try WorkspaceStore.save(w, over: loaded, actor: "a") }
        #expect(dir.text("requirements.csv") == Fixture.files["requirements.csv"])
        // Forced: our changed table is written, their file is left as they wrote it.
        let saved = try WorkspaceStore.save(w, over: loaded, actor: "a", force: true)
        #expect(saved.written == ["requirements.csv"])
        #expect(dir.text("risks.csv") == theirs)
        // A file that appears where we want to create one is a change on disk too.
        var w2 = saved.workspace
        w2.scores["王五"] = [Score(vendor: "V1", criterion: "C1", score: 5)]
        dir.write("scores/王五.csv", "vendor,criterion,score,note\n")
        dir.write("risks.csv", Fixture.files["risks.csv"]!)
        #expect(throws: StoreError.changedOnDisk(["scores/王五.csv"])) { try WorkspaceStore.save(w2, over: saved, actor: "a") }
    }

    /// Many writers: another evaluator's sheet changing never blocks a save; the same file does.
    @Test func anotherWritersScoreSheetDoesNotBlockButTheSameFileDoes() throws {
        let dir = Fixture.folder()
        let lead = try WorkspaceStore.load(folder: dir.path)
        let evaluator = try WorkspaceStore.load(folder: dir.path)
        // The evaluator saves their sheet while the lead has unsaved edits of a table.
        var mine = evaluator.workspace
        mine.scores["张伟"]![0].score = 2
        let lock = try WorkspaceLock(folder: dir.path, scope: .evaluator("张伟"))
        #expect(try WorkspaceStore.save(mine, over: evaluator, actor: "张伟", lock: lock).written == ["scores/张伟.csv"])
        var w = lead.workspace
        w.requirements[0].title = "lead edit"
        #expect(try WorkspaceStore.save(w, over: lead, actor: "lead").written == ["requirements.csv"])
        // The lead's state still has the old sheet: changing it now is a stale write of the same file.
        var stale = lead.workspace
        stale.scores["张伟"]![0].score = 9
        #expect(throws: StoreError.changedOnDisk(["scores/张伟.csv"])) { try WorkspaceStore.save(stale, over: lead, actor: "lead") }
        // The evaluator's session may write only their own sheet.
        var other = evaluator.workspace
        other.vendors[0].notes = "not theirs"
        #expect(throws: StoreError.notOwner("vendors.csv", "scores/张伟.csv")) {
            try WorkspaceStore.save(other, over: evaluator, actor: "张伟", lock: lock)
        }
        #expect(try Journal.read(folder: dir.path).map(\.actor) == ["张伟", "lead"])
    }

    @Test func readOnlyWorkspaceIsNeverSaved() throws {
        let dir = Fixture.folder()
        let broken =
            "id,department,module,title,detail,priority,weight,acceptance,status,criterion,source\nR1,D1,MES,\"unclosed,,must,1,,draft,,\n"
        dir.write("requirements.csv", broken)
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(
            loaded.problems == [Problem(file: "requirements.csv", line: 2, message: "unclosed quote (the field starting here never ends)")])
        #expect(loaded.readOnly)
        var w = loaded.workspace
        w.requirements = [Requirement(id: "R1", department: "D1", module: "M", title: "T")]
        #expect(throws: StoreError.readOnly(loaded.problems)) { try WorkspaceStore.save(w, over: loaded, actor: "a") }
        #expect(dir.text("requirements.csv") == broken)
    }

    /// Saves a department, a criterion, a vendor and one evaluator's score into the new workspace `ws`
    /// (which loads without problems): new tables, a score sheet, the journal and a backup.
    private func saveFirstScore(_ ws: String) throws {
        let loaded = try WorkspaceStore.load(folder: ws)
        #expect(loaded.problems == [])
        var w = loaded.workspace
        w.departments = [Department(id: "D1", name: "x")]
        w.criteria = [Criterion(id: "C1", name: "c", weight: 1)]
        w.vendors = [Vendor(id: "V1", name: "v")]
        w.scores["a"] = [Score(vendor: "V1", criterion: "C1", score: 1)]
        _ = try WorkspaceStore.save(w, over: loaded, actor: "t")
    }

    @Test func newFilesAndFoldersAreOwnerOnly() throws {
        let dir = TempDir()
        let ws = dir.path + "/new/ws"
        try WorkspaceStore.initialize(folder: ws, name: "n", language: "zh")
        #expect(dir.mode("new/ws") == 0o700)
        #expect(dir.mode("new/ws/workspace.json") == 0o600)
        #expect(dir.mode("new/ws/requirements.csv") == 0o600)
        #expect(dir.mode("new/ws/scores") == 0o700)
        #expect(dir.text("new/ws/.gitignore") == WorkspaceStore.gitignore)
        #expect(WorkspaceStore.gitignore.contains("\n.bidbench/\n.*.tmp-*\n"))
        // The demos carry the same (`demo` keeps a copied one): a save's temp files stay out of `git add -A`.
        for language in ["zh", "en"] {
            let demo = try #require(WorkspaceStore.demoFolder(language: language))
            #expect(try String(contentsOfFile: demo + "/.gitignore", encoding: .utf8) == WorkspaceStore.gitignore)
        }
        #expect(dir.text("new/ws/.gitattributes")?.contains("journal/*.log -text merge=binary\n") == true)
        try saveFirstScore(ws)
        #expect(dir.mode("new/ws/scores/a.csv") == 0o600)
        #expect(dir.mode("new/ws/.bidbench") == 0o700)
        #expect(dir.mode("new/ws/.bidbench/backup") == 0o700)
        #expect(dir.mode("new/ws/.bidbench/backup/departments.csv") == 0o600)
        let chain = try #require(Journal.chains(folder: ws).first)
        #expect(chain.hasPrefix("journal/t@") && chain.hasSuffix(".log"))
        #expect(dir.mode("new/ws/" + chain) == 0o600)
        #expect(dir.mode("new/ws/journal") == 0o700)
        // A replaced file keeps the mode it had (a shared 0644 file stays 0644).
        chmod(ws + "/departments.csv", 0o644)
        let again = try WorkspaceStore.load(folder: ws)
        var w2 = again.workspace
        w2.departments[0].name = "y"
        _ = try WorkspaceStore.save(w2, over: again, actor: "t")
        #expect(dir.mode("new/ws/departments.csv") == 0o644)
        #expect(throws: StoreError.exists(ws + "/workspace.json")) { try WorkspaceStore.initialize(folder: ws, name: "n", language: "zh") }
    }

    /// A meeting pass: a folder shared by several accounts (group-writable, setgid) got every new file
    /// 0600 and folder 0700, so the second person's session opened read-only and the lead could not
    /// read an evaluator's sheet. In a group-writable folder new files are 0660 and folders 0770 (the
    /// setgid kept); others never get a bit. A private folder stays owner-only (the test above).
    @Test func newFilesInAFolderSharedWithItsGroupAreTheGroups() throws {
        let dir = TempDir()
        let ws = dir.path + "/shared"
        mkdir(ws, 0o700)
        chmod(ws, 0o2770)
        func setgid(_ path: String) -> Bool {
            var st = Glibc.stat()
            return lstat(path, &st) == 0 && st.st_mode & S_ISGID != 0
        }
        try WorkspaceStore.initialize(folder: ws, name: "n", language: "zh")
        #expect(dir.mode("shared/workspace.json") == 0o660)
        #expect(dir.mode("shared/scores") == 0o770)
        #expect(setgid(ws + "/scores"))
        try saveFirstScore(ws)
        #expect(dir.mode("shared/scores/a.csv") == 0o660)
        #expect(dir.mode("shared/.bidbench") == 0o770)
        #expect(dir.mode("shared/.bidbench/backup") == 0o770)
        #expect(dir.mode("shared/.bidbench/clone-id") == 0o660)
        let chain = try #require(Journal.chains(folder: ws).first)
        #expect(dir.mode("shared/" + chain) == 0o660)
        #expect(dir.mode("shared/journal") == 0o770 && setgid(ws + "/journal"))
        let lock = try WorkspaceLock(folder: ws)
        #expect(dir.mode("shared/.bidbench/lock") == 0o660)
        lock.release()
    }

    @Test func loadErrorsThrowOnlyForMissingOrNonWorkspaceFolders() throws {
        let dir = TempDir()
        #expect(throws: StoreError.notFound(dir.path + "/nope")) { try WorkspaceStore.load(folder: dir.path + "/nope") }
        #expect(throws: StoreError.notAWorkspace(dir.path)) { try WorkspaceStore.load(folder: dir.path) }
        // Only workspace.json: every table is optional and empty.
        dir.write("workspace.json", "{\"schema\": 1, \"name\": \"min\"}\n")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.problems == [])
        #expect(loaded.workspace.settings.name == "min")
        #expect(loaded.workspace.requirements.isEmpty && loaded.workspace.scores.isEmpty)
    }

    @Test func copyWorkspaceCopiesTheTreeAndRefusesANonEmptyDestination() throws {
        let src = Fixture.folder()
        src.write(".bidbench/lock", "pid=1\n")
        let dst = TempDir()
        try WorkspaceStore.copyWorkspace(from: src.path, to: dst.path + "/copy")
        for (file, text) in Fixture.files { #expect(dst.text("copy/" + file) == text, "\(file)") }
        #expect(!dst.exists("copy/.bidbench"))
        #expect(dst.mode("copy/scores") == 0o700 && dst.mode("copy/vendors.csv") == 0o600)
        #expect(throws: StoreError.exists(dst.path + "/copy")) { try WorkspaceStore.copyWorkspace(from: src.path, to: dst.path + "/copy") }
    }

    /// The demos' files are as Bidbench writes them (workspace.json with sorted keys, weights without
    /// trailing zeros, every table present): the first write in a team's copy (a reveal, a setting)
    /// rewrote workspace.json whole, so two clones' first changes to it conflicted in git over lines
    /// neither had changed, and two clones creating the same empty table added it twice (user test pass).
    @Test func theDemosFilesAreAsBidbenchWritesThem() throws {
        for language in ["zh", "en"] {
            let folder = try #require(WorkspaceStore.demoFolder(language: language, packageRoot: #filePath))
            let loaded = try WorkspaceStore.load(folder: folder)
            for (rel, file) in WorkspaceStore.render(loaded.workspace, layouts: loaded.layouts) {
                let onDisk = FileManager.default.contents(atPath: folder + "/" + rel).map { [UInt8]($0) }
                #expect(onDisk == file.bytes, "\(folder)/\(rel)")
            }
        }
    }

    @Test func demoFolderIsFoundFromTheSourcePath() throws {
        let dir = TempDir()
        dir.write("pkg/Package.swift", "// swift-tools-version:6.0\n")
        dir.write("pkg/Sources/bidbench/Commands/X.swift", "")
        dir.write("pkg/data/demo/workspace.json", "{}\n")
        let source = dir.url("pkg/Sources/bidbench/Commands/X.swift")
        guard getenv("BIDBENCH_DEMO") == nil else { return }
        #expect(WorkspaceStore.demoFolder(language: "zh", packageRoot: source) == dir.url("pkg/data/demo"))
        // No English demo yet: the Chinese one is used.
        #expect(WorkspaceStore.demoFolder(language: "en", packageRoot: source) == dir.url("pkg/data/demo"))
        dir.write("pkg/data/demo-en/workspace.json", "{}\n")
        #expect(WorkspaceStore.demoFolder(language: "en", packageRoot: source) == dir.url("pkg/data/demo-en"))
        #expect(WorkspaceStore.demoFolder(language: "zh", packageRoot: dir.url("elsewhere/a.swift")) == nil)
    }
}

@Suite struct MoreSaveTests {
    @Test func aNonNumericWeightMakesTheWorkspaceReadOnlyAndTheFileIsKept() throws {
        let dir = Fixture.folder()
        let bad = Fixture.files["requirements.csv"]!.replacingOccurrences(of: ",could,2.5,", with: ",could,2,5,")
            .replacingOccurrences(of: ",should,1,", with: ",should,一,")
        dir.write("requirements.csv", bad)
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(
            loaded.problems.map(\.description) == [
                #"requirements.csv:4: weight: "一" is not a number (expected a decimal such as 5 or 0.35)"#,
                "requirements.csv:5: has 12 fields, expected 11 (the header has 11 columns)",
            ])
        #expect(throws: StoreError.readOnly(loaded.problems)) { try WorkspaceStore.save(loaded.workspace, over: loaded, actor: "a") }
        #expect(dir.text("requirements.csv") == bad)
    }

    @Test func contractTextsAreSavedButUnsafePathsAndNamesAreRefused() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var w = loaded.workspace
        w.contractTexts["contracts/k1.md"] = "# 修订版\n"
        let saved = try WorkspaceStore.save(w, over: loaded, actor: "a")
        #expect(saved.written == ["contracts/k1.md"])
        #expect(dir.text("contracts/k1.md") == "# 修订版\n")
        #expect(dir.text(".bidbench/backup/contracts/k1.md") == Fixture.files["contracts/k1.md"])
        var w2 = saved.workspace
        w2.contractTexts["../outside.md"] = "x"
        w2.vendors[0].notes = "changed"
        #expect(throws: StoreError.unsafePath("../outside.md")) { try WorkspaceStore.save(w2, over: saved, actor: "a") }
        #expect(dir.text("vendors.csv") == Fixture.files["vendors.csv"])
        var w3 = saved.workspace
        w3.scores["../x"] = []
        #expect(
            throws: StoreError.invalid([
                Problem(
                    file: "scores/../x.csv", line: 0,
                    message:
                        #"evaluator name "../x" cannot be a file name (no leading dot, slash, backslash or control characters)"#)
            ])
        ) {
            try WorkspaceStore.save(w3, over: saved, actor: "a")
        }
    }
}

@Suite struct DiskChangeTests {
    @Test func changesOnDiskListsEditedRemovedAndNewFiles() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.changesOnDisk() == [])
        dir.write("vendors.csv", Fixture.files["vendors.csv"]! + "V3,丙,,,,,false,\n")
        try FileManager.default.removeItem(atPath: dir.url("scores/张伟.csv"))
        dir.write("scores/李娜.csv", "vendor,criterion,score,note\n")
        #expect(loaded.changesOnDisk() == ["vendors.csv", "scores/张伟.csv", "scores/李娜.csv"])
    }
}
