/// The keys of a list dialog of records (price lines, change orders, risks), the same everywhere:
/// ↑/↓ (k/j) move, a adds, Enter/e edits, d deletes, u undoes, Esc/q closes.
enum ListKeys {
    /// Applies `key` to a list of `count` rows: opens the record form (`form(state, row)`, row nil
    /// to add), deletes a row (`delete`, undoable), undoes, or closes. Returns the selection when
    /// the list stays open, nil when it closed or a form took its place.
    static func apply(
        _ key: Key, _ s: inout AppState, selected: Int, count: Int,
        form: (AppState, Int?) -> Form, delete: (inout AppState, Int) -> Void
    ) -> Int? {
        switch key {
        case .escape, .char("q"):
            s.modal = nil
            return nil
        case .up, .char("k"): return max(0, selected - 1)
        case .down, .char("j"): return min(max(0, count - 1), selected + 1)
        case .char("a"):
            s.modal = .form(form(s, nil))
            return nil
        case .enter where selected < count, .char("e") where selected < count:
            s.modal = .form(form(s, selected))
            return nil
        case .char("d") where selected < count:
            delete(&s, selected)
            return max(0, min(selected, count - 2))
        case .char("u"):
            App.undo(&s)
            return selected
        default: return selected
        }
    }
}
