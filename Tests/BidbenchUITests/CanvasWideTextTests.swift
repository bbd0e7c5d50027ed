import BidbenchCore
import Testing

@testable import BidbenchUI

/// The Canvas and the text field with wide (Chinese) characters; `TextWidth` itself is tested in Core.
@Suite struct CanvasWideTextTests {
    @Test func canvasKeepsWideCharactersWhole() {
        var c = Canvas(width: 6, height: 1)
        c.text(0, 0, "中文字")
        #expect(c.line(0) == "中文字")
        // Overwriting the right half of 文 blanks its left half instead of leaving half a glyph.
        c.text(3, 0, "x")
        #expect(c.line(0) == "中 x字")
        // A wide character that does not fit at the edge becomes a space.
        var d = Canvas(width: 5, height: 1)
        d.text(0, 0, "中文字")
        #expect(d.line(0) == "中文 ")
    }

    @Test func canvasDiffListsOnlyChangedCells() {
        var a = Canvas(width: 10, height: 2)
        a.text(0, 0, "hello")
        var b = a
        b.text(0, 1, "x")
        let changes = b.changes(from: a)
        #expect(changes.count == 1)
        #expect(changes[0].x == 0 && changes[0].y == 1)
        #expect(a.changes(from: nil).count == 20)
        // Regression: a full redraw listed continuation cells, whose blank overwrote the right half
        // of every Chinese character on a real terminal.
        var w = Canvas(width: 4, height: 1)
        w.text(0, 0, "中文")
        #expect(w.changes(from: nil).map(\.x) == [0, 2])
        var w2 = w
        w2.text(2, 0, "字")
        #expect(w2.changes(from: w).map(\.x) == [2])
    }

    @Test func textFieldEditsChinese() {
        var f = TextField()
        for c in "产能排产" { _ = f.handle(.char(c)) }
        _ = f.handle(.backspace)
        #expect(f.text == "产能排")
        _ = f.handle(.home)
        _ = f.handle(.char("新"))
        #expect(f.text == "新产能排")
        _ = f.handle(.end)
        _ = f.handle(.left)
        _ = f.handle(.delete)
        #expect(f.text == "新产能")
        // Rendering keeps the cursor visible and never splits a wide character.
        var c = Canvas(width: 5, height: 1)
        f.render(into: &c, x: 0, y: 0, width: 5, focused: true)
        #expect(TextWidth.of(c.line(0)) == 5)
        // Regression: a long field opened in a form showed only its end; unfocused it shows its start.
        let long = TextField("现状问题: 排产靠 Excel; 影响用户: 计划员 6 人")
        var u = Canvas(width: 10, height: 1)
        long.render(into: &u, x: 0, y: 0, width: 10, focused: false)
        #expect(u.line(0) == "现状问题: ")
        long.render(into: &u, x: 0, y: 0, width: 10, focused: true)
        #expect(u.line(0).hasSuffix("6 人 "))
    }
}
