import Foundation
import Testing

@testable import BidbenchCore

/// The scanner's findings in full (each clause finding's kind, line, evidence and score, every key
/// term, every red flag with its lines, the data-security review), recorded for every fixture
/// contract in `Fixtures/ScanDumps/`. Work on the scanner's speed must leave them unchanged: the test
/// compares each scan with its recording and names the first differing line.
///
/// After a deliberate change of findings, record them again and review the diff in git:
///
///     BIDBENCH_SCAN_RECORD=1 swift test --filter ContractScanDump
///
/// By hand, any folder of texts can be dumped for `diff -r` before and after a change:
///
///     BIDBENCH_SCAN_IN=/tmp/corpus BIDBENCH_SCAN_OUT=/tmp/before swift test --filter ContractScanDump
@Suite("Contract scan dump")
struct ContractScanDumpTests {
    static let env = ProcessInfo.processInfo.environment
    static let input = env["BIDBENCH_SCAN_IN"]
    static let output = env["BIDBENCH_SCAN_OUT"]
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let dumps = here.appendingPathComponent("Fixtures/ScanDumps")

    static func dump(_ text: String) -> String {
        var out = ""
        Swift.dump(ContractScanner.scan(text), to: &out)
        return out
    }

    /// Every fixture contract: the labelled corpus and the older fixtures.
    static func fixtures() throws -> [(name: String, path: URL)] {
        var out: [(String, URL)] = []
        for folder in ["Fixtures/ContractCorpus", "Fixtures/contracts"] {
            let dir = here.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            where (name.hasSuffix(".txt") || name.hasSuffix(".md")) && name != "README.md" {
                out.append((name, dir.appendingPathComponent(name)))
            }
        }
        return out
    }

    @Test("every fixture's findings equal its recorded dump")
    func recorded() throws {
        let record = Self.env["BIDBENCH_SCAN_RECORD"] == "1"
        if record { try FileManager.default.createDirectory(at: Self.dumps, withIntermediateDirectories: true) }
        let fixtures = try Self.fixtures()
        #expect(fixtures.count >= 30)
        for (name, path) in fixtures {
            let now = Self.dump(try String(contentsOf: path, encoding: .utf8))
            let file = Self.dumps.appendingPathComponent(name + ".dump")
            if record {
                try now.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let before = try String(contentsOf: file, encoding: .utf8)
            if before != now {
                let a = before.split(separator: "\n", omittingEmptySubsequences: false)
                let b = now.split(separator: "\n", omittingEmptySubsequences: false)
                let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                Issue.record(
                    "\(name): findings differ from the recording at dump line \(i + 1): was \(i < a.count ? String(a[i]) : "(end)"), now \(i < b.count ? String(b[i]) : "(end)")"
                )
            }
        }
    }

    /// Every fixture contract concatenated into one long mixed Chinese and English text (about
    /// 150 KB): the scale at which the scanner's shortcuts (the literal index, the line and offset
    /// mappings) matter, with headings, definitions and sections running across contracts.
    static func mixedCorpus() throws -> String {
        try fixtures().map { try String(contentsOf: $0.path, encoding: .utf8) }.joined(separator: "\n")
    }

    @Test("the fixtures concatenated into one mixed text: findings equal the recording")
    func mixedText() throws {
        let text = try Self.mixedCorpus()
        #expect(text.utf8.count > 100_000)
        let now = Self.dump(text)
        let file = Self.dumps.appendingPathComponent("mixed-corpus.dump")
        if Self.env["BIDBENCH_SCAN_RECORD"] == "1" {
            try now.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let before = try String(contentsOf: file, encoding: .utf8)
        let a = before.split(separator: "\n", omittingEmptySubsequences: false)
        let b = now.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        #expect(
            before == now,
            "mixed corpus: findings differ at dump line \(i + 1): was \(i < a.count ? String(a[i]) : "(end)"), now \(i < b.count ? String(b[i]) : "(end)")"
        )
    }

    @Test(
        "dump every scan of BIDBENCH_SCAN_IN to BIDBENCH_SCAN_OUT",
        .enabled(if: input != nil && output != nil, "set BIDBENCH_SCAN_IN and BIDBENCH_SCAN_OUT"))
    func dumpAll() throws {
        let fm = FileManager.default
        let inDir = Self.input!
        let outDir = Self.output!
        try fm.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        let names = try fm.contentsOfDirectory(atPath: inDir).sorted()
        for name in names {
            let text = try String(contentsOfFile: inDir + "/" + name, encoding: .utf8)
            try Self.dump(text).write(toFile: outDir + "/" + name, atomically: true, encoding: .utf8)
        }
    }
}
