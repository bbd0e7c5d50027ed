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
        groups += [DataSecurityReviewer.vagueWords, DataSecurityReviewer.damagesOnly, DataSecurityReviewer.buyerBacksUp]
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
    /// The automaton (see `Automaton`).
    private let automaton: Automaton
    /// For a literal: the mark bits it sets besides its own (anchored patterns and their groups).
    private let wakeStart: [Int32]
    private let wakeBits: [Int32]

    // Kept as one function: the index is built in passes (literals, patterns and groups, the automaton, wake bits) that share its arrays.
    init(groups: [PatternSet]) {
        // Literals, deduplicated by their bytes.
        var literalIds = LiteralTable()
        var literals: [[UInt8]] = []
        func literal(_ bytes: [UInt8]) -> Int32 {
            if bytes.isEmpty { return -1 }
            let id = literalIds.find(bytes, in: literals)
            if id < 0 { literals.append(bytes) }
            return id < 0 ? Int32(literals.count - 1) : id
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
                            (p.parts[a].lazy.map { $0.bytes.count }.min() ?? 0) < (p.parts[b].lazy.map { $0.bytes.count }.min() ?? 0)
                        } ?? 0
                }
                if groupsOf[Int(p.id)].last != Int32(g) { groupsOf[Int(p.id)].append(Int32(g)) }
            }
        }
        literalCount = literals.count
        patternCount = patterns.count
        groupCount = groups.count
        words = (literalCount + patternCount + groupCount + 63) / 64
        for p in patterns { p.bit = literalCount + Int(p.id) }
        for group in groups {
            group.group.bit = literalCount + patternCount + Int(group.group.id)
            group.group.patternBits = group.patterns.map { $0.bit }
        }

        // What each literal wakes: the patterns anchored on it and their groups.
        var wake = [[Int32]](repeating: [], count: literals.count)
        for p in patterns where !p.parts.isEmpty {
            for alt in p.parts[p.anchor] where alt.literal >= 0 {
                let l = Int(alt.literal)
                wake[l].append(Int32(literalCount) + p.id)
                for g in groupsOf[Int(p.id)] { wake[l].append(Int32(literalCount + patternCount) + g) }
            }
        }
        var wakeStart: [Int32] = [0]
        var wakeBits: [Int32] = []
        for var w in wake {
            // Sorted, each bit once (a pattern's groups repeat from one anchored pattern to the next).
            w.sort()
            for (k, bit) in w.enumerated() where k == 0 || w[k - 1] != bit { wakeBits.append(bit) }
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
        automaton = Automaton(literals, classOf: classOf, classCount: classCount)
    }

    /// The marks of `bytes` (see the type's note).
    func marks(_ bytes: [UInt8]) -> [UInt64] {
        var marks = [UInt64](repeating: 0, count: words)
        let a = automaton
        marks.withUnsafeMutableBufferPointer { m in
            bytes.withUnsafeBufferPointer { text in
                a.next.withUnsafeBufferPointer { next in
                    classOf.withUnsafeBufferPointer { classOf in
                        var s = 0
                        for b in text {
                            let c = Int(classOf[Int(b)])
                            // A deep state's own edges, else its failure link, until a dense state answers.
                            var x = s
                            var edge: UInt16?
                            while x >= a.dense {
                                edge = a.edge(from: x, class: c)
                                if edge != nil { break }
                                x = a.failure(of: x)
                            }
                            let t = edge ?? next[x &* a.classCount &+ c]
                            s = Int(t & ~Automaton.endsLiteral)
                            if t & Automaton.endsLiteral == 0 { continue }
                            for k in Int(a.outStart[s])..<Int(a.outStart[s + 1]) {
                                let l = Int(a.outLiterals[k])
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
    /// The group's bit in a haystack's marks (`PatternIndex.groupBit`), -1 when not indexed.
    nonisolated(unsafe) var bit = -1
    /// The bits of the group's patterns, in order (set with `bit`).
    nonisolated(unsafe) var patternBits: [Int] = []
    init() {}
}

/// The Aho–Corasick automaton of the literals over byte classes, its states numbered breadth first.
/// The first `dense` states (the shallow ones, where a walk spends most of its time) have a full row
/// of next states; a deeper state keeps only its own edges and its failure link, and a walk follows
/// failure links from it until an edge or a dense state answers. So the whole automaton is under
/// 400 KB and stays in a core's cache (a full table of 13 000 states × 119 classes is 3 MB or more,
/// and nearly every byte then missed the cache).
private struct Automaton: Sendable {
    let classCount: Int
    /// States below this number have a row in `next`.
    let dense: Int
    /// `next[state * classCount + class]` for a dense state: the next state, with `endsLiteral` set
    /// when that state ends one or more literals.
    let next: [UInt16]
    /// A deep state `s`'s edges are `edgeClass`/`edgeTarget[edgeStart[s - dense] ..< edgeStart[s - dense + 1]]`
    /// (targets flagged like `next`); `fail[s - dense]` is its failure link.
    let edgeStart: [Int32]
    let edgeClass: [UInt16]
    let edgeTarget: [UInt16]
    let fail: [UInt16]
    /// For a state `s`: its literals are `outLiterals[outStart[s] ..< outStart[s + 1]]`.
    let outStart: [Int32]
    let outLiterals: [Int32]

    /// The flag of a next state that ends a literal.
    static let endsLiteral: UInt16 = 1 << 15
    /// The most states with a full row (about 256 KB of rows).
    static let denseLimit = 1024

    /// The flagged target of a deep state's edge for class `c`, nil when it has none.
    @inline(__always) func edge(from s: Int, class c: Int) -> UInt16? {
        let d = s - dense
        for k in Int(edgeStart[d])..<Int(edgeStart[d + 1]) where Int(edgeClass[k]) == c { return edgeTarget[k] }
        return nil
    }

    /// A deep state's failure link.
    @inline(__always) func failure(of s: Int) -> Int { Int(fail[s - dense]) }

    // Kept as one function: the trie, the failure links and the two tables are built in passes over the same arrays.
    init(_ literals: [[UInt8]], classOf: [UInt16], classCount: Int) {
        self.classCount = classCount
        // The trie's edges, keyed by `state * classCount + class` (a flat table of every state's row
        // would be megabytes, each page of it faulted in once per process), the state each literal
        // ends at, and the edges as a list (parent, class, child), so that the passes below visit
        // only the edges that exist.
        var child = EdgeTable(capacity: literals.reduce(0) { $0 + $1.count })
        var states = 1
        var endState = [Int](repeating: 0, count: literals.count)
        var edges: [(parent: Int, class: Int, child: Int)] = []
        for (id, l) in literals.enumerated() {
            var s = 0
            for b in l {
                let c = Int(classOf[Int(b)])
                if let t = child[s * classCount + c] {
                    s = Int(t)
                } else {
                    child.insert(s * classCount + c, Int32(states))
                    edges.append((s, c, states))
                    s = states
                    states += 1
                }
            }
            endState[id] = s
        }
        precondition(states < 1 << 15, "the rule literals need more automaton states than a 16-bit table holds")
        // The literals each state ends: `ownLiterals[ownStart[s] ..< ownStart[s + 1]]`, in literal order.
        var ownStart = [Int](repeating: 0, count: states + 1)
        for s in endState { ownStart[s + 1] += 1 }
        for s in 0..<states { ownStart[s + 1] += ownStart[s] }
        var ownLiterals = [Int32](repeating: 0, count: literals.count)
        var nextOwn = ownStart
        for (id, s) in endState.enumerated() {
            ownLiterals[nextOwn[s]] = Int32(id)
            nextOwn[s] += 1
        }
        // The edges grouped by parent: a state's are `edges[childStart[s] ..< childStart[s + 1]]`.
        var childStart = [Int](repeating: 0, count: states + 1)
        for e in edges { childStart[e.parent + 1] += 1 }
        for s in 0..<states { childStart[s + 1] += childStart[s] }
        var filled = childStart
        var byParent = edges
        for e in edges {
            byParent[filled[e.parent]] = e
            filled[e.parent] += 1
        }
        edges = byParent
        // Breadth first: the order of the new numbers, failure links, and whether a state (or one
        // along its failure links) ends a literal.
        var order: [Int] = [0]
        order.reserveCapacity(states)
        var fail = [Int](repeating: 0, count: states)
        var endsAny = [Bool](repeating: false, count: states)
        var head = 0
        while head < order.count {
            let s = order[head]
            head += 1
            endsAny[s] = ownStart[s] < ownStart[s + 1] || (s != 0 && endsAny[fail[s]])
            // By index: a slice of `edges` would retain and release the list at every state.
            for k in childStart[s]..<childStart[s + 1] {
                let (_, c, t) = edges[k]
                order.append(t)
                guard s != 0 else { continue }
                var f = fail[s]
                while f != 0 && child[f * classCount + c] == nil { f = fail[f] }
                fail[t] = Int(child[f * classCount + c] ?? 0)
            }
        }
        var number = [Int](repeating: 0, count: states)
        for (n, s) in order.enumerated() { number[s] = n }
        func flagged(_ t: Int) -> UInt16 { UInt16(number[t]) | (endsAny[t] ? Automaton.endsLiteral : 0) }
        // Rows of the dense states, in order: a missing edge goes where the failure link's row goes
        // (a failure link is shallower, so its row is made already), then the state's own edges.
        dense = min(states, Automaton.denseLimit)
        var next = [UInt16](repeating: 0, count: dense * classCount)
        for n in 0..<dense {
            let s = order[n]
            let row = n * classCount
            if s != 0 {
                let failRow = number[fail[s]] * classCount
                for c in 0..<classCount { next[row + c] = next[failRow + c] }
            }
            for k in childStart[s]..<childStart[s + 1] { next[row + edges[k].class] = flagged(edges[k].child) }
        }
        self.next = next
        var edgeStart: [Int32] = [0]
        var edgeClass: [UInt16] = []
        var edgeTarget: [UInt16] = []
        var failOf: [UInt16] = []
        for n in dense..<states {
            let s = order[n]
            for k in childStart[s]..<childStart[s + 1] {
                edgeClass.append(UInt16(edges[k].class))
                edgeTarget.append(flagged(edges[k].child))
            }
            edgeStart.append(Int32(edgeClass.count))
            failOf.append(UInt16(number[fail[s]]))
        }
        self.edgeStart = edgeStart
        self.edgeClass = edgeClass
        self.edgeTarget = edgeTarget
        self.fail = failOf
        // A state's literals: its own, then its failure link's (made already: it is shallower).
        var outStart: [Int32] = [0]
        var outLiterals: [Int32] = []
        for s in order {
            for k in ownStart[s]..<ownStart[s + 1] { outLiterals.append(ownLiterals[k]) }
            if s != 0 {
                // One by one: a slice of `outLiterals` appended to itself would hold its buffer and
                // make each append copy the whole list (seconds of table building, quadratic).
                let f = number[fail[s]]
                for k in Int(outStart[f])..<Int(outStart[f + 1]) { outLiterals.append(outLiterals[k]) }
            }
            outStart.append(Int32(outLiterals.count))
        }
        self.outStart = outStart
        self.outLiterals = outLiterals
    }
}

/// The trie's edges while the automaton is built: `state * classCount + class` → child state, in an
/// open-addressing table with a multiplicative hash. The keys come from the rule tables, not from a
/// contract, so no keyed hash is needed (the standard `Dictionary` hashed each key with SipHash: a
/// sixth of building the tables, which every `contract check` waits for).
private struct EdgeTable {
    /// Per slot: the key plus one (0: empty), and its child.
    private var keys: [Int32]
    private var children: [Int32]
    private let shift: UInt64
    private let mask: Int

    /// A table for at most `capacity` edges (never more than half full).
    init(capacity: Int) {
        var bits = 4
        while 1 << bits < 2 * capacity { bits += 1 }
        keys = [Int32](repeating: 0, count: 1 << bits)
        children = keys
        shift = UInt64(64 - bits)
        mask = (1 << bits) - 1
    }

    @inline(__always) private func slot(_ key: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    subscript(key: Int) -> Int32? {
        var s = slot(key)
        while keys[s] != 0 {
            if Int(keys[s]) == key + 1 { return children[s] }
            s = (s + 1) & mask
        }
        return nil
    }

    /// Adds an edge that is not in the table yet.
    mutating func insert(_ key: Int, _ child: Int32) {
        precondition(key < Int(Int32.max), "an automaton edge key must fit 31 bits")
        var s = slot(key)
        while keys[s] != 0 { s = (s + 1) & mask }
        keys[s] = Int32(key + 1)
        children[s] = child
    }
}

/// The rule literals' ids by their bytes while the index is built: an open-addressing table of ids,
/// the bytes kept in the caller's list (equal hashes are confirmed byte for byte).
private struct LiteralTable {
    /// Per slot: the literal's id plus one (0: empty).
    private var slots = [Int32](repeating: 0, count: 1 << 12)
    private var hashes: [UInt64] = []

    /// The id of the literal equal to `bytes` in `literals`; else -1, and the caller appends `bytes`
    /// to `literals` (its id is then `literals.count` as it was).
    mutating func find(_ bytes: [UInt8], in literals: [[UInt8]]) -> Int32 {
        if 2 * (hashes.count + 1) > slots.count { grow() }
        let h = bytes.withUnsafeBytes { LineHash.hash($0) }
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] != 0 {
            let id = Int(slots[s]) - 1
            if hashes[id] == h && literals[id] == bytes { return Int32(id) }
            s = (s + 1) & mask
        }
        slots[s] = Int32(hashes.count + 1)
        hashes.append(h)
        return -1
    }

    /// Twice the slots, every id put back at its hash.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: 2 * slots.count)
        let mask = slots.count - 1
        for (id, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(id + 1)
        }
    }
}
