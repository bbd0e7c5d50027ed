import ArgumentParser
import BidbenchCore
import BidbenchStore
import Foundation

/// `bidbench generate OUT --vendors N --requirements N --evaluators N [--seed S]`: a large, valid,
/// realistic workspace for benchmarks and rehearsals (DESIGN §7), the same for the same seed.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a generated workspace (bilingual, every table filled, contracts included) to OUT.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The folder to create (must not exist or be empty).") var out: String
    @Option(help: "Number of vendors.") var vendors: Int
    @Option(help: "Number of requirements.") var requirements: Int
    @Option(help: "Number of evaluators (one score file each).") var evaluators: Int
    @Option(help: "Seed of the generator: the same seed writes the same workspace.") var seed: UInt64 = 1

    func validate() throws {
        for (name, n) in [("--vendors", vendors), ("--requirements", requirements), ("--evaluators", evaluators)] where n < 0 {
            throw ValidationError("\(name) must be 0 or more")
        }
    }

    func run() throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: out, isDirectory: &isDir) {
            guard isDir.boolValue else {
                printError("error: \(out) exists and is not a folder")
                throw ExitCode(2)
            }
            // A folder that cannot be listed is not taken for an empty one.
            let entries: [String]
            do { entries = try fm.contentsOfDirectory(atPath: out) } catch {
                printError("error: \(out) cannot be read (\(error.localizedDescription)); refusing to write into it")
                throw ExitCode(2)
            }
            guard entries.isEmpty else {
                printError("error: \(out) is not empty; refusing to write over it")
                throw ExitCode(2)
            }
        }
        let ws = WorkspaceGenerator.generate(vendors: vendors, requirements: requirements, evaluators: evaluators, seed: seed)
        do {
            try WorkspaceStore.initialize(folder: out, name: ws.settings.name, language: ws.settings.language)
            let empty = try WorkspaceStore.load(folder: out)
            _ = try WorkspaceStore.save(ws, over: empty, actor: "bidbench generate")
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        print(
            "Generated \(ws.vendors.count) vendors, \(ws.requirements.count) requirements, \(ws.scores.count) evaluators, "
                + "\(ws.gates.count) gate answers, \(ws.contracts.count) contracts in \(out) (seed \(seed))")
    }
}
