import Foundation  // log, exp

/// One judgement of a pairwise matrix compared with what the derived weights imply.
public struct AHPJudgement: Equatable, Sendable {
    /// The row element (the one judged more or less important than `column`).
    public var row: String
    public var column: String
    /// The judgement as entered, aᵢⱼ.
    public var given: Double
    /// The value the weights imply, wᵢ/wⱼ: the judgement that would agree with the rest.
    public var consistent: Double
    /// |ln(aᵢⱼ·wⱼ/wᵢ)|: how far the judgement is from the weights, on a log scale.
    public var deviation: Double
}

/// Weights and consistency of a pairwise comparison matrix.
public struct AHPResult: Equatable, Sendable {
    public var names: [String]
    /// Principal eigenvector, normalised to sum 1, in `names` order.
    public var weights: [Double]
    public var lambdaMax: Double
    /// CI = (λmax − n)/(n − 1); 0 for n = 1.
    public var ci: Double
    /// CR = CI/RI; 0 for n ≤ 2.
    public var cr: Double
    /// The random index used (Saaty); for n > 10 the n = 10 value 1.49, with a warning.
    public var randomIndex: Double
    /// CR < 0.10.
    public var consistent: Bool
    /// The judgement (upper triangle) that disagrees most with the weights; nil for n ≤ 2.
    public var worst: AHPJudgement?
    public var warnings: [Notice]
}

/// Analytic hierarchy process (DESIGN §3 "Weights").
public enum AHP {
    /// A matrix is consistent when CR is below this.
    public static let consistencyLimit = 0.10
    /// |aᵢⱼ·aⱼᵢ − 1| allowed before a pair counts as non-reciprocal (so 0.33 against 3 passes).
    public static let reciprocalTolerance = 0.01

    /// Saaty's random index for n = 3…10; 0 for n ≤ 2; nil above 10 (not in Saaty's table).
    public static func randomIndex(_ n: Int) -> Double? {
        let table: [Double] = [0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]
        return n >= 0 && n < table.count ? table[n] : nil
    }

    /// A judgement beyond Saaty's 1–9 scale and its reciprocals (`0.11` for 1/9 passes, within the 1 %
    /// that reciprocity allows). Files people write are held to it; the analysis itself is not.
    public static func outsideSaatyScale(_ v: Double) -> Bool {
        v > 9 * (1 + reciprocalTolerance) || v < (1 - reciprocalTolerance) / 9
    }

    /// Reads an AHP file: header row (first cell any label, then the names), then one row per
    /// name, its name first, then the judgements (`3`, `1/5`, `0.5`). An empty cell off the
    /// diagonal takes the reciprocal of its mirror; an empty diagonal cell is 1.
    /// - Throws: a message naming the line and the cell by its row and column names.
    public static func parse(rows: [TableRow]) throws(ScoringError) -> PairwiseMatrix {
        guard let header = rows.first else { throw ScoringError("the AHP file is empty") }
        let names = header.cells.dropFirst().map { $0.trimmed }
        let n = names.count
        guard n > 0 else { throw ScoringError("line \(header.line): the header needs the compared names after the first cell") }
        var seen = Set<String>()
        for (j, name) in names.enumerated() {
            if name.isEmpty { throw ScoringError("line \(header.line), column \(j + 2): empty name") }
            if !seen.insert(name).inserted { throw ScoringError("line \(header.line), column \(j + 2): name \"\(name)\" appears twice") }
        }
        let body = Array(rows.dropFirst())
        guard body.count == n else {
            throw ScoringError("not square: \(n) names in the header (line \(header.line)) but \(body.count) rows")
        }
        var cells = [[Double?]](repeating: [Double?](repeating: nil, count: n), count: n)
        for (i, row) in body.enumerated() {
            guard row.cells.count == n + 1 else {
                throw ScoringError(
                    "line \(row.line): not square: expected \(n + 1) cells (the name and \(n) judgements), found \(row.cells.count)")
            }
            let rowName = row.cells[0].trimmed
            guard rowName == names[i] else {
                throw ScoringError(
                    "line \(row.line): row name \"\(rowName)\" does not match the header's name \"\(names[i])\" for position \(i + 1)")
            }
            for j in 0..<n {
                let text = row.cells[j + 1].trimmed
                if text.isEmpty { continue }
                guard let v = ScoringNumber.parse(text) else {
                    throw ScoringError(
                        "line \(row.line): cell (\(names[i]), \(names[j])) \"\(text)\" is not a number (use 1–9 or a fraction like 1/3)")
                }
                guard v > 0 else {
                    throw ScoringError("line \(row.line): cell (\(names[i]), \(names[j])) is \(v.shortText); judgements must be > 0")
                }
                guard !outsideSaatyScale(v) else {
                    throw ScoringError(
                        "line \(row.line): cell (\(names[i]), \(names[j])) is \(v.shortText), outside Saaty's scale (1/9 to 9)")
                }
                cells[i][j] = v
            }
        }
        var values = [[Double]](repeating: [Double](repeating: 1, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n {
                if let v = cells[i][j] {
                    values[i][j] = v
                    continue
                }
                if i == j { continue }
                guard let mirror = cells[j][i] else {
                    throw ScoringError(
                        "line \(body[i].line): cells (\(names[i]), \(names[j])) and (\(names[j]), \(names[i])) are both empty")
                }
                values[i][j] = 1 / mirror
            }
        }
        let m = PairwiseMatrix(names: names, values: values)
        try validate(m, lines: body.map(\.line))
        return m
    }

    /// Checks a pairwise matrix: square, diagonal 1, positive finite values, reciprocal pairs.
    /// `lines` (one per row), when known, prefix the messages.
    public static func validate(_ m: PairwiseMatrix, lines: [Int]? = nil) throws(ScoringError) {
        let n = m.names.count
        func at(_ i: Int) -> String { lines.map { "line \($0[i]): " } ?? "" }
        func atZH(_ i: Int) -> String { lines.map { "第 \($0[i]) 行: " } ?? "" }
        guard n > 0 else { throw ScoringError("the pairwise matrix is empty", zh: "判断矩阵为空") }
        if Set(m.names).count != n {
            throw ScoringError(
                "the pairwise matrix names an element twice: \(m.names.joined(separator: ", "))",
                zh: "判断矩阵中有重复的比较项: \(m.names.joined(separator: ", "))")
        }
        guard m.values.count == n, m.values.allSatisfy({ $0.count == n }) else {
            throw ScoringError(
                "not square: \(n) names but a \(m.values.count)-row matrix with rows of \(m.values.map(\.count)) cells",
                zh: "不是方阵: \(n) 个比较项, 但矩阵有 \(m.values.count) 行, 各行单元格数 \(m.values.map(\.count))")
        }
        for i in 0..<n {
            for j in 0..<n {
                let v = m.values[i][j]
                guard v.isFinite, v > 0 else {
                    throw ScoringError(
                        "\(at(i))cell (\(m.names[i]), \(m.names[j])) is \(v.shortText); judgements must be > 0",
                        zh: "\(atZH(i))单元格 (\(m.names[i]), \(m.names[j])) 为 \(v.shortText); 判断值必须 > 0")
                }
            }
            if m.values[i][i] != 1 {
                throw ScoringError(
                    "\(at(i))cell (\(m.names[i]), \(m.names[i])) is \(m.values[i][i].shortText); the diagonal must be 1",
                    zh: "\(atZH(i))单元格 (\(m.names[i]), \(m.names[i])) 为 \(m.values[i][i].shortText); 对角线必须为 1")
            }
        }
        for i in 0..<n {
            for j in (i + 1)..<n where abs(m.values[i][j] * m.values[j][i] - 1) > reciprocalTolerance + 1e-12 {
                throw ScoringError(
                    "\(at(i))cells (\(m.names[i]), \(m.names[j])) = \(m.values[i][j].shortText) and (\(m.names[j]), \(m.names[i])) = \(m.values[j][i].shortText) are not reciprocal (their product must be 1)",
                    zh:
                        "\(atZH(i))单元格 (\(m.names[i]), \(m.names[j])) = \(m.values[i][j].shortText) 与 (\(m.names[j]), \(m.names[i])) = \(m.values[j][i].shortText) 不互为倒数 (乘积必须为 1)"
                )
            }
        }
    }

    // Kept as one function: the AHP computation in order: eigenvector, λmax, CI, CR, the judgement most at odds.
    /// Weights (principal eigenvector by power iteration, until no component moves by 1e-14), λmax, CI, CR
    /// and the judgement that disagrees most.
    public static func analyse(_ m: PairwiseMatrix) throws(ScoringError) -> AHPResult {
        try validate(m)
        let n = m.names.count
        let a = m.values
        var warnings: [Notice] = []
        // Start from the normalised row geometric means (already exact for a consistent matrix).
        var w = a.map { row in exp(row.reduce(0) { $0 + log($1) } / Double(n)) }
        var total = w.reduce(0, +)
        w = w.map { $0 / total }
        var lambda = Double(n)
        var converged = false
        for _ in 0..<100_000 {
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var s = 0.0
                for j in 0..<n { s += a[i][j] * w[j] }
                y[i] = s
            }
            total = y.reduce(0, +)
            lambda = total
            var change = 0.0
            for i in 0..<n {
                let next = y[i] / total
                change = Swift.max(change, abs(next - w[i]))
                w[i] = next
            }
            if change < 1e-14 {
                converged = true
                break
            }
        }
        if !converged {
            warnings.append(
                Notice(
                    "the eigenvector iteration did not fully converge; weights may be off in the last digits",
                    "特征向量迭代未完全收敛; 权重的末几位可能有偏差"))
        }
        let ci = n > 1 ? (lambda - Double(n)) / Double(n - 1) : 0
        var ri: Double
        if let r = randomIndex(n) {
            ri = r
        } else {
            ri = 1.49
            warnings.append(
                Notice(
                    "Saaty's random index stops at n = 10; CR for n = \(n) uses RI = 1.49 (n = 10), which slightly overstates CR",
                    "Saaty 随机一致性指标只到 n = 10; n = \(n) 时按 RI = 1.49 (n = 10) 计算, CR 略偏高"))
        }
        let cr = n <= 2 ? 0 : ci / ri
        var worst: AHPJudgement?
        if n > 2 {
            for i in 0..<n {
                for j in (i + 1)..<n {
                    let d = abs(log(a[i][j] * w[j] / w[i]))
                    // Ties (every judgement of a 3 × 3 matrix deviates equally) go to the first judgement.
                    if worst == nil || d > worst!.deviation * (1 + 1e-9) {
                        worst = AHPJudgement(row: m.names[i], column: m.names[j], given: a[i][j], consistent: w[i] / w[j], deviation: d)
                    }
                }
            }
        }
        return AHPResult(
            names: m.names, weights: w, lambdaMax: lambda, ci: ci, cr: cr, randomIndex: ri,
            consistent: cr < consistencyLimit, worst: worst, warnings: warnings)
    }

    /// Group AHP: the element-wise geometric mean of several evaluators' matrices. Every matrix
    /// must compare the same names (in any order); the result uses the first one's order.
    public static func geometricMean(_ matrices: [PairwiseMatrix]) throws(ScoringError) -> PairwiseMatrix {
        guard let first = matrices.first else { throw ScoringError("no matrices to combine") }
        let n = first.names.count
        var logSum = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for (k, m) in matrices.enumerated() {
            try validate(m)
            guard Set(m.names) == Set(first.names), m.names.count == n else {
                throw ScoringError(
                    "matrix \(k + 1) compares \(m.names.joined(separator: ", ")), but matrix 1 compares \(first.names.joined(separator: ", "))"
                )
            }
            let index = Dictionary(uniqueKeysWithValues: m.names.enumerated().map { ($1, $0) })
            let map = first.names.map { index[$0]! }
            for i in 0..<n { for j in 0..<n { logSum[i][j] += log(m.values[map[i]][map[j]]) } }
        }
        let count = Double(matrices.count)
        var values = logSum.map { row in row.map { exp($0 / count) } }
        for i in 0..<n { values[i][i] = 1 }
        return PairwiseMatrix(names: first.names, values: values)
    }
}
