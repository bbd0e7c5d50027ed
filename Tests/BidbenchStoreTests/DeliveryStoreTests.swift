import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// The delivery tables: reading the demo, canonical round trips, bad input named by file:line, imports.
@Suite struct DeliveryStoreTests {
    static let files = [
        "tasks.csv", "acceptance.csv", "training.csv", "training_results.csv", "tickets.csv", "sla.csv", "vendor_reviews.csv",
        "handover.csv", "availability.csv",
    ]

    @Test(arguments: ["zh", "en"])
    func demoDeliveryLoadsAndIsCanonical(lang: String) throws {
        let demo = try #require(WorkspaceStore.demoFolder(language: lang, packageRoot: #filePath))
        let l = try WorkspaceStore.load(folder: demo)
        #expect(l.problems.map(\.description) == [])
        let d = l.workspace.delivery
        #expect((d.tasks.count, d.acceptance.count, d.training.count, d.trainingResults.count, d.tickets.count) == (10, 8, 5, 15, 5))
        #expect(d.vendorReviews.count == 1 && d.sla.isEmpty && d.handover.isEmpty && d.availability.count == 3)
        #expect(d.tasks[7].dependsOn == ["T05", "T06", "T07"] && d.tasks[7].phase == .goLive)
        #expect(d.tickets[1].opened == Moment(parsing: "2027-04-14 14:05"))
        #expect(d.trainingResults.last?.score == nil)
        // Bidbench writes these files exactly as they are in the demo.
        for f in Self.files {
            let disk = try String(contentsOfFile: demo + "/" + f, encoding: .utf8)
            #expect(WorkspaceStore.renderedText(of: f, in: l.workspace) == disk, "\(f)")
        }
    }

    @Test func badDeliveryRowsAreNamedByFileLineAndField() throws {
        let dir = Fixture.folder()
        dir.write(
            "tasks.csv",
            """
            contract,id,phase,title,owner,planned_start,planned_end,actual_start,actual_end,status,depends_on
            K1,T1,assessment,评估,,2027-02-01,2027-01-20,,,planned,
            K1,T2,testing,测试,,2027-02-01,2027-02-20,,,planned,T4
            K1,T3,go_live,上线,,2027-03-01,2027-03-20,,,later,T2
            K1,T4,data_migration,迁移,,2027-01-01,2027-01-20,,,planned,T3;T9
            K1,T5；T6,testing,整理,,,,,,planned,

            """)
        dir.write(
            "tickets.csv",
            """
            contract,id,severity,module,opened,first_response,resolved,note
            K1,K1,1,总账,2027-04-02 10:00,2027-04-02 10:20,2027-04-01 18:00,
            K1,K2,7,总账,2027-04-02 25:00,,,

            """)
        dir.write(
            "acceptance.csv",
            """
            contract,id,requirements,criterion,result,date,tester,note,attempts
            K1,A1.1,R1;R99,可追溯,pass,2027-05-01,,,1
            K2,A1.2,,x,maybe,,,,1

            """)
        dir.write(
            "training.csv",
            "contract,id,level,module,date,mode,trainer,planned,present,pass_target\nK1,S1,basic,MES,2027-04-01,onsite,,5,5,120%\n")
        dir.write("training_results.csv", "session,person,department,score,passed\nS1,王,生产部,105,\nS9,李,生产部,70,\n")
        dir.write(
            "vendor_reviews.csv",
            "vendor,period,on_time_pct,acceptance_first_pass_pct,sla_pct,training_pass_pct,satisfaction,score,note,reviewer\n"
                + "V1,2027-Q1,90,80,95,85,4,90,,\nV1,2027-Q2,101,80,95,85,6,,,\n")
        let before = Self.snapshot(dir)
        let l = try WorkspaceStore.load(folder: dir.path)
        #expect(
            l.problems.map(\.description)
                == [
                    "tasks.csv:2: planned_end: 2027-01-20 is before planned_start 2027-02-01",
                    "tasks.csv:4: status: \"later\" is not one of planned, in_progress, done, blocked, cancelled",
                    "tasks.csv:5: depends_on: \"T9\" is not a task of contract K1",
                    "tasks.csv:6: id: \"T5；T6\" holds \"；\", which separates the ids of depends_on: no task could name it",
                    "tasks.csv:3: depends_on: dependencies form a cycle: T2 → T4 → T3 → T2",
                    "acceptance.csv:2: requirements: \"R99\" is not a requirement id in requirements.csv",
                    "acceptance.csv:3: contract: \"K2\" is not a contract id in contracts.csv",
                    "acceptance.csv:3: result: \"maybe\" is not one of pass, fail, pending",
                    "acceptance.csv:3: requirements: is empty; name the requirement(s) the test proves",
                    "training.csv:2: pass_target: 1.2 is outside 0–1",
                    "training_results.csv:2: score: 105 is outside 0–100",
                    "training_results.csv:3: session: \"S9\" is not a session id in training.csv",
                    "tickets.csv:2: resolved: 2027-04-01 18:00 is before the ticket was opened (2027-04-02 10:00)",
                    "tickets.csv:3: opened: \"2027-04-02 25:00\" is not a date and time (expected YYYY-MM-DD HH:MM, e.g. 2027-04-02 09:30)",
                    "vendor_reviews.csv:2: score: 90 is not the formula's score 85.8 (leave the cell empty and Bidbench fills it in)",
                    "vendor_reviews.csv:3: on_time_pct: 101 is outside 0–100",
                    "vendor_reviews.csv:3: satisfaction: 6 is outside 1–5",
                ].sorted(by: Self.fileLineOrder))
        #expect(l.readOnly)
        #expect(Self.snapshot(dir) == before)
    }

    @Test func importTestsNamingAnUnknownRequirementChangesNothing() throws {
        let dir = Fixture.folder()
        let before = Self.snapshot(dir)
        let file = dir.url("uat.csv")
        try "合同,编号,需求,验收标准,结果\nK1,A1.1,R1,可追溯,通过\nK1,A1.2,R2;R77,多币种,待测\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let r = try Importer.importFile(kind: .tests, path: file, folder: dir.path, actor: "t")
        guard case .failure(let f) = r else {
            Issue.record("the import should be refused")
            return
        }
        #expect(f.problems.map(\.description) == ["\(file):3: requirements: \"R77\" is not a requirement id in requirements.csv"])
        #expect(Self.snapshot(dir).filter { $0.key != "uat.csv" } == before)
        #expect(!dir.exists("acceptance.csv"))
    }

    @Test func importTicketsTasksTrainingAndReviewsWithChineseHeaders() throws {
        let dir = Fixture.folder()
        func run(_ kind: TableKind, _ text: String) throws -> String {
            let file = dir.url("in-\(kind.rawValue).csv")
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let r = try Importer.importFile(kind: kind, path: file, folder: dir.path, actor: "t")
            switch r {
            case .success(let s): return s.summary
            case .failure(let f): return f.description
            }
        }
        #expect(
            try run(
                .tasks, "合同,编号,阶段,任务,计划开始,计划完成,状态,前置任务\nK1,T1,数据迁移,迁移,2027/3/1,2027/3/31,进行中,\nK1,T2,测试,测试,2027-04-01,2027-04-30,计划,T1\n")
                == "imported 2 tasks (T1–T2) into \(dir.path)")
        #expect(
            dir.text("tasks.csv")
                == """
                contract,id,phase,title,owner,planned_start,planned_end,actual_start,actual_end,status,depends_on
                K1,T1,data_migration,迁移,,2027-03-01,2027-03-31,,,in_progress,
                K1,T2,testing,测试,,2027-04-01,2027-04-30,,,planned,T1

                """)
        #expect(
            try run(.tickets, "合同,工单号,级别,模块,创建时间,首次响应,解决时间\nK1,K-1,1,MES,2027-04-02 10:00,2027-04-02 10:50,2027-04-02 12:00\n")
                == "imported 1 ticket (K-1) into \(dir.path)")
        #expect(
            try run(.training, "合同,场次,层级,模块,日期,方式,计划人数,实到人数,目标通过率\nK1,S1,basic,MES,2027-04-20,现场,10,9,85%\n")
                == "imported 1 training session (S1) into \(dir.path)")
        #expect(dir.text("training.csv")?.hasSuffix("K1,S1,basic,MES,2027-04-20,onsite,,10,9,0.85\n") == true)
        #expect(
            try run(.vendorReviews, "供应商,期间,按时率,一次验收通过率,SLA达标率,培训通过率,满意度\n甲软件,2027-Q2,90,80,95,85,4\n")
                == "imported 1 vendor review into \(dir.path)")
        #expect(dir.text("vendor_reviews.csv")?.hasSuffix("V1,2027-Q2,90,80,95,85,4,85.8,,\n") == true)
        // A ticket resolved before it was opened: refused whole, named by the import file's line.
        let bad = try run(
            .tickets, "合同,工单号,级别,创建时间,解决时间\nK1,K-2,2,2027-04-03 10:00,2027-04-03 11:00\nK1,K-3,2,2027-04-03 10:00,2027-04-02 11:00\n")
        #expect(bad == "\(dir.url("in-tickets.csv")):3: resolved: 2027-04-02 11:00 is before the ticket was opened (2027-04-03 10:00)")
        #expect(try WorkspaceStore.load(folder: dir.path).workspace.delivery.tickets.map(\.id) == ["K-1"])
    }

    static func snapshot(_ dir: TempDir) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let e = FileManager.default.enumerator(atPath: dir.path)
        while let rel = e?.nextObject() as? String {
            if rel.hasPrefix(".bidbench") { continue }
            if let b = dir.bytes(rel), !FileIO.isDirectory(dir.url(rel)) { out[rel] = b }
        }
        return out
    }

    static func fileLineOrder(_ a: String, _ b: String) -> Bool {
        func key(_ s: String) -> (Int, Int) {
            let parts = s.split(separator: ":")
            return (WorkspaceStore.fileRank(String(parts[0])).0, Int(parts[1]) ?? 0)
        }
        return key(a) < key(b)
    }
}
