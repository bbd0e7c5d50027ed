import Foundation
import Testing

/// A signing recorded on screen 4 in a real terminal reaches contracts.csv byte for byte, the
/// Delivery screen and `bidbench dates`, without editing the file by hand.
@Suite(.serialized, .requires(.tmux)) struct ContractSigningTerminalTests {
    @Test func aSigningRecordedOnTheContractsScreenIsSavedToContractsCSV() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let before = try String(contentsOfFile: ws + "/contracts.csv", encoding: .utf8)
        let t = try TmuxSession(args: ["-w", ws], width: 120, height: 34, env: ["BIDBENCH_TODAY": "2027-01-25"])
        func see(_ text: String) throws { try t.waitFor(text: text, timeout: 40) }
        try see("[1 需求]")
        // C2 (the subscription, in review) has no delivery rows yet: screen 5 shows only C1.
        try t.keys("4")
        try see("[4 合同]")
        try t.keys("]")
        try see("[2/2] 智链科技 · CRM 与 BI 订阅服务协议")
        try t.keys("e")
        try see("合同 C2 条款")
        try t.type("已签")  // the form opens on the status
        try see("◂ 已签 ▸")
        try t.keys("Tab")
        try t.type("2027年1月20日")
        try t.keys("Tab", "C-u")
        try t.type("２０２７－０２－１５")  // full-width, as a Chinese IME types it
        try t.keys("C-s")
        try see("已更新合同 C2 的条款 (已签)")
        try t.keys("C-s")
        try see("已保存")
        try t.keys("5")
        try see("[5 交付]")
        try t.keys("]")
        try see("C2 CRM 与 BI 订阅服务协议 · 智链科技 (2/2)")
        try t.keys("q")
        try t.waitFor("the program to exit", timeout: 40) { _ in (try? t.exited()) == true }
        let after = try String(contentsOfFile: ws + "/contracts.csv", encoding: .utf8)
        let old = before.split(separator: "\n", omittingEmptySubsequences: false)
        let new = after.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(new.count == old.count)
        #expect(new[0] == old[0] && new[1] == old[1])  // the header and C1 as they were
        #expect(new[2] == "C2,V2,CRM 与 BI 订阅服务协议,contracts/C2-智链科技-订阅服务协议.md,2027-01-20,2027-02-15,12,true,12,30,286000,,signed")
        #expect(try bidbench("check", "-w", ws).status == 0)
        let journal = try bidbench("journal", "-w", ws)
        // One entry, for the one contract edited (C1's row, rewritten as it was, is not an edit).
        #expect(journal.out.hasSuffix(" update contracts.csv: 2 row(s) (edited C2)\n"), "\(journal.out)")
        #expect(try bidbench("journal", "--verify", "-w", ws).status == 0)
        let dates = try bidbench("dates", "-w", ws)
        // The key dates start from the new effective date: a 12-month term ends 2028-02-15, notice 30
        // days before (the days left count from the real today: only the dates and kinds are compared).
        let c2 = dates.out.split(separator: "\n").filter { $0.contains("CRM 与 BI 订阅服务协议") && !$0.contains("milestone") }
        #expect(
            c2.map {
                $0.prefix(10) + " " + ($0.split(separator: " ").first { ["effective", "notice_deadline", "expiry"].contains($0) } ?? "")
            } == [
                "2027-02-15 effective", "2028-01-16 notice_deadline", "2028-02-15 expiry",
            ], "\(dates.out)")
    }
}
