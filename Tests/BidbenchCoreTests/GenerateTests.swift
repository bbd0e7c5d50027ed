import Testing

@testable import BidbenchCore

@Suite struct GenerateTests {
    @Test func splitMix64MatchesTheReferenceSequence() {
        // Reference outputs of SplitMix64 for seed 1234567 (from the published C implementation by Vigna).
        var rng = SplitMix64(seed: 1234567)
        #expect(rng.next() == 6457827717110365317)
        #expect(rng.next() == 3203168211198807973)
        #expect(rng.next() == 9817491932198370423)
    }

    @Test func sameSeedSameWorkspaceDifferentSeedDifferent() {
        let a = WorkspaceGenerator.generate(vendors: 12, requirements: 300, evaluators: 3, seed: 7)
        let b = WorkspaceGenerator.generate(vendors: 12, requirements: 300, evaluators: 3, seed: 7)
        let c = WorkspaceGenerator.generate(vendors: 12, requirements: 300, evaluators: 3, seed: 8)
        #expect(a == b)
        #expect(a != c)
        #expect(a.requirements.map(\.title) != c.requirements.map(\.title))
    }

    @Test(arguments: [(0, 0, 0), (1, 1, 1), (4, 48, 3), (37, 1234, 11)])
    func requestedCountsAreExact(vendors: Int, requirements: Int, evaluators: Int) {
        let ws = WorkspaceGenerator.generate(vendors: vendors, requirements: requirements, evaluators: evaluators, seed: 42)
        #expect(ws.vendors.count == vendors)
        #expect(ws.requirements.count == requirements)
        #expect(ws.scores.count == evaluators)
        // Every evaluator scores every vendor on each of the 9 panel leaves.
        for rows in ws.scores.values { #expect(rows.count == vendors * 9) }
        #expect(Set(ws.vendors.map(\.id)).count == vendors)
        #expect(Set(ws.vendors.map(\.name)).count == vendors)
        #expect(Set(ws.requirements.map(\.id)).count == requirements)
    }

    @Test func idsSortInRecordOrder() {
        let ws = WorkspaceGenerator.generate(vendors: 120, requirements: 20, evaluators: 1, seed: 1)
        #expect(ws.vendors.map(\.id) == ws.vendors.map(\.id).sorted())
        #expect(ws.vendors.first?.id == "V001" && ws.vendors.last?.id == "V120")
        #expect(ws.requirements.first?.id == "R00001")
        // The Store's order (sorted by key), so that saving and reloading gives back the same value.
        #expect(ws.criteria.map(\.id) == ws.criteria.map(\.id).sorted())
        for rows in ws.scores.values {
            #expect(
                rows.map { [$0.vendor, $0.criterion] }.elementsEqual(
                    rows.map { [$0.vendor, $0.criterion] }.sorted { $0.lexicographicallyPrecedes($1) }))
        }
        let budgetKeys = ws.budget.map { "\($0.fiscalYear)|\($0.costCenter)|\($0.category)" }
        #expect(budgetKeys == budgetKeys.sorted())
    }

    @Test func everyReferenceIsValid() {
        let ws = WorkspaceGenerator.generate(vendors: 25, requirements: 900, evaluators: 4, seed: 3)
        let vendors = Set(ws.vendors.map(\.id))
        let departments = Set(ws.departments.map(\.id))
        let criteria = Set(ws.criteria.map(\.id))
        let contracts = Set(ws.contracts.map(\.id))
        let requirements = Dictionary(uniqueKeysWithValues: ws.requirements.map { ($0.id, $0) })
        #expect(ws.requirements.allSatisfy { departments.contains($0.department) && criteria.contains($0.criterion) })
        #expect(ws.criteria.allSatisfy { $0.parent.isEmpty || criteria.contains($0.parent) })
        #expect(ws.criteria.filter { $0.source == .price }.map(\.id) == ["price"])
        #expect(ws.criteria.first { $0.id == "price" }?.kind == .cost)
        #expect(ws.prices.allSatisfy { vendors.contains($0.vendor) })
        #expect(Set(ws.prices.map(\.model)) == Set(PricingModel.allCases))
        #expect(ws.gates.allSatisfy { vendors.contains($0.vendor) && requirements[$0.requirement]?.priority == .must })
        let musts = Consolidation.knockoutGates(ws).count
        #expect(musts > 0 && ws.gates.count == musts * ws.vendors.count)
        #expect(ws.gates.contains { $0.answer == .no })
        #expect(ws.gates.filter { $0.answer == .no }.count <= ws.vendors.count / 8 + 1)
        let leaves = Set(WorkspaceGenerator.panelLeaves)
        for rows in ws.scores.values {
            #expect(rows.allSatisfy { vendors.contains($0.vendor) && leaves.contains($0.criterion) })
        }
        #expect(!ws.contracts.isEmpty)
        for c in ws.contracts {
            #expect(vendors.contains(c.vendor))
            #expect(c.file.hasPrefix("contracts/"))
            #expect(ws.contractTexts[c.file]?.isEmpty == false)
        }
        #expect(ws.contractTexts.count == ws.contracts.count)
        #expect(ws.payments.allSatisfy { contracts.contains($0.contract) })
        #expect(ws.reviews.allSatisfy { contracts.contains($0.contract) })
        #expect(ws.changes.allSatisfy { contracts.contains($0.contract) })
        #expect(ws.risks.allSatisfy { (1...5).contains($0.likelihood) && (1...5).contains($0.impact) })
        #expect(Set(ws.risks.map(\.id)).count == ws.risks.count)
    }

    @Test func paymentsSumTo100PerContract() {
        let ws = WorkspaceGenerator.generate(vendors: 60, requirements: 50, evaluators: 2, seed: 11)
        #expect(ws.contracts.count == 8)  // 2 + 60/10
        for c in ws.contracts {
            #expect(ws.payments.filter { $0.contract == c.id }.reduce(0) { $0 + $1.percent } == 100)
        }
    }

    @Test func scoresStayWithinTheScale() {
        let ws = WorkspaceGenerator.generate(vendors: 40, requirements: 10, evaluators: 6, seed: 99)
        let all = ws.scores.values.flatMap { $0 }
        #expect(all.count == 40 * 9 * 6)
        #expect(all.allSatisfy { $0.score >= 0 && $0.score <= ws.settings.scale })
        // Half-point steps.
        #expect(all.allSatisfy { ($0.score * 2).rounded() == $0.score * 2 })
    }

    @Test func reviewsCiteTheClauseHeadingLine() {
        let ws = WorkspaceGenerator.generate(vendors: 30, requirements: 10, evaluators: 1, seed: 5)
        for r in ws.reviews where r.status != .missing {
            let c = ws.contracts.first { $0.id == r.contract }!
            let text = ws.contractTexts[c.file]!
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let heading = ContractTextGenerator.heading(r.clause, zh: text.contains("甲方"))
            #expect(lines[r.line! - 1].hasSuffix(heading))
        }
        #expect(ws.reviews.contains { $0.status == .missing } == ws.reviews.contains { $0.line == nil })
    }

    @Test func textsAreBilingual() {
        let ws = WorkspaceGenerator.generate(vendors: 30, requirements: 2000, evaluators: 1, seed: 2)
        let ascii = ws.requirements.filter { $0.title.unicodeScalars.allSatisfy(\.isASCII) }
        #expect(!ascii.isEmpty && ascii.count < ws.requirements.count)
        #expect(ws.departments.contains { $0.name.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(ws.departments.contains { !$0.name.unicodeScalars.allSatisfy(\.isASCII) })
        let texts = ws.contractTexts.values
        #expect(texts.contains { $0.contains("## 第一条 合同范围") })
        #expect(texts.contains { $0.contains("## 1. Scope") })
        #expect(Set(Priority.allCases) == Set(ws.requirements.map(\.priority)))
    }

    @Test func everyVendorIsRankedExceptTheFewThatFailAGate() throws {
        let ws = WorkspaceGenerator.generate(vendors: 16, requirements: 400, evaluators: 3, seed: 4)
        // Vendors 6 and 14 (index % 8 == 5) answer `no` to one must-have.
        let e = try evaluate(ws, method: .wsm)
        #expect(e.disqualified.map(\.vendor) == ["V006", "V014"])
        #expect(e.incomplete.isEmpty)
        #expect(e.ranking.count == 14)
    }

    @Test func bidPriceIsTheYearOneCost() throws {
        let ws = WorkspaceGenerator.generate(vendors: 5, requirements: 10, evaluators: 1, seed: 9)
        let scenario = try Scenario(settings: ws.settings)
        for v in ws.vendors {
            let tco = try BudgetModel.tco(vendor: v.id, lines: ws.prices.filter { $0.vendor == v.id }, scenario: scenario)
            #expect(v.bidPrice == tco.perYear[0])
        }
    }

    @Test func chineseNumerals() {
        #expect([1, 10, 11, 20, 22].map(ContractTextGenerator.chineseNumeral) == ["一", "十", "十一", "二十", "二十二"])
    }
}
