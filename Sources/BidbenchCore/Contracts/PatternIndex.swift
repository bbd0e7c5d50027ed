/// One Aho–Corasick automaton over every literal of every rule pattern, so that a sentence is read
/// once, byte by byte, and the patterns that cannot match it are ruled out without being looked at.
///
/// Reading a haystack marks three kinds of bits (see `Haystack.marks`):
/// - each literal that occurs somewhere in it (word boundaries not checked: a superset of matches);
/// - each pattern whose anchor part (one of its parts, chosen at build time) has an occurring
///   alternative: a pattern can match only then;
/// - each pattern group (`PatternSet`) that holds such a pattern: a whole set is ruled out with one
///   bit test.
/// A pattern can match only when every part has an alternative whose literal occurs, so the marks
/// rule out only patterns that a full search would not find (the shortcut test checks this on every
/// contract line).
///
/// The automaton is a DFA over byte classes (the bytes that occur in some literal, and one class for
/// all the others), built once per process from the rule tables (`ruleGroups`).
final class PatternIndex: Sendable {
    static let shared = PatternIndex(groups: ruleGroups())

    /// Every group of patterns the scanner matches: the index gives them ids and anchors. A pattern
    /// left out still answers correctly, by a full search.
    static func ruleGroups() -> [PatternSet] {
        var groups: [PatternSet] = [ClauseRules.definitionHeadings]
        for rule in ClauseRules.all { groups += [rule.headings, rule.headingVeto, rule.strong, rule.weak, rule.veto] }
        for rule in RedFlagDetector.rules { groups += [rule.triggerSet, rule.veto] }
        groups += RedFlagDetector.patternSets
        groups += DataSecurityReviewer.patterns.map(\.1)
        groups.append(DataSecurityReviewer.vagueWords)
        groups += KeyTermExtractor.substringWords.map(\.set)
        return groups
    }

    let literalCount: Int
    let patternCount: Int
    let groupCount: Int
    /// Words of a haystack's marks: literal bits, then pattern bits, then group bits.
    let words: Int
    /// The byte class of each byte value (0: a byte no literal contains).
    private let classOf: [UInt16]
    private let classCount: Int
    /// `next[state * classCount + class]`: the next state, with `endsLiteral` set when that state ends
    /// one or more literals. 16 bits a state: the table is 3 MB rather than 6, and a walk misses the
    /// cache less often.
    private let next: [UInt16]
    /// For a state `s`: its literals are `outLiterals[outStart[s] ..< outStart[s + 1]]`.
    private let outStart: [Int32]
    private let outLiterals: [Int32]
    /// For a literal: the mark bits it sets besides its own (anchored patterns and their groups).
    private let wakeStart: [Int32]
    private let wakeBits: [Int32]

    // Kept as one function: the index is built in passes (literals, patterns and groups, the automaton, wake bits) that share its arrays.
    init(groups: [PatternSet]) {
        // Literals, deduplicated by their bytes.
        var literalIds: [[UInt8]: Int32] = [:]
        var literals: [[UInt8]] = []
        func literal(_ bytes: [UInt8]) -> Int32 {
            if bytes.isEmpty { return -1 }
            if let id = literalIds[bytes] { return id }
            let id = Int32(literals.count)
            literals.append(bytes)
            literalIds[bytes] = id
            return id
        }
        // Patterns (each once, even when in several groups) and the groups that hold them.
        var patterns: [TextPattern] = []
        var groupsOf: [[Int32]] = []
        for (g, group) in groups.enumerated() {
            group.group.id = Int32(g)
            for p in group.patterns {
                if p.id < 0 {
                    p.id = Int32(patterns.count)
                    patterns.append(p)
                    groupsOf.append([])
                    for k in p.parts.indices {
                        for a in p.parts[k].indices { p.parts[k][a].literal = literal(p.parts[k][a].bytes) }
                    }
                    // Anchor on the part whose shortest alternative is longest: the rarest to occur.
                    p.anchor =
                        p.parts.indices.max { a, b in
                            (p.parts[a].map(\.bytes.count).min() ?? 0) < (p.parts[b].map(\.bytes.count).min() ?? 0)
                        } ?? 0
                }
                if groupsOf[Int(p.id)].last != Int32(g) { groupsOf[Int(p.id)].append(Int32(g)) }
            }
        }
        literalCount = literals.count
        patternCount = patterns.count
        groupCount = groups.count
        words = (literalCount + patternCount + groupCount + 63) / 64

        // What each literal wakes: the patterns anchored on it and their groups.
        var wake = [[Int32]](repeating: [], count: literals.count)
        for p in patterns where !p.parts.isEmpty {
            for alt in p.parts[p.anchor] where alt.literal >= 0 {
                var bits = wake[Int(alt.literal)]
                bits.append(Int32(literalCount) + p.id)
                for g in groupsOf[Int(p.id)] { bits.append(Int32(literalCount + patternCount) + g) }
                wake[Int(alt.literal)] = bits
            }
        }
        var wakeStart: [Int32] = [0]
        var wakeBits: [Int32] = []
        for w in wake {
            wakeBits += Array(Set(w)).sorted()
            wakeStart.append(Int32(wakeBits.count))
        }
        self.wakeStart = wakeStart
        self.wakeBits = wakeBits

        // Byte classes.
        var classOf = [UInt16](repeating: 0, count: 256)
        var classCount = 1
        for l in literals {
            for b in l where classOf[Int(b)] == 0 {
                classOf[Int(b)] = UInt16(classCount)
                classCount += 1
            }
        }
        self.classOf = classOf
        self.classCount = classCount
        let automaton = PatternIndex.automaton(literals, classOf: classOf, classCount: classCount)
        self.next = automaton.next
        self.outStart = automaton.outStart
        self.outLiterals = automaton.outLiterals
    }

    /// The Aho–Corasick DFA of `literals` over byte classes, its states numbered breadth first (the
    /// shallow states, where a walk spends most of its time, share cache lines): see `next`.
    private static func automaton(_ literals: [[UInt8]], classOf: [UInt16], classCount: Int) -> (
        next: [UInt16], outStart: [Int32], outLiterals: [Int32]
    ) {
        // The trie, as one flat table (`-1`: no edge), and the literals each node ends.
        var trie = [Int32](repeating: -1, count: classCount)
        var ends: [[Int32]] = [[]]
        for (id, l) in literals.enumerated() {
            var s = 0
            for b in l {
                let edge = s * classCount + Int(classOf[Int(b)])
                if trie[edge] < 0 {
                    trie[edge] = Int32(ends.count)
                    trie += repeatElement(-1, count: classCount)
                    ends.append([])
                }
                s = Int(trie[edge])
            }
            ends[s].append(Int32(id))
        }
        let states = ends.count
        precondition(states < 1 << 15, "the rule literals need more automaton states than a 16-bit table holds")
        // Breadth first: the order of the new numbers, failure links, outputs along them, and the
        // full transition table (in the trie's numbering).
        var order: [Int] = [0]
        order.reserveCapacity(states)
        var fail = [Int](repeating: 0, count: states)
        var outputs = ends
        var delta = [Int32](repeating: 0, count: states * classCount)
        var head = 0
        while head < order.count {
            let s = order[head]
            head += 1
            let f = fail[s]
            if s != 0 { outputs[s] += outputs[f] }
            for c in 0..<classCount {
                let t = trie[s * classCount + c]
                if t >= 0 {
                    fail[Int(t)] = s == 0 ? 0 : Int(delta[f * classCount + c])
                    delta[s * classCount + c] = t
                    order.append(Int(t))
                } else {
                    delta[s * classCount + c] = s == 0 ? 0 : delta[f * classCount + c]
                }
            }
        }
        // Renumbered breadth first; the top bit flags a state that ends one or more literals.
        var number = [UInt16](repeating: 0, count: states)
        for (n, s) in order.enumerated() { number[s] = UInt16(n) }
        var next = [UInt16](repeating: 0, count: states * classCount)
        var outStart: [Int32] = [0]
        var outLiterals: [Int32] = []
        for (n, s) in order.enumerated() {
            for c in 0..<classCount {
                let t = Int(delta[s * classCount + c])
                next[n * classCount + c] = number[t] | (outputs[t].isEmpty ? 0 : PatternIndex.endsLiteral)
            }
            outLiterals += outputs[s]
            outStart.append(Int32(outLiterals.count))
        }
        return (next, outStart, outLiterals)
    }

    /// The flag of `next` entries whose state ends a literal.
    private static let endsLiteral: UInt16 = 1 << 15

    /// The marks of `bytes` (see the type's note).
    func marks(_ bytes: [UInt8]) -> [UInt64] {
        var marks = [UInt64](repeating: 0, count: words)
        let classCount = self.classCount
        marks.withUnsafeMutableBufferPointer { m in
            bytes.withUnsafeBufferPointer { text in
                next.withUnsafeBufferPointer { next in
                    classOf.withUnsafeBufferPointer { classOf in
                        var s = 0
                        for b in text {
                            let t = next[s &* classCount &+ Int(classOf[Int(b)])]
                            s = Int(t & ~PatternIndex.endsLiteral)
                            if t & PatternIndex.endsLiteral == 0 { continue }
                            for k in Int(outStart[s])..<Int(outStart[s + 1]) {
                                let l = Int(outLiterals[k])
                                let bit: UInt64 = 1 << UInt64(l & 63)
                                if m[l >> 6] & bit != 0 { continue }
                                m[l >> 6] |= bit
                                for w in Int(wakeStart[l])..<Int(wakeStart[l + 1]) {
                                    let x = Int(wakeBits[w])
                                    m[x >> 6] |= 1 << UInt64(x & 63)
                                }
                            }
                        }
                    }
                }
            }
        }
        return marks
    }

    /// The bit of a pattern and of a group in the marks.
    @inline(__always) func patternBit(_ id: Int32) -> Int { literalCount + Int(id) }
    @inline(__always) func groupBit(_ id: Int32) -> Int { literalCount + patternCount + Int(id) }
}

/// A group's identity in the index: set once, when the index is built.
final class PatternGroup: Sendable {
    nonisolated(unsafe) var id: Int32 = -1
    init() {}
}
