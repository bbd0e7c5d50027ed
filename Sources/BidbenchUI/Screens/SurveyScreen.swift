import BidbenchCore

/// A needs survey in progress (a meeting mode of the Requirements screen).
public struct SurveyState: Equatable, Sendable {
    /// nil while the department is being picked.
    public var department: String?
    public var pick = 0
    public var question = 0
    public var answers: [TextField]
    /// Requirements recorded in this session.
    public var recorded: [String] = []
    public init(questions: Int) { answers = Array(repeating: TextField(), count: questions) }
}

/// Survey mode: pick a department, then one question a screen; Enter goes on, Esc leaves and keeps
/// what was answered. Each round of answers becomes a draft requirement of that department, dated today.
public enum SurveyScreen {
    /// The workspace's questionnaire (`survey.csv`), else the default one.
    static func questions(_ s: AppState) -> [SurveyQuestion] { s.workspace.survey.isEmpty ? Survey.defaultQuestions : s.workspace.survey }

    static func start(_ s: inout AppState) {
        guard !s.readOnly else {
            s.say(s.readOnlyReason, error: true)
            return
        }
        guard !s.workspace.departments.isEmpty else {
            s.say(s.lang.t("Add a department first (D)", "请先新增部门 (D)"), error: true)
            return
        }
        var st = SurveyState(questions: questions(s).count)
        if let d = s.requirements.department { st.department = s.workspace.departments[d].id }
        s.modal = .survey(st)
    }

    static func handle(_ s: inout AppState, _ st0: SurveyState, _ cmd: Command) {
        var st = st0
        let depts = s.workspace.departments
        guard let dept = st.department else {
            switch cmd {
            case .up: st.pick = max(0, st.pick - 1)
            case .down: st.pick = min(depts.count - 1, st.pick + 1)
            case .pick: st.department = depts[st.pick].id
            case .close:
                s.modal = nil
                return
            default: break
            }
            s.modal = .survey(st)
            return
        }
        // A priority answer that is none of the four is asked again (it became `should`, and a
        // must-have the department asked for stopped being a gate: user test pass).
        let qs = questions(s)
        if cmd == .finishSurvey || cmd == .nextQuestion,
            let k = qs.indices.first(where: { k in
                qs[k].field == "priority" && (cmd == .finishSurvey || k == st.question)
                    && !st.answers[k].text.trimmed.isEmpty && Priority(parsing: st.answers[k].text) == nil
            })
        {
            st.question = k
            // Marked whole, as a form marks a refused value: what is typed next replaces it (`p` then
            // `中` gave `p中`: user test pass); an arrow key edits it instead.
            st.answers[k].selectAll()
            s.modal = .survey(st)
            s.say(
                s.lang.t(
                    "“\(st.answers[k].text.trimmed)” is no priority: must, should, could or won't (also 1-4, high/medium/low)",
                    "“\(st.answers[k].text.trimmed)” 不是优先级: 必须、应该、可以或暂不 (也可输入 1-4、高/中/低)"), error: true)
            return
        }
        switch cmd {
        case .finishSurvey:
            record(&s, &st, department: dept)
            s.modal = nil
            s.say(
                s.lang.t(
                    "Survey closed: \(st.recorded.count) requirement(s) recorded \(st.recorded.joined(separator: " "))",
                    "调研结束: 共记录 \(st.recorded.count) 条需求 \(st.recorded.joined(separator: " "))"))
            return
        case .nextQuestion:
            if st.question < questions(s).count - 1 {
                st.question += 1
            } else {
                record(&s, &st, department: dept)
                st.answers = Array(repeating: TextField(), count: questions(s).count)
                st.question = 0
            }
        case .prevQuestion:
            st.question = max(0, st.question - 1)
        default:
            st.answers[st.question].apply(cmd)
        }
        s.modal = .survey(st)
    }

    /// Adds the current round as a requirement when its function was answered.
    static func record(_ s: inout AppState, _ st: inout SurveyState, department: String) {
        let id = RequirementsScreen.nextID(s.workspace)
        let name = s.workspace.departments.first { $0.id == department }?.name ?? department
        guard
            let r = Survey.requirement(
                id: id, department: department, departmentName: name, date: s.today,
                questions: questions(s), answers: st.answers.map(\.text), lang: s.lang.rawValue)
        else { return }
        s.change(s.lang.t("Recorded \(id) \(r.title)", "已记录 \(id) \(r.title)")) { ws in
            ws.requirements.append(r)
            ws.requirements.sort { $0.id < $1.id }
        }
        st.recorded.append(id)
    }

    static func render(_ s: AppState, _ st: SurveyState, into c: inout Canvas) {
        let L = s.lang
        let r = Rect(x: 1, y: 1, width: s.width - 2, height: App.body(s).height)
        c.fill(r)
        c.box(r, .accent, title: L.t("Needs survey", "需求调研"))
        guard let dept = st.department else {
            renderPick(s, st, into: &c, box: r)
            return
        }
        let name = s.workspace.departments.first { $0.id == dept }?.name ?? dept
        let q = questions(s)[st.question]
        c.text(
            r.x + 2, r.y + 1,
            "\(name) · \(s.today) · \(L.t("question", "问题")) \(st.question + 1)/\(questions(s).count) · \(L.t("recorded", "已记录")) \(st.recorded.count)",
            .dim, maxWidth: r.width - 4)
        // The question, the answer and the earlier answers wrap: a long answer is read whole.
        var y = r.y + 3
        for line in TextWidth.wrap(L.t(q.en.isEmpty ? q.zh : q.en, q.zh.isEmpty ? q.en : q.zh), r.width - 4).prefix(2) {
            c.text(r.x + 2, y, line, .bold, maxWidth: r.width - 4)
            y += 1
        }
        y += 1
        let answerH = min(4, max(1, st.answers[st.question].wrappedHeight(width: r.width - 8)))
        st.answers[st.question].renderWrapped(
            into: &c, x: r.x + 4, y: y, width: r.width - 8, height: answerH, focused: true, style: Style(underline: true))
        y += answerH + 1
        for (i, a) in st.answers.enumerated() where i != st.question && !a.text.isEmpty {
            let q = questions(s)[i]
            for line in TextWidth.wrap("\(L.t(q.en.isEmpty ? q.zh : q.en, q.zh.isEmpty ? q.en : q.zh)) \(a.text)", r.width - 8)
            where y < r.maxY - 1 {
                c.text(r.x + 4, y, line, .dim, maxWidth: r.width - 8)
                y += 1
            }
        }
        c.text(r.x + 2, r.maxY - 1, " " + App.fitHints(KeyMap.hints(for: [.survey, .textEditing], s), width: r.width - 6) + " ", .dim)
    }

    /// The department picker: a table whose columns line up by display width (Chinese names take
    /// two cells a character), as wide as its longest entry, scrolling to keep the pick in view.
    static func renderPick(_ s: AppState, _ st: SurveyState, into c: inout Canvas, box r: Rect) {
        let L = s.lang
        let ws = s.workspace
        c.text(r.x + 2, r.y + 1, L.t("Which department?", "哪个部门?"), .bold)
        c.text(r.x + 2, r.maxY - 1, " " + App.fitHints(KeyMap.hints(for: [.surveyPick], s), width: r.width - 6) + " ", .dim)
        let rows = ws.departments.map { d in
            [d.name, d.contact, String(d.headCount), String(ws.requirements.filter { $0.department == d.id }.count)]
        }
        let titles = [L.t("Department", "部门"), L.t("Contact", "联系人"), L.t("Staff", "人数"), L.t("Requirements", "已有需求")]
        // A name longer than the box leaves the other columns their room and is clipped last.
        let room = r.width - 8
        let cols = TableView.fitted(titles, rows, right: [2, 3], total: room, shrink: 0)
        // Rows under the header, above the bottom line; one kept for "more" when they do not all fit.
        let rowsRoom = max(2, r.height - 4)
        let fits = rows.count <= rowsRoom
        let visible = fits ? rowsRoom : rowsRoom - 1
        let offset = max(0, min(st.pick - visible + 1, rows.count - visible))
        let area = Rect(x: r.x + 4, y: r.y + 2, width: room, height: visible + 1)
        TableView.render(into: &c, area: area, columns: cols, rows: rows, selected: st.pick, offset: offset)
        if !fits {
            let below = rows.count - offset - visible
            var parts: [String] = []
            if below > 0 { parts.append(L.t("▼ \(below) more below (↓)", "▼ 下方还有 \(below) 个 (↓)")) }
            if offset > 0 { parts.append(L.t("▲ \(offset) above (↑)", "▲ 上方 \(offset) 个 (↑)")) }
            c.text(r.x + 4, area.maxY, parts.joined(separator: " · "), .accent, maxWidth: room)
        }
    }
}
