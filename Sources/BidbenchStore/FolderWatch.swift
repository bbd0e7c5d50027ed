import BidbenchCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The size and modification time of every workspace file another process may change: cheap to
/// take (one `stat` a file, no reading), so an open TUI can take one every second and read and
/// hash only when something moved.
public struct FolderSnapshot: Equatable, Sendable {
    struct Stat: Equatable, Sendable {
        var size: Int64
        var mtimeNanos: Int64
    }
    let stats: [String: Stat]

    /// Stats `workspace.json`, the tables, `scores/*.csv` and `ahp/*.csv` of `folder` (missing files are left out).
    public static func take(folder: String) -> FolderSnapshot {
        var rels = [SettingsFile.file] + Schema.tableFiles
        for dir in ["scores", "ahp"] {
            rels += FileIO.list(FileIO.join(folder, dir)).filter { $0.hasSuffix(".csv") && !$0.hasPrefix(".") }.map { "\(dir)/\($0)" }
        }
        var stats: [String: Stat] = [:]
        for rel in rels {
            var st = stat()
            guard stat(FileIO.join(folder, rel), &st) == 0 else { continue }
            #if canImport(Darwin)
                let t = st.st_mtimespec
            #else
                let t = st.st_mtim
            #endif
            stats[rel] = Stat(size: Int64(st.st_size), mtimeNanos: Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec))
        }
        return FolderSnapshot(stats: stats)
    }

    /// Files that appeared, vanished, or changed size or time between `earlier` and this snapshot.
    public func moved(since earlier: FolderSnapshot) -> [String] {
        Set(stats.keys).union(earlier.stats.keys).filter { stats[$0] != earlier.stats[$0] }.sorted()
    }

    /// When each evaluator's sheet was last modified (`scores/<name>.csv`), local time `YYYY-MM-DD HH:MM`.
    public var sheetTimes: [String: String] {
        var out: [String: String] = [:]
        for (rel, st) in stats where rel.hasPrefix("scores/") && rel.hasSuffix(".csv") {
            let name = String(rel.dropFirst("scores/".count).dropLast(".csv".count))
            var t = time_t(st.mtimeNanos / 1_000_000_000)
            var parts = tm()
            localtime_r(&t, &parts)
            out[name] = String(
                format: "%04d-%02d-%02d %02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                Int(parts.tm_hour), Int(parts.tm_min))
        }
        return out
    }
}
