import Testing

@testable import BidbenchCore

@Suite("Risk register and change orders")
struct ContractRiskTests {
    private func day(_ s: String) -> Day { Day(iso: s)! }

    @Test("score = likelihood × impact, banded low / medium / high")
    func scores() {
        let r = Risk(id: "R1", type: .vendor, title: "vendor goes bankrupt", likelihood: 2, impact: 5)
        #expect(RiskRegister.score(r) == 10)
        #expect(RiskRegister.level(r) == .high)
        #expect([1, 4, 5, 9, 10, 25].map { RiskRegister.level(score: $0) } == [.low, .low, .medium, .medium, .high, .high])
    }

    @Test("heat map counts, closed risks left out")
    func heatMap() {
        let risks = [
            Risk(id: "R1", type: .technical, title: "a", likelihood: 3, impact: 4),
            Risk(id: "R2", type: .market, title: "b", likelihood: 3, impact: 4),
            Risk(id: "R3", type: .personnel, title: "c", likelihood: 1, impact: 5),
            Risk(id: "R4", type: .financial, title: "d", likelihood: 5, impact: 5, status: "closed"),
            Risk(id: "R5", type: .compliance, title: "e", likelihood: 9, impact: 0),  // clamped to 5, 1
        ]
        let map = RiskRegister.heatMap(risks)
        #expect(map[2][3] == 2)
        #expect(map[0][4] == 1)
        #expect(map[4][0] == 1)
        #expect(map[4][4] == 0)
        #expect(map.joined().reduce(0, +) == 4)
        #expect(RiskRegister.heatMap(risks, includeClosed: true)[4][4] == 1)
    }

    @Test("early-warning triggers")
    func triggers() {
        let contract = Contract(
            id: "C1", vendor: "V1", title: "ERP", file: "", signed: day("2026-12-20"), effective: day("2027-01-01"), termMonths: 12,
            autoRenew: true, renewalMonths: 12, noticeDays: 30, status: "active")
        let milestones = [
            PaymentMilestone(contract: "C1", milestone: "初验", percent: 40, due: day("2027-11-01")),
            PaymentMilestone(contract: "C1", milestone: "预付款", percent: 30, due: day("2027-01-15"), status: "paid"),
            PaymentMilestone(contract: "C1", milestone: "终验", percent: 30, due: day("2027-11-20")),
        ]
        let risks = [
            Risk(id: "R1", type: .vendor, title: "late milestone", likelihood: 3, impact: 3, trigger: "milestone_overdue", threshold: "14"),
            Risk(id: "R2", type: .vendor, title: "renewal trap", likelihood: 3, impact: 3, trigger: "notice_within", threshold: "10"),
            Risk(id: "R3", type: .financial, title: "budget", likelihood: 3, impact: 3, trigger: "budget_used", threshold: "90%"),
            Risk(
                id: "R4", type: .financial, title: "budget closed", likelihood: 3, impact: 3, trigger: "budget_used", threshold: "0.5",
                status: "closed"),
            Risk(id: "R5", type: .technical, title: "free text", likelihood: 1, impact: 1, trigger: "vendor staff leave", threshold: ""),
        ]
        func row(_ year: Int, _ center: String, _ envelope: Int64?, _ committed: Int64, _ proposed: Int64, _ st: ControlStatus)
            -> ControlRow
        {
            ControlRow(
                fiscalYear: year, costCenter: center, category: nil, envelope: envelope.map { Money(units: $0) },
                committed: Money(units: committed), proposed: Money(units: proposed), status: st)
        }
        // Rows of the budget control: a past year (not watched), 92 % of 2027 信息部, 80 % of 2028 信息部
        // (below), and unbudgeted money of 2028 生产部.
        let control = BudgetControl(
            proposedVendor: nil, proposalCoveredBy: nil, charges: [],
            rows: [
                row(2026, "信息部", 100, 100, 0, .warn), row(2027, "信息部", 100_000, 60_000, 32_000, .warn),
                row(2028, "信息部", 100_000, 0, 80_000, .ok), row(2028, "生产部", nil, 0, 5_000, .unbudgeted),
            ], warn: ExactRatio(numerator: 9, denominator: 10)!, stop: .one)
        let alerts = RiskRegister.alerts(
            risks: risks, contracts: [contract], milestones: milestones, budget: control,
            today: day("2027-11-25"))
        #expect(
            alerts == [
                RiskAlert(
                    risk: "R1", trigger: "milestone_overdue", message: "C1 milestone 初验 is 24 days overdue (due 2027-11-01)",
                    messageZH: "C1 付款节点 初验 已逾期 24 天 (应于 2027-11-01 支付)"),
                RiskAlert(
                    risk: "R2", trigger: "notice_within", message: "C1 non-renewal notice due in 7 days (2027-12-02)",
                    messageZH: "C1 不续约通知期限还剩 7 天 (2027-12-02)"),
                RiskAlert(
                    risk: "R3", trigger: "budget_used",
                    message: "2027 信息部: budget 92% used (committed 60,000 + proposed 32,000 of 100,000; threshold 90%)",
                    messageZH: "2027 信息部: 预算已使用 92% (已承诺 60,000 + 拟采购 32,000, 预算 100,000; 阈值 90%)"),
                RiskAlert(
                    risk: "R3", trigger: "budget_used",
                    message: "2028 生产部: 5,000 with no budget envelope (committed 0 + proposed 5,000); unbudgeted",
                    messageZH: "2028 生产部: 5,000 没有预算 (已承诺 0 + 拟采购 5,000); 未列入预算"),
            ])
        // A contract not signed yet (in review, no signing date) owes nothing: no milestone is overdue.
        var unsigned = contract
        unsigned.signed = nil
        unsigned.status = "review"
        #expect(
            RiskRegister.alerts(risks: [risks[0]], contracts: [unsigned], milestones: milestones, budget: nil, today: day("2027-11-25"))
                .isEmpty)
        // A cost_center column narrows the trigger to that cost centre.
        var narrow = risks[2]
        narrow.extra["cost_center"] = "信息部"
        #expect(
            RiskRegister.alerts(risks: [narrow], contracts: [], milestones: [], budget: control, today: day("2027-11-25")).map(\.message)
                == [
                    "2027 信息部: budget 92% used (committed 60,000 + proposed 32,000 of 100,000; threshold 90%)"
                ])
        // 终验 is only 5 days late (< 14); below the budget threshold nothing fires.
        #expect(
            RiskRegister.alerts(
                risks: risks, contracts: [contract], milestones: milestones,
                budget: BudgetControl(
                    proposedVendor: nil, proposalCoveredBy: nil, charges: [], rows: [row(2027, "信息部", 100_000, 0, 80_000, .ok)],
                    warn: ExactRatio(numerator: 9, denominator: 10)!, stop: .one),
                today: day("2027-11-01")
            ).isEmpty)
    }

    @Test("change orders: only approved deltas change the value; history in date order")
    func changes() {
        let c = Contract(id: "C1", vendor: "V1", title: "ERP", file: "", value: Money(units: 1_280_000))
        let changes = [
            ChangeOrder(
                contract: "C1", id: "CO2", date: day("2027-05-10"), description: "报表模块", priceDelta: Money(units: 60_000),
                status: "approved"),
            ChangeOrder(
                contract: "C1", id: "CO1", date: day("2027-03-02"), description: "少培训两天", priceDelta: Money(minor: -1_200_050),
                status: "已批准"),
            ChangeOrder(contract: "C1", id: "CO3", date: nil, description: "移动端", priceDelta: Money(units: 90_000)),
            ChangeOrder(
                contract: "C1", id: "CO4", date: day("2027-06-01"), description: "rejected", priceDelta: Money(units: 5), status: "rejected"
            ),
            ChangeOrder(
                contract: "C2", id: "CO1", date: day("2027-01-01"), description: "other", priceDelta: Money(units: 7), status: "approved"),
        ]
        // 1 280 000.00 − 12 000.50 + 60 000.00 = 1 327 999.50
        #expect(ChangeOrders.currentValue(of: c, changes: changes) == Money(minor: 132_799_950))
        let h = ChangeOrders.history(of: c, changes: changes)
        #expect(h.map(\.change.id) == ["CO1", "CO2", "CO4", "CO3"])
        #expect(h.map(\.applied) == [true, true, false, false])
        #expect(h.map(\.valueAfter.minor) == [126_799_950, 132_799_950, 132_799_950, 132_799_950])
    }
}
