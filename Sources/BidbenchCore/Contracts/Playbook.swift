/// The buyer's playbook: for every red-flag kind a severity, a one-line explanation and the position
/// to negotiate (a fallback clause in English and Chinese). The defaults below are Bidbench's own
/// wording; a workspace can override severity, position and whether a kind is reported at all in
/// `playbook.csv` (DESIGN §2).

/// How much a red flag matters to the buyer.
public enum RedFlagSeverity: String, Sendable, CaseIterable, Comparable {
    case high, medium, low

    public init?(parsing s: String) { self.init(rawValue: s.lowercased().trimmingSpaces) }

    /// high < medium < low, so that sorting puts the most serious first.
    public static func < (a: RedFlagSeverity, b: RedFlagSeverity) -> Bool { a.rank < b.rank }
    public static func == (a: RedFlagSeverity, b: RedFlagSeverity) -> Bool { a.rank == b.rank }
    public func hash(into hasher: inout Hasher) { hasher.combine(rank) }
    private var rank: Int {
        switch self {
        case .high: return 0
        case .medium: return 1
        case .low: return 2
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

/// One row of `playbook.csv`.
public struct PlaybookEntry: Equatable, Sendable {
    public var kind: RedFlagKind
    public var severity: RedFlagSeverity
    public var enabled: Bool
    public var positionEN: String
    public var positionZH: String
    public var extra: [String: String] = [:]

    public init(kind: RedFlagKind, severity: RedFlagSeverity, enabled: Bool = true, positionEN: String, positionZH: String) {
        self.kind = kind
        self.severity = severity
        self.enabled = enabled
        self.positionEN = positionEN
        self.positionZH = positionZH
    }
}

/// The playbook a review uses: the workspace's rows over the defaults (a kind the file does not list
/// keeps its default).
public struct Playbook: Equatable, Sendable {
    public private(set) var entries: [RedFlagKind: PlaybookEntry]

    public init(_ rows: [PlaybookEntry] = []) {
        var e: [RedFlagKind: PlaybookEntry] = [:]
        for kind in RedFlagKind.allCases { e[kind] = kind.defaultEntry }
        for row in rows { e[row.kind] = row }
        entries = e
    }

    public static let defaults = Playbook()

    public func entry(_ kind: RedFlagKind) -> PlaybookEntry { entries[kind] ?? kind.defaultEntry }

    /// The default rows, in taxonomy order (what a new workspace's `playbook.csv` holds).
    public static var defaultRows: [PlaybookEntry] { RedFlagKind.allCases.map(\.defaultEntry) }
}

extension ContractScan {
    /// The scan as the buyer's playbook sees it: flags of disabled kinds dropped, severities from the
    /// playbook, most serious first within the same line order.
    public func applying(_ playbook: Playbook) -> ContractScan {
        var s = self
        s.redFlags = redFlags.compactMap { f in
            let e = playbook.entry(f.kind)
            guard e.enabled else { return nil }
            var f = f
            f.severity = e.severity
            return f
        }
        return s
    }
}

extension RedFlagKind {
    public var defaultEntry: PlaybookEntry {
        let t = taxonomy
        return PlaybookEntry(kind: self, severity: t.severity, positionEN: t.positionEN, positionZH: t.positionZH)
    }

    /// One line for the buyer: why this matters.
    public var explanationEN: String { taxonomy.explanationEN }
    public var explanationZH: String { taxonomy.explanationZH }
    public var defaultSeverity: RedFlagSeverity { taxonomy.severity }

    private struct Taxonomy {
        let severity: RedFlagSeverity
        let explanationEN: String
        let explanationZH: String
        let positionEN: String
        let positionZH: String
    }

    // Kept as one function (a table): one case per red-flag kind with its severity and both positions.
    private var taxonomy: Taxonomy {
        switch self {
        case .unilateral_price_change:
            return Taxonomy(
                severity: .high,
                explanationEN: "The vendor can raise or change prices during the term without the buyer's agreement.",
                explanationZH: "合同期内供应商可不经甲方同意自行调整价格。",
                positionEN:
                    "Prices are fixed for the initial term; any later increase needs 90 days' written notice, is capped at the lower of 3% or CPI per year, and lets the Customer terminate without charge.",
                positionZH: "首个合同期内价格固定；此后调价须提前90日书面通知，年涨幅不超过3%与CPI二者较低者，甲方不同意的可无责解除合同。")
        case .unilateral_amendment:
            return Taxonomy(
                severity: .high,
                explanationEN:
                    "The vendor can rewrite the terms (or rules it points to) on its own, and continued use counts as acceptance.",
                explanationZH: "供应商可单方修改条款或所引用的规则，继续使用即视为接受。",
                positionEN:
                    "This Agreement may be amended only in a writing signed by both parties; policies referred to by link are frozen at the version attached on signing.",
                positionZH: "本合同仅经双方书面签署方可变更；以链接引用的规则以签约时附后的版本为准，后续修改须经甲方书面同意。")
        case .auto_renewal:
            return Taxonomy(
                severity: .medium,
                explanationEN: "The contract renews by itself unless someone remembers to give notice in time.",
                explanationZH: "合同到期自动续期，未及时通知即被续约。",
                positionEN:
                    "The Agreement ends at the end of its term unless the Customer confirms renewal in writing; the Provider reminds the Customer 60 days before expiry.",
                positionZH: "合同期满自动终止，续约须经甲方书面确认；乙方应在到期前60日书面提醒甲方。")
        case .long_notice_to_cancel:
            return Taxonomy(
                severity: .medium,
                explanationEN: "Cancelling or stopping renewal needs a long notice period that is easy to miss.",
                explanationZH: "取消或不续约需提前很久通知，容易错过。",
                positionEN: "Either party may give notice of non-renewal or termination up to 30 days before the end of the current term.",
                positionZH: "任一方可在当期届满前30日内通知不续约或解除。")
        case .no_refund:
            return Taxonomy(
                severity: .high,
                explanationEN: "Money paid in advance is kept by the vendor even when the service ends early or is suspended.",
                explanationZH: "预付费用在提前终止、取消或暂停时不予退还。",
                positionEN:
                    "On termination for any reason other than the Customer's breach, the Provider refunds prepaid fees for the unused part of the term within 30 days.",
                positionZH: "除甲方违约外，合同因任何原因提前终止的，乙方应在30日内按比例退还未使用期间的预付费用。")
        case .vendor_may_suspend:
            return Taxonomy(
                severity: .high,
                explanationEN: "The vendor can cut off the service or the account without notice or a stated cause.",
                explanationZH: "供应商可不经通知、无明确理由暂停或终止服务、封禁账号。",
                positionEN:
                    "The Provider may suspend only to stop a serious security threat or after 30 days' written notice of non-payment, limited to the affected part, and restores service once the cause is fixed.",
                positionZH: "乙方仅在出现严重安全威胁或甲方逾期付款经书面催告30日仍未支付时方可暂停，且仅限受影响部分，原因消除后立即恢复。")
        case .data_deletion_or_no_return:
            return Taxonomy(
                severity: .high,
                explanationEN: "The buyer's data may be deleted or kept by the vendor, with no window to take it out.",
                explanationZH: "甲方数据可能被删除或由供应商自行处置，且没有导出期。",
                positionEN:
                    "For 90 days after the end of the Agreement the Provider returns all Customer Data in a standard readable format at no charge, then deletes it and certifies the deletion in writing.",
                positionZH: "合同终止后90日内，乙方应以通用可读格式免费向甲方返还全部数据，此后删除并书面确认删除结果。")
        case .liability_cap_low_or_one_sided:
            return Taxonomy(
                severity: .high,
                explanationEN:
                    "The vendor's liability is capped at a small amount (a month of fees) or only the vendor is protected by a cap.",
                explanationZH: "供应商的赔偿上限过低（如一个月费用）或仅保护供应商一方。",
                positionEN:
                    "Each party's total liability is capped at the fees payable for the 12 months before the claim (at least the total contract price); breaches of confidentiality, data protection and indemnities are not capped.",
                positionZH: "双方责任上限对等，不低于索赔前12个月应付费用（且不低于合同总价）；违反保密、数据保护义务及知识产权赔偿不受上限限制。")
        case .liability_excludes_data_loss:
            return Taxonomy(
                severity: .high,
                explanationEN: "Loss or corruption of the buyer's data is excluded from what the vendor must pay for.",
                explanationZH: "数据丢失或损坏被排除在供应商赔偿范围之外。",
                positionEN:
                    "The Provider is liable for loss or corruption of Customer Data it causes, including the cost of restoring it from the latest backup.",
                positionZH: "因乙方原因造成甲方数据丢失或损坏的，乙方应承担责任，包括从最近备份恢复数据的费用。")
        case .one_way_indemnity:
            return Taxonomy(
                severity: .medium,
                explanationEN: "Only the buyer indemnifies; the vendor gives no indemnity (for example against IP claims).",
                explanationZH: "仅甲方承担赔偿保障义务，供应商不对知识产权侵权等承担赔偿。",
                positionEN:
                    "Each party indemnifies the other against third-party claims caused by its own breach; the Provider indemnifies the Customer against claims that the product infringes third-party rights.",
                positionZH: "双方各自就其违约引起的第三方索赔向对方承担赔偿；乙方保证产品不侵犯第三方权利，否则由乙方承担全部责任。")
        case .vendor_forum_or_law:
            return Taxonomy(
                severity: .medium,
                explanationEN:
                    "Disputes go to the vendor's home court or arbitration, or under a foreign law, raising the buyer's cost to enforce.",
                explanationZH: "争议由供应商所在地法院、仲裁或外国法律解决，甲方维权成本高。",
                positionEN:
                    "Disputes are settled by the courts where the Customer is located, under the law of the Customer's jurisdiction.",
                positionZH: "争议提交甲方所在地有管辖权的人民法院解决，适用中华人民共和国法律。")
        case .extra_fees_unspecified:
            return Taxonomy(
                severity: .medium,
                explanationEN: "Some work is charged on top, at prices not fixed in the contract (list price at the time, travel, taxes).",
                explanationZH: "部分工作另行收费且价格未在合同中确定（届时价格、差旅、税费另计）。",
                positionEN:
                    "The contract price covers everything in the scope; any extra charge needs a written quote at the rates in the attached price list, approved by the Customer before work starts.",
                positionZH: "合同价款已包含范围内全部费用；任何额外费用须按附件单价事先书面报价，经甲方书面同意后方可发生。")
        case .scope_vague_or_vendor_decides:
            return Taxonomy(
                severity: .medium,
                explanationEN: "What the vendor must deliver is left open or decided by the vendor later.",
                explanationZH: "交付范围不明确或由供应商事后确定。",
                positionEN:
                    "The scope is the list of modules, functions and deliverables in the attached schedule; changes need a signed change order.",
                positionZH: "服务范围以附件所列模块、功能及交付物清单为准；任何变更须经双方签署变更单。")
        case .unilateral_service_change:
            return Taxonomy(
                severity: .medium,
                explanationEN: "The vendor can remove features, change the service or stop supporting the version the buyer uses.",
                explanationZH: "供应商可下线功能、变更服务或停止支持甲方使用的版本。",
                positionEN:
                    "The Provider will not materially reduce the functions or service levels during the term; a version stays supported for at least 24 months after a successor is released.",
                positionZH: "合同期内乙方不得实质性减少功能或降低服务水平；新版本发布后，旧版本至少继续支持24个月。")
        case .usage_data_or_publicity:
            return Taxonomy(
                severity: .medium,
                explanationEN: "The vendor may use the buyer's data, usage data or name for its own purposes, marketing or model training.",
                explanationZH: "供应商可将甲方数据、使用数据或名称用于自身目的、宣传或模型训练。",
                positionEN:
                    "The Provider uses Customer Data only to provide the service; any use of the Customer's name, logo or case, or of aggregated data, needs the Customer's prior written consent.",
                positionZH: "乙方仅为提供服务使用甲方数据；使用甲方名称、标识、案例或汇总数据须事先取得甲方书面同意。")
        case .ip_vendor_owns_customisations:
            return Taxonomy(
                severity: .high,
                explanationEN: "Work the buyer pays for (customisations, reports, data, accounts) becomes the vendor's property.",
                explanationZH: "甲方付费的定制开发成果、数据或账号归供应商所有。",
                positionEN:
                    "Deliverables made for the Customer, and all Customer Data, belong to the Customer on payment; the Provider keeps only its pre-existing products.",
                positionZH: "为甲方定制开发的成果及甲方全部数据，自甲方付款之日起归甲方所有；乙方仅保留其原有产品的知识产权。")
        case .warranty_disclaimed:
            return Taxonomy(
                severity: .medium,
                explanationEN:
                    "The vendor gives no promise that the product works (\"as is\"), or narrows it to a repair as the only remedy, so defects are mostly the buyer's problem.",
                explanationZH: "供应商不对产品质量作保证（按现状提供），或把质保限于修复这一唯一救济，缺陷风险主要由甲方承担。",
                positionEN:
                    "The Provider warrants for 12 months from acceptance that the product conforms to its specification and fixes defects free of charge.",
                positionZH: "乙方保证自验收合格之日起12个月内产品符合约定规格，并免费修复缺陷。")
        case .third_party_risk_disclaimed:
            return Taxonomy(
                severity: .low,
                explanationEN: "Failures of third-party components, hosting or services the vendor chose are left to the buyer.",
                explanationZH: "供应商所选第三方组件、云资源或服务出现问题时由甲方自担。",
                positionEN: "The Provider is responsible for the third-party components and subcontractors it uses as for its own work.",
                positionZH: "乙方对其选用的第三方组件、云服务及分包方的行为视同自身行为承担责任。")
        case .buyer_license_restrictions:
            return Taxonomy(
                severity: .medium,
                explanationEN: "Use limits, audits or overage penalties on the buyer that work against its purpose.",
                explanationZH: "对甲方的使用限制、审计或超量罚则有碍正常使用。",
                positionEN:
                    "Audits at most once a year on 30 days' notice, at the Provider's cost; extra use is paid at the contract unit price with no penalty; affiliates and contractors may use the product for the Customer.",
                positionZH: "审计每年不超过一次、提前30日通知且费用由乙方承担；超出部分按合同单价补足，不另加罚金；甲方关联方及外包人员可为甲方使用。")
        case .termination_asymmetry:
            return Taxonomy(
                severity: .medium,
                explanationEN: "The vendor can end the contract more easily than the buyer can.",
                explanationZH: "供应商解除合同的条件明显宽于甲方。",
                positionEN:
                    "Termination rights are mutual; the Customer may also terminate for convenience on 30 days' notice with a pro-rata refund.",
                positionZH: "双方解除权对等；甲方亦可提前30日书面通知解除合同，并按比例退还已付未用费用。")
        case .payment_terms_harsh:
            return Taxonomy(
                severity: .medium,
                explanationEN: "The buyer pays before acceptance, acceptance is deemed, or late interest is steep.",
                explanationZH: "验收前付款、视为验收，或逾期利息过高。",
                positionEN:
                    "Payment in milestones tied to signed acceptance, due 30 days after a correct invoice; no deemed acceptance; late interest not above the LPR.",
                positionZH: "按里程碑付款并以书面验收为前提，收到合格发票后30日内支付；不设视为验收；逾期利息不超过LPR。")
        case .confidentiality_one_sided:
            return Taxonomy(
                severity: .medium,
                explanationEN: "Only the buyer must keep secrets, or the vendor may use and disclose the buyer's information freely.",
                explanationZH: "只约束甲方保密，或供应商可自由使用、披露甲方信息。",
                positionEN:
                    "Confidentiality binds both parties equally; each uses the other's information only for this Agreement and discloses it only to staff who need it under the same duty.",
                positionZH: "保密义务对双方对等；各方仅为履行本合同使用对方信息，且仅向负有同等保密义务的必要人员披露。")
        case .assignment_without_consent:
            return Taxonomy(
                severity: .medium,
                explanationEN: "The vendor can hand the contract, or the buyer's data, to another company without asking.",
                explanationZH: "供应商可不经甲方同意转让合同或将工作分包、移交他方。",
                positionEN: "Neither party may assign or subcontract this Agreement without the other's prior written consent.",
                positionZH: "未经对方事先书面同意，任何一方不得转让本合同权利义务或将主要工作分包。")
        case .no_source_code_escrow:
            return Taxonomy(
                severity: .low,
                explanationEN: "Custom or on-premise software comes without source code or escrow, so it dies with the vendor.",
                explanationZH: "定制或本地部署软件不交付源代码也无托管，供应商退出后无法维护。",
                positionEN:
                    "The Provider deposits the source code and build instructions with an escrow agent, released to the Customer if the Provider stops supporting the product.",
                positionZH: "乙方应将源代码及编译文档交第三方托管，乙方停止支持产品时向甲方释放。")
        case .amount_words_mismatch:
            return Taxonomy(
                severity: .high,
                explanationEN:
                    "A sum written in Chinese words (大写) and the same sum in figures disagree: which one binds will be disputed.",
                explanationZH: "大写金额与小写金额不一致，以哪个为准易生争议。",
                positionEN: "Every sum is written in words and figures that agree; the words prevail if they ever differ.",
                positionZH: "各项金额大小写一致；如有不一致，以大写为准。")
        case .language_versions_differ:
            return Taxonomy(
                severity: .high,
                explanationEN:
                    "The Chinese and English versions state different figures (a sum, a number of days): which version prevails decides what was agreed.",
                explanationZH: "中英文版本所载数字（金额、天数等）不一致，以哪一版本为准将决定实际约定。",
                positionEN:
                    "Both language versions state the same figures; the Chinese version prevails if they ever differ, and the differences found are corrected before signing.",
                positionZH: "中英文版本数字一致；如有不一致，以中文版本为准，签署前更正已发现的差异。")
        case .missing_clause:
            return Taxonomy(
                severity: .high,
                explanationEN: "A clause the buyer needs is not in the contract.",
                explanationZH: "缺少甲方必需的条款。",
                positionEN: "Add the missing clause before signing (acceptance, data security, confidentiality, data return or SLA).",
                positionZH: "签约前补充缺失条款（验收、数据安全、保密、数据返还或服务水平）。")
        }
    }
}
