/// The commands of a list dialog of records (departments, price lines, change orders, risks), the
/// same everywhere (bound in `KeyMap.listBindings`): move, add, edit, delete, undo, close.
enum ListKeys {
    /// Applies `cmd` to a list of `count` rows: opens the record form (`form(state, row)`, row nil
    /// to add), deletes a row (`delete`, undoable), undoes, or closes. Returns the selection when
    /// the list stays open, nil when it closed or a form took its place.
    static func apply(
        _ cmd: Command, _ s: inout AppState, selected: Int, count: Int,
        form: (AppState, Int?) -> Form, delete: (inout AppState, Int) -> Void
    ) -> Int? {
        switch cmd {
        case .close:
            s.modal = nil
            return nil
        case .up: return max(0, selected - 1)
        case .down: return min(max(0, count - 1), selected + 1)
        case .top: return 0
        case .bottom: return max(0, count - 1)
        case .add:
            s.modal = .form(form(s, nil))
            return nil
        case .edit where selected < count:
            s.modal = .form(form(s, selected))
            return nil
        case .delete where selected < count:
            delete(&s, selected)
            return max(0, min(selected, count - 2))
        case .edit, .delete:
            s.say(s.lang.t("The list is empty: a adds", "列表为空: 按 a 新增"), error: true)
            return selected
        case .undo:
            App.undo(&s)
            return selected
        default: return selected
        }
    }
}
