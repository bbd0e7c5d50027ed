import BidbenchCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a successful import gives: the new workspace (not saved) and a line for the user.
public struct ImportOutcome: Sendable {
    /// The workspace with the file merged in, valid under `WorkspaceStore.validate`.
    public var workspace: Workspace
    /// `imported 12 requirements (R48–R59)`, plus columns that were ignored; the caller adds where it saved.
    public var summary: String
    /// How many rows the file held.
    public var count: Int
    /// The ids of the imported rows in file order (assigned ones included); empty for tables without
    /// an `id` column. With `count`, enough for the TUI to phrase its own (Chinese) message.
    public var ids: [String] = []
    /// Columns of the file that were ignored (as `summary` names them).
    public var ignoredColumns: [String] = []
    /// Departments the file named that did not exist and were created (not with `strict`).
    public var createdDepartments: [Department] = []
    /// Workbook cells whose formula's saved value was taken (`Sheet1!D5`).
    public var formulaCells: [String] = []
    /// For scores: the evaluators whose sheets received rows, in file order.
    public var evaluators: [String] = []
}

/// Why an import was refused: every problem, `FILE:line: field: message`, in line order. Problems
/// the merged workspace would have elsewhere (a `--replace` leaving dangling references) name the
/// workspace file instead.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    /// Every problem found, import file first (by line).
    public var problems: [Problem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Imports a spreadsheet's CSV, or a sheet of an `.xlsx` workbook (`XlsxReader`; problems then name
/// the cell, `Sheet1!C5`), into one table of a workspace: all or nothing, no I/O.
///
/// - Text: UTF-8 with or without a BOM; GB18030 with `encoding: .gb18030`. Invalid UTF-8 is refused
///   naming the line of the first bad byte and suggesting `--encoding gb18030`.
/// - Header: column names or the synonyms listed on `TableKind`; unknown columns are ignored (and
///   named in the summary); a required column that is missing refuses the file.
/// - Rows: blank rows are skipped; short rows are padded with empty cells. Each row is read by the
///   same code that loads the workspace file, so the rules and messages are the same. In addition
///   every required cell must be filled, departments / vendors / criteria may be given by id or by
///   name (an unknown vendor or criterion is a problem naming the line; an unknown department is
///   created with the next id and named in the summary, or with `strict` is a problem), enumerated cells accept
///   Chinese spellings, dates may be written `2027/3/1` or `2027年3月1日`, percentages `30%`, and a
///   cell that an export guarded against formulas (`'=…`, `'-5`) loses its quote.
/// - Ids: in tables with an `id` column an empty (or absent) id gets the next free one: after
///   `R47` comes `R48`, after `RK09` comes `RK10` (zero-padded like the existing ids).
/// - Merge: rows are appended (a row whose key is already in the table is a problem), or with
///   `replace` they replace the table — for scores, the score sheets of the evaluators in the file.
/// - Scores: the evaluator comes from an `evaluator` column (as exports write it) or `evaluator`.
/// - Then the whole workspace is checked with the Store's validation; any problem refuses the file.
public enum Importer {
    /// Imports `fileBytes` (named `fileName` in problems) into the `kind` table of `workspace` and
    /// returns the merged workspace, validated but not saved (the TUI's `:import` saves it itself),
    /// or every problem. `evaluator` names the score sheet when the file has no evaluator column;
    /// `replace` replaces the table instead of appending.
    public static func importTable(
        kind: TableKind, fileBytes: [UInt8], fileName: String, encoding: ImportEncoding = .utf8,
        into workspace: Workspace, evaluator: String? = nil, replace: Bool = false, sheet: String? = nil, strict: Bool = false,
        folder: String? = nil, spelling: ImportEncoding.Spelling = .commandLine
    )
        -> Result<ImportOutcome, ImportFailure>
    {
        var job = Job(kind: kind, fileName: fileName, base: workspace, evaluator: evaluator, replace: replace)
        job.strict = strict
        job.folder = folder
        let records: [CSV.Record]
        if XlsxImport.isWorkbook(fileBytes, name: fileName) {
            guard let grid = XlsxImport.grid(fileBytes, name: fileName, sheet: sheet, log: job.log) else { return .failure(job.failure()) }
            job.grid = grid
            records = grid.rows.map { CSV.Record(line: $0.number, fields: $0.cells) }
        } else {
            if let sheet {
                job.log.add(
                    fileName, 0, nil, "--sheet \(sheet) applies to .xlsx workbooks only; this is read as CSV",
                    zh: "--sheet \(sheet) 只适用于 .xlsx 工作簿; 此文件按 CSV 读取")
                return .failure(job.failure())
            }
            if let problem = XlsxImport.oldFormat(fileBytes, name: fileName) {
                job.log.problems.append(problem)
                return .failure(job.failure())
            }
            guard let text = encoding.decode(fileBytes, path: fileName, log: job.log, spelling: spelling), let parsed = job.parse(text)
            else {
                return .failure(job.failure())
            }
            records = parsed
        }
        // `import reviews` of a vendor scorecard (a `period` column, no `clause`): the vendor reviews,
        // so a help desk's or a PMO's file named as the delivery issue names it lands where it belongs.
        if kind == .reviews, TableKind.looksLikeVendorReviews(records) {
            return importTable(
                kind: .vendorReviews, fileBytes: fileBytes, fileName: fileName, encoding: encoding, into: workspace, evaluator: evaluator,
                replace: replace, sheet: sheet, strict: strict)
        }
        let result: Result<ImportOutcome, ImportFailure>
        switch kind {
        case .requirements: result = job.run(Schema.requirements, \.requirements, records)
        case .departments: result = job.run(Schema.departments, \.departments, records)
        case .vendors: result = job.run(Schema.vendors, \.vendors, records)
        case .criteria: result = job.run(Schema.criteria, \.criteria, records)
        case .gates: result = job.run(Schema.gates, \.gates, records)
        case .prices: result = job.run(Schema.prices, \.prices, records)
        case .budget: result = job.run(Schema.budget, \.budget, records)
        case .payments: result = job.run(Schema.payments, \.payments, records)
        case .contracts: result = job.run(Schema.contracts, \.contracts, records)
        case .reviews: result = job.run(Schema.reviews, \.reviews, records)
        case .changes: result = job.run(Schema.changes, \.changes, records)
        case .risks: result = job.run(Schema.risks, \.risks, records)
        case .tasks: result = job.run(Schema.tasks, \.delivery.tasks, records)
        case .tests: result = job.run(Schema.acceptance, \.delivery.acceptance, records)
        case .training: result = job.run(Schema.training, \.delivery.training, records)
        case .trainingResults: result = job.run(Schema.trainingResults, \.delivery.trainingResults, records)
        case .tickets: result = job.run(Schema.tickets, \.delivery.tickets, records)
        case .sla: result = job.run(Schema.sla, \.delivery.sla, records)
        case .vendorReviews: result = job.run(Schema.vendorReviews, \.delivery.vendorReviews, records)
        case .handover: result = job.run(Schema.handover, \.delivery.handover, records)
        case .availability: result = job.run(Schema.availability, \.delivery.availability, records)
        case .scores: result = job.runScores(records)
        }
        return job.locate(result)
    }

    /// Folds a header cell for matching: trimmed, lower-case, no `*`, no trailing `(…)`/`（…）`, spaces and `-` as `_`.
    static func fold(_ header: String) -> String {
        var s = header.trimmed.replacingAll("*", with: "").trimmed
        for (open, close) in [("(", ")"), ("（", "）")] where s.hasSuffix(close) {
            if let i = s.lastIndex(of: Character(open)), i != s.startIndex { s = String(s[..<i]).trimmed }
        }
        return s.lowercased().map { $0 == " " || $0 == "-" ? "_" : String($0) }.joined()
    }

    /// Undoes an export's formula guard: `'=1+1` reads as `=1+1`.
    static func unguard(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", let next = scalars.dropFirst().first, Exporter.formulaStarts.contains(next) else { return cell }
        return String(String.UnicodeScalarView(scalars.dropFirst()))
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        map { $0 == target ? replacement : String($0) }.joined()
    }
}

/// One import in progress.
private struct Job {
    let kind: TableKind
    let fileName: String
    let base: Workspace
    let evaluator: String?
    let replace: Bool
    let log = ProblemLog()
    var ignored: [String] = []
    /// With `strict`, a department the file names that does not exist refuses the file; without, it is created.
    var strict = false
    /// The workspace folder, where a contract's text is looked for (nil: only the texts `base` holds count).
    var folder: String?
    var created: [Department] = []
    /// With `--replace` of payments: the contracts whose milestones the file replaced (the others are kept).
    var replacedContracts: [String]?
    /// The workbook sheet being imported (nil for CSV).
    var grid: XlsxGrid?
    /// Canonical column → position in the records, once the header is read.
    var columnIndex: [String: Int] = [:]
    /// The spreadsheet row of the header.
    var headerLine = 1

    init(kind: TableKind, fileName: String, base: Workspace, evaluator: String?, replace: Bool) {
        self.kind = kind
        self.fileName = fileName
        self.base = base
        self.evaluator = evaluator
        self.replace = replace
    }

    func failure() -> ImportFailure {
        ImportFailure(problems: sorted(log.problems))
    }

    /// Problems of the import file first, by line, then the workspace's.
    func sorted(_ ps: [Problem]) -> [Problem] {
        var seen: Set<String> = []
        let unique = ps.filter { seen.insert("\($0.file)\u{0}\($0.line)\u{0}\($0.field ?? "")").inserted }
        let shown = TextTools.visible(fileName)
        let mine = unique.filter { $0.file == shown }.enumerated().sorted { a, b in
            a.element.line != b.element.line ? a.element.line < b.element.line : a.offset < b.offset
        }.map(\.element)
        return mine + WorkspaceStore.sortProblems(unique.filter { $0.file != shown })
    }

    /// A parsed file: column index (canonical name → position) and the data records, cells normalised.
    struct Sheet {
        var index: [String: Int]
        var width: Int
        var records: [CSV.Record]
    }

    /// Parses CSV text into records; nil after reporting.
    func parse(_ text: String) -> [CSV.Record]? {
        do { return try CSV.parse(text) } catch {
            log.add(fileName, error.line, nil, error.message, zh: error.messageZH ?? error.message)
            return nil
        }
    }

    // Kept as one function: header detection over the first ten rows, column mapping and required columns in one pass.
    /// Maps the header of the records; nil after reporting when the file cannot be used. In a workbook
    /// the header is the row among the first ten that names the most known columns (a title row or
    /// a row of merged group headings above it is skipped).
    mutating func sheet(_ all: [CSV.Record], columns: [String], required: [String]) -> Sheet? {
        var records = all
        var lookup: [String: String] = [:]
        for c in columns { lookup[Importer.fold(c)] = c }
        for (c, names) in kind.headerSynonyms { for n in names { lookup[Importer.fold(n)] = c } }
        if grid != nil {
            var best = (at: 0, known: 0)
            for (k, r) in records.prefix(10).enumerated() {
                let known = Set(r.fields.compactMap { lookup[Importer.fold($0)] }).count
                if known > best.known { best = (k, known) }
            }
            records.removeFirst(best.at)
        }
        guard let header = records.first else {
            log.add(
                fileName, 0, nil, "the file is empty; expected a header row such as \(columns.joined(separator: ","))",
                zh: "文件是空的; 应有表头行, 如 \(columns.joined(separator: ","))")
            return nil
        }
        headerLine = header.line
        var index: [String: Int] = [:]
        var ok = true
        for (i, raw) in header.fields.enumerated() {
            let cell = raw.hasPrefix("\u{FEFF}") ? String(raw.dropFirst()) : raw
            guard let column = lookup[Importer.fold(cell)] else {
                if !cell.trimmed.isEmpty { ignored.append(cell.trimmed) }
                continue
            }
            if let j = index[column] {
                let (a, b) = (header.fields[j].trimmed, cell.trimmed)
                log.add(
                    fileName, header.line, column, "columns \(j + 1) \"\(a)\" and \(i + 1) \"\(b)\" both mean \(column)",
                    zh: "第 \(j + 1) 列 “\(a)” 和第 \(i + 1) 列 “\(b)” 都表示 \(column)")
                ok = false
            }
            index[column] = i
        }
        for c in required where index[c] == nil {
            let names = ([c] + (kind.headerSynonyms[c] ?? [])).joined(separator: " / ")
            log.add(
                fileName, header.line, c, "required column is missing from the header (name it \(names))",
                zh: "表头缺少这个必需的列 (列名可为 \(names))")
            ok = false
        }
        guard ok else { return nil }
        columnIndex = index
        let width = header.fields.count
        var rows: [CSV.Record] = []
        for record in records.dropFirst() {
            var fields = record.fields.map(Importer.unguard)
            if fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            if fields.count > width {
                guard fields[width...].allSatisfy({ $0.trimmed.isEmpty }) else {
                    log.add(
                        fileName, record.line, nil, "has \(fields.count) fields, expected \(width) (the header has \(width) columns)",
                        zh: "有 \(fields.count) 个字段, 应为 \(width) 个 (表头有 \(width) 列)")
                    continue
                }
                fields.removeLast(fields.count - width)
            }
            fields += Array(repeating: "", count: width - fields.count)
            rows.append(CSV.Record(line: record.line, fields: fields))
        }
        return Sheet(index: index, width: width, records: rows)
    }

    /// Maps Chinese spellings of enumerated cells to their values, and undoes spreadsheet formatting
    /// of dates (`2027/3/1`, `2027年3月1日` → `2027-03-01`) and percentages (`30%` → `30`).
    func translateValues(_ fields: inout [String], index: [String: Int], words: [String: [String: String]] = [:]) {
        for (column, i) in index {
            // A line break inside a cell, as Excel on Windows saves it (CRLF), is the workspace's LF:
            // a CR kept showed in every git diff as ^M. (A lone CR is kept: a machine export of a
            // cell that holds one imports back as it was.)
            if fields[i].utf8.contains(13) { fields[i] = fields[i].replacingOccurrences(of: "\r\n", with: "\n") }
            // Keys and references never carry spaces that a spreadsheet may have left around them.
            if Self.keyColumns.contains(column) { fields[i] = fields[i].trimmed }
            // A help desk's times (`2027/5/9 9:10`, `2027年5月9日 9:10`) are read as the ticket form reads
            // them and written ISO.
            if Self.momentColumns.contains(column), let m = Self.isoMoment(fields[i]) {
                fields[i] = m
                continue
            }
            switch ColumnType.of(column) {
            case .day: if let d = Self.isoDay(fields[i]) { fields[i] = d }
            // Numbers with full-width digits (`１２`, `８．５`) as the forms read them (re-test pass).
            case .int, .number, .money:
                let t = normalizedDigits(fields[i])
                if t != fields[i] { fields[i] = t }
                // Percentages of 0–100 (`90%` → `90`), as a sheet's `0%` cells are read too (a finance
                // pass: the workbook's 90 % was stored as 0.9 %, and `90%` in a CSV was refused).
                if column == "percent" || column.hasSuffix("_pct") {
                    let p = fields[i].trimmed
                    if p.hasSuffix("%") { fields[i] = String(p.dropLast()).trimmed }
                } else if ColumnType.of(column) == .number {
                    // A rate kept as a fraction (`pass_target` 0.9) and any other number a sheet shows as a
                    // percentage (a weight of 0.35 formatted `0%`): `90%` is 0.9, the value the cell holds.
                    let p = fields[i].trimmed
                    if p.hasSuffix("%"), let d = Double(String(p.dropLast()).trimmed), d.isFinite {
                        fields[i] = NumberText.upTo(d / 100, 6)
                    }
                }
            default: break
            }
        }
        for (column, map) in kind.valueSynonyms {
            guard let i = index[column] else { continue }
            let t = fields[i].trimmed
            if let v = map[t] {
                fields[i] = v
                continue
            }
            let folded = Importer.fold(t)
            if map.values.contains(folded) { fields[i] = folded }
        }
        // The words of an export for people (`--for people`, `:export KIND`) read back as the values
        // they stand for, so that such a file, edited in Excel, imports.
        for (column, map) in words {
            guard let i = index[column], i < fields.count, !fields[i].isEmpty else { continue }
            if let v = map[fields[i].trimmed.lowercased()] { fields[i] = v }
        }
    }

    static let keyColumns: Set<String> = ["id", "department", "vendor", "criterion", "requirement", "contract", "parent", "evaluator"]

    /// `2027/3/1`, `2027-3-1`, `2027.3.1`, `2027年3月1日` as `2027-03-01`; nil for anything else.
    /// Full-width digits too, as the forms read them (`２０２７年６月２日` was refused: user test pass).
    static func isoDay(_ text: String) -> String? { Day(typed: normalizedDigits(text))?.description }

    /// The date-and-time columns (tickets.csv).
    static let momentColumns: Set<String> = ["opened", "first_response", "resolved"]

    /// A date and time as the ticket form reads it (`Moment(typed:)`, full-width digits too) as
    /// `2027-05-09 09:10`; nil for an empty cell or anything else (left for the row reader to report).
    static func isoMoment(_ text: String) -> String? {
        // Full-width forms (`２０２７／５／９　９：１０`) as the form's fields read them.
        let t = normalizedDigits(text).trimmed
        guard !t.isEmpty else { return nil }
        return Moment(typed: t)?.description
    }

    /// Chinese names of the things a reference column names.
    static let nounZH = ["department": "部门", "criterion": "准则", "vendor": "供应商"]

    /// Replaces a name by its id in a reference column; reports a value that is neither.
    mutating func resolve(
        _ fields: inout [String], _ column: String, index: [String: Int], line: Int,
        ids: [String], names: [String], what: String, file: String
    ) {
        let whatZH = Self.nounZH[what] ?? what
        guard let i = index[column] else { return }
        let v = fields[i].trimmed
        if v.isEmpty || ids.contains(v) {
            fields[i] = v
            return
        }
        let matches = Set(zip(ids, names).filter { $0.1.trimmed == v }.map(\.0))
        if matches.count == 1 {
            fields[i] = matches.first!
            return
        }
        if matches.isEmpty && what == "department" && !strict {
            if let d = created.first(where: { $0.name == v }) {
                fields[i] = d.id
                return
            }
            var sequence = IDSequence(existing: ids + created.map(\.id), defaultPrefix: "D", defaultWidth: 2)
            let d = Department(id: sequence.take(), name: v)
            created.append(d)
            fields[i] = d.id
            return
        }
        if matches.count > 1 {
            let list = matches.sorted().joined(separator: ", ")
            log.add(
                fileName, line, column, "\"\(v)\" names \(matches.count) \(what)s in \(file) (\(list)); give the id",
                zh: "“\(v)” 对应 \(file) 中的 \(matches.count) 个\(whatZH) (\(list)); 请填写编号")
        } else {
            let hint = what == "department" ? " (without --strict a missing department is created)" : ""
            let hintZH = what == "department" ? " (不加 --strict 时会新建缺少的部门)" : ""
            log.add(
                fileName, line, column, "\"\(v)\" is not a \(what) id or name in \(file)\(hint)",
                zh: "“\(v)” 不是 \(file) 中的\(whatZH)编号或名称\(hintZH)")
        }
    }

    /// Resolves the reference columns of this table against the workspace it merges into.
    mutating func resolveReferences(_ fields: inout [String], index: [String: Int], line: Int, merged: Workspace) {
        let w = merged
        switch kind {
        case .requirements:
            resolve(
                &fields, "department", index: index, line: line, ids: w.departments.map(\.id), names: w.departments.map(\.name),
                what: "department", file: "departments.csv")
            resolve(
                &fields, "criterion", index: index, line: line, ids: w.criteria.map(\.id), names: w.criteria.map(\.name),
                what: "criterion", file: "criteria.csv")
        case .gates, .prices, .scores, .contracts, .vendorReviews:
            resolve(
                &fields, "vendor", index: index, line: line, ids: w.vendors.map(\.id), names: w.vendors.map(\.name),
                what: "vendor", file: "vendors.csv")
            if kind == .scores {
                resolve(
                    &fields, "criterion", index: index, line: line, ids: w.criteria.map(\.id), names: w.criteria.map(\.name),
                    what: "criterion", file: "criteria.csv")
            }
        default:
            break
        }
    }

    /// Parses the rows of one table with the Store's own row reader.
    mutating func rows<Row>(
        _ spec: TableSpec<Row>, _ records: [CSV.Record], existing: [Row], required: [String], extraColumns: [String] = [],
        merged: Workspace
    ) -> (rows: [Row], lines: [Int], ids: [String], cells: [[String: String]])? {
        let assignable = kind.idPrefix != nil
        let requiredInHeader = required.filter { !(assignable && $0 == "id") }
        guard var sheet = sheet(records, columns: spec.columns + extraColumns, required: requiredInHeader) else { return nil }
        if let grid {
            // Error values and formulas without a saved value, in the cells that are read.
            let used = Set(sheet.index.values)
            for b in grid.bad {
                guard let ref = XlsxReader.cellRef(b.ref), ref.row > headerLine, used.contains(ref.column) else { continue }
                let column = sheet.index.first { $0.value == ref.column }?.key
                log.add(fileName, ref.row, column, b.message, zh: b.zh)
            }
        }
        var idSequence: IDSequence?
        if assignable {
            var taken = replace ? [] : existing.map(spec.diffKey)
            if let i = sheet.index["id"] { taken += sheet.records.map { $0.fields[i].trimmed }.filter { !$0.isEmpty } }
            idSequence = IDSequence(existing: taken, defaultPrefix: kind.idPrefix!)
            if sheet.index["id"] == nil {
                sheet.index["id"] = sheet.width
                for k in sheet.records.indices { sheet.records[k].fields.append("") }
            }
        }
        var out: [Row] = []
        var lines: [Int] = []
        var ids: [String] = []
        var cells: [[String: String]] = []
        // The words of an export for people, per column, looked up once for the whole file.
        var words: [String: [String: String]] = [:]
        for column in sheet.index.keys { words[column] = PeopleExport.machineValues(kind, column: column, ws: base) }
        for record in sheet.records {
            var fields = record.fields
            if let i = sheet.index["id"], idSequence != nil, fields[i].trimmed.isEmpty { fields[i] = idSequence!.take() }
            translateValues(&fields, index: sheet.index, words: words)
            resolveReferences(&fields, index: sheet.index, line: record.line, merged: merged)
            for c in required {
                if let i = sheet.index[c], fields[i].trimmed.isEmpty {
                    log.add(fileName, record.line, c, "is empty; every row needs \(RowReader.article(c)) \(c)", zh: "为空; 每一行都要填写 \(c)")
                }
            }
            let reader = RowReader(file: fileName, line: record.line, index: sheet.index, fields: fields, log: log)
            guard let row = spec.decode(reader) else { continue }
            out.append(row)
            lines.append(record.line)
            ids.append(sheet.index["id"].map { fields[$0] } ?? "")
            cells.append(sheet.index.mapValues { fields[$0] })
        }
        return (out, lines, ids, cells)
    }

    /// Reports imported rows whose key is already in the table they are appended to.
    func checkAppend<Row>(_ spec: TableSpec<Row>, existing: [Row], rows: [Row], lines: [Int], file: String) {
        guard !replace, let field = kind.uniqueField else { return }
        let keys = Set(existing.map(spec.diffKey))
        for (row, line) in zip(rows, lines) where keys.contains(spec.diffKey(row)) {
            let key = spec.diffKey(row).replacingAll("/", with: ", ")
            // Only a table that numbers new rows itself (an id prefix: R48 after R47) takes an empty id;
            // tasks, tests and tickets need theirs, and sla.csv is keyed by contract and severity.
            let (hint, hintZH) =
                kind.idPrefix != nil
                ? ("leave the id empty for a new one", "新增时请留空编号")
                : ("change the \(field) for a new row", "新增时请换一个 \(field)")
            log.add(
                fileName, line, field, "\"\(key)\" is already in \(file) (\(hint), or import with --replace)",
                zh: "“\(key)” 已在 \(file) 中 (\(hintZH), 或用 --replace 导入)")
        }
    }

    /// Validates the merged workspace with the Store's rules; problems in the imported rows name the import file.
    func validate(_ merged: Workspace, imported: [String: [Int]]) {
        var lines = WorkspaceStore.render(merged, layouts: [:]).mapValues(\.lines)
        for (file, importLines) in imported { lines[file] = importLines }
        let vlog = ProblemLog()
        Validator(lines: lines, settingsLine: { _ in 0 }, log: vlog).validate(merged)
        for p in vlog.problems {
            if imported[p.file] != nil && p.line > 0 {
                log.problems.append(
                    Problem(
                        file: TextTools.visible(fileName), line: p.line, field: p.field, message: p.message,
                        messageZH: p.messageZH))
            } else {
                log.problems.append(p)
            }
        }
    }

    func summary(count: Int, ids: [String], extra: String = "") -> String {
        var s = "imported \(count) \(kind.noun(count))\(extra)"
        let named = ids.filter { !$0.isEmpty }
        if let first = named.first, let last = named.last { s += first == last ? " (\(first))" : " (\(first)–\(last))" }
        if let contracts = replacedContracts {
            s += ", replacing the milestones of " + contracts.joined(separator: ", ") + " (other contracts' milestones kept)"
        } else if replace {
            s += ", replacing the table"
        }
        if !created.isEmpty {
            s +=
                "; created \(created.count == 1 ? "department" : "departments") "
                + created.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
        }
        if let grid, !grid.formulas.isEmpty {
            let shown = grid.formulas.prefix(3).map { "\(grid.sheet)!\($0)" }.joined(separator: ", ")
            s +=
                "; took the saved values of \(grid.formulas.count) formula cell\(grid.formulas.count == 1 ? "" : "s") (\(shown)\(grid.formulas.count > 3 ? ", …" : ""))"
        }
        if !ignored.isEmpty { s += "; ignored columns: " + ignored.joined(separator: ", ") }
        return s
    }

    mutating func run<Row>(_ spec: TableSpec<Row>, _ path: WritableKeyPath<Workspace, [Row]>, _ records: [CSV.Record])
        -> Result<ImportOutcome, ImportFailure>
    {
        let existing = base[keyPath: path]
        guard let parsed = rows(spec, records, existing: existing, required: spec.required, merged: base) else {
            return .failure(failure())
        }
        // A new contract's text is a file the user put in the workspace folder first: read from there (a
        // UTF-8 one taken in at once; another is read, with a note, when the workspace is next opened).
        var texts: [String: String] = [:]
        if kind == .contracts {
            for (cells, line) in zip(parsed.cells, parsed.lines) {
                let f = cells["file"]?.trimmed ?? ""
                guard !f.isEmpty && PathSafety.problem(f) == nil && base.contractTexts[f] == nil else { continue }
                if let folder, let bytes = try? FileIO.readInside(folder: folder, f) {
                    if TextTools.firstInvalidUTF8(bytes) == nil { texts[f] = String(decoding: bytes, as: UTF8.self) }
                    continue
                }
                log.add(
                    fileName, line, "file", "contract text \"\(f)\" is not in the workspace folder (put the file there first)",
                    zh: "合同正文 “\(f)” 不在工作区文件夹中 (请先把文件放进工作区)")
            }
        }
        checkAppend(spec, existing: existing, rows: parsed.rows, lines: parsed.lines, file: spec.file)
        var merged = base
        merged.departments += created
        // Payments are replaced contract by contract: the milestones of the contracts the file names
        // (a finance pass: replacing C2's schedule removed C1's, a paid one among them, without a word).
        var kept = replace ? [] : existing
        if replace, kind == .payments {
            let named = Set(parsed.rows.compactMap { ($0 as? PaymentMilestone)?.contract })
            kept = existing.filter { ($0 as? PaymentMilestone).map { !named.contains($0.contract) } ?? false }
            replacedContracts = named.sorted()
        }
        merged[keyPath: path] = kept + parsed.rows
        merged.contractTexts.merge(texts) { old, _ in old }
        let lines = Array(repeating: 0, count: kept.count) + parsed.lines
        validate(merged, imported: [spec.file: lines])
        // "Stop" stops here too: approved change orders that push a fiscal year over a stop envelope are
        // refused as the change-order form refuses them (a finance pass: an import took 2027 to 118.5 %).
        if kind == .changes, log.problems.isEmpty, let scenario = try? Scenario(settings: base.settings),
            let before = try? BudgetModel.control(base, proposedVendor: nil, scenario: scenario),
            let after = try? BudgetModel.control(merged, proposedVendor: nil, scenario: scenario),
            let refusal = BudgetModel.stopMessage(
                BudgetModel.stopped(before: before, after: after), action: "approving these change orders", actionZH: "批准这些变更单")
        {
            let approved = zip(parsed.rows, parsed.lines).first { row, _ in (row as? ChangeOrder).map(ChangeOrders.isApproved) == true }
            log.add(
                fileName, approved?.1 ?? 0, "status", refusal.message + "; import them as proposed, or raise the envelope in budget.csv",
                zh: refusal.text(chinese: true) + "; 请以 proposed (待批) 导入, 或在 budget.csv 中提高预算")
        }
        guard log.problems.isEmpty else { return .failure(failure()) }
        return .success(
            ImportOutcome(
                workspace: merged, summary: summary(count: parsed.rows.count, ids: parsed.ids), count: parsed.rows.count,
                ids: parsed.ids.filter { !$0.isEmpty }, ignoredColumns: ignored, createdDepartments: created))
    }

    mutating func runScores(_ records: [CSV.Record]) -> Result<ImportOutcome, ImportFailure> {
        let spec = Schema.scores(file: fileName)
        guard let parsed = rows(spec, records, existing: [], required: spec.required, extraColumns: ["evaluator"], merged: base) else {
            return .failure(failure())
        }
        var byEvaluator: [String: (rows: [Score], lines: [Int])] = [:]
        var order: [String] = []
        for (k, row) in parsed.rows.enumerated() {
            let given = parsed.cells[k]["evaluator"]?.trimmed ?? ""
            let name = given.isEmpty ? (evaluator?.trimmed ?? "") : given
            if name.isEmpty {
                log.add(
                    fileName, parsed.lines[k], "evaluator", "is empty; give --evaluator NAME or an evaluator column",
                    zh: "为空; 请用 --evaluator 姓名 指定, 或加一列 evaluator")
                continue
            }
            if byEvaluator[name] == nil { order.append(name) }
            byEvaluator[name, default: ([], [])].rows.append(row)
            byEvaluator[name, default: ([], [])].lines.append(parsed.lines[k])
        }
        var merged = base
        var imported: [String: [Int]] = [:]
        for name in order {
            let (rows, lines) = byEvaluator[name]!
            let existing = base.scores[name] ?? []
            let file = Schema.scoresFile(evaluator: name)
            checkAppend(spec, existing: existing, rows: rows, lines: lines, file: file)
            merged.scores[name] = (replace ? [] : existing) + rows
            imported[file] = (replace ? [] : Array(repeating: 0, count: existing.count)) + lines
        }
        validate(merged, imported: imported)
        guard log.problems.isEmpty else { return .failure(failure()) }
        let who = order.isEmpty ? "" : " for " + order.joined(separator: ", ")
        return .success(
            ImportOutcome(
                workspace: merged, summary: summary(count: parsed.rows.count, ids: [], extra: who), count: parsed.rows.count,
                ignoredColumns: ignored, evaluators: order))
    }
}

extension Importer {
    /// `bidbench import`: loads the workspace in `folder`, imports the file at `path` and saves with
    /// `WorkspaceStore.save` (atomic, journaled, under the lock). On `.failure` nothing was written.
    /// Throws `StoreError` when the folder cannot be loaded, is read-only, is locked, or the file
    /// cannot be read. `path` is how problems name the file.
    public static func importFile(
        kind: TableKind, path: String, encoding: ImportEncoding = .utf8, folder: String,
        evaluator: String? = nil, replace: Bool = false, actor: String, sheet: String? = nil, strict: Bool = false
    ) throws
        -> Result<(summary: String, saved: LoadedWorkspace), ImportFailure>
    {
        // An import is worked out from the files as they are: when another save changed them between
        // the read and the save, it is read and worked out again (a helper's pass: of twenty imports
        // started together, nineteen were refused with "save with force", which no verb has).
        var attempt = 0
        while true {
            do {
                return try importOnce(
                    kind: kind, path: path, encoding: encoding, folder: folder, evaluator: evaluator, replace: replace, actor: actor,
                    sheet: sheet, strict: strict)
            } catch StoreError.changedOnDisk where attempt < 20 {
                attempt += 1
                usleep(UInt32.random(in: 5_000...40_000))
            }
        }
    }

    private static func importOnce(
        kind: TableKind, path: String, encoding: ImportEncoding, folder: String,
        evaluator: String?, replace: Bool, actor: String, sheet: String?, strict: Bool
    ) throws
        -> Result<(summary: String, saved: LoadedWorkspace), ImportFailure>
    {
        let loaded = try WorkspaceStore.load(folder: folder)
        guard !loaded.readOnly else { throw StoreError.readOnly(loaded.problems) }
        let bytes = try FileIO.read(path)
        switch importTable(
            kind: kind, fileBytes: bytes, fileName: path, encoding: encoding, into: loaded.workspace,
            evaluator: evaluator, replace: replace, sheet: sheet, strict: strict, folder: folder)
        {
        case .failure(let f):
            return .failure(f)
        case .success(let outcome):
            // An evaluator scoring in a session owns their sheet while it is open (a meeting pass: an
            // import with --replace emptied a sheet under its evaluator, whose screen said "merged").
            // Their claim is taken for the import, so no session opens on it meanwhile.
            var claims: [WorkspaceLock] = []
            if kind == .scores {
                for name in outcome.evaluators {
                    do { claims.append(try WorkspaceLock(folder: folder, scope: .evaluator(name))) } catch StoreError.locked(
                        let pid, let host, let since)
                    {
                        throw StoreError.sheetInUse(Schema.scoresFile(evaluator: name), evaluator: name, pid: pid, host: host, since: since)
                    }
                }
            }
            defer { for claim in claims { claim.release() } }
            let saved = try WorkspaceStore.save(outcome.workspace, over: loaded, actor: actor)
            return .success(("\(outcome.summary) into \(folder)", saved))
        }
    }
}

extension Job {
    /// For a workbook: problems of the import file name their cell (`Sheet1!C5`), the row
    /// (`Sheet1!5:5`) when the column is not in the sheet, or the sheet.
    func locate(_ result: Result<ImportOutcome, ImportFailure>) -> Result<ImportOutcome, ImportFailure> {
        guard let grid else { return result }
        switch result {
        case .success(var outcome):
            outcome.formulaCells = grid.formulas.map { "\(grid.sheet)!\($0)" }
            return .success(outcome)
        case .failure(var failure):
            let shown = TextTools.visible(fileName)
            for k in failure.problems.indices where failure.problems[k].file == shown && failure.problems[k].cell == nil {
                let p = failure.problems[k]
                let sheet = XlsxImport.quoted(grid.sheet)
                if p.line <= 0 {
                    failure.problems[k].cell = sheet
                } else if let field = p.field, let column = columnIndex[field], column < (grid.rows.map(\.cells.count).max() ?? 0) {
                    failure.problems[k].cell = "\(sheet)!\(XlsxReader.columnName(column))\(p.line)"
                } else {
                    failure.problems[k].cell = "\(sheet)!\(p.line):\(p.line)"
                }
            }
            return .failure(failure)
        }
    }
}
