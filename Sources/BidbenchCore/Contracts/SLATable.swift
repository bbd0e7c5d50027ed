#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Support times laid out as a table: a header row naming a response and a resolution column
/// (`故障级别 ⇥ 响应时间 ⇥ 解决时间`, `| Severity | Response time | Resolution time |`), then a row per
/// severity (`一级 ⇥ ３０分钟 ⇥ ４小时`). Read line by line, since a row names neither kind and the
/// sentence reader takes a time only beside its verb: a lawyer's pass found a Word table exported
/// with tabs, and a Markdown table, read as "support without response or resolution times".
enum SLATable {
    /// The cells of a table row: split at tabs, at `|` (Markdown; its outer bars dropped), or at runs
    /// of two or more spaces (ideographic ones too) — each normalised and lower-cased; nil for a line
    /// of fewer than two cells.
    static func cells(_ line: String) -> [String]? {
        var raw: [String] = []
        var current = ""
        var blanks = 0
        func push() {
            raw.append(current)
            current = ""
        }
        for ch in line {
            if ch == "\t" || ch == "|" {
                push()
                blanks = 0
            } else if ch == " " || ch == "\u{3000}" {
                blanks += 1
                if blanks == 2 { push() } else if blanks == 1 { current.append(" ") }
            } else {
                if blanks >= 2 { current = "" }
                blanks = 0
                current.append(ch)
            }
        }
        push()
        let cells = raw.map { ContractText.lowerASCII(ContractText.normalize($0)) }.filter { !$0.isEmpty }
        return cells.count >= 2 ? cells : nil
    }

    /// A Markdown separator row (`|---|:--:|`).
    static func isSeparator(_ cells: [String]) -> Bool {
        cells.allSatisfy { c in !c.isEmpty && c.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " } }
    }

    /// The kind a header cell names: response (`响应时间`, "Response time") or resolution (`解决时限`,
    /// "Resolution"), else nil.
    static func kind(ofHeader cell: String) -> SLAResponse.Kind? {
        if KeyTermExtractor.responseWords.contains(where: { cell.contains($0) }) { return .response }
        if KeyTermExtractor.resolutionWords.contains(where: { cell.contains($0) }) { return .resolution }
        return nil
    }

    /// The words of both kinds as bytes, ASCII ones lower-case (what `mayBeHeader` looks for).
    private static let headerWords: [[UInt8]] = (KeyTermExtractor.responseWords + KeyTermExtractor.resolutionWords).map { Array($0.utf8) }

    /// Whether a line can be a table's header, on its bytes: a cell separator (a tab, `|`, two spaces or
    /// an ideographic space) and a word of either kind. Most lines are prose and fail at once: a 4 MB
    /// text's lines are each looked at once, before any cell is made.
    static func mayBeHeader(_ line: String) -> Bool {
        // A header's cells are short (`responses`): a long line is prose, passed over on its length.
        guard line.utf8.count <= 400 else { return false }
        var line = line
        return line.withUTF8 { b in
            // The C library's searches (vectorised): most lines have no separator and are done here.
            guard let base = b.baseAddress, !b.isEmpty else { return false }
            // A byte followed by `next`, from one found byte to the next.
            func pair(_ first: Int32, _ next: UInt8, _ third: UInt8? = nil) -> Bool {
                var from = 0
                while from < b.count, let p = memchr(base + from, first, b.count - from) {
                    let i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    if i + 1 < b.count, b[i + 1] == next, third.map({ i + 2 < b.count && b[i + 2] == $0 }) ?? true { return true }
                    from = i + 1
                }
                return false
            }
            let separated =
                memchr(base, 0x09, b.count) != nil || memchr(base, 0x7C, b.count) != nil || pair(0x20, 0x20) || pair(0xE3, 0x80, 0x80)
            guard separated else { return false }
            // Every cell short (at most 24 characters: 72 bytes), past the indent: an indented clause
            // with two spaces after its number (`    6. Updates.  During …`) is prose.
            var run = 0
            var i = 0
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
            while i < b.count {
                let c = b[i]
                if c == 0x09 || c == 0x7C || (c == 0x20 && i + 1 < b.count && b[i + 1] == 0x20) {
                    run = 0
                } else {
                    run += 1
                    if run > 72 { return false }
                }
                i += 1
            }
            for i in b.indices {
                for w in headerWords where i + w.count <= b.count {
                    var k = 0
                    while k < w.count {
                        let c = b[i + k]
                        if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != w[k] { break }
                        k += 1
                    }
                    if k == w.count { return true }
                }
            }
            return false
        }
    }

    /// Every support time a table of `lines` states, with its row's line (1-based) and the row as quoted.
    /// `distinct`: which lines are the same (`ContractLineParser.lines`), so a repeated line is looked at once.
    static func responses(_ lines: [String], distinct: Distinct) -> [SLAResponse] {
        var out: [SLAResponse] = []
        let each = distinct.firsts.map { mayBeHeader(lines[$0]) }
        let header = distinct.index.map { each[$0] }
        var i = 0
        while i < lines.count {
            // A table's cells are short: prose with two spaces after a clause number (`9. Notices.  Any
            // notice…`) is no header, nor its next paragraph a row.
            guard header[i], let head = cells(lines[i]), head.allSatisfy({ $0.count <= 24 }),
                head.contains(where: { kind(ofHeader: $0) != nil }), !head.contains(where: { !QuantityScanner.scan($0).isEmpty })
            else {
                i += 1
                continue
            }
            let kinds = head.map(kind(ofHeader:))
            var j = i + 1
            while j < lines.count, let row = cells(lines[j]), row.count == head.count, row.allSatisfy({ $0.count <= 40 }) {
                defer { j += 1 }
                if isSeparator(row) { continue }
                let quote = ContractText.normalize(lines[j].replacingOccurrences(of: "|", with: " "))
                for (k, cell) in row.enumerated() {
                    guard let kind = kinds[k],
                        let q = QuantityScanner.scan(cell).first(where: { [.minute, .hour, .day, .businessDay].contains($0.unit) })
                    else { continue }
                    let businessDays = q.unit == .businessDay ? q.value : nil
                    let minutes = businessDays.map { Saturating.multiply($0, 1440) } ?? q.minutes!
                    out.append(SLAResponse(minutes: minutes, businessDays: businessDays, kind: kind, line: j + 1, text: quote))
                }
            }
            i = j
        }
        return out
    }
}
