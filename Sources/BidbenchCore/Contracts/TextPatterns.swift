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
struct TextPattern: Sendable {
    struct Alternative: Sendable {
        var bytes: [UInt8]
        var leftBoundary: Bool
        var rightBoundary: Bool
    }
    let parts: [[Alternative]]
    /// Largest distance in bytes between the end of one part and the start of the next: keeps the
    /// parts in one phrase. 80 for English (about 12 words), 120 for Chinese (40 characters, since
    /// Chinese clauses run longer between the words that matter).
    let maxGap: Int

    /// One pattern per top-level alternative of `source`.
    static func parse(_ source: String) -> [TextPattern] {
        var alternatives: [String] = []
        var current = ""
        var depth = 0
        for ch in source {
            if ch == "[" { depth += 1 } else if ch == "]" { depth -= 1 }
            if ch == "|" && depth == 0 { alternatives.append(current); current = "" } else { current.append(ch) }
        }
        alternatives.append(current)
        return alternatives.filter { !$0.isEmpty }.map(TextPattern.init(sequence:))
    }

    private init(sequence: String) {
        maxGap = sequence.unicodeScalars.contains { $0.value >= 0x3400 } ? 120 : 80
        parts = sequence.split(separator: "…", omittingEmptySubsequences: true).map { part in
            var p = Substring(part)
            if p.first == "[" && p.last == "]" { p = p.dropFirst().dropLast() }
            assert(!p.contains("[") && !p.contains("]"), "a choice must be a whole part: \(sequence)")
            return p.split(separator: "|", omittingEmptySubsequences: true).map { alt in
                var text = String(alt)
                var prefix = false
                if text.hasSuffix("*") { prefix = true; text.removeLast() }
                assert(!text.contains("*") || !text.contains(where: \.isLetter), "`*` only ends a word: \(sequence)")
                let bytes = Array(text.utf8)
                return Alternative(bytes: bytes,
                                   leftBoundary: bytes.first.map(isWordByte) ?? false,
                                   rightBoundary: !prefix && (bytes.last.map(isWordByte) ?? false))
            }
        }
    }

    /// The first match in `hay` as a byte range (start of the first part ..< end of the last part).
    func firstMatch(in hay: [UInt8]) -> Range<Int>? { firstMatchDetail(in: hay)?.range }

    /// The first match and where its first part ends (the text after it is the match's interior).
    func firstMatchDetail(in hay: [UInt8]) -> (range: Range<Int>, firstEnd: Int)? { firstMatchDetail(in: hay, from: 0) }

    /// Every match, one per starting position of the first part.
    func allMatches(in hay: [UInt8]) -> [(range: Range<Int>, firstEnd: Int)] {
        var out: [(range: Range<Int>, firstEnd: Int)] = []
        var from = 0
        while let m = firstMatchDetail(in: hay, from: from) {
            out.append(m)
            from = m.range.lowerBound + 1
        }
        return out
    }

    func firstMatchDetail(in hay: [UInt8], from start: Int) -> (range: Range<Int>, firstEnd: Int)? {
        guard let first = parts.first else { return nil }
        var from = start
        while let r = TextPattern.find(first, in: hay, from: from, limit: hay.count) {
            var end = r.upperBound
            var ok = true
            for part in parts.dropFirst() {
                guard let n = TextPattern.find(part, in: hay, from: end, limit: min(hay.count, end + maxGap)) else {
                    ok = false; break
                }
                end = n.upperBound
            }
            if ok { return (r.lowerBound..<end, r.upperBound) }
            from = r.lowerBound + 1
        }
        return nil
    }

    /// Earliest occurrence of any alternative starting in `from...limit` (start position bound).
    static func find(_ alts: [Alternative], in hay: [UInt8], from: Int, limit: Int) -> Range<Int>? {
        var best: Range<Int>?
        for alt in alts {
            if let r = find(alt, in: hay, from: from, startLimit: best.map { $0.lowerBound } ?? limit),
               best == nil || r.lowerBound < best!.lowerBound {
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

/// ASCII letters and digits form words; everything else (including CJK) is a boundary.
@inline(__always) func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
}

/// A list of patterns, matched together.
struct PatternSet: Sendable {
    let patterns: [TextPattern]
    init(_ sources: [String]) { patterns = sources.flatMap(TextPattern.parse) }
    func matches(_ hay: [UInt8]) -> Bool { patterns.contains { $0.firstMatch(in: hay) != nil } }
}

enum ContractText {
    /// Full-width ASCII forms to ASCII, ideographic space to space, curly quotes to straight,
    /// runs of blanks to one space, and the ends trimmed. Chinese punctuation `。、；` is kept apart
    /// from its ASCII cousins except `；` (→ `;`) since both end a sentence.
    static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var lastSpace = true
        for u in s.unicodeScalars {
            var v = u.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            switch v {
            case 0x3000, 0x09, 0x0D, 0x0A, 0xA0: v = 0x20
            case 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F: v = 0x22  // “ ” 「 」 『 』
            case 0x2018, 0x2019: v = 0x27
            case 0x3010: v = 0x5B  // 【
            case 0x3011: v = 0x5D  // 】
            default: break
            }
            if v == 0x20 {
                if lastSpace { continue }
                lastSpace = true
            } else {
                lastSpace = false
            }
            out.append(Unicode.Scalar(v)!)
        }
        while out.last == " " { out.removeLast() }
        return String(out)
    }

    /// ASCII-only lower-casing: keeps every byte offset equal to the input's.
    static func lowerASCII(_ s: String) -> String {
        String(decoding: s.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Leading indentation width (tab = 4, ideographic space = 2).
    static func indentWidth(_ s: String) -> Int {
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
    static func clauses(_ s: String) -> [(text: String, sentence: String, start: Int)] {
        sentences(s).flatMap { sentence, start -> [(text: String, sentence: String, start: Int)] in
            var out: [(text: String, sentence: String, start: Int)] = []
            var offset = start
            for piece in sentence.split(separator: ";", omittingEmptySubsequences: false) {
                let lead = piece.prefix(while: { $0 == " " }).count
                let text = String(piece).trimmed
                if !text.isEmpty { out.append((text: text, sentence: sentence, start: offset + lead)) }
                offset += piece.count + 1
            }
            return out
        }
    }

    /// Splits text into sentences with their start offsets (in characters): after `。！？!?`, and
    /// after `.` followed by a space unless the word before the dot is a single letter, a number or a
    /// common abbreviation (`U.S.`, `e.g.`, `Inc.`).
    static func sentences(_ s: String) -> [(String, Int)] {
        let chars = Array(s)
        var out: [(String, Int)] = []
        var start = 0
        var i = 0
        func flush(_ end: Int) {
            var a = start
            while a < end && (chars[a] == " " || chars[a] == "\t") { a += 1 }
            let piece = String(chars[a..<end]).trimmed
            if !piece.isEmpty { out.append((piece, a)) }
            start = end
        }
        while i < chars.count {
            let c = chars[i]
            if "。！？!?".contains(c) {
                flush(i + 1)
            } else if c == ".", i + 1 < chars.count, chars[i + 1] == " " {
                var j = i - 1
                while j >= 0 && chars[j].isLetter && chars[j].isASCII { j -= 1 }
                let word = String(chars[(j + 1)..<i]).lowercased()
                let abbreviations: Set<String> = ["e", "i", "g", "eg", "ie", "etc", "inc", "ltd", "co", "corp", "no", "nos",
                                                  "sec", "art", "mr", "ms", "dr", "st", "vs", "approx", "para", "u", "s"]
                let afterDigit = i > 0 && chars[i - 1].isNumber
                let afterBracket = word.isEmpty && i > 0 && ")\"'”’".contains(chars[i - 1])
                if afterBracket || (word.count > 1 && !abbreviations.contains(word) && !afterDigit
                    && !(j >= 0 && chars[j] == ".")) {
                    flush(i + 1)
                }
            }
            i += 1
        }
        flush(chars.count)
        return out
    }

    /// Clips to at most `limit` characters, adding `…` when cut.
    static func clip(_ s: String, _ limit: Int = 200) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }

    /// Removes the parenthesised titles of cross-references (`Section 9 (Confidentiality)`,
    /// `第九条（保密）`), so that the title does not count as the clause itself.
    static func stripCrossReferences(_ text: String) -> String {
        let chars = Array(text)
        var out: [Character] = []
        out.reserveCapacity(chars.count)
        var i = 0
        let refWords = ["sections ", "section ", "clauses ", "clause ", "articles ", "article ", "schedule ", "paragraph "]
        while i < chars.count {
            var refEnd: Int?
            for w in refWords where matchesAt(chars, i, w) && (i == 0 || !chars[i - 1].isLetter) {
                let j = numberEnd(chars, i + w.count)
                if j > i + w.count { refEnd = j }
                break
            }
            // A bare dotted number such as `7.2` before a parenthesis is a reference too.
            if refEnd == nil, chars[i].isNumber, i == 0 || chars[i - 1] == " " {
                let j = numberEnd(chars, i)
                if chars[i..<j].contains(".") && chars[j - 1] != "." { refEnd = j }
            }
            if refEnd == nil, chars[i] == "第" {
                var j = i + 1
                while j < chars.count, ChineseNumber.digitValue(chars[j]) != nil || chars[j].isNumber { j += 1 }
                if j > i + 1, j < chars.count, "条章节款".contains(chars[j]) { refEnd = j + 1 }
            }
            if let e = refEnd {
                out.append(contentsOf: chars[i..<e])
                var k = e
                while k < chars.count && chars[k] == " " { k += 1 }
                if k < chars.count, chars[k] == "(", let close = chars[k...].firstIndex(of: ")"), close - k < 60 {
                    i = close + 1
                } else {
                    i = e
                }
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return String(out)
    }

    /// End of a reference number such as `7`, `4.6`, `7.1(a)`, `1.2(iv)` starting at `from`.
    private static func numberEnd(_ chars: [Character], _ from: Int) -> Int {
        var j = from
        while j < chars.count {
            if chars[j].isNumber && chars[j].isASCII { j += 1; continue }
            if chars[j] == ".", j > from, j + 1 < chars.count, chars[j + 1].isNumber { j += 1; continue }
            if chars[j] == "(", j > from, let close = chars[j...].prefix(6).firstIndex(of: ")"),
               close > j + 1, chars[(j + 1)..<close].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                j = close + 1; continue
            }
            break
        }
        return j
    }

    /// Whether `w` (lower-case ASCII) occurs at `i`, ignoring ASCII case.
    private static func matchesAt(_ chars: [Character], _ i: Int, _ w: String) -> Bool {
        var k = i
        for c in w {
            guard k < chars.count, chars[k] == c || (chars[k].isASCII && chars[k].lowercased() == String(c)) else { return false }
            k += 1
        }
        return true
    }
}
