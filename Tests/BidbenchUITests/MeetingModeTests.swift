import BidbenchCore
import Testing

@testable import BidbenchUI

/// Meeting mode on the Vendors screen: progress, the reveal, a cell by evaluator, files that change
/// on disk while the TUI is open.
@Suite struct MeetingModeTests {
    /// The sample plus 王强, who has scored one of the two expected cells, and a note of 张伟's.
    func panel(revealed: Bool) -> Workspace {
        var ws = sampleWorkspace()
        ws.settings.revealed = revealed
        ws.scores["张伟"]![0].note = "排产演示流畅"
        ws.scores["王强"] = [Score(vendor: "V2", criterion: "func", score: 9)]
        // Every confirmed must-have answered, so no result is provisional: this is about the panel.
        for v in ws.vendors {
            for r in ws.requirements
            where r.priority == .must && r.status == .confirmed
                && !ws.gates.contains(where: { $0.vendor == v.id && $0.requirement == r.id })
            {
                ws.gates.append(GateAnswer(vendor: v.id, requirement: r.id, answer: .meets))
            }
        }
        return ws
    }

    func frame(_ d: Driver) -> [String] {
        d.screen.lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    /// A meeting pass: at 100 columns `scoring as` was followed by nothing, at 80 "blind" and the name
    /// were gone. The method gives way first; whom the session scores as stays.
    /// A meeting pass: an evaluator could score a knocked-out vendor (never shown to her), and its cell
    /// was a ⚑ to discuss that nobody saw on the matrix.
    @Test func aKnockedOutVendorIsNotScoredNorDiscussed() {
        var ws = panel(revealed: true)
        let flaggedBefore = VendorsScreen.results(Driver(ws).state).evaluation!.cells.filter(\.flagged).map(\.vendor)
        #expect(flaggedBefore == ["V2"], "张伟 7 and 李娜 3 on V2: 40 % of the scale")
        ws.gates.removeAll { $0.vendor == "V2" && $0.requirement == "R02" }
        ws.gates.append(GateAnswer(vendor: "V2", requirement: "R02", answer: .no))
        let lead = Driver(ws)
        let evaluation = VendorsScreen.results(lead.state).evaluation!
        #expect(evaluation.disqualified.map(\.vendor) == ["V2"])
        #expect(evaluation.cells.filter(\.flagged).isEmpty)
        // An evaluator without a score there is told why; one with a score may open it to withdraw it.
        ws.settings.revealed = false
        var d = Driver(ws, evaluator: "赵敏")
        d.press(.char("2"), .right, .enter)
        #expect(d.state.modal == nil)
        #expect(d.state.message?.hasPrefix("智链科技 已淘汰 (") == true && d.state.message?.hasSuffix("), 无需打分") == true)
        var zhang = Driver(ws, evaluator: "张伟")
        zhang.press(.char("2"), .right, .enter)
        #expect(zhang.form?.fields.first?.input.text == "7")
    }

    @Test func theHeaderKeepsWhomTheSessionScoresAs() {
        var ws = panel(revealed: false)
        ws.settings.method = .known(.cn)
        // On the screen (Zhang Wei is a third evaluator here).
        for (lang, width, line) in [
            (Lang.en, 120, "  Method: comprehensive scoring (MoF Order 87, low price first)  Evaluators: 3 · blind · scoring as Zhang Wei"),
            (.en, 100, "  Method: comprehensive scoring  Evaluators: 3 · blind · scoring as Zhang Wei"),
            (.en, 64, "  Evaluators: 3 · blind · scoring as Zhang Wei"),
            (.zh, 80, "  方法: 综合评分法 (87号令)  评委: 3 · 盲评中 · 以 Zhang Wei 身份打分"),
            (.zh, 64, "  方法: 综合评分法  评委: 3 · 盲评中 · 以 Zhang Wei 身份打分"),
        ] {
            var d = Driver(ws, lang: lang, width: width, height: 30, evaluator: "Zhang Wei")
            d.press(.char("2"))
            let header = d.screen.lines.first { $0.contains("Zhang Wei") }
            #expect(header.map { $0.drop { $0 == " " }.hasPrefix(line.drop { $0 == " " }) } == true, "\(width): \(header ?? "none")")
        }
        // Narrower than any screen: whether blind and whom, then that cut with `…`.
        var d = Driver(ws, lang: .en, evaluator: "Zhang Wei")
        d.press(.char("2"))
        #expect(VendorsScreen.header(d.state, width: 40) == "blind · scoring as Zhang Wei")
        #expect(VendorsScreen.header(d.state, width: 20) == "blind · scoring a…")
    }

    @Test func afterTheRevealEnterShowsEachEvaluatorsScoreAndNote() {
        var d = Driver(panel(revealed: true), width: 80, height: 24)
        d.state.sheetTimes = ["张伟": "2026-11-29 09:15", "李娜": "2026-11-29 09:40"]
        d.press(.char("2"))
        let matrix = frame(d)
        // 王强 (1 of 2) is left out: V2 = (7 + 3) / 2 = 5.0, spread 4 ⚑; V1 = (8 + 9) / 2 = 8.5.
        #expect(
            Array(matrix.prefix(12)) == [
                " Bidbench · 华东精密 E…   1 需求  [2 供应商]  3 预算   4 合同   5 交付   已保存",
                " 方法: 加权求和  评委: 3 · 已揭晓 · 主持人  敏感度: 功能 Functionality 23%–100%",
                " 准则                权重 云帆软件              智链科技",
                " 功能 Functionality   70% 8.5                   5.0 ±4.0 ⚑",
                " 价格 Price           30% 1,860,000             1,625,000",
                " ──────────────────────────────────────────────────────────────────────────────",
                " 得分                     0.962 ██████          0.712 ████▌",
                " 排名                     1                     2",
                " ⚑ 评委分歧 ≥ 量程 30%: 需讨论 (1)",
                " 评分进度: 王强 1/2 · 张伟 2/2 ✔ 09:15 · 李娜 2/2 ✔ 09:40",
                " ⚠ 仅计入 2/3 位评委（张伟、李娜）: 均分、总分和排名只代表他们",
                " ⚠ 评委 王强 已评 1/2 项 (云帆软件 尚未评分), 评完之前不计入",
            ])
        d.press(.enter)
        #expect(
            frame(d) == [
                " Bidbench · 华东精密 E…   1 需求  [2 供应商]  3 预算   4 合同   5 交付   已保存",
                " 方法: 加权求和  评委: 3 · 已揭晓 · 主持人  敏感度: 功能 Functionality 23%–100%",
                " 准则                权重 云帆软件              智链科技",
                " 功能 Functionalit┌─ 云帆软件 · 功能 Functionality (Esc) ────┐",
                " 价格 Price       │ 张伟      8.0  排产演示流畅              │",
                " ─────────────────│ 李娜      9.0                            │─────────────────",
                " 得分             │ 王强        —  未评分  (未评完: 不计入)  │",
                " 排名             │                                          │",
                " ⚑ 评委分歧 ≥ 量程│ 评审组 平均 8.5   极差 1.0   σ 0.5       │",
                " 评分进度: 王强 1/└──────────────────────────────────────────┘",
                " ⚠ 仅计入 2/3 位评委（张伟、李娜）: 均分、总分和排名只代表他们",
                " ⚠ 评委 王强 已评 1/2 项 (云帆软件 尚未评分), 评完之前不计入",
            ] + Array(repeating: "", count: 10) + [" 工作区: /tmp/ws", " Esc 关闭"])
        d.press(.escape)
        #expect(frame(d) == matrix)
        // The flagged cell: 王强's 9 is listed but not counted; the spread is the counted one.
        d.press(.right, .enter)
        #expect(d.text.contains("王强      9.0  (未评完: 不计入)"))
        #expect(d.text.contains("评审组 平均 5.0   极差 4.0   σ 2.0   ⚑ 需讨论: ≥ 量程 30%"))
    }

    @Test func blindLeadSeesProgressButNoScoresAndRevealAsksWhenIncomplete() {
        var d = Driver(panel(revealed: false))
        d.press(.char("2"))
        #expect(d.criterionRow("功能")?.contains("8.5") == false)
        #expect(d.row(containing: "排名")?.contains("盲评中") == true)
        #expect(d.text.contains("评分进度: 王强 1/2 · 张伟 2/2 ✔ · 李娜 2/2 ✔"))
        #expect(d.text.contains("⚠ 评审组盲评中, 主持人揭晓前不显示"))
        #expect(d.text.contains("   报价、必须项及各评委的进度"))  // what is still visible, wrapped, never cut off
        var narrow = Driver(panel(revealed: false), width: 60, height: 24, evaluator: "张伟")
        narrow.press(.char("2"))
        #expect(narrow.text.replacingOccurrences(of: "\n", with: "").contains("报价和必须项可见"))
        d.press(.enter)
        #expect(d.text.contains("盲评中: 揭晓 (R) 后主持人可查看每位评委的评分"))
        d.press(.char("R"))
        #expect(d.text.contains("未评完: 王强 1/2。评完之前不计入平均分。仍然揭晓? (y/n)"))
        d.press(.char("n"))
        #expect(d.state.workspace.settings.revealed == false)
        #expect(d.effects.isEmpty)
        d.press(.char("R"), .char("y"))
        #expect(d.state.workspace.settings.revealed == true)
        // Saved at once, so the reveal is journaled and other open sessions pick it up.
        #expect(d.effects == [.save(d.state.workspace, force: false)])
        #expect(d.criterionRow("功能")?.contains("8.5") == true)
    }

    /// A meeting pass: the lead deleted a vendor, and each evaluator read `刘芳 的评分已更新 (5 项)` for
    /// every sheet, as if they had changed their own scores; nobody was told the vendor was gone.
    @Test func aVendorDeletedElsewhereIsSaidAsSuch() {
        var d = Driver(panel(revealed: false), evaluator: "张伟")
        d.press(.char("2"))
        var disk = d.state.base
        disk.vendors.removeAll { $0.id == "V2" }
        for name in disk.scores.keys { disk.scores[name]!.removeAll { $0.vendor == "V2" } }
        d.send(
            .diskChanged(
                workspace: disk, files: ["vendors.csv", "scores/张伟.csv", "scores/李娜.csv", "scores/王强.csv"], sheetTimes: [:]))
        #expect(
            d.state.message
                == "供应商已在别处删除: V2 智链科技; 张伟 的评分随已删除的供应商或准则一并移除 (1 项); 李娜 的评分随已删除的供应商或准则一并移除 (1 项); 王强 的评分随已删除的供应商或准则一并移除 (1 项)"
        )
    }

    @Test func scoresSavedByAnotherEvaluatorArriveWithoutLosingMyEdit() {
        var d = Driver(panel(revealed: true))
        d.press(.char("2"), .down, .char("-"))  // an unsaved edit of criteria.csv: price weight 0.3 → 0.25
        #expect(d.state.dirty)
        var disk = d.state.base
        disk.scores["李娜"]![1].score = 5  // V2: 3 → 5
        disk.scores["赵敏"] = [Score(vendor: "V1", criterion: "func", score: 6), Score(vendor: "V2", criterion: "func", score: 8)]
        d.send(.diskChanged(workspace: disk, files: ["scores/李娜.csv", "scores/赵敏.csv"], sheetTimes: ["赵敏": "2026-11-28 10:02"]))
        #expect(d.state.message == "李娜 的评分已更新 (1 项, 揭晓后修改); 赵敏 的评分已更新 (2 项, 揭晓后修改)")
        #expect(d.state.workspace.scores == disk.scores)
        #expect(d.state.workspace.criteria.first { $0.id == "price" }?.weight == 0.25)  // mine kept
        #expect(d.state.dirty)
        // Re-ranked at once: V2 = (7 + 5 + 8) / 3 = 6.7 (王强 1/2 still left out).
        #expect(d.criterionRow("功能")?.contains("6.7") == true)
        #expect(d.text.contains("赵敏 2/2 ✔ 11-28 10:02"))
        // `u` steps back my own edit only: what the others saved stays (brought back, the next save
        // would have written their old scores over theirs: user test pass).
        d.press(.char("u"))
        #expect(d.state.workspace.scores == disk.scores)
        #expect(d.state.workspace.criteria.first { $0.id == "price" }?.weight == 0.3)
        #expect(!d.state.dirty)
    }

    /// The lead's own edit, then an evaluator's saved score arriving, then `u`: the undo takes back
    /// the lead's edit and keeps the score (user test pass: `u` took back the arrival instead, and
    /// Ctrl-S wrote the evaluator's old 5 over the 9 they had saved, without a question).
    @Test func undoAfterAnEvaluatorSavedKeepsTheirScore() {
        var d = Driver(panel(revealed: false))
        let before = d.state.workspace
        d.state.change { $0.vendors[1].notes = "报价含三年维保" }
        var disk = d.state.base
        let k = disk.scores["李娜"]!.firstIndex { $0.vendor == "V1" }!
        disk.scores["李娜"]![k].score = 4
        d.send(.diskChanged(workspace: disk, files: ["scores/李娜.csv"], sheetTimes: [:]))
        #expect(d.state.workspace.scores["李娜"]![k].score == 4)
        d.press(.char("u"))
        #expect(d.state.message == "已撤销: vendors.csv")
        #expect(d.state.workspace.vendors == before.vendors)
        #expect(d.state.workspace.scores == disk.scores)
        #expect(!d.state.dirty)
        // Redo brings the lead's edit back, over their score too.
        d.press(.ctrl("r"))
        #expect(d.state.workspace.vendors[1].notes == "报价含三年维保")
        #expect(d.state.workspace.scores == disk.scores)
    }

    /// The lead removed a vendor (its scores leave every sheet, unsaved) while an evaluator saved a
    /// new score for it: the conflict dialog on the projected, blind screen names the cell and what
    /// differs, never the value or the note (user test pass: `磁盘上 6.75 “…”`); taking theirs takes
    /// out what no save could write, by name.
    @Test func aBlindConflictOnTheLeadsScreenHidesTheValues() {
        var d = Driver(panel(revealed: false))
        d.state.change {
            $0.vendors.removeAll { $0.id == "V2" }
            for name in $0.scores.keys { $0.scores[name]!.removeAll { $0.vendor == "V2" } }
        }
        var disk = d.state.base
        let k = disk.scores["李娜"]!.firstIndex { $0.vendor == "V2" }!
        disk.scores["李娜"]![k].score = 6.75
        disk.scores["李娜"]![k].note = "接口待定CANARY"
        d.send(.diskChanged(workspace: disk, files: ["scores/李娜.csv"], sheetTimes: [:]))
        #expect(d.text.contains("你有未保存修改的文件在磁盘上也被修改了: scores/李娜.csv"))
        #expect(d.text.contains("V2/func: 仅一方有 (评分未公开, 不显示数值)"))
        #expect(!d.text.contains("6.75") && !d.text.contains("CANARY"))
        d.press(.char("t"))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.scores["李娜"]!.contains { $0.vendor == "V2" } == false)
        #expect(d.state.message?.contains("已采用磁盘上的 scores/李娜.csv (按 u 恢复你的版本); ") == true)
        #expect(d.state.message?.contains("V2/func") == true)
    }

    /// The same conflict, the lead keeps theirs (`m`), then undoes the removal: the evaluator's saved
    /// sheet stays as she saved it, the cell in conflict and the one that merged alike (user test pass:
    /// `u` and Ctrl-S wrote her old 8 and 6 back over the 4 and 2 she had saved, and her note).
    @Test func undoAfterKeepingMineInAConflictKeepsTheEvaluatorsSavedSheet() {
        var d = Driver(panel(revealed: false))
        let before = d.state.workspace
        d.state.change {
            $0.vendors.removeAll { $0.id == "V2" }
            for name in $0.scores.keys { $0.scores[name]!.removeAll { $0.vendor == "V2" } }
        }
        var disk = d.state.base
        let v1 = disk.scores["李娜"]!.firstIndex { $0.vendor == "V1" }!
        let v2 = disk.scores["李娜"]!.firstIndex { $0.vendor == "V2" }!
        disk.scores["李娜"]![v1].score = 4
        disk.scores["李娜"]![v2].score = 2
        disk.scores["李娜"]![v2].note = "演示失败"
        d.send(.diskChanged(workspace: disk, files: ["scores/李娜.csv"], sheetTimes: [:]))
        #expect(d.text.contains("V2/func: 仅一方有 (评分未公开, 不显示数值)"))
        d.press(.char("m"))
        // Hers for V1 merged; V2 stays removed (mine).
        #expect(d.state.workspace.scores["李娜"] == [disk.scores["李娜"]![v1]])
        d.press(.char("u"))
        #expect(d.state.workspace.vendors == before.vendors)
        #expect(d.state.workspace.scores["李娜"] == disk.scores["李娜"])
        #expect(d.state.workspace.scores["张伟"] == before.scores["张伟"])
        #expect(!d.state.dirty)
    }

    /// An evaluator's score form open on a vendor the lead removes and saves meanwhile: the score is
    /// not kept where no save could write it, and she is told (user test pass: `已打分 2`, then every
    /// Ctrl-S refused with `“V4” 不是 vendors.csv 中的供应商编号` until she thought of `u`).
    @Test func aScoreForAVendorRemovedWhileTheFormWasOpenIsDroppedAndSaid() {
        let ws = panel(revealed: false)
        var d = Driver(ws, evaluator: "李娜")
        d.press(.char("2"), .right, .enter)
        #expect(d.text.contains("李娜 · 智链科技"))
        d.press(.ctrl("u"))
        d.type("2")
        var disk = ws
        disk.vendors.removeAll { $0.id == "V2" }
        for name in disk.scores.keys { disk.scores[name]!.removeAll { $0.vendor == "V2" } }
        d.send(.diskChanged(workspace: disk, files: ["vendors.csv", "scores/李娜.csv", "scores/张伟.csv", "scores/王强.csv"], sheetTimes: [:]))
        d.press(.ctrl("s"))
        #expect(d.state.workspace.scores["李娜"] == disk.scores["李娜"])
        #expect(d.state.message?.contains("已移除: V2/func") == true)
        #expect(!d.state.dirty)
    }

    /// An evaluator's score form open while her own sheet's cell changes on disk: her score is kept
    /// and the message shows both values — they are hers (it hid them as if another's).
    @Test func anEvaluatorsOwnConflictShowsHerValues() {
        let ws = panel(revealed: false)
        var d = Driver(ws, evaluator: "李娜")
        d.press(.char("2"), .enter)
        d.press(.ctrl("u"))
        d.type("6")
        var disk = ws
        let k = disk.scores["李娜"]!.firstIndex { $0.vendor == "V1" }!
        disk.scores["李娜"]![k].score = 3
        d.send(.diskChanged(workspace: disk, files: ["scores/李娜.csv"], sheetTimes: [:]))
        d.press(.ctrl("s"))
        #expect(d.state.workspace.scores["李娜"]![k].score == 6)
        #expect(d.state.message?.contains("V1/func: 我的 6   磁盘上 3") == true)
    }

    /// Another evaluator's sheet that does not read, while blind: the lead's projected screen names
    /// the file, line and field, not what is written (user test pass: `score: “8,5” 不是数字` told the
    /// room 王强's 8.5 for that cell). Her own sheet's problem, or after the reveal, shows it whole.
    @Test func aProblemInAnotherSheetHidesTheValueWhileBlind() {
        var d = Driver(panel(revealed: false))
        d.send(.diskProblems(problems: ["scores/王强.csv:3: score: “8,5” 不是数字 (应为分数, 如 7 或 8.5)"], sheetTimes: [:]))
        #expect(
            d.state.message
                == "未加载 (保留上一个正确版本; 不会覆盖该文件): scores/王强.csv:3: score: 不是数字 (应为分数, 如 7 或 8.5) (评分未公开, 不显示数值)")
        // Repaired on disk as the session kept it: nothing changes, and the error does not stay.
        d.send(.diskChanged(workspace: d.state.base, files: ["scores/王强.csv"], sheetTimes: [:]))
        #expect(d.state.message == "磁盘上的文件已恢复可读" && !d.state.messageIsError)
        var own = Driver(panel(revealed: false), evaluator: "王强")
        own.send(.diskProblems(problems: ["scores/王强.csv:3: score: “8,5” 不是数字"], sheetTimes: [:]))
        #expect(own.state.message?.hasSuffix("scores/王强.csv:3: score: “8,5” 不是数字") == true)
        var open = Driver(panel(revealed: true))
        open.send(.diskProblems(problems: ["scores/王强.csv:3: score: “8,5” 不是数字"], sheetTimes: [:]))
        #expect(open.state.message?.hasSuffix("“8,5” 不是数字") == true)
    }

    /// A meeting pass: `bidbench reveal` (or `--hide`) while the lead projects said only
    /// `workspace.json 已从磁盘更新`, while every score appeared or went. Said as what it does.
    @Test func aRevealOrHideFromElsewhereIsSaidAsSuch() {
        var d = Driver(panel(revealed: false))
        var disk = d.state.workspace
        disk.settings.revealed = true
        d.send(.diskChanged(workspace: disk, files: ["workspace.json"], sheetTimes: [:]))
        #expect(d.state.workspace.settings.revealed)
        #expect(d.state.message == "评审组已在别处揭晓: 全部评分已显示")
        disk.settings.revealed = false
        d.send(.diskChanged(workspace: disk, files: ["workspace.json"], sheetTimes: [:]))
        #expect(d.state.message == "评审组已在别处恢复盲评: 评分已隐藏")
        disk.settings.name = "另一个名称"
        d.send(.diskChanged(workspace: disk, files: ["workspace.json"], sheetTimes: [:]))
        #expect(d.state.message == "workspace.json 已从磁盘更新")
    }

    /// A meeting pass: after a `git pull` that conflicted, the message repeated the whole `bidbench
    /// resolve` advice for every conflict marker and was cut. Each message once, after all its places.
    @Test func theSameProblemAtSeveralPlacesIsSaidOnce() {
        var d = Driver(panel(revealed: true))
        let marker = "git 合并冲突标记 (<<<<<<<): 合并尚未提交时, 运行 bidbench resolve 按行合并各表"
        d.send(
            .diskProblems(
                problems: [
                    "requirements.csv:2: \(marker)", "requirements.csv:54: \(marker)", "vendors.csv:3: name: 不能为空",
                    "scores/张伟.csv:7: \(marker)",
                ],
                sheetTimes: [:]))
        #expect(
            d.state.message
                == "未加载 (保留上一个正确版本; 不会覆盖该文件): requirements.csv:2, requirements.csv:54, scores/张伟.csv:7: \(marker); vendors.csv:3: name: 不能为空"
        )
        #expect(App.sameMessageOnce(["workspace.json: not JSON", "a.csv:1: x"]) == ["a.csv:1: x", "workspace.json: not JSON"])
    }

    /// A meeting pass: the lead hid the panel while a hand-edited sheet that does not parse arrived in
    /// the same pickup; the other screens refused the whole pickup and kept showing every score (and
    /// printed the bad cell's value). Blind on disk is taken at once, and the value hidden.
    @Test func aHideThatArrivesWithABadFileStillHidesTheScores() {
        var d = Driver(panel(revealed: true), evaluator: "张伟")
        d.press(.char("2"))
        #expect(d.criterionRow("功能")?.contains("8.5") == true)
        d.send(.diskProblems(problems: ["scores/王强.csv:3: score: “九点五” 不是数字"], sheetTimes: [:], blind: true))
        #expect(!d.state.workspace.settings.revealed)
        #expect(
            d.state.message
                == "评分已隐藏 (磁盘上评审组为盲评); 未加载 (保留上一个正确版本; 不会覆盖该文件): scores/王强.csv:3: score: 不是数字 (评分未公开, 不显示数值)")
        #expect(d.criterionRow("功能")?.contains("8.5") == false)
        #expect(d.row(containing: "排名")?.contains("盲评中") == true)
    }

    /// R saves at once; other unsaved edits went with it without a word (user test pass). With
    /// some, it asks first and names their files; `n` leaves everything as it was, unsaved.
    @Test func revealOrHideAsksWhenOtherEditsWouldBeSavedWithIt() {
        var d = Driver(panel(revealed: true))
        d.state.change { $0.requirements[0].title = "会上改的标题" }
        d.press(.char("2"), .char("R"))
        #expect(d.text.contains("重新隐藏评分? R 会立即保存, 连同你未保存的修改 (requirements.csv)。 (y/n)"))
        d.press(.char("n"))
        #expect(d.state.modal == nil && d.state.workspace.settings.revealed && d.state.dirty)
        #expect(!d.effects.contains { if case .save = $0 { return true } else { return false } })
        d.press(.char("R"), .char("y"))
        #expect(!d.state.workspace.settings.revealed)
        #expect(d.effects.last == .save(d.state.workspace, force: false))
    }

    /// A meeting pass: an evaluator's screen listed unanswered gates ending `(g 查看全部)`, and `g` was
    /// refused. An evaluator reads the gates; answering them stays the lead's.
    @Test func anEvaluatorReadsTheGatesButDoesNotAnswerThem() {
        var d = Driver(panel(revealed: false), evaluator: "张伟")
        d.press(.char("2"), .char("g"))
        guard case .gates = d.state.modal else {
            Issue.record("the gates dialog did not open: \(d.state.message ?? "")")
            return
        }
        let answers = d.state.workspace.gates
        d.press(.char("y"))
        #expect(d.state.workspace.gates == answers)
        #expect(d.state.message?.hasPrefix("仅限主持人") == true, "\(d.state.message ?? "")")
    }

    /// A meeting pass: at 80×24 an evaluator's header read `敏感度: 9%–23%`, the criterion gone. The
    /// method's gloss gives way first.
    @Test func theSensitivityKeepsItsCriterionAt80Columns() throws {
        var ws = panel(revealed: true)
        ws.settings.method = "cn"
        var d = Driver(ws, width: 80, height: 24, evaluator: "张伟")
        d.press(.char("2"))
        let header = try #require(d.screen.lines.first { $0.contains("敏感度") })
        #expect(header.hasPrefix(" 方法: 综合评分法  评委: 3 · 已揭晓 · 以张伟身份打分  敏感度: 功能"), "\(header)")
        #expect(TextWidth.of(header) <= 80)
    }

    /// A meeting pass: an evaluator's 9.99 read `10.0` on their own screen, a perfect score.
    @Test func anEvaluatorsOwnScoreShowsAsTyped() {
        var ws = panel(revealed: false)
        ws.scores["张伟"]![0].score = 9.99
        var d = Driver(ws, evaluator: "张伟")
        d.press(.char("2"))
        #expect(d.criterionRow("功能")?.contains("9.99") == true, "\(d.text)")
        #expect(NumberText.score(8) == "8.0" && NumberText.score(2.95) == "2.95" && NumberText.score(7.125) == "7.125")
    }

    /// A meeting pass: at 60 columns the English tabs ran into the save state (`5 Deliv.saved`,
    /// `5 De● unsaved`). Narrower still, each tab is three letters, and the state has its own place.
    @Test func theTabsNeverRunIntoTheSaveState() {
        var d = Driver(panel(revealed: true), lang: .en, width: 60, height: 20)
        d.press(.char("2"))
        #expect(d.screen.lines[0] == " Bidbench   1 Req  [2 Ven]  3 Bud   4 Con   5 Del     saved")
        d.state.dirty = true
        #expect(d.screen.lines[0] == "   1 Req  [2 Ven]  3 Bud   4 Con   5 Del          ● unsaved")
        var wide = Driver(panel(revealed: true), lang: .en, width: 72, height: 20)
        wide.press(.char("2"))
        let top = wide.screen.lines[0]
        #expect(top.hasSuffix("5 Deliv.   saved") || top.contains("5 Delivery"), "\(top)")
    }

    /// A meeting pass: at 60×20 the progress line dropped the fourth evaluator with no sign. What does
    /// not fit the rows left ends in how many more.
    @Test func theProgressLineSaysHowManyItCannotShow() {
        let d = Driver(panel(revealed: true), width: 60, height: 20)
        let progress = ["王强", "张伟", "李娜", "欧阳娜娜", "Li Na"].map { EvaluatorProgress(evaluator: $0, scored: 2, expected: 2) }
        var c = Canvas(width: 60, height: 1)
        var y = 0
        VendorsScreen.renderProgress(d.state, progress, into: &c, area: Rect(x: 0, y: 0, width: 60, height: 1), y: &y)
        #expect(c.lines == [" 评分进度: 王强 2/2 ✔ · 张伟 2/2 ✔ · 李娜 2/2 ✔ · … 另 2 人"])
        var two = Canvas(width: 60, height: 2)
        y = 0
        VendorsScreen.renderProgress(d.state, progress, into: &two, area: Rect(x: 0, y: 0, width: 60, height: 2), y: &y)
        #expect(two.lines == [" 评分进度: 王强 2/2 ✔ · 张伟 2/2 ✔ · 李娜 2/2 ✔", "           欧阳娜娜 2/2 ✔ · Li Na 2/2 ✔"])
    }

    /// A meeting pass: an evaluator who had scored her last cells with Enter saw `20/20 ✔` while the
    /// lead, who reads the file, saw 7/20. Her own line counts what is not saved yet and has no ✔
    /// until it is saved.
    @Test func anEvaluatorsOwnProgressSaysWhatIsNotSaved() {
        var d = Driver(panel(revealed: false), evaluator: "王强")
        d.press(.char("2"), .enter, .ctrl("u"))
        d.type("7")
        d.press(.enter)
        #expect(d.state.workspace.scores["王强"]?.count == 2)
        #expect(d.row(containing: "评分进度") == " 评分进度: 王强 2/2 (1 未保存) · 张伟 2/2 ✔ · 李娜 2/2 ✔", "\(d.text)")
        d.press(.ctrl("s"))
        d.state.base = d.state.workspace  // as the save leaves it
        d.state.dirty = false
        #expect(d.row(containing: "评分进度") == " 评分进度: 张伟 2/2 ✔ · 李娜 2/2 ✔ · 王强 2/2 ✔", "\(d.text)")
    }

    /// A meeting pass: the lead hid the panel with R, then pressed `u` twice to undo a vendor deletion;
    /// the second `u` undid the hide, showed every score on the projector, and the next Ctrl-S
    /// revealed them to everyone. Reveal and hide are saved at once and are not undo steps.
    @Test func undoNeverRevealsAHiddenPanel() {
        var d = Driver(panel(revealed: true))
        d.press(.char("2"), .char("R"))
        #expect(!d.state.workspace.settings.revealed)
        d.state.base = d.state.workspace  // as the save of R leaves it
        d.state.dirty = false
        d.press(.char("d"), .char("y"))  // the selected vendor deleted
        #expect(d.state.workspace.vendors.count == 1)
        d.press(.char("u"))
        #expect(d.state.workspace.vendors.count == 2)
        #expect(d.state.message == "已撤销: vendors.csv, gates.csv, scores/张伟.csv, scores/李娜.csv")
        d.press(.char("u"))
        #expect(!d.state.workspace.settings.revealed)
        #expect(d.state.message == "没有可撤销的修改")
        #expect(d.row(containing: "排名")?.contains("盲评中") == true)
        #expect(d.criterionRow("功能")?.contains("8.5") == false)
        #expect(!d.state.dirty)
        // Redo steps forward past the hide too: only the deletion comes back.
        d.press(.ctrl("r"))
        #expect(d.state.workspace.vendors.count == 1 && !d.state.workspace.settings.revealed)
    }

    /// Ctrl-S in the score dialog writes the evaluator's sheet, as Ctrl-S does everywhere; Enter only
    /// takes the score (it showed "已打分" while nothing was on disk: user test pass).
    @Test func ctrlSInTheScoreDialogSavesTheSheetAndEnterOnlyTakesTheScore() {
        var ws = panel(revealed: false)
        ws.scores["王强"] = nil
        var d = Driver(ws, evaluator: "张伟")
        d.press(.char("2"), .right, .enter, .ctrl("u"))
        d.type("6.5")
        d.press(.enter)
        #expect(d.state.dirty)
        #expect(d.effects.isEmpty)
        d.press(.enter, .ctrl("u"))
        d.type("7.5")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.scores["张伟"]![1].score == 7.5)
        #expect(d.effects == [.save(d.state.workspace, force: false)])
        #expect(d.state.message?.hasPrefix("已打分 7.5") == true)
    }

    /// A meeting pass: an evaluator could not take a score back; clearing it was refused as `not “”`.
    /// An emptied score withdraws it (the label says so); an empty one where none was given is asked for.
    @Test func anEmptiedScoreIsWithdrawn() {
        var ws = panel(revealed: false)
        ws.scores["王强"] = nil
        var d = Driver(ws, evaluator: "张伟")
        let before = d.state.workspace.scores["张伟"]!.count
        d.press(.char("2"), .right, .enter)
        #expect(d.text.contains("分数 0–10 (清空: 撤回)"))
        d.press(.ctrl("u"), .ctrl("s"))
        #expect(d.state.message?.hasPrefix("已撤回评分") == true)
        #expect(d.state.workspace.scores["张伟"]!.count == before - 1)
        #expect(d.effects == [.save(d.state.workspace, force: false)])
        // The cell is empty now: an empty score is asked for, not taken.
        d.press(.enter)
        #expect(!d.text.contains("(清空: 撤回)"))
        d.press(.ctrl("s"))
        #expect(d.text.contains("请输入 0 到 10 之间的分数"))
        #expect(d.state.workspace.scores["张伟"]!.count == before - 1)
    }

    @Test func aConflictWithMyUnsavedScoreShowsBothAndLetsMePick() {
        var ws = panel(revealed: false)
        ws.scores["王强"] = nil
        var d = Driver(ws, evaluator: "张伟")
        d.press(.char("2"), .right, .enter, .ctrl("u"))
        d.type("6.5")
        d.press(.enter)  // taken, unsaved: 张伟 V2 7 → 6.5 (Ctrl-S would save it now)
        var disk = d.state.base
        disk.scores["张伟"]![1].score = 8  // the same sheet saved elsewhere meanwhile (another session of 张伟)
        d.send(.diskChanged(workspace: disk, files: ["scores/张伟.csv"], sheetTimes: [:]))
        #expect(d.text.contains("你有未保存修改的文件在磁盘上也被修改了: scores/张伟.csv"))
        #expect(d.text.contains("V2/func: 我的 6.5   磁盘上 8"))
        d.press(.char("t"))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.scores["张伟"]![1].score == 8)
        #expect(!d.state.dirty)
        d.press(.char("u"))  // nothing lost: mine comes back
        #expect(d.state.workspace.scores["张伟"]![1].score == 6.5)
        // Saved there again (9); this time keep mine: the next save writes it over theirs.
        disk.scores["张伟"]![1].score = 9
        d.send(.diskChanged(workspace: disk, files: ["scores/张伟.csv"], sheetTimes: [:]))
        #expect(d.text.contains("V2/func: 我的 6.5   磁盘上 9"))
        d.press(.char("m"))
        #expect(d.state.workspace.scores["张伟"]![1].score == 6.5)
        #expect(d.state.dirty)
        #expect(d.state.message == "已保留你的 scores/张伟.csv; 保存后写入")
    }

    /// A saved session stays saved when another's sheet arrives. A file is written sorted, so a row
    /// the lead added (a clause review, appended in the session) reads back from disk in another
    /// place; comparing that order told the lead, after an evaluator saved, that there were unsaved
    /// changes (tmux pass: quitting asked to save).
    @Test func aSavedSessionStaysSavedWhenAnotherSheetArrives() {
        var ws = panel(revealed: false)
        ws.reviews = [
            ClauseReview(contract: "C1", clause: .penalty, status: .ok),
            ClauseReview(contract: "C1", clause: .payment, status: .negotiate, note: "首付降至20%"),
        ]
        var d = Driver(ws)
        d.send(.saved(message: "已保存"))
        #expect(!d.state.dirty)
        var disk = d.state.base
        disk.reviews.reverse()  // as reviews.csv reads back: payment before penalty
        disk.scores["赵敏"] = [Score(vendor: "V1", criterion: "func", score: 8)]
        d.send(.diskChanged(workspace: disk, files: ["scores/赵敏.csv"], sheetTimes: [:]))
        #expect(d.state.workspace.scores["赵敏"] == disk.scores["赵敏"])
        #expect(!d.state.dirty)
        #expect(d.state.workspace.reviews.map(\.clause) == [.penalty, .payment])
    }

    /// The lead removes a vendor while an evaluator has an unsaved score for it (user test pass:
    /// keeping mine left the evaluator unable to save anything). Keeping mine keeps the edit of a
    /// vendor that still exists and takes out, by name, what no save could write.
    @Test func keepingMineAfterTheLeadRemovedAVendorDropsOnlyWhatCannotBeSaved() {
        var ws = panel(revealed: false)
        ws.scores["王强"] = nil
        ws.vendors.append(Vendor(id: "V3", name: "北辰数科", bidPrice: Money(units: 1_700_000)))
        ws.scores["张伟"]!.append(Score(vendor: "V3", criterion: "func", score: 5))
        var d = Driver(ws, evaluator: "张伟")
        d.state.base = ws
        d.state.workspace.scores["张伟"]![1].score = 6.5  // V2, unsaved
        d.state.workspace.scores["张伟"]![2].score = 9  // V3, unsaved
        d.state.dirty = true
        var disk = ws  // the lead removed V3 and its scores from every sheet, and saved
        disk.vendors.removeLast()
        disk.scores["张伟"]!.removeLast()
        d.send(.diskChanged(workspace: disk, files: ["vendors.csv", "scores/张伟.csv"], sheetTimes: [:]))
        #expect(d.state.workspace.vendors.map(\.id) == ["V1", "V2"])
        d.press(.char("m"))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.scores["张伟"]!.map(\.vendor) == ["V1", "V2"])
        #expect(d.state.workspace.scores["张伟"]![1].score == 6.5)
        #expect(d.state.message == "已保留你的 scores/张伟.csv; 保存后写入; 1 项未保存的评分所属的供应商或准则已被删除, 已移除: V3/func")
        #expect(d.state.dirty)
        // What arrived is no undo step: `u` cannot put back the lead's old vendors.csv.
        d.press(.char("u"))
        #expect(d.state.message == "没有可撤销的修改")
        #expect(d.state.workspace.vendors.map(\.id) == ["V1", "V2"])
    }

    /// The lead has an unsaved new requirement while someone else retitles another one on disk
    /// (user test pass: the dialog showed no rows and keeping mine threw their edit away). Rows
    /// changed on one side merge; a row both changed is still a choice.
    @Test func editsOfDifferentRowsOfOneTableMergeAndTheSameRowIsAChoice() {
        var d = Driver()
        let base = d.state.workspace
        var added = base.requirements[0]
        added.id = "R99"
        added.title = "会上新增"
        d.state.workspace.requirements.append(added)
        d.state.dirty = true
        var disk = base
        disk.requirements[0].title = "磁盘上改过的标题"
        d.send(.diskChanged(workspace: disk, files: ["requirements.csv"], sheetTimes: [:]))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.requirements.map(\.title) == disk.requirements.map(\.title) + ["会上新增"])
        #expect(d.state.message == "requirements.csv: 已合并磁盘上的 1 行与你未保存的修改")
        #expect(d.state.dirty)
        // Now both change the first requirement, differently: a choice, as before.
        d.state.workspace.requirements[0].title = "我的标题"
        disk.requirements[0].title = "他们的标题"
        d.send(.diskChanged(workspace: disk, files: ["requirements.csv"], sheetTimes: [:]))
        guard case .diskConflict(let conflicts)? = d.state.modal else {
            Issue.record("no conflict dialog")
            return
        }
        #expect(conflicts.map(\.part) == [.requirements])
        #expect(d.text.contains("R01: 我的 “我的标题”   磁盘上 “他们的标题”"))
    }

    @Test func aBrokenSheetOnDiskIsNamedAndNothingIsTakenFromIt() {
        var d = Driver(panel(revealed: true))
        let before = d.state.workspace
        d.send(.diskProblems(problems: ["scores/李娜.csv:3: score: “九” 不是数字"], sheetTimes: [:]))
        #expect(d.state.message == "未加载 (保留上一个正确版本; 不会覆盖该文件): scores/李娜.csv:3: score: “九” 不是数字")
        #expect(d.state.messageIsError)
        #expect(d.state.workspace == before)
        d.press(.char(":"))
        d.type("reload")
        d.press(.enter)
        #expect(d.effects == [.checkDisk])
    }
}
