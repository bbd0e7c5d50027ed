import BidbenchCore

/// The requirements as they were on an earlier day, rebuilt from the journal: what a survey
/// handout's "changes since the last meeting" are measured against.
public enum RequirementHistory {
    /// The requirements at the end of `day`: `saved` (the table as last saved) with every change the
    /// journal logged after that day undone. Nil when the journal cannot be read. Journal times are
    /// UTC, so a change made late in the evening east of Greenwich may count for the next day.
    public static func asOf(endOf day: Day, folder: String, saved: [Requirement]) -> [Requirement]? {
        guard let entries = try? Journal.read(folder: folder) else { return nil }
        let file = Schema.requirements.file
        // The first `before` of each row after that day is how the row stood at the end of it.
        var earliest: [String: JSONValue] = [:]
        for e in entries where e.table == file && String(e.time.prefix(10)) > day.description {
            // A row added after that day did not exist at its end.
            for k in e.added.flatMap(expand) where earliest[k] == nil { earliest[k] = .null }
            for c in e.changes where earliest[c.key] == nil { earliest[c.key] = c.before }
        }
        guard !earliest.isEmpty else { return saved }
        var byID = Dictionary(saved.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (key, before) in earliest {
            guard case .object(let pairs) = before, !pairs.isEmpty else {
                byID[key] = nil
                continue
            }
            // An entry may hold only the columns that changed: lay them over the row as saved.
            var cells: [(String, JSONValue)] = []
            if let now = byID[key] {
                cells = zip(Schema.requirements.columns, Schema.requirements.encode(now)).map { ($0, JSONValue.string($1)) }
            }
            for (k, v) in pairs {
                if let i = cells.firstIndex(where: { $0.0 == k }) { cells[i].1 = v } else { cells.append((k, v)) }
            }
            if let r = decode(cells) { byID[key] = r } else { byID[key] = nil }
        }
        return byID.values.sorted { TextTools.naturalLess($0.id, $1.id) }
    }

    /// The keys of a journal run: `R07..R09` → R07, R08, R09 (see `Journal.compressKeys`); the
    /// shortened form of a very long list (`first`, `…`, `last`) gives only its two ends.
    static func expand(_ run: String) -> [String] {
        let parts = run.components(separatedBy: "..")
        func split(_ k: String) -> (String, Int, Int)? {
            let digits = k.reversed().prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 12, let n = Int(String(digits.reversed())) else { return nil }
            return (String(k.dropLast(digits.count)), n, digits.count)
        }
        guard parts.count == 2, let (p, a, w) = split(parts[0]), let (q, b, _) = split(parts[1]), p == q, a <= b, b - a < 1_000_000 else {
            return run == "…" ? [] : [run]
        }
        return (a...b).map { n in
            let digits = String(n)
            return p + String(repeating: "0", count: max(0, w - digits.count)) + digits
        }
    }

    /// A journal row (column → cell) read back as a requirement.
    static func decode(_ pairs: [(String, JSONValue)]) -> Requirement? {
        var index: [String: Int] = [:]
        var fields: [String] = []
        for (i, (k, v)) in pairs.enumerated() {
            index[k] = i
            fields.append(v.stringValue ?? v.compact)
        }
        let reader = RowReader(file: Schema.requirements.file, line: 0, index: index, fields: fields, log: ProblemLog())
        return Schema.requirements.decode(reader)
    }
}
