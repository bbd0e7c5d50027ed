/// The data-security review in depth (the guide's §五): not only whether a security clause exists but
/// which of the safeguards a buyer needs the text actually commits to, each with its line. Wording
/// that promises nothing checkable ("行业通行的安全措施", "industry standard security") is reported as
/// vague and does not count as present.
public enum DataSecurityCheck: String, Sendable, CaseIterable {
    case encryption_at_rest, encryption_in_transit, access_control, audit_logs, backup_recovery, breach_notification,
        law_compliance, data_location, sub_processors, return_deletion

    public var labelEN: String {
        switch self {
        case .encryption_at_rest: return "Encryption at rest"
        case .encryption_in_transit: return "Encryption in transit"
        case .access_control: return "Access control"
        case .audit_logs: return "Audit logs"
        case .backup_recovery: return "Backup and recovery"
        case .breach_notification: return "Breach notice with a deadline"
        case .law_compliance: return "PIPL / Cybersecurity Law / MLPS / GDPR"
        case .data_location: return "Data location"
        case .sub_processors: return "Sub-processors"
        case .return_deletion: return "Return and deletion at exit"
        }
    }

    public var labelZH: String {
        switch self {
        case .encryption_at_rest: return "存储加密"
        case .encryption_in_transit: return "传输加密"
        case .access_control: return "访问控制"
        case .audit_logs: return "审计日志"
        case .backup_recovery: return "备份与恢复"
        case .breach_notification: return "泄露通知时限"
        case .law_compliance: return "个保法/网安法/等保/GDPR"
        case .data_location: return "数据存储地"
        case .sub_processors: return "分包处理方"
        case .return_deletion: return "退出时返还与删除"
        }
    }
}

/// Whether one safeguard is committed to.
public struct DataSecurityItem: Equatable, Sendable {
    public enum Status: String, Sendable { case present, vague, missing }
    public var check: DataSecurityCheck
    public var status: Status
    /// 1-based line of the evidence; nil when missing.
    public var line: Int?
    public var text: String

    public init(check: DataSecurityCheck, status: Status, line: Int?, text: String) {
        self.check = check
        self.status = status
        self.line = line
        self.text = text
    }
}

/// The review: one item per check in `DataSecurityCheck.allCases` order, and the vague sentences.
public struct DataSecurityReview: Equatable, Sendable {
    public var items: [DataSecurityItem]
    /// Sentences whose security promise is too vague to check (line, sentence).
    public var vague: [(line: Int, text: String)]

    public init(items: [DataSecurityItem] = [], vague: [(line: Int, text: String)] = []) {
        self.items = items
        self.vague = vague
    }

    public func item(_ check: DataSecurityCheck) -> DataSecurityItem {
        items.first { $0.check == check } ?? DataSecurityItem(check: check, status: .missing, line: nil, text: "")
    }

    public var presentCount: Int { items.filter { $0.status == .present }.count }

    public static func == (a: DataSecurityReview, b: DataSecurityReview) -> Bool {
        a.items == b.items && a.vague.map(\.line) == b.vague.map(\.line) && a.vague.map(\.text) == b.vague.map(\.text)
    }
}

/// What one sentence commits to on its own (`DataSecurityReviewer.read`).
struct DataSecuritySentence: Equatable, Sendable {
    /// The safeguards named, as bits by index in `DataSecurityReviewer.patterns`.
    var checks: UInt16 = 0
    /// Vague wording: what the sentence names counts as vague, not present.
    var vague = false
    /// Vague wording about security: the sentence is listed among the vague ones.
    var quotedAsVague = false
    /// A breach notice with a stated time (read only when it names one and is not vague).
    var breachDeadline = false
    /// The vendor may delete the buyer's data or need not return it (`乙方有权删除…数据，且不承担返还的义务`):
    /// the backup and exit it names are the vendor's right, not a safeguard of the buyer's.
    var refusesReturn = false

    /// Whether the sentence names the safeguard at `index` in `DataSecurityReviewer.patterns`.
    func names(_ index: Int) -> Bool { checks & 1 << UInt16(index) != 0 }
}

enum DataSecurityReviewer {
    static let patterns: [(DataSecurityCheck, PatternSet)] = [
        (
            .encryption_at_rest,
            PatternSet([
                "encrypt*…at rest|at-rest…encrypt*|encrypt*…[stored|storage|database*|disk*|backups]|[stored|storage|database*|backups]…encrypt*|aes-256|aes256|aes 256",
                "加密存储|存储…加密|静态…加密|数据库…加密|加密…存储|落盘…加密",
            ])
        ),
        (
            .encryption_in_transit,
            PatternSet([
                // HTTPS as a protocol, not a web address (`posted at https://…` commits to nothing).
                "in transit|in-transit|tls|ssl|over https|via https|using https|through https|enforce https|enforces https|require https|requires https|https protocol|https connection*|https only|https encryption|encrypt*…[transmi*|transfer*|network*]|[transmi*|transfer*]…encrypt*",
                "传输…加密|加密传输|加密存储和传输|加密存储及传输|加密存储与传输|[采用|通过|使用|基于|强制]…https|https…[协议|加密|传输]|tls|ssl|国密|sm4",
            ])
        ),
        (
            .access_control,
            PatternSet([
                "access control*|role-based|least privilege|multi-factor|mfa|two-factor|2fa|need to know|need-to-know|access…[restricted|limited]…to|authorized personnel|authorised personnel",
                "访问控制|权限管理|最小权限|最小授权|授权访问|双因素|多因素|身份认证|权限分级|分级授权|访问权限|仅限…授权…人员|堡垒机|专人专号|一人一号|实名账号",
                // The vendor's own access bounded by the buyer's authorisation (`乙方仅可在甲方授权范围内访问系统`).
                "\(Party.vendor)…access*…only…[authori*|approv*|permi*]|\(Party.vendor)…only…access*…[authori*|approv*|permi*]",
                "\(Party.vendor)…[仅|只]…[授权|许可|同意]…访问|\(Party.vendor)…[授权范围内|许可范围内]…访问|\(Party.vendor)…未经…[授权|许可|同意]…不得…访问|未经…[授权|许可|同意]…\(Party.vendor)…不得…访问",
            ])
        ),
        (
            .audit_logs,
            PatternSet([
                "audit log*|audit trail*|access log*|log*…[retain*|kept|stored|record*]…[access|operation*|activit*]|[record*|log*]…[access|operation*]…[retain*|kept|for]",
                "操作日志|审计日志|访问日志|日志…[留存|保存|保留|记录]|[留存|保存]…日志|日志审计|安全审计|操作留痕|留痕|操作记录…[留存|保存|保留]",
            ])
        ),
        (
            .backup_recovery,
            PatternSet([
                "[perform*|take*|maintain*|keep*|make*|provide*|daily|weekly|hourly|regular]…[backup*|back up|back-up|backed up]|[backup*|backed up]…[daily|weekly|hourly|every|each|regular*|tested|stored|kept|retained for]|disaster recovery|restore…data|data…restor*|recovery point|recovery time|rpo|rto",
                "备份|容灾|灾备|恢复时间|数据恢复|恢复数据|恢复…[丢失|损毁|损坏|灭失]…数据|恢复点",
            ])
        ),
        (
            .breach_notification,
            PatternSet([
                "[notif*|inform|informs|informed|informing|notice|report*]…[security breach*|data breach*|personal data breach*|breach of security|security incident*|data incident*|unauthorized access|unauthorised access|data leak*]|[security breach*|data breach*|personal data breach*|breach of security|security incident*|data incident*|unauthorized access|unauthorised access]…[notif*|notice|inform|informs|informed|informing|report*]",
                "[安全事件|泄露|数据泄露|安全事故|信息泄露|泄漏]…[通知|告知|报告|通报]|[通知|告知|报告|通报]…[安全事件|泄露|安全事故|泄漏]",
            ])
        ),
        (
            .law_compliance,
            PatternSet([
                "gdpr|general data protection regulation|pipl|personal information protection law|cybersecurity law|data security law|ccpa|data protection law*|data protection legislation",
                "个人信息保护法|网络安全法|数据安全法|等级保护|等保|网络安全等级|gb/t 22239|gb/t22239",
            ])
        ),
        (
            .data_location,
            PatternSet([
                "data residency|data localization|data localisation|[stored|hosted|located|processed|reside*|kept]…[within|in]…[china|the eu|the european|european economic area|eea|united states|mainland|the prc|the country|the territory|data centre*|data center*]|cross-border|outside…[china|the eu|the eea|the country]",
                "境内|出境|跨境|数据中心…[位于|设在]|[存储|存放|部署]…[境内|本地|本市|北京|上海|深圳|杭州]",
            ])
        ),
        (
            .sub_processors,
            PatternSet([
                "sub-processor*|subprocessor*|sub processor*|subcontractor*…[data|personal|process*]|[data|personal]…subcontractor*|third part*…process*…data",
                "分包…数据|第三方…处理…数据|委托处理|受托处理|转委托|数据…第三方…[处理|提供]|分包方…[数据|信息]|未经…同意…[分包|转包]|数据…[分包|转包]",
            ])
        ),
        (
            .return_deletion,
            PatternSet([
                "[return*|export*|delet*|destroy*|erase*]…[data|content]…[terminat*|expir*|end of]|[terminat*|expir*|end of]…[return*|export*|delet*|destroy*|erase*]…[data|content]",
                "[终止|期满|解除|到期|届满|结束]…[返还|交还|移交|导出|删除|销毁]…数据|[终止|期满|解除|到期|届满|结束]…数据…[返还|交还|移交|导出|删除|销毁]|[返还|交还|移交|导出|删除|销毁]…数据…[终止|期满|解除|到期|届满]",
            ])
        ),
    ]

    static let vagueWords = PatternSet([
        "industry standard|industry-standard|industry practice*|commercially reasonable…[security|measures|safeguards|efforts]|reasonable…security|appropriate…security|appropriate…measures|reasonable…measures|adequate…security|best effort*…[secur*|protect*]|[common|customary|usual|generally accepted]…in the industry|measures…[needed to protect|necessary to protect|required to protect]|necessary measures to protect|required measures to protect",
        "行业通行|行业惯例|行业标准|通行的…安全|合理的…安全|必要的…安全|适当的…安全|合理…措施|必要…措施|适当…措施|尽力…[保护|保障]|尽最大努力…安全",
    ])
    /// A stated number of hours or days.
    static let deadlineUnits: Set<Quantity.Unit> = [.minute, .hour, .day, .businessDay]

    /// A sentence about which damages are excluded ("damages include lost or corrupted data, cost of
    /// restoring it"): it names data and restoring, but promises no security measure.
    static let damagesOnly = PatternSet(["damages include|types of damages|lost profits|consequential|indirect…damages", "间接损失|可得利益"])

    /// What a sentence commits to on its own text and kinds: the safeguards it names, whether it is
    /// vague, and whether its breach notice has a deadline. Nothing for a definition.
    static let locationIndex = patterns.firstIndex { $0.0 == .data_location }!
    static let subProcessorIndex = patterns.firstIndex { $0.0 == .sub_processors }!
    static let anywhere = ["境内外", "境内或境外", "境内、境外", "境内及境外", "any country", "any jurisdiction", "anywhere in the world", "全球任何"]
    static let subProcessorControls = [
        "consent", "approv", "prior written", "notif", "notice", "same obligation", "no less protective", "flow down", "list of",
        "responsible for", "liable for", "同意", "批准", "通知", "同等", "不低于", "书面", "负责", "承担", "不得",
    ]

    static let withoutConsent = [
        "无需", "无须", "不需", "不必", "without the customer", "without customer", "without consent", "without the consent", "without prior",
    ]

    static func read(_ s: ScannedSentence) -> DataSecuritySentence {
        var r = DataSecuritySentence()
        guard !s.definition else { return r }
        // Read once: each read of a sentence's haystack copies (and retains) its two arrays.
        let hay = s.hay
        // Neither vague wording nor any safeguard can match: nothing to record (a set that cannot
        // match is passed over on its bit, without touching it).
        guard reviewBits.mayMatch(hay), !damagesOnly.matches(hay) else { return r }
        let bits = patternBits
        r.vague = vagueBit.mayMatch(hay) && vagueWords.matches(hay)
        r.quotedAsVague = r.vague && (s.about(.data_security) || s.about(.privacy) || s.lowerContainsAny(["secur", "安全", "保护"]))
        for p in patterns.indices where bits[p].mayMatch(hay) && patterns[p].1.matches(hay) { r.checks |= 1 << UInt16(p) }
        // A sentence the data-exit red flag reads as a refusal commits to no return either (a lawyer's
        // pass: "has no obligation to retain Customer Data and may delete it" counted as return at exit).
        if RedFlagDetector.noReturn.matches(hay) || noReturnRules.contains(where: { RedFlagDetector.fires($0, hay) }) {
            r.refusesReturn = true
            r.checks &= ~exitBits
        }
        // `境内外的服务器` / "in any country" puts the data anywhere: no data location promised.
        if r.names(locationIndex) && s.lowerContainsAny(anywhere) { r.checks &= ~(1 << UInt16(locationIndex)) }
        // Sub-processors are a safeguard when the buyer controls them (consent, notice, the same duties),
        // not when the vendor may simply use them ("may use third parties to process Client Data").
        if r.names(subProcessorIndex) && (!s.lowerContainsAny(subProcessorControls) || s.lowerContainsAny(withoutConsent)) {
            r.checks &= ~(1 << UInt16(subProcessorIndex))
        }
        // The buyer's own backups (`甲方应自行负责业务数据的日常备份`, "Customer is responsible for daily
        // backups of its own data") are no safeguard the vendor commits to (a lawyer's pass).
        if r.names(backupIndex) && buyerBacksUp.matches(hay) { r.checks &= ~(1 << UInt16(backupIndex)) }
        if !r.vague && r.names(breachIndex) { r.breachDeadline = hasDeadline(s) }
        return r
    }

    static let backupIndex = patterns.firstIndex { $0.0 == .backup_recovery }!
    private static let noReturnRules = RedFlagDetector.rules.filter { $0.kind == .data_deletion_or_no_return }
    static let buyerBacksUp = PatternSet([
        "[customer|client|licensee]…[is responsible for|shall be responsible for|remains responsible for|shall|will]…[back up|backs up|backup*]…[its own|its data|their own|customer data]|[customer|client|licensee]…[is responsible for|shall be responsible for|remains responsible for]…backup*",
        "甲方…自行…备份|甲方…[负责|承担]…备份|备份…由甲方…[负责|承担|自行]",
    ])

    /// The review of the sentences: each safeguard's first committed sentence (else its first vague
    /// one). `readings`: each sentence's `read`, when made already (the scan makes them with the sentences; else read here).
    static func review(_ sentences: [ScannedSentence], readings: [DataSecuritySentence]? = nil, dataReturn: ClauseFinding)
        -> DataSecurityReview
    {
        let readings = readings ?? sentences.map(read)
        precondition(readings.count == sentences.count, "one reading per sentence")
        var found: [DataSecurityCheck: DataSecurityItem] = [:]
        var vague: [(line: Int, text: String)] = []
        var vagueLines = Set<Int>()
        // By index: a sentence is touched (and retained) only when it names a safeguard or is vague.
        for k in readings.indices where readings[k].checks != 0 || readings[k].quotedAsVague {
            let r = readings[k]
            let s = sentences[k]
            let text = s.sentence.isEmpty ? s.text : s.sentence
            if r.quotedAsVague && vagueLines.insert(s.line).inserted { vague.append((s.line, text)) }
            for p in patterns.indices where r.names(p) {
                let check = patterns[p].0
                var status: DataSecurityItem.Status = r.vague ? .vague : .present
                if check == .breach_notification && status == .present && !r.breachDeadline { status = .vague }
                let old = found[check]
                if old == nil || (old!.status != .present && status == .present) {
                    found[check] = DataSecurityItem(check: check, status: status, line: s.line, text: text)
                }
            }
        }
        let refused = Set(readings.indices.lazy.filter { readings[$0].refusesReturn }.map { sentences[$0].line })
        if found[.return_deletion]?.status != .present, let line = dataReturn.line, !refused.contains(line) {
            found[.return_deletion] = DataSecurityItem(check: .return_deletion, status: .present, line: line, text: dataReturn.evidence)
        }
        let items = DataSecurityCheck.allCases.map { c in
            found[c] ?? DataSecurityItem(check: c, status: .missing, line: nil, text: "")
        }
        return DataSecurityReview(items: items, vague: vague)
    }

    /// The haystack bit of each of `patterns`' sets.
    private static let patternBits = patterns.map { GroupBit($0.1) }
    private static let vagueBit = GroupBit(vagueWords)
    private static let breachIndex = patterns.firstIndex { $0.0 == .breach_notification }!
    /// The bits of the safeguards a refusal to return data cancels: backup and return at exit.
    private static let exitBits = patterns.indices.reduce(UInt16(0)) { bits, p in
        [.backup_recovery, .return_deletion].contains(patterns[p].0) ? bits | 1 << UInt16(p) : bits
    }
    /// Whether vague wording or any safeguard may match, in one test.
    private static let reviewBits = AnyBit(patternBits + [GroupBit(vagueWords)])

    /// Whether a breach-notice sentence states a time (`within 24 hours`, `24小时内`).
    static func hasDeadline(_ s: ScannedSentence) -> Bool {
        // A plain sentence without a word of those units holds no such quantity.
        if s.lowerPlain && !KeyTermExtractor.slaUnits.set.mayMatch(s.hay) { return false }
        return s.quantities.contains { deadlineUnits.contains($0.unit) }
    }
}
