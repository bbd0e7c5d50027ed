import BidbenchCore
import Foundation
import Testing

@testable import BidbenchUI

/// The form rules (README "Forms and typing"), one test each, headless against the reducer.
@Suite struct FormTests {
    func form(_ d: Driver) -> Form? {
        if case .form(let f)? = d.state.modal { return f }
        return nil
    }

    @Test func focusStartsOnTheTitleAndTheDepartmentFollowsTheFilter() {
        var d = Driver()
        d.press(.char("]"), .char("]"))  // filtered on 生产部
        d.press(.char("a"))
        #expect(form(d)?.fields[form(d)!.focus].key == "title")
        #expect(form(d)?.value("department") == "D02")
        // Typed straight after `a`, saved with Enter from the title.
        d.type("质检报告自动归档")
        d.press(.enter)
        #expect(d.state.modal == nil)
        let r = d.state.workspace.requirements.last!
        #expect(r.id == "R04" && r.title == "质检报告自动归档" && r.department == "D02" && r.priority == .should)
        #expect(r.source == "生产部 2026-11-29 会议")
    }

    @Test func typingReplacesAPrefilledValueUntilTheCursorMoves() {
        var d = Driver()
        d.press(.char("D"), .char("a"))
        d.type("信息部")
        d.press(.tab, .tab)  // head count, pre-filled 0
        d.type("12")
        #expect(form(d)?.value("head_count") == "12")  // not "012"
        // Moving the cursor first edits the value instead.
        d.press(.backTab, .tab)
        d.press(.end)
        d.type("0")
        #expect(form(d)?.value("head_count") == "120")
        d.press(.ctrl("u"))
        d.type("８")  // full-width digit
        d.press(.enter)
        #expect(d.state.workspace.departments.last == Department(id: "D03", name: "信息部", headCount: 8))
        // Backspace on an untouched pre-filled value clears it.
        d.press(.char("e"), .tab, .tab, .backspace)
        #expect(form(d)?.value("head_count") == "")
        d.type("９")
        d.press(.enter)
        #expect(d.state.workspace.departments.last?.headCount == 9)
    }

    @Test func escOnAChangedFormAsksAndOnAnUntouchedOneCloses() {
        var d = Driver()
        d.press(.char("a"), .escape)
        #expect(d.state.modal == nil)
        #expect(d.state.message == "已关闭, 未作修改")
        d.press(.char("a"))
        d.type("移动审批")
        d.press(.escape)
        #expect(form(d)?.confirmingDiscard == true)
        #expect(d.text.contains("放弃对此表单的修改吗?"))
        #expect(d.text.contains("y 放弃修改"))
        d.press(.char("n"))  // keep editing: what was typed is still there
        #expect(form(d)?.value("title") == "移动审批" && form(d)?.confirmingDiscard == false)
        d.press(.escape, .ctrl("s"))  // Ctrl-S at the question saves
        #expect(d.state.workspace.requirements.last?.title == "移动审批")
        d.press(.char("e"))
        d.type("移动端审批")
        d.press(.escape, .char("y"))
        #expect(d.state.modal == nil)
        #expect(d.state.message == "已放弃修改")
        #expect(d.state.workspace.requirements.last?.title == "移动审批")
    }

    @Test(arguments: [
        ("高", Priority.must), ("1", .must), ("m", .must), ("必", .must), ("must", .must), ("中", .should), ("2", .should),
        ("低", .could), ("c", .could), ("w", .wont), ("4", .wont), ("暂", .wont), ("１", .must),
    ])
    func priorityAcceptsTypedForms(typed: String, expected: Priority) {
        var d = Driver()
        d.press(.char("a"))
        d.type("报表导出")
        d.press(.tab)
        d.type(typed)
        #expect(form(d)?.value("priority") == expected.rawValue, "typed \(typed)")
        d.press(.enter)
        #expect(d.state.workspace.requirements.last?.priority == expected)
    }

    @Test func aChoiceFieldTakesTypedTextAndSaysWhatItAccepts() {
        var d = Driver()
        d.press(.char("a"), .tab)
        #expect(d.text.contains("可输入: 必须/must/m/1/高"))
        d.type("q")  // starts no priority: said in the form, the choice unchanged, the letter kept
        #expect(form(d)?.value("priority") == "should")
        #expect(form(d)?.error?.hasPrefix("优先级: “q” 不是任何选项的开头 (Backspace 或 Ctrl-U 删除); 可输入 必须/must/m/1/高") == true)
        d.press(.backspace)
        #expect(form(d)?.fields[form(d)!.focus].unmatched == false)
        for _ in 0..<3 { d.press(.tab) }  // → department
        d.type("生")
        #expect(form(d)?.value("department") == "D02")
        d.press(.right)  // ←/→ still step
        #expect(form(d)?.value("department") == "D01")
    }

    /// Ctrl-S in a form takes it and saves: the message drops the "Ctrl-S saves" hint that Enter's
    /// message carries, and goes before the save's own (`已更新 R01 (Ctrl-S 保存); 已保存到 …` read as
    /// unsaved: user check in tmux).
    @Test func ctrlSInAFormSavesAndSaysSo() {
        var d = Driver()
        d.press(.enter)
        d.type("（含港币）")
        d.press(.ctrl("s"))
        #expect(d.state.message == "已更新 R01")
        #expect(d.state.savedNote == "已更新 R01")
        #expect(d.effects.last == .save(d.state.workspace, force: false))
        d.send(.saved(message: "已保存到 /tmp/ws"))
        #expect(d.state.message == "已更新 R01; 已保存到 /tmp/ws")
        // In English the save's message goes on the sentence (it read `Updated R01; Saved to`).
        var en = Driver(lang: .en)
        en.press(.enter)
        en.type("!")
        en.press(.ctrl("s"))
        en.send(.saved(message: "Saved to /tmp/ws"))
        #expect(en.state.message == "Updated R01; saved to /tmp/ws")
        // Enter takes the form and keeps the hint: nothing is written.
        d.press(.enter)
        d.type("!")
        d.press(.enter)
        #expect(d.state.message == "已更新 R01 (Ctrl-S 保存)")
        #expect(d.state.dirty)
    }

    /// F1 in a form lists its keys (the text-editing ones too) over the form, and Esc comes back to
    /// it with what was typed (F1 was refused in forms: user test pass).
    @Test func f1InAFormShowsItsKeysAndEscReturnsToIt() {
        var d = Driver()
        d.press(.char("a"))
        d.type("扫码")
        d.press(.f(1))
        guard case .help(let scopes, .form?)? = d.state.modal else {
            Issue.record("F1 shows the form's keys: \(String(describing: d.state.modal))")
            return
        }
        #expect(scopes == [.form, .formChoice, .textEditing])
        #expect(d.text.contains("Ctrl-K"))
        d.press(.escape)
        #expect(form(d)?.value("title") == "扫码")
    }

    /// A department the list does not have, typed whole: the text stays in the field, marked, and
    /// Enter does not save the choice shown (it saved 财务部 and dropped `法务部`: user test pass).
    @Test func textThatStartsNoChoiceIsKeptAndTheSaveRefused() {
        var d = Driver()
        let count = d.state.workspace.requirements.count
        d.press(.char("a"))
        d.type("合同审查流程线上化")
        for _ in 0..<4 { d.press(.tab) }  // → department
        #expect(form(d)?.fields[form(d)!.focus].key == "department")
        d.type("法务部")
        #expect(form(d)?.fields[form(d)!.focus].query == "法务部")
        #expect(form(d)?.error?.hasPrefix("部门: “法务部” 不是任何选项的开头") == true)
        #expect(d.text.contains("«法务部» ✗"))
        // A later letter that alone starts a choice does not drop what is there: it is added.
        d.type("财")
        #expect(form(d)?.fields[form(d)!.focus].query == "法务部财")
        // ←/→ take the text back and leave the choice as it was (they stepped it too: re-test).
        d.press(.right)
        #expect(form(d)?.fields[form(d)!.focus].unmatched == false && form(d)?.value("department") == "D01")
        // Nor after a prefix that matched: `生产` then `财` chose 财务部 and dropped `生产` (re-test).
        d.type("生产财")
        #expect(form(d)?.fields[form(d)!.focus].query == "生产财" && form(d)?.value("department") == "D02")
        #expect(form(d)?.fields[form(d)!.focus].unmatched == true)
        d.press(.ctrl("u"))
        d.type("法务部财")
        d.press(.tab)  // moving on keeps it, shown beside the choice
        #expect(d.text.contains("«法务部财» ✗"))
        d.press(.enter)
        #expect(d.state.workspace.requirements.count == count)
        #expect(form(d)?.fields[form(d)!.focus].key == "department")
        #expect(form(d)?.error?.hasPrefix("部门: “法务部财” 不是任何选项的开头") == true)
        // Esc asks before the typed text goes.
        d.press(.escape)
        #expect(form(d)?.confirmingDiscard == true)
        d.press(.char("n"), .ctrl("u"))
        #expect(form(d)?.fields[form(d)!.focus].unmatched == false)
        #expect(form(d)?.error == nil)
        d.type("生")
        d.press(.enter)
        #expect(d.state.workspace.requirements.count == count + 1)
        #expect(d.state.workspace.requirements.last?.department == "D02")
        #expect(d.state.workspace.requirements.last?.title == "合同审查流程线上化")
    }

    @Test func choicesAcceptTheOtherLanguageToo() {
        var d = Driver(KeyMapTests.workspace(), lang: .en)
        d.press(.char("3"), .char("p"), .char("a"), .tab)  // item → category
        d.type("维")  // 维护 (maintenance) typed in an English UI
        #expect(form(d)?.value("category") == "maintenance")
        d.press(.escape, .char("y"), .escape, .char("4"), .char("r"), .char("a"), .tab)  // risk: title → type
        d.type("财")  // 财务 (financial)
        #expect(form(d)?.value("type") == "financial")
    }

    @Test func pinyinInitialsChooseADepartment() {
        #expect(pinyinInitials("财务部") == "cwb")
        #expect(pinyinInitials("生产部") == "scb")
        var d = Driver()
        d.press(.char("a"))
        for _ in 0..<4 { d.press(.tab) }  // → department
        d.type("scb")
        #expect(form(d)?.value("department") == "D02")
    }

    /// A label's own marks separate syllables too: 功能-经营管理 is gnjygl (not gnygl), (未归入) wgr.
    @Test func pinyinInitialsSkipALabelsMarks() {
        #expect(pinyinInitials("功能-经营管理") == "gnjygl")
        #expect(pinyinInitials("功能-生产制造") == "gnsczz")
        #expect(pinyinInitials("(未归入)") == "wgr")
        #expect(pinyinInitials("ERP 升级") == "esj")
        // In a form: the criterion field lists the initials it accepts, and typing them chooses.
        var d = Driver()
        d.press(.char("a"))
        for _ in 0..<8 { d.press(.tab) }  // → criterion
        let field = form(d)!.fields[form(d)!.focus]
        #expect(field.key == "criterion")
        #expect(field.acceptedForms.hasPrefix("(未归入)/wgr · "))
        d.type("gnf")
        #expect(form(d)?.value("criterion") == "func")
        // Typed on, the letters add to what is there (`gnfwgr` starts no choice, kept): Ctrl-U first.
        d.press(.ctrl("u"))
        d.type("wgr")
        #expect(form(d)?.value("criterion") == "")
        #expect(form(d)?.error == nil)
    }

    @Test func aRefusedSaveMovesTheFocusToTheBadField() {
        var d = Driver()
        d.press(.char("a"))
        for _ in 0..<6 { d.press(.tab) }  // → weight, pre-filled 3
        d.type("很重")
        d.press(.enter)
        // The title is empty: refused there first.
        #expect(form(d)?.fields[form(d)!.focus].key == "title")
        #expect(form(d)?.error == "需求标题不能为空")
        d.type("电子签章")
        d.press(.enter)
        #expect(form(d)?.fields[form(d)!.focus].key == "weight")
        #expect(form(d)?.error == "权重必须是 ≥ 0 的数字, 而不是 “很重”")
        d.press(.ctrl("u"))
        d.type("４.５")  // full-width digits and point
        d.press(.enter)
        #expect(d.state.workspace.requirements.last?.weight == 4.5)
    }

    @Test func aChangeOrderDateTypedInChineseReplacesTheDefault() {
        var ws = KeyMapTests.workspace()
        ws.changes = []
        var d = Driver(ws)
        d.press(.char("4"), .char("c"), .char("a"))
        d.type("增加接口")
        d.press(.backTab)
        d.type("2027年3月1日")  // the pre-filled 2026-11-29 is replaced, not appended to
        d.press(.tab, .tab)
        d.type("１２０００")
        d.press(.enter)
        #expect(d.state.workspace.changes.last?.date == Day(iso: "2027-03-01"))
        #expect(d.state.workspace.changes.last?.priceDelta == Money(units: 12_000))
    }

    @Test func scoresAcceptFullWidthDigits() {
        var d = Driver(evaluator: "张伟")
        d.press(.char("2"), .enter)
        d.type("６")  // replaces the 8 given before
        d.press(.enter)
        #expect(d.state.workspace.scores["张伟"]?.first { $0.vendor == "V1" }?.score == 6)
        // The Chinese full stop an input method types for `.` is the decimal point between digits.
        d.press(.enter)
        d.type("8。5")
        d.press(.enter)
        #expect(d.state.workspace.scores["张伟"]?.first { $0.vendor == "V1" }?.score == 8.5)
        #expect(normalizedDigits("２０２７年３月１日。") == "2027年3月1日。")
        #expect(normalizedDigits("8。5。") == "8.5。")
    }

    @Test func longFieldsWrapAndTheFormWidensWithTheTerminal() {
        var ws = sampleWorkspace()
        let acceptance = String(repeating: "汇率日终自动更新并生成差额凭证, ", count: 5).trimmed
        ws.requirements[0].acceptance = acceptance
        var d = Driver(ws, width: 80, height: 24)
        d.press(.enter)
        // The acceptance field's rows, read from the canvas: every character of it is on screen.
        let c = d.screen
        let top = (0..<c.height).first { c.line($0).contains("验收标准") }!
        var shown = ""
        for y in top..<(top + 4) {
            let row = c.lines[y]
            // The field starts after the label column, the box ends with │.
            let inner = row.split(separator: "│").dropFirst().first.map(String.init) ?? ""
            shown += inner.replacingOccurrences(of: "验收标准", with: "")
        }
        #expect(shown.replacingOccurrences(of: " ", with: "") == acceptance.replacingOccurrences(of: " ", with: ""))
        let narrow = c.lines.first { $0.contains("编辑需求 R01") }!
        d.send(.resize(width: 200, height: 50))
        let wide = d.screen.lines.first { $0.contains("编辑需求 R01") }!
        #expect(TextWidth.of(wide.trimmingCharacters(in: .whitespaces)) > TextWidth.of(narrow.trimmingCharacters(in: .whitespaces)) + 60)
    }
}

/// The session (who, language, screen, what-ifs) is apart from the workspace and survives a reload.
@Suite struct SessionTests {
    @Test func reloadKeepsTheSession() {
        var d = Driver(evaluator: "alice")
        d.press(.char("3"))
        d.press(.char(":"))
        d.type("users 137")
        d.press(.enter)
        var fresh = sampleWorkspace()
        fresh.vendors[0].name = "云帆软件 (改名)"
        d.send(.changedOnDisk(files: ["vendors.csv"]))
        d.press(.char("r"))
        #expect(d.effects.last == .reload)
        d.send(.reloaded(workspace: fresh, location: "/tmp/ws", problems: []))
        #expect(d.state.evaluator == "alice")
        #expect(d.state.screen == .budget)
        #expect(d.state.session.whatIf?.users == 137)
        #expect(d.state.workspace.vendors[0].name == "云帆软件 (改名)")
        #expect(d.state.undoStack.isEmpty && !d.state.dirty)
        d.press(.char("2"))
        #expect(d.text.contains("以 alice 身份打分"))
        #expect(d.screen.lines.last!.contains("Enter 打分"))
    }

    /// A save refused as "changed on disk" waits on `r`/`o`; when the change is merged meanwhile (the
    /// folder watch, after `bidbench resolve` in a shell) the question is stale and closes: `r` would
    /// have thrown the unsaved edit away for nothing (user test pass).
    @Test func aRefusedSaveQuestionClosesWhenTheChangeIsMerged() {
        var d = Driver()
        d.state.change { $0.requirements[0].title = "我的未保存修改" }
        d.send(.changedOnDisk(files: ["vendors.csv"]))
        #expect(d.text.contains("r 重新加载"))
        var disk = d.state.base
        disk.vendors[0].name = "云帆软件 (改名)"
        d.send(.diskChanged(workspace: disk, files: ["vendors.csv"], sheetTimes: [:]))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.requirements[0].title == "我的未保存修改")
        #expect(d.state.workspace.vendors[0].name == "云帆软件 (改名)")
        #expect(d.state.message?.hasSuffix("已合并: 请再次保存 (Ctrl-S)") == true)
        d.press(.ctrl("s"))
        #expect(d.effects.last == .save(d.state.workspace, force: false))
    }

    @Test func typedWhatIfValuesAndUStepsBack() throws {
        var d = Driver()
        d.press(.char("3"))
        let base = (try BudgetScreen.scenario(d.state).get())
        // Regression: the Chinese status line said "假设: escalation 5%" (the command's English word).
        let said = ["假设: 用户 137 (u 回退)", "假设: 7 年 (u 回退)", "假设: 涨价 4.5% (u 回退)", "假设: 用户年增长 8% (u 回退)", "假设: 折现率 6% (u 回退)"]
        // `escalation 0.045`: a decimal as the files and the command line read it (the screen took a
        // bare number for a percentage: `:rate 0.06` was 0.06 %, 100 times off the same `--discount-rate 0.06`).
        for (cmd, line) in zip(["users 137", "years 7", "escalation 0.045", "growth 8%", "rate ６%"], said) {
            d.press(.char(":"))
            d.type(cmd)
            d.press(.enter)
            #expect(d.state.message == line)
        }
        let sc = (try BudgetScreen.scenario(d.state).get())
        #expect(sc.users == 137 && sc.years == 7)
        #expect(sc.escalation == ExactRatio(numerator: 9, denominator: 200))
        #expect(sc.growth == ExactRatio(numerator: 2, denominator: 25))
        #expect(sc.discountRate == ExactRatio(numerator: 3, denominator: 50))
        #expect(d.text.contains("用户 137 (+8%/年)  涨价 4.5%  折现 6%"))
        // The horizon goes as far as the command line's (the screen stopped at 15 years, `budget
        // --years` at 100: audit pass); beyond, refused with the limit.
        d.press(.char(":"))
        d.type("years 40")
        d.press(.enter)
        #expect(d.state.message == "假设: 40 年 (u 回退)")
        #expect(d.text.contains("共 40 年"))
        d.press(.char(":"))
        d.type("years 101")
        d.press(.enter)
        #expect(d.state.message == ":years 需要 1 到 100 的整数, 而不是 “101”")
        d.press(.char("u"))
        // A bare number of 1 or more is refused as on the command line, and changes nothing.
        d.press(.char(":"))
        d.type("rate 6")
        d.press(.enter)
        #expect(d.state.message == ":rate “6” 即每年 600 %; 若指 6% 请写 6% (或小数 0.06)")
        #expect((try BudgetScreen.scenario(d.state).get()).discountRate == ExactRatio(numerator: 3, denominator: 50))
        d.press(.char(":"))
        d.type("users many")
        d.press(.enter)
        #expect(d.state.message == ":users 需要 1 到 10000000 的整数, 而不是 “many”")
        #expect((try BudgetScreen.scenario(d.state).get()).users == 137)
        d.press(.char("u"))
        #expect((try BudgetScreen.scenario(d.state).get()).discountRate == base.discountRate)
        #expect((try BudgetScreen.scenario(d.state).get()).growth == ExactRatio(numerator: 2, denominator: 25))
        for _ in 0..<4 { d.press(.char("u")) }
        #expect((try BudgetScreen.scenario(d.state).get()) == base)
        #expect(d.state.session.whatIf == nil)
        // Growth has keys too, and u steps them back.
        d.press(.char("W"), .char("W"), .char("w"))
        #expect((try BudgetScreen.scenario(d.state).get()).growth == ExactRatio(numerator: 1, denominator: 100))
        d.press(.char("u"), .char("u"), .char("u"))
        #expect((try BudgetScreen.scenario(d.state).get()) == base)
        // A shrinking user base reads as such (`+-5%/年`: re-test pass).
        d.press(.char(":"))
        d.type("growth -5%")
        d.press(.enter)
        #expect(d.text.contains("(-5%/年)"))
    }
}
