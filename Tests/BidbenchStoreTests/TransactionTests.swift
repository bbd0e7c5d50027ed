import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// A save that changes several files is one transaction: a failure before its commit point changes
/// nothing, one after it is finished by the next open, and either way every file is old or every
/// file new (issue 21 item 4).
@Suite(.serialized) struct TransactionTests {
    /// Five files change: four tables updated and one score sheet created.
    static func multiFileEdit(_ w: Workspace) -> Workspace {
        var w = w
        w.vendors[0].notes = "重新报价"
        w.gates[0].note = "已确认"
        w.scores["张伟"]![0].score = 6
        w.requirements[0].title = "批次追溯 v2"
        w.scores["李娜"] = [Score(vendor: "V1", criterion: "C1", score: 9, note: "强")]
        return w
    }

    static let files = ["requirements.csv", "vendors.csv", "gates.csv", "scores/张伟.csv", "scores/李娜.csv"]

    /// The five files' bytes (nil when missing).
    static func snapshot(_ dir: TempDir) -> [String: [UInt8]?] {
        Dictionary(uniqueKeysWithValues: files.map { ($0, dir.bytes($0)) })
    }

    /// The state after the edit, made once in another folder.
    static func newState() throws -> [String: [UInt8]?] {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        _ = try WorkspaceStore.save(multiFileEdit(loaded.workspace), over: loaded, actor: "lead")
        return snapshot(dir)
    }

    static func leftovers(_ dir: TempDir) -> [String] {
        (FileManager.default.subpaths(atPath: dir.path) ?? []).filter { $0.contains(".tmp-") || $0.contains("txn-") }.sorted()
    }

    @Test func aFailureAtEachStageBeforeTheCommitPointChangesNothing() throws {
        let stages: [SaveStage] =
            Self.files.sorted { WorkspaceStore.fileRank($0) < WorkspaceStore.fileRank($1) }.map { .temp($0) } + [.manifest]
        let new = try Self.newState()
        for failing in stages {
            let dir = Fixture.folder()
            let old = Self.snapshot(dir)
            let loaded = try WorkspaceStore.load(folder: dir.path)
            let edited = Self.multiFileEdit(loaded.workspace)
            #expect(throws: StoreError.notSaved(dir.url("x"), "No space left on device")) {
                _ = try WorkspaceStore.save(
                    edited, over: loaded, actor: "lead", force: false, lock: nil, now: Date(),
                    fault: { stage in if stage == failing { throw StoreError.io(dir.url("x"), "No space left on device") } })
            }
            #expect(Self.snapshot(dir) == old, "files changed by a save that failed at \(failing)")
            #expect(Self.leftovers(dir) == [], "left behind at \(failing)")
            #expect(try Journal.read(folder: dir.path).isEmpty, "journaled a save that failed at \(failing)")
            // The retry is an ordinary save: nothing of the failed one is "changed on disk".
            let saved = try WorkspaceStore.save(edited, over: loaded, actor: "lead")
            #expect(saved.written.count == 5)
            #expect(Self.snapshot(dir) == new)
            #expect(try Journal.read(folder: dir.path).count == 5)
        }
        #expect(
            StoreError.notSaved("scores/.a.csv.tmp-1-2", "No space left on device").description
                == "not saved, nothing in the workspace was changed: scores/.a.csv.tmp-1-2: No space left on device")
    }

    @Test func aFailureAfterTheCommitPointIsFinishedByTheNextOpenAndJournaledOnce() throws {
        let new = try Self.newState()
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        let edited = Self.multiFileEdit(loaded.workspace)
        var renamed = 0
        #expect(throws: StoreError.self) {
            _ = try WorkspaceStore.save(
                edited, over: loaded, actor: "lead", force: false, lock: nil, now: Date(),
                fault: { stage in
                    if case .rename = stage {
                        renamed += 1
                        if renamed == 3 { throw StoreError.io(dir.url("gates.csv"), "Input/output error") }
                    }
                })
        }
        // Half applied on disk, with the manifest saying how to finish.
        #expect(Self.snapshot(dir) != new)
        #expect(Transaction.pending(folder: dir.path))
        // The user retries the same save (the TUI kept the edits): it completes, journals once, and
        // does not call its own half-written files "changed on disk by someone else".
        let retried = try WorkspaceStore.save(edited, over: loaded, actor: "lead")
        #expect(retried.written == [])
        #expect(Self.snapshot(dir) == new)
        #expect(!Transaction.pending(folder: dir.path))
        #expect(Self.leftovers(dir) == [])
        let entries = try Journal.read(folder: dir.path)
        #expect(entries.map(\.table).sorted() == Self.files.sorted())
        #expect(Journal.verify(folder: dir.path).ok)
        #expect(try WorkspaceStore.load(folder: dir.path).problems == [])
    }

    /// A multi-file save stopped past its commit point (at the rename of gates.csv), its manifest
    /// made to look like a dead process's (pid above pid_max).
    static func saveLeftByADeadProcess(_ dir: TempDir) throws {
        let loaded = try WorkspaceStore.load(folder: dir.path)
        _ = try? WorkspaceStore.save(
            Self.multiFileEdit(loaded.workspace), over: loaded, actor: "lead", force: false, lock: nil, now: Date(),
            fault: { stage in if stage == .rename("gates.csv") { throw StoreError.io("gates.csv", "killed") } })
        #expect(WorkspaceStore.savePending(folder: dir.path))
        let name = try #require(FileManager.default.contentsOfDirectory(atPath: dir.url(".bidbench")).first { $0.hasPrefix("txn-") })
        let text = try #require(dir.text(".bidbench/" + name))
        dir.write(".bidbench/" + name, text.replacingOccurrences(of: "\"pid\":\(getpid())", with: "\"pid\":4194305"))
    }

    @Test func aManifestLeftByADeadProcessIsFinishedOnLoad() throws {
        let new = try Self.newState()
        let dir = Fixture.folder()
        // A dead process's manifest, and its commit locks left behind.
        try Self.saveLeftByADeadProcess(dir)
        dir.write(".bidbench/locks/gates.csv.lock", "pid=4194305\nhost=\(WorkspaceLock.hostName())\nstarted=2026-01-01T00:00:00Z\n")
        // A temp file of a save that never reached its commit point (a dead pid): rolled back.
        dir.write(".risks.csv.tmp-4194305-7-\(Transaction.hostTag)", "half")
        let reopened = try WorkspaceStore.load(folder: dir.path)
        #expect(reopened.problems == [])
        #expect(Self.snapshot(dir) == new)
        #expect(Self.leftovers(dir) == [])
        #expect(try Journal.read(folder: dir.path).count == 5)
        // The load says which files it completed (the terminal and `check` tell the user); once.
        #expect(Set(reopened.completedSave) == Set(Self.files))
        #expect(try WorkspaceStore.load(folder: dir.path).completedSave == [])
        _ = try WorkspaceStore.load(folder: dir.path)
        #expect(try Journal.read(folder: dir.path).count == 5)
        #expect(Journal.verify(folder: dir.path).ok)
    }

    /// The terminal's watch completes a dead process's save without a load (the files it renamed
    /// before it died were picked up already, and nothing moves any more): the files are said once.
    @Test func aWaitingSaveOfADeadProcessIsCompletedWithoutALoad() throws {
        let new = try Self.newState()
        let dir = Fixture.folder()
        try Self.saveLeftByADeadProcess(dir)
        #expect(Set(WorkspaceStore.completeInterruptedSaves(folder: dir.path)) == Set(Self.files))
        #expect(!WorkspaceStore.savePending(folder: dir.path))
        #expect(Self.snapshot(dir) == new)
        #expect(WorkspaceStore.completeInterruptedSaves(folder: dir.path) == [])
        #expect(Journal.verify(folder: dir.path).ok)
    }

    /// Temp files of a live process, or of another host sharing the folder, are never removed.
    @Test func tempFilesOfLiveProcessesAndOtherHostsAreKept() throws {
        let dir = Fixture.folder()
        dir.write(".risks.csv.tmp-1-7-\(Transaction.hostTag)", "pid 1 is alive")
        dir.write(".risks.csv.tmp-4194305-8-ffffff", "another host")
        dir.write(".risks.csv.tmp-4194305-9", "an older name of a dead process")
        _ = try WorkspaceStore.load(folder: dir.path)
        #expect(dir.exists(".risks.csv.tmp-1-7-\(Transaction.hostTag)"))
        #expect(dir.exists(".risks.csv.tmp-4194305-8-ffffff"))
        #expect(!dir.exists(".risks.csv.tmp-4194305-9"))
    }

    /// A folder that cannot be written (a read-only mount of `scores/`, or mode 0500 when not root):
    /// nothing changes, and the message says so and names the folder.
    @Test func anUnwritableScoresFolderChangesNothing() throws {
        let dir = Fixture.folder()
        let old = Self.snapshot(dir)
        let done = try Self.withReadOnlyFolder(dir.url("scores")) {
            let loaded = try WorkspaceStore.load(folder: dir.path)
            do {
                _ = try WorkspaceStore.save(Self.multiFileEdit(loaded.workspace), over: loaded, actor: "lead")
                Issue.record("the save went through an unwritable folder")
            } catch let StoreError.notSaved(path, _) {
                #expect(path.contains("/scores/"))
                #expect(StoreError.notSaved(path, "x").description.hasPrefix("not saved, nothing in the workspace was changed: "))
            }
        }
        guard done else { return }
        #expect(Self.snapshot(dir) == old)
        #expect(Self.leftovers(dir) == [])
        #expect(try WorkspaceStore.load(folder: dir.path).problems == [])
    }

    /// A journal that cannot be appended to (its folder read-only, or the chain's head a symbolic link)
    /// is found before the commit point: nothing changes and the workspace stays editable. Found after
    /// it, the save was committed but could not be finished, and every open stayed read-only.
    @Test func anUnappendableJournalIsFoundBeforeTheCommitPoint() throws {
        // The heads folder holding a link instead of the chain's head.
        do {
            let dir = Fixture.folder()
            let old = Self.snapshot(dir)
            let loaded = try WorkspaceStore.load(folder: dir.path)
            let chain = try Journal.chainFile(folder: dir.path, actor: "lead")
            try FileManager.default.createDirectory(atPath: dir.url(Journal.headsFolder), withIntermediateDirectories: true)
            dir.write("elsewhere.txt", "keep me\n")
            #expect(symlink(dir.url("elsewhere.txt"), dir.url(Journal.headsFolder + "/" + FileIO.basename(of: chain))) == 0)
            #expect(throws: StoreError.symlink(Journal.headsFolder + "/" + FileIO.basename(of: chain))) {
                _ = try WorkspaceStore.save(Self.multiFileEdit(loaded.workspace), over: loaded, actor: "lead")
            }
            #expect(Self.snapshot(dir) == old)
            #expect(Self.leftovers(dir) == [])
            #expect(dir.bytes("elsewhere.txt") == Array("keep me\n".utf8))
            #expect(!Transaction.pending(folder: dir.path))
        }
        // The journal folder read-only (a read-only bind mount as root, mode 0500 otherwise).
        let dir = Fixture.folder()
        let old = Self.snapshot(dir)
        let journal = dir.url(Journal.folder)
        try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: true)
        let done = try Self.withReadOnlyFolder(journal) {
            let loaded = try WorkspaceStore.load(folder: dir.path)
            do {
                _ = try WorkspaceStore.save(Self.multiFileEdit(loaded.workspace), over: loaded, actor: "lead")
                Issue.record("the save went through a read-only journal folder")
            } catch let StoreError.notSaved(path, _) {
                #expect(path == journal)
            }
        }
        guard done else { return }
        #expect(Self.snapshot(dir) == old)
        #expect(Self.leftovers(dir) == [])
        #expect(!Transaction.pending(folder: dir.path))
        let reopened = try WorkspaceStore.load(folder: dir.path)
        #expect(reopened.problems == [])
    }

    /// A temp file left in the local folders (`journal-heads`, `locks`, `sessions`) by a process that is
    /// gone is removed on the next open, like those beside the tables.
    @Test func leftoverTempsInTheLocalFoldersAreRemoved() throws {
        let dir = Fixture.folder()
        for rel in [Journal.headsFolder, ".bidbench/locks", ".bidbench/sessions"] {
            try FileManager.default.createDirectory(atPath: dir.url(rel), withIntermediateDirectories: true)
            dir.write(rel + "/.x.log.tmp-4194305-9-\(Transaction.hostTag)", "a dead process's temp")
        }
        _ = try WorkspaceStore.load(folder: dir.path)
        for rel in [Journal.headsFolder, ".bidbench/locks", ".bidbench/sessions"] {
            #expect(!dir.exists(rel + "/.x.log.tmp-4194305-9-\(Transaction.hostTag)"), "left in \(rel)")
        }
    }

    /// A real full disk: the workspace on a small tmpfs filled to several levels of free space.
    @Test func aFullDiskAtAnyLevelLeavesAllOldOrAllNew() throws {
        guard getuid() == 0 else {
            print("skipped: mounting a small tmpfs needs root; the injected failures above cover the same stages")
            return
        }
        let new = try Self.newState()
        let mnt = TempDir()
        guard Self.sh("mount -t tmpfs -o size=512k tmpfs '\(mnt.path)'") else {
            print("skipped: cannot mount a tmpfs here")
            return
        }
        defer { _ = Self.sh("umount '\(mnt.path)'") }
        var outcomes = (old: 0, new: 0)
        for free in stride(from: 0, through: 96_000, by: 6_000) {
            let ws = mnt.path + "/ws"
            _ = Self.sh("rm -rf '\(ws)' '\(mnt.path)/fill'")
            let fixture = Fixture.folder()
            try WorkspaceStore.copyWorkspace(from: fixture.path, to: ws)
            let loaded = try WorkspaceStore.load(folder: ws)
            // Fill the disk, leaving about `free` bytes.
            var st = statvfs()
            statvfs(mnt.path, &st)
            let avail = Int(st.f_bavail) * Int(st.f_frsize)
            _ = Self.sh("head -c \(max(0, avail - free)) /dev/zero > '\(mnt.path)/fill' 2>/dev/null")
            let result = Result { try WorkspaceStore.save(Self.multiFileEdit(loaded.workspace), over: loaded, actor: "lead") }
            _ = Self.sh("rm -f '\(mnt.path)/fill'")
            let reopened = try WorkspaceStore.load(folder: ws)
            #expect(reopened.problems == [], "free \(free): \(reopened.problems)")
            let now = Dictionary(
                uniqueKeysWithValues: Self.files.map { ($0, FileManager.default.contents(atPath: ws + "/" + $0).map { Array($0) }) })
            let old = Self.snapshot(fixture)
            #expect(now == old || now == new, "free \(free): a mix of old and new files")
            if case .failure(let e) = result {
                switch e as? StoreError {
                case .saveIncomplete?:
                    // Past the commit point: the reopen finished it.
                    #expect(now == new, "free \(free): a committed save was not finished")
                    outcomes.new += 1
                case .notSaved?, .io?:
                    #expect(now == old, "free \(free): the save failed (\(e)) but changed files")
                    outcomes.old += 1
                default: Issue.record("free \(free): unexpected error \(e)")
                }
            } else {
                #expect(now == new)
                outcomes.new += 1
            }
            #expect((FileManager.default.subpaths(atPath: ws) ?? []).filter { $0.contains(".tmp-") } == [])
        }
        #expect(outcomes.old >= 1 && outcomes.new >= 1, "outcomes \(outcomes)")
    }

    @discardableResult
    /// Runs `body` while `folder` cannot be written: a read-only bind mount as root (root ignores
    /// folder modes), mode 0500 otherwise. False, with the reason printed, when that cannot be made.
    static func withReadOnlyFolder(_ folder: String, _ body: () throws -> Void) throws -> Bool {
        var mounted = false
        if getuid() == 0 {
            mounted = sh("mount --bind '\(folder)' '\(folder)' && mount -o remount,bind,ro '\(folder)'")
            if !mounted {
                _ = sh("umount '\(folder)' 2>/dev/null")  // a bind mount whose read-only remount failed
                let why = "cannot make a read-only bind mount as root here, and root ignores folder modes"
                // CI runs with every tool and right it needs: a skip there is a failure, as for the tools' traits.
                if ProcessInfo.processInfo.environment["BIDBENCH_REQUIRE_TOOLS"] == "1" { Issue.record("required but skipped: \(why)") }
                print("skipped: " + why)
                return false
            }
        } else {
            chmod(folder, 0o500)
        }
        defer {
            if mounted { _ = sh("umount '\(folder)'") } else { chmod(folder, 0o700) }
        }
        try body()
        return true
    }

    static func sh(_ command: String) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}

/// The journal's layout and size (issue 12 item 5, issue 18).
@Suite struct JournalLayoutTests {
    @Test func runsOfIdsAreWrittenAsRanges() {
        #expect(
            Journal.compressKeys(["R01", "R02", "R03", "R07", "R09", "R10", "X", "V1/C1", "V1/C2", "V1/C3"]) == [
                "R01..R03", "R07", "R09", "R10", "X", "V1/C1..V1/C3",
            ])
        #expect(Journal.compressKeys(["R9", "R10", "R11"]) == ["R9", "R10", "R11"])  // widths differ: not one run
        #expect(Journal.compressKeys([]) == [])
    }

    /// A generated workspace written by one save: the journal says what was written (digest, rows,
    /// id ranges) in a small fraction of the data's size.
    @Test func aGenerateIsJournaledInUnderATenthOfItsSize() throws {
        let dir = TempDir()
        let ws = WorkspaceGenerator.generate(vendors: 23, requirements: 700, evaluators: 4, seed: 17)
        try WorkspaceStore.initialize(folder: dir.path + "/w", name: ws.settings.name, language: ws.settings.language)
        _ = try WorkspaceStore.save(ws, over: try WorkspaceStore.load(folder: dir.path + "/w"), actor: "bidbench generate")
        var data = 0
        var journal = 0
        for rel in FileManager.default.subpaths(atPath: dir.path + "/w") ?? [] where !rel.hasPrefix(".bidbench") {
            let size = (try? FileManager.default.attributesOfItem(atPath: dir.path + "/w/" + rel)[.size] as? Int) ?? 0
            if rel.hasPrefix("journal/") { journal += size } else if !rel.hasPrefix("journal") { data += size }
        }
        #expect(data > 300_000)
        #expect(Double(journal) <= 0.10 * Double(data), "journal \(journal) bytes for \(data) bytes of data")
        let entries = try Journal.read(folder: dir.path + "/w")
        let reqs = try #require(entries.first { $0.table == "requirements.csv" })
        #expect(reqs.rows == 700 && reqs.added.count < 20 && reqs.changes.isEmpty)
        // Sparse keys (only must requirements have gate answers) are summarised: first, last, count, digest.
        let gates = try #require(entries.first { $0.table == "gates.csv" })
        #expect(gates.added.count == 3 && gates.added[1] == "…")
        #expect(reqs.sha256 == FileIO.sha256Hex(Array(FileManager.default.contents(atPath: dir.path + "/w/requirements.csv")!)))
    }

    /// A `journal.log` from before `journal/` keeps verifying as the legacy chain; new entries go to
    /// the actor's chain, and `read` shows both in time order.
    @Test func aLegacyJournalIsKeptAndVerifiedBesideTheNewChains() throws {
        let dir = Fixture.folder()
        var prev = Journal.zeroHash
        var lines: [String] = []
        for (seq, time) in [(1, "2026-11-01T08:00:00Z"), (2, "2026-11-02T08:00:00Z")] {
            let body =
                "{\"seq\":\(seq),\"time\":\"\(time)\",\"actor\":\"old\",\"table\":\"risks.csv\",\"action\":\"update\",\"changes\":[],\"prev\":\"\(prev)\""
            let line = body + ",\"hash\":\"\(FileIO.sha256Hex(Array((body + "}").utf8)))\"}"
            lines.append(line)
            prev = FileIO.sha256Hex(Array(line.utf8))
        }
        dir.write("journal.log", lines.joined(separator: "\n") + "\n")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var w = loaded.workspace
        w.risks[0].likelihood = 5
        _ = try WorkspaceStore.save(w, over: loaded, actor: "lead")
        #expect(dir.text("journal.log") == lines.joined(separator: "\n") + "\n")
        let v = Journal.verify(folder: dir.path)
        #expect(v.ok && v.entries == 3 && v.chains == 2)
        #expect(try Journal.read(folder: dir.path).map(\.actor) == ["old", "old", "lead"])
        // Tampering with the legacy chain is still found, and named.
        dir.write("journal.log", lines[1] + "\n")
        let bad = Journal.verify(folder: dir.path)
        #expect(bad.file == "journal.log" && bad.firstBadLine == 1)
    }
}
