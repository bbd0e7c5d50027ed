import Foundation
import Testing

/// The meeting of issue 12 in two real terminals on one folder: the lead projects the matrix, an
/// evaluator (`--as`) scores and saves while the lead's TUI stays open, and the lead's screen shows
/// the new progress at once, blind, then the cell by evaluator after the reveal — no restart.
@Suite(.serialized, .requires(.tmux)) struct TwoTerminalsTests {
    /// Meeting pass M2: `import scores --replace` emptied 张伟's sheet while his session was open, and
    /// his screen said "merged". The sheet is his while his session is open: the import is refused,
    /// names the session, and works once he has quit.
    @Test func anImportWaitsForTheEvaluatorScoringOnTheSheet() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let before = try String(contentsOfFile: ws + "/scores/张伟.csv", encoding: .utf8)
        let csv = tmp.path + "/sc.csv"
        try "evaluator,vendor,criterion,score,note\n张伟,V2,func_mfg,4,imported\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let zw = try TmuxSession(args: ["-w", ws, "--as", "张伟"], width: 110, height: 30)
        try zw.waitFor(text: "[1 需求]", timeout: 20)
        let refused = try bidbench("import", "scores", csv, "-w", ws, "--replace")
        #expect(refused.status != 0)
        #expect(refused.err.contains("scores/张伟.csv is open for scoring: 张伟 is scoring in another Bidbench (pid "), "\(refused.err)")
        #expect(try String(contentsOfFile: ws + "/scores/张伟.csv", encoding: .utf8) == before)
        try zw.keys("q")
        try zw.waitFor("the program to exit") { _ in (try? zw.exited()) == true }
        let done = try bidbench("import", "scores", csv, "-w", ws, "--replace")
        #expect(done.status == 0, "\(done.err)")
        #expect(try String(contentsOfFile: ws + "/scores/张伟.csv", encoding: .utf8).contains("V2,func_mfg,4,imported"))
        #expect(!FileManager.default.fileExists(atPath: ws + "/.bidbench/sessions/scores%2F张伟.csv.lock"))
    }

    @Test func anEvaluatorScoresWhileTheLeadProjects() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let lead = try TmuxSession(args: ["-w", ws], width: 110, height: 30)
        try lead.waitFor(text: "[1 需求]", timeout: 20)
        try lead.keys("2")
        try lead.waitFor(text: "已揭晓")
        try lead.keys("R")  // the demo starts revealed: hide the panel for the meeting
        try lead.waitFor(text: "盲评中")

        let evaluator = try TmuxSession(args: ["-w", ws, "--as", "赵敏"], width: 110, height: 30)
        try evaluator.waitFor(text: "[1 需求]", timeout: 20)
        try evaluator.scoreSelectedCell(as: "赵敏", "8")
        try evaluator.keys("C-s")
        try evaluator.waitFor("赵敏's sheet on disk") { _ in
            ((try? String(contentsOfFile: ws + "/scores/赵敏.csv", encoding: .utf8)) ?? "").contains("V1,func_mfg,8")
        }
        // The lead's open TUI picks the sheet up by itself and shows the progress, still blind.
        try lead.waitFor(text: "赵敏 1/15")
        try lead.waitFor(text: "赵敏 的评分已更新 (1 项)")
        let blind = try lead.capture().joined(separator: "\n")
        #expect(blind.contains("盲评中") && !blind.contains("82.9"), "no total before the reveal:\n\(blind)")

        // The reveal asks (赵敏 has not finished), then the matrix and the cell by evaluator.
        try lead.keys("R")
        try lead.waitFor(text: "y 是")
        try lead.keys("y")
        try lead.waitFor(text: "82.9")
        try lead.waitFor(text: "赵敏 已评 1/15 项 (智链科技、启明信息 尚未评分), 评完之前不计入")
        try lead.keys("Enter")
        try lead.waitFor(text: "赵敏      8.0  (未评完: 不计入)")
        try lead.keys("Escape", "q")
        try evaluator.keys("q")
        try lead.waitFor("the lead's program to exit") { _ in (try? lead.exited()) == true }
        try evaluator.waitFor("the evaluator's program to exit") { _ in (try? evaluator.exited()) == true }
        let check = try bidbench("check", "-w", ws)
        #expect(check.status == 0, "check: \(check.out)\(check.err)")
        let journal = try bidbench("journal", "--verify", "-w", ws)
        #expect(journal.status == 0 && journal.out.contains("every hash chain is intact"), "journal: \(journal.out)\(journal.err)")
    }

    /// `open` takes the same options as the bare command: an evaluator opened with `open DIR --as NAME`
    /// scores beside the lead (it used to open as the lead, read-only behind the lead's lock), and
    /// `-w DIR open` opens DIR (it used to open the current folder).
    @Test func openTakesTheEvaluatorAndTheFolder() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let lead = try TmuxSession(args: ["-w", ws], width: 110, height: 30)
        try lead.waitFor(text: "[1 需求]", timeout: 20)

        let evaluator = try TmuxSession(args: ["open", ws, "--as", "钱七"], width: 110, height: 30)
        try evaluator.waitFor(text: "[1 需求]", timeout: 20)
        let first = try evaluator.capture()
        #expect(!first[0].contains("只读"), "the evaluator is not read-only:\n\(first.joined(separator: "\n"))")
        try evaluator.scoreSelectedCell(as: "钱七", "7")
        try evaluator.keys("C-s")
        try evaluator.waitFor("钱七's sheet on disk") { _ in
            ((try? String(contentsOfFile: ws + "/scores/钱七.csv", encoding: .utf8)) ?? "").contains("V1,func_mfg,7")
        }
        try evaluator.keys("q")
        try evaluator.waitFor("the evaluator's program to exit") { _ in (try? evaluator.exited()) == true }

        // A second lead session on the same folder, named with -w before the verb: the folder is
        // opened (read-only, since the first lead holds it), not the current one.
        let second = try TmuxSession(args: ["-w", ws, "open"], width: 110, height: 30)
        try second.waitFor(text: "[1 需求]", timeout: 20)
        try second.waitFor(text: "只读")
        try second.keys("Escape", "q")
        try second.waitFor("the second program to exit") { _ in (try? second.exited()) == true }

        // The folder alone, as the first word: the same as `open FOLDER`.
        let bare = try TmuxSession(args: [ws, "--lang", "en"], width: 110, height: 30)
        try bare.waitFor(text: "[1 Requirements]", timeout: 20)
        try bare.waitFor(text: "READ-ONLY")
        try bare.keys("Escape", "q")
        try bare.waitFor("the bare-folder program to exit") { _ in (try? bare.exited()) == true }
        try lead.keys("q")
        try lead.waitFor("the lead's program to exit") { _ in (try? lead.exited()) == true }
    }
}
