#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text helpers for contract review: normalisation of mixed Chinese/English lines, and a tiny
/// pattern language matched on UTF-8 bytes (fast enough to run hundreds of rules over a contract).
///
/// A source string holds alternatives separated by `|`; each alternative is a sequence of parts
/// separated by `…`; a part is a literal or a bracketed choice `[a|b|c]`. The parts must occur in
/// order, each starting at most `maxGap` bytes after the previous one ends. A literal that starts
/// (ends) with an ASCII letter must start (end) on a word boundary; a trailing `*` lifts the end
/// boundary (`renew*` matches `renewal`).
/// Examples: `automatic*…renew*|renew*…automatic*`, `[乙方|供方]…有权…调整…[价格|费用]`.
final class TextPattern: Sendable {
    struct Alternative: Sendable {
        var bytes: [UInt8]
        var leftBoundary: Bool
        var rightBoundary: Bool
        /// The literal's id in `PatternIndex` (-1: empty, never occurs; -2: not indexed).
        var literal: Int32 = -2

        /// Whether the literal occurs somewhere in `hay` (when indexed: one bit test).
        func mayOccur(in hay: Haystack) -> Bool {
            if hay.unfiltered || literal == -2 { return true }
            return literal >= 0 && hay.has(Int(literal))
        }
    }
    /// The parts; the literal ids in them are set once, when `PatternIndex.shared` is built, before
    /// any haystack is read (a haystack is made only after the index exists).
    nonisolated(unsafe) var parts: [[Alternative]]
    /// The pattern's id in `PatternIndex` (-1: not indexed) and the part its haystack bit stands for.
    nonisolated(unsafe) var id: Int32 = -1
    nonisolated(unsafe) var anchor = 0
    /// The pattern's bit in a haystack's marks (`PatternIndex.patternBit`), set with `id`.
    nonisolated(unsafe) var bit = -1
    /// Largest distance in bytes between the end of one part and the start of the next: keeps the
    /// parts in one phrase. 80 for English (about 12 words), 120 for Chinese (40 characters, since
    /// Chinese clauses run longer between the words that matter).
    let maxGap: Int

    /// One pattern per top-level alternative of `source`. Read as UTF-8 bytes: the pattern language's
    /// marks (`|`, `[`, `]`, `…`, `*`) are whole scalars, so a byte split is the character split.
    /// The rule tables (about 7 000 patterns) are parsed by every process that checks a contract, so
    /// each pattern is read in one pass, allocating only what it keeps.
    static func parse(_ source: String) -> [TextPattern] {
        var patterns: [TextPattern] = []
        appendParsed(source, to: &patterns)
        return patterns
    }

    /// Appends the patterns of `source` (see `parse`).
    static func appendParsed(_ source: String, to patterns: inout [TextPattern]) {
        var source = source
        source.withUTF8 { bytes in
            var depth = 0
            var start = 0
            for i in 0...bytes.count {
                if i == bytes.count || (bytes[i] == UInt8(ascii: "|") && depth == 0) {
                    if i > start { patterns.append(TextPattern(sequence: UnsafeBufferPointer(rebasing: bytes[start..<i]))) }
                    start = i + 1
                } else if bytes[i] == UInt8(ascii: "[") {
                    depth += 1
                } else if bytes[i] == UInt8(ascii: "]") {
                    depth -= 1
                }
            }
        }
    }

    /// A pattern of one literal, without word boundaries (see `SubstringWords`).
    init(literal: String) {
        maxGap = 80
        parts = [[Alternative(bytes: Array(literal.utf8), leftBoundary: false, rightBoundary: false)]]
    }

    /// One top-level alternative: parts separated by `…` (empty ones dropped), a part wrapped in
    /// `[`…`]` unwrapped, then split at `|` (empty alternatives dropped); a trailing `*` lifts the
    /// end boundary.
    private init(sequence: UnsafeBufferPointer<UInt8>) {
        let n = sequence.count
        // Chinese when a scalar is U+3400 or above: a lead byte of E4 or more, or E3 then 90 or more.
        var chinese = false
        var i = 0
        while i + 1 < n && !chinese {
            chinese = sequence[i] >= 0xE4 || (sequence[i] == 0xE3 && sequence[i + 1] >= 0x90)
            i += 1
        }
        maxGap = chinese ? 120 : 80
        var parts: [[Alternative]] = []
        var start = 0
        i = 0
        while i <= n {
            // `…` is E2 80 A6.
            let ellipsis = i + 2 < n && sequence[i] == 0xE2 && sequence[i + 1] == 0x80 && sequence[i + 2] == 0xA6
            guard i == n || ellipsis else {
                i += 1
                continue
            }
            if i > start { parts.append(TextPattern.alternatives(UnsafeBufferPointer(rebasing: sequence[start..<i]), of: sequence)) }
            i += ellipsis ? 3 : 1
            start = i
        }
        self.parts = parts
    }

    /// The alternatives of one part (see `init(sequence:)`).
    private static func alternatives(_ whole: UnsafeBufferPointer<UInt8>, of sequence: UnsafeBufferPointer<UInt8>) -> [Alternative] {
        var part = whole[...]
        if part.first == UInt8(ascii: "[") && part.last == UInt8(ascii: "]") { part = part.dropFirst().dropLast() }
        assert(
            !part.contains(UInt8(ascii: "[")) && !part.contains(UInt8(ascii: "]")),
            "a choice must be a whole part: \(String(decoding: sequence, as: UTF8.self))")
        var alternatives: [Alternative] = []
        var from = part.startIndex
        for k in part.startIndex...part.endIndex where k == part.endIndex || part[k] == UInt8(ascii: "|") {
            defer { from = k + 1 }
            guard k > from else { continue }
            var end = k
            let prefix = part[end - 1] == UInt8(ascii: "*")
            if prefix { end -= 1 }
            let bytes = Array(part[from..<end])
            assert(
                !bytes.contains(UInt8(ascii: "*")) || !String(decoding: bytes, as: UTF8.self).contains(where: \.isLetter),
                "`*` only ends a word: \(String(decoding: sequence, as: UTF8.self))")
            alternatives.append(
                Alternative(
                    bytes: bytes,
                    leftBoundary: bytes.first.map(isWordByte) ?? false,
                    rightBoundary: !prefix && (bytes.last.map(isWordByte) ?? false)))
        }
        return alternatives
    }

    /// Whether every part has an alternative whose literal occurs in `hay`: when not, the pattern
    /// cannot match and no search is needed. An indexed pattern first tests its own bit (set when its
    /// anchor part occurs); one outside the index looks for each literal.
    func mayMatch(_ hay: Haystack) -> Bool { mayMatch(hay, parts, bit: bit) }

    /// `mayMatch` with the pattern's `parts` and `bit` (read once by the caller: each read of a
    /// stored `var` of a class is checked for exclusive access).
    private func mayMatch(_ hay: Haystack, _ parts: [[Alternative]], bit: Int) -> Bool {
        if hay.unfiltered { return true }
        if bit < 0 {
            return hay.bytes.withUnsafeBufferPointer { h in
                parts.allSatisfy { part in
                    part.contains { alt in !alt.bytes.isEmpty && alt.bytes.withUnsafeBufferPointer { ContractText.occurs($0, in: h) } }
                }
            }
        }
        guard hay.has(bit) else { return false }
        let anchor = self.anchor
        for k in parts.indices where k != anchor {
            guard parts[k].contains(where: { $0.mayOccur(in: hay) }) else { return false }
        }
        return true
    }

    /// The first match in `hay` as a byte range (start of the first part ..< end of the last part).
    func firstMatch(in hay: Haystack) -> Range<Int>? { firstMatchDetail(in: hay)?.range }

    /// The first match and where its first part ends (the text after it is the match's interior).
    func firstMatchDetail(in hay: Haystack) -> (range: Range<Int>, firstEnd: Int)? { firstMatchDetail(in: hay, from: 0) }

    /// Every match, one per starting position of the first part.
    func allMatches(in hay: Haystack) -> [(range: Range<Int>, firstEnd: Int)] {
        var out: [(range: Range<Int>, firstEnd: Int)] = []
        var from = 0
        while let m = firstMatchDetail(in: hay, from: from) {
            out.append(m)
            from = m.range.lowerBound + 1
        }
        return out
    }

    func firstMatchDetail(in hay: Haystack, from start: Int) -> (range: Range<Int>, firstEnd: Int)? {
        // The pattern's own bit first: most patterns asked cannot match, and then no more is read.
        let bit = self.bit
        if bit >= 0 && !hay.unfiltered && !hay.has(bit) { return nil }
        let parts = self.parts
        guard let first = parts.first, mayMatch(hay, parts, bit: bit) else { return nil }
        let count = hay.bytes.count
        var from = start
        while let r = TextPattern.find(first, in: hay, from: from, limit: count) {
            var end = r.upperBound
            var ok = true
            for k in 1..<parts.count {
                guard let n = TextPattern.find(parts[k], in: hay, from: end, limit: min(count, end + maxGap)) else {
                    ok = false
                    break
                }
                end = n.upperBound
            }
            if ok { return (r.lowerBound..<end, r.upperBound) }
            from = r.lowerBound + 1
        }
        return nil
    }

    /// Earliest occurrence of any alternative starting in `from...limit` (start position bound).
    static func find(_ alts: [Alternative], in hay: Haystack, from: Int, limit: Int) -> Range<Int>? {
        var best: Range<Int>?
        for a in alts.indices where alts[a].mayOccur(in: hay) {
            if let r = find(alts[a], in: hay.bytes, from: from, startLimit: best.map { $0.lowerBound } ?? limit),
                best == nil || r.lowerBound < best!.lowerBound
            {
                best = r
            }
        }
        return best
    }

    private static func find(_ alt: Alternative, in hay: [UInt8], from: Int, startLimit: Int) -> Range<Int>? {
        let n = alt.bytes
        guard !n.isEmpty, from >= 0, hay.count >= n.count else { return nil }
        let lastStart = min(hay.count - n.count, startLimit)
        guard from <= lastStart else { return nil }
        // memchr (vectorised in libc) jumps to each candidate first byte; the rest is compared here.
        return hay.withUnsafeBufferPointer { h -> Range<Int>? in
            n.withUnsafeBufferPointer { needle -> Range<Int>? in
                guard let base = h.baseAddress else { return nil }
                let first = Int32(needle[0])
                var i = from
                while i <= lastStart {
                    guard let hit = memchr(base + i, first, lastStart + 1 - i) else { return nil }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    var j = 1
                    while j < needle.count && h[at + j] == needle[j] { j += 1 }
                    if j == needle.count {
                        let leftOK = !alt.leftBoundary || at == 0 || !isWordByte(h[at - 1])
                        let end = at + needle.count
                        let rightOK = !alt.rightBoundary || end == h.count || !isWordByte(h[end])
                        if leftOK && rightOK { return at..<end }
                    }
                    i = at + 1
                }
                return nil
            }
        }
    }
}

extension Character {
    /// The character's Unicode scalar when it is made of one, else nil: `c.mark == ";"` answers like
    /// `c == ";"` without comparing normalised strings. `==` on characters compares canonical
    /// equivalents; of the punctuation marks and CJK characters compared here, only `;` and `·`
    /// have another form (U+037E, U+0387), read as them here (a test checks every scalar).
    var mark: Unicode.Scalar? {
        guard let first = unicodeScalars.first, UTF8.width(first) == utf8.count else { return nil }
        switch first.value {
        case 0x037E: return ";"
        case 0x0387: return "·"
        default: return first
        }
    }

    /// Whether the character is one of `marks` (see `mark`).
    func isOne(of marks: String) -> Bool {
        guard let m = mark else { return false }
        return marks.unicodeScalars.contains(m)
    }
}

/// ASCII letters and digits form words; everything else (including CJK) is a boundary.
@inline(__always) func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
}

/// A list of patterns, matched together.
struct PatternSet: Sendable {
    let patterns: [TextPattern]
    /// The set's id in `PatternIndex`: one bit of a haystack says whether any pattern may match.
    let group = PatternGroup()
    init(_ sources: [String]) {
        var patterns: [TextPattern] = []
        for source in sources { TextPattern.appendParsed(source, to: &patterns) }
        self.patterns = patterns
    }
    init(patterns: [TextPattern]) { self.patterns = patterns }
    func matches(_ hay: Haystack) -> Bool {
        let bit = group.bit
        if hay.unfiltered || bit < 0 { return patterns.contains { $0.firstMatch(in: hay) != nil } }
        guard hay.has(bit) else { return false }
        // Every pattern of an indexed set is indexed: one whose bit is clear cannot match, and is
        // passed over without reading it.
        let patternBits = group.patternBits
        for p in patterns.indices where hay.has(patternBits[p]) {
            if patterns[p].firstMatch(in: hay) != nil { return true }
        }
        return false
    }
    /// False when no pattern of the set can match `hay` (one bit test for a set in the index).
    func mayMatch(_ hay: Haystack) -> Bool {
        let bit = group.bit
        return hay.unfiltered || bit < 0 || hay.has(bit)
    }
}

/// A pattern set's bit in the haystacks, kept apart from the set: a hot loop tests it without
/// copying (and retaining) the set; see `PatternSet.mayMatch`.
struct GroupBit: Sendable {
    /// -1 for a set outside the index (it may always match).
    let bit: Int
    init(_ set: PatternSet) {
        _ = PatternIndex.shared  // the bits are set when the index is built
        bit = set.group.bit
    }
    /// `set.mayMatch(hay)`.
    @inline(__always) func mayMatch(_ hay: Haystack) -> Bool { bit < 0 || hay.unfiltered || hay.has(bit) }
}

/// Words looked for anywhere in a sentence's lower-cased text, without word boundaries (`penalt`
/// finds `penalties`, `late` finds `calculated`). Each is a literal of `PatternIndex`, so in plain
/// text (where a word occurs as characters exactly where its bytes do) the automaton's literal bits
/// answer without a search; see `ScannedSentence.lowerContainsAny`.
struct SubstringWords: Sendable {
    let words: [String]
    /// One single-literal pattern per word, for the index.
    let set: PatternSet
    /// Whether every word is plain text (see `ContractText.isPlain`) and not empty.
    let plain: Bool

    init(_ words: [String]) {
        self.words = words
        set = PatternSet(patterns: words.map(TextPattern.init(literal:)))
        plain = words.allSatisfy { w in !w.isEmpty && w.utf8.withContiguousStorageIfAvailable(ContractText.isPlain) == true }
    }
}

/// Lower-cased UTF-8 text to match patterns in, with the marks of `PatternIndex`: which literals,
/// patterns and pattern sets can occur in it. Most patterns of the rule set cannot match a given
/// sentence: a bit test rules them out before any search.
struct Haystack: Sendable {
    let bytes: [UInt8]
    /// See `PatternIndex`; empty when `unfiltered`.
    let marks: [UInt64]
    /// A haystack that claims every literal, so that no pattern is skipped: the reference the
    /// prefilter is tested against.
    let unfiltered: Bool

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        marks = PatternIndex.shared.marks(bytes)
        unfiltered = false
    }

    init(_ text: String) { self.init(Array(text.utf8)) }

    init(unfiltered bytes: [UInt8]) {
        _ = PatternIndex.shared  // the patterns' ids are set before any search
        self.bytes = bytes
        marks = []
        unfiltered = true
    }

    @inline(__always) func has(_ bit: Int) -> Bool { marks[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
}

/// Text helpers of contract review (the checklist's clipping is public).
public enum ContractText {
    /// Full-width ASCII forms to ASCII, ideographic space to space, curly quotes to straight,
    /// control characters to space, characters of no width dropped (zero-width space and joiners,
    /// soft hyphen, a byte-order mark inside the text),
    /// runs of blanks to one space, and the ends trimmed. Chinese punctuation `。、；` is kept apart
    /// from its ASCII cousins except `；` (→ `;`) since both end a sentence.
    static func normalize(_ s: String) -> String {
        var s = s
        // Most lines need nothing done but perhaps trimming: kept (or cut) as they are, without
        // copying their bytes and checking them again as UTF-8.
        if let kept = s.withUTF8(normalizedAsIs) {
            return kept.count == s.utf8.count ? s : slice(s, bytes: kept)
        }
        return normalizeBytes(s)
    }

    // Kept as one function: one pass over the UTF-8 bytes into a buffer of the input's size; the decoding,
    // the mapping and the run of blanks share the read and write positions.
    /// `normalize` by rewriting every byte (the tests compare it with the shortcut).
    static func normalizeBytes(_ s: String) -> String {
        var s = s
        // On the UTF-8 bytes: every mapping shortens or keeps a character, so the output fits in the
        // input's length; a character kept is copied as its bytes, a mapped one is ASCII.
        let out = s.withUTF8 { b in
            [UInt8](unsafeUninitializedCapacity: b.count) { o, count in
                var k = 0
                var i = 0
                var lastSpace = true
                while i < b.count {
                    let x = b[i]
                    // Printable ASCII but the space, the most of any contract: kept as it is.
                    if x > 0x20 && x < 0x7F {
                        o[k] = x
                        k += 1
                        lastSpace = false
                        i += 1
                        continue
                    }
                    let width = x < 0x80 ? 1 : x < 0xE0 ? 2 : x < 0xF0 ? 3 : 4
                    guard i + width <= b.count else { break }
                    var v: UInt32
                    switch width {
                    case 1: v = UInt32(x)
                    case 2: v = UInt32(x & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                    case 3: v = UInt32(x & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    default:
                        v = UInt32(x & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                    }
                    let original = v
                    guard let mapped = normalizedScalar(v) else {
                        i += width
                        continue
                    }
                    v = mapped
                    if v == 0x20 {
                        if lastSpace {
                            i += width
                            continue
                        }
                        lastSpace = true
                    } else {
                        lastSpace = false
                    }
                    if v == original {
                        for j in 0..<width { o[k + j] = b[i + j] }
                        k += width
                    } else {
                        o[k] = UInt8(truncatingIfNeeded: v)
                        k += 1
                    }
                    i += width
                }
                while k > 0 && o[k - 1] == 0x20 { k -= 1 }
                count = k
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What `normalize` makes of one scalar (by value), runs of blanks aside: full-width ASCII forms
    /// as ASCII, blanks and control characters as a space, curly quotes and 「」『』【】 as ASCII; nil
    /// for a character of no width, which it drops.
    @inline(__always) static func normalizedScalar(_ value: UInt32) -> UInt32? {
        var v = value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
        switch v {
        // Characters of no width (a web page's zero-width space, a soft hyphen, a stray
        // byte-order mark): dropped, so `上海\u{200B}国际仲裁中心` is the name it shows.
        case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return nil
        // Blanks, and control characters (a PDF's form feed at a page break, a NUL): a space.
        case 0x3000, 0xA0, 0x00...0x1F, 0x7F...0x9F: return 0x20
        case 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F: return 0x22  // “ ” 「 」 『 』
        case 0x2018, 0x2019: return 0x27
        case 0x3010: return 0x5B  // 【
        case 0x3011: return 0x5D  // 】
        default: return v
        }
    }

    /// The byte range `normalize` keeps of `b` when it only trims spaces at the ends (every other
    /// byte stays: printable ASCII, single spaces between, multi-byte characters that no rule of
    /// `normalize` maps); nil when it must rewrite something.
    private static func normalizedAsIs(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = 0
        while start < b.count && b[start] == 0x20 { start += 1 }
        var end = b.count
        while end > start && b[end - 1] == 0x20 { end -= 1 }
        var i = start
        var lastSpace = false
        while i < end {
            let x = b[i]
            if x > 0x20 && x < 0x7F {
                lastSpace = false
                i += 1
                continue
            }
            if x == 0x20 {
                if lastSpace { return nil }
                lastSpace = true
                i += 1
                continue
            }
            lastSpace = false
            // Control characters, DEL and a broken sequence: left to the full pass.
            if x < 0xC2 || x > 0xEF { return nil }
            if x < 0xE0 {
                // Two bytes: U+0080…U+07FF; the C1 controls, U+00A0 and the soft hyphen U+00AD are mapped.
                guard i + 1 < end, b[i + 1] & 0xC0 == 0x80, !(x == 0xC2 && (b[i + 1] < 0xA1 || b[i + 1] == 0xAD)) else { return nil }
                i += 2
                continue
            }
            guard i + 2 < end, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 else { return nil }
            let v = UInt32(x & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            switch v {
            case ..<0x800, 0xD800...0xDFFF: return nil  // over-long or a surrogate: not valid UTF-8
            case 0xFF01...0xFF5E, 0x3000, 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F, 0x2018, 0x2019, 0x3010, 0x3011,
                0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                return nil
            default: i += 3
            }
        }
        return start..<end
    }

    /// Appends the UTF-8 bytes of the scalar value `v`.
    @inline(__always) static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x1_0000 {
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// Whether `s` contains one of `words`, with the answer of `s.contains(word)` (Foundation's, which
    /// matches canonically equivalent characters) but found by a byte search when both sides are
    /// plain text (see `isPlain`), where the two searches agree.
    static func containsAny(_ s: String, _ words: [String]) -> Bool {
        var s = s
        let plain = s.withUTF8(isPlain)
        return words.contains { w in
            var w = w
            guard plain, !w.isEmpty, w.withUTF8(isPlain) else { return s.contains(w) }
            return s.withUTF8 { h in w.withUTF8 { n in occurs(n, in: h) } }
        }
    }

    /// Whether `s` contains `word` (see `containsAny`).
    static func contains(_ s: String, _ word: String) -> Bool { containsAny(s, [word]) }

    /// Whether every character of the UTF-8 text is a single scalar that only equals itself under
    /// canonical equivalence: no decomposition, not a combining mark, not joined to its neighbour
    /// into one character. True of ASCII (but CR, which joins LF), Latin-1 punctuation (but the soft
    /// hyphen), general and CJK punctuation, CJK ideographs and full-width forms; on such text a
    /// word occurs as characters exactly where its bytes occur.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { walkPlain(bytes) { _ in } }

    /// Reads UTF-8 `bytes` scalar by scalar while they are plain (see `isPlain`), handing each
    /// scalar's value to `body`: false at the first that is not.
    @inline(__always) private static func walkPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Void) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0D { return false }
                body(UInt32(b))
                i += 1
                continue
            }
            let v: UInt32
            if b & 0xE0 == 0xC0, i + 1 < bytes.count {
                v = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if b & 0xF0 == 0xE0, i + 2 < bytes.count {
                v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                return false
            }
            if !isPlainScalar(v) { return false }
            body(v)
        }
        return true
    }

    /// The scalars of `s` when it is plain text (see `isPlain`: each character is one scalar that
    /// equals only itself), else nil: the character-level checks can then run on scalars. One pass:
    /// the plainness test decodes as it goes.
    static func plainScalars(_ s: String) -> [Unicode.Scalar]? {
        var s = s
        return s.withUTF8 { b -> [Unicode.Scalar]? in
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(b.count)
            // A plain scalar is never a surrogate, so never the replacement.
            return walkPlain(b) { out.append(Unicode.Scalar($0) ?? "\u{FFFD}") } ? out : nil
        }
    }

    /// Whether a scalar of two or three UTF-8 bytes is plain (see `isPlain`).
    @inline(__always) static func isPlainScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0...0xAC, 0xAE...0xBF, 0xD7, 0xF7,  // Latin-1 punctuation and signs, × ÷
            0x2010...0x2027, 0x2030...0x205E,  // general punctuation
            0x3000...0x3029, 0x3030...0x303F,  // CJK punctuation (not the tone marks 302A–302F)
            0x3400...0x4DBF, 0x4E00...0x9FFF,  // CJK ideographs (not the compatibility ones)
            0xFF01...0xFF60, 0xFFE0...0xFFE6:  // full-width forms
            return true
        default:
            return false
        }
    }

    /// The scalars of `s`, known to be plain text (see `isPlain`).
    static func scalars(ofPlain s: String) -> [Unicode.Scalar] { plainScalars(s) ?? Array(s.unicodeScalars) }

    /// Whether a plain text (see `isPlain`) holds a CJK ideograph (`ContractLineParser.isCJK`).
    static func containsCJK(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            var i = 0
            while i + 2 < b.count {
                // U+3400…U+9FFF are the three-byte scalars led by E3…E9.
                if b[i] >= 0xE3 && b[i] <= 0xE9 {
                    let v = UInt32(b[i] & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The number of characters of `s`; for plain text (see `isPlain`), its scalars, counted on its bytes.
    static func characterCount(_ s: String, plain: Bool) -> Int {
        guard plain else { return s.count }
        var s = s
        return s.withUTF8 { b in b.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }

    /// Whether `s` has at most `limit` characters: settled by its bytes or scalars when they can
    /// (a character has at least one scalar, and exactly one in plain text), else counted. `plain`:
    /// `s` is known to be plain (see `isPlain`), so its scalars settle it.
    static func hasAtMost(_ s: String, characters limit: Int, plain: Bool = false) -> Bool {
        if s.utf8.count <= limit { return true }
        var text = s
        let settled = text.withUTF8 { b -> Bool? in
            var scalars = 0
            for x in b where x & 0xC0 != 0x80 { scalars += 1 }
            if scalars <= limit { return true }
            return plain || isPlain(b) ? false : nil
        }
        return settled ?? (s.count <= limit)
    }

    /// Whether `needle` occurs in `hay` (bytes).
    static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = hay.baseAddress, hay.count >= needle.count else { return false }
        let lastStart = hay.count - needle.count
        var i = 0
        while i <= lastStart {
            guard let hit = memchr(base + i, Int32(first), lastStart + 1 - i) else { return false }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var j = 1
            while j < needle.count && hay[at + j] == needle[j] { j += 1 }
            if j == needle.count { return true }
            i = at + 1
        }
        return false
    }

    /// Where `word` occurs in `text` (within `bounds`): the first occurrence, or the last with
    /// `last`. Byte for byte, as Foundation's `range(of:)` on the scanner's normalised text, without
    /// bridging the string on every call (the party and jurisdiction readers' few hundred calls were
    /// 2 % of a whole `contract check`).
    static func range(
        of word: String, in text: String, within bounds: Range<String.Index>? = nil, last: Bool = false
    ) -> Range<String.Index>? {
        let w = Array(word.utf8)
        let u = text.utf8
        let b = Array(u)
        let lo = bounds.map { u.distance(from: u.startIndex, to: $0.lowerBound) } ?? 0
        let hi = bounds.map { u.distance(from: u.startIndex, to: $0.upperBound) } ?? b.count
        guard !w.isEmpty, hi - lo >= w.count else { return nil }
        func at(_ i: Int) -> Bool {
            var j = 0
            while j < w.count && b[i + j] == w[j] { j += 1 }
            return j == w.count
        }
        let starts = lo...(hi - w.count)
        guard let i = last ? starts.reversed().first(where: at) : starts.first(where: at) else { return nil }
        return u.index(u.startIndex, offsetBy: i)..<u.index(u.startIndex, offsetBy: i + w.count)
    }

    /// ASCII-only lower-casing: keeps every byte offset equal to the input's.
    static func lowerASCII(_ s: String) -> String {
        var s = s
        // Most text the scanner lowers is already lower case (or Chinese): kept as it is.
        guard s.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return s }
        // Written into the new string (no array between: its generic set-up was a hundredth of a scan).
        return s.withUTF8 { b in
            String(unsafeUninitializedCapacity: b.count) { out in
                for i in 0..<b.count {
                    let x = b[i]
                    out[i] = x &- 0x41 < 26 ? x | 0x20 : x
                }
                return b.count
            }
        }
    }

    /// `lowerASCII` of UTF-8 bytes.
    static func lowerASCIIBytes(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: b.count) { out, count in
            for i in 0..<b.count {
                let x = b[i]
                out[i] = x &- 0x41 < 26 ? x | 0x20 : x
            }
            count = b.count
        }
    }

    /// `lowerASCII` of `s` as bytes.
    static func lowerASCIIBytes(_ s: String) -> [UInt8] {
        var s = s
        return s.withUTF8(lowerASCIIBytes)
    }

    /// UTF-8 bytes without a space between two Chinese characters (CJK ideographs and punctuation,
    /// U+3000–U+9FFF): a PDF export's justified line (`乙方 有权暂停服务`, `根据市场情况  调整服务价格`)
    /// reads as written without them, and the rules, written for Chinese as it is set, found nothing
    /// in it. A space beside a digit or a Latin word stays (`订阅用户数为 60 个`).
    static func closingChineseGaps(_ b: [UInt8]) -> [UInt8] {
        // Most sentences: no space, or no Chinese (every such character starts with E3–E9).
        guard b.contains(0x20), b.contains(where: { $0 >= 0xE3 && $0 <= 0xE9 }) else { return b }
        func chineseEndsAt(_ i: Int) -> Bool {
            i >= 2 && b[i - 2] >= 0xE3 && b[i - 2] <= 0xE9 && b[i - 1] & 0xC0 == 0x80 && b[i] & 0xC0 == 0x80
        }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        for i in b.indices {
            if b[i] == 0x20, chineseEndsAt(i - 1), i + 1 < b.count, b[i + 1] >= 0xE3 && b[i + 1] <= 0xE9 { continue }
            out.append(b[i])
        }
        return out
    }

    /// Whether the UTF-8 of `s` holds the byte `a` (by `memchr`: a walk of `utf8` byte by byte
    /// cost a twentieth of reading a text).
    static func containsByte(_ s: String, _ a: UInt8) -> Bool {
        var s = s
        return s.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, Int32(a), bytes.count) != nil } ?? false }
    }

    /// Whether the UTF-8 of `s` holds the byte `a` or `b`.
    static func containsByte(_ s: String, _ a: UInt8, _ b: UInt8) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            // Two `memchr`s (vectorised) read fewer instructions than one test of both per byte.
            bytes.baseAddress.map { memchr($0, Int32(a), bytes.count) != nil || memchr($0, Int32(b), bytes.count) != nil } ?? false
        }
    }

    /// Whether the UTF-8 of `s` holds `a` twice in a row or `b` twice in a row.
    static func containsDoubled(_ s: String, _ a: UInt8, _ b: UInt8) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            var previous: UInt8 = 0
            for x in bytes {
                if x == previous && (x == a || x == b) { return true }
                previous = x
            }
            return false
        }
    }

    /// The text of plain `s` after its first scalars `head` (cut on the bytes, not re-encoded).
    static func suffix(ofPlain s: String, afterScalars head: ArraySlice<Unicode.Scalar>) -> String {
        slice(s, bytes: head.reduce(0) { $0 + UTF8.width($1) }..<s.utf8.count)
    }

    /// The text of `s` in a byte range whose ends are character boundaries (a copy of those bytes).
    static func slice(_ s: String, bytes range: Range<Int>) -> String {
        let utf8 = s.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return String(Substring(utf8[from..<utf8.index(from, offsetBy: range.count)]))
    }

    /// Whether the bytes of `word` occur in `hay`.
    static func occurs(_ word: String, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        var word = word
        return word.withUTF8 { occurs($0, in: hay) }
    }

    /// Whether `needle` occurs in `hay`.
    static func occurs(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        needle.withUnsafeBufferPointer { occurs($0, in: hay) }
    }

    /// Whether `b` starts with the bytes of `word`.
    static func starts(_ b: UnsafeBufferPointer<UInt8>, with word: String) -> Bool {
        var word = word
        return word.withUTF8 { w in w.count <= b.count && w.indices.allSatisfy { b[$0] == w[$0] } }
    }

    /// Whether `b` ends with `suffix`.
    static func ends(_ b: UnsafeBufferPointer<UInt8>, with suffix: [UInt8]) -> Bool {
        suffix.count <= b.count && suffix.indices.allSatisfy { b[b.count - suffix.count + $0] == suffix[$0] }
    }

    /// Leading indentation width (tab = 4, ideographic space = 2).
    static func indentWidth(_ s: String) -> Int {
        // By bytes while the blanks are ASCII and what follows them is ASCII (no character joins a
        // space to an ASCII byte), or the line starts with a character that is not U+3000 (E3 80 80).
        var w = 0
        for b in s.utf8 {
            switch b {
            case 0x20: w += 1
            case 0x09: w += 4
            case ..<0x80: return w
            default:
                if w == 0 && b != 0xE3 { return 0 }
                return indentWidthByCharacters(s)
            }
        }
        return w
    }

    /// `indentWidth` on characters, where the bytes cannot settle it (and for the tests).
    static func indentWidthByCharacters(_ s: String) -> Int {
        var w = 0
        for ch in s {
            switch ch {
            case " ": w += 1
            case "\t": w += 4
            case "\u{3000}": w += 2
            default: return w
            }
        }
        return w
    }

    /// Splits text into clauses for matching: sentences (see `sentences`) cut again at `;`/`；`.
    /// Each clause comes with its whole sentence (the evidence to quote) and the character offset
    /// where it starts in `s`.
    /// `plain`: whether `s` is plain text (see `isPlain`), when the caller knows; nil: decided here.
    static func clauses(_ s: String, plain: Bool? = nil) -> [(text: String, sentence: String, start: Int, sentenceStart: Int)] {
        var out: [(text: String, sentence: String, start: Int, sentenceStart: Int)] = []
        for (sentence, start) in sentences(s, plain: plain) {
            // No `;` (nor U+037E, CD BE in UTF-8, which `mark` reads as `;`): the sentence is its only clause, and
            // it is already trimmed (`sentences` trims each one).
            if !containsByte(sentence, 0x3B, 0xCD) {
                out.append((text: sentence, sentence: sentence, start: start, sentenceStart: start))
                continue
            }
            var offset = start
            if let u = plain == true ? scalars(ofPlain: sentence) : plain == false ? nil : plainScalars(sentence) {
                // Plain text: the same cuts on scalars (see `isPlain`).
                for piece in u.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ";" }) {
                    let lead = piece.prefix(while: { $0 == " " }).count
                    let text = Unicode.Scalar.string(piece).trimmed
                    if !text.isEmpty { out.append((text: text, sentence: sentence, start: offset + lead, sentenceStart: start)) }
                    offset += piece.count + 1
                }
                continue
            }
            for piece in sentence.split(omittingEmptySubsequences: false, whereSeparator: { $0.mark == ";" }) {
                let lead = piece.prefix(while: { $0.mark == " " }).count
                let text = String(piece).trimmed
                if !text.isEmpty { out.append((text: text, sentence: sentence, start: offset + lead, sentenceStart: start)) }
                offset += piece.count + 1
            }
        }
        return out
    }

    /// Splits text into sentences with their start offsets (in characters): after `。！？!?`, and
    /// after `.` followed by a space unless the word before the dot is a single letter, a number or a
    /// common abbreviation (`U.S.`, `e.g.`, `Inc.`).
    static func sentences(_ s: String, plain: Bool? = nil) -> [(String, Int)] {
        if plain != false {
            var text = s
            let cut = text.withUTF8 { b in plain == true || isPlain(b) ? plainSentences(b) : nil }
            if let cut { return cut }
        }
        let chars = Array(s)
        // Where each character starts in `s`, so that a sentence is cut out of `s` rather than
        // rebuilt character by character.
        let starts = Array(s.indices) + [s.endIndex]
        var out: [(String, Int)] = []
        var start = 0
        var i = 0
        func flush(_ end: Int) {
            var a = start
            while a < end && (chars[a].mark == " " || chars[a].mark == "\t") { a += 1 }
            let piece = String(s[starts[a]..<starts[end]]).trimmed
            if !piece.isEmpty { out.append((piece, a)) }
            start = end
        }
        while i < chars.count {
            let c = chars[i].mark
            if c == "。" || c == "！" || c == "？" || c == "!" || c == "?" {
                flush(i + 1)
            } else if c == ".", i + 1 < chars.count, chars[i + 1].mark == " " {
                var j = i - 1
                while j >= 0 && chars[j].isLetter && chars[j].isASCII { j -= 1 }
                let word = String(chars[(j + 1)..<i]).lowercased()
                let afterDigit = i > 0 && chars[i - 1].isNumber
                let afterBracket = word.isEmpty && i > 0 && ")\"'”’".contains(chars[i - 1])
                if afterBracket
                    || (word.count > 1 && !abbreviations.contains(word) && !afterDigit
                        && !(j >= 0 && chars[j] == "."))
                {
                    flush(i + 1)
                }
            }
            i += 1
        }
        flush(chars.count)
        return out
    }

    /// `sentences` of plain text (see `isPlain`) given as its UTF-8 bytes: the same cuts and offsets,
    /// read on the bytes. Each character is one scalar of one to three bytes; every mark that ends a
    /// sentence, and every letter of the word before a dot, is ASCII or one known three-byte sequence.
    private static func plainSentences(_ bytes: UnsafeBufferPointer<UInt8>) -> [(String, Int)] {
        var out: [(String, Int)] = []
        // The sentence under way starts at scalar `start`, byte `startByte`; byte `i` is scalar `scalar`.
        var start = 0
        var startByte = 0
        func flush(_ end: Int, _ endByte: Int) {
            var a = start
            var ab = startByte
            // Blanks are one byte each.
            while ab < endByte && (bytes[ab] == 0x20 || bytes[ab] == 0x09) {
                a += 1
                ab += 1
            }
            let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[ab..<endByte]), as: UTF8.self).trimmed
            if !piece.isEmpty { out.append((piece, a)) }
            start = end
            startByte = endByte
        }
        func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        func endsWith(_ end: Int, _ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
            end >= 3 && bytes[end - 3] == b0 && bytes[end - 2] == b1 && bytes[end - 1] == b2
        }
        var i = 0
        var scalar = 0
        while i < bytes.count {
            let x = bytes[i]
            let next = min(bytes.count, i + (x < 0x80 ? 1 : x < 0xE0 ? 2 : 3))
            // ! ? 。 ！ ？ (the three-byte ones lead by E3 or EF: most scalars are settled by their first byte).
            let ends =
                x < 0x80
                ? x == 0x21 || x == 0x3F
                : (x == 0xE3 && endsWith(next, 0xE3, 0x80, 0x82))
                    || (x == 0xEF && (endsWith(next, 0xEF, 0xBC, 0x81) || endsWith(next, 0xEF, 0xBC, 0x9F)))
            if ends {
                flush(scalar + 1, next)
            } else if x == 0x2E, next < bytes.count, bytes[next] == 0x20 {
                var j = i - 1
                while j >= 0 && isASCIILetter(bytes[j]) { j -= 1 }
                let wordLength = i - j - 1
                // ) " ' ” ’ just before the dot.
                let afterBracket =
                    wordLength == 0 && i > 0
                    && (bytes[i - 1] == 0x29 || bytes[i - 1] == 0x22 || bytes[i - 1] == 0x27 || endsWith(i, 0xE2, 0x80, 0x9D)
                        || endsWith(i, 0xE2, 0x80, 0x99))
                if afterBracket
                    || (wordLength > 1 && !isAbbreviation(UnsafeBufferPointer(rebasing: bytes[(i - wordLength)..<i]))
                        && !(j >= 0 && bytes[j] == 0x2E))
                {
                    flush(scalar + 1, next)
                }
            }
            i = next
            scalar += 1
        }
        flush(scalar, bytes.count)
        return out
    }

    /// Whether ASCII letters, lower-cased, are one of `abbreviations` (no `String` made).
    private static func isAbbreviation(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= 6 else { return false }
        return abbreviationBytes.contains { a in
            a.count == word.count && a.indices.allSatisfy { a[$0] == word[$0] | 0x20 }
        }
    }

    private static let abbreviationBytes = abbreviations.map { Array($0.utf8) }

    /// Words whose dot does not end a sentence.
    private static let abbreviations: Set<String> = [
        "e", "i", "g", "eg", "ie", "etc", "inc", "ltd", "co", "corp", "no", "nos",
        "sec", "art", "mr", "ms", "dr", "st", "vs", "approx", "para", "u", "s",
    ]

    /// Clips to at most `limit` characters (1 or more), adding `…` when cut. Plain text (one character
    /// a scalar, see `isPlain`), most contract text, is counted and cut by its UTF-8 lead bytes.
    /// `plain`: `s` is known to be plain, so its scalars are its characters.
    public static func clip(_ s: String, _ limit: Int = 200, plain: Bool = false) -> String {
        if s.utf8.count <= limit { return s }
        var text = s
        // nil: not settled by scalars; else the byte offset to cut at (the whole text: it fits). When
        // the first `limit + 1` scalars are plain, they are as many characters, and the first
        // `limit - 1` of them are the characters kept.
        let cut = text.withUTF8 { b -> Int? in
            var scalars = 0
            var keep = b.count
            var i = 0
            while i < b.count {
                if b[i] & 0xC0 != 0x80 {
                    if scalars == limit - 1 { keep = i }
                    if scalars == limit + 1 { return plain || isPlain(UnsafeBufferPointer(rebasing: b[..<i])) ? keep : nil }
                    scalars += 1
                }
                i += 1
            }
            if scalars <= limit { return b.count }
            return plain || isPlain(b) ? keep : nil
        }
        if cut == text.utf8.count { return s }
        if let cut { return String(decoding: text.utf8.prefix(cut), as: UTF8.self) + "…" }
        return hasAtMost(s, characters: limit) ? s : String(s.prefix(limit - 1)) + "…"
    }

    /// Removes the parenthesised titles of cross-references (`Section 9 (Confidentiality)`,
    /// `第九条（保密）`), so that the title does not count as the clause itself.
    static func stripCrossReferences(_ text: String, plain: Bool? = nil) -> String {
        // Only a title in parentheses is ever removed.
        guard containsByte(text, UInt8(ascii: "(")) && containsByte(text, UInt8(ascii: ")")) else { return text }
        if plain == true && !mayHaveReferenceTitle(text) { return text }
        let chars = plain == true ? .plain(scalars(ofPlain: text)) : plain == false ? .general(Array(text)) : CharacterArray(text)
        if case .plain = chars, !mayHaveReferenceTitle(text) { return text }
        switch chars {
        case .plain(let u): return stripCrossReferences(text, u)
        case .general(let c): return stripCrossReferences(text, c)
        }
    }

    private static func stripCrossReferences<U: TextUnit>(_ text: String, _ chars: [U]) -> String {
        let ascii = chars.map(\.asciiValue)
        var out: [U] = []
        out.reserveCapacity(chars.count)
        var removed = false
        var i = 0
        while i < chars.count {
            var refEnd: Int?
            // The first letter is asked once, not once per word: most characters start none.
            if startsReferenceWord(ascii[i]) {
                for w in referenceWords where matchesAt(ascii, i, w) && (i == 0 || !chars[i - 1].isLetter) {
                    let j = numberEnd(chars, i + w.count)
                    if j > i + w.count { refEnd = j }
                    break
                }
            }
            // A bare dotted number such as `7.2` before a parenthesis is a reference too (after a space
            // or at the start: asked first, it spares the number test of most characters).
            if refEnd == nil, i == 0 || chars[i - 1].mark == " ", chars[i].isNumber {
                let j = numberEnd(chars, i)
                if chars[i..<j].contains(".") && chars[j - 1] != "." { refEnd = j }
            }
            if refEnd == nil, chars[i].mark == "第" {
                var j = i + 1
                while j < chars.count, ChineseNumber.digitValue(mark: chars[j].mark) != nil || chars[j].isNumber { j += 1 }
                if j > i + 1, j < chars.count, chars[j].isIn("条章节款") { refEnd = j + 1 }
            }
            if let e = refEnd {
                out.append(contentsOf: chars[i..<e])
                var k = e
                while k < chars.count && chars[k] == " " { k += 1 }
                if k < chars.count, chars[k] == "(", let close = chars[k...].firstIndex(of: ")"), close - k < 60 {
                    i = close + 1
                    removed = true
                } else {
                    i = e
                }
                continue
            }
            out.append(chars[i])
            i += 1
        }
        // `out` holds the characters of `text` in order when nothing was removed.
        return removed ? U.string(out) : text
    }

    /// Whether a `(` in plain text follows, after spaces, a character that can end a reference
    /// (an ASCII digit, `)`, or one of 条章节款): without one, `stripCrossReferences` removes nothing.
    private static func mayHaveReferenceTitle(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            for p in b.indices where b[p] == UInt8(ascii: "(") {
                var k = p
                while k > 0 && b[k - 1] == 0x20 { k -= 1 }
                guard k > 0 else { continue }
                let last = b[k - 1]
                if (last >= 0x30 && last <= 0x39) || last == UInt8(ascii: ")") { return true }
                if k >= 3 {
                    let v = (UInt32(b[k - 3]) << 16) | (UInt32(b[k - 2]) << 8) | UInt32(last)
                    // 条 章 节 款 in UTF-8.
                    if v == 0xE6_9D_A1 || v == 0xE7_AB_A0 || v == 0xE8_8A_82 || v == 0xE6_AC_BE { return true }
                }
            }
            return false
        }
    }

    /// End of a reference number such as `7`, `4.6`, `7.1(a)`, `1.2(iv)` starting at `from`.
    private static func numberEnd<U: TextUnit>(_ chars: [U], _ from: Int) -> Int {
        var j = from
        while j < chars.count {
            if chars[j].isNumber && chars[j].isASCII {
                j += 1
                continue
            }
            if chars[j] == ".", j > from, j + 1 < chars.count, chars[j + 1].isNumber {
                j += 1
                continue
            }
            if chars[j] == "(", j > from, let close = chars[j...].prefix(6).firstIndex(of: ")"),
                close > j + 1, chars[(j + 1)..<close].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            {
                j = close + 1
                continue
            }
            break
        }
        return j
    }

    /// Whether an ASCII value (either case) is the first letter of a `referenceWords` word.
    @inline(__always) private static func startsReferenceWord(_ a: UInt8?) -> Bool {
        guard let a else { return false }
        let l = a | 0x20
        return l == 0x73 || l == 0x63 || l == 0x61 || l == 0x70  // s c a p
    }

    /// The words that introduce a cross-reference, as lower-case ASCII bytes.
    private static let referenceWords = [
        "sections ", "section ", "clauses ", "clause ", "articles ", "article ", "schedule ", "paragraph ",
    ]
    .map { Array($0.utf8) }

    /// Whether `w` (lower-case ASCII) occurs at `i` of text whose characters have the ASCII values
    /// `ascii` (nil for the others), ignoring ASCII case.
    private static func matchesAt(_ ascii: [UInt8?], _ i: Int, _ w: [UInt8]) -> Bool {
        var k = i
        for c in w {
            guard k < ascii.count, let a = ascii[k], (a >= 0x41 && a <= 0x5A ? a + 32 : a) == c else { return false }
            k += 1
        }
        return true
    }
}
