import Foundation
import Testing

/// Messages from the Store reach the Chinese TUI in Chinese; `--lang en` and the command line keep English.
@Suite(.serialized, .requires(.tmux)) struct ChineseStoreMessagesTests {
    @Test func aLockHeldElsewhereIsExplainedInChinese() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        try FileManager.default.createDirectory(atPath: ws + "/.bidbench", withIntermediateDirectories: true)
        // A holder on another host is never taken over as stale.
        try "pid=31426\nhost=vm-other\nstarted=2026-11-29T01:02:03Z\n".write(
            toFile: ws + "/.bidbench/lock", atomically: true, encoding: .utf8)
        let t = try TmuxSession(args: ["-w", ws], width: 170, height: 30)
        try t.waitFor(text: "工作区已在另一个 Bidbench 中打开 (vm-other 上的进程 31426, 自 2026-11-29T01:02:03Z 起); 请先关闭它")
        try t.keys("Escape")
        try t.keys("q")
        try t.waitFor("exit") { _ in (try? t.exited()) == true }
    }

    @Test func importRefusalAndSuccessInChinese() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let bad = tmp.path + "/bad.csv"
        try "部门,模块,需求,优先级,权重\n不存在部,质量,x,必须,五\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let good = tmp.path + "/good.csv"
        try "序号,部门,模块,需求\n1,生产部,质量,来料检验自动判定\n".write(toFile: good, atomically: true, encoding: .utf8)
        let t = try TmuxSession(args: ["-w", ws], width: 140, height: 30)
        try t.waitFor(text: "[1 需求]")
        try t.keys(":")
        try t.type("import requirements \(bad)")
        try t.keys("Enter")
        // 不存在部 alone would be created (imports create missing departments); the bad weight refuses the file.
        try t.waitFor(text: "bad.csv:2: weight: “五” 不是数字 (应为小数, 如 5 或 0.35)")
        try t.keys("Escape")
        try t.keys(":")
        try t.type("import requirements \(good)")
        try t.keys("Enter")
        try t.waitFor(text: "已导入 1 条 R48; 已忽略的列: 序号 — Ctrl-S 保存, u 撤销")
        try t.keys(":")
        try t.type("q!")
        try t.keys("Enter")
        try t.waitFor("exit") { _ in (try? t.exited()) == true }
    }

    @Test func loadProblemsAreListedInTheUILanguage() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: ws + "/requirements.csv"))
        try h.seekToEnd()
        try h.write(contentsOf: Data("R99,D01,总账,坏行,,urgent,heavy,,draft,,\n".utf8))
        try h.close()
        let zh = try TmuxSession(args: ["-w", ws], width: 140, height: 30)
        try zh.waitFor(text: "requirements.csv:49: priority: “urgent” 不是可选值之一: must, should, could, won't")
        try zh.waitFor(text: "requirements.csv:49: weight: “heavy” 不是数字 (应为小数, 如 5 或 0.35)")
        try zh.keys("Escape")
        try zh.keys("q")
        try zh.waitFor("exit") { _ in (try? zh.exited()) == true }

        let en = try TmuxSession(args: ["-w", ws, "--lang", "en"], width: 140, height: 30)
        try en.waitFor(text: #"requirements.csv:49: weight: "heavy" is not a number (expected a decimal such as 5 or 0.35)"#)
        try en.keys("Escape")
        try en.keys("q")
        try en.waitFor("exit") { _ in (try? en.exited()) == true }

        // The command line stays English for scripts.
        let check = try bidbench("check", "-w", ws)
        #expect(check.out.contains(#"requirements.csv:49: priority: "urgent" is not one of must, should, could, won't"#))
        #expect(!(check.out + check.err).contains("不是可选值"))
    }
}
