import BidbenchCore

/// The UI language.
public enum Lang: String, Sendable, Equatable, CaseIterable {
    case en, zh

    /// `en`/`zh` from a flag, a workspace setting or a locale string like `zh_CN.UTF-8`.
    public init(guess: String?) {
        let s = (guess ?? "").lowercased()
        self = s.hasPrefix("zh") ? .zh : .en
    }

    /// Picks the string for this language.
    public func t(_ en: String, _ zh: String) -> String { self == .zh ? zh : en }
}

extension Lang {
    /// The shared label language of Core.
    var labels: ReportLanguage { self == .zh ? .zh : .en }
    public func priority(_ p: Priority) -> String { ReportLabels.priority(p, labels) }
    public func category(_ c: CostCategory) -> String { ReportLabels.category(c, labels) }
    public func clause(_ k: ClauseKind) -> String { ReportLabels.clause(k, labels) }
    public func redFlag(_ k: RedFlagKind) -> String { ReportLabels.redFlag(k, labels) }
    /// A pricing model as the screens name it: its code in English (what prices.csv holds), words in
    /// Chinese.
    public func pricingModel(_ m: PricingModel) -> String {
        guard self == .zh else { return m.rawValue }
        switch m {
        case .one_time: return "一次性"
        case .annual: return "按年"
        case .per_user_annual: return "按用户按年"
        case .per_user_one_time: return "按用户一次性"
        case .percent_of_license: return "许可费比例"
        }
    }

    public func status(_ s: RequirementStatus) -> String {
        switch s {
        case .draft: return t("draft", "草稿")
        case .confirmed: return t("confirmed", "已确认")
        case .merged: return t("merged", "已合并")
        case .dropped: return t("dropped", "已放弃")
        }
    }
}
