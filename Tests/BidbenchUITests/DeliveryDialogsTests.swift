import BidbenchCore
import Foundation
import Testing

@testable import BidbenchUI

/// Screen 5's list dialogs: what could only be edited in files is edited on screen — an existing
/// acceptance test and ticket opened filled in, training results, SLA terms and the availability
/// target, monthly availability, the handover checklist. Keys driven one by one, values by hand.
@Suite struct DeliveryDialogsTests {
    static func form(_ d: Driver) -> Form? { if case .form(let f)? = d.state.modal { return f } else { return nil } }
    static func list(_ d: Driver) -> DeliveryListState? { if case .deliveryList(let l)? = d.state.modal { return l } else { return nil } }

    @Test func anExistingAcceptanceTestOpensFilledInAndItsRetestReleasesThePayment() throws {
        var d = DeliveryScreenTests.driver()
        d.press(.char("t"))
        #expect(d.text.contains("验收测试 — C1 · 通过 1 · 未通过 1 · 待测 1"))
        #expect(d.row(containing: "A1.2")?.contains("✗ 未通过") == true)
        d.press(.down, .enter)
        let f = try #require(Self.form(d))
        #expect(f.title == "编辑验收测试 A1.2")
        #expect(f.value("requirements") == "R02" && f.value("result") == "fail" && f.value("date") == "2027-05-06")
        #expect(f.value("criterion") == "工单成本" && f.value("attempts") == "1")
        #expect(f.fields[f.focus].key == "result")
        d.type("pa")  // the choice by typing: pass
        d.press(.tab)
        d.press(.ctrl("u"))
        d.type("2027-13-09")
        d.press(.ctrl("s"))
        // A bad date keeps the form open, on the date, with what was typed.
        let refused = try #require(Self.form(d))
        #expect(refused.error == "日期: 日期须为 YYYY-MM-DD 或 2027年3月1日, 而不是 “2027-13-09”")
        #expect(refused.fields[refused.focus].key == "date" && refused.value("date") == "2027-13-09" && refused.value("result") == "pass")
        // A date of the right shape that is not on the calendar says so (it was asked for its format).
        d.press(.ctrl("u"))
        d.type("2027-02-30")
        d.press(.ctrl("s"))
        #expect(Self.form(d)?.error == "日期: “2027-02-30” 不是日历上的日期: 2027 年 2 月只有 28 天")
        d.press(.ctrl("u"))
        d.type("2028年2月30日")
        d.press(.ctrl("s"))
        #expect(Self.form(d)?.error == "日期: “2028年2月30日” 不是日历上的日期: 2028 年 2 月只有 29 天")
        d.press(.ctrl("u"))
        d.type("2027-05-09")
        for _ in 0..<3 { d.press(.tab) }  // date → tester → evidence → runs
        d.type("2")
        d.press(.ctrl("s"))
        let t = d.state.workspace.delivery.acceptance[1]
        #expect(t.id == "A1.2" && t.result == .pass && t.date == Day(iso: "2027-05-09") && t.attempts == 2 && t.criterion == "工单成本")
        #expect(Self.list(d) == DeliveryListState(kind: .tests, contract: "C1", selected: 1))
        #expect(d.state.message == "已更新验收测试 A1.2" && d.state.dirty)
        // 上线款 = 60 % of 1,860,000 = 1,116,000: payable once A1.1 and A1.2 have passed.
        d.press(.escape)
        #expect(d.state.delivery.pane == .tests && d.text.contains("✔ A1.2 R02 通过 2027-05-09 工单成本"))
        d.press(.char("v"), .char("v"), .char("v"))  // tests → tickets → handover → overview
        #expect(d.text.contains("可支付: 上线款 1,116,000"))
        // Undo from the dialog brings the failure back.
        d.press(.char("t"), .char("u"))
        #expect(d.state.workspace.delivery.acceptance[1].result == .fail)
    }

    /// A helper's pass: a failed test re-recorded as passed kept "1 run", so it counted as passed first
    /// time; and a test could be saved as passed with no date. The retest is run 2, and a result
    /// without a day is dated today, each said in the message.
    @Test func aRetestCountsAsARunAndAResultGetsADate() throws {
        var d = DeliveryScreenTests.driver()
        d.press(.char("t"), .down, .enter)
        d.type("pa")
        d.press(.tab, .ctrl("u"))  // the date cleared
        d.press(.ctrl("s"))
        let t = d.state.workspace.delivery.acceptance[1]
        #expect(t.id == "A1.2" && t.result == .pass && t.attempts == 2 && t.date == d.state.today)
        #expect(d.state.message == "已更新验收测试 A1.2 (第 2 次测试; 日期记为今天 \(d.state.today))")
        // Saved again unchanged as passed: no further run.
        d.press(.enter, .ctrl("s"))
        #expect(d.state.workspace.delivery.acceptance[1].attempts == 2)
        #expect(d.state.message == "没有改动")
    }

    @Test func aTicketRecordedWithoutAResponseGetsItWhenItComes() throws {
        var d = DeliveryScreenTests.driver(.en)
        d.press(.char("i"))
        #expect(d.text.contains("Support tickets — C1 · late responses 1 · late fixes 1"))
        #expect(d.text.contains("SLA response/resolution: P1 0h30/4h00 · P2 2h00/24h00 — entered by hand (sla.csv)"))
        d.press(.char("a"))
        d.type("GL")
        d.press(.tab)
        d.press(.ctrl("u"))
        d.type("2027-05-09 09:00")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.delivery.tickets.last?.id == "K003")
        #expect(Self.list(d)?.selected == 2)
        // Opened at 09:00 the day before, P2: not yet late for its response (2 h) at the start of today? It is: 15 h passed.
        #expect(d.row(containing: "K003")?.contains("✗ response") == true)
        d.press(.enter)
        let f = try #require(Self.form(d))
        #expect(f.title == "Edit ticket K003" && f.fields[f.focus].key == "first_response" && f.value("opened") == "2027-05-09 09:00")
        d.type("2027-05-09 10:30")
        d.press(.ctrl("s"))
        let k = d.state.workspace.delivery.tickets[2]
        #expect(k.firstResponse == Moment(parsing: "2027-05-09 10:30") && k.module == "GL" && k.resolved == nil)
        // 1 h 30 within the 2 h: no longer a late response; the resolution (24 h) is not due yet.
        #expect(d.row(containing: "K003")?.contains("1h30") == true)
        // Still open, within its limits: it waits, no ✔ yet (a helper's pass: an open ticket read as met).
        #expect(d.row(containing: "K003")?.contains("… not fixed yet") == true)
        #expect(d.row(containing: "K003")?.contains("✔") == false)
        #expect(d.state.message == "Updated ticket K003")
    }

    @Test func trainingResultsAreEnteredPerAttendee() throws {
        var d = DeliveryScreenTests.driver()
        d.press(.char("s"))
        #expect(d.text.contains("培训 — C1 · 通过率 66.7%"))
        d.press(.char("r"))
        #expect(d.text.contains("成绩 — 场次 S01 总账 · 通过 2/3 · 目标 80%"))
        d.press(.down, .enter)
        let f = try #require(Self.form(d))
        #expect(f.title == "黄伟 的成绩 · 场次 S01" && f.fields[f.focus].key == "score" && f.value("score") == "54")
        d.type("105")  // typing on the pre-filled score replaces it
        d.press(.ctrl("s"))
        let refused = try #require(Self.form(d))
        #expect(refused.error == "成绩须为 0 到 100 之间的数, 而不是 “105”" && refused.value("score") == "105")
        d.press(.ctrl("u"))
        d.type("75")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.delivery.trainingResults[1].score == 75)
        #expect(d.text.contains("通过 3/3"))
        // A new attendee registered but absent: still to be trained.
        d.press(.char("a"))
        d.type("罗兵")
        d.press(.tab)
        d.type("生产部")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.delivery.trainingResults.map(\.person) == ["周敏", "黄伟", "陈静", "罗兵"])
        #expect(d.state.workspace.delivery.trainingResults[3].score == nil)
        // Esc goes back to the sessions, then to the screen.
        d.press(.escape)
        #expect(Self.list(d)?.kind == .training)
        d.press(.escape)
        #expect(d.text.contains("通过率 100% ≥ 目标 80%"))
        #expect(d.text.contains("仍需培训: 罗兵(总账，缺席)"))
    }

    @Test func slaTermsAndTheAvailabilityTargetAreEnteredOnScreen() throws {
        var d = DeliveryScreenTests.driver()
        d.press(.char("S"))
        #expect(d.text.contains("SLA 条款 — C1"))
        #expect(d.text.contains("无可用率目标 (按 T 设置)"))
        d.press(.enter)
        let f = try #require(Self.form(d))
        #expect(f.title == "P1 的 SLA 条款 · C1" && f.value("response_hours") == "0.5" && f.value("resolution_hours") == "4")
        d.press(.tab, .tab)
        d.type("5000")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.delivery.sla[0].penaltyPerBreach == Money(units: 5000))
        // K001 (P1) answered after 55 minutes of 30: one breach × 5,000. K002's late fix is P2, without a penalty.
        d.press(.char("T"))
        let t = try #require(Self.form(d))
        #expect(t.title == "月度可用率目标 · C1 (空: 无目标)")
        d.type("99.999.9")
        d.press(.ctrl("s"))
        #expect(Self.form(d)?.error == "目标须为 0 到 100 之间的数, 而不是 “99.999.9”")
        d.press(.ctrl("u"))
        d.type("99.9%")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.contracts[0].extra["availability_target"] == "99.9")
        #expect(d.text.contains("可用率目标 99.9% — 手工录入"))
        d.press(.escape)
        #expect(d.text.contains("违约金 5,000"))
        // A severity already entered cannot be added twice.
        d.press(.char("S"), .char("a"))
        d.type("1")
        d.press(.ctrl("s"))
        #expect(Self.form(d)?.error == "故障级别: P1 已有条款: 按 Enter 编辑")
        // A resolution shorter than the response (the two typed in each other's field) is refused.
        d.press(.ctrl("u"))
        d.type("4")
        d.press(.tab)
        d.type("2")
        d.press(.tab)
        d.type("0.5")
        d.press(.ctrl("s"))
        #expect(Self.form(d)?.error == "解决时限 (0.5 小时) 短于响应时限 (2 小时)")
    }

    @Test func monthlyAvailabilityIsRecordedAndMissedMonthsWarn() throws {
        var d = DeliveryScreenTests.driver(.en)
        d.state.workspace.contracts[0].extra["availability_target"] = "99.5"
        d.state.workspace.risks.append(
            Risk(id: "RK11", type: .vendor, title: "Availability", likelihood: 2, impact: 4, trigger: "availability_below_target"))
        d.press(.char("A"))
        #expect(d.text.contains("Monthly availability — C1 · target 99.5% (entered by hand)"))
        d.press(.char("a"))
        let f = try #require(Self.form(d))
        #expect(f.value("month") == "2027-04" && f.fields[f.focus].key == "percent")
        d.press(.backTab, .ctrl("u"))
        d.type("2027-13")  // "2027-4" is read as 2027-04 since the delivery user pass; no 13th month
        d.press(.ctrl("s"))
        #expect(Self.form(d)?.error == "Month: The month must be YYYY-MM (2027-04) or 2027年4月, not “2027-13”")
        d.press(.ctrl("u"))
        d.type("2027-04")
        d.press(.tab, .tab)
        d.type("324")  // minutes down of April's 43,200: 99.25 %
        d.press(.ctrl("s"))
        #expect(d.state.workspace.delivery.availability == [AvailabilityRecord(contract: "C1", month: "2027-04", downtimeMinutes: 324)])
        #expect(d.state.message == "Recorded 2027-04: 99.25%")
        #expect(d.row(containing: "2027-04")?.contains("✗ missed") == true)
        // April is recorded: the next new row proposes May.
        d.press(.char("a"))
        #expect(Self.form(d)?.value("month") == "2027-05")
        d.press(.backTab, .ctrl("u"))
        d.type("2027-03")
        d.press(.tab)
        d.type("99.8")
        d.press(.ctrl("s"))
        d.press(.escape)
        #expect(d.text.contains("Availability (target 99.5%):"))
        #expect(d.text.contains("2027-03 99.8% ✔ met"))
        #expect(d.text.contains("2027-04 99.25% ✗ missed"))
        // The warning wraps in the pane, with a hanging indent.
        #expect(d.row(containing: "⚠ RK11")?.hasSuffix("│⚠ RK11 C1 availability 99.25% in 2027-04 below") == true)
        #expect(d.text.contains("│  the target 99.5%"))
    }

    /// Regression: on a terminal of 24 rows or fewer the overview under the plan was cut off after the SLA lines (the
    /// availability, the review and the warnings were never seen). It now scrolls.
    @Test func aLongPaneScrollsInsteadOfBeingCutOff() throws {
        var ws = deliveryWorkspace()
        ws.contracts[0].extra["availability_target"] = "99.5"
        ws.delivery.availability = [AvailabilityRecord(contract: "C1", month: "2027-04", downtimeMinutes: 324)]
        ws.risks.append(Risk(id: "RK11", type: .vendor, title: "可用率", likelihood: 2, impact: 4, trigger: "availability_below_target"))
        var d = Driver(ws, lang: .zh, width: 80, height: 18)
        d.state.today = Day(iso: "2027-05-10")!
        d.press(.char("5"))
        let marker = try #require(d.screen.lines.first { $0.contains("▼ PgDn: 还有") })
        #expect(!d.text.contains("⚠ RK11"))
        // Two pages: the plan keeps two rows for the selected task's detail.
        d.press(.pageDown, .pageDown)
        #expect(d.text.contains("可用率 (目标 99.5%): 2027-04 99.25% ✗未达标"))
        #expect(d.text.contains("⚠ RK11 C1 2027-04 可用率 99.25% 低于目标 99.5%"))
        #expect(d.text.contains("▲ PgUp"))
        // PgDn at the end stays there; PgUp goes back to the first line.
        d.press(.pageDown, .pageDown, .pageUp, .pageUp, .pageUp)
        #expect(d.screen.lines.contains(marker) && d.state.delivery.paneOffset == 0)
        for line in d.screen.lines { #expect(TextWidth.of(line) <= 80) }
    }

    /// Regression: a wrapped pane line's indented continuation lost its last two columns (`2027-04-3`).
    @Test func wrappedPaneLinesKeepTheirEnd() {
        var d = DeliveryScreenTests.driver(.en, width: 120, height: 34)
        d.state.workspace.delivery.tasks[2].title = "MES interface integration testing"
        d.press(.char("v"), .char("v"), .char("v"), .char("v"))
        #expect(d.text.contains("│  testing is 10 days overdue (planned end\n"))
        #expect(d.text.contains("│  2027-04-30)\n"))
    }

    @Test func theHandoverChecklistIsTickedAndAnnotatedOnScreen() throws {
        var d = DeliveryScreenTests.driver()
        d.press(.char("H"))
        #expect(d.text.contains("终止与移交清单 (指南 §七) — C1 · 已完成 0/6"))
        d.press(.char(" "))
        #expect(
            d.state.workspace.delivery.handover == [
                HandoverItem(contract: "C1", item: "data_export", status: .done, date: Day(iso: "2027-05-10"))
            ])
        #expect(d.text.contains("已完成 1/6") && d.state.message == "已完成: 已收到数据导出")
        d.press(.down, .enter)
        let f = try #require(Self.form(d))
        #expect(f.title == "移交: 导出数据已核验" && f.fields[f.focus].key == "note")
        d.type("待乙方提供校验报告")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.delivery.handover.last == HandoverItem(contract: "C1", item: "data_verified", note: "待乙方提供校验报告"))
        // An item of the contract's own, then Space opens the first one again.
        d.press(.char("a"))
        d.type("源代码托管释放")
        d.press(.ctrl("s"))
        #expect(d.state.message == "已新增移交事项: 源代码托管释放")  // it said "updated"
        #expect(d.text.contains("已完成 0/7") == false && d.text.contains("/7"))
        d.press(.home, .char(" "))
        #expect(d.state.workspace.delivery.handover[0].status == .open && d.state.workspace.delivery.handover[0].date == nil)
        d.press(.char("u"))
        #expect(d.state.workspace.delivery.handover[0].status == .done)
        d.press(.escape)
        #expect(d.state.delivery.pane == .handover)
        #expect(d.text.contains("✔ 已收到数据导出 2027-05-10"))
        #expect(d.text.contains("☐ 导出数据已核验 — 待乙方提供校验报告"))
        #expect(d.text.contains("☐ 源代码托管释放"))
    }

    /// The delivery record dialogs save through one helper: a record saved from its form keeps the
    /// columns of its file Bidbench does not know, a session renamed in its form keeps its results
    /// (in the same undo step), and `d` on a row deletes that record, `u` brings it back.
    @Test func aSavedRecordKeepsItsUnknownColumnsAndARenamedSessionItsResults() throws {
        var d = DeliveryScreenTests.driver(.en)
        d.state.workspace.delivery.acceptance[1].extra["lab"] = "B-2"
        d.press(.char("t"), .down, .enter, .ctrl("s"))
        #expect(d.state.workspace.delivery.acceptance[1].extra["lab"] == "B-2")
        // Rebuilt from its form exactly as it was, unknown column and all: nothing changed, nothing said updated.
        #expect(d.state.message == "Nothing changed")
        d.press(.escape, .char("s"), .enter, .backTab, .ctrl("u"))
        d.type("S09")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.delivery.training.map(\.id) == ["S09"])
        #expect(d.state.workspace.delivery.trainingResults.map(\.session) == ["S09", "S09", "S09"])
        #expect(Self.list(d) == DeliveryListState(kind: .training, contract: "C1", selected: 0))
        d.press(.char("u"))
        #expect(d.state.workspace.delivery.training.map(\.id) == ["S01"])
        #expect(d.state.workspace.delivery.trainingResults.map(\.session) == ["S01", "S01", "S01"])
        d.press(.escape, .char("i"), .char("d"))
        #expect(d.state.message == "Delete this row? d again deletes it (u undoes); any other key keeps it")
        d.press(.char("d"))
        #expect(d.state.workspace.delivery.tickets.map(\.id) == ["K002"])
        #expect(d.state.message == "Deleted ticket K001 (u to undo)")
        d.press(.char("u"))
        #expect(d.state.workspace.delivery.tickets.map(\.id) == ["K001", "K002"])
    }

    /// The tickets, SLA and availability dialogs draw their figures from the delivery screen 5 keeps
    /// for the workspace revision (one build per change, not one per frame): after an edit in a
    /// dialog it is the current revision's, and the same as building it anew.
    @Test func theDialogsReadTheScreensDeliveryKeptForTheRevision() throws {
        var d = DeliveryScreenTests.driver(.en)
        d.press(.char("i"), .char("d"))
        let cached = try #require(d.state.delivery.cached)
        #expect(cached.revision == d.state.revision && cached.contract == "C1")
        let fresh = DeliveryStatus.build(d.state.workspace, contract: d.state.workspace.contracts[0], today: d.state.today)
        #expect(DeliveryLists.delivery(d.state, "C1") == fresh)
        #expect(d.text.contains("Support tickets — C1 · late responses \(fresh.support.responseBreaches)"))
    }

    /// A result added to a session goes after that session's other results, so the file stays
    /// grouped by session; an edited result keeps the columns Bidbench does not know.
    @Test func anAddedResultStaysWithItsSessionAndAnEditedOneKeepsItsColumns() throws {
        var ws = deliveryWorkspace()
        ws.delivery.training.append(
            TrainingSession(contract: "C1", id: "S02", level: "basic", module: "成本", planned: 1, present: 1, passTarget: 0.8))
        ws.delivery.trainingResults.append(TrainingResult(session: "S02", person: "王芳", score: 80))
        ws.delivery.trainingResults[0].extra["seat"] = "A3"
        var d = Driver(ws, lang: .en, width: 120, height: 34)
        d.state.today = Day(iso: "2027-05-10")!
        d.press(.char("5"), .char("s"), .char("r"), .char("a"))
        d.type("罗兵")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.delivery.trainingResults.map(\.person) == ["周敏", "黄伟", "陈静", "罗兵", "王芳"])
        #expect(Self.list(d) == DeliveryListState(kind: .results(session: "S01"), contract: "C1", selected: 3))
        d.press(.home, .enter, .ctrl("s"))
        #expect(d.state.workspace.delivery.trainingResults[0].extra["seat"] == "A3")
        #expect(d.state.message == "Nothing changed")
    }
}
