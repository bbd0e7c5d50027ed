import BidbenchCore

/// Colours with a meaning; the terminal maps them (or drops them under `NO_COLOR`).
public enum Color: UInt8, Sendable, Equatable {
    case normal, red, green, yellow, blue, magenta, cyan, gray
}

/// How a cell looks.
public struct Style: Equatable, Hashable, Sendable {
    public var fg: Color = .normal
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false
    public init(fg: Color = .normal, bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false) {
        self.fg = fg
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }
    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let selected = Style(reverse: true)
    public static let dim = Style(dim: true)
    public static let error = Style(fg: .red, bold: true)
    public static let warn = Style(fg: .yellow)
    public static let good = Style(fg: .green)
    public static let accent = Style(fg: .cyan, bold: true)
}

/// One terminal cell: a character (a grapheme cluster) and its style. The cell to the right of a
/// double-width character is a continuation cell with `text == ""`.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String = " ", _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}

/// A rectangle in cells.
public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

/// An in-memory grid of cells: every screen renders into one; the terminal sends only the difference
/// between two canvases.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Draws text at (x, y), clipped to `maxWidth` cells (default: to the right edge); control characters
    /// are stripped; a double-width character that would not fit whole is replaced by a space.
    /// Returns the number of cells used.
    @discardableResult
    public mutating func text(_ x: Int, _ y: Int, _ s: String, _ style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var cx = x
        for ch in TextWidth.sanitize(s) {
            let w = TextWidth.of(ch)
            if w == 0 { continue }
            if cx + w > limit {
                if w == 2 && cx < limit && cx >= 0 {
                    put(cx, y, Cell(" ", style))
                    cx += 1
                }
                break
            }
            if cx >= 0 {
                put(cx, y, Cell(String(ch), style))
                if w == 2 { put(cx + 1, y, Cell("", style)) }
            }
            cx += w
        }
        return cx - x
    }

    /// Writes one cell, repairing a double-width neighbour that it would split.
    mutating func put(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        // Overwriting the left half of a wide char: blank its continuation.
        if !cells[i].isContinuation, x + 1 < width, cells[i + 1].isContinuation, !cell.isContinuation {
            cells[i + 1] = Cell(" ", cells[i + 1].style)
        }
        // Overwriting a continuation: blank its left half.
        if cells[i].isContinuation, !cell.isContinuation, x > 0 {
            cells[i - 1] = Cell(" ", cells[i - 1].style)
        }
        cells[i] = cell
    }

    /// Fills a rectangle with a character and style.
    public mutating func fill(_ r: Rect, _ ch: String = " ", _ style: Style = .plain) {
        for yy in max(0, r.y)..<min(height, r.maxY) {
            for xx in max(0, r.x)..<min(width, r.maxX) { put(xx, yy, Cell(ch, style)) }
        }
    }

    /// Applies a style to the cells of a row range, keeping their characters.
    public mutating func restyle(_ r: Rect, _ style: Style) {
        for yy in max(0, r.y)..<min(height, r.maxY) {
            for xx in max(0, r.x)..<min(width, r.maxX) { cells[yy * width + xx].style = style }
        }
    }

    /// A single-line box around `r`.
    public mutating func box(_ r: Rect, _ style: Style = .plain, title: String? = nil) {
        guard r.width >= 2, r.height >= 2 else { return }
        fill(Rect(x: r.x + 1, y: r.y, width: r.width - 2, height: 1), "─", style)
        fill(Rect(x: r.x + 1, y: r.maxY - 1, width: r.width - 2, height: 1), "─", style)
        fill(Rect(x: r.x, y: r.y + 1, width: 1, height: r.height - 2), "│", style)
        fill(Rect(x: r.maxX - 1, y: r.y + 1, width: 1, height: r.height - 2), "│", style)
        put(r.x, r.y, Cell("┌", style))
        put(r.maxX - 1, r.y, Cell("┐", style))
        put(r.x, r.maxY - 1, Cell("└", style))
        put(r.maxX - 1, r.maxY - 1, Cell("┘", style))
        // A title too long for the frame ends in `…` (it was cut mid-word with nothing to say so).
        if let title, r.width > 6 {
            let shown = TextWidth.clip(title, to: r.width - 6)
            text(r.x + 2, r.y, " \(shown) ", style.with(bold: true), maxWidth: r.width - 4)
        }
    }

    /// Copies rows `rows` of `other` (a canvas of the same width) to this canvas from row `y` on.
    public mutating func copyRows(of other: Canvas, _ rows: Range<Int>, to y: Int) {
        guard other.width == width else { return }
        for (k, r) in rows.enumerated() where r >= 0 && r < other.height && y + k >= 0 && y + k < height {
            for x in 0..<width { cells[(y + k) * width + x] = other.cells[r * width + x] }
        }
    }

    /// The number of rows down to the last one with anything drawn on it.
    public var usedRows: Int {
        var last = 0
        for y in 0..<height where (0..<width).contains(where: { cells[y * width + $0] != .blank }) { last = y + 1 }
        return last
    }

    /// The row as plain text (continuation cells omitted), for tests and captures.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width {
            let c = cells[y * width + x]
            if !c.isContinuation { s += c.text }
        }
        return s
    }

    /// All rows as text, trailing spaces trimmed.
    public var lines: [String] {
        (0..<height).map { y in
            var l = line(y)
            while l.last == " " { l.removeLast() }
            return l
        }
    }

    /// The whole canvas as text, one line per row.
    public var text: String { lines.joined(separator: "\n") }

    /// The positions to redraw for the cells that differ from `old` (all when the sizes differ), row-major.
    /// Continuation cells are never listed: a changed one lists its wide character instead.
    public func changes(from old: Canvas?) -> [(x: Int, y: Int)] {
        guard let old, old.width == width, old.height == height else {
            // Everything but continuation cells (a wide character draws both of its cells).
            var all: [(x: Int, y: Int)] = []
            all.reserveCapacity(cells.count)
            for i in 0..<cells.count where !cells[i].isContinuation { all.append((x: i % width, y: i / width)) }
            return all
        }
        var out: [(x: Int, y: Int)] = []
        for i in 0..<cells.count where cells[i] != old.cells[i] {
            let x = i % width
            let y = i / width
            // A changed continuation means its wide character must be redrawn.
            if cells[i].isContinuation, x > 0 {
                if out.last.map({ $0.x == x - 1 && $0.y == y }) != true { out.append((x: x - 1, y: y)) }
            } else {
                out.append((x: x, y: y))
            }
        }
        return out
    }
}

extension Style {
    public func with(fg: Color? = nil, bold: Bool? = nil, reverse: Bool? = nil, dim: Bool? = nil) -> Style {
        var s = self
        if let fg { s.fg = fg }
        if let bold { s.bold = bold }
        if let reverse { s.reverse = reverse }
        if let dim { s.dim = dim }
        return s
    }
}
