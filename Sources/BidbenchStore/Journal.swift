import Crypto
import Foundation

/// One row that a save changed: its key (the id, or the key columns joined by `/`), and the row's
/// cells by column before and after (`null` for an added or a removed row).
public struct JournalChange: Equatable, Sendable {
    public var key: String
    public var before: JSONValue
    public var after: JSONValue
    public init(key: String, before: JSONValue, after: JSONValue) {
        self.key = key
        self.before = before
        self.after = after
    }

    var json: JSONValue { .object([("key", .string(key)), ("before", before), ("after", after)]) }
}

/// One line of `journal.log`.
public struct JournalEntry: Equatable, Sendable {
    public var seq: Int
    /// ISO 8601 UTC, e.g. `2026-11-29T01:02:03Z`.
    public var time: String
    public var actor: String
    /// The file changed, relative to the workspace (`requirements.csv`, `scores/张伟.csv`).
    public var table: String
    /// `create`, `update` or `delete` (of the file).
    public var action: String
    public var changes: [JournalChange]
    /// SHA-256 (hex) of the previous line; 64 zeros for the first entry.
    public var prev: String
    /// SHA-256 (hex) of this entry's line without its `hash` field.
    public var hash: String
}

/// The result of `Journal.verify`.
public struct JournalVerification: Equatable, Sendable {
    /// Entries read (well-formed lines before the first bad one, or all of them).
    public var entries: Int
    /// The 1-based line of the first entry that fails (for a truncated journal: the first missing line), nil when intact.
    public var firstBadLine: Int?
    /// What is wrong with it.
    public var message: String?
    /// Set when the last save was killed while appending its entry: the unfinished last line is not
    /// counted, and the next save (which still holds the entry in `.bidbench/journal-pending`)
    /// removes it and appends the entry whole.
    public var interruptedAppend: Bool = false
    public var ok: Bool { firstBadLine == nil }
}

/// The append-only audit journal, `journal.log` in the workspace folder.
///
/// Format — one JSON object a line, keys in exactly this order, no spaces, UTF-8, `\n` after each:
///
///     {"seq":N,"time":"2026-11-29T01:02:03Z","actor":"…","table":"requirements.csv","action":"update",
///      "changes":[{"key":"R14","before":{"id":"R14",…}|null,"after":{…}|null}],"prev":"<hex>","hash":"<hex>"}
///
/// - `seq` counts from 1 with no gaps.
/// - `prev` is the SHA-256 (lowercase hex) of the previous line's bytes (without its newline), or 64
///   zeros for the first line. Any edit, deletion or reordering of earlier lines breaks this link.
/// - `hash` is the SHA-256 of this line's bytes with the final `,"hash":"…"` removed, i.e. the
///   text `{"seq":…,"prev":"…"}`. It catches an edit of the last line too.
/// - `.bidbench/journal-head` (local, not shared) remembers the last `seq` and line hash this machine
///   wrote, so dropping lines from the end is detected as well.
///
/// The chain makes tampering evident, not impossible: someone who rewrites every later line and the
/// head file can hide an edit. Commit the journal to git to keep an independent copy.
public enum Journal {
    public static let file = "journal.log"
    static let headFile = ".bidbench/journal-head"
    static let zeroHash = String(repeating: "0", count: 64)

    /// Appends one entry and returns it.
    @discardableResult
    public static func append(
        folder: String, actor: String, table: String, action: String, changes: [JournalChange],
        now: Date = Date()
    ) throws -> JournalEntry {
        try append(folder: folder, entries: [(table, action, changes)], actor: actor, now: now)[0]
    }

    /// Appends several entries with one read of the journal's tail.
    static func append(
        folder: String, entries: [(table: String, action: String, changes: [JournalChange])], actor: String,
        now: Date
    ) throws -> [JournalEntry] {
        try append(
            folder: folder, raw: entries.map { ($0.table, $0.action, JSONValue.array($0.changes.map(\.json)).compact, $0.changes) },
            actor: actor, now: now)
    }

    /// Appends entries whose `changes` are given as their JSON text (kept byte for byte).
    static func append(
        folder: String, raw entries: [(table: String, action: String, changesJSON: String, changes: [JournalChange])],
        actor: String, now: Date
    ) throws -> [JournalEntry] {
        let path = FileIO.join(folder, file)
        // Only the last line is needed (its seq and hash): read the tail, not a journal of many MB.
        let tail = lastLine(path)
        var seq: Int
        var prev: String
        var endsWithNewline = true
        if let tail, let n = seqOf(tail.line) {
            seq = n
            prev = FileIO.sha256Hex(tail.line)
            endsWithNewline = tail.endsWithNewline
        } else {
            let existing = try FileIO.readIfExists(path) ?? []
            var lines = existing.split(separator: 10, omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            seq = lines.count
            prev = lines.last.map { FileIO.sha256Hex(Array($0)) } ?? zeroHash
            endsWithNewline = existing.isEmpty || existing.last == 10
        }
        let time = isoUTC(now)
        var out = endsWithNewline ? "" : "\n"
        var written: [JournalEntry] = []
        for e in entries {
            seq += 1
            let body =
                "{\"seq\":\(seq),\"time\":\(JSONValue.quote(time)),\"actor\":\(JSONValue.quote(actor)),\"table\":\(JSONValue.quote(e.table)),"
                + "\"action\":\(JSONValue.quote(e.action)),\"changes\":\(e.changesJSON),\"prev\":\"\(prev)\""
            let hash = FileIO.sha256Hex(Array((body + "}").utf8))
            let line = body + ",\"hash\":\"\(hash)\"}"
            out += line + "\n"
            written.append(
                JournalEntry(
                    seq: seq, time: time, actor: actor, table: e.table, action: e.action, changes: e.changes, prev: prev, hash: hash))
            prev = FileIO.sha256Hex(Array(line.utf8))
        }
        try appendBytes(path, Array(out.utf8))
        try FileIO.atomicWrite(FileIO.join(folder, headFile), Array("\(seq) \(prev)\n".utf8))
        return written
    }

    /// The last non-empty line of a file, read backwards in chunks; nil for a missing or empty file.
    static func lastLine(_ path: String) -> (line: [UInt8], endsWithNewline: Bool)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var pos = Int(lseek(fd, 0, SEEK_END))
        var buffer: [UInt8] = []
        var first = true
        var endsWithNewline = false
        while pos > 0 {
            let size = min(65_536, pos)
            pos -= size
            var part = [UInt8](repeating: 0, count: size)
            let n = part.withUnsafeMutableBytes { pread(fd, $0.baseAddress, size, off_t(pos)) }
            guard n == size else { return nil }
            buffer = part + buffer
            if first {
                first = false
                endsWithNewline = buffer.last == 10
                while buffer.last == 10 { buffer.removeLast() }
            }
            if let nl = buffer.lastIndex(of: 10) { return (Array(buffer[(nl + 1)...]), endsWithNewline) }
        }
        return buffer.isEmpty ? nil : (buffer, endsWithNewline)
    }

    /// The `seq` of an entry line, read from its `{"seq":N,` prefix.
    static func seqOf(_ line: [UInt8]) -> Int? {
        let prefix = Array("{\"seq\":".utf8)
        guard line.starts(with: prefix) else { return nil }
        var n = 0
        var i = prefix.count
        var digits = 0
        while i < line.count, line[i] >= 48, line[i] <= 57 {
            n = n * 10 + Int(line[i] - 48)
            i += 1
            digits += 1
        }
        return digits > 0 && i < line.count && line[i] == 44 ? n : nil
    }

    private static func appendBytes(_ path: String, _ bytes: [UInt8]) throws {
        let created = !FileIO.exists(path)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io(path, FileIO.errorText()) }
        defer { close(fd) }
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(path, FileIO.errorText())
            }
            off += n
        }
        guard fsync(fd) == 0 else { throw StoreError.io(path, FileIO.errorText()) }
        if created { FileIO.fsyncDirectory(FileIO.dirname(of: path)) }
    }

    /// The entries of the journal in file order (lines that do not parse are skipped; use `verify`).
    public static func read(folder: String) throws -> [JournalEntry] {
        guard let bytes = try FileIO.readIfExists(FileIO.join(folder, file)) else { return [] }
        return bytes.split(separator: 10).compactMap { parse(String(decoding: $0, as: UTF8.self)) }
    }

    static func parse(_ line: String) -> JournalEntry? {
        guard let v = JSONValue.parse(line), let seq = v["seq"]?.intValue, let time = v["time"]?.stringValue,
            let actor = v["actor"]?.stringValue, let table = v["table"]?.stringValue, let action = v["action"]?.stringValue,
            case .array(let items)? = v["changes"], let prev = v["prev"]?.stringValue, let hash = v["hash"]?.stringValue
        else { return nil }
        let changes = items.compactMap { c -> JournalChange? in
            guard let key = c["key"]?.stringValue else { return nil }
            return JournalChange(key: key, before: c["before"] ?? .null, after: c["after"] ?? .null)
        }
        return JournalEntry(seq: Int(seq), time: time, actor: actor, table: table, action: action, changes: changes, prev: prev, hash: hash)
    }

    /// Checks every line's own hash, the `seq` order and the `prev` links, and the local head record.
    /// Reports the first bad line. A missing journal is an intact, empty one.
    public static func verify(folder: String) -> JournalVerification {
        let bytes: [UInt8]
        do { bytes = try FileIO.readIfExists(FileIO.join(folder, file)) ?? [] } catch {
            return JournalVerification(entries: 0, firstBadLine: 0, message: "cannot read journal.log: \(error)")
        }
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var interrupted = false
        if let last = lines.last, bytes.last != 10, isTorn(Array(last)), FileIO.exists(FileIO.join(folder, JournalPending.file)) {
            lines.removeLast()
            interrupted = true
        }
        var prev = zeroHash
        var lineHashes: [String] = []
        for (i, raw) in lines.enumerated() {
            let n = i + 1
            func bad(_ m: String) -> JournalVerification { JournalVerification(entries: i, firstBadLine: n, message: m) }
            let text = String(decoding: raw, as: UTF8.self)
            guard let body = hashedBody(raw), text.hasSuffix("\"}"),
                String(decoding: raw.suffix(hashSuffixLength), as: UTF8.self).hasPrefix(",\"hash\":\"")
            else {
                return bad("not a journal entry (no hash at the end of the line)")
            }
            guard let entry = parse(text) else { return bad("not a valid journal entry (JSON)") }
            if FileIO.sha256Hex(body) != entry.hash { return bad("entry \(entry.seq) was edited: its hash does not match its content") }
            if entry.seq != n {
                return bad("entry seq \(entry.seq) found where seq \(n) was expected: entries were deleted, inserted or reordered")
            }
            if entry.prev != prev {
                return bad(
                    n == 1
                        ? "the first entry does not start the chain: earlier entries were deleted"
                        : "the link to line \(n - 1) is broken: an earlier entry was edited, deleted or reordered")
            }
            prev = FileIO.sha256Hex(Array(raw))
            lineHashes.append(prev)
        }
        if let head = try? FileIO.readIfExists(FileIO.join(folder, headFile)) {
            let parts = String(decoding: head, as: UTF8.self).split(whereSeparator: { $0 == " " || $0.isNewline })
            if parts.count == 2, let seq = Int(parts[0]), seq > 0 {
                if seq > lineHashes.count {
                    return JournalVerification(
                        entries: lineHashes.count, firstBadLine: lineHashes.count + 1,
                        message: "the journal was truncated: this machine wrote \(seq) entries but only \(lineHashes.count) remain")
                }
                if lineHashes[seq - 1] != String(parts[1]) {
                    return JournalVerification(
                        entries: lineHashes.count, firstBadLine: seq,
                        message: "entry \(seq) differs from the one this machine wrote")
                }
            }
        }
        return JournalVerification(entries: lines.count, firstBadLine: nil, message: nil, interruptedAppend: interrupted)
    }

    /// Whether an unterminated last line is the start of an entry cut short (not a whole entry whose
    /// newline is missing, which is kept).
    static func isTorn(_ line: [UInt8]) -> Bool {
        guard let entry = parse(String(decoding: line, as: UTF8.self)), let body = hashedBody(line) else { return true }
        return FileIO.sha256Hex(body) != entry.hash
    }

    /// `,"hash":"<64 hex>"}` at the end of every entry line.
    static let hashSuffixLength = ",\"hash\":\"\"}".utf8.count + 64

    /// What an entry's hash is taken over: the line without its hash field, closed with `}`; nil
    /// when the line is too short to carry a hash.
    static func hashedBody<Bytes: Collection<UInt8>>(_ line: Bytes) -> [UInt8]? {
        guard line.count > hashSuffixLength else { return nil }
        return Array(line.dropLast(hashSuffixLength)) + [UInt8(ascii: "}")]
    }

    /// Removes an entry that a killed save left half-written at the end of the journal. Called under
    /// the lock before the pending entry is settled, so that entry is then appended whole.
    static func repairTornTail(folder: String) throws {
        let path = FileIO.join(folder, file)
        guard let tail = lastLine(path), !tail.endsWithNewline, isTorn(tail.line) else { return }
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(path, FileIO.errorText()) }
        defer { close(fd) }
        let size = lseek(fd, 0, SEEK_END)
        guard ftruncate(fd, size - off_t(tail.line.count)) == 0, fsync(fd) == 0 else { throw StoreError.io(path, FileIO.errorText()) }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    static func isoUTC(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        func p(_ v: Int32, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return
            "\(p(parts.tm_year + 1900, 4))-\(p(parts.tm_mon + 1, 2))-\(p(parts.tm_mday, 2))T\(p(parts.tm_hour, 2)):\(p(parts.tm_min, 2)):\(p(parts.tm_sec, 2))Z"
    }
}
