/// The language of a report: every heading and label exists in English and Simplified Chinese.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case en, zh

    /// `zh…` (zh, zh-CN, zh_Hans) is Chinese, anything else English.
    public init(code: String) {
        self = code.trimmed.lowercased().hasPrefix("zh") ? .zh : .en
    }

    /// Picks the text of this language.
    public func pick(_ en: String, _ zh: String) -> String { self == .zh ? zh : en }
}

/// Escaping of workspace text for the two output formats.
public enum ReportEscape {
    /// Escapes `& < > " '` so that text is safe in HTML/XML content and in quoted attributes.
    /// Control characters other than tab and newline are dropped (XML 1.0 forbids them).
    /// Works on the UTF-8 bytes (the text is valid UTF-8, so each case below is one whole scalar)
    /// and returns the text itself when nothing needs changing: a report of a large workspace
    /// escapes thousands of tips and labels, and appending scalar by scalar was a twentieth of it.
    public static func html(_ text: String) -> String {
        var text = text
        return text.withUTF8 { b -> String? in
            var out: [UInt8] = []
            var copied = 0  // bytes before this are in `out` (or dropped)
            var i = 0
            let n = b.count
            func replace(_ end: Int, with bytes: StaticString) {
                if out.isEmpty { out.reserveCapacity(n + 16) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: bytes.utf8Start, count: bytes.utf8CodeUnitCount))
                copied = end
                i = end
            }
            while i < n {
                let c = b[i]
                switch c {
                case 0x26: replace(i + 1, with: "&amp;")
                case 0x3C: replace(i + 1, with: "&lt;")
                case 0x3E: replace(i + 1, with: "&gt;")
                case 0x22: replace(i + 1, with: "&quot;")
                case 0x27: replace(i + 1, with: "&#39;")
                case 0x09, 0x0A: i += 1
                case 0x00..<0x20, 0x7F: replace(i + 1, with: "")  // C0 controls (CR too) and DEL
                case 0xC2 where i + 1 < n && (0x80...0x9F).contains(b[i + 1]): replace(i + 2, with: "")  // C1
                case 0xEF where i + 2 < n && b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF):
                    replace(i + 3, with: "")  // U+FFFE, U+FFFF
                default: i += 1
                }
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<n]))
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Makes text safe in one Markdown table cell: `|` and `\` escaped, line breaks become spaces,
    /// control characters dropped. HTML-significant `<`, `>` and `&` are escaped too, because wikis
    /// render raw HTML inside Markdown.
    public static func markdownCell(_ text: String) -> String { markdown(text, escapePipe: true) }

    /// Text in running Markdown (headings, list items): like a cell, but `|` is harmless there.
    public static func markdownText(_ text: String) -> String { markdown(text, escapePipe: false) }

    private static func markdown(_ text: String, escapePipe: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|" where escapePipe: out += "\\|"
            case "\\": out += "\\\\"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Chart-axis amounts (the rest of a report's numbers go through `NumberText`).
enum ReportNumber {
    /// A compact amount for chart axes: `186万` / `1.86M`.
    static func compact(_ units: Double, _ lang: ReportLanguage) -> String {
        let a = abs(units)
        switch lang {
        case .zh:
            if a >= 100_000_000 { return NumberText.upTo(units / 100_000_000, 2) + "亿" }
            if a >= 10_000 { return NumberText.upTo(units / 10_000, 1) + "万" }
            return NumberText.fixed(units, 0)
        case .en:
            if a >= 1_000_000 { return NumberText.upTo(units / 1_000_000, 2) + "M" }
            if a >= 1_000 { return NumberText.upTo(units / 1_000, 1) + "k" }
            return NumberText.fixed(units, 0)
        }
    }
}
