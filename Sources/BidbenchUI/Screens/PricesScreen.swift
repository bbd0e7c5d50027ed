import BidbenchCore

public struct PricesState: Equatable, Sendable {
    public var vendor: String
    public var selected = 0
    public init(vendor: String, selected: Int = 0) {
        self.vendor = vendor
        self.selected = selected
    }
}

/// Price lines of one vendor (p on the Budget screen): add, edit, delete; the TCO updates at once.
public enum PricesScreen {
    static func lines(_ s: AppState, _ vendor: String) -> [Int] {
        s.workspace.prices.indices.filter { s.workspace.prices[$0].vendor == vendor }
    }

    static func handle(_ s: inout AppState, _ st: PricesState, _ cmd: Command) {
        let idx = lines(s, st.vendor)
        let vendor = st.vendor
        guard
            let selected = ListKeys.apply(
                cmd, &s, selected: st.selected, count: idx.count,
                form: { form($0, vendor: vendor, index: $1.map { idx[$0] }) },
                delete: { s, row in
                    let i = idx[row]
                    let item = s.workspace.prices[i].item
                    s.change(s.lang.t("Deleted price line \(item) (u to undo)", "已删除报价行 \(item) (按 u 撤销)")) { $0.prices.remove(at: i) }
                })
        else { return }
        s.modal = .prices(PricesState(vendor: vendor, selected: selected))
    }

    static func form(_ s: AppState, vendor: String, index: Int?) -> Form {
        let L = s.lang
        let p = index.map { s.workspace.prices[$0] }
        return Form(
            target: .priceLine(vendor: vendor, index: index),
            title: p.map { L.t("Edit \($0.item)", "编辑 \($0.item)") } ?? L.t("New price line", "新增报价行"),
            fields: [
                FormField(key: "item", label: L.t("Item", "项目"), text: p?.item ?? ""),
                FormField(
                    key: "category", label: L.t("Category", "类别"), choices: CostCategory.allCases.map(\.rawValue),
                    labels: CostCategory.allCases.map { L.category($0) }, selected: (p?.category ?? .license).rawValue,
                    aliases: CostCategory.allCases.map { [Lang.zh.category($0), Lang.en.category($0)] }),
                FormField(
                    key: "model", label: L.t("Pricing model", "计价方式"), choices: PricingModel.allCases.map(\.rawValue),
                    labels: PricingModel.allCases.map { L.pricingModel($0) }, selected: (p?.model ?? .one_time).rawValue,
                    aliases: PricingModel.allCases.map { [$0.rawValue, Lang.zh.pricingModel($0)] }),
                FormField(
                    key: "unit_price", label: L.t("Unit price (% for percent_of_license)", "单价 (许可费比例填 %)"),
                    text: p?.unitPrice.description ?? "", kind: .number),
                FormField(key: "quantity", label: L.t("Quantity", "数量"), text: String(p?.quantity ?? 1), kind: .number),
                FormField(
                    key: "start_year", label: L.t("Start year (1…)", "起始年 (1…)"), text: p?.startYear.map(String.init) ?? "", kind: .number),
                FormField(key: "years", label: L.t("Years", "年数"), text: p?.years.map(String.init) ?? "", kind: .number),
                FormField(key: "notes", label: L.t("Notes", "备注"), text: p?.notes ?? "", kind: .long),
            ])
    }

    /// Validates and applies the form; an error keeps the form open with what was typed.
    static func submit(_ s: inout AppState, _ f: Form, vendor: String, index: Int?) -> FormRefusal? {
        let L = s.lang
        let item = f.value("item").trimmed
        if item.isEmpty { return FormRefusal(L.t("The item is required", "项目不能为空"), field: "item") }
        let priceText = f.value("unit_price").trimmed
        guard let price = Money(parsing: priceText), price.minor >= 0 else {
            if let big = FormRefusal.tooLargeAmount(L, priceText, field: "unit_price", label: ("Unit price", "单价")) { return big }
            return FormRefusal(
                L.t(
                    "Unit price must be an amount ≥ 0 with at most 2 decimals, not “\(priceText)”",
                    "单价必须是 ≥ 0 且最多两位小数的金额, 而不是 “\(priceText)”"), field: "unit_price")
        }
        guard let qty = Int(f.value("quantity").trimmed), qty >= 0 else {
            return FormRefusal(
                L.t("Quantity must be a whole number ≥ 0, not “\(f.value("quantity"))”", "数量必须是 ≥ 0 的整数, 而不是 “\(f.value("quantity"))”"),
                field: "quantity")
        }
        func optionalYear(_ key: String) -> (ok: Bool, value: Int?) {
            let t = f.value(key).trimmed
            if t.isEmpty { return (true, nil) }
            guard let v = Int(t), v >= 1 else { return (false, nil) }
            return (true, v)
        }
        let start = optionalYear("start_year")
        let years = optionalYear("years")
        guard start.ok else {
            return FormRefusal(
                L.t("Start year must be empty or a year of the horizon (1, 2, …)", "起始年须为空或为第几年 (1, 2, …)"), field: "start_year")
        }
        // Within the saved horizon: a line past it cannot be costed, and every vendor's budget,
        // on screen and in `bidbench budget`, stopped at it (user test pass).
        let horizon = s.workspace.settings.horizonYears
        if let y = start.value, y > horizon {
            return FormRefusal(
                L.t(
                    "Start year \(y) is past the \(horizon)-year horizon (workspace.json horizon_years)",
                    "起始年 \(y) 超出 \(horizon) 年的测算期 (workspace.json 的 horizon_years)"), field: "start_year")
        }
        guard years.ok else {
            let typed = f.value("years").trimmed
            return FormRefusal(
                L.t("Years must be empty or a whole number ≥ 1, not “\(typed)”", "年数须为空或 ≥ 1 的整数, 而不是 “\(typed)”"), field: "years")
        }
        let line = PriceLine(
            vendor: vendor, item: item, category: CostCategory(rawValue: f.value("category")) ?? .other,
            model: PricingModel(rawValue: f.value("model")) ?? .one_time, unitPrice: price, quantity: qty,
            startYear: start.value, years: years.value, notes: f.value("notes").trimmed)
        if index == nil {
            s.change(L.t("Added \(item)", "已新增 \(item)")) { ws in
                let last = ws.prices.lastIndex { $0.vendor == vendor }.map { $0 + 1 } ?? ws.prices.count
                ws.prices.insert(line, at: last)
            }
            s.modal = .prices(PricesState(vendor: vendor, selected: max(0, lines(s, vendor).count - 1)))
        } else if let i = index, i < s.workspace.prices.count {
            s.change(L.t("Updated \(item)", "已更新 \(item)")) { ws in
                var l = line
                l.extra = ws.prices[i].extra
                ws.prices[i] = l
            }
        }
        return nil
    }

    static func render(_ s: AppState, _ st: PricesState, into c: inout Canvas) {
        let L = s.lang
        let r = Rect(x: 1, y: 1, width: s.width - 2, height: App.body(s).height)
        let name = s.workspace.vendors.first { $0.id == st.vendor }?.name ?? st.vendor
        c.fill(r)
        c.box(r, .accent, title: L.t("Price lines — \(name)", "报价行 — \(name)"))
        let rows = lines(s, st.vendor).map { i -> [String] in
            let p = s.workspace.prices[i]
            let unit = p.model == .percent_of_license ? p.unitPrice.description + "%" : p.unitPrice.grouped()
            return [
                p.item, L.category(p.category), L.pricingModel(p.model), unit, String(p.quantity), p.startYear.map(String.init) ?? "",
                p.years.map(String.init) ?? "",
            ]
        }
        // Columns as wide as their entries, the item giving way (a 16-digit unit price was cut to
        // `9,999,999,…` in an 11-cell column while the item column had 40 cells to spare: user test pass).
        let cols = TableView.fitted(
            [
                L.t("Item", "项目"), L.t("Category", "类别"), L.t("Model", "计价方式"), L.t("Unit", "单价"), L.t("Qty", "数量"), L.t("Start", "起始"),
                L.t("Years", "年数"),
            ],
            rows, minimum: [16], right: [3, 4, 5, 6], total: r.width - 4, shrink: 0)
        let idx = lines(s, st.vendor)
        let detail = st.selected < idx.count ? s.workspace.prices[idx[st.selected]] : nil
        TableView.renderWithDetail(
            into: &c, box: r, columns: cols, rows: rows, selected: st.selected,
            detail: detail.map {
                "\($0.item) · \(L.category($0.category)) · \(L.pricingModel($0.model))" + ($0.notes.isEmpty ? "" : " — \($0.notes)")
            })
        c.text(r.x + 2, r.maxY - 1, " " + App.fitHints(KeyMap.hints(for: [.prices], s), width: r.width - 6) + " ", .dim)
    }
}
