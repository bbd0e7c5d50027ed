/// Display names of the model's enumerations in both languages: the one table the report, the UI and
/// the command line share.
public enum ReportLabels {
    /// A delivery phase's status in words (the reports, the handout and the delivery verb's text).
    public static func phaseStatus(_ s: String, _ lang: ReportLanguage) -> String {
        switch s {
        case "done": return lang.pick("done", "已完成")
        case "in_progress": return lang.pick("in progress", "进行中")
        default: return lang.pick("planned", "未开始")
        }
    }

    /// The delivery tables' coded values in words (the screens' choices, the export for people):
    /// one table, so that what people read is what the forms offer and what the importer reads back.
    public static let deliveryWords: [String: [String: (en: String, zh: String)]] = [
        "task_status": [
            "planned": ("planned", "计划"), "in_progress": ("in progress", "进行中"), "done": ("done", "完成"),
            "blocked": ("blocked", "受阻"), "cancelled": ("cancelled", "取消"),
        ],
        "test_result": ["pass": ("pass", "通过"), "fail": ("fail", "未通过"), "pending": ("pending", "待测")],
        "training_level": ["basic": ("basic", "基础"), "advanced": ("advanced", "高级"), "admin": ("admin", "管理员")],
        "training_mode": ["online": ("online", "线上"), "offline": ("offline", "线下"), "onsite": ("on-site", "现场")],
        "handover_status": ["open": ("open", "待办"), "done": ("done", "完成"), "n/a": ("n/a", "不适用")],
    ]

    /// A delivery value in words (`deliveryWords[table]`); one not known stays as it is.
    public static func delivery(_ table: String, _ value: String, _ l: ReportLanguage) -> String {
        deliveryWords[table]?[value].map { l.pick($0.en, $0.zh) } ?? value
    }

    public static func priority(_ p: Priority, _ l: ReportLanguage) -> String {
        switch p {
        case .must: return l.pick("Must", "必须")
        case .should: return l.pick("Should", "应该")
        case .could: return l.pick("Could", "可以")
        case .wont: return l.pick("Won't", "暂不")
        }
    }

    public static func category(_ c: CostCategory, _ l: ReportLanguage) -> String {
        switch c {
        case .license: return l.pick("Licence", "许可")
        case .subscription: return l.pick("Subscription", "订阅")
        case .implementation: return l.pick("Implementation", "实施")
        case .customization: return l.pick("Customisation", "定制开发")
        case .data_migration: return l.pick("Data migration", "数据迁移")
        case .training: return l.pick("Training", "培训")
        case .maintenance: return l.pick("Maintenance", "维护")
        case .hardware: return l.pick("Hardware", "硬件")
        case .other: return l.pick("Other", "其他")
        }
    }

    public static func riskType(_ t: RiskType, _ l: ReportLanguage) -> String {
        switch t {
        case .technical: return l.pick("Technical", "技术")
        case .market: return l.pick("Market", "市场")
        case .personnel: return l.pick("Personnel", "人员")
        case .vendor: return l.pick("Vendor", "供应商")
        case .data_security: return l.pick("Data security", "数据安全")
        case .compliance: return l.pick("Compliance", "合规")
        case .financial: return l.pick("Financial", "财务")
        }
    }

    public static func reviewStatus(_ s: ReviewStatus, _ l: ReportLanguage) -> String {
        switch s {
        case .ok: return l.pick("OK", "通过")
        case .negotiate: return l.pick("Negotiate", "协商中")
        case .missing: return l.pick("Missing", "缺失")
        case .na: return l.pick("N/A", "不适用")
        }
    }

    public static func clause(_ c: ClauseKind, _ l: ReportLanguage) -> String {
        switch c {
        case .scope: return l.pick("Scope", "服务范围")
        case .fees: return l.pick("Fees", "费用")
        case .payment: return l.pick("Payment", "付款")
        case .services: return l.pick("Services", "服务内容")
        case .support_sla: return l.pick("Support / SLA", "支持与服务水平")
        case .warranty: return l.pick("Warranty", "质保")
        case .acceptance: return l.pick("Acceptance", "验收")
        case .liability: return l.pick("Liability", "责任限制")
        case .penalty: return l.pick("Penalties", "违约金")
        case .term: return l.pick("Term", "合同期限")
        case .renewal: return l.pick("Renewal", "续约")
        case .termination: return l.pick("Termination", "解除与终止")
        case .data_return: return l.pick("Data return", "数据返还")
        case .data_security: return l.pick("Data security", "数据安全")
        case .privacy: return l.pick("Privacy", "个人信息保护")
        case .confidentiality: return l.pick("Confidentiality", "保密")
        case .change_control: return l.pick("Change control", "变更控制")
        case .price_change: return l.pick("Price change", "价格调整")
        case .ip: return l.pick("Intellectual property", "知识产权")
        case .dispute_resolution: return l.pick("Dispute resolution", "争议解决")
        case .governing_law: return l.pick("Governing law", "适用法律")
        case .force_majeure: return l.pick("Force majeure", "不可抗力")
        }
    }

    /// Status words of contracts, payments, risks and change orders (free text in the model:
    /// known words are translated, anything else is shown as typed).
    public static func status(_ s: String, _ l: ReportLanguage) -> String {
        guard let (en, zh) = statusWords[s.trimmed.lowercased()] else { return s }
        return l.pick(en, zh)
    }

    /// The status words `status` knows, by the value a file holds.
    public static let statusWords: [String: (String, String)] = [
        "draft": ("Draft", "草稿"), "review": ("In review", "审核中"), "signed": ("Signed", "已签"),
        "active": ("Active", "履行中"), "expired": ("Expired", "已到期"), "terminated": ("Terminated", "已终止"),
        "planned": ("Planned", "计划"), "due": ("Due", "待付"), "paid": ("Paid", "已付"),
        "open": ("Open", "未关闭"), "watching": ("Watching", "观察中"), "closed": ("Closed", "已关闭"),
        "proposed": ("Proposed", "提议"), "approved": ("Approved", "已批准"), "rejected": ("Rejected", "已拒绝"),
    ]
}
