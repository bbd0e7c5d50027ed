import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// Issue 16 (audit): imports read what the forms read, and their messages name the right line
/// and the right columns.
@Suite struct DeliveryImportFixesTests {
    static func run(_ dir: TempDir, _ kind: TableKind, _ name: String, _ text: String) throws -> String {
        let file = dir.url(name)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        switch try Importer.importFile(kind: kind, path: file, folder: dir.path, actor: "t") {
        case .success(let s): return s.summary
        case .failure(let f): return f.description
        }
    }

    /// `import tickets` refused `2027/5/9 9:10`, which the ticket form accepts.
    @Test func helpDeskTimesAreReadAsTheTicketFormReadsThemAndWrittenISO() throws {
        let dir = Fixture.folder()
        let summary = try Self.run(
            dir, .tickets, "desk.csv",
            "合同,工单号,级别,创建时间,首次响应,解决时间\nK1,K-9,1,2027/5/9 9:10,2027年5月9日 9:40,２０２７／５／９　１１：００\n")
        #expect(summary == "imported 1 ticket (K-9) into \(dir.path)")
        #expect(
            dir.text("tickets.csv")
                == "contract,id,severity,module,opened,first_response,resolved,note\nK1,K-9,1,,2027-05-09 09:10,2027-05-09 09:40,2027-05-09 11:00,\n"
        )
        // A time the form refuses is still refused, named by the import file's line.
        let bad = try Self.run(dir, .tickets, "desk2.csv", "合同,工单号,级别,创建时间\nK1,K-10,1,2027/5/9 25:10\n")
        #expect(
            bad
                == "\(dir.url("desk2.csv")):2: opened: \"2027/5/9 25:10\" is not a date and time (expected YYYY-MM-DD HH:MM, e.g. 2027-04-02 09:30)"
        )
    }

    /// A cycle closed by an imported row was reported as `tasks.csv:0`.
    @Test func aCycleAcrossTheFileAndTheImportNamesTheImportLine() throws {
        let dir = Fixture.folder()
        #expect(
            try Self.run(dir, .tasks, "plan.csv", "contract,id,phase,title,depends_on\nK1,T1,assessment,评估,\nK1,T2,data_migration,迁移,T1\n")
                == "imported 2 tasks (T1–T2) into \(dir.path)")
        // T3 waits for T2, and the imported T1 row waits for T3: T1 → T3 → T2 → T1.
        let r = try Self.run(dir, .tasks, "more.csv", "contract,id,phase,title,depends_on\nK1,T3,testing,测试,T2\nK1,T1,assessment,评估,T3\n")
        // Named on T3's line (the first imported row of the cycle), beside the duplicate T1.
        let more = dir.url("more.csv")
        #expect(
            r == """
                \(more):2: depends_on: dependencies form a cycle: T1 → T3 → T2 → T1
                \(more):3: id: "K1, T1" is already in tasks.csv (change the id for a new row, or import with --replace)
                """)
        #expect(!r.contains("tasks.csv:0"))
    }

    @Test func messagesSayAnIdAndSlaDuplicatesDoNotMentionAnIdColumn() throws {
        let dir = Fixture.folder()
        let empty = try Self.run(dir, .tasks, "t.csv", "contract,id,phase,title\nK1,,assessment,评估\n")
        #expect(empty.contains("id: is empty; every row needs an id"))
        #expect(try Self.run(dir, .sla, "s.csv", "contract,severity,response_hours\nK1,1,0.5\n") == "imported 1 SLA term into \(dir.path)")
        let dup = try Self.run(dir, .sla, "s2.csv", "contract,severity,response_hours\nK1,1,1\n")
        #expect(
            dup
                == "\(dir.url("s2.csv")):2: severity: \"K1, 1\" is already in sla.csv (change the severity for a new row, or import with --replace)"
        )
    }
}
