import Foundation
import Testing

/// An open TUI picks up files changed by others within a second or two, in a real terminal.
@Suite(.serialized, .requires(.tmux)) struct LivePickupTests {
    /// Writes a file the way another program would replace it (temp file, rename).
    func put(_ text: String, _ path: String) throws {
        try text.write(toFile: path + ".tmp", atomically: false, encoding: .utf8)
        #expect(rename(path + ".tmp", path) == 0)
    }

    func sheet(_ rows: [String]) -> String { "vendor,criterion,score,note\n" + rows.map { $0 + "\n" }.joined() }

    @Test func aScoreSheetCopiedIntoScoresShowsUpOnTheLeadsScreen() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let settings = ws + "/workspace.json"
        try put(
            try String(contentsOfFile: settings, encoding: .utf8).replacingOccurrences(
                of: "\"revealed\": true", with: "\"revealed\": false"), settings)
        let t = try TmuxSession(args: ["-w", ws], width: 110, height: 30)
        try t.waitFor(text: "[1 需求]")
        try t.keys("2")
        try t.waitFor(text: "评分进度: 张伟 15/15 ✔")
        try t.waitFor(text: "盲评中 (R 揭晓)")

        // 赵敏 has started: two cells.
        let path = ws + "/scores/赵敏.csv"
        try put(sheet(["V1,func_mfg,10,", "V2,func_mfg,10,"]), path)
        try t.waitFor(text: "赵敏 的评分已更新 (2 项)", timeout: 3)
        try t.waitFor(text: "评分进度: 赵敏 2/15", timeout: 1)
        // Blind: nothing of hers (or anyone's) on the lead's screen.
        #expect(try t.capture().first { $0.hasPrefix(" 功能-生产制造") }?.contains("10") == false)

        // She finishes: 10 everywhere on V1–V3.
        var rows: [String] = []
        for v in ["V1", "V2", "V3"] { for c in ["func_mfg", "func_mgmt", "service", "strength", "tech"] { rows.append("\(v),\(c),10,") } }
        try put(sheet(rows), path)
        try t.waitFor(text: "赵敏 的评分已更新 (13 项)", timeout: 3)
        try t.waitFor(text: "赵敏 15/15 ✔", timeout: 1)

        // The lead reveals (saved at once): V1 on 功能-生产制造 is (8.5 + 8 + 9 + 10) / 4 = 8.875 → 8.9,
        // V2 (5 + 8.5 + 6.5 + 10) / 4 = 7.5 with a spread of 5 — without a restart.
        try t.keys("R")
        try t.waitFor(text: "已揭晓")
        let screen = try t.waitFor("the new averages") { $0.contains { $0.hasPrefix(" 功能-生产制造") && $0.contains("8.9") } }
        #expect(screen.first { $0.hasPrefix(" 功能-生产制造") }?.contains("7.5 ±5.0 ⚑") == true, "\(screen.joined(separator: "\n"))")
        try t.waitFor(text: "已保存")
        #expect(try String(contentsOfFile: settings, encoding: .utf8).contains("\"revealed\": true"))

        // Her sheet edited by hand into something invalid: the lead keeps working, is told file:line,
        // and the file is left exactly as it is.
        let broken = sheet(["V1,func_mfg,九,"] + rows.dropFirst())
        try put(broken, path)
        try t.waitFor(text: "scores/赵敏.csv:2", timeout: 3)
        let kept = try t.capture()
        // The last good version stays on screen.
        #expect(kept.first { $0.hasPrefix(" 功能-生产制造") }?.contains("8.9") == true, "\(kept.joined(separator: "\n"))")
        // The lead's own edit (a weight) still saves: only criteria.csv is written, her file is not.
        let criteria = try String(contentsOfFile: ws + "/criteria.csv", encoding: .utf8)
        try t.keys("+")
        try t.waitFor(text: "● 未保存")
        try t.keys("C-s")
        try t.waitFor(text: "已保存到")
        #expect(try String(contentsOfFile: ws + "/criteria.csv", encoding: .utf8) != criteria)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
        try t.keys("1")
        try t.waitFor(text: "[1 需求]")
        try t.keys("q")
        try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
    }
}
