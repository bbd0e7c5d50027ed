/// What a key does in a list dialog of records (price lines, change orders, risks): the same keys
/// everywhere — ↑/↓ (k/j) move, a adds, Enter/e edits, d deletes, u undoes, Esc/q closes.
enum ListAction: Equatable {
    case close, add, edit(Int), delete(Int), undo, stay
}

enum ListKeys {
    /// Moves `selected` within `count` rows and says what else the key asks for (edit and delete
    /// only when a row is selected).
    static func handle(_ key: Key, selected: inout Int, count: Int) -> ListAction {
        switch key {
        case .escape, .char("q"): return .close
        case .up, .char("k"): selected = max(0, selected - 1)
        case .down, .char("j"): selected = min(max(0, count - 1), selected + 1)
        case .char("a"): return .add
        case .enter, .char("e"): if selected < count { return .edit(selected) }
        case .char("d"): if selected < count { return .delete(selected) }
        case .char("u"): return .undo
        default: break
        }
        return .stay
    }

    /// The selection after deleting a row from a list of `count` rows.
    static func afterDelete(_ selected: Int, count: Int) -> Int { max(0, min(selected, count - 2)) }
}
