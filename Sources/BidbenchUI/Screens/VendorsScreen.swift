import BidbenchCore

/// State of the Vendors screen: the selected vendor (column) and criterion (row).
public struct VendorsState: Equatable, Sendable {
    public var vendor = 0
    public var criterion = 0
    /// Ranks before the last weight or method change, to highlight the ones that moved.
    public var previousRanks: [String: Int] = [:]
    /// The evaluation and sensitivity of the workspace revision they were computed for (ranking a
    /// large workspace takes longer than a keystroke may).
    public var cache: VendorsCache?
    /// The cache key of a ranking the host is computing (`Job.ranking`): until it arrives the
    /// screen says "computing…" rather than ranking again on the key path or showing old figures.
    public var computing: String?
    public init() {}
}

/// What the Vendors screen computed for one workspace revision.
public struct VendorsCache: Equatable, Sendable {
    public var key: String
    public var evaluation: Evaluation?
    public var error: String?
    public var sensitivity: SensitivityReport?
    /// Each evaluator's progress (counts only; the times come from `AppState.sheetTimes` at render).
    public var progress: [EvaluatorProgress] = []
    /// The panel aggregate and gate results, kept across revisions: a weight or method change
    /// re-ranks without aggregating 18 000 scores or reading 800 000 gate answers again.
    public var basis = EvaluationBasis()
}

/// Vendors (供应商): vendors side by side as columns, criteria as rows, panel scores and totals.
public enum VendorsScreen {
    /// Leaf criteria in file order (those no other criterion names as parent).
    static func leaves(_ ws: Workspace) -> [Criterion] {
        let parents = Set(ws.criteria.map(\.parent))
        return ws.criteria.filter { !parents.contains($0.id) }
    }

    // Kept as one function: one case per command of the screen, as the key map lists them.
    /// A command on the Vendors screen. An evaluator scores; everything that changes the panel's
    /// view belongs to the lead (the key map says which, and the key says why it is off).
    static func handle(_ s: inout AppState, _ cmd: Command) -> [Effect]? {
        let nv = s.workspace.vendors.count
        let nc = leaves(s.workspace).count
        if s.checking && (cmd == .gates || cmd == .edit) {
            // The gate answers and the panel's figures are not read yet.
            s.say(s.readOnlyReason, error: true)
            return []
        }
        switch cmd {
        case .top, .pageUp: s.vendors.criterion = 0
        case .bottom, .pageDown: s.vendors.criterion = max(0, nc - 1)
        case .left: s.vendors.vendor = max(0, s.vendors.vendor - 1)
        case .right: s.vendors.vendor = max(0, min(nv - 1, s.vendors.vendor + 1))
        case .up: s.vendors.criterion = max(0, s.vendors.criterion - 1)
        case .down: s.vendors.criterion = max(0, min(nc - 1, s.vendors.criterion + 1))
        case .add: s.modal = .form(form(s, for: nil))
        case .edit:
            guard s.vendors.vendor < nv else { return [] }
            s.modal = .form(form(s, for: s.workspace.vendors[s.vendors.vendor]))
        case .delete:
            guard s.vendors.vendor < nv else { return [] }
            let v = s.workspace.vendors[s.vendors.vendor]
            let contracts = s.workspace.contracts.filter { $0.vendor == v.id }.map(\.id)
            if !contracts.isEmpty {
                s.say(
                    s.lang.t(
                        "\(v.name) has contract(s) \(contracts.joined(separator: ", ")): remove them first",
                        "\(v.name) 还有合同 \(contracts.joined(separator: ", ")): 请先删除合同"), error: true)
                return []
            }
            s.modal = .confirm(
                question: s.lang.t(
                    "Delete vendor \(v.id) \(v.name) and its prices and scores? (y/n)",
                    "删除供应商 \(v.id) \(v.name) 及其报价和评分? (y/n)"), action: .deleteVendor(id: v.id))
        case .score:
            let leaf = leaves(s.workspace)
            guard s.vendors.vendor < nv, s.vendors.criterion < leaf.count else { return [] }
            let cr = leaf[s.vendors.criterion]
            guard cr.source == .panel else {
                s.say(
                    cr.source == .price
                        ? s.lang.t("Price is not scored: it comes from the bids", "价格不打分: 取自报价")
                        : s.lang.t(
                            "Past performance is not scored: it comes from the vendor's latest delivery review",
                            "过往履约不打分: 取自该供应商最近一次交付考评"), error: true)
                return []
            }
            let v = s.workspace.vendors[s.vendors.vendor]
            guard let who = s.evaluator else {
                // The lead, after the reveal: who gave what, to discuss the cell.
                if s.workspace.settings.revealed {
                    s.modal = .cellDetail(CellDetailState(vendor: v.id, criterion: cr.id))
                } else {
                    s.say(
                        s.lang.t(
                            "Blind: the lead sees each evaluator's scores after the reveal (R); evaluators score with --as NAME",
                            "盲评中: 揭晓 (R) 后主持人可查看每位评委的评分; 评委请用 --as 姓名 打分"), error: true)
                }
                return []
            }
            let mine = s.workspace.scores[who]?.first { $0.vendor == v.id && $0.criterion == cr.id }
            // A knocked-out vendor needs no score (a meeting pass: one typed there was taken, never shown
            // to her, and counted as a cell to discuss); a score given before still opens, to withdraw it.
            if mine == nil, let out = results(s).evaluation?.disqualified.first(where: { $0.vendor == v.id }) {
                s.say(
                    s.lang.t("\(v.name) is knocked out (\(out.reason)): no score needed", "\(v.name) 已淘汰 (\(out.reasonZH)), 无需打分"),
                    error: true)
                return []
            }
            s.modal = .form(
                Form(
                    target: .score(vendor: v.id, criterion: cr.id), title: "\(who) · \(v.name) · \(cr.name)",
                    fields: [
                        FormField(
                            key: "score",
                            label: s.lang.t(
                                "Score 0–\(NumberText.format(s.workspace.settings.scale))" + (mine == nil ? "" : " (empty: withdraw)"),
                                "分数 0–\(NumberText.format(s.workspace.settings.scale))" + (mine == nil ? "" : " (清空: 撤回)")),
                            text: mine.map { NumberText.format($0.score) } ?? "", kind: .number),
                        FormField(key: "note", label: s.lang.t("Note", "备注"), text: mine?.note ?? "", kind: .long),
                    ]))
        case .ahp:
            if s.vendors.previousRanks.isEmpty { s.vendors.previousRanks = currentRanks(s) }
            AHPScreen.open(&s)
        case .note:
            openDiscussion(&s)
        case .gates:
            guard s.vendors.vendor < nv else { return [] }
            s.modal = .gates(GatesState(vendor: s.workspace.vendors[s.vendors.vendor].id))
        case .reveal:
            // R saves at once: other unsaved edits (new requirements on screen 1) go with it, so it
            // asks first, naming them (they were written without a word: user test pass).
            let unsaved = s.dirty ? WorkspaceMerge.changedFiles(s.base, s.workspace) : []
            let also =
                unsaved.isEmpty
                ? ("", "")
                : (
                    " R saves at once, with your unsaved changes to \(unsaved.joined(separator: ", ")).",
                    " R 会立即保存, 连同你未保存的修改 (\(unsaved.joined(separator: "、")))。"
                )
            let revealed = s.workspace.settings.revealed
            let left = revealed ? [] : (results(s).evaluation?.progress ?? PanelRule.progress(s.workspace)).filter { !$0.complete }
            if left.isEmpty {
                guard !unsaved.isEmpty else { return setRevealed(&s, !revealed) }
                s.modal = .confirm(
                    question: revealed
                        ? s.lang.t("Hide the scores again?\(also.0) (y/n)", "重新隐藏评分?\(also.1) (y/n)")
                        : s.lang.t("Reveal the scores?\(also.0) (y/n)", "揭晓评分?\(also.1) (y/n)"),
                    action: .revealSaving(!revealed))
                return []
            }
            let who = left.map { "\($0.evaluator) \($0.scored)/\($0.expected)" }.joined(separator: ", ")
            s.modal = .confirm(
                question: s.lang.t(
                    "Not finished: \(who). Their sheets are left out of the averages until complete.\(also.0) Reveal now? (y/n)",
                    "未评完: \(who)。评完之前不计入平均分。\(also.1)仍然揭晓? (y/n)"), action: .reveal)
        case .methodNext:
            if s.vendors.previousRanks.isEmpty { s.vendors.previousRanks = currentRanks(s) }
            let methods = ScoringMethod.allCases
            let current = s.workspace.settings.method.value.flatMap { methods.firstIndex(of: $0) }
            let next = methods[((current ?? -1) + 1) % methods.count]
            s.change(s.lang.t("Method: ", "方法: ") + methodTitle(.known(next), s.lang)) { $0.settings.method = .known(next) }
        case .weightUp, .weightDown:
            if s.vendors.previousRanks.isEmpty { s.vendors.previousRanks = currentRanks(s) }
            let leaf = leaves(s.workspace)
            guard s.vendors.criterion < leaf.count else { return [] }
            let id = leaf[s.vendors.criterion].id
            let delta = cmd == .weightUp ? 0.05 : -0.05
            // Said, with the share before and after (a meeting pass: the message of an earlier key,
            // `‹+› 在此无作用`, stayed on the projected screen while the weight moved).
            var after = s.workspace.criteria
            rebalance(&after, id: id, by: delta)
            let (was, now) = (share(s.workspace.criteria, id), share(after, id))
            let name = leaf[s.vendors.criterion].name
            s.change(
                s.lang.t(
                    "\(name) weight \(NumberText.percent(was, 0)) → \(NumberText.percent(now, 0))",
                    "\(name) 权重 \(NumberText.percent(was, 0)) → \(NumberText.percent(now, 0))")
            ) { ws in ws.criteria = after }
        default: return nil
        }
        return []
    }

    /// Criterion `id`'s share of the whole: its weight among its siblings', times its parent's share
    /// (1 for no criterion: the whole).
    static func share(_ criteria: [Criterion], _ id: String) -> Double {
        var share = 1.0
        var current = criteria.first { $0.id == id }
        var seen: Set<String> = []
        while let c = current, seen.insert(c.id).inserted {
            let sum = criteria.filter { $0.parent == c.parent }.reduce(0) { $0 + $1.weight }
            share *= sum > 0 ? c.weight / sum : 0
            current = c.parent.isEmpty ? nil : criteria.first { $0.id == c.parent }
        }
        return share
    }

    /// `+`/`-`: moves criterion `id`'s share of the whole by `delta` (0.05: five points, as the
    /// screen shows shares) and its siblings (the criteria under the same parent) the other way, in
    /// proportion, so that their sum stays what it was: the tree never ends up with children that
    /// no longer sum to their parent (it did, and `check` then warned; a sibling's share dropped
    /// without a word: user test pass). Weights written as parts of the parent (0.15 of 0.35) or of
    /// one (0.43 of 1) or relative (5 and 2) all move by five points of the whole. Weights keep 4
    /// decimals; the rounding's remainder goes to the largest sibling.
    static func rebalance(_ criteria: inout [Criterion], id: String, by delta: Double) {
        guard let i = criteria.firstIndex(where: { $0.id == id }) else { return }
        let siblings = criteria.indices.filter { criteria[$0].parent == criteria[i].parent }
        let total = round4(siblings.reduce(0) { $0 + criteria[$1].weight })
        // The parent's share of the whole (the product of the shares up the tree; 1 at the top).
        let parentShare = share(criteria, criteria[i].parent)
        let delta = parentShare > 0 && total > 0 ? delta * total / parentShare : delta
        let others = siblings.filter { $0 != i }
        guard !others.isEmpty else {
            // The only one under its parent: its share is the whole, whatever its number.
            criteria[i].weight = max(0, round4(criteria[i].weight + delta))
            return
        }
        let before = siblings.map { criteria[$0].weight }
        defer {
            // Children written as parts of their parent (0.15 + 0.20 under 0.35) follow it: they
            // stayed, and `check` warned that they no longer summed to it (user test pass).
            for (k, was) in zip(siblings, before) where criteria[k].weight != was {
                scaleChildren(&criteria, of: criteria[k].id, from: was, to: criteria[k].weight)
            }
        }
        let new = min(total, max(0, round4(criteria[i].weight + delta)))
        criteria[i].weight = new
        spread(&criteria, others, to: round4(total - new))
    }

    private static func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    /// The weights of `indices` scaled in proportion to sum to `sum` (in equal parts when they are all
    /// 0), 4 decimals, the rounding's remainder on the largest.
    private static func spread(_ criteria: inout [Criterion], _ indices: [Int], to sum: Double) {
        let before = indices.reduce(0) { $0 + criteria[$1].weight }
        for k in indices {
            criteria[k].weight = round4(before > 0 ? criteria[k].weight * sum / before : sum / Double(indices.count))
        }
        let drift = round4(sum - indices.reduce(0) { $0 + criteria[$1].weight })
        if drift != 0, let largest = indices.max(by: { criteria[$0].weight < criteria[$1].weight }) {
            criteria[largest].weight = max(0, round4(criteria[largest].weight + drift))
        }
    }

    /// The children of `parent`, when their weights sum to its old weight `from`, scaled to sum to
    /// `to` (and theirs in turn); children weighted otherwise (parts of one, relative) are left.
    static func scaleChildren(_ criteria: inout [Criterion], of parent: String, from: Double, to: Double) {
        let children = criteria.indices.filter { criteria[$0].parent == parent }
        let sum = children.reduce(0) { $0 + criteria[$1].weight }
        guard !children.isEmpty, from > 0, abs(sum - from) < 1e-6 else { return }
        let was = children.map { criteria[$0].weight }
        spread(&criteria, children, to: to)
        for (k, w) in zip(children, was) { scaleChildren(&criteria, of: criteria[k].id, from: w, to: criteria[k].weight) }
    }

    /// Reveals or hides the panel's scores and saves at once (with any other unsaved change), so the
    /// reveal is journaled with its actor and every other open Bidbench picks it up.
    static func setRevealed(_ s: inout AppState, _ revealed: Bool) -> [Effect] {
        let said = revealed ? s.lang.t("Scores revealed to the panel", "评分已向评审组揭晓") : s.lang.t("Scores hidden", "评分已隐藏")
        s.change(said) { $0.settings.revealed = revealed }
        s.savedNote = said
        return App.save(&s)
    }

    static func currentRanks(_ s: AppState) -> [String: Int] {
        guard let ev = results(s).evaluation else { return [:] }
        return Dictionary(ev.ranking.map { ($0.vendor, $0.rank) }, uniquingKeysWith: { a, _ in a })
    }

    static func form(_ s: AppState, for v: Vendor?) -> Form {
        let L = s.lang
        return Form(
            target: .vendor(id: v?.id),
            title: v.map { L.t("Edit vendor \($0.id)", "编辑供应商 \($0.id)") } ?? L.t("New vendor", "新增供应商"),
            fields: [
                FormField(key: "name", label: L.t("Name", "名称"), text: v?.name ?? ""),
                FormField(key: "contact", label: L.t("Contact", "联系人"), text: v?.contact ?? ""),
                FormField(key: "qualifications", label: L.t("Qualifications", "资质"), text: v?.qualifications ?? "", kind: .long),
                FormField(key: "references", label: L.t("References", "案例"), text: v?.references ?? "", kind: .long),
                FormField(key: "notes", label: L.t("Notes", "备注"), text: v?.notes ?? "", kind: .long),
                FormField(
                    key: "sme", label: L.t("Small/micro", "中小微企业"), choices: ["false", "true"], labels: [L.t("no", "否"), L.t("yes", "是")],
                    selected: (v?.sme ?? false) ? "true" : "false", aliases: [["no", "否", "n"], ["yes", "是", "y"]]),
                FormField(key: "bid_price", label: L.t("Bid price", "投标报价"), text: v?.bidPrice?.description ?? "", kind: .number),
            ])
    }

    /// `n`: the lead's note of what the panel said about the selected cell. Only after the reveal:
    /// before it the note would be about scores nobody may see yet.
    static func openDiscussion(_ s: inout AppState) {
        let leaf = leaves(s.workspace)
        guard s.vendors.vendor < s.workspace.vendors.count, s.vendors.criterion < leaf.count else { return }
        guard s.workspace.settings.revealed else {
            s.say(
                s.lang.t(
                    "Blind: the panel discusses a cell after the reveal (R)", "盲评中: 揭晓 (R) 之后评审组才讨论单元格"), error: true)
            return
        }
        let v = s.workspace.vendors[s.vendors.vendor]
        let cr = leaf[s.vendors.criterion]
        // The handout prints a note under the panel's scores of its cell: a row the panel does not
        // score (price, past performance) has none to discuss.
        guard cr.source == .panel else {
            s.say(
                s.lang.t(
                    "\(cr.name) is not scored by the panel: discussion notes go on panel-scored cells",
                    "\(cr.name) 不由评委打分: 讨论记录只能写在评委打分的单元格上"), error: true)
            return
        }
        s.modal = .form(
            Form(
                target: .discussionNote(vendor: v.id, criterion: cr.id),
                title: s.lang.t("Discussion — ", "讨论 — ") + "\(v.name) · \(cr.name)",
                fields: [
                    FormField(
                        key: "note", label: s.lang.t("Note", "讨论记录"),
                        text: s.workspace.discussionNote(vendor: v.id, criterion: cr.id), kind: .long)
                ]))
    }

    /// Keeps the discussion note of a cell (an empty note removes it), as one undoable change.
    static func submitDiscussion(_ s: inout AppState, _ f: Form, vendor: String, criterion: String) -> FormRefusal? {
        let L = s.lang
        // The panel may have turned blind while the form was open (workspace.json from disk).
        guard s.workspace.settings.revealed else {
            return FormRefusal(L.t("Blind again: the note waits for the reveal (R)", "已恢复盲评: 揭晓 (R) 后才能保存讨论记录"), field: "note")
        }
        guard s.workspace.vendors.contains(where: { $0.id == vendor }), s.workspace.criteria.contains(where: { $0.id == criterion }) else {
            return FormRefusal(L.t("This cell is gone: its vendor or criterion was removed", "此单元格已不存在: 供应商或准则已被删除"), field: "note")
        }
        let note = f.value("note").trimmed
        guard note != s.workspace.discussionNote(vendor: vendor, criterion: criterion) else { return nil }
        s.change(note.isEmpty ? L.t("Discussion note removed", "讨论记录已删除") : L.t("Discussion note kept", "讨论记录已保存")) { ws in
            let i = ws.discussion.firstIndex { $0.vendor == vendor && $0.criterion == criterion }
            switch (i, note.isEmpty) {
            case (let i?, true): ws.discussion.remove(at: i)
            case (let i?, false): ws.discussion[i].note = note
            case (nil, false): ws.discussion.append(DiscussionNote(vendor: vendor, criterion: criterion, note: note))
            case (nil, true): break
            }
        }
        return nil
    }

    /// Stores the acting evaluator's score from the score form.
    static func submitScore(_ s: inout AppState, _ f: Form, vendor: String, criterion: String) -> FormRefusal? {
        let L = s.lang
        guard let who = s.evaluator else {
            return FormRefusal(L.t("Evaluators only: start with --as NAME to score", "仅限评委: 请用 --as 姓名 启动后打分"))
        }
        let scale = s.workspace.settings.scale
        let text = f.value("score").trimmed
        // An emptied score withdraws the one given, with its note (a meeting pass: an evaluator could
        // not take a score back, and clearing it was refused as `not “”`).
        if text.isEmpty, s.workspace.scores[who]?.contains(where: { $0.vendor == vendor && $0.criterion == criterion }) == true {
            s.change(L.t("Score withdrawn", "已撤回评分")) { ws in
                ws.scores[who]?.removeAll { $0.vendor == vendor && $0.criterion == criterion }
            }
            return nil
        }
        if text.isEmpty {
            return FormRefusal(
                L.t("Type a score from 0 to \(NumberText.format(scale))", "请输入 0 到 \(NumberText.format(scale)) 之间的分数"), field: "score")
        }
        guard let v = formDecimal(text), v >= 0, v <= scale else {
            return FormRefusal(
                L.t(
                    "Score must be a number from 0 to \(NumberText.format(scale)), not “\(text)”",
                    "分数必须是 0 到 \(NumberText.format(scale)) 之间的数字, 而不是 “\(text)”"), field: "score")
        }
        let score = Score(vendor: vendor, criterion: criterion, score: v, note: f.value("note").trimmed)
        s.change(L.t("Scored \(NumberText.format(v))", "已打分 \(NumberText.format(v))")) { ws in
            var list = ws.scores[who] ?? []
            if let i = list.firstIndex(where: { $0.vendor == score.vendor && $0.criterion == score.criterion }) {
                var kept = score
                kept.extra = list[i].extra
                list[i] = kept
            } else {
                list.append(score)
            }
            ws.scores[who] = list.sorted { ($0.vendor, $0.criterion) < ($1.vendor, $1.criterion) }
        }
        return nil
    }

    static func submit(_ s: inout AppState, _ f: Form, id editing: String?) -> FormRefusal? {
        let L = s.lang
        let name = f.value("name").trimmed
        if name.isEmpty { return FormRefusal(L.t("The name is required", "名称不能为空"), field: "name") }
        let priceText = f.value("bid_price").trimmed
        var bid: Money?
        if !priceText.isEmpty {
            guard let m = Money(parsing: priceText), m.minor >= 0 else {
                if let big = FormRefusal.tooLargeAmount(L, priceText, field: "bid_price", label: ("Bid price", "投标报价")) { return big }
                return FormRefusal(
                    L.t(
                        "Bid price must be an amount ≥ 0 with at most 2 decimals, not “\(priceText)”",
                        "投标报价必须是 ≥ 0 且最多两位小数的金额, 而不是 “\(priceText)”"), field: "bid_price")
            }
            bid = m
        }
        func fill(_ v: inout Vendor) {
            v.name = name
            v.contact = f.value("contact").trimmed
            v.qualifications = f.value("qualifications").trimmed
            v.references = f.value("references").trimmed
            v.notes = f.value("notes").trimmed
            v.sme = f.value("sme") == "true"
            v.bidPrice = bid
        }
        if editing == nil {
            var v = Vendor(id: IDSequence.next(after: s.workspace.vendors.map(\.id), defaultPrefix: "V"), name: name)
            fill(&v)
            s.change(L.t("Added vendor \(v.id)", "已新增供应商 \(v.id)")) { ws in ws.vendors.append(v) }
            s.vendors.vendor = s.workspace.vendors.count - 1
        } else {
            let id = editing ?? ""
            // Changed in the session, not yet on disk: "saved" misled the lead into not pressing Ctrl-S.
            s.change(L.t("Updated \(id) (Ctrl-S saves)", "已更新 \(id) (Ctrl-S 保存)")) { ws in
                if let i = ws.vendors.firstIndex(where: { $0.id == id }) { fill(&ws.vendors[i]) }
            }
        }
        return nil
    }

    static func delete(_ s: inout AppState, id: String) {
        s.change(s.lang.t("Deleted vendor \(id) (u to undo)", "已删除供应商 \(id) (按 u 撤销)")) { ws in
            ws.vendors.removeAll { $0.id == id }
            ws.prices.removeAll { $0.vendor == id }
            ws.gates.removeAll { $0.vendor == id }
            ws.discussion.removeAll { $0.vendor == id }
            // Its delivery reviews and their survey answers name it too (the save would refuse them).
            ws.delivery.vendorReviews.removeAll { $0.vendor == id }
            ws.delivery.satisfaction.removeAll { $0.vendor == id }
            for k in ws.scores.keys { ws.scores[k]?.removeAll { $0.vendor == id } }
        }
        App.clampSelections(&s)
    }

    /// Width of the criterion label column and of each vendor column: as wide as the names need,
    /// within the terminal.
    static func columns(_ s: AppState) -> (label: Int, vendor: Int) {
        let names = leaves(s.workspace).map { TextWidth.of($0.name) }.max() ?? 10
        let label = min(max(24, names + 9), max(24, s.width / 3))
        let nv = max(1, s.workspace.vendors.count)
        let vendor = min(22, max(14, (s.width - label - 1) / nv))
        return (label, vendor)
    }

    static func click(_ s: inout AppState, x: Int, y: Int) {
        let (labelW, colW) = columns(s)
        let row = y - (App.body(s).y + 2)
        if row >= 0 && row < leaves(s.workspace).count { s.vendors.criterion = row }
        let col = (x - labelW) / colW
        if x >= labelW && col < s.workspace.vendors.count { s.vendors.vendor = col }
    }

    /// Recomputes the cached evaluation when the Vendors screen shows a workspace it was not computed for.
    static func refresh(_ s: inout AppState, onAnyScreen: Bool = false) {
        // An open score dialog names the vendor and criterion as they are now (a meeting pass: the lead
        // renamed the vendor while 刘芳 scored, and her dialog kept the old name).
        if case .form(var f)? = s.modal, case .score(let vid, let cid) = f.target,
            let v = s.workspace.vendors.first(where: { $0.id == vid }), let cr = s.workspace.criteria.first(where: { $0.id == cid }),
            let who = f.title.components(separatedBy: " · ").first
        {
            let title = "\(who) · \(v.name) · \(cr.name)"
            if title != f.title {
                f.title = title
                s.modal = .form(f)
            }
        }
        guard s.screen == .vendors || onAnyScreen else { return }
        let key = cacheKey(s)
        guard s.vendors.cache?.key != key, s.vendors.computing != key else { return }
        s.vendors.cache = compute(s, key: key, basis: s.vendors.cache?.basis ?? EvaluationBasis())
    }

    /// Whether the ranking of this revision is still being computed by the host.
    static func isComputing(_ s: AppState) -> Bool {
        let key = cacheKey(s)
        return s.vendors.computing == key && s.vendors.cache?.key != key
    }

    static func cacheKey(_ s: AppState) -> String { "\(s.revision)|\(s.evaluator ?? "")|\(s.lang.rawValue)" }

    static func compute(_ s: AppState, key: String, basis: EvaluationBasis = EvaluationBasis()) -> VendorsCache {
        var basis = basis
        switch evaluation(s, basis: &basis) {
        case .success(let ev):
            return VendorsCache(
                key: key, evaluation: ev, error: nil, sensitivity: Sensitivity.analyse(ev.problem), progress: ev.progress, basis: basis)
        case .failure(let e):
            return VendorsCache(key: key, evaluation: nil, error: e.text(chinese: s.lang == .zh), sensitivity: nil, basis: basis)
        }
    }

    /// The cached results when current, else computed now.
    static func results(_ s: AppState) -> VendorsCache {
        let key = cacheKey(s)
        if let c = s.vendors.cache, c.key == key { return c }
        return compute(s, key: key, basis: s.vendors.cache?.basis ?? EvaluationBasis())
    }

    /// The evaluation the screen shows, through the panel rule (blind: only this session's own
    /// scores and nothing derived from the panel), bids as prices (or the horizon TCO for a vendor
    /// without a bid).
    static func evaluation(_ s: AppState, basis: inout EvaluationBasis) -> Result<Evaluation, ScoringError> {
        let ws = s.workspace
        do {
            return .success(
                try PanelRule.evaluate(ws, viewer: PanelViewer(as: s.evaluator), priceOverride: tcoPrices(ws), basis: &basis))
        } catch { return .failure(error) }
    }

    static func methodTitle(_ m: Coded<ScoringMethod>, _ L: Lang) -> String {
        switch m {
        case .known(.cn): return L.t("comprehensive scoring (MoF Order 87, low price first)", "综合评分法 (87号令)")
        case .known(.topsis): return "TOPSIS"
        case .known(.wsm): return L.t("weighted sum (WSM)", "加权求和 (WSM)")
        case .other(let text): return L.t("unknown method “\(text)”", "未知方法 “\(text)”")
        }
    }

    /// What one frame of the matrix shows, worked out from the cached results: lookups by vendor and
    /// criterion, and the error when there is no evaluation (then no figure is shown, never a zero).
    struct MatrixView {
        var evaluation: Evaluation?
        var error: String?
        var out: [String: String]
        var incomplete: [String: String]
        var ranked: [String: RankedVendor]
        var cells: [String: PanelCell]
        var past: [String: Double]
        var weight: [String: Double]
        /// The columns on screen: the first vendor shown, and the vendors with their index.
        var first: Int
        var shown: [(offset: Int, element: Vendor)]

        init(_ s: AppState, _ results: VendorsCache, columns maxCols: Int) {
            let ev = results.evaluation
            let L = s.lang
            evaluation = ev
            error = results.error
            out = Dictionary(
                (ev?.disqualified ?? []).map { ($0.vendor, L == .zh ? $0.reasonZH : $0.reason) }, uniquingKeysWith: { a, _ in a })
            incomplete = Dictionary((ev?.incomplete ?? []).map { ($0.vendor, $0.reason) }, uniquingKeysWith: { a, _ in a })
            ranked = Dictionary((ev?.ranking ?? []).map { ($0.vendor, $0) }, uniquingKeysWith: { a, _ in a })
            cells = Dictionary((ev?.cells ?? []).map { ("\($0.vendor)|\($0.criterion)", $0) }, uniquingKeysWith: { a, _ in a })
            past = VendorScorecard.pastPerformance(s.workspace.delivery.vendorReviews, scale: s.workspace.settings.scale)
            weight = Dictionary((ev?.weights ?? []).map { ($0.id, $0.global) }, uniquingKeysWith: { a, _ in a })
            let count = s.workspace.vendors.count
            first = max(0, min(s.vendors.vendor - maxCols + 1, count - maxCols))
            shown = Array(Array(s.workspace.vendors.enumerated()).dropFirst(first).prefix(maxCols))
        }
    }

    static func render(_ s: AppState, into c: inout Canvas, area: Rect) {
        let L = s.lang
        let ws = s.workspace
        if isComputing(s) {
            // No figure at all rather than one of another revision: totals, ranks and bars come with the event.
            c.text(area.x + 1, area.y, header(s), .dim, maxWidth: area.width - 2)
            c.text(
                area.x + 1, area.y + 2, L.t("Computing the ranking… (\(ws.vendors.count) vendors)", "正在计算排名… (\(ws.vendors.count) 家供应商)"),
                .accent, maxWidth: area.width - 2)
            return
        }
        if s.hasDataProblems {
            // A file refused or wrong (a must-have missing, a sheet unread) makes every figure here
            // possibly wrong: a knocked-out vendor ranked, a panel mean without an evaluator. None is
            // shown, as the command line refuses to rank such a workspace.
            c.text(area.x + 1, area.y, header(s), .dim, maxWidth: area.width - 2)
            let lines = TextWidth.wrap(
                L.t(
                    "No ranking, scores or progress: the workspace has problems (listed at opening). Fix the files: they are read again as soon as they are saved.",
                    "不显示排名、评分和进度: 工作区有问题 (打开时已列出)。请修正文件: 保存后即会重新读取。"),
                area.width - 2)
            for (i, line) in lines.enumerated() { c.text(area.x + 1, area.y + 2 + i, line, .error, maxWidth: area.width - 2) }
            return
        }
        let results = results(s)
        let (labelW, colW) = columns(s)
        let view = MatrixView(s, results, columns: max(1, (area.width - labelW) / colW))
        c.text(area.x + 1, area.y, header(s, sensitivity: results.sensitivity, width: area.width), .dim, maxWidth: area.width - 2)
        if let e = view.error { c.text(area.x + 1, area.maxY - 1, e, .error, maxWidth: area.width - 2) }
        let hy = area.y + 1
        renderMatrix(s, view, into: &c, area: area, top: hy)
        let sy = min(hy + 2 + leaves(ws).count, area.maxY - 3)
        renderTotals(s, view, into: &c, area: area, y: sy)
        var ly = sy + 2
        renderLegend(s, view, into: &c, area: area, y: &ly)
        renderProgress(s, results.progress, into: &c, area: area, y: &ly)
        renderWarnings(s, view.evaluation, into: &c, area: area, y: &ly)
        if ws.vendors.isEmpty { c.text(area.x + 2, hy + 2, L.t("No vendors yet. Press a to add one.", "还没有供应商。按 a 新增。"), .dim) }
    }

    /// The first line: method, panel, blind state and who is scoring; with the selected criterion's
    /// range over which the winner holds when the sensitivity is known.
    static func header(_ s: AppState, sensitivity: SensitivityReport? = nil, width: Int = 0) -> String {
        let L = s.lang
        let ws = s.workspace
        // A Latin name set off by spaces in the Chinese (`以 Zhang Wei 身份打分`).
        let who =
            s.evaluator.map { name in
                let pad = { (c: Character?) in c.map { $0.isASCII } == true ? " " : "" }
                return L.t("scoring as \(name)", "以\(pad(name.first))\(name)\(pad(name.last))身份打分")
            } ?? L.t("lead", "主持人")
        let blind =
            ws.settings.revealed
            ? L.t("revealed", "已揭晓") : (s.evaluator == nil ? L.t("blind (R reveals)", "盲评中 (R 揭晓)") : L.t("blind", "盲评中"))
        let panel = "\(L.t("Evaluators", "评委")): \(ws.evaluators.count) · \(blind) · \(who)"
        let title = methodTitle(ws.settings.method, L)
        let short = title.range(of: " (").map { String(title[..<$0.lowerBound]) } ?? title
        // Short of room the method goes first (its gloss, then itself), then the panel's count: whether
        // the panel is blind and whom this session scores as are the last to go (a meeting pass: the
        // evaluator's own name was cut at 100 columns, "blind" and the name gone at 80).
        let candidates = [
            "\(L.t("Method", "方法")): \(title)  \(panel)", "\(L.t("Method", "方法")): \(short)  \(panel)", "\(short)  \(panel)", panel,
            "\(blind) · \(who)",
        ]
        var header =
            width <= 0
            ? candidates[0] : candidates.first { TextWidth.of($0) <= width - 2 } ?? TextWidth.clip(candidates.last!, to: width - 2)
        let leaf = leaves(ws)
        if let report = sensitivity, s.vendors.criterion < leaf.count,
            let iv = report.intervals.first(where: { $0.criterion == leaf[s.vendors.criterion].id })
        {
            // Short of room the criterion's name is cut, never the range: a cut range reads as another one.
            let label = "  \(L.t("winner holds", "敏感度")): "
            let range = "\(NumberText.percent(iv.lo, 0))–\(NumberText.percent(iv.hi, 0))"
            var room = width - 2 - TextWidth.of(header + label + range) - 1
            // Short of room for a few cells of the name, the method's gloss gives way (`综合评分法 (87号令)`
            // → `综合评分法`): a range without its criterion said nothing (a meeting pass at 80×24).
            // The gloss gives way for the whole name too (`敏感度: 功-… 12%–100%` at 80 columns: which one?).
            if room < TextWidth.of(leaf[s.vendors.criterion].name), title != short, header.contains(title) {
                header = header.replacingOccurrences(of: title, with: short)
                room = width - 2 - TextWidth.of(header + label + range) - 1
            }
            // No room for the range whole: no range (a meeting pass: `敏感度: 0%–10` at 60 columns read as
            // 0–10 %, the screen's own clip cut it).
            guard room >= 0 else { return header }
            // Cut, the name keeps what tells it from its siblings (`功…生产制造`, not `功能-…`).
            let name = room >= 3 ? TextWidth.distinctClips(leaf.map(\.name), to: room)[s.vendors.criterion] : ""
            header += label + (room >= 3 ? name + " " : "") + range
        }
        return header
    }

    /// The column heads (vendors, with markers for those scrolled off) and a row per leaf criterion:
    /// its weight and each vendor's cell. Without an evaluation the weight is "—", never 0 %.
    static func renderMatrix(_ s: AppState, _ view: MatrixView, into c: inout Canvas, area: Rect, top hy: Int) {
        let L = s.lang
        let ws = s.workspace
        let (labelW, colW) = columns(s)
        c.text(area.x + 1, hy, TextWidth.fit(L.t("Criterion", "准则"), labelW - 7), .bold.with(fg: .cyan))
        c.text(area.x + labelW - 6, hy, TextWidth.fit(L.t("Wt", "权重"), 5, right: true), .bold.with(fg: .cyan))
        let maxCols = view.shown.count
        // Vendors that do not fit scroll sideways with the selection (←/→); markers say how many are hidden.
        if view.first > 0 || view.first + maxCols < ws.vendors.count {
            let hidden = ws.vendors.count - view.first - maxCols
            let more = (view.first > 0 ? "◂\(view.first) " : "") + (hidden > 0 ? "\(hidden)▸" : "")
            c.text(area.x + labelW - 7 - TextWidth.of(more), hy, more, .warn)
        }
        for (n, (j, v)) in view.shown.enumerated() {
            let st: Style =
                j == s.vendors.vendor ? Style(fg: .cyan, bold: true, reverse: true) : (view.out[v.id] != nil ? .dim : .bold)
            c.text(labelW + n * colW, hy, TextWidth.fit(v.name, colW - 1), st)
        }
        // Names that a cut would make alike keep their ends (a meeting pass: two `Functionality: man…`).
        let names = TextWidth.distinctClips(leaves(ws).map(\.name), to: labelW - 7)
        // Whole percents that add up to 100 when the weights make a whole (the handout prints two decimals).
        let shares = NumberText.wholePercents(leaves(ws).map { view.weight[$0.id] ?? 0 })
        for (i, cr) in leaves(ws).enumerated() {
            let y = hy + 1 + i
            if y >= area.maxY - 4 { break }
            let sel = i == s.vendors.criterion
            c.text(area.x + 1, y, TextWidth.fit(names[i], labelW - 7), sel ? .selected : .plain)
            let w = view.evaluation == nil ? "—" : shares.map { "\($0[i])%" } ?? NumberText.percent(view.weight[cr.id] ?? 0, 0)
            c.text(area.x + labelW - 6, y, TextWidth.fit(w, 5, right: true), sel ? .selected : .plain)
            for (n, (_, v)) in view.shown.enumerated() {
                let (text, st) = cell(s, view, vendor: v, criterion: cr, row: i)
                c.text(labelW + n * colW, y, TextWidth.fit(text, colW - 1), st)
            }
        }
    }

    /// One cell of the matrix: a knocked-out vendor's reason (first row), the bid, the last delivery
    /// review, or the panel's value with its spread when flagged for discussion.
    static func cell(_ s: AppState, _ view: MatrixView, vendor v: Vendor, criterion cr: Criterion, row i: Int) -> (String, Style) {
        if let reason = view.out[v.id] {
            let text = i == 0 ? "✗ " + (reason.split(separator: " ").first.map(String.init) ?? reason) : ""
            return (text, Style(fg: .red, dim: true))
        }
        if cr.source == .price { return (v.bidPrice.map { $0.grouped() } ?? "TCO", .plain) }
        if cr.source == .pastPerformance {
            // The latest delivery review, on the scoring scale.
            return (view.past[v.id].map { NumberText.fixed($0, 1) + s.lang.t(" (review)", " (考评)") } ?? "—", .plain)
        }
        guard let cell = view.cells["\(v.id)|\(cr.id)"] else { return ("—", .plain) }
        // An evaluator's own score while blind, as typed (a meeting pass: 9.99 read `10.0`, a perfect score).
        if let me = s.evaluator, !s.workspace.settings.revealed, cell.evaluators == [me] {
            return (NumberText.score(cell.value), .plain)
        }
        if cell.flagged { return (NumberText.fixed(cell.value, 1) + " ±\(NumberText.fixed(cell.spread, 1)) ⚑", .warn) }
        return (NumberText.fixed(cell.value, 1), .plain)
    }

    /// The decimals the score row shows: `from`, more (up to 6) while two scores of different ranks
    /// would read the same (`84.3 84.3 84.3` ranked 3, 1, 1: audit pass; `rank` printed 84.29).
    static func scorePlaces(_ shown: [(score: Double, rank: Int)], from base: Int) -> Int {
        let sorted = shown.sorted { $0.score < $1.score }
        var places = base
        while places < 6,
            zip(sorted, sorted.dropFirst()).contains(where: {
                $0.rank != $1.rank && NumberText.fixed($0.score, places) == NumberText.fixed($1.score, places)
            })
        {
            places += 1
        }
        return places
    }

    /// The score (with a bar) and rank rows under the matrix; out, incomplete or blind otherwise.
    static func renderTotals(_ s: AppState, _ view: MatrixView, into c: inout Canvas, area: Rect, y sy: Int) {
        let L = s.lang
        let (labelW, colW) = columns(s)
        let ev = view.evaluation
        c.fill(Rect(x: area.x + 1, y: sy - 1, width: area.width - 2, height: 1), "─", .dim)
        c.text(area.x + 1, sy, TextWidth.fit(L.t("Score", "得分"), labelW - 2), .bold)
        c.text(area.x + 1, sy + 1, TextWidth.fit(L.t("Rank", "排名"), labelW - 2), .bold)
        let top = ev?.ranking.map(\.score).max() ?? 1
        // One decimal (three for a normalised score), more where two shown scores of different ranks
        // would read the same (`84.3 84.3 84.3` ranked 3, 1, 1: audit pass), as `rank` prints them.
        let places = scorePlaces(
            view.shown.compactMap { view.ranked[$0.1.id].map { (score: $0.score, rank: $0.rank) } }, from: ev?.method == .cn ? 1 : 3)
        for (n, (_, v)) in view.shown.enumerated() {
            let x = labelW + n * colW
            if let r = view.ranked[v.id] {
                let frac = ev?.method == .cn ? r.score / 100 : (top > 0 ? r.score / top : 0)
                let num = NumberText.fixed(r.score, places)
                c.text(x, sy, TextWidth.fit("\(num) " + bar(frac, width: 6), colW - 1), r.rank == 1 ? .good.with(bold: true) : .bold)
                // A provisional result (a confirmed must-have not answered) is marked "?" and never green.
                let provisional = ev?.provisional[v.id] != nil
                var rankText = "\(r.rank)" + (provisional ? L.t("? provisional", "? 暂定") : "")
                var st: Style = provisional ? .warn : (r.rank == 1 ? .good.with(bold: true) : .plain)
                if let before = s.vendors.previousRanks[v.id], before != r.rank {
                    rankText += before > r.rank ? " ▲\(before - r.rank)" : " ▼\(r.rank - before)"
                    st = Style(fg: .yellow, bold: true, reverse: true)
                }
                c.text(x, sy + 1, rankText, st)
            } else if view.out[v.id] != nil {
                c.text(x, sy, "—", .dim)
                c.text(x, sy + 1, L.t("out", "淘汰"), Style(fg: .red, bold: true))
            } else if view.incomplete[v.id] != nil {
                c.text(x, sy, "—", .dim)
                c.text(x, sy + 1, L.t("incomplete", "数据不全"), .warn)
            } else if ev?.blind == true {
                c.text(x, sy, "—", .dim)
                c.text(x, sy + 1, L.t("blind", "盲评中"), .dim)
            }
        }
    }

    /// The reasons of knocked-out vendors, the provisional results, and the count of cells to discuss.
    static func renderLegend(_ s: AppState, _ view: MatrixView, into c: inout Canvas, area: Rect, y ly: inout Int) {
        let L = s.lang
        let ws = s.workspace
        // Each note wraps onto a second line; what does not fit then is counted, never cut mid-word
        // without a sign (the list of unanswered must-haves ended mid-title, even at 200 columns, and
        // a knock-out lost its answer at 80: user test pass). `g` lists them all.
        func put(_ lines: [String], _ style: Style) {
            for (k, line) in lines.enumerated() where ly < area.maxY {
                c.text(area.x + (k == 0 ? 1 : 3), ly, line, style, maxWidth: area.width - (k == 0 ? 2 : 4))
                ly += 1
            }
        }
        let width = max(10, area.width - 4)
        // Two lines a note when they leave room for the progress and a warning below; else one.
        let notes = view.out.count + (view.evaluation?.provisional.count ?? 0)
        let limit = notes * 2 + 3 <= area.maxY - ly ? 2 : 1
        // The first line as wide as the area, the ones under it indented.
        func wrap(_ text: String) -> [String] {
            let first = TextWidth.wrap(text, area.width - 2)
            guard first.count > 1, text.hasPrefix(first[0]) else { return first }
            let rest = String(text.dropFirst(first[0].count)).drop { $0 == " " }
            return [first[0]] + TextWidth.wrap(String(rest), width)
        }
        for (vid, reason) in view.out.sorted(by: { $0.key < $1.key }) where ly < area.maxY {
            let name = ws.vendors.first { $0.id == vid }?.name ?? vid
            let lines = wrap("✗ \(name): \(L.t("fails a must-have", "必须项未满足")) \(reason)")
            put(
                lines.count > limit
                    ? (limit == 1
                        ? [TextWidth.clip(lines.joined(separator: " "), to: area.width - 2)]
                        : [lines[0], TextWidth.clip(lines[1...].joined(separator: " "), to: width)]) : lines, Style(fg: .red))
        }
        for v in ws.vendors where ly < area.maxY {
            guard let gaps = view.evaluation?.provisional[v.id] else { continue }
            let items = gaps.map { $0.text(chinese: L == .zh) }
            let prefix = "? \(v.name): \(L.t("provisional, must-haves not answered:", "结果暂定, 必须项未答复:")) "
            func more(_ n: Int) -> String { L.t("… and \(n) more (g lists them)", "… 另 \(n) 项 (g 查看全部)") }
            var text = prefix
            var shown = 0
            for (k, item) in items.enumerated() {
                let next = text + (k > 0 ? L.t("; ", "；") : "") + item
                let rest = items.count - k - 1
                guard wrap(rest > 0 ? next + " " + more(rest) : next).count <= limit else { break }
                text = next
                shown = k + 1
            }
            if shown < items.count { text += (shown > 0 ? " " : "") + more(items.count - shown) }
            put(wrap(text), .warn)
        }
        if ly < area.maxY, let flagged = view.evaluation?.cells.filter(\.flagged), !flagged.isEmpty {
            c.text(
                area.x + 1, ly, L.t("⚑ evaluators differ by ≥ 30 % of the scale: discuss", "⚑ 评委分歧 ≥ 量程 30%: 需讨论") + " (\(flagged.count))",
                .warn, maxWidth: area.width - 2)
            ly += 1
        }
    }

    /// Who has finished: counts only, so it is shown blind too; the time is the sheet's last change
    /// on disk (the date only when not today). Unfinished sheets first: they are what the lead waits for.
    static func renderProgress(_ s: AppState, _ progress: [EvaluatorProgress], into c: inout Canvas, area: Rect, y ly: inout Int) {
        guard ly < area.maxY, !progress.isEmpty else { return }
        let L = s.lang
        let today = s.today.description + " "
        // This session's own sheet counts what is typed; what is not saved yet says so and earns no ✔
        // (an evaluator saw 20/20 ✔ while the lead, who reads the file, saw 7/20).
        let unsaved = s.evaluator.map { [$0: unsavedScores(s, $0)] } ?? [:]
        func done(_ p: EvaluatorProgress) -> Bool { p.complete && (unsaved[p.evaluator] ?? 0) == 0 }
        let ordered = progress.filter { !done($0) } + progress.filter(done)
        func parts(times: Bool) -> [String] {
            ordered.map { p in
                "\(p.evaluator) \(p.scored)/\(p.expected)" + (done(p) ? " ✔" : "")
                    + ((unsaved[p.evaluator] ?? 0) > 0 ? L.t(" (\(unsaved[p.evaluator]!) unsaved)", " (\(unsaved[p.evaluator]!) 未保存)") : "")
                    + (times
                        ? s.sheetTimes[p.evaluator].map {
                            " " + ($0.hasPrefix(today) ? String($0.dropFirst(today.count)) : String($0.dropFirst(5)))
                        } ?? "" : "")
            }
        }
        let incomplete = progress.contains { !done($0) }
        // One evaluator is never split: the line breaks between them, under the label.
        let label = L.t("Progress: ", "评分进度: ")
        func lines(_ parts: [String]) -> [String] {
            var lines = [label]
            for part in parts {
                let last = lines[lines.count - 1]
                let sep = last == label ? "" : " · "
                if TextWidth.of(last + sep + part) > area.width - 2 && last != label {
                    lines.append(String(repeating: " ", count: TextWidth.of(label)) + part)
                } else {
                    lines[lines.count - 1] = last + sep + part
                }
            }
            return lines
        }
        // When the rows left cannot hold every evaluator with the time of their sheet, the times
        // go (an 80×24 terminal hid the third evaluator once the sheets' times were known).
        let room = area.maxY - ly
        var shown = lines(parts(times: true))
        if shown.count > room {
            let all = parts(times: false)
            shown = lines(all)
            // Still too many: as many as fit, then how many more (a meeting pass: at 60×20 the fourth
            // evaluator was dropped with no sign), unfinished ones first as ever.
            if shown.count > room, room > 0 {
                for k in stride(from: all.count - 1, through: 0, by: -1) {
                    let more = L.t("… \(all.count - k) more", "… 另 \(all.count - k) 人")
                    let cut = lines(Array(all[..<k]) + [more])
                    if cut.count <= room {
                        shown = cut
                        break
                    }
                }
            }
        }
        for line in shown where ly < area.maxY {
            c.text(area.x + 1, ly, line, incomplete ? .warn : .dim, maxWidth: area.width - 2)
            ly += 1
        }
    }

    /// The cells of `evaluator`'s sheet typed in this session and not saved: scored, changed or
    /// withdrawn since the sheet was read from disk.
    static func unsavedScores(_ s: AppState, _ evaluator: String) -> Int {
        let mine = s.workspace.scores[evaluator] ?? []
        let saved = s.base.scores[evaluator] ?? []
        guard s.dirty, mine != saved else { return 0 }
        struct Cell: Hashable {
            var vendor: String
            var criterion: String
        }
        var before: [Cell: Score] = [:]
        for x in saved { before[Cell(vendor: x.vendor, criterion: x.criterion)] = x }
        var n = 0
        for x in mine {
            let cell = Cell(vendor: x.vendor, criterion: x.criterion)
            if before.removeValue(forKey: cell) != x { n += 1 }
        }
        return n + before.count
    }

    /// The evaluation's warnings (partly met must-haves, 87号令 rules, AHP, stray scores), as many as
    /// fit; the last line says how many more there are.
    static func renderWarnings(_ s: AppState, _ ev: Evaluation?, into c: inout Canvas, area: Rect, y ly: inout Int) {
        let L = s.lang
        let warnings = ev?.warnings ?? []
        for (i, w) in warnings.enumerated() where ly < area.maxY {
            let more = warnings.count - i - 1
            // Each warning wrapped, never cut; one that does not fit whole (with a line left for the count
            // of the rest) gives way to that count.
            let text = "⚠ " + w.text(chinese: L == .zh)
            let lines = TextWidth.of(text) <= area.width - 2 ? [text] : TextWidth.wrap(text, area.width - 4)
            if ly + lines.count > area.maxY - (more > 0 ? 1 : 0) && !(i == 0 && ev?.blind == true) {
                c.text(
                    area.x + 1, ly,
                    "⚠ " + L.t("\(more + 1) more warnings (bidbench rank lists them all)", "还有 \(more + 1) 条提示 (bidbench rank 可列出全部)"),
                    .warn, maxWidth: area.width - 2)
                break
            }
            for (k, line) in lines.enumerated() where ly < area.maxY {
                c.text(area.x + (k == 0 ? 1 : 3), ly, line, .warn, maxWidth: area.width - 2)
                ly += 1
            }
        }
    }
}
