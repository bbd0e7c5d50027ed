import BidbenchCore
import Foundation

/// Two-phase journaling of a save, so a crash between writing a file and appending its journal entry
/// neither loses the entry nor records a change that never landed.
///
/// Before a file is renamed into place, its entry is written to `.bidbench/journal-pending` together
/// with the SHA-256 of the bytes it will have (empty for a delete). After the rename the entry is
/// appended to `journal.log` and the pending file removed. If the process dies in between, the next
/// save (under the lock) finds the pending entry: when the file now has the recorded bytes the change
/// landed and the entry is appended; otherwise it did not and the entry is dropped. A kill during the
/// append itself (a large entry is several writes to the kernel) leaves half a line at the end of the
/// journal; it is cut off before the entry is appended again.
enum JournalPending {
    static let file = ".bidbench/journal-pending"

    /// Records the entry about to be made for `rel`.
    static func write(folder: String, rel: String, newBytes: [UInt8]?, action: String, changes: [JournalChange], actor: String, now: Date)
        throws
    {
        let record = JSONValue.object([
            ("file", .string(rel)),
            ("sha256", .string(newBytes.map(FileIO.sha256Hex) ?? "")),
            ("action", .string(action)),
            ("actor", .string(actor)),
            ("time", .string(Journal.isoUTC(now))),
            // The changes as their journal text, so the entry is appended byte for byte as planned.
            ("changes", .string(JSONValue.array(changes.map(\.json)).compact)),
        ])
        try FileIO.atomicWrite(FileIO.join(folder, file), Array(record.compact.utf8))
    }

    /// Appends the pending entry (with its own time) and clears it.
    static func commit(folder: String) throws {
        let path = FileIO.join(folder, file)
        guard let bytes = try FileIO.readIfExists(path), let record = JSONValue.parse(String(decoding: bytes, as: UTF8.self)),
            let rel = record["file"]?.stringValue, let action = record["action"]?.stringValue,
            let actor = record["actor"]?.stringValue, let time = record["time"]?.stringValue
        else {
            try? FileIO.remove(path)
            return
        }
        let changesJSON = record["changes"]?.stringValue ?? "[]"
        let date = ISO8601DateFormatter().date(from: time) ?? Date()
        _ = try Journal.append(folder: folder, raw: [(rel, action, changesJSON, [])], actor: actor, now: date)
        try FileIO.remove(path)
    }

    /// Settles what an interrupted save left: appends the entry when its file has the recorded bytes,
    /// else drops it. Call with the lock held.
    static func recover(folder: String) throws {
        let path = FileIO.join(folder, file)
        guard let bytes = try FileIO.readIfExists(path) else { return }
        // Killed while appending: the journal may end in half an entry; it is appended whole below.
        try Journal.repairTornTail(folder: folder)
        guard let record = JSONValue.parse(String(decoding: bytes, as: UTF8.self)), let rel = record["file"]?.stringValue,
            let expected = record["sha256"]?.stringValue, PathSafety.problem(rel) == nil
        else {
            try FileIO.remove(path)
            return
        }
        let current = try FileIO.readIfExists(FileIO.join(folder, rel)).map(FileIO.sha256Hex) ?? ""
        if current == expected { try commit(folder: folder) } else { try FileIO.remove(path) }
    }
}
