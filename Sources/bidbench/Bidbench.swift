import ArgumentParser
import BidbenchCore
import BidbenchUI
import Foundation

/// The root command. With no verb it opens the terminal UI.
struct Bidbench: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "bidbench",
        abstract: "A terminal workbench for buying ERP/CRM/OA upgrades: requirements, vendor scoring, budget, contracts.",
        version: version,
        subcommands: [
            OpenCommand.self, InitCommand.self, DemoCommand.self, CheckCommand.self,
            ImportCommand.self, ExportCommand.self, TemplateCommand.self, JournalCommand.self,
            RankCommand.self, WeightsCommand.self, SensitivityCommand.self,
            BudgetCommand.self, AwardCommand.self,
            ContractCommand.self, DatesCommand.self, DeliveryCommand.self,
            ReportCommand.self, GenerateCommand.self,
            PanelCommand.self, RevealCommand.self, ResolveCommand.self,
        ]
    )

    @OptionGroup var workspace: WorkspaceOptions
    @Option(
        name: .long,
        help: """
            The language of the UI (default: BIDBENCH_LANG, else a zh or en locale, else the workspace's). Verbs: \
            reports and handouts default to the workspace's; check, rank and resolve write their messages in English (scripts read them) unless --lang zh.
            """)
    var lang: Lang?
    @Option(name: .customLong("as"), help: "Score blind as this evaluator (scores go to scores/<NAME>.csv).")
    var evaluator: String?

    mutating func run() throws {
        try TUILauncher.launch(path: workspace.workspace, createDemoIfMissing: true, lang: lang, evaluator: evaluator)
    }
}

/// The language of every `--lang` option, root and verbs alike: `en` or `zh` (any case). Anything
/// else is refused by swift-argument-parser, which names the option and lists the two values.
extension Lang: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--lang` wherever it stands on the command line. swift-argument-parser hands an option that both
/// the root command and a verb declare to the root, so a verb's own `--lang` (`bidbench demo X --lang
/// en`) never saw it; every verb that speaks a language reads it from here first (the last one wins).
/// The parser has checked the value by then (both declarations are `Lang`).
enum CommandLineLanguage {
    static func value(_ args: [String] = CommandLine.arguments) -> Lang? {
        var found: String?
        var i = 1
        while i < args.count {
            let a = args[i]
            if a == "--" { break }
            if a == "--lang", i + 1 < args.count {
                found = args[i + 1]
                i += 2
                continue
            }
            if a.hasPrefix("--lang=") { found = String(a.dropFirst("--lang=".count)) }
            i += 1
        }
        return found.flatMap { Lang(argument: $0) }
    }

    /// The language of a verb: the command line's, else the verb's own option value.
    static func resolve(_ own: Lang?) -> Lang? { value() ?? own }
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

/// The root command's own options when they are all there is (`bidbench [-w DIR] [--lang L] [--as NAME]`),
/// or `open` with them and a folder (`bidbench open [DIR] [--lang L] [--as NAME]`, `-w` as the folder),
/// read without swift-argument-parser; nil for anything else, which it then parses (and explains).
/// (`open` is read here too: swift-argument-parser gave `--as` and `-w` to the root command, whose
/// values never reached the `open` verb, so an evaluator opened the lead's session.)
struct TUIOptions: Equatable {
    var workspace: String?
    var lang: Lang?
    var evaluator: String?
    /// `open` was given: no demo is made when the folder has no workspace.
    var open = false

    init?(_ args: [String]) {
        var i = 1
        while i < args.count {
            let a = args[i]
            if a == "open" && !open {
                open = true
                i += 1
                continue
            }
            // `bidbench FOLDER` is `bidbench open FOLDER` when FOLDER is an existing folder and not a verb.
            if !open && workspace == nil && !a.hasPrefix("-") && Self.isFolder(a) && !Self.isVerb(a) { open = true }
            // `open`'s folder: one, not an option's value (those are read with their option below).
            if open && !a.hasPrefix("-") {
                guard workspace == nil else { return nil }
                workspace = a
                i += 1
                continue
            }
            let name: String
            let value: String
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                name = String(a[..<eq])
                value = String(a[a.index(after: eq)...])
                i += 1
            } else {
                guard i + 1 < args.count, !args[i + 1].hasPrefix("-") else { return nil }
                name = a
                value = args[i + 1]
                i += 2
            }
            switch name {
            case "-w", "--workspace":
                guard workspace == nil else { return nil }
                workspace = value
            case "--lang":
                // A value other than en/zh goes to swift-argument-parser too, which refuses it with its message.
                guard lang == nil, let value = Lang(argument: value) else { return nil }
                lang = value
            case "--as":
                guard evaluator == nil else { return nil }
                evaluator = value
            default: return nil
            }
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func isVerb(_ name: String) -> Bool {
        Bidbench.configuration.subcommands.contains { $0._commandName == name }
    }

    init(workspace: String? = nil, lang: Lang? = nil, evaluator: String? = nil, open: Bool = false) {
        (self.workspace, self.lang, self.evaluator, self.open) = (workspace, lang, evaluator, open)
    }
}
