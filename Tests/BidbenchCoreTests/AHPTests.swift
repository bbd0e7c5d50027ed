import BidbenchCore
import Testing

@Suite("AHP")
struct AHPTests {
    /// The textbook 3 × 3 example (Saaty): weights 0.637, 0.258, 0.105; λmax 3.0385, CI 0.0193,
    /// CR 0.0332. Reference digits from numpy.linalg.eig.
    @Test func saatyThreeByThree() throws {
        let m = try AHP.parse(rows: table([",A,B,C", "A,1,3,5", "B,1/3,1,3", "C,1/5,1/3,1"]))
        let r = try AHP.analyse(m)
        #expect(r.names == ["A", "B", "C"])
        #expect(close(r.weights, [0.63698557, 0.25828499, 0.10472943], 1e-8))
        #expect(close(r.lambdaMax, 3.0385110905581745, 1e-12))
        #expect(close(r.ci, 0.01925554527908724, 1e-12))
        #expect(close(r.cr, 0.033199215998426276, 1e-12))
        #expect(r.randomIndex == 0.58)
        #expect(r.consistent)
        #expect(close(r.weights.reduce(0, +), 1, 1e-15))
    }

    /// Wikipedia's "choosing a leader" criteria: 0.547, 0.127, 0.270, 0.056, CR 0.044.
    @Test func leaderCriteria() throws {
        let m = PairwiseMatrix(
            names: ["Experience", "Education", "Charisma", "Age"],
            values: [
                [1, 4, 3, 7], [1.0 / 4, 1, 1.0 / 3, 3], [1.0 / 3, 3, 1, 5], [1.0 / 7, 1.0 / 3, 1.0 / 5, 1],
            ])
        let r = try AHP.analyse(m)
        #expect(close(r.weights, [0.54756924, 0.12655528, 0.26994992, 0.05592555], 1e-8))
        #expect(close(r.lambdaMax, 4.118418024313366, 1e-12))
        #expect(close(r.cr, 0.04385852752346877, 1e-12))
        #expect(r.consistent)
    }

    @Test func consistentMatrixIsExact() throws {
        // aᵢⱼ = wᵢ/wⱼ with w = (0.5, 0.25, 0.125, 0.125).
        let m = PairwiseMatrix(
            names: ["a", "b", "c", "d"], values: [[1, 2, 4, 4], [0.5, 1, 2, 2], [0.25, 0.5, 1, 1], [0.25, 0.5, 1, 1]])
        let r = try AHP.analyse(m)
        #expect(close(r.weights, [0.5, 0.25, 0.125, 0.125], 1e-15))
        #expect(close(r.lambdaMax, 4, 1e-12))
        #expect(close(r.cr, 0, 1e-12))
    }

    @Test func inconsistentNamesTheWorstJudgement() throws {
        // A consistent matrix (w ∝ 4, 2, 1, 1) with one judgement turned around: (A, D) = 1/4, not 4.
        let m = try AHP.parse(rows: table([",A,B,C,D", "A,1,2,4,1/4", "B,1/2,1,2,2", "C,1/4,1/2,1,1", "D,4,1/2,1,1"]))
        let r = try AHP.analyse(m)
        // numpy: w = (0.27553092, 0.26067542, 0.13033771, 0.33345595), λmax 5.086893936682592, CR 0.4025533098824414.
        #expect(close(r.weights, [0.27553092, 0.26067542, 0.13033771, 0.33345595], 1e-8))
        #expect(close(r.lambdaMax, 5.086893936682592, 1e-12))
        #expect(close(r.cr, 0.4025533098824414, 1e-12))
        #expect(!r.consistent)
        let w = try #require(r.worst)
        #expect(w.row == "A" && w.column == "D" && w.given == 0.25)
        #expect(close(w.consistent, 0.27553092 / 0.33345595, 1e-7))
        #expect(close(w.deviation, 1.19548345, 1e-8))
    }

    @Test func smallAndLargeMatrices() throws {
        let one = try AHP.analyse(PairwiseMatrix(names: ["only"], values: [[1]]))
        #expect(one.weights == [1] && one.cr == 0 && one.ci == 0 && one.consistent && one.worst == nil)
        let two = try AHP.analyse(PairwiseMatrix(names: ["a", "b"], values: [[1, 3], [1.0 / 3, 1]]))
        #expect(close(two.weights, [0.75, 0.25], 1e-15))
        #expect(two.cr == 0 && two.consistent)
        // n = 11: RI of n = 10 is used, with a warning.
        let n = 11
        let big = PairwiseMatrix(
            names: (0..<n).map { "c\($0)" }, values: (0..<n).map { i in (0..<n).map { j in Double(i + 1) / Double(j + 1) } })
        let r = try AHP.analyse(big)
        #expect(r.randomIndex == 1.49)
        #expect(
            r.warnings.map(\.en) == [
                "Saaty's random index stops at n = 10; CR for n = 11 uses RI = 1.49 (n = 10), which slightly overstates CR"
            ])
        #expect(r.warnings.map(\.zh) == ["Saaty 随机一致性指标只到 n = 10; n = 11 时按 RI = 1.49 (n = 10) 计算, CR 略偏高"])
        #expect(close(r.weights[0], 1 / 66.0, 1e-14))
        #expect(AHP.randomIndex(9) == 1.45 && AHP.randomIndex(2) == 0 && AHP.randomIndex(12) == nil)
    }

    @Test func groupGeometricMean() throws {
        let a = PairwiseMatrix(names: ["x", "y"], values: [[1, 4], [0.25, 1]])
        let b = PairwiseMatrix(names: ["y", "x"], values: [[1, 1], [1, 1]])
        let g = try AHP.geometricMean([a, b])
        #expect(g.names == ["x", "y"])
        #expect(close(g.values[0][1], 2) && close(g.values[1][0], 0.5) && g.values[0][0] == 1)
        #expect(throws: ScoringError("matrix 2 compares x, z, but matrix 1 compares x, y")) {
            try AHP.geometricMean([a, PairwiseMatrix(names: ["x", "z"], values: [[1, 2], [0.5, 1]])])
        }
    }

    @Test func emptyCellsTakeTheReciprocal() throws {
        let m = try AHP.parse(rows: table([",A,B", "A,,4", "B,,"]))
        #expect(m.values == [[1, 4], [0.25, 1]])
    }

    @Test(arguments: [
        ([",A,B,C", "A,1,3,5", "B,1/3,1,3"], "not square: 3 names in the header (line 1) but 2 rows"),
        ([",A,B", "A,1,3", "B,1/3"], "line 3: not square: expected 3 cells (the name and 2 judgements), found 2"),
        ([",A,B", "B,1,3", "A,1/3,1"], "line 2: row name \"B\" does not match the header's name \"A\" for position 1"),
        ([",A,B", "A,2,3", "B,1/3,1"], "line 2: cell (A, A) is 2; the diagonal must be 1"),
        (
            [",A,B,C", "A,1,3,5", "B,1/3,1,3", "C,1/5,3,1"],
            "line 3: cells (B, C) = 3 and (C, B) = 3 are not reciprocal (their product must be 1)"
        ),
        ([",A,B", "A,1,0", "B,1/3,1"], "line 2: cell (A, B) is 0; judgements must be > 0"),
        ([",A,B", "A,1,-3", "B,1/3,1"], "line 2: cell (A, B) is -3; judgements must be > 0"),
        ([",A,B", "A,1,much", "B,1/3,1"], "line 2: cell (A, B) \"much\" is not a number (use 1–9 or a fraction like 1/3)"),
        ([",A,A", "A,1,1", "A,1,1"], "line 1, column 3: name \"A\" appears twice"),
        ([",A,B", "A,1,", "B,,1"], "line 2: cells (A, B) and (B, A) are both empty"),
    ])
    func badAHPFiles(lines: [String], message: String) {
        #expect(throws: ScoringError(message)) { try AHP.parse(rows: table(lines)) }
    }

    @Test func nearReciprocalDecimalsPass() throws {
        // 0.33 × 3 = 0.99: within the 0.01 tolerance.
        let m = try AHP.parse(rows: table([",A,B", "A,1,3", "B,0.33,1"]))
        #expect(m.values[1][0] == 0.33)
        #expect(throws: ScoringError("cells (A, B) = 3 and (B, A) = 0.3 are not reciprocal (their product must be 1)")) {
            try AHP.validate(PairwiseMatrix(names: ["A", "B"], values: [[1, 3], [0.3, 1]]))
        }
    }
}
