/// Builds large, realistic, valid workspaces for benchmarks and demos (DESIGN §7).
///
/// The result depends only on the arguments: the same seed gives the same workspace. Sizes scale
/// with the request: about one department per 400 requirements (3…60), one contract per ten
/// vendors (plus two), one risk per four vendors and per 500 requirements (plus four).
public enum WorkspaceGenerator {
    // Every table comes out in the order the Store writes it (sorted by its key), so a saved and
    // reloaded workspace equals the generated one.

    /// The fixed criteria tree, sorted by id: panel leaves under 功能/服务/技术, a price criterion and a leaf 实力.
    static let criteria: [Criterion] = [
        Criterion(id: "func", name: "功能", weight: 0.40),
        Criterion(id: "func_fin", parent: "func", name: "功能-财务", weight: 0.30),
        Criterion(id: "func_scm", parent: "func", name: "功能-供应链", weight: 0.25),
        Criterion(id: "func_mfg", parent: "func", name: "功能-生产制造", weight: 0.25),
        Criterion(id: "func_crm", parent: "func", name: "功能-客户与协同", weight: 0.20),
        Criterion(id: "price", name: "价格", kind: .cost, weight: 0.30, source: .price),
        Criterion(id: "service", name: "服务", weight: 0.15),
        Criterion(id: "svc_impl", parent: "service", name: "实施能力", weight: 0.60),
        Criterion(id: "svc_support", parent: "service", name: "运维支持", weight: 0.40),
        Criterion(id: "strength", name: "实力", weight: 0.05),
        Criterion(id: "tech", name: "技术", weight: 0.10),
        Criterion(id: "tech_arch", parent: "tech", name: "技术架构", weight: 0.50),
        Criterion(id: "tech_sec", parent: "tech", name: "数据安全", weight: 0.50),
    ].sorted { $0.id < $1.id }

    /// Ids of the criteria the panel scores: panel-sourced leaves.
    static var panelLeaves: [String] {
        let parents = Set(criteria.map(\.parent))
        return criteria.filter { $0.source == .panel && !parents.contains($0.id) }.map(\.id)
    }

    /// A workspace with exactly `vendors` vendors, `requirements` requirements and `evaluators`
    /// score files (each scoring every vendor on every panel leaf criterion).
    public static func generate(vendors: Int, requirements: Int, evaluators: Int, seed: UInt64) -> Workspace {
        var rng = SplitMix64(seed: seed)
        var ws = Workspace()
        let horizon = 5
        ws.settings.name = "生成的工作区 Generated workspace (\(vendors) × \(requirements) × \(evaluators), seed \(seed))"
        // Revealed: the workspace exists to measure ranking and rendering of a finished panel.
        ws.settings.revealed = true
        ws.settings.method = .known(.wsm)
        ws.settings.horizonYears = horizon
        ws.settings.users = 200 + requirements / 40
        ws.settings.userGrowth = 0.05
        ws.settings.escalation = 0.03
        ws.settings.discountRate = 0.05
        ws.criteria = criteria

        ws.departments = makeDepartments(count: min(60, max(3, requirements / 400)), rng: &rng)
        ws.requirements = makeRequirements(count: requirements, departments: ws.departments, rng: &rng)
        ws.vendors = makeVendors(count: vendors, users: ws.settings.users, rng: &rng)
        ws.prices = makePrices(&ws.vendors, users: ws.settings.users, rng: &rng)
        ws.gates = makeGates(vendors: ws.vendors, requirements: ws.requirements, rng: &rng)
        ws.scores = makeScores(vendors: ws.vendors, evaluators: evaluators, scale: ws.settings.scale, rng: &rng)
        ws.budget = makeBudget(ws, rng: &rng)
        makeContracts(&ws, rng: &rng)
        ws.risks = makeRisks(count: vendors / 4 + requirements / 500 + 4, departments: ws.departments, rng: &rng)
        return ws
    }

    /// `prefix` + the number zero-padded to the width of `count` (at least `minWidth`), so ids sort.
    static func id(_ prefix: String, _ n: Int, of count: Int, minWidth: Int = 2) -> String {
        let digits = String(n)
        let width = max(minWidth, String(count).count)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func personName(_ i: Int) -> String {
        let s = Vocabulary.surnames
        let g = Vocabulary.givenNames
        let base = s[i % s.count] + g[(i / s.count) % g.count]
        let round = i / (s.count * g.count)
        return round == 0 ? base : base + Vocabulary.givenNames[(round - 1) % g.count]
    }

    static func makeDepartments(count: Int, rng: inout SplitMix64) -> [Department] {
        let bases = Vocabulary.departments
        let sites = Vocabulary.sites
        return (0..<count).map { i in
            let base = bases[i % bases.count]
            let siteIndex = i / bases.count
            let site = sites[siteIndex % sites.count]
            let round = siteIndex / sites.count
            let suffix = round == 0 ? "" : " \(round + 1)"
            // Every fourth department is run in English (a foreign site or an international team).
            let name =
                i % 4 == 3
                ? (site.en.isEmpty ? base.en : "\(site.en) \(base.en)") + suffix
                : site.zh + base.zh + suffix
            return Department(
                id: id("D", i + 1, of: count), name: name, contact: personName(rng.int(below: 400)),
                headCount: rng.int(5...400))
        }
    }

    static func makeRequirements(count: Int, departments: [Department], rng: inout SplitMix64) -> [Requirement] {
        let modules = Vocabulary.modules
        let priorities: [Priority] = [.must, .should, .should, .should, .could, .could, .must, .wont, .should, .could]
        return (0..<count).map { i in
            let dept = departments[rng.int(below: departments.count)]
            let module = modules[rng.int(below: modules.count)]
            let object = rng.pick(module.objects)
            let verb = rng.pick(Vocabulary.verbs)
            let qualifier = rng.pick(Vocabulary.qualifiers)
            // English departments mostly write English; others now and then do too.
            let english = dept.name.unicodeScalars.first.map { $0.isASCII } ?? false ? !rng.chance(0.1) : rng.chance(0.1)
            let title: String
            let detail: String
            let acceptance: String
            let source: String
            let day = rng.int(1...28)
            let percent = rng.int(1...5)
            if english {
                title = verb.en.replacingPlaceholder(with: object.en) + qualifier.en
                detail =
                    "Users in \(dept.name) need to \(verb.en.replacingPlaceholder(with: object.en).lowercasedFirst) without manual rework."
                acceptance = "Tested on 20 real \(object.en); differences from the manual result within \(percent)%."
                source = "\(dept.name) survey 2026-11-\(day < 10 ? "0" : "")\(day)"
            } else {
                title = object.zh + verb.zh + qualifier.zh
                detail = "\(dept.name)需要在系统中对\(object.zh)进行\(verb.zh)，减少手工重复录入。"
                acceptance = "任选 20 条真实\(object.zh)验证，与手工结果差异不超过 \(percent)%"
                source = "\(dept.name) 2026-11-\(day < 10 ? "0" : "")\(day) 调研"
            }
            let status: RequirementStatus = rng.chance(0.8) ? .confirmed : (rng.chance(0.9) ? .draft : .dropped)
            return Requirement(
                id: id("R", i + 1, of: count, minWidth: 5), department: dept.id, module: english ? module.name.en : module.name.zh,
                title: title, detail: detail, priority: priorities[rng.int(below: priorities.count)],
                weight: Double(rng.int(1...5)), acceptance: acceptance, status: status,
                criterion: module.criterion, source: source)
        }
    }

    static func makeVendors(count: Int, users: Int, rng: inout SplitMix64) -> [Vendor] {
        var zhCount = 0
        var enCount = 0
        return (0..<count).map { i in
            let english = i % 5 == 4
            let name: String
            if english {
                let p = Vocabulary.englishVendorPrefixes
                let s = Vocabulary.englishVendorSuffixes
                let n = enCount
                enCount += 1
                let round = n / (p.count * s.count)
                name = "\(p[n % p.count]) \(s[(n / p.count) % s.count])" + (round == 0 ? "" : " \(round + 1)")
            } else {
                let p = Vocabulary.vendorPrefixes
                let s = Vocabulary.vendorSuffixes
                let n = zhCount
                zhCount += 1
                let round = n / (p.count * s.count)
                name = p[n % p.count] + s[(n / p.count) % s.count] + (round == 0 ? "" : "\(round + 1)")
            }
            let contact = english ? Vocabulary.englishNames[i % Vocabulary.englishNames.count] : personName(rng.int(below: 400))
            let q = rng.pick(Vocabulary.qualifications)
            return Vendor(
                id: id("V", i + 1, of: count, minWidth: 3), name: name, contact: contact,
                qualifications: english ? q.en : q.zh,
                references: english
                    ? "ERP for a \(rng.int(3...20) * 100)-staff manufacturer (\(rng.int(2019...2025)))"
                    : "某制造企业 ERP（\(rng.int(3...20) * 100) 人，\(rng.int(2019...2025)) 年上线）",
                notes: english ? "Implementation team of \(rng.int(10...80))" : "实施团队 \(rng.int(10...80)) 人",
                sme: rng.chance(0.2))
        }
    }

    /// Price lines under all five pricing models, and each vendor's bid price: its year-1 cost.
    static func makePrices(_ vendors: inout [Vendor], users: Int, rng: inout SplitMix64) -> [PriceLine] {
        var lines: [PriceLine] = []
        for vi in vendors.indices {
            let v = vendors[vi]
            let en = v.name.unicodeScalars.first?.isASCII ?? false
            func t(_ zh: String, _ english: String) -> String { en ? english : zh }
            let license = Money(units: Int64(rng.int(30...90)) * 10_000)
            let perUser = Money(units: Int64(rng.int(10...50)) * 100)
            let subscription = Money(units: Int64(rng.int(3...12)) * 100)
            let implementation = Money(units: Int64(rng.int(8...40)) * 10_000)
            let training = Money(units: Int64(rng.int(2...10)) * 5_000)
            lines.append(
                PriceLine(
                    vendor: v.id, item: t("ERP 平台许可", "ERP platform licence"), category: .license, model: .one_time,
                    unitPrice: license, startYear: 1))
            lines.append(
                PriceLine(
                    vendor: v.id, item: t("用户许可", "User licences"), category: .license, model: .per_user_one_time,
                    unitPrice: perUser, notes: t("按新增用户数购买", "bought per added user")))
            lines.append(
                PriceLine(
                    vendor: v.id, item: t("年度维护", "Annual maintenance"), category: .maintenance, model: .percent_of_license,
                    unitPrice: Money(units: Int64(rng.int(15...22))), startYear: 2))
            lines.append(
                PriceLine(
                    vendor: v.id, item: t("云服务订阅", "Cloud subscription"), category: .subscription, model: .per_user_annual,
                    unitPrice: subscription))
            lines.append(
                PriceLine(
                    vendor: v.id, item: t("实施服务", "Implementation"), category: .implementation, model: .one_time,
                    unitPrice: implementation, startYear: 1))
            lines.append(
                PriceLine(
                    vendor: v.id, item: t("年度培训", "Yearly training"), category: .training, model: .annual,
                    unitPrice: training, quantity: rng.int(1...3), startYear: 1, years: 2))
            let trainingLine = lines[lines.count - 1]
            var bid =
                license + implementation + trainingLine.unitPrice * trainingLine.quantity
                + perUser * users + subscription * users
            if rng.chance(0.5) {
                let migration = Money(units: Int64(rng.int(2...10)) * 10_000)
                lines.append(
                    PriceLine(
                        vendor: v.id, item: t("数据迁移", "Data migration"), category: .data_migration, model: .one_time,
                        unitPrice: migration, startYear: 1))
                bid += migration
            }
            vendors[vi].bidPrice = bid
        }
        return lines
    }

    static func makeGates(vendors: [Vendor], requirements: [Requirement], rng: inout SplitMix64) -> [GateAnswer] {
        let musts = requirements.filter { $0.priority == .must && ($0.status == .draft || $0.status == .confirmed) }
        guard !musts.isEmpty else { return [] }
        var gates: [GateAnswer] = []
        gates.reserveCapacity(vendors.count * musts.count)
        for (vi, v) in vendors.enumerated() {
            // About one vendor in eight fails exactly one knock-out requirement.
            let failing = vi % 8 == 5 ? rng.int(below: musts.count) : -1
            for (ri, r) in musts.enumerated() {
                let answer: GateResult = ri == failing ? .no : (rng.chance(0.002) ? .partly : .meets)
                gates.append(
                    GateAnswer(
                        vendor: v.id, requirement: r.id, answer: answer,
                        note: answer == .no ? "不支持 / not supported" : ""))
            }
        }
        return gates
    }

    static func makeScores(vendors: [Vendor], evaluators: Int, scale: Double, rng: inout SplitMix64) -> [String: [Score]] {
        let leaves = panelLeaves
        // A vendor's true quality per criterion, then each evaluator's bias and noise around it.
        let quality = vendors.map { _ in leaves.map { _ in 0.4 + 0.5 * rng.unit() } }
        var out: [String: [Score]] = [:]
        for e in 0..<evaluators {
            let bias = (rng.unit() - 0.5) * 0.1
            var rows: [Score] = []
            rows.reserveCapacity(vendors.count * leaves.count)
            for (vi, v) in vendors.enumerated() {
                for (ci, c) in leaves.enumerated() {
                    let raw = (quality[vi][ci] + bias + (rng.unit() - 0.5) * 0.2) * scale
                    let score = min(scale, max(0, (raw * 2).rounded() / 2))
                    rows.append(Score(vendor: v.id, criterion: c, score: score))
                }
            }
            out[personName(e)] = rows
        }
        return out
    }

    static func makeBudget(_ ws: Workspace, rng: inout SplitMix64) -> [BudgetEnvelope] {
        var envelopes: [BudgetEnvelope] = []
        let first = ws.settings.firstYear
        let users = Int64(ws.settings.users)
        for y in 0..<ws.settings.horizonYears {
            let base: Int64 = y == 0 ? 1_200_000 + users * 2_000 : 150_000 + users * 800
            envelopes.append(
                BudgetEnvelope(
                    fiscalYear: first + y, costCenter: "信息部", category: "",
                    amount: Money(units: base + Int64(rng.int(0...20)) * 10_000)))
            envelopes.append(
                BudgetEnvelope(
                    fiscalYear: first + y, costCenter: "信息部", category: CostCategory.training.rawValue,
                    amount: Money(units: Int64(rng.int(2...8)) * 10_000)))
        }
        for d in ws.departments.prefix(3) {
            envelopes.append(
                BudgetEnvelope(
                    fiscalYear: first, costCenter: d.name, category: CostCategory.implementation.rawValue,
                    amount: Money(units: Int64(rng.int(5...30)) * 10_000)))
        }
        return envelopes.sorted { ($0.fiscalYear, $0.costCenter, $0.category) < ($1.fiscalYear, $1.costCenter, $1.category) }
    }

    static let paymentPlans: [[Int]] = [[30, 60, 10], [25, 25, 25, 25], [20, 30, 40, 10], [50, 50], [10, 40, 40, 10]]

    // Kept as one function: each contract's text, payments, reviews and changes drawn from one random stream, whose order fixes the output.
    /// Contracts for a spread of vendors, with their texts, payments, reviews and change orders.
    static func makeContracts(_ ws: inout Workspace, rng: inout SplitMix64) {
        let vendors = ws.vendors
        guard !vendors.isEmpty else { return }
        let count = min(vendors.count, 2 + vendors.count / 10)
        let start = Day(year: ws.settings.firstYear, month: 1, day: 1)
        let statuses = ["draft", "review", "signed", "active"]
        for k in 0..<count {
            let v = vendors[k * vendors.count / count]
            let cid = id("C", k + 1, of: count, minWidth: 3)
            let chinese = k % 3 != 2
            let subscription = k % 2 == 1
            let title =
                chinese
                ? (subscription ? "CRM 与 BI 订阅服务协议" : "ERP 升级加购合同")
                : (subscription ? "Subscription Services Agreement" : "ERP Upgrade Agreement")
            let file =
                "contracts/\(cid)-"
                + (chinese ? (subscription ? "订阅服务协议" : "ERP升级合同") : (subscription ? "subscription-agreement" : "erp-upgrade-agreement"))
                + ".md"
            let effective = start.adding(months: rng.int(0...6))
            let autoRenew = subscription
            let percents = rng.pick(paymentPlans)
            var flawed: Set<ClauseKind> = []
            for kind in [ClauseKind.fees, .liability, .termination, .price_change, .dispute_resolution] where rng.chance(0.3) {
                flawed.insert(kind)
            }
            var omitted: Set<ClauseKind> = []
            if rng.chance(0.3) { omitted.insert(.data_return) }
            if rng.chance(0.15) { omitted.insert(.acceptance) }
            if rng.chance(0.1) { omitted.insert(.confidentiality) }
            let value = Money(units: Int64(rng.int(20...200)) * 10_000)
            let terms = ContractTextGenerator.Terms(
                chinese: chinese, number: "GEN-\(ws.settings.firstYear)-\(cid)",
                buyer: chinese ? "华东精密机械有限公司" : "East China Precision Co., Ltd.",
                vendor: v.name, title: title, value: value, termMonths: subscription ? 12 : 36, autoRenew: autoRenew,
                renewalMonths: 12, noticeDays: autoRenew ? rng.pick([30, 60, 90]) : 0, warrantyMonths: subscription ? 0 : 12,
                percents: percents, omitted: omitted, flawed: flawed)
            let (text, headings) = ContractTextGenerator.write(terms)
            ws.contractTexts[file] = text
            ws.contracts.append(
                Contract(
                    id: cid, vendor: v.id, title: title, file: file, effective: effective,
                    termMonths: terms.termMonths, autoRenew: autoRenew, renewalMonths: 12,
                    noticeDays: terms.noticeDays, value: value, warrantyMonths: terms.warrantyMonths,
                    status: rng.pick(statuses)))
            for (i, p) in percents.enumerated() {
                let name = chinese ? "第 \(i + 1) 期" : "Instalment \(i + 1)"
                ws.payments.append(
                    PaymentMilestone(
                        contract: cid, milestone: name, percent: Double(p),
                        due: effective.adding(months: 3 * i + 1),
                        condition: chinese ? "里程碑 \(i + 1) 验收" : "Milestone \(i + 1) accepted"))
            }
            for kind in ClauseKind.allCases where omitted.contains(kind) || flawed.contains(kind) || kind == .penalty {
                let status: ReviewStatus = omitted.contains(kind) ? .missing : (flawed.contains(kind) ? .negotiate : .ok)
                let note: String
                switch status {
                case .missing: note = chinese ? "缺少该条款，要求补充" : "Clause missing; ask for it"
                case .negotiate: note = chinese ? "对甲方不利，需谈判" : "Unfavourable to the buyer; negotiate"
                default: note = chinese ? "可接受" : "Acceptable"
                }
                ws.reviews.append(ClauseReview(contract: cid, clause: kind, status: status, line: headings[kind], note: note))
            }
            for n in 0..<rng.int(0...2) {
                ws.changes.append(
                    ChangeOrder(
                        contract: cid, id: "CO\(n + 1)", date: effective.adding(days: 30 * (n + 1)),
                        description: chinese
                            ? "新增\(rng.pick(Vocabulary.modules).name.zh)模块" : "Add the \(rng.pick(Vocabulary.modules).name.en) module",
                        priceDelta: Money(units: Int64(rng.int(-2...10)) * 5_000),
                        status: rng.pick(["proposed", "approved", "rejected"])))
            }
        }
    }

    static func makeRisks(count: Int, departments: [Department], rng: inout SplitMix64) -> [Risk] {
        let triggers: [(String, String)] = [("milestone_overdue", "15"), ("notice_within", "30"), ("budget_used", "0.9"), ("", "")]
        return (0..<count).map { i in
            let type = RiskType.allCases[i % RiskType.allCases.count]
            let title = rng.pick(Vocabulary.riskTitles[type]!)
            let english = rng.chance(0.25)
            let (trigger, threshold) = rng.pick(triggers)
            let dept = departments[rng.int(below: departments.count)]
            let m = rng.pick(Vocabulary.mitigations)
            return Risk(
                id: id("RK", i + 1, of: count, minWidth: 3), type: type, title: english ? title.en : title.zh,
                likelihood: rng.int(1...5), impact: rng.int(1...5), mitigation: english ? m.en : m.zh,
                owner: "\(dept.name) \(dept.contact)", trigger: trigger, threshold: threshold,
                status: rng.pick(["open", "open", "watching", "closed"]))
        }
    }
}

extension Money {
    fileprivate static func * (a: Money, n: Int) -> Money { Money(minor: a.minor * Int64(n)) }
}

extension String {
    /// Puts `value` where the vocabulary's `%@` placeholder is.
    fileprivate func replacingPlaceholder(with value: String) -> String {
        guard let r = firstRange(of: "%@") else { return self }
        return String(self[..<r.lowerBound]) + value + String(self[r.upperBound...])
    }

    fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
