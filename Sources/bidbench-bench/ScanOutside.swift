import Foundation

/// The contract scan as a user runs it: `bidbench contract check FILE` as a process, from `exec`
/// to its exit, output thrown away; `grep` over the same file as the peer.
enum ScanOutside {
    static func run(report: BenchReport, bidbench: String, file: String, megabytes mb: Double, runs: Int) {
        let name = "contract scan, whole process (bidbench contract check)"
        guard report.wants("corpus " + name) else { return }
        guard FileManager.default.isExecutableFile(atPath: bidbench) else {
            report.skip("corpus", name, "build the release bidbench first (swift build -c release)")
            return
        }
        for (label, arguments) in [("", ["contract", "check", file]), (" with --json", ["contract", "check", "--json", file])] {
            guard let samples = time(bidbench, arguments, runs: runs) else {
                report.skip("corpus", name + label, "the process failed")
                return
            }
            add(report, name + label, samples, mb: mb)
        }
        if let grep = OutsideBench.which("grep"), let samples = time(grep, ["-c", "违约", file], runs: runs, expectSuccess: false) {
            add(report, "contract scan peer: grep -c 违约 over the same file", samples, mb: mb)
        }
    }

    private static func add(_ report: BenchReport, _ name: String, _ samples: [Double], mb: Double) {
        let st = stats(samples)
        report.add(
            Result(
                scope: "corpus", name: name, median: mb / (st.median / 1000), p99: mb / ((samples.max() ?? st.median) / 1000), unit: "MB/s",
                samples: samples.count,
                note: String(format: "%.0f ms median, %.0f ms slowest; p99 column = slowest run", st.median, samples.max() ?? 0)))
    }

    /// Milliseconds from start to exit of each run (`Spawn`, output to /dev/null); nil when a run fails.
    private static func time(_ executable: String, _ arguments: [String], runs: Int, expectSuccess: Bool = true) -> [Double]? {
        var samples: [Double] = []
        for _ in 0..<runs {
            guard let r = Spawn.run(executable, arguments), !expectSuccess || r.status == 0 else { return nil }
            samples.append(r.ms)
        }
        return samples
    }
}
