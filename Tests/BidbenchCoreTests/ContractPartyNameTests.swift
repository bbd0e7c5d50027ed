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
        // A label line above the party; the role in the bracket itself.
        #expect(names("Supplier:\nHarbourline Software Pte. Ltd. (\"Harbourline\")") == ["harbourline": "vendor"])
        #expect(names("ACME Corp. (\"ACME\" or the \"Licensee\")\nBeta Ltd (\"Beta\")") == ["acme": "customer", "beta": "vendor"])
        // Roles written as roles, and defined terms, change nothing.
        #expect(names("Between Tidewater Ports Authority (\"Customer\") and Kestrel Code Ltd (\"Developer\").").isEmpty)
        #expect(names("This Services Agreement (\"Agreement\") between Alpha Ltd and Beta Ltd covers the Services (\"Services\").").isEmpty)
        #expect(names("甲方：华东精密机械有限公司（以下简称“甲方”）\n乙方：云帆软件有限公司（以下简称“乙方”）").isEmpty)
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
    }
}
