import Foundation
import Testing

@testable import BidbenchCore

/// The readers after the clause pass (red flags, key terms, data security) read each sentence on its
/// own, in pieces on the cores, and merge the readings in text order: the findings must not depend on
/// how the sentences were cut into pieces, nor a reading on where its sentence stands.
@Suite("Contract readers in pieces")
struct ContractReaderPiecesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ContractCorpus")

    /// Every contract of the labelled corpus, one after another: one text of many contracts.
    static func corpusText() throws -> String {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    }

    /// The sentences of a text as the readers get them, made by a simpler pass than the scanner's:
    /// each line's sentences with the kinds the clause rules give them, in the section of the last
    /// heading. Made anew for each read, so that each read makes the sentences' lazy parts itself.
    static func sentences(_ text: String) -> [ScannedSentence] {
        var section = ClauseKinds()
        var out: [ScannedSentence] = []
        for line in ContractLineParser.parse(ContractLineParser.splitLines(text), pieces: 1) where !line.body.isEmpty {
            if !line.heading.isEmpty { section = line.headingKinds }
            for (clause, whole, _, _) in ContractText.clauses(line.body) {
                let lower = ContractText.lowerASCIIBytes(clause)
                let hay = Haystack(lower)
                var kinds = ClauseKinds()
                var strong = ClauseKinds()
                for rule in ClauseRules.all where !rule.veto.matches(hay) {
                    if rule.strong.matches(hay) {
                        kinds.insert(rule.kind)
                        strong.insert(rule.kind)
                    } else if rule.weak.matches(hay) {
                        kinds.insert(rule.kind)
                    }
                }
                out.append(
                    ScannedSentence(
                        line: line.number, paragraph: line.number, text: clause, lower: lower, plain: false, hay: hay, kinds: kinds,
                        strongKinds: strong, sectionKinds: section, evidence: ContractText.clip(whole), sentence: whole,
                        lines: [line.number], definition: line.isDefinition))
            }
        }
        return out
    }

    /// The three readers' findings from readings made in `pieces` pieces of at least one sentence.
    struct Findings: Equatable {
        var flags: [RedFlag]
        var terms: ContractKeyTerms
        var security: DataSecurityReview
    }

    /// Each sentence's reading, made in `pieces` pieces of at least one sentence on the cores (each
    /// sentence by one thread, as the scan's paragraph pass makes them).
    static func readings<T>(_ s: [ScannedSentence], pieces: Int, _ read: (ScannedSentence) -> T) -> [T] {
        Parallel.map(s.count, minimum: 1, pieces: pieces) { read(s[$0]) }
    }

    static func findings(_ text: String, pieces: Int) -> Findings {
        let s = sentences(text)
        let flags = readings(s, pieces: pieces, RedFlagDetector.read)
        let terms = readings(s, pieces: pieces, KeyTermExtractor.read)
        let security = readings(s, pieces: pieces, DataSecurityReviewer.read)
        let none = ClauseFinding(kind: .data_return, line: nil, evidence: "", score: 0)
        return Findings(
            flags: RedFlagDetector.detect(s, readings: flags, present: [], rawLines: ContractLineParser.splitLines(text)),
            terms: KeyTermExtractor.extract(s, readings: terms),
            security: DataSecurityReviewer.review(s, readings: security, dataReturn: none))
    }

    @Test("a multi-contract text read in 2 to 6 pieces gives the same findings as on one thread")
    func piecesAgree() throws {
        let text = try Self.corpusText()
        let oneThread = Self.findings(text, pieces: 1)
        // Enough found that a reading lost or misplaced in the merge would show.
        #expect(oneThread.flags.count > 100)
        #expect(Set(oneThread.flags.map(\.kind)).count > 20)
        #expect(oneThread.terms.slaResponses.count > 10)
        #expect(oneThread.terms.penaltyRates.count > 5)
        #expect(oneThread.terms.governingLaw != nil && oneThread.terms.noticeDays != nil && oneThread.terms.termMonths != nil)
        #expect(oneThread.security.presentCount > 5 && !oneThread.security.vague.isEmpty)
        for pieces in 2...6 { #expect(Self.findings(text, pieces: pieces) == oneThread, "\(pieces) pieces") }
        // The entry points read the sentences themselves when not given readings.
        let s = Self.sentences(text)
        #expect(RedFlagDetector.detect(s, present: [], rawLines: ContractLineParser.splitLines(text)) == oneThread.flags)
        #expect(KeyTermExtractor.extract(Self.sentences(text)) == oneThread.terms)
    }

    @Test("a sentence's reading depends on its own text, not on its line or its neighbours")
    func readingsStandAlone() throws {
        let text = try Self.corpusText()
        let here = Self.sentences(text)
        // The same sentences three lines further down, in reverse order.
        let moved = Array(Self.sentences("\n\n\n" + text).reversed())
        #expect(here.count == moved.count)
        #expect(here.count > 400, "\(here.count)")
        #expect(moved.map(RedFlagDetector.read) == here.map(RedFlagDetector.read).reversed())
        #expect(moved.map(KeyTermExtractor.read) == here.map(KeyTermExtractor.read).reversed())
        #expect(moved.map(DataSecurityReviewer.read) == here.map(DataSecurityReviewer.read).reversed())
    }

    @Test("a data-loss sentence that refers back to an exclusion in the piece before is still flagged")
    func dataLossAcrossPieces() {
        let text = "In no event shall the vendor be liable for indirect damages. Examples of these damages include lost data.\n"
        let s = Self.sentences(text)
        #expect(s.count == 2)
        let readings = Self.readings(s, pieces: 2, RedFlagDetector.read)
        #expect(readings[1].facts.contains(.dataLoss) && readings[1].facts.contains(.refersBack))
        #expect(!readings[1].facts.contains(.excludes))
        let flags = RedFlagDetector.detect(s, readings: readings, present: Set(ClauseKind.allCases), rawLines: [text])
        #expect(flags.map(\.kind) == [.liability_excludes_data_loss])
        #expect(flags.first?.text == "Examples of these damages include lost data.")
        #expect(ContractScanner.scan(text).flags(.liability_excludes_data_loss).map(\.lines) == [[1]])
    }

    @Test("one support time per line, minutes and kind, though two sentences on the line state it")
    func supportTimeOncePerLine() {
        let text = "The vendor shall respond within 4 hours. For critical incidents the vendor shall respond within 4 hours.\n"
        let s = Self.sentences(text)
        #expect(s.count == 2)
        let readings = Self.readings(s, pieces: 2, KeyTermExtractor.read)
        #expect(readings.map { $0.slaResponses.map(\.minutes) } == [[240], [240]])
        let terms = KeyTermExtractor.extract(s, readings: readings)
        #expect(terms.slaResponses.map(\.minutes) == [240])
        #expect(terms.slaResponses.map(\.line) == [1])
        #expect(terms.slaResponses.map(\.kind) == [.response])
    }

    @Test("the readings' bit sets hold every red-flag kind and every safeguard")
    func readingBitsHoldEveryKind() {
        // `RedFlagSentence.kinds` is 32 bits by ordinal, `DataSecuritySentence.checks` 16 by index.
        #expect(RedFlagKind.allCases.count <= 32)
        #expect(DataSecurityReviewer.patterns.count <= 16)
        var r = RedFlagSentence()
        for kind in RedFlagKind.allCases { r.raise(kind) }
        #expect(RedFlagKind.allCases.allSatisfy(r.raises))
        #expect(r.kinds.nonzeroBitCount == RedFlagKind.allCases.count)
    }
}
