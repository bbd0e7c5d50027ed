import Foundation
import Testing
import BidbenchUI

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

/// Runs a command, returning exit status, stdout and stderr.
@discardableResult
func run(_ exe: String, _ args: [String], cwd: String? = nil, env: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    let out = Pipe(), err = Pipe()
    p.standardOutput = out; p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
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

/// A real terminal: the binary running inside a private tmux server.
final class TmuxSession {
    static let socket = "bidbench-e2e-\(getpid())"
    let name: String
    var width: Int, height: Int

    init(args: [String], width: Int = 100, height: Int = 30, env: [String: String] = [:]) throws {
        name = "t\(UUID().uuidString.prefix(8))"
        self.width = width; self.height = height
        var cmd = ["-L", TmuxSession.socket, "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                   "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", "-e", "SWIFT_BACKTRACE=enable=no", "-e", "TERM=xterm-256color"]
        for (k, v) in env { cmd += ["-e", "\(k)=\(v)"] }
        cmd += [([binaryPath] + args).map { "'\($0)'" }.joined(separator: " ")]
        // The tmux server forks from this call and would keep our pipes open forever: give it /dev/null.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux"] + cmd
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw TmuxError(message: "tmux new-session failed with status \(p.terminationStatus)") }
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit { _ = try? tmux(["kill-session", "-t", name]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        try run("/usr/bin/env", ["tmux", "-L", TmuxSession.socket] + args).out
    }

    /// The screen as text lines.
    func capture() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", name]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Literal text (Chinese included).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }
    /// tmux key names: Enter Escape Down Tab BTab C-s …
    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", name] + names) }

    func resize(_ w: Int, _ h: Int) throws {
        width = w; height = h
        try tmux(["resize-window", "-t", name, "-x", "\(w)", "-y", "\(h)"])
    }

    /// Polls the screen every 10 ms until `predicate` holds; fails the test with the screen after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
                 _ predicate: ([String]) -> Bool) throws -> [String] {
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

/// The display column where `needle` starts in `line`.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let r = line.range(of: needle) else { return nil }
    return TextWidth.of(String(line[..<r.lowerBound]))
}
