/// A one-line text editor that works on characters (so a Chinese character is one step and one
/// backspace) and scrolls horizontally by display width.
public struct TextField: Equatable, Sendable {
    public private(set) var chars: [Character]
    /// Cursor position as a character index (0…count).
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        chars = Array(text)
        cursor = chars.count
    }

    public var text: String { String(chars) }

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            chars.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 {
                chars.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .ctrl("d"):
            if cursor < chars.count { chars.remove(at: cursor) }
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
        case .right, .ctrl("f"):
            cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = chars.count
        case .ctrl("u"):
            chars.removeSubrange(0..<cursor)
            cursor = 0
        case .ctrl("k"):
            chars.removeSubrange(cursor..<chars.count)
        default:
            return false
        }
        return true
    }

    /// Draws the field into `width` cells at (x, y), showing the cursor as a reversed cell when focused.
    public func render(into canvas: inout Canvas, x: Int, y: Int, width: Int, focused: Bool, style: Style = .plain) {
        guard width > 0 else { return }
        // Unfocused, a field shows its beginning; focused, it scrolls so the cursor stays visible
        // (start from the cursor and walk left while it fits).
        var start = focused ? cursor : 0
        var used = 1
        while focused && start > 0 {
            let w = TextWidth.of(chars[start - 1])
            if used + w > width { break }
            used += w
            start -= 1
        }
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), " ", style)
        var cx = x
        var i = start
        while i < chars.count {
            let w = TextWidth.of(chars[i])
            if cx + w > x + width { break }
            let st = (focused && i == cursor) ? style.with(reverse: !style.reverse) : style
            canvas.text(cx, y, String(chars[i]), st)
            cx += w
            i += 1
        }
        if focused && cursor == chars.count && cx < x + width {
            canvas.text(cx, y, " ", style.with(reverse: !style.reverse))
        }
    }
}
