import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

@Suite struct LockTests {
    @Test func aLiveLockRefusesASecondWriterUntilReleased() throws {
        let dir = TempDir()
        let lock = try WorkspaceLock(folder: dir.path, now: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(lock.since == "2026-11-18T11:06:40Z")
        #expect(dir.text(".bidbench/lock") == "pid=\(getpid())\nhost=\(lock.host)\nstarted=2026-11-18T11:06:40Z\n")
        #expect(dir.mode(".bidbench/lock") == 0o600)
        #expect(throws: StoreError.locked(pid: getpid(), host: lock.host, since: "2026-11-18T11:06:40Z")) {
            _ = try WorkspaceLock(folder: dir.path)
        }
        lock.release()
        #expect(!dir.exists(".bidbench/lock"))
        do { _ = try WorkspaceLock(folder: dir.path) }  // released at the end of the scope
        #expect(!dir.exists(".bidbench/lock"))
    }

    @Test func aStaleLockIsTakenOverButAnotherHostsIsNot() throws {
        let dir = TempDir()
        // A pid that is not running here.
        var dead: Int32 = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        let host = WorkspaceLock.hostName()
        dir.write(".bidbench/lock", "pid=\(dead)\nhost=\(host)\nstarted=2026-01-01T00:00:00Z\n")
        let lock = try WorkspaceLock(folder: dir.path)
        #expect(dir.text(".bidbench/lock")?.hasPrefix("pid=\(getpid())\n") == true)
        lock.release()
        dir.write(".bidbench/lock", "pid=\(dead)\nhost=elsewhere.example\nstarted=2026-01-01T00:00:00Z\n")
        #expect(throws: StoreError.locked(pid: dead, host: "elsewhere.example", since: "2026-01-01T00:00:00Z")) {
            _ = try WorkspaceLock(folder: dir.path)
        }
    }

    /// A killed holder stays a zombie until its parent reaps it; kill(pid, 0) still succeeds then,
    /// but the process holds nothing, so the lock is taken over.
    @Test func aZombieHoldersLockIsTakenOver() throws {
        let dir = TempDir()
        var pid: pid_t = 0
        let argv = [strdup("/bin/true"), nil]
        defer { free(argv[0]) }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, argv, environ) == 0)
        // Not reaped yet: wait until the child has exited and is a zombie.
        var state = ""
        for _ in 0..<500 where state != "Z" {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            state = stat.range(of: ") ").map { String(stat[$0.upperBound...].prefix(1)) } ?? ""
            usleep(2_000)
        }
        #expect(state == "Z")
        #expect(kill(pid, 0) == 0)  // what the old check relied on
        #expect(!WorkspaceLock.isRunning(pid))
        #expect(WorkspaceLock.isRunning(getpid()))
        dir.write(".bidbench/lock", "pid=\(pid)\nhost=\(WorkspaceLock.hostName())\nstarted=2026-01-01T00:00:00Z\n")
        let lock = try WorkspaceLock(folder: dir.path)
        #expect(dir.text(".bidbench/lock")?.hasPrefix("pid=\(getpid())\n") == true)
        lock.release()
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    @Test func saveRespectsTheLock() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var w = loaded.workspace
        w.vendors[0].notes = "n"
        let lock = try WorkspaceLock(folder: dir.path)
        #expect(throws: StoreError.locked(pid: getpid(), host: lock.host, since: lock.since)) {
            try WorkspaceStore.save(w, over: loaded, actor: "a")
        }
        // The holder passes its lock and saves.
        #expect(try WorkspaceStore.save(w, over: loaded, actor: "a", lock: lock).written == ["vendors.csv"])
        #expect(dir.exists(".bidbench/lock"))
    }
}

@Suite struct JournalTests {
    /// A journal of three entries written by three saves.
    func journaled() throws -> TempDir {
        let dir = Fixture.folder()
        var loaded = try WorkspaceStore.load(folder: dir.path)
        for title in ["一", "二", "三"] {
            var w = loaded.workspace
            w.requirements[2].title = title
            loaded = try WorkspaceStore.save(
                w, over: loaded, actor: "lead", force: false, lock: nil,
                now: Date(timeIntervalSince1970: 1_795_000_000), beforeRename: nil)
        }
        return dir
    }

    func lines(_ dir: TempDir) -> [String] { dir.text("journal.log")!.split(separator: "\n").map(String.init) }

    @Test func entriesHaveTheDocumentedShape() throws {
        let dir = try journaled()
        let first = lines(dir)[0]
        let before =
            #"{"id":"R10","department":"D1","module":"MES","title":"看板","detail":"","priority":"could","weight":"2.5","acceptance":"","status":"draft","criterion":"","source":""}"#
        let after = before.replacingOccurrences(of: "看板", with: "一")
        let body =
            #"{"seq":1,"time":"2026-11-18T11:06:40Z","actor":"lead","table":"requirements.csv","action":"update","changes":[{"key":"R10","before":"#
            + before + #","after":"# + after + #"}],"prev":"0000000000000000000000000000000000000000000000000000000000000000""#
        let hash = FileIO.sha256Hex(Array((body + "}").utf8))
        #expect(first == body + #","hash":""# + hash + #""}"#)
        #expect(lines(dir)[1].contains(#""prev":""# + FileIO.sha256Hex(Array(first.utf8)) + "\""))
        #expect(Journal.verify(folder: dir.path) == JournalVerification(entries: 3, firstBadLine: nil, message: nil))
        #expect(dir.mode("journal.log") == 0o600)
    }

    @Test func anEditedLineIsFound() throws {
        let dir = try journaled()
        var l = lines(dir)
        l[1] = l[1].replacingOccurrences(of: "\"actor\":\"lead\"", with: "\"actor\":\"mallory\"")
        dir.write("journal.log", l.joined(separator: "\n") + "\n")
        #expect(
            Journal.verify(folder: dir.path)
                == JournalVerification(entries: 1, firstBadLine: 2, message: "entry 2 was edited: its hash does not match its content"))
    }

    @Test func anEditedLineWithARecomputedHashBreaksTheNextLink() throws {
        let dir = try journaled()
        var l = lines(dir)
        let edited = l[0].replacingOccurrences(of: "\"actor\":\"lead\"", with: "\"actor\":\"mallory\"")
        let body = String(edited.dropLast(",\"hash\":\"\"}".count + 64)) + "}"
        l[0] = String(body.dropLast()) + ",\"hash\":\"" + FileIO.sha256Hex(Array(body.utf8)) + "\"}"
        dir.write("journal.log", l.joined(separator: "\n") + "\n")
        #expect(
            Journal.verify(folder: dir.path)
                == JournalVerification(
                    entries: 1, firstBadLine: 2, message: "the link to line 1 is broken: an earlier entry was edited, deleted or reordered")
        )
    }

    @Test func aDeletedLineIsFound() throws {
        let dir = try journaled()
        let l = lines(dir)
        dir.write("journal.log", [l[0], l[2]].joined(separator: "\n") + "\n")
        #expect(
            Journal.verify(folder: dir.path)
                == JournalVerification(
                    entries: 1, firstBadLine: 2,
                    message: "entry seq 3 found where seq 2 was expected: entries were deleted, inserted or reordered"))
    }

    @Test func swappedLinesAreFound() throws {
        let dir = try journaled()
        let l = lines(dir)
        dir.write("journal.log", [l[0], l[2], l[1]].joined(separator: "\n") + "\n")
        #expect(Journal.verify(folder: dir.path).firstBadLine == 2)
    }

    @Test func aTruncatedJournalIsFoundThroughTheLocalHead() throws {
        let dir = try journaled()
        let l = lines(dir)
        dir.write("journal.log", [l[0], l[1]].joined(separator: "\n") + "\n")
        #expect(
            Journal.verify(folder: dir.path)
                == JournalVerification(
                    entries: 2, firstBadLine: 3, message: "the journal was truncated: this machine wrote 3 entries but only 2 remain"))
    }

    @Test func appendContinuesTheChain() throws {
        let dir = try journaled()
        let e = try Journal.append(
            folder: dir.path, actor: "cli", table: "risks.csv", action: "update",
            changes: [JournalChange(key: "X1", before: .null, after: .object([("id", .string("X1"))]))])
        #expect(e.seq == 4)
        #expect(e.prev == FileIO.sha256Hex(Array(lines(dir)[2].utf8)))
        #expect(try Journal.read(folder: dir.path).map(\.seq) == [1, 2, 3, 4])
        #expect(Journal.verify(folder: dir.path).ok)
    }
}
