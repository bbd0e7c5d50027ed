import BidbenchCore

/// A column of a table: header, width in cells, alignment.
public struct Column: Sendable {
    public var title: String
    public var width: Int
    public var right: Bool
    public init(_ title: String, _ width: Int, right: Bool = false) {
        self.title = title
        self.width = width
        self.right = right
    }
}

/// Draws tables with a header, a selected row and scrolling.
public enum TableView {
    /// Distributes `total` cells over columns: fixed widths, and the `flex` column takes what is left.
    public static func layout(_ cols: [Column], total: Int, flex: Int) -> [Column] {
        var c = cols
        let fixed = c.enumerated().filter { $0.offset != flex }.map(\.element.width).reduce(0, +) + c.count - 1
        c[flex].width = max(4, total - fixed)
        return c
    }

    /// Columns as wide as their widest entry, title or cell, in display cells (a Chinese character
    /// takes two), and at least `minimum`, so nothing is clipped that fits; when they need more than
    /// `total`, the column `shrink` gives up the difference (down to 4 cells). Columns in `right`
    /// align right.
    public static func fitted(
        _ titles: [String], _ rows: [[String]], minimum: [Int] = [], right: Set<Int> = [], total: Int, shrink: Int
    ) -> [Column] {
        var cols = titles.enumerated().map { i, title in
            let widest = ([title] + rows.map { i < $0.count ? $0[i] : "" }).map { TextWidth.of($0) }.max() ?? 0
            return Column(title, max(widest, i < minimum.count ? minimum[i] : 0), right: right.contains(i))
        }
        let others = cols.enumerated().filter { $0.offset != shrink }.map(\.element.width).reduce(0, +) + cols.count - 1
        cols[shrink].width = max(4, min(cols[shrink].width, total - others))
        return cols
    }

    /// The first visible row so that `selected` is shown in `visible` rows; with `count` (the rows
    /// there are), no empty row is left below the last one while rows above are hidden (after the
    /// window grows).
    public static func scroll(selected: Int, offset: Int, visible: Int, count: Int = .max) -> Int {
        guard visible > 0 else { return 0 }
        if selected < offset { return selected }
        if selected >= offset + visible { return selected - visible + 1 }
        return min(offset, max(0, count - visible))
    }

    /// Draws header + rows into `area`. `rowStyle` may colour a row; the selected row is reversed.
    public static func render(
        into canvas: inout Canvas, area: Rect, columns: [Column], rows: [[String]],
        selected: Int?, offset: Int, rowStyle: (Int) -> Style = { _ in .plain }
    ) {
        guard area.height >= 1 else { return }
        var x = area.x
        for col in columns {
            canvas.text(x, area.y, TextWidth.fit(col.title, col.width, right: col.right), .bold.with(fg: .cyan), maxWidth: col.width)
            x += col.width + 1
        }
        let visible = area.height - 1
        for i in 0..<visible {
            let r = offset + i
            guard r < rows.count else { break }
            let y = area.y + 1 + i
            var st = rowStyle(r)
            if r == selected { st = st.with(reverse: true) }
            if r == selected { canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), " ", st) }
            var cx = area.x
            for (ci, col) in columns.enumerated() {
                let cell = ci < rows[r].count ? rows[r][ci] : ""
                canvas.text(cx, y, TextWidth.fit(cell, col.width, right: col.right), st, maxWidth: col.width)
                cx += col.width + 1
            }
        }
    }
}

extension TableView {
    /// A list dialog's table with the selected row in full under it (`detail`, wrapped, at most a
    /// third of the box): the columns may clip, the detail does not.
    static func renderWithDetail(
        into canvas: inout Canvas, box r: Rect, columns: [Column], rows: [[String]], selected: Int, detail: String?
    ) {
        let lines = detail.map { Array(TextWidth.wrap($0, r.width - 4).prefix(max(0, (r.height - 4) / 3))) } ?? []
        let tableH = r.height - 3 - (lines.isEmpty ? 0 : lines.count + 1)
        render(
            into: &canvas, area: Rect(x: r.x + 2, y: r.y + 1, width: r.width - 4, height: tableH), columns: columns, rows: rows,
            selected: rows.isEmpty ? nil : selected, offset: max(0, selected - (tableH - 2)))
        for (i, line) in lines.enumerated() { canvas.text(r.x + 2, r.maxY - 1 - lines.count + i, line, .dim, maxWidth: r.width - 4) }
    }
}

/// A horizontal bar of `fraction` (0…1) of `width` cells with eighth-block precision.
public func bar(_ fraction: Double, width: Int) -> String {
    guard width > 0, fraction.isFinite else { return "" }
    let f = max(0, min(1, fraction))
    let eighths = Int((f * Double(width) * 8).rounded())
    let full = eighths / 8
    let rest = eighths % 8
    let parts = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: full) + parts[rest]
}
