import BidbenchCore

/// One training session's results (`r` on a session): each attendee's exam or practical score.
/// `a` adds an attendee, `Enter` edits a score (empty = registered but absent), `d` deletes a row.
enum TrainingResultsDialog {
    static let verdicts = ["", "true", "false"]

    static func verdictLabel(_ v: String, _ L: Lang) -> String {
        switch v {
        case "true": return L.t("passed", "通过")
        case "false": return L.t("not passed", "未通过")
        default: return L.t("by the score (≥ 60)", "按成绩 (≥ 60 通过)")
        }
    }

    static func indices(_ s: AppState, _ session: String) -> [Int] {
        DeliveryLists.indices(s.workspace.delivery.trainingResults, session, \.session)
    }

    static func handle(_ s: inout AppState, _ st: DeliveryListState, session: String, _ cmd: Command) {
        if cmd == .close {
            // Back to the sessions, on this one.
            let row = TrainingDialog.indices(s, st.contract).firstIndex { s.workspace.delivery.training[$0].id == session } ?? 0
            s.modal = .deliveryList(DeliveryListState(kind: .training, contract: st.contract, selected: row))
            return
        }
        let contract = st.contract
        DeliveryLists.recordKeys(
            &s, st, cmd, \.trainingResults, rows: indices(s, session), form: { form($0, contract: contract, session: session, index: $1) },
            deleted: { r, L in L.t("Deleted the result of \(r.person) (u to undo)", "已删除 \(r.person) 的成绩 (按 u 撤销)") })
    }

    static func form(_ s: AppState, contract: String, session: String, index: Int?) -> Form {
        let L = s.lang
        let r = index.map { s.workspace.delivery.trainingResults[$0] }
        return Form(
            target: .trainingResult(contract: contract, session: session, index: index),
            title: r.map { L.t("Result of \($0.person) · session \(session)", "\($0.person) 的成绩 · 场次 \(session)") }
                ?? L.t("New result · session \(session)", "新增成绩 · 场次 \(session)"),
            fields: [
                FormField(key: "person", label: L.t("Attendee", "姓名"), text: r?.person ?? ""),
                FormField(key: "department", label: L.t("Department", "部门"), text: r?.department ?? ""),
                FormField(
                    key: "score", label: L.t("Score (empty: absent)", "成绩 (空: 缺席)"),
                    text: r?.score.map { NumberText.upTo($0, 1) } ?? "",
                    kind: .number),
                FormField(
                    key: "passed", label: L.t("Passed", "是否通过"), choices: verdicts, labels: verdicts.map { verdictLabel($0, L) },
                    selected: r?.passed.map { String($0) } ?? "", aliases: verdicts.map { [verdictLabel($0, .zh), verdictLabel($0, .en)] }),
            ], focusOn: r == nil ? "person" : "score")
    }

    /// Validates and applies the form; a refusal keeps the form open on the bad field.
    static func submit(_ s: inout AppState, _ f: Form, contract: String, session: String, index: Int?) -> FormRefusal? {
        let L = s.lang
        let person = f.value("person").trimmed
        if person.isEmpty { return FormRefusal(L.t("Name the attendee", "请填写姓名"), field: "person") }
        let all = s.workspace.delivery.trainingResults
        if all.enumerated().contains(where: { $0.element.session == session && $0.element.person == person && $0.offset != index }) {
            return FormRefusal(L.t("\(person) already has a result in \(session)", "\(person) 在场次 \(session) 已有成绩"), field: "person")
        }
        let score: Double?
        switch DeliveryLists.number(f, "score", L, range: 0...100, what: ("The score", "成绩")) {
        case .failure(let r): return r
        case .success(let v): score = v
        }
        let passed: Bool? = f.value("passed").isEmpty ? nil : f.value("passed") == "true"
        let result = TrainingResult(
            session: session, person: person, department: f.value("department").trimmed, score: score, passed: passed)
        ListKeys.save(
            &s, result, at: index, in: \.delivery.trainingResults, updated: L.t("Updated the result of \(person)", "已更新 \(person) 的成绩"),
            added: L.t("Added the result of \(person)", "已新增 \(person) 的成绩"),
            // After the session's other results, so the file stays grouped by session.
            insertAt: { rows in rows.lastIndex { $0.session == session }.map { $0 + 1 } ?? rows.count })
        let row = indices(s, session).firstIndex { s.workspace.delivery.trainingResults[$0].person == person } ?? 0
        s.modal = .deliveryList(DeliveryListState(kind: .results(session: session), contract: contract, selected: row))
        return nil
    }

    static func render(_ s: AppState, _ st: DeliveryListState, session: String, into c: inout Canvas) {
        let L = s.lang
        let results = indices(s, session).map { s.workspace.delivery.trainingResults[$0] }
        let t = s.workspace.delivery.training.first { $0.id == session }
        let rows = results.map { r -> [String] in
            let sat = r.score != nil || r.passed != nil
            let verdict = !sat ? L.t("absent", "缺席") : r.hasPassed ? "✔ " + L.t("passed", "通过") : "✗ " + L.t("not passed", "未通过")
            return [r.person, r.department, r.score.map { NumberText.upTo($0, 1) } ?? "—", verdict]
        }
        let tested = results.filter { $0.score != nil || $0.passed != nil }
        let passed = tested.filter(\.hasPassed).count
        let title =
            L.t("Results — session \(session)", "成绩 — 场次 \(session)") + (t.map { " \($0.module)" } ?? "")
            + L.t(" · passed \(passed)/\(tested.count)", " · 通过 \(passed)/\(tested.count)")
            + (t.map { L.t(" · target ", " · 目标 ") + NumberText.percent(points: $0.passTarget * 100) } ?? "")
        DeliveryLists.frame(
            s, st, title: title,
            columns: [
                Column(L.t("Attendee", "姓名"), 10), Column(L.t("Department", "部门"), 10), Column(L.t("Score", "成绩"), 6, right: true),
                Column(L.t("Result", "结果"), 10),
            ], flex: 3, rows: rows, detail: nil,
            empty: L.t("No results yet. Press a to add an attendee's score.", "还没有成绩。按 a 录入学员成绩。"), into: &c)
    }
}
