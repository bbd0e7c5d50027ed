import BidbenchCore

/// The panel's scores changed since the first reveal, read from the journal.
public enum ScoreHistory {
    /// Every score cell changed after the first entry that revealed the panel (`revealed` set true in
    /// `workspace.json`; a hide and a reveal again do not start over), with its score at the reveal
    /// (the first change's before; none for a cell first scored after it), its score now in
    /// `workspace`, and its last change. A cell changed back to where it was, or whose note alone
    /// changed, is not one; nor is a cell of a vendor added after the reveal, or one whose score at the
    /// reveal is not known (its row removed, as a vendor's deletion does, before any change to it).
    /// Empty while the panel is blind or was never revealed through Bidbench; nil when the journal
    /// cannot be read.
    public static func revisedAfterReveal(folder: String, workspace: Workspace) -> [ScoreRevision]? {
        guard workspace.settings.revealed else { return [] }
        guard let entries = try? Journal.read(folder: folder) else { return nil }
        let ordered = entries.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        // Since the first reveal: a hide does not unsee the scores (a meeting pass: hiding and revealing
        // again dropped every revision from the minutes).
        guard
            let reveal = ordered.firstIndex(where: { e in
                e.table == SettingsFile.file
                    && e.changes.contains { $0.key == "revealed" && $0.after["value"]?.stringValue == "true" }
            })
        else { return [] }
        struct Cell: Hashable {
            var evaluator: String
            var key: String
        }
        var first: [Cell: Double?] = [:]
        var last: [Cell: (time: String, actor: String)] = [:]
        var order: [Cell] = []
        // Cells whose score at the reveal is not known (first seen removed: a vendor deleted, its rows
        // with it) and vendors added after the reveal, whose first scores nobody had seen others give
        // before: neither is a revision (a meeting pass: a vendor deleted and brought back with `u`
        // listed its 24 scores as changed, and a new vendor's first scores were "修改").
        var unknown: Set<Cell> = []
        var newVendors: Set<String> = []
        for e in ordered[(reveal + 1)...] where e.table == "vendors.csv" {
            newVendors.formUnion(e.added.flatMap(RequirementHistory.expand))
        }
        for e in ordered[(reveal + 1)...] where e.table.hasPrefix("scores/") && e.table.hasSuffix(".csv") {
            let evaluator = String(e.table.dropFirst("scores/".count).dropLast(".csv".count))
            func seen(_ key: String, before: Double?) {
                let c = Cell(evaluator: evaluator, key: key)
                if first[c] == nil {
                    first[c] = .some(before)
                    order.append(c)
                }
                last[c] = (e.time, e.actor)
            }
            for key in e.added.flatMap(RequirementHistory.expand) { seen(key, before: nil) }
            for c in e.changes where c.before["score"] != nil || c.after["score"] != nil {
                seen(c.key, before: c.before["score"]?.stringValue.flatMap { Double($0) })
            }
            // A removed row's score is the one the workspace had: known only when it was seen before.
            for key in e.removed.flatMap(RequirementHistory.expand) {
                let c = Cell(evaluator: evaluator, key: key)
                if first[c] != nil { seen(key, before: nil) } else { unknown.insert(c) }
            }
        }
        return order.compactMap { c in
            let parts = c.key.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, !unknown.contains(c), !newVendors.contains(parts[0]), let before = first[c], let when = last[c]
            else { return nil }
            let now = workspace.scores[c.evaluator]?.first { $0.vendor == parts[0] && $0.criterion == parts[1] }?.score
            guard now != before else { return nil }
            return ScoreRevision(
                evaluator: c.evaluator, vendor: parts[0], criterion: parts[1], before: before, after: now, time: when.time,
                actor: when.actor)
        }
    }
}
