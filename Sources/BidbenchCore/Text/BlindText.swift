/// What a blind panel may show of a problem in an evaluator's score sheet: the file, line and field,
/// not what is written there (`scores/王强.csv:3: score: “8,5” 不是数字` told the room his score for that
/// cell on the lead's projected screen, and `bidbench check` printed it too).
public enum BlindText {
    /// `text` without its quoted values (`“…”` or `"…"`, and the blank after each), with `note` added when any
    /// was taken out; unchanged otherwise.
    public static func hidingValues(_ text: String, note: String) -> String {
        var out = ""
        var quoted = false
        var hid = false
        var closed = false
        for c in text {
            if !quoted && (c == "“" || c == "\"") {
                quoted = true
                hid = true
            } else if quoted && (c == "”" || c == "\"") {
                quoted = false
                closed = true
            } else if !quoted {
                // The blank after a value taken out goes with it.
                if !(closed && c == " " && (out.last == " " || out.isEmpty)) { out.append(c) }
                closed = false
            }
        }
        return hid ? out + note : text
    }

    /// The note in English and Chinese.
    public static let note = (en: " (values hidden: the panel is blind)", zh: " (评分未公开, 不显示数值)")
}
