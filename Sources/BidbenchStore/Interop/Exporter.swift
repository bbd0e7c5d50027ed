import BidbenchCore

/// Output format of `bidbench export`.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json
}

/// Prints a workspace table for spreadsheets (CSV) or programs (JSON), with the workspace's column
/// names and rows in the workspace's order. Scores of every evaluator go in one table whose first
/// column is `evaluator`. Columns this version does not know are exported as text after the others.
///
/// **Formula injection (CSV only).** A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@`
/// as a formula (and tab or carriage return can hide such a start), so a vendor could plant
/// `=HYPERLINK(…)` or `=cmd|…` in a name that a lead later opens in Excel or WPS. Following OWASP's
/// "CSV Injection" advice, every such cell is written with a single quote in front (`'=1+1`,
/// `'@cmd`, `'\t=x`), which spreadsheets show as text, and then quoted as RFC 4180 requires.
/// One exemption keeps numbers usable: in numeric columns (weight, score, percent, amounts, counts,
/// years, likelihood/impact…) a cell that is a plain decimal (`-5`, `-1500.25`) is not touched — it
/// cannot run as a formula. A text cell is always guarded, even when it looks like a number.
/// The workspace's own files are never guarded. Importing an exported file removes the quote again
/// (`'=1+1` reads back as `=1+1`). No HTML escaping is done: `<script>` stays `<script>`.
///
/// **JSON**: an array of objects, one a line, keys in column order. Counts, weights, scores and
/// percentages are JSON numbers; money is an exact decimal number as the file holds it (`99.50`,
/// never a rounded binary float); `sme`/`auto_renew` are booleans; empty numbers, dates and booleans are `null`.
public enum Exporter {
    /// The characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The table in `format`; `bom` puts a UTF-8 BOM before CSV (Excel on Windows then reads Chinese right).
    public static func export(_ kind: TableKind, from workspace: Workspace, format: ExportFormat, bom: Bool = false) -> String {
        switch format {
        case .csv: return csv(kind, from: workspace, bom: bom)
        case .json: return json(kind, from: workspace)
        }
    }

    /// CSV with `\n` line ends, every cell guarded by `guardCell`.
    public static func csv(_ kind: TableKind, from workspace: Workspace, bom: Bool = false) -> String {
        let t = table(kind, from: workspace)
        let rows = [t.header.map { guardCell($0, column: "") }] + t.rows.map { row in zip(t.header, row).map { guardCell($1, column: $0) } }
        return (bom ? "\u{FEFF}" : "") + CSV.write(rows)
    }

    /// The cell as it must be written to a CSV meant for spreadsheets: with a `'` in front when it
    /// starts with `=`, `+`, `-`, `@`, tab or CR — unless `column` is numeric and the cell is a plain decimal.
    public static func guardCell(_ cell: String, column: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first) else { return cell }
        switch ColumnType.of(column) {
        case .int, .number, .money: if isPlainNumber(cell) { return cell }
        case .text, .bool, .day: break
        }
        return "'" + cell
    }

    /// A JSON array of objects, one object a line.
    public static func json(_ kind: TableKind, from workspace: Workspace) -> String {
        let t = table(kind, from: workspace)
        let objects = t.rows.map { row in JSONValue.object(zip(t.header, row).map { ($0, jsonValue($1, column: $0)) }) }
        return JSONValue.array(objects).text(JSONLayout(brokenDepth: 1, spaced: false)) + "\n"
    }

    static func jsonValue(_ cell: String, column: String) -> JSONValue {
        switch ColumnType.of(column) {
        case .int, .number, .money:
            if cell.isEmpty { return .null }
            return isPlainNumber(cell) ? .decimal(cell) : .string(cell)
        case .bool:
            if cell.isEmpty { return .null }
            return cell == "true" || cell == "false" ? .bool(cell == "true") : .string(cell)
        case .day:
            return cell.isEmpty ? .null : .string(cell)
        case .text:
            return .string(cell)
        }
    }

    /// `-12`, `0.35`, `1286000`: a decimal that is also a JSON number (no exponent, no leading zeros, no `+`).
    static func isPlainNumber(_ s: String) -> Bool {
        var u = Substring(s).utf8
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        let whole = u.prefix { $0 >= 48 && $0 <= 57 }
        guard !whole.isEmpty, whole.count == 1 || whole.first != 48 else { return false }
        let rest = u.dropFirst(whole.count)
        if rest.isEmpty { return true }
        guard rest.first == UInt8(ascii: ".") else { return false }
        let frac = rest.dropFirst()
        return !frac.isEmpty && frac.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// The header and rows of a table as the workspace file holds them (scores: all evaluators, `evaluator` first).
    public static func table(_ kind: TableKind, from w: Workspace) -> (header: [String], rows: [[String]]) {
        func rendered<Row>(_ spec: TableSpec<Row>, _ rows: [Row]) -> (header: [String], rows: [[String]]) {
            let f = spec.render(rows, layout: nil)
            return (f.header, f.rows.map(\.cells))
        }
        switch kind {
        case .requirements: return rendered(Schema.requirements, w.requirements)
        case .departments: return rendered(Schema.departments, w.departments)
        case .vendors: return rendered(Schema.vendors, w.vendors)
        case .criteria: return rendered(Schema.criteria, w.criteria)
        case .gates: return rendered(Schema.gates, w.gates)
        case .prices: return rendered(Schema.prices, w.prices)
        case .budget: return rendered(Schema.budget, w.budget)
        case .payments: return rendered(Schema.payments, w.payments)
        case .contracts: return rendered(Schema.contracts, w.contracts)
        case .reviews: return rendered(Schema.reviews, w.reviews)
        case .changes: return rendered(Schema.changes, w.changes)
        case .risks: return rendered(Schema.risks, w.risks)
        case .tasks: return rendered(Schema.tasks, w.delivery.tasks)
        case .tests: return rendered(Schema.acceptance, w.delivery.acceptance)
        case .training: return rendered(Schema.training, w.delivery.training)
        case .trainingResults: return rendered(Schema.trainingResults, w.delivery.trainingResults)
        case .tickets: return rendered(Schema.tickets, w.delivery.tickets)
        case .sla: return rendered(Schema.sla, w.delivery.sla)
        case .vendorReviews: return rendered(Schema.vendorReviews, w.delivery.vendorReviews)
        case .handover: return rendered(Schema.handover, w.delivery.handover)
        case .availability: return rendered(Schema.availability, w.delivery.availability)
        case .scores:
            var header = kind.columns
            var sheets: [(String, [String], [[String]])] = []
            for name in w.evaluators {
                let t = rendered(Schema.scores(file: Schema.scoresFile(evaluator: name)), w.scores[name] ?? [])
                for c in t.header where !header.contains(c) { header.append(c) }
                sheets.append((name, t.header, t.rows))
            }
            var rows: [[String]] = []
            for (name, h, cells) in sheets {
                let position = Dictionary(h.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                for r in cells { rows.append([name] + header.dropFirst().map { position[$0].map { r[$0] } ?? "" }) }
            }
            return (header, rows)
        }
    }
}
