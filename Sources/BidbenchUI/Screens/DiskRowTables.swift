import BidbenchCore

/// The tables picked up live through one table of (file, key path, key, fields) rather than a
/// switch arm each: the delivery tables, the playbook, the meeting records and the panel's discussion notes. Each key is the one
/// the Store's validator keeps unique (README "Workspace format"), so rows merge one by one; a
/// table whose keys repeat on a side (a hand-edited playbook) is compared whole.
struct RowTable {
    let file: String
    let same: (Workspace, Workspace) -> Bool
    let copy: (Workspace, inout Workspace) -> Void
    let merge:
        (_ base: Workspace, _ mine: Workspace, _ theirs: Workspace, _ target: inout Workspace, _ other: inout Workspace) -> (
            taken: Int, conflicts: Int
        )?
    let lines: (Lang, _ mine: Workspace, _ theirs: Workspace) -> [String]

    /// `fields`: the row's columns other than the key, named as in the file, as text. `settle`: how a
    /// row both sides changed merges field by field (without it, such a row is a conflict whole).
    init<Row: Equatable>(
        _ file: String, _ path: WritableKeyPath<Workspace, [Row]>, key: @escaping (Row) -> String,
        fields: @escaping (Row) -> [(String, String)], extra: @escaping (Row) -> [String: String], settle: RowMerge.Settle<Row>? = nil
    ) {
        self.file = file
        same = { $0[keyPath: path] == $1[keyPath: path] }
        copy = { source, target in target[keyPath: path] = source[keyPath: path] }
        merge = { base, mine, theirs, target, other in
            guard
                let m = RowMerge.merge(
                    base: base[keyPath: path], mine: mine[keyPath: path], theirs: theirs[keyPath: path], key: key, settle: settle)
            else { return nil }
            target[keyPath: path] = m.mine
            other[keyPath: path] = m.theirs
            return (m.taken, m.conflicts)
        }
        let all = { (r: Row) in fields(r) + extra(r).sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        lines = { L, mine, theirs in
            RowTable.lines(L, mine[keyPath: path], theirs[keyPath: path], key: key, fields: all)
        }
    }

    /// The table of a workspace-relative file, or nil.
    static func named(_ file: String) -> RowTable? { all.first { $0.file == file } }

    // Kept as one list: one entry per table picked up live (file, rows, key, columns), data rather than steps.
    /// A computed list: key paths and closures are not `Sendable`, and it is looked at only when a
    /// file changed on disk or the conflict dialog is drawn.
    static var all: [RowTable] {
        [
            RowTable(
                "tasks.csv", \.delivery.tasks, key: { "\($0.contract)/\($0.id)" },
                fields: {
                    [
                        ("phase", $0.phase.id), ("title", $0.title), ("owner", $0.owner), ("planned_start", day($0.plannedStart)),
                        ("planned_end", day($0.plannedEnd)), ("actual_start", day($0.actualStart)), ("actual_end", day($0.actualEnd)),
                        ("status", $0.status.id), ("depends_on", $0.dependsOn.joined(separator: ";")),
                    ]
                }, extra: \.extra,
                settle: RowMerge.fields([
                    RowMerge.field(\.phase), RowMerge.field(\.title), RowMerge.field(\.owner), RowMerge.field(\.plannedStart),
                    RowMerge.field(\.plannedEnd), RowMerge.field(\.actualStart), RowMerge.field(\.actualEnd), RowMerge.field(\.status),
                    RowMerge.field(\.dependsOn), RowMerge.field(\.extra),
                ])),
            RowTable(
                "acceptance.csv", \.delivery.acceptance, key: { "\($0.contract)/\($0.id)" },
                fields: {
                    [
                        ("requirements", $0.requirements.joined(separator: ";")), ("criterion", $0.criterion), ("result", $0.result.id),
                        ("date", day($0.date)), ("tester", $0.tester), ("note", $0.note), ("attempts", String($0.attempts)),
                    ]
                }, extra: \.extra,
                settle: RowMerge.fields([
                    RowMerge.field(\.requirements), RowMerge.field(\.criterion), RowMerge.field(\.result), RowMerge.field(\.date),
                    RowMerge.field(\.tester), RowMerge.field(\.note), RowMerge.field(\.attempts), RowMerge.field(\.extra),
                ])),
            RowTable(
                "training.csv", \.delivery.training, key: \.id,
                fields: {
                    [
                        ("contract", $0.contract), ("level", $0.level), ("module", $0.module), ("date", day($0.date)), ("mode", $0.mode.id),
                        ("trainer", $0.trainer), ("planned", String($0.planned)), ("present", String($0.present)),
                        ("pass_target", NumberText.format($0.passTarget)),
                    ]
                }, extra: \.extra),
            RowTable(
                "training_results.csv", \.delivery.trainingResults, key: { "\($0.session)/\($0.person)" },
                fields: {
                    [("department", $0.department), ("score", number($0.score)), ("passed", $0.passed.map { String($0) } ?? "")]
                }, extra: \.extra),
            RowTable(
                "tickets.csv", \.delivery.tickets, key: { "\($0.contract)/\($0.id)" },
                fields: {
                    [
                        ("severity", String($0.severity)), ("module", $0.module), ("opened", $0.opened.description),
                        ("first_response", $0.firstResponse?.description ?? ""), ("resolved", $0.resolved?.description ?? ""),
                        ("note", $0.note),
                    ]
                }, extra: \.extra,
                // A colleague's escalation (severity, note) and this session's resolved time are both kept.
                settle: RowMerge.fields([
                    RowMerge.field(\.severity), RowMerge.field(\.module), RowMerge.field(\.opened), RowMerge.field(\.firstResponse),
                    RowMerge.field(\.resolved), RowMerge.field(\.note), RowMerge.field(\.extra),
                ])),
            RowTable(
                "sla.csv", \.delivery.sla, key: { "\($0.contract)/\($0.severity)" },
                fields: {
                    [
                        ("response_hours", number($0.responseHours)), ("resolution_hours", number($0.resolutionHours)),
                        ("penalty_per_breach", $0.penaltyPerBreach?.grouped() ?? ""),
                    ]
                }, extra: \.extra),
            RowTable(
                "vendor_reviews.csv", \.delivery.vendorReviews, key: { "\($0.vendor)/\($0.period)" },
                fields: {
                    [
                        ("on_time_pct", NumberText.format($0.onTimePct)),
                        ("acceptance_first_pass_pct", NumberText.format($0.acceptanceFirstPassPct)),
                        ("sla_pct", NumberText.format($0.slaPct)), ("training_pass_pct", NumberText.format($0.trainingPassPct)),
                        ("satisfaction", NumberText.format($0.satisfaction)), ("score", number($0.score)), ("note", $0.note),
                        ("reviewer", $0.reviewer),
                    ]
                }, extra: \.extra),
            RowTable(
                "handover.csv", \.delivery.handover, key: { "\($0.contract)/\($0.item)" },
                fields: { [("status", $0.status.id), ("date", day($0.date)), ("note", $0.note)] }, extra: \.extra,
                settle: RowMerge.fields([RowMerge.field(\.status), RowMerge.field(\.date), RowMerge.field(\.note), RowMerge.field(\.extra)])
            ),
            RowTable(
                "availability.csv", \.delivery.availability, key: { "\($0.contract)/\($0.month)" },
                fields: {
                    [
                        ("percent", number($0.percent)), ("downtime_minutes", $0.downtimeMinutes.map { String($0) } ?? ""),
                        ("service_minutes", $0.serviceMinutes.map { String($0) } ?? ""), ("note", $0.note),
                    ]
                }, extra: \.extra),
            RowTable(
                "review_satisfaction.csv", \.delivery.satisfaction, key: { "\($0.vendor)/\($0.period)/\($0.department)" },
                fields: { [("score", NumberText.format($0.score)), ("note", $0.note)] }, extra: \.extra),
            RowTable(
                "playbook.csv", \.playbook, key: \.kind.rawValue,
                fields: {
                    [
                        ("severity", $0.severity.rawValue), ("enabled", $0.enabled ? "yes" : "no"), ("position_en", $0.positionEN),
                        ("position_zh", $0.positionZH),
                    ]
                }, extra: \.extra),
            RowTable(
                "meetings.csv", \.meetings, key: \.id,
                fields: {
                    [
                        ("kind", $0.kind.rawValue), ("date", day($0.date)), ("title", $0.title), ("attendees", $0.attendees),
                        ("lead", $0.lead), ("department", $0.department),
                    ]
                }, extra: \.extra),
            RowTable(
                "meeting_requirements.csv", \.meetingRequirements, key: { "\($0.meeting)/\($0.requirement.id)" },
                fields: {
                    let q = $0.requirement
                    return [
                        ("department", q.department), ("module", q.module), ("title", q.title), ("detail", q.detail),
                        ("priority", q.priority.rawValue), ("weight", NumberText.format(q.weight)), ("acceptance", q.acceptance),
                        ("status", q.status.rawValue), ("criterion", q.criterion), ("source", q.source),
                    ]
                }, extra: \.requirement.extra),
            RowTable(
                "discussion.csv", \.discussion, key: { "\($0.vendor)/\($0.criterion)" }, fields: { [("note", $0.note)] },
                extra: \.extra),
        ]
    }

    static func day(_ d: Day?) -> String { d?.description ?? "" }
    static func number(_ v: Double?) -> String { v.map(NumberText.format) ?? "" }

    /// What the conflict dialog shows of two versions of a table: per row that differs, each field
    /// that differs (`C1/T10 title: mine “…”   theirs “…”`), or the whole row when one side does
    /// not have it. When a key repeats on a side the rows are compared whole, as for a table
    /// without keys.
    static func lines<Row: Equatable>(
        _ L: Lang, _ mine: [Row], _ theirs: [Row], key: (Row) -> String, fields: (Row) -> [(String, String)]
    ) -> [String] {
        func whole(_ r: Row) -> String { ([key(r)] + fields(r).filter { !$0.1.isEmpty }.map(\.1)).joined(separator: " · ") }
        func index(_ rows: [Row]) -> [String: Row]? {
            var out: [String: Row] = [:]
            for r in rows { guard out.updateValue(r, forKey: key(r)) == nil else { return nil } }
            return out
        }
        guard let m = index(mine), let t = index(theirs) else {
            return DiskChangesScreen.unkeyed(L, mine.map(whole), theirs.map(whole))
        }
        var order: [String] = []
        var seen = Set<String>()
        for r in mine + theirs where seen.insert(key(r)).inserted { order.append(key(r)) }
        let mineWord = L.t("mine", "我的")
        let theirsWord = L.t("theirs", "磁盘上")
        return order.filter { m[$0] != t[$0] }.flatMap { k -> [String] in
            guard let a = m[k], let b = t[k] else {
                let here = m[k].map { "“\(whole($0))”" } ?? "—"
                let there = t[k].map { "“\(whole($0))”" } ?? "—"
                return ["\(k): \(mineWord) \(here)   \(theirsWord) \(there)"]
            }
            let x = Dictionary(fields(a), uniquingKeysWith: { first, _ in first })
            let y = Dictionary(fields(b), uniquingKeysWith: { first, _ in first })
            var names: [String] = []
            for (name, _) in fields(a) + fields(b) where !names.contains(name) { names.append(name) }
            let differing = names.filter { x[$0] != y[$0] }
            guard !differing.isEmpty else { return ["\(k): " + L.t("(other fields)", "(其他字段)")] }
            return differing.map { name in
                func show(_ v: String?) -> String { v.map { "“\($0)”" } ?? "—" }
                return "\(k) \(name): \(mineWord) \(show(x[name]))   \(theirsWord) \(show(y[name]))"
            }
        }
    }
}
