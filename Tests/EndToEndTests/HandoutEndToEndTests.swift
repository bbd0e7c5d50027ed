import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The four handouts written by the verb on both demos, checked as files and screenshot in a real browser.
@Suite(.serialized) struct HandoutBrowserTests {
    static let kinds = ["survey", "scoring", "budget", "legal"]

    /// A demo copy with the day's meetings, as `:meeting` would have recorded them.
    static func workspace(_ demo: String, in tmp: TempDir) throws -> String {
        let ws = try tmp.demoCopy(demo)
        let zh = demo == "demo"
        try """
        id,kind,date,title,attendees,lead
        M1,survey,2026-12-01,\(zh ? "财务部需求调研" : "Finance needs survey"),\(zh ? "周敏、赵磊" : "Zhou Min; Zhao Lei"),\(zh ? "赵磊" : "Zhao Lei")
        M2,scoring,2026-12-01,\(zh ? "评标会" : "Scoring panel"),\(zh ? "张伟、李娜、王强" : "Zhang Wei; Li Na; Wang Qiang"),\(zh ? "赵磊" : "Zhao Lei")

        """.write(toFile: ws + "/meetings.csv", atomically: true, encoding: .utf8)
        return ws
    }

    /// `bidbench report --kind K` into `folder/DEMO-K.html`; returns the path.
    static func write(_ kind: String, demo: String, ws: String, folder: String) throws -> String {
        let html = folder + "/\(demo)-\(kind).html"
        var args = ["report", "-w", ws, "--kind", kind, "--today", "2026-12-01", "-o", html]
        if kind == "survey" { args += ["--department", "D01"] }
        let r = try run(binaryPath, args)
        #expect(r.status == 0, "report --kind \(kind) failed: \(r.err)")
        return html
    }

    @Test(arguments: ["demo", "demo-en"])
    func everyHandoutIsSelfContainedAndHeadedWithItsMeeting(demo: String) throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try Self.workspace(demo, in: tmp)
        let zh = demo == "demo"
        for kind in Self.kinds {
            let text = try String(contentsOfFile: try Self.write(kind, demo: demo, ws: ws, folder: tmp.path), encoding: .utf8)
            #expect(!text.contains("http://") && !text.contains("https://") && !text.lowercased().contains("<script"))
            #expect(text.contains("@page { size: A4;"))
            let parser = XMLParser(data: Data(text.utf8))
            #expect(parser.parse(), "\(kind): not well-formed: \(parser.parserError.map { "\($0)" } ?? "") line \(parser.lineNumber)")
            #expect(text.contains(zh ? "<th>生成时间</th>" : "<th>Generated</th>"))
            #expect(text.contains(zh ? "华东精密 ERP 升级" : "<th>Workspace</th>"))
            switch kind {
            case "survey":
                #expect(text.contains(zh ? "<td>周敏、赵磊</td>" : "<td>Zhou Min, Zhao Lei</td>"))
                #expect(text.contains("R01"))
                #expect(!text.contains(zh ? "MRP 物料需求计算" : "R13 MRP"), "the survey of D01 lists only that department")
            case "scoring":
                #expect(text.contains(zh ? "基准价" : "Base price"))
                #expect(text.contains("82.91"))
            case "budget": #expect(text.contains("<svg"))
            default: #expect(text.contains(zh ? "协商中" : "Negotiate"))
            }
        }
    }

    @Test(.requires(.chromium), arguments: ["demo", "demo-en"])
    func everyHandoutRendersInHeadlessChromium(demo: String) throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try Self.workspace(demo, in: tmp)
        for kind in Self.kinds {
            let html = try Self.write(kind, demo: demo, ws: ws, folder: tmp.path)
            let png = tmp.path + "/\(demo)-\(kind).png"
            let shot = try run(
                "/usr/bin/chromium-headless-shell",
                ["--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(png)", "--window-size=1000,1400", "file://\(html)"])
            #expect(shot.status == 0, "browser failed: \(shot.err)")
            let data = try Data(contentsOf: URL(fileURLWithPath: png))
            #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            // A blank page compresses to a few kilobytes; tables and text make it far larger.
            #expect(data.count > 40_000, "\(demo) \(kind): screenshot is only \(data.count) bytes")
            if let keep = ProcessInfo.processInfo.environment["BIDBENCH_KEEP_SCREENSHOT"] {
                try? FileManager.default.removeItem(atPath: keep + "-\(demo)-\(kind).png")
                try FileManager.default.copyItem(atPath: png, toPath: keep + "-\(demo)-\(kind).png")
            }
        }
    }

    @Test func exportForPeopleAndForMachines() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        let people = tmp.path + "/财务部.csv"
        let r = try run(binaryPath, ["export", "requirements", "-w", ws, "--for", "people", "--department", "财务部", "-o", people])
        #expect(r.status == 0, "export failed: \(r.err)")
        // Read as bytes: Foundation drops a BOM when it decodes a file.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: people))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "the form for people starts with a BOM for Excel")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("编号,部门,模块,需求,说明,优先级,权重,验收标准,状态,准则,来源\n"))
        #expect(text.contains("R01,财务部,总账,多币种凭证自动折算,"))
        #expect(text.contains(",必须,5,"))
        #expect(!text.contains("D01") && !text.contains(",must,"))
        #expect(!text.contains("销售部"))
        let machine = try run(binaryPath, ["export", "requirements", "-w", ws])
        #expect(machine.out.hasPrefix("id,department,module,title,"))
        #expect(machine.out.contains("R01,D01,总账,多币种凭证自动折算,"))
        let bad = try run(binaryPath, ["export", "requirements", "-w", ws, "--for", "boss"])
        #expect(bad.status != 0 && bad.err.contains("--for must be machine or people"))
    }
}

/// The meeting commands in the real TUI: `:meeting`, `:report`, `:scenario save`, `:export` write their files.
@Suite(.serialized) struct HandoutTerminalTests {
    @Test(.requires(.tmux)) func aBudgetMeetingEndsWithItsHandoutAndASavedScenario() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws], width: 110, height: 32)
        try t.waitFor(text: "[1 需求]")
        try t.keys("3")
        try t.waitFor(text: "[3 预算]")
        for _ in 0..<3 { try t.keys("+") }
        try t.waitFor(text: "用户 150")
        try t.keys(":")
        try t.type("meeting")
        try t.keys("Enter")
        try t.waitFor(text: "会议 — 预算评审会")
        try t.type("周敏、财务总监")
        try t.keys("Tab")
        try t.type("赵磊")
        try t.keys("C-s")
        try t.waitFor(text: "已登记")
        try t.keys(":")
        try t.type("report md \(tmp.path)/budget.md")
        try t.keys("Enter")
        try t.waitFor(text: "会议纪要已写入")
        try t.keys(":")
        try t.type("scenario save 增员")
        try t.keys("Enter")
        try t.waitFor(text: "情景 “增员” 已保存到 scenarios.csv")
        try t.keys(":")
        try t.type("export requirements \(tmp.path)/req.csv")
        try t.keys("Enter")
        try t.waitFor(text: "已导出 (阅读版)")
        try t.keys(":")
        try t.type("q!")
        try t.keys("Enter")
        try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
        let md = try String(contentsOfFile: tmp.path + "/budget.md", encoding: .utf8)
        #expect(md.contains("- **参会人**: 周敏、财务总监"))
        #expect(md.contains("> **假设测算（未保存为情景）：5 年，用户 150（每年 +10%），涨价 3%，折现率 6%**"))
        let scenarios = try String(contentsOfFile: ws + "/scenarios.csv", encoding: .utf8)
        #expect(scenarios.contains("增员,5,150,0.1,0.03,0.06\n"))
        // Only scenarios.csv was written: the meeting itself was left unsaved (q! discards it).
        #expect(!FileManager.default.fileExists(atPath: ws + "/meetings.csv"))
        let req = try Data(contentsOf: URL(fileURLWithPath: tmp.path + "/req.csv"))
        #expect(Array(req.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: req.dropFirst(3), as: UTF8.self).hasPrefix("编号,部门,"))
        #expect(try run(binaryPath, ["check", "-w", ws]).status == 0)
    }
}
