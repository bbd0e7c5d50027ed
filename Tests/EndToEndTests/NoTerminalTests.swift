import Foundation
import Testing

/// The screen run without a terminal (a script, a pipe, cron): it drew into the output, waited for
/// keys that never came and left `.bidbench/lock` behind (a CLI pass). It now says why and exits 2.
@Suite struct NoTerminalTests {
    @Test func theScreenWithoutATerminalSaysSoAndLeavesNoLock() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        for args in [["-w", ws], ["open", ws], ["open", ws, "--as", "李娜"]] {
            let r = try run(binaryPath, args)
            #expect(r.status == 2, "\(args): \(r.status) \(r.out.prefix(200))")
            #expect(r.out == "")
            #expect(
                r.err.contains(
                    "error: the Bidbench screen needs a terminal (standard input and output are not one); in scripts use the verbs"),
                "\(r.err)")
            #expect(!FileManager.default.fileExists(atPath: ws + "/.bidbench/lock"))
        }
        // A folder that is no workspace still says that first.
        let missing = try run(binaryPath, ["-w", tmp.path + "/nowhere"])
        #expect(missing.status == 1 && missing.err.contains("is not a workspace"), "\(missing.err)")
    }
}
