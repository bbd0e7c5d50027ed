import Foundation
import Testing

@testable import BidbenchCore

/// Reads a contract fixture next to this file (works wherever the repository is checked out).
func contractFixture(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/contracts").appendingPathComponent(name)
    return try String(contentsOf: url, encoding: .utf8)
}

@Suite("Contract clause detection")
struct ContractScanTests {
    @Test("fair Chinese ERP contract: all 22 kinds, each at its own clause")
    func zhFair() throws {
        let scan = ContractScanner.scan(try contractFixture("zh-erp-fair.md"))
        #expect(scan.clauses.count == 22)
        #expect(scan.clauses.allSatisfy { $0.present })
        let expected: [ClauseKind: Int] = [
            .scope: 9, .fees: 13, .payment: 17, .services: 22, .support_sla: 25, .warranty: 30, .acceptance: 33,
            .liability: 39, .penalty: 37, .term: 42, .renewal: 45, .termination: 48, .data_return: 52,
            .data_security: 55, .privacy: 58, .confidentiality: 61, .change_control: 64, .price_change: 67, .ip: 70,
            .force_majeure: 73, .governing_law: 76, .dispute_resolution: 79,
        ]
        for (kind, line) in expected { #expect(scan.finding(kind).line == line, "\(kind)") }
        #expect(scan.finding(.governing_law).evidence == "本合同的订立、效力、解释及履行适用中华人民共和国法律。")
        // A fair contract raises no flag: 不自动续期, 不得单方面调整价格, fixed price with everything included.
        #expect(scan.redFlags.isEmpty)
    }

    @Test("fair English ERP contract: all 22 kinds, no flags")
    func enFair() throws {
        let scan = ContractScanner.scan(try contractFixture("en-erp-fair.md"))
        #expect(scan.clauses.allSatisfy { $0.present })
        #expect(scan.finding(.liability).line == 33)  // "Section 9 Limitation of Liability" is line 32, its cap is 33
        #expect(scan.finding(.penalty).line == 30)
        #expect(scan.finding(.renewal).line == 39)
        #expect(scan.finding(.data_return).line == 45)
        // "No other charges apply unless agreed in a signed change order" (10) is no price change: the
        // key term quotes "Prices are fixed for the initial term" (user pass).
        #expect(scan.finding(.price_change).line == 60)
        #expect(scan.keyTerms.priceChange?.hasPrefix("Prices are fixed for the initial term.") == true)
        #expect(scan.redFlags.isEmpty)
    }

    @Test("problematic Chinese subscription: missing clauses")
    func zhProblematic() throws {
        let scan = ContractScanner.scan(try contractFixture("zh-saas-problematic.txt"))
        let missing = Set(scan.clauses.filter { !$0.present }.map(\.kind))
        // "合同终止后乙方有权删除甲方的全部数据" speaks of the data at exit: present, and flagged.
        #expect(missing == [.warranty, .acceptance, .penalty, .data_security, .privacy, .change_control, .force_majeure])
        #expect(scan.finding(.renewal).line == 18)
        #expect(scan.finding(.scope).line == 7)  // the sentence under 一、服务内容
    }

    @Test("problematic English subscription: missing clauses; an explicit refusal is a data-return clause, flagged")
    func enProblematic() throws {
        let scan = ContractScanner.scan(try contractFixture("en-saas-problematic.txt"))
        let present = Set(scan.clauses.filter(\.present).map(\.kind))
        #expect(
            present == [
                .scope, .fees, .payment, .services, .liability, .term, .renewal, .termination, .data_return, .confidentiality,
                .change_control, .price_change, .dispute_resolution, .governing_law,
            ])
        #expect(scan.flags(.data_deletion_or_no_return).map(\.line) == [28])
    }

    @Test("definitions and cross-references are not clauses")
    func trickyEnglish() throws {
        let scan = ContractScanner.scan(try contractFixture("tricky-en.txt"))
        // Only defined ("Confidential Information", "Force Majeure Event", "Personal Data") or referred to
        // ("see Section 9 (Confidentiality)").
        #expect(!scan.has(.confidentiality))
        #expect(!scan.has(.force_majeure))
        #expect(!scan.has(.privacy))
        // Negated, but still clauses on the subject.
        #expect(scan.finding(.price_change).line == 11)
        #expect(scan.finding(.renewal).line == 14)
        #expect(scan.finding(.fees).line == 9)
        #expect(scan.finding(.payment).line == 10)
    }

    @Test("Chinese definitions, cross-references and 一、/第一条/1.1 headings")
    func trickyChinese() throws {
        let scan = ContractScanner.scan(try contractFixture("tricky-zh.txt"))
        #expect(!scan.has(.confidentiality))  // “保密信息”是指… and 参见第九条（保密）
        #expect(!scan.has(.force_majeure))  // “不可抗力”是指…
        #expect(scan.finding(.fees).line == 8)
        #expect(scan.finding(.payment).line == 11)
        #expect(scan.finding(.acceptance).line == 14)
        #expect(scan.finding(.price_change).line == 17)
        #expect(scan.finding(.renewal).line == 20)
        #expect(scan.finding(.dispute_resolution).line == 29)
    }

    @Test("Common Paper Software License Agreement against its annotation: recall 1.0, precision 1.0")
    func commonPaper() throws {
        let scan = ContractScanner.scan(try contractFixture("commonpaper-software-license-agreement.txt"))
        let json = try contractFixture("commonpaper-software-license-agreement.json")
        let annotation = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let truth = annotation["clauses"] as! [String: Bool]
        var tp = 0
        var fp = 0
        var fn = 0
        for kind in ClauseKind.allCases {
            let expected = truth[kind.rawValue]!
            switch (scan.has(kind), expected) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, true): fn += 1
            case (false, false): break
            }
        }
        #expect(tp == 15 && fp == 0 && fn == 0)
        // Evidence lines sit inside the annotated clauses.
        #expect(scan.finding(.scope).line == 4)
        #expect(scan.finding(.warranty).line == 39)
        #expect(scan.finding(.renewal).line == 24)
        #expect(scan.finding(.change_control).line == 65)
        #expect(scan.finding(.governing_law).line == 66)
        #expect(scan.finding(.force_majeure).line == 29)
        #expect(
            scan.finding(.force_majeure).evidence
                == "Neither party will be liable for a delay or failure to perform its obligations of this Agreement if and to the extent caused by a Force Majeure Event."
        )
        // Red flags the buyer cares about among the annotated ones.
        // 15: suspension "with or without notice". Beta Products "removed … with or without notice"
        // (70) are no suspension of what was bought: the annotation lists 2.2 alone.
        #expect(scan.flags(.vendor_may_suspend).map(\.line) == [15])
        #expect(scan.flags(.auto_renewal).map(\.line) == [24])
        #expect(scan.flags(.liability_excludes_data_loss).map(\.line) == [48])
        #expect(scan.flags(.unilateral_price_change).isEmpty)
        // What a lawyer would not flag: the buyer's own feedback given "AS IS" (line 6) is no vendor
        // disclaimer; "more than fifty percent (50%) of the … ownership interest" (line 82, the
        // definition of control) is no penalty rate; the damages waiver (line 48) promises no backup.
        // 40: the warranty lost when Updates are not installed (the annotation's 5.3(c)). Not the
        // disclaimer "Except for the warranties in Section 5" (43), which leaves the express warranty
        // standing, nor Beta Products "AS IS" (70): the annotation flags neither. 41: the repair as the
        // buyer's exclusive remedy (the annotation's 5.4), the warranty named only in cross-references.
        #expect(scan.flags(.warranty_disclaimed).map(\.line) == [40, 41])
        // The annotation's 11.28: support (updates) with no response or resolution times.
        #expect(scan.flags(.missing_clause).contains { $0.clause == .support_sla && $0.text.hasPrefix("Support without response") })
        // Neither the versioned Standard Terms posted at a URL (110) nor the definition of Usage Data
        // (112) is a red flag.
        #expect(scan.redFlags.compactMap(\.line).allSatisfy { $0 < 100 })
        #expect(scan.keyTerms.penaltyRates.isEmpty)
        #expect(scan.dataSecurity.item(.backup_recovery).status == .missing)
    }

    @Test("Bonterms Cloud Terms (bold run-in headings): 20 kinds, the cap defined in a definition is flagged")
    func bonterms() throws {
        let scan = ContractScanner.scan(try contractFixture("bonterms-cloud-terms-excerpt.md"))
        let missing = Set(scan.clauses.filter { !$0.present }.map(\.kind))
        #expect(missing == [.acceptance, .price_change])
        #expect(scan.finding(.privacy).line == 17)  // 5.3 DPA
        #expect(scan.finding(.data_return).line == 85)  // 14.4 (a) export of Customer Data
        #expect(scan.finding(.dispute_resolution).line == 121)  // not "12.3 Payment Disputes"
        #expect(scan.flags(.vendor_may_suspend).map(\.line) == [73])
        #expect(scan.flags(.auto_renewal).map(\.line) == [77])
        // "General Cap" means the fees of the 12 months preceding: the playbook's own fallback, not low.
        #expect(scan.flags(.liability_cap_low_or_one_sided).isEmpty)
        #expect(scan.keyTerms.paymentDueDays == 30)
        #expect(scan.keyTerms.noticeDays == 30)
        #expect(scan.keyTerms.penaltyRates.map(\.partsPerMillion) == [15_000])
        #expect(scan.keyTerms.penaltyRates.first?.per == "month")
    }

    @Test("hard-wrapped lines (PDF exports) are read as paragraphs; evidence names the line where the sentence starts")
    func wrapped() {
        let text = """
            第十二条 数据
            乙方应在合同终止后三十日内，以通用格式向甲方返
            还全部业务数据。乙方有权调整
            服务价格。

            7. Renewal
            This Agreement will renew automatically for successive
            one-year terms unless either party gives notice at least
            sixty (60) days before the end of the then-current term.
            5.1 Vendor's total liability for all claims shall
            not exceed the fees paid by Customer in the three
            (3) months preceding the claim.
            """
        let scan = ContractScanner.scan(text)
        #expect(scan.finding(.data_return).line == 2)
        // In the contract's own words, its full-width comma as written (it was the normalised `,`).
        #expect(scan.finding(.data_return).evidence == "乙方应在合同终止后三十日内，以通用格式向甲方返还全部业务数据。")
        #expect(scan.flags(.unilateral_price_change).map(\.line) == [3])
        #expect(scan.flags(.auto_renewal).map(\.line) == [7])
        #expect(scan.flags(.liability_cap_low_or_one_sided).map(\.line) == [10])
        #expect(scan.flags(.extra_fees_unspecified).isEmpty)  // "then-current term" is no price
        #expect(scan.keyTerms.noticeDays == 60 && scan.keyTerms.renewalMonths == 12)
    }

    @Test("cover lines under the title stand on their own: the title's words are no clause, a label is no continuation")
    func coverLines() {
        // A title too long for a short heading, a label explained in brackets, a number without a colon.
        let text = """
            华东精密机械有限公司生产数据安全加固及运维服务合同
            合同编号 HT-2026-001
            甲方（采购人、委托方、最终用户单位）：华东精密机械有限公司
            乙方：云帆软件有限公司
            签订日期：2027年1月5日
            第一条 服务内容
            乙方为甲方提供运维服务。
            """
        let scan = ContractScanner.scan(text)
        // Before: the title joined with the cover lines read as a sentence found data_security and
        // support_sla on line 1.
        #expect(!scan.has(.data_security))
        #expect(scan.finding(.support_sla).line == 7)
        #expect(scan.clauses.filter(\.present).map(\.kind) == [.scope, .services, .support_sla])
        let lines = ContractLineParser.parse(ContractLineParser.splitLines(text))
        #expect(lines[0].bare && lines[0].heading.isEmpty && lines[0].unnumberedHeading)  // the title
        #expect(lines[2].heading == "甲方(采购人、委托方、最终用户单位)" && lines[2].body == "华东精密机械有限公司")
        #expect(!ContractLineParser.wrapsInto(lines[0], lines[1]))
        #expect(!ContractLineParser.continues("华东精密机械有限公司", with: lines[2]))
        // The same title under a long label: the label is counted without its brackets only.
        #expect(ContractLineParser.labelValue("根据双方于二〇二六年签订的框架协议第三条(采购):") == nil)
        #expect(ContractLineParser.withoutBrackets("甲方(采购人)") == "甲方")
        #expect(ContractLineParser.withoutBrackets("甲方(采购人") == "甲方(采购人")
        // A long line ending in 合同 that is a sentence part stays text; so does a long title-like line
        // past the cover (line 11 on).
        let late = ContractLineParser.parse(
            Array(repeating: "", count: 10) + ["华东精密机械有限公司生产数据安全加固及运维服务合同"])
        #expect(late[10].body == "华东精密机械有限公司生产数据安全加固及运维服务合同" && !late[10].bare)
        #expect(!ContractLineParser.isLongTitle("甲方应在验收合格后另行签订维护合同"))
        #expect(!ContractLineParser.isLongTitle("乙方应按照本合同约定向甲方交付全部软件及相关文档资料后签订维护合同"))
    }

    @Test("a party's name and particulars are no clause: 乙方：…数据安全技术有限公司 commits to nothing")
    func partyLines() {
        let text = """
            软件维护服务合同

            甲方：华东精密机械有限公司
            乙方：上海云帆数据安全技术有限公司
            地址：上海市浦东新区张江数据安全产业园 8 号
            Vendor: Acme Data Security Ltd
            乙方为甲方提供 ERP 系统的维护服务
            第一条 付款
            甲方在验收合格后三十日内付款。
            """
        let scan = ContractScanner.scan(text)
        // Before: data_security on line 4, quoting the company's name.
        #expect(!scan.has(.data_security))
        #expect(scan.dataSecurity.presentCount == 0)
        // The plain line after a cover line without a full stop is not taken into it (as a definition
        // it would be no clause either): before, `Vendor: Acme Data Security Ltd 乙方为…` was one
        // paragraph, a false scope under the label "vendor" and support on line 6.
        #expect(scan.finding(.support_sla).line == 7)
        #expect(scan.finding(.support_sla).evidence == "乙方为甲方提供 ERP 系统的维护服务")
        #expect(scan.clauses.filter(\.present).map(\.kind) == [.payment, .support_sla])
        let lines = ContractLineParser.parse(ContractLineParser.splitLines(text))
        #expect(lines[2...5].allSatisfy { $0.coverLabel && $0.isDefinition })
        #expect(lines[2].heading == "甲方" && lines[2].body == "华东精密机械有限公司")
        // Labels of terms stay terms; a label explained in brackets is its label.
        #expect(!ContractLineParser.isCoverLabel("服务期限") && !ContractLineParser.isCoverLabel("payment terms"))
        #expect(ContractLineParser.isCoverLabel("许可方(乙方)") && ContractLineParser.isCoverLabel("party a"))
        // A duty put under a party's label is a term, not a particular: still read as a clause.
        for duty in ["甲方：应于收到发票之日起三十日内支付款项。", "Customer: shall pay each invoice within 30 days."] {
            let scan = ContractScanner.scan(duty + "\n")
            #expect(scan.finding(.payment).line == 1, "\(duty)")
            #expect(scan.keyTerms.paymentDueDays == 30, "\(duty)")
        }
        let dutyLines = ContractLineParser.parse(["甲方：应于验收合格后三十日内支付合同价款。", "Customer: shall pay each invoice within 30 days."])
        #expect(dutyLines.allSatisfy { !$0.coverLabel && !$0.isDefinition })
        #expect(ContractLineParser.isParticular("上海云帆数据安全技术有限公司") && ContractLineParser.isParticular("HT-2026-007"))
        #expect(ContractLineParser.isParticular("Acme Data Security Ltd.") && ContractLineParser.isParticular("张江路 8 号"))
        #expect(
            !ContractLineParser.isParticular("应于验收合格后三十日内付款") && !ContractLineParser.isParticular("pays within thirty days of the invoice.")
        )
    }

    @Test("near misses found in review: a name's wrapped rest, a duty in a title-like line, a modal before a colon, look-alike words")
    func reviewNearMisses() {
        // The rest of a party's name on the next line belongs to the name (it was scanned as a clause).
        for text in [
            "Supplier: Northwind Cloud Hosting Ltd\n(Data Security and Confidentiality Services Division)\n",
            "乙方：上海云帆数据安全\n技术有限公司\n", "乙方：上海供应链数据安全技术有限公司\n",
        ] {
            let scan = ContractScanner.scan(text)
            #expect(!scan.has(.data_security) && !scan.has(.confidentiality), "\(text)")
        }
        // A sentence part ending in 协议 in the first lines is no title when it states a duty.
        let nda = ContractScanner.scan("软件服务合同\n供应商所有驻场工程师和远程运维人员均须在进场之前单独签署保密协议\n并对采购人的全部业务数据严格保密。\n")
        #expect(nda.finding(.confidentiality).line == 2)
        // `… may:` is a sentence cut at a colon, not a label: the vendor's price right is still flagged.
        let fees = ContractScanner.scan("The Supplier (or any of its many Affiliates) may: increase the Fees at any time without notice.\n")
        #expect(!fees.flags(.unilateral_price_change).isEmpty)
        // "information" is not "inform"; 保留…的权利 keeps no log; "every day of the year" is no daily rate.
        let info = ContractScanner.scan("The Supplier shall protect Customer information against unauthorized access.\n")
        #expect(info.dataSecurity.item(.breach_notification).status == .missing)
        #expect(ContractScanner.scan("甲方保留要求乙方提供系统运行日志的权利。\n").dataSecurity.item(.audit_logs).status == .missing)
        // The vendor's own access bounded by the buyer's authorisation is access control (the demo's C1,
        // line 89); the buyer's own access to the service is not.
        for text in [
            "乙方仅可在甲方授权范围内访问系统，访问操作应留存日志不少于 180 日。",
            "The Supplier accesses the system only as authorised by the Buyer, and keeps logs of its access for at least 180 days.",
            "未经甲方书面同意，乙方不得访问甲方的生产数据库。",
        ] {
            #expect(ContractScanner.scan(text + "\n").dataSecurity.item(.access_control).status == .present, "\(text)")
        }
        for text in ["The Customer may access the Service only as permitted by the Documentation.", "甲方仅可在许可范围内访问本服务。"] {
            #expect(ContractScanner.scan(text + "\n").dataSecurity.item(.access_control).status == .missing, "\(text)")
        }
        // A control character or a zero-width space inside a sentence (a PDF's form feed, text copied
        // from a web page) does not hide a key term, and a blank inside a Chinese name is not kept.
        for cut in ["\u{C}", "\u{B}", "\u{0}", "\u{1B}", "\u{200B}", "\t"] {
            let terms = ContractScanner.scan(
                "3.4 甲方在收到发票后三十（30）\(cut)日内付款。\n20.2 协商不成的，任何一方均可将争议提交上海\(cut)国际仲裁中心仲裁。\n"
            ).keyTerms
            #expect(terms.paymentDueDays == 30, "\(cut.debugDescription)")
            #expect(terms.disputeForum == "上海国际仲裁中心", "\(cut.debugDescription)")
        }
        #expect(KeyTermExtractor.disputeForum("争议提交上海市 浦东新区人民法院诉讼解决。")?.0 == "上海市浦东新区人民法院")
        #expect(KeyTermExtractor.disputeForum("争议提交 上海国际仲裁中心。")?.0 == "上海国际仲裁中心")
        #expect(KeyTermExtractor.disputeForum("争议提交北京 仲裁委员会仲裁。")?.0 == "北京仲裁委员会")
        // The vendor's notice of a price rise for a renewal term is not the notice to end the contract
        // (a buyer who diarised 30 days would have renewed for a year).
        let notice = ContractScanner.scan(
            """
            3.4 Provider may increase the Fees for any Renewal Term by notifying Customer at least thirty (30) days before the start of that Renewal Term.
            10.2 Thereafter this Agreement automatically renews for successive twelve (12) month periods (each a "Renewal Term") unless either party gives written notice of non-renewal at least ninety (90) days before the end of the then-current term.
            10.5 Provider may terminate this Agreement for convenience on thirty (30) days' written notice to Customer.

            """)
        #expect(notice.keyTerms.noticeDays == 90)
        #expect(ContractScanner.scan("3.4 乙方可提前三十日通知甲方调整续约期的服务费。\n").keyTerms.noticeDays == 30)
        // A penalty by the hour over the time allowed, quoted with its whole sentence (its own words).
        let hourly = ContractScanner.scan("5.1 乙方未在约定时限内恢复一级故障的，每超时一小时，按年度维保费的千分之一向甲方支付违约金。\n").keyTerms
        #expect(hourly.penaltyRates.map(\.per) == ["hour"])
        #expect(hourly.penaltyRates.map(\.text) == ["乙方未在约定时限内恢复一级故障的，每超时一小时，按年度维保费的千分之一向甲方支付违约金。"])
        // The vendor's right to delete the data in its backups, without returning it, is no backup and
        // no return at exit.
        let deletes = ContractScanner.scan("8.6 本合同终止后，乙方有权删除其测试环境及备份介质中留存的甲方数据，且不承担向甲方返还的义务。\n")
        #expect(deletes.dataSecurity.item(.backup_recovery).status == .missing)
        #expect(deletes.dataSecurity.item(.return_deletion).status == .missing)
        #expect(!deletes.flags(.data_deletion_or_no_return).isEmpty)
        // Trade secrets named by a confidentiality clause are no intellectual-property clause.
        let secrets = ContractScanner.scan(
            "7. CONFIDENTIALITY\n7.2 The obligations in this Section 7 survive for five (5) years after termination, and for trade secrets for as long as they remain trade secrets.\n"
        )
        #expect(!secrets.has(.ip) && secrets.has(.confidentiality))
        // A space around digits and Latin letters in Chinese (typesetting) is no run-in heading's end,
        // nor is a heading that ends on 为 or 提供 (the demo's `1.2 订阅用户数为 60 个命名用户` lost its subject).
        for body in ["订阅用户数为 60 个命名用户,具体功能以乙方官网公布的标准版功能说明为准。", "乙方通过其云平台向甲方提供 CRM 订阅服务。", "订阅用户数为 合计六十个。"] {
            #expect(ContractLineParser.runInHeading(body) == nil, "\(body)")
        }
        #expect(
            ContractScanner.scan("1.2 订阅用户数为 60 个命名用户，具体功能以乙方官网公布的标准版功能说明为准。\n").flags(.scope_vague_or_vendor_decides)
                .map(\.text) == ["订阅用户数为 60 个命名用户，具体功能以乙方官网公布的标准版功能说明为准。"])
        #expect(ContractLineParser.runInHeading("争议解决 协商不成的,提交仲裁。")?.0 == "争议解决")
        let year = ContractScanner.scan("Support is available every day of the year and overdue amounts bear a late fee of 2%.\n")
        #expect(year.flags(.payment_terms_harsh).isEmpty)
        #expect(!year.keyTerms.penaltyRates.contains { $0.per == "day" })
        // Ending the contract for the buyer's own serious default is the usual remedy for cause, not a one-sided exit.
        for text in [
            "如甲方逾期付款超过30日，乙方有权立即解除本合同。", "甲方严重违约的，乙方有权立即终止服务。",
            "If the Customer fails to pay any undisputed invoice within 30 days, the Supplier may terminate this Agreement immediately.",
            "If the Customer materially breaches this Agreement, the Supplier may terminate immediately on written notice.",
            "The Supplier may terminate this Agreement immediately upon the Customer's insolvency.",
            "The Supplier may terminate this Agreement immediately in the event of a material breach by the Customer.",
            "If the Customer commits a material breach, the Supplier may terminate this Agreement immediately.",
            "甲方迟延付款超过30日的，乙方有权立即解除本合同。", "若甲方资不抵债，乙方可以立即终止本协议。",
            "The Supplier may terminate this Agreement immediately if the Customer becomes insolvent.",
            "We may terminate this Agreement immediately if you fail to pay any fees when due.",
            "乙方有权在甲方逾期付款超过三十日且经催告仍未支付时立即解除本合同。",
        ] {
            #expect(ContractScanner.scan(text + "\n").flags(.termination_asymmetry).isEmpty, "\(text)")
        }
        // An exit at will stays flagged, also when the sentence speaks of a breach the other way, and so
        // does ending the contract at once for any breach at all.
        for text in [
            "乙方有权随时解除本合同，无需说明理由。", "乙方有权随时解除本合同，甲方不得因此追究乙方违约责任。",
            "甲方违反本协议约定的，乙方有权立即终止本协议。", "If the Customer breaches this Agreement, the Provider may terminate it immediately.",
            "The Supplier may terminate this Agreement at any time for any reason.",
            "The Supplier may terminate this Agreement at any time without cause.",
            // A default mentioned beside an exit at will is no condition of it.
            "The Supplier may terminate this Agreement at any time for any reason, even if the Customer has not materially breached it.",
            "The Supplier may terminate this Agreement at any time for any reason, including your insolvency.",
            "The Supplier may terminate this Agreement at any time, and the Customer may terminate it for material breach.",
            "乙方有权随时单方解除本合同，无论甲方是否存在严重违约。", "乙方有权随时解除本合同，甲方仅在乙方根本违约时方可解除。",
            "The Supplier may terminate this Agreement for cause or for convenience at any time.",
            "The Supplier may terminate this Agreement at any time without cause, and upon termination the Customer's failure to pay accrued fees survives.",
            "The Supplier may terminate this Agreement immediately if the Customer breaches any provision of this Agreement.",
        ] {
            #expect(ContractScanner.scan(text + "\n").flags(.termination_asymmetry).count == 1, "\(text)")
        }
        // The near misses' counterparts still match.
        #expect(
            ContractScanner.scan("The Supplier shall inform the Customer of any security breach within 24 hours.\n").dataSecurity
                .item(.breach_notification).status == .present)
        #expect(
            ContractScanner.scan("For every day of delay the Customer pays 0.1% of the overdue amount.\n").keyTerms.penaltyRates.first?.per
                == "day")
    }

    @Test("a space inside a Chinese sentence (a PDF's justified line) hides no flag; the quote keeps the contract's text")
    func spacedChineseIsReadAsSet() {
        let scan = ContractScanner.scan("第一条 服务价格\n乙方有权根据市场情况  调整服务价格。\n第二条 服务暂停\n乙方 有权暂停服务。\n")
        #expect(scan.flags(.unilateral_price_change).map(\.text) == ["乙方有权根据市场情况 调整服务价格。"])
        #expect(scan.flags(.unilateral_price_change).map(\.lines) == [[2]])
        #expect(scan.flags(.vendor_may_suspend).map(\.text) == ["乙方 有权暂停服务。"])
        // Only a gap between two Chinese characters closes: beside digits and Latin words it stays.
        let bytes = ContractText.closingChineseGaps(Array("订阅用户数为 60 个 CRM 用户, 乙方 有权。".utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == "订阅用户数为 60 个 CRM 用户, 乙方有权。")
        #expect(ContractText.closingChineseGaps(Array("the vendor may".utf8)) == Array("the vendor may".utf8))
    }

    @Test("a flagged sentence that ends on a colon quotes and cites the list it opens, not the next clause")
    func aColonSentenceQuotesItsList() {
        let text = """
            第七条 服务暂停
            7.1 出现下列情形之一的，乙方可暂停服务而无需承担任何责任：
            （一）甲方逾期付款超过十五日；
            （二）乙方认为甲方的使用可能危害平台安全。
            7.2 暂停前乙方应书面通知甲方。
            8. Suspension
            The Provider may suspend the service without liability if:

            (a) the Customer fails to pay;
            (b) the Provider considers that the use may endanger the platform.
            9. Fees

            """
        let flags = ContractScanner.scan(text).flags(.vendor_may_suspend)
        #expect(
            flags.map(\.text) == [
                "出现下列情形之一的，乙方可暂停服务而无需承担任何责任：（一）甲方逾期付款超过十五日；（二）乙方认为甲方的使用可能危害平台安全。",
                "The Provider may suspend the service without liability if: (a) the Customer fails to pay; (b) the Provider considers that the use may endanger the platform.",
            ])
        #expect(flags.map(\.lines) == [[2, 3, 4], [7, 9, 10]])
        #expect(RedFlagDetector.isListItem("(iv) a") && RedFlagDetector.isListItem("（十二）甲方") && RedFlagDetector.isListItem("b) c"))
        #expect(!RedFlagDetector.isListItem("5.3 Fees") && !RedFlagDetector.isListItem("二、费用") && !RedFlagDetector.isListItem("(see above"))
    }

    @Test("a list wrapped across Chinese lines keeps every character and gets no space at the break")
    func wrappedChineseList() {
        let cases: [(String, String)] = [
            // 、 at the end of the line: it stayed, with a space after it.
            ("乙方有权单方调整价格，范围包括“数据备份、\n恢复、迁移”等服务。", "乙方有权单方调整价格，范围包括“数据备份、恢复、迁移”等服务。"),
            // 、 at the start of the next line: it was dropped (数据备份恢复).
            ("乙方有权单方调整价格，范围包括“数据备份\n、恢复、迁移”等服务。", "乙方有权单方调整价格，范围包括“数据备份、恢复、迁移”等服务。"),
            // Quotes and brackets at the break.
            ("乙方有权单方调整价格，范围包括“数据备份”\n“恢复”等服务。", "乙方有权单方调整价格，范围包括“数据备份”“恢复”等服务。"),
            ("乙方有权单方调整价格，范围包括数据备份（含\n恢复）等服务。", "乙方有权单方调整价格，范围包括数据备份（含恢复）等服务。"),
            ("乙方有权单方调整价格，范围包括数据备份（含恢复\n）等服务。", "乙方有权单方调整价格，范围包括数据备份（含恢复）等服务。"),
            ("乙方有权单方调整价格，\n范围包括数据备份等服务。", "乙方有权单方调整价格，范围包括数据备份等服务。"),
            // English keeps its space; a number before Chinese too (as before). Each quote is the
            // contract's own words: its full-width punctuation kept, the line break gone.
            (
                "The vendor may increase the fees, including for backup,\nrecovery and migration.",
                "The vendor may increase the fees, including for backup, recovery and migration."
            ),
        ]
        for (text, sentence) in cases {
            let scan = ContractScanner.scan("第一条 服务价格\n" + text + "\n")
            let flags = scan.flags(.unilateral_price_change)
            #expect(flags.map(\.text) == [sentence], "\(text.debugDescription)")
            #expect(flags.map(\.lines) == [[2, 3]], "\(text.debugDescription)")
        }
        // A line ending on 、 breaks off a list: it is not a heading, its sentence goes on.
        let scan = ContractScanner.scan("第一条 数据安全\n乙方应负责数据加密、数据备份、\n恢复和访问控制，乙方有权单方调整服务价格。\n")
        #expect(scan.flags(.unilateral_price_change).map(\.lines) == [[2, 3]])
        #expect(scan.flags(.unilateral_price_change).map(\.text) == ["乙方应负责数据加密、数据备份、恢复和访问控制，乙方有权单方调整服务价格。"])
        #expect(!ContractLineParser.isShortHeading("乙方应负责数据加密、数据备份、"))
        #expect(ContractLineParser.isShortHeading("数据安全、保密"))
        #expect(ContractLineParser.joiner("30", "日内") == " " && ContractLineParser.joiner("fees,", "and") == " ")
    }

    @Test("line endings, BOM and blank input")
    func lineEndings() {
        // (A heading with no text under it shows no clause: the last one has a line under it.)
        let crlf = "\u{FEFF}第一条 保密\r\n双方应对商业秘密保密。\r\n第二条 不可抗力\r\n按法律规定处理。\r\n"
        let scan = ContractScanner.scan(crlf)
        #expect(scan.finding(.confidentiality).line == 2)
        #expect(scan.finding(.force_majeure).line == 3)
        #expect(ContractLineParser.splitLines("a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        let empty = ContractScanner.scan("")
        #expect(empty.clauses.count == 22 && empty.clauses.allSatisfy { !$0.present })
    }

    @Test("heading styles: 第X条, 一、, （一）, 1.1, Section 7, ## Markdown, ARTICLE, run-in")
    func headingStyles() {
        let cases: [(String, Int?, String)] = [
            ("第十二条 保密条款", 3, "保密条款"),
            ("一、验收", 3, "验收"),
            ("（一）付款方式", 4, "付款方式"),
            ("1.1 Fees", 4, "fees"),
            ("Section 7 Limitation of Liability", 3, "limitation of liability"),
            ("## Payment", 2, "payment"),
            ("ARTICLE 5 - CONFIDENTIALITY", 3, "confidentiality"),
            ("    2. Damages Waiver.  Under no circumstances will either party be liable for lost profits.", 4, "damages waiver"),
            ("7. Modifications, Severability, and Waiver. Any change must be in writing.", 3, "modifications, severability, and waiver"),
        ]
        for (text, level, heading) in cases {
            let line = ContractLineParser.parse(text, number: 1)
            #expect(line.level == level, "\(text)")
            #expect(line.heading == heading, "\(text)")
        }
        // Not headings: a date, a sentence with a number, a party label.
        #expect(ContractLineParser.parse("30 days after delivery the fee is due.", number: 1).level == nil)
        #expect(ContractLineParser.parse("2027年3月1日", number: 1).level == nil)
        #expect(ContractLineParser.parse("甲方：华东精密机械有限公司", number: 1).level == nil)
    }

    /// A justified PDF line's gaps end no run-in heading: a party alone (`乙方 有权暂停服务。`) or words that
    /// say a need or a right are no heading, nor is a head whose sentence has more gaps between Chinese
    /// characters (`甲方需要 二次开发 的，…`): the flag was lost, or quoted from `二次开发` on.
    @Test func aJustifiedLinesGapsEndNoRunInHeading() {
        let scan = ContractScanner.scan("第四条 服务\n4.1 乙方 有权暂停服务。\n4.2 甲方需要 二次开发 的，乙方另行收费。\n4.3 服务内容 乙方提供系统运维。\n")
        #expect(scan.flags(.vendor_may_suspend).map(\.text) == ["乙方 有权暂停服务。"])
        #expect(scan.flags(.extra_fees_unspecified).map(\.text) == ["甲方需要 二次开发 的，乙方另行收费。"])
        // A real run-in heading still is one.
        #expect(ContractLineParser.runInHeading("服务内容 乙方提供系统运维。")?.0 == "服务内容")
        #expect(ContractLineParser.runInHeadingByCharacters("服务内容 乙方提供系统运维。")?.0 == "服务内容")
        #expect(ContractLineParser.runInHeading("甲方需要 二次开发 的，乙方另行收费。") == nil)
        #expect(ContractLineParser.runInHeadingByCharacters("甲方需要 二次开发 的，乙方另行收费。") == nil)
    }

    /// A document's own title names no clause, in one language or two (`…续订协议 / … Renewal Agreement`
    /// was the renewal clause at line 1, `ORDER FORM AND SUBSCRIPTION TERMS` the scope: user pass).
    @Test func aTitleInEitherLanguageIsNoClause() {
        let zh = ContractScanner.scan(
            "OA 协同办公平台续订协议 / OA Collaboration Platform Renewal Agreement\n合同编号：OA-2027-77\n\n第三条 续约\n期满前甲方未书面提出异议的，本协议自动续展十二个月。\n")
        #expect(zh.finding(.renewal).line == 5)
        let en = ContractScanner.scan(
            "ORDER FORM AND SUBSCRIPTION TERMS\n\n1. Subscription\n1.1 Provider grants Customer a subscription to the Service.\n")
        #expect(en.finding(.scope).line == 3)
        // A heading that ends like a title further in is still a heading.
        #expect(ContractScanner.scan("Intro\n\n\n\n7. Payment Terms\nCustomer pays within 30 days.\n").finding(.payment).line == 5)
    }

    /// A PDF's hard wrap in the middle of a word (`调整服` / `务价格`) after a numbered clause short
    /// enough to pass for a heading: the clause says a right (`有权`), so it runs on and its price change
    /// is flagged (it was missed). A number before a Chinese title on a line of its own (`3 付款`) is a
    /// heading, not the first words of the next sentence (`3 付款合同签订后…` was the evidence).
    @Test func chineseHardWrapsAndBareNumberHeadings() {
        let scan = ContractScanner.scan("第一条 价格\n1.1 合同期内乙方有权调整服\n务价格，无需甲方同意。\n\n3 付款\n合同签订后十日内甲方支付合同总价的百分之三十。\n")
        #expect(scan.flags(.unilateral_price_change).map(\.lines) == [[2, 3]])
        #expect(scan.flags(.unilateral_price_change).first?.text == "合同期内乙方有权调整服务价格，无需甲方同意。")
        #expect(scan.finding(.payment).line == 6)
        #expect(scan.finding(.payment).evidence == "合同签订后十日内甲方支付合同总价的百分之三十。")
        // A full line cut mid-word whose rest holds a colon is one sentence, not a line and a label
        // `整服务费：…` (the price change was lost: re-test pass); a real label under a short line stays one.
        let colon = ContractScanner.scan("第一条 价格\n乙方有权在服务期内根据市场行情及其成本变化单方调\n整服务费：甲方应按调整后的价格支付。\n")
        #expect(colon.flags(.unilateral_price_change).map(\.lines) == [[2, 3]])
        #expect(ContractScanner.scan("第一条 期限\n本合同期限如下\n服务期限：三十六个月。\n").keyTerms.termMonths == 36)
        // `期限` starts with 期 but is no unit after a count (`2 期限` was glued to its sentence: re-test pass).
        #expect(ContractScanner.scan("第一条 其他\n\n2 期限\n本协议服务期限为二十四个月。\n").finding(.term).line == 4)
        // A count before its unit is no numbering: a wrapped `30 日内…` continues its sentence.
        let wrapped = ContractScanner.scan("第五条 付款\n5.1 甲方应在验收合格后\n30 日内支付合同价款的百分之九十。\n")
        #expect(wrapped.keyTerms.paymentDueDays == 30)
        #expect(wrapped.finding(.payment).evidence == "甲方应在验收合格后 30 日内支付合同价款的百分之九十。")
    }
}
