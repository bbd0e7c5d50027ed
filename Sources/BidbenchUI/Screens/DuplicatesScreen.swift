import BidbenchCore

/// The consolidation view: likely duplicates across departments, to merge.
public struct DuplicatesState: Equatable, Sendable {
    public var selected = 0
    public init() {}
}

/// Consolidation (m): pairs of similar requirements of different departments, grouped by module.
/// Enter keeps the left one and merges the right into it; `r` keeps the right one.
public enum DuplicatesScreen {
    static func pairs(_ s: AppState) -> [Consolidation.Pair] { Consolidation.duplicates(in: s.workspace.requirements) }

    static func handle(_ s: inout AppState, _ st0: DuplicatesState, _ cmd: Command) {
        var st = st0
        let ps = pairs(s)
        switch cmd {
        case .close:
            s.modal = nil
            return
        case .up: st.selected = max(0, st.selected - 1)
        case .down: st.selected = min(max(0, ps.count - 1), st.selected + 1)
        case .undo: App.undo(&s)
        case .redo: App.redo(&s)
        case .keepLeft, .keepRight:
            guard st.selected < ps.count else { break }
            let p = ps[st.selected]
            let (keep, absorb) = cmd == .keepLeft ? (p.first, p.second) : (p.second, p.first)
            if let merged = Consolidation.merge(s.workspace, keep: keep, absorb: absorb, date: s.today) {
                s.change(s.lang.t("Merged \(absorb) into \(keep) (u to undo)", "已将 \(absorb) 合并到 \(keep) (按 u 撤销)")) { $0 = merged }
            }
            st.selected = min(st.selected, max(0, pairs(s).count - 1))
        default: break
        }
        s.modal = .duplicates(st)
    }

    static func render(_ s: AppState, _ st: DuplicatesState, into c: inout Canvas) {
        let L = s.lang
        let ws = s.workspace
        let r = Rect(x: 1, y: 1, width: s.width - 2, height: App.body(s).height)
        c.fill(r)
        c.box(r, .accent, title: L.t("Likely duplicates across departments", "跨部门可能重复的需求"))
        let ps = pairs(s)
        let byID = Dictionary(ws.requirements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let dept = Dictionary(ws.departments.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        if ps.isEmpty { c.text(r.x + 2, r.y + 2, L.t("No likely duplicates.", "没有发现可能重复的需求。"), .dim) }
        let half = (r.width - 12) / 2
        // The selected pair in full at the bottom: both titles wrapped, nothing clipped.
        var detail: [String] = []
        if st.selected < ps.count, let a = byID[ps[st.selected].first], let b = byID[ps[st.selected].second] {
            detail = TextWidth.wrap("\(a.id) \(a.title) ⇄ \(b.id) \(b.title)", r.width - 4)
            detail = Array(detail.prefix(max(0, (r.height - 4) / 3)))
        }
        for (i, line) in detail.enumerated() { c.text(r.x + 2, r.maxY - 1 - detail.count + i, line, .dim, maxWidth: r.width - 4) }
        let bottom = r.maxY - 2 - detail.count
        for (i, p) in ps.enumerated() where r.y + 1 + i * 2 < bottom {
            guard let a = byID[p.first], let b = byID[p.second] else { continue }
            let y = r.y + 1 + i * 2
            let st: Style = i == st.selected ? .selected : .plain
            c.fill(Rect(x: r.x + 1, y: y, width: r.width - 2, height: 1), " ", st)
            c.text(
                r.x + 2, y, TextWidth.fit("\(a.id) \(dept[a.department] ?? a.department) \(L.priority(a.priority)) \(a.title)", half), st)
            c.text(r.x + 3 + half, y, "⇄", st)
            c.text(
                r.x + 5 + half, y,
                TextWidth.fit("\(b.id) \(dept[b.department] ?? b.department) \(L.priority(b.priority)) \(b.title)", half), st)
            c.text(r.maxX - 6, y, NumberText.percent(p.similarity, 0), st)
            c.text(r.x + 4, y + 1, "\(L.t("module", "模块")): \(a.module) / \(b.module)", .dim, maxWidth: r.width - 6)
        }
        c.text(r.x + 2, r.maxY - 1, " " + App.fitHints(KeyMap.hints(for: [.duplicates], s), width: r.width - 6) + " ", .dim)
    }
}
