import BidbenchCore

/// `playbook.csv` on its own, for `bidbench contract check` inside a workspace: reading the whole
/// workspace to review one contract text would cost the time of every other table.
extension WorkspaceStore {
    /// The playbook rows of the workspace in `folder` (empty when it has no `playbook.csv`) and the
    /// problems found in the file, each naming file, line and field. A kind listed twice is reported
    /// and its later row ignored.
    public static func loadPlaybook(folder: String) -> (rows: [PlaybookEntry], problems: [Problem]) {
        let spec = Schema.playbook
        let log = ProblemLog()
        let bytes: [UInt8]?
        do { bytes = try FileIO.readIfExists(FileIO.join(folder, spec.file)) } catch {
            log.add(spec.file, 0, nil, "cannot be read: \(error)", zh: "无法读取: \(error)")
            return ([], log.problems)
        }
        guard let bytes, let parsed = spec.parse(bytes, path: spec.file, log: log) else { return ([], log.problems) }
        var seen = Set<RedFlagKind>()
        var rows: [PlaybookEntry] = []
        for (row, line) in zip(parsed.rows, parsed.lines) {
            guard seen.insert(row.kind).inserted else {
                log.add(
                    spec.file, line, "kind", "\"\(row.kind.rawValue)\" is listed twice; the first row counts",
                    zh: "“\(row.kind.rawValue)” 出现了两次; 以第一行为准")
                continue
            }
            rows.append(row)
        }
        return (rows, log.problems)
    }
}
