/// Column normalisations of DESIGN §3, the same definitions as the pymcdm library
/// (`pymcdm.normalizations`). Each turns a cost column into a benefit one, so after
/// normalisation "higher is better" in every column.
public enum Normalization: String, CaseIterable, Sendable {
    /// benefit x/max, cost min/x. Every value must be > 0 (a ratio scale; pymcdm also refuses 0).
    case linear
    /// benefit x/max, cost 1 − x/max. The column max must be > 0.
    case max
    /// benefit (x−min)/(max−min), cost (max−x)/(max−min); all 1 when max = min.
    case minmax
    /// benefit x/Σx, cost (1/x)/Σ(1/x). Every value must be > 0 (as in pymcdm).
    case sum
    /// benefit x/√Σx², cost 1 − x/√Σx². Some value must be non-zero.
    case vector

    /// Normalises column `column` of a row-major `rows × cols` matrix, writing into `out` (same layout).
    /// Names are used only for error messages.
    /// - Throws: when a value this normalisation divides by is zero or negative, naming the
    ///   criterion and the alternative.
    public func normalizeColumn(
        _ values: [Double], rows: Int, cols: Int, column: Int, kind: CriterionKind,
        into out: inout [Double], criterion: String,
        alternatives: [String]
    ) throws(ScoringError) {
        guard rows > 0 else { return }
        var lo = Double.infinity
        var hi = -Double.infinity
        var hiRow = 0
        var sum = 0.0
        var sumInv = 0.0
        var sumSq = 0.0
        for i in 0..<rows {
            let x = values[i * cols + column]
            if x < lo { lo = x }
            if x > hi {
                hi = x
                hiRow = i
            }
            sum += x
            sumSq += x * x
            if self == .linear || self == .sum {
                if x <= 0 {
                    throw ScoringError(
                        "criterion \"\(criterion)\", alternative \"\(alternatives[i])\": \(x.shortText) cannot be normalised with \(rawValue) (it needs values > 0)"
                    )
                }
                sumInv += 1 / x
            }
        }
        let cost = kind == .cost
        switch self {
        case .linear:
            for i in 0..<rows {
                let x = values[i * cols + column]
                out[i * cols + column] = cost ? lo / x : x / hi
            }
        case .max:
            guard hi > 0 else {
                throw ScoringError(
                    "criterion \"\(criterion)\", alternative \"\(alternatives[hiRow])\": the column maximum \(hi.shortText) cannot be normalised with max (it needs a maximum > 0)"
                )
            }
            for i in 0..<rows {
                let x = values[i * cols + column]
                out[i * cols + column] = cost ? 1 - x / hi : x / hi
            }
        case .minmax:
            let range = hi - lo
            for i in 0..<rows {
                let x = values[i * cols + column]
                out[i * cols + column] = range == 0 ? 1 : (cost ? (hi - x) / range : (x - lo) / range)
            }
        case .sum:
            for i in 0..<rows {
                let x = values[i * cols + column]
                out[i * cols + column] = cost ? (1 / x) / sumInv : x / sum
            }
        case .vector:
            let norm = sumSq.squareRoot()
            guard norm > 0 else {
                throw ScoringError(
                    "criterion \"\(criterion)\", alternative \"\(alternatives[0])\": every value is 0, which cannot be normalised with vector"
                )
            }
            for i in 0..<rows {
                let x = values[i * cols + column]
                out[i * cols + column] = cost ? 1 - x / norm : x / norm
            }
        }
    }

    /// Normalises every column of a row-major matrix.
    public func normalize(
        _ values: [Double], rows: Int, cols: Int, kinds: [CriterionKind],
        criteria: [String], alternatives: [String]
    ) throws(ScoringError) -> [Double] {
        var out = [Double](repeating: 0, count: rows * cols)
        for j in 0..<cols {
            try normalizeColumn(
                values, rows: rows, cols: cols, column: j, kind: kinds[j], into: &out,
                criterion: criteria[j], alternatives: alternatives)
        }
        return out
    }
}

extension Double {
    /// `NumberText.format(self)`: shortest round-trip text, no trailing `.0` (for messages).
    var shortText: String { NumberText.format(self) }
}
