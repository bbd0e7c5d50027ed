import BidbenchCore

/// What the conflict dialog shows of a part changed both here and on disk: the rows that differ, so
/// the choice between mine and theirs is never made blind. Tables with row keys are compared row by
/// row; tables without (prices, budget lines, payments…) as whole-row texts: the rows only here and
/// the rows only on disk.
extension DiskChangesScreen {
    /// The lines that show both versions: per cell for a score sheet, per record otherwise.
    static func lines(_ s: AppState, _ c: DiskConflict) -> [String] {
        let L = s.lang
        let mine = s.workspace
        let theirs = c.theirs
        switch c.part {
        case .scores(let name):
            let m = Dictionary(
                (mine.scores[name] ?? []).map { ($0.vendor + "/" + $0.criterion, $0) }, uniquingKeysWith: { _, b in b })
            let t = Dictionary(
                (theirs.scores[name] ?? []).map { ($0.vendor + "/" + $0.criterion, $0) }, uniquingKeysWith: { _, b in b })
            func show(_ x: Score?) -> String { x.map { NumberText.format($0.score) + ($0.note.isEmpty ? "" : " “\($0.note)”") } ?? "—" }
            // While the panel is blind another person's sheet is nobody's to see, on a projected
            // screen least of all: only which cells differ, and in what (as `bidbench resolve`).
            let hidden = !mine.settings.revealed && s.evaluator != name
            func fields(_ a: Score?, _ b: Score?) -> String {
                guard let a, let b else { return L.t("only on one side", "仅一方有") }
                return [a.score != b.score ? L.t("score", "评分") : nil, a.note != b.note ? L.t("note", "备注") : nil]
                    .compactMap { $0 }.joined(separator: ", ")
            }
            return Set(m.keys).union(t.keys).filter { m[$0] != t[$0] }.sorted().map {
                hidden
                    ? "\($0): \(fields(m[$0], t[$0]))" + L.t(" (values hidden: the panel is blind)", " (评分未公开, 不显示数值)")
                    : "\($0): \(L.t("mine", "我的")) \(show(m[$0]))   \(L.t("theirs", "磁盘上")) \(show(t[$0]))"
            }
        case .requirements: return rowLines(L, mine.requirements, theirs.requirements, key: { $0.id }, show: { $0.title })
        case .departments: return rowLines(L, mine.departments, theirs.departments, key: { $0.id }, show: { $0.name })
        case .criteria: return rowLines(L, mine.criteria, theirs.criteria, key: { $0.id }, show: { $0.name })
        case .vendors: return rowLines(L, mine.vendors, theirs.vendors, key: { $0.id }, show: { $0.name })
        case .risks: return rowLines(L, mine.risks, theirs.risks, key: { $0.id }, show: { $0.title })
        case .gates:
            return rowLines(
                L, mine.gates, theirs.gates, key: { "\($0.vendor)/\($0.requirement)" },
                show: { $0.answer.rawValue + ($0.note.isEmpty ? "" : " " + $0.note) })
        case .changes:
            return rowLines(
                L, mine.changes, theirs.changes, key: { "\($0.contract)/\($0.id)" },
                show: { "\($0.description) \($0.priceDelta.grouped()) \($0.status)" })
        case .prices: return unkeyed(L, mine.prices.map { priceText(L, $0) }, theirs.prices.map { priceText(L, $0) })
        case .budget: return unkeyed(L, mine.budget.map(envelopeText), theirs.budget.map(envelopeText))
        case .payments: return unkeyed(L, mine.payments.map(paymentText), theirs.payments.map(paymentText))
        case .contracts: return rowLines(L, mine.contracts, theirs.contracts, key: { $0.id }, show: contractText)
        case .reviews: return unkeyed(L, mine.reviews.map(reviewText), theirs.reviews.map(reviewText))
        case .scenarios: return unkeyed(L, mine.scenarios.map(scenarioText), theirs.scenarios.map(scenarioText))
        case .survey: return unkeyed(L, mine.survey.map(questionText), theirs.survey.map(questionText))
        case .settings: return settingsLines(L, mine.settings, theirs.settings)
        case .ahp:
            return Set(mine.ahp.keys).union(theirs.ahp.keys).filter { mine.ahp[$0] != theirs.ahp[$0] }.sorted().map { key in
                let name = key.isEmpty ? L.t("top level", "顶层") : key
                func show(_ m: PairwiseMatrix?) -> String { m.map { $0.names.joined(separator: ", ") } ?? "—" }
                return L.t(
                    "Matrix \(name): mine (\(show(mine.ahp[key])))   theirs (\(show(theirs.ahp[key])))",
                    "判断矩阵 \(name): 我的 (\(show(mine.ahp[key])))   磁盘上 (\(show(theirs.ahp[key])))")
            }
        case .rows(let file): return RowTable.named(file)?.lines(L, mine, theirs) ?? []
        case .contractTexts:
            let files = Set(mine.contractTexts.keys).union(theirs.contractTexts.keys)
            return files.filter { mine.contractTexts[$0] != theirs.contractTexts[$0] }.sorted().map {
                textLine(L, $0, mine.contractTexts[$0], theirs.contractTexts[$0])
            }
        }
    }

    /// One line per row (by key) that differs between mine and theirs: `R01: mine “…”   theirs “…”`,
    /// `—` for a row one side does not have, and `(other fields)` when the shown field is the same.
    static func rowLines<Row: Equatable>(_ L: Lang, _ mine: [Row], _ theirs: [Row], key: (Row) -> String, show: (Row) -> String) -> [String]
    {
        let m = Dictionary(mine.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let t = Dictionary(theirs.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        return Set(m.keys).union(t.keys).filter { m[$0] != t[$0] }.sorted().flatMap { k -> [String] in
            // The same name on both sides: each field that differs, named as in the file, with both
            // values (it said `(其他字段)` on both sides, and the choice was made blind: user test pass).
            if let a = m[k], let b = t[k], show(a) == show(b) {
                return RowTable.lines(L, [a], [b], key: { _ in k }, fields: { fieldsByMirror($0) })
            }
            func text(_ r: Row?) -> String { r.map { "“\(show($0))”" } ?? "—" }
            return ["\(k): \(L.t("mine", "我的")) \(text(m[k]))   \(L.t("theirs", "磁盘上")) \(text(t[k]))"]
        }
    }

    /// A record's fields as the file names them (`acceptance`, `head_count`, `bid_price`), read from
    /// its stored properties; unknown columns (`extra`) by their own names.
    /// A field's value as the file writes it: a number without a trailing `.0` (a meeting pass: the
    /// weights 5 and 2 read `“5.0”` and `“2.0”`).
    static func valueText(_ v: Any) -> String {
        if let d = v as? Double { return NumberText.format(d) }
        return String(describing: v)
    }

    static func fieldsByMirror(_ row: Any) -> [(String, String)] {
        var out: [(String, String)] = []
        for child in Mirror(reflecting: row).children {
            guard let label = child.label else { continue }
            if label == "extra", let extra = child.value as? [String: String] {
                out += extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                continue
            }
            var name = ""
            for ch in label { name += ch.isUppercase ? "_" + ch.lowercased() : String(ch) }
            let value = Mirror(reflecting: child.value)
            let text: String
            if value.displayStyle == .optional {
                text = value.children.first.map { valueText($0.value) } ?? ""
            } else if let list = child.value as? [String] {
                text = list.joined(separator: ";")
            } else {
                text = valueText(child.value)
            }
            out.append((name, text))
        }
        return out
    }

    /// A table without row keys, as whole-row texts: a count of both sides, then the rows only here
    /// and the rows only on disk (a row that occurs twice on one side and once on the other counts
    /// once as different). A changed row shows in both lists, its old and new text.
    static func unkeyed(_ L: Lang, _ mine: [String], _ theirs: [String]) -> [String] {
        func only(_ rows: [String], _ other: [String]) -> [String] {
            var left = Dictionary(other.map { ($0, 1) }, uniquingKeysWith: +)
            return rows.filter { row in
                guard let n = left[row], n > 0 else { return true }
                left[row] = n - 1
                return false
            }
        }
        let here = only(mine, theirs)
        let there = only(theirs, mine)
        var out = [
            L.t(
                "\(mine.count) row(s) here, \(theirs.count) on disk: \(here.count) only here, \(there.count) only on disk",
                "本机 \(mine.count) 行, 磁盘上 \(theirs.count) 行: 仅本机有 \(here.count) 行, 仅磁盘上有 \(there.count) 行")
        ]
        if here.isEmpty && there.isEmpty {
            out.append(L.t("The same rows in another order", "行相同, 顺序不同"))
            return out
        }
        if !here.isEmpty { out += [L.t("Only here (mine):", "仅本机有 (我的):")] + here.map { "  • " + $0 } }
        if !there.isEmpty { out += [L.t("Only on disk (theirs):", "仅磁盘上有:")] + there.map { "  • " + $0 } }
        return out
    }

    /// Columns the program does not know, appended to a row's text so a change there shows too.
    /// Empty entries are left out: an empty cell says nothing (and contracts.csv keeps its empty cells there).
    static func extraText(_ extra: [String: String]) -> String {
        extra.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { " · \($0.key)=\($0.value)" }.joined()
    }

    static func priceText(_ L: Lang, _ p: PriceLine) -> String {
        let unit = p.model == .percent_of_license ? p.unitPrice.description + "%" : p.unitPrice.grouped()
        var t = "\(p.vendor) · \(p.item) · \(L.category(p.category)) · \(L.pricingModel(p.model)) · \(unit) × \(p.quantity)"
        if let y = p.startYear { t += L.t(" · from year \(y)", " · 第 \(y) 年起") }
        if let n = p.years { t += L.t(" · \(n) year(s)", " · \(n) 年") }
        if !p.notes.isEmpty { t += " · " + p.notes }
        return t + extraText(p.extra)
    }

    static func envelopeText(_ e: BudgetEnvelope) -> String {
        "\(e.fiscalYear) · \(e.costCenter) · \(e.category.isEmpty ? "all" : e.category) · \(e.amount.grouped())" + extraText(e.extra)
    }

    static func paymentText(_ p: PaymentMilestone) -> String {
        "\(p.contract) · \(p.milestone) · \(NumberText.format(p.percent))% · \(p.due?.description ?? "—") · \(p.condition) · \(p.status)"
            + extraText(p.extra)
    }

    static func contractText(_ c: Contract) -> String {
        let days = [c.signed, c.effective].map { $0?.description ?? "—" }.joined(separator: " / ")
        return "\(c.id) · \(c.vendor) · \(c.title) · \(c.file) · \(days) · \(c.termMonths)m"
            + " · renew \(c.autoRenew ? "\(c.renewalMonths)m" : "no") · notice \(c.noticeDays)d · \(c.value.grouped())"
            + " · warranty \(c.warrantyMonths)m · \(c.status)" + extraText(c.extra)
    }

    static func reviewText(_ r: ClauseReview) -> String {
        "\(r.contract) · \(r.clause.rawValue) · \(r.status.rawValue)" + (r.line.map { " · L\($0)" } ?? "")
            + (r.note.isEmpty ? "" : " · " + r.note) + extraText(r.extra)
    }

    static func scenarioText(_ n: NamedScenario) -> String {
        "\(n.name) · years=\(n.years) · users=\(n.users) · growth=\(n.growth) · escalation=\(n.escalation) · discount_rate=\(n.discountRate)"
            + extraText(n.extra)
    }

    static func questionText(_ q: SurveyQuestion) -> String {
        "\(q.number) · \(q.field) · \(q.en) · \(q.zh)" + extraText(q.extra)
    }

    /// `workspace.json`: one line per setting that differs, named as in the file (`horizon_years`).
    static func settingsLines(_ L: Lang, _ mine: Settings, _ theirs: Settings) -> [String] {
        func fields(_ x: Settings) -> [(String, String)] {
            Mirror(reflecting: x).children.compactMap { child in
                guard let label = child.label, label != "extra" else { return nil }
                return (snakeCase(label), valueText(child.value))
            } + x.extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        let m = Dictionary(fields(mine), uniquingKeysWith: { a, _ in a })
        let t = Dictionary(fields(theirs), uniquingKeysWith: { a, _ in a })
        let order = (fields(mine) + fields(theirs)).map(\.0)
        var seen = Set<String>()
        return order.filter { seen.insert($0).inserted && m[$0] != t[$0] }.map {
            "\($0): \(L.t("mine", "我的")) \(m[$0] ?? "—")   \(L.t("theirs", "磁盘上")) \(t[$0] ?? "—")"
        }
    }

    /// `fiscalYearStart` → `fiscal_year_start`, the key of workspace.json.
    static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { out, ch in
            if ch.isUppercase {
                out += "_" + ch.lowercased()
            } else {
                out.append(ch)
            }
        }
    }

    /// A contract text: its line counts and the first line that differs.
    static func textLine(_ L: Lang, _ file: String, _ mine: String?, _ theirs: String?) -> String {
        guard let mine, let theirs else {
            return mine == nil ? L.t("\(file): only on disk", "\(file): 仅磁盘上有") : L.t("\(file): only here", "\(file): 仅本机有")
        }
        let a = mine.split(separator: "\n", omittingEmptySubsequences: false)
        let b = theirs.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        func line(_ x: [Substring]) -> String { i < x.count ? "“\(x[i])”" : "—" }
        return L.t(
            "\(file): \(a.count) line(s) here, \(b.count) on disk; line \(i + 1): mine \(line(a))   theirs \(line(b))",
            "\(file): 本机 \(a.count) 行, 磁盘上 \(b.count) 行; 第 \(i + 1) 行: 我的 \(line(a))   磁盘上 \(line(b))")
    }
}
