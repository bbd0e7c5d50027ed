import BidbenchCore

/// State of the Vendors screen: the selected vendor (column) and criterion (row).
public struct VendorsState: Equatable, Sendable {
    public var vendor = 0
    public var criterion = 0
    public init() {}
}

/// Vendors (供应商): vendors side by side as columns, criteria as rows, panel scores and totals.
public enum VendorsScreen {
    /// Leaf criteria in file order (those no other criterion names as parent).
    static func leaves(_ ws: Workspace) -> [Criterion] {
        let parents = Set(ws.criteria.map(\.parent))
        return ws.criteria.filter { !parents.contains($0.id) }
    }

    static func handle(_ s: inout AppState, _ key: Key) -> [Effect]? {
        guard let cmd = KeyMap.command(for: key, in: .vendors) else { return nil }
        let nv = s.workspace.vendors.count, nc = leaves(s.workspace).count
        switch cmd {
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
            s.modal = .confirm(question: s.lang.t("Delete vendor \(v.id) \(v.name) and its prices and scores? (y/n)",
                                                  "删除供应商 \(v.id) \(v.name) 及其报价和评分? (y/n)"), action: .deleteVendor(id: v.id))
        case .score:
            let leaf = leaves(s.workspace)
            guard s.vendors.vendor < nv, s.vendors.criterion < leaf.count else { return [] }
            let cr = leaf[s.vendors.criterion]
            guard cr.source == .panel else { s.say(s.lang.t("Price is not scored: it comes from the bids", "价格不打分: 取自报价"), error: true); return [] }
            guard let who = s.evaluator else {
                s.say(s.lang.t("Start with --as NAME to score as an evaluator", "请用 --as 姓名 以评委身份启动后打分"), error: true); return []
            }
            let v = s.workspace.vendors[s.vendors.vendor]
            let mine = s.workspace.scores[who]?.first { $0.vendor == v.id && $0.criterion == cr.id }
            s.modal = .form(Form(purpose: "score:\(v.id):\(cr.id)", title: "\(who) · \(v.name) · \(cr.name)", fields: [
                FormField(key: "score", label: s.lang.t("Score 0–\(formatNumber(s.workspace.settings.scale))", "分数 0–\(formatNumber(s.workspace.settings.scale))"), text: mine.map { formatNumber($0.score) } ?? ""),
                FormField(key: "note", label: s.lang.t("Note", "备注"), text: mine?.note ?? ""),
            ]))
        case .reveal:
            let now = !s.workspace.settings.revealed
            s.change(now ? s.lang.t("Scores revealed to the panel", "评分已向评审组揭晓") : s.lang.t("Scores hidden", "评分已隐藏")) { $0.settings.revealed = now }
        case .weightUp, .weightDown:
            let leaf = leaves(s.workspace)
            guard s.vendors.criterion < leaf.count else { return [] }
            let id = leaf[s.vendors.criterion].id
            let delta = cmd == .weightUp ? 0.05 : -0.05
            s.change { ws in
                if let i = ws.criteria.firstIndex(where: { $0.id == id }) {
                    ws.criteria[i].weight = max(0, ((ws.criteria[i].weight + delta) * 100).rounded() / 100)
                }
            }
        default: return nil
        }
        return []
    }

    static func form(_ s: AppState, for v: Vendor?) -> Form {
        let L = s.lang
        return Form(purpose: v.map { "vendor-edit:\($0.id)" } ?? "vendor-add", title: v.map { L.t("Edit vendor \($0.id)", "编辑供应商 \($0.id)") } ?? L.t("New vendor", "新增供应商"), fields: [
            FormField(key: "name", label: L.t("Name", "名称"), text: v?.name ?? ""),
            FormField(key: "contact", label: L.t("Contact", "联系人"), text: v?.contact ?? ""),
            FormField(key: "qualifications", label: L.t("Qualifications", "资质"), text: v?.qualifications ?? ""),
            FormField(key: "references", label: L.t("References", "案例"), text: v?.references ?? ""),
            FormField(key: "notes", label: L.t("Notes", "备注"), text: v?.notes ?? ""),
            FormField(key: "sme", label: L.t("Small/micro", "中小微企业"), choices: ["false", "true"], labels: [L.t("no", "否"), L.t("yes", "是")], selected: (v?.sme ?? false) ? "true" : "false"),
            FormField(key: "bid_price", label: L.t("Bid price", "投标报价"), text: v?.bidPrice?.description ?? ""),
        ])
    }

    /// Stores the acting evaluator's score from the score form.
    static func submitScore(_ s: inout AppState, _ f: Form) -> String? {
        let L = s.lang
        let parts = f.purpose.split(separator: ":").map(String.init)
        guard parts.count == 3, let who = s.evaluator else { return nil }
        let scale = s.workspace.settings.scale
        let text = f.value("score").trimmed
        guard let v = Double(text), v.isFinite, v >= 0, v <= scale else {
            return L.t("Score must be a number from 0 to \(formatNumber(scale)), not “\(text)”", "分数必须是 0 到 \(formatNumber(scale)) 之间的数字, 而不是 “\(text)”")
        }
        let score = Score(vendor: parts[1], criterion: parts[2], score: v, note: f.value("note").trimmed)
        s.change(L.t("Scored \(formatNumber(v))", "已打分 \(formatNumber(v))")) { ws in
            var list = ws.scores[who] ?? []
            if let i = list.firstIndex(where: { $0.vendor == score.vendor && $0.criterion == score.criterion }) {
                var kept = score; kept.extra = list[i].extra; list[i] = kept
            } else { list.append(score) }
            ws.scores[who] = list.sorted { ($0.vendor, $0.criterion) < ($1.vendor, $1.criterion) }
        }
        return nil
    }

    static func submit(_ s: inout AppState, _ f: Form) -> String? {
        let L = s.lang
        let name = f.value("name").trimmed
        if name.isEmpty { return L.t("The name is required", "名称不能为空") }
        let priceText = f.value("bid_price").trimmed
        var bid: Money?
        if !priceText.isEmpty {
            guard let m = Money(parsing: priceText), m.minor >= 0 else {
                return L.t("Bid price must be an amount ≥ 0 with at most 2 decimals, not “\(priceText)”", "投标报价必须是 ≥ 0 且最多两位小数的金额, 而不是 “\(priceText)”")
            }
            bid = m
        }
        func fill(_ v: inout Vendor) {
            v.name = name; v.contact = f.value("contact").trimmed; v.qualifications = f.value("qualifications").trimmed
            v.references = f.value("references").trimmed; v.notes = f.value("notes").trimmed
            v.sme = f.value("sme") == "true"; v.bidPrice = bid
        }
        if f.purpose == "vendor-add" {
            let n = (s.workspace.vendors.compactMap { $0.id.first == "V" ? Int($0.id.dropFirst()) : nil }.max() ?? 0) + 1
            var v = Vendor(id: "V\(n)", name: name)
            fill(&v)
            s.change(L.t("Added vendor \(v.id)", "已新增供应商 \(v.id)")) { ws in ws.vendors.append(v) }
            s.vendors.vendor = s.workspace.vendors.count - 1
        } else {
            let id = String(f.purpose.dropFirst("vendor-edit:".count))
            s.change(L.t("Saved \(id)", "已保存 \(id)")) { ws in
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
            for k in ws.scores.keys { ws.scores[k]?.removeAll { $0.vendor == id } }
        }
        App.clampSelections(&s)
    }

    static func click(_ s: inout AppState, x: Int, y: Int) {
        let colW = 14, labelW = 24
        let row = y - (App.body(s).y + 2)
        if row >= 0 && row < leaves(s.workspace).count { s.vendors.criterion = row }
        let col = (x - labelW) / colW
        if x >= labelW && col < s.workspace.vendors.count { s.vendors.vendor = col }
    }

    /// The scores this session may see: all when revealed, else only the acting evaluator's own (none for the lead).
    static func visibleScores(_ s: AppState) -> [String: [Score]] {
        if s.workspace.settings.revealed { return s.workspace.scores }
        guard let who = s.evaluator else { return [:] }
        return [who: s.workspace.scores[who] ?? []]
    }

    /// Mean panel score of a vendor on a criterion, and the evaluators' spread (max − min).
    static func panel(_ scores: [String: [Score]], vendor: String, criterion: String) -> (mean: Double, spread: Double)? {
        let vals = scores.values.flatMap { $0 }.filter { $0.vendor == vendor && $0.criterion == criterion }.map(\.score)
        guard !vals.isEmpty else { return nil }
        return (vals.reduce(0, +) / Double(vals.count), (vals.max() ?? 0) - (vals.min() ?? 0))
    }

    static func render(_ s: AppState, into c: inout Canvas, area: Rect) {
        let L = s.lang, ws = s.workspace
        let leaf = leaves(ws)
        let colW = 14, labelW = 24
        let scores = visibleScores(s)
        let who = s.evaluator.map { L.t("scoring as \($0)", "评委: \($0)") } ?? L.t("lead", "主持人")
        let blind = ws.settings.revealed ? L.t("revealed", "已揭晓") : L.t("blind (R reveals)", "盲评中 (R 揭晓)")
        c.text(area.x + 1, area.y, "\(L.t("Method", "方法")): \(ws.settings.method)   \(L.t("Evaluators", "评委")): \(ws.evaluators.count) · \(blind) · \(who)", .dim)
        let hy = area.y + 1
        c.text(area.x + 1, hy, TextWidth.fit(L.t("Criterion", "准则"), labelW - 7), .bold.with(fg: .cyan))
        c.text(area.x + labelW - 6, hy, TextWidth.fit(L.t("Wt", "权重"), 5, right: true), .bold.with(fg: .cyan))
        for (j, v) in ws.vendors.enumerated() {
            let x = labelW + j * colW
            if x + colW > area.maxX { break }
            c.text(x, hy, TextWidth.fit(v.name, colW - 1), j == s.vendors.vendor ? Style(fg: .cyan, bold: true, reverse: true) : .bold)
        }
        let totalW = leaf.map(\.weight).reduce(0, +)
        let scale = ws.settings.scale
        for (i, cr) in leaf.enumerated() {
            let y = hy + 1 + i
            if y >= area.maxY - 3 { break }
            let sel = i == s.vendors.criterion
            c.text(area.x + 1, y, TextWidth.fit(cr.name, labelW - 7), sel ? .selected : .plain)
            let w = totalW > 0 ? cr.weight / totalW : 0
            c.text(area.x + labelW - 6, y, TextWidth.fit("\(Int((w * 100).rounded()))%", 5, right: true), sel ? .selected : .plain)
            for (j, v) in ws.vendors.enumerated() {
                let x = labelW + j * colW
                if x + colW > area.maxX { break }
                var text = "—"
                var st = Style.plain
                if cr.source == .price {
                    text = v.bidPrice.map { $0.grouped() } ?? "—"
                } else if let p = panel(scores, vendor: v.id, criterion: cr.id) {
                    text = String(format1(p.mean))
                    if p.spread >= 0.3 * scale { text += " ±\(format1(p.spread)) ⚑"; st = .warn }
                }
                c.text(x, y, TextWidth.fit(text, colW - 1), st)
            }
        }
        let sy = hy + 2 + leaf.count
        if sy < area.maxY - 1 {
            c.fill(Rect(x: area.x + 1, y: sy - 1 + 0, width: area.width - 2, height: 0))
            c.text(area.x + 1, sy, TextWidth.fit(L.t("Score", "得分"), labelW - 2), .bold)
            let minPrice = ws.vendors.compactMap(\.bidPrice).filter { $0.minor > 0 }.min()
            for (j, v) in ws.vendors.enumerated() {
                let x = labelW + j * colW
                if x + colW > area.maxX { break }
                var total = 0.0
                for cr in leaf where totalW > 0 {
                    let w = cr.weight / totalW
                    if cr.source == .price {
                        if let p = v.bidPrice, p.minor > 0, let m = minPrice { total += w * Double(m.minor) / Double(p.minor) * 100 }
                    } else if let p = panel(scores, vendor: v.id, criterion: cr.id) {
                        total += w * p.mean / scale * 100
                    }
                }
                c.text(x, sy, TextWidth.fit("\(format1(total)) " + bar(total / 100, width: 4), colW - 1), .bold)
            }
        }
        if ws.vendors.isEmpty { c.text(area.x + 2, hy + 2, L.t("No vendors yet. Press a to add one.", "还没有供应商。按 a 新增。"), .dim) }
    }
}

/// One decimal: `8.3`.
func format1(_ d: Double) -> String {
    let r = (d * 10).rounded() / 10
    let whole = Int(r), tenth = Int(((abs(r) - Double(abs(whole))) * 10).rounded())
    return "\(r < 0 && whole == 0 ? "-" : "")\(whole).\(tenth)"
}
