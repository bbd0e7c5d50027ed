/// A criterion's weight in the tree: `local` among its siblings (summing to 1), `global` the
/// product of local weights from the top down to it.
public struct CriterionWeight: Equatable, Sendable {
    public var id: String
    public var name: String
    /// The effective parent ("" for top level; an unknown or cyclic parent is treated as top level).
    public var parent: String
    public var kind: CriterionKind
    public var source: CriterionSource
    public var local: Double
    public var global: Double
    /// Whether the local weight came from the AHP matrix of the parent (`ws.ahp[parent]`).
    public var fromAHP: Bool
    /// Leaves are the scored columns of the decision matrix.
    public var isLeaf: Bool
}

/// One row of the ranking.
public struct RankedVendor: Equatable, Sendable {
    public var vendor: String
    public var name: String
    public var score: Double
    /// Competition rank (1, 2, 2, 4).
    public var rank: Int
    public init(vendor: String, name: String, score: Double, rank: Int) {
        self.vendor = vendor
        self.name = name
        self.score = score
        self.rank = rank
    }
}

/// A vendor left out of the ranking, and why.
public struct ExcludedVendor: Equatable, Sendable {
    public var vendor: String
    public var name: String
    public var reason: String
    /// The reason in Simplified Chinese (the same as `reason` where there is none).
    public var reasonZH: String
    public init(vendor: String, name: String, reason: String, reasonZH: String? = nil) {
        self.vendor = vendor
        self.name = name
        self.reason = reason
        self.reasonZH = reasonZH ?? reason
    }
    /// Exclusions are the same when their English reason is (the Chinese is a rendering of it).
    public static func == (a: ExcludedVendor, b: ExcludedVendor) -> Bool {
        a.vendor == b.vendor && a.name == b.name && a.reason == b.reason
    }
}

/// Everything the vendor matrix, `rank` and `sensitivity` show about a workspace.
public struct Evaluation: Equatable, Sendable {
    public var method: ScoringMethod
    /// The normalisation for wsm/topsis; nil for cn (it has its own formulas).
    public var normalization: Normalization?
    public var aggregate: PanelAggregate
    /// Ranked vendors, sorted by rank (ties in vendors.csv order).
    public var ranking: [RankedVendor]
    /// Vendors that fail a must-have (knock-out gate): never ranked.
    public var disqualified: [ExcludedVendor]
    /// Qualified vendors that cannot be scored yet (a criterion nobody scored, no price): not ranked.
    public var incomplete: [ExcludedVendor]
    /// Panel statistics of every scored cell, in vendors.csv then criteria.csv order.
    public var cells: [PanelCell]
    /// Every criterion with its local and global weight, in criteria.csv order.
    public var weights: [CriterionWeight]
    /// AHP results by parent criterion id ("" for the top level), for the matrices that were used.
    public var ahp: [String: AHPResult]
    /// cn only: the price base (lowest scoring price among qualified vendors), in currency units.
    public var priceBase: Double?
    /// The normalised problem over the ranked vendors (ids) and the scored leaf criteria (ids):
    /// what `Sensitivity.analyse` works on.
    public var problem: ScoringProblem
    /// What the meeting should know (partly met must-haves, 87号令 rules, stray scores, AHP), in both languages.
    public var warnings: [Notice]
    /// Vendor id → the confirmed must-haves it has not answered (`R07 title: no answer`). Such a
    /// vendor is still ranked, but its result is provisional until every gate is answered.
    public var provisional: [String: [Notice]] = [:]
    /// Set by `PanelRule.evaluate` while the panel is blind: nothing derived from the panel is in here.
    public var blind = false
    /// Evaluators whose incomplete sheets `PanelRule.evaluate` left out of the panel (after the reveal).
    public var leftOut: [String] = []
    /// Every evaluator's progress (counts only), set by `PanelRule.evaluate`, blind or not.
    public var progress: [EvaluatorProgress] = []

    /// When sheets are left out after the reveal and some are counted: which evaluators every mean,
    /// total and rank comes from, "only 1 of 4 evaluators counted (张伟)" / "仅计入 1/4 位评委（张伟）" —
    /// what a figure labelled as the panel's must say (a meeting pass: a vendor added after the reveal
    /// left every sheet incomplete, and the first evaluator to finish it alone made the ranking and
    /// the handout's recommendation, captioned as the panel mean). Nil when every sheet counts.
    public func countedText(chinese: Bool) -> String? {
        guard !blind, !leftOut.isEmpty else { return nil }
        let counted = progress.filter(\.complete).map(\.evaluator)
        guard !counted.isEmpty else { return nil }
        return chinese
            ? "仅计入 \(counted.count)/\(progress.count) 位评委（\(counted.joined(separator: "、"))）"
            : "only \(counted.count) of \(progress.count) evaluators counted (\(counted.joined(separator: ", ")))"
    }
}

/// Evaluates a workspace (DESIGN §3): criteria tree weights (direct or AHP), panel aggregation,
/// knock-out gates, then `wsm`, `topsis` or `cn`.
///
/// - Parameters:
///   - method: `wsm`, `topsis` or `cn`; nil = the workspace's setting.
///   - aggregate: `mean` or `median`; nil = the workspace's setting.
///   - normalization: for wsm/topsis; nil = the method's default (linear / vector).
///   - priceOverride: the price of vendors whose `bidPrice` is nil (the lead fills it with the TCO).
/// - Throws: an unknown method/aggregate/normalisation name, a scale ≤ 0, a negative criterion weight, or a
///   value the normalisation cannot take (naming criterion and vendor).
///
/// Decisions where DESIGN is silent: a vendor is disqualified by a `no` gate answer to a `must`
/// requirement that is not dropped or merged (`partly` only warns); leaf criteria whose global
/// weight is 0 are left out of the matrix; the small/micro-enterprise deduction applies under
/// `cn` only (it is an 87号令 rule); under `cn` a panel criterion's kind is ignored (points are
/// "higher is better") and every `price` criterion is scored base/price.
public func evaluate(
    _ ws: Workspace, method: ScoringMethod? = nil, aggregate: PanelAggregate? = nil, normalization: Normalization? = nil,
    priceOverride: [String: Money] = [:]
) throws(ScoringError) -> Evaluation {
    var basis = EvaluationBasis()
    return try evaluate(ws, method: method, aggregate: aggregate, normalization: normalization, priceOverride: priceOverride, basis: &basis)
}

/// The costly parts of an evaluation that weights, the method and prices do not change: the panel
/// aggregate (from the scores) and the knock-out gate results (from the requirements and the gate
/// answers). On a large workspace they are nearly all of the time, so a screen that re-ranks live
/// keeps one basis and passes it to every `evaluate`: a part is reused while its inputs are equal
/// (an unchanged array compares equal at once, by identity) and recomputed otherwise.
public struct EvaluationBasis: Equatable, Sendable {
    struct PanelPart: Equatable, Sendable {
        var scores: [String: [Score]]
        var scale: Double
        var aggregate: PanelAggregate
        var cells: [Panel.Key: PanelCell]
        var warnings: [Notice]
    }
    struct GatePart: Equatable, Sendable {
        var requirements: [Requirement]
        var gates: [GateAnswer]
        /// Vendor id → the must-haves it fails ("R01 title: no", and "R01 title：不满足").
        var failures: [String: [Notice]]
        var warnings: [Notice]
        /// Confirmed must-haves (id, title), in requirements.csv order: each vendor must answer them.
        var confirmed: [(id: String, title: String)]
        /// Vendor id → for each confirmed must-have (by its index in `confirmed`), whether the vendor
        /// answered it (any answer). Flags, not sets of ids: 800 000 answers hash once each, not twice.
        var answered: [String: [Bool]]
        /// What of the requirements the results depend on: each must-have's id, title and status, in order.
        var musts: [MustHave]
        /// Indices in `gates` of the answers that are not `meets` (the few the texts are made from).
        var notMeets: [Int] = []
        /// For each of `notMeets`, where its text is: its place in `failures[vendor]` (a `no`) or in
        /// `warnings` (a `partly`), -1 for none; a retitling rewrites just the texts that name it.
        var slots: [Int32] = []

        struct MustHave: Equatable, Sendable {
            var id: String
            var title: String
            var status: RequirementStatus
        }

        static func musts(_ requirements: [Requirement]) -> [MustHave] {
            var out: [MustHave] = []
            for i in requirements.indices where requirements[i].priority == .must {
                out.append(MustHave(id: requirements[i].id, title: requirements[i].title, status: requirements[i].status))
            }
            return out
        }

        static func == (a: GatePart, b: GatePart) -> Bool {
            a.requirements == b.requirements && a.gates == b.gates
        }

        /// Vendor id → the confirmed must-haves it has not answered, for the given vendors.
        func missing(_ vendors: [Vendor]) -> [String: [Notice]] {
            var out: [String: [Notice]] = [:]
            for v in vendors {
                let done = answered[v.id]
                let gaps = confirmed.indices.filter { !(done?[$0] ?? false) }.map { confirmed[$0] }
                if !gaps.isEmpty {
                    out[v.id] = gaps.map { Notice("\($0.id) \($0.title): no answer", "\($0.id) \($0.title)：未答复") }
                }
            }
            return out
        }
    }
    var panel: PanelPart?
    var gates: GatePart?
    /// The last progress counted, with what it was counted from.
    struct ProgressPart: Equatable, Sendable {
        var expected: PanelRule.ExpectedCells
        var scores: [String: [Score]]
        var result: [EvaluatorProgress]
    }
    var progress: ProgressPart?
    public init() {}

    /// `PanelRule.progress(ws, expected:)`, counted again only when the cells or the score sheets changed.
    mutating func progress(_ ws: Workspace, expected: PanelRule.ExpectedCells) -> [EvaluatorProgress] {
        if let p = progress, p.expected == expected, p.scores == ws.scores { return p.result }
        let result = PanelRule.progress(ws, expected: expected)
        progress = ProgressPart(expected: expected, scores: ws.scores, result: result)
        return result
    }

    mutating func panel(_ scores: [String: [Score]], scale: Double, aggregate: PanelAggregate) -> PanelPart {
        if let p = panel, p.scale == scale, p.aggregate == aggregate, p.scores == scores { return p }
        let (cells, warnings) = Panel.aggregate(scores, scale: scale, aggregate: aggregate)
        let p = PanelPart(scores: scores, scale: scale, aggregate: aggregate, cells: cells, warnings: warnings)
        panel = p
        return p
    }

    mutating func gates(_ requirements: [Requirement], _ answers: [GateAnswer]) -> GatePart {
        if let g = gates, g.requirements == requirements, g.gates == answers { return g }
        let musts = GatePart.musts(requirements)
        if var g = gates, g.gates == answers {
            // An edit that leaves every must-have's id, title and status as they were (a title, weight or
            // detail of another requirement) changes no gate result: keep them, without reading the answers.
            if g.musts == musts {
                g.requirements = requirements
                gates = g
                return g
            }
            // A must-have retitled: which vendor answered what is unchanged; only the texts that name
            // it are made again (from the few answers that are not `meets`).
            if g.musts.count == musts.count, zip(g.musts, musts).allSatisfy({ $0.id == $1.id && $0.status == $1.status }) {
                // The same rows in the same places: for a few retitled rows, only their ids' titles are
                // looked up and their texts rewritten; for many (an import), every text is made again.
                let changed = musts.indices.filter { musts[$0].title != g.musts[$0].title }
                gates = nil  // the only other reference: the texts below are then changed in place, not copied
                if changed.count > 8 {
                    let titles = Self.mustTitles(requirements)
                    g.confirmed = Self.confirmed(requirements, titles)
                    (g.failures, g.warnings, g.slots) = Self.findings(answers, g.notMeets, titles)
                } else {
                    var retitled: [(id: String, title: String)] = []
                    for k in changed where !retitled.contains(where: { $0.id == musts[k].id }) {
                        let id = musts[k].id
                        // The title the texts use: that of the id's first row not dropped or merged.
                        if let row = musts.first(where: { $0.id == id && $0.status != .dropped && $0.status != .merged }) {
                            retitled.append((id, row.title))
                        }
                        if let c = g.confirmed.firstIndex(where: { $0.id == id }),
                            let row = musts.first(where: { $0.id == id && $0.status == .confirmed })
                        {
                            g.confirmed[c].title = row.title
                        }
                    }
                    Self.retitle(&g, answers, retitled)
                }
                g.requirements = requirements
                g.musts = musts
                gates = g
                return g
            }
        }
        let g = Self.freshGates(requirements, answers, musts: musts)
        gates = g
        return g
    }

    /// The gate results read from every answer (nothing kept from before).
    static func freshGates(_ requirements: [Requirement], _ answers: [GateAnswer], musts: [GatePart.MustHave]) -> GatePart {
        let titles = Self.mustTitles(requirements)
        let confirmed = Self.confirmed(requirements, titles)
        let notMeets = answers.indices.filter { answers[$0].answer != .meets }  // most answers are `meets`
        let (failures, warnings, slots) = Self.findings(answers, notMeets, titles)
        return GatePart(
            requirements: requirements, gates: answers, failures: failures, warnings: warnings, confirmed: confirmed,
            answered: answeredFlags(answers, confirmed), musts: musts, notMeets: notMeets, slots: slots)
    }

    /// Vendor id → for each confirmed must-have (in `confirmed`'s order), whether the vendor answered it.
    static func answeredFlags(_ answers: [GateAnswer], _ confirmed: [(id: String, title: String)]) -> [String: [Bool]] {
        var answered: [String: [Bool]] = [:]
        guard !confirmed.isEmpty else { return answered }
        var index: [String: Int] = [:]
        index.reserveCapacity(confirmed.count)
        for (k, c) in confirmed.enumerated() { index[c.id] = k }
        let none = [Bool](repeating: false, count: confirmed.count)
        // A vendor's answers stand together in a saved file: its flags are set in a local array and
        // stored once per run of its answers (merged when it comes back), not hashed per answer.
        var vendor: String?
        var flags = none
        var indices = RunMemo<Int?>()
        // Whether the run answered a confirmed must-have (a vendor is listed only then).
        var hit = false
        func store() {
            guard let vendor, hit else { return }
            if let old = answered[vendor] {
                answered[vendor] = zip(old, flags).map { $0 || $1 }
            } else {
                answered[vendor] = flags
            }
        }
        for i in answers.indices {
            if answers[i].vendor != vendor {
                store()
                vendor = answers[i].vendor
                flags = none
                hit = false
                indices.newRun()
            }
            if let k = indices.value(answers[i].requirement, { index[$0] }) {
                flags[k] = true
                hit = true
            }
        }
        store()
        return answered
    }

    // Index loops read fields in place: copying 20 000 requirements or 800 000 gate answers (and
    // retaining their strings) was most of the time on a large workspace.

    /// Must-have id → its title (the first row with that id), for must-haves not dropped or merged.
    private static func mustTitles(_ requirements: [Requirement]) -> [String: String] {
        var titles: [String: String] = [:]
        for i in requirements.indices
        where requirements[i].priority == .must
            && requirements[i].status != .dropped && requirements[i].status != .merged
        {
            if titles[requirements[i].id] == nil { titles[requirements[i].id] = requirements[i].title }
        }
        return titles
    }

    /// Confirmed must-haves (id, title), once each, in requirements.csv order.
    private static func confirmed(_ requirements: [Requirement], _ titles: [String: String]) -> [(id: String, title: String)] {
        var confirmed: [(id: String, title: String)] = []
        var seen: Set<String> = []
        for r in requirements where r.priority == .must && r.status == .confirmed && titles[r.id] != nil && seen.insert(r.id).inserted {
            confirmed.append((r.id, r.title))
        }
        return confirmed
    }

    /// Vendor id → its `no` answers to must-haves, and a warning for each `partly`, from the answers
    /// at `notMeets` (in order); with where each text went (see `GatePart.slots`).
    private static func findings(
        _ answers: [GateAnswer], _ notMeets: [Int], _ titles: [String: String]
    ) -> (failures: [String: [Notice]], warnings: [Notice], slots: [Int32]) {
        var failures: [String: [Notice]] = [:]
        var warnings: [Notice] = []
        var slots = [Int32](repeating: -1, count: notMeets.count)
        for (k, i) in notMeets.enumerated() {
            let g = answers[i]
            guard let title = titles[g.requirement], let notice = notice(g, title) else { continue }
            if g.answer == .no {
                slots[k] = Int32(failures[g.vendor]?.count ?? 0)
                failures[g.vendor, default: []].append(notice)
            } else {
                slots[k] = Int32(warnings.count)
                warnings.append(notice)
            }
        }
        return (failures, warnings, slots)
    }

    /// The text of a `no` (a failure) or a `partly` (a warning) answer to a must-have titled `title`.
    private static func notice(_ g: GateAnswer, _ title: String) -> Notice? {
        switch g.answer {
        case .no: return Notice("\(g.requirement) \(title): no", "\(g.requirement) \(title)：不满足")
        case .partly:
            return Notice(
                "vendor \(g.vendor) only partly meets must-have \(g.requirement) \(title)",
                "供应商 \(g.vendor) 仅部分满足必须项 \(g.requirement) \(title)")
        case .meets: return nil
        }
    }

    /// Rewrites, in place, the texts of the answers to the must-haves in `retitled` (same ids and
    /// statuses as before, so every text keeps its place), with their new titles.
    private static func retitle(_ g: inout GatePart, _ answers: [GateAnswer], _ retitled: [(id: String, title: String)]) {
        guard !retitled.isEmpty else { return }
        for (k, i) in g.notMeets.enumerated() where g.slots[k] >= 0 {
            let a = answers[i]
            guard let title = retitled.first(where: { $0.id == a.requirement })?.title, let notice = notice(a, title) else { continue }
            if a.answer == .no { g.failures[a.vendor]![Int(g.slots[k])] = notice } else { g.warnings[Int(g.slots[k])] = notice }
        }
    }
}

/// `evaluate` reusing (and updating) `basis`; the result is the same as without it.
///
/// The steps, in order (each may add warnings, in this order): settings, criteria tree, panel,
/// stray scores, knock-out gates, who can be ranked, the normalised matrix, the ranking.
public func evaluate(
    _ ws: Workspace, method: ScoringMethod? = nil, aggregate: PanelAggregate? = nil, normalization: Normalization? = nil,
    priceOverride: [String: Money] = [:], basis: inout EvaluationBasis
) throws(ScoringError) -> Evaluation {
    let options = try EvaluationOptions(ws.settings, method: method, aggregate: aggregate, normalization: normalization)
    var warnings: [Notice] = []
    let tree = try CriteriaTree(ws, warnings: &warnings)
    let panel = basis.panel(ws.scores, scale: options.scale, aggregate: options.aggregate)
    warnings += panel.warnings
    warnings += strayScoreWarnings(panel.cells, ws, tree)
    let gates = basis.gates(ws.requirements, ws.gates)
    warnings += gates.warnings
    let field = VendorField(
        ws, failures: gates.failures, leaves: tree.weights.filter { $0.isLeaf && $0.global > 0 }, cells: panel.cells,
        // Past performance: each vendor's latest delivery review, on the workspace scale.
        past: VendorScorecard.pastPerformance(ws.delivery.vendorReviews, scale: options.scale), priceOverride: priceOverride)
    let matrix =
        options.method == .cn
        ? try field.pointsMatrix(ws.settings, scale: options.scale, warnings: &warnings)
        : try field.normalizedMatrix(options.normalization!, criteria: ws.criteria, warnings: &warnings)
    let problem = ScoringProblem(
        alternatives: field.rankable.map(\.id), criteria: field.leaves.map(\.id), weights: field.leaves.map(\.global),
        normalized: matrix.values, aggregation: options.method == .topsis ? .topsis : .weightedSum)
    // A price criterion comparing bid prices with TCOs compares unlike figures (a CLI pass: V2 without
    // its bid price fell from 81.41 to 76.99 on its five-year TCO, with no word).
    if field.leaves.contains(where: { $0.source == .price }) {
        let rankable = field.rankable
        let onTCO = rankable.filter { $0.bidPrice == nil && priceOverride[$0.id] != nil }.map(\.id)
        let onBid = rankable.filter { $0.bidPrice != nil }.map(\.id)
        if !onTCO.isEmpty && !onBid.isEmpty {
            warnings.append(
                Notice(
                    "\(onTCO.joined(separator: ", ")) \(onTCO.count == 1 ? "has" : "have") no bid_price and \(onTCO.count == 1 ? "is" : "are") priced by the TCO over the horizon, while \(onBid.joined(separator: ", ")) \(onBid.count == 1 ? "is" : "are") priced by the bid: the price scores compare unlike figures",
                    "\(onTCO.joined(separator: "、")) 没有投标报价, 按期内总拥有成本计价, 而 \(onBid.joined(separator: "、")) 按投标报价计价: 价格分比较的不是同一口径"))
        }
    }
    if field.rankable.isEmpty { warnings.append(Notice("no vendor can be ranked yet", "还没有可以排名的供应商")) }
    if field.leaves.isEmpty { warnings.append(Notice("no criterion with a weight above 0 to score against", "没有权重大于 0 的准则可供打分")) }
    return Evaluation(
        method: options.method, normalization: options.normalization, aggregate: options.aggregate,
        ranking: ranking(problem, field.rankable), disqualified: field.disqualified, incomplete: field.incomplete,
        cells: panelCells(panel.cells, ws, out: Set(field.disqualified.map(\.vendor))), weights: tree.weights, ahp: tree.ahp,
        priceBase: matrix.priceBase,
        problem: problem, warnings: warnings + tree.ahpWarnings,
        // A knocked-out vendor is out whatever else it has not answered; the others may be provisional
        // (listed apart, not as warnings: every output shows them next to the vendor).
        provisional: gates.missing(ws.vendors.filter { gates.failures[$0.id] == nil }))
}

/// The method, aggregate, normalisation and scale of an evaluation: the arguments, else the
/// workspace's settings; throws for a name Bidbench does not know or a scale that is not above 0.
private struct EvaluationOptions {
    var method: ScoringMethod
    var aggregate: PanelAggregate
    /// nil for cn (it has its own formulas).
    var normalization: Normalization?
    var scale: Double

    init(_ settings: Settings, method: ScoringMethod?, aggregate: PanelAggregate?, normalization: Normalization?) throws(ScoringError) {
        guard let m = method ?? settings.method.value else {
            let name = settings.method.rawValue
            throw ScoringError("unknown method \"\(name)\" (use wsm, topsis or cn)", zh: "未知的评分方法 “\(name)” (可用 wsm, topsis 或 cn)")
        }
        guard let agg = aggregate ?? settings.aggregate.value else {
            let name = settings.aggregate.rawValue
            throw ScoringError("unknown aggregate \"\(name)\" (use mean or median)", zh: "未知的汇总方式 “\(name)” (可用 mean 或 median)")
        }
        var norm = m.defaultNormalization
        if let n = normalization {
            if m == .cn { throw ScoringError("method cn has its own formulas and takes no normalisation") }
            norm = n
        }
        let scale = settings.scale
        guard scale.isFinite, scale > 0 else {
            throw ScoringError("the scoring scale is \(scale.shortText); it must be above 0", zh: "评分量程为 \(scale.shortText); 必须大于 0")
        }
        (self.method, self.aggregate, self.normalization, self.scale) = (m, agg, norm, scale)
    }
}

/// Scores that name a vendor or criterion the files do not have, or a criterion with sub-criteria:
/// one warning each, sorted by their English text.
private func strayScoreWarnings(_ cells: [Panel.Key: PanelCell], _ ws: Workspace, _ tree: CriteriaTree) -> [Notice] {
    let vendorIds = Set(ws.vendors.map(\.id))
    let leafIds = Set(tree.weights.filter(\.isLeaf).map(\.id))
    let allIds = Set(ws.criteria.map(\.id))
    var strays: [String: Notice] = [:]
    for key in cells.keys {
        if !vendorIds.contains(key.vendor) {
            let n = Notice("scores name vendor \(key.vendor), which is not in vendors.csv", "评分中的供应商 \(key.vendor) 不在 vendors.csv 中")
            strays[n.en] = n
        }
        if !allIds.contains(key.criterion) {
            let n = Notice(
                "scores name criterion \(key.criterion), which is not in criteria.csv", "评分中的准则 \(key.criterion) 不在 criteria.csv 中")
            strays[n.en] = n
        } else if !leafIds.contains(key.criterion) {
            let n = Notice(
                "scores for criterion \(key.criterion) are ignored: it has sub-criteria, which are scored instead",
                "准则 \(key.criterion) 的评分被忽略: 它有子准则, 应对子准则打分")
            strays[n.en] = n
        } else if let c = ws.criteria.first(where: { $0.id == key.criterion }), c.source != .panel {
            // A score on the price (or past performance) criterion counted nowhere, without a word.
            let n = Notice(
                "scores for criterion \(key.criterion) are ignored: it is computed from \(c.source == .price ? "the prices" : "the vendor reviews"), not scored",
                "准则 \(key.criterion) 的评分被忽略: 它由\(c.source == .price ? "报价" : "供应商考评")计算, 不由评委打分")
            strays[n.en] = n
        }
    }
    return strays.keys.sorted().map { strays[$0]! }
}

/// The panel cells in vendors.csv then criteria.csv order.
/// The panel's cells in vendor and criteria order. A knocked-out vendor's cells are never flagged for
/// discussion (`out`): nobody discusses the scores of a vendor that cannot win (a meeting pass: its
/// hidden cell was a second ⚑ in the count, in `rank` and in the handout).
private func panelCells(_ cells: [Panel.Key: PanelCell], _ ws: Workspace, out knockedOut: Set<String>) -> [PanelCell] {
    var out: [PanelCell] = []
    for v in ws.vendors {
        for c in ws.criteria {
            guard var cell = cells[Panel.Key(vendor: v.id, criterion: c.id)] else { continue }
            if knockedOut.contains(v.id) { cell.flagged = false }
            out.append(cell)
        }
    }
    return out
}

/// Competition ranks of the scored problem, best first.
private func ranking(_ problem: ScoringProblem, _ rankable: [Vendor]) -> [RankedVendor] {
    let scores = problem.scores()
    let ranks = Ranking.competitionRanks(scores)
    return Ranking.order(scores).map { i in
        RankedVendor(vendor: rankable[i].id, name: rankable[i].name, score: scores[i], rank: ranks[i])
    }
}

/// The vendors sorted by what can be done with them: knocked out by a gate, qualified but missing
/// something a scored leaf needs, or rankable; and what the matrix is built from.
private struct VendorField {
    /// Scored leaves: leaf criteria whose global weight is above 0.
    let leaves: [CriterionWeight]
    let cells: [Panel.Key: PanelCell]
    let past: [String: Double]
    let priceOverride: [String: Money]
    var disqualified: [ExcludedVendor] = []
    var incomplete: [ExcludedVendor] = []
    /// Not knocked out (rankable or incomplete), in vendors.csv order: the cn price base is their lowest price.
    var qualified: [Vendor] = []
    var rankable: [Vendor] = []

    init(
        _ ws: Workspace, failures: [String: [Notice]], leaves: [CriterionWeight], cells: [Panel.Key: PanelCell],
        past: [String: Double], priceOverride: [String: Money]
    ) {
        (self.leaves, self.cells, self.past, self.priceOverride) = (leaves, cells, past, priceOverride)
        for v in ws.vendors {
            if let f = failures[v.id] {
                disqualified.append(
                    ExcludedVendor(
                        vendor: v.id, name: v.name, reason: f.map(\.en).joined(separator: "; "),
                        reasonZH: f.map(\.zh).joined(separator: "；")))
                continue
            }
            qualified.append(v)
            let missing = gaps(v)
            if missing.isEmpty {
                rankable.append(v)
            } else {
                incomplete.append(ExcludedVendor(vendor: v.id, name: v.name, reason: missing.joined(separator: "; ")))
            }
        }
    }

    /// What vendor `v` lacks for each scored leaf (panel scores, a price, a delivery review).
    private func gaps(_ v: Vendor) -> [String] {
        var missing: [String] = []
        for leaf in leaves {
            switch leaf.source {
            case .panel:
                if cells[Panel.Key(vendor: v.id, criterion: leaf.id)] == nil {
                    missing.append("no panel scores for \(leaf.id) \(leaf.name)")
                }
            case .price:
                if v.bidPrice == nil && priceOverride[v.id] == nil {
                    missing.append("no price for \(leaf.id) \(leaf.name) (bid_price or TCO)")
                }
            case .pastPerformance:
                if past[v.id] == nil { missing.append("no vendor review for \(leaf.id) \(leaf.name) (vendor_reviews.csv)") }
            }
        }
        return missing
    }

    func price(_ v: Vendor) -> Money? { v.bidPrice ?? priceOverride[v.id] }

    /// The value of rankable vendor `v` on `leaf`, on the panel scale (price in currency units).
    private func raw(_ v: Vendor, _ leaf: CriterionWeight) -> Double {
        switch leaf.source {
        case .price: return price(v)!.approximateUnits
        case .pastPerformance: return past[v.id]!
        case .panel: return cells[Panel.Key(vendor: v.id, criterion: leaf.id)]!.value
        }
    }

    /// Rankable vendors × scored leaves, row-major, and the cn price base.
    struct Matrix {
        var values: [Double]
        var priceBase: Double?
    }

    /// wsm / topsis: the raw values normalised column by column.
    func normalizedMatrix(_ norm: Normalization, criteria: [Criterion], warnings: inout [Notice]) throws(ScoringError) -> Matrix {
        let (m, n) = (rankable.count, leaves.count)
        var raw = [Double](repeating: 0, count: m * n)
        for (i, v) in rankable.enumerated() {
            for (j, leaf) in leaves.enumerated() { raw[i * n + j] = self.raw(v, leaf) }
        }
        for leaf in leaves where leaf.source == .price && leaf.kind == .benefit {
            warnings.append(
                Notice(
                    "criterion \(leaf.id) \(leaf.name) takes the price but is marked benefit (higher is better)",
                    "准则 \(leaf.id) \(leaf.name) 取价格, 却标为效益型 (越高越好)"))
        }
        let label = Dictionary(criteria.map { ($0.id, "\($0.id) \($0.name)") }, uniquingKeysWith: { a, _ in a })
        let values = try norm.normalize(
            raw, rows: m, cols: n, kinds: leaves.map(\.kind), criteria: leaves.map { label[$0.id] ?? $0.id },
            alternatives: rankable.map(\.id))
        return Matrix(values: values)
    }

    /// cn (87号令): points out of 100 per criterion — price base/price, the others score/scale —
    /// after the 87号令 checks (price weight minimum, SME deduction range, a price above 0).
    func pointsMatrix(_ settings: Settings, scale: Double, warnings: inout [Notice]) throws(ScoringError) -> Matrix {
        let deduction = settings.smeDeductionPercent
        warnings += cnRuleWarnings(settings)
        // The price used for scoring: SME vendors get the deduction (scoring only, not the bid).
        func scoringPrice(_ v: Vendor) -> Double? {
            guard let p = price(v) else { return nil }
            let units = p.approximateUnits
            return v.sme ? units * (1 - deduction / 100) : units
        }
        for v in qualified {
            if let p = scoringPrice(v), p <= 0 {
                throw ScoringError(
                    "vendor \(v.id) \(v.name): price \(price(v)!.description) cannot be scored with cn (it needs a price > 0)",
                    zh: "供应商 \(v.id) \(v.name): 价格 \(price(v)!.description) 无法用综合评分法计分 (价格必须 > 0)")
            }
        }
        let priceBase = qualified.compactMap(scoringPrice).min()
        let n = leaves.count
        var r = [Double](repeating: 0, count: rankable.count * n)
        for (i, v) in rankable.enumerated() {
            for (j, leaf) in leaves.enumerated() {
                r[i * n + j] = leaf.source == .price ? priceBase! / scoringPrice(v)! * 100 : raw(v, leaf) / scale * 100
            }
        }
        return Matrix(values: r, priceBase: priceBase)
    }

    /// The 87号令 rules cn checks: the SME deduction within 10–20 %, a price criterion, and its weight
    /// at least the minimum for goods or services.
    private func cnRuleWarnings(_ settings: Settings) -> [Notice] {
        var warnings: [Notice] = []
        let deduction = settings.smeDeductionPercent
        if !(deduction >= 10 && deduction <= 20) {
            warnings.append(
                Notice(
                    "the small/micro-enterprise price deduction is \(deduction.shortText) %, outside the 10–20 % of the 2022 rules",
                    "小微企业价格扣除为 \(deduction.shortText) %, 超出 2022 年规定的 10–20 %"))
        }
        let priceWeight = leaves.filter { $0.source == .price }.reduce(0) { $0 + $1.global }
        let kind = settings.procurementKind.value ?? .services
        let goods = kind == .goods
        let minimum = kind.minimumPriceWeight
        if leaves.contains(where: { $0.source == .price }) {
            if priceWeight < minimum - 1e-12 {
                warnings.append(
                    Notice(
                        "the price weight is \((priceWeight * 100).roundedText(2)) %, below the 87号令 minimum of \(Int(minimum * 100)) % for \(goods ? "goods" : "services")",
                        "价格权重为 \((priceWeight * 100).roundedText(2)) %, 低于 87号令 对\(goods ? "货物" : "服务")类项目的最低 \(Int(minimum * 100)) %"))
            }
        } else {
            warnings.append(
                Notice(
                    "method cn expects a price criterion (source price); none is scored",
                    "综合评分法 (cn) 需要一个价格准则 (source price); 当前没有"))
        }
        return warnings
    }
}

/// The knock-out gates of a workspace without scoring it: who fails a must-have, and who has not
/// answered a confirmed one (what every screen that shows a vendor marks).
public struct GateStatus: Equatable, Sendable {
    /// Vendor id → the must-haves it fails: knocked out, never ranked, never "cheapest".
    public var knockedOut: [String: [Notice]]
    /// Vendor id → the confirmed must-haves it has not answered: its result is provisional.
    public var missing: [String: [Notice]]

    /// - Parameter missing: whether to work out the unanswered gates too (a screen that only marks
    ///   knocked-out vendors skips it).
    public init(_ ws: Workspace, missing: Bool = true) {
        var basis = EvaluationBasis()
        self.init(ws, missing: missing, basis: &basis)
    }

    /// The same, reusing the gate results `basis` holds when the requirements and answers are unchanged.
    public init(_ ws: Workspace, missing: Bool = true, basis: inout EvaluationBasis) {
        let part = basis.gates(ws.requirements, ws.gates)
        knockedOut = part.failures
        self.missing = missing ? part.missing(ws.vendors.filter { part.failures[$0.id] == nil }) : [:]
    }
}

/// What the criteria tree says of a workspace's weights (weights that do not sum as they should,
/// unknown or circular parents, an AHP matrix that is inconsistent or does not fit its level), for
/// `check`; empty when the tree cannot be built (rank says why). (`check` said OK for an AHP matrix
/// of CR 1.3 that `rank` warned about: audit pass.)
public func criteriaWarnings(_ ws: Workspace) -> [Notice] {
    var warnings: [Notice] = []
    guard let tree = try? CriteriaTree(ws, warnings: &warnings) else { return warnings }
    return warnings + tree.ahpWarnings
}

/// The criteria tree of a workspace with local and global weights.
struct CriteriaTree {
    var weights: [CriterionWeight] = []
    var ahp: [String: AHPResult] = [:]
    var ahpWarnings: [Notice] = []

    // Kept as one function: the criteria tree in three passes (effective parents, local weights direct or AHP, global weights).
    init(_ ws: Workspace, warnings: inout [Notice]) throws(ScoringError) {
        let byId = Dictionary(ws.criteria.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Effective parents: unknown, self or cyclic parents become top level (with a warning).
        var parent: [String: String] = [:]
        for c in ws.criteria {
            var p = c.parent.trimmed
            if !p.isEmpty && byId[p] == nil {
                warnings.append(
                    Notice(
                        "criterion \(c.id) names parent \(p), which is not in criteria.csv; treated as top level",
                        "准则 \(c.id) 的上级 \(p) 不在 criteria.csv 中; 按顶层处理"))
                p = ""
            }
            parent[c.id] = p
        }
        for c in ws.criteria {
            var seen: Set<String> = [c.id]
            var p = parent[c.id]!
            while !p.isEmpty {
                if seen.contains(p) {
                    warnings.append(Notice("criterion \(c.id) is its own ancestor; treated as top level", "准则 \(c.id) 是自己的上级; 按顶层处理"))
                    parent[c.id] = ""
                    break
                }
                seen.insert(p)
                p = parent[p] ?? ""
            }
        }
        var children: [String: [Criterion]] = [:]
        for c in ws.criteria {
            guard c.weight.isFinite, c.weight >= 0 else {
                throw ScoringError(
                    "criterion \(c.id) \(c.name): weight \(c.weight.shortText) must be a number ≥ 0",
                    zh: "准则 \(c.id) \(c.name): 权重 \(c.weight.shortText) 必须是 ≥ 0 的数")
            }
            children[parent[c.id]!, default: []].append(c)
        }
        var local: [String: Double] = [:]
        var fromAHP: Set<String> = []
        for p in children.keys.sorted() {
            let group = children[p]!
            if let matrix = ws.ahp[p], let w = ahpWeights(matrix, for: group, parent: p) {
                for (c, x) in zip(group, w) {
                    local[c.id] = x
                    fromAHP.insert(c.id)
                }
                continue
            }
            let total = group.reduce(0) { $0 + $1.weight }
            if total > 0 {
                for c in group { local[c.id] = c.weight / total }
                // Siblings sum to 1 (or 100, in percent), or under a parent to the parent's weight (the demo's
                // 0.15 + 0.2 under 0.35); they are scaled to their share, which can change the winner.
                let parentWeight = byId[p]?.weight
                // Relative weights (5 and 2) are fine; a sum close to 1, 100 or the parent's weight but not
                // on it is a slip (0.4 typed for 0.3), and said.
                let targets = [1, 100] + (parentWeight.map { [$0] } ?? [])
                let onTarget = targets.contains { abs(total - $0) <= 1e-6 * max(1, $0) }
                let nearTarget = targets.contains { $0 > 0 && total / $0 > 0.5 && total / $0 < 2 }
                if !onTarget && nearTarget {
                    // A sum of decimals as typed (0.35 + 0.15 + 0.05 + 0.15 said 0.7000000000000001).
                    let sumText = NumberText.upTo(total, 9)
                    let shares = group.map { "\($0.id) \($0.weight.shortText) → \(((local[$0.id]! * 10_000).rounded() / 100).shortText)%" }
                        .joined(separator: ", ")
                    warnings.append(
                        p.isEmpty
                            ? Notice(
                                "criteria.csv: the top-level weights sum to \(sumText), not 1 (or 100); they count in proportion: \(shares)",
                                "criteria.csv: 顶层权重之和为 \(sumText), 不是 1 (或 100); 按比例计算: \(shares)")
                            : Notice(
                                "criteria.csv: the weights under \(p) sum to \(sumText), neither 1 (or 100) nor \(p)'s \(parentWeight!.shortText); they count in proportion: \(shares)",
                                "criteria.csv: \(p) 下的权重之和为 \(sumText), 既不是 1 (或 100) 也不是 \(p) 的 \(parentWeight!.shortText); 按比例计算: \(shares)"
                            ))
                }
            } else {
                warnings.append(
                    Notice(
                        "the weights under \(p.isEmpty ? "the top level" : p) are all 0; they share equally",
                        "\(p.isEmpty ? "顶层" : p) 下的权重全为 0; 平均分配"))
                for c in group { local[c.id] = 1 / Double(group.count) }
            }
        }
        for c in ws.criteria {
            var g = local[c.id]!
            var p = parent[c.id]!
            while !p.isEmpty {
                g *= local[p]!
                p = parent[p]!
            }
            weights.append(
                CriterionWeight(
                    id: c.id, name: c.name, parent: parent[c.id]!, kind: c.kind, source: c.source,
                    local: local[c.id]!, global: g, fromAHP: fromAHP.contains(c.id),
                    isLeaf: children[c.id] == nil))
        }
    }

    /// Local weights of `group` from an AHP matrix whose names are the group's ids (or names),
    /// in the group's order; nil (with a warning) when the matrix does not fit or is invalid.
    private mutating func ahpWeights(_ matrix: PairwiseMatrix, for group: [Criterion], parent: String) -> [Double]? {
        let label = "ahp/\(parent.isEmpty ? "top" : parent).csv"
        let result: AHPResult
        do { result = try AHP.analyse(matrix) } catch {
            ahpWarnings.append(
                Notice(
                    "\(label): \(error.message); direct weights used instead",
                    "\(label): \(error.text(chinese: true)); 改用直接权重"))
            return nil
        }
        let index = Dictionary(result.names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Double] = []
        for c in group {
            guard let k = index[c.id] ?? index[c.name] else {
                ahpWarnings.append(
                    Notice(
                        "\(label) does not compare criterion \(c.id) \(c.name); direct weights used instead",
                        "\(label) 没有比较准则 \(c.id) \(c.name); 改用直接权重"))
                return nil
            }
            out.append(result.weights[k])
        }
        if result.names.count != group.count {
            ahpWarnings.append(
                Notice(
                    "\(label) compares \(result.names.count) elements but \(group.count) criteria sit there; direct weights used instead",
                    "\(label) 比较了 \(result.names.count) 项, 但这一层有 \(group.count) 个准则; 改用直接权重"))
            return nil
        }
        if !result.consistent {
            var text = "\(label) is inconsistent (CR \(result.cr.roundedText(3)) ≥ 0.10)"
            var zh = "\(label) 不一致 (CR \(result.cr.roundedText(3)) ≥ 0.10)"
            if let w = result.worst {
                text +=
                    "; the judgement (\(w.row), \(w.column)) = \(w.given.roundedText(3)) disagrees most, \(w.consistent.roundedText(3)) would agree"
                zh += "; 判断 (\(w.row), \(w.column)) = \(w.given.roundedText(3)) 偏差最大, 改为 \(w.consistent.roundedText(3)) 即可一致"
            }
            ahpWarnings.append(Notice(text, zh))
        }
        for w in result.warnings { ahpWarnings.append(Notice("\(label): \(w.en)", "\(label): \(w.zh)")) }
        ahp[parent] = result
        return out
    }
}

extension Double {
    /// Rounded to `places` decimals for messages (trailing zeros dropped).
    func roundedText(_ places: Int) -> String { NumberText.upTo(self, places) }
}

/// The price a vendor without a `bid_price` is scored on: its TCO over the horizon under the
/// workspace's base scenario (vendors with no price lines get none, so they show as incomplete).
/// Every caller of `evaluate` on a workspace — the TUI, the verbs and the report — uses this.
public func tcoPrices(_ ws: Workspace) -> [String: Money] {
    guard ws.vendors.contains(where: { $0.bidPrice == nil }),
        let scenario = try? Scenario(settings: ws.settings),
        let tcos = try? BudgetModel.tco(prices: ws.prices, scenario: scenario)
    else { return [:] }
    var out: [String: Money] = [:]
    for t in tcos where t.total > .zero { out[t.vendor] = t.total }
    return out
}
