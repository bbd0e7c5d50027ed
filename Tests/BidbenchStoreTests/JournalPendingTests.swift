import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// A save killed between a file's rename and its journal append: the next save settles the entry.
@Suite struct JournalPendingTests {
    /// What a save of risks.csv does up to a crash after its rename: the pending entry (one change of
    /// `key`), then the new bytes in place.
    func killedAfterTheRename(_ dir: TempDir, key: String) throws {
        var ws = try WorkspaceStore.load(folder: dir.path).workspace
        ws.risks[0].title = "供应商核心顾问流失"
        let rendered = WorkspaceStore.renderedText(of: "risks.csv", in: ws)!
        try JournalPending.write(
            folder: dir.path, rel: "risks.csv", newBytes: Array(rendered.utf8), action: "update",
            changes: [JournalChange(key: key, before: .string("old"), after: .string("new"))], actor: "killed", now: Date())
        try rendered.write(toFile: dir.path + "/risks.csv", atomically: true, encoding: .utf8)
    }

    @Test func anEntryWhoseFileLandedIsAppendedByTheNextSave() throws {
        let dir = Fixture.folder()
        try killedAfterTheRename(dir, key: "X1")
        let before = try Journal.read(folder: dir.path).count
        // The next save (of something else) first settles the pending entry.
        var next = try WorkspaceStore.load(folder: dir.path).workspace
        next.departments[0].contact = "周敏"
        _ = try WorkspaceStore.save(next, over: try WorkspaceStore.load(folder: dir.path), actor: "next")
        let entries = try Journal.read(folder: dir.path)
        #expect(entries.count == before + 2)
        #expect(entries[before].actor == "killed" && entries[before].table == "risks.csv")
        #expect(entries[before + 1].table == "departments.csv")
        #expect(Journal.verify(folder: dir.path).ok)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/" + JournalPending.file))
    }

    @Test func anEntryWhoseFileDidNotLandIsDropped() throws {
        let dir = Fixture.folder()
        try JournalPending.write(
            folder: dir.path, rel: "risks.csv", newBytes: Array("never written\n".utf8), action: "update",
            changes: [], actor: "killed", now: Date())
        let before = try Journal.read(folder: dir.path).count
        var ws = try WorkspaceStore.load(folder: dir.path).workspace
        ws.departments[0].contact = "周敏"
        _ = try WorkspaceStore.save(ws, over: try WorkspaceStore.load(folder: dir.path), actor: "next")
        let entries = try Journal.read(folder: dir.path)
        #expect(entries.count == before + 1)
        #expect(entries.last?.actor == "next")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/" + JournalPending.file))
    }

    /// The fixture after one ordinary save, so the journal has an entry.
    func savedOnce() throws -> TempDir {
        let dir = Fixture.folder()
        var first = try WorkspaceStore.load(folder: dir.path).workspace
        first.departments[0].contact = "周敏"
        _ = try WorkspaceStore.save(first, over: try WorkspaceStore.load(folder: dir.path), actor: "first")
        return dir
    }

    /// Killed in the middle of appending a large entry: half a line ends the journal. Verify counts the
    /// whole entries and notes the interruption; the next save cuts the half line and appends the entry.
    @Test func halfAnEntryLeftByAKilledAppendIsCutAndAppendedWhole() throws {
        let dir = try savedOnce()
        let journalPath = dir.path + "/" + Journal.file
        let intact = try #require(FileManager.default.contents(atPath: journalPath))
        let entriesBefore = try Journal.read(folder: dir.path).count

        try killedAfterTheRename(dir, key: "RK01")
        // The append got this far when the process was killed.
        let torn = Array(
            "{\"seq\":\(entriesBefore + 1),\"time\":\"2026-11-29T03:00:00Z\",\"actor\":\"killed\",\"table\":\"risks.csv\",\"action\":\"upd"
                .utf8)
        try Data(Array(intact) + torn).write(to: URL(fileURLWithPath: journalPath))

        let v = Journal.verify(folder: dir.path)
        #expect(v.ok && v.interruptedAppend && v.entries == entriesBefore)
        // Without a pending entry the same half line is damage, not an interruption.
        let pending = try #require(FileManager.default.contents(atPath: dir.path + "/" + JournalPending.file))
        try FileManager.default.removeItem(atPath: dir.path + "/" + JournalPending.file)
        #expect(Journal.verify(folder: dir.path).firstBadLine == entriesBefore + 1)
        try pending.write(to: URL(fileURLWithPath: dir.path + "/" + JournalPending.file))

        var next = try WorkspaceStore.load(folder: dir.path).workspace
        next.departments[0].contact = "吴芳"
        _ = try WorkspaceStore.save(next, over: try WorkspaceStore.load(folder: dir.path), actor: "next")
        let after = Journal.verify(folder: dir.path)
        #expect(after.ok && !after.interruptedAppend && after.entries == entriesBefore + 2)
        let entries = try Journal.read(folder: dir.path)
        #expect(entries.map(\.actor).suffix(2) == ["killed", "next"])
        #expect(entries[entriesBefore].changes == [JournalChange(key: "RK01", before: .string("old"), after: .string("new"))])
        // The intact part of the journal is untouched, byte for byte.
        let bytes = try #require(FileManager.default.contents(atPath: journalPath))
        #expect(bytes.prefix(intact.count) == intact)
    }

    /// A whole entry whose final newline is missing (a hand merge) is kept, never cut.
    @Test func aWholeLastEntryWithoutItsNewlineIsKept() throws {
        let dir = try savedOnce()
        let journalPath = dir.path + "/" + Journal.file
        var bytes = try #require(FileManager.default.contents(atPath: journalPath))
        bytes.removeLast()
        try bytes.write(to: URL(fileURLWithPath: journalPath))
        try Journal.repairTornTail(folder: dir.path)
        #expect(FileManager.default.contents(atPath: journalPath) == bytes)
        let v = Journal.verify(folder: dir.path)
        #expect(v.ok && !v.interruptedAppend)
    }
}
