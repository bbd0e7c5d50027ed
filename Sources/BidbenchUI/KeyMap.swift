import Foundation

/// Where a binding works: a screen, a dialog, or a kind of input inside one. `App.place` says which
/// scopes apply now (the first one that binds a key wins).
public enum Scope: String, Sendable, CaseIterable {
    case global, requirements, vendors, budget, contracts, delivery
    /// A record form; `formChoice` when the focused field is a choice, `formDiscard` while Esc asks.
    case form, formChoice, formDiscard
    /// Editing a line of text (forms, the `/` and `:` prompts, survey answers).
    case textEditing
    case prompt, confirm, changedOnDisk
    /// The help overlay, the problems found at opening and message lists: text to read.
    case overlay
    case surveyPick, survey, duplicates, departments, gates, ahp, prices, risks, changes
    /// The Delivery screen's lists: acceptance tests, tickets, training sessions and results, SLA terms, handover, availability.
    case acceptanceTests, tickets, training, trainingResults, slaTerms, handover, availability
    /// After the reveal: one cell by evaluator; files changed both here and on disk.
    case cellDetail, diskConflict

    /// Printable keys that no binding of the scope takes are typed as text.
    public var typesText: Bool { self == .form || self == .formChoice || self == .prompt || self == .survey }

    /// The heading of the scope in help and in the README.
    public var title: (en: String, zh: String) {
        switch self {
        case .global: return ("Everywhere", "全局")
        case .requirements: return ("Requirements screen", "需求页")
        case .vendors: return ("Vendors screen", "供应商页")
        case .budget: return ("Budget screen", "预算页")
        case .contracts: return ("Contracts screen", "合同页")
        case .delivery: return ("Delivery screen", "交付页")
        case .form: return ("Forms", "表单")
        case .formChoice: return ("A choice field of a form", "表单中的选择项")
        case .formDiscard: return ("Esc on a changed form", "在已修改的表单上按 Esc")
        case .textEditing: return ("Editing text", "编辑文字")
        case .prompt: return ("Search (/) and command (:) line", "搜索 (/) 与命令 (:) 行")
        case .confirm: return ("Yes/no questions", "确认问题")
        case .changedOnDisk: return ("Files changed on disk", "磁盘上的文件已被修改")
        case .overlay: return ("Help, problems and messages", "帮助、问题与消息")
        case .surveyPick: return ("Survey: choosing the department", "调研: 选择部门")
        case .survey: return ("Survey questions", "调研问题")
        case .duplicates: return ("Likely duplicates (m)", "可能重复的需求 (m)")
        case .departments: return ("Departments (D)", "部门 (D)")
        case .gates: return ("Must-have gates (g)", "必须项 (g)")
        case .ahp: return ("AHP editor (W)", "AHP 编辑 (W)")
        case .prices: return ("Price lines (p)", "报价行 (p)")
        case .risks: return ("Risk register (r)", "风险登记册 (r)")
        case .changes: return ("Change orders (c)", "变更单 (c)")
        case .acceptanceTests: return ("Acceptance tests (t)", "验收测试 (t)")
        case .tickets: return ("Support tickets (i)", "支持工单 (i)")
        case .training: return ("Training sessions (s)", "培训场次 (s)")
        case .trainingResults: return ("A session's results (r in the sessions)", "场次成绩 (在培训场次中按 r)")
        case .slaTerms: return ("SLA terms and availability target (S)", "SLA 条款与可用率目标 (S)")
        case .handover: return ("Exit and handover checklist (H)", "终止与移交清单 (H)")
        case .availability: return ("Monthly availability (A)", "月度可用率 (A)")
        case .cellDetail: return ("A cell by evaluator (Enter, after the reveal)", "单元格的各评委评分 (揭晓后 Enter)")
        case .diskConflict: return ("Changed here and on disk", "本机与磁盘上都有修改")
        }
    }
}

/// What a key does, named after intent.
public enum Command: String, Sendable, CaseIterable {
    case quit, help, save, undo, redo, commandLine, cancel, close, handout
    case screen1, screen2, screen3, screen4, screen5, nextScreen, prevScreen
    case up, down, left, right, pageUp, pageDown, top, bottom
    case add, edit, delete, search, searchNext, searchPrev
    case filterPriority, filterDepartmentNext, filterDepartmentPrev
    case methodNext, weightUp, weightDown, reveal
    case usersUp, usersDown, yearsUp, yearsDown, escalationUp, escalationDown, growthUp, growthDown, discountUp, discountDown, whatIfBack
    case nextField, prevField, submit, submitAndSave, choiceNext, choicePrev, details
    case reviewOK, reviewNegotiate, reviewMissing, reviewNA, reviewClear, prevContract, nextContract, textLineDown, textLineUp
    case survey, duplicates, departments, score, note, cyclePane, scenarioNext, gates, ahp, filterStatus, filterModule, sortNext, prices,
        cashFlow, risks, changeOrders, editTerms, clauseFlags
    // Delivery
    case acceptanceTests, supportTickets, trainingSessions, recordReview, slaTerms, handoverChecklist, monthlyAvailability
    case trainingResults, toggleDone, availabilityTarget
    // Text editing
    case cursorLeft, cursorRight, lineStart, lineEnd, deleteBack, deleteForward, clearToStart, clearToEnd
    // Dialogs
    case yes, no, reloadFromDisk, overwrite, answerMeets, answerPartly, answerNo, answerClear, keepLeft, keepRight
    case judgementUp, judgementDown, directWeights, nextQuestion, prevQuestion, finishSurvey, pick
    case keepMine, takeTheirs
}

/// What a binding needs to work; a binding whose need is not met is left out of the hint bar, and
/// help and the key itself say why.
public enum Need: Sendable, Equatable {
    /// Only the lead (a session without `--as`).
    case lead
    /// Only an evaluator (`--as NAME`).
    case evaluator
    /// Not while the workspace is read-only.
    case writable
}

/// One row of the key map: the keys, the short label for the hint bar and the description for help.
public struct Binding: Sendable {
    public var scope: Scope
    public var command: Command
    public var keys: [Key]
    public var hint: (en: String, zh: String)?
    public var help: (en: String, zh: String)
    public var needs: [Need]

    public init(
        scope: Scope, command: Command, keys: [Key], hint: (en: String, zh: String)?, help: (en: String, zh: String), needs: [Need] = []
    ) {
        self.scope = scope
        self.command = command
        self.keys = keys
        self.hint = hint
        self.help = help
        self.needs = needs
    }
}

/// What a key means in a place.
public enum Resolution: Equatable, Sendable {
    case command(Command, Scope)
    /// The key is bound here but cannot be used now; the reason says why.
    case unavailable(String)
    case unbound
}

/// The one key map, for screens and dialogs. The hint bar, the `?` overlay, the dialogs' footers and
/// the README's key list all come from it, and every dialog reads its keys through it.
public enum KeyMap {
    /// The usual keys of a list dialog of records, in a scope; `noun` names a record.
    static func listBindings(_ scope: Scope, _ noun: (en: String, zh: String)) -> [Binding] {
        let article = noun.en.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        return [
            Binding(scope: scope, command: .up, keys: [.up, .char("k")], hint: nil, help: ("Move up", "上移")),
            Binding(scope: scope, command: .down, keys: [.down, .char("j")], hint: nil, help: ("Move down", "下移")),
            Binding(scope: scope, command: .top, keys: [.home, .char("g")], hint: nil, help: ("First row", "第一行")),
            Binding(scope: scope, command: .bottom, keys: [.end, .char("G")], hint: nil, help: ("Last row", "最后一行")),
            Binding(
                scope: scope, command: .add, keys: [.char("a")], hint: ("add", "新增"), help: ("Add \(article) \(noun.en)", "新增\(noun.zh)"),
                needs: [.writable]),
            Binding(
                scope: scope, command: .edit, keys: [.enter, .char("e")], hint: ("edit", "编辑"),
                help: ("Edit the selected \(noun.en)", "编辑所选\(noun.zh)"), needs: [.writable]),
            Binding(
                scope: scope, command: .delete, keys: [.char("d")], hint: ("delete", "删除"),
                help: ("Delete the selected \(noun.en) (u brings it back)", "删除所选\(noun.zh) (u 可撤销)"), needs: [.writable]),
        ] + dialogCommon(scope)
    }

    /// Undo, save, help and close, in every list dialog.
    static func dialogCommon(_ scope: Scope) -> [Binding] {
        [
            Binding(
                scope: scope, command: .undo, keys: [.char("u")], hint: ("undo", "撤销"), help: ("Undo the last change", "撤销上一次修改"),
                needs: [.writable]),
            // Redo where undo is (it was refused in every dialog: user test pass).
            Binding(scope: scope, command: .redo, keys: [.ctrl("r")], hint: nil, help: ("Redo", "重做"), needs: [.writable]),
            Binding(scope: scope, command: .save, keys: [.ctrl("s")], hint: nil, help: ("Save the workspace", "保存工作区"), needs: [.writable]),
            Binding(scope: scope, command: .help, keys: [.char("?"), .f(1)], hint: nil, help: ("Keys of this dialog", "本窗口的按键")),
            Binding(scope: scope, command: .close, keys: [.escape, .char("q")], hint: ("close", "关闭"), help: ("Close", "关闭")),
        ]
    }

    public static let bindings: [Binding] = screenBindings + dialogBindings

    static let screenBindings: [Binding] = [
        // Global
        Binding(scope: .global, command: .screen1, keys: [.char("1")], hint: nil, help: ("Requirements screen", "需求页")),
        Binding(scope: .global, command: .screen2, keys: [.char("2")], hint: nil, help: ("Vendors screen", "供应商页")),
        Binding(scope: .global, command: .screen3, keys: [.char("3")], hint: nil, help: ("Budget screen", "预算页")),
        Binding(scope: .global, command: .screen4, keys: [.char("4")], hint: nil, help: ("Contracts screen", "合同页")),
        Binding(scope: .global, command: .screen5, keys: [.char("5")], hint: nil, help: ("Delivery screen", "交付页")),
        Binding(scope: .global, command: .nextScreen, keys: [.tab], hint: nil, help: ("Next screen", "下一个页面")),
        Binding(scope: .global, command: .prevScreen, keys: [.backTab], hint: nil, help: ("Previous screen", "上一个页面")),
        Binding(scope: .global, command: .up, keys: [.up, .char("k")], hint: nil, help: ("Move up", "上移")),
        Binding(scope: .global, command: .down, keys: [.down, .char("j")], hint: nil, help: ("Move down", "下移")),
        Binding(scope: .global, command: .left, keys: [.left, .char("h")], hint: nil, help: ("Move left", "左移")),
        Binding(scope: .global, command: .right, keys: [.right, .char("l")], hint: nil, help: ("Move right", "右移")),
        Binding(scope: .global, command: .pageUp, keys: [.pageUp], hint: nil, help: ("Page up", "向上翻页")),
        Binding(scope: .global, command: .pageDown, keys: [.pageDown], hint: nil, help: ("Page down", "向下翻页")),
        Binding(scope: .global, command: .top, keys: [.home, .char("g")], hint: nil, help: ("First row", "第一行")),
        Binding(scope: .global, command: .bottom, keys: [.end, .char("G")], hint: nil, help: ("Last row", "最后一行")),
        Binding(
            scope: .global, command: .undo, keys: [.char("u")], hint: ("undo", "撤销"), help: ("Undo the last change", "撤销上一次修改"),
            needs: [.writable]),
        Binding(scope: .global, command: .redo, keys: [.ctrl("r")], hint: nil, help: ("Redo", "重做")),
        Binding(
            scope: .global, command: .save, keys: [.ctrl("s")], hint: ("save", "保存"), help: ("Save the workspace", "保存工作区"),
            needs: [.writable]),
        Binding(
            scope: .global, command: .handout, keys: [.ctrl("p")], hint: nil,
            help: (
                "Write this screen's meeting handout (as :report: survey, scoring, budget, legal or delivery)",
                "写出本页会议的纪要 (同 :report: 调研、评分、预算、法务或交付)"
            )),
        Binding(
            scope: .global, command: .commandLine, keys: [.char(":")], hint: nil,
            help: (
                "Command line (:w save, :q quit, :lang en|zh, :meeting, :report [KIND] [html|md] [FILE], :scenario save NAME, :export KIND [machine] [FILE], :import requirements FILE, :reload, what-ifs :users 137 :years 7 :escalation 4.5% :growth 8% :rate 6%)",
                "命令行 (:w 保存, :q 退出, :lang en|zh, :meeting 登记会议, :report [种类] [html|md] [文件], :scenario save 名称, :export 表名 [machine] [文件], :import requirements 文件, :reload 读取他人的修改, 假设 :users 137 :years 7 :escalation 4.5% :growth 8% :rate 6%)"
            )),
        Binding(
            scope: .global, command: .help, keys: [.char("?"), .f(1)], hint: ("help", "帮助"),
            help: ("All keys of this place, with why a key is off", "本处全部按键, 及不可用的原因")),
        Binding(
            scope: .global, command: .quit, keys: [.char("q")], hint: ("quit", "退出"), help: ("Quit (asks when unsaved)", "退出 (未保存时询问)")),
        Binding(scope: .global, command: .cancel, keys: [.escape], hint: nil, help: ("Close what is open", "关闭当前窗口")),
        // Requirements
        Binding(
            scope: .requirements, command: .add, keys: [.char("a")], hint: ("add", "新增"), help: ("Add a requirement", "新增需求"),
            needs: [.writable]),
        Binding(
            scope: .requirements, command: .edit, keys: [.enter, .char("e")], hint: ("edit", "编辑"),
            help: ("Edit the selected requirement", "编辑所选需求"), needs: [.lead]),
        Binding(
            scope: .requirements, command: .delete, keys: [.char("d")], hint: ("delete", "删除"),
            help: ("Delete the selected requirement (asks first)", "删除所选需求 (先确认)"), needs: [.writable]),
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
            help: ("Run a department's needs survey", "进行部门需求调研"), needs: [.writable]),
        Binding(
            scope: .requirements, command: .duplicates, keys: [.char("m")], hint: ("merge", "合并"),
            help: ("Likely duplicates across departments, to merge", "跨部门可能重复的需求, 可合并"), needs: [.writable]),
        Binding(
            scope: .requirements, command: .departments, keys: [.char("D")], hint: nil,
            help: ("Departments: add, edit, remove", "部门: 新增、编辑、删除")),
        Binding(
            scope: .requirements, command: .filterPriority, keys: [.char("f")], hint: ("priority", "优先级"),
            help: ("Cycle the priority filter", "切换优先级筛选")),
        Binding(
            scope: .requirements, command: .details, keys: [.char("i")], hint: nil,
            help: ("The selected requirement whole (what the pane below cannot show)", "所选需求的全部内容 (下方窗格放不下时)")),
        Binding(scope: .requirements, command: .filterStatus, keys: [.char("S")], hint: nil, help: ("Cycle the status filter", "切换状态筛选")),
        Binding(scope: .requirements, command: .filterModule, keys: [.char("M")], hint: nil, help: ("Cycle the module filter", "切换模块筛选")),
        Binding(
            scope: .requirements, command: .sortNext, keys: [.char("o")], hint: ("sort", "排序"),
            help: ("Sort by id, priority, weight, department, module", "按编号、优先级、权重、部门、模块排序")),
        // Vendors
        Binding(
            scope: .vendors, command: .add, keys: [.char("a")], hint: ("add vendor", "新增供应商"), help: ("Add a vendor", "新增供应商"),
            needs: [.lead, .writable]),
        Binding(
            scope: .vendors, command: .score, keys: [.enter], hint: ("score", "打分"),
            help: (
                "Score the selected cell (as the evaluator of --as); the lead, after the reveal: each evaluator's score and note",
                "为所选单元格打分 (以 --as 指定的评委身份); 主持人在揭晓后: 查看每位评委的评分和备注"
            )),
        Binding(
            scope: .vendors, command: .edit, keys: [.char("e")], hint: ("edit", "编辑"), help: ("Edit the selected vendor", "编辑所选供应商"),
            needs: [.lead, .writable]),
        Binding(
            scope: .vendors, command: .reveal, keys: [.char("R")], hint: ("reveal", "揭晓"),
            help: ("Reveal (or hide) all evaluators' scores to the panel; saved at once", "向评审组揭晓 (或隐藏) 全部评委的评分; 立即保存"),
            needs: [.lead, .writable]),
        Binding(
            scope: .vendors, command: .note, keys: [.char("n")], hint: ("discuss", "讨论"),
            help: (
                "The panel's discussion note on the selected cell (after the reveal): shown in the cell detail and printed under the cell in the scoring handout",
                "评审组对所选单元格的讨论记录 (揭晓后): 显示在单元格详情中, 并印在评标会纪要的该格之下"
            ), needs: [.lead, .writable]),
        Binding(
            scope: .vendors, command: .delete, keys: [.char("d")], hint: ("delete", "删除"),
            help: ("Delete the selected vendor (asks first)", "删除所选供应商 (先确认)"), needs: [.lead, .writable]),
        Binding(
            scope: .vendors, command: .weightUp, keys: [.char("+"), .char("=")], hint: ("+/- weight", "+/- 权重"),
            help: ("Raise the selected criterion's weight", "提高所选准则的权重"), needs: [.lead, .writable]),
        Binding(
            scope: .vendors, command: .weightDown, keys: [.char("-")], hint: nil,
            help: ("Lower the selected criterion's weight", "降低所选准则的权重"), needs: [.lead, .writable]),
        Binding(
            scope: .vendors, command: .gates, keys: [.char("g")], hint: ("gates", "必须项"),
            // Open to evaluators, to read (a meeting pass: their screen said `g 查看全部`, and `g` was
            // refused); answering is the lead's (the gates dialog is a shared scope).
            help: (
                "The selected vendor's answers to the must-have gates (meets, partly, no; evaluators read them)",
                "所选供应商对必须项的答复 (满足、部分满足、不满足; 评委可查看)"
            )
        ),
        Binding(
            scope: .vendors, command: .ahp, keys: [.char("W")], hint: ("AHP", "AHP"),
            help: ("AHP editor for the selected criterion and its siblings (Saaty 1–9)", "所选准则及同级准则的 AHP 两两比较 (Saaty 1–9)"), needs: [.lead]),
        Binding(
            scope: .vendors, command: .methodNext, keys: [.char("M")], hint: ("method", "方法"),
            help: ("Next scoring method (wsm, topsis, cn)", "切换评分方法 (wsm, topsis, cn)"), needs: [.lead, .writable]),
        // Budget
        Binding(
            scope: .budget, command: .scenarioNext, keys: [.char("S")], hint: ("scenario", "情景"),
            help: ("Next named scenario (scenarios.csv); what-if keys start from it", "切换情景 (scenarios.csv); 假设调整从该情景开始")),
        Binding(
            scope: .budget, command: .prices, keys: [.char("p")], hint: ("prices", "报价"),
            help: ("The selected vendor's price lines: add, edit, delete", "所选供应商的报价行: 新增、编辑、删除")),
        Binding(
            scope: .budget, command: .pageDown, keys: [.pageDown], hint: nil,
            help: ("Scroll what is under the vendor table when it is longer than the screen", "供应商表下方内容超出屏幕时向下翻")),
        Binding(scope: .budget, command: .pageUp, keys: [.pageUp], hint: nil, help: ("Scroll it back up", "向上翻")),
        Binding(
            scope: .budget, command: .cashFlow, keys: [.char("c")], hint: ("cash flow", "现金流"),
            help: ("Payment cash flow of all contracts by month, by quarter, or hidden", "全部合同的付款现金流: 按月、按季度或隐藏")),
        Binding(
            scope: .budget, command: .usersUp, keys: [.char("+")], hint: ("+/- users", "+/- 用户"),
            help: ("10 more users (:users N sets any number)", "用户数 +10 (:users N 直接输入)")),
        Binding(scope: .budget, command: .usersDown, keys: [.char("-")], hint: nil, help: ("10 fewer users", "用户数 -10")),
        Binding(
            scope: .budget, command: .yearsUp, keys: [.char("Y")], hint: ("y/Y years", "y/Y 年限"),
            help: ("One more year (:years N)", "年限 +1 (:years N)")),
        Binding(scope: .budget, command: .yearsDown, keys: [.char("y")], hint: nil, help: ("One year less", "年限 -1")),
        Binding(
            scope: .budget, command: .escalationUp, keys: [.char("E")], hint: ("e/E escalation", "e/E 涨价"),
            help: ("Escalation +1 % (:escalation 4.5%)", "涨价 +1% (:escalation 4.5%)")),
        Binding(scope: .budget, command: .escalationDown, keys: [.char("e")], hint: nil, help: ("Escalation −1 %", "涨价 -1%")),
        Binding(
            scope: .budget, command: .growthUp, keys: [.char("W")], hint: ("w/W growth", "w/W 增长"),
            help: ("User growth +1 % a year (:growth 8%)", "用户年增长 +1% (:growth 8%)")),
        Binding(scope: .budget, command: .growthDown, keys: [.char("w")], hint: nil, help: ("User growth −1 % a year", "用户年增长 -1%")),
        Binding(
            scope: .budget, command: .discountUp, keys: [.char("R")], hint: ("r/R discount", "r/R 折现"),
            help: ("Discount rate +1 % (:rate 6%)", "折现率 +1% (:rate 6%)")),
        Binding(scope: .budget, command: .discountDown, keys: [.char("r")], hint: nil, help: ("Discount rate −1 %", "折现率 -1%")),
        Binding(
            scope: .budget, command: .whatIfBack, keys: [.char("u")], hint: ("u step back", "u 回退"),
            help: (
                "Step the last what-if change back (:users, :years, :escalation, :growth, :rate set them); with none left, undo",
                "回退上一次假设调整 (:users, :years, :escalation, :growth, :rate 直接设置); 没有时撤销修改"
            )),
        // Contracts
        Binding(
            scope: .contracts, command: .reviewOK, keys: [.char("o")], hint: ("o/t/x/- status", "o/t/x/- 状态"),
            help: ("Review status of the selected clause: ok", "所选条款的审查状态: 通过"), needs: [.writable]),
        Binding(
            scope: .contracts, command: .reviewNegotiate, keys: [.char("t")], hint: nil,
            help: ("Review status: negotiate (talk it over)", "审查状态: 协商中"), needs: [.writable]),
        Binding(
            scope: .contracts, command: .reviewMissing, keys: [.char("x")], hint: nil,
            help: ("Review status: missing", "审查状态: 缺失"), needs: [.writable]),
        Binding(
            scope: .contracts, command: .reviewNA, keys: [.char("-")], hint: nil,
            help: ("Review status: not applicable", "审查状态: 不适用"), needs: [.writable]),
        Binding(
            scope: .contracts, command: .reviewClear, keys: [.delete, .backspace], hint: nil,
            help: ("Clear the review status (not reviewed)", "清除审查状态 (未审查)"), needs: [.writable]),
        Binding(
            scope: .contracts, command: .prevContract, keys: [.char("[")], hint: ("[/] contract", "[/] 合同"),
            help: ("Previous contract", "上一份合同")),
        Binding(scope: .contracts, command: .nextContract, keys: [.char("]")], hint: nil, help: ("Next contract", "下一份合同")),
        Binding(
            scope: .contracts, command: .textLineDown, keys: [.char("J")], hint: ("J/K line", "J/K 滚动"),
            help: ("Scroll the text one line down", "正文下滚一行")),
        Binding(
            scope: .contracts, command: .textLineUp, keys: [.char("K")], hint: nil,
            help: ("Scroll the text one line up", "正文上滚一行")),
        Binding(
            scope: .contracts, command: .pageDown, keys: [.pageDown, .char(" ")], hint: ("PgDn/PgUp read", "PgDn/PgUp 翻页"),
            help: ("Scroll the text one page down", "正文下翻一页")),
        Binding(
            scope: .contracts, command: .pageUp, keys: [.pageUp, .char("b")], hint: nil, help: ("Scroll the text one page up", "正文上翻一页")),
        Binding(
            scope: .contracts, command: .note, keys: [.char("n")], hint: ("note", "备注"),
            help: ("Write the reviewer's note on the clause (shown beside it)", "填写条款的审查备注 (显示在条款旁)"), needs: [.writable]),
        Binding(
            scope: .contracts, command: .editTerms, keys: [.char("e")], hint: ("terms", "条款"),
            help: (
                "Edit the contract's terms: status (record the signing), signed and effective dates, term, renewal, notice, value, warranty",
                "编辑合同条款: 状态 (登记签署)、签署与生效日期、期限、续约、通知期、价值、质保期"
            ), needs: [.writable]),
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
            scope: .contracts, command: .edit, keys: [.enter], hint: ("evidence", "证据"),
            help: ("Show the selected clause's evidence in the text", "在正文中查看所选条款的证据")),
        Binding(
            scope: .contracts, command: .clauseFlags, keys: [.char("f")], hint: ("flags", "红旗"),
            help: (
                "The selected clause's red flags, positions, note and key terms in full (scrollable)",
                "所选条款的红旗、立场、备注与关键条款全文 (可滚动)"
            )),
        // Delivery
        Binding(
            scope: .delivery, command: .add, keys: [.char("a")], hint: ("add task", "新增任务"), help: ("Add a task to the plan", "向计划新增任务"),
            needs: [.writable]),
        Binding(
            scope: .delivery, command: .edit, keys: [.enter, .char("e")], hint: ("edit", "编辑"),
            help: ("Edit the selected task (dates, status, dependencies)", "编辑所选任务 (日期、状态、前置任务)"), needs: [.writable]),
        Binding(
            scope: .delivery, command: .delete, keys: [.char("d")], hint: nil,
            help: ("Delete the selected task (u brings it back)", "删除所选任务 (u 可撤销)"),
            needs: [.writable]),
        Binding(
            scope: .delivery, command: .acceptanceTests, keys: [.char("t")], hint: ("tests", "验收"),
            help: (
                "Acceptance tests: record one, open one to set its result, date, tester, evidence", "验收测试: 记录, 或打开已有测试填写结果、日期、测试人、证据"
            )),
        Binding(
            scope: .delivery, command: .supportTickets, keys: [.char("i")], hint: ("tickets", "工单"),
            help: ("Support tickets: record one, open one to add its response or resolution", "支持工单: 记录, 或打开已有工单补填响应、解决时间")),
        Binding(
            scope: .delivery, command: .trainingSessions, keys: [.char("s")], hint: ("training", "培训"),
            help: ("Training sessions and each attendee's exam or practical score", "培训场次, 及每位学员的考试或实操成绩")),
        Binding(
            scope: .delivery, command: .slaTerms, keys: [.char("S")], hint: ("SLA", "SLA"),
            help: ("SLA terms per severity (response, resolution, penalty) and the availability target", "各故障级别的 SLA 条款 (响应、解决、违约金) 与可用率目标")
        ),
        Binding(
            scope: .delivery, command: .monthlyAvailability, keys: [.char("A")], hint: nil,
            help: ("Monthly availability against the target", "月度可用率 (对照目标)")),
        Binding(
            scope: .delivery, command: .handoverChecklist, keys: [.char("H")], hint: nil,
            help: ("Exit and handover checklist: tick items done, write notes", "终止与移交清单: 勾选完成, 填写备注")),
        Binding(
            scope: .delivery, command: .recordReview, keys: [.char("R")], hint: ("review", "考评"),
            help: ("Record the vendor's review for a period, pre-filled from the data", "记录本期供应商考评 (按数据预填)"), needs: [.writable]),
        Binding(
            scope: .delivery, command: .prevContract, keys: [.char("[")], hint: ("[/] contract", "[/] 合同"),
            help: ("Previous contract", "上一份合同")),
        Binding(scope: .delivery, command: .nextContract, keys: [.char("]")], hint: nil, help: ("Next contract", "下一份合同")),
        Binding(
            scope: .delivery, command: .pageDown, keys: [.pageDown], hint: nil,
            help: ("Scroll the pane down when it is longer than the screen", "窗格内容超出屏幕时向下翻")),
        Binding(scope: .delivery, command: .pageUp, keys: [.pageUp], hint: nil, help: ("Scroll the pane up", "窗格向上翻")),
        Binding(
            scope: .delivery, command: .cyclePane, keys: [.char("v")], hint: ("view", "视图"),
            help: ("Pane: overview, acceptance tests, support tickets, handover checklist", "视图: 概览、验收测试、支持工单、移交清单")),
    ]

    static let dialogBindings: [Binding] =
        [
            // Forms
            // Ctrl-S writes to disk everywhere, in a form too (it only closed the form, while in the
            // list dialogs it saved the workspace: an evaluator's score was not on disk: user test pass).
            Binding(
                scope: .form, command: .submit, keys: [.enter], hint: ("Enter done", "Enter 确定"),
                help: ("Take the form, from any field (Ctrl-S saves to disk too)", "确定表单 (任一项均可; Ctrl-S 同时保存到磁盘)")),
            Binding(
                scope: .form, command: .submitAndSave, keys: [.ctrl("s")], hint: ("Ctrl-S save", "Ctrl-S 保存"),
                help: ("Take the form and save the workspace to disk", "确定表单并保存工作区到磁盘")),
            // F1 lists the form's keys (in a form `?` is typed as text; F1 was refused: user test pass).
            Binding(scope: .form, command: .help, keys: [.f(1)], hint: nil, help: ("Keys of the form", "表单的按键")),
            Binding(scope: .form, command: .nextField, keys: [.tab, .down], hint: ("Tab next", "Tab 下一项"), help: ("Next field", "下一项")),
            Binding(scope: .form, command: .prevField, keys: [.backTab, .up], hint: nil, help: ("Previous field", "上一项")),
            Binding(
                scope: .form, command: .cancel, keys: [.escape], hint: ("Esc cancel", "Esc 取消"),
                help: ("Close the form (asks first when something was changed)", "关闭表单 (有修改时先询问)")),
            Binding(
                scope: .formChoice, command: .choiceNext, keys: [.right, .char(" ")], hint: ("type/←→ choose", "输入/←→ 选择"),
                help: (
                    "Next choice; or type the start of a choice (English, Chinese or pinyin initials; priorities also 1-4, 高/中/低)",
                    "下一个选项; 或输入选项开头 (英文、中文或拼音首字母; 优先级还可输入 1-4、高/中/低)"
                )),
            Binding(scope: .formChoice, command: .choicePrev, keys: [.left], hint: nil, help: ("Previous choice", "上一个选项")),
            Binding(
                scope: .formChoice, command: .deleteBack, keys: [.backspace], hint: nil, help: ("Take back a typed letter", "删除已输入的字母")),
            Binding(
                scope: .formChoice, command: .clearToStart, keys: [.ctrl("u")], hint: nil,
                help: ("Clear what was typed (the choice stays)", "清除已输入的文字 (选项不变)")),
            Binding(
                scope: .formDiscard, command: .yes, keys: [.char("y"), .char("Y")], hint: ("y discard", "y 放弃修改"),
                help: ("Discard the changes and close the form", "放弃修改并关闭表单")),
            Binding(
                scope: .formDiscard, command: .no, keys: [.char("n"), .char("N"), .escape], hint: ("n keep editing", "n 继续编辑"),
                help: ("Keep editing", "继续编辑")),
            Binding(
                scope: .formDiscard, command: .submitAndSave, keys: [.ctrl("s")], hint: ("Ctrl-S save", "Ctrl-S 保存"),
                help: ("Take the form and save the workspace to disk", "确定表单并保存工作区到磁盘")),
            Binding(scope: .formDiscard, command: .submit, keys: [.enter], hint: nil, help: ("Take the form", "确定表单")),
            // Text editing
            Binding(scope: .textEditing, command: .cursorLeft, keys: [.left, .ctrl("b")], hint: nil, help: ("Cursor left", "光标左移")),
            Binding(scope: .textEditing, command: .cursorRight, keys: [.right, .ctrl("f")], hint: nil, help: ("Cursor right", "光标右移")),
            Binding(scope: .textEditing, command: .lineStart, keys: [.home, .ctrl("a")], hint: nil, help: ("To the start", "到开头")),
            Binding(scope: .textEditing, command: .lineEnd, keys: [.end, .ctrl("e")], hint: nil, help: ("To the end", "到末尾")),
            Binding(
                scope: .textEditing, command: .deleteBack, keys: [.backspace], hint: nil,
                help: ("Delete before the cursor (on an untouched pre-filled value: clear it)", "删除光标前的字 (未动过的预填值: 整个清除)")),
            Binding(
                scope: .textEditing, command: .deleteForward, keys: [.delete, .ctrl("d")], hint: nil,
                help: ("Delete at the cursor", "删除光标处的字")),
            Binding(
                scope: .textEditing, command: .clearToStart, keys: [.ctrl("u")], hint: ("Ctrl-U clear", "Ctrl-U 清除"),
                help: ("Clear to the start", "清除到开头")),
            Binding(scope: .textEditing, command: .clearToEnd, keys: [.ctrl("k")], hint: nil, help: ("Clear to the end", "清除到末尾")),
            // Prompt
            Binding(
                scope: .prompt, command: .submit, keys: [.enter], hint: ("Enter run", "Enter 执行"),
                help: ("Search, or run the command", "搜索或执行命令")),
            Binding(scope: .prompt, command: .cancel, keys: [.escape], hint: ("Esc cancel", "Esc 取消"), help: ("Cancel", "取消")),
            // Yes/no
            Binding(scope: .confirm, command: .yes, keys: [.char("y"), .char("Y")], hint: ("y yes", "y 是"), help: ("Yes", "是")),
            Binding(scope: .confirm, command: .no, keys: [.char("n"), .char("N")], hint: ("n no", "n 否"), help: ("No", "否")),
            Binding(
                scope: .confirm, command: .cancel, keys: [.escape], hint: ("Esc cancel", "Esc 取消"),
                help: ("Cancel: change nothing", "取消: 不做任何修改")),
            // Changed on disk
            Binding(
                scope: .changedOnDisk, command: .reloadFromDisk, keys: [.char("r")], hint: ("r reload", "r 重新加载"),
                help: (
                    "Reload from disk (my unsaved edits are lost; who I am, the screen and what-ifs stay)", "从磁盘重新加载 (放弃未保存的修改; 身份、页面与假设保留)"
                )),
            Binding(
                scope: .changedOnDisk, command: .overwrite, keys: [.char("o")], hint: ("o overwrite", "o 覆盖"),
                help: ("Overwrite their changes with mine", "用我的修改覆盖他们的修改"), needs: [.writable]),
            Binding(
                scope: .changedOnDisk, command: .cancel, keys: [.escape, .char("c")], hint: ("Esc cancel", "Esc 取消"),
                help: ("Cancel the save", "取消保存")),
            // A cell by evaluator
            Binding(
                scope: .cellDetail, command: .close, keys: [.escape, .enter, .char("q")], hint: ("Esc close", "Esc 关闭"),
                help: ("Back to the matrix", "回到评分矩阵")),
            // Changed here and on disk
            Binding(
                scope: .diskConflict, command: .keepMine, keys: [.char("m"), .escape], hint: ("m keep mine", "m 保留我的"),
                help: ("Keep my version (the next save writes it over theirs)", "保留我的版本 (下次保存时覆盖磁盘上的)")),
            Binding(
                scope: .diskConflict, command: .takeTheirs, keys: [.char("t")], hint: ("t take theirs", "t 采用磁盘上的"),
                help: ("Take the version on disk (u brings mine back)", "采用磁盘上的版本 (按 u 恢复我的)")),
            Binding(scope: .diskConflict, command: .up, keys: [.up, .char("k")], hint: nil, help: ("Scroll the differences up", "差异上滚")),
            Binding(
                scope: .diskConflict, command: .down, keys: [.down, .char("j")], hint: nil, help: ("Scroll the differences down", "差异下滚")),
            Binding(scope: .diskConflict, command: .pageUp, keys: [.pageUp], hint: nil, help: ("Page up", "向上翻页")),
            Binding(scope: .diskConflict, command: .pageDown, keys: [.pageDown, .char(" ")], hint: nil, help: ("Page down", "向下翻页")),
            Binding(scope: .diskConflict, command: .top, keys: [.home, .char("g")], hint: nil, help: ("Top", "顶部")),
            Binding(scope: .diskConflict, command: .bottom, keys: [.end, .char("G")], hint: nil, help: ("Bottom", "底部")),
            // Overlays
            Binding(scope: .overlay, command: .up, keys: [.up, .char("k")], hint: nil, help: ("Scroll up", "上滚")),
            Binding(scope: .overlay, command: .down, keys: [.down, .char("j")], hint: ("↑↓ scroll", "↑↓ 滚动"), help: ("Scroll down", "下滚")),
            Binding(scope: .overlay, command: .pageUp, keys: [.pageUp], hint: nil, help: ("Page up", "向上翻页")),
            Binding(scope: .overlay, command: .pageDown, keys: [.pageDown, .char(" ")], hint: nil, help: ("Page down", "向下翻页")),
            Binding(scope: .overlay, command: .top, keys: [.home, .char("g")], hint: nil, help: ("Top", "顶部")),
            Binding(scope: .overlay, command: .bottom, keys: [.end, .char("G")], hint: nil, help: ("Bottom", "底部")),
            Binding(
                scope: .overlay, command: .close, keys: [.escape, .char("q"), .char("?"), .enter], hint: ("Esc close", "Esc 关闭"),
                help: ("Close", "关闭")),
            // Survey
            Binding(scope: .surveyPick, command: .up, keys: [.up, .char("k")], hint: nil, help: ("Previous department", "上一个部门")),
            Binding(scope: .surveyPick, command: .down, keys: [.down, .char("j")], hint: nil, help: ("Next department", "下一个部门")),
            Binding(
                scope: .surveyPick, command: .pick, keys: [.enter], hint: ("Enter start", "Enter 开始"),
                help: ("Survey this department", "调研此部门")),
            Binding(
                scope: .surveyPick, command: .close, keys: [.escape, .char("q")], hint: ("Esc close", "Esc 关闭"), help: ("Close", "关闭")),
            Binding(
                scope: .survey, command: .nextQuestion, keys: [.enter, .tab, .down], hint: ("Enter next", "Enter 下一题"),
                help: ("Next question (after the last: record the requirement and start over)", "下一题 (最后一题之后: 记录需求并重新开始)")),
            Binding(
                scope: .survey, command: .prevQuestion, keys: [.up, .backTab], hint: ("↑ back", "↑ 上一题"), help: ("Previous question", "上一题")
            ),
            Binding(
                scope: .survey, command: .finishSurvey, keys: [.escape], hint: ("Esc finish", "Esc 结束"),
                help: ("Finish: record what was answered and close", "结束: 记录已答内容并关闭")),
            // Duplicates
            Binding(scope: .duplicates, command: .up, keys: [.up, .char("k")], hint: nil, help: ("Move up", "上移")),
            Binding(scope: .duplicates, command: .down, keys: [.down, .char("j")], hint: nil, help: ("Move down", "下移")),
            Binding(
                scope: .duplicates, command: .keepLeft, keys: [.enter], hint: ("Enter keep left", "Enter 保留左侧"),
                help: ("Keep the left requirement and merge the right one into it", "保留左侧需求, 把右侧合并进来"), needs: [.writable]),
            Binding(
                scope: .duplicates, command: .keepRight, keys: [.char("r")], hint: ("keep right", "保留右侧"),
                help: ("Keep the right requirement and merge the left one into it", "保留右侧需求, 把左侧合并进来"), needs: [.writable]),
        ] + dialogCommon(.duplicates)
        + listBindings(.departments, ("department", "部门"))
        + [
            Binding(scope: .gates, command: .up, keys: [.up, .char("k")], hint: nil, help: ("Move up", "上移")),
            Binding(scope: .gates, command: .down, keys: [.down, .char("j")], hint: nil, help: ("Move down", "下移")),
            Binding(scope: .gates, command: .top, keys: [.home, .char("g")], hint: nil, help: ("First gate", "第一项")),
            Binding(scope: .gates, command: .bottom, keys: [.end, .char("G")], hint: nil, help: ("Last gate", "最后一项")),
            Binding(
                scope: .gates, command: .answerMeets, keys: [.char("y")], hint: ("y/p/x answer", "y/p/x 答复"),
                help: ("Answer: meets", "答复: 满足"),
                needs: [.writable]),
            Binding(
                scope: .gates, command: .answerPartly, keys: [.char("p")], hint: nil, help: ("Answer: partly", "答复: 部分满足"),
                needs: [.writable]),
            Binding(
                scope: .gates, command: .answerNo, keys: [.char("x")], hint: nil,
                help: ("Answer: does not meet — knocks the vendor out (asks first)", "答复: 不满足 — 淘汰该供应商 (先确认)"), needs: [.writable]),
            Binding(
                scope: .gates, command: .answerClear, keys: [.delete, .backspace], hint: nil, help: ("No answer", "清除答复"),
                needs: [.writable]),
            Binding(
                scope: .gates, command: .note, keys: [.char("n"), .enter], hint: ("n note", "n 说明"),
                help: ("Write the note of the answer", "填写答复的说明"),
                needs: [.writable]),
        ] + dialogCommon(.gates)
        + [
            Binding(scope: .ahp, command: .up, keys: [.up, .char("k")], hint: nil, help: ("Row up", "上一行")),
            Binding(scope: .ahp, command: .down, keys: [.down, .char("j")], hint: nil, help: ("Row down", "下一行")),
            Binding(scope: .ahp, command: .left, keys: [.left, .char("h")], hint: nil, help: ("Column left", "左一列")),
            Binding(
                scope: .ahp, command: .right, keys: [.right, .char("l")], hint: ("←↑↓→ cell", "←↑↓→ 单元格"), help: ("Column right", "右一列")),
            Binding(
                scope: .ahp, command: .judgementUp, keys: [.char("+"), .char("=")], hint: ("+/- judgement", "+/- 判断"),
                help: ("The row matters more than the column (Saaty 1–9)", "行比列更重要 (Saaty 1–9)"), needs: [.writable]),
            Binding(
                scope: .ahp, command: .judgementDown, keys: [.char("-")], hint: nil, help: ("The row matters less", "行不如列重要"),
                needs: [.writable]),
            Binding(
                scope: .ahp, command: .directWeights, keys: [.char("x")], hint: ("direct weights", "直接权重"),
                help: ("Back to direct weights (drops the matrix)", "改回直接权重 (删除矩阵)"), needs: [.writable]),
        ] + dialogCommon(.ahp)
        + listBindings(.prices, ("price line", "报价行"))
        + listBindings(.risks, ("risk", "风险"))
        + listBindings(.changes, ("change order", "变更单"))
        + listBindings(.acceptanceTests, ("acceptance test", "验收测试"))
        + listBindings(.tickets, ("ticket", "工单"))
        + [
            Binding(
                scope: .training, command: .trainingResults, keys: [.char("r")], hint: ("results", "成绩"),
                help: ("The selected session's results: each attendee's score", "所选场次的成绩: 每位学员的分数"))
        ]
        + listBindings(.training, ("training session", "培训场次"))
        + listBindings(.trainingResults, ("attendee's result", "学员成绩"))
        + [
            Binding(
                scope: .slaTerms, command: .availabilityTarget, keys: [.char("T")], hint: ("availability target", "可用率目标"),
                help: ("The contract's monthly availability target (empty: the one in its text)", "合同的月度可用率目标 (空: 以合同正文为准)"),
                needs: [.writable])
        ]
        + listBindings(.slaTerms, ("severity's terms", "级别条款"))
        + [
            Binding(
                scope: .handover, command: .toggleDone, keys: [.char(" "), .char("x")], hint: ("done", "完成"),
                help: ("Mark the selected item done (dated today) or open again", "将所选事项标为完成 (记今天日期) 或重新待办"), needs: [.writable])
        ]
        + listBindings(.handover, ("item of the contract's own", "自定义事项"))
        + listBindings(.availability, ("month", "月份"))

    /// The binding of `key` in the first of `scopes` that binds it (screens fall back to global keys).
    public static func binding(for key: Key, in scopes: [Scope]) -> Binding? {
        for scope in scopes {
            if let b = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) { return b }
        }
        return nil
    }

    /// The command a key triggers in a scope (a screen's own bindings win over global ones).
    public static func command(for key: Key, in scope: Scope) -> Command? {
        binding(for: key, in: fallback(scope))?.command
    }

    /// A scope and the scopes whose keys also work there.
    static func fallback(_ scope: Scope) -> [Scope] {
        switch scope {
        case .requirements, .vendors, .budget, .contracts, .delivery: return [scope, .global]
        case .form, .prompt, .survey: return [scope, .textEditing]
        case .formChoice: return [.formChoice, .form]
        default: return [scope]
        }
    }

    /// Places whose changes go to the shared tables, which only the lead writes: there a key that
    /// needs a writable workspace needs the lead too (an evaluator writes only their score sheet).
    static let sharedScopes: Set<Scope> = [
        .requirements, .budget, .contracts, .delivery, .surveyPick, .survey, .duplicates, .departments, .gates, .ahp, .prices,
        .risks, .changes, .acceptanceTests, .tickets, .training, .trainingResults, .slaTerms, .handover, .availability,
    ]

    /// What an evaluator is told when a key would change the shared tables.
    static func leadOnly(_ s: AppState) -> String {
        let who = s.evaluator ?? ""
        return s.lang.t(
            "Lead only: this session scores as \(who) (start without --as to lead)",
            "仅限主持人: 本会话以\(who)身份打分 (不带 --as 启动即为主持人)")
    }

    /// Why a binding does not work now, or nil when it does.
    public static func reason(_ b: Binding, _ s: AppState) -> String? {
        for need in b.needs {
            switch need {
            case .lead where s.evaluator != nil:
                return leadOnly(s)
            case .writable where s.evaluator != nil && sharedScopes.contains(b.scope):
                return leadOnly(s)
            case .evaluator where s.evaluator == nil:
                return s.lang.t("Evaluators only: start with --as NAME to score", "仅限评委: 请用 --as 姓名 启动后打分")
            case .writable where s.readOnly:
                return s.readOnlyReason
            default: continue
            }
        }
        return nil
    }

    /// What `key` means in the place of the state (`scopes`, first wins).
    public static func resolve(_ key: Key, in scopes: [Scope], _ s: AppState) -> Resolution {
        guard let b = binding(for: key, in: scopes) else { return .unbound }
        if let why = reason(b, s) { return .unavailable(why) }
        return .command(b.command, b.scope)
    }

    /// The hint bar split in two: the place's own hints that work now (clipped first on a narrow
    /// terminal) and the global ones, which stay visible at the right end.
    public static func hintParts(for scopes: [Scope], _ s: AppState) -> (local: String, global: String) {
        let usable = bindings.filter { reason($0, s) == nil }
        let local = scopes.filter { $0 != .global }.flatMap { sc in usable.filter { $0.scope == sc } }
        // A global key the place binds itself (u on the Budget screen) shows only the place's meaning.
        let taken = Set(scopes.filter { $0 != .global }.flatMap { sc in bindings.filter { $0.scope == sc }.flatMap(\.keys) })
        let global = usable.filter { $0.scope == .global && !taken.contains($0.keys[0]) }
        return (hintList(local, s), scopes.contains(.global) ? hintList(global, s) : "")
    }

    /// The hints of a place as one line (dialog footers).
    public static func hints(for scopes: [Scope], _ s: AppState) -> String {
        let p = hintParts(for: scopes, s)
        return [p.local, p.global].filter { !$0.isEmpty }.joined(separator: "  ")
    }

    /// The hint bar label of a binding now, or nil when it shows none: a few keys do something else,
    /// or nothing useful, as the panel is revealed or blind (README "Meeting mode").
    static func hint(_ b: Binding, _ s: AppState) -> (en: String, zh: String)? {
        guard b.scope == .vendors else { return b.hint }
        let revealed = s.workspace.settings.revealed
        switch b.command {
        // After the reveal `R` hides the scores again.
        case .reveal where revealed: return ("hide", "隐藏")
        // The lead does not score: while blind `Enter` only says so; after the reveal it opens the
        // cell's scores by evaluator.
        case .score where s.evaluator == nil: return revealed ? ("scores", "详情") : nil
        // A discussion note is about the scores: none before the reveal.
        case .note where !revealed: return nil
        default: return b.hint
        }
    }

    static func hintList(_ rows: [Binding], _ s: AppState) -> String {
        var seen = Set<String>()
        return rows.compactMap { b -> String? in
            guard let h = hint(b, s) else { return nil }
            let text = s.lang.t(h.en, h.zh)
            // Labels that carry their keys ("+/- users", "Enter/Ctrl-S save") are shown as they are.
            let ownKeys = text.contains("/") || text.hasPrefix(b.keys[0].label + " ") || text.first.map { !$0.isLetter } == true
            let item = ownKeys ? text : "\(b.keys[0].label) \(text)"
            return seen.insert(item).inserted ? item : nil
        }.joined(separator: "  ")
    }

    /// One row of help: the keys, what they do, and why they are off (nil when they work).
    public struct HelpRow: Equatable, Sendable {
        public var keys: String
        public var text: String
        public var off: String?
        /// A heading row (the scope's title) has no keys.
        public var heading: Bool
    }

    /// Help rows for a place: every binding of its scopes, under their titles, each with why it is off.
    public static func helpRows(for scopes: [Scope], _ s: AppState) -> [HelpRow] {
        var rows: [HelpRow] = []
        for scope in scopes {
            let list = bindings.filter { $0.scope == scope }
            guard !list.isEmpty else { continue }
            rows.append(HelpRow(keys: "", text: s.lang.t(scope.title.en, scope.title.zh), off: nil, heading: true))
            for b in list {
                rows.append(
                    HelpRow(
                        keys: b.keys.map(\.label).joined(separator: " "), text: s.lang.t(b.help.en, b.help.zh), off: reason(b, s),
                        heading: false))
            }
        }
        return rows
    }

    static func needText(_ b: Binding) -> String {
        let lead = b.needs.contains(.lead) || (b.needs.contains(.writable) && sharedScopes.contains(b.scope))
        return (lead ? " *(lead only / 仅主持人)*" : "") + (b.needs.contains(.evaluator) ? " *(evaluators only / 仅评委)*" : "")
    }

    /// The key list as Markdown tables, one per scope (the README's key list is generated from this).
    public static func markdown() -> String {
        var out = ""
        for scope in Scope.allCases {
            let list = bindings.filter { $0.scope == scope }
            guard !list.isEmpty else { continue }
            out += "\n**\(scope.title.en) / \(scope.title.zh)** (`\(scope.rawValue)`)\n\n| keys | action |\n|---|---|\n"
            for b in list {
                let text = "\(b.help.en) / \(b.help.zh)\(needText(b))".replacingOccurrences(of: "|", with: "\\|")
                out += "| \(b.keys.map { "`\($0.label)`" }.joined(separator: " ")) | \(text) |\n"
            }
        }
        return out
    }
}
