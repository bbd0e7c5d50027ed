import BidbenchCore

/// State of the Requirements screen: selection, scrolling and filters.
public struct RequirementsState: Equatable, Sendable {
    public var selected = 0
    public var offset = 0
    /// Index into the workspace's departments; nil = all.
    public var department: Int?
    public var priority: Priority?
    public var status: RequirementStatus?
    /// A module name; nil = all.
    public var module: String?
    public var sort: RequirementSort = .id
    public init() {}
}

/// Orders of the requirements table (`o` cycles them).
public enum RequirementSort: String, Sendable, CaseIterable {
    case id, priority, weight, department, module
}

/// Requirements (需求): the table by department with priorities, add/edit/delete with undo, search.
public enum RequirementsScreen {
    /// The requirements shown, after filters, in file (id) order.
    public static func visibleRows(_ s: AppState) -> [Requirement] {
        let st = s.requirements
        let dept = st.department.flatMap { $0 < s.workspace.departments.count ? s.workspace.departments[$0].id : nil }
        var rows =
            dept == nil && st.priority == nil && st.status == nil && st.module == nil
            ? s.workspace.requirements
            : s.workspace.requirements.filter { r in
                (dept == nil || r.department == dept) && (st.priority == nil || r.priority == st.priority)
                    && (st.status == nil || r.status == st.status) && (st.module == nil || r.module == st.module)
            }
        // Stable sorts with the id as the tie-break, so the order is the same on every render.
        switch st.sort {
        case .id: break
        case .priority: rows.sort { ($0.priority.rank, $0.id) < ($1.priority.rank, $1.id) }
        case .weight: rows.sort { ($1.weight, $0.id) < ($0.weight, $1.id) }
        case .department: rows.sort { ($0.department, $0.id) < ($1.department, $1.id) }
        case .module: rows.sort { ($0.module, $0.id) < ($1.module, $1.id) }
        }
        return rows
    }

    /// The detail pane under the list: the selected requirement's title, acceptance, detail and
    /// source, wrapped, so nothing of it is cut off (at most a third of the screen; Enter shows the rest).
    static func detailLines(_ s: AppState, width: Int) -> [(String, Style)] {
        let L = s.lang
        let rows = visibleRows(s)
        guard s.requirements.selected < rows.count else { return [] }
        let r = rows[s.requirements.selected]
        var lines: [(String, Style)] = TextWidth.wrap("\(r.id) \(r.title)", width).map { ($0, Style.bold) }
        func add(_ label: String, _ text: String, _ style: Style) {
            lines += TextWidth.wrap("\(label): \(text.isEmpty ? "—" : text)", width).map { ($0, style) }
        }
        add(L.t("Acceptance", "验收"), r.acceptance, .plain)
        if let tested = acceptanceLine(s, r.id) { add(L.t("Accepted", "验收结果"), tested.text, tested.style) }
        if !r.detail.isEmpty { add(L.t("Detail", "说明"), r.detail, .plain) }
        // Counted by the priority's place among its cases: 20 000 rows, no hashing.
        let order = Priority.allCases
        var perPriority = [Int](repeating: 0, count: order.count)
        for i in rows.indices where rows[i].status == .draft || rows[i].status == .confirmed {
            perPriority[order.firstIndex(of: rows[i].priority)!] += 1
        }
        let counts = order.indices.map { "\(L.priority(order[$0])) \(perPriority[$0])" }.joined(separator: "  ")
        add(L.t("Source", "来源"), (r.source.isEmpty ? "—" : r.source) + "   ·  " + counts, .dim)
        return lines
    }

    /// The detail pane's acceptance line: the standing in words, then each test that names the
    /// requirement with its result and date (every contract's tests; nil when none names it).
    static func acceptanceLine(_ s: AppState, _ id: String) -> (text: String, style: Style)? {
        let L = s.lang
        let tests = s.workspace.delivery.acceptance.filter { $0.requirements.contains(id) }
        guard !tests.isEmpty else { return nil }
        let standing = AcceptanceRules.status(of: id, tests: tests)
        let style: Style = standing == .accepted ? .good : standing == .failed ? .error : .warn
        let word = standing.mark + " " + L.t(standing.words.en, standing.words.zh)
        let each = tests.map { t -> String in
            let result: String
            switch t.result {
            case .pass: result = L.t("passed", "通过")
            case .fail: result = L.t("failed", "未通过")
            case .pending: result = L.t("pending", "待测")
            case .other(let x): result = x
            }
            let when = t.date.map { " \($0)" } ?? ""
            let who = t.tester.isEmpty ? "" : " \(t.tester)"
            return "\(t.contract) \(t.id) \(result)\(when)\(who)"
        }
        return (word + " — " + each.joined(separator: "; "), style)
    }

    /// How many rows the detail pane takes (a separator and its lines, at most a third of the body).
    static func detailHeight(_ s: AppState, _ area: Rect) -> Int {
        let n = detailLines(s, width: area.width - 2).count
        return n == 0 ? 0 : 1 + min(n, max(3, area.height / 3))
    }

    static func tableArea(_ s: AppState, _ area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 1, width: area.width, height: max(2, area.height - 1 - detailHeight(s, area)))
    }

    /// The first visible row: the stored scroll position, moved so the selection is on screen at the
    /// current size (a resize, a search or an added row can move the selection out of view), and
    /// with no empty row below the last while rows above are hidden (`count`: the rows shown).
    static func offset(_ s: AppState, count: Int) -> Int {
        TableView.scroll(
            selected: s.requirements.selected, offset: s.requirements.offset, visible: tableArea(s, App.body(s)).height - 1,
            count: count)
    }

    // Kept as one function: one case per command of the screen, as the key map lists them.
    static func handle(_ s: inout AppState, _ cmd: Command) -> [Effect]? {
        let rows = visibleRows(s)
        var page: Int { max(1, tableArea(s, App.body(s)).height - 1) }  // only the page keys need it
        switch cmd {
        case .up: s.requirements.selected = max(0, s.requirements.selected - 1)
        case .down: s.requirements.selected = max(0, min(rows.count - 1, s.requirements.selected + 1))
        case .pageUp: s.requirements.selected = max(0, s.requirements.selected - page)
        case .pageDown: s.requirements.selected = max(0, min(rows.count - 1, s.requirements.selected + page))
        case .top: s.requirements.selected = 0
        case .bottom: s.requirements.selected = max(0, rows.count - 1)
        case .add: s.modal = .form(form(s, for: nil))
        case .edit:
            guard s.requirements.selected < rows.count else { return [] }
            s.modal = .form(form(s, for: rows[s.requirements.selected]))
        case .delete:
            guard s.requirements.selected < rows.count else { return [] }
            let r = rows[s.requirements.selected]
            // Acceptance tests that prove it would point at nothing: the save would refuse them.
            let tests = s.workspace.delivery.acceptance.filter { $0.requirements.contains(r.id) }.map(\.id)
            if !tests.isEmpty {
                s.say(
                    s.lang.t(
                        "\(r.id) is proved by acceptance test(s) \(tests.joined(separator: ", ")) (acceptance.csv): take it out of them first (screen 5), or set its status to dropped",
                        "\(r.id) 被验收测试 \(tests.joined(separator: ", ")) 引用 (acceptance.csv): 请先在第 5 页把它从这些测试中去掉, 或把状态改为已放弃"),
                    error: true)
                return []
            }
            s.modal = .confirm(question: deleteQuestion(s, r), action: .deleteRequirement(id: r.id))
        case .search: s.modal = .prompt(kind: .search, field: TextField())
        case .survey: SurveyScreen.start(&s)
        case .duplicates: s.modal = .duplicates(DuplicatesState())
        case .departments: s.modal = .departments(DepartmentsState())
        case .searchNext: searchNext(&s, forward: true, includeCurrent: false)
        case .searchPrev: searchNext(&s, forward: false, includeCurrent: false)
        case .filterDepartmentNext, .filterDepartmentPrev, .left, .right:
            let n = s.workspace.departments.count
            let forward = cmd == .filterDepartmentNext || cmd == .right
            let cur = s.requirements.department.map { $0 + 1 } ?? 0
            let next = (cur + (forward ? 1 : n)) % (n + 1)
            s.requirements.department = next == 0 ? nil : next - 1
            s.requirements.selected = 0
        case .filterPriority:
            let all: [Priority?] = [nil] + Priority.allCases.map { Optional($0) }
            let i = all.firstIndex(of: s.requirements.priority) ?? 0
            s.requirements.priority = all[(i + 1) % all.count]
            s.requirements.selected = 0
        case .filterStatus:
            let all: [RequirementStatus?] = [nil] + RequirementStatus.allCases.map { Optional($0) }
            let i = all.firstIndex(of: s.requirements.status) ?? 0
            s.requirements.status = all[(i + 1) % all.count]
            s.requirements.selected = 0
        case .filterModule:
            var modules: [String] = []
            for r in s.workspace.requirements where !modules.contains(r.module) { modules.append(r.module) }
            let all: [String?] = [nil] + modules.sorted().map { Optional($0) }
            let i = all.firstIndex(of: s.requirements.module) ?? 0
            s.requirements.module = all[(i + 1) % all.count]
            s.requirements.selected = 0
        case .details:
            // The detail pane whole, for anyone (an evaluator too): at 80×24 its last lines were cut
            // and the hint named Enter, which opens the form (or is the lead's only).
            guard s.requirements.selected < rows.count else { return [] }
            let r = rows[s.requirements.selected]
            s.modal = .messages(
                title: "\(r.id) \(r.title)", lines: detailLines(s, width: .max).map(\.0).dropFirst().map { $0 }, plain: true)
        case .sortNext:
            let all = RequirementSort.allCases
            s.requirements.sort = all[((all.firstIndex(of: s.requirements.sort) ?? 0) + 1) % all.count]
            s.requirements.selected = 0
        default: return nil
        }
        s.requirements.offset = TableView.scroll(
            selected: s.requirements.selected, offset: s.requirements.offset,
            visible: tableArea(s, App.body(s)).height - 1)
        return []
    }

    /// Moves the selection to the next (or previous) requirement matching the last search.
    static func searchNext(_ s: inout AppState, forward: Bool, includeCurrent: Bool) {
        let q = s.lastSearch.lowercased()
        guard !q.isEmpty else { return }
        let rows = visibleRows(s)
        guard !rows.isEmpty else { return }
        let start = s.requirements.selected
        for step in (includeCurrent ? 0 : 1)...rows.count {
            let i = ((start + (forward ? step : -step)) % rows.count + rows.count) % rows.count
            let r = rows[i]
            if (r.id + " " + r.title + " " + r.detail + " " + r.module + " " + r.acceptance).lowercased().contains(q) {
                s.requirements.selected = i
                s.say(s.lang.t("Found \(r.id)", "找到 \(r.id)"))
                return
            }
        }
        s.say(s.lang.t("No match for “\(s.lastSearch)”", "没有找到 “\(s.lastSearch)”"), error: true)
    }

    static func nextID(_ ws: Workspace) -> String {
        IDSequence.next(after: ws.requirements.map(\.id), defaultPrefix: "R", defaultWidth: 2)
    }

    /// Typed forms of each priority besides its labels: must/m/1/高, should/s/2/中, could/c/3/低, won't/w/4.
    static let priorityAliases: [Priority: [String]] = [
        .must: ["m", "1", "高", "high"], .should: ["s", "2", "中", "medium"], .could: ["c", "3", "低", "low"],
        .wont: ["wont", "w", "4", "暂不", "不做"],
    ]

    /// The requirement form. Fields in the order a department speaks: title, priority, acceptance,
    /// then the rest; the focus starts on the title and the department is the one filtered on.
    static func form(_ s: AppState, for r: Requirement?) -> Form {
        let L = s.lang
        let depts = s.workspace.departments
        let filtered = s.requirements.department.flatMap { $0 < depts.count ? depts[$0].id : nil }
        let defaultDept = r?.department ?? filtered ?? depts.first?.id ?? ""
        var fields: [FormField] = [
            FormField(key: "title", label: L.t("Title", "需求"), text: r?.title ?? ""),
            FormField(
                key: "priority", label: L.t("Priority", "优先级"), choices: Priority.allCases.map(\.rawValue),
                labels: Priority.allCases.map { L.priority($0) }, selected: (r?.priority ?? .should).rawValue,
                aliases: Priority.allCases.map {
                    [$0.rawValue] + (priorityAliases[$0] ?? []) + [Lang.zh.priority($0), Lang.en.priority($0)]
                }),
            FormField(key: "acceptance", label: L.t("Acceptance", "验收标准"), text: r?.acceptance ?? "", kind: .long),
            FormField(key: "detail", label: L.t("Detail", "说明"), text: r?.detail ?? "", kind: .long),
        ]
        if depts.isEmpty {
            fields.append(FormField(key: "department", label: L.t("Department", "部门"), text: defaultDept))
        } else {
            fields.append(
                FormField(
                    key: "department", label: L.t("Department", "部门"), choices: depts.map(\.id), labels: depts.map(\.name),
                    selected: defaultDept, aliases: depts.map { [$0.id] }))
        }
        fields += [
            FormField(key: "module", label: L.t("Module", "模块"), text: r?.module ?? ""),
            FormField(
                key: "weight", label: L.t("Weight", "权重"), text: r.map { NumberText.format($0.weight) } ?? "",
                kind: .number),
            FormField(
                key: "status", label: L.t("Status", "状态"), choices: RequirementStatus.allCases.map(\.rawValue),
                labels: RequirementStatus.allCases.map { L.status($0) }, selected: (r?.status ?? .draft).rawValue,
                aliases: RequirementStatus.allCases.map { [Lang.zh.status($0), Lang.en.status($0)] }),
        ]
        let criteria = s.workspace.criteria.filter { $0.source == .panel }
        if !criteria.isEmpty {
            fields.append(
                FormField(
                    key: "criterion", label: L.t("Criterion", "评价准则"), choices: [""] + criteria.map(\.id),
                    labels: [L.t("(none)", "(未归入)")] + criteria.map(\.name), selected: r?.criterion ?? ""))
        }
        let title = r.map { L.t("Edit requirement \($0.id)", "编辑需求 \($0.id)") } ?? L.t("New requirement", "新增需求")
        return Form(target: .requirement(id: r?.id), title: title, fields: fields, focusOn: "title")
    }

    /// Applies a submitted form; a refusal names the field to fix (the form stays open with what was typed).
    static func submit(_ s: inout AppState, _ f: Form, id editing: String?) -> FormRefusal? {
        let L = s.lang
        let title = f.value("title").trimmed
        if title.isEmpty { return FormRefusal(L.t("The title is required", "需求标题不能为空"), field: "title") }
        let priority = Priority(parsing: f.value("priority")) ?? .should
        // A blank weight takes the priority's one default (must 5, should 3, could 2, won't 1), as the survey does.
        let weightText = f.value("weight").trimmed
        guard let weight = weightText.isEmpty ? priority.defaultWeight : formDecimal(weightText), weight >= 0 else {
            return FormRefusal(
                L.t("Weight must be a number ≥ 0, not “\(f.value("weight"))”", "权重必须是 ≥ 0 的数字, 而不是 “\(f.value("weight"))”"),
                field: "weight")
        }
        let status = RequirementStatus(parsing: f.value("status")) ?? .draft
        if let id = editing {
            s.change(L.t("Updated \(id) (Ctrl-S saves)", "已更新 \(id) (Ctrl-S 保存)")) { ws in
                guard let i = ws.requirements.firstIndex(where: { $0.id == id }) else { return }
                ws.requirements[i].department = f.value("department")
                ws.requirements[i].module = f.value("module").trimmed
                ws.requirements[i].title = title
                ws.requirements[i].detail = f.value("detail").trimmed
                ws.requirements[i].priority = priority
                ws.requirements[i].weight = weight
                ws.requirements[i].acceptance = f.value("acceptance").trimmed
                ws.requirements[i].status = status
                if f.fields.contains(where: { $0.key == "criterion" }) { ws.requirements[i].criterion = f.value("criterion") }
            }
        } else {
            let id = nextID(s.workspace)
            let dept = f.value("department")
            let deptName = s.workspace.departments.first { $0.id == dept }?.name ?? dept
            var r = Requirement(
                id: id, department: dept, module: f.value("module").trimmed, title: title,
                detail: f.value("detail").trimmed, priority: priority, weight: weight,
                acceptance: f.value("acceptance").trimmed, status: status, criterion: f.value("criterion"))
            // Data in the workspace's language, not the session's: finance's English session wrote
            // `财务部 2026-12-06 meeting` into a Chinese workspace.
            r.source = "\(deptName) \(s.today) " + Lang(guess: s.workspace.settings.language).t("meeting", "会议")
            s.change(L.t("Added \(id) (Ctrl-S saves)", "已新增 \(id) (Ctrl-S 保存)")) { ws in
                ws.requirements.append(r)
                ws.requirements.sort { $0.id < $1.id }
            }
            // Select the new row.
            if let i = visibleRows(s).firstIndex(where: { $0.id == id }) { s.requirements.selected = i }
        }
        return nil
    }

    /// The delete question, saying what goes with a must-have: its gate answers, and the vendors
    /// it knocks out (who would be ranked again).
    static func deleteQuestion(_ s: AppState, _ r: Requirement) -> String {
        let L = s.lang
        let answers = s.workspace.gates.lazy.filter { $0.requirement == r.id }.count
        guard r.priority == .must else {
            return L.t("Delete \(r.id) \(r.title)? (y/n)", "删除 \(r.id) \(r.title)? (y/n)")
        }
        let names = Dictionary(s.workspace.vendors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let out = s.workspace.gates.filter { $0.requirement == r.id && $0.answer == .no }.map { names[$0.vendor] ?? $0.vendor }
        let knocked = out.isEmpty ? "" : L.t("; it knocks out \(out.joined(separator: ", "))", "; 它淘汰了 \(out.joined(separator: "、"))")
        guard answers > 0 else { return L.t("Delete must-have \(r.id) \(r.title)? (y/n)", "删除必须项 \(r.id) \(r.title)? (y/n)") }
        return L.t(
            "Delete must-have \(r.id) \(r.title)? Its \(answers) gate answer(s) go with it\(knocked) (y/n)",
            "删除必须项 \(r.id) \(r.title)? 它的 \(answers) 条必须项答复将一并删除\(knocked) (y/n)")
    }

    static func delete(_ s: inout AppState, id: String) {
        s.change(s.lang.t("Deleted \(id) (u to undo)", "已删除 \(id) (按 u 撤销)")) { ws in
            ws.requirements.removeAll { $0.id == id }
            ws.gates.removeAll { $0.requirement == id }  // the vendors' answers to it go with it (u brings both back)
        }
        App.clampSelections(&s)
    }

    static func click(_ s: inout AppState, x: Int, y: Int) {
        let t = tableArea(s, App.body(s))
        let count = visibleRows(s).count
        let row = offset(s, count: count) + (y - t.y - 1)
        if y > t.y, y < t.maxY, row < count { s.requirements.selected = row }
    }

    // Kept as one function: department chips, table and detail in drawing order.
    static func render(_ s: AppState, into c: inout Canvas, area: Rect) {
        let L = s.lang
        let ws = s.workspace
        // The filters in effect, at the right end (at most half the row, cut with `…`): drawn first,
        // so the department chips give way to them (the label ran over the chips and off the row at
        // 80 columns, its last character wrapping onto the table's header: user test pass).
        var filters: [String] = []
        if let p = s.requirements.priority { filters.append(L.priority(p)) }
        if let st = s.requirements.status { filters.append(L.status(st)) }
        if let m = s.requirements.module { filters.append(m) }
        if s.requirements.sort != .id {
            filters.append(L.t("by \(s.requirements.sort.rawValue)", "按\(sortLabel(s.requirements.sort, L))排序"))
        }
        var chipsEnd = area.maxX - 1
        if !filters.isEmpty {
            let f = TextWidth.clip(L.t("filter: ", "筛选: ") + filters.joined(separator: " · "), to: max(8, area.width / 2))
            chipsEnd -= TextWidth.of(f) + 2
            c.text(chipsEnd + 2, area.y, f, .warn)
        }
        // Department chips with counts; the selected one is always among those shown (one behind the
        // `…` left the list empty with no filter to be seen: the chips start later, after a `…`).
        var x = area.x + 1
        let allLabel = "\(L.t("All", "全部")) (\(ws.requirements.count))"
        x += c.text(x, area.y, L.t("Dept ▸ ", "部门 ▸ "), .dim)
        x += c.text(x, area.y, allLabel, s.requirements.department == nil ? .accent : .plain, maxWidth: max(0, chipsEnd - x)) + 2
        var perDept: [String: Int] = [:]
        for i in ws.requirements.indices { perDept[ws.requirements[i].department, default: 0] += 1 }
        let chips = ws.departments.map { "\($0.name) \(perDept[$0.id] ?? 0)" }
        let chipRoom = chipsEnd - x
        var chipFirst = 0
        if let selected = s.requirements.department, selected < chips.count {
            // The width from `from` through the selected chip, with "… " before them when from > 0.
            func width(_ from: Int) -> Int { chips[from...selected].reduce(from > 0 ? 2 : 0) { $0 + TextWidth.of($1) + 2 } - 2 }
            while chipFirst < selected && width(chipFirst) > chipRoom { chipFirst += 1 }
        }
        if chipFirst > 0 { x += c.text(x, area.y, "…", .dim) + 1 }
        for i in chipFirst..<chips.count {
            // Room for the chip, and for a `…` after it unless it is the last.
            let room = x + TextWidth.of(chips[i]) + (i == chips.count - 1 ? 0 : 2) <= chipsEnd
            guard room || i == s.requirements.department else {
                if x < chipsEnd { c.text(x, area.y, "…", .dim) }
                break
            }
            x += c.text(x, area.y, chips[i], s.requirements.department == i ? .accent : .plain, maxWidth: max(0, chipsEnd - x)) + 2
        }
        let rows = visibleRows(s)
        let t = tableArea(s, area)
        // The acceptance column appears once acceptance tests are recorded (after signing); before,
        // it would be blank on every row.
        let tests = ws.delivery.acceptance
        let first = min(offset(s, count: rows.count), rows.count)
        let window = rows[first..<min(rows.count, first + max(0, t.height - 1))]
        // As wide as the ids shown (`R00001` of a generated workspace was `R00…` on every row).
        let idWidth = window.reduce(4) { max($0, TextWidth.of($1.id)) }
        let cols = TableView.layout(
            [
                Column("ID", idWidth), Column(L.t("Dept", "部门"), 10), Column(L.t("Module", "模块"), 8),
                Column(L.t("Requirement", "需求"), 20), Column(L.t("Prio", "优先"), 6), Column(L.t("Wt", "权"), 3, right: true),
                Column(L.t("Status", "状态"), 9),
            ] + (tests.isEmpty ? [] : [Column(L.t("Acc", "验收"), 4)]), total: t.width - 1, flex: 3)
        let deptNames = Dictionary(ws.departments.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let cells = window.map { r in
            [
                r.id, deptNames[r.department] ?? r.department, r.module, r.title, L.priority(r.priority), NumberText.format(r.weight),
                L.status(r.status),
            ] + (tests.isEmpty ? [] : [AcceptanceRules.status(of: r.id, tests: tests).mark])
        }
        TableView.render(
            into: &c, area: Rect(x: t.x + 1, y: t.y, width: t.width - 1, height: t.height), columns: cols, rows: cells,
            selected: rows.isEmpty ? nil : s.requirements.selected - first, offset: 0
        ) { i in
            switch rows[first + i].status {
            case .dropped, .merged: return .dim
            default: return rows[first + i].priority == .must ? Style(bold: true) : .plain
            }
        }
        if rows.isEmpty && s.hasDataProblems && ws.requirements.isEmpty {
            // A refused or unreadable requirements.csv reads as no requirement at all: said so, and no
            // key offered that the read-only workspace refuses.
            c.text(
                t.x + 2, t.y + 2,
                L.t(
                    "No requirement shown: the workspace has problems (listed at opening); requirements.csv may not have been read.",
                    "未显示任何需求: 工作区有问题 (打开时已列出), requirements.csv 可能未能读取。"), .error, maxWidth: t.width - 3)
        } else if rows.isEmpty && !ws.requirements.isEmpty {
            // Filters hide every requirement: said so, with how many there are (it read "no
            // requirements yet" over 48, and a need recorded meanwhile stayed out of sight).
            c.text(
                t.x + 2, t.y + 2,
                L.t(
                    "None of the \(ws.requirements.count) requirements matches the filters ([ ] f S M change them).",
                    "\(ws.requirements.count) 条需求都不符合筛选条件 ([ ] f S M 可更改筛选)。"), .dim, maxWidth: t.width - 3)
        } else if rows.isEmpty {
            c.text(t.x + 2, t.y + 2, L.t("No requirements here. Press a to add one.", "这里还没有需求。按 a 新增。"), .dim)
        }
        // The detail pane of the selected requirement.
        let lines = detailLines(s, width: area.width - 2)
        let h = detailHeight(s, area)
        guard h > 0 else { return }
        let top = area.maxY - h
        c.fill(Rect(x: area.x + 1, y: top, width: area.width - 2, height: 1), "─", .dim)
        let room = h - 1
        for (i, line) in lines.prefix(room).enumerated() {
            c.text(area.x + 1, top + 1 + i, line.0, line.1, maxWidth: area.width - 2)
        }
        if lines.count > room {
            let hidden = lines.count - room
            let more = L.t(" … \(hidden) more line\(hidden == 1 ? "" : "s"): i ", " … 还有 \(hidden) 行: 按 i ")
            c.text(area.maxX - 1 - TextWidth.of(more), top, more, .dim)
        }
    }
}

func sortLabel(_ k: RequirementSort, _ L: Lang) -> String {
    switch k {
    case .id: return L.t("id", "编号")
    case .priority: return L.t("priority", "优先级")
    case .weight: return L.t("weight", "权重")
    case .department: return L.t("department", "部门")
    case .module: return L.t("module", "模块")
    }
}
