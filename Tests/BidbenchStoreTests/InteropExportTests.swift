import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

@Suite struct InteropExportTests {
    @Test func vendorsAsCSVAndJSON() throws {
        let w = try Loaded().workspace
        #expect(
            Exporter.csv(.vendors, from: w) == """
                id,name,contact,qualifications,references,notes,sme,bid_price
                V1,甲软件,,ISO 9001,,,true,1286000
                V2,乙科技,,,,,false,99.50

                """)
        #expect(
            Exporter.json(.vendors, from: w) == """
                [
                  {"id":"V1","name":"甲软件","contact":"","qualifications":"ISO 9001","references":"","notes":"","sme":true,"bid_price":1286000},
                  {"id":"V2","name":"乙科技","contact":"","qualifications":"","references":"","notes":"","sme":false,"bid_price":99.50}
                ]

                """)
        #expect(JSONValue.parse(Exporter.json(.vendors, from: w)) != nil)
        #expect(Exporter.json(.gates, from: Workspace()) == "[]\n")
    }

    @Test func scoresOfEveryEvaluatorWithNumbersAndNulls() throws {
        var w = try Loaded().workspace
        w.scores["李娜"] = [Score(vendor: "V2", criterion: "C2", score: 6.5)]
        #expect(
            Exporter.csv(.scores, from: w) == """
                evaluator,vendor,criterion,score,note
                张伟,V1,C1,8.5,
                张伟,V2,C1,7,"ok, fine"
                李娜,V2,C2,6.5,

                """)
        #expect(
            Exporter.json(.prices, from: w).split(separator: "\n")[2]
                == #"  {"vendor":"V1","item":"Maintenance","category":"maintenance","model":"percent_of_license","unit_price":18,"quantity":1,"start_year":2,"years":null,"notes":""},"#
        )
        #expect(
            Exporter.json(.changes, from: w) == """
                [
                  {"contract":"K1","id":"CO1","date":"2027-03-01","description":"增加报表","price_delta":-1500.25,"status":"approved"}
                ]

                """)
    }

    @Test func bomOnRequest() throws {
        let w = try Loaded().workspace
        #expect(Array(Exporter.export(.requirements, from: w, format: .csv, bom: true).utf8.prefix(5)) == [0xEF, 0xBB, 0xBF, 0x69, 0x64])
        #expect(Array(Exporter.export(.requirements, from: w, format: .csv).utf8.prefix(2)) == [0x69, 0x64])
    }

    @Test func formulaCellsAreGuardedTheOWASPWay() {
        #expect(Exporter.guardCell("=1+1", column: "name") == "'=1+1")
        #expect(Exporter.guardCell("+SUM(A1)", column: "notes") == "'+SUM(A1)")
        #expect(Exporter.guardCell("-2+3", column: "title") == "'-2+3")
        #expect(Exporter.guardCell("@cmd", column: "contact") == "'@cmd")
        #expect(Exporter.guardCell("\t=x", column: "notes") == "'\t=x")
        #expect(Exporter.guardCell("\r=x", column: "notes") == "'\r=x")
        // Plain numbers in numeric columns stay numbers; anything else starting that way is guarded.
        #expect(Exporter.guardCell("-5", column: "unit_price") == "-5")
        #expect(Exporter.guardCell("-1500.25", column: "price_delta") == "-1500.25")
        #expect(Exporter.guardCell("-5", column: "notes") == "'-5")
        #expect(Exporter.guardCell("-1e3", column: "weight") == "'-1e3")
        #expect(Exporter.guardCell("+5", column: "amount") == "'+5")
        #expect(Exporter.guardCell("a=b", column: "name") == "a=b")
        #expect(Exporter.guardCell("", column: "name") == "")
    }

    /// A workspace whose vendor cells start like formulas (and one named like a script).
    static func hostile() throws -> Workspace {
        var w = try Loaded().workspace
        w.vendors = [
            Vendor(id: "V1", name: "=1+1", contact: "+SUM(A1)", qualifications: "-2+3", references: "@cmd", notes: "\t=x"),
            Vendor(id: "V2", name: "<script>alert(1)</script>", contact: "-5", notes: "\r=x", bidPrice: Money(units: 100)),
        ]
        w.changes[0].description = "-5"
        return w
    }

    @Test func hostileCellsInAFullExport() throws {
        let w = try Self.hostile()
        #expect(
            Exporter.csv(.vendors, from: w) == """
                id,name,contact,qualifications,references,notes,sme,bid_price
                V1,'=1+1,'+SUM(A1),'-2+3,'@cmd,'\t=x,false,
                V2,<script>alert(1)</script>,'-5,,,"'\r=x",false,100

                """)
        // The negative amount stays a number; the text "-5" does not.
        #expect(Exporter.csv(.changes, from: w).hasSuffix("K1,CO1,2027-03-01,'-5,-1500.25,approved\n"))
        // JSON needs no guard: text is a JSON string.
        #expect(Exporter.json(.vendors, from: w).contains(#""name":"=1+1""#))
        // The workspace's own file is not guarded.
        #expect(WorkspaceStore.renderedText(of: "vendors.csv", in: w)?.contains("\nV1,=1+1,+SUM(A1),-2+3,@cmd,") == true)
    }

    @Test func everyTableRoundTripsThroughCSV() throws {
        for base in [try Loaded().workspace, try Self.hostile()] {
            for kind in TableKind.allCases {
                for bom in [false, true] {
                    let csv = Exporter.csv(kind, from: base, bom: bom)
                    let r = Importer.importTable(kind: kind, fileBytes: Array(csv.utf8), fileName: "\(kind).csv", into: base, replace: true)
                    switch r {
                    case .success(let outcome): #expect(outcome.workspace == base, "\(kind) bom=\(bom)")
                    case .failure(let f): Issue.record("\(kind): \(f)")
                    }
                }
            }
        }
    }

    /// An export for people, edited in a spreadsheet, imports back: the importer reads the words
    /// its own exporter wrote (`履行中`, `In review`, `违约金`, `观察中`, a parent's name, `R01 标题`),
    /// in both languages (user test pass: six tables were refused). What the people form leaves
    /// out or rounds (acceptance column, ids shown as names) reads back to the same rows.
    @Test func anExportForPeopleImportsBack() throws {
        let demo = try #require(WorkspaceStore.demoFolder(packageRoot: #filePath))
        let w = try WorkspaceStore.load(folder: demo).workspace
        let delivery: [TableKind] = [.tasks, .tests, .training, .trainingResults, .tickets, .sla, .vendorReviews, .handover, .availability]
        for kind in [TableKind.prices, .contracts, .reviews, .risks, .criteria, .gates, .requirements, .departments, .vendors] + delivery {
            for language in [ReportLanguage.zh, .en] {
                let csv = PeopleExport.csv(kind, from: w, language: language)
                let r = Importer.importTable(kind: kind, fileBytes: Array(csv.utf8), fileName: "p.csv", into: w, replace: true)
                switch r {
                case .success(let outcome): #expect(outcome.workspace == w, "\(kind) \(language)")
                case .failure(let f): Issue.record("\(kind) \(language): \(f)")
                }
            }
        }
        #expect(PeopleExport.machineValues(.contracts, column: "status", ws: w)?["履行中"] == "active")
        #expect(PeopleExport.machineValues(.contracts, column: "status", ws: w)?["in review"] == "review")
        #expect(PeopleExport.machineValues(.prices, column: "category", ws: w)?["定制开发"] == "customization")
        #expect(PeopleExport.machineValues(.prices, column: "category", ws: w)?["面包"] == nil)
        // The delivery tables in words as well (a Chinese export mixed `done` and `in_progress` with
        // `计划`, and every phase was a code: user test pass).
        let tasks = PeopleExport.table(.tasks, from: w, language: .zh)
        let phase = try #require(tasks.columns.firstIndex(of: "phase"))
        let status = try #require(tasks.columns.firstIndex(of: "status"))
        #expect(Set(tasks.rows.map { $0[phase] }).isSubset(of: ["系统评估", "技术方案", "数据迁移", "测试", "上线", "上线后优化"]))
        #expect(Set(tasks.rows.map { $0[status] }) == ["完成", "进行中", "计划"])
        let training = PeopleExport.table(.training, from: w, language: .zh)
        #expect(training.rows.first.map { [$0[2], $0[5]] } == ["基础", "线下"])
        #expect(PeopleExport.table(.tests, from: w, language: .en).rows.map { $0[4] }.contains("pass"))
        // A severity as the screens name it (`P2`, not `2`).
        let tickets = PeopleExport.table(.tickets, from: w, language: .zh)
        let severity = try #require(tickets.columns.firstIndex(of: "severity"))
        #expect(Set(tickets.rows.map { $0[severity] }).isSubset(of: ["P1", "P2", "P3", "P4"]))
    }

    @Test func exportOfTheDemoReimportsAsIs() throws {
        let demo = try #require(WorkspaceStore.demoFolder(packageRoot: #filePath))
        let w = try WorkspaceStore.load(folder: demo).workspace
        var counts: [String: Int] = [:]
        for kind in TableKind.allCases {
            let csv = Exporter.csv(kind, from: w, bom: true)
            let outcome = try Importer.importTable(kind: kind, fileBytes: Array(csv.utf8), fileName: "x.csv", into: w, replace: true).get()
            #expect(outcome.workspace == w, "\(kind)")
            counts[kind.rawValue] = outcome.count
        }
        #expect(counts["requirements"] == 47)
        #expect(counts["scores"] == 60)
        #expect(counts["prices"] == 22)
    }
}
