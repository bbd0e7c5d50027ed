import BidbenchCore

/// A three-way merge of whole workspaces (base, mine, theirs), for a git merge or pull that stopped
/// on the workspace's files (`bidbench resolve`). The rules are the live merge's (`DiskChangesScreen`),
/// applied to every part at once: a part only one side changed takes that side; keyed rows merge one by
/// one; requirements (departments, vendors) both sides added under the same id (two clones each took
/// the next number) are two, and mine is renumbered with what refers to it. A row (or an unkeyed part) both
/// sides changed differently is a conflict: kept as `prefer` says, or listed for the user to choose.
public enum WorkspaceMerge {
    public enum Side: Sendable { case mine, theirs }

    public struct Conflict: Sendable {
        /// The file, as the user knows it (`requirements.csv`, `scores/张伟.csv`, `contracts/c1.md`).
        public var file: String
        /// Both versions of what differs, one line each (as the conflict dialog shows them).
        public var lines: [String]
        /// The two versions to choose between: the merge with mine, and with theirs, in what both
        /// changed differently (everything else merged alike).
        public var mine: Workspace
        public var theirs: Workspace
    }

    public struct Result: Sendable {
        public var merged: Workspace
        /// Records of mine moved to a free id: departments, vendors, then requirements (each in mine's
        /// order), with the kind's noun in the merge's language.
        public var renumbered: [(part: WorkspacePart, noun: String, from: String, to: String)] = []
        /// Files that took something from theirs, with how many rows (nil: the file whole).
        public var taken: [(file: String, rows: Int?)] = []
        /// What both sides changed differently. With `prefer` set these are resolved to that side;
        /// without it `merged` keeps mine there and must not be written.
        public var conflicts: [Conflict] = []
    }

    public static func merge(base: Workspace, mine original: Workspace, theirs: Workspace, prefer: Side?, lang: Lang) -> Result {
        var result = mergeParts(base: base, mine: original, theirs: theirs, prefer: prefer, lang: lang)
        // Contract texts and AHP matrices are one file each, so they merge file by file (the live
        // merge compares each folder whole).
        merge(
            \.contractTexts, file: { $0 }, base: base, mine: original, theirs: theirs, prefer: prefer, into: &result,
            describe: { textLines($0, $1, lang) }, lang)
        merge(
            \.ahp, file: { "ahp/\($0.isEmpty ? "top" : $0).csv" }, base: base, mine: original, theirs: theirs, prefer: prefer,
            into: &result,
            describe: { m, t in
                func names(_ x: PairwiseMatrix?) -> String { x.map { $0.names.joined(separator: ", ") } ?? "—" }
                return [lang.t("yours: ", "你的: ") + names(m), lang.t("theirs: ", "他们的: ") + names(t)]
            }, lang)
        // A requirement kept over theirs' deletion keeps its gate answers (mine's; with `prefer` theirs
        // it is gone again and so are they).
        keepGateAnswers(of: &result.merged, source: original, theirs: theirs)
        return result
    }

    /// Puts back into `merged` the gate answers of each requirement it keeps that `theirs` deleted:
    /// they went with the requirement on that side (`RequirementsScreen.delete`), not as a change of
    /// their own, so keeping the row (mine edited it meanwhile) keeps its answers, as they are in
    /// `source` (mine, else the base). Returns how many came back.
    @discardableResult
    static func keepGateAnswers(of merged: inout Workspace, source: Workspace, theirs: Workspace) -> Int {
        let theirIDs = Set(theirs.requirements.map(\.id))
        let kept = Set(merged.requirements.lazy.map(\.id).filter { !theirIDs.contains($0) })
        guard !kept.isEmpty else { return 0 }
        let have = Set(merged.gates.lazy.filter { kept.contains($0.requirement) }.map { $0.vendor + "\u{0}" + $0.requirement })
        let vendors = Set(merged.vendors.map(\.id))
        let back = source.gates.filter {
            kept.contains($0.requirement) && vendors.contains($0.vendor) && !have.contains($0.vendor + "\u{0}" + $0.requirement)
        }
        merged.gates += back
        return back.count
    }

    private static func mergeParts(base: Workspace, mine original: Workspace, theirs: Workspace, prefer: Side?, lang: Lang) -> Result {
        var mine = original
        var renumbered: [(part: WorkspacePart, noun: String, from: String, to: String)] = []
        for step in DiskChangesScreen.renumberings {
            renumbered += step.renumber(base, &mine, theirs).map { (step.part, lang.t(step.noun.en, step.noun.zh), $0.from, $0.to) }
        }
        var result = Result(merged: mine, renumbered: renumbered)
        for p in parts(base, mine, theirs) {
            let file = p.file(theirs)
            if p.same(mine, base) {
                p.copy(from: theirs, into: &result.merged)
                if !p.same(base, theirs) { result.taken.append((file, nil)) }
                continue
            }
            if p.same(theirs, base) || p.same(mine, theirs) { continue }
            var other = theirs
            // A sheet deleted on one side and changed on the other: the sheet whole is the choice.
            let sheetGone: Bool
            if case .scores(let name) = p { sheetGone = mine.scores[name] == nil || theirs.scores[name] == nil } else { sheetGone = false }
            if !sheetGone, let m = p.merge(base: base, mine: mine, theirs: theirs, into: &result.merged, theirsInto: &other) {
                if m.taken > 0 { result.taken.append((file, m.taken)) }
                guard m.conflicts > 0 else { continue }
                result.conflicts.append(
                    Conflict(file: file, lines: lines(p, mine: result.merged, theirs: other, lang), mine: result.merged, theirs: other))
                if prefer == .theirs { p.copy(from: other, into: &result.merged) }
            } else {
                result.conflicts.append(Conflict(file: file, lines: lines(p, mine: mine, theirs: theirs, lang), mine: mine, theirs: theirs))
                if prefer == .theirs { p.copy(from: theirs, into: &result.merged) }
            }
        }
        return result
    }

    /// A folder of files kept as a dictionary, merged key by key: a file changed on one side only
    /// takes that side.
    private static func merge<V: Equatable>(
        _ path: WritableKeyPath<Workspace, [String: V]>, file: (String) -> String, base: Workspace, mine: Workspace, theirs: Workspace,
        prefer: Side?, into result: inout Result, describe: (V?, V?) -> [String], _ L: Lang
    ) {
        let b = base[keyPath: path]
        let m = mine[keyPath: path]
        let t = theirs[keyPath: path]
        for key in Set(b.keys).union(m.keys).union(t.keys).sorted() where m[key] != t[key] {
            let file = file(key)
            if m[key] == b[key] {
                result.merged[keyPath: path][key] = t[key]
                result.taken.append((file, nil))
            } else if t[key] != b[key] {
                result.conflicts.append(
                    Conflict(
                        file: file,
                        lines: describe(m[key], t[key]),
                        mine: mine, theirs: theirs))
                if prefer == .theirs { result.merged[keyPath: path][key] = t[key] }
            }
        }
    }

    /// Every part any of the three holds: the fixed tables, each evaluator's sheet, each row table.
    static func parts(_ sides: Workspace...) -> [WorkspacePart] {
        var out: [WorkspacePart] = [
            .settings, .departments, .requirements, .criteria, .vendors, .gates, .prices, .budget, .payments, .contracts,
            .reviews, .changes, .risks, .scenarios, .survey,
        ]
        out += RowTable.all.map { .rows($0.file) }
        out += Set(sides.flatMap(\.scores.keys)).sorted().map { .scores($0) }
        return out
    }

    /// The files that differ between `a` and `b`, by name (`criteria.csv`, `scores/李娜.csv`).
    static func changedFiles(_ a: Workspace, _ b: Workspace) -> [String] {
        (parts(a, b) + [.ahp, .contractTexts]).filter { !$0.same(a, b) }.map { $0.file(b) }
    }

    private static func lines(_ p: WorkspacePart, mine: Workspace, theirs: Workspace, _ L: Lang) -> [String] {
        let s = AppState(
            workspace: mine, location: "", lang: L, width: 100, height: 30, today: Day(year: 2000, month: 1, day: 1), checking: true)
        return DiskChangesScreen.lines(s, DiskConflict(part: p, theirs: theirs))
    }

    /// Where two versions of a text first differ: the line's number and both versions of it (a
    /// deleted text says so).
    static func textLines(_ mine: String?, _ theirs: String?, _ L: Lang) -> [String] {
        guard let mine, let theirs else {
            return [
                mine == nil
                    ? L.t("yours deleted it; theirs changed it", "你的已删除; 他们的已修改")
                    : L.t("theirs deleted it; yours changed it", "他们的已删除; 你的已修改")
            ]
        }
        let a = mine.split(separator: "\n", omittingEmptySubsequences: false)
        let b = theirs.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        func line(_ x: [Substring]) -> String { i < x.count ? "“\(x[i])”" : L.t("(no such line)", "(无此行)") }
        return [
            L.t("first difference at line \(i + 1):", "第 \(i + 1) 行起不同:"), L.t("yours: ", "你的: ") + line(a),
            L.t("theirs: ", "他们的: ") + line(b),
        ]
    }
}
