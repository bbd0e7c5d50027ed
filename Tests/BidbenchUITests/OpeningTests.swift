import BidbenchCore
import Testing

@testable import BidbenchUI

/// Opening draws its first frame before the gate answers are read, the workspace checked and the
/// vendors ranked (issue 18): what is not ready says so, nothing is changed or saved before the
/// host says the workspace is open, and the end state is the one a synchronous opening gives.
@Suite struct OpeningTests {
    static let today = Day(year: 2026, month: 11, day: 29)

    /// The workspace as the first frame has it: everything but the gate answers.
    func withoutGates(_ ws: Workspace) -> Workspace {
        var first = ws
        first.gates = []
        return first
    }

    /// A workspace with gate answers (R01 and R02 are must-haves): V2 does not meet R02.
    func gated() -> Workspace {
        var ws = sampleWorkspace()
        ws.gates = [
            GateAnswer(vendor: "V1", requirement: "R01", answer: .meets), GateAnswer(vendor: "V1", requirement: "R02", answer: .meets),
            GateAnswer(vendor: "V2", requirement: "R01", answer: .meets), GateAnswer(vendor: "V2", requirement: "R02", answer: .no),
        ]
        return ws
    }

    /// The state the terminal opens with (gates, checks and ranking still to come).
    func opening(_ ws: Workspace, problems: [String] = []) -> AppState {
        AppState(
            workspace: withoutGates(ws), location: "/tmp/ws", problems: problems, lang: .zh, width: 100, height: 30, today: Self.today,
            checking: true)
    }

    /// The state a synchronous opening gives (everything known at once).
    func synchronous(_ ws: Workspace, problems: [String] = []) -> AppState {
        AppState(workspace: ws, location: "/tmp/ws", problems: problems, lang: .zh, width: 100, height: 30, today: Self.today)
    }

    /// Runs every job among `effects` as the host would, feeding the results back.
    func runJobs(_ s: inout AppState, _ effects: [Effect]) {
        for case .compute(let job) in effects { _ = App.reduce(&s, App.perform(job)) }
    }

    @Test func theFirstFrameSaysComputingThenTheRealValuesArrive() {
        var s = opening(gated())
        s.screen = .vendors
        let first = App.render(s).text
        #expect(first.contains("正在计算排名"))
        #expect(first.contains("检查中…"))
        // No total, rank or bar before the ranking: the 得分 and 排名 rows are absent.
        #expect(!first.contains("得分"))
        #expect(!first.contains("排名 "))
        #expect(s.vendors.cache == nil)

        let work = App.reduce(&s, .opened(workspace: gated(), problems: []))
        #expect(work.count == 1)
        #expect(!s.checking && !s.readOnly)
        #expect(App.render(s).text.contains("正在计算排名"))
        runJobs(&s, work)
        var reference = synchronous(gated())
        reference.screen = .vendors
        #expect(App.render(s).text == App.render(reference).text)
        // The gate answers the first frame did without count: V2 fails R02 and is knocked out.
        #expect(App.render(s).text.contains("淘汰"))
        #expect(s.workspace == gated() && s.base == gated())
    }

    /// `q` while the opening is still checked quits at once (nothing can be unsaved yet); with a
    /// dialog open it is text or an answer, and another key is not a quit.
    @Test func quitDoesNotWaitForTheCheck() {
        var s = opening(gated())
        #expect(App.quitsAtOnce(s, .char("q")))
        #expect(!App.quitsAtOnce(s, .char("x")))
        #expect(!App.quitsAtOnce(s, .char("/")))
        _ = App.reduce(&s, .key(.char("/")))  // the search prompt: q is typed into it
        #expect(s.modal != nil)
        #expect(!App.quitsAtOnce(s, .char("q")))
        var opened = synchronous(gated())
        opened.workspace.requirements[0].title += "（改）"
        opened.dirty = true
        #expect(!App.quitsAtOnce(opened, .char("q")), "unsaved: q asks first")
    }

    @Test func nothingChangesBeforeTheWorkspaceIsOpenAndWhatWasTypedStays() {
        var s = opening(gated())
        _ = App.reduce(&s, .key(.enter))  // the edit form of R01
        _ = App.reduce(&s, .key(.char("X")))
        guard case .form(let typed)? = s.modal else {
            Issue.record("no form")
            return
        }
        _ = App.reduce(&s, .key(.ctrl("s")))
        // Refused with the reason; the form stays open with what was typed.
        guard case .form(let after)? = s.modal else {
            Issue.record("the form closed")
            return
        }
        #expect(after.fields.map(\.value) == typed.fields.map(\.value))
        #expect(after.fields.contains { $0.value.contains("X") })
        #expect(after.error == "仍在打开: 正在检查工作区 (稍候); 检查完成前不能修改或保存")
        #expect(s.workspace == withoutGates(gated()))
        #expect(!s.dirty)
        // Ctrl-S on the screen writes nothing and says why; `:w` and `:report` likewise.
        _ = App.reduce(&s, .key(.escape))
        _ = App.reduce(&s, .key(.char("y")))
        #expect(s.modal == nil)
        #expect(App.reduce(&s, .key(.ctrl("s"))).isEmpty)
        #expect(s.message == s.readOnlyReason)
        for command in ["w", "report", "export requirements", "reload"] {
            _ = App.reduce(&s, .key(.char(":")))
            for c in command { _ = App.reduce(&s, .key(.char(c))) }
            #expect(App.reduce(&s, .key(.enter)).isEmpty)
            #expect(s.message == s.readOnlyReason)
        }
        // The gates dialog waits for the gate answers.
        _ = App.reduce(&s, .key(.char("2")))
        _ = App.reduce(&s, .key(.char("g")))
        #expect(s.modal == nil)

        // Once open, the same edit goes through and saves.
        runJobs(&s, App.reduce(&s, .opened(workspace: gated(), problems: [])))
        _ = App.reduce(&s, .key(.char("1")))
        _ = App.reduce(&s, .key(.enter))
        _ = App.reduce(&s, .key(.char("X")))
        _ = App.reduce(&s, .key(.ctrl("s")))
        #expect(s.dirty)
        #expect(App.reduce(&s, .key(.ctrl("s"))) == [.save(s.workspace, force: false)])
        #expect(s.workspace.gates == gated().gates)
    }

    @Test func problemsFoundByTheCheckEndAsASynchronousOpeningWould() {
        let problems = ["gates.csv:5: vendor: “V9” 不是 vendors.csv 中的供应商编号"]
        var s = opening(gated())
        runJobs(&s, App.reduce(&s, .opened(workspace: gated(), problems: problems)))
        let reference = synchronous(gated(), problems: problems)
        #expect(s.readOnly && s.modal == .problems)
        #expect(App.render(s).text == App.render(reference).text)
        #expect(s.vendors.cache?.evaluation == reference.vendors.cache?.evaluation)
        // And Ctrl-S then says why nothing is written, as it would have.
        _ = App.reduce(&s, .key(.escape))
        #expect(App.reduce(&s, .key(.ctrl("s"))).isEmpty)
        #expect(s.message == s.readOnlyReason)
        #expect(s.readOnlyReason.hasPrefix("只读"))
    }

    @Test func aLockProblemShowsAtOnceAndStaysAfterOpening() {
        let lock = ["另一个 Bidbench 正在使用此工作区"]
        var s = opening(gated(), problems: lock)
        #expect(s.modal == .problems)
        #expect(App.render(s).lines[0].contains("只读"))
        runJobs(&s, App.reduce(&s, .opened(workspace: gated(), problems: lock)))
        #expect(App.render(s).text == App.render(synchronous(gated(), problems: lock)).text)
    }
}
