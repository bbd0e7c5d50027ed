import ArgumentParser
import BidbenchCore
import BidbenchStore
import BidbenchUI
import Foundation

/// Prints a store error on stderr and exits 2 (1 is kept for "the workspace has problems").
private func fail(_ error: Error) -> ExitCode {
    printError("error: \(error)")
    return ExitCode(2)
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create an empty workspace in PATH.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The folder to create (made if missing; must not already hold a workspace).") var path: String
    @Option(help: "The workspace name (default: the folder's name).") var name: String?
    @Option(help: "Workspace language (default zh).") var lang: Lang?

    func run() throws {
        // `--lang` from anywhere on the line (see `CommandLineLanguage`).
        let lang = (CommandLineLanguage.resolve(self.lang) ?? .zh).rawValue
        let title = name ?? URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
        do { try WorkspaceStore.initialize(folder: path, name: title, language: lang) } catch { throw fail(error) }
        print("Created an empty workspace \"\(title)\" in \(path)")
        print("The panel starts blind: nobody sees another evaluator's scores until the lead reveals (bidbench reveal).")
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Copy the demo workspace to PATH (default ./bidbench-demo).")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Where to put the copy (must not exist or be empty).") var path: String = "bidbench-demo"
    @Option(help: "Demo language (default zh).") var lang: Lang?

    func run() throws {
        // `--lang` from anywhere on the line (see `CommandLineLanguage`).
        let lang = (CommandLineLanguage.resolve(self.lang) ?? .zh).rawValue
        guard let source = WorkspaceStore.demoFolder(language: lang) else {
            printError("error: the demo workspace was not found (set BIDBENCH_DEMO to its folder)")
            throw ExitCode(2)
        }
        do {
            try WorkspaceStore.copyWorkspace(from: source, to: path)
            try WorkspaceStore.writeGitFiles(folder: path)
        } catch { throw fail(error) }
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        print("Demo workspace copied to \(full)")
        print("The demo starts revealed: every evaluator's scores are shown (bidbench reveal --hide makes the panel blind).")
        print("Open it with: bidbench -w \(full)")
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every file of the workspace; print OK or each problem as file:line: field: message (exit 1).")
    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Print {\"ok\":…,\"problems\":[…]} as JSON.") var json = false
    /// Read from anywhere on the line (`CommandLineLanguage`); declared so `--help` lists it.
    @Option(help: "zh: the messages in Chinese (default: English, which scripts read).") var lang: Lang?

    func run() throws {
        let loaded: LoadedWorkspace
        do { loaded = try WorkspaceStore.load(folder: workspace.path) } catch { throw fail(error) }
        defer { keepUntilExit(loaded) }
        let w = loaded.workspace
        let counts: [(String, Int)] = [
            ("departments", w.departments.count), ("requirements", w.requirements.count), ("criteria", w.criteria.count),
            ("vendors", w.vendors.count), ("evaluators", w.scores.count), ("scores", w.scores.values.reduce(0) { $0 + $1.count }),
            ("prices", w.prices.count), ("contracts", w.contracts.count), ("risks", w.risks.count),
        ]
        // Warnings do not make the workspace read-only: weights that count in proportion, for instance,
        // or a contract text that is missing or was read as GB18030.
        let warnings = loaded.readOnly ? [] : criteriaWarnings(w) + w.contractTextNotes.sorted { $0.key < $1.key }.map(\.value)
        // While blind, a problem in a score sheet names its file, line and field, not the value.
        var problems = loaded.problems.map { p -> Problem in
            guard !w.settings.revealed, p.file.hasPrefix("scores/") else { return p }
            var q = p
            q.message = BlindText.hidingValues(p.message, note: BlindText.note.en)
            q.messageZH = p.messageZH.map { BlindText.hidingValues($0, note: BlindText.note.zh) }
            return q
        }
        // A git merge stopped on a journal chain (merged as binary) leaves no marker in it: the store
        // reads it as whole, so git is asked (a helper's pass: `check` said OK mid-merge). A table with
        // markers is the store's problem already, and one `resolve` merged is sound before `git add`.
        // Git is asked only while a merge is stopped (`MERGE_HEAD`): spawning it on every check tripled
        // the verb's time.
        let unmerged =
            loaded.readOnly || !Git.mergeInProgress(folder: workspace.path)
            ? [] : Git.unmerged(folder: workspace.path).filter { $0.hasPrefix("journal/") }
        problems += unmerged.map(Self.unmergedProblem)
        let readOnly = loaded.readOnly || !unmerged.isEmpty
        if !json && !loaded.completedSave.isEmpty {
            let files = loaded.completedSave.joined(separator: ", ")
            printError(
                CommandLineLanguage.value() == .zh
                    ? "注意: 已完成一个中途停止的 Bidbench 留下的保存 (\(files))"
                    : "note: completed a save that a Bidbench which stopped had left half done (\(files))")
        }
        if json {
            let out = JSONValue.object([
                ("ok", .bool(!readOnly)),
                ("counts", .object(counts.map { ($0.0, .int(Int64($0.1))) })),
                ("problems", .array(problems.map(\.json))),
                ("warnings", .array(warnings.map { .string($0.en) })),
            ])
            print(out.compact)
        } else if readOnly {
            // `--lang zh` asks for the messages in Chinese (the file and field names stay as written);
            // without it they stay English, which scripts read.
            let chinese = CommandLineLanguage.value() == .zh
            for p in problems { print(p.text(chinese: chinese)) }
        } else {
            let chinese = CommandLineLanguage.value() == .zh
            for n in warnings { printError("warning: " + (chinese ? n.zh : n.en)) }
            // `OK:` in both languages (scripts look for it); the counts in the language asked for.
            let zh = [
                "departments": "个部门", "requirements": "条需求", "criteria": "个评分项", "vendors": "家供应商", "evaluators": "位评委",
                "scores": "个评分", "prices": "条报价", "contracts": "份合同", "risks": "项风险",
            ]
            print(
                "OK: "
                    + counts.map { chinese ? "\($0.1) \(zh[$0.0] ?? $0.0)" : "\($0.1) \($0.0)" }.joined(separator: ", "))
        }
        if readOnly { throw ExitCode(1) }
    }

    /// A journal chain git lists as unmerged, with what to do: keep one side.
    static func unmergedProblem(_ rel: String) -> Problem {
        Problem(
            file: rel, line: 0,
            message:
                "git has not finished merging this journal chain (both sides appended to it): keep one side (git checkout --ours -- \(rel) && git add \(rel)), then check with bidbench journal --verify",
            messageZH:
                "git 尚未完成这条日志链的合并 (双方都向它追加了记录): 请保留一方 (git checkout --ours -- \(rel) && git add \(rel)), 再用 bidbench journal --verify 检查")
    }
}

struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "List the audit journal, or verify its hash chain (exit 1 on tampering).")
    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Verify the chain and name the first bad line; name the files changed since their last entry.") var verify = false
    @Flag(
        help:
            "With --verify: exit 1 also when a file differs from what its last entry recorded (edited outside Bidbench, or merged by git)."
    ) var strict = false
    @Flag(help: "Print JSON.") var json = false
    @Flag(
        help:
            "Journal the files changed outside Bidbench (a git merge, rebase or revert; an edit) as they are now, so that --strict passes; the workspace must check."
    ) var record = false
    @Option(help: "Who records it, for the journal (default: $USER).") var actor: String?

    // Kept as one function: the journal verb: verify, then the entries as text or JSON.
    func run() throws {
        let folder = workspace.path
        guard FileManager.default.fileExists(atPath: folder + "/workspace.json") else {
            throw fail(StoreError.notAWorkspace(folder))
        }
        if record {
            let files: [String]
            do { files = try WorkspaceStore.recordOutsideChanges(folder: folder, actor: actor ?? currentUser()) } catch StoreError.invalid(
                let problems)
            {
                for p in problems { printError(SafeText.visible(p.description)) }
                printError("bidbench: nothing recorded: the workspace does not check (above); fix it first")
                throw ExitCode(1)
            } catch {
                printError("bidbench: \(error)")
                throw ExitCode(2)
            }
            print(
                files.isEmpty
                    ? "nothing to record: every file is as the journal last recorded it"
                    : "recorded as they are now (changed outside Bidbench): " + files.joined(separator: ", "))
            return
        }
        if verify {
            let v = Journal.verify(folder: folder)
            // Only where the chains hold: a bad chain's entries are not what the files are compared with.
            let unrecorded = v.ok ? Journal.unrecorded(folder: folder, entries: (try? Journal.read(folder: folder)) ?? []) : []
            if json {
                print(
                    JSONValue.object([
                        ("ok", .bool(v.ok)), ("entries", .int(Int64(v.entries))),
                        ("line", v.firstBadLine.map { .int(Int64($0)) } ?? .null),
                        ("message", v.message.map(JSONValue.string) ?? .null),
                        ("interrupted_append", .bool(v.interruptedAppend)), ("file", v.file.map(JSONValue.string) ?? .null),
                        ("chains", .int(Int64(v.chains))), ("gaps", .array(v.gaps.map(JSONValue.string))),
                        (
                            "changed_since_journal",
                            .array(
                                unrecorded.map { u in
                                    .object([
                                        ("file", .string(u.file)), ("missing", .bool(u.missing)), ("last_time", .string(u.last.time)),
                                        ("last_actor", .string(u.last.actor)),
                                        ("last_sha256", u.last.sha256.map(JSONValue.string) ?? .null),
                                    ])
                                })
                        ),
                    ]).compact)
            } else if let line = v.firstBadLine {
                // Line 0: the file or folder as a whole (`journal: cannot read the journal folder: …`).
                print("\(v.file ?? Journal.folder)\(line > 0 ? ":\(line)" : ""): \(v.message ?? "bad entry")")
            } else {
                // `--strict` with files changed outside Bidbench fails: its first line says so, not `OK`
                // (a meeting pass: "OK" then exit 1).
                let pending = WorkspaceStore.savePending(folder: folder)
                let failing = strict && ((!unrecorded.isEmpty && !pending) || !v.gaps.isEmpty)
                let why = [
                    unrecorded.isEmpty || pending ? nil : "\(unrecorded.count) file(s) changed outside the journal",
                    v.gaps.isEmpty ? nil : "\(v.gaps.count) chain(s) lost entries",
                ].compactMap { $0 }
                print(
                    (failing ? "FAILED (strict): " : "OK: ")
                        + "\(v.entries) entries in \(v.chains) chain(s), every hash chain is intact"
                        + (failing ? ", but " + why.joined(separator: " and ") : ""))
                // A chain cut or deleted and written on again holds, with a `gap` entry where entries were lost.
                for gap in v.gaps { print("warning: \(gap)") }
                if v.interruptedAppend {
                    print("note: the last save was interrupted while writing its entry; the next save completes it")
                }
                // Verifying reads the chains as they are: a save half done is not completed here (a meeting
                // pass read `OK: 0 entries` beside a changed table whose entry waited in the manifest).
                if pending {
                    print(
                        "note: a save is in progress or was left half done by a Bidbench that stopped; its entries are written when it completes (bidbench check completes it)"
                    )
                }
                // The chains say who saved what; a file changed since without Bidbench is named with its
                // last entry (a git merge of rows both sides edited is one too: `--strict` tells them apart
                // by the caller's own knowledge).
                if !unrecorded.isEmpty && !pending {
                    print(
                        "warning: \(unrecorded.count) file(s) differ from what the journal last recorded (edited outside Bidbench, or merged by git):"
                    )
                    for u in unrecorded {
                        print("  \(u.file): \(u.missing ? "missing" : "changed") since \(u.last.time) (last entry by \(u.last.actor))")
                    }
                    print("  (bidbench journal --record journals them as they are now, once they are what you want)")
                }
            }
            if !v.ok || (strict && (!unrecorded.isEmpty || !v.gaps.isEmpty)) { throw ExitCode(1) }
            return
        }
        let entries: [JournalEntry]
        do { entries = try Journal.read(folder: folder) } catch { throw fail(error) }
        // The blind rule covers the journal too: while blind, the rows of score sheets (the scores
        // themselves) and of discussion.csv (the panel's words about them) are left out of the JSON;
        // which file changed and which cells stay listed.
        let blind = !((try? WorkspaceStore.load(folder: folder))?.workspace.settings.revealed ?? false)
        func hidden(_ e: JournalEntry) -> Bool { blind && (e.table.hasPrefix("scores/") || e.table == "discussion.csv") }
        if json {
            print(
                JSONValue.object([
                    (
                        "entries",
                        .array(
                            entries.map { e in
                                .object([
                                    ("seq", .int(Int64(e.seq))), ("id", .string(e.id)), ("chain", .string(e.chain)),
                                    ("time", .string(e.time)), ("actor", .string(e.actor)),
                                    ("table", .string(e.table)), ("action", .string(e.action)),
                                    ("rows", e.rows.map { .int(Int64($0)) } ?? .null), ("sha256", e.sha256.map(JSONValue.string) ?? .null),
                                    ("added", .array(e.added.map(JSONValue.string))), ("removed", .array(e.removed.map(JSONValue.string))),
                                    (
                                        "changes",
                                        .array(
                                            e.changes.map { c in
                                                hidden(e)
                                                    ? .object([("key", .string(c.key)), ("hidden", .string("blind"))])
                                                    : .object([("key", .string(c.key)), ("before", c.before), ("after", c.after)])
                                            })
                                    ),
                                ])
                            })
                    )
                ]).compact)
            return
        }
        // The union of every chain in time order.
        for e in entries {
            func list(_ label: String, _ keys: [String]) -> String? {
                keys.isEmpty ? nil : label + keys.prefix(5).joined(separator: ", ") + (keys.count > 5 ? ", …" : "")
            }
            // The settings are one object, not rows: each setting changed with its values (a meeting pass:
            // a reveal and a hide both read "20 row(s) (edited revealed)"). Never a score: settings hold none.
            if e.table == "workspace.json" {
                let settings = e.changes.map { c in
                    "\(c.key): \(c.before["value"].map { $0.stringValue ?? $0.compact } ?? "—") → \(c.after["value"].map { $0.stringValue ?? $0.compact } ?? "—")"
                }
                print(
                    SafeText.visible(
                        "\(e.time) \(e.actor) \(e.action) \(e.table)" + (settings.isEmpty ? "" : ": " + settings.joined(separator: "; "))))
                continue
            }
            if e.table == Journal.folder && e.action == "gap" {
                print(
                    SafeText.visible(
                        "\(e.time) \(e.actor) gap: entries this machine had written to its chain were lost (journal --verify says how many)"
                    ))
                continue
            }
            let parts = [
                list("added ", e.added), list("removed ", e.removed), list("edited ", e.changes.map(\.key)),
            ].compactMap { $0 }
            let rows = e.rows.map { " \($0) row(s)" } ?? " \(e.changes.count) row(s)"
            print(
                SafeText.visible(
                    "\(e.time) \(e.actor) \(e.action) \(e.table):\(rows)\(parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")")")
            )
        }
    }
}
