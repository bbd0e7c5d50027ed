import Testing
import BidbenchCore
@testable import BidbenchUI

@Suite struct ContractsScreenTests {
    func workspace() -> Workspace {
        var ws = sampleWorkspace()
        ws.contracts = [Contract(id: "C1", vendor: "V2", title: "订阅服务协议", file: "contracts/C1.md",
                                 effective: Day(iso: "2027-02-01"), termMonths: 12, autoRenew: true, renewalMonths: 12,
                                 noticeDays: 30, value: Money(units: 286_000))]
        ws.contractTexts["contracts/C1.md"] = """
        # 订阅服务协议
        第一条 服务内容
        乙方向甲方提供 CRM 订阅服务。
        第二条 服务费用
        年服务费为人民币 286,000 元。
        第三条 自动续约
        服务期满前三十（30）日内甲方未以书面形式提出异议的，本协议自动续期一年。
        第四条 价格调整
        乙方有权根据市场情况调整服务价格。
        """
        ws.changes = [ChangeOrder(contract: "C1", id: "CO1", date: Day(iso: "2027-03-10"), description: "新增 BI 模块", priceDelta: Money(units: 40_000), status: "approved")]
        return ws
    }

    @Test func reviewAClauseAndSeeItsEvidence() {
        var d = Driver(workspace())
        d.press(.char("4"))
        #expect(d.text.contains("智链科技 · 订阅服务协议  价值 326,000"))   // 286 000 + approved 40 000
        let renewal = ClauseKind.allCases.firstIndex(of: .renewal)!
        for _ in 0..<renewal { d.press(.down) }
        #expect(d.text.contains("第 7 行 · 续约"))
        #expect(d.row(containing: "⚑ 自动续约（需提前通知） L7") != nil)
        #expect(d.screen.lines.contains { $0.hasPrefix(" ⚑ 续约") && $0.contains("L7") })
        // s cycles the reviewer's status: ok → negotiate; n writes a note. Both are saved in reviews.
        d.press(.char("s"))
        #expect(d.state.workspace.reviews == [ClauseReview(contract: "C1", clause: .renewal, status: .ok, line: 7)])
        d.press(.char("s"))
        #expect(d.row(containing: "⚠ 续约")?.contains("协商中") == true)
        d.press(.char("n")); d.type("改为到期前书面确认续约"); d.press(.ctrl("s"))
        #expect(d.state.workspace.reviews.first?.note == "改为到期前书面确认续约")
        #expect(d.state.workspace.reviews.first?.status == .negotiate)
        // Missing clauses are listed as such; the key dates pane has the notice deadline.
        #expect(d.row(containing: "数据返还")?.contains("缺失") == true)
        d.press(.char("v"))
        #expect(d.text.contains("2028-01-02"))
        #expect(d.text.contains("CO1 2027-03-10  +40,000  新增 BI 模块"))
        d.press(.char("u"), .char("u"))
        #expect(d.state.workspace.reviews.first?.status == .ok)
    }
}

@Suite struct RiskWarningTests {
    @Test func budgetUsedTriggerFiresFromTheEnvelopes() {
        var ws = sampleWorkspace()
        ws.settings.horizonYears = 1
        ws.contracts = [Contract(id: "C1", vendor: "V1", title: "ERP", file: "contracts/C1.md")]
        ws.prices = [PriceLine(vendor: "V1", item: "许可", category: .license, model: .one_time, unitPrice: Money(units: 95_000))]
        ws.budget = [BudgetEnvelope(fiscalYear: 2027, costCenter: "信息部", category: "", amount: Money(units: 100_000))]
        ws.risks = [Risk(id: "RK1", type: .financial, title: "预算超支", likelihood: 3, impact: 3, trigger: "budget_used", threshold: "0.9")]
        var d = Driver(ws)
        d.press(.char("4"), .char("v"), .char("v"))
        #expect(d.text.contains("触发的预警: 1"))
        #expect(d.text.contains("⚑ RK1"))
        #expect(ContractsScreen.budgetUsed(d.state.workspace) == 0.95)
    }
}
