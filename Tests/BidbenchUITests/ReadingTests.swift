import BidbenchCore
import Testing

@testable import BidbenchUI

/// Nothing someone needs to read is cut off (issue 13, item 4), and the keys that set a clause's
/// status or scroll its text do one thing each.
@Suite struct ReadingTests {
    func contracts() -> Workspace {
        var ws = GoldenFrameTests.workspace()
        ws.contracts.append(
            Contract(id: "C2", vendor: "V1", title: "实施服务合同", file: "contracts/C2.md", effective: Day(iso: "2027-01-01"), termMonths: 6))
        ws.contractTexts["contracts/C2.md"] = "第一条 实施范围"
        return ws
    }

    /// The right pane's text rows (after the divider), spaces and margins dropped.
    func pane(_ d: Driver) -> String {
        d.screen.lines.map { line in
            guard let bar = line.firstIndex(of: "│") else { return "" }
            return String(line[line.index(after: bar)...]).filter { $0 != " " }
        }.joined()
    }

    @Test func theLiabilityClauseReadsWholeAt80ColumnsWithHangingLineNumbers() {
        var d = Driver(contracts(), width: 80, height: 24)
        d.press(.char("4"))
        let liability = ClauseKind.allCases.firstIndex(of: .liability)!
        for _ in 0..<liability { d.press(.down) }
        #expect(d.text.contains("第 5 行 · 责任限制"))
        let text = pane(d)
        #expect(text.contains("58.2乙方在本合同项下的累计赔偿责任以本合同总金额为限，但因故意或重大过失造成的损失除外。"))
        #expect(text.contains("68.3因乙方原因造成甲方数据丢失或损毁的，乙方应负责恢复数据，并赔偿甲方由此产生的直接损失，该损失在前款限额内计算。"))
        // Continuation rows hang under the text, not under the line number.
        let rows = d.screen.lines.filter { $0.contains("│") }.map { String($0[$0.index(after: $0.firstIndex(of: "│")!)...]) }
        let first = rows.firstIndex { $0.contains("   5 8.2") }!
        #expect(rows[first + 1].hasPrefix("      "))
    }

    @Test func arrowsDoNotSwitchContractsWhileReading() {
        var d = Driver(contracts(), width: 80, height: 24)
        d.press(.char("4"), .right)
        #expect(d.state.contracts.contract == 0)
        #expect(d.state.message == "[ 和 ] 切换合同; J/K 与 PgDn/PgUp 滚动正文")
        d.press(.char("]"))
        #expect(d.text.contains("[2/2] 云帆软件 · 实施服务合同"))
        d.press(.char("["))
        #expect(d.text.contains("[1/2] 智链科技"))
    }

    @Test func theTextScrollsByLineAndPageAndEnterReturnsToTheEvidence() {
        var d = Driver(contracts(), width: 80, height: 15)
        d.press(.char("4"))
        let start = ContractsScreen.textView(d.state).top
        d.press(.char("J"))
        #expect(ContractsScreen.textView(d.state).top == start + 1)
        d.press(.char("K"))
        #expect(ContractsScreen.textView(d.state).top == start)
        let view = ContractsScreen.textView(d.state)
        d.press(.pageDown)
        #expect(ContractsScreen.textView(d.state).top == min(start + view.visible - 1, view.rows.count - view.visible))
        // Paging on reaches the end of the text, and stops there with the last row on screen.
        d.press(.pageDown, .pageDown, .pageDown, .pageDown)
        #expect(ContractsScreen.textView(d.state).top == max(0, view.rows.count - view.visible))
        #expect(d.screen.lines.contains { $0.contains("续期一年。") })  // the last row of the text
        d.press(.enter)
        #expect(d.state.contracts.textRow == nil)
        #expect(ContractsScreen.textView(d.state).top == start)
    }

    @Test func oneKeyEachSetsTheReviewStatus() {
        var d = Driver(contracts())
        d.press(.char("4"))
        func status() -> ReviewStatus? { d.state.workspace.reviews.first { $0.clause == ClauseKind.allCases[0] }?.status }
        d.press(.char("x"))
        #expect(status() == .missing)
        d.press(.char("-"))
        #expect(status() == .na)
        d.press(.char("t"))
        #expect(status() == .negotiate)
        d.press(.char("o"))
        #expect(status() == .ok)
        d.press(.delete)
        #expect(status() == nil)
        #expect(d.state.workspace.reviews.isEmpty)
    }

    @Test func aSavedNoteShowsBesideItsClauseAndUnderTheText() {
        var d = Driver(contracts(), width: 120, height: 34)
        d.press(.char("4"), .char("n"))
        d.type("范围需列明培训人天")
        d.press(.enter)
        // A first note records the status the clause shows (found, no red flag: ok), and says so: it
        // made the clause "negotiate" without a word (user test pass).
        #expect(d.state.message == "备注已记下, 记为 通过 (o/t/x/- 可更改)")
        #expect(d.state.workspace.reviews.map(\.status) == [.ok])
        // Beside its clause (clipped to the list), and whole under the text.
        #expect(d.row(containing: "✔ 服务范围")?.contains("通过 ✎ 范围需") == true)
        #expect(d.text.contains("✎ 备注: 范围需列明培训人天"))
    }

    /// On a clause with a red flag the note starts from the buyer's position, labelled so, and the
    /// first note records "negotiate", said in the message.
    @Test func aFirstNoteOnAFlaggedClauseSaysItsStatusAndItsSuggestedText() throws {
        var d = Driver(contracts(), width: 120, height: 34)
        d.press(.char("4"))
        let scan = try #require(d.state.contracts.scan)
        let flagged = try #require(
            ClauseKind.allCases.firstIndex { k in
                scan.redFlags.contains { ($0.clause ?? $0.kind.clause) == k && $0.kind != .missing_clause }
            })
        for _ in 0..<flagged { d.press(.down) }
        d.press(.char("n"))
        #expect(d.text.contains("备注 (预填: 买方立场)"))
        d.press(.enter)
        #expect(d.state.message == "备注已记下, 记为 协商中 (o/t/x/- 可更改)")
        #expect(d.state.workspace.reviews.map(\.status) == [.negotiate])
    }

    @Test func theRequirementDetailPaneShowsEverything() {
        var d = Driver(GoldenFrameTests.workspace(), width: 80, height: 24)
        let all = d.screen.lines.suffix(8).joined()
        #expect(all.contains("验收: 汇率日终自动更新"))
        #expect(all.contains("说明: 现状问题: 月末手工折算外币凭证, 常有差错; 影响用户: 财务部 12 人;"))
        #expect(all.contains("预算上限: 30 万; 期限: 2027 年 6 月上线"))
        #expect(all.contains("来源: 财务部 2026-11-20 调研"))
        d.press(.down)
        #expect(d.screen.lines.suffix(8).joined().contains("R02 按工单归集实际成本"))
    }

    /// At 80×24 the detail pane can be cut: its hint names `i`, which shows the requirement whole, to
    /// an evaluator too (the hint named Enter, which opens the lead's form without the source line).
    @Test func iShowsTheRequirementWholeWhenThePaneIsCut() {
        var ws = GoldenFrameTests.workspace()
        ws.requirements[0].detail = String(repeating: "现状问题: 月末手工折算外币凭证, 常有差错; ", count: 14)
        var d = Driver(ws, width: 80, height: 24, evaluator: "张伟")
        let hint = d.screen.lines.first { $0.contains("行: 按 i") }
        #expect(hint != nil, "the cut pane names i:\n\(d.text)")
        d.press(.char("i"))
        guard case .messages(let title, let lines, let plain) = d.state.modal else {
            Issue.record("i shows the requirement: \(String(describing: d.state.modal))")
            return
        }
        #expect(title == "R01 多币种凭证自动折算" && plain)
        #expect(lines.first == "验收: 汇率日终自动更新")
        #expect(lines.last?.hasPrefix("来源: 财务部 2026-11-20 调研") == true)
        #expect(d.text.contains("来源: 财务部 2026-11-20 调研"))
        d.press(.escape)
        #expect(d.state.modal == nil)
    }

    @Test func budgetYearsScrollSidewaysWithMarkers() {
        var d = Driver(GoldenFrameTests.workspace(), width: 80, height: 24)
        d.press(.char("3"))
        #expect(d.text.contains("▸ 显示第1–3年, 共 5 年"))
        #expect(d.text.contains("▸第3年"))
        for _ in 0..<5 { d.press(.right) }
        #expect(d.text.contains("◂ 显示第3–5年, 共 5 年"))
        #expect(d.text.contains("◂第3年"))
        #expect(d.text.contains("第5年"))
    }

    @Test func vendorColumnsThatDoNotFitAreCounted() {
        var ws = GoldenFrameTests.workspace()
        for i in 3...8 { ws.vendors.append(Vendor(id: "V\(i)", name: "供应商\(i)")) }
        var d = Driver(ws, width: 80, height: 24)
        d.press(.char("2"))
        let header = d.screen.lines[2]
        #expect(header.contains("5▸"))
        for _ in 0..<7 { d.press(.right) }
        #expect(d.screen.lines[2].contains("◂5"))
    }
}

/// The foot of the text pane keeps two thirds of the pane for the text; what it has to shorten is
/// marked and `f` shows it whole (a user pass found a clause's two high red flags below the key terms,
/// out of sight, with no key to read them).
@Suite struct ClauseFlagsTests {
    @Test func fShowsTheClausesRedFlagsPositionsNoteAndKeyTermsWhole() throws {
        let ws = GoldenFrameTests.workspace()
        var d = Driver(ws, width: 80, height: 16)
        d.press(.char("4"))
        let scan = try #require(d.state.contracts.scan)
        // The clause with the most red flags: its foot is shortened at this height.
        let kind = try #require(
            ClauseKind.allCases.max { a, b in
                scan.redFlags.filter { ($0.clause ?? $0.kind.clause) == a }.count
                    < scan.redFlags.filter { ($0.clause ?? $0.kind.clause) == b }.count
            })
        let flags = scan.redFlags.filter { ($0.clause ?? $0.kind.clause) == kind }
        #expect(!flags.isEmpty)
        for _ in 0..<ClauseKind.allCases.firstIndex(of: kind)! { d.press(.down) }
        // Red flags come first, then the key terms; the cut is marked with the key.
        let parts = ContractsScreen.footerParts(d.state)
        #expect(parts.first?.0.hasPrefix("⚑ ") == true)
        #expect(parts.last?.0.hasPrefix("§ ") == true)
        #expect(d.text.contains("行: f)"), "the foot is shortened and says so:\n\(d.text)")
        d.press(.char("f"))
        guard case .messages(let title, let lines, _) = d.state.modal else {
            Issue.record("f opens the list: \(String(describing: d.state.modal))")
            return
        }
        #expect(title.contains(d.state.lang.clause(kind)))
        // Key terms broken between whole terms (never a time from its unit), the rest as they are.
        let width = d.state.width - 6
        // Red flags and positions hang under their own start as under the text (they went back to
        // column 0 in the list: user pass).
        #expect(
            lines
                == parts.flatMap {
                    $0.terms
                        ? ContractsScreen.wrapParts($0.0, separator: " · ", width: width)
                        : TextWidth.wrap($0.0, width, hanging: ContractsScreen.hanging($0.0))
                })
        #expect(lines.allSatisfy { TextWidth.of($0) <= width })
        // A missing clause in the interface's language only (the scan's text is English first).
        let L = d.state.lang
        for fl in flags {
            let text = fl.kind == .missing_clause ? L.t("no \(L.clause(kind)) clause", "未约定\(L.clause(kind))") : fl.text
            #expect(lines.contains { $0.hasPrefix("⚑") && $0.hasSuffix(text) }, "\(fl.kind)")
        }
        if L == .zh && flags.contains(where: { $0.kind == .missing_clause }) {
            #expect(!lines.joined().contains("No "), "\(lines)")
        }
        // The overlay shows it wrapped, scrollable; Esc closes it.
        let shown = d.screen.lines.joined().filter { $0 != " " }
        #expect(shown.contains(String(parts[0].0.filter { $0 != " " }.prefix(12))))
        d.press(.escape)
        #expect(d.state.modal == nil)
    }

    @Test func aSupportTimeRepeatedByEveryOrderOfABundleIsListedOnceWithItsCount() {
        var terms = ContractKeyTerms()
        terms.slaResponses =
            (0..<40).map { SLAResponse(minutes: 480, kind: .response, line: 10 + 30 * $0, text: "8 hours") }
            + [SLAResponse(minutes: 1_440, kind: .resolution, line: 12, text: "24 hours")]
        #expect(ContractsScreen.keyTermsLine(terms, .en) == "SLA: resp 8 h ×40, fix 1 d")
        // The Chinese screen says its units in Chinese.
        terms.penaltyRates = [PenaltyRate(partsPerMillion: 500, per: "day", line: 3, text: "每日万分之五")]
        // A rate reads as a percentage (万分之五 = 0.05 %), not the raw decimal 0.0005.
        #expect(ContractsScreen.keyTermsLine(terms, .zh) == "SLA: 响应 8 小时 ×40, 恢复 1 天 · 违约金: 0.05%/日")
        #expect(PenaltyRate(partsPerMillion: 1_000, per: "day", line: 1, text: "").percent == "0.1%")
        #expect(PenaltyRate(partsPerMillion: 30_000, per: "month", line: 1, text: "").percent == "3%")
        #expect(PenaltyRate(partsPerMillion: 15, per: "day", line: 1, text: "").percent == "0.0015%")
    }

    /// A term too wide for the pane breaks between its items and the `f` cut ends after a whole one:
    /// `恢复 1  …` and `响应 1` / `个工作日` cut a time from its unit (user test pass).
    @Test func keyTermsBreakAndCutBetweenWholeTimes() {
        let line = "SLA: 响应 30 分钟, 恢复 4 小时, 响应 2 小时, 恢复 1 天 · 通知期 30 天"
        // The next term starts two cells in; the items of a term too wide go on four in, each line
        // but the last keeping its comma (so a row never reads as the end of the term).
        #expect(
            ContractsScreen.wrapParts(line, separator: " · ", width: 30) == [
                "SLA: 响应 30 分钟,", "    恢复 4 小时, 响应 2 小时,", "    恢复 1 天", "  通知期 30 天",
            ])
        // A quoted sentence's comma is its own: kept, and its rows hang under the term, not its label
        // (the `except` of a liability cap started at column 0, as if a new term: user pass).
        let cap = "cap: 8.2 The aggregate liability is limited to the total price, except for wilful misconduct. · forum: SHIAC"
        #expect(
            ContractsScreen.wrapParts(cap, separator: " · ", width: 36) == [
                "cap: 8.2 The aggregate liability is", "    limited to the total price,", "    except for wilful misconduct.",
                "  forum: SHIAC",
            ])
        #expect(TextWidth.wrap("⚑ 单方调价 L56: 乙方有权根据市场情况调整服务价格。", 20, hanging: 2) == ["⚑ 单方调价 L56:", "  乙方有权根据市场情", "  况调整服务价格。"])
        #expect(ContractsScreen.clipAtItem("SLA: 响应 30 分钟, 恢复 4 小时, 响应 2 小时, 恢复 1 天", to: 44) == "SLA: 响应 30 分钟, 恢复 4 小时, 响应 2 小时")
        #expect(ContractsScreen.clipAtItem("短", to: 10) == "短")
        #expect(ContractsScreen.counted(["a", "b", "a"]) == ["a ×2", "b"])
        #expect(ContractsScreen.counted([]) == [])
    }
}
