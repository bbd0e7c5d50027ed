import Foundation
import Testing

@testable import BidbenchCore

/// The same vendor terms in Chinese and in English must give the same review: the demo workspaces hold
/// each contract in both languages, line for line.
@Suite("Contract review: Chinese and English alike")
struct ContractLanguageParityTests {
    static func demoContract(_ workspace: String, _ prefix: String) throws -> String {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/\(workspace)/contracts")
        let name = try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(prefix) }
        return try String(contentsOf: dir.appendingPathComponent(try #require(name)), encoding: .utf8)
    }

    /// What a review says, without the wording: flags by kind and line, safeguards by status and line,
    /// the clauses found, the forum's type and the penalty periods.
    static func summary(_ scan: ContractScan) -> [String] {
        scan.redFlags.map { "flag \($0.kind.rawValue) \($0.clause?.rawValue ?? "") \($0.lines)" }
            + scan.dataSecurity.items.map { "security \($0.check.rawValue) \($0.status.rawValue) \($0.line.map(String.init) ?? "-")" }
            + ["vague \(scan.dataSecurity.vague.map(\.line))"]
            + ["clauses \(scan.clauses.filter(\.present).map(\.kind.rawValue))"]
            + ["forum \(scan.keyTerms.disputeForumType ?? "-")"]
            + scan.keyTerms.penaltyRates.map { "rate \($0.partsPerMillion)/\($0.per) line \($0.line)" }
    }

    @Test("the demo contracts C1 and C2 give the same flags, safeguards, clauses and key terms in both languages", arguments: ["C1", "C2"])
    func demoPair(_ contract: String) throws {
        let zh = ContractScanner.scan(try Self.demoContract("demo", contract))
        let en = ContractScanner.scan(try Self.demoContract("demo-en", contract))
        let a = Self.summary(zh)
        let b = Self.summary(en)
        #expect(a.filter { !b.contains($0) } == [], "only in Chinese")
        #expect(b.filter { !a.contains($0) } == [], "only in English")
    }

    @Test("the forum named in English as in Chinese")
    func forum() throws {
        let c1 = ContractScanner.scan(try Self.demoContract("demo-en", "C1"))
        #expect(c1.keyTerms.disputeForum == "Shanghai International Arbitration Center")
        let c2 = ContractScanner.scan(try Self.demoContract("demo-en", "C2"))
        #expect(c2.keyTerms.disputeForum == "competent people's court at the place where the Provider is domiciled")
        #expect(c2.keyTerms.disputeForumType == "court")
    }

    /// Each phrasing the other language already had, with a sentence that must not raise it.
    static let redFlags: [(RedFlagKind, String, String)] = [
        (
            .no_refund, "If the Customer terminates early, fees already paid are not refunded.",
            "Fees paid for the unused period are refunded within 30 days."
        ),
        (
            .unilateral_price_change, "Fees for a renewed period are those then published by the Provider.",
            "The fees for a renewed period are those in the price list published by the Provider in Annex 2."
        ),
        (
            .unilateral_price_change, "Renewal fees will be notified separately by the Supplier.",
            "The Supplier notifies the Customer separately of each invoice."
        ),
        (
            .scope_vague_or_vendor_decides, "The functions are those of the standard edition as published on the Provider's website.",
            "The functions are those described in Annex 1 (Requirements Specification)."
        ),
        (
            .payment_terms_harsh, "If the Buyer pays late, the Buyer pays 0.05% of the overdue amount for each day of delay.",
            "If the Buyer pays late, the Buyer pays interest of 0.05% of the overdue amount for each month of delay."
        ),
        (
            .payment_terms_harsh, "For each day of late payment, the Customer pays the Provider a penalty of 0.1% of the overdue amount.",
            "For late payment, the Customer pays the Provider a one-off penalty of 0.1% of the overdue amount."
        ),
        (.termination_asymmetry, "甲方违反本协议约定的，乙方有权立即终止本协议。", "乙方违反本协议约定的，甲方有权立即终止本协议。"),
    ]

    @Test("a red flag is raised in the wording of either language, and not by its near miss", arguments: redFlags.indices)
    func redFlag(_ i: Int) {
        let (kind, hit, miss) = Self.redFlags[i]
        #expect(ContractScanner.scan(hit).flags(kind).count == 1, "\(hit)")
        #expect(ContractScanner.scan(miss).flags(kind).isEmpty, "\(miss)")
    }

    static let safeguards: [(DataSecurityCheck, String, String)] = [
        (
            .breach_notification, "The Supplier notifies the Buyer of any data security incident within 24 hours.",
            "The Supplier notifies the Buyer of planned maintenance within 24 hours."
        ),
        (.audit_logs, "乙方仅可在甲方授权范围内访问系统，访问操作应留存日志不少于180日。", "乙方保留对系统进行升级的权利。"),
        (.backup_recovery, "因乙方原因造成甲方数据丢失的，乙方应负责恢复数据。", "服务中断后乙方应在4小时内恢复服务并提交数据分析报告。"),
        (.backup_recovery, "乙方应在24小时内恢复丢失的数据。", "乙方应在24小时内恢复服务。"),
        // The buyer's own backups are no safeguard of the vendor's (a lawyer's pass).
        (.backup_recovery, "乙方每日备份甲方业务数据，备份保留30日。", "甲方应自行负责业务数据的日常备份，并妥善保管备份介质。"),
        (
            .backup_recovery, "Provider backs up Customer Data daily and keeps each backup for 30 days.",
            "Customer is responsible for daily backups of its own data."
        ),
    ]

    @Test("a safeguard is committed to in the wording of either language, and not by its near miss", arguments: safeguards.indices)
    func safeguard(_ i: Int) {
        let (check, hit, miss) = Self.safeguards[i]
        #expect(ContractScanner.scan(hit).dataSecurity.item(check).status == .present, "\(hit)")
        #expect(ContractScanner.scan(miss).dataSecurity.item(check).status == .missing, "\(miss)")
    }

    @Test("vague security wording in English as in Chinese (行业通行的安全措施, 必要的…措施)")
    func vague() {
        for text in [
            "The Provider protects data on the platform with security measures common in the industry.",
            "The Supplier takes the technical and organisational measures needed to protect the Buyer's data.",
        ] {
            #expect(ContractScanner.scan(text).dataSecurity.vague.map(\.line) == [1], "\(text)")
        }
        let firm = "The Supplier encrypts the Buyer's data at rest with AES-256 and keeps access logs for 180 days."
        #expect(ContractScanner.scan(firm).dataSecurity.vague.isEmpty)
        #expect(ContractScanner.scan(firm).dataSecurity.item(.encryption_at_rest).status == .present)
    }

    @Test("a daily rate named away from the rate is read per day; a one-off stays once")
    func dailyRate() {
        let daily = ContractScanner.scan("For each day of late payment, the Customer pays a penalty of 0.1% of the overdue amount.")
        #expect(daily.keyTerms.penaltyRates.map(\.per) == ["day"])
        let once = ContractScanner.scan("For late payment, the Customer pays a one-off penalty of 0.1% of the overdue amount.")
        #expect(once.keyTerms.penaltyRates.map(\.per) == ["once"])
    }
}
