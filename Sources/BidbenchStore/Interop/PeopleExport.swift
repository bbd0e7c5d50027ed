import BidbenchCore

/// The export for people (`bidbench export KIND --for people`, `:export KIND` in the TUI): the same
/// rows as the machine form, but with headers in the language asked for (the Chinese ones are the
/// importer's first synonym), names instead of ids (departments, vendors, criteria), and
/// priorities, statuses, categories and clause kinds as words. It opens in Excel or WPS (UTF-8 with
/// a BOM) and is meant to be read and forwarded; it imports back too (`machineValues` reads its words),
/// while the machine form (the default) is the one to script with.
public enum PeopleExport {
    /// The table as CSV for people; `department` (an id or a name) keeps only that department's rows.
    public static func csv(_ kind: TableKind, from ws: Workspace, language: ReportLanguage, department: String? = nil) -> String {
        let t = table(kind, from: ws, language: language, department: department)
        let rows = [t.header] + t.rows.map { row in zip(t.columns, row).map { Exporter.guardCell($1, column: $0) } }
        return "\u{FEFF}" + CSV.write(rows)
    }

    /// Header (in `language`), the machine column names, and the rows with readable values.
    public static func table(_ kind: TableKind, from ws: Workspace, language l: ReportLanguage, department: String? = nil)
        -> (header: [String], columns: [String], rows: [[String]])
    {
        let machine = Exporter.table(kind, from: ws)
        let columns = machine.header
        let synonyms = kind.headerSynonyms
        let header = columns.map { c in l == .zh ? synonyms[c]?.first ?? c : englishHeader(c) }
        var rows = machine.rows
        if let department, let i = columns.firstIndex(of: "department") {
            let id = ws.departments.first { $0.id == department || $0.name == department }?.id ?? department
            rows = rows.filter { $0[i] == id }
        }
        rows = rows.map { row in zip(columns, row).map { readable(kind, column: $0, value: $1, ws: ws, l) } }
        // Once acceptance tests are recorded, people also read whether each requirement has been
        // accepted (screen 1's column); the importer ignores the column and names it.
        if kind == .requirements, !ws.delivery.acceptance.isEmpty, let id = columns.firstIndex(of: "id") {
            let tests = ws.delivery.acceptance
            rows = rows.map { row in
                let w = AcceptanceRules.status(of: row[id], tests: tests).words
                return row + [l.pick(w.en, w.zh)]
            }
            return (header + [l.pick("Accepted", "验收结果")], columns + ["accepted"], rows)
        }
        return (header, columns, rows)
    }

    /// `unit_price` → `Unit price`.
    static func englishHeader(_ column: String) -> String {
        let words = column.replacing("_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// For a column an export for people writes as words: each word (lower-cased, in English and in
    /// Chinese) and the machine value it stands for (`履行中` → `active`, `r01 多币种凭证自动折算` →
    /// `R01`, `定制开发` → `customization`); nil for a column written as it is. The importer reads an
    /// exported file's words back through it, built once per import (it refused its own exporter's
    /// words: user test pass).
    static func machineValues(_ kind: TableKind, column: String, ws: Workspace) -> [String: String]? {
        let candidates: [String]
        switch (kind, column) {
        // References, as `readable` writes them, in one pass (not a search per row).
        case (.gates, "requirement"):
            return Dictionary(ws.requirements.map { ("\($0.id) \($0.title)".lowercased(), $0.id) }, uniquingKeysWith: { a, _ in a })
        case (.criteria, "parent"):
            return Dictionary(ws.criteria.map { ($0.name.lowercased(), $0.id) }, uniquingKeysWith: { a, _ in a })
        case (_, "priority"): candidates = Priority.allCases.map(\.rawValue)
        case (.requirements, "status"): candidates = RequirementStatus.allCases.map(\.rawValue)
        case (.reviews, "status"): candidates = ReviewStatus.allCases.map(\.rawValue)
        case (.tasks, "phase"): candidates = DeliveryPhase.standard.map(\.id)
        case (.tickets, "severity"), (.sla, "severity"): candidates = (1...4).map(String.init)
        case (.tasks, "status"), (.tests, "result"), (.training, "level"), (.training, "mode"), (.handover, "status"):
            candidates = ReportLabels.deliveryWords[deliveryTable(kind, column)!]!.keys.sorted()
        case (_, "status"): candidates = ReportLabels.statusWords.keys.sorted()
        case (_, "category"): candidates = CostCategory.allCases.map(\.rawValue)
        case (.prices, "model"): candidates = PricingModel.allCases.map(\.rawValue)
        case (.reviews, "clause"): candidates = ClauseKind.allCases.map(\.rawValue)
        case (.risks, "type"): candidates = RiskType.allCases.map(\.rawValue)
        case (.gates, "answer"): candidates = ["meets", "partly", "no"]
        case (.criteria, "kind"): candidates = ["benefit", "cost"]
        case (.criteria, "source"): candidates = ["panel", "price"]
        case (_, "sme"), (_, "auto_renew"): candidates = ["true", "false"]
        default: return nil
        }
        var out: [String: String] = [:]
        for c in candidates {
            for l in [ReportLanguage.en, .zh] {
                let word = readable(kind, column: column, value: c, ws: ws, l).lowercased()
                if out[word] == nil { out[word] = c }
            }
        }
        return out
    }

    /// Which of `ReportLabels.deliveryWords` a delivery table's column is written with.
    static func deliveryTable(_ kind: TableKind, _ column: String) -> String? {
        switch (kind, column) {
        case (.tasks, "status"): return "task_status"
        case (.tests, "result"): return "test_result"
        case (.training, "level"): return "training_level"
        case (.training, "mode"): return "training_mode"
        case (.handover, "status"): return "handover_status"
        default: return nil
        }
    }

    static func readable(_ kind: TableKind, column: String, value v: String, ws: Workspace, _ l: ReportLanguage) -> String {
        guard !v.isEmpty else { return v }
        func yesNo() -> String {
            guard let b = ["true": true, "false": false][v.lowercased()] else { return v }
            return b ? l.pick("yes", "是") : l.pick("no", "否")
        }
        switch (kind, column) {
        case (_, "department"): return ws.departments.first { $0.id == v }?.name ?? v
        case (_, "vendor"): return ws.vendors.first { $0.id == v }?.name ?? v
        case (_, "criterion"), (.criteria, "parent"): return ws.criteria.first { $0.id == v }?.name ?? v
        case (.gates, "requirement"): return ws.requirements.first { $0.id == v }.map { "\($0.id) \($0.title)" } ?? v
        case (_, "priority"): return Priority(parsing: v).map { ReportLabels.priority($0, l) } ?? v
        case (.requirements, "status"):
            let words: [String: (String, String)] = [
                "draft": ("draft", "草稿"), "confirmed": ("confirmed", "已确认"), "merged": ("merged", "已合并"), "dropped": ("dropped", "已放弃"),
            ]
            return words[v].map { l.pick($0.0, $0.1) } ?? v
        case (.reviews, "status"): return ReviewStatus(rawValue: v).map { ReportLabels.reviewStatus($0, l) } ?? v
        case (.tasks, "phase"): return DeliveryPhase(parsing: v).name(chinese: l == .zh)
        // `P1` as the screens, the dialogs and the handout name a severity (the export said `1`).
        case (.tickets, "severity"), (.sla, "severity"): return Int(v).map { "P\($0)" } ?? v
        case (.tasks, "status"), (.tests, "result"), (.training, "level"), (.training, "mode"), (.handover, "status"):
            // The delivery tables in words too (a Chinese export mixed `done` with `计划`: user test pass).
            return ReportLabels.delivery(deliveryTable(kind, column)!, v, l)
        case (_, "status"): return ReportLabels.status(v, l)
        case (_, "category"): return CostCategory(rawValue: v).map { ReportLabels.category($0, l) } ?? v
        case (.prices, "model"):
            let words: [String: (String, String)] = [
                "one_time": ("one-time", "一次性"), "annual": ("annual", "每年"), "per_user_annual": ("per user per year", "按用户每年"),
                "per_user_one_time": ("per user, once", "按用户一次性"), "percent_of_license": ("% of licence", "许可费比例"),
            ]
            return words[v].map { l.pick($0.0, $0.1) } ?? v
        case (.reviews, "clause"): return ClauseKind(rawValue: v).map { ReportLabels.clause($0, l) } ?? v
        case (.risks, "type"): return RiskType(rawValue: v).map { ReportLabels.riskType($0, l) } ?? v
        case (.gates, "answer"):
            let words: [String: (String, String)] = ["meets": ("meets", "满足"), "partly": ("partly", "部分满足"), "no": ("no", "不满足")]
            return words[v].map { l.pick($0.0, $0.1) } ?? v
        case (.criteria, "kind"): return v == "cost" ? l.pick("cost (lower is better)", "成本型") : l.pick("benefit", "效益型")
        case (.criteria, "source"): return v == "price" ? l.pick("price", "价格") : l.pick("panel", "评分")
        case (_, "sme"), (_, "auto_renew"): return yesNo()
        default: return v
        }
    }
}
