import BidbenchCore

/// A key press, already decoded by the terminal layer.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    case f(Int)

    /// Short name for help texts: `a`, `Enter`, `Ctrl-R`, `↑`.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .f(let n): return "F\(n)"
        }
    }
}

/// Everything that can happen to the app: input from the terminal, and results of effects.
public enum Event: Sendable {
    case key(Key)
    /// A left click at a cell.
    case click(x: Int, y: Int)
    case scroll(up: Bool)
    case resize(width: Int, height: Int)
    /// A save finished or failed, with the message to show (the host keeps the saved workspace).
    case saved(message: String)
    case saveFailed(message: String)
    /// A save was refused because files this session edited changed on disk: the user chooses
    /// (reload, overwrite or cancel). Changes by others to files not edited here are picked up live.
    case changedOnDisk(files: [String])
    /// The workspace with a file imported into it (one undoable change), with a message. A reload
    /// comes back as `reloaded`.
    case replaced(workspace: BidbenchCore.Workspace, message: String)
    /// The workspace as it is on disk now (after `Effect.reload`): replaces the data and clears
    /// undo, keeps the session.
    case reloaded(workspace: BidbenchCore.Workspace, location: String, problems: [String])
    case failed(message: String)
    /// Something finished that changes nothing in the workspace (a report was written).
    case notice(message: String)
    /// An import was refused: every problem, as `file:line: field: message`.
    case importRefused(file: String, problems: [String])
    /// No input for a while (the host looks at the disk meanwhile); changes nothing.
    case idle
    /// Files changed on disk by someone else: the whole workspace as now on disk, the files that
    /// changed, and each score sheet's modification time.
    /// `completed`: files whose save another Bidbench left half done when it stopped, completed by
    /// this pickup's load (said, so nobody wonders whose save it was).
    case diskChanged(workspace: BidbenchCore.Workspace, files: [String], sheetTimes: [String: String], completed: [String] = [])
    /// Files changed on disk do not load (`file:line: field: message`); nothing was taken from them
    /// but `blind`: the workspace on disk is blind (or its `workspace.json` unreadable), which a
    /// revealed session takes at once (fail safe: a hide that arrived with a bad file left every
    /// score on the other screens).
    case diskProblems(problems: [String], sheetTimes: [String: String], blind: Bool = false)
    /// The host finished opening the workspace (`AppState.checking`): the whole of it (with what the
    /// first frame did without) and every problem as `file:line: field: message` (none: it may be saved).
    case opened(workspace: BidbenchCore.Workspace, problems: [String])
    /// A job asked for with `Effect.compute` is done.
    case computed(JobResult)
    /// The lock another Bidbench held (`AppState.lockNote`) is now this session's: that one closed.
    case lockTaken
}

/// Work the reducer leaves to the host because it takes longer than a keystroke may: `App.perform`
/// does it (pure, on any thread the host likes) and the result comes back as `Event.computed`.
public enum Job: Equatable, Sendable {
    /// The Vendors screen's evaluation (ranking, sensitivity, panel progress) of this state.
    case ranking(AppState)
    /// The scan of a contract text with the workspace's playbook; `key` names what was scanned.
    case contractScan(key: String, text: String, playbook: [PlaybookEntry])
}

/// What a `Job` produced.
public enum JobResult: Sendable {
    case ranking(VendorsCache)
    case contractScan(key: String, scan: ContractScan)
}

/// I/O the app asks the outside world to do; the result comes back as an `Event`.
public enum Effect: Equatable, Sendable {
    case save(Workspace, force: Bool)
    case reload
    /// Look at the disk now (`:reload`) and send what changed as `diskChanged`.
    case checkDisk
    case importFile(kind: String, path: String, encoding: String)
    /// Write the meeting report (`html` or `md`) of the current workspace; nil path = in the workspace folder.
    case writeReport(format: String, path: String?)
    /// Write the handout of a meeting (`html` or `md`); nil path = `handout-KIND-DATE.EXT` in the workspace folder
    /// (`handout-KIND-DATE-en.EXT` in the language that is not the workspace's).
    case writeHandout(kind: HandoutKind, format: String, path: String?)
    /// Keep a what-if as a named scenario: only `scenarios.csv` is written, whatever else is unsaved.
    case saveScenario(NamedScenario)
    /// Export a table (`requirements`, `vendors`…) for people (UI language, names, words) or in the
    /// machine form that imports back; `department` keeps one department's rows; nil path = in the workspace folder.
    case export(table: String, forPeople: Bool, department: String?, path: String?)
    /// Work to do off the key path (`App.perform`); its result comes back as `Event.computed`.
    case compute(Job)
    case quit
}

extension Event {
    /// A key, a click or an import: what a person does to change the workspace (not a result of
    /// the disk: a reload or others' changes merged in).
    var isUserEdit: Bool {
        switch self {
        case .key, .click, .replaced: return true
        default: return false
        }
    }
}
