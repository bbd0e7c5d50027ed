import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// `review_satisfaction.csv`: the departments' answers to a vendor review's survey, saved and
/// checked like every delivery table; a workspace without the file loads as before.
@Suite struct ReviewSatisfactionStoreTests {
    @Test func theSurveyIsSavedSortedAndReadBack() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var w = loaded.workspace
        #expect(w.delivery.satisfaction.isEmpty)
        w.delivery.satisfaction = [
            DepartmentSatisfaction(vendor: "V1", period: "2027-Q2", department: "D2", score: 4),
            DepartmentSatisfaction(vendor: "V1", period: "2027-Q1", department: "D1", score: 3.5, note: "报表慢"),
        ]
        _ = try WorkspaceStore.save(w, over: loaded, actor: "t")
        #expect(
            dir.text("review_satisfaction.csv")
                == "vendor,period,department,score,note\nV1,2027-Q1,D1,3.5,报表慢\nV1,2027-Q2,D2,4,\n")
        let back = try WorkspaceStore.load(folder: dir.path)
        #expect(back.problems.isEmpty)
        #expect(back.workspace.delivery.satisfaction.map(\.score) == [3.5, 4])
    }

    @Test func aScoreOutOfRangeAnUnknownVendorAndATwiceAnsweredDepartmentAreNamed() throws {
        let dir = Fixture.folder()
        dir.write(
            "review_satisfaction.csv",
            "vendor,period,department,score,note\nV1,2027-Q2,D1,6,\nV9,2027-Q2,D1,3,\nV1,2027-Q2,D1,4,\nV1,2027-Q2,D7,4,\n")
        let l = try WorkspaceStore.load(folder: dir.path)
        #expect(
            l.problems.map(\.description) == [
                "review_satisfaction.csv:2: score: 6 is outside 1–5",
                "review_satisfaction.csv:3: vendor: \"V9\" is not a vendor id in vendors.csv",
                "review_satisfaction.csv:4: department: duplicate vendor, period, department triple \"V1, 2027-Q2, D1\" (first on line 2)",
                "review_satisfaction.csv:5: department: \"D7\" is not a department id in departments.csv",
            ])
        #expect(l.readOnly)
    }
}
