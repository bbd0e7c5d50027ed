/// Red flags from the buyer's point of view. Each rule lists trigger patterns; a trigger that is
/// negated (`shall not automatically renew`, `不得单方面调价`) or vetoed in its sentence does not fire.
enum RedFlagDetector {
    /// A class: the sentence loop hands rules around, and a copy is then one reference, not four.
    final class Rule: Sendable {
        let kind: RedFlagKind
        let triggerSet: PatternSet
        var triggers: [TextPattern] { triggerSet.patterns }
        let veto: PatternSet
        /// Whether a buyer word between the first part and the end means the buyer acts, not the vendor.
        let vendorActs: Bool
        /// Whether a negator before or inside the match cancels it (false for triggers that are
        /// themselves negative: `non-refundable`, `不予退还`, `does not warrant`).
        let negatable: Bool
        init(_ kind: RedFlagKind, _ triggers: [String], veto: [String] = [], vendorActs: Bool = false, negatable: Bool = true) {
            self.kind = kind
            self.triggerSet = PatternSet(triggers)
            self.veto = PatternSet(veto)
            self.vendorActs = vendorActs
            self.negatable = negatable
        }
    }

    /// The pattern sets of the checks besides the rules, for `PatternIndex`.
    static var patternSets: [PatternSet] {
        [
            noReturn, liabilityWords, capWords, periodCap, monthWords, uncapped, totalCap, oneSidedCap, mutualWords, exclusion, dataLoss,
            refersBack, carveOut, cancelNotice, optInRenewal, forConvenience, buyerIndemnifies, vendorIndemnifies, confidentialityWords,
            buyerKeepsSecret,
            vendorKeepsSecret, needsEscrow, buyerOwnsWork, excluded, escrowMentioned, lateWords, buyerPays, highestLawful, penaltyCap,
            vendorLine, buyerLine, buyer, may, englishNegators, exclusiveRemedy, availability, serviceDays,
        ]
    }

    static let mayWords =
        "[may|can|shall be entitled to|is entitled to|will be entitled to|reserves the right to|reserve the right to|has the right to|shall have the right to|retains the right to|有权|可以|可|保留]"
    /// The buyer's serious defaults that give the vendor a right to end the contract for cause
    /// (after a buyer word: `the Customer fails to pay`, `甲方逾期付款`).
    static let buyerDefault =
        "[fails to pay|failed to pay|fail to pay|does not pay|fails to make any payment|fails to make payment|materially breach*|commits a material breach|becomes insolvent|is insolvent|goes bankrupt|becomes bankrupt|files a petition in bankruptcy|enters into liquidation|逾期付款|逾期支付|逾期未付|逾期未支付|迟延付款|迟延支付|延迟付款|延迟支付|拖欠|欠费|未按约定支付|未按合同约定支付|未按时支付|严重违约|根本违约|破产|资不抵债|进入清算]"
    // A SaaS or licence contract names its price by what it buys: 订阅费, 年费, 许可费, 维护费 (a lawyer's pass:
    // `乙方有权调整订阅费…` raised nothing, the same sentence with 服务费 did).
    static let priceWords =
        "[fee|fees|price|prices|pricing|rate|rates|charges|价格|费用|单价|收费|服务费|报价|收费标准|价款|订阅费|年费|许可费|授权费|维护费|使用费]"
    static let mutual = [
        "双方协商一致|双方书面同意|双方同意|经甲方书面同意|经甲方同意|甲方书面确认|双方另行签订",
        "mutual*…agree*|mutually agreed|both parties|customer's…consent|consent of…customer|customer…agrees in writing|agreed in writing by",
    ]

    static let rules: [Rule] = [
        Rule(
            .unilateral_price_change,
            [
                "\(Party.vendor)…\(mayWords)…[increase|raise|change|adjust|modify|revise|update]…\(priceWords)",
                "\(Party.vendor)…\(mayWords)…[调整|上调|提高|变更|调价|涨价]…[价格|费用|单价|收费|服务费|报价|费率|价款|订阅费|年费|许可费|授权费|维护费|使用费]",
                "\(Party.vendor)…\(mayWords)…[调价|涨价|上调]",
                "\(priceWords)…[subject to change|may change|may be changed|may be increased|may be adjusted|can be changed|may vary]",
                "\(priceWords)…[由乙方|由供方|由供应商]…[另行通知|另行确定|调整|确定|单方]",
                "\(priceWords)…[then published|then announced|then notified|published at the time|notified separately|announced separately]",
                "\(priceWords)…[以乙方|以供方|以供应商]…[最新|届时|公布|公示|通知]…为准",
                "\(Party.vendor)…[单方面|单方]…[调价|调整|变更|上调]",
                "sole discretion…[increase|change|adjust|modify]…\(priceWords)",
                "[may|reserves the right to|can]…[increase|raise|change|adjust]…\(priceWords)",
                "[increase|adjust|change]…\(priceWords)…[upon|with|by giving|on]…[notice|days' notice]",
                // A renewal term at whatever the vendor then lists (`Fees for any renewal term shall be the
                // Supplier's list price in effect at the time of renewal`).
                "renew*…[list price*|price list|published price*]…[in effect|at the time of|from time to time|then current|current]",
                "renew*…[then-current|then current|then prevailing|prevailing|standard]…[price|prices|pricing|rate|rates|fee|fees|charges]",
                "[续期|续约|续签|续展|续订]…[乙方|供方|供应商]…[届时|当时|最新|公布|公开|标准]…[价格|报价|价目|收费标准|刊例价]",
            ],
            // An increase on the playbook's own terms, capped (`by no more than the lower of 3% or CPI`,
            // `年涨幅不超过3%`), is no unilateral price change.
            veto: mutual + [
                "no more than…[%|cpi|percent]|not to exceed…[%|cpi|percent]|shall not exceed…[%|cpi|percent]|capped at…[%|cpi|percent]",
                "不超过…[%|cpi|百分之]|不高于…[%|cpi|百分之]|孰低",
            ], vendorActs: true),
        Rule(
            .unilateral_amendment,
            [
                "\(Party.vendor)…\(mayWords)…[modify|amend|change|update|revise|replace]…[these terms|this agreement|the agreement|terms of service|terms of use|the terms|any terms|policies|policy|guidelines|subscription terms|master terms|general terms|terms and conditions|standard terms|service terms|terms of business]",
                "\(Party.vendor)…[有权|可以|可|保留]…[修改|修订|变更|更新|调整|补充]…[本协议|本合同|协议条款|本条款|服务条款|条款|规则|规范|政策|协议内容|用户协议|服务协议]",
                "[modify|amend|update|change]…[these terms|this agreement]…[at any time|from time to time]",
                "[as updated|as amended|as modified|as revised]…from time to time",
                "[平台规则|服务规则|用户规则|管理规范|政策|公告|规则]…[构成|视为|作为]…[本协议|本合同|协议]…[组成部分|一部分|有效组成]",
                "[平台规则|规则|条款|协议]…以…[网站|平台|页面|官网]…[公布|发布|公示]…为准",
            ], veto: mutual, vendorActs: true),
        // Terms that live on a web page can change under the contract, unless the page is named at a
        // fixed version (`Standard Terms Version 0.1, which are posted at https://…`: the wording
        // signed is the one at that address, and a new version is a new document).
        Rule(
            .unilateral_amendment,
            [
                "[policies|policy|guidelines|rules|terms|documentation]…[posted|published|available]…[website|url|http*|www|online|site]",
                "incorporated…by reference…[website|url|http*|www|online|policies|policy|guidelines]",
            ],
            veto: mutual + [
                "version 0|version 1|version 2|version 3|version 4|version 5|version 6|version 7|version 8|version 9|v0.|v1.|v2.|v3.|版本号|版本 1|版本1|版本 2|版本2|第 1 版|第1版|第 2 版|第2版|1.0 版|1.0版"
            ], vendorActs: true),
        Rule(
            .unilateral_amendment,
            [
                "continued use…[constitute*|deemed|signif*|indicate*|mean*|represent*|accept*|agree*]",
                "continuing to use…[constitute*|deemed|accept*|agree*]|by continuing to…use",
                "继续使用…[视为|即视为|表示|即表示|代表]|[视为|即视为]…[接受|同意]…[修改|修订|变更]",
            ], negatable: false),
        Rule(
            .auto_renewal,
            [
                "automatic*…renew*|renew*…automatic*|auto-renew*|autorenew*|auto renew*|evergreen",
                "renew*…successive|renew*…unless…notice|unless…notice of non-renewal|unless…non-renewal notice",
                "自动续约|自动续期|自动续签|自动续订|自动续展|自动续延|自动展期|自动延续|自动延长|自动顺延|视为…续约|视为…续期|视为…续签|视为同意续|续约…自动|续期…自动",
                "否则…[续约|续期|续签|延续|顺延]|未…提出…[顺延|续期|续约|延续|延长]|未…通知…[顺延|续期|续约|延续|延长]|顺延一年|顺延…年",
            ]),
        Rule(
            .no_refund,
            [
                "non-refundable|nonrefundable|not refundable|no refund*|will not be refunded|shall not be refunded|not be refunded|not refunded|without…refund*|no…refund*|forfeit*",
                "不予退还|不退还|概不退还|不退款|不予退款|不作退还|不返还…费用|费用…不返还|不予返还…费用|不退|不予退费|不退费",
            ], veto: ["\(Party.vendor)…[shall|will|must]…refund|乙方…[应|须|应当]…退还"], negatable: false),
        Rule(
            .vendor_may_suspend,
            [
                "\(Party.vendor)…\(mayWords)…[suspend*|disable*|deactivate|block*|ban]",
                "\(Party.vendor)…\(mayWords)…[terminate|close|restrict|lock]…[account*|access]",
                "right to suspend|may suspend|may be suspended|will be suspended|shall be suspended|with or without notice",
                "\(Party.vendor)…[有权|可以|可|保留]…[暂停|中止|停止|中断|限制|封禁|冻结|注销|关闭]…[服务|使用|访问|账号|帐号|账户|系统|支持|运维|许可|权限]",
                "暂停…甲方…使用|暂停向甲方|停止向甲方提供|中止向甲方|[暂停|中止]…服务…[无需|无须|不另行|不经]…通知",
            ],
            // A beta or trial feature withdrawn is not the service bought cut off (`Beta Products are
            // experimental … may be modified or removed … with or without notice`); a suspension only
            // after days of written notice (`only after ten (10) days prior written notice of an overdue
            // amount`, `在提前十五日书面通知后暂停`) is the playbook's own remedy, not one without notice.
            veto: [
                "beta product*|beta feature*|beta service*|beta version*|experimental|preview feature*|测试版|内测|公测|试用功能",
                "days' prior|days prior|days' written|days written|days' notice|days notice|days' advance|days advance",
                "提前…[日|天]…[书面通知|通知|告知]|[日|天]…书面通知后|书面催告后|经催告|催告后",
                // Only on the playbook's own conditions: after a demand and a period (`经书面通知甲方十五日后仍未付款
                // 的，方可暂停`), or only the part a security threat affects.
                "only after|written demand|affected part*|affected portion*|affected component*",
                "的,方可暂停|的, 方可暂停|后方可暂停|后,方可暂停|才可暂停|才能暂停|书面通知…[日后|天后]|受影响部分|受影响的部分",
            ],
            vendorActs: true),
        Rule(
            .data_deletion_or_no_return,
            [
                "no obligation to…[return|retain|store|keep|maintain]|not obligated to…[return|retain|store]|not required to…[return|retain|store]|will not return|shall not return|no obligation to…[provide|make available|deliver]…[export|copy|copies]",
                "\(Party.vendor)…may delete|\(Party.vendor)…will delete…immediately|[delete*|destroy*|purge*]…[customer data|your data|content]…[without|immediately|at any time]|immediately…delete*|[delete*|destroy*]…[data|content]…[sole discretion|its discretion]",
                "retain*…[data|content]…[sole discretion|its discretion|as it deems|as it sees fit]|[data|content]…[retention|retained|deleted]…[determined by|at the discretion of]…[provider|vendor|supplier|licensor]",
                "\(Party.vendor)…[可|可以|有权]…删除…数据|删除…数据…[无需|无须|不另行|不经]…通知|\(Party.vendor)…[有权|可以|可]…删除…[无需|无须|不另行|不经]…通知",
                // `乙方不负有保留或返还甲方数据的义务`, `不承担数据返还义务` (a lawyer's pass: read as the return clause).
                RedFlagDetector.noDutyToReturn,
                // Deletion the vendor fixes, the buyer left to back up its own data (`乙方将删除甲方全部数据，
                // 甲方应自行提前备份`, a lawyer's pass): no return.
                // (An export the buyer makes itself before deletion is an exit window, not this.)
                "删除…数据…甲方…自行…备份|甲方…自行…备份…删除…数据",
                "[delete*|destroy*|purge*]…[data|content]…[customer|client|you]…[solely responsible|sole responsibility]…back*",
                "无义务…[返还|导出|保留|保存|存储]|不负责…[返还|导出|保留|保存]|不提供…数据…导出|不提供…数据…返还|不予返还…数据|数据…不予返还|不返还…数据|有权删除…数据|直接删除…数据|立即删除…数据|数据…[立即|即行|随即]…删除|数据…[保留|保存]…[由乙方|乙方自行]…[决定|确定]",
            ], negatable: false),
        // Deletion fixed soon after the end, or beyond recovery, with no return or export in the sentence
        // (a lawyer's pass: `服务终止之日起第七（7）日，慧算云将对甲方账户内全部数据进行不可恢复的删除` and "within
        // seven (7) days after termination … will permanently delete all Customer Data" were read as the
        // return-and-deletion safeguard). A deletion after the return, on the buyer's request or
        // certified to it protects the buyer: vetoed.
        Rule(
            .data_deletion_or_no_return,
            [
                "[终止|届满|到期|解除]…[日内|天内|之日起第|日后|天后|工作日内]…[删除|清除|销毁]…数据",
                "[终止|届满|到期|解除]…[不可恢复的删除|不可恢复地删除|不可恢复删除|永久删除|永久性删除|彻底删除|永久清除|彻底清除|永久销毁]",
                "[termination|expiration|expiry]…[permanently|irrevocably|irretrievably]…[delete*|destroy*|purge*|eras*]",
                "within…day*…[after|following|of]…[termination|expiration|expiry]…[delete*|destroy*|purge*|eras*]…[data|content]",
            ],
            veto: [
                "返还|交还|导出|迁移|迁出|转出|移出|移交|交付|副本|证明|甲方确认|甲方要求|甲方书面|甲方同意|甲方指示|return*|export*|retriev*|copy|copies|migrat*|certif*|request*|instruct*",
                // Negation said as vetoes: the 不 of 不可恢复 is none (`negatable` would read it as one).
                "不得|不会|不应|不能|禁止|不删除|not delete|not be deleted|not destroy|not purge|not erase|never delete",
            ], negatable: false),
        // Access cut at the end, the export left to the buyer before it: no window after the end to take
        // the data out (a lawyer's pass: `自服务终止之日起停止需方账号访问，需方须在停止访问前自行完成数据导出`,
        // "Customer must export its data before that date" were read as the exit safeguard). A period
        // after the end, or the vendor's help with the export, is one: vetoed.
        Rule(
            .data_deletion_or_no_return,
            [
                "[甲方|需方|客户|用户]…[须|应|应当|需|需要|必须]…[停止访问前|关闭前|终止前|期满前|届满前|解除前|到期前|有效期内|服务期内]…自行…[导出|备份|下载]",
                "[甲方|需方|客户|用户]…[导出|备份|下载]…[须|应|应当|需|必须]…[在本协议有效期内|在本合同有效期内|在有效期内|在服务期内|在终止前|在停止访问前]…[完成|进行]",
                "[customer|client|you]…must…[export|download|retrieve]…[before|prior to]…[termination|expiry|expiration|the end|that date|the termination date|access ends]",
            ],
            veto: [
                "[终止|届满|到期|解除|停止访问]…后…[日内|天内|个月内|工作日内]|过渡期|协助…导出|配合…导出|提供…导出|返还|交还",
                "after…[termination|expiry|expiration]…[day*|period|month*]|transition period|post-termination|assist*|return*",
            ], negatable: false),
        Rule(
            .vendor_forum_or_law,
            [
                "[乙方|供方|卖方|服务方|供应商|中标人|承包人|受托人|出卖人|许可方|平台|我们|本公司]…[所在地|住所地|注册地|住所]…[法院|人民法院|仲裁]",
                "[provider's|vendor's|supplier's|licensor's|seller's|our]…[principal place of business|headquarters|domicile|registered office|seat]…[court*|arbitrat*]",
                "court*…where…[has its principal place of business|is headquartered|has its headquarters|has its registered office|is incorporated]",
                "court*…[located|sitting|where|in which]…[provider|vendor|supplier|licensor]…[located|headquartered|domiciled|principal|registered]",
                "court*…[of|in]…[provider's|vendor's|supplier's|licensor's]…[domicile|seat|principal|headquarters|home]",
                "[laws of|law of]…[provider's|vendor's|supplier's|licensor's]…[domicile|seat|principal|headquarters|home|jurisdiction]",
                "[新加坡|香港国际仲裁|香港仲裁|美国|英国|英格兰|开曼|siac|hkiac|icc]…[仲裁|法院|法律]|适用…[新加坡|香港|美国|英国|英格兰|开曼]…法律",
            ]),
        Rule(
            .extra_fees_unspecified,
            [
                "另行收费|费用另计|另行计费|另行支付…费用|另计费用|另收费|额外收费|额外收取|单独收费|单独计费|另行结算|另行报价|另行计价",
                "费用…另行协商|另行协商…费用",
                "[按乙方|按照乙方|以乙方|按供应商|按照供应商]…[标准|价格|报价]…[收取|收费|计费|支付]|[届时|现行]…[价格|标准|收费标准]…[收取|收费|计费|支付|结算]",
                "additional charge*|additional fee*|additional cost*|extra charge*|extra fee*|charged separately|billed separately|invoiced separately",
                "[then-current|then current|standard|prevailing|current]…[rates|prices|fees|charges|price list|list price*]|time and materials",
                "[差旅|食宿|交通费|住宿费|出差]…[由甲方|甲方承担|甲方负担|另计|实报实销|据实结算|另行]",
                "[travel|out-of-pocket|lodging|accommodation]…[expense*|cost*]…[reimburs*|borne by|paid by|billed|charged|invoiced|in addition]",
                "[taxes|tax|税费]…[in addition|on top|additionally|另计|另行|由甲方承担|甲方承担|甲方负担]",
            ],
            veto: [
                // A renewal at the vendor's current prices is a price change (flagged as one), not a charge on top.
                "renewal pric*|renewal fee*|renewal rate*|[pricing|prices|fees]…for…renewal|续约价格|续期价格|续费价格",
                "no additional|without additional|free of charge|at no extra|no extra|at no cost|included in|包含在|已包含|免费提供|均免费|全部免费|不另收|无需另行|无须另行",
                // The vendor bears the cost itself (`差旅、食宿费用由乙方自行承担，不另行向甲方收取`).
                "不另行|不另外|不额外|乙方自行承担|由乙方承担|由乙方自行|borne by the provider|borne by provider|borne by the supplier|borne by supplier|at its own cost|at its own expense",
                "附件|附表|schedule|exhibit|appendix|as set forth in|as specified in|set out in|列明|明细|单价为|报价单|order form",
                "pre-approved|pre-approval|prior written approval|approved in writing|书面同意|书面确认|事先同意",
                ClauseRules.currencyAmount, "元",
            ]),
        Rule(
            .scope_vague_or_vendor_decides,
            [
                "[由乙方|以乙方|乙方自行|乙方单方]…[确定|决定|认定|解释]…[服务内容|服务范围|功能|交付物|具体内容|工作内容|范围|服务项目]",
                "[服务内容|服务范围|功能|交付物|具体内容|工作内容|服务项目|具体服务|具体需求|需求|开发内容|定制内容|实施范围|开发范围|项目范围]…[以乙方|由乙方|按乙方]…[确定|决定|为准|提供的为准|实际提供]",
                "[scope|services|features|deliverables|functionality|service levels]…[as determined by|at the discretion of|in the discretion of|as provider determines|as reasonably determined by|as deemed appropriate by]",
                "[as determined by|at the sole discretion of|in its sole discretion|as it deems appropriate|as it sees fit]…[scope|services|features|deliverables|functionality|what]",
                "[additional|other|such]…[services|features|work|functions|functionality]…[deems|considers|sees fit|determines]|[服务内容|服务范围|具体内容|服务的具体内容]…[以平台|以实际|实际提供]…为准",
                "[其他|等]…相关…[服务|工作]…[乙方认为|乙方需要|由乙方]|乙方认为…[必要|需要|合适]…[服务|工作|功能]",
                "[scope|services|features|functions|functionality|deliverables]…[as published|as posted|as described]…[provider's|vendor's|supplier's|licensor's|our]…[website|site|web site|portal]",
                "[services|work|deliverables]…to be…[agreed|determined|defined]…later|[具体|详细]…[内容|范围|需求]…[另行|后续|日后]…[确定|约定|商定]",
            ],
            // What the vendor may judge necessary is when to suspend, not what it delivers (a red flag
            // of its own: `vendor_may_suspend`).
            veto: ["乙方认为…[必要|需要]…[暂停|中止|中断|停止]…服务"]),
        Rule(
            .unilateral_service_change,
            [
                "\(Party.vendor)…\(mayWords)…[modify|change|discontinue|remove|withdraw|deprecate|alter|replace|retire]…[features|feature|functionality|functions|service|services|product|products|modules|components]",
                "[features|functionality|functions]…may…[change|be removed|be discontinued|be modified|be withdrawn]",
                // "the service levels in Schedule 4, which Contractor may update from time to time" (a lawyer's pass).
                "[service levels|service level|slas]…which…\(Party.vendor)…\(mayWords)…[update|change|modify|amend|revise|vary]",
                "\(Party.vendor)…[有权|可以|可|保留]…[调整|变更|修改|下线|停止|取消|删减|更换|替换]…[功能|服务内容|产品|模块|版本|服务项目|服务方式|服务形式]",
                "\(Party.vendor)…[有权|可以|可|保留]…[功能|服务内容|产品|模块|版本|服务项目|服务方式|接口]…[调整|变更|修改|下线|停止|取消|删减]",
            ],
            // The terms changed is an amendment (`may modify these terms … continued use of the Service`),
            // flagged as such, not the service changed as well.
            veto: mutual + [
                "[modify|amend|change|update|revise]…[these terms|this agreement|the agreement|terms of service|terms of use|the terms]",
                "[修改|修订|变更|更新]…[本协议|本合同|协议条款|服务条款|本条款]",
            ], vendorActs: true),
        Rule(
            .unilateral_service_change,
            [
                "[older|prior|previous|earlier|superseded]…version*…[no longer|not|cease*|end*]…[support*|maintain*]",
                "[support*|maintenance]…only…[current|latest|most recent]…version*|end-of-life|end of life",
                "[旧版本|历史版本|早期版本|以前版本|老版本]…[不再|停止|终止]…[支持|维护|提供]|仅…[支持|维护]…最新版本|[不再|停止]…[支持|维护]…[旧版本|历史版本|早期版本]",
                // `甲方未安装的，乙方不再对旧版本承担维护义务` (a lawyer's pass).
                "[不再|停止]…[旧版本|历史版本|早期版本|以前版本|老版本]…[支持|维护]",
            ], negatable: false),
        Rule(
            .usage_data_or_publicity,
            [
                "\(Party.vendor)…\(mayWords)…[use|display|list|identify|reference|mention]…[customer's name|your name|customer name|client's name|name and logo|logo*|trademark*|as a reference|as a customer|reference customer|case study]",
                "train*…[machine learning|artificial intelligence|ai models|models]",
                "\(Party.vendor)…\(mayWords)…[use|analy*|exploit|share|aggregate]…[customer data|your data|content|customer's data]…[improve|develop|marketing|analytics|any purpose|own purposes|its products|benchmark*]",
                "\(Party.vendor)…[有权|可以|可]…[使用|引用|展示|公开|列举]…[名称|商标|标识|logo|案例]",
                "\(Party.vendor)…[有权|可以|可]…[将|把]…[名称|商标|标识|logo|案例]…[用于|作为]|[作为|列为|用作]…[成功案例|客户案例|样板案例|示范案例|宣传案例]|[宣传|推广|营销]…甲方…[名称|案例|商标|标识]",
                "\(Party.vendor)…[有权|可以|可]…[使用|分析|利用|挖掘|处理|汇总]…[数据|信息|内容]…[改进|优化|研发|开发|训练|商业|营销|统计分析|其他用途|自身]",
                "\(Party.vendor)…[有权|可以|可]…[将|把]…[数据|信息|资料|内容]…用于…[改进|优化|研发|开发|训练|商业|营销|宣传|推广|统计分析|其他用途|自身]",
                "[脱敏数据|匿名化数据|汇总数据|统计数据|使用数据|运行数据]…[归乙方|用于|乙方所有|乙方享有|乙方使用|乙方可]",
                // `乙方可在去除可识别信息后用于产品改进` (a lawyer's pass: the data named before the vendor).
                "[甲方数据|甲方的数据|业务数据|客户数据|用户数据]…\(Party.vendor)…[有权|可以|可]…用于…[改进|优化|研发|开发|训练|商业|营销|宣传|推广|统计分析|其他用途|自身]",
            ],
            veto: [
                "经甲方…书面同意|经甲方…同意|with…prior written consent|with…customer's…consent|upon…customer's…consent|solely to provide|only to provide|仅为…提供…服务|仅用于…提供|仅用于…履行",
                RedFlagDetector.forbiddenUse,
            ]),
        // Usage data put to the vendor's use; not its definition (`"Usage Data" means data about the
        // provision, use, and performance of the Product`: the `use` there is what the data is about).
        Rule(
            .usage_data_or_publicity,
            [
                "[usage data|aggregated data|aggregate data|anonymized data|anonymised data|de-identified data|statistical data|telemetry]…[use|used|improve|develop|train*|analy*|commercial*|any purpose|own purposes]"
            ],
            veto: [
                "[usage data|aggregated data|aggregate data|anonymized data|anonymised data|de-identified data|statistical data|telemetry]…means…[data|information]…[about|on|of|relating to|related to|regarding|concerning]",
                "with…prior written consent|with…customer's…consent|solely to provide|only to provide",
                RedFlagDetector.forbiddenUse,
            ]),
        Rule(
            .ip_vendor_owns_customisations,
            [
                "[定制|二次开发|开发成果|交付成果|工作成果|衍生作品|修改|改进|账号|帐号|专属|配置|报表|专门开发|为本项目开发|咨询报告|报告|成果]…[归乙方|属于乙方|归属于乙方|由乙方享有|乙方所有|乙方单独所有|归供应商|乙方享有]",
                "[customization*|customisation*|modification*|derivative work*|work product|enhancement*|improvement*|custom development*|custom code|accounts|configuration*|integration*|report template*|customised function*|customized function*|custom function*]…[owned by|owned exclusively by|exclusively owned by|owned solely by|solely owned by|property of|vest in|vests in|belong to|belongs to|remain with]…[provider|vendor|supplier|licensor|us|company|consultant|contractor]",
                // Words between the work and its owner ("customizations of the software developed by Licensor
                // for Licensee shall be the sole and exclusive property of Licensor", a lawyer's pass): by the verb.
                "[customization*|customisation*|modification*|derivative work*|work product|custom development*|custom code|configuration*]…[shall be|will be|are|shall remain|will remain]…\(RedFlagDetector.ownedByVendor)",
                "[customization*|customisation*|modification*|derivative work*|custom development*|custom code|configuration*]…[developed|made|created|written|prepared]…[shall be|will be|are|shall remain|will remain]…\(RedFlagDetector.ownedByVendor)",
                "[provider|vendor|supplier|licensor|consultant|contractor]…[owns|will own|shall own|retains ownership|retain ownership|retains all right|retains title|retain all right]…[customi*|modification*|derivative|deliverables|work product|enhancement*|improvement*|custom]",
                "[customer|client|licensee]…[assigns|hereby assigns|shall assign]…[provider|vendor|supplier|licensor|consultant|contractor]",
                // "… in the Deliverables, including bespoke interfaces …, shall vest in Contractor" (a lawyer's
                // pass): the owner right after the verb, so "vest in Client, and Contractor …" is not it.
                "[deliverables|bespoke|developed for|developed specifically|work product]…\(RedFlagDetector.vestsInVendor)",
            ]),
        Rule(
            .warranty_disclaimed,
            [
                "[disclaim*|exclude*]…warrant*|no warrant*|without warrant*|makes no…warrant*|does not warrant|not warrant",
                "[不作|不做|不提供|不承担]…任何…[保证|担保|承诺]|不保证…[无错误|无故障|不间断|没有错误|没有缺陷|无缺陷|满足甲方|符合甲方|完全满足|持续可用]",
            ],
            // Feedback the buyer gives "as is" is the buyer's disclaimer, not the vendor's; a disclaimer
            // of what the contract does not promise expressly (`Except as expressly set out…, each party
            // disclaims…`, `除前款外…不作任何保证`) leaves the express warranty standing.
            veto: [
                "except as|other than as|except for…express*|except for the warrant*|except for any warrant*|other than the warrant*|third-party|third party|feedback|除…约定外|除…以外|除本合同…外|除前款外|除上述…外|第三方|反馈",
                // "Provider does not disclaim the warranties in Section 5" (a lawyer's pass).
                "[does not disclaim*|do not disclaim*|shall not disclaim*|will not disclaim*|not disclaim*]|[不排除|不免除]…[保证|担保]",
            ],
            negatable: false),
        Rule(
            .warranty_disclaimed,
            [
                "provided \"as is\"|provided as is|\"as is\"|'as is'|as-is|as is and as available|\"as available\"|on an as is basis|按现状|按\"现状\"|按'现状'"
            ],
            // The service itself "as is" disclaims everything, whatever carve-out opens the sentence (the
            // standard `EXCEPT AS EXPRESSLY PROVIDED…, THE SERVICES ARE PROVIDED "AS IS"`: lawyer's pass);
            // a beta or trial feature "as is" is the usual bargain for something not bought.
            veto: [
                "third-party|third party|feedback|beta product*|beta feature*|beta service*|beta version*|free trial|trial period|evaluation period|第三方|反馈|测试版|内测|公测|试用期|免费试用"
            ],
            negatable: false),
        // The warranty lost or narrowed by what the buyer does: updates not installed in time, or the
        // repair named as the buyer's only remedy.
        Rule(
            .warranty_disclaimed,
            [
                "[failure to|fails to|fail to|failing to|not]…[install*|apply|implement|deploy]…[update*|upgrade*|patch*|new release*|new version*|fix*]",
                "warrant*…[\(RedFlagDetector.remedyWords)]|[\(RedFlagDetector.remedyWords)]…warrant*",
                "甲方…未…[安装|升级|更新|部署]…[补丁|更新|升级包|新版本|修复]…[不承担|不负责|免责|不适用|不在保修|不在质保|不属于保修|不属于质保]",
                "[保修|质保]…[唯一|全部]…[救济|补救]|[唯一|全部]…[救济|补救]…[保修|质保]",
            ], negatable: false),
        Rule(
            .third_party_risk_disclaimed,
            [
                "subcontractor*…[not responsible|not liable|no liability|no responsibility]|分包…[不承担|不负责]",
                "[third-party|third party]…[not responsible|not liable|no responsibility|no liability|disclaim*|sole risk|own risk|at customer's risk|\"as is\"|as is]",
                "[not responsible|not liable|no liability|no responsibility]…[third-party|third party]",
                "第三方…[不承担|不负责|概不负责|免责|与乙方无关|由甲方自行|甲方自行承担|风险由甲方]|[不承担|不负责]…第三方",
            ],
            // The vendor answering for third parties; not `乙方对第三方服务…不承担任何责任` (a lawyer's pass: that
            // disclaimer read as the vendor taking responsibility).
            veto: [
                "[provider|vendor|supplier|licensor]…responsible for…[subcontractor*|third part*]|乙方…对…第三方…[应负责|应承担|须承担|须负责|负全部责任|承担全部责任|承担连带|负连带]"
            ], negatable: false
        ),
        Rule(
            .buyer_license_restrictions,
            [
                "\(Party.vendor)…\(mayWords)…[audit|inspect|verify]…[customer's|records|use|usage|compliance|systems|premises|books]",
                "[customer|client|licensee]…[permit|allow|submit to]…[audit*|inspection*]",
                "[overage|excess usage|true-up|true up]…[fee*|charge*|invoice*|pay|billed|rate*]|exceed*…[licensed|permitted|authorized|authorised|purchased]…[users|quantity|limit*|seats]…[pay|fee*|charge*|penalt*|times|invoice*]",
                "[publish|disclose|release]…[benchmark*|results|comparison*]",
                "\(Party.vendor)…[有权|可以|可]…[审计|核查|检查|稽查]…[甲方|使用情况|系统|场所|账簿]",
                // `乙方有权随时对甲方使用情况进行审计` (a lawyer's pass): the use named before the audit.
                "\(Party.vendor)…[有权|可以|可]…[使用情况|账号使用|许可使用|软件使用|系统使用]…[审计|核查|稽查]",
                "超出…[用户数|授权数|许可数|点数|并发|账号数|帐号数|数量]…[补缴|支付|罚|违约金|倍|赔偿]",
                "[公开|发布|披露]…[测试结果|评测|结果|对比|基准测试]",
                "[仅限|只能|仅供]…甲方…[本部|总部|本单位|本公司]…使用|[关联公司|子公司|分支机构|分公司|外包人员]…[不得|不能|无权]…使用",
            ], negatable: false),
        // An exit at will: one-sided whatever else the sentence says.
        Rule(
            .termination_asymmetry,
            [
                "\(Party.vendor)…\(mayWords)…terminate…[at any time|for any reason|for convenience|without cause|sole discretion|without reason]",
                "\(Party.vendor)…[有权|可以|可|保留]…[随时|任何时候|无需理由|无理由|单方|无条件]…[解除|终止]",
                "\(Party.vendor)…[有权|可以|可]…[提前|随时]…[解除|终止]…[合同|协议|本合同|本协议|服务]",
            ], vendorActs: true),
        // Ending the contract at once. Because of the buyer's own serious default (non-payment, a
        // material breach, insolvency) that is the usual remedy for cause, not a one-sided exit:
        // vetoed when the default is the condition of the vendor's right (`if the Customer fails to
        // pay …, the Supplier may terminate`, `… may terminate immediately if the Customer becomes
        // insolvent`, `甲方逾期付款超过30日的，乙方有权立即解除`); at once for any breach at all, it
        // still is one-sided.
        Rule(
            .termination_asymmetry,
            [
                "\(Party.vendor)…\(mayWords)…terminate…[immediately|without liability|without giving]",
                "\(Party.vendor)…[有权|可以|可|保留]…立即…[解除|终止]",
            ],
            veto: [
                "[if|where|should|in the event]…\(Party.buyer)…\(buyerDefault)…\(Party.vendor)…\(mayWords)…terminate",
                "\(Party.vendor)…\(mayWords)…terminate…[if|where|in the event that|should|in case]…\(Party.buyer)…\(buyerDefault)",
                "\(Party.vendor)…\(mayWords)…terminate…[upon|on|following|after|due to|because of]…[customer's|client's|licensee's|purchaser's|buyer's|your]…[material breach|failure to pay|non-payment|nonpayment|insolvency|bankruptcy]",
                "\(Party.vendor)…\(mayWords)…terminate…[upon|in the event of|following|after]…[material breach|failure to pay|non-payment|nonpayment]…by…\(Party.buyer)",
                "[如|若|如果|倘若|一旦]…\(Party.buyer)…\(buyerDefault)…\(Party.vendor)…[有权|可以|可]…[解除|终止]",
                "\(Party.buyer)…\(buyerDefault)…的…\(Party.vendor)…[有权|可以|可]…[解除|终止]",
                "\(Party.vendor)…[有权|可以|可]…在…\(Party.buyer)…\(buyerDefault)…[时|后]…[解除|终止]",
            ], vendorActs: true),
        Rule(
            .termination_asymmetry,
            [
                "[customer|client|licensee|you]…[may not|shall not|cannot|is not entitled to|has no right to|will not be entitled to]…[terminate|cancel]",
                "甲方…[不得|无权|不能]…[提前|单方|擅自|任意]…[解除|终止|退出]",
                // "Licensee may terminate support only at the end of a support term" (a lawyer's pass).
                "[customer|client|licensee|you]…may…terminate…only…[at the end of|upon expiry|upon expiration|at the expiry|at the expiration]",
                "甲方…[仅|只能|仅能|仅可]…[期满|届满|到期]…[解除|终止|退出]",
            ], negatable: false),
        Rule(
            .payment_terms_harsh,
            [
                "[100%|full amount|entire|all fees|total fees|total price|in full]…[in advance|upon signing|on signing|upon execution|before|prior to]",
                "[in advance|upon signing]…[100%|full amount|entire|in full|all fees]",
                "deemed accept*|deemed to have accepted|deemed to…accept*|deemed…approved|treated as accepted|deemed…final acceptance",
                "[签订|签署|生效|签约]…[后|之日起]…[一次性支付全部|支付全部|付清全部|支付全款|一次性付清|一次性全额支付|全额支付|一次性支付全额|支付全额]|[预付|预先支付|提前支付]…[全部|100%|全额|合同总价|合同总额|全款]",
                "[签订|签署|生效|签约]…[后|之日起]…[支付|预付]…[合同金额的|合同总价的|合同价款的|总价的|合同总额的|总价款的|价款总额的|实施费的|许可费的|软件费的|服务费的|订阅费的|项目费用的|年费的]…[35%|40%|45%|50%|55%|60%|65%|70%|75%|80%|85%|90%|95%|100%]",
                "视为…[验收合格|验收通过|已验收|通过验收|验收完成|甲方已验收|甲方认可|甲方接受|甲方确认|确认无误|终验合格|终验通过|初验合格|初验通过|甲方已接受|已接受交付|接受交付]",
                // "accepted on delivery unless …", "Go-live constitutes acceptance of the deliverables" (a
                // lawyer's pass): acceptance by the calendar or by an event, not by the buyer.
                "accepted on delivery|accepted upon delivery|accepted on installation|accepted upon installation|accepted on go-live|accepted upon go-live|accepted upon completion|accepted on completion|[go-live|go live|delivery|installation|production use]…[constitutes|constitute|shall constitute|will constitute]…acceptance",
                "[验收前|交付前|上线前]…[支付|付清]…[全部|100%|全额|95%|90%|80%]",
            ],
            // A down payment of at most 30 % on signing ("The total price is …, payable 20% on
            // signing, 50% on acceptance…") is the playbook's own model; acceptance written as never
            // deemed (`不因…而视为验收合格`, `不视为验收合格`) protects the buyer (the lawyer's pass).
            veto: [
                ["5%", "10%", "15%", "20%", "25%", "30%"].flatMap { share in
                    ["on signing", "upon signing", "upon execution", "at signing"].map { "\(share) \($0)" }
                }.joined(separator: "|"),
                "不视为|不得视为|不应视为|不能视为|不应被视为|不因…而视为",
                // "there is no deemed acceptance", "shall not be deemed accepted" (a lawyer's pass).
                "no deemed accept*|[not|never]…deemed…accept*|[not be treated as accepted|never be treated as accepted]|[not|never]…constitute*…acceptance",
                // Deemed only after the buyer's own act (`交接清单经甲方签字确认后视为验收完成`: a lawyer's
                // pass): deemed acceptance is acceptance without it (silence, a deadline passing).
                "经甲方…[签字|签署|签章|盖章|书面确认|确认]…视为|[甲方签字|甲方签署|甲方签章|甲方盖章|甲方书面确认]…[后|的]…视为",
                // A liability cap measured by the fees "paid or payable … in the twelve (12) months before
                // the event" is no payment term (a lawyer's pass).
                "[liability|liable]…[exceed|limited to|capped at|cap]",
                // Paid in full only once accepted (`合同签订后…验收合格后全额支付`).
                "[验收合格|验收通过|通过验收|终验合格|最终验收]…后…[全额|全部|一次性]",
            ], negatable: false),
        Rule(
            .confidentiality_one_sided,
            [
                "\(Party.vendor)…\(mayWords)…[use and disclose|disclose|share]…[customer's|your|client's]…[confidential|information|data]",
                "\(Party.vendor)…[有权|可以|可]…[使用|披露|提供|共享|透露]…[甲方|客户]…[保密信息|商业秘密|信息|数据|资料]…[第三方|关联方|合作伙伴|关联公司|他方]",
            ], veto: ["经甲方…书面同意|with…prior written consent"]),
        Rule(
            .assignment_without_consent,
            [
                "\(Party.vendor)…\(mayWords)…[assign|transfer|subcontract|delegate|novate]…[freely|at any time|without|to any|to its affiliate*|to an affiliate|to a successor|any of its]",
                "\(Party.vendor)…[有权|可以|可]…[将|把]…[本合同|本协议|权利|义务|合同|工作|服务]…[转让|转包|分包|委托]",
                "\(Party.vendor)…[有权|可以|可]…[转让|转包|分包|委托第三方]",
                // Subcontracting said without the word (a lawyer's pass: `供方可将部分实施工作交由第三方完成`,
                // "may use subcontractors, including its offshore affiliates").
                "\(Party.vendor)…[有权|可以|可]…[将|把]…[工作|服务|实施|开发|运维]…[交由|委托|外包给]…[第三方|其他单位|关联公司|合作方]",
                "\(Party.vendor)…\(mayWords)…[use subcontractors|engage subcontractors|use third-party subcontractors|subcontract]",
            ], veto: ["consent of…customer|customer's…consent|甲方…书面同意|经甲方…同意|甲方同意|需方…同意"], vendorActs: true),
        Rule(
            .assignment_without_consent,
            [
                "[assign*|transfer*|subcontract*|novat*|delegat*]…without…[customer's|client's|your|licensee's]…[consent|approval]",
                "[转让|转包|分包|委托]…[无需|无须|不需|不必|无需经]…甲方…同意|[无需|无须|不需|不必]…甲方…同意…[转让|转包|分包|委托]",
                // New sub-processors, or the buyer's data sent to them, without a word to the buyer.
                "[engage*|appoint*|add|use|replace]…[subprocessor*|sub-processor*|subcontractor*]…without…[notice|consent|approval|notification|informing]",
                "[transfer*|disclose*|provide*|send*]…[data|personal information]…[subprocessor*|sub-processor*|third part*|outside]…without…[consent|approval|notice]",
                "[分包商|次级处理者|第三方|境外]…[无需|无须|不经|未经|不必]…[通知|告知]…甲方|[无需|无须|不经|不必]…[通知|告知]…甲方…[委托|聘用|更换]…[分包商|次级处理者|第三方]",
            ],
            // Forbidden without the buyer's consent is the buyer's protection (`shall not be transferred
            // outside the EEA without Customer's prior written consent`).
            veto: [
                "[shall not|must not|may not|will not|cannot|can not|is not to|are not to|does not|do not|never|not permitted to|prohibited from]…[assign*|transfer*|subcontract*|novat*|delegat*|engage*|appoint*|add|use|replace|disclose*|provide*|send*]…without"
            ],
            negatable: false),
        Rule(
            .no_source_code_escrow,
            [
                "[不提供|不交付|不包括|不含|不向甲方提供|不负责提供]…[源代码|源码]|[源代码|源码]…[不交付|不提供|不予提供|归乙方]",
                "[will not|shall not|does not|is not|not|no]…[deliver*|provide*|include*|disclose*|entitled to|obligation to]…source code|source code…[excluded|withheld|not included|will not|shall not|is not|not be]",
            ], negatable: false),
    ]

    /// Phrases that say outright that the buyer's data will not be returned.
    static let noReturn = PatternSet(noReturnSources)
    static let noReturnSources = [
        "no obligation to…return|not obligated to…return|not required to…return|will not return|shall not return|not…obligat*…export",
        "\(Party.vendor)…may delete|\(Party.vendor)…will delete…immediately|delete*…customer data…without",
        "\(Party.vendor)…[可|可以|有权]…删除…数据",
        "无义务…返还|无义务…导出|不负责…返还|不负责…导出|不提供…数据…导出|不提供…数据…返还|不予返还|不返还|有权删除…数据|直接删除…数据|立即删除…数据",
        noDutyToReturn,
    ]
    /// No duty to keep or return the data (`乙方不负有保留或返还甲方数据的义务`, `不承担数据返还义务`).
    static let noDutyToReturn = "[不负有|不承担|不负担]…[返还|导出|保留|保存]…数据…[义务|责任]|[不负有|不承担|不负担]…数据…[返还|导出|保留|保存]…[义务|责任]"

    static let liabilityWords = PatternSet(["liabilit*|liable|damages", "赔偿|责任"])
    static let capWords = PatternSet(capWordSources)
    /// The words that state a cap (`liabilityCapQuote` quotes from them too).
    static let capWordSources = ["not exceed|limited to|not be more than|capped|cap|maximum|in excess of|exceed", "不超过|为限|上限|最高|封顶"]
    /// A cap measured by a short period of fees (a month, a quarter): "one month", "当月", or a number of
    /// months below twelve (see `shortPeriod`).
    static let periodCap = PatternSet([
        "one month|monthly fee*|month's fee*|[preceding|previous|prior|last]…month|month…[preceding|prior to|before]…[claim|event]",
        "[amount*|fees|fee]…paid…for the…[specific|particular|affected|relevant]…[service|order|product|subscription]",
        "一个月|当月|单月|月度…费用|月…服务费",
        "[该项|该次|相应|受影响|当次|当期|该事件|所涉]…[服务|订单|项目|产品]…[费用|服务费|价款|许可费]",
    ])
    static let monthWords = PatternSet(["month*", "个月|月"])
    /// A cap that is not a cap ("不受任何上限限制", "unlimited").
    static let uncapped = PatternSet(["unlimited|not be limited|not limited|no limit|shall not apply", "不受…限制|不设上限|无上限|不受…上限"])
    static let totalCap = PatternSet([
        "total fees|total price|total contract|total amount|contract price|contract value|all fees paid|amounts paid or payable under|paid and payable under",
        "合同总价|合同总额|合同总金额|合同价款|合同金额|全部…费用|总价款|已支付的全部|已付…全部",
    ])
    /// A cap that is the greater of two measures ("the greater of", "whichever is greater", `以较高者为准`).
    static let greaterOf = PatternSet(["greater of|higher of|whichever is greater|whichever is higher", "较高者|孰高|以高者"])
    /// Caps that protect the vendor alone, or leave the buyer's liability open.
    static let oneSidedCap = PatternSet([
        "[provider's|vendor's|supplier's|licensor's|our|consultant's|contractor's]…[total|aggregate|entire|maximum|cumulative]…liabilit*",
        "[customer's|client's|licensee's|your]…liabilit*…[unlimited|not be limited|not limited|no limit]",
        "[乙方|供应商|供方|服务方]…[累计|全部|总|最高|最大]…[赔偿|责任]…[不超过|为限|上限|封顶]",
        "甲方…[责任|赔偿]…[不受限制|不设上限|无上限|不受上述限制|不受此限]",
    ])
    /// The buyer's only remedy (`exclusive remedy`, `唯一救济`): in a section on the warranty it
    /// narrows the warranty to the repair the section names, even where the sentence names the
    /// warranty only in a cross-reference's title, which matching drops (the Common Paper licence's
    /// `This Section 5.4 (Provider Warranty Remedy) describes Customer's exclusive remedy…`).
    /// The buyer's only remedy, in English (`exclusive remedies`, "sole remedy").
    static let remedyWords = "exclusive remed*|sole remed*|sole and exclusive remed*|only remed*"
    static let exclusiveRemedy = PatternSet([
        remedyWords,
        "唯一…[救济|补救]|全部…[救济|补救]",
    ])
    /// An availability promised as a share of time (`available 99.9% of each month`, `可用性不低于99.95%`).
    static let availability = PatternSet(["[availab*|uptime|up-time]…%|%…[availab*|uptime]", "[可用|在线率|正常运行]…[%|百分之]"])
    static let mutualWords = PatternSet([
        "each party|either party|neither party|both parties|the parties|each of the parties|mutual*", "双方|任何一方|各方|任一方|每一方",
    ])
    static let exclusion = PatternSet([
        "not be liable|not liable|no liability|in no event|under no circumstances|exclud*|disclaim*|waive*|not be responsible|not responsible",
        // Mutual in words, one-sided in effect: only the vendor holds the buyer's data.
        "neither party…[is liable|will be liable|shall be liable|be liable|is responsible|shall be responsible]",
        "不承担|不负责|免责|不予赔偿|免除…责任|不对…负责|不对…承担|不…赔偿",
    ])
    static let dataLoss = PatternSet([
        "loss of data|lost…data|data loss|corrupt*…data|data…corrupt*|loss…data|restoration of data|destruction of data|data…lost",
        "数据丢失|数据损失|数据…灭失|数据…损毁|数据…损坏|丢失…数据|数据…丢失|数据…毁损",
    ])
    /// A sentence that continues the one before ("Examples of these damages include lost data").
    static let refersBack = PatternSet(["these|such|this type|examples|example|including|include*", "上述|前述|此类|该等|包括"])
    /// Wording that takes data loss back out of an exclusion (`但…数据丢失的恢复费用不属于间接损失`,
    /// "the costs of restoring lost data are not indirect damages").
    static let carveOut = PatternSet([
        "does not apply|do not apply|shall not apply|will not apply|不适用|不属于间接损失|不在此限|not be deemed indirect|not indirect|are not consequential|is not consequential"
    ])

    /// Notice to stop renewal or to cancel.
    static let cancelNotice = PatternSet([
        "[notice|notify|notifies|notified|written notice]…[non-renewal|not renew|not to renew|terminat*|cancel*|renew*]|[non-renewal|not to renew|terminat*|cancel*]…[notice|notify|notifies|notified]",
        // `renews for one year unless either party notifies the other … before expiry`.
        "renew*…unless…[notice|notify|notifies|notified]",
        // "… unless Client gives Contractor not less than one hundred and twenty (120) days' written notice":
        // the notice further from `unless` than a gap allows, its period between.
        "renew*…unless…[day*|month*]…[notice|notify]",
        "[不续约|不再续约|不续期|不续签|不续展|续展|终止|解除|退订|取消|续约|续期|续签|续订]…[通知|告知|提出]|[通知|告知|提出]…[不续约|不再续约|不续期|不续签|不续展|续展|终止|解除|退订|取消|续约|续期|续签|续订]",
    ])
    /// A notice that asks for a renewal the contract does not make by itself (`甲方拟续约的，应于期满前九十日
    /// 书面告知乙方`): nothing renews without it, so its length traps nobody.
    static let optInRenewal = PatternSet([
        "拟续约|如需续约|需要续约|希望续约|要求续约|申请续约|拟续签|如需续签|拟续期|如需续期",
        "wishes to renew|wish to renew|wants to renew|intends to renew|elects to renew|desires to renew",
    ])
    /// The buyer's own right to end the contract: a benefit, whatever its notice (`甲方可提前九十日书面通知乙方解除本合同`).
    static let forConvenience = PatternSet([
        "for convenience|without cause|\(Party.buyer)…[may terminate|may end|can terminate|is entitled to terminate|has the right to terminate]",
        "无理由|任意解除|便利|甲方…[可|可以|有权]…提前…解除",
    ])
    /// A buyer that indemnifies the vendor; a vendor that indemnifies the buyer.
    static let buyerIndemnifies = PatternSet([
        "\(Party.buyer)…[shall|will|agrees to|must]…[indemnify|defend|hold harmless]",
        "[甲方|用户|客户]…[应|须|应当|负责|承诺|保证]…[赔偿|补偿]…[乙方|供应商|服务方|平台|我们|本公司]…[全部|一切|所有]…[损失|费用|索赔]|[使|令|确保]…[乙方|供应商]…免受…[损失|索赔|损害]",
    ])
    static let vendorIndemnifies = PatternSet([
        "\(Party.vendor)…[shall|will|agrees to|must]…[indemnify|defend|hold harmless]|each party…[indemnify|defend]|mutual…indemnif*",
        "[乙方|供应商|供方|服务方|双方|任何一方|各方]…[应|须|应当|负责|承诺|保证]…[赔偿|补偿|承担]…甲方…[损失|费用|索赔|责任]|[使|令|确保]…甲方…免受|乙方…[承担|负责]…[侵权|知识产权]…[责任|赔偿]",
    ])
    static let confidentialityWords = PatternSet(["confidential*|non-disclosure|in confidence", "保密|商业秘密|秘密"])
    static let buyerKeepsSecret = PatternSet([
        "\(Party.buyer)…[shall|will|must|agrees to]…[keep|maintain|hold|protect|not disclose]…[provider's|vendor's|supplier's|licensor's|our]",
        "甲方…[应|须|应当|负有|承担|承诺]…[对乙方|乙方的|乙方提供的|为乙方]|甲方…[保守|保密]…乙方",
        "甲方…[应|须|应当|负有|承担|承诺]…乙方…[商业秘密|保密信息|技术秘密|技术信息|经营信息]",
        "甲方…[对乙方|乙方的|乙方提供的]…[负有|承担]…保密",
    ])
    static let vendorKeepsSecret = PatternSet([
        "\(Party.vendor)…[shall|will|must|agrees to]…[keep|maintain|hold|protect|not disclose|treat]|each party|either party|both parties|the parties|receiving party|recipient",
        "乙方…[应|须|应当|负有|承担|承诺|不得]|双方|任何一方|各方|接收方|接受方",
    ])
    /// Software the buyer will depend on after the vendor leaves.
    static let needsEscrow = PatternSet([
        "custom development|custom software|customized software|customised software|bespoke|custom…application|develop…for…[customer|client]",
        "定制开发|二次开发|定制化开发|定制…系统|专门开发",
    ])
    /// Custom work owned by the buyer comes with its code.
    static let buyerOwnsWork = PatternSet([
        "[vest in|vests in|owned by|property of|belong to|belongs to|assigned to]…[customer|client|licensee|buyer]",
        "[归甲方|属于甲方|甲方所有|归属于甲方|由甲方享有]",
    ])
    /// Work the contract leaves out ("本协议不包括二次开发").
    /// Work left out of the contract: not included, or an option charged on top when asked for
    /// (`requested by the Customer are charged separately`, `甲方需要二次开发的, 乙方另行收费`).
    static let excluded = PatternSet([
        "not include*|exclud*|does not cover|not part of|charged separately|billed separately|invoiced separately|priced separately",
        "separately charged|separately billed|separately invoiced|at additional cost|at extra cost|at an additional charge|for an additional fee",
        "不包括|不含|不包含|不属于|除外|另行收费|另行计费|另外收费|另行收取|另计",
    ])
    static let escrowMentioned = PatternSet(["source code|escrow|source-code", "源代码|源码|代码托管"])
    /// A deposit with an escrow agent, not refused (`no escrow`, `不提供源代码托管`).
    static let escrowDeposit = PatternSet([
        "[deposit*|place*|lodge*|held|hold*]…escrow|escrow agent|escrow agreement",
        "[源代码|源码]…[交由|交付|存放|存入]…托管|[第三方|独立]…托管机构|源代码托管协议|代码托管协议",
    ])
    /// A use forbidden, however long its list of what (a lawyer's pass: "Supplier shall not use Customer
    /// Data, usage data or Customer's name for marketing, benchmarking or to train machine learning
    /// models" lost its `not` to the distance, on the fair contract): a veto of the data-use rules.
    static let forbiddenUse =
        "[shall not use|will not use|may not use|must not use|cannot use|does not use|do not use]…[marketing|benchmark*|train*|machine learning|advertis*]|不得…[使用|用于]…[营销|宣传|推广|训练|商业]"

    /// Late charges the buyer pays.
    static let lateWords = PatternSet([
        "late|overdue|past due|delay*…payment|unpaid", "逾期|迟延|延迟|滞纳",
    ])
    static let buyerPays = PatternSet([
        "[customer|client|licensee|you]…[late|overdue|fail to pay|fails to pay]|late payment*|overdue…[amount*|sum*|invoice*|fee*|payment*]|[amount*|sums|invoice*|fees]…overdue|unpaid…[amount*|fee*|invoice*]",
        "late amount*|late sum*|late invoice*|late balance*|late fee*|past-due…[amount*|sum*|invoice*|balance*]|past due…[amount*|sum*|invoice*|balance*]",
        "甲方…[逾期|迟延|延迟]…[付款|支付]|逾期付款|逾期支付|迟延付款|延迟付款|滞纳金",
        // The penalty in a sentence of its own after the payment term (`…30日内付款；逾期每日按应付金额的
        // 千分之五支付违约金`: a lawyer's pass found 182 % a year unflagged after `；` or `。`).
        "逾期…[应付金额|应付款项|应付款|应付费用|应付未付|未付款项|未付金额|未付部分|欠付|欠款]",
    ])
    /// The vendor's own lateness (`乙方逾期交付的，每日按甲方应付金额的千分之一…`): its penalty is no charge on the buyer.
    static let vendorLate = PatternSet(["\(Party.vendor)…[逾期|迟延|延迟]…[交付|完成|提供|上线|履行|响应|修复|到场|实施]"])
    static let highestLawful = PatternSet(["maximum…rate…permitted|highest…rate…permitted|maximum…lawful|highest lawful"])

    /// The kinds a sentence raises on its own and the facts the rules across sentences weigh. It
    /// reads only the sentence's own text and kinds (not its lines nor its neighbours).
    static func read(_ s: ScannedSentence) -> RedFlagSentence {
        var r = RedFlagSentence()
        // Read once: each read of a sentence's haystack copies (and retains) its two arrays.
        let hay = s.hay
        let b = loopBits
        // A sentence none of whose checks can start is passed over on a few bit tests.
        if b.mayStart(hay) {
            let triggerBits = ruleTriggerBits
            // A rule none of whose triggers can match is passed over on one bit, without touching it;
            // a second rule of a kind already raised is not read.
            for k in rules.indices where !r.raises(rules[k].kind) && triggerBits[k].mayMatch(hay) && fires(rules[k], hay) {
                r.raise(rules[k].kind)
            }
            if b.liability.mayMatch(hay) && liabilityWords.matches(hay) && capWords.matches(hay) {
                // Fees of a few months are a low cap even when called "the total amount paid … in the three (3)
                // months preceding" (a lawyer's pass); the whole contract's value counts only as an alternative
                // that may be greater.
                let short = shortPeriod(s)
                let whole = totalCap.matches(hay) && (!short || greaterOf.matches(hay))
                let low = ((periodCap.matches(hay) || short) && !whole) || smallShare(s)
                // A vendor-only cap at the whole contract value is ordinary; below it, it protects the vendor alone.
                let oneSided =
                    oneSidedCap.matches(hay) && !mutualWords.matches(hay) && !uncapped.matches(hay) && !totalCap.matches(hay)
                if low || oneSided { r.raise(.liability_cap_low_or_one_sided) }
            }
            if b.cancelNotice.mayMatch(hay) && longNotice(s) { r.raise(.long_notice_to_cancel) }
            if !r.raises(.payment_terms_harsh) && b.lateWords.mayMatch(hay) && steepLateInterest(s) { r.raise(.payment_terms_harsh) }
            if b.buyerIndemnifies.mayMatch(hay) && buyerIndemnifies.matches(hay) && !mutualWords.matches(hay) {
                r.facts.insert(.buyerIndemnifies)
            }
            if b.vendorIndemnifies.mayMatch(hay) && vendorIndemnifies.matches(hay) { r.facts.insert(.vendorIndemnifies) }
            if b.confidentialityWords.mayMatch(hay) && confidentialityWords.matches(hay) {
                if buyerKeepsSecret.matches(hay) && !mutualWords.matches(hay) {
                    r.facts.insert(.buyerKeepsSecret)
                } else if vendorKeepsSecret.matches(hay) {
                    r.facts.insert(.vendorKeepsSecret)
                }
            }
            if (b.escrowMentioned.mayMatch(hay) && escrowMentioned.matches(hay))
                || (b.buyerOwnsWork.mayMatch(hay) && buyerOwnsWork.matches(hay))
            {
                r.facts.insert(.escrowSeen)
                if escrowDeposit.matches(hay) { r.facts.insert(.escrowDeposit) }
            }
            if !s.definition && b.needsEscrow.mayMatch(hay) && needsEscrow.matches(hay) && !excluded.matches(hay) {
                r.facts.insert(.needsEscrow)
            }
        }
        if s.about(.governing_law) || s.about(.dispute_resolution) { r.facts.insert(.lawOrForum) }
        if !r.raises(.warranty_disclaimed) && !s.definition && s.about(.warranty) && exclusiveRemedy.matches(hay) {
            r.raise(.warranty_disclaimed)
        }
        // A sum in 大写 beside figures that say another: only in the sentences about money, and only
        // where a formal digit (壹…玖) occurs (read with the sentence, so a repeated one is read once).
        if s.about(.fees) || s.about(.payment) || s.about(.penalty) || s.about(.scope),
            AmountWords.containsFormalDigit(s.text), AmountWords.mismatch(in: s.text) != nil
        {
            r.facts.insert(.amountWordsMismatch)
        }
        if b.dataLoss.mayMatch(hay) && dataLoss.matches(hay) && !carveOut.matches(hay) {
            r.facts.insert(.dataLoss)
            if refersBack.matches(hay) { r.facts.insert(.refersBack) }
            if excludes(s) { r.facts.insert(.excludes) }
        }
        return r
    }

    /// The clause a flag belongs under when its sentence is about another clause than its kind's
    /// (a lawyer's pass: deemed acceptance sat under 付款 while 验收 showed ✔, a foreign governing law
    /// under 争议解决): nil keeps the kind's own.
    static func clause(of kind: RedFlagKind, _ s: ScannedSentence) -> ClauseKind? {
        switch kind {
        case .payment_terms_harsh where s.about(.acceptance) && !s.about(.payment): return .acceptance
        case .vendor_forum_or_law where s.about(.governing_law) && !s.about(.dispute_resolution): return .governing_law
        default: return nil
        }
    }

    /// Whether a sentence excludes liability (an exclusion that is not negated).
    private static func excludes(_ s: ScannedSentence) -> Bool {
        let hay = s.hay
        return exclusion.patterns.contains { p in
            anyMatch(p, hay) { !negated(hay.bytes, $0.range.lowerBound, $0.firstEnd, $0.range.upperBound) }
        }
    }

    // Kept as one function: the rules across sentences, in the order they are reported.
    /// The red flags of the sentences, in line order, then the missing clauses. `readings`: each
    /// sentence's `read`, when made already (the scan makes them with the sentences; else read here).
    /// The text of a support clause without times (`missing_clause` with the clause's line).
    static let supportWithoutTimesText = (en: "Support without response or resolution times", zh: "支持条款未约定响应/解决时限")

    /// Whether a sentence on support states a service level that `KeyTermExtractor` does not read as a
    /// response or resolution time: a time in hours or minutes (`7×24小时技术支持，故障设备48小时内更换`) or an
    /// availability in per cent (`可用性不低于99.95%`, with service credits below it).
    /// Also `24h内响应`, `≤30min`, "next business day", `下一工作日`, `次日到场`; not a support window alone
    /// (`7×24小时`, "24x7": when, not how fast; a lawyer's pass).
    static func statesServiceLevel(_ sentences: [ScannedSentence]) -> Bool {
        sentences.contains { s in
            guard !s.definition && s.about(.support_sla) else { return false }
            if availability.matches(s.hay) || serviceDays.matches(s.hay) || abbreviatedTime(s.hay.bytes) { return true }
            let c = s.lowerCharacters
            return s.quantities.contains { q in
                guard q.unit == .hour || q.unit == .minute else { return false }
                // The hours of a window `7×24` / `5*8`: the character before the number is a times sign.
                let before = q.range.lowerBound > 0 ? c.string((q.range.lowerBound - 1)..<q.range.lowerBound) : ""
                return !["×", "x", "*", "X", "/"].contains(before)
            }
        }
    }

    /// A day to respond or come on site stated without a number (`下一工作日`, "next business day").
    static let serviceDays = PatternSet([
        "next business day|next working day|same business day|same working day|same day",
        "下一工作日|下一个工作日|次一工作日|次日|当日|当天",
    ])

    private static let shortTimeUnits: [[UInt8]] = ["h", "hr", "hrs", "min", "mins"].map { Array($0.utf8) }

    /// A time in hours or minutes written short (`24h`, `30min`, `4 hrs`): digits, perhaps a space, then
    /// the unit, ending the word.
    static func abbreviatedTime(_ b: [UInt8]) -> Bool {
        func isDigit(_ x: UInt8) -> Bool { x &- 0x30 < 10 }
        func isLetter(_ x: UInt8) -> Bool { x &- 0x61 < 26 || x &- 0x41 < 26 }
        var i = 0
        while i < b.count {
            guard isDigit(b[i]) else {
                i += 1
                continue
            }
            while i < b.count && isDigit(b[i]) { i += 1 }
            var j = i
            if j < b.count && b[j] == 0x20 { j += 1 }
            for u in shortTimeUnits where j + u.count <= b.count && b[j..<(j + u.count)].elementsEqual(u) {
                if j + u.count == b.count || !isLetter(b[j + u.count]) { return true }
            }
        }
        return false
    }

    /// `supportWithoutTimes`: the line of the support clause when the contract states no response or
    /// resolution time (`KeyTermExtractor`) nor another service level: flagged as a missing SLA there.
    static func detect(
        _ sentences: [ScannedSentence], readings: [RedFlagSentence]? = nil, present: Set<ClauseKind>, rawLines: [String],
        distinct: Distinct? = nil, supportWithoutTimes: Int? = nil, parties: PartyNames = PartyNames()
    ) -> [RedFlag] {
        let readings = readings ?? sentences.map(read)
        precondition(readings.count == sentences.count, "one reading per sentence")
        var flags: [RedFlag] = []
        // A flag is raised once per kind and first line.
        struct Seen: Hashable {
            let kind: Int
            let line: Int
        }
        var seen = Set<Seen>()
        // Each quote in the contract's own words (`RawQuote`), found once per sentence read: a
        // repeated paragraph's copies share their first reading (and their lines read the same).
        var quotes: [ObjectIdentifier: String] = [:]
        func quote(_ s: ScannedSentence, _ lines: [Int]) -> String {
            if let known = quotes[s.reading] { return known }
            let read = s.sentence.isEmpty ? s.text : s.sentence
            let raw = lines.allSatisfy { $0 >= 1 && $0 <= rawLines.count } ? lines.map { rawLines[$0 - 1] } : []
            let words = raw.isEmpty ? read : RawQuote.find(read, in: raw) ?? read
            quotes[s.reading] = words
            return words
        }
        func add(_ kind: RedFlagKind, _ s: ScannedSentence) {
            let lines = s.lines.isEmpty ? [s.line] : s.lines
            if seen.insert(Seen(kind: kind.ordinal, line: lines[0])).inserted {
                var text = quote(s, lines)
                // A sentence that ends on a colon opens a list, and its items carry the risk (`出现下列
                // 情形之一的，乙方可暂停服务…：` / `(b) the Provider considers the use may endanger …`):
                // they are cited and quoted with it.
                let items = listItems(after: lines[lines.count - 1], of: text, in: rawLines)
                if !items.isEmpty {
                    let chinese = text.unicodeScalars.last.map { $0.value >= 0x3000 } ?? false
                    text += (chinese ? "" : " ") + items.map { rawLines[$0 - 1].trimmed }.joined(separator: chinese ? "" : " ")
                }
                flags.append(RedFlag(kind: kind, clause: clause(of: kind, s), lines: lines + items, text: text))
            }
        }
        var buyerIndemnity: [ScannedSentence] = []
        var vendorIndemnity = false
        var buyerSecret: [ScannedSentence] = []
        var vendorSecret = false
        var escrowAt: ScannedSentence?
        var escrowSeen = false
        var escrowDeposited = false
        let kinds = RedFlagKind.byOrdinal
        // By index: a sentence is touched (and retained) only when its reading raised something.
        for k in readings.indices where readings[k].kinds != 0 || !readings[k].facts.isDisjoint(with: .ofTheLoop) {
            let r = readings[k]
            let s = sentences[k]
            var raised = r.kinds
            while raised != 0 {
                add(kinds[raised.trailingZeroBitCount], s)
                raised &= raised - 1
            }
            if r.facts.contains(.buyerIndemnifies) { buyerIndemnity.append(s) }
            if r.facts.contains(.vendorIndemnifies) { vendorIndemnity = true }
            if r.facts.contains(.buyerKeepsSecret) { buyerSecret.append(s) }
            if r.facts.contains(.vendorKeepsSecret) { vendorSecret = true }
            if r.facts.contains(.escrowSeen) { escrowSeen = true }
            if r.facts.contains(.escrowDeposit) { escrowDeposited = true }
            if escrowAt == nil && r.facts.contains(.needsEscrow) { escrowAt = s }
        }
        if !vendorIndemnity {
            for s in buyerIndemnity { add(.one_way_indemnity, s) }
        }
        // A sum in 大写 beside its figures that say another (`玖拾陆万元整（¥690,000.00）`), as `read` found it.
        for k in readings.indices where readings[k].facts.contains(.amountWordsMismatch) {
            add(.amount_words_mismatch, sentences[k])
        }
        // A bilingual contract's two versions side by side, stating different figures (`LanguageVersions`).
        for d in LanguageVersions.differences(rawLines, distinct: distinct)
        where seen.insert(Seen(kind: RedFlagKind.language_versions_differ.ordinal, line: d.lines[0])).inserted {
            flags.append(RedFlag(kind: .language_versions_differ, clause: nil, lines: d.lines, text: d.zh + " / " + d.en))
        }
        if !vendorSecret {
            for s in buyerSecret { add(.confidentiality_one_sided, s) }
        }
        if !escrowSeen, let s = escrowAt { add(.no_source_code_escrow, s) }
        // Code the vendor keeps is no risk of its own where the contract deposits it in escrow (a lawyer's
        // pass: `源代码…归乙方所有` flagged beside `第十条 源代码托管`).
        if escrowDeposited { flags.removeAll { $0.kind == .no_source_code_escrow } }
        // A law or forum of the vendor's home country (read from its legal form), or of another
        // jurisdiction than the buyer's, as its party description places it (New York law for a
        // customer in Shanghai, 香港法律 for a 甲方 in 苏州).
        let vendorHomes = vendorHome(rawLines, parties: parties)
        let buyerHomes = buyerJurisdictions(rawLines, parties: parties)
        if !vendorHomes.isEmpty || !buyerHomes.isEmpty {
            for k in readings.indices where readings[k].facts.contains(.lawOrForum) {
                let named = jurisdictions(in: sentences[k].lower)
                let foreign = !buyerHomes.isEmpty && !named.isEmpty && named.isDisjoint(with: buyerHomes)
                let vendors = !named.isDisjoint(with: vendorHomes.subtracting(buyerHomes))
                if vendors || foreign { add(.vendor_forum_or_law, sentences[k]) }
            }
        }
        // Data-loss exclusions often name the data in the sentence after the waiver ("Examples of these
        // damages include lost data"): the exclusion may sit in the sentence itself or the one before
        // (read here when that one names no data loss: rare, and it depends on the neighbour).
        for k in readings.indices where readings[k].facts.contains(.dataLoss) {
            let r = readings[k]
            let s = sentences[k]
            if r.facts.contains(.excludes) {
                add(.liability_excludes_data_loss, s)
                continue
            }
            guard r.facts.contains(.refersBack), k > 0 else { continue }
            let previous = sentences[k - 1]
            guard previous.paragraph == s.paragraph || s.line - previous.line <= 8 else { continue }
            let before = readings[k - 1]
            if before.facts.contains(.dataLoss) ? before.facts.contains(.excludes) : excludes(previous) {
                add(.liability_excludes_data_loss, s)
            }
        }
        // By line, then by the kind's id (its `rank`); each key once, as the seen set ensures. Sorted
        // by their keys' places (most are in order already: the loop above reads the text in order).
        let keys = flags.map { (line: $0.line ?? Int.max, rank: $0.kind.rank) }
        if zip(keys, keys.dropFirst()).contains(where: { ($0.line, $0.rank) > ($1.line, $1.rank) }) {
            flags = keys.indices.sorted { (keys[$0].line, keys[$0].rank) < (keys[$1].line, keys[$1].rank) }.map { flags[$0] }
        }

        let needed: [(ClauseKind, String)] = [
            (.acceptance, "No acceptance clause (未约定验收)"),
            (.data_security, "No data security clause (未约定数据安全)"),
            (.confidentiality, "No confidentiality clause (未约定保密)"),
            (.data_return, "No clause on returning the buyer's data on exit (未约定数据返还/导出)"),
            (.support_sla, "No service level or support clause (未约定服务水平/响应时间)"),
        ]
        for (kind, text) in needed where !present.contains(kind) {
            flags.append(RedFlag(kind: .missing_clause, clause: kind, line: nil, text: text))
        }
        // Support promised (updates, a help desk) with no time to respond or to fix: what a buyer needs
        // of an SLA is missing (the Common Paper licence's lawyer's note; `8小时内响应` or `restore service
        // within 4 hours` would be read as `slaResponses`).
        if let line = supportWithoutTimes {
            flags.append(
                RedFlag(
                    kind: .missing_clause, clause: .support_sla, line: line,
                    text: "\(supportWithoutTimesText.en) (\(supportWithoutTimesText.zh))"))
        }
        return flags
    }

    /// The lines (1-based) of the list a quote that ends on a colon opens: the lines right after
    /// `line` that start as list items — `(a)`, `(ii)`, `(1)`, `（一）`, `a.`, `a)`, `1)`, `-`, `•`, `·` —
    /// at most twelve, a blank line before the first allowed; none when the quote ends otherwise.
    static func listItems(after line: Int, of quote: String, in rawLines: [String]) -> [Int] {
        guard let last = quote.last, last == ":" || last == "：" else { return [] }
        var items: [Int] = []
        var i = line  // the next line's index (0-based)
        while i < rawLines.count, items.count < 12 {
            let t = rawLines[i].trimmed
            if t.isEmpty && items.isEmpty && i == line {
                i += 1
                continue
            }
            guard isListItem(t) else { break }
            items.append(i + 1)
            i += 1
        }
        return items
    }

    /// Whether a line opens as an item of a list (see `listItems`); a clause's own number (`5.3`,
    /// `第六条`, `二、`) does not.
    static func isListItem(_ line: String) -> Bool {
        let u = Array(line.unicodeScalars.prefix(8))
        guard let first = u.first else { return false }
        if "-•·*–".unicodeScalars.contains(first) { return u.count > 1 }
        func marker(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
            // One to four letters, digits or Chinese numerals.
            !s.isEmpty && s.count <= 4
                && s.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "一二三四五六七八九十".unicodeScalars.contains($0) }
        }
        if first == "(" || first == "（" {
            guard let close = u.firstIndex(where: { $0 == ")" || $0 == "）" }) else { return false }
            return marker(u[1..<close])
        }
        // `a.` or `a)` (one Latin letter), `1)` / `1）` (a digit run closed by a bracket).
        if u.count >= 2, first.isASCII, first.properties.isAlphabetic, u[1] == "." || u[1] == ")" { return true }
        if let close = u.firstIndex(where: { $0 == ")" || $0 == "）" }), close > 0, u[..<close].allSatisfy({ ("0"..."9").contains($0) }) {
            return true
        }
        return false
    }

    /// A number of months below twelve in a cap sentence ("the fees paid in the three months before").
    static func shortPeriod(_ s: ScannedSentence) -> Bool {
        guard monthWords.matches(s.hay) else { return false }
        return KeyTermExtractor.quantities(s).contains { $0.unit == .month && $0.value < 12 }
    }

    static let penaltyCap = PatternSet(["liquidated|service credit*|penalt*", "违约金|抵扣|扣减|滞纳金|罚"])

    /// A cap at a small share (below half) of the price: "不超过合同金额的5%". Caps on the vendor's
    /// liquidated damages ("违约金累计不超过合同总价的10%") are the buyer's protection, not a liability cap.
    static func smallShare(_ s: ScannedSentence) -> Bool {
        guard !penaltyCap.matches(s.hay) else { return false }
        return KeyTermExtractor.rates(s.lowerCharacters).contains { $0.0 < 500_000 }
    }

    /// Legal forms in a party line that place the company in a country, with the words that name
    /// that country's law or courts.
    /// Legal forms that place a party in a jurisdiction (keys of `jurisdictionWords`).
    static let homeCountries: [(form: String, key: String)] =
        [
            ("pte. ltd", "sg"), ("pte ltd", "sg"), ("b.v.", "nl"), ("gmbh", "de"), ("s.a.s", "fr"), ("(hk)", "hk"), ("香港", "hk"),
            ("新加坡", "sg"), ("incorporated in england", "uk"), ("registered in england", "uk"), ("incorporated in singapore", "sg"),
            ("incorporated in hong kong", "hk"), ("incorporated in ireland", "ie"),
        ]
        // A U.S. company names its state of incorporation (`Acme Cloud Inc., a Delaware corporation`).
        + [
            ("delaware", "us-de"), ("california", "us-ca"), ("new york", "us-ny"), ("washington", "us-wa"), ("texas", "us-tx"),
            ("massachusetts", "us-ma"),
        ].flatMap { state, key in
            ["corporation", "limited liability company", "llc", "limited partnership", "public benefit corporation"].map {
                ("\(state) \($0)", key)
            }
        }
    static let vendorLine = PatternSet(["\(Party.vendor)"])
    static let buyerLine = PatternSet(["\(Party.buyer)"])

    /// The vendor's home jurisdictions (keys of `jurisdictionWords`) when the party lines place the
    /// vendor, and not the buyer, in one (`Vantage LIMS Pte. Ltd. ("Vendor")` against a buyer in Suzhou).
    /// A party called by its own name is read by its role (`PartyNames`; a lawyer's pass: `Brightwave
    /// Analytics Pte. Ltd. … ("Brightwave")` placed no vendor in Singapore, and its SIAC clause passed).
    static func vendorHome(_ rawLines: [String], parties: PartyNames = PartyNames()) -> Set<String> {
        var vendor = Set<String>()
        var buyer = Set<String>()
        for raw in rawLines.prefix(15) {
            let lower = ContractText.lowerASCII(ContractText.normalize(raw))
            let bytes = parties.apply(Array(lower.utf8))
            let hay = Haystack(bytes)
            let v = vendorLine.patterns.flatMap { $0.allMatches(in: hay).map(\.range.lowerBound) }
            let b = buyerLine.patterns.flatMap { $0.allMatches(in: hay).map(\.range.lowerBound) }
            for entry in homeCountries {
                guard let at = byteOffset(of: Array(entry.form.utf8), in: bytes) else { continue }
                // Each legal form belongs to the role named after it on a line that names both parties
                // ("between X Pte. Ltd. (\"Provider\") and Y (\"Customer\")"), else to the line's one role.
                // Read after the form's end: its own words (`limited liability company`) name no role.
                let end = at + entry.form.utf8.count
                let nextV = v.filter { $0 >= end }.min()
                let nextB = b.filter { $0 >= end }.min()
                if !v.isEmpty && !b.isEmpty {
                    if let nv = nextV, nextB == nil || nv < nextB! {
                        vendor.insert(entry.key)
                    } else if nextB != nil {
                        buyer.insert(entry.key)
                    }
                } else if !v.isEmpty {
                    vendor.insert(entry.key)
                } else if !b.isEmpty {
                    buyer.insert(entry.key)
                }
            }
        }
        // A U.S. state of incorporation places the company in the United States too (a lawyer's pass: a
        // Delaware corporation's California law and courts were not the vendor's home).
        for key in vendor where key.hasPrefix("us-") { vendor.insert("us") }
        for key in buyer where key.hasPrefix("us-") { buyer.insert("us") }
        return vendor.subtracting(buyer)
    }

    /// Jurisdictions by key, with the words that name them in a party's description or in a law or
    /// forum sentence (lower-cased, normalised). A court or arbitration body named after a city counts
    /// as its country (上海国际仲裁中心, "Singapore International Arbitration Centre").
    static let jurisdictionWords: [(key: String, words: [String])] = [
        (
            "cn",
            [
                "people's republic of china", "prc", " china", "chinese law", "中华人民共和国", "中国", "shanghai", "beijing", "shenzhen",
                "guangzhou", "suzhou", "hangzhou", "nanjing", "tianjin", "chongqing", "chengdu", "wuhan", "上海", "北京", "深圳", "广州", "苏州",
                "杭州", "南京", "天津", "重庆", "成都", "武汉", "西安", "厦门", "宁波", "无锡", "青岛", "大连", "长沙", "郑州", "合肥", "济南", "省", "人民法院",
            ]
        ),
        ("hk", ["hong kong", "香港", "hkiac"]), ("mo", ["macau", "macao", "澳门"]), ("tw", ["taiwan", "台湾"]),
        ("sg", ["singapore", "新加坡", "siac"]), ("us-ny", ["new york"]), ("us-de", ["delaware"]), ("us-ca", ["california"]),
        ("us-wa", ["washington"]), ("us-tx", ["texas"]), ("us-ma", ["massachusetts"]),
        ("us", ["united states", "u.s.a", "usa", "美国"]), ("uk", ["england", "english law", "united kingdom", "london", "wales", "英国"]),
        ("de", ["germany", "german", "hamburg", "berlin", "munich", "frankfurt", "德国"]),
        ("fr", ["france", "french", "paris", "法国"]),
        ("nl", ["netherlands", "dutch", "amsterdam", "荷兰"]), ("ch", ["switzerland", "swiss law", "geneva", "zurich", "瑞士"]),
        ("jp", ["japan", "tokyo", "日本"]), ("kr", ["korea", "seoul", "韩国"]), ("ie", ["ireland", "dublin", "爱尔兰"]),
    ]

    /// The jurisdictions `text` (lower-cased) names. A U.S. state also names the United States, and
    /// the PRC's own courts or commissions name China however they are written.
    static func jurisdictions(in text: String) -> Set<String> {
        // Places named only after an exclusion are not the law or forum chosen (a lawyer's pass:
        // `适用中华人民共和国法律（…不包括香港、澳门及台湾地区法律）`, the buyer's own clause, was flagged as a
        // Hong Kong vendor's home law).
        // What an exclusion names runs from its word to the end of its clause (`不包括香港、澳门及台湾地区法律）`,
        // "excluding the laws of Hong Kong,"); it is read without that part.
        for marker in ["不包括", "不适用", "excluding"] {
            guard let r = ContractText.range(of: marker, in: text) else { continue }
            let end = text[r.upperBound...].firstIndex { ",，;；)）。".contains($0) } ?? text.endIndex
            return jurisdictions(in: String(text[..<r.lowerBound]) + String(text[end...]))
        }
        var out = Set<String>()
        for (key, words) in jurisdictionWords where ContractText.containsAny(text, words) { out.insert(key) }
        if out.contains(where: { $0.hasPrefix("us-") }) { out.insert("us") }
        // 香港/澳门/台湾 written with 中国 (`中国香港`) are those places, not the PRC's law.
        if !out.isDisjoint(with: ["hk", "mo", "tw"]) && !ContractText.containsAny(text, ["中华人民共和国", "people's republic", "prc"]) {
            out.remove("cn")
        }
        return out
    }

    /// Where the buyer is, as the opening lines describe it: the jurisdictions named between the
    /// buyer's role in brackets (`("Customer")`, `(以下简称"甲方")`) and the role before it, or after
    /// `甲方:` up to the next party. Empty when the opening does not say.
    static func buyerJurisdictions(_ rawLines: [String], parties: PartyNames = PartyNames()) -> Set<String> {
        // Lines kept apart: the buyer's description is on the line of its role, not the vendor's before it.
        // A party called by its own name reads as its role (`("Brightwave")` → `("vendor")`), so the
        // vendor's description is not the buyer's too.
        let text = rawLines.prefix(20).map {
            String(decoding: parties.apply(Array(ContractText.lowerASCII(ContractText.normalize($0)).utf8)), as: UTF8.self)
        }.joined(separator: "\n")
        let quotedBuyer = [
            "(\"customer\")", "(the \"customer\")", "(\"client\")", "(the \"client\")", "(\"licensee\")",
            "(\"buyer\")", "(the \"buyer\")", "(\"purchaser\")", "简称\"甲方\"", "简称甲方", "简称\"买方\"", "简称\"采购方\"",
        ]
        let quotedVendor = [
            "(\"provider\")", "(the \"provider\")", "(\"vendor\")", "(the \"vendor\")", "(\"supplier\")",
            "(the \"supplier\")", "(\"licensor\")", "(\"contractor\")", "简称\"乙方\"", "简称乙方", "简称\"卖方\"", "简称\"供应商\"",
        ]
        func offsets(_ words: [String]) -> [String.Index] { words.compactMap { ContractText.range(of: $0, in: text)?.lowerBound } }
        if let b = offsets(quotedBuyer).min() {
            // From the vendor's role before it, else the line's start, else the buyer's own label
            // (`Provider: X Inc., a Delaware corporation` / `Customer: Y Co., … ("Customer")`).
            let line = text[..<b].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            let label = ["customer:", "client:", "buyer:", "licensee:", "甲方:"].compactMap {
                ContractText.range(of: $0, in: text, within: line..<b)?.lowerBound
            }.max()
            let start = max(
                offsets(quotedVendor).filter { $0 < b }.max().map { text.index($0, offsetBy: 3, limitedBy: b) ?? b } ?? text.startIndex,
                label ?? line)
            let found = jurisdictions(in: String(text[start..<b]))
            if !found.isEmpty { return found }
        }
        for label in ["甲方:", "甲方(买方):", "甲方(采购人):", "买方:", "采购方:", "需方:", "customer:", "buyer:"] {
            guard let r = ContractText.range(of: label, in: text) else { continue }
            var end = text.index(r.upperBound, offsetBy: 160, limitedBy: text.endIndex) ?? text.endIndex
            for v in ["乙方", "卖方", "供应商", "supplier:", "vendor:", "provider:"] {
                if let o = ContractText.range(of: v, in: text, within: r.upperBound..<end) { end = o.lowerBound }
            }
            let found = jurisdictions(in: String(text[r.upperBound..<end]))
            if !found.isEmpty { return found }
        }
        return []
    }

    static func byteOffset(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
        return nil
    }

    /// A notice of 60 days or more to cancel or stop a renewal.
    static func longNotice(_ s: ScannedSentence) -> Bool {
        // A buyer's right to terminate for convenience is a benefit, whatever its notice; a cure period
        // or the vendor's notice of a price rise is not a notice to cancel.
        guard cancelNotice.matches(s.hay), !forConvenience.matches(s.hay), !optInRenewal.matches(s.hay),
            !KeyTermExtractor.mentions(s, KeyTermExtractor.breachCure),
            !KeyTermExtractor.priceRise.matches(s.hay)
        else { return false }
        for q in KeyTermExtractor.quantities(s) {
            guard let days = q.days, q.unit != .year, days >= 60 else { continue }
            let (b, a) = KeyTermExtractor.windows(s.lowerCharacters, q, before: 14, after: 24)
            // A notice's `前`/"before" follows its period closely (`三个月前`, "90 days before"): the term's
            // `十二个月，自 2027 年 5 月 20 日起算，期满前…` is no notice of twelve months.
            let near = KeyTermExtractor.windows(s.lowerCharacters, q, before: 0, after: 10).1
            // A period its clause ends on is no notice (`自动续订十二个月，除非…期满前十日`: the `前` is the ten
            // days', a re-test pass found the renewal's twelve months read as the notice).
            let isNotice =
                b.containsAny(noticeBefore) || (!near.hasPrefix(clauseEnd) && near.containsAny(noticeAfter))
                || namesANotice(KeyTermExtractor.windows(s.lowerCharacters, q, before: 0, after: 30).1.string)
            // After the event only in the period's own clause (see `KeyTermExtractor.noticeDays`).
            if isNotice && !a.toClauseEnd().containsAny(afterTheEvent) { return true }
        }
        return false
    }

    /// "vest in Contractor", "shall belong to the Provider" …: each verb of ownership with the vendor
    /// right after it, as one choice of a pattern.
    /// "property of Licensor", "vest in the Provider": the vendor named right after the words that give
    /// it the work (`vestsInVendor`, with "property of").
    static let ownedByVendor = ownedBy([
        "property of", "vest in", "vests in", "vested in", "belong to", "belongs to", "owned by", "remain with", "remains with",
    ])

    static let vestsInVendor = ownedBy([
        "vest in", "vests in", "vested in", "belong to", "belongs to", "owned by", "remain with", "remains with",
    ])

    /// A choice of each verb with the vendor named right after it (`vest in Contractor`, `owned by the Provider`).
    private static func ownedBy(_ verbs: [String]) -> String {
        let owners = ["provider", "vendor", "supplier", "licensor", "consultant", "contractor"]
        return "[" + verbs.flatMap { v in owners.flatMap { o in ["\(v) \(o)", "\(v) the \(o)"] } }.joined(separator: "|") + "]"
    }

    /// Whether the words right after a period name it a notice, through what describes the notice:
    /// "180 days' written notice", "90 days prior written notice" (a lawyer's pass: only "days' notice"
    /// counted, so 180 days' *written* notice to stop a renewal raised nothing).
    static func namesANotice(_ after: String) -> Bool {
        var words = after.split(separator: " ").map { $0.filter { $0 != "'" && $0 != "’" } }.filter { !$0.isEmpty }[...]
        while let w = words.first, ["written", "prior", "advance", "express", "formal", "calendar", "clear"].contains(w) {
            words.removeFirst()
        }
        return words.first?.hasPrefix("notice") ?? false
    }

    // `期满前一百二十日…通知` and `届满前九十日内…提出不续约` are notices too (a lawyer's pass: only `提前` counted).
    private static let noticeBefore = WindowWords([
        "提前", "prior", "notice", "at least", "not less than", "不少于", "至少", "no later than", "不迟于", "期满前", "届满前", "到期前",
        "终止前",
    ])
    private static let noticeAfter = WindowWords(["前", "prior", "before", "notice", "in advance", "通知"])
    private static let afterTheEvent = WindowWords(["后", "after", "of receipt"])
    private static let clauseEnd = WindowWords(["，", ",", "；", ";", "。"])

    /// Late-payment interest on the buyer of 12 % a year or more (万分之五 a day, 1 % a month).
    static func steepLateInterest(_ s: ScannedSentence) -> Bool {
        guard lateWords.matches(s.hay), buyerPays.matches(s.hay), !vendorLate.matches(s.hay) else { return false }
        if highestLawful.matches(s.hay) { return true }
        let c = s.lowerCharacters
        for (ppm, range) in KeyTermExtractor.rates(c) {
            // As far after the rate as `KeyTermExtractor.penaltyRates` reads its period ("0.05% of the
            // overdue amount for each day of delay").
            let window = TextWindow(c, (range.lowerBound - 20)..<(range.upperBound + 40))
            // An annual rate says so (`年利率24%`, "24% per annum": a lawyer's pass found both unflagged,
            // and a `付款日` near `年利率6%` must not make it daily); else a day near the rate, else the
            // period the key terms read (`每逾期一个月…5%` is monthly).
            let per =
                window.containsAny(lateAnnual) ? "year" : window.containsAny(lateDaily) ? "day" : KeyTermExtractor.period(of: range, in: s)
            let times: Int
            switch per {
            case "day": times = 365
            case "week": times = 52
            case "month": times = 12
            case "year": times = 1
            default: continue  // by the hour (a support penalty) or once
            }
            if Saturating.multiply(ppm, times) >= 120_000 { return true }
        }
        return false
    }

    private static let lateDaily = WindowWords(["每日", "每天", "按日", "日", "per day", "each day", "a day", "daily"])
    private static let lateAnnual = WindowWords(["年利率", "年息", "年化", "per annum", "per year", "a year", "annual rate", "annually"])

    /// The haystack bit of each rule's trigger set (`rules` order).
    private static let ruleTriggerBits = rules.map { GroupBit($0.triggerSet) }

    /// The haystack bits of the sets that start a check in `detect`'s sentence loop.
    private struct LoopBits {
        let liability = GroupBit(liabilityWords)
        let cancelNotice = GroupBit(RedFlagDetector.cancelNotice)
        let lateWords = GroupBit(RedFlagDetector.lateWords)
        let buyerIndemnifies = GroupBit(RedFlagDetector.buyerIndemnifies)
        let vendorIndemnifies = GroupBit(RedFlagDetector.vendorIndemnifies)
        let confidentialityWords = GroupBit(RedFlagDetector.confidentialityWords)
        let escrowMentioned = GroupBit(RedFlagDetector.escrowMentioned)
        let buyerOwnsWork = GroupBit(RedFlagDetector.buyerOwnsWork)
        let needsEscrow = GroupBit(RedFlagDetector.needsEscrow)
        let dataLoss = GroupBit(RedFlagDetector.dataLoss)
        /// Every bit above but `dataLoss` (read after the loop) and every rule's trigger bit.
        let starts: AnyBit

        init() {
            starts = AnyBit(
                [
                    liability, cancelNotice, lateWords, buyerIndemnifies, vendorIndemnifies, confidentialityWords, escrowMentioned,
                    buyerOwnsWork, needsEscrow,
                ]
                    + ruleTriggerBits)
        }

        /// False when no check of the loop can start on `hay`: none of its bits is set.
        func mayStart(_ hay: Haystack) -> Bool { starts.mayMatch(hay) }
    }
    private static let loopBits = LoopBits()

    static func fires(_ rule: Rule, _ hay: Haystack) -> Bool {
        if !rule.triggerSet.mayMatch(hay) || rule.veto.matches(hay) { return false }
        let bytes = hay.bytes
        let patterns = rule.triggerSet.patterns
        // Each pattern of an indexed set has its bit: one that is clear cannot match, and is passed
        // over without reading it (empty for a set outside the index).
        let bits = rule.triggerSet.group.patternBits
        for k in patterns.indices where bits.isEmpty || hay.unfiltered || hay.has(bits[k]) {
            let found = anyMatch(patterns[k], hay) { m in
                if rule.negatable && negated(bytes, m.range.lowerBound, m.firstEnd, m.range.upperBound) { return false }
                if rule.vendorActs && buyerActs(bytes, from: m.firstEnd, to: m.range.upperBound) { return false }
                return true
            }
            if found { return true }
        }
        return false
    }

    /// Whether a match of `p` in `hay` passes `accept`: the matches of `p.allMatches(in:)`, in order,
    /// but found one at a time, so that the search stops at the first accepted one.
    static func anyMatch(_ p: TextPattern, _ hay: Haystack, _ accept: ((range: Range<Int>, firstEnd: Int)) -> Bool) -> Bool {
        var from = 0
        while let m = p.firstMatchDetail(in: hay, from: from) {
            if accept(m) { return true }
            from = m.range.lowerBound + 1
        }
        return false
    }

    static let buyer = PatternSet([Party.buyer])
    static let may = PatternSet([mayWords])

    /// A buyer word right before a may-word inside the match (`乙方违约的，甲方有权暂停…`) means the
    /// buyer is the one acting; a buyer word elsewhere (`乙方发现甲方异常使用的，有权暂停`) does not.
    static func buyerActs(_ bytes: [UInt8], from: Int, to: Int) -> Bool {
        guard from < to else { return false }
        let inside = Array(bytes[from..<to])
        // Unfiltered haystacks (every pattern searched in full): for a few dozen bytes that is
        // cheaper than an automaton walk and its marks, and finds the same matches.
        let hay = Haystack(unfiltered: inside)
        for p in buyer.patterns {
            for m in p.allMatches(in: hay) {
                let after = Array(inside[m.range.upperBound..<min(inside.count, m.range.upperBound + 14)])
                if may.matches(Haystack(unfiltered: after)) { return true }
            }
        }
        return false
    }

    static let englishNegators = PatternSet(["not|no|never|neither|nor|cannot|nothing|none|in no event", "n't"])

    /// Whether a match is negated: a negator in the clause just before it (up to 45 bytes, not across a
    /// comma) or inside it after its first part. Both windows are read in place, as byte ranges.
    static func negated(_ bytes: [UInt8], _ start: Int, _ firstEnd: Int, _ end: Int) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var windowStart = max(0, start - 45)
            var k = start
            while k > windowStart {
                k -= 1
                if b[k] == UInt8(ascii: ",") || b[k] == UInt8(ascii: ":") {
                    windowStart = k + 1
                    break
                }
            }
            // Do not cut a multi-byte character in half.
            while windowStart < start && b[windowStart] & 0xC0 == 0x80 { windowStart += 1 }
            return negates(UnsafeBufferPointer(rebasing: b[windowStart..<start]))
                || (firstEnd < end && negates(UnsafeBufferPointer(rebasing: b[firstEnd..<end])))
        }
    }

    /// Whether a window of lower-cased text holds a negator: an English one (`englishNegators`, each
    /// a whole word of the window) or a Chinese one (`chineseNegation`).
    private static func negates(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        englishNegator(w) || chineseNegation(w)
    }

    /// `englishNegators.matches(Haystack(w))` without a haystack. Each negator must be a whole word
    /// of `w` (its ends are word ends too), so the window's words are compared with the list: `in no
    /// event` holds the word `no`; `n't` is the word `n`, an apostrophe and the word `t`.
    static func englishNegator(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        // The two words before the current one: `whether or not` (paid or not) negates nothing.
        var before: (UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?) = (nil, nil)
        while i < w.count {
            guard isWordByte(w[i]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < w.count && isWordByte(w[j]) { j += 1 }
            let word = UnsafeBufferPointer(rebasing: w[i..<j])
            let whetherOr =
                before.0.map { $0.elementsEqual("whether".utf8) } == true && before.1.map { $0.elementsEqual("or".utf8) } == true
            if negatorWords.contains(where: { $0.elementsEqual(word) }) && !(whetherOr && word.elementsEqual("not".utf8)) { return true }
            before = (before.1, word)
            if j - i == 1 && w[i] == UInt8(ascii: "n") && j + 1 < w.count && w[j] == UInt8(ascii: "'") && w[j + 1] == UInt8(ascii: "t")
                && (j + 2 == w.count || !isWordByte(w[j + 2]))
            {
                return true
            }
            i = j
        }
        return false
    }

    /// The one-word English negators of `englishNegators`, as bytes.
    private static let negatorWords = ["not", "no", "never", "neither", "nor", "cannot", "nothing", "none"].map { Array($0.utf8) }

    /// `chineseNegation` of a window's text, read on its bytes when it is plain (see `ContractText.isPlain`).
    static func chineseNegation(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        // Without a byte above ASCII there is no Chinese to read.
        guard w.contains(where: { $0 >= 0x80 }) else { return false }
        guard ContractText.isPlain(w) else { return chineseNegation(String(decoding: w, as: UTF8.self)) }
        // Plain text: a word occurs as characters exactly where its bytes occur.
        if chineseNegatorBytes.contains(where: { ContractText.occurs($0, in: w) }) { return true }
        // 不 (E4 B8 8D) not followed by a harmless word; a lead byte never occurs inside another character.
        var i = 0
        while i + 3 <= w.count {
            if w[i] == 0xE4 && w[i + 1] == 0xB8 && w[i + 2] == 0x8D {
                let next = UnsafeBufferPointer(rebasing: w[(i + 3)...])
                if !harmlessAfterBuBytes.contains(where: { h in h.count <= next.count && h.indices.allSatisfy { next[$0] == h[$0] } }) {
                    return true
                }
                i += 3
            } else {
                i += 1
            }
        }
        return false
    }

    private static let chineseNegators = ["无权", "禁止", "严禁", "无需", "无须", "并非"]
    private static let chineseNegatorBytes = chineseNegators.map { Array($0.utf8) }

    /// 不得, 不会, 无权, 禁止 … but not 不可抗力, 不限于, 不少于, 不超过, 不低于.
    static func chineseNegation(_ s: String) -> Bool {
        if ContractText.containsAny(s, chineseNegators) { return true }
        switch CharacterArray(s) {
        case .plain(let u): return negatingBu(u)
        case .general(let c): return negatingBu(c)
        }
    }

    /// Whether a 不 in `c` negates (is not the start of a harmless word).
    private static func negatingBu<U: TextUnit>(_ c: [U]) -> Bool {
        for i in c.indices where c[i] == "不" {
            let next = U.string(c[(i + 1)..<min(c.count, i + 3)])
            if !harmlessAfterBu.contains(where: { next.hasPrefix($0) }) { return true }
        }
        return false
    }

    /// `不通知`, `不事先…`, `不预先…`: "without notice" (`在不通知甲方的情况下暂停`), which the rules read as part
    /// of what the vendor may do, not as a negation of it.
    static let harmlessAfterBu = [
        "可抗", "限于", "少于", "超过", "低于", "高于", "足", "同", "论", "定", "一致", "时", "断", "良", "经", "另行", "通知", "事先", "预先",
    ]
    /// `harmlessAfterBu` as bytes: each word one or two characters, the two that `negatingBu` reads.
    private static let harmlessAfterBuBytes = harmlessAfterBu.map { Array($0.utf8) }
}

extension RedFlagKind {
    /// The kind's place among all kinds ordered by id (`rawValue`): flags on one line are listed in
    /// that order, and comparing ranks compares the ids without comparing (or hashing) strings.
    var rank: Int { Self.ranks[ordinal] }

    /// The kinds by `ordinal` (`allCases` builds its array on every call).
    static let byOrdinal = allCases

    private static let ranks: [Int] = {
        precondition(allCases.indices.allSatisfy { allCases[$0].ordinal == $0 }, "ordinal follows allCases")
        var ranks = [Int](repeating: 0, count: allCases.count)
        for (rank, kind) in allCases.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() { ranks[kind.ordinal] = rank }
        return ranks
    }()

    /// The kind's position in `allCases`.
    var ordinal: Int {
        switch self {
        case .unilateral_price_change: return 0
        case .unilateral_amendment: return 1
        case .auto_renewal: return 2
        case .long_notice_to_cancel: return 3
        case .no_refund: return 4
        case .vendor_may_suspend: return 5
        case .data_deletion_or_no_return: return 6
        case .liability_cap_low_or_one_sided: return 7
        case .liability_excludes_data_loss: return 8
        case .one_way_indemnity: return 9
        case .vendor_forum_or_law: return 10
        case .extra_fees_unspecified: return 11
        case .scope_vague_or_vendor_decides: return 12
        case .unilateral_service_change: return 13
        case .usage_data_or_publicity: return 14
        case .ip_vendor_owns_customisations: return 15
        case .warranty_disclaimed: return 16
        case .third_party_risk_disclaimed: return 17
        case .buyer_license_restrictions: return 18
        case .termination_asymmetry: return 19
        case .payment_terms_harsh: return 20
        case .confidentiality_one_sided: return 21
        case .assignment_without_consent: return 22
        case .no_source_code_escrow: return 23
        case .amount_words_mismatch: return 24
        case .language_versions_differ: return 25
        case .missing_clause: return 26
        }
    }
}

/// What one sentence raises on its own (`RedFlagDetector.read`): the kinds its own text flags, and
/// the facts that the rules across sentences weigh (one-way indemnity, secrecy, escrow, data loss).
struct RedFlagSentence: Equatable, Sendable {
    /// The kinds raised, as bits by `RedFlagKind.ordinal`.
    private(set) var kinds: UInt32 = 0
    var facts: Facts = []

    struct Facts: OptionSet, Equatable, Sendable {
        let rawValue: UInt16
        /// The buyer indemnifies the vendor (and the sentence is not mutual).
        static let buyerIndemnifies = Facts(rawValue: 1 << 0)
        static let vendorIndemnifies = Facts(rawValue: 1 << 1)
        /// The buyer keeps the vendor's secrets (not mutual); else the vendor or both keep secrets.
        static let buyerKeepsSecret = Facts(rawValue: 1 << 2)
        static let vendorKeepsSecret = Facts(rawValue: 1 << 3)
        /// Source code or escrow is mentioned, or the buyer owns the work.
        static let escrowSeen = Facts(rawValue: 1 << 4)
        /// Custom software the contract does not leave out (never in a definition).
        static let needsEscrow = Facts(rawValue: 1 << 5)
        /// Data loss is named (and not carved out); with `refersBack`: the sentence refers to the one
        /// before; with `excludes`: it excludes liability itself.
        static let dataLoss = Facts(rawValue: 1 << 6)
        static let refersBack = Facts(rawValue: 1 << 7)
        static let excludes = Facts(rawValue: 1 << 8)
        /// About governing law or disputes: may name the vendor's home country.
        static let lawOrForum = Facts(rawValue: 1 << 9)
        /// A sum in 大写 that its figures contradict, in a sentence about money (`AmountWords.mismatch`).
        static let amountWordsMismatch = Facts(rawValue: 1 << 10)
        /// The source code deposited with an escrow agent (`源代码交由…第三方托管机构托管`).
        static let escrowDeposit = Facts(rawValue: 1 << 11)
        /// The facts `detect` reads in its pass over the sentences (the others in later passes).
        static let ofTheLoop: Facts = [
            .buyerIndemnifies, .vendorIndemnifies, .buyerKeepsSecret, .vendorKeepsSecret, .escrowSeen, .needsEscrow, .escrowDeposit,
        ]
    }

    func raises(_ kind: RedFlagKind) -> Bool { kinds & 1 << UInt32(kind.ordinal) != 0 }
    mutating func raise(_ kind: RedFlagKind) { kinds |= 1 << UInt32(kind.ordinal) }
}

/// Several pattern sets' haystack bits tested at once: false only when none of the sets can match,
/// read as a few words of the marks (the group bits sit together at their end).
struct AnyBit: Sendable {
    /// The (word, mask) pairs of the marks; nil when a set is outside the index (it may always match).
    private let words: [(word: Int, mask: UInt64)]?

    init(_ bits: [GroupBit]) {
        if bits.contains(where: { $0.bit < 0 }) {
            words = nil
        } else {
            var masks: [Int: UInt64] = [:]
            for b in bits { masks[b.bit >> 6, default: 0] |= 1 << UInt64(b.bit & 63) }
            words = masks.sorted { $0.key < $1.key }.map { (word: $0.key, mask: $0.value) }
        }
    }

    /// Whether any of the sets may match `hay` (`GroupBit.mayMatch` of any of them).
    func mayMatch(_ hay: Haystack) -> Bool {
        guard let words, !hay.unfiltered else { return true }
        return words.contains { hay.marks[$0.word] & $0.mask != 0 }
    }
}
