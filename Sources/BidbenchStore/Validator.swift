import BidbenchCore
import Foundation

/// Checks that only make sense across rows or files: duplicate keys, references to rows that do not
/// exist, ranges, enum-like status texts, payment schedules summing to 100 %. It runs on the model,
/// both after a load and before a save (so a save never writes a workspace that would open read-only).
struct Validator {
    /// Line of element `index` of the model array stored in `file`.
    let lines: [String: [Int]]
    /// Line of a key in workspace.json.
    let settingsLine: (String) -> Int
    let log: ProblemLog
    /// Files that could not be read completely (not at all, or with rows skipped): references into
    /// them are not reported, as they would dangle because of the problem already reported.
    var unparsed: Set<String> = []
    /// Sections known to be valid already (a save passes the tables that did not change and whose
    /// references did not change either): skipped, so a save after one edit does not re-check
    /// 800 000 gate answers. Only `requirements.csv`, `gates.csv` and `scores/` are ever skipped.
    var known: Set<String> = []
    /// `pairsIncrease` of the gate answers being checked, when the loader has it already (it is
    /// worked out on the thread that parsed `gates.csv`); nil: worked out here.
    var gatesIncrease: Bool?

    private func missing(_ ids: Set<String>, _ file: String, _ value: String) -> Bool {
        !unparsed.contains(file) && !ids.contains(value)
    }

    /// Chinese names of the things a reference names.
    private static let nounZH = ["department": "部门", "requirement": "需求", "vendor": "供应商", "criterion": "准则", "contract": "合同"]

    /// Reports a reference from row `i` of `file` to an id that `target` does not hold.
    private func ref(_ file: String, _ i: Int, _ field: String, _ value: String, _ ids: Set<String>, _ target: String, _ what: String) {
        guard missing(ids, target, value) else { return }
        let whatZH = Self.nounZH[what] ?? what
        if value.isEmpty {
            add(file, i, field, "is empty; expected a \(what) id from \(target)", "为空; 应填写 \(target) 中的\(whatZH)编号")
        } else {
            add(file, i, field, "\"\(value)\" is not a \(what) id in \(target)", "“\(value)” 不是 \(target) 中的\(whatZH)编号")
        }
    }

    private func line(_ file: String, _ i: Int) -> Int {
        guard let l = lines[file], i < l.count else { return 0 }
        return l[i]
    }
    private func add(_ file: String, _ i: Int, _ field: String?, _ message: String, _ zh: String) {
        log.add(file, line(file, i), field, message, zh: zh)
    }

    /// A `cost_center` cell: one name or shares summing to 100 (`CostCenters.parse`).
    private func costCenter(_ file: String, _ i: Int, _ cell: String?, what: String) {
        guard let cell, !cell.trimmed.isEmpty else { return }
        do { _ = try CostCenters.parse(cell, fallback: "", what: what) } catch {
            add(file, i, "cost_center", error.message, error.text(chinese: true))
        }
    }

    /// Reports a key seen before, naming the line of the first occurrence. Keys are compared as they
    /// look: after Unicode compatibility normalisation (NFKC), so a full-width `V１` is the `V1` above it.
    private func checkUnique(_ file: String, _ keys: [String], field: String, what: String, zh whatZH: String) {
        // ASCII is its own NFKC form; only the rare other key is normalised.
        let raw = keys
        let keys = keys.map { k in k.utf8.allSatisfy { $0 < 0x80 } ? k : k.precomposedStringWithCompatibilityMapping }
        // Files are normally saved sorted by key: strictly increasing keys are unique without hashing.
        if zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) { return }
        var first: [String: Int] = [:]
        first.reserveCapacity(keys.count)
        for (i, k) in keys.enumerated() {
            if let j = first[k] {
                let shown = raw[i] == raw[j] ? "\"\(raw[i])\"" : "\"\(raw[i])\" (looks the same as \"\(raw[j])\")"
                let shownZH = raw[i] == raw[j] ? "“\(raw[i])”" : "“\(raw[i])” (与 “\(raw[j])” 看起来相同)"
                add(
                    file, i, field, "duplicate \(what) \(shown) (first on line \(line(file, j)))",
                    "\(whatZH) \(shownZH) 重复 (首次出现在第 \(line(file, j)) 行)")
            } else {
                first[k] = i
            }
        }
    }

    /// Ids and names with an invisible or direction-control character (`V1` and `V1`+U+200B look the same).
    private func checkVisible(_ file: String, _ rows: [(id: String, name: String)]) {
        for (i, r) in rows.enumerated() {
            for (field, value) in [("id", r.id), ("name", r.name)] {
                guard let c = TextTools.firstInvisible(value) else { continue }
                add(
                    file, i, field,
                    "\"\(TextTools.visible(value))\" contains the invisible or direction-control character \(c); ids and names must look like what they are",
                    "“\(TextTools.visible(value))” 含有不可见或方向控制字符 \(c); 编号和名称必须与看到的一致")
            }
        }
    }

    private func checkStatus(_ file: String, _ i: Int, _ value: String, _ allowed: [String]) {
        let list = allowed.joined(separator: ", ")
        if !allowed.contains(value) { add(file, i, "status", "\"\(value)\" is not one of \(list)", "“\(value)” 不是可选值之一: \(list)") }
    }

    /// The ids other tables refer to, gathered once per validation.
    struct KnownIDs {
        let departments: Set<String>
        let requirements: Set<String>
        let criteria: Set<String>
        let vendors: Set<String>
        let contracts: Set<String>
        init(_ w: Workspace) {
            departments = Set(w.departments.map(\.id))
            requirements = Set(w.requirements.map(\.id))
            criteria = Set(w.criteria.map(\.id))
            vendors = Set(w.vendors.map(\.id))
            contracts = Set(w.contracts.map(\.id))
        }
    }

    /// Every check, one table at a time, in the order the problems are listed.
    func validate(_ w: Workspace) {
        let ids = KnownIDs(w)
        validateSettings(w.settings)
        validateDepartments(w.departments)
        validateRequirements(w.requirements, ids)
        validateCriteria(w.criteria, ids)
        validateVendors(w.vendors)
        validateGates(w.gates, ids)
        validatePrices(w.prices, ids)
        validateScores(w.scores, scale: w.settings.scale, ids)
        validateBudget(w.budget)
        validateContracts(w.contracts, ids)
        validatePayments(w.payments, ids)
        validateReviews(w.reviews, ids)
        validateChanges(w.changes, contracts: w.contracts, ids)
        validateRisks(w.risks)
        validateScenarios(w.scenarios, settings: w.settings)
        validateDelivery(w)
        checkUnique(Schema.meetings.file, w.meetings.map(\.id), field: "id", what: "meeting id", zh: "会议编号")
        checkUnique(
            Schema.meetingRequirements.file, w.meetingRequirements.map { "\($0.meeting)/\($0.requirement.id)" }, field: "id",
            what: "meeting/requirement pair", zh: "会议/需求组合")
        validateDiscussion(w.discussion, ids)
        validateAHP(w.ahp, criteria: w.criteria, ids)
    }
}

/// One validator per table: each reports the problems of its file, in row order.
extension Validator {
    private func validateDepartments(_ departments: [Department]) {
        let df = Schema.departments.file
        checkVisible(df, departments.map { ($0.id, $0.name) })
        checkUnique(df, departments.map(\.id), field: "id", what: "department id", zh: "部门编号")
        for (i, d) in departments.enumerated() where d.headCount < 0 {
            add(df, i, "head_count", "\(d.headCount) is negative (expected 0 or more people)", "\(d.headCount) 为负数 (人数应为 0 或以上)")
        }
    }

    private func validateRequirements(_ requirements: [Requirement], _ ids: KnownIDs) {
        let rf = Schema.requirements.file
        guard !known.contains(rf) else { return }
        checkVisible(rf, requirements.map { ($0.id, "") })
        checkUnique(rf, requirements.map(\.id), field: "id", what: "requirement id", zh: "需求编号")
        for (i, r) in requirements.enumerated() {
            ref(rf, i, "department", r.department, ids.departments, "departments.csv", "department")
            if r.weight < 0 {
                let w = NumberText.format(r.weight)
                add(rf, i, "weight", "\(w) is negative (expected a weight of 0 or more)", "\(w) 为负数 (权重应为 0 或以上)")
            }
            if !r.criterion.isEmpty && missing(ids.criteria, "criteria.csv", r.criterion) {
                add(
                    rf, i, "criterion", "\"\(r.criterion)\" is not a criterion id in criteria.csv",
                    "“\(r.criterion)” 不是 criteria.csv 中的准则编号")
            }
        }
    }

    private func validateCriteria(_ criteria: [Criterion], _ ids: KnownIDs) {
        let cf = Schema.criteria.file
        checkVisible(cf, criteria.map { ($0.id, $0.name) })
        checkUnique(cf, criteria.map(\.id), field: "id", what: "criterion id", zh: "准则编号")
        let parentOf = Dictionary(criteria.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
        for (i, c) in criteria.enumerated() {
            if c.weight < 0 {
                let w = NumberText.format(c.weight)
                add(cf, i, "weight", "\(w) is negative (expected a weight of 0 or more)", "\(w) 为负数 (权重应为 0 或以上)")
            }
            guard !c.parent.isEmpty else { continue }
            if missing(ids.criteria, "criteria.csv", c.parent) {
                add(cf, i, "parent", "\"\(c.parent)\" is not a criterion id in criteria.csv", "“\(c.parent)” 不是 criteria.csv 中的准则编号")
                continue
            }
            var seen: Set<String> = [c.id]
            var p = c.parent
            while !p.isEmpty {
                if !seen.insert(p).inserted {
                    add(
                        cf, i, "parent", "criterion \"\(c.id)\" is its own ancestor (a cycle of parents)", "准则 “\(c.id)” 成了自己的上级 (上级关系形成了环)"
                    )
                    break
                }
                p = parentOf[p] ?? ""
            }
        }
    }

    private func validateVendors(_ vendors: [Vendor]) {
        let vf = Schema.vendors.file
        checkVisible(vf, vendors.map { ($0.id, $0.name) })
        checkUnique(vf, vendors.map(\.id), field: "id", what: "vendor id", zh: "供应商编号")
        // Two vendors of one name cannot be told apart on screens, handouts and blind score sheets.
        checkUnique(vf, vendors.map(\.name.trimmed), field: "name", what: "vendor name", zh: "供应商名称")
        for (i, v) in vendors.enumerated() {
            if let b = v.bidPrice, b.minor < 0 {
                add(vf, i, "bid_price", "\(b) is negative (expected a price of 0 or more)", "\(b) 为负数 (价格应为 0 或以上)")
            }
        }
    }

    private func validateGates(_ gates: [GateAnswer], _ ids: KnownIDs) {
        let gf = Schema.gates.file
        guard !known.contains(gf) else { return }
        if !(gatesIncrease ?? Self.pairsIncrease(gates)) {
            checkUnique(
                gf, gates.map { "\($0.vendor), \($0.requirement)" }, field: "requirement", what: "vendor, requirement pair",
                zh: "供应商与需求组合")
        }
        // By index (a copy of an answer retains its strings). A file sorted by vendor looks each
        // vendor up once per run of its answers, and each requirement through `RunMemo`; an unknown
        // one is still reported on every row that names it.
        var lastVendor: String?
        var vendorKnown = true
        var requirements = RunMemo<Bool>()
        for i in gates.indices {
            if gates[i].vendor != lastVendor {
                lastVendor = gates[i].vendor
                vendorKnown = !missing(ids.vendors, "vendors.csv", gates[i].vendor)
                requirements.newRun()
            }
            if !vendorKnown { ref(gf, i, "vendor", gates[i].vendor, ids.vendors, "vendors.csv", "vendor") }
            if !requirements.value(gates[i].requirement, { !missing(ids.requirements, "requirements.csv", $0) }) {
                ref(gf, i, "requirement", gates[i].requirement, ids.requirements, "requirements.csv", "requirement")
            }
        }
    }

    /// Whether the answers' (vendor, requirement) pairs are ASCII without a comma and strictly
    /// increasing, as a saved file has them: then their `vendor, requirement` keys are distinct and
    /// already their own normal form, and `checkUnique` would find nothing (it is not asked: making
    /// 800 000 keys was most of checking the answers).
    static func pairsIncrease(_ gates: [GateAnswer]) -> Bool {
        // ASCII strings order as their bytes do (`<` on strings compares scalars).
        func plain(_ s: String) -> Bool {
            s.utf8.withContiguousStorageIfAvailable { b in b.allSatisfy { $0 < 0x80 && $0 != 0x2C } } ?? false
        }
        func order(_ a: String, _ b: String) -> Int {
            let bytes: Int?? = a.utf8.withContiguousStorageIfAvailable { x in
                b.utf8.withContiguousStorageIfAvailable { y in
                    let n = min(x.count, y.count)
                    let c = n == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, n))
                    return c != 0 ? c : x.count - y.count
                }
            }
            if let bytes, let bytes { return bytes }
            return a < b ? -1 : a == b ? 0 : 1
        }
        // The same bytes as `known`, which is plain. `==` alone is canonical equivalence (U+212A
        // KELVIN SIGN equals "K"), but a non-ASCII scalar equivalent to ASCII is one of more bytes
        // than its ASCII equivalent, so equal counts leave only the same bytes. Cheap on shared ids.
        func same(_ known: String, _ s: String) -> Bool { known.utf8.count == s.utf8.count && known == s }
        // Each vendor's run usually names the previous run's requirements in the same order: where
        // two neighbours are both the same as the previous run's at their places, they are already
        // known plain and in order, and only `same` is asked.
        var previous: [Int] = []  // the rows of the previous run and of this one
        var current: [Int] = []
        var lastMatched = false
        for i in gates.indices {
            let newRun = i == 0 || !same(gates[i - 1].vendor, gates[i].vendor)
            if newRun {
                guard plain(gates[i].vendor) else { return false }
                if i > 0 && order(gates[i - 1].vendor, gates[i].vendor) >= 0 { return false }
                swap(&previous, &current)
                current.removeAll(keepingCapacity: true)
            }
            let n = current.count
            let requirement = gates[i].requirement
            let matched = n < previous.count && same(gates[previous[n]].requirement, requirement)
            if !matched && !plain(requirement) { return false }
            if !newRun && !(matched && lastMatched) && order(gates[i - 1].requirement, requirement) >= 0 { return false }
            current.append(i)
            lastMatched = matched
        }
        return true
    }

    /// `discussion.csv`: one note per cell of the vendor matrix, on a vendor and a criterion that exist.
    private func validateDiscussion(_ notes: [DiscussionNote], _ ids: KnownIDs) {
        let df = Schema.discussion.file
        checkUnique(df, notes.map { "\($0.vendor), \($0.criterion)" }, field: "criterion", what: "vendor, criterion pair", zh: "供应商与准则组合")
        for (i, n) in notes.enumerated() {
            ref(df, i, "vendor", n.vendor, ids.vendors, "vendors.csv", "vendor")
            ref(df, i, "criterion", n.criterion, ids.criteria, "criteria.csv", "criterion")
        }
    }

    private func validatePrices(_ prices: [PriceLine], _ ids: KnownIDs) {
        let pf = Schema.prices.file
        for (i, p) in prices.enumerated() {
            ref(pf, i, "vendor", p.vendor, ids.vendors, "vendors.csv", "vendor")
            if p.unitPrice.minor < 0 {
                add(pf, i, "unit_price", "\(p.unitPrice) is negative (expected a price of 0 or more)", "\(p.unitPrice) 为负数 (价格应为 0 或以上)")
            }
            if p.quantity < 0 { add(pf, i, "quantity", "\(p.quantity) is negative (expected 0 or more)", "\(p.quantity) 为负数 (应为 0 或以上)") }
            if let y = p.startYear, y < 1 {
                add(pf, i, "start_year", "\(y) is not a horizon year (expected 1 or more)", "\(y) 不是期限内的年份 (应为 1 或以上)")
            }
            if let y = p.years, y < 1 {
                add(pf, i, "years", "\(y) is not a number of years (expected 1 or more)", "\(y) 不是有效的年数 (应为 1 或以上)")
            }
            // Budget-control columns (kept in `extra`): checked here so the message names file and line.
            costCenter(pf, i, p.extra["cost_center"], what: "\(p.vendor) \(p.item)")
            if let t = p.extra["covers_users"]?.trimmed, !t.isEmpty, (Int(t) ?? -1) < 0 {
                add(pf, i, "covers_users", "\"\(t)\" is not a number of users (expected a whole number ≥ 0)", "“\(t)” 不是用户数 (应为 ≥ 0 的整数)")
            }
            if let t = p.extra["extra_user_price"]?.trimmed, !t.isEmpty, (Money(parsing: t)?.minor ?? -1) < 0 {
                add(pf, i, "extra_user_price", "\"\(t)\" is not an amount ≥ 0", "“\(t)” 不是 ≥ 0 的金额")
            }
        }
    }

    /// One sheet per evaluator (`scores/<evaluator>.csv`).
    private func validateScores(_ scores: [String: [Score]], scale: Double, _ ids: KnownIDs) {
        guard !known.contains("scores/") else { return }
        for evaluator in scores.keys.sorted() {
            let sf = Schema.scoresFile(evaluator: evaluator)
            if let reason = PathSafety.fileNameProblem(evaluator) {
                log.add(sf, 0, nil, "evaluator name \(reason.en)", zh: "评委姓名\(reason.zh)")
            }
            let list = scores[evaluator] ?? []
            checkUnique(
                sf, list.map { "\($0.vendor), \($0.criterion)" }, field: "criterion", what: "vendor, criterion pair", zh: "供应商与准则组合")
            for (i, sc) in list.enumerated() {
                ref(sf, i, "vendor", sc.vendor, ids.vendors, "vendors.csv", "vendor")
                ref(sf, i, "criterion", sc.criterion, ids.criteria, "criteria.csv", "criterion")
                if !(sc.score >= 0 && sc.score <= scale) {
                    let (v, top) = (NumberText.format(sc.score), NumberText.format(scale))
                    add(sf, i, "score", "\(v) is outside the scale 0…\(top)", "\(v) 超出量程 0…\(top)")
                }
            }
        }
    }

    private func validateBudget(_ budget: [BudgetEnvelope]) {
        let bf = Schema.budget.file
        checkUnique(
            bf, budget.map { "\($0.fiscalYear), \($0.costCenter), \($0.category)" }, field: "category",
            what: "fiscal_year, cost_center, category", zh: "fiscal_year, cost_center, category 组合")
        for (i, b) in budget.enumerated() {
            // A two-digit year (27) made an envelope for year 27 that nothing is ever charged to.
            if !(1900...2999).contains(b.fiscalYear) {
                add(
                    bf, i, "fiscal_year", "\(b.fiscalYear) is not a four-digit year (expected e.g. 2027)",
                    "\(b.fiscalYear) 不是四位数年份 (应如 2027)")
            }
            if b.amount.minor < 0 {
                add(bf, i, "amount", "\(b.amount) is negative (expected an envelope of 0 or more)", "\(b.amount) 为负数 (预算额应为 0 或以上)")
            }
            if !b.category.isEmpty && b.category != "all" && CostCategory(rawValue: b.category) == nil {
                let list = CostCategory.allCases.map(\.rawValue).joined(separator: ", ")
                add(
                    bf, i, "category", "\"\(b.category)\" is not a cost category (expected empty, all, or one of \(list))",
                    "“\(b.category)” 不是费用类别 (应为空、all 或以下之一: \(list))")
            }
        }
    }

    private func validateContracts(_ contracts: [Contract], _ ids: KnownIDs) {
        let kf = Schema.contracts.file
        checkVisible(kf, contracts.map { ($0.id, "") })
        checkUnique(kf, contracts.map(\.id), field: "id", what: "contract id", zh: "合同编号")
        for (i, c) in contracts.enumerated() {
            ref(kf, i, "vendor", c.vendor, ids.vendors, "vendors.csv", "vendor")
            costCenter(kf, i, c.extra["cost_center"], what: "contract \(c.id)")
            if c.value.minor < 0 {
                add(kf, i, "value", "\(c.value) is negative (expected a value of 0 or more)", "\(c.value) 为负数 (合同金额应为 0 或以上)")
            }
            for (name, v) in [
                ("term_months", c.termMonths), ("renewal_months", c.renewalMonths), ("notice_days", c.noticeDays),
                ("warranty_months", c.warrantyMonths),
            ] where v < 0 {
                add(kf, i, name, "\(v) is negative (expected 0 or more)", "\(v) 为负数 (应为 0 或以上)")
            }
            checkStatus(kf, i, c.status, Schema.contractStatuses)
            if !c.file.isEmpty, let reason = PathSafety.reasons(c.file) { add(kf, i, "file", reason.en, reason.zh) }
        }
    }

    /// Each row in range, and each contract's milestones summing to 100 % (reported on its first row).
    private func validatePayments(_ payments: [PaymentMilestone], _ ids: KnownIDs) {
        let mf = Schema.payments.file
        // Per contract: the sum, its first row, its first row with a line of its own, and how many rows
        // have none. An import validates the table with the rows already there (no line: 0) before
        // its own: the sum is reported at the imported file's first row of that contract, saying that
        // rows were there (a helper's pass: `payments.csv:0` for a file appended to a contract).
        var sums: [String: (sum: Double, first: Int, lined: Int?, unlined: Int)] = [:]
        for (i, p) in payments.enumerated() {
            ref(mf, i, "contract", p.contract, ids.contracts, "contracts.csv", "contract")
            if !(p.percent >= 0 && p.percent <= 100) {
                let v = NumberText.format(p.percent)
                add(mf, i, "percent", "\(v) is outside 0…100", "\(v) 超出 0…100")
            }
            checkStatus(mf, i, p.status, Schema.paymentStatuses)
            var c = sums[p.contract] ?? (0, i, nil, 0)
            c.sum += p.percent
            if line(mf, i) > 0 { c.lined = c.lined ?? i } else { c.unlined += 1 }
            sums[p.contract] = c
        }
        for (contract, c) in sums.sorted(by: { $0.value.first < $1.value.first }) where abs(c.sum - 100) > 1e-9 {
            let v = NumberText.format(c.sum)
            let mixed = c.lined != nil && c.unlined > 0
            add(
                mf, c.lined ?? c.first, "percent",
                "the milestones of contract \"\(contract)\" sum to \(v) %, expected 100 %"
                    + (mixed
                        ? " (with the \(c.unlined) already in payments.csv; --replace replaces the milestones of the contracts in the file, and keeps the others')"
                        : ""),
                "合同 “\(contract)” 的付款里程碑合计 \(v) %, 应为 100 %"
                    + (mixed ? " (含 payments.csv 中已有的 \(c.unlined) 个; --replace 替换文件中各合同的付款节点, 其他合同的保留)" : ""))
        }
    }

    private func validateReviews(_ reviews: [ClauseReview], _ ids: KnownIDs) {
        let vwf = Schema.reviews.file
        checkUnique(
            vwf, reviews.map { "\($0.contract), \($0.clause.rawValue)" }, field: "clause", what: "contract, clause pair", zh: "合同与条款组合")
        for (i, r) in reviews.enumerated() {
            ref(vwf, i, "contract", r.contract, ids.contracts, "contracts.csv", "contract")
            if let l = r.line, l < 1 { add(vwf, i, "line", "\(l) is not a line number (expected 1 or more)", "\(l) 不是行号 (应为 1 或以上)") }
        }
    }

    private func validateChanges(_ changes: [ChangeOrder], contracts: [Contract], _ ids: KnownIDs) {
        let hf = Schema.changes.file
        checkUnique(hf, changes.map { "\($0.contract), \($0.id)" }, field: "id", what: "contract, change id pair", zh: "合同与变更单编号组合")
        for (i, c) in changes.enumerated() {
            ref(hf, i, "contract", c.contract, ids.contracts, "contracts.csv", "contract")
            checkStatus(hf, i, c.status, Schema.changeStatuses)
            if let k = contracts.first(where: { $0.id == c.contract }), let p = ChangeOrders.dateProblem(c, contract: k) {
                add(hf, i, "date", p.en, p.zh)
            }
        }
        // A contract's value with its change orders must stay an amount: two deltas each below the
        // largest one summed past it and stopped every budget and delivery figure (a trap, not a message).
        for k in contracts {
            guard let i = ChangeOrders.overflowingChange(of: k, changes: changes) else { continue }
            add(
                hf, i, "price_delta",
                "contract \(k.id)'s value with its change orders up to \(changes[i].id) is too large for an amount (at most \(Money.largestText))",
                "合同 \(k.id) 的金额加上截至 \(changes[i].id) 的变更单金额过大 (金额最大为 \(Money.largestText))")
        }
    }

    private func validateRisks(_ risks: [Risk]) {
        let xf = Schema.risks.file
        checkUnique(xf, risks.map(\.id), field: "id", what: "risk id", zh: "风险编号")
        for (i, r) in risks.enumerated() {
            if !(1...5).contains(r.likelihood) { add(xf, i, "likelihood", "\(r.likelihood) is outside 1–5", "\(r.likelihood) 超出 1–5") }
            if !(1...5).contains(r.impact) { add(xf, i, "impact", "\(r.impact) is outside 1–5", "\(r.impact) 超出 1–5") }
            checkStatus(xf, i, r.status, Schema.riskStatuses)
        }
    }

    /// Each named scenario applied over the workspace.json defaults (unless those are already reported).
    private func validateScenarios(_ scenarios: [NamedScenario], settings: Settings) {
        let nf = Schema.scenarios.file
        checkUnique(nf, scenarios.map(\.name), field: "name", what: "scenario name", zh: "情景名称")
        for (i, n) in scenarios.enumerated() where Scenario.isBaseName(n.name) {
            add(
                nf, i, "name", "\"\(n.name)\" is the base scenario's name (base/基准, from workspace.json): give this row another name",
                "“\(n.name)” 是基准情景的名称 (base/基准, 取自 workspace.json): 请为此行另取名称")
        }
        // workspace.json values that make no scenario are reported by `validateSettings`.
        guard let base = try? Scenario(settings: settings) else { return }
        for (i, n) in scenarios.enumerated() {
            do {
                _ = try base.overriding(
                    name: n.name, years: n.years, users: n.users, growth: n.growth, escalation: n.escalation,
                    discountRate: n.discountRate)
            } catch { add(nf, i, nil, error.message, Self.scenarioProblemZH(n, base: base, english: error.message)) }
        }
    }

    /// `ahp/<parent>.csv`: the parent and the column names must be criteria, the matrix square with
    /// a diagonal of 1 and reciprocal judgements.
    private func validateAHP(_ ahp: [String: PairwiseMatrix], criteria: [Criterion], _ ids: KnownIDs) {
        let critNames = Set(criteria.map(\.name))
        for parent in ahp.keys.sorted() {
            let af = Schema.ahpFile(parent: parent)
            let m = ahp[parent]!
            if !parent.isEmpty, let reason = PathSafety.fileNameProblem(parent) {
                log.add(af, 0, nil, "parent criterion id \(reason.en)", zh: "上级准则编号\(reason.zh)")
            }
            if !parent.isEmpty && missing(ids.criteria, "criteria.csv", parent) {
                log.add(af, 0, nil, "\"\(parent)\" is not a criterion id in criteria.csv", zh: "“\(parent)” 不是 criteria.csv 中的准则编号")
            }
            for (j, n) in m.names.enumerated() where missing(ids.criteria, "criteria.csv", n) && !critNames.contains(n) {
                log.add(
                    af, 1, nil, "column \(j + 2) \"\(n)\" is not a criterion id or name in criteria.csv",
                    zh: "第 \(j + 2) 列 “\(n)” 不是 criteria.csv 中的准则编号或名称")
            }
            let n = m.names.count
            guard m.values.count == n, m.values.allSatisfy({ $0.count == n }) else {
                log.add(
                    af, 0, nil, "the matrix is not square: \(n) names, \(m.values.count) rows",
                    zh: "矩阵不是方阵: \(n) 个名称, \(m.values.count) 行")
                continue
            }
            checkAHPJudgements(af, m)
        }
    }

    /// The diagonal is 1 and each judgement is the reciprocal of its mirror (1 % tolerance).
    private func checkAHPJudgements(_ af: String, _ m: PairwiseMatrix) {
        let n = m.names.count
        for i in 0..<n {
            if m.values[i][i] != 1 {
                let v = NumberText.formatRatio(m.values[i][i])
                log.add(af, i + 2, m.names[i], "the diagonal must be 1, found \(v)", zh: "对角线必须为 1, 实际为 \(v)")
            }
            for j in 0..<n where i < j {
                let a = m.values[i][j]
                let b = m.values[j][i]
                let (ta, tb) = (NumberText.formatRatio(a), NumberText.formatRatio(b))
                if !(a > 0 && b > 0) {
                    log.add(
                        af, i + 2, m.names[j], "judgements must be positive (found \(ta) and \(tb))", zh: "判断值必须为正数 (实际为 \(ta) 和 \(tb))"
                    )
                } else if abs(a * b - 1) > 0.01 {
                    let (x, y, expected) = (m.names[i], m.names[j], NumberText.formatRatio(1 / a))
                    log.add(
                        af, j + 2, x, "not reciprocal: \(x) vs \(y) is \(ta) but \(y) vs \(x) is \(tb) (expected \(expected))",
                        zh: "不互为倒数: \(x) 对 \(y) 为 \(ta), 而 \(y) 对 \(x) 为 \(tb) (应为 \(expected))")
                }
            }
        }
    }

    /// Why `Scenario.overriding` refused row `n` of scenarios.csv, in Chinese (Core says it in English
    /// only). Core is asked again with one value of the row at a time, so the rules stay in Core.
    static func scenarioProblemZH(_ n: NamedScenario, base: Scenario, english: String) -> String {
        let name = n.name.trimmed.isEmpty ? base.name : n.name.trimmed
        // The defaults from workspace.json alone are out of range: no value of the row is at fault.
        if (try? base.overriding(name: n.name)) == nil {
            return "情景 “\(name)”: 沿用的 workspace.json 默认值无效 (请检查 horizon_years, users, user_growth, escalation, discount_rate)"
        }
        let rate = "应为大于 -1 的小数, 如 0.1 或 10%"
        let values: [(WritableKeyPath<NamedScenario, String>, String, String)] = [
            (\.years, "years", "应为 1…\(Scenario.maximumYears) 的整数"), (\.users, "users", "应为 0 或以上的整数"),
            (\.growth, "growth", rate), (\.escalation, "escalation", rate), (\.discountRate, "discount_rate", rate),
        ]
        for (path, key, expected) in values where !n[keyPath: path].trimmed.isEmpty {
            var one = NamedScenario(name: n.name)
            one[keyPath: path] = n[keyPath: path]
            if (try? base.overriding(
                name: one.name, years: one.years, users: one.users, growth: one.growth,
                escalation: one.escalation, discountRate: one.discountRate)) == nil
            {
                return "情景 “\(name)”: \(key) 的值 “\(n[keyPath: path].trimmed)” 无效 (\(expected))"
            }
        }
        return "情景 “\(name)” 无效: \(english)"
    }

    private func validateSettings(_ s: Settings) {
        let f = SettingsFile.file
        func bad(_ key: String, _ message: String, _ zh: String) { log.add(f, settingsLine(key), key, message, zh: zh) }
        if s.schema > 1 {
            bad(
                "schema", "\(s.schema) is newer than this Bidbench understands (schema 1); upgrade Bidbench",
                "\(s.schema) 比这个版本的 Bidbench 所支持的更新 (schema 1); 请升级 Bidbench")
        }
        if s.schema < 1 { bad("schema", "\(s.schema) is not a schema version (expected 1)", "\(s.schema) 不是有效的 schema 版本 (应为 1)") }
        func oneOf(_ key: String, _ v: String, _ allowed: [String]) {
            let list = allowed.joined(separator: ", ")
            if !allowed.contains(v) { bad(key, "\"\(v)\" is not one of \(list)", "“\(v)” 不是可选值之一: \(list)") }
        }
        oneOf("language", s.language, ["zh", "en"])
        func known<T>(_ key: String, _ v: Coded<T>) { if v.value == nil { oneOf(key, v.rawValue, Coded<T>.allowed) } }
        known("method", s.method)
        known("aggregate", s.aggregate)
        known("procurement_kind", s.procurementKind)
        let mmdd = s.fiscalYearStart.split(separator: "-", omittingEmptySubsequences: false)
        if mmdd.count != 2 || mmdd[0].count != 2 || mmdd[1].count != 2 || Day(iso: "2000-\(s.fiscalYearStart)") == nil {
            bad(
                "fiscal_year_start", "\"\(s.fiscalYearStart)\" is not a month-day (expected MM-DD, e.g. 04-01)",
                "“\(s.fiscalYearStart)” 不是月-日 (应为 MM-DD, 如 04-01)")
        }
        let num = NumberText.format
        if !(s.scale > 0) { bad("scale", "\(num(s.scale)) must be above 0 (e.g. 10 or 100)", "\(num(s.scale)) 必须大于 0 (如 10 或 100)") }
        if s.horizonYears < 1 { bad("horizon_years", "\(s.horizonYears) must be 1 or more", "\(s.horizonYears) 必须为 1 或以上") }
        if s.users < 0 { bad("users", "\(s.users) is negative", "\(s.users) 为负数") }
        if !(0...100).contains(s.smeDeductionPercent) {
            bad("sme_deduction_percent", "\(num(s.smeDeductionPercent)) is outside 0…100", "\(num(s.smeDeductionPercent)) 超出 0…100")
        }
        if s.discountRate <= -1 { bad("discount_rate", "\(num(s.discountRate)) must be above -1", "\(num(s.discountRate)) 必须大于 -1") }
        if !(s.budgetWarn > 0) { bad("budget_warn", "\(num(s.budgetWarn)) must be above 0", "\(num(s.budgetWarn)) 必须大于 0") }
        if !(s.budgetStop >= s.budgetWarn) {
            bad(
                "budget_stop", "\(num(s.budgetStop)) is below budget_warn \(num(s.budgetWarn))",
                "\(num(s.budgetStop)) 低于 budget_warn \(num(s.budgetWarn))")
        }
    }
}

/// Keeps contract paths inside the workspace.
/// Checks of names that become file names (`scores/<evaluator>.csv`), for the command line to use
/// at start (`--as NAME`) with the same rule a save applies.
public enum EvaluatorName {
    /// Why `name` cannot be an evaluator (English, Chinese — each follows "evaluator name"), or nil.
    public static func problem(_ name: String) -> (en: String, zh: String)? { PathSafety.fileNameProblem(name) }
}

enum PathSafety {
    /// Why a relative path from a workspace file is refused, or nil when it stays inside the folder.
    static func problem(_ path: String) -> String? { reasons(path)?.en }

    /// `problem` in English and in Chinese.
    static func reasons(_ path: String) -> (en: String, zh: String)? {
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\\") || path.contains("\0") {
            return (
                "\"\(path)\" is not a path inside the workspace (expected a relative path such as contracts/a.md)",
                "“\(path)” 不是工作区内的路径 (应为相对路径, 如 contracts/a.md)"
            )
        }
        var depth = 0
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." {
                depth -= 1
                if depth < 0 { return ("\"\(path)\" points outside the workspace folder; refused", "“\(path)” 指向工作区文件夹之外; 已拒绝") }
            } else if part != "." {
                depth += 1
            }
        }
        if depth == 0 { return ("\"\(path)\" is not a file path", "“\(path)” 不是文件路径") }
        if path.split(separator: "/").first == ".bidbench" {
            return ("\"\(path)\" is inside .bidbench, which holds Bidbench's own files", "“\(path)” 位于 .bidbench 中, 那里存放 Bidbench 自己的文件")
        }
        return nil
    }

    static let maxFileNameBytes = 180

    /// Why a name cannot be a file name (`scores/<evaluator>.csv`, `ahp/<parent>.csv`), or nil.
    /// Both texts follow a noun ("evaluator name …", "评委姓名…").
    static func fileNameProblem(_ name: String) -> (en: String, zh: String)? {
        if name.isEmpty { return ("is empty", "为空") }
        if let c = TextTools.firstInvisible(name) {
            return (
                "\"\(TextTools.visible(name))\" contains the invisible or direction-control character \(c); names must look like what they are",
                " “\(TextTools.visible(name))” 含有不可见或方向控制字符 \(c); 名称必须与看到的一致"
            )
        }
        // The sheet and its temp file (.NAME.csv.tmp-…, about 40 bytes more) must fit a file name (255 bytes).
        if name.utf8.count > maxFileNameBytes {
            return (
                "is \(name.utf8.count) bytes long in UTF-8; at most \(maxFileNameBytes) bytes (about 60 Chinese characters) fit a file name",
                "长 \(name.utf8.count) 字节 (UTF-8); 文件名最多容纳 \(maxFileNameBytes) 字节 (约 60 个汉字)"
            )
        }
        if name.hasPrefix(".") || name.contains("/") || name.contains("\\") || name.unicodeScalars.contains(where: TextTools.isControl) {
            return (
                "\"\(TextTools.visible(name))\" cannot be a file name (no leading dot, slash, backslash or control characters)",
                " “\(TextTools.visible(name))” 不能用作文件名 (不能以点开头, 不能含斜杠、反斜杠或控制字符)"
            )
        }
        // " 张伟" and "张伟" would be two sheets of one person that look alike in every list.
        if name.first?.isWhitespace == true || name.last?.isWhitespace == true {
            return (
                "\"\(name)\" begins or ends with a space; names are compared as typed, so write it without",
                " “\(name)” 以空格开头或结尾; 名称按原样比较, 请去掉空格"
            )
        }
        return nil
    }
}
