/// A decision matrix: alternatives (rows) × criteria (columns), each criterion with a kind and a
/// weight. Values are stored flat, row-major, so a 2 000 × 200 matrix is one allocation.
public struct DecisionMatrix: Equatable, Sendable {
    public var criteria: [String]
    public var kinds: [CriterionKind]
    /// Weights as given (not necessarily summing to 1).
    public var weights: [Double]
    public var alternatives: [String]
    /// Row-major values: `values[i * criteria.count + j]` is alternative i on criterion j.
    public var values: [Double]

    public init(criteria: [String], kinds: [CriterionKind], weights: [Double], alternatives: [String], values: [Double]) {
        precondition(
            kinds.count == criteria.count && weights.count == criteria.count
                && values.count == alternatives.count * criteria.count, "inconsistent matrix shape")
        self.criteria = criteria
        self.kinds = kinds
        self.weights = weights
        self.alternatives = alternatives
        self.values = values
    }

    /// The value of alternative `row` on criterion `column`.
    public subscript(row: Int, column: Int) -> Double { values[row * criteria.count + column] }

    // Kept as one function: header, kinds, weights and rows of one file, each check naming its line and column.
    /// Reads the `rank --matrix` file of DESIGN §4: a header row (first cell any label, then the
    /// criterion names); a row labelled `type` (benefit|cost) and one labelled `weight`; then one
    /// row per alternative, its name first. Labels are matched case-insensitively (`类型`/`权重`
    /// also work); values may be decimals or fractions (`1/3`).
    /// - Throws: a message naming the line and the column (number and criterion).
    public static func parse(rows: [TableRow]) throws(ScoringError) -> DecisionMatrix {
        guard let header = rows.first else { throw ScoringError("the matrix file is empty") }
        let criteria = header.cells.dropFirst().map { $0.trimmed }
        guard !criteria.isEmpty else { throw ScoringError("line \(header.line): the header needs criterion names after the first cell") }
        var seen: [String: Int] = [:]
        for (j, name) in criteria.enumerated() {
            if name.isEmpty { throw ScoringError("line \(header.line), column \(j + 2): empty criterion name") }
            if let first = seen[name] {
                throw ScoringError("line \(header.line), column \(j + 2): criterion \"\(name)\" repeats column \(first + 2)")
            }
            seen[name] = j
        }
        let n = criteria.count
        var kinds: [CriterionKind]?
        var weights: [Double]?
        var alternatives: [String] = []
        var altLines: [String: Int] = [:]
        var values: [Double] = []
        values.reserveCapacity((rows.count - 1) * n)

        func checkWidth(_ row: TableRow) throws(ScoringError) {
            if row.cells.count != n + 1 {
                throw ScoringError("line \(row.line): expected \(n + 1) cells (a label and \(n) criteria), found \(row.cells.count)")
            }
        }
        func place(_ row: TableRow, _ j: Int) -> String { "line \(row.line), column \(j + 2) (\(criteria[j]))" }

        for row in rows.dropFirst() {
            let label = row.cells.first?.trimmed ?? ""
            switch label.lowercased() {
            case "type", "types", "类型":
                try checkWidth(row)
                if kinds != nil { throw ScoringError("line \(row.line): a second `type` row") }
                var ks: [CriterionKind] = []
                for j in 0..<n {
                    let cell = row.cells[j + 1].trimmed.lowercased()
                    switch cell {
                    case "benefit", "profit", "max", "1", "+1", "效益", "效益型": ks.append(.benefit)
                    case "cost", "min", "-1", "成本", "成本型": ks.append(.cost)
                    default: throw ScoringError("\(place(row, j)): type \"\(row.cells[j + 1])\" is not benefit or cost")
                    }
                }
                kinds = ks
            case "weight", "weights", "权重":
                try checkWidth(row)
                if weights != nil { throw ScoringError("line \(row.line): a second `weight` row") }
                var ws: [Double] = []
                for j in 0..<n {
                    guard let w = ScoringNumber.parse(row.cells[j + 1]) else {
                        throw ScoringError("\(place(row, j)): weight \"\(row.cells[j + 1])\" is not a number")
                    }
                    if w < 0 { throw ScoringError("\(place(row, j)): weight \(w.shortText) is negative") }
                    ws.append(w)
                }
                weights = ws
            default:
                try checkWidth(row)
                if label.isEmpty { throw ScoringError("line \(row.line): the alternative has no name in the first cell") }
                if let first = altLines[label] {
                    throw ScoringError("line \(row.line): alternative \"\(label)\" repeats line \(first)")
                }
                altLines[label] = row.line
                alternatives.append(label)
                var j = 0
                for cell in row.cells.dropFirst() {
                    guard let v = ScoringNumber.parse(cell) else {
                        throw ScoringError("\(place(row, j)): \"\(cell)\" is not a number")
                    }
                    values.append(v)
                    j += 1
                }
            }
        }
        guard let kinds else { throw ScoringError("no `type` row (benefit|cost for each criterion)") }
        guard let weights else { throw ScoringError("no `weight` row") }
        guard !alternatives.isEmpty else { throw ScoringError("no alternatives (rows after `type` and `weight`)") }
        if weights.allSatisfy({ $0 == 0 }) { throw ScoringError("every weight is 0") }
        return DecisionMatrix(criteria: criteria, kinds: kinds, weights: weights, alternatives: alternatives, values: values)
    }
}
