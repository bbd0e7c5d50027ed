import Foundation
import Testing

/// Every `--json` verb on both demos, byte for byte against `Golden/json/` (all of them print through
/// Core's one JSON writer). A change is reviewed by eye: `BIDBENCH_RECORD_GOLDEN=1 swift test --filter
/// JSONVerbGoldenTests` re-records, then `git diff Tests/EndToEndTests/Golden`.
@Suite("JSON verb goldens")
struct JSONVerbGoldenTests {
    static let verbs: [(name: String, args: [String])] = [
        ("check", ["check", "--json"]),
        ("rank", ["rank", "--json"]),
        ("rank-topsis", ["rank", "--method", "topsis", "--json"]),
        ("weights", ["weights", "--json"]),
        ("sensitivity", ["sensitivity", "--json"]),
        ("budget", ["budget", "--json"]),
        ("dates", ["dates", "--today", "2027-01-15", "--json"]),
        ("delivery", ["delivery", "--today", "2027-05-10", "--json"]),
        ("contract-C1", ["contract", "check", "contracts/C1", "--json"]),
        ("export-payments", ["export", "payments", "--format", "json"]),
    ]

    @Test(arguments: ["demo", "demo-en"])
    func everyJSONVerbMatchesItsGolden(demo: String) throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy(demo)
        let folder = packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden/json")
        let record = ProcessInfo.processInfo.environment["BIDBENCH_RECORD_GOLDEN"] == "1"
        for (name, args) in Self.verbs {
            // The contract file's name differs by demo: pass the one that starts with the prefix.
            let resolved = try args.map { a -> String in
                guard a.hasPrefix("contracts/") else { return a }
                let files = try FileManager.default.contentsOfDirectory(atPath: ws + "/contracts").sorted()
                return ws + "/contracts/" + (files.first { $0.hasPrefix(String(a.dropFirst("contracts/".count))) } ?? a)
            }
            let r = try run(binaryPath, [resolved[0]] + ["-w", ws] + resolved.dropFirst(), cwd: nil)
            #expect(r.status == 0, "\(name): \(r.err)")
            let url = folder.appendingPathComponent("\(demo)-\(name).json")
            if record {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(r.out.utf8).write(to: url)
                continue
            }
            let golden = try String(contentsOf: url, encoding: .utf8)
            #expect(golden == r.out, "\(demo) \(name) differs from \(url.lastPathComponent) (BIDBENCH_RECORD_GOLDEN=1 re-records)")
            // And it is JSON.
            #expect((try? JSONSerialization.jsonObject(with: Data(r.out.utf8))) != nil, "\(demo) \(name) is not valid JSON")
        }
    }

    /// Regression: `dates --json` had its own escaper, which wrote a newline in a title as `\u000a`
    /// and left DEL and U+2028 raw; a contract title with them now reads back exactly.
    @Test func datesEscapeControlCharactersInTitles() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        let csv = ws + "/contracts.csv"
        var text = try String(contentsOfFile: csv, encoding: .utf8)
        text = text.replacingOccurrences(of: "ERP 升级加购合同", with: "\"ERP 升级\n加购\u{7F}合同\u{2028}👍\"")
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try bidbench("dates", "-w", ws, "--today", "2027-01-15", "--json")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains(#""title": "ERP 升级\n加购\u007f合同\u2028👍: effective / 生效""#), "\(r.out)")
        let parsed = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        let first = (parsed?["dates"] as? [[String: Any]])?.first
        #expect(first?["title"] as? String == "ERP 升级\n加购\u{7F}合同\u{2028}👍: effective / 生效")
    }
}
