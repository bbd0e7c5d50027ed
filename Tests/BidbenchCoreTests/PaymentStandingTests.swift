import Testing

@testable import BidbenchCore

/// Issue 16: one rule decides whether a milestone is blocked by its acceptance tests, and the
/// report's cash-flow section says so with why, the same words as screen 5.
@Suite struct PaymentStandingTests {
    static func workspace() -> Workspace {
        var w = Workspace()
        func day(_ s: String) -> Day { Day(iso: s)! }
        w.settings.name = "交付"
        w.vendors = [Vendor(id: "V1", name: "云帆软件")]
        w.contracts = [
            Contract(
                id: "C1", vendor: "V1", title: "ERP", file: "", signed: day("2026-12-20"), effective: day("2027-01-01"), termMonths: 36,
                value: Money(units: 1_000_000), status: "active"),
            Contract(id: "C2", vendor: "V1", title: "CRM", file: "", value: Money(units: 100_000), status: "review"),
        ]
        w.payments = [
            PaymentMilestone(contract: "C1", milestone: "签约款", percent: 30, due: day("2027-01-15"), condition: "合同签订", status: "paid"),
            PaymentMilestone(contract: "C1", milestone: "上线款", percent: 70, due: day("2027-06-30"), condition: "上线验收 A1"),
            // Under review: tied to a test no one has recorded, but nothing is measured before signing.
            PaymentMilestone(contract: "C2", milestone: "验收款", percent: 100, due: day("2027-06-30"), condition: "验收 A1"),
        ]
        w.requirements = [Requirement(id: "R01", department: "D1", module: "总账", title: "外币", priority: .must, weight: 5)]
        w.delivery.acceptance = [
            AcceptanceTest(contract: "C1", id: "A1.1", requirements: ["R01"], result: .fail),
            AcceptanceTest(contract: "C1", id: "A1.2", requirements: ["R01"]),
        ]
        return w
    }

    @Test func onlyContractsInDeliveryAreMeasuredAndTheStandingIsScreenFivesOwn() throws {
        let w = Self.workspace()
        let today = Day(iso: "2027-05-10")!
        let inst =
            try BudgetModel.installments(contract: "C1", value: Money(units: 1_000_000), milestones: w.payments)
            + BudgetModel.installments(contract: "C2", value: Money(units: 100_000), milestones: w.payments)
        let s = DeliveryStatus.paymentStandings(w, installments: inst, today: today)
        #expect(s.map(\.installment.milestone) == ["签约款", "上线款"])
        #expect(s.map(\.state) == [.paid, .blocked])
        #expect(s[1].reason == "A1.1 failed, A1.2 pending")
        #expect(DeliveryStatus.build(w, today: today)[0].blocked == [s[1]])
    }

    @Test func theReportsCashFlowSaysWhatIsBlockedAndWhy() {
        let w = Self.workspace()
        let md = Report.markdown(ReportRequest(workspace: w, today: Day(iso: "2027-05-10")!, language: .zh))
        #expect(md.contains("| 2027-06 | 800,000 | C1 上线款 (暂不可付：A1.1 未通过、A1.2 待测); C2 验收款 |"))
        let html = Report.html(ReportRequest(workspace: w, today: Day(iso: "2027-05-10")!, language: .en))
        #expect(html.contains("<td><span class=\"warn\">blocked: A1.1 failed, A1.2 pending</span></td>"))
        // Once both pass, the milestone is no longer marked.
        var passed = w
        for i in passed.delivery.acceptance.indices { passed.delivery.acceptance[i].result = .pass }
        let after = Report.markdown(ReportRequest(workspace: passed, today: Day(iso: "2027-05-10")!, language: .zh))
        #expect(!after.contains("暂不可付：A1.1"))
        #expect(after.contains("C1 上线款; C2 验收款 |"))
    }
}
