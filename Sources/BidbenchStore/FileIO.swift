import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin POSIX file helpers: whole-file reads, atomic replacement, owner-only modes.
enum FileIO {
    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Joins a folder and a relative path.
    static func join(_ folder: String, _ relative: String) -> String {
        if relative.isEmpty { return folder }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// The whole file, or nil when it does not exist.
    static func readIfExists(_ path: String) throws(StoreError) -> [UInt8]? {
        guard exists(path) else { return nil }
        return try read(path)
    }

    static func read(_ path: String) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path, errorText()) }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { sysRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path, errorText())
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }

    /// Names in a folder (no `.`/`..`), sorted; empty when it does not exist.
    static func list(_ folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { b in
            let s = String(b, radix: 16)
            return b < 16 ? "0" + s : s
        }.joined()
    }

    /// Creates a folder and any missing parents with mode 0700 (owner only).
    static func makeDirectories(_ path: String) throws(StoreError) {
        if isDirectory(path) { return }
        let parent = dirname(of: path)
        if parent != path && !parent.isEmpty { try makeDirectories(parent) }
        if mkdir(path, 0o700) != 0 && errno != EEXIST { throw .io(path, errorText()) }
    }

    static func dirname(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func basename(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func fsyncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Writes all bytes to a descriptor.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { sysWrite(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path, errorText())
            }
            off += n
        }
    }

    /// Replaces `path` atomically: a temp file in the same folder is written, fsynced, then renamed
    /// over the target, and the folder is fsynced so the rename itself is durable. A reader sees
    /// either the old bytes or the new ones, never a mix. A new file gets mode 0600; a replaced one
    /// keeps its mode. `beforeRename` runs after the fsync and before the rename (tests use it to
    /// simulate a crash); if it throws, the temp file is removed and the target is untouched.
    static func atomicWrite(_ path: String, _ bytes: [UInt8], beforeRename: ((String) throws -> Void)? = nil) throws {
        let folder = dirname(of: path)
        try makeDirectories(folder)
        var mode: mode_t = 0o600
        var st = stat()
        if stat(path, &st) == 0 { mode = st.st_mode & 0o777 }
        let temp = join(folder, ".\(basename(of: path)).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io(temp, errorText()) }
        var renamed = false
        defer { if !renamed { unlink(temp) } }
        do {
            try writeAll(fd, bytes, path: temp)
            if mode != 0o600 { _ = fchmod(fd, mode) }
            guard fsync(fd) == 0 else { throw StoreError.io(temp, errorText()) }
        } catch {
            close(fd)
            throw error
        }
        close(fd)
        try beforeRename?(path)
        guard rename(temp, path) == 0 else { throw StoreError.io(path, errorText()) }
        renamed = true
        fsyncDirectory(folder)
    }

    /// Removes a file and makes the removal durable.
    static func remove(_ path: String) throws(StoreError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw .io(path, errorText()) }
        fsyncDirectory(dirname(of: path))
    }

    /// A canonical absolute path with symlinks resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}

#if canImport(Glibc)
    private func sysRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ n: Int) -> Int { Glibc.read(fd, buf, n) }
    private func sysWrite(_ fd: Int32, _ buf: UnsafeRawPointer?, _ n: Int) -> Int { Glibc.write(fd, buf, n) }
#elseif canImport(Darwin)
    private func sysRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ n: Int) -> Int { Darwin.read(fd, buf, n) }
    private func sysWrite(_ fd: Int32, _ buf: UnsafeRawPointer?, _ n: Int) -> Int { Darwin.write(fd, buf, n) }
#endif
