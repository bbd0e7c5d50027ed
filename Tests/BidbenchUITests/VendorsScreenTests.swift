import BidbenchCore
import Testing

@testable import BidbenchUI

@Suite struct VendorsScreenTests {
    /// Deleting a vendor takes its delivery reviews and their survey answers with it (they name it,
    /// and the save would refuse them); u brings everything back.
    @Test func deletingAVendorTakesItsReviewsAndSurveyAnswers() {
        var ws = sampleWorkspace()
        ws.delivery.vendorReviews = [
            VendorReview(
                vendor: "V2", period: "2027-Q2", onTimePct: 80, acceptanceFirstPassPct: 90, slaPct: 95, trainingPassPct: 85, satisfaction: 4
            )
        ]
        ws.delivery.satisfaction = [DepartmentSatisfaction(vendor: "V2", period: "2027-Q2", department: "D01", score: 4)]
        var d = Driver(ws)
        d.press(.char("2"), .right, .char("d"), .char("y"))
        #expect(d.state.workspace.vendors.map(\.id) == ["V1"])
        #expect(d.state.workspace.delivery.vendorReviews.isEmpty && d.state.workspace.delivery.satisfaction.isEmpty)
        d.press(.char("u"))
        #expect(d.state.workspace == ws)
    }

    /// Without an evaluation (an unknown method in workspace.json) the matrix shows no weight and no
    /// total: "—" beside the error, never the 0 % a missing weight used to read as.
    @Test func anEvaluationThatFailsShowsNoFigure() {
        var ws = sampleWorkspace()
        ws.settings.method = .other("ahp-magic")
        var d = Driver(ws, lang: .en)
        d.press(.char("2"))
        #expect(d.text.contains("unknown method “ahp-magic”"))
        let row = d.criterionRow("功能 Functionality")
        #expect(row?.contains("—") == true && row?.contains("0%") == false, "\(row ?? "no row")")
        #expect(d.criterionRow("价格 Price")?.contains("0%") == false)
        #expect(d.screen.lines.contains { $0.contains("ahp-magic") && !$0.contains("Method") }, "the error line is shown")
    }

    /// A meeting pass: at 60 columns the header read `敏感度: 0%–10` (the screen cut the range). The
    /// range is whole or not there, at every width.
    @Test func theSensitivityRangeIsWholeOrAbsentAtEveryWidth() {
        var shown = 0
        for width in 50...130 {
            var d = Driver(sampleWorkspace(), width: width, height: 30)
            d.press(.char("2"))
            for line in d.screen.lines where line.contains("敏感度") {
                let text = line.trimmingCharacters(in: .whitespaces)
                #expect(text.hasSuffix("%"), "\(width): \(text)")
                shown += 1
            }
        }
        #expect(shown > 0)
    }

    /// A meeting pass: the lead renamed the vendor while 刘芳 had its score dialog open; the dialog kept
    /// the old name. It follows the rename that arrives from disk, and what was typed stays.
    @Test func anOpenScoreDialogFollowsARenameFromDisk() {
        var ws = sampleWorkspace()
        ws.settings.revealed = false
        var d = Driver(ws, evaluator: "张伟")
        d.press(.char("2"), .right, .enter)
        #expect(d.text.contains("张伟 · 智链科技 · 功能 Functionality"))
        d.press(.ctrl("u"))
        d.type("8")
        var disk = d.state.workspace
        disk.vendors[1].name = "智链科技（上海）"
        d.send(.diskChanged(workspace: disk, files: ["vendors.csv"], sheetTimes: [:]))
        #expect(d.text.contains("张伟 · 智链科技（上海） · 功能 Functionality"))
        guard case .form(let f)? = d.state.modal else {
            Issue.record("the score dialog closed")
            return
        }
        #expect(f.value("score") == "8")
    }

    @Test func blindScoringShowsOnlyOwnScoresUntilRevealed() {
        var ws = sampleWorkspace()
        ws.settings.revealed = false
        var d = Driver(ws, evaluator: "张伟")
        d.press(.char("2"))
        #expect(d.text.contains("盲评中 · 以张伟身份打分"))
        d.press(.char("R"))
        #expect(d.text.contains("仅限主持人: 本会话以张伟身份打分"))
        #expect(d.state.workspace.settings.revealed == false)
        // 张伟 gave V2 7; 李娜's 3 stays hidden, so no spread flag either.
        #expect(d.criterionRow("功能")?.contains("7.0") == true)
        #expect(d.criterionRow("功能")?.contains("⚑") == false)
        // Score V2 on functionality: a bad value keeps the form open.
        d.press(.right, .enter)
        #expect(d.text.contains("张伟 · 智链科技 · 功能 Functionality"))
        d.press(.ctrl("u"))
        d.type("11")
        d.press(.ctrl("s"))
        #expect(d.text.contains("分数必须是 0 到 10 之间的数字, 而不是 “11”"))
        // What `Double` reads but nobody types as a score (1e1 = 10) is refused, not stored as 10.
        d.press(.ctrl("u"))
        d.type("1e1")
        d.press(.ctrl("s"))
        #expect(d.text.contains("分数必须是 0 到 10 之间的数字, 而不是 “1e1”"))
        d.press(.ctrl("u"))
        d.type("6.5")
        d.press(.tab)
        d.type("接口文档不全")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.scores["张伟"]?.first { $0.vendor == "V2" }?.score == 6.5)
        #expect(d.state.workspace.scores["张伟"]?.first { $0.vendor == "V2" }?.note == "接口文档不全")
        #expect(d.criterionRow("功能")?.contains("6.5") == true)
        // The lead, in a session of their own on the same workspace, reveals: the panel mean and the
        // disagreement flag appear (6.5 vs 3: spread 3.5 ≥ 30 % of 10).
        var lead = Driver(d.state.workspace)
        lead.press(.char("2"), .char("R"))
        #expect(lead.text.contains("已揭晓"))
        // R saves at once; the save's message keeps what happened in front.
        lead.send(.saved(message: "已保存到 /tmp/ws"))
        #expect(lead.state.message == "评分已向评审组揭晓; 已保存到 /tmp/ws")
        let row = lead.criterionRow("功能")!
        #expect(row.contains("8.5"))  // V1: (8 + 9) / 2
        #expect(row.contains("4.8 ±3.5 ⚑"))  // V2: (6.5 + 3) / 2 = 4.75 → 4.8
    }

    /// The evaluation's warnings and errors are shown under the matrix, in the UI's language.
    @Test func warningsAndErrorsInTheUILanguage() {
        var d = Driver()
        d.press(.char("2"), .right, .char("g"), .char("y"), .down, .char("p"), .escape)  // V2: R01 meets, R02 partly
        #expect(d.text.contains("⚠ 供应商 V2 仅部分满足必须项 R02"))
        d.press(.char(":"))
        d.type("lang en")
        d.press(.enter)
        #expect(d.text.contains("⚠ vendor V2 only partly meets must-have R02"))
        d.press(.char(":"))
        d.type("lang zh")
        d.press(.enter)
        // A workspace whose scale is 0 (as workspace.json may say) cannot be ranked: the screen says why.
        var ws = sampleWorkspace()
        ws.settings.scale = 0
        var zero = Driver(ws)
        zero.press(.char("2"))
        #expect(zero.text.contains("评分量程为 0; 必须大于 0"))
    }

    @Test func leadCannotScoreAndPriceIsNotScored() {
        var ws = sampleWorkspace()
        ws.settings.revealed = false
        var d = Driver(ws)
        d.press(.char("2"), .enter)
        #expect(d.text.contains("盲评中: 揭晓 (R) 后主持人可查看每位评委的评分; 评委请用 --as 姓名 打分"))
        var evaluator = Driver(ws, evaluator: "李娜")
        evaluator.press(.char("2"), .down, .enter)
        #expect(evaluator.text.contains("价格不打分: 取自报价"))
    }

    @Test func addEditDeleteVendorWithUndo() {
        var d = Driver(lang: .en)
        d.press(.char("2"), .char("a"))
        d.type("北辰数科")
        d.press(.tab, .tab, .tab, .tab, .tab, .tab)
        d.type("1,580,000.5")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.vendors.last?.name == "北辰数科")
        #expect(d.state.workspace.vendors.last?.bidPrice == Money(minor: 158_000_050))
        #expect(d.text.contains("北辰数科"))
        d.press(.char("e"))
        d.press(.tab, .tab, .tab, .tab, .tab, .tab)
        d.press(.ctrl("u"))
        d.type("-5")
        d.press(.ctrl("s"))
        #expect(d.text.contains("Bid price must be an amount ≥ 0"))
        d.press(.escape)  // the form was changed: Esc asks, y discards
        #expect(d.text.contains("Discard the changes to this form?"))
        d.press(.char("y"))
        d.press(.char("h"), .char("d"))
        #expect(d.text.contains("Delete vendor V2 智链科技"))
        d.press(.char("y"))
        #expect(!d.state.workspace.vendors.contains { $0.id == "V2" })
        #expect(d.state.workspace.scores["李娜"]?.contains { $0.vendor == "V2" } == false)
        d.press(.char("u"))
        #expect(d.state.workspace.vendors.contains { $0.id == "V2" })
        #expect(d.state.workspace.scores["李娜"]?.contains { $0.vendor == "V2" } == true)
    }

    @Test func liveWeightChange() {
        var d = Driver()
        d.press(.char("2"))
        #expect(d.criterionRow("功能")?.contains("70%") == true)
        d.press(.char("+"))
        // Five points to 功能 and five from its sibling 价格: 0.75 / (0.75 + 0.25) = 75 %, and the
        // weights still sum to 1 (it was 0.75 / 1.05 = 71 %, and `check` warned about the sum).
        #expect(d.criterionRow("功能")?.contains("75%") == true)
        #expect(d.state.workspace.criteria.map(\.weight) == [0.75, 0.25])
        // Said (a meeting pass: an earlier key's `‹+› 在此无作用` stayed while the weight moved).
        #expect(d.state.message == "功能 Functionality 权重 70% → 75%")
        d.press(.char("u"))
        #expect(d.criterionRow("功能")?.contains("70%") == true)
    }

    /// Children written as parts of their parent (0.15 and 0.20 under 0.35) or as parts of one
    /// (0.4 and 0.6): `+` moves the child's share of the whole by five points either way, takes
    /// them from its sibling, and leaves the other branch alone.
    @Test func aSubCriterionsWeightMovesFivePointsWithinItsParent() {
        var parts = [
            Criterion(id: "func", name: "功能", weight: 0.35), Criterion(id: "mfg", parent: "func", name: "生产制造", weight: 0.15),
            Criterion(id: "mgmt", parent: "func", name: "经营管理", weight: 0.2), Criterion(id: "price", name: "价格", weight: 0.65),
        ]
        VendorsScreen.rebalance(&parts, id: "mfg", by: 0.05)
        #expect(parts.map(\.weight) == [0.35, 0.2, 0.15, 0.65])
        // A top-level step: 价格 +5 points, 功能 −5, and 功能's children, parts of it, follow it
        // (0.2 + 0.15 = 0.35 → 0.3; they stayed, and check warned: user test pass).
        VendorsScreen.rebalance(&parts, id: "price", by: 0.05)
        #expect(parts.map(\.weight) == [0.3, 0.1714, 0.1286, 0.7])
        var ofOne = [
            Criterion(id: "func", name: "功能", weight: 0.5), Criterion(id: "mfg", parent: "func", name: "生产制造", weight: 0.4),
            Criterion(id: "mgmt", parent: "func", name: "经营管理", weight: 0.6), Criterion(id: "price", name: "价格", weight: 0.5),
        ]
        #expect(VendorsScreen.share(ofOne, "mfg") == 0.2)
        VendorsScreen.rebalance(&ofOne, id: "mfg", by: 0.05)  // 20 % → 25 % of the whole: 0.5 of func
        #expect(ofOne.map(\.weight) == [0.5, 0.5, 0.5, 0.5])
        #expect(VendorsScreen.share(ofOne, "mfg") == 0.25)
        var relative = [
            Criterion(id: "a", name: "A", weight: 5), Criterion(id: "b", name: "B", weight: 2), Criterion(id: "c", name: "C", weight: 3),
        ]
        VendorsScreen.rebalance(&relative, id: "b", by: -0.05)  // 20 % → 15 %: 1.5 of 10; a and c give back in proportion
        #expect(relative.map(\.weight) == [5.3125, 1.5, 3.1875])
        // Never below 0 or above the whole.
        VendorsScreen.rebalance(&relative, id: "b", by: -0.5)
        #expect(relative.map(\.weight) == [6.25, 0, 3.75])
    }
}

@Suite struct GatesScreenTests {
    @Test func aNoOnAMustHaveKnocksTheVendorOut() {
        var d = Driver()
        d.press(.char("2"), .right)  // 智链科技
        #expect(d.criterionRow("得分")?.contains("—") == false)
        d.press(.char("g"))
        #expect(d.text.contains("必须项 — 智链科技"))
        #expect(d.text.contains("? R01 多币种凭证自动折算"))
        d.press(.char("y"))  // meets
        d.press(.down, .char("x"))  // R02: does not meet — knocks the vendor out, so it asks first
        #expect(d.text.contains("智链科技 不满足 R02? 这会把 智链科技 淘汰出排名。(y 是 / n 否)"))
        d.press(.char("n"))
        #expect(d.state.workspace.gates == [GateAnswer(vendor: "V2", requirement: "R01", answer: .meets)])
        #expect(d.text.contains("答复未改变"))
        d.press(.char("x"), .char("y"))
        #expect(
            d.state.workspace.gates == [
                GateAnswer(vendor: "V2", requirement: "R01", answer: .meets),
                GateAnswer(vendor: "V2", requirement: "R02", answer: .no),
            ])
        d.press(.char("n"))
        d.type("只支持标准成本")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.gates[1].note == "只支持标准成本")
        d.press(.escape)
        #expect(d.text.contains("✗ 智链科技: 必须项未满足 R02"))
        #expect(d.criterionRow("排名")?.contains("淘汰") == true)
    }

    @Test func gTakesTheGatesDialogToTheTop() {
        var d = Driver()
        d.press(.char("2"), .char("g"), .down)
        #expect(d.state.modal == .gates(GatesState(vendor: "V1", selected: 1)))
        d.press(.char("g"))
        #expect(d.state.modal == .gates(GatesState(vendor: "V1", selected: 0)))
        d.press(.char("G"))
        #expect(d.state.modal == .gates(GatesState(vendor: "V1", selected: 1)))
    }
}

@Suite struct FormDecimalTests {
    @Test func readsWhatAPersonTypesAndNothingElse() {
        #expect(formDecimal("7") == 7)
        #expect(formDecimal(" 7.5 ") == 7.5)
        #expect(formDecimal(".5") == 0.5)
        #expect(formDecimal("8.") == 8)
        #expect(formDecimal("-2") == -2)
        #expect(formDecimal("＋３．５") == 3.5)
        for bad in ["", ".", "1e1", "1E2", "0x1p3", "inf", "nan", "1.2.3", "7,5", "++1", "1 000"] {
            #expect(formDecimal(bad) == nil, "\(bad)")
        }
    }

    /// Scores of different ranks never read the same: one more decimal until they differ (the
    /// matrix showed 84.3 three times over ranks 3, 1, 1); equal ranks may read the same.
    @Test func scoresOfDifferentRanksShowEnoughDecimals() {
        #expect(VendorsScreen.scorePlaces([(84.3, 1), (84.30000000000001, 1), (84.29301075268816, 3)], from: 1) == 2)
        #expect(VendorsScreen.scorePlaces([(82.9, 1), (81.4, 3), (82.1, 2)], from: 1) == 1)
        #expect(VendorsScreen.scorePlaces([(0.5652, 1), (0.56508, 2)], from: 3) == 4)
        #expect(VendorsScreen.scorePlaces([(70, 1), (70, 1)], from: 1) == 1)
    }
}
