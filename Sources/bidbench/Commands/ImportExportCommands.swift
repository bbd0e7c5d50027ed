import ArgumentParser
import BidbenchCore
import BidbenchStore
import BidbenchUI
import Foundation

extension TableKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// `import --encoding`: `utf-8` or `gb18030`, read as the TUI's `:import` reads them (`utf8`, `gbk`
/// and `gb2312` too, any case).
extension ImportEncoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

/// `export --for`: who reads the file.
enum ExportAudience: String, ExpressibleByArgument, CaseIterable {
    /// The workspace's columns and ids; imports back exactly.
    case machine
    /// Headers in the language, names instead of ids, words for codes; CSV with a BOM.
    case people
}

/// What `import` reads into: a table, or returned survey workbooks.
enum ImportTarget: ExpressibleByArgument, Equatable {
    case table(TableKind)
    case survey

    init?(argument: String) {
        if argument == "survey" {
            self = .survey
        } else if let t = TableKind(rawValue: argument) {
            self = .table(t)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { TableKind.allCases.map(\.rawValue) + ["survey"] }
}

/// What `export` writes: a table, or a decision workbook (`--format xlsx` only).
enum ExportTarget: ExpressibleByArgument, Equatable {
    case table(TableKind)
    case decision(DecisionKind)

    init?(argument: String) {
        if let t = TableKind(rawValue: argument) {
            self = .table(t)
        } else if let d = DecisionKind(rawValue: argument) {
            self = .decision(d)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { TableKind.allCases.map(\.rawValue) + DecisionKind.allCases.map(\.rawValue) }
}

/// The formats of `export`: the Store's text formats, and .xlsx workbooks.
enum ExportFileFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, xlsx
}

/// Chinese headers for workbooks: `--lang` (from anywhere on the line: `CommandLineLanguage`), else
/// BIDBENCH_LANG / the locale / the workspace's language.
func workbookChinese(_ flag: Lang?, _ w: Workspace) -> Bool {
    TUILauncher.resolveLang(flag: CommandLineLanguage.resolve(flag), workspaceLanguage: w.settings.language) == .zh
}

/// Writes a file the user named (`-o FILE`, `--ics FILE`): atomically, 0600 when new (it may hold prices
/// and scores; a replaced file keeps its mode), a read-only file refused, and a note on stderr when a
/// symbolic link stood there (the link is replaced; what it pointed to is not touched). A file the
/// workspace `folder` reads (a table, its settings, journal, a contract text, a score sheet) is refused.
/// On failure, a message and `failure` as the exit code.
func writeOutput(_ bytes: [UInt8], to path: String, failure: Int32 = 2, folder: String, _ ws: Workspace) throws {
    // `-o -` is standard output, for every verb as for `report` (a finance pass: `export … -o -` wrote a
    // file named `-`).
    if path == "-" {
        FileHandle.standardOutput.write(Data(bytes))
        return
    }
    do {
        if try OutputFile.write(path, bytes, workspace: folder, contractFiles: ws.contracts.map(\.file)) {
            printError("note: " + OutputFile.replacedLinkNote(path).en)
        }
    } catch let e as StoreError where { if case .workspaceFile = e { true } else { false } }() {
        printError("error: " + e.description)
        throw ExitCode(failure)
    } catch {
        printError("error: cannot write \(path): \(error)")
        throw ExitCode(failure)
    }
}

/// `bidbench import KIND FILE`: merges a spreadsheet's CSV into one table, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import a CSV file (English or Chinese headers, UTF-8 or GB18030) or an .xlsx workbook into a table; any bad row refuses the whole file.",
        discussion: """
            On a bad file every problem is printed on stderr as FILE:line: field: message (for a workbook \
            FILE:Sheet!C5: field: message) (exit 1) and nothing changes. A department that the file names \
            and the workspace does not have is created (and named) unless --strict. `import survey F1.xlsx \
            F2.xlsx …` reads returned survey workbooks (bidbench template survey) into draft requirements.
            """)
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The table to import into, or survey for returned survey workbooks.") var kind: ImportTarget
    @Argument(help: "The CSV or .xlsx file to import (several survey workbooks at once).") var files: [String]
    @Option(help: "For .xlsx: the sheet to read (default: the first).") var sheet: String?
    @Flag(help: "Refuse the file when it names a department that does not exist, instead of creating it.") var strict = false
    @Option(help: "The file's encoding: utf-8 (BOM or not) or gb18030 (Excel/WPS \"CSV\" on Chinese Windows).")
    var encoding: ImportEncoding = .utf8
    @Option(help: "For scores: the evaluator whose sheet this is (when the file has no evaluator column).") var evaluator: String?
    @Flag(help: "Replace the table (for scores: the sheets of the evaluators in the file) instead of appending.") var replace = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the file to import") }
        if kind != .survey && files.count > 1 { throw ValidationError("import one file at a time (several files: import survey)") }
    }

    func run() throws {
        let actor = currentUser()
        guard case .table(let kind) = kind else {
            return try SurveyImport.run(files: files, folder: workspace.path, strict: strict, actor: actor)
        }
        let file = files[0]
        let result: Result<(summary: String, saved: LoadedWorkspace), ImportFailure>
        do {
            result = try Importer.importFile(
                kind: kind, path: file, encoding: encoding,
                folder: workspace.path, evaluator: evaluator, replace: replace, actor: actor, sheet: sheet, strict: strict)
        } catch StoreError.invalid(let problems) {
            for p in problems { printError(SafeText.visible(p.description)) }
            throw ExitCode(1)
        } catch StoreError.readOnly(let problems) {
            // Name what makes it read-only (a link, a bad row) rather than only counting it.
            for p in problems { printError(SafeText.visible(p.description)) }
            printError("error: \(StoreError.readOnly(problems))")
            throw ExitCode(1)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        switch result {
        case .failure(let failure):
            for p in failure.problems { printError(SafeText.visible(p.description)) }
            printError(SafeText.visible("\(file): not imported (\(failure.problems.count) problem(s)); the workspace is unchanged"))
            throw ExitCode(1)
        case .success(let done):
            print(SafeText.visible(done.summary))
        }
    }
}

/// `bidbench export KIND`: a table as CSV (guarded against spreadsheet formulas) or JSON.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a table as CSV for spreadsheets or as JSON.",
        discussion: """
            CSV cells starting with = + - @ tab or CR get a leading ' (OWASP CSV-injection advice) so Excel/WPS \
            show them as text; plain numbers in numeric columns are left as numbers.
            """)
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The table to export, or a decision workbook (matrix, tco, scenarios, clause-review; --format xlsx).")
    var kind: ExportTarget
    @Option(help: "csv, json or xlsx (default: the extension of -o, else csv).") var format: ExportFileFormat?
    @Flag(help: "Start the CSV with a UTF-8 BOM (Excel on Windows then shows Chinese correctly).") var bom = false
    @Option(name: [.customShort("o"), .long], help: "Write to FILE instead of standard output.") var output: String?
    @Option(
        name: .customLong("for"),
        help:
            "machine: the workspace's columns and ids, imports back exactly; people: headers in --lang, names instead of ids, words for priorities and statuses (CSV with a BOM)."
    )
    var audience: ExportAudience = .machine
    @Option(help: "For people and for workbook headers: the language (default: the workspace's; for workbooks the UI language).")
    var lang: Lang?
    @Option(help: "Only this department's requirements (id or name); for requirements only.") var department: String?
    @Option(name: .customLong("evaluator"), help: "For scores while the panel is blind: export this evaluator's own sheet.")
    var asEvaluator: String?

    /// The format: given, else the extension of `-o` (`x.xlsx` wrote CSV text Excel refused to open).
    var fileFormat: ExportFileFormat {
        if let format { return format }
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "xlsx": return .xlsx
        case "json": return .json
        default: return .csv
        }
    }

    func validate() throws {
        let format = fileFormat
        // A file named for one format holding another is refused (`--format xlsx -o v.csv` wrote a
        // workbook under a CSV name).
        if let output,
            let named = ["csv": ExportFileFormat.csv, "json": .json, "xlsx": .xlsx][
                URL(fileURLWithPath: output).pathExtension.lowercased()],
            named != format
        {
            throw ValidationError(
                "-o \(output) names a .\(named.rawValue) file but --format is \(format.rawValue): give the file the .\(format.rawValue) extension"
            )
        }
        if bom && format != .csv { throw ValidationError("--bom applies to --format csv only") }
        if case .decision(let d) = kind, format != .xlsx {
            throw ValidationError("\(d.rawValue) is a workbook: use --format xlsx -o FILE.xlsx (rank, budget and contract have --json)")
        }
        if format == .xlsx && output == nil {
            throw ValidationError("--format xlsx needs -o FILE.xlsx (a workbook is not text for the terminal)")
        }
        if audience == .people && format != .csv { throw ValidationError("--for people writes CSV only") }
        // Only requirements are filtered by department: `export vendors --department 财务部` exported every vendor.
        if department != nil, case .table(let t) = kind, t != .requirements {
            throw ValidationError("--department applies to requirements only, not \(t.rawValue)")
        }
        if department != nil, case .decision(let d) = kind {
            throw ValidationError("--department applies to requirements only, not \(d.rawValue)")
        }
    }

    // Kept as one function: the import verb's steps (load, read, merge, check, save, report) with their exit codes.
    func run() throws {
        let loaded: LoadedWorkspace
        do { loaded = try WorkspaceStore.load(folder: workspace.path) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if loaded.readOnly {
            for p in loaded.problems { printError(SafeText.visible(p.description)) }
            printError("error: the workspace has \(loaded.problems.count) problem(s); fix them first (bidbench check lists them)")
            throw ExitCode(1)
        }
        var ws = loaded.workspace
        if case .table(.scores) = kind {
            // The blind rule (PanelRule): before the reveal only the evaluator's own sheet leaves the workspace.
            let viewer = PanelViewer(as: asEvaluator)
            if let notice = PanelRule.blindNotice(ws, to: viewer) {
                guard viewer != .lead else {
                    printError(
                        "bidbench: \(workspace.path): not exported: \(notice.en) (export scores --evaluator NAME exports NAME's own sheet)")
                    throw ExitCode(1)
                }
                printError("note: \(notice.en)")
            }
            ws.scores = PanelRule.visibleScores(ws, to: viewer)
        }
        if let department {
            guard let d = ws.departments.first(where: { $0.id == department || $0.name == department }) else {
                printError("error: no department '\(department)' (known: \(ws.departments.map(\.id).joined(separator: ", ")))")
                throw ExitCode(1)
            }
            ws.requirements = ws.requirements.filter { $0.department == d.id }
        }
        // The root command also declares --lang and may take it first (see CommandLineLanguage).
        let language = CommandLineLanguage.resolve(lang)
        if fileFormat == .xlsx, let output {
            let chinese = workbookChinese(language, ws)
            switch kind {
            case .table(let table):
                try writeOutput(Array(XlsxExport.table(table, from: ws, chinese: chinese)), to: output, folder: workspace.path, ws)
            case .decision(let d):
                do {
                    try writeOutput(Array(try XlsxExport.decision(d, from: ws, chinese: chinese)), to: output, folder: workspace.path, ws)
                } catch let r
                    as WorkbookRefusal
                {
                    printError("bidbench export \(d.rawValue): \(r.message)")  // the command line speaks English (README)
                    throw ExitCode(1)
                } catch let e as ScoringError {
                    printError("bidbench export \(d.rawValue): \(e.message)")
                    throw ExitCode(1)
                } catch let e as BudgetError {
                    printError("bidbench export \(d.rawValue): \(e.message)")
                    throw ExitCode(1)
                }
            }
            return
        }
        guard case .table(let kind) = kind, let textFormat = ExportFormat(rawValue: fileFormat.rawValue) else { return }
        let text =
            audience == .people
            ? PeopleExport.csv(kind, from: ws, language: ReportLanguage(code: language?.rawValue ?? ws.settings.language))
            : Exporter.export(kind, from: ws, format: textFormat, bom: bom)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try writeOutput(Array(text.utf8), to: output, folder: workspace.path, ws)
    }
}

/// `bidbench import survey F1.xlsx F2.xlsx …`: returned survey workbooks into draft requirements, all or nothing.
enum SurveyImport {
    static func run(files: [String], folder: String, strict: Bool, actor: String) throws {
        var inputs: [(name: String, bytes: [UInt8])] = []
        for f in files {
            guard let data = FileManager.default.contents(atPath: f) else {
                printError("error: \(f): cannot read the file")
                throw ExitCode(2)
            }
            inputs.append((f, Array(data)))
        }
        do {
            let loaded = try WorkspaceStore.load(folder: folder)
            guard !loaded.readOnly else { throw StoreError.readOnly(loaded.problems) }
            switch SurveyWorkbook.importFiles(inputs, into: loaded.workspace, today: LocalClock.today(), strict: strict) {
            case .failure(let failure):
                for p in failure.problems { printError(SafeText.visible(p.description)) }
                printError(
                    SafeText.visible(
                        "not imported (\(failure.problems.count) problem(s) in \(files.count) workbook(s)); the workspace is unchanged"))
                throw ExitCode(1)
            case .success(let outcome):
                _ = try WorkspaceStore.save(outcome.workspace, over: loaded, actor: actor)
                for line in outcome.report { print(SafeText.visible(line)) }
                print("imported \(files.count) survey workbook(s) into \(folder)")
            }
        } catch let e as ExitCode {
            throw e
        } catch StoreError.invalid(let problems) {
            for p in problems { printError(SafeText.visible(p.description)) }
            throw ExitCode(1)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

/// `bidbench template survey --department NAME -o FILE.xlsx`: the workbook a department fills.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a survey workbook for a department to fill (bidbench import survey reads it back).",
        discussion: """
            The workbook has an instructions sheet in the UI language, a needs sheet with the workspace's \
            survey questions as columns (drop-downs for priority and module) and the department's current \
            requirements filled in for review.
            """)
    enum Kind: String, ExpressibleByArgument, CaseIterable { case survey }
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "What to write: survey.") var kind: Kind
    @Option(help: "The department (id or name; a new name is created when the workbook is imported).") var department: String
    @Option(name: [.customShort("o"), .long], help: "The .xlsx file to write.") var output: String
    @Option(help: "The workbook's language (default: the UI language).") var lang: Lang?
    @Flag(help: "Replace FILE if it exists (it may be a department's returned workbook, not imported yet).") var force = false

    func validate() throws {
        // `-o s.csv` wrote a workbook under a CSV name, which Excel then refuses to open.
        guard output.lowercased().hasSuffix(".xlsx") else {
            throw ValidationError("-o \(output): a survey template is an .xlsx workbook; give the file the .xlsx extension")
        }
    }

    func run() throws {
        let ws = try loadWorkspaceForVerb(workspace.path)
        guard !department.trimmed.isEmpty else {
            printError("bidbench template: --department is empty")
            throw ExitCode(2)
        }
        // The template and the returned workbook share a name (财务部需求调研.xlsx): a second round's
        // template wrote over the first round's answers, not imported yet (user test pass).
        if !force && FileManager.default.fileExists(atPath: output) {
            printError(
                "bidbench template: \(SafeText.visible(output)) exists (a department's returned workbook?); nothing written. "
                    + "Import it first, choose another name, or add --force to replace it")
            throw ExitCode(1)
        }
        let data = SurveyWorkbook.template(ws, department: department, chinese: workbookChinese(lang, ws), today: LocalClock.today())
        try writeOutput(Array(data), to: output, folder: workspace.path, ws)
        let known = ws.departments.contains { $0.id == department.trimmed || $0.name.trimmed == department.trimmed }
        print(
            SafeText.visible(
                "wrote \(output)" + (known ? "" : " (\(department) is not a department yet: importing the workbook creates it)")))
    }
}
