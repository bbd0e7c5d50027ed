/// Who is looking at the panel's results.
public enum PanelViewer: Equatable, Hashable, Sendable {
    /// The lead, or a command-line verb run without `--as`: sees nobody's scores before the reveal.
    case lead
    /// An evaluator (`--as NAME`): sees their own scores before the reveal, nobody else's.
    case evaluator(String)

    /// `.evaluator(name)` for a non-empty name, else `.lead`.
    public init(as name: String?) {
        if let name, !name.trimmed.isEmpty { self = .evaluator(name.trimmed) } else { self = .lead }
    }

    public var evaluatorName: String? {
        if case .evaluator(let n) = self { return n }
        return nil
    }
}

/// How far one evaluator has got with their score sheet.
public struct EvaluatorProgress: Equatable, Sendable {
    public var evaluator: String
    /// Expected cells this evaluator has scored.
    public var scored: Int
    /// Cells every evaluator is expected to score (see `PanelRule.expectedCells`).
    public var expected: Int
    /// When the sheet last changed, as the caller knows it (the file's modification time, ISO); nil when unknown.
    public var lastChange: String?
    /// The expected vendors (ids, in the vendors' order) of which this evaluator has scored nothing yet:
    /// a vendor added mid-meeting, or one not started. Who, not what: safe while blind.
    public var unscoredVendors: [String]
    public var complete: Bool { scored >= expected }

    public init(evaluator: String, scored: Int, expected: Int, lastChange: String? = nil, unscoredVendors: [String] = []) {
        self.evaluator = evaluator
        self.scored = scored
        self.expected = expected
        self.lastChange = lastChange
        self.unscoredVendors = unscoredVendors
    }
}

/// The panel's two rules, in one place, used by every output (screens, verbs, reports, exports):
///
/// **Blind.** Until the lead reveals (`revealed` in workspace.json), nobody sees another evaluator's
/// scores or anything derived from them: no panel aggregate, no total, no rank, no sensitivity, no
/// recommendation. An evaluator sees their own scores; everybody sees prices, the must-have gates
/// and who is disqualified by them, and each evaluator's progress as counts.
///
/// **Incomplete sheets.** After the reveal, only evaluators who scored every expected cell count.
/// An evaluator with a partial sheet is left out of every cell (not only the cells they skipped), and a
/// warning names them with their count. Why: averaging each cell over whoever scored it lets one
/// person's two scores move one vendor and not the others (the cells of different vendors would be
/// averaged over different people); leaving a partial sheet out keeps every vendor judged by the same
/// people, and the warning says exactly who is missing.
public enum PanelRule {
    /// The cells every evaluator is expected to score: each vendor the gates do not disqualify ×
    /// each panel leaf criterion with a weight above 0. Read from an evaluation (its weights and
    /// disqualified vendors do not depend on the scores).
    public struct ExpectedCells: Equatable, Sendable {
        /// Vendor id → its row, criterion id → its column (each id once).
        var vendors: [String: Int] = [:]
        var leaves: [String: Int] = [:]
        public var count: Int { vendors.count * leaves.count }

        public init(_ ws: Workspace, _ e: Evaluation) {
            let out = Set(e.disqualified.map(\.vendor))
            for v in ws.vendors where !out.contains(v.id) && vendors[v.id] == nil { vendors[v.id] = vendors.count }
            for w in e.weights where w.isLeaf && w.source == .panel && w.global > 0 && leaves[w.id] == nil { leaves[w.id] = leaves.count }
        }

        /// How many of these cells `scores` covers (a cell scored twice counts once), and the vendors
        /// (ids, in row order) of which it covers none.
        func covered(by scores: [Score]) -> (cells: Int, untouched: [String]) {
            var seen = [Bool](repeating: false, count: count)
            var touched = [Bool](repeating: false, count: vendors.count)
            var n = 0
            for i in scores.indices {
                guard let v = vendors[scores[i].vendor], let c = leaves[scores[i].criterion] else { continue }
                touched[v] = true
                if !seen[v * leaves.count + c] {
                    seen[v * leaves.count + c] = true
                    n += 1
                }
            }
            guard !leaves.isEmpty, n < count else { return (n, []) }
            let untouched = vendors.filter { !touched[$0.value] }.sorted { $0.value < $1.value }.map(\.key)
            return (n, untouched)
        }
    }

    /// Each evaluator's progress (evaluators in name order). Counts only, never scores: it may be
    /// shown while the panel is blind. `lastChanges` maps an evaluator to the time their sheet changed.
    public static func progress(_ ws: Workspace, expected: ExpectedCells, lastChanges: [String: String] = [:]) -> [EvaluatorProgress] {
        ws.evaluators.map { name in
            let covered = expected.covered(by: ws.scores[name] ?? [])
            return EvaluatorProgress(
                evaluator: name, scored: covered.cells, expected: expected.count, lastChange: lastChanges[name],
                unscoredVendors: covered.untouched)
        }
    }

    /// Progress computed from the workspace alone (evaluates it once without scores for the expected cells).
    public static func progress(_ ws: Workspace, lastChanges: [String: String] = [:]) -> [EvaluatorProgress] {
        var bare = ws
        bare.scores = [:]
        guard let e = try? BidbenchCore.evaluate(bare, priceOverride: tcoPrices(bare)) else { return [] }
        return progress(ws, expected: ExpectedCells(ws, e), lastChanges: lastChanges)
    }

    /// The score sheets `viewer` may see: every sheet once revealed, else only the viewer's own.
    public static func visibleScores(_ ws: Workspace, to viewer: PanelViewer) -> [String: [Score]] {
        if ws.settings.revealed { return ws.scores }
        guard let me = viewer.evaluatorName else { return [:] }
        return [me: ws.scores[me] ?? []]
    }

    /// What the panel being blind means for `viewer`, to be shown by every output; nil once revealed.
    public static func blindNotice(_ ws: Workspace, to viewer: PanelViewer) -> Notice? {
        guard !ws.settings.revealed else { return nil }
        switch viewer {
        case .lead:
            return Notice(
                "the panel is blind until the lead reveals: scores, averages, totals, ranks, sensitivity and the recommendation are hidden; visible: prices, must-have gates and each evaluator's progress",
                "评审组盲评中, 主持人揭晓前不显示: 评分、平均分、总分、排名、敏感度和推荐; 可见: 报价、必须项及各评委的进度")
        case .evaluator(let me):
            return Notice(
                "the panel is blind until the lead reveals: only \(me)'s own scores are shown; no averages, totals, ranks, sensitivity or recommendation; prices and must-have gates are visible",
                "评审组盲评中, 主持人揭晓前只显示 \(me) 本人的评分; 不显示平均分、总分、排名、敏感度和推荐; 报价和必须项可见")
        }
    }

    /// The warning for evaluators left out by the incomplete-sheet rule, one per evaluator; it names
    /// the vendors they have not started (a vendor added mid-meeting leaves every sheet incomplete, and
    /// every total blank: this says why).
    static func incompleteNotice(_ p: EvaluatorProgress, _ ws: Workspace) -> Notice {
        var en = ""
        var zh = ""
        if !p.unscoredVendors.isEmpty {
            let names = p.unscoredVendors.prefix(3).map { id in
                ws.vendors.first { $0.id == id }.map { $0.name.isEmpty ? id : $0.name } ?? id
            }
            let more = p.unscoredVendors.count - names.count
            en = " (nothing yet for \(names.joined(separator: ", "))\(more > 0 ? " and \(more) more" : ""))"
            zh = " (\(names.joined(separator: "、"))\(more > 0 ? " 等 \(p.unscoredVendors.count) 家" : "") 尚未评分)"
        }
        return Notice(
            "\(p.evaluator) has scored \(p.scored) of \(p.expected) cells\(en) and is not counted until the sheet is complete",
            "评委 \(p.evaluator) 已评 \(p.scored)/\(p.expected) 项\(zh), 评完之前不计入")
    }

    /// Evaluates the workspace as `viewer` may see it: the one function every output ranks through.
    ///
    /// Revealed: the evaluation of the complete sheets (incomplete ones left out with a warning each).
    /// Blind: the evaluation of the visible sheets with nothing derived from the panel kept — no
    /// ranking, no "incomplete" list (it would only say who has no scores), an empty sensitivity
    /// problem — and `blind` set, with the blind notice first among the warnings. Disqualifications
    /// (gates) and the cn price base (prices) stay.
    public static func evaluate(
        _ ws: Workspace, viewer: PanelViewer, method: ScoringMethod? = nil, aggregate: PanelAggregate? = nil,
        normalization: Normalization? = nil,
        priceOverride: [String: Money] = [:], basis: inout EvaluationBasis
    ) throws(ScoringError) -> Evaluation {
        var view = ws
        view.scores = visibleScores(ws, to: viewer)
        var e = try BidbenchCore.evaluate(
            view, method: method, aggregate: aggregate, normalization: normalization, priceOverride: priceOverride, basis: &basis)
        let progress = basis.progress(ws, expected: ExpectedCells(ws, e))
        e.progress = progress
        if ws.settings.revealed {
            let left = progress.filter { !$0.complete }
            if !left.isEmpty {
                for p in left { view.scores[p.evaluator] = nil }
                // A separate basis: the TUI's basis keeps the aggregate of every sheet for the next key.
                var other = EvaluationBasis()
                e = try BidbenchCore.evaluate(
                    view, method: method, aggregate: aggregate, normalization: normalization, priceOverride: priceOverride, basis: &other)
                e.leftOut = left.map(\.evaluator)
                e.progress = progress
                // First: every figure is the counted evaluators' alone, and says so before who is missing.
                let counted = e.countedText(chinese: false).map { en in
                    Notice(
                        "\(en): means, totals and ranks are theirs alone", e.countedText(chinese: true)! + ": 均分、总分和排名只代表他们")
                }
                e.warnings = (counted.map { [$0] } ?? []) + left.map { incompleteNotice($0, ws) } + e.warnings
            }
            return e
        }
        e.blind = true
        e.ranking = []
        e.incomplete = []
        e.problem = ScoringProblem(
            alternatives: [], criteria: e.problem.criteria, weights: e.problem.weights, normalized: [], aggregation: e.problem.aggregation)
        e.warnings = [blindNotice(ws, to: viewer)!] + e.warnings.filter { $0.en != "no vendor can be ranked yet" }
        return e
    }

    /// `evaluate(_:viewer:…basis:)` with a fresh basis.
    public static func evaluate(
        _ ws: Workspace, viewer: PanelViewer, method: ScoringMethod? = nil, aggregate: PanelAggregate? = nil,
        normalization: Normalization? = nil,
        priceOverride: [String: Money] = [:]
    ) throws(ScoringError) -> Evaluation {
        var basis = EvaluationBasis()
        return try evaluate(
            ws, viewer: viewer, method: method, aggregate: aggregate, normalization: normalization, priceOverride: priceOverride,
            basis: &basis)
    }
}
