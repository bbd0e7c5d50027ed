/// The two formats a report or handout is written in, as the TUI's `:report` and the `report` verb
/// read them: a format word, or the extension of the file asked for.
public enum ReportFormat: String, Sendable, CaseIterable {
    case html, md

    /// A format word, any case (`markdown` is `md`); nil for another word.
    public init?(word: String) {
        switch word.lowercased() {
        case "html": self = .html
        case "md", "markdown": self = .md
        default: return nil
        }
    }

    /// The format a file name implies by its extension (`.md`/`.markdown`, `.html`/`.htm`); nil for
    /// another extension, none, or `-` (standard output).
    public init?(file: String) {
        let name = file.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = String(name[name.index(after: dot)...])
        if ext.lowercased() == "htm" {
            self = .html
        } else {
            self.init(word: ext)
        }
    }
}
