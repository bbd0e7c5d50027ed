import ArgumentParser
enum TUILauncher { static func launch(path: String?, createDemoIfMissing: Bool, lang: String?) throws { throw ExitCode(2) } }
