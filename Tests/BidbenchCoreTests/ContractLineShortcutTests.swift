import Foundation
import Testing

@testable import BidbenchCore

/// The line parser's shortcuts answer exactly like the character-level operations they stand in
/// for, on every line of the fixture and demo contracts and on hostile lines made for them.
@Suite("Contract line parser shortcuts")
struct ContractLineShortcutTests {
    /// The raw lines of every fixture and demo contract.
    static func rawLines() throws -> [String] {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let root = here.deletingLastPathComponent().deletingLastPathComponent()
        let folders = [
            here.appendingPathComponent("Fixtures/contracts"), here.appendingPathComponent("Fixtures/ContractCorpus"),
            root.appendingPathComponent("data/demo/contracts"), root.appendingPathComponent("data/demo-en/contracts"),
        ]
        var lines: [String] = []
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            where name.hasSuffix(".md") || name.hasSuffix(".txt") {
                lines += ContractLineParser.splitLines(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
            }
        }
        return lines
    }

    /// Lines the contracts do not have: blanks at the ends and inside, mapped characters, combining
    /// marks after a space, control characters, emoji, decomposed letters.
    static let hostile = [
        "", " ", "   ", "a", " a ", "a  b", "a \u{3000}b", "\u{3000}第一条 保密", "\t1. Fees", "  \u{301}abc", "x \u{301}y",
        "“服务”是指", "「引号」", "【注】", "ＡＢＣ１２３", "a\u{A0}b", "a\u{7F}b", "a\u{1}b", "\u{1F600} Fees", "Cafe\u{301} Terms.",
        "Section 7 (Fees). The fees", "e.g. this. And that.", "Inc. Ltd. Co. Approx. Sec. 5. Next", "U.S. law. Next one.",
        "License.  During the term", "保密：双方应当", "Limitation of Liability", "Payment Terms and the Fees Of Us", "(a) item",
        "The fees are fixed.", "Fees, Costs; and Taxes", "一、总则", "**Term.** The term", "__Fees__", "1.2 Scope",
        "LIMITATION OF LIABILITY", "İn The Term", "Terms Of The", "payable BY", "Shall", "subject to AND", "\u{212A}elvin Terms", "word ,",
        "。", ".", "a ; b", "x\u{37E} y", "上海\u{200B}国际", "a\u{C}b", "a\u{85}b", "soft\u{AD}ware", "\u{FEFF}甲方", "a \u{B} b",
        // Cover lines and the names that carry on under them; headings ending on linking words.
        "乙方：上海云帆数据安全", "技术有限公司", "(Data Security Division)", "Acme Data Security Ltd.", "Supplier: Acme Data",
        "Security Co.", "甲方：应于验收后三十日内付款。", "Customer: shall pay within 30 days.", "1. Fees payable by", "the Customer",
        "2. 供应商应当在合同签订后提供全部源代码及其相关技术文档和说明资料的", "完整副本", "Term And ", "5. and so on  ", "(a) the fees",
    ]

    @Test("normalising: the shortcut for lines needing only trimming equals rewriting every byte")
    func normalize() throws {
        for line in try Self.rawLines() + Self.hostile {
            #expect(ContractText.normalize(line) == ContractText.normalizeBytes(line), "\(line.debugDescription)")
        }
        #expect(ContractText.normalize("  a b  ") == "a b")
        #expect(ContractText.normalize("a  b") == "a b")
        #expect(ContractText.normalize("“服务”") == "\"服务\"")
        // Control characters are blanks; characters of no width are dropped.
        #expect(ContractText.normalize("三十\u{C}日内 \u{0}付款\u{1B}") == "三十 日内 付款")
        #expect(ContractText.normalize("上海\u{200B}国际\u{2060}仲裁\u{FEFF}中心") == "上海国际仲裁中心")
        #expect(ContractText.normalize("soft\u{AD}ware\u{85}licence") == "software licence")
    }

    @Test("heading checks on plain scalars answer like the checks on characters")
    func headings() throws {
        var plain = 0
        for raw in try Self.rawLines() + Self.hostile {
            let line = ContractText.normalize(raw)
            if let w = ContractLineParser.lastWord(line) {
                #expect(ContractLineParser.isLinkingWord(w) == ContractLineParser.linkingWords.contains(w.lowercased()), "\(w)")
            }
            guard let u = ContractText.plainScalars(line) else { continue }
            plain += 1
            #expect(ContractLineParser.isShortHeading(u) == ContractLineParser.isShortHeadingByCharacters(line), "\(line)")
            #expect(ContractLineParser.isTitleCase(u[...]) == ContractLineParser.isTitleCaseByCharacters(line), "\(line)")
            let fast = ContractLineParser.runInHeading(u)
            let slow = ContractLineParser.runInHeadingByCharacters(line)
            #expect(fast?.0 == slow?.0 && fast?.1 == slow?.1, "\(line)")
            #expect(ContractText.sentences(line, plain: true).map(\.0) == ContractText.sentences(line, plain: false).map(\.0))
            #expect(ContractText.sentences(line, plain: true).map(\.1) == ContractText.sentences(line, plain: false).map(\.1))
        }
        #expect(plain > 1_500)
        #expect(ContractLineParser.runInHeading(Array("License.  During the term".unicodeScalars))?.0 == "License")
        #expect(ContractLineParser.isTitleCase(Array("Payment Terms and the Fees".unicodeScalars)[...]))
        #expect(!ContractLineParser.isTitleCase(Array("Payment terms".unicodeScalars)[...]))
    }

    @Test("indentation by bytes equals indentation by characters")
    func indentation() throws {
        for line in try Self.rawLines() + Self.hostile {
            #expect(ContractText.indentWidth(line) == ContractText.indentWidthByCharacters(line), "\(line.debugDescription)")
        }
        #expect(ContractText.indentWidth("\t  \u{3000}x") == 8)
        #expect(ContractText.indentWidth(" \u{301}x") == 0)
    }

    @Test("lines are split on LF, CR and CRLF by memchr as one byte at a time")
    func splitByMemchr() {
        // One scalar at a time: a line ends at LF, at CR, or at CRLF (one line ending).
        func reference(_ text: String) -> [String] {
            var lines: [String] = []
            var line = ""
            var lastCR = false
            for u in text.unicodeScalars.dropFirst(text.unicodeScalars.first == "\u{FEFF}" ? 1 : 0) {
                if u == "\n" {
                    if !lastCR { lines.append(line) }
                    line = ""
                    lastCR = false
                } else if u == "\r" {
                    lines.append(line)
                    line = ""
                    lastCR = true
                } else {
                    line.unicodeScalars.append(u)
                    lastCR = false
                }
            }
            if !line.isEmpty { lines.append(line) }
            return lines
        }
        let pieces = ["a", "中文条款", "\r", "\n", "\r\n", "\n\r", "0123456789abcdef", "第一条 服务内容", " ", "\u{FEFF}", "é"]
        var generator = SplitMix(seed: 7)
        for n in 0..<400 {
            var text = n % 7 == 0 ? "\u{FEFF}" : ""
            for _ in 0..<Int(generator.next() % 40) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            #expect(ContractLineParser.splitLines(text) == reference(text), "\(text.debugDescription)")
            let (raw, distinct) = ContractLineParser.lines(text)
            #expect(raw == reference(text))
            #expect(distinct.index.map { raw[distinct.firsts[$0]] } == raw)
        }
    }

    /// A small deterministic generator for the split test (SplitMix64).
    private struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("how a line joins its neighbours, decided with each line, answers as the checks on both lines")
    func joins() throws {
        let lines = (try Self.rawLines() + Self.hostile).enumerated().map { ContractLineParser.parse($1, number: $0 + 1) }
        // Each line with the lines around it, and with a sample of every kind of line.
        let sample = stride(from: 0, to: lines.count, by: max(1, lines.count / 300)).map { lines[$0] }
        var wrapped = 0
        var continued = 0
        for (i, line) in lines.enumerated() {
            let j = line.joins
            #expect(j == ContractLineParser.joins(line))
            // A plain line is read by its scalars and bytes: the same as by its characters.
            #expect(j == ContractLineParser.joins(line, byCharacters: true), "\(line.raw.debugDescription)")
            #expect(ContractLineParser.continuesName(line) == ContractLineParser.continuesName(line, byCharacters: true))
            let value = ContractLineParser.continuation(line)
            #expect(ContractLineParser.isParticular(value, plain: line.plain) == ContractLineParser.isParticular(value))
            if line.plain, let word = ContractLineParser.lastWord(plain: line.afterNumber) {
                #expect(word == ContractLineParser.lastWord(line.afterNumber))
            } else if line.plain {
                #expect(ContractLineParser.lastWord(line.afterNumber) == nil)
            }
            for (text, open) in [
                (line.body, j.bodyOpen), (line.afterNumber, j.afterNumberOpen), (ContractLineParser.continuation(line), j.continuationOpen),
            ] {
                for next in lines[min(i + 1, lines.count)..<min(i + 4, lines.count)] + sample {
                    let continues = ContractLineParser.continues(text, with: next)
                    #expect(
                        continues
                            == (open
                                && (next.joins.continuesOpen
                                    || (next.joins.referenceStart && ContractLineParser.endsOnReference(line.text)))),
                        "\(text.debugDescription) → \(next.raw.debugDescription)")
                    if continues { continued += 1 }
                }
            }
            for next in lines[min(i + 1, lines.count)..<min(i + 4, lines.count)] + sample {
                let wraps = ContractLineParser.wrapsInto(line, next)
                #expect(
                    ContractLineParser.wraps(j, into: next.joins) == wraps, "\(line.raw.debugDescription) → \(next.raw.debugDescription)")
                if wraps { wrapped += 1 }
            }
        }
        // Both answers occur (the checks are not all false).
        #expect(wrapped > 50)
        #expect(continued > 1_000)
    }

    @Test("a long text is parsed in pieces on the cores: the same lines, in order, as one by one")
    func parallelParse() throws {
        let once = try Self.rawLines() + Self.hostile
        var lines = once
        while lines.count < 3 * 2_000 { lines += once }
        let oneByOne = lines.enumerated().map { ContractLineParser.parse($1, number: $0 + 1) }
        #expect(ContractLineParser.parse(lines, pieces: 3) == oneByOne)
        // Repeated lines parsed once: the text's lines, with which of them repeat.
        let text = lines.joined(separator: "\n")
        let (raw, distinct) = ContractLineParser.lines(text)
        #expect(raw == ContractLineParser.splitLines(text))
        #expect(distinct.firsts.count < lines.count / 2)
        #expect(ContractLineParser.parse(raw, distinct: distinct, pieces: 3) == ContractLineParser.parse(raw, pieces: 1))
        #expect(ContractLineParser.parse(Array(lines.prefix(10))) == Array(oneByOne.prefix(10)))
    }

    @Test("a long text is scanned in pieces on the cores: the same findings as on one thread, in 2 to 6 pieces")
    func parallelScan() throws {
        var text = ""
        let once = try Self.rawLines().joined(separator: "\n") + "\n" + Self.hostile.joined(separator: "\n")
        while text.utf8.count < 600_000 { text += once + "\n" }
        // Enough lines for six pieces of at least 1 000 lines, and paragraphs for more of 500.
        #expect(ContractLineParser.splitLines(text).filter { !$0.isEmpty }.count > 6_000)
        let oneThread = ContractScanner.scan(text, pieces: 1)
        #expect(oneThread.clauses.filter(\.present).count > 15)
        #expect(oneThread.redFlags.count > 50)
        for pieces in 2...6 { #expect(ContractScanner.scan(text, pieces: pieces) == oneThread, "\(pieces) pieces") }
    }

    @Test("repeated lines and paragraphs are read once: the same findings, on the right lines, as reading each")
    func repeatsReadOnce() throws {
        // Body text without headings of its own, repeated under different sections (its paragraphs
        // then read differently), at different lines, wrapped or not: every copy needs its own
        // lines and its own sections. And whole contracts repeated.
        let all = try Self.rawLines() + Self.hostile
        let body = all.filter {
            let l = ContractLineParser.parse($0, number: 1)
            return l.heading.isEmpty && l.level == nil
        }
        #expect(body.count > 200)
        let sections = [
            "", "## 12. Confidentiality", "第五条 付款", "1. Definitions", "Article 9 Limitation of Liability", "第十条 知识产权",
            "12.3 Suspension of Services",
        ]
        var text = ""
        for (k, section) in (sections + sections.reversed()).enumerated() {
            text += section + "\n" + body.joined(separator: k % 3 == 0 ? "\n" : "\n\n") + "\n"
            // Two sentences wrapped at other places after the same first line: the same paragraph over other lines.
            let wrapped =
                "The Vendor may suspend the Services\nwithout notice. The Buyer\nshall pay all fees within 10 days.\n\n"
                + "The Vendor may suspend the Services\nwithout\nnotice. The Buyer shall pay all fees within 10 days.\n\n"
            text += k % 2 == 0 ? all.joined(separator: "\n") + "\n" : "\n" + wrapped
        }
        let (lines, distinct) = ContractLineParser.lines(text)
        #expect(ContractLineParser.parse(lines, distinct: distinct, pieces: 1) == ContractLineParser.parse(lines, pieces: 1))
        typealias Readings = (flags: [RedFlagSentence], terms: [KeyTermSentence], security: [DataSecuritySentence])
        func reading(pieces: Int, repeatsOnce: Bool) -> (candidates: [ContractScanner.Candidate], sentences: [String], readings: Readings) {
            var candidates: [ContractScanner.Candidate] = []
            let read = ContractScanner.read(lines, distinct: repeatsOnce ? distinct : nil, pieces: pieces) { candidates.append($0) }
            // A copy's readings are its first's: they must be what reading the copy itself gives.
            let fresh = read.sentences.map { s in (RedFlagDetector.read(s), KeyTermExtractor.read(s), DataSecurityReviewer.read(s)) }
            #expect(read.redFlags == fresh.map(\.0))
            #expect(read.keyTerms == fresh.map(\.1))
            #expect(read.dataSecurity == fresh.map(\.2))
            return (
                candidates,
                read.sentences.map { s in
                    "\(s.line) \(s.paragraph) \(s.lines) \(s.kinds.bits) \(s.strongKinds.bits) \(s.sectionKinds.bits) \(s.definition) "
                        + "\(s.lowerPlain) \(s.text)|\(s.lower)|\(s.evidence)|\(s.sentence)"
                },
                (read.redFlags, read.keyTerms, read.dataSecurity)
            )
        }
        // As `ContractScanner.consider`: per kind, the first candidate of the highest score.
        func weighed(_ candidates: [ContractScanner.Candidate]) -> [ClauseKind: ContractScanner.Candidate] {
            var best: [ClauseKind: ContractScanner.Candidate] = [:]
            for c in candidates where best[c.kind].map({ $0.score < c.score }) ?? true { best[c.kind] = c }
            return best
        }
        let eachRead = reading(pieces: 1, repeatsOnce: false)
        #expect(eachRead.candidates.count > 5_000)
        #expect(eachRead.readings.flags.filter { $0 != RedFlagSentence() }.count > 500)
        #expect(eachRead.readings.terms.filter { !$0.slaResponses.isEmpty }.count > 50)
        #expect(eachRead.readings.security.filter { $0 != DataSecuritySentence() }.count > 200)
        // Mostly repeats, so most sentences come from a copy.
        let texts = ContractScanner.read(lines, pieces: 1) { _ in }.sentences.map(\.text)
        #expect(Set(texts).count * 4 < texts.count)
        for pieces in [1, 3] {
            let once = reading(pieces: pieces, repeatsOnce: true)
            // A copy's findings are not weighed again (they score as its first's, before it): the
            // findings kept are the same, and only those of first readings are offered.
            #expect(weighed(once.candidates) == weighed(eachRead.candidates), "\(pieces) pieces")
            #expect(once.candidates.count < eachRead.candidates.count / 2, "\(pieces) pieces")
            #expect(once.sentences == eachRead.sentences, "\(pieces) pieces")
            #expect(once.readings.flags == eachRead.readings.flags, "\(pieces) pieces")
            #expect(once.readings.terms == eachRead.readings.terms, "\(pieces) pieces")
            #expect(once.readings.security == eachRead.readings.security, "\(pieces) pieces")
        }
        #expect(ContractScanner.scan(text, pieces: 3) == ContractScanner.scan(text, pieces: 1, repeatsOnce: false))
    }

    @Test("the table of distinct lines grows past its first size and tells every line from every other")
    func distinctLinesTable() {
        // 5 000 distinct lines (empty, one byte, long, sharing prefixes), each twice, in a shuffled order.
        let distinct = ["", "a"] + (0..<4_998).map { "第\($0)条 " + String(repeating: "x", count: $0 % 40) }
        var order = Array(distinct.indices) + Array(distinct.indices)
        var generator = SplitMix(seed: 3)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(generator.next() % UInt64(i + 1))) }
        let text = order.map { distinct[$0] }.joined(separator: "\n")
        let (raw, found) = ContractLineParser.lines(text)
        #expect(raw == order.map { distinct[$0] })
        #expect(found.firsts.count == distinct.count)
        #expect(found.index.map { raw[found.firsts[$0]] } == raw)
        // The first of each pair is where that line was first seen.
        var firstSeen: [Int: Int] = [:]
        for (i, k) in order.enumerated() where firstSeen[k] == nil { firstSeen[k] = i }
        #expect(Set(found.firsts) == Set(firstSeen.values))
    }

    @Test("replacingAll on plain text (by memchr and memcmp) replaces as Foundation does, overlaps and ends included")
    func replacingAllAgreesWithFoundation() {
        let pieces = ["*", "**", "_", "__", " ", "a", "保密", "第一条", "x*y", "***"]
        var generator = SplitMix(seed: 11)
        for _ in 0..<600 {
            var text = ""
            for _ in 0..<Int(generator.next() % 12) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            for (target, with) in [("**", ""), ("__", ""), (" ", ""), ("*", "--"), ("保密", "[密]"), ("***", "*")] {
                #expect(text.replacingAll(target, with: with) == text.replacingOccurrences(of: target, with: with), "\(text) \(target)")
            }
        }
    }

    @Test("a scan of UTF-8 bytes finds what a scan of their text finds, and refuses bytes that are not UTF-8 wherever they are")
    func scanOfBytes() throws {
        let corpus = try ContractReaderPiecesTests.corpusText()
        // Repeated, with a byte-order mark, CRLF and a lone CR, and a U+FFFD written in the text.
        let texts = [
            corpus, corpus + "\n" + corpus, "\u{FEFF}" + corpus, "\u{FEFF}\u{301}第一条 保密\n", "\u{FEFF}",
            corpus.replacingOccurrences(of: "\n", with: "\r\n"), "第一条\r保密\r\n乙方\u{FFFD}应保密。", "", "\n\n",
        ]
        for text in texts {
            let scan = ContractScanner.scan(utf8: Array(text.utf8), pieces: 2)
            #expect(scan == ContractScanner.scan(text, pieces: 2), "\(text.prefix(20))")
            #expect(ContractScanner.scan(utf8: Array(text.utf8), pieces: 1, repeatsOnce: false) == scan)
        }
        #expect(ContractScanner.scan(corpus).redFlags.count > 100)
        // A bad byte in a line met once, in a repeated line's first copy, after a repeat, in a CR-ended
        // line, at the very end: each makes the whole refused (the caller then tries GB18030).
        let good = Array("乙方应保密。\n".utf8)
        let bad: [UInt8] = Array("乙方".utf8) + [0xBA, 0xCF] + Array("。".utf8)
        let cases: [[UInt8]] = [
            good + bad + [0x0A] + good, bad + [0x0A] + bad + [0x0A] + good, good + good + bad, Array("a\r".utf8) + bad + [0x0D],
            good + [0xE4, 0xB9],
        ]
        for bytes in cases {
            #expect(ContractScanner.scan(utf8: bytes, pieces: 1) == nil, "\(bytes)")
            #expect(String(validating: bytes, as: UTF8.self) == nil)
        }
    }

    @Test("the automaton's unit words cover every unit the quantity reader knows (a plain sentence without one skips it)")
    func unitWordsCoverQuantities() {
        for (word, unit) in QuantityScanner.unitWords {
            #expect(KeyTermExtractor.unitWords.words.contains { word.contains($0) }, "\(word)")
            if [.minute, .hour, .day, .businessDay].contains(unit) {
                #expect(KeyTermExtractor.slaUnits.words.contains { word.contains($0) }, "\(word)")
            }
        }
    }
}
