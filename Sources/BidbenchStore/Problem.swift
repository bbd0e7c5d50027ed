import BidbenchCore

/// One thing wrong with a workspace's content, located as `file:line: field: message`.
///
/// `file` is relative to the workspace folder (`requirements.csv`, `scores/张伟.csv`); `line` is the
/// 1-based line where the offending record starts, or 0 when the problem is not tied to a line
/// (a missing file, a sum over several rows).
public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var field: String?
    public var message: String

    public init(file: String, line: Int, field: String? = nil, message: String) {
        self.file = file; self.line = line; self.field = field; self.message = message
    }

    /// `file:line: field: message`, or `file:line: message` when there is no field.
    public var description: String {
        if let field { return "\(file):\(line): \(field): \(message)" }
        return "\(file):\(line): \(message)"
    }

    /// `{"file":…,"line":…,"field":…|null,"message":…}` for `--json` output.
    public var json: JSONValue {
        .object([("file", .string(file)), ("line", .int(Int64(line))),
                 ("field", field.map(JSONValue.string) ?? .null), ("message", .string(message))])
    }
}

/// Why the store refused an operation. Content problems are not errors (see `Problem`); these are.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder does not exist.
    case notFound(String)
    /// The folder exists but has no `workspace.json`.
    case notAWorkspace(String)
    /// A file or folder could not be read or written (path, system message).
    case io(String, String)
    /// The workspace has problems, so it is read-only and nothing may be saved over it.
    case readOnly([Problem])
    /// The workspace to save breaks the rules a load checks; nothing was written.
    case invalid([Problem])
    /// These files (relative paths) changed on disk since the workspace was loaded.
    case changedOnDisk([String])
    /// Another live process holds the workspace lock.
    case locked(pid: Int32, host: String, since: String)
    /// The destination already holds a workspace or files that would be overwritten.
    case exists(String)
    /// A path from the workspace escapes the workspace folder.
    case unsafePath(String)

    public var description: String {
        switch self {
        case .notFound(let f): return "no such folder: \(f)"
        case .notAWorkspace(let f): return "\(f) is not a Bidbench workspace (no workspace.json); create one with `bidbench init \(f)`"
        case .io(let p, let m): return "\(p): \(m)"
        case .readOnly(let ps):
            return "the workspace is read-only because it has \(ps.count) problem(s); fix them first (bidbench check lists them)"
        case .invalid(let ps):
            return "not saved: the changes would leave \(ps.count) problem(s):\n" + ps.map(\.description).joined(separator: "\n")
        case .changedOnDisk(let fs):
            return "changed on disk since it was loaded: \(fs.joined(separator: ", ")); reload, or save with force to overwrite"
        case .locked(let pid, let host, let since):
            return "the workspace is open in another Bidbench (pid \(pid) on \(host) since \(since)); close it first, or remove .bidbench/lock if that process is gone"
        case .exists(let p): return "\(p) already exists; refusing to overwrite it"
        case .unsafePath(let p): return "\(p) points outside the workspace folder; refused"
        }
    }
}
