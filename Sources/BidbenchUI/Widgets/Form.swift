import BidbenchCore
import Foundation

/// What a form edits; it also says where the form returns when it closes (`App.returnModal`).
public enum FormTarget: Equatable, Sendable {
    /// A requirement: nil adds one.
    case requirement(id: String?)
    case department(id: String?)
    case vendor(id: String?)
    /// The acting evaluator's score of a vendor on a criterion.
    case score(vendor: String, criterion: String)
    case reviewNote(contract: String, clause: ClauseKind)
    case gateNote(vendor: String, requirement: String)
    /// A vendor's price line by its index in the workspace's prices; nil adds one.
    case priceLine(vendor: String, index: Int?)
    case risk(index: Int?)
    case changeOrder(contract: String, index: Int?)
    /// A contract's terms: status, signing and effective dates, term, renewal, value (screen 4: `e`).
    case contract(id: String)
    /// Delivery (screen 5): a task of a contract's plan, an acceptance test, a support ticket, a
    /// training session, an attendee's result, the SLA terms of a severity, a month of availability
    /// (each by its index in the workspace's table; nil adds one); the contract's availability
    /// target; a handover item (nil adds one of the contract's own); a vendor review (a period
    /// already reviewed is replaced).
    case task(contract: String, index: Int?)
    case acceptanceTest(contract: String, index: Int?)
    case ticket(contract: String, index: Int?)
    case trainingSession(contract: String, index: Int?)
    case trainingResult(contract: String, session: String, index: Int?)
    case slaTerm(contract: String, index: Int?)
    case availabilityTarget(contract: String)
    case availabilityMonth(contract: String, index: Int?)
    case handoverItem(contract: String, item: String?)
    case vendorReview(vendor: String)
    /// The meeting of a kind (`:meeting`): nil id records a new one.
    case meeting(kind: MeetingKind, id: String?)
    /// The panel's discussion note on a cell of the vendor matrix (screen 2: `n`, lead, after the reveal).
    case discussionNote(vendor: String, criterion: String)
}

/// Why a form was not saved, and the field to fix: the form keeps what was typed and its focus moves
/// to that field (nil, or a key the form does not have, leaves the focus where it is).
public struct FormRefusal: Equatable, Sendable, Error {
    public var message: String
    public var field: String?
    public init(_ message: String, field: String? = nil) {
        self.message = message
        self.field = field
    }

    /// An amount too large for money (a helper's pass: `99999999999999999999` was told it must be
    /// "≥ 0 with at most 2 decimals"), with the field's name; nil for any other text.
    static func tooLargeAmount(_ L: Lang, _ text: String, field: String, label: (en: String, zh: String)) -> FormRefusal? {
        guard Money.isTooLarge(text) else { return nil }
        return FormRefusal(
            L.t(
                "\(label.en) “\(text)” is too large for an amount (at most \(Money.largestText))",
                "\(label.zh) “\(text)” 超出金额上限 (最多 \(Money.largestText))"), field: field)
    }

    /// A date field that does not read. A date of the right shape that is not on the calendar
    /// (`2027-02-30`, `2027年2月30日`) says so, with the month's length, rather than asking for a format
    /// it already has.
    /// The message starts with the field's `label` (`日期: …`).
    static func badDate(_ L: Lang, _ text: String, field: String, label: String) -> FormRefusal {
        let digits = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
        if digits.count == 3, (1...12).contains(digits[1]), digits[0] >= 1, digits[0] <= 9999, digits[2] >= 1,
            text.contains("-") || text.contains("/") || text.contains("年")
        {
            let days = Day.daysIn(year: digits[0], month: digits[1])
            if digits[2] > days {
                return FormRefusal(
                    label + ": "
                        + L.t(
                            "“\(text)” is not on the calendar: \(digits[0])-\(digits[1] < 10 ? "0" : "")\(digits[1]) has \(days) days",
                            "“\(text)” 不是日历上的日期: \(digits[0]) 年 \(digits[1]) 月只有 \(days) 天"), field: field)
            }
        }
        return FormRefusal(
            label + ": " + L.t("the date must be YYYY-MM-DD or 2027年3月1日, not “\(text)”", "日期须为 YYYY-MM-DD 或 2027年3月1日, 而不是 “\(text)”"),
            field: field)
    }
}

/// The first letter of the pinyin of each Chinese character (财务部 → cwb), for choosing by typing;
/// empty when the text has no Chinese or the system cannot transliterate.
func pinyinInitials(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) else { return "" }
    guard let latin = text.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) else {
        return ""
    }
    // Each syllable's first letter: the transliteration separates syllables by spaces and keeps the
    // label's own marks ("gōng néng-jīng yíng", "(wèi guī rù)"), so any non-letter separates.
    return latin.split(whereSeparator: { !$0.isLetter }).compactMap(\.first).map { String($0).lowercased() }.joined()
}

/// A field of a form: free text (one line, or long text that wraps), a number, a date, or a choice
/// among fixed values (←/→, Space, or typing the start of a choice).
public struct FormField: Equatable, Sendable {
    /// The choices of a field whose value came from a file: `known`, and the value itself when
    /// Bidbench does not know it, so it is shown and written back, never dropped.
    static func choices(_ known: [String], keeping value: String) -> [String] {
        known.contains(value) ? known : known + [value]
    }

    public enum Kind: Equatable, Sendable { case text, long, number, date, choice }
    public var key: String
    public var label: String
    public var kind: Kind
    public var input: TextField
    /// For a choice: the stored values, what is shown, and other accepted typed forms of each.
    public var choices: [String] = []
    public var choiceLabels: [String] = []
    public var aliases: [[String]] = []
    public var choiceIndex = 0
    /// What was typed on a choice field so far (the prefix being matched).
    public var query = ""
    /// `query` starts no choice: kept and shown as typed (`«法务部» ✗`), and the form is not saved
    /// while it is there (typed text was dropped, and Enter saved the choice shown: user test pass).
    /// Backspace, Ctrl-U or ←/→ take it back.
    public var unmatched = false

    public init(key: String, label: String, text: String, kind: Kind = .text) {
        self.key = key
        self.label = label
        self.kind = kind
        self.input = TextField(text)
    }

    public init(key: String, label: String, choices: [String], labels: [String], selected: String, aliases: [[String]] = []) {
        self.key = key
        self.label = label
        self.kind = .choice
        self.input = TextField()
        self.choices = choices
        self.choiceLabels = labels
        self.aliases = aliases
        self.choiceIndex = choices.firstIndex(of: selected) ?? 0
    }

    public var isChoice: Bool { kind == .choice && !choices.isEmpty }

    /// The value to store (numbers and dates with full-width digits read as ASCII).
    public var value: String {
        if isChoice { return choices[choiceIndex] }
        return kind == .number || kind == .date ? normalizedDigits(input.text) : input.text
    }

    /// The forms a choice accepts when typed, for the line under the form.
    public var acceptedForms: String {
        choices.indices.map { i in
            var forms = [choiceLabels[i]]
            for a in (i < aliases.count ? aliases[i] : []) where !forms.contains(a) { forms.append(a) }
            let py = pinyinInitials(choiceLabels[i])
            if !py.isEmpty && !forms.contains(py) { forms.append(py) }
            return forms.joined(separator: "/")
        }.joined(separator: " · ")
    }

    /// The choice typed text names: the first whose label, value, an alias or the pinyin initials of
    /// its label is the text (an exact form first: "1", "m"), else the first that starts with it.
    func match(_ text: String) -> Int? {
        let q = normalizedDigits(text).lowercased()
        let candidates = choices.indices.map { i in
            [choices[i], choiceLabels[i], pinyinInitials(choiceLabels[i])] + (i < aliases.count ? aliases[i] : [])
        }
        if let i = candidates.firstIndex(where: { $0.contains { $0.lowercased() == q } }) { return i }
        return candidates.firstIndex { $0.contains { !$0.isEmpty && $0.lowercased().hasPrefix(q) } }
    }

    /// Chooses by typed text (`match`): what was typed so far and `c`. Returns false when that names
    /// no choice: the text is kept, `unmatched` (nothing typed is dropped), and the choice shown
    /// stays; later letters add to it until it is taken back. (A letter that alone starts a choice
    /// used to start again from it, dropping what was typed before: `生产财务部` chose 财务部: re-test.)
    mutating func type(_ c: Character) -> Bool {
        if !unmatched, let i = match(query + String(c)) {
            query += String(c)
            choiceIndex = i
            return true
        }
        query += String(c)
        unmatched = true
        return false
    }

    /// Backspace on a choice: the last typed letter taken back, the rest matched again.
    mutating func takeBack() {
        query = String(query.dropLast())
        if query.isEmpty {
            unmatched = false
        } else if let i = match(query) {
            choiceIndex = i
            unmatched = false
        }
    }

    /// Forgets what was typed (the choice shown stays).
    mutating func clearQuery() {
        query = ""
        unmatched = false
    }
}

/// A decimal as a person types it in a form: digits with at most one decimal point, a sign allowed
/// (`7`, `7.5`, `.5`, `-2`), full-width digits read as ASCII, spaces around ignored. What `Double`
/// would also read — `1e1`, `0x1p3`, `inf`, `nan` — is not a number anyone typed on purpose: refused.
func formDecimal(_ text: String) -> Double? {
    let typed = normalizedDigits(text).trimmed
    var t = Substring(typed)
    if t.first == "+" || t.first == "-" { t = t.dropFirst() }
    let parts = t.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), parts.contains(where: { !$0.isEmpty }),
        parts.allSatisfy({ $0.utf8.allSatisfy { $0 &- 0x30 < 10 } })
    else { return nil }
    return Double(typed).flatMap { $0.isFinite ? $0 : nil }
}

/// A modal form: what it edits, its fields, the focused field, and an error that keeps what was typed.
///
/// Keys (all in the key map): Enter or Ctrl-S saves from any field; Tab/↓ and Shift-Tab/↑ move
/// between fields; Esc closes, asking first when something was changed.
public struct Form: Equatable, Sendable {
    public var target: FormTarget
    public var title: String
    public var fields: [FormField]
    public var focus = 0
    public var error: String?
    /// Esc was pressed on a changed form: y discards, n keeps editing, Ctrl-S saves.
    public var confirmingDiscard = false
    /// The form was taken with Ctrl-S: the workspace is saved once it is applied.
    public var saveWhenTaken = false
    /// The values when the form opened, to tell whether anything changed.
    let initial: [String]

    /// A form focused on the field a person types first (`focusOn`, else the first one).
    public init(target: FormTarget, title: String, fields: [FormField], focusOn key: String? = nil) {
        self.target = target
        self.title = title
        self.fields = fields
        self.initial = fields.map(\.value)
        self.focus = key.flatMap { k in fields.firstIndex { $0.key == k } } ?? 0
    }

    public func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    /// The label of the field `key` as a message names it (its trailing colon and blanks dropped).
    func label(of key: String) -> String {
        var l = (fields.first { $0.key == key }?.label ?? key).trimmed
        while let last = l.last, last == ":" || last == "：" { l.removeLast() }
        return l.trimmed
    }

    /// Something differs from what the form opened with.
    /// Text typed on a choice that matched none counts: Esc asks before it is thrown away.
    public var changed: Bool { fields.map(\.value) != initial || fields.contains(where: \.unmatched) }

    /// The key-map scopes of the form now.
    public var scopes: [Scope] {
        if confirmingDiscard { return [.formDiscard] }
        return fields[focus].isChoice ? [.formChoice, .form] : [.form, .textEditing]
    }

    public enum Outcome: Equatable {
        case stay, submit, cancel
        case refused(String)
        /// Text typed on a choice field that starts no choice (the field's `query`): kept, and the
        /// form not saved while it is there.
        case unmatched(String)
        /// F1: the form's keys.
        case help
    }

    /// A refusal as the form shows it: starting with its field's label, whatever form wrote it (the
    /// SLA hours, a review's satisfaction, a ticket's times said what was wrong but not where, on
    /// forms of several such fields: user test pass). One that starts with it already is kept.
    public func said(_ refusal: FormRefusal) -> String {
        // The label without its example (`解决时限 (小时)` → `解决时限`).
        guard let key = refusal.field, let full = fields.first(where: { $0.key == key })?.label else { return refusal.message }
        let label = String(full.prefix { $0 != "(" && $0 != "（" }).trimmed
        // A message that starts with the label's first word names the field already (`分数必须是 …`
        // under `分数 0–10`, `目标须为 …` under `目标 %`).
        let head = String(label.prefix { $0 != " " })
        guard !label.isEmpty, !refusal.message.hasPrefix(label), !refusal.message.hasPrefix(head) else { return refusal.message }
        return label + ": " + refusal.message
    }

    /// Moves the focus to a field (after a refused save) and leaves the choice prefix behind. The
    /// refused value is marked whole, as a spreadsheet does: what is typed next replaces it (it was
    /// appended to: `6` refused, then `4` made `64`: user test pass); an arrow key edits it instead.
    public mutating func focus(on key: String?) {
        guard let key, let i = fields.firstIndex(where: { $0.key == key }) else { return }
        if !fields[focus].unmatched { fields[focus].query = "" }
        focus = i
        fields[i].input.selectAll()
    }

    /// Applies a key through the key map: editing, moving between fields, save or close.
    public mutating func handle(_ key: Key) -> Outcome {
        if let b = KeyMap.binding(for: key, in: scopes) {
            switch b.command {
            case .nextField, .prevField:
                // Text that matched no choice stays with its field (the save refuses it there).
                if !fields[focus].unmatched { fields[focus].query = "" }
                focus = (focus + (b.command == .nextField ? 1 : fields.count - 1)) % fields.count
            case .submit, .submitAndSave:
                confirmingDiscard = false
                saveWhenTaken = b.command == .submitAndSave
                if let i = fields.firstIndex(where: \.unmatched) {
                    focus = i
                    return .unmatched(fields[i].query)
                }
                return .submit
            case .cancel:
                guard changed else { return .cancel }
                confirmingDiscard = true
            case .yes: return .cancel
            case .help: return .help
            case .no: confirmingDiscard = false
            case .choiceNext where fields[focus].unmatched, .choicePrev where fields[focus].unmatched:
                // ←/→ on text that matched nothing take the text back; the choice shown stays.
                fields[focus].clearQuery()
                if !fields.contains(where: \.unmatched) { error = nil }
            case .choiceNext, .choicePrev:
                let n = fields[focus].choices.count
                fields[focus].choiceIndex = (fields[focus].choiceIndex + (b.command == .choiceNext ? 1 : n - 1)) % n
                fields[focus].clearQuery()
            case .deleteBack where fields[focus].isChoice:
                fields[focus].takeBack()
                if !fields.contains(where: \.unmatched) { error = nil }
            case .clearToStart where fields[focus].isChoice:
                fields[focus].clearQuery()
                if !fields.contains(where: \.unmatched) { error = nil }
            default:
                fields[focus].input.apply(b.command)
            }
            return .stay
        }
        guard case .char(let c) = key, !confirmingDiscard else {
            return .refused(key.label)
        }
        if fields[focus].isChoice {
            if !fields[focus].type(c) { return .unmatched(fields[focus].query) }
        } else {
            fields[focus].input.insert(c)
        }
        error = nil
        return .stay
    }

    /// The rows each field gets: one, and long fields up to four when the area has room.
    func heights(labelW: Int, width: Int, room: Int) -> [Int] {
        var h = fields.map { _ in 1 }
        var extra = room - fields.count
        for (i, f) in fields.enumerated() where f.kind == .long && extra > 0 {
            let want = min(4, max(2, f.input.wrappedHeight(width: width - labelW - 5)))
            let more = min(extra, want - 1)
            h[i] += more
            extra -= more
        }
        return h
    }

    /// Draws the form centred in `area`: wider on a wider terminal, long fields wrapped, the accepted
    /// forms of a focused choice, any error, and the keys (`hints`) at the bottom.
    public func render(into canvas: inout Canvas, area: Rect, lang: Lang, hints: String) {
        let w = min(area.width - 2, max(60, min(140, area.width - 16)))
        // Labels are whole (a label with its example, `期间 (2027-Q2, 2027-05)`, was cut at 22 cells)
        // while the field keeps at least three fifths of the form.
        let labelW = min(max(22, w * 2 / 5), fields.map { TextWidth.of($0.label) }.max() ?? 8)
        let fw = w - labelW - 5
        // A long message wraps (up to three lines) so the value it quotes and the fix stay readable.
        let errorLines = error.map { Array(TextWidth.wrap($0, w - 4).prefix(3)) } ?? []
        let f = fields[focus]
        let helpText: String? =
            confirmingDiscard
            ? lang.t("Discard the changes to this form?", "放弃对此表单的修改吗?")
            : (f.isChoice ? lang.t("Type: ", "可输入: ") + f.acceptedForms : nil)
        // Up to five lines: the accepted forms of a six-way choice in both languages need them at 80
        // columns; beyond that the last line says that more follows.
        var helpLines = helpText.map { TextWidth.wrap($0, w - 4) } ?? []
        if helpLines.count > 5 {
            helpLines = Array(helpLines.prefix(5))
            helpLines[4] = TextWidth.clip(helpLines[4] + " …", to: w - 4)
        }
        let chrome = 3 + errorLines.count + helpLines.count
        let hs = heights(labelW: labelW, width: w, room: max(fields.count, area.height - chrome - 1))
        let h = min(area.height, hs.reduce(0, +) + chrome)
        let r = Rect(x: area.x + (area.width - w) / 2, y: area.y + max(0, (area.height - h) / 2), width: w, height: h)
        canvas.fill(r)
        canvas.box(r, .accent, title: title)
        // The fields shown: from the top, or scrolled so the focused one is in view.
        let fieldRows = h - chrome
        var first = 0
        while hs[first...focus].reduce(0, +) > fieldRows && first < focus { first += 1 }
        var y = r.y + 1
        var shown = 0
        for i in first..<fields.count {
            let fl = fields[i]
            guard y + hs[i] <= r.y + 1 + fieldRows else { break }
            shown += 1
            let focused = i == focus
            canvas.text(r.x + 2, y, TextWidth.fit(fl.label, labelW), focused ? .bold : .plain)
            let fx = r.x + 3 + labelW
            if fl.isChoice {
                // Typed text that starts no choice shows in any field, marked: it is not lost from sight.
                let typed =
                    fl.unmatched ? "  «\(fl.query)» ✗" : (focused && !fl.query.isEmpty ? "  «\(fl.query)»" : "")
                let label = "◂ \(fl.choiceLabels[fl.choiceIndex]) ▸" + typed
                canvas.fill(Rect(x: fx, y: y, width: fw, height: 1))
                canvas.text(fx, y, label, focused ? .selected : .plain, maxWidth: fw)
            } else if hs[i] > 1 {
                fl.input.renderWrapped(
                    into: &canvas, x: fx, y: y, width: fw, height: hs[i], focused: focused, style: .init(underline: !focused))
            } else {
                fl.input.render(into: &canvas, x: fx, y: y, width: fw, focused: focused, style: .init(underline: !focused))
            }
            y += hs[i]
        }
        // Fields scrolled out of a short form are counted on its top border (they were cut unsaid:
        // user test pass at 60×15); Tab and Shift-Tab reach them.
        let above = first
        let below = fields.count - first - shown
        if above > 0 || below > 0 {
            let more =
                " " + [above > 0 ? "↑\(above)" : nil, below > 0 ? "↓\(below)" : nil].compactMap { $0 }.joined(separator: " ")
                + lang.t(" more field(s) ", " 个字段未显示 ")
            let x = r.maxX - 2 - TextWidth.of(more)
            if x > r.x + 2 + TextWidth.of(title) + 3 { canvas.text(x, r.y, more, .accent) }
        }
        var ly = r.maxY - 1 - errorLines.count - helpLines.count
        for line in helpLines {
            canvas.text(r.x + 2, ly, line, confirmingDiscard ? Style(fg: .yellow, bold: true) : .dim, maxWidth: r.width - 4)
            ly += 1
        }
        for line in errorLines {
            canvas.text(r.x + 2, ly, line, .error, maxWidth: r.width - 4)
            ly += 1
        }
        canvas.text(r.x + 2, r.maxY - 1, " " + App.fitHints(hints, width: r.width - 6) + " ", .dim, maxWidth: r.width - 4)
    }
}
