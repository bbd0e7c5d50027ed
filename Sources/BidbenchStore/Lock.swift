import Foundation

/// A lock file: created with O_CREAT|O_EXCL|O_NOFOLLOW holding the owner's pid, host and start time,
/// so two processes cannot both take it. One left by a process that no longer runs on this host (gone,
/// or a zombie) is stale and is taken over; one from another host is never assumed dead. It also
/// holds its own file's device and inode: a copy of it (`cp -r` of an open workspace) is another
/// file, so not the lock of the running process it names, and is taken over too (the copy opened
/// read-only, "open in another Bidbench", while that process had the original open: audit pass).
struct LockFile {
    let path: String
    let pid: Int32
    let host: String
    let since: String
    /// The bytes written to the file (what a signal handler compares before removing it).
    let written: [UInt8]
    /// The holder of a stale lock this one replaced: a process of this host that is gone (not a copy).
    var replaced: LockHolder?

    /// Takes the lock at `path`, or returns the live holder.
    static func take(_ path: String, now: Date) throws -> Result<LockFile, LockHolder> {
        let pid = getpid()
        let host = WorkspaceLock.hostName()
        let since = Journal.isoUTC(now)
        var replaced: LockHolder?
        for attempt in 0..<3 {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd >= 0 {
                // Readable by the group of a shared folder: another account's session names the holder.
                if FileIO.sharedWithGroup(FileIO.dirname(of: path)) { _ = fchmod(fd, 0o660) }
                var st = stat()
                let file = fstat(fd, &st) == 0 ? identity(st) : nil
                let content = content(pid: pid, host: host, since: since, file: file)
                let n = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                _ = fsync(fd)
                close(fd)
                if n != content.count {
                    unlink(path)
                    throw StoreError.io(path, "could not write the lock file")
                }
                return .success(LockFile(path: path, pid: pid, host: host, since: since, written: content, replaced: replaced))
            }
            guard errno == EEXIST else { throw StoreError.io(path, FileIO.errorText()) }
            var st = stat()
            let found = lstat(path, &st) == 0
            if found && (st.st_mode & S_IFMT) == S_IFLNK { throw StoreError.symlink(path) }
            // A named pipe (or folder, device) where a lock belongs is never read nor waited on: opening a
            // pipe blocked for ever, at the first frame or at Ctrl-S, and no signal ended it (a helper's pass).
            // (A lock released between the two calls is not found: taken on the next attempt.)
            if found && (st.st_mode & S_IFMT) != S_IFREG {
                throw StoreError.io(
                    path, "is not a regular file (a named pipe, folder or device) where Bidbench keeps a lock: remove it, then try again")
            }
            let holder = WorkspaceLock.readHolder(path)
            if attempt < 2, let h = holder, h.host == host, h.pid > 0, h.copied || !WorkspaceLock.isRunning(h.pid) {
                unlink(path)  // stale: its process is gone, or this is a copy of its lock
                if !h.copied { replaced = h }
                continue
            }
            if holder == nil && attempt < 2 {
                // Being written this instant by its taker, or left empty by a kill between create and write.
                usleep(20_000)
                if WorkspaceLock.readHolder(path) == nil, attempt == 1 { unlink(path) }
                continue
            }
            return .failure(holder ?? LockHolder(pid: 0, host: "unknown host", since: "unknown time"))
        }
        return .failure(LockHolder(pid: 0, host: "unknown host", since: "unknown time"))
    }

    /// What a lock file holds (`file`: its own device and inode, when known).
    static func content(pid: Int32, host: String, since: String, file: String? = nil) -> [UInt8] {
        Array("pid=\(pid)\nhost=\(host)\nstarted=\(since)\n\(file.map { "file=\($0)\n" } ?? "")".utf8)
    }

    /// A file's device and inode, as the lock records them.
    static func identity(_ st: stat) -> String { "\(st.st_dev):\(st.st_ino)" }

    /// Removes the lock file if it is still ours.
    func release() {
        if let h = WorkspaceLock.readHolder(path), h.pid == pid, h.host == host, h.since == since { unlink(path) }
    }
}

struct LockHolder: Error, Equatable {
    var pid: Int32
    var host: String
    var since: String
    /// The file read is not the one its taker wrote (its recorded device and inode differ): a copy.
    var copied = false
}

/// A session's claim on the files it edits (README "Many writers"): the lead's session claims the
/// shared tables (`.bidbench/lock`); an evaluator's (`--as NAME`) claims only `scores/NAME.csv`
/// (`.bidbench/sessions/scores%2FNAME.csv.lock`). Two sessions with the same claim are refused
/// (the second opens read-only and is told who holds it); different claims work side by side.
/// Saves additionally lock each file they write for the few milliseconds of the commit
/// (`CommitLocks`), so command-line imports and sessions never interleave their writes.
/// The claim is released by `release()` or when the object goes away.
public final class WorkspaceLock {
    /// What a session may write.
    public enum Scope: Equatable, Sendable {
        /// Everything (the lead, or a command without `--as`).
        case lead
        /// Only `scores/<name>.csv`.
        case evaluator(String)
    }

    public let path: String
    public let scope: Scope
    public let pid: Int32
    public let host: String
    /// ISO 8601 UTC time the lock was taken.
    public let since: String
    private var file: LockFile?

    /// The file (relative to the workspace) that holds the claim of `scope`: `.bidbench/lock` for the
    /// lead, `.bidbench/sessions/scores%2FNAME.csv.lock` for an evaluator.
    public static func claimFile(_ scope: Scope) -> String {
        switch scope {
        case .lead: return ".bidbench/lock"
        case .evaluator(let name): return ".bidbench/sessions/" + CommitLocks.encode(Schema.scoresFile(evaluator: name)) + ".lock"
        }
    }

    /// Takes the claim of `scope` in the workspace in `folder`, or throws `StoreError.locked` naming the holder.
    public init(folder: String, scope: Scope = .lead, now: Date = Date()) throws {
        try FileIO.makeDirectoriesInside(folder: folder, ".bidbench")
        self.scope = scope
        if case .evaluator = scope { try FileIO.makeDirectoriesInside(folder: folder, ".bidbench/sessions") }
        path = FileIO.join(folder, Self.claimFile(scope))
        switch try LockFile.take(path, now: now) {
        case .success(let f):
            file = f
            pid = f.pid
            host = f.host
            since = f.since
        case .failure(let h):
            pid = 0
            host = ""
            since = ""
            throw StoreError.locked(pid: h.pid, host: h.host, since: h.since)
        }
    }

    /// The session whose claim this one took over because its process is gone (killed, or its
    /// terminal closed without a signal reaching it): what it had not saved is lost, and the new
    /// session says so (a meeting pass found it opening as if nothing had happened).
    public var replacedStale: (pid: Int32, since: String)? { file?.replaced.map { ($0.pid, $0.since) } }

    /// The bytes of the claim file while it is ours (what a signal handler compares before removing it).
    public var fileContent: [UInt8] { file?.written ?? [] }

    /// The files (relative paths) this session may write; nil for all of them.
    public var ownedFile: String? {
        if case .evaluator(let name) = scope { return Schema.scoresFile(evaluator: name) }
        return nil
    }

    /// Removes the lock file if it is still ours.
    public func release() {
        file?.release()
        file = nil
    }

    deinit { release() }

    /// Whether a process runs with this pid. A zombie (killed, not yet reaped by its parent) holds no
    /// files and never writes again, so it does not count: on Linux its state in /proc is `Z`.
    static func isRunning(_ pid: Int32) -> Bool {
        if pid == getpid() { return true }
        if kill(pid, 0) != 0 && errno == ESRCH { return false }
        guard let stat = try? FileIO.read("/proc/\(pid)/stat"),
            let close = stat.lastIndex(of: UInt8(ascii: ")")), close + 2 < stat.count
        else { return true }
        return stat[close + 2] != UInt8(ascii: "Z")
    }

    static func readHolder(_ path: String) -> LockHolder? {
        // Non-blocking: a named pipe at a lock's path is not waited on (see `LockFile.take`).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        let file = LockFile.identity(st)
        var buf = [UInt8](repeating: 0, count: 512)
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard n > 0 else { return nil }
        var fields: [String: String] = [:]
        for line in String(decoding: buf[0..<n], as: UTF8.self).split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        guard let p = fields["pid"].flatMap({ Int32($0) }), let h = fields["host"] else { return nil }
        let copied = fields["file"].map { $0 != file } ?? false
        return LockHolder(pid: p, host: h, since: fields["started"] ?? "unknown time", copied: copied)
    }

    static func hostName() -> String {
        var buf = [CChar](repeating: 0, count: 256)
        guard gethostname(&buf, buf.count - 1) == 0 else { return "localhost" }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The short locks a save holds on exactly the files it writes (and its journal file), in
/// `.bidbench/locks/<file, / as %2F>.lock`, taken in name order so two saves cannot deadlock.
/// A live holder is waited for (a commit lasts milliseconds) up to `wait` seconds.
final class CommitLocks {
    private var held: [LockFile] = []

    init(folder: String, files: [String], wait: Double = 5, now: Date = Date()) throws {
        try FileIO.makeDirectoriesInside(folder: folder, ".bidbench/locks")
        let deadline = Date().addingTimeInterval(wait)
        for rel in Set(files).sorted() {
            let path = FileIO.join(folder, ".bidbench/locks/" + CommitLocks.encode(rel) + ".lock")
            while true {
                switch try LockFile.take(path, now: now) {
                case .success(let f): held.append(f)
                case .failure(let h):
                    if Date() < deadline {
                        usleep(10_000)
                        continue
                    }
                    release()
                    throw StoreError.busy(rel, pid: h.pid, host: h.host)
                }
                break
            }
        }
    }

    func release() {
        for f in held.reversed() { f.release() }
        held = []
    }

    deinit { release() }

    /// A relative path as one file name: `%` → `%25`, `/` → `%2F`.
    static func encode(_ rel: String) -> String {
        rel.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
    }
}
