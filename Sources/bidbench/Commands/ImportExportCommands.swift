import ArgumentParser
import BidbenchCore
import BidbenchStore
import Foundation

extension TableKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// `bidbench import KIND FILE`: merges a spreadsheet's CSV into one table, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file (English or Chinese headers, UTF-8 or GB18030) into a table; any bad row refuses the whole file.",
        discussion: "On a bad file every problem is printed on stderr as FILE:line: field: message (exit 1) and nothing changes.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The table to import into.") var kind: TableKind
    @Argument(help: "The CSV file to import.") var file: String
    @Option(help: "The file's encoding: utf-8 (default, BOM or not) or gb18030 (Excel/WPS \"CSV\" on Chinese Windows).")
    var encoding: String = "utf-8"
    @Option(help: "For scores: the evaluator whose sheet this is (when the file has no evaluator column).") var evaluator: String?
    @Flag(help: "Replace the table (for scores: the sheets of the evaluators in the file) instead of appending.") var replace = false

    func validate() throws {
        guard ImportEncoding(parsing: encoding) != nil else { throw ValidationError("--encoding must be utf-8 or gb18030") }
    }

    func run() throws {
        let actor = ProcessInfo.processInfo.environment["USER"] ?? "bidbench"
        let result: Result<(summary: String, saved: LoadedWorkspace), ImportFailure>
        do {
            result = try Importer.importFile(
                kind: kind, path: file, encoding: ImportEncoding(parsing: encoding) ?? .utf8,
                folder: workspace.path, evaluator: evaluator, replace: replace, actor: actor)
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
    @Argument(help: "The table to export.") var kind: TableKind
    @Option(help: "csv or json.") var format: ExportFormat = .csv
    @Flag(help: "Start the CSV with a UTF-8 BOM (Excel on Windows then shows Chinese correctly).") var bom = false
    @Option(name: [.customShort("o"), .long], help: "Write to FILE instead of standard output.") var output: String?
    @Option(
        name: .customLong("for"),
        help:
            "machine (default: the workspace's columns and ids, imports back exactly) or people (headers in --lang, names instead of ids, words for priorities and statuses; CSV with a BOM)."
    )
    var audience: String = "machine"
    @Option(help: "For people: the language, en or zh (default: the workspace's).") var lang: String?
    @Option(help: "Only this department's rows (id or name), for tables with a department column.") var department: String?

    func validate() throws {
        if bom && format != .csv { throw ValidationError("--bom applies to --format csv only") }
        guard ["machine", "people"].contains(audience) else { throw ValidationError("--for must be machine or people, not '\(audience)'") }
        if audience == "people" && format != .csv { throw ValidationError("--for people writes CSV only") }
        if let lang, !["en", "zh"].contains(lang.lowercased()) { throw ValidationError("--lang must be en or zh, not '\(lang)'") }
    }

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
        if let department {
            guard let d = ws.departments.first(where: { $0.id == department || $0.name == department }) else {
                printError("error: no department '\(department)' (known: \(ws.departments.map(\.id).joined(separator: ", ")))")
                throw ExitCode(1)
            }
            ws.requirements = ws.requirements.filter { $0.department == d.id }
        }
        let text =
            audience == "people"
            ? PeopleExport.csv(kind, from: ws, language: ReportLanguage(code: lang ?? ws.settings.language))
            : Exporter.export(kind, from: ws, format: format, bom: bom)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        // Atomic, 0600 when new (an export may hold prices and scores).
        do {
            if try OutputFile.write(output, Array(text.utf8)) { printError("note: " + OutputFile.replacedLinkNote(output).en) }
        } catch {
            printError("error: \(output): \(error)")
            throw ExitCode(2)
        }
    }
}
