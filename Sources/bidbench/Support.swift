import ArgumentParser
import BidbenchCore
import BidbenchStore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum FileHandleBridge {
    /// Writes straight to file descriptor 2 (C's `stderr` global is not concurrency-safe in Swift 6).
    static func writeStderr(_ s: String) {
        let bytes = Array(s.utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            off += n
        }
    }
}

/// Loads the workspace for a reporting verb. A workspace with problems is refused (results computed
/// from half-loaded tables would mislead): every problem goes to stderr as `file:line: …`, exit 1.
func loadWorkspaceForVerb(_ path: String) throws -> Workspace {
    let loaded: LoadedWorkspace
    do { loaded = try WorkspaceStore.load(folder: path) } catch {
        printError("bidbench: \(error)")
        throw ExitCode(1)
    }
    if !loaded.problems.isEmpty {
        for p in loaded.problems { printError(p.description) }
        printError("bidbench: \(path): \(loaded.problems.count) problem(s) above; fix them first (bidbench check lists them)")
        throw ExitCode(1)
    }
    return loaded.workspace
}

/// Keeps a value alive until the process exits. A verb that has read a large workspace and is done
/// with it would otherwise free it piece by piece just before exiting (800 000 gate answers: a
/// twentieth of `bidbench report`); the system takes the whole memory back at once. Only for what
/// the verb no longer changes (a kept copy would make a later change copy the arrays).
func keepUntilExit<T>(_ value: T) {
    _ = Unmanaged.passRetained(KeptValue(value))
}

private final class KeptValue<T> {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Who the journal names when no `--as` says: `$USER` when set and not empty, else the login name
/// of the user running the process, else `bidbench`.
func currentUser() -> String {
    if let u = ProcessInfo.processInfo.environment["USER"], !u.trimmingCharacters(in: .whitespaces).isEmpty { return u }
    if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name, let s = String(validatingCString: name), !s.isEmpty { return s }
    return "bidbench"
}
