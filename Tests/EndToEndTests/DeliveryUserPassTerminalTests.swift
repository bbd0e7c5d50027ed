import Foundation
import Testing

/// The delivery meeting's user pass, replayed in a real terminal on the demo.
@Suite(.serialized, .requires(.tmux)) struct DeliveryUserPassTerminalTests {
    /// Every file under `folder` with its bytes and its modification time.
    static func snapshot(_ folder: String) throws -> [String: (Data, Date)] {
        var out: [String: (Data, Date)] = [:]
        let fm = FileManager.default
        for rel in try fm.subpathsOfDirectory(atPath: folder) {
            let path = folder + "/" + rel
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let attrs = try fm.attributesOfItem(atPath: path)
            out[rel] = (try Data(contentsOf: URL(fileURLWithPath: path)), attrs[.modificationDate] as! Date)
        }
        return out
    }

    /// Regression: Ctrl-S with nothing unsaved said "已保存到 …" as if it had written. It says there
    /// was nothing to save, and no file of the workspace changes, in bytes or in time, and the
    /// journal gets no entry — also after an edit taken back with `u`.
    @Test func ctrlSWithNothingUnsavedWritesNothingAndSaysSo() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws], width: 80, height: 24, env: ["BIDBENCH_TODAY": "2027-05-10"])
        try t.waitFor(text: "[1 需求]", timeout: 20)
        try t.keys("5")
        try t.waitFor(text: "[5 交付]")
        // The session's own claim files are in place now; the data files are what the snapshot guards.
        let before = try Self.snapshot(ws).filter { !$0.key.hasPrefix(".bidbench/") }
        usleep(20_000)  // a write now would show in the modification time
        try t.keys("C-s")
        try t.waitFor(text: "无需保存: 自上次保存以来没有修改")
        try t.keys("d")
        try t.waitFor(text: "再按 d 删除")  // the demo's first task has tasks waiting for it: named in the question
        try t.keys("d")
        try t.waitFor(text: "● 未保存")
        try t.keys("u")
        try t.waitFor(text: "已保存")
        try t.keys("C-s")
        try t.waitFor(text: "无需保存: 自上次保存以来没有修改")
        try t.keys("q")
        try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
        let after = try Self.snapshot(ws).filter { !$0.key.hasPrefix(".bidbench/") }
        #expect(after.keys.sorted() == before.keys.sorted())
        for (rel, (bytes, time)) in before {
            #expect(after[rel]?.0 == bytes, "\(rel) changed")
            #expect(after[rel]?.1 == time, "\(rel) was written")
        }
        #expect(!FileManager.default.fileExists(atPath: ws + "/journal"))
    }
}
