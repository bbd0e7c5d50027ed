import Testing

@testable import BidbenchCore

@Suite("Contract key terms")
struct ContractKeyTermTests {
    @Test(
        "Chinese numerals",
        arguments: [
            ("一", 1), ("十", 10), ("十五", 15), ("三十", 30), ("三十五", 35), ("九十九", 99), ("一百", 100),
            ("一百零五", 105), ("一百二十", 120), ("两", 2), ("两百", 200), ("两千", 2000), ("一千二百", 1200),
            ("一千零一", 1001), ("一万二千", 12000), ("壹佰贰拾捌", 128), ("二〇二七", 2027), ("零", 0),
        ])
    func numerals(_ text: String, _ value: Int) {
        #expect(ChineseNumber.parse(text) == value)
    }

    /// A lawyer's pass: the cap quoted in the checklist's 100 columns ended before the amount.
    /// A lawyer's pass: support times in a table (a Word table exported with tabs, a Markdown table)
    /// were not read, and the Markdown one raised "support without response or resolution times".
    @Test func supportTimesInATableAreRead() {
        func times(_ text: String) -> [String] {
            ContractScanner.scan(text).keyTerms.slaResponses.map { "\($0.line) \($0.kind.rawValue) \($0.timeText(chinese: true))" }
        }
        let tabs = "第五条 技术支持\n乙方按下表响应和解决故障：\n故障级别\t响应时间\t解决时间\n一级\t３０分钟\t４小时\n二级\t２小时\t１个工作日\n"
        #expect(times(tabs) == ["4 response 30 分钟", "4 resolution 4 小时", "5 response 2 小时", "5 resolution 1 个工作日"])
        let markdown = """
            ## 5. Support

            Supplier provides support as follows:

            | Severity | Response time | Resolution time |
            |---|---|---|
            | P1 | 1 hour | 8 hours |
            | P2 | 4 hours | 3 business days |

            """
        let scan = ContractScanner.scan(markdown)
        #expect(
            scan.keyTerms.slaResponses.map { "\($0.line) \($0.kind.rawValue) \($0.timeText(chinese: false)) \($0.text)" } == [
                "7 response 1 h P1 1 hour 8 hours", "7 resolution 8 h P1 1 hour 8 hours", "8 response 4 h P2 4 hours 3 business days",
                "8 resolution 3 working days P2 4 hours 3 business days",
            ])
        #expect(!scan.redFlags.contains { $0.kind == .missing_clause && $0.clause == .support_sla })
        // Prose with two spaces, a header with a time in it, a row of another width: no table.
        #expect(times("第五条 技术支持\n乙方应在接到报修后  2小时内响应。\n").count == 1)
        #expect(SLATable.cells("一级\t３０分钟\t４小时") == ["一级", "30分钟", "4小时"])
        #expect(!SLATable.mayBeHeader("Response time and resolution time are in the table below."))
    }

    @Test func theCapQuoteKeepsTheCap() {
        let text = """
            9. Limitation of Liability
            9.1 Except for a party's indemnification obligations and breach of confidentiality, in no event shall either party's aggregate liability arising out of or related to this Agreement exceed the total amount paid by Customer hereunder in the three (3) months preceding the event giving rise to the claim.
            """
        let k = ContractScanner.scan(text).keyTerms
        #expect(k.liabilityCap?.hasPrefix("Except for a party's indemnification") == true)
        let quote = k.liabilityCapQuote(width: 100)
        #expect(
            quote == "…to this Agreement exceed the total amount paid by Customer hereunder in the three (3) months prece…")
        #expect(quote.map(TextWidth.of) == 100)
        // A cap early in its sentence is quoted from the start; a short one whole.
        var early = ContractKeyTerms()
        early.liabilityCap = String(repeating: "Liability is limited to the fees paid in the prior twelve months, ", count: 3)
        #expect(early.liabilityCapQuote(width: 100) == TextWidth.clip(early.liabilityCap!, to: 100))
        early.liabilityCap = "乙方的赔偿总额以最近十二个月已收取的服务费为限。"
        #expect(early.liabilityCapQuote(width: 100) == early.liabilityCap)
        // `以…为限`: from a little before the `以` that opens the amount.
        var zh = ContractKeyTerms()
        zh.liabilityCap = "除因故意或重大过失造成的损失、侵犯知识产权及违反保密义务外，任何一方因本合同引起或与本合同有关的全部违约责任和赔偿责任，累计以索赔事件发生前三个月内甲方实际支付的服务费总额为限。"
        #expect(zh.liabilityCapQuote(width: 80) == "…违约责任和赔偿责任，累计以索赔事件发生前三个月内甲方实际支付的服务费总额为限。")
    }

    @Test("not Chinese numerals")
    func notNumerals() {
        #expect(ChineseNumber.parse("") == nil)
        #expect(ChineseNumber.parse("三天") == nil)
        #expect(ChineseNumber.parse("30") == nil)
    }

    @Test("day counts in every common spelling")
    func dayCounts() {
        func days(_ s: String) -> [Int] { QuantityScanner.scan(ContractText.lowerASCII(ContractText.normalize(s))).compactMap(\.days) }
        #expect(days("提前三十日书面通知") == [30])
        #expect(days("提前30日") == [30])
        #expect(days("三十（30）日内") == [30])
        #expect(days("giving thirty (30) days' notice") == [30])
        #expect(days("within 30 days of receipt") == [30])
        #expect(days("a 90-day notice period") == [90])
        #expect(days("twenty-one days") == [21])
        #expect(days("十五个工作日内") == [15])
        #expect(days("提前两个月") == [60])
        // Dates are not durations.
        #expect(days("自2027年1月1日起") == [])
        #expect(QuantityScanner.scan("有效期三年").first?.months == 36)
        #expect(QuantityScanner.scan("2小时内响应").first?.minutes == 120)
    }

    @Test("numbers too long for an Int are no quantity, or saturate, instead of trapping")
    func hostileNumbers() {
        let nines = { (n: Int) in String(repeating: "九", count: n) }
        #expect(ChineseNumber.parse(nines(18)) == 999_999_999_999_999_999)
        #expect(ChineseNumber.parse(nines(19)) == nil)
        #expect(QuantityScanner.scan(nines(25) + "日").isEmpty)
        // Fits an Int, but not as days.
        let months = QuantityScanner.scan(nines(18) + "个月")
        #expect(months.map(\.value) == [999_999_999_999_999_999])
        #expect(months.first?.days == Int.max)
        let hundreds = QuantityScanner.scan("one" + String(repeating: " hundred", count: 12) + " days")
        #expect(hundreds.map(\.value) == [Int.max])
        // Each of these trapped in the scan before.
        let scan = ContractScanner.scan(
            "第一条 期限\n本合同期限为\(nines(24))日。\n第二条 违约\n甲方逾期付款的，每日按万分之\(nines(22))支付滞纳金。\n"
                + "乙方应在\(nines(18))个月内通知甲方终止。\n")
        #expect(scan.keyTerms.penaltyRates.isEmpty)
        #expect(scan.keyTerms.termMonths == nil)
    }

    private func terms(_ text: String) -> ContractKeyTerms { ContractScanner.scan(text).keyTerms }

    @Test("term, renewal and notice from a Chinese auto-renewal clause")
    func zhTerm() {
        let t = terms("第四条 合同期限\n本合同有效期为两年。期满前三十（30）日内双方均未书面提出异议的，本合同自动续期一年。")
        #expect(t.termMonths == 24)
        #expect(t.renewalMonths == 12)
        #expect(t.noticeDays == 30)
    }

    @Test("term from a date range; English renewal and notice")
    func dateRangeAndEnglish() {
        #expect(terms("服务期限：自2027年1月1日起至2028年6月30日止。").termMonths == 18)
        let t = terms(
            """
            3. Term and Renewal
            The initial term is twenty-four (24) months. The agreement renews for successive one-year periods unless either party gives at least sixty (60) days' notice of non-renewal.
            """)
        #expect(t.termMonths == 24)
        #expect(t.renewalMonths == 12)
        #expect(t.noticeDays == 60)
    }

    @Test("a year written with more digits than Int holds is not a date and does not trap (fuzz find)")
    func overlongYear() {
        let t = terms("服务期限：自2027年1月1日起至99999999999999999999999999年12月31日止。")
        #expect(t.termMonths == nil)
        #expect(KeyTermExtractor.chineseDates("2027年1月1日至99999999999999999999999999年12月31日").map(\.description) == ["2027-01-01"])
    }

    @Test("payment due days")
    func paymentDays() {
        #expect(terms("第三条 付款\n甲方应在收到乙方开具的合法发票后三十日内支付相应款项。").paymentDueDays == 30)
        #expect(terms("Payment. Invoices are payable net 45.").paymentDueDays == 45)
        #expect(terms("Payment terms: Customer shall pay each invoice within 60 days of receipt.").paymentDueDays == 60)
        // The days to pay and the late-payment penalty in one sentence (a lawyer's pass: the days were lost).
        #expect(terms("第五条 付款\n甲方应在收到发票后三十（30）日内向乙方支付合同价款，逾期每日按万分之五支付违约金。").paymentDueDays == 30)
        #expect(terms("第五条 付款\n甲方应在收到发票后三十（30）日内向乙方支付\n合同价款，逾期每日按万分之五支付违约金。").paymentDueDays == 30)
        #expect(
            terms("Payment. Customer shall pay each invoice within 30 days of receipt; late payments bear interest at 1% per month.")
                .paymentDueDays == 30)
        // A part about the late payment, a dispute or a refund states no time to pay.
        #expect(terms("第五条 付款\n甲方逾期付款超过三十日的，乙方有权暂停服务。").paymentDueDays == nil)
        #expect(terms("第五条 付款\n甲方对发票有异议的，应在收到发票后五日内书面提出。").paymentDueDays == nil)
        #expect(terms("Payment. If Customer disputes an invoice, Customer shall notify Vendor within 10 days.").paymentDueDays == nil)
        #expect(terms("Payment. Any refund due to Customer shall be paid within 30 days.").paymentDueDays == nil)
    }

    @Test(
        "governing law",
        arguments: [
            ("本合同适用中华人民共和国法律。", "中华人民共和国法律"),
            ("本合同受中华人民共和国法律管辖并依其解释。", "中华人民共和国法律"),
            (
                "This Agreement is governed by the laws of the State of California, without regard to conflict of laws.",
                "laws of the State of California"
            ),
            (
                "Governing law. This agreement shall be governed by and construed in accordance with the laws of England and Wales.",
                "laws of England and Wales"
            ),
            ("This Agreement is governed by Delaware law.", "Delaware law"),
        ])
    func law(_ text: String, _ law: String) {
        #expect(terms(text).governingLaw == law)
    }

    @Test(
        "dispute forum",
        arguments: [
            ("争议提交中国国际经济贸易仲裁委员会按其仲裁规则仲裁。", "中国国际经济贸易仲裁委员会", "arbitration"),
            ("因本合同引起的争议，提交上海国际仲裁中心仲裁。", "上海国际仲裁中心", "arbitration"),
            ("协商不成的，任何一方可向甲方所在地人民法院提起诉讼。", "甲方所在地人民法院", "court"),
            ("争议由乙方所在地有管辖权的人民法院管辖。", "乙方所在地有管辖权的人民法院", "court"),
            ("Disputes will be resolved by the courts of Singapore.", "courts of Singapore", "court"),
            (
                "Any dispute shall be settled by arbitration administered by the American Arbitration Association.",
                "American Arbitration Association", "arbitration"
            ),
        ])
    func forum(_ text: String, _ name: String, _ type: String) {
        let t = terms(text)
        #expect(t.disputeForum == name)
        #expect(t.disputeForumType == type)
    }

    @Test("SLA response and resolution times")
    func sla() {
        let zh = terms("第五条 服务水平\n一级故障乙方应在2小时内响应，8小时内恢复；二级故障4小时内响应。乙方提供7×24小时服务热线。")
        #expect(zh.slaResponses.map(\.minutes) == [120, 480, 240])
        #expect(zh.slaResponses.map(\.kind) == [.response, .resolution, .response])
        let en = terms("Support. Vendor will respond within 4 hours and resolve critical incidents within 1 business day, 24 hours a day.")
        #expect(en.slaResponses.map(\.minutes) == [240, 1440])
        #expect(en.slaResponses.map(\.kind) == [.response, .resolution])
        #expect(terms("响应时间为30分钟。").slaResponses.map(\.minutes) == [30])
        // A lawyer's pass: the notice came from the vendor's notice of a fee rise (`调整年度维护费`) before
        // the renewal clause.
        let renewal = terms(
            "2.3 每一续约期，乙方可调整年度维护费，但应至少在续约日前九十（90）日书面通知甲方。\n4.2 除非任何一方在当期期满前至少六十（60）日书面通知对方不再续约，本协议自动续约一年。")
        #expect(renewal.noticeDays == 60)
        #expect(terms("Billing: invoices are payable net forty-five (45) days from receipt.").paymentDueDays == 45)
        // The verb right after a time is that time's, whatever came before (a lawyer's pass: the 4 hours
        // of `1小时响应，4小时解决` were read as a response, by the 响应 before them).
        let after = terms("第四条 技术支持\n一级故障：1小时响应，4小时解决。\nP2: 2 hours response, 1 business day resolution.")
        #expect(after.slaResponses.map(\.minutes) == [60, 240, 120, 1440])
        #expect(after.slaResponses.map(\.kind) == [.response, .resolution, .response, .resolution])
        // The hour a penalty counts by is no deadline: `每超出解决时限一小时` was read as a fourth support
        // time (`恢复 1 小时`), and "5% of the monthly fee for each full hour" as 5% a month (user pass).
        let zhPenalty = terms("第五条 服务水平\n发生一级故障时，乙方应在半小时内响应，八小时内恢复。每超出解决时限一小时，乙方按当月服务费的 1% 向甲方支付违约金。")
        #expect(zhPenalty.slaResponses.map(\.minutes) == [30, 480])
        #expect(zhPenalty.penaltyRates.map(\.per) == ["hour"])
        // Each time is quoted with the severity it is for (`八小时内恢复` alone lost 一级: user pass), and
        // a time of day's colon is no label (`工作日9` was read as one, the quote began at `00-18:00`).
        let levels = terms("第五条 服务水平\n发生一级故障时，乙方应在半小时内响应，八小时内恢复；发生二级故障时，乙方应在两小时内响应。")
        #expect(
            levels.slaResponses.map(\.text) == [
                "发生一级故障时，乙方应在半小时内响应", "发生一级故障时，乙方应在半小时内响应，八小时内恢复", "发生二级故障时，乙方应在两小时内响应",
            ])
        #expect(
            terms("第五条 服务\n乙方提供工作日9:00-18:00在线客服支持，一般问题于8小时内响应。").slaResponses.map(\.text) == [
                "乙方提供工作日9:00-18:00在线客服支持，一般问题于8小时内响应"
            ])
        // Minutes in Chinese numerals (`三十分钟` was read as a rate, 三十分之…), a date's day as no notice.
        #expect(terms("第五条 服务水平\n发生一级故障时，乙方应在三十分钟内响应，四小时内恢复。").slaResponses.map(\.minutes) == [30, 240])
        #expect(terms("本合同期限为十二个月，自 2027 年 5 月 20 日起算，期满前甲方未书面提出异议的，本合同自动续期。").noticeDays == nil)
        let credit = terms(
            "5. Service Levels\nProvider will respond within thirty (30) minutes. Customer receives a service credit of 5% of the monthly fee for each full hour of additional downtime."
        )
        #expect(credit.slaResponses.map(\.minutes) == [30])
        #expect(
            terms("Customer is entitled to a credit of 2% of the monthly fees for every hour of downtime beyond the resolution time.")
                .penaltyRates.map { "\($0.partsPerMillion)/\($0.per)" } == ["20000/hour"])
        #expect(credit.penaltyRates.map { "\($0.partsPerMillion)/\($0.per)" } == ["50000/hour"])
    }

    @Test("penalty rates in parts per million")
    func penalties() {
        let zh = terms("乙方每逾期一日，应按合同总价的万分之五支付违约金，违约金总额不超过合同总价的10%。")
        #expect(zh.penaltyRates.map(\.partsPerMillion) == [500])
        #expect(zh.penaltyRates.first?.per == "day")
        #expect(zh.penaltyRates.first?.decimal == "0.0005")
        #expect(terms("甲方逾期付款的，每日按应付金额的千分之一支付滞纳金。").penaltyRates.map(\.partsPerMillion) == [1000])
        let en = terms("Supplier shall pay liquidated damages of 0.05% of the contract price per day of delay.")
        #expect(en.penaltyRates.map(\.partsPerMillion) == [500])
        #expect(en.penaltyRates.first?.per == "day")
        #expect(
            terms("A one-time penalty of 5% of the fees applies.").penaltyRates.map { [$0.partsPerMillion] + [$0.per == "once" ? 1 : 0] }
                == [[50_000, 1]])
        #expect(PenaltyRate(partsPerMillion: 50, per: "day", line: 1, text: "").decimal == "0.00005")
        // Interest as a charge is a rate; an ownership interest is not.
        let late = terms("Overdue amounts bear interest at 1.5% per month until paid.")
        #expect(late.penaltyRates.map { "\($0.partsPerMillion)/\($0.per)" } == ["15000/month"])
        #expect(terms("Unpaid fees accrue interest of 0.05% per day.").penaltyRates.map(\.partsPerMillion) == [500])
        #expect(
            terms("Control means owning more than fifty percent (50%) of the voting stock or other ownership interest.").penaltyRates
                .isEmpty)
    }

    @Test("liability cap sentence")
    func cap() {
        let t = terms("第八条 责任限制\n乙方的累计赔偿责任不超过合同总价。双方另有约定的除外。")
        #expect(t.liabilityCap == "乙方的累计赔偿责任不超过合同总价。双方另有约定的除外。")
    }

    @Test("the fixtures' key terms")
    func fixtures() throws {
        let zh = ContractScanner.scan(try contractFixture("zh-erp-fair.md")).keyTerms
        #expect(zh.termMonths == 36)
        #expect(zh.paymentDueDays == 30)  // the invoice clause: 发票后三十日内
        #expect(zh.governingLaw == "中华人民共和国法律")
        #expect(zh.disputeForum == "上海国际仲裁中心")
        #expect(zh.penaltyRates.map(\.partsPerMillion) == [500, 300])
        let en = ContractScanner.scan(try contractFixture("en-saas-problematic.txt")).keyTerms
        #expect(en.termMonths == 12 && en.renewalMonths == 12 && en.noticeDays == 90 && en.paymentDueDays == 15)
        #expect(en.governingLaw == "laws of the State of Delaware")
    }

    /// A lawyer's pass (session 19): the renewal period was read as the notice, words before
    /// bracketed digits won over them, and a cure period counted as the notice to end.
    @Test("the notice to end: not the renewal period, not a cure period, and the digits in brackets")
    func noticeIsTheNoticeToEnd() {
        func terms(_ text: String) -> ContractKeyTerms { ContractScanner.scan(text).keyTerms }
        func days(_ s: String) -> [Int] { QuantityScanner.scan(ContractText.lowerASCII(ContractText.normalize(s))).compactMap(\.days) }
        #expect(days("at least one hundred and eighty (180) days before expiry") == [180])
        #expect(days("one hundred and eighty days") == [180])
        #expect(days("eighty (180) days") == [180])
        #expect(days("thirty (30) days") == [30])
        let en = terms(
            "9.1 This Agreement renews automatically for twelve (12) months unless notice of non-renewal is given ninety (90) days before expiry."
        )
        #expect(en.noticeDays == 90 && en.renewalMonths == 12)
        #expect(terms("9.1 本合同期满自动续期十二个月，除非任何一方在期满前九十日书面通知不续约。").noticeDays == 90)
        let zh = terms("9.1 本合同有效期为二十四（24）个月，期满前九十（90）日内任何一方未书面通知不续约的，自动续期十二（12）个月。")
        #expect(zh.noticeDays == 90 && zh.termMonths == 24 && zh.renewalMonths == 12)
        #expect(terms("本合同期限为一年，期满前任何一方均未书面通知对方终止的，合同自动延续一年。").termMonths == 12)
        // Months of notice still count: 提前三个月 is 90 days.
        #expect(terms("第九条 期限与终止\n9.2 甲方如需终止合作，应提前三个月书面通知乙方。").noticeDays == 90)
        // A cure period is not the notice to end, nor a long notice to cancel.
        let cure = ContractScanner.scan(
            """
            第十四条 合同解除
            14.1 任何一方严重违约，经守约方书面催告后十五日内仍未纠正的，守约方有权书面通知解除本合同。
            9.1 Either party may terminate this Agreement by giving sixty (60) days' written notice if the other party commits a material breach and fails to cure it within that period.
            """)
        #expect(cure.keyTerms.noticeDays == nil)
        #expect(cure.redFlags.filter { $0.kind == .long_notice_to_cancel } == [])
        // The vendor's notice of a price rise is not the buyer's notice to cancel.
        let rise = ContractScanner.scan(
            "4.2 For each renewal term Provider may increase the fees by giving at least sixty (60) days' written notice before the renewal date."
        )
        #expect(rise.redFlags.filter { $0.kind == .long_notice_to_cancel } == [])
    }

    /// The lawyer's maintenance contract: 半小时 was no time at all, 工作小时 no unit, a threshold read as
    /// a penalty rate, and `每超出解决时限一小时` not per hour.
    @Test("half an hour, working hours, thresholds that are no rate, a rate per hour of overrun")
    func supportTimesAndRates() {
        let k = ContractScanner.scan(
            """
            第五条 服务级别
            5.2 一级故障：乙方应在半小时内响应，四小时内恢复。
            5.3 二级故障：四个工作小时内响应。
            5.4 Severity 1: the Supplier shall respond within half an hour.
            第六条 违约责任
            6.1 P1 故障每超出解决时限一小时，扣减当季度服务费的 1%。
            6.2 月度可用率低于 99.8% 的，扣减当季度服务费的 2%。
            6.3 If availability is below 99.0% in any month, Customer may terminate and a penalty of 5% of the fees applies.
            """
        ).keyTerms
        #expect(
            k.slaResponses.map { "\($0.kind.rawValue) \($0.minutes) \($0.line)" } == [
                "response 30 2", "resolution 240 2", "response 240 3", "response 30 4",
            ])
        #expect(k.penaltyRates.map { "\($0.partsPerMillion)/\($0.per) \($0.line)" } == ["10000/hour 6", "20000/once 7", "50000/once 8"])
    }

    @Test("a data-loss exclusion taken back (`不属于间接损失`) is no red flag; the exclusion alone is")
    func dataLossCarveOut() {
        func flagged(_ text: String) -> Bool { ContractScanner.scan(text).redFlags.contains { $0.kind == .liability_excludes_data_loss } }
        #expect(!flagged("9.3 任何一方均不对对方的间接损失、预期利润损失承担责任，但因乙方原因导致甲方数据丢失的恢复费用不属于间接损失。"))
        #expect(flagged("9.3 任何一方均不对对方的间接损失、数据丢失承担责任。"))
    }

    @Test("the liability cap is the sentence that caps, not one that lifts a cap (`不设上限`)")
    func liabilityCapIsTheCap() {
        let k = ContractScanner.scan(
            """
            第九条 赔偿
            9.1 因甲方使用平台引起的任何第三方索赔，均由甲方负责解决并赔偿乙方全部损失，赔偿金额不设上限。
            第十条 责任限制
            10.1 乙方在本协议项下承担的全部责任，以人民币壹仟元或甲方最近一个月实际支付的服务费两者中较低者为限。
            """
        ).keyTerms
        #expect(k.liabilityCap == "10.1 乙方在本协议项下承担的全部责任，以人民币壹仟元或甲方最近一个月实际支付的服务费两者中较低者为限。")
    }
}
