import BidbenchCore
import Foundation
import Testing

@testable import BidbenchUI

/// Screen 4's contract terms form (`e`): recording a signing puts the contract on the Delivery
/// screen and gives the key dates their start, without editing contracts.csv by hand.
@Suite struct ContractFormTests {
    /// One draft contract, not signed yet, and no delivery rows: the Delivery screen is empty.
    static func workspace() -> Workspace {
        var ws = sampleWorkspace()
        ws.contracts = [
            Contract(
                id: "C1", vendor: "V1", title: "ERP 升级加购合同", file: "", termMonths: 36, autoRenew: true, renewalMonths: 12,
                noticeDays: 30, value: Money(units: 1_860_000), warrantyMonths: 12, status: "review")
        ]
        ws.contracts[0].extra["cost_center"] = "信息部"
        return ws
    }

    static func driver(_ lang: Lang = .zh, evaluator: String? = nil) -> Driver {
        var d = Driver(workspace(), lang: lang, width: 120, height: 34, evaluator: evaluator)
        d.state.today = Day(iso: "2027-01-10")!
        return d
    }

    static func form(_ d: Driver) -> Form? {
        if case .form(let f)? = d.state.modal { return f }
        return nil
    }

    @Test func theEmptyDeliveryScreenNamesTheKeyThatRecordsASigning() {
        var d = Self.driver()
        d.press(.char("5"))
        #expect(d.text.contains("登记签署: 按 4 (合同页), 再按 e (编辑条款)"))
        d.press(.char("a"))
        #expect(d.state.message == "尚无执行中的合同: 请登记签署 (4, e: 状态设为已签或履行中), 或导入实施计划")
        var en = Self.driver(.en)
        en.press(.char("5"))
        #expect(en.text.contains("To record a signing: 4 (Contracts), e (edit terms), status signed"))
    }

    @Test func theFormOpensOnTheStatusWithTheContractsTerms() {
        var d = Self.driver()
        d.press(.char("4"), .char("e"))
        guard let f = Self.form(d) else {
            Issue.record("no form")
            return
        }
        #expect(f.title == "合同 C1 条款")
        #expect(f.fields[f.focus].key == "status")
        #expect(
            f.fields.map(\.key) == [
                "title", "vendor", "status", "signed", "effective", "term_months", "auto_renew", "renewal_months", "notice_days", "value",
                "warranty_months",
            ])
        #expect(f.fields.map(\.value) == ["ERP 升级加购合同", "V1", "review", "", "", "36", "true", "12", "30", "1860000", "12"])
        // The form's rows, from its left border (the clause list shows at the left behind it).
        let rows = d.screen.lines.compactMap { line in line.firstIndex { "┌│└".contains($0) }.map { String(line[$0...]) } }
            .filter { !$0.hasPrefix("│ 找不到") && $0.count > 60 }
        #expect(
            rows.prefix(5).map { $0.trimmingCharacters(in: .whitespaces) } == [
                "┌─ 合同 C1 条款 ───────────────────────────────────────────────────────────────────────────────────────┐",
                "│ 标题                  ERP 升级加购合同                                                               │",
                "│ 供应商                ◂ 云帆软件 (V1) ▸                                                              │",
                "│ 状态                  ◂ 审核中 ▸                                                                     │",
                "│ 签署日期 (YYYY-MM-DD)                                                                                │",
            ])
        #expect(d.text.contains("│ 合同价值              1860000   "))
        #expect(d.text.contains("│ 可输入: 草稿/Draft/cg · 审核中/In review/shz · 已签/Signed/yq · 履行中/Active/lxz ·  "))
        #expect(d.text.contains("│ 已到期/Expired/ydq · 已终止/Terminated/yzz  "))
    }

    /// The whole path of a signing: form → contract row → Delivery screen → key dates, and undo.
    @Test func aSigningRecordedInTheFormPutsTheContractOnTheDeliveryScreen() {
        var d = Self.driver()
        d.press(.char("4"), .char("e"))
        d.type("已签")
        d.press(.tab)
        d.type("２０２７年１月５日")  // full-width digits and a Chinese date, as typed with a Chinese IME
        d.press(.tab)
        d.type("2027-01-15")
        d.press(.ctrl("s"))
        #expect(d.state.modal == nil)
        #expect(d.state.message == "已更新合同 C1 的条款 (已签)")
        let k = d.state.workspace.contracts[0]
        #expect(k.status == "signed" && k.signed == Day(iso: "2027-01-05") && k.effective == Day(iso: "2027-01-15"))
        #expect(k.termMonths == 36 && k.value == Money(units: 1_860_000) && k.extra["cost_center"] == "信息部")
        #expect(d.state.dirty)
        // The header of screen 4 has the new effective date at once.
        #expect(d.text.contains("生效 2027-01-15  36 个月"))
        // Screen 5 now shows the contract (signed), with its empty plan.
        d.press(.char("5"))
        #expect(d.screen.lines[1].hasPrefix(" C1 ERP 升级加购合同 · 云帆软件"))
        #expect(!d.text.contains("尚无执行中的合同"))
        // The key dates start from the new effective date: expiry 36 months on, notice 30 days before.
        let dates = KeyDates.dates(in: d.state.workspace, today: d.state.today)
        #expect(
            dates.filter { $0.kind != .warranty_end }.map { "\($0.kind) \($0.date)" }.prefix(3) == [
                "effective 2027-01-15", "notice_deadline 2029-12-16", "expiry 2030-01-15",
            ])
        // Undo brings the draft back, and the Delivery screen is empty again.
        d.press(.char("u"))
        #expect(d.state.workspace.contracts[0].status == "review" && d.state.workspace.contracts[0].signed == nil)
        #expect(d.text.contains("尚无执行中的合同"))
        d.press(.ctrl("r"), .ctrl("s"))
        guard case .save(let ws, _)? = d.effects.last else {
            Issue.record("no save")
            return
        }
        #expect(ws.contracts[0].status == "signed" && ws.contracts[0].signed == Day(iso: "2027-01-05"))
    }

    @Test func signedWithoutASigningDateIsRefusedOnTheDateField() {
        var d = Self.driver(.en)
        d.press(.char("4"), .char("e"))
        d.type("sig")
        d.press(.ctrl("s"))
        guard let f = Self.form(d) else {
            Issue.record("the form closed")
            return
        }
        #expect(f.error == "Signed: A contract “Signed” needs its signing date: enter the Signed date (e.g. 2027-01-05)")
        #expect(f.fields[f.focus].key == "signed" && f.value("status") == "signed")
        #expect(d.state.workspace.contracts[0].status == "review")
        #expect(d.text.contains("A contract “Signed” needs its signing date"))
    }

    @Test func badNumbersAndDatesAreRefusedNamingTheirField() {
        var d = Self.driver()
        d.press(.char("4"), .char("e"))
        d.press(.tab, .tab, .tab)  // status → signed → effective → term
        d.press(.ctrl("u"))
        d.type("-3")
        d.press(.ctrl("s"))
        #expect(Self.form(d)?.error == "期限须为不小于 0 的整数, 而不是 “-3”")
        #expect(Self.form(d).map { $0.fields[$0.focus].key } == "term_months")
        d.press(.ctrl("u"))
        d.type("２４")
        d.press(.tab, .tab, .tab, .tab)  // auto-renew, renewal, notice → value
        d.press(.ctrl("u"))
        d.type("1,860,000.005")
        d.press(.ctrl("s"))
        #expect(Self.form(d)?.error?.hasPrefix("合同价值须为不小于 0、最多两位小数的金额") == true)
        #expect(Self.form(d).map { $0.fields[$0.focus].key } == "value")
        d.press(.ctrl("u"))
        d.type("1,920,000")
        d.press(.backTab)  // back to notice days: all typed is kept
        d.press(.up, .up, .up, .up, .up)  // → signed
        d.type("2027-13-01")
        d.press(.ctrl("s"))
        #expect(Self.form(d)?.error == "签署日期 (YYYY-MM-DD): 日期须为 YYYY-MM-DD 或 2027年3月1日, 而不是 “2027-13-01”")
        #expect(Self.form(d).map { $0.fields[$0.focus].key } == "signed")
        d.press(.ctrl("u"))
        d.press(.ctrl("s"))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.contracts[0].termMonths == 24 && d.state.workspace.contracts[0].value == Money(units: 1_920_000))
    }

    /// Decision: an effective date before the signing is saved (contracts take effect retroactively)
    /// and the message says so.
    @Test func anEffectiveDateBeforeTheSigningIsSavedWithAWarning() {
        var d = Self.driver()
        d.press(.char("4"), .char("e"))
        d.type("履行")
        d.press(.tab)
        d.type("2027-01-20")
        d.press(.tab)
        d.type("2027-01-01")
        d.press(.ctrl("s"))
        #expect(d.state.modal == nil)
        #expect(d.state.workspace.contracts[0].status == "active")
        #expect(d.state.message == "已更新合同 C1 的条款 (履行中) — 注意: 生效日期 2027-01-01 早于签署日期 2027-01-20 (追溯生效)")
    }

    @Test func theVendorIsChosenByTypingItsNameOrIdAndAnUnknownOneIsKept() {
        var d = Self.driver()
        d.press(.char("4"), .char("e"), .backTab)  // status → vendor
        d.type("智")
        #expect(d.text.contains("◂ 智链科技 (V2) ▸"))
        d.press(.backspace)
        d.type("v1")
        #expect(Self.form(d)?.value("vendor") == "V1")
        d.type("x")  // "v1x" starts no choice: said in the form, the choice and the text kept
        #expect(Self.form(d)?.error?.hasPrefix("供应商: “v1x” 不是任何选项的开头") == true)
        #expect(Self.form(d)?.value("vendor") == "V1")
        d.press(.escape, .char("y"))
        // A vendor id that vendors.csv does not have (typed into the file) stays a choice and is written back.
        d.state.workspace.contracts[0].vendor = "V9"
        d.press(.char("e"))
        #expect(Self.form(d)?.fields[1].choiceLabels == ["云帆软件 (V1)", "智链科技 (V2)", "V9"])
        d.press(.ctrl("s"))
        #expect(d.state.workspace.contracts[0].vendor == "V9")
    }

    @Test func escOnAChangedFormAsksAndKeepsWhatWasTyped() {
        var d = Self.driver()
        d.press(.char("4"), .char("e"))
        d.type("yq")
        d.press(.escape)
        #expect(Self.form(d)?.confirmingDiscard == true)
        #expect(d.text.contains("放弃对此表单的修改吗?"))
        d.press(.char("n"))
        #expect(Self.form(d)?.value("status") == "signed")
        d.press(.escape, .char("y"))
        #expect(d.state.modal == nil && d.state.message == "已放弃修改")
        #expect(d.state.workspace.contracts[0].status == "review")
    }

    @Test func anEvaluatorIsToldTheTermsAreTheLeads() {
        var d = Self.driver(evaluator: "张伟")
        d.press(.char("4"), .char("e"))
        #expect(d.state.modal == nil)
        #expect(d.state.message == "仅限主持人: 本会话以张伟身份打分 (不带 --as 启动即为主持人)")
        #expect(!d.text.contains("编辑条款"))
    }
}
