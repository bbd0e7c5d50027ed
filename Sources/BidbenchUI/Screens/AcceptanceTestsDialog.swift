import BidbenchCore

/// The contract's acceptance tests (`t` on the Delivery screen): `a` records a test, `Enter` opens
/// one filled in (result, date, tester, evidence, runs), `d` deletes it (`u` brings it back).
enum AcceptanceTestsDialog {
    static let results = ["pending", "pass", "fail"]

    static func resultLabel(_ r: TestResult, _ L: Lang) -> String { ReportLabels.delivery("test_result", r.id, L.labels) }

    static func indices(_ s: AppState, _ contract: String) -> [Int] {
        DeliveryLists.indices(s.workspace.delivery.acceptance, contract, \.contract)
    }

    static func handle(_ s: inout AppState, _ st: DeliveryListState, _ cmd: Command) {
        let contract = st.contract
        DeliveryLists.recordKeys(
            &s, st, cmd, \.acceptance, rows: indices(s, contract), form: { form($0, contract: contract, index: $1) },
            deleted: { t, L in L.t("Deleted acceptance test \(t.id) (u to undo)", "已删除验收测试 \(t.id) (按 u 撤销)") })
    }

    static func form(_ s: AppState, contract: String, index: Int?) -> Form {
        let L = s.lang
        let t = index.map { s.workspace.delivery.acceptance[$0] }
        let mine = s.workspace.delivery.acceptance.filter { $0.contract == contract }.map(\.id)
        // A result typed in the file that Bidbench does not know stays a choice, never dropped.
        let result = t?.result.id ?? "pending"
        let choices = FormField.choices(results, keeping: result)
        return Form(
            target: .acceptanceTest(contract: contract, index: index),
            title: t.map { L.t("Edit acceptance test \($0.id)", "编辑验收测试 \($0.id)") }
                ?? L.t("New acceptance test · \(contract)", "新增验收测试 · \(contract)"),
            fields: [
                FormField(
                    key: "id", label: L.t("ID (e.g. A1.2)", "编号 (如 A1.2)"), text: t?.id ?? DeliveryLists.bump(mine.last, default: "A1.1")),
                FormField(
                    key: "requirements", label: L.t("Requirements (R01;R03)", "需求 (R01;R03)"),
                    text: t?.requirements.joined(separator: ";") ?? ""),
                FormField(key: "criterion", label: L.t("Criterion", "验收标准"), text: t?.criterion ?? "", kind: .long),
                FormField(
                    key: "result", label: L.t("Result", "结果"), choices: choices,
                    labels: choices.map { resultLabel(TestResult(parsing: $0), L) }, selected: result,
                    aliases: choices.map { [resultLabel(TestResult(parsing: $0), .zh), resultLabel(TestResult(parsing: $0), .en)] }),
                FormField(
                    // A new test is pending: its date is the result's, set when there is one (a finance
                    // pass: a test added in May and passed in September kept May's date).
                    key: "date", label: L.t("Date", "日期"), text: t.map { $0.date?.description ?? "" } ?? "", kind: .date),
                FormField(key: "tester", label: L.t("Tester", "测试人"), text: t?.tester ?? ""),
                FormField(key: "note", label: L.t("Evidence", "证据"), text: t?.note ?? "", kind: .long),
                FormField(key: "attempts", label: L.t("Runs so far", "测试次数"), text: String(t?.attempts ?? 1), kind: .number),
            ], focusOn: t == nil ? "requirements" : "result")
    }

    /// Validates and applies the form; a refusal keeps the form open on the bad field.
    static func submit(_ s: inout AppState, _ f: Form, contract: String, index: Int?) -> FormRefusal? {
        let L = s.lang
        let id = f.value("id").trimmed
        if id.isEmpty { return FormRefusal(L.t("The ID is required", "编号不能为空"), field: "id") }
        let all = s.workspace.delivery.acceptance
        if all.enumerated().contains(where: { $0.element.contract == contract && $0.element.id == id && $0.offset != index }) {
            return FormRefusal(L.t("Test \(id) already exists for \(contract)", "合同 \(contract) 已有测试 \(id)"), field: "id")
        }
        let reqs = DeliveryLists.ids(f.value("requirements"))
        if reqs.isEmpty { return FormRefusal(L.t("Name the requirement(s) the test proves", "请填写该测试验证的需求"), field: "requirements") }
        let known = Set(s.workspace.requirements.map(\.id))
        if let bad = reqs.first(where: { !known.contains($0) }) {
            return FormRefusal(L.t("\(bad) is not a requirement id", "\(bad) 不是需求编号"), field: "requirements")
        }
        var date: Day?
        switch DeliveryLists.optionalDay(f, "date", L) {
        case .failure(let r): return r
        case .success(let d): date = d
        }
        let runsText = normalizedDigits(f.value("attempts")).trimmed
        guard var runs = runsText.isEmpty ? 1 : Int(runsText), runs >= 1 else {
            return FormRefusal(
                L.t("Runs must be a whole number from 1, not “\(runsText)”", "测试次数须为 1 或以上的整数, 而不是 “\(runsText)”"), field: "attempts")
        }
        let result = TestResult(parsing: f.value("result"))
        // A result is dated when it happened: not after today (a date already there stands).
        if let d = date, d > s.today, result != .pending, d != index.flatMap({ $0 < all.count ? all[$0].date : nil }) {
            return FormRefusal(
                f.label(of: "date") + ": "
                    + L.t("\(d) is after today (\(s.today)): a result is dated when it happened", "\(d) 晚于今天 (\(s.today)): 测试结果须记为已发生的日期"),
                field: "date")
        }
        var said: [String] = []
        // A failed test recorded again (passed, or failed on another day) is one more run, unless the
        // runs were typed: a helper's pass saw a fail → pass retest kept 1 run and count as passed
        // first time, in the delivery figures and the vendor review's first-pass rate.
        if let index, index < all.count, all[index].result == .fail, runs == all[index].attempts,
            result == .pass || (result == .fail && date != all[index].date)
        {
            runs += 1
            said.append(L.t("run \(runs)", "第 \(runs) 次测试"))
        }
        // A pending test given its result keeps the day it was written down only if that day was changed:
        // left as it was, the result is dated today (the warranty starts on the day the tests passed).
        if let index, index < all.count, all[index].result == .pending, result != .pending, let old = all[index].date, date == old,
            old != s.today
        {
            date = s.today
            said.append(L.t("dated today, \(s.today) (it was pending since \(old))", "日期记为今天 \(s.today) (待测时为 \(old))"))
        }
        // A result without a day is dated today (the warranty starts on the day the tests passed).
        if date == nil && result != .pending {
            date = s.today
            said.append(L.t("dated today, \(s.today)", "日期记为今天 \(s.today)"))
        }
        let test = AcceptanceTest(
            contract: contract, id: id, requirements: reqs, criterion: f.value("criterion").trimmed,
            result: result, date: date, tester: f.value("tester").trimmed, note: f.value("note").trimmed,
            attempts: runs)
        let extra = said.isEmpty ? "" : " (" + said.joined(separator: "; ") + ")"
        ListKeys.save(
            &s, test, at: index, in: \.delivery.acceptance, updated: L.t("Updated acceptance test \(id)", "已更新验收测试 \(id)") + extra,
            added: L.t("Added acceptance test \(id)", "已新增验收测试 \(id)") + extra)
        let row = indices(s, contract).firstIndex { s.workspace.delivery.acceptance[$0].id == id } ?? 0
        s.modal = .deliveryList(DeliveryListState(kind: .tests, contract: contract, selected: row))
        s.delivery.pane = .tests
        return nil
    }

    static func render(_ s: AppState, _ st: DeliveryListState, into c: inout Canvas) {
        let L = s.lang
        let tests = indices(s, st.contract).map { s.workspace.delivery.acceptance[$0] }
        let a = AcceptanceRules.summary(tests)
        let rows = tests.map { t -> [String] in
            let mark = t.result == .pass ? "✔ " : t.result == .fail ? "✗ " : "… "
            return [
                t.id, t.requirements.joined(separator: ";"), mark + resultLabel(t.result, L), t.date?.description ?? "", t.tester,
                String(t.attempts), t.criterion,
            ]
        }
        let sel = st.selected < tests.count ? tests[st.selected] : nil
        DeliveryLists.frame(
            s, st,
            title: L.t(
                "Acceptance tests — \(st.contract) · \(a.passed) passed · \(a.failed) failed · \(a.pending) pending",
                "验收测试 — \(st.contract) · 通过 \(a.passed) · 未通过 \(a.failed) · 待测 \(a.pending)"),
            columns: [
                Column(L.t("ID", "编号"), 6), Column(L.t("Requirements", "需求"), 10), Column(L.t("Result", "结果"), 8),
                Column(L.t("Date", "日期"), 10), Column(L.t("Tester", "测试人"), 12), Column(L.t("Runs", "次数"), 4, right: true),
                Column(L.t("Criterion", "验收标准"), 10),
            ], flex: 6, rows: rows,
            detail: sel.map { t in
                "\(t.id) \(t.criterion)" + (t.tester.isEmpty ? "" : L.t(" · tester: ", " · 测试人: ") + t.tester)
                    + (t.note.isEmpty ? "" : L.t(" · evidence: ", " · 证据: ") + t.note)
            }, empty: L.t("No acceptance tests yet. Press a to record one.", "还没有验收测试。按 a 记录。"), into: &c)
    }
}
