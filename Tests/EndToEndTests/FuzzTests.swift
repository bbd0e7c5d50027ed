import Foundation
import Testing

/// libFuzzer over the CSV reader, the workspace loader and the contract scanner (Tests/Fuzz/).
///
/// The harnesses are not SwiftPM targets: this test compiles BidbenchCore and BidbenchStore with
/// `swiftc -sanitize=fuzzer,address` (Crypto replaced by `Tests/Fuzz/Shim/Crypto.swift`), links
/// each harness, replays the kept regression inputs (`Tests/Fuzz/Regressions/<harness>/`), then
/// fuzzes each harness from seeds taken from the demo workspace.
///
/// Inside `swift test` the run is reproducible: a fixed libFuzzer seed and a fixed number of runs
/// per harness (with a time cap as a safety net on a very slow machine). Open-ended fuzzing is a
/// separate command: `BIDBENCH_FUZZ_SECONDS=600 swift test --filter FuzzTests` fuzzes each harness
/// for that long with a random seed (see Tests/Fuzz/README.md).
@Suite struct FuzzTests {
    static let harnesses = ["CSV", "Loader", "Contracts"]
    /// Runs per harness in the reproducible run (a few seconds each here under ASan).
    static let runs = ["CSV": 100_000, "Loader": 3_000, "Contracts": 10_000]
    static let seed = 20_261_205
    /// Open-ended fuzzing: seconds per harness, random seed.
    static let openEndedSeconds = ProcessInfo.processInfo.environment["BIDBENCH_FUZZ_SECONDS"].flatMap { Int($0) }

    /// Runs swiftc; returns its output when it fails.
    static func swiftc(_ args: [String]) throws -> String? {
        let r = try run("/usr/bin/env", ["swiftc"] + args)
        return r.status == 0 ? nil : r.out + r.err
    }

    /// Runs a fuzz binary with its output in a file (libFuzzer writes much more than a pipe holds);
    /// returns the exit status and the output.
    static func fuzzRun(_ exe: String, _ args: [String], log: String) throws -> (status: Int32, output: String) {
        let quoted = ([exe] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let r = try run(
            "/bin/sh", ["-c", "\(quoted) >'\(log)' 2>&1"],
            env: [
                "SWIFT_BACKTRACE": "enable=no", "ASAN_OPTIONS": "detect_leaks=0",
                "TMPDIR": (log as NSString).deletingLastPathComponent + "/",
            ])
        return (r.status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    static func sources(_ folder: String) -> [String] {
        let root = packageRoot.appendingPathComponent(folder).path
        return (FileManager.default.subpaths(atPath: root) ?? []).filter { $0.hasSuffix(".swift") }.sorted().map { root + "/" + $0 }
    }

    /// Seed inputs for a harness: demo files, with the loader's leading byte choosing the file.
    static func seed(_ harness: String, into dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let demo = packageRoot.appendingPathComponent("data/demo").path
        func put(_ name: String, _ bytes: Data) { _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: bytes) }
        switch harness {
        case "CSV":
            for f in ["requirements.csv", "vendors.csv", "prices.csv"] {
                put(f, try Data(contentsOf: URL(fileURLWithPath: demo + "/" + f)))
            }
        case "Loader":
            // Index into FuzzLoader.swift's fuzzTargets.
            for (i, f) in ["requirements.csv", "vendors.csv", "criteria.csv", "contracts.csv", "payments.csv"].enumerated() {
                put(f, Data([UInt8(i)]) + (try Data(contentsOf: URL(fileURLWithPath: demo + "/" + f))))
            }
        default:
            // The scanner is slow on whole contracts under ASan: seed with their first 2 KB.
            for f in try FileManager.default.contentsOfDirectory(atPath: demo + "/contracts") {
                put("seed-\(f.utf8.count)", try Data(contentsOf: URL(fileURLWithPath: demo + "/contracts/" + f)).prefix(2048))
            }
        }
    }

    @Test(.timeLimit(.minutes(Self.openEndedSeconds == nil ? 10 : 600)))
    func parsersSurviveLibFuzzer() throws {
        let tmp = TempDir()
        let out = tmp.path
        let store = Self.sources("Sources/BidbenchStore")
        let core = Self.sources("Sources/BidbenchCore")
        #expect(store.count >= 10 && core.count >= 20, "library sources not found under \(packageRoot.path)")
        // The Store's zip code imports the system zlib through Sources/CZlib (its module map links -lz).
        let zlib = packageRoot.appendingPathComponent("Sources/CZlib").path
        let common = ["-parse-as-library", "-sanitize=fuzzer,address", "-I", out, "-I", zlib]
        func library(_ name: String, _ files: [String], sanitize: Bool = true) throws -> Bool {
            let args =
                (sanitize ? common : ["-parse-as-library", "-I", out])
                + [
                    "-emit-library", "-static", "-module-name", name, "-emit-module", "-emit-module-path", "\(out)/\(name).swiftmodule",
                    "-o", "\(out)/lib\(name).a",
                ] + files
            if let failure = try Self.swiftc(args) {
                Issue.record("swiftc \(name) failed:\n\(failure)")
                return false
            }
            return true
        }
        let fuzz = packageRoot.appendingPathComponent("Tests/Fuzz").path
        guard try library("Crypto", [fuzz + "/Shim/Crypto.swift"], sanitize: false),
            try library("BidbenchCore", core), try library("BidbenchStore", store)
        else { return }

        for h in Self.harnesses {
            let exe = "\(out)/fuzz-\(h)"
            let libs = ["BidbenchStore", "BidbenchCore", "Crypto"].map { "\(out)/lib\($0).a" } + ["-lz"]
            if let failure = try Self.swiftc(common + ["\(fuzz)/Fuzz\(h).swift"] + libs + ["-o", exe]) {
                Issue.record("linking fuzz-\(h) failed:\n\(failure)")
                continue
            }
            // Leak detection is off: the harnesses keep one workspace in globals on purpose.
            // Failing inputs are written where they outlive the test.
            let artifacts = packageRoot.appendingPathComponent(".build/fuzz-crashers").path
            try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
            func crashers() -> Set<String> {
                Set(((try? FileManager.default.contentsOfDirectory(atPath: artifacts)) ?? []).filter { $0.hasPrefix("\(h)-") })
            }
            let before = crashers()
            let flags = ["-detect_leaks=0", "-artifact_prefix=\(artifacts)/\(h)-"]
            // Every input a fuzzer ever crashed on stays as a regression.
            let kept = "\(fuzz)/Regressions/\(h)"
            let regressions = ((try? FileManager.default.contentsOfDirectory(atPath: kept)) ?? []).sorted().map { kept + "/" + $0 }
            if !regressions.isEmpty {
                let r = try Self.fuzzRun(exe, flags + regressions, log: "\(out)/replay-\(h).log")
                #expect(r.status == 0, "fuzz-\(h) fails on a kept regression input:\n\(r.output.suffix(3000))")
            }
            let seeds = "\(out)/seeds-\(h)"
            try Self.seed(h, into: seeds)
            // Short inputs keep the slow harnesses (a file write and a full load; the scanner under ASan) busy with many runs.
            let maxLen = ["Contracts": ["-max_len=2048"], "Loader": ["-max_len=4096"]][h] ?? []
            let budget =
                Self.openEndedSeconds.map { ["-max_total_time=\($0)"] }
                ?? ["-seed=\(Self.seed)", "-runs=\(Self.runs[h] ?? 10_000)", "-max_total_time=60"]
            let r = try Self.fuzzRun(exe, flags + maxLen + budget + ["-timeout=20", seeds], log: "\(out)/fuzz-\(h).log")
            let found = crashers().subtracting(before).sorted()
            #expect(
                r.status == 0 && found.isEmpty,
                "fuzz-\(h) found a failing input (status \(r.status)), kept in \(artifacts) as \(found): copy it to Tests/Fuzz/Regressions/\(h)/\n\(r.output.suffix(4000))"
            )
            #expect(r.output.contains("Done "), "fuzz-\(h) did not run:\n\(r.output.suffix(2000))")
        }
    }
}
