import BidbenchCore
import Testing

@testable import BidbenchUI

/// Issue 16, item 5: user satisfaction in the vendor review is "a short survey of the
/// departments, scored 1–5": each department's score is recorded and their mean is the review's
/// satisfaction; the scorecard says how many departments answered.
@Suite struct ReviewSurveyTests {
    static func driver(_ ws: Workspace = deliveryWorkspace()) -> Driver {
        var d = Driver(ws, lang: .zh, width: 120, height: 34)
        d.state.today = Day(iso: "2027-05-10")!
        d.press(.char("5"))
        return d
    }

    static func form(_ d: Driver) -> Form? {
        if case .form(let f)? = d.state.modal { return f }
        return nil
    }

    @Test func theDepartmentsScoresAreAveragedIntoTheReviewsSatisfaction() {
        var d = Self.driver()
        let departments = d.state.workspace.departments
        #expect(departments.count >= 2)
        d.press(.char("R"))
        let keys = Self.form(d)?.fields.map(\.key) ?? []
        #expect(keys.filter { $0.hasPrefix(ReviewForm.departmentKey) } == departments.map { ReviewForm.departmentKey + $0.id })
        // Satisfaction left empty; the first department 3, the second 4.
        d.press(.tab)
        d.type("3")
        d.press(.tab)
        d.type("4")
        d.press(.ctrl("s"))
        #expect(d.state.modal == nil)
        let saved = d.state.workspace.delivery.vendorReviews.last!
        #expect(saved.period == "2027-Q2" && saved.satisfaction == 3.5)
        #expect(
            d.state.workspace.delivery.satisfaction == [
                DepartmentSatisfaction(vendor: "V1", period: "2027-Q2", department: departments[0].id, score: 3),
                DepartmentSatisfaction(vendor: "V1", period: "2027-Q2", department: departments[1].id, score: 4),
            ])
        // 0.25·66.7 + 0.2·50 + 0.25·0 (both tickets late) + 0.1·66.7 + 0.2·62.5 = 16.675 + 10 + 0 + 6.67 + 12.5 = 45.845 → 45.8
        #expect(d.state.message == "已记录 V1 2027-Q2 考评: 得分 45.8 (满意度 3.5, 2 个部门的平均)")
        // The reviews line wraps in the pane: its two parts.
        #expect(d.text.contains("考评: 2027-04 63.6 → 2027-Q2 45.8 ▼17.8 (满意度"))
        #expect(d.text.contains("3.5, 2 个部门的平均)"))
    }

    @Test func aScoreOutOfRangeIsRefusedOnItsDepartmentsField() {
        var d = Self.driver()
        d.press(.char("R"), .tab)
        d.type("6")
        d.press(.ctrl("s"))
        let f = Self.form(d)
        #expect(f?.error == "满意度 · 财务部: 请输入 1–5 之间的分数, 而不是 “6”")
        #expect(f.map { $0.fields[$0.focus].key } == ReviewForm.departmentKey + d.state.workspace.departments[0].id)
        #expect(d.state.workspace.delivery.satisfaction.isEmpty)
    }

    @Test func aReviewWithOnlyASatisfactionNumberStaysValidAndNamesNoDepartments() {
        var d = Self.driver()
        d.press(.char("R"))
        d.type("4")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.delivery.vendorReviews.last?.satisfaction == 4)
        #expect(d.state.workspace.delivery.satisfaction.isEmpty)
        // It says the figure was entered, and names no department.
        #expect(d.text.contains("(满意度 4, 直接录入)"))
        #expect(!d.text.contains("个部门"))
    }
}
