import BidbenchCore
import BidbenchStore
import Foundation
import Testing

/// Blind means blind, on the command line, on real files: the demo's aggregate numbers are worked
/// out revealed, then the same verbs on the same folder made blind must print none of them.
@Suite struct BlindPanelCLITests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func setRevealed(_ folder: String, _ on: Bool) throws {
        let path = folder + "/workspace.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"revealed\": \(!on)", with: "\"revealed\": \(on)")
            .write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A meeting pass: after the panel was hidden again, the scoring handout and a scores export written
    /// while revealed stayed in the shared folder, unsaid.
    @Test func hidingNamesTheRevealedOutputsLeftInTheFolder() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        #expect(try bidbench("report", "--kind", "scoring", "-o", ws + "/handout-scoring-2026-12-07.md", "-w", ws).status == 0)
        #expect(try bidbench("export", "scores", "-o", ws + "/scores-zh.csv", "-w", ws).status == 0)
        let hide = try bidbench("reveal", "--hide", "-w", ws)
        #expect(hide.status == 0)
        #expect(
            hide.out
                == "hidden: the panel is blind again\nnote: still in the workspace folder, with the scores as revealed: handout-scoring-2026-12-07.md, scores-zh.csv (move or delete them: the panel shares this folder, and git add -A would commit them)\n"
        )
        // Nothing left: nothing said.
        let clean = try tmp.demoCopy("demo-en")
        #expect(try bidbench("reveal", "--hide", "-w", clean).out == "hidden: the panel is blind again\n")
    }

    /// A meeting pass: while blind, `rank --json` gave `"provisional": []` for a vendor added without its
    /// must-have answers, which the matrix showed everyone as provisional. Gates are not secret.
    @Test func aProvisionalVendorIsListedWhileBlind() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        try setRevealed(ws, false)
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: ws + "/vendors.csv"))
        h.seekToEndOfFile()
        h.write(Data("V5,新供应商,,,,,false,1690000\n".utf8))
        try h.close()
        let rank = try json(try bidbench("rank", "-w", ws, "--json").out)
        #expect(rank["blind"] as? Bool == true)
        let provisional = try #require(rank["provisional"] as? [[String: Any]])
        #expect(provisional.map { $0["alternative"] as? String } == ["V5"])
        let gaps = try #require(provisional.first?["missing_gates"] as? [String])
        #expect(gaps.first == "R01 多币种凭证自动折算: no answer")
        let text = try bidbench("rank", "-w", ws).out
        #expect(
            text.contains(
                "provisional (confirmed must-haves not answered):\nvendor  name      missing gates\nV5      新供应商  R01 多币种凭证自动折算: no answer; "
            ))
    }

    @Test func rankSensitivityReportAndExportShowNoAggregateWhileBlind() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()

        // Revealed: collect the numbers that only the panel's aggregate can produce.
        var secrets: Set<String> = []
        let rank = try json(try bidbench("rank", "-w", ws, "--json").out)
        let ranking = try #require(rank["ranking"] as? [[String: Any]])
        #expect(ranking.count == 3)
        for r in ranking {
            let score = try #require(r["score"] as? Double)
            secrets.insert(String(format: "%.2f", score))  // 82.91, 82.08, 81.41
            secrets.insert(score.description)
        }
        let sens = try json(try bidbench("sensitivity", "-w", ws, "--json").out)
        #expect(sens["winner"] as? String == "V1")
        for c in try #require(sens["criteria"] as? [[String: Any]]) {
            for key in ["lo", "hi"] {
                let x = try #require(c[key] as? Double)
                guard x > 0 && x < 1 else { continue }
                secrets.insert(x.description)
                secrets.insert(String(format: "%.1f%%", x * 100))  // 7.5%, 33.2%, …
            }
        }
        // Panel means that no single evaluator's score can be (thirds and sixths: 8.67, 7.17 …).
        let md = try bidbench("report", "-w", ws, "--format", "md", "-o", "-", "--today", "2026-12-01").out
        let matrix = md.components(separatedBy: "## 评分与排名")[1].components(separatedBy: "| # |")[0]
        for cell in matrix.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let number = cell.replacingOccurrences(of: " ⚑", with: "")
            if number.range(of: #"^\d+\.\d\d$"#, options: .regularExpression) != nil, !number.hasSuffix("0"), !number.hasSuffix("5") {
                secrets.insert(number)
            }
        }
        #expect(secrets.isSuperset(of: ["82.91", "82.08", "81.41", "8.67", "6.67", "7.17", "33.2%"]))
        #expect(md.contains("**推荐：云帆软件**"))

        try setRevealed(ws, false)
        var outputs: [String: String] = [:]
        outputs["rank"] = try bidbench("rank", "-w", ws).out
        outputs["rank --json"] = try bidbench("rank", "-w", ws, "--json").out
        outputs["sensitivity"] = try bidbench("sensitivity", "-w", ws).out
        outputs["sensitivity --json"] = try bidbench("sensitivity", "-w", ws, "--json").out
        outputs["report md"] = try bidbench("report", "-w", ws, "--format", "md", "-o", "-", "--today", "2026-12-01").out
        outputs["report html"] = try bidbench("report", "-w", ws, "--format", "html", "-o", "-", "--today", "2026-12-01").out
        outputs["report md --evaluator 张伟"] =
            try bidbench("report", "-w", ws, "--format", "md", "-o", "-", "--today", "2026-12-01", "--evaluator", "张伟").out
        let export = try bidbench("export", "scores", "-w", ws)
        outputs["export scores"] = export.out + export.err
        let own = try bidbench("export", "scores", "-w", ws, "--evaluator", "张伟")
        outputs["export scores --evaluator 张伟"] = own.out
        for (verb, text) in outputs {
            for s in secrets { #expect(!text.contains(s), "\(verb) shows the aggregate \(s) while blind") }
        }
        // Each says that the panel is blind and what is still visible.
        #expect(outputs["rank"]!.contains("blind: the panel is blind until the lead reveals"))
        #expect(outputs["rank"]!.contains("V4      北辰数科  R02 按工单归集实际成本: no"))  // gates stay visible
        #expect(try json(outputs["rank --json"]!)["blind"] as? Bool == true)
        #expect((try json(outputs["rank --json"]!)["ranking"] as? [Any])?.isEmpty == true)
        #expect(outputs["sensitivity"]!.hasPrefix("blind: the panel is blind"))
        #expect(try json(outputs["sensitivity --json"]!)["winner"] is NSNull)
        #expect(outputs["report md"]!.contains("盲评期间不给出推荐"))
        #expect(!outputs["report md"]!.contains("推荐：云帆软件"))
        #expect(outputs["report html"]!.contains("盲评期间不给出推荐"))
        // The vendor whose cost stands in is said to be an example (a meeting pass: it read as picked).
        #expect(outputs["report md"]!.contains("年总拥有成本（云帆软件，示例：尚未推荐供应商）："), "\(outputs["report md"]!)")
        #expect(outputs["report html"]!.contains("年总拥有成本 — 云帆软件（示例：尚未推荐供应商）"))
        #expect(export.status == 1)
        #expect(export.out.isEmpty)
        #expect(export.err.contains("not exported: the panel is blind"))
        // An evaluator exports (and reports) their own sheet only.
        #expect(own.status == 0)
        let rows = own.out.split(separator: "\n").dropFirst()
        #expect(rows.count == 20)
        #expect(rows.allSatisfy { $0.hasPrefix("张伟,") })
        #expect(outputs["report md --evaluator 张伟"]!.contains("只显示 张伟 本人的评分"))
        // Her matrix is captioned as her own scores, not the panel's mean (a meeting pass).
        #expect(outputs["report md --evaluator 张伟"]!.contains("张伟 本人在各供应商、各评分项上的评分（表头为全局权重），满分 10。盲评中：不显示其他评委的评分。"))
        #expect(!outputs["report md --evaluator 张伟"]!.contains("评委平均分（表头"))
    }

    /// A meeting pass: a sheet made by a name mistyped with `--as` stayed an evaluator (incomplete, so the
    /// reveal asked for --yes) and no verb removed it. `panel --remove` does, journaled; a sheet with
    /// scores needs --yes; an unknown name lists the sheets.
    @Test func aMistypedSheetIsRemovedThroughTheJournal() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        try setRevealed(ws, false)
        try "vendor,criterion,score,note\n".write(toFile: ws + "/scores/张玮.csv", atomically: true, encoding: .utf8)
        let before = try json(try bidbench("panel", "-w", ws, "--json").out)
        #expect(before["incomplete"] as? [String] == ["张玮"])

        // A sheet whose evaluator is scoring in a session is hers while it is open (a helper's pass: it
        // was removed under her session); the claim here is this test's own, a live process.
        do {
            let session = try WorkspaceLock(folder: ws, scope: .evaluator("张玮"))
            defer { session.release() }
            let open = try bidbench("panel", "-w", ws, "--remove", "张玮", "--yes")
            #expect(open.status == 1)
            #expect(open.err.hasPrefix("bidbench: not removed: scores/张玮.csv is open for scoring: 张玮 is scoring in another Bidbench (pid "))
            #expect(open.err.contains("; remove it when that session is closed"), "\(open.err)")
            #expect(FileManager.default.fileExists(atPath: ws + "/scores/张玮.csv"))
        }
        let unknown = try bidbench("panel", "-w", ws, "--remove", "张三")
        #expect(unknown.status == 1)
        #expect(unknown.err == "bidbench: no score sheet scores/张三.csv; the sheets are: 张伟, 张玮, 李娜, 王强\n")
        let kept = try bidbench("panel", "-w", ws, "--remove", "张伟")
        #expect(kept.status == 1)
        #expect(kept.err == "bidbench: not removed: scores/张伟.csv holds 20 score(s); run again with --yes to remove it and them\n")
        #expect(FileManager.default.fileExists(atPath: ws + "/scores/张伟.csv"))

        // A name spelled as `--as` takes it (`Zhang Wei` is `zhang-wei.csv`): matched the same way.
        try "vendor,criterion,score,note\n".write(toFile: ws + "/scores/zhang-wei.csv", atomically: true, encoding: .utf8)
        let spelled = try bidbench("panel", "-w", ws, "--remove", "Zhang Wei")
        #expect(spelled.out == "removed: scores/zhang-wei.csv (0 score(s)); the journal records it\n", "\(spelled.err)")
        let removed = try bidbench("panel", "-w", ws, "--remove", "张玮", "--actor", "刘主任")
        #expect(removed.status == 0)
        #expect(removed.out == "removed: scores/张玮.csv (0 score(s)); the journal records it\n")
        #expect(!FileManager.default.fileExists(atPath: ws + "/scores/张玮.csv"))
        let after = try json(try bidbench("panel", "-w", ws, "--json").out)
        #expect(after["incomplete"] as? [String] == [])
        let journal = try json(try bidbench("journal", "-w", ws, "--json").out)
        let entries = try #require(journal["entries"] as? [[String: Any]])
        #expect(entries.map { "\($0["table"]!)" } == ["scores/zhang-wei.csv", "scores/张玮.csv"])
        #expect(entries.last?["actor"] as? String == "刘主任")
        #expect(try bidbench("journal", "-w", ws, "--verify", "--strict").status == 0)
        #expect(try bidbench("check", "-w", ws).status == 0)
    }

    /// A meeting pass: a score changed after the reveal was said once on the lead's screen, and the
    /// minutes printed it as if given blind. The scoring minutes list it from the journal: what it was
    /// at the reveal, what it is, when and by whom; a change made back is not listed.
    @Test func theScoringMinutesListScoresChangedAfterTheReveal() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        #expect(try bidbench("reveal", "--hide", "-w", ws, "--actor", "刘主任").status == 0)
        func minutes() throws -> String { try bidbench("report", "--kind", "scoring", "--format", "md", "-o", "-", "-w", ws).out }
        #expect(try bidbench("reveal", "-w", ws, "--actor", "刘主任").status == 0)
        #expect(try !minutes().contains("揭晓后修改的评分"))
        let sheet = try String(contentsOfFile: ws + "/scores/张伟.csv", encoding: .utf8)
        let changed = tmp.path + "/zw.csv"
        try sheet.replacingOccurrences(of: "\nV1,func_mfg,8.5,", with: "\nV1,func_mfg,9,听了讨论后调整").write(
            toFile: changed, atomically: true, encoding: .utf8)
        #expect(try bidbench("import", "scores", changed, "--evaluator", "张伟", "--replace", "-w", ws).status == 0)
        let text = try minutes()
        #expect(text.contains("### 揭晓后修改的评分\n\n以下评分是在评委相互看到评分之后修改的；上面各表使用修改后的评分。\n\n- 张伟 · 云帆软件 × 功能-生产制造：8.5 → 9（"), "\(text)")
        // A hide and a reveal again do not unsee the scores: the revision stays listed (a meeting pass).
        #expect(try bidbench("reveal", "--hide", "-w", ws, "--actor", "刘主任").status == 0)
        #expect(try bidbench("reveal", "-w", ws, "--actor", "刘主任", "--yes").status == 0)
        #expect(try minutes().contains("- 张伟 · 云帆软件 × 功能-生产制造：8.5 → 9（"))
        // A vendor added after the reveal: its first scores are no revisions.
        let v5 = tmp.path + "/v5.csv"
        try "id,name,contact,qualifications,references,notes,sme,bid_price\nV5,东方软件,,,,,false,1500000\n".write(
            toFile: v5, atomically: true, encoding: .utf8)
        #expect(try bidbench("import", "vendors", v5, "-w", ws).status == 0)
        let first = tmp.path + "/first.csv"
        try "vendor,criterion,score,note\nV5,func_mfg,7,\n".write(toFile: first, atomically: true, encoding: .utf8)
        #expect(try bidbench("import", "scores", first, "--evaluator", "张伟", "-w", ws).status == 0)
        #expect(try !minutes().contains("东方软件 × "))
        // Changed back to what the panel saw: no longer a revision.
        let back = tmp.path + "/back.csv"
        try sheet.write(toFile: back, atomically: true, encoding: .utf8)
        #expect(try bidbench("import", "scores", back, "--evaluator", "张伟", "--replace", "-w", ws).status == 0)
        #expect(try !minutes().contains("揭晓后修改的评分"))
    }

    /// Reveal and un-reveal are journaled with their actor; an incomplete sheet needs --yes.
    @Test func revealIsJournaledAndAsksWhenASheetIsIncomplete() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        try setRevealed(ws, false)
        // 赵敏 has scored 2 of the 15 expected cells.
        try "vendor,criterion,score,note\nV1,func_mfg,9,\nV2,func_mfg,4,\n".write(
            toFile: ws + "/scores/赵敏.csv", atomically: true, encoding: .utf8)
        let panel = try json(try bidbench("panel", "-w", ws, "--json").out)
        #expect(panel["revealed"] as? Bool == false)
        #expect(panel["expected"] as? Int == 15)
        let evaluators = try #require(panel["evaluators"] as? [[String: Any]])
        #expect(evaluators.map { "\($0["name"]!) \($0["scored"]!)/\($0["expected"]!)" } == ["张伟 15/15", "李娜 15/15", "王强 15/15", "赵敏 2/15"])
        #expect(panel["incomplete"] as? [String] == ["赵敏"])
        // Counts only: 赵敏's 9 is nowhere (once the sheets' times and dates, which may hold a 9, are set aside).
        let text = try bidbench("panel", "-w", ws).out
        let times = try NSRegularExpression(pattern: "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?")
        let counts = times.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
        #expect(!counts.contains("9"), "\(text)")

        let refused = try bidbench("reveal", "-w", ws, "--actor", "刘主任")
        #expect(refused.status == 1)
        #expect(refused.err.contains("incomplete score sheets: 赵敏 2/15"))
        #expect(try String(contentsOfFile: ws + "/workspace.json", encoding: .utf8).contains("\"revealed\": false"))
        #expect(try bidbench("reveal", "-w", ws, "--yes", "--actor", "刘主任").status == 0)
        #expect(try bidbench("reveal", "-w", ws, "--hide", "--actor", "张伟").status == 0)
        let journal = try json(try bidbench("journal", "-w", ws, "--json").out)
        let entries = try #require(journal["entries"] as? [[String: Any]])
        #expect(entries.map { "\($0["actor"]!) \($0["table"]!)" } == ["刘主任 workspace.json", "张伟 workspace.json"])
        // The text says which was the reveal and which the hide (a meeting pass: both read "edited revealed").
        let listed = try bidbench("journal", "-w", ws).out.split(separator: "\n").map {
            $0.split(separator: " ").dropFirst().joined(separator: " ")
        }
        #expect(listed == ["刘主任 update workspace.json: revealed: false → true", "张伟 update workspace.json: revealed: true → false"])
        let first = try #require((entries[0]["changes"] as? [[String: Any]])?.first)
        #expect(first["key"] as? String == "revealed")
        #expect((first["after"] as? [String: String])?["value"] == "true")
        #expect(try bidbench("journal", "-w", ws, "--verify").status == 0)

        // Revealed with the incomplete sheet: 赵敏 is left out and the warning says so.
        #expect(try bidbench("reveal", "-w", ws, "--yes").status == 0)
        let rank = try bidbench("rank", "-w", ws, "--json")
        #expect(
            rank.err.contains("warning: 赵敏 has scored 2 of 15 cells (nothing yet for 启明信息) and is not counted until the sheet is complete"))
        #expect(try json(rank.out)["left_out"] as? [String] == ["赵敏"])
        #expect(rank.out.contains("82.90591397849461"))  // the demo's V1 total, unchanged by 赵敏's two cells
    }

    /// The journal records who changed which sheet and which cells, never the scores themselves.
    @Test func journalShowsNoScoresWhileBlind() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        try setRevealed(ws, false)
        try "vendor,criterion,score\nV1,func_mfg,7.25\n".write(toFile: tmp.path + "/zm.csv", atomically: true, encoding: .utf8)
        #expect(try bidbench("import", "scores", tmp.path + "/zm.csv", "-w", ws, "--evaluator", "赵敏").status == 0)
        let blind = try bidbench("journal", "-w", ws, "--json").out
        #expect(blind.contains("scores/赵敏.csv"))
        #expect(blind.contains("V1/func_mfg"))
        #expect(!blind.contains("7.25"))
        #expect(!(try bidbench("journal", "-w", ws).out.contains("7.25")))

        // The panel's discussion note, written after a reveal, is hidden again with the scores.
        try setRevealed(ws, true)
        let loaded = try WorkspaceStore.load(folder: ws)
        var w = loaded.workspace
        w.discussion = [DiscussionNote(vendor: "V1", criterion: "func_mfg", note: "待复演")]
        let first = try WorkspaceStore.save(w, over: loaded, actor: "刘主任")
        // An edited row is journaled with its values (an added one by its key only).
        w.discussion[0].note = "复演后再定"
        _ = try WorkspaceStore.save(w, over: first, actor: "刘主任")
        #expect(try bidbench("journal", "-w", ws, "--json").out.contains("复演后再定"))
        try setRevealed(ws, false)
        let hidden = try bidbench("journal", "-w", ws, "--json").out
        #expect(hidden.contains("discussion.csv") && hidden.contains("V1/func_mfg"))
        #expect(!hidden.contains("复演后再定"))
    }

    @Test func pathCharactersInAnEvaluatorNameAreRefused() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        for bad in ["../x", "a/b", ".hidden"] {
            let r = try bidbench("-w", ws, "--as", bad)
            #expect(r.status == 2)
            #expect(r.err.contains("evaluator name \"\(bad)\" cannot be a file name"))
        }
    }

    /// While blind, `check` names a sheet's bad cell by file, line and field, not its value (the
    /// lead runs it on the projected screen; `"8,5" is not a number` told the room a score).
    @Test func checkHidesAScoreSheetsValueWhileBlind() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        try setRevealed(ws, false)
        let path = ws + "/scores/王强.csv"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var cells = lines[2].components(separatedBy: ",")
        cells[2] = "\"8,5\""
        lines[2] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let plain = try bidbench("check", "-w", ws)
        #expect(plain.status == 1)
        #expect(
            plain.out == "scores/王强.csv:3: score: is not a number (expected a score such as 7 or 8.5) (values hidden: the panel is blind)\n"
        )
        let zh = try bidbench("check", "-w", ws, "--lang", "zh").out
        #expect(zh == "scores/王强.csv:3: score: 不是数字 (应为分数, 如 7 或 8.5) (评分未公开, 不显示数值)\n")
        #expect(!(try bidbench("check", "-w", ws, "--json").out.contains("8,5")))
        // Revealed, the value is shown.
        try setRevealed(ws, true)
        #expect(try bidbench("check", "-w", ws).out.contains("\"8,5\" is not a number"))
    }
}
