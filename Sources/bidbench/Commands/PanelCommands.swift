import ArgumentParser
import BidbenchCore
import BidbenchStore
import BidbenchUI
import Foundation

/// `bidbench panel [--json]`: each evaluator's progress. Counts only, never scores, so it may be
/// run while the panel is blind.
struct PanelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel",
        abstract: "Each evaluator's progress: cells scored of cells expected, last change (no scores; safe while blind).",
        discussion: """
            Expected cells: every vendor that the must-have gates do not disqualify × every panel criterion with a \
            weight above 0. After the reveal, only complete sheets count in the panel's averages; an incomplete \
            one is left out with a warning.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(
        help: ArgumentHelp(
            "Remove an evaluator's score sheet (scores/NAME.csv), journaled: a name mistyped with --as, or someone who left the panel.",
            valueName: "NAME"))
    var remove: String?
    @Flag(help: "With --remove: remove a sheet that holds scores.") var yes = false
    @Option(help: "Who does it, for the journal (default: $USER).") var actor: String?

    func run() throws {
        if let remove { return try removeSheet(remove) }
        let ws = try loadWorkspaceForVerb(workspace.path)
        let times = FolderSnapshot.take(folder: workspace.path).lastChanges(folder: workspace.path)
        let progress = PanelRule.progress(ws, lastChanges: times)
        let expected = progress.first?.expected ?? PanelRule.progress(ws).first?.expected ?? 0
        if json {
            emit(
                JSONValue.object([
                    ("revealed", .bool(ws.settings.revealed)),
                    ("expected", .int(expected)),
                    (
                        "evaluators",
                        .array(
                            progress.map {
                                .object([
                                    ("name", .string($0.evaluator)), ("scored", .int($0.scored)), ("expected", .int($0.expected)),
                                    ("complete", .bool($0.complete)), ("last_change", $0.lastChange.map { .string($0) } ?? .null),
                                ])
                            })
                    ),
                    ("incomplete", .array(progress.filter { !$0.complete }.map { .string($0.evaluator) })),
                ]).compact)
            return
        }
        var out = ws.settings.revealed ? "revealed\n\n" : "blind (the lead has not revealed; bidbench reveal)\n\n"
        if progress.isEmpty {
            out += "no score sheets yet (scores/<NAME>.csv; evaluators score with bidbench --as NAME)\n"
        } else {
            out += TextTable.render(
                header: ["evaluator", "scored", "of", "status", "last change"],
                rows: progress.map {
                    [$0.evaluator, "\($0.scored)", "\($0.expected)", $0.complete ? "complete" : "incomplete", $0.lastChange ?? "—"]
                },
                rightAligned: [1, 2])
            let left = progress.filter { !$0.complete }
            if !left.isEmpty {
                out += "\nincomplete sheets are left out of the panel's averages until complete: "
                out += left.map { "\($0.evaluator) (\($0.scored)/\($0.expected))" }.joined(separator: ", ") + "\n"
            }
        }
        emit(out)
    }

    /// Removes one evaluator's sheet through the store (journaled with its actor, like any save).
    /// The name is matched as the file is named, in any Unicode form; a sheet that holds scores is
    /// removed only with `--yes`, and what is lost is said (counts only: safe while blind).
    private func removeSheet(_ name: String) throws {
        let loaded = try loadForChange(workspace.path)
        var ws = loaded.workspace
        // Matched as `--as` matches it (`"Zhang Wei"` is `zhang-wei.csv`, `EvaluatorSheet`), in any Unicode form.
        let key = name.precomposedStringWithCanonicalMapping
        let exact = ws.evaluators.first { $0.precomposedStringWithCanonicalMapping == key }
        let loose = ws.evaluators.filter { EvaluatorSheet.key($0.precomposedStringWithCanonicalMapping) == EvaluatorSheet.key(key) }
        guard let evaluator = exact ?? (loose.count == 1 ? loose.first : nil) else {
            let known = ws.evaluators.isEmpty ? "there are no score sheets" : "the sheets are: " + ws.evaluators.joined(separator: ", ")
            printError("bidbench: no score sheet scores/\(name).csv; \(known)")
            throw ExitCode(1)
        }
        let rows = ws.scores[evaluator]?.count ?? 0
        if rows > 0 && !yes {
            printError(
                "bidbench: not removed: scores/\(evaluator).csv holds \(rows) score(s); run again with --yes to remove it and them")
            throw ExitCode(1)
        }
        ws.scores.removeValue(forKey: evaluator)
        // Her session owns the sheet while it is open, as for `import scores` (a helper's pass: the sheet
        // was removed under her open session, whose screen said "19 rows merged"); the claim is held
        // for the save, so no session opens on it meanwhile.
        let claim: WorkspaceLock
        do { claim = try WorkspaceLock(folder: workspace.path, scope: .evaluator(evaluator)) } catch StoreError.locked(
            let pid, let host, let since)
        {
            printError(
                "bidbench: not removed: "
                    + StoreError.sheetInUse("scores/\(evaluator).csv", evaluator: evaluator, pid: pid, host: host, since: since)
                    .description.replacingOccurrences(of: "; import when it is closed", with: "; remove it when that session is closed"))
            throw ExitCode(1)
        }
        defer { claim.release() }
        do { _ = try WorkspaceStore.save(ws, over: loaded, actor: actor ?? currentUser()) } catch {
            printError("bidbench: \(error)")
            throw ExitCode(2)
        }
        print("removed: scores/\(evaluator).csv (\(rows) score(s)); the journal records it")
    }
}

/// `bidbench reveal [--hide] [--yes]`: shows (or hides again) every evaluator's scores to the panel.
/// The change is saved at once and journaled with its actor like any save.
struct RevealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reveal",
        abstract: "Reveal the panel's scores (or hide them again with --hide); journaled with its actor.",
        discussion: "With an incomplete score sheet the reveal asks for --yes (incomplete sheets are left out of the averages).")

    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Hide the scores again (un-reveal).") var hide = false
    @Flag(help: "Reveal even though an evaluator has not finished.") var yes = false
    @Option(help: "Who does it, for the journal (default: $USER).") var actor: String?

    func run() throws {
        let loaded = try loadForChange(workspace.path)
        var ws = loaded.workspace
        let target = !hide
        if ws.settings.revealed == target {
            print(target ? "already revealed" : "already blind")
            return
        }
        if target {
            let left = PanelRule.progress(ws).filter { !$0.complete }
            if !left.isEmpty && !yes {
                printError(
                    "bidbench: not revealed: incomplete score sheets: "
                        + left.map { "\($0.evaluator) \($0.scored)/\($0.expected)" }.joined(separator: ", ")
                        + " (they would be left out of the averages); run again with --yes to reveal anyway")
                throw ExitCode(1)
            }
        }
        ws.settings.revealed = target
        let who = actor ?? currentUser()
        do { _ = try WorkspaceStore.save(ws, over: loaded, actor: who) } catch {
            printError("bidbench: \(error)")
            throw ExitCode(2)
        }
        print(target ? "revealed: every evaluator's scores are now shown to the panel" : "hidden: the panel is blind again")
        // What the reveal let out stays where it was written (a meeting pass: handouts and exports with
        // every evaluator's scores, in the folder everyone shares and `git add -A` takes).
        if !target {
            if let note = Self.revealedOutputsNote(folder: workspace.path, .en) { print("note: " + note) }
        }
    }

    /// What hiding again leaves behind, said by `reveal --hide` and the TUI's `R` alike; nil when nothing.
    static func revealedOutputsNote(folder: String, _ lang: Lang) -> String? {
        let left = revealedOutputs(folder: folder)
        guard !left.isEmpty else { return nil }
        let files = left.joined(separator: ", ")
        return lang.t(
            "still in the workspace folder, with the scores as revealed: \(files) (move or delete them: the panel shares this folder, and git add -A would commit them)",
            "工作区文件夹中仍有含揭晓评分的文件: \(files) (请移走或删除: 评审组共享此文件夹, git add -A 会提交它们)")
    }

    /// Files at the top of the workspace folder that a revealed panel's outputs are named as: the scoring
    /// handout, the full report, a scores export.
    static func revealedOutputs(folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            let lower = name.lowercased()
            let ext = (lower as NSString).pathExtension
            return (lower.hasPrefix("handout-scoring") && ["md", "html"].contains(ext))
                || (lower.hasPrefix("report") && ["md", "html"].contains(ext))
                || (lower.hasPrefix("scores") && ["csv", "xlsx"].contains(ext))
        }.sorted()
    }
}

/// The workspace loaded for a verb that changes it (reveal, hide, removing a sheet): exit 2 when it
/// cannot be read, exit 1 naming each problem when it is read-only.
private func loadForChange(_ folder: String) throws -> LoadedWorkspace {
    let loaded: LoadedWorkspace
    do { loaded = try WorkspaceStore.load(folder: folder) } catch {
        printError("bidbench: \(error)")
        throw ExitCode(2)
    }
    if loaded.readOnly {
        for p in loaded.problems { printError(SafeText.visible(p.description)) }
        printError("bidbench: \(folder): \(loaded.problems.count) problem(s) above; nothing changed")
        throw ExitCode(1)
    }
    return loaded
}
