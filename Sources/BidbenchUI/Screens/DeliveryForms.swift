import BidbenchCore

/// The forms of the Delivery screen itself: a task of the plan and a vendor review (the lists of
/// tests, tickets, training, SLA terms, handover and availability have their own dialog files).
/// Each checks what the Store would refuse (dates in order, cycles, ranges), so a refusal keeps
/// the form open on the bad field.
enum DeliveryForms {
    static let statuses = ["planned", "in_progress", "done", "blocked", "cancelled"]

    static func statusLabels(_ L: Lang) -> [String] {
        [L.t("planned", "计划"), L.t("in progress", "进行中"), L.t("done", "完成"), L.t("blocked", "受阻"), L.t("cancelled", "取消")]
    }

    static func dateRefusal(_ L: Lang, _ field: String, _ text: String) -> FormRefusal {
        FormRefusal(
            L.t("The date must be YYYY-MM-DD or 2027年3月1日, not “\(text)”", "日期须为 YYYY-MM-DD 或 2027年3月1日, 而不是 “\(text)”"), field: field)
    }

    /// An optional date field: nil when empty, a refusal when it does not read.
    static func day(_ f: Form, _ key: String, _ L: Lang) -> Result<Day?, FormRefusal> {
        let t = normalizedDigits(f.value(key)).trimmed
        if t.isEmpty { return .success(nil) }
        guard let d = Day(typed: t) else { return .failure(dateRefusal(L, key, t)) }
        return .success(d)
    }

    /// The id after `last`: its trailing number plus one, as wide (`A1.7` → `A1.8`, `K009` → `K010`).
    static func bump(_ last: String?, default d: String) -> String {
        guard let last else { return d }
        let digits = String(last.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
        guard let n = Int(digits) else { return d }
        let next = String(n + 1)
        return String(last.dropLast(digits.count)) + String(repeating: "0", count: max(0, digits.count - next.count)) + next
    }

    // MARK: Task

    static func task(_ s: AppState, contract: String, index: Int?) -> Form {
        let L = s.lang
        let t = index.map { s.workspace.delivery.tasks[$0] }
        let phases = DeliveryPhase.standard + (t.map { DeliveryPhase.standard.contains($0.phase) ? [] : [$0.phase] } ?? [])
        let next = IDSequence.next(
            after: s.workspace.delivery.tasks.filter { $0.contract == contract }.map(\.id), defaultPrefix: "T", defaultWidth: 2)
        return Form(
            target: .task(contract: contract, index: index),
            title: t.map { L.t("Edit task \($0.id)", "编辑任务 \($0.id)") } ?? L.t("New task · \(contract)", "新增任务 · \(contract)"),
            fields: [
                FormField(key: "id", label: L.t("ID", "编号"), text: t?.id ?? next),
                FormField(key: "title", label: L.t("Task", "任务"), text: t?.title ?? ""),
                FormField(
                    key: "phase", label: L.t("Phase", "阶段"), choices: phases.map(\.id), labels: phases.map { $0.name(chinese: L == .zh) },
                    selected: t?.phase.id ?? DeliveryPhase.testing.id),
                FormField(key: "owner", label: L.t("Owner", "负责人"), text: t?.owner ?? ""),
                FormField(key: "planned_start", label: L.t("Planned start", "计划开始"), text: t?.plannedStart?.description ?? "", kind: .date),
                FormField(key: "planned_end", label: L.t("Planned end", "计划完成"), text: t?.plannedEnd?.description ?? "", kind: .date),
                FormField(key: "actual_start", label: L.t("Actual start", "实际开始"), text: t?.actualStart?.description ?? "", kind: .date),
                FormField(key: "actual_end", label: L.t("Actual end", "实际完成"), text: t?.actualEnd?.description ?? "", kind: .date),
                FormField(
                    key: "status", label: L.t("Status", "状态"), choices: statuses, labels: statusLabels(L),
                    selected: t?.status.id ?? "planned"),
                FormField(
                    key: "depends_on", label: L.t("Depends on (T01;T02)", "前置任务 (T01;T02)"), text: t?.dependsOn.joined(separator: ";") ?? ""
                ),
            ], focusOn: "title")
    }

    static func submitTask(_ s: inout AppState, _ f: Form, contract: String, index: Int?) -> FormRefusal? {
        let L = s.lang
        let id = f.value("id").trimmed
        if id.isEmpty { return FormRefusal(L.t("The ID is required", "编号不能为空"), field: "id") }
        let tasks = s.workspace.delivery.tasks
        if tasks.enumerated().contains(where: { $0.element.contract == contract && $0.element.id == id && $0.offset != index }) {
            return FormRefusal(L.t("Task \(id) already exists for \(contract)", "合同 \(contract) 已有任务 \(id)"), field: "id")
        }
        let title = f.value("title").trimmed
        if title.isEmpty { return FormRefusal(L.t("Name the task", "请填写任务名称"), field: "title") }
        var dates: [String: Day?] = [:]
        for key in ["planned_start", "planned_end", "actual_start", "actual_end"] {
            switch day(f, key, L) {
            case .failure(let r): return r
            case .success(let d): dates[key] = d
            }
        }
        for (a, b) in [("planned_start", "planned_end"), ("actual_start", "actual_end")] {
            if let x = dates[a] ?? nil, let y = dates[b] ?? nil, y < x {
                return FormRefusal(L.t("\(y) is before the start \(x)", "\(y) 早于开始日期 \(x)"), field: b)
            }
        }
        let deps = f.value("depends_on").split(whereSeparator: { ";, ；，、".contains($0) }).map(String.init)
        let same = Set(tasks.filter { $0.contract == contract }.map(\.id)).union([id])
        if let bad = deps.first(where: { !same.contains($0) }) {
            return FormRefusal(L.t("\(bad) is not a task of \(contract)", "\(bad) 不是合同 \(contract) 的任务"), field: "depends_on")
        }
        var task = DeliveryTask(
            contract: contract, id: id, phase: DeliveryPhase(parsing: f.value("phase")), title: title, owner: f.value("owner").trimmed,
            plannedStart: dates["planned_start"] ?? nil, plannedEnd: dates["planned_end"] ?? nil, actualStart: dates["actual_start"] ?? nil,
            actualEnd: dates["actual_end"] ?? nil, status: TaskStatus(parsing: f.value("status")), dependsOn: deps)
        var next = tasks
        if let index, index < next.count {
            task.extra = next[index].extra
            next[index] = task
        } else {
            next.append(task)
        }
        if let cycle = DeliveryPlan.cycle(in: next.filter { $0.contract == contract }) {
            let path = cycle.joined(separator: " → ")
            return FormRefusal(L.t("The dependencies would form a cycle: \(path)", "依赖关系将成环: \(path)"), field: "depends_on")
        }
        s.change(index == nil ? L.t("Added task \(id)", "已新增任务 \(id)") : L.t("Updated task \(id)", "已更新任务 \(id)")) {
            $0.delivery.tasks = next
        }
        if let d = DeliveryScreen.current(s), let row = d.tasks.firstIndex(where: { $0.id == id }) { s.delivery.selected = row }
        return nil
    }

    // MARK: Vendor review

    /// `2027-Q2` for a day in April–June.
    static func quarter(_ d: Day) -> String { "\(d.year)-Q\((d.month - 1) / 3 + 1)" }

    static func review(_ s: AppState, _ d: ContractDelivery) -> Form {
        let L = s.lang
        let r = DeliveryStatus.suggestedReview(d, period: quarter(s.today))
        func n(_ v: Double) -> String { NumberFormatShort.one(v) }
        return Form(
            target: .vendorReview(vendor: r.vendor),
            title: L.t("Review of vendor \(r.vendor) (pre-filled from the data)", "供应商 \(r.vendor) 考评 (已按数据预填)"),
            fields: [
                FormField(key: "period", label: L.t("Period (2027-Q2, 2027-05)", "期间 (2027-Q2, 2027-05)"), text: r.period),
                FormField(key: "on_time_pct", label: L.t("On-time tasks %", "任务按时率 %"), text: n(r.onTimePct), kind: .number),
                FormField(
                    key: "acceptance_first_pass_pct", label: L.t("Acceptance first-pass %", "一次验收通过率 %"), text: n(r.acceptanceFirstPassPct),
                    kind: .number),
                FormField(key: "sla_pct", label: L.t("SLA met %", "SLA 达标率 %"), text: n(r.slaPct), kind: .number),
                FormField(key: "training_pass_pct", label: L.t("Training pass %", "培训通过率 %"), text: n(r.trainingPassPct), kind: .number),
                FormField(key: "satisfaction", label: L.t("Satisfaction 1–5", "满意度 1–5"), text: "", kind: .number),
                FormField(key: "note", label: L.t("Reviewer's note", "评语"), text: "", kind: .long),
                FormField(key: "reviewer", label: L.t("Reviewer", "评审人"), text: ""),
            ], focusOn: "satisfaction")
    }

    static func submitReview(_ s: inout AppState, _ f: Form, vendor: String) -> FormRefusal? {
        let L = s.lang
        let period = f.value("period").trimmed
        if period.isEmpty { return FormRefusal(L.t("The period is required", "期间不能为空"), field: "period") }
        var v: [String: Double] = [:]
        for (key, lo, hi) in [
            ("on_time_pct", 0.0, 100.0), ("acceptance_first_pass_pct", 0, 100), ("sla_pct", 0, 100), ("training_pass_pct", 0, 100),
            ("satisfaction", 1, 5),
        ] {
            let t = normalizedDigits(f.value(key)).trimmed.trimmingCharactersInSet("%")
            guard let x = Double(t), x >= lo, x <= hi else {
                let range = "\(NumberFormatShort.one(lo))–\(NumberFormatShort.one(hi))"
                return FormRefusal(L.t("Enter a number from \(range), not “\(t)”", "请输入 \(range) 之间的数, 而不是 “\(t)”"), field: key)
            }
            v[key] = x
        }
        let review = VendorReview(
            vendor: vendor, period: period, onTimePct: v["on_time_pct"]!, acceptanceFirstPassPct: v["acceptance_first_pass_pct"]!,
            slaPct: v["sla_pct"]!, trainingPassPct: v["training_pass_pct"]!, satisfaction: v["satisfaction"]!,
            note: f.value("note").trimmed, reviewer: f.value("reviewer").trimmed)
        let score = NumberFormatShort.one(VendorScorecard.score(review))
        s.change(L.t("Recorded the \(period) review of \(vendor): score \(score)", "已记录 \(vendor) \(period) 考评: 得分 \(score)")) { ws in
            if let i = ws.delivery.vendorReviews.firstIndex(where: { $0.vendor == vendor && $0.period == period }) {
                var r = review
                r.extra = ws.delivery.vendorReviews[i].extra
                ws.delivery.vendorReviews[i] = r
            } else {
                ws.delivery.vendorReviews.append(review)
            }
        }
        return nil
    }
}
