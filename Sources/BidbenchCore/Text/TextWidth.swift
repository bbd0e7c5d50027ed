/// Display width of text in terminal cells, in pure Swift (glibc's `wcwidth` after `setlocale` is the
/// reference that tmux and ncurses use; the Swift standard library has no East-Asian-Width property).
public enum TextWidth {
    /// Width of one Unicode scalar: 0 for combining marks and zero-width characters, 2 for East Asian
    /// Wide and Fullwidth characters, 1 otherwise. Control characters count 0 (they are stripped before drawing).
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Width of a character (a grapheme cluster): the width of its first scalar that has width.
    public static func of(_ c: Character) -> Int {
        var w = 0
        for s in c.unicodeScalars {
            w = max(w, of(s))
            if w == 2 { break }
        }
        return w
    }

    /// Total display width of a string.
    public static func of(_ text: String) -> Int {
        var w = 0
        for c in text { w += of(c) }
        return w
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
            0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF,
            0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x20D0...0x20FF,
            0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
            0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
            0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
            0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
            0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
            0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Removes control characters (C0, DEL, C1), so text from files cannot move the cursor, clear the
    /// screen or retitle the window. Tabs and newlines become spaces.
    public static func sanitize(_ text: String) -> String {
        var clean = true
        for s in text.unicodeScalars where s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) {
            clean = false
            break
        }
        if clean { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\t" || s == "\n" || s == "\r" {
                out.append(" ")
            } else if s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) {
                continue
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Clips text to at most `width` cells, never splitting a double-width character; appends `…`
    /// when something was cut and `ellipsis` is true.
    public static func clip(_ text: String, to width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let limit = ellipsis ? width - 1 : width
        var out = ""
        var w = 0
        for c in text {
            let cw = of(c)
            if w + cw > limit { break }
            out.append(c)
            w += cw
        }
        return ellipsis ? out + "…" : out
    }

    /// Punctuation that must not begin a line in Chinese text (line-breaking rules of CJK typesetting),
    /// and its ASCII forms, which the normalised text of a contract or a typed note uses as often
    /// (`凭证` / `, 常有差错` began a row with the comma).
    public static let noLineStart: Set<Character> = [
        "。", "，", "、", "；", "：", "？", "！", "）", "」", "』", "】", "》", "〉", "”", "’", ",", ".", ";", ":", "?", "!", ")", "]",
    ]

    /// Breaks text into lines of at most `width` cells: after a space when one is near, else between
    /// any two characters (Chinese has no spaces), never putting closing punctuation at the start of
    /// a line; a wide character never splits. When Chinese follows the space (a run starting with a
    /// wide character), the space must be near the end too (what goes down with it at most a quarter
    /// of the width): such a run is no word to keep whole, and carrying it down left rows a third
    /// empty. A run starting with a Latin letter goes down whole, as a word.
    public static func wrap(_ text: String, _ width: Int) -> [String] {
        guard width > 1 else { return [text] }
        var lines: [String] = []
        var line: [Character] = []
        var used = 0
        var lastSpace: Int? = nil
        let characters = Array(text)
        for (at, ch) in characters.enumerated() {
            let w = of(ch)
            if used + w > width && !line.isEmpty, let sp = lastSpace, sp > 0,
                let path = pathWidth(line[(sp + 1)...], characters[at...]), path <= width
            {
                // A path (`/tmp/m1/.bidbench/private/张伟/handout.md`) goes down whole when it fits a
                // row: copied from the terminal, a path broken across rows is a wrong path.
                lines.append(String(line[..<sp]))
                line = Array(line[(sp + 1)...])
                used = line.reduce(0) { $0 + of($1) }
                lastSpace = nil
            } else if used + w > width && !line.isEmpty {
                // Chinese after the space: a run that starts with a wide character and reaches this break.
                let chineseRun =
                    lastSpace.map { sp in sp + 1 < line.count && of(line[sp + 1]) == 2 } == true
                    && (w == 2 || line.last.map { of($0) == 2 } == true)
                if let sp = lastSpace, sp > line.count / 2,
                    !chineseRun || line[(sp + 1)...].reduce(0, { $0 + of($1) }) <= width / 4
                {
                    lines.append(String(line[..<sp]))
                    line = Array(line[(sp + 1)...])
                } else if noLineStart.contains(ch), line.count > 1, !noLineStart.contains(line[line.count - 1]) {
                    // Closing punctuation (。，、）」…) never starts a line: the character before it goes down
                    // too — a figure with it whole (`100%` / `。`, not `100` / `%。`).
                    var k = line.count - 1
                    if isLatinWordCharacter(line[k]), let w = latinWordStart(line), line.count - w < width / 2 { k = w }
                    lines.append(String(line[..<k]))
                    line = Array(line[k...])
                } else if let k = latinWordStart(line), isLatinWordCharacter(ch),
                    line.count - k < (line[k - 1] == " " ? width - 1 : width / 2)
                {
                    // A Latin word (a run of ASCII without spaces: `Must`, `training.csv`) is never split
                    // where the text before it can end the line (`高/Must` went `高/Mus` / `t`): the
                    // word goes down whole — after a space, whenever it fits a line (`non-renew` / `al`).
                    var end = k
                    while end > 0 && line[end - 1] == " " { end -= 1 }
                    lines.append(String(line[..<end]))
                    line = Array(line[k...])
                } else {
                    // A break beside a wide character right after a space leaves no space at the end.
                    while line.count > 1 && line.last == " " { line.removeLast() }
                    lines.append(String(line))
                    line = []
                }
                used = line.reduce(0) { $0 + of($1) }
                lastSpace = nil
                if ch == " " && line.isEmpty { continue }
            }
            if ch == " " { lastSpace = line.count }
            line.append(ch)
            used += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(String(line)) }
        return lines
    }

    /// `wrap` with a hanging indent: the first row `width` cells wide, each row after it `indent`
    /// spaces in (a labelled line, `§ cap: …`, whose later rows would otherwise start under its label).
    public static func wrap(_ text: String, _ width: Int, hanging indent: Int) -> [String] {
        let rows = wrap(text, width)
        guard rows.count > 1, indent > 0, width - indent > 1, text.hasPrefix(rows[0]) else { return rows }
        let rest = text.dropFirst(rows[0].count).drop { $0 == " " }
        let pad = String(repeating: " ", count: indent)
        return [rows[0]] + wrap(String(rest), width - indent).map { pad + $0 }
    }

    /// The width of a path being wrapped: the run after the last space (`before`) and the rest of it in
    /// the text (`after`, up to a space), when it holds a `/` and no wide character before its first
    /// `/` (a path, not Chinese prose with a slash in it); nil otherwise.
    private static func pathWidth(_ before: ArraySlice<Character>, _ after: ArraySlice<Character>) -> Int? {
        var width = 0
        var slash = false
        for c in [before, after].joined() {
            if c == " " || c == "\n" { break }
            if c == "/" { slash = true } else if !slash && of(c) == 2 { return nil }
            width += of(c)
        }
        return slash ? width : nil
    }

    /// Where the run of ASCII (no space) that ends `line` starts, when something is before it.
    private static func latinWordStart(_ line: [Character]) -> Int? {
        var k = line.count
        while k > 0 && isLatinWordCharacter(line[k - 1]) { k -= 1 }
        return line[..<k].contains { $0 != " " } && k < line.count ? k : nil
    }

    private static func isLatinWordCharacter(_ c: Character) -> Bool { c.isASCII && !c.isWhitespace }

    /// Each text clipped to `width` cells (`clip`), except that texts that would then read alike while
    /// they differ keep their ends instead: a third of the width from the start, `…`, the rest from the
    /// end (`Functionality: man…` twice at 80 columns → `Functi…manufacturing` / `Functio…management`).
    /// When the ends are alike too (`功能-生产制造管理模块` / `功能-生产计划管理模块`), the rest is shown from
    /// where the texts part (`功…制造管…` / `功…计划管…`).
    public static func distinctClips(_ texts: [String], to width: Int) -> [String] {
        let clipped = texts.map { clip($0, to: width) }
        var groups: [String: [String]] = [:]
        for (c, t) in zip(clipped, texts) where !(groups[c]?.contains(t) ?? false) { groups[c, default: []].append(t) }
        func ends(_ t: String, _ head: String) -> String {
            var tail: [Character] = []
            var w = of(head) + 1
            for ch in t.reversed() {
                if w + of(ch) > width { break }
                tail.append(ch)
                w += of(ch)
            }
            return head + "…" + String(tail.reversed())
        }
        return zip(clipped, texts).map { c, t in
            guard let group = groups[c], group.count > 1, width >= 5 else { return c }
            let head = clip(t, to: max(2, (width - 1) / 3), ellipsis: false)
            let byEnds = group.map { ends($0, clip($0, to: max(2, (width - 1) / 3), ellipsis: false)) }
            if Set(byEnds).count == group.count { return ends(t, head) }
            // Where the group's texts part: the characters all of them share first.
            let chars = group.map(Array.init)
            var common = 0
            while chars.allSatisfy({ common < $0.count && $0[common] == chars[0][common] }) { common += 1 }
            let rest = String(Array(t).dropFirst(common))
            return head + "…" + clip(rest, to: width - of(head) - 1)
        }
    }

    /// Clips then pads with spaces to exactly `width` cells (left-aligned, or right-aligned).
    public static func fit(_ text: String, _ width: Int, right: Bool = false) -> String {
        let c = clip(text, to: width)
        let pad = String(repeating: " ", count: max(0, width - of(c)))
        return right ? pad + c : c + pad
    }
}
