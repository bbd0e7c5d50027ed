import Foundation
import Testing
import BidbenchCore
@testable import BidbenchStore

/// A save killed between a file's rename and its journal append: the next save settles the entry.
@Suite struct JournalPendingTests {
    @Test func anEntryWhoseFileLandedIsAppendedByTheNextSave() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var ws = loaded.workspace
        ws.risks[0].title = "供应商核心顾问流失"
        let rendered = WorkspaceStore.renderedText(of: "risks.csv", in: ws)!
        // What the save does up to the crash: the pending entry, then the new bytes in place.
        try JournalPending.write(folder: dir.path, rel: "risks.csv", newBytes: Array(rendered.utf8), action: "update",
                                 changes: [JournalChange(key: "X1", before: .string("old"), after: .string("new"))], actor: "killed", now: Date())
        try rendered.write(toFile: dir.path + "/risks.csv", atomically: true, encoding: .utf8)
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
        try JournalPending.write(folder: dir.path, rel: "risks.csv", newBytes: Array("never written\n".utf8), action: "update",
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
}
