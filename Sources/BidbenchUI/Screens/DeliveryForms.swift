import BidbenchCore

/// The forms of the Delivery screen: a task of the plan, an acceptance test, a support ticket, a
/// vendor review. Each checks what the Store would refuse (dates in order, cycles, unknown
/// requirements, ranges), so a refusal keeps the form open on the bad field.
enum DeliveryForms {
    static let statuses = ["planned", "in_progress", "done", "blocked", "cancelled"]
    static let results = ["pending", "pass", "fail"]

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

    // MARK: Acceptance test

    static func test(_ s: AppState, contract: String) -> Form {
        let L = s.lang
        let mine = s.workspace.delivery.acceptance.filter { $0.contract == contract }.map(\.id)
        let next = bump(mine.last, default: "A1.1")
        let labels = [L.t("pending", "待测"), L.t("pass", "通过"), L.t("fail", "未通过")]
        return Form(
            target: .acceptanceTest(contract: contract),
            title: L.t("New acceptance test · \(contract)", "新增验收测试 · \(contract)"),
            fields: [
                FormField(key: "id", label: L.t("ID (A1.8)", "编号 (A1.8)"), text: next),
                FormField(key: "requirements", label: L.t("Requirements (R01;R03)", "需求 (R01;R03)"), text: ""),
                FormField(key: "criterion", label: L.t("Criterion", "验收标准"), text: "", kind: .long),
                FormField(key: "result", label: L.t("Result", "结果"), choices: results, labels: labels, selected: "pending"),
                FormField(key: "date", label: L.t("Date", "日期"), text: s.today.description, kind: .date),
                FormField(key: "tester", label: L.t("Tester", "测试人"), text: ""),
                FormField(key: "note", label: L.t("Evidence", "证据"), text: "", kind: .long),
            ], focusOn: "requirements")
    }

    static func submitTest(_ s: inout AppState, _ f: Form, contract: String) -> FormRefusal? {
        let L = s.lang
        let id = f.value("id").trimmed
        if id.isEmpty { return FormRefusal(L.t("The ID is required", "编号不能为空"), field: "id") }
        if s.workspace.delivery.acceptance.contains(where: { $0.contract == contract && $0.id == id }) {
            return FormRefusal(L.t("Test \(id) already exists for \(contract)", "合同 \(contract) 已有测试 \(id)"), field: "id")
        }
        let reqs = f.value("requirements").split(whereSeparator: { ";, ；，、".contains($0) }).map(String.init)
        if reqs.isEmpty { return FormRefusal(L.t("Name the requirement(s) the test proves", "请填写该测试验证的需求"), field: "requirements") }
        let known = Set(s.workspace.requirements.map(\.id))
        if let bad = reqs.first(where: { !known.contains($0) }) {
            return FormRefusal(L.t("\(bad) is not a requirement id", "\(bad) 不是需求编号"), field: "requirements")
        }
        let date: Day?
        switch day(f, "date", L) {
        case .failure(let r): return r
        case .success(let d): date = d
        }
        let test = AcceptanceTest(
            contract: contract, id: id, requirements: reqs, criterion: f.value("criterion").trimmed,
            result: TestResult(parsing: f.value("result")), date: date, tester: f.value("tester").trimmed, note: f.value("note").trimmed)
        s.change(L.t("Added acceptance test \(id)", "已新增验收测试 \(id)")) { $0.delivery.acceptance.append(test) }
        s.delivery.pane = .tests
        return nil
    }

    // MARK: Ticket

    static func ticket(_ s: AppState, contract: String) -> Form {
        let L = s.lang
        let next = IDSequence.next(
            after: s.workspace.delivery.tickets.filter { $0.contract == contract }.map(\.id), defaultPrefix: "K", defaultWidth: 3)
        return Form(
            target: .ticket(contract: contract),
            title: L.t("New support ticket · \(contract)", "新增支持工单 · \(contract)"),
            fields: [
                FormField(key: "id", label: L.t("ID", "编号"), text: next),
                FormField(
                    key: "severity", label: L.t("Severity", "级别"), choices: ["1", "2", "3", "4"],
                    labels: ["P1", "P2", "P3", "P4"], selected: "2"),
                FormField(key: "module", label: L.t("Module", "模块"), text: ""),
                FormField(key: "opened", label: L.t("Opened (2027-04-02 09:30)", "创建 (2027-04-02 09:30)"), text: "\(s.today) 09:00"),
                FormField(key: "first_response", label: L.t("First response", "首次响应"), text: ""),
                FormField(key: "resolved", label: L.t("Resolved", "解决"), text: ""),
                FormField(key: "note", label: L.t("Note", "备注"), text: "", kind: .long),
            ], focusOn: "module")
    }

    static func submitTicket(_ s: inout AppState, _ f: Form, contract: String) -> FormRefusal? {
        let L = s.lang
        let id = f.value("id").trimmed
        if id.isEmpty { return FormRefusal(L.t("The ID is required", "编号不能为空"), field: "id") }
        if s.workspace.delivery.tickets.contains(where: { $0.contract == contract && $0.id == id }) {
            return FormRefusal(L.t("Ticket \(id) already exists for \(contract)", "合同 \(contract) 已有工单 \(id)"), field: "id")
        }
        var moments: [String: Moment?] = [:]
        for key in ["opened", "first_response", "resolved"] {
            let t = normalizedDigits(f.value(key)).trimmed
            if t.isEmpty {
                if key == "opened" { return FormRefusal(L.t("When was it opened?", "请填写创建时间"), field: key) }
                moments[key] = .some(nil)
                continue
            }
            guard let m = Moment(parsing: t) else {
                return FormRefusal(
                    L.t("Write a date and time as 2027-04-02 09:30, not “\(t)”", "日期时间须写成 2027-04-02 09:30, 而不是 “\(t)”"), field: key)
            }
            moments[key] = m
        }
        let opened = (moments["opened"] ?? nil)!
        for key in ["first_response", "resolved"] {
            if let m = moments[key] ?? nil, m < opened {
                return FormRefusal(L.t("\(m) is before it was opened (\(opened))", "\(m) 早于创建时间 (\(opened))"), field: key)
            }
        }
        let ticket = SupportTicket(
            contract: contract, id: id, severity: Int(f.value("severity")) ?? 2, module: f.value("module").trimmed, opened: opened,
            firstResponse: moments["first_response"] ?? nil, resolved: moments["resolved"] ?? nil, note: f.value("note").trimmed)
        s.change(L.t("Added ticket \(id)", "已新增工单 \(id)")) { $0.delivery.tickets.append(ticket) }
        s.delivery.pane = .tickets
        return nil
    }

    // MARK: Training session

    static let levels = ["basic", "advanced", "admin"]
    static let modes = ["offline", "online", "onsite"]

    static func session(_ s: AppState, contract: String) -> Form {
        let L = s.lang
        let next = IDSequence.next(after: s.workspace.delivery.training.map(\.id), defaultPrefix: "S", defaultWidth: 2)
        return Form(
            target: .trainingSession(contract: contract),
            title: L.t("New training session · \(contract)", "新增培训场次 · \(contract)"),
            fields: [
                FormField(key: "id", label: L.t("ID", "编号"), text: next),
                FormField(key: "module", label: L.t("Module", "模块"), text: ""),
                FormField(
                    key: "level", label: L.t("User level", "用户层级"), choices: levels,
                    labels: [L.t("basic (staff)", "基础 (普通员工)"), L.t("advanced (managers)", "高级 (管理人员)"), L.t("admin", "管理员")],
                    selected: "basic"),
                FormField(key: "date", label: L.t("Date", "日期"), text: s.today.description, kind: .date),
                FormField(
                    key: "mode", label: L.t("Mode", "方式"), choices: modes,
                    labels: [L.t("offline", "线下"), L.t("online", "线上"), L.t("on-site", "现场")],
                    selected: "offline"),
                FormField(key: "trainer", label: L.t("Trainer", "讲师"), text: ""),
                FormField(key: "planned", label: L.t("Attendees planned", "计划人数"), text: "", kind: .number),
                FormField(key: "present", label: L.t("Present", "实到人数"), text: "", kind: .number),
                FormField(key: "pass_target", label: L.t("Pass target (80%)", "目标通过率 (80%)"), text: "80%"),
            ], focusOn: "module")
    }

    static func submitSession(_ s: inout AppState, _ f: Form, contract: String) -> FormRefusal? {
        let L = s.lang
        let id = f.value("id").trimmed
        if id.isEmpty { return FormRefusal(L.t("The ID is required", "编号不能为空"), field: "id") }
        if s.workspace.delivery.training.contains(where: { $0.id == id }) {
            return FormRefusal(L.t("Session \(id) already exists", "场次 \(id) 已存在"), field: "id")
        }
        let module = f.value("module").trimmed
        if module.isEmpty { return FormRefusal(L.t("Name the module", "请填写模块"), field: "module") }
        let date: Day?
        switch day(f, "date", L) {
        case .failure(let r): return r
        case .success(let d): date = d
        }
        var counts: [String: Int] = [:]
        for key in ["planned", "present"] {
            let t = normalizedDigits(f.value(key)).trimmed
            guard let n = t.isEmpty ? 0 : Int(t), n >= 0 else {
                return FormRefusal(L.t("Enter a number of people, not “\(t)”", "请输入人数, 而不是 “\(t)”"), field: key)
            }
            counts[key] = n
        }
        let targetText = normalizedDigits(f.value("pass_target")).trimmed
        guard let target = RiskRegister.fraction(targetText), target >= 0, target <= 1 else {
            return FormRefusal(
                L.t("The target is a rate such as 80% or 0.8, not “\(targetText)”", "目标通过率应为 80% 或 0.8 这样的比率, 而不是 “\(targetText)”"),
                field: "pass_target")
        }
        let session = TrainingSession(
            contract: contract, id: id, level: f.value("level"), module: module, date: date, mode: TrainingMode(parsing: f.value("mode")),
            trainer: f.value("trainer").trimmed, planned: counts["planned"]!, present: counts["present"]!, passTarget: target)
        s.change(L.t("Added training session \(id)", "已新增培训场次 \(id)")) { $0.delivery.training.append(session) }
        return nil
    }

    // MARK: Vendor review

    /// `2027-Q2` for a day in April–June.
    static func quarter(_ d: Day) -> String { "\(d.year)-Q\((d.month - 1) / 3 + 1)" }

    static func review(_ s: AppState, _ d: ContractDelivery) -> Form {
        let L = s.lang
        let r = DeliveryStatus.suggestedReview(d, period: quarter(s.today))
        func n(_ v: Double) -> String { NumberText.upTo(v, 1) }
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
                let range = "\(NumberText.upTo(lo, 1))–\(NumberText.upTo(hi, 1))"
                return FormRefusal(L.t("Enter a number from \(range), not “\(t)”", "请输入 \(range) 之间的数, 而不是 “\(t)”"), field: key)
            }
            v[key] = x
        }
        let review = VendorReview(
            vendor: vendor, period: period, onTimePct: v["on_time_pct"]!, acceptanceFirstPassPct: v["acceptance_first_pass_pct"]!,
            slaPct: v["sla_pct"]!, trainingPassPct: v["training_pass_pct"]!, satisfaction: v["satisfaction"]!,
            note: f.value("note").trimmed, reviewer: f.value("reviewer").trimmed)
        let score = NumberText.upTo(VendorScorecard.score(review), 1)
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
