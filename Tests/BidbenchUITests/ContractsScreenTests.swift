import BidbenchCore
import Foundation
import Testing

@testable import BidbenchUI

@Suite struct ContractsScreenTests {
    /// A long vendor name at 80 columns: the header's terms were cut to `12 m` with nothing to say so
    /// (user pass); now the line ends on `…` and what fits is never half a figure without it.
    @Test func aHeaderTooWideIsCutWithAnEllipsis() {
        var ws = workspace()
        ws.vendors[ws.vendors.firstIndex { $0.id == "V2" }!].name = "Zhilian Technology International Holdings"
        var d = Driver(ws, lang: .en, width: 80, height: 24)
        d.press(.char("4"))
        let header = d.screen.lines.first { $0.contains("[1/1]") } ?? ""
        // Every term fits once the labels go and the name gives way (a lawyer's pass: the notice was
        // the term left out at 80 columns).
        #expect(
            header.trimmingCharacters(in: .whitespaces) == "[1/1] Zhilian Tec…  326,000  from 2027-02-01  12 mo  renews 12 mo, 30 d notice")
        // Narrower still, the terms that do not fit are left to a `…`, never cut.
        var narrow = Driver(ws, lang: .en, width: 60, height: 24)
        narrow.press(.char("4"))
        let cut = narrow.screen.lines.first { $0.contains("[1/1]") } ?? ""
        #expect(cut.trimmingCharacters(in: .whitespaces).hasSuffix("  …"), "\(cut)")
        #expect(TextWidth.of(cut) <= 60)
        var wide = Driver(ws, lang: .en, width: 160, height: 30)
        wide.press(.char("4"))
        #expect(wide.screen.lines.contains { $0.contains("12 months  auto-renews 12 mo, notice 30 d") })
    }

    /// A lawyer's pass: a flag citing a wrapped sentence marked only its first line in the text pane.
    @Test func everyLineOfAFlaggedSentenceIsMarked() throws {
        var ws = workspace()
        ws.contractTexts["contracts/C1.md"] = """
            # 订阅服务协议
            第一条 价格调整
            1.1 合同期内乙方有权根据人力成本变化单方面调整服务价格，无需征得甲方
            同意，调整后的价格自通知之日起生效。
            """
        var d = Driver(ws, width: 120, height: 30)
        d.press(.char("4"))
        let flag = try #require(d.state.contracts.scan?.redFlags.first { $0.kind == .unilateral_price_change })
        #expect(flag.lines == [3, 4])
        d.state.contracts.clause = ClauseKind.allCases.firstIndex(of: flag.kind.clause!)!
        let screen = d.screen
        // Line 3's first row and line 4's, in the text pane (they come before the flag's pane below).
        for needle in ["单方面调整服务价格", "同意，调整后的价格"] {
            let y = try #require(screen.lines.firstIndex { $0.contains(needle) })
            let x = TextWidth.of(String(screen.lines[y][..<screen.lines[y].range(of: needle)!.lowerBound]))
            #expect(screen[x, y].style.fg == .red || screen[x, y].style == .warn, "\(needle): \(screen[x, y].style)")
        }
    }

    /// A lawyer's pass: at 80×24 the renewal and its notice, what a reviewer needs at a glance, was
    /// the part of the header left out. It is shortened to fit before it is left out.
    @Test func theRenewalAndItsNoticeFitAt80Columns() {
        var ws = workspace()
        ws.vendors[ws.vendors.firstIndex { $0.id == "V2" }!].name = "智链科技"
        var d = Driver(ws, width: 80, height: 24)
        d.press(.char("4"))
        let header = d.screen.lines.first { $0.contains("[1/1]") } ?? ""
        #expect(header.hasSuffix("12 个月  续约12月·提前30天"), "\(header)")
        #expect(TextWidth.of(header) <= 80)
    }

    func workspace() -> Workspace {
        var ws = sampleWorkspace()
        ws.contracts = [
            Contract(
                id: "C1", vendor: "V2", title: "订阅服务协议", file: "contracts/C1.md",
                effective: Day(iso: "2027-02-01"), termMonths: 12, autoRenew: true, renewalMonths: 12,
                noticeDays: 30, value: Money(units: 286_000))
        ]
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
        ws.changes = [
            ChangeOrder(
                contract: "C1", id: "CO1", date: Day(iso: "2027-03-10"), description: "新增 BI 模块", priceDelta: Money(units: 40_000),
                status: "approved")
        ]
        return ws
    }

    @Test func reviewAClauseAndSeeItsEvidence() {
        var d = Driver(workspace())
        d.press(.char("4"))
        // 286 000 + approved 40 000; at 100 columns the title gives way to the renewal terms, whole.
        #expect(d.text.contains("智链科技 · 订阅服…  价值 326,000  生效 2027-02-01  12 个月  自动续约 12 个月, 提前 30 天通知"))
        let renewal = ClauseKind.allCases.firstIndex(of: .renewal)!
        for _ in 0..<renewal { d.press(.down) }
        #expect(d.text.contains("第 7 行 · 续约"))
        #expect(d.row(containing: "⚑ 自动续约（需提前通知） L7") != nil)
        #expect(d.screen.lines.contains { $0.hasPrefix(" ⚑ 续约") && $0.contains("L7") })
        // One key a status: o ok, t negotiate; n writes a note. Both are saved in reviews.
        d.press(.char("o"))
        #expect(d.state.workspace.reviews == [ClauseReview(contract: "C1", clause: .renewal, status: .ok, line: 7)])
        d.press(.char("t"))
        #expect(d.row(containing: "⚠ 续约")?.contains("协商中") == true)
        // The flagged clause's position shows under the flag, and the empty note starts from it.
        let position = RedFlagKind.auto_renewal.defaultEntry.positionZH
        #expect(d.text.contains("立场: " + String(position.prefix(10))))
        d.press(.char("n"))
        #expect(d.text.contains(String(position.prefix(10))))
        d.press(.ctrl("u"))
        d.type("改为到期前书面确认续约")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.reviews.first?.note == "改为到期前书面确认续约")
        #expect(d.state.workspace.reviews.first?.status == .negotiate)
        // A second note keeps what was written instead of the position.
        d.press(.char("n"))
        d.press(.ctrl("s"))
        #expect(d.state.workspace.reviews.first?.note == "改为到期前书面确认续约")
        // The key terms line: the notice period the text states.
        #expect(d.text.contains("§ 通知期 30 天"))
        // Missing clauses are listed as such; the key dates pane has the notice deadline.
        #expect(d.row(containing: "数据返还")?.contains("缺失") == true)
        d.press(.char("v"))
        #expect(d.text.contains("2028-01-02"))
        #expect(d.text.contains("CO1 2027-03-10  +40,000  新增 BI 模块"))
        d.press(.char("u"), .char("u"))
        #expect(d.state.workspace.reviews.first?.status == .ok)
    }

    @Test func aHugeSingleLineContractIsLaidOutOnlyInPart() {
        var ws = workspace()
        ws.contractTexts["contracts/C1.md"] = "第一条 服务内容 " + String(repeating: "乙方向甲方提供订阅服务。", count: 3_000)
        var d = Driver(ws)
        d.press(.char("4"))
        let view = ContractsScreen.textView(d.state)
        // 20 000 characters wrapped to the pane, not all 36 000.
        #expect(view.rows.count < 1_000)
        #expect(view.rows.last?.text.contains("个字符") == true || view.rows.contains { $0.text.contains("另有") })
        d.press(.pageDown, .pageDown)
        #expect(d.state.contracts.textRow != nil)
    }
}

@Suite struct RiskWarningTests {
    @Test func budgetUsedTriggerFiresFromTheEnvelopes() throws {
        var ws = sampleWorkspace()
        ws.settings.horizonYears = 1
        // A contract in review (proposed money) of 95 000 in fiscal 2027, against 100 000 for 信息部.
        ws.contracts = [
            Contract(
                id: "C1", vendor: "V1", title: "ERP", file: "contracts/C1.md", effective: Day(iso: "2027-03-01"),
                value: Money(units: 95_000),
                status: "review")
        ]
        ws.prices = [PriceLine(vendor: "V1", item: "许可", category: .license, model: .one_time, unitPrice: Money(units: 95_000))]
        ws.budget = [BudgetEnvelope(fiscalYear: 2027, costCenter: "信息部", category: "", amount: Money(units: 100_000))]
        ws.risks = [Risk(id: "RK1", type: .financial, title: "预算超支", likelihood: 3, impact: 3, trigger: "budget_used", threshold: "0.9")]
        var d = Driver(ws)
        d.press(.char("4"), .char("v"), .char("v"))
        #expect(d.text.contains("触发的预警: 1"))
        // The warning wraps in the pane: nothing of it is cut.
        #expect(d.text.contains("⚑ RK1 2027 信息部: 预算已使用 95% (已承诺 0 +"))
        #expect(d.text.contains("拟采购 95,000, 预算 100,000; 阈值 90%)"))
        #expect(try ContractsScreen.budgetControl(d.state.workspace).get().rows.map(\.percentUsed) == [95])

        // Settings the control cannot use: the trigger is said to be unchecked, not quietly off.
        var bad = d.state.workspace
        bad.settings.budgetWarn = -1
        var e = Driver(bad)
        e.press(.char("4"), .char("v"), .char("v"))
        #expect(e.text.contains("触发的预警: 0"))
        // The pane is 52 columns wide: the message wraps under its id.
        #expect(e.row(containing: "⚑ RK1")?.hasSuffix("│ ⚑ RK1 budget_used 未能检查: workspace.json:") == true)
        #expect(e.row(containing: "budget_warn / budget_stop")?.hasSuffix("│   budget_warn / budget_stop 必须是 ≥ 0 的数") == true)
    }

    /// More warnings and risks than the pane holds at 80×24: each shown whole, and the last row says
    /// how many are left and where they are (it stopped mid-warning, saying nothing: user pass).
    @Test func warningsThatDoNotFitAreCountedNotCut() {
        var ws = sampleWorkspace()
        ws.risks = (1...12).map {
            Risk(id: "RK\($0)", type: .vendor, title: "第 \($0) 项风险：上线延期导致双系统并行运行", likelihood: 3, impact: 4, owner: "项目经理")
        }
        ws.contracts = [
            Contract(
                id: "C1", vendor: "V1", title: "ERP 升级与加购模块实施及三年运维服务合同", file: "contracts/C1.md", effective: Day(iso: "2027-03-01"),
                termMonths: 36, value: Money(units: 1_940_000), status: "signed")
        ]
        var d = Driver(ws, width: 80, height: 24)
        d.press(.char("4"), .char("v"), .char("v"))
        let rows = d.screen.lines.map { line in String(line.split(separator: "│", omittingEmptySubsequences: false).last ?? "") }
        #expect(rows.contains(" … 另有 8 项: 按 r 打开风险登记"))
        // Every risk shown ends with its owner: none is cut.
        let shown = rows.filter { $0.contains("项目经理") }
        #expect(shown.count == 4 && rows.filter { $0.hasPrefix(" RK") }.count == 4)
        // The status line keeps the next date whole, the event's name giving way.
        #expect(d.screen.lines.contains { $0.contains("红旗") && !$0.hasSuffix("-") })
    }

    /// The warnings are worked out once per change of the workspace (they take every contract's
    /// delivery and the budget), not on every frame, and follow an edit at once.
    @Test func theWarningsAreKeptForTheRevisionAndFollowAnEdit() throws {
        var ws = sampleWorkspace()
        ws.settings.horizonYears = 1
        ws.contracts = [
            Contract(
                id: "C1", vendor: "V1", title: "ERP", file: "contracts/C1.md", effective: Day(iso: "2027-03-01"),
                value: Money(units: 95_000), status: "review")
        ]
        ws.prices = [PriceLine(vendor: "V1", item: "许可", category: .license, model: .one_time, unitPrice: Money(units: 95_000))]
        ws.budget = [BudgetEnvelope(fiscalYear: 2027, costCenter: "信息部", category: "", amount: Money(units: 100_000))]
        ws.risks = [Risk(id: "RK1", type: .financial, title: "预算超支", likelihood: 3, impact: 3, trigger: "budget_used", threshold: "0.9")]
        var d = Driver(ws)
        d.press(.char("4"), .char("v"), .char("v"))
        let kept = try #require(d.state.contracts.warnings)
        #expect(kept.revision == d.state.revision && kept.alerts.map(\.risk) == ["RK1"] && kept.budgetProblem == nil)
        #expect(d.text.contains("触发的预警: 1"))
        d.state.workspace.budget[0].amount = Money(units: 200_000)
        #expect(d.text.contains("触发的预警: 0"))
        d.press(.down)
        #expect(d.state.contracts.warnings?.revision == d.state.revision && d.state.contracts.warnings?.alerts == [])
    }
}

/// The risk register and the change orders are edited in the meeting, not only in CSV.
@Suite struct RegisterEditingTests {
    func workspace() -> Workspace {
        var ws = ContractsScreenTests().workspace()
        ws.risks = [Risk(id: "RK09", type: .vendor, title: "乙方更换项目经理", likelihood: 2, impact: 4, owner: "信息部")]
        return ws
    }

    @Test func addARiskWithAWarningThenEditAndDeleteIt() {
        var d = Driver(workspace())
        d.press(.char("4"), .char("r"))
        #expect(d.text.contains("风险登记册"))
        #expect(d.row(containing: "RK09")?.contains("2×4=8") == true)
        d.press(.char("a"))
        #expect(d.text.contains("新增风险"))
        #expect(d.text.contains("RK10"))  // the next id, as wide as RK09
        // The focus starts on the risk itself (the id is filled in).
        d.type("上线切换与月末结账冲突")
        d.press(.tab, .tab)
        d.press(.ctrl("u"))
        d.type("6")  // likelihood 6: refused, the form keeps what was typed
        d.press(.ctrl("s"))
        #expect(d.text.contains("可能性必须是 1–5 的整数, 而不是 “6”"))
        #expect(d.text.contains("上线切换与月末结账冲突"))
        d.press(.ctrl("u"))
        d.type("3")
        d.press(.tab)
        d.press(.ctrl("u"))
        d.type("5")  // impact
        d.press(.tab, .tab, .tab, .right)  // early warning: milestone overdue
        d.press(.tab)
        d.type("五")  // threshold: not a number of days
        d.press(.ctrl("s"))
        #expect(d.text.contains("该预警的阈值是 ≥ 0 的天数, 而不是 “五”"))
        d.press(.backspace)
        d.type("15")
        d.press(.ctrl("s"))
        #expect(
            d.state.workspace.risks.last
                == Risk(
                    id: "RK10", type: .technical, title: "上线切换与月末结账冲突", likelihood: 3, impact: 5,
                    trigger: "milestone_overdue", threshold: "15"))
        #expect(d.row(containing: "RK10")?.contains("3×5=15") == true)
        #expect(d.state.dirty)
        // Edit: close it.
        d.press(.enter)
        #expect(d.text.contains("编辑风险 RK10"))
        for _ in 0..<8 { d.press(.tab) }
        d.press(.right, .right, .ctrl("s"))
        #expect(d.state.workspace.risks.last?.status == "closed")
        #expect(d.row(containing: "RK10")?.contains("已关闭") == true)
        // A closed risk leaves the heat map.
        d.press(.escape, .char("v"), .char("v"))
        #expect(!d.text.contains("RK10 3×5"))
        // Delete and undo.
        d.press(.char("r"), .down, .char("d"))
        #expect(d.state.message == "删除这一行? 再按 d 删除 (可按 u 撤销); 按其他键保留")
        #expect(d.state.workspace.risks.map(\.id) == ["RK09", "RK10"])
        d.press(.char("d"))
        #expect(d.state.workspace.risks.map(\.id) == ["RK09"])
        d.press(.escape, .char("u"))
        #expect(d.state.workspace.risks.map(\.id) == ["RK09", "RK10"])
    }

    /// Risks and change orders save like the delivery records: an edit keeps the columns Bidbench
    /// does not know, and a new change order goes after its contract's others in the file.
    @Test func savedRisksAndChangeOrdersKeepUnknownColumnsAndTheirPlace() throws {
        var ws = workspace()
        ws.risks[0].extra["source"] = "workshop"
        ws.changes[0].extra["approver"] = "王总"
        ws.contracts.append(
            Contract(
                id: "C2", vendor: "V1", title: "实施合同", file: "", effective: Day(iso: "2027-01-01"), termMonths: 24,
                value: Money(units: 100_000)))
        ws.changes.append(
            ChangeOrder(contract: "C2", id: "CO1", date: Day(iso: "2027-03-01"), description: "培训加场", priceDelta: Money(units: 5_000)))
        var d = Driver(ws)
        d.press(.char("4"), .char("r"), .enter, .ctrl("s"))
        #expect(d.state.workspace.risks[0].extra == ["source": "workshop"] && d.state.message == "没有改动")
        #expect(d.state.modal == .risks(RisksState(selected: 0)))
        d.press(.escape, .char("c"), .enter, .ctrl("s"))
        #expect(d.state.workspace.changes[0].extra == ["approver": "王总"] && d.state.message == "没有改动")
        d.press(.char("a"))
        d.type("增加接口")
        d.press(.tab)
        d.type("1000")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.changes.map { "\($0.contract)/\($0.id)" } == ["C1/CO1", "C1/CO2", "C2/CO1"])
        // The list (in date order) is on the new one: CO2, dated the contract's start, before CO1.
        #expect(d.state.workspace.changes[1].date == Day(iso: "2027-02-01"))
        #expect(d.state.modal == .changes(ChangesState(contract: "C1", selected: 0)))
    }

    /// A trigger Bidbench does not evaluate (typed in the CSV) survives an edit of the risk.
    @Test func aFreeTextTriggerSurvivesAnEdit() {
        var ws = workspace()
        ws.risks[0].trigger = "顾问离职"
        ws.risks[0].threshold = "2 人"
        var d = Driver(ws)
        d.press(.char("4"), .char("r"), .enter)
        #expect(d.text.contains("◂ 顾问离职 ▸"))
        // The focus is on the title; typing replaces the untouched value.
        d.type("乙方更换项目经理或核心顾问")
        d.press(.ctrl("s"))
        #expect(d.state.workspace.risks[0].title == "乙方更换项目经理或核心顾问")
        #expect(d.state.workspace.risks[0].trigger == "顾问离职" && d.state.workspace.risks[0].threshold == "2 人")
    }

    /// An approval is checked against the stop envelopes; when the settings make no scenario the check
    /// cannot run, and the approval is refused with the reason instead of passing unchecked.
    @Test func anApprovalThatCannotBeCheckedIsRefused() {
        var ws = workspace()
        ws.settings.userGrowth = .nan
        var d = Driver(ws)
        d.press(.char("4"), .char("c"), .char("a"))
        d.type("增加 WMS 接口")
        d.press(.tab)
        d.type("12000")
        d.press(.tab, .right, .ctrl("s"))
        #expect(d.text.contains("批准前无法检查预算: workspace.json: user_growth nan 不是可用的比率"))
        guard case .form(let f)? = d.state.modal else {
            Issue.record("form closed")
            return
        }
        #expect(f.fields[f.focus].key == "status")
        #expect(!d.state.workspace.changes.contains { $0.description == "增加 WMS 接口" })
    }

    @Test func changeOrdersRecomputeTheContractValue() {
        var d = Driver(workspace())
        d.press(.char("4"))
        #expect(d.text.contains("价值 326,000"))
        d.press(.char("c"))
        #expect(d.text.contains("变更单 — C1 订阅服务协议 · 当前价值 326,000"))
        d.press(.char("a"))
        #expect(d.text.contains("CO2"))  // as wide as CO1
        // The focus starts on the description; the date above is pre-filled with today.
        d.press(.backTab)
        d.type("2027-02-30")  // no such day (typing replaces the pre-filled date)
        d.press(.tab)
        d.type("增加 WMS 接口")
        d.press(.tab)
        d.type("12,000.5")
        d.press(.ctrl("s"))
        #expect(d.text.contains("“2027-02-30” 不是日历上的日期: 2027 年 2 月只有 28 天"))
        // The refused save put the focus on the date.
        guard case .form(let f)? = d.state.modal else {
            Issue.record("form closed")
            return
        }
        #expect(f.fields[f.focus].key == "date")
        d.press(.ctrl("u"))
        d.type("２０２７年２月１５日")  // full-width digits and a Chinese date
        d.press(.ctrl("s"))
        // Proposed: listed (by date, before CO1) but the value does not move.
        #expect(
            d.state.workspace.changes.last
                == ChangeOrder(
                    contract: "C1", id: "CO2", date: Day(iso: "2027-02-15"), description: "增加 WMS 接口",
                    priceDelta: Money(parsing: "12000.50")!, status: "proposed"))
        #expect(d.text.contains("当前价值 326,000"))
        #expect(d.screen.lines.firstIndex { $0.contains("CO2") }! < d.screen.lines.firstIndex { $0.contains("CO1") }!)
        // Approve it: the value is recomputed everywhere.
        d.press(.enter)
        for _ in 0..<2 { d.press(.tab) }
        d.press(.right, .ctrl("s"))
        #expect(d.text.contains("当前价值 338,000.50"))
        d.press(.escape)
        #expect(d.text.contains("价值 338,000.50"))
        // A credit (negative delta) is allowed; rejected ones never count.
        // (The date must fall within the contract's term: today, 2026-11-29, is before it starts.)
        d.press(.char("c"), .char("a"), .backTab)
        d.type("2027-04-01")
        d.press(.tab)
        d.type("取消移动端模块")
        d.press(.tab)
        d.type("-5000")
        d.press(.tab, .left, .ctrl("s"))  // status ◂ from proposed wraps to rejected
        #expect(d.state.workspace.changes.last?.status == "rejected")
        #expect(d.text.contains("当前价值 338,000.50"))
    }
}

/// What a user-style test pass found: clipped amounts and messages, Esc and u in the list dialogs,
/// input lost in a read-only workspace, no-op undo steps.
@Suite struct DialogBehaviourTests {
    @Test func theContractValueIsNeverClippedAndLongMessagesWrap() {
        var ws = RegisterEditingTests().workspace()
        ws.contracts[0].title = "CRM and BI subscription services agreement with add-on modules"
        var d = Driver(ws, lang: .en, width: 80, height: 24)
        d.press(.char("4"))
        #expect(d.text.contains("  326,000  "))
        // The title gives way, the value stays whole, and the terms lose their labels before the
        // renewal is left out.
        #expect(d.text.contains("[1/1] 智链科技 · …  326,000  from 2027-02-01  12 mo  renews 12 mo, 30 d notice"))
        d.press(.char("c"))
        #expect(d.text.contains("· value 326,000"))
        d.press(.char("a"))
        d.type("x")  // the description (the focus starts there)
        d.press(.tab)
        d.type("12.345")
        d.press(.ctrl("s"))
        // The end of the message (the value typed) is on screen, on a wrapped line.
        #expect(d.text.contains("“12.345”") || d.text.contains("\"12.345\""))
        for line in d.screen.lines { #expect(TextWidth.of(line) <= 80) }
    }

    @Test func escInARecordFormGoesBackToItsListAndUUndoesThere() {
        var d = Driver(RegisterEditingTests().workspace())
        d.press(.char("4"), .char("r"), .enter)
        #expect(d.text.contains("编辑风险 RK09"))
        d.press(.escape)
        #expect(d.text.contains("风险登记册"))
        d.press(.char("d"), .down)  // another key: nothing deleted, and the question goes
        #expect(d.state.message != "删除这一行? 再按 d 删除 (可按 u 撤销); 按其他键保留")
        d.press(.char("d"))
        #expect(d.state.workspace.risks.count == 1)
        d.press(.char("d"))
        #expect(d.state.workspace.risks.isEmpty)
        #expect(d.text.contains("u 撤销"))
        d.press(.char("u"))
        #expect(d.state.workspace.risks.map(\.id) == ["RK09"])
        #expect(d.text.contains("风险登记册"))
        d.press(.char("c"), .escape)  // c is not a list key; Esc closes the list
        #expect(!d.text.contains("风险登记册"))
    }

    @Test func aReadOnlyWorkspaceKeepsWhatWasTypedAndSaysWhy() {
        var d = Driver(RegisterEditingTests().workspace(), problems: ["工作区已在另一个 Bidbench 中打开 (vm 上的进程 1, 自 2026-11-29T00:00:00Z 起)"])
        d.press(.escape, .char("a"))
        // Adding is off, and the key says why (the hint bar does not offer it).
        #expect(d.state.modal == nil)
        #expect(d.state.message?.hasPrefix("只读: 见打开时列出的问题") == true)
        #expect(!d.screen.lines.last!.contains("a 新增"))
        // An edit form opens (to read), keeps what was typed and says why it cannot be saved.
        d.press(.enter)
        d.type("断电后数据不丢失")
        d.press(.ctrl("s"))
        #expect(d.text.contains("断电后数据不丢失"))
        #expect(d.text.contains("只读: 见打开时列出的问题"))
        #expect(d.state.workspace.requirements[0].title == "多币种凭证自动折算")
    }

    /// The form opened to read a record in a read-only workspace says at once, inside the form,
    /// that nothing typed can be saved (it said so only at the save: user test pass).
    @Test func aFormOpenedInAReadOnlyWorkspaceSaysSoBeforeAnythingIsTyped() {
        var d = Driver(RegisterEditingTests().workspace(), problems: ["requirements.csv:3: weight: not a number: “五”"])
        d.press(.escape)
        #expect(d.state.message == nil)
        d.press(.enter)
        guard case .form(let form)? = d.state.modal else {
            Issue.record("no form: \(String(describing: d.state.modal))")
            return
        }
        #expect(form.error?.hasPrefix("只读: 见打开时列出的问题") == true)
        // Inside the form's box, not only in the message bar.
        #expect(d.row(containing: "只读: 见打开时列出的问题")?.contains("│") == true)
    }

    /// Keys that leave the workspace as it was (a weight at 0 lowered again) add no undo step and
    /// leave it saved; the next real change is one step.
    @Test func aChangeThatChangesNothingIsNoUndoStep() {
        var ws = sampleWorkspace()
        ws.criteria[0].weight = 0
        var d = Driver(ws)
        d.press(.char("2"), .char("-"), .char("-"))
        #expect(d.state.workspace.criteria[0].weight == 0)
        #expect(d.state.undoStack.isEmpty && !d.state.dirty)
        d.press(.char("+"))
        // Five points of the whole (the weights sum to 0.3 here): 0.015 of 0.3, from 价格.
        #expect(d.state.workspace.criteria.map(\.weight) == [0.015, 0.285])
        #expect(d.state.undoStack.count == 1 && d.state.dirty)
    }

}
