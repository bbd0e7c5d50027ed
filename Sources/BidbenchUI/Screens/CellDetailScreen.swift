import BidbenchCore

/// Which cell the detail dialog shows.
public struct CellDetailState: Equatable, Sendable {
    public var vendor: String
    public var criterion: String
    public init(vendor: String, criterion: String) {
        self.vendor = vendor
        self.criterion = criterion
    }
}

/// One cell of the vendor matrix opened after the reveal (Enter, lead): each evaluator's score and
/// note by name, the panel value and the spread, so the meeting can discuss a ⚑ cell, and the
/// panel's discussion note once the lead has written it (`n`). Only reachable
/// once revealed; evaluators whose sheets are incomplete are listed but marked as not counted, and
/// each score shown is the one the panel value counted.
public enum CellDetailScreen {
    static func handle(_ s: inout AppState, _ st: CellDetailState, _ cmd: Command) {
        if cmd == .close { s.modal = nil }
    }

    static func render(_ s: AppState, _ st: CellDetailState, into c: inout Canvas) {
        let L = s.lang
        let ws = s.workspace
        let vendor = ws.vendors.first { $0.id == st.vendor }?.name ?? st.vendor
        let criterion = ws.criteria.first { $0.id == st.criterion }?.name ?? st.criterion
        // Guarded again here: the rule is the panel rule, not the key that opened the dialog. The
        // panel can turn blind while the dialog is open (workspace.json from disk): it says so
        // instead of becoming an invisible dialog that still takes the keys.
        guard ws.settings.revealed else {
            let text = L.t("The panel is blind again: each evaluator's scores are hidden (Esc)", "评审组已恢复盲评: 各评委的评分已隐藏 (Esc)")
            let lines = TextWidth.wrap(text, max(10, s.width - 8))
            let w = min(s.width - 4, (lines.map { TextWidth.of($0) }.max() ?? 0) + 4)
            let r = Rect(x: (s.width - w) / 2, y: 3, width: w, height: lines.count + 2)
            c.fill(r)
            c.box(r, .accent, title: "\(vendor) · \(criterion)")
            for (i, l) in lines.enumerated() { c.text(r.x + 2, r.y + 1 + i, l, .bold, maxWidth: r.width - 4) }
            return
        }
        let (lines, w) = content(s, st)
        let r = Rect(x: (s.width - w) / 2, y: 3, width: w, height: min(s.height - 5, lines.count + 2))
        c.fill(r)
        c.box(r, .accent, title: "\(vendor) · \(criterion) (Esc)")
        for (i, l) in lines.prefix(r.height - 2).enumerated() { c.text(r.x + 2, r.y + 1 + i, l.0, l.1, maxWidth: r.width - 4) }
        // A terminal too low for every row: the last one says so (a larger window shows them).
        if lines.count > r.height - 2, r.height > 2 {
            let more = L.t("… \(lines.count - r.height + 3) more lines: enlarge the window", "… 还有 \(lines.count - r.height + 3) 行: 请放大窗口")
            c.fill(Rect(x: r.x + 1, y: r.maxY - 2, width: r.width - 2, height: 1))
            c.text(r.x + 2, r.maxY - 2, more, .dim, maxWidth: r.width - 4)
        }
    }

    /// The dialog's lines (each evaluator's score and note, the panel's figures, the discussion note),
    /// wrapped to the box, and the box's width.
    static func content(_ s: AppState, _ st: CellDetailState) -> (lines: [(String, Style)], width: Int) {
        let L = s.lang
        let ws = s.workspace
        let results = VendorsScreen.results(s)
        let cell = results.evaluation?.cells.first { $0.vendor == st.vendor && $0.criterion == st.criterion }
        let leftOut = Set(results.evaluation?.leftOut ?? [])
        let rows = ws.evaluators.map { name in (name, ws.scores[name]?.first { $0.vendor == st.vendor && $0.criterion == st.criterion }) }
        let nameW = min(16, max(6, rows.map { TextWidth.of($0.0) }.max() ?? 6))
        let indent = nameW + 9
        // Each evaluator: name and score, then the note (or why there is none). The score shown is
        // the one the domain counted in the cell (its evaluators and scores), and who is left out is
        // the domain's list: nothing of the panel rule is decided again here.
        let entries = rows.map { name, score -> (head: String, text: String, style: Style) in
            var counted: Double?
            if let cell, let i = cell.evaluators.firstIndex(of: name) { counted = cell.scores[i] }
            let value = counted ?? score?.score
            let head = TextWidth.fit(name, nameW) + "  " + TextWidth.fit(value.map(NumberText.score) ?? "—", 5, right: true)
            var text = score.map(\.note) ?? L.t("not scored", "未评分")
            if leftOut.contains(name) { text += (text.isEmpty ? "" : "  ") + L.t("(sheet incomplete: not counted)", "(未评完: 不计入)") }
            return (head, text, leftOut.contains(name) ? .dim : .plain)
        }
        let summary: (String, Style)
        if let cell {
            let agg = results.evaluation?.aggregate == .median ? L.t("median", "中位数") : L.t("mean", "平均")
            summary = (
                "\(L.t("Panel", "评审组")) \(agg) \(NumberText.fixed(cell.value, 1))   \(L.t("spread", "极差")) \(NumberText.fixed(cell.spread, 1))   σ \(NumberText.fixed(cell.sd, 1))"
                    + (cell.flagged ? "   ⚑ " + L.t("discuss: ≥ 30 % of the scale", "需讨论: ≥ 量程 30%") : ""),
                cell.flagged ? .warn : .bold
            )
        } else {
            summary = (L.t("No counted scores for this cell", "此格没有计入的评分"), .dim)
        }
        // The panel's discussion note (`n` on the matrix), under the figures it is about.
        let discussion = ws.discussionNote(vendor: st.vendor, criterion: st.criterion)
        let discussionLine = discussion.isEmpty ? nil : L.t("Discussion: ", "讨论记录: ") + discussion
        let natural = entries.map { indent + TextWidth.of($0.text) } + [TextWidth.of(summary.0), TextWidth.of(discussionLine ?? "")]
        let w = min(s.width - 4, max(44, (natural.max() ?? 0) + 4))
        // A note longer than the box wraps under itself (STYLE: nothing a person must read is cut off).
        var lines: [(String, Style)] = []
        for e in entries {
            let parts = e.text.isEmpty ? [""] : TextWidth.wrap(e.text, max(10, w - 4 - indent))
            for (i, part) in parts.enumerated() {
                lines.append(((i == 0 ? e.head + "  " : String(repeating: " ", count: indent)) + part, e.style))
            }
        }
        lines.append(("", .plain))
        lines += TextWidth.wrap(summary.0, w - 4).map { ($0, summary.1) }
        if let discussionLine { lines += TextWidth.wrap(discussionLine, w - 4).map { ($0, .plain) } }
        return (lines, w)
    }
}
