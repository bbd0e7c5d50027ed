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

import BidbenchCore

extension Lang {
    public func priority(_ p: Priority) -> String {
        switch p {
        case .must: return t("must", "必须")
        case .should: return t("should", "应该")
        case .could: return t("could", "可以")
        case .wont: return t("won't", "暂不")
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
    public func category(_ c: CostCategory) -> String {
        switch c {
        case .license: return t("license", "许可")
        case .subscription: return t("subscription", "订阅")
        case .implementation: return t("implementation", "实施")
        case .customization: return t("customization", "定制")
        case .data_migration: return t("data migration", "数据迁移")
        case .training: return t("training", "培训")
        case .maintenance: return t("maintenance", "运维")
        case .hardware: return t("hardware", "硬件")
        case .other: return t("other", "其他")
        }
    }
    public func clause(_ k: ClauseKind) -> String {
        switch k {
        case .scope: return t("scope", "范围")
        case .fees: return t("fees", "费用")
        case .payment: return t("payment", "付款")
        case .services: return t("services", "服务")
        case .support_sla: return t("support SLA", "服务水平")
        case .warranty: return t("warranty", "质保")
        case .acceptance: return t("acceptance", "验收")
        case .liability: return t("liability", "责任")
        case .penalty: return t("penalty", "违约金")
        case .term: return t("term", "期限")
        case .renewal: return t("renewal", "续约")
        case .termination: return t("termination", "终止")
        case .data_return: return t("data return", "数据返还")
        case .data_security: return t("data security", "数据安全")
        case .privacy: return t("privacy", "隐私")
        case .confidentiality: return t("confidentiality", "保密")
        case .change_control: return t("change control", "变更")
        case .price_change: return t("price change", "调价")
        case .ip: return t("IP", "知识产权")
        case .dispute_resolution: return t("disputes", "争议解决")
        case .governing_law: return t("governing law", "适用法律")
        case .force_majeure: return t("force majeure", "不可抗力")
        }
    }
}
