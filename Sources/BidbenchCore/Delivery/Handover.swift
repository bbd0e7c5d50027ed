/// One line of the exit checklist, standard or the workspace's own.
public struct HandoverLine: Equatable, Sendable {
    public var item: String
    public var status: HandoverStatus
    public var date: Day?
    public var note: String
    /// The item's name in English and Chinese (a custom item is its own text).
    public var name: String
    public var nameZH: String
}

/// The termination / handover checklist of the guide's §七: data returned and verified, accounts
/// closed, fees settled, confidentiality surviving.
public enum HandoverChecklist {
    /// Standard items: id, English, Chinese.
    public static let standard: [(id: String, en: String, zh: String)] = [
        ("data_export", "Data export received", "已收到数据导出"),
        ("data_verified", "Exported data verified", "导出数据已核验"),
        ("documents", "Documentation and configuration handed over", "文档与配置已移交"),
        ("accounts_closed", "Vendor accounts and access closed", "供应商账号与权限已关闭"),
        ("final_settlement", "Final settlement of fees", "费用已最终结清"),
        ("confidentiality", "Confidentiality obligations confirmed to survive", "保密义务确认继续有效"),
    ]

    /// The checklist of a contract: the standard items (open unless `handover.csv` says otherwise), then its own.
    public static func lines(contract: String, items: [HandoverItem]) -> [HandoverLine] {
        let mine = items.filter { $0.contract == contract }
        var out = standard.map { s -> HandoverLine in
            let row = mine.first { $0.item == s.id }
            return HandoverLine(
                item: s.id, status: row?.status ?? .open, date: row?.date, note: row?.note ?? "", name: s.en, nameZH: s.zh)
        }
        for r in mine where !standard.contains(where: { $0.id == r.item }) {
            out.append(HandoverLine(item: r.item, status: r.status, date: r.date, note: r.note, name: r.item, nameZH: r.item))
        }
        return out
    }
}
