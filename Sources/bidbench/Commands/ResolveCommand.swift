import ArgumentParser
import BidbenchCore
import BidbenchStore
import BidbenchUI
import Foundation

/// `bidbench resolve`: finishes a `git merge` or `git pull` that stopped on the workspace's files. git
/// merges a table line by line, so two clones that each added a requirement (both as the next
/// number, at the end of a file sorted by id) conflict; Bidbench merges the three versions git has
/// (the common ancestor, HEAD, MERGE_HEAD) row by row, by each table's key, and writes the result.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Finish a git merge or pull that stopped on the workspace's files: merge the tables row by row.",
        discussion: """
            Run it in a clone where `git pull` or `git merge` reported conflicts in the workspace. It reads \
            the three versions git has (the common ancestor, yours = HEAD, theirs = MERGE_HEAD), merges \
            every table row by row by its key, and writes the result over the workspace's files (one \
            journal entry per file). Requirements both sides added under the same id are kept both: \
            yours are renumbered, with the gate answers, acceptance tests and meeting records that name \
            them. A row both sides changed differently is a conflict: nothing is written until you choose \
            with --mine or --theirs. Then commit: git add -A -- DIR && git commit --no-edit.
            """)
    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Where both sides changed the same row differently, keep yours (HEAD).") var mine = false
    @Flag(help: "Where both sides changed the same row differently, take theirs (MERGE_HEAD).") var theirs = false

    func validate() throws {
        if mine && theirs { throw ValidationError("choose one of --mine and --theirs") }
    }

    func run() throws {
        let folder = workspace.path
        let lang = CommandLineLanguage.value() ?? .en
        let sides: (base: String, mine: String, theirs: String, prefix: String)
        do { sides = try Git.sides(folder: folder) } catch let e as Git.Failure {
            printError("error: \(e.message)")
            throw ExitCode(1)
        }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("bidbench-resolve-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: temp) }
        var loaded: [LoadedWorkspace] = []
        let versions = [
            ("base", "the common ancestor", sides.base), ("mine", "yours (HEAD)", sides.mine),
            ("theirs", "theirs (MERGE_HEAD)", sides.theirs),
        ]
        for (name, words, commit) in versions {
            let label = "\(words) \(commit.prefix(10))"
            do {
                let copy = try Git.extract(folder: folder, commit: commit, prefix: sides.prefix, into: temp + "/" + name)
                let l = try WorkspaceStore.load(folder: copy)
                if l.readOnly {
                    for p in l.problems { printError(SafeText.visible("\(label): \(p)")) }
                    printError("error: \(label) does not load cleanly, so it cannot be merged row by row; resolve by hand")
                    throw ExitCode(1)
                }
                loaded.append(l)
            } catch let e as Git.Failure {
                printError("error: \(label): \(e.message)")
                throw ExitCode(1)
            }
        }
        let result = WorkspaceMerge.merge(
            base: loaded[0].workspace, mine: loaded[1].workspace, theirs: loaded[2].workspace,
            prefer: mine ? .mine : theirs ? .theirs : nil, lang: lang)
        for (from, to) in result.renumbered {
            print(SafeText.visible("requirement \(from) was added on both sides: yours is now \(to) (theirs keeps \(from))"))
        }
        for (file, rows) in result.taken {
            print(SafeText.visible("\(file): " + (rows.map { "\($0) row(s) from theirs" } ?? "theirs (changed only there)")))
        }
        for c in result.conflicts {
            let kept = mine ? "kept yours" : theirs ? "took theirs" : "changed differently on both sides"
            print(SafeText.visible("\(c.file): \(kept):"))
            // A table's rows by their columns (the dialog's lines are made for a narrow pane).
            let rows = WorkspaceStore.rowConflicts(
                file: c.file, base: loaded[0].workspace, mine: loaded[1].workspace, theirs: loaded[2].workspace)
            for (key, fields) in rows {
                let what = fields.map { "\($0.column) yours \(show($0.mine)), theirs \(show($0.theirs))" }
                print(SafeText.visible("  \(key.replacingOccurrences(of: "\u{1F}", with: "/")): " + what.joined(separator: "; ")))
            }
            if rows.isEmpty { for line in c.lines { print(SafeText.visible("  " + line)) } }
        }
        if !result.conflicts.isEmpty && !mine && !theirs {
            printError(
                "nothing written: \(result.conflicts.count) file(s) have rows both sides changed differently; "
                    + "run again with --mine (keep yours) or --theirs (take theirs)")
            throw ExitCode(1)
        }
        let written: [String]
        do {
            written = try WorkspaceStore.writeMerge(result.merged, folder: folder, mine: loaded[1], theirs: loaded[2], actor: currentUser())
        } catch StoreError.invalid(let problems) {
            for p in problems { printError(SafeText.visible(p.description)) }
            printError("nothing written: the merge does not check (above); fix one side, commit it, and merge again")
            throw ExitCode(1)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        print(written.isEmpty ? "the files already hold the merge: nothing written" : "wrote " + written.joined(separator: ", "))
        print("now commit the merge: git add -A -- \(folder) && git commit --no-edit")
    }
}

/// A cell as the user reads it in a line of the merge's report.
private func show(_ value: String) -> String { value.isEmpty ? "(empty)" : value == "—" ? value : "“\(value)”" }

/// git, run as a program: the three versions of a workspace that a git merge in progress has; the
/// report's commit.
enum Git {
    struct Failure: Error { var message: String }

    /// The commits of the common ancestor, HEAD and MERGE_HEAD, and the folder's path in the repository.
    static func sides(folder: String) throws -> (base: String, mine: String, theirs: String, prefix: String) {
        guard let top = try? run(["-C", folder, "rev-parse", "--show-toplevel"]) else {
            throw Failure(message: "\(folder) is not in a git repository (or git is not installed)")
        }
        let prefix = (try? run(["-C", folder, "rev-parse", "--show-prefix"])) ?? ""
        guard let theirs = try? run(["-C", folder, "rev-parse", "-q", "--verify", "MERGE_HEAD"]) else {
            throw Failure(
                message: "no git merge in progress in \(top): bidbench resolve finishes a git merge or git pull that stopped "
                    + "with conflicts (during a rebase: git rebase --abort, then git pull --no-rebase)")
        }
        let mine = try run(["-C", folder, "rev-parse", "HEAD"])
        let base = try run(["-C", folder, "merge-base", "HEAD", "MERGE_HEAD"])
        return (base, mine, theirs, prefix)
    }

    /// The folder as it is in `commit`, written to `into` (made afresh); its path there.
    static func extract(folder: String, commit: String, prefix: String, into: String) throws -> String {
        try? FileManager.default.removeItem(atPath: into)
        do { try FileManager.default.createDirectory(atPath: into, withIntermediateDirectories: true) } catch {
            throw Failure(message: "cannot create \(into): \(error)")
        }
        let tar = into + ".tar"
        let tree = prefix.isEmpty ? commit : commit + ":" + prefix
        _ = try run(["-C", folder, "archive", "--format=tar", "-o", tar, tree])
        _ = try program(["tar", "-xf", tar, "-C", into])
        return into
    }

    /// Runs git with `args`; its output trimmed, or a failure with what it wrote to stderr.
    @discardableResult
    static func run(_ args: [String]) throws -> String { try program(["git"] + args) }

    /// Runs a program found on PATH; its output trimmed, or a failure with what it wrote to stderr.
    static func program(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch { throw Failure(message: "cannot run \(args[0]): \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            let said = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: "\(args.prefix(3).joined(separator: " ")) failed" + (said.isEmpty ? "" : ": \(said)"))
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
