/// Finding and merging duplicate requirements across departments.
public enum Consolidation {
    /// Tokens for similarity: character bigrams of runs of CJK characters (a lone CJK character
    /// counts as itself), and lower-cased words of two or more letters/digits for other scripts.
    public static func tokens(_ text: String) -> Set<String> {
        var out = Set<String>()
        var cjk: [Character] = []
        var word = ""
        func flushCJK() {
            if cjk.count == 1 { out.insert(String(cjk[0])) }
            if cjk.count >= 2 { for i in 0..<(cjk.count - 1) { out.insert(String(cjk[i...i + 1])) } }
            cjk.removeAll()
        }
        func flushWord() {
            if word.count >= 2 && !stopWords.contains(word) { out.insert(word) }
            word = ""
        }
        for ch in text {
            if isCJK(ch) {
                flushWord()
                cjk.append(ch)
            } else if ch.isLetter || ch.isNumber {
                flushCJK()
                word += ch.lowercased()
            } else {
                flushCJK()
                flushWord()
            }
        }
        flushCJK()
        flushWord()
        return out
    }

    static let stopWords: Set<String> = [
        "the", "and", "for", "of", "to", "in", "on", "by", "with", "an", "be", "is", "are", "from", "at", "or",
    ]

    static func isCJK(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x2FFFF).contains(v)
    }

    /// Dice coefficient 2|A∩B| / (|A|+|B|) of two token sets, 0…1.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let ta = tokens(a)
        let tb = tokens(b)
        guard !ta.isEmpty || !tb.isEmpty else { return 0 }
        return 2 * Double(ta.intersection(tb).count) / Double(ta.count + tb.count)
    }

    /// A pair of likely duplicates.
    public struct Pair: Equatable, Sendable {
        public var first: String
        public var second: String
        public var similarity: Double
    }

    /// Likely duplicates among active (draft or confirmed) requirements of different departments
    /// whose titles are at least `threshold` similar; most similar first, then by ids.
    public static func duplicates(in requirements: [Requirement], threshold: Double = 0.4) -> [Pair] {
        let active = requirements.filter { $0.status == .draft || $0.status == .confirmed }
        let toks = active.map { tokens($0.title) }
        var pairs: [Pair] = []
        for i in 0..<active.count {
            for j in (i + 1)..<active.count where active[i].department != active[j].department {
                let a = toks[i]
                let b = toks[j]
                guard !a.isEmpty || !b.isEmpty else { continue }
                let s = 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
                if s >= threshold { pairs.append(Pair(first: active[i].id, second: active[j].id, similarity: s)) }
            }
        }
        return pairs.sorted { ($0.similarity, $1.first, $1.second) > ($1.similarity, $0.first, $0.second) }
    }

    /// Merges `absorbed` into `kept`: the kept requirement takes the higher priority and weight, both
    /// sources, and the other's detail and acceptance when they differ; the absorbed one is marked
    /// `merged` with a pointer to the kept one. Gate answers of the absorbed one are kept as they are.
    /// Returns nil when either id is unknown or they are the same.
    public static func merge(_ ws: Workspace, keep kept: String, absorb absorbed: String, date: Day) -> Workspace? {
        guard kept != absorbed,
            let ki = ws.requirements.firstIndex(where: { $0.id == kept }),
            let ai = ws.requirements.firstIndex(where: { $0.id == absorbed })
        else { return nil }
        var out = ws
        var k = out.requirements[ki]
        let a = out.requirements[ai]
        k.priority = min(k.priority, a.priority)
        k.weight = max(k.weight, a.weight)
        let aSource = a.source.isEmpty ? "\(a.department) \(a.id)" : "\(a.source) (\(a.id))"
        k.source = k.source.isEmpty ? aSource : k.source + "; " + aSource
        if !a.detail.isEmpty && !k.detail.contains(a.detail) { k.detail = k.detail.isEmpty ? a.detail : k.detail + "; " + a.detail }
        if !a.acceptance.isEmpty && !k.acceptance.contains(a.acceptance) {
            k.acceptance = k.acceptance.isEmpty ? a.acceptance : k.acceptance + "; " + a.acceptance
        }
        if k.criterion.isEmpty { k.criterion = a.criterion }
        out.requirements[ki] = k
        out.requirements[ai].status = .merged
        out.requirements[ai].source = (a.source.isEmpty ? "" : a.source + "; ") + "merged into \(kept) \(date)"
        return out
    }

    /// `must` requirements that are still active: the knock-out gates every vendor must meet.
    public static func knockoutGates(_ ws: Workspace) -> [Requirement] {
        ws.requirements.filter { $0.priority == .must && ($0.status == .draft || $0.status == .confirmed) }
    }

    /// Active requirements grouped by the criterion they roll up to ("" for not yet assigned).
    public static func rollup(_ ws: Workspace) -> [(criterion: String, requirements: [Requirement])] {
        var groups: [String: [Requirement]] = [:]
        for r in ws.requirements where r.status == .draft || r.status == .confirmed { groups[r.criterion, default: []].append(r) }
        let order = ws.criteria.map(\.id)
        return groups.keys.sorted { (order.firstIndex(of: $0) ?? Int.max, $0) < (order.firstIndex(of: $1) ?? Int.max, $1) }
            .map { (criterion: $0, requirements: groups[$0]!) }
    }
}
