import BidbenchCore
import Foundation
import Testing

@testable import BidbenchUI

/// Whole frames (the full Canvas text) of every screen and dialog at 80×24 and 120×34 in both
/// languages, compared with the files under `Golden/`. After a deliberate change, re-record with
/// `BIDBENCH_RECORD_GOLDEN=1 swift test --filter GoldenFrameTests` and review the diff by eye.
@Suite struct GoldenFrameTests {
    static let sizes = ProcessInfo.processInfo.environment["BIDBENCH_GOLDEN_WIDE"] == "1" ? [(200, 50)] : [(80, 24), (120, 34)]

    /// The workspace of the frames: the key-map test's, with a long clause and a long acceptance.
    static func workspace() -> Workspace {
        var ws = KeyMapTests.workspace()
        ws.contractTexts["contracts/C1.md"] = """
            # 订阅服务协议
            第一条 服务内容
            乙方向甲方提供 CRM 订阅服务, 包括部署、培训与上线支持。
            第二条 责任限制
            8.2 乙方在本合同项下的累计赔偿责任以本合同总金额为限，但因故意或重大过失造成的损失除外。
            8.3 因乙方原因造成甲方数据丢失或损毁的，乙方应负责恢复数据，并赔偿甲方由此产生的直接损失，该损失在前款限额内计算。
            第三条 自动续约
            服务期满前三十（30）日内甲方未以书面形式提出异议的，本协议自动续期一年。
            """
        ws.requirements[0].detail = "现状问题: 月末手工折算外币凭证, 常有差错; 影响用户: 财务部 12 人; 预算上限: 30 万; 期限: 2027 年 6 月上线"
        return ws
    }

    static let places: [(name: String, keys: [Key])] =
        KeyMapTests.places.map { ($0.name.replacingOccurrences(of: " ", with: "-"), $0.keys) } + [
            ("contracts-liability", [.char("4"), .down, .down, .down, .down, .down, .down, .down, .down]),
            ("budget-whatif", [.char("3"), .char(":")] + "users 137".map { Key.char($0) } + [.enter]),
            ("contract-terms", [.char("4"), .char("e")]),
        ]

    static var folder: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden") }

    /// Compares `frame` with `Golden/NAME-WxH-LANG.txt` (or records it).
    static func compare(
        _ frame: String, _ name: String, _ w: Int, _ h: Int, _ lang: Lang, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let url = folder.appendingPathComponent("\(name)-\(w)x\(h)-\(lang.rawValue).txt")
        if ProcessInfo.processInfo.environment["BIDBENCH_RECORD_GOLDEN"] == "1" {
            try frame.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try? String(contentsOf: url, encoding: .utf8)
        #expect(golden == frame, "\(url.lastPathComponent) differs (BIDBENCH_RECORD_GOLDEN=1 re-records)", sourceLocation: sourceLocation)
    }

    /// Regression: the problems overlay left the screen's first and last columns uncovered, and the
    /// screen below showed through right of its border. Every row it takes is now blank edge to edge.
    @Test(arguments: [Lang.en, Lang.zh])
    func theProblemsOverlayCoversWholeRows(lang: Lang) throws {
        let problems = [
            "requirements.csv:7: priority: “urgent” is not must, should, could or won't",
            "scores/李娜.csv:3: score: “九” is not a number",
        ]
        for (w, h) in Self.sizes {
            let d = Driver(Self.workspace(), lang: lang, width: w, height: h, problems: problems)
            let lines = d.screen.lines
            // The overlay's rows: its top border to its bottom border.
            let top = try #require(lines.firstIndex { $0.hasPrefix(" ┌") })
            let bottom = try #require(lines.firstIndex { $0.hasPrefix(" └") })
            for y in top...bottom {
                let line = lines[y]
                #expect(line.hasPrefix(" ") && (line.hasSuffix("┐") || line.hasSuffix("│") || line.hasSuffix("┘")), "row \(y): \(line)")
                #expect(TextWidth.of(line) == w - 1, "row \(y) must end at the border, one blank column from the edge: \(line)")
            }
            try Self.compare(d.screen.text + "\n", "problems", w, h, lang)
        }
    }

    /// Regression: a contract whose text file is missing showed "Clauses 0/22", every clause "✗ missing"
    /// and "Red flags: 0". Nothing was checked, so no count and no ✗: the error says why; a clause the
    /// reviewer marked keeps the mark.
    @Test(arguments: [Lang.en, Lang.zh])
    func aContractWithoutItsTextShowsNoCounts(lang: Lang) throws {
        var ws = Self.workspace()
        ws.contractTexts = [:]
        ws.reviews = [ClauseReview(contract: "C1", clause: .scope, status: .ok)]
        for (w, h) in Self.sizes {
            var d = Driver(ws, lang: lang, width: w, height: h)
            d.press(.char("4"))
            let text = d.text
            let head = lang.t("No text: clauses not checked", "无正文: 条款未检查")
            let why = lang.t("No text: contracts/C1.md not found", "无正文: 找不到 contracts/C1.md")
            #expect(d.screen.lines[2].hasPrefix(" " + head + " ") && d.screen.lines[2].hasSuffix("│ " + why), "\(d.screen.lines[2])")
            #expect(text.contains(lang.t("Red flags: no text to scan", "红旗: 无正文可扫描")))
            for wrong in ["/22", "✗", lang.t("missing", "缺失"), lang.t("Red flags: 0", "红旗: 0")] {
                #expect(!text.contains(wrong), "\(wrong) shown without a text")
            }
            #expect(d.screen.lines.contains { $0.hasPrefix(" ✔ " + lang.clause(.scope)) })
            try Self.compare(text + "\n", "contracts-no-text", w, h, lang)
        }
    }

    @Test(arguments: [Lang.en, Lang.zh])
    func everyScreenAndDialogMatchesItsGoldenFrame(lang: Lang) throws {
        let record = ProcessInfo.processInfo.environment["BIDBENCH_RECORD_GOLDEN"] == "1"
        for (w, h) in Self.sizes {
            for place in Self.places {
                var d = Driver(Self.workspace(), lang: lang, width: w, height: h)
                for k in place.keys { d.press(k) }
                let frame = d.screen.text + "\n"
                let url = Self.folder.appendingPathComponent("\(place.name)-\(w)x\(h)-\(lang.rawValue).txt")
                if record {
                    try frame.write(to: url, atomically: true, encoding: .utf8)
                    continue
                }
                let golden = try? String(contentsOf: url, encoding: .utf8)
                #expect(golden == frame, "\(url.lastPathComponent) differs (BIDBENCH_RECORD_GOLDEN=1 re-records)")
                // Nothing is drawn past the edge.
                for line in d.screen.lines { #expect(TextWidth.of(line) <= w) }
            }
        }
    }
}
