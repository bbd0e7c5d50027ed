import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// What a killed save leaves behind does not disturb the next load or save.
@Suite struct ReliabilityStoreTests {
    @Test func tempFilesLeftByAKilledSaveAreIgnored() throws {
        let dir = Fixture.folder()
        // A save killed after writing part of its temp file (named as FileIO.atomicWrite names them).
        dir.write(".requirements.csv.tmp-4242-17", "id,department,module,title\nR1,D1,MES,半")
        dir.write("scores/.张伟.csv.tmp-4242-18", "vendor,criterion,score,note\nV1,C1,")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.problems == [])
        #expect(loaded.workspace.scores.keys.sorted() == ["张伟"])
        #expect(loaded.changesOnDisk() == [])
        var w = loaded.workspace
        w.requirements[0].title = "工单追溯 2"
        let saved = try WorkspaceStore.save(w, over: loaded, actor: "tester")
        #expect(saved.written == ["requirements.csv"])
        #expect(try WorkspaceStore.load(folder: dir.path).workspace.requirements.map(\.title).contains("工单追溯 2"))
    }

    @Test func aLockLeftByADeadProcessIsTakenOverAndALiveOneIsNot() throws {
        let dir = Fixture.folder()
        let host = WorkspaceLock.hostName()
        // Above the largest pid Linux allows (pid_max is at most 2^22), so no process has it.
        let dead: Int32 = 4_194_305
        #expect(kill(dead, 0) != 0)
        dir.write(".bidbench/lock", "pid=\(dead)\nhost=\(host)\nstarted=2026-11-29T01:00:00Z\n")
        let lock = try WorkspaceLock(folder: dir.path)
        var st = stat()
        #expect(stat(dir.path + "/.bidbench/lock", &st) == 0)
        #expect(dir.text(".bidbench/lock") == "pid=\(getpid())\nhost=\(host)\nstarted=\(lock.since)\nfile=\(st.st_dev):\(st.st_ino)\n")
        lock.release()
        // pid 1 is alive: its lock is respected and named.
        dir.write(".bidbench/lock", "pid=1\nhost=\(host)\nstarted=2026-11-29T01:00:00Z\n")
        #expect(throws: StoreError.locked(pid: 1, host: host, since: "2026-11-29T01:00:00Z")) { _ = try WorkspaceLock(folder: dir.path) }
    }
}
