import BidbenchCore
import Testing

/// Rows of a CSV-like table, one string per line, split on commas (test input only: no quoting).
func table(_ lines: [String]) -> [TableRow] {
    lines.enumerated().map {
        TableRow(line: $0.offset + 1, cells: $0.element.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }
}

func close(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool { abs(a - b) <= tol }
func close(_ a: [Double], _ b: [Double], _ tol: Double = 1e-12) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tol) }
}

@Suite("Scoring: normalisations, WSM, TOPSIS, ranks")
struct ScoringMatrixTests {
    /// Hwang & Yoon (1981), fighter aircraft: C* = 0.643, 0.268, 0.613, 0.312 (A1 best).
    @Test func hwangYoonTOPSIS() throws {
        let m = try DecisionMatrix.parse(
            rows: table([
                "aircraft,speed,range,payload,cost,reliability,maneuverability",
                "type,benefit,benefit,benefit,cost,benefit,benefit",
                "weight,0.2,0.1,0.1,0.1,0.2,0.3",
                "A1,2.0,1500,20000,5.5,5,9",
                "A2,2.5,2700,18000,6.5,3,5",
                "A3,1.8,2000,21000,4.5,7,7",
                "A4,2.2,1800,20000,5.0,5,5",
            ]))
        let r = try m.rank(method: .topsis)
        #expect(r.normalization == .vector)
        // Values from pymcdm 1.4 TOPSIS(vector_normalization) and a classic ideal/anti-ideal computation.
        #expect(close(r.scores, [0.643277, 0.26838357, 0.61354229, 0.31229107], 1e-8))
        #expect(r.ranks == [1, 4, 2, 3])
        #expect(r.order == [0, 2, 3, 1])
        #expect(r.warnings.isEmpty)
    }

    /// A 5 × 4 matrix checked against pymcdm 1.4 (WSM and TOPSIS with each normalisation function).
    @Test(arguments: [
        (
            ScoringMethod.wsm, Normalization.linear,
            [0.7931542473490087, 0.8654471544715446, 0.7978584729981378, 0.8545532245532245, 0.731363692232055]
        ),
        (.wsm, .max, [0.48742628801986343, 0.5490165270018621, 0.4739583333333333, 0.5481591402855369, 0.41115378646803225]),
        (.wsm, .minmax, [0.4946055051143546, 0.7125, 0.4, 0.6679562693943224, 0.35544046661303297]),
        (.wsm, .sum, [0.1967594018720637, 0.21312796915481347, 0.1995003049402581, 0.21151433385591817, 0.17909799017694655]),
        (.wsm, .vector, [0.49552121627607026, 0.5294667060937265, 0.48860628382152727, 0.529394411150688, 0.45210400418944874]),
        (.topsis, .linear, [0.44755248816616594, 0.6003276001367783, 0.4733871451755078, 0.6306728738748179, 0.39341871356896296]),
        (.topsis, .max, [0.49057009027023385, 0.6110160321251082, 0.4733871451755078, 0.6739200467678135, 0.40257778603869787]),
        (.topsis, .minmax, [0.4816948220889499, 0.673076923076923, 0.4039936203984452, 0.6830021254230755, 0.47033285996389745]),
        (.topsis, .sum, [0.45254204308083634, 0.5822633115561826, 0.4928470357512089, 0.625922378005752, 0.3666524336240299]),
        (.topsis, .vector, [0.4907985709505227, 0.6080210185825223, 0.4767130394765052, 0.6733481027502305, 0.3984157928537931]),
    ])
    func matchesPymcdm(method: ScoringMethod, normalization: Normalization, expected: [Double]) throws {
        let m = DecisionMatrix(
            criteria: ["price", "quality", "delivery", "support"], kinds: [.cost, .benefit, .cost, .benefit],
            weights: [0.35, 0.25, 0.15, 0.25], alternatives: ["A", "B", "C", "D", "E"],
            values: [120.5, 7, 3.2, 45, 98.0, 6, 4.1, 60, 143.2, 9, 2.7, 38, 110.0, 8, 3.9, 52, 101.7, 5, 4.8, 41])
        let r = try m.rank(method: method, normalization: normalization)
        #expect(close(r.scores, expected, 1e-14))
    }

    @Test func normalisationFormulas() throws {
        let x: [Double] = [2, 4, 5]
        func col(_ n: Normalization, _ k: CriterionKind) throws -> [Double] {
            try n.normalize(x, rows: 3, cols: 1, kinds: [k], criteria: ["c"], alternatives: ["a", "b", "c"])
        }
        #expect(try col(.linear, .benefit) == [0.4, 0.8, 1])
        #expect(try col(.linear, .cost) == [1, 0.5, 0.4])
        #expect(close(try col(.max, .cost), [0.6, 0.2, 0]))
        #expect(close(try col(.minmax, .benefit), [0, 2.0 / 3, 1]))
        #expect(close(try col(.minmax, .cost), [1, 1.0 / 3, 0]))
        #expect(close(try col(.sum, .benefit), [2.0 / 11, 4.0 / 11, 5.0 / 11]))
        // (1/x)/Σ(1/x): Σ = 0.5 + 0.25 + 0.2 = 0.95
        #expect(close(try col(.sum, .cost), [0.5 / 0.95, 0.25 / 0.95, 0.2 / 0.95]))
        #expect(close(try col(.vector, .benefit), [2 / 45.0.squareRoot(), 4 / 45.0.squareRoot(), 5 / 45.0.squareRoot()]))
        #expect(close(try col(.vector, .cost), [1 - 2 / 45.0.squareRoot(), 1 - 4 / 45.0.squareRoot(), 1 - 5 / 45.0.squareRoot()]))
        // max = min: minmax gives all 1.
        let same = try Normalization.minmax.normalize([3, 3], rows: 2, cols: 1, kinds: [.cost], criteria: ["c"], alternatives: ["a", "b"])
        #expect(same == [1, 1])
    }

    @Test func normalisationErrorsNameCriterionAndAlternative() throws {
        let m = DecisionMatrix(
            criteria: ["Quality", "Price"], kinds: [.benefit, .cost], weights: [1, 1],
            alternatives: ["A", "B"], values: [5, 100, 6, 0])
        #expect(throws: ScoringError("criterion \"Price\", alternative \"B\": 0 cannot be normalised with linear (it needs values > 0)")) {
            try m.rank(method: .wsm)
        }
        #expect(throws: ScoringError("criterion \"Price\", alternative \"B\": 0 cannot be normalised with sum (it needs values > 0)")) {
            try m.rank(method: .wsm, normalization: .sum)
        }
        let neg = DecisionMatrix(criteria: ["Gain"], kinds: [.benefit], weights: [1], alternatives: ["A", "B"], values: [-3, -1])
        #expect(
            throws: ScoringError(
                "criterion \"Gain\", alternative \"B\": the column maximum -1 cannot be normalised with max (it needs a maximum > 0)")
        ) {
            try neg.rank(method: .wsm, normalization: .max)
        }
        let zero = DecisionMatrix(criteria: ["Gain"], kinds: [.benefit], weights: [1], alternatives: ["A", "B"], values: [0, 0])
        #expect(throws: ScoringError("criterion \"Gain\", alternative \"A\": every value is 0, which cannot be normalised with vector")) {
            try zero.rank(method: .topsis)
        }
        // minmax never divides by a value: negatives are fine.
        #expect(try neg.rank(method: .wsm, normalization: .minmax).scores == [0, 1])
    }

    @Test func weightsAreNormalisedWithAWarning() throws {
        let m = DecisionMatrix(
            criteria: ["a", "b"], kinds: [.benefit, .benefit], weights: [3, 1],
            alternatives: ["X", "Y"], values: [1, 2, 2, 1])
        let r = try m.rank()
        #expect(r.problem.weights == [0.75, 0.25])
        #expect(r.warnings == ["weights sum to 4, not 1; they were scaled to sum 1"])
        // X: 0.75·0.5 + 0.25·1 = 0.625; Y: 0.75·1 + 0.25·0.5 = 0.875
        #expect(close(r.scores, [0.625, 0.875]))
        #expect(r.ranks == [2, 1])
    }

    @Test func competitionRanking() {
        #expect(Ranking.competitionRanks([0.5, 0.9, 0.7, 0.7, 0.1]) == [4, 1, 2, 2, 5])
        #expect(Ranking.competitionRanks([1, 1, 1]) == [1, 1, 1])
        // 0.1 + 0.2 and 0.3 differ in the last bit: a tie.
        #expect(Ranking.competitionRanks([0.1 + 0.2, 0.3, 0.2]) == [1, 1, 3])
        #expect(Ranking.order([0.3, 0.1 + 0.2, 0.5]) == [2, 0, 1])
        #expect(!Ranking.ties(0.3, 0.3000001))
    }

    @Test func parsesTheMatrixFile() throws {
        let m = try DecisionMatrix.parse(
            rows: table([
                "vendor, Price ,Quality",
                "weight,1/3,2/3",
                "Type,cost,benefit",
                "A,100, 7",
                "B,80,6.5",
            ]))
        #expect(m.criteria == ["Price", "Quality"])
        #expect(m.kinds == [.cost, .benefit])
        #expect(close(m.weights, [1.0 / 3, 2.0 / 3]))
        #expect(m.alternatives == ["A", "B"])
        #expect(m.values == [100, 7, 80, 6.5])
        #expect(m[1, 1] == 6.5)
    }

    @Test(arguments: [
        (["x,a,b", "type,benefit,cost", "weight,1,1", "A,1,zz"], "line 4, column 3 (b): \"zz\" is not a number"),
        (["x,a,b", "type,benefit,cost", "weight,1,1", "A,1"], "line 4: expected 3 cells (a label and 2 criteria), found 2"),
        (["x,a,b", "type,benefit,good", "weight,1,1", "A,1,2"], "line 2, column 3 (b): type \"good\" is not benefit or cost"),
        (["x,a,b", "type,benefit,cost", "weight,1,-2", "A,1,2"], "line 3, column 3 (b): weight -2 is negative"),
        (["x,a,b", "type,benefit,cost", "weight,1,heavy", "A,1,2"], "line 3, column 3 (b): weight \"heavy\" is not a number"),
        (["x,a,b", "weight,1,1", "A,1,2"], "no `type` row (benefit|cost for each criterion)"),
        (["x,a,b", "type,benefit,cost", "A,1,2"], "no `weight` row"),
        (["x,a,b", "type,benefit,cost", "weight,1,1"], "no alternatives (rows after `type` and `weight`)"),
        (["x,a,a", "type,benefit,cost", "weight,1,1", "A,1,2"], "line 1, column 3: criterion \"a\" repeats column 2"),
        (["x,a,b", "type,benefit,cost", "weight,1,1", "A,1,2", "A,3,4"], "line 5: alternative \"A\" repeats line 4"),
        (["x,a,b", "type,benefit,cost", "weight,0,0", "A,1,2"], "every weight is 0"),
        (["x,a,b", "type,benefit,cost", "weight,1,1", "A,1,nan"], "line 4, column 3 (b): \"nan\" is not a number"),
        (["x"], "line 1: the header needs criterion names after the first cell"),
    ])
    func badMatrixFiles(lines: [String], message: String) {
        #expect(throws: ScoringError(message)) { try DecisionMatrix.parse(rows: table(lines)) }
    }

    @Test func judgementNumbers() {
        #expect(ScoringNumber.parse("1/3") == 1.0 / 3)
        #expect(ScoringNumber.parse(" 1 / 5 ") == 0.2)
        #expect(ScoringNumber.parse("7") == 7)
        #expect(ScoringNumber.parse("0.25") == 0.25)
        #expect(ScoringNumber.parse("1/0") == nil)
        #expect(ScoringNumber.parse("inf") == nil)
        #expect(ScoringNumber.parse("0x10") == nil)
        #expect(ScoringNumber.parse("") == nil)
        #expect(ScoringNumber.parse("a/b") == nil)
        #expect(ScoringNumber.parse("-0.5") == -0.5)
        #expect(ScoringNumber.parse("1e3") == 1000)
        #expect(ScoringNumber.parse(".5") == 0.5)
        #expect(ScoringNumber.parse("1.2.3") == nil)
        #expect(ScoringNumber.parse("-") == nil)
    }

    /// The short-decimal fast path gives exactly what strtod gives.
    @Test func fastDecimalsAreCorrectlyRounded() {
        var rng = Rng(state: 99)
        for _ in 0..<20_000 {
            let digits = 1 + Int(rng.next() * 15)
            var text = ""
            for _ in 0..<digits { text.append(Character(String(Int(rng.next() * 10)))) }
            let dot = Int(rng.next() * Double(digits + 1))
            if dot < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: dot)) }
            if rng.next() < 0.3 { text = "-" + text }
            #expect(ScoringNumber.parse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    /// Deterministic pseudo-random numbers for the property tests (SplitMix64).
    struct Rng {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    func randomMatrix(_ rng: inout Rng, rows: Int, cols: Int) -> DecisionMatrix {
        DecisionMatrix(
            criteria: (0..<cols).map { "c\($0)" },
            kinds: (0..<cols).map { _ in rng.next() < 0.5 ? .cost : .benefit },
            weights: (0..<cols).map { _ in rng.next() + 0.01 },
            alternatives: (0..<rows).map { "a\($0)" },
            values: (0..<(rows * cols)).map { _ in 1 + 999 * rng.next() })
    }

    @Test func scalingPricesKeepsLinearRanks() throws {
        var rng = Rng(state: 42)
        for _ in 0..<200 {
            let m = randomMatrix(&rng, rows: 2 + Int(rng.next() * 10), cols: 1 + Int(rng.next() * 6))
            var scaled = m
            let factor = 0.01 + 100 * rng.next()
            for i in 0..<m.alternatives.count { scaled.values[i * m.criteria.count] *= factor }
            let a = try m.rank(method: .wsm)
            let b = try scaled.rank(method: .wsm)
            #expect(a.ranks == b.ranks)
            #expect(close(a.scores, b.scores, 1e-12))
        }
    }

    @Test func aDominatedAlternativeNeverOutranksItsDominator() throws {
        var rng = Rng(state: 7)
        for case_ in 0..<300 {
            var m = randomMatrix(&rng, rows: 2 + Int(rng.next() * 8), cols: 1 + Int(rng.next() * 6))
            let n = m.criteria.count
            // Row 1 dominates row 0: no worse anywhere.
            for j in 0..<n {
                let x = m.values[j]
                m.values[n + j] = m.kinds[j] == .benefit ? x + 50 * rng.next() : x * (0.5 + 0.5 * rng.next())
            }
            let norm = Normalization.allCases[case_ % Normalization.allCases.count]
            let r = try m.rank(method: .wsm, normalization: norm)
            #expect(r.ranks[1] <= r.ranks[0], "normalisation \(norm)")
        }
    }
}
