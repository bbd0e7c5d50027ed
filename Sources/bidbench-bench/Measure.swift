import Foundation

/// One line of the benchmark's result table.
struct Result {
    /// `demo`, `large` or `matrix`.
    var scope: String
    var name: String
    /// Milliseconds unless `unit` says otherwise; nil when the part could not run.
    var median: Double?
    var p99: Double?
    var unit = "ms"
    var samples = 0
    var note = ""
}

/// Collects results, prints them as they come and writes them as JSON at the end.
final class BenchReport {
    private(set) var results: [Result] = []
    var machine: [String: String] = [:]
    /// `--only TEXT`: run only the measures whose name contains it (for profiling one part).
    var only: String?

    func wants(_ name: String) -> Bool { only.map { name.contains($0) } ?? true }

    func add(_ r: Result) {
        guard wants(r.scope + " " + r.name) else { return }
        results.append(r)
        say(BenchReport.line(r))
    }

    func skip(_ scope: String, _ name: String, _ why: String) { add(Result(scope: scope, name: name, note: why)) }

    static func header() -> String {
        pad("scope", 7) + pad("measure", 44) + lpad("median", 12) + lpad("p99", 12) + "  " + pad("unit", 8) + lpad("n", 6) + "  note"
    }

    static func line(_ r: Result) -> String {
        pad(r.scope, 7) + pad(r.name, 44) + lpad(r.median.map(format) ?? "n/a", 12) + lpad(r.p99.map(format) ?? "", 12)
            + "  " + pad(r.median == nil ? "" : r.unit, 8) + lpad(r.samples > 0 ? String(r.samples) : "", 6) + "  " + r.note
    }

    static func format(_ v: Double) -> String {
        if v >= 1000 { return String(format: "%.0f", v) }
        if v >= 10 { return String(format: "%.1f", v) }
        if v >= 0.1 { return String(format: "%.3f", v) }
        return String(format: "%.4f", v)
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }

    func json() throws -> Data {
        let rows: [[String: Any]] = results.map { r in
            var o: [String: Any] = ["scope": r.scope, "name": r.name, "unit": r.unit, "samples": r.samples]
            o["median"] = r.median ?? NSNull()
            o["p99"] = r.p99 ?? NSNull()
            if !r.note.isEmpty { o["note"] = r.note }
            return o
        }
        return try JSONSerialization.data(withJSONObject: ["machine": machine, "results": rows], options: [.prettyPrinted, .sortedKeys])
    }
}

/// Prints a line unbuffered, so progress shows while the benchmark runs into a pipe.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

/// Wall-clock milliseconds of one run of `body`.
@inline(never)
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let d = clock.now - start
    return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

/// Median and 99th percentile (nearest rank) of samples.
func stats(_ samples: [Double]) -> (median: Double, p99: Double) {
    let s = samples.sorted()
    let mid = s.count / 2
    let median = s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    let rank = Int((0.99 * Double(s.count)).rounded(.up))
    return (median, s[max(0, min(s.count - 1, rank - 1))])
}

/// Runs `body` `repetitions` times and records median and p99.
func bench(_ report: BenchReport, _ scope: String, _ name: String, repetitions: Int, note: String = "", _ body: () throws -> Void) rethrows
{
    guard report.wants(scope + " " + name) else { return }
    var samples: [Double] = []
    samples.reserveCapacity(repetitions)
    for _ in 0..<repetitions { samples.append(try milliseconds(body)) }
    let st = stats(samples)
    report.add(Result(scope: scope, name: name, median: st.median, p99: st.p99, samples: repetitions, note: note))
}

/// Peak resident memory of this process so far (VmHWM), in MB; of process `pid` when given.
func peakMemoryMB(pid: Int32? = nil) -> Double? {
    let path = pid.map { "/proc/\($0)/status" } ?? "/proc/self/status"
    guard let status = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first
        return kb.map { $0 / 1024 }
    }
    return nil
}

/// The machine, for the README: core count and CPU model.
func machineInfo() -> [String: String] {
    var info = ["cores": String(ProcessInfo.processInfo.activeProcessorCount)]
    if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let line = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
        let colon = line.firstIndex(of: ":")
    {
        info["cpu"] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    if let mem = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
        let line = mem.split(separator: "\n").first
    {
        info["memory"] = String(line.drop(while: { $0 != " " }).trimmingCharacters(in: .whitespaces))
    }
    return info
}
