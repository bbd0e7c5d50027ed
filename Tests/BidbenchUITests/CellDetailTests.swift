import BidbenchCore
import Testing

@testable import BidbenchUI

/// The lead's cell detail (Enter on the vendor matrix after the reveal): each evaluator's score as
/// the panel value counted it, and what the panel rule leaves out.
@Suite struct CellDetailTests {
    func frame(_ d: Driver) -> [String] { d.screen.lines }

    /// Someone hides the panel on disk while the detail is open: the dialog stayed open but drew
    /// nothing, taking every key (hint bar "Esc 关闭" over the matrix). Now it says the panel is blind.
    @Test func theDetailSaysSoWhenThePanelTurnsBlindWhileItIsOpen() {
        var ws = sampleWorkspace()
        var d = Driver(ws, width: 80, height: 24)
        d.press(.char("2"), .enter)
        #expect(d.row(containing: "评审组 平均 8.5") != nil)
        ws.settings.revealed = false
        d.send(.diskChanged(workspace: ws, files: ["workspace.json"], sheetTimes: [:]))
        #expect(Array(frame(d).prefix(8)) == BLIND_AGAIN)
        #expect(!d.text.contains("8.0"))
        #expect(!d.text.contains("9.0"))
        d.press(.escape)
        #expect(d.state.modal == nil)
    }

    /// A sheet holding one cell twice (possible in memory, refused on load): the panel counts the
    /// last score, and the detail showed the first — a list that did not add up to the mean shown.
    @Test func eachScoreShownIsTheOneThePanelValueCounted() {
        var ws = sampleWorkspace()
        ws.scores["张伟"]!.append(Score(vendor: "V1", criterion: "func", score: 6))
        var d = Driver(ws, width: 80, height: 24)
        d.press(.char("2"), .enter)
        #expect(d.row(containing: "张伟      6.0") != nil)
        #expect(d.row(containing: "评审组 平均 7.5   极差 3.0   σ 1.5") != nil)
        #expect(d.row(containing: "8.0") == nil)
    }
}

private let BLIND_AGAIN = [
    " Bidbench · 华东精密 E…   1 需求  [2 供应商]  3 预算   4 合同   5 交付   已保存",
    " 方法: 加权求和 (WSM)  评委: 2 · 盲评中 (R 揭晓) · 主持人",
    " 准则                权重 云帆软件              智链科技",
    " 功能 Functionali┌─ 云帆软件 · 功能 Functionality ────────────┐",
    " 价格 Price      │ 评审组已恢复盲评: 各评委的评分已隐藏 (Esc) │",
    " ────────────────└────────────────────────────────────────────┘────────────────",
    " 得分                     —                     —",
    " 排名                     盲评中                盲评中",
]

/// The panel's progress line at any terminal height: when the rows left cannot hold every
/// evaluator with the time of their sheet, the times go, never an evaluator (an 80×24 demo showed
/// 张伟 and 李娜 with their times and hid 王强 once the times were known).
@Suite struct ProgressLineTests {
    @Test func everyEvaluatorStaysOnScreenWhenTheTimesDoNotFit() {
        var ws = sampleWorkspace()
        ws.scores["王强"] = [Score(vendor: "V1", criterion: "func", score: 7), Score(vendor: "V2", criterion: "func", score: 6)]
        for height in 14...30 {
            var d = Driver(ws, width: 80, height: height)
            d.state.sheetTimes = ["张伟": "2026-11-20 09:15", "李娜": "2026-11-21 10:30", "王强": "2026-11-22 16:45"]
            d.press(.char("2"))
            let rows = d.screen.lines.filter { line in ["张伟", "李娜", "王强"].contains { line.contains($0 + " 2/2") } }
            guard let first = rows.first, first.contains("评分进度") else { continue }
            let shown = rows.joined(separator: "\n")
            for name in ["张伟", "李娜", "王强"] { #expect(shown.contains(name + " 2/2 ✔"), "height \(height):\n\(shown)") }
        }
    }

    /// One row left (the demo's vendor pane at 80×24): the times go and all three names stay; two
    /// rows: the times stay and the line breaks between evaluators.
    @Test func oneRowLeftDropsTheTimesNotAnEvaluator() {
        var ws = sampleWorkspace()
        ws.scores["王强"] = []
        var d = Driver(ws, width: 80, height: 24)
        d.state.sheetTimes = ["张伟": "2026-11-20 09:15", "李娜": "2026-11-21 10:30", "王强": "2026-11-22 16:45"]
        let progress = ["王强", "张伟", "李娜"].map { EvaluatorProgress(evaluator: $0, scored: $0 == "王强" ? 0 : 15, expected: 15) }
        func render(rows: Int) -> [String] {
            var c = Canvas(width: 80, height: 3)
            var y = 0
            VendorsScreen.renderProgress(d.state, progress, into: &c, area: Rect(x: 0, y: 0, width: 80, height: rows), y: &y)
            return c.lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        }
        #expect(render(rows: 1) == [" 评分进度: 王强 0/15 · 张伟 15/15 ✔ · 李娜 15/15 ✔", "", ""])
        #expect(
            render(rows: 2) == [
                " 评分进度: 王强 0/15 11-22 16:45 · 张伟 15/15 ✔ 11-20 09:15", "           李娜 15/15 ✔ 11-21 10:30", "",
            ])
    }
}
