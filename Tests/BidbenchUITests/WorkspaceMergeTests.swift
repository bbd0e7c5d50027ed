import BidbenchCore
import Testing

@testable import BidbenchUI

/// The whole-workspace three-way merge behind `bidbench resolve` (a git merge stopped on the tables).
@Suite struct WorkspaceMergeTests {
    /// Mine and theirs each added R04 (two clones took the next id) and changed other parts: mine's
    /// R04 moves to R05 with its gate answer, every one-sided change is taken, a sheet only theirs
    /// changed is theirs, and a contract text changed on one side only merges file by file.
    @Test func bothSidesAddTheSameIdAndOneSidedChangesMerge() {
        let base = sampleWorkspace()
        var mine = base
        mine.requirements.append(Requirement(id: "R04", department: "D02", module: "MES", title: "条码追溯到批次", priority: .must, weight: 3))
        mine.gates.append(GateAnswer(vendor: "V1", requirement: "R04", answer: .meets))
        mine.requirements[0].weight = 4
        mine.contractTexts["contracts/c1.md"] = "第一条 甲方"
        var theirs = base
        theirs.requirements.append(Requirement(id: "R04", department: "D01", module: "总账", title: "多币种月末重估", priority: .should, weight: 2))
        theirs.requirements[2].priority = .could
        theirs.scores["李娜"]![1].score = 5
        theirs.contractTexts["contracts/c2.md"] = "Clause 1"
        let r = WorkspaceMerge.merge(base: base, mine: mine, theirs: theirs, prefer: nil, lang: .en)
        #expect(r.renumbered.map { "\($0.from)→\($0.to)" } == ["R04→R05"])
        #expect(r.conflicts.isEmpty)
        #expect(r.merged.requirements.map(\.id) == ["R01", "R02", "R03", "R05", "R04"])
        #expect(r.merged.requirements.map(\.title).suffix(2) == ["条码追溯到批次", "多币种月末重估"])
        #expect(r.merged.requirements[0].weight == 4 && r.merged.requirements[2].priority == .could)
        #expect(r.merged.gates == [GateAnswer(vendor: "V1", requirement: "R05", answer: .meets)])
        #expect(r.merged.scores["李娜"]![1].score == 5 && r.merged.scores["张伟"] == base.scores["张伟"])
        #expect(r.merged.contractTexts == ["contracts/c1.md": "第一条 甲方", "contracts/c2.md": "Clause 1"])
        #expect(r.taken.map(\.file) == ["requirements.csv", "scores/李娜.csv", "contracts/c2.md"])
        #expect(r.taken.map(\.rows) == [2, nil, nil])
    }

    /// A row both sides changed differently is listed with both versions; without a preference the
    /// merge keeps mine there (and must not be written), `.theirs` takes theirs in that row only, and
    /// rows changed on one side still merge either way.
    @Test func aRowBothSidesChangedIsAConflictResolvedOnlyAsAsked() {
        let base = sampleWorkspace()
        var mine = base
        mine.requirements[0].weight = 4
        mine.requirements[1].weight = 1
        var theirs = base
        theirs.requirements[0].weight = 3
        theirs.requirements[2].weight = 2
        let open = WorkspaceMerge.merge(base: base, mine: mine, theirs: theirs, prefer: nil, lang: .en)
        #expect(open.conflicts.map(\.file) == ["requirements.csv"])
        #expect(open.conflicts[0].lines.count == 1 && open.conflicts[0].lines[0].hasPrefix("R01"))
        #expect(open.merged.requirements.map(\.weight) == [4, 1, 2])
        let taken = WorkspaceMerge.merge(base: base, mine: mine, theirs: theirs, prefer: .theirs, lang: .en)
        #expect(taken.merged.requirements.map(\.weight) == [3, 1, 2])
        let kept = WorkspaceMerge.merge(base: base, mine: mine, theirs: theirs, prefer: .mine, lang: .en)
        #expect(kept.merged.requirements.map(\.weight) == [4, 1, 2])
        // A contract text both changed: the file whole is the conflict.
        var m2 = base
        m2.contractTexts["contracts/c1.md"] = "mine"
        var t2 = base
        t2.contractTexts["contracts/c1.md"] = "theirs!"
        let text = WorkspaceMerge.merge(base: base, mine: m2, theirs: t2, prefer: nil, lang: .en)
        #expect(text.conflicts.map(\.file) == ["contracts/c1.md"])
        #expect(text.conflicts[0].lines == ["first difference at line 1:", "yours: “mine”", "theirs: “theirs!”"])
        #expect(
            WorkspaceMerge.merge(base: base, mine: m2, theirs: t2, prefer: .theirs, lang: .en).merged.contractTexts["contracts/c1.md"]
                == "theirs!")
    }

    /// A row both sides changed in different fields merges field by field (the row-level merge kept
    /// one side's row whole and lost the other's edit: user test pass); so do the settings. Only a
    /// field both changed differently is a conflict, and a side's choice decides that field alone.
    @Test func rowsAndSettingsBothSidesChangedMergeFieldByField() {
        var base = sampleWorkspace()
        base.settings.horizonYears = 5
        var mine = base
        mine.requirements[0].weight = 4
        mine.requirements[1].title = "按工单归集实际成本（含委外）"
        mine.requirements[1].priority = .could
        mine.settings.fiscalYearStart = "04-01"
        mine.scores["张伟"]![0].note = "演示流畅"
        var theirs = base
        theirs.requirements[0].title = "多币种凭证自动折算与重估"
        theirs.requirements[1].priority = .should
        theirs.settings.horizonYears = 9
        theirs.scores["张伟"]![0].score = 6
        let r = WorkspaceMerge.merge(base: base, mine: mine, theirs: theirs, prefer: nil, lang: .en)
        #expect(r.merged.requirements[0].weight == 4 && r.merged.requirements[0].title == "多币种凭证自动折算与重估")
        #expect(r.merged.settings.fiscalYearStart == "04-01" && r.merged.settings.horizonYears == 9)
        #expect(r.merged.scores["张伟"]![0].score == 6 && r.merged.scores["张伟"]![0].note == "演示流畅")
        // R02: the title only mine changed is kept on both versions; the priority is the conflict.
        #expect(r.conflicts.map(\.file) == ["requirements.csv"])
        #expect(r.conflicts[0].mine.requirements[1].title == "按工单归集实际成本（含委外）")
        #expect(r.conflicts[0].theirs.requirements[1].title == "按工单归集实际成本（含委外）")
        #expect(r.conflicts[0].mine.requirements[1].priority == .could && r.conflicts[0].theirs.requirements[1].priority == .should)
        let taken = WorkspaceMerge.merge(base: base, mine: mine, theirs: theirs, prefer: .theirs, lang: .en)
        #expect(taken.merged.requirements[1].title == "按工单归集实际成本（含委外）" && taken.merged.requirements[1].priority == .should)
        #expect(taken.merged.requirements[0].weight == 4)
    }

    /// A helper's pass: legal set a contract `active`, finance corrected its value, in two clones; the
    /// row was a conflict and either choice lost one change. Contract rows merge field by field.
    @Test func aContractRowMergesFieldByField() {
        var base = sampleWorkspace()
        base.contracts = [
            Contract(id: "C2", vendor: "V1", title: "维保", file: "contracts/c2.md", value: Money(minor: 28_600_000), status: "review")
        ]
        var mine = base
        mine.contracts[0].value = Money(minor: 30_000_000)
        var theirs = base
        theirs.contracts[0].status = "active"
        let r = WorkspaceMerge.merge(base: base, mine: mine, theirs: theirs, prefer: nil, lang: .en)
        #expect(r.conflicts.isEmpty)
        #expect(r.merged.contracts.map { "\($0.value.minor) \($0.status)" } == ["30000000 active"])
        // Both sides changing the status differently is still the conflict, named by its field.
        var other = base
        other.contracts[0].status = "signed"
        mine.contracts[0].status = "active"
        let c = WorkspaceMerge.merge(base: base, mine: mine, theirs: other, prefer: nil, lang: .en)
        #expect(c.conflicts.map(\.file) == ["contracts.csv"])
        #expect(c.conflicts[0].theirs.contracts[0].value.minor == 30_000_000)
    }

    /// Each clone's survey created its department as D03: mine's becomes D04 with its requirements.
    /// A score sheet deleted on one side and changed on the other is a choice of the sheet whole:
    /// `.mine` keeps it deleted, `.theirs` takes theirs' sheet (it came back empty: user test pass).
    @Test func departmentsAddedTwiceMoveAndADeletedSheetIsChosenWhole() {
        let base = sampleWorkspace()
        var mine = base
        mine.departments.append(Department(id: "D03", name: "采购部"))
        mine.requirements.append(Requirement(id: "R04", department: "D03", module: "SRM", title: "供应商门户"))
        mine.scores["李娜"] = nil
        var theirs = base
        theirs.departments.append(Department(id: "D03", name: "质量部"))
        theirs.requirements.append(Requirement(id: "R05", department: "D03", module: "QMS", title: "8D 报告"))
        theirs.scores["李娜"]![0].score = 2
        let r = WorkspaceMerge.merge(base: base, mine: mine, theirs: theirs, prefer: nil, lang: .en)
        #expect(r.renumbered.map { "\($0.from)→\($0.to)" } == ["D03→D04"])
        #expect(r.merged.departments.map { "\($0.id) \($0.name)" } == ["D01 财务部", "D02 生产部", "D04 采购部", "D03 质量部"])
        #expect(r.merged.requirements.suffix(2).map { "\($0.id) \($0.department)" } == ["R04 D04", "R05 D03"])
        #expect(r.conflicts.map(\.file) == ["scores/李娜.csv"])
        #expect(WorkspaceMerge.merge(base: base, mine: mine, theirs: theirs, prefer: .mine, lang: .en).merged.scores["李娜"] == nil)
        #expect(
            WorkspaceMerge.merge(base: base, mine: mine, theirs: theirs, prefer: .theirs, lang: .en).merged.scores["李娜"]
                == theirs.scores["李娜"])
    }

    /// A contract text both changed is shown by the first line that differs, whole.
    @Test func aContractTextConflictShowsTheFirstLineThatDiffers() {
        #expect(
            WorkspaceMerge.textLines("第一条 甲方\n第二条 付款 30 天\n", "第一条 甲方\n第二条 付款 45 天\n", .zh)
                == ["第 2 行起不同:", "你的: “第二条 付款 30 天”", "他们的: “第二条 付款 45 天”"])
        #expect(WorkspaceMerge.textLines(nil, "x", .en) == ["yours deleted it; theirs changed it"])
    }

    /// Two clones each registered a bidder as V3: mine's moves to V4 with its price, gate answer and
    /// scores (theirs keeps V3), so no price ends up on the other clone's vendor (user test pass).
    @Test func vendorsAddedTwiceMoveWithTheirPricesGatesAndScores() {
        let base = sampleWorkspace()
        var mine = base
        mine.vendors.append(Vendor(id: "V3", name: "金蝶软件", bidPrice: Money(units: 900_000)))
        mine.prices.append(PriceLine(vendor: "V3", item: "金蝶云许可", category: .license, model: .one_time, unitPrice: Money(units: 900_000)))
        mine.gates.append(GateAnswer(vendor: "V3", requirement: "R01", answer: .partly))
        mine.scores["张伟"]!.append(Score(vendor: "V3", criterion: "func", score: 7))
        var theirs = base
        theirs.vendors.append(Vendor(id: "V3", name: "用友网络", bidPrice: Money(units: 1_200_000)))
        let r = WorkspaceMerge.merge(base: base, mine: mine, theirs: theirs, prefer: nil, lang: .en)
        #expect(r.renumbered.map { "\($0.from)→\($0.to)" } == ["V3→V4"])
        #expect(r.conflicts.isEmpty)
        #expect(r.merged.vendors.map { "\($0.id) \($0.name)" } == ["V1 云帆软件", "V2 智链科技", "V4 金蝶软件", "V3 用友网络"])
        #expect(r.merged.prices.map(\.vendor) == ["V4"])
        #expect(r.merged.gates == [GateAnswer(vendor: "V4", requirement: "R01", answer: .partly)])
        #expect(r.merged.scores["张伟"]!.map(\.vendor) == ["V1", "V2", "V4"])
    }
}
