/// The contract part of the report: red-flag names and the key-terms table.
extension ReportLabels {
    public static func redFlag(_ k: RedFlagKind, _ l: ReportLanguage) -> String {
        switch k {
        case .unilateral_price_change: return l.pick("Unilateral price change", "单方调价")
        case .unilateral_amendment: return l.pick("Terms changed unilaterally", "单方修改条款")
        case .auto_renewal: return l.pick("Auto-renewal with a notice window", "自动续约（需提前通知）")
        case .long_notice_to_cancel: return l.pick("Long notice to cancel", "解约/不续约通知期过长")
        case .no_refund: return l.pick("Prepaid fees not refunded", "预付费用不退还")
        case .vendor_may_suspend: return l.pick("Vendor may suspend service", "供应商可暂停服务")
        case .data_deletion_or_no_return: return l.pick("Data deleted or not returned", "数据被删除或不返还")
        case .liability_cap_low_or_one_sided: return l.pick("Liability cap low or one-sided", "责任上限过低或不对等")
        case .liability_excludes_data_loss: return l.pick("Liability excludes data loss", "责任排除数据丢失")
        case .one_way_indemnity: return l.pick("One-way indemnity", "单向赔偿保障")
        case .vendor_forum_or_law: return l.pick("Vendor's forum or law", "供应商所在地管辖或外国法律")
        case .extra_fees_unspecified: return l.pick("Unspecified extra fees", "另行收费未明确")
        case .scope_vague_or_vendor_decides: return l.pick("Scope vague or set by the vendor", "范围模糊或由供应商决定")
        case .unilateral_service_change: return l.pick("Service changed unilaterally", "单方变更服务")
        case .usage_data_or_publicity: return l.pick("Use of data or name", "使用甲方数据或名称")
        case .ip_vendor_owns_customisations: return l.pick("Vendor owns custom work", "定制成果归供应商")
        case .warranty_disclaimed: return l.pick("Warranty disclaimed", "不提供质量保证")
        case .third_party_risk_disclaimed: return l.pick("Third-party risk on the buyer", "第三方风险由甲方承担")
        case .buyer_license_restrictions: return l.pick("Restrictive licence or audits", "使用限制或审计")
        case .termination_asymmetry: return l.pick("One-sided termination", "解除权不对等")
        case .payment_terms_harsh: return l.pick("Harsh payment terms", "付款条件苛刻")
        case .confidentiality_one_sided: return l.pick("One-sided confidentiality", "保密义务不对等")
        case .assignment_without_consent: return l.pick("Assignment without consent", "未经同意转让或分包")
        case .no_source_code_escrow: return l.pick("No source code or escrow", "无源代码交付或托管")
        case .amount_words_mismatch: return l.pick("Amount in words and figures differ", "大小写金额不一致")
        case .language_versions_differ: return l.pick("Chinese and English versions differ", "中英文版本不一致")
        case .missing_clause: return l.pick("Missing clause", "缺少必要条款")
        }
    }
}

extension ReportLabels {
    /// A contract's key terms as the scan found them, named, for both reports.
    static func keyTerms(_ k: ContractKeyTerms, _ l: ReportLanguage) -> [(String, String)] {
        var items: [(String, String)] = []
        if let v = k.termMonths { items.append((l.pick("Term", "期限"), l.pick("\(v) months", "\(v) 个月"))) }
        if let v = k.renewalMonths { items.append((l.pick("Renewal", "续约"), l.pick("\(v) months", "\(v) 个月"))) }
        if let v = k.noticeDays { items.append((l.pick("Notice", "通知期"), l.pick("\(v) days", "\(v) 天"))) }
        if let v = k.paymentDueDays {
            items.append((l.pick("Payment due", "付款期限"), k.paymentDueText(chinese: l == .zh) ?? "\(v)"))
        }
        if let v = k.governingLaw { items.append((l.pick("Governing law", "适用法律"), v)) }
        if let v = k.disputeForum { items.append((l.pick("Dispute forum", "争议解决"), v)) }
        if let v = k.liabilityCapQuote(width: 200) { items.append((l.pick("Liability cap", "责任上限"), v)) }
        return items
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
        let items = ReportLabels.keyTerms(k, lang)
        guard !items.isEmpty else { return "" }
        return "<table class=\"kv\"><tbody>" + items.map { "<tr><th>\(e($0.0))</th><td>\(e($0.1))</td></tr>" }.joined()
            + "</tbody></table>\n"
    }
}
