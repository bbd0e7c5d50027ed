import Testing

@testable import BidbenchCore

/// The budget control: commitments and the open proposal against envelopes per fiscal year and
/// cost centre, with every figure worked out by hand.
@Suite("Budget control")
struct BudgetControlTests {
    private func money(_ s: String) -> Money { Money(parsing: s)! }
    private func day(_ s: String) -> Day { Day(iso: s)! }

    /// Two vendors, one signed contract, three envelopes (信息部 2027–2028, 生产部 2027).
    func workspace() -> Workspace {
        var ws = Workspace()
        ws.settings.firstYear = 2027
        ws.settings.horizonYears = 3
        ws.settings.users = 10
        ws.prices = [
            PriceLine(vendor: "V1", item: "许可", category: .license, model: .one_time, unitPrice: money("100000")),
            PriceLine(vendor: "V1", item: "运维", category: .maintenance, model: .annual, unitPrice: money("10000")),
            PriceLine(vendor: "V2", item: "订阅", category: .subscription, model: .annual, unitPrice: money("50000")),
        ]
        ws.budget = [
            BudgetEnvelope(fiscalYear: 2027, costCenter: "信息部", category: "", amount: money("150000")),
            BudgetEnvelope(fiscalYear: 2028, costCenter: "信息部", category: "", amount: money("20000")),
            BudgetEnvelope(fiscalYear: 2027, costCenter: "生产部", category: "", amount: money("500000")),
        ]
        ws.settings.extra["default_cost_center"] = "\"信息部\""
        return ws
    }

    private func scenario(_ ws: Workspace) -> Scenario { try! Scenario(settings: ws.settings) }

    @Test("issue 14: a second cost centre's envelope does not charge the proposal twice")
    func noDoubleCounting() throws {
        let ws = workspace()
        let c = try BudgetModel.control(ws, proposedVendor: "V1", scenario: scenario(ws))
        // V1: 2027 100 000 + 10 000, 2028 10 000, 2029 10 000, all to 信息部 (the default).
        #expect(
            c.rows.map { "\($0.fiscalYear) \($0.costCenter) \($0.used) \($0.status)" } == [
                "2027 信息部 110000 ok", "2027 生产部 0 ok", "2028 信息部 10000 ok", "2029 信息部 10000 unbudgeted",
            ])
        #expect(c.charges.reduce(Money.zero) { $0 + $1.amount } == money("130000"))
    }

    @Test("a split line: shares to the fen, the last share absorbs the rounding")
    func split() throws {
        var ws = workspace()
        ws.prices[0].extra["cost_center"] = "信息部:33.33; 生产部：66.67%"
        let c = try BudgetModel.control(ws, proposedVendor: "V1", scenario: scenario(ws))
        let licence = c.charges.filter { $0.source == .proposal(vendor: "V1", item: "许可") }
        // 100 000 × 33.33 % = 33 330.00; the rest 66 670.00.
        #expect(licence.map(\.costCenter) == ["信息部", "生产部"])
        #expect(licence.map(\.amount) == [money("33330"), money("66670")])
        let y2027 = c.rows(year: 2027)
        #expect(y2027.map(\.used) == [money("43330"), money("66670")])
        #expect(
            try CostCenters.allocate(money("0.01"), over: CostCenters.parse("A:50;B:50", fallback: "", what: "x"), what: "x").map(\.amount)
                == [
                    money("0.01"), money("0"),
                ])
    }

    @Test("bad cost_center cells name the line")
    func badSplit() {
        #expect(throws: BudgetError("prices.csv V1 许可: cost_center shares sum to 90 %, not 100 %")) {
            try CostCenters.parse("信息部:40; 生产部:50", fallback: "", what: "prices.csv V1 许可")
        }
        #expect(throws: BudgetError("x: cost_center part '信息部 40' is not NAME:PERCENT (e.g. 信息部:60; 生产部:40)")) {
            try CostCenters.parse("信息部 40; 生产部:60", fallback: "", what: "x")
        }
    }

    @Test("without a default and with two cost centres the cost is unassigned, hence unbudgeted")
    func unassigned() throws {
        var ws = workspace()
        ws.settings.extra = [:]
        let c = try BudgetModel.control(ws, proposedVendor: "V2", scenario: scenario(ws))
        #expect(
            c.rows.filter { $0.costCenter.isEmpty }.map { "\($0.fiscalYear) \($0.used) \($0.status)" } == [
                "2027 50000 unbudgeted", "2028 50000 unbudgeted", "2029 50000 unbudgeted",
            ])
        // One cost centre in budget.csv: it is the default.
        ws.budget.removeLast()
        #expect(CostCenters.defaultCenter(ws) == "信息部")
    }

    @Test("committed milestones by fiscal year, approved change orders counted once, the proposal not again")
    func commitments() throws {
        var ws = workspace()
        ws.settings.fiscalYearStart = "04-01"
        ws.contracts = [
            Contract(
                id: "C1", vendor: "V1", title: "ERP", file: "", signed: day("2027-01-10"), effective: day("2027-02-01"), termMonths: 24,
                value: money("100000"), status: "signed"),
            Contract(id: "C2", vendor: "V2", title: "CRM", file: "", effective: day("2027-05-01"), value: money("30000"), status: "review"),
        ]
        ws.payments = [
            PaymentMilestone(contract: "C1", milestone: "签约", percent: 30, due: day("2027-03-31")),
            PaymentMilestone(contract: "C1", milestone: "上线", percent: 70, due: day("2027-04-01")),
        ]
        ws.changes = [
            ChangeOrder(
                contract: "C1", id: "CO1", date: day("2027-03-01"), description: "移动端", priceDelta: money("20000"), status: "approved"),
            ChangeOrder(contract: "C1", id: "CO2", date: day("2027-03-02"), description: "BI", priceDelta: money("5000")),
        ]
        let c = try BudgetModel.control(ws, proposedVendor: "V1", scenario: scenario(ws))
        #expect(c.proposalCoveredBy == "C1")
        // Value 120 000 after CO1: 36 000 due 2027-03-31 (fiscal 2026), 84 000 due 2027-04-01 (fiscal 2027).
        #expect(
            c.charges.map { "\($0.fiscalYear!) \($0.committed ? "C" : "P") \($0.amount)" } == [
                "2026 C 36000", "2027 C 84000", "2027 P 30000",
            ])
        let row = c.rows.first { $0.fiscalYear == 2027 && $0.costCenter == "信息部" }!
        #expect(row.committed == money("84000") && row.proposed == money("30000") && row.envelope == money("150000"))
        #expect(row.status == .ok)
        #expect(c.rows.first { $0.fiscalYear == 2026 }!.status == .unbudgeted)
    }

    @Test("stop refuses an approval that would exceed the envelope, with the numbers")
    func stopApproval() throws {
        var ws = workspace()
        ws.contracts = [
            Contract(id: "C1", vendor: "V1", title: "ERP", file: "", effective: day("2027-02-01"), value: money("140000"), status: "active")
        ]
        let small = ChangeOrder(contract: "C1", id: "CO1", date: day("2027-03-01"), description: "a", priceDelta: money("10000"))
        #expect(BudgetModel.checkApproval(of: small, in: ws, scenario: scenario(ws)) == nil)
        let big = ChangeOrder(contract: "C1", id: "CO1", date: day("2027-03-01"), description: "a", priceDelta: money("10000.01"))
        let refusal = try #require(BudgetModel.checkApproval(of: big, in: ws, scenario: scenario(ws)))
        #expect(
            refusal.message
                == "approving change order CO1 would exceed a stop envelope: 2027 信息部: committed 150,000.01 + proposed 0 = 150,000.01 of 150,000 (100.0 %)"
        )
        #expect(refusal.text(chinese: true).hasPrefix("批准变更单 CO1 将超出预算上限: 2027 信息部: 已承诺 150,000.01 + 拟采购 0 = 150,000.01, 预算 150,000"))
        // Awarding V2 adds 50 000 to 2027 and 2028 on top of C1: 2027 is over.
        let award = try #require(try BudgetModel.checkAward(of: "V2", in: ws, scenario: scenario(ws)))
        #expect(
            award.message
                == "awarding V2 would exceed a stop envelope: 2027 信息部: committed 190,000 + proposed 0 = 190,000 of 150,000 (126.7 %); "
                + "2028 信息部: committed 50,000 + proposed 0 = 50,000 of 20,000 (250.0 %)")
        // Once awarded (awarded_vendor in workspace.json), its proposal is committed.
        var awarded = ws
        awarded.settings.extra["awarded_vendor"] = "\"V2\""
        let c = try BudgetModel.control(awarded, proposedVendor: "V2", scenario: scenario(ws))
        #expect(
            c.rows.map { "\($0.fiscalYear) \($0.committed) \($0.proposed)" } == [
                "2027 190000 0", "2027 0 0", "2028 50000 0", "2029 50000 0",
            ])
    }

    @Test("warn at 90 % exactly, stop only above 100 %, category envelopes count their category")
    func thresholds() throws {
        var ws = workspace()
        ws.budget = [
            BudgetEnvelope(fiscalYear: 2027, costCenter: "信息部", category: "", amount: money("122222.23")),
            BudgetEnvelope(fiscalYear: 2028, costCenter: "信息部", category: "", amount: money("10000")),
            BudgetEnvelope(fiscalYear: 2027, costCenter: "信息部", category: "license", amount: money("99999.99")),
        ]
        let c = try BudgetModel.control(ws, proposedVendor: "V1", scenario: scenario(ws))
        // 110 000 / 122 222.23 = 89.99999 % → ok; 10 000 / 10 000 → warn, not stop; licence 100 000 > 99 999.99 → stop.
        #expect(c.rows.map(\.status) == [.ok, .stop, .warn, .unbudgeted])
        #expect(c.rows[1].category == .license && c.rows[1].used == money("100000"))
    }
}
