import Foundation

/// Where a binding works.
public enum Scope: String, Sendable, CaseIterable {
    case global, requirements, vendors, budget, contracts, form
}

/// What a key does, named after intent.
public enum Command: String, Sendable, CaseIterable {
    case quit, help, save, undo, redo, commandLine, cancel
    case screen1, screen2, screen3, screen4, nextScreen, prevScreen
    case up, down, left, right, pageUp, pageDown, top, bottom
    case add, edit, delete, search, searchNext, searchPrev
    case filterPriority, filterDepartmentNext, filterDepartmentPrev
    case methodNext, weightUp, weightDown, reveal
    case usersUp, usersDown, yearsUp, yearsDown, escalationUp, escalationDown, discountUp, discountDown
    case nextField, prevField, submit
    case setReviewStatus
    case survey, duplicates, departments, score, note, cyclePane, scenarioNext, gates, ahp, filterStatus, filterModule, sortNext, prices,
        cashFlow, risks, changeOrders
}

/// One row of the key map: the keys, the short label for the hint bar and the description for help.
public struct Binding: Sendable {
    public var scope: Scope
    public var command: Command
    public var keys: [Key]
    public var hint: (en: String, zh: String)?
    public var help: (en: String, zh: String)
}

/// The one key map. The hint bar, the `?` overlay and the README's key list all come from it.
public enum KeyMap {
    public static let bindings: [Binding] = [
        // Global
        Binding(scope: .global, command: .screen1, keys: [.char("1")], hint: nil, help: ("Requirements screen", "需求页")),
        Binding(scope: .global, command: .screen2, keys: [.char("2")], hint: nil, help: ("Vendors screen", "供应商页")),
        Binding(scope: .global, command: .screen3, keys: [.char("3")], hint: nil, help: ("Budget screen", "预算页")),
        Binding(scope: .global, command: .screen4, keys: [.char("4")], hint: nil, help: ("Contracts screen", "合同页")),
        Binding(scope: .global, command: .nextScreen, keys: [.tab], hint: nil, help: ("Next screen", "下一页")),
        Binding(scope: .global, command: .prevScreen, keys: [.backTab], hint: nil, help: ("Previous screen", "上一页")),
        Binding(scope: .global, command: .up, keys: [.up, .char("k")], hint: nil, help: ("Move up", "上移")),
        Binding(scope: .global, command: .down, keys: [.down, .char("j")], hint: nil, help: ("Move down", "下移")),
        Binding(scope: .global, command: .left, keys: [.left, .char("h")], hint: nil, help: ("Move left", "左移")),
        Binding(scope: .global, command: .right, keys: [.right, .char("l")], hint: nil, help: ("Move right", "右移")),
        Binding(scope: .global, command: .pageUp, keys: [.pageUp], hint: nil, help: ("Page up", "上一页")),
        Binding(scope: .global, command: .pageDown, keys: [.pageDown], hint: nil, help: ("Page down", "下一页")),
        Binding(scope: .global, command: .top, keys: [.home, .char("g")], hint: nil, help: ("First row", "第一行")),
        Binding(scope: .global, command: .bottom, keys: [.end, .char("G")], hint: nil, help: ("Last row", "最后一行")),
        Binding(scope: .global, command: .undo, keys: [.char("u")], hint: ("undo", "撤销"), help: ("Undo the last change", "撤销上一次修改")),
        Binding(scope: .global, command: .redo, keys: [.ctrl("r")], hint: nil, help: ("Redo", "重做")),
        Binding(scope: .global, command: .save, keys: [.ctrl("s")], hint: ("save", "保存"), help: ("Save the workspace", "保存工作区")),
        Binding(
            scope: .global, command: .commandLine, keys: [.char(":")], hint: nil,
            help: (
                "Command line (:w save, :q quit, :lang en|zh, :report [html|md] [FILE], :import requirements FILE, :reload)",
                "命令行 (:w 保存, :q 退出, :lang en|zh, :report [html|md] [文件], :import requirements 文件, :reload 读取他人的修改)"
            )),
        Binding(scope: .global, command: .help, keys: [.char("?")], hint: ("help", "帮助"), help: ("This help", "本帮助")),
        Binding(
            scope: .global, command: .quit, keys: [.char("q")], hint: ("quit", "退出"), help: ("Quit (asks when unsaved)", "退出 (未保存时询问)")),
        Binding(scope: .global, command: .cancel, keys: [.escape], hint: nil, help: ("Close what is open", "关闭当前窗口")),
        // Requirements
        Binding(scope: .requirements, command: .add, keys: [.char("a")], hint: ("add", "新增"), help: ("Add a requirement", "新增需求")),
        Binding(
            scope: .requirements, command: .edit, keys: [.enter, .char("e")], hint: ("edit", "编辑"),
            help: ("Edit the selected requirement", "编辑所选需求")),
        Binding(
            scope: .requirements, command: .delete, keys: [.char("d")], hint: ("delete", "删除"),
            help: ("Delete the selected requirement (asks first)", "删除所选需求 (先确认)")),
        Binding(
            scope: .requirements, command: .search, keys: [.char("/")], hint: ("search", "搜索"),
            help: ("Search titles, details, ids", "搜索标题、说明、编号")),
        Binding(scope: .requirements, command: .searchNext, keys: [.char("n")], hint: nil, help: ("Next match", "下一个匹配")),
        Binding(scope: .requirements, command: .searchPrev, keys: [.char("N")], hint: nil, help: ("Previous match", "上一个匹配")),
        Binding(
            scope: .requirements, command: .filterDepartmentNext, keys: [.char("]")], hint: ("dept", "部门"),
            help: ("Next department filter", "下一个部门筛选")),
        Binding(
            scope: .requirements, command: .filterDepartmentPrev, keys: [.char("[")], hint: nil,
            help: ("Previous department filter", "上一个部门筛选")),
        Binding(
            scope: .requirements, command: .survey, keys: [.char("s")], hint: ("survey", "部门调研"),
            help: ("Run a department's needs survey", "进行部门需求调研")),
        Binding(
            scope: .requirements, command: .duplicates, keys: [.char("m")], hint: ("merge", "合并"),
            help: ("Likely duplicates across departments, to merge", "跨部门可能重复的需求, 可合并")),
        Binding(
            scope: .requirements, command: .departments, keys: [.char("D")], hint: nil,
            help: ("Departments: add, edit, remove", "部门: 新增、编辑、删除")),
        Binding(
            scope: .requirements, command: .filterPriority, keys: [.char("f")], hint: ("priority", "优先级"),
            help: ("Cycle the priority filter", "切换优先级筛选")),
        Binding(scope: .requirements, command: .filterStatus, keys: [.char("S")], hint: nil, help: ("Cycle the status filter", "切换状态筛选")),
        Binding(scope: .requirements, command: .filterModule, keys: [.char("M")], hint: nil, help: ("Cycle the module filter", "切换模块筛选")),
        Binding(
            scope: .requirements, command: .sortNext, keys: [.char("o")], hint: ("sort", "排序"),
            help: ("Sort by id, priority, weight, department, module", "按编号、优先级、权重、部门、模块排序")),
        // Vendors
        Binding(scope: .vendors, command: .add, keys: [.char("a")], hint: ("add vendor", "新增供应商"), help: ("Add a vendor", "新增供应商")),
        Binding(
            scope: .vendors, command: .score, keys: [.enter], hint: ("score", "打分"),
            help: (
                "Score the selected cell (as the evaluator of --as); the lead, after the reveal: each evaluator's score and note",
                "为所选单元格打分 (以 --as 指定的评委身份); 主持人在揭晓后: 查看每位评委的评分和备注"
            )),
        Binding(scope: .vendors, command: .edit, keys: [.char("e")], hint: ("edit", "编辑"), help: ("Edit the selected vendor", "编辑所选供应商")),
        Binding(
            scope: .vendors, command: .reveal, keys: [.char("R")], hint: ("reveal", "揭晓"),
            help: ("Reveal (or hide) all evaluators' scores to the panel; saved at once", "向评审组揭晓 (或隐藏) 全部评委的评分; 立即保存")),
        Binding(
            scope: .vendors, command: .delete, keys: [.char("d")], hint: ("delete", "删除"),
            help: ("Delete the selected vendor (asks first)", "删除所选供应商 (先确认)")),
        Binding(
            scope: .vendors, command: .weightUp, keys: [.char("+"), .char("=")], hint: ("+/- weight", "+/- 权重"),
            help: ("Raise the selected criterion's weight", "提高所选准则的权重")),
        Binding(
            scope: .vendors, command: .weightDown, keys: [.char("-")], hint: nil,
            help: ("Lower the selected criterion's weight", "降低所选准则的权重")),
        Binding(
            scope: .vendors, command: .gates, keys: [.char("g")], hint: ("gates", "必须项"),
            help: ("The selected vendor's answers to the must-have gates (meets, partly, no)", "所选供应商对必须项的答复 (满足、部分满足、不满足)")),
        Binding(
            scope: .vendors, command: .ahp, keys: [.char("W")], hint: ("AHP", "AHP"),
            help: ("AHP editor for the selected criterion and its siblings (Saaty 1–9)", "所选准则及同级准则的 AHP 两两比较 (Saaty 1–9)")),
        Binding(
            scope: .vendors, command: .methodNext, keys: [.char("M")], hint: ("method", "方法"),
            help: ("Next scoring method (wsm, topsis, cn)", "切换评分方法 (wsm, topsis, cn)")),
        // Budget
        Binding(
            scope: .budget, command: .scenarioNext, keys: [.char("S")], hint: ("scenario", "情景"),
            help: ("Next named scenario (scenarios.csv); what-if keys start from it", "切换情景 (scenarios.csv); 假设调整从该情景开始")),
        Binding(
            scope: .budget, command: .prices, keys: [.char("p")], hint: ("prices", "报价"),
            help: ("The selected vendor's price lines: add, edit, delete", "所选供应商的报价行: 新增、编辑、删除")),
        Binding(
            scope: .budget, command: .cashFlow, keys: [.char("c")], hint: ("cash flow", "现金流"),
            help: ("Payment cash flow of all contracts by month, by quarter, or hidden", "全部合同的付款现金流: 按月、按季度或隐藏")),
        Binding(scope: .budget, command: .usersUp, keys: [.char("+")], hint: ("+/- users", "+/- 用户"), help: ("10 more users", "用户数 +10")),
        Binding(scope: .budget, command: .usersDown, keys: [.char("-")], hint: nil, help: ("10 fewer users", "用户数 -10")),
        Binding(scope: .budget, command: .yearsUp, keys: [.char("Y")], hint: ("y/Y years", "y/Y 年限"), help: ("One more year", "年限 +1")),
        Binding(scope: .budget, command: .yearsDown, keys: [.char("y")], hint: nil, help: ("One year less", "年限 -1")),
        Binding(
            scope: .budget, command: .escalationUp, keys: [.char("E")], hint: ("e/E escalation", "e/E 涨价"),
            help: ("Escalation +1 %", "涨价 +1%")),
        Binding(scope: .budget, command: .escalationDown, keys: [.char("e")], hint: nil, help: ("Escalation −1 %", "涨价 -1%")),
        Binding(
            scope: .budget, command: .discountUp, keys: [.char("R")], hint: ("r/R discount", "r/R 折现"),
            help: ("Discount rate +1 %", "折现率 +1%")),
        Binding(scope: .budget, command: .discountDown, keys: [.char("r")], hint: nil, help: ("Discount rate −1 %", "折现率 -1%")),
        // Contracts
        Binding(
            scope: .contracts, command: .setReviewStatus, keys: [.char("s")], hint: ("status", "设状态"),
            help: ("Cycle the review status of the selected clause (ok, negotiate, missing, n/a)", "切换所选条款的审查状态 (通过、协商中、缺失、不适用)")),
        Binding(
            scope: .contracts, command: .note, keys: [.char("n")], hint: ("note", "备注"),
            help: ("Write the reviewer's note on the clause", "填写条款的审查备注")),
        Binding(
            scope: .contracts, command: .changeOrders, keys: [.char("c")], hint: ("changes", "变更单"),
            help: ("The contract's change orders: add, edit, delete (the value is recomputed)", "本合同的变更单: 新增、编辑、删除 (价值随之重算)")),
        Binding(
            scope: .contracts, command: .risks, keys: [.char("r")], hint: ("risks", "风险"),
            help: ("The risk register: add, edit, delete risks and their early warnings", "风险登记册: 新增、编辑、删除风险及其预警")),
        Binding(
            scope: .contracts, command: .cyclePane, keys: [.char("v")], hint: ("view", "视图"),
            help: ("Right pane: text, key dates and change orders, risk heat map", "右侧: 正文、关键日期与变更单、风险热图")),
        Binding(
            scope: .contracts, command: .edit, keys: [.enter], hint: ("evidence", "查看证据"),
            help: ("Show the selected clause's evidence in the text", "在正文中查看所选条款的证据")),
        // Forms and dialogs
        Binding(scope: .form, command: .nextField, keys: [.tab, .down], hint: ("next field", "下一项"), help: ("Next field", "下一项")),
        Binding(scope: .form, command: .prevField, keys: [.backTab, .up], hint: nil, help: ("Previous field", "上一项")),
        Binding(
            scope: .form, command: .submit, keys: [.enter, .ctrl("s")], hint: ("save", "保存"),
            help: ("Save the form (Enter on the last field, or Ctrl-S)", "保存表单 (最后一项按 Enter, 或 Ctrl-S)")),
        Binding(scope: .form, command: .cancel, keys: [.escape], hint: ("cancel", "取消"), help: ("Cancel", "取消")),
    ]

    /// The command a key triggers in a scope (the scope's own bindings win over global ones).
    public static func command(for key: Key, in scope: Scope) -> Command? {
        if let b = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) { return b.command }
        if scope == .form { return nil }
        return bindings.first(where: { $0.scope == .global && $0.keys.contains(key) })?.command
    }

    /// Hint bar text for a scope: its own hints, then the global ones.
    public static func hints(for scope: Scope, lang: Lang) -> String {
        hintList(bindings.filter { $0.scope == scope } + (scope == .form ? [] : bindings.filter { $0.scope == .global }), lang)
    }

    /// The hint bar split in two: the scope's own hints (clipped first on a narrow terminal) and the
    /// global ones, which stay visible at the right end.
    public static func hintParts(for scope: Scope, lang: Lang) -> (local: String, global: String) {
        (hintList(bindings.filter { $0.scope == scope }, lang), hintList(bindings.filter { $0.scope == .global }, lang))
    }

    static func hintList(_ rows: [Binding], _ lang: Lang) -> String {
        rows.compactMap { b -> String? in
            guard let h = b.hint else { return nil }
            let text = lang.t(h.en, h.zh)
            // Paired keys carry their own labels ("+/- users").
            return text.contains("/") ? text : "\(b.keys[0].label) \(text)"
        }.joined(separator: "  ")
    }

    /// Help rows (keys, description) for a scope followed by the global ones.
    public static func helpRows(for scope: Scope, lang: Lang) -> [(keys: String, text: String)] {
        let rows = bindings.filter { $0.scope == scope } + bindings.filter { $0.scope == .global && scope != .global }
        return rows.map { (keys: $0.keys.map(\.label).joined(separator: " "), text: lang.t($0.help.en, $0.help.zh)) }
    }

    /// The key list as a Markdown table (the README's key list is generated from this).
    public static func markdown() -> String {
        var out = ""
        for scope in Scope.allCases {
            out += "\n**\(scope.rawValue)**\n\n| keys | action |\n|---|---|\n"
            for b in bindings where b.scope == scope {
                let text = "\(b.help.en) / \(b.help.zh)".replacingOccurrences(of: "|", with: "\\|")
                out += "| \(b.keys.map { "`\($0.label)`" }.joined(separator: " ")) | \(text) |\n"
            }
        }
        return out
    }
}
