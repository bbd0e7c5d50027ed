import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// `playbook.csv`: the buyer's playbook as the company tunes it.
@Suite struct PlaybookFileTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func bothDemosShipTheDefaultPlaybookByteForByte() throws {
        for demo in ["data/demo", "data/demo-en"] {
            let folder = Self.packageRoot.appendingPathComponent(demo).path
            let (rows, problems) = WorkspaceStore.loadPlaybook(folder: folder)
            #expect(problems.isEmpty)
            #expect(rows == Playbook.defaultRows)
            var ws = Workspace()
            ws.playbook = rows
            let onDisk = try String(contentsOfFile: folder + "/playbook.csv", encoding: .utf8)
            #expect(WorkspaceStore.renderedText(of: "playbook.csv", in: ws) == onDisk)
        }
    }

    @Test func aCompanyRowOverridesSeverityPositionAndEnabled() {
        let dir = TempDir()
        dir.write(
            "playbook.csv",
            """
            kind,severity,enabled,position_en,position_zh
            auto_renewal,low,yes,Renewal only by purchase order.,续约须另发采购订单。
            warranty_disclaimed,medium,no,,
            vendor_forum_or_law,HIGH,yes,,

            """)
        let (rows, problems) = WorkspaceStore.loadPlaybook(folder: dir.path)
        #expect(problems.isEmpty)
        let book = Playbook(rows)
        #expect(book.entry(.auto_renewal).severity == .low)
        #expect(book.entry(.auto_renewal).positionZH == "续约须另发采购订单。")
        #expect(book.entry(.warranty_disclaimed).enabled == false)
        // An empty position keeps the default wording; a kind not listed keeps its default row.
        #expect(book.entry(.vendor_forum_or_law).positionEN == RedFlagKind.vendor_forum_or_law.defaultEntry.positionEN)
        #expect(book.entry(.vendor_forum_or_law).severity == .high)
        #expect(book.entry(.no_refund) == RedFlagKind.no_refund.defaultEntry)
        // Applied to a scan: the disabled kind is gone, the severity is the company's.
        let scan = ContractScanner.scan("服务期满后自动续期一年。本软件按现状提供。\n").applying(book)
        #expect(scan.flags(.auto_renewal).map(\.severity) == [.low])
        #expect(scan.flags(.warranty_disclaimed).isEmpty)
        #expect(ContractScanner.scan("本软件按现状提供。\n").flags(.warranty_disclaimed).count == 1)
    }

    @Test func badRowsNameFileLineAndFieldAndTheRestStillCounts() {
        let dir = TempDir()
        dir.write(
            "playbook.csv",
            """
            kind,severity,enabled,position_en,position_zh
            auto_renewl,high,yes,,
            no_refund,urgent,yes,,
            no_refund,low,yes,,
            auto_renewal,low,maybe,,

            """)
        let (rows, problems) = WorkspaceStore.loadPlaybook(folder: dir.path)
        let said = problems.map { "\($0.file):\($0.line):\($0.field ?? "")" }
        #expect(said == ["playbook.csv:2:kind", "playbook.csv:3:severity", "playbook.csv:5:enabled", "playbook.csv:4:kind"])
        #expect(problems[0].message.contains("auto_renewl") && problems[0].message.contains("unilateral_price_change"))
        // The bad severity keeps the default; the duplicate is ignored; the bad flag keeps enabled.
        #expect(rows.map(\.kind) == [.no_refund, .auto_renewal])
        #expect(rows[0].severity == RedFlagKind.no_refund.defaultSeverity)
        #expect(rows[1].severity == .low && rows[1].enabled)
    }

    @Test func aWorkspaceWithoutPlaybookWritesNone() throws {
        let dir = Fixture.folder()
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.workspace.playbook.isEmpty)
        #expect(WorkspaceStore.renderedText(of: "playbook.csv", in: loaded.workspace) == nil)
    }
}
