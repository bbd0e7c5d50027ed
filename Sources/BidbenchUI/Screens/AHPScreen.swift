import BidbenchCore

public struct AHPState: Equatable, Sendable {
    /// The parent criterion whose children are compared ("" = the top level).
    public var parent: String
    public var row = 0
    public var column = 1
    public init(parent: String) { self.parent = parent }
}

/// The AHP editor (W on the Vendors screen): pairwise judgements of sibling criteria on Saaty's 1–9
/// scale; the reciprocal cell fills itself; weights, λmax, CI and CR update live, and an inconsistent
/// matrix names the judgement that disagrees most. Saved as `ahp/<parent>.csv`; `x` goes back to
/// direct weights.
public enum AHPScreen {
    /// Saaty's scale from 1/9 to 9, in order.
    static let scale: [Double] = (2...9).reversed().map { 1.0 / Double($0) } + (1...9).map(Double.init)

    static func siblings(_ ws: Workspace, parent: String) -> [Criterion] { ws.criteria.filter { $0.parent == parent } }

    /// The matrix being edited: the workspace's one when it fits the siblings, else all ones.
    static func matrix(_ ws: Workspace, parent: String) -> PairwiseMatrix {
        let ids = siblings(ws, parent: parent).map(\.id)
        if let m = ws.ahp[parent], m.names == ids, m.values.count == ids.count { return m }
        return PairwiseMatrix(names: ids, values: ids.map { _ in ids.map { _ in 1 } })
    }

    static func label(_ v: Double) -> String {
        if v >= 1 { return NumberText.format(v.rounded()) }
        return "1/" + NumberText.format((1 / v).rounded())
    }

    static func open(_ s: inout AppState) {
        let leaf = VendorsScreen.leaves(s.workspace)
        let parent = s.vendors.criterion < leaf.count ? leaf[s.vendors.criterion].parent : ""
        guard siblings(s.workspace, parent: parent).count >= 2 else {
            s.say(s.lang.t("AHP needs at least two criteria under the same parent", "AHP 需要同一上级下至少两个准则"), error: true)
            return
        }
        s.modal = .ahp(AHPState(parent: parent))
    }

    static func handle(_ s: inout AppState, _ st0: AHPState, _ cmd: Command) {
        var st = st0
        var m = matrix(s.workspace, parent: st.parent)
        let n = m.names.count
        switch cmd {
        case .close:
            s.modal = nil
            return
        case .up: st.row = max(0, st.row - 1)
        case .down: st.row = min(n - 2, st.row + 1)
        case .left: st.column = max(st.row + 1, st.column - 1)
        case .right: st.column = min(n - 1, st.column + 1)
        case .undo: App.undo(&s)
        case .redo: App.redo(&s)
        case .judgementUp, .judgementDown:
            let cur = m.values[st.row][st.column]
            let i = scale.enumerated().min { abs($0.element - cur) < abs($1.element - cur) }!.offset
            let next = scale[max(0, min(scale.count - 1, i + (cmd == .judgementDown ? -1 : 1)))]
            m.values[st.row][st.column] = next
            m.values[st.column][st.row] = 1 / next
            let parent = st.parent
            s.change(
                s.lang.t(
                    "\(m.names[st.row]) vs \(m.names[st.column]): \(label(next))",
                    "\(m.names[st.row]) 比 \(m.names[st.column]): \(label(next))")
            ) { ws in ws.ahp[parent] = m }
        case .directWeights:
            let parent = st.parent
            s.change(s.lang.t("Direct weights again", "已改回直接权重")) { ws in ws.ahp[parent] = nil }
        default: break
        }
        st.column = max(st.column, st.row + 1)
        s.modal = .ahp(st)
    }

    static func render(_ s: AppState, _ st: AHPState, into c: inout Canvas) {
        let L = s.lang
        let ws = s.workspace
        let r = Rect(x: 1, y: 1, width: s.width - 2, height: App.body(s).height)
        let parentName = ws.criteria.first { $0.id == st.parent }?.name ?? L.t("top level", "顶层")
        c.fill(r)
        c.box(r, .accent, title: L.t("AHP — \(parentName)", "AHP 层次分析 — \(parentName)"))
        let m = matrix(ws, parent: st.parent)
        let names = Dictionary(ws.criteria.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // Columns as wide as the names when the box has room (two `功能-…` headers could not be told
        // apart in a box 100 cells wide: user test pass), at least 8 cells, else what fits.
        let widest = m.names.map { TextWidth.of(names[$0] ?? $0) }.max() ?? 0
        let lw = min(max(16, widest + 2), max(16, (r.width - 4) / 3))
        let cw = max(8, min(widest + 2, (r.width - 4 - lw) / max(1, m.names.count)))
        for (j, id) in m.names.enumerated() {
            c.text(r.x + 2 + lw + j * cw, r.y + 1, TextWidth.fit(names[id] ?? id, cw - 1), .bold.with(fg: .cyan))
        }
        for (i, id) in m.names.enumerated() {
            let y = r.y + 2 + i
            c.text(r.x + 2, y, TextWidth.fit(names[id] ?? id, lw - 1), .bold.with(fg: .cyan))
            for j in 0..<m.names.count {
                let sel = i == st.row && j == st.column
                let st: Style = sel ? .selected : (j > i ? .plain : .dim)
                c.text(r.x + 2 + lw + j * cw, y, TextWidth.fit(label(m.values[i][j]), cw - 1, right: true), st)
            }
        }
        var y = r.y + 3 + m.names.count
        do {
            let res = try AHP.analyse(m)
            for (i, id) in res.names.enumerated() where y < r.maxY - 4 {
                c.text(r.x + 2, y, TextWidth.fit(names[id] ?? id, lw - 1))
                c.text(
                    r.x + 2 + lw, y,
                    TextWidth.fit(String(NumberText.fixed(res.weights[i], 3)), 7, right: true) + " " + bar(res.weights[i], width: 30),
                    .accent)
                y += 1
            }
            y += 1
            let verdict = res.consistent ? L.t("consistent", "一致") : L.t("INCONSISTENT (CR ≥ 0.10)", "不一致 (CR ≥ 0.10)")
            c.text(
                r.x + 2, y,
                "λmax \(NumberText.fixed(res.lambdaMax, 3))  CI \(NumberText.fixed(res.ci, 3))  CR \(NumberText.fixed(res.cr, 3))  \(verdict)",
                res.consistent ? .good : .error, maxWidth: r.width - 4)
            if !res.consistent, let w = res.worst {
                c.text(
                    r.x + 2, y + 1,
                    L.t(
                        "Most at odds: \(names[w.row] ?? w.row) vs \(names[w.column] ?? w.column) = \(label(w.given)); consistent would be ≈ \(NumberText.fixed(w.consistent, 3))",
                        "分歧最大: \(names[w.row] ?? w.row) 比 \(names[w.column] ?? w.column) = \(label(w.given)); 一致值约为 \(NumberText.fixed(w.consistent, 3))"
                    ), .warn, maxWidth: r.width - 4)
            }
        } catch {
            // A matrix from the file that is not a valid judgement matrix: say why, show no weights.
            c.text(r.x + 2, y, error.text(chinese: L == .zh), .error, maxWidth: r.width - 4)
        }
        let saved =
            ws.ahp[st.parent] != nil
            ? L.t("weights from AHP", "权重来自 AHP") : L.t("direct weights (change a judgement to use AHP)", "直接权重 (修改判断即启用 AHP)")
        c.text(
            r.x + 2, r.maxY - 1, " \(App.fitHints(KeyMap.hints(for: [.ahp], s), width: r.width - 10 - TextWidth.of(saved))) · \(saved) ",
            .dim, maxWidth: r.width - 4)
    }
}
