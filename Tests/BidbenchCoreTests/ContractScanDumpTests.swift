import Foundation
import Testing

@testable import BidbenchCore

/// A tool for work on the scanner's speed, run by hand: every scan written in full (each finding's
/// kind, line, evidence and score, every key term, every red flag), so that the dumps taken before
/// and after a change can be compared with `diff -r`.
///
///     BIDBENCH_SCAN_IN=/tmp/corpus BIDBENCH_SCAN_OUT=/tmp/before swift test --filter ContractScanDump
///
/// Each regular file in `BIDBENCH_SCAN_IN` is read as UTF-8 and scanned; the dump goes to the file of
/// the same name in `BIDBENCH_SCAN_OUT`.
@Suite("Contract scan dump (by hand)")
struct ContractScanDumpTests {
    static let input = ProcessInfo.processInfo.environment["BIDBENCH_SCAN_IN"]
    static let output = ProcessInfo.processInfo.environment["BIDBENCH_SCAN_OUT"]

    @Test(
        "dump every scan of BIDBENCH_SCAN_IN to BIDBENCH_SCAN_OUT",
        .enabled(if: input != nil && output != nil, "set BIDBENCH_SCAN_IN and BIDBENCH_SCAN_OUT"))
    func dumpAll() throws {
        let fm = FileManager.default
        let inDir = Self.input!
        let outDir = Self.output!
        try fm.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        let names = try fm.contentsOfDirectory(atPath: inDir).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOfFile: inDir + "/" + name, encoding: .utf8)
            let scan = ContractScanner.scan(text)
            var out = ""
            Swift.dump(scan, to: &out)
            try out.write(toFile: outDir + "/" + name, atomically: true, encoding: .utf8)
        }
    }
}
