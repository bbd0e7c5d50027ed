import BidbenchCore

public struct ContractsState: Equatable, Sendable {
    public var contract = 0
    public var clause = 0
    /// What the right pane shows.
    public var pane: ContractPane = .text
    /// The first wrapped row of the text pane; nil follows the selected clause's evidence.
    public var textRow: Int?
    /// The scan of the selected contract, refreshed when the selection or the text changes
    /// (scanning a long contract takes longer than a keystroke may).
    public var scan: ContractScan?
    public var scanKey = ""
    /// The workspace revision and contract `scanKey` was worked out for: while both hold, a key
    /// does not hash the text again (megabytes for a long contract).
    public var scanRevision: (revision: Int, contract: Int)?
    /// The key of a scan the host is running (`Job.contractScan`); the screen says "scanning…".
    public var scanning: String?
    /// The risks pane's warnings as `ContractsScreen.refresh` worked them out for a workspace revision
    /// and a day: once per change, not once per frame (they take every contract's delivery, which may
    /// scan its text, and the budget).
    var warnings: Warnings?
    struct Warnings: Equatable, Sendable {
        var revision: Int
        var today: Day
        var alerts: [RiskAlert]
        /// Why the budget (and so a `budget_used` trigger) could not be checked.
        var budgetProblem: BudgetError?
    }
    public init() {}

    public static func == (a: ContractsState, b: ContractsState) -> Bool {
        a.contract == b.contract && a.clause == b.clause && a.pane == b.pane && a.textRow == b.textRow && a.scan == b.scan
            && a.scanKey == b.scanKey && a.scanRevision?.revision == b.scanRevision?.revision
            && a.scanRevision?.contract == b.scanRevision?.contract && a.scanning == b.scanning && a.warnings == b.warnings
    }
}

public enum ContractPane: Equatable, Sendable { case text, dates, risks }

/// Contracts (合同): the clause checklist with the reviewer's decisions, the text with line numbers
/// and the evidence highlighted, red flags, key dates, change orders and the risk heat map.
public enum ContractsScreen {
    /// The review status each key sets (nil: not reviewed).
    static func reviewStatus(for cmd: Command) -> ReviewStatus?? {
        switch cmd {
        case .reviewOK: return .some(.ok)
        case .reviewNegotiate: return .some(.negotiate)
        case .reviewMissing: return .some(.missing)
        case .reviewNA: return .some(.na)
        case .reviewClear: return .some(nil)
        default: return nil
        }
    }

    static func handle(_ s: inout AppState, _ cmd: Command) -> [Effect]? {
        if let status = reviewStatus(for: cmd) {
            setReview(&s, status)
            return []
        }
        switch cmd {
        case .prevContract, .nextContract:
            s.contracts.contract = max(0, min(s.workspace.contracts.count - 1, s.contracts.contract + (cmd == .nextContract ? 1 : -1)))
            s.contracts.textRow = nil
        case .left, .right:
            // Reading must not jump to another contract: those have their own keys.
            s.say(s.lang.t("[ and ] switch contracts; J/K and PgDn/PgUp scroll the text", "[ 和 ] 切换合同; J/K 与 PgDn/PgUp 滚动正文"), error: true)
        case .up, .down, .top, .bottom: moveClause(&s, cmd)
        case .textLineDown, .textLineUp, .pageDown, .pageUp: scrollText(&s, cmd)
        case .edit:
            s.contracts.textRow = nil
            s.contracts.pane = .text
        case .clauseFlags: showClauseFlags(&s)
        case .editTerms:
            guard current(s) != nil else { return [] }
            s.modal = .form(ContractForm.form(s, index: s.contracts.contract))
        case .changeOrders:
            guard let k = current(s) else { return [] }
            s.modal = .changes(ChangesState(contract: k.id))
        case .risks:
            s.modal = .risks(RisksState())
        case .cyclePane:
            s.contracts.pane = s.contracts.pane == .text ? .dates : (s.contracts.pane == .dates ? .risks : .text)
        case .note:
            if let form = noteForm(s) { s.modal = .form(form) }
        default: return nil
        }
        return []
    }

    /// ↑ ↓ Home End on the clause checklist; the text follows the clause's evidence again.
    static func moveClause(_ s: inout AppState, _ cmd: Command) {
        let last = ClauseKind.allCases.count - 1
        switch cmd {
        case .up: s.contracts.clause = max(0, s.contracts.clause - 1)
        case .down: s.contracts.clause = min(last, s.contracts.clause + 1)
        case .top: s.contracts.clause = 0
        default: s.contracts.clause = last
        }
        s.contracts.textRow = nil
    }

    /// J/K a line, PgDn/PgUp a page of the text (the text pane shown), kept within the text.
    static func scrollText(_ s: inout AppState, _ cmd: Command) {
        s.contracts.pane = .text
        let view = textView(s)
        let page = max(1, view.visible - 1)
        let step = cmd == .textLineDown ? 1 : (cmd == .textLineUp ? -1 : (cmd == .pageDown ? page : -page))
        s.contracts.textRow = max(0, min(max(0, view.rows.count - view.visible), view.top + step))
    }

    /// `f`: what the pane's foot may have to shorten, whole and scrollable.
    static func showClauseFlags(_ s: inout AppState) {
        guard current(s) != nil else { return }
        let kind = ClauseKind.allCases[s.contracts.clause]
        // Key terms broken between whole terms and times, as under the text (`响应 2` / `小时` split a
        // time from its unit at 90 columns: re-test pass); the overlay is the window's width less 6.
        let lines = footerRows(s, width: s.width - 6).map(\.0)
        s.overlayOffset = 0
        s.modal = .messages(
            title: s.lang.t("\(s.lang.clause(kind)): red flags, note and key terms", "\(s.lang.clause(kind)): 红旗、备注与关键条款"),
            lines: lines.isEmpty ? [s.lang.t("No red flag, note or key term for this clause.", "该条款没有红旗、备注或关键条款。")] : lines)
    }

    /// `n`: the selected clause's note. A clause with a red flag and no note yet starts its note from
    /// the buyer's position, labelled as such (it read as a note written already: user test pass).
    static func noteForm(_ s: AppState) -> Form? {
        guard let k = current(s) else { return nil }
        let kind = ClauseKind.allCases[s.contracts.clause]
        let flag = s.contracts.scan?.redFlags.first { ($0.clause ?? $0.kind.clause) == kind && $0.kind != .missing_clause }
        let saved = s.workspace.reviews.first { $0.contract == k.id && $0.clause == kind }?.note ?? ""
        let suggested = saved.isEmpty ? flag.map { position(s, $0.kind) } : nil
        let label = suggested == nil ? s.lang.t("Note", "备注") : s.lang.t("Note (from the buyer's position)", "备注 (预填: 买方立场)")
        return Form(
            target: .reviewNote(contract: k.id, clause: kind), title: "\(k.id) · \(s.lang.clause(kind))",
            fields: [FormField(key: "note", label: label, text: suggested ?? saved, kind: .long)])
    }

    /// The status a clause's first note records, as the checklist shows the clause before any review:
    /// negotiate when it has a red flag, ok when found, missing when not (a note on a clause the scan
    /// found clear made it "negotiate" without a word: user test pass). The message says which.
    static func statusOfFirstNote(_ s: AppState, _ kind: ClauseKind) -> ReviewStatus {
        guard let scan = s.contracts.scan else { return .negotiate }
        if scan.redFlags.contains(where: { ($0.clause ?? $0.kind.clause) == kind && $0.kind != .missing_clause }) { return .negotiate }
        return scan.has(kind) ? .ok : .missing
    }

    /// Sets the review status of the selected clause in one key (nil: not reviewed).
    static func setReview(_ s: inout AppState, _ next: ReviewStatus?) {
        guard let k = current(s) else { return }
        let kind = ClauseKind.allCases[s.contracts.clause]
        let line = s.contracts.scan?.finding(kind).line
        s.change(
            s.lang.t(
                "\(s.lang.clause(kind)): \(next.map { reviewLabel($0, s.lang) } ?? "not reviewed")",
                "\(s.lang.clause(kind)): \(next.map { reviewLabel($0, s.lang) } ?? "未审查")")
        ) { ws in
            if let i = ws.reviews.firstIndex(where: { $0.contract == k.id && $0.clause == kind }) {
                if let next { ws.reviews[i].status = next } else if ws.reviews[i].note.isEmpty { ws.reviews.remove(at: i) }
            } else if let next {
                ws.reviews.append(ClauseReview(contract: k.id, clause: kind, status: next, line: line))
            }
        }
    }

    /// Saves a reviewer's note. A clause not reviewed yet gets the status it shows
    /// (`statusOfFirstNote`), and the message says so and how to change it.
    static func submitNote(_ s: inout AppState, _ f: Form, contract: String, clause kind: ClauseKind) -> FormRefusal? {
        let note = f.value("note").trimmed
        let line = s.contracts.scan?.finding(kind).line
        let reviewed = s.workspace.reviews.contains { $0.contract == contract && $0.clause == kind }
        let status = statusOfFirstNote(s, kind)
        let said =
            reviewed
            ? s.lang.t("Note recorded", "备注已记下")
            : s.lang.t(
                "Note recorded as \(reviewLabel(status, s.lang)) (o/t/x/- change it)",
                "备注已记下, 记为 \(reviewLabel(status, s.lang)) (o/t/x/- 可更改)")
        s.change(said) { ws in
            if let i = ws.reviews.firstIndex(where: { $0.contract == contract && $0.clause == kind }) {
                ws.reviews[i].note = note
            } else {
                ws.reviews.append(ClauseReview(contract: contract, clause: kind, status: status, line: line, note: note))
            }
        }
        return nil
    }

    static func current(_ s: AppState) -> Contract? {
        s.contracts.contract < s.workspace.contracts.count ? s.workspace.contracts[s.contracts.contract] : nil
    }

    static func text(_ s: AppState) -> String? { current(s).flatMap { s.workspace.contractTexts[$0.file] } }

    /// Why contract `k` has no text to scan (no file named, the file missing, or empty), or nil when
    /// it has one. Then the checklist shows no counts and no ✗ (nothing was checked) but this error,
    /// rather than "0/22" and 22 missing clauses.
    static func noText(_ s: AppState, _ k: Contract) -> String? {
        let L = s.lang
        if k.file.trimmed.isEmpty {
            return L.t("No text: contracts.csv names no file for \(k.id)", "无正文: contracts.csv 未给 \(k.id) 指定文件")
        }
        guard let body = s.workspace.contractTexts[k.file] else {
            // The reader's reason when it gave one (no text in the file: a PDF, a binary), else not found.
            if let why = s.workspace.contractTextNotes[k.file], !why.en.contains("not found") {
                return L.t("No text: \(why.en)", "无正文: \(why.zh)")
            }
            return L.t("No text: \(k.file) not found", "无正文: 找不到 \(k.file)")
        }
        // Empty as `refresh` counts it: not scanned (a text of blanks is scanned and finds nothing).
        if body.isEmpty { return L.t("No text: \(k.file) is empty", "无正文: \(k.file) 为空") }
        return nil
    }

    /// Texts up to this size are scanned on the key path (a few milliseconds); longer ones by the
    /// host (`Job.contractScan`) while keys keep working.
    static let backgroundScanBytes = 64 * 1024

    /// Re-scans the selected contract when it or its text changed since the last scan: at once
    /// for a short text, else as a job for the host (the findings arrive as `.computed`).
    static func refresh(_ s: inout AppState) -> [Effect] {
        guard s.screen == .contracts else { return [] }
        if s.contracts.pane == .risks { s.contracts.warnings = warnings(s) }
        guard let k = current(s) else { return [] }
        if let r = s.contracts.scanRevision, r.revision == s.revision, r.contract == s.contracts.contract { return [] }
        s.contracts.scanRevision = (s.revision, s.contracts.contract)
        let body = text(s) ?? ""
        let key = "\(k.id)|\(k.file)|\(body.utf8.count)|\(body.hashValue)"
        guard key != s.contracts.scanKey else { return [] }
        s.contracts.scanKey = key
        s.contracts.scanning = nil
        guard !body.isEmpty else {
            s.contracts.scan = nil
            return []
        }
        if body.utf8.count <= backgroundScanBytes {
            s.contracts.scan = ContractScanner.scan(body).applying(Playbook(s.workspace.playbook))
            return []
        }
        // No findings of another text meanwhile: the checklist says the scan is running.
        s.contracts.scan = nil
        s.contracts.scanning = key
        return [.compute(.contractScan(key: key, text: body, playbook: s.workspace.playbook))]
    }

    /// A scan the host ran: kept when it is of the text still selected, else dropped.
    static func scanned(_ s: inout AppState, key: String, scan: ContractScan) {
        guard key == s.contracts.scanKey else { return }
        s.contracts.scan = scan
        s.contracts.scanning = nil
    }

    /// The buyer's position for a flag, in the interface language (from the workspace's playbook).
    static func position(_ s: AppState, _ kind: RedFlagKind) -> String {
        let e = Playbook(s.workspace.playbook).entry(kind)
        return s.lang.t(e.positionEN, e.positionZH)
    }

    /// The key terms in one line: liability cap, forum, SLA times, penalty rates, notice days, price changes.
    static func keyTermsLine(_ k: ContractKeyTerms, _ L: Lang) -> String {
        var parts: [String] = []
        if let v = k.liabilityCapQuote(width: 200) { parts.append(L.t("cap: ", "责任上限: ") + v) }
        if let v = k.disputeForum { parts.append(L.t("forum: ", "争议: ") + v) }
        if !k.slaResponses.isEmpty {
            parts.append(
                "SLA: "
                    + counted(
                        k.slaResponses.map {
                            "\($0.kind == .response ? L.t("resp", "响应") : L.t("fix", "恢复")) \($0.timeText(chinese: L == .zh))"
                        }
                    )
                    .joined(separator: ", "))
        }
        if !k.penaltyRates.isEmpty {
            parts.append(
                L.t("penalty: ", "违约金: ") + counted(k.penaltyRates.map { "\($0.percent)/\(perText($0.per, L))" }).joined(separator: ", "))
        }
        if let v = k.noticeDays { parts.append(L.t("notice \(v) d", "通知期 \(v) 天")) }
        if let v = k.priceChange { parts.append(L.t("price: ", "调价: ") + v) }
        return parts.joined(separator: " · ")
    }

    /// Each distinct item once, in order, with "×N" when it occurs N > 1 times (a bundle of orders
    /// repeating one support time lists it once, not once per order).
    static func counted(_ items: [String]) -> [String] {
        var count: [String: Int] = [:]
        var order: [String] = []
        for item in items {
            if count[item] == nil { order.append(item) }
            count[item, default: 0] += 1
        }
        return order.map { count[$0]! > 1 ? "\($0) ×\(count[$0]!)" : $0 }
    }

    /// `text` wrapped to `width` at its separators, so that no part is split (a part wider than
    /// the width alone is wrapped inside). The lines after the first start `indent` cells in; a line
    /// still too wide continues at `hang` (two further in), so no continuation starts under a term's
    /// label or level with the next term.
    static func wrapParts(_ text: String, separator: String, width: Int, indent: Int = 2, hang: Int? = nil) -> [String] {
        var lines: [String] = []
        var line = ""
        for part in text.components(separatedBy: separator) {
            let next = line.isEmpty ? part : line + separator + part
            // Room is kept for the comma a break after `next` would leave at its end.
            if TextWidth.of(next) + (separator == ", " ? 1 : 0) <= width || line.isEmpty {
                line = next
            } else {
                // A comma is the text's own punctuation (`…this Agreement, except…`): it stays at the
                // end of the line; a ` · ` only parts two terms, which the new line parts already.
                lines.append(separator == ", " ? line + "," : line)
                line = String(repeating: " ", count: indent) + part
            }
        }
        if !line.isEmpty { lines.append(line) }
        // A term too wide for a line breaks between its items (`响应 30 分钟, 恢复 4 小时`), never
        // inside one (`恢复 1` / `天` read as another time).
        return lines.flatMap { l -> [String] in
            guard TextWidth.of(l) > width else { return [l] }
            // A term's items (`响应 30 分钟, 恢复 4 小时`) and the rows of a long one continue alike.
            let inner = hang ?? indent + 2
            if separator != ", " && l.contains(", ") { return wrapParts(l, separator: ", ", width: width, indent: inner, hang: inner) }
            return TextWidth.wrap(l, width, hanging: inner)
        }
    }

    /// Where a footer line's later rows start: two cells in from its own first character.
    static func hanging(_ line: String) -> Int { line.prefix { $0 == " " }.count + 2 }

    /// The lines under the text (and in `f`'s list), wrapped to `width`: key terms between whole terms
    /// (never a time from its unit: `恢复 1` / `天`), the rest hanging under their own start.
    static func footerRows(_ s: AppState, width: Int) -> [(String, Style)] {
        footerParts(s).flatMap { part in
            part.terms
                ? wrapParts(part.0, separator: " · ", width: width).map { ($0, part.1) }
                : TextWidth.wrap(part.0, width, hanging: hanging(part.0)).map { ($0, part.1) }
        }
    }

    /// `line` cut to `width` after its last whole item (at `, ` or ` · `); clipped when none fits.
    static func clipAtItem(_ line: String, to width: Int) -> String {
        guard TextWidth.of(line) > width else { return line }
        var best: String?
        var rest = Substring(line)
        var kept = ""
        while let r = rest.range(of: ", ") ?? rest.range(of: " · ") {
            let next = kept + rest[..<r.lowerBound]
            guard TextWidth.of(next) <= width else { break }
            best = next
            kept = next + rest[r]
            rest = rest[r.upperBound...]
        }
        return best ?? TextWidth.clip(line, to: width, ellipsis: false)
    }

    /// A key date's event without the contract's name in front: the pane is about that contract already.
    static func eventTitle(_ d: KeyDate, _ k: Contract, _ L: Lang) -> String {
        let title = L.t(d.titleEN, d.titleZH)
        let name = (k.title.isEmpty ? k.id : k.title) + ": "
        return title.hasPrefix(name) ? String(title.dropFirst(name.count)) : title
    }

    /// A penalty rate's period in the interface's language (`hour`, `day`, `week`, `month`, `year`, `once`).
    static func perText(_ per: String, _ L: Lang) -> String {
        switch per {
        case "hour": return L.t("hour", "小时")
        case "day": return L.t("day", "日")
        case "week": return L.t("week", "周")
        case "month": return L.t("month", "月")
        case "year": return L.t("year", "年")
        case "once": return L.t("once", "一次性")
        default: return per
        }
    }

    static func reviewLabel(_ r: ReviewStatus, _ L: Lang) -> String {
        switch r {
        case .ok: return L.t("ok", "通过")
        case .negotiate: return L.t("negotiate", "协商中")
        case .missing: return L.t("missing", "缺失")
        case .na: return L.t("n/a", "不适用")
        }
    }

    // Kept as one function: the contract pane's header, clause list and side pane in drawing order.
    /// A contract's current value (with its approved change orders), or "too large" when they add up
    /// past an amount (`check` names the row): never a figure stopped at the limit.
    static func valueText(_ k: Contract, _ s: AppState) -> String {
        ChangeOrders.currentValueIfItFits(of: k, changes: s.workspace.changes)?.grouped() ?? s.lang.t("too large", "过大")
    }

    static func render(_ s: AppState, into c: inout Canvas, area: Rect) {
        let L = s.lang
        let ws = s.workspace
        guard let k = current(s) else {
            c.text(area.x + 2, area.y + 1, L.t("No contracts in this workspace.", "此工作区还没有合同。"), .dim)
            return
        }
        let vendor = ws.vendors.first { $0.id == k.vendor }?.name ?? k.vendor
        let value = valueText(k, s)
        let renew =
            k.autoRenew
            ? L.t("auto-renews \(k.renewalMonths) mo, notice \(k.noticeDays) d", "自动续约 \(k.renewalMonths) 个月, 提前 \(k.noticeDays) 天通知")
            : L.t("no auto-renewal", "不自动续约")
        // The terms, each whole or not at all, in the order they matter: the value, the start, the term,
        // the renewal. The vendor and the title give way (…) first, down to a few cells; a term that
        // still does not fit, and every one after it, is left to a "…" (the key-dates pane, `v`, has
        // them): a cut figure reads as another (`24 m`, `2028-`).
        let number = "[\(s.contracts.contract + 1)/\(ws.contracts.count)] "
        let name = "\(vendor) · \(k.title)"
        let terms = [
            "\(L.t("value", "价值")) \(value)", "\(L.t("effective", "生效")) \(k.effective?.description ?? "—")",
            "\(k.termMonths) \(L.t("months", "个月"))", renew,
        ]
        // The renewal shortened when it is all that does not fit (a lawyer's pass: at 80×24 the notice
        // period, what a reviewer needs at a glance, was the part left out).
        let shortRenew =
            k.autoRenew
            ? L.t("renews \(k.renewalMonths) mo, \(k.noticeDays) d notice", "续约\(k.renewalMonths)月·提前\(k.noticeDays)天") : renew
        let width = area.width - 2
        func line(_ terms: [String], nameMin: Int) -> (tail: String, whole: Bool) {
            var tail = ""
            for (i, term) in terms.enumerated() {
                let more = i + 1 < terms.count ? "  …" : ""
                let fits = { (t: String) in TextWidth.of(number) + nameMin + TextWidth.of(tail + "  " + t + more) <= width }
                if fits(term) {
                    tail += "  " + term
                } else if term == renew, fits(shortRenew) {
                    tail += "  " + shortRenew
                } else {
                    return (tail + "  …", false)
                }
            }
            return (tail, true)
        }
        // When not every term fits, the terms without their labels and the name down to a few cells (a
        // lawyer's pass: at 80 columns the renewal and notice gave way while 12 cells of the title stayed).
        let compact = [
            value, L.t("from \(k.effective?.description ?? "—")", "\(k.effective?.description ?? "—") 起"),
            L.t("\(k.termMonths) mo", "\(k.termMonths)个月"), shortRenew,
        ]
        var nameMin = min(TextWidth.of(name), 12)
        let full = line(terms, nameMin: nameMin)
        var tail = full.tail
        if !full.whole, case let short = line(compact, nameMin: min(nameMin, 6)), short.whole {
            (tail, nameMin) = (short.tail, min(nameMin, 6))
        }
        let nameRoom = max(nameMin, width - TextWidth.of(number) - TextWidth.of(tail))
        c.text(area.x + 1, area.y, TextWidth.clip(number + TextWidth.clip(name, to: nameRoom) + tail, to: width), .accent)
        let scan = s.contracts.scan
        let leftW = min(44, area.width / 2)
        let listArea = Rect(x: area.x + 1, y: area.y + 1, width: leftW, height: area.height - 2)
        let present = scan?.clauses.filter(\.present).count ?? 0
        let missingText = noText(s, k)
        if missingText != nil {
            c.text(listArea.x, listArea.y, L.t("No text: clauses not checked", "无正文: 条款未检查"), .error, maxWidth: leftW - 1)
        } else if s.contracts.scanning != nil {
            let size = (text(s)?.utf8.count ?? 0) / 1024
            c.text(
                listArea.x, listArea.y, L.t("Scanning the text (\(size) KB)…", "正在扫描正文 (\(size) KB)…"), Style(fg: .yellow, bold: true),
                maxWidth: leftW - 1)
        } else {
            c.text(
                listArea.x, listArea.y, L.t("Clauses \(present)/22  (o/t/x/- status, n note)", "条款检查 \(present)/22  (o/t/x/- 状态, n 备注)"),
                .bold, maxWidth: leftW - 1)
        }
        let kinds = ClauseKind.allCases
        // When the 22 clauses do not fit, the last row says how many are above and below (at 80×24 the
        // last four were gone with nothing to say so: user test pass).
        let fits = kinds.count <= listArea.height - 1
        let rowsVisible = max(1, listArea.height - (fits ? 1 : 2))
        let top = max(0, min(s.contracts.clause - rowsVisible / 2, kinds.count - rowsVisible))
        if !fits {
            let above = top
            let below = kinds.count - top - rowsVisible
            var parts: [String] = []
            if above > 0 { parts.append(L.t("▲ \(above) above", "▲ 上方还有 \(above) 项")) }
            if below > 0 { parts.append(L.t("▼ \(below) more below", "▼ 下方还有 \(below) 项")) }
            c.text(listArea.x, listArea.y + 1 + rowsVisible, parts.joined(separator: "  ") + " (↑↓)", .dim, maxWidth: leftW - 1)
        }
        // Columns as wide as their widest entry: a clause's name whole (`Intellectual property`) when
        // the status after it still fits, then where the clause is, then the review and the flag.
        let reviews = kinds.map { kind in ws.reviews.first { $0.contract == k.id && $0.clause == kind } }
        let flaggedKinds = Set(scan?.redFlags.map { $0.clause ?? $0.kind.clause } ?? [])
        let lineW = max(4, kinds.map { scan?.finding($0).line.map { TextWidth.of("L\($0)") } ?? 1 }.max() ?? 4)
        let statusW =
            kinds.indices.map { i in
                (reviews[i].map { TextWidth.of(reviewLabel($0.status, L)) + 1 } ?? 0) + (flaggedKinds.contains(kinds[i]) ? 2 : 0)
            }.max() ?? 0
        let nameW = max(8, min(kinds.map { TextWidth.of(L.clause($0)) }.max() ?? 8, leftW - 1 - 2 - 1 - lineW - statusW))
        for (i, kind) in kinds.enumerated().dropFirst(top).prefix(rowsVisible) {
            let y = listArea.y + 1 + i - top
            let f = scan?.finding(kind)
            let review = reviews[i]
            let flagged = flaggedKinds.contains(kind)
            let mark: String
            let st: Style
            switch review?.status {
            case .ok?: (mark, st) = ("✔", .good)
            case .negotiate?: (mark, st) = ("⚠", .warn)
            case .missing?: (mark, st) = ("✗", .error)
            case .na?: (mark, st) = ("·", .dim)
            case nil:
                if missingText != nil {
                    (mark, st) = (" ", .dim)
                } else if s.contracts.scanning != nil {
                    (mark, st) = ("…", .dim)
                } else if f?.present == true {
                    (mark, st) = (flagged ? "⚑" : "✔", flagged ? .warn : .good)
                } else {
                    (mark, st) = ("✗", .error)
                }
            }
            // While the scan runs, or without a text, nothing is called missing: it is not known.
            // A clause not found says so, unless the review's own status (`missing`) says it already.
            let notFound = review == nil ? L.t("missing", "缺失") : "—"
            let where_ = s.contracts.scanning != nil || missingText != nil ? "" : f?.line.map { "L\($0)" } ?? notFound
            let status = review.map { reviewLabel($0.status, L) } ?? ""
            // `missing` (no review, so no status) may run into the status column.
            var line =
                "\(mark) " + TextWidth.fit(L.clause(kind), nameW) + " " + where_
                + String(repeating: " ", count: max(0, lineW - TextWidth.of(where_)))
            if !status.isEmpty { line += " " + status }
            if flagged { line += " ⚑" }
            if let note = review?.note, !note.isEmpty { line += " ✎ " + note }
            let sel = i == s.contracts.clause
            c.text(listArea.x, y, TextWidth.fit(line, leftW - 1), sel ? st.with(reverse: true) : st)
        }
        c.fill(Rect(x: area.x + leftW + 1, y: area.y + 1, width: 1, height: area.height - 2), "│", .dim)
        let right = Rect(x: area.x + leftW + 3, y: area.y + 1, width: area.width - leftW - 4, height: area.height - 2)
        switch s.contracts.pane {
        case .text: renderText(s, k, scan, into: &c, area: right)
        case .dates: renderDates(s, k, into: &c, area: right)
        case .risks: renderRisks(s, into: &c, area: right)
        }
        // Bottom line: the next key date and the red-flag count.
        let next = KeyDates.dates(for: k, in: ws, today: s.today).first { $0.daysLeft >= 0 }
        let flags = scan?.redFlags.count ?? 0
        var bottom =
            missingText != nil
            ? L.t("Red flags: no text to scan", "红旗: 无正文可扫描")
            : s.contracts.scanning != nil ? L.t("Red flags: scanning…", "红旗: 扫描中…") : L.t("Red flags: \(flags)", "红旗: \(flags)")
        if let next {
            // The event's name gives way (…), never its date or the days left (`… (90 days) 2028-`).
            let when = L.t(" \(next.date) (\(next.daysLeft) days)", " \(next.date) (剩 \(next.daysLeft) 天)")
            let lead = bottom + "  ·  " + L.t("next: ", "下一个日期: ")
            let room = area.width - 2 - TextWidth.of(lead + when)
            bottom = lead + TextWidth.clip(eventTitle(next, k, L), to: max(4, room)) + when
        }
        // The reminder of `v` only when it fits whole (`?` and the hint bar have it too).
        let views = "  ·  " + L.t("v: text / dates / risks", "v: 正文 / 日期 / 风险")
        if TextWidth.of(bottom + views) <= area.width - 2 { bottom += views }
        c.text(area.x + 1, area.maxY - 1, bottom, missingText != nil ? .error : flags > 0 ? .warn : .dim, maxWidth: area.width - 2)
    }

    /// The most characters of one line the text pane lays out.
    static let longLine = 20_000

    /// One row of the wrapped contract text: its source line, and whether it is that line's first row.
    struct TextRow: Equatable {
        var line: Int
        var first: Bool
        var text: String
    }

    /// The right pane of the screen (text, dates or risks).
    static func rightPane(_ s: AppState) -> Rect {
        let area = App.body(s)
        let leftW = min(44, area.width / 2)
        return Rect(x: area.x + leftW + 3, y: area.y + 1, width: area.width - leftW - 4, height: area.height - 2)
    }

    /// The text pane laid out: every line wrapped to the pane (line numbers hang in the margin), the
    /// rows shown at once, the first row shown, and the lines under the text — the reviewer's note
    /// and the clause's red flags, wrapped too, so nothing a lawyer reads is cut off.
    static func textView(_ s: AppState) -> (rows: [TextRow], visible: Int, top: Int, footer: [(String, Style)]) {
        let area = rightPane(s)
        let L = s.lang
        let kind = ClauseKind.allCases[s.contracts.clause]
        let scan = s.contracts.scan
        var footer = footerRows(s, width: area.width)
        // The text keeps at least two thirds of the pane; lines left out are marked (f shows them all).
        let cap = max(0, area.height / 3)
        if footer.count > cap {
            let hidden = footer.count - cap + 1
            footer = Array(footer.prefix(cap))
            if let last = footer.last {
                let more = L.t(" … (\(hidden) more lines: f)", " … (另有 \(hidden) 行: f)")
                footer[footer.count - 1] = (clipAtItem(last.0, to: area.width - TextWidth.of(more)) + more, last.1)
            }
        }
        var rows: [TextRow] = []
        let textW = max(4, area.width - 5)
        // Lines are cut at the bytes (no walk over every character of megabytes on each key).
        for (i, bytes) in (text(s) ?? "").utf8.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            // A huge line (a 5 MB contract on one line) is shown up to `longLine` characters: every
            // keystroke lays the pane out again, and wrapping megabytes each time would freeze the screen.
            let line = Substring(bytes)
            var shown: String
            if bytes.count > longLine {
                let head = line.prefix(longLine)
                // Characters left, counted as code points over the bytes (one pass, no grapheme breaking).
                let rest = bytes[head.utf8.endIndex...].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                shown = String(head)
                if rest > 0 { shown += L.t(" … (\(rest) more characters)", " …（另有 \(rest) 个字符）") }
            } else {
                shown = String(line)
            }
            for (j, part) in TextWidth.wrap(shown, textW).enumerated() {
                rows.append(TextRow(line: i + 1, first: j == 0, text: part))
            }
        }
        let visible = max(1, area.height - 1 - footer.count)
        let evidence = scan?.finding(kind).line.flatMap { n in rows.firstIndex { $0.line == n } } ?? 0
        let top = max(0, min(s.contracts.textRow ?? (evidence - 2), rows.count - visible))
        return (rows, visible, top, footer)
    }

    /// What the text pane's foot shows, unwrapped, most pressing first: the clause's red flags with
    /// the buyer's position, the reviewer's note, then the contract's key terms (`terms`: break the
    /// line between terms).
    static func footerParts(_ s: AppState) -> [(String, Style, terms: Bool)] {
        let L = s.lang
        let kind = ClauseKind.allCases[s.contracts.clause]
        let scan = s.contracts.scan
        var parts: [(String, Style, terms: Bool)] = []
        for fl in scan?.redFlags.filter({ ($0.clause ?? $0.kind.clause) == kind }) ?? [] {
            // A missing clause in the interface's language (the scan's text gives both, English first).
            let text = fl.kind == .missing_clause ? fl.missingText(chinese: L == .zh, clauseName: L.clause(kind)) : fl.text
            parts.append(("⚑ \(L.redFlag(fl.kind))\(fl.line.map { " L\($0)" } ?? ""): \(text)", Style(fg: .red), false))
            if fl.kind != .missing_clause {
                parts.append(("  → " + L.t("position: ", "立场: ") + position(s, fl.kind), Style(fg: .yellow), false))
            }
        }
        if let k = current(s), let note = s.workspace.reviews.first(where: { $0.contract == k.id && $0.clause == kind })?.note,
            !note.isEmpty
        {
            parts.append(("✎ " + L.t("Note: ", "备注: ") + note, Style(fg: .cyan), false))
        }
        if let terms = scan.map({ keyTermsLine($0.keyTerms, L) }), !terms.isEmpty {
            parts.append(("§ " + terms, Style.dim, true))
        }
        return parts
    }

    static func renderText(_ s: AppState, _ k: Contract, _ scan: ContractScan?, into c: inout Canvas, area: Rect) {
        let L = s.lang
        if let why = noText(s, k) {
            for (i, line) in TextWidth.wrap(why, area.width).prefix(area.height).enumerated() {
                c.text(area.x, area.y + i, line, .error, maxWidth: area.width)
            }
            return
        }
        let kind = ClauseKind.allCases[s.contracts.clause]
        let f = scan?.finding(kind)
        // Every line of a flagged sentence (a lawyer's pass: only a wrapped sentence's first line was marked).
        let flagged = Set(scan?.redFlags.filter { ($0.clause ?? $0.kind.clause) == kind }.flatMap(\.lines) ?? [])
        let view = textView(s)
        let shown = view.rows.dropFirst(view.top).prefix(view.visible)
        let position =
            view.rows.count > view.visible
            ? "  "
                + L.t(
                    "lines \(shown.first?.line ?? 0)–\(shown.last?.line ?? 0)/\(view.rows.last?.line ?? 0)",
                    "\(shown.first?.line ?? 0)–\(shown.last?.line ?? 0)/\(view.rows.last?.line ?? 0) 行")
            : ""
        // The clause's name gives way (…) before the line numbers do: a cut number reads as another one.
        let title =
            f?.line.map { L.t("line \($0) · \(L.clause(kind))", "第 \($0) 行 · \(L.clause(kind))") }
            ?? L.t("\(L.clause(kind)): not found in the text", "\(L.clause(kind)): 正文中未找到")
        c.text(
            area.x, area.y, TextWidth.clip(title, to: max(6, area.width - TextWidth.of(position))) + position, .bold, maxWidth: area.width)
        for (i, row) in shown.enumerated() {
            let y = area.y + 1 + i
            let hit = row.line == f?.line
            let red = flagged.contains(row.line)
            if row.first { c.text(area.x, y, TextWidth.fit(String(row.line), 4, right: true), .dim) }
            c.text(
                area.x + 5, y, row.text, hit ? Style(fg: red ? .red : .cyan, bold: true) : (red ? .warn : .plain), maxWidth: area.width - 5)
        }
        // More below: a marker in the gap between the last row's line number and its text.
        if view.top + view.visible < view.rows.count { c.text(area.x + 4, area.y + view.visible, "↓", .dim) }
        for (i, line) in view.footer.enumerated() {
            c.text(area.x, area.maxY - view.footer.count + i, line.0, line.1, maxWidth: area.width)
        }
    }

    static func renderDates(_ s: AppState, _ k: Contract, into c: inout Canvas, area: Rect) {
        let L = s.lang
        let ws = s.workspace
        c.text(area.x, area.y, L.t("Key dates", "关键日期"), .bold)
        let dates = KeyDates.dates(for: k, in: ws, today: s.today)
        var y = area.y + 1
        // Change orders wrapped under themselves: the description and the value after it are what is read.
        let changes = ChangeOrders.history(of: k, changes: ws.changes).map { e -> (lines: [String], style: Style) in
            let delta = (e.change.priceDelta.minor >= 0 ? "+" : "") + e.change.priceDelta.grouped()
            let line =
                "\(e.change.id) \(e.change.date?.description ?? "")  \(delta)  \(e.change.description) (\(ReportLabels.status(e.change.status, L.labels)))"
                + (e.applied
                    ? " → \(e.valueAfter.grouped())"
                    : ChangeOrders.valueIfApproved(e.change, of: k, changes: ws.changes).map {
                        L.t(" → if approved ", " → 若批准 ") + $0.grouped()
                    }
                        ?? "")
            return (TextWidth.wrap(line, max(10, area.width), hanging: 2), e.applied ? .plain : .dim)
        }
        // The dates take the rows the change orders leave (at least half the pane). The days column is
        // as wide as its longest entry, compact on a narrow pane; an event wraps under itself; dates
        // that do not fit are counted.
        let narrow = area.width < 50
        func days(_ d: KeyDate) -> String {
            if narrow { return d.daysLeft < 0 ? L.t("\(d.daysLeft)d", "\(d.daysLeft)天") : L.t("+\(d.daysLeft)d", "+\(d.daysLeft)天") }
            return d.daysLeft < 0 ? L.t("\(-d.daysLeft) d ago", "已过 \(-d.daysLeft) 天") : L.t("in \(d.daysLeft) d", "剩 \(d.daysLeft) 天")
        }
        let daysW = dates.map { TextWidth.of(days($0)) }.max() ?? 0
        let gap = narrow ? 1 : 2
        let indent = 10 + gap + daysW + gap
        let changeRows = changes.map(\.lines.count).reduce(0, +)
        let end = area.y + max(area.height / 2, area.height - 2 - changeRows)
        for (i, d) in dates.enumerated() where y < end {
            let st: Style = d.kind == .notice_deadline ? Style(fg: .yellow, bold: true) : (d.daysLeft < 0 ? .dim : .plain)
            let parts = TextWidth.wrap(eventTitle(d, k, L), max(8, area.width - indent))
            if y + parts.count > end - (i < dates.count - 1 ? 1 : 0) {
                c.text(
                    area.x, y, L.t("… \(dates.count - i) more (bidbench dates)", "… 还有 \(dates.count - i) 个日期 (bidbench dates)"), .dim,
                    maxWidth: area.width)
                y += 1
                break
            }
            let sp = String(repeating: " ", count: gap)
            for (j, part) in parts.enumerated() {
                let head = j == 0 ? d.date.description + sp + TextWidth.fit(days(d), daysW) + sp : String(repeating: " ", count: indent)
                c.text(area.x, y, head + part, st, maxWidth: area.width)
                y += 1
            }
        }
        y += 1
        c.text(area.x, y, L.t("Change orders", "变更单"), .bold)
        y += 1
        for e in changes {
            for line in e.lines where y < area.maxY {
                c.text(area.x, y, line, e.style, maxWidth: area.width)
                y += 1
            }
        }
    }

    /// The budget control behind the `budget_used` early-warning trigger: signed contracts as committed,
    /// open ones as proposed, under the workspace's base scenario (the same figures as `bidbench budget`).
    /// A failure is returned, not dropped: without the control the trigger cannot fire, and the
    /// screen says so rather than showing an all-clear.
    static func budgetControl(_ ws: Workspace) -> Result<BudgetControl, BudgetError> {
        do {
            let sc = try Scenario(settings: ws.settings)
            try sc.validate()
            return .success(try BudgetModel.control(ws, proposedVendor: nil, scenario: sc))
        } catch { return .failure(error) }
    }

    /// The warnings firing, kept by `refresh` when they are of the current revision and day, else worked out now.
    static func warnings(_ s: AppState) -> ContractsState.Warnings {
        if let w = s.contracts.warnings, w.revision == s.revision, w.today == s.today { return w }
        let ws = s.workspace
        let control = budgetControl(ws)
        // Delivery warnings (overdue tasks, SLA breaches, training below target) are risks like the others.
        let alerts =
            RiskRegister.alerts(
                risks: ws.risks, contracts: ws.contracts, milestones: ws.payments, budget: try? control.get(),
                fiscalYearStart: ws.settings.fiscalYearStart, today: s.today)
            + DeliveryWarnings.alerts(risks: ws.risks, deliveries: DeliveryStatus.build(ws, today: s.today))
        var problem: BudgetError?
        if case .failure(let e) = control { problem = e }
        return ContractsState.Warnings(revision: s.revision, today: s.today, alerts: alerts, budgetProblem: problem)
    }

    static func renderRisks(_ s: AppState, into c: inout Canvas, area: Rect) {
        let L = s.lang
        let ws = s.workspace
        // The short title where the long one would be cut (80 columns).
        let title = L.t("Risk heat map (likelihood ↑, impact →)", "风险热图 (可能性 ↑, 影响 →)")
        c.text(
            area.x, area.y, TextWidth.of(title) <= area.width ? title : L.t("Heat map (likelihood ↑, impact →)", "热图 (可能性 ↑, 影响 →)"),
            .bold, maxWidth: area.width)
        let map = RiskRegister.heatMap(ws.risks)
        c.text(area.x + 6, area.y + 1, "1  2  3  4  5", .dim)
        for l in stride(from: 5, through: 1, by: -1) {
            let y = area.y + 2 + (5 - l)
            c.text(area.x, y, "  \(l)  ", .dim)
            for i in 1...5 {
                let n = map[l - 1][i - 1]
                let level = RiskRegister.level(score: l * i)
                let st: Style = level == .high ? Style(fg: .red, bold: true) : (level == .medium ? .warn : .good)
                c.text(area.x + 6 + (i - 1) * 3, y, n == 0 ? "·" : (n > 9 ? "■" : String(n)), n == 0 ? .dim : st)
            }
        }
        var y = area.y + 8
        let warnings = warnings(s)
        let alerts = warnings.alerts
        c.text(area.x, y, L.t("Warnings firing: \(alerts.count)", "触发的预警: \(alerts.count)"), alerts.isEmpty ? .good : .error)
        y += 1
        // Warnings and risks wrap (hanging under their id) rather than being cut at the pane's edge; each
        // is shown whole or not at all, and when they do not all fit the last row says how many are
        // left and where they are (a warning stopped mid-sentence, the fifth missing, nothing said).
        var items: [(rows: [String], style: Style)] = []
        func lines(_ text: String, _ style: Style) { items.append((TextWidth.wrap(text, max(8, area.width), hanging: 2), style)) }
        // A budget_used trigger that could not be checked is said, never counted as quiet.
        if let e = warnings.budgetProblem,
            let r = ws.risks.first(where: { $0.trigger.trimmed.lowercased() == "budget_used" && !RiskRegister.isClosed($0) })
        {
            lines(L.t("⚑ \(r.id) budget_used not checked: ", "⚑ \(r.id) budget_used 未能检查: ") + e.text(chinese: L == .zh), .error)
        }
        for a in alerts { lines("⚑ \(a.risk) \(a.text(chinese: L == .zh))", .warn) }
        let top = ws.risks.filter { $0.status != "closed" }.sorted { RiskRegister.score($0) > RiskRegister.score($1) }
        for r in top { lines("\(r.id) \(r.likelihood)×\(r.impact) \(r.title) — \(r.owner)", .plain) }
        let room = area.maxY - y
        let fits = items.reduce(0) { $0 + $1.rows.count } <= room
        var shown = 0
        for item in items {
            guard y + item.rows.count <= area.maxY - (fits ? 0 : 1) else { break }
            for row in item.rows {
                c.text(area.x, y, row, item.style, maxWidth: area.width)
                y += 1
            }
            shown += 1
        }
        if !fits && y < area.maxY {
            let left = items.count - shown
            c.text(area.x, y, L.t("… \(left) more: r opens the risk register", "… 另有 \(left) 项: 按 r 打开风险登记"), .dim, maxWidth: area.width)
        }
    }
}
