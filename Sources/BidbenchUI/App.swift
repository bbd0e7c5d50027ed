import BidbenchCore

/// The five screens.
public enum ScreenID: Int, Sendable, CaseIterable {
    case requirements = 0
    case vendors, budget, contracts, delivery

    public func title(_ lang: Lang) -> String {
        switch self {
        case .requirements: return lang.t("Requirements", "需求")
        case .vendors: return lang.t("Vendors", "供应商")
        case .budget: return lang.t("Budget", "预算")
        case .contracts: return lang.t("Contracts", "合同")
        case .delivery: return lang.t("Delivery", "交付")
        }
    }
    var scope: Scope {
        switch self {
        case .requirements: return .requirements
        case .vendors: return .vendors
        case .budget: return .budget
        case .contracts: return .contracts
        case .delivery: return .delivery
        }
    }
}

/// What is open on top of the screen.
public indirect enum Modal: Equatable, Sendable {
    /// The keys of a place (`scopes`), over what was open (`behind`, back on Esc).
    case help(scopes: [Scope], behind: Modal?)
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
    /// A list of one contract's delivery records (tests, tickets, training, results, SLA, handover, availability).
    case deliveryList(DeliveryListState)
    /// After the reveal: one cell's scores by evaluator.
    case cellDetail(CellDetailState)
    /// Files changed on disk that this session had edited too: mine or theirs, one file at a time.
    case diskConflict([DiskConflict])
    /// A list of messages to read (e.g. why an import was refused); `plain`: text to read, not
    /// warnings (a requirement shown whole), in the screen's colours.
    case messages(title: String, lines: [String], plain: Bool = false)
}

public enum ConfirmAction: Equatable, Sendable {
    case deleteRequirement(id: String)
    case deleteVendor(id: String)
    case quitUnsaved
    /// A gate answer that knocks the vendor out; back to the gates dialog either way.
    case knockOut(vendor: String, requirement: String, selected: Int)
    /// Reveal the panel although an evaluator has not finished.
    case reveal
    /// Reveal (true) or hide the panel, which saves at once, with the other unsaved changes too.
    case revealSaving(Bool)
    /// Quit with a form or a survey open that holds typed text (asked in a terminal too small to
    /// show it): a yes goes on to the normal quit, a no brings it back with what was typed.
    indirect case quitDiscardingTyped(behind: Modal)
}

public enum PromptKind: Equatable, Sendable { case search, command }

/// Who is using the app and how, apart from the workspace (the data): kept across reloads.
public struct Session: Equatable, Sendable {
    /// The evaluator scoring in this session (`--as NAME`); nil for the lead.
    public var evaluator: String?
    public var lang: Lang
    public var screen: ScreenID = .requirements
    /// The Budget screen's live what-if scenario (nil: the named scenario as it is) and the values
    /// before each what-if change, so `u` steps them back.
    public var whatIf: Scenario?
    public var whatIfHistory: [Scenario?] = []
    public init(evaluator: String? = nil, lang: Lang) {
        self.evaluator = evaluator
        self.lang = lang
    }
}

/// The whole state of the app: a value, changed only by `App.reduce`.
public struct AppState: Equatable, Sendable {
    public var workspace: Workspace {
        didSet { revision &+= 1 }
    }
    /// Counts changes of the workspace, so screens can keep results computed from it until it changes.
    public private(set) var revision = 0
    public var session: Session
    public var lang: Lang {
        get { session.lang }
        set { session.lang = newValue }
    }
    public var screen: ScreenID {
        get { session.screen }
        set { session.screen = newValue }
    }
    /// The evaluator scoring in this session (`--as NAME`); nil for the lead.
    public var evaluator: String? {
        get { session.evaluator }
        set { session.evaluator = newValue }
    }
    public var width: Int
    public var height: Int
    public var modal: Modal?
    /// What was open (a form with what was typed, a list) when a disk conflict came up over it:
    /// back once every conflict is chosen.
    var behindConflict: Modal?
    /// The workspace as the open form found it (set when a form opens, kept while it or a question
    /// over it is on screen): a form saved after something arrived from disk is applied to this and
    /// merged with what is there now (`App.submitMerging`), not written over it.
    var formBase: Workspace?
    /// What the save under way was for (`评分已向评审组揭晓`), said before the save's own message: `R`
    /// saves at once, and "saved to …" alone replaced what had happened (user test pass).
    var savedNote: String?
    /// The first row shown by the help, problems and messages overlays.
    public var overlayOffset = 0
    /// Where the workspace lives (shown in the title bar).
    public var location: String
    /// Problems found at load: the workspace is read-only while there are any.
    public var problems: [String]
    /// The problem that says another Bidbench holds the workspace's lock (one of `problems`), if so:
    /// the data itself is whole then.
    public var lockNote: String?
    /// Whether a problem is in the data (a file refused or wrong), not only the lock: figures
    /// computed from it may be wrong.
    public var hasDataProblems: Bool { problems.contains { $0 != lockNote } }
    public var dirty = false
    /// Keys typed while the window was too small (none reached anything), named until it is large again.
    public var keysNotTaken: [String] = []
    /// Set by `y` at the quit question and by `:wq`: the next successful save quits.
    public var quitAfterSave = false
    /// A list dialog's `d` asks first: the row it was pressed on (`ListKeys`), for the next event
    /// only; `armedDeleteBefore` is what the event before left (read by that next `d`).
    var armedDelete: Int?
    var armedDeleteBefore: Int?
    public var message: String?
    public var messageIsError = false
    public var undoStack: [Workspace] = []
    public var redoStack: [Workspace] = []
    public var requirements = RequirementsState()
    public var vendors = VendorsState()
    public var budget = BudgetState()
    public var contracts = ContractsState()
    public var delivery = DeliveryState()
    public var lastSearch = ""
    /// When each evaluator's sheet last changed on disk (`YYYY-MM-DD HH:MM`), given by the host.
    public var sheetTimes: [String: String] = [:]
    /// The workspace as last loaded or saved (what is on disk as far as this session knows): files
    /// changed by others are merged against it, part by part.
    public var base: Workspace
    /// Today's date, given by the host so that renders are repeatable in tests.
    public var today: Day
    /// The workspace is on screen but the host is still opening it: the gate answers are being read
    /// and every reference, range and rule checked. Until `.opened` arrives nothing can be changed
    /// or saved (a form keeps what was typed and says why) and the Vendors screen says "computing…".
    public var checking = false

    /// `checking`: the state a terminal opens with while the host still reads and checks the
    /// workspace; the ranking waits for `.opened` instead of being computed here, before the first frame.
    public init(
        workspace: Workspace, location: String, problems: [String] = [], lang: Lang, width: Int, height: Int, today: Day,
        checking: Bool = false
    ) {
        self.today = today
        self.workspace = workspace
        self.base = workspace
        self.location = location
        self.problems = problems
        self.session = Session(lang: lang)
        self.width = width
        self.height = height
        if !problems.isEmpty { modal = .problems }
        self.checking = checking
        if checking {
            vendors.computing = VendorsScreen.cacheKey(self)
        } else {
            // The vendor ranking is computed with the workspace, not on the first visit to the Vendors
            // screen: on a large workspace it is ~15 ms, nothing next to loading it, but a key's budget.
            VendorsScreen.refresh(&self, onAnyScreen: true)
        }
    }

    public var readOnly: Bool { !problems.isEmpty || checking }

    /// Why nothing can be changed: the problems listed at opening (a lock held by another Bidbench
    /// or errors in the files).
    public var readOnlyReason: String {
        if checking && problems.isEmpty {
            return lang.t(
                "Still opening: the workspace is being checked (a moment); nothing can be changed or saved before",
                "仍在打开: 正在检查工作区 (稍候); 检查完成前不能修改或保存")
        }
        return lang.t(
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
        // A change that changes nothing (a weight already at 0 lowered again, a form opened to read
        // and left with Enter) is no undo step, and is not said to have updated anything.
        if message != nil {
            self.message = next == workspace ? lang.t("Nothing changed", "没有改动") : message
            messageIsError = false
        }
        guard next != workspace else { return }
        undoStack.append(workspace)
        if undoStack.count > 200 { undoStack.removeFirst() }
        redoStack.removeAll()
        workspace = next
        dirty = true
    }

    /// The workspace as it is on disk, whole, with its problems: nothing unsaved, nothing to undo.
    mutating func takeWhole(_ ws: Workspace, problems: [String]) {
        workspace = ws
        base = ws
        self.problems = problems
        undoStack = []
        redoStack = []
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
        // An evaluator's session may change only their own score sheet: whatever a key or an import
        // would change besides is refused here, once for every screen and dialog, and the state
        // (an open form with what was typed) stays as it was.
        let asBefore = s.evaluator != nil && event.isUserEdit ? s : nil
        let modalBefore = s.modal
        s.armedDeleteBefore = s.armedDelete
        s.armedDelete = nil
        let askedToDelete = s.armedDeleteBefore != nil ? s.message : nil
        var effects = apply(&s, event)
        // Another key kept the row: the question goes with it (it stayed on screen: user test pass).
        if let asked = askedToDelete, s.armedDelete == nil, s.message == asked { s.message = nil }
        if let before = asBefore, let who = s.evaluator, changesShared(before.workspace, s.workspace, evaluator: who) {
            s = before
            s.say(KeyMap.leadOnly(s), error: true)
            effects = []
        }
        // A workspace opened read-only (the problems listed at opening): a form still opens, to read
        // a record whole, but says at once, for every screen, that nothing typed into it can be
        // saved (it said so only at the save: user test pass). While the opening is only being
        // checked, forms open as usual: the save waits for the check.
        if !s.problems.isEmpty, event.isUserEdit, case .form(var form)? = s.modal, !keepsFormBehind(modalBefore) {
            form.error = s.readOnlyReason
            s.modal = .form(form)
        }
        noteFormBase(&s, modalBefore)
        effects += ContractsScreen.refresh(&s)
        VendorsScreen.refresh(&s)
        BudgetScreen.refresh(&s)
        DeliveryScreen.refresh(&s)
        return effects
    }

    /// Keeps `formBase` with the form on screen: taken when a form opens, kept while it (or a question,
    /// a conflict or the help over it) stays, dropped when it closes.
    private static func noteFormBase(_ s: inout AppState, _ modalBefore: Modal?) {
        func holdsForm(_ m: Modal?) -> Bool {
            switch m {
            case .form?: return true
            case .help(_, let behind)?: return holdsForm(behind)
            default: return false
            }
        }
        if case .form? = s.modal {
            if s.formBase == nil || !keepsFormBehind(modalBefore) { s.formBase = s.workspace }
        } else if !holdsForm(s.modal) && !holdsForm(s.behindConflict) {
            s.formBase = nil
        }
    }

    /// Whether a form on screen after `modal` is not a new one: `modal` is the form itself, or a
    /// question or a conflict that brings back the form behind it.
    private static func keepsFormBehind(_ modal: Modal?) -> Bool {
        switch modal {
        case .form?, .confirm?, .diskConflict?: return true
        default: return false
        }
    }

    /// Whether `after` differs from `before` anywhere but `evaluator`'s score sheet.
    static func changesShared(_ before: Workspace, _ after: Workspace, evaluator: String) -> Bool {
        var same = before
        same.scores[evaluator] = after.scores[evaluator]
        return same != after
    }

    /// Does a job the reducer asked for (`Effect.compute`). Pure: the host may run it on any thread
    /// and sends the event it returns back through `reduce`.
    public static func perform(_ job: Job) -> Event {
        switch job {
        case .ranking(let s):
            let key = VendorsScreen.cacheKey(s)
            return .computed(.ranking(VendorsScreen.compute(s, key: key, basis: s.vendors.cache?.basis ?? EvaluationBasis())))
        case .contractScan(let key, let text, let playbook):
            return .computed(.contractScan(key: key, scan: ContractScanner.scan(text).applying(Playbook(playbook))))
        }
    }

    /// Undoes the last change (also from a list dialog, whose delete message offers `u`).
    static func undo(_ s: inout AppState) {
        if let prev = step(&s.undoStack, from: s.workspace) {
            // Undo is one history for every screen: it says which files it stepped back, so a step
            // taken on another screen is not a surprise (user test pass: a bare "已撤销").
            let files = WorkspaceMerge.changedFiles(s.workspace, prev).joined(separator: ", ")
            let selected = selectedItems(s)
            s.redoStack.append(s.workspace)
            s.workspace = prev
            s.dirty = s.workspace != s.base  // back at what is on disk: nothing to save
            reselect(&s, selected)
            clampSelections(&s)
            s.say(s.lang.t("Undone: \(files)", "已撤销: \(files)"))
        } else {
            s.say(s.lang.t("Nothing to undo", "没有可撤销的修改"))
        }
    }

    /// The next workspace of an undo or redo history, as seen from `current`: whether the panel is
    /// revealed is not stepped back (`R` saves it at once and says so; a `u` that undid a hide showed
    /// every score on the projector, and the next Ctrl-S revealed them to the panel), and a step
    /// that changed nothing else is passed over.
    private static func step(_ stack: inout [Workspace], from current: Workspace) -> Workspace? {
        while var w = stack.popLast() {
            w.settings.revealed = current.settings.revealed
            if w != current { return w }
        }
        return nil
    }

    /// Where a form returns when it closes (saved or not): the list dialog it was opened from, if any.
    static func returnModal(_ s: AppState, _ target: FormTarget) -> Modal? {
        switch target {
        case .department(let id):
            return .departments(DepartmentsState(selected: s.workspace.departments.firstIndex { $0.id == id } ?? 0))
        case .gateNote(let vendor, let req):
            return .gates(GatesState(vendor: vendor, selected: Consolidation.knockoutGates(s.workspace).firstIndex { $0.id == req } ?? 0))
        case .priceLine(let vendor, let index):
            return .prices(PricesState(vendor: vendor, selected: index.flatMap { PricesScreen.lines(s, vendor).firstIndex(of: $0) } ?? 0))
        case .risk(let index): return .risks(RisksState(selected: index ?? 0))
        case .changeOrder(let contract, let index):
            return .changes(
                ChangesState(contract: contract, selected: index.flatMap { ChangesScreen.indices(s, contract).firstIndex(of: $0) } ?? 0))
        case .acceptanceTest(let contract, let index):
            return deliveryList(.tests, contract, AcceptanceTestsDialog.indices(s, contract), index)
        case .ticket(let contract, let index): return deliveryList(.tickets, contract, TicketsDialog.indices(s, contract), index)
        case .trainingSession(let contract, let index):
            return deliveryList(.training, contract, TrainingDialog.indices(s, contract), index)
        case .trainingResult(let contract, let session, let index):
            return deliveryList(.results(session: session), contract, TrainingResultsDialog.indices(s, session), index)
        case .slaTerm(let contract, let index): return deliveryList(.sla, contract, SLADialog.indices(s, contract), index)
        case .availabilityTarget(let contract): return .deliveryList(DeliveryListState(kind: .sla, contract: contract))
        case .availabilityMonth(let contract, let index):
            return deliveryList(.availability, contract, AvailabilityDialog.indices(s, contract), index)
        case .handoverItem(let contract, let item):
            let row = item.flatMap { id in HandoverDialog.lines(s, contract).firstIndex { $0.item == id } } ?? 0
            return .deliveryList(DeliveryListState(kind: .handover, contract: contract, selected: row))
        case .requirement, .vendor, .score, .reviewNote, .contract, .task, .vendorReview, .meeting, .discussionNote:
            return nil
        }
    }

    /// A delivery list dialog on the row of workspace index `index` (the first row when adding).
    static func deliveryList(_ kind: DeliveryListKind, _ contract: String, _ rows: [Int], _ index: Int?) -> Modal {
        .deliveryList(DeliveryListState(kind: kind, contract: contract, selected: index.flatMap { rows.firstIndex(of: $0) } ?? 0))
    }

    /// Applies a submitted form to the workspace; a refusal keeps the form open with what was typed.
    static func submit(_ s: inout AppState, _ form: Form) -> FormRefusal? {
        switch form.target {
        case .requirement(let id): return RequirementsScreen.submit(&s, form, id: id)
        case .department(let id): return DepartmentsScreen.submit(&s, form, id: id)
        case .vendor(let id): return VendorsScreen.submit(&s, form, id: id)
        case .score(let vendor, let criterion): return VendorsScreen.submitScore(&s, form, vendor: vendor, criterion: criterion)
        case .reviewNote(let contract, let clause): return ContractsScreen.submitNote(&s, form, contract: contract, clause: clause)
        case .gateNote(let vendor, let req): return GatesScreen.submitNote(&s, form, vendor: vendor, requirement: req)
        case .priceLine(let vendor, let index): return PricesScreen.submit(&s, form, vendor: vendor, index: index)
        case .risk(let index): return RisksScreen.submit(&s, form, index: index)
        case .changeOrder(let contract, let index): return ChangesScreen.submit(&s, form, contract: contract, index: index)
        case .contract(let id): return ContractForm.submit(&s, form, id: id)
        case .task(let contract, let index): return TaskForm.submit(&s, form, contract: contract, index: index)
        case .acceptanceTest(let contract, let index): return AcceptanceTestsDialog.submit(&s, form, contract: contract, index: index)
        case .ticket(let contract, let index): return TicketsDialog.submit(&s, form, contract: contract, index: index)
        case .trainingSession(let contract, let index): return TrainingDialog.submit(&s, form, contract: contract, index: index)
        case .trainingResult(let contract, let session, let index):
            return TrainingResultsDialog.submit(&s, form, contract: contract, session: session, index: index)
        case .slaTerm(let contract, let index): return SLADialog.submit(&s, form, contract: contract, index: index)
        case .availabilityTarget(let contract): return SLADialog.submitTarget(&s, form, contract: contract)
        case .availabilityMonth(let contract, let index): return AvailabilityDialog.submit(&s, form, contract: contract, index: index)
        case .handoverItem(let contract, let item): return HandoverDialog.submit(&s, form, contract: contract, item: item)
        case .vendorReview(let vendor): return ReviewForm.submit(&s, form, vendor: vendor)
        case .meeting(let kind, let id): return MeetingForm.submit(&s, form, kind: kind, id: id)
        case .discussionNote(let vendor, let criterion):
            return VendorsScreen.submitDiscussion(&s, form, vendor: vendor, criterion: criterion)
        }
    }

    // Kept as one function: the reducer's dispatch: one case per event.
    static func apply(_ s: inout AppState, _ event: Event) -> [Effect] {
        switch event {
        case .resize(let w, let h):
            s.width = w
            s.height = h
            if !tooSmall(s) && !s.keysNotTaken.isEmpty {
                let keys = s.keysNotTaken.map { "‹\($0)›" }.joined()
                s.keysNotTaken = []
                s.say(
                    s.lang.t(
                        "\(keys) typed while the window was too small reached nothing: type again",
                        "\(keys) 在窗口太小时输入, 未被接收: 请重新输入"), error: true)
            }
            return []
        case .saved(let msg):
            s.dirty = false
            s.base = s.workspace
            // After a note, the save's message goes on the sentence: `Updated R01; saved to …` (a meeting
            // pass: `; Saved to`). Chinese has no case.
            let onward = s.savedNote == nil || msg.isEmpty ? msg : msg.prefix(1).lowercased() + msg.dropFirst()
            s.say((s.savedNote.map { $0 + "; " } ?? "") + onward)
            s.savedNote = nil
            s.vendors.previousRanks = [:]
            if s.quitAfterSave { return [.quit] }
            return []
        case .saveFailed(let msg), .failed(let msg):
            s.quitAfterSave = false
            s.savedNote = nil
            s.say(msg, error: true)
            return []
        case .notice(let msg):
            s.say(msg)
            return []
        case .lockTaken:
            // The other Bidbench closed and its lock is this session's now: its problem goes, and the
            // session can edit unless a file still has errors.
            if let note = s.lockNote { s.problems.removeAll { $0 == note } }
            s.lockNote = nil
            if s.problems.isEmpty && s.modal == .problems { s.modal = nil }
            s.say(
                s.readOnly
                    ? s.lang.t(
                        "The other Bidbench closed; the problems listed still keep this session read-only",
                        "另一个 Bidbench 已关闭; 但列出的问题仍使本会话只读")
                    : s.lang.t("The other Bidbench closed: this session can edit and save now", "另一个 Bidbench 已关闭: 本会话现在可以编辑和保存"))
            return []
        case .idle:
            return []
        case .opened(let ws, let problems):
            return opened(&s, ws, problems)
        case .computed(.ranking(let cache)):
            s.vendors.computing = nil
            // A ranking of a revision the user has edited since is dropped; the screen ranks anew.
            if cache.key == VendorsScreen.cacheKey(s) { s.vendors.cache = cache }
            return []
        case .computed(.contractScan(let key, let scan)):
            ContractsScreen.scanned(&s, key: key, scan: scan)
            return []
        case .diskChanged(let ws, let files, let times, let completed):
            DiskChangesScreen.arrived(&s, disk: ws, files: files, sheetTimes: times, completed: completed)
            return []
        case .diskProblems(let problems, let times, let blind):
            s.sheetTimes = times
            // The panel made blind on disk is taken even when another file of the same pickup is
            // refused: a session that cannot confirm the reveal shows no scores.
            var hidden = ""
            if blind && s.workspace.settings.revealed {
                s.workspace.settings.revealed = false
                s.base.settings.revealed = false
                hidden = s.lang.t("Scores hidden (the panel is blind on disk); ", "评分已隐藏 (磁盘上评审组为盲评); ")
            }
            s.say(hidden + notLoaded(s.lang) + sameMessageOnce(problems.map { blindProblem(s, $0) }).joined(separator: "; "), error: true)
            return []
        case .importRefused(let file, let problems):
            s.overlayOffset = 0
            s.modal = .messages(
                title: s.lang.t("Import refused: \(file) — nothing was imported", "导入被拒绝: \(file) — 未导入任何内容"), lines: problems)
            s.say(s.lang.t("\(problems.count) problem(s) in \(file)", "\(file) 中有 \(problems.count) 个问题"), error: true)
            return []
        case .changedOnDisk(let files):
            s.quitAfterSave = false
            s.modal = .changedOnDisk(files: files)
            return []
        case .reloaded(let ws, let location, let problems):
            // The data is new; the session (who, language, screen, what-ifs) stays.
            s.takeWhole(ws, problems: problems)
            s.location = location
            s.checking = false
            s.dirty = false
            s.quitAfterSave = false
            s.overlayOffset = 0
            s.modal = problems.isEmpty ? nil : .problems
            clampSelections(&s)
            s.say(s.lang.t("Reloaded from disk", "已从磁盘重新加载"))
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

    /// The key-map scopes that apply now, the first binding wins: the open dialog's, or the screen's
    /// then the global ones.
    public static func place(_ s: AppState) -> [Scope] {
        guard let modal = s.modal else { return [s.screen.scope, .global] }
        switch modal {
        case .help, .problems, .messages: return [.overlay]
        case .form(let f): return f.scopes
        case .confirm: return [.confirm]
        case .prompt: return [.prompt, .textEditing]
        case .changedOnDisk: return [.changedOnDisk]
        case .survey(let st): return st.department == nil ? [.surveyPick] : [.survey, .textEditing]
        case .duplicates: return [.duplicates]
        case .departments: return [.departments]
        case .gates: return [.gates]
        case .ahp: return [.ahp]
        case .prices: return [.prices]
        case .risks: return [.risks]
        case .changes: return [.changes]
        case .deliveryList(let st): return [DeliveryLists.scope(st.kind)]
        case .cellDetail: return [.cellDetail]
        case .diskConflict: return [.diskConflict]
        }
    }

    /// What an unbound key says: nothing typed is silently ignored.
    static func notHere(_ s: inout AppState, _ key: Key) {
        s.say(s.lang.t("‹\(key.label)› does nothing here — ? lists the keys", "‹\(key.label)› 在此无作用 — 按 ? 查看按键"), error: true)
    }

    static func handleKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        // A terminal too small shows only a message: keys must not reach a form the user cannot see.
        // A question is shown there (with its keys) and answered as usual; `q` takes the normal quit
        // path, which asks before anything typed or unsaved is lost.
        if tooSmall(s) {
            if case .confirm? = s.modal {
                // Falls through to the key map: y / n / Esc / Ctrl-S answer the question on screen.
            } else if key == .char("q") || key == .ctrl("c") {
                if let modal = s.modal, let what = typedText(modal, s.lang) {
                    s.modal = .confirm(
                        question: s.lang.t(
                            "\(what) holds typed text that is not saved. Quit and lose it? (y quit / n keep it)",
                            "\(what)中有尚未保存的输入。退出并丢弃吗? (y 退出 / n 保留)"),
                        action: .quitDiscardingTyped(behind: modal))
                    return []
                }
                return quit(&s)
            } else {
                // Nothing typed is dropped unsaid: the keys are named, with what to do, and named again
                // once the window is large enough.
                s.keysNotTaken.append(key.label)
                let keys = s.keysNotTaken.suffix(8).map { "‹\($0)›" }.joined()
                s.say(
                    s.lang.t(
                        "\(keys) not taken: the window is too small. Enlarge it, then type again",
                        "\(keys) 未被接收: 窗口太小。请放大窗口后再输入"), error: true)
                return []
            }
        }
        if case .form(var form)? = s.modal { return handleForm(&s, &form, key) }
        let scopes = place(s)
        switch KeyMap.resolve(key, in: scopes, s) {
        case .unavailable(let why):
            s.say(why, error: true)
            return []
        case .unbound:
            if case .char(let c) = key, scopes.contains(where: \.typesText) {
                typeText(&s, c)
            } else {
                notHere(&s, key)
            }
            return []
        case .command(let cmd, let scope):
            if cmd == .help && scope != .overlay {
                s.overlayOffset = 0
                s.modal = .help(scopes: scopes, behind: s.modal)
                return []
            }
            if let modal = s.modal { return handleModal(&s, modal, cmd, scope: scope) }
            return handleScreen(&s, cmd, key)
        }
    }

    /// What holds typed text that a quit would lose (a changed form, a survey round with answers), by name.
    static func typedText(_ modal: Modal, _ lang: Lang) -> String? {
        switch modal {
        case .form(let form) where form.changed: return lang.t("The form “\(form.title)”", "表单“\(form.title)”")
        case .survey(let st) where st.department != nil && st.answers.contains(where: { !$0.text.isEmpty }):
            return lang.t("The survey's current round", "本轮调研")
        default: return nil
        }
    }

    /// A printable key typed into the open prompt or survey answer.
    static func typeText(_ s: inout AppState, _ c: Character) {
        switch s.modal {
        case .prompt(let kind, var field)?:
            field.insert(c)
            s.modal = .prompt(kind: kind, field: field)
        case .survey(var st)?:
            st.answers[st.question].insert(c)
            s.modal = .survey(st)
        default: break
        }
    }

    static func handleScreen(_ s: inout AppState, _ cmd: Command, _ key: Key) -> [Effect] {
        // Screen-specific meanings first.
        let screenEffects: [Effect]?
        switch s.screen {
        case .requirements: screenEffects = RequirementsScreen.handle(&s, cmd)
        case .vendors: screenEffects = VendorsScreen.handle(&s, cmd)
        case .budget: screenEffects = BudgetScreen.handle(&s, cmd)
        case .contracts: screenEffects = ContractsScreen.handle(&s, cmd)
        case .delivery: screenEffects = DeliveryScreen.handle(&s, cmd)
        }
        if let e = screenEffects { return e }
        switch cmd {
        case .screen1: s.screen = .requirements
        case .screen2: s.screen = .vendors
        case .screen3: s.screen = .budget
        case .screen4: s.screen = .contracts
        case .screen5: s.screen = .delivery
        case .nextScreen: s.screen = ScreenID(rawValue: (s.screen.rawValue + 1) % ScreenID.allCases.count)!
        case .prevScreen: s.screen = ScreenID(rawValue: (s.screen.rawValue + ScreenID.allCases.count - 1) % ScreenID.allCases.count)!
        case .undo: undo(&s)
        case .redo: redo(&s)
        case .save: return save(&s)
        case .quit: return quit(&s)
        case .commandLine: s.modal = .prompt(kind: .command, field: TextField())
        case .handout: return runCommand(&s, "report")
        case .cancel: s.message = nil
        default: notHere(&s, key)
        }
        return []
    }

    /// Ctrl-R: the last undone change again (on the screens and in every dialog where `u` undoes).
    static func redo(_ s: inout AppState) {
        guard let next = step(&s.redoStack, from: s.workspace) else {
            s.say(s.lang.t("Nothing to redo", "没有可重做的修改"))
            return
        }
        let files = WorkspaceMerge.changedFiles(s.workspace, next).joined(separator: ", ")
        let selected = selectedItems(s)
        s.undoStack.append(s.workspace)
        s.workspace = next
        s.dirty = s.workspace != s.base
        reselect(&s, selected)
        clampSelections(&s)
        s.say(s.lang.t("Redone: \(files)", "已重做: \(files)"))
    }

    static func save(_ s: inout AppState) -> [Effect] {
        if s.readOnly {
            s.quitAfterSave = false
            s.say(s.readOnlyReason, error: true)
            return []
        }
        // Nothing changed since the last load or save: no file and no journal entry to write, and
        // the message says so rather than "Saved to …" (`:wq` still quits).
        if !s.dirty && s.workspace == s.base {
            s.say(s.lang.t("Nothing to save: no changes since the last save", "无需保存: 自上次保存以来没有修改"))
            if s.quitAfterSave { return [.quit] }
            return []
        }
        return [.save(s.workspace, force: false)]
    }

    /// The host finished opening: the whole workspace (with the gate answers the first frame did
    /// without) and every problem. The ranking is asked for now; with problems the state is what
    /// opening synchronously would have shown — read-only with the list.
    static func opened(_ s: inout AppState, _ ws: Workspace, _ problems: [String]) -> [Effect] {
        s.checking = false
        // Nothing could change meanwhile (read-only while checking), so the data is simply the whole one.
        if ws != s.workspace { s.workspace = ws }
        s.base = ws
        s.problems = problems.map { blindProblem(s, $0) }
        if !problems.isEmpty && (s.modal == nil || s.modal == .problems) {
            // An open form or dialog keeps what was typed; the list is there once it is closed (Esc).
            s.overlayOffset = 0
            s.modal = .problems
        }
        clampSelections(&s)
        s.vendors.computing = VendorsScreen.cacheKey(s)
        return [.compute(.ranking(s))]
    }

    /// Problems that say the same thing at several places, said once after all their places
    /// (`requirements.csv:2, requirements.csv:54, scores/张伟.csv:7: git 合并冲突标记 …`): a meeting pass
    /// found the whole `bidbench resolve` advice repeated for every conflict marker, and the line cut.
    static func sameMessageOnce(_ problems: [String]) -> [String] {
        var order: [String] = []
        var places: [String: [String]] = [:]
        var whole: [String] = []
        for p in problems {
            // `file:line: message`
            guard let colon = p.firstIndex(of: ":"), case let afterFile = p[p.index(after: colon)...],
                case let digits = afterFile.prefix(while: \.isNumber), !digits.isEmpty,
                afterFile[digits.endIndex...].hasPrefix(": ")
            else {
                whole.append(p)
                continue
            }
            let place = String(p[..<digits.endIndex])
            let message = String(afterFile[digits.endIndex...].dropFirst(2))
            if places[message] == nil { order.append(message) }
            places[message, default: []].append(place)
        }
        return order.map { places[$0]!.joined(separator: ", ") + ": " + $0 } + whole
    }

    /// How the message about files on disk that do not read begins.
    static func notLoaded(_ L: Lang) -> String {
        L.t("Not loaded (the last good version stays; the file is not overwritten): ", "未加载 (保留上一个正确版本; 不会覆盖该文件): ")
    }

    /// A problem as the screen may show it: while the panel is blind, one in another evaluator's score
    /// sheet names the file, line and field but not what is written there (the lead's screen is the
    /// projected one: `scores/王强.csv:3: score: “8,5” 不是数字` told the room his score for that cell).
    static func blindProblem(_ s: AppState, _ problem: String) -> String {
        guard !s.workspace.settings.revealed, problem.hasPrefix("scores/") else { return problem }
        let sheet = problem.dropFirst("scores/".count).prefix { $0 != ":" }
        if let own = s.evaluator, sheet == own + ".csv" { return problem }
        return BlindText.hidingValues(problem, note: s.lang.t(BlindText.note.en, BlindText.note.zh))
    }

    /// Whether `key` quits now, with nothing to ask: no dialog open, nothing unsaved, and the key
    /// means quit here. The terminal lets such a key through while the opened workspace is still
    /// being checked (other keys wait for it), so quitting never waits for the check.
    public static func quitsAtOnce(_ s: AppState, _ key: Key) -> Bool {
        guard s.modal == nil, !s.dirty, !tooSmall(s) else { return false }
        if case .command(.quit, _) = KeyMap.resolve(key, in: place(s), s) { return true }
        return false
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

    /// Keys of the open form: it reads them through the key map itself.
    static func handleForm(_ s: inout AppState, _ form: inout Form, _ key: Key) -> [Effect] {
        switch form.handle(key) {
        case .stay: s.modal = .form(form)
        case .help:
            // Over the form, which stays as it is (Esc comes back to it).
            s.overlayOffset = 0
            s.modal = .help(scopes: [.form, .formChoice, .textEditing], behind: .form(form))
        case .unmatched(let what):
            // Said in the form, next to the choice: all that was typed (kept in the field) and what
            // would be accepted; a save is refused while it is there.
            let f = form.fields[form.focus]
            form.error = form.said(
                FormRefusal(
                    s.lang.t(
                        "“\(what)” starts no choice (Backspace or Ctrl-U takes it back); type one of \(f.acceptedForms)",
                        "“\(what)” 不是任何选项的开头 (Backspace 或 Ctrl-U 删除); 可输入 \(f.acceptedForms)"), field: f.key))
            s.modal = .form(form)
        case .refused(let what):
            if form.confirmingDiscard {
                s.say(s.lang.t("y discards the changes, n keeps editing, Ctrl-S saves", "y 放弃修改, n 继续编辑, Ctrl-S 保存"), error: true)
            } else {
                s.say(s.lang.t("‹\(what)› does nothing in a form", "‹\(what)› 在表单中无作用"), error: true)
            }
            s.modal = .form(form)
        case .cancel:
            s.modal = returnModal(s, form.target)
            s.say(form.changed ? s.lang.t("Changes discarded", "已放弃修改") : s.lang.t("Closed, nothing changed", "已关闭, 未作修改"))
        case .submit:
            // Read-only: keep the form and what was typed, and say why nothing can be saved.
            if s.readOnly {
                form.error = s.readOnlyReason
                s.modal = .form(form)
                return []
            }
            s.modal = returnModal(s, form.target)
            if let refusal = submitMerging(&s, form) {
                form.error = form.said(refusal)
                form.focus(on: refusal.field)
                s.modal = .form(form)
            } else if form.saveWhenTaken && s.dirty {
                // Ctrl-S: the form's change, then the workspace to disk; the form's message stays,
                // then goes before the save's own ("已打分 8.5; 已保存到 …"). With nothing unsaved the
                // form's message stays ("没有改动") rather than "nothing to save".
                // Without the hint some forms add for Enter (`已更新 R01 (Ctrl-S 保存)`): saved now.
                let taken = s.message.map { m in
                    [" (Ctrl-S saves)", " (Ctrl-S 保存)"].reduce(m) { $0.hasSuffix($1) ? String($0.dropLast($1.count)) : $0 }
                }
                let effects = save(&s)
                if let taken, !effects.isEmpty {
                    s.say(taken)
                    // And with the save's message once written: "已新增验收测试 A2.2; 已保存到 …".
                    s.savedNote = [s.savedNote, taken].compactMap { $0 }.joined(separator: "; ")
                }
                return effects
            }
        }
        return []
    }

    /// `submit`, after something arrived from disk while the form was open: the form is applied to
    /// the workspace it was opened on, and that edit merged with what is there now, as a disk change
    /// is merged with unsaved edits (`WorkspaceMerge`). A field the form did not change keeps what
    /// arrived; a field both changed keeps the form's and says so. Before, the form wrote back every
    /// field as it had shown it: a colleague's saved weight went back to the old one without a word
    /// (user test pass).
    static func submitMerging(_ s: inout AppState, _ form: Form) -> FormRefusal? {
        guard let opened = s.formBase, opened != s.workspace else {
            let refusal = submit(&s, form)
            if refusal == nil { s.formBase = nil }
            return refusal
        }
        let current = s.workspace
        // Checked on what is there now (the panel may have turned blind meanwhile, a vendor gone).
        var now = s
        if let refusal = submit(&now, form) { return refusal }
        var probe = s
        probe.workspace = opened
        guard submit(&probe, form) == nil else {
            s = now
            s.formBase = nil
            return nil
        }
        // A form that changed nothing (opened to read, Enter; or a field changed and set back) merges
        // to what is there now: it wrote the old row back over the colleague's change (re-test pass).
        let result = WorkspaceMerge.merge(base: opened, mine: probe.workspace, theirs: current, prefer: .mine, lang: s.lang)
        let (undo, said) = (s.undoStack, probe.message)
        s = probe
        s.formBase = nil
        s.undoStack = Array((undo + [current]).suffix(200))
        s.redoStack = []
        s.workspace = result.merged
        // A score for a vendor or criterion removed meanwhile: no save could write it.
        let dropped = DiskChangesScreen.dropOrphanScores(&s, keeping: [])
        if s.workspace == current { s.undoStack = undo }  // nothing of the form's is left: no undo step
        s.dirty = s.workspace != s.base
        var lines = [said].compactMap { $0 }
        for r in result.renumbered {
            lines.append(
                s.lang.t("\(r.noun) \(r.from) was added on disk meanwhile: yours is \(r.to)", "磁盘上同时新增了\(r.noun) \(r.from): 你的改为 \(r.to)"))
        }
        for c in result.conflicts where WorkspacePart(file: c.file).map({ !$0.same(s.workspace, current) }) ?? true {
            // Said as this session may see it: an evaluator's own sheet with its values.
            var view = s
            view.workspace = c.mine
            let shown =
                WorkspacePart(file: c.file).map { DiskChangesScreen.lines(view, DiskConflict(part: $0, theirs: c.theirs)) } ?? c.lines
            lines.append(
                s.lang.t("\(c.file) changed on disk meanwhile too, yours kept: ", "\(c.file) 在磁盘上也被修改, 已保留你的: ")
                    + shown.joined(separator: " / ") + s.lang.t(" (u undoes)", " (按 u 撤销)"))
        }
        if let dropped { lines.append(dropped) }
        s.say(lines.joined(separator: "; "))
        return nil
    }

    // Kept as one function: the dispatch of every dialog's commands: one case per dialog.
    /// A command in an open dialog.
    static func handleModal(_ s: inout AppState, _ modal: Modal, _ cmd: Command, scope: Scope) -> [Effect] {
        switch modal {
        case .help, .messages, .problems:
            var behindModal: Modal?
            if case .help(_, let b) = modal { behindModal = b }
            let page = max(1, s.height - 6)
            switch cmd {
            case .up: s.overlayOffset = max(0, s.overlayOffset - 1)
            case .down: s.overlayOffset += 1
            case .pageUp: s.overlayOffset = max(0, s.overlayOffset - page)
            case .pageDown: s.overlayOffset += page
            case .top: s.overlayOffset = 0
            case .bottom: s.overlayOffset = Int.max / 2
            case .close:
                s.overlayOffset = 0
                s.modal = behindModal
                return []
            default: break
            }
            s.overlayOffset = overlayWindow(s, count: overlayLines(s, modal).lines.count).first
            return []
        case .confirm(_, let action):
            switch cmd {
            case .yes:
                s.modal = nil
                switch action {
                case .quitUnsaved:
                    s.quitAfterSave = true  // quits when `.saved` arrives
                    return save(&s)
                case .deleteRequirement(let id): RequirementsScreen.delete(&s, id: id)
                case .deleteVendor(let id): VendorsScreen.delete(&s, id: id)
                case .knockOut(let vendor, let req, let selected):
                    GatesScreen.setAnswer(&s, vendor: vendor, requirement: req, .no)
                    s.modal = .gates(GatesState(vendor: vendor, selected: selected))
                case .reveal:
                    return VendorsScreen.setRevealed(&s, true)
                case .revealSaving(let revealed):
                    return VendorsScreen.setRevealed(&s, revealed)
                case .quitDiscardingTyped:
                    return quit(&s)
                }
            case .no, .cancel:
                s.modal = nil
                switch action {
                case .quitUnsaved where cmd == .no: return [.quit]
                case .quitDiscardingTyped(let behind):
                    s.modal = behind
                    s.say(s.lang.t("Still open: what was typed is kept", "未退出: 输入的内容已保留"))
                case .knockOut(let vendor, _, let selected):
                    s.modal = .gates(GatesState(vendor: vendor, selected: selected))
                    s.say(s.lang.t("Answer unchanged", "答复未改变"))
                default: s.say(s.lang.t("Cancelled", "已取消"))
                }
            default: break
            }
            return []
        case .changedOnDisk:
            switch cmd {
            case .reloadFromDisk:
                s.modal = nil
                return [.reload]
            case .overwrite:
                s.modal = nil
                return [.save(s.workspace, force: true)]
            case .cancel:
                s.modal = nil
                s.say(s.lang.t("Save cancelled", "已取消保存"))
            default: break
            }
            return []
        case .prompt(let kind, var field):
            switch cmd {
            case .cancel: s.modal = nil
            case .submit:
                s.modal = nil
                if kind == .search {
                    s.lastSearch = field.text
                    RequirementsScreen.searchNext(&s, forward: true, includeCurrent: true)
                } else {
                    return runCommand(&s, field.text)
                }
            default:
                field.apply(cmd)
                s.modal = .prompt(kind: kind, field: field)
            }
            return []
        case .survey(let st): SurveyScreen.handle(&s, st, cmd)
        case .duplicates(let st): DuplicatesScreen.handle(&s, st, cmd)
        case .departments(let st): DepartmentsScreen.handle(&s, st, cmd)
        case .gates(let st): GatesScreen.handle(&s, st, cmd)
        case .ahp(let st): AHPScreen.handle(&s, st, cmd)
        case .prices(let st): PricesScreen.handle(&s, st, cmd)
        case .risks(let st): RisksScreen.handle(&s, st, cmd)
        case .changes(let st): ChangesScreen.handle(&s, st, cmd)
        case .deliveryList(let st): DeliveryLists.handle(&s, st, cmd)
        case .cellDetail(let st): CellDetailScreen.handle(&s, st, cmd)
        case .diskConflict(let list): DiskChangesScreen.handle(&s, list, cmd)
        case .form: break
        }
        if cmd == .save { return save(&s) }
        return []
    }

    /// `:` commands.
    static func runCommand(_ s: inout AppState, _ line: String) -> [Effect] {
        let words = line.split(separator: " ").map(String.init)
        guard let verb = words.first else { return [] }
        if s.checking && ["reload", "e", "import", "report", "meeting", "scenario", "export"].contains(verb) {
            // These read the whole workspace (or the disk against it): not before it is opened.
            s.say(s.readOnlyReason, error: true)
            return []
        }
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
        case "reload", "e":
            return [.checkDisk]
        case "help":
            s.overlayOffset = 0
            s.modal = .help(scopes: place(s), behind: nil)
            return []
        case "users" where words.count == 2, "years" where words.count == 2, "escalation" where words.count == 2,
            "growth" where words.count == 2, "rate" where words.count == 2:
            s.screen = .budget
            BudgetScreen.typedWhatIf(&s, verb, words[1])
            return []
        case "report", "meeting", "scenario", "export":
            return Handouts.command(&s, verb, Array(words.dropFirst()))
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
        case .budget, .contracts, .delivery: break
        }
        return []
    }

    /// The ids of the selected requirement (screen 1) and task (screen 5), so that an undo or redo
    /// that moves their rows (a task's dates sort it) keeps the selection on the same item: it
    /// stayed on the row number, and the next Enter edited another task (user test pass).
    static func selectedItems(_ s: AppState) -> (requirement: String?, task: String?) {
        let rows = RequirementsScreen.visibleRows(s)
        let requirement = s.requirements.selected < rows.count ? rows[s.requirements.selected].id : nil
        let task = DeliveryScreen.current(s).flatMap { d in s.delivery.selected < d.tasks.count ? d.tasks[s.delivery.selected].id : nil }
        return (requirement, task)
    }

    /// Puts the selections back on the items `selectedItems` named, where they still are.
    static func reselect(_ s: inout AppState, _ items: (requirement: String?, task: String?)) {
        if let id = items.requirement, let i = RequirementsScreen.visibleRows(s).firstIndex(where: { $0.id == id }) {
            s.requirements.selected = i
        }
        if let id = items.task, let i = DeliveryScreen.current(s)?.tasks.firstIndex(where: { $0.id == id }) { s.delivery.selected = i }
    }

    static func clampSelections(_ s: inout AppState) {
        let n = RequirementsScreen.visibleRows(s).count
        s.requirements.selected = max(0, min(s.requirements.selected, n - 1))
        s.vendors.vendor = max(0, min(s.vendors.vendor, s.workspace.vendors.count - 1))
    }

    // MARK: Rendering

    /// The area between the title bar and the message lines (one, or more for a long message) above the hint bar.
    public static func body(_ s: AppState) -> Rect {
        Rect(x: 0, y: 1, width: s.width, height: max(0, s.height - 2 - messageLines(s).count))
    }

    /// The message wrapped onto as many rows above the hint bar as it needs (STYLE: nothing a person
    /// must read is cut off), up to a fifth of the terminal (at least two, at most five rows); only a
    /// message longer than that ends with `…`. Without a message: the workspace's location, one row
    /// (`工作区: /path`).
    static func messageLines(_ s: AppState) -> [String] {
        let width = max(1, s.width - 2)
        // The prompt takes the message row; what was said before it stays on one row meanwhile.
        // The location is said as such (a bare path read like an error or leftover output: a meeting pass).
        let location = s.lang.t("Workspace: ", "工作区: ") + s.location
        if case .prompt? = s.modal { return [TextWidth.clip(s.message ?? location, to: width)] }
        guard let m = s.message else { return [TextWidth.clip(location, to: width)] }
        let lines = m.split(separator: "\n", omittingEmptySubsequences: false).flatMap { TextWidth.wrap(String($0), width) }
        guard !lines.isEmpty else { return [""] }
        let cap = max(2, min(5, s.height / 5))
        guard lines.count > cap else { return lines }
        var kept = Array(lines.prefix(cap))
        kept[cap - 1] = TextWidth.clip(lines[(cap - 1)...].joined(separator: " "), to: width)
        return kept
    }

    /// A tab's name: the full one, or on a terminal too narrow for all five, a short one, or narrower
    /// still, three letters (a meeting pass: at 60 columns the English tabs ran into the save state,
    /// `5 Deliv.saved`).
    static func tabTitle(_ id: ScreenID, _ s: AppState) -> String {
        func fits(_ title: (ScreenID) -> String) -> Bool {
            ScreenID.allCases.map { TextWidth.of(" \($0.rawValue + 1) \(title($0)) ") + 1 }.reduce(0, +) + TextWidth.of(stateText(s)) + 3
                <= s.width
        }
        func short(_ id: ScreenID) -> String {
            switch id {
            case .requirements: return s.lang.t("Reqs", "需求")
            case .vendors: return s.lang.t("Vendors", "供应商")
            case .budget: return s.lang.t("Budget", "预算")
            case .contracts: return s.lang.t("Contr.", "合同")
            case .delivery: return s.lang.t("Deliv.", "交付")
            }
        }
        if fits({ $0.title(s.lang) }) { return id.title(s.lang) }
        if fits(short) || s.lang == .zh { return short(id) }
        return String(short(id).prefix(3))
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
        if s.checking && s.problems.isEmpty { return s.lang.t("checking…", "检查中…") }
        if s.readOnly { return s.lang.t("READ-ONLY", "只读") }
        return s.dirty ? s.lang.t("● unsaved", "● 未保存") : s.lang.t("saved", "已保存")
    }

    /// Hint items that fit whole in `width` cells, joined by two spaces (never cut mid-word).
    static func fitHints(_ text: String, width: Int) -> String {
        var out = ""
        for item in text.components(separatedBy: "  ") {
            let next = out.isEmpty ? item : out + "  " + item
            // One that does not fit is left out; a shorter one after it may still fit (the user pass
            // saw nine blank columns at 80 where `] 部门` would have gone).
            if TextWidth.of(next) > width { continue }
            out = next
        }
        return out
    }

    /// Draws the whole frame for the state.
    public static func render(_ s: AppState) -> Canvas {
        var c = Canvas(width: s.width, height: s.height)
        if tooSmall(s) {
            renderTooSmall(s, into: &c)
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
        case .delivery: DeliveryScreen.render(s, into: &c, area: area)
        }

        // Message lines and hint bar.
        let message = messageLines(s)
        let style: Style = s.message == nil ? .dim : s.messageIsError ? .error : .good
        for (i, line) in message.enumerated() {
            c.text(1, s.height - 1 - message.count + i, line, style, maxWidth: s.width - 2)
        }
        c.fill(Rect(x: 0, y: s.height - 1, width: s.width, height: 1), " ", Style(reverse: true))
        let hints = KeyMap.hintParts(for: place(s), s)
        let global = fitHints(hints.global, width: s.width - 2)
        let gw = TextWidth.of(global)
        c.text(s.width - 1 - gw, s.height - 1, global, Style(reverse: true))
        c.text(1, s.height - 1, fitHints(hints.local, width: max(0, s.width - gw - 4)), Style(reverse: true))

        if let modal = s.modal { renderModal(s, modal, into: &c) }
        return c
    }

    /// The terminal is smaller than the screens are designed for.
    static func tooSmall(_ s: AppState) -> Bool { s.width < minimumSize.width || s.height < minimumSize.height }

    /// The too-small screen: what to do, and a pending question with its keys (readable, so that `y`
    /// is never pressed blind) and the last message, wrapped to the width.
    static func renderTooSmall(_ s: AppState, into c: inout Canvas) {
        let width = max(1, s.width - 2)
        var lines: [(String, Style)] = [
            (s.lang.t("Terminal too small", "终端窗口太小"), .error),
            ("\(s.width)×\(s.height) < \(minimumSize.width)×\(minimumSize.height)", .plain),
        ]
        if case .confirm(let question, _)? = s.modal {
            // The keys "(y … / n …)" on a row of their own, never split across two.
            var parts = [question]
            if question.hasSuffix(")"), let open = question.range(of: " (", options: .backwards) {
                parts = [String(question[..<open.lowerBound]), "(" + String(question[open.upperBound...])]
            }
            lines += parts.flatMap { TextWidth.wrap($0, width) }.map { ($0, Style(fg: .yellow, bold: true)) }
        } else {
            lines.append((s.lang.t("Enlarge the window, or q to quit", "请放大窗口, 或按 q 退出"), .plain))
            if let m = s.message {
                lines += TextWidth.wrap(m, width).map { ($0, s.messageIsError ? Style.error : Style.good) }
            }
        }
        let top = max(0, (s.height - lines.count) / 2)
        for (i, l) in lines.prefix(s.height).enumerated() {
            let w = TextWidth.of(l.0)
            c.text(max(0, (s.width - w) / 2), top + i, l.0, l.1, maxWidth: s.width)
        }
    }

    static func renderModal(_ s: AppState, _ modal: Modal, into c: inout Canvas) {
        let full = Rect(x: 0, y: 1, width: s.width, height: s.height - 2)
        switch modal {
        case .help, .problems, .messages:
            renderOverlay(s, modal, into: &c)
        case .form(let form):
            form.render(into: &c, area: full, lang: s.lang, hints: KeyMap.hints(for: form.scopes, s))
        case .survey(let st): SurveyScreen.render(s, st, into: &c)
        case .duplicates(let st): DuplicatesScreen.render(s, st, into: &c)
        case .departments(let st): DepartmentsScreen.render(s, st, into: &c)
        case .gates(let st): GatesScreen.render(s, st, into: &c)
        case .ahp(let st): AHPScreen.render(s, st, into: &c)
        case .prices(let st): PricesScreen.render(s, st, into: &c)
        case .risks(let st): RisksScreen.render(s, st, into: &c)
        case .changes(let st): ChangesScreen.render(s, st, into: &c)
        case .deliveryList(let st): DeliveryLists.render(s, st, into: &c)
        case .cellDetail(let st): CellDetailScreen.render(s, st, into: &c)
        case .diskConflict(let list): DiskChangesScreen.render(s, list, into: &c)
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
                    KeyMap.hints(for: [.changedOnDisk], s)
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

    /// The title, the box style and the lines of a text overlay (help, problems, messages), wrapped
    /// to the terminal so nothing is cut off: the overlay scrolls instead.
    static func overlayLines(_ s: AppState, _ modal: Modal) -> (title: String, frame: Style, lines: [(String, Style)]) {
        let width = s.width - 6
        switch modal {
        case .help(let scopes, _):
            let rows = KeyMap.helpRows(for: scopes, s)
            let kw = min(20, rows.filter { !$0.heading }.map { TextWidth.of($0.keys) }.max() ?? 10)
            var lines: [(String, Style)] = []
            for row in rows {
                if row.heading {
                    if !lines.isEmpty { lines.append(("", .plain)) }
                    lines.append((row.text, .accent))
                    continue
                }
                let text = row.text + (row.off.map { " — " + $0 } ?? "")
                let wrapped = TextWidth.wrap(text, max(10, width - kw - 1))
                for (i, w) in wrapped.enumerated() {
                    lines.append(
                        (
                            (i == 0 ? TextWidth.fit(row.keys, kw) : String(repeating: " ", count: kw)) + " " + w,
                            row.off == nil ? .plain : .dim
                        ))
                }
            }
            let place = scopes.first.map { s.lang.t($0.title.en, $0.title.zh) } ?? ""
            return (s.lang.t("Keys — \(place) (↑↓ scroll, Esc closes)", "按键 — \(place) (↑↓ 滚动, Esc 关闭)"), .accent, lines)
        case .problems:
            let head = s.lang.t(
                "\(s.problems.count) problem(s); nothing will be written until they are fixed:", "共 \(s.problems.count) 个问题; 解决之前不会写入任何文件:")
            return (
                s.lang.t("Problems — opened read-only (Esc)", "错误 — 以只读方式打开 (Esc)"), Style(fg: .red, bold: true),
                [(head, Style.bold)] + s.problems.flatMap { TextWidth.wrap($0, width) }.map { ($0, Style.error) }
            )
        case .messages(let title, let list, let plain):
            return (
                title + " (Esc)", plain ? Style.bold : Style(fg: .red, bold: true),
                list.flatMap { TextWidth.wrap($0, width) }.map { ($0, plain ? Style.plain : Style.error) }
            )
        default: return ("", .plain, [])
        }
    }

    /// The rows an overlay shows at once, and the first row shown (the offset kept within the text).
    static func overlayWindow(_ s: AppState, count: Int) -> (visible: Int, first: Int) {
        let visible = max(1, s.height - 4)
        return (visible, max(0, min(s.overlayOffset, count - visible)))
    }

    static func renderOverlay(_ s: AppState, _ modal: Modal, into c: inout Canvas) {
        let (title, frame, lines) = overlayLines(s, modal)
        let (visible, first) = overlayWindow(s, count: lines.count)
        let r = Rect(x: 1, y: 1, width: s.width - 2, height: min(s.height - 2, lines.count + 2))
        // Its rows are cleared edge to edge: the one-column margins either side of the box showed the
        // screen below (a stray character right of the border).
        c.fill(Rect(x: 0, y: r.y, width: s.width, height: r.height))
        c.box(r, frame, title: title)
        for (i, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            c.text(r.x + 2, r.y + 1 + i, line.0, line.1, maxWidth: r.width - 4)
        }
        // Where the reader is, when there is more than fits.
        if lines.count > visible {
            let more = s.lang.t(
                " \(first + 1)–\(min(lines.count, first + visible)) of \(lines.count) ",
                " 第 \(first + 1)–\(min(lines.count, first + visible)) 行, 共 \(lines.count) 行 ")
            c.text(r.maxX - 2 - TextWidth.of(more), r.maxY - 1, more, frame)
        }
    }

}
