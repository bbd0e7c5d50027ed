import ArgumentParser

/// Opens the terminal UI (wired in by the UI work).
enum TUILauncher {
    static func launch(path: String?, createDemoIfMissing: Bool, lang: String?) throws {
        printError("The terminal UI is not wired yet.")
        throw ExitCode(2)
    }
}
