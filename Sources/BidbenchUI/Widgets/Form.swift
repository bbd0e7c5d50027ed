/// A field of a form: free text, or a choice among fixed values (cycled with ←/→ or Space).
public struct FormField: Equatable, Sendable {
    public var key: String
    public var label: String
    public var input: TextField
    /// When non-empty, the field is a choice: `choices` are the stored values, `choiceLabels` what is shown.
    public var choices: [String] = []
    public var choiceLabels: [String] = []
    public var choiceIndex = 0

    public init(key: String, label: String, text: String) {
        self.key = key
        self.label = label
        self.input = TextField(text)
    }

    public init(key: String, label: String, choices: [String], labels: [String], selected: String) {
        self.key = key
        self.label = label
        self.input = TextField()
        self.choices = choices
        self.choiceLabels = labels
        self.choiceIndex = choices.firstIndex(of: selected) ?? 0
    }

    public var isChoice: Bool { !choices.isEmpty }
    /// The value to store.
    public var value: String { isChoice ? choices[choiceIndex] : input.text }
}

/// A modal form: a title, fields, the focused field, and an error message that keeps what was typed.
public struct Form: Equatable, Sendable {
    /// What submitting the form does (interpreted by the screen that opened it).
    public var purpose: String
    public var title: String
    public var fields: [FormField]
    public var focus = 0
    public var error: String?

    public init(purpose: String, title: String, fields: [FormField]) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
    }

    public func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    public enum Outcome: Equatable { case stay, submit, cancel }

    /// Handles a key: editing, moving between fields, submit or cancel.
    public mutating func handle(_ key: Key) -> Outcome {
        if let cmd = KeyMap.command(for: key, in: .form) {
            switch cmd {
            case .nextField:
                focus = (focus + 1) % fields.count
                return .stay
            case .prevField:
                focus = (focus + fields.count - 1) % fields.count
                return .stay
            case .submit:
                if key == .enter && focus < fields.count - 1 {
                    focus += 1
                    return .stay
                }
                return .submit
            case .cancel: return .cancel
            default: break
            }
        }
        if fields[focus].isChoice {
            let n = fields[focus].choices.count
            switch key {
            case .right, .char(" "), .char("l"): fields[focus].choiceIndex = (fields[focus].choiceIndex + 1) % n
            case .left, .char("h"): fields[focus].choiceIndex = (fields[focus].choiceIndex + n - 1) % n
            default: break
            }
            return .stay
        }
        _ = fields[focus].input.handle(key)
        return .stay
    }

    /// Draws the form centred in `area`.
    public func render(into canvas: inout Canvas, area: Rect, lang: Lang) {
        let labelW = min(22, fields.map { TextWidth.of($0.label) }.max() ?? 8)
        let w = min(area.width - 2, max(50, labelW + 40))
        // A long message wraps (up to three lines) so the value it quotes and the fix stay readable.
        let errorLines = error.map { Array(TextWidth.wrap($0, w - 4).prefix(3)) } ?? []
        let h = min(area.height, fields.count + 4 + errorLines.count)
        let r = Rect(x: area.x + (area.width - w) / 2, y: area.y + max(0, (area.height - h) / 2), width: w, height: h)
        canvas.fill(r)
        canvas.box(r, .accent, title: title)
        for (i, f) in fields.enumerated() where 1 + i < h - 2 {
            let y = r.y + 1 + i
            let focused = i == focus
            canvas.text(r.x + 2, y, TextWidth.fit(f.label, labelW), focused ? .bold : .plain)
            let fx = r.x + 3 + labelW
            let fw = r.width - labelW - 5
            if f.isChoice {
                let label = "◂ \(f.choiceLabels[f.choiceIndex]) ▸"
                canvas.fill(Rect(x: fx, y: y, width: fw, height: 1))
                canvas.text(fx, y, label, focused ? .selected : .plain, maxWidth: fw)
            } else {
                f.input.render(into: &canvas, x: fx, y: y, width: fw, focused: focused, style: .init(underline: !focused))
            }
        }
        for (i, line) in errorLines.enumerated() {
            canvas.text(r.x + 2, r.maxY - 1 - errorLines.count + i, line, .error, maxWidth: r.width - 4)
        }
        canvas.text(r.x + 2, r.maxY - 1, " " + KeyMap.hints(for: .form, lang: lang) + " ", .dim, maxWidth: r.width - 4)
    }
}
