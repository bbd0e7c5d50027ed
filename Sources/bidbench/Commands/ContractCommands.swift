import ArgumentParser

struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contract", abstract: "(not built yet)")
    func run() throws { throw ExitCode(2) }
}

struct DatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dates", abstract: "(not built yet)")
    func run() throws { throw ExitCode(2) }
}

