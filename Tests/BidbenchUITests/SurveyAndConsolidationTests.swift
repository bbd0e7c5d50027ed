import BidbenchCore
import Testing

@testable import BidbenchUI

@Suite struct SurveyAndConsolidationTests {
    @Test func wholeSurveySessionWithChineseAnswers() {
        var d = Driver()
        d.press(.char("s"))
        #expect(d.text.contains("哪个部门?"))
        d.press(.down, .enter)  // 生产部
        #expect(d.text.contains("生产部 · 2026-11-29 · 问题 1/8"))
        #expect(d.text.contains("目前工作中遇到哪些问题?"))
        d.type("排产靠 Excel")
        d.press(.enter)
        #expect(d.text.contains("需要什么功能?"))
        #expect(d.text.contains("排产靠 Excel"))  // earlier answers stay on screen
        d.type("设备点检移动端记录")
        d.press(.enter)
        d.type("设备")
        d.press(.enter)
        d.type("班组长 30 人")
        d.press(.enter)
        d.type("应该")
        d.press(.enter)
        d.type("扫码即可点检")
        d.press(.enter)
        d.press(.enter)  // no budget limit
        d.type("2027-06")
        d.press(.enter)  // last question: recorded, next round starts
        #expect(d.text.contains("已记录 1"))
        #expect(d.text.contains("问题 1/8"))
        let r = d.state.workspace.requirements.first { $0.id == "R04" }!
        #expect(r.department == "D02" && r.title == "设备点检移动端记录" && r.module == "设备" && r.priority == .should)
        #expect(r.detail == "现状问题: 排产靠 Excel; 影响用户: 班组长 30 人; 期限: 2027-06")
        #expect(r.source == "生产部 2026-11-29 调研")
        // Second round left half-way with Esc: what was answered is kept.
        d.press(.enter)
        d.type("能耗数据自动采集")
        d.press(.escape)
        #expect(d.state.modal == nil)
        #expect(d.text.contains("调研结束: 共记录 2 条需求 R04 R05"))
        #expect(d.state.workspace.requirements.first { $0.id == "R05" }?.title == "能耗数据自动采集")
        // Undo removes the last recorded requirement.
        d.press(.char("u"))
        #expect(d.state.workspace.requirements.count == 4)
    }

    /// `高` is must in the survey as in the requirement form; a word that is no priority is asked
    /// again, on its question (it became should, with `优先级: 很急` in the detail: user test pass).
    @Test func theSurveyReadsHighAsMustAndAsksAgainForAnUnknownPriority() {
        var d = Driver()
        d.press(.char("s"), .down, .enter)  // 生产部
        d.press(.enter)  // no problem stated
        d.type("设备点检移动端记录")
        d.press(.enter, .enter, .enter)  // no module, no users
        #expect(d.text.contains("问题 5/8"))
        d.type("很急")
        d.press(.enter)
        #expect(d.text.contains("问题 5/8"))
        #expect(d.state.message == "“很急” 不是优先级: 必须、应该、可以或暂不 (也可输入 1-4、高/中/低)")
        d.press(.escape)  // Esc ends the survey: asked again there too, nothing recorded yet
        #expect(d.state.modal != nil && d.state.workspace.requirements.count == 3)
        d.press(.ctrl("u"))
        d.type("高")
        d.press(.escape)
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.requirements.first { $0.id == "R04" }?.priority == .must)
        #expect(d.state.workspace.requirements.first { $0.id == "R04" }?.detail == "")
    }

    /// A refused priority is marked whole, as in a form: the next letter replaces it (`p` then `中`
    /// gave `p中`, refused again: user test pass).
    @Test func aRefusedPriorityIsReplacedByWhatIsTypedNext() {
        var d = Driver()
        d.press(.char("s"), .down, .enter)  // 生产部
        d.press(.enter)
        d.type("设备点检移动端记录")
        d.press(.enter, .enter, .enter)
        d.type("p")
        d.press(.enter)
        #expect(d.state.message == "“p” 不是优先级: 必须、应该、可以或暂不 (也可输入 1-4、高/中/低)")
        d.type("中")
        d.press(.escape)
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.requirements.first { $0.id == "R04" }?.priority == .should)
    }

    @Test func mergeLikelyDuplicates() {
        var ws = sampleWorkspace()
        ws.requirements.append(
            Requirement(
                id: "R04", department: "D02", module: "总账", title: "凭证多币种自动折算", priority: .should, weight: 3, source: "生产部 2026-11-21 调研"))
        var d = Driver(ws)
        d.press(.char("m"))
        #expect(d.text.contains("跨部门可能重复的需求"))
        #expect(d.row(containing: "⇄")?.contains("R01") == true)
        d.press(.enter)
        #expect(d.text.contains("已将 R04 合并到 R01"))
        #expect(d.text.contains("没有发现可能重复的需求"))
        let r1 = d.state.workspace.requirements[0]
        #expect(r1.source == "财务部 2026-11-20 调研; 生产部 2026-11-21 调研 (R04)")
        #expect(d.state.workspace.requirements[3].status == .merged)
        d.press(.escape)
        d.press(.char("u"))
        #expect(d.state.workspace.requirements[3].status == .draft)
    }

    @Test func departmentRemovalRefusedWhileUsed() {
        var d = Driver()
        d.press(.char("D"))
        #expect(d.text.contains("部门"))
        d.press(.char("d"), .char("d"))
        #expect(d.text.contains("财务部 还有 2 条需求: 请先移走或删除"))
        #expect(d.state.workspace.departments.count == 2)
        d.press(.char("a"))
        d.type("质量部")
        d.press(.tab)
        d.type("周敏")
        d.press(.tab)
        d.press(.ctrl("u"))
        d.type("十")
        d.press(.ctrl("s"))
        #expect(d.text.contains("人数必须是 ≥ 0 的整数"))
        d.press(.backspace)
        d.type("25")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.departments.last == Department(id: "D03", name: "质量部", contact: "周敏", headCount: 25))
        d.press(.char("G"), .down, .down, .char("d"), .char("d"))
        #expect(d.state.workspace.departments.count == 2)
    }
}

@Suite struct CustomSurveyTests {
    @Test func aWorkspaceQuestionnaireReplacesTheDefault() {
        var ws = sampleWorkspace()
        ws.survey = [
            SurveyQuestion(number: 1, field: "function", en: "Which function?", zh: "需要什么功能?"),
            SurveyQuestion(number: 2, field: "priority", en: "Priority?", zh: ""),
            SurveyQuestion(number: 3, field: "site", en: "Which plant?", zh: "哪个工厂?"),
        ]
        var d = Driver(ws)
        d.press(.char("s"), .enter)
        #expect(d.text.contains("问题 1/3"))
        #expect(d.text.contains("需要什么功能?"))
        d.type("质检报告自动归档")
        d.press(.enter)
        #expect(d.text.contains("Priority?"))  // no Chinese text: the English one is shown
        d.type("必须")
        d.press(.enter)
        d.type("苏州厂")
        d.press(.enter)
        let r = d.state.workspace.requirements.last!
        #expect(r.title == "质检报告自动归档" && r.priority == .must)
        #expect(r.detail == "哪个工厂?: 苏州厂")  // a question of its own goes into the detail
    }
}

extension SurveyAndConsolidationTests {
    func pickerWorkspace(departments: Int = 0) -> Workspace {
        var ws = sampleWorkspace()
        ws.departments = [
            Department(id: "D01", name: "财务部", contact: "周敏", headCount: 18),
            Department(id: "D02", name: "生产部", contact: "孙建国", headCount: 412),
            Department(id: "D03", name: "人力资源部", contact: "Amy Wu", headCount: 12),
            Department(id: "D04", name: "IT", contact: "赵磊", headCount: 9),
        ]
        for i in 0..<departments { ws.departments.append(Department(id: "X\(i)", name: "分公司\(i)", contact: "联系人\(i)")) }
        return ws
    }

    /// The picker wrote "name  contact" with two spaces: with Chinese names of different lengths
    /// the contacts did not line up (user test pass). Columns now line up by display width.
    @Test func theDepartmentPickerLinesUpChineseNamesOfDifferentLengths() {
        var d = Driver(pickerWorkspace(), width: 80, height: 24)
        d.press(.char("s"), .down)
        #expect(
            Array(d.screen.lines.prefix(10)) == [
                " Bidbench · 华东精密 E…  [1 需求]  2 供应商   3 预算   4 合同   5 交付   已保存",
                " ┌─ 需求调研 ─────────────────────────────────────────────────────────────────┐",
                " │ 哪个部门?                                                                  │",
                " │   部门       联系人 人数 已有需求                                          │",
                " │   财务部     周敏     18        2                                          │",
                " │   生产部     孙建国  412        1                                          │",
                " │   人力资源部 Amy Wu   12        0                                          │",
                " │   IT         赵磊      9        0                                          │",
                " │                                                                            │",
                " │                                                                            │",
            ])
        // The second row is the pick, the whole row reversed.
        let y = 5
        #expect((5..<75).allSatisfy { d.screen[$0, y].style.reverse })
        #expect(!d.screen[4, y].style.reverse && !d.screen[75, y].style.reverse)
        #expect(!d.screen[5, y - 1].style.reverse)
    }

    /// More departments than rows: the list scrolls with the pick and says how many are hidden.
    @Test func aLongDepartmentListScrollsWithThePickAndSaysWhatIsHidden() {
        var d = Driver(pickerWorkspace(departments: 30), width: 80, height: 24)
        d.press(.char("s"))
        #expect(d.row(containing: "▼ 下方还有 18 个 (↓)") != nil)
        for _ in 0..<20 { d.press(.down) }
        #expect(d.row(containing: "▼ 下方还有 13 个 (↓) · ▲ 上方 5 个 (↑)") != nil)
        #expect(d.row(containing: "分公司16") != nil)
        #expect(d.row(containing: "财务部") == nil)
        d.press(.enter)
        #expect(d.text.contains("分公司16 · 2026-11-29 · 问题 1/8"))
    }
}
