/// Red flags from the buyer's point of view. Each rule lists trigger patterns; a trigger that is
/// negated (`shall not automatically renew`, `不得单方面调价`) or vetoed in its sentence does not fire.
enum RedFlagDetector {
    struct Rule {
        let kind: RedFlagKind
        let triggers: [TextPattern]
        let veto: PatternSet
        /// Whether a buyer word between the first part and the end means the buyer acts, not the vendor.
        let vendorActs: Bool
        init(_ kind: RedFlagKind, _ triggers: [String], veto: [String] = [], vendorActs: Bool = false) {
            self.kind = kind
            self.triggers = triggers.flatMap(TextPattern.parse)
            self.veto = PatternSet(veto)
            self.vendorActs = vendorActs
        }
    }

    static let mayWords =
        "[may|can|shall be entitled to|is entitled to|will be entitled to|reserves the right to|reserve the right to|has the right to|shall have the right to|retains the right to|有权|可以|可|保留]"
    static let priceWords = "[fee|fees|price|prices|pricing|rate|rates|charges|价格|费用|单价|收费|服务费|报价|收费标准|价款]"
    static let mutual = [
        "双方协商一致|双方书面同意|双方同意|经甲方书面同意|经甲方同意|甲方书面确认|双方另行签订",
        "mutual*…agree*|mutually agreed|both parties|customer's…consent|consent of…customer|customer…agrees in writing|agreed in writing by",
    ]

    static let rules: [Rule] = [
        Rule(
            .unilateral_price_change,
            [
                "\(Party.vendor)…\(mayWords)…[increase|raise|change|adjust|modify|revise|update]…\(priceWords)",
                "\(Party.vendor)…\(mayWords)…[调整|上调|提高|变更|调价|涨价]",
                "\(priceWords)…[subject to change|may change|may be changed|may be increased|may be adjusted|can be changed|may vary]",
                "\(priceWords)…[由乙方|由供方|由供应商]…[另行通知|另行确定|调整|确定|单方]",
                "\(priceWords)…[以乙方|以供方|以供应商]…[最新|届时|公布|公示|通知]…为准",
                "\(Party.vendor)…[单方面|单方]…[调价|调整|变更|上调]",
                "sole discretion…[increase|change|adjust|modify]…\(priceWords)",
            ], veto: mutual, vendorActs: true),
        Rule(
            .auto_renewal,
            [
                "automatic*…renew*|renew*…automatic*|auto-renew*|autorenew*|auto renew*|evergreen",
                "renew*…successive|renew*…unless…notice|unless…notice of non-renewal|unless…non-renewal notice",
                "自动续约|自动续期|自动续签|自动续订|自动延续|自动延长|自动顺延|视为…续约|视为…续期|视为…续签|视为同意续|续约…自动|续期…自动",
                "未…提出…顺延|未…通知…顺延|顺延一年|顺延…年",
            ]),
        Rule(
            .vendor_may_suspend,
            [
                "\(Party.vendor)…\(mayWords)…[suspend*|disable*|deactivate]",
                "right to suspend|may suspend|may be suspended|will be suspended|shall be suspended",
                "\(Party.vendor)…[有权|可以|可|保留]…[暂停|中止|停止|中断]…[服务|使用|访问|账号|帐号|系统|支持|运维|许可]",
                "暂停…甲方…使用|暂停向甲方|停止向甲方提供|中止向甲方|暂停…服务|中止…服务",
            ], vendorActs: true),
        Rule(
            .extra_fees_unspecified,
            [
                "另行收费|费用另计|另行计费|另行支付…费用|另计费用|另收费|额外收费|额外收取|单独收费|单独计费|另行结算|另行报价",
                "费用…另行协商|另行协商…费用",
                "[按乙方|按照乙方|以乙方|按供应商|按照供应商]…[标准|价格|报价]…[收取|收费|计费|支付]|届时…价格|届时…标准|现行…价格|现行…收费|现行…标准",
                "additional charge*|additional fee*|additional cost*|extra charge*|extra fee*|charged separately|billed separately|invoiced separately",
                "[then-current|then current|standard|prevailing|current]…[rates|prices|fees|charges|price list|list price*]|time and materials",
            ],
            veto: [
                "no additional|without additional|free of charge|at no extra|no extra|at no cost|included in|包含在|已包含|免费|无需另行|无须另行",
                "附件|附表|schedule|exhibit|appendix|as set forth in|as specified in|set out in|列明|明细|单价为|报价单|order form",
                ClauseRules.currencyAmount, "元",
            ]),
        Rule(
            .vendor_exclusive_forum,
            [
                "[乙方|供方|卖方|服务方|供应商|中标人|承包人|受托人|出卖人]…[所在地|住所地|注册地|住所]…[法院|人民法院|仲裁]",
                "[provider's|vendor's|supplier's|licensor's|seller's]…[principal place of business|headquarters|domicile|registered office|seat]…[court*|arbitrat*]",
                "court*…[located|sitting|where|in which]…[provider|vendor|supplier|licensor]…[located|headquartered|domiciled|principal|registered]",
                "court*…[of|in]…[provider's|vendor's|supplier's|licensor's]…[domicile|seat|principal|headquarters|home]",
            ], vendorActs: true),
    ]

    /// Phrases that say outright that the buyer's data will not be returned.
    static let noReturn = PatternSet(noReturnSources)
    static let noReturnSources = [
        "no obligation to…return|not obligated to…return|not required to…return|will not return|shall not return|not…obligat*…export",
        "\(Party.vendor)…may delete|\(Party.vendor)…will delete…immediately|delete*…customer data…without",
        "\(Party.vendor)…[可|可以|有权|将|会]…删除…数据",
        "无义务…返还|无义务…导出|不负责…返还|不负责…导出|不提供…数据…导出|不提供…数据…返还|不予返还|不返还|有权删除…数据|直接删除…数据|立即删除…数据",
    ]

    static let liabilityWords = PatternSet(["liabilit*|liable|damages", "赔偿|责任"])
    static let capWords = PatternSet([
        "not exceed|limited to|not be more than|capped|cap|maximum|in excess of|exceed",
        "不超过|为限|上限|最高|封顶",
    ])
    static let periodCap = PatternSet([
        "[preceding|previous|prior|last|past]…month*", "month*…[preceding|prior to|before|immediately]",
        "one month|1 month|monthly fee*|month's fee*",
        "最近…个月|过去…个月|前…个月|此前…个月|之前…个月|近…个月|一个月|当月|单月|月度…费用|月…服务费",
    ])
    static let totalCap = PatternSet([
        "total fees|total price|total contract|total amount|contract price|contract value|all fees paid|amounts paid or payable under|paid and payable under",
        "合同总价|合同总额|合同总金额|合同价款|合同金额|全部…费用|总价款|已支付的全部|已付…全部",
    ])
    static let exclusion = PatternSet([
        "not be liable|not liable|no liability|in no event|under no circumstances|exclud*|disclaim*|waive*|not be responsible|not responsible",
        "不承担|不负责|免责|不予赔偿|免除…责任|不对…负责|不…赔偿",
    ])
    static let dataLoss = PatternSet([
        "loss of data|lost…data|data loss|corrupt*…data|data…corrupt*|loss…data|restoration of data|destruction of data|data…lost",
        "数据丢失|数据损失|数据…灭失|数据…损毁|数据…损坏|丢失…数据|数据…丢失|数据…毁损",
    ])
    /// A sentence that continues the one before ("Examples of these damages include lost data").
    static let refersBack = PatternSet(["these|such|this type|examples|example|including|include*", "上述|前述|此类|该等|包括"])
    static let carveOut = PatternSet(["does not apply|do not apply|shall not apply|will not apply|不适用"])

    static func detect(_ sentences: [ScannedSentence], present: Set<ClauseKind>, rawLines: [String]) -> [RedFlag] {
        var flags: [RedFlag] = []
        var seen = Set<String>()
        func add(_ kind: RedFlagKind, _ s: ScannedSentence) {
            let key = "\(kind.rawValue)@\(s.line)"
            if seen.insert(key).inserted { flags.append(RedFlag(kind: kind, line: s.line, text: s.evidence)) }
        }
        for s in sentences {
            for rule in rules where fires(rule, s.hay) { add(rule.kind, s) }
            if liabilityWords.matches(s.hay) && capWords.matches(s.hay) && periodCap.matches(s.hay) && !totalCap.matches(s.hay) {
                add(.liability_cap_low, s)
            }
            if noReturn.matches(s.hay) && (s.about(.data_return) || s.lower.contains("data") || s.lower.contains("数据")) {
                add(.no_data_return, s)
            }
        }
        // Data-loss exclusions often name the data in the sentence after the waiver ("Examples of these
        // damages include lost data"): the exclusion may sit in the sentence itself or the one before.
        func excludes(_ s: ScannedSentence) -> Bool {
            exclusion.patterns.contains { p in
                p.allMatches(in: s.hay).contains { !negated(s.hay.bytes, $0.range.lowerBound, $0.firstEnd, $0.range.upperBound) }
            }
        }
        for (k, s) in sentences.enumerated() where dataLoss.matches(s.hay) && !carveOut.matches(s.hay) {
            let refersBack = refersBack.matches(s.hay)
            let previous =
                refersBack && k > 0 && (sentences[k - 1].paragraph == s.paragraph || s.line - sentences[k - 1].line <= 8)
                ? sentences[k - 1] : nil
            if excludes(s) || previous.map(excludes) == true { add(.liability_excludes_data_loss, s) }
        }
        flags.sort { ($0.line ?? Int.max, $0.kind.rawValue) < ($1.line ?? Int.max, $1.kind.rawValue) }

        if !present.contains(.data_return) && flags.allSatisfy({ $0.kind != .no_data_return }) {
            flags.append(
                RedFlag(
                    kind: .no_data_return, line: nil,
                    text: "No clause on returning or exporting the buyer's data on exit (未约定数据返还/导出)"))
        }
        let needed: [(ClauseKind, String)] = [
            (.acceptance, "No acceptance clause (未约定验收)"),
            (.data_security, "No data security clause (未约定数据安全)"),
            (.confidentiality, "No confidentiality clause (未约定保密)"),
            (.data_return, "No data return clause (未约定数据返还)"),
        ]
        for (kind, text) in needed where !present.contains(kind) {
            flags.append(RedFlag(kind: .missing_clause, clause: kind, line: nil, text: text))
        }
        return flags
    }

    static func fires(_ rule: Rule, _ hay: Haystack) -> Bool {
        if rule.veto.matches(hay) { return false }
        let bytes = hay.bytes
        for p in rule.triggers {
            for m in p.allMatches(in: hay) {
                if negated(bytes, m.range.lowerBound, m.firstEnd, m.range.upperBound) { continue }
                if rule.vendorActs && buyerActs(bytes, from: m.firstEnd, to: m.range.upperBound) { continue }
                return true
            }
        }
        return false
    }

    static let buyer = PatternSet([Party.buyer])

    /// A buyer word inside the match (`乙方违约的，甲方有权暂停…`) means the buyer is the one acting.
    static func buyerActs(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
        guard from < to else { return false }
        return buyer.matches(Haystack(Array(bytes[from..<to])))
    }

    static let englishNegators = PatternSet(["not|no|never|neither|nor|cannot|nothing|none|in no event", "n't"])

    /// Whether a match is negated: a negator in the clause just before it (up to 45 bytes, not across a
    /// comma) or inside it after its first part.
    static func negated(_ bytes: [UInt8], _ start: Int, _ firstEnd: Int, _ end: Int) -> Bool {
        var windowStart = max(0, start - 45)
        if let comma = bytes[windowStart..<start].lastIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ":") }) {
            windowStart = comma + 1
        }
        // Do not cut a multi-byte character in half.
        while windowStart < start && bytes[windowStart] & 0xC0 == 0x80 { windowStart += 1 }
        let before = Array(bytes[windowStart..<start])
        let inside = firstEnd < end ? Array(bytes[firstEnd..<end]) : []
        return [before, inside].contains { chunk in
            englishNegators.matches(Haystack(chunk)) || chineseNegation(String(decoding: chunk, as: UTF8.self))
        }
    }

    /// 不得, 不会, 无权, 禁止 … but not 不可抗力, 不限于, 不少于, 不超过, 不低于.
    static func chineseNegation(_ s: String) -> Bool {
        if s.contains("无权") || s.contains("禁止") || s.contains("严禁") || s.contains("无需") || s.contains("无须") || s.contains("并非") {
            return true
        }
        let c = Array(s)
        for (i, ch) in c.enumerated() where ch == "不" {
            let next = String(c[(i + 1)..<min(c.count, i + 3)])
            let harmless = ["可抗", "限于", "少于", "超过", "低于", "高于", "足", "同", "论", "定", "一致", "时", "断", "良"]
            if !harmless.contains(where: { next.hasPrefix($0) }) { return true }
        }
        return false
    }
}
