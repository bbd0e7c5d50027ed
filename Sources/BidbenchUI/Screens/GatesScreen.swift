import BidbenchCore

public struct GatesState: Equatable, Sendable {
    public var vendor: String
    public var selected = 0
    public init(vendor: String) { self.vendor = vendor }
}

/// Knock-out gates of one vendor (g on the Vendors screen): its answer to every `must` requirement.
/// Space cycles meets → partly → no → (no answer); n writes the note. A `no` disqualifies the vendor.
public enum GatesScreen {
    static func handle(_ s: inout AppState, _ st0: GatesState, _ key: Key) {
        var st = st0
        let gates = Consolidation.knockoutGates(s.workspace)
        switch key {
        case .escape, .char("q"):
            s.modal = nil
            return
        case .up, .char("k"): st.selected = max(0, st.selected - 1)
        case .down, .char("j"): st.selected = min(max(0, gates.count - 1), st.selected + 1)
        case .char(" "), .enter:
            guard st.selected < gates.count else { break }
            let req = gates[st.selected].id
            let order: [GateResult?] = [nil, .meets, .partly, .no]
            let now = s.workspace.gates.first { $0.vendor == st.vendor && $0.requirement == req }?.answer
            let next = order[((order.firstIndex(of: now) ?? 0) + 1) % order.count]
            s.change(s.lang.t("\(req): \(next?.rawValue ?? "no answer")", "\(req): \(next.map { label($0, s.lang) } ?? "未答复")")) { ws in
                if let i = ws.gates.firstIndex(where: { $0.vendor == st.vendor && $0.requirement == req }) {
                    if let next { ws.gates[i].answer = next } else { ws.gates.remove(at: i) }
                } else if let next {
                    ws.gates.append(GateAnswer(vendor: st.vendor, requirement: req, answer: next))
                }
            }
        case .char("n"):
            guard st.selected < gates.count else { break }
            let req = gates[st.selected].id
            let note = s.workspace.gates.first { $0.vendor == st.vendor && $0.requirement == req }?.note ?? ""
            s.modal = .form(
                Form(
                    purpose: "gate-note:\(st.vendor):\(req)", title: "\(st.vendor) · \(req)",
                    fields: [FormField(key: "note", label: s.lang.t("Note", "说明"), text: note)]))
            return
        default: break
        }
        s.modal = .gates(st)
    }

    static func submitNote(_ s: inout AppState, _ f: Form) -> String? {
        let parts = f.purpose.split(separator: ":").map(String.init)
        guard parts.count == 3 else { return nil }
        let note = f.value("note").trimmed
        guard let i = s.workspace.gates.firstIndex(where: { $0.vendor == parts[1] && $0.requirement == parts[2] }) else {
            return s.lang.t("Give an answer first (Space)", "请先选择答复 (空格)")
        }
        s.change(s.lang.t("Note saved", "说明已保存")) { $0.gates[i].note = note }
        s.modal = .gates(GatesState(vendor: parts[1]))
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
        let r = Rect(x: 1, y: 1, width: s.width - 2, height: s.height - 3)
        let name = ws.vendors.first { $0.id == st.vendor }?.name ?? st.vendor
        c.fill(r)
        c.box(r, .accent, title: L.t("Must-have gates — \(name)", "必须项 — \(name)"))
        let gates = Consolidation.knockoutGates(ws)
        let visible = r.height - 3
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
            let line = "\(mark) \(g.id) \(TextWidth.fit(g.title, 30)) \(TextWidth.fit(answer, 8)) \(a?.note ?? "")"
            c.text(r.x + 2, y, TextWidth.fit(line, r.width - 4), i == st.selected ? style.with(reverse: true) : style)
        }
        c.text(
            r.x + 2, r.maxY - 1,
            L.t(" Space answer · n note · Esc close — a “no” knocks the vendor out ", " 空格 答复 · n 说明 · Esc 关闭 — “不满足”即淘汰 "), .dim,
            maxWidth: r.width - 4)
    }
}
