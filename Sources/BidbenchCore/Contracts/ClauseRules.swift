/// The detection rules for the 22 clause kinds. Every pattern is matched on lower-cased,
/// normalised text (see `TextPattern`). A clause is found by its heading (strong evidence) or by an
/// operative sentence (strong or weak patterns); weak sentences need support from the enclosing
/// section's heading to count.
final class ClauseRule: Sendable {
    let kind: ClauseKind
    /// Matched on heading text (`第五条 保密`, `7. Limitation of Liability`, `## Payment`).
    let headings: PatternSet
    /// A heading that also matches one of these is not about this kind (`付款期限` is not `term`).
    let headingVeto: PatternSet
    let strong: PatternSet
    let weak: PatternSet
    /// A sentence matching one of these does not count for this kind.
    let veto: PatternSet
    /// Headings that count only when they are the whole heading (`服务`, `Service`), too broad as parts.
    let exactHeadings: Set<String>

    /// Whether a (lower-cased) heading names this kind by its patterns (`exactHeadings` aside: see
    /// `ClauseRules.headingKinds`).
    func matchesHeading(_ bytes: Haystack) -> Bool { headings.matches(bytes) && !headingVeto.matches(bytes) }

    init(
        _ kind: ClauseKind, headings: [String], exact: Set<String> = [], headingVeto: [String] = [], strong: [String],
        weak: [String] = [], veto: [String] = []
    ) {
        self.kind = kind
        self.exactHeadings = exact
        self.headings = PatternSet(headings)
        self.headingVeto = PatternSet(headingVeto)
        self.strong = PatternSet(strong)
        self.weak = PatternSet(weak)
        self.veto = PatternSet(veto)
    }
}

/// Words for the two parties, for patterns that depend on who acts.
enum Party {
    static let vendor =
        "[乙方|供方|供应商|中标人|卖方|出卖人|服务方|服务商|承接方|受托方|受托人|开发方|承包方|承包人|平台|本平台|我们|本公司|provider|vendor|supplier|licensor|contractor|seller|consultant|developer|company|we]"
    static let buyer = "[甲方|需方|买方|采购方|采购人|委托方|委托人|发包人|买受人|customer|client|licensee|purchaser|buyer|you]"
}

enum ClauseRules {
    /// A currency sign or code directly before a digit: `$1,200`, `USD 500`, `¥80000`.
    static let currencyAmount = ["$", "¥", "\u{FFE5}", "usd ", "us$", "rmb ", "cny ", "eur ", "gbp ", "rmb", "usd"]
        .map { sign in (0...9).map { sign + String($0) }.joined(separator: "|") }.joined(separator: "|")

    /// The kinds a (lower-cased, bare) heading names: as a whole (`exactHeadings`, looked up once
    /// for all rules: hashed per rule it was a fiftieth of a scan) or by the rules' heading patterns.
    static func headingKinds(_ heading: String, _ bytes: Haystack) -> ClauseKinds {
        var kinds = exactHeadingKinds[heading] ?? ClauseKinds()
        for rule in all where rule.matchesHeading(bytes) { kinds.insert(rule.kind) }
        return kinds
    }

    private static let exactHeadingKinds: [String: ClauseKinds] = all.reduce(into: [:]) { table, rule in
        for heading in rule.exactHeadings { table[heading, default: ClauseKinds()].insert(rule.kind) }
    }

    static let all: [ClauseRule] = [
        ClauseRule(
            .scope,
            headings: [
                "scope*", "license grant", "grant of licen*", "licen*", "subject matter", "statement of work",
                "deliverables", "project description", "范围", "服务内容", "建设内容", "采购内容", "项目内容", "合同标的", "标的", "工作内容",
                "许可", "授权", "合同内容", "建设内容", "采购内容", "项目概况", "交付内容", "交付物",
                "加购内容|升级内容|购买内容|订购内容|产品清单|服务清单|采购清单|供货范围|产品及服务|产品与服务|订购服务|服务说明",
                "services|service description|description of services|subscription services|the service|use of the service*|access to the service*",
                "products|products and services|subscription|hosting|project|the project|the platform|委托事项|委托内容|服务事项|开发内容|咨询内容|维保范围",
            ],
            headingVeto: ["licen*…fee*", "许可费", "授权代表", "licen*…limit*"],
            strong: [
                "grant*…licen*", "licen*…to use", "scope of|within the scope", "statement of work",
                "deliverables include|deliverables are|deliverables consist", "project includes|project consists|project comprises",
                "\(Party.vendor)…[shall|will|agrees to]…[deliver|supply|furnish|license]…[software|modules|system|products|platform]",
                "项目范围", "实施范围", "服务范围", "工作范围", "交付范围",
                "[乙方|供方|卖方|供应商|中标人|承包人]…[向甲方|为甲方|向需方|为需方|向买方|向采购人|为采购人]…[提供|交付|供应]…[系统|软件|平台|模块|服务]", "建设内容|采购内容|项目内容|采购标的",
                "包括…[系统|平台|子系统]", "授予…许可|许可…使用权", "授权甲方…使用",
                "许可甲方…使用", "包括…模块|模块…包括|包括…功能|功能…包括|包括…子系统", "交付物", "合同标的",
            ],
            weak: ["licen*", "模块", "许可"],
            veto: ["grants no|no licen*|not grant*|nothing…grant*|不授予|不视为…许可"]),
        ClauseRule(
            .fees,
            headings: [
                "fees|fee", "price|prices|pricing|rates", "charges", "consideration", "compensation", "contract value|contract sum",
                "费用", "价款", "合同价格", "合同金额", "合同总价", "价格", "报价", "收费", "金额", "服务费", "报酬|酬金",
            ],
            headingVeto: ["adjust*|increase*|change*", "调整|调价|变更", "attorney"],
            strong: [
                "total…price|total…fee*|total…amount|total…value", "contract price|contract value|contract sum",
                "licen*…fee*|subscription fee*|implementation fee*|service fee*|maintenance fee*|annual fee*",
                "fees are|fee is|fees will be|fees shall be|fee shall be|fees of|fee of",
                "exclusive of…tax*|inclusive of…tax*", currencyAmount,
                "合同总价|合同总金额|合同价款|总价款|总金额|合同金额|总价为|总价", "服务费|许可费|实施费|维护费|年费|订阅费",
                "人民币…元", "含税|不含税|增值税", "大写",
            ],
            weak: ["fees|fee|price|charges", "费用|价格"],
            veto: ["attorney*|legal fees|court fees|违约金|诉讼费|律师费"]),
        ClauseRule(
            .payment,
            headings: ["payment*", "invoic*", "billing", "付款", "支付", "结算"],
            headingVeto: ["违约金"],
            strong: [
                "shall pay|will pay|agrees to pay|must pay", "payable…within|due…within…invoice*|within…of…invoice*",
                "invoice*", "net 30|net 45|net 60|net 15", "payment…[due|made|terms|schedule|process]",
                "[甲方|采购人|需方|买方|发包人|委托人]…[支付|付款]|付款方式|支付方式|付款条件|付款比例|首付款|预付款|尾款|进度款|支付…%|付清|发票|结算",
                "汇入|转账|将款项|支付款项|款项支付|指定账户|银行账户", "分期支付|分期付款|分…期…支付|按期支付|第…期…[款|费用]|[首期|二期|末期]…[款|支付]",
                "billed…[annually|monthly|quarterly|in advance]|[annually|monthly|quarterly]…in advance|charge…payment method|credit card",
            ],
            weak: ["pay|payment*", "支付|付款"],
            veto: ["违约金|滞纳金|赔偿|逾期|liquidated|damages|penalt*|refund|late payment*|overdue"]),
        ClauseRule(
            .services,
            headings: [
                "services", "professional services", "implementation*", "deployment", "training",
                "服务内容", "服务项目", "服务要求", "服务方式", "实施服务", "技术服务", "实施", "部署", "培训",
                "乙方…义务|乙方…职责|乙方…工作",
            ],
            exact: ["服务", "服务条款", "service", "the services", "services"],
            headingVeto: ["service level*|service credit*|terms of service", "服务费|服务期|服务水平|售后服务|服务范围"],
            strong: [
                "\(Party.vendor)…[shall|will|agrees to]…[provide|perform|deliver]…[services|implementation|training|installation|migration|configuration]",
                "\(Party.vendor)…[shall|will|agrees to]…[implement|install|configure|deploy|migrate|upgrade]…[system|software|solution|modules|platform|erp|crm|application*]",
                "\(Party.vendor)…[shall|will|agrees to]…train…[users|staff|personnel|employees|administrators]",
                "[乙方|供方|服务方|供应商|中标人|承包人|受托人]…[负责|提供|完成|承担]…[实施|部署|安装|培训|数据迁移|上线|技术服务|二次开发|定制开发|系统集成|配置]",
                "上线支持|驻场", "[负责|提供]…[运行维护|回访服务|外包服务|客服服务|咨询服务]|委托乙方…[提供|完成|实施]…服务",
            ],
            // A passing mention ("fees for professional services are in Exhibit B") is weak evidence only.
            weak: [
                "services", "服务", "professional services|implementation services|consulting services|training services|onboarding services",
                "实施服务|技术服务|培训服务|咨询服务",
            ]),
        ClauseRule(
            .support_sla,
            headings: [
                "support*", "maintenance", "service level*", "sla", "updates", "technical support", "uptime|availability",
                "维护", "运维", "技术支持", "售后", "服务水平", "服务等级", "响应", "服务保障|运行保障|运维保障",
            ],
            headingVeto: ["维护费"],
            strong: [
                "response time*|resolution time*|respond…within|response…within|responds…within|acknowledg*…within",
                "[issue*|incident*|ticket*|fault*|defect*|outage*|problem*]…within…[hour*|minute*|business day*]",
                "uptime|availability of|available…%",
                "service level*|sla", "helpdesk|help desk|hotline|24x7|24/7|24 x 7|business hours",
                "support…[services|hours|requests|tickets|levels]", "technical support|support and maintenance|maintenance and support",
                "maintenance releases|provide…updates|updates…maintenance",
                "响应时间|小时内响应|分钟内响应|响应…小时|响应…分钟|到达现场|到场", "7x24|7×24|5x8|5×8|7*24|5*8",
                "可用性|可用率|在线率", "技术支持|维护服务|运维服务|运行维护|售后服务|故障…处理|故障…修复|故障等级|服务水平",
            ],
            weak: ["support|maintenance|updates", "维护|运维|支持"]),
        ClauseRule(
            .warranty,
            headings: ["warrant*", "guarantee*", "质保", "保修", "质量保证", "保证", "成果质量|质量要求|产品质量"],
            headingVeto: ["履约保证金|保证金"],
            strong: [
                "warrants that|warrant that|warranty period|limited warranty|represents and warrants|warranties",
                "质保期|保修期|质量保证期|免费保修|免费维修|质保|保修|缺陷责任期", "guarantee*…[free of|defects|conform*]",
                "provided as is|provided \"as is\"|without warranty|without any warranty|disclaim*…warrant*",
                "不保证…[满足|达到|符合|实现]|we warrant|no warrant*|does not warrant|do not warrant|make no…warrant*|按现状|不…保证…[无错误|不间断|无故障]|[保证|担保]…[质量|正常运行]|保证…符合…[约定|规格|标准]",
            ],
            weak: ["warrant*", "保证"]),
        ClauseRule(
            .acceptance,
            headings: ["acceptance*", "验收", "测试与验收", "交付与验收"],
            strong: [
                "acceptance test*|acceptance criteria|acceptance certificate|acceptance procedure*|acceptance period",
                "user acceptance|final acceptance|deemed accepted|uat", "acceptance of…deliverable*",
                "accept*…deliverable*|reject*…deliverable*|deliverable*…accept*|deliverable*…reject*", "验收|初验|终验|试运行",
                "acceptance testing|accept or reject|notice of acceptance|written acceptance|deemed…accept*",
            ],
            weak: ["acceptance|accepted"],
            // "验收合格后支付…" / "30% on final acceptance" are payment terms, not the acceptance procedure.
            veto: [
                "electronically accepted|acceptance mechanism|acceptance of this agreement|accept…terms",
                "支付|付款|款项|付清|shall pay|will pay|payable|invoice*", "质保|保修|warranty period",
            ]),
        ClauseRule(
            .liability,
            headings: [
                "liabilit*", "limitation*…liabilit*", "indemnif*", "damages", "违约责任", "责任限制", "赔偿责任",
                "责任上限", "赔偿", "损害赔偿", "法律责任",
            ],
            exact: ["责任", "违约"],
            headingVeto: ["保密责任", "保密", "liquidated damages"],
            strong: [
                "liabilit*…[not exceed|not be more than|limited to]",
                "aggregate liability|total liability|cumulative liability|entire liability",
                "shall not be liable|will not be liable|not be liable|shall be liable for|will be liable for|is liable for|are liable for|shall be liable|will be liable|responsible for…[loss*|damage*]",
                "consequential…damages|indirect…damages",
                "[shall|will|agrees to|must]…[indemnify|defend|hold harmless]",
                "赔偿责任|累计赔偿|赔偿总额|责任上限|赔偿…损失|损失…赔偿|负责赔偿|予以赔偿|承担…赔偿|赔偿…上限|间接损失|不承担…责任",
            ],
            weak: ["liabilit*|liable|indemnif*", "责任|赔偿"],
            veto: ["force majeure|acts of god|act of god|不可抗力"]),
        ClauseRule(
            .penalty,
            headings: ["liquidated damages", "penalt*", "service credit*", "late payment*", "违约金", "滞纳金", "罚则", "逾期责任", "扣款"],
            strong: [
                "liquidated damages", "penalty of|penalty equal|as a penalty|penalties", "service credit*",
                "late fee*|late charge*|interest…overdue|interest…late|late payment*…[interest|charge*|fee*|penalt*]|overdue…interest",
                "for each day of delay|per day of delay|for each day|each day…delay*|per day…delay*",
                "违约金|滞纳金|罚款|罚金|每日万分之|每日千分之|每逾期一|每延迟一|每迟延一|按日…%|扣减…费用|扣除…服务费",
                "%…[抵扣|扣减|扣除]|[未达标|未达到|不达标|低于]…[抵扣|扣减|扣除|减免]",
            ],
            weak: ["penalt*", "逾期"],
            veto: ["without penalty|no penalty|without any penalty"]),
        ClauseRule(
            .term,
            headings: ["term", "duration", "contract period", "effective date", "commencement", "期限", "有效期", "合同期", "生效"],
            headingVeto: ["付款|支付|质保|保修|保密|交付|验收|响应|通知", "payment…term", "terms"],
            strong: [
                "term of this agreement|term of the agreement|the term shall|the term will|the term is",
                "[initial term|subscription term|subscription period|renewal term]…[month*|year*|until|expire*|end*|last*|commence*|begin*]",
                "agreement…[commence*|start*|begin*|continue*|remain*]", "remain in…force|remain in…effect|continue in…force",
                "will start on|shall start on|commence on|commences on|effective from|for a period of|for a term of",
                "有效期…[年|月|日|至|止]|合同期限|服务期限|许可期限|订阅期限|期限为|期限自|有效期为|有效期自|有效期…[一年|两年|三年|个月]", "自…起…年|自…起…个月|至…年…月…日止",
                "subscription…[term|period]…[begin*|start*|month*|year*|annual]|[monthly|annual|yearly]…subscription*|[term|period]…[one|two|three|twelve|1|2|3|12|24|36]…[year*|month*]",
                "生效…[至|到]…[终止|止|届满|失效]",
            ],
            // "本合同自签字盖章之日起生效" alone says when, not how long.
            weak: ["term|period|effective", "期限|生效"],
            veto: ["payment term*|terms of payment|warranty period|保密期限|质保期|保修期|付款期限|保修|质保|保密"]),
        ClauseRule(
            .renewal,
            headings: ["renew*", "extension", "续约", "续期", "续签", "续订", "续展"],
            strong: [
                "renew*", "续约|续期|续签|续订|续展|续延|自动延续|自动延长|自动顺延|延续…期限|[合同|协议|期限|服务期]…顺延|顺延…[一年|十二个月|期限]",
                "[到期|期满|届满]…[重新签订|另行签订|继续合作|续期|续用|延期]", "续用|延期…[一年|服务期|有效期]",
            ],
            weak: ["extend…term|extension…term", "延长…期限"]),
        ClauseRule(
            .termination,
            headings: ["terminat*", "expiration|expiry", "解除", "终止", "期满"],
            headingVeto: ["effect…terminat*"],
            strong: [
                "may terminate|right to terminate|terminate this agreement|terminate the agreement|may be terminated",
                "[may|right to]…[end this agreement|cancel this agreement]",
                "terminat*…for convenience|terminat*…for cause|terminat*…material breach|terminat*…upon…notice",
                "有权解除|有权终止|可以解除|可解除|可以终止|可终止|解除本合同|终止本合同|提前终止|单方解除|解除合同的|终止合同的",
                "cancel…subscription|cancel…at any time|may cancel|terminate…account|terminate your|suspend or terminate|[may|can]…stop using|close your account",
                "终止…[服务|协议|本协议]|注销…账号|注销…帐号|解除…协议|解除本协议|终止本协议|停止使用…服务",
            ],
            weak: ["terminat*", "终止|解除|期满"]),
        ClauseRule(
            .data_return,
            headings: [
                "data return|return of data|return of customer data|data export|data portability|transition assistance|exit plan|exit assistance|exit",
                "数据返还", "数据移交", "数据迁出", "数据导出", "数据交还", "退出", "数据归还",
            ],
            strong: [
                "return*…data",
                "export…data|data…export*|export of data|retrieve…data|download…data|data…retriev*|transition assistance",
                "customer data…[return*|deliver*|provide*|export*|download*]",
                "[deliver*|hand over|transfer*|provide]…data…[to customer|to client|to licensee|to buyer]",
                "copy of…[customer|client|your|all|its]…data|[provide|make available|deliver]…[customer|client]…data…[termination|expiration|expiry]",
                "delete…customer data…after|destroy…customer data…after",
                "返还…数据|交还…数据|归还…数据|移交…数据|导出…数据|数据…导出|数据…移交|数据…返还|数据迁出|数据…交付…甲方",
                // Not `迁移…至…新系统`: moving the old system's data into the new one is migration, not the
                // data's return at exit (a lawyer's pass: it stood for the missing exit clause).
                "提供…数据…备份|提供…数据…副本",
                "[终止|期满|解除|到期|届满]…[迁移|迁出|导出|返还|交还|移交|归还]…数据|[终止|期满|解除|到期|届满]…数据…[迁移|迁出|导出|返还|交还|移交|归还]",
                "[termination|expiration|expiry]…[export*|return*|retriev*|migrat*|transfer*]…data",
                "[termination|expiration|expiry]…[delete*|destroy*|retain*|erase*]…[data|content]|[delete*|destroy*|retain*]…[data|content]…[termination|expiration|expiry]",
                "[终止|期满|解除|到期|届满]…[删除|销毁|清除|下载|导出]…[数据|文件|资料]|[终止|期满|解除|到期|届满]…数据…[删除|销毁|清除|导出]|[届满|终止|解除|期满]…[返还|交还|移交|归还]…[个人信息|数据|文件|资料]",
                "[届满|终止|解除|期满]…[个人信息|数据|文件|资料]…[返还|交还|移交|归还|下载|导出]",
            ],
            weak: ["customer data", "甲方数据|业务数据"],
            veto: ["export control*|export law*|re-export|出口管制|confidential information"]),
        ClauseRule(
            .data_security,
            headings: ["data security", "security", "information security", "安全", "数据安全", "信息安全", "网络安全"],
            headingVeto: ["security deposit", "安全生产", "securities"],
            strong: [
                "security measures|security controls|technical and organi*…measures|safeguards|encrypt*",
                "prevent*…unauthori*…access|protect*…against…unauthori*|security incident*|security breach*|data breach*",
                "iso 27001|iso/iec 27001|soc 2|penetration test*",
                "数据安全|信息安全|网络安全|安全措施|安全保护|加密|等级保护|等保|防止…泄露|安全漏洞|安全事件|数据泄露|数据备份|异地备份|防病毒|访问控制|权限管理",
            ],
            weak: ["secure|security|unauthori*…access|vulnerabilit*", "安全"]),
        ClauseRule(
            .privacy,
            headings: ["privacy", "personal data|personal information", "data protection", "dpa", "data processing", "个人信息", "隐私"],
            strong: [
                "process*…personal data|personal data…process*|protect*…personal data",
                "personal information…[collect*|process*|protect*|use]", "[collect*|process*|protect*]…personal information",
                "[comply*|accordance with|compliance|subject to]…[data protection|privacy law*|gdpr|ccpa]|data protection legislation|个人信息保护法",
                "data processing agreement|data processing addendum|data protection addendum|data protection agreement|privacy policy|privacy notice|data subject*|data controller|data processor",
                "privacy…protect*|privacy…comply|privacy…respect|protect*…privacy",
                "隐私|个人信息保护|个人信息…处理|个人信息…收集|个人信息…使用|个人信息…泄露|个人信息…安全|处理…个人信息|收集…个人信息|保护…个人信息",
            ],
            weak: ["personal data|personal information|personally identifiable|privacy|data protection", "个人信息"]),
        ClauseRule(
            .confidentiality,
            headings: ["confidential*", "non-disclosure|nondisclosure", "保密"],
            strong: [
                "confidential information|keep…confidential|maintain…confidential*|hold…in confidence|non-disclosure|not disclose",
                "treat…[as confidential|in confidence]",
                "保密|商业秘密|不得…泄露|不得…披露",
            ],
            weak: ["confidential*", "秘密"]),
        ClauseRule(
            .change_control,
            headings: [
                "change*", "change control|change order*|change request*|change management", "amendment*", "modification*", "variation*",
                "变更", "合同变更", "需求变更", "修改", "补充协议",
            ],
            headingVeto: [
                "change of control|changes to product|changes to the service*|changes to service*|服务变更|功能变更",
                "price change*|changes to fees|changes to pric*", "价格变更|费用变更|控制权|人员",
            ],
            strong: [
                "change order*|change request*|change control|change management procedure",
                "amend*…in writing|modif*…in writing|amended…only|modified…only|variation*…in writing|changes…scope…agreed|changes…in writing",
                "需求变更|变更…书面|书面…变更|变更…协商|补充协议|变更单|变更申请|变更请求|修改…书面|书面…修改|变更…确认",
                "修改本协议|修订本协议|变更本协议|修改本合同|[modify|revise|update|amend]…[these terms|this agreement]",
            ],
            weak: ["amend*|modif*|change*", "变更|修改"],
            veto: ["change of control|控制权|price…change*|fee*…change*|changes to the product|变更…价格|价格…变更"]),
        ClauseRule(
            .price_change,
            headings: [
                "price adjustment*|price change*|price increase*|fee increase*|changes to fees|changes to pric*|fee adjustment*|rate increase*",
                "调价", "价格调整", "价格变更", "费用调整", "价格变动",
            ],
            strong: [
                "increase…fees|increase…prices|increase…price|increase…charges|increase…rates|fee increase*|price increase*",
                "fees…increase*|prices…increase*|price…increase*|charges…increase*|rates…increase*",
                "adjust…fees|adjust…prices|adjust…price|adjust…charges|price adjustment*|fee adjustment*",
                "fees…subject to change|prices…subject to change|price…subject to change", "cpi|consumer price index",
                "[revise|change|update|modify|amend]…price list|price list…[revise*|change*|update*|modif*|amend*]",
                "调整…[价格|单价|费率|收费标准|服务费|订阅费|年费|许可费|维护费]|[价格|单价|价款|费率|收费标准|服务费|订阅费|年费|许可费|维护费]…[调整|上浮|变动|不变|浮动]|调价|涨价|费用…调整|调整…费用|上调|价格…另行通知|固定价格|固定总价",
                "[提高|降低|上涨|变更]…[价格|单价|费用|收费|费率]", "价格…[为准|另行通知]|届时…价格",
                "[change|increase|raise|adjust|modify|revise]…[prices|pricing|fees|rates|charges]|[prices|pricing|fees|charges]…[fixed|increase*|adjust*]",
                // "Licensor may revise the support fee at any time" (a lawyer's pass: flagged, yet no clause).
                "[revise|increase|raise|adjust]…[support fee|subscription fee|license fee|licence fee|annual fee|maintenance fee|service fee|hosting fee|monthly fee]",
            ],
            // Prices near a "change" only hint at it: `No other charges apply unless agreed in a signed
            // change order` is the fees clause and change control, and outscored `Prices are fixed for
            // the initial term` by coming first (user pass).
            weak: ["then-current|then current|price list", "价格", "[prices|pricing|fees|charges]…change*"]),
        ClauseRule(
            .ip,
            headings: [
                "intellectual property", "ownership", "proprietary rights", "reservation of rights", "title", "知识产权", "权利归属",
                "所有权", "成果归属", "权属",
            ],
            strong: [
                "intellectual property…[own*|belong*|vest*|retain*|assign*|remain*|title]|[own*|belong*|vest*|retain*|assign*]…intellectual property",
                "right, title and interest|right, title, and interest|title and interest",
                "retains all right|owns all|ownership of|copyright*|patent*|trademark*",
                // Who owns the work made for the buyer ("… shall be the sole and exclusive property of Licensor").
                "[customization*|customisation*|modification*|deliverable*|work product|custom development*]…[exclusive property of|sole property of|property of|owned by|vest in|vests in]",
                "[customization*|customisation*|modification*|deliverable*|custom development*]…[developed|made|created|prepared]…[shall be|will be|shall remain|will remain]…[property of|owned by|vest in]",
                "知识产权|著作权|专利|所有权归|归…所有|软件著作权|源代码…归|成果…归",
            ],
            // Trade secrets are named by confidentiality clauses too (`survive … for trade secrets`).
            weak: ["proprietary|intellectual property|trade secret*", "所有权"],
            veto: ["all rights reserved|©|版权所有"]),
        ClauseRule(
            .dispute_resolution,
            headings: ["dispute*", "arbitration", "jurisdiction|venue|chosen courts|courts", "争议", "纠纷", "仲裁", "管辖", "诉讼"],
            headingVeto: ["payment dispute*|invoice dispute*|billing dispute*|fee dispute*", "付款争议|费用争议|账单"],
            strong: [
                "arbitrat*", "dispute*…[resolved|settled|submitted|referred]", "exclusive jurisdiction|submit*…jurisdiction",
                "courts of|courts located|courts in|chosen courts|legal suit, action|legal action…brought",
                "仲裁|人民法院|提起诉讼|诉讼解决|管辖权|法院…管辖|管辖…法院|争议…[解决|提交]|纠纷…提交|[争议|纠纷]…协商…[不成|未果]",
            ],
            // "未尽事宜双方协商解决" and a stray "venue" are passing mentions.
            weak: ["dispute*|court*|venue", "争议|纠纷|诉讼|协商解决"],
            veto: ["court order*"]),
        ClauseRule(
            .governing_law,
            headings: ["governing law", "applicable law", "choice of law", "法律适用", "适用法律", "准据法"],
            strong: [
                "governed by…law*|governed by…laws|governing law|construed in accordance with|interpreted in accordance with…law*",
                "[construed|governed|interpreted|enforced]…[laws of|law of]", "laws of…govern*",
                "适用…法律|中华人民共和国法律|受…法律…管辖|依据…法律…解释|依照…法律|适用法律",
            ],
            weak: ["laws of", "法律"],
            veto: ["comply with|遵守"]),
        ClauseRule(
            .force_majeure,
            headings: ["force majeure", "不可抗力|不可抗拒"],
            strong: ["force majeure", "act*…of god|beyond…reasonable control", "不可抗力|不可抗拒"],
            weak: ["natural disaster*|war|pandemic", "自然灾害|战争|疫情"]),
    ]

    /// Headings that start a definitions section, whose lines never count as clause evidence.
    static let definitionHeadings = PatternSet(["definition*", "interpretation", "定义", "释义", "术语", "名词解释"])
}
