import BidbenchCore
import Testing

@Suite("Panel rule: blind means blind, incomplete sheets, progress")
struct PanelRuleTests {
    /// Price 40 % (cost), technical 30 %, service 30 %; wsm with linear normalisation.
    /// A 1 000 000, B 800 000, C 900 000 but C fails must-have R1. Expected cells: A, B × tech, svc = 4.
    /// 甲 and 乙 scored all four (甲 also C, which does not count), 丙 only B's technical (1 of 4).
    func sample(revealed: Bool) -> Workspace {
        var ws = Workspace()
        ws.settings.revealed = revealed
        ws.settings.method = "wsm"
        ws.criteria = [
            Criterion(id: "price", name: "价格", kind: .cost, weight: 0.4, source: .price),
            Criterion(id: "tech", name: "技术", weight: 0.3),
            Criterion(id: "svc", name: "服务", weight: 0.3),
        ]
        ws.vendors = [
            Vendor(id: "A", name: "甲公司", bidPrice: Money(units: 1_000_000)),
            Vendor(id: "B", name: "乙公司", bidPrice: Money(units: 800_000)),
            Vendor(id: "C", name: "丙公司", bidPrice: Money(units: 900_000)),
        ]
        ws.requirements = [Requirement(id: "R1", department: "D", module: "GL", title: "多币种", priority: .must)]
        ws.gates = [GateAnswer(vendor: "C", requirement: "R1", answer: .no)]
        ws.scores = [
            "甲": [
                Score(vendor: "A", criterion: "tech", score: 8), Score(vendor: "A", criterion: "svc", score: 6),
                Score(vendor: "B", criterion: "tech", score: 6), Score(vendor: "B", criterion: "svc", score: 9),
                Score(vendor: "C", criterion: "tech", score: 5),
            ],
            "乙": [
                Score(vendor: "A", criterion: "tech", score: 6), Score(vendor: "A", criterion: "svc", score: 8),
                Score(vendor: "B", criterion: "tech", score: 4), Score(vendor: "B", criterion: "svc", score: 7),
            ],
            "丙": [Score(vendor: "B", criterion: "tech", score: 10)],
        ]
        return ws
    }

    @Test func progressCountsOnlyExpectedCells() {
        let p = PanelRule.progress(sample(revealed: false), lastChanges: ["丙": "2026-12-05 14:02"])
        #expect(
            p == [
                EvaluatorProgress(evaluator: "丙", scored: 1, expected: 4, lastChange: "2026-12-05 14:02", unscoredVendors: ["A"]),
                EvaluatorProgress(evaluator: "乙", scored: 4, expected: 4),
                EvaluatorProgress(evaluator: "甲", scored: 4, expected: 4),
            ])
        #expect(p.map(\.complete) == [false, true, true])
    }

    /// A cell scored twice counts once; a kept basis counts again when a sheet, the evaluators or the
    /// expected cells change (a vendor disqualified by a gate drops its cells).
    @Test func progressWithAKeptBasisFollowsEveryChange() throws {
        var ws = sample(revealed: false)
        ws.scores["丙"]!.append(Score(vendor: "B", criterion: "tech", score: 9))  // the same cell again
        var basis = EvaluationBasis()
        func counts() throws -> [String] {
            let e = try PanelRule.evaluate(ws, viewer: .lead, basis: &basis)
            #expect(e.progress == (try PanelRule.evaluate(ws, viewer: .lead)).progress)
            return e.progress.map { "\($0.evaluator) \($0.scored)/\($0.expected)" }
        }
        #expect(try counts() == ["丙 1/4", "乙 4/4", "甲 4/4"])
        ws.scores["丙"]!.append(Score(vendor: "A", criterion: "svc", score: 7))
        #expect(try counts() == ["丙 2/4", "乙 4/4", "甲 4/4"])
        ws.gates.append(GateAnswer(vendor: "A", requirement: "R1", answer: .no))  // A out: B's two cells left
        #expect(try counts() == ["丙 1/2", "乙 2/2", "甲 2/2"])
        ws.scores["丁"] = []
        #expect(try counts() == ["丁 0/2", "丙 1/2", "乙 2/2", "甲 2/2"])
    }

    /// After the reveal the incomplete sheet is left out of every cell, with a warning naming it:
    /// A = 0.4 × 0.8 + 0.3 × 7/7 + 0.3 × 7/8 = 0.8825; B = 0.4 × 1 + 0.3 × 5/7 + 0.3 × 8/8.
    /// (With 丙's 10 counted, B's technical mean would be 6.67 and B 0.986.)
    @Test func incompleteSheetIsLeftOutWithAWarning() throws {
        let e = try PanelRule.evaluate(sample(revealed: true), viewer: .lead)
        #expect(!e.blind)
        #expect(e.leftOut == ["丙"])
        #expect(e.progress.map { "\($0.evaluator) \($0.scored)/\($0.expected)" } == ["丙 1/4", "乙 4/4", "甲 4/4"])
        // First that every figure is the counted evaluators' alone (a meeting pass: one evaluator's
        // scores were presented as the panel mean), then who is left out.
        #expect(
            Array(e.warnings.prefix(2)) == [
                Notice(
                    "only 2 of 3 evaluators counted (乙, 甲): means, totals and ranks are theirs alone",
                    "仅计入 2/3 位评委（乙、甲）: 均分、总分和排名只代表他们"),
                Notice(
                    "丙 has scored 1 of 4 cells (nothing yet for 甲公司) and is not counted until the sheet is complete",
                    "评委 丙 已评 1/4 项 (甲公司 尚未评分), 评完之前不计入"),
            ])
        #expect(e.countedText(chinese: true) == "仅计入 2/3 位评委（乙、甲）")
        #expect(e.ranking.map(\.vendor) == ["B", "A"])
        #expect(abs(e.ranking[0].score - (0.4 + 0.3 * 5 / 7 + 0.3)) < 1e-12)
        #expect(abs(e.ranking[1].score - 0.8825) < 1e-12)
        let bTech = e.cells.first { $0.vendor == "B" && $0.criterion == "tech" }
        #expect(bTech?.evaluators == ["乙", "甲"])
        #expect(bTech?.value == 5)
    }

    /// A vendor added after everyone finished leaves every sheet incomplete and every total blank:
    /// each warning names the vendors not started (three, then how many), which a knocked-out one is not.
    @Test func vendorsAddedMidMeetingAreNamedInTheWarning() throws {
        var ws = sample(revealed: true)
        ws.vendors += ["D", "E", "F", "G"].map { Vendor(id: $0, name: "", bidPrice: Money(units: 850_000)) }
        ws.vendors[3].name = "丁公司"
        let e = try PanelRule.evaluate(ws, viewer: .lead)
        #expect(e.leftOut == ["丙", "乙", "甲"])
        #expect(e.ranking.isEmpty)
        #expect(e.progress.map(\.unscoredVendors) == [["A", "D", "E", "F", "G"], ["D", "E", "F", "G"], ["D", "E", "F", "G"]])
        #expect(
            e.warnings.prefix(2).map(\.zh) == [
                "评委 丙 已评 1/12 项 (甲公司、丁公司、E 等 5 家 尚未评分), 评完之前不计入",
                "评委 乙 已评 4/12 项 (丁公司、E、F 等 4 家 尚未评分), 评完之前不计入",
            ])
        #expect(
            e.warnings[1].en
                == "乙 has scored 4 of 12 cells (nothing yet for 丁公司, E, F and 1 more) and is not counted until the sheet is complete")
    }

    /// A meeting pass: after the reveal the lead added a vendor; the first evaluator to score it alone
    /// made every mean, total and rank, shown as the panel's. Each output says whose figures they are.
    @Test func whenOneSheetIsCompleteItsFiguresSaySoFirst() throws {
        var ws = sample(revealed: true)
        ws.vendors.append(Vendor(id: "D", name: "丁公司", bidPrice: Money(units: 850_000)))
        let 甲B = ws.scores["甲"]!.filter { $0.vendor == "B" }
        ws.scores["甲"]! += 甲B.map { Score(vendor: "D", criterion: $0.criterion, score: $0.score) }
        let e = try PanelRule.evaluate(ws, viewer: .lead)
        #expect(e.leftOut == ["丙", "乙"])
        #expect(!e.ranking.isEmpty)
        #expect(e.countedText(chinese: false) == "only 1 of 3 evaluators counted (甲)")
        #expect(e.warnings.first?.zh == "仅计入 1/3 位评委（甲）: 均分、总分和排名只代表他们")
        #expect(e.cells.allSatisfy { $0.evaluators == ["甲"] })
        let md = Handout.markdown(
            HandoutRequest(
                report: ReportRequest(workspace: ws, today: Day(iso: "2026-12-08")!, language: .zh), kind: .scoring, generated: "x"))
        #expect(md.contains("— 暂定：仅计入 1/3 位评委（甲），其余评委尚未评完"), "\(md)")
        #expect(md.contains("_评委平均分（仅计入 1/3 位评委（甲））"))
    }

    @Test func blindLeadSeesNothingDerivedFromScores() throws {
        let e = try PanelRule.evaluate(sample(revealed: false), viewer: .lead)
        #expect(e.blind)
        #expect(e.ranking.isEmpty)
        #expect(e.cells.isEmpty)
        #expect(e.progress.map(\.scored) == [1, 4, 4])  // counts stay visible while blind
        #expect(e.incomplete.isEmpty)
        #expect(e.problem.alternatives.isEmpty)
        #expect(Sensitivity.analyse(e.problem).winner == nil)
        #expect(e.disqualified.map(\.vendor) == ["C"])  // gates are not the panel's
        #expect(e.warnings.first?.en.hasPrefix("the panel is blind until the lead reveals") == true)
        #expect(!e.warnings.contains { $0.en.contains("丙") })  // not even who is incomplete: that is `panel`'s job
    }

    @Test func blindEvaluatorSeesOnlyOwnScores() throws {
        let e = try PanelRule.evaluate(sample(revealed: false), viewer: .evaluator("乙"))
        #expect(e.blind)
        #expect(e.ranking.isEmpty)
        #expect(e.cells.map { "\($0.vendor)/\($0.criterion)=\($0.value)" } == ["A/tech=6.0", "A/svc=8.0", "B/tech=4.0", "B/svc=7.0"])
        #expect(e.cells.allSatisfy { $0.evaluators == ["乙"] })
        #expect(e.warnings.first?.en.contains("only 乙's own scores are shown") == true)
        #expect(PanelRule.visibleScores(sample(revealed: false), to: .evaluator("乙")).keys.sorted() == ["乙"])
        #expect(PanelRule.visibleScores(sample(revealed: false), to: .lead).isEmpty)
        #expect(PanelRule.visibleScores(sample(revealed: true), to: .lead).count == 3)
    }

    @Test func newWorkspacesStartBlind() {
        #expect(Workspace().settings.revealed == false)
        #expect(PanelViewer(as: " ") == .lead)
        #expect(PanelViewer(as: "赵敏") == .evaluator("赵敏"))
    }
}
