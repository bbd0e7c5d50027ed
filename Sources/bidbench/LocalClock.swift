import BidbenchCore
import Foundation

/// The one "today" of every verb and of the terminal UI: `BIDBENCH_TODAY=YYYY-MM-DD` when set (the
/// demo's delivery story is set on 2027-05-10), else the date in the local time zone. A verb's
/// `--today` option wins over both.
enum LocalClock {
    static func today() -> Day {
        if let t = ProcessInfo.processInfo.environment["BIDBENCH_TODAY"], let d = Day(iso: t) { return d }
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}
