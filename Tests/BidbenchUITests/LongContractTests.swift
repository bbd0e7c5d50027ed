import BidbenchCore
import Testing

@testable import BidbenchUI

/// Issue 21: a 5 MB contract on one single line froze the TUI on Enter (the scan ran on the key
/// path). A long text is now scanned by the host; the screen says so and keys keep working.
@Suite struct LongContractTests {
    /// A 5 MB contract text on one line: clauses a scan finds (renewal, price change) at its start.
    static let oneLine: String = {
        let head = "第一条 服务内容 乙方向甲方提供订阅服务。第三条 自动续约 服务期满前三十（30）日内甲方未以书面形式提出异议的，本协议自动续期一年。"
        let filler = String(repeating: "本条款内容仅用于测试超长单行合同的响应速度。", count: 5 * 1_048_576 / 66 + 1)
        return head + filler
    }()

    func workspace(_ text: String) -> Workspace {
        var ws = sampleWorkspace()
        ws.contracts = [Contract(id: "C1", vendor: "V2", title: "订阅服务协议", file: "contracts/C1.md", value: Money(units: 286_000))]
        ws.contractTexts["contracts/C1.md"] = text
        return ws
    }

    @Test func theFirstFrameAfterEnterComesBeforeTheScanAndTheFindingsArriveAsAnEvent() {
        #expect(Self.oneLine.utf8.count > 5 * 1_048_576)
        var d = Driver(workspace(Self.oneLine))
        d.press(.char("4"), .enter)
        // No scan ran on the key path: the job is the host's, and the screen says it is running.
        #expect(d.state.contracts.scan == nil)
        let jobs = d.effects.compactMap { effect -> Job? in
            if case .compute(let job) = effect { return job }
            return nil
        }
        #expect(jobs.count == 1)
        guard case .contractScan(let key, let text, _)? = jobs.first else {
            Issue.record("no scan job")
            return
        }
        #expect(text.utf8.count == Self.oneLine.utf8.count)
        let frame = d.text
        #expect(frame.contains("正在扫描正文 (5120 KB)…"))
        #expect(frame.contains("红旗: 扫描中…"))
        // Nothing is called missing before the scan says so.
        #expect(!frame.contains("缺失"))
        // Keys keep working meanwhile, and do not start the scan again.
        d.effects = []
        d.press(.down, .pageDown, .char("v"), .char("v"), .char("v"))
        #expect(d.state.contracts.clause == 1)
        #expect(!d.effects.contains { if case .compute = $0 { return true } else { return false } })
        // The findings arrive as an event (here a scan of the same key, as the host would send it).
        let scan = ContractScanner.scan(String(Self.oneLine.prefix(200))).applying(Playbook(d.state.workspace.playbook))
        d.send(.computed(.contractScan(key: key, scan: scan)))
        #expect(d.state.contracts.scanning == nil)
        #expect(d.state.contracts.scan == scan)
        #expect(!d.text.contains("正在扫描"))
        #expect(d.text.contains("条款检查 \(scan.clauses.filter(\.present).count)/22"))
        #expect(d.row(containing: "⚑ 续约") != nil)
    }

    @Test func aScanOfAnotherTextIsDropped() {
        var d = Driver(workspace(Self.oneLine))
        d.press(.char("4"))
        let scan = ContractScanner.scan("第三条 自动续约 本协议自动续期一年。")
        d.send(.computed(.contractScan(key: "C9|other|1|2", scan: scan)))
        #expect(d.state.contracts.scan == nil)
        #expect(d.text.contains("正在扫描正文"))
    }

    @Test func theHostsJobFindsWhatAScanOnTheKeyPathFound() {
        // A text just over the background threshold: the job's result is the synchronous scan's.
        let text =
            "第三条 自动续约 服务期满前三十（30）日内甲方未以书面形式提出异议的，本协议自动续期一年。\n"
            + String(repeating: "第九条 其他 本条款内容仅用于测试。\n", count: ContractsScreen.backgroundScanBytes / 40)
        #expect(text.utf8.count > ContractsScreen.backgroundScanBytes)
        var d = Driver(workspace(text))
        d.press(.char("4"))
        guard case .compute(let job)? = d.effects.last else {
            Issue.record("no job")
            return
        }
        d.send(App.perform(job))
        #expect(d.state.contracts.scan == ContractScanner.scan(text).applying(Playbook(d.state.workspace.playbook)))
        #expect(d.row(containing: "⚑ 续约")?.contains("L1") == true)
    }

    @Test func aShortContractIsStillScannedAtOnce() {
        var d = Driver(workspace("第三条 自动续约 服务期满前三十（30）日内甲方未以书面形式提出异议的，本协议自动续期一年。"))
        d.press(.char("4"))
        #expect(d.state.contracts.scan != nil)
        #expect(d.effects.isEmpty)
    }
}
