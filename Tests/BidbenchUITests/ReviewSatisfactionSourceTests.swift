import BidbenchCore
import Testing

@testable import BidbenchUI

/// A vendor review's satisfaction: a number typed in the form is the reviewer's figure and counts;
/// left empty, the departments' mean is the figure. Nothing typed is dropped: where both exist and
/// differ, the form's message, screen 5, the full report (Markdown and HTML) and the delivery handout
/// all show both, and each says where the figure came from.
@Suite struct ReviewSatisfactionSourceTests {
    /// What is typed into the review form: the satisfaction field, then the first two departments.
    struct Path: Sendable, CustomStringConvertible {
        var name: String
        var typed: String
        var departments: [String]
        /// The review's satisfaction once saved, and its departments' answers.
        var saved: Double
        var answers: [Double]
        /// The words after the satisfaction, in Chinese.
        var source: String
        /// The score: 0.25·66.7 + 0.2·50 + 0.25·0 + 0.1·66.7 + 0.2·(sat − 1)/4·100.
        var score: String
        var description: String { name }
    }

    static let paths = [
        // 16.675 + 10 + 0 + 6.67 + 15 = 48.345 → 48.3
        Path(name: "typed only", typed: "4", departments: ["", ""], saved: 4, answers: [], source: "直接录入", score: "48.3"),
        // 16.675 + 10 + 0 + 6.67 + 12.5 = 45.845 → 45.8
        Path(name: "survey only", typed: "", departments: ["3", "4"], saved: 3.5, answers: [3, 4], source: "2 个部门的平均", score: "45.8"),
        // The typed 4 wins over the departments' 3.5, and both are said.
        Path(name: "both", typed: "4", departments: ["3", "4"], saved: 4, answers: [3, 4], source: "直接录入；2 个部门平均 3.5", score: "48.3"),
    ]

    static func driver(_ lang: Lang = .zh) -> Driver {
        var d = Driver(deliveryWorkspace(), lang: lang, width: 200, height: 40)
        d.state.today = Day(iso: "2027-05-10")!
        d.press(.char("5"))
        return d
    }

    static func fill(_ d: inout Driver, typed: String, departments: [String]) {
        d.press(.char("R"))
        d.type(typed)
        for score in departments {
            d.press(.tab)
            d.type(score)
        }
        d.press(.ctrl("s"))
    }

    /// The form open on screen, recorded as an issue when there is none.
    static func openForm(_ d: Driver, _ missing: Comment) -> Form? {
        guard case .form(let f)? = d.state.modal else {
            Issue.record(missing)
            return nil
        }
        return f
    }

    @Test(arguments: paths)
    func theFormScreenReportAndHandoutAgreeOnTheFigureAndWhereItCameFrom(path: Path) {
        var d = Self.driver()
        let departments = d.state.workspace.departments.map(\.id)
        Self.fill(&d, typed: path.typed, departments: path.departments)
        #expect(d.state.modal == nil)
        let saved = d.state.workspace.delivery.vendorReviews.last!
        #expect(saved.period == "2027-Q2" && saved.satisfaction == path.saved)
        #expect(
            d.state.workspace.delivery.satisfaction
                == path.answers.enumerated().map {
                    DepartmentSatisfaction(vendor: "V1", period: "2027-Q2", department: departments[$0.offset], score: $0.element)
                })
        let sat = NumberText.upTo(path.saved, 2)
        #expect(d.state.message == "已记录 V1 2027-Q2 考评: 得分 \(path.score) (满意度 \(sat), \(path.source))")
        #expect(d.text.contains("考评: 2027-04 63.6 → 2027-Q2 \(path.score) ▼"))
        #expect(d.text.contains(" (满意度 \(sat), \(path.source))"))
        let report = ReportRequest(workspace: d.state.workspace, today: d.state.today, language: .zh)
        #expect(Report.markdown(report).contains("| 2027-Q2 | \(path.score) | 66.7% | 50% | 0% | 66.7% | \(sat)（\(path.source)） |"))
        #expect(Report.html(report).contains("<td class=\"num\">\(sat)（\(path.source)）</td>"))
        let handout = Handout.markdown(HandoutRequest(report: report, kind: .delivery, generated: "2027-05-10 09:00 UTC"))
        #expect(handout.contains("满意度 \(sat)/5（\(path.source)）"))
    }

    @Test func theEnglishWordsSayBothFiguresToo() {
        var d = Self.driver(.en)
        Self.fill(&d, typed: "4", departments: ["3", "4"])
        let both = "entered; departments' mean 3.5 from 2 departments"
        #expect(d.state.message == "Recorded the 2027-Q2 review of V1: score 48.3 (satisfaction 4, \(both))")
        #expect(d.text.contains(" (satisfaction 4, \(both))"))
        let report = ReportRequest(workspace: d.state.workspace, today: d.state.today, language: .en)
        #expect(Report.markdown(report).contains(" | 4 (\(both)) |"))
        let handout = Handout.markdown(HandoutRequest(report: report, kind: .delivery, generated: "2027-05-10 09:00 UTC"))
        #expect(handout.contains("satisfaction 4/5 (\(both))"))
    }

    @Test func reopeningTheFormOffersTheTypedFigureSoASecondSaveKeepsIt() {
        var d = Self.driver()
        Self.fill(&d, typed: "4", departments: ["3", "4"])
        d.press(.char("R"))
        guard let f = Self.openForm(d, "no review form") else { return }
        #expect(f.value("satisfaction") == "4")
        #expect(f.fields[f.focus].label == "满意度 1–5 (留空取平均)")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.delivery.vendorReviews.last?.satisfaction == 4)
        // A review whose figure is the departments' mean offers an empty field: the mean follows the answers.
        var s = Self.driver()
        Self.fill(&s, typed: "", departments: ["3", "4"])
        s.press(.char("R"))
        guard let g = Self.openForm(s, "no review form") else { return }
        #expect(g.value("satisfaction") == "")
    }

    @Test func neitherAFigureNorAnAnswerIsRefusedAndSaysWhatToEnter() {
        var d = Self.driver()
        Self.fill(&d, typed: "", departments: ["", ""])
        guard let f = Self.openForm(d, "the form closed") else { return }
        #expect(f.error == "满意度 1–5: 请填写满意度 1–5, 或各部门的评分")
        #expect(f.fields[f.focus].key == "satisfaction")
        #expect(d.state.workspace.delivery.vendorReviews.count == 1)
    }

    /// A review written in the files (an import, a hand edit) follows the same rule: its
    /// `satisfaction` cell counts, and a survey whose mean differs is shown beside it.
    @Test func theRuleReadsTheFilesAsTheyAre() {
        func entry(_ satisfaction: Double, _ scores: [Double]) -> ReviewEntry {
            let review = VendorReview(
                vendor: "V1", period: "2027-Q2", onTimePct: 100, acceptanceFirstPassPct: 100, slaPct: 100, trainingPassPct: 100,
                satisfaction: satisfaction)
            let survey = scores.enumerated().map {
                DepartmentSatisfaction(vendor: "V1", period: "2027-Q2", department: "D\($0.offset)", score: $0.element)
            }
            return VendorScorecard.history(of: "V1", [review], survey: survey)[0]
        }
        #expect(entry(4, []).satisfactionSource == .entered)
        #expect(entry(3.5, [3, 4]).satisfactionSource == .survey(departments: 2))
        // (3 + 4 + 4) / 3 = 3.67 → 3.7, the mean kept to one decimal.
        #expect(entry(3.7, [3, 4, 4]).satisfactionSource == .survey(departments: 3))
        #expect(entry(4, [3, 4]).satisfactionSource == .enteredOverSurvey(mean: 3.5, departments: 2))
        #expect(entry(4, [3]).satisfactionSource.words(chinese: false) == "entered; departments' mean 3 from 1 department")
        #expect(entry(3, [3]).satisfactionSource.words(chinese: false) == "mean of 1 department")
        #expect(entry(4, [3, 4]).departmentsMean == 3.5 && entry(4, []).departmentsMean == nil)
    }
}
