/// The scoring methods of DESIGN §3.
public enum ScoringMethod: String, CaseIterable, Sendable {
    /// Weighted sum Σ wⱼ·rᵢⱼ of the normalised matrix.
    case wsm
    /// TOPSIS: closeness Cᵢ = D⁻/(D⁺+D⁻) to the ideal of the weighted normalised matrix.
    case topsis
    /// 综合评分法 of 财政部令第87号 (low-price-first points out of 100); workspace mode only.
    case cn

    /// The normalisation used when none is chosen: `linear` for wsm, `vector` for topsis
    /// (DESIGN §3; note pymcdm's own defaults differ: `sum` for WSM, `minmax` for TOPSIS).
    /// `cn` has its own fixed formulas.
    public var defaultNormalization: Normalization? {
        switch self {
        case .wsm: return .linear
        case .topsis: return .vector
        case .cn: return nil
        }
    }
}

/// A scoring problem after normalisation: what both the ranking and the sensitivity analysis
/// work on. Scores are a function of the weights and the fixed normalised matrix `r`.
public struct ScoringProblem: Equatable, Sendable {
    /// How the weighted normalised values are combined into a score.
    public enum Aggregation: String, Sendable {
        /// Σ wⱼ·rᵢⱼ — wsm, and cn (where rᵢⱼ are points per unit of weight, out of 100).
        case weightedSum
        /// TOPSIS on vᵢⱼ = wⱼ·rᵢⱼ: ideal = column max of v, anti-ideal = column min of v (as
        /// pymcdm does; normalisation has already turned cost columns into benefit ones).
        case topsis
    }

    public var alternatives: [String]
    public var criteria: [String]
    /// Weights summing to 1.
    public var weights: [Double]
    /// Row-major normalised values rᵢⱼ.
    public var normalized: [Double]
    public var aggregation: Aggregation

    public init(alternatives: [String], criteria: [String], weights: [Double], normalized: [Double], aggregation: Aggregation) {
        self.alternatives = alternatives
        self.criteria = criteria
        self.weights = weights
        self.normalized = normalized
        self.aggregation = aggregation
    }

    /// Scores with the problem's own weights.
    public func scores() -> [Double] { scores(weights: weights) }

    /// Scores with other weights (same count as criteria, non-negative).
    public func scores(weights w: [Double]) -> [Double] {
        let m = alternatives.count
        let n = criteria.count
        var out = [Double](repeating: 0, count: m)
        switch aggregation {
        case .weightedSum:
            normalized.withUnsafeBufferPointer { r in
                for i in 0..<m {
                    var s = 0.0
                    let base = i * n
                    for j in 0..<n { s += r[base + j] * w[j] }
                    out[i] = s
                }
            }
        case .topsis:
            var pis = [Double](repeating: -Double.infinity, count: n)
            var nis = [Double](repeating: Double.infinity, count: n)
            normalized.withUnsafeBufferPointer { r in
                for i in 0..<m {
                    let base = i * n
                    for j in 0..<n {
                        let v = r[base + j] * w[j]
                        if v > pis[j] { pis[j] = v }
                        if v < nis[j] { nis[j] = v }
                    }
                }
                for i in 0..<m {
                    var dp = 0.0
                    var dm = 0.0
                    let base = i * n
                    for j in 0..<n {
                        let v = r[base + j] * w[j]
                        let a = v - pis[j]
                        let b = v - nis[j]
                        dp += a * a
                        dm += b * b
                    }
                    out[i] = Self.closeness(dPlus: dp.squareRoot(), dMinus: dm.squareRoot())
                }
            }
        }
        return out
    }

    /// D⁻/(D⁺+D⁻); 0.5 when both are 0 (every alternative equal on every weighted criterion,
    /// where pymcdm would return NaN): all tie.
    static func closeness(dPlus: Double, dMinus: Double) -> Double {
        let d = dPlus + dMinus
        return d > 0 ? dMinus / d : 0.5
    }
}

/// Ranking helpers.
public enum Ranking {
    /// Two scores tie when they differ by at most this much relative to the larger magnitude
    /// (so float noise in the last bits does not split a real tie).
    public static let tieTolerance = 1e-12

    /// Whether two scores count as equal.
    public static func ties(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= tieTolerance * Swift.max(abs(a), abs(b))
    }

    /// Indices of `scores` from best to worst; alternatives that share a rank keep their input order.
    public static func order(_ scores: [Double]) -> [Int] {
        let ranks = competitionRanks(scores)
        return scores.indices.sorted { ranks[$0] != ranks[$1] ? ranks[$0] < ranks[$1] : $0 < $1 }
    }

    /// Competition ranks ("1224"): higher score is better; a score that ties (see `ties`) with
    /// the one ranked just before it shares its rank, and the next distinct score skips ahead.
    public static func competitionRanks(_ scores: [Double]) -> [Int] {
        let ord = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var ranks = [Int](repeating: 0, count: scores.count)
        for (p, i) in ord.enumerated() {
            if p > 0, ties(scores[ord[p - 1]], scores[i]) { ranks[i] = ranks[ord[p - 1]] } else { ranks[i] = p + 1 }
        }
        return ranks
    }

    /// Weights scaled to sum 1, and a warning when they did not already (beyond 1e-9).
    /// - Throws: for a negative or non-finite weight, or when all are 0.
    public static func normalizeWeights(_ weights: [Double], criteria: [String]) throws(ScoringError) -> (
        weights: [Double], warning: String?
    ) {
        var total = 0.0
        for (j, w) in weights.enumerated() {
            guard w.isFinite, w >= 0 else { throw ScoringError("criterion \"\(criteria[j])\": weight \(w.shortText) must be a number ≥ 0") }
            total += w
        }
        guard total > 0 else { throw ScoringError("every weight is 0") }
        let scaled = weights.map { $0 / total }
        let warning = abs(total - 1) > 1e-9 ? "weights sum to \(NumberText.upTo(total, 9)), not 1; they were scaled to sum 1" : nil
        return (scaled, warning)
    }
}

/// The outcome of ranking a decision matrix.
public struct MatrixResult: Equatable, Sendable {
    public var method: ScoringMethod
    public var normalization: Normalization
    public var problem: ScoringProblem
    /// One score per alternative, in the matrix's order.
    public var scores: [Double]
    /// Competition ranks, in the matrix's order.
    public var ranks: [Int]
    /// Alternative indices sorted by rank (ties in input order).
    public var order: [Int]
    public var warnings: [String]
}

extension DecisionMatrix {
    /// Normalises and weighs the matrix for `method` (`wsm` or `topsis`).
    public func problem(method: ScoringMethod, normalization: Normalization? = nil) throws(ScoringError) -> (
        problem: ScoringProblem, normalization: Normalization, warnings: [String]
    ) {
        guard let norm = normalization ?? method.defaultNormalization else {
            throw ScoringError("method cn needs a workspace (price and panel criteria); use wsm or topsis with a matrix")
        }
        let (w, warning) = try Ranking.normalizeWeights(weights, criteria: criteria)
        let r = try norm.normalize(
            values, rows: alternatives.count, cols: criteria.count, kinds: kinds,
            criteria: criteria, alternatives: alternatives)
        let p = ScoringProblem(
            alternatives: alternatives, criteria: criteria, weights: w, normalized: r,
            aggregation: method == .topsis ? .topsis : .weightedSum)
        return (p, norm, warning.map { [$0] } ?? [])
    }

    /// Ranks the alternatives with `method` (`wsm` default `linear`, `topsis` default `vector`).
    public func rank(method: ScoringMethod = .wsm, normalization: Normalization? = nil) throws(ScoringError) -> MatrixResult {
        let (p, norm, warnings) = try problem(method: method, normalization: normalization)
        let s = p.scores()
        return MatrixResult(
            method: method, normalization: norm, problem: p, scores: s,
            ranks: Ranking.competitionRanks(s), order: Ranking.order(s), warnings: warnings)
    }
}
