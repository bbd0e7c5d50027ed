import BidbenchCore
import Testing

@testable import BidbenchUI

/// Issue 14 on screen: the Budget screen's control figures and knocked-out vendors, the change-order
/// form's rules, provisional results on the vendor matrix.
@Suite struct IntegrityScreenTests {
    func workspace() -> Workspace {
        var ws = BudgetScreenTests().workspace()
        // V2 fails must-have R02 (knocked out) although it is the cheapest.
        ws.gates = [
            GateAnswer(vendor: "V1", requirement: "R01", answer: .meets), GateAnswer(vendor: "V1", requirement: "R02", answer: .meets),
            GateAnswer(vendor: "V2", requirement: "R01", answer: .meets), GateAnswer(vendor: "V2", requirement: "R02", answer: .no),
        ]
        return ws
    }

    /// The style of the first cell of the line that contains `needle`, from `needle`'s column.
    func style(_ d: Driver, _ needle: String) -> Style? {
        let canvas = d.screen
        for (y, line) in canvas.lines.enumerated() {
            guard let r = line.range(of: needle) else { continue }
            let x = TextWidth.of(String(line[..<r.lowerBound]))
            return canvas[x, y].style
        }
        return nil
    }

    @Test func theBudgetScreenMarksAKnockedOutVendorAndNeverCallsItCheapest() {
        // V2 pays 100 × 100 users a year (50 000 over 5 years), far below V1's 150 000, but is knocked out.
        var ws = workspace()
        ws.prices[2].unitPrice = Money(units: 100)
        var d = Driver(ws)
        d.press(.char("3"))
        let v2 = d.row(containing: "智链科技")!
        #expect(v2.contains("✗ 智链科技") && v2.contains("50,000"))
        #expect(style(d, "✗ 智链科技")?.fg == .red)
        // The cheapest qualified vendor is V1 (150 000): it is the green one.
        #expect(style(d, "云帆软件")?.fg == .green)
        d.press(.down)
        #expect(d.text.contains("✗ 已淘汰 (必须项未满足): R02 按工单归集实际成本：不满足"))
    }

    @Test func theBudgetScreenShowsCommittedAndProposedPerYearAndCostCentre() {
        var d = Driver(workspace())
        d.press(.char("3"))
        // V1 in 2027: licence 100 000 + maintenance 10 000 against 信息部's 120 000 (the only cost centre).
        #expect(d.text.contains("预算控制 (已承诺 + 拟采购, 报价按报价行计)"))
        #expect(d.text.contains("年度 成本中心       预算     已承诺     拟采购 使用率"))
        #expect(d.row(containing: "2027 信息部")?.contains("2027 信息部      120,000          0    110,000  91.7% ⚠") == true)
        // Years 2028–2031 have money but no envelope: unbudgeted, in red.
        #expect(d.row(containing: "2028 信息部")?.contains("2028 信息部            —          0     10,000      — ✗ 未列入预算") == true)
        #expect(style(d, "2028 信息部")?.fg == .red)
    }

    @Test func theChangeOrderFormRequiresAnAmountADateInTheTermAndRespectsStop() {
        var ws = ContractsScreenTests().workspace()
        ws.contracts[0].status = "signed"
        ws.budget = [BudgetEnvelope(fiscalYear: 2027, costCenter: "信息部", category: "", amount: Money(units: 330_000))]
        var d = Driver(ws)
        // The form starts on the description; the date above it is pre-filled with today.
        d.press(.char("4"), .char("c"), .char("a"), .backTab)
        d.type("2027-01-15")  // before the contract's effective date 2027-02-01
        d.press(.tab)
        d.type("增加 WMS 接口")
        d.press(.ctrl("s"))
        #expect(d.text.contains("金额变化不能为空 (不涉及费用请填 0)"))
        d.type("5000")  // the refused save put the focus on the amount
        d.press(.ctrl("s"))
        #expect(d.text.contains("日期 2027-01-15 早于合同 C1 开始日 (2027-02-01)"))
        d.press(.ctrl("u"))
        d.type("2027-03-15")
        d.press(.ctrl("s"))
        // Saved as proposed: shown with the value if approved, not as the contract's value.
        #expect(d.row(containing: "CO2")?.contains("若批准 331,000") == true)
        #expect(d.text.contains("当前价值 326,000"))
        // Approving it would take 2027 信息部 to 331 000 of 330 000: refused with the numbers.
        d.press(.down, .enter)
        for _ in 0..<2 { d.press(.tab) }
        d.press(.right, .ctrl("s"))
        // The refusal wraps inside the form.
        #expect(d.text.contains("批准变更单 CO2 将超出预算上限: 2027 信息部: 已承诺 331,000 + 拟采购 0 ="))
        #expect(d.text.contains("331,000, 预算 330,000 (100.3%)"))
        #expect(d.state.workspace.changes.last?.status == "proposed")
    }

    @Test func anUnansweredConfirmedMustHaveMakesTheResultProvisional() {
        var ws = workspace()
        ws.gates.removeAll { $0.vendor == "V2" }
        ws.gates.removeAll { $0.requirement == "R02" }
        var d = Driver(ws, width: 120, height: 30)
        d.press(.char("2"))
        #expect(d.text.contains("? 云帆软件: 结果暂定, 必须项未答复: R02 按工单归集实际成本：未答复"))
        #expect(d.text.contains("? 智链科技: 结果暂定, 必须项未答复: R01 多币种凭证自动折算：未答复；R02 按工单归集实际成本：未答复"))
        #expect(d.row(containing: "排名")?.contains("1? 暂定") == true)
    }
}
