import BidbenchCore

/// Which list of a contract's delivery records a dialog of screen 5 shows.
public enum DeliveryListKind: Equatable, Sendable {
    /// Acceptance tests (`t`), support tickets (`i`), training sessions (`s`), one session's
    /// results (`r` in the sessions), the SLA terms (`S`), the handover checklist (`H`), the
    /// monthly availability (`A`).
    case tests, tickets, training
    case results(session: String)
    case sla, handover, availability
}

public struct DeliveryListState: Equatable, Sendable {
    public var kind: DeliveryListKind
    public var contract: String
    public var selected = 0
    public init(kind: DeliveryListKind, contract: String, selected: Int = 0) {
        self.kind = kind
        self.contract = contract
        self.selected = selected
    }
}

/// The list dialogs of the Delivery screen, each in its own file (`AcceptanceTestsDialog`,
/// `TicketsDialog`, `TrainingDialog`, `TrainingResultsDialog`, `SLADialog`, `HandoverDialog`,
/// `AvailabilityDialog`): this routes keys and drawing to them and draws their common frame.
enum DeliveryLists {
    static func scope(_ kind: DeliveryListKind) -> Scope {
        switch kind {
        case .tests: return .acceptanceTests
        case .tickets: return .tickets
        case .training: return .training
        case .results: return .trainingResults
        case .sla: return .slaTerms
        case .handover: return .handover
        case .availability: return .availability
        }
    }

    static func handle(_ s: inout AppState, _ st: DeliveryListState, _ cmd: Command) {
        switch st.kind {
        case .tests: AcceptanceTestsDialog.handle(&s, st, cmd)
        case .tickets: TicketsDialog.handle(&s, st, cmd)
        case .training: TrainingDialog.handle(&s, st, cmd)
        case .results(let session): TrainingResultsDialog.handle(&s, st, session: session, cmd)
        case .sla: SLADialog.handle(&s, st, cmd)
        case .handover: HandoverDialog.handle(&s, st, cmd)
        case .availability: AvailabilityDialog.handle(&s, st, cmd)
        }
    }

    static func render(_ s: AppState, _ st: DeliveryListState, into c: inout Canvas) {
        switch st.kind {
        case .tests: AcceptanceTestsDialog.render(s, st, into: &c)
        case .tickets: TicketsDialog.render(s, st, into: &c)
        case .training: TrainingDialog.render(s, st, into: &c)
        case .results(let session): TrainingResultsDialog.render(s, st, session: session, into: &c)
        case .sla: SLADialog.render(s, st, into: &c)
        case .handover: HandoverDialog.render(s, st, into: &c)
        case .availability: AvailabilityDialog.render(s, st, into: &c)
        }
    }

    /// Applies the list keys (move, add, edit, delete, undo, close) and keeps the dialog open on
    /// the new selection; any other command leaves it as it is.
    static func listKeys(
        _ s: inout AppState, _ st: DeliveryListState, _ cmd: Command, count: Int, form: (AppState, Int?) -> Form,
        delete: (inout AppState, Int) -> Void
    ) {
        guard let selected = ListKeys.apply(cmd, &s, selected: st.selected, count: count, form: form, delete: delete) else { return }
        var next = st
        next.selected = selected
        s.modal = .deliveryList(next)
    }

    /// The list keys of a dialog whose rows are records of one delivery table (`idx`: their
    /// workspace indices, in the list's order): a row's form opens on its workspace index, and `d`
    /// removes the record with the message `deleted` writes for it (undone by `u`).
    static func recordKeys<T>(
        _ s: inout AppState, _ st: DeliveryListState, _ cmd: Command, _ table: WritableKeyPath<DeliveryRecords, [T]>,
        rows idx: [Int], form: (AppState, Int?) -> Form, deleted: (T, Lang) -> String
    ) {
        listKeys(
            &s, st, cmd, count: idx.count, form: { form($0, $1.map { idx[$0] }) },
            delete: { s, row in
                s.change(deleted(s.workspace.delivery[keyPath: table][idx[row]], s.lang)) {
                    $0.delivery[keyPath: table].remove(at: idx[row])
                }
            })
    }

    /// The frame of a list dialog: a titled box, the table with the selected row in full under it,
    /// a line when the list is empty, and the dialog's keys at the bottom.
    static func frame(
        _ s: AppState, _ st: DeliveryListState, title: String, columns: [Column], flex: Int, rows: [[String]], detail: String?,
        empty: String, into c: inout Canvas, header: String? = nil
    ) {
        let r = Rect(x: 1, y: 1, width: s.width - 2, height: App.body(s).height)
        c.fill(r)
        c.box(r, .accent, title: TextWidth.clip(title, to: max(6, r.width - 6)))
        var box = r
        if let header {
            // The header wraps (at most a third of the box): nothing in it is cut off.
            let lines = TextWidth.wrap(header, r.width - 4).prefix(max(1, r.height / 3))
            for (i, line) in lines.enumerated() { c.text(r.x + 2, r.y + 1 + i, line, .dim, maxWidth: r.width - 4) }
            box = Rect(x: r.x, y: r.y + lines.count, width: r.width, height: r.height - lines.count)
        }
        // Columns widen to their widest entry when the flexible one keeps its own width: a tester
        // `生产部 孙建…` was cut while the criterion had 40 cells to spare (user test pass).
        var widened = columns
        for i in widened.indices where i != flex {
            let widest = rows.map { i < $0.count ? TextWidth.of($0[i]) : 0 }.max() ?? 0
            widened[i].width = max(widened[i].width, widest, TextWidth.of(widened[i].title))
        }
        let others = widened.enumerated().filter { $0.offset != flex }.map(\.element.width).reduce(0, +) + widened.count - 1
        let cols = TableView.layout(r.width - 4 - others >= columns[flex].width ? widened : columns, total: r.width - 4, flex: flex)
        TableView.renderWithDetail(into: &c, box: box, columns: cols, rows: rows, selected: st.selected, detail: detail)
        if rows.isEmpty { c.text(box.x + 2, box.y + 2, empty, .dim, maxWidth: r.width - 4) }
        c.text(r.x + 2, r.maxY - 1, " " + App.fitHints(KeyMap.hints(for: [scope(st.kind)], s), width: r.width - 6) + " ", .dim)
    }

    /// The workspace indices of the rows of `contract` in `rows`, in file order.
    static func indices<T>(_ rows: [T], _ contract: String, _ key: (T) -> String) -> [Int] {
        rows.indices.filter { key(rows[$0]) == contract }
    }

    /// Where the contract's delivery stands today (for figures shown in the dialogs). The dialogs sit
    /// over screen 5, whose refresh keeps this contract's delivery for the workspace revision: that
    /// one is used rather than building it again each frame (which may scan the contract's text).
    static func delivery(_ s: AppState, _ contract: String) -> ContractDelivery? {
        if let k = s.delivery.cached, k.revision == s.revision, k.contract == contract, k.today == s.today { return k.delivery }
        return s.workspace.contracts.first { $0.id == contract }.map { DeliveryStatus.build(s.workspace, contract: $0, today: s.today) }
    }

    /// `R01;R03`, `R01, R03`, `R01、R03`: the ids in a cell.
    static func ids(_ text: String) -> [String] {
        text.split(whereSeparator: { ";, ；，、".contains($0) }).map(String.init)
    }

    /// An optional date field: nil when empty, a refusal when it does not read.
    static func optionalDay(_ f: Form, _ key: String, _ L: Lang) -> Result<Day?, FormRefusal> {
        let t = normalizedDigits(f.value(key)).trimmed
        if t.isEmpty { return .success(nil) }
        guard let d = Day(typed: t) else { return .failure(FormRefusal.badDate(L, t, field: key, label: f.label(of: key))) }
        return .success(d)
    }

    /// The id after `last`: its trailing number plus one, as wide (`A1.7` → `A1.8`, `K009` → `K010`).
    static func bump(_ last: String?, default d: String) -> String {
        guard let last else { return d }
        let digits = String(last.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
        guard let n = Int(digits) else { return d }
        let next = String(n + 1)
        return String(last.dropLast(digits.count)) + String(repeating: "0", count: max(0, digits.count - next.count)) + next
    }

    /// A number field: nil when empty; a refusal naming the field when it does not read or is outside `range`.
    static func number(
        _ f: Form, _ key: String, _ L: Lang, range: ClosedRange<Double>, what: (en: String, zh: String)
    ) -> Result<Double?, FormRefusal> {
        let t = normalizedDigits(f.value(key)).trimmed
        if t.isEmpty { return .success(nil) }
        let bare = t.hasSuffix("%") ? String(t.dropLast()).trimmed : t
        guard let v = formDecimal(bare), v >= range.lowerBound, v <= range.upperBound else {
            let (a, b) = (NumberText.upTo(range.lowerBound, 1), NumberText.upTo(range.upperBound, 1))
            return .failure(
                FormRefusal(
                    L.t("\(what.en) must be a number from \(a) to \(b), not “\(t)”", "\(what.zh)须为 \(a) 到 \(b) 之间的数, 而不是 “\(t)”"),
                    field: key))
        }
        return .success(v)
    }
}
