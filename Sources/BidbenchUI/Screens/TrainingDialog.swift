import BidbenchCore

/// The contract's training sessions (`s` on the Delivery screen): `a` plans a session, `Enter`
/// edits one, `r` opens its results (each attendee's exam or practical score), `d` deletes a
/// session that has no results yet (`u` brings it back).
enum TrainingDialog {
    static let levels = ["basic", "advanced", "admin"]
    static let modes = ["offline", "online", "onsite"]

    static func levelLabel(_ level: String, _ L: Lang) -> String {
        switch level {
        case "basic": return L.t("basic (staff)", "基础 (普通员工)")
        case "advanced": return L.t("advanced (managers)", "高级 (管理人员)")
        case "admin": return L.t("admin", "管理员")
        default: return level
        }
    }

    /// The level in a table cell: `基础`, `advanced`.
    static func shortLevel(_ level: String, _ L: Lang) -> String { ReportLabels.delivery("training_level", level, L.labels) }

    static func modeLabel(_ mode: String, _ L: Lang) -> String { ReportLabels.delivery("training_mode", mode, L.labels) }

    static func indices(_ s: AppState, _ contract: String) -> [Int] {
        DeliveryLists.indices(s.workspace.delivery.training, contract, \.contract)
    }

    static func handle(_ s: inout AppState, _ st: DeliveryListState, _ cmd: Command) {
        let idx = indices(s, st.contract)
        let contract = st.contract
        if cmd == .trainingResults {
            guard st.selected < idx.count else {
                s.say(s.lang.t("No session yet: a plans one", "尚无培训场次: 按 a 安排"), error: true)
                return
            }
            let session = s.workspace.delivery.training[idx[st.selected]].id
            s.modal = .deliveryList(DeliveryListState(kind: .results(session: session), contract: contract))
            return
        }
        if cmd == .delete, st.selected < idx.count {
            let id = s.workspace.delivery.training[idx[st.selected]].id
            let n = s.workspace.delivery.trainingResults.filter { $0.session == id }.count
            if n > 0 {
                s.say(
                    s.lang.t("Session \(id) has \(n) results: delete them first (r)", "场次 \(id) 已有 \(n) 条成绩: 请先删除成绩 (r)"),
                    error: true)
                return
            }
        }
        DeliveryLists.recordKeys(
            &s, st, cmd, \.training, rows: idx, form: { form($0, contract: contract, index: $1) },
            deleted: { t, L in L.t("Deleted training session \(t.id) (u to undo)", "已删除培训场次 \(t.id) (按 u 撤销)") })
    }

    static func form(_ s: AppState, contract: String, index: Int?) -> Form {
        let L = s.lang
        let t = index.map { s.workspace.delivery.training[$0] }
        let level = t?.level ?? "basic"
        let levelChoices = FormField.choices(levels, keeping: level)
        let mode = t?.mode.id ?? "offline"
        let modeChoices = FormField.choices(modes, keeping: mode)
        return Form(
            target: .trainingSession(contract: contract, index: index),
            title: t.map { L.t("Edit training session \($0.id)", "编辑培训场次 \($0.id)") }
                ?? L.t("New training session · \(contract)", "新增培训场次 · \(contract)"),
            fields: [
                FormField(
                    key: "id", label: L.t("ID", "编号"),
                    text: t?.id ?? IDSequence.next(after: s.workspace.delivery.training.map(\.id), defaultPrefix: "S", defaultWidth: 2)),
                FormField(key: "module", label: L.t("Module", "模块"), text: t?.module ?? ""),
                FormField(
                    key: "level", label: L.t("User level", "用户层级"), choices: levelChoices, labels: levelChoices.map { levelLabel($0, L) },
                    selected: level, aliases: levelChoices.map { [levelLabel($0, .zh), levelLabel($0, .en)] }),
                FormField(
                    key: "date", label: L.t("Date", "日期"), text: t.map { $0.date?.description ?? "" } ?? s.today.description, kind: .date),
                FormField(
                    key: "mode", label: L.t("Mode", "方式"), choices: modeChoices, labels: modeChoices.map { modeLabel($0, L) },
                    selected: mode,
                    aliases: modeChoices.map { [modeLabel($0, .zh), modeLabel($0, .en)] }),
                FormField(key: "trainer", label: L.t("Trainer", "讲师"), text: t?.trainer ?? ""),
                FormField(key: "planned", label: L.t("Attendees planned", "计划人数"), text: t.map { String($0.planned) } ?? "", kind: .number),
                FormField(key: "present", label: L.t("Present", "实到人数"), text: t.map { String($0.present) } ?? "", kind: .number),
                FormField(
                    key: "pass_target", label: L.t("Pass target (80%)", "目标通过率 (80%)"),
                    text: t.map { NumberText.percent(points: $0.passTarget * 100) } ?? "80%"),
            ], focusOn: "module")
    }

    /// Validates and applies the form; a refusal keeps the form open on the bad field.
    static func submit(_ s: inout AppState, _ f: Form, contract: String, index: Int?) -> FormRefusal? {
        let L = s.lang
        let id = f.value("id").trimmed
        if id.isEmpty { return FormRefusal(L.t("The ID is required", "编号不能为空"), field: "id") }
        let all = s.workspace.delivery.training
        if all.enumerated().contains(where: { $0.element.id == id && $0.offset != index }) {
            return FormRefusal(L.t("Session \(id) already exists", "场次 \(id) 已存在"), field: "id")
        }
        let module = f.value("module").trimmed
        if module.isEmpty { return FormRefusal(L.t("Name the module", "请填写模块"), field: "module") }
        let date: Day?
        switch DeliveryLists.optionalDay(f, "date", L) {
        case .failure(let r): return r
        case .success(let d): date = d
        }
        var counts: [String: Int] = [:]
        for key in ["planned", "present"] {
            let t = normalizedDigits(f.value(key)).trimmed
            // The planned number is known when the session is planned (left empty it was saved as 0,
            // and the handout reported 20 present of 0 planned: user test pass); who came is filled
            // in afterwards (empty: none yet).
            if t.isEmpty && key == "planned" {
                return FormRefusal(
                    f.label(of: key) + ": " + L.t("enter the number of people planned", "请填写计划参加的人数"), field: key)
            }
            guard let n = t.isEmpty ? 0 : Int(t), n >= 0 else {
                return FormRefusal(f.label(of: key) + ": " + L.t("enter a number of people, not “\(t)”", "请输入人数, 而不是 “\(t)”"), field: key)
            }
            counts[key] = n
        }
        // More present than planned happens (people join on the day): kept, and said.
        let over =
            counts["present"]! > counts["planned"]!
            ? L.t(
                " (\(counts["present"]!) present, more than the \(counts["planned"]!) planned)",
                " (实到 \(counts["present"]!) 人, 多于计划的 \(counts["planned"]!) 人)") : ""
        let targetText = normalizedDigits(f.value("pass_target")).trimmed
        guard let target = RiskRegister.fraction(targetText), target >= 0, target <= 1 else {
            return FormRefusal(
                L.t("The target is a rate such as 80% or 0.8, not “\(targetText)”", "目标通过率应为 80% 或 0.8 这样的比率, 而不是 “\(targetText)”"),
                field: "pass_target")
        }
        let session = TrainingSession(
            contract: contract, id: id, level: f.value("level"), module: module, date: date, mode: TrainingMode(parsing: f.value("mode")),
            trainer: f.value("trainer").trimmed, planned: counts["planned"]!, present: counts["present"]!, passTarget: target)
        ListKeys.save(
            &s, session, at: index, in: \.delivery.training,
            updated: L.t("Updated training session \(id)", "已更新培训场次 \(id)") + over,
            added: L.t("Added training session \(id)", "已新增培训场次 \(id)") + over,
            alsoOnUpdate: { ws, replaced in
                // A renamed session keeps its results.
                if replaced.id != id {
                    for i in ws.delivery.trainingResults.indices where ws.delivery.trainingResults[i].session == replaced.id {
                        ws.delivery.trainingResults[i].session = id
                    }
                }
            })
        let row = indices(s, contract).firstIndex { s.workspace.delivery.training[$0].id == id } ?? 0
        s.modal = .deliveryList(DeliveryListState(kind: .training, contract: contract, selected: row))
        return nil
    }

    static func render(_ s: AppState, _ st: DeliveryListState, into c: inout Canvas) {
        let L = s.lang
        let sessions = indices(s, st.contract).map { s.workspace.delivery.training[$0] }
        let results = s.workspace.delivery.trainingResults
        let rows = sessions.map { t -> [String] in
            let mine = results.filter { $0.session == t.id }
            let tested = mine.filter { $0.score != nil || $0.passed != nil }
            let passed = tested.filter(\.hasPassed).count
            return [
                t.id, t.module, shortLevel(t.level, L), t.date?.description ?? "", modeLabel(t.mode.id, L), "\(t.present)/\(t.planned)",
                tested.isEmpty ? "—" : "\(passed)/\(tested.count)", NumberText.percent(points: t.passTarget * 100),
            ]
        }
        let summary = TrainingRules.summary(sessions: sessions, results: results)
        let rate = summary.passRate.map { DeliveryScreen.pct($0 * 100) } ?? "—"
        let sel = st.selected < sessions.count ? sessions[st.selected] : nil
        DeliveryLists.frame(
            s, st,
            title: L.t("Training — \(st.contract) · pass rate \(rate)", "培训 — \(st.contract) · 通过率 \(rate)"),
            columns: [
                Column(L.t("ID", "编号"), 4), Column(L.t("Module", "模块"), 8), Column(L.t("Level", "层级"), 10),
                Column(L.t("Date", "日期"), 10), Column(L.t("Mode", "方式"), 7), Column(L.t("Present", "实到"), 7, right: true),
                Column(L.t("Passed", "通过"), 6, right: true), Column(L.t("Target", "目标"), 6, right: true),
            ], flex: 1, rows: rows,
            detail: sel.map { t in "\(t.id) \(t.module) · " + L.t("trainer ", "讲师 ") + (t.trainer.isEmpty ? "—" : t.trainer) },
            empty: L.t("No sessions yet. Press a to plan one.", "还没有培训场次。按 a 安排。"), into: &c)
    }
}
