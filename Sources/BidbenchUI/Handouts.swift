import BidbenchCore

/// The `:` commands of meetings: `:report`, `:meeting`, `:scenario save`, `:export`. They read the
/// session (screen, department filter, what-if) and hand the I/O to the host as effects.
public enum Handouts {
    static func command(_ s: inout AppState, _ verb: String, _ args: [String]) -> [Effect] {
        switch verb {
        case "report": return report(&s, args)
        case "meeting":
            guard args.count <= 1 else {
                return usage(&s, "meeting [survey|scoring|budget|legal|delivery]", "meeting [survey|scoring|budget|legal|delivery]")
            }
            let kind = args.isEmpty ? MeetingForm.kind(of: s.screen) : MeetingKind(parsing: args[0])
            guard let kind else {
                return usage(&s, "meeting [survey|scoring|budget|legal|delivery]", "meeting [survey|scoring|budget|legal|delivery]")
            }
            if s.readOnly {
                s.say(s.readOnlyReason, error: true)
                return []
            }
            MeetingForm.open(&s, kind: kind)
            return []
        case "scenario":
            guard args.count >= 2, args[0] == "save" else { return usage(&s, "scenario save NAME", "scenario save 名称") }
            return saveScenario(&s, name: args.dropFirst().joined(separator: " "))
        default:
            return export(&s, args)
        }
    }

    static func usage(_ s: inout AppState, _ en: String, _ zh: String) -> [Effect] {
        s.say(s.lang.t("Usage: :\(en)", "用法: :\(zh)"), error: true)
        return []
    }

    /// The handout a screen writes when `:report` names none.
    static func kind(of screen: ScreenID) -> HandoutKind {
        switch screen {
        case .requirements: return .survey
        case .vendors: return .scoring
        case .budget: return .budget
        case .contracts: return .legal
        case .delivery: return .delivery
        }
    }

    /// `:report [survey|scoring|budget|legal|delivery|full] [html|md] [FILE]`, in any order. The
    /// format is the word, else the file's extension (`x.md`), else HTML; a second format word or a
    /// word the extension contradicts is refused (it would write HTML into a file named `md`).
    static func report(_ s: inout AppState, _ args: [String]) -> [Effect] {
        var kind: HandoutKind?
        var format: ReportFormat?
        var path: String?
        for a in args {
            if kind == nil, let k = HandoutKind(rawValue: a.lowercased()) {
                kind = k
            } else if let f = ReportFormat(word: a) {
                if let format {
                    s.say(
                        s.lang.t(
                            "One format only: “\(format.rawValue)” and “\(f.rawValue)” both given (a file name needs an extension, e.g. x.\(f.rawValue))",
                            "只能指定一种格式: 同时给了 “\(format.rawValue)” 和 “\(f.rawValue)” (文件名请带扩展名, 如 x.\(f.rawValue))"), error: true)
                    return []
                }
                format = f
            } else if path == nil {
                path = a
            } else {
                return usage(
                    &s, "report [survey|scoring|budget|legal|delivery|full] [html|md] [FILE]",
                    "report [survey|scoring|budget|legal|delivery|full] [html|md] [文件]")
            }
        }
        if let format, let path, let implied = ReportFormat(file: path), implied != format {
            s.say(
                s.lang.t(
                    "“\(path)” is a .\(implied.rawValue) name but the format asked is \(format.rawValue): drop one of them",
                    "“\(path)” 的扩展名表示 \(implied.rawValue), 但指定的格式是 \(format.rawValue): 请去掉其中之一"), error: true)
            return []
        }
        let chosen = (format ?? path.flatMap(ReportFormat.init(file:)) ?? .html).rawValue
        let k = kind ?? self.kind(of: s.screen)
        // A budget handout of a scenario the files cannot make would show another one: say why instead.
        if k == .budget, case .failure(let e) = BudgetScreen.scenario(s) {
            s.say(e.text(chinese: s.lang == .zh), error: true)
            return []
        }
        if k == .full { return [.writeReport(format: chosen, path: path)] }
        if k == .survey { keepMeetingRequirements(&s) }
        return [.writeHandout(kind: k, format: chosen, path: path)]
    }

    /// The department filtered on Requirements (its id), nil for every department.
    static func department(_ s: AppState) -> String? {
        guard let d = s.requirements.department, d < s.workspace.departments.count else { return nil }
        return s.workspace.departments[d].id
    }

    /// A survey handout written for today's recorded meeting keeps the department's requirements as
    /// they stand with that meeting (`meeting_requirements.csv`, saved with the workspace): the next
    /// survey meeting of the department lists its changes against them.
    static func keepMeetingRequirements(_ s: inout AppState) {
        let dept = department(s)
        guard !s.readOnly, let m = s.workspace.surveyMeeting(department: dept, on: s.today) else { return }
        let rows = s.workspace.requirements.filter { dept == nil || $0.department == dept }.map {
            MeetingRequirement(meeting: m.id, requirement: $0)
        }
        guard s.workspace.meetingRequirements.filter({ $0.meeting == m.id }) != rows else { return }
        s.change { ws in
            ws.meetingRequirements.removeAll { $0.meeting == m.id }
            ws.meetingRequirements += rows
        }
    }

    /// The handout of `kind` for this session: the department filtered on Requirements, the
    /// scenario in effect on Budget (a what-if said as such). The host adds the clock, the git
    /// commit and the requirements as they were at the last meeting (from the journal).
    public static func request(_ s: AppState, kind: HandoutKind, generated: String, commit: String? = nil, baseline: [Requirement]? = nil)
        -> HandoutRequest
    {
        var report = ReportRequest(workspace: s.workspace, today: s.today, language: s.lang.labels, commit: commit)
        report.problems = s.problems
        // While blind an evaluator's handout holds their own scores (`PanelRule`), the lead's none.
        report.viewer = PanelViewer(as: s.evaluator)
        var r = HandoutRequest(report: report, kind: kind, generated: generated)
        r.department = department(s)
        // A failing scenario never gets here for a budget handout (`report` says why and stops);
        // other handouts do not show the scenario.
        r.scenario = try? BudgetScreen.scenario(s).get()
        let saved = try? BudgetScreen.named(s, s.budget.named).get()
        if let whatIf = s.session.whatIf, whatIf != saved { r.whatIfFrom = saved }
        r.baseline = baseline
        return r
    }

    /// The day of the survey's last meeting when it kept no requirements of its own: the host then
    /// rebuilds them from the journal (`HandoutRequest.baseline`). Nil when there is no need.
    public static func previousMeetingDay(_ s: AppState, kind: HandoutKind) -> Day? {
        guard kind == .survey else { return nil }
        let dept = department(s)
        let current = s.workspace.surveyMeeting(department: dept, on: s.today)
        guard let m = s.workspace.previousSurveyMeeting(department: dept, current: current, day: s.today),
            s.workspace.requirements(atMeeting: m.id) == nil
        else { return nil }
        return m.date
    }

    /// `:scenario save NAME`: the scenario in effect (usually a what-if) becomes a row of scenarios.csv.
    static func saveScenario(_ s: inout AppState, name raw: String) -> [Effect] {
        let name = raw.trimmed
        if s.readOnly {
            s.say(s.readOnlyReason, error: true)
            return []
        }
        guard !name.isEmpty, !name.contains(where: { $0.isNewline }) else {
            return usage(&s, "scenario save NAME", "scenario save 名称")
        }
        // The base scenario comes from workspace.json; a row under its name would be a second base.
        guard !Scenario.isBaseName(name) else {
            s.say(
                s.lang.t(
                    "“\(name)” is the name of the base scenario (from workspace.json): choose another name",
                    "“\(name)” 是基准情景 (取自 workspace.json) 的名称: 请另取一个名称"), error: true)
            return []
        }
        guard let sc = BudgetScreen.current(&s) else { return [] }
        func text(_ r: ExactRatio) -> String { r.decimalText ?? r.description }
        let row = NamedScenario(
            name: name, years: String(sc.years), users: String(sc.users), growth: text(sc.growth), escalation: text(sc.escalation),
            discountRate: text(sc.discountRate))
        // Written at once by the effect (like a save), so it is no undo step and leaves `dirty` alone.
        if let i = s.workspace.scenarios.firstIndex(where: { $0.name == name }) {
            s.workspace.scenarios[i] = row
        } else {
            s.workspace.scenarios.append(row)
        }
        s.budget.named = (s.workspace.scenarios.firstIndex { $0.name == name } ?? 0) + 1
        s.session.whatIf = nil
        s.session.whatIfHistory = []
        s.say(s.lang.t("Saving scenario “\(name)”…", "正在保存情景 “\(name)”…"))
        return [.saveScenario(row)]
    }

    /// `:export KIND [machine] [FILE]`: for people unless `machine` is given.
    static func export(_ s: inout AppState, _ args: [String]) -> [Effect] {
        guard let table = args.first, args.count <= 3 else {
            return usage(&s, "export KIND [machine] [FILE]", "export 表名 [machine] [文件]")
        }
        var rest = Array(args.dropFirst())
        var forPeople = true
        if let i = rest.firstIndex(where: { $0 == "machine" || $0 == "people" }) {
            forPeople = rest[i] == "people"
            rest.remove(at: i)
        }
        guard rest.count <= 1 else { return usage(&s, "export KIND [machine] [FILE]", "export 表名 [machine] [文件]") }
        // A blind panel: nobody's scores leave the workspace before the reveal.
        if table == "scores" && !s.workspace.settings.revealed {
            // An evaluator is told how to get her own sheet (a meeting pass: she was told the lead's key).
            if let evaluator = s.evaluator {
                // Quoted for the shell when it holds a space or a mark (a meeting pass: `--evaluator Zhang Wei`
                // pasted as shown failed).
                let plain = evaluator.unicodeScalars.allSatisfy {
                    $0.properties.isAlphabetic || "0123456789_.-".unicodeScalars.contains($0)
                }
                let who = plain ? evaluator : "'" + evaluator.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
                s.say(
                    s.lang.t(
                        "While blind only your own scores leave the workspace: bidbench export scores --evaluator \(who) -o FILE (outside the shared folder)",
                        "盲评期间只能导出你本人的评分: bidbench export scores --evaluator \(who) -o 文件 (请放在共享文件夹以外)"), error: true)
                return []
            }
            s.say(
                s.lang.t("Scores are sealed until the lead reveals them (R on the Vendors screen)", "评分揭晓之前不能导出 (主持人在供应商页按 R 揭晓)"),
                error: true)
            return []
        }
        var department: String?
        if forPeople, table == "requirements", let d = s.requirements.department, d < s.workspace.departments.count {
            department = s.workspace.departments[d].id
        }
        return [.export(table: table, forPeople: forPeople, department: department, path: rest.first)]
    }
}
