import BidbenchCore

/// The four screens.
public enum ScreenID: Int, Sendable, CaseIterable {
    case requirements = 0
    case vendors, budget, contracts

    public func title(_ lang: Lang) -> String {
        switch self {
        case .requirements: return lang.t("Requirements", "需求")
        case .vendors: return lang.t("Vendors", "供应商")
        case .budget: return lang.t("Budget", "预算")
        case .contracts: return lang.t("Contracts", "合同")
        }
    }
    var scope: Scope {
        switch self {
        case .requirements: return .requirements
        case .vendors: return .vendors
        case .budget: return .budget
        case .contracts: return .contracts
        }
    }
}

/// What is open on top of the screen.
public enum Modal: Equatable, Sendable {
    case help
    case form(Form)
    /// A yes/no question; `action` says what a yes does.
    case confirm(question: String, action: ConfirmAction)
    /// A one-line prompt: search or command line.
    case prompt(kind: PromptKind, field: TextField)
    /// Files changed on disk: reload, overwrite or cancel.
    case changedOnDisk(files: [String])
    /// The workspace's load problems (it opened read-only).
    case problems
    case survey(SurveyState)
    case duplicates(DuplicatesState)
    case departments(DepartmentsState)
    case gates(GatesState)
    case ahp(AHPState)
    case prices(PricesState)
    case risks(RisksState)
    case changes(ChangesState)
    /// After the reveal: one cell's scores by evaluator.
    case cellDetail(CellDetailState)
    /// Files changed on disk that this session had edited too: mine or theirs, one file at a time.
    case diskConflict([DiskConflict])
    /// A list of messages to read (e.g. why an import was refused).
    case messages(title: String, lines: [String])
}

public enum ConfirmAction: Equatable, Sendable {
    case deleteRequirement(id: String)
    case deleteVendor(id: String)
    case quitUnsaved
    /// Reveal the panel although an evaluator has not finished.
    case reveal
}

public enum PromptKind: Equatable, Sendable { case search, command }

/// The whole state of the app: a value, changed only by `App.reduce`.
public struct AppState: Equatable, Sendable {
    public var workspace: Workspace {
        didSet { revision &+= 1 }
    }
    /// Counts changes of the workspace, so screens can keep results computed from it until it changes.
    public private(set) var revision = 0
    public var lang: Lang
    public var width: Int
    public var height: Int
    public var screen: ScreenID = .requirements
    public var modal: Modal?
    /// Where the workspace lives (shown in the title bar).
    public var location: String
    /// Problems found at load: the workspace is read-only while there are any.
    public var problems: [String]
    public var dirty = false
    /// Set by `y` at the quit question and by `:wq`: the next successful save quits.
    public var quitAfterSave = false
    public var message: String?
    public var messageIsError = false
    public var undoStack: [Workspace] = []
    public var redoStack: [Workspace] = []
    public var requirements = RequirementsState()
    public var vendors = VendorsState()
    public var budget = BudgetState()
    public var contracts = ContractsState()
    public var lastSearch = ""
    /// The evaluator scoring in this session (`--as NAME`); nil for the lead.
    public var evaluator: String?
    /// When each evaluator's sheet last changed on disk (`YYYY-MM-DD HH:MM`), given by the host.
    public var sheetTimes: [String: String] = [:]
    /// The workspace as last loaded or saved (what is on disk as far as this session knows): files
    /// changed by others are merged against it, part by part.
    public var base: Workspace
    /// Today's date, given by the host so that renders are repeatable in tests.
    public var today: Day

    public init(workspace: Workspace, location: String, problems: [String] = [], lang: Lang, width: Int, height: Int, today: Day) {
        self.today = today
        self.workspace = workspace
        self.base = workspace
        self.location = location
        self.problems = problems
        self.lang = lang
        self.width = width
        self.height = height
        if !problems.isEmpty { modal = .problems }
        // The vendor ranking is computed with the workspace, not on the first visit to the Vendors
        // screen: on a large workspace it is ~15 ms, nothing next to loading it, but a key's budget.
        VendorsScreen.refresh(&self, onAnyScreen: true)
    }

    public var readOnly: Bool { !problems.isEmpty }

    /// Why nothing can be changed: the problems listed at opening (a lock held by another Bidbench
    /// or errors in the files).
    public var readOnlyReason: String {
        lang.t(
            "Read-only: see the problems listed at opening (another Bidbench holds the lock, or a file has errors)",
            "只读: 见打开时列出的问题 (另一个 Bidbench 正在使用此工作区, 或文件有错误)")
    }

    /// Replaces the workspace as one undoable step.
    public mutating func change(_ message: String? = nil, _ edit: (inout Workspace) -> Void) {
        guard !readOnly else {
            self.message = readOnlyReason
            messageIsError = true
            return
        }
        var next = workspace
        edit(&next)
        if let message {
            self.message = message
            messageIsError = false
        }
        // A change that changes nothing (a weight already at 0 lowered again) is no undo step.
        guard next != workspace else { return }
        undoStack.append(workspace)
        if undoStack.count > 200 { undoStack.removeFirst() }
        redoStack.removeAll()
        workspace = next
        dirty = true
    }

    public mutating func say(_ text: String, error: Bool = false) {
        message = text
        messageIsError = error
    }
}

/// The smallest terminal the screens are designed for.
public let minimumSize = (width: 60, height: 15)

/// The reducer and the renderer of the whole app.
public enum App {
    /// Applies an event to the state; returns the I/O to do.
    public static func reduce(_ s: inout AppState, _ event: Event) -> [Effect] {
        let effects = apply(&s, event)
        ContractsScreen.refresh(&s)
        VendorsScreen.refresh(&s)
        return effects
    }

    /// Undoes the last change (also from a list dialog, whose delete message offers `u`).
    static func undo(_ s: inout AppState) {
        if let prev = s.undoStack.popLast() {
            s.redoStack.append(s.workspace)
            s.workspace = prev
            s.dirty = true
            clampSelections(&s)
            s.say(s.lang.t("Undone", "已撤销"))
        } else {
            s.say(s.lang.t("Nothing to undo", "没有可撤销的修改"))
        }
    }

    /// The list dialog a record form was opened from (Esc in the form goes back to it), if any.
    static func listBehind(_ purpose: String) -> Modal? {
        let parts = purpose.split(separator: ":", maxSplits: 2).map(String.init)
        switch parts.first {
        case "risk": return .risks(RisksState(selected: parts.count > 1 ? Int(parts[1]) ?? 0 : 0))
        case "change" where parts.count == 3: return .changes(ChangesState(contract: parts[1]))
        case "price" where parts.count == 3: return .prices(PricesState(vendor: parts[1]))
        default: return nil
        }
    }

    static func apply(_ s: inout AppState, _ event: Event) -> [Effect] {
        switch event {
        case .resize(let w, let h):
            s.width = w
            s.height = h
            return []
        case .saved(let msg):
            s.dirty = false
            s.base = s.workspace
            s.say(msg)
            s.vendors.previousRanks = [:]
            if s.quitAfterSave { return [.quit] }
            return []
        case .saveFailed(let msg), .failed(let msg):
            s.quitAfterSave = false
            s.say(msg, error: true)
            return []
        case .notice(let msg):
            s.say(msg)
            return []
        case .idle:
            return []
        case .diskChanged(let ws, let files, let times):
            DiskChangesScreen.arrived(&s, disk: ws, files: files, sheetTimes: times)
            return []
        case .diskProblems(let problems, let times):
            s.sheetTimes = times
            s.say(
                s.lang.t("Not loaded (the last good version stays; the file is not overwritten): ", "未加载 (保留上一个正确版本; 不会覆盖该文件): ")
                    + problems.joined(separator: "; "), error: true)
            return []
        case .importRefused(let file, let problems):
            s.modal = .messages(
                title: s.lang.t("Import refused: \(file) — nothing was imported", "导入被拒绝: \(file) — 未导入任何内容"), lines: problems)
            s.say(s.lang.t("\(problems.count) problem(s) in \(file)", "\(file) 中有 \(problems.count) 个问题"), error: true)
            return []
        case .changedOnDisk(let files):
            s.quitAfterSave = false
            s.modal = .changedOnDisk(files: files)
            return []
        case .replaced(let ws, let msg):
            if s.readOnly {
                s.say(s.readOnlyReason, error: true)
                return []
            }
            s.undoStack.append(s.workspace)
            s.redoStack.removeAll()
            s.workspace = ws
            s.dirty = true
            s.say(msg)
            clampSelections(&s)
            return []
        case .click(let x, let y):
            return click(&s, x: x, y: y)
        case .scroll(let up):
            return reduce(&s, .key(up ? .up : .down))
        case .key(let key):
            return handleKey(&s, key)
        }
    }

    static func handleKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        // A terminal too small shows only a message: keys must not reach a form the user cannot see.
        if s.width < minimumSize.width || s.height < minimumSize.height {
            if key == .char("q") || key == .ctrl("c") {
                if case .confirm(_, .quitUnsaved)? = s.modal { return [] }
                return quit(&s)
            }
            return []
        }
        if let modal = s.modal { return handleModal(&s, modal, key) }
        // Screen-specific bindings first.
        let screenEffects: [Effect]?
        switch s.screen {
        case .requirements: screenEffects = RequirementsScreen.handle(&s, key)
        case .vendors: screenEffects = VendorsScreen.handle(&s, key)
        case .budget: screenEffects = BudgetScreen.handle(&s, key)
        case .contracts: screenEffects = ContractsScreen.handle(&s, key)
        }
        if let e = screenEffects { return e }
        guard let cmd = KeyMap.command(for: key, in: .global) else { return [] }
        switch cmd {
        case .screen1: s.screen = .requirements
        case .screen2: s.screen = .vendors
        case .screen3: s.screen = .budget
        case .screen4: s.screen = .contracts
        case .nextScreen: s.screen = ScreenID(rawValue: (s.screen.rawValue + 1) % 4)!
        case .prevScreen: s.screen = ScreenID(rawValue: (s.screen.rawValue + 3) % 4)!
        case .help: s.modal = .help
        case .undo: undo(&s)
        case .redo:
            if let next = s.redoStack.popLast() {
                s.undoStack.append(s.workspace)
                s.workspace = next
                s.dirty = true
                clampSelections(&s)
                s.say(s.lang.t("Redone", "已重做"))
            } else {
                s.say(s.lang.t("Nothing to redo", "没有可重做的修改"))
            }
        case .save: return save(&s)
        case .quit: return quit(&s)
        case .commandLine: s.modal = .prompt(kind: .command, field: TextField())
        case .cancel: s.message = nil
        default: break
        }
        return []
    }

    static func save(_ s: inout AppState) -> [Effect] {
        if s.readOnly {
            s.quitAfterSave = false
            s.say(s.readOnlyReason, error: true)
            return []
        }
        return [.save(s.workspace, force: false)]
    }

    static func quit(_ s: inout AppState) -> [Effect] {
        if s.dirty {
            s.modal = .confirm(
                question: s.lang.t(
                    "Unsaved changes. Save before quitting? (y save / n discard / Esc cancel)",
                    "有未保存的修改。退出前保存吗? (y 保存 / n 不保存 / Esc 取消)"), action: .quitUnsaved)
            return []
        }
        return [.quit]
    }

    static func handleModal(_ s: inout AppState, _ modal: Modal, _ key: Key) -> [Effect] {
        switch modal {
        case .help, .problems, .messages:
            if key == .escape || key == .char("q") || key == .char("?") || key == .enter { s.modal = nil }
            return []
        case .confirm(_, let action):
            switch key {
            case .char("y"), .char("Y"):
                switch action {
                case .quitUnsaved:
                    s.modal = nil
                    s.quitAfterSave = true  // quits when `.saved` arrives
                    return save(&s)
                case .deleteRequirement(let id):
                    s.modal = nil
                    RequirementsScreen.delete(&s, id: id)
                case .deleteVendor(let id):
                    s.modal = nil
                    VendorsScreen.delete(&s, id: id)
                case .reveal:
                    s.modal = nil
                    return VendorsScreen.setRevealed(&s, true)
                }
            case .char("n"), .char("N"):
                s.modal = nil
                if action == .quitUnsaved { return [.quit] }
            case .escape: s.modal = nil
            default: break
            }
            return []
        case .changedOnDisk:
            switch key {
            case .char("r"):
                s.modal = nil
                return [.reload]
            case .char("o"):
                s.modal = nil
                return [.save(s.workspace, force: true)]
            case .escape, .char("c"):
                s.modal = nil
                s.say(s.lang.t("Save cancelled", "已取消保存"))
            default: break
            }
            return []
        case .survey(let st):
            SurveyScreen.handle(&s, st, key)
            return []
        case .duplicates(let st):
            DuplicatesScreen.handle(&s, st, key)
            return []
        case .departments(let st):
            DepartmentsScreen.handle(&s, st, key)
            return []
        case .gates(let st):
            GatesScreen.handle(&s, st, key)
            return []
        case .ahp(let st):
            AHPScreen.handle(&s, st, key)
            return []
        case .prices(let st):
            PricesScreen.handle(&s, st, key)
            return []
        case .risks(let st):
            RisksScreen.handle(&s, st, key)
            return []
        case .changes(let st):
            ChangesScreen.handle(&s, st, key)
            return []
        case .cellDetail(let st):
            CellDetailScreen.handle(&s, st, key)
            return []
        case .diskConflict(let list):
            DiskChangesScreen.handle(&s, list, key)
            return []
        case .form(var form):
            switch form.handle(key) {
            case .stay: s.modal = .form(form)
            case .cancel:
                s.modal = listBehind(form.purpose)
                s.say(s.lang.t("Cancelled", "已取消"))
            case .submit:
                // Read-only: keep the form and what was typed, and say why nothing can be saved.
                if s.readOnly {
                    form.error = s.readOnlyReason
                    s.modal = .form(form)
                    return []
                }
                s.modal = nil
                let error: String?
                if form.purpose.hasPrefix("vendor") {
                    error = VendorsScreen.submit(&s, form)
                } else if form.purpose.hasPrefix("score:") {
                    error = VendorsScreen.submitScore(&s, form)
                } else if form.purpose.hasPrefix("review-note:") {
                    error = ContractsScreen.submitNote(&s, form)
                } else if form.purpose.hasPrefix("gate-note:") {
                    error = GatesScreen.submitNote(&s, form)
                } else if form.purpose.hasPrefix("price:") {
                    error = PricesScreen.submit(&s, form)
                } else if form.purpose.hasPrefix("risk:") {
                    error = RisksScreen.submit(&s, form)
                } else if form.purpose.hasPrefix("change:") {
                    error = ChangesScreen.submit(&s, form)
                } else if form.purpose.hasPrefix("dept") {
                    error = DepartmentsScreen.submit(&s, form)
                } else {
                    error = RequirementsScreen.submit(&s, form)
                }
                if let error {
                    form.error = error
                    s.modal = .form(form)
                }
            }
            return []
        case .prompt(let kind, var field):
            switch key {
            case .escape: s.modal = nil
            case .enter:
                s.modal = nil
                if kind == .search {
                    s.lastSearch = field.text
                    RequirementsScreen.searchNext(&s, forward: true, includeCurrent: true)
                } else {
                    return runCommand(&s, field.text)
                }
            default:
                _ = field.handle(key)
                s.modal = .prompt(kind: kind, field: field)
            }
            return []
        }
    }

    /// `:` commands.
    static func runCommand(_ s: inout AppState, _ line: String) -> [Effect] {
        let words = line.split(separator: " ").map(String.init)
        guard let verb = words.first else { return [] }
        switch verb {
        case "w", "write": return save(&s)
        case "q", "quit": return quit(&s)
        case "q!": return [.quit]
        case "wq", "x":
            s.quitAfterSave = true
            return save(&s)
        case "lang" where words.count == 2:
            s.lang = Lang(guess: words[1])
            return []
        case "import" where words.count >= 3:
            let enc = words.count >= 4 ? words[3] : "utf-8"
            return [.importFile(kind: words[1], path: words[2], encoding: enc)]
        case "help":
            s.modal = .help
            return []
        case "reload", "e":
            return [.checkDisk]
        case "report":
            let format = words.count >= 2 ? words[1] : "html"
            guard format == "html" || format == "md" else {
                s.say(s.lang.t("Usage: :report [html|md] [FILE]", "用法: :report [html|md] [文件]"), error: true)
                return []
            }
            return [.writeReport(format: format, path: words.count >= 3 ? words[2] : nil)]
        default:
            s.say(s.lang.t("Unknown command: \(line)", "未知命令: \(line)"), error: true)
            return []
        }
    }

    static func click(_ s: inout AppState, x: Int, y: Int) -> [Effect] {
        guard s.modal == nil else { return [] }
        if y == 0 {
            for (i, r) in tabRanges(s).enumerated() where x >= r.lowerBound && x < r.upperBound {
                s.screen = ScreenID(rawValue: i)!
            }
            return []
        }
        switch s.screen {
        case .requirements: RequirementsScreen.click(&s, x: x, y: y)
        case .vendors: VendorsScreen.click(&s, x: x, y: y)
        case .budget, .contracts: break
        }
        return []
    }

    static func clampSelections(_ s: inout AppState) {
        let n = RequirementsScreen.visibleRows(s).count
        s.requirements.selected = max(0, min(s.requirements.selected, n - 1))
        s.vendors.vendor = max(0, min(s.vendors.vendor, s.workspace.vendors.count - 1))
    }

    // MARK: Rendering

    /// The area between the title bar and the message/hint lines.
    public static func body(_ s: AppState) -> Rect { Rect(x: 0, y: 1, width: s.width, height: max(0, s.height - 3)) }

    /// A tab's name: the full one, or on a terminal too narrow for all four, a short one.
    static func tabTitle(_ id: ScreenID, _ s: AppState) -> String {
        let full = ScreenID.allCases.map { TextWidth.of(" \($0.rawValue + 1) \($0.title(s.lang)) ") + 1 }.reduce(0, +)
        guard full + TextWidth.of(stateText(s)) + 3 > s.width else { return id.title(s.lang) }
        switch id {
        case .requirements: return s.lang.t("Reqs", "需求")
        case .vendors: return s.lang.t("Vendors", "供应商")
        case .budget: return s.lang.t("Budget", "预算")
        case .contracts: return s.lang.t("Contr.", "合同")
        }
    }

    static func tabRanges(_ s: AppState) -> [Range<Int>] {
        var x = TextWidth.of(titleText(s)) + 2
        return ScreenID.allCases.map { id in
            let w = TextWidth.of(" \(id.rawValue + 1) \(tabTitle(id, s)) ")
            defer { x += w + 1 }
            return x..<(x + w)
        }
    }

    /// The title, clipped so that the four tabs and the save state always fit on the first row.
    static func titleText(_ s: AppState) -> String {
        let name = s.workspace.settings.name.isEmpty ? "Bidbench" : s.workspace.settings.name
        let tabs = ScreenID.allCases.map { TextWidth.of(" \($0.rawValue + 1) \(tabTitle($0, s)) ") + 1 }.reduce(0, +)
        let room = s.width - tabs - TextWidth.of(stateText(s)) - 4 - TextWidth.of(" Bidbench · ")
        if room < 6 { return room + TextWidth.of(" Bidbench · ") >= 9 ? " Bidbench" : "" }
        return " Bidbench · \(TextWidth.clip(name, to: min(24, room)))"
    }

    static func stateText(_ s: AppState) -> String {
        s.readOnly ? s.lang.t("READ-ONLY", "只读") : (s.dirty ? s.lang.t("● unsaved", "● 未保存") : s.lang.t("saved", "已保存"))
    }

    /// Hint items that fit whole in `width` cells, joined by two spaces (never cut mid-word).
    static func fitHints(_ text: String, width: Int) -> String {
        var out = ""
        for item in text.components(separatedBy: "  ") {
            let next = out.isEmpty ? item : out + "  " + item
            if TextWidth.of(next) > width { break }
            out = next
        }
        return out
    }

    /// Draws the whole frame for the state.
    public static func render(_ s: AppState) -> Canvas {
        var c = Canvas(width: s.width, height: s.height)
        if s.width < minimumSize.width || s.height < minimumSize.height {
            let lines = [
                s.lang.t("Terminal too small", "终端窗口太小"),
                "\(s.width)×\(s.height) < \(minimumSize.width)×\(minimumSize.height)",
                s.lang.t("Enlarge the window, or q to quit", "请放大窗口, 或按 q 退出"),
            ]
            for (i, l) in lines.enumerated() {
                let w = TextWidth.of(l)
                c.text(max(0, (s.width - w) / 2), max(0, s.height / 2 - 1) + i, l, i == 0 ? .error : .plain)
            }
            return c
        }
        // Title bar with tabs.
        c.fill(Rect(x: 0, y: 0, width: s.width, height: 1), " ", Style(reverse: true))
        c.text(0, 0, titleText(s), Style(bold: true, reverse: true))
        for (i, r) in tabRanges(s).enumerated() {
            let id = ScreenID(rawValue: i)!
            let label = id == s.screen ? "[\(i + 1) \(tabTitle(id, s))]" : " \(i + 1) \(tabTitle(id, s)) "
            c.text(r.lowerBound, 0, label, id == s.screen ? Style(fg: .cyan, bold: true) : Style(reverse: true))
        }
        let state = stateText(s)
        let sw = TextWidth.of(state) + 1
        c.text(s.width - sw, 0, state, s.readOnly ? Style(fg: .red, bold: true, reverse: true) : Style(reverse: true))

        let area = body(s)
        switch s.screen {
        case .requirements: RequirementsScreen.render(s, into: &c, area: area)
        case .vendors: VendorsScreen.render(s, into: &c, area: area)
        case .budget: BudgetScreen.render(s, into: &c, area: area)
        case .contracts: ContractsScreen.render(s, into: &c, area: area)
        }

        // Message line and hint bar.
        let msgY = s.height - 2
        if let m = s.message {
            c.text(1, msgY, m, s.messageIsError ? .error : .good, maxWidth: s.width - 2)
        } else {
            c.text(1, msgY, s.location, .dim, maxWidth: s.width - 2)
        }
        c.fill(Rect(x: 0, y: s.height - 1, width: s.width, height: 1), " ", Style(reverse: true))
        let hints = KeyMap.hintParts(for: s.screen.scope, lang: s.lang)
        let global = fitHints(hints.global, width: s.width - 2)
        let gw = TextWidth.of(global)
        c.text(s.width - 1 - gw, s.height - 1, global, Style(reverse: true))
        c.text(1, s.height - 1, fitHints(hints.local, width: max(0, s.width - gw - 4)), Style(reverse: true))

        if let modal = s.modal { renderModal(s, modal, into: &c) }
        return c
    }

    static func renderModal(_ s: AppState, _ modal: Modal, into c: inout Canvas) {
        let full = Rect(x: 0, y: 1, width: s.width, height: s.height - 2)
        switch modal {
        case .help:
            let rows = KeyMap.helpRows(for: s.screen.scope, lang: s.lang)
            let h = min(full.height, rows.count + 3)
            let r = Rect(x: 2, y: 1, width: s.width - 4, height: h)
            c.fill(r)
            c.box(r, .accent, title: s.lang.t("Keys — \(s.screen.title(s.lang)) (Esc closes)", "按键 — \(s.screen.title(s.lang)) (Esc 关闭)"))
            let kw = min(22, rows.map { TextWidth.of($0.keys) }.max() ?? 10)
            for (i, row) in rows.prefix(h - 2).enumerated() {
                c.text(r.x + 2, r.y + 1 + i, TextWidth.fit(row.keys, kw), .accent)
                c.text(r.x + 3 + kw, r.y + 1 + i, row.text, .plain, maxWidth: r.width - kw - 5)
            }
        case .problems:
            // Each problem wraps to the box, so its end (the value, the fix) is never cut off.
            let lines = s.problems.flatMap { TextWidth.wrap($0, s.width - 6) }
            let h = min(full.height, lines.count + 4)
            let r = Rect(x: 1, y: 1, width: s.width - 2, height: h)
            c.fill(r)
            c.box(r, Style(fg: .red, bold: true), title: s.lang.t("Problems — opened read-only (Esc)", "错误 — 以只读方式打开 (Esc)"))
            c.text(
                r.x + 2, r.y + 1,
                s.lang.t(
                    "\(s.problems.count) problem(s); nothing will be written until they are fixed:",
                    "共 \(s.problems.count) 个问题; 解决之前不会写入任何文件:"), .bold, maxWidth: r.width - 4)
            for (i, p) in lines.prefix(h - 3).enumerated() {
                c.text(r.x + 2, r.y + 2 + i, p, .error, maxWidth: r.width - 4)
            }
        case .form(let form):
            form.render(into: &c, area: full, lang: s.lang)
        case .survey(let st): SurveyScreen.render(s, st, into: &c)
        case .duplicates(let st): DuplicatesScreen.render(s, st, into: &c)
        case .departments(let st): DepartmentsScreen.render(s, st, into: &c)
        case .gates(let st): GatesScreen.render(s, st, into: &c)
        case .ahp(let st): AHPScreen.render(s, st, into: &c)
        case .prices(let st): PricesScreen.render(s, st, into: &c)
        case .risks(let st): RisksScreen.render(s, st, into: &c)
        case .changes(let st): ChangesScreen.render(s, st, into: &c)
        case .cellDetail(let st): CellDetailScreen.render(s, st, into: &c)
        case .diskConflict(let list): DiskChangesScreen.render(s, list, into: &c)
        case .messages(let title, let lines):
            let wrapped = lines.flatMap { TextWidth.wrap($0, s.width - 6) }
            let h = min(full.height - 1, wrapped.count + 2)
            let r = Rect(x: 1, y: 1, width: s.width - 2, height: h)
            c.fill(r)
            c.box(r, Style(fg: .red, bold: true), title: title + " (Esc)")
            for (i, l) in wrapped.prefix(h - 2).enumerated() { c.text(r.x + 2, r.y + 1 + i, l, .error, maxWidth: r.width - 4) }
        case .confirm(let q, _):
            let w = min(s.width - 4, TextWidth.of(q) + 6)
            let lines = TextWidth.wrap(q, w - 4)
            let r = Rect(x: (s.width - w) / 2, y: s.height / 2 - 2, width: w, height: lines.count + 2)
            c.fill(r)
            c.box(r, Style(fg: .yellow, bold: true))
            for (i, l) in lines.enumerated() { c.text(r.x + 2, r.y + 1 + i, l, .bold, maxWidth: w - 4) }
        case .changedOnDisk(let files):
            let lines =
                [s.lang.t("Changed on disk since loading:", "自加载以来磁盘上的文件已被修改:")] + files + [
                    s.lang.t("r reload (lose my edits)   o overwrite theirs   Esc cancel", "r 重新加载 (放弃我的修改)   o 覆盖   Esc 取消")
                ]
            let r = Rect(x: 2, y: 3, width: s.width - 4, height: min(full.height - 2, lines.count + 2))
            c.fill(r)
            c.box(r, Style(fg: .yellow, bold: true))
            for (i, l) in lines.prefix(r.height - 2).enumerated() {
                c.text(r.x + 2, r.y + 1 + i, l, i == 0 ? .bold : .plain, maxWidth: r.width - 4)
            }
        case .prompt(let kind, let field):
            let y = s.height - 2
            c.fill(Rect(x: 0, y: y, width: s.width, height: 1))
            let p = kind == .search ? "/" : ":"
            c.text(0, y, p, .accent)
            field.render(into: &c, x: 1, y: y, width: s.width - 1, focused: true)
        }
    }
}
