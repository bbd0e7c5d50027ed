import BidbenchCore
import BidbenchStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The write side of issue 18, measured as a user meets it: a save from the terminal (Ctrl-S in the
/// pty, timed until the new bytes are in `requirements.csv` on disk), `bidbench generate` of the
/// large workspace as a process, and the size of the journal it leaves beside the data.
enum SaveBench {
    // Kept as one function: a benchmark script: set up, save in the pty, wait for the disk, measure.
    /// Ctrl-S → the edit on disk: `bidbench -w folder` in a pty, a requirement added through the form
    /// (one edit), then Ctrl-S; the clock runs from the key until `requirements.csv` holds the new
    /// title. Each run adds one more requirement to the same folder.
    static func outsideSave(report: BenchReport, bidbench: String, scope: String, folder: String, runs: Int) {
        let name = "save from the pty: Ctrl-S → edit on disk"
        guard report.wants(scope + " " + name) else { return }
        guard FileManager.default.isExecutableFile(atPath: bidbench) else {
            report.skip(scope, name, "build the release bidbench first (swift build -c release)")
            return
        }
        guard let marker = OutsideBench.firstRequirementID(folder) else {
            report.skip(scope, name, "no requirements.csv in \(folder)")
            return
        }
        let file = folder + "/requirements.csv"
        var samples: [Double] = []
        for run in 0..<runs {
            do {
                let t = try PseudoTerminal(bidbench, ["-w", folder, "--lang", "en"])
                guard t.waitFor(marker, timeout: 120) != nil else {
                    report.skip(scope, name, "“\(marker)” never appeared")
                    return
                }
                let title = "bench save \(getpid())-\(run)"
                let from = t.output.count
                t.send("a")
                guard t.waitFor("New requirement", after: from, timeout: 30) != nil else {
                    report.skip(scope, name, "the form did not open")
                    return
                }
                t.send(title)
                for _ in 0..<5 { t.send("\t") }  // → module
                t.send("bench")
                t.send("\r")  // Enter: the form adds the row, unsaved (Ctrl-S there would save at once)
                // The terminal is drawn by differences, so no fixed text is sure to appear.
                waitQuiet(t)
                let needle = Array(title.utf8)
                let inodeBefore = inode(file)
                let start = ContinuousClock.now
                t.send("\u{13}")  // Ctrl-S: save
                var done: Double?
                let deadline = start + .seconds(60)
                // The save renames a new file into place: watch the inode (cheap), then read once.
                while ContinuousClock.now < deadline {
                    if inode(file) != inodeBefore {
                        let d = ContinuousClock.now - start
                        let at = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
                        if let bytes = FileManager.default.contents(atPath: file), Array(bytes).windowsContain(needle) { done = at }
                        break
                    }
                    usleep(500)
                }
                guard let done else {
                    report.skip(scope, name, "the title never reached \(file)")
                    return
                }
                samples.append(done)
                // The TUI's memory as the meeting uses it: opened, edited, saved, every screen shown.
                if run == runs - 1 {
                    for key in ["2", "3", "4", "5", "1"] {
                        t.send(key)
                        waitQuiet(t)
                    }
                    if let mb = peakMemoryMB(pid: t.pid) {
                        report.add(
                            Result(
                                scope: scope, name: "peak memory of the TUI: open, add, save, screens 1–5 (VmHWM, outside)", median: mb,
                                unit: "MB", samples: 1, note: "read from /proc/PID/status before q"))
                    }
                }
                t.send("q")
                _ = t.reap(timeout: 30)
            } catch {
                report.skip(scope, name, "\(error)")
                return
            }
        }
        let st = stats(samples)
        report.add(
            Result(
                scope: scope, name: name, median: st.median, p99: samples.max(), samples: runs,
                note: "p99 column = slowest run; the file's inode polled every 0.5 ms"))
    }

    /// Waits until the program has written nothing for 300 ms (at most 30 s).
    static func waitQuiet(_ t: PseudoTerminal) {
        var quietSince = ContinuousClock.now
        var seen = t.output.count
        let settle = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < settle && ContinuousClock.now - quietSince < .milliseconds(300) {
            _ = t.waitFor("\u{0}", after: seen, timeout: 0.05)
            if t.output.count != seen {
                seen = t.output.count
                quietSince = ContinuousClock.now
            }
        }
    }

    static func inode(_ path: String) -> UInt64 {
        var st = stat()
        return lstat(path, &st) == 0 ? UInt64(st.st_ino) : 0
    }

    /// `bidbench generate OUT --vendors 200 --requirements 20000 --evaluators 10` as a process, and
    /// the journal it writes against the data it describes. Returns the folder written, or nil.
    @discardableResult
    static func generate(report: BenchReport, bidbench: String, scope: String, into out: String) -> String? {
        let name = "bidbench generate 200 × 20000 × 10 (process)"
        guard report.wants(scope + " " + name) || report.wants(scope + " journal") else { return nil }
        guard FileManager.default.isExecutableFile(atPath: bidbench) else {
            report.skip(scope, name, "build the release bidbench first (swift build -c release)")
            return nil
        }
        try? FileManager.default.removeItem(atPath: out)
        let arguments = ["generate", out, "--vendors", "200", "--requirements", "20000", "--evaluators", "10"]
        guard let r = Spawn.run(bidbench, arguments) else {
            report.skip(scope, name, "could not start \(bidbench)")
            return nil
        }
        guard r.status == 0 else {
            report.skip(scope, name, "wait status \(r.status)")
            return nil
        }
        let ms = r.ms
        report.add(Result(scope: scope, name: name, median: ms, samples: 1))
        journalRatio(report: report, scope: scope, folder: out, what: "after generate")
        return out
    }

    /// Bytes of `journal/` against the bytes of the data files (everything outside `journal/` and `.bidbench/`).
    static func journalRatio(report: BenchReport, scope: String, folder: String, what: String) {
        var data = 0
        var journal = 0
        for rel in FileManager.default.subpaths(atPath: folder) ?? [] where !rel.hasPrefix(".bidbench") {
            var st = stat()
            guard lstat(folder + "/" + rel, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            if rel.hasPrefix("journal/") || rel == "journal.log" { journal += Int(st.st_size) } else { data += Int(st.st_size) }
        }
        guard data > 0 else { return }
        report.add(
            Result(
                scope: scope, name: "journal size \(what)", median: Double(journal) / 1024, unit: "KB", samples: 1,
                note: String(
                    format: "%.2f %% of %.1f MB of data (target ≤ 10 %%)", 100 * Double(journal) / Double(data), Double(data) / 1_048_576)
            ))
    }
}
