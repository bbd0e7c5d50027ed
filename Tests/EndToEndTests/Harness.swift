import BidbenchCore
import BidbenchUI
import Foundation
import Testing

/// The package root (from this file's path), so tests find the demo and the built binary in a fresh clone.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `bidbench` binary built next to the test bundle.
let binaryPath: String = {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bidbench").path,
        packageRoot.appendingPathComponent(".build/debug/bidbench").path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
}()

/// Runs a command (posix_spawnp + waitpid: a bare name is looked up on PATH), returning exit status,
/// stdout and stderr; a child killed by a signal gives 128 + the signal.
@discardableResult
func run(_ exe: String, _ args: [String], cwd: String? = nil, env: [String: String] = [:]) throws -> (
    status: Int32, out: String, err: String
) {
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    for (k, v) in env { environment[k] = v }
    let base = NSTemporaryDirectory() + "bidbench-run-\(UUID().uuidString)"
    defer {
        unlink(base + ".out")
        unlink(base + ".err")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // A working directory goes through sh (glibc's addchdir_np is not visible from Swift).
    let argv = cwd.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0, exe] + args } ?? ([exe] + args)
    let cargs = argv.map { strdup($0) } + [nil]
    let cenv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for a in cargs { free(a) }
        for e in cenv { free(e) }
    }
    var pid: pid_t = 0
    var attr = cleanSpawnAttributes()
    defer { posix_spawnattr_destroy(&attr) }
    let rc = posix_spawnp(&pid, argv[0], &actions, &attr, cargs, cenv)
    guard rc == 0 else { throw TmuxError(message: "cannot start \(exe): \(rc)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let out = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
    return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f), out, err)
}

/// Runs `bidbench` with arguments.
@discardableResult
func bidbench(_ args: String..., cwd: String? = nil) throws -> (status: Int32, out: String, err: String) {
    try run(binaryPath, args, cwd: cwd)
}

/// A temporary folder removed at the end of the test.
final class TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "bidbench-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A copy of a demo workspace inside this folder.
    func demoCopy(_ name: String = "demo") throws -> String {
        let dst = path + "/" + name
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("data/\(name)").path, toPath: dst)
        return dst
    }
}

/// A real terminal: the binary running inside a private tmux server, one server per session.
/// (A shared server raced: when one test killed the last session the server began to exit, and a
/// concurrent test's `new-session` reached the dying server and failed.)
final class TmuxSession {
    let name: String
    let socket: String
    var width: Int, height: Int

    /// `startAfter`: seconds the shell waits before it starts the program (keys sent meanwhile are typed
    /// ahead of it, in the terminal's buffer).
    /// `cwd`: the folder the program starts in (the test's own when nil).
    init(
        args: [String], width: Int = 100, height: Int = 30, env: [String: String] = [:], startAfter: Double? = nil, cwd: String? = nil
    ) throws {
        name = "t\(UUID().uuidString.prefix(8))"
        socket = "bidbench-e2e-\(getpid())-\(name)"
        self.width = width
        self.height = height
        var cmd = [
            "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
            "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", "-e", "SWIFT_BACKTRACE=enable=no", "-e", "TERM=xterm-256color",
        ]
        for (k, v) in env { cmd += ["-e", "\(k)=\(v)"] }
        if let cwd { cmd += ["-c", cwd] }
        let program = ([binaryPath] + args).map { "'\($0)'" }.joined(separator: " ")
        cmd += [startAfter.map { "sleep \($0); exec " + program } ?? program]
        var r = try spawn(["tmux"] + cmd)
        for _ in 0..<2 where r.status != 0 {  // a loaded machine can be slow to start a server
            usleep(200_000)
            r = try spawn(["tmux"] + cmd)
        }
        guard r.status == 0 else { throw TmuxError(message: "tmux new-session failed (\(r.status)): \(r.out)\(r.err)") }
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit { _ = try? spawn(["tmux", "-L", socket, "kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        try spawn(["tmux", "-L", socket] + args).out
    }

    /// The screen as text lines.
    func capture() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", name]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Literal text (Chinese included).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", "--", text]) }  // "--": text may start with "-"
    /// tmux key names: Enter Escape Down Tab BTab C-s …
    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", name] + names) }

    /// As the evaluator `evaluator` (started with `--as`): opens the vendor matrix and scores the
    /// selected cell `value`, not saved yet.
    func scoreSelectedCell(as evaluator: String, _ value: String) throws {
        try keys("2")
        let pad = { (c: Character?) in c.map { $0.isASCII } == true ? " " : "" }
        try waitFor(text: "以\(pad(evaluator.first))\(evaluator)\(pad(evaluator.last))身份打分")
        try keys("Enter")
        try type(value)
        try keys("Enter")
    }

    func resize(_ w: Int, _ h: Int) throws {
        width = w
        height = h
        try tmux(["resize-window", "-t", name, "-x", "\(w)", "-y", "\(h)"])
    }

    /// Polls the screen every 10 ms until `predicate` holds; fails the test with the screen after `timeout`.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
        _ predicate: ([String]) -> Bool
    ) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) { return screen }
            usleep(10_000)
        }
        Issue.record("timed out waiting for \(what); screen:\n\(screen.joined(separator: "\n"))", sourceLocation: sourceLocation)
        return screen
    }

    func waitFor(text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try waitFor("“\(text)”", timeout: timeout, sourceLocation: sourceLocation) { $0.joined(separator: "\n").contains(text) }
    }

    /// Whether the program has exited (the pane is dead).
    func exited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }
}

struct TmuxError: Error { var message: String }

/// Spawn attributes with an empty signal mask and default signal actions: test threads block
/// signals, and a child that inherits that mask (the tmux server, then the app) never sees SIGWINCH.
func cleanSpawnAttributes() -> posix_spawnattr_t {
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attr, &empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attr, &all)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    return attr
}

/// Runs a command found on PATH (tmux). `run` uses posix_spawn and waitpid rather than Foundation's
/// Process, which never saw the tmux client exit: the server it forks keeps pipes open and the
/// client was left a zombie.
func spawn(_ argv: [String]) throws -> (status: Int32, out: String, err: String) {
    try run(argv[0], Array(argv.dropFirst()))
}

/// The display column where `needle` starts in `line`.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let r = line.range(of: needle) else { return nil }
    return TextWidth.of(String(line[..<r.lowerBound]))
}
