/// The contract's own words for a sentence the scanner read from its normalised lines
/// (`ContractText.normalize`: full-width forms as ASCII, curly quotes straight, runs of blanks as one
/// space, characters of no width dropped; `**` emphasis removed; wrapped lines joined). A red flag
/// quotes what the contract says — `乙方有权在其认为必要时，不经通知暂停…` with its full-width comma, a
/// search in the contract finds it — not the scanner's reading of it (`…必要时,不经通知…`).
enum RawQuote {
    /// The stretch of `lines` (the raw lines the sentence spans, in order) that normalises to
    /// `sentence`, blanks aside: its first occurrence, each run of blanks in it one space, a line
    /// break nothing between Chinese characters or punctuation (a space elsewhere), characters of
    /// no width left out. Nil when the sentence is already the contract's words on its first line,
    /// or when no stretch reads as it (the caller keeps the sentence).
    static func find(_ sentence: String, in lines: [String]) -> String? {
        if let first = lines.first, occurs(sentence, in: first) { return nil }
        let want = sentence.unicodeScalars.compactMap { u -> UInt32? in
            guard let v = ContractText.normalizedScalar(u.value), v != 0x20 else { return nil }
            return v
        }
        guard let first = want.first else { return nil }
        // Emphasis marks the line parser removed (`**`, `__`) are passed over unless the sentence has them.
        let marks = want.contains(0x2A) || want.contains(0x5F)
        // The raw lines joined by line breaks, and each of their scalars that the sentence may match,
        // mapped as `normalize` maps it, with where it stands.
        var raw: [Unicode.Scalar] = []
        var mapped: [(value: UInt32, at: Int)] = []
        for (n, line) in lines.enumerated() {
            if n > 0 { raw.append("\n") }
            for u in line.unicodeScalars {
                raw.append(u)
                guard let v = ContractText.normalizedScalar(u.value), v != 0x20, marks || (v != 0x2A && v != 0x5F) else { continue }
                mapped.append((v, raw.count - 1))
            }
        }
        guard want.count <= mapped.count else { return nil }
        var start: Int?
        search: for i in 0...(mapped.count - want.count) where mapped[i].value == first {
            for j in 1..<want.count where mapped[i + j].value != want[j] { continue search }
            start = i
            break
        }
        guard let start else { return nil }
        let from = mapped[start].at
        let to = mapped[start + want.count - 1].at
        var out = String.UnicodeScalarView()
        var k = from
        while k <= to {
            let u = raw[k]
            guard let v = ContractText.normalizedScalar(u.value) else {
                k += 1
                continue
            }
            if v == 0x20 {
                // A run of blanks (from > k - 1 and to past it: both ends of the stretch are text).
                var end = k
                var lineBreak = false
                while end <= to, ContractText.normalizedScalar(raw[end].value) == 0x20 {
                    lineBreak = lineBreak || raw[end] == "\n"
                    end += 1
                }
                // A figure cut by the wrap of a Chinese line is one number (`ContractLineParser.joiner`).
                // Cut after its thousands comma or point too (`¥385,` / `000.00`).
                let figureEnd = isDigit(raw[k - 1]) || ((raw[k - 1] == "," || raw[k - 1] == ".") && k >= 2 && isDigit(raw[k - 2]))
                let figureCut =
                    lineBreak && figureEnd && end <= to && isDigit(raw[end])
                    && reachesChinese(
                        raw[..<k].reversed().drop { isDigit($0) || $0 == "," || $0 == "." || $0 == " " || $0 == "¥" || $0 == "￥" })
                // A compound a line's end broke at its hyphen (`then-` / `current`) is one word again.
                let hyphenBreak = lineBreak && raw[k - 1] == "-" && end <= to && raw[end].properties.isLowercase
                if !(lineBreak && reachesChinese(raw[..<k].reversed()) && reachesChinese(raw[end...])) && !figureCut && !hyphenBreak {
                    out.append(" ")
                }
                k = end
                continue
            }
            if !marks && (v == 0x2A || v == 0x5F) {
                k += 1
                continue
            }
            out.append(u)
            k += 1
        }
        let quote = String(out)
        return quote == sentence ? nil : quote
    }

    /// Whether the first scalar of `scalars` that is no punctuation mark is Chinese, past at most three
    /// marks (`”` before `“恢复`), as the line parser joins lines (`ContractLineParser.joiner`) — on the
    /// raw text, whose full-width forms (，）“) the parser's joiner, reading normalised text, never sees.
    private static func reachesChinese<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> Bool {
        var marks = 0
        for u in scalars {
            if chinese(u) { return true }
            if u.properties.isAlphabetic || u.properties.numericType != nil || marks == 3 { return false }
            marks += 1
        }
        return false
    }

    private static func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 0x30 && u.value <= 0x39 }

    /// A Chinese character or punctuation mark (ideographs, CJK symbols, full-width forms).
    private static func chinese(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF: return true
        default: return false
        }
    }

    /// Whether `needle` occurs in `hay`, byte for byte.
    private static func occurs(_ needle: String, in hay: String) -> Bool {
        var needle = needle
        var hay = hay
        return needle.withUTF8 { n in hay.withUTF8 { h in ContractText.occurs(n, in: h) } }
    }
}
