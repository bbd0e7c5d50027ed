import Foundation

/// One writer at a time: `.bidbench/lock` in the workspace holds the owner's pid, host and start
/// time. It is created with O_CREAT|O_EXCL, so two processes cannot both take it. A lock left by a
/// process that no longer runs on this host is stale and is taken over; a lock from another host is
/// never assumed dead. The lock is released by `release()` or when the object goes away.
public final class WorkspaceLock {
    public let path: String
    public let pid: Int32
    public let host: String
    /// ISO 8601 UTC time the lock was taken.
    public let since: String
    /// Set only once the file is ours, so a failed init (whose deinit still runs) never removes another's lock.
    private var held = false

    /// Takes the lock of the workspace in `folder`, or throws `StoreError.locked` naming the holder.
    public init(folder: String, now: Date = Date()) throws {
        let dir = FileIO.join(folder, ".bidbench")
        try FileIO.makeDirectories(dir)
        path = FileIO.join(dir, "lock")
        pid = getpid()
        host = WorkspaceLock.hostName()
        since = Journal.isoUTC(now)
        let content = Array("pid=\(pid)\nhost=\(host)\nstarted=\(since)\n".utf8)
        for attempt in 0..<2 {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if fd >= 0 {
                let n = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                _ = fsync(fd)
                close(fd)
                if n != content.count {
                    unlink(path)
                    throw StoreError.io(path, "could not write the lock file")
                }
                held = true
                return
            }
            guard errno == EEXIST else { throw StoreError.io(path, FileIO.errorText()) }
            let holder = WorkspaceLock.readHolder(path)
            if attempt == 0, let h = holder, h.host == host, h.pid > 0, !WorkspaceLock.isRunning(h.pid) {
                unlink(path)  // stale: its process is gone
                continue
            }
            throw StoreError.locked(pid: holder?.pid ?? 0, host: holder?.host ?? "unknown host", since: holder?.since ?? "unknown time")
        }
        throw StoreError.locked(pid: 0, host: "unknown host", since: "unknown time")
    }

    /// Removes the lock file if it is still ours.
    public func release() {
        guard held else { return }
        held = false
        if let h = WorkspaceLock.readHolder(path), h.pid == pid, h.host == host, h.since == since { unlink(path) }
    }

    deinit { release() }

    /// Whether a process runs with this pid. A zombie (killed, not yet reaped by its parent) holds no
    /// files and never writes again, so it does not count: on Linux its state in /proc is `Z`.
    static func isRunning(_ pid: Int32) -> Bool {
        if kill(pid, 0) != 0 && errno == ESRCH { return false }
        guard let stat = try? FileIO.read("/proc/\(pid)/stat"),
            let close = stat.lastIndex(of: UInt8(ascii: ")")), close + 2 < stat.count
        else { return true }
        return stat[close + 2] != UInt8(ascii: "Z")
    }

    static func readHolder(_ path: String) -> (pid: Int32, host: String, since: String)? {
        guard let bytes = try? FileIO.read(path) else { return nil }
        var fields: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        guard let p = fields["pid"].flatMap({ Int32($0) }), let h = fields["host"] else { return nil }
        return (p, h, fields["started"] ?? "unknown time")
    }

    static func hostName() -> String {
        var buf = [CChar](repeating: 0, count: 256)
        guard gethostname(&buf, buf.count - 1) == 0 else { return "localhost" }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
