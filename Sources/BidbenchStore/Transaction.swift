import BidbenchCore
import Foundation

/// Where a save is when a test's fault hook runs (`WorkspaceStore.save(…, fault:)`).
enum SaveStage: Equatable {
    /// Before the temp file of this file (relative path) is written.
    case temp(String)
    /// Before the manifest — the commit point — is written.
    case manifest
    /// After the commit point, before this file is renamed into place (or removed).
    case rename(String)
    /// After every rename, before the journal entries are appended.
    case journal
}

/// All-or-nothing saves of several files (README "Saves: one transaction").
///
/// 1. Every new file is written to a temp file beside it (`.<name>.tmp-<pid>-<random>-<host>`) and
///    fsynced; the version each replaces is hard-linked into `.bidbench/backup/` (no copy).
/// 2. The manifest `.bidbench/txn-<id>.json` — the files, their temp files and the SHA-256 of their
///    new bytes, and the journal entries — is written to a temp file, fsynced and renamed into place.
///    That rename is the commit point: before it nothing visible changed; after it the save will be
///    completed.
/// 3. Each temp file is renamed over its file (or the file removed), folders are fsynced.
/// 4. The journal entries are appended to the actor's chain, and the manifest is removed.
///
/// A failure before the commit point removes the temp files and reports that nothing changed. On
/// every open (`recover`), a manifest left by a process that is gone is completed (roll forward:
/// renames still to do, then the journal entries not yet appended), and temp files of processes that
/// are gone are removed (roll back of saves that never reached their commit point).
enum Transaction {
    static let manifestPrefix = "txn-"
    static let bidbench = ".bidbench"

    /// Transactions of this process still running (their manifests are not recovered by it).
    private static let active = ActiveSet()

    struct Step: Equatable {
        var file: String
        /// The temp file holding the new bytes (relative); nil for a removal.
        var temp: String?
        /// SHA-256 of the new bytes; empty for a removal.
        var sha256: String
    }

    /// Whether a manifest is waiting to be completed (a save in progress, or one whose process died
    /// past its commit point: the next `WorkspaceStore.load` completes it).
    static func pending(folder: String) -> Bool {
        ((try? FileIO.listInside(folder: folder, bidbench)) ?? []).contains { $0.hasPrefix(manifestPrefix) && $0.hasSuffix(".json") }
    }

    /// A short tag of this host, so a temp file of a live process on another host sharing the folder is never removed.
    static let hostTag: String = String(FileIO.sha256Hex(Array(WorkspaceLock.hostName().utf8)).prefix(6))

    // Kept as one function: the crash-safe write protocol: each stage is an fsync or rename point the fault tests hit, in order.
    /// Commits `writes` (relative path → new bytes, nil to remove) as one transaction and appends
    /// `entries` to `chain`. The caller holds the commit locks of every file and of the chain.
    static func commit(
        folder: String, writes: [(file: String, bytes: [UInt8]?, sha256: String)], chain: String, entries: [PreparedEntry],
        fault: ((SaveStage) throws -> Void)?
    ) throws {
        let id = Journal.newID()
        active.insert(id)
        defer { active.remove(id) }
        var steps: [Step] = []
        func rollBack() {
            for s in steps { if let t = s.temp { unlink(FileIO.join(folder, t)) } }
        }
        // 1. Temp files and backups. Any failure: nothing visible changed.
        do {
            for w in writes {
                try fault?(.temp(w.file))
                try FileIO.checkReplaceable(folder: folder, w.file)
                let full = FileIO.join(folder, w.file)
                var st = stat()
                let exists = lstat(full, &st) == 0
                if let bytes = w.bytes {
                    let temp = try FileIO.writeTempInside(
                        folder: folder, w.file, bytes, mode: exists ? st.st_mode & 0o777 : FileIO.newFileMode(in: FileIO.dirname(of: full)))
                    steps.append(Step(file: w.file, temp: temp, sha256: w.sha256))
                } else {
                    steps.append(Step(file: w.file, temp: nil, sha256: ""))
                }
                if exists { try backup(folder: folder, w.file) }
            }
            try Journal.checkWritable(folder: folder, chain: chain)
            try fault?(.manifest)
            let manifest = JSONValue.object([
                ("id", .string(id)), ("pid", .int(Int64(getpid()))), ("host", .string(WorkspaceLock.hostName())),
                ("chain", .string(chain)),
                (
                    "files",
                    .array(
                        steps.map {
                            .object([
                                ("file", .string($0.file)), ("temp", $0.temp.map(JSONValue.string) ?? .null),
                                ("sha256", .string($0.sha256)),
                            ])
                        })
                ),
                ("journal", .array(entries.map(\.json))),
            ])
            try FileIO.atomicWriteInside(folder: folder, manifestFile(id), Array(manifest.compact.utf8))
        } catch {
            rollBack()
            if let e = error as? StoreError {
                switch e {
                case .io(let p, let m): throw StoreError.notSaved(p, m)
                default: throw e
                }
            }
            throw error
        }
        // 2. Past the commit point: finish, or leave the manifest for the next open to finish.
        do {
            try apply(folder: folder, steps: steps, fault: fault)
            try fault?(.journal)
            _ = try Journal.append(folder: folder, chain: chain, entries)
            try FileIO.remove(FileIO.join(folder, manifestFile(id)))
        } catch {
            let where_ =
                (error as? StoreError).map { e -> String in
                    if case .io(let p, _) = e { return p }
                    return folder
                } ?? folder
            throw StoreError.saveIncomplete(where_, (error as? StoreError).map(reason) ?? "\(error)")
        }
    }

    static func reason(_ e: StoreError) -> String {
        if case .io(_, let m) = e { return m }
        return e.description
    }

    static func manifestFile(_ id: String) -> String { "\(bidbench)/\(manifestPrefix)\(id).json" }

    /// Renames each temp file into place (one already renamed is skipped) and fsyncs the folders.
    static func apply(folder: String, steps: [Step], fault: ((SaveStage) throws -> Void)?) throws {
        var folders: Set<String> = []
        for s in steps {
            try fault?(.rename(s.file))
            try FileIO.checkInside(folder: folder, rel: s.file)
            let full = FileIO.join(folder, s.file)
            if let temp = s.temp {
                if FileIO.isRegularInside(folder: folder, temp) {
                    guard rename(FileIO.join(folder, temp), full) == 0 else { throw StoreError.io(full, FileIO.errorText()) }
                }
            } else if unlink(full) != 0 && errno != ENOENT {
                throw StoreError.io(full, FileIO.errorText())
            }
            folders.insert(FileIO.dirname(of: full))
        }
        for f in folders.sorted() { FileIO.fsyncDirectory(f) }
    }

    /// Keeps the version about to be replaced as `.bidbench/backup/<file>`: a hard link to it (no
    /// bytes copied; the rename then leaves the old inode to the backup), or a copy where links fail.
    static func backup(folder: String, _ rel: String) throws {
        let backupRel = "\(bidbench)/backup/" + rel
        try FileIO.makeDirectoriesInside(folder: folder, FileIO.dirname(of: backupRel))
        try FileIO.checkInside(folder: folder, rel: backupRel)
        let target = FileIO.join(folder, backupRel)
        if unlink(target) != 0 && errno != ENOENT { throw StoreError.io(target, FileIO.errorText()) }
        if link(FileIO.join(folder, rel), target) == 0 { return }
        if let bytes = try FileIO.readInside(folder: folder, rel) { try FileIO.atomicWriteInside(folder: folder, backupRel, bytes) }
    }

    /// Completes the saves that processes now gone left past their commit point, and removes the
    /// temp files of saves that never reached it. Returns the files whose save was completed.
    /// `held`: the commit locks the caller already holds (a save recovers under its own locks).
    @discardableResult
    static func recover(folder: String, holding held: Set<String> = []) throws -> [String] {
        var completed: [String] = []
        let names = (try? FileIO.listInside(folder: folder, bidbench)) ?? []
        for name in names where name.hasPrefix(manifestPrefix) && name.hasSuffix(".json") {
            let rel = "\(bidbench)/\(name)"
            guard let bytes = try FileIO.readInside(folder: folder, rel) else { continue }
            guard let m = JSONValue.parse(String(decoding: bytes, as: UTF8.self)), let id = m["id"]?.stringValue,
                let chain = m["chain"]?.stringValue, case .array(let files)? = m["files"], case .array(let journal)? = m["journal"]
            else {
                // Not a manifest this program wrote (it is renamed into place whole): set it aside.
                _ = rename(FileIO.join(folder, rel), FileIO.join(folder, rel + ".unreadable"))
                continue
            }
            if active.contains(id) { continue }
            let pid = Int32(m["pid"]?.intValue ?? 0)
            let host = m["host"]?.stringValue ?? ""
            if host != WorkspaceLock.hostName() || (pid != getpid() && WorkspaceLock.isRunning(pid)) { continue }
            // Only what this program writes is acted on: files inside the workspace, each temp file a
            // temp name beside its file. Anything else sets the manifest aside untouched.
            let steps = files.compactMap { f -> Step? in
                guard let file = f["file"]?.stringValue, PathSafety.problem(file) == nil, let sha = f["sha256"]?.stringValue else {
                    return nil
                }
                guard let temp = f["temp"]?.stringValue else { return Step(file: file, temp: nil, sha256: sha) }
                guard FileIO.tempOwner(FileIO.basename(of: temp)) != nil, FileIO.dirname(of: temp) == FileIO.dirname(of: file) else {
                    return nil
                }
                return Step(file: file, temp: temp, sha256: sha)
            }
            guard steps.count == files.count, PathSafety.problem(chain) == nil, chain.hasPrefix(Journal.folder + "/") else {
                _ = rename(FileIO.join(folder, rel), FileIO.join(folder, rel + ".unreadable"))
                continue
            }
            let locks = try CommitLocks(folder: folder, files: (steps.map(\.file) + [chain]).filter { !held.contains($0) })
            defer { locks.release() }
            guard FileIO.exists(FileIO.join(folder, rel)) else { continue }  // completed meanwhile
            try apply(folder: folder, steps: steps, fault: nil)
            _ = try Journal.append(folder: folder, chain: chain, journal.compactMap(PreparedEntry.init))
            try FileIO.remove(FileIO.join(folder, rel))
            completed += steps.map(\.file)
        }
        removeLeftoverTemps(folder: folder)
        return completed
    }

    /// Temp files (`.<name>.tmp-<pid>-…`) of processes gone from this host, in the workspace's folders.
    static func removeLeftoverTemps(folder: String) {
        var dirs = [
            "", "scores", "ahp", "contracts", Journal.folder, bidbench, "\(bidbench)/backup", "\(bidbench)/backup/scores",
            "\(bidbench)/backup/ahp", Journal.headsFolder, "\(bidbench)/locks", "\(bidbench)/sessions",
        ]
        dirs += ((try? FileIO.listInside(folder: folder, "contracts")) ?? []).map { "contracts/" + $0 }.filter {
            FileIO.unsafePart(folder: folder, rel: $0) == nil && FileIO.isDirectory(FileIO.join(folder, $0))
        }
        for dir in dirs {
            guard let names = try? FileIO.listInside(folder: folder, dir) else { continue }
            for name in names {
                guard let owner = FileIO.tempOwner(name) else { continue }
                if let tag = owner.host, tag != hostTag { continue }
                if owner.pid != getpid() && WorkspaceLock.isRunning(owner.pid) { continue }
                if owner.pid == getpid() && !active.isEmpty { continue }
                let rel = dir.isEmpty ? name : dir + "/" + name
                if FileIO.isRegularInside(folder: folder, rel) { unlink(FileIO.join(folder, rel)) }
            }
        }
    }
}

/// A set of ids guarded by a lock (saves may run on any thread).
private final class ActiveSet: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: Set<String> = []
    func insert(_ id: String) { lock.withLock { _ = ids.insert(id) } }
    func remove(_ id: String) { lock.withLock { _ = ids.remove(id) } }
    func contains(_ id: String) -> Bool { lock.withLock { ids.contains(id) } }
    var isEmpty: Bool { lock.withLock { ids.isEmpty } }
}
