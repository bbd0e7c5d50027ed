import BidbenchCore
import Testing

@testable import BidbenchUI

@Suite struct BudgetScreenTests {
    func workspace() -> Workspace {
        var ws = sampleWorkspace()
        ws.settings.horizonYears = 5
        ws.settings.users = 100
        ws.prices = [
            PriceLine(vendor: "V1", item: "ERP 许可", category: .license, model: .one_time, unitPrice: Money(units: 100_000)),
            PriceLine(vendor: "V1", item: "运维", category: .maintenance, model: .annual, unitPrice: Money(units: 10_000)),
            PriceLine(vendor: "V2", item: "订阅", category: .subscription, model: .per_user_annual, unitPrice: Money(units: 300)),
        ]
        ws.budget = [BudgetEnvelope(fiscalYear: 2027, costCenter: "信息部", category: "", amount: Money(units: 120_000))]
        return ws
    }

    @Test func walkthroughWithLiveWhatIf() {
        var d = Driver(workspace())
        d.press(.char("3"))
        #expect(d.text.contains("5 年  用户 100 (+0%/年)  涨价 0%  折现 0%"))
        let v1 = d.row(containing: "云帆软件")!
        #expect(v1.contains("110,000") && v1.contains("150,000"))
        let v2 = d.row(containing: "智链科技")!
        #expect(v2.contains("30,000") && v2.contains("150,000"))
        // 2027 envelope: V1 spends 110 000 of 120 000 = 92 % → warning.
        #expect(d.row(containing: "2027 信息部")?.hasSuffix("92% ⚠") == true)
        // One more year: V1 160 000, V2 180 000.
        d.press(.char("Y"))
        #expect(d.text.contains("6 年"))
        #expect(d.row(containing: "云帆软件")!.contains("160,000"))
        #expect(d.row(containing: "智链科技")!.contains("180,000"))
        // 10 more users: V2 pays 110 × 300 = 33 000 a year → 198 000 over 6 years.
        d.press(.char("+"))
        #expect(d.text.contains("用户 110"))
        #expect(d.row(containing: "智链科技")!.contains("198,000"))
        // Escalation +1 %: V1's maintenance 10 000 → 10 100 in year 2.
        d.press(.char("E"))
        #expect(d.text.contains("涨价 1%"))
        #expect(d.row(containing: "云帆软件")!.contains("10,100"))
        // The category bars of the selected vendor, and the year in focus.
        #expect(d.text.contains("许可"))
        d.press(.right)
        #expect(d.text.contains("云帆软件 · 第1年"))
        d.press(.down)
        #expect(d.text.contains("智链科技 · 第1年"))
    }
}

@Suite struct BudgetScenarioTests {
    /// A named scenario whose horizon ends before a price line starts is an error (DESIGN: start years
    /// beyond the horizon), and the screen says it in its language. (The `y` what-if key stops there.)
    @Test func aScenarioThatCutsAPriceLineSaysSoInTheUILanguage() {
        var ws = BudgetScreenTests().workspace()
        ws.prices.append(
            PriceLine(
                vendor: "V1", item: "二期扩展", category: .customization, model: .one_time,
                unitPrice: Money(units: 20_000), startYear: 5))
        ws.scenarios = [NamedScenario(name: "保守", years: "4")]
        var d = Driver(ws)
        d.press(.char("3"), .char("y"))
        #expect(d.text.contains("有报价行从第5年开始: 年限不能更短"))
        d.press(.char("S"))
        #expect(d.text.contains("供应商 V1 的报价项 “二期扩展”: 起始年 5 超出 4 年的测算期"))
        d.press(.char(":"))
        d.type("lang en")
        d.press(.enter)
        #expect(d.text.contains("vendor V1, item '二期扩展': start_year 5 is outside the horizon of 4 years"))
        d.press(.char("S"))
        #expect(!d.text.contains("start_year"))
    }

    @Test func namedScenariosSideBySide() {
        var ws = sampleWorkspace()
        ws.settings.horizonYears = 5
        ws.settings.users = 100
        ws.prices = [PriceLine(vendor: "V2", item: "订阅", category: .subscription, model: .per_user_annual, unitPrice: Money(units: 300))]
        ws.scenarios = [NamedScenario(name: "扩张", users: "200")]
        var d = Driver(ws)
        d.press(.char("3"))
        #expect(d.text.contains("[基准]  5 年  用户 100"))
        // 100 users × 300 × 5 years = 150 000; 200 users = 300 000.
        #expect(d.row(containing: "基准 ")?.contains("150,000") == true)
        #expect(d.row(containing: "扩张 ")?.contains("300,000") == true)
        d.press(.char("S"))
        #expect(d.text.contains("[扩张]  5 年  用户 200"))
        d.press(.char("+"))
        #expect(d.text.contains("[扩张 (假设)]  5 年  用户 210"))
        d.press(.char("S"))
        #expect(d.text.contains("[基准]  5 年  用户 100"))
    }
}

@Suite struct PriceLinesAndCashFlowTests {
    @Test func editPriceLinesAndSeeTheTotalsMove() {
        var ws = sampleWorkspace()
        ws.settings.horizonYears = 5
        ws.prices = [PriceLine(vendor: "V1", item: "ERP 许可", category: .license, model: .one_time, unitPrice: Money(units: 100_000))]
        var d = Driver(ws)
        d.press(.char("3"), .char("p"))
        #expect(d.text.contains("报价行 — 云帆软件"))
        #expect(d.row(containing: "ERP 许可")?.contains("100,000") == true)
        d.press(.char("a"))
        d.type("年度维护")
        d.press(.tab, .right, .right, .right, .right, .right, .right)  // category → maintenance
        d.press(.tab, .right)  // model → annual
        d.press(.tab)
        d.type("-3")
        d.press(.ctrl("s"))
        #expect(d.text.contains("单价必须是 ≥ 0 且最多两位小数的金额, 而不是 “-3”"))
        d.press(.ctrl("u"))
        d.type("20000")
        d.press(.ctrl("s"))
        #expect(
            d.state.workspace.prices.last
                == PriceLine(vendor: "V1", item: "年度维护", category: .maintenance, model: .annual, unitPrice: Money(units: 20_000)))
        d.press(.escape)
        // 100 000 + 5 × 20 000 = 200 000 over five years.
        #expect(d.row(containing: "云帆软件")?.contains("200,000") == true)
        d.press(.char("u"))
        #expect(d.row(containing: "云帆软件")?.contains("100,000") == true)
    }

    @Test func cashFlowByMonthAndQuarter() {
        var ws = sampleWorkspace()
        ws.contracts = [Contract(id: "C1", vendor: "V1", title: "ERP", file: "", value: Money(units: 100_000))]
        ws.payments = [
            PaymentMilestone(contract: "C1", milestone: "签约", percent: 30, due: Day(iso: "2027-01-15")),
            PaymentMilestone(contract: "C1", milestone: "上线", percent: 60, due: Day(iso: "2027-02-28")),
            PaymentMilestone(contract: "C1", milestone: "终验", percent: 10, due: Day(iso: "2027-06-30")),
        ]
        var d = Driver(ws)
        d.press(.char("3"), .char("c"))
        #expect(d.text.contains("付款现金流 (按月"))
        #expect(d.row(containing: "2027-01 ")?.contains("30,000") == true)
        #expect(d.row(containing: "2027-02 ")?.contains("60,000") == true)
        d.press(.char("c"))
        #expect(d.row(containing: "2027-Q1")?.contains("90,000") == true)
        #expect(d.row(containing: "2027-Q2")?.contains("10,000") == true)
        d.press(.char("c"))
        #expect(!d.text.contains("付款现金流"))
    }
}
