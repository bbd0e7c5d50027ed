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
            out[name] = Self.localMinute(time_t(st.mtimeNanos / 1_000_000_000))
        }
        return out
    }

    /// When each evaluator last changed their sheet: the time of the journal's last entry for it while
    /// the file is still as that entry left it (the same SHA-256), else its modification time (a sheet
    /// edited by hand, or no journal). A `git clone` or `pull` sets every file's modification time to
    /// its own, so a panel scoring in clones showed every evaluator active at the time of the pull.
    public func lastChanges(folder: String) -> [String: String] {
        var out = sheetTimes
        guard !out.isEmpty, let entries = try? Journal.read(folder: folder) else { return out }
        // In time order: the last entry of a sheet wins.
        var last: [String: JournalEntry] = [:]
        for e in entries where e.table.hasPrefix("scores/") { last[e.table] = e }
        for name in out.keys {
            let rel = "scores/\(name).csv"
            guard let e = last[rel], let digest = e.sha256, let when = Self.localMinute(isoUTC: e.time),
                let bytes = try? FileIO.readInside(folder: folder, rel), FileIO.sha256Hex(bytes) == digest
            else { continue }
            out[name] = when
        }
        return out
    }

    /// `YYYY-MM-DD HH:MM` of `t` in local time.
    static func localMinute(_ t: time_t) -> String {
        var t = t
        var parts = tm()
        localtime_r(&t, &parts)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour),
            Int(parts.tm_min))
    }

    /// `localMinute` of a journal time (`2026-12-06T15:35:52Z`, UTC); nil when it is not one.
    static func localMinute(isoUTC s: String) -> String? {
        let u = Array(s.utf8)
        guard u.count == 20, u[4] == 0x2D, u[7] == 0x2D, u[10] == 0x54, u[13] == 0x3A, u[16] == 0x3A, u[19] == 0x5A else { return nil }
        func number(_ r: Range<Int>) -> Int32? { Int32(String(decoding: u[r], as: UTF8.self)) }
        guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10), let h = number(11..<13), let mi = number(14..<16),
            let se = number(17..<19)
        else { return nil }
        var parts = tm()
        parts.tm_year = y - 1900
        parts.tm_mon = mo - 1
        parts.tm_mday = d
        parts.tm_hour = h
        parts.tm_min = mi
        parts.tm_sec = se
        return localMinute(timegm(&parts))
    }
}
