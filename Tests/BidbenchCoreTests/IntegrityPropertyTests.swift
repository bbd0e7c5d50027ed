import PropertyBased
import Testing

@testable import BidbenchCore

/// A small random workspace from a seed: vendors with price lines (some split over cost centres),
/// envelopes, contracts (signed or open) with milestones and change orders, must-have gates with
/// answers (some missing or failed), criteria and one evaluator's scores. The same seed gives the
/// same workspace, so a failing seed (printed by `propertyCheck`) reproduces.
enum RandomWorkspace {
    static let centers = ["信息部", "生产部", "财务部"]

    static func make(_ seed: Int) -> Workspace {
        var g = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
        var ws = Workspace()
        ws.settings.firstYear = 2027
        ws.settings.horizonYears = g.int(1...7)
        ws.settings.users = g.int(1...400)
        ws.settings.userGrowth = g.pick([0, 0.05, 0.1, 0.25])
        ws.settings.escalation = g.pick([0, 0.03, 0.05])
        ws.settings.fiscalYearStart = g.pick(["01-01", "04-01", "07-01"])
        ws.settings.method = .known(g.pick([ScoringMethod.wsm, .topsis, .cn]))
        if g.chance(0.7) { ws.settings.extra["default_cost_center"] = "\"\(g.pick(centers))\"" }
        let vendorCount = g.int(2...6)
        for i in 1...vendorCount {
            ws.vendors.append(
                Vendor(id: "V\(i)", name: "供应商\(i)", sme: g.chance(0.3), bidPrice: Money(units: Int64(g.int(100_000...2_000_000)))))
            for j in 0..<g.int(1...5) {
                var line = PriceLine(
                    vendor: "V\(i)", item: "item\(j)", category: g.pick(CostCategory.allCases), model: g.pick(PricingModel.allCases),
                    unitPrice: Money(minor: Int64(g.int(1...50_000_000))), quantity: g.int(1...3))
                if line.model == .percent_of_license { line.unitPrice = Money(minor: Int64(g.int(100...3000))) }
                switch g.int(0...3) {
                case 0: break
                case 1: line.extra["cost_center"] = g.pick(centers)
                default:
                    // Shares with up to two decimals that sum to exactly 100.
                    let a = g.int(1...9_998)
                    let first = "\(a / 100).\(a % 100 < 10 ? "0" : "")\(a % 100)"
                    let b = 10_000 - a
                    let second = "\(b / 100).\(b % 100 < 10 ? "0" : "")\(b % 100)"
                    line.extra["cost_center"] = "\(centers[0]):\(first); \(centers[1]):\(second)%"
                }
                if g.chance(0.2) {
                    line.extra["covers_users"] = String(g.int(0...300))
                    if g.chance(0.5) { line.extra["extra_user_price"] = String(g.int(0...5000)) }
                }
                ws.prices.append(line)
            }
        }
        for year in 2026...2034 {
            for c in centers where g.chance(0.4) {
                ws.budget.append(
                    BudgetEnvelope(fiscalYear: year, costCenter: c, category: "", amount: Money(units: Int64(g.int(0...3_000_000)))))
            }
        }
        for k in 0..<g.int(0...3) {
            let effective = Day(year: 2027, month: 1, day: 1).adding(days: g.int(-200...900))
            var contract = Contract(
                id: "C\(k + 1)", vendor: "V\(g.int(1...vendorCount))", title: "合同\(k + 1)", file: "",
                effective: g.chance(0.9) ? effective : nil,
                termMonths: g.int(6...48), autoRenew: g.chance(0.5), renewalMonths: g.int(1...24), noticeDays: g.int(0...90),
                value: Money(minor: Int64(g.int(0...500_000_000))),
                status: g.pick(["draft", "review", "signed", "active", "expired", "terminated"]))
            if g.chance(0.3) { contract.extra["cost_center"] = g.pick(centers) }
            ws.contracts.append(contract)
            // Milestone percents with up to two decimals summing to exactly 100 (none at times).
            let parts = g.int(0...4)
            var left = 10_000
            for m in 0..<parts {
                let p = m == parts - 1 ? left : g.int(0...left)
                left -= p
                let due = g.chance(0.85) ? effective.adding(days: g.int(0...1400)) : nil
                ws.payments.append(
                    PaymentMilestone(
                        contract: contract.id, milestone: "M\(m)", percent: Double(p) / 100, due: due, status: g.pick(["planned", "paid"])))
            }
            for n in 0..<g.int(0...3) {
                ws.changes.append(
                    ChangeOrder(
                        contract: contract.id, id: "CO\(n)", date: effective.adding(days: g.int(0...300)), description: "变更",
                        priceDelta: Money(minor: Int64(g.int(-5_000_000...20_000_000))),
                        status: g.pick(["proposed", "approved", "rejected"])))
            }
        }
        ws.criteria = [
            Criterion(id: "K1", name: "功能", weight: Double(g.int(1...5))), Criterion(id: "K2", name: "服务", weight: Double(g.int(1...5))),
            Criterion(id: "P", name: "价格", kind: .cost, weight: Double(g.int(1...5)), source: .price),
        ]
        ws.scores["张三"] = ws.vendors.flatMap { v in
            ["K1", "K2"].map { Score(vendor: v.id, criterion: $0, score: Double(g.int(0...100)) / 10) }
        }
        for r in 0..<g.int(0...5) {
            let status: RequirementStatus = g.chance(0.7) ? .confirmed : .draft
            ws.requirements.append(
                Requirement(id: "R\(r)", department: "D", module: "M", title: "必须\(r)", priority: .must, weight: 5, status: status))
            for v in ws.vendors where g.chance(0.8) {
                ws.gates.append(GateAnswer(vendor: v.id, requirement: "R\(r)", answer: g.chance(0.85) ? .meets : g.pick([.partly, .no])))
            }
        }
        return ws
    }
}

/// The invariants of issue 14, each over hundreds of random workspaces per run. A failure prints the
/// workspace seed (the input) and PropertyBased's own seed to pin the run with `.fixedSeed`.
@Suite("Decision integrity invariants")
struct IntegrityPropertyTests {
    static let seeds = Gen.int(in: 0...Int(Int32.max))

    @Test("allocations over cost centres sum to each cost, to the fen")
    func allocationsSum() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let ws = RandomWorkspace.make(seed)
            guard let sc = try? Scenario(settings: ws.settings) else { return }
            for v in ws.vendors {
                guard let tco = try? BudgetModel.tco(vendor: v.id, lines: ws.prices, scenario: sc),
                    let control = try? BudgetModel.control(ws, proposedVendor: v.id, scenario: sc)
                else {
                    Issue.record("seed \(seed): no budget control for \(v.id)")
                    return
                }
                let proposal = control.charges.filter { if case .proposal = $0.source { return true } else { return false } }
                if control.proposalCoveredBy == nil {
                    #expect(proposal.reduce(Money.zero) { $0 + $1.amount } == tco.total, "seed \(seed) vendor \(v.id)")
                    // Line by line, year by year.
                    for line in tco.lines {
                        for (y, cost) in line.perYear.enumerated() {
                            let parts = proposal.filter {
                                $0.source == .proposal(vendor: v.id, item: line.item) && $0.fiscalYear == 2027 + y
                            }
                            #expect(parts.reduce(Money.zero) { $0 + $1.amount } == cost, "seed \(seed) \(v.id) \(line.item) year \(y + 1)")
                        }
                    }
                } else {
                    #expect(proposal.isEmpty, "seed \(seed): \(v.id) counted twice (contract and proposal)")
                }
            }
        }
    }

    @Test("committed + proposed of each fiscal year and cost centre equals the sum of its charges")
    func rowsReconcile() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let ws = RandomWorkspace.make(seed)
            guard let sc = try? Scenario(settings: ws.settings),
                let control = try? BudgetModel.control(ws, proposedVendor: ws.vendors.first?.id, scenario: sc)
            else {
                Issue.record("seed \(seed): no budget control")
                return
            }
            for row in control.rows where row.category == nil {
                let mine = control.charges.filter { $0.fiscalYear == row.fiscalYear && $0.costCenter == row.costCenter }
                #expect(row.committed == mine.filter(\.committed).reduce(Money.zero) { $0 + $1.amount }, "seed \(seed) \(row)")
                #expect(row.proposed == mine.filter { !$0.committed }.reduce(Money.zero) { $0 + $1.amount }, "seed \(seed) \(row)")
                #expect((row.envelope == nil) == (row.status == .unbudgeted), "seed \(seed) \(row)")
            }
            // Every dated, non-zero charge lands in exactly one all-category row.
            let dated = control.charges.filter { $0.fiscalYear != nil && $0.amount.minor != 0 }
            for c in dated {
                #expect(
                    control.rows.filter { $0.category == nil && $0.fiscalYear == c.fiscalYear && $0.costCenter == c.costCenter }.count == 1,
                    "seed \(seed) \(c)")
            }
            // A contract's charges are its value after approved change orders (all of it unless terminated).
            for k in ws.contracts where k.status != "terminated" {
                let sum = control.charges.filter {
                    switch $0.source {
                    case .milestone(let c, _), .contract(let c): return c == k.id
                    case .proposal: return false
                    }
                }.reduce(Money.zero) { $0 + $1.amount }
                #expect(sum == ChangeOrders.currentValue(of: k, changes: ws.changes), "seed \(seed) contract \(k.id)")
            }
        }
    }

    @Test("payment milestones sum exactly to the contract value after change orders")
    func milestonesSum() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let ws = RandomWorkspace.make(seed)
            for k in ws.contracts where ws.payments.contains(where: { $0.contract == k.id }) {
                let value = ChangeOrders.currentValue(of: k, changes: ws.changes)
                guard let parts = try? BudgetModel.installments(contract: k.id, value: value, milestones: ws.payments) else {
                    Issue.record("seed \(seed): milestones of \(k.id) refused")
                    continue
                }
                #expect(parts.reduce(Money.zero) { $0 + $1.amount } == value, "seed \(seed) contract \(k.id)")
            }
        }
    }

    @Test("a knocked-out vendor never has a rank; ranked vendors are not knocked out")
    func knockedOutNeverRanked() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let ws = RandomWorkspace.make(seed)
            guard let ev = try? evaluate(ws) else { return }
            let out = Set(GateStatus(ws).knockedOut.keys)
            #expect(Set(ev.disqualified.map(\.vendor)) == out, "seed \(seed)")
            #expect(ev.ranking.allSatisfy { !out.contains($0.vendor) }, "seed \(seed)")
            #expect(ev.provisional.keys.allSatisfy { !out.contains($0) }, "seed \(seed)")
        }
    }

    @Test("removing an unanswered gate never lowers a vendor's standing")
    func removingAnUnansweredGate() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            var ws = RandomWorkspace.make(seed)
            // A confirmed must-have that nobody has answered yet.
            ws.requirements.append(
                Requirement(id: "RX", department: "D", module: "M", title: "未答", priority: .must, weight: 5, status: .confirmed))
            guard let with = try? evaluate(ws) else { return }
            ws.requirements.removeLast()
            guard let without = try? evaluate(ws) else {
                Issue.record("seed \(seed): evaluation fails once the gate is removed")
                return
            }
            let before = Dictionary(uniqueKeysWithValues: with.ranking.map { ($0.vendor, $0.rank) })
            for r in without.ranking {
                #expect(before[r.vendor].map { r.rank <= $0 } ?? false, "seed \(seed) vendor \(r.vendor)")
            }
            #expect(Set(without.disqualified.map(\.vendor)).isSubset(of: Set(with.disqualified.map(\.vendor))), "seed \(seed)")
            for (v, gaps) in without.provisional { #expect((with.provisional[v]?.count ?? 0) > gaps.count, "seed \(seed) \(v)") }
            // Every ranked vendor that had not answered it was provisional.
            for r in with.ranking { #expect(with.provisional[r.vendor] != nil, "seed \(seed) \(r.vendor) not provisional") }
        }
    }

    @Test("which must-haves each vendor answered does not depend on the order of the answers")
    func answeredFlagsAnyOrder() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            let ws = RandomWorkspace.make(seed)
            let confirmed = ws.requirements.filter { $0.status == .confirmed }.map { (id: $0.id, title: $0.title) }
            // By definition: a vendor is listed when it answered one of them, with a flag per must-have.
            var expected: [String: [Bool]] = [:]
            for g in ws.gates {
                guard let k = confirmed.firstIndex(where: { $0.id == g.requirement }) else { continue }
                expected[g.vendor, default: Array(repeating: false, count: confirmed.count)][k] = true
            }
            var g = SplitMix64(seed: UInt64(seed))
            var shuffled = ws.gates
            shuffled.shuffle(using: &g)
            for answers in [ws.gates, shuffled, ws.gates.reversed()] {
                #expect(EvaluationBasis.answeredFlags(answers, confirmed) == expected, "seed \(seed)")
            }
        }
    }

    @Test("the ranking does not depend on the order of vendors in the files")
    func orderInvariant() async {
        await propertyCheck(count: 300, input: Self.seeds, Gen.int(in: 0...1_000_000)) { seed, shuffle in
            let ws = RandomWorkspace.make(seed)
            var shuffled = ws
            var g = SplitMix64(seed: UInt64(shuffle))
            shuffled.vendors.shuffle(using: &g)
            shuffled.prices.shuffle(using: &g)
            shuffled.gates.shuffle(using: &g)
            let a = try? evaluate(ws, priceOverride: tcoPrices(ws))
            let b = try? evaluate(shuffled, priceOverride: tcoPrices(shuffled))
            #expect((a == nil) == (b == nil), "seed \(seed) shuffle \(shuffle)")
            guard let a, let b else { return }
            let ra = Dictionary(uniqueKeysWithValues: a.ranking.map { ($0.vendor, $0) })
            let rb = Dictionary(uniqueKeysWithValues: b.ranking.map { ($0.vendor, $0) })
            #expect(Set(ra.keys) == Set(rb.keys), "seed \(seed) shuffle \(shuffle)")
            for (v, x) in ra {
                guard let y = rb[v] else { continue }
                #expect(x.rank == y.rank, "seed \(seed) shuffle \(shuffle) vendor \(v)")
                #expect(abs(x.score - y.score) <= 1e-9 * max(1, abs(x.score)), "seed \(seed) shuffle \(shuffle) vendor \(v)")
            }
            #expect(Set(a.disqualified.map(\.vendor)) == Set(b.disqualified.map(\.vendor)), "seed \(seed)")
        }
    }

    @Test("no key date listed as next is before today")
    func nextDatesNotPast() async {
        await propertyCheck(count: 300, input: Self.seeds, Gen.int(in: -400...4000)) { seed, offset in
            let ws = RandomWorkspace.make(seed)
            let today = Day(year: 2027, month: 1, day: 1).adding(days: offset)
            for d in KeyDates.dates(in: ws, today: today) where d.kind == .notice_deadline || d.kind == .renewal {
                #expect(d.date >= today && d.daysLeft >= 0, "seed \(seed) today \(today): \(d.kind) \(d.date)")
            }
        }
    }
}
