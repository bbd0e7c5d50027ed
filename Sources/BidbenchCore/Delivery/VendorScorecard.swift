/// A review with its score and the change from the vendor's previous period.
public struct ReviewEntry: Equatable, Sendable {
    public var review: VendorReview
    /// The formula's score (0–100).
    public var score: Double
    /// Score minus the previous period's; nil for the first review.
    public var change: Double?
}

/// Periodic vendor reviews (guide §八; like ERPNext's supplier scorecard).
///
/// score = 0.25 × on-time % + 0.20 × acceptance first-pass % + 0.25 × SLA % + 0.10 × training pass %
///       + 0.20 × (satisfaction − 1) / 4 × 100, a number from 0 to 100.
public enum VendorScorecard {
    public static let weights = (onTime: 0.25, firstPass: 0.20, sla: 0.25, training: 0.10, satisfaction: 0.20)

    /// The formula's score of a review, rounded to one decimal.
    public static func score(_ r: VendorReview) -> Double {
        let w = weights
        let sat = (r.satisfaction - 1) / 4 * 100
        let raw =
            w.onTime * r.onTimePct + w.firstPass * r.acceptanceFirstPassPct + w.sla * r.slaPct + w.training * r.trainingPassPct
            + w.satisfaction * sat
        return (raw * 10).rounded() / 10
    }

    /// A vendor's reviews by period (`2027-Q1` < `2027-Q2`; months sort the same way) with their trend.
    public static func history(of vendor: String, _ reviews: [VendorReview]) -> [ReviewEntry] {
        var out: [ReviewEntry] = []
        for r in reviews.filter({ $0.vendor == vendor }).sorted(by: { $0.period < $1.period }) {
            let s = score(r)
            out.append(ReviewEntry(review: r, score: s, change: out.last.map { s - $0.score }))
        }
        return out
    }

    /// Past performance for the next evaluation: each vendor's latest review score mapped onto the
    /// scoring scale (score / 100 × scale), to be used as its score on a "past performance" criterion.
    public static func pastPerformance(_ reviews: [VendorReview], scale: Double) -> [String: Double] {
        var out: [String: Double] = [:]
        for v in Set(reviews.map(\.vendor)) {
            if let last = history(of: v, reviews).last { out[v] = last.score / 100 * scale }
        }
        return out
    }
}
