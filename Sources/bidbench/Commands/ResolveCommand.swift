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
            every table row by row by its key (requirements, departments, gates, scores, vendors, criteria, risks, contracts \
            and settings field by field), and writes the result over the workspace's files (one journal entry per file). \
            Requirements or departments both sides added under the same id are kept both: yours are \
            renumbered, with what names them. What both sides changed differently is a conflict: \
            nothing is written until you choose with --mine or --theirs. Then commit: \
            git add -A -- DIR && git commit --no-edit.
            """)
    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Where both sides changed the same thing differently, keep yours (HEAD).") var mine = false
    @Flag(help: "Where both sides changed the same thing differently, take theirs (MERGE_HEAD).") var theirs = false
    /// Read from anywhere on the line (`CommandLineLanguage`); declared so `--help` lists it.
    @Option(help: "zh: the messages in Chinese (default: English, which scripts read).") var lang: Lang?

    func validate() throws {
        if mine && theirs { throw ValidationError("choose one of --mine and --theirs") }
    }

    func run() throws {
        let folder = workspace.path
        let lang = CommandLineLanguage.value() ?? .en
        let sides: (base: String, mine: String, theirs: String, top: String, prefix: String)
        do { sides = try Git.sides(folder: folder) } catch let e as Git.Failure {
            printError("error: \(e.message)")
            throw ExitCode(1)
        }
        guard FileManager.default.fileExists(atPath: folder + "/workspace.json") else {
            printError(
                lang.t(
                    "error: \(folder) is not a Bidbench workspace (no workspace.json): give the workspace's folder with -w",
                    "错误: \(folder) 不是 Bidbench 工作区 (没有 workspace.json): 请用 -w 指定工作区文件夹"))
            throw ExitCode(1)
        }
        // A journal chain both sides appended to (two copies of one clone folder share its clone id):
        // hash chains never merge, and this merge's own entry would go to such a chain.
        let chains = Git.unmerged(folder: folder).filter { $0.hasPrefix("journal/") }
        guard chains.isEmpty else {
            for f in chains {
                printError(
                    SafeText.visible(
                        lang.t(
                            "\(f): both sides appended to this journal chain (a copy of a clone folder keeps its clone id); "
                                + "a hash chain is never merged: keep one side (git checkout --ours -- \(f) && git add \(f)), "
                                + "check it with bidbench journal --verify, then run bidbench resolve again",
                            "\(f): 双方都向这条日志链追加了记录 (复制的克隆文件夹沿用同一个克隆编号); 哈希链不能合并: "
                                + "请保留一方 (git checkout --ours -- \(f) && git add \(f)), 用 bidbench journal --verify 检查, "
                                + "再运行 bidbench resolve")))
            }
            printError(
                lang.t(
                    "nothing written; in the copied folder, delete .bidbench/clone-id so that it starts a chain of its own",
                    "未写入任何文件; 请在复制出的文件夹中删除 .bidbench/clone-id, 让它使用自己的日志链"))
            throw ExitCode(1)
        }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("bidbench-resolve-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: temp) }
        var loaded: [LoadedWorkspace] = []
        let versions = [
            ("base", lang.t("the common ancestor", "共同祖先"), sides.base), ("mine", lang.t("yours (HEAD)", "你的 (HEAD)"), sides.mine),
            ("theirs", lang.t("theirs (MERGE_HEAD)", "他们的 (MERGE_HEAD)"), sides.theirs),
        ]
        for (name, words, commit) in versions {
            let label = "\(words) \(commit.prefix(10))"
            do {
                let copy = try Git.extract(top: sides.top, commit: commit, prefix: sides.prefix, into: temp + "/" + name)
                let l = try WorkspaceStore.load(folder: copy)
                if l.readOnly {
                    for p in l.problems { printError(SafeText.visible("\(label): \(p.text(chinese: lang == .zh))")) }
                    printError(
                        lang.t(
                            "error: \(label) does not load cleanly, so it cannot be merged row by row; resolve by hand",
                            "错误: \(label) 无法正确读取, 不能按行合并; 请手工解决"))
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
        for r in result.renumbered {
            print(
                SafeText.visible(
                    lang.t(
                        "\(r.noun) \(r.from) was added on both sides: yours is now \(r.to) (theirs keeps \(r.from))",
                        "双方都新增了\(r.noun) \(r.from): 你的已改为 \(r.to) (他们的仍为 \(r.from))")))
        }
        for (file, rows) in result.taken {
            let what = rows.map {
                file.hasSuffix(".csv") ? lang.t("\($0) row(s) from theirs", "取自他们的 \($0) 行") : lang.t("theirs' changes merged", "已合并他们的修改")
            }
            print(SafeText.visible("\(file): " + (what ?? lang.t("theirs (changed only there)", "取他们的 (只有他们修改了)"))))
        }
        let blind = !result.merged.settings.revealed
        for c in result.conflicts {
            let kept =
                mine
                ? lang.t("kept yours", "保留你的")
                : theirs ? lang.t("took theirs", "采用他们的") : lang.t("changed differently on both sides", "双方修改不同")
            print(SafeText.visible("\(c.file): \(kept):"))
            // A table's rows by their columns (the dialog's lines are made for a narrow pane).
            let rows = WorkspaceStore.rowConflicts(file: c.file, base: loaded[0].workspace, mine: c.mine, theirs: c.theirs)
            for (key, fields) in rows {
                let name = key.replacingOccurrences(of: "\u{1F}", with: "/")
                // While the panel is blind a sheet's values are nobody's to see: only which cells.
                if blind && c.file.hasPrefix("scores/") {
                    print(
                        SafeText.visible(
                            "  \(name): " + fields.map(\.column).joined(separator: ", ")
                                + lang.t(" (values hidden: the panel is blind)", " (评分未公开, 不显示数值)")))
                } else {
                    print(SafeText.visible("  \(name): " + conflictText(fields, lang)))
                }
            }
            if rows.isEmpty { for line in c.lines { print(SafeText.visible("  " + line)) } }
        }
        if !result.conflicts.isEmpty && !mine && !theirs {
            printError(
                lang.t(
                    "nothing written: \(result.conflicts.count) file(s) have rows both sides changed differently; "
                        + "run again with --mine (keep yours) or --theirs (take theirs), or undo the merge with git merge --abort",
                    "未写入任何文件: \(result.conflicts.count) 个文件中有双方修改不同的行; "
                        + "请加 --mine (保留你的) 或 --theirs (采用他们的) 再运行, 或用 git merge --abort 撤销合并"))
            throw ExitCode(1)
        }
        let written: [String]
        let recorded: [String]
        do {
            (written, recorded) = try WorkspaceStore.writeMerge(
                result.merged, folder: folder, mine: loaded[1], theirs: loaded[2], actor: currentUser())
        } catch StoreError.invalid(let problems) {
            for p in problems { printError(SafeText.visible(p.text(chinese: lang == .zh))) }
            printError(
                lang.t(
                    "nothing written: the merge does not check (above; lines as the merge would write the files); "
                        + "undo it with git merge --abort, fix one side, commit it, and merge again",
                    "未写入任何文件: 合并结果未通过检查 (见上, 行号按合并后写出的文件); "
                        + "请用 git merge --abort 撤销, 修正一方并提交, 再合并"))
            throw ExitCode(1)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        print(
            written.isEmpty
                ? lang.t("the files already hold the merge: nothing written", "文件已是合并结果: 未写入")
                : lang.t("wrote ", "已写入 ") + written.joined(separator: ", "))
        if !recorded.isEmpty {
            print(
                lang.t("journaled as merged by git: ", "已在日志中记为 git 合并: ") + recorded.joined(separator: ", "))
        }
        // Files git left in conflict that are not the model's (a notes file): a commit now would keep
        // their markers.
        let left = Git.stillConflicted(folder: folder)
        guard left.isEmpty else {
            for f in left {
                printError(
                    SafeText.visible(
                        lang.t(
                            "\(f): still has git conflict markers (not a table: resolve it by hand)",
                            "\(f): 仍有 git 冲突标记 (不是表格: 请手工解决)")))
            }
            printError(lang.t("then commit the merge: ", "然后提交合并: ") + "git add -A -- \(folder) && git commit --no-edit")
            throw ExitCode(1)
        }
        print(lang.t("now commit the merge: ", "现在提交合并: ") + "git add -A -- \(folder) && git commit --no-edit")
    }
}

/// A row both sides changed, in words: who deleted it, or each column's two values (a column only
/// one side changed is marked so: the choice of a side takes the whole row in a table merged by rows).
private func conflictText(_ fields: [(column: String, base: String?, mine: String?, theirs: String?)], _ L: Lang) -> String {
    func show(_ value: String?) -> String { value.map { $0.isEmpty ? L.t("(empty)", "(空)") : "“\($0)”" } ?? "—" }
    if fields.contains(where: { $0.theirs == nil }) || fields.contains(where: { $0.mine == nil }) {
        let yoursGone = fields.contains { $0.mine == nil }
        let changed = fields.map { "\($0.column) \(show($0.base)) → \(show(yoursGone ? $0.theirs : $0.mine))" }
        let head =
            yoursGone
            ? L.t("yours deleted it; theirs changed ", "你的已删除; 他们的修改了 ") : L.t("theirs deleted it; yours changed ", "他们的已删除; 你的修改了 ")
        return head + changed.joined(separator: "; ")
    }
    return fields.map { f in
        let one =
            f.mine == f.base
            ? L.t(" (only theirs changed it)", " (只有他们修改了)") : f.theirs == f.base ? L.t(" (only yours changed it)", " (只有你修改了)") : ""
        return "\(f.column) " + L.t("yours \(show(f.mine)), theirs \(show(f.theirs))", "你的 \(show(f.mine)), 他们的 \(show(f.theirs))") + one
    }.joined(separator: "; ")
}

/// git, run as a program: the three versions of a workspace that a git merge in progress has; the
/// report's commit.
enum Git {
    struct Failure: Error { var message: String }

    /// The commits of the common ancestor, HEAD and MERGE_HEAD, and the folder's path in the repository.
    static func sides(folder: String) throws -> (base: String, mine: String, theirs: String, top: String, prefix: String) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(message: "\(folder): no such folder")
        }
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
        return (base, mine, theirs, top, prefix)
    }

    /// The folder `prefix` of the repository at `top` as it is in `commit`, written to `into` (made
    /// afresh). git is run at the top: a tree named from the top is not found from inside the folder.
    static func extract(top: String, commit: String, prefix: String, into: String) throws -> String {
        try? FileManager.default.removeItem(atPath: into)
        do { try FileManager.default.createDirectory(atPath: into, withIntermediateDirectories: true) } catch {
            throw Failure(message: "cannot create \(into): \(error)")
        }
        let tar = into + ".tar"
        let tree = prefix.isEmpty ? commit : commit + ":" + prefix
        _ = try run(["-C", top, "archive", "--format=tar", "-o", tar, tree])
        _ = try program(["tar", "-xf", tar, "-C", into])
        return into
    }

    /// Whether a merge is stopped in the repository that holds `folder`, from the files alone: the
    /// `.git` folder above it holds `MERGE_HEAD`. A `.git` file (a worktree, a submodule) is asked of git.
    static func mergeInProgress(folder: String) -> Bool {
        var dir = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            var isDir: ObjCBool = false
            let git = dir.appendingPathComponent(".git").path
            if FileManager.default.fileExists(atPath: git, isDirectory: &isDir) {
                guard isDir.boolValue else { return (try? run(["-C", folder, "rev-parse", "-q", "--verify", "MERGE_HEAD"])) != nil }
                return FileManager.default.fileExists(atPath: git + "/MERGE_HEAD")
            }
            let up = dir.deletingLastPathComponent()
            if up.path == dir.path { return false }
            dir = up
        }
    }

    /// The files under `folder` (relative to it) that git lists as unmerged.
    static func unmerged(folder: String) -> [String] {
        let args = ["-C", folder, "diff", "-z", "--name-only", "--diff-filter=U", "--relative", "--", "."]
        guard let list = try? run(args) else { return [] }
        // NUL-separated: names as they are (git quotes a Chinese name in lines).
        return list.split(separator: "\u{0}").map(String.init)
    }

    /// The files under `folder` that git lists as unmerged and that still hold a conflict marker line.
    static func stillConflicted(folder: String) -> [String] {
        unmerged(folder: folder).filter { rel in
            guard let data = FileManager.default.contents(atPath: folder + "/" + rel) else { return false }
            // A line that starts `<<<<<<<` (searched in the bytes: a table can be megabytes).
            let marker = Data("<<<<<<<".utf8)
            var from = data.startIndex
            while let r = data.range(of: marker, in: from..<data.endIndex) {
                if r.lowerBound == data.startIndex || data[r.lowerBound - 1] == 0x0A { return true }
                from = r.upperBound
            }
            return false
        }
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
