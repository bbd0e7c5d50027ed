import ArgumentParser
import BidbenchCore

/// The root command. With no verb it opens the terminal UI.
struct Bidbench: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "bidbench",
        abstract: "A terminal workbench for buying ERP/CRM/OA upgrades: requirements, vendor scoring, budget, contracts.",
        version: version,
        subcommands: [
            OpenCommand.self, InitCommand.self, DemoCommand.self, CheckCommand.self,
            ImportCommand.self, ExportCommand.self, JournalCommand.self,
            RankCommand.self, WeightsCommand.self, SensitivityCommand.self,
            BudgetCommand.self,
            ContractCommand.self, DatesCommand.self,
            ReportCommand.self, GenerateCommand.self,
            PanelCommand.self, RevealCommand.self,
        ]
    )

    @OptionGroup var workspace: WorkspaceOptions
    @Option(name: .long, help: "UI language: en or zh (default: the workspace's, else the locale).")
    var lang: String?
    @Option(name: .customLong("as"), help: "Score blind as this evaluator (scores go to scores/<NAME>.csv).")
    var evaluator: String?

    mutating func run() throws {
        try TUILauncher.launch(path: workspace.workspace, createDemoIfMissing: true, lang: lang, evaluator: evaluator)
    }
}

/// `-w/--workspace PATH`, shared by every verb.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: [.customShort("w"), .long], help: "The workspace folder (default: the current folder).")
    var workspace: String?

    /// The folder to use: the option, else the current directory.
    var path: String { workspace ?? "." }
}

/// Prints to standard error.
func printError(_ text: String) {
    var stderr = StandardError()
    print(text, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleBridge.writeStderr(string)
    }
}
