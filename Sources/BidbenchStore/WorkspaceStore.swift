import BidbenchCore
import Foundation

/// A workspace as read from its folder, with what a later save needs.
public struct LoadedWorkspace: Sendable {
    /// The folder it was read from.
    public let folder: String
    /// The content as loaded (or as last saved).
    public let workspace: Workspace
    /// Everything wrong with the files, in file then line order. Empty after a save.
    public let problems: [Problem]
    /// A workspace with problems is read-only: saving over files that failed to parse would lose data.
    public var readOnly: Bool { !problems.isEmpty }
    /// Files (relative paths) written or removed by the save that produced this value; empty after a load.
    public let written: [String]
    /// Header and BOM of each CSV file as read, so unknown columns keep their order.
    let layouts: [String: TableLayout]
    /// SHA-256 of each file's bytes when read or written, to detect changes made by someone else.
    let fingerprints: [String: String]
    /// Inode, size and times of each fingerprinted file as read or written: while they are unchanged
    /// the file is taken as unchanged and is not read and hashed again (a save stays cheap).
    var signatures: [String: String] = [:]
    /// The large tables of `workspace` as rendered (`preparedForSaves`, then kept by each save): a
    /// save after a few edits replaces the edited rows' records in these bytes.
    var rendered: [String: RenderedTable] = [:]
    /// Files whose save another Bidbench left past its commit point when it stopped (killed, a
    /// crash, the power): this load completed it (`Transaction.recover`). Empty most of the time.
    public internal(set) var completedSave: [String] = []
}

extension LoadedWorkspace {
    /// This state with its requirements table rendered ahead, so the next save after an edit there
    /// prints only the edited rows (about 50 ms less for 20 000 requirements). The TUI calls it on
    /// its background thread after the load, and after a reload (taking the rendering of `previous`
    /// when the requirements did not change); CLI verbs that save once need not.
    public func preparedForSaves(reusing previous: LoadedWorkspace? = nil) -> LoadedWorkspace {
        guard !readOnly else { return self }
        var copy = self
        let spec = Schema.requirements
        if let previous, let kept = previous.rendered[spec.file], previous.layouts[spec.file] == layouts[spec.file],
            previous.workspace.requirements == workspace.requirements
        {
            copy.rendered[spec.file] = kept
        } else {
            copy.rendered[spec.file] = RenderedTable(spec.render(workspace.requirements, layout: layouts[spec.file]))
        }
        return copy
    }
}

extension LoadedWorkspace {
    /// Files (relative paths) that changed, vanished or appeared on disk since this state was loaded
    /// or saved: the tables, `scores/*.csv`, `ahp/*.csv` and the contract texts read. The TUI can
    /// poll this to offer a reload before the user edits further.
    public func changesOnDisk() -> [String] {
        var changed: [String] = []
        for (rel, hash) in fingerprints where WorkspaceStore.currentHash(folder: folder, rel, signatures[rel], known: hash) != hash {
            changed.append(rel)
        }
        var candidates = Schema.tableFiles
        for dir in ["scores", "ahp"] {
            let names = (try? FileIO.listInside(folder: folder, dir)) ?? []
            candidates += names.filter { $0.hasSuffix(".csv") && !$0.hasPrefix(".") }.map { "\(dir)/\($0)" }
        }
        for rel in candidates where fingerprints[rel] == nil && FileIO.exists(FileIO.join(folder, rel)) { changed.append(rel) }
        return changed.sorted { WorkspaceStore.fileRank($0) < WorkspaceStore.fileRank($1) }
    }
}

/// A workspace read and parsed but not yet checked across rows and files (`WorkspaceStore.read`).
public struct UncheckedWorkspace: Sendable {
    /// What was read; its `problems` are only those found while reading (syntax, cells, headers),
    /// and a deferred `gates.csv` is not in it yet. Not to be saved over: it is not known to be
    /// sound (nor whole) until `checked()`.
    public let loaded: LoadedWorkspace
    let readProblems: [Problem]
    let lines: [String: [Int]]
    let settingsText: String
    let unparsed: Set<String>
    /// The bytes of `gates.csv` when its parsing was deferred (`read(folder:deferGates:)`).
    let gateBytes: [UInt8]?
    /// Whether the answers parsed on the gates thread are plain increasing pairs (for the validator;
    /// nil when `gates.csv` was deferred or not parsed).
    let gatesIncrease: Bool?

    /// The workspace with every problem `WorkspaceStore.load` reports (the same list, in the same
    /// order): what may be saved over when the list is empty. A deferred `gates.csv` is parsed first.
    public func checked() -> LoadedWorkspace {
        let log = ProblemLog()
        log.problems = readProblems
        var workspace = loaded.workspace
        var lines = self.lines
        var layouts = loaded.layouts
        var unparsed = self.unparsed
        let gates = Schema.gates
        if let bytes = gateBytes {
            if let parsed = gates.parse(bytes, path: gates.file, log: log) {
                if !parsed.complete { unparsed.insert(gates.file) }
                layouts[gates.file] = parsed.layout
                lines[gates.file] = parsed.lines
                workspace.gates = parsed.rows
            } else {
                unparsed.insert(gates.file)
            }
        }
        let text = settingsText
        var validator = Validator(lines: lines, settingsLine: { SettingsFile.line(ofKey: $0, in: text) }, log: log)
        validator.unparsed = unparsed
        validator.gatesIncrease = gatesIncrease
        validator.validate(workspace)
        return LoadedWorkspace(
            folder: loaded.folder, workspace: workspace, problems: WorkspaceStore.sortProblems(log.problems), written: [],
            layouts: layouts, fingerprints: loaded.fingerprints, signatures: loaded.signatures, completedSave: loaded.completedSave)
    }
}

/// Reads and writes workspace folders (DESIGN §2, §6; format in README.md).
///
/// Saving writes only the files whose content changed. Each write is atomic (temp file in the same
/// folder, fsync, rename, fsync of the folder). The version a save replaces or removes is kept in
/// `.bidbench/backup/<same relative path>` (one generation: the latest previous version). The
/// `.bidbench` folder is local state (lock, backups, journal head) and is not meant for git.
public enum WorkspaceStore {
    // MARK: Load

    /// Reads the workspace in `folder`. Throws only when the folder is missing, is not a workspace,
    /// or a file cannot be read; problems with the content are collected in `problems`.
    public static func load(folder: String) throws -> LoadedWorkspace {
        try read(folder: folder).checked()
    }

    // Kept as one function: one pass over the files in their documented order, filling one problem log and the line maps the validator needs.
    /// Reads and parses the workspace in `folder` without the checks across rows and files (the
    /// references, ranges and rules of `Validator`), which `UncheckedWorkspace.checked()` does
    /// after — on another thread if the caller likes: the terminal draws its first frame between
    /// the two. Throws as `load` does.
    ///
    /// `deferGates`: `gates.csv` (805 200 answers in a generated workspace, most of the bytes) is
    /// read and fingerprinted but parsed only by `checked()`: the first screen does not show it.
    public static func read(folder: String, deferGates: Bool = false) throws -> UncheckedWorkspace {
        guard FileIO.isDirectory(folder) else { throw StoreError.notFound(folder) }
        guard FileIO.isRegularInside(folder: folder, SettingsFile.file) else {
            if case .symlink(let p)? = FileIO.unsafePart(folder: folder, rel: SettingsFile.file) { throw StoreError.symlink(p) }
            throw StoreError.notAWorkspace(folder)
        }
        let log = ProblemLog()
        var fingerprints: [String: String] = [:]
        var signatures: [String: String] = [:]
        var layouts: [String: TableLayout] = [:]
        var lines: [String: [Int]] = [:]
        var unparsed: Set<String> = []
        /// A link where Bidbench's own folders or a file should be makes the workspace read-only.
        func refuse(_ error: StoreError, _ rel: String) {
            guard case .symlink(let p) = error else {
                log.add(rel, 0, nil, error.description, zh: error.text(chinese: true))
                unparsed.insert(rel)
                return
            }
            log.add(
                p, 0, nil,
                "is a symbolic link; refused: Bidbench never follows or replaces links in a workspace (one from git or a shared folder could point anywhere); replace it with the real file or folder",
                zh: "是符号链接; 已拒绝: Bidbench 不跟随也不替换工作区内的链接 (来自 git 或共享文件夹的链接可能指向任何地方); 请换成真实的文件或文件夹")
            unparsed.insert(p)
        }
        // Saves a crash interrupted past their commit point are completed before anything is read.
        var completed: [String] = []
        do { completed = try Transaction.recover(folder: folder) } catch {
            let e = error as? StoreError ?? .io(folder, "\(error)")
            log.add(
                ".bidbench", 0, nil, "an interrupted save could not be completed: \(e.description)",
                zh: "未能完成一次被中断的保存: \(e.text(chinese: true))")
            unparsed.insert(".bidbench")
        }
        // Bidbench's own folders and files, and each journal chain and head: a save needs them, so a link
        // there makes the workspace read-only at once (a helper's pass: `check` said OK and the TUI opened
        // for editing, and only Ctrl-S said that nothing could be saved). A chain with another name (a
        // hard link) too: entries are appended to it in place.
        let chainFiles = Journal.chains(folder: folder)
        let heads = ((try? FileIO.listInside(folder: folder, Journal.headsFolder)) ?? []).map { Journal.headsFolder + "/" + $0 }
        let own =
            [".bidbench", Journal.folder, Journal.file, "scores", "ahp", "contracts"]
            + [".bidbench/backup", ".bidbench/locks", ".bidbench/sessions", Journal.cloneIDFile, Journal.headsFolder]
        for rel in own + chainFiles + heads {
            if let bad = FileIO.unsafePart(folder: folder, rel: rel) { refuse(bad, rel) }
        }
        // A journal chain git merged as text cannot take another entry: read-only until one side is taken.
        for chain in chainFiles {
            var st = stat()
            if lstat(FileIO.join(folder, chain), &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && st.st_nlink > 1 {
                refuse(.hardLink(chain), chain)
            }
            guard let bytes = try? FileIO.readInside(folder: folder, chain), TextTools.hasConflictMarker(bytes) else { continue }
            log.add(
                chain, TextTools.conflictMarkerLines(String(decoding: bytes, as: UTF8.self)).first ?? 0, nil,
                "git left merge conflict markers in this journal chain (a hash chain must never be merged line by line): take one side (git checkout --ours \(chain)), then check with bidbench journal --verify; the .gitattributes that bidbench init writes prevents this",
                zh:
                    "git 合并在这条日志链中留下了冲突标记 (哈希链不能逐行合并): 请取合并的一方 (git checkout --ours \(chain)), 再用 bidbench journal --verify 检查; bidbench init 写入的 .gitattributes 可避免这种情况"
            )
            unparsed.insert(chain)
        }
        func read(_ rel: String, fingerprint: Bool = true) throws -> [UInt8]? {
            let bytes: [UInt8]?
            do { bytes = try FileIO.readInside(folder: folder, rel) } catch {
                if case .symlink = error {
                    refuse(error, rel)
                    return nil
                }
                throw error
            }
            guard let bytes else { return nil }
            if fingerprint { fingerprints[rel] = FileIO.sha256Hex(bytes) }
            signatures[rel] = FileIO.signature(FileIO.join(folder, rel))
            return bytes
        }
        func table<Row>(_ spec: TableSpec<Row>) throws -> [Row] {
            guard let bytes = try read(spec.file) else { return [] }
            guard let parsed = spec.parse(bytes, path: spec.file, log: log) else {
                unparsed.insert(spec.file)
                return []
            }
            if !parsed.complete { unparsed.insert(spec.file) }
            layouts[spec.file] = parsed.layout
            lines[spec.file] = parsed.lines
            return parsed.rows
        }

        var w = Workspace()
        guard let settingsBytes = try read(SettingsFile.file) else { throw StoreError.notAWorkspace(folder) }
        w.settings = SettingsFile.parse(settingsBytes, log: log)
        let settingsText = String(decoding: settingsBytes, as: UTF8.self)
        w.departments = try table(Schema.departments)
        w.requirements = try table(Schema.requirements)
        w.criteria = try table(Schema.criteria)
        w.vendors = try table(Schema.vendors)
        var gateBytes: [UInt8]?
        var gateParse: Background<GateParse>?
        if deferGates {
            gateBytes = try read(Schema.gates.file)
        } else if let bytes = try read(Schema.gates.file, fingerprint: false) {
            gateParse = GateParse.start(bytes)
        }
        w.prices = try table(Schema.prices)
        w.budget = try table(Schema.budget)
        w.payments = try table(Schema.payments)
        w.contracts = try table(Schema.contracts)
        w.reviews = try table(Schema.reviews)
        w.changes = try table(Schema.changes)
        w.risks = try table(Schema.risks)
        w.scenarios = try table(Schema.scenarios)
        w.survey = try table(Schema.survey)
        w.playbook = try table(Schema.playbook)
        w.delivery.tasks = try table(Schema.tasks)
        w.delivery.acceptance = try table(Schema.acceptance)
        w.delivery.training = try table(Schema.training)
        w.delivery.trainingResults = try table(Schema.trainingResults)
        w.delivery.tickets = try table(Schema.tickets)
        w.delivery.sla = try table(Schema.sla)
        w.delivery.vendorReviews = try table(Schema.vendorReviews)
        w.delivery.handover = try table(Schema.handover)
        w.delivery.availability = try table(Schema.availability)
        w.delivery.satisfaction = try table(Schema.satisfaction)
        w.meetings = try table(Schema.meetings)
        w.meetingRequirements = try table(Schema.meetingRequirements)
        w.discussion = try table(Schema.discussion)
        var evaluatorFiles: [String: String] = [:]
        for name in (try? FileIO.listInside(folder: folder, "scores")) ?? [] where name.hasSuffix(".csv") && !name.hasPrefix(".") {
            let evaluator = String(name.dropLast(4))
            // Two files whose names differ only in Unicode form (José in NFC and NFD) are one evaluator twice.
            let key = evaluator.precomposedStringWithCanonicalMapping
            if let first = evaluatorFiles[key] {
                log.add(
                    "scores/\(name)", 0, nil,
                    "the same evaluator name as scores/\(first) (they differ only in Unicode normalisation); merge the two files into one",
                    zh: "与 scores/\(first) 是同一个评委名 (仅 Unicode 规范化形式不同); 请把两个文件合并为一个")
                unparsed.insert("scores/\(name)")
                continue
            }
            evaluatorFiles[key] = name
            w.scores[evaluator] = try table(Schema.scores(file: "scores/\(name)"))
        }
        for name in (try? FileIO.listInside(folder: folder, "ahp")) ?? [] where name.hasSuffix(".csv") && !name.hasPrefix(".") {
            let rel = "ahp/\(name)"
            if let bytes = try read(rel), let m = parseAHP(bytes, path: rel, log: log) { w.ahp[Schema.ahpParent(fileName: name)] = m }
        }
        // Contract texts named by contracts.csv (unsafe paths are reported by the validator).
        for (i, c) in w.contracts.enumerated() where !c.file.isEmpty && PathSafety.problem(c.file) == nil && w.contractTexts[c.file] == nil
        {
            let line = lines[Schema.contracts.file]?[i] ?? 0
            let bytes: [UInt8]?
            do { bytes = try FileIO.readInside(folder: folder, c.file) } catch {
                if case .symlink = error {
                    log.add(
                        Schema.contracts.file, line, "file",
                        "\"\(c.file)\" leads outside the workspace folder through a symbolic link; refused",
                        zh: "“\(c.file)” 通过符号链接指向工作区文件夹之外; 已拒绝")
                } else {
                    log.add(Schema.contracts.file, line, "file", "\"\(c.file)\" is not a regular file", zh: "“\(c.file)” 不是普通文件")
                }
                continue
            }
            // A text that is missing or no text leaves that contract without one (its checklist says
            // why), not the whole workspace read-only: the panel keeps scoring while legal fixes it.
            guard let bytes else {
                w.contractTextNotes[c.file] = Notice(
                    "\(Schema.contracts.file):\(line): contract text \"\(c.file)\" not found in the workspace folder",
                    "\(Schema.contracts.file):\(line): 工作区文件夹中找不到合同正文 “\(c.file)”")
                continue
            }
            fingerprints[c.file] = FileIO.sha256Hex(bytes)
            signatures[c.file] = FileIO.signature(FileIO.join(folder, c.file))
            // As `bidbench contract check` reads a file: UTF-8, else UTF-16 with its mark, else GB18030.
            if TextTools.firstInvalidUTF8(bytes) != nil {
                if let (text, encoding) = InputFile.nonUTF8Text(bytes) {
                    w.contractTexts[c.file] = text
                    w.contractTextNotes[c.file] = Notice(
                        "\(c.file) is not UTF-8: read as \(encoding) (save it as UTF-8 to be sure)",
                        "\(c.file) 不是 UTF-8: 已按 \(encoding) 读取 (另存为 UTF-8 更稳妥)")
                } else {
                    let why = InputFile.notText(bytes, name: c.file)
                    w.contractTextNotes[c.file] = Notice(why.en, why.zh)
                }
                continue
            }
            if let text = StoreText.decode(bytes, path: c.file, log: log, valid: true) { w.contractTexts[c.file] = text }
        }
        var gatesIncrease: Bool?
        if let gateParse {
            let gates = gateParse.wait()
            gatesIncrease = gates.increasing
            fingerprints[Schema.gates.file] = gates.fingerprint
            log.problems += gates.problems
            if let parsed = gates.parsed {
                if !parsed.complete { unparsed.insert(Schema.gates.file) }
                layouts[Schema.gates.file] = parsed.layout
                lines[Schema.gates.file] = parsed.lines
                w.gates = parsed.rows
            } else {
                unparsed.insert(Schema.gates.file)
            }
        }
        return UncheckedWorkspace(
            loaded: LoadedWorkspace(
                folder: folder, workspace: w, problems: sortProblems(log.problems), written: [],
                layouts: layouts, fingerprints: fingerprints, signatures: signatures, completedSave: completed),
            readProblems: log.problems, lines: lines, settingsText: settingsText, unparsed: unparsed, gateBytes: gateBytes,
            gatesIncrease: gatesIncrease)
    }

    /// Whether a save's manifest waits in the folder: one in progress, or one whose process died past
    /// its commit point, which the next `load` completes.
    public static func savePending(folder: String) -> Bool { Transaction.pending(folder: folder) }

    /// Completes the saves that processes now gone left past their commit point (as every load does
    /// first); the files completed. A live process's save is left to it.
    public static func completeInterruptedSaves(folder: String) -> [String] { (try? Transaction.recover(folder: folder)) ?? [] }

    /// The problems `load` would report for this content after a save (cross-row rules, ranges,
    /// references). Use it to tell the user why a save was refused before trying.
    public static func validate(_ workspace: Workspace) -> [Problem] {
        // Line numbers need the rendered files; they are worked out only when there is something to report.
        guard !validate(workspace, files: [:]).isEmpty else { return [] }
        return validate(workspace, files: render(workspace, layouts: [:]))
    }

    static func validate(_ workspace: Workspace, files: [String: RenderedFile], known: Set<String> = []) -> [Problem] {
        let log = ProblemLog()
        let settingsText = String(decoding: files[SettingsFile.file]?.bytes ?? [], as: UTF8.self)
        var validator = Validator(
            lines: files.mapValues(\.lines), settingsLine: { SettingsFile.line(ofKey: $0, in: settingsText) }, log: log)
        validator.known = known
        validator.validate(workspace)
        return sortProblems(log.problems)
    }

    /// The heavy validation sections a save may skip: `loaded` had no problems, so a table that did
    /// not change, and every id it may refer to is still there, is still valid (a requirement
    /// added in the meeting does not make the 805 200 gate answers be checked again; one removed does).
    static func knownValid(_ new: Workspace, over old: Workspace, changed parts: Set<String>) -> Set<String> {
        func kept(_ file: String, _ ids: (Workspace) -> [String]) -> Bool {
            guard parts.contains(file) else { return true }
            let before = ids(old)
            let after = ids(new)
            if before == after { return true }
            let present = Set(after)
            return before.allSatisfy { present.contains($0) }
        }
        let depts = kept(Schema.departments.file) { $0.departments.map(\.id) }
        let reqs = kept(Schema.requirements.file) { $0.requirements.map(\.id) }
        let crits = kept(Schema.criteria.file) { $0.criteria.map(\.id) }
        let vendors = kept(Schema.vendors.file) { $0.vendors.map(\.id) }
        let settings = !parts.contains(SettingsFile.file)
        var known: Set<String> = []
        if !parts.contains(Schema.requirements.file) && depts && crits { known.insert(Schema.requirements.file) }
        if !parts.contains(Schema.gates.file) && vendors && reqs { known.insert(Schema.gates.file) }
        if !parts.contains(where: { $0.hasPrefix("scores/") }) && vendors && crits && settings { known.insert("scores/") }
        return known
    }

    /// Order of files in reports: workspace.json, the tables in README order, then the rest by name.
    static func fileRank(_ f: String) -> (Int, String) {
        if f == SettingsFile.file { return (0, f) }
        if let i = Schema.tableFiles.firstIndex(of: f) { return (1 + i, f) }
        if f.hasPrefix("scores/") { return (100, f) }
        if f.hasPrefix("ahp/") { return (101, f) }
        return (102, f)
    }

    static func sortProblems(_ ps: [Problem]) -> [Problem] {
        ps.enumerated().sorted { a, b in
            let (x, y) = (fileRank(a.element.file), fileRank(b.element.file))
            if x != y { return x < y }
            if a.element.line != b.element.line { return a.element.line < b.element.line }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// An AHP matrix: header `,A,B,C`, then rows `A,1,3,1/5`.
    static func parseAHP(_ bytes: [UInt8], path: String, log: ProblemLog) -> PairwiseMatrix? {
        guard let text = StoreText.decode(bytes, path: path, log: log) else { return nil }
        let records: [CSV.Record]
        do { records = try CSV.parse(text) } catch {
            log.add(path, error.line, nil, error.message, zh: error.messageZH ?? error.message)
            return nil
        }
        guard let header = records.first else {
            log.add(path, 0, nil, "the file is empty; expected a header row ,A,B,C", zh: "文件是空的; 应有表头行 ,A,B,C")
            return nil
        }
        let names = Array(header.fields.dropFirst())
        var values: [[Double]] = []
        var ok = true
        if records.count - 1 != names.count {
            log.add(
                path, header.line, nil, "the matrix is not square: \(names.count) columns but \(records.count - 1) rows",
                zh: "矩阵不是方阵: \(names.count) 列, 却有 \(records.count - 1) 行")
            ok = false
        }
        for (r, record) in records.dropFirst().enumerated() {
            guard record.fields.count == names.count + 1 else {
                log.add(
                    path, record.line, nil,
                    "has \(record.fields.count) fields, expected \(names.count + 1) (a name and \(names.count) judgements)",
                    zh: "有 \(record.fields.count) 个字段, 应为 \(names.count + 1) 个 (一个名称和 \(names.count) 个判断值)")
                ok = false
                continue
            }
            if r < names.count && record.fields[0] != names[r] {
                log.add(
                    path, record.line, nil, "row \"\(record.fields[0])\" should be \"\(names[r])\" (rows must follow the header's order)",
                    zh: "行 “\(record.fields[0])” 应为 “\(names[r])” (行的顺序须与表头一致)")
                ok = false
            }
            var row: [Double] = []
            for (j, cell) in record.fields.dropFirst().enumerated() {
                if let v = NumberText.parseRatio(cell), v > 0, !AHP.outsideSaatyScale(v) {
                    row.append(v)
                } else if let v = NumberText.parseRatio(cell), v > 0 {
                    log.add(
                        path, record.line, j < names.count ? names[j] : nil,
                        "\"\(cell)\" is outside Saaty's scale (1/9 to 9)", zh: "“\(cell)” 超出 Saaty 标度 (1/9 至 9)")
                    ok = false
                    row.append(1)
                } else {
                    log.add(
                        path, record.line, j < names.count ? names[j] : nil,
                        "\"\(cell)\" is not a positive judgement (expected 1–9 or a fraction such as 1/3)",
                        zh: "“\(cell)” 不是正的判断值 (应为 1–9 或分数, 如 1/3)")
                    ok = false
                    row.append(1)
                }
            }
            values.append(row)
        }
        return ok ? PairwiseMatrix(names: names, values: values) : nil
    }

    // MARK: Render

    /// Every file of the workspace as it would be written, keyed by relative path.
    /// `only` limits the work to those files (a save renders just the parts that changed).
    static func render(_ w: Workspace, layouts: [String: TableLayout], only: Set<String>? = nil) -> [String: RenderedFile] {
        var files: [String: RenderedFile] = [:]
        func wanted(_ file: String) -> Bool { only?.contains(file) ?? true }
        if wanted(SettingsFile.file) { files[SettingsFile.file] = SettingsFile.render(w.settings) }
        func put<Row>(_ spec: TableSpec<Row>, _ rows: [Row]) {
            if wanted(spec.file) { files[spec.file] = spec.render(rows, layout: layouts[spec.file]) }
        }
        put(Schema.departments, w.departments)
        put(Schema.requirements, w.requirements)
        put(Schema.criteria, w.criteria)
        put(Schema.vendors, w.vendors)
        put(Schema.gates, w.gates)
        put(Schema.prices, w.prices)
        put(Schema.budget, w.budget)
        put(Schema.payments, w.payments)
        put(Schema.contracts, w.contracts)
        put(Schema.reviews, w.reviews)
        put(Schema.changes, w.changes)
        put(Schema.risks, w.risks)
        put(Schema.scenarios, w.scenarios)
        put(Schema.survey, w.survey)
        // playbook.csv is optional: an empty playbook (the defaults) writes no file unless there was one.
        if !w.playbook.isEmpty || layouts[Schema.playbook.file] != nil { put(Schema.playbook, w.playbook) }
        put(Schema.tasks, w.delivery.tasks)
        put(Schema.acceptance, w.delivery.acceptance)
        put(Schema.training, w.delivery.training)
        put(Schema.trainingResults, w.delivery.trainingResults)
        put(Schema.tickets, w.delivery.tickets)
        put(Schema.sla, w.delivery.sla)
        put(Schema.vendorReviews, w.delivery.vendorReviews)
        put(Schema.handover, w.delivery.handover)
        put(Schema.availability, w.delivery.availability)
        put(Schema.satisfaction, w.delivery.satisfaction)
        put(Schema.meetings, w.meetings)
        put(Schema.meetingRequirements, w.meetingRequirements)
        put(Schema.discussion, w.discussion)
        for (evaluator, scores) in w.scores { put(Schema.scores(file: Schema.scoresFile(evaluator: evaluator)), scores) }
        for (parent, m) in w.ahp where wanted(Schema.ahpFile(parent: parent)) {
            let path = Schema.ahpFile(parent: parent)
            let bom = layouts[path]?.bom ?? false
            var rows: [[String]] = [[""] + m.names]
            for (i, name) in m.names.enumerated() {
                rows.append([name] + (i < m.values.count ? m.values[i] : []).map(NumberText.formatRatio))
            }
            let text = (bom ? "\u{FEFF}" : "") + CSV.write(rows)
            files[path] = RenderedFile(
                bytes: Array(text.utf8), header: m.names, rows: rows.dropFirst().map { ($0[0], Array($0.dropFirst())) },
                lines: [], layout: TableLayout(header: [""] + m.names, bom: bom))
        }
        for (path, text) in w.contractTexts where wanted(path) {
            let bytes = Array(text.utf8)
            files[path] = RenderedFile(
                bytes: bytes, header: ["sha256", "bytes"], rows: [(path, [FileIO.sha256Hex(bytes), String(bytes.count)])],
                lines: [], layout: nil)
        }
        return files
    }

    /// The text a table file would have for `workspace` (for export and tests), or nil for an unknown path.
    public static func renderedText(of file: String, in workspace: Workspace) -> String? {
        render(workspace, layouts: [:])[file].map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    // MARK: Save

    /// Saves `workspace` over the folder `loaded` came from and returns the new state.
    ///
    /// Refuses (throws) when `loaded` is read-only, when the new content has problems
    /// (`StoreError.invalid`), when `lock` is an evaluator's claim and a file other than their score
    /// sheet would change (`notOwner`), when a file to write is a symbolic link or read-only, and —
    /// unless `force` — when someone else changed a file this save writes or depends on since the
    /// load (`StoreError.changedOnDisk`; README "Many writers"). Writes only files whose content
    /// changed, all of them as one transaction (`Transaction`): the workspace ends with every file
    /// old or every file new. Creates and removes `scores/<evaluator>.csv` files as evaluators come
    /// and go, keeps each replaced version in `.bidbench/backup/`, and appends one journal entry per
    /// file to the actor's chain. Contract texts are written when changed but never deleted.
    public static func save(
        _ workspace: Workspace, over loaded: LoadedWorkspace, actor: String, force: Bool = false,
        lock: WorkspaceLock? = nil
    ) throws -> LoadedWorkspace {
        try save(workspace, over: loaded, actor: actor, force: force, lock: lock, now: Date(), fault: nil)
    }

    // Kept as one function: the save in its stages (check, lock, render, commit, journal), each a point the fault tests inject at.
    /// `fault` is called at each stage of the transaction (tests inject failures there).
    static func save(
        _ workspace: Workspace, over loaded: LoadedWorkspace, actor: String, force: Bool, lock: WorkspaceLock?,
        now: Date, fault: ((SaveStage) throws -> Void)?
    ) throws -> LoadedWorkspace {
        guard !loaded.readOnly else { throw StoreError.readOnly(loaded.problems) }
        let folder = loaded.folder

        // Validation without line numbers is cheap; lines are worked out only to report problems.
        let candidates = differingParts(workspace, loaded.workspace)
        if !validate(workspace, files: [:], known: knownValid(workspace, over: loaded.workspace, changed: candidates)).isEmpty {
            throw StoreError.invalid(validate(workspace, files: render(workspace, layouts: loaded.layouts)))
        }
        // The large tables after a few edits: only the rows that differ are rendered twice.
        var fast: [String: (new: RenderedFile, changed: Bool, diff: RowDiff)] = [:]
        func tryFast<Row: Equatable>(_ spec: TableSpec<Row>, _ rows: [Row], _ before: [Row]?) {
            guard candidates.contains(spec.file), let before,
                let r = spec.renderChange(rows, over: before, layout: loaded.layouts[spec.file], cached: loaded.rendered[spec.file])
            else { return }
            fast[spec.file] = r
        }
        tryFast(Schema.requirements, workspace.requirements, loaded.workspace.requirements)
        tryFast(Schema.gates, workspace.gates, loaded.workspace.gates)
        for (evaluator, rows) in workspace.scores {
            tryFast(Schema.scores(file: Schema.scoresFile(evaluator: evaluator)), rows, loaded.workspace.scores[evaluator])
        }
        let rest = candidates.subtracting(fast.keys)
        var new = render(workspace, layouts: loaded.layouts, only: rest)
        let old = render(loaded.workspace, layouts: loaded.layouts, only: rest)
        for (rel, r) in fast { new[rel] = r.new }
        let keptTexts = Set(old.keys).subtracting(new.keys).filter { loaded.workspace.contractTexts[$0] != nil }
        let changed = Set(new.keys).union(old.keys).subtracting(keptTexts)
            .filter { fast[$0].map(\.changed) ?? (new[$0]?.bytes != old[$0]?.bytes) }
            .sorted { fileRank($0) < fileRank($1) }
        // The kept renderings follow the rows: a table whose rows differ (even with the same bytes: rows
        // may have moved in the model) keeps its new rendering.
        var rendered = loaded.rendered
        for rel in loaded.rendered.keys where candidates.contains(rel) { rendered[rel] = new[rel].flatMap(RenderedTable.init) }
        guard !changed.isEmpty else {
            return LoadedWorkspace(
                folder: folder, workspace: workspace, problems: [], written: [],
                layouts: loaded.layouts, fingerprints: loaded.fingerprints, signatures: loaded.signatures, rendered: rendered)
        }
        if let own = lock?.ownedFile, let other = changed.first(where: { $0 != own }) { throw StoreError.notOwner(other, own) }
        if let unsafe = changed.first(where: { PathSafety.problem($0) != nil }) { throw StoreError.unsafePath(unsafe) }
        for rel in changed { try FileIO.checkReplaceable(folder: folder, rel) }
        // A forced save never overwrites a file that, changed on disk, no longer parses (a helper's
        // pass: `o` in the changed-on-disk dialog replaced a colleague's half-broken edit unseen). Read
        // before the commit locks, only when a file to write differs on disk.
        if force {
            let differing = changed.filter {
                FileIO.exists(FileIO.join(folder, $0))
                    && currentHash(folder: folder, $0, loaded.signatures[$0], known: loaded.fingerprints[$0]) != loaded.fingerprints[$0]
            }
            if !differing.isEmpty, let disk = try? read(folder: folder) {
                // Git's conflict markers are said as a merge in progress (below).
                let broken = Set(differing).intersection(disk.unparsed).filter { rel in
                    ((try? FileIO.readInside(folder: folder, rel)) ?? nil).map(TextTools.hasConflictMarker) != true
                }
                if !broken.isEmpty { throw StoreError.unparsedOnDisk(disk.readProblems.filter { broken.contains($0.file) }) }
            }
        }

        let (chain, locks) = try lockForCommit(folder: folder, files: changed, actor: actor)
        defer { locks.release() }

        // Someone else's changes since the load: a file we write (or create) that differs on disk, and
        // the files ours depend on (README "Many writers"). A file that already holds exactly our new
        // bytes is no conflict: it is our own earlier save, completed.
        var conflicts: [String] = []
        var toWrite: [String] = []
        var fingerprints = loaded.fingerprints
        var signatures = loaded.signatures
        var layouts = loaded.layouts
        var newHashes: [String: String] = [:]
        for rel in changed {
            let newHash = new[rel].map { FileIO.sha256Hex($0.bytes) }
            newHashes[rel] = newHash
            let current = currentHash(folder: folder, rel, loaded.signatures[rel], known: loaded.fingerprints[rel])
            if current != newHash {
                if current != loaded.fingerprints[rel] { conflicts.append(rel) }
                toWrite.append(rel)
            }
            fingerprints[rel] = newHash
            layouts[rel] = new[rel]?.layout
        }
        let writesShared = changed.contains { !$0.hasPrefix("scores/") }
        let dependencies =
            writesShared ? [SettingsFile.file] + Schema.tableFiles : [SettingsFile.file, Schema.vendors.file, Schema.criteria.file]
        for rel in dependencies where !changed.contains(rel) {
            if currentHash(folder: folder, rel, loaded.signatures[rel], known: loaded.fingerprints[rel]) != loaded.fingerprints[rel] {
                conflicts.append(rel)
            }
        }
        if !conflicts.isEmpty && !force { throw StoreError.changedOnDisk(conflicts.sorted { fileRank($0) < fileRank($1) }) }
        let marked = toWrite.filter { rel in
            conflicts.contains(rel) && ((try? FileIO.readInside(folder: folder, rel)) ?? nil).map(TextTools.hasConflictMarker) == true
        }
        if !marked.isEmpty { throw StoreError.mergeInProgress(marked.sorted { fileRank($0) < fileRank($1) }) }

        let time = Journal.isoUTC(now)
        let base = Journal.newID()
        let entries = toWrite.enumerated().map { i, rel in
            PreparedEntry.fileChange(
                id: "\(base).\(i + 1)", time: time, actor: actor, table: rel,
                action: new[rel] == nil
                    ? "delete" : (loaded.fingerprints[rel] != nil || FileIO.exists(FileIO.join(folder, rel)) ? "update" : "create"),
                sha256: newHashes[rel] ?? "", rows: new[rel]?.rowCount ?? 0, diff: fast[rel]?.diff ?? diff(old[rel], new[rel]))
        }
        try Transaction.commit(
            folder: folder, writes: toWrite.map { ($0, new[$0]?.bytes, newHashes[$0] ?? "") }, chain: chain, entries: entries, fault: fault)
        for rel in changed { signatures[rel] = new[rel] == nil ? nil : FileIO.signature(FileIO.join(folder, rel)) }
        return LoadedWorkspace(
            folder: folder, workspace: workspace, problems: [], written: toWrite,
            layouts: layouts, fingerprints: fingerprints, signatures: signatures, rendered: rendered)
    }

    /// Writes `workspace`, the row-by-row merge of a git merge's three versions (`bidbench resolve`),
    /// over `folder`, whose files git left part merged and part in conflict (so it does not load and
    /// cannot be saved over). `mine` and `theirs` are the two sides as committed, loaded from folders
    /// of their own. A file ends as the side's own bytes where the merge holds what that side holds
    /// (no formatting churn), else as the merge renders it (unknown columns kept by `mine`'s layouts);
    /// a file the same on every side stays as git merged it unless git left conflict markers in it.
    /// The files whose bytes differ from that are replaced, all in one transaction, each with a
    /// journal entry in `actor`'s chain that records the change from `mine`. Refuses, writing nothing,
    /// when the merge has problems (`StoreError.invalid`) or a file to write is a link or read-only.
    /// Contract texts are never deleted. A file both sides changed that git merged cleanly already
    /// holds the merge: it is not written, but journaled as merged too (its digest is neither side's
    /// last entry's, so `journal --verify --strict` failed after a merge made wholly through Bidbench:
    /// a helper's pass). Returns the files written and those only journaled.
    public static func writeMerge(
        _ workspace: Workspace, folder: String, mine: LoadedWorkspace, theirs: LoadedWorkspace, actor: String
    ) throws -> (written: [String], recorded: [String]) {
        // Only what the merge changed is rendered (a large workspace's gates.csv alone is seconds to
        // print): a file whose part equals one side's is that side's bytes.
        let fromMine = differingParts(workspace, mine.workspace)
        let fromTheirs = differingParts(workspace, theirs.workspace)
        if !validate(workspace, files: [:], known: knownValid(workspace, over: mine.workspace, changed: fromMine)).isEmpty {
            throw StoreError.invalid(validate(workspace, files: render(workspace, layouts: mine.layouts)))
        }
        let new = render(workspace, layouts: mine.layouts, only: fromMine.intersection(fromTheirs))
        var toWrite: [String] = []
        var recorded: [String] = []
        var bytes: [String: [UInt8]] = [:]
        // Theirs' files too: a sheet theirs changed and mine deleted is in the folder as git left it.
        let files = Set(mine.fingerprints.keys).union(theirs.fingerprints.keys).union(fromMine).union(fromTheirs)
        for rel in files.sorted(by: { fileRank($0) < fileRank($1) }) {
            if PathSafety.problem(rel) != nil { throw StoreError.unsafePath(rel) }
            // A link or an unreadable file reads as different: `checkReplaceable` then names it.
            let current: [UInt8]?? = try? FileIO.readInside(folder: folder, rel)
            let wanted: [UInt8]?
            if !fromMine.contains(rel) && !fromTheirs.contains(rel) {
                // The same on every side: what git left stands, unless it left conflict markers.
                guard case .some(let now?) = current, TextTools.hasConflictMarker(now) else { continue }
                wanted = try FileIO.readInside(folder: mine.folder, rel) ?? FileIO.readInside(folder: theirs.folder, rel)
            } else if !fromMine.contains(rel) {
                wanted = try FileIO.readInside(folder: mine.folder, rel)
            } else if !fromTheirs.contains(rel) {
                wanted = try FileIO.readInside(folder: theirs.folder, rel)
            } else {
                wanted = new[rel]?.bytes
            }
            if wanted == nil && (mine.workspace.contractTexts[rel] != nil || theirs.workspace.contractTexts[rel] != nil) { continue }
            if case .some(let now) = current, now == wanted {
                if fromMine.contains(rel) && fromTheirs.contains(rel) && wanted != nil {
                    recorded.append(rel)
                    bytes[rel] = wanted
                }
                continue
            }
            try FileIO.checkReplaceable(folder: folder, rel)
            toWrite.append(rel)
            bytes[rel] = wanted
        }
        guard !toWrite.isEmpty || !recorded.isEmpty else { return ([], []) }
        let journaled = (toWrite + recorded).sorted { fileRank($0) < fileRank($1) }
        let (chain, locks) = try lockForCommit(folder: folder, files: journaled, actor: actor)
        defer { locks.release() }
        let time = Journal.isoUTC(Date())
        let id = Journal.newID()
        let hashes = journaled.map { rel in bytes[rel].map { FileIO.sha256Hex($0) } ?? "" }
        // The journal records each merged file's change from mine.
        let before = render(mine.workspace, layouts: mine.layouts, only: Set(journaled))
        let after = render(workspace, layouts: mine.layouts, only: Set(journaled))
        let entries = journaled.enumerated().map { i, rel in
            PreparedEntry.fileChange(
                id: "\(id).\(i + 1)", time: time, actor: actor, table: rel,
                action: bytes[rel] == nil ? "delete" : "merge", sha256: hashes[i], rows: after[rel]?.rowCount ?? 0,
                diff: diff(before[rel], after[rel]))
        }
        let writes = journaled.enumerated().filter { toWrite.contains($0.element) }.map { ($1, bytes[$1], hashes[$0]) }
        try Transaction.commit(folder: folder, writes: writes, chain: chain, entries: entries, fault: nil)
        return (toWrite, recorded)
    }

    /// Journals the files changed outside Bidbench (`Journal.unrecorded`) as they are now, each with its
    /// digest and row count (action `record`, or `delete` for a file gone): what a git merge, rebase or
    /// revert made without Bidbench, which nothing else could record (a helper's pass: `--strict`
    /// failed for good after a merge git made cleanly). Only a workspace that loads without problems
    /// is recorded (`StoreError.invalid`); nothing is written but the journal. Returns the files.
    public static func recordOutsideChanges(folder: String, actor: String) throws -> [String] {
        let loaded = try load(folder: folder)
        guard loaded.problems.isEmpty else { throw StoreError.invalid(loaded.problems) }
        let changes = Journal.unrecorded(folder: folder, entries: try Journal.read(folder: folder))
        guard !changes.isEmpty else { return [] }
        let files = changes.map(\.file)
        let (chain, locks) = try lockForCommit(folder: folder, files: files, actor: actor)
        defer { locks.release() }
        let time = Journal.isoUTC(Date())
        let id = Journal.newID()
        let now = render(loaded.workspace, layouts: loaded.layouts, only: Set(files))
        let entries = try changes.enumerated().map { i, change in
            let bytes = change.missing ? nil : try FileIO.readInside(folder: folder, change.file)
            return PreparedEntry.fileChange(
                id: "\(id).\(i + 1)", time: time, actor: actor, table: change.file, action: bytes == nil ? "delete" : "record",
                sha256: bytes.map { FileIO.sha256Hex($0) } ?? "", rows: now[change.file]?.rowCount ?? 0, diff: RowDiff())
        }
        try Transaction.commit(folder: folder, writes: [], chain: chain, entries: entries, fault: nil)
        return files
    }

    /// Before a transaction writes `files`: the actor's journal chain, and the locks on the files and
    /// the chain (the caller releases them). A save of ours (or anyone's) that a crash interrupted
    /// past its commit point is completed first, and the chain must take entries before any table is
    /// replaced.
    private static func lockForCommit(folder: String, files: [String], actor: String) throws -> (chain: String, locks: CommitLocks) {
        let chain = try Journal.chainFile(folder: folder, actor: actor)
        try FileIO.checkInside(folder: folder, rel: chain)
        let locks = try CommitLocks(folder: folder, files: files + [chain])
        do {
            try Transaction.recover(folder: folder, holding: Set(files + [chain]))
            try Journal.checkAppendable(folder: folder, chain: chain)
        } catch {
            locks.release()
            throw error
        }
        return (chain, locks)
    }

    /// The rows of a table that `mine` and `theirs` both changed since `base`, and differently (by the
    /// row's key as the journal writes it), each with the columns whose values differ between them
    /// and each column's value in the three (nil: the row is not there). Empty for a file that is
    /// not a CSV table.
    public static func rowConflicts(file: String, base: Workspace, mine: Workspace, theirs: Workspace)
        -> [(key: String, fields: [(column: String, base: String?, mine: String?, theirs: String?)])]
    {
        guard file.hasSuffix(".csv") || file == SettingsFile.file else { return [] }
        func rows(_ w: Workspace) -> (header: [String], cells: [String: [String]]) {
            guard let f = render(w, layouts: [:], only: [file])[file] else { return ([], [:]) }
            guard file == SettingsFile.file else {
                return (f.header, Dictionary(f.rows.map { ($0.key, $0.cells) }, uniquingKeysWith: { a, _ in a }))
            }
            // The settings as one row whose columns are the file's keys, each value as JSON writes it.
            let object = (try? JSONSerialization.jsonObject(with: Data(f.bytes))) as? [String: Any] ?? [:]
            let keys = object.keys.sorted()
            let values = keys.map { k -> String in
                if let text = object[k] as? String { return text }
                let data = try? JSONSerialization.data(withJSONObject: object[k] ?? NSNull(), options: [.fragmentsAllowed, .sortedKeys])
                return data.map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            return (keys, ["settings": values])
        }
        let (b, m, t) = (rows(base), rows(mine), rows(theirs))
        func cell(_ row: [String]?, _ header: [String], _ column: String) -> String? {
            guard let row else { return nil }
            guard let i = header.firstIndex(of: column) else { return "" }
            return i < row.count ? row[i] : ""
        }
        var out: [(key: String, fields: [(column: String, base: String?, mine: String?, theirs: String?)])] = []
        for key in Set(m.cells.keys).union(t.cells.keys).sorted() {
            let (x, y, z) = (b.cells[key], m.cells[key], t.cells[key])
            guard y != x, z != x, y != z else { continue }
            var fields: [(column: String, base: String?, mine: String?, theirs: String?)] = []
            for column in (y == nil ? t.header : m.header) {
                let (bv, mv, tv) = (cell(x, b.header, column), cell(y, m.header, column), cell(z, t.header, column))
                // A row one side deleted: the columns the other changed (not its unchanged key).
                if y == nil || z == nil ? bv != (mv ?? tv) : mv != tv { fields.append((column, bv, mv, tv)) }
            }
            out.append((key, fields))
        }
        return out
    }

    /// The SHA-256 of a file now (nil when missing). When its inode, size and times still match
    /// `signature` (taken when `known` was computed), it is `known` without reading the file.
    static func currentHash(folder: String, _ rel: String, _ signature: String?, known: String?) -> String? {
        if let signature, let known, FileIO.signature(FileIO.join(folder, rel)) == signature { return known }
        guard let bytes = try? FileIO.readInside(folder: folder, rel) else {
            // Unreadable or a link: report it as changed so nothing is written over it unseen.
            return FileIO.exists(FileIO.join(folder, rel)) ? "unreadable" : nil
        }
        return FileIO.sha256Hex(bytes)
    }

    /// Files whose part of the model differs between two workspaces (only these can need a write).
    static func differingParts(_ a: Workspace, _ b: Workspace) -> Set<String> {
        var files: Set<String> = []
        if a.settings != b.settings { files.insert(SettingsFile.file) }
        let tables: [(String, Bool)] = [
            (Schema.departments.file, a.departments != b.departments), (Schema.requirements.file, a.requirements != b.requirements),
            (Schema.criteria.file, a.criteria != b.criteria), (Schema.vendors.file, a.vendors != b.vendors),
            (Schema.gates.file, a.gates != b.gates), (Schema.prices.file, a.prices != b.prices),
            (Schema.budget.file, a.budget != b.budget), (Schema.payments.file, a.payments != b.payments),
            (Schema.contracts.file, a.contracts != b.contracts), (Schema.reviews.file, a.reviews != b.reviews),
            (Schema.changes.file, a.changes != b.changes), (Schema.risks.file, a.risks != b.risks),
            (Schema.scenarios.file, a.scenarios != b.scenarios), (Schema.survey.file, a.survey != b.survey),
            (Schema.playbook.file, a.playbook != b.playbook),
            (Schema.tasks.file, a.delivery.tasks != b.delivery.tasks),
            (Schema.acceptance.file, a.delivery.acceptance != b.delivery.acceptance),
            (Schema.training.file, a.delivery.training != b.delivery.training),
            (Schema.trainingResults.file, a.delivery.trainingResults != b.delivery.trainingResults),
            (Schema.tickets.file, a.delivery.tickets != b.delivery.tickets), (Schema.sla.file, a.delivery.sla != b.delivery.sla),
            (Schema.vendorReviews.file, a.delivery.vendorReviews != b.delivery.vendorReviews),
            (Schema.handover.file, a.delivery.handover != b.delivery.handover),
            (Schema.availability.file, a.delivery.availability != b.delivery.availability),
            (Schema.satisfaction.file, a.delivery.satisfaction != b.delivery.satisfaction),
            (Schema.meetings.file, a.meetings != b.meetings),
            (Schema.meetingRequirements.file, a.meetingRequirements != b.meetingRequirements),
            (Schema.discussion.file, a.discussion != b.discussion),
        ]
        for (file, differs) in tables where differs { files.insert(file) }
        for e in Set(a.scores.keys).union(b.scores.keys) where a.scores[e] != b.scores[e] { files.insert(Schema.scoresFile(evaluator: e)) }
        for p in Set(a.ahp.keys).union(b.ahp.keys) where a.ahp[p] != b.ahp[p] { files.insert(Schema.ahpFile(parent: p)) }
        for f in Set(a.contractTexts.keys).union(b.contractTexts.keys) where a.contractTexts[f] != b.contractTexts[f] { files.insert(f) }
        return files
    }

    /// The rows that differ between two renderings of a file, keyed by their diff key: the keys of
    /// rows added and removed, and the edited rows with their cells before and after. Rows whose
    /// cells are equal are skipped before any JSON is built, and added or removed rows never build
    /// any (a save after one edit of a 20 000-row table compares arrays; a generate lists keys).
    static func diff(_ old: RenderedFile?, _ new: RenderedFile?) -> RowDiff {
        func pairs(_ f: RenderedFile, _ cells: [String]) -> [(String, String)] { Array(zip(f.header, cells)) }
        func same(_ a: [(String, String)], _ b: [(String, String)]) -> Bool {
            let x = Dictionary(a.filter { !$0.1.isEmpty }, uniquingKeysWith: { p, _ in p })
            let y = Dictionary(b.filter { !$0.1.isEmpty }, uniquingKeysWith: { p, _ in p })
            return x == y
        }
        func json(_ pairs: [(String, String)]) -> JSONValue { .object(pairs.map { ($0.0, .string($0.1)) }) }
        let before = old?.rows ?? []
        let after = new?.rows ?? []
        var result = RowDiff()
        guard let new else {
            result.removed = before.map(\.key)
            return result
        }
        guard let old, !before.isEmpty else {
            result.added = after.map(\.key)
            return result
        }
        let sameHeader = old.header == new.header
        var beforeByKey: [String: Int] = [:]
        var afterKeys: Set<String> = []
        // Rows are sorted by key in both: while the same position holds the same key, no lookup is needed.
        let aligned = before.count == after.count && zip(before, after).allSatisfy { $0.key == $1.key }
        if !aligned {
            beforeByKey.reserveCapacity(before.count)
            for (i, row) in before.enumerated() where beforeByKey[row.key] == nil { beforeByKey[row.key] = i }
            afterKeys.reserveCapacity(after.count)
        }
        for (k, row) in after.enumerated() {
            if !aligned { afterKeys.insert(row.key) }
            let j = k < before.count && before[k].key == row.key ? k : beforeByKey[row.key]
            guard let j else {
                result.added.append(row.key)
                continue
            }
            if sameHeader, before[j].cells == row.cells { continue }
            let b = pairs(old, before[j].cells)
            let a = pairs(new, row.cells)
            if same(b, a) { continue }
            result.edited.append(JournalChange(key: row.key, before: json(b), after: json(a)))
        }
        if !aligned {
            for row in before where !afterKeys.contains(row.key) { result.removed.append(row.key) }
        }
        return result
    }

    // MARK: Create and copy

    /// Creates an empty valid workspace in `folder` (made if needed): workspace.json, every table
    /// with its header only, empty `scores/` and `contracts/` folders, and a `.gitignore` that keeps
    /// `.bidbench/` (lock, backups) out of git. Refuses to overwrite any existing workspace file.
    public static func initialize(folder: String, name: String, language: String) throws {
        var settings = Settings()
        settings.name = name
        settings.language = language
        var files: [(String, [UInt8])] = [(SettingsFile.file, SettingsFile.render(settings).bytes)]
        // A new workspace starts with the default buyer's playbook, for the company to tune.
        var blank = Workspace()
        blank.playbook = Playbook.defaultRows
        let empty = render(blank, layouts: [:])
        for f in Schema.tableFiles { files.append((f, empty[f]!.bytes)) }
        for (rel, _) in files where FileIO.exists(FileIO.join(folder, rel)) { throw StoreError.exists(FileIO.join(folder, rel)) }
        try FileIO.makeDirectories(folder)
        for (rel, bytes) in files { try FileIO.atomicWrite(FileIO.join(folder, rel), bytes) }
        try FileIO.makeDirectories(FileIO.join(folder, "scores"))
        try FileIO.makeDirectories(FileIO.join(folder, "contracts"))
        try FileIO.makeDirectories(FileIO.join(folder, Journal.folder))
        try writeGitFiles(folder: folder)
    }

    /// Writes `.gitignore` and `.gitattributes` where they are missing (`init`, `demo`): local state
    /// stays out of git, and git never merges a journal chain as text.
    public static func writeGitFiles(folder: String) throws {
        if !FileIO.exists(FileIO.join(folder, ".gitignore")) {
            try FileIO.atomicWriteInside(folder: folder, ".gitignore", Array(gitignore.utf8))
        }
        if !FileIO.exists(FileIO.join(folder, ".gitattributes")) {
            try FileIO.atomicWriteInside(folder: folder, ".gitattributes", Array(gitattributes.utf8))
        }
    }

    /// What `init` puts in `.gitignore`: Bidbench's local state (locks, backups, manifests, this
    /// clone's journal id and heads) and the temp files of saves in progress.
    static let gitignore = """
        # Written by bidbench init: local state, never shared.
        .bidbench/
        .*.tmp-*

        """

    /// What `init` puts in `.gitattributes` (README "Team workflow with git").
    static let gitattributes = """
        # Written by bidbench init.
        # Each journal/*.log file has one writer (one person in one clone), so git never has to merge
        # one. If it ever must, it stops with a conflict instead of mixing two hash chains line by line
        # (merge=union would break both chains silently).
        journal/*.log -text merge=binary
        # Tables and settings are compared byte for byte: no end-of-line conversion.
        *.csv -text
        workspace.json -text

        """

    /// Copies a folder tree (regular files and folders; symbolic links, `.bidbench` and `.git` are
    /// skipped) to `to`, which must not exist or be empty. Copies are created 0600 / 0700.
    public static func copyWorkspace(from: String, to: String) throws {
        guard FileIO.isDirectory(from) else { throw StoreError.notFound(from) }
        if FileIO.exists(to) && (!FileIO.isDirectory(to) || !FileIO.list(to).isEmpty) { throw StoreError.exists(to) }
        try FileIO.makeDirectories(to)
        func copy(_ src: String, _ dst: String) throws {
            for name in FileIO.list(src) where name != ".bidbench" && name != ".git" {
                let s = FileIO.join(src, name)
                let d = FileIO.join(dst, name)
                var st = stat()
                guard lstat(s, &st) == 0 else { throw StoreError.io(s, FileIO.errorText()) }
                switch st.st_mode & S_IFMT {
                case S_IFDIR:
                    try FileIO.makeDirectories(d)
                    try copy(s, d)
                case S_IFREG: try FileIO.atomicWrite(d, try FileIO.read(s))
                default: continue
                }
            }
        }
        try copy(from, to)
    }

    /// The demo workspace shipped with the package: `$BIDBENCH_DEMO` when set, else `data/demo`
    /// (zh) or `data/demo-en` (en, falling back to `data/demo`) under the package root, found by
    /// walking up from `packageRoot` (a source file path; the default is the caller's `#filePath`)
    /// to the folder holding `Package.swift`. Nil when there is none.
    public static func demoFolder(language: String = "zh", packageRoot: String = #filePath) -> String? {
        if let env = getenv("BIDBENCH_DEMO").map({ String(cString: $0) }), !env.isEmpty, FileIO.isDirectory(env) { return env }
        var dir = FileIO.dirname(of: packageRoot)
        while !dir.isEmpty && dir != "/" && dir != "." {
            if FileIO.isRegularFile(FileIO.join(dir, "Package.swift")) {
                let names = language == "en" ? ["data/demo-en", "data/demo"] : ["data/demo"]
                return names.map { FileIO.join(dir, $0) }.first(where: FileIO.isDirectory)
            }
            dir = FileIO.dirname(of: dir)
        }
        return nil
    }
}
