import BidbenchCore
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

/// One line of a journal chain (`journal/<actor>@<clone>.log`, or the legacy `journal.log`).
public struct JournalEntry: Equatable, Sendable {
    /// Position in its chain, from 1.
    public var seq: Int
    /// Unique across all chains and clones: `<transaction id>.<n>` (empty in legacy entries).
    public var id: String = ""
    /// ISO 8601 UTC, e.g. `2026-11-29T01:02:03Z`.
    public var time: String
    public var actor: String
    /// The file changed, relative to the workspace (`requirements.csv`, `scores/张伟.csv`).
    public var table: String
    /// `create`, `update` or `delete` (of the file).
    public var action: String
    /// Rows in the file after the change, and the SHA-256 of its new bytes (nil in legacy entries
    /// and events that are not a file write).
    public var rows: Int? = nil
    public var sha256: String? = nil
    /// Keys of rows added and removed, consecutive runs written `R0001..R0200`.
    public var added: [String] = []
    public var removed: [String] = []
    /// Existing rows that were edited, with their cells before and after (in legacy entries: every changed row).
    public var changes: [JournalChange]
    /// SHA-256 (hex) of the previous line of the same chain; 64 zeros for the first entry.
    public var prev: String
    /// SHA-256 (hex) of this entry's line without its `hash` field.
    public var hash: String
    /// The chain file it was read from (relative path).
    public var chain: String = Journal.file
}

/// The result of `Journal.verify`.
public struct JournalVerification: Equatable, Sendable {
    /// Entries read (well-formed lines before the first bad one, or all of them, over all chains).
    public var entries: Int
    /// The 1-based line of the first entry that fails (for a truncated journal: the first missing line), nil when intact.
    public var firstBadLine: Int?
    /// What is wrong with it.
    public var message: String?
    /// Set when the last save was killed while appending its entry: the unfinished last line is not
    /// counted, and the next open (which still holds the entry in the save's manifest) removes it and
    /// appends the entry whole.
    public var interruptedAppend: Bool = false
    /// The chain file of `firstBadLine` (relative path); nil when intact.
    public var file: String? = nil
    /// Chain files verified.
    public var chains: Int = 0
    /// The hash of the chain's first line (`verifyChain`): two chains that start alike are one trail
    /// under two names.
    var firstLineHash: String? = nil
    /// Entries lost from a chain before this machine wrote to it again, as each chain's `gap` entry
    /// records them (`journal/…:3: entries were lost before …`): the chain holds, its story does not.
    public var gaps: [String] = []
    public var ok: Bool { firstBadLine == nil }

    /// Equal when they say the same (the first line's hash is how it was found, not what it says).
    public static func == (a: JournalVerification, b: JournalVerification) -> Bool {
        a.entries == b.entries && a.firstBadLine == b.firstBadLine && a.message == b.message
            && a.interruptedAppend == b.interruptedAppend && a.file == b.file && a.chains == b.chains && a.gaps == b.gaps
    }

    public init(
        entries: Int, firstBadLine: Int?, message: String?, interruptedAppend: Bool = false, file: String? = nil, chains: Int = 0
    ) {
        self.entries = entries
        self.firstBadLine = firstBadLine
        self.message = message
        self.interruptedAppend = interruptedAppend
        self.file = file
        self.chains = chains
    }
}

/// A journal entry ready to be chained: everything but `seq`, `prev` and `hash`. Kept in a save's
/// manifest so a save that is completed after a crash appends exactly the entries it planned.
struct PreparedEntry: Equatable {
    var id: String
    var time: String
    var actor: String
    var table: String
    var action: String
    /// The JSON members after `action`, each starting with a comma (`,"rows":3,…,"changes":[…]`).
    var fields: String

    var json: JSONValue {
        .object([
            ("id", .string(id)), ("time", .string(time)), ("actor", .string(actor)), ("table", .string(table)),
            ("action", .string(action)), ("fields", .string(fields)),
        ])
    }

    init(id: String, time: String, actor: String, table: String, action: String, fields: String) {
        (self.id, self.time, self.actor, self.table, self.action, self.fields) = (id, time, actor, table, action, fields)
    }

    init?(_ v: JSONValue) {
        guard let id = v["id"]?.stringValue, let time = v["time"]?.stringValue, let actor = v["actor"]?.stringValue,
            let table = v["table"]?.stringValue, let action = v["action"]?.stringValue, let fields = v["fields"]?.stringValue
        else { return nil }
        self.init(id: id, time: time, actor: actor, table: table, action: action, fields: fields)
    }

    /// The entry for a file write: row count, digest, added and removed keys (runs compressed) and
    /// only the edited rows in full — so an import of 20 000 rows costs a few hundred bytes.
    static func fileChange(
        id: String, time: String, actor: String, table: String, action: String, sha256: String, rows: Int,
        diff: RowDiff
    ) -> PreparedEntry {
        /// Keys in runs; a list that stays long (sparse ids: 2 852 gate answers) is kept as its first
        /// and last key, its count and the SHA-256 of all keys (one a line), so the entry stays small.
        func keys(_ name: String, _ list: [String]) -> [(String, JSONValue)] {
            let runs = Journal.compressKeys(list)
            guard runs.count > Journal.maxListedKeys, let first = list.first, let last = list.last else {
                return [(name, .array(runs.map(JSONValue.string)))]
            }
            let digest = FileIO.sha256Hex(Array(list.joined(separator: "\n").utf8))
            return [
                (name, .array([.string(first), .string("…"), .string(last)])), (name + "_count", .int(list.count)),
                (name + "_sha256", .string(digest)),
            ]
        }
        let members: [(String, JSONValue)] =
            [("rows", .int(rows)), ("sha256", .string(sha256))] + keys("added", diff.added) + keys("removed", diff.removed)
            + [("changes", .array(diff.edited.map(\.json)))]
        return PreparedEntry(id: id, time: time, actor: actor, table: table, action: action, fields: Journal.memberText(members))
    }
}

/// What a save changed in one file: keys of rows added and removed, and edited rows in full.
struct RowDiff: Equatable {
    var added: [String] = []
    var removed: [String] = []
    var edited: [JournalChange] = []

    /// An edited row's change, cells by column; nil when the two differ only in how they are
    /// written (the same non-empty cells by column).
    static func edit(key: String, header: [String], before: [String], after: [String]) -> JournalChange? {
        let b = Array(zip(header, before))
        let a = Array(zip(header, after))
        func filled(_ pairs: [(String, String)]) -> [String: String] {
            Dictionary(pairs.filter { !$0.1.isEmpty }, uniquingKeysWith: { p, _ in p })
        }
        if filled(b) == filled(a) { return nil }
        func json(_ pairs: [(String, String)]) -> JSONValue { .object(pairs.map { ($0.0, .string($0.1)) }) }
        return JournalChange(key: key, before: json(b), after: json(a))
    }
}

/// The append-only audit journal: hash chains in `journal/`, one file per actor and clone.
///
/// Layout (README "Journal"): `journal/<actor>@<clone>.log`, where `<clone>` is a random id kept in
/// `.bidbench/clone-id` (local, not in git), so every chain file has exactly one writer — one person
/// in one copy of the workspace — and two clones never append to the same file: git merges them
/// without conflicts, and each chain verifies on its own after the merge. `journal` shows the union
/// of all chains in time order. A `journal.log` from before this layout is kept and verified as the
/// legacy chain; nothing is appended to it any more.
///
/// Line format — one JSON object a line, keys in exactly this order, no spaces, UTF-8, `\n` after each:
///
///     {"seq":N,"id":"<txn>.<n>","time":"2026-11-29T01:02:03Z","actor":"…","table":"requirements.csv",
///      "action":"update","rows":48,"sha256":"<hex>","added":["R49..R60"],"removed":[],
///      "changes":[{"key":"R14","before":{…},"after":{…}}],"prev":"<hex>","hash":"<hex>"}
///
/// - `seq` counts from 1 with no gaps within a chain.
/// - `prev` is the SHA-256 (lowercase hex) of the previous line's bytes (without its newline), or 64
///   zeros for the first line. Any edit, deletion or reordering of earlier lines breaks this link.
/// - `hash` is the SHA-256 of this line's bytes with the final `,"hash":"…"` removed, i.e. the
///   text `{"seq":…,"prev":"…"}`. It catches an edit of the last line too.
/// - `.bidbench/journal-heads/<chain file>` (local, not shared) remembers the last `seq` and line
///   hash this machine wrote to that chain, so dropping lines from the end is detected as well.
///
/// The chain makes tampering evident, not impossible: someone who rewrites every later line and the
/// head file can hide an edit. Commit the journal to git to keep an independent copy.
public enum Journal {
    /// The legacy single chain (read and verified, never appended to).
    public static let file = "journal.log"
    /// The folder of the per-actor chains.
    public static let folder = "journal"
    static let headFile = ".bidbench/journal-head"
    static let headsFolder = ".bidbench/journal-heads"
    static let cloneIDFile = ".bidbench/clone-id"
    static let zeroHash = String(repeating: "0", count: 64)
    /// At most this many keys (or runs of keys) are listed in an entry's `added`/`removed`.
    static let maxListedKeys = 100

    /// This clone's id (made on first use): 8 hex digits, local to this copy of the workspace.
    static func cloneID(folder: String) throws -> String {
        if let bytes = try FileIO.readInside(folder: folder, cloneIDFile) {
            let id = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if id.count == 8, id.allSatisfy(\.isHexDigit) { return id }
        }
        let id = String(format: "%08x", UInt32.random(in: 0...UInt32.max))
        try FileIO.atomicWriteInside(folder: folder, cloneIDFile, Array((id + "\n").utf8))
        return id
    }

    /// The chain file (relative) that `actor` appends to in this clone.
    static func chainFile(folder: String, actor: String) throws -> String {
        "\(Journal.folder)/\(safeName(actor))@\(try cloneID(folder: folder)).log"
    }

    /// An actor as part of a file name: `/`, `\`, `@`, control characters and a leading dot become
    /// `_`; at most 64 characters; empty becomes `_`.
    static func safeName(_ actor: String) -> String {
        var out = ""
        for ch in actor.precomposedStringWithCanonicalMapping {
            if ch == "/" || ch == "\\" || ch == "@" || ch.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 }) {
                out.append("_")
            } else {
                out.append(ch)
            }
            if out.count >= 64 { break }
        }
        if out.hasPrefix(".") { out = "_" + out.dropFirst() }
        return out.isEmpty ? "_" : out
    }

    /// Appends one entry to `actor`'s chain and returns it (for events that are not a file write).
    @discardableResult
    public static func append(
        folder: String, actor: String, table: String, action: String, changes: [JournalChange],
        now: Date = Date()
    ) throws -> JournalEntry {
        let chain = try chainFile(folder: folder, actor: actor)
        let locks = try CommitLocks(folder: folder, files: [chain])
        defer { locks.release() }
        let entry = PreparedEntry(
            id: newID(), time: isoUTC(now), actor: actor, table: table, action: action,
            fields: memberText([("changes", .array(changes.map(\.json)))]))
        var written = try append(folder: folder, chain: chain, [entry])[0]
        written.changes = changes
        return written
    }

    /// A unique id that sorts in the order ids were made by a process: milliseconds since 1970, a
    /// per-process counter, and randomness (hex, 23 characters).
    static func newID() -> String {
        let ms = UInt64(max(0, Date().timeIntervalSince1970 * 1000))
        return String(format: "%011llx%04x%08x", ms, idCounter.next() & 0xFFFF, UInt32.random(in: 0...UInt32.max))
    }

    private static let idCounter = Counter()

    /// The local head file of `chain` (relative to the workspace).
    static func headRel(_ chain: String) -> String { chain == file ? headFile : headsFolder + "/" + FileIO.basename(of: chain) }

    /// What this machine's head file says it last wrote to `chain` (its `seq` and line hash), nil when none.
    static func head(folder: String, chain: String) -> (seq: Int, hash: String)? {
        guard let bytes = try? FileIO.readInside(folder: folder, headRel(chain)) else { return nil }
        let parts = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0.isNewline })
        guard parts.count == 2, let seq = Int(parts[0]), seq > 0 else { return nil }
        return (seq, String(parts[1]))
    }

    /// Appends prepared entries to a chain (the caller holds its commit lock), skipping any whose id
    /// is already at the end of the chain (a completed save being completed again). A torn last line
    /// left by a killed append is cut first.
    static func append(folder: String, chain: String, _ entries: [PreparedEntry]) throws -> [JournalEntry] {
        try FileIO.makeDirectoriesInside(folder: folder, FileIO.dirname(of: chain))
        try FileIO.checkInside(folder: folder, rel: chain)
        try repairTornTail(folder: folder, chain: chain)
        let path = FileIO.join(folder, chain)
        let tail = lastLines(path, count: max(1, entries.count))
        let present = Set(tail.lines.compactMap { JSONValue.parse(String(decoding: $0, as: UTF8.self))?["id"]?.stringValue })
        var todo = entries.filter { !present.contains($0.id) }
        var seq = 0
        var prev = zeroHash
        if let last = tail.lines.last {
            guard let n = seqOf(last) else {
                throw StoreError.io(path, "the last line is not a journal entry; run bidbench journal --verify")
            }
            seq = n
            prev = FileIO.sha256Hex(last)
        }
        // Entries this machine wrote that are gone (the chain cut or deleted: a git revert, an edit)
        // are said in the chain before the new ones: appending on from the cut replaced the head, and
        // `--verify --strict` then called the chain intact with a change in no entry (a helper's pass).
        if let first = todo.first, let head = head(folder: folder, chain: chain), head.seq > seq || (head.seq == seq && head.hash != prev) {
            let gap = PreparedEntry(
                id: newID(), time: first.time, actor: first.actor, table: Journal.folder, action: "gap",
                fields: memberText([
                    ("wrote", .int(Int64(head.seq))), ("found", .int(Int64(seq))), ("lost_hash", .string(head.hash)),
                    ("changes", .array([])),
                ]))
            todo.insert(gap, at: 0)
        }
        var out = tail.endsWithNewline ? "" : "\n"
        var written: [JournalEntry] = []
        for e in todo {
            seq += 1
            let text = line(e, seq: seq, prev: prev)
            out += text + "\n"
            if var entry = parse(text) {
                entry.chain = chain
                written.append(entry)
            }
            prev = FileIO.sha256Hex(Array(text.utf8))
        }
        guard !todo.isEmpty else { return written }
        try appendBytes(path, Array(out.utf8))
        // The head only strengthens `verify` (it detects lines dropped from the end): one that a crash
        // leaves stale or missing is still consistent with the chain, so it is not fsynced, and failing
        // to write it (a full disk) does not fail the append, whose entries are already on disk.
        try? FileIO.atomicWriteInside(
            folder: folder, headRel(chain), Array("\(seq) \(prev)\n".utf8), durable: false)
        return written
    }

    /// Refuses, before a save's commit point, what would make the journal append after it fail: the
    /// chain or its head a symbolic link or not a regular file, or a folder that cannot be written (a
    /// read-only mount). After the commit point such a failure would leave a committed save that every
    /// open must finish and cannot.
    static func checkWritable(folder: String, chain: String) throws(StoreError) {
        let head = headRel(chain)
        for dir in [FileIO.dirname(of: chain) == "." ? "" : FileIO.dirname(of: chain), headsFolder] {
            try FileIO.makeDirectoriesInside(folder: folder, dir)
            let path = FileIO.join(folder, dir)
            if access(path, W_OK) != 0 { throw .io(path, FileIO.errorText()) }
        }
        try FileIO.checkReplaceable(folder: folder, head)
        try FileIO.checkInside(folder: folder, rel: chain)
        let path = FileIO.join(folder, chain)
        guard FileIO.exists(path) else { return }
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 { throw errno == ELOOP ? .symlink(chain) : .io(path, FileIO.errorText()) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 && st.st_nlink > 1 { throw .hardLink(chain) }
    }

    /// The text of an entry line (without its newline). Every name and value is written by
    /// `JSONValue`; the members after `action` come as the prepared entry's text, kept as text so a
    /// save's recovery file replays the very same bytes.
    static func line(_ e: PreparedEntry, seq: Int, prev: String) -> String {
        let head = JSONValue.object([
            ("seq", .int(seq)), ("id", .string(e.id)), ("time", .string(e.time)), ("actor", .string(e.actor)),
            ("table", .string(e.table)), ("action", .string(e.action)),
        ])
        let body = String(head.compact.dropLast()) + e.fields + memberText([("prev", .string(prev))])
        let hash = FileIO.sha256Hex(Array((body + "}").utf8))
        return body + memberText([("hash", .string(hash))]) + "}"
    }

    /// Members of an entry line as they follow earlier ones: `,"name":value` each, compact.
    static func memberText(_ members: [(String, JSONValue)]) -> String {
        members.map { "," + JSONValue.quote($0.0) + ":" + $0.1.compact }.joined()
    }

    /// Runs of keys that differ only in a trailing number counting up by one (same width) are written
    /// `first..last`: `R01, R02, R03, R07` → `R01..R03, R07`.
    static func compressKeys(_ keys: [String]) -> [String] {
        /// A key's text before its trailing ASCII digits (at most 12), their value and their count;
        /// read on the UTF-8 bytes, once per key.
        func split(_ k: String) -> (prefix: Substring, number: Int, width: Int)? {
            let u = k.utf8
            var i = u.endIndex
            var width = 0
            while i > u.startIndex {
                let j = u.index(before: i)
                guard u[j] >= UInt8(ascii: "0") && u[j] <= UInt8(ascii: "9") else { break }
                width += 1
                guard width <= 12 else { return nil }
                i = j
            }
            guard width > 0 else { return nil }
            var n = 0
            for b in u[i...] { n = n * 10 + Int(b - UInt8(ascii: "0")) }
            return (Substring(u[..<i]), n, width)
        }
        let parts = keys.map(split)
        var out: [String] = []
        var i = 0
        while i < keys.count {
            var j = i
            if let (p, n, w) = parts[i] {
                while j + 1 < keys.count, let (p2, n2, w2) = parts[j + 1], w2 == w, n2 == n + (j + 1 - i), p2 == p { j += 1 }
            }
            out.append(j - i >= 2 ? "\(keys[i])..\(keys[j])" : keys[i])
            if j - i == 1 { out.append(keys[j]) }
            i = j + 1
        }
        return out
    }

    /// The last `count` non-empty lines of a file, read backwards in chunks.
    static func lastLines(_ path: String, count: Int) -> (lines: [[UInt8]], endsWithNewline: Bool) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return ([], true) }
        defer { close(fd) }
        var pos = Int(lseek(fd, 0, SEEK_END))
        var buffer: [UInt8] = []
        var first = true
        var endsWithNewline = true
        while pos > 0 {
            let size = min(65_536, pos)
            pos -= size
            var part = [UInt8](repeating: 0, count: size)
            let n = part.withUnsafeMutableBytes { pread(fd, $0.baseAddress, size, off_t(pos)) }
            guard n == size else { return ([], true) }
            buffer = part + buffer
            if first {
                first = false
                endsWithNewline = buffer.last == 10
            }
            if buffer.filter({ $0 == 10 }).count > count + 1 { break }
        }
        let lines = buffer.split(separator: 10).map(Array.init)
        // When the read stopped early, the first piece may be a partial line: only the last `count` are used.
        return (Array(lines.suffix(count)), endsWithNewline)
    }

    /// Throws `journalDamaged` when `chain` cannot take an entry: git conflict markers anywhere in
    /// it, or a last complete line that is not an entry. A save asks before its commit point, so a
    /// damaged chain stops it with nothing written (a torn last line, left by a killed append, is
    /// repaired by the append and is not damage).
    static func checkAppendable(folder: String, chain: String) throws {
        guard let bytes = try FileIO.readInside(folder: folder, chain), !bytes.isEmpty else { return }
        let complete = bytes.last == 10 ? bytes[...] : bytes[..<(bytes.lastIndex(of: 10).map { $0 + 1 } ?? 0)]
        let last = complete.split(separator: 10).last.map(Array.init)  // the last complete, non-empty line
        if TextTools.hasConflictMarker(bytes) || (last.map { seqOf($0) == nil } ?? false) {
            throw StoreError.journalDamaged(chain)
        }
    }

    /// The last non-empty line of a file; nil for a missing or empty file.
    static func lastLine(_ path: String) -> (line: [UInt8], endsWithNewline: Bool)? {
        let t = lastLines(path, count: 1)
        return t.lines.last.map { ($0, t.endsWithNewline) }
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

    /// Appends with O_APPEND|O_NOFOLLOW: a journal that is a symbolic link (git keeps links) is
    /// refused, never written through.
    private static func appendBytes(_ path: String, _ bytes: [UInt8]) throws {
        let created = !FileIO.exists(path)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            if errno == ELOOP { throw StoreError.symlink(path) }
            throw StoreError.io(path, FileIO.errorText())
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { throw StoreError.io(path, "not a regular file") }
        // `O_NOFOLLOW` stops a symbolic link, not a hard link (a helper's pass: a chain hard-linked to a
        // file outside the workspace took every entry): a file with another name is never appended to.
        if st.st_nlink > 1 { throw StoreError.hardLink(path) }
        if created && FileIO.sharedWithGroup(FileIO.dirname(of: path)) { _ = fchmod(fd, 0o660) }
        try FileIO.writeAll(fd, bytes, path: path)
        guard fsync(fd) == 0 else { throw StoreError.io(path, FileIO.errorText()) }
        if created { FileIO.fsyncDirectory(FileIO.dirname(of: path)) }
    }

    /// The chain files of the workspace (relative): the legacy `journal.log` when present, then `journal/*.log`.
    static func chains(folder: String) -> [String] {
        var out: [String] = []
        if FileIO.exists(FileIO.join(folder, file)) { out.append(file) }
        let names = (try? FileIO.listInside(folder: folder, Journal.folder)) ?? []
        out += names.filter { $0.hasSuffix(".log") && !$0.hasPrefix(".") }.map { Journal.folder + "/" + $0 }
        return out
    }

    /// Why the journal folder exists but cannot be listed (its permissions), or nil.
    static func unreadableFolder(_ folder: String) -> String? {
        let path = FileIO.join(folder, Journal.folder)
        guard FileIO.isDirectory(path) else { return nil }
        guard let dir = opendir(path) else { return FileIO.errorText() }
        closedir(dir)
        return nil
    }

    /// The entries of every chain, in time order (then id); lines that do not parse are skipped (use `verify`).
    /// A journal folder that cannot be listed is an error, not an empty journal.
    public static func read(folder: String) throws -> [JournalEntry] {
        if let why = unreadableFolder(folder) { throw StoreError.io(FileIO.join(folder, Journal.folder), why) }
        var all: [JournalEntry] = []
        for chain in chains(folder: folder) {
            guard let bytes = try FileIO.readInside(folder: folder, chain) else { continue }
            for line in bytes.split(separator: 10) {
                guard var e = parse(String(decoding: line, as: UTF8.self)) else { continue }
                e.chain = chain
                all.append(e)
            }
        }
        return all.enumerated().sorted { a, b in
            (a.element.time, a.element.id, a.offset) < (b.element.time, b.element.id, b.offset)
        }.map(\.element)
    }

    /// A file whose bytes are not what its last journal entry recorded: edited outside Bidbench (a
    /// spreadsheet, an editor, `sed`) or merged by git since, or gone (`missing`), or back after its
    /// entry deleted it. The chains can be intact while a score sheet was changed by hand (a meeting
    /// pass raised a disputed 5 to a 9 with `sed`, and the audit check said nothing).
    public struct UnrecordedChange: Equatable, Sendable {
        public var file: String
        /// The file's last entry (its time and actor say since when).
        public var last: JournalEntry
        public var missing: Bool
    }

    /// The files (in path order) whose bytes differ from their last entry's digest; `entries` in time
    /// order (`read`). Entries without a digest (legacy, events) are passed over.
    public static func unrecorded(folder: String, entries: [JournalEntry]) -> [UnrecordedChange] {
        var last: [String: JournalEntry] = [:]
        for e in entries where e.sha256 != nil || e.action == "delete" { last[e.table] = e }
        var out: [UnrecordedChange] = []
        for (file, e) in last.sorted(by: { $0.key < $1.key }) {
            // A path the workspace may not read (outside it, a link) is `verify`'s and `check`'s to report.
            let read: [UInt8]?
            do { read = try FileIO.readInside(folder: folder, file) } catch { continue }
            if e.action == "delete" || e.sha256 == nil {
                if read != nil { out.append(UnrecordedChange(file: file, last: e, missing: false)) }
            } else if let bytes = read {
                if FileIO.sha256Hex(bytes) != e.sha256 { out.append(UnrecordedChange(file: file, last: e, missing: false)) }
            } else {
                out.append(UnrecordedChange(file: file, last: e, missing: true))
            }
        }
        return out
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
        func keys(_ name: String) -> [String] {
            guard case .array(let ks)? = v[name] else { return [] }
            return ks.compactMap(\.stringValue)
        }
        return JournalEntry(
            seq: Int(seq), id: v["id"]?.stringValue ?? "", time: time, actor: actor, table: table, action: action,
            rows: v["rows"]?.intValue.map { Int($0) }, sha256: v["sha256"]?.stringValue, added: keys("added"), removed: keys("removed"),
            changes: changes, prev: prev, hash: hash)
    }

    /// Verifies every chain (each line's own hash, the `seq` order, the `prev` links, and the local
    /// head record) and reports the first bad line of the first bad chain. No journal is an intact, empty one.
    public static func verify(folder: String) -> JournalVerification {
        var total = 0
        var interrupted = false
        var gaps: [String] = []
        let all = chains(folder: folder)
        if let bad = FileIO.unsafePart(folder: folder, rel: Journal.folder) {
            return JournalVerification(entries: 0, firstBadLine: 0, message: bad.description, file: Journal.folder)
        }
        // A journal folder that cannot be listed is not an empty journal (it verified as "0 entries,
        // intact"), and a chain this machine wrote to must still be there (deleting one person's whole
        // trail verified as intact too: a meeting pass).
        if let why = unreadableFolder(folder) {
            return JournalVerification(entries: 0, firstBadLine: 0, message: "cannot read the journal folder: \(why)", file: Journal.folder)
        }
        let heads = ((try? FileIO.listInside(folder: folder, headsFolder)) ?? []).filter { $0.hasSuffix(".log") && !$0.hasPrefix(".") }
        for name in heads.sorted() where !all.contains(Journal.folder + "/" + name) {
            guard let (seq, _) = head(folder: folder, chain: Journal.folder + "/" + name) else { continue }
            return JournalVerification(
                entries: 0, firstBadLine: 1,
                message: "the chain is missing: this machine wrote \(seq) entr\(seq == 1 ? "y" : "ies") to it, and the file is gone",
                file: Journal.folder + "/" + name, chains: all.count)
        }
        // Each chain's first entry is its own (its id is made by the save that wrote it): a chain copied
        // or hard-linked under another name listed every entry twice and verified (a helper's pass).
        var starts: [String: String] = [:]
        for chain in all {
            var v = verifyChain(folder: folder, chain: chain)
            if v.ok, let first = v.firstLineHash {
                if let other = starts[first] {
                    v = JournalVerification(
                        entries: 0, firstBadLine: 1,
                        message:
                            "the same entries as \(other): one chain under two names (a copy or a hard link); remove the one this clone did not write"
                    )
                }
                starts[first] = chain
            }
            if !v.ok {
                v.entries += total
                v.file = chain
                v.chains = all.count
                return v
            }
            total += v.entries
            interrupted = interrupted || v.interruptedAppend
            gaps += v.gaps
        }
        var v = JournalVerification(entries: total, firstBadLine: nil, message: nil, interruptedAppend: interrupted, chains: all.count)
        v.gaps = gaps
        return v
    }

    static func verifyChain(folder: String, chain: String) -> JournalVerification {
        let bytes: [UInt8]
        do { bytes = try FileIO.readInside(folder: folder, chain) ?? [] } catch {
            return JournalVerification(entries: 0, firstBadLine: 0, message: "cannot read \(chain): \(error)")
        }
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var interrupted = false
        if let last = lines.last, bytes.last != 10, isTorn(Array(last)), Transaction.pending(folder: folder) {
            lines.removeLast()
            interrupted = true
        }
        var prev = zeroHash
        var lineHashes: [String] = []
        var gaps: [String] = []
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
            if entry.table == Journal.folder && entry.action == "gap" {
                let v = JSONValue.parse(text)
                let wrote = v?["wrote"]?.intValue ?? 0
                let found = v?["found"]?.intValue ?? 0
                gaps.append(
                    "\(chain):\(n): entries were lost before \(entry.time): this machine had written \(wrote), "
                        + (found == 0 ? "and the chain was gone" : "and only \(found) remained"))
            }
        }
        if let (seq, hash) = head(folder: folder, chain: chain) {
            if seq > lineHashes.count {
                return JournalVerification(
                    entries: lineHashes.count, firstBadLine: lineHashes.count + 1,
                    message: "the journal was truncated: this machine wrote \(seq) entries but only \(lineHashes.count) remain")
            }
            if lineHashes[seq - 1] != hash {
                return JournalVerification(
                    entries: lineHashes.count, firstBadLine: seq, message: "entry \(seq) differs from the one this machine wrote")
            }
        }
        var v = JournalVerification(entries: lines.count, firstBadLine: nil, message: nil, interruptedAppend: interrupted)
        v.firstLineHash = lineHashes.first
        v.gaps = gaps
        return v
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

    /// Removes an entry that a killed append left half-written at the end of a chain. Called with the
    /// chain's commit lock held, before entries are appended (the interrupted one again, whole).
    static func repairTornTail(folder: String, chain: String) throws {
        let path = FileIO.join(folder, chain)
        guard let tail = lastLine(path), !tail.endsWithNewline, isTorn(tail.line) else { return }
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw StoreError.io(path, FileIO.errorText()) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 && st.st_nlink > 1 { throw StoreError.hardLink(chain) }
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

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
