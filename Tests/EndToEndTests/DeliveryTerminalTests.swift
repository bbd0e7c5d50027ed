import Foundation
import Testing

/// Screen 5 in a real terminal on the demo, as on the day of its delivery story.
@Suite(.serialized, .requires(.tmux)) struct DeliveryTerminalTests {
    @Test func weeklyMeetingRecordsAnAcceptanceTestAndSavesIt() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws], width: 120, height: 34, env: ["BIDBENCH_TODAY": "2027-05-10"])
        try t.waitFor(text: "[1 需求]")
        try t.keys("5")
        try t.waitFor(text: "[5 交付]")
        try t.waitFor(text: "+10天")  // T06 MES 接口联调, due 2027-04-30
        try t.waitFor(text: "暂不可付: 上线款 1,164,000 — A1.4 未通过")
        try t.waitFor(text: "可支付: 签约款 582,000")
        try t.keys("t")
        try t.waitFor(text: "新增验收测试 · C1")
        try t.type("R16;R20")  // the focus starts on the requirements
        try t.keys("C-s")
        try t.waitFor(text: "已新增验收测试 A2.2")
        try t.keys("C-s")
        try t.waitFor(text: "已保存")
        try t.keys("q")
        try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
        let csv = try String(contentsOfFile: ws + "/acceptance.csv", encoding: .utf8)
        #expect(csv.hasSuffix("C1,A2.2,R16;R20,,pending,2027-05-10,,,1\n"))
        #expect(try bidbench("check", "-w", ws).status == 0)
    }
}
