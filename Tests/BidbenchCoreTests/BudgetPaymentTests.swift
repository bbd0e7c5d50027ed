import Testing

@testable import BidbenchCore

private func money(_ text: String) -> Money { Money(parsing: text)! }
private func pct(_ text: String) -> ExactRatio { ExactRatio(parsing: text, allowFraction: true)! }

@Suite("Budget milestones and cash flow")
struct BudgetMilestoneTests {
    @Test("100 000.01 in 33.33 / 33.33 / 33.34 % sums exactly")
    func awkwardSplit() throws {
        let parts = try BudgetModel.split(money("100000.01"), percents: [pct("33.33"), pct("33.33"), pct("33.34")], contract: "C1")
        // 10000001 × 0.3333 = 3333000.3333 → 3333000; last = 10000001 − 6666000
        #expect(parts == [Money(minor: 3_333_000), Money(minor: 3_333_000), Money(minor: 3_334_001)])
        #expect(parts.reduce(Money.zero, +) == money("100000.01"))
    }

    @Test("thirds as exact fractions: 100/3 % each, the last absorbs rounding")
    func thirds() throws {
        let third = pct("100/3")
        let parts = try BudgetModel.split(money("100000.01"), percents: [third, third, third], contract: "C1")
        // 10000001 / 3 = 3333333.67 → 3333334, twice; last = 3333333
        #expect(parts == [Money(minor: 3_333_334), Money(minor: 3_333_334), Money(minor: 3_333_333)])
    }

    @Test("half-up at exactly half a minor unit; negative values round away from zero")
    func halfUp() throws {
        #expect(
            try BudgetModel.split(Money(minor: 5), percents: [pct("50"), pct("50")], contract: "C") == [Money(minor: 3), Money(minor: 2)])
        #expect(
            try BudgetModel.split(Money(minor: -5), percents: [pct("50"), pct("50")], contract: "C") == [
                Money(minor: -3), Money(minor: -2),
            ])
        // 30 % of 0.05 = 0.015 → 0.02; 70 % absorbs: 0.03
        #expect(
            try BudgetModel.split(Money(minor: 5), percents: [pct("30"), pct("70")], contract: "C") == [Money(minor: 2), Money(minor: 3)])
    }

    @Test("a paid milestone keeps what it was when due; a later change order's share of it comes with the next payment")
    func paidMilestonesKeepTheirAmount() throws {
        let day = { (s: String) in Day(iso: s)! }
        let c1 = Contract(id: "C1", vendor: "V1", title: "ERP", file: "", value: money("1860000"), status: "active")
        let milestones = [
            PaymentMilestone(contract: "C1", milestone: "签约款", percent: 30, due: day("2027-01-15"), status: "paid"),
            PaymentMilestone(contract: "C1", milestone: "上线款", percent: 60, due: day("2027-06-30")),
            PaymentMilestone(contract: "C1", milestone: "终验款", percent: 10, due: day("2027-09-30")),
        ]
        // The demo: CO1 (+80 000) approved on 2027-03-10, after the signing payment of 30 % × 1 860 000.
        var co1 = ChangeOrder(contract: "C1", id: "CO1", date: day("2027-03-10"), description: "BI", priceDelta: money("80000"))
        co1.status = "approved"
        let proposed = ChangeOrder(contract: "C1", id: "CO2", date: day("2027-04-01"), description: "x", priceDelta: money("45000"))
        var installments = try BudgetModel.installments(contract: c1, changes: [co1, proposed], milestones: milestones)
        // 558 000 paid; the next payment 60 % × 1 940 000 = 1 164 000 plus 30 % × 80 000 = 24 000; 10 % × 1 940 000.
        #expect(installments.map(\.amount) == [money("558000"), money("1188000"), money("194000")])
        #expect(installments.reduce(Money.zero) { $0 + $1.amount } == money("1940000"))
        // What the next payment carries is said with its name (a helper's pass: 60 % showed 1,188,000).
        #expect(installments.map(\.carried) == [.zero, money("24000"), .zero])
        #expect(installments[1].milestoneText(chinese: true) == "上线款 (含已付节点的变更份额 24,000)")
        #expect(installments[1].milestoneText(chinese: false) == "上线款 (incl. 24,000: the paid milestones' share of later change orders)")
        #expect(installments[2].milestoneText(chinese: true) == "终验款")
        // A change order approved before the due date counts in full; one of cents rounds half-up.
        var early = co1
        early.date = day("2027-01-10")
        installments = try BudgetModel.installments(contract: c1, changes: [early], milestones: milestones)
        #expect(installments.map(\.amount) == [money("582000"), money("1164000"), money("194000")])
        // Every milestone paid, then CO3 (−12 000.50): one more installment, named after it, on its date.
        var co3 = ChangeOrder(contract: "C1", id: "CO3", date: day("2027-10-08"), description: "y", priceDelta: money("-12000.50"))
        co3.status = "已批准"
        let allPaid = milestones.map { m -> PaymentMilestone in
            var m = m
            m.status = "paid"
            return m
        }
        installments = try BudgetModel.installments(contract: c1, changes: [co1, co3], milestones: allPaid)
        // Paid: 30 % × 1 860 000 = 558 000; then 90 % × 1 940 000 − 558 000 = 1 188 000 (CO1's share of the
        // signing came with go-live); then 100 % × 1 940 000 − 1 746 000 = 194 000; CO3 is owed back.
        #expect(installments.map(\.amount) == [money("558000"), money("1188000"), money("194000"), money("-12000.50")])
        #expect(installments.last?.milestone == "CO3" && installments.last?.due == day("2027-10-08"))
        #expect(installments.reduce(Money.zero) { $0 + $1.amount } == money("1927999.50"))
    }

    @Test("random schedules and change orders: installments sum to the current value; a paid one ignores later changes")
    func paidMilestonesProperty() throws {
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: UInt64) -> Int64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((seed >> 33) % bound)
        }
        let start = Day(iso: "2027-01-01")!
        for _ in 0..<300 {
            let c = Contract(id: "C", vendor: "V", title: "", file: "", value: Money(minor: next(1_000_000_000) + 1), status: "active")
            let k = Int(next(4)) + 1
            let cuts = ([0, 100] + (1..<k).map { _ in next(101) }).sorted()
            var milestones: [PaymentMilestone] = []
            for i in 1...k {
                let due: Day? = next(5) == 0 ? nil : start.adding(days: Int(next(365)))
                milestones.append(
                    PaymentMilestone(
                        contract: "C", milestone: "M\(i)", percent: Double(cuts[i] - cuts[i - 1]), due: due,
                        status: next(2) == 0 ? "paid" : "planned"))
            }
            var changes: [ChangeOrder] = []
            for j in 0..<Int(next(4)) {
                var co = ChangeOrder(
                    contract: "C", id: "CO\(j)", date: start.adding(days: Int(next(365))), description: "",
                    priceDelta: Money(minor: next(20_000_000) - 10_000_000))
                co.status = next(3) == 0 ? "proposed" : "approved"
                changes.append(co)
            }
            let all = try BudgetModel.installments(contract: c, changes: changes, milestones: milestones)
            #expect(all.reduce(Money.zero) { $0 + $1.amount } == ChangeOrders.currentValue(of: c, changes: changes))
            // A change order dated after every dated payment changes no paid amount.
            let lastDue = milestones.compactMap(\.due).max() ?? start
            var late = ChangeOrder(
                contract: "C", id: "LATE", date: lastDue.adding(days: 1), description: "", priceDelta: Money(minor: 123_457))
            late.status = "approved"
            let after = try BudgetModel.installments(contract: c, changes: changes + [late], milestones: milestones)
            for i in milestones.indices where milestones[i].status == "paid" && milestones[i].due != nil {
                #expect(after[i].amount == all[i].amount)
            }
        }
    }

    @Test("many random splits: parts sum exactly, each earlier part is value × p / 100 rounded half-up")
    func randomSplits() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: UInt64) -> Int64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((seed >> 33) % bound)
        }
        for _ in 0..<500 {
            let value = next(1_000_000_000_000)
            let k = Int(next(7)) + 1
            // k − 1 cut points in hundredths of a percent, so percents have two decimals and sum to 100.
            let cuts = ([0, 10_000] + (1..<k).map { _ in next(10_001) }).sorted()
            let hundredths = (1...k).map { cuts[$0] - cuts[$0 - 1] }
            let percents = hundredths.map { ExactRatio(numerator: $0, denominator: 100)! }
            let parts = try BudgetModel.split(Money(minor: value), percents: percents, contract: "R")
            #expect(parts.reduce(0) { $0 + $1.minor } == value)
            for i in 0..<(k - 1) {
                #expect(parts[i].minor == (value * hundredths[i] * 2 + 10_000) / 20_000)
            }
        }
    }

    @Test("percents must sum to exactly 100, the contract and the sum named")
    func percentsMustSumTo100() {
        #expect(throws: BudgetError("contract C9: milestone percents sum to 99.99, not 100")) {
            try BudgetModel.split(money("1000"), percents: [pct("33.33"), pct("33.33"), pct("33.33")], contract: "C9")
        }
        #expect(throws: BudgetError("contract C9: milestone percents sum to 100.5, not 100")) {
            try BudgetModel.split(money("1000"), percents: [pct("50.5"), pct("50")], contract: "C9")
        }
        #expect(throws: BudgetError("contract C9: negative milestone percent -10")) {
            try BudgetModel.split(money("1000"), percents: [pct("110"), pct("-10")], contract: "C9")
        }
        #expect(throws: BudgetError("contract C9: no payment milestones")) {
            try BudgetModel.split(money("1000"), percents: [], contract: "C9")
        }
    }

    @Test("installments from milestones and cash flow by month and quarter")
    func cashFlow() throws {
        let ms = [
            PaymentMilestone(contract: "C1", milestone: "signing", percent: 30, due: Day(iso: "2027-01-15")),
            PaymentMilestone(contract: "C2", milestone: "other contract", percent: 100, due: Day(iso: "2027-01-20")),
            PaymentMilestone(contract: "C1", milestone: "go-live", percent: 60.5, due: Day(iso: "2027-03-31"), condition: "UAT signed"),
            PaymentMilestone(contract: "C1", milestone: "warranty", percent: 9.5, due: nil),
        ]
        let c1 = try BudgetModel.installments(contract: "C1", value: money("100000.01"), milestones: ms)
        #expect(c1.map(\.milestone) == ["signing", "go-live", "warranty"])
        // 3000000.3 → 3000000; 6050000.605 → 6050001; last 10000001 − 9050001 = 950000
        #expect(c1.map(\.amount) == [Money(minor: 3_000_000), Money(minor: 6_050_001), Money(minor: 950_000)])
        #expect(c1[1].condition == "UAT signed" && c1[1].percent == pct("60.5"))
        let c2 = try BudgetModel.installments(contract: "C2", value: money("500"), milestones: ms)

        let months = try BudgetModel.cashFlow(c1 + c2, by: .month)
        #expect(months.map(\.period) == ["2027-01", "2027-03", "undated"])
        #expect(months.map(\.amount) == [Money(minor: 3_050_000), Money(minor: 6_050_001), Money(minor: 950_000)])
        let quarters = try BudgetModel.cashFlow(c1 + c2, by: .quarter)
        #expect(quarters.map(\.period) == ["2027-Q1", "undated"])
        #expect(quarters[0].amount == Money(minor: 9_100_001) && quarters[0].installments.count == 3)

        #expect(throws: BudgetError("contract C3: no payment milestones")) {
            try BudgetModel.installments(contract: "C3", value: money("1"), milestones: ms)
        }
    }
}

@Suite("Budget envelopes")
struct BudgetEnvelopeTests {
    /// Vendor A pays `yearCosts[i]` in horizon year i + 1 (the first a licence, the others subscriptions),
    /// all to cost centre IT.
    private func workspace(_ yearCosts: [String], envelopes: [BudgetEnvelope]) -> Workspace {
        var ws = Workspace()
        ws.settings.firstYear = 2027
        ws.settings.horizonYears = yearCosts.count
        ws.settings.users = 1
        ws.settings.extra["default_cost_center"] = "\"IT\""
        ws.prices = yearCosts.enumerated().map { i, c in
            PriceLine(
                vendor: "A", item: "y\(i + 1)", category: i == 0 ? .license : .subscription, model: .one_time,
                unitPrice: money(c), startYear: i + 1)
        }
        ws.budget = envelopes
        return ws
    }

    private func rows(_ ws: Workspace) throws -> [ControlRow] {
        try BudgetModel.control(ws, proposedVendor: "A", scenario: Scenario(settings: ws.settings)).rows
    }

    @Test("ok below 90 %, warn at exactly 90 % and at 100 %, stop just above 100 %")
    func thresholds() throws {
        let envelopes = (0..<4).map { BudgetEnvelope(fiscalYear: 2027 + $0, costCenter: "IT", category: "", amount: money("1000")) }
        let uses = try rows(workspace(["899.99", "900", "1000", "1000.01"], envelopes: envelopes))
        #expect(uses.map(\.status) == [.ok, .warn, .warn, .stop])
        #expect(uses.map(\.fiscalYear) == [2027, 2028, 2029, 2030])
        #expect(uses[3].remaining == Money(minor: -1))
        #expect(uses[1].percentUsed == 90)
        // One decimal, unless it would read across the threshold the status is on the other side of.
        #expect(uses.map { $0.percentText(1) } == ["89.999%", "90.0%", "100.0%", "100.001%"])
    }

    @Test("a figure beside a threshold keeps the decimals that show which side it is on")
    func percentNearThresholds() throws {
        let envelopes = (0..<5).map { BudgetEnvelope(fiscalYear: 2027 + $0, costCenter: "IT", category: "", amount: money("10000")) }
        let uses = try rows(workspace(["8999.6", "8996", "8994", "10000.4", "10004"], envelopes: envelopes))
        #expect(uses.map(\.status) == [.ok, .ok, .ok, .stop, .stop])
        // 89.996 % is ok: `90.0%` would read as the warning; 89.96 % needs two decimals, 89.94 % one.
        #expect(uses.map { $0.percentText(1) } == ["89.996%", "89.96%", "89.9%", "100.004%", "100.04%"])
        #expect(uses.map { $0.percentText(0) } == ["89.996%", "89.96%", "89.9%", "100.004%", "100.04%"])
    }

    @Test("category envelopes, years outside the horizon, empty envelopes, bad categories")
    func categoriesAndEdges() throws {
        let ws = workspace(
            ["500", "800"],
            envelopes: [
                BudgetEnvelope(fiscalYear: 2028, costCenter: "IT", category: "license", amount: money("10")),
                BudgetEnvelope(fiscalYear: 2028, costCenter: "IT", category: "subscription", amount: money("850")),
                BudgetEnvelope(fiscalYear: 2027, costCenter: "Ops", category: "all", amount: .zero),
                BudgetEnvelope(fiscalYear: 2031, costCenter: "IT", category: "", amount: .zero),
            ])
        let uses = try rows(ws)
        // 2027 IT has no all-category envelope: unbudgeted. Ops spends nothing; 2031 is past the horizon.
        #expect(
            uses.map { "\($0.fiscalYear) \($0.costCenter) \($0.category?.rawValue ?? "all")" } == [
                "2027 IT all", "2027 Ops all", "2028 IT all", "2028 IT license", "2028 IT subscription", "2031 IT all",
            ])
        #expect(uses.map(\.used) == [money("500"), .zero, money("800"), .zero, money("800"), .zero])
        #expect(uses.map(\.status) == [.unbudgeted, .ok, .unbudgeted, .ok, .warn, .ok])
        #expect(uses[5].percentUsed == nil)
        var bad = ws
        bad.budget = [BudgetEnvelope(fiscalYear: 2027, costCenter: "IT", category: "licence", amount: money("1"))]
        #expect(throws: BudgetError("budget.csv 2027/IT: unknown category 'licence'")) { try rows(bad) }
    }
}
