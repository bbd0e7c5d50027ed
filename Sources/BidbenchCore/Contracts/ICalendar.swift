/// A UTC time stamp for iCalendar's DTSTAMP (the caller reads the clock; Core stays pure).
public struct UTCStamp: Equatable, Sendable {
    public var day: Day
    public var hour: Int
    public var minute: Int
    public var second: Int
    public init(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }
    /// Seconds since 1970-01-01T00:00:00Z.
    public init(unixSeconds: Int) {
        let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
        let rest = unixSeconds - days * 86_400
        self.init(day: Day(ordinal: days), hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)
    }
    /// `20270301T081500Z`
    public var ics: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return ICalendar.date(day) + "T" + two(hour) + two(minute) + two(second) + "Z"
    }
}

/// iCalendar (RFC 5545) export of key dates: one all-day VEVENT per date.
public enum ICalendar {
    /// The calendar text: CRLF line ends, lines folded at 75 octets.
    /// - Parameter alarmDays: a VALARM this many days before each non-renewal notice deadline (nil: none).
    /// A date that RFC 5545 cannot write (its year or the next day's is not 1…9999: a term computed far
    /// past 9999) is left out rather than written as an invalid date; `writable` says which.
    public static func calendar(_ dates: [KeyDate], stamp: UTCStamp, alarmDays: Int? = 7) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bidbench//Contract key dates//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        for d in dates where writable(d.date) {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(uid(d))")
            lines.append("DTSTAMP:\(stamp.ics)")
            lines.append("DTSTART;VALUE=DATE:\(date(d.date))")
            lines.append("DTEND;VALUE=DATE:\(date(d.date.adding(days: 1)))")
            lines.append("SUMMARY:\(escape(d.title))")
            lines.append("CATEGORIES:\(escape(d.kind.rawValue))")
            lines.append("TRANSP:TRANSPARENT")
            if d.kind == .notice_deadline, let days = alarmDays {
                lines.append("BEGIN:VALARM")
                lines.append("ACTION:DISPLAY")
                lines.append("DESCRIPTION:\(escape(d.title))")
                lines.append("TRIGGER:-P\(days)D")
                lines.append("END:VALARM")
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(fold).map { $0 + "\r\n" }.joined()
    }

    /// Whether an all-day event on `d` can be written: DATE values have four-digit years.
    public static func writable(_ d: Day) -> Bool { (1...9999).contains(d.year) && d.adding(days: 1).year <= 9999 }

    /// `20270301`
    static func date(_ d: Day) -> String { d.description.replacingAll("-", with: "") }

    /// A stable id from the contract, kind and date: the same date gets the same UID in every export,
    /// so calendars update the event instead of adding a copy.
    static func uid(_ d: KeyDate) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a 64
        for b in "\(d.contract)|\(d.kind.rawValue)|\(d.date)".utf8 {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "@bidbench"
    }

    /// TEXT escaping of RFC 5545 §3.3.11: backslash, comma, semicolon, newline.
    public static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case ",": out += "\\,"
            case ";": out += "\\;"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                // Other control characters are not allowed in TEXT.
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Folds a content line so that no line exceeds 75 octets (RFC 5545 §3.1): continuation lines start
    /// with one space. Breaks fall between characters, never inside a UTF-8 sequence.
    public static func fold(_ line: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        var octets = 0
        for u in line.unicodeScalars {
            let n = String(u).utf8.count
            if octets + n > 75 {
                out.append(String(current))
                current = " ".unicodeScalars
                octets = 1
            }
            current.append(u)
            octets += n
        }
        out.append(String(current))
        return out
    }
}
