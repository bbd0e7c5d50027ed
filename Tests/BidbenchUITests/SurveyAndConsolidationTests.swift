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
        d.press(.char("d"))
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
        d.press(.char("G"), .down, .down, .char("d"))
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
