import BidbenchCore
import Foundation

/// What importing returned survey workbooks did: the workspace to save and a line per change.
public struct SurveyImportOutcome: Sendable {
    public var workspace: Workspace
    /// One line per file, then one per new or changed requirement (`  new R48 …`, `  updated R03: priority should → must`).
    public var report: [String]
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged = 0
    public var createdDepartments: [Department] = []
}

/// Survey workbooks (业务需求调研表) sent to a department and imported back.
///
/// The template has an instructions sheet (`说明`/`Instructions`, in the UI language) whose row
/// `部门`/`Department` names the department (name and id), and a needs sheet (`需求`/`Needs`) whose
/// columns are `编号`/`ID` and the workspace's survey questions (`survey.csv`, else the default
/// questionnaire), with drop-downs for priority and module and the department's current
/// requirements pre-filled (their detail split back into the questions it came from).
///
/// Importing (several files at once, all or nothing): a row with an id updates that requirement
/// of the department when something differs (it goes back to `draft`, its source names the
/// department, the date and the file); a row without an id becomes a new draft requirement; rows
/// that did not change are left alone. A department that does not exist is created unless `strict`.
public enum SurveyWorkbook {
    static func questions(_ w: Workspace) -> [SurveyQuestion] { w.survey.isEmpty ? Survey.defaultQuestions : w.survey }

    static func priorityLabel(_ p: Priority, chinese: Bool) -> String {
        switch p {
        case .must: return chinese ? "必须" : "must"
        case .should: return chinese ? "应该" : "should"
        case .could: return chinese ? "可以" : "could"
        case .wont: return chinese ? "暂不" : "won't"
        }
    }

    /// Short labels Survey uses in a requirement's detail, by field.
    static let detailLabels: [String: (String, String)] = [
        "problems": ("problems", "现状问题"), "users": ("users", "影响用户"), "budget": ("budget limit", "预算上限"), "deadline": ("deadline", "期限"),
    ]

    /// The department named by id or name, or nil.
    static func department(_ w: Workspace, _ key: String) -> Department? {
        let k = key.trimmed
        return w.departments.first { $0.id == k } ?? w.departments.first { $0.name.trimmed == k }
    }

    /// The template workbook for `departmentKey` (an id or a name; a name the workspace does not have
    /// yet is fine: the import creates it).
    public static func template(_ w: Workspace, department departmentKey: String, chinese: Bool, today: Day) -> Data {
        let t = { (en: String, zh: String) in chinese ? zh : en }
        let dept = department(w, departmentKey)
        let name = dept?.name ?? departmentKey.trimmed
        let qs = questions(w)
        let needsName = t("Needs", "需求")
        var info: [[XlsxCell]] = [
            [.header(t("Needs survey: \(name)", "\(name)需求调研表"))],
            [.text(t("Department", "部门")), .text(name), dept.map { .text($0.id) } ?? .empty],
            [.text(t("Workspace", "项目")), .text(w.settings.name)],
            [.text(t("Sent", "发出日期")), .day(today)],
            [],
        ]
        let notes = [
            t(
                "Write one need per row on the sheet “\(needsName)”. Keep the header row and the ID column as they are.",
                "请在“\(needsName)”工作表中每行填写一条需求; 请勿修改表头和“编号”列。"),
            t(
                "Your department's current needs are filled in for review: change what is wrong and keep the ID; leave the ID empty for a new need.",
                "本部门已有的需求已预先填入, 请核对: 修改后保留编号; 新增需求请将编号留空。"),
            t(
                "Pick the priority (and the module) from the drop-down lists; a new module may be typed.",
                "优先级 (和模块) 请从下拉列表中选择; 也可以填写新的模块。"),
            t(
                "Save as .xlsx (Excel or WPS) and send it back; the procurement lead imports it with: bidbench import survey FILE.xlsx",
                "填好后保存为 .xlsx (Excel 或 WPS) 并发回; 采购负责人用 bidbench import survey 文件.xlsx 导入。"),
        ]
        for n in notes { info.append([.note(n)]) }
        info.append([])
        info.append([.header(t("No.", "序号")), .header(t("Question", "问题"))])
        for (k, q) in qs.enumerated() { info.append([.number(Double(k + 1)), .note(chinese ? q.zh : q.en)]) }
        let instructions = XlsxSheet(name: t("Instructions", "说明"), rows: info, frozenRows: 0, widths: [14, 90, 10])

        var rows: [[XlsxCell]] = [[.header(t("ID", "编号"))] + qs.map { .header(chinese ? $0.zh : $0.en) }]
        let mine = w.requirements.filter { dept != nil && $0.department == dept!.id && $0.status != .dropped && $0.status != .merged }
        for r in mine { rows.append([.text(r.id)] + answers(r, questions: qs, chinese: chinese).map { $0.isEmpty ? .empty : .text($0) }) }
        let last = max(rows.count + 200, 300)
        var validations: [XlsxValidation] = []
        if let k = qs.firstIndex(where: { $0.field == "priority" }) {
            let col = XlsxReader.columnName(k + 1)
            validations.append(
                XlsxValidation(
                    range: "\(col)2:\(col)\(last)", values: Priority.allCases.map { priorityLabel($0, chinese: chinese) },
                    error: t("Pick a priority from the list", "请从列表中选择优先级")))
        }
        let modules = Array(Set(w.requirements.map(\.module.trimmed).filter { !$0.isEmpty })).sorted()
        if let k = qs.firstIndex(where: { $0.field == "module" }), !modules.isEmpty {
            let col = XlsxReader.columnName(k + 1)
            validations.append(
                XlsxValidation(
                    range: "\(col)2:\(col)\(last)", values: modules, error: t("Not a known module; keep it anyway?", "不是已知的模块; 仍要保留吗?"),
                    strict: false))
        }
        let widths = [10.0] + qs.map { q in q.field == "priority" || q.field == "module" ? 14 : 28 }
        let needs = XlsxSheet(name: needsName, rows: rows, widths: widths, validations: validations)
        return XlsxWriter.write([instructions, needs])
    }

    /// A requirement's answers to the questions: title, module, priority, acceptance, and the
    /// detail split back into the questions it came from (what matches none goes to `problems`).
    static func answers(_ r: Requirement, questions qs: [SurveyQuestion], chinese: Bool) -> [String] {
        var byField: [String: String] = [
            "function": r.title, "module": r.module, "priority": priorityLabel(r.priority, chinese: chinese), "acceptance": r.acceptance,
        ]
        var leftover: [String] = []
        for part in r.detail.components(separatedBy: "; ") where !part.trimmed.isEmpty {
            guard let colon = part.range(of: ": ") else {
                leftover.append(part)
                continue
            }
            let label = String(part[..<colon.lowerBound])
            let value = String(part[colon.upperBound...])
            let field =
                detailLabels.first { $0.value.0 == label || $0.value.1 == label }?.key
                ?? qs.first { $0.zh == label || $0.en == label }?.field
            if let field, byField[field] == nil, qs.contains(where: { $0.field == field }) {
                byField[field] = value
            } else {
                leftover.append(part)
            }
        }
        if !leftover.isEmpty { byField["problems"] = ([byField["problems"]].compactMap { $0 } + leftover).joined(separator: "; ") }
        var seen: Set<String> = []
        return qs.map { q in seen.insert(q.field).inserted ? byField[q.field] ?? "" : "" }
    }

    /// Imports returned survey workbooks into `w`, all or nothing. `files` are (name, bytes).
    public static func importFiles(_ files: [(name: String, bytes: [UInt8])], into w: Workspace, today: Day, strict: Bool = false)
        -> Result<SurveyImportOutcome, ImportFailure>
    {
        var run = SurveyImport(w, today: today, strict: strict)
        for file in files { run.importFile(name: file.name, bytes: file.bytes) }
        guard run.log.problems.isEmpty else { return .failure(ImportFailure(problems: run.log.problems)) }
        var out = run.out
        if !out.createdDepartments.isEmpty {
            out.report.append("created " + out.createdDepartments.map { "\($0.name) (\($0.id))" }.joined(separator: ", "))
        }
        out.workspace = run.merged
        return .success(out)
    }
}

/// One import of survey workbooks: the workspace merged so far and the report, shared by the files
/// (all or nothing: any problem in any file refuses the lot). Each step reports its problems with the
/// file, row and cell, and a file with a problem contributes nothing more.
private struct SurveyImport {
    let today: Day
    let strict: Bool
    let original: Workspace
    let qs: [SurveyQuestion]
    let log = ProblemLog()
    var merged: Workspace
    var out: SurveyImportOutcome
    var sequence: IDSequence
    /// Requirement id → the file that changed it.
    var touched: [String: String] = [:]

    init(_ w: Workspace, today: Day, strict: Bool) {
        (self.today, self.strict, original, merged) = (today, strict, w, w)
        qs = SurveyWorkbook.questions(w)
        out = SurveyImportOutcome(workspace: w, report: [])
        sequence = IDSequence(existing: w.requirements.map(\.id), defaultPrefix: "R", defaultWidth: 2)
    }

    /// The header row of a needs sheet: where it is, the column of each question and of the id.
    struct Header {
        var at: Int
        var columnOf: [Int: Int]
        var idColumn: Int?
    }

    /// The rows of one workbook as (file name shown, file name): for problems and the report.
    struct Source {
        var shown: String
        var base: String
        func problem(_ log: ProblemLog, _ line: Int, _ field: String?, _ cell: String?, _ en: String, _ zh: String) {
            log.problems.append(Problem(file: shown, line: line, field: field, message: en, messageZH: zh, cell: cell))
        }
    }

    mutating func importFile(name: String, bytes: [UInt8]) {
        let src = Source(shown: TextTools.visible(name), base: URL(fileURLWithPath: name).lastPathComponent)
        var reader: XlsxReader
        do { reader = try XlsxReader(data: Data(bytes)) } catch {
            src.problem(log, 0, nil, nil, error.message, error.messageZH)
            return
        }
        let infoName = reader.sheetNames.first { ["说明", "instructions"].contains($0.trimmed.lowercased()) }
        let needsName =
            reader.sheetNames.first { ["需求", "needs"].contains($0.trimmed.lowercased()) }
            ?? reader.sheetNames.first { $0 != infoName }
        guard let needsName else {
            src.problem(
                log, 0, nil, nil, "has no needs sheet (需求 or Needs); is it a Bidbench survey workbook?", "没有“需求”工作表; 这是 Bidbench 的调研表吗?")
            return
        }
        guard let department = department(&reader, infoName: infoName, src) else { return }
        let grid: XlsxGrid
        do { grid = try reader.sheet(named: needsName) } catch {
            src.problem(log, 0, nil, nil, error.message, error.messageZH)
            return
        }
        guard let header = header(grid, src) else { return }
        // Error values and formulas without a saved value, in the answers' cells: refused (read as
        // empty, a department's answer would be lost without a word).
        let read = Set(header.columnOf.values).union(header.idColumn.map { [$0] } ?? [])
        for b in grid.bad {
            guard let ref = XlsxReader.cellRef(b.ref), ref.row > grid.rows[header.at].number, read.contains(ref.column) else { continue }
            let q = header.columnOf.first { $0.value == ref.column }.map { qs[$0.key].field } ?? "id"
            src.problem(log, ref.row, q, "\(XlsxImport.quoted(grid.sheet))!\(b.ref)", b.message, b.zh)
        }
        var added: [String] = []
        var changed: [String] = []
        var same = 0
        for row in grid.rows[(header.at + 1)...] {
            switch apply(row, header, sheet: XlsxImport.quoted(grid.sheet), department: department, src) {
            case .added(let line): added.append(line)
            case .updated(let line): changed.append(line)
            case .same: same += 1
            case .skipped: break
            }
        }
        out.unchanged += same
        out.report.append("\(src.base) (\(department.name)): \(added.count) new, \(changed.count) updated, \(same) unchanged")
        out.report += added + changed
    }

    /// The department: the instructions sheet's 部门/Department row (name, id); created when it does
    /// not exist, unless `strict`. nil after reporting.
    mutating func department(_ reader: inout XlsxReader, infoName: String?, _ src: Source) -> Department? {
        var deptName = ""
        var deptID = ""
        var deptCell = "\(XlsxImport.quoted(infoName ?? "说明"))!B2"
        if let infoName, let info = try? reader.sheet(named: infoName) {
            if let row = info.rows.first(where: { ["部门", "department"].contains(($0.cells.first ?? "").trimmed.lowercased()) }) {
                deptName = row.cells.count > 1 ? row.cells[1].trimmed : ""
                deptID = row.cells.count > 2 ? row.cells[2].trimmed : ""
                deptCell = "\(XlsxImport.quoted(infoName))!B\(row.number)"
            }
        }
        if let d = merged.departments.first(where: { !deptID.isEmpty && $0.id == deptID }) ?? SurveyWorkbook.department(merged, deptName) {
            return d
        }
        if deptName.isEmpty {
            src.problem(
                log, 0, "department", deptCell, "names no department (the instructions sheet's 部门/Department row is empty)",
                "没有写明部门 (说明页的“部门”一行为空)")
            return nil
        }
        if strict {
            src.problem(
                log, 0, "department", deptCell,
                "\"\(deptName)\" is not a department id or name in departments.csv (without --strict it is created)",
                "“\(deptName)” 不是 departments.csv 中的部门编号或名称 (不加 --strict 时会新建)")
            return nil
        }
        var ids = IDSequence(existing: merged.departments.map(\.id), defaultPrefix: "D", defaultWidth: 2)
        let d = Department(id: ids.take(), name: deptName)
        merged.departments.append(d)
        out.createdDepartments.append(d)
        return d
    }

    /// The header: the first of ten rows naming at least two questions (or the ID column and one).
    func header(_ grid: XlsxGrid, _ src: Source) -> Header? {
        func key(_ s: String) -> String { Importer.fold(s) }
        var lookup: [String: Int] = [:]
        for (k, q) in qs.enumerated() {
            for name in [q.zh, q.en, q.field] where lookup[key(name)] == nil { lookup[key(name)] = k }
        }
        let idNames: Set<String> = ["编号", "id", "需求编号"]
        guard
            let headerAt = grid.rows.prefix(10).firstIndex(where: { row in
                row.cells.filter { lookup[key($0)] != nil || idNames.contains(key($0)) }.count >= 2
            })
        else {
            src.problem(
                log, 0, nil, XlsxImport.quoted(grid.sheet),
                "sheet \(grid.sheet) has no header row with the survey's questions; send the department a new template",
                "工作表 \(grid.sheet) 没有包含调研问题的表头行; 请给该部门重新发送模板")
            return nil
        }
        var h = Header(at: headerAt, columnOf: [:], idColumn: nil)
        for (c, cell) in grid.rows[headerAt].cells.enumerated() {
            if idNames.contains(key(cell)) {
                h.idColumn = c
            } else if let q = lookup[key(cell)], h.columnOf[q] == nil {
                h.columnOf[q] = c
            }
        }
        return h
    }

    enum RowResult {
        case added(String)
        case updated(String)
        case same, skipped
    }

    /// One row of the needs sheet: a new requirement (no id), an update of one of the department's
    /// (only what the questionnaire asks is compared), unchanged, or skipped (empty, or reported).
    mutating func apply(_ row: XlsxGrid.Row, _ header: Header, sheet: String, department: Department, _ src: Source) -> RowResult {
        func cell(_ c: Int?) -> String { c.flatMap { $0 < row.cells.count ? row.cells[$0].trimmed : nil } ?? "" }
        let answers = qs.indices.map { cell(header.columnOf[$0]) }
        let id = cell(header.idColumn)
        if answers.allSatisfy(\.isEmpty) { return .skipped }
        // A priority that is none of the four is refused with its cell (taken for `should`, a must-have
        // slipped to should would drop its gate and change who wins).
        for (k, q) in qs.enumerated() where q.field == "priority" && !answers[k].isEmpty && Priority(parsing: answers[k]) == nil {
            let c = header.columnOf[k] ?? 0
            src.problem(
                log, row.number, "priority", "\(sheet)!\(XlsxReader.columnName(c))\(row.number)",
                "\"\(answers[k])\" is not must, should, could or won't (必须, 应该, 可以, 暂不)",
                "“\(answers[k])” 不是 必须、应该、可以 或 暂不 (must, should, could, won't)")
            return .skipped
        }
        guard
            var fresh = Survey.requirement(
                id: id.isEmpty ? "" : id, department: department.id, departmentName: department.name, date: today, questions: qs,
                answers: answers, lang: original.settings.language == "en" ? "en" : "zh")
        else {
            let c = qs.firstIndex { $0.field == "function" }.flatMap { header.columnOf[$0] } ?? 1
            src.problem(
                log, row.number, "function", "\(sheet)!\(XlsxReader.columnName(c))\(row.number)",
                "the need has no function (title) and no problem; fill one in or clear the row", "该需求既没有功能 (标题) 也没有问题描述; 请填写或清空该行")
            return .skipped
        }
        fresh.source += " (\(src.base))"
        if id.isEmpty {
            fresh.id = sequence.take()
            merged.requirements.append(fresh)
            out.added.append(fresh.id)
            return .added("  new \(fresh.id) \(fresh.title)")
        }
        let idCell = "\(sheet)!\(XlsxReader.columnName(header.idColumn ?? 0))\(row.number)"
        guard let k = merged.requirements.firstIndex(where: { $0.id == id }), merged.requirements[k].department == department.id
        else {
            src.problem(
                log, row.number, "id", idCell,
                "\(id) is not a requirement of \(department.name) (\(department.id)); leave the ID empty for a new need",
                "\(id) 不是 \(department.name) (\(department.id)) 的需求; 新增需求请将编号留空")
            return .skipped
        }
        if let other = touched[id] {
            src.problem(
                log, row.number, "id", idCell, "\(id) is also changed by \(other); keep it in one workbook",
                "\(id) 也在 \(other) 中被修改; 请只在一个工作簿中修改")
            return .skipped
        }
        return update(k, with: fresh, answers: answers, file: src.base)
    }

    /// Requirement `k` updated from its row, comparing and changing only what the questionnaire
    /// asks (it goes back to draft); unchanged when the row is as the template wrote it.
    mutating func update(_ k: Int, with new: Requirement, answers: [String], file: String) -> RowResult {
        var fresh = new
        let id = merged.requirements[k].id
        var r = merged.requirements[k]
        // A row as the template wrote it (in either language) was not edited: leave the requirement alone.
        if answers == SurveyWorkbook.answers(r, questions: qs, chinese: true).map(\.trimmed)
            || answers == SurveyWorkbook.answers(r, questions: qs, chinese: false).map(\.trimmed)
        {
            return .same
        }
        var diffs: [String] = []
        func note(_ what: String, _ a: String, _ b: String) { if a != b { diffs.append("\(what) \(a.isEmpty ? "—" : a) → \(b)") } }
        // Only what the questionnaire asks is compared and changed.
        let asked = Set(qs.map(\.field))
        if !asked.contains("module") { fresh.module = r.module }
        if !asked.contains("priority") {
            fresh.priority = r.priority
            fresh.weight = r.weight
        }
        if !asked.contains("acceptance") { fresh.acceptance = r.acceptance }
        // The detail is rebuilt from its questions with their labels (`现状问题: …`): when none of
        // those answers changed, the detail as written stays (no label added to untouched text).
        let detailQuestions = qs.indices.filter { !["function", "module", "priority", "acceptance"].contains(qs[$0].field) }
        for chinese in [true, false] {
            let before = SurveyWorkbook.answers(r, questions: qs, chinese: chinese).map(\.trimmed)
            if detailQuestions.allSatisfy({ answers[$0] == before[$0] }) { fresh.detail = r.detail }
        }
        note("title", r.title, fresh.title)
        note("module", r.module, fresh.module)
        note("priority", r.priority.rawValue, fresh.priority.rawValue)
        note("acceptance", r.acceptance, fresh.acceptance)
        note("detail", r.detail, fresh.detail)
        guard !diffs.isEmpty else { return .same }
        touched[id] = file
        // What follows from the answers is said too: a new priority's default weight, and the
        // review to do again (an approved requirement goes back to draft).
        if r.priority != fresh.priority {
            note("weight", NumberText.format(r.weight), NumberText.format(fresh.weight))
            r.weight = fresh.weight
        }
        note("status", r.status.rawValue, RequirementStatus.draft.rawValue)
        r.title = fresh.title
        r.module = fresh.module
        r.priority = fresh.priority
        r.acceptance = fresh.acceptance
        r.detail = fresh.detail
        r.status = .draft
        r.source = fresh.source
        merged.requirements[k] = r
        out.updated.append(id)
        return .updated("  updated \(id): " + diffs.joined(separator: "; "))
    }
}
