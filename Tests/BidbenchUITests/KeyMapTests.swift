import BidbenchCore
import Testing

@testable import BidbenchUI

/// The one key map: every key a screen or dialog handles is in it, no key is silently ignored, and
/// what is shown (hint bar, help) depends on who uses it.
@Suite struct KeyMapTests {
    /// The hint bar keeps its order and shows every whole hint that fits: one too long for the rest
    /// of the row is left out, and a shorter one after it still goes in (nine columns stood empty at
    /// 80 in the user pass where `] 部门` fitted). Nothing is cut mid-hint.
    @Test func hintsThatFitAreShownAfterOneThatDoesNot() {
        #expect(App.fitHints("a add  Enter edit", width: 20) == "a add  Enter edit")
        #expect(App.fitHints("a add  PgDn/PgUp read  n note", width: 14) == "a add  n note")
        #expect(App.fitHints("/ 搜索  ? 帮助与全部按键  ] 部门", width: 14) == "/ 搜索  ] 部门")
        #expect(App.fitHints("PgDn/PgUp read", width: 5) == "")
    }

    /// Every key a person can press: printable ASCII, a few Chinese and full-width characters, and
    /// the special keys.
    static let allKeys: [Key] =
        (32...126).map { Key.char(Character(Unicode.Scalar($0)!)) } + ["高", "８"].map { Key.char($0) }
        + "abcdefknrsu".map { Key.ctrl($0) }
        + [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .escape, .tab, .backTab, .backspace, .delete, .f(1), .f(5)]

    /// A workspace with something in every dialog: a contract with change orders, risks, gates, prices.
    static func workspace() -> Workspace {
        var ws = sampleWorkspace()
        ws.contracts = [
            Contract(
                id: "C1", vendor: "V2", title: "订阅服务协议", file: "contracts/C1.md", effective: Day(iso: "2027-02-01"), termMonths: 12,
                value: Money(units: 286_000))
        ]
        ws.contractTexts["contracts/C1.md"] = "第一条 服务内容\n乙方向甲方提供服务。"
        ws.changes = [
            ChangeOrder(contract: "C1", id: "CO1", date: Day(iso: "2027-03-10"), description: "新增模块", priceDelta: Money(units: 40_000))
        ]
        ws.risks = [Risk(id: "RK01", type: .technical, title: "接口延期", likelihood: 3, impact: 4)]
        ws.prices = [
            PriceLine(vendor: "V1", item: "许可", category: .license, model: .one_time, unitPrice: Money(units: 100_000), quantity: 1)
        ]
        ws.criteria += [Criterion(id: "svc", name: "服务 Service", weight: 0.1)]
        return ws
    }

    /// Each place to test, as the keys that open it from the start.
    static let places: [(name: String, keys: [Key])] = [
        ("requirements", []), ("vendors", [.char("2")]), ("budget", [.char("3")]), ("contracts", [.char("4")]),
        ("delivery empty", [.char("5")]),
        ("form", [.char("a")]), ("form choice", [.char("a"), .tab]), ("form discard", [.char("a"), .char("x"), .escape]),
        ("prompt", [.char("/")]), ("confirm", [.char("d")]), ("help", [.char("?")]),
        ("survey pick", [.char("s")]), ("survey", [.char("s"), .enter]), ("duplicates", [.char("m")]), ("departments", [.char("D")]),
        ("gates", [.char("2"), .char("g")]), ("ahp", [.char("2"), .char("W")]), ("prices", [.char("3"), .char("p")]),
        ("risks", [.char("4"), .char("r")]), ("changes", [.char("4"), .char("c")]),
    ]

    static func open(_ keys: [Key]) -> Driver {
        var d = Driver(workspace())
        for k in keys { d.press(k) }
        d.state.message = nil
        return d
    }

    /// The state without the message line, to tell whether a key did anything else.
    static func essence(_ s: AppState) -> AppState {
        var t = s
        t.message = nil
        t.messageIsError = false
        return t
    }

    @Test(arguments: places.map(\.name))
    func everyKeyAPlaceHandlesIsInTheKeyMap(place: String) {
        let keys = Self.places.first { $0.name == place }!.keys
        let start = Self.open(keys)
        let scopes = App.place(start.state)
        for key in Self.allKeys {
            var d = start
            d.press(key)
            let didSomething = Self.essence(d.state) != Self.essence(start.state) || !d.effects.isEmpty
            let bound = KeyMap.binding(for: key, in: scopes) != nil
            let typed: Bool = {
                if case .char = key { return scopes.contains { $0.typesText } }
                return false
            }()
            if didSomething {
                #expect(bound || typed, "‹\(key.label)› changes \(place) but is not in the key map for \(scopes)")
            } else if !bound {
                // Nothing silently ignored: a key that is not bound here says so.
                #expect(d.state.message != nil, "‹\(key.label)› does nothing and says nothing in \(place)")
            }
        }
    }

    @Test func everyDialogScopeHasItsBindingsAndNoKeyTwice() {
        for scope in Scope.allCases {
            let list = KeyMap.bindings.filter { $0.scope == scope }
            #expect(!list.isEmpty, "\(scope) has no bindings")
            let keys = list.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "a key is bound twice in \(scope)")
        }
    }

    @Test func hintBarShowsOnlyWhatWorksNowAndHelpSaysWhy() {
        var d = Driver()
        d.press(.char("2"))
        // The lead: adds vendors; Enter (after the reveal) opens the cell by evaluator, Esc closes it.
        var bar = d.screen.lines.last!
        #expect(bar.contains("a 新增供应商"))
        d.press(.enter)
        #expect(d.state.modal == .cellDetail(CellDetailState(vendor: "V1", criterion: "func")))
        d.press(.escape)
        #expect(d.state.modal == nil)
        // An evaluator's session (--as 张伟): scores, and the lead's keys are gone from the bar and say why.
        d = Driver(evaluator: "张伟")
        d.press(.char("2"))
        bar = d.screen.lines.last!
        #expect(bar.contains("Enter 打分"))
        #expect(!bar.contains("a 新增供应商"))
        d.press(.char("a"))
        #expect(d.state.message == "仅限主持人: 本会话以张伟身份打分 (不带 --as 启动即为主持人)")
        #expect(d.state.modal == nil)
        d.press(.char("?"))
        #expect(d.text.contains("新增供应商 — 仅限主持人"))
    }

    /// An evaluator's session writes only their own score sheet: every key that would change a
    /// shared table says "lead only" at the press (and is gone from the hint bar), and what slips
    /// past the key map (an import) is refused by the reducer, leaving the state as it was.
    @Test func anEvaluatorCannotChangeTheSharedTables() throws {
        var d = Driver(evaluator: "张伟")
        let ws = d.state.workspace
        let leadOnly = "仅限主持人: 本会话以张伟身份打分 (不带 --as 启动即为主持人)"
        #expect(!d.screen.lines.last!.contains("a 新增"))
        for key in [Key.char("a"), .enter, .char("e"), .char("d"), .char("s"), .char("m")] {
            d.state.message = nil
            d.press(key)
            #expect(d.state.message == leadOnly, "key \(key)")
            #expect(d.state.modal == nil, "key \(key)")
        }
        // An import's result (from `:import requirements FILE`) would replace the requirements.
        var imported = ws
        imported.requirements.removeLast()
        d.send(.replaced(workspace: imported, message: "imported"))
        #expect(d.state.workspace == ws)
        #expect(d.state.message == leadOnly)
        #expect(!d.state.dirty)
        // Scoring still works: the evaluator's own sheet changes.
        d.press(.char("2"), .enter)
        d.type("7")
        d.press(.enter)
        #expect(d.state.workspace.scores["张伟"]?.first { $0.vendor == "V1" }?.score == 7)
        #expect(d.state.message != leadOnly)
        #expect(d.state.dirty)
    }

    @Test func helpScrollsToItsLastLine() {
        var d = Driver(width: 80, height: 24)
        d.press(.char("?"))
        guard case .help(let scopes, _)? = d.state.modal else {
            Issue.record("no help")
            return
        }
        #expect(scopes == [.requirements, .global])
        let lines = App.overlayLines(d.state, d.state.modal!).lines
        #expect(lines.count > 24)
        #expect(!d.text.contains("关闭当前窗口"))  // the last global binding is below the fold
        d.press(.char("G"))
        #expect(d.text.contains("关闭当前窗口"))
        #expect(d.text.contains("共 \(lines.count) 行"))
        d.press(.escape)
        #expect(d.state.modal == nil)
    }

    @Test func dialogHelpListsTheDialogKeysAndReturnsToIt() {
        var d = Self.open([.char("D")])
        d.press(.char("?"))
        #expect(d.text.contains("部门 (D)"))
        #expect(d.text.contains("删除所选部门 (u 可撤销)"))
        d.press(.escape)
        #expect(d.state.modal == .departments(DepartmentsState()))
    }

    @Test func departmentsUndoWorksAsItsFooterSays() {
        var d = Self.open([.char("D")])
        d.press(.char("a"))
        d.type("信息部")
        d.press(.enter)
        #expect(d.state.workspace.departments.map(\.name) == ["财务部", "生产部", "信息部"])
        #expect(d.text.contains("u 撤销"))
        d.press(.char("u"))
        #expect(d.state.workspace.departments.map(\.name) == ["财务部", "生产部"])
        #expect(
            d.state.modal == .departments(DepartmentsState(selected: 1)) || d.state.modal == .departments(DepartmentsState(selected: 2)))
    }
}
