import ArgumentParser
import BidbenchCore
import BidbenchStore
import BidbenchTerminal
import BidbenchUI
import Foundation

/// `bidbench open [PATH]`: the terminal UI on a workspace.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the terminal UI on a workspace (default: the current folder).")
    @Argument(help: "The workspace folder.") var path: String?
    @Option(name: .long, help: "UI language.") var lang: Lang?
    @Option(name: .customLong("as"), help: "Score blind as this evaluator.") var evaluator: String?
    func run() throws {
        try TUILauncher.launch(path: path ?? ".", createDemoIfMissing: false, lang: CommandLineLanguage.resolve(lang), evaluator: evaluator)
    }
}

/// Opens the terminal UI on a workspace and runs the event loop: terminal events go through
/// `App.reduce`, effects are carried out here with the Store, and their results go back as events.
enum TUILauncher {
    /// `path` nil: the workspace in the current folder if there is one, else a fresh copy of the demo.
    static func launch(path: String?, createDemoIfMissing: Bool, lang: Lang?, evaluator rawEvaluator: String? = nil) throws {
        // The evaluator's name becomes scores/NAME.csv: checked now with the rule a save applies (not
        // at the first Ctrl-S), and in NFC so José typed in either Unicode form is one evaluator.
        let evaluator = rawEvaluator.map { $0.precomposedStringWithCanonicalMapping }
        if let name = evaluator, let problem = EvaluatorName.problem(name) {
            printError("error: --as: evaluator name \(problem.en) / 评委姓名\(problem.zh)")
            throw ExitCode(2)
        }
        // The screen needs a terminal on both sides: run from a script or a pipe it drew into the output,
        // waited for keys that never came and left its lock behind. Checked before a demo is copied.
        func needTerminal() throws {
            guard isatty(0) == 1 && isatty(1) == 1 else {
                printError(
                    "error: the Bidbench screen needs a terminal (standard input and output are not one); in scripts use the verbs: bidbench --help / 界面需要在终端中运行; 脚本请使用命令 (bidbench --help)"
                )
                throw ExitCode(2)
            }
        }
        var folder = path ?? "."
        // Said on the first frame in the interface's language (a meeting pass: both languages at once).
        var notes: [(en: String, zh: String)] = []
        var demoNote: String?
        let fm = FileManager.default
        if path == nil && !fm.fileExists(atPath: "./workspace.json") && createDemoIfMissing {
            try needTerminal()
            // The Chinese demo unless English was asked for (flag, BIDBENCH_LANG or an en locale).
            let langGuess = resolveLang(flag: lang, workspaceLanguage: "zh")
            guard let demo = WorkspaceStore.demoFolder(language: langGuess.rawValue) else {
                printError("error: no workspace here and the demo (data/demo) was not found; use `bidbench init PATH`.")
                throw ExitCode(1)
            }
            let stamp = ISO8601DateFormatter.string(
                from: Date(), timeZone: .current, formatOptions: [.withYear, .withMonth, .withDay, .withTime]
            )
            .replacingOccurrences(of: ":", with: "")
            let env = ProcessInfo.processInfo.environment
            let base = env["XDG_DATA_HOME"] ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.local/share")
            folder = base + "/bidbench/demo-" + stamp
            try fm.createDirectory(atPath: base + "/bidbench", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try WorkspaceStore.copyWorkspace(from: demo, to: folder)
            let copied = (en: "Demo copied to \(folder); it starts revealed (all scores shown)", zh: "演示工作区副本: \(folder); 评分已揭晓 (全部可见)")
            notes.append(copied)
            demoNote = copied.en + " / " + copied.zh
            printError(demoNote!)
        }
        guard fm.fileExists(atPath: folder + "/workspace.json") else {
            printError(
                "error: \(folder) is not a workspace (no workspace.json). Create one with `bidbench init \(folder)` or try `bidbench demo`."
            )
            throw ExitCode(1)
        }
        // The folder as a full path: `open .` said `Saved to .` and showed a lone `.` as its location.
        let shown = URL(fileURLWithPath: folder).standardizedFileURL.path
        try needTerminal()
        var sheet = evaluator
        if let name = evaluator {
            let existing = ((try? fm.contentsOfDirectory(atPath: folder + "/scores")) ?? [])
                .filter { $0.hasSuffix(".csv") && !$0.hasPrefix(".") }.map { String($0.dropLast(4)) }.sorted()
            let choice = EvaluatorSheet.choose(name, existing: existing)
            sheet = choice.sheet
            if let said = choice.note { notes.append(said) }
        }
        try MainActor.assumeIsolated {
            try run(folder: shown, langFlag: lang, notes: notes, evaluator: sheet)
        }
        // Where the demo copy is, again after the screen is gone (an evaluator's note was said on the
        // first frame, and printed again here it was stale and half under the shell's prompt).
        if let demoNote { printError(demoNote) }
    }

    /// `--lang`, then `BIDBENCH_LANG`, then a zh/en locale, then the workspace's language.
    static func resolveLang(flag: Lang?, workspaceLanguage: String?) -> Lang {
        if let flag { return flag }
        let env = ProcessInfo.processInfo.environment
        if let l = env["BIDBENCH_LANG"] { return Lang(guess: l) }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], v.hasPrefix("zh") || v.hasPrefix("en") { return Lang(guess: v) }
        }
        return Lang(guess: workspaceLanguage ?? "en")
    }

    /// An error from the Store (or anything else) as a line for the TUI, in its language. The command
    /// line keeps English (`description`): scripts read it.
    static func text(_ error: Error, _ lang: Lang) -> String {
        if let e = error as? StoreError { return e.text(chinese: lang == .zh) }
        if let p = error as? Problem { return p.text(chinese: lang == .zh) }
        return "\(error)"
    }

    /// Why the session's claim was refused. The Store's text names the lead's lock (`.bidbench/lock`);
    /// an evaluator's claim is another file (`WorkspaceLock.claimFile`), and that is the one to name,
    /// with whose sheet it is.
    static func lockText(_ error: Error, evaluator: String?, _ lang: Lang) -> String {
        guard let evaluator, case .locked(let pid, let host, let since) = error as? StoreError else { return text(error, lang) }
        let rel = "scores/\(evaluator).csv"
        let file = WorkspaceLock.claimFile(.evaluator(evaluator))
        let h = host == "unknown host" ? lang.t(host, "未知主机") : host
        let t = since == "unknown time" ? lang.t(since, "未知时间") : since
        return lang.t(
            "\(rel) is being scored in another Bidbench (pid \(pid) on \(h) since \(t)); this session is read-only. "
                + "Close that one first, or remove \(file) if that process is gone",
            "\(rel) 已在另一个 Bidbench 中打分 (\(h) 上的进程 \(pid), 自 \(t) 起); 本会话只读。请先关闭它; 若该进程已不存在, 可删除 \(file)")
    }

    /// `:import KIND FILE [utf-8|gb18030]`: all or nothing; the result is an undoable, unsaved change.
    static func importEvent(
        kind: String, path: String, encoding: String, into ws: Workspace, evaluator: String?, lang: Lang, folder: String? = nil
    ) -> Event {
        guard let table = TableKind(rawValue: kind) else {
            return .failed(
                message: lang.t(
                    "Unknown table “\(kind)”: one of \(TableKind.allCases.map(\.rawValue).joined(separator: ", "))",
                    "未知的表 “\(kind)”: 可选 \(TableKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        guard let enc = ImportEncoding(parsing: encoding) else {
            return .failed(message: lang.t("Unknown encoding “\(encoding)”: utf-8 or gb18030", "未知编码 “\(encoding)”: utf-8 或 gb18030"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed(message: lang.t("Cannot read \(path)", "无法读取 \(path)"))
        }
        switch Importer.importTable(
            kind: table, fileBytes: Array(data), fileName: path, encoding: enc, into: ws, evaluator: evaluator, folder: folder,
            // The encoding follows the file name here (`:import requirements f.csv gb18030`).
            spelling: ImportEncoding.Spelling(
                with: (":import \(kind) \(path) gb18030", ":import \(kind) \(path) gb18030"),
                without: ("gb18030 at the end", "末尾的 gb18030")))
        {
        case .success(let outcome):
            // The same facts as the English summary: "R48" or "R48–R59" (score sheets have no ids but evaluators), ignored columns.
            var zh = "已导入 \(outcome.count) 条"
            if let first = outcome.ids.first { zh += outcome.ids.count == 1 ? " \(first)" : " \(first)–\(outcome.ids.last!)" }
            if !outcome.evaluators.isEmpty { zh += " (评委: \(outcome.evaluators.joined(separator: ", ")))" }
            if !outcome.ignoredColumns.isEmpty { zh += "; 已忽略的列: \(outcome.ignoredColumns.joined(separator: ", "))" }
            if !outcome.createdDepartments.isEmpty {
                zh += "; 已新建部门 " + outcome.createdDepartments.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
            }
            if !outcome.formulaCells.isEmpty { zh += "; 已取 \(outcome.formulaCells.count) 个公式单元格的保存值" }
            return .replaced(
                workspace: outcome.workspace, message: lang.t("\(outcome.summary) — Ctrl-S saves, u undoes", zh + " — Ctrl-S 保存, u 撤销"))
        case .failure(let failure):
            return .importRefused(file: path, problems: failure.problems.map { $0.text(chinese: lang == .zh) })
        }
    }

    /// When a handout was generated: `2026-12-05 05:10 UTC`.
    static func generatedStamp() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return f.string(from: Date())
    }

    /// Writes a file the TUI asked for and says how it went: atomic and readable by its owner only;
    /// inside the workspace (`rel`) a link or read-only file is refused, a path the user named
    /// replaces a link (and says so) instead of writing through it, and may not be a file the workspace
    /// reads (`OutputFile.workspaceFile`).
    static func write(
        _ content: String, to target: String, inWorkspace folder: String?, of loaded: LoadedWorkspace, lang: Lang, done: String
    )
        -> Event
    {
        write(bytes: Array(content.utf8), to: target, inWorkspace: folder, of: loaded, lang: lang, done: done)
    }

    static func write(
        bytes content: [UInt8], to target: String, inWorkspace folder: String?, of loaded: LoadedWorkspace, lang: Lang, done: String
    )
        -> Event
    {
        do {
            var note = ""
            let contractFiles = loaded.workspace.contracts.map(\.file)
            if let rel = OutputFile.workspaceFile(target, in: loaded.folder, contractFiles: contractFiles) {
                throw StoreError.workspaceFile(target, rel)
            }
            if let folder {
                try OutputFile.writeInWorkspace(folder: folder, String(target.dropFirst(folder.count + 1)), content)
            } else if try OutputFile.write(target, content) {
                let n = OutputFile.replacedLinkNote(target)
                note = lang.t(" (\(n.en))", " (\(n.zh))")
            }
            return .notice(message: done + note)
        } catch let e as StoreError where { if case .workspaceFile = e { true } else { false } }() {
            return .failed(message: Self.text(e, lang))
        } catch {
            return .failed(message: lang.t("Cannot write \(target): ", "无法写入 \(target): ") + Self.text(error, lang))
        }
    }

    // Kept as one function: the session's set-up, then the event loop (background arrivals, next event, idle disk look, reduce, perform, draw).
    @MainActor
    static func run(folder: String, langFlag: Lang?, notes: [(en: String, zh: String)], evaluator: String?) throws {
        // Read and parse now, all but the gate answers; those and the checks across rows and files
        // run on another thread after the first frame (README "Opening a large workspace").
        // Nothing can be changed or saved before they are done.
        let unchecked = try WorkspaceStore.read(folder: folder, deferGates: true)
        let loaded = unchecked.loaded
        let lang = resolveLang(flag: langFlag, workspaceLanguage: loaded.workspace.settings.language)
        var lock: WorkspaceLock?
        var lockMessage: String?
        // The lead claims the shared tables; an evaluator only their own score sheet (README "Many writers").
        let scope: WorkspaceLock.Scope = evaluator.map { .evaluator($0) } ?? .lead
        do { lock = try WorkspaceLock(folder: folder, scope: scope) } catch {
            lockMessage = lockText(error, evaluator: evaluator, lang)
        }
        // The journal names the evaluator when there is one.
        let actor = evaluator ?? currentUser()
        let background = TUIJobs()
        var host = SessionHost(
            folder: folder, actor: actor, loaded: loaded, lock: lock, watch: DiskWatch(folder: folder), background: background)
        background.run { .checked(unchecked.checked().preparedForSaves(), generation: 0) }

        let term = Terminal(noColor: ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false)
        // Closing the terminal window (SIGHUP) or a kill takes the claim with it (README "Many writers").
        let lostMarker = lock.map { $0.path + ".unsaved" }
        Terminal.releaseOnTermination(path: lock?.path, content: lock?.fileContent ?? [], lostMarker: lostMarker)
        defer {
            term.shutdown()
            _ = lock
        }
        let size = term.size
        let problems = loaded.problems.map { $0.text(chinese: lang == .zh) } + (lockMessage.map { [$0] } ?? [])
        var state = AppState(
            workspace: loaded.workspace, location: loaded.folder, problems: problems, lang: lang,
            width: size.width, height: size.height, today: LocalClock.today(), checking: true)
        state.evaluator = evaluator
        state.lockNote = lockMessage
        // The files' times for the first frame; the journal's, read with the check, replace them.
        state.sheetTimes = host.watch.snapshot.sheetTimes
        if !notes.isEmpty { state.say(notes.map { lang.t($0.en, $0.zh) }.joined(separator: lang.t("; ", "；"))) }
        // The last session of this claim closed by a signal (its window closed) with unsaved edits.
        if let lostMarker, FileManager.default.fileExists(atPath: lostMarker) {
            try? FileManager.default.removeItem(atPath: lostMarker)
            state.say(
                lang.t(
                    "The last session here was closed (its terminal hung up or it was stopped) with unsaved changes: they were lost",
                    "此处上一个会话在有未保存修改时被关闭 (终端断开或被终止): 这些修改已丢失"), error: true)
        }
        if let gone = lock?.replacedStale {
            state.say(
                lang.t(
                    "The last session here (pid \(gone.pid), since \(gone.since)) did not end normally: anything it had not saved was lost",
                    "此处上一个会话 (进程 \(gone.pid), 自 \(gone.since) 起) 未正常退出: 其未保存的修改已丢失"))
        }
        if !loaded.completedSave.isEmpty { state.say(DiskChangesScreen.completedSave(loaded.completedSave, lang)) }
        term.draw(App.render(state))
        let typedAhead = Event.notice(
            message: lang.t(
                "Keys typed while opening were not run: the workspace opened read-only", "打开期间按下的键未执行: 工作区以只读方式打开"))
        func isInput(_ e: Event) -> Bool {
            switch e {
            case .key, .click, .scroll: true
            default: false
            }
        }
        var pending: [Event] = []
        // The first frame shows problems (another Bidbench's lock): keys already waiting were typed before
        // anyone could read them, and would close the dialog unseen. Those are dropped, and the count
        // said; keys typed after it are for the dialog on screen.
        if !problems.isEmpty {
            var early: [Event] = []
            while let e = term.nextEvent(idleAfter: 0) {
                if case .idle = e { break }
                early.append(e)
            }
            pending = early.filter { !isInput($0) }
            if pending.count < early.count { pending.append(typedAhead) }
        }
        // The first frame is on screen: build the contract rules now (about 40 ms), on a thread of
        // their own so a key or a quit does not wait for them; a scan that comes first waits for them.
        Thread.detachNewThread { ContractScanner.prepare() }
        var lastLook = ContinuousClock.now
        loop: while true {
            for arrival in background.take() {
                switch arrival {
                case .event(let e): pending.append(e)
                case .checked(let result, let gen):
                    guard gen == host.generation else { continue }
                    host.loaded = result
                    var found = result.problems.map { $0.text(chinese: state.lang == .zh) }
                    if let lockMessage { found.append(lockMessage) }
                    // Ahead of any key that waited for it (below).
                    pending.insert(.opened(workspace: result.workspace, problems: found), at: 0)
                    // Keys typed ahead were meant for a writable workspace: with problems they would close
                    // the read-only dialog unseen (a performance pass: a held Enter did, 15 ms after it
                    // appeared). They are dropped, and the count said.
                    // Those still unread in the terminal go too (a re-test pass: the second key closed it).
                    // Not when the first frame showed every problem already (another Bidbench's lock): keys
                    // typed after it were meant for the dialog on screen (a fast Esc was dropped).
                    let held = pending.contains { if case .key = $0 { true } else { false } }
                    if held && found.contains(where: { !problems.contains($0) }) {
                        pending.removeAll(where: isInput)
                        term.discardTypeAhead()
                        pending.insert(typedAhead, at: 1)
                    }
                    state.sheetTimes = host.watch.snapshot.lastChanges(folder: folder)
                }
            }
            let event: Event
            if !pending.isEmpty {
                event = pending.removeFirst()
            } else if let e = term.nextEvent(idleAfter: background.busy ? 15 : DiskWatch.intervalMilliseconds) {
                event = e
            } else {
                break
            }
            if state.checking {
                switch event {
                case .key(let key) where App.quitsAtOnce(state, key):
                    break loop  // nothing can be unsaved yet: quitting does not wait for the check
                case .key, .click, .scroll:
                    // Typed before the workspace is open (a fraction of a second on a large one): the
                    // key waits for the opening instead of being refused, so nothing typed is lost.
                    pending.insert(event, at: 0)
                    background.waitForCheck()
                    continue
                default: break
                }
            }
            if case .idle = event {
                // Between keys: look at the disk (stat only; read and hash only what moved), not
                // before the opened workspace is checked, and not more often while jobs run.
                guard !state.checking, ContinuousClock.now - lastLook >= .milliseconds(Int(DiskWatch.intervalMilliseconds)) else {
                    continue
                }
                lastLook = ContinuousClock.now
                if let arrived = host.watch.poll(loaded: &host.loaded, lang: state.lang, force: false) { pending.append(arrived) }
                // Read-only because another Bidbench held the lock: take it once that one has closed.
                if lockMessage != nil, host.lock == nil, let taken = try? WorkspaceLock(folder: folder, scope: scope) {
                    host.lock = taken
                    Terminal.releaseOnTermination(path: taken.path, content: taken.fileContent)
                    lockMessage = nil
                    pending.append(.lockTaken)
                }
                continue
            }
            for effect in App.reduce(&state, event) {
                if case .quit = effect { break loop }
                pending += host.perform(effect, state)
                // This session's own save of a score sheet shows its own time in the progress line (a
                // meeting pass: the evaluator's screen kept the time of the save before).
                if case .save = effect, host.loaded.written.contains(where: { $0.hasPrefix("scores/") }) {
                    state.sheetTimes = FolderSnapshot.take(folder: folder).lastChanges(folder: folder)
                }
            }
            term.draw(App.render(state))
            Terminal.noteUnsavedWork(state.dirty)
        }
    }
}

/// The I/O side of a session: carries out the effects the reducer asks for with the Store and the
/// file system, and turns each result into events for the reducer (one method per effect).
@MainActor
struct SessionHost {
    let folder: String
    /// Who the journal names.
    let actor: String
    /// The workspace as last loaded or saved.
    var loaded: LoadedWorkspace
    /// The session's lock; nil while another Bidbench holds it (taken once that one closes).
    var lock: WorkspaceLock?
    var watch: DiskWatch
    /// Where jobs off the key path run (`Effect.compute`).
    let background: TUIJobs
    /// Bumped by a reload: a check still running for the workspace read before is then dropped.
    var generation = 0

    /// Carries out `effect` (anything but quit) for the session in `state`.
    mutating func perform(_ effect: Effect, _ state: AppState) -> [Event] {
        switch effect {
        case .quit: return []
        case .save(let ws, let force): return [save(ws, force: force, state.lang)]
        case .reload: return [reload(state.lang)]
        case .writeReport(let format, let path): return [writeReport(format: format, path: path, state)]
        case .writeHandout(let kind, let format, let path): return [writeHandout(kind, format: format, path: path, state)]
        case .saveScenario(let row): return [saveScenario(row, state.lang)]
        case .export(let table, let forPeople, let department, let path):
            return [export(table, forPeople: forPeople, department: department, path: path, state)]
        case .checkDisk:
            return [
                watch.poll(loaded: &loaded, lang: state.lang, force: true)
                    ?? .notice(message: state.lang.t("Nothing changed on disk", "磁盘上没有变化"))
            ]
        case .compute(let job):
            background.run { .event(App.perform(job)) }
            return []
        case .importFile(let kind, let path, let encoding):
            return [
                TUILauncher.importEvent(
                    kind: kind, path: path, encoding: encoding, into: state.workspace, evaluator: state.evaluator, lang: state.lang,
                    folder: loaded.folder)
            ]
        }
    }

    private func text(_ error: Error, _ lang: Lang) -> String { TUILauncher.text(error, lang) }

    /// A save that threw. Past its commit point the data are on disk: the files are read back as the
    /// session's new base (reading finishes what it can of the save), so the screen is saved and the
    /// next save is not taken for someone else's change; it is said as such, not as a failure.
    private mutating func saveFailed(_ error: Error, _ lang: Lang) -> Event {
        if case StoreError.saveIncomplete = error {
            if let reread = try? WorkspaceStore.load(folder: folder).preparedForSaves(reusing: loaded), reread.problems.isEmpty {
                loaded = reread
                watch = DiskWatch(folder: folder)
                return .saved(message: text(error, lang))
            }
            return .saveFailed(message: text(error, lang))
        }
        return .saveFailed(message: lang.t("Save failed: ", "保存失败: ") + text(error, lang))
    }

    mutating func save(_ ws: Workspace, force: Bool, _ lang: Lang) -> Event {
        // Hidden again: what the reveal let out is named, as `reveal --hide` does (a meeting pass: `R`
        // left the revealed handout and report beside scores/ unsaid).
        let hiding = loaded.workspace.settings.revealed && !ws.settings.revealed
        do {
            do {
                loaded = try WorkspaceStore.save(ws, over: loaded, actor: actor, force: force, lock: lock)
            } catch StoreError.changedOnDisk(let files) where !force && files.allSatisfy({ !ownsEdit($0, ws, loaded) }) {
                // Changed by others but not edited here (an evaluator's sheet, one that does
                // not parse): a forced save writes only this session's edits, never those.
                loaded = try WorkspaceStore.save(ws, over: loaded, actor: actor, force: true, lock: lock)
            }
            // Edits that undo themselves or print the same bytes leave every file as it is: no file
            // and no journal entry was written, and the message does not claim one was.
            if loaded.written.isEmpty {
                return .saved(message: lang.t("Nothing to save: the files already hold these data", "无需保存: 文件中已是这些数据"))
            }
            var saved = lang.t("Saved to \(loaded.folder)", "已保存到 \(loaded.folder)")
            if hiding, let note = RevealCommand.revealedOutputsNote(folder: loaded.folder, lang) { saved += "; " + note }
            return .saved(message: saved)
        } catch StoreError.changedOnDisk(let files) {
            return .changedOnDisk(files: files)
        } catch {
            return saveFailed(error, lang)
        }
    }

    /// The new data comes back as an event: the reducer keeps the session (who, screen, what-ifs).
    mutating func reload(_ lang: Lang) -> Event {
        do {
            loaded = try WorkspaceStore.load(folder: folder).preparedForSaves(reusing: loaded)
            generation += 1
            let problems = loaded.problems.map { $0.text(chinese: lang == .zh) }
            watch = DiskWatch(folder: folder)
            return .reloaded(workspace: loaded.workspace, location: loaded.folder, problems: problems)
        } catch {
            return .failed(message: text(error, lang))
        }
    }

    /// Where a report or handout goes when no path is named: the workspace folder; for an evaluator
    /// while the panel is blind, a folder of their own under `.bidbench/` (kept out of git by the
    /// workspace's `.gitignore`), so their scores never reach the shared folder, a commit, or the
    /// lead's file of the same name (user test pass: an evaluator's `:report full md` wrote her blind
    /// matrix to `report.md`, which `git add -A` shared). The folder relative to the workspace, and the
    /// note the message adds.
    /// After the reveal too: an evaluator's report or handout is hers, not the lead's of the same name
    /// (a meeting pass: 刘芳's Ctrl-P replaced the lead's scoring handout, with her unsaved score in it).
    /// A handout of unsaved edits says so.
    func defaultOutput(_ state: AppState) -> (rel: String, note: String) {
        let unsaved = state.dirty ? state.lang.t(" (with unsaved edits)", " (含未保存的修改)") : ""
        guard let who = state.evaluator else { return ("", unsaved) }
        return (
            ".bidbench/private/\(who)/",
            (state.workspace.settings.revealed
                ? state.lang.t(
                    " (yours: in your own folder, not over the lead's handouts)", " (仅供你本人: 写入你自己的文件夹, 不覆盖主持人的会议纪要)")
                : state.lang.t(
                    " (blind: yours only, kept out of the shared folder and git)", " (盲评中: 仅供你本人, 不放入共享文件夹, 不进入 git)"))
                + unsaved
        )
    }

    /// A path an evaluator named while the panel is blind, inside the shared folder (outside their
    /// private one): refused. What they write holds their own sealed scores; a user test pass wrote
    /// them over the lead's handout of the same meeting, where the next `git add -A` took them.
    func blindPathRefused(_ path: String?, _ state: AppState) -> Event? {
        guard let path, let who = state.evaluator, !state.workspace.settings.revealed else { return nil }
        func real(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
        let folder = real(loaded.folder)
        let dir = real(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        let own = folder + "/.bidbench/private/\(who)"
        guard dir == folder || dir.hasPrefix(folder + "/"), dir != own, !dir.hasPrefix(own + "/") else { return nil }
        return .failed(
            message: state.lang.t(
                "Not written: while the panel is blind it holds your own scores, and \(path) is in the shared workspace folder; name a path outside it, or none (it then goes to .bidbench/private/\(who)/)",
                "未写入: 盲评期间其中含有你本人的评分, 而 \(path) 位于共享的工作区文件夹; 请指定该文件夹以外的路径, 或不指定 (将写入 .bidbench/private/\(who)/)"
            ))
    }

    /// A path named on the `:` line, relative to the folder Bidbench was started in (as on the command
    /// line), made full: the message says where the file went (a meeting pass: `报告已写入 x.md`).
    static func fullPath(_ path: String) -> String {
        URL(fileURLWithPath: NSString(string: path).expandingTildeInPath).standardizedFileURL.path
    }

    func writeReport(format: String, path: String?, _ state: AppState) -> Event {
        let path = path.map(Self.fullPath)
        if let refused = blindPathRefused(path, state) { return refused }
        let own = defaultOutput(state)
        let target = path ?? (loaded.folder + "/" + own.rel + "report." + format)
        let dir = URL(fileURLWithPath: target).deletingLastPathComponent().path
        guard path == nil || FileManager.default.fileExists(atPath: dir) else {
            return .failed(
                message: state.lang.t("Cannot write \(target): the folder \(dir) does not exist", "无法写入 \(target): 文件夹 \(dir) 不存在"))
        }
        var request = ReportRequest(workspace: state.workspace, today: state.today, language: ReportLanguage(code: state.lang.rawValue))
        request.viewer = PanelViewer(as: state.evaluator)
        let report = format == "md" ? Report.markdown(request) : Report.html(request)
        do {
            // Atomic and 0600; inside the workspace a link or read-only file is refused, a
            // path the user named replaces a link (and says so) instead of writing through it.
            var note = ""
            if path == nil {
                try OutputFile.writeInWorkspace(folder: loaded.folder, own.rel + "report." + format, Array(report.utf8))
                note = own.note
            } else if try OutputFile.write(target, Array(report.utf8)) {
                let n = OutputFile.replacedLinkNote(target)
                note = state.lang.t(" (\(n.en))", " (\(n.zh))")
            }
            return .notice(message: state.lang.t("Report written to \(target)", "报告已写入 \(target)") + note)
        } catch {
            return .failed(message: state.lang.t("Cannot write \(target): ", "无法写入 \(target): ") + text(error, state.lang))
        }
    }

    func writeHandout(_ kind: HandoutKind, format: String, path: String?, _ state: AppState) -> Event {
        let path = path.map(Self.fullPath)
        let ext = format == "md" ? "md" : "html"
        // A handout in the other language than the workspace's gets its own name: finance's English
        // handout overwrote the lead's Chinese one of the same meeting.
        if let refused = blindPathRefused(path, state) { return refused }
        let other = state.lang != Lang(guess: loaded.workspace.settings.language) ? "-\(state.lang.rawValue)" : ""
        let own = defaultOutput(state)
        let target = path ?? (loaded.folder + "/" + own.rel + "handout-\(kind.rawValue)-\(state.today)\(other).\(ext)")
        // Survey: the requirements as they stood after the last survey meeting, from the journal.
        let baseline =
            kind == .survey
            ? Handouts.previousMeetingDay(state, kind: kind).flatMap {
                RequirementHistory.asOf(endOf: $0, folder: loaded.folder, saved: loaded.workspace.requirements)
            } : nil
        var request = Handouts.request(
            state, kind: kind, generated: TUILauncher.generatedStamp(), commit: ReportCommand.gitCommit(folder: loaded.folder),
            baseline: baseline)
        // The scoring minutes list the scores changed after the reveal, as the journal has them (an
        // unsaved change is not on the record yet), each with its value in the tables printed.
        if kind == .scoring {
            request.revisions = ScoreHistory.revisedAfterReveal(folder: loaded.folder, workspace: state.workspace) ?? []
        }
        let doc = ext == "md" ? Handout.markdown(request) : Handout.html(request)
        return TUILauncher.write(
            doc, to: target, inWorkspace: path == nil ? loaded.folder : nil, of: loaded, lang: state.lang,
            done: state.lang.t("Handout written to \(target)", "会议纪要已写入 \(target)") + (path == nil ? own.note : ""))
    }

    /// Only scenarios.csv: the rest of the session's edits stay unsaved, as they were.
    mutating func saveScenario(_ row: NamedScenario, _ lang: Lang) -> Event {
        var next = loaded.workspace
        if let i = next.scenarios.firstIndex(where: { $0.name == row.name }) {
            next.scenarios[i] = row
        } else {
            next.scenarios.append(row)
        }
        do {
            loaded = try WorkspaceStore.save(next, over: loaded, actor: actor, force: false, lock: lock)
            return .notice(message: lang.t("Scenario “\(row.name)” saved to scenarios.csv", "情景 “\(row.name)” 已保存到 scenarios.csv"))
        } catch StoreError.changedOnDisk(let files) {
            return .changedOnDisk(files: files)
        } catch {
            return saveFailed(error, lang)
        }
    }

    func export(_ table: String, forPeople: Bool, department: String?, path: String?, _ state: AppState) -> Event {
        let path = path.map(Self.fullPath)
        guard let kind = TableKind(rawValue: table) else {
            return .failed(
                message: state.lang.t(
                    "Unknown table “\(table)”: one of \(TableKind.allCases.map(\.rawValue).joined(separator: ", "))",
                    "未知的表 “\(table)”: 可选 \(TableKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        // The machine form's default name is not the table's own file (`requirements.csv`), which it would replace.
        let suffix = forPeople ? "-" + state.lang.rawValue : "-export"
        let target = path ?? (loaded.folder + "/\(table)\(department.map { "-" + $0 } ?? "")\(suffix).csv")
        // A workbook for `.xlsx`, as the command line writes it (a finance pass: CSV text went into
        // `pay.xlsx`, which Excel refused).
        if target.lowercased().hasSuffix(".xlsx") {
            var ws = state.workspace
            if let department { ws.requirements = ws.requirements.filter { $0.department == department } }
            return TUILauncher.write(
                bytes: Array(XlsxExport.table(kind, from: ws, chinese: state.lang == .zh)), to: target,
                inWorkspace: path == nil ? loaded.folder : nil, of: loaded, lang: state.lang,
                done: state.lang.t("Exported (workbook) to \(target)", "已导出 (工作簿) 到 \(target)"))
        }
        let csv =
            forPeople
            ? PeopleExport.csv(kind, from: state.workspace, language: state.lang == .zh ? .zh : .en, department: department)
            : Exporter.export(kind, from: state.workspace, format: .csv)
        let form = forPeople ? state.lang.t("for people", "阅读版") : state.lang.t("machine form, imports back", "机器版, 可再导入")
        return TUILauncher.write(
            csv, to: target, inWorkspace: path == nil ? loaded.folder : nil, of: loaded, lang: state.lang,
            done: state.lang.t("Exported (\(form)) to \(target)", "已导出 (\(form)) 到 \(target)"))
    }
}

/// Work the TUI does off the key path (the opening's checks, rankings, long contract scans): each
/// job on a thread of its own; what it produced is collected by the event loop between keys.
final class TUIJobs: @unchecked Sendable {
    enum Arrival: Sendable {
        case event(Event)
        /// The opened workspace, checked; `generation` names the read it belongs to.
        case checked(LoadedWorkspace, generation: Int)
    }
    private let lock = NSLock()
    private var done: [Arrival] = []
    private var running = 0

    /// Whether a job is running or its result is not yet taken.
    var busy: Bool { lock.withLock { running > 0 || !done.isEmpty } }

    func run(_ job: @escaping @Sendable () -> Arrival) {
        lock.withLock { running += 1 }
        Thread.detachNewThread { [self] in
            let result = job()
            lock.withLock {
                done.append(result)
                running -= 1
            }
        }
    }

    /// Waits until the opening's check has finished and is not yet taken.
    func waitForCheck() {
        while !lock.withLock({ done.contains { if case .checked = $0 { return true } else { return false } } }) {
            usleep(2_000)
        }
    }

    /// The results that arrived since the last call, in the order they finished.
    func take() -> [Arrival] {
        lock.withLock {
            defer { done = [] }
            return done
        }
    }
}

/// Whether saving `ws` over `loaded` would write `file` (this session edited its part); unknown files count as edited.
func ownsEdit(_ file: String, _ ws: Workspace, _ loaded: LoadedWorkspace) -> Bool {
    guard let part = WorkspacePart(file: file) else { return true }
    return !part.same(ws, loaded.workspace)
}

/// Notices files changed by others while the TUI is open: a cheap `stat` of the workspace's files
/// every `intervalMilliseconds` of idle time; only when one moved are they hashed against what was
/// loaded (`changesOnDisk`), and only a real change is read. A workspace that loads cleanly is sent
/// as `diskChanged` (the reducer merges it, keeping unsaved edits); one with problems is sent as
/// `diskProblems` and nothing is taken from it — the session keeps the last good version, and the
/// bad file is never written (it is not among this session's edits).
struct DiskWatch {
    static let intervalMilliseconds: Int32 = 700
    let folder: String
    var snapshot: FolderSnapshot
    /// The last pickup was refused (a file did not load).
    var refused = false

    init(folder: String) {
        self.folder = folder
        snapshot = FolderSnapshot.take(folder: folder)
    }

    /// The event for what changed since the last look, or nil. `force` (`:reload`) hashes even
    /// when no file moved. On a clean change `loaded` becomes the state on disk.
    mutating func poll(loaded: inout LoadedWorkspace, lang: Lang, force: Bool) -> Event? {
        // A save whose process died past its commit point is completed here, even when the files it had
        // renamed before it died were picked up already and nothing moves any more (a re-test: the
        // other screen showed one evaluator's sheet of three, and the manifest waited until someone saved).
        let completed = WorkspaceStore.savePending(folder: folder) ? WorkspaceStore.completeInterruptedSaves(folder: folder) : []
        let now = FolderSnapshot.take(folder: folder)
        // A pickup refused while another process's save was half done is tried again while its
        // manifest waits: once that process is gone, the load completes the save (a meeting pass: a
        // save killed past its commit point left every other screen refusing the half-changed files
        // until someone saved again).
        let retry = refused && WorkspaceStore.savePending(folder: folder)
        guard force || now != snapshot || retry else { return nil }
        snapshot = now
        refused = false
        let files = loaded.changesOnDisk()
        guard !files.isEmpty else { return nil }
        // A waiting manifest: this load may complete a dead process's save (see below).
        let completing = retry || WorkspaceStore.savePending(folder: folder)
        let fresh: LoadedWorkspace
        do { fresh = try WorkspaceStore.load(folder: folder) } catch {
            return .diskProblems(problems: [TUILauncher.text(error, lang)], sheetTimes: now.lastChanges(folder: folder))
        }
        if !fresh.problems.isEmpty {
            refused = true
            return .diskProblems(
                problems: fresh.problems.map { $0.text(chinese: lang == .zh) }, sheetTimes: now.lastChanges(folder: folder),
                blind: !fresh.workspace.settings.revealed)
        }
        // The load may have completed a dead process's save (more files changed than were seen before
        // it): the files are counted again (only then: it hashes what changed once more), or the sheets
        // it completed were taken for this session's unsaved edits.
        let changed = completing ? loaded.changesOnDisk() : files
        loaded = fresh.preparedForSaves(reusing: loaded)
        return .diskChanged(
            workspace: fresh.workspace, files: changed, sheetTimes: now.lastChanges(folder: folder),
            completed: completed + fresh.completedSave)
    }
}

/// Which score sheet `--as NAME` scores on. A user test pass: `--as "Zhang Wei"` beside the panel's
/// `scores/zhang-wei.csv` silently made a second sheet, and the panel had four evaluators. A name that
/// matches exactly one existing sheet once case, spaces, hyphens, underscores and dots are ignored is
/// that sheet (and says so); a name that matches none while other sheets exist is a new evaluator,
/// said with the existing names, so a typo is seen before the first save.
enum EvaluatorSheet {
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" -_.\u{3000}".unicodeScalars.contains($0) }.map(Character.init))
    }

    static func choose(_ name: String, existing: [String]) -> (sheet: String, note: (en: String, zh: String)?) {
        if existing.contains(name) { return (name, nil) }
        let matches = existing.filter { key($0) == key(name) }
        if matches.count == 1, let match = matches.first {
            return (
                match,
                (
                    "Scoring on the existing sheet scores/\(match).csv for \"\(name)\"",
                    "“\(name)” 使用已有的评分表 scores/\(match).csv"
                )
            )
        }
        if existing.isEmpty { return (name, nil) }
        return (
            name,
            (
                "New evaluator \"\(name)\": scores/\(name).csv is made at the first save (sheets now: \(existing.joined(separator: ", ")))",
                "新评委 “\(name)”: 首次保存时新建 scores/\(name).csv (现有评分表: \(existing.joined(separator: "、")))"
            )
        )
    }
}
