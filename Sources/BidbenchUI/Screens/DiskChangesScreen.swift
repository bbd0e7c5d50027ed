import BidbenchCore

/// One part of the workspace that is one file on disk (a table, a score sheet, the settings…).
public enum WorkspacePart: Hashable, Sendable {
    case settings, departments, requirements, criteria, vendors, gates, prices, budget, payments, contracts, reviews, changes
    case risks, scenarios, survey, ahp, contractTexts
    /// One evaluator's sheet, `scores/<name>.csv`.
    case scores(String)
    /// A table of keyed rows listed in `RowTable.all` (delivery, playbook, meetings), by its file name.
    case rows(String)

    /// The part a workspace-relative file belongs to (nil for files that are not part of the model).
    public init?(file: String) {
        if file.hasPrefix("scores/") && file.hasSuffix(".csv") {
            self = .scores(String(file.dropFirst("scores/".count).dropLast(".csv".count)))
            return
        }
        if file.hasPrefix("ahp/") {
            self = .ahp
            return
        }
        if file.hasPrefix("contracts/") {
            self = .contractTexts
            return
        }
        let tables: [String: WorkspacePart] = [
            "workspace.json": .settings, "departments.csv": .departments, "requirements.csv": .requirements,
            "criteria.csv": .criteria, "vendors.csv": .vendors, "gates.csv": .gates, "prices.csv": .prices, "budget.csv": .budget,
            "payments.csv": .payments, "contracts.csv": .contracts, "reviews.csv": .reviews, "changes.csv": .changes,
            "risks.csv": .risks, "scenarios.csv": .scenarios, "survey.csv": .survey,
        ]
        if let p = tables[file] {
            self = p
        } else if RowTable.named(file) != nil {
            self = .rows(file)
        } else {
            return nil
        }
    }

    /// Whether the part is the same in two workspaces.
    public func same(_ a: Workspace, _ b: Workspace) -> Bool {
        switch self {
        case .settings: return a.settings == b.settings
        case .departments: return a.departments == b.departments
        case .requirements: return a.requirements == b.requirements
        case .criteria: return a.criteria == b.criteria
        case .vendors: return a.vendors == b.vendors
        case .gates: return a.gates == b.gates
        case .prices: return a.prices == b.prices
        case .budget: return a.budget == b.budget
        case .payments: return a.payments == b.payments
        case .contracts: return a.contracts == b.contracts
        case .reviews: return a.reviews == b.reviews
        case .changes: return a.changes == b.changes
        case .risks: return a.risks == b.risks
        case .scenarios: return a.scenarios == b.scenarios
        case .survey: return a.survey == b.survey
        case .ahp: return a.ahp == b.ahp
        case .contractTexts: return a.contractTexts == b.contractTexts
        case .scores(let name): return a.scores[name] == b.scores[name]
        case .rows(let file): return RowTable.named(file)?.same(a, b) ?? true
        }
    }

    /// Copies the part from `source` into `target`.
    func copy(from source: Workspace, into target: inout Workspace) {
        switch self {
        case .settings: target.settings = source.settings
        case .departments: target.departments = source.departments
        case .requirements: target.requirements = source.requirements
        case .criteria: target.criteria = source.criteria
        case .vendors: target.vendors = source.vendors
        case .gates: target.gates = source.gates
        case .prices: target.prices = source.prices
        case .budget: target.budget = source.budget
        case .payments: target.payments = source.payments
        case .contracts: target.contracts = source.contracts
        case .reviews: target.reviews = source.reviews
        case .changes: target.changes = source.changes
        case .risks: target.risks = source.risks
        case .scenarios: target.scenarios = source.scenarios
        case .survey: target.survey = source.survey
        case .ahp: target.ahp = source.ahp
        case .contractTexts: target.contractTexts = source.contractTexts
        case .scores(let name): target.scores[name] = source.scores[name]
        case .rows(let file): RowTable.named(file)?.copy(source, &target)
        }
    }

    /// Merges the part row by row into `target` (which holds `mine`): a row (by its key) that only
    /// one side changed, added or removed takes that side; a row both changed the same way is kept.
    /// A row both changed differently (or one removed and the other changed) stays mine in `target`
    /// and is theirs in `other` (which holds `theirs`): the two versions to choose between, which
    /// differ in those rows only. Returns how many rows came from `theirs` and how many rows are
    /// such conflicts, or nil when the part has no row keys or a key repeats (compare it whole).
    func merge(base: Workspace, mine: Workspace, theirs: Workspace, into target: inout Workspace, theirsInto other: inout Workspace)
        -> (taken: Int, conflicts: Int)?
    {
        func rows<Row: Equatable>(
            _ path: WritableKeyPath<Workspace, [Row]>, _ key: (Row) -> String, settle: RowMerge.Settle<Row>? = nil
        ) -> (taken: Int, conflicts: Int)? {
            guard
                let m = RowMerge.merge(
                    base: base[keyPath: path], mine: mine[keyPath: path], theirs: theirs[keyPath: path], key: key, settle: settle)
            else { return nil }
            target[keyPath: path] = m.mine
            other[keyPath: path] = m.theirs
            return (m.taken, m.conflicts)
        }
        switch self {
        case .settings:
            var a = mine.settings
            var b = theirs.settings
            RowMerge.settingsFields(&a, &b, base.settings)
            target.settings = a
            other.settings = b
            return (a == mine.settings ? 0 : 1, a == b ? 0 : 1)
        case .departments: return rows(\.departments, { $0.id }, settle: RowMerge.departmentFields)
        case .requirements: return rows(\.requirements, { $0.id }, settle: RowMerge.requirementFields)
        case .criteria: return rows(\.criteria, { $0.id }, settle: RowMerge.criterionFields)
        case .vendors: return rows(\.vendors, { $0.id }, settle: RowMerge.vendorFields)
        case .gates: return rows(\.gates, { $0.vendor + "\u{1F}" + $0.requirement }, settle: RowMerge.gateFields)
        case .risks: return rows(\.risks, { $0.id }, settle: RowMerge.riskFields)
        case .changes: return rows(\.changes) { $0.contract + "\u{1F}" + $0.id }
        case .contracts: return rows(\.contracts, { $0.id }, settle: RowMerge.contractFields)
        case .scores(let name):
            guard
                let m = RowMerge.merge(
                    base: base.scores[name] ?? [], mine: mine.scores[name] ?? [], theirs: theirs.scores[name] ?? [],
                    key: { $0.vendor + "\u{1F}" + $0.criterion }, settle: RowMerge.scoreFields)
            else { return nil }
            target.scores[name] = m.mine
            other.scores[name] = m.theirs
            return (m.taken, m.conflicts)
        case .rows(let file): return RowTable.named(file)?.merge(base, mine, theirs, &target, &other)
        default: return nil
        }
    }

    /// The file's name as the user knows it.
    func file(_ ws: Workspace) -> String {
        switch self {
        case .settings: return "workspace.json"
        case .scores(let name): return "scores/\(name).csv"
        case .rows(let file): return file
        case .ahp: return "ahp/"
        case .contractTexts: return "contracts/"
        case .scenarios: return "scenarios.csv"
        case .survey: return "survey.csv"
        default: return "\(self).csv"
        }
    }
}

/// A file changed on disk while this session had its own unsaved edit of the same file.
public struct DiskConflict: Equatable, Sendable {
    public var part: WorkspacePart
    /// The part as it is on disk (theirs); the session's state holds its own (mine).
    public var theirs: Workspace
    /// What both started from (the base before the disk changed); nil: the session's base. Kept so
    /// that the file changing again before the choice is merged against it, and the rows in
    /// conflict stay in conflict.
    var base: Workspace? = nil
}

/// Files changed on disk by someone else (another Bidbench, `git pull`, a copied score sheet), merged
/// into the open session: a file this session has not edited is taken from disk at once; a file
/// it has edited too is a conflict shown side by side (`m` keep mine, `t` take theirs). The merge is
/// no undo step: the undo history is moved onto what arrived (`rebased`), so `u` steps back only
/// this session's own edits.
public enum DiskChangesScreen {
    /// Applies what arrived. `disk` is the whole workspace as now on disk, `files` the files that
    /// changed, `sheetTimes` each sheet's modification time.
    /// Files whose save a Bidbench that stopped left half done, completed by a load: in words.
    public static func completedSave(_ files: [String], _ L: Lang) -> String {
        let list = files.joined(separator: ", ")
        return L.t("A save left half done by a Bidbench that stopped was completed (\(list))", "已完成一个中途停止的 Bidbench 留下的保存 (\(list))")
    }

    static func arrived(_ s: inout AppState, disk: Workspace, files: [String], sheetTimes: [String: String], completed: [String] = []) {
        s.sheetTimes = sheetTimes
        // A save another Bidbench left half done when it stopped, completed by this load (a meeting pass:
        // its files simply changed, with no word of whose save it was).
        let finished = completed.isEmpty ? nil : completedSave(completed, s.lang)
        if s.hasDataProblems && !s.dirty {
            recovered(&s, disk: disk)
            if let finished { s.say(finished + "; " + (s.message ?? "")) }
            return
        }
        // A save refused as "changed on disk" waits for reload or overwrite: what changed is merged
        // now, so the question is stale (`r` would throw away the unsaved edits for nothing). A save
        // that still finds a change asks again.
        var staleSave = false
        if case .changedOnDisk? = s.modal {
            s.modal = nil
            staleSave = true
        }
        // Conflicts still waiting for a choice: a file among them that changed again is merged anew
        // from the base it had, and its entry replaced by the result.
        var open: [DiskConflict] = []
        if case .diskConflict(let list)? = s.modal { open = list }
        var parts: [WorkspacePart] = []
        for f in files { if let p = WorkspacePart(file: f), !parts.contains(p) { parts.append(p) } }
        var said: [String] = finished.map { [$0] } ?? []
        // A requirement added here and, meanwhile, another one added there under the same id (both
        // took the next number) are two requirements: this session's is renumbered before the merge,
        // so neither overwrites the other. Departments and vendors alike.
        var mine = s.workspace
        for step in renumberings where parts.contains(step.part) {
            let moved = step.renumber(open.first { $0.part == step.part }?.base ?? s.base, &mine, disk)
            guard !moved.isEmpty else { continue }
            let list = moved.map { "\($0.from) → \($0.to)" }.joined(separator: ", ")
            said.append(
                s.lang.t(
                    "\(step.noun.en)s added on disk took the same id as yours: yours renumbered \(list)",
                    "磁盘上新增的\(step.noun.zh)与你未保存的\(step.noun.zh)编号相同: 你的已改为 \(list)"))
        }
        var next = mine
        var conflicts = open.filter { !parts.contains($0.part) }
        for p in parts {
            let base = open.first { $0.part == p }?.base ?? s.base
            let (line, conflict) = take(p, base: base, mine: mine, disk: disk, into: &next, s.lang)
            if let line { said.append(line) }
            if let conflict { conflicts.append(conflict) }
        }
        // The new base is the disk: a later save writes only this session's own edits over it. A file
        // that did not change on disk stays as the base has it: the same rows, in the order this
        // session keeps them (a file is written sorted, so a row the session added since the load
        // reads back elsewhere; comparing that order made a saved session look unsaved).
        let merged = parts.filter { p in !conflicts.contains { $0.part == p } }
        let bases = Dictionary(uniqueKeysWithValues: parts.map { p in (p, open.first { $0.part == p }?.base ?? s.base) })
        var base = s.base
        for p in parts { p.copy(from: disk, into: &base) }
        s.base = base
        if next != s.workspace || merged.count < parts.count {
            // Not an undo step: what arrived is someone else's saved work. The undo history is moved
            // onto it, so `u` steps back this session's own edits and never brings back their old
            // rows, which the next save would write over theirs (user test pass: an evaluator's
            // saved score lost to the lead's `u`, Ctrl-S). A file in conflict too: the earlier states
            // did not have this session's conflicting edit, so they take what arrived (after `m`, the
            // lead's `u` wrote the evaluator's old sheet back over the one she had saved).
            s.undoStack = rebased(s.undoStack, parts, bases: bases, disk: disk, s.lang)
            s.redoStack = rebased(s.redoStack.reversed(), parts, bases: bases, disk: disk, s.lang).reversed()
            s.workspace = next
            App.clampSelections(&s)
        }
        if let dropped = dropOrphanScores(&s, keeping: conflicts.map(\.part)) { said.append(dropped) }
        // Still dirty only when something differs from what is on disk.
        s.dirty = s.workspace != base
        if conflicts.isEmpty, !open.isEmpty {
            s.modal = s.behindConflict  // the file changed again and agrees now: nothing left to choose
            s.behindConflict = nil
        }
        if !conflicts.isEmpty {
            // A form or a list open underneath (with what was typed) comes back after the choice.
            if open.isEmpty { s.behindConflict = s.modal }
            s.overlayOffset = 0
            s.modal = .diskConflict(conflicts)
            said.append(
                s.lang.t(
                    "\(conflicts.count) file(s) changed both here and on disk: choose", "\(conflicts.count) 个文件在本机和磁盘上都被修改: 请选择"))
        }
        if staleSave && conflicts.isEmpty {
            said.append(s.lang.t("merged: save again (Ctrl-S)", "已合并: 请再次保存 (Ctrl-S)"))
        }
        if !said.isEmpty {
            s.say(said.joined(separator: "; "))
        } else if s.messageIsError, let m = s.message, m.hasPrefix(App.notLoaded(s.lang)) {
            // The file that did not read reads again (as the session kept it): the error is stale.
            s.say(s.lang.t("The files on disk read again", "磁盘上的文件已恢复可读"))
        }
    }

    /// Earlier states (the undo or redo history, oldest first) with what arrived on disk merged into
    /// each as into the screen (`merged`: the parts that arrived, each from its base).
    /// From the newest back: a state whose merge would be a conflict, and every older one, is
    /// dropped (stepping back to it would bring back rows another person has changed since).
    static func rebased(
        _ states: [Workspace], _ merged: [WorkspacePart], bases: [WorkspacePart: Workspace], disk: Workspace, _ L: Lang
    ) -> [Workspace] {
        guard !merged.isEmpty else { return states }
        var out: [Workspace] = []
        for state in states.reversed() {
            var mine = state
            for step in renumberings where merged.contains(step.part) {
                _ = step.renumber(bases[step.part]!, &mine, disk)
            }
            var next = mine
            var clean = true
            for p in merged {
                let base = bases[p]!
                if p.same(mine, base) {
                    p.copy(from: disk, into: &next)
                } else if take(p, base: base, mine: mine, disk: disk, into: &next, L).conflict != nil {
                    clean = false
                    break
                }
            }
            guard clean else { break }
            out.append(next)
        }
        return out.reversed()
    }

    /// A session opened with problems in its files, and the files now load cleanly: the workspace is
    /// taken whole from disk (a read-only session has no edit of its own) and can be edited again (it
    /// stayed read-only until the program was restarted: user test pass). Another Bidbench's lock, if
    /// it holds one, still keeps it read-only; a form open meanwhile stays, no longer refused.
    static func recovered(_ s: inout AppState, disk: Workspace) {
        s.takeWhole(disk, problems: s.lockNote.map { [$0] } ?? [])
        if case .problems? = s.modal { s.modal = s.problems.isEmpty ? nil : .problems }
        if case .form(var form)? = s.modal, !s.readOnly, form.error == s.readOnlyReason {
            form.error = nil
            s.modal = .form(form)
        }
        App.clampSelections(&s)
        s.say(
            s.lang.t(
                "The problems are fixed on disk: the workspace is reloaded" + (s.readOnly ? "" : " and can be edited"),
                "磁盘上的问题已修正: 已重新加载工作区" + (s.readOnly ? "" : ", 可以编辑")))
    }

    /// One kind of record both sides may add under the same id (each takes the next number).
    struct Renumbering {
        let part: WorkspacePart
        let noun: (en: String, zh: String)
        let renumber: (_ base: Workspace, _ mine: inout Workspace, _ disk: Workspace) -> [(from: String, to: String)]
    }

    /// The kinds, in the order they are moved: departments and vendors before requirements, so that a
    /// requirement added alike on both sides but under two different new departments compares as two.
    static var renumberings: [Renumbering] {
        [
            Renumbering(
                part: .departments, noun: ("department", "部门"), renumber: { renumberDepartmentsAddedTwice(base: $0, mine: &$1, disk: $2) }),
            Renumbering(part: .vendors, noun: ("vendor", "供应商"), renumber: { renumberVendorsAddedTwice(base: $0, mine: &$1, disk: $2) }),
            Renumbering(part: .requirements, noun: ("requirement", "需求"), renumber: { renumberAddedTwice(base: $0, mine: &$1, disk: $2) }),
        ]
    }

    /// Renumbers each requirement of `mine` that is new since `base` while a different requirement was
    /// added on `disk` under the same id: to the next id free on both sides, with what refers to it
    /// in `mine` (gate answers, acceptance tests, meeting snapshots; nothing in `base` can). Returns
    /// the ids moved, in `mine`'s order.
    static func renumberAddedTwice(base: Workspace, mine: inout Workspace, disk: Workspace) -> [(from: String, to: String)] {
        let (moved, renamed) = clashingAdds(base.requirements, mine.requirements, disk.requirements, id: \.id, prefix: "R")
        guard !moved.isEmpty else { return [] }
        rename(&mine.requirements, \.id, renamed)
        rename(&mine.gates, \.requirement, renamed)
        rename(&mine.meetingRequirements, \.requirement.id, renamed)
        for i in mine.delivery.acceptance.indices {
            mine.delivery.acceptance[i].requirements = mine.delivery.acceptance[i].requirements.map { renamed[$0] ?? $0 }
        }
        return moved
    }

    /// The same for departments (a survey in each clone creates its department as the next D number):
    /// mine's moves, with the requirements, survey meetings and satisfaction answers that name it.
    static func renumberDepartmentsAddedTwice(base: Workspace, mine: inout Workspace, disk: Workspace) -> [(from: String, to: String)] {
        let (moved, renamed) = clashingAdds(base.departments, mine.departments, disk.departments, id: \.id, prefix: "D")
        guard !moved.isEmpty else { return [] }
        rename(&mine.departments, \.id, renamed)
        rename(&mine.requirements, \.department, renamed)
        rename(&mine.meetings, \.department, renamed)
        rename(&mine.delivery.satisfaction, \.department, renamed)
        return moved
    }

    /// The same for vendors (two clones each registering a bidder as the next V number): mine's moves,
    /// with its gate answers, prices, scores in every sheet, discussion notes, contracts and reviews.
    static func renumberVendorsAddedTwice(base: Workspace, mine: inout Workspace, disk: Workspace) -> [(from: String, to: String)] {
        let (moved, renamed) = clashingAdds(base.vendors, mine.vendors, disk.vendors, id: \.id, prefix: "V")
        guard !moved.isEmpty else { return [] }
        rename(&mine.vendors, \.id, renamed)
        rename(&mine.gates, \.vendor, renamed)
        rename(&mine.prices, \.vendor, renamed)
        rename(&mine.discussion, \.vendor, renamed)
        rename(&mine.contracts, \.vendor, renamed)
        rename(&mine.delivery.vendorReviews, \.vendor, renamed)
        rename(&mine.delivery.satisfaction, \.vendor, renamed)
        for name in mine.scores.keys { rename(&mine.scores[name]!, \.vendor, renamed) }
        return moved
    }

    /// Each row's id at `k` that `renamed` maps, replaced.
    private static func rename<Row>(_ rows: inout [Row], _ k: WritableKeyPath<Row, String>, _ renamed: [String: String]) {
        for i in rows.indices { if let n = renamed[rows[i][keyPath: k]] { rows[i][keyPath: k] = n } }
    }

    /// The rows `mine` added since `base` under an id that `disk` also added, for a different row:
    /// each given the next id free on both sides (in `mine`'s order), as a list and as a map.
    private static func clashingAdds<Row: Equatable>(
        _ base: [Row], _ mine: [Row], _ disk: [Row], id: KeyPath<Row, String>, prefix: String
    ) -> ([(from: String, to: String)], [String: String]) {
        let before = Set(base.map { $0[keyPath: id] })
        var theirs: [String: Row] = [:]
        for r in disk where !before.contains(r[keyPath: id]) { theirs[r[keyPath: id]] = r }
        let clashing = mine.filter { r in !before.contains(r[keyPath: id]) && theirs[r[keyPath: id]].map { $0 != r } == true }
        guard !clashing.isEmpty else { return ([], [:]) }
        var ids = IDSequence(existing: mine.map { $0[keyPath: id] } + disk.map { $0[keyPath: id] }, defaultPrefix: prefix, defaultWidth: 2)
        var moved: [(from: String, to: String)] = []
        var renamed: [String: String] = [:]
        for r in clashing where renamed[r[keyPath: id]] == nil {
            renamed[r[keyPath: id]] = ids.take()
            moved.append((r[keyPath: id], renamed[r[keyPath: id]]!))
        }
        return (moved, renamed)
    }

    /// One changed file `p` into `next`: taken from disk when only the disk changed it (since `base`),
    /// else merged row by row with `mine`. What to tell the user, and the conflict left to choose.
    static func take(
        _ p: WorkspacePart, base: Workspace, mine: Workspace, disk: Workspace, into next: inout Workspace, _ L: Lang
    ) -> (said: String?, conflict: DiskConflict?) {
        if p.same(mine, base) || p.same(mine, disk) {
            p.copy(from: disk, into: &next)
            return (p.same(base, disk) ? nil : describe(p, base: base, disk: disk, L), nil)
        }
        guard !p.same(base, disk) else { return (nil, nil) }
        // Both sides changed the file: rows (or cells) changed on one side only merge; only a row both
        // changed, differently, is a conflict to choose, and the choice is about those rows alone (the
        // rows only they changed are taken either way).
        var theirs = disk
        guard let m = p.merge(base: base, mine: mine, theirs: disk, into: &next, theirsInto: &theirs) else {
            return (nil, DiskConflict(part: p, theirs: disk, base: base))
        }
        let line =
            m.taken > 0 || m.conflicts == 0
            ? L.t(
                "\(p.file(disk)): \(m.taken) row(s) from disk merged with your unsaved edits",
                "\(p.file(disk)): 已合并磁盘上的 \(m.taken) 行与你未保存的修改") : nil
        return (line, m.conflicts > 0 ? DiskConflict(part: p, theirs: theirs, base: base) : nil)
    }

    /// Scores of this session's unsaved sheets that name a vendor or criterion no longer in the
    /// workspace (the lead removed it meanwhile) are taken out, and the user is told which: no save
    /// could write them, and keeping them left an evaluator unable to save anything (user test pass).
    /// Sheets still waiting in `keeping` (an open conflict) are left for their choice.
    static func dropOrphanScores(_ s: inout AppState, keeping: [WorkspacePart]) -> String? {
        let vendors = Set(s.workspace.vendors.map(\.id))
        let criteria = Set(s.workspace.criteria.map(\.id))
        var gone: [String] = []
        var next = s.workspace
        for (name, sheet) in s.workspace.scores.sorted(by: { $0.key < $1.key }) where !keeping.contains(.scores(name)) {
            let kept = sheet.filter { vendors.contains($0.vendor) && criteria.contains($0.criterion) }
            guard kept.count < sheet.count else { continue }
            gone += sheet.filter { !(vendors.contains($0.vendor) && criteria.contains($0.criterion)) }.map {
                "\($0.vendor)/\($0.criterion)"
            }
            next.scores[name] = kept
        }
        guard !gone.isEmpty else { return nil }
        s.workspace = next
        let list = gone.joined(separator: ", ")
        return s.lang.t(
            "\(gone.count) unsaved score(s) for a vendor or criterion removed meanwhile were dropped: \(list)",
            "\(gone.count) 项未保存的评分所属的供应商或准则已被删除, 已移除: \(list)")
    }

    /// What arrived in a part, in words: "Scores from 赵敏 updated (12 cells)".
    static func describe(_ p: WorkspacePart, base: Workspace, disk: Workspace, _ L: Lang) -> String {
        switch p {
        case .scores(let name):
            let n = changedCells(base.scores[name] ?? [], disk.scores[name] ?? [])
            if disk.scores[name] == nil { return L.t("Scores of \(name) removed", "\(name) 的评分已删除") }
            // Only scores of a vendor or criterion removed elsewhere went (a meeting pass: the lead's
            // deletion of a vendor read as each evaluator having changed their own scores).
            let vendors = Set(disk.vendors.map(\.id))
            let criteria = Set(disk.criteria.map(\.id))
            let kept = (base.scores[name] ?? []).filter { vendors.contains($0.vendor) && criteria.contains($0.criterion) }
            if n > 0 && kept == disk.scores[name] ?? [] {
                return L.t(
                    "Scores of \(name) for what was removed elsewhere went with it (\(n) cells)", "\(name) 的评分随已删除的供应商或准则一并移除 (\(n) 项)")
            }
            // After the reveal a changed score is said as such (a meeting pass: an evaluator's revision
            // after seeing the others' moved the ranking with no mark).
            if base.settings.revealed && disk.settings.revealed {
                return L.t("Scores from \(name) updated (\(n) cells, after the reveal)", "\(name) 的评分已更新 (\(n) 项, 揭晓后修改)")
            }
            return L.t("Scores from \(name) updated (\(n) cells)", "\(name) 的评分已更新 (\(n) 项)")
        // A reveal or hide made elsewhere (`bidbench reveal`, another screen's `R`) said as what it does
        // to the projected screen (a meeting pass: only `workspace.json 已从磁盘更新`).
        case .settings where !base.settings.revealed && disk.settings.revealed:
            return L.t("The panel was revealed elsewhere: every score is shown", "评审组已在别处揭晓: 全部评分已显示")
        case .settings where base.settings.revealed && !disk.settings.revealed:
            return L.t("The panel was made blind elsewhere: scores are hidden", "评审组已在别处恢复盲评: 评分已隐藏")
        case .vendors where !Set(base.vendors.map(\.id)).subtracting(disk.vendors.map(\.id)).isEmpty:
            let gone = base.vendors.filter { v in !disk.vendors.contains { $0.id == v.id } }.map { "\($0.id) \($0.name)" }
            return L.t("Vendor removed elsewhere: \(gone.joined(separator: ", "))", "供应商已在别处删除: \(gone.joined(separator: "、"))")
        default:
            return L.t("\(p.file(disk)) updated from disk", "\(p.file(disk)) 已从磁盘更新")
        }
    }

    /// Cells (vendor × criterion) added, changed or removed between two versions of a sheet.
    static func changedCells(_ a: [Score], _ b: [Score]) -> Int {
        func map(_ list: [Score]) -> [String: Score] {
            Dictionary(list.map { ($0.vendor + "/" + $0.criterion, $0) }, uniquingKeysWith: { _, last in last })
        }
        let x = map(a)
        let y = map(b)
        return Set(x.keys).union(y.keys).filter { x[$0] != y[$0] }.count
    }

    static func handle(_ s: inout AppState, _ conflicts: [DiskConflict], _ cmd: Command) {
        guard let first = conflicts.first else {
            s.modal = nil
            return
        }
        let rest = Array(conflicts.dropFirst())
        switch cmd {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            scroll(&s, first, cmd)
            return
        case .keepMine:
            // Mine stays in the session; the next save writes it over theirs (kept in .bidbench/backup).
            let kept = s.lang.t(
                "Kept your version of \(first.part.file(s.workspace)); save to write it", "已保留你的 \(first.part.file(s.workspace)); 保存后写入")
            let dropped = dropOrphanScores(&s, keeping: rest.map(\.part))
            // A requirement they deleted and this session edited stays, with its gate answers (taken
            // out with theirs' gates.csv, when this session had not edited it: else that file's own
            // merge decides).
            if first.part == .requirements && s.workspace.gates == first.theirs.gates {
                let before = s.workspace
                WorkspaceMerge.keepGateAnswers(of: &s.workspace, source: first.base ?? s.base, theirs: first.theirs)
                if s.workspace != before {
                    s.undoStack.append(before)
                    s.dirty = s.workspace != s.base
                }
            }
            s.say(([kept] + (dropped.map { [$0] } ?? [])).joined(separator: "; "))
        case .takeTheirs:
            var next = s.workspace
            first.part.copy(from: first.theirs, into: &next)
            s.undoStack.append(s.workspace)
            s.redoStack.removeAll()
            s.workspace = next
            // Their sheet may hold scores for a vendor or criterion this session removed: taken out
            // and said, or no save could write the sheet (user test pass: the only way out was `u`).
            let dropped = dropOrphanScores(&s, keeping: rest.map(\.part))
            s.dirty = s.workspace != s.base
            App.clampSelections(&s)
            let took = s.lang.t(
                "Took theirs: \(first.part.file(s.workspace)) (u brings yours back)",
                "已采用磁盘上的 \(first.part.file(s.workspace)) (按 u 恢复你的版本)")
            s.say(([took] + (dropped.map { [$0] } ?? [])).joined(separator: "; "))
        default:
            return
        }
        s.overlayOffset = 0
        if rest.isEmpty {
            s.modal = s.behindConflict
            s.behindConflict = nil
        } else {
            s.modal = .diskConflict(rest)
        }
    }

    /// The dialog's rows at this size: the heading, the differences (wrapped, continuation lines
    /// indented under their text) and the keys; `visible` differences fit at once.
    static func layout(_ s: AppState, _ c: DiskConflict) -> (head: [String], body: [String], foot: [String], visible: Int) {
        let L = s.lang
        let width = max(10, s.width - 8)
        let head = TextWidth.wrap(
            L.t("Changed on disk while you had unsaved edits of it:", "你有未保存修改的文件在磁盘上也被修改了:") + " " + c.part.file(s.workspace), width)
        // A bullet's continuation lines start under its text, not under the bullet.
        let body = lines(s, c).flatMap { TextWidth.wrap($0, width, hanging: $0.hasPrefix("  • ") ? 4 : 2) }
        var foot = TextWidth.wrap(L.t("m keep mine (the next save writes it)   t take theirs", "m 保留我的 (下次保存时写入)   t 采用磁盘上的"), width)
        let inner = max(1, s.height - 6)  // the box's rows inside its frame
        var visible = max(1, inner - head.count - foot.count - 1)
        if body.count > visible {
            foot = TextWidth.wrap(
                L.t(
                    "m keep mine (the next save writes it)   t take theirs   ↑↓ PgUp PgDn scroll",
                    "m 保留我的 (下次保存时写入)   t 采用磁盘上的   ↑↓ PgUp PgDn 滚动"),
                width)
            visible = max(1, inner - head.count - foot.count - 1)
        }
        return (head, body, foot, visible)
    }

    /// Scrolls the differences of the first conflict; the offset stays within them.
    static func scroll(_ s: inout AppState, _ c: DiskConflict, _ cmd: Command) {
        let (_, body, _, visible) = layout(s, c)
        switch cmd {
        case .up: s.overlayOffset -= 1
        case .down: s.overlayOffset += 1
        case .pageUp: s.overlayOffset -= visible
        case .pageDown: s.overlayOffset += visible
        case .top: s.overlayOffset = 0
        case .bottom: s.overlayOffset = body.count
        default: return
        }
        s.overlayOffset = max(0, min(s.overlayOffset, body.count - visible))
    }

    static func render(_ s: AppState, _ conflicts: [DiskConflict], into c: inout Canvas) {
        guard let first = conflicts.first else { return }
        let L = s.lang
        let (head, body, foot, visible) = layout(s, first)
        let top = max(0, min(s.overlayOffset, body.count - visible))
        let shown = Array(body.dropFirst(top).prefix(visible))
        let rows: [(String, Style)] =
            head.map { ($0, Style.bold) } + shown.map { ($0, Style.plain) } + [("", .plain)] + foot.map { ($0, Style.plain) }
        let r = Rect(x: 2, y: 2, width: s.width - 4, height: min(s.height - 4, rows.count + 2))
        let frame = Style(fg: .yellow, bold: true)
        c.fill(r)
        c.box(r, frame, title: L.t("Conflict (\(conflicts.count))", "冲突 (\(conflicts.count))"))
        for (i, l) in rows.prefix(r.height - 2).enumerated() {
            c.text(r.x + 2, r.y + 1 + i, l.0, l.1, maxWidth: r.width - 4)
        }
        // Where the reader is, when there is more than fits.
        if body.count > visible {
            let more = L.t(
                " \(top + 1)–\(top + shown.count) of \(body.count) ", " 第 \(top + 1)–\(top + shown.count) 行, 共 \(body.count) 行 ")
            c.text(r.maxX - 2 - TextWidth.of(more), r.maxY - 1, more, frame)
        }
    }
}

/// A three-way merge of keyed rows (base, mine, theirs).
enum RowMerge {
    /// The merge: `mine` and `theirs` are the same but for the rows both sides changed differently
    /// (`conflicts`), which are mine in one and theirs in the other; `taken` counts the rows that
    /// came from theirs (changed, added or removed only there).
    struct Merged<Row> {
        var mine: [Row]
        var theirs: [Row]
        var taken: Int
        var conflicts: Int
    }

    /// Settles a row both sides changed, field by field: on entry `a` holds mine and `b` theirs; a
    /// field only one side changed is given that side's value in both. They are equal afterwards
    /// unless a field was changed on both sides, differently.
    typealias Settle<Row> = (_ a: inout Row, _ b: inout Row, _ base: Row) -> Void

    /// One field's part of a `Settle`.
    static func field<Row, V: Equatable>(_ k: WritableKeyPath<Row, V>) -> Settle<Row> {
        { a, b, base in
            if a[keyPath: k] == base[keyPath: k] {
                a[keyPath: k] = b[keyPath: k]
            } else if b[keyPath: k] == base[keyPath: k] {
                b[keyPath: k] = a[keyPath: k]
            }
        }
    }

    /// The fields' `Settle`s in turn.
    static func fields<Row>(_ each: [Settle<Row>]) -> Settle<Row> { { a, b, base in for f in each { f(&a, &b, base) } } }

    /// Mine's rows in mine's order with theirs' one-sided changes applied and theirs' new rows after
    /// them (in theirs' order); nil when a key repeats on a side. With `settle`, a row both sides
    /// changed merges field by field, and is a conflict only in fields both changed differently (the
    /// two versions then differ only there).
    static func merge<Row: Equatable>(
        base: [Row], mine: [Row], theirs: [Row], key: (Row) -> String, settle: Settle<Row>? = nil
    ) -> Merged<Row>? {
        func index(_ rows: [Row]) -> [String: Row]? {
            var out: [String: Row] = [:]
            for r in rows { guard out.updateValue(r, forKey: key(r)) == nil else { return nil } }
            return out
        }
        guard let b = index(base), let m = index(mine), let t = index(theirs) else { return nil }
        var out = Merged<Row>(mine: [], theirs: [], taken: 0, conflicts: 0)
        out.mine.reserveCapacity(max(mine.count, theirs.count))
        out.theirs.reserveCapacity(max(mine.count, theirs.count))
        for r in mine {
            let k = key(r)
            let before = b[k]
            let there = t[k]
            if r == before {  // unchanged here: theirs (changed, kept or removed there)
                if there != before { out.taken += 1 }
                if let there {
                    out.mine.append(there)
                    out.theirs.append(there)
                }
            } else if there == before || there == r {  // changed here only, or the same on both sides
                out.mine.append(r)
                out.theirs.append(r)
            } else if let settle, let before, let there {  // changed on both sides, differently: field by field
                var a = r
                var b = there
                settle(&a, &b, before)
                if a == b { out.taken += 1 } else { out.conflicts += 1 }
                out.mine.append(a)
                out.theirs.append(b)
            } else {  // changed here and changed (or removed) there, differently
                out.conflicts += 1
                out.mine.append(r)
                if let there { out.theirs.append(there) }
            }
        }
        for r in theirs where m[key(r)] == nil {
            if let before = b[key(r)] {
                // Removed here: a conflict only when they changed it meanwhile.
                if r != before {
                    out.conflicts += 1
                    out.theirs.append(r)
                }
            } else {  // added there
                out.mine.append(r)
                out.theirs.append(r)
                out.taken += 1
            }
        }
        return out
    }
}

/// The fields a row of the most edited tables merges by, when both sides changed it (a row type's
/// every stored property; one left out only makes such a row a conflict).
extension RowMerge {
    static var requirementFields: Settle<Requirement> {
        fields([
            field(\.department), field(\.module), field(\.title), field(\.detail), field(\.priority), field(\.weight),
            field(\.acceptance), field(\.status), field(\.criterion), field(\.source), field(\.extra),
        ])
    }
    static var departmentFields: Settle<Department> {
        fields([field(\.name), field(\.contact), field(\.headCount), field(\.extra)])
    }
    // A meeting pass: the lead's note on a vendor and a colleague's new contact were a conflict of the
    // whole row, `m` kept the lead's and lost the contact the lead never touched.
    static var vendorFields: Settle<Vendor> {
        fields([
            field(\.name), field(\.contact), field(\.qualifications), field(\.references), field(\.notes), field(\.sme),
            field(\.bidPrice), field(\.extra),
        ])
    }
    static var criterionFields: Settle<Criterion> {
        fields([field(\.parent), field(\.name), field(\.kind), field(\.weight), field(\.source), field(\.extra)])
    }
    static var riskFields: Settle<Risk> {
        fields([
            field(\.type), field(\.title), field(\.likelihood), field(\.impact), field(\.mitigation), field(\.owner),
            field(\.trigger), field(\.threshold), field(\.status), field(\.extra),
        ])
    }
    // A helper's pass: legal moved a contract to `active` while finance corrected its value; `resolve`
    // made the row a conflict, and either side's choice lost the other's change.
    static var contractFields: Settle<Contract> {
        fields([
            field(\.vendor), field(\.title), field(\.file), field(\.signed), field(\.effective), field(\.termMonths),
            field(\.autoRenew), field(\.renewalMonths), field(\.noticeDays), field(\.value), field(\.warrantyMonths),
            field(\.status), field(\.extra),
        ])
    }
    static var gateFields: Settle<GateAnswer> { fields([field(\.answer), field(\.note), field(\.extra)]) }
    static var scoreFields: Settle<Score> { fields([field(\.score), field(\.note), field(\.extra)]) }
    static var settingsFields: Settle<Settings> {
        fields([
            field(\.schema), field(\.name), field(\.currency), field(\.fiscalYearStart), field(\.firstYear), field(\.language),
            field(\.scale), field(\.method), field(\.aggregate), field(\.procurementKind), field(\.smeDeductionPercent),
            field(\.revealed), field(\.horizonYears), field(\.users), field(\.userGrowth), field(\.escalation),
            field(\.discountRate), field(\.budgetWarn), field(\.budgetStop), field(\.extra),
        ])
    }
}
