import BidbenchCore

/// The delivery tables' cross-row rules: references, ranges, dates in order, dependency cycles.
extension Validator {
    private func at(_ file: String, _ i: Int) -> Int {
        guard let l = lines[file], i < l.count else { return 0 }
        return l[i]
    }
    private func put(_ file: String, _ i: Int, _ field: String?, _ en: String, _ zh: String) {
        log.add(file, at(file, i), field, en, zh: zh)
    }

    private func refer(_ file: String, _ i: Int, _ field: String, _ value: String, _ ids: Set<String>, _ target: String, _ zh: String) {
        guard !unparsed.contains(target), !ids.contains(value) else { return }
        put(file, i, field, "\"\(value)\" is not a \(field) id in \(target)", "“\(value)” 不是 \(target) 中的\(zh)编号")
    }

    private func unique(_ file: String, _ keys: [String], _ field: String, _ what: String, _ zh: String) {
        var first: [String: Int] = [:]
        for (i, k) in keys.enumerated() {
            if let j = first[k] {
                put(
                    file, i, field, "duplicate \(what) \"\(k)\" (first on line \(at(file, j)))", "\(zh) “\(k)” 重复 (首次出现在第 \(at(file, j)) 行)"
                )
            } else {
                first[k] = i
            }
        }
    }

    private func known<C: OpenChoice>(_ file: String, _ i: Int, _ field: String, _ v: C) {
        guard let t = v.otherText else { return }
        let list = C.ids.filter { !$0.isEmpty }.joined(separator: ", ")
        put(file, i, field, "\"\(t)\" is not one of \(list)", "“\(t)” 不是可选值之一: \(list)")
    }

    private func order(_ file: String, _ i: Int, _ field: String, _ start: Day?, _ end: Day?, _ startField: String) {
        guard let s = start, let e = end, e < s else { return }
        put(file, i, field, "\(e) is before \(startField) \(s)", "\(e) 早于 \(startField) \(s)")
    }

    private func range(_ file: String, _ i: Int, _ field: String, _ v: Double, _ lo: Double, _ hi: Double) {
        guard !(v >= lo && v <= hi) else { return }
        let (x, a, b) = (NumberText.format(v), NumberText.format(lo), NumberText.format(hi))
        put(file, i, field, "\(x) is outside \(a)–\(b)", "\(x) 超出 \(a)–\(b)")
    }

    /// The delivery tables, one validator each, in the order the problems are listed.
    func validateDelivery(_ w: Workspace) {
        let d = w.delivery
        let contractIDs = Set(w.contracts.map(\.id))
        validateTasks(d.tasks, contractIDs)
        validateAcceptance(d.acceptance, contractIDs, requirements: Set(w.requirements.map(\.id)))
        validateTraining(d.training, contractIDs)
        validateTrainingResults(d.trainingResults, sessions: Set(d.training.map(\.id)))
        validateTickets(d.tickets, contractIDs)
        validateSLA(d.sla, contractIDs)
        validateVendorReviews(d.vendorReviews, vendors: Set(w.vendors.map(\.id)))
        validateHandover(d.handover, contractIDs)
        validateAvailability(d.availability, contractIDs)
        validateSatisfaction(d.satisfaction, vendors: Set(w.vendors.map(\.id)), departments: Set(w.departments.map(\.id)))
        validateAvailabilityTargets(w.contracts)
    }

    /// Tasks: references, dates in order, dependencies within the contract and without a cycle.
    private func validateTasks(_ tasks: [DeliveryTask], _ contractIDs: Set<String>) {
        let tf = Schema.tasks.file
        unique(tf, tasks.map { "\($0.contract), \($0.id)" }, "id", "contract, task id pair", "合同与任务编号组合")
        for (i, t) in tasks.enumerated() {
            refer(tf, i, "contract", t.contract, contractIDs, "contracts.csv", "合同")
            if let sep = DeliveryPlan.separator(in: t.id) {
                put(
                    tf, i, "id", "\"\(t.id)\" holds \"\(sep)\", which separates the ids of depends_on: no task could name it",
                    "“\(t.id)” 含 “\(sep)”, 它用于分隔前置任务编号: 任何任务都无法引用它")
            }
            known(tf, i, "status", t.status)
            order(tf, i, "planned_end", t.plannedStart, t.plannedEnd, "planned_start")
            order(tf, i, "actual_end", t.actualStart, t.actualEnd, "actual_start")
            let same = Set(tasks.filter { $0.contract == t.contract }.map(\.id))
            for dep in t.dependsOn where !same.contains(dep) {
                put(tf, i, "depends_on", "\"\(dep)\" is not a task of contract \(t.contract)", "“\(dep)” 不是合同 \(t.contract) 的任务")
            }
        }
        for c in Set(tasks.map(\.contract)).sorted() {
            let mine = tasks.enumerated().filter { $0.element.contract == c }
            guard let cycle = DeliveryPlan.cycle(in: mine.map(\.element)) else { continue }
            // Named on a row of the cycle that has a line: on import the rows already in tasks.csv
            // have none (line 0), and the cycle is closed by an imported row.
            let rows = mine.filter { cycle.contains($0.element.id) }.map(\.offset)
            guard let i = rows.first(where: { at(tf, $0) > 0 }) ?? rows.first else { continue }
            let path = cycle.joined(separator: " → ")
            put(tf, i, "depends_on", "dependencies form a cycle: \(path)", "依赖关系成环: \(path)")
        }
    }

    private func validateAcceptance(_ acceptance: [AcceptanceTest], _ contractIDs: Set<String>, requirements: Set<String>) {
        let af = Schema.acceptance.file
        unique(af, acceptance.map { "\($0.contract), \($0.id)" }, "id", "contract, test id pair", "合同与测试编号组合")
        for (i, t) in acceptance.enumerated() {
            refer(af, i, "contract", t.contract, contractIDs, "contracts.csv", "合同")
            known(af, i, "result", t.result)
            if t.requirements.isEmpty {
                put(af, i, "requirements", "is empty; name the requirement(s) the test proves", "为空; 请填写该测试所验证的需求")
            }
            for r in t.requirements where !unparsed.contains("requirements.csv") && !requirements.contains(r) {
                put(af, i, "requirements", "\"\(r)\" is not a requirement id in requirements.csv", "“\(r)” 不是 requirements.csv 中的需求编号")
            }
            if t.attempts < 1 {
                put(af, i, "attempts", "\(t.attempts) is not a number of runs (expected 1 or more)", "\(t.attempts) 不是测试次数 (应为 1 或以上)")
            }
        }
    }

    private func validateTraining(_ training: [TrainingSession], _ contractIDs: Set<String>) {
        let sf = Schema.training.file
        unique(sf, training.map(\.id), "id", "training session id", "培训场次编号")
        for (i, s) in training.enumerated() {
            refer(sf, i, "contract", s.contract, contractIDs, "contracts.csv", "合同")
            known(sf, i, "mode", s.mode)
            if s.planned < 0 { put(sf, i, "planned", "\(s.planned) is negative", "\(s.planned) 为负数") }
            if s.present < 0 { put(sf, i, "present", "\(s.present) is negative", "\(s.present) 为负数") }
            range(sf, i, "pass_target", s.passTarget, 0, 1)
        }
    }

    private func validateTrainingResults(_ results: [TrainingResult], sessions: Set<String>) {
        let rf = Schema.trainingResults.file
        unique(rf, results.map { "\($0.session), \($0.person)" }, "person", "session, person pair", "场次与人员组合")
        for (i, r) in results.enumerated() {
            refer(rf, i, "session", r.session, sessions, "training.csv", "培训场次")
            if let s = r.score { range(rf, i, "score", s, 0, 100) }
        }
    }

    private func validateTickets(_ tickets: [SupportTicket], _ contractIDs: Set<String>) {
        let kf = Schema.tickets.file
        unique(kf, tickets.map { "\($0.contract), \($0.id)" }, "id", "contract, ticket id pair", "合同与工单编号组合")
        for (i, t) in tickets.enumerated() {
            refer(kf, i, "contract", t.contract, contractIDs, "contracts.csv", "合同")
            range(kf, i, "severity", Double(t.severity), 1, 4)
            for (field, m) in [("first_response", t.firstResponse), ("resolved", t.resolved)] {
                if let m, m < t.opened {
                    put(kf, i, field, "\(m) is before the ticket was opened (\(t.opened))", "\(m) 早于工单创建时间 (\(t.opened))")
                }
            }
        }
    }

    private func validateSLA(_ sla: [SLATerm], _ contractIDs: Set<String>) {
        let lf = Schema.sla.file
        unique(lf, sla.map { "\($0.contract), \($0.severity)" }, "severity", "contract, severity pair", "合同与故障级别组合")
        for (i, s) in sla.enumerated() {
            refer(lf, i, "contract", s.contract, contractIDs, "contracts.csv", "合同")
            range(lf, i, "severity", Double(s.severity), 1, 4)
            for (field, h) in [("response_hours", s.responseHours), ("resolution_hours", s.resolutionHours)] {
                if let h, !(h > 0) {
                    put(lf, i, field, "\(NumberText.format(h)) is not a number of hours above 0", "\(NumberText.format(h)) 不是大于 0 的小时数")
                }
            }
            if let p = s.penaltyPerBreach, p.minor < 0 { put(lf, i, "penalty_per_breach", "\(p) is negative", "\(p) 为负数") }
        }
    }

    /// Reviews: percentages and satisfaction in range, and a typed score that matches the formula.
    private func validateVendorReviews(_ reviews: [VendorReview], vendors: Set<String>) {
        let vf = Schema.vendorReviews.file
        unique(vf, reviews.map { "\($0.vendor), \($0.period)" }, "period", "vendor, period pair", "供应商与期间组合")
        for (i, r) in reviews.enumerated() {
            refer(vf, i, "vendor", r.vendor, vendors, "vendors.csv", "供应商")
            for (field, v) in [
                ("on_time_pct", r.onTimePct), ("acceptance_first_pass_pct", r.acceptanceFirstPassPct), ("sla_pct", r.slaPct),
                ("training_pass_pct", r.trainingPassPct),
            ] {
                range(vf, i, field, v, 0, 100)
            }
            range(vf, i, "satisfaction", r.satisfaction, 1, 5)
            let computed = VendorScorecard.score(r)
            if let s = r.score, abs(s - computed) > 0.05 {
                let (a, b) = (NumberText.format(s), NumberText.format(computed))
                put(
                    vf, i, "score", "\(a) is not the formula's score \(b) (leave the cell empty and Bidbench fills it in)",
                    "\(a) 与公式得分 \(b) 不一致 (留空即可, Bidbench 会自动计算)")
            }
        }
    }

    private func validateHandover(_ handover: [HandoverItem], _ contractIDs: Set<String>) {
        let hf = Schema.handover.file
        unique(hf, handover.map { "\($0.contract), \($0.item)" }, "item", "contract, item pair", "合同与事项组合")
        for (i, h) in handover.enumerated() {
            refer(hf, i, "contract", h.contract, contractIDs, "contracts.csv", "合同")
            known(hf, i, "status", h.status)
        }
    }

    /// The departments' survey answers: a known vendor and department, a score 1–5, one answer per
    /// department and period (a typo'd department would be averaged into the review unseen).
    private func validateSatisfaction(_ survey: [DepartmentSatisfaction], vendors: Set<String>, departments: Set<String>) {
        let sf = Schema.satisfaction.file
        unique(
            sf, survey.map { "\($0.vendor), \($0.period), \($0.department)" }, "department", "vendor, period, department triple",
            "供应商、期间与部门组合")
        for (i, a) in survey.enumerated() {
            refer(sf, i, "vendor", a.vendor, vendors, "vendors.csv", "供应商")
            refer(sf, i, "department", a.department, departments, "departments.csv", "部门")
            range(sf, i, "score", a.score, 1, 5)
        }
    }

    /// Monthly availability: one row per contract and month, percent and downtime consistent.
    private func validateAvailability(_ availability: [AvailabilityRecord], _ contractIDs: Set<String>) {
        let yf = Schema.availability.file
        unique(yf, availability.map { "\($0.contract), \($0.month)" }, "month", "contract, month pair", "合同与月份组合")
        for (i, a) in availability.enumerated() {
            refer(yf, i, "contract", a.contract, contractIDs, "contracts.csv", "合同")
            let monthMinutes = AvailabilityRules.minutes(inMonth: a.month)
            if monthMinutes == nil {
                put(
                    yf, i, "month", "\"\(a.month)\" is not a month (expected YYYY-MM, e.g. 2027-04)",
                    "“\(a.month)” 不是月份 (应为 YYYY-MM, 如 2027-04)")
            }
            if let p = a.percent { range(yf, i, "percent", p, 0, 100) }
            if a.percent == nil && a.downtimeMinutes == nil {
                put(
                    yf, i, "percent", "is empty; give the percent or the downtime_minutes",
                    "为空; 请填写可用率 percent 或停机分钟 downtime_minutes")
            }
            if let down = a.downtimeMinutes, down < 0 { put(yf, i, "downtime_minutes", "\(down) is negative", "\(down) 为负数") }
            if let service = a.serviceMinutes {
                if service <= 0 {
                    put(yf, i, "service_minutes", "\(service) is not a number of minutes above 0", "\(service) 不是大于 0 的分钟数")
                } else if let all = monthMinutes, service > all {
                    put(
                        yf, i, "service_minutes", "\(service) is more than the \(all) minutes of \(a.month)",
                        "\(service) 超过 \(a.month) 的总分钟数 \(all)")
                }
            }
            if let down = a.downtimeMinutes, down >= 0, let service = a.serviceMinutes ?? monthMinutes, service > 0 {
                if down > service {
                    put(
                        yf, i, "downtime_minutes", "\(down) is more than the \(service) service minutes of the month",
                        "\(down) 超过当月服务分钟数 \(service)")
                } else if let p = a.percent, abs(p - Double(service - down) * 100 / Double(service)) > 0.005 {
                    let computed = AvailabilityRules.text(Double(service - down) * 100 / Double(service))
                    put(
                        yf, i, "percent",
                        "\(NumberText.format(p)) does not match the downtime (\(down) of \(service) minutes is \(computed))",
                        "\(NumberText.format(p)) 与停机时长不符 (\(service) 分钟中停机 \(down) 分钟, 即 \(computed))")
                }
            }
        }
    }

    /// The availability target a contract may carry (`AvailabilityRules.targetColumn`): a percentage in (0, 100].
    private func validateAvailabilityTargets(_ contracts: [Contract]) {
        for (i, c) in contracts.enumerated() {
            guard let cell = c.extra[AvailabilityRules.targetColumn]?.trimmed, !cell.isEmpty else { continue }
            let v = Double(cell.hasSuffix("%") ? String(cell.dropLast()) : cell)
            guard let v, v > 0, v <= 100 else {
                put(
                    Schema.contracts.file, i, AvailabilityRules.targetColumn,
                    "\"\(cell)\" is not a percentage above 0 and at most 100 (e.g. 99.5)",
                    "“\(cell)” 不是大于 0 且不超过 100 的百分比 (如 99.5)")
                continue
            }
        }
    }
}
