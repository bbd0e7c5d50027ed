import BidbenchCore
import Testing

@Suite("Scoring: workspace evaluation, 87号令, panel, gates")
struct ScoringWorkspaceTests {
    /// Price 30 %, quality 70 % split technical 5 : service 2 (global 0.5 and 0.2); scale 10.
    /// A: 1 000 000, technical 7 and 9, service 9 and 9. B (small enterprise): 900 000, technical
    /// 5 and 9, service 8 and 8. C: 800 000 but fails must-have R02. D: no service scores.
    /// Shared with the sensitivity tests.
    func sample() -> Workspace {
        var ws = Workspace()
        ws.settings.scale = 10
        ws.settings.procurementKind = "services"
        ws.settings.smeDeductionPercent = 10
        ws.criteria = [
            Criterion(id: "C1", name: "价格", kind: .cost, weight: 30, source: .price),
            Criterion(id: "C2", name: "质量", weight: 70),
            Criterion(id: "C3", parent: "C2", name: "技术", weight: 5),
            Criterion(id: "C4", parent: "C2", name: "服务", weight: 2),
        ]
        ws.vendors = [
            Vendor(id: "A", name: "甲公司", bidPrice: Money(units: 1_000_000)),
            Vendor(id: "B", name: "乙公司", sme: true, bidPrice: Money(units: 900_000)),
            Vendor(id: "C", name: "丙公司", bidPrice: Money(units: 800_000)),
            Vendor(id: "D", name: "丁公司", bidPrice: Money(units: 2_000_000)),
        ]
        ws.requirements = [
            Requirement(id: "R02", department: "财务部", module: "GL", title: "多币种凭证自动折算", priority: .must, status: .confirmed),
            Requirement(id: "R05", department: "财务部", module: "GL", title: "旧报表迁移", priority: .must, status: .dropped),
            Requirement(id: "R07", department: "生产部", module: "MES", title: "条码追溯", priority: .should),
        ]
        ws.gates = [
            GateAnswer(vendor: "C", requirement: "R02", answer: .no),
            // Every vendor answers the confirmed must-have (an unanswered one would make it provisional).
            GateAnswer(vendor: "A", requirement: "R02", answer: .meets), GateAnswer(vendor: "B", requirement: "R02", answer: .meets),
            GateAnswer(vendor: "D", requirement: "R02", answer: .meets),
            GateAnswer(vendor: "A", requirement: "R05", answer: .no),  // dropped requirement: no knock-out
            GateAnswer(vendor: "B", requirement: "R07", answer: .no),  // not a must: no knock-out
        ]
        ws.scores = [
            "王工": [
                Score(vendor: "A", criterion: "C3", score: 7), Score(vendor: "A", criterion: "C4", score: 9),
                Score(vendor: "B", criterion: "C3", score: 5), Score(vendor: "B", criterion: "C4", score: 8),
                Score(vendor: "C", criterion: "C3", score: 9), Score(vendor: "C", criterion: "C4", score: 9),
                Score(vendor: "D", criterion: "C3", score: 6),
            ],
            "李工": [
                Score(vendor: "A", criterion: "C3", score: 9), Score(vendor: "A", criterion: "C4", score: 9),
                Score(vendor: "B", criterion: "C3", score: 9), Score(vendor: "B", criterion: "C4", score: 8),
                Score(vendor: "C", criterion: "C3", score: 9), Score(vendor: "C", criterion: "C4", score: 9),
                Score(vendor: "D", criterion: "C3", score: 6),
            ],
        ]
        return ws
    }

    /// By hand: base = min(1 000 000, 900 000 × 0.9 = 810 000) = 810 000 (C is disqualified, so its
    /// 800 000 is not the base). A: 810/1000 × 30 + 8/10 × 50 + 9/10 × 20 = 24.3 + 40 + 18 = 82.3.
    /// B: 30 + 7/10 × 50 + 8/10 × 20 = 30 + 35 + 16 = 81.
    @Test func cnComprehensiveScoring() throws {
        let e = try evaluate(sample(), method: .cn)
        #expect(e.method == .cn && e.normalization == nil)
        #expect(e.priceBase == 810_000)
        #expect(e.ranking.map(\.vendor) == ["A", "B"])
        #expect(close(e.ranking[0].score, 82.3, 1e-9))
        #expect(close(e.ranking[1].score, 81, 1e-9))
        #expect(e.ranking.map(\.rank) == [1, 2])
        #expect(e.disqualified == [ExcludedVendor(vendor: "C", name: "丙公司", reason: "R02 多币种凭证自动折算: no")])
        #expect(e.incomplete == [ExcludedVendor(vendor: "D", name: "丁公司", reason: "no panel scores for C4 服务")])
        #expect(e.warnings.isEmpty)
    }

    @Test func treeWeights() throws {
        let e = try evaluate(sample(), method: .cn)
        let byId = Dictionary(uniqueKeysWithValues: e.weights.map { ($0.id, $0) })
        #expect(close(byId["C1"]!.global, 0.3) && close(byId["C2"]!.global, 0.7))
        #expect(close(byId["C3"]!.local, 5.0 / 7) && close(byId["C3"]!.global, 0.5, 1e-15))
        #expect(close(byId["C4"]!.global, 0.2, 1e-15))
        #expect(byId["C2"]!.isLeaf == false && byId["C3"]!.isLeaf)
        #expect(e.problem.criteria == ["C1", "C3", "C4"])
    }

    @Test func priceWeightAndDeductionWarnings() throws {
        var ws = sample()
        ws.settings.procurementKind = "goods"
        ws.settings.smeDeductionPercent = 25
        let e = try evaluate(ws, method: .cn)
        // 30 % is the goods minimum itself: no price-weight warning.
        #expect(e.warnings.map(\.en) == ["the small/micro-enterprise price deduction is 25 %, outside the 10–20 % of the 2022 rules"])
        ws.criteria[0].weight = 20  // 20 / 90 ≈ 22.22 % < 30 %
        let low = try evaluate(ws, method: .cn)
        #expect(
            low.warnings.contains(
                Notice(
                    "the price weight is 22.22 %, below the 87号令 minimum of 30 % for goods",
                    "价格权重为 22.22 %, 低于 87号令 对货物类项目的最低 30 %")))
        // B's scoring price is 900 000 × 0.75 = 675 000: the base.
        #expect(low.priceBase == 675_000)
    }

    @Test func panelStatistics() throws {
        let e = try evaluate(sample(), method: .cn, aggregate: .median)
        let b = try #require(e.cells.first { $0.vendor == "B" && $0.criterion == "C3" })
        #expect(b.evaluators == ["李工", "王工"] && b.scores == [9, 5])
        #expect(b.mean == 7 && b.median == 7 && b.value == 7 && b.spread == 4 && b.sd == 2)
        #expect(b.flagged)  // 4 ≥ 30 % of 10
        let a = try #require(e.cells.first { $0.vendor == "A" && $0.criterion == "C3" })
        #expect(a.spread == 2 && a.sd == 1 && !a.flagged)
        #expect(e.aggregate == .median)
        let odd = Panel.cell(vendor: "v", criterion: "c", evaluators: ["a", "b", "c"], scores: [2, 9, 4], scale: 10, aggregate: .median)
        #expect(odd.value == 4 && odd.mean == 5 && odd.spread == 7)
        let edge = Panel.cell(vendor: "v", criterion: "c", evaluators: ["a", "b"], scores: [5, 8], scale: 10, aggregate: .mean)
        #expect(edge.flagged)  // exactly 30 %
        let under = Panel.cell(vendor: "v", criterion: "c", evaluators: ["a", "b"], scores: [5, 7.9], scale: 10, aggregate: .mean)
        #expect(!under.flagged)
    }

    @Test func wsmOnTheWorkspace() throws {
        let e = try evaluate(sample(), method: .wsm)
        #expect(e.normalization == .linear)
        // Linear over the ranked vendors A, B: price min/x: A 0.9, B 1 (no deduction outside cn);
        // technical x/max: 8/8, 7/8; service 9/9, 8/9.
        let a = 0.3 * 0.9 + 0.5 * 1 + 0.2 * 1
        let b = 0.3 * 1 + 0.5 * 7 / 8 + 0.2 * 8 / 9
        #expect(close(e.ranking.first { $0.vendor == "A" }!.score, a))
        #expect(close(e.ranking.first { $0.vendor == "B" }!.score, b))
        #expect(e.ranking[0].vendor == "A")
        #expect(e.priceBase == nil)
    }

    @Test func priceOverrideFillsMissingBids() throws {
        var ws = sample()
        ws.vendors[0].bidPrice = nil
        let missing = try evaluate(ws, method: .cn)
        #expect(missing.incomplete.first?.reason == "no price for C1 价格 (bid_price or TCO)")
        let filled = try evaluate(ws, method: .cn, priceOverride: ["A": Money(units: 1_000_000)])
        #expect(close(filled.ranking[0].score, 82.3, 1e-9))
    }

    @Test func ahpWeightsFromTheWorkspace() throws {
        var ws = sample()
        ws.ahp["C2"] = PairwiseMatrix(names: ["C3", "C4"], values: [[1, 3], [1.0 / 3, 1]])
        let e = try evaluate(ws, method: .cn)
        let c3 = e.weights.first { $0.id == "C3" }!
        #expect(c3.fromAHP && close(c3.local, 0.75) && close(c3.global, 0.525))
        #expect(e.ahp["C2"] != nil)
        // A matrix that does not fit the siblings falls back to direct weights, with a warning.
        ws.ahp["C2"] = PairwiseMatrix(names: ["C3", "C9"], values: [[1, 3], [1.0 / 3, 1]])
        let bad = try evaluate(ws, method: .cn)
        #expect(bad.warnings.map(\.en).contains("ahp/C2.csv does not compare criterion C4 服务; direct weights used instead"))
        #expect(close(bad.weights.first { $0.id == "C3" }!.global, 0.5, 1e-15))
    }

    /// A CLI pass: price typed 0.4 for 0.3 made the top level sum to 1.1, silently scaled, and the
    /// winner changed. Relative weights (5 and 2 under a parent of 70) stay silent.
    @Test func weightsThatDoNotSumAsTheyShouldAreSaid() {
        var ws = Workspace()
        ws.criteria = [
            Criterion(id: "func", name: "功能", weight: 0.35), Criterion(id: "m", parent: "func", name: "生产", weight: 0.15),
            Criterion(id: "g", parent: "func", name: "经营", weight: 0.2), Criterion(id: "price", name: "价格", kind: .cost, weight: 0.3),
            Criterion(id: "svc", name: "服务", weight: 0.35),
        ]
        #expect(criteriaWarnings(ws) == [])
        ws.criteria[3].weight = 0.4
        #expect(
            criteriaWarnings(ws).map(\.en) == [
                "criteria.csv: the top-level weights sum to 1.1, not 1 (or 100); they count in proportion: func 0.35 → 31.82%, price 0.4 → 36.36%, svc 0.35 → 31.82%"
            ])
        // A sum of typed decimals says what they add up to (0.35 + 0.05 + 0.3 in binary floating point
        // is 0.7000000000000001, which the message showed: audit pass).
        ws.criteria[3].weight = 0.15
        ws.criteria[4].weight = 0.05
        ws.criteria.append(Criterion(id: "x", name: "实施", weight: 0.15))
        #expect(criteriaWarnings(ws).map(\.en).first?.hasPrefix("criteria.csv: the top-level weights sum to 0.7, not 1 (or 100);") == true)
        ws.criteria.removeLast()
        ws.criteria[3].weight = 0.3
        ws.criteria[4].weight = 0.35
        ws.criteria[2].weight = 0.25
        #expect(
            criteriaWarnings(ws).map(\.zh) == [
                "criteria.csv: func 下的权重之和为 0.4, 既不是 1 (或 100) 也不是 func 的 0.35; 按比例计算: m 0.15 → 37.5%, g 0.25 → 62.5%"
            ])
        // Relative weights under a parent: 5 and 2 (5/7 and 2/7), nowhere near 1, 100 or 0.35.
        ws.criteria[1].weight = 5
        ws.criteria[2].weight = 2
        #expect(criteriaWarnings(ws) == [])
    }

    /// A vendor without a bid price is priced by its TCO while the others are priced by their bids:
    /// said, since the price scores then compare unlike figures.
    @Test func aPriceOnTheTCOBesideBidPricesIsSaid() throws {
        var ws = sample()
        ws.vendors[1].bidPrice = nil
        let e = try evaluate(ws, method: .cn, priceOverride: ["B": Money(units: 1_900_000)])
        #expect(
            e.warnings.map(\.en).contains(
                "B has no bid_price and is priced by the TCO over the horizon, while A is priced by the bid: the price scores compare unlike figures"
            ))
        #expect(e.warnings.map(\.zh).contains("B 没有投标报价, 按期内总拥有成本计价, 而 A 按投标报价计价: 价格分比较的不是同一口径"))
        // Every vendor on its bid: nothing said.
        #expect(!(try evaluate(sample(), method: .cn)).warnings.contains { $0.en.contains("unlike figures") })
    }

    /// A CLI pass: a score on the price criterion was stored, counted by `check`, and ignored silently.
    @Test func aScoreOnThePriceCriterionIsSaidToBeIgnored() throws {
        var ws = sample()
        ws.scores["王工"]!.append(Score(vendor: "A", criterion: "C1", score: 7))
        let e = try evaluate(ws, method: .cn)
        #expect(e.warnings.map(\.en).contains("scores for criterion C1 are ignored: it is computed from the prices, not scored"))
        #expect(e.warnings.map(\.zh).contains("准则 C1 的评分被忽略: 它由报价计算, 不由评委打分"))
        #expect(!(try evaluate(sample(), method: .cn)).warnings.contains { $0.en.contains("not scored") })
    }

    @Test func warningsForTheMeeting() throws {
        var ws = sample()
        // Top-level AHP by criterion names; inconsistent on purpose (price vs quality 1/3 but a
        // 3 × 3 cycle is impossible with two elements, so add a stray third criterion).
        ws.criteria.append(Criterion(id: "C5", name: "培训", weight: 10))
        ws.ahp[""] = PairwiseMatrix(names: ["价格", "质量", "培训"], values: [[1, 2, 1.0 / 2], [1.0 / 2, 1, 3], [2, 1.0 / 3, 1]])
        ws.criteria.append(Criterion(id: "C6", parent: "C9", name: "孤儿", weight: 1))
        ws.gates.append(GateAnswer(vendor: "A", requirement: "R02", answer: .partly))
        ws.scores["王工"]!.append(Score(vendor: "Z", criterion: "C3", score: 5))
        ws.scores["王工"]!.append(Score(vendor: "A", criterion: "C2", score: 5))
        let e = try evaluate(ws, method: .cn)
        #expect(
            e.warnings.map(\.zh) == [
                "准则 C6 的上级 C9 不在 criteria.csv 中; 按顶层处理",
                // The AHP matrix does not fit, so the direct weights count, and they sum to 111.
                "criteria.csv: 顶层权重之和为 111, 不是 1 (或 100); 按比例计算: C1 30 → 27.03%, C2 70 → 63.06%, C5 10 → 9.01%, C6 1 → 0.9%",
                "准则 C2 的评分被忽略: 它有子准则, 应对子准则打分",
                "评分中的供应商 Z 不在 vendors.csv 中",
                "供应商 A 仅部分满足必须项 R02 多币种凭证自动折算",
                "还没有可以排名的供应商",
                "ahp/top.csv 没有比较准则 C6 孤儿; 改用直接权重",
            ])
        #expect(
            e.warnings.map(\.en) == [
                "criterion C6 names parent C9, which is not in criteria.csv; treated as top level",
                "criteria.csv: the top-level weights sum to 111, not 1 (or 100); they count in proportion: C1 30 → 27.03%, C2 70 → 63.06%, C5 10 → 9.01%, C6 1 → 0.9%",
                "scores for criterion C2 are ignored: it has sub-criteria, which are scored instead",
                "scores name vendor Z, which is not in vendors.csv",
                "vendor A only partly meets must-have R02 多币种凭证自动折算",
                "no vendor can be ranked yet",  // nobody scored C5 and C6 yet
                "ahp/top.csv does not compare criterion C6 孤儿; direct weights used instead",
            ])
        #expect(e.incomplete.map(\.reason).first == "no panel scores for C5 培训; no panel scores for C6 孤儿")
        ws.criteria.removeLast()
        let e2 = try evaluate(ws, method: .cn)
        #expect(e2.warnings.last?.zh == "ahp/top.csv 不一致 (CR 0.626 ≥ 0.10); 判断 (价格, 质量) = 2 偏差最大, 改为 0.874 即可一致")
        #expect(
            e2.warnings.last?.en
                == "ahp/top.csv is inconsistent (CR 0.626 ≥ 0.10); the judgement (价格, 质量) = 2 disagrees most, 0.874 would agree")
        #expect(e2.weights.first { $0.id == "C1" }!.fromAHP)
        #expect(close(e2.weights.first { $0.id == "C1" }!.global, 0.33131291, 1e-8))
        #expect(e2.ahp[""]?.consistent == false)
        // `check` says it too (it said OK for a matrix `rank` warned about: audit pass).
        #expect(criteriaWarnings(ws).map(\.en).last == e2.warnings.last?.en)
    }

    /// A kept basis gives exactly the evaluation a fresh one gives, through weight, score, gate,
    /// requirement, scale and aggregate changes; and it is reused only while its inputs are equal.
    @Test func aKeptBasisNeverChangesTheResult() throws {
        var ws = sample()
        ws.scores["王工"]!.append(Score(vendor: "A", criterion: "C3", score: 8))  // a second score: warning
        var basis = EvaluationBasis()
        func check(_ what: String, method: ScoringMethod = .cn, aggregate: PanelAggregate? = nil) throws {
            let kept = try evaluate(ws, method: method, aggregate: aggregate, basis: &basis)
            let fresh = try evaluate(ws, method: method, aggregate: aggregate)
            #expect(kept == fresh, "\(what)")
        }
        try check("first")
        let first = basis
        ws.criteria[0].weight = 45
        try check("weight")
        #expect(basis == first, "a weight change reuses both parts")
        try check("method", method: .topsis)
        #expect(basis == first)
        ws.scores["王工"]![0].score = 3
        try check("score")
        #expect(basis != first)
        ws.gates[0].answer = .meets  // C is no longer knocked out
        try check("gate")
        ws.requirements[1].status = .confirmed  // R05 becomes a knock-out for A
        try check("requirement")
        #expect(try evaluate(ws, method: .cn, basis: &basis).disqualified.map(\.vendor) == ["A"])
        // Another requirement's title edited: the gate results are kept (not read again) and still exact.
        let other = try #require(ws.requirements.firstIndex { $0.priority != .must })
        ws.requirements[other].title += " (改)"
        try check("a requirement that is not a must-have")
        // A must-have's title edited: the knock-out reasons name the new title.
        let must = try #require(ws.requirements.firstIndex { $0.priority == .must })
        ws.requirements[must].title += " (新)"
        try check("a must-have's title")
        try check("aggregate", aggregate: .median)
        ws.settings.scale = 20
        try check("scale")
    }

    /// Retitling one must-have rewrites, in place, exactly the knock-out and warning texts that name
    /// it: the other must-have's texts, and the order of every list, are those of a fresh evaluation.
    @Test func aMustHavesRetitlingRewritesOnlyItsTexts() throws {
        var ws = sample()
        ws.requirements.append(Requirement(id: "R09", department: "IT", module: "SYS", title: "单点登录", priority: .must, status: .confirmed))
        ws.gates += [
            GateAnswer(vendor: "A", requirement: "R09", answer: .partly), GateAnswer(vendor: "B", requirement: "R09", answer: .meets),
            GateAnswer(vendor: "C", requirement: "R09", answer: .no), GateAnswer(vendor: "D", requirement: "R09", answer: .partly),
            GateAnswer(vendor: "A", requirement: "R02", answer: .partly),  // a second answer of A to R02
        ]
        var basis = EvaluationBasis()
        _ = try evaluate(ws, method: .cn, basis: &basis)
        ws.requirements[0].title = "多币种凭证"  // R02
        let kept = try evaluate(ws, method: .cn, basis: &basis)
        #expect(kept == (try evaluate(ws, method: .cn)))
        #expect(kept.disqualified.first { $0.vendor == "C" }?.reason == "R02 多币种凭证: no; R09 单点登录: no")
        #expect(
            kept.warnings.map(\.en).filter { $0.contains("partly") } == [
                "vendor A only partly meets must-have R09 单点登录", "vendor D only partly meets must-have R09 单点登录",
                "vendor A only partly meets must-have R02 多币种凭证",
            ])
        // Many must-haves retitled at once (an import): every text is made again, still exact.
        for k in 10..<20 {
            ws.requirements.append(
                Requirement(id: "R\(k)", department: "IT", module: "SYS", title: "项\(k)", priority: .must, status: .draft))
            ws.gates.append(GateAnswer(vendor: "D", requirement: "R\(k)", answer: k.isMultiple(of: 2) ? .no : .partly))
        }
        _ = try evaluate(ws, method: .cn, basis: &basis)
        for i in ws.requirements.indices where ws.requirements[i].priority == .must { ws.requirements[i].title += "（新）" }
        let many = try evaluate(ws, method: .cn, basis: &basis)
        #expect(many == (try evaluate(ws, method: .cn)))
        #expect(many.disqualified.first { $0.vendor == "D" }?.reason.hasPrefix("R10 项10（新）: no; R12 项12（新）: no") == true)
    }

    /// A workspace.json may hold a method or aggregate this version does not know: it is kept as it
    /// was (so a save writes it back) and the evaluation says which and what is allowed.
    @Test func unknownNamesAreErrors() throws {
        var ws = sample()
        ws.settings.method = Coded("AHP")
        #expect(ws.settings.method == .other("AHP") && ws.settings.method.rawValue == "AHP")
        #expect(throws: ScoringError("unknown method \"AHP\" (use wsm, topsis or cn)")) { try evaluate(ws) }
        #expect(try evaluate(ws, method: .wsm).method == .wsm, "an explicit method overrides the file's")
        ws = sample()
        ws.settings.aggregate = Coded("mode")
        #expect(throws: ScoringError("unknown aggregate \"mode\" (use mean or median)")) { try evaluate(ws) }
        #expect(Coded<PanelAggregate>(" Median ") == .known(.median), "the file's spelling is read trimmed and case-insensitive")
        #expect(throws: ScoringError("method cn has its own formulas and takes no normalisation")) {
            try evaluate(sample(), method: .cn, normalization: .vector)
        }
    }

    @Test func zeroPriceIsAnErrorNamingTheVendor() {
        var ws = sample()
        ws.vendors[1].bidPrice = .zero
        #expect(throws: ScoringError("vendor B 乙公司: price 0 cannot be scored with cn (it needs a price > 0)")) {
            try evaluate(ws, method: .cn)
        }
        #expect(throws: ScoringError("criterion \"C1 价格\", alternative \"B\": 0 cannot be normalised with linear (it needs values > 0)")) {
            try evaluate(ws, method: .wsm)
        }
    }
}
