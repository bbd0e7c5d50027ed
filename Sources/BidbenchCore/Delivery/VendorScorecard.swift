/// A review with its score and the change from the vendor's previous period.
public struct ReviewEntry: Equatable, Sendable {
    public var review: VendorReview
    /// The formula's score (0–100).
    public var score: Double
    /// Score minus the previous period's; nil for the first review.
    public var change: Double?
    /// How many departments answered the period's satisfaction survey (0: the satisfaction was set
    /// as one number).
    public var departments = 0
    /// The mean of their answers, to one decimal; nil when none answered.
    public var departmentsMean: Double?

    /// Where the review's satisfaction comes from.
    public var satisfactionSource: SatisfactionSource {
        SatisfactionSource(satisfaction: review.satisfaction, survey: departmentsMean.map { ($0, departments) })
    }
}

/// Where a review's satisfaction comes from. The rule: a satisfaction entered on the review (typed in
/// the form, or the `satisfaction` cell of `vendor_reviews.csv`) is the reviewer's figure and counts;
/// the form uses the departments' mean only when none is entered. Nothing is dropped: where both
/// exist and differ, every place that shows the satisfaction shows both.
public enum SatisfactionSource: Equatable, Sendable {
    /// One figure entered; no department answered the survey.
    case entered
    /// The mean of the departments' answers (the figure equals it).
    case survey(departments: Int)
    /// A figure entered that differs from the departments' mean: the figure counts, the mean is shown beside it.
    case enteredOverSurvey(mean: Double, departments: Int)

    /// The source of `satisfaction` given the period's survey (its mean and how many answered).
    public init(satisfaction: Double, survey: (mean: Double, count: Int)?) {
        guard let survey, survey.count > 0 else {
            self = .entered
            return
        }
        // The form stores the mean to one decimal: a figure equal to that is the mean (3.54 is not 3.5).
        self =
            abs(satisfaction - (survey.mean * 10).rounded() / 10) < 1e-9
            ? .survey(departments: survey.count) : .enteredOverSurvey(mean: survey.mean, departments: survey.count)
    }

    /// The short words for it: `mean of 4 departments`, `entered`, or
    /// `entered; departments' mean 3.5 from 2 departments` (and in Chinese).
    public func words(chinese: Bool) -> String {
        func departments(_ n: Int) -> String { "\(n) department\(n == 1 ? "" : "s")" }
        switch self {
        case .entered: return chinese ? "直接录入" : "entered"
        case .survey(let n): return chinese ? "\(n) 个部门的平均" : "mean of " + departments(n)
        case .enteredOverSurvey(let mean, let n):
            let m = NumberText.upTo(mean, 1)
            return chinese ? "直接录入；\(n) 个部门平均 \(m)" : "entered; departments' mean \(m) from " + departments(n)
        }
    }

    /// For the JSON: `entered`, `survey` or `entered_over_survey`.
    public var code: String {
        switch self {
        case .entered: return "entered"
        case .survey: return "survey"
        case .enteredOverSurvey: return "entered_over_survey"
        }
    }
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

    /// A vendor's reviews by period (`2027-Q1` < `2027-Q2`; months sort the same way) with their
    /// trend and how many departments answered each period's survey.
    public static func history(of vendor: String, _ reviews: [VendorReview], survey: [DepartmentSatisfaction] = []) -> [ReviewEntry] {
        var out: [ReviewEntry] = []
        for r in reviews.filter({ $0.vendor == vendor }).sorted(by: { $0.period < $1.period }) {
            let s = score(r)
            var e = ReviewEntry(review: r, score: s, change: out.last.map { s - $0.score })
            let answered = satisfaction(vendor: vendor, period: r.period, survey)
            e.departments = answered?.count ?? 0
            e.departmentsMean = answered?.mean
            out.append(e)
        }
        return out
    }

    /// The mean of the departments' scores for a vendor and period, to one decimal, with how many
    /// answered; nil when none did.
    public static func satisfaction(vendor: String, period: String, _ survey: [DepartmentSatisfaction]) -> (mean: Double, count: Int)? {
        let mine = survey.filter { $0.vendor == vendor && $0.period == period }
        guard !mine.isEmpty else { return nil }
        let mean = mine.reduce(0) { $0 + $1.score } / Double(mine.count)
        return ((mean * 10).rounded() / 10, mine.count)
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
