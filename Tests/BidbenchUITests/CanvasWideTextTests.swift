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

    /// A frame's title too long for it ends in `…` inside the frame (it was cut mid-word:
    /// `Functionality: manufacturi─┐`); one that fits is drawn whole.
    @Test func aBoxTitleTooLongEndsInAnEllipsis() {
        var c = Canvas(width: 30, height: 3)
        c.box(Rect(x: 0, y: 0, width: 30, height: 3), title: "zhang-wei · Qiming · Functionality: manufacturing")
        #expect(c.line(0) == "┌─ zhang-wei · Qiming · Fu… ─┐")
        var d = Canvas(width: 20, height: 3)
        d.box(Rect(x: 0, y: 0, width: 20, height: 3), title: "评分 张伟")
        #expect(d.line(0) == "┌─ 评分 张伟 ──────┐")
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
        // …and says that more follows (found in the user pass: a 50-character title was cut silently).
        #expect(u.line(0) == "现状问题:…")
        long.render(into: &u, x: 0, y: 0, width: 10, focused: true)
        #expect(u.line(0) == "…员 6 人  ")
        // Scrolled to the middle: more text on both sides, the cursor still shown.
        var middle = long
        _ = middle.handle(.home)
        for _ in 0..<8 { _ = middle.handle(.right) }
        middle.render(into: &u, x: 0, y: 0, width: 10, focused: true)
        #expect(u.line(0) == "…: 排产靠…")
        #expect(u[7, 0].style.reverse)
        // Text that fits has no marker.
        TextField("排产").render(into: &u, x: 0, y: 0, width: 10, focused: false)
        #expect(u.line(0) == "排产      ")
    }

    /// A long field wraps like the text outside it: closing punctuation never starts a row, the
    /// character before it goes down too (found in the user pass: `”等条款` began a row of the form).
    @Test func wrappedFieldKeepsClosingPunctuationOffARowStart() {
        func rows(_ text: String, _ width: Int) -> [String] {
            let chars = Array(text)
            return TextField(text).wrappedRows(width: width).map { String(chars[$0]) }
        }
        // Six wide characters fill 12 cells; 。 may not start the second row, so 六 goes down with it.
        #expect(rows("一二三四五六。七八", 12) == ["一二三四五", "六。七八"])
        #expect(rows("乙方应于三十日内付款，逾期按日计息", 12) == ["乙方应于三十", "日内付款，逾", "期按日计息"])
        #expect(rows("费用包括“实施费”和“培训费”两项", 8) == ["费用包括", "“实施费”", "和“培训", "费”两项"])
        // After another closing mark, a closing mark stays where it falls (nothing to carry).
        #expect(rows("一二三。”五", 8) == ["一二三。", "”五"])
        // A space does not start a row either (it indented the row: `│           5 秒`), and a Latin
        // word goes down whole after the last space (`Oracl` / `e EBS` in the user pass).
        #expect(rows("延迟不超过 5 秒", 10) == ["延迟不超", "过 5 秒"])
        #expect(rows("兼容 Oracle EBS 审批", 10) == ["兼容 ", "Oracle ", "EBS 审批"])
        #expect(rows("API SLA", 5) == ["API ", "SLA"])
        // A Latin word after Chinese goes down whole too, as outside a field (`流畅，ME` / `S` while
        // typing a note in the meeting pass).
        #expect(rows("排产演示流畅，MES", 16) == ["排产演示流畅，", "MES"])
        #expect(rows("排产演示流畅，MES 回写", 16) == ["排产演示流畅，", "MES 回写"])
        #expect(rows("需第二轮演示，MES 回写", 16) == TextWidth.wrap("需第二轮演示，MES 回写", 16))
        // A word longer than the row is cut where the row is full (nothing else would fit).
        #expect(rows("Internationalization", 8) == ["Internat", "ionaliza", "tion"])
        // Every character is in exactly one row, whatever the text and width.
        for text in ["兼容 Oracle EBS 审批流，延迟不超过 5 秒。", "a b  c   dddd eeeeeeeeee", "  leading spaces", "中 文 字 符"] {
            for width in 2...16 {
                let r = TextField(text).wrappedRows(width: width)
                #expect(r.first?.lowerBound == 0 && r.last?.upperBound == text.count, "\(text) at \(width)")
                #expect(zip(r, r.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "\(text) at \(width)")
                #expect(r.allSatisfy { range in Array(text)[range].reduce(0) { $0 + TextWidth.of($1) } <= width }, "\(text) at \(width)")
            }
        }
        // The same rows as the text shown outside a field (`TextWidth.wrap`, here without spaces; a
        // field adds an empty row after a full last one, for the cursor).
        for text in ["一二三四五六。七八", "乙方应于三十日内付款，逾期按日计息", "费用包括“实施费”和“培训费”两项", "一二三。”五", "演示流畅MES回写OK"] {
            for width in 4...14 {
                var field = rows(text, width)
                if field.count > 1 && field.last == "" { field.removeLast() }
                #expect(field == TextWidth.wrap(text, width), "\(text) at \(width)")
            }
        }
    }

    /// A wrapped field taller than its rows says what is out of sight: `↑` on its top row when the
    /// text has scrolled, `…` on its bottom row when more follows (the note field hid lines unsaid).
    @Test func wrappedFieldMarksRowsOutOfSight() {
        var field = TextField("")
        for c in "一二三四五六七八九十甲乙丙丁戊己庚辛" { field.insert(c) }  // 18 wide characters: 4 rows of 5 columns
        var c = Canvas(width: 6, height: 2)
        field.renderWrapped(into: &c, x: 0, y: 0, width: 6, height: 2, focused: true)
        // Typing at the end: the last rows show, the first are above (one column kept for the marker).
        #expect(c.line(0) == "戊己 ↑")
        #expect(c.line(1) == "庚辛  ")
        var u = Canvas(width: 6, height: 2)
        field.renderWrapped(into: &u, x: 0, y: 0, width: 6, height: 2, focused: false)
        #expect(u.line(0) == "一二  ")
        #expect(u.line(1) == "三四 …")
        // Text that fits has no marker and the whole width.
        var f = Canvas(width: 6, height: 2)
        TextField("一二三四五").renderWrapped(into: &f, x: 0, y: 0, width: 6, height: 2, focused: false)
        #expect(f.line(0) == "一二三")
        #expect(f.line(1) == "四五  ")
    }
}
