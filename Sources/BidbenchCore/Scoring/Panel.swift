/// How the panel's scores for one (vendor, criterion) cell become the panel score.
public enum PanelAggregate: String, CaseIterable, Sendable { case mean, median }

/// The panel's scores for one vendor on one criterion, and how much the evaluators disagree.
public struct PanelCell: Equatable, Sendable {
    public var vendor: String
    public var criterion: String
    /// Evaluators who scored this cell, sorted, and their scores in the same order.
    public var evaluators: [String]
    public var scores: [Double]
    public var mean: Double
    public var median: Double
    /// The panel score: `mean` or `median`, as asked.
    public var value: Double
    public var min: Double
    public var max: Double
    /// max − min.
    public var spread: Double
    /// Population standard deviation (divides by the number of evaluators, not n − 1: the panel
    /// is the whole population of interest, and one evaluator gives 0, not undefined).
    public var sd: Double
    /// spread ≥ 30 % of the scale: to discuss in the meeting.
    public var flagged: Bool
}

/// Panel aggregation (DESIGN §3 "Scores and methods").
public enum Panel {
    /// Cells where evaluators differ by at least this fraction of the scale are flagged.
    public static let flagFraction = 0.30

    /// Statistics of one cell's scores (which must not be empty).
    public static func cell(
        vendor: String, criterion: String, evaluators: [String], scores: [Double],
        scale: Double, aggregate: PanelAggregate
    ) -> PanelCell {
        precondition(!scores.isEmpty && scores.count == evaluators.count)
        let n = Double(scores.count)
        let mean = scores.reduce(0, +) / n
        let sorted = scores.sorted()
        let mid = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        let variance = scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let spread = sorted.last! - sorted.first!
        // A tiny slack so that e.g. 3 on a 0–10 scale counts as ≥ 30 % despite 0.3 × 10 rounding.
        let flagged = spread >= flagFraction * scale * (1 - 1e-12)
        return PanelCell(
            vendor: vendor, criterion: criterion, evaluators: evaluators, scores: scores, mean: mean,
            median: median, value: aggregate == .mean ? mean : median, min: sorted.first!,
            max: sorted.last!, spread: spread, sd: variance.squareRoot(), flagged: flagged)
    }

    /// The key of a panel cell.
    public struct Key: Hashable, Sendable {
        public var vendor: String
        public var criterion: String
        public init(vendor: String, criterion: String) {
            self.vendor = vendor
            self.criterion = criterion
        }
    }

    /// Aggregates every evaluator's scores per (vendor, criterion). An evaluator with two scores
    /// for the same cell counts once, with the last one, and a warning says so. Cells nobody
    /// scored are absent (the caller reports them; they are never a silent 0).
    public static func aggregate(
        _ scores: [String: [Score]], scale: Double,
        aggregate: PanelAggregate
    ) -> (cells: [Key: PanelCell], warnings: [Notice]) {
        // One hash per score: evaluators are taken in sorted order, so a cell's list ends with the
        // current evaluator exactly when they scored that cell before (the last score then replaces it).
        var slot: [Key: Int] = [:]
        var keys: [Key] = []
        var lists: [(evaluators: [String], scores: [Double])] = []
        var warnings: [Notice] = []
        for evaluator in scores.keys.sorted() {
            for s in scores[evaluator]! {
                let key = Key(vendor: s.vendor, criterion: s.criterion)
                let i = slot[key]
                let again = i.map { lists[$0].evaluators.last == evaluator } ?? false
                if again {
                    warnings.append(
                        Notice(
                            "evaluator \(evaluator) scored \(s.vendor) on \(s.criterion) twice; the last score counts",
                            "评委 \(evaluator) 对 \(s.vendor) 的 \(s.criterion) 打了两次分; 以最后一次为准"))
                }
                if !(s.score >= 0 && s.score <= scale) {
                    warnings.append(
                        Notice(
                            "evaluator \(evaluator) gave \(s.vendor) on \(s.criterion) \(s.score.shortText), outside 0–\(scale.shortText)",
                            "评委 \(evaluator) 给 \(s.vendor) 的 \(s.criterion) 打了 \(s.score.shortText) 分, 超出 0–\(scale.shortText)"))
                }
                if let i, again {
                    lists[i].scores[lists[i].scores.count - 1] = s.score
                } else if let i {
                    lists[i].evaluators.append(evaluator)
                    lists[i].scores.append(s.score)
                } else {
                    slot[key] = lists.count
                    keys.append(key)
                    lists.append(([evaluator], [s.score]))
                }
            }
        }
        var cells: [Key: PanelCell] = [:]
        cells.reserveCapacity(keys.count)
        for (i, key) in keys.enumerated() {
            cells[key] = cell(
                vendor: key.vendor, criterion: key.criterion, evaluators: lists[i].evaluators,
                scores: lists[i].scores, scale: scale, aggregate: aggregate)
        }
        return (cells, warnings)
    }
}
