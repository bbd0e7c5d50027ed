import Foundation
import Testing

/// Tests that need a tool beyond the build prerequisites (Swift and libncurses-dev) — tmux,
/// chromium-headless-shell, git, python3 with a package — run only where the tool is installed,
/// and are skipped with the reason printed elsewhere, so `swift test` passes on a machine with
/// only the build prerequisites.
///
/// CI sets `BIDBENCH_REQUIRE_TOOLS=1` (`.ci/run`, after installing every tool): then no test is
/// skipped for a missing tool; it runs and fails on it, so CI can never pass by skipping.
enum OptionalTool: String, Sendable {
    case tmux
    case chromium = "chromium-headless-shell"
    case git
    case python3

    /// Whether CI asked for every optional tool to be present.
    static var required: Bool { ProcessInfo.processInfo.environment["BIDBENCH_REQUIRE_TOOLS"] == "1" }

    /// Where the tool is: the first on PATH, else in /usr/bin or /usr/local/bin; nil when missing.
    /// A test runs the tool from here (`executable`), so it runs the one that enabled it.
    var path: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return dirs.map { $0 + "/" + rawValue }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    var isInstalled: Bool { path != nil }

    /// What to run: the found path, else the bare name (under `BIDBENCH_REQUIRE_TOOLS=1` a missing
    /// tool then fails the test where it is started).
    var executable: String { path ?? rawValue }

    /// Whether a python3 module can be imported (for tests that read our files with an independent reader).
    static func pythonHas(_ module: String) -> Bool {
        guard OptionalTool.python3.isInstalled else { return false }
        return (try? run("python3", ["-c", "import \(module)"]).status) == 0
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where `tools` are installed (always under CI's `BIDBENCH_REQUIRE_TOOLS=1`).
    static func requires(_ tools: OptionalTool...) -> Self {
        let missing = tools.filter { !$0.isInstalled }.map(\.rawValue)
        return .enabled(
            if: missing.isEmpty || OptionalTool.required,
            Comment(rawValue: "skipped: needs \(missing.joined(separator: ", ")) (not installed; see the README's prerequisites)"))
    }

    /// Runs the test only where python3 can import `module` (always under `BIDBENCH_REQUIRE_TOOLS=1`).
    static func requiresPython(_ module: String) -> Self {
        .enabled(
            if: OptionalTool.required || OptionalTool.pythonHas(module),
            Comment(rawValue: "skipped: needs python3 with \(module) (pip install \(module))"))
    }
}
