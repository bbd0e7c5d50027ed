import BidbenchCore
import BidbenchUI
import Foundation
import Testing

/// The built binary in a real terminal (tmux). Serialized: they share one tmux server.
@Suite(.serialized, .requires(.tmux)) struct TerminalTests {
    @Test func visitScreensAddChineseRequirementQuitAndFindItOnDisk() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws])
        try t.waitFor(text: "[1 需求]")
        try t.keys("2")
        try t.waitFor(text: "[2 供应商]")
        try t.keys("3")
        try t.waitFor(text: "[3 预算]")
        try t.keys("4")
        try t.waitFor(text: "[4 合同]")
        try t.keys("5")
        try t.waitFor(text: "[5 交付]")
        try t.keys("Tab")
        try t.waitFor(text: "[1 需求]")
        try t.keys("a")
        try t.waitFor(text: "新增需求")
        // The title is typed straight after `a`: the focus starts there.
        try t.type("来料检验结果自动回写")
        try t.waitFor(text: "来料检验结果自动回写")
        try t.keys("Tab", "Tab", "Tab", "Tab", "Tab")  // priority, acceptance, detail, department → module
        try t.type("质量")
        try t.keys("Enter")  // taken, not yet saved (Ctrl-S would save too)
        try t.waitFor(text: "● 未保存")
        try t.keys("q")
        try t.waitFor(text: "退出前保存吗")
        try t.keys("y")
        try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
        let csv = try String(contentsOfFile: ws + "/requirements.csv", encoding: .utf8)
        let line = csv.split(separator: "\n").first { $0.contains("来料检验结果自动回写") }
        #expect(line != nil)
        #expect(line?.contains(",质量,") == true)
        // The workspace still checks clean after the TUI wrote it.
        #expect(try bidbench("check", "-w", ws).status == 0)
    }

    /// A lawyer reads every word of a long clause at 80 columns: the text wraps under hanging line
    /// numbers and scrolls by line (J) without switching contracts.
    @Test func readAWholeLongClauseAt80Columns() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws], width: 80, height: 24)
        try t.waitFor(text: "[1 需求]")
        try t.keys("4")
        try t.waitFor(text: "[4 合同]")
        let clauses = [
            "8.2乙方在本合同项下的累计赔偿责任以本合同总金额为限，但因故意或重大过失造成的损失除外。",
            "8.3因乙方原因造成甲方数据丢失或损毁的，乙方应负责恢复数据，并赔偿甲方由此产生的直接损失，该损失在前款限额内计算。",
        ]
        // The right pane's text, row by row, without the margin's spaces.
        func pane() throws -> String {
            try t.capture().map { line in
                guard let bar = line.firstIndex(of: "│") else { return "" }
                return String(line[line.index(after: bar)...]).filter { $0 != " " }.replacingOccurrences(of: "↓", with: "")
            }.joined()
        }
        var found = false
        for _ in 0..<150 {
            let text = try pane().replacingOccurrences(of: "57", with: "").replacingOccurrences(of: "58", with: "")
            if clauses.allSatisfy({ text.contains($0) }) {
                found = true
                break
            }
            try t.keys("J")
            usleep(40_000)
        }
        #expect(found, "clauses 8.2 and 8.3 never showed whole at 80 columns")
        #expect(try t.capture().contains { $0.contains("[1/") })  // still the first contract
        try t.keys("q")
        try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
    }

    /// Regression (issue 13): reloading after "changed on disk" kept the data but lost the session —
    /// the header said lead and Enter asked for --as again.
    @Test func reloadAfterAChangeOnDiskKeepsWhoIsScoring() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws, "--as", "alice"])
        try t.waitFor(text: "[1 需求]")
        try t.keys("2")
        try t.waitFor(text: "以 alice 身份打分")
        try t.keys("Enter")  // score the first cell: an unsaved edit
        try t.type("7")
        try t.keys("Enter")
        try t.waitFor(text: "已打分 7")
        let file = ws + "/vendors.csv"
        let csv = try String(contentsOfFile: file, encoding: .utf8)
        try csv.replacingOccurrences(of: "V2,智链科技,", with: "V2,智链科技集团,").write(toFile: file, atomically: true, encoding: .utf8)
        // The open TUI picks the other process's change up by itself (live pickup): the new name shows,
        // the unsaved score stays, and the session is still alice's.
        try t.waitFor(text: "智链科技集团")
        #expect(try t.capture().contains { $0.contains("以 alice 身份打分") })
        #expect(try t.capture().contains { $0.contains("Enter 打分") })  // the hint bar still offers scoring
        // Her save writes only her own sheet: vendors.csv (someone else's change) is no conflict for it.
        try t.keys("C-s")
        try t.waitFor("alice's sheet on disk") { _ in
            ((try? String(contentsOfFile: ws + "/scores/alice.csv", encoding: .utf8)) ?? "").contains(",7")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("V2,智链科技集团,"))
        try t.keys("q")
        try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
    }

    /// A risk and a change order typed in Chinese on the Contracts screen land in risks.csv and
    /// changes.csv, and the contract's value on screen follows the approved change.
    @Test func recordARiskAndAChangeOrderInTheMeeting() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws])
        try t.waitFor(text: "[1 需求]")
        try t.keys("4")
        try t.waitFor(text: "价值 1,940,000")  // 1 860 000 + approved CO1 80 000
        try t.keys("r")
        try t.waitFor(text: "风险登记册")
        try t.keys("a")
        try t.waitFor(text: "RK12")  // after the demo's RK11 (availability)
        try t.type("上线期间关键用户请假")  // the focus starts on the risk (its id is filled in)
        try t.keys("Tab", "Right", "Right")  // type: technical → market → personnel
        try t.keys("C-s")
        try t.waitFor(text: "RK12  上线期间关键用户请假")
        try t.keys("Escape", "c")
        try t.waitFor(text: "变更单 — C1")
        try t.keys("a")
        try t.waitFor(text: "新增变更单")
        try t.type("增加 WMS 接口")  // the focus starts on the description
        try t.keys("Tab")
        try t.type("-20000")
        try t.keys("Tab", "Right", "C-s")  // approved
        try t.waitFor(text: "当前价值 1,920,000")
        try t.keys("Escape")
        try t.waitFor(text: "价值 1,920,000")
        // Ctrl-S in each form saved at once (the risk's message said `已保存到` before the change order's
        // save: waiting for it after a last Ctrl-S raced the screen and failed under load); the last
        // Ctrl-S has nothing left to write.
        try t.waitFor("the change order on disk") { _ in
            ((try? String(contentsOfFile: ws + "/changes.csv", encoding: .utf8)) ?? "").contains("增加 WMS 接口")
        }
        try t.keys("C-s")
        try t.waitFor(text: "无需保存")
        try t.keys("q")
        try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
        let risks = try String(contentsOfFile: ws + "/risks.csv", encoding: .utf8)
        #expect(risks.hasSuffix("RK12,personnel,上线期间关键用户请假,3,3,,,,,open\n"))
        let changes = try String(contentsOfFile: ws + "/changes.csv", encoding: .utf8)
        #expect(changes.split(separator: "\n").last?.hasPrefix("C1,CO3,") == true)
        #expect(changes.hasSuffix(",增加 WMS 接口,-20000,approved\n"))
        #expect(try bidbench("check", "-w", ws).status == 0)
    }

    @Test func resizeRedrawsAndTinyTerminalSaysSo() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws], width: 100, height: 30)
        try t.waitFor(text: "[1 需求]")
        try t.resize(80, 24)
        let s = try t.waitFor("a redraw at 80×24") { lines in
            lines.count >= 24 && lines[23].contains("?") && lines[0].contains("[1 需求]")
        }
        for l in s { #expect(TextWidth.of(l) <= 80, "line wider than 80: \(l)") }
        try t.resize(40, 10)
        try t.waitFor(text: "终端窗口太小")
        try t.resize(100, 30)
        try t.waitFor(text: "[1 需求]")
        try t.keys("q")
        try t.waitFor("exit") { _ in (try? t.exited()) == true }
    }

    @Test func chineseColumnsLineUp() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws], width: 110, height: 40)
        // Wait for the whole frame (the hint bar is drawn last), not just its first rows.
        let screen = try t.waitFor("the requirements table") { lines in
            lines.filter { $0.range(of: #"^\s*R\d\d "#, options: .regularExpression) != nil }.count >= 10
                && lines.contains { $0.contains("? 帮助") }
        }
        let rows = screen.filter { $0.range(of: #"^\s*R\d\d "#, options: .regularExpression) != nil }
        #expect(rows.count >= 10)
        // Each row's priority column (必须/应该/可以/暂不) starts at the same display column.
        let cols = Set(rows.compactMap { row in ["必须", "应该", "可以", "暂不"].compactMap { displayColumn(of: " \($0) ", in: row) }.first })
        #expect(cols.count == 1, "priority column misaligned: \(cols)")
        for l in screen { #expect(TextWidth.of(l) <= 110) }
        try t.keys("q")
    }
}

@Suite(.serialized, .requires(.tmux)) struct TerminalImportTests {
    @Test func importFromTheCommandLineOfTheTUI() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let good = tmp.path + "/需求.csv"
        try "部门,模块,需求,优先级,权重,验收标准\n生产部,质量,来料检验自动判定,必须,5,AQL 抽样自动出结论\n".write(toFile: good, atomically: true, encoding: .utf8)
        let bad = tmp.path + "/bad.csv"
        try "部门,模块,需求,优先级,权重\n生产部,质量,,必须,5\n不存在部,质量,x,紧急,五\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: ws + "/requirements.csv", encoding: .utf8)
        let t = try TmuxSession(args: ["-w", ws], width: 110, height: 32)
        try t.waitFor(text: "[1 需求]")
        try t.keys(":")
        try t.type("import requirements \(bad)")
        try t.keys("Enter")
        try t.waitFor(text: "导入被拒绝")
        try t.waitFor(text: "bad.csv:2")
        try t.waitFor(text: "bad.csv:3")
        try t.keys("Escape")
        try t.keys(":")
        try t.type("import requirements \(good)")
        try t.keys("Enter")
        try t.waitFor(text: "已导入 1 条 R48")
        try t.keys("C-s")
        try t.waitFor(text: "已保存到")
        try t.keys("q")
        try t.waitFor("exit") { _ in (try? t.exited()) == true }
        let after = try String(contentsOfFile: ws + "/requirements.csv", encoding: .utf8)
        #expect(after.hasPrefix(before))
        #expect(after.contains("R48,D03,质量,来料检验自动判定,,must,5,AQL 抽样自动出结论"))
    }
}

@Suite(.serialized, .requires(.tmux)) struct TerminalSurveyTests {
    @Test func departmentSurveyWithChineseAnswersEndsUpOnDisk() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws], width: 100, height: 30)
        try t.waitFor(text: "[1 需求]")
        try t.keys("s")
        try t.waitFor(text: "哪个部门?")
        try t.keys("Down", "Down", "Enter")  // 生产部 (the third department)
        try t.waitFor(text: "问题 1/8")
        let answers = ["换线时物料经常不齐", "换线物料齐套预警", "生产排程", "计划员 6 人", "必须", "换线前 2 小时提示缺料", "", "2027-06"]
        for a in answers {
            if !a.isEmpty { try t.type(a) }
            try t.keys("Enter")
        }
        try t.waitFor(text: "已记录 1")
        try t.keys("Escape")
        try t.waitFor(text: "调研结束: 共记录 1 条需求 R48")
        try t.keys("C-s")
        try t.waitFor(text: "已保存到")
        try t.keys("q")
        try t.waitFor("exit") { _ in (try? t.exited()) == true }
        let csv = try String(contentsOfFile: ws + "/requirements.csv", encoding: .utf8)
        let line = csv.split(separator: "\n").first { $0.hasPrefix("R48,") }.map(String.init)
        #expect(line?.contains(",生产排程,换线物料齐套预警,") == true)
        #expect(line?.contains(",must,5,换线前 2 小时提示缺料,draft,") == true)
        #expect(line?.contains("现状问题: 换线时物料经常不齐; 影响用户: 计划员 6 人; 期限: 2027-06") == true)
        let dept = try String(contentsOfFile: ws + "/departments.csv", encoding: .utf8).split(separator: "\n")[3]
        #expect(line?.contains("," + (dept.split(separator: ",").first.map(String.init) ?? "?") + ",") == true)
    }
}
