/// The contract part of the report: red-flag names and the key-terms table.
extension ReportLabels {
    public static func redFlag(_ k: RedFlagKind, _ l: ReportLanguage) -> String {
        switch k {
        case .unilateral_price_change: return l.pick("Unilateral price change", "单方调价")
        case .auto_renewal: return l.pick("Auto-renewal with a notice window", "自动续约（需提前通知）")
        case .liability_cap_low: return l.pick("Liability cap below fees paid", "责任上限低于已付费用")
        case .liability_excludes_data_loss: return l.pick("Liability excludes data loss", "责任排除数据丢失")
        case .no_data_return: return l.pick("No data return on exit", "终止时无数据返还")
        case .vendor_may_suspend: return l.pick("Vendor may suspend service", "供应商可暂停服务")
        case .extra_fees_unspecified: return l.pick("Unspecified extra fees", "另行收费未明确")
        case .vendor_exclusive_forum: return l.pick("Vendor-side exclusive forum", "供应商所在地专属管辖")
        case .missing_clause: return l.pick("Missing clause", "缺少必要条款")
        }
    }
}

extension HTMLReportWriter {
    func redFlagItem(_ f: RedFlag) -> String {
        var s = "<li><span class=\"flag\">⚑ " + e(ReportLabels.redFlag(f.kind, lang)) + "</span>"
        if let k = f.clause { s += " · " + e(ReportLabels.clause(k, lang)) }
        // A flag for something missing has no line: its text is the scanner's (English) note, so the
        // report says "not in the text" in its own language instead.
        if let line = f.line {
            s += " <span class=\"muted\">" + e(t("line \(line)", "第 \(line) 行")) + "</span>"
            if !f.text.isEmpty { s += ": " + e(f.text) }
        } else {
            s += " <span class=\"muted\">" + e(t("not in the text", "文本中没有")) + "</span>"
        }
        return s + "</li>"
    }

    func keyTerms(_ k: ContractKeyTerms) -> String {
        var items: [(String, String)] = []
        if let v = k.termMonths { items.append((t("Term", "期限"), t("\(v) months", "\(v) 个月"))) }
        if let v = k.renewalMonths { items.append((t("Renewal", "续约"), t("\(v) months", "\(v) 个月"))) }
        if let v = k.noticeDays { items.append((t("Notice", "通知期"), t("\(v) days", "\(v) 天"))) }
        if let v = k.paymentDueDays { items.append((t("Payment due", "付款期限"), t("\(v) days", "\(v) 天"))) }
        if let v = k.governingLaw { items.append((t("Governing law", "适用法律"), v)) }
        if let v = k.disputeForum { items.append((t("Dispute forum", "争议解决"), v)) }
        if let v = k.liabilityCap { items.append((t("Liability cap", "责任上限"), v)) }
        guard !items.isEmpty else { return "" }
        return "<table class=\"kv\"><tbody>" + items.map { "<tr><th>\(e($0.0))</th><td>\(e($0.1))</td></tr>" }.joined()
            + "</tbody></table>\n"
    }
}
