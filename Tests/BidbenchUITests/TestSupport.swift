import BidbenchCore

@testable import BidbenchUI

/// A small bilingual workspace for UI tests.
func sampleWorkspace() -> Workspace {
    var ws = Workspace()
    ws.settings.name = "华东精密 ERP 升级"
    ws.settings.revealed = true  // most tests look at the panel's results; blind tests set false
    ws.departments = [Department(id: "D01", name: "财务部"), Department(id: "D02", name: "生产部")]
    ws.requirements = [
        Requirement(
            id: "R01", department: "D01", module: "总账", title: "多币种凭证自动折算", priority: .must, weight: 5,
            acceptance: "汇率日终自动更新", status: .confirmed, source: "财务部 2026-11-20 调研"),
        Requirement(id: "R02", department: "D01", module: "成本", title: "按工单归集实际成本", priority: .must, weight: 5, status: .confirmed),
        Requirement(
            id: "R03", department: "D02", module: "排程", title: "产能约束下的自动排产", priority: .should, weight: 4,
            acceptance: "500 张工单 10 秒内排完"),
    ]
    ws.criteria = [
        Criterion(id: "func", name: "功能 Functionality", weight: 0.7),
        Criterion(id: "price", name: "价格 Price", kind: .cost, weight: 0.3, source: .price),
    ]
    ws.vendors = [
        Vendor(id: "V1", name: "云帆软件", bidPrice: Money(units: 1_860_000)),
        Vendor(id: "V2", name: "智链科技", bidPrice: Money(units: 1_625_000)),
    ]
    ws.scores = [
        "张伟": [Score(vendor: "V1", criterion: "func", score: 8), Score(vendor: "V2", criterion: "func", score: 7)],
        "李娜": [Score(vendor: "V1", criterion: "func", score: 9), Score(vendor: "V2", criterion: "func", score: 3)],
    ]
    return ws
}

/// Drives the app headlessly: keys in, rendered canvas out.
struct Driver {
    var state: AppState
    var effects: [Effect] = []

    /// `evaluator`: the session of `bidbench open --as NAME` (nil: the lead), set at start as the host does.
    init(
        _ ws: Workspace = sampleWorkspace(), lang: Lang = .zh, width: Int = 100, height: Int = 30, problems: [String] = [],
        evaluator: String? = nil
    ) {
        state = AppState(
            workspace: ws, location: "/tmp/ws", problems: problems, lang: lang, width: width, height: height,
            today: Day(year: 2026, month: 11, day: 29))
        state.evaluator = evaluator
    }

    mutating func press(_ keys: Key...) { for k in keys { effects += App.reduce(&state, .key(k)) } }
    mutating func type(_ text: String) { for c in text { effects += App.reduce(&state, .key(.char(c))) } }
    mutating func send(_ e: Event) { effects += App.reduce(&state, e) }

    var screen: Canvas { App.render(state) }
    var text: String { screen.text }
    func row(containing needle: String) -> String? { screen.lines.first { $0.contains(needle) } }
    /// The open form, if a form is what is open.
    var form: Form? { if case .form(let f)? = state.modal { return f } else { return nil } }
    /// The vendor-matrix row of a criterion (its name starts the line).
    func criterionRow(_ name: String) -> String? { screen.lines.first { $0.hasPrefix(" " + name) } }
}
