import Foundation
import Testing

/// `bidbench report -o x.md` and `-o x.html` on the same workspace say the same things: the cells to
/// discuss with the panel's note, the runner-up, what the matrix's figures are, the envelopes' remainder,
/// each milestone's condition, the key terms, every clause review, each risk's mitigation, the review's
/// satisfaction with its source. Before the reveal neither shows the note.
@Suite struct ReportFormatParityTests {
    /// The text a reader sees: tags removed, the shared entities undone, whitespace runs made one space.
    static func visible(_ s: String, html: Bool) -> String {
        var t = s
        if html {
            t = t.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: "", options: .regularExpression)
            t = t.replacingOccurrences(of: "<svg[\\s\\S]*?</svg>", with: "", options: .regularExpression)
            t = t.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        }
        t = t.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return t.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    func reports(_ ws: String, _ dir: String) throws -> (md: String, html: String) {
        for ext in ["md", "html"] {
            let r = try bidbench("report", "-w", ws, "--today", "2026-12-01", "-o", dir + "/r." + ext)
            #expect(r.status == 0, "\(r.err)")
        }
        return (
            Self.visible(try String(contentsOfFile: dir + "/r.md", encoding: .utf8), html: false),
            Self.visible(try String(contentsOfFile: dir + "/r.html", encoding: .utf8), html: true)
        )
    }

    @Test func theMarkdownReportHoldsWhatTheHTMLOneHolds() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo")
        try "vendor,criterion,note\nV2,func_mfg,复演后再定 <暂按 6.5 分> & 补测\nV1,func_mgmt,演示流畅\n".write(
            toFile: ws + "/discussion.csv", atomically: true, encoding: .utf8)
        let (md, html) = try reports(ws, tmp.path)
        for fact in [
            // The ⚑ cell with every evaluator's score and the panel's note, then a note on a cell that is not ⚑.
            "智链科技 × 功能-生产制造：张伟 5, 李娜 8.5, 王强 6.5 (极差 3.5) —— 评审组讨论：复演后再定 <暂按 6.5 分> & 补测",
            "—— 评审组讨论：演示流畅",
            "排名第一", "其次：启明信息 82.08",
            // C1's key terms and its settled clause reviews (the open ones were there before).
            "36 个月", "上海国际仲裁中心", "每日万分之五，上限 10%，双方对等", "上海国际仲裁中心仲裁，可接受",
            // Mitigations of the risk register.
            "上线前完成接口联调，选 2 条产线试点", "合同约定源代码托管与数据导出",
            "3.5（4 个部门的平均）",
            // What the matrix's figures are; the 2027 envelope's remainder; each milestone's condition.
            "各供应商在各评分项上的评委平均分（表头为全局权重），满分 10", "74,000", "合同签订", "上季度服务报告",
        ] {
            #expect(md.contains(fact), "the Markdown report lacks \(fact)")
            #expect(html.contains(fact), "the HTML report lacks \(fact)")
        }
        #expect(md.contains("需讨论的评分 - ⚑ 智链科技 × 功能-生产制造："))

        // Blind again: the note goes with the scores, from both.
        let json = ws + "/workspace.json"
        let settings = try String(contentsOfFile: json, encoding: .utf8)
        #expect(settings.contains("\"revealed\": true"))
        try settings.replacingOccurrences(of: "\"revealed\": true", with: "\"revealed\": false").write(
            toFile: json, atomically: true, encoding: .utf8)
        let (mdBlind, htmlBlind) = try reports(ws, tmp.path)
        for leak in ["复演后再定", "演示流畅", "评审组讨论", "李娜 8.5"] {
            #expect(!mdBlind.contains(leak), "the blind Markdown report shows \(leak)")
            #expect(!htmlBlind.contains(leak), "the blind HTML report shows \(leak)")
        }
    }
}
