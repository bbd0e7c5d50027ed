import BidbenchCore
import BidbenchStore
import BidbenchUI
import Foundation
import Testing

/// The real `bidbench` writing a large workspace — a save from its TUI (in tmux), and
/// `bidbench import` — killed with SIGKILL at moments spread over the write.
@Suite(.serialized, .requires(.tmux)) struct CrashSafetyTests {
    /// Extra requirements (about 400 KB more in `requirements.csv`) so a save lasts long enough to be hit mid-way.
    static let extraRows = 3_000
    static let kills = 40
    /// Past this many seconds (2 busy cores) the kills stop once `minKills` have landed: a loaded
    /// machine makes the test longer, never fewer kills.
    static let budget: Double = 40
    static let minKills = 15

    static func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { Array($0) } }

    /// The demo with many more requirements.
    static func bigWorkspace(_ tmp: TempDir) throws -> String {
        let ws = try tmp.demoCopy()
        var extra = ""
        for k in 0..<extraRows {
            extra += "G\(10_000 + k),D03,生产,批量需求 \(k),由测试生成的较长说明文字用于放大保存的字节数 \(k),should,1,,draft,func_mfg,测试\n"
        }
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: ws + "/requirements.csv"))
        try h.seekToEnd()
        try h.write(contentsOf: Data(extra.utf8))
        try h.close()
        return ws
    }

    /// Opens the TUI, adds a requirement through the form, and stops just before the save key.
    static func readyToSave(_ ws: String) throws -> TmuxSession {
        let t = try TmuxSession(args: ["-w", ws], width: 100, height: 30)
        try t.waitFor(text: "[1 需求]", timeout: 20)
        try t.keys("a")
        try t.waitFor(text: "新增需求")
        try t.type("断电后数据不丢失")  // the focus starts on the title
        try t.keys("Tab", "Tab", "Tab", "Tab", "Tab")  // → module
        try t.type("质量")
        try t.keys("Enter")  // taken, not saved
        try t.waitFor(text: "● 未保存")
        return t
    }

    /// The process in the pane: tmux runs the command through `sh -c`, which may or may not exec it.
    static func bidbenchPid(_ t: TmuxSession) throws -> pid_t {
        let pane =
            pid_t(try t.tmux(["display-message", "-p", "-t", t.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        func comm(_ p: pid_t) -> String {
            ((try? String(contentsOfFile: "/proc/\(p)/comm", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if comm(pane) == "bidbench" { return pane }
        let children = ((try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)) ?? "")
            .split(separator: " ").compactMap { pid_t($0) }
        return children.first { comm($0) == "bidbench" } ?? pane
    }

    @Test(.timeLimit(.minutes(10)))  // a hang guard: on a loaded fresh-clone CI the 15 kills took over 3 minutes
    func sigkillDuringSavesLeavesEachFileOldOrNewAndStaleLocksDoNotBlock() throws {
        let tmp = TempDir()
        let ws = try Self.bigWorkspace(tmp)
        let reqPath = ws + "/requirements.csv"
        let journalPath = ws + "/journal"
        let lockPath = ws + "/.bidbench/lock"
        let backupPath = ws + "/.bidbench/backup/requirements.csv"
        let old = try #require(Self.bytes(reqPath))
        #expect(!FileManager.default.fileExists(atPath: journalPath))

        // A save that runs to the end gives the new version and the time a save takes.
        let ref = try Self.readyToSave(ws)
        let start = Date()
        try ref.keys("C-s")
        try ref.waitFor(text: "已保存到", timeout: 30)
        let saveTime = Date().timeIntervalSince(start)
        try ref.keys("q")
        try ref.waitFor("the reference run to exit") { _ in (try? ref.exited()) == true }
        let new = try #require(Self.bytes(reqPath))
        #expect(new != old && new.count > old.count)

        /// Puts the workspace back to the old version (journal and its local head included).
        func restore() {
            _ = FileManager.default.createFile(atPath: reqPath, contents: Data(old))
            try? FileManager.default.removeItem(atPath: journalPath)
            try? FileManager.default.removeItem(atPath: ws + "/.bidbench/journal-heads")
        }
        restore()

        var outcomes = (old: 0, new: 0, newWithoutJournal: 0)
        var kills = 0
        let began = Date()
        while kills < Self.kills && (kills < Self.minKills || Date().timeIntervalSince(began) < Self.budget) {
            let t = try Self.readyToSave(ws)
            let pid = try Self.bidbenchPid(t)
            // Moments spread from "before the key arrives" to "just after the save ended", with jitter.
            let delay = saveTime * (Double(kills % 8) / 6.0 + Double.random(in: 0...0.1))
            try t.keys("C-s")
            usleep(useconds_t(delay * 1_000_000))
            #expect(kill(pid, SIGKILL) == 0, "could not kill pid \(pid)")
            kills += 1
            try t.waitFor("the killed program's pane to close") { _ in (try? t.exited()) == true }

            // Each file is the old or the new version, never a mix.
            let now = Self.bytes(reqPath)
            #expect(
                now == old || now == new,
                "requirements.csv is neither version after kill \(kills) at \(delay) s (\(now?.count ?? -1) bytes)")
            if let backup = Self.bytes(backupPath) { #expect(backup == old, "the backup is not the previous version") }
            // The journal is appended after the rename: an entry means the new file is in place.
            let journal = Journal.verify(folder: ws)
            #expect(journal.firstBadLine == nil, "journal --verify fails after kill \(kills): \(journal.message ?? "")")
            if (try Journal.read(folder: ws)).count > 0 {
                #expect(now == new, "a journal entry exists but requirements.csv is the old version")
            }
            let journaledBeforeTheReopen = (try Journal.read(folder: ws)).count
            // It loads without problems; the reopen finishes a save killed past its commit point.
            let loaded = try WorkspaceStore.load(folder: ws)
            #expect(loaded.problems.map(\.description) == [])
            let settled = Self.bytes(reqPath)
            #expect(settled == old || settled == new)
            #expect(
                try Journal.read(folder: ws).count == (settled == new ? 1 : 0), "the journal does not match the file after kill \(kills)")
            // The killed process's lock is left behind: the next run must take it over.
            let lock = String(decoding: Self.bytes(lockPath) ?? [], as: UTF8.self)
            #expect(lock.contains("pid=\(pid)\n"), "no stale lock of pid \(pid) after the kill: \(lock)")

            if settled == old {
                outcomes.old += 1
            } else {
                outcomes.new += 1
                if journaledBeforeTheReopen == 0 { outcomes.newWithoutJournal += 1 }
                restore()
            }
        }
        // Both outcomes happened, so the kills did land on both sides of the save's rename.
        #expect(outcomes.old >= 1 && outcomes.new >= 1, "outcomes \(outcomes) over \(kills) kills, save time \(saveTime) s")

        // After all those kills (stale lock in place), a save still goes through.
        let last = try Self.readyToSave(ws)
        try last.keys("C-s")
        try last.waitFor(text: "已保存到", timeout: 30)
        try last.keys("q")
        try last.waitFor("the last run to exit") { _ in (try? last.exited()) == true }
        #expect(Self.bytes(reqPath) == new)
        #expect(Journal.verify(folder: ws).firstBadLine == nil)
        #expect(!FileManager.default.fileExists(atPath: lockPath), "a clean exit leaves no lock")
    }

    /// `bidbench import requirements BIG.csv` (3 000 rows) killed with SIGKILL at moments spread over the import.
    @Test(.timeLimit(.minutes(2)))
    func sigkillDuringImportsLeavesEachFileOldOrNew() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let big = tmp.path + "/big.csv"
        var csv = "id,department,module,title,detail,priority,weight,acceptance,status,criterion,source\n"
        for k in 0..<3_000 { csv += "G\(10_000 + k),D03,生产,批量需求 \(k),由测试生成的较长说明文字 \(k),should,1,,draft,func_mfg,测试\n" }
        try csv.write(toFile: big, atomically: true, encoding: .utf8)
        let reqPath = ws + "/requirements.csv"
        let journalPath = ws + "/journal"
        let old = try #require(Self.bytes(reqPath))

        func start() throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binaryPath)
            p.arguments = ["import", "-w", ws, "requirements", big]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            p.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { _, b in b }
            try p.run()
            return p
        }
        let began = Date()
        let ref = try start()
        ref.waitUntilExit()
        let importTime = Date().timeIntervalSince(began)
        #expect(ref.terminationStatus == 0)
        let new = try #require(Self.bytes(reqPath))
        #expect(new.count > old.count + 100_000)
        func restore() {
            _ = FileManager.default.createFile(atPath: reqPath, contents: Data(old))
            try? FileManager.default.removeItem(atPath: journalPath)
            try? FileManager.default.removeItem(atPath: ws + "/.bidbench/journal-heads")
        }
        restore()

        var outcomes = (old: 0, new: 0)
        for k in 0..<25 {
            let p = try start()
            // Spread over the import; every eighth well after it, so that one finishes even when the
            // other tests load the machine and an import takes longer than the first one did.
            let fraction = k % 8 == 7 ? 3.0 : Double(k % 8) / 6.0
            usleep(useconds_t(importTime * (fraction + Double.random(in: 0...0.1)) * 1_000_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let now = Self.bytes(reqPath)
            #expect(now == old || now == new, "requirements.csv is neither version after kill \(k + 1) (\(now?.count ?? -1) bytes)")
            let journal = Journal.verify(folder: ws)
            #expect(journal.ok, "journal --verify fails after kill \(k + 1): \(journal.message ?? "")")
            if (try Journal.read(folder: ws)).count > 0 { #expect(now == new, "a journal entry for a change that is not on disk") }
            #expect(try WorkspaceStore.load(folder: ws).problems.map(\.description) == [])
            let settled = Self.bytes(reqPath)
            #expect(settled == old || settled == new)
            #expect(
                try Journal.read(folder: ws).count == (settled == new ? 1 : 0), "the journal does not match the file after kill \(k + 1)")
            if settled == old {
                outcomes.old += 1
            } else {
                outcomes.new += 1
                restore()
            }
        }
        #expect(outcomes.old >= 1 && outcomes.new >= 1, "outcomes \(outcomes), import time \(importTime) s")
        // Whatever lock the kills left behind, the next import goes through.
        let last = try start()
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(Self.bytes(reqPath) == new)
        #expect(!FileManager.default.fileExists(atPath: ws + "/.bidbench/lock"))
    }
}

/// Text from files never reaches the terminal as control characters; paths from data stay inside
/// the workspace; new workspaces are owner-only.
@Suite struct HostileInputTests {
    static let evil = "Evil\u{1b}[2J\u{1b}]0;pwned\u{07}"

    /// The demo with an escape-laden vendor name, requirement title and contract text.
    static func hostileWorkspace(_ tmp: TempDir) throws -> String {
        let ws = try tmp.demoCopy()
        func edit(_ rel: String, _ from: String, _ to: String) throws {
            let path = ws + "/" + rel
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(from), "\(rel) does not contain \(from)")
            try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
        }
        try edit("vendors.csv", "V1,云帆软件,", "V1,\(evil),")
        try edit("requirements.csv", "多币种凭证自动折算", "多币种\(evil)凭证")
        try edit("contracts/C1-云帆软件-ERP升级合同.md", "乙方：云帆软件有限公司", "乙方：\(evil)有限公司")
        try edit("contracts/C1-云帆软件-ERP升级合同.md", "2.1 本合同总金额", "2.1 \(evil)本合同总金额")
        return ws
    }

    static func controlBytes(_ s: String) -> [UInt8] { s.utf8.filter { $0 == 0x1B || $0 == 0x07 } }

    @Test func commandOutputCarriesNoEscapesFromTheData() throws {
        let tmp = TempDir()
        let ws = try Self.hostileWorkspace(tmp)
        let contract = ws + "/contracts/C1-云帆软件-ERP升级合同.md"
        let runs: [[String]] = [
            ["check", "-w", ws], ["rank", "-w", ws], ["budget", "-w", ws], ["dates", "-w", ws],
            ["contract", "check", "-w", ws, contract], ["contract", "check", "-w", ws, contract, "--json"],
            ["rank", "-w", ws, "--json"],
        ]
        for args in runs {
            let r = try run(binaryPath, args)
            #expect(
                Self.controlBytes(r.out + r.err).isEmpty,
                "bidbench \(args.prefix(2).joined(separator: " ")) printed ESC/BEL bytes from the data")
        }
        // The vendor is still shown, its control characters made visible.
        let rank = try run(binaryPath, ["rank", "-w", ws])
        #expect(rank.out.contains("Evil"), "rank does not show the vendor at all:\n\(rank.out)")
        let contractOut = try run(binaryPath, ["contract", "check", "-w", ws, contract])
        #expect(contractOut.status == 0, "contract check failed: \(contractOut.err)")
    }

    @Test func contractCheckDropsC1ControlsAndDelete() throws {
        let tmp = TempDir()
        let text =
            "1. Fees\n1.1 The fees are fixed for 36 months.\n2. Governing Law\n2.1 This contract is governed by the laws of England.\n"
        // U+009B is a one-character CSI on terminals that read C1 controls; DEL is invisible. Each on
        // its own, so that each of the cleaner's tests is needed.
        for (name, shown) in [("c1\u{9B}x.txt", "c1x.txt"), ("del\u{7F}y.txt", "dely.txt"), ("nel\u{85}z.txt", "nelz.txt")] {
            let path = tmp.path + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let r = try run(binaryPath, ["contract", "check", path])
            #expect(r.status == 0, "\(r.err)")
            let bytes = Array(r.out.utf8)
            #expect(!bytes.contains(0x7F), "\(name)")
            #expect(!zip(bytes, bytes.dropFirst()).contains { $0 == 0xC2 && $1 >= 0x80 && $1 <= 0x9F }, "\(name)")
            #expect(r.out.contains(shown), "\(r.out)")
        }
    }

    @Test(.requires(.tmux)) func theTUIShowsHostileNamesWithoutObeyingThem() throws {
        let tmp = TempDir()
        let ws = try Self.hostileWorkspace(tmp)
        let t = try TmuxSession(args: ["-w", ws], width: 120, height: 30)
        try t.waitFor(text: "[1 需求]")
        try t.keys("2")
        // Both: "Evil" alone can be matched on the Requirements screen before the switch is drawn.
        try t.waitFor("the vendor matrix with the hostile name") { lines in
            lines.contains { $0.contains("[2 供应商]") } && lines.contains { $0.contains("Evil") }
        }
        let raw = try t.tmux(["capture-pane", "-p", "-e", "-t", t.name])
        // The only escapes in the captured screen are tmux's own colour codes (SGR), none from the data.
        let nonSGR = raw.replacingOccurrences(of: "\u{1b}\\[[0-9;:]*m", with: "", options: .regularExpression)
        #expect(Self.controlBytes(nonSGR).isEmpty, "escape sequences other than colours on screen")
        #expect(!raw.contains("\u{1b}[2J") && !raw.contains("\u{1b}]0;"))
        // The window title was not changed, and the screen was not cleared (the tab bar is still there).
        let title = try t.tmux(["display-message", "-p", "-t", t.name, "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(title != "pwned", "the data retitled the window")
        let screen = try t.capture()
        #expect(screen.contains { $0.contains("[2 供应商]") })
        try t.keys("q")
        try t.waitFor("exit") { _ in (try? t.exited()) == true }
    }

    @Test func aContractPathLeavingTheWorkspaceIsRefused() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let path = ws + "/contracts.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "contracts/C1-云帆软件-ERP升级合同.md", with: "../../etc/passwd")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = try run(binaryPath, ["check", "-w", ws])
        #expect(r.status == 1)
        #expect(
            (r.out + r.err).contains("contracts.csv:2: file: \"../../etc/passwd\" points outside the workspace folder; refused"),
            "check output:\n\(r.out)\(r.err)")
        for args in [["check", "-w", ws], ["dates", "-w", ws], ["rank", "-w", ws]] {
            let out = try run(binaryPath, args)
            #expect(!(out.out + out.err).contains("root:x:0:0"), "bidbench \(args[0]) printed /etc/passwd")
        }
    }

    /// Modes of everything under `root` (relative path → permission bits).
    static func modes(_ root: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for rel in [""] + (FileManager.default.subpaths(atPath: root) ?? []) {
            var st = stat()
            if lstat(root + (rel.isEmpty ? "" : "/" + rel), &st) == 0 { out[rel] = Int(st.st_mode & 0o777) }
        }
        return out
    }

    @Test func newWorkspacesAreOwnerOnly() throws {
        let tmp = TempDir()
        // Even with a permissive umask, the files are created 0600 and the folders 0700.
        let old = umask(0o002)
        defer { umask(old) }
        for verb in ["init", "demo"] {
            let ws = tmp.path + "/\(verb)-ws"
            let r = try run(binaryPath, [verb, ws])
            #expect(r.status == 0, "\(verb): \(r.err)")
            let modes = Self.modes(ws)
            #expect(modes.count > 10, "\(verb) made only \(modes.keys.sorted())")
            for (rel, mode) in modes.sorted(by: { $0.key < $1.key }) {
                var isDir: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: ws + "/" + rel, isDirectory: &isDir)
                #expect(mode == (isDir.boolValue ? 0o700 : 0o600), "\(verb): \(rel.isEmpty ? "." : rel) has mode \(String(mode, radix: 8))")
            }
        }
    }
}

/// The TUI in odd terminals and under odd input: no crash, no line wider than the terminal, and it
/// still quits cleanly.
@Suite(.requires(.tmux)) struct TerminalRobustnessTests {
    static func assertFits(_ screen: [String], _ width: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for l in screen { #expect(TextWidth.of(l) <= width, "line wider than \(width): \(l)", sourceLocation: sourceLocation) }
    }

    static func fits(_ screen: [String], _ width: Int) -> Bool { screen.allSatisfy { TextWidth.of($0) <= width } }

    /// Sends `keys` one at a time (a pause after Escape, so the next key is not read as Alt+key),
    /// then checks the program ended by itself with status 0 (not a crash or a signal).
    static func quitCleanly(_ t: TmuxSession, keys: [String] = ["q"]) throws {
        for k in keys {
            try t.keys(k)
            if k == "Escape" { usleep(300_000) }
        }
        try t.waitFor("a clean exit") { _ in (try? t.exited()) == true }
        // tmux may see the pane's end (EOF) before it reaps the process: poll for the status. Under
        // load tmux sometimes never records it; then the process must be gone and the pane must show
        // no crash report.
        var info = ""
        for _ in 0..<100 {
            info = try t.tmux(["display-message", "-p", "-t", t.name, "#{pane_dead} #{pane_pid} #{pane_dead_status}#{pane_dead_signal}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if info.split(separator: " ").count == 3 { break }
            usleep(20_000)
        }
        let parts = info.split(separator: " ").map(String.init)
        if parts.count == 3 {
            #expect(parts[2] == "0", "exit status, or the signal that ended it: \(parts[2])")
        } else {
            // Gone, or a zombie that tmux has not reaped yet (State: Z): either way it has exited.
            func exitedProcess() -> Bool {
                guard parts.count == 2 else { return false }
                guard let status = try? String(contentsOfFile: "/proc/\(parts[1])/status", encoding: .utf8) else { return true }
                return status.contains("State:\tZ")
            }
            var done = exitedProcess()
            for _ in 0..<100 where !done {
                usleep(20_000)
                done = exitedProcess()
            }
            #expect(done, "pane: \(info)")
            let screen = try t.capture().joined(separator: "\n")
            for crash in ["Fatal error", "Illegal instruction", "Segmentation fault", "Trace/breakpoint", "Aborted"] {
                #expect(!screen.contains(crash), "the program crashed:\n\(screen)")
            }
        }
    }

    @Test func aResizeStormEndsOnACorrectScreen() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws], width: 100, height: 30)
        try t.waitFor(text: "[1 需求]")
        let sizes = [(61, 15), (200, 60), (20, 5), (140, 40), (59, 14), (80, 24), (1, 1), (120, 35), (90, 16), (160, 50)]
        for i in 0..<20 {
            let (w, h) = sizes[i % sizes.count]
            try t.resize(w, h)
        }
        try t.resize(100, 30)
        let screen = try t.waitFor("the full screen at 100×30") { lines in
            lines.count >= 30 && lines[0].contains("[1 需求]") && lines.contains { $0.contains("R01") } && Self.fits(lines, 100)
        }
        Self.assertFits(screen, 100)
        #expect(try !t.exited())
        try Self.quitCleanly(t)
    }

    @Test func aTwentyByFiveTerminalSaysItIsTooSmall() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws], width: 20, height: 5)
        try t.waitFor(text: "终端窗口太小")
        Self.assertFits(try t.capture(), 20)
        try t.keys("Down", "Tab", "a", "2")
        usleep(200_000)
        #expect(try !t.exited())
        Self.assertFits(try t.capture(), 20)
        try Self.quitCleanly(t, keys: ["Escape", "q"])
    }

    @Test func veryLongChineseCellsAreCutToTheTerminal() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let path = ws + "/requirements.csv"
        let long = String(repeating: "超长的中文需求标题", count: 60)  // 540 wide characters
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "多币种凭证自动折算", with: long).replacingOccurrences(of: "按工单归集实际成本", with: "成本" + long)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let t = try TmuxSession(args: ["-w", ws], width: 100, height: 30)
        let screen = try t.waitFor("the table with the long titles") { $0.contains { $0.contains("超长的中文") } }
        Self.assertFits(screen, 100)
        // The row below the long one is still aligned and visible.
        #expect(screen.contains { $0.contains("R03") })
        try t.keys("Enter")
        usleep(200_000)
        Self.assertFits(try t.capture(), 100)
        try t.resize(61, 15)
        Self.assertFits(try t.waitFor("a redraw that fits 61 columns") { $0.count <= 16 && Self.fits($0, 61) }, 61)
        try Self.quitCleanly(t, keys: ["Escape", "q"])
    }

    @Test func pastingAThousandCharactersIntoAFormField() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws], width: 100, height: 30)
        try t.waitFor(text: "[1 需求]")
        try t.keys("a")
        try t.waitFor(text: "新增需求")
        try t.keys("Tab", "Tab")  // title → priority → acceptance (a long field that wraps)
        // 1000 characters (Chinese, ASCII, a comma and quotes), ending with a marker to wait for.
        let paste = String(String(repeating: "粘贴文本abc,\"x\" ", count: 84).prefix(991)) + "END标记0123"
        #expect(paste.count == 1000)
        try t.type(paste)
        // Each character is one key event; the debug build takes a few seconds for all of them.
        let screen = try t.waitFor("the end of the pasted text", timeout: 30) { $0.contains { $0.contains("END标记0123") } }
        Self.assertFits(screen, 100)
        #expect(try !t.exited())
        try Self.quitCleanly(t, keys: ["Escape", "y", "q"])  // Esc on a changed form asks; y discards
        // Nothing was saved: the form was cancelled.
        #expect(
            try String(contentsOfFile: ws + "/requirements.csv", encoding: .utf8)
                == String(contentsOfFile: packageRoot.path + "/data/demo/requirements.csv", encoding: .utf8))
    }
}
