// The benchmark harness of DESIGN §7: `swift build -c release && .build/release/bidbench-bench [--quick] [--json FILE]`
// (or `swift run -c release bidbench-bench`; the `rank --matrix` comparison needs the release `bidbench` built too).
import BidbenchCore
import BidbenchStore
import BidbenchUI
import Foundation

var quick = false
var jsonPath: String?
var only: String?
var largeInput: String?
var busy = false
var profileScan: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let a = arguments.next() {
    switch a {
    case "--quick": quick = true
    case "--json": jsonPath = arguments.next()
    case "--only": only = arguments.next()
    case "--large": largeInput = arguments.next()
    case "--busy": busy = true
    case "--profile-scan": profileScan = arguments.next()
    case "-h", "--help":
        say("usage: bidbench-bench [--quick] [--busy] [--json FILE] [--only TEXT] [--large FOLDER]")
        say("       bidbench-bench --profile-scan FILE  (10 scans reading every line, nothing else: for perf record)")
        exit(0)
    default:
        FileHandle.standardError.write(Data("bidbench-bench: unknown argument \(a)\n".utf8))
        exit(2)
    }
}

if let path = profileScan {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("bidbench-bench: cannot read \(path) as UTF-8\n".utf8))
        exit(2)
    }
    ContractScanner.prepare()
    let ms = (0..<10).map { _ in milliseconds { blackHole(ContractScanner.scanReadingEach(text)) } }.sorted()
    say(String(format: "scan reading every line: %.0f ms median, %.1f MB/s", ms[5], Double(text.utf8.count) / 1_048_576 / (ms[5] / 1000)))
    exit(0)
}

let report = BenchReport()
report.machine = machineInfo()
report.only = only
report.machine["mode"] = quick ? "quick" : "full"
let keyReps = quick ? 30 : 300
let heavyReps = quick ? 3 : 7

// data/demo is found from this file's path: Sources/bidbench-bench/main.swift → package root.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let demoFolder = packageRoot + "/data/demo"
let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
let bidbenchPath = URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent("bidbench").path
let temp = FileManager.default.temporaryDirectory.appendingPathComponent("bidbench-bench-\(ProcessInfo.processInfo.processIdentifier)").path
try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: temp) }

say("machine: \(report.machine["cpu"] ?? "?"), \(report.machine["cores"] ?? "?") cores, \(report.machine["memory"] ?? "?")")
// `--busy`: the other core loaded by a busy loop for the whole run (see Busy.swift).
let busyLoop = busy ? BusyLoop.start() : nil
if busy { report.machine["busy"] = "one busy-loop thread for the whole run" }
say(BenchReport.header())

/// The parts of the benchmark that run on a workspace held in memory.
func workspaceParts(_ ws: Workspace, scope: String, query: String, report: BenchReport, keyReps: Int, heavyReps: Int) {
    SessionBench.run(ws, scope: scope, report: report, repetitions: keyReps, query: query)
    if let scenario = try? Scenario(settings: ws.settings) {
        bench(report, scope, "budget TCO + NPV, all vendors", repetitions: heavyReps * 3) {
            blackHole(try? BudgetModel.tco(prices: ws.prices, scenario: scenario))
        }
    } else {
        report.skip(scope, "budget TCO + NPV, all vendors", "the workspace's scenario is invalid")
    }
    for method in ScoringMethod.allCases {
        do {
            let e = try evaluate(ws, method: method)
            try bench(
                report, scope, "rank \(method) (evaluate the workspace)", repetitions: heavyReps * 3,
                note: "\(e.ranking.count) ranked, \(e.disqualified.count) disqualified, winner \(e.ranking.first?.vendor ?? "-")"
            ) {
                blackHole(try evaluate(ws, method: method))
            }
        } catch {
            report.skip(scope, "rank \(method)", "\(error)")
        }
    }
    if let problem = try? evaluate(ws).problem {
        bench(report, scope, "sensitivity (\(ws.settings.method))", repetitions: heavyReps * 3) { blackHole(Sensitivity.analyse(problem)) }
    }
    if let topsis = try? evaluate(ws, method: .topsis).problem {
        bench(report, scope, "sensitivity (topsis, numeric scan)", repetitions: heavyReps) { blackHole(Sensitivity.analyse(topsis)) }
    }
    let request = ReportRequest(workspace: ws, today: SessionBench.today)
    var htmlBytes = 0
    bench(report, scope, "report html", repetitions: heavyReps) { htmlBytes = Report.html(request).utf8.count }
    bench(report, scope, "report markdown", repetitions: heavyReps) { blackHole(Report.markdown(request)) }
    if htmlBytes > 0 {
        report.add(Result(scope: scope, name: "report html size", median: Double(htmlBytes) / 1024, unit: "KB", samples: 1))
    }
    // Contract scan: the workspace's texts concatenated until there are at least 4 MB.
    let texts = ws.contractTexts.keys.sorted().compactMap { ws.contractTexts[$0] }
    if !texts.isEmpty && (report.wants(scope + " contract scan throughput") || report.wants(scope + " contract scan, each")) {
        var corpus = ""
        while corpus.utf8.count < 4 << 20 { for t in texts { corpus += t + "\n" } }
        let mb = Double(corpus.utf8.count) / 1_048_576
        var samples: [Double] = []
        for _ in 0..<heavyReps { samples.append(milliseconds { blackHole(ContractScanner.scan(corpus)) }) }
        let st = stats(samples)
        report.add(
            Result(
                scope: scope, name: "contract scan throughput (one \(String(format: "%.1f", mb)) MB text)",
                median: mb / (st.median / 1000), p99: mb / (st.p99 / 1000), unit: "MB/s", samples: heavyReps,
                note: String(format: "%.0f ms per scan; p99 column = slowest run", st.median)))
        let each = texts.map { $0.utf8.count }.reduce(0, +)
        bench(report, scope, "contract scan, each text once (\(texts.count) texts, \(each / 1024) KB)", repetitions: heavyReps * 3) {
            for t in texts { blackHole(ContractScanner.scan(t)) }
        }
    }
}

// The demo.
do {
    var demo: LoadedWorkspace?
    try bench(report, "demo", "workspace load", repetitions: heavyReps * 3) { demo = try WorkspaceStore.load(folder: demoFolder) }
    let loaded = try demo ?? WorkspaceStore.load(folder: demoFolder)  // loaded here when --only skipped the timing
    if !loaded.problems.isEmpty { report.skip("demo", "demo problems", "\(loaded.problems.count) problems: \(loaded.problems[0])") }
    workspaceParts(loaded.workspace, scope: "demo", query: "成本", report: report, keyReps: keyReps, heavyReps: heavyReps)
} catch {
    report.skip("demo", "workspace load", "\(error)")
}
// Contract scan of a mixed Chinese + English text: every fixture contract, concatenated until 4 MB.
if report.wants("corpus contract scan throughput") {
    var corpus = ""
    for folder in ["ContractCorpus", "contracts"] {
        let dir = packageRoot + "/Tests/BidbenchCoreTests/Fixtures/" + folder
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        where (name.hasSuffix(".txt") || name.hasSuffix(".md")) && name != "README.md" {
            if let text = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8) { corpus += text + "\n" }
        }
    }
    if corpus.isEmpty {
        report.skip("corpus", "contract scan throughput", "no fixture contracts under Tests/BidbenchCoreTests/Fixtures")
    } else {
        let once = corpus
        while corpus.utf8.count < 4 << 20 { corpus += once }
        let mb = Double(corpus.utf8.count) / 1_048_576
        ContractScanner.prepare()
        var samples: [Double] = []
        for _ in 0..<heavyReps { samples.append(milliseconds { blackHole(ContractScanner.scan(corpus)) }) }
        let st = stats(samples)
        report.add(
            Result(
                scope: "corpus", name: "contract scan throughput (mixed zh+en, \(String(format: "%.1f", mb)) MB)",
                median: mb / (st.median / 1000), p99: mb / (st.p99 / 1000), unit: "MB/s", samples: heavyReps,
                note: String(format: "%.0f ms per scan; p99 column = slowest run", st.median)))
        // The same text with nothing taken as a repeat: what a text this size without repeats costs.
        samples = []
        for _ in 0..<heavyReps { samples.append(milliseconds { blackHole(ContractScanner.scanReadingEach(corpus)) }) }
        let each = stats(samples)
        report.add(
            Result(
                scope: "corpus", name: "contract scan throughput, every line read (as if nothing repeated)",
                median: mb / (each.median / 1000), p99: mb / (each.p99 / 1000), unit: "MB/s", samples: heavyReps,
                note: String(format: "%.0f ms per scan; p99 column = slowest run", each.median)))
        // The same text scanned by the release binary as a process, as a user runs it.
        let file = temp + "/corpus.txt"
        try? FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        if FileManager.default.createFile(atPath: file, contents: Data(corpus.utf8)) {
            ScanOutside.run(report: report, bidbench: bidbenchPath, file: file, megabytes: mb, runs: quick ? 5 : 10)
        }
    }
}
// As the user sees it: the release binary in a pseudo-terminal (a copy of the demo: the TUI may write).
let outsideRuns = quick ? 5 : 10
do {
    let copy = temp + "/demo-outside"
    try? FileManager.default.removeItem(atPath: copy)
    try FileManager.default.copyItem(atPath: demoFolder, toPath: copy)
    OutsideBench.run(report: report, bidbench: bidbenchPath, scope: "demo", folder: copy, runs: outsideRuns)
} catch {
    report.skip("demo", "exec → first row on the terminal", "\(error)")
}

// The large generated workspace: 200 vendors × 20 000 requirements × 10 evaluators.
var large = Workspace()
let generateMs = milliseconds { large = WorkspaceGenerator.generate(vendors: 200, requirements: 20_000, evaluators: 10, seed: 1) }
report.add(
    Result(
        scope: "large", name: "generate 200 × 20000 × 10 in memory", median: generateMs, samples: 1,
        note: "\(large.gates.count) gates, \(large.scores.values.reduce(0) { $0 + $1.count }) scores"))
// `--large FOLDER` reuses a folder written by `bidbench generate OUT --vendors 200 --requirements 20000 --evaluators 10`.
let largeFolder = largeInput ?? temp + "/large"
do {
    if largeInput == nil {
        let writeMs = try milliseconds {
            try WorkspaceStore.initialize(folder: largeFolder, name: large.settings.name, language: large.settings.language)
            _ = try WorkspaceStore.save(large, over: try WorkspaceStore.load(folder: largeFolder), actor: "bench")
        }
        let bytes = (FileManager.default.enumerator(atPath: largeFolder)?.allObjects as? [String] ?? []).reduce(0) { sum, f in
            sum + ((try? FileManager.default.attributesOfItem(atPath: largeFolder + "/" + f)[.size] as? Int) ?? 0)
        }
        report.add(
            Result(
                scope: "large", name: "write it (Store init + save)", median: writeMs, samples: 1,
                note: String(format: "%.1f MB on disk", Double(bytes) / 1_048_576)))
        SaveBench.journalRatio(report: report, scope: "large", folder: largeFolder, what: "after the write")
    }
    // `bidbench generate` as a user runs it, and the journal it leaves (issue 18).
    SaveBench.generate(report: report, bidbench: bidbenchPath, scope: "large", into: temp + "/generated")
    try? FileManager.default.removeItem(atPath: temp + "/generated")
    var loaded: LoadedWorkspace?
    try bench(report, "large", "workspace load", repetitions: heavyReps) { loaded = try WorkspaceStore.load(folder: largeFolder) }
    var current = try loaded ?? WorkspaceStore.load(folder: largeFolder)
    report.add(
        Result(
            scope: "large", name: "load problems (must be 0)", median: Double(current.problems.count), unit: "count", samples: 1,
            note: roundTripNote(large, current.workspace)))
    workspaceParts(current.workspace, scope: "large", query: "采购订单", report: report, keyReps: keyReps, heavyReps: heavyReps)
    OutsideBench.run(report: report, bidbench: bidbenchPath, scope: "large", folder: largeFolder, runs: outsideRuns)
    OutsideBench.visidata(report: report, scope: "large", folder: largeFolder, runs: outsideRuns)
    OutsideBench.verbs(report: report, bidbench: bidbenchPath, scope: "large", folder: largeFolder, runs: quick ? 3 : 5)
    // Save after one edit: alternately retitle one requirement, each save over the previous one.
    if report.wants("large save after one edit") {
        var samples: [Double] = []
        let journalBefore = journalBytes(largeFolder)
        // As the TUI does on its background thread after the load (not timed: the user never waits for it).
        let prepared = milliseconds { current = current.preparedForSaves() }
        report.add(
            Result(
                scope: "large", name: "save preparation (background, after the load)", median: prepared, samples: 1,
                note: "requirements.csv rendered once; each save splices its edited rows into it"))
        for i in 0..<heavyReps {
            var edited = current.workspace
            edited.requirements[i % edited.requirements.count].title += " (rev \(i))"
            samples.append(try milliseconds { current = try WorkspaceStore.save(edited, over: current, actor: "bench") })
        }
        let st = stats(samples)
        report.add(
            Result(
                scope: "large", name: "save after one edit", median: st.median, p99: st.p99, samples: heavyReps,
                note: "files written: \(current.written.joined(separator: ", "))"))
        report.add(
            Result(
                scope: "large", name: "save after one edit: journal bytes per save",
                median: Double(journalBytes(largeFolder) - journalBefore) / Double(heavyReps), unit: "bytes", samples: heavyReps))
    }
    // From outside: Ctrl-S in the pty until the edit is in requirements.csv on disk.
    SaveBench.outsideSave(report: report, bidbench: bidbenchPath, scope: "large", folder: largeFolder, runs: quick ? 3 : 5)
} catch {
    report.skip("large", "store round trip", "\(error)")
}

// rank --matrix against pymcdm.
if report.wants("matrix") { MatrixBench.run(report: report, bidbench: bidbenchPath, folder: temp, repetitions: quick ? 3 : 7) }

if let busyLoop {
    let (seconds, rounds) = busyLoop.stop()
    report.add(
        Result(
            scope: "all", name: "busy loop (--busy)", median: Double(rounds) / max(seconds, 0.001), unit: "rounds/s", samples: 1,
            note: String(format: "%d rounds of 10^6 steps in %.1f s on its own thread", rounds, seconds)))
}
if let peak = peakMemoryMB() {
    report.add(Result(scope: "all", name: "peak memory (VmHWM)", median: peak, unit: "MB", samples: 1))
}
if let jsonPath {
    try report.json().write(to: URL(fileURLWithPath: jsonPath))
    say("wrote \(jsonPath)")
}

/// Whether a saved and reloaded workspace equals the generated one, naming the parts that differ.
func roundTripNote(_ a: Workspace, _ b: Workspace) -> String {
    let parts: [(String, Bool)] = [
        ("settings", a.settings == b.settings), ("departments", a.departments == b.departments),
        ("requirements", a.requirements == b.requirements), ("criteria", a.criteria == b.criteria),
        ("vendors", a.vendors == b.vendors), ("gates", a.gates == b.gates), ("prices", a.prices == b.prices),
        ("scores", a.scores == b.scores), ("budget", a.budget == b.budget), ("payments", a.payments == b.payments),
        ("contracts", a.contracts == b.contracts), ("reviews", a.reviews == b.reviews), ("changes", a.changes == b.changes),
        ("risks", a.risks == b.risks), ("contractTexts", a.contractTexts == b.contractTexts), ("ahp", a.ahp == b.ahp),
    ]
    let differing = parts.filter { !$0.1 }.map(\.0)
    return differing.isEmpty ? "round trip equal" : "round trip differs in: " + differing.joined(separator: ", ")
}

/// Bytes of the journal chains of a workspace folder.
func journalBytes(_ folder: String) -> Int {
    (FileManager.default.subpaths(atPath: folder + "/journal") ?? []).reduce(0) { sum, f in
        sum + ((try? FileManager.default.attributesOfItem(atPath: folder + "/journal/" + f)[.size] as? Int) ?? 0)
    }
}
