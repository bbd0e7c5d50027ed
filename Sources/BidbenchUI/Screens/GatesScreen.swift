import BidbenchCore

public struct GatesState: Equatable, Sendable {
    public var vendor: String
    public var selected = 0
    public init(vendor: String, selected: Int = 0) {
        self.vendor = vendor
        self.selected = selected
    }
}

/// Knock-out gates of one vendor (g on the Vendors screen): its answer to every `must` requirement,
/// one key each: y meets, p partly, x does not meet (asks first: it knocks the vendor out), Del no
/// answer; n (or Enter) writes the note.
public enum GatesScreen {
    static func handle(_ s: inout AppState, _ st0: GatesState, _ cmd: Command) {
        var st = st0
        let gates = Consolidation.knockoutGates(s.workspace)
        let req = st.selected < gates.count ? gates[st.selected].id : nil
        switch cmd {
        case .close:
            s.modal = nil
            return
        case .up: st.selected = max(0, st.selected - 1)
        case .down: st.selected = min(max(0, gates.count - 1), st.selected + 1)
        case .top: st.selected = 0
        case .bottom: st.selected = max(0, gates.count - 1)
        case .undo: App.undo(&s)
        case .redo: App.redo(&s)
        case .answerMeets, .answerPartly, .answerClear:
            guard let req else { break }
            setAnswer(&s, vendor: st.vendor, requirement: req, cmd == .answerMeets ? .meets : (cmd == .answerPartly ? .partly : nil))
        case .answerNo:
            guard let req else { break }
            let name = s.workspace.vendors.first { $0.id == st.vendor }?.name ?? st.vendor
            s.modal = .confirm(
                question: s.lang.t(
                    "\(name) does not meet \(req)? This knocks \(name) out of the ranking. (y yes / n no)",
                    "\(name) 不满足 \(req)? 这会把 \(name) 淘汰出排名。(y 是 / n 否)"),
                action: .knockOut(vendor: st.vendor, requirement: req, selected: st.selected))
            return
        case .note:
            guard let req else { break }
            let note = s.workspace.gates.first { $0.vendor == st.vendor && $0.requirement == req }?.note ?? ""
            s.modal = .form(
                Form(
                    target: .gateNote(vendor: st.vendor, requirement: req), title: "\(st.vendor) · \(req)",
                    fields: [FormField(key: "note", label: s.lang.t("Note", "说明"), text: note, kind: .long)]))
            return
        default: break
        }
        s.modal = .gates(st)
    }

    /// Sets (or with nil clears) a vendor's answer to a gate, as one undoable change.
    static func setAnswer(_ s: inout AppState, vendor: String, requirement req: String, _ answer: GateResult?) {
        s.change(s.lang.t("\(req): \(answer?.rawValue ?? "no answer")", "\(req): \(answer.map { label($0, s.lang) } ?? "未答复")")) { ws in
            if let i = ws.gates.firstIndex(where: { $0.vendor == vendor && $0.requirement == req }) {
                if let answer { ws.gates[i].answer = answer } else { ws.gates.remove(at: i) }
            } else if let answer {
                ws.gates.append(GateAnswer(vendor: vendor, requirement: req, answer: answer))
            }
        }
    }

    static func submitNote(_ s: inout AppState, _ f: Form, vendor: String, requirement: String) -> FormRefusal? {
        let note = f.value("note").trimmed
        guard let i = s.workspace.gates.firstIndex(where: { $0.vendor == vendor && $0.requirement == requirement }) else {
            return FormRefusal(s.lang.t("Give an answer first (y, p or x)", "请先选择答复 (y、p 或 x)"), field: "note")
        }
        s.change(s.lang.t("Note recorded", "说明已记下")) { $0.gates[i].note = note }
        return nil
    }

    static func label(_ r: GateResult, _ L: Lang) -> String {
        switch r {
        case .meets: return L.t("meets", "满足")
        case .partly: return L.t("partly", "部分满足")
        case .no: return L.t("no", "不满足")
        }
    }

    static func render(_ s: AppState, _ st: GatesState, into c: inout Canvas) {
        let L = s.lang
        let ws = s.workspace
        let r = Rect(x: 1, y: 1, width: s.width - 2, height: App.body(s).height)
        let name = ws.vendors.first { $0.id == st.vendor }?.name ?? st.vendor
        c.fill(r)
        c.box(r, .accent, title: L.t("Must-have gates — \(name)", "必须项 — \(name)"))
        let gates = Consolidation.knockoutGates(ws)
        // The selected gate in full at the bottom: its title and the answer's note, wrapped.
        var detail: [String] = []
        if st.selected < gates.count {
            let g = gates[st.selected]
            let note = ws.gates.first { $0.vendor == st.vendor && $0.requirement == g.id }?.note ?? ""
            detail = TextWidth.wrap("\(g.id) \(g.title)" + (note.isEmpty ? "" : " — \(L.t("note", "说明")): \(note)"), r.width - 4)
            detail = Array(detail.prefix(max(0, (r.height - 4) / 3)))
        }
        for (i, line) in detail.enumerated() { c.text(r.x + 2, r.maxY - 1 - detail.count + i, line, .dim, maxWidth: r.width - 4) }
        let visible = r.height - 3 - (detail.isEmpty ? 0 : detail.count + 1)
        let top = max(0, min(st.selected - visible / 2, gates.count - visible))
        for (i, g) in gates.enumerated().dropFirst(max(0, top)).prefix(visible) {
            let y = r.y + 1 + i - max(0, top)
            let a = ws.gates.first { $0.vendor == st.vendor && $0.requirement == g.id }
            let (mark, style): (String, Style) =
                switch a?.answer {
                case .meets?: ("✔", .good)
                case .partly?: ("◐", .warn)
                case .no?: ("✗", .error)
                case nil: ("?", .dim)
                }
            let answer = a.map { label($0.answer, L) } ?? L.t("no answer", "未答复")
            let line = "\(mark) \(g.id) \(TextWidth.fit(g.title, 30)) \(TextWidth.fit(answer, 10)) \(a?.note ?? "")"
            c.text(r.x + 2, y, TextWidth.fit(line, r.width - 4), i == st.selected ? style.with(reverse: true) : style)
        }
        c.text(
            r.x + 2, r.maxY - 1, " " + App.fitHints(KeyMap.hints(for: [.gates], s), width: r.width - 6) + " ", .dim, maxWidth: r.width - 4)
    }
}
