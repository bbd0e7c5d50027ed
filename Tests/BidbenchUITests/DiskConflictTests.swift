import BidbenchCore
import Testing

@testable import BidbenchUI

/// The conflict dialog (a file changed both here, unsaved, and on disk): what it shows of each part.
@Suite struct DiskConflictTests {
    func frame(_ d: Driver) -> [String] { d.screen.lines }

    /// Prices have no row keys: the dialog showed no rows at all, so the lead chose blind (user
    /// test pass). Now it counts both sides and lists the rows only here and only on disk, whole,
    /// wrapped, scrolling when they do not fit.
    @Test func aConflictInATableWithoutRowKeysShowsTheRowsOnlyHereAndOnlyOnDisk() {
        var ws = sampleWorkspace()
        ws.prices = [
            PriceLine(vendor: "V1", item: "ERP 平台许可", category: .license, model: .one_time, unitPrice: Money(units: 600_000), startYear: 1),
            PriceLine(vendor: "V1", item: "实施服务", category: .implementation, model: .one_time, unitPrice: Money(units: 180_000)),
        ]
        var d = Driver(ws, width: 80, height: 24)
        d.state.workspace.prices[1].unitPrice = Money(units: 170_000)  // mine, unsaved
        d.state.dirty = true
        var disk = ws
        disk.prices[1].unitPrice = Money(units: 195_000)
        disk.prices.append(
            PriceLine(
                vendor: "V2", item: "移动审批加购", category: .customization, model: .one_time, unitPrice: Money(units: 45_000),
                notes: "磁盘上新增的一行, 说明较长, 在对话框里换行而不是被截断"))
        for i in 1...11 {
            disk.prices.append(
                PriceLine(
                    vendor: "V2", item: "加购项目\(i)", category: .other, model: .annual, unitPrice: Money(units: Int64(i) * 1000), quantity: 2)
            )
        }
        d.send(.diskChanged(workspace: disk, files: ["prices.csv"], sheetTimes: [:]))
        #expect(frame(d) == PRICES_CONFLICT_TOP)
        // More than fits at 80×24: the last rows are one page down, and the border says where.
        d.press(.pageDown)
        #expect(frame(d) == PRICES_CONFLICT_BOTTOM)
        d.press(.up)
        #expect(d.row(containing: "第 3–17 行, 共 18 行") != nil)
        d.press(.char("g"))
        #expect(frame(d) == PRICES_CONFLICT_TOP)
        d.press(.char("G"))
        #expect(frame(d) == PRICES_CONFLICT_BOTTOM)
        d.press(.char("t"))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.prices == disk.prices)
        #expect(d.state.overlayOffset == 0)
    }

    /// The same requirement with the same title changed differently in another field on each side:
    /// the dialog names that field with both values (it said `(其他字段)` on both sides, so the lead
    /// chose without seeing either acceptance criterion: user test pass); a vendor's notes alike.
    @Test func aConflictInAnotherFieldThanTheTitleShowsThatField() {
        let ws = sampleWorkspace()
        var d = Driver(ws, width: 120, height: 30)
        d.state.change {
            $0.requirements[0].acceptance = "汇率每小时自动更新"
            $0.vendors[0].notes = "报价含三年维保"
        }
        var disk = ws
        disk.requirements[0].acceptance = "汇率手工录入, 次日生效"
        disk.vendors[0].notes = "报价不含维保"
        d.send(.diskChanged(workspace: disk, files: ["requirements.csv", "vendors.csv"], sheetTimes: [:]))
        #expect(d.text.contains("R01 acceptance: 我的 “汇率每小时自动更新”   磁盘上 “汇率手工录入, 次日生效”"))
        d.press(.char("m"))
        #expect(d.text.contains("V1 notes: 我的 “报价含三年维保”   磁盘上 “报价不含维保”"))
    }

    /// A meeting pass: the lead's note on V5 and a colleague's new contact and note for it were one
    /// conflict of the whole row, labelled the contact "mine", and `m` put the old contact back. Vendors,
    /// criteria and risks merge field by field as requirements do: only the note conflicts.
    @Test func aVendorChangedOnBothSidesMergesFieldByField() {
        let ws = sampleWorkspace()
        var d = Driver(ws, width: 120, height: 30)
        d.state.change { $0.vendors[0].notes = "现场演示良好" }
        var disk = ws
        disk.vendors[0].contact = "周强 13800000000"
        disk.vendors[0].notes = "财务核实中"
        d.send(.diskChanged(workspace: disk, files: ["vendors.csv"], sheetTimes: [:]))
        #expect(d.text.contains("V1 notes: 我的 “现场演示良好”   磁盘上 “财务核实中”"))
        #expect(!d.text.contains("V1 contact"))
        d.press(.char("m"))
        #expect(d.state.workspace.vendors[0].contact == "周强 13800000000")
        #expect(d.state.workspace.vendors[0].notes == "现场演示良好")
        // One field each: nothing to ask.
        var other = Driver(ws, width: 120, height: 30)
        other.state.change { $0.criteria[0].name = "功能 (含接口)" }
        var disk2 = ws
        disk2.criteria[0].weight = 0.65
        other.send(.diskChanged(workspace: disk2, files: ["criteria.csv"], sheetTimes: [:]))
        #expect(other.state.modal == nil)
        #expect(other.state.workspace.criteria[0].name == "功能 (含接口)" && other.state.workspace.criteria[0].weight == 0.65)
    }

    /// A form open on a requirement while a colleague's save of the same row arrives: the form is
    /// applied to what it was opened on and merged with what arrived. The weight they changed stays
    /// theirs; the title both changed keeps the form's and says so (user test pass: the form wrote back
    /// every field it had shown, the weight 5 became 3 again and the title was replaced, no word).
    @Test func aFormSavedAfterItsRowChangedOnDiskKeepsWhatItDidNotChange() {
        let ws = sampleWorkspace()
        var d = Driver(ws, width: 120, height: 30)
        d.press(.enter)
        #expect(d.state.formBase == ws)
        d.press(.end)
        d.type("（含外币）")
        var disk = ws
        disk.requirements[0].weight = 5
        disk.requirements[1].title = "磁盘上改的标题"
        d.send(.diskChanged(workspace: disk, files: ["requirements.csv"], sheetTimes: [:]))
        #expect(d.state.workspace.requirements[0].weight == 5)
        d.press(.ctrl("s"))
        #expect(d.state.modal == nil && d.state.formBase == nil)
        #expect(d.state.workspace.requirements[0].title == ws.requirements[0].title + "（含外币）")
        #expect(d.state.workspace.requirements[0].weight == 5)
        #expect(d.state.workspace.requirements[1].title == "磁盘上改的标题")
        // Saved; then both change the title: the form's is kept, both named.
        d.send(.saved(message: "已保存"))
        d.press(.enter)
        d.press(.end)
        d.type("!")
        disk = d.state.base
        disk.requirements[0].title = "同事改的标题"
        d.send(.diskChanged(workspace: disk, files: ["requirements.csv"], sheetTimes: [:]))
        d.press(.ctrl("s"))
        #expect(d.state.workspace.requirements[0].title == ws.requirements[0].title + "（含外币）!")
        #expect(d.state.message?.contains("requirements.csv 在磁盘上也被修改, 已保留你的: ") == true)
        #expect(d.state.message?.contains("“同事改的标题”") == true)
        // `u` brings back what was there before the form was saved.
        d.press(.char("u"))
        #expect(d.state.workspace.requirements[0].title == "同事改的标题")
        // A form opened only to read (Enter with nothing changed) writes nothing back over what arrived.
        d.send(.saved(message: "已保存"))
        d.press(.enter)
        disk = d.state.base
        disk.requirements[0].weight = 1
        d.send(.diskChanged(workspace: disk, files: ["requirements.csv"], sheetTimes: [:]))
        let undoDepth = d.state.undoStack.count
        d.press(.enter)
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.requirements[0].weight == 1)
        #expect(!d.state.dirty && d.state.undoStack.count == undoDepth)
    }

    /// A must-have deleted by a colleague (its gate answers go with it) while a form on it is open:
    /// saving the form keeps the row, and now its gate answers too. It came back without them, a
    /// must-have no vendor had answered, and the knock-out it had made was gone (user test pass).
    @Test func aRowDeletedOnDiskWhileItsFormIsOpenComesBackWithItsGateAnswers() {
        var ws = sampleWorkspace()
        ws.requirements[0].priority = .must
        let id = ws.requirements[0].id
        ws.gates = [
            GateAnswer(vendor: "V1", requirement: id, answer: .no, note: "不支持多币种"),
            GateAnswer(vendor: "V1", requirement: ws.requirements[1].id, answer: .meets),
        ]
        var d = Driver(ws, width: 120, height: 30)
        d.press(.enter)
        d.press(.end)
        d.type("（含外币）")
        var disk = ws
        disk.requirements.removeFirst()
        disk.gates.removeFirst()
        d.send(.diskChanged(workspace: disk, files: ["requirements.csv", "gates.csv"], sheetTimes: [:]))
        #expect(d.state.workspace.gates == [ws.gates[1]])
        d.press(.ctrl("s"))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.requirements.first?.title == ws.requirements[0].title + "（含外币）")
        #expect(d.state.workspace.gates == [ws.gates[1], ws.gates[0]])
        #expect(d.state.dirty)
        // `u` steps back to what arrived: the row and its answers deleted, as the colleague left them.
        d.press(.char("u"))
        #expect(d.state.workspace.requirements == disk.requirements && d.state.workspace.gates == disk.gates)
    }

    /// The same without a form: an unsaved edit of the row, its deletion arriving, `m` keeps mine —
    /// with its gate answers, which had gone with their gates.csv (this session had not edited it).
    @Test func keepingMineOverADeletedRowKeepsItsGateAnswers() {
        var ws = sampleWorkspace()
        let id = ws.requirements[0].id
        ws.gates = [GateAnswer(vendor: "V1", requirement: id, answer: .meets, note: "标准功能")]
        var d = Driver(ws, width: 120, height: 30)
        d.state.change { $0.requirements[0].weight = 4 }
        var disk = ws
        disk.requirements.removeFirst()
        disk.gates = []
        d.send(.diskChanged(workspace: disk, files: ["requirements.csv", "gates.csv"], sheetTimes: [:]))
        guard case .diskConflict = d.state.modal else {
            Issue.record("a conflict to choose: \(String(describing: d.state.modal))")
            return
        }
        #expect(d.state.workspace.gates.isEmpty)
        d.press(.char("m"))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.requirements.first?.weight == 4)
        #expect(d.state.workspace.gates == ws.gates)
        #expect(d.state.dirty)
    }

    /// A requirement added here, unsaved, while another process added a different one under the same
    /// id (both took the next number): the conflict offered only "keep mine", whose save replaced
    /// the colleague's row (user test pass). Both are kept now: this session's moves to the next id
    /// free on both sides, with its gate answer; the disk's keeps its id. Nothing is left to choose.
    @Test func aRequirementAddedOnBothSidesUnderOneIdIsRenumberedHereNotOverwritten() {
        let ws = sampleWorkspace()
        var d = Driver(ws, width: 100, height: 30)
        let mine = Requirement(id: "R04", department: "D02", module: "质量", title: "来料检验记录扫码录入", priority: .must, weight: 3)
        d.state.workspace.requirements.append(mine)
        d.state.workspace.gates.append(GateAnswer(vendor: "V1", requirement: "R04", answer: .meets))
        d.state.dirty = true
        var disk = ws
        let theirs = Requirement(id: "R04", department: "D01", module: "总账", title: "供应商对账单在线确认", priority: .should, weight: 2)
        let also = Requirement(id: "R05", department: "D01", module: "总账", title: "月末自动结转损益", priority: .should, weight: 2)
        disk.requirements += [theirs, also]
        d.send(.diskChanged(workspace: disk, files: ["requirements.csv"], sheetTimes: [:]))
        #expect(d.state.modal == nil)
        var moved = mine
        moved.id = "R06"
        #expect(d.state.workspace.requirements == ws.requirements + [moved, theirs, also])
        #expect(d.state.workspace.gates == [GateAnswer(vendor: "V1", requirement: "R06", answer: .meets)])
        #expect(d.state.dirty)
        #expect(d.state.message?.contains("你的已改为 R04 → R06") == true)
        // The merge is no undo step: `u` cannot bring back R04 as mine over theirs.
        d.press(.char("u"))
        #expect(d.state.workspace.requirements == ws.requirements + [moved, theirs, also])
    }

    /// A department added here, unsaved, with a requirement of it, while another session's survey
    /// added a different department under the same id: this session's department moves to the next
    /// id, with its requirement; both departments and both requirements are kept, nothing to choose.
    @Test func aDepartmentAddedOnBothSidesUnderOneIdIsRenumberedHere() {
        let ws = sampleWorkspace()
        var d = Driver(ws, width: 100, height: 30)
        d.state.workspace.departments.append(Department(id: "D03", name: "采购部"))
        d.state.workspace.requirements.append(Requirement(id: "R04", department: "D03", module: "SRM", title: "供应商门户"))
        d.state.dirty = true
        var disk = ws
        disk.departments.append(Department(id: "D03", name: "质量部"))
        disk.requirements.append(Requirement(id: "R05", department: "D03", module: "QMS", title: "8D 报告"))
        d.send(.diskChanged(workspace: disk, files: ["departments.csv", "requirements.csv"], sheetTimes: [:]))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.departments.map { "\($0.id) \($0.name)" } == ["D01 财务部", "D02 生产部", "D04 采购部", "D03 质量部"])
        #expect(d.state.workspace.requirements.suffix(2).map { "\($0.id) \($0.department)" } == ["R04 D04", "R05 D03"])
        #expect(d.state.message?.contains("磁盘上新增的部门与你未保存的部门编号相同: 你的已改为 D03 → D04") == true, "\(d.state.message ?? "")")
    }

    /// The same requirement added on both sides (the same row: a pull of what this session also
    /// typed) is one requirement, not renumbered.
    @Test func theSameRequirementAddedOnBothSidesIsKeptOnce() {
        let ws = sampleWorkspace()
        var d = Driver(ws, width: 100, height: 30)
        let row = Requirement(id: "R04", department: "D02", module: "质量", title: "来料检验记录扫码录入", priority: .must, weight: 3)
        d.state.workspace.requirements.append(row)
        d.state.dirty = true
        var disk = ws
        disk.requirements.append(row)
        d.send(.diskChanged(workspace: disk, files: ["requirements.csv"], sheetTimes: [:]))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.requirements == disk.requirements)
        #expect(d.state.message?.contains("→") != true)
        #expect(!d.state.dirty)
    }
}

private let PRICES_CONFLICT_TOP = [
    " Bidbench · 华东精密…  [1 需求]  2 供应商   3 预算   4 合同   5 交付   ● 未保存",
    " 部门 ▸ 全部 (3)  财务部 2  生产部 1",
    " I┌─ 冲突 (1) ───────────────────────────────────────────────────────────────┐",
    " R│ 你有未保存修改的文件在磁盘上也被修改了: prices.csv                       │",
    " R│ 本机 2 行, 磁盘上 14 行: 仅本机有 1 行, 仅磁盘上有 13 行                 │",
    " R│ 仅本机有 (我的):                                                         │",
    "  │   • V1 · 实施服务 · 实施 · 一次性 · 170,000 × 1                          │",
    "  │ 仅磁盘上有:                                                              │",
    "  │   • V1 · 实施服务 · 实施 · 一次性 · 195,000 × 1                          │",
    "  │   • V2 · 移动审批加购 · 定制开发 · 一次性 · 45,000 × 1 ·                 │",
    "  │     磁盘上新增的一行, 说明较长, 在对话框里换行而不是被截断               │",
    "  │   • V2 · 加购项目1 · 其他 · 按年 · 1,000 × 2                             │",
    "  │   • V2 · 加购项目2 · 其他 · 按年 · 2,000 × 2                             │",
    "  │   • V2 · 加购项目3 · 其他 · 按年 · 3,000 × 2                             │",
    "  │   • V2 · 加购项目4 · 其他 · 按年 · 4,000 × 2                             │",
    "  │   • V2 · 加购项目5 · 其他 · 按年 · 5,000 × 2                             │",
    "  │   • V2 · 加购项目6 · 其他 · 按年 · 6,000 × 2                             │",
    "  │   • V2 · 加购项目7 · 其他 · 按年 · 7,000 × 2                             │",
    " ─│   • V2 · 加购项目8 · 其他 · 按年 · 8,000 × 2                             │─",
    " R│                                                                          │",
    "  │ m 保留我的 (下次保存时写入)   t 采用磁盘上的   ↑↓ PgUp PgDn 滚动         │",
    "  └─────────────────────────────────────────────────── 第 1–15 行, 共 18 行 ─┘",
    " 1 个文件在本机和磁盘上都被修改: 请选择",
    " m 保留我的  t 采用磁盘上的",
]

private let PRICES_CONFLICT_BOTTOM = [
    " Bidbench · 华东精密…  [1 需求]  2 供应商   3 预算   4 合同   5 交付   ● 未保存",
    " 部门 ▸ 全部 (3)  财务部 2  生产部 1",
    " I┌─ 冲突 (1) ───────────────────────────────────────────────────────────────┐",
    " R│ 你有未保存修改的文件在磁盘上也被修改了: prices.csv                       │",
    " R│ 仅磁盘上有:                                                              │",
    " R│   • V1 · 实施服务 · 实施 · 一次性 · 195,000 × 1                          │",
    "  │   • V2 · 移动审批加购 · 定制开发 · 一次性 · 45,000 × 1 ·                 │",
    "  │     磁盘上新增的一行, 说明较长, 在对话框里换行而不是被截断               │",
    "  │   • V2 · 加购项目1 · 其他 · 按年 · 1,000 × 2                             │",
    "  │   • V2 · 加购项目2 · 其他 · 按年 · 2,000 × 2                             │",
    "  │   • V2 · 加购项目3 · 其他 · 按年 · 3,000 × 2                             │",
    "  │   • V2 · 加购项目4 · 其他 · 按年 · 4,000 × 2                             │",
    "  │   • V2 · 加购项目5 · 其他 · 按年 · 5,000 × 2                             │",
    "  │   • V2 · 加购项目6 · 其他 · 按年 · 6,000 × 2                             │",
    "  │   • V2 · 加购项目7 · 其他 · 按年 · 7,000 × 2                             │",
    "  │   • V2 · 加购项目8 · 其他 · 按年 · 8,000 × 2                             │",
    "  │   • V2 · 加购项目9 · 其他 · 按年 · 9,000 × 2                             │",
    "  │   • V2 · 加购项目10 · 其他 · 按年 · 10,000 × 2                           │",
    " ─│   • V2 · 加购项目11 · 其他 · 按年 · 11,000 × 2                           │─",
    " R│                                                                          │",
    "  │ m 保留我的 (下次保存时写入)   t 采用磁盘上的   ↑↓ PgUp PgDn 滚动         │",
    "  └─────────────────────────────────────────────────── 第 4–18 行, 共 18 行 ─┘",
    " 1 个文件在本机和磁盘上都被修改: 请选择",
    " m 保留我的  t 采用磁盘上的",
]

extension DiskConflictTests {
    /// workspace.json has no rows: the settings that differ, named as in the file.
    @Test func aConflictInTheSettingsNamesEachSettingThatDiffers() {
        var d = Driver()
        let ws = d.state.workspace
        d.state.workspace.settings.method = "topsis"
        d.state.workspace.settings.horizonYears = 7
        d.state.dirty = true
        var disk = ws
        disk.settings.method = "cn"
        disk.settings.extra["owner"] = "\"采购部\""
        // Both versions in full, as they were: every setting that differs is named.
        #expect(
            DiskChangesScreen.lines(d.state, DiskConflict(part: .settings, theirs: disk)) == [
                "method: 我的 topsis   磁盘上 cn", "horizon_years: 我的 7   磁盘上 5", "owner: 我的 —   磁盘上 \"采购部\"",
            ])
        d.send(.diskChanged(workspace: disk, files: ["workspace.json"], sheetTimes: [:]))
        // The settings merge one by one: the horizon only I changed and the owner only the disk
        // changed are both kept; the method, changed on both sides, is the one choice left.
        #expect(d.state.workspace.settings.horizonYears == 7 && d.state.workspace.settings.extra["owner"] == "\"采购部\"")
        guard case .diskConflict(let conflicts)? = d.state.modal else {
            Issue.record("no conflict dialog")
            return
        }
        #expect(DiskChangesScreen.lines(d.state, conflicts[0]) == ["method: 我的 topsis   磁盘上 cn"])
        #expect(d.row(containing: "method: 我的 topsis   磁盘上 cn") != nil)
        #expect(d.row(containing: "horizon_years") == nil)
    }

    /// The same rows in another order are said to be so, not listed as different.
    @Test func rowsOnlyReorderedAreSaidToBeTheSame() {
        #expect(
            DiskChangesScreen.unkeyed(.en, ["a", "b", "b"], ["b", "a", "b"]) == [
                "3 row(s) here, 3 on disk: 0 only here, 0 only on disk", "The same rows in another order",
            ])
        #expect(
            DiskChangesScreen.unkeyed(.en, ["a", "b", "b"], ["b", "c"]) == [
                "3 row(s) here, 2 on disk: 2 only here, 1 only on disk", "Only here (mine):", "  • a", "  • b", "Only on disk (theirs):",
                "  • c",
            ])
    }
}
