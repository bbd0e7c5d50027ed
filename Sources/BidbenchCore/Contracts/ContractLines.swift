#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line of a contract, split into its numbering, heading and body.
struct ContractLine: Equatable, Sendable {
    /// 1-based line number in the file.
    var number: Int
    /// The original line, trimmed.
    var raw: String
    /// Nesting level when the line opens a section (numbered or a heading), else nil.
    var level: Int?
    /// Heading text, lower-cased (`limitation of liability`, `保密`), empty when none.
    var heading: String
    /// Whether the line is only a heading, with no text after it.
    var bare: Bool
    /// Body text (after the heading), normalised, original case.
    var body: String
    /// A definition (`"Fees" means …`, `“服务”是指…`).
    var isDefinition: Bool
    /// A short unnumbered line taken for a heading; in the middle of a wrapped sentence it is text.
    var unnumberedHeading = false
    /// A cover line that names a party or its particulars (`乙方：…数据安全技术有限公司`, `Address: …`):
    /// read as a definition (never a clause), complete on its own line.
    var coverLabel = false
    /// The whole line, normalised, original case.
    var text = ""
    /// The text after the numbering (the heading for a bare heading), original case.
    var afterNumber = ""
    /// Whether `text` is plain (see `ContractText.isPlain`), and so every part of it: decided once
    /// per line and passed on to the paragraph and its sentences.
    var plain = false
    /// Whether `heading` names a definitions section (`ClauseRules.definitionHeadings`).
    var definitionsHeading = false
    /// The clause kinds whose heading rules `heading` matches (none for a definitions heading).
    var headingKinds = ClauseKinds()
    /// How the line joins its neighbours, decided with the line (see `ContractLineParser.joins`).
    var joins = Joins()

    /// The parts of `ContractLineParser.wrapsInto` and `continues` that depend on one line only.
    struct Joins: Equatable, Sendable {
        /// As the first of `wrapsInto`: a bare heading not ending on a full stop or colon.
        var wrapStart = false
        /// As the first of `wrapsInto`: it ends on a linking word, or is a long Chinese "heading".
        var wrapWord = false
        /// As the second of `wrapsInto`: plain text (or a short unnumbered "heading"), not a definition.
        var wrapNext = false
        /// As the second of `wrapsInto`: its continuation starts with an ASCII lower-case letter.
        var startsLower = false
        /// As the next line of `continues`, after a text that stops mid-sentence.
        var continuesOpen = false
        /// Whether the body, the text after the numbering, and the continuation stop mid-sentence.
        var bodyOpen = false
        var afterNumberOpen = false
        var continuationOpen = false
        /// After a cover line, this one holds the rest of the party's name (`continuesName`).
        var continuesName = false
        /// A Chinese `label：value` line that may be the rest of a sentence a full line above cut
        /// mid-word (`…单方调` / `整服务费：甲方应…`): see `labelContinues`.
        var labelContinues = false
        /// A numbered line that is really a cross-reference running on (`Section 5.2 (Provider Warranty) is …`,
        /// `第五条的约定…`): it continues a text that stops on a word leading into one
        /// (`ContractLineParser.endsOnReference`, asked only of the line before such a line).
        var referenceStart = false
    }
}

enum ContractLineParser {
    /// Splits text into lines (LF, CRLF or CR) without a leading byte-order mark.
    static func splitLines(_ text: String) -> [String] { lines(text, repeatsOnce: false).raw }

    /// The lines of a text (as `splitLines`) and which of them are the same bytes: a repeated line
    /// shares the first one's string. `repeatsOnce`: false takes every line for a distinct one.
    static func lines(_ text: String, repeatsOnce: Bool = true) -> (raw: [String], distinct: Distinct) {
        var text = text
        // Valid UTF-8 already: the lines are too.
        return text.withUTF8 { lines(utf8: $0, repeatsOnce: repeatsOnce, validating: false)! }
    }

    /// `lines` of UTF-8 bytes; nil when `validating` and they are not valid UTF-8. Only the distinct
    /// lines are checked (and made strings): the bytes are cut at CR and LF, which no multi-byte
    /// character holds, so they are valid exactly when each line is, and a repeat is the same bytes.
    static func lines(
        utf8 bytes: UnsafeBufferPointer<UInt8>, repeatsOnce: Bool, validating: Bool
    ) -> (raw: [String], distinct: Distinct)? {
        var lines: [String] = []
        var firsts: [Int] = []
        var index: [Int] = []
        // Room for a line per 24 bytes, more than most texts need: growing the lists copied them into
        // new pages, and a page is paid for only when it is written.
        let room = min(bytes.count, 1_024 + bytes.count / 24)
        lines.reserveCapacity(room)
        index.reserveCapacity(room)
        var seen = LineTable()
        var valid = true
        func line(_ r: Range<Int>) {
            let line = UnsafeBufferPointer(rebasing: bytes[r])
            if repeatsOnce {
                let k = seen.find(line, orAdd: firsts.count)
                if k < firsts.count {
                    lines.append(lines[firsts[k]])
                    index.append(k)
                    return
                }
            }
            index.append(firsts.count)
            firsts.append(lines.count)
            if validating {
                guard let text = String(validating: line, as: UTF8.self) else {
                    valid = false
                    lines.append("")
                    return
                }
                lines.append(text)
            } else {
                lines.append(String(decoding: line, as: UTF8.self))
            }
        }
        // A leading character that is exactly U+FEFF (EF BB BF) is dropped: not when a mark joins it
        // (a character ends within its line).
        var skip = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            let end = bytes.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.count
            if String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self).first == "\u{FEFF}" { skip = 3 }
        }
        // By `memchr` (vectorised): the next LF, then each CR before it. A CR ends a line; an LF ends
        // one unless a CR just did (CRLF).
        var start = skip
        if let base = bytes.baseAddress {
            func find(_ byte: UInt8, _ from: Int, _ end: Int) -> Int? {
                memchr(base + from, Int32(byte), end - from).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
            }
            while start < bytes.count && valid {
                let lf = find(0x0A, start, bytes.count) ?? bytes.count
                var crBefore = false
                while start < lf, let cr = find(0x0D, start, lf) {
                    line(start..<cr)
                    start = cr + 1
                    crBefore = start == lf
                }
                guard lf < bytes.count else { break }
                if !crBefore { line(start..<lf) }
                start = lf + 1
            }
        }
        if valid && start < bytes.count { line(start..<bytes.count) }
        return valid ? (lines, Distinct(firsts: firsts, index: index)) : nil
    }

    /// The distinct lines seen so far, by their bytes: open addressing over `LineHash` (keyed by
    /// random numbers drawn once per process, so a text made to collide, a contract from outside,
    /// cannot make the split quadratic), equal hashes checked with `memcmp`. Each line is hashed once,
    /// 16 bytes a step: the standard `Hasher` over every byte of a 4 MB text, and again over the hash
    /// for the dictionary's own table, was a sixth of a whole `contract check`.
    private struct LineTable {
        /// Per slot: the line's number among the distinct ones, plus one (0: an empty slot).
        private var slots: [Int32] = []
        private var mask = 0
        private var lines: [(hash: UInt64, bytes: UnsafeBufferPointer<UInt8>)] = []

        /// The number of the distinct line equal to `line`; else `line` is added as number `next`
        /// (the count of those added before) and `next` is returned.
        mutating func find(_ line: UnsafeBufferPointer<UInt8>, orAdd next: Int) -> Int {
            if 2 * (lines.count + 1) > slots.count { grow() }
            let h = LineHash.hash(UnsafeRawBufferPointer(line))
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] != 0 {
                let k = Int(slots[s]) - 1
                let other = lines[k]
                if other.hash == h && other.bytes.count == line.count
                    && (line.isEmpty || memcmp(other.bytes.baseAddress!, line.baseAddress!, line.count) == 0)
                {
                    return k
                }
                s = (s + 1) & mask
            }
            slots[s] = Int32(lines.count + 1)
            lines.append((h, line))
            return next
        }

        /// Twice the slots (at least 1 024), every line put back at its hash.
        private mutating func grow() {
            let count = max(1024, 2 * slots.count)
            slots = [Int32](repeating: 0, count: count)
            mask = count - 1
            for (k, line) in lines.enumerated() {
                var s = Int(truncatingIfNeeded: line.hash) & mask
                while slots[s] != 0 { s = (s + 1) & mask }
                slots[s] = Int32(k + 1)
            }
        }
    }

    /// Parses every line (numbered from 1). Each line is parsed on its own, so a long text is parsed
    /// in pieces on the cores at once; a short one (most contracts: under about 100 KB) on this thread.
    /// A line repeated byte for byte (blank lines, a bundle's standard terms printed under every order)
    /// is parsed once (`distinct`, from `lines`): a line's parse depends only on its bytes and its number.
    static func parse(_ rawLines: [String], distinct: Distinct? = nil, pieces: Int = Parallel.pieces) -> [ContractLine] {
        let distinct = distinct ?? Distinct.identity(rawLines.count)
        let parsed = parseDistinct(rawLines, distinct, pieces: pieces)
        return rawLines.indices.map { i in
            var line = parsed[distinct.index[i]]
            line.number = i + 1
            return line
        }
    }

    static func parse(_ rawLine: String, number: Int) -> ContractLine {
        var line = parseFields(rawLine, number: number)
        line.joins = joins(line)
        return line
    }

    /// The distinct lines parsed (`distinct.firsts`' order), each numbered as its first occurrence.
    static func parseDistinct(_ rawLines: [String], _ distinct: Distinct, pieces: Int = Parallel.pieces) -> [ContractLine] {
        Parallel.map(distinct.firsts.count, minimum: 1_000, pieces: pieces) { k in
            let i = distinct.firsts[k]
            return parse(rawLines[i], number: i + 1)
        }
    }

    /// The parts of `wrapsInto` and `continues` that depend on `line` alone. A plain line (every
    /// character one scalar, see `ContractLine.plain`) is read by its scalars and bytes, which answer
    /// as its characters do; `byCharacters` reads every line by characters (the tests compare both).
    static func joins(_ line: ContractLine, byCharacters: Bool = false) -> ContractLine.Joins {
        if line.plain && !byCharacters { return joins(plain: line) }
        func open(_ s: String) -> Bool { s.last.map { !$0.isOne(of: "。；;.!?！？:：") } ?? false }
        var j = ContractLine.Joins()
        let continuation = continuation(line)
        let plainText = (line.level == nil && line.heading.isEmpty) || line.unnumberedHeading
        j.wrapNext = plainText && !line.isDefinition && !continuation.isEmpty
        if let first = continuation.first { j.startsLower = first.isASCII && first.isLowercase }
        j.wrapStart = line.bare && open(line.afterNumber)
        if j.wrapStart {
            if let lastWord = lastWord(line.afterNumber), isLinkingWord(lastWord) {
                j.wrapWord = true
            } else if !line.text.hasPrefix("第") && !line.heading.isEmpty {
                // A title (its heading cleared: `…服务合同`) is the document's name, never a run-on sentence.
                var cjk = 0
                for c in line.afterNumber where isCJK(c) {
                    cjk += 1
                    if cjk >= 18 { break }
                }
                j.wrapWord = cjk >= 18 || statesARight(line.afterNumber)
            }
        }
        if !line.isDefinition {
            if let level = line.level, level >= 5, let f = line.afterNumber.first, f.isASCII, f.isLowercase {
                j.continuesOpen = true
            } else if plainText, let first = continuation.first {
                j.continuesOpen = !first.isOne(of: "-•·*>|#")
            }
        }
        j.bodyOpen = open(line.body)
        j.afterNumberOpen = open(line.afterNumber)
        j.continuationOpen = open(continuation)
        j.continuesName = continuesName(line, byCharacters: true)
        j.labelContinues = labelContinues(line)
        j.referenceStart = startsWithReference(line)
        return j
    }

    /// `joins` of a plain line: the same checks on its scalars (a character is one) and bytes. Asked
    /// of every line of a text, where the character-level reading was a tenth of a scan.
    private static func joins(plain line: ContractLine) -> ContractLine.Joins {
        func open(_ s: String) -> Bool { s.unicodeScalars.last.map { !isSentenceEnd($0) } ?? false }
        func isLower(_ b: UInt8?) -> Bool { b.map { $0 &- 0x61 < 26 } ?? false }
        var j = ContractLine.Joins()
        let continuation = continuation(line)
        let plainText = (line.level == nil && line.heading.isEmpty) || line.unnumberedHeading
        j.wrapNext = plainText && !line.isDefinition && !continuation.isEmpty
        j.startsLower = isLower(continuation.utf8.first)
        j.wrapStart = line.bare && open(line.afterNumber)
        if j.wrapStart {
            if let lastWord = lastWord(plain: line.afterNumber), isLinkingWord(lastWord) {
                j.wrapWord = true
            } else if !line.text.utf8.starts(with: "第".utf8) && !line.heading.isEmpty {
                var cjk = 0
                for v in line.afterNumber.unicodeScalars where isCJK(v) {
                    cjk += 1
                    if cjk >= 18 { break }
                }
                j.wrapWord = cjk >= 18 || statesARight(line.afterNumber)
            }
        }
        if !line.isDefinition {
            if let level = line.level, level >= 5, isLower(line.afterNumber.utf8.first) {
                j.continuesOpen = true
            } else if plainText, let first = continuation.unicodeScalars.first {
                j.continuesOpen = !"-•·*>|#".unicodeScalars.contains(first)
            }
        }
        j.bodyOpen = open(line.body)
        j.afterNumberOpen = open(line.afterNumber)
        j.continuationOpen = open(continuation)
        j.continuesName = continuesName(line)
        j.labelContinues = labelContinues(line)
        j.referenceStart = startsWithReference(line)
        return j
    }

    /// Whether a short Chinese "heading" says who may or must do what (`合同期内乙方有权调整服`): a
    /// sentence cut by a hard wrap (a PDF's line, mid-word), not a title, so it runs on into the next
    /// line. Titles name a subject (`付款方式`, `甲方的权利和义务`), not a right or a duty.
    static func statesARight(_ text: String) -> Bool { ContractText.containsAny(text, rightWords) }
    private static let rightWords = ["有权", "无权", "应当", "不得", "无需", "无须", "须于", "应于", "应在", "应向", "应按", "可以", "视为"]

    /// The marks after which a text does not run on (`。；;.!?！？:：`).
    @inline(__always) private static func isSentenceEnd(_ v: Unicode.Scalar) -> Bool {
        switch v.value {
        case 0x3B, 0x2E, 0x21, 0x3F, 0x3A, 0x3002, 0xFF1B, 0xFF01, 0xFF1F, 0xFF1A: return true
        default: return false
        }
    }

    /// `wrapsInto`, from what the lines' `joins` say.
    @inline(__always) static func wraps(_ line: ContractLine.Joins, into next: ContractLine.Joins) -> Bool {
        line.wrapStart && next.wrapNext && (next.startsLower || line.wrapWord)
    }

    // Kept as one function: a line's fields in the order each needs the one before (text, Markdown level,
    // numbering, then heading, definition, label or body, then what the heading says), on the scalars decoded once.
    private static func parseFields(_ rawLine: String, number: Int) -> ContractLine {
        let indent = ContractText.indentWidth(rawLine) / 4
        var s = ContractText.normalize(rawLine)
        // Markdown emphasis; a line without the bytes `**` or `__` has neither as characters.
        if ContractText.containsDoubled(s, 0x2A, 0x5F) {
            s = s.replacingAll("**", with: "").replacingAll("__", with: "").trimmed
        }
        var line = ContractLine(number: number, raw: rawLine.trimmed, level: nil, heading: "", bare: false, body: "", isDefinition: false)
        guard !s.isEmpty else { return line }
        line.text = s
        // Plain text: the numbering and the checks below run on the line's scalars, decoded once
        // (in the same pass that decides plainness).
        var plainScalars = ContractText.plainScalars(s)
        let plain = plainScalars != nil
        line.plain = plain

        // Markdown heading: "## 7. Payment".
        var markdownLevel: Int?
        if s.first == "#" {
            let hashes = s.prefix(while: { $0 == "#" }).count
            markdownLevel = min(hashes, 6)
            s = String(s.dropFirst(hashes)).trimmed
            if plain { plainScalars = ContractText.scalars(ofPlain: s) }
        }
        let numberLevel: Int?
        let r: String
        let scalars: [Unicode.Scalar]
        if let u = plainScalars {
            let prefix = numberingPrefix(u)
            var start = prefix?.1 ?? 0
            // A numbering's separator goes with it; without a numbering only a bullet's dash (a line that
            // starts `、恢复` or `)等` is the rest of a wrapped sentence, every character of it kept).
            let separators = prefix == nil ? "-–— " : ".、:-–—)] "
            while start < u.count, separators.unicodeScalars.contains(u[start]) { start += 1 }
            numberLevel = prefix?.0
            scalars = start == 0 ? u : Array(u[start...])
            r = start == 0 ? s : ContractText.suffix(ofPlain: s, afterScalars: u[..<start])
        } else {
            var rest: String
            (numberLevel, rest) = numbering(s)
            let separators = numberLevel == nil ? "-–— " : ".、:-–—)] "
            while let f = rest.first, f.isOne(of: separators) { rest.removeFirst() }
            r = rest
            scalars = []
        }
        line.afterNumber = r

        // A Markdown "heading" that is a sentence (`### 3.2 乙方有权随时调整订阅费标准。`, as a converter
        // writes a numbered clause; a whole contract on one `#` line) is a numbered clause: a lawyer's
        // pass found such clauses never read.
        let markdownSentence =
            markdownLevel != nil && !(plain ? isShortHeading(scalars) : isShortHeading(r))
            && (r.unicodeScalars.last.map { "。.；;!?！？".unicodeScalars.contains($0) } == true || r.utf8.count > 240)
        if let m = markdownLevel, !markdownSentence {
            line.level = m
            line.heading = ContractText.lowerASCII(r)
            line.bare = true
        } else if let n = markdownLevel ?? numberLevel.map({ $0 + indent }) {
            line.level = n
            if isDefinitionText(r, plain: plain) {
                line.isDefinition = true
                line.body = r
            } else if plain ? isShortHeading(scalars) : isShortHeading(r) {
                line.heading = ContractText.lowerASCII(trimEndPunct(r))
                line.bare = true
            } else if let (h, b) = plain ? runInHeading(scalars) : runInHeading(r) {
                line.heading = ContractText.lowerASCII(h)
                line.body = b
            } else {
                line.body = r
            }
        } else if isDefinitionText(r, plain: plain) {
            line.isDefinition = true
            line.body = r
        } else if (plain ? isShortHeading(scalars) : isShortHeading(r)) && isTitleLike(r) && !(r.first?.isNumber ?? true)
            || (number <= 10 && isLongTitle(r))
        {
            line.level = 3 + indent
            line.heading = ContractText.lowerASCII(trimEndPunct(r))
            line.bare = true
            line.unnumberedHeading = true
        } else if let (h, b) = labelValue(r) {
            // "服务期限：2027年1月1日至…" or "Payment terms: net 30" — a label, not a section.
            line.heading = ContractText.lowerASCII(h)
            line.body = b
            // A party's name or particulars: what the label names, not a term of the contract (a
            // company called …数据安全技术有限公司 commits to no data security).
            if isCoverLabel(line.heading) && isParticular(b, plain: plain) {
                line.coverLabel = true
                line.isDefinition = true
            }
        } else {
            line.body = r
        }
        guard !line.heading.isEmpty else { return line }
        // The document's own title (its first lines) names no clause (`ORDER FORM AND SUBSCRIPTION TERMS`
        // was the scope clause).
        if isTitle(line.heading, plain: plain) || (number <= 3 && line.unnumberedHeading && isDocumentTitle(r)) { line.heading = "" }
        // Spaced-out Chinese headings: 保　　密 → 保密.
        if plain ? ContractText.containsCJK(line.heading) : line.heading.contains(where: isCJK) {
            line.heading = line.heading.replacingAll(" ", with: "")
        }
        if !line.heading.isEmpty {
            // What the heading says, read here (in parallel for a long text) for the in-order pass.
            let hay = Haystack(line.heading)
            line.definitionsHeading = ClauseRules.definitionHeadings.matches(hay)
            if !line.definitionsHeading {
                let bare = trimEndPunct(line.heading)
                line.headingKinds = ClauseRules.headingKinds(bare, hay)
            }
        }
        return line
    }

    /// The nesting level of a numbering prefix and the text after it.
    /// 第X章 1, 第X节 2, 第X条 / 一、 / 1. / Section 7 3, (一) / 1.1 / 1、 4, 1.1.1 / (1) / 1) 5, (a) / a. / (i) 6.
    static func numbering(_ s: String) -> (Int?, String) {
        switch CharacterArray(s) {
        case .plain(let u):
            guard let (level, width) = numberingPrefix(u) else { return (nil, s) }
            return (level, Unicode.Scalar.string(u[width...]))
        case .general(let c):
            guard let (level, width) = numberingPrefix(c) else { return (nil, s) }
            return (level, String(s.dropFirst(width)))
        }
    }

    // Kept as one function: one case per numbering style (第X条, 一、, 1.1, (a) …) in priority order.
    /// `numbering` on the characters: the level and the width of the prefix, nil when none.
    static func numberingPrefix<U: TextUnit>(_ c: [U]) -> (Int, Int)? {
        guard let first = c.first else { return nil }
        // 第十二条 / 第3章
        if first == "第" {
            var i = 1
            while i < c.count, ChineseNumber.isNumeral(unit: c[i]) || (c[i].isASCII && c[i].isNumber) || c[i] == " " { i += 1 }
            if i > 1, i < c.count {
                switch c[i] {
                case "章", "篇": return (1, i + 1)
                case "部":
                    if i + 1 < c.count, c[i + 1] == "分" { return (1, i + 2) }
                case "节": return (2, i + 1)
                case "条": return (3, i + 1)
                case "款": return (4, i + 1)
                default: break
                }
            }
        }
        // 一、 / 十二、
        if ChineseNumber.isNumeral(unit: first) {
            var i = 0
            while i < c.count, ChineseNumber.isNumeral(unit: c[i]) { i += 1 }
            if i < c.count, c[i] == "、" || c[i] == "." || c[i] == " " { return (3, i + 1) }
        }
        // ① ⑴ ⒈ circled and bracketed numbers
        if (0x2460...0x249B).contains(first.leadScalar.value) { return (5, 1) }
        // (一) (1) (a) (iv)
        if first == "(", let close = c.prefix(7).firstIndex(of: ")"), close > 1 {
            let inner = c[1..<close]
            if ChineseNumber.parse(U.string(inner)) != nil { return (4, close + 1) }
            if inner.allSatisfy({ $0.isASCII && $0.isNumber }) { return (5, close + 1) }
            if inner.count <= 4, inner.allSatisfy({ $0.isASCII && $0.isLetter }) { return (6, close + 1) }
        }
        // 1. / 1.2.3 / 1、 / 1) / 7 Fees
        if first.isASCII && first.isNumber {
            var i = 0
            var dots = 0
            while i < c.count, (c[i].isASCII && c[i].isNumber) || (c[i] == "." && i + 1 < c.count && c[i + 1].isNumber) {
                if c[i] == "." { dots += 1 }
                i += 1
            }
            guard i < c.count else { return nil }
            switch c[i] {
            case "、": return (4, i + 1)
            case ")": return (5, i + 1)
            case ".":
                if i + 1 == c.count || c[i + 1] == " " || !(c[i + 1].isASCII && c[i + 1].isNumber) { return (3 + dots, i + 1) }
            case " ":
                // "7 Fees" but not "30 days after …" or "2027年…"; "3 付款" (a short number before Chinese)
                // but not a wrapped "30 日内…" or "5 个工作日": a count before its unit.
                if dots > 0 || (i + 1 < c.count && c[i + 1].isUppercase) { return (3 + dots, i + 1) }
                if i <= 2, i + 1 < c.count, (0x4E00...0x9FFF).contains(c[i + 1].leadScalar.value),
                    !c[i + 1].isIn("日天个年月周小分秒元万亿千百人套次项家份台名位倍号页张条款章节")
                {
                    return (3, i + 1)
                }
            default:
                if dots > 0, !c[i].isNumber, c[i] != "%" { return (3 + dots, i) }
            }
            return nil
        }
        // a. / a) / iv.
        if first.isASCII && first.isLetter {
            var i = 0
            while i < c.count, c[i].isASCII, c[i].isLetter { i += 1 }
            if i <= 4, i < c.count, c[i] == "." || c[i] == ")", i + 1 == c.count || c[i + 1] == " " {
                let w = U.string(c[0..<i]).lowercased()
                if i == 1 || w.allSatisfy({ "ivxl".contains($0) }) { return (6, i + 1) }
            }
            // Section 7 / Article 12 / Clause 3.2
            let lower = U.string(c.prefix(12)).lowercased()
            for w in ["section ", "article ", "clause "] where lower.hasPrefix(w) {
                var j = w.count
                var dots = 0
                while j < c.count, (c[j].isASCII && c[j].isNumber) || (c[j] == "." && j + 1 < c.count && c[j + 1].isNumber) {
                    if c[j] == "." { dots += 1 }
                    j += 1
                }
                if j > w.count { return (3 + dots, j) }
            }
        }
        return nil
    }

    /// Whether `next` continues a paragraph that so far reads `text`: the text stops mid-sentence and
    /// the next line is plain text (no numbering, heading, label, bullet or definition). The scan
    /// answers it from `ContractLine.Joins`; this is the rule those bits are tested against.
    static func continues(_ text: String, with next: ContractLine) -> Bool {
        guard let last = text.last, !last.isOne(of: "。；;.!?！？:："), !next.isDefinition else { return false }
        // "… refund under" / "Section 5.2 (Provider Warranty) is …": a cross-reference that a hard wrap
        // put at the start of a line, where it reads as numbering (a lawyer's pass: the flag quoted the
        // sentence from its second line, without its subject).
        if startsWithReference(next) && endsOnReference(text) { return true }
        // "(3) months preceding the claim": a wrapped line that happens to start like a list item.
        if let level = next.level, level >= 5, let f = next.afterNumber.first, f.isASCII, f.isLowercase { return true }
        guard (next.level == nil && next.heading.isEmpty) || next.unnumberedHeading,
            let first = continuation(next).first
        else { return false }
        return !first.isOne(of: "-•·*>|#")
    }

    /// Whether a line taken for a heading is really the start of a wrapped sentence: the next line
    /// goes on in lower case, the line ends on a linking word, or a long Chinese "heading" runs on.
    /// The scan answers it from `ContractLine.Joins` (`wraps`); this is the rule they are tested against.
    static func wrapsInto(_ line: ContractLine, _ next: ContractLine) -> Bool {
        guard line.bare, (next.level == nil && next.heading.isEmpty) || next.unnumberedHeading, !next.isDefinition,
            let first = continuation(next).first, !(line.afterNumber.last ?? ".").isOne(of: "。；;.!?！？:：")
        else { return false }
        if first.isASCII && first.isLowercase { return true }
        if let lastWord = lastWord(line.afterNumber), isLinkingWord(lastWord) { return true }
        // 第X条 headings can be long (违约金或者损失赔偿额的计算方法); other long Chinese "headings" run on,
        // but not a title (`isTitle` cleared its heading): the cover lines under it stand on their own.
        guard !line.text.hasPrefix("第"), !line.heading.isEmpty else { return false }
        var cjk = 0
        for c in line.afterNumber where isCJK(c) {
            cjk += 1
            if cjk >= 18 { return true }
        }
        return false
    }

    /// Whether a numbered line starts with a cross-reference that runs on rather than a clause of its own:
    /// `Section 5.2 …` / `Article 3 …` / `Clause 7 …`, numbering followed by a lower-case word
    /// (`12.3 of this Agreement`), or `第五条` followed at once by what refers to it (`的约定`, `约定的`,
    /// `所述`, `项下`). `continues` takes it only after a text that stops on a word leading into a
    /// reference (`endsOnReference`): a real heading never follows `… refund under`.
    static func startsWithReference(_ line: ContractLine) -> Bool {
        guard line.level != nil, !line.isDefinition, let first = line.afterNumber.unicodeScalars.first else { return false }
        let u = line.text.utf8
        if u.first == 0xE7, line.text.hasPrefix("第") { return "的约规所项之中和或及、至第".unicodeScalars.contains(first) }
        if first.value &- 0x61 < 26 {
            let a = line.afterNumber.utf8
            return referenceFollowers.contains {
                a.starts(with: $0) && (a.count == $0.count || a[a.index(a.startIndex, offsetBy: $0.count)] == 0x20)
            }
        }
        guard let f = u.first, f | 0x20 == 0x73 || f | 0x20 == 0x61 || f | 0x20 == 0x63 else { return false }
        let head = u.prefix(8).map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
        return referenceWords.contains { head.starts(with: $0) }
    }

    private static let referenceWords = ["section ", "article ", "clause "].map { Array($0.utf8) }
    /// What follows a clause number that a sentence refers to (`12.3 of this Agreement`, `5.2 above`);
    /// a list item's own text (`(b) the vendor shall …`) starts otherwise.
    private static let referenceFollowers = [
        "of", "above", "below", "hereof", "herein", "hereto", "hereunder", "to", "in", "is", "are", "shall", "will", "may", "applies",
        "apply",
    ]
    .map { Array($0.utf8) }

    /// Whether `text` stops (no full stop) on a word that leads into a cross-reference: `under`, `in`,
    /// `of`, `to`, `pursuant to`, `see` … or `根据`, `按照`, `依据`, `违反` …
    static func endsOnReference(_ text: String) -> Bool {
        let u = text.utf8
        var end = u.endIndex
        while end > u.startIndex, u[u.index(before: end)] == 0x20 { end = u.index(before: end) }
        var start = end
        while start > u.startIndex, case let b = u[u.index(before: start)], b &- 0x41 < 26 || b &- 0x61 < 26 {
            start = u.index(before: start)
        }
        let tail = u[start..<end]
        if start < end {
            return referenceLeadWords.contains { w in w.count == tail.count && zip(w, tail).allSatisfy { $0 == $1 | 0x20 } }
        }
        let before = u[..<end]
        return chineseReferenceLeads.contains { w in before.count >= w.count && before.suffix(w.count).elementsEqual(w) }
    }

    private static let referenceLeadWords = [
        "under", "in", "of", "to", "with", "per", "by", "see", "pursuant", "accordance", "than", "from",
        "including", "the", "this", "that", "at", "on", "for", "between", "within", "against", "section", "clause", "article",
    ]
    .map { Array($0.utf8) }
    private static let chineseReferenceLeads = ["根据", "按照", "依据", "依照", "参照", "参见", "详见", "见", "按", "依", "违反", "符合", "适用", "本合同", "本协议"]
        .map { Array($0.utf8) }

    /// The last word of `s` (`s.split(separator: " ").last`, without making the other words).
    static func lastWord(_ s: String) -> Substring? {
        var end = s.endIndex
        while end > s.startIndex, s[s.index(before: end)] == " " { end = s.index(before: end) }
        guard end > s.startIndex else { return nil }
        let start = s[..<end].lastIndex(of: " ").map { s.index(after: $0) } ?? s.startIndex
        return s[start..<end]
    }

    /// `lastWord` of a plain text (see `ContractLine.plain`), found by its bytes: a space there is a
    /// character of its own.
    static func lastWord(plain s: String) -> Substring? {
        let u = s.utf8
        var end = u.endIndex
        while end > u.startIndex, u[u.index(before: end)] == 0x20 { end = u.index(before: end) }
        guard end > u.startIndex else { return nil }
        var start = end
        while start > u.startIndex, u[u.index(before: start)] != 0x20 { start = u.index(before: start) }
        return s[start..<end]
    }

    /// `linkingWords.contains(word.lowercased())`, on the bytes when the word is ASCII (no `String` made).
    static func isLinkingWord(_ word: Substring) -> Bool {
        let utf8 = word.utf8
        // Lower-casing never makes fewer scalars, and the linking words have at most five.
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return word.unicodeScalars.count <= 5 && linkingWords.contains(word.lowercased())
        }
        guard utf8.count <= 5 else { return false }
        return linkingWordBytes.contains { w in
            w.count == utf8.count && zip(w, utf8).allSatisfy { $0 == ($1 &- 0x41 < 26 ? $1 | 0x20 : $1) }
        }
    }

    private static let linkingWordBytes = linkingWords.map { Array($0.utf8) }

    static let linkingWords: Set<String> = [
        "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "shall", "will", "may",
    ]

    /// What goes between a paragraph's text and the wrapped line that continues it: nothing inside
    /// Chinese (a line break there is no space), also where the break falls at punctuation (`备份、` +
    /// `恢复`, `份,` + `恢复`, `"备份"` + `"恢复"`); a space otherwise. Only characters of the text are
    /// kept, none dropped.
    /// Whether `text` ends on a word a line's end hyphenated and `more` holds its rest: a lower-case
    /// letter, two letters and `-` before the break, a lower-case letter after it (`lia-` / `bility`,
    /// `then-cur-` / `rent`). The scan drops the hyphen and joins without a space.
    static func hyphenated(_ text: String, _ more: String) -> Bool {
        let u = text.utf8
        guard u.count >= 3, u.last == 0x2D, let f = more.utf8.first, f &- 0x61 < 26 else { return false }
        let a = u[u.index(u.endIndex, offsetBy: -2)]
        let b = u[u.index(u.endIndex, offsetBy: -3)]
        return a &- 0x61 < 26 && (b &- 0x61 < 26 || b &- 0x41 < 26)
    }

    /// Whether the hyphen at `text`'s end (a `hyphenated` break) belongs to a compound whose first part
    /// is never a syllable of a longer word (`then-` / `current`, `third-` / `party`, `non-` / `exclusive`):
    /// kept, the halves joined without a space (a lawyer's pass quoted `thencurrent`).
    static func compoundHyphen(_ text: String) -> Bool {
        let word = text.utf8.dropLast().reversed().prefix { $0 &- 0x61 < 26 || $0 &- 0x41 < 26 }
        guard word.count >= 3, word.count <= 6 else { return false }
        return compoundFirstParts.contains(String(decoding: word.reversed().map { $0 | 0x20 }, as: UTF8.self))
    }
    private static let compoundFirstParts: Set<String> = [
        "then", "third", "self", "non", "well", "cross", "multi", "semi", "anti", "follow", "long", "short",
    ]

    /// Whether a line ends on a figure cut after its thousands comma (`…元整（¥385,`) and the next goes on
    /// with the group (`000.00），…`): one figure, though the next line looks like a numbered item
    /// (`000.00`; a lawyer's pass: 385 000 read as 385, a false 大写/小写 mismatch, the quote cut).
    static func figureCut(_ text: String, _ next: String) -> Bool {
        let end = text.unicodeScalars.suffix(2)
        guard end.count == 2, end.last == ",", let d = end.first, ("0"..."9").contains(d) else { return false }
        let digits = next.unicodeScalars.prefix { ("0"..."9").contains($0) }
        guard digits.count == 3 else { return false }
        let after = next.unicodeScalars.dropFirst(3).first
        return after.map { !("0"..."9").contains($0) } ?? true
    }

    static func joiner(_ text: String, _ more: String) -> String {
        guard let a = text.last, let b = more.first else { return " " }
        if isCJK(a) && isCJK(b) { return "" }
        // A figure cut by the wrap of a Chinese line (`…元整（¥8` + `35,000.00）`): one number again (the
        // space made two, and a false 大写/小写 mismatch). English wraps at spaces, never inside a number.
        // Cut after its thousands comma or point too (`¥385,` + `000.00`: read as 358 and a false
        // mismatch, a lawyer's pass).
        let digitEnd = a.isASCII && a.isNumber || ((a == "," || a == ".") && text.dropLast().last.map { $0.isASCII && $0.isNumber } == true)
        if digitEnd && b.isASCII && b.isNumber {
            let beforeFigure = text.reversed().drop {
                $0.isASCII && ($0.isNumber || $0 == "," || $0 == "." || $0 == " ") || $0 == "¥" || $0 == "￥"
            }
            if reachesCJK(beforeFigure) { return "" }
        }
        if isCJKPunctuation(a) || isCJKPunctuation(b) { return "" }
        return reachesCJK(text.reversed()) && reachesCJK(more) ? "" : " "
    }

    /// Whether the first character of `chars` that is not ASCII punctuation is a CJK ideograph, past
    /// at most three marks (`",` before `恢复`).
    private static func reachesCJK<C: Sequence<Character>>(_ chars: C) -> Bool {
        var marks = 0
        for c in chars {
            if isCJK(c) { return true }
            guard c.isASCII, c.isPunctuation || c.isSymbol, marks < 3 else { return false }
            marks += 1
        }
        return false
    }

    /// CJK punctuation that `ContractText.normalize` keeps (`、。《》…`, U+3001–U+303F): never beside a space.
    static func isCJKPunctuation(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x3001...0x303F).contains(v)
    }

    /// A label line (`整服务费：甲方应…`: no numbering, not a party's particulars) whose label is Chinese:
    /// under a full line that stops mid-word it is that sentence's rest, not a label (the price change
    /// `…单方调` / `整服务费：…` was lost). The paragraph pass decides with the line above.
    static func labelContinues(_ line: ContractLine) -> Bool {
        guard line.level == nil, !line.heading.isEmpty, !line.unnumberedHeading, !line.bare, !line.isDefinition, !line.coverLabel,
            let first = line.text.first
        else { return false }
        return isCJK(first)
    }

    /// Whether a line is full and stops in the middle of a Chinese word: at least 20 characters, its
    /// last one Chinese (a PDF's hard wrap).
    static func fullChineseLine(_ line: ContractLine) -> Bool {
        guard let last = line.text.last, isCJK(last) else { return false }
        return ContractText.characterCount(line.text, plain: line.plain) >= 20
    }

    /// The text a continuation line adds to its paragraph.
    static func continuation(_ line: ContractLine) -> String {
        line.unnumberedHeading || (line.level ?? 0) >= 5 ? line.text : line.body
    }

    static func isCJK(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
    }

    /// `s.split(separator: " ").count`, without making the words (of characters or of scalars).
    private static func wordCount<S: Sequence>(_ s: S) -> Int where S.Element: Equatable & ExpressibleByUnicodeScalarLiteral {
        var words = 0
        var inWord = false
        for c in s {
            if c == " " {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return words
    }

    /// A heading on its own: a few words (or up to 20 Chinese characters) without a sentence inside.
    static func isShortHeading(_ s: String) -> Bool {
        if let plain = ContractText.plainScalars(s) { return isShortHeading(plain) }
        return isShortHeadingByCharacters(s)
    }

    /// `isShortHeading` on characters, for text that is not plain (and for the tests).
    static func isShortHeadingByCharacters(_ s: String) -> Bool {
        let t = trimEndPunct(s)
        guard !t.isEmpty else { return false }
        if t.contains(where: isCJK) {
            // Ending on 、 it breaks off a list (`数据加密、数据备份、`): text, not a heading.
            return !s.hasSuffix("。") && !s.hasSuffix("、") && t.count <= 22 && !t.contains(where: { $0.isOne(of: "。，,；;") })
                && !ContractText.contains(t, ":")
        }
        let words = wordCount(t)
        if words > 8 { return false }
        // A short sentence ending in a full stop ("The fees are fixed.") is not a heading.
        if s.hasSuffix(".") && words > 4 { return false }
        return !t.contains(where: { $0.isOne(of: ",;") }) || words <= 6
    }

    /// `isShortHeading` of plain text (see `ContractText.isPlain`), where each character is one
    /// scalar and equals only itself: the same tests on scalars, without grapheme breaking.
    static func isShortHeading(_ u: [Unicode.Scalar]) -> Bool {
        var end = u.count
        while end > 0, isHeadingEndPunct(u[end - 1]) { end -= 1 }
        guard end > 0 else { return false }
        // One pass for every test: words, CJK, and the punctuation each kind of heading refuses.
        var words = 0
        var inWord = false
        var cjk = false
        var cjkStop = false
        var comma = false
        for k in 0..<end {
            let c = u[k]
            if c == " " {
                inWord = false
                continue
            }
            if !inWord {
                inWord = true
                words += 1
            }
            // Longer than 22 characters and than 8 words: a heading of neither kind.
            if words > 8 && k >= 22 { return false }
            switch c {
            case ",", ";":
                comma = true
                cjkStop = true
            case "。", "，", "；", ":": cjkStop = true
            default: if !cjk && isCJK(c) { cjk = true }
            }
        }
        if cjk { return u.last != "。" && u.last != "、" && end <= 22 && !cjkStop }
        if words > 8 { return false }
        if u.last == "." && words > 4 { return false }
        return !comma || words <= 6
    }

    /// The punctuation `isShortHeading` and `trimEndPunct` drop from a heading's end: `.:;。：` and space.
    @inline(__always) private static func isHeadingEndPunct(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", ":", ";", "。", "：", " ": return true
        default: return false
        }
    }

    static func isCJK(_ v: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(v.value) || (0x3400...0x4DBF).contains(v.value)
    }

    /// A Chinese document title too long for `isShortHeading` (`华东精密机械有限公司生产数据安全加固及运维服务
    /// 合同`): up to 40 characters without sentence punctuation, ending as a title does (`isTitle`). Taken for
    /// a heading, it is the title: not a sentence whose words count as a clause, nor one the cover lines
    /// under it continue. Asked of the first ten lines only (where a title stands), and never of a line
    /// naming a party or stating a duty (`甲方应在验收合格后另行签订维护合同`, `…人员均须…签署保密协议` are half a
    /// sentence; the first ending test is the cheap part of `isTitle`'s).
    static func isLongTitle(_ s: String) -> Bool {
        // A title in both languages: `OA 协同办公平台续订协议 / OA Collaboration Platform Renewal Agreement`.
        if ContractText.contains(s, " / ") {
            let parts = s.components(separatedBy: " / ")
            return parts.count == 2 && parts.allSatisfy { isLongTitle($0) || isDocumentTitle($0) } && parts.contains(where: isLongTitle)
        }
        guard let last = s.last, last == "同" || last == "议" || last == "书" else { return false }
        guard s.count <= 40, !s.contains(where: { $0.isOne(of: "。，,；;:：") }) else { return false }
        return isTitle(s) && !ContractText.containsAny(s, ["甲方", "乙方"]) && !ContractText.containsAny(s, particularStops)
    }

    /// An English document title at the head of a text: capitalised words ending as a contract's
    /// name does (`ORDER FORM AND SUBSCRIPTION TERMS`, `Software License Agreement`), no sentence.
    static func isDocumentTitle(_ s: String) -> Bool {
        let t = s.trimmed
        guard !t.isEmpty, !t.contains(where: { $0.isOne(of: ".,;:。，；：") }), wordCount(t) <= 12, isTitleCase(t) else { return false }
        let lower = ContractText.lowerASCII(t)
        return ["agreement", "contract", "terms", "order form", "terms and conditions", "terms of service"].contains { lower.hasSuffix($0) }
    }

    /// An unnumbered short line is a heading only when it looks like one: capitalised English,
    /// or Chinese without a colon (`甲方：` is a label).
    static func isTitleLike(_ s: String) -> Bool {
        if ContractText.contains(s, ":") { return false }
        if s.contains(where: isCJK) { return true }
        guard let f = s.first(where: { $0.isLetter }), f.isUppercase, !s.hasSuffix(".") else { return false }
        return isTitleCase(s)
    }

    /// Every word capitalised, a number, or a short linking word: `Limitation of Liability`, `FEES`.
    static func isTitleCase(_ s: String) -> Bool {
        if let u = ContractText.plainScalars(s) { return isTitleCase(u[...]) }
        return isTitleCaseByCharacters(s)
    }

    /// `isTitleCase` on characters, for text that is not plain (and for the tests).
    static func isTitleCaseByCharacters(_ s: String) -> Bool {
        s.split(separator: " ").allSatisfy { w in
            titleMinorWords.contains(w.lowercased()) || w.first.map { $0.isUppercase || $0.isNumber || !$0.isLetter } ?? true
        }
    }

    /// `isTitleCase` of plain scalars. A minor word is ASCII, and no plain non-ASCII scalar lower-cases
    /// to ASCII, so a word is compared with them by its ASCII letters lower-cased.
    static func isTitleCase(_ u: ArraySlice<Unicode.Scalar>) -> Bool {
        var i = u.startIndex
        while i < u.endIndex {
            if u[i] == " " {
                i += 1
                continue
            }
            let start = i
            while i < u.endIndex, u[i] != " " { i += 1 }
            let first = u[start]
            if first.isUppercase || first.isNumber || !first.isLetter { continue }
            if !isMinorWord(u[start..<i]) { return false }
        }
        return true
    }

    private static func isMinorWord(_ w: ArraySlice<Unicode.Scalar>) -> Bool {
        guard w.count <= 4 else { return false }
        var lower: [UInt8] = []
        for c in w {
            guard c.isASCII else { return false }
            let x = UInt8(c.value)
            lower.append(x &- 0x41 < 26 ? x | 0x20 : x)
        }
        return titleMinorWordBytes.contains(lower)
    }

    static let titleMinorWords: Set<String> = ["and", "or", "of", "the", "to", "for", "in", "on", "&", "a", "an", "with", "by"]
    private static let titleMinorWordBytes = titleMinorWords.map { Array($0.utf8) }

    /// `License.  During the …` → ("License", "During the …"); `保密：双方…` → ("保密", "双方…").
    static func runInHeading(_ s: String) -> (String, String)? {
        if let u = ContractText.plainScalars(s) { return runInHeading(u) }
        return runInHeadingByCharacters(s)
    }

    /// The characters a Chinese heading does not end on: a verb or a preposition waiting for its object
    /// (`1.2 订阅用户数为 60 个命名用户`, `向甲方提供 CRM` are sentences spaced around digits and Latin
    /// letters, as Chinese typesetting does; a space before a digit or a Latin letter is no heading's
    /// end either).
    static let headingNeverEnds = "为是的在将应按由对向与和及或供括含于以至"

    /// An ASCII letter or digit.
    @inline(__always) static func isASCIIAlphanumeric(_ v: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(v.value) || (0x41...0x5A).contains(v.value) || (0x61...0x7A).contains(v.value)
    }

    /// `runInHeading` on characters, for text that is not plain (and for the tests).
    static func runInHeadingByCharacters(_ s: String) -> (String, String)? {
        let c = Array(s)
        for (i, ch) in c.enumerated() {
            // A Chinese heading never ends in 。: "服务期限为一年。…" is a sentence.
            let m = ch.mark
            let isBreak =
                m == ":" || (m == "." && i + 1 < c.count && c[i + 1].mark == " ")
                || m == " " && i > 0 && isCJK(c[i - 1])
                    && !(i + 1 < c.count && c[i + 1].isASCII && (c[i + 1].isLetter || c[i + 1].isNumber))
            if m == "。" { return nil }
            guard isBreak else {
                // Commas end a run-in heading only in Chinese; English titles may list items
                // ("Modifications, Severability, and Waiver.").
                if m == "，" || m == ";" || (m == "," && (isCJK(c[max(0, i - 1)]) || i + 1 >= c.count || c[i + 1].mark != " ")) {
                    return nil
                }
                continue
            }
            return runInHeading(head: String(c[0..<i]), atSpace: m == " ") { String(c[(i + 1)...]) }
        }
        return nil
    }

    /// `runInHeading` of plain text given as its scalars: the same walk; only a break found early is a heading.
    static func runInHeading(_ u: [Unicode.Scalar]) -> (String, String)? {
        for i in u.indices {
            let m = u[i]
            let isBreak =
                m == ":" || (m == "." && i + 1 < u.count && u[i + 1] == " ")
                || m == " " && i > 0 && isCJK(u[i - 1]) && !(i + 1 < u.count && isASCIIAlphanumeric(u[i + 1]))
            if m == "。" { return nil }
            guard isBreak else {
                if m == "，" || m == ";" || (m == "," && (isCJK(u[max(0, i - 1)]) || i + 1 >= u.count || u[i + 1] != " ")) {
                    return nil
                }
                continue
            }
            return runInHeading(u, breakAt: i)
        }
        return nil
    }

    /// The checks of `runInHeading(head:body:)` on plain scalars, where each character is one scalar: no
    /// `String` is made unless the head passes (most breaks end a sentence, not a heading).
    private static func runInHeading(_ u: [Unicode.Scalar], breakAt i: Int) -> (String, String)? {
        let head = trimmedSpaces(u[..<i])
        guard !head.isEmpty else { return nil }
        let chinese = head.contains(where: isCJK)
        if chinese {
            let text = Unicode.Scalar.string(head)
            guard head.count <= 14, !headingNeverEnds.unicodeScalars.contains(head.last!), !statesARight(text),
                PartyNames.role(ofWord: text) == nil
            else { return nil }
        } else {
            guard head.first!.isUppercase, wordCount(head) <= 7, isTitleCase(head) else { return nil }
        }
        let body = trimmedSpaces(u[(i + 1)...])
        if chinese && u[i] == " " && gapped(body) { return nil }
        return body.isEmpty ? nil : (Unicode.Scalar.string(head), Unicode.Scalar.string(body))
    }

    /// `u` without the blanks `String.trimmed` drops at either end (space, tab, CR, LF, U+3000;
    /// normalised text has only the space left).
    private static func trimmedSpaces(_ u: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        func blank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\r" || c == "\n" || c == "\u{3000}" }
        var a = u.startIndex
        var b = u.endIndex
        while a < b, blank(u[a]) { a += 1 }
        while b > a, blank(u[b - 1]) { b -= 1 }
        return u[a..<b]
    }

    /// The checks on a run-in heading's two sides, once the break is found; the body is made only
    /// when the head passes (most breaks are a sentence's end, not a heading's).
    private static func runInHeading(head: String, atSpace: Bool, body: () -> String) -> (String, String)? {
        let head = head.trimmed
        guard !head.isEmpty else { return nil }
        let chinese = head.contains(where: isCJK)
        if chinese {
            // Nor a party alone (`乙方 有权暂停服务。`: a justified line's gap after the subject).
            guard head.count <= 14, !headingNeverEnds.contains(head.last!), !statesARight(head), PartyNames.role(ofWord: head) == nil
            else { return nil }
        } else {
            guard let f = head.first, f.isUppercase, wordCount(head) <= 7, isTitleCaseByCharacters(head) else { return nil }
        }
        let body = body().trimmed
        if chinese && atSpace && gapped(Array(body.unicodeScalars)[...]) { return nil }
        return body.isEmpty ? nil : (head, body)
    }

    /// Whether a text has a gap between two Chinese characters before its first comma or stop: a
    /// justified line's spaces (`甲方需要 二次开发 的，…`), so the gap before it ended no run-in heading
    /// (the quote began at `二次开发`).
    static func gapped(_ u: ArraySlice<Unicode.Scalar>) -> Bool {
        var k = u.startIndex
        while k < u.endIndex {
            let v = u[k]
            if "，。；：,;:".unicodeScalars.contains(v) { return false }
            if v == " ", k > u.startIndex, k + 1 < u.endIndex, isCJK(u[k - 1]), isCJK(u[k + 1]) { return true }
            k += 1
        }
        return false
    }

    /// `合同期限：三年` / `Payment terms: net 30` with a short label. The label's length is counted
    /// without its brackets: `甲方（采购人、委托方、最终用户单位）：…` is the label 甲方 explained.
    static func labelValue(_ s: String) -> (String, String)? {
        // No `:` byte, no `:` character.
        // The first colon that is no time's (`工作日9:00-18:00…` is a sentence, not the label `…工作日9`).
        guard ContractText.containsByte(s, 0x3A),
            let i = s.indices.first(where: { k in
                s[k] == ":"
                    && !(k > s.startIndex && s[s.index(before: k)].isASCII && s[s.index(before: k)].isNumber
                        && s.index(after: k) < s.endIndex && s[s.index(after: k)].isASCII && s[s.index(after: k)].isNumber)
            })
        else { return nil }
        let head = String(s[..<i]).trimmed
        let body = String(s[s.index(after: i)...]).trimmed
        guard !head.isEmpty else { return nil }
        let bare = withoutBrackets(head)
        guard !bare.isEmpty else { return nil }
        let cjk = bare.filter(isCJK).count
        if cjk > 0 { return bare.count <= 12 ? (head, body) : nil }
        // `The Supplier (or any of its Affiliates) may: increase the Fees…` is a sentence, not a label.
        if ContractText.containsAny(" " + ContractText.lowerASCII(bare) + " ", labelVerbs) { return nil }
        return wordCount(bare) <= 5 ? (head, body) : nil
    }

    /// Labels of a contract's cover and signature block: the parties and their particulars.
    static let coverLabels: Set<String> = [
        "甲方", "乙方", "丙方", "买方", "卖方", "采购方", "采购人", "供应商", "供方", "需方", "委托方", "受托方", "服务方", "许可方", "被许可方",
        "地址", "住所", "住所地", "通讯地址", "注册地址", "联系地址", "法定代表人", "授权代表", "委托代理人", "联系人", "电话", "联系电话",
        "传真", "邮箱", "电子邮箱", "邮编", "开户行", "开户银行", "账号", "银行账号", "户名", "统一社会信用代码", "税号", "合同编号",
        "签订日期", "签订地点", "签约日期", "签约地点",
        "party a", "party b", "customer", "client", "vendor", "supplier", "provider", "licensor", "licensee", "buyer", "seller",
        "address", "registered address", "legal representative", "authorized representative", "authorised representative",
        "contact", "contact person", "tel", "telephone", "phone", "fax", "email", "e-mail", "bank", "account", "account no.",
        "contract no.", "contract number", "signed at", "place of signing",
    ]

    /// Whether a label (lower-cased, as `labelValue` gives it) names a party or its particulars; what
    /// stands in brackets is left aside (`甲方（采购人）`).
    static func isCoverLabel(_ label: String) -> Bool {
        coverLabels.contains(withoutBrackets(label))
    }

    /// Verbs that make an English "label" a sentence cut at a colon.
    static let labelVerbs = [" may ", " shall ", " must ", " will ", " can ", " agrees ", " undertakes "]

    /// Whether the line after a cover line carries on the party's name (`(Data Security Division)`,
    /// `技术有限公司`): it opens a bracket or ends as a name does. Only then is it taken into the cover line.
    static func continuesName(_ line: ContractLine, byCharacters: Bool = false) -> Bool {
        let c = continuation(line)
        // Every line is asked: the ending first (most lines end on none), then the length and the words.
        if line.plain && !byCharacters {
            // A plain line: its scalars and bytes answer as its characters (see `joins`), the ending
            // compared byte by byte with ASCII lowered (as `lowerASCII` does), nothing made.
            guard let first = c.utf8.first else { return false }
            guard first == 0x28 || endsOnName(plain: c) else { return false }
            return ContractText.hasAtMost(c, characters: 60, plain: true) && isParticular(c, plain: true)
        }
        // `hasAtMost`: settled by the bytes for most lines.
        guard let first = c.first else { return false }
        guard first == "(" || nameEndings.contains(where: ContractText.lowerASCII(c).hasSuffix) else { return false }
        return ContractText.hasAtMost(c, characters: 60) && isParticular(c)
    }

    /// Whether plain `text` ends on one of `nameEndings`, ASCII letters in either case.
    private static func endsOnName(plain text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            nameEndingBytes.contains { e in
                guard b.count >= e.count else { return false }
                let start = b.count - e.count
                for k in 0..<e.count {
                    let x = b[start + k]
                    if (x &- 0x41 < 26 ? x | 0x20 : x) != e[k] { return false }
                }
                return true
            }
        }
    }

    private static let nameEndingBytes = nameEndings.map { Array($0.utf8) }

    private static let nameEndings = [
        "公司", "集团", "中心", "研究院", "事业部", "分部", ")", "ltd", "ltd.", "limited", "inc", "inc.", "llc", "gmbh", "co.", "corporation",
        "division",
    ]

    /// Whether a cover label's value is a name or a particular (`上海云帆数据安全技术有限公司`, an address, a
    /// number), not a term put under the party's name (`甲方：应于验收后三十日内付款。`, `Customer: shall pay
    /// within 30 days.`): it does not end as a sentence does and states no duty or right.
    /// `plain`: the value is plain text (see `ContractLine.plain`), read by its scalars.
    static func isParticular(_ value: String, plain: Bool = false) -> Bool {
        // A full stop ends a sentence, or an abbreviation in a short name (`Acme Data Security Ltd.`).
        if plain {
            if let last = value.unicodeScalars.last,
                "。;；!！?？".unicodeScalars.contains(last) || (last == "." && wordCount(value.unicodeScalars) > 4)
            {
                return false
            }
        } else if let last = value.last, last.isOne(of: "。;；!！?？") || (last == "." && wordCount(value) > 4) {
            return false
        }
        let lower = ContractText.lowerASCII(value)
        return !ContractText.containsAny(lower, particularStops)
    }

    /// Words of a duty or a right: a value with one is a term of the contract, not a party's particular.
    static let particularStops = [
        "应于", "应在", "应当", "应按", "应向", "应对", "应将", "应及时", "必须", "须在", "须于", "均须", "有权", "不得", "负责", "承担",
        "shall ", "must ", "will ", "may ", "agrees", "is responsible", "undertakes",
    ]

    /// `s` without what stands in round brackets (normalised: ASCII `(` `)`), trimmed; `s` itself when
    /// a bracket is left open or closes without opening.
    static func withoutBrackets(_ s: String) -> String {
        guard ContractText.containsByte(s, 0x28) else { return s }
        var out = ""
        var depth = 0
        for c in s {
            if c == "(" {
                depth += 1
            } else if c == ")" {
                if depth == 0 { return s }
                depth -= 1
            } else if depth == 0 {
                out.append(c)
            }
        }
        return depth == 0 ? out.trimmed : s
    }

    /// `"Fees" means …`, `"Affiliate" shall mean …`, `“服务”是指…`, `本合同所称…是指`.
    static func isDefinitionText(_ s: String, plain: Bool = false) -> Bool {
        if plain {
            // Plain text: the same tests on bytes; every test needs a leading quote or 是指.
            var s = s
            return s.withUTF8 { b in
                guard let first = b.first else { return false }
                if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                    let lower = ContractText.lowerASCIIBytes(b)
                    let found = lower.withUnsafeBufferPointer { h in definitionMarkBytes.contains { ContractText.occurs($0, in: h) } }
                    if found { return true }
                }
                guard ContractText.occurs("是指", in: b) else { return false }
                return ContractText.occurs("所称", in: b) || ContractText.starts(b, with: "本合同中")
            }
        }
        let lower = ContractText.lowerASCII(s)
        if lower.first == "\"" || lower.first == "'", ContractText.containsAny(lower, definitionMarks) { return true }
        return ContractText.contains(lower, "所称") && ContractText.contains(lower, "是指")
            || (lower.hasPrefix("本合同中") && ContractText.contains(lower, "是指"))
    }

    static let definitionMarks = [
        "\" means", "\" shall mean", "\" will mean", "\" has the meaning", "\" will have the meaning",
        "\" shall have the meaning", "\" refers to", "\"指", "\"是指", "\"系指", "\":指", "\" means:", "\"：指",
    ]
    /// `definitionMarks` as bytes (all plain text).
    static let definitionMarkBytes = definitionMarks.map { Array($0.utf8) }

    /// `ERP系统升级服务合同`, `Software License Agreement`: the document's title, not a clause.
    static func isTitle(_ heading: String, plain: Bool = false) -> Bool {
        guard !heading.isEmpty else { return false }
        if plain {
            // Plain text: a suffix of characters is a suffix of bytes.
            var h = heading
            return h.withUTF8 { b in
                titleEndingBytes.contains { ContractText.ends(b, with: $0) }
                    && !titleVetoBytes.contains { ContractText.occurs($0, in: b) }
            }
        }
        guard titleEndings.contains(where: { heading.hasSuffix($0) }) else { return false }
        return !ContractText.containsAny(heading, titleVetoes)
    }

    static let titleEndings = ["agreement", "contract", "合同", "协议", "合同书", "协议书", "terms and conditions"]
    static let titleVetoes = [" of ", "的", "本"]
    private static let titleEndingBytes = titleEndings.map { Array($0.utf8) }
    private static let titleVetoBytes = titleVetoes.map { Array($0.utf8) }

    static func trimEndPunct(_ s: String) -> String {
        var t = Substring(s)
        while let l = t.last, l.isOne(of: ".:;。： ") { t = t.dropLast() }
        return String(t)
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, ContractText.contains(self, target) else { return self }
        var text = self
        var word = target
        if text.withUTF8(ContractText.isPlain) && word.withUTF8(ContractText.isPlain) {
            // Plain text: the word occurs as characters exactly where its bytes occur. Found by
            // `memchr` of its first byte and `memcmp`, the text between copied whole.
            var with = replacement
            return text.withUTF8 { hay in
                word.withUTF8 { needle in
                    with.withUTF8 { put in
                        var out: [UInt8] = []
                        out.reserveCapacity(hay.count)
                        let base = hay.baseAddress!
                        var from = 0
                        var i = 0
                        while i + needle.count <= hay.count, let hit = memchr(base + i, Int32(needle[0]), hay.count - i) {
                            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                            guard at + needle.count <= hay.count else { break }
                            if memcmp(base + at, needle.baseAddress!, needle.count) == 0 {
                                out.append(contentsOf: UnsafeBufferPointer(rebasing: hay[from..<at]))
                                out.append(contentsOf: put)
                                i = at + needle.count
                                from = i
                            } else {
                                i = at + 1
                            }
                        }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: hay[from...]))
                        return String(decoding: out, as: UTF8.self)
                    }
                }
            }
        }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
