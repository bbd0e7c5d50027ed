/// The two formats a report or handout is written in, as the TUI's `:report` and the `report` verb
/// read them: a format word, or the extension of the file asked for.
public enum ReportFormat {
    /// `html` or `md` for a format word (any case; `markdown` is `md`), nil for another word.
    public static func word(_ text: String) -> String? {
        switch text.lowercased() {
        case "html": return "html"
        case "md", "markdown": return "md"
        default: return nil
        }
    }

    /// The format a file name implies by its extension (`.md`/`.markdown`, `.html`/`.htm`), nil
    /// for another extension, none, or `-` (standard output).
    public static func of(file: String) -> String? {
        let name = file.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown": return "md"
        case "html", "htm": return "html"
        default: return nil
        }
    }
}
