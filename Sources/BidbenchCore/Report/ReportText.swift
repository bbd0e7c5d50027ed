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
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": continue
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
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
