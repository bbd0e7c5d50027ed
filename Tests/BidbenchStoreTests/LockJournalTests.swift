import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

@Suite struct LockTests {
    @Test func aLiveLockRefusesASecondWriterUntilReleased() throws {
        let dir = TempDir()
        let lock = try WorkspaceLock(folder: dir.path, now: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(lock.since == "2026-11-18T11:06:40Z")
        // The lock names its own file (device and inode), so that a copy of it is known for one.
        var st = stat()
        #expect(stat(dir.path + "/.bidbench/lock", &st) == 0)
        #expect(
            dir.text(".bidbench/lock")
                == "pid=\(getpid())\nhost=\(lock.host)\nstarted=2026-11-18T11:06:40Z\nfile=\(st.st_dev):\(st.st_ino)\n")
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

    /// `cp -r` of a workspace open in a running session copies its lock: the copy is another file
    /// (its device and inode are not the ones recorded), so it holds nothing and is taken over; the
    /// original stays locked (audit pass: the copy opened read-only).
    @Test func aCopiedLockIsTakenOverAndTheOriginalIsNot() throws {
        let original = TempDir()
        let copy = TempDir()
        let lock = try WorkspaceLock(folder: original.path)
        copy.write(".bidbench/lock", original.text(".bidbench/lock")!)
        let second = try WorkspaceLock(folder: copy.path)
        #expect(copy.text(".bidbench/lock")?.hasPrefix("pid=\(getpid())\n") == true)
        #expect(throws: StoreError.locked(pid: getpid(), host: lock.host, since: lock.since)) {
            _ = try WorkspaceLock(folder: original.path)
        }
        second.release()
        lock.release()
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

    /// A session's claim does not stop other writers: a save only locks the files it writes, for the
    /// time of the commit; a stale writer is told by the change detection instead.
    @Test func aSessionClaimLetsOtherWritersSaveTheirFiles() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var w = loaded.workspace
        w.vendors[0].notes = "n"
        let lead = try WorkspaceLock(folder: dir.path)
        // A second lead session is refused, naming the holder; an evaluator's claim is separate.
        #expect(throws: StoreError.locked(pid: getpid(), host: lead.host, since: lead.since)) { _ = try WorkspaceLock(folder: dir.path) }
        let zhang = try WorkspaceLock(folder: dir.path, scope: .evaluator("张伟"))
        #expect(dir.exists(".bidbench/sessions/scores%2F张伟.csv.lock"))
        #expect(throws: StoreError.self) { _ = try WorkspaceLock(folder: dir.path, scope: .evaluator("张伟")) }
        // A command-line save goes through while both sessions are open.
        #expect(try WorkspaceStore.save(w, over: loaded, actor: "cli").written == ["vendors.csv"])
        #expect(dir.exists(".bidbench/lock"))
        zhang.release()
        #expect(!dir.exists(".bidbench/sessions/scores%2F张伟.csv.lock"))
    }

    /// A commit lock held by a live process makes a save wait, then refuse naming the file.
    @Test func aCommitLockOfALiveWriterIsWaitedForThenNamed() throws {
        let dir = Fixture.folder()
        let host = WorkspaceLock.hostName()
        dir.write(".bidbench/locks/vendors.csv.lock", "pid=1\nhost=\(host)\nstarted=2026-11-29T01:00:00Z\n")
        let start = Date()
        #expect(throws: StoreError.busy("vendors.csv", pid: 1, host: host)) {
            _ = try CommitLocks(folder: dir.path, files: ["vendors.csv"], wait: 0.2)
        }
        #expect(Date().timeIntervalSince(start) >= 0.2)
        // A dead writer's lock is taken over at once.
        dir.write(".bidbench/locks/vendors.csv.lock", "pid=4194305\nhost=\(host)\nstarted=2026-11-29T01:00:00Z\n")
        let locks = try CommitLocks(folder: dir.path, files: ["vendors.csv"], wait: 0)
        locks.release()
        #expect(!dir.exists(".bidbench/locks/vendors.csv.lock"))
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
                now: Date(timeIntervalSince1970: 1_795_000_000), fault: nil)
        }
        return dir
    }

    /// The lead's chain in this clone.
    func chain(_ dir: TempDir) -> String { Journal.chains(folder: dir.path).first { $0.hasPrefix("journal/lead@") }! }
    func lines(_ dir: TempDir) -> [String] { dir.text(chain(dir))!.split(separator: "\n").map(String.init) }
    func rewrite(_ dir: TempDir, _ lines: [String]) { dir.write(chain(dir), lines.joined(separator: "\n") + "\n") }

    @Test func entriesHaveTheDocumentedShape() throws {
        let dir = try journaled()
        let first = lines(dir)[0]
        let before =
            #"{"id":"R10","department":"D1","module":"MES","title":"看板","detail":"","priority":"could","weight":"2.5","acceptance":"","status":"draft","criterion":"","source":""}"#
        let after = before.replacingOccurrences(of: "看板", with: "一")
        let id = try #require(JSONValue.parse(first)?["id"]?.stringValue)
        #expect(id.hasSuffix(".1") && id.count == 25)
        let sha = FileIO.sha256Hex(Array(Fixture.files["requirements.csv"]!.replacingOccurrences(of: "看板", with: "一").utf8))
        let body =
            #"{"seq":1,"id":""# + id
            + #"","time":"2026-11-18T11:06:40Z","actor":"lead","table":"requirements.csv","action":"update","rows":3,"sha256":""#
            + sha + #"","added":[],"removed":[],"changes":[{"key":"R10","before":"#
            + before + #","after":"# + after + #"}],"prev":"0000000000000000000000000000000000000000000000000000000000000000""#
        let hash = FileIO.sha256Hex(Array((body + "}").utf8))
        #expect(first == body + #","hash":""# + hash + #""}"#)
        #expect(lines(dir)[1].contains(#""prev":""# + FileIO.sha256Hex(Array(first.utf8)) + "\""))
        #expect(Journal.verify(folder: dir.path) == JournalVerification(entries: 3, firstBadLine: nil, message: nil, chains: 1))
        #expect(dir.mode(chain(dir)) == 0o600)
    }

    @Test func anEditedLineIsFound() throws {
        let dir = try journaled()
        var l = lines(dir)
        l[1] = l[1].replacingOccurrences(of: "\"actor\":\"lead\"", with: "\"actor\":\"mallory\"")
        rewrite(dir, l)
        #expect(
            Journal.verify(folder: dir.path)
                == JournalVerification(
                    entries: 1, firstBadLine: 2, message: "entry 2 was edited: its hash does not match its content", file: chain(dir),
                    chains: 1))
    }

    @Test func anEditedLineWithARecomputedHashBreaksTheNextLink() throws {
        let dir = try journaled()
        var l = lines(dir)
        let edited = l[0].replacingOccurrences(of: "\"actor\":\"lead\"", with: "\"actor\":\"mallory\"")
        let body = String(edited.dropLast(",\"hash\":\"\"}".count + 64)) + "}"
        l[0] = String(body.dropLast()) + ",\"hash\":\"" + FileIO.sha256Hex(Array(body.utf8)) + "\"}"
        rewrite(dir, l)
        #expect(
            Journal.verify(folder: dir.path)
                == JournalVerification(
                    entries: 1, firstBadLine: 2, message: "the link to line 1 is broken: an earlier entry was edited, deleted or reordered",
                    file: chain(dir), chains: 1)
        )
    }

    @Test func aDeletedLineIsFound() throws {
        let dir = try journaled()
        let l = lines(dir)
        rewrite(dir, [l[0], l[2]])
        #expect(
            Journal.verify(folder: dir.path)
                == JournalVerification(
                    entries: 1, firstBadLine: 2,
                    message: "entry seq 3 found where seq 2 was expected: entries were deleted, inserted or reordered", file: chain(dir),
                    chains: 1))
    }

    @Test func swappedLinesAreFound() throws {
        let dir = try journaled()
        let l = lines(dir)
        rewrite(dir, [l[0], l[2], l[1]])
        #expect(Journal.verify(folder: dir.path).firstBadLine == 2)
    }

    @Test func aTruncatedJournalIsFoundThroughTheLocalHead() throws {
        let dir = try journaled()
        let l = lines(dir)
        rewrite(dir, [l[0], l[1]])
        #expect(
            Journal.verify(folder: dir.path)
                == JournalVerification(
                    entries: 2, firstBadLine: 3, message: "the journal was truncated: this machine wrote 3 entries but only 2 remain",
                    file: chain(dir), chains: 1))
    }

    /// A helper's pass: a chain cut (or deleted) was found only until the next save, which appended on
    /// from the cut, replaced the head, and left `--strict` calling the chain intact with the lost
    /// change recorded nowhere. The next save writes a `gap` entry first, which verify reports.
    @Test func aSaveAfterACutChainRecordsTheGap() throws {
        for deleted in [false, true] {
            let dir = try journaled()
            let l = lines(dir)
            if deleted { #expect(unlink(dir.path + "/" + chain(dir)) == 0) } else { rewrite(dir, [l[0], l[1]]) }
            var loaded = try WorkspaceStore.load(folder: dir.path)
            var w = loaded.workspace
            w.requirements[2].title = "四"
            loaded = try WorkspaceStore.save(
                w, over: loaded, actor: "lead", force: false, lock: nil, now: Date(timeIntervalSince1970: 1_795_000_100), fault: nil)
            let after = lines(dir)
            #expect(after.count == (deleted ? 2 : 4))
            let gap = try #require(JSONValue.parse(after[after.count - 2]))
            #expect(gap["action"]?.stringValue == "gap" && gap["table"]?.stringValue == "journal")
            #expect(gap["wrote"]?.intValue == 3 && gap["found"]?.intValue == (deleted ? 0 : 2))
            let v = Journal.verify(folder: dir.path)
            #expect(v.ok)
            let n = deleted ? 1 : 3
            #expect(
                v.gaps == [
                    "\(chain(dir)):\(n): entries were lost before 2026-11-18T11:08:20Z: this machine had written 3, "
                        + (deleted ? "and the chain was gone" : "and only 2 remained")
                ])
        }
    }

    /// A meeting pass: deleting one person's whole chain verified as intact. The head this machine
    /// keeps for it says it wrote there.
    @Test func aDeletedChainIsFoundThroughTheLocalHead() throws {
        let dir = try journaled()
        let gone = chain(dir)
        #expect(unlink(dir.path + "/" + gone) == 0)
        #expect(
            Journal.verify(folder: dir.path)
                == JournalVerification(
                    entries: 0, firstBadLine: 1, message: "the chain is missing: this machine wrote 3 entries to it, and the file is gone",
                    file: gone, chains: 0))
    }

    /// A helper's pass: a chain copied under another name listed every entry twice and verified.
    @Test func aChainCopiedUnderAnotherNameIsFound() throws {
        let dir = try journaled()
        let original = chain(dir)
        let copy = "journal/zhang-wei@deadbeef.log"
        try FileManager.default.copyItem(atPath: dir.path + "/" + original, toPath: dir.path + "/" + copy)
        let v = Journal.verify(folder: dir.path)
        let names = [original, copy].sorted()
        #expect(
            v
                == JournalVerification(
                    entries: 3, firstBadLine: 1,
                    message:
                        "the same entries as \(names[0]): one chain under two names (a copy or a hard link); remove the one this clone did not write",
                    file: names[1], chains: 2))
    }

    @Test func appendContinuesTheChain() throws {
        let dir = try journaled()
        let e = try Journal.append(
            folder: dir.path, actor: "lead", table: "risks.csv", action: "update",
            changes: [JournalChange(key: "X1", before: .null, after: .object([("id", .string("X1"))]))])
        #expect(e.seq == 4)
        #expect(e.prev == FileIO.sha256Hex(Array(lines(dir)[2].utf8)))
        #expect(try Journal.read(folder: dir.path).map(\.seq) == [1, 2, 3, 4])
        #expect(Journal.verify(folder: dir.path).ok)
    }

    /// The exact bytes of entry lines — escapes in every string member, runs of keys, a long key list
    /// summarised, an event entry, and the `prev` link between two entries appended at once. Lines
    /// are hash-chained and replayed from a save's recovery file, so not one byte may move when the
    /// way a line is assembled changes.
    @Test func entryLinesKeepTheirExactBytes() throws {
        let dir = TempDir()
        let chain = "journal/x@00000000.log"
        let sha = String(repeating: "ab", count: 32)
        let edit = JournalChange(
            key: "R05", before: .object([("title", .string("旧\n\"标题\"")), ("weight", .string("2.5"))]),
            after: .object([("title", .string("新\u{1}")), ("weight", .string(""))]))
        let many = (1...300).map { "K\($0 * 2)" }  // no runs: summarised as first, last, count and digest
        let first = PreparedEntry.fileChange(
            id: "t1.1", time: "2027-04-01T09:30:00Z", actor: "张伟 \"lead\"\t\\", table: "scores/张伟.csv", action: "update",
            sha256: sha, rows: 3, diff: RowDiff(added: ["R01", "R02", "R03", "R07"], removed: [], edited: [edit]))
        let second = PreparedEntry.fileChange(
            id: "t1.2", time: "2027-04-01T09:30:00Z", actor: "a\u{2028}b 😀", table: "gates.csv", action: "import", sha256: sha,
            rows: 300, diff: RowDiff(added: many, removed: ["V1/R1"], edited: []))
        _ = try Journal.append(folder: dir.path, chain: chain, [first, second])

        func line(_ body: String) -> String { body + #","hash":""# + FileIO.sha256Hex(Array((body + "}").utf8)) + #""}"# }
        let line1 = line(
            #"{"seq":1,"id":"t1.1","time":"2027-04-01T09:30:00Z","actor":"张伟 \"lead\"\t\\","table":"scores/张伟.csv","#
                + #""action":"update","rows":3,"sha256":""# + sha + #"","added":["R01..R03","R07"],"removed":[],"#
                + #""changes":[{"key":"R05","before":{"title":"旧\n\"标题\"","weight":"2.5"},"after":{"title":"新\u0001","weight":""}}],"#
                + #""prev":""# + Journal.zeroHash + #"""#)
        let digest = FileIO.sha256Hex(Array(many.joined(separator: "\n").utf8))
        let line2 = line(
            #"{"seq":2,"id":"t1.2","time":"2027-04-01T09:30:00Z","actor":"a\u2028b 😀","table":"gates.csv","action":"import","#
                + #""rows":300,"sha256":""# + sha + #"","added":["K2","…","K600"],"added_count":300,"added_sha256":""# + digest
                + #"","removed":["V1/R1"],"changes":[],"prev":""# + FileIO.sha256Hex(Array(line1.utf8)) + #"""#)
        #expect(dir.text(chain) == line1 + "\n" + line2 + "\n")

        let event = try Journal.append(
            folder: dir.path, actor: "lead", table: "workspace.json", action: "reveal",
            changes: [JournalChange(key: "revealed", before: .bool(false), after: .bool(true))],
            now: Date(timeIntervalSince1970: 1_795_000_000))
        let line3 = line(
            #"{"seq":1,"id":""# + event.id + #"","time":"2026-11-18T11:06:40Z","actor":"lead","table":"workspace.json","#
                + #""action":"reveal","changes":[{"key":"revealed","before":false,"after":true}],"prev":""# + Journal.zeroHash
                + #"""#)
        #expect(dir.text(event.chain) == line3 + "\n")
        #expect(Journal.verify(folder: dir.path).ok)
    }

    /// A journal chain that git merged as text (user test pass): the save stops before its commit
    /// point with nothing written, and the next open is read-only and names the chain and the line
    /// of the first marker, so `bidbench check` fails instead of saying OK.
    @Test func aJournalChainWithMergeConflictMarkersStopsTheSaveBeforeAnythingIsWritten() throws {
        let dir = TempDir()
        let folder = dir.path + "/w"
        try WorkspaceStore.initialize(folder: folder, name: "合并", language: "zh")
        var ws = try WorkspaceStore.load(folder: folder).workspace
        ws.departments = [Department(id: "D1", name: "财务部")]
        let first = try WorkspaceStore.save(ws, over: try WorkspaceStore.load(folder: folder), actor: "lead")
        let chain = try Journal.chainFile(folder: folder, actor: "lead")
        let good = try #require(dir.text("w/" + chain))
        let merged = "<<<<<<< HEAD\n" + good + "=======\n" + good + ">>>>>>> x\n"
        dir.write("w/" + chain, merged)
        let tableBefore = dir.bytes("w/departments.csv")
        var edited = first.workspace
        edited.departments[0].name = "财务中心"
        #expect(throws: StoreError.journalDamaged(chain)) { try WorkspaceStore.save(edited, over: first, actor: "lead") }
        #expect(dir.bytes("w/departments.csv") == tableBefore)
        #expect(dir.text("w/" + chain) == merged)
        #expect(!Transaction.pending(folder: folder))
        let reopened = try WorkspaceStore.load(folder: folder)
        #expect(reopened.readOnly)
        #expect(reopened.problems.map { "\($0.file):\($0.line)" } == ["\(chain):1"])
        #expect(reopened.problems.first?.message.contains("git checkout --ours \(chain)") == true)
        // A last line that is not an entry (hand-edited) stops the save too; a torn last line does not.
        dir.write("w/" + chain, good + "not an entry\n")
        #expect(throws: StoreError.journalDamaged(chain)) { try WorkspaceStore.save(edited, over: first, actor: "lead") }
        dir.write("w/" + chain, good + "{\"seq\":2,\"id\":\"torn")
        let saved = try WorkspaceStore.save(edited, over: first, actor: "lead")
        #expect(saved.written == ["departments.csv"])
        #expect(Journal.verify(folder: folder).ok)
    }
}
