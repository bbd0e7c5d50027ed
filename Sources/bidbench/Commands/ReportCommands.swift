import ArgumentParser
import BidbenchCore
import BidbenchStore
import BidbenchUI
import Foundation

/// `report --format`: `html`, or `md` (`markdown` is read as `md`), any case.
extension ReportFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
}

/// `report --kind`: a meeting's handout or the full report, any case.
extension HandoutKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `bidbench report [--format html|md] -o FILE`: the meeting report (HTML with charts) or the
/// minutes (Markdown) of the workspace.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a meeting's handout or the full report: self-contained HTML with charts, or Markdown minutes.",
        discussion: """
            The HTML file has inline CSS and SVG charts, no scripts and no external references, and prints on A4.
            The language follows the workspace's `language` setting unless --lang is given.
            `-o -` writes to standard output.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: "HTML, or Markdown minutes (default: the extension of -o, else HTML).")
    var format: ReportFormat?

    @Option(name: [.customShort("o"), .long], help: "The file to write (- for standard output).")
    var output: String

    @Option(name: .long, help: "The report date, YYYY-MM-DD (default: today), for repeatable output.")
    var today: String?

    @Option(name: .long, help: "Report language (default: the workspace's).")
    var lang: Lang?

    @Option(name: .long, help: "A meeting's handout, or the whole report (full).")
    var kind: HandoutKind = .full

    @Option(name: .long, help: "survey: the department (id or name); default every department.")
    var department: String?

    @Option(name: .long, help: "budget: the named scenario of scenarios.csv in effect (default the base one).")
    var scenario: String?

    @Option(name: .customLong("evaluator"), help: "Write the report as this evaluator sees it (while blind: their own scores only).")
    var asEvaluator: String?

    func validate() throws {
        if let format, let implied = ReportFormat(file: output), implied != format {
            throw ValidationError(
                "--format \(format.rawValue) contradicts the file name '\(output)' (a .\(implied.rawValue) name): drop one of them")
        }
        if let today, Day(iso: today) == nil { throw ValidationError("--today must be a date YYYY-MM-DD, not '\(today)'") }
    }

    func run() throws {
        // The contract rules' tables are built on another core while the workspace loads (a report
        // reviews every contract text).
        DispatchQueue.global().async { ContractScanner.prepare() }
        // So is the git query of the folder (two processes, tens of milliseconds in a repository).
        let folder = workspace.path
        let commit = Background { Self.gitCommit(folder: folder) }
        // A workspace with problems is refused like every reporting verb: half-loaded tables (lost gate
        // answers, say) would rank a knocked-out vendor.
        let ws = try loadWorkspaceForVerb(workspace.path)
        defer { keepUntilExit(ws) }
        var request = ReportRequest(
            workspace: ws, today: today.flatMap { Day(iso: $0) } ?? LocalClock.today(),
            language: CommandLineLanguage.resolve(lang).map { ReportLanguage(code: $0.rawValue) },
            commit: commit.wait())
        request.viewer = PanelViewer(as: asEvaluator)
        let handout = try handoutRequest(request, folder: workspace.path)
        let chosen = format ?? ReportFormat(file: output) ?? .html
        let text = chosen == .html ? Handout.html(handout) : Handout.markdown(handout)
        if output == "-" {
            print(text, terminator: "")
            return
        }
        try writeOutput(Array(text.utf8), to: output, failure: 1, folder: workspace.path, ws)
    }

    /// The handout of `--kind`: headed by the workspace's meeting of that kind on the report date,
    /// the survey compared with the requirements as they were after the previous survey meeting.
    func handoutRequest(_ report: ReportRequest, folder: String) throws -> HandoutRequest {
        // With --today the output is repeatable: stamped with that day, not the clock.
        var r = HandoutRequest(report: report, kind: kind, generated: today ?? TUILauncher.generatedStamp())
        let ws = report.workspace
        if let department {
            guard let d = ws.departments.first(where: { $0.id == department || $0.name == department }) else {
                printError("error: no department '\(department)' (known: \(ws.departments.map(\.id).joined(separator: ", ")))")
                throw ExitCode(1)
            }
            r.department = d.id
        }
        if let scenario {
            let base = try Scenario(settings: ws.settings, name: report.language.pick(Scenario.baseName, Scenario.baseNameZH))
            guard let row = ws.scenarios.first(where: { $0.name == scenario }) else {
                printError("error: no scenario '\(scenario)' in scenarios.csv (known: \(ws.scenarios.map(\.name).joined(separator: ", ")))")
                throw ExitCode(1)
            }
            r.scenario = try base.overriding(
                name: row.name, years: row.years, users: row.users, growth: row.growth, escalation: row.escalation,
                discountRate: row.discountRate)
        }
        // The last survey meeting kept its requirements when its handout was written; an older one
        // (recorded before meeting_requirements.csv) is compared with the journal's rebuild of its day.
        if kind == .survey, let last = ws.previousSurveyMeeting(department: r.department, current: r.effectiveMeeting, day: report.today),
            ws.requirements(atMeeting: last.id) == nil, let day = last.date
        {
            r.baseline = RequirementHistory.asOf(endOf: day, folder: folder, saved: ws.requirements)
        }
        // The scoring minutes list what changed after the reveal (from the journal).
        if kind == .scoring { r.revisions = ScoreHistory.revisedAfterReveal(folder: folder, workspace: ws) ?? [] }
        return r
    }

    /// The short commit of the folder's git repository, with `+` when the folder has uncommitted
    /// changes; nil when it is not in git or git is not installed.
    static func gitCommit(folder: String) -> String? {
        guard let head = try? Git.run(["-C", folder, "rev-parse", "--short", "HEAD"]), !head.isEmpty else { return nil }
        let dirty = (try? Git.run(["-C", folder, "status", "--porcelain", "--", "."])).map { !$0.isEmpty } ?? false
        return head + (dirty ? "+" : "")
    }
}
