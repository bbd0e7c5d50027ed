#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Entry point. Opening the terminal UI (no verb) is what a person waits for: its three options are
// read here directly. swift-argument-parser's parse reflects over every verb's options (Mirror and
// protocol-conformance lookups), about 3 ms of the demo's 30 ms from exec to the first frame. Any
// other command line — a verb, --help, --version, a repeated or unknown option — goes to it.
if let options = TUIOptions(CommandLine.arguments) {
    do {
        try TUILauncher.launch(
            path: options.workspace ?? (options.open ? "." : nil), createDemoIfMissing: !options.open, lang: options.lang,
            evaluator: options.evaluator)
    } catch {
        Bidbench.exit(withError: error)
    }
} else if let options = ContractCheckCommand.Options(CommandLine.arguments) {
    // The same for `contract check`, which reviewers run over long files and from scripts.
    do {
        let scan = try ContractCheckCommand.check(file: options.file, json: options.json, workspace: options.workspace ?? ".")
        // The output is written and the process ends here: what the scan built (a 4 MB contract makes
        // tens of thousands of sentences, lines and strings) is left to the exit, not freed one by one.
        withExtendedLifetime(scan) { exit(0) }
    } catch {
        Bidbench.exit(withError: error)
    }
} else {
    Bidbench.main()
}
