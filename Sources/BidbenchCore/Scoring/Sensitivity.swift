/// A change of one criterion's weight (the others rescaled in proportion) at which the winner
/// changes: at `to` the winner ties with `newWinner`, and beyond it `newWinner` leads.
public struct WeightChange: Equatable, Sendable {
    public var criterion: String
    /// The current weight.
    public var from: Double
    /// The threshold weight.
    public var to: Double
    /// to − from (negative when the weight must fall).
    public var delta: Double
    public var newWinner: String
}

/// For one criterion: the interval [lo, hi] of its weight within which the current winner stays
/// first (at least tied), and the changes at the ends that would change the winner.
public struct WeightInterval: Equatable, Sendable {
    public var criterion: String
    public var weight: Double
    public var lo: Double
    public var hi: Double
    /// The change at `lo`, when lo > 0 (nil when lowering the weight to 0 keeps the winner).
    public var below: WeightChange?
    /// The change at `hi`, when hi < 1.
    public var above: WeightChange?
}

/// Weight sensitivity of a ranking (DESIGN §3).
public struct SensitivityReport: Equatable, Sendable {
    /// The current winner (the first of the ranking; when several tie for first, the first listed).
    public var winner: String?
    /// Whether several alternatives tie for first now (then every interval is where the winner
    /// stays at least tied).
    public var tiedAtTop: Bool
    /// True for wsm/cn (intervals solved exactly from the linear scores); false for TOPSIS.
    public var exact: Bool
    public var intervals: [WeightInterval]
    /// The smallest single-weight change (in absolute weight units) that changes the winner;
    /// nil when no single weight can.
    public var smallest: WeightChange?
    /// How the intervals were found, in words.
    public var method: String
}

/// Weight sensitivity analysis.
public enum Sensitivity {
    /// TOPSIS scan step in weight units, before bisection.
    public static let scanStep = 1.0 / 400

    /// Analyses `problem`: for each criterion k, its weight t replaces wₖ and every other weight
    /// becomes wⱼ·(1−t)/(1−wₖ) (equal shares of 1−t when wₖ = 1), so weights still sum to 1.
    ///
    /// Weighted sums (wsm, cn) are linear in t, so each rival gives one linear inequality and the
    /// interval is exact. TOPSIS closeness is not linear: it is scanned in steps of 1/400 outward
    /// from the current weight and each crossing bisected to machine precision; a rival that leads
    /// only inside one scan step can be missed.
    public static func analyse(_ problem: ScoringProblem) -> SensitivityReport {
        let m = problem.alternatives.count
        let n = problem.criteria.count
        let exact = problem.aggregation == .weightedSum
        let how =
            exact
            ? "exact: scores are linear in the weight, each rival gives one inequality"
            : "numeric: TOPSIS closeness scanned in steps of 1/400 and crossings bisected"
        guard m > 0 else {
            return SensitivityReport(winner: nil, tiedAtTop: false, exact: exact, intervals: [], smallest: nil, method: how)
        }
        let scores = problem.scores()
        let order = Ranking.order(scores)
        let w = order[0]
        let tied = m > 1 && Ranking.ties(scores[order[0]], scores[order[1]])
        var intervals: [WeightInterval] = []
        for k in 0..<n {
            let wk = problem.weights[k]
            guard n > 1, m > 1 else {
                intervals.append(
                    WeightInterval(
                        criterion: problem.criteria[k], weight: wk, lo: n > 1 ? 0 : wk,
                        hi: n > 1 ? 1 : wk, below: nil, above: nil))
                continue
            }
            let u = otherShares(problem.weights, k)
            let found = exact ? linearInterval(problem, k: k, u: u, winner: w) : topsisInterval(problem, k: k, u: u, winner: w)
            let name = problem.criteria[k]
            func change(_ to: Double, _ rival: Int?) -> WeightChange? {
                rival.map { WeightChange(criterion: name, from: wk, to: to, delta: to - wk, newWinner: problem.alternatives[$0]) }
            }
            intervals.append(
                WeightInterval(
                    criterion: name, weight: wk, lo: found.lo, hi: found.hi,
                    below: change(found.lo, found.belowRival), above: change(found.hi, found.aboveRival)))
        }
        var smallest: WeightChange?
        for iv in intervals {
            for c in [iv.below, iv.above].compactMap({ $0 }) where smallest == nil || abs(c.delta) < abs(smallest!.delta) {
                smallest = c
            }
        }
        return SensitivityReport(
            winner: problem.alternatives[w], tiedAtTop: tied, exact: exact, intervals: intervals,
            smallest: smallest, method: how)
    }

    /// The direction the other weights move in: uⱼ = wⱼ/(1−wₖ), or equal shares when wₖ = 1.
    static func otherShares(_ weights: [Double], _ k: Int) -> [Double] {
        let n = weights.count
        let rest = 1 - weights[k]
        var u = [Double](repeating: 0, count: n)
        for j in 0..<n where j != k { u[j] = rest > 1e-15 ? weights[j] / rest : 1 / Double(n - 1) }
        return u
    }

    typealias Found = (lo: Double, hi: Double, belowRival: Int?, aboveRival: Int?)

    /// Sᵢ(t) = t·aᵢ + (1−t)·bᵢ; the winner W stays first while dᵢ(t) = S_W(t) − Sᵢ(t) ≥ 0 for
    /// every rival, dᵢ(t) = β + (α−β)t with α = a_W − aᵢ, β = b_W − bᵢ.
    static func linearInterval(_ p: ScoringProblem, k: Int, u: [Double], winner w: Int) -> Found {
        let m = p.alternatives.count
        let n = p.criteria.count
        var a = [Double](repeating: 0, count: m)
        var b = [Double](repeating: 0, count: m)
        for i in 0..<m {
            a[i] = p.normalized[i * n + k]
            var s = 0.0
            for j in 0..<n where j != k { s += u[j] * p.normalized[i * n + j] }
            b[i] = s
        }
        let wk = p.weights[k]
        var lo = 0.0
        var hi = 1.0
        var loRival: Int?
        var hiRival: Int?
        var loSlope = 0.0
        var hiSlope = 0.0
        let tol = 1e-12
        for i in 0..<m where i != w {
            let alpha = a[w] - a[i]
            let beta = b[w] - b[i]
            let slope = alpha - beta
            guard slope != 0 else { continue }
            let cross = -beta / slope
            if slope > 0 {
                // The rival leads below `cross`; the steepest one leads just past a shared crossing.
                if cross > lo + tol || (abs(cross - lo) <= tol && loRival != nil && slope > loSlope) {
                    lo = cross
                    loRival = i
                    loSlope = slope
                }
            } else {
                if cross < hi - tol || (abs(cross - hi) <= tol && hiRival != nil && slope < hiSlope) {
                    hi = cross
                    hiRival = i
                    hiSlope = slope
                }
            }
        }
        // Rounding can put a crossing a hair on the wrong side of the current weight.
        lo = Swift.min(lo, wk)
        hi = Swift.max(hi, wk)
        // A crossing at 0 or 1 exactly is a tie at the end of the range, not a change of winner.
        if lo <= tol {
            lo = Swift.max(lo, 0)
            loRival = nil
        }
        if hi >= 1 - tol {
            hi = Swift.min(hi, 1)
            hiRival = nil
        }
        return (lo, hi, loRival, hiRival)
    }

    // Kept as one function: one numeric search whose steps share the column extremes and distance sums.
    /// Numeric interval for TOPSIS. With weights ≥ 0 the ideal of column j is wⱼ·maxᵢ rᵢⱼ, so
    /// D⁺ᵢ(t)² = t²·Pᵢₖ + (1−t)²·Σⱼ≠ₖ uⱼ²Pᵢⱼ with Pᵢⱼ = (rᵢⱼ − maxᵢ rᵢⱼ)² (D⁻ alike with the min):
    /// each evaluation at a new t costs O(alternatives).
    static func topsisInterval(_ p: ScoringProblem, k: Int, u: [Double], winner w: Int) -> Found {
        let m = p.alternatives.count
        let n = p.criteria.count
        var colMax = [Double](repeating: -Double.infinity, count: n)
        var colMin = [Double](repeating: Double.infinity, count: n)
        for i in 0..<m {
            for j in 0..<n {
                let x = p.normalized[i * n + j]
                if x > colMax[j] { colMax[j] = x }
                if x < colMin[j] { colMin[j] = x }
            }
        }
        var pk = [Double](repeating: 0, count: m)
        var nk = pk
        var pr = pk
        var nr = pk
        for i in 0..<m {
            var sp = 0.0
            var sn = 0.0
            for j in 0..<n {
                let x = p.normalized[i * n + j]
                let dp = x - colMax[j]
                let dn = x - colMin[j]
                if j == k {
                    pk[i] = dp * dp
                    nk[i] = dn * dn
                } else {
                    sp += u[j] * u[j] * dp * dp
                    sn += u[j] * u[j] * dn * dn
                }
            }
            pr[i] = sp
            nr[i] = sn
        }
        func closeness(_ i: Int, _ t: Double) -> Double {
            let c = (1 - t) * (1 - t)
            return ScoringProblem.closeness(
                dPlus: (t * t * pk[i] + c * pr[i]).squareRoot(),
                dMinus: (t * t * nk[i] + c * nr[i]).squareRoot())
        }
        /// The rival that leads at t, or nil when the winner is still (at least tied) first.
        func leader(_ t: Double) -> Int? {
            let cw = closeness(w, t)
            var best: Int?
            var bestC = cw
            for i in 0..<m where i != w {
                let c = closeness(i, t)
                if c > bestC && !Ranking.ties(c, cw) {
                    best = i
                    bestC = c
                }
            }
            return best
        }
        func search(_ direction: Double) -> (Double, Int?) {
            var hold = p.weights[k]
            while true {
                let t = direction > 0 ? Swift.min(1, hold + scanStep) : Swift.max(0, hold - scanStep)
                if t == hold { return (hold, nil) }
                if var rival = leader(t) {
                    var lose = t
                    for _ in 0..<64 {
                        let mid = (hold + lose) / 2
                        if mid == hold || mid == lose { break }
                        if let r = leader(mid) {
                            lose = mid
                            rival = r
                        } else {
                            hold = mid
                        }
                    }
                    return (hold, rival)
                }
                hold = t
            }
        }
        let (hi, above) = search(1)
        let (lo, below) = search(-1)
        return (lo, hi, below, above)
    }
}
