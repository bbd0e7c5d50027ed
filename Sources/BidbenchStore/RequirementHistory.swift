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
            for c in e.changes where earliest[c.key] == nil { earliest[c.key] = c.before }
        }
        guard !earliest.isEmpty else { return saved }
        var byID = Dictionary(saved.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (key, before) in earliest {
            if case .object(let pairs) = before, let r = decode(pairs) { byID[key] = r } else { byID[key] = nil }
        }
        return byID.values.sorted { TextTools.naturalLess($0.id, $1.id) }
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
