import BidbenchCore

/// How a CSV file was laid out when it was read, so a save writes it back the same way:
/// its header (to keep unknown columns in their original order), whether it began with a BOM
/// (Excel needs one to open UTF-8 Chinese text correctly), and whether its records end with CRLF
/// (a table saved by Excel on Windows: rewritten with LF, every line would differ in git, where
/// `.gitattributes` keeps tables byte for byte).
struct TableLayout: Sendable, Equatable {
    var header: [String]
    var bom: Bool
    var crlf = false
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
    /// Column names and their positions in `fields`, side by side: a table has a dozen columns, and
    /// comparing a few short names is quicker than hashing one (this runs for each cell of 800 000 rows).
    let names: [String]
    let positions: [Int]
    let fields: [String]
    let log: ProblemLog

    init(file: String, line: Int, names: [String], positions: [Int], fields: [String], log: ProblemLog) {
        self.file = file
        self.line = line
        self.names = names
        self.positions = positions
        self.fields = fields
        self.log = log
    }

    init(file: String, line: Int, index: [String: Int], fields: [String], log: ProblemLog) {
        let names = Array(index.keys)
        self.init(file: file, line: line, names: names, positions: names.map { index[$0]! }, fields: fields, log: log)
    }

    /// The raw cell, or "" when the column is absent.
    func text(_ c: String) -> String {
        for k in names.indices where names[k] == c {
            let i = positions[k]
            return i < fields.count ? fields[i] : ""
        }
        return ""
    }

    private func bad(_ c: String, _ message: String, _ zh: String) { log.add(file, line, c, message, zh: zh) }

    /// A bad value as quoted in a message: at most 80 characters, so a 1 MB cell gives a readable line.
    private func clipped(_ t: String) -> String { t.count <= 80 ? t : String(t.prefix(80)) + "…" }

    /// A cell that must not be empty (an id or a reference); nil after reporting when it is.
    func key(_ c: String) -> String? {
        let t = text(c)
        if t.trimmed.isEmpty {
            bad(c, "is empty; every row needs \(Self.article(c)) \(c)", "为空; 每一行都要填写 \(c)")
            return nil
        }
        return t
    }

    /// `a` or `an` before a column name in a message: "an id", "an opened", "a contract".
    static func article(_ column: String) -> String {
        column.first.map { "aeiou".contains($0) } == true ? "an" : "a"
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
    /// Model indices in the order their rows were written (tables only).
    var order: [Int] = []
    /// Byte offset in `bytes` where each row's record starts, in file order, then `bytes.count`
    /// (tables only): what a later save splices an edited row into (`RenderedTable`).
    var starts: [Int] = []
    /// The number of rows (a spliced rendering has no `rows`).
    var rowCount: Int { rows.isEmpty ? max(0, starts.count - 1) : rows.count }
    /// A spliced rendering's `RenderedTable` (the next save splices into it).
    var spliced: RenderedTable?
}

/// A table as last rendered, kept with the `LoadedWorkspace` that holds its rows (see
/// `WorkspaceStore.preparedForSaves`): a save after a few edits writes its bytes with only the
/// edited rows' records replaced, instead of printing all 20 000 rows again.
struct RenderedTable: Sendable {
    var bytes: [UInt8]
    var header: [String]
    /// Record start of each file position, then `bytes.count`.
    var starts: [Int]
    /// File position of each model index.
    var position: [Int]
    /// Diff key of each file position (with its `#2` suffix).
    var keys: [String]

    init(bytes: [UInt8], header: [String], starts: [Int], position: [Int], keys: [String]) {
        self.bytes = bytes
        self.header = header
        self.starts = starts
        self.position = position
        self.keys = keys
    }

    /// The table of a rendering: the one it was spliced into, or one made from a whole `render`.
    init?(_ file: RenderedFile) {
        if let spliced = file.spliced {
            self = spliced
            return
        }
        guard file.starts.count == file.order.count + 1, file.rows.count == file.order.count else { return nil }
        bytes = file.bytes
        header = file.header
        starts = file.starts
        keys = file.rows.map(\.key)
        position = [Int](repeating: 0, count: file.order.count)
        for (p, i) in file.order.enumerated() { position[i] = p }
    }
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
    /// Reads the rows of a file in the form Bidbench writes it (the canonical header, no BOM), as
    /// `decode` would, much faster; nil from it: the general reader reads the file. Only for the
    /// one table where it matters (`GateRows`).
    var quickRows: (([UInt8]) -> (rows: [Row], lines: [Int])?)? = nil

    var defaultLayout: TableLayout { TableLayout(header: columns, bom: false) }

    // Kept as one function: decode, parse, header, rows: each step reports into the log and may stop the file.
    /// Parses a file's bytes. Returns nil (after reporting) when the file cannot be used at all:
    /// invalid UTF-8, a merge conflict, broken CSV syntax, or a missing header/required column.
    /// `complete` is false when some rows were skipped (wrong field count, empty key).
    func parse(_ bytes: [UInt8], path: String, log: ProblemLog) -> (rows: [Row], lines: [Int], layout: TableLayout, complete: Bool)? {
        guard StoreText.check(bytes, path: path, log: log) else { return nil }
        if let quick = quickRows?(bytes) { return (quick.rows, quick.lines, defaultLayout, true) }
        // Rows are decoded as the records stream by (no array of records); a syntax error found
        // later takes back what the rows reported, so the file gets only that error, as before.
        let mark = log.problems.count
        // The header row (nil: not read yet) and what it says (nil: refused). Only the record closure
        // touches these: a local function mutating them too made every row's access to them checked
        // at run time (about a twentieth of reading 800 000 gate answers).
        var header: [String]?
        var known: HeaderColumns?
        var rows: [Row] = []
        var lines: [Int] = []
        var complete = true
        do {
            try CSV.forEachRecord(bytes) { line, fields in
                guard let header else {
                    header = fields
                    known = readHeader(fields, line: line, path: path, log: log)
                    guard known != nil else { return false }
                    // At most one row a line: the arrays are allocated once, not grown twenty times.
                    var newlines = 0
                    for b in bytes where b == 10 { newlines += 1 }
                    rows.reserveCapacity(newlines)
                    lines.reserveCapacity(newlines)
                    return true
                }
                guard let known else { return false }
                guard fields.count == header.count else {
                    log.add(
                        path, line, nil,
                        "has \(fields.count) fields, expected \(header.count) (the header has \(header.count) columns)",
                        zh: "有 \(fields.count) 个字段, 应为 \(header.count) 个 (表头有 \(header.count) 列)")
                    complete = false
                    return true
                }
                let reader = RowReader(file: path, line: line, names: known.names, positions: known.positions, fields: fields, log: log)
                guard var row = decode(reader) else {
                    complete = false
                    return true
                }
                if !known.unknown.isEmpty {
                    var cells: [String: String] = [:]
                    for c in known.unknown where c.index < fields.count { cells[c.name] = fields[c.index] }
                    row[keyPath: extra] = cells
                }
                rows.append(row)
                lines.append(line)
                return true
            }
        } catch {
            log.problems.removeSubrange(mark...)
            log.add(path, error.line, nil, error.message, zh: error.messageZH ?? error.message)
            return nil
        }
        guard header != nil else {
            log.add(
                path, 0, nil, "the file is empty; expected a header row: \(columns.joined(separator: ","))",
                zh: "文件是空的; 应有表头行: \(columns.joined(separator: ","))")
            return nil
        }
        guard let known else { return nil }
        let layout = TableLayout(
            header: known.layoutHeader, bom: bytes.starts(with: [0xEF, 0xBB, 0xBF]), crlf: CSV.endsRecordsWithCRLF(bytes))
        return (rows, lines, layout, complete)
    }

    /// What a table's header row says: its columns as written (known names trimmed), where each known
    /// column stands, and the columns this version does not know.
    private struct HeaderColumns {
        var layoutHeader: [String]
        var names: [String]
        var positions: [Int]
        var unknown: [(index: Int, name: String)]
    }

    /// Reads the header row; nil (after reporting) when a column appears twice or a required one is missing.
    private func readHeader(_ fields: [String], line: Int, path: String, log: ProblemLog) -> HeaderColumns? {
        var index: [String: Int] = [:]
        var headerOK = true
        var seen: Set<String> = []
        for (i, raw) in fields.enumerated() {
            let name = raw.trimmed
            if !seen.insert(name).inserted {
                log.add(path, line, name, "the column appears twice in the header", zh: "该列在表头中出现了两次")
                headerOK = false
            }
            if columns.contains(name) { index[name] = i }
        }
        for c in required where index[c] == nil {
            log.add(
                path, line, c,
                "required column is missing from the header (expected columns: \(columns.joined(separator: ",")))",
                zh: "表头缺少这个必需的列 (应有的列: \(columns.joined(separator: ",")))")
            headerOK = false
        }
        guard headerOK else { return nil }
        let layoutHeader = fields.enumerated().map { index[$0.element.trimmed] == $0.offset ? $0.element.trimmed : $0.element }
        let known = Set(columns)
        // Unknown columns, found once per file rather than once per row.
        let unknown = layoutHeader.enumerated().filter { !known.contains($0.element) }.map { (index: $0.offset, name: $0.element) }
        let names = columns.filter { index[$0] != nil }
        return HeaderColumns(layoutHeader: layoutHeader, names: names, positions: names.map { index[$0]! }, unknown: unknown)
    }

    /// Prints rows sorted, known columns first (README order) then unknown ones in their original
    /// order, then any unknown keys new since the load (sorted).
    func render(_ rows: [Row], layout: TableLayout?) -> RenderedFile {
        let (header, unknown) = columnsFor(rows, layout: layout)
        let layout = layout ?? defaultLayout
        // Keys are converted to bytes once; rows already in order (the usual case) skip the sort.
        let keys = rows.map { sortKey($0).map { Array($0.utf8) } }
        var order = Array(keys.indices)
        if zip(keys, keys.dropFirst()).contains(where: { TextTools.naturalLess($1, $0) }) {
            order.sort { a, b in keys[a] == keys[b] ? a < b : TextTools.naturalLess(keys[a], keys[b]) }
        }
        // One byte buffer for the whole file: no string per row or field.
        var out: [UInt8] = []
        out.reserveCapacity(64 + rows.count * 16 * max(1, header.count))
        if layout.bom { out += [0xEF, 0xBB, 0xBF] }
        var line = 1 + CSV.appendRecord(header, to: &out, crlf: layout.crlf)
        var lines = [Int](repeating: 0, count: rows.count)
        var starts: [Int] = []
        starts.reserveCapacity(rows.count + 1)
        var rendered: [(key: String, cells: [String])] = []
        rendered.reserveCapacity(rows.count)
        var keyCount: [String: Int] = [:]
        for i in order {
            let row = rows[i]
            let cells = self.cells(row, unknown: unknown)
            lines[i] = line
            starts.append(out.count)
            line += CSV.appendRecord(cells, to: &out, crlf: layout.crlf)
            var k = diffKey(row)
            let n = (keyCount[k] ?? 0) + 1
            keyCount[k] = n
            if n > 1 { k += "#\(n)" }
            rendered.append((k, cells))
        }
        starts.append(out.count)
        return RenderedFile(
            bytes: out, header: header, rows: rendered, lines: lines,
            layout: TableLayout(header: header, bom: layout.bom, crlf: layout.crlf), order: order, starts: starts)
    }

    /// The header `render` writes: known columns (README order), then unknown ones in their original
    /// order, then unknown keys new since the load (sorted); and the unknown ones alone.
    func columnsFor(_ rows: [Row], layout: TableLayout?) -> (header: [String], unknown: [String]) {
        let layout = layout ?? defaultLayout
        let known = Set(columns)
        var unknown = layout.header.filter { !known.contains($0) }
        let unknownSet = Set(unknown)
        var added: Set<String> = []
        for row in rows { for k in row[keyPath: extra].keys where !unknownSet.contains(k) && !known.contains(k) { added.insert(k) } }
        unknown += added.sorted()
        return (columns + unknown, unknown)
    }

    /// A row's cells as `render` writes them.
    func cells(_ row: Row, unknown: [String]) -> [String] {
        guard !unknown.isEmpty else { return encode(row) }
        let extras = row[keyPath: extra]
        return encode(row) + unknown.map { extras[$0] ?? "" }
    }
}

extension TableSpec where Row: Equatable {
    /// The new rendering of `rows` and what changed against `old` (the rows as loaded or last
    /// saved), rendering only the old rows that differ — the fast path of a save after a few edits
    /// of a large table. Nil when the rows were added, removed or re-keyed (a row's sort key or diff
    /// key changed), or the header changed: then both are rendered whole and compared.
    ///
    /// With `cached` (the rendering of `old`, kept since the load or the last save) the new bytes
    /// are `cached`'s with the edited rows' records replaced: no other row is printed again.
    func renderChange(
        _ rows: [Row], over old: [Row], layout: TableLayout?, cached: RenderedTable? = nil
    ) -> (new: RenderedFile, changed: Bool, diff: RowDiff)? {
        // Rows appended at the end of the model (a new requirement) splice in as well; other
        // additions and any removal take the whole rendering.
        guard rows.count >= old.count else { return nil }
        let appended = old.count..<rows.count
        if !appended.isEmpty { guard appended.count <= 100, let cached, cached.position.count == old.count else { return nil } }
        var differing: [Int] = []
        for i in old.indices where rows[i] != old[i] {
            differing.append(i)
            if differing.count > 1_000 { return nil }  // many edits: comparing whole renderings costs no more
        }
        // With every sort key and diff key unchanged, rows keep their order and keys (and `#2` suffixes).
        func bytes(_ key: [String]) -> [[UInt8]] { key.map { Array($0.utf8) } }
        for i in differing where bytes(sortKey(rows[i])) != bytes(sortKey(old[i])) || diffKey(rows[i]) != diffKey(old[i]) { return nil }
        if let cached, cached.position.count == old.count {
            return splice(rows, over: old, differing, layout: layout, cached)
        }
        let new = render(rows, layout: layout)
        let (oldHeader, oldUnknown) = columnsFor(old, layout: layout)
        guard oldHeader == new.header else { return nil }
        var position = [Int](repeating: 0, count: rows.count)
        for (p, i) in new.order.enumerated() { position[i] = p }
        var changed = false
        var diff = RowDiff()
        for p in differing.map({ position[$0] }).sorted() {
            let row = new.rows[p]
            let before = cells(old[new.order[p]], unknown: oldUnknown)
            guard before != row.cells else { continue }
            changed = true
            if let edit = RowDiff.edit(key: row.key, header: new.header, before: before, after: row.cells) { diff.edited.append(edit) }
        }
        return (new, changed, diff)
    }

    private func keyBytes(_ row: Row) -> [[UInt8]] { sortKey(row).map { Array($0.utf8) } }

    // Kept as one function: one walk over the kept records, copying, replacing and inserting in file order.
    /// `renderChange` on a kept rendering: the records of the rows in `differing` are printed anew,
    /// rows appended to the model are inserted where their sort key puts them (after equal keys,
    /// as the stable sort of `render` does), and every other record is copied. Nil when the header
    /// would change (an unknown column added) or an appended row's diff key is already taken.
    private func splice(
        _ rows: [Row], over old: [Row], _ differing: [Int], layout: TableLayout?, _ cached: RenderedTable
    ) -> (new: RenderedFile, changed: Bool, diff: RowDiff)? {
        let (header, unknown) = columnsFor(rows, layout: layout)
        guard header == cached.header, columnsFor(old, layout: layout).header == header else { return nil }
        let crlf = layout?.crlf ?? false
        let n = old.count
        var order = [Int](repeating: 0, count: n)
        for (i, p) in cached.position.enumerated() { order[p] = i }
        var edits: [Int: [String]] = [:]
        var editBefore: [Int: [String]] = [:]
        for i in differing {
            let before = cells(old[i], unknown: unknown)
            let after = cells(rows[i], unknown: unknown)
            guard before != after else { continue }
            edits[cached.position[i]] = after
            editBefore[cached.position[i]] = before
        }
        // Where each appended row goes: before the first kept record whose key sorts after its own.
        var inserts: [(before: Int, key: [[UInt8]], index: Int)] = []
        if rows.count > n {
            var taken = Set(cached.keys)
            for i in n..<rows.count {
                guard taken.insert(diffKey(rows[i])).inserted else { return nil }
                let key = keyBytes(rows[i])
                var lo = 0
                var hi = n
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if TextTools.naturalLess(key, keyBytes(old[order[mid]])) { hi = mid } else { lo = mid + 1 }
                }
                inserts.append((lo, key, i))
            }
            inserts.sort { a, b in
                a.before != b.before ? a.before < b.before : a.key == b.key ? a.index < b.index : TextTools.naturalLess(a.key, b.key)
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(cached.bytes.count + 256)
        out.append(contentsOf: cached.bytes[0..<(cached.starts.first ?? cached.bytes.count)])
        var starts: [Int] = []
        starts.reserveCapacity(rows.count + 1)
        var keys: [String] = []
        keys.reserveCapacity(rows.count)
        var position = [Int](repeating: 0, count: rows.count)
        var diff = RowDiff()
        var next = 0
        for p in 0...n {
            while next < inserts.count && inserts[next].before == p {
                let i = inserts[next].index
                position[i] = starts.count
                starts.append(out.count)
                _ = CSV.appendRecord(cells(rows[i], unknown: unknown), to: &out, crlf: crlf)
                keys.append(diffKey(rows[i]))
                diff.added.append(diffKey(rows[i]))
                next += 1
            }
            guard p < n else { break }
            position[order[p]] = starts.count
            starts.append(out.count)
            keys.append(cached.keys[p])
            if let after = edits[p] {
                _ = CSV.appendRecord(after, to: &out, crlf: crlf)
                if let edit = RowDiff.edit(key: cached.keys[p], header: header, before: editBefore[p] ?? [], after: after) {
                    diff.edited.append(edit)
                }
            } else {
                out.append(contentsOf: cached.bytes[cached.starts[p]..<cached.starts[p + 1]])
            }
        }
        starts.append(out.count)
        var new = RenderedFile(
            bytes: out, header: header, rows: [], lines: [],
            layout: TableLayout(header: header, bom: layout?.bom ?? false, crlf: crlf),
            order: [], starts: starts)
        new.spliced = RenderedTable(bytes: out, header: header, starts: starts, position: position, keys: keys)
        return (new, !edits.isEmpty || !inserts.isEmpty, diff)
    }
}

enum StoreText {
    /// What `decode` checks (valid UTF-8, no git conflict markers), on the bytes, without making a
    /// String of the whole file: the CSV reader works on the bytes.
    static func check(_ bytes: [UInt8], path: String, log: ProblemLog) -> Bool {
        guard TextTools.firstInvalidUTF8(bytes) == nil, !TextTools.hasConflictMarker(bytes), TextTools.firstNUL(bytes) == nil else {
            return decode(bytes, path: path, log: log) != nil
        }
        return true
    }

    /// Decodes a file as UTF-8, reporting invalid bytes (with a GB18030 hint) and git conflict markers.
    /// `hint` says what to do, in English and in Chinese; `valid`: the caller checked the UTF-8 already.
    static func decode(
        _ bytes: [UInt8], path: String, log: ProblemLog,
        hint: (en: String, zh: String) = (
            "save it again as \"CSV UTF-8\", or use `bidbench import … --encoding gb18030`",
            "请另存为 “CSV UTF-8”, 或用 `bidbench import … --encoding gb18030` 导入"
        ), valid: Bool = false
    ) -> String? {
        if !valid, let bad = TextTools.firstInvalidUTF8(bytes) {
            let byte = String(bytes[bad], radix: 16, uppercase: true)
            log.add(
                path, TextTools.line(ofOffset: bad, in: bytes), nil,
                "is not valid UTF-8 (byte \(bad) is 0x\(byte)); it was probably saved as GB18030/GBK (Excel or WPS in Chinese): \(hint.en)",
                zh: "不是有效的 UTF-8 (偏移 \(bad) 处的字节为 0x\(byte)); 可能是用 GB18030/GBK 保存的 (中文版 Excel 或 WPS): \(hint.zh)")
            return nil
        }
        // A NUL makes git take the file for binary (no diffs, no merges) and cuts C strings short.
        if let nul = TextTools.firstNUL(bytes) {
            log.add(
                path, TextTools.line(ofOffset: nul, in: bytes), nil,
                "contains a NUL character (byte \(nul)), which a table cannot hold (git would take the file for binary): remove it",
                zh: "含有 NUL 字符 (偏移 \(nul)), 表格中不能有它 (git 会把文件当作二进制): 请删除")
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let markers = TextTools.conflictMarkerLines(text)
        if !markers.isEmpty {
            for l in markers {
                log.add(
                    path, l, nil,
                    "git merge conflict marker (<<<<<<<): while the merge is in progress, bidbench resolve merges the tables row by row (or keep one side and remove the <<<<<<< ======= >>>>>>> lines), then run bidbench check",
                    zh:
                        "git 合并冲突标记 (<<<<<<<): 合并尚未提交时, 运行 bidbench resolve 按行合并各表 (或保留一方, 删去 <<<<<<< ======= >>>>>>> 这几行), 再运行 bidbench check"
                )
            }
            return nil
        }
        return text
    }
}
