import BidbenchCore

/// The commands of a list dialog of records (departments, price lines, change orders, risks, the
/// delivery lists), the same everywhere (bound in `KeyMap.listBindings`): move, add, edit, delete,
/// undo, close; and the writing of a record saved from the dialog's form.
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
            guard confirmedDelete(&s, row: selected) else { return selected }
            delete(&s, selected)
            return max(0, min(selected, count - 2))
        case .edit, .delete:
            s.say(s.lang.t("The list is empty: a adds", "列表为空: 按 a 新增"), error: true)
            return selected
        case .undo:
            App.undo(&s)
            return selected
        case .redo:
            App.redo(&s)
            return selected
        default: return selected
        }
    }

    /// Whether `d` on `row` was pressed just before too: a list's `d` asks first, as everywhere
    /// (DESIGN §5) — `d` again on the same row deletes it, any other key keeps it (it deleted at
    /// once in the lists and on screen 5, while screens 1 and 2 asked: user test pass). False: asked now.
    static func confirmedDelete(_ s: inout AppState, row: Int, question: String? = nil) -> Bool {
        if s.armedDeleteBefore == row { return true }
        s.armedDelete = row
        s.say(
            question
                ?? s.lang.t(
                    "Delete this row? d again deletes it (u undoes); any other key keeps it", "删除这一行? 再按 d 删除 (可按 u 撤销); 按其他键保留"))
        return false
    }

    /// Writes a list dialog's record into its table as one undoable change: over workspace row
    /// `index` (when there is one), keeping the columns Bidbench does not know, with `updated` as the
    /// message and `alsoOnUpdate` (given the record it replaces) in the same change; else added at
    /// `insertAt` (the end by default), with `added` as the message.
    static func save<T: KeepsUnknownColumns>(
        _ s: inout AppState, _ record: T, at index: Int?, in table: WritableKeyPath<Workspace, [T]>, updated: String, added: String,
        insertAt: ([T]) -> Int = { $0.count }, alsoOnUpdate: (inout Workspace, _ replaced: T) -> Void = { _, _ in }
    ) {
        var record = record
        if let index, index < s.workspace[keyPath: table].count {
            let replaced = s.workspace[keyPath: table][index]
            record.extra = replaced.extra
            s.change(updated) { ws in
                ws[keyPath: table][index] = record
                alsoOnUpdate(&ws, replaced)
            }
        } else {
            s.change(added) { $0[keyPath: table].insert(record, at: insertAt($0[keyPath: table])) }
        }
    }
}

/// A record that carries the columns of its file Bidbench does not know, kept when a list dialog
/// writes the record again.
protocol KeepsUnknownColumns {
    var extra: [String: String] { get set }
}

extension ChangeOrder: KeepsUnknownColumns {}
extension Risk: KeepsUnknownColumns {}
extension AcceptanceTest: KeepsUnknownColumns {}
extension SupportTicket: KeepsUnknownColumns {}
extension TrainingSession: KeepsUnknownColumns {}
extension TrainingResult: KeepsUnknownColumns {}
extension SLATerm: KeepsUnknownColumns {}
extension AvailabilityRecord: KeepsUnknownColumns {}
