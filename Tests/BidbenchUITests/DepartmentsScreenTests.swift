import BidbenchCore
import Testing

@testable import BidbenchUI

/// The departments dialog (D).
@Suite struct DepartmentsScreenTests {
    /// The name and contact columns had fixed widths (14 and 12 cells): a longer Chinese name was
    /// clipped with "…" although the box had room. They are now as wide as their entries.
    @Test func aLongChineseNameIsShownWholeWhenTheBoxHasRoom() {
        var ws = sampleWorkspace()
        ws.departments.append(Department(id: "D03", name: "人力资源与组织发展部", contact: "吴芳芳（HRBP）", headCount: 12))
        var d = Driver(ws, width: 80, height: 24)
        d.press(.char("D"))
        #expect(
            Array(d.screen.lines[2...8]) == [
                " ID ┌─ 部门 ───────────────────────────────────────────────────────────────┐",
                " R01│ ID   名称                 联系人          人数  需求                 │",
                " R02│ D01  财务部                                  0     2                 │",
                " R03│ D02  生产部                                  0     1                 │",
                "    │ D03  人力资源与组织发展部 吴芳芳（HRBP）    12     0                 │",
                "    │                                                                      │",
                "    └─ a 新增  Enter 编辑  d 删除  u 撤销  Esc 关闭 ───────────────────────┘",
            ])
        // Too narrow for every column: the name gives way, the numbers stay whole.
        d.send(.resize(width: 62, height: 24))
        #expect(d.row(containing: "│ D03  人力资源与组织发…  吴芳芳（HRBP）    12     0 │") != nil)
    }

    /// Ctrl-R redoes in a dialog as on the screens (only `u` worked there: user test pass).
    @Test func undoAndRedoInTheDialog() {
        var d = Driver(sampleWorkspace(), width: 80, height: 24)
        d.press(.char("D"), .char("a"))
        d.type("法务部")
        d.press(.enter)
        #expect(d.state.workspace.departments.map(\.name) == ["财务部", "生产部", "法务部"])
        d.press(.char("u"))
        #expect(d.state.workspace.departments.map(\.name) == ["财务部", "生产部"])
        d.press(.ctrl("r"))
        #expect(d.state.workspace.departments.map(\.name) == ["财务部", "生产部", "法务部"])
        #expect(d.state.message == "已重做: departments.csv")
        if case .departments = d.state.modal {} else { Issue.record("the dialog stays open: \(String(describing: d.state.modal))") }
    }
}
