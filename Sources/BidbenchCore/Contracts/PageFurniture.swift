/// The lines of a text that belong to the printed page, not to the contract: page numbers
/// (`Page 2 of 5`, `第 2 页 共 5 页`, `- 7 -`), the running header and footer a PDF export repeats on
/// every page, and the form feed (`\f`) between pages. `pdftotext` leaves them between the two halves
/// of a sentence a page break cut: read as text they ended the sentence, and its red flag was lost
/// (`乙方有权…不经通知暂停` / footer / header / `甲方的全部账号及服务。`).
///
/// The scan reads these lines as blank and joins a sentence across them (`ContractScanner.paragraphs`).
/// A line is furniture when it
/// - says it is a page number (`Page 2 of 5`, `第 2 页`), alone or beside a little other text, or
/// - is only a form feed, or
/// - is the first or last line with text of a page (pages are separated by form feeds) and is a bare
///   number (`7`, `- 7 -`), or the same line, digits aside, is the first or last of another page too
///   (the running header or footer), or the page before it ended on its page number and a blank line
///   follows it (a header printed once).
enum PageFurniture {
    /// Which lines are furniture, by index; nil when none is (most texts: no form feed and no page
    /// number). Only each line's first 80 bytes are read (and the last 32 of one up to 160), and its length; with `distinct` (which lines
    /// are the same, `ContractLineParser.lines`) only each distinct line's.
    static func find(_ lines: [String], distinct: Distinct? = nil) -> [Bool]? {
        var marks: [Bool]?
        func mark(_ i: Int) {
            if marks == nil { marks = [Bool](repeating: false, count: lines.count) }
            marks![i] = true
        }
        // What a line's own text says: a form feed in its first 80 bytes; a page number on its own.
        let own = (distinct?.firsts ?? Array(lines.indices)).map { ownMarks(lines[$0]) }
        var feeds: [Int] = []
        for i in lines.indices {
            let (feed, page) = own[distinct?.index[i] ?? i]
            if feed { feeds.append(i) }
            if page { mark(i) }
        }
        // Without form feeds (a PDF copied as text, a `pdftotext` run without them), the lines that say
        // they are a page number end the pages: a lawyer's pass found a running header and footer
        // (`MASTER SOFTWARE UPGRADE AGREEMENT   CONFIDENTIAL`, `Vantage Medisoft Ltd – … Page 4 of 5`)
        // inside the liability cap's sentence, and the header counted as the confidentiality clause.
        var breaks = feeds
        if breaks.isEmpty, let marks {
            let numbered = lines.indices.filter { marks[$0] }
            if numbered.count >= 2 { breaks = numbered.map { $0 + 1 }.filter { $0 < lines.count } }
        }
        guard !breaks.isEmpty else { return marks }
        // The pages' first and last lines with text: the first page starts at line 0, each form feed
        // starts the next (a feed is on a line of its own, or before the page's first text).
        let starts = [0] + breaks
        var firsts: [Int] = []
        var lasts: [Int] = []
        for (k, start) in starts.enumerated() {
            let page = start..<(k + 1 < starts.count ? starts[k + 1] : lines.count)
            if let f = page.first(where: { !isBlank(lines[$0]) }) { firsts.append(f) }
            if let l = page.last(where: { !isBlank(lines[$0]) }) { lasts.append(l) }
        }
        // A bare number (`7`, `- 7 -`, `7 / 9`) is a page number only as a page's first or last line.
        for i in firsts + lasts where lines[i].utf8.count <= 80 && pageNumber(Array(lines[i].utf8)) == .bare { mark(i) }
        // A header printed once: a page's first line, set off by a blank line, after a page that ended
        // on its page number.
        for (k, f) in firsts.enumerated() where k > 0 && k - 1 < lasts.count && f + 1 < lines.count && isBlank(lines[f + 1]) {
            if lines[lasts[k - 1]].utf8.count <= 80 && pageNumber(Array(lines[lasts[k - 1]].utf8)) == .explicit { mark(f) }
        }
        for group in [firsts, lasts] {
            var seen: [[UInt8]: [Int]] = [:]
            // A numbered heading that opens two pages (`ARTICLE 5`, `ARTICLE 9`) is the contract's, not a header.
            for i in group where lines[i].utf8.count <= 200 && ContractLineParser.numbering(ContractText.normalize(lines[i])).0 == nil {
                seen[shape(lines[i]), default: []].append(i)
            }
            for (_, at) in seen where at.count >= 2 { at.forEach(mark) }
        }
        // A bare number next to the page's other furniture (`- 1 -` above `Licensee initials: …  Page 1
        // of 3`, a lawyer's pass: the sentence a page break cut lost its second half and its flag): read
        // from each page's edges inwards over the furniture and blank lines found.
        // A header or footer of two lines (`Orbis Enterprise Software Ltd. …` over `CONFIDENTIAL  Contract No.
        // …`): the next line in from the edge, past the furniture found, repeated on another page, in rounds.
        let pages = starts.enumerated().map { k, start in start..<(k + 1 < starts.count ? starts[k + 1] : lines.count) }
        // The next line in, when it touches the furniture found (no blank line between) and is no
        // sentence (a page's identical body text, a bundle printing the same order again, stays text).
        func inner(_ edge: [Int]) -> Int? {
            var previous: Int?
            for i in edge {
                if isBlank(lines[i]) {
                    previous = nil
                    continue
                }
                if marks?[i] == true {
                    previous = i
                    continue
                }
                if lines[i].utf8.count <= 80 && pageNumber(Array(lines[i].utf8)) == .bare {
                    mark(i)
                    previous = i
                    continue
                }
                guard previous != nil, let end = lines[i].unicodeScalars.last, !".;:。；：".unicodeScalars.contains(end) else { return nil }
                return i
            }
            return nil
        }
        for _ in 0..<3 {
            var added = false
            for top in [true, false] {
                var seen: [[UInt8]: [Int]] = [:]
                for page in pages {
                    guard let i = inner(top ? Array(page) : Array(page.reversed())), lines[i].utf8.count <= 200,
                        ContractLineParser.numbering(ContractText.normalize(lines[i])).0 == nil
                    else { continue }
                    seen[shape(lines[i]), default: []].append(i)
                }
                for (_, at) in seen where at.count >= 2 {
                    at.forEach(mark)
                    added = true
                }
            }
            if !added { break }
        }
        return marks
    }

    /// A line's form feed (in its first 80 bytes) and whether it is furniture by its own text (a
    /// blank line with a form feed, or one that says it is a page number). A page number says `page`,
    /// `p.` or 页 and holds a digit, so most lines (long, or without those) are passed over in one look.
    private static func ownMarks(_ line: String) -> (feed: Bool, page: Bool) {
        let (count, digit, feed, word) =
            line.utf8.withContiguousStorageIfAvailable { b -> (Int, Bool, Bool, Bool) in
                var digit = false
                var feed = false
                var word = false
                func look(_ range: Range<Int>) {
                    let n = range.upperBound
                    for k in range {
                        let x = b[k]
                        if x &- 0x30 < 10 {
                            digit = true
                        } else if x == 0x0C {
                            feed = true
                        } else if x | 0x20 == 0x70 {
                            // `page` or `p.` (any case)
                            word =
                                word || k + 1 < n && b[k + 1] == 0x2E
                                || k + 3 < n && b[k + 1] | 0x20 == 0x61 && b[k + 2] | 0x20 == 0x67 && b[k + 3] | 0x20 == 0x65
                        } else if x == 0xB5 && k >= 2 && b[k - 1] == 0xA1 && b[k - 2] == 0xE9 {
                            word = true  // 页 (E9 A1 B5)
                        }
                    }
                }
                look(0..<min(b.count, 81))
                // A longer line is a page number only by its end (`…  Page 4 of 5`): its last 32 bytes.
                if b.count > 81 && b.count <= 160 {
                    digit = false
                    word = false
                    look(max(81, b.count - 32)..<b.count)
                }
                return (b.count, digit, feed, word)
            } ?? (Int.max, false, line.utf8.prefix(81).contains(0x0C), false)
        let feedLine = feed || line.utf8.first == 0x0C
        guard count <= 160 else { return (feedLine, false) }
        // A longer line (a footer with the document's name padded to the margin) ends on its page number.
        return (feedLine, feed && isBlank(line) || digit && word && pageNumber(Array(line.utf8), atEnd: count > 80) == .explicit)
    }

    /// Whether a line holds nothing but blanks and form feeds.
    static func isBlank(_ line: String) -> Bool { bare(Array(line.utf8)).isEmpty }

    /// The line without blanks (space, tab, form feed, U+3000) at its ends.
    private static func bare(_ b: [UInt8]) -> ArraySlice<UInt8> {
        var lo = 0
        var hi = b.count
        func blankAt(_ i: Int) -> Int {
            if b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0C { return 1 }
            if i + 2 < b.count && b[i] == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x80 { return 3 }
            return 0
        }
        while lo < hi, case let w = blankAt(lo), w > 0 { lo += w }
        while lo < hi {
            if b[hi - 1] == 0x20 || b[hi - 1] == 0x09 || b[hi - 1] == 0x0C {
                hi -= 1
            } else if hi - 3 >= lo && b[hi - 3] == 0xE3 && b[hi - 2] == 0x80 && b[hi - 1] == 0x80 {
                hi -= 3
            } else {
                break
            }
        }
        return b[lo..<hi]
    }

    /// A line's text for comparing headers and footers: blanks dropped, ASCII lower-cased, every run of
    /// digits one `#` (`Page 1 of 3` and `Page 2 of 3` are the same footer).
    private static func shape(_ line: String) -> [UInt8] {
        var out: [UInt8] = []
        var inDigits = false
        for x in bare(Array(line.utf8)) where x != 0x20 && x != 0x09 && x != 0x0C {
            if x >= 0x30 && x <= 0x39 {
                if !inDigits { out.append(UInt8(ascii: "#")) }
                inDigits = true
                continue
            }
            inDigits = false
            out.append(x >= 0x41 && x <= 0x5A ? x + 32 : x)
        }
        return out
    }

    enum PageNumber { case explicit, bare }

    /// A page number: `explicit` when it says so (`Page 2`, `page 2 of 5`, `第 2 页`, `第2页 共5页`,
    /// `第 2 页，共 5 页`, also beside a little other text: `Contract No. HL-031   Page 1 of 3`);
    /// `bare` for a number alone (`2`, `- 2 -`, `2 / 5`); nil for anything else.
    static func pageNumber(_ line: [UInt8], atEnd: Bool = false) -> PageNumber? {
        let s = shape(String(decoding: line, as: UTF8.self))
        guard !s.isEmpty else { return nil }
        if bareForms.contains(s) { return .bare }
        if explicitForms.contains(s) { return .explicit }
        if atEnd { return besideForms.contains(where: { s.count >= $0.count && s.suffix($0.count).elementsEqual($0) }) ? .explicit : nil }
        return besideForms.contains(where: { occurs($0, in: s) }) ? .explicit : nil
    }

    private static let bareForms = ["#", "-#-", "–#–", "—#—", "#/#"].map { Array($0.utf8) }
    private static let explicitForms = ["page#", "page#of#", "p.#", "第#页", "第#页共#页", "第#页,共#页", "第#页，共#页", "共#页第#页"].map {
        Array($0.utf8)
    }
    private static let besideForms = ["page#of#", "第#页共#页", "第#页,共#页", "第#页，共#页"].map { Array($0.utf8) }

    /// Whether `needle` occurs in `hay`, byte for byte.
    private static func occurs(_ needle: [UInt8], in hay: [UInt8]) -> Bool {
        guard needle.count <= hay.count else { return false }
        return (0...(hay.count - needle.count)).contains { i in hay[i..<(i + needle.count)].elementsEqual(needle) }
    }
}
