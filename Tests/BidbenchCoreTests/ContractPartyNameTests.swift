import Testing

@testable import BidbenchCore

/// Contracts that call the vendor by its own name (`Northwind Systems Ltd. ("Northwind")`,
/// `（以下简称“云帆”）`) are read as those that call it the Vendor / 乙方 (the lawyer's pass: such a
/// contract lost most of its vendor-side red flags), and the quotes stay the contract's words.
@Suite struct ContractPartyNameTests {
    func names(_ text: String) -> [String: String] {
        let found = PartyNames.find(text.components(separatedBy: "\n"))
        return Dictionary(
            found.names.map { (String(decoding: $0.name, as: UTF8.self), String(decoding: $0.role, as: UTF8.self)) },
            uniquingKeysWith: { a, _ in a })
    }

    @Test func theOpeningSaysWhichNameIsWhichParty() {
        // Named vendor, buyer by role word: the name takes the role left.
        #expect(
            names(
                """
                This Agreement (the "Agreement") is made between Northwind Systems Ltd., a company incorporated in England ("Northwind"), and
                Suzhou Tianhe Medical Devices Co., Ltd., a company organised in China ("Customer").
                """) == ["northwind": "vendor"])
        // Both named, each role given before its bracket; the bracket that closed the first party
        // does not lend its role to the second.
        #expect(
            names(
                """
                服务提供方：南京栖霞云帆网络科技有限公司（以下简称“云帆”）
                客户：苏州吴中精工电子有限公司（以下简称“精工电子”），住所地江苏省苏州市
                """) == ["云帆": "乙方", "精工电子": "甲方"])
        #expect(
            names("Between Tidewater Ports Authority Ltd (\"Tidewater\", the \"Customer\") and Kestrel Code Ltd (\"Kestrel\").")
                == ["tidewater": "customer", "kestrel": "vendor"])
        // A label with its own bracket (`乙方（供应商）：`), the usual Chinese opening: the bracket is the
        // label's, not a party's that closed before (6 of 19 flags were lost: user pass). A party line
        // without a label under the other party's takes the role left, not that line's.
        #expect(names("甲方：华南远通物流股份有限公司\n乙方（供应商）：北京星河云图软件有限公司（以下简称“星河”）") == ["星河": "乙方"])
        #expect(names("甲方：华南远通物流股份有限公司\n北京星河云图软件有限公司（以下简称“星河”）") == ["星河": "乙方"])
        // The label in Markdown bold (a lawyer's pass: 慧算云 lost its role and five flags).
        #expect(names("**甲方（客户）**：苏州某某精密有限公司\n**乙方（服务商）**：成都慧算云科技有限公司（以下简称“慧算云”）") == ["慧算云": "乙方"])
        #expect(
            Set(ContractScanner.scan("**乙方（服务商）**：成都慧算云科技有限公司（以下简称“慧算云”）\n第三条 价格\n3.1 慧算云有权根据市场情况单方调整价格。\n").redFlags.map(\.kind))
                .contains(.unilateral_price_change))
        // A label line above the party; the role in the bracket itself.
        #expect(names("Supplier:\nHarbourline Software Pte. Ltd. (\"Harbourline\")") == ["harbourline": "vendor"])
        #expect(names("ACME Corp. (\"ACME\" or the \"Licensee\")\nBeta Ltd (\"Beta\")") == ["acme": "customer", "beta": "vendor"])
        // Roles written as roles, and defined terms, change nothing.
        #expect(names("Between Tidewater Ports Authority (\"Customer\") and Kestrel Code Ltd (\"Developer\").").isEmpty)
        #expect(names("This Services Agreement (\"Agreement\") between Alpha Ltd and Beta Ltd covers the Services (\"Services\").").isEmpty)
        #expect(names("甲方：华东精密机械有限公司（以下简称“甲方”）\n乙方：云帆软件有限公司（以下简称“乙方”）").isEmpty)
    }

    /// A lawyer's pass: a Singapore vendor called by its own name (`("Brightwave")`) against a PRC
    /// customer: its Singapore law and SIAC were not flagged (the vendor's description was read as the
    /// buyer's too, and its legal form placed no vendor).
    @Test func aNamedForeignVendorsLawAndForumAreFlagged() {
        let text = [
            "This Order Form is entered into between Brightwave Analytics Pte. Ltd., a company incorporated in Singapore (\"Brightwave\"), and Shenzhen Lumen Electronics Co., Ltd., a company organised under the laws of the People's Republic of China (\"Customer\").",
            "12. GOVERNING LAW AND DISPUTES", "12.1 This Order Form is governed by the laws of Singapore.",
            "12.2 Any dispute shall be finally resolved by arbitration administered by the Singapore International Arbitration Centre in Singapore.",
        ].joined(separator: "\n")
        #expect(ContractScanner.scan(text).flags(.vendor_forum_or_law).map(\.lines) == [[3], [4]])
        // Both parties in Singapore: their own law, no flag.
        let both = text.replacingOccurrences(
            of: "Shenzhen Lumen Electronics Co., Ltd., a company organised under the laws of the People's Republic of China",
            with: "Lumen Pte. Ltd., a company incorporated in Singapore")
        #expect(ContractScanner.scan(both).flags(.vendor_forum_or_law).isEmpty)
    }

    @Test func aNameIsReplacedOnlyAsAWholeWord() {
        var p = PartyNames()
        p.names = [PartyNames.Name(name: Array("north".utf8), role: Array("vendor".utf8))]
        #expect(
            String(decoding: p.apply(Array("north may suspend; northern region; north's fees".utf8)), as: UTF8.self)
                == "vendor may suspend; northern region; vendor's fees")
        // At both ends, back to back, after a near miss, and a Chinese name inside words.
        #expect(
            String(decoding: p.apply(Array("north,north.nortx north".utf8)), as: UTF8.self) == "vendor,vendor.nortx vendor")
        p.names = [PartyNames.Name(name: Array("云帆".utf8), role: Array("乙方".utf8))]
        #expect(String(decoding: p.apply(Array("云帆云帆应在云帆软件".utf8)), as: UTF8.self) == "乙方乙方应在乙方软件")
        #expect(String(decoding: p.apply(Array("云".utf8)), as: UTF8.self) == "云")
    }

    @Test func aNamedVendorIsFlaggedAsTheVendorIsAndQuotedAsWritten() {
        let opening = """
            SUBSCRIPTION AGREEMENT
            This Agreement is made between Northwind Systems Ltd., a company incorporated in England ("Northwind"), and
            Suzhou Tianhe Medical Devices Co., Ltd. ("Customer").
            """
        let body = """
            1. Fees
            1.1 Northwind may increase the fees at any time by giving Customer thirty (30) days' written notice.
            2. Term
            2.1 Northwind may terminate this Agreement for convenience on sixty (60) days' notice. Customer may terminate only for Northwind's uncured material breach.
            2.2 Northwind may suspend the Services immediately and without notice.
            """
        let named = ContractScanner.scan(opening + "\n" + body)
        let asVendor = ContractScanner.scan(opening + "\n" + body.replacingOccurrences(of: "Northwind", with: "Vendor"))
        let kinds = Set(named.redFlags.map(\.kind))
        #expect(kinds == Set(asVendor.redFlags.map(\.kind)))
        #expect(kinds.isSuperset(of: [.unilateral_price_change, .termination_asymmetry]))
        // The quote is the contract's own sentence.
        #expect(named.flags(.unilateral_price_change).first?.text.hasPrefix("Northwind may increase the fees") == true)
    }
}

/// Wordings the lawyer's pass found misread (flags missed or raised wrongly), each a sentence of
/// its own under a heading.
@Suite struct ContractLawyerWordingTests {
    func kinds(_ sentence: String) -> Set<RedFlagKind> {
        Set(ContractScanner.scan("1. Terms\n" + sentence + "\n").redFlags.map(\.kind)).subtracting([.missing_clause])
    }

    @Test func missedFlagsAreRaised() {
        #expect(
            kinds(
                "Thereafter it renews automatically for successive twelve (12) month periods unless Customer notifies Vendor in writing of non-renewal at least one hundred and twenty (120) days before the end of the term."
            ).contains(.long_notice_to_cancel))
        #expect(
            kinds(
                "Upon expiry or termination, Vendor will delete all Customer Data within ten (10) days and has no obligation to provide any export."
            )
            .contains(.data_deletion_or_no_return))
        #expect(
            kinds("All custom developments made by Vendor for Customer shall remain the exclusive property of Vendor.").contains(
                .ip_vendor_owns_customisations))
        #expect(
            kinds("Any configuration or integration developed by Vendor for Customer shall be owned by Vendor.").contains(
                .ip_vendor_owns_customisations))
        // Still flagged: all of it up front, and acceptance deemed.
        #expect(kinds("The Customer shall pay 100% of the fees on signing.").contains(.payment_terms_harsh))
        #expect(kinds("甲方验收前不签署验收报告的，视为验收合格。").contains(.payment_terms_harsh))
    }

    @Test func protectionsAndModestDownPaymentsAreNotFlagged() {
        #expect(
            !kinds(
                "The total price is USD 240,000, payable 20% on signing, 50% on written acceptance and 30% at the end of the warranty period."
            ).contains(.payment_terms_harsh))
        #expect(!kinds("4.4 甲方未签署书面验收报告的，不因上线使用、付款或时间经过而视为验收合格。").contains(.payment_terms_harsh))
        #expect(!kinds("未经甲方书面确认，不视为验收合格。").contains(.payment_terms_harsh))
        // Paid in full, but only once accepted; a vendor judging when to suspend decides no scope.
        #expect(!kinds("合同签订后，甲方于终验合格后十日内全额支付合同价款。").contains(.payment_terms_harsh))
        #expect(!kinds("乙方有权在系统维护、升级或乙方认为必要时暂停服务，无需事先通知甲方。").contains(.scope_vague_or_vendor_decides))
        // A renewal notice before the end of the then-current term is no price.
        #expect(
            !kinds(
                "Thereafter this Agreement renews for successive 12-month periods unless a party gives written notice of non-renewal at least 30 days before the end of the then-current term."
            ).contains(.unilateral_price_change))
    }

    @Test func thirdRoundOfMissedWordings() {
        // A government contract's 采购人/供应商 labels: the buyer-side rules read them as 甲方/乙方.
        let labels = "采购人（甲方）：广州穗安集团有限公司\n供应商（乙方）：深圳启明星软件股份有限公司\n"
        func labelled(_ sentence: String) -> Set<RedFlagKind> {
            Set(ContractScanner.scan(labels + "1. 条款\n" + sentence + "\n").redFlags.map(\.kind)).subtracting([.missing_clause])
        }
        #expect(labelled("15.1 采购人不得提前解除本合同。").contains(.termination_asymmetry))
        #expect(labelled("16.2 因云服务商或第三方组件故障造成的损失，由采购人自行承担。").contains(.third_party_risk_disclaimed))
        #expect(labelled("10.1 采购人应对供应商提供的技术资料、报价及实施方法严格保密。").contains(.confidentiality_one_sided))
        #expect(PartyNames.labelRoleWord("采购人(甲方):广州穗安集团有限公司")! == ("采购人", .buyer))
        #expect(PartyNames.labelRoleWord("供应商:深圳启明星软件股份有限公司")! == ("供应商", .vendor))
        #expect(PartyNames.labelRoleWord("供应商应于五日内交付。") == nil)
        #expect(PartyNames.labelRoleWord("中标供应商(乙方):某某公司")! == ("中标供应商", .vendor))
        #expect(PartyNames.labelRoleWord("客户:某某公司") == nil)
        #expect(kinds("4.2 甲方应于合同签订后十个工作日内一次性支付合同总价款的100%。").contains(.payment_terms_harsh))
        #expect(kinds("3.2 开发范围以乙方最终确定的《需求规格说明书》为准。").contains(.scope_vague_or_vendor_decides))
        #expect(
            kinds("4.4 Vendor may engage new Subprocessors at any time without prior notice to Customer.").contains(
                .assignment_without_consent))
        #expect(
            kinds(
                "B.1 Vendor may transfer Customer personal data to sub-processors located outside the People's Republic of China without the Customer's consent."
            ).contains(.assignment_without_consent))
        #expect(
            !kinds("Vendor shall not engage any new Subprocessor without Customer's prior written consent.").contains(
                .assignment_without_consent))
    }

    @Test func theServiceAsIsIsADisclaimerWhateverCarveOutOpensIt() {
        #expect(
            kinds("6.1 Except as expressly provided in this Agreement, the Services are provided \"as is\".").contains(.warranty_disclaimed)
        )
        #expect(kinds("16.1 除本合同另有约定外，乙方提供的软件按现状提供。").contains(.warranty_disclaimed))
        // Disclaiming what is not promised expressly leaves the express warranty standing.
        #expect(
            !kinds("Except as expressly set out in this Agreement, each party disclaims all warranties, whether express or implied.")
                .contains(.warranty_disclaimed))
        #expect(!kinds("6.2 除前款外，乙方不作任何明示或默示的保证。").contains(.warranty_disclaimed))
    }

    @Test func aCourtNamedWithABracketKeepsWhoseSeatItIs() {
        #expect(
            KeyTermExtractor.disputeForum("因本协议发生的争议,提交乙方所在地(杭州市西湖区)人民法院诉讼解决。")! == ("乙方所在地(杭州市西湖区)人民法院", "court"))
        #expect(KeyTermExtractor.disputeForum("争议由甲方所在地人民法院管辖。")! == ("甲方所在地人民法院", "court"))
    }

    @Test func aNoticeInMonthsBeforeTheEndIsANotice() {
        let scan = ContractScanner.scan("4. 续约\n甲方如不续约，应于服务期届满前三个月书面通知乙方。\n")
        #expect(scan.keyTerms.noticeDays == 90)
        // A number of months that is the renewal's length stays no notice.
        #expect(ContractScanner.scan("4. 续约\n本合同期满后自动续期十二个月。\n").keyTerms.noticeDays == nil)
    }

    @Test func secondRoundOfMissedWordings() {
        // 不通知 is "without notice", not a negation of the suspension.
        #expect(kinds("4.1 乙方有权在不通知甲方的情况下暂停或限制甲方的账号。").contains(.vendor_may_suspend))
        #expect(!kinds("4.1 乙方不得在不通知甲方的情况下暂停甲方的账号。").contains(.vendor_may_suspend))
        // Custom development paid in full within days of signing.
        #expect(kinds("定制开发费为人民币壹拾捌万伍仟元整（¥185,000.00），于合同签订后五日内一次性全额支付。").contains(.payment_terms_harsh))
        // The renewal term at the vendor's list price.
        #expect(
            kinds("2.3 Fees for any renewal term shall be the Supplier's list price in effect at the time of renewal.").contains(
                .unilateral_price_change))
        // The requirements the vendor confirms in the end are the scope.
        #expect(kinds("1.2 定制开发的具体需求以乙方最终确认的需求文档为准。").contains(.scope_vague_or_vendor_decides))
        // A long notice written as "renews … unless either party notifies".
        #expect(
            kinds(
                "This Agreement shall automatically renew for one (1) year unless either party notifies the other in writing at least ninety (90) days before expiry."
            ).contains(.long_notice_to_cancel))
        // `whether or not` negates nothing.
        #expect(
            kinds("All custom developments, whether or not paid for by Customer, shall be owned by the Supplier.").contains(
                .ip_vendor_owns_customisations))
    }
}

@Suite struct PageFurnitureTests {
    @Test func pageNumbersHeadersAndFeedsAreFound() {
        let lines = [
            "Harbourline ERP Cloud – Master Subscription Agreement   CONFIDENTIAL",  // 0: header of page 1
            "1. Services",
            "Harbourline may suspend the service at any time and without liability to",
            "",
            "Contract No. HL-031                     Page 1 of 3",  // 4: footer
            "\u{0C}",  // 5: the feed on a line of its own
            "Harbourline ERP Cloud – Master Subscription Agreement   CONFIDENTIAL",  // 6: the header again
            "",
            "Customer.",
            "7",  // 9: a bare page number, last line of its page
            "\u{0C}第 3 页 共 3 页",  // 10
            "In 7 days.",
        ]
        let found = PageFurniture.find(lines) ?? []
        #expect(found.indices.filter { found[$0] } == [0, 4, 5, 6, 9, 10])
        // Without a form feed only what says it is a page number; a bare number is text.
        #expect(PageFurniture.find(["Section 7", "7", "- 2 -", "Page 2 of 9"]) == [false, false, false, true])
        #expect(PageFurniture.find(["1. Services", "The vendor shall not suspend the service."]) == nil)
        // Two pages that open with a numbered heading: the contract's headings, not a running header.
        #expect(PageFurniture.find(["Article 5", "Fees.", "\u{0C}Article 9", "Term."]) == nil)
        // `p.` and `page` say so, any case; a `p` beside a digit does not (`Up to 3 people`).
        #expect(PageFurniture.find(["Fees.", "P. 4", "PAGE 5", "Up to 3 people"]) == [false, true, true, false])
    }

    /// A lawyer's pass: `pdftotext -layout` puts blank lines around a page's footer and header; the
    /// Chinese sentence cut there (`…服务费标` / blank / `第 1 页 共 3 页` / header / blank / `准，…`) was
    /// not joined (its first half read as a numbered heading) and the price-change flag was lost.
    @Test func aChineseSentenceCutByABlankedPageBreakIsJoined() {
        let text = [
            "第三条 服务费用", "3.2 甲方应于验收后三十日内支付。", "3.3 乙方有权根据人力成本变化单方调整运维服务费标", "",
            "                    第 1 页 共 3 页", "ERP 系统运维服务合同                  合同编号：HT-YW-2027-018", "",
            "准，调整后的价格自乙方书面通知送达甲方之日起执行。", "3.4 其他。", "", "                    第 2 页 共 3 页",
            "ERP 系统运维服务合同                  合同编号：HT-YW-2027-018", "", "第四条 其他", "4.1 本合同自签字之日起生效。",
        ].joined(separator: "\n")
        let flag = ContractScanner.scan(text).redFlags.first { $0.kind == .unilateral_price_change }
        #expect(flag?.lines == [3, 8])
        #expect(flag?.text == "乙方有权根据人力成本变化单方调整运维服务费标准，调整后的价格自乙方书面通知送达甲方之日起执行。")
    }

    @Test func readingEachDistinctLineOnceMarksTheSameLines() {
        // Three copies of a paginated text: its lines repeat, so only the distinct ones are looked at.
        let page = [
            "Harbourline Agreement   CONFIDENTIAL", "1. Services", "Harbourline may suspend the service", "",
            "Page 1 of 3", "\u{0C}", "Harbourline Agreement   CONFIDENTIAL", "7", "\u{0C}第 3 页 共 3 页", "In 7 days.",
        ]
        let lines = page + page + page
        let (raw, distinct) = ContractLineParser.lines(lines.joined(separator: "\n"))
        #expect(distinct.firsts.count == 9)
        let each = PageFurniture.find(raw)
        #expect(PageFurniture.find(raw, distinct: distinct) == each)
        #expect(each.map { m in m.indices.filter { m[$0] } } == [0, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 24, 25, 26, 27, 28])
    }

    /// A lawyer's pass: a page's footer of two lines (`- 1 -` above `Licensee initials … Page 1 of 3`) and
    /// its header of two (the vendor's name, then `CONFIDENTIAL  Contract No. …`) stood between the two
    /// halves of a renewal, whose 120 days' notice was lost; `then-` / `current` was quoted `thencurrent`.
    @Test func twoLineHeadersAndFootersAndACompoundBrokenAtItsHyphen() {
        func page(_ n: Int, _ body: [String]) -> [String] {
            [
                "Orbis Enterprise Software Ltd.          Master License and Support Agreement",
                "CONFIDENTIAL                                        Contract No. OES-2028-017", "",
            ] + body
                + ["", "                              - \(n) -", "Licensee initials: ____   Licensor initials: ____        Page \(n) of 3"]
        }
        let lines =
            page(
                1,
                [
                    "3.2 Support shall automatically renew for successive twelve (12) month",
                    "periods unless Licensee delivers written notice of non-renewal at",
                ])
            + ["\u{0C}"]
            + page(2, ["least one hundred twenty (120) days before the expiration of the then-", "current support term."])
            + ["\u{0C}"] + page(3, ["4. SUPPORT SERVICES", "4.1 Licensor shall respond within four (4) hours."])
        let found = PageFurniture.find(lines) ?? []
        #expect(found.indices.filter { found[$0] } == [0, 1, 6, 7, 8, 9, 10, 15, 16, 17, 18, 19, 24, 25])
        let scan = ContractScanner.scan(lines.joined(separator: "\n"))
        let notice = scan.flags(.long_notice_to_cancel).first
        #expect(notice?.lines == [4, 5, 13, 14])
        #expect(
            notice?.text
                == "Support shall automatically renew for successive twelve (12) month periods unless Licensee delivers written notice of non-renewal at least one hundred twenty (120) days before the expiration of the then-current support term."
        )
        #expect(ContractLineParser.compoundHyphen("the then-") && ContractLineParser.compoundHyphen("a third-"))
        #expect(!ContractLineParser.compoundHyphen("no lia-") && !ContractLineParser.compoundHyphen("the re-"))
    }

    /// A lawyer's pass: a PDF copied as text has no form feeds; its footers (the document's name padded
    /// to the margin, then the page number: over 80 bytes) end the pages. The cap's amount was replaced
    /// by the footer in the quote, and the running header counted as the confidentiality clause.
    @Test func withoutFormFeedsThePageNumbersEndThePages() {
        let header = "MASTER SOFTWARE UPGRADE AGREEMENT                                   CONFIDENTIAL"
        func footer(_ n: Int) -> String { "Vantage Medisoft Ltd – Master Software Upgrade Agreement            Page \(n) of 3" }
        let text = [
            header, "", "1. Services", "1.1 Contractor shall upgrade the Client's system.", "", footer(1), "", header, "",
            "12. Liability", "12.2 Contractor's total aggregate liability shall not exceed the Charges paid in the", "", footer(2), "",
            header, "", "three (3) months preceding the claim.", "12.3 Contractor shall have no lia-",
            "bility for loss or corruption of data.", "", footer(3),
        ].joined(separator: "\n")
        let found = PageFurniture.find(ContractLineParser.splitLines(text)) ?? []
        #expect(found.indices.filter { found[$0] } == [0, 5, 7, 12, 14, 20])
        let scan = ContractScanner.scan(text)
        let cap = scan.redFlags.first { $0.kind == .liability_cap_low_or_one_sided }
        #expect(
            cap?.text
                == "Contractor's total aggregate liability shall not exceed the Charges paid in the three (3) months preceding the claim.")
        #expect(cap?.lines == [11, 17])
        #expect(!scan.has(.confidentiality))
        // A word the line's end hyphenated is one word again, in the reading and the quote.
        #expect(
            scan.redFlags.first { $0.kind == .liability_excludes_data_loss }?.text
                == "Contractor shall have no liability for loss or corruption of data.")
        // One page number alone ends no page (`Page 2 of 9` under a heading).
        #expect(
            PageFurniture.find(["Section 7", "Vantage Medisoft Ltd – Master Software Upgrade Agreement            Page 2 of 9"]) == [
                false, true,
            ])
        #expect(
            ContractLineParser.hyphenated("then-cur-", "rent rates") && !ContractLineParser.hyphenated("third-", "Party")
                && !ContractLineParser.hyphenated("a -", "b"))
    }

    @Test func aSentenceCutByAPageBreakIsReadWhole() {
        let zh = "第四条 服务暂停\n4.1 乙方有权在其认为必要时，不经通知暂停\n\n                        第 2 页 共 5 页\n\u{0C}\nXX云平台服务合同（正式版）\n\n甲方的全部账号及服务。\n"
        let flag = ContractScanner.scan(zh).redFlags.first { $0.kind == .vendor_may_suspend }
        #expect(flag?.text == "乙方有权在其认为必要时，不经通知暂停甲方的全部账号及服务。")
        #expect(flag?.lines == [2, 8])
        let en = """
            Harbourline ERP Cloud - Master Subscription Agreement   CONFIDENTIAL
            4. Suspension
            4.2 Harbourline may suspend or restrict Customer's access to the
            service, in whole or in part, at any time and without liability to

            Contract No. HL-MSA-2027-031                                  Page 1 of 3
            \u{0C}Harbourline ERP Cloud - Master Subscription Agreement   CONFIDENTIAL

            Customer, where Harbourline considers it necessary.
            """
        let scan = ContractScanner.scan(en)
        let suspend = scan.redFlags.first { $0.kind == .vendor_may_suspend }
        #expect(suspend?.lines == [3, 4, 9])
        #expect(suspend?.text.hasSuffix("without liability to Customer, where Harbourline considers it necessary.") == true)
        // The running header is no clause.
        #expect(scan.clauses.first { $0.kind == .scope }?.line != 1)
    }
}
