/// Writes plausible contract texts (Chinese or English) with one headed section per clause kind,
/// so that the contract scanner has realistic input at any volume.
struct ContractTextGenerator {
    /// What the text is about; `flawed` clauses get the buyer-unfriendly wording of DESIGN §3's red flags.
    struct Terms {
        var chinese: Bool
        var number: String
        var buyer: String
        var vendor: String
        var title: String
        var value: Money
        var termMonths: Int
        var autoRenew: Bool
        var renewalMonths: Int
        var noticeDays: Int
        var warrantyMonths: Int
        var percents: [Int]
        var omitted: Set<ClauseKind>
        var flawed: Set<ClauseKind>
    }

    /// The text and the 1-based line of each clause heading it contains.
    static func write(_ t: Terms) -> (text: String, headingLines: [ClauseKind: Int]) {
        var lines: [String] = []
        var headings: [ClauseKind: Int] = [:]
        if t.chinese {
            lines += [
                "# \(t.title)", "", "合同编号：\(t.number)", "",
                "甲方：\(t.buyer)（以下简称\"甲方\"）", "乙方：\(t.vendor)（以下简称\"乙方\"）", "",
                "甲乙双方本着平等自愿、诚实信用的原则，经友好协商，订立本合同。",
            ]
        } else {
            lines += [
                "# \(t.title)", "", "Agreement No. \(t.number)", "",
                "Customer: \(t.buyer) (the \"Customer\")", "Supplier: \(t.vendor) (the \"Supplier\")", "",
                "The parties agree as follows.",
            ]
        }
        var article = 0
        for kind in ClauseKind.allCases where !t.omitted.contains(kind) {
            article += 1
            lines.append("")
            headings[kind] = lines.count + 1
            lines.append(
                t.chinese ? "## 第\(chineseNumeral(article))条 \(heading(kind, zh: true))" : "## \(article). \(heading(kind, zh: false))")
            lines.append("")
            for (i, sentence) in body(kind, t).enumerated() {
                lines.append("\(article).\(i + 1) " + sentence)
            }
        }
        lines.append("")
        lines.append(t.chinese ? "（以下无正文）" : "(Signature page follows.)")
        return (lines.joined(separator: "\n") + "\n", headings)
    }

    static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch n {
        case 0..<10: return digits[n]
        case 10..<20: return "十" + (n == 10 ? "" : digits[n - 10])
        case 20..<100: return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10])
        default: return String(n)
        }
    }

    static func heading(_ kind: ClauseKind, zh: Bool) -> String {
        switch kind {
        case .scope: return zh ? "合同范围" : "Scope"
        case .fees: return zh ? "合同费用" : "Fees"
        case .payment: return zh ? "付款方式" : "Payment"
        case .services: return zh ? "服务内容" : "Services"
        case .support_sla: return zh ? "服务水平" : "Support and Service Levels"
        case .warranty: return zh ? "质量保证" : "Warranty"
        case .acceptance: return zh ? "验收" : "Acceptance"
        case .liability: return zh ? "责任限制" : "Limitation of Liability"
        case .penalty: return zh ? "违约责任" : "Liquidated Damages"
        case .term: return zh ? "合同期限" : "Term"
        case .renewal: return zh ? "续约" : "Renewal"
        case .termination: return zh ? "合同解除" : "Termination"
        case .data_return: return zh ? "数据返还" : "Return of Data"
        case .data_security: return zh ? "数据安全" : "Data Security"
        case .privacy: return zh ? "个人信息保护" : "Privacy"
        case .confidentiality: return zh ? "保密" : "Confidentiality"
        case .change_control: return zh ? "需求变更" : "Change Control"
        case .price_change: return zh ? "价格调整" : "Price Changes"
        case .ip: return zh ? "知识产权" : "Intellectual Property"
        case .dispute_resolution: return zh ? "争议解决" : "Dispute Resolution"
        case .governing_law: return zh ? "适用法律" : "Governing Law"
        case .force_majeure: return zh ? "不可抗力" : "Force Majeure"
        }
    }

    // The sentences of one clause. Kept short: a realistic shape, not legal advice.
    // Kept as one function: a table of text: one case per clause kind.
    static func body(_ kind: ClauseKind, _ t: Terms) -> [String] {
        let zh = t.chinese
        let bad = t.flawed.contains(kind)
        let amount = t.value.grouped()
        switch kind {
        case .scope:
            return zh
                ? ["乙方向甲方提供\(t.title)所述软件许可、实施及运维服务。", "详细功能清单以附件一《需求规格说明书》为准，附件一为本合同不可分割的组成部分。"]
                : [
                    "The Supplier provides the software licences, implementation and operation services described in this agreement.",
                    "The detailed functions are listed in Schedule 1 (Requirements Specification), which forms part of this agreement.",
                ]
        case .fees:
            if bad {
                return zh
                    ? ["本合同总金额为人民币 \(amount) 元。", "超出附件所列范围的服务，乙方另行收费，收费标准以乙方届时报价为准。"]
                    : [
                        "The total fee is CNY \(amount).",
                        "Services outside the schedules are charged separately at the Supplier's then-current rates.",
                    ]
            }
            return zh
                ? ["本合同总金额为人民币 \(amount) 元，含增值税。", "除本合同及附件列明的费用外，甲方无需向乙方支付任何其他费用。"]
                : [
                    "The total fee is CNY \(amount), including VAT.",
                    "The Customer owes no fees other than those listed in this agreement and its schedules.",
                ]
        case .payment:
            var out = t.percents.enumerated().map { i, p in
                zh ? "第 \(i + 1) 期：甲方支付合同总金额的 \(p)%。" : "Instalment \(i + 1): the Customer pays \(p)% of the total fee."
            }
            out.append(zh ? "甲方在收到乙方开具的合法有效发票后三十（30）日内付款。" : "Invoices are payable within thirty (30) days of receipt.")
            return out
        case .services:
            return zh
                ? ["乙方负责系统安装、配置、数据迁移、接口开发和用户培训。", "乙方指派的项目经理未经甲方书面同意不得更换。"]
                : [
                    "The Supplier installs and configures the system, migrates data, builds interfaces and trains users.",
                    "The Supplier's project manager may not be replaced without the Customer's written consent.",
                ]
        case .support_sla:
            return zh
                ? ["乙方提供 7×24 小时服务热线，一级故障 30 分钟内响应、4 小时内恢复。", "系统月度可用率不低于 99.5%。"]
                : [
                    "The Supplier runs a 24×7 help desk; severity-1 incidents get a response within 30 minutes and a fix within 4 hours.",
                    "Monthly availability is at least 99.5%.",
                ]
        case .warranty:
            return zh
                ? ["质保期为终验合格之日起 \(t.warrantyMonths) 个月，质保期内乙方免费修复缺陷。"]
                : ["The warranty runs \(t.warrantyMonths) months from final acceptance; defects are fixed free of charge during it."]
        case .acceptance:
            return zh
                ? ["系统上线运行满一个月且无一级故障的，甲方组织终验。", "验收不合格的，乙方应在十五日内整改并重新提交验收。"]
                : [
                    "Final acceptance takes place after one month of live operation without severity-1 incidents.",
                    "If acceptance fails, the Supplier remedies the defects within fifteen days and resubmits.",
                ]
        case .liability:
            if bad {
                return zh
                    ? ["乙方累计赔偿责任以甲方最近三个月已支付的服务费为限。", "乙方对任何数据丢失、利润损失不承担责任。"]
                    : [
                        "The Supplier's total liability is limited to the fees paid in the preceding three months.",
                        "The Supplier is not liable for any loss of data or profits.",
                    ]
            }
            return zh
                ? ["任何一方的累计赔偿责任以本合同总金额为限，但因故意或重大过失造成的损失除外。"]
                : ["Each party's total liability is limited to the total fee, except for wilful misconduct or gross negligence."]
        case .penalty:
            return zh
                ? ["乙方逾期交付的，每逾期一日按合同总金额的万分之五支付违约金，累计不超过合同总金额的 10%。"]
                : ["For each day of delay the Supplier pays liquidated damages of 0.05% of the total fee, capped at 10%."]
        case .term:
            return zh
                ? ["本合同自双方签字盖章之日起生效，有效期 \(t.termMonths) 个月。"]
                : ["This agreement takes effect on signature and runs for \(t.termMonths) months."]
        case .renewal:
            if t.autoRenew {
                return zh
                    ? ["合同期满前 \(t.noticeDays) 日内任何一方未书面提出异议的，本合同自动续展 \(t.renewalMonths) 个月，以此类推。"]
                    : [
                        "This agreement renews automatically for successive \(t.renewalMonths)-month terms unless either party gives written notice at least \(t.noticeDays) days before expiry."
                    ]
            }
            return zh ? ["合同期满需续约的，双方另行协商签订续约合同。"] : ["Any renewal requires a new written agreement of both parties."]
        case .termination:
            var out =
                zh
                ? ["任何一方严重违约且在收到书面通知后三十日内未纠正的，守约方可解除本合同。"]
                : ["Either party may terminate for a material breach not cured within thirty days of written notice."]
            if bad { out.append(zh ? "甲方逾期付款的，乙方有权暂停服务。" : "The Supplier may suspend the service if any payment is overdue.") }
            return out
        case .data_return:
            return zh
                ? ["合同终止后三十日内，乙方应以通用格式向甲方返还全部业务数据，并在甲方确认后删除。"]
                : ["Within thirty days of termination the Supplier returns all Customer data in a standard format and then deletes it."]
        case .data_security:
            return zh
                ? ["乙方应采取加密、访问控制和日志审计等措施保护甲方数据，系统须通过等级保护三级测评。"]
                : ["The Supplier protects Customer data with encryption, access control and audit logging."]
        case .privacy:
            return zh
                ? ["乙方处理个人信息应遵守《个人信息保护法》，未经甲方同意不得向第三方提供。"]
                : ["The Supplier processes personal data only on the Customer's instructions and under applicable data-protection law."]
        case .confidentiality:
            return zh
                ? ["双方对在履行本合同过程中知悉的对方商业秘密负有保密义务，保密期限至合同终止后三年。"]
                : ["Each party keeps the other's confidential information secret until three years after termination."]
        case .change_control:
            return zh
                ? ["需求变更须以书面变更单提出，经双方确认工作量和费用后实施。"]
                : ["Changes are requested in writing and carried out once both parties agree on effort and price."]
        case .price_change:
            if bad {
                return zh
                    ? ["乙方有权根据市场情况调整服务价格，并提前三十日通知甲方。"]
                    : ["The Supplier may change its prices at any time on thirty days' notice."]
            }
            return zh ? ["合同期内价格固定；续约时价格涨幅不超过 5%。"] : ["Prices are fixed for the term; any increase on renewal is capped at 5%."]
        case .ip:
            return zh
                ? ["为甲方定制开发成果的知识产权归甲方所有。"] : ["Intellectual property in work made specifically for the Customer belongs to the Customer."]
        case .dispute_resolution:
            if bad {
                return zh
                    ? ["因本合同引起的争议，提交乙方所在地人民法院诉讼解决。"]
                    : ["Disputes are submitted exclusively to the courts of the Supplier's domicile."]
            }
            return zh
                ? ["因本合同引起的争议，提交上海国际仲裁中心仲裁。"]
                : ["Disputes are finally settled by arbitration at the Shanghai International Arbitration Center."]
        case .governing_law:
            return zh ? ["本合同适用中华人民共和国法律。"] : ["This agreement is governed by the laws of the People's Republic of China."]
        case .force_majeure:
            return zh
                ? ["因不可抗力不能履行合同的，受影响方应及时通知对方，并在合理期限内提供证明。"]
                : ["A party prevented by force majeure notifies the other promptly and provides evidence within a reasonable time."]
        }
    }
}
