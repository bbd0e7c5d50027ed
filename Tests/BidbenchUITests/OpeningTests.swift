import BidbenchCore
import Testing

@testable import BidbenchUI

/// Opening draws its first frame before the workspace is checked and ranked (issue 18): what is
/// not ready says so, nothing is saved before the check passes, and the end state is the one a
/// synchronous opening gives.
@Suite struct OpeningTests {
    static let today = Day(year: 2026, month: 11, day: 29)

    /// The state the terminal opens with (checks and ranking still running).
    func opening(_ ws: Workspace = sampleWorkspace(), problems: [String] = []) -> AppState {
        AppState(
            workspace: ws, location: "/tmp/ws", problems: problems, lang: .zh, width: 100, height: 30, today: Self.today, checking: true)
    }

    /// The state a synchronous opening gives (everything known at once).
    func synchronous(_ ws: Workspace = sampleWorkspace(), problems: [String] = []) -> AppState {
        AppState(workspace: ws, location: "/tmp/ws", problems: problems, lang: .zh, width: 100, height: 30, today: Self.today)
    }

    /// Runs every job among `effects` as the host would, feeding the results back.
    func runJobs(_ s: inout AppState, _ effects: [Effect]) {
        for case .compute(let job) in effects { _ = App.reduce(&s, App.perform(job)) }
    }

    @Test func theFirstFrameSaysComputingThenTheRealValuesArrive() {
        var s = opening()
        s.screen = .vendors
        let first = App.render(s).text
        #expect(first.contains("正在计算排名"))
        #expect(first.contains("检查中…"))
        // No total, rank or bar before the ranking: "得分" and "排名" rows are absent.
        #expect(!first.contains("得分"))
        #expect(!first.contains("排名 "))
        #expect(s.vendors.cache == nil)

        let work = App.openingWork(s)
        #expect(work.count == 1)
        runJobs(&s, work)
        #expect(s.vendors.computing == nil)
        var reference = synchronous()
        reference.screen = .vendors
        // The matrix is the synchronous one; only the title bar still says the check is running.
        let ranked = App.render(s).lines
        let expected = App.render(reference).lines
        #expect(Array(ranked.dropFirst()) == Array(expected.dropFirst()))
        #expect(ranked[0].contains("检查中…"))

        _ = App.reduce(&s, .checked(problems: []))
        #expect(App.render(s).text == App.render(reference).text)
        #expect(!s.checking && !s.readOnly)
    }

    @Test func aRankingOfARevisionEditedSinceIsDropped() {
        var s = opening()
        let work = App.openingWork(s)
        // An edit before the ranking arrives (weight of the selected criterion on the Vendors screen).
        _ = App.reduce(&s, .key(.char("2")))
        #expect(App.render(s).text.contains("正在计算排名"))
        _ = App.reduce(&s, .key(.char("+")))
        runJobs(&s, work)
        // The old revision's figures are not shown: the screen ranked the edited workspace itself.
        #expect(s.vendors.cache?.key == VendorsScreen.cacheKey(s))
        var reference = synchronous()
        _ = App.reduce(&reference, .key(.char("2")))
        _ = App.reduce(&reference, .key(.char("+")))
        #expect(s.vendors.cache?.evaluation == reference.vendors.cache?.evaluation)
    }

    @Test func ctrlSBeforeTheCheckWritesNothingAndSavesWhenItPasses() {
        var s = opening()
        _ = App.reduce(&s, .key(.enter))  // edit R01
        for c in "X" { _ = App.reduce(&s, .key(.char(c))) }
        _ = App.reduce(&s, .key(.ctrl("s")))  // applies the form
        #expect(s.dirty)
        let edited = s.workspace
        #expect(edited.requirements[0].title == "X")
        let effects = App.reduce(&s, .key(.ctrl("s")))
        #expect(effects.isEmpty)
        #expect(s.saveWhenChecked)
        #expect(s.message == "仍在检查工作区: 检查通过后会立即保存")
        #expect(App.render(s).lines[0].contains("● 未保存 · 检查中…"))
        // `:w` waits the same way.
        _ = App.reduce(&s, .key(.char(":")))
        for c in "w" { _ = App.reduce(&s, .key(.char(c))) }
        #expect(App.reduce(&s, .key(.enter)).isEmpty)

        let after = App.reduce(&s, .checked(problems: []))
        #expect(after == [.save(edited, force: false)])
        #expect(!s.checking && !s.saveWhenChecked)
        #expect(s.workspace == edited)
    }

    @Test func quittingWithSaveBeforeTheCheckWaitsForIt() {
        var s = opening()
        _ = App.reduce(&s, .key(.char("a")))
        for c in "新需求" { _ = App.reduce(&s, .key(.char(c))) }
        _ = App.reduce(&s, .key(.ctrl("s")))
        #expect(s.dirty)
        _ = App.reduce(&s, .key(.char("q")))
        #expect(App.reduce(&s, .key(.char("y"))).isEmpty)
        #expect(s.quitAfterSave)
        let after = App.reduce(&s, .checked(problems: []))
        #expect(after == [.save(s.workspace, force: false)])
        #expect(App.reduce(&s, .saved(message: "ok")) == [.quit])
    }

    @Test func problemsFoundByTheCheckEndAsASynchronousOpeningWould() {
        let problems = ["gates.csv:2: vendor: “V9” 不是 vendors.csv 中的供应商编号"]
        var s = opening()
        runJobs(&s, App.openingWork(s))
        _ = App.reduce(&s, .checked(problems: problems))
        let reference = synchronous(problems: problems)
        #expect(s.readOnly && s.modal == .problems)
        #expect(App.render(s).text == App.render(reference).text)
        // And Ctrl-S then says why nothing is written, as it would have.
        _ = App.reduce(&s, .key(.escape))
        #expect(App.reduce(&s, .key(.ctrl("s"))).isEmpty)
        #expect(s.message == s.readOnlyReason)
    }

    @Test func editsMadeBeforeProblemsAreFoundStayOnScreenUnsaved() {
        var s = opening()
        _ = App.reduce(&s, .key(.enter))
        _ = App.reduce(&s, .key(.char("Y")))
        _ = App.reduce(&s, .key(.ctrl("s")))
        #expect(App.reduce(&s, .key(.ctrl("s"))).isEmpty)
        let effects = App.reduce(&s, .checked(problems: ["requirements.csv:3: department: “D9” 不是 departments.csv 中的部门编号"]))
        #expect(effects.isEmpty)
        #expect(s.readOnly)
        #expect(s.workspace.requirements[0].title == "Y")
        #expect(s.message?.hasPrefix("未保存: 检查发现文件中有 1 个问题") == true)
    }

    @Test func aScenarioIsNotSavedBeforeTheCheck() {
        var s = opening()
        _ = App.reduce(&s, .key(.char(":")))
        for c in "scenario save 乐观" { _ = App.reduce(&s, .key(.char(c))) }
        #expect(App.reduce(&s, .key(.enter)).isEmpty)
        #expect(s.message == "仍在检查工作区: 请稍后再保存情景")
        #expect(s.workspace.scenarios.isEmpty)
    }
}
