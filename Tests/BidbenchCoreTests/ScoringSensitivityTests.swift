import BidbenchCore
import Testing

@Suite("Scoring: weight sensitivity")
struct ScoringSensitivityTests {
    /// By hand, linear normalisation: A (quality 9, price 100) → (1, 0.6); B (6, 60) → (2/3, 1).
    /// With quality weight t: A = 0.6 + 0.4t, B = 1 − t/3; equal at t = 6/11. At 0.5/0.5 B wins
    /// (0.8333 > 0.8), and keeps winning for quality ∈ [0, 6/11], price ∈ [5/11, 1].
    @Test func twoCriteriaByHand() throws {
        let m = DecisionMatrix(
            criteria: ["quality", "price"], kinds: [.benefit, .cost], weights: [0.5, 0.5],
            alternatives: ["A", "B"], values: [9, 100, 6, 60])
        let r = try m.rank(method: .wsm)
        #expect(close(r.scores, [0.8, 5.0 / 6]))
        let s = Sensitivity.analyse(r.problem)
        #expect(s.winner == "B" && s.exact && !s.tiedAtTop)
        let q = s.intervals[0]
        let p = s.intervals[1]
        #expect(close(q.lo, 0) && close(q.hi, 6.0 / 11, 1e-15))
        #expect(close(p.lo, 5.0 / 11, 1e-15) && close(p.hi, 1))
        #expect(q.below == nil && q.above?.newWinner == "A")
        #expect(p.above == nil && p.below?.newWinner == "A")
        let smallest = try #require(s.smallest)
        #expect(smallest.criterion == "quality" && close(smallest.delta, 1.0 / 22, 1e-15) && smallest.newWinner == "A")
        #expect(close(smallest.to, 6.0 / 11, 1e-15))
    }

    @Test func winnerThatNoSingleWeightCanChange() throws {
        // B is better on both criteria: it wins for any weights.
        let m = DecisionMatrix(
            criteria: ["x", "y"], kinds: [.benefit, .benefit], weights: [0.3, 0.7],
            alternatives: ["A", "B"], values: [1, 1, 2, 2])
        let s = Sensitivity.analyse(try m.rank().problem)
        #expect(s.winner == "B" && s.smallest == nil)
        #expect(s.intervals.allSatisfy { $0.lo == 0 && $0.hi == 1 })
    }

    @Test func threeCriteriaWSM() throws {
        // Linear: A (1, 0.8, 4/9 ≈ 0.444), B (1, 1, 2/3), C (2/3, 2/3, 1), D (0.727, 8/9, 7/9)
        let m = DecisionMatrix(
            criteria: ["Price", "Quality", "Support"], kinds: [.cost, .benefit, .benefit],
            weights: [0.5, 0.3, 0.2], alternatives: ["A", "B", "C", "D"],
            values: [250, 7, 4, 200, 9, 6, 300, 6, 9, 275, 8, 7])
        let s = Sensitivity.analyse(try m.rank().problem)
        #expect(s.winner == "B")
        // Support weight t, others 5/8 and 3/8 of 1 − t: B = (1 − t) + (2/3)t, C = (2/3)(1 − t) + t → t = 1/2.
        #expect(close(s.intervals[2].hi, 0.5, 1e-15) && s.intervals[2].above?.newWinner == "C")
        #expect(s.smallest?.criterion == "Support" && close(s.smallest!.delta, 0.3, 1e-15))
    }

    /// TOPSIS (vector) on the same matrix; thresholds checked by an independent bisection in Python
    /// with pymcdm: Price below 0.16613210614 → D; Support above 0.34529656692 → C.
    @Test func topsisNumeric() throws {
        let m = DecisionMatrix(
            criteria: ["Price", "Quality", "Support"], kinds: [.cost, .benefit, .benefit],
            weights: [0.5, 0.3, 0.2], alternatives: ["A", "B", "C", "D"],
            values: [250, 7, 4, 200, 9, 6, 300, 6, 9, 275, 8, 7])
        let s = Sensitivity.analyse(try m.rank(method: .topsis).problem)
        #expect(s.winner == "B" && !s.exact)
        #expect(close(s.intervals[0].lo, 0.16613210614, 1e-9) && s.intervals[0].below?.newWinner == "D")
        #expect(s.intervals[0].hi == 1 && s.intervals[1].lo == 0 && s.intervals[1].hi == 1)
        #expect(close(s.intervals[2].hi, 0.34529656692, 1e-9) && s.intervals[2].above?.newWinner == "C")
        #expect(s.smallest?.criterion == "Support")
    }

    @Test func cnWorkspaceSensitivity() throws {
        // From the 87号令 example: A 82.3, B 81 with price 0.3, technical 0.5, service 0.2.
        // Points per unit weight: A (81, 80, 90), B (100, 70, 80). Price weight t (others 5/7, 2/7 of 1 − t):
        // A = 81t + (1 − t)(400/7 + 180/7), B = 100t + (1 − t)(350/7 + 160/7) → t = 70/203.
        let e = try evaluate(ScoringWorkspaceTests().sample(), method: .cn)
        let s = Sensitivity.analyse(e.problem)
        #expect(s.winner == "A")
        let price = s.intervals[0]
        #expect(price.criterion == "C1" && close(price.hi, 70.0 / 203, 1e-14) && price.above?.newWinner == "B")
        #expect(close(s.smallest!.delta, 70.0 / 203 - 0.3, 1e-14))
    }

    @Test func degenerateProblems() throws {
        let single = DecisionMatrix(
            criteria: ["x", "y"], kinds: [.benefit, .benefit], weights: [1, 1], alternatives: ["A"], values: [1, 2])
        let s1 = Sensitivity.analyse(try single.rank().problem)
        #expect(s1.winner == "A" && s1.smallest == nil && s1.intervals.map(\.hi) == [1, 1])
        let oneCriterion = DecisionMatrix(criteria: ["x"], kinds: [.benefit], weights: [1], alternatives: ["A", "B"], values: [1, 2])
        let s2 = Sensitivity.analyse(try oneCriterion.rank().problem)
        #expect(s2.intervals[0].lo == 1 && s2.intervals[0].hi == 1 && s2.smallest == nil)
        let tie = DecisionMatrix(
            criteria: ["x", "y"], kinds: [.benefit, .benefit], weights: [0.5, 0.5], alternatives: ["A", "B"], values: [2, 1, 1, 2])
        let s3 = Sensitivity.analyse(try tie.rank().problem)
        #expect(s3.tiedAtTop && s3.winner == "A")
        #expect(s3.intervals[0].lo == 0.5 && s3.intervals[0].hi == 1)
        #expect(s3.smallest?.delta == 0 && s3.smallest?.newWinner == "B")
    }
}
