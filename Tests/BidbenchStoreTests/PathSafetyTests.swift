import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// A workspace from git or a shared folder is untrusted: links inside it are never followed or
/// replaced, so no save can write a byte outside the folder (issue 21 items 1–3).
@Suite struct PathSafetyTests {
    /// A file outside the workspace that an attacker's link points to, with its original bytes.
    final class Outside {
        let dir = TempDir()
        let path: String
        let original = "export PATH=/usr/bin\n"
        init() {
            path = dir.url("bashrc")
            dir.write("bashrc", original)
        }
        var untouched: Bool { dir.text("bashrc") == original }
    }

    /// The fixture with one requirement title edited: the change every test below tries to save.
    static func edited(_ loaded: LoadedWorkspace) -> Workspace {
        var w = loaded.workspace
        w.requirements[0].title = "$(touch /tmp/PWNED)"
        return w
    }

    @Test func aJournalFolderLinkedOutsideIsRefusedAndNothingIsWrittenThere() throws {
        let dir = Fixture.folder()
        let outside = TempDir()
        #expect(symlink(outside.path, dir.url("journal")) == 0)
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.readOnly)
        #expect(loaded.problems.map(\.description).contains { $0.hasPrefix("journal:0: is a symbolic link; refused") })
        #expect(throws: StoreError.self) { try WorkspaceStore.save(Self.edited(loaded), over: loaded, actor: "lead") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == [])
        #expect(dir.text("requirements.csv") == Fixture.files["requirements.csv"])
    }

    @Test func aLegacyJournalLinkedToAFileOutsideIsRefused() throws {
        let dir = Fixture.folder()
        let outside = Outside()
        #expect(symlink(outside.path, dir.url("journal.log")) == 0)
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.problems.map(\.description).contains { $0.hasPrefix("journal.log:0: is a symbolic link; refused") })
        #expect(throws: StoreError.self) { try WorkspaceStore.save(Self.edited(loaded), over: loaded, actor: "lead") }
        #expect(outside.untouched)
        // verify names the link instead of reading through it.
        let v = Journal.verify(folder: dir.path)
        #expect(!v.ok && v.file == "journal.log")
    }

    /// Even when the chain file itself is a link (a shared folder where someone planted one next to a
    /// known clone id), the append uses O_NOFOLLOW and refuses; the tables stay as they were.
    @Test func aJournalChainFileThatIsALinkIsNeverAppendedThrough() throws {
        let dir = Fixture.folder()
        let outside = Outside()
        dir.write(".bidbench/clone-id", "0badc0de\n")
        dir.write("journal/.keep", "")
        // Planted after the load (the load itself says so: see below), the append still refuses.
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(symlink(outside.path, dir.url("journal/lead@0badc0de.log")) == 0)
        #expect(throws: StoreError.symlink("journal/lead@0badc0de.log")) {
            try WorkspaceStore.save(Self.edited(loaded), over: loaded, actor: "lead")
        }
        #expect(outside.untouched)
        #expect(dir.text("requirements.csv") == Fixture.files["requirements.csv"])
        // Found at the load, the workspace opens read-only naming the link (a helper's pass: `check`
        // said OK and only a save found it).
        let again = try WorkspaceStore.load(folder: dir.path)
        #expect(again.readOnly)
        #expect(again.problems.map(\.description).contains { $0.hasPrefix("journal/lead@0badc0de.log:0: is a symbolic link; refused") })
    }

    /// A helper's pass: `O_NOFOLLOW` stops a symbolic link, not a hard link. A chain hard-linked to a file
    /// outside the workspace took every entry. It is refused at the load and at the append.
    @Test func aJournalChainWithAnotherNameIsNeverAppendedTo() throws {
        let dir = Fixture.folder()
        let outside = TempDir()
        dir.write(".bidbench/clone-id", "0badc0de\n")
        let first = try WorkspaceStore.load(folder: dir.path)
        var w = first.workspace
        w.risks[0].title = "first"
        let loaded = try WorkspaceStore.save(w, over: first, actor: "lead")
        // The chain gets a second name outside the workspace (same file system, as on a shared drive).
        #expect(link(dir.url("journal/lead@0badc0de.log"), outside.url("other.log")) == 0)
        let before = outside.text("other.log")
        let tables = dir.text("requirements.csv")
        #expect(throws: StoreError.hardLink("journal/lead@0badc0de.log")) {
            try WorkspaceStore.save(Self.edited(loaded), over: loaded, actor: "lead")
        }
        #expect(outside.text("other.log") == before)
        #expect(dir.text("requirements.csv") == tables)
        let again = try WorkspaceStore.load(folder: dir.path)
        #expect(again.readOnly)
        #expect(
            again.problems.map(\.description).contains {
                $0.hasPrefix("journal/lead@0badc0de.log:0: journal/lead@0badc0de.log has other names (a hard link); refused")
            })
        #expect(throws: StoreError.readOnly(again.problems)) { try WorkspaceStore.save(Self.edited(again), over: again, actor: "lead") }
        #expect(outside.text("other.log") == before)
    }

    /// Bidbench's own files under `.bidbench/` as links: read-only at the load, not at the first save.
    @Test(arguments: [".bidbench/clone-id", ".bidbench/backup", ".bidbench/locks", ".bidbench/journal-heads"])
    func aLinkAmongBidbenchsOwnFilesMakesTheWorkspaceReadOnly(_ rel: String) throws {
        let dir = Fixture.folder()
        let outside = TempDir()
        try? FileManager.default.removeItem(atPath: dir.url(rel))
        try FileManager.default.createDirectory(atPath: dir.url(".bidbench"), withIntermediateDirectories: true)
        #expect(symlink(outside.path, dir.url(rel)) == 0)
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.readOnly)
        #expect(loaded.problems.map(\.description).contains { $0.hasPrefix("\(rel):0: is a symbolic link; refused") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == [])
    }

    /// A helper's pass: a named pipe at a lock's path froze the TUI at its first frame (the session
    /// claim) or at Ctrl-S (a commit lock), and no signal ended it. It is refused, named, at once.
    @Test func aNamedPipeWhereALockBelongsIsRefusedNotWaitedOn() throws {
        let dir = Fixture.folder()
        try FileManager.default.createDirectory(atPath: dir.url(".bidbench/locks"), withIntermediateDirectories: true)
        #expect(mkfifo(dir.url(".bidbench/lock"), 0o600) == 0)
        #expect(mkfifo(dir.url(".bidbench/locks/requirements.csv.lock"), 0o600) == 0)
        let message = "is not a regular file (a named pipe, folder or device) where Bidbench keeps a lock: remove it, then try again"
        #expect(throws: StoreError.io(dir.url(".bidbench/lock"), message)) { _ = try WorkspaceLock(folder: dir.path) }
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(throws: StoreError.io(dir.url(".bidbench/locks/requirements.csv.lock"), message)) {
            try WorkspaceStore.save(Self.edited(loaded), over: loaded, actor: "lead")
        }
        #expect(WorkspaceLock.readHolder(dir.url(".bidbench/lock")) == nil)
    }

    @Test(arguments: ["scores", ".bidbench"])
    func aFolderLinkedOutsideIsRefused(_ name: String) throws {
        let dir = Fixture.folder()
        let outside = TempDir()
        if name == "scores" {
            try FileManager.default.moveItem(atPath: dir.url("scores"), toPath: outside.url("scores"))
            #expect(symlink(outside.url("scores"), dir.url("scores")) == 0)
        } else {
            try FileManager.default.createDirectory(atPath: outside.url(".bidbench"), withIntermediateDirectories: true)
            #expect(symlink(outside.url(".bidbench"), dir.url(".bidbench")) == 0)
        }
        let before = FileManager.default.subpaths(atPath: outside.path)?.sorted()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.readOnly)
        #expect(loaded.problems.map(\.description).contains { $0.hasPrefix("\(name):0: is a symbolic link; refused") })
        #expect(throws: StoreError.self) { try WorkspaceStore.save(Self.edited(loaded), over: loaded, actor: "lead") }
        // Nothing was added to the folder outside (no backup, lock, score sheet or manifest).
        #expect(FileManager.default.subpaths(atPath: outside.path)?.sorted() == before)
        // A session lock is refused too, naming the link.
        if name == ".bidbench" { #expect(throws: StoreError.symlink(".bidbench")) { _ = try WorkspaceLock(folder: dir.path) } }
    }

    @Test func aTableThatIsALinkIsReportedAndNeverReplaced() throws {
        let dir = Fixture.folder()
        let outside = Outside()
        try FileManager.default.removeItem(atPath: dir.url("risks.csv"))
        #expect(symlink(outside.path, dir.url("risks.csv")) == 0)
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.problems.map(\.description).contains { $0.hasPrefix("risks.csv:0: is a symbolic link; refused") })
        #expect(loaded.problems.map { $0.text(chinese: true) }.contains { $0.hasPrefix("risks.csv:0: 是符号链接; 已拒绝") })
        #expect(throws: StoreError.readOnly(loaded.problems)) { try WorkspaceStore.save(Self.edited(loaded), over: loaded, actor: "lead") }
        // Still a link, still pointing at the untouched file.
        var st = stat()
        #expect(lstat(dir.url("risks.csv"), &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK)
        #expect(outside.untouched)
    }

    /// Made a link after the load (a race, or a TUI open while git checks out): the save still refuses.
    @Test func aTableLinkedAfterTheLoadIsRefusedAtSave() throws {
        let dir = Fixture.folder()
        let outside = Outside()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        try FileManager.default.removeItem(atPath: dir.url("requirements.csv"))
        #expect(symlink(outside.path, dir.url("requirements.csv")) == 0)
        #expect(throws: StoreError.symlink("requirements.csv")) {
            try WorkspaceStore.save(Self.edited(loaded), over: loaded, actor: "lead")
        }
        #expect(outside.untouched)
        #expect(StoreError.symlink("requirements.csv").description.hasPrefix("requirements.csv is a symbolic link; refused"))
        #expect(StoreError.symlink("requirements.csv").text(chinese: true).hasPrefix("requirements.csv 是符号链接; 已拒绝"))
    }

    @Test func aReadOnlyTableIsNotReplaced() throws {
        let dir = Fixture.folder()
        #expect(chmod(dir.url("requirements.csv"), 0o444) == 0)
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var w = Self.edited(loaded)
        w.vendors[0].notes = "also changed"
        #expect(throws: StoreError.readOnlyFile("requirements.csv")) { try WorkspaceStore.save(w, over: loaded, actor: "lead") }
        // Neither file changed: the refusal comes before anything is written.
        #expect(dir.text("requirements.csv") == Fixture.files["requirements.csv"])
        #expect(dir.text("vendors.csv") == Fixture.files["vendors.csv"])
        #expect(dir.mode("requirements.csv") == 0o444)
        #expect(StoreError.readOnlyFile("requirements.csv").description.contains("is read-only; not replaced"))
        #expect(StoreError.readOnlyFile("requirements.csv").text(chinese: true).contains("是只读文件; 未替换"))
    }

    @Test func aContractTextLinkedOutsideIsNotRead() throws {
        let dir = Fixture.folder()
        let outside = Outside()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        let file = try #require(loaded.workspace.contracts.first { !$0.file.isEmpty }?.file)
        try FileManager.default.removeItem(atPath: dir.url(file))
        #expect(symlink(outside.path, dir.url(file)) == 0)
        let again = try WorkspaceStore.load(folder: dir.path)
        #expect(again.problems.map(\.message).contains("\"\(file)\" leads outside the workspace folder through a symbolic link; refused"))
        #expect(again.workspace.contractTexts[file] == nil)
    }

    @Test func reportsInTheWorkspaceRefuseLinksAndUserPathsReplaceThem() throws {
        let dir = Fixture.folder()
        let outside = Outside()
        #expect(symlink(outside.path, dir.url("report.html")) == 0)
        #expect(throws: StoreError.symlink("report.html")) {
            try OutputFile.writeInWorkspace(folder: dir.path, "report.html", Array("<html>".utf8))
        }
        #expect(outside.untouched)
        // A path the user named: the link is replaced by the file (atomically, 0600), its target untouched.
        let old = umask(0o022)
        defer { umask(old) }
        #expect(try OutputFile.write(dir.url("report.html"), Array("<html>".utf8)))
        #expect(outside.untouched)
        #expect(dir.text("report.html") == "<html>")
        #expect(dir.mode("report.html") == 0o600)
        #expect(try !OutputFile.write(dir.url("new.csv"), Array("a".utf8)))
        #expect(dir.mode("new.csv") == 0o600)
        #expect(chmod(dir.url("new.csv"), 0o444) == 0)
        #expect(throws: StoreError.readOnlyFile(dir.url("new.csv"))) { try OutputFile.write(dir.url("new.csv"), Array("b".utf8)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") } == [])
    }

    /// The store's own files are refused as an output; an evaluator's private reports folder is not
    /// (her blind handout went nowhere: `是工作区自己的, 未写入`).
    @Test func theStoresFilesAreNoOutputButAnEvaluatorsPrivateFolderIs() throws {
        let dir = Fixture.folder()
        #expect(OutputFile.workspaceFile(dir.url("vendors.csv"), in: dir.path) == "vendors.csv")
        try FileManager.default.createDirectory(atPath: dir.url(".bidbench/private/李娜"), withIntermediateDirectories: true)
        #expect(OutputFile.workspaceFile(dir.url(".bidbench/lock"), in: dir.path) == ".bidbench/lock")
        #expect(OutputFile.workspaceFile(dir.url(".bidbench/private/李娜/handout.html"), in: dir.path) == nil)
        try OutputFile.writeInWorkspace(folder: dir.path, ".bidbench/private/李娜/handout.html", Array("<html>".utf8))
        #expect(dir.text(".bidbench/private/李娜/handout.html") == "<html>")
    }
}
