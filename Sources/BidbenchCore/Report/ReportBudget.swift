/// Words of the budget-control sections, shared by the Markdown and HTML reports.
enum ReportBudget {
    /// A cost centre's name; the unassigned one says so.
    static func center(_ c: String, _ lang: ReportLanguage) -> String {
        c.isEmpty ? lang.pick("(unassigned)", "（未分配）") : c
    }

    /// What the figures count, in one sentence; `name` formats a vendor's name for the output.
    static func basis(_ control: BudgetControl, facts: ReportFacts, lang: ReportLanguage, name: (String) -> String) -> String {
        var s = lang.pick(
            "Committed: signed contracts' payment milestones (after approved change orders); proposed: open contracts",
            "已承诺：已签合同的付款里程碑（含已批准的变更）；拟采购：未签合同")
        if let v = control.proposedVendor {
            if let k = control.proposalCoveredBy {
                // A signed contract is committed, not part of what is proposed (the report said "proposed:
                // open contracts, including Yunfan Software through contract C1" of the signed C1).
                if let c = facts.ws.contracts.first(where: { $0.id == k }), BudgetModel.isCommitted(c) {
                    s +=
                        lang.pick("; the proposal of ", "；") + name(facts.vendorName(v))
                        + lang.pick(" is its signed contract \(k), counted as committed", " 的报价即其已签合同 \(k)，计入已承诺")
                } else {
                    s += lang.pick(", including ", "，其中 ") + name(facts.vendorName(v)) + lang.pick(" through contract \(k)", " 按合同 \(k) 计")
                }
            } else {
                s += lang.pick(" and the proposal of ", "，以及 ") + name(facts.vendorName(v)) + lang.pick("", " 的报价")
            }
        }
        return s + lang.pick(".", "。")
    }

    /// A vendor's name in the budget sections: a knocked-out vendor (fails a must-have) is marked ✗.
    static func vendor(_ id: String, facts: ReportFacts) -> String {
        let out = facts.knockedOut.contains(id)
        return (out ? "✗ " : "") + facts.vendorName(id)
    }

    /// A row's status in words, with its mark.
    static func word(_ st: ControlStatus, _ lang: ReportLanguage) -> String {
        switch st {
        case .ok: return lang.pick("within budget", "预算内")
        case .warn: return "⚠ " + lang.pick("near the limit", "接近上限")
        case .stop: return "✗ " + lang.pick("over budget", "超支")
        case .unbudgeted: return "✗ " + lang.pick("unbudgeted", "未列入预算")
        }
    }
}
