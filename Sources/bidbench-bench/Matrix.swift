import BidbenchCore
import Foundation

/// `bidbench rank --matrix` on a 2000 × 200 decision matrix versus pymcdm's TOPSIS on the same
/// file, both as whole processes (start, read the CSV, rank, print JSON).
enum MatrixBench {
    /// The decision-matrix CSV of DESIGN §4: header, `type` row, `weight` row, one row per alternative.
    static func csv(alternatives: Int, criteria: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var out = "alternative," + (1...criteria).map { "C\($0)" }.joined(separator: ",") + "\n"
        out += "type," + (1...criteria).map { $0 % 4 == 0 ? "cost" : "benefit" }.joined(separator: ",") + "\n"
        out += "weight," + (1...criteria).map { _ in String(rng.int(1...9)) }.joined(separator: ",") + "\n"
        for a in 1...alternatives {
            out += "A\(a)," + (1...criteria).map { _ in String(Double(rng.int(100...99_999)) / 100) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// pymcdm TOPSIS with vector normalisation (Bidbench's TOPSIS default), weights normalised to
    /// sum 1, printing the same JSON shape as `bidbench rank --json`.
    static let python = """
        import sys, json, numpy as np
        from pymcdm.methods import TOPSIS
        from pymcdm.normalizations import vector_normalization
        from pymcdm.helpers import rankdata
        path = sys.argv[1]
        with open(path, encoding='utf-8') as f:
            header = f.readline().rstrip('\\n').split(',')
            types = f.readline().rstrip('\\n').split(',')[1:]
            weights = np.array(f.readline().rstrip('\\n').split(',')[1:], dtype=float)
            rest = f.read().splitlines()
        names = [r.split(',', 1)[0] for r in rest]
        matrix = np.loadtxt(rest, delimiter=',', usecols=range(1, len(header)), dtype=float, ndmin=2)
        types = np.array([1 if t == 'benefit' else -1 for t in types])
        pref = TOPSIS(normalization_function=vector_normalization)(matrix, weights / weights.sum(), types)
        ranks = rankdata(pref, reverse=True)
        out = [{"alternative": n, "score": float(p), "rank": int(r)} for n, p, r in zip(names, pref, ranks)]
        out.sort(key=lambda o: o["rank"])
        print(json.dumps({"method": "topsis", "ranking": out}))
        """

    /// Runs a process to completion (`Spawn`, its output to a file beside the matrix); returns its wall
    /// time in ms, wait status and output. Nil when it could not be started.
    static func runProcess(_ executable: String, _ arguments: [String], output: String) -> (ms: Double, status: Int32, output: Data)? {
        guard let r = Spawn.run(executable, arguments, stdout: output) else { return nil }
        return (r.ms, r.status, FileManager.default.contents(atPath: output) ?? Data())
    }

    /// The winner in a `rank --json` output.
    static func winner(_ data: Data) -> String? {
        guard let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let ranking = o["ranking"] as? [[String: Any]]
        else { return nil }
        return ranking.first?["alternative"] as? String
    }

    // Kept as one function: a benchmark script: generate, run, time, report.
    static func run(report: BenchReport, bidbench: String?, folder: String, repetitions: Int) {
        let file = folder + "/matrix-2000x200.csv"
        do {
            try csv(alternatives: 2000, criteria: 200, seed: 2000).write(toFile: file, atomically: true, encoding: .utf8)
        } catch {
            report.skip("matrix", "write the 2000×200 CSV", "\(error)")
            return
        }
        let output = folder + "/matrix-output.json"
        var ours: Double?
        var ourWinner: String?
        if let bidbench, FileManager.default.isExecutableFile(atPath: bidbench) {
            var samples: [Double] = []
            var failed: String?
            for _ in 0..<repetitions {
                guard let r = runProcess(bidbench, ["rank", "--matrix", file, "--method", "topsis", "--json"], output: output) else {
                    failed = "could not start"
                    break
                }
                if r.status != 0 {
                    failed = "wait status \(r.status)"
                    break
                }
                ourWinner = winner(r.output)
                samples.append(r.ms)
            }
            if let failed {
                report.skip("matrix", "bidbench rank --matrix topsis (process)", failed)
            } else {
                let st = stats(samples)
                ours = st.median
                report.add(
                    Result(
                        scope: "matrix", name: "bidbench rank --matrix topsis (process)", median: st.median, p99: st.p99,
                        samples: repetitions, note: "winner \(ourWinner ?? "?")"))
            }
        } else {
            report.skip("matrix", "bidbench rank --matrix topsis (process)", "n/a: build it first (swift build -c release)")
        }
        // The interpreter itself, not a wrapper on PATH (pyenv's shim is a shell script): the peer is
        // timed as python3 runs, not as a shim starts it.
        let check = runProcess("python3", ["-c", "import pymcdm, numpy, sys; print(sys.executable)"], output: output)
        let interpreter = check.flatMap { String(decoding: $0.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard check?.status == 0, !interpreter.isEmpty else {
            report.skip("matrix", "pymcdm TOPSIS (python3 process)", "n/a: python3 with pymcdm and numpy not found (pip install pymcdm)")
            return
        }
        var samples: [Double] = []
        var peerWinner: String?
        for _ in 0..<repetitions {
            guard let r = runProcess(interpreter, ["-c", python, file], output: output), r.status == 0 else {
                report.skip("matrix", "pymcdm TOPSIS (python3 process)", "the python3 run failed")
                return
            }
            peerWinner = winner(r.output)
            samples.append(r.ms)
        }
        let st = stats(samples)
        report.add(
            Result(
                scope: "matrix", name: "pymcdm TOPSIS (python3 process)", median: st.median, p99: st.p99,
                samples: repetitions, note: "winner \(peerWinner ?? "?")"))
        if let ours {
            let same = ourWinner != nil && ourWinner == peerWinner ? "same winner" : "DIFFERENT winners"
            report.add(
                Result(
                    scope: "matrix", name: "speed-up: pymcdm median / bidbench median", median: st.median / ours,
                    unit: "×", samples: 1, note: same))
        }
    }
}
