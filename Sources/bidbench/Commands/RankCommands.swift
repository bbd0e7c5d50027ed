import ArgumentParser

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rank", abstract: "(not built yet)")
    func run() throws { throw ExitCode(2) }
}

struct WeightsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "weights", abstract: "(not built yet)")
    func run() throws { throw ExitCode(2) }
}

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sensitivity", abstract: "(not built yet)")
    func run() throws { throw ExitCode(2) }
}

