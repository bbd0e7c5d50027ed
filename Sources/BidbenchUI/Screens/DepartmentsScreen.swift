import BidbenchCore

public struct DepartmentsState: Equatable, Sendable {
    public var selected = 0
    public init(selected: Int = 0) { self.selected = selected }
}

/// Departments (D): add, edit, remove — removal is refused while requirements belong to it.
public enum DepartmentsScreen {
    static func handle(_ s: inout AppState, _ st: DepartmentsState, _ cmd: Command) {
        let depts = s.workspace.departments
        guard
            let selected = ListKeys.apply(
                cmd, &s, selected: st.selected, count: depts.count,
                form: { s, row in form(s, for: row.map { s.workspace.departments[$0] }) },
                delete: { s, row in
                    let d = s.workspace.departments[row]
                    let n = s.workspace.requirements.filter { $0.department == d.id }.count
                    if n > 0 {
                        s.say(
                            s.lang.t(
                                "\(d.name) still has \(n) requirement(s): move or delete them first", "\(d.name) 还有 \(n) 条需求: 请先移走或删除"),
                            error: true)
                        return
                    }
                    s.change(s.lang.t("Removed \(d.name) (u to undo)", "已删除 \(d.name) (按 u 撤销)")) { ws in
                        ws.departments.removeAll { $0.id == d.id }
                    }
                    s.requirements.department = nil
                })
        else { return }
        s.modal = .departments(DepartmentsState(selected: max(0, min(selected, s.workspace.departments.count - 1))))
    }

    static func form(_ s: AppState, for d: Department?) -> Form {
        let L = s.lang
        return Form(
            target: .department(id: d?.id),
            title: d.map { L.t("Edit \($0.name)", "编辑 \($0.name)") } ?? L.t("New department", "新增部门"),
            fields: [
                FormField(key: "name", label: L.t("Name", "名称"), text: d?.name ?? ""),
                FormField(key: "contact", label: L.t("Contact", "联系人"), text: d?.contact ?? ""),
                FormField(key: "head_count", label: L.t("Head count", "人数"), text: d.map { String($0.headCount) } ?? "0", kind: .number),
            ])
    }

    static func submit(_ s: inout AppState, _ f: Form, id: String?) -> FormRefusal? {
        let L = s.lang
        let name = f.value("name").trimmed
        if name.isEmpty { return FormRefusal(L.t("The name is required", "名称不能为空"), field: "name") }
        guard let n = Int(f.value("head_count").trimmed), n >= 0 else {
            return FormRefusal(
                L.t(
                    "Head count must be a whole number ≥ 0, not “\(f.value("head_count"))”", "人数必须是 ≥ 0 的整数, 而不是 “\(f.value("head_count"))”"
                ),
                field: "head_count")
        }
        if let id {
            s.change(L.t("Updated \(name) (Ctrl-S saves)", "已更新 \(name) (Ctrl-S 保存)")) { ws in
                if let i = ws.departments.firstIndex(where: { $0.id == id }) {
                    ws.departments[i].name = name
                    ws.departments[i].contact = f.value("contact").trimmed
                    ws.departments[i].headCount = n
                }
            }
        } else {
            let id = IDSequence.next(after: s.workspace.departments.map(\.id), defaultPrefix: "D", defaultWidth: 2)
            s.change(L.t("Added \(name)", "已新增 \(name)")) { ws in
                ws.departments.append(Department(id: id, name: name, contact: f.value("contact").trimmed, headCount: n))
            }
            s.modal = .departments(DepartmentsState(selected: s.workspace.departments.count - 1))
        }
        return nil
    }

    static func render(_ s: AppState, _ st: DepartmentsState, into c: inout Canvas) {
        let L = s.lang
        let ws = s.workspace
        let h = min(s.height - 4, ws.departments.count + 4)
        let r = Rect(x: 4, y: 2, width: s.width - 8, height: h)
        c.fill(r)
        c.box(r, .accent, title: L.t("Departments", "部门"))
        let rows = ws.departments.map { d in
            [d.id, d.name, d.contact, String(d.headCount), String(ws.requirements.filter { $0.department == d.id }.count)]
        }
        // As wide as the names and contacts (by display width): a long Chinese name is not clipped
        // while the box has room; when it has not, the name gives way last.
        let cols = TableView.fitted(
            ["ID", L.t("Name", "名称"), L.t("Contact", "联系人"), L.t("Staff", "人数"), L.t("Reqs", "需求")], rows, minimum: [4, 14, 12, 5, 5],
            right: [3, 4],
            total: r.width - 4, shrink: 1)
        TableView.render(
            into: &c, area: Rect(x: r.x + 2, y: r.y + 1, width: r.width - 4, height: h - 2), columns: cols, rows: rows,
            selected: rows.isEmpty ? nil : st.selected, offset: max(0, st.selected - (h - 4)))
        c.text(r.x + 2, r.maxY - 1, " " + App.fitHints(KeyMap.hints(for: [.departments], s), width: r.width - 6) + " ", .dim)
    }
}
