import Testing

@testable import BidbenchCore

/// One-sentence clauses in many phrasings, Chinese and English: each must be found as its kind, and
/// boilerplate must not be taken for a clause.
@Suite("Contract clause phrasings")
struct ContractPhrasingTests {
    static let clauses: [(ClauseKind, String)] = [
        (.scope, "The Supplier shall deliver the software modules listed in Annex 1."),
        (.scope, "本项目建设内容包括财务共享平台及费用报销系统。"),
        (.scope, "Licensor hereby grants to Licensee a non-exclusive, non-transferable right to use the Software."),
        (.fees, "The License Fee is EUR 50,000 payable as set out below."),
        (.fees, "本合同总金额（含税）为人民币贰拾万元整。"),
        (.fees, "合同价格：人民币850,000元。"),
        (.payment, "Payment shall be made by bank transfer within 30 days of invoice."),
        (.payment, "甲方在验收合格后15个工作日内将款项汇入乙方指定账户。"),
        (.services, "The Contractor will provide implementation, configuration and training services."),
        (.services, "乙方负责系统的安装调试和人员培训工作。"),
        (.support_sla, "Critical issues will be acknowledged within 1 hour."),
        (.support_sla, "乙方提供一年免费运维服务，接到报修后4小时内响应。"),
        (.support_sla, "Vendor shall provide technical support during business hours."),
        (.warranty, "The Vendor guarantees the software against defects for 12 months."),
        (.warranty, "乙方对所交付系统提供为期两年的免费保修。"),
        (.acceptance, "The Deliverables shall be deemed accepted if Customer does not reject them within 10 days."),
        (.acceptance, "系统试运行满三个月后，甲方组织最终验收。"),
        (.liability, "Neither party shall be liable for indirect or consequential losses."),
        (.liability, "乙方因过错给甲方造成损失的，应承担赔偿责任。"),
        (.penalty, "If Supplier fails to meet the go-live date, Supplier shall pay a delay penalty of 1% of the fees per week."),
        (.penalty, "乙方逾期交付的，每逾期一天向甲方支付合同金额千分之三的违约金。"),
        (.term, "This Agreement shall remain in effect for three years from the Effective Date."),
        (.term, "本合同有效期自2027年1月1日至2029年12月31日。"),
        (.term, "服务期限为三年。"),
        (.renewal, "The subscription may be renewed by mutual agreement."),
        (.renewal, "合同期满后，经双方协商一致可续签。"),
        (.termination, "Customer may terminate this Agreement for convenience upon 30 days notice."),
        (.termination, "乙方严重违约的，甲方可以书面通知乙方解除本合同。"),
        (.data_return, "Upon expiry, Provider shall deliver all Customer Data to Customer in CSV format."),
        (.data_return, "合同终止时，乙方应将甲方全部数据完整移交甲方。"),
        (.data_security, "Supplier shall protect Customer Data against unauthorized access using industry-standard encryption."),
        (.data_security, "乙方应建立健全数据安全管理制度，防止甲方数据泄露。"),
        (.privacy, "Vendor shall comply with the GDPR when processing personal data."),
        (.privacy, "乙方应依法保护甲方员工的个人信息，不得非法收集、使用。"),
        (.confidentiality, "The Recipient shall not disclose any Confidential Information to third parties."),
        (.confidentiality, "未经对方书面同意，任何一方不得向第三方披露本合同内容。"),
        (.change_control, "Any change to the scope shall be documented in a change order signed by both parties."),
        (.change_control, "如甲方需求发生变更，双方应签订补充协议。"),
        (.price_change, "Prices will be adjusted annually in line with the consumer price index."),
        (.price_change, "合同期内单价不作调整。"),
        (.ip, "All intellectual property rights in the deliverables shall vest in the Customer."),
        (.ip, "本项目开发成果的著作权归甲方所有。"),
        (.dispute_resolution, "Any dispute arising out of this Agreement shall be referred to arbitration in Singapore."),
        (.dispute_resolution, "双方发生争议的，应提交北京仲裁委员会仲裁。"),
        (.governing_law, "This Agreement shall be construed under the laws of the People's Republic of China."),
        (.governing_law, "本合同适用中国法律。"),
        (.force_majeure, "Neither party shall be liable for failure to perform caused by acts of God, fire, flood or war."),
        (.force_majeure, "因不可抗力导致合同无法履行的，双方互不承担责任。"),
        (.fees, "Fees are described in the Order Form."),
        (.term, "This Agreement begins on the Effective Date and ends on December 31, 2028."),
        (.term, "本合同有效期至2028年12月31日。"),
        (.renewal, "本合同到期后如需继续合作，双方应重新签订合同。"),
        (.renewal, "Either party may elect not to renew by written notice."),
        (.termination, "Either party may end this Agreement with 90 days written notice."),
        (.termination, "本合同可经双方协商一致提前终止。"),
        (.data_return, "Customer may retrieve its data at any time during the 30 days after termination."),
        (.data_return, "合同终止后30日内，甲方可自行导出全部数据，乙方应予以配合。"),
        (.data_security, "Provider maintains ISO 27001 certification and performs annual penetration testing."),
        (.data_security, "乙方应按照网络安全等级保护2.0要求部署系统。"),
        (.privacy, "Provider will process personal information only to provide the Services."),
        (.confidentiality, "Each party shall treat the terms of this Agreement as confidential."),
        (.confidentiality, "双方均应对本合同内容及履约中获知的对方信息承担保密责任。"),
        (.ip, "Licensor retains ownership of the Software and all copies."),
        (.ip, "乙方提供的软件产品的版权归乙方所有。"),
        (.change_control, "No amendment to this Agreement is effective unless made in writing and signed by both parties."),
        (.price_change, "Supplier may revise its price list upon 60 days notice."),
        (.price_change, "在合同有效期内，乙方不得以任何理由提高价格。"),
        (.warranty, "所供设备自验收合格之日起保修三年。"),
        (.warranty, "THE SOFTWARE IS PROVIDED AS IS WITHOUT WARRANTY OF ANY KIND."),
        (.support_sla, "Vendor will maintain 99.95% monthly uptime excluding scheduled maintenance."),
        (.support_sla, "乙方提供远程技术支持和现场服务。"),
        (.penalty, "Service credits of 5% of the monthly fee apply for each 0.1% below the uptime target."),
        (.penalty, "甲方逾期付款的，应按每日0.05%支付滞纳金。"),
        (.services, "Supplier will perform data migration from the legacy ERP."),
        (.services, "乙方负责提供二次开发服务。"),
        (.dispute_resolution, "Disputes shall first be escalated to senior management and then submitted to mediation."),
        (.dispute_resolution, "协商不成的，提交有管辖权的人民法院诉讼解决。"),
        (.governing_law, "The laws of Singapore govern this Agreement."),
        (.governing_law, "本合同受香港特别行政区法律管辖。"),
        (.acceptance, "Customer shall sign a go-live sign-off once all acceptance tests pass."),
        (.acceptance, "乙方交付后，甲方应在十日内完成验收测试并签署验收单。"),
        (.scope, "The scope of the project is defined in the attached Statement of Work."),
        (.scope, "乙方为甲方提供OA系统升级服务，具体内容见附件。"),
        (.liability, "Supplier shall indemnify Customer against third-party claims."),
        (.liability, "因乙方原因造成甲方损失的，乙方应负责赔偿。"),
        (.force_majeure, "不可抗力事件发生后，受影响方应及时通知对方。"),
        // Government procurement wording (采购人 / 供应商 / 中标人).
        (.payment, "采购人应在收到发票后15个工作日内向供应商支付合同款。"),
        (.services, "中标人负责系统部署、数据迁移和操作培训。"),
        (.scope, "供应商向采购人提供电子公文系统软件一套。"),
        (.fees, "合同总价：人民币480,000元（含税）。"),
        (.acceptance, "采购人应组织对项目进行履约验收。"),
    ]

    static let boilerplate: [String] = [
        "This Agreement is made between Alpha Ltd. and Beta GmbH.",
        "Notices shall be sent to the addresses stated above.",
        "本合同一式两份，双方各执一份，具有同等法律效力。",
        "甲方：某某有限公司 地址：上海市浦东新区",
        "Section headings are for convenience only.",
        "A company organized under the laws of Delaware with its principal office in Wilmington.",
        "Neither party may assign this Agreement without the other party's consent.",
        "本合同未尽事宜，双方另行协商。",
        "Customer is responsible for its users' compliance with this Agreement.",
        "The parties are independent contractors.",
        "The Customer acknowledges that it has read this Agreement.",
        "This Agreement supersedes all prior agreements and understandings.",
        "Customer shall not use the Service for any unlawful purpose.",
        "The warranty disclaimer in Section 8 applies to beta features.",
        "乙方应遵守甲方的安全管理规定。",
        "如乙方人员发生变更，应提前通知甲方。",
        "The Supplier shall keep records for seven years.",
        "All notices under this Agreement must be given in writing.",
        "本合同经双方签字盖章后生效。",
        "本合同正本一式肆份，甲乙双方各执贰份。",
        "Each party represents that it has authority to sign this Agreement.",
        "乙方应指派具有相应资质的项目经理。",
        "Customer will designate a project sponsor.",
    ]

    @Test("each phrasing is found as its kind", arguments: clauses)
    func found(_ kind: ClauseKind, _ text: String) {
        let scan = ContractScanner.scan(text)
        #expect(scan.finding(kind).line == 1, "\(kind): \(text)")
    }

    @Test("boilerplate is no clause", arguments: boilerplate)
    func boilerplateIsNoClause(_ text: String) {
        let found = ContractScanner.scan(text).clauses.filter(\.present).map(\.kind)
        #expect(found.isEmpty, "\(text): \(found)")
    }

    @Test("a phrasing rarely raises another kind: at most 2 of all the phrasings")
    func fewExtras() {
        let extras = Self.clauses.filter { kind, text in
            ContractScanner.scan(text).clauses.contains { $0.present && $0.kind != kind }
        }
        #expect(extras.count <= 2, "\(extras.map(\.1))")
    }
}
