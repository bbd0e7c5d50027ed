import BidbenchCore

/// A text editor that works on characters (so a Chinese character is one step and one backspace),
/// shown on one line that scrolls by display width, or wrapped over several lines.
///
/// A pre-filled value behaves like a spreadsheet cell: the first character typed replaces it (and
/// Backspace clears it) until the cursor is moved.
public struct TextField: Equatable, Sendable {
    public private(set) var chars: [Character]
    /// Cursor position as a character index (0…count).
    public private(set) var cursor: Int
    /// True while a pre-filled value is untouched: typing replaces it.
    public private(set) var replaceOnType: Bool

    public init(_ text: String = "") {
        chars = Array(text)
        cursor = chars.count
        replaceOnType = !chars.isEmpty
    }

    public var text: String { String(chars) }

    /// Marks the whole value for replacement, as a pre-filled one: what is typed next replaces it.
    public mutating func selectAll() {
        cursor = chars.count
        replaceOnType = !chars.isEmpty
    }

    /// Types one character (replacing an untouched pre-filled value).
    public mutating func insert(_ c: Character) {
        if replaceOnType {
            chars = []
            cursor = 0
            replaceOnType = false
        }
        chars.insert(c, at: cursor)
        cursor += 1
    }

    /// Applies an editing command; returns false when the command is not one.
    @discardableResult
    public mutating func apply(_ cmd: Command) -> Bool {
        let fresh = replaceOnType
        replaceOnType = false
        switch cmd {
        case .deleteBack:
            if fresh {
                chars = []
                cursor = 0
            } else if cursor > 0 {
                chars.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward:
            if cursor < chars.count { chars.remove(at: cursor) }
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(chars.count, cursor + 1)
        case .lineStart: cursor = 0
        case .lineEnd: cursor = chars.count
        case .clearToStart:
            chars.removeSubrange(0..<cursor)
            cursor = 0
        case .clearToEnd:
            chars.removeSubrange(cursor..<chars.count)
        default:
            replaceOnType = fresh
            return false
        }
        return true
    }

    /// Applies a key the way the key map's text-editing scope reads it (tests and prompts).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if let cmd = KeyMap.command(for: key, in: .textEditing) { return apply(cmd) }
        if case .char(let c) = key {
            insert(c)
            return true
        }
        return false
    }

    /// The style of a character: the cursor reversed; an untouched pre-filled value (which typing
    /// replaces) reversed as a whole when focused.
    func cellStyle(_ i: Int, focused: Bool, _ style: Style) -> Style {
        guard focused else { return style }
        if replaceOnType || i == cursor { return style.with(reverse: !style.reverse) }
        return style
    }

    /// Draws the field into `width` cells at (x, y), showing the cursor as a reversed cell when focused.
    /// Text that does not fit is never cut silently: a dim `…` stands at the side where more text is
    /// (the end when the field shows its beginning; the start too when it has scrolled).
    public func render(into canvas: inout Canvas, x: Int, y: Int, width: Int, focused: Bool, style: Style = .plain) {
        guard width > 0 else { return }
        // Unfocused, a field shows its beginning; focused, it scrolls so the cursor stays visible
        // (start from the cursor and walk left while it fits in `avail` columns).
        func start(_ avail: Int) -> Int {
            guard focused else { return 0 }
            var start = cursor
            var used = cursor < chars.count ? TextWidth.of(chars[cursor]) : 1
            while start > 0 {
                let w = TextWidth.of(chars[start - 1])
                if used + w > avail { break }
                used += w
                start -= 1
            }
            return start
        }
        // The characters from `start` that fit in `avail` columns (end index).
        func end(_ start: Int, _ avail: Int) -> Int {
            var used = 0
            var i = start
            while i < chars.count, used + TextWidth.of(chars[i]) <= avail {
                used += TextWidth.of(chars[i])
                i += 1
            }
            return i
        }
        // A marker takes a column, which may hide one more character: the markers are settled in
        // turn, each only ever added (at most two rounds change them). Under 4 columns, no markers.
        var left = false
        var right = false
        var first = start(width)
        while width >= 4 {
            let avail = width - (left ? 1 : 0) - (right ? 1 : 0)
            first = start(avail)
            let needLeft = left || first > 0
            let needRight = right || end(first, avail) < chars.count
            if needLeft == left && needRight == right { break }
            left = needLeft
            right = needRight
        }
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), " ", style)
        let contentX = x + (left ? 1 : 0)
        let contentEnd = x + width - (right ? 1 : 0)
        var cx = contentX
        var i = first
        while i < chars.count {
            let w = TextWidth.of(chars[i])
            if cx + w > contentEnd { break }
            canvas.text(cx, y, String(chars[i]), cellStyle(i, focused: focused, style))
            cx += w
            i += 1
        }
        if focused && cursor == chars.count && cx < contentEnd {
            canvas.text(cx, y, " ", style.with(reverse: !style.reverse))
        }
        if left { canvas.text(x, y, "…", style.with(dim: true)) }
        if right { canvas.text(x + width - 1, y, "…", style.with(dim: true)) }
    }

    /// Rows of character indices when the text is wrapped to `width` cells (the cursor may sit after
    /// the last character, so a full last row gets an empty row after it). Closing punctuation
    /// (。，”）…) and a space never start a row: the character before goes down with them, as
    /// `TextWidth.wrap` breaks the text shown outside the field (a space first indented the row). A
    /// Latin word is not cut: it goes down whole after the last space of the row, when there is one.
    /// Every character stays in one row, so the cursor is always shown where it is.
    func wrappedRows(width: Int) -> [Range<Int>] {
        var rows: [Range<Int>] = []
        var start = 0
        var used = 0
        func isWordPart(_ c: Character) -> Bool { (c.isLetter || c.isNumber) && TextWidth.of(c) == 1 }
        for (i, ch) in chars.enumerated() {
            let w = TextWidth.of(ch)
            if used + w > width && i > start {
                var end = i
                if ch == " " || TextWidth.noLineStart.contains(ch), i - 1 > start, chars[i - 1] != " ",
                    !TextWidth.noLineStart.contains(chars[i - 1])
                {
                    end = i - 1
                }
                if isWordPart(chars[end]) && isWordPart(chars[end - 1]) {
                    // The word goes down from the last space, or from where it follows Chinese when that
                    // is nearer (`流畅，MES` typed at a row's end went `流畅，ME` / `S`: a meeting pass).
                    var word = end
                    while word > start && isWordPart(chars[word - 1]) { word -= 1 }
                    let afterWide = word > start && TextWidth.of(chars[word - 1]) == 2 && end - word < width / 2
                    if let space = chars[start..<end].lastIndex(of: " "), !afterWide || space + 1 > word {
                        end = space + 1
                    } else if afterWide {
                        end = word
                    }
                }
                rows.append(start..<end)
                start = end
                used = chars[end..<i].reduce(0) { $0 + TextWidth.of($1) }
            }
            used += w
        }
        rows.append(start..<chars.count)
        if used >= width { rows.append(chars.count..<chars.count) }
        return rows
    }

    /// How many rows the text takes wrapped to `width` cells.
    public func wrappedHeight(width: Int) -> Int { wrappedRows(width: max(2, width)).count }

    /// Draws the text wrapped over up to `height` rows; focused, the rows scroll so the cursor shows.
    /// Rows out of sight are never hidden unsaid: when the text takes more rows than shown, it wraps
    /// one cell narrower and the last column says `↑` on the top row when rows are above it and `…`
    /// on the bottom row when rows are below (a note scrolled while typing hid its first lines: a
    /// meeting pass).
    public func renderWrapped(into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int, focused: Bool, style: Style = .plain) {
        guard width > 1, height > 0 else { return }
        var rows = wrappedRows(width: width)
        let marked = rows.count > height && width > 2
        if marked { rows = wrappedRows(width: width - 1) }
        let cursorRow = rows.lastIndex { $0.lowerBound <= cursor } ?? 0
        let top = focused ? max(0, min(cursorRow - height + 1, rows.count - height)) : 0
        canvas.fill(Rect(x: x, y: y, width: width, height: height), " ", style)
        let textWidth = marked ? width - 1 : width
        for (r, range) in rows.enumerated().dropFirst(max(0, top)).prefix(height) {
            var cx = x
            for i in range {
                canvas.text(cx, y + r - top, String(chars[i]), cellStyle(i, focused: focused, style))
                cx += TextWidth.of(chars[i])
            }
            if focused && r == cursorRow && cursor == range.upperBound && cursor == chars.count && cx < x + textWidth {
                canvas.text(cx, y + r - top, " ", style.with(reverse: !style.reverse))
            }
        }
        guard marked else { return }
        if top > 0 { canvas.text(x + width - 1, y, "↑", .dim) }
        if top + height < rows.count { canvas.text(x + width - 1, y + height - 1, "…", .dim) }
    }
}
