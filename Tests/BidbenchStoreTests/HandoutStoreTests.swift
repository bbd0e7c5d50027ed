import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// meetings.csv, the journal's view of the requirements at an earlier day, and the export for people.
@Suite struct HandoutStoreTests {
    @Test func meetingsAreSavedSortedAndReadBack() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var ws = loaded.workspace
        ws.meetings = [
            Meeting(id: "M10", kind: .legal, date: Day(iso: "2026-12-05"), title: "C2 合同审查", attendees: "陈律师、赵磊", lead: "赵磊"),
            Meeting(
                id: "M2", kind: .survey, date: Day(iso: "2026-11-20"), title: "生产部调研, 第一轮", attendees: "孙建国", lead: "赵磊",
                department: "生产部"),
        ]
        // What the survey meeting left, in requirements.csv's columns after the meeting's id, sorted by meeting then id.
        ws.meetingRequirements = [ws.requirements[2], ws.requirements[0]].map { MeetingRequirement(meeting: "M2", requirement: $0) }
        _ = try WorkspaceStore.save(ws, over: loaded, actor: "test")
        #expect(
            dir.text("meetings.csv") == """
                id,kind,date,title,attendees,lead,department
                M2,survey,2026-11-20,"生产部调研, 第一轮",孙建国,赵磊,生产部
                M10,legal,2026-12-05,C2 合同审查,陈律师、赵磊,赵磊,

                """)
        #expect(
            dir.text("meeting_requirements.csv") == """
                meeting,id,department,module,title,detail,priority,weight,acceptance,status,criterion,source
                M2,R1,D1,MES,工单追溯,"扫码报工
                支持 ""批次"" 追溯",must,0.35,100% 可追溯,confirmed,C1,生产部 2026-11-20 调研
                M2,R10,D1,MES,看板,,could,2.5,,draft,,

                """)
        let again = try WorkspaceStore.load(folder: dir.path)
        #expect(again.problems.isEmpty)
        #expect(again.workspace.meetingRequirements == ws.meetingRequirements.reversed())
        #expect(again.workspace.requirements(atMeeting: "M2")?.map(\.id) == ["R1", "R10"])
        #expect(again.workspace.meetings.map(\.id) == ["M2", "M10"])
        #expect(
            loaded.workspace.meetings == [
                Meeting(
                    id: "M1", kind: .survey, date: Day(iso: "2026-11-20"), title: "生产部需求调研", attendees: "孙建国, 王芳", lead: "赵磊",
                    department: "D1")
            ])
        #expect(again.workspace.meetings[1].attendeeList == ["陈律师", "赵磊"])
        #expect(loaded.workspace.requirements(atMeeting: "M1")?.map(\.title) == ["工单追溯"])
        #expect(again.workspace.meeting(.survey, before: Day(iso: "2026-12-05")!)?.id == "M2")
    }

    /// discussion.csv: written sorted by vendor then criterion, journaled with its key, read back;
    /// an unknown vendor or criterion is named by file, line and field.
    @Test func discussionNotesAreSavedJournaledAndChecked() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.workspace.discussion.isEmpty)
        var ws = loaded.workspace
        ws.discussion = [
            DiscussionNote(vendor: "V2", criterion: "C1", note: "复演后再定"), DiscussionNote(vendor: "V1", criterion: "C1", note: "演示流畅, 无异议"),
        ]
        _ = try WorkspaceStore.save(ws, over: loaded, actor: "lead")
        #expect(
            dir.text("discussion.csv") == """
                vendor,criterion,note
                V1,C1,"演示流畅, 无异议"
                V2,C1,复演后再定

                """)
        let chain = try #require(Journal.chains(folder: dir.path).first)
        let entry = try #require(dir.text(chain)?.split(separator: "\n").last.map(String.init))
        #expect(entry.contains(#""table":"discussion.csv","action":"create""#))
        #expect(entry.contains(#""added":["V1/C1","V2/C1"]"#))
        let again = try WorkspaceStore.load(folder: dir.path)
        #expect(again.problems.isEmpty)
        #expect(again.workspace.discussion == ws.discussion.reversed())
        #expect(again.workspace.discussionNote(vendor: "V2", criterion: "C1") == "复演后再定")

        dir.write("discussion.csv", "vendor,criterion,note\nV1,C1,好\nV9,C1,谁\nV2,C7,哪项\nV1,C1,重复\n")
        let bad = try WorkspaceStore.load(folder: dir.path)
        #expect(
            bad.problems.map(\.description) == [
                "discussion.csv:3: vendor: \"V9\" is not a vendor id in vendors.csv",
                "discussion.csv:4: criterion: \"C7\" is not a criterion id in criteria.csv",
                "discussion.csv:5: criterion: duplicate vendor, criterion pair \"V1, C1\" (first on line 2)",
            ])
    }

    /// A scenarios.csv row named like the base scenario (基准 / base) would show two base scenarios.
    @Test func aScenarioNamedLikeTheBaseIsAProblemWithItsLine() throws {
        let dir = Fixture.folder()
        dir.write("scenarios.csv", "name,years,users,growth,escalation,discount_rate\n扩张,,150,,,\n基准,6,,,,\n Base ,,,,,\n")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(
            loaded.problems.map(\.description) == [
                "scenarios.csv:3: name: \"基准\" is the base scenario's name (base/基准, from workspace.json): give this row another name",
                "scenarios.csv:4: name: \" Base \" is the base scenario's name (base/基准, from workspace.json): give this row another name",
            ])
    }

    @Test func aMeetingOfUnknownKindIsAProblemWithItsLine() throws {
        let dir = Fixture.folder()
        dir.write("meetings.csv", "id,kind,date,title,attendees,lead\nM1,survey,2026-11-20,调研,,\nM2,lunch,2026-11-21,午餐,,\n")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(
            loaded.problems.map(\.description) == ["meetings.csv:3: kind: \"lunch\" is not one of survey, scoring, budget, legal, delivery"]
        )
    }

    /// The journal undoes an edit saved after the day asked for.
    @Test func requirementsAsOfAnEarlierDayComeBackFromTheJournal() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        let original = loaded.workspace.requirements
        var ws = loaded.workspace
        ws.requirements[1].priority = .must
        ws.requirements[1].acceptance = "三种币种凭证自动折算"
        // Rows added or removed since are not undone with main's current journal entries (see the README); an edit is.
        let saved = try WorkspaceStore.save(ws, over: loaded, actor: "test")
        let yesterday = Day(iso: "2000-01-01")!
        let then = RequirementHistory.asOf(endOf: yesterday, folder: dir.path, saved: saved.workspace.requirements)
        func key(_ rs: [Requirement]?) -> [[String]]? { rs?.map { [$0.id, $0.title, $0.priority.rawValue, $0.acceptance, $0.department] } }
        #expect(key(then) == key(original))
        let farFuture = Day(iso: "2999-01-01")!
        #expect(
            RequirementHistory.asOf(endOf: farFuture, folder: dir.path, saved: saved.workspace.requirements) == saved.workspace.requirements
        )
    }

    /// A requirement added after the day is not in the rebuild, so the handout lists it as added.
    @Test func requirementsAddedAfterTheDayAreLeftOutOfTheRebuild() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        var ws = loaded.workspace
        ws.requirements.append(Requirement(id: "R11", department: "D1", module: "MES", title: "报工看板"))
        ws.requirements.append(Requirement(id: "R12", department: "D1", module: "MES", title: "质检记录"))
        ws.requirements.append(Requirement(id: "R13", department: "D1", module: "MES", title: "设备点检"))
        let saved = try WorkspaceStore.save(ws, over: loaded, actor: "test")
        let then = RequirementHistory.asOf(endOf: Day(iso: "2000-01-01")!, folder: dir.path, saved: saved.workspace.requirements)
        #expect(then?.map(\.id) == loaded.workspace.requirements.map(\.id))
        #expect(RequirementHistory.expand("R07..R10") == ["R07", "R08", "R09", "R10"])
        #expect(RequirementHistory.expand("R7") == ["R7"])
    }

    @Test func requirementsForPeopleInChineseWithNamesAndWords() throws {
        let w = try Loaded().workspace
        #expect(
            PeopleExport.csv(.requirements, from: w, language: .zh) == "\u{FEFF}" + """
                编号,部门,模块,需求,说明,优先级,权重,验收标准,状态,准则,来源
                R1,生产部,MES,工单追溯,"扫码报工
                支持 ""批次"" 追溯",必须,0.35,100% 可追溯,已确认,功能,生产部 2026-11-20 调研
                R2,财务部,FI,多币种,,应该,1,,草稿,功能,
                R10,生产部,MES,看板,,可以,2.5,,草稿,,

                """)
        #expect(
            PeopleExport.csv(.requirements, from: w, language: .en, department: "生产部") == "\u{FEFF}" + """
                Id,Department,Module,Title,Detail,Priority,Weight,Acceptance,Status,Criterion,Source
                R1,生产部,MES,工单追溯,"扫码报工
                支持 ""批次"" 追溯",Must,0.35,100% 可追溯,confirmed,功能,生产部 2026-11-20 调研
                R10,生产部,MES,看板,,Could,2.5,,draft,,

                """)
        #expect(
            PeopleExport.csv(.gates, from: w, language: .zh) == "\u{FEFF}" + """
                供应商,需求,应答,备注
                甲软件,R1 工单追溯,满足,
                乙科技,R1 工单追溯,部分满足,需二次开发

                """)
    }

    /// Once acceptance tests are recorded, the requirements for people say whether each one has
    /// been accepted, as screen 1 does; the form still imports back (the column is ignored).
    @Test func requirementsForPeopleSayWhetherEachWasAccepted() throws {
        var w = try Loaded().workspace
        w.delivery.acceptance = [
            AcceptanceTest(contract: "K1", id: "A1", requirements: ["R1"], result: .pass),
            AcceptanceTest(contract: "K1", id: "A2", requirements: ["R2"], result: .fail),
        ]
        #expect(
            PeopleExport.csv(.requirements, from: w, language: .zh) == "\u{FEFF}" + """
                编号,部门,模块,需求,说明,优先级,权重,验收标准,状态,准则,来源,验收结果
                R1,生产部,MES,工单追溯,"扫码报工
                支持 ""批次"" 追溯",必须,0.35,100% 可追溯,已确认,功能,生产部 2026-11-20 调研,已验收
                R2,财务部,FI,多币种,,应该,1,,草稿,功能,,有测试未通过
                R10,生产部,MES,看板,,可以,2.5,,草稿,,,

                """)
        var empty = w
        empty.requirements = []
        let bytes = Array(PeopleExport.csv(.requirements, from: w, language: .zh).utf8)
        switch Importer.importTable(
            kind: .requirements, fileBytes: bytes, fileName: "people.csv", encoding: .utf8, into: empty, evaluator: nil)
        {
        case .success(let outcome): #expect(outcome.workspace.requirements == w.requirements)
        case .failure(let f): Issue.record("refused: \(f.problems.map(\.description))")
        }
    }

    /// The Chinese form for people is read back by the importer (names, words, Chinese headers).
    @Test func theChineseFormForPeopleImportsBack() throws {
        let w = try Loaded().workspace
        var empty = w
        empty.requirements = []
        let bytes = Array(PeopleExport.csv(.requirements, from: w, language: .zh).utf8)
        switch Importer.importTable(
            kind: .requirements, fileBytes: bytes, fileName: "people.csv", encoding: .utf8, into: empty, evaluator: nil)
        {
        case .success(let outcome): #expect(outcome.workspace.requirements == w.requirements)
        case .failure(let f): Issue.record("refused: \(f.problems.map(\.description))")
        }
    }
}
