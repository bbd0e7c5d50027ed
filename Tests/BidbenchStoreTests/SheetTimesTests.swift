import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// When the panel's progress says an evaluator last scored: the journal's time while the sheet is as
/// its last entry left it, the file's modification time otherwise.
@Suite struct SheetTimesTests {
    /// `YYYY-MM-DD HH:MM` in local time of a moment, written out with Foundation (not the code tested).
    static func local(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone.current
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }

    static func setModified(_ path: String, _ seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    /// After a `git clone` every file's time is the clone's; a sheet still as the journal's last entry
    /// left it is dated by that entry. A hand edit after it dates the sheet by the file again.
    @Test func aSheetIsDatedByItsLastJournalEntryWhileItIsUnchanged() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var ws = loaded.workspace
        ws.scores["张伟"]?[0].score = 9
        _ = try WorkspaceStore.save(ws, over: loaded, actor: "张伟")
        let entry = try #require(try Journal.read(folder: dir.path).last { $0.table == "scores/张伟.csv" })
        let when = try #require(ISO8601DateFormatter().date(from: entry.time))
        // 2020-01-02 03:04:05 UTC: as if the clone had set it.
        Self.setModified(dir.url("scores/张伟.csv"), 1_577_934_245)
        let clone = Self.local(Date(timeIntervalSince1970: 1_577_934_245))
        #expect(FolderSnapshot.take(folder: dir.path).sheetTimes["张伟"] == clone)
        #expect(FolderSnapshot.take(folder: dir.path).lastChanges(folder: dir.path)["张伟"] == Self.local(when))
        // Edited by hand since: the journal no longer describes the file.
        dir.write("scores/张伟.csv", dir.text("scores/张伟.csv")! + "V2,C2,6,\n")
        Self.setModified(dir.url("scores/张伟.csv"), 1_577_934_245)
        #expect(FolderSnapshot.take(folder: dir.path).lastChanges(folder: dir.path)["张伟"] == clone)
    }

    @Test func journalTimesAreReadAsUTC() {
        #expect(FolderSnapshot.localMinute(isoUTC: "2020-01-02T03:04:05Z") == Self.local(Date(timeIntervalSince1970: 1_577_934_245)))
        #expect(FolderSnapshot.localMinute(isoUTC: "2020-01-02 03:04:05") == nil)
        #expect(FolderSnapshot.localMinute(isoUTC: "2020-0x-02T03:04:05Z") == nil)
    }
}
