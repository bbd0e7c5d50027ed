import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program started in a pseudo-terminal of our own, as a user starts it: the time from `exec`
/// until a given text is on the terminal, and the keys a user types.
///
/// The terminal is 120×30, `TERM=xterm-256color`, UTF-8. Only the bytes the program writes are
/// read; nothing in the program is instrumented, so the numbers hold for any build and for peers
/// (VisiData) alike.
final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    let start: ContinuousClock.Instant
    private(set) var output: [UInt8] = []

    init(_ executable: String, _ arguments: [String], columns: UInt16 = 120, rows: UInt16 = 30, environment: [String: String] = [:]) throws
    {
        // /dev/ptmx and the two ioctls behind unlockpt/ptsname (Glibc's module does not export
        // posix_openpt and friends; grantpt is a no-op with devpts).
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        let tiocsptlck: UInt = 0x4004_5431
        let tiocgptn: UInt = 0x8004_5430
        guard fd >= 0, ioctl(fd, tiocsptlck, &unlock) == 0, ioctl(fd, tiocgptn, &number) == 0 else {
            throw BenchError("cannot open a pseudo-terminal (errno \(errno))")
        }
        let slave = "/dev/pts/\(number)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fd, UInt(TIOCSWINSZ), &size)
        master = fd

        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["SWIFT_BACKTRACE"] = "enable=no"
        env["COLUMNS"] = nil
        env["LINES"] = nil
        for (k, v) in environment { env[k] = v }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, the first terminal the child opens becomes its controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, fd)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc ≥ 2.26)
        posix_spawnattr_setflags(&attr, Int16(Int32(POSIX_SPAWN_SETSIGMASK) | setsid))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for a in argv { free(a) }
            for e in envp { free(e) }
        }
        var child: pid_t = 0
        start = ContinuousClock.now
        let rc = posix_spawnp(&child, executable, &actions, &attr, argv, envp)
        guard rc == 0 else {
            close(fd)
            throw BenchError("cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        pid = child
    }

    deinit {
        if !exited { kill(pid, SIGKILL) }
        _ = reap(timeout: 2)
        close(master)
    }

    private var exited = false

    /// Milliseconds since exec.
    var elapsed: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// Reads what the program wrote until `text` has appeared after byte `from`; returns the
    /// milliseconds since exec when it did, or nil after `timeout` seconds.
    func waitFor(_ text: String, after from: Int = 0, timeout: Double = 30) -> Double? {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while ContinuousClock.now < deadline {
            if contains(needle, from: from) { return elapsed }
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, 20)
            if ready > 0 {
                let n = read(master, &buffer, buffer.count)
                if n > 0 {
                    output.append(contentsOf: buffer[0..<n])
                    // Answer a cursor-position query (ESC [ 6 n), as a terminal would.
                    if output.suffix(n + 4).windowsContain([0x1B, 0x5B, 0x36, 0x6E]) { send("\u{1B}[1;1R") }
                } else if n < 0 && errno != EINTR && errno != EAGAIN {
                    return contains(needle, from: from) ? elapsed : nil
                }
            }
        }
        return nil
    }

    private func contains(_ needle: [UInt8], from: Int) -> Bool {
        guard output.count - from >= needle.count, !needle.isEmpty else { return false }
        return output[from...].windowsContain(needle)
    }

    /// Types text or control characters.
    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits for the program to exit; the milliseconds since exec, or nil after `timeout` seconds.
    @discardableResult
    func reap(timeout: Double) -> Double? {
        if exited { return elapsed }
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno == ECHILD) {
                exited = true
                return elapsed
            }
            // Keep draining the terminal so the program never blocks on a full pty buffer.
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 5) > 0 {
                let n = read(master, &buffer, buffer.count)
                if n > 0 { output.append(contentsOf: buffer[0..<n]) }
            }
        }
        return nil
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

extension ArraySlice where Element == UInt8 {
    func windowsContain(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return false }
        var i = startIndex
        let last = endIndex - needle.count
        while i <= last {
            if self[i] == first && self[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

extension Array where Element == UInt8 {
    func windowsContain(_ needle: [UInt8]) -> Bool { self[...].windowsContain(needle) }
}

/// DESIGN §7 measured as the user sees it: `bidbench` started in a pseudo-terminal, time until the
/// first row of the Requirements table is on the terminal; then `q` and the time to exit. The same
/// for VisiData on `requirements.csv` when `vd` is installed (`pip install visidata`).
enum OutsideBench {
    /// The id of the first row the Requirements screen shows (the lowest id: the table is sorted by id).
    static func firstRequirementID(_ folder: String) -> String? {
        guard let text = try? String(contentsOfFile: folder + "/requirements.csv", encoding: .utf8) else { return nil }
        let ids = text.split(separator: "\n").dropFirst().compactMap { line -> Substring? in
            line.split(separator: ",", maxSplits: 1).first
        }
        return ids.min().map(String.init)
    }

    static func which(_ tool: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        return dirs.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// exec → first frame and `q` → exit of `bidbench -w folder`, `runs` times.
    static func run(report: BenchReport, bidbench: String, scope: String, folder: String, runs: Int) {
        let name = "exec → first row on the terminal (pty 120×30)"
        guard report.wants(scope + " " + name) else { return }
        guard FileManager.default.isExecutableFile(atPath: bidbench) else {
            report.skip(scope, name, "build the release bidbench first (swift build -c release)")
            return
        }
        guard let marker = firstRequirementID(folder) else {
            report.skip(scope, name, "no requirements.csv in \(folder)")
            return
        }
        var open: [Double] = []
        var quit: [Double] = []
        for _ in 0..<runs {
            do {
                let t = try PseudoTerminal(bidbench, ["-w", folder, "--lang", "en"])
                guard let first = t.waitFor(marker, timeout: 60) else {
                    report.skip(scope, name, "“\(marker)” never appeared; the terminal showed \(t.output.count) bytes")
                    return
                }
                open.append(first)
                let before = t.elapsed
                t.send("q")
                guard let end = t.reap(timeout: 30) else {
                    report.skip(scope, "q → exit", "the program did not exit after q")
                    return
                }
                quit.append(end - before)
            } catch {
                report.skip(scope, name, "\(error)")
                return
            }
        }
        let o = stats(open)
        report.add(
            Result(
                scope: scope, name: name, median: o.median, p99: open.max(), samples: runs,
                note: "p99 column = slowest run; marker \(marker)"))
        let q = stats(quit)
        report.add(
            Result(
                scope: scope, name: "q → process exit", median: q.median, p99: quit.max(), samples: runs, note: "p99 column = slowest run"))
    }

    /// VisiData opening `requirements.csv` of `folder`: exec → the first row on the terminal.
    static func visidata(report: BenchReport, scope: String, folder: String, runs: Int) {
        let name = "VisiData: exec → first row of requirements.csv"
        guard report.wants(scope + " " + name) else { return }
        guard let vd = which("vd") else {
            report.skip(scope, name, "vd is not installed (pip install visidata)")
            return
        }
        guard let marker = firstRequirementID(folder) else { return }
        var open: [Double] = []
        for _ in 0..<runs {
            do {
                let t = try PseudoTerminal(vd, [folder + "/requirements.csv"], environment: ["HOME": NSTemporaryDirectory()])
                guard let first = t.waitFor(marker, timeout: 60) else {
                    report.skip(scope, name, "“\(marker)” never appeared")
                    return
                }
                open.append(first)
                t.send("\u{11}")  // Ctrl-Q quits VisiData at once
                if t.reap(timeout: 5) == nil { kill(t.pid, SIGTERM) }
            } catch {
                report.skip(scope, name, "\(error)")
                return
            }
        }
        let o = stats(open)
        report.add(Result(scope: scope, name: name, median: o.median, p99: open.max(), samples: runs, note: "p99 column = slowest run"))
    }

    /// Command-line verbs on the workspace as a script runs them, whole process (`Spawn`): `check`
    /// (read and validate everything) and `report` (HTML, the full report, to a file).
    static func verbs(report: BenchReport, bidbench: String, scope: String, folder: String, runs: Int) {
        let html = NSTemporaryDirectory() + "/bidbench-bench-report-\(getpid()).html"
        defer { try? FileManager.default.removeItem(atPath: html) }
        for (name, arguments) in [
            ("bidbench check (process)", ["check", "-w", folder]),
            ("bidbench report HTML (process)", ["report", "-w", folder, "-o", html, "--today", "2027-01-15"]),
        ] {
            guard report.wants(scope + " " + name) else { continue }
            var samples: [Double] = []
            for _ in 0..<runs {
                guard let r = Spawn.run(bidbench, arguments), r.status == 0 else {
                    report.skip(scope, name, "the process failed")
                    break
                }
                samples.append(r.ms)
            }
            guard samples.count == runs else { continue }
            let st = stats(samples)
            report.add(
                Result(scope: scope, name: name, median: st.median, p99: samples.max(), samples: runs, note: "p99 column = slowest run"))
        }
    }
}
