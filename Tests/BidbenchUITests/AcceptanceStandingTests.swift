import BidbenchCore
import Testing

@testable import BidbenchUI

/// Issue 16, item 2: what acceptance decided shows outside screen 5 too — a requirement's row on
/// screen 1 says whether it has been accepted, and the budget's cash flow marks the milestones
/// that tests still block, with why, by the same rule as screen 5.
@Suite struct AcceptanceStandingTests {
    static func driver(_ lang: Lang = .zh, width: Int = 120, height: Int = 34) -> Driver {
        var d = Driver(deliveryWorkspace(), lang: lang, width: width, height: height)
        d.state.today = Day(iso: "2027-05-10")!
        return d
    }

    @Test func aRequirementsRowShowsWhetherItHasBeenAccepted() {
        let d = Self.driver()
        // R01's only test passed, R02's failed, R03's has not run: ✔, ✗, … in the last column.
        #expect(d.row(containing: "R01")?.hasSuffix("已确认    ✔") == true)
        #expect(d.row(containing: "R02")?.hasSuffix("已确认    ✗") == true)
        #expect(d.row(containing: "R03")?.hasSuffix("草稿      …") == true)
        #expect(d.row(containing: " ID ")?.hasSuffix("状态      验收") == true)
        // The detail pane of the selected requirement names its tests and their results.
        #expect(d.text.contains("验收结果: ✔ 已验收 — C1 A1.1 通过 2027-04-28"))
    }

    @Test func theDetailPaneSaysWhichTestFailedAndWhichIsPending() {
        var d = Self.driver(.en)
        d.press(.down)
        #expect(d.text.contains("Accepted: ✗ a test failed — C1 A1.2 failed 2027-05-06"))
        d.press(.down)
        #expect(d.text.contains("Accepted: … tests still to run — C1 A2.1 pending"))
        // A requirement no test names has no acceptance line and a blank mark.
        d.state.workspace.delivery.acceptance.removeAll { $0.requirements == ["R03"] }
        #expect(!d.text.contains("Accepted:"))
        #expect(d.row(containing: "R03")?.hasSuffix("draft") == true)
    }

    @Test func theCashFlowMarksTheMilestonesTestsBlockWithWhy() {
        var d = Self.driver()
        d.press(.char("3"), .char("c"))
        #expect(d.text.contains("✗ C1 暂不可付: 上线款 1,116,000 — A1.2 未通过"))
        #expect(d.text.contains("✗ C1 暂不可付: 终验款 186,000 — A2.1 待测"))
        // The same standing as screen 5: once the failed test passes, the go-live payment is free.
        d.state.workspace.delivery.acceptance[1].result = .pass
        d.press(.char("c"), .char("c"), .char("c"))
        #expect(!d.text.contains("暂不可付: 上线款"))
        #expect(d.text.contains("✗ C1 暂不可付: 终验款 186,000 — A2.1 待测"))
        d.press(.char("5"))
        #expect(d.text.contains("可支付: 上线款 1,116,000"))
        #expect(d.text.contains("暂不可付: 终验款 186,000 — A2.1 待测"))
    }

    @Test func aContractNotInDeliveryIsNeverMarkedBlocked() {
        var d = Self.driver(.en)
        d.state.workspace.contracts[0].status = "review"
        d.state.workspace.delivery = DeliveryRecords()
        d.press(.char("3"), .char("c"))
        #expect(d.text.contains("Cash flow by month"))
        #expect(!d.text.contains("blocked"))
    }
}
