import BidbenchCore

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

    private func missing(_ ids: Set<String>, _ file: String, _ value: String) -> Bool {
        !unparsed.contains(file) && !ids.contains(value)
    }

    /// Reports a reference from row `i` of `file` to an id that `target` does not hold.
    private func ref(_ file: String, _ i: Int, _ field: String, _ value: String, _ ids: Set<String>, _ target: String, _ what: String) {
        guard missing(ids, target, value) else { return }
        add(file, i, field, value.isEmpty ? "is empty; expected a \(what) id from \(target)" : "\"\(value)\" is not a \(what) id in \(target)")
    }

    private func line(_ file: String, _ i: Int) -> Int {
        guard let l = lines[file], i < l.count else { return 0 }
        return l[i]
    }
    private func add(_ file: String, _ i: Int, _ field: String?, _ message: String) { log.add(file, line(file, i), field, message) }

    /// Reports a key seen before, naming the line of the first occurrence.
    private func checkUnique(_ file: String, _ keys: [String], field: String, what: String) {
        // Files are normally saved sorted by key: strictly increasing keys are unique without hashing.
        if zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) { return }
        var first: [String: Int] = [:]
        first.reserveCapacity(keys.count)
        for (i, k) in keys.enumerated() {
            if let j = first[k] { add(file, i, field, "duplicate \(what) \"\(k)\" (first on line \(line(file, j)))") }
            else { first[k] = i }
        }
    }

    private func checkStatus(_ file: String, _ i: Int, _ value: String, _ allowed: [String]) {
        if !allowed.contains(value) { add(file, i, "status", "\"\(value)\" is not one of \(allowed.joined(separator: ", "))") }
    }

    func validate(_ w: Workspace) {
        validateSettings(w.settings)
        let s = Schema.self
        let deptIDs = Set(w.departments.map(\.id)), reqIDs = Set(w.requirements.map(\.id)), critIDs = Set(w.criteria.map(\.id))
        let vendorIDs = Set(w.vendors.map(\.id)), contractIDs = Set(w.contracts.map(\.id))

        let df = s.departments.file
        checkUnique(df, w.departments.map(\.id), field: "id", what: "department id")
        for (i, d) in w.departments.enumerated() where d.headCount < 0 {
            add(df, i, "head_count", "\(d.headCount) is negative (expected 0 or more people)")
        }

        let rf = s.requirements.file
        checkUnique(rf, w.requirements.map(\.id), field: "id", what: "requirement id")
        for (i, r) in w.requirements.enumerated() {
            ref(rf, i, "department", r.department, deptIDs, "departments.csv", "department")
            if r.weight < 0 { add(rf, i, "weight", "\(NumberText.format(r.weight)) is negative (expected a weight of 0 or more)") }
            if !r.criterion.isEmpty && missing(critIDs, "criteria.csv", r.criterion) {
                add(rf, i, "criterion", "\"\(r.criterion)\" is not a criterion id in criteria.csv")
            }
        }

        let cf = s.criteria.file
        checkUnique(cf, w.criteria.map(\.id), field: "id", what: "criterion id")
        let parentOf = Dictionary(w.criteria.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
        for (i, c) in w.criteria.enumerated() {
            if c.weight < 0 { add(cf, i, "weight", "\(NumberText.format(c.weight)) is negative (expected a weight of 0 or more)") }
            guard !c.parent.isEmpty else { continue }
            if missing(critIDs, "criteria.csv", c.parent) { add(cf, i, "parent", "\"\(c.parent)\" is not a criterion id in criteria.csv"); continue }
            var seen: Set<String> = [c.id]
            var p = c.parent
            while !p.isEmpty {
                if !seen.insert(p).inserted { add(cf, i, "parent", "criterion \"\(c.id)\" is its own ancestor (a cycle of parents)"); break }
                p = parentOf[p] ?? ""
            }
        }

        let vf = s.vendors.file
        checkUnique(vf, w.vendors.map(\.id), field: "id", what: "vendor id")
        for (i, v) in w.vendors.enumerated() {
            if let b = v.bidPrice, b.minor < 0 { add(vf, i, "bid_price", "\(b) is negative (expected a price of 0 or more)") }
        }

        let gf = s.gates.file
        checkUnique(gf, w.gates.map { "\($0.vendor), \($0.requirement)" }, field: "requirement", what: "vendor, requirement pair")
        for (i, g) in w.gates.enumerated() {
            ref(gf, i, "vendor", g.vendor, vendorIDs, "vendors.csv", "vendor")
            ref(gf, i, "requirement", g.requirement, reqIDs, "requirements.csv", "requirement")
        }

        let pf = s.prices.file
        for (i, p) in w.prices.enumerated() {
            ref(pf, i, "vendor", p.vendor, vendorIDs, "vendors.csv", "vendor")
            if p.unitPrice.minor < 0 { add(pf, i, "unit_price", "\(p.unitPrice) is negative (expected a price of 0 or more)") }
            if p.quantity < 0 { add(pf, i, "quantity", "\(p.quantity) is negative (expected 0 or more)") }
            if let y = p.startYear, y < 1 { add(pf, i, "start_year", "\(y) is not a horizon year (expected 1 or more)") }
            if let y = p.years, y < 1 { add(pf, i, "years", "\(y) is not a number of years (expected 1 or more)") }
        }

        let scale = w.settings.scale
        for evaluator in w.scores.keys.sorted() {
            let sf = s.scoresFile(evaluator: evaluator)
            if let reason = PathSafety.fileNameProblem(evaluator) { log.add(sf, 0, nil, "evaluator name \(reason)") }
            let list = w.scores[evaluator] ?? []
            checkUnique(sf, list.map { "\($0.vendor), \($0.criterion)" }, field: "criterion", what: "vendor, criterion pair")
            for (i, sc) in list.enumerated() {
                ref(sf, i, "vendor", sc.vendor, vendorIDs, "vendors.csv", "vendor")
                ref(sf, i, "criterion", sc.criterion, critIDs, "criteria.csv", "criterion")
                if !(sc.score >= 0 && sc.score <= scale) {
                    add(sf, i, "score", "\(NumberText.format(sc.score)) is outside the scale 0…\(NumberText.format(scale))")
                }
            }
        }

        let bf = s.budget.file
        checkUnique(bf, w.budget.map { "\($0.fiscalYear), \($0.costCenter), \($0.category)" }, field: "category",
                    what: "fiscal_year, cost_center, category")
        for (i, b) in w.budget.enumerated() {
            if b.amount.minor < 0 { add(bf, i, "amount", "\(b.amount) is negative (expected an envelope of 0 or more)") }
            if !b.category.isEmpty && b.category != "all" && CostCategory(rawValue: b.category) == nil {
                add(bf, i, "category", "\"\(b.category)\" is not a cost category (expected empty, all, or one of \(CostCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }

        let kf = s.contracts.file
        checkUnique(kf, w.contracts.map(\.id), field: "id", what: "contract id")
        for (i, c) in w.contracts.enumerated() {
            ref(kf, i, "vendor", c.vendor, vendorIDs, "vendors.csv", "vendor")
            if c.value.minor < 0 { add(kf, i, "value", "\(c.value) is negative (expected a value of 0 or more)") }
            for (name, v) in [("term_months", c.termMonths), ("renewal_months", c.renewalMonths), ("notice_days", c.noticeDays),
                              ("warranty_months", c.warrantyMonths)] where v < 0 {
                add(kf, i, name, "\(v) is negative (expected 0 or more)")
            }
            checkStatus(kf, i, c.status, Schema.contractStatuses)
            if !c.file.isEmpty, let reason = PathSafety.problem(c.file) { add(kf, i, "file", reason) }
        }

        let mf = s.payments.file
        var sums: [String: (Double, Int)] = [:]
        for (i, p) in w.payments.enumerated() {
            ref(mf, i, "contract", p.contract, contractIDs, "contracts.csv", "contract")
            if !(p.percent >= 0 && p.percent <= 100) { add(mf, i, "percent", "\(NumberText.format(p.percent)) is outside 0…100") }
            checkStatus(mf, i, p.status, Schema.paymentStatuses)
            let (sum, first) = sums[p.contract] ?? (0, i)
            sums[p.contract] = (sum + p.percent, first)
        }
        for (contract, (sum, first)) in sums.sorted(by: { $0.value.1 < $1.value.1 }) where abs(sum - 100) > 1e-9 {
            add(mf, first, "percent", "the milestones of contract \"\(contract)\" sum to \(NumberText.format(sum)) %, expected 100 %")
        }

        let vwf = s.reviews.file
        checkUnique(vwf, w.reviews.map { "\($0.contract), \($0.clause.rawValue)" }, field: "clause", what: "contract, clause pair")
        for (i, r) in w.reviews.enumerated() {
            ref(vwf, i, "contract", r.contract, contractIDs, "contracts.csv", "contract")
            if let l = r.line, l < 1 { add(vwf, i, "line", "\(l) is not a line number (expected 1 or more)") }
        }

        let hf = s.changes.file
        checkUnique(hf, w.changes.map { "\($0.contract), \($0.id)" }, field: "id", what: "contract, change id pair")
        for (i, c) in w.changes.enumerated() {
            ref(hf, i, "contract", c.contract, contractIDs, "contracts.csv", "contract")
            checkStatus(hf, i, c.status, Schema.changeStatuses)
        }

        let xf = s.risks.file
        checkUnique(xf, w.risks.map(\.id), field: "id", what: "risk id")
        for (i, r) in w.risks.enumerated() {
            if !(1...5).contains(r.likelihood) { add(xf, i, "likelihood", "\(r.likelihood) is outside 1–5") }
            if !(1...5).contains(r.impact) { add(xf, i, "impact", "\(r.impact) is outside 1–5") }
            checkStatus(xf, i, r.status, Schema.riskStatuses)
        }

        let nf = s.scenarios.file
        checkUnique(nf, w.scenarios.map(\.name), field: "name", what: "scenario name")
        if let base = try? Scenario(settings: w.settings) {
            for (i, n) in w.scenarios.enumerated() {
                do { _ = try base.overriding(name: n.name, years: n.years, users: n.users, growth: n.growth, escalation: n.escalation, discountRate: n.discountRate) }
                catch { add(nf, i, nil, error.message) }
            }
        }

        let critNames = Set(w.criteria.map(\.name))
        for parent in w.ahp.keys.sorted() {
            let af = Schema.ahpFile(parent: parent)
            let m = w.ahp[parent]!
            if !parent.isEmpty, let reason = PathSafety.fileNameProblem(parent) { log.add(af, 0, nil, "parent criterion id \(reason)") }
            if !parent.isEmpty && missing(critIDs, "criteria.csv", parent) { log.add(af, 0, nil, "\"\(parent)\" is not a criterion id in criteria.csv") }
            for (j, n) in m.names.enumerated() where missing(critIDs, "criteria.csv", n) && !critNames.contains(n) {
                log.add(af, 1, nil, "column \(j + 2) \"\(n)\" is not a criterion id or name in criteria.csv")
            }
            let n = m.names.count
            guard m.values.count == n, m.values.allSatisfy({ $0.count == n }) else {
                log.add(af, 0, nil, "the matrix is not square: \(n) names, \(m.values.count) rows"); continue
            }
            for i in 0..<n {
                if m.values[i][i] != 1 { log.add(af, i + 2, m.names[i], "the diagonal must be 1, found \(NumberText.formatRatio(m.values[i][i]))") }
                for j in 0..<n where i < j {
                    let a = m.values[i][j], b = m.values[j][i]
                    if !(a > 0 && b > 0) {
                        log.add(af, i + 2, m.names[j], "judgements must be positive (found \(NumberText.formatRatio(a)) and \(NumberText.formatRatio(b)))")
                    } else if abs(a * b - 1) > 0.01 {
                        log.add(af, j + 2, m.names[i],
                                "not reciprocal: \(m.names[i]) vs \(m.names[j]) is \(NumberText.formatRatio(a)) but \(m.names[j]) vs \(m.names[i]) is \(NumberText.formatRatio(b)) (expected \(NumberText.formatRatio(1 / a)))")
                    }
                }
            }
        }
    }

    private func validateSettings(_ s: Settings) {
        let f = SettingsFile.file
        func bad(_ key: String, _ message: String) { log.add(f, settingsLine(key), key, message) }
        if s.schema > 1 { bad("schema", "\(s.schema) is newer than this Bidbench understands (schema 1); upgrade Bidbench") }
        if s.schema < 1 { bad("schema", "\(s.schema) is not a schema version (expected 1)") }
        func oneOf(_ key: String, _ v: String, _ allowed: [String]) {
            if !allowed.contains(v) { bad(key, "\"\(v)\" is not one of \(allowed.joined(separator: ", "))") }
        }
        oneOf("language", s.language, ["zh", "en"])
        oneOf("method", s.method, ["wsm", "topsis", "cn"])
        oneOf("aggregate", s.aggregate, ["mean", "median"])
        oneOf("procurement_kind", s.procurementKind, ["goods", "services"])
        let mmdd = s.fiscalYearStart.split(separator: "-", omittingEmptySubsequences: false)
        if mmdd.count != 2 || mmdd[0].count != 2 || mmdd[1].count != 2 || Day(iso: "2000-\(s.fiscalYearStart)") == nil {
            bad("fiscal_year_start", "\"\(s.fiscalYearStart)\" is not a month-day (expected MM-DD, e.g. 04-01)")
        }
        if !(s.scale > 0) { bad("scale", "\(NumberText.format(s.scale)) must be above 0 (e.g. 10 or 100)") }
        if s.horizonYears < 1 { bad("horizon_years", "\(s.horizonYears) must be 1 or more") }
        if s.users < 0 { bad("users", "\(s.users) is negative") }
        if !(0...100).contains(s.smeDeductionPercent) { bad("sme_deduction_percent", "\(NumberText.format(s.smeDeductionPercent)) is outside 0…100") }
        if s.discountRate <= -1 { bad("discount_rate", "\(NumberText.format(s.discountRate)) must be above -1") }
        if !(s.budgetWarn > 0) { bad("budget_warn", "\(NumberText.format(s.budgetWarn)) must be above 0") }
        if !(s.budgetStop >= s.budgetWarn) {
            bad("budget_stop", "\(NumberText.format(s.budgetStop)) is below budget_warn \(NumberText.format(s.budgetWarn))")
        }
    }
}

/// Keeps contract paths inside the workspace.
enum PathSafety {
    /// Why a relative path from a workspace file is refused, or nil when it stays inside the folder.
    static func problem(_ path: String) -> String? {
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\\") || path.contains("\0") {
            return "\"\(path)\" is not a path inside the workspace (expected a relative path such as contracts/a.md)"
        }
        var depth = 0
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." { depth -= 1; if depth < 0 { return "\"\(path)\" points outside the workspace folder; refused" } }
            else if part != "." { depth += 1 }
        }
        if depth == 0 { return "\"\(path)\" is not a file path" }
        if path.split(separator: "/").first == ".bidbench" { return "\"\(path)\" is inside .bidbench, which holds Bidbench's own files" }
        return nil
    }

    /// Why a name cannot be a file name (`scores/<evaluator>.csv`, `ahp/<parent>.csv`), or nil.
    static func fileNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.hasPrefix(".") || name.contains("/") || name.contains("\\") || name.unicodeScalars.contains(where: TextTools.isControl) {
            return "\"\(name)\" cannot be a file name (no leading dot, slash, backslash or control characters)"
        }
        return nil
    }
}
