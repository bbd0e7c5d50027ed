import BidbenchCore
import Testing

@testable import BidbenchUI

/// Delivery meetings are run live with several people: the delivery tables, the playbook and the
/// meeting records changed on disk by someone else are picked up, merged row by row and, when both
/// sides changed the same row, shown as a choice — like the evaluation tables. Before, the session
/// ignored them and its next save silently wrote the old rows back over the other person's change.
@Suite struct DeliveryLivePickupTests {
    static func driver(width: Int = 120, height: Int = 34) -> Driver { DeliveryScreenTests.driver(width: width, height: height) }

    /// The save the next Ctrl-S asks for.
    static func saved(_ d: inout Driver) -> Workspace? {
        d.effects = []
        d.press(.ctrl("s"))
        for e in d.effects { if case .save(let ws, _) = e { return ws } }
        return nil
    }

    /// (a) Nothing edited here: the new rows show at once, said by file, and nothing is unsaved —
    /// so a later save has nothing to write back over them.
    @Test func tasksChangedOnDiskShowAtOnceAndLeaveNothingUnsaved() {
        var d = Self.driver()
        var disk = d.state.workspace
        disk.delivery.tasks[3].title = "上线切换第二批"
        disk.delivery.trainingResults[1].score = 71
        disk.delivery.trainingResults[1].passed = true
        disk.delivery.availability = [AvailabilityRecord(contract: "C1", month: "2027-04", percent: 99.9)]
        d.send(
            .diskChanged(workspace: disk, files: ["tasks.csv", "training_results.csv", "availability.csv"], sheetTimes: [:]))
        #expect(d.state.workspace == disk)
        #expect(!d.state.dirty)
        #expect(d.state.modal == nil)
        #expect(d.state.message == "tasks.csv 已从磁盘更新; training_results.csv 已从磁盘更新; availability.csv 已从磁盘更新")
        #expect(d.row(containing: "T04")?.contains("上线切换第二批") == true)
        // 黄伟 passed at the retake: every trainee passes now; the month's availability shows.
        #expect(d.text.contains("培训: 1 场 · 通过率 100% ≥ 目标 80%"))
        #expect(d.text.contains("可用率 (无目标): 2027-04 99.9%"))
        #expect(d.screen.lines[0].hasSuffix("已保存"))
        // What arrived is no step of this session's: nothing to undo (`u` would bring back the old rows).
        #expect(d.state.undoStack.isEmpty)
    }

    /// A save another Bidbench left half done when it stopped, completed by this pickup's load: said
    /// first, with its files (a meeting pass: the files just changed, with no word of whose save it was).
    @Test func aSaveCompletedForABidbenchThatStoppedIsSaid() {
        var d = Self.driver()
        var disk = d.state.workspace
        disk.delivery.tasks[3].title = "上线切换第二批"
        d.send(.diskChanged(workspace: disk, files: ["tasks.csv"], sheetTimes: [:], completed: ["tasks.csv", "scores/张伟.csv"]))
        #expect(d.state.message == "已完成一个中途停止的 Bidbench 留下的保存 (tasks.csv, scores/张伟.csv); tasks.csv 已从磁盘更新")
        #expect(d.state.workspace == disk)
        #expect(!d.state.dirty)
    }

    /// (b) My unsaved edit of another file stays; the tasks from disk come in beside it, and the
    /// next save carries both (the Store then writes only requirements.csv).
    @Test func myUnsavedEditOfAnotherFileStaysWhileTasksArrive() {
        var d = Self.driver()
        d.state.workspace.requirements[0].title = "会上改的标题"
        d.state.dirty = true
        var disk = d.state.base
        disk.delivery.tasks[2].status = .done
        disk.delivery.tasks[2].actualEnd = Day(iso: "2027-05-09")
        d.send(.diskChanged(workspace: disk, files: ["tasks.csv"], sheetTimes: [:]))
        #expect(d.state.message == "tasks.csv 已从磁盘更新")
        #expect(d.state.workspace.delivery.tasks == disk.delivery.tasks)
        #expect(d.state.workspace.requirements[0].title == "会上改的标题")
        #expect(d.state.dirty)
        // T03 is done now: no longer late on the screen.
        #expect(d.row(containing: "T03")?.contains("+10天") == false)
        let ws = Self.saved(&d)
        #expect(ws?.delivery == disk.delivery)
        #expect(ws?.requirements.map(\.title) == ["会上改的标题", "按工单归集实际成本", "产能约束下的自动排产"])
    }

    /// (c) My unsaved edit of one task while someone else changes another and adds one: both
    /// arrive together, mine kept, one undo step back.
    @Test func differentTasksChangedOnEachSideMerge() {
        var d = Self.driver()
        let base = d.state.workspace
        d.state.workspace.delivery.tasks[0].owner = "赵磊、王芳"
        d.state.dirty = true
        var disk = base
        disk.delivery.tasks[3].plannedStart = Day(iso: "2027-06-08")
        disk.delivery.tasks[3].plannedEnd = Day(iso: "2027-06-14")
        disk.delivery.tasks.append(
            DeliveryTask(contract: "C1", id: "T05", phase: .optimisation, title: "上线后优化", owner: "陈晓东", dependsOn: ["T04"]))
        d.send(.diskChanged(workspace: disk, files: ["tasks.csv"], sheetTimes: [:]))
        #expect(d.state.modal == nil)
        #expect(d.state.message == "tasks.csv: 已合并磁盘上的 2 行与你未保存的修改")
        var expected = disk.delivery.tasks
        expected[0].owner = "赵磊、王芳"
        #expect(d.state.workspace.delivery.tasks == expected)
        #expect(d.state.dirty)
        #expect(d.row(containing: "T05")?.contains("上线后优化") == true)
        #expect(Self.saved(&d)?.delivery.tasks == expected)
        // The merge is no undo step: `u` does not take their rows back out.
        d.press(.char("u"))
        #expect(d.state.message == "没有可撤销的修改")
        #expect(d.state.workspace.delivery.tasks == expected)
    }

    /// The same test result recorded differently on both sides: the dialog names each field of that
    /// row both changed differently, and only that row is the choice — a row only they changed
    /// arrives either way, and so does a field of that row only they changed (their note). `m` keeps
    /// mine for the next save, `t` takes theirs and `u` brings mine back.
    @Test func theSameAcceptanceTestChangedOnBothSidesIsAChoiceOfThatRow() {
        var d = Self.driver(width: 100, height: 24)
        let base = d.state.workspace
        d.state.workspace.delivery.acceptance[2].result = .pass
        d.state.workspace.delivery.acceptance[2].tester = "孙建国"
        d.state.dirty = true
        let mine = d.state.workspace
        var disk = base
        disk.delivery.acceptance[2].result = .fail
        disk.delivery.acceptance[2].tester = "孙建国"
        disk.delivery.acceptance[2].note = "500 张工单用时 14 秒"
        disk.delivery.acceptance[0].note = "复测通过"  // only theirs: not part of the choice
        d.send(.diskChanged(workspace: disk, files: ["acceptance.csv"], sheetTimes: [:]))
        guard case .diskConflict(let conflicts)? = d.state.modal else {
            Issue.record("no conflict dialog")
            return
        }
        #expect(conflicts.map(\.part) == [.rows("acceptance.csv")])
        #expect(d.screen.lines == ACCEPTANCE_CONFLICT)
        // Their note on A1.1 is in already, and their note on A2.1; A2.1's result is still mine until the choice.
        var merged = mine
        merged.delivery.acceptance[0].note = "复测通过"
        merged.delivery.acceptance[2].note = "500 张工单用时 14 秒"
        #expect(d.state.workspace == merged)
        d.press(.char("m"))
        #expect(d.state.modal == nil)
        #expect(d.state.message == "已保留你的 acceptance.csv; 保存后写入")
        #expect(d.state.dirty)
        #expect(Self.saved(&d)?.delivery.acceptance == merged.delivery.acceptance)

        // Again, and this time theirs.
        var e = Self.driver(width: 100, height: 24)
        e.state.workspace = mine
        e.state.dirty = true
        e.send(.diskChanged(workspace: disk, files: ["acceptance.csv"], sheetTimes: [:]))
        e.press(.char("t"))
        #expect(e.state.modal == nil)
        #expect(e.state.workspace.delivery.acceptance == disk.delivery.acceptance)
        #expect(!e.state.dirty)
        #expect(e.state.message == "已采用磁盘上的 acceptance.csv (按 u 恢复你的版本)")
        e.press(.char("u"))
        #expect(e.state.workspace.delivery.acceptance == merged.delivery.acceptance)
        // The rows that merged without a choice (their notes) are no undo step.
        e.press(.char("u"))
        #expect(e.state.workspace.delivery.acceptance == merged.delivery.acceptance)
    }

    /// Finance's pass: I moved K001's resolved time while a colleague escalated it (severity 1, a
    /// note). The dialog called their severity and note "mine", and `m` lost the escalation. Now a
    /// field only one side changed is taken from that side: no choice, both kept.
    @Test func aTicketEditedInDifferentFieldsOnEachSideKeepsBoth() {
        var d = Self.driver()
        let base = d.state.workspace
        d.state.workspace.delivery.tickets[0].resolved = Moment(parsing: "2027-04-03 16:00")
        d.state.dirty = true
        var disk = base
        disk.delivery.tickets[0].severity = 1
        disk.delivery.tickets[0].note = "供应商确认为一级故障"
        d.send(.diskChanged(workspace: disk, files: ["tickets.csv"], sheetTimes: [:]))
        #expect(d.state.modal == nil)
        #expect(d.state.message == "tickets.csv: 已合并磁盘上的 1 行与你未保存的修改")
        let k = d.state.workspace.delivery.tickets[0]
        #expect(k.severity == 1 && k.note == "供应商确认为一级故障" && k.resolved == Moment(parsing: "2027-04-03 16:00"))
        #expect(Self.saved(&d)?.delivery.tickets[0] == k)
    }

    /// A meeting pass: a weight both sides changed read `我的 “5.0”   磁盘上 “2.0”`; the file says 5 and 2.
    @Test func aNumberInAConflictReadsAsTheFileWritesIt() {
        var d = Driver()
        let base = d.state.workspace
        d.state.workspace.requirements[1].weight = 4
        d.state.dirty = true
        var disk = base
        disk.requirements[1].weight = 2
        d.send(.diskChanged(workspace: disk, files: ["requirements.csv"], sheetTimes: [:]))
        guard case .diskConflict(let conflicts)? = d.state.modal, let c = conflicts.first else {
            Issue.record("no conflict dialog")
            return
        }
        #expect(DiskChangesScreen.lines(d.state, c) == ["R02 weight: 我的 “4”   磁盘上 “2”"])
        #expect(DiskChangesScreen.valueText(0.15) == "0.15")
    }

    /// The same for the evaluation tables: keeping mine for the row both changed no longer throws
    /// away the rows only they changed (before, `m` kept my whole file).
    @Test func keepingMineForOneRequirementKeepsTheirOtherRequirements() {
        var d = Driver()
        let base = d.state.workspace
        d.state.workspace.requirements[0].title = "我的标题"
        d.state.dirty = true
        var disk = base
        disk.requirements[0].title = "他们的标题"
        disk.requirements[2].weight = 2
        d.send(.diskChanged(workspace: disk, files: ["requirements.csv"], sheetTimes: [:]))
        #expect(d.state.modal.map { if case .diskConflict = $0 { true } else { false } } == true)
        guard case .diskConflict(let conflicts)? = d.state.modal, let c = conflicts.first else { return }
        #expect(DiskChangesScreen.lines(d.state, c) == ["R01: 我的 “我的标题”   磁盘上 “他们的标题”"])
        #expect(d.text.contains("R01: 我的 “我的标题”   磁盘上 “他们的标题”"))
        d.press(.char("m"))
        #expect(d.state.workspace.requirements.map(\.title) == ["我的标题", "按工单归集实际成本", "产能约束下的自动排产"])
        #expect(d.state.workspace.requirements.map(\.weight) == [5, 5, 2])
    }

    /// In a meeting someone is typing in a task form when a conflict comes up over it: the form
    /// comes back after the choice with what was typed (before, the dialog replaced it).
    @Test func aFormOpenWhenAConflictArrivesComesBackWithWhatWasTyped() {
        var d = Self.driver()
        let base = d.state.workspace
        d.state.workspace.delivery.tasks[0].owner = "赵磊、王芳"
        d.state.dirty = true
        d.press(.down, .enter)
        #expect(d.text.contains("编辑任务 T02"))
        d.type("迁移第二轮")
        var disk = base
        disk.delivery.tasks[0].owner = "周敏"
        d.send(.diskChanged(workspace: disk, files: ["tasks.csv"], sheetTimes: [:]))
        #expect(d.row(containing: "C1/T01 owner: 我的 “赵磊、王芳”   磁盘上 “周敏”") != nil)
        d.press(.char("t"))
        guard case .form? = d.state.modal else {
            Issue.record("the form did not come back")
            return
        }
        #expect(d.text.contains("编辑任务 T02"))
        #expect(d.row(containing: "迁移第二轮") != nil)
        d.press(.enter)
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.delivery.tasks.map(\.title) == ["现状评估", "迁移第二轮", "MES 接口联调", "上线切换"])
        #expect(d.state.workspace.delivery.tasks[0].owner == "周敏")
    }

    /// The file changes again before the choice: what is new arrives, the row in conflict stays a
    /// choice (against the base both started from), and theirs is the latest; when they come round
    /// to my version there is nothing left to choose.
    @Test func aFileChangingAgainBeforeTheChoiceKeepsTheConflictCurrent() {
        var d = Self.driver(width: 100, height: 24)
        let base = d.state.workspace
        d.state.workspace.delivery.acceptance[2].result = .pass
        d.state.dirty = true
        let mine = d.state.workspace
        var disk = base
        disk.delivery.acceptance[2].result = .fail
        d.send(.diskChanged(workspace: disk, files: ["acceptance.csv"], sheetTimes: [:]))
        disk.delivery.acceptance[1].note = "第二次复测"
        d.send(.diskChanged(workspace: disk, files: ["acceptance.csv"], sheetTimes: [:]))
        guard case .diskConflict(let conflicts)? = d.state.modal, let c = conflicts.first else {
            Issue.record("the conflict was lost")
            return
        }
        #expect(conflicts.count == 1)
        #expect(DiskChangesScreen.lines(d.state, c) == ["C1/A2.1 result: 我的 “pass”   磁盘上 “fail”"])
        #expect(d.state.workspace.delivery.acceptance[1].note == "第二次复测")
        #expect(d.state.workspace.delivery.acceptance[2].result == .pass)
        d.press(.char("t"))
        #expect(d.state.workspace.delivery.acceptance == disk.delivery.acceptance)

        var e = Self.driver(width: 100, height: 24)
        e.state.workspace = mine
        e.state.dirty = true
        var theirs = base
        theirs.delivery.acceptance[2].result = .fail
        e.send(.diskChanged(workspace: theirs, files: ["acceptance.csv"], sheetTimes: [:]))
        theirs.delivery.acceptance[2].result = .pass  // they agree with me now
        e.send(.diskChanged(workspace: theirs, files: ["acceptance.csv"], sheetTimes: [:]))
        #expect(e.state.modal == nil)
        #expect(e.state.workspace == theirs)
        #expect(!e.state.dirty)
    }

    /// A row only one side has is shown whole; keyed rows that moved between lists keep file order.
    @Test func aRowOnlyOneSideHasIsShownWhole() {
        var d = Self.driver()
        var mine = d.state.workspace
        mine.delivery.sla.append(SLATerm(contract: "C1", severity: 3, responseHours: 8, resolutionHours: 72))
        var theirs = d.state.workspace
        theirs.delivery.sla.append(
            SLATerm(contract: "C1", severity: 3, responseHours: 4, resolutionHours: 48, penaltyPerBreach: Money(units: 2000)))
        theirs.delivery.sla[0].resolutionHours = 6
        d.state.workspace = mine
        #expect(
            DiskChangesScreen.lines(d.state, DiskConflict(part: .rows("sla.csv"), theirs: theirs)) == [
                "C1/1 resolution_hours: 我的 “4”   磁盘上 “6”",
                "C1/3 response_hours: 我的 “8”   磁盘上 “4”",
                "C1/3 resolution_hours: 我的 “72”   磁盘上 “48”",
                "C1/3 penalty_per_breach: 我的 “”   磁盘上 “2,000”",
            ])
        theirs.delivery.sla.removeLast()
        theirs.delivery.handover = [HandoverItem(contract: "C1", item: "源代码与文档移交", status: .done, date: Day(iso: "2027-09-30"))]
        d.state.lang = .en
        #expect(
            DiskChangesScreen.lines(d.state, DiskConflict(part: .rows("sla.csv"), theirs: theirs)) == [
                "C1/1 resolution_hours: mine “4”   theirs “6”", "C1/3: mine “C1/3 · 8 · 72”   theirs —",
            ])
        #expect(
            DiskChangesScreen.lines(d.state, DiskConflict(part: .rows("handover.csv"), theirs: theirs)) == [
                "C1/源代码与文档移交: mine —   theirs “C1/源代码与文档移交 · done · 2027-09-30”"
            ])
    }

    /// The playbook has a key (one row per red-flag kind) but nothing on disk stops a hand-edited
    /// file from naming a kind twice: then the table is compared whole, as one without row keys,
    /// and changed on both sides it is a choice.
    @Test func aPlaybookWhoseKindRepeatsIsComparedWhole() {
        var ws = DeliveryScreenTests.driver().state.workspace
        ws.playbook = [RedFlagKind.auto_renewal.defaultEntry, RedFlagKind.no_refund.defaultEntry]
        var d = Driver(ws, width: 100, height: 30)
        d.state.workspace.playbook[0].severity = .high
        d.state.dirty = true
        var disk = ws
        var twice = disk.playbook[1]
        twice.enabled = false
        disk.playbook.append(twice)
        d.send(.diskChanged(workspace: disk, files: ["playbook.csv"], sheetTimes: [:]))
        guard case .diskConflict(let conflicts)? = d.state.modal, let c = conflicts.first else {
            Issue.record("no conflict dialog")
            return
        }
        #expect(c.part == .rows("playbook.csv"))
        let en = RedFlagKind.auto_renewal.defaultEntry
        let refund = RedFlagKind.no_refund.defaultEntry
        #expect(
            DiskChangesScreen.lines(d.state, c) == [
                "本机 2 行, 磁盘上 3 行: 仅本机有 1 行, 仅磁盘上有 2 行", "仅本机有 (我的):",
                "  • auto_renewal · high · yes · \(en.positionEN) · \(en.positionZH)", "仅磁盘上有:",
                "  • auto_renewal · \(en.severity.rawValue) · yes · \(en.positionEN) · \(en.positionZH)",
                "  • no_refund · \(refund.severity.rawValue) · no · \(refund.positionEN) · \(refund.positionZH)",
            ])
        d.press(.char("t"))
        #expect(d.state.workspace.playbook == disk.playbook)
    }

    /// Two people record meetings at once: different meetings merge; the same new id recorded
    /// differently on both sides is a choice; the survey snapshot of another meeting just arrives.
    @Test func meetingsRecordedMeanwhileMergeAndTheSameIdIsAChoice() {
        var ws = sampleWorkspace()
        let day = Day(iso: "2026-11-20")
        ws.meetings = [Meeting(id: "M01", kind: .survey, date: day, title: "财务部需求调研", lead: "刘主任", department: "D01")]
        var d = Driver(ws)
        let mine = Meeting(id: "M02", kind: .delivery, date: Day(iso: "2027-05-10"), title: "交付周会", attendees: "赵磊, 陈晓东")
        d.state.workspace.meetings.append(mine)
        d.state.dirty = true
        var disk = ws
        disk.meetings[0].attendees = "周敏, 黄伟"
        disk.meetingRequirements = ws.requirements.prefix(2).map { MeetingRequirement(meeting: "M01", requirement: $0) }
        d.send(.diskChanged(workspace: disk, files: ["meetings.csv", "meeting_requirements.csv"], sheetTimes: [:]))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.meetings == [disk.meetings[0], mine])
        #expect(d.state.workspace.meetingRequirements == disk.meetingRequirements)
        #expect(d.state.message == "meetings.csv: 已合并磁盘上的 1 行与你未保存的修改; meeting_requirements.csv 已从磁盘更新")

        // Both record the next meeting as M03.
        d.state.workspace.meetings.append(Meeting(id: "M03", kind: .delivery, date: Day(iso: "2027-05-17"), title: "验收评审"))
        var next = disk
        next.meetings.append(mine)
        next.meetings.append(Meeting(id: "M03", kind: .delivery, date: Day(iso: "2027-05-17"), title: "培训评审", lead: "王芳"))
        d.send(.diskChanged(workspace: next, files: ["meetings.csv"], sheetTimes: [:]))
        guard case .diskConflict(let conflicts)? = d.state.modal, let c = conflicts.first else {
            Issue.record("no conflict dialog")
            return
        }
        #expect(c.part == .rows("meetings.csv"))
        #expect(
            DiskChangesScreen.lines(d.state, c) == [
                "M03 title: 我的 “验收评审”   磁盘上 “培训评审”", "M03 lead: 我的 “”   磁盘上 “王芳”",
            ])
        #expect(d.text.contains("M03 title: 我的 “验收评审”   磁盘上 “培训评审”"))
    }

    /// A second lead's discussion note on another cell arrives next to mine, unsaved here; the same
    /// cell noted differently on both sides is a choice that shows both notes.
    @Test func discussionNotesWrittenMeanwhileMergeByCell() {
        let ws = sampleWorkspace()
        var d = Driver(ws)
        let mine = DiscussionNote(vendor: "V2", criterion: "func", note: "复演后再定")
        d.state.workspace.discussion = [mine]
        d.state.dirty = true
        var disk = ws
        disk.discussion = [DiscussionNote(vendor: "V1", criterion: "func", note: "演示流畅")]
        d.send(.diskChanged(workspace: disk, files: ["discussion.csv"], sheetTimes: [:]))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.discussion == [mine, disk.discussion[0]])
        #expect(d.state.message == "discussion.csv: 已合并磁盘上的 1 行与你未保存的修改")

        var next = disk
        next.discussion.append(DiscussionNote(vendor: "V2", criterion: "func", note: "按 3 分计"))
        d.send(.diskChanged(workspace: next, files: ["discussion.csv"], sheetTimes: [:]))
        guard case .diskConflict(let conflicts)? = d.state.modal, let c = conflicts.first else {
            Issue.record("no conflict dialog")
            return
        }
        #expect(c.part == .rows("discussion.csv"))
        #expect(DiskChangesScreen.lines(d.state, c) == ["V2/func note: 我的 “复演后再定”   磁盘上 “按 3 分计”"])
    }

    /// Every file name the pickup knows maps to its part and back.
    @Test func everyRowTableIsAPartNamedByItsFile() {
        let files = RowTable.all.map(\.file)
        #expect(
            files == [
                "tasks.csv", "acceptance.csv", "training.csv", "training_results.csv", "tickets.csv", "sla.csv", "vendor_reviews.csv",
                "handover.csv", "availability.csv", "review_satisfaction.csv", "playbook.csv", "meetings.csv", "meeting_requirements.csv",
                "discussion.csv",
            ])
        for f in files { #expect(WorkspacePart(file: f)?.file(Workspace()) == f) }
    }
}

private let ACCEPTANCE_CONFLICT = [
    " Bidbench · 华东精密 ERP 升级   1 需求   2 供应商   3 预算   4 合同  [5 交付]              ● 未保存",
    " C1 ERP 升级加购合同 · 云帆软件                                        今天 2027-05-10 · 按时 66.7%",
    "  ┌─ 冲突 (1) ───────────────────────────────────────────────────────────────────────────────────┐",
    " T│ 你有未保存修改的文件在磁盘上也被修改了: acceptance.csv                                       │",
    " T│ C1/A2.1 result: 我的 “pass”   磁盘上 “fail”                                                  │",
    " T│                                                                                              │天",
    " T│ m 保留我的 (下次保存时写入)   t 采用磁盘上的                                                 │",
    " ▸└──────────────────────────────────────────────────────────────────────────────────────────────┘",
    "   2027-01-04→2027-01-22 · 状态 完成",
    " 验收: 通过 2 · 未通过 1 · 待测 0 · 需求已验收 2/3",
    " 暂不可付: 上线款 1,116,000 — A1.2 未通过",
    " 暂不可付: 终验款 186,000 — 须先完成 上线款 的验收 (A1.2 未通过)",
    " 培训: 1 场 · 通过率 66.7% < 目标 80%",
    " 仍需培训: 黄伟(总账)",
    " SLA: 工单 2 · 响应超时 1 · 解决超时 1 · 达标 0%",
    "   2027-04: 2 个工单违约 2 次",
    " 考评: 2027-04 63.6 (满意度 3.5, 直接录入)",
    " ⚠ RK10 C1 任务 T03 MES 接口联调 已逾期 10 天 (计划 2027-04-30 完成)",
    " ⚠ RK04 C1 2027-04 违反 SLA 2 次 (阈值 2)",
    "",
    "",
    "",
    " acceptance.csv: 已合并磁盘上的 1 行与你未保存的修改; 1 个文件在本机和磁盘上都被修改: 请选择",
    " m 保留我的  t 采用磁盘上的",
]

extension DeliveryLivePickupTests {
    /// Rows taken away on disk under an open list dialog or a selected task: the selection follows,
    /// and the keys go on working (nothing indexes past the end).
    @Test func rowsRemovedOnDiskUnderAnOpenListKeepTheSelectionInside() {
        var d = Self.driver()
        d.press(.end)
        d.press(.char("i"))
        d.press(.down, .down)
        #expect(DeliveryDialogsTests.list(d)?.kind == .tickets)
        #expect(DeliveryDialogsTests.list(d)?.selected == 1)
        var disk = d.state.workspace
        disk.delivery.tickets = [disk.delivery.tickets[0]]
        disk.delivery.tasks = Array(disk.delivery.tasks.prefix(1))
        d.send(.diskChanged(workspace: disk, files: ["tickets.csv", "tasks.csv"], sheetTimes: [:]))
        #expect(d.state.message == "tickets.csv 已从磁盘更新; tasks.csv 已从磁盘更新")
        #expect(d.row(containing: "K001") != nil)
        #expect(d.row(containing: "K002") == nil)
        d.press(.down, .enter)
        _ = d.screen
        d.press(.escape, .escape, .escape)
        d.press(.down, .enter)
        _ = d.screen
        d.press(.escape)
        #expect(d.state.workspace.delivery.tickets.count == 1)
    }
}
