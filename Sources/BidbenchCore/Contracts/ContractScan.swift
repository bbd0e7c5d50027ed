#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a clause kind was found in a contract text.
public struct ClauseFinding: Equatable, Sendable {
    public var kind: ClauseKind
    /// 1-based line of the evidence; nil when the clause was not found.
    public var line: Int?
    /// The evidence: the line, trimmed (or, for a line longer than 200 characters, the matching
    /// sentence), clipped to 200 characters. Empty when not found.
    public var evidence: String
    /// How strong the evidence is (heading 5–6, strong sentence 4, weak 2, section support +2).
    public var score: Int
    public var present: Bool { line != nil }

    public init(kind: ClauseKind, line: Int?, evidence: String, score: Int) {
        self.kind = kind
        self.line = line
        self.evidence = evidence
        self.score = score
    }
}

/// Red flags from the buyer's point of view (ids used in JSON; the taxonomy of issue 15).
public enum RedFlagKind: String, Sendable, CaseIterable {
    case unilateral_price_change, unilateral_amendment, auto_renewal, long_notice_to_cancel, no_refund, vendor_may_suspend,
        data_deletion_or_no_return, liability_cap_low_or_one_sided, liability_excludes_data_loss, one_way_indemnity,
        vendor_forum_or_law, extra_fees_unspecified, scope_vague_or_vendor_decides, unilateral_service_change,
        usage_data_or_publicity, ip_vendor_owns_customisations, warranty_disclaimed, third_party_risk_disclaimed,
        buyer_license_restrictions, termination_asymmetry, payment_terms_harsh, confidentiality_one_sided,
        assignment_without_consent, no_source_code_escrow, amount_words_mismatch, language_versions_differ, missing_clause

    public init?(parsing s: String) { self.init(rawValue: s.lowercased()) }
}

extension RedFlagKind {
    /// The clause a flag is about (nil for `missing_clause`, whose clause is on the flag itself).
    public var clause: ClauseKind? {
        switch self {
        case .amount_words_mismatch, .language_versions_differ: return .fees
        case .unilateral_price_change: return .price_change
        case .unilateral_amendment: return .change_control
        case .auto_renewal, .long_notice_to_cancel: return .renewal
        case .no_refund, .payment_terms_harsh: return .payment
        case .vendor_may_suspend, .unilateral_service_change: return .services
        case .data_deletion_or_no_return: return .data_return
        case .liability_cap_low_or_one_sided, .liability_excludes_data_loss, .one_way_indemnity, .third_party_risk_disclaimed:
            return .liability
        case .vendor_forum_or_law: return .dispute_resolution
        case .extra_fees_unspecified: return .fees
        case .scope_vague_or_vendor_decides, .buyer_license_restrictions: return .scope
        // Source code and escrow are about who may use and maintain the software: intellectual property.
        case .no_source_code_escrow: return .ip
        case .usage_data_or_publicity: return .privacy
        case .ip_vendor_owns_customisations: return .ip
        case .warranty_disclaimed: return .warranty
        case .termination_asymmetry, .assignment_without_consent: return .termination
        case .confidentiality_one_sided: return .confidentiality
        case .missing_clause: return nil
        }
    }
}

/// A red flag with the lines and text that raise it (no line for a missing clause).
public struct RedFlag: Equatable, Sendable {
    public var kind: RedFlagKind
    /// For `missing_clause`: the clause the buyer needs.
    public var clause: ClauseKind?
    /// Every 1-based line the flagged sentence spans (a sentence wrapped over three lines cites all
    /// three); empty for a missing clause.
    public var lines: [Int]
    /// The whole sentence that carries the flag, never cut.
    public var text: String
    public var severity: RedFlagSeverity
    /// The first line, nil for a missing clause.
    public var line: Int? { lines.first }

    public init(kind: RedFlagKind, clause: ClauseKind? = nil, lines: [Int], text: String, severity: RedFlagSeverity? = nil) {
        self.kind = kind
        self.clause = clause
        self.lines = lines
        self.text = text
        self.severity = severity ?? kind.defaultSeverity
    }

    public init(kind: RedFlagKind, clause: ClauseKind? = nil, line: Int?, text: String) {
        self.init(kind: kind, clause: clause, lines: line.map { [$0] } ?? [], text: text)
    }

    /// A missing clause said in one language (`text` gives both, for JSON): `no acceptance clause` /
    /// `未约定验收`, or, for a support clause without times (cited at its line), what it lacks.
    /// `clauseName`: the clause's name in that language.
    public func missingText(chinese: Bool, clauseName: String) -> String {
        let lacking = RedFlagDetector.supportWithoutTimesText
        if clause == .support_sla && !lines.isEmpty { return chinese ? lacking.zh : lacking.en }
        return chinese ? "未约定\(clauseName)" : "no \(clauseName) clause"
    }
}

/// A support time stated in the contract: a response (`2小时内响应`, `respond within 4 hours`) or a
/// resolution (`4小时内恢复`, `restore service within 8 hours`).
public struct SLAResponse: Equatable, Sendable {
    public enum Kind: String, Sendable { case response, resolution }
    /// The time in minutes; for working days, 1 440 a day (their calendar length is the ticket's).
    public var minutes: Int
    /// Set when the contract counts in working days (`3 个工作日`, `2 business days`).
    public var businessDays: Int?
    public var kind: Kind
    public var line: Int
    public var text: String
    public init(minutes: Int, businessDays: Int? = nil, kind: Kind, line: Int, text: String) {
        self.minutes = minutes
        self.businessDays = businessDays
        self.kind = kind
        self.line = line
        self.text = text
    }
}

extension SLAResponse {
    /// The time as the contract counts it: `4 h`, `30 min`, `2 d`, `3 working days`; in Chinese
    /// `4 小时`, `30 分钟`, `2 天`, `3 个工作日`.
    public func timeText(chinese: Bool) -> String { Self.timeText(minutes: minutes, businessDays: businessDays, chinese: chinese) }

    public static func timeText(minutes m: Int, businessDays: Int?, chinese: Bool) -> String {
        if let n = businessDays { return chinese ? "\(n) 个工作日" : n == 1 ? "1 working day" : "\(n) working days" }
        if m % 1440 == 0 { return chinese ? "\(m / 1440) 天" : "\(m / 1440) d" }
        if m % 60 == 0 { return chinese ? "\(m / 60) 小时" : "\(m / 60) h" }
        return chinese ? "\(m) 分钟" : "\(m) min"
    }
}

/// A penalty or late-payment rate (`每日万分之五` = 500 ppm per day, `0.1% per day`).
public struct PenaltyRate: Equatable, Sendable {
    /// The rate in parts per million (万分之五 = 500, 0.05% = 500, 千分之一 = 1000).
    public var partsPerMillion: Int
    /// `hour`, `day`, `week`, `month`, `year` or `once`.
    public var per: String
    public var line: Int
    /// The whole sentence that states the rate.
    public var text: String
    public init(partsPerMillion: Int, per: String, line: Int, text: String) {
        self.partsPerMillion = partsPerMillion
        self.per = per
        self.line = line
        self.text = text
    }
    /// The rate as an exact percentage (`0.05%` for 万分之五, `0.1%` for 千分之一), as people read it.
    public var percent: String {
        let whole = partsPerMillion / 10_000
        var fraction = String(partsPerMillion % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole)" + (fraction.isEmpty ? "" : "." + fraction) + "%"
    }
    /// The rate as an exact decimal string (`0.0005`).
    public var decimal: String {
        let whole = partsPerMillion / 1_000_000
        var frac = String(partsPerMillion % 1_000_000)
        frac = String(repeating: "0", count: 6 - frac.count) + frac
        while frac.last == "0" { frac.removeLast() }
        return frac.isEmpty ? "\(whole)" : "\(whole).\(frac)"
    }
}

/// Key terms stated in a contract; nil / empty where the text does not state them.
public struct ContractKeyTerms: Equatable, Sendable {
    /// The payment term as said to a reader: `15 天`, `15 个工作日` (a lawyer's pass: fifteen working
    /// days, about three weeks, read `15 天`).
    public func paymentDueText(chinese: Bool) -> String? {
        paymentDueDays.map { n in
            paymentDueBusinessDays
                ? (chinese ? "\(n) 个工作日" : "\(n) business day\(n == 1 ? "" : "s")") : (chinese ? "\(n) 天" : "\(n) days")
        }
    }

    /// The cap sentence quoted in at most `width` columns so that the cap itself shows: a sentence
    /// whose cap comes late ("Except for … in no event shall … exceed the total amount paid … in the
    /// three (3) months preceding …") is quoted from a few words before its cap words, with `…` for
    /// what is left out (a lawyer's pass: the quote cut at 100 characters ended before the amount).
    public func liabilityCapQuote(width: Int) -> String? {
        guard let cap = liabilityCap else { return nil }
        if TextWidth.of(cap) <= width { return cap }
        let chars = Array(cap)
        let lower = chars.map { $0.isASCII ? Character($0.lowercased()) : $0 }
        func find(_ word: String, from: Int = 0) -> Int? {
            let w = Array(word)
            guard w.count <= lower.count else { return nil }
            return (from...(lower.count - w.count)).first { i in lower[i..<(i + w.count)].elementsEqual(w) }
        }
        var found: (at: Int, end: Int)?
        for word in Self.capWords {
            guard var at = find(word), found.map({ at < $0.at }) ?? true else { continue }
            let end = at + word.count
            // `以…为限`: the amount stands between the two.
            if word == "为限", let open = (max(0, at - 40)..<at).last(where: { chars[$0] == "以" }) { at = open }
            found = (at, end)
        }
        let columns = { (r: Range<Int>) in chars[r].reduce(0) { $0 + TextWidth.of($1) } }
        // Cap words early enough that the head shows them and what follows: the head.
        guard let (at, end) = found, columns(0..<end) + 24 > width else { return TextWidth.clip(cap, to: width) }
        var start = at
        while start > 0 && columns(start..<at) < 24 { start -= 1 }
        // From a word's start (a Latin word is not cut).
        while start < at && start > 0 && chars[start - 1].isLetter && chars[start - 1].isASCII { start += 1 }
        while start < at && chars[start].isWhitespace { start += 1 }
        return "…" + TextWidth.clip(String(chars[start...]), to: width - 1)
    }

    /// The words that state a cap, from which `liabilityCapQuote` quotes: the red flags' (`RedFlagDetector.capWords`)
    /// but "cap" alone (`16.1. General Cap` heads the sentence it caps), and "up to".
    static let capWords =
        RedFlagDetector.capWordSources.flatMap { $0.split(separator: "|").map(String.init) }.filter { $0 != "cap" } + ["up to"]

    public var termMonths: Int?
    public var renewalMonths: Int?
    /// Notice period in days: the non-renewal notice when stated, else the termination notice.
    public var noticeDays: Int?
    public var paymentDueDays: Int?
    /// Whether `paymentDueDays` counts working days (`十五个工作日内支付`, "within 15 business days").
    public var paymentDueBusinessDays = false
    /// The sentence that caps liability.
    public var liabilityCap: String?
    public var governingLaw: String?
    public var disputeForum: String?
    /// `arbitration` or `court`.
    public var disputeForumType: String?
    public var slaResponses: [SLAResponse] = []
    public var penaltyRates: [PenaltyRate] = []
    /// The sentence on price changes during the term (a cap, a notice, a freeze, or the vendor's right).
    public var priceChange: String?
    public init() {}
}

/// The result of reviewing one contract text.
public struct ContractScan: Equatable, Sendable {
    /// One finding per clause kind, in `ClauseKind.allCases` order.
    public var clauses: [ClauseFinding]
    public var keyTerms: ContractKeyTerms
    public var redFlags: [RedFlag]
    /// The data-security review in depth (encryption, access, logs, backup, breach notice, law, location…).
    public var dataSecurity = DataSecurityReview()

    /// The finding for one kind.
    public func finding(_ kind: ClauseKind) -> ClauseFinding {
        clauses.first { $0.kind == kind } ?? ClauseFinding(kind: kind, line: nil, evidence: "", score: 0)
    }
    /// Whether the clause kind was found.
    public func has(_ kind: ClauseKind) -> Bool { finding(kind).present }

    /// A first review for reviews.csv: `missing` when the clause is absent, `negotiate` when a red flag
    /// concerns it (the note names the flags), else `ok`; the line is the evidence line.
    public func suggestedReviews(contract: String) -> [ClauseReview] {
        clauses.map { f in
            let concerns = redFlags.filter { ($0.clause ?? $0.kind.clause) == f.kind && $0.kind != .missing_clause }
            if !f.present { return ClauseReview(contract: contract, clause: f.kind, status: .missing) }
            if !concerns.isEmpty {
                let note = concerns.map { $0.kind.rawValue + ($0.line.map { " (line \($0))" } ?? "") }.joined(separator: "; ")
                return ClauseReview(contract: contract, clause: f.kind, status: .negotiate, line: f.line, note: note)
            }
            return ClauseReview(contract: contract, clause: f.kind, status: .ok, line: f.line)
        }
    }
    /// The red flags of one kind, in line order.
    public func flags(_ kind: RedFlagKind) -> [RedFlag] { redFlags.filter { $0.kind == kind } }
}

/// A sentence of the contract with what was recognised in it, at its place in the text. A copy is
/// one reference (the rule passes hand sentences around and keep lists of them), and a repeated
/// paragraph's copies share one reading (`Shared`) moved down by `shift` lines.
struct ScannedSentence {
    /// The reading every copy shares: its text, haystack and what the rules found, with the lines
    /// of the first copy read (a copy adds its `shift`). Its lazy parts are made by one thread at a
    /// time: the one that read the paragraph, then the readers' merge after the parallel pass.
    final class Shared {
        let line: Int
        let paragraph: Int
        let text: String
        private(set) lazy var lower = String(decoding: hay.bytes, as: UTF8.self)
        let hay: Haystack
        let kinds: ClauseKinds
        let strongKinds: ClauseKinds
        let sectionKinds: ClauseKinds
        let evidence: String
        let sentence: String
        let lines: [Int]
        let definition: Bool
        let lowerIsPlain: Bool
        private(set) lazy var lowerCharacters: CharacterArray =
            lowerIsPlain ? .plain(Array(lower.unicodeScalars)) : .general(Array(lower))
        private(set) lazy var quantities = QuantityScanner.scan(lowerCharacters)

        init(
            line: Int, paragraph: Int, text: String, hay: Haystack, lowerIsPlain: Bool, kinds: ClauseKinds,
            strongKinds: ClauseKinds, sectionKinds: ClauseKinds, evidence: String, sentence: String, lines: [Int],
            definition: Bool
        ) {
            self.line = line
            self.paragraph = paragraph
            self.text = text
            self.hay = hay
            self.lowerIsPlain = lowerIsPlain
            self.kinds = kinds
            self.strongKinds = strongKinds
            self.sectionKinds = sectionKinds
            self.evidence = evidence
            self.sentence = sentence
            self.lines = lines
            self.definition = definition
        }
    }

    private let shared: Shared
    /// How many lines below the first reading this copy is.
    private let shift: Int

    var line: Int { shared.line + shift }
    /// Which reading this is: the same for a repeated paragraph's copies of one sentence.
    var reading: ObjectIdentifier { ObjectIdentifier(shared) }
    /// The first line of the paragraph the sentence belongs to (wrapped lines form one paragraph).
    var paragraph: Int { shared.paragraph + shift }
    /// Normalised, original case.
    var text: String { shared.text }
    /// `text` lower-cased (ASCII only), made when first asked: the patterns read `hay`'s bytes.
    var lower: String { shared.lower }
    /// `lower` as bytes, for the patterns.
    var hay: Haystack { shared.hay }
    /// Kinds whose strong or weak patterns matched this sentence.
    var kinds: ClauseKinds { shared.kinds }
    /// Kinds whose strong patterns matched.
    var strongKinds: ClauseKinds { shared.strongKinds }
    /// Kinds of the line's own heading and of the enclosing sections' headings.
    var sectionKinds: ClauseKinds { shared.sectionKinds }
    /// The evidence to quote for this sentence.
    var evidence: String { shared.evidence }
    /// The whole sentence (not clipped) and every line it spans, for red flags.
    var sentence: String { shared.sentence }
    var lines: [Int] { shift == 0 ? shared.lines : shared.lines.map { $0 + shift } }
    /// A sentence of a definition: never a clause, but it can carry a red flag.
    var definition: Bool { shared.definition }

    /// `lower` is the bytes of the text lower-cased (`ContractText.lowerASCIIBytes`); `plain`: whether
    /// the text is known to be plain (else decided here); `hay`: the haystack of `lower` when made already.
    init(
        line: Int, paragraph: Int, text: String, lower: [UInt8], plain: Bool, hay: Haystack? = nil, kinds: ClauseKinds,
        strongKinds: ClauseKinds, sectionKinds: ClauseKinds, evidence: String, sentence: String = "", lines: [Int] = [],
        definition: Bool = false
    ) {
        shared = Shared(
            line: line, paragraph: paragraph, text: text, hay: hay ?? Haystack(lower),
            lowerIsPlain: plain || lower.withUnsafeBufferPointer(ContractText.isPlain), kinds: kinds,
            strongKinds: strongKinds, sectionKinds: sectionKinds, evidence: evidence, sentence: sentence, lines: lines,
            definition: definition)
        shift = 0
    }

    private init(_ shared: Shared, shift: Int) {
        self.shared = shared
        self.shift = shift
    }

    /// The same sentence `shift` lines further down (a repeated paragraph's copy): shares the text,
    /// the haystack, what the rules found and what the readers made of it since.
    func moved(by shift: Int) -> ScannedSentence {
        ScannedSentence(shared, shift: self.shift + shift)
    }

    /// A strong sentence for the kind, or any sentence in a section headed by it.
    func about(_ kind: ClauseKind) -> Bool { shared.strongKinds.contains(kind) || shared.sectionKinds.contains(kind) }

    /// `lower` by character offset, for the key-term and red-flag readers (made when first asked).
    var lowerCharacters: CharacterArray { shared.lowerCharacters }
    /// The quantities in `lower` (made when first asked; several readers look at them).
    var quantities: [Quantity] { shared.quantities }

    /// `lowerContainsAny(words.words)`, answered by the haystack's literal bits when both sides are
    /// plain and the words are in the index.
    func lowerContainsAny(_ words: SubstringWords) -> Bool {
        let group = words.set.group
        guard words.plain, shared.lowerIsPlain, !hay.unfiltered, group.bit >= 0 else { return lowerContainsAny(words.words) }
        // Each word is a pattern of one literal (not empty, since plain) anchored on it: the
        // pattern's bit is set exactly when the literal occurs, and the set's bits are one read.
        return group.patternBits.contains { hay.has($0) }
    }

    /// `ContractText.containsAny(lower, words)`, searching the haystack's bytes when `lower` is plain.
    func lowerContainsAny(_ words: [String]) -> Bool {
        guard shared.lowerIsPlain else { return ContractText.containsAny(lower, words) }
        return hay.bytes.withUnsafeBufferPointer { h in
            words.contains { w in
                var bytes = w
                let plainWord = bytes.withUTF8 { n in n.isEmpty || !ContractText.isPlain(n) ? nil : ContractText.occurs(n, in: h) }
                return plainWord ?? lower.contains(w)
            }
        }
    }

    /// Whether `lower` is plain (see `ContractText.isPlain`): the key-term and red-flag readers then
    /// rule words out on the haystack's bits and read windows as scalars.
    var lowerPlain: Bool { shared.lowerIsPlain }
}

/// A set of clause kinds as bits (the scanner's inner loop tests and unions them per sentence).
struct ClauseKinds: Hashable, ExpressibleByArrayLiteral, Sendable {
    private(set) var bits: UInt32 = 0
    init() {}
    init(arrayLiteral kinds: ClauseKind...) { for k in kinds { insert(k) } }
    @inline(__always) func contains(_ kind: ClauseKind) -> Bool { bits & kind.bit != 0 }
    @inline(__always) mutating func insert(_ kind: ClauseKind) { bits |= kind.bit }
    @inline(__always) mutating func formUnion(_ other: ClauseKinds) { bits |= other.bits }
    @inline(__always) func union(_ other: ClauseKinds) -> ClauseKinds {
        var u = self
        u.bits |= other.bits
        return u
    }
    /// The kinds, in `ClauseKind.allCases` order.
    var members: [ClauseKind] { ClauseKind.allCases.filter(contains) }
}

// Compared and hashed by case, not by raw string (what RawRepresentable's defaults do): the
// scanner and the checklist key tables by kind thousands of times a contract.
extension ClauseKind {
    public static func == (a: ClauseKind, b: ClauseKind) -> Bool { a.ordinal == b.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

extension RedFlagKind {
    public static func == (a: RedFlagKind, b: RedFlagKind) -> Bool { a.ordinal == b.ordinal }
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

extension ClauseKind {
    /// The kind's position in `allCases`.
    var ordinal: Int {
        switch self {
        case .scope: return 0
        case .fees: return 1
        case .payment: return 2
        case .services: return 3
        case .support_sla: return 4
        case .warranty: return 5
        case .acceptance: return 6
        case .liability: return 7
        case .penalty: return 8
        case .term: return 9
        case .renewal: return 10
        case .termination: return 11
        case .data_return: return 12
        case .data_security: return 13
        case .privacy: return 14
        case .confidentiality: return 15
        case .change_control: return 16
        case .price_change: return 17
        case .ip: return 18
        case .dispute_resolution: return 19
        case .governing_law: return 20
        case .force_majeure: return 21
        }
    }
    @inline(__always) var bit: UInt32 { 1 << UInt32(ordinal) }
}

/// Contract review: clause detection, key terms and red flags (see `scan`).
public enum ContractScanner {
    /// The smallest score at which a clause counts as present: a heading, or a strong sentence.
    static let presenceThreshold = 4

    /// Reviews a contract text (Chinese, English or both): clauses with evidence, key terms, red flags.
    /// Builds the rule tables now (about 10 ms, once per process) instead of on the first scan, so
    /// an interactive program can pay it while nobody waits for a key.
    public static func prepare() {
        _ = scan("第一条 服务内容\n乙方有权调整价格。\nSection 1. Services\nThe vendor may suspend the service.\n")
    }

    /// A paragraph as the pass over the lines leaves it for the rules: where its text is, and what
    /// the sections around it say. It holds no string or list (one per line of a long text, repeats
    /// included, retained and released one by one, was a sixth of a `contract check`): its text is
    /// that of its first line, or one of `Paragraphs.joined`; only a paragraph that is read is given
    /// them (`Text`).
    private struct Paragraph {
        /// The paragraph's first line: its number, and whether it is only a heading.
        var number: Int
        /// The lines from the first to the last it joins (more than it joins across a page break).
        var span: Int
        /// Its first line among the parsed ones (`Paragraphs.lines`).
        var line: Int
        /// Its text when it is that line's alone: the text after the numbering (a heading that starts a
        /// wrapped sentence) or the body.
        var afterNumber: Bool
        /// Where its text is in `Paragraphs.joined` when it joins more than one line, else -1.
        var joined: Int
        var bare: Bool
        /// Whether its text is plain (every joined line was); false: not known.
        var plain: Bool
        /// A definition, or a paragraph under a definitions heading: never a clause.
        var definition: Bool
        var headingKinds: ClauseKinds
        var ancestors: ClauseKinds
        /// A heading with no text under it before the next heading of its level or above: it shows no
        /// clause (a lawyer's pass: a file of bare headings was 15 of 22 clauses found).
        var emptySection = false
    }

    /// The paragraphs of a text with what their texts are made of: the parsed lines, and the texts of
    /// those that join lines, each with where its lines after the first start in it.
    private struct Paragraphs {
        var lines: [ContractLine]
        var all: [Paragraph] = []
        var joined: [(text: String, later: [(offset: Int, line: Int)])] = []

        /// What reading paragraph `i` needs of its text: its first line as written, its text, where its
        /// later lines start.
        func text(_ i: Int) -> Text {
            let p = all[i]
            let raw = lines[p.line].raw
            if p.joined >= 0 { return Text(raw: raw, text: joined[p.joined].text, later: joined[p.joined].later) }
            return Text(raw: raw, text: p.afterNumber ? lines[p.line].afterNumber : lines[p.line].body, later: [])
        }
    }

    /// A paragraph's own text (see `Paragraphs.text`).
    private struct Text {
        var raw: String
        var text: String
        /// Where each line after the first starts in `text` (empty for a paragraph of one line).
        var later: [(offset: Int, line: Int)]
    }

    /// A clause finding to weigh, in the order the text gives them (the first of equal scores wins).
    struct Candidate: Equatable {
        var kind: ClauseKind
        var line: Int
        var evidence: String
        var score: Int
    }

    /// Reviews a contract text in three passes: the lines into paragraphs with their sections (in
    /// order: a section's kinds come from the headings before it); each paragraph's sentences read
    /// through the rules (on their own text only, so a long text is read on the cores at once); the
    /// findings weighed in the order of the text.
    public static func scan(_ text: String) -> ContractScan { scan(text, pieces: Parallel.pieces) }

    /// `scan` reading every line and paragraph, even those that repeat one read already: what a text
    /// of the same size without repeats costs (for the benchmark). The same findings as `scan`.
    public static func scanReadingEach(_ text: String) -> ContractScan {
        scan(text, pieces: Parallel.pieces, repeatsOnce: false)
    }

    /// `scan` with the parallel passes in at most `pieces` pieces (1: all on this thread, for the tests);
    /// `repeatsOnce`: false reads every line and paragraph, even repeated ones (for the tests).
    static func scan(_ text: String, pieces: Int, repeatsOnce: Bool = true) -> ContractScan {
        let (rawLines, distinctLines) = ContractLineParser.lines(text, repeatsOnce: repeatsOnce)
        let result = scan(rawLines, distinctLines, pieces: pieces, repeatsOnce: repeatsOnce)
        Discard.later((consume rawLines, consume distinctLines))
        return result
    }

    /// `scan` of a file's bytes as UTF-8 (a leading byte-order mark dropped); nil when they are not
    /// valid UTF-8. No string of the whole text is made: the lines are cut from the bytes, and only
    /// those that are not a repeat are checked and made strings.
    public static func scan(utf8 bytes: [UInt8]) -> ContractScan? { scan(utf8: bytes, pieces: Parallel.pieces) }

    /// `scan(utf8:)` in at most `pieces` pieces; `repeatsOnce` as in `scan`.
    static func scan(utf8 bytes: [UInt8], pieces: Int, repeatsOnce: Bool = true) -> ContractScan? {
        let lines = bytes.withUnsafeBufferPointer {
            ContractLineParser.lines(utf8: $0, repeatsOnce: repeatsOnce, validating: true)
        }
        guard let (rawLines, distinctLines) = lines else { return nil }
        let result = scan(rawLines, distinctLines, pieces: pieces, repeatsOnce: repeatsOnce)
        Discard.later((consume rawLines, consume distinctLines))
        return result
    }

    private static func scan(_ rawLines: [String], _ distinctLines: Distinct, pieces: Int, repeatsOnce: Bool) -> ContractScan {
        var best = [ClauseFinding?](repeating: nil, count: ClauseKind.allCases.count)
        let parties = PartyNames.find(rawLines)
        let furniture = PageFurniture.find(rawLines, distinct: distinctLines)
        let read = read(
            rawLines, distinct: repeatsOnce ? distinctLines : nil, pieces: pieces, parties: parties, furniture: furniture
        ) { c in
            consider(&best, kind: c.kind, line: c.line, evidence: c.evidence, score: c.score)
        }
        let sentences = read.sentences
        // What the clauses, key terms and the data-security review quote, in the contract's own words as
        // the red flags' quotes (`RawQuote`): found from the line each cites, on that line and the few
        // after it that its sentence may run on to.
        // Found once per text and lines (a repeated paragraph's key terms repeat: 1 600 of them in the
        // 4 MB corpus cost 8 ms found one by one).
        // Keyed by which distinct lines they are (`distinctLines`), not by their text: hashing the
        // lines' text was a twentieth of a scan of a text without repeats.
        struct Quoted: Hashable {
            var text: String
            var lines: ArraySlice<Int>
        }
        var found: [Quoted: String] = [:]
        func own(_ text: String, _ line: Int?) -> String {
            guard let line, line >= 1, line <= rawLines.count else { return text }
            // A clipped quote (`…` at its end) is found by what it keeps, and clipped again.
            if text.hasSuffix("…") { return own(String(text.dropLast()), line) + "…" }
            let range = (line - 1)..<min(rawLines.count, line + 5)
            let key = Quoted(text: text, lines: distinctLines.index[range])
            if let known = found[key] { return known }
            let words = RawQuote.find(text, in: Array(rawLines[range])) ?? text
            found[key] = words
            return words
        }
        // A clause's evidence from a wrapped paragraph was its normalised reading (`，` as `,`).
        let clauses = ClauseKind.allCases.map { kind -> ClauseFinding in
            if var f = best[kind.ordinal], f.score >= presenceThreshold {
                f.evidence = own(f.evidence, f.line)
                return f
            }
            return ClauseFinding(kind: kind, line: nil, evidence: "", score: best[kind.ordinal]?.score ?? 0)
        }
        let present = Set(clauses.filter(\.present).map(\.kind))
        var (keyTerms, capLine) = KeyTermExtractor.extractWithCapLine(sentences, readings: read.keyTerms)
        // Support times in a table (a header row naming the kinds, a row per severity), which no
        // sentence states whole; a time read from a row's sentence already is not listed twice.
        let tabled = SLATable.responses(rawLines, distinct: distinctLines).filter { t in
            !keyTerms.slaResponses.contains { $0.line == t.line && $0.minutes == t.minutes && $0.kind == t.kind }
        }
        if !tabled.isEmpty {
            keyTerms.slaResponses = (keyTerms.slaResponses + tabled).enumerated().sorted {
                ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
            }
            .map(\.element)
        }
        if let f = clauses.first(where: { $0.kind == .price_change }), f.present { keyTerms.priceChange = f.evidence }
        let support = clauses[ClauseKind.support_sla.ordinal]
        let supportWithoutTimes =
            support.present && keyTerms.slaResponses.isEmpty && !RedFlagDetector.statesServiceLevel(sentences) ? support.line : nil
        let flags = RedFlagDetector.detect(
            sentences, readings: read.redFlags, present: present, rawLines: rawLines, distinct: distinctLines,
            supportWithoutTimes: supportWithoutTimes, parties: parties)
        var security = DataSecurityReviewer.review(
            sentences, readings: read.dataSecurity, dataReturn: clauses.first { $0.kind == .data_return }!)
        if let cap = keyTerms.liabilityCap { keyTerms.liabilityCap = own(cap, capLine) }
        for i in keyTerms.slaResponses.indices {
            keyTerms.slaResponses[i].text = own(keyTerms.slaResponses[i].text, keyTerms.slaResponses[i].line)
        }
        for i in keyTerms.penaltyRates.indices {
            keyTerms.penaltyRates[i].text = own(keyTerms.penaltyRates[i].text, keyTerms.penaltyRates[i].line)
        }
        for i in security.items.indices { security.items[i].text = own(security.items[i].text, security.items[i].line) }
        for i in security.vague.indices { security.vague[i].text = own(security.vague[i].text, security.vague[i].line) }
        Discard.later(consume read)
        return ContractScan(clauses: clauses, keyTerms: keyTerms, redFlags: flags, dataSecurity: security)
    }

    /// The first two passes of `scan` over the lines: each clause finding to weigh, in text order,
    /// to `candidate` (a repeated paragraph's copies offer none: see below), and the sentences for
    /// the other readers. `distinct`: which lines are the same
    /// (`ContractLineParser.lines`), so that repeated lines and paragraphs are read once; nil: every
    /// line and paragraph is read. `furniture`: the lines of the printed page (`PageFurniture`), read
    /// as blank, and a sentence is joined across them.
    static func read(
        _ rawLines: [String], distinct: Distinct? = nil, pieces: Int, parties: PartyNames = PartyNames(),
        furniture: [Bool]? = nil, candidate: (Candidate) -> Void
    ) -> Sentences {
        let lineIDs = distinct ?? Distinct.identity(rawLines.count)
        let parsed = self.paragraphs(
            ContractLineParser.parseDistinct(rawLines, lineIDs, pieces: pieces), ids: lineIDs.index, furniture: furniture)
        let paragraphs = parsed.all
        // A paragraph repeated with the same sections around it is read once (its reading depends
        // only on what `ParagraphKey` holds); its copies get the reading moved to their lines.
        let repeatsOnce = distinct != nil
        let distinct =
            !repeatsOnce
            ? Distinct.identity(paragraphs.count)
            : ParagraphKey.distinct(paragraphs, lineIDs: lineIDs.index)
        // A run of paragraphs is read into one set of lists (not small lists per paragraph).
        let readings = Parallel.ranges(distinct.firsts.count, minimum: 500, pieces: pieces) { range in
            var reading = Reading(remembers: repeatsOnce)
            for k in range {
                read(paragraphs[distinct.firsts[k]], parsed.text(distinct.firsts[k]), parties: parties, into: &reading)
                reading.ends.append((reading.candidates.count, reading.sentences.sentences.count))
            }
            return reading
        }
        // Where each distinct paragraph's reading is: its reading and its place in it.
        var place: [(reading: Int, at: Int)] = []
        place.reserveCapacity(distinct.firsts.count)
        for (r, reading) in readings.enumerated() { for at in reading.ends.indices { place.append((r, at)) } }
        var sentences = Sentences()
        sentences.reserveCapacity(paragraphs.count)
        // Sentences are taken a run at a time: consecutive paragraphs whose readings follow one
        // another in one reading, moved alike (a repeated block of paragraphs, or first readings).
        var run: (reading: Int, sentences: Range<Int>, shift: Int)?
        func flush() {
            if let run { sentences.append(readings[run.reading].sentences, run.sentences, movedBy: run.shift) }
        }
        for (i, p) in paragraphs.enumerated() {
            let k = distinct.index[i]
            let (r, at) = place[k]
            let reading = readings[r]
            let candidates = (at == 0 ? 0 : reading.ends[at - 1].candidates)..<reading.ends[at].candidates
            let read = (at == 0 ? 0 : reading.ends[at - 1].sentences)..<reading.ends[at].sentences
            let shift = p.number - paragraphs[distinct.firsts[k]].number
            // A copy's findings score as its first reading's, which the text gave before it and
            // which were weighed already: the first of equal scores wins, so a copy never changes one.
            if shift == 0 {
                for c in reading.candidates[candidates] { candidate(c) }
            }
            if let current = run, current.reading == r, current.shift == shift, current.sentences.upperBound == read.lowerBound {
                run = (r, current.sentences.lowerBound..<read.upperBound, shift)
            } else {
                flush()
                run = (r, read, shift)
            }
        }
        flush()
        Discard.later((consume parsed, consume readings))
        return sentences
    }

    /// The sentences of a text, in order, each with what the red-flag, key-term and data-security
    /// readers found in its own text (read with it, so a repeated paragraph's sentences are read once).
    struct Sentences {
        var sentences: [ScannedSentence] = []
        var redFlags: [RedFlagSentence] = []
        var keyTerms: [KeyTermSentence] = []
        var dataSecurity: [DataSecuritySentence] = []

        mutating func reserveCapacity(_ n: Int) {
            sentences.reserveCapacity(n)
            redFlags.reserveCapacity(n)
            keyTerms.reserveCapacity(n)
            dataSecurity.reserveCapacity(n)
        }

        /// Reads a new sentence (on the thread that made it: its lazy parts are made by this thread only).
        mutating func append(_ s: ScannedSentence) {
            sentences.append(s)
            redFlags.append(RedFlagDetector.read(s))
            keyTerms.append(KeyTermExtractor.read(s))
            dataSecurity.append(DataSecurityReviewer.read(s))
        }

        /// A sentence whose text and sections were read already elsewhere: the readers' findings are
        /// those of its text (`SentenceReading`).
        mutating func append(_ s: ScannedSentence, read: SentenceReading.Readers) {
            sentences.append(s)
            redFlags.append(read.redFlags)
            keyTerms.append(read.keyTerms)
            dataSecurity.append(read.dataSecurity)
        }

        /// Sentences of `other` (in `range`) with their readings, moved `shift` lines down.
        mutating func append(_ other: Sentences, _ range: Range<Int>, movedBy shift: Int) {
            if shift == 0 {
                sentences += other.sentences[range]
            } else {
                for s in other.sentences[range] { sentences.append(s.moved(by: shift)) }
            }
            redFlags += other.redFlags[range]
            keyTerms += other.keyTerms[range]
            dataSecurity += other.dataSecurity[range]
        }
    }

    // Kept as one function: one walk in text order that joins wrapped lines and keeps the section stack,
    // both reading the line's fields in place (a copy of a line retains its strings: the scan's speed).
    /// The paragraphs of the parsed lines (wrapped lines joined), each with its section's kinds.
    /// `lines`: the distinct lines parsed; `ids`: which of them each line of the text is.
    private static func paragraphs(_ lines: [ContractLine], ids: [Int], furniture: [Bool]? = nil) -> Paragraphs {
        struct Section {
            var level: Int
            var kinds: ClauseKinds
            var definitions: Bool
        }
        var stack: [Section] = []
        var out = Paragraphs(lines: lines)
        // At most one per line (room only: a page is paid for when it is written).
        out.all.reserveCapacity(ids.count)
        var index = 0
        // The line after a page break that starts at `i` (blank lines and the page's furniture, at least
        // one of them furniture); `i` itself when none starts there.
        func afterPageBreak(_ i: Int) -> Int {
            guard let furniture else { return i }
            var j = i
            var seen = false
            while j < ids.count, furniture[j] || lines[ids[j]].raw.isEmpty {
                seen = seen || furniture[j]
                j += 1
            }
            return seen && j < ids.count ? j : i
        }
        while index < ids.count {
            if let furniture, furniture[index] {
                index += 1
                continue
            }
            // The line's fields read in place (a copy of the line retains its five strings).
            let joins = lines[ids[index]].joins
            // Across a page break the line that goes on is the first after it: a blank line before the
            // footer made the sentence's first half a heading (`3.3 乙方有权…服务费标` / blank / `第 1 页 共 3 页` /
            // blank / `准，…`: a lawyer's pass, the price-change flag lost).
            let follower = index + 1 < ids.count ? afterPageBreak(index + 1) : index + 1
            let wraps = follower < ids.count && ContractLineParser.wraps(joins, into: lines[ids[follower]].joins)
            var heading = wraps ? "" : lines[ids[index]].heading
            let bare = wraps ? false : lines[ids[index]].bare
            let number = index + 1
            var level = lines[ids[index]].level
            // Wrapped text (PDF exports): the lines that continue this one form one paragraph (its text
            // made only then: most lines are a paragraph of their own, whose text is the line's).
            var paragraph: String?
            let empty = wraps ? lines[ids[index]].afterNumber.isEmpty : lines[ids[index]].body.isEmpty
            // Whether the paragraph so far stops mid-sentence (`continues` without its last character).
            // A cover line (a party's name, its address) takes in only the rest of the name from the next line.
            let cover = lines[ids[index]].coverLabel
            var open =
                wraps
                ? joins.afterNumberOpen
                : joins.bodyOpen && (!cover || (index + 1 < ids.count && lines[ids[index + 1]].joins.continuesName))
            var later: [(offset: Int, line: Int)] = []
            var next = index + 1
            // Plain when every line it joins is (a joiner is a space or nothing).
            let linePlain = lines[ids[index]].plain
            var plain = linePlain
            if !bare && !empty {
                // Counted only when a line continues the paragraph (most lines are a paragraph of their own).
                var count = -1
                // The last line joined: a label line under it may be its sentence's rest (`labelContinues`).
                var last = index
                while next < ids.count, open, case let after = afterPageBreak(next),
                    lines[ids[after]].joins.continuesOpen
                        || (lines[ids[after]].joins.referenceStart && ContractLineParser.endsOnReference(lines[ids[last]].text))
                        || (lines[ids[after]].joins.labelContinues && ContractLineParser.fullChineseLine(lines[ids[last]]))
                        || ContractLineParser.figureCut(lines[ids[last]].text, lines[ids[after]].text)
                {
                    next = after
                    if count < 0 {
                        paragraph = wraps ? lines[ids[index]].afterNumber : lines[ids[index]].body
                        count = ContractText.characterCount(paragraph!, plain: linePlain)
                    }
                    let line = lines[ids[next]]
                    let more = line.joins.continuesOpen ? ContractLineParser.continuation(line) : line.text
                    last = next
                    // A word a PDF's line hyphenated (`lia-` / `bility`): one word again (a lawyer's pass: the
                    // liability clause was missing, and quotes read `accept- ance`).
                    let joiner: String
                    if ContractLineParser.hyphenated(paragraph!, more) {
                        if !ContractLineParser.compoundHyphen(paragraph!) {
                            paragraph!.removeLast()
                            count -= 1
                        }
                        joiner = ""
                    } else {
                        joiner = ContractLineParser.joiner(paragraph!, more)
                    }
                    paragraph! += joiner
                    count += joiner.count
                    later.append((offset: count, line: next + 1))
                    paragraph! += more
                    count += ContractText.characterCount(more, plain: lines[ids[next]].plain)
                    plain = plain && lines[ids[next]].plain
                    open = !cover && lines[ids[next]].joins.continuationOpen
                    next += 1
                }
            }
            let at = index
            index = next
            // A short line without a number taken for a heading whose sentence runs on to the next lines
            // (`甲方应在收到发票后三十日内向乙方` / `支付合同价款。` under `第五条 付款`) is no heading: as one, it
            // closed the section it stands in (a lawyer's pass: the payment days were lost).
            if paragraph != nil && lines[ids[at]].unnumberedHeading {
                level = nil
                heading = ""
            }
            if let level {
                while let top = stack.last, top.level >= level { stack.removeLast() }
            }
            let ancestors = stack.reduce(into: ClauseKinds()) { $0.formUnion($1.kinds) }
            let inDefinitions = stack.contains { $0.definitions }
            // The heading's own reading was made with the line (`ContractLineParser.parse`); a heading
            // that turned out to start a wrapped sentence was cleared above.
            let isDefinitionsHeading = !heading.isEmpty && lines[ids[at]].definitionsHeading
            let headingKinds = heading.isEmpty || inDefinitions || isDefinitionsHeading ? ClauseKinds() : lines[ids[at]].headingKinds
            if let level {
                stack.append(Section(level: level, kinds: headingKinds, definitions: isDefinitionsHeading))
            }
            if lines[ids[at]].raw.isEmpty || isDefinitionsHeading { continue }
            var joined = -1
            if let paragraph {
                joined = out.joined.count
                out.joined.append((paragraph, later))
            }
            out.all.append(
                Paragraph(
                    number: number, span: index - at, line: ids[at], afterNumber: wraps, joined: joined, bare: bare,
                    plain: plain,
                    definition: inDefinitions || lines[ids[at]].isDefinition,
                    headingKinds: headingKinds, ancestors: ancestors))
        }
        // Each clause heading's section: empty when no text follows before a heading of its level or
        // above (a scan within its own section: linear over a text).
        // (Not a short line taken for a heading without a number: it may be a sentence without its stop.)
        for i in out.all.indices where out.all[i].bare && out.all[i].headingKinds.bits != 0 && !lines[out.all[i].line].unnumberedHeading {
            let level = lines[out.all[i].line].level ?? Int.max
            var j = i + 1
            var content = false
            while j < out.all.count {
                if !out.all[j].bare {
                    content = true
                    break
                }
                if (lines[out.all[j].line].level ?? Int.max) <= level { break }
                j += 1
            }
            out.all[i].emptySection = !content
        }
        return out
    }

    /// What reading paragraphs gave: clause findings in text order, sentences for the other readers,
    /// and where each paragraph's part of both lists ends.
    private struct Reading {
        var candidates: [Candidate] = []
        var sentences = Sentences()
        var ends: [(candidates: Int, sentences: Int)] = []
        /// Whether a sentence seen before in this run is read once (`known`); false reads every one
        /// (what a text without repeats costs, for the benchmark).
        let remembers: Bool
        private var known: [SentenceKey: SentenceReading] = [:]

        init(remembers: Bool) { self.remembers = remembers }

        /// What the sentence of `key` gave when read before, else `make()`'s.
        mutating func reading(_ key: SentenceKey, _ make: () -> SentenceReading) -> SentenceReading {
            guard remembers, let r = known[key] else { return make() }
            return r
        }

        /// Adds a sentence as `read` says; when new, the readers read it and what they find is kept.
        mutating func append(_ s: ScannedSentence, _ key: SentenceKey, _ read: SentenceReading) {
            if let found = read.readers { return sentences.append(s, read: found) }
            sentences.append(s)
            guard remembers else { return }
            var read = read
            read.readers = SentenceReading.Readers(
                redFlags: sentences.redFlags[sentences.redFlags.count - 1], keyTerms: sentences.keyTerms[sentences.keyTerms.count - 1],
                dataSecurity: sentences.dataSecurity[sentences.dataSecurity.count - 1])
            known[key] = read
        }
    }

    /// What a sentence's reading depends on besides its place: its text, the kinds of its sections
    /// (the readers ask what it is `about`) and whether it is a definition's. A sentence repeated in
    /// other paragraphs (clauses renumbered, wrapped at other places, beside other sentences: a
    /// paragraph is read once only when its lines repeat) is read once.
    /// Hashed and compared by the text's bytes, hashed once (`String`'s own hash and `==` read it as
    /// Unicode, normalising it: a fifth of the time a repeated sentence saved).
    struct SentenceKey: Hashable {
        var clause: String
        var sections: ClauseKinds
        var definition: Bool
        private let bytesHash: UInt64

        init(clause: String, sections: ClauseKinds, definition: Bool) {
            var clause = clause
            bytesHash = clause.withUTF8 { LineHash.hash(UnsafeRawBufferPointer($0)) }
            self.clause = clause
            self.sections = sections
            self.definition = definition
        }

        func hash(into hasher: inout Hasher) { hasher.combine(bytesHash ^ UInt64(sections.bits) << 1 ^ (definition ? 1 : 0)) }

        static func == (a: SentenceKey, b: SentenceKey) -> Bool {
            guard a.bytesHash == b.bytesHash, a.sections == b.sections, a.definition == b.definition else { return false }
            var x = a.clause
            var y = b.clause
            return x.withUTF8 { p in
                y.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) }
            }
        }
    }

    /// A sentence's reading by its text alone (`SentenceKey`): what its place adds (lines, evidence,
    /// the heading's and sections' scores) is added at each place.
    struct SentenceReading {
        struct Readers {
            var redFlags: RedFlagSentence
            var keyTerms: KeyTermSentence
            var dataSecurity: DataSecuritySentence
        }
        /// The text matched (without cross-references' titles) and its lower-cased haystack.
        var text: String
        var hay: Haystack
        var plain: Bool
        var kinds = ClauseKinds()
        var strongKinds = ClauseKinds()
        /// The clause rules it matches, in `ClauseRules.all` order, each with its score on its own
        /// (4 strong, 2 weak).
        var hits: [(kind: ClauseKind, score: Int)] = []
        /// What the readers found, once it was read.
        var readers: Readers?
    }

    /// What a paragraph's reading depends on: the lines it joins (by which distinct line each is;
    /// its text and plainness follow from them), whether it is only a heading (the line after a
    /// heading decides whether it starts a wrapped sentence instead, and then it is not bare), and
    /// the sections around it. Its lines are consecutive, so a copy reads the same moved to its own
    /// lines. (Compared in the order of its fields: the cheap ones first.)
    private struct ParagraphKey {
        /// The paragraph's first line (from 0) and its number of lines.
        var first: Int
        var count: Int
        /// The heading kinds (low half) and the ancestors' kinds (high half).
        var kinds: UInt64
        var bare: Bool
        var definition: Bool
        var empty: Bool

        /// The paragraphs that are the same by their keys (their lines' ids compared byte for byte).
        /// The keys are read field by field: copying a `Paragraph` (its strings and lists) per
        /// comparison cost more than the table.
        static func distinct(_ paragraphs: [Paragraph], lineIDs: [Int]) -> Distinct {
            var keys: [ParagraphKey] = []
            keys.reserveCapacity(paragraphs.count)
            for i in paragraphs.indices {
                keys.append(
                    ParagraphKey(
                        first: paragraphs[i].number - 1, count: paragraphs[i].span,
                        kinds: UInt64(paragraphs[i].headingKinds.bits) | UInt64(paragraphs[i].ancestors.bits) << 32,
                        bare: paragraphs[i].bare, definition: paragraphs[i].definition, empty: paragraphs[i].emptySection))
            }
            let stride = MemoryLayout<Int>.stride
            return lineIDs.withUnsafeBytes { ids in
                Distinct(
                    keys.count,
                    hash: { i in
                        // The lines' ids by `LineHash` (keyed per process), the rest folded in.
                        let k = keys[i]
                        let lines = LineHash.hash(
                            UnsafeRawBufferPointer(rebasing: ids[(k.first * stride)..<((k.first + k.count) * stride)]))
                        let flags: UInt64 = (k.bare ? 1 : 0) | (k.definition ? 2 : 0) | (k.empty ? 4 : 0)
                        return lines ^ ((k.kinds ^ flags << 61) &* 0x9E37_79B9_7F4A_7C15)
                    },
                    same: { a, b in
                        let x = keys[a]
                        let y = keys[b]
                        return x.count == y.count && x.kinds == y.kinds && x.bare == y.bare && x.definition == y.definition
                            && x.empty == y.empty
                            && memcmp(ids.baseAddress! + x.first * stride, ids.baseAddress! + y.first * stride, x.count * stride) == 0
                    })
            }
        }
    }

    // Kept as one function: the scanner's hottest loop, each sentence of a paragraph through the rules;
    // the recorded scan dumps guard its output.
    /// Adds the clause findings of one paragraph, in order, and its sentences to `reading`.
    private static func read(_ p: Paragraph, _ t: Text, parties: PartyNames, into reading: inout Reading) {
        let wrapped = !t.later.isEmpty
        func lineOf(_ offset: Int) -> Int { t.later.last { $0.offset <= offset }?.line ?? p.number }
        func linesOf(_ offset: Int, _ sentence: String) -> [Int] {
            let first = lineOf(offset)
            guard wrapped else { return [first] }
            let last = lineOf(offset + max(0, sentence.count - 1))
            // The paragraph's own lines (a page break's header and footer between them are not).
            guard p.span > t.later.count + 1 else { return Array(first...last) }
            return ([p.number] + t.later.map(\.line)).filter { $0 >= first && $0 <= last }
        }
        // Counted by bytes or scalars where they settle it (see `hasAtMost`), once per paragraph.
        let quoteLine = !wrapped && ContractText.hasAtMost(t.raw, characters: 200)
        func evidence(_ whole: String) -> String { quoteLine ? t.raw : ContractText.clip(whole, plain: p.plain) }
        let knownPlain: Bool? = p.plain ? true : nil
        if p.definition {
            // A definition is never a clause, but what it defines can still be a red flag
            // ("General Cap" means the fees of the last 12 months).
            for (clause, whole, start, sentenceStart) in ContractText.clauses(t.text, plain: knownPlain) {
                let key = SentenceKey(clause: clause, sections: [], definition: true)
                let read = reading.reading(key) {
                    let lower = ContractText.closingChineseGaps(
                        parties.apply(ContractText.lowerASCIIBytes(ContractText.stripCrossReferences(clause, plain: knownPlain))))
                    return SentenceReading(
                        text: clause, hay: Haystack(lower), plain: p.plain || lower.withUnsafeBufferPointer(ContractText.isPlain))
                }
                reading.append(
                    ScannedSentence(
                        line: lineOf(start), paragraph: p.number, text: read.text, lower: read.hay.bytes, plain: read.plain,
                        hay: read.hay, kinds: [], strongKinds: [], sectionKinds: [], evidence: evidence(whole), sentence: whole,
                        lines: linesOf(sentenceStart, whole), definition: true), key, read)
            }
            return
        }

        // Heading evidence on its own (none for a heading with nothing under it).
        let headingScore = p.bare ? 5 : 6
        for kind in p.headingKinds.members where !p.emptySection {
            reading.candidates.append(Candidate(kind: kind, line: p.number, evidence: ContractText.clip(t.raw), score: headingScore))
        }
        let ruleBits = sentenceRuleBits
        let sections = p.ancestors.union(p.headingKinds)
        for (clause, whole, start, sentenceStart) in ContractText.clauses(t.text, plain: knownPlain) {
            let key = SentenceKey(clause: clause, sections: sections, definition: false)
            let read = reading.reading(key) {
                // Matching ignores the titles of cross-references; the evidence quotes the text as written.
                let sentence = ContractText.stripCrossReferences(clause, plain: knownPlain)
                // The parties' own names read as their roles (`PartyNames`): only here, not in what is quoted.
                // Names read as roles first (a name may stand before a gap: `云帆 有权`), then the gaps closed.
                let lower = ContractText.closingChineseGaps(parties.apply(ContractText.lowerASCIIBytes(sentence)))
                let bytes = Haystack(lower)
                var read = SentenceReading(
                    text: sentence, hay: bytes, plain: p.plain || lower.withUnsafeBufferPointer(ContractText.isPlain))
                // By index: the rules are borrowed from the table, not copied (and retained) one by one;
                // a rule neither of whose sets can match is passed over on two bits.
                for r in ClauseRules.all.indices where ruleBits[r].strong.mayMatch(bytes) || ruleBits[r].weak.mayMatch(bytes) {
                    let rule = ClauseRules.all[r]
                    var s = 0
                    if rule.strong.matches(bytes) { s = 4 } else if rule.weak.matches(bytes) { s = 2 }
                    if s == 0 || rule.veto.matches(bytes) { continue }
                    read.kinds.insert(rule.kind)
                    if s == 4 { read.strongKinds.insert(rule.kind) }
                    read.hits.append((rule.kind, s))
                }
                return read
            }
            let quote = evidence(whole)
            let at = lineOf(start)
            for (kind, s) in read.hits {
                var score = s
                if p.headingKinds.contains(kind) { score += headingScore }
                if p.ancestors.contains(kind) { score += 2 }
                reading.candidates.append(Candidate(kind: kind, line: at, evidence: quote, score: score))
            }
            reading.append(
                ScannedSentence(
                    line: at, paragraph: p.number, text: read.text, lower: read.hay.bytes, plain: read.plain, hay: read.hay,
                    kinds: read.kinds, strongKinds: read.strongKinds, sectionKinds: sections,
                    evidence: quote, sentence: whole, lines: linesOf(sentenceStart, whole)), key, read)
        }
    }

    /// The haystack bits of each clause rule's strong and weak sets (`ClauseRules.all` order).
    private static let sentenceRuleBits = ClauseRules.all.map { (strong: GroupBit($0.strong), weak: GroupBit($0.weak)) }

    /// Keeps the finding for `kind` unless the one kept already scores as high (`best` by ordinal).
    private static func consider(_ best: inout [ClauseFinding?], kind: ClauseKind, line: Int, evidence: String, score: Int) {
        if let old = best[kind.ordinal], old.score >= score { return }
        best[kind.ordinal] = ClauseFinding(kind: kind, line: line, evidence: evidence, score: score)
    }
}
