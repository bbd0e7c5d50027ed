/// Pulls the key terms (term, renewal, notice, payment days, cap, law, forum, SLA, penalties)
/// out of the sentences the clause scanner has already classified.
enum KeyTermExtractor {
    /// The key terms of the sentences: each first found in text order (the notice among renewal
    /// sentences first, then termination, then term; the payment days among invoice sentences first).
    /// `readings`: each sentence's `read`, when made already (the scan makes them with the sentences; else read here).
    static func extract(_ sentences: [ScannedSentence], readings: [KeyTermSentence]? = nil) -> ContractKeyTerms {
        extractWithCapLine(sentences, readings: readings).terms
    }

    /// `extract`, with the line of the sentence quoted as the liability cap (to quote it in the
    /// contract's own words).
    static func extractWithCapLine(
        _ sentences: [ScannedSentence], readings: [KeyTermSentence]? = nil
    ) -> (terms: ContractKeyTerms, capLine: Int?) {
        let readings = readings ?? sentences.map(read)
        precondition(readings.count == sentences.count, "one reading per sentence")
        // A term stated once is read here, in order, until found: reading it in every sentence of
        // its group (on the cores) costs more than the few sentences before the first (a long text
        // is often many contracts, each stating its own).
        func first<T>(_ group: KeyTermSentence.Groups, _ value: (ScannedSentence) -> T?) -> T? {
            for k in sentences.indices where readings[k].groups.contains(group) {
                if let v = value(sentences[k]) { return v }
            }
            return nil
        }
        var t = ContractKeyTerms()
        var capLine: Int?
        t.termMonths = first(.term, termMonths)
        t.renewalMonths = first(.renewal, renewalMonths)
        // A renewal sentence about the price (`may increase the Fees for any Renewal Term by notifying
        // Customer 30 days before`) gives the vendor's notice of a price rise, not the buyer's notice to
        // end: read last.
        t.noticeDays =
            first(.renewal) { priceRise.matches($0.hay) ? nil : noticeDays($0) } ?? first(.terminationOnly, noticeDays)
            ?? first(.term, noticeDays) ?? first(.renewal, noticeDays)
        if let (days, business) = first(.invoiced, paymentDue) ?? first(.payment, paymentDue) ?? first(.paymentAndPenalty, paymentDue) {
            t.paymentDueDays = days
            t.paymentDueBusinessDays = business
        }
        // The cap, not a sentence that lifts one (`赔偿金额不设上限`, "shall not be limited"): a lawyer's
        // pass saw the buyer's unlimited indemnity quoted as the liability cap.
        func aboutCap(_ s: ScannedSentence) -> Bool {
            RedFlagDetector.capWords.matches(s.hay) && RedFlagDetector.liabilityWords.matches(s.hay)
        }
        // The whole sentence where its evidence was clipped (at 200 characters): the cap often comes
        // last ("Except for … shall … exceed the fees paid in the three (3) months preceding …").
        func cap(_ s: ScannedSentence) -> (String, Int) { (s.evidence.hasSuffix("…") ? s.sentence : s.evidence, s.line) }
        if let (cap, line) =
            first(.liability, { aboutCap($0) && !RedFlagDetector.uncapped.matches($0.hay) ? cap($0) : nil })
            ?? first(.liability, { aboutCap($0) ? cap($0) : nil })
        {
            t.liabilityCap = cap
            capLine = line
        }
        t.governingLaw = first(.law) { governingLaw($0.text) }
        if let (name, type) = first(.forum, { disputeForum($0.text) }) {
            t.disputeForum = name
            t.disputeForumType = type
        }
        // A support time once per line, minutes and kind (a line may hold several sentences).
        struct Seen: Hashable {
            let line: Int
            let minutes: Int
            let kind: SLAResponse.Kind
        }
        var seen = Set<Seen>()
        // By index: a sentence is touched (and retained) only when it states a time or a rate.
        for k in readings.indices where !readings[k].slaResponses.isEmpty || !readings[k].penaltyRates.isEmpty {
            let line = sentences[k].line
            for var sla in readings[k].slaResponses where seen.insert(Seen(line: line, minutes: sla.minutes, kind: sla.kind)).inserted {
                sla.line = line
                t.slaResponses.append(sla)
            }
            for var rate in readings[k].penaltyRates {
                rate.line = line
                t.penaltyRates.append(rate)
            }
        }
        return (t, capLine)
    }

    /// What a sentence gives the key terms on its own text and kinds (not its lines nor its
    /// neighbours): the groups whose first term `extract` looks for in it, and its support times
    /// and penalty rates (every sentence's count).
    static func read(_ s: ScannedSentence) -> KeyTermSentence {
        var r = KeyTermSentence()
        if s.about(.term) { r.groups.insert(.term) }
        if s.kinds.contains(.renewal) {
            r.groups.insert(.renewal)
        } else if s.about(.termination) {
            r.groups.insert(.terminationOnly)
        }
        if s.about(.payment) && !s.about(.penalty) {
            r.groups.insert(.payment)
            if s.lowerContainsAny(["invoice", "发票", "账单"]) { r.groups.insert(.invoiced) }
        } else if s.about(.payment) {
            r.groups.insert(.paymentAndPenalty)
        }
        if s.about(.liability) { r.groups.insert(.liability) }
        if s.about(.governing_law) || s.strongKinds.contains(.dispute_resolution) { r.groups.insert(.law) }
        if s.about(.dispute_resolution) { r.groups.insert(.forum) }
        r.slaResponses = slaResponses(s)
        r.penaltyRates = penaltyRates(s)
        return r
    }

    // MARK: - Durations

    /// The text right before and after a quantity (in characters), as windows read in place.
    static func windows(_ chars: CharacterArray, _ q: Quantity, before: Int, after: Int) -> (TextWindow, TextWindow) {
        (
            TextWindow(chars, (q.range.lowerBound - before)..<q.range.lowerBound),
            TextWindow(chars, q.range.upperBound..<(q.range.upperBound + after))
        )
    }

    /// `s.lowerContainsAny(words)`, ruled out on the set's one haystack bit when both are plain.
    static func mentions(_ s: ScannedSentence, _ words: SubstringWords) -> Bool {
        if words.plain && s.lowerPlain && !words.set.mayMatch(s.hay) { return false }
        return s.lowerContainsAny(words)
    }

    static let deadlineAfter = ["内", "前", "之前", "以前", "prior", "before", "notice", "in advance", "届满", "到期"]
    static let noticeBefore = ["提前", "within", "prior", "notice", "通知", "at least", "not less than", "不少于", "至少"]
    private static let deadlineAfterWords = WindowWords(deadlineAfter)
    private static let termNotTerm = WindowWords(noticeBefore + ["续", "renew", "延长", "extend"])
    private static let renewalNotice = WindowWords(["提前", "prior", "通知"])
    private static let renewalWords = WindowWords(["续", "renew", "延", "extend"])
    private static let renewalFor = WindowWords(["续", "renew", "延", "extend", "successive", "additional", "further"])
    private static let noticeBeforeDays = WindowWords(["提前", "前", "prior", "notice", "at least", "not less than", "不少于", "至少"])
    private static let noticeAfterDays = WindowWords(["前", "prior", "before", "notice", "in advance", "书面通知", "通知"])
    private static let afterNotice = WindowWords(["后", "after", "of receipt", "内付", "内支付"])
    private static let within = WindowWords(["内", "之内", "以内"])
    /// "within 30 days"; "net forty-five (45) days" (a lawyer's pass: only "net 45" was read).
    private static let withinBefore = WindowWords(["within ", "net "])
    private static let payWithin = WindowWords(["内支付", "内付款", "内付清"])

    /// The quantities of a sentence (`ScannedSentence.quantities`); none, without reading the
    /// sentence, when it is plain and holds no unit word, since every quantity ends in one.
    static func quantities(_ s: ScannedSentence) -> [Quantity] {
        if s.lowerPlain && !unitWords.set.mayMatch(s.hay) { return [] }
        return s.quantities
    }

    /// Words that every unit of `QuantityScanner.unitWords` holds.
    static let unitWords = SubstringWords([
        "日", "天", "小时", "分钟", "周", "星期", "月", "年", "day", "hour", "hrs", "minute", "mins", "week", "month", "year",
    ])

    /// The term in months a term sentence states (a date range, or months that are not a notice,
    /// a deadline or a renewal); nil for a warranty or confidentiality period.
    static func termMonths(_ s: ScannedSentence) -> Int? {
        if s.lowerContainsAny(["warrant", "质保", "保修", "保密期", "confidential"]) { return nil }
        if let m = dateRangeMonths(s.text) { return m }
        for q in quantities(s) {
            guard let months = q.months else { continue }
            let (b, a) = windows(s.lowerCharacters, q, before: 10, after: 6)
            if a.toClauseEnd().containsAny(deadlineAfterWords) || b.fromClauseStart().containsAny(termNotTerm) { continue }
            return months
        }
        return nil
    }

    /// The months a renewal sentence renews for (not a notice or deadline before it).
    static func renewalMonths(_ s: ScannedSentence) -> Int? {
        for q in quantities(s) {
            guard let months = q.months else { continue }
            let (b, a) = windows(s.lowerCharacters, q, before: 30, after: 6)
            if a.containsAny(deadlineAfterWords) || b.containsAny(renewalNotice) && !b.containsAny(renewalWords) {
                continue
            }
            if b.containsAny(renewalFor) { return months }
        }
        return nil
    }

    /// A price raised or adjusted (`may increase the Fees`, `有权调整价格`): a notice in such a sentence
    /// is the vendor's notice of the new price.
    static let priceRise = PatternSet([
        "[increase*|raise*|adjust*]…[fee*|price*|rates|charges|pricing]|[fee*|price*|rates|charges|pricing]…[increase*|adjust*]",
        // "Nimbus will notify Customer of any increase at least ninety (90) days before the renewal date" (a lawyer's pass).
        "[notify|notifies|notice]…[of any increase|of an increase|of the increase|of increases]|[any increase|any later increase|any such increase]…[notice|notify|notified]",
        "调价|涨价|[调整|提高|上调]…[价格|费用|单价|收费|服务费|维护费|年费|使用费|订阅费|许可费]|[价格|费用|单价|收费|服务费|维护费|年费|使用费|订阅费|许可费]…[调整|提高|上调]",
    ])

    /// The days of notice a sentence states (before the event, not after it). Days and weeks are
    /// read before months, and a number of months in the clause of a term or a renewal is its
    /// length, not a notice: `renews automatically for twelve (12) months unless notice … ninety (90)
    /// days before expiry` gives 90, not 360.
    static func noticeDays(_ s: ScannedSentence) -> Int? {
        if mentions(s, breachCure) { return nil }
        let all = quantities(s)
        for q in all.filter({ $0.unit != .month }) + all.filter({ $0.unit == .month }) {
            guard let days = q.days, q.unit != .year else { continue }
            let (b, a) = windows(s.lowerCharacters, q, before: 12, after: 24)
            let isNotice = b.containsAny(noticeBeforeDays) || a.containsAny(noticeAfterDays)
            // What follows the period in its own clause: `期满前一百二十日…通知…，本协议期满后自动续订` is a notice
            // whose clause ends before the renewal's `后` (a re-test pass found it missed).
            guard isNotice && !a.toClauseEnd().containsAny(afterNotice) else { continue }
            // `届满前三个月` is a notice however the clause began (`服务期` there named the term).
            if q.unit == .month && !windows(s.lowerCharacters, q, before: 1, after: 0).0.containsAny(justBefore)
                && windows(s.lowerCharacters, q, before: 40, after: 0).0.fromClauseStart().containsAny(periodWords)
            {
                continue
            }
            return days
        }
        return nil
    }

    /// A sentence about a breach and its cure: its days are a cure period or a notice to end for
    /// breach (`经催告后十五日内仍未纠正的`), not the notice to end the contract or stop its renewal.
    static let breachCure = SubstringWords(["breach", "违约", "cure", "纠正", "改正", "补救", "整改", "remedy", "rectif"])

    /// The character right before a number of months that makes it a time before an event.
    private static let justBefore = WindowWords(["前"])

    /// Words before a number of months that make it the length of a term or a renewal.
    private static let periodWords = WindowWords([
        "renew", "续", "延", "extend", "successive", "further period", "additional period", "term of", "period of", "期限", "有效期", "服务期",
    ])

    /// The days to pay a payment sentence states (`net 30`, `within 30 days`, `30日内支付`), and whether
    /// they are working days; nil for a sentence about late payment, refunds or disputes.
    /// A sentence that also speaks of late payment, refunds or disputes (`…30日内支付合同价款，逾期每日按
    /// 万分之五支付违约金`) states the days to pay only in a part of its own (between `，`/`；`) that pays
    /// and is not about those (a lawyer's pass: the common Chinese sentence lost its 30 days).
    static func paymentDue(_ s: ScannedSentence) -> (Int, Bool)? {
        let late = s.lowerContainsAny(lateWords.strings)
        // `lower` is made only when "net " may occur in it (always, unless plain).
        if !late, !s.lowerPlain || s.lowerContainsAny(["net "]), let r = s.lower.firstRange(of: "net "),
            let n = Int(s.lower[r.upperBound...].prefix(while: { $0.isNumber }))
        {
            return (n, false)
        }
        for q in quantities(s) where q.unit == .day || q.unit == .businessDay {
            let (b, a) = windows(s.lowerCharacters, q, before: 10, after: 8)
            guard a.hasPrefix(within) || b.hasSuffix(withinBefore) || a.containsAny(payWithin) else { continue }
            if late {
                let part = TextWindow.part(s.lowerCharacters, around: q.range)
                if part.containsAny(lateWords) || !part.containsAny(payWords) { continue }
            }
            return (q.value, q.unit == .businessDay)
        }
        return nil
    }

    /// What makes days in a sentence no time to pay: late payment, refunds, disputes.
    private static let lateWords = WindowWords(["违约金", "逾期", "late ", "overdue", "refund", " dispute", "争议", "异议"])
    /// A part of a sentence that pays (`支付`, `pay`, `due`).
    private static let payWords = WindowWords(["支付", "付款", "付清", "pay", "due", "remit"])

    /// `自2027年1月1日起至2027年12月31日止` → 12; `from 1 January 2027 to 31 December 2027` is left alone.
    static func dateRangeMonths(_ text: String) -> Int? {
        let dates = chineseDates(text)
        guard dates.count >= 2, text.contains("至") || text.contains("到") else { return nil }
        let start = dates[0]
        let end = dates[1].adding(days: 1)
        guard start < end else { return nil }
        var months = (end.year * 12 + end.month) - (start.year * 12 + start.month)
        if end.day < start.day { months -= 1 }
        return months > 0 ? months : nil
    }

    /// Dates written `2027年1月1日` (digits) in order of appearance.
    static func chineseDates(_ text: String) -> [Day] {
        switch CharacterArray(text) {
        case .plain(let u): return chineseDates(units: u)
        case .general(let c): return chineseDates(units: c)
        }
    }

    private static func chineseDates<U: TextUnit>(units c: [U]) -> [Day] {
        var out: [Day] = []
        var i = 0
        func num(_ j: inout Int) -> Int? {
            var v = 0
            var n = 0
            // A run of digits longer than any date part is read whole but saturates, so it never overflows.
            while j < c.count, let d = c[j].asciiDigit {
                v = min(v * 10 + d, 1_000_000_000)
                j += 1
                n += 1
            }
            return n > 0 ? v : nil
        }
        while i < c.count {
            var j = i
            // A year starts where a number starts: `12027年` is not 2027.
            if i > 0, c[i - 1].isASCII, c[i - 1].isNumber {
                i += 1
                continue
            }
            if let y = num(&j), y >= 1900, j < c.count, c[j] == "年" {
                j += 1
                if let m = num(&j), j < c.count, c[j] == "月" {
                    j += 1
                    if let d = num(&j), j < c.count, c[j] == "日" || c[j] == "号",
                        let day = Day(iso: "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)")
                    {
                        out.append(day)
                        i = j + 1
                        continue
                    }
                }
            }
            i += 1
        }
        return out
    }

    // MARK: - Law and forum

    /// `中华人民共和国法律`, `laws of the State of California`, `Delaware law`.
    static func governingLaw(_ text: String) -> String? {
        let c = Array(text)
        let lower = Array(ContractText.lowerASCII(text))
        // Chinese: the place name before 法律 (适用中华人民共和国法律 → 中华人民共和国法律).
        if let idx = indexOf(c, "法律") {
            var j = idx
            let stops: Set<Character> = ["用", "受", "照", "据", "守", "以", "为", "按", ",", "，", "。", "、", " ", "(", "\"", "《", ":"]
            while j > 0 && !stops.contains(c[j - 1]) { j -= 1 }
            let place = String(c[j..<idx])
            if place.count >= 2 && place.count <= 16 { return place + "法律" }
        }
        // English: "laws of X" up to a comma, a parenthesis, or words that end the place.
        if let idx = indexOf(lower, "laws of ") ?? indexOf(lower, "law of ") {
            var end = idx
            while end < c.count, !",;()".contains(c[end]) { end += 1 }
            let phrase = cut(
                Array(c[idx..<end]),
                at: [
                    " without", " excluding", " regardless", " and the ", " applicable to",
                    " and any", " except", " as applied", " that apply", " and shall", " and will",
                ])
            let result = ContractLineParser.trimEndPunct(String(phrase).trimmed)
            if result.count > 8 { return result }
        }
        // "governed by Delaware law"
        if let idx = indexOf(lower, "governed by ") {
            let rest = Array(c[(idx + 12)...])
            if let r = indexOf(Array(ContractText.lowerASCII(String(rest))), " law") {
                var phrase = String(rest[..<(r + 4)])
                if phrase.hasPrefix("the ") { phrase = String(phrase.dropFirst(4)) }
                if phrase.split(separator: " ").count <= 6 { return phrase }
            }
        }
        return nil
    }

    /// The characters before the first of `stops` (matched ignoring ASCII case).
    private static func cut(_ phrase: [Character], at stops: [String]) -> [Character] {
        let lower = Array(ContractText.lowerASCII(String(phrase)))
        var end = phrase.count
        for stop in stops { if let i = indexOf(lower, stop), i < end { end = i } }
        return Array(phrase[..<end])
    }

    static let arbitrationBodies = [
        "中国国际经济贸易仲裁委员会", "上海国际仲裁中心", "深圳国际仲裁院", "北京仲裁委员会", "上海仲裁委员会", "华南国际经济贸易仲裁委员会",
        "international chamber of commerce", "american arbitration association", "singapore international arbitration centre",
        "hong kong international arbitration centre", "london court of international arbitration", "jams", "siac", "hkiac", "lcia",
        "icc", "cietac",
        // The Chinese bodies above by their English names.
        "china international economic and trade arbitration commission", "shanghai international arbitration center",
        "shanghai international arbitration centre", "shenzhen court of international arbitration", "beijing arbitration commission",
        "shanghai arbitration commission", "south china international economic and trade arbitration commission",
    ]

    /// The arbitration body or the court named in a dispute sentence.
    static func disputeForum(_ text: String) -> (String, String)? {
        let c = Array(text)
        let lowerText = ContractText.lowerASCII(text)
        let lower = Array(lowerText)
        for body in arbitrationBodies {
            if let i = indexOf(lower, body), isWordStart(lower, i, body) { return (String(c[i..<(i + body.count)]), "arbitration") }
        }
        let stops: Set<Character> = ["向", "交", "由", "至", "在", "请", ",", "，", "。", " ", "(", "、", "的", "于"]
        // A blank between two Chinese characters of a name (`上海 国际仲裁中心`: a PDF's spacing, a form
        // feed or tab made a space) is no stop, and the name is given without it.
        func hanBlank(_ k: Int) -> Bool {
            c[k] == " " && k > 0 && k + 1 < c.count && ContractLineParser.isCJK(c[k - 1]) && ContractLineParser.isCJK(c[k + 1])
        }
        func name(_ range: Range<Int>) -> String { String(range.filter { !hanBlank($0) }.map { c[$0] }) }
        for suffix in ["仲裁委员会", "仲裁院", "仲裁中心"] {
            if let i = indexOf(c, suffix) {
                var j = i
                // `乙方所在地仲裁委员会`: the 在 of 所在地 is part of the name (a lawyer's pass: no forum said).
                func seat(_ k: Int) -> Bool { c[k] == "在" && k > 0 && c[k - 1] == "所" && k + 1 < c.count && c[k + 1] == "地" }
                while j > 0 && (!stops.contains(c[j - 1]) || seat(j - 1) || (hanBlank(j - 1) && !stops.contains(c[j - 2]))) { j -= 1 }
                if i - j >= 2 { return (name(j..<(i + suffix.count)), "arbitration") }
            }
        }
        if let i = indexOf(c, "人民法院") ?? indexOf(c, "法院") {
            let suffix = c[i] == "人" ? 4 : 2
            var j = i
            // 所在地 holds 在: only the other stops end a court's name.
            let courtStops = stops.subtracting(["的", "在"])
            while j > 0 {
                // A bracket closing just before is part of the name (`乙方所在地（杭州市西湖区）人民法院`: the
                // name was cut to `杭州市西湖区)人民法院`, losing whose seat it is: lawyer's pass).
                if c[j - 1] == ")", let open = c[..<(j - 1)].lastIndex(of: "(") {
                    j = open
                    continue
                }
                guard !courtStops.contains(c[j - 1]) || (hanBlank(j - 1) && !courtStops.contains(c[j - 2])) else { break }
                j -= 1
            }
            if j < i, c[j] == "在" { j += 1 }
            if i - j >= 2 { return (name(j..<(i + suffix)), "court") }
        }
        for w in ["courts of ", "courts located in ", "courts in ", "court of ", "courts sitting in ", "courts for "] {
            if let i = indexOf(lower, w) {
                var end = i + w.count
                while end < c.count, !",;()".contains(c[end]) { end += 1 }
                let phrase = cut(Array(c[i..<end]), at: [" and each", " for ", " and the parties", " and both", " which", " with respect"])
                return (ContractLineParser.trimEndPunct(String(phrase).trimmed), "court")
            }
        }
        // 乙方所在地有管辖权的人民法院: "the competent people's court at the place where the Provider is domiciled".
        if let i = indexOf(lower, "people's court") {
            let start = i >= 10 && String(lower[(i - 10)..<i]) == "competent " ? i - 10 : i
            var end = i
            while end < c.count, !",;".contains(c[end]) { end += 1 }
            let phrase = cut(Array(c[start..<end]), at: [" for ", " and the parties", " and both", " which", " with respect"])
            return (ContractLineParser.trimEndPunct(String(phrase).trimmed), "court")
        }
        if lowerText.contains("arbitrat") { return ("arbitration", "arbitration") }
        if let i = indexOf(lower, "chosen courts") { return (String(c[i..<(i + 13)]), "court") }
        return nil
    }

    private static func isWordStart(_ c: [Character], _ i: Int, _ w: String) -> Bool {
        guard w.first?.isASCII == true else { return true }
        let before = i == 0 || !c[i - 1].isLetter
        let end = i + w.count
        let after = end >= c.count || !c[end].isLetter
        return before && after
    }

    static func indexOf(_ c: [Character], _ w: String) -> Int? {
        let n = Array(w)
        guard !n.isEmpty, c.count >= n.count else { return nil }
        var i = 0
        while i <= c.count - n.count {
            if c[i] == n[0] {
                var k = 1
                while k < n.count && c[i + k] == n[k] { k += 1 }
                if k == n.count { return i }
            }
            i += 1
        }
        return nil
    }

    // MARK: - SLA and penalties

    static let responseWords = ["响应", "respond", "response", "到达", "到场", "arrive", "on site", "on-site", "onsite", "回复", "acknowledge"]
    static let resolutionWords = ["resolve", "resolution", "restore", "fix", "workaround", "解决", "修复", "恢复", "排除"]

    /// The support times a sentence states (`line` 0: the merge sets it), each minutes and kind once.
    static func slaResponses(_ s: ScannedSentence) -> [SLAResponse] {
        guard s.about(.support_sla) || mentions(s, slaMention) else { return [] }
        // The buyer's own time to answer (a claim, a notice), outside a section on support, is no support
        // time: a lawyer's pass found `Licensee shall respond within ninety (90) days after receipt of
        // notice` read as the SLA, which hid the missing one.
        if !s.sectionKinds.contains(.support_sla) && buyerResponds.matches(s.hay) { return [] }
        // A plain sentence without a word of a support time's unit holds no such quantity.
        if s.lowerPlain && !slaUnits.set.mayMatch(s.hay) { return [] }
        var out: [SLAResponse] = []
        let chars = s.lowerCharacters
        // The text around a quantity is plain when the sentence is.
        var plain = false
        if case .plain = chars { plain = true }
        // The sentence's text by character, made once for every snippet.
        var quoted: CharacterArray?
        for q in quantities(s) where q.unit == .hour || q.unit == .minute || q.unit == .businessDay || q.unit == .day {
            let (b, a) = windows(chars, q, before: 40, after: 12)
            // 7×24小时, 24 hours a day, 24/7 describe coverage, not a deadline.
            if b.hasSuffix(coverageMarks) || a.hasPrefix(coverageMarks) || a.hasPrefix(coverageAfter) { continue }
            // The unit a penalty counts by (`每超出解决时限一小时，…1%`, "for each hour of delay"), not a deadline.
            if windows(chars, q, before: 8, after: 0).0.containsAny(perUnitMarks) { continue }
            // Chinese puts the verb after the time (2小时内响应), English before it (respond within 2 hours).
            let chineseOrder = a.hasPrefix(withinAfter, trimmed: true)
            // The verb right after the time is that time's (`一级故障：1小时响应，4小时解决`, `4 hours
            // resolution`): a lawyer's pass found the 4 hours read as a response, by the 响应 before it.
            let right = kindWords.first { a.hasPrefix($0.0, trimmed: true) }?.1
            let kind: SLAResponse.Kind
            if let k = right
                ?? (chineseOrder
                    ? firstKind(in: a, fromEnd: false) ?? firstKind(in: b, fromEnd: true)
                    : firstKind(in: b, fromEnd: true) ?? firstKind(in: a, fromEnd: false))
            {
                kind = k
            } else {
                continue
            }
            let businessDays = q.unit == .businessDay ? q.value : nil
            let minutes = businessDays.map { Saturating.multiply($0, 1440) } ?? q.minutes!
            if out.contains(where: { $0.minutes == minutes && $0.businessDays == businessDays && $0.kind == kind }) { continue }
            if quoted == nil { quoted = plain ? .plain(Array(s.text.unicodeScalars)) : .general(Array(s.text)) }
            out.append(
                SLAResponse(
                    minutes: minutes, businessDays: businessDays, kind: kind, line: 0, text: snippet(s.text, quoted!, q, chars.count)))
        }
        return out
    }

    /// The units of a support time (`hour`, `minute`, `day`, business days), as words: a plain
    /// sentence without one of them holds no quantity in them.
    static let slaUnits = SubstringWords(["日", "天", "小时", "分钟", "day", "hour", "hrs", "minute", "mins"])
    private static let coverageMarks = WindowWords(["x", "×", "*"])
    private static let coverageAfter = WindowWords([" a day", " per day", " a week", "/7", " x 7", " days a week", "/365"])
    private static let withinAfter = WindowWords(["内", "之内", "以内"])
    private static let perUnitMarks = WindowWords(["每", "for each", "for every", "each full", "each additional"])
    private static let kindWords = [(WindowWords(responseWords), SLAResponse.Kind.response), (WindowWords(resolutionWords), .resolution)]

    /// The response/resolution word nearest to the number in a window (its end when `fromEnd`).
    private static func firstKind(in w: TextWindow, fromEnd: Bool) -> SLAResponse.Kind? {
        guard case .plain(let u) = w.chars else { return firstKind(in: w.string, fromEnd: fromEnd, plain: false) }
        var best: (Int, SLAResponse.Kind)?
        for (words, kind) in kindWords {
            for word in words.scalars {
                guard let i = fromEnd ? TextWindow.last(word, in: u, w.range) : TextWindow.first(word, in: u, w.range) else { continue }
                let distance = fromEnd ? w.range.upperBound - i : i - w.range.lowerBound
                if best == nil || distance < best!.0 { best = (distance, kind) }
            }
        }
        return best?.1
    }

    /// The response/resolution word nearest to the number in `text` (its end when `fromEnd`).
    /// `plain`: whether `text` is plain (see `ContractText.isPlain`); its scalars are then its characters.
    private static func firstKind(in text: String, fromEnd: Bool, plain: Bool) -> SLAResponse.Kind? {
        plain ? firstKind(in: Array(text.unicodeScalars), fromEnd: fromEnd) : firstKind(in: Array(text), fromEnd: fromEnd)
    }

    private static func firstKind<U: TextUnit>(in c: [U], fromEnd: Bool) -> SLAResponse.Kind? {
        var best: (Int, SLAResponse.Kind)?
        for (words, kind) in [(responseWords, SLAResponse.Kind.response), (resolutionWords, .resolution)] {
            for w in words {
                let w = U.units(of: w)
                guard let i = fromEnd ? lastOffset(of: w, in: c) : firstOffset(of: w, in: c) else { continue }
                let distance = fromEnd ? c.count - i : i
                if best == nil || distance < best!.0 { best = (distance, kind) }
            }
        }
        return best?.1
    }

    /// Where `w` first occurs in `c` (`indexOf` on any text units).
    static func firstOffset<U: TextUnit>(of w: [U], in c: [U]) -> Int? {
        guard !w.isEmpty, c.count >= w.count else { return nil }
        return (0...(c.count - w.count)).first { i in w.indices.allSatisfy { c[i + $0] == w[$0] } }
    }

    /// Where `w` last occurs in `c` (`lastIndexOf` on any text units).
    static func lastOffset<U: TextUnit>(of w: [U], in c: [U]) -> Int? {
        guard !w.isEmpty, c.count >= w.count else { return nil }
        return (0...(c.count - w.count)).reversed().first { i in w.indices.allSatisfy { c[i + $0] == w[$0] } }
    }

    static func lastIndexOf(_ c: [Character], _ w: String) -> Int? {
        var found: Int?
        var from = 0
        while from < c.count, let i = indexOf(Array(c[from...]), w) {
            found = from + i
            from += i + 1
        }
        return found
    }

    /// A short quote around a quantity: from the start of its part of the sentence (after a `;` or
    /// `；`: `发生一级故障时，乙方应在半小时内响应` keeps the severity the time is for) to the end of its
    /// clause; from the clause start (after a comma) when that part is long. `quoted` is `text` by
    /// character offset (its scalars when the sentence is plain); `count` the length of the
    /// lower-cased text the quantity's offsets are in.
    private static func snippet(_ text: String, _ quoted: CharacterArray, _ q: Quantity, _ count: Int) -> String {
        func cut<C: Collection>(_ c: C, isIn: (C.Element, String) -> Bool) -> Range<Int> where C.Index == Int {
            // Whether the character before `k` parts the text (`marks`); a colon inside a time
            // (`9:00-18:00`) parts nothing.
            func parts(_ k: Int, _ marks: String) -> Bool {
                isIn(c[k - 1], marks) && !(isIn(c[k - 1], ":") && k > 1 && isIn(c[k - 2], "0123456789"))
            }
            var b = q.range.upperBound
            while b < c.count, !isIn(c[b], ",，;；。") { b += 1 }
            var a = q.range.lowerBound
            while a > 0, !parts(a, ";；:") { a -= 1 }
            if b - a > 40 {
                a = q.range.lowerBound
                while a > 0, !parts(a, ",，;；:") { a -= 1 }
            }
            return a..<b
        }
        switch quoted {
        case .plain(let u):
            // Plain text: the same cuts on scalars.
            guard u.count == count else { return ContractText.clip(text) }
            let r = cut(u) { v, marks in marks.unicodeScalars.contains(v) }
            return ContractText.clip(Unicode.Scalar.string(u[r]).trimmed, 120)
        case .general(let c):
            guard c.count == count else { return ContractText.clip(text) }
            let r = cut(c) { ch, marks in marks.contains(ch) }
            return ContractText.clip(String(c[r]).trimmed, 120)
        }
    }

    /// A sentence that mentions a response time, whatever its section.
    static let slaMention = SubstringWords(["响应", "respond", "response time"])
    /// The buyer answering, in so many words (see `slaResponses`).
    static let buyerResponds = PatternSet([
        ["customer", "licensee", "client", "buyer", "subscriber"].flatMap { who in
            ["shall", "must", "will", "agrees to", "shall promptly", "will promptly"].map { "\(who) \($0) respond" }
        }.joined(separator: "|")
    ])
    static let penaltyWords = SubstringWords(penaltyContext)
    /// The word lists `PatternIndex` holds as literals.
    static let substringWords = [slaMention, penaltyWords, slaUnits, unitWords]

    static let penaltyContext = [
        "违约金", "滞纳金", "罚", "liquidated", "penalt", "late", "overdue", "credit of", "逾期", "延迟", "迟延", "延期", "利息", "service credit", "扣减",
        "扣除",
        // Interest as a charge, not an "ownership interest" (a definition of control: "more than 50%").
        "interest at", "interest of", "interest on", "interest rate", "rate of interest", "accrue", "accruing",
    ]

    /// The penalty and late-payment rates a sentence states (`line` 0: the merge sets it).
    static func penaltyRates(_ s: ScannedSentence) -> [PenaltyRate] {
        guard mentions(s, penaltyWords) else { return [] }
        var out: [PenaltyRate] = []
        let c = s.lowerCharacters
        // The rate is quoted with its whole sentence: a window of characters around it was cut
        // mid-word (`日,应按合同总价款的万分之五向甲方支付违`) and lost what the rate is charged for.
        let text = s.sentence.isEmpty ? s.text : s.sentence
        for (ppm, range) in rates(c) {
            let before = TextWindow(c, (range.lowerBound - 12)..<range.lowerBound)
            // A cap on the penalties, or a threshold that triggers them (`可用率低于 99.8%`, "below 99.0%"), is no rate.
            if before.containsAny(rateCapWords) || before.containsAny(rateThresholdWords) { continue }
            // "for each 0.5% shortfall", `每低于0.5%`: the step the credit is counted in, no rate (a lawyer's pass).
            if before.containsAny(stepWords) && TextWindow(c, range.upperBound..<(range.upperBound + 14)).containsAny(shortfallWords) {
                continue
            }
            out.append(PenaltyRate(partsPerMillion: ppm, per: period(of: range, in: s), line: 0, text: text))
        }
        return out
    }

    /// The period a rate at `range` of the sentence's lower-cased characters is charged by: `hour`,
    /// `day`, `week`, `month`, `year` or `once` (the key terms show it; the late-interest red flag
    /// makes it yearly from it).
    static func period(of range: Range<Int>, in s: ScannedSentence) -> String {
        let c = s.lowerCharacters
        let window = TextWindow(c, (range.lowerBound - 20)..<(range.upperBound + 40))
        let lead = TextWindow(c, (range.lowerBound - 30)..<range.lowerBound)
        // "5% of the monthly fee for each full hour of downtime": the hour is the period, the month
        // only names the fee the rate is of.
        if window.containsAny(eachHour) { return "hour" }
        if window.containsAny(perDay) { return "day" }
        if window.containsAny(perWeek) { return "week" }
        if window.containsAny(perMonth) { return "month" }
        if window.containsAny(perYear) { return "year" }
        // Also `每超出解决时限一小时`: "each … hour".
        if window.containsAny(perHour) || lead.containsAny(each) && lead.containsAny(hourWord) { return "hour" }
        return s.lowerContainsAny(dailyPhrases) ? "day" : "once"
    }

    /// A day named away from the rate: "For each day of late payment, the Customer pays … 0.1%" (as
    /// 每逾期一日 … 千分之一).
    static let dailyPhrases = [
        "for each day", "for every day", "each day of delay", "each day of late", "every day of delay", "every day of late",
        "per day of delay",
        "per day of late",
    ]
    private static let rateThresholdWords = WindowWords([
        "低于", "高于", "少于", "below", "above", "less than", "lower than", "under ", "可用率", "availability", "uptime",
    ])
    private static let each = WindowWords(["每"])
    private static let stepWords = WindowWords(["each", "every", "per ", "每"])
    private static let shortfallWords = WindowWords(["shortfall", "short of", "below", "under", "of downtime", "不足", "低于", "下降"])
    private static let hourWord = WindowWords(["小时"])
    private static let rateCapWords = WindowWords(["不超过", "最高", "上限", "not exceed", "maximum", "cap", "up to", "总额"])
    static let perDay = WindowWords([
        "每日", "每天", "按日", "每逾期一日", "每逾期一天", "每延迟一日", "每延迟一天", "每迟延一日", "每延期一日", "per day", "each day", "a day", "daily",
        "per calendar day", "per diem",
    ])
    /// A support penalty by the hour over the time allowed (`每超时一小时，按年度维保费的千分之一`).
    private static let perHour = WindowWords([
        "每小时", "每超时一小时", "每超过一小时", "每延迟一小时", "每逾期一小时", "per hour", "each hour", "every hour", "an hour", "hourly",
    ])
    private static let eachHour = WindowWords([
        "each hour", "each full hour", "each additional hour", "each started hour", "every hour", "every full hour", "per full hour",
        "每超时一小时", "每超过一小时", "每延迟一小时", "每逾期一小时",
    ])
    private static let perWeek = WindowWords(["每周", "每逾期一周", "per week", "each week", "weekly"])
    // `每逾期一个月，应按逾期金额的5%` is 5 % a month (a lawyer's pass: read as a one-off 5 %).
    static let perMonth = WindowWords([
        "每月", "每个月", "按月", "每逾期一个月", "每逾期一月", "每延迟一个月", "每迟延一个月", "每满一个月", "per month", "each month", "monthly",
        "a month",
    ])
    private static let perYear = WindowWords(["每年", "年利率", "per annum", "per year", "annual", "a year"])

    /// Rates in a lower-cased sentence: 万分之五, 千分之一, 百分之五, 0.05%, 0.5‰, with their character ranges.
    static func rates(_ text: CharacterArray) -> [(Int, Range<Int>)] {
        switch text {
        case .plain(let u): return rates(units: u)
        case .general(let c): return rates(units: c)
        }
    }

    private static func rates<U: TextUnit>(units c: [U]) -> [(Int, Range<Int>)] {
        var out: [(Int, Range<Int>)] = []
        var i = 0
        while i < c.count {
            // 万分之X / 千分之X / 百分之X
            if i + 3 < c.count, c[i + 1] == "分", c[i + 2] == "之", let scale = rateScale(c[i]) {
                var j = i + 3
                if let (ppmUnits, end) = decimal(c, j, scaleDigits: 6) {
                    out.append((ppmUnits * scale / 1_000_000, i..<end))
                    i = end
                    continue
                }
                while j < c.count, ChineseNumber.isNumeral(unit: c[j]) { j += 1 }
                if j > i + 3, let v = ChineseNumber.parse(units: c[(i + 3)..<j]) {
                    out.append((Saturating.multiply(v, scale), i..<j))
                    i = j
                    continue
                }
            }
            // 0.05% / 5 % / 0.5‰
            if c[i].isASCII, c[i].isNumber, i == 0 || !(c[i - 1].isASCII && (c[i - 1].isNumber || c[i - 1] == ".")) {
                if let (micro, end) = decimal(c, i, scaleDigits: 6) {
                    var k = end
                    while k < c.count, c[k] == " " { k += 1 }
                    if k < c.count, c[k] == "%" {
                        out.append((micro / 100, i..<(k + 1)))
                        i = k + 1
                        continue
                    }
                    if k < c.count, c[k] == "‰" {
                        out.append((micro / 1000, i..<(k + 1)))
                        i = k + 1
                        continue
                    }
                    if U.string(c[k..<min(c.count, k + 7)]) == "percent" {
                        out.append((micro / 100, i..<(k + 7)))
                        i = k + 7
                        continue
                    }
                    i = end
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// The parts per million of one unit of `万分之`, `千分之`, `百分之` (by the character before `分之`).
    private static func rateScale<U: TextUnit>(_ c: U) -> Int? {
        if c == "万" { return 100 }
        if c == "千" { return 1000 }
        if c == "百" { return 10_000 }
        return nil
    }

    /// An ASCII decimal at `i` scaled by 10^scaleDigits (`0.05` with 6 → 50 000).
    private static func decimal<U: TextUnit>(_ c: [U], _ i: Int, scaleDigits: Int) -> (Int, Int)? {
        var j = i
        var whole = 0
        var frac = 0
        var fracDigits = 0
        var seen = false
        while j < c.count, let d = c[j].asciiDigit, whole < 1_000_000 {
            whole = whole * 10 + d
            j += 1
            seen = true
        }
        guard seen else { return nil }
        if j + 1 < c.count, c[j] == ".", c[j + 1].isASCII, c[j + 1].isNumber {
            j += 1
            while j < c.count, let d = c[j].asciiDigit {
                if fracDigits < scaleDigits {
                    frac = frac * 10 + d
                    fracDigits += 1
                }
                j += 1
            }
        }
        var scale = 1
        for _ in 0..<scaleDigits { scale *= 10 }
        var fracScaled = frac
        for _ in fracDigits..<scaleDigits { fracScaled *= 10 }
        return (whole * scale + fracScaled, j)
    }
}

/// What one sentence gives the key terms on its own (`KeyTermExtractor.read`): the groups it
/// belongs to by its kinds (the lists `extract` looks for each term in), its support times and rates.
struct KeyTermSentence: Equatable, Sendable {
    var groups: Groups = []
    /// With `line` 0: `extract` sets the sentence's line.
    var slaResponses: [SLAResponse] = []
    var penaltyRates: [PenaltyRate] = []

    struct Groups: OptionSet, Equatable, Sendable {
        let rawValue: UInt16
        /// About the term.
        static let term = Groups(rawValue: 1 << 0)
        /// Of the renewal kind.
        static let renewal = Groups(rawValue: 1 << 1)
        /// About termination and not of the renewal kind.
        static let terminationOnly = Groups(rawValue: 1 << 2)
        /// About payment and not about penalties; `invoiced`: and it names an invoice.
        static let payment = Groups(rawValue: 1 << 3)
        static let invoiced = Groups(rawValue: 1 << 4)
        /// About liability: its evidence may be the liability cap.
        static let liability = Groups(rawValue: 1 << 5)
        /// About governing law, or a strong dispute sentence: may name the law.
        static let law = Groups(rawValue: 1 << 6)
        /// About disputes: may name the forum.
        static let forum = Groups(rawValue: 1 << 7)
        /// About payment and about penalties too (`…30日内支付合同价款，逾期…违约金`): read for the days to
        /// pay after every `payment` sentence.
        static let paymentAndPenalty = Groups(rawValue: 1 << 8)
    }
}

/// Words looked for in the text around a number: as strings, and as scalars for a plain sentence
/// (see `ContractText.isPlain`), where a word occurs as characters exactly where its scalars do.
struct WindowWords: Sendable {
    let strings: [String]
    let scalars: [[Unicode.Scalar]]

    init(_ words: [String]) {
        precondition(words.allSatisfy { !$0.isEmpty && ContractText.plainScalars($0) != nil }, "window words are plain text")
        strings = words
        scalars = words.map { Array($0.unicodeScalars) }
    }
}

/// A stretch of a sentence's lower-cased characters (clamped to the sentence). On a plain sentence
/// it is read in place, as scalars; otherwise as the `String` of its characters, with the answers
/// the readers always had (`String` comparison, canonical equivalence).
struct TextWindow {
    let chars: CharacterArray
    let range: Range<Int>

    init(_ chars: CharacterArray, _ range: Range<Int>) {
        self.chars = chars
        self.range = range.clamped(to: 0..<chars.count)
    }

    /// The window's text.
    var string: String { chars.string(range) }

    /// The part of a Chinese sentence around `r`: from the `，` or `；` (read as `,`/`;` beside Chinese)
    /// before it to the one after it (or the sentence's ends). An English comma is not one: it parts phrases of one clause as often
    /// (`…about the dispute before payment is due, or within 30 days of an automatic payment`).
    static func part(_ chars: CharacterArray, around r: Range<Int>) -> TextWindow {
        // The reading's text has `，` as `,`: a comma between Chinese characters.
        func separates(_ i: Int) -> Bool {
            switch chars {
            case .plain(let u):
                guard u[i] == "," || u[i] == ";" || u[i] == "，" || u[i] == "；" else { return false }
                return (i > 0 && !u[i - 1].isASCII) || (i + 1 < u.count && !u[i + 1].isASCII)
            case .general(let c):
                guard c[i] == "," || c[i] == ";" || c[i] == "，" || c[i] == "；" else { return false }
                return (i > 0 && !c[i - 1].isASCII) || (i + 1 < c.count && !c[i + 1].isASCII)
            }
        }
        var start = min(r.lowerBound, chars.count)
        while start > 0 && !separates(start - 1) { start -= 1 }
        var end = min(max(r.upperBound, start), chars.count)
        while end < chars.count && !separates(end) { end += 1 }
        return TextWindow(chars, start..<end)
    }

    /// `ContractText.containsAny(string, words)`.
    func containsAny(_ words: WindowWords) -> Bool {
        guard case .plain(let u) = chars else { return ContractText.containsAny(string, words.strings) }
        return words.scalars.contains { TextWindow.first($0, in: u, range) != nil }
    }

    /// Whether the window starts with one of `words` (`string.hasPrefix`); `trimmed`: after its blanks.
    func hasPrefix(_ words: WindowWords, trimmed: Bool = false) -> Bool {
        guard case .plain(let u) = chars else {
            let s = trimmed ? string.trimmed : string
            return words.strings.contains { s.hasPrefix($0) }
        }
        var start = range.lowerBound
        if trimmed {
            // The blanks of `String.trimmed`.
            while start < range.upperBound, TextWindow.isBlank(u[start]) { start += 1 }
        }
        return words.scalars.contains { w in w.count <= range.upperBound - start && w.indices.allSatisfy { u[start + $0] == w[$0] } }
    }

    /// Whether the window ends with one of `words` (`string.hasSuffix`).
    func hasSuffix(_ words: WindowWords) -> Bool {
        guard case .plain(let u) = chars else { return words.strings.contains { string.hasSuffix($0) } }
        return words.scalars.contains { w in
            w.count <= range.count && w.indices.allSatisfy { u[range.upperBound - w.count + $0] == w[$0] }
        }
    }

    /// The window up to its first clause mark (`,` `;` `。` …): what the words right after a quantity
    /// say of it, not of the next clause (`有效期为二十四个月，期满前九十日…`).
    func toClauseEnd() -> TextWindow {
        for i in range where TextWindow.isClauseMark(chars, i) { return TextWindow(chars, range.lowerBound..<i) }
        return self
    }

    /// The window from after its last clause mark: the words before a quantity in its own clause.
    func fromClauseStart() -> TextWindow {
        for i in range.reversed() where TextWindow.isClauseMark(chars, i) { return TextWindow(chars, (i + 1)..<range.upperBound) }
        return self
    }

    static func isClauseMark(_ chars: CharacterArray, _ i: Int) -> Bool {
        let u: Unicode.Scalar
        switch chars {
        case .plain(let s): u = s[i]
        case .general(let c): u = c[i].leadScalar
        }
        switch u {
        case ",", ";", "。", "，", "；", ":", "：": return true
        default: return false
        }
    }

    /// The blanks `String.trimmed` removes.
    static func isBlank(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case " ", "\t", "\n", "\r", "\u{3000}": return true
        default: return false
        }
    }

    /// Where `w` first occurs in `u[range]`.
    static func first(_ w: [Unicode.Scalar], in u: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
        guard !w.isEmpty, range.count >= w.count else { return nil }
        let head = w[0]
        var i = range.lowerBound
        let last = range.upperBound - w.count
        while i <= last {
            if u[i] == head && (1..<w.count).allSatisfy({ u[i + $0] == w[$0] }) { return i }
            i += 1
        }
        return nil
    }

    /// Where `w` last occurs in `u[range]`.
    static func last(_ w: [Unicode.Scalar], in u: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
        guard !w.isEmpty, range.count >= w.count else { return nil }
        let head = w[0]
        var i = range.upperBound - w.count
        while i >= range.lowerBound {
            if u[i] == head && (1..<w.count).allSatisfy({ u[i + $0] == w[$0] }) { return i }
            i -= 1
        }
        return nil
    }
}
