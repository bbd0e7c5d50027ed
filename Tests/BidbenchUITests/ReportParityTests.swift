import BidbenchCore
import Foundation
import Testing

@testable import BidbenchUI

/// The Markdown full report (`report -o x.md`, `:report x.md`) says what the HTML one says: the same
/// workspace gives the same lists, word for word, in both formats.
@Suite struct ReportParityTests {
    /// The sample's ⚑ cell is 智链科技 × 功能 (张伟 7, 李娜 3); 云帆软件 × 功能 is not ⚑.
    static func workspace(revealed: Bool) -> Workspace {
        var ws = sampleWorkspace()
        ws.settings.revealed = revealed
        ws.discussion = [
            DiscussionNote(vendor: "V2", criterion: "func", note: "以复演结果为准 <暂按 5 分> & 再议"),
            DiscussionNote(vendor: "V1", criterion: "func", note: "演示流畅"),
        ]
        return ws
    }

    static func request(_ ws: Workspace, _ lang: ReportLanguage = .zh) -> ReportRequest {
        ReportRequest(workspace: ws, today: Day(iso: "2026-11-29")!, language: lang)
    }

    /// Undoes the escaping both formats share (`&lt;` `&gt;` `&amp;`), plus HTML's quotes.
    static func unescaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The items of the HTML list under a heading, tags removed.
    static func htmlItems(_ html: String, under heading: String) -> [String]? {
        guard let start = html.range(of: "<h3>\(heading)</h3>\n<ul class=\"flags\">") else { return nil }
        let list = html[start.upperBound...].prefix { _ in true }
        guard let end = list.range(of: "</ul>") else { return nil }
        return list[..<end.lowerBound].components(separatedBy: "<li>").dropFirst().map { item in
            unescaped(item.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression))
        }
    }

    /// The items of the Markdown list under a heading.
    static func markdownItems(_ md: String, under heading: String) -> [String]? {
        let lines = md.components(separatedBy: "\n")
        guard let h = lines.firstIndex(of: "### \(heading)") else { return nil }
        return lines[(h + 2)...].prefix { $0.hasPrefix("- ") }.map { unescaped(String($0.dropFirst(2))) }
    }

    @Test func cellsToDiscussAndThePanelsNotesAfterTheReveal() {
        var ws = Self.workspace(revealed: true)
        // Notes on cells with no counted scores are listed too: with 云帆软件's 功能 scores gone no
        // cell counts (the vendor is not fully scored), and both notes stay, without scores.
        var orphan = ws
        for name in orphan.scores.keys { orphan.scores[name]!.removeAll { $0.vendor == "V1" && $0.criterion == "func" } }
        let want = [
            "⚑ 智链科技 × 功能 Functionality：张伟 7, 李娜 3 (极差 4) —— 评审组讨论：以复演结果为准 <暂按 5 分> & 再议",
            "云帆软件 × 功能 Functionality：张伟 8, 李娜 9 (极差 1) —— 评审组讨论：演示流畅",
        ]
        for (w, expected) in [
            (ws, want),
            (orphan, ["智链科技 × 功能 Functionality —— 评审组讨论：以复演结果为准 <暂按 5 分> & 再议", "云帆软件 × 功能 Functionality —— 评审组讨论：演示流畅"]),
        ] {
            let md = Report.markdown(Self.request(w))
            let html = Report.html(Self.request(w))
            #expect(Self.markdownItems(md, under: "需讨论的评分") == expected)
            #expect(Self.htmlItems(html, under: "需讨论的评分") == expected)
        }
        ws.discussion = []
        #expect(Self.markdownItems(Report.markdown(Self.request(ws)), under: "需讨论的评分") == ["⚑ 智链科技 × 功能 Functionality：张伟 7, 李娜 3 (极差 4)"])
    }

    @Test func theSameInEnglish() {
        let ws = Self.workspace(revealed: true)
        let md = Report.markdown(Self.request(ws, .en))
        let items = Self.markdownItems(md, under: "Cells to discuss")
        #expect(items?.first == "⚑ 智链科技 × 功能 Functionality: 张伟 7, 李娜 3 (spread 4) — panel's discussion: 以复演结果为准 <暂按 5 分> & 再议")
        #expect(items != nil && items == Self.htmlItems(Report.html(Self.request(ws, .en)), under: "Cells to discuss"))
    }

    /// Before the reveal neither format names an evaluator or shows a note.
    @Test func beforeTheRevealBothHideTheNamesAndTheNotes() {
        let ws = Self.workspace(revealed: false)
        let md = Report.markdown(Self.request(ws))
        let html = Report.html(Self.request(ws))
        // The report sees no one's sheet while blind, so no cell is ⚑ and neither format has the list.
        #expect(Self.markdownItems(md, under: "需讨论的评分") == nil)
        #expect(Self.htmlItems(html, under: "需讨论的评分") == nil)
        for leak in ["以复演结果为准", "演示流畅", "评审组讨论", "张伟 7"] {
            #expect(!md.contains(leak), "the Markdown report shows \(leak) before the reveal")
            #expect(!html.contains(leak), "the HTML report shows \(leak) before the reveal")
        }
    }
}
