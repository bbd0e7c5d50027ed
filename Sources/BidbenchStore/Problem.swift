import BidbenchCore

/// One thing wrong with a workspace's content, located as `file:line: field: message`.
///
/// `file` is relative to the workspace folder (`requirements.csv`, `scores/张伟.csv`); `line` is the
/// 1-based line where the offending record starts, or 0 when the problem is not tied to a line
/// (a missing file, a sum over several rows).
///
/// Every problem the Store finds carries its message in English (`message`, used by the command line,
/// `--json` and `description`) and in Simplified Chinese (`messageZH`, for the Chinese TUI).
public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var field: String?
    public var message: String
    /// The same message in Simplified Chinese; nil for a problem made without one (`text(chinese:)`
    /// then falls back to English).
    public var messageZH: String?
    /// Where in a workbook, for problems of an imported `.xlsx`: `Sheet1!C5` (a cell), `Sheet1!5:5`
    /// (a row) or `Sheet1`; it then stands for the line in `file:Sheet1!C5: field: message`.
    public var cell: String?

    public init(file: String, line: Int, field: String? = nil, message: String, messageZH: String? = nil, cell: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.messageZH = messageZH
        self.cell = cell
    }

    /// `12`, or the workbook cell (`Sheet1!C5`) when there is one.
    var place: String { cell ?? String(line) }

    /// Two problems are the same when they say the same thing in English: the Chinese is a rendering
    /// of the same fact, so a test or a caller may compare with a problem built without it.
    public static func == (a: Problem, b: Problem) -> Bool {
        a.file == b.file && a.line == b.line && a.field == b.field && a.message == b.message
    }

    /// `file:line: field: message` in Chinese when `chinese` (file and field names stay as they are:
    /// they are real file and column names), else `description`.
    public func text(chinese: Bool) -> String {
        let m = chinese ? messageZH ?? message : message
        if let field { return "\(file):\(place): \(field): \(m)" }
        return "\(file):\(place): \(m)"
    }

    /// `file:line: field: message`, or `file:line: message` when there is no field.
    public var description: String {
        if let field { return "\(file):\(place): \(field): \(message)" }
        return "\(file):\(place): \(message)"
    }

    /// `{"file":…,"line":…,"field":…|null,"message":…}` for `--json` output.
    public var json: JSONValue {
        .object(
            [
                ("file", .string(file)), ("line", .int(Int64(line))),
                ("field", field.map(JSONValue.string) ?? .null), ("message", .string(message)),
            ] + (cell.map { [("cell", JSONValue.string($0))] } ?? []))
    }
}

/// Why the store refused an operation. Content problems are not errors (see `Problem`); these are.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder does not exist.
    case notFound(String)
    /// The folder exists but has no `workspace.json`.
    case notAWorkspace(String)
    /// A file or folder could not be read or written (path, system message).
    case io(String, String)
    /// The workspace has problems, so it is read-only and nothing may be saved over it.
    case readOnly([Problem])
    /// The workspace to save breaks the rules a load checks; nothing was written.
    case invalid([Problem])
    /// These files (relative paths) changed on disk since the workspace was loaded.
    case changedOnDisk([String])
    /// Another live process holds the workspace lock.
    case locked(pid: Int32, host: String, since: String)
    /// The destination already holds a workspace or files that would be overwritten.
    case exists(String)
    /// A path from the workspace escapes the workspace folder.
    case unsafePath(String)
    /// A file or folder inside the workspace is a symbolic link: never followed, never replaced.
    case symlink(String)
    /// A file the save would replace is read-only (its owner may not write it).
    case readOnlyFile(String)
    /// A file Bidbench appends to in place (a journal chain) has other names (hard links): appending
    /// would write into a file that may be outside the workspace.
    case hardLink(String)
    /// A save failed before its commit point: nothing in the workspace changed (path, reason).
    case notSaved(String, String)
    /// A save passed its commit point but could not finish (path, reason): the next open completes it.
    case saveIncomplete(String, String)
    /// This session may not write that file (file, what the session owns).
    case notOwner(String, String)
    /// Another process is saving this file right now and did not finish within a few seconds.
    case busy(String, pid: Int32, host: String)
    /// An evaluator's session (`--as NAME`) is open on this score sheet: only it writes the sheet
    /// (file, evaluator, the session's pid, host and start).
    case sheetInUse(String, evaluator: String, pid: Int32, host: String, since: String)
    /// The journal chain a save would append to is damaged (a git merge left conflict markers in
    /// it, or its last line is not an entry); checked before anything is written.
    case journalDamaged(String)
    /// Files a save would overwrite hold git conflict markers (a merge in progress): never written
    /// over, not even by a forced save, which would drop the other side of the merge unseen.
    case mergeInProgress([String])
    /// Files a forced save would overwrite no longer parse on disk (someone's edit, half done or
    /// broken): never written over, since what they hold is not known (the problems that say why).
    case unparsedOnDisk([Problem])
    /// An output (a report, an export, a calendar) was aimed at a file the workspace itself reads
    /// (path as given, the workspace's file): refused, since it would replace data without the journal.
    case workspaceFile(String, String)

    public var description: String {
        switch self {
        case .notFound(let f): return "no such folder: \(f)"
        case .notAWorkspace(let f): return "\(f) is not a Bidbench workspace (no workspace.json); create one with `bidbench init \(f)`"
        case .io(let p, let m): return "\(p): \(m)"
        case .readOnly(let ps):
            return "the workspace is read-only because it has \(ps.count) problem(s); fix them first (bidbench check lists them)"
        case .invalid(let ps):
            return "not saved: the changes would leave \(ps.count) problem(s):\n" + ps.map(\.description).joined(separator: "\n")
        case .changedOnDisk(let fs):
            return "changed on disk since it was loaded: \(fs.joined(separator: ", ")); reload, or save with force to overwrite"
        case .locked(let pid, let host, let since):
            return
                "the workspace is open in another Bidbench (pid \(pid) on \(host) since \(since)); close it first, or remove .bidbench/lock if that process is gone"
        case .exists(let p): return "\(p) already exists; refusing to overwrite it"
        case .unsafePath(let p): return "\(p) points outside the workspace folder; refused"
        case .symlink(let p):
            return
                "\(p) is a symbolic link; refused: Bidbench never follows or replaces links in a workspace (one from git or a shared folder could point anywhere); replace it with the real file or folder"
        case .readOnlyFile(let p): return "\(p) is read-only; not replaced (make it writable, e.g. chmod u+w, to save changes to it)"
        case .hardLink(let p):
            return
                "\(p) has other names (a hard link); refused: appending to it would write into a file that may be outside the workspace; replace it with a copy of its own (cp \(p) x && mv x \(p))"
        case .notSaved(let p, let m): return "not saved, nothing in the workspace was changed: \(p): \(m)"
        case .journalDamaged(let p):
            return
                "not saved, nothing in the workspace was changed: the journal chain \(p) is damaged (a git merge left conflict markers in it, or its last line is not an entry): take one side of the merge (git checkout --ours \(p)), then check with bidbench journal --verify"
        case .mergeInProgress(let fs):
            return
                "not saved, nothing in the workspace was changed: git left merge conflict markers in \(fs.joined(separator: ", ")) (a merge in progress; overwriting would drop the other side): run bidbench resolve, then save again"
        case .unparsedOnDisk(let ps):
            let files = Array(Set(ps.map(\.file))).sorted()
            return
                "not saved, nothing in the workspace was changed: \(files.joined(separator: ", ")) changed on disk and no longer parse(s), so overwriting would lose what is in them: "
                + ps.map(\.description).joined(separator: "; ")
                + "; fix it there (or take it back from git), then reload"
        case .saveIncomplete(let p, let m):
            return "saved, but not finished: the new data are committed; \(p): \(m); the next open of the workspace finishes the rest"
        case .notOwner(let f, let own): return "\(f) is not written by this session (it may write only \(own)); not saved"
        case .sheetInUse(let f, let who, let pid, let host, let since):
            return
                "\(f) is open for scoring: \(who) is scoring in another Bidbench (pid \(pid) on \(host) since \(since)), and only that session writes the sheet; import when it is closed (remove \(WorkspaceLock.claimFile(.evaluator(who))) if that process is gone)"
        case .busy(let f, let pid, let host):
            return "\(f) is being saved by another Bidbench (pid \(pid) on \(host)); not saved, try again in a moment"
        case .workspaceFile(let p, let rel):
            return
                "\(p) is the workspace's own \(rel); not written (it would replace the workspace's data without backup or journal): write the output somewhere else"
        }
    }

    /// The message in Simplified Chinese when `chinese` (with the same facts: paths, pid, host, time,
    /// files, counts, and the problems listed in Chinese), else `description`.
    public func text(chinese: Bool) -> String {
        guard chinese else { return description }
        switch self {
        case .notFound(let f): return "文件夹不存在: \(f)"
        case .notAWorkspace(let f): return "\(f) 不是 Bidbench 工作区 (没有 workspace.json); 可用 `bidbench init \(f)` 创建"
        case .io(let p, let m): return "无法读写 \(p): \(m)"
        case .readOnly(let ps):
            return "工作区有 \(ps.count) 个问题, 处于只读状态; 请先修正 (bidbench check 可列出这些问题)"
        case .invalid(let ps):
            return "未保存: 这些修改会造成 \(ps.count) 个问题:\n" + ps.map { $0.text(chinese: true) }.joined(separator: "\n")
        case .changedOnDisk(let fs):
            return "加载后磁盘上的文件已被修改: \(fs.joined(separator: ", ")); 请重新加载, 或强制保存以覆盖"
        case .locked(let pid, let host, let since):
            // Lock.swift names a holder it could not read "unknown host" / "unknown time".
            let h = host == "unknown host" ? "未知主机" : host
            let t = since == "unknown time" ? "未知时间" : since
            return "工作区已在另一个 Bidbench 中打开 (\(h) 上的进程 \(pid), 自 \(t) 起); 请先关闭它; 若该进程已不存在, 可删除 .bidbench/lock"
        case .exists(let p): return "\(p) 已存在; 拒绝覆盖"
        case .unsafePath(let p): return "\(p) 指向工作区文件夹之外; 已拒绝"
        case .symlink(let p):
            return "\(p) 是符号链接; 已拒绝: Bidbench 不跟随也不替换工作区内的链接 (来自 git 或共享文件夹的链接可能指向任何地方); 请换成真实的文件或文件夹"
        case .readOnlyFile(let p): return "\(p) 是只读文件; 未替换 (若要保存对它的修改, 请先设为可写, 如 chmod u+w)"
        case .hardLink(let p):
            return "\(p) 还有其他名字 (硬链接); 已拒绝: 向它追加会写进一个可能在工作区之外的文件; 请换成它自己的副本 (cp \(p) x && mv x \(p))"
        case .notSaved(let p, let m): return "未保存, 工作区没有任何改动: \(p): \(m)"
        case .journalDamaged(let p):
            return
                "未保存, 工作区没有任何改动: 日志链 \(p) 已损坏 (git 合并在其中留下了冲突标记, 或最后一行不是日志条目): 请取合并的一方 (git checkout --ours \(p)), 再用 bidbench journal --verify 检查"
        case .mergeInProgress(let fs):
            return "未保存, 工作区没有任何改动: \(fs.joined(separator: ", ")) 中有 git 合并冲突标记 (合并尚未完成; 覆盖会丢掉另一方的内容): 请运行 bidbench resolve, 再保存"
        case .unparsedOnDisk(let ps):
            let files = Array(Set(ps.map(\.file))).sorted()
            return
                "未保存, 工作区没有任何改动: \(files.joined(separator: ", ")) 在磁盘上已被修改且无法解析, 覆盖会丢掉其中的内容: "
                + ps.map { $0.text(chinese: true) }.joined(separator: "; ") + "; 请先在文件中修正 (或从 git 取回), 再重新加载"
        case .saveIncomplete(let p, let m): return "已保存, 但未全部完成: 新数据已提交; \(p): \(m); 下次打开工作区时会自动完成其余部分"
        case .notOwner(let f, let own): return "\(f) 不由本会话写入 (本会话只能写 \(own)); 未保存"
        case .sheetInUse(let f, let who, let pid, let host, let since):
            return
                "\(f) 正在评分中: \(who) 正在另一个 Bidbench 中打分 (\(host) 上的进程 \(pid), 自 \(since) 起), 评分表只由该会话写入; 请在其关闭后再导入 (若该进程已不存在, 可删除 \(WorkspaceLock.claimFile(.evaluator(who))))"
        case .busy(let f, let pid, let host): return "\(f) 正由另一个 Bidbench 保存 (\(host) 上的进程 \(pid)); 未保存, 请稍后再试"
        case .workspaceFile(let p, let rel): return "\(p) 是工作区自己的 \(rel); 未写入 (会在没有备份和日志的情况下替换工作区数据): 请把输出写到别处"
        }
    }
}
