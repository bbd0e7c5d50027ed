import BidbenchCore

/// A task of a contract's implementation plan (screen 5: `a` adds, `Enter`/`e` edits): dates,
/// status, dependencies. It checks what the Store would refuse (an end before its start, an
/// unknown task, a dependency cycle), so a refusal keeps the form open on the bad field.
enum TaskForm {
    static let statuses = ["planned", "in_progress", "done", "blocked", "cancelled"]

    static func statusLabels(_ L: Lang) -> [String] { statuses.map { ReportLabels.delivery("task_status", $0, L.labels) } }

    /// A status in words (a status Bidbench does not know, as the file has it).
    static func statusLabel(_ status: TaskStatus, _ L: Lang) -> String {
        statuses.firstIndex(of: status.id).map { statusLabels(L)[$0] } ?? status.id
    }

    static func form(_ s: AppState, contract: String, index: Int?) -> Form {
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

    static func submit(_ s: inout AppState, _ f: Form, contract: String, index: Int?) -> FormRefusal? {
        let L = s.lang
        let id = f.value("id").trimmed
        if id.isEmpty { return FormRefusal(L.t("The ID is required", "编号不能为空"), field: "id") }
        if let sep = DeliveryPlan.separator(in: id) {
            return FormRefusal(
                L.t(
                    "ID: “\(id)” holds “\(sep)”, which separates the ids of the dependencies",
                    "编号: “\(id)” 含 “\(sep)”, 它用于分隔前置任务编号"), field: "id")
        }
        let tasks = s.workspace.delivery.tasks
        if tasks.enumerated().contains(where: { $0.element.contract == contract && $0.element.id == id && $0.offset != index }) {
            return FormRefusal(L.t("Task \(id) already exists for \(contract)", "合同 \(contract) 已有任务 \(id)"), field: "id")
        }
        let title = f.value("title").trimmed
        if title.isEmpty { return FormRefusal(L.t("Name the task", "请填写任务名称"), field: "title") }
        var dates: [String: Day?] = [:]
        for key in ["planned_start", "planned_end", "actual_start", "actual_end"] {
            switch DeliveryLists.optionalDay(f, key, L) {
            case .failure(let r): return r
            case .success(let d): dates[key] = d
            }
        }
        // An actual date records what happened: one typed after today is refused (a helper's pass: a task
        // marked done next May counted as on time in the delivery figures). A date already there stands.
        for key in ["actual_start", "actual_end"] {
            let before = index.flatMap { $0 < tasks.count ? (key == "actual_start" ? tasks[$0].actualStart : tasks[$0].actualEnd) : nil }
            if let d = dates[key] ?? nil, d > s.today, d != before {
                return FormRefusal(
                    f.label(of: key) + ": "
                        + L.t(
                            "\(d) is after today (\(s.today)): an actual date is one that has passed",
                            "\(d) 晚于今天 (\(s.today)): 实际日期须是已发生的日期"),
                    field: key)
            }
        }
        for (a, b) in [("planned_start", "planned_end"), ("actual_start", "actual_end")] {
            if let x = dates[a] ?? nil, let y = dates[b] ?? nil, y < x {
                return FormRefusal(f.label(of: b) + ": " + L.t("\(y) is before the start \(x)", "\(y) 早于开始日期 \(x)"), field: b)
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
        var carried: [String] = []
        if let index, index < next.count {
            let old = next[index].id
            task.extra = next[index].extra
            next[index] = task
            // A renamed task keeps the tasks that wait for it: their dependencies follow the new id
            // (left as they were, the next save would refuse them as naming an unknown task).
            if old != id {
                for i in next.indices where next[i].contract == contract && next[i].dependsOn.contains(old) {
                    next[i].dependsOn = next[i].dependsOn.map { $0 == old ? id : $0 }
                    carried.append(next[i].id)
                }
            }
        } else {
            next.append(task)
        }
        if let cycle = DeliveryPlan.cycle(in: next.filter { $0.contract == contract }) {
            let path = cycle.joined(separator: " → ")
            return FormRefusal(L.t("The dependencies would form a cycle: \(path)", "依赖关系将成环: \(path)"), field: "depends_on")
        }
        var said = index == nil ? L.t("Added task \(id)", "已新增任务 \(id)") : L.t("Updated task \(id)", "已更新任务 \(id)")
        // Planned to start before a task it waits for is planned to end: said, not refused (plans overlap
        // on purpose sometimes; a helper's pass saw it accepted without a word).
        if let start = task.plannedStart {
            let early = next.filter { t in t.contract == contract && deps.contains(t.id) && (t.plannedEnd.map { $0 > start } ?? false) }
            if let d = early.first, let end = d.plannedEnd {
                said += L.t(
                    " (note: it starts \(start), before \(d.id) it waits for is planned to end, \(end))",
                    " (注意: 计划开始 \(start) 早于前置任务 \(d.id) 的计划完成 \(end))")
            }
        }
        if !carried.isEmpty {
            let list = carried.joined(separator: ", ")
            said += L.t(" (\(list) now wait for \(id))", " (\(list) 的前置任务随之改为 \(id))")
        }
        s.change(said) { $0.delivery.tasks = next }
        if let d = DeliveryScreen.current(s), let row = d.tasks.firstIndex(where: { $0.id == id }) { s.delivery.selected = row }
        return nil
    }

}
