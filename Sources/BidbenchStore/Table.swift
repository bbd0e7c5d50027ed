import BidbenchCore

/// How a CSV file was laid out when it was read, so a save writes it back the same way:
/// its header (to keep unknown columns in their original order) and whether it began with a BOM
/// (Excel needs one to open UTF-8 Chinese text correctly).
struct TableLayout: Sendable, Equatable {
    var header: [String]
    var bom: Bool
}

/// Collects problems while reading.
final class ProblemLog {
    var problems: [Problem] = []
    /// Adds a problem said in English (`message`) and in Simplified Chinese (`zh`).
    func add(_ file: String, _ line: Int, _ field: String?, _ message: String, zh: String) {
        problems.append(
            Problem(
                file: TextTools.visible(file), line: line, field: field.map(TextTools.visible),
                message: TextTools.visible(message), messageZH: TextTools.visible(zh)))
    }
}

/// Reads the cells of one record by column name. Conversions report a problem for text that does
/// not parse and return a default, so loading goes on and every bad cell is reported.
struct RowReader {
    let file: String
    let line: Int
    let index: [String: Int]
    let fields: [String]
    let log: ProblemLog

    /// The raw cell, or "" when the column is absent.
    func text(_ c: String) -> String {
        guard let i = index[c], i < fields.count else { return "" }
        return fields[i]
    }

    private func bad(_ c: String, _ message: String, _ zh: String) { log.add(file, line, c, message, zh: zh) }

    /// A bad value as quoted in a message: at most 80 characters, so a 1 MB cell gives a readable line.
    private func clipped(_ t: String) -> String { t.count <= 80 ? t : String(t.prefix(80)) + "…" }

    /// A cell that must not be empty (an id or a reference); nil after reporting when it is.
    func key(_ c: String) -> String? {
        let t = text(c)
        if t.trimmed.isEmpty {
            bad(c, "is empty; every row needs a \(c)", "为空; 每一行都要填写 \(c)")
            return nil
        }
        return t
    }

    func double(_ c: String, default d: Double) -> Double {
        let t = text(c)
        if t.trimmed.isEmpty { return d }
        guard let v = NumberText.parseDouble(t) else {
            bad(c, "\"\(clipped(t))\" is not a number (expected a decimal such as 5 or 0.35)", "“\(clipped(t))” 不是数字 (应为小数, 如 5 或 0.35)")
            return d
        }
        return v
    }

    func int(_ c: String, default d: Int) -> Int { optInt(c) ?? d }

    func optInt(_ c: String) -> Int? {
        let t = text(c)
        if t.trimmed.isEmpty { return nil }
        guard let v = NumberText.parseInt(t) else {
            bad(c, "\"\(clipped(t))\" is not a whole number (expected digits such as 12)", "“\(clipped(t))” 不是整数 (应为数字, 如 12)")
            return nil
        }
        return v
    }

    func money(_ c: String, default d: Money) -> Money { optMoney(c) ?? d }

    func optMoney(_ c: String) -> Money? {
        let t = text(c)
        if t.trimmed.isEmpty { return nil }
        guard let v = Money(parsing: t) else {
            if t.contains(",") && Money(parsing: t.replacingOccurrences(of: ",", with: "")) != nil {
                bad(
                    c,
                    "\"\(clipped(t))\": a comma is accepted only as a thousands separator in groups of three (1,234.56); write a decimal with a point (1234.56)",
                    "“\(clipped(t))”: 逗号只能用作千位分隔符, 每组三位 (1,234.56); 小数请用小数点 (1234.56)")
                return nil
            }
            bad(
                c, "\"\(clipped(t))\" is not an amount of money (expected a decimal with at most two decimals such as 1286000 or 99.50)",
                "“\(clipped(t))” 不是金额 (应为最多两位小数的数, 如 1286000 或 99.50)")
            return nil
        }
        return v
    }

    func day(_ c: String) -> Day? {
        let t = text(c)
        if t.trimmed.isEmpty { return nil }
        guard let v = Day(iso: t) else {
            bad(
                c, "\"\(clipped(t))\" is not a valid date (expected YYYY-MM-DD, e.g. 2027-03-31)",
                "“\(clipped(t))” 不是有效日期 (应为 YYYY-MM-DD, 如 2027-03-31)")
            return nil
        }
        guard (1900...9999).contains(v.year) else {
            bad(c, "\"\(clipped(t))\" is out of range: years 1900–9999 only", "“\(clipped(t))” 超出范围: 年份只能在 1900–9999 之间")
            return nil
        }
        return v
    }

    func bool(_ c: String, default d: Bool) -> Bool {
        let t = text(c)
        if t.trimmed.isEmpty { return d }
        guard let v = TextTools.parseBool(t) else {
            bad(
                c, "\"\(clipped(t))\" is not true or false (also yes/no, 1/0, 是/否)",
                "“\(clipped(t))” 不是 true 或 false (也可写 yes/no, 1/0, 是/否)")
            return d
        }
        return v
    }

    /// An enum value; `parse` may accept more spellings than the raw values.
    func choice<E: RawRepresentable & CaseIterable>(_ c: String, default d: E, parse: (String) -> E? = { E(rawValue: $0.trimmed) })
        -> E where E.RawValue == String
    {
        let t = text(c)
        if t.trimmed.isEmpty { return d }
        guard let v = parse(t) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            bad(c, "\"\(clipped(t))\" is not one of \(allowed)", "“\(clipped(t))” 不是可选值之一: \(allowed)")
            return d
        }
        return v
    }

    /// A status kept as text; an empty cell gives `d` (the list is checked by the validator).
    func status(_ c: String, default d: String) -> String {
        let t = text(c).trimmed
        return t.isEmpty ? d : t
    }

    /// The cells of columns this version does not know, by column name.
    func extra(known: Set<String>, header: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for (i, name) in header.enumerated() where !known.contains(name) && i < fields.count {
            out[name] = fields[i]
        }
        return out
    }
}

/// One rendered file, kept with what the journal and the validator need.
struct RenderedFile {
    var bytes: [UInt8]
    /// Column names of `rows`' cells.
    var header: [String]
    /// Rows in file order: the diff key and the cells.
    var rows: [(key: String, cells: [String])]
    /// Line of each model element (index in the model array) in `bytes`.
    var lines: [Int]
    var layout: TableLayout?
}

/// A CSV table of the workspace: its columns in README order, which must be present, how a row is
/// read and printed, its sort order and its diff key.
struct TableSpec<Row> {
    let file: String
    let columns: [String]
    let required: [String]
    /// Sort key of a row as written (compared naturally, ties keep model order).
    let sortKey: (Row) -> [String]
    /// Key that names a row in the journal (unique within the table; duplicates get `#2`, `#3`).
    let diffKey: (Row) -> String
    let extra: WritableKeyPath<Row, [String: String]>
    let decode: (RowReader) -> Row?
    let encode: (Row) -> [String]

    var defaultLayout: TableLayout { TableLayout(header: columns, bom: false) }

    // Kept as one function: decode, parse, header, rows: each step reports into the log and may stop the file.
    /// Parses a file's bytes. Returns nil (after reporting) when the file cannot be used at all:
    /// invalid UTF-8, a merge conflict, broken CSV syntax, or a missing header/required column.
    /// `complete` is false when some rows were skipped (wrong field count, empty key).
    func parse(_ bytes: [UInt8], path: String, log: ProblemLog) -> (rows: [Row], lines: [Int], layout: TableLayout, complete: Bool)? {
        guard let text = StoreText.decode(bytes, path: path, log: log) else { return nil }
        let records: [CSV.Record]
        do { records = try CSV.parse(text) } catch {
            log.add(path, error.line, nil, error.message, zh: error.messageZH ?? error.message)
            return nil
        }
        guard let headerRecord = records.first else {
            log.add(
                path, 0, nil, "the file is empty; expected a header row: \(columns.joined(separator: ","))",
                zh: "文件是空的; 应有表头行: \(columns.joined(separator: ","))")
            return nil
        }
        let header = headerRecord.fields
        var index: [String: Int] = [:]
        var headerOK = true
        var seen: Set<String> = []
        for (i, raw) in header.enumerated() {
            let name = raw.trimmed
            if !seen.insert(name).inserted {
                log.add(path, headerRecord.line, name, "the column appears twice in the header", zh: "该列在表头中出现了两次")
                headerOK = false
            }
            if columns.contains(name) { index[name] = i }
        }
        for c in required where index[c] == nil {
            log.add(
                path, headerRecord.line, c,
                "required column is missing from the header (expected columns: \(columns.joined(separator: ",")))",
                zh: "表头缺少这个必需的列 (应有的列: \(columns.joined(separator: ",")))")
            headerOK = false
        }
        guard headerOK else { return nil }
        let layoutHeader = header.enumerated().map { index[$0.element.trimmed] == $0.offset ? $0.element.trimmed : $0.element }
        let known = Set(columns)
        // Unknown columns, found once per file rather than once per row.
        let unknownColumns = layoutHeader.enumerated().filter { !known.contains($0.element) }.map { (index: $0.offset, name: $0.element) }
        var rows: [Row] = []
        rows.reserveCapacity(records.count)
        var lines: [Int] = []
        var complete = true
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                log.add(
                    path, record.line, nil,
                    "has \(record.fields.count) fields, expected \(header.count) (the header has \(header.count) columns)",
                    zh: "有 \(record.fields.count) 个字段, 应为 \(header.count) 个 (表头有 \(header.count) 列)")
                complete = false
                continue
            }
            let reader = RowReader(file: path, line: record.line, index: index, fields: record.fields, log: log)
            guard var row = decode(reader) else {
                complete = false
                continue
            }
            if !unknownColumns.isEmpty {
                var cells: [String: String] = [:]
                for c in unknownColumns where c.index < record.fields.count { cells[c.name] = record.fields[c.index] }
                row[keyPath: extra] = cells
            }
            rows.append(row)
            lines.append(record.line)
        }
        return (rows, lines, TableLayout(header: layoutHeader, bom: bytes.starts(with: [0xEF, 0xBB, 0xBF])), complete)
    }

    /// Prints rows sorted, known columns first (README order) then unknown ones in their original
    /// order, then any unknown keys new since the load (sorted).
    func render(_ rows: [Row], layout: TableLayout?) -> RenderedFile {
        let layout = layout ?? defaultLayout
        let known = Set(columns)
        var unknown = layout.header.filter { !known.contains($0) }
        var unknownSet = Set(unknown)
        var added: Set<String> = []
        for row in rows { for k in row[keyPath: extra].keys where !unknownSet.contains(k) && !known.contains(k) { added.insert(k) } }
        unknown += added.sorted()
        unknownSet.formUnion(added)
        let header = columns + unknown
        // Keys are converted to bytes once; rows already in order (the usual case) skip the sort.
        let keys = rows.map { sortKey($0).map { Array($0.utf8) } }
        var order = Array(keys.indices)
        if zip(keys, keys.dropFirst()).contains(where: { TextTools.naturalLess($1, $0) }) {
            order.sort { a, b in keys[a] == keys[b] ? a < b : TextTools.naturalLess(keys[a], keys[b]) }
        }
        var out = layout.bom ? "\u{FEFF}" : ""
        out += CSV.write([header])
        var line = 2 + header.reduce(0) { $0 + $1.utf8.filter { $0 == 10 }.count }
        var lines = [Int](repeating: 0, count: rows.count)
        var rendered: [(key: String, cells: [String])] = []
        var keyCount: [String: Int] = [:]
        for i in order {
            let row = rows[i]
            let extras = row[keyPath: extra]
            let cells = encode(row) + unknown.map { extras[$0] ?? "" }
            let text = CSV.write([cells])
            lines[i] = line
            line += text.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
            out += text
            var k = diffKey(row)
            let n = (keyCount[k] ?? 0) + 1
            keyCount[k] = n
            if n > 1 { k += "#\(n)" }
            rendered.append((k, cells))
        }
        return RenderedFile(
            bytes: Array(out.utf8), header: header, rows: rendered, lines: lines,
            layout: TableLayout(header: header, bom: layout.bom))
    }
}

enum StoreText {
    /// Decodes a file as UTF-8, reporting invalid bytes (with a GB18030 hint) and git conflict markers.
    /// `hint` says what to do, in English and in Chinese.
    static func decode(
        _ bytes: [UInt8], path: String, log: ProblemLog,
        hint: (en: String, zh: String) = (
            "save it again as \"CSV UTF-8\", or use `bidbench import … --encoding gb18030`",
            "请另存为 “CSV UTF-8”, 或用 `bidbench import … --encoding gb18030` 导入"
        )
    ) -> String? {
        if let bad = TextTools.firstInvalidUTF8(bytes) {
            let byte = String(bytes[bad], radix: 16, uppercase: true)
            log.add(
                path, TextTools.line(ofOffset: bad, in: bytes), nil,
                "is not valid UTF-8 (byte \(bad) is 0x\(byte)); it was probably saved as GB18030/GBK (Excel or WPS in Chinese): \(hint.en)",
                zh: "不是有效的 UTF-8 (偏移 \(bad) 处的字节为 0x\(byte)); 可能是用 GB18030/GBK 保存的 (中文版 Excel 或 WPS): \(hint.zh)")
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let markers = TextTools.conflictMarkerLines(text)
        if !markers.isEmpty {
            for l in markers {
                log.add(
                    path, l, nil,
                    "git merge conflict marker (<<<<<<<): resolve the conflict (keep one side, remove the <<<<<<< ======= >>>>>>> lines) and run bidbench check",
                    zh: "git 合并冲突标记 (<<<<<<<): 请先解决冲突 (保留一方, 删去 <<<<<<< ======= >>>>>>> 这几行), 再运行 bidbench check")
            }
            return nil
        }
        return text
    }
}
