import Foundation
import Testing

@testable import BidbenchCore

@Suite("Contract red flags")
struct ContractRedFlagTests {
    private func flags(_ text: String) -> Set<RedFlagKind> {
        Set(ContractScanner.scan(text).redFlags.filter { $0.line != nil }.map(\.kind))
    }

    /// A lawyer's pass: access cut at the end with the export left to the buyer before it was read as
    /// the exit safeguard; a period after the end, or the vendor's help, is one.
    @Test func anExportOnlyBeforeTheCutOffIsNoExitWindow() {
        for risky in [
            "第八条 数据\n二、服务期满未续约或合同解除的，供方自服务终止之日起停止需方账号访问，需方须在停止访问前自行完成数据导出。",
            "第五条 数据\n5.1 甲方对平台数据的导出须在本协议有效期内自行完成。",
            "8. Data. Access to the Service ends on the termination date, and Customer must export its data before that date.",
        ] {
            let scan = ContractScanner.scan(risky)
            #expect(scan.flags(.data_deletion_or_no_return).count == 1, "\(risky)")
            #expect(!scan.dataSecurity.items.contains { $0.check == .return_deletion && $0.status == .present }, "\(risky)")
        }
        for fair in [
            "第八条 数据\n合同终止后三十日内，乙方应协助甲方导出全部数据；甲方也可在有效期内自行导出。",
            "8. Data. Customer may export its data at any time, and for sixty (60) days after termination Supplier will assist with the export.",
        ] {
            #expect(ContractScanner.scan(fair).flags(.data_deletion_or_no_return).isEmpty, "\(fair)")
        }
    }

    /// A lawyer's pass: a prepayment of 35–45 % of the contract price or of the implementation fee, and
    /// subcontracting said without the word (`交由第三方完成`, "may use subcontractors"), were missed.
    @Test func heavyPrepaymentAndUnnamedSubcontractingAreFlagged() {
        for risky in [
            "第三条 付款\n合同签订后五日内，甲方支付合同总价的 35%；终验合格后支付其余款项。",
            "第三条 付款\n3.1 合同签订后七（7）日内支付实施费的 50%，其余款项验收合格后支付。",
        ] {
            #expect(flags(risky).contains(.payment_terms_harsh), "\(risky)")
        }
        #expect(!flags("第三条 付款\n合同签订后五日内，甲方支付合同总价的 30%；终验合格后支付其余款项。").contains(.payment_terms_harsh))
        for risky in [
            "第九条 分包\n一、供方可将部分实施工作交由第三方完成，由供方对第三方的工作向需方负责。",
            "4. Subcontracting. 4.1 Supplier may use subcontractors, including its offshore affiliates, to perform any part of the Services.",
        ] {
            #expect(flags(risky).contains(.assignment_without_consent), "\(risky)")
        }
        #expect(
            !flags("4. Subcontracting. Supplier may use subcontractors only with Customer's prior written consent.").contains(
                .assignment_without_consent))
    }

    /// A lawyer's pass, two false alarms: a use forbidden with a long list of what lost its `not`, and
    /// the buyer's own PRC-law clause that excludes Hong Kong law was a Hong Kong vendor's home law.
    /// The forms that do grant the use, or choose the vendor's law, are still flagged.
    @Test func aForbiddenUseAndAnExcludedLawAreNoFlags() {
        let hk = "甲方：苏州某制造有限公司\n乙方：香港某软件有限公司（注册地：香港）\n第六条 适用法律\n"
        #expect(!flags(hk + "6.1 本合同适用中华人民共和国法律（为本合同之目的，不包括香港、澳门及台湾地区法律）。").contains(.vendor_forum_or_law))
        #expect(!flags(hk + "6.1 本合同适用中华人民共和国大陆地区法律，不适用香港特别行政区法律。").contains(.vendor_forum_or_law))
        #expect(flags(hk + "6.1 本合同适用香港特别行政区法律，不适用其冲突法规则。").contains(.vendor_forum_or_law))
        let fair =
            "7. Data. 7.2 Supplier shall not use Customer Data, usage data or Customer's name for marketing, "
            + "benchmarking or to train machine learning models."
        #expect(!flags(fair).contains(.usage_data_or_publicity))
        #expect(flags("7. Data. 7.2 Supplier may use usage data to train machine learning models.").contains(.usage_data_or_publicity))
    }

    /// A lawyer's pass: a late-payment penalty in a sentence of its own after the payment term (`；` or
    /// `。`), and deemed acceptance as 终验/初验 or by delivery and go-live, were missed.
    @Test func lateInterestAfterTheTermAndDeemedFinalAcceptanceAreFlagged() {
        for risky in [
            "第三条 付款\n甲方应于收到发票后30日内付款；逾期每日按应付金额的千分之五支付违约金。",
            "第三条 付款\n甲方应于收到发票后30日内付款。逾期每日按应付金额的千分之２支付违约金。",
            "第四条 验收\n试运行期满甲方未提出书面异议的，视为终验合格。",
            "第四条 验收\n甲方收到验收申请后十个工作日内未提出书面异议的，视为初验通过。",
            "4. Acceptance. Deliverables are accepted on delivery unless Customer provides a written list of material defects within three (3) business days.",
            "4. Acceptance. Go-live constitutes acceptance of the deliverables.",
        ] {
            #expect(flags(risky).contains(.payment_terms_harsh), "\(risky)")
        }
        for fair in [
            // The vendor's own lateness on the amount payable, a modest rate, a payment that is no acceptance.
            "第三条 付款\n乙方逾期交付的，每日按甲方应付金额的千分之一向甲方支付违约金。",
            "第三条 付款\n甲方应于收到发票后30日内付款；逾期每日按应付金额的万分之一支付违约金。",
            "4. Acceptance. Payment of an invoice does not constitute acceptance of the deliverables.",
        ] {
            #expect(!flags(fair).contains(.payment_terms_harsh), "\(fair)")
        }
    }

    /// A lawyer's pass: the vendor deleting the data days after the end, or beyond recovery, with no
    /// return or export, was read as the return-and-deletion safeguard. A deletion after the data is
    /// returned or migrated, certified to the buyer, or forbidden, protects the buyer: no flag.
    @Test func deletionSoonAfterTheEndWithoutReturnIsFlagged() {
        for risky in [
            "第五条 数据\n5.2 服务终止之日起第七（7）日，乙方将对甲方账户内全部数据进行不可恢复的删除。",
            "第五条 数据\n服务终止后七日内，乙方将删除甲方账户内全部数据。",
            "5. Data. Within seven (7) days after termination or expiry of this Order Form, Vendor will permanently delete all Customer Data.",
        ] {
            let scan = ContractScanner.scan(risky)
            #expect(scan.flags(.data_deletion_or_no_return).count == 1, "\(risky)")
            #expect(!scan.dataSecurity.items.contains { $0.check == .return_deletion && $0.status == .present }, "\(risky)")
        }
        for fair in [
            "第五条 数据\n本合同终止后三十日内，乙方不得删除甲方数据。",
            "第五条 数据\n合同终止后，乙方应在向甲方返还全部数据后三十日内删除其保存的甲方数据，并出具删除证明。",
            "第五条 数据\n协议终止后六十日内，乙方应配合甲方将全部数据迁出至甲方指定的环境，迁出完成后删除乙方留存的数据。",
            "5. Data. Upon termination, Vendor shall not delete Customer Data for thirty (30) days.",
            "5. Data. Within thirty (30) days after termination Vendor shall return all Customer Data and then delete its copies.",
        ] {
            #expect(!flags(fair).contains(.data_deletion_or_no_return), "\(fair)")
        }
    }

    @Test("the problematic Chinese fixture raises every flag, at its line")
    func zhProblematic() throws {
        let scan = ContractScanner.scan(try contractFixture("zh-saas-problematic.txt"))
        #expect(scan.flags(.extra_fees_unspecified).map(\.line) == [11])
        #expect(scan.flags(.unilateral_price_change).map(\.line) == [12])
        #expect(scan.flags(.auto_renewal).map(\.line) == [18])
        #expect(scan.flags(.vendor_may_suspend).map(\.line) == [24])
        #expect(scan.flags(.liability_cap_low_or_one_sided).map(\.line) == [27])
        #expect(scan.flags(.liability_excludes_data_loss).map(\.line) == [27])
        #expect(scan.flags(.data_deletion_or_no_return).map(\.line) == [36])
        #expect(scan.flags(.vendor_forum_or_law).map(\.line) == [39])
        // "乙方有权删除甲方的全部数据" is a data-return clause, and a bad one: flagged at its line, not missing.
        #expect(Set(scan.flags(.missing_clause).compactMap(\.clause)) == [.acceptance, .data_security])
        #expect(scan.keyTerms.noticeDays == 30)
        #expect(scan.keyTerms.disputeForum == "乙方所在地人民法院")
        // The evidence is the whole sentence that carries the flag (in the contract's words: its full-width
        // commas), not the line.
        #expect(scan.flags(.auto_renewal).first?.text == "期满前三十日内任何一方未书面提出终止的，本协议自动续期一年，以此类推。")
    }

    @Test("the problematic English fixture raises every flag, at its line")
    func enProblematic() throws {
        let scan = ContractScanner.scan(try contractFixture("en-saas-problematic.txt"))
        let byKind = Dictionary(grouping: scan.redFlags.filter { $0.line != nil }, by: \.kind).mapValues { $0.map(\.line!) }
        #expect(
            byKind == [
                .unilateral_price_change: [10], .extra_fees_unspecified: [11], .auto_renewal: [15], .long_notice_to_cancel: [15],
                .vendor_may_suspend: [18], .liability_cap_low_or_one_sided: [21], .liability_excludes_data_loss: [22],
                .data_deletion_or_no_return: [28], .vendor_forum_or_law: [31], .unilateral_amendment: [34],
            ])
    }

    @Test("negated and fair phrasings raise nothing")
    func negations() throws {
        #expect(flags(try contractFixture("tricky-zh.txt")).isEmpty)
        #expect(flags(try contractFixture("tricky-en.txt")).isEmpty)
        let fair = [
            // Ordinary late interest: 6 % a year, even with a due day near it; LPR.
            "甲方逾期付款的，自应付款日起按年利率6%支付逾期利息。",
            "Late payments bear interest at 6% per annum.",
            "合同期内乙方不得单方面调价。",
            "乙方无权调整合同价格。",
            "价格调整须经双方协商一致并签订书面补充协议。",
            "Vendor shall not increase the fees during the term.",
            "Fees may be changed only by mutual written agreement of both parties.",
            "本合同期满后不自动续约。",
            "This Agreement shall not automatically renew.",
            "There is no automatic renewal; any renewal requires a new order.",
            "乙方不得暂停服务。",
            "Supplier will not suspend the service during a good-faith payment dispute.",
            // Suspension only after days of written notice is the playbook's remedy (user pass: flagged
            // "without notice").
            "Provider may suspend the Service only after ten (10) days prior written notice of an overdue amount.",
            "Lumenfield shall not suspend the Service without at least ten (10) days' prior written notice.",
            "甲方逾期付款超过六十日的，乙方有权在提前十五日书面通知后暂停服务。",
            // On the playbook's own conditions: after a demand and a period, or only the part a security
            // threat affects (re-test pass).
            "甲方逾期付款的，乙方经书面催告三十日后仍未支付的，方可暂停服务。",
            "为排除严重安全威胁，乙方可暂停受影响部分的服务，但应在暂停后二小时内通知甲方并说明原因。",
            "Provider may suspend affected parts of the Service without prior notice only to stop a serious security threat.",
            // A capped increase on notice with a way out is the playbook's own price clause; the buyer's own
            // right to end the contract is no notice trap (re-test pass).
            "For a renewal term, Provider may increase the fees on ninety (90) days' prior written notice by no more than the lower of 3% or CPI, and Customer may then terminate without charge.",
            "11.2 甲方可提前九十日书面通知乙方解除本合同，并按已提供服务比例结算费用。",
            "上述费用已包含在合同总价内，乙方不另行收费。",
            "Updates are provided at no additional charge.",
            "Additional training days are charged at the rates set out in Schedule 2.",
            "争议提交甲方所在地人民法院诉讼解决。",
            "乙方对因其原因造成的数据丢失承担赔偿责任，不得免责。",
            "The exclusions above do not apply to loss of data caused by Supplier.",
            "Provider shall not be liable for indirect damages. Provider backs up Customer data daily to prevent data loss.",
            "Each party's liability shall not exceed the total fees paid and payable under this agreement.",
            // The vendor bears its own travel costs: no extra fee.
            "乙方实施人员的差旅、食宿费用由乙方自行承担，不另行向甲方收取。",
            // Forbidden without the buyer's consent: the buyer's protection, not a free hand.
            "Customer Data shall not be transferred outside the European Economic Area without Customer's prior written consent.",
        ]
        for text in fair { #expect(flags(text).isEmpty, "\(text)") }
    }

    @Test(
        "one-sided phrasings",
        arguments: [
            ("乙方有权根据市场情况调整价格。", RedFlagKind.unilateral_price_change),
            ("服务价格由乙方另行通知。", .unilateral_price_change),
            // A lawyer's pass: a subscription's fee is 订阅费 (服务费 was flagged, 订阅费 not).
            ("乙方有权在每个订阅年度开始时调整订阅费，调整幅度由乙方确定并以书面形式通知甲方。", .unilateral_price_change),
            ("乙方有权调整订阅费。", .unilateral_price_change),
            // Notice periods in the words of a renewal (a lawyer's pass: only `提前…` counted).
            ("本协议期满后自动续订十二个月，除非甲方于期满前一百二十日以书面形式通知乙方不再续订。", .long_notice_to_cancel),
            ("服务期届满前九十日内任何一方未书面提出不续约的，本合同自动续期一年。", .long_notice_to_cancel),
            // Late interest by the year, or by the month in 每逾期一个月 (was read as a one-off 5 %).
            ("甲方逾期付款的，应按年利率24%支付逾期利息。", .payment_terms_harsh),
            ("甲方逾期付款的，应按年利率百分之二十四支付逾期利息。", .payment_terms_harsh),
            ("Late payments by Customer bear interest at 24% per annum.", .payment_terms_harsh),
            ("甲方逾期付款的，每逾期一个月，应按逾期金额的5%向乙方支付违约金。", .payment_terms_harsh),
            ("Provider may change its prices upon thirty days' notice.", .unilateral_price_change),
            ("Fees are subject to change at any time.", .unilateral_price_change),
            ("合同期满前30日内甲方未书面通知乙方的，合同自动续约一年。", .auto_renewal),
            ("This Agreement will automatically renew for successive one-year terms.", .auto_renewal),
            ("乙方有权随时暂停服务。", .vendor_may_suspend),
            ("Supplier may suspend the services if any invoice is unpaid.", .vendor_may_suspend),
            ("二次开发费用另计。", .extra_fees_unspecified),
            ("现场支持按乙方届时的收费标准另行收取费用。", .extra_fees_unspecified),
            ("Extra consulting is charged at Vendor's then-current rates.", .extra_fees_unspecified),
            ("乙方的赔偿总额以最近十二个月已收取的服务费为限。", .liability_cap_low_or_one_sided),
            ("Liability is limited to the fees paid in the one month preceding the claim.", .liability_cap_low_or_one_sided),
            ("乙方对数据丢失不承担任何责任。", .liability_excludes_data_loss),
            ("In no event will Provider be liable for lost or corrupted data.", .liability_excludes_data_loss),
            (
                "Provider is not liable for consequential damages. Examples of such damages include loss of data.",
                .liability_excludes_data_loss
            ),
            ("争议应提交乙方住所地人民法院管辖。", .vendor_forum_or_law),
            ("争议提交中标人所在地人民法院管辖。", .vendor_forum_or_law),
            (
                "Disputes shall be heard exclusively by the courts located where Licensor has its principal place of business.",
                .vendor_forum_or_law
            ),
            ("合同终止后乙方有权删除甲方的全部数据。", .data_deletion_or_no_return),
            ("Provider may assign this Agreement, in whole or in part, without Customer's consent.", .assignment_without_consent),
            // Found in a lawyer's review: 续展 is renewal too, and 不对…承担责任 excludes as 不承担 does.
            ("首年维护服务期满前六十日，甲方未书面通知乙方不再续约的，维护服务自动续展一年。", .auto_renewal),
            ("无论何种情形，乙方均不对甲方的数据丢失、利润损失或其他间接损失承担责任。", .liability_excludes_data_loss),
        ])
    func oneSided(_ text: String, _ kind: RedFlagKind) {
        #expect(flags(text).contains(kind), "\(text)")
    }

    @Test func aRateByTheMonthIsMonthlyInTheKeyTerms() {
        let scan = ContractScanner.scan("第一条 付款\n1.1 甲方逾期付款的，每逾期一个月，应按逾期金额的5%向乙方支付违约金。\n")
        #expect(scan.keyTerms.penaltyRates.map { "\($0.partsPerMillion)/\($0.per)" } == ["50000/month"])
    }

    /// A lawyer's pass: deemed acceptance was listed under 付款 while 验收 showed ✔, and a foreign
    /// governing law under 争议解决: each flag is under the clause its sentence is about.
    @Test func aFlagSitsUnderTheClauseItsSentenceIsAbout() {
        let text = """
            甲方：苏州恒瑞精密制造有限公司
            乙方：杭州云栈软件科技有限公司

            第三条 付款
            3.1 甲方应于验收合格后三十日内支付合同价款的90%。
            3.2 甲方逾期付款的，每逾期一个月，应按逾期金额的5%向乙方支付违约金。
            第四条 验收
            4.1 甲方收到乙方交付通知后三日内未提出书面异议的，视为验收合格。
            第九条 适用法律
            9.1 本协议适用新加坡法律。
            """
        let flags = ContractScanner.scan(text).redFlags.filter { $0.kind == .payment_terms_harsh || $0.kind == .vendor_forum_or_law }
        #expect(
            flags.map { "\($0.line ?? 0) \(($0.clause ?? $0.kind.clause)?.rawValue ?? "-")" } == [
                "6 payment", "8 acceptance", "10 governing_law",
            ])
    }

    /// A lawyer's pass: fifteen working days to pay read `15 天`.
    @Test func aPaymentTermInWorkingDaysSaysSo() {
        let scan = ContractScanner.scan("第三条 付款\n3.1 甲方应于合同签订后十五个工作日内支付首期款。\n")
        #expect(scan.keyTerms.paymentDueDays == 15 && scan.keyTerms.paymentDueBusinessDays)
        #expect(scan.keyTerms.paymentDueText(chinese: true) == "15 个工作日")
        #expect(scan.keyTerms.paymentDueText(chinese: false) == "15 business days")
        let plain = ContractScanner.scan("第三条 付款\n3.1 甲方应于收到发票后30日内支付。\n")
        #expect(plain.keyTerms.paymentDueText(chinese: true) == "30 天")
    }

    /// A lawyer's pass: "the total amount paid … in the three (3) months preceding" is three months of
    /// fees (the words "total amount" took it for the whole contract's value).
    @Test func aFewMonthsOfFeesIsALowCapEvenCalledTheTotalAmount() {
        let cap = RedFlagKind.liability_cap_low_or_one_sided
        for text in [
            "In no event shall either party's aggregate liability exceed the total amount paid by Customer hereunder in the three (3) months preceding the event giving rise to the claim.",
            "Each party's liability shall not exceed the total fees paid in the six months before the claim.",
            "任何一方的赔偿责任以索赔前三个月内甲方已支付的合同价款总额为限。",
        ] {
            #expect(flags(text).contains(cap), "\(text)")
        }
        for text in [
            // The whole contract's value as the greater alternative; twelve months is no short period.
            "Each party's liability shall not exceed the greater of the total fees paid under this Agreement and the fees paid in the three (3) months preceding the claim.",
            "Each party's aggregate liability shall not exceed the total amount paid by Customer in the twelve (12) months preceding the claim.",
            "Each party's aggregate liability shall not exceed the total contract price.",
        ] {
            #expect(!flags(text).contains(cap), "\(text)")
        }
    }

    /// A lawyer's pass: clauses a converter wrote as Markdown headings (`### 3.2 …`) were never read.
    @Test func aClauseWrittenAsAMarkdownHeadingIsRead() {
        let text = """
            # 订阅协议

            ## 第三条 续期

            ### 3.2 服务期满前九十（90）日甲方未书面通知不续订的，本协议自动续期十二（12）个月。

            ### 3.3 乙方有权根据运营成本变化随时调整订阅费标准。

            ## 4. Suspension

            ### 4.1 Provider may suspend the Service at any time without notice.
            """
        let scan = ContractScanner.scan(text)
        let byKind = Dictionary(grouping: scan.redFlags.filter { $0.line != nil }, by: \.kind).mapValues { $0.map(\.line!) }
        #expect(byKind[.auto_renewal] == [5] && byKind[.unilateral_price_change] == [7] && byKind[.vendor_may_suspend] == [11])
        // The renewal clause sits in its section: the heading above it still counts.
        #expect(scan.finding(.renewal).line == 5)
        // A short heading stays a heading.
        #expect(ContractLineParser.parse("### 3.2 Renewal", number: 1).heading == "renewal")
    }

    /// A lawyer's pass: a refusal to return the data counted as the data-security item "return at exit".
    @Test func aRefusalToReturnTheDataIsNoReturnAtExit() {
        for (text, line) in [
            ("6. Data\n6.3 Upon termination, Provider has no obligation to retain Customer Data and may delete it immediately.", 2),
            ("第六条 数据\n6.4 协议终止后三十（30）日内，乙方将删除甲方全部数据，甲方应自行提前备份。", 2),
        ] {
            let scan = ContractScanner.scan(text)
            #expect(scan.flags(.data_deletion_or_no_return).map(\.line) == [line], "\(text)")
            #expect(scan.dataSecurity.items.first { $0.check == .return_deletion }?.status == .missing, "\(text)")
        }
        // An export window the buyer uses itself is no refusal.
        #expect(!flags("协议终止后，甲方可在三十日内自行导出数据，期满后乙方删除甲方数据。").contains(.data_deletion_or_no_return))
        // Moving the old system's data into the new one is migration, not the exit clause.
        let migration = ContractScanner.scan("1.3 乙方负责将甲方历史业务数据迁移至新系统，并保证迁移后数据完整、准确。")
        #expect(!migration.has(.data_return))
    }

    /// A lawyer's pass: a Delaware corporation's California law and courts were not read as the vendor's home.
    @Test func aUSVendorsStateLawIsItsHomeLaw() {
        let head =
            "This Agreement is entered into between Nimbusware Inc., a Delaware corporation (\"Provider\"), and Harbor Logistics Co., Ltd. (\"Customer\").\n"
        let law = "15.1 This Agreement is governed by the laws of the State of California.\n"
        #expect(flags(head + law).contains(.vendor_forum_or_law))
        // Both in the United States: no one's home advantage.
        let usBuyer =
            "This Agreement is entered into between Nimbusware Inc., a Delaware corporation (\"Provider\"), and Harbor Freight LLC, a Texas limited liability company (\"Customer\").\n"
        #expect(!flags(usBuyer + law).contains(.vendor_forum_or_law))
    }

    /// A lawyer's pass: words between the customisations and their owner hid the flag and the IP clause.
    @Test func customisationsOwnedByTheVendorThroughLongerWords() {
        let text = """
            5. CUSTOMIZATIONS
            5.1 Any modifications, extensions or customizations of the software developed by Licensor for Licensee, including those paid for by Licensee, shall be the sole and exclusive property of Licensor.
            """
        let scan = ContractScanner.scan(text)
        #expect(scan.flags(.ip_vendor_owns_customisations).map(\.line) == [2])
        #expect(scan.finding(.ip).line == 2)
        #expect(
            !flags("Any customizations developed by Licensor for Licensee shall be the sole and exclusive property of Licensee.")
                .contains(.ip_vendor_owns_customisations))
    }

    /// A lawyer's pass: the buyer's own protections read as risks.
    @Test func protectionsWrittenInTheNegativeAreNoRisk() {
        #expect(
            !flags(
                "4.3 Acceptance occurs only when Client signs an acceptance certificate; there is no deemed acceptance, and use of a Deliverable in production does not constitute acceptance."
            ).contains(.payment_terms_harsh))
        #expect(!flags("Deliverables shall not be deemed accepted by the passage of time.").contains(.payment_terms_harsh))
        let kept5 = "Provider does not disclaim the warranties in Section 5, which remain in force for 12 months."
        #expect(!flags(kept5).contains(.warranty_disclaimed))
        // Code the vendor keeps, deposited in escrow: no escrow risk.
        let kept = "9.2 乙方为甲方二次开发所形成的源代码的知识产权归乙方所有。\n"
        #expect(flags(kept).contains(.no_source_code_escrow))
        #expect(!flags(kept + "10.1 乙方应将源代码交由双方认可的第三方托管机构托管，乙方停止经营时甲方有权取得源代码。\n").contains(.no_source_code_escrow))
    }

    /// A lawyer's pass on a Chinese OA subscription and an English licence.
    @Test func disclaimersAuditsFeeRevisionsAndTheVendorsSeat() {
        #expect(flags("9.2 乙方对第三方服务（包括短信、电子签章、地图服务）的中断或错误不承担任何责任。").contains(.third_party_risk_disclaimed))
        #expect(!flags("乙方对其分包商的行为承担全部责任。").contains(.third_party_risk_disclaimed))
        #expect(flags("14.1 乙方有权随时对甲方使用情况进行审计。").contains(.buyer_license_restrictions))
        let fee = ContractScanner.scan("2.2 Licensor may revise the support fee at any time upon notice to Licensee.")
        #expect(fee.finding(.price_change).line == 1)
        #expect(fee.flags(.unilateral_price_change).map(\.line) == [1])
        let forum = ContractScanner.scan("第二十条 争议解决\n20.1 因本合同引起的争议，提交乙方所在地仲裁委员会仲裁，仲裁裁决是终局的。")
        #expect(forum.keyTerms.disputeForum == "乙方所在地仲裁委员会" && forum.keyTerms.disputeForumType == "arbitration")
    }

    /// A lawyer's pass: a file of bare headings was "15 of 22 clauses found", with no missing clause said.
    @Test func aHeadingWithNothingUnderItShowsNoClause() {
        let headings = "# ERP 升级合同\n\n## 第五条 验收\n\n## 第十一条 保密\n\n## 第十二条 数据安全\n"
        let scan = ContractScanner.scan(headings)
        #expect(scan.clauses.filter(\.present).isEmpty)
        #expect(Set(scan.flags(.missing_clause).compactMap(\.clause)).isSuperset(of: [.acceptance, .confidentiality, .data_security]))
        // A heading whose clause is in a sub-section below it still counts.
        let nested = ContractScanner.scan("## 第五条 验收\n### 5.1 程序\n甲方应在收到交付通知后十个工作日内组织验收。\n")
        #expect(nested.finding(.acceptance).present)
    }

    /// A lawyer's pass: a service credit "for each 0.5% shortfall" read as a rate of 0.005, and the
    /// buyer's exit limited to a term's end was no asymmetry.
    @Test func aCreditsStepIsNoRateAndTheBuyersExitOnlyAtTheEndIsOneSided() {
        let scan = ContractScanner.scan(
            "7.2 If availability falls below 99.9%, Customer receives a service credit of 5% of the monthly fee for each 0.5% shortfall, up to 25% of the monthly fee."
        )
        #expect(scan.keyTerms.penaltyRates.map(\.partsPerMillion) == [50_000])
        #expect(
            flags("Licensee may terminate support only at the end of a support term in accordance with Section 3.2.")
                .contains(.termination_asymmetry))
        #expect(flags("甲方仅可在服务期届满时终止本协议。").contains(.termination_asymmetry))
    }

    /// A lawyer's pass: the Chinese and English versions side by side disagreed on the fee (480,000 /
    /// 450,000) and the notice (30 / 60 days), and nothing said so.
    @Test func languageVersionsThatStateDifferentFiguresAreFlagged() {
        let table = """
            | 中文 | English |
            |---|---|
            | 2.1 升级服务费为人民币肆拾捌万元整（¥480,000），年度维护费为人民币玖万陆仟元整（¥96,000）。 | 2.1 The upgrade fee is RMB 450,000 and the annual maintenance fee is RMB 96,000. |
            | 4.2 维护期届满前三十（30）日任何一方未书面提出终止的，本合同自动延长一年。 | 4.2 Unless either party gives written notice at least sixty (60) days before the end of the period, this Agreement is extended by one year. |
            | 5.1 严重故障乙方应在一（1）小时内响应，八（8）小时内解决。 | 5.1 Party B will respond to critical faults within one (1) hour and resolve them within eight (8) hours. |
            | 2.2 合同总价为人民币96,000.00元。 | 2.2 The total price is RMB 96,000. |
            """
        let flags = ContractScanner.scan(table).flags(.language_versions_differ)
        #expect(flags.map(\.lines) == [[3], [4]])
        #expect(flags.first?.text.hasSuffix(" / 2.1 The upgrade fee is RMB 450,000 and the annual maintenance fee is RMB 96,000.") == true)
        // A line and its translation on the next.
        let pair = "年费为人民币216,000元，甲方应在收到发票后三十（30）日内支付。\nThe annual fee is RMB 216,000, payable within sixty (60) days of the invoice.\n"
        #expect(ContractScanner.scan(pair).flags(.language_versions_differ).map(\.lines) == [[1, 2]])
        let same =
            "年费为人民币216,000元，甲方应在收到发票后三十（30）日内支付。\nThe annual fee is RMB 216,000.00, payable within thirty (30) days of the invoice.\n"
        #expect(ContractScanner.scan(same).flags(.language_versions_differ).isEmpty)
        // Sums are figures with a currency: not a date, a clause number or a contract number.
        #expect(
            LanguageVersions.sums("¥96,000.00 on 2027-03-01, clause 2.1, RMB 480,000 and 12,000元; No. 20270312") == [
                96_000, 480_000, 12_000,
            ])
        let numbered = "合同编号 HT-20270312，年费为人民币216,000元。 1201\nContract No. HT-20270312, the annual fee is RMB 216,000. 1202\n"
        #expect(ContractScanner.scan(numbered).flags(.language_versions_differ).isEmpty)
    }

    @Test func aShortNoticeBeforeRenewalIsNoLongNotice() {
        #expect(flags("本协议期满前三十日内任何一方未书面提出不续约的，本协议自动续期一年。") == [.auto_renewal])
        // The renewal's own twelve months are no notice (a re-test pass: flagged at ten days' notice).
        #expect(flags("本协议期满后自动续订十二个月，除非甲方于期满前十日以书面形式通知乙方不再续订。") == [.auto_renewal])
        #expect(flags("本协议期满后自动续订十二个月，除非甲方于期满前三十日以书面形式通知乙方不再续订。") == [.auto_renewal])
        // A notice asking for a renewal that nothing makes by itself traps nobody (the demo's C1 11.2).
        #expect(flags("甲方拟续约的，应于期满前九十（90）日书面告知乙方，双方据此协商续约条件。").isEmpty)
    }

    @Test("escrow: custom work delivered without its code is flagged, an option charged on top is not")
    func escrowOnlyForCustomWorkInTheDeal() {
        for text in [
            "乙方为甲方定制开发生产排程模块，并交付可执行程序。",
            "The Provider will develop custom software for the Customer's production planning.",
        ] {
            #expect(flags(text).contains(.no_source_code_escrow), "\(text)")
        }
        // The demo subscription's lines: development is an extra the buyer may ask for, not part of the deal.
        for text in [
            "甲方需要二次开发、数据迁移、接口对接或现场培训的，乙方另行收费。",
            "Custom development, data migration, interfaces and on-site training requested by the Customer are charged separately.",
            "定制开发、接口对接等服务另行收费。",
        ] {
            #expect(!flags(text).contains(.no_source_code_escrow), "\(text)")
        }
    }

    @Test("suggested reviews: missing, negotiate with the flags, ok")
    func reviews() throws {
        let scan = ContractScanner.scan(try contractFixture("zh-saas-problematic.txt"))
        let reviews = Dictionary(uniqueKeysWithValues: scan.suggestedReviews(contract: "C9").map { ($0.clause, $0) })
        #expect(reviews.count == 22)
        #expect(reviews[.acceptance]?.status == .missing && reviews[.acceptance]?.line == nil)
        #expect(reviews[.renewal]?.status == .negotiate && reviews[.renewal]?.line == 18)
        #expect(reviews[.renewal]?.note == "auto_renewal (line 18)")
        #expect(reviews[.liability]?.note == "liability_cap_low_or_one_sided (line 27); liability_excludes_data_loss (line 27)")
        #expect(reviews[.ip]?.status == .ok && reviews[.ip]?.line == 30)
        // The fixture deletes the buyer's data on exit: a data-return clause to negotiate.
        #expect(reviews[.data_return]?.status == .negotiate)
    }

    @Test("missing clauses the buyer needs")
    func missing() {
        let scan = ContractScanner.scan("第一条 验收\n甲方按需求清单验收。\n第二条 保密\n双方对商业秘密保密。")
        let missing = scan.flags(.missing_clause).compactMap(\.clause)
        #expect(missing == [.data_security, .data_return, .support_sla])
        // A missing data-return clause is a missing clause, not a deletion flag without a line.
        #expect(scan.flags(.data_deletion_or_no_return).isEmpty)
    }

    @Test("negation does not reach across a comma into another clause")
    func negationWindow() {
        #expect(RedFlagDetector.chineseNegation("不得"))
        #expect(!RedFlagDetector.chineseNegation("因不可抗力"))
        #expect(!RedFlagDetector.chineseNegation("包括但不限于"))
        #expect(flags("甲方不得拖延付款，乙方有权调整价格。") == [.unilateral_price_change])
    }

    /// A lawyer's pass on six new contracts: each wording a lawyer reads as the flag, and the near
    /// wording that is not it.
    @Test("vest in the vendor, terms by another name, a refused return, a long written notice")
    func lawyersPassTwentySeven() {
        #expect(
            flags(
                "All Intellectual Property Rights in the Deliverables, including bespoke interfaces and reports developed for Client, shall vest in Contractor."
            ).contains(.ip_vendor_owns_customisations))
        // (Bespoke work without escrow is flagged there too: `no_source_code_escrow`.)
        #expect(
            flags("All rights in bespoke interfaces developed for Client shall belong to Contractor.").contains(
                .ip_vendor_owns_customisations))
        #expect(
            !flags("All rights in the Deliverables shall vest in Client upon payment, and Contractor keeps its own tools.").contains(
                .ip_vendor_owns_customisations))
        #expect(flags("Provider may modify the Subscription Terms by posting a revised version on its website.") == [.unilateral_amendment])
        #expect(flags("Provider may update the Master Terms from time to time by posting them online.") == [.unilateral_amendment])
        #expect(flags("Provider may modify these General Terms and Conditions by posting a revised version.") == [.unilateral_amendment])
        #expect(flags("本合同终止后，乙方不负有保留或返还甲方数据的义务。") == [.data_deletion_or_no_return])
        #expect(flags("本合同终止后，乙方不承担数据返还义务。") == [.data_deletion_or_no_return])
        #expect(flags("甲方不承担返还乙方设备的义务。").isEmpty)
        let renewal =
            "This Agreement renews automatically unless Client gives Contractor not less than one hundred and twenty (120) days' written notice before the end of the term."
        #expect(flags(renewal) == [.auto_renewal, .long_notice_to_cancel])
        #expect(
            flags("This Agreement renews automatically unless either party gives 180 days' written notice of non-renewal.") == [
                .auto_renewal, .long_notice_to_cancel,
            ])
        // The vendor's notice of a price rise is no notice to cancel.
        #expect(flags("Nimbus will notify Customer of any increase at least ninety (90) days before the renewal date.").isEmpty)
        #expect(flags("Any later increase needs 90 days' written notice.").isEmpty)
        // Acceptance deemed only after the buyer signs is no deemed acceptance; the silent kind is.
        #expect(flags("服务期满时乙方应完成交接，交接清单经甲方签字确认后视为验收完成。").isEmpty)
        #expect(flags("乙方交付后，经甲方书面确认验收合格的，视为验收完成。").isEmpty)
        #expect(flags("甲方在收到验收通知后十日内未提出书面异议的，视为验收合格。") == [.payment_terms_harsh])
        // Service levels the vendor may update, support of the old version dropped, data used once
        // de-identified: each the vendor's own way out.
        #expect(
            flags(
                "Contractor shall provide support in accordance with the service levels in Schedule 4, which Contractor may update from time to time by notice to Client."
            )
            .contains(.unilateral_service_change))
        #expect(flags("乙方发布的升级补丁，甲方应在收到后十五日内安装；甲方未安装的，乙方不再对旧版本承担维护义务。").contains(.unilateral_service_change))
        #expect(flags("乙方在维护过程中接触到的甲方数据，乙方可在去除可识别信息后用于产品改进及统计分析。").contains(.usage_data_or_publicity))
        #expect(flags("乙方在维护过程中接触到的甲方数据，乙方仅用于提供本合同约定的服务。").isEmpty)
        // A mutual cap measured by the fees paid before the event is no payment term.
        #expect(
            flags(
                "EXCEPT FOR EXCLUDED CLAIMS, IN NO EVENT WILL EITHER PARTY'S AGGREGATE LIABILITY EXCEED THE TOTAL FEES PAID OR PAYABLE BY CUSTOMER IN THE TWELVE (12) MONTHS BEFORE THE EVENT GIVING RISE TO LIABILITY."
            ).isEmpty)
    }

    /// A lawyer's pass: a hard wrap put the cross-reference at a line's start, where it read as the
    /// numbering of a clause of its own; the flag quoted `(Provider Warranty) is Customer's exclusive
    /// remedy.`, without its subject, at one line.
    @Test("a cross-reference wrapped to a line's start stays in its sentence")
    func wrappedCrossReference() {
        let en = ContractScanner.scan(
            """
            5. Warranty
            5.2 Provider Warranty. Provider warrants that it will perform the services with reasonable skill and care.
            5.3 If the services do not conform, Provider shall re-perform them. Re-performance under
            Section 5.2 (Provider Warranty) is Customer's exclusive remedy.
            6. Fees
            """)
        let flag = en.flags(.warranty_disclaimed)
        #expect(flag.map(\.lines) == [[3, 4]])
        #expect(flag.map(\.text) == ["Re-performance under Section 5.2 (Provider Warranty) is Customer's exclusive remedy."])
        // `12.3 of this Agreement` after `pursuant to`, and 第五条 after 根据: the same sentence.
        let lines = ContractLineParser.parse(["the fees stated pursuant to", "12.3 of this Agreement.", "甲方根据", "第五条的约定支付。"])
        #expect(ContractLineParser.continues(lines[0].text, with: lines[1]))
        #expect(ContractLineParser.continues(lines[2].text, with: lines[3]))
        // A real clause after a sentence that ends, or after a word that leads nowhere, starts its own.
        let own = ContractLineParser.parse(["Customer pays the fees.", "Section 6 Term", "Customer pays the fees", "Section 6 Term"])
        #expect(!ContractLineParser.continues(own[0].text, with: own[1]))
        #expect(!ContractLineParser.continues(own[2].text, with: own[3]))
        #expect(!ContractLineParser.continues("甲方提出书面意见", with: ContractLineParser.parse(["第五条 付款"])[0]))
    }

    @Test("\"as is\" is the vendor's disclaimer, not the buyer's feedback given as is")
    func asIsFeedbackIsNotAWarrantyDisclaimer() {
        #expect(flags("The Software is provided \"AS IS\" without warranty of any kind.") == [.warranty_disclaimed])
        #expect(flags("Customer may give Provider Feedback, in which case Customer gives Feedback \"AS IS\".").isEmpty)
        #expect(flags("甲方提供的反馈按现状提供。").isEmpty)
    }

    /// A lawyer's pass: New York law for a customer in Shanghai raised nothing.
    @Test("a law or forum of another jurisdiction than the buyer's, as the opening places the buyer")
    func foreignLawForTheBuyer() {
        func forum(_ text: String) -> [Int] {
            ContractScanner.scan(text).redFlags.filter { $0.kind == .vendor_forum_or_law }.compactMap(\.line)
        }
        let en = """
            MASTER SUBSCRIPTION AGREEMENT
            This Agreement is between NorthPeak Cloud Systems, Inc., a Delaware corporation, Seattle, Washington, USA ("Provider"),
            and Shanghai Meilong Appliances Co., Ltd., organised under the laws of the People's Republic of China ("Customer").
            12. GOVERNING LAW
            12.1 This Agreement is governed by the laws of the State of New York, USA.
            12.2 Any dispute shall be finally settled by arbitration seated in Shanghai under the rules of SHIAC.
            """
        #expect(forum(en) == [5])
        let zh = """
            软件许可及实施合同
            甲方：苏州华东精密机械有限公司
            地址：江苏省苏州市工业园区
            乙方：香港云帆软件有限公司
            第十条 争议解决
            10.1 本合同适用香港特别行政区法律。
            10.2 任何争议提交上海国际仲裁中心仲裁。
            """
        #expect(forum(zh) == [6])
        // Where the opening does not place the buyer ("the entity identified in the Order"), nothing is assumed.
        #expect(
            forum(
                "These Terms are between Kestrel Ltd (\"Kestrel\") and the entity in the Order (\"Client\").\nThese Terms are governed by the laws of England and Wales."
            ) == [])
        // The vendor's state of incorporation is its home, as a legal form is: Delaware law and courts
        // for "a Delaware corporation" vendor are flagged; for a Delaware buyer they are its own.
        let delaware = """
            This Agreement is between Acme Cloud Inc., a Delaware corporation ("Vendor"), and Huadong Precision Co., Ltd. ("Customer").
            1. Services
            1.1 Vendor provides the hosted CRM service.
            9. Governing Law
            9.1 This Agreement is governed by the laws of the State of Delaware.
            9.2 Disputes go to the state courts of Wilmington, Delaware.
            """
        #expect(forum(delaware) == [5, 6])
        #expect(
            forum(
                delaware.replacingOccurrences(of: "a Delaware corporation (\"Vendor\")", with: "(\"Vendor\")")
                    .replacingOccurrences(of: "Co., Ltd. (\"Customer\")", with: "LLC, a Delaware limited liability company (\"Customer\")")
            ) == [])
        // Each party on a labelled line of its own: the buyer is what its own line says, not the
        // vendor's Delaware line above it (New York law for a PRC customer raised nothing: user pass).
        #expect(
            forum(
                """
                Provider: Lumenfield Analytics Inc., a Delaware corporation
                Customer: Harbour Valve Manufacturing Co., Ltd., organised under the laws of the People's Republic of China ("Customer")
                1. Law
                This Order is governed by the laws of the State of New York.
                """) == [4])
        #expect(
            forum(
                "This Agreement is between Kestrel Ltd, incorporated in England (\"Supplier\"), and the Client.\n12. Governing Law\n12.1 This Agreement is governed by the laws of England and Wales."
            ) == [3])
    }

    /// Wording a lawyer reads as hostile that the rules missed (user pass): a "mutual" exclusion of data
    /// loss (only the vendor holds the data), late interest on "late amounts", the buyer's data put to
    /// the vendor's publicity, and a confidentiality duty on the buyer alone.
    @Test func hostileWordingInOtherWords() {
        #expect(flags("Neither party is liable for loss of data or any indirect damages.") == [.liability_excludes_data_loss])
        #expect(flags("Late amounts bear interest at 1.5% per month.") == [.payment_terms_harsh])
        #expect(flags("Late amounts bear interest at 0.5% per month.").isEmpty)
        #expect(flags("乙方可将甲方的业务数据用于产品改进及市场宣传。") == [.usage_data_or_publicity])
        #expect(flags("第二条 保密\n甲方应对在履行本合同过程中知悉的乙方商业秘密严格保密。") == [.confidentiality_one_sided])
        #expect(flags("第二条 保密\n甲方对乙方提供的技术资料负有保密义务。") == [.confidentiality_one_sided])
        #expect(flags("第二条 保密\n甲方应对在履行本合同过程中知悉的乙方商业秘密严格保密。\n乙方应对甲方的商业秘密严格保密。").isEmpty)
        // One flag for one problem: terms changed are an amendment (not also a service change), a
        // renewal at the vendor's prices a price change (not also fees on top).
        #expect(
            flags(
                "Lumenfield may modify these terms from time to time by posting an updated version, and continued use of the Service constitutes acceptance."
            )
                == [.unilateral_amendment])
        #expect(flags("Renewal pricing will be at the Vendor's then-current list prices.") == [.unilateral_price_change])
        #expect(flags("Vendor may discontinue features of the Service at any time.") == [.unilateral_service_change])
    }

    /// From the Common Paper licence read as a lawyer would (its annotation): a warranty lost when
    /// updates are not installed, or narrowed to the repair as the only remedy, is a warranty flag; a
    /// beta feature withdrawn, terms posted at a fixed version, and the definition of usage data are not.
    @Test func warrantyConditionsAreFlaggedAndDefinitionsAndBetaFeaturesAreNot() {
        for text in [
            "The warranty does not apply to issues arising from Customer's failure to properly install Updates within a reasonable time.",
            "Repair or replacement is Customer's sole and exclusive remedy for breach of the warranty.",
            "因甲方未及时安装乙方提供的补丁导致的故障，乙方不承担保修责任。",
            "保修期内乙方修复或更换软件是甲方的唯一补救措施。",
        ] {
            #expect(flags(text) == [.warranty_disclaimed], "\(text)")
        }
        #expect(flags("Provider may suspend the Service with or without notice.") == [.vendor_may_suspend])
        #expect(flags("Provider may suspend the Service at any time without prior written notice.") == [.vendor_may_suspend])
        #expect(flags("乙方有权不经通知暂停服务。") == [.vendor_may_suspend])
        #expect(flags("乙方有权随时暂停服务，并于暂停后通知甲方。") == [.vendor_may_suspend])
        // A start date's day is no notice, and the term is no notice of twelve months (re-test pass).
        #expect(flags("本合同期限为十二个月，自 2027 年 5 月 20 日起算，期满前甲方未书面提出异议的，本合同自动续期。") == [.auto_renewal])
        #expect(
            flags("Beta Products are experimental and may be modified or removed at Provider's discretion with or without notice.").isEmpty)
        #expect(flags("The Acceptable Use Policy posted at https://example.com/aup applies to the Services.") == [.unilateral_amendment])
        #expect(
            flags("\"Standard Terms\" means these Standard Terms Version 0.1, which are posted at https://example.com/standards/0.1.")
                .isEmpty)
        #expect(flags("\"Usage Data\" means data and information about the provision, use, and performance of the Product.").isEmpty)
        #expect(flags("Provider may use Usage Data for any purpose.") == [.usage_data_or_publicity])
        #expect(flags("Except for the warranties in Section 5, Provider disclaims all other warranties, express or implied.").isEmpty)
        #expect(flags("Provider disclaims all warranties, express or implied.") == [.warranty_disclaimed])
        #expect(flags("Beta Products are provided \"AS IS\".").isEmpty)
        #expect(flags("The Services are provided \"AS IS\".") == [.warranty_disclaimed])
    }

    /// The Common Paper licence's 5.4: the only remedy, in a section on the warranty whose sentence names
    /// the warranty only in cross-references' titles (which matching drops); and Bonterms' plural
    /// `exclusive remedies`. The same words under indemnification are no warranty flag.
    @Test func anExclusiveRemedyUnderTheWarrantyNarrowsIt() {
        let common =
            "5. Warranties\n4. Provider Warranty Remedy. If Provider breaches the warranty, Provider will repair the Software. "
            + "This Section 5.4 (Provider Warranty Remedy) describes Customer's exclusive remedy and Provider's entire liability "
            + "for a breach or alleged breach of Section 5.2 (Provider Warranty).\n"
        let scan = ContractScanner.scan(common)
        #expect(scan.flags(.warranty_disclaimed).map(\.line) == [2])
        #expect(scan.flags(.warranty_disclaimed).first?.text.hasPrefix("This Section 5.4 (Provider Warranty Remedy)") == true)
        #expect(
            flags(
                "These procedures are Customer's exclusive remedies and Provider's sole liability for breach of the Performance Warranty.")
                == [.warranty_disclaimed])
        #expect(flags("第五条 质量保证\n5.4 本条所述修复措施为甲方的唯一救济。\n") == [.warranty_disclaimed])
        #expect(
            flags(
                "8. Indemnification\n6. Exclusive Remedy. This Section 8 describes each Protected Party's exclusive remedy for a Covered Claim.\n"
            )
            .isEmpty)
    }

    /// The notice before the renewal it stops (a re-test pass): the renewal's `期满后` is in the next clause,
    /// not after the notice's days; `收到通知后三十日内` stays a time after the notice.
    @Test func aNoticeBeforeTheRenewalItStops() {
        let scan = ContractScanner.scan(
            "第九条 期限与续订\n9.1 本协议有效期一年。除非任何一方在期满前一百二十日书面通知对方不再续订，本协议期满后自动续订十二个月。\n")
        #expect(scan.keyTerms.noticeDays == 120)
        #expect(scan.keyTerms.renewalMonths == 12)
        #expect(scan.flags(.long_notice_to_cancel).map(\.line) == [2])
        #expect(scan.flags(.auto_renewal).map(\.line) == [2])
        let after = ContractScanner.scan("第九条 终止\n9.1 甲方收到乙方书面通知后九十日内，本协议终止。\n")
        #expect(after.flags(.long_notice_to_cancel).isEmpty)
        #expect(after.keyTerms.noticeDays == nil)
    }

    /// A support clause with no time to respond or to fix is a missing SLA (the Common Paper licence:
    /// updates at no charge, and nothing on response times); a time in hours, a response or resolution
    /// time, or an availability in per cent is a service level.
    @Test func supportWithoutTimesIsAMissingServiceLevel() throws {
        func missing(_ text: String) -> [String] {
            ContractScanner.scan(text).flags(.missing_clause).filter { $0.clause == .support_sla }.map(\.text)
        }
        let without = "Support without response or resolution times (支持条款未约定响应/解决时限)"
        #expect(missing("第六条 技术支持\n乙方在工作日内响应甲方的技术支持请求。\n") == [without])
        #expect(missing("6. Support\nProvider will provide Updates to Customer at no additional charge.\n") == [without])
        #expect(missing("第六条 技术支持\n乙方在接到报修后4小时内响应。\n").isEmpty)
        #expect(missing("6. Support\nProvider will respond to Severity 1 issues within 2 hours.\n").isEmpty)
        #expect(missing("第六条 技术支持\n质保期内乙方提供7×24小时技术支持，故障设备48小时内更换。\n").isEmpty)
        #expect(missing("第三条 服务水平\n乙方承诺云主机月度可用性不低于99.95%。\n").isEmpty)
        #expect(missing("2. Service Levels\nProvider will make the platform available 99.9% of each month.\n").isEmpty)
        #expect(missing("第一条 付款\n甲方于验收后支付全部费用。\n") == ["No service level or support clause (未约定服务水平/响应时间)"])
        // Times written short, a day named without a number; a support window alone is no time (a lawyer's pass).
        #expect(missing("第六条 技术支持\n乙方提供技术支持，P1故障24h内响应。\n").isEmpty)
        #expect(missing("6. Support\nProvider will respond within 1h and resolve within 8h.\n").isEmpty)
        #expect(missing("6. Support\nProvider will be on site the next business day.\n").isEmpty)
        #expect(missing("第六条 技术支持\n乙方于下一工作日到场处理。\n").isEmpty)
        #expect(missing("第六条 技术支持\n乙方提供7×24小时技术支持。\n") == [without])
        #expect(missing("6. Support\nProvider provides 24x7 support.\n") == [without])
        // The buyer's own time to answer a claim is no support time (a lawyer's pass): the vague support
        // is flagged, and the key terms hold no SLA; the vendor's answer to the buyer's report is one.
        let claim = ContractScanner.scan(
            "4. Support\nProvider will use reasonable efforts to answer support questions.\n9. Indemnity\n"
                + "9.3 If Provider receives a third-party claim, Customer shall respond within ninety (90) days after receipt of notice.\n")
        #expect(claim.keyTerms.slaResponses.isEmpty)
        #expect(claim.flags(.missing_clause).contains { $0.clause == .support_sla && $0.lines == [1] })
        let report = ContractScanner.scan("1. Services\nIf Customer reports an incident, Provider shall respond within 4 hours.\n")
        #expect(report.keyTerms.slaResponses.map(\.minutes) == [240])
        // Cited at the support clause's line, and said in each language on its own.
        let flag = try #require(
            ContractScanner.scan("第一条 服务\n乙方提供软件。\n第六条 技术支持\n乙方在工作日内响应甲方的技术支持请求。\n").flags(.missing_clause).first {
                $0.clause == .support_sla
            })
        #expect(flag.lines == [4])
        #expect(flag.missingText(chinese: true, clauseName: "支持与服务水平") == "支持条款未约定响应/解决时限")
        #expect(flag.missingText(chinese: false, clauseName: "Support / SLA") == "Support without response or resolution times")
        let none = try #require(ContractScanner.scan("第一条 付款\n甲方于验收后支付。\n").flags(.missing_clause).first { $0.clause == .support_sla })
        #expect(none.missingText(chinese: true, clauseName: "支持与服务水平") == "未约定支持与服务水平")
    }
}

/// A lawyer's pass: `玖拾陆万元整（¥690,000.00）` for 40 % of 2 400 000 raised nothing.
@Suite struct AmountWordsTests {
    @Test("words and figures read to the fen, after or before each other")
    func readsBothForms() {
        func m(_ s: String) -> String? { AmountWords.mismatch(in: s).map { "\($0.words) \($0.figures)" } }
        #expect(m("甲方支付人民币玖拾陆万元整（¥690,000.00）。") == "96000000 69000000")
        #expect(m("甲方支付人民币玖拾陆万元整（¥960,000.00）。") == nil)
        #expect(m("合同总金额为人民币壹佰捌拾陆万元整（¥1,860,000），含增值税。") == nil)
        #expect(m("金额 ¥1,860,000.50 元（大写：壹佰捌拾陆万元伍角）") == nil)
        #expect(m("金额 ¥1,860,000.05 元（大写：壹佰捌拾陆万元伍角）") == "186000050 186000005")
        #expect(m("服务费人民币贰拾捌万陆仟元整（RMB 268,000）") == "28600000 26800000")
        #expect(m("服务费为 96 万元（大写：玖拾陆万元整）") == nil)
        // A percentage near the words is no sum; words without 元 are no sum.
        #expect(m("即人民币玖拾陆万元整，占合同总价的 40%。") == nil)
        #expect(m("壹佰套许可（100 套）") == nil)
        // 亿 with 万 below it (a lawyer's pass: each of these correct sums was flagged).
        #expect(m("本合同总价款为人民币壹亿贰仟万元整（¥120,000,000.00）。") == nil)
        #expect(m("本合同总价款为人民币壹亿贰仟叁佰万元整（¥123,000,000.00）。") == nil)
        #expect(m("本合同总价款为人民币壹亿零伍佰万元整（¥105,000,000.00）。") == nil)
        #expect(m("本合同总价款为人民币壹亿零伍佰万元整（¥150,000,000.00）。") == "10500000000 15000000000")
        #expect(ChineseNumber.parse("三万亿") == 3_000_000_000_000)
        #expect(ChineseNumber.parse("十二亿零三万") == 1_200_030_000)
    }

    /// A PDF's hard wrap inside the figures of a Chinese line (`…元整（¥8` / `35,000.00）`) is one
    /// number, quoted as the contract wrote it; a sum that disagrees across the wrap is still flagged.
    @Test func aFigureCutByTheWrap() {
        let head = "第一条 费用\n1.1 首年订阅费总额为人民币捌拾叁万伍仟元整（¥8\n"
        let agree = ContractScanner.scan(head + "35,000.00），甲方应于收到发票之日起三十日内支付。\n")
        #expect(!agree.redFlags.contains { $0.kind == .amount_words_mismatch })
        let differ = ContractScanner.scan(head + "53,000.00），甲方应于收到发票之日起三十日内支付。\n")
        let flag = differ.redFlags.first { $0.kind == .amount_words_mismatch }
        #expect(flag?.lines == [2, 3])
        #expect(flag?.text == "首年订阅费总额为人民币捌拾叁万伍仟元整（¥853,000.00），甲方应于收到发票之日起三十日内支付。")
        // English wraps at spaces: two numbers stay two.
        #expect(ContractLineParser.joiner("within 8", "35 days") == " ")
        #expect(ContractLineParser.joiner("金额为 ¥8", "35,000") == "")
        // Cut after its thousands comma (`¥385,` / `000.00）`, whose next line looks like a numbered
        // item `000.`): one figure too (a lawyer's pass: read as 385, a false mismatch, the quote cut).
        let comma = "第三条 服务费用\n3.1 年度运维服务费为人民币叁拾捌万伍仟元整（¥385,\n"
        #expect(!ContractScanner.scan(comma + "000.00），含 6% 增值税。\n").redFlags.contains { $0.kind == .amount_words_mismatch })
        let wrong = ContractScanner.scan(comma.replacingOccurrences(of: "385", with: "358") + "000.00），含 6% 增值税。\n")
        let cut = wrong.redFlags.first { $0.kind == .amount_words_mismatch }
        #expect(cut?.lines == [2, 3])
        #expect(cut?.text == "年度运维服务费为人民币叁拾捌万伍仟元整（¥358,000.00），含 6% 增值税。")
        #expect(ContractLineParser.figureCut("元整（¥385,", "000.00），含") && !ContractLineParser.figureCut("in 2023,", "2024 the"))
        #expect(!ContractLineParser.figureCut("¥385,", "0000 元"))
    }

    @Test("the red flag names the sentence; the demo's sums agree")
    func flagged() throws {
        let text = """
            第三条 付款
            3.1 合同签订后，甲方支付合同总价的 30%，即人民币柒拾贰万元整（¥720,000.00）。
            3.2 上线验收合格后，甲方支付合同总价的 40%，即人民币玖拾陆万元整（¥690,000.00）。
            """
        let flags = ContractScanner.scan(text).redFlags.filter { $0.kind == .amount_words_mismatch }
        #expect(flags.map(\.lines) == [[3]])
        #expect(RedFlagKind.amount_words_mismatch.clause == .fees)
        #expect(!ContractScanner.scan(try contractFixture("zh-erp-fair.md")).redFlags.contains { $0.kind == .amount_words_mismatch })
    }
}

/// A lawyer's pass on the data-security review: 操作留痕 and a 堡垒机 went unseen, 境内外的服务器 counted as a
/// data location, and a vendor's bare right to use sub-processors as the buyer's safeguard.
@Suite struct DataSecurityWordsTests {
    func status(_ text: String, _ check: DataSecurityCheck) -> DataSecurityItem.Status {
        ContractScanner.scan("第十条 数据安全\n" + text).dataSecurity.item(check).status
    }

    @Test func safeguardsInTheirUsualChineseWords() {
        #expect(status("10.1 乙方应采取访问控制、操作留痕等措施。", .audit_logs) == .present)
        #expect(status("10.1 乙方人员应通过甲方的堡垒机访问系统，使用个人专属账号。", .access_control) == .present)
        #expect(status("10.1 乙方不得将涉及甲方数据的工作分包，确需分包的，须事先取得甲方书面同意。", .sub_processors) == .present)
    }

    @Test func whatOnlyLooksLikeASafeguard() {
        #expect(status("10.1 甲方数据可存储于乙方在境内外的服务器。", .data_location) == .missing)
        #expect(status("10.1 甲方数据存储于中国境内的数据中心。", .data_location) == .present)
        #expect(status("10.1 The Vendor may use third parties to process Client Data in any country.", .sub_processors) == .missing)
        // A web address is no encryption in transit; HTTPS as the protocol is.
        #expect(
            status("10.1 The Security Policy, which is posted at https://acme.example/security, applies.", .encryption_in_transit)
                == .missing)
        #expect(status("10.1 All Customer Data is transmitted over HTTPS.", .encryption_in_transit) == .present)
        #expect(status("10.1 甲方数据通过 https 协议传输。", .encryption_in_transit) == .present)
        #expect(status("10.1 乙方应对甲方数据进行加密存储和传输。", .encryption_in_transit) == .present)
        #expect(status("10.1 乙方可将数据处理委托处理给第三方，无需征得甲方同意。", .sub_processors) == .missing)
    }
}
