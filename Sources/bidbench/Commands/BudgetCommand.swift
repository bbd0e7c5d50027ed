import ArgumentParser

struct BudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "budget", abstract: "(not built yet)")
    func run() throws { throw ExitCode(2) }
}

