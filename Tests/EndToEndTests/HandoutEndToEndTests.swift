import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The five handouts written by the verb on both demos, checked as files and screenshot in a real browser.
@Suite(.serialized) struct HandoutBrowserTests {
    static let kinds = ["survey", "scoring", "budget", "legal", "delivery"]

    /// A demo copy with the day's meetings, as `:meeting` would have recorded them.
    static func workspace(_ demo: String, in tmp: TempDir) throws -> String {
        let ws = try tmp.demoCopy(demo)
        let zh = demo == "demo"
        try """
        id,kind,date,title,attendees,lead
        M1,survey,2026-12-01,\(zh ? "财务部需求调研" : "Finance needs survey"),\(zh ? "周敏、赵磊" : "Zhou Min; Zhao Lei"),\(zh ? "赵磊" : "Zhao Lei")
        M2,scoring,2026-12-01,\(zh ? "评标会" : "Scoring panel"),\(zh ? "张伟、李娜、王强" : "Zhang Wei; Li Na; Wang Qiang"),\(zh ? "赵磊" : "Zhao Lei")
        M3,delivery,2027-05-10,\(zh ? "第 19 周交付例会" : "Week 19 delivery review"),\(zh ? "赵磊、孙建国、云帆项目经理" : "Zhao Lei; Sun Jianguo; Yunfan PM"),\(zh ? "赵磊" : "Zhao Lei")

        """.write(toFile: ws + "/meetings.csv", atomically: true, encoding: .utf8)
        return ws
    }

    /// `bidbench report --kind K` into `folder/DEMO-K.html`; returns the path.
    static func write(_ kind: String, demo: String, ws: String, folder: String) throws -> String {
        let html = folder + "/\(demo)-\(kind).html"
        // The delivery review is held once the contract is in delivery, in May 2027 on the demo.
        var args = ["report", "-w", ws, "--kind", kind, "--today", kind == "delivery" ? "2027-05-10" : "2026-12-01", "-o", html]
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
            case "delivery":
                #expect(text.contains(zh ? "<td>赵磊、孙建国、云帆项目经理</td>" : "<td>Zhao Lei, Sun Jianguo, Yunfan PM</td>"))
                #expect(text.contains(zh ? "暂不可付" : "blocked"))
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
                OptionalTool.chromium.executable,
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

    /// A meeting pass: the scoring handout's "how each total is built" table was wider than the page
    /// with four vendors (a formula per cell on one line each). Every table of every handout fits a
    /// column of an A4 page (703 px), measured by the browser (a page that frames the handout and writes
    /// each table's width beside the width it has).
    @Test(.requires(.chromium), arguments: ["demo", "demo-en"])
    func everyHandoutsTablesFitANarrowPage(demo: String) throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try Self.workspace(demo, in: tmp)
        for kind in Self.kinds + ["full"] {
            let html = try Self.write(kind, demo: demo, ws: ws, folder: tmp.path)
            let frame = tmp.path + "/frame-\(kind).html"
            try """
            <html><body><iframe id="f" src="\(URL(fileURLWithPath: html).lastPathComponent)" style="width:703px;height:4000px"></iframe>
            <pre id="out"></pre><script>
            document.getElementById('f').onload = function() {
              var d = document.getElementById('f').contentDocument, r = [];
              d.querySelectorAll('table').forEach(function(t, i) {
                if (t.scrollWidth > t.parentElement.clientWidth) r.push('table ' + i + ': ' + t.scrollWidth + ' > ' + t.parentElement.clientWidth);
              });
              document.getElementById('out').textContent = 'measured ' + d.querySelectorAll('table').length + ' ' + r.join('; ');
            };
            </script></body></html>
            """.write(toFile: frame, atomically: true, encoding: .utf8)
            let dom = try run(
                OptionalTool.chromium.executable,
                [
                    "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--virtual-time-budget=3000", "--dump-dom",
                    "file://\(frame)",
                ])
            let out = dom.out.components(separatedBy: "<pre id=\"out\">").last?.components(separatedBy: "</pre>").first ?? ""
            #expect(out.hasPrefix("measured ") && !out.hasPrefix("measured 0"), "\(demo) \(kind): nothing measured: \(dom.err)")
            #expect(!out.contains("table "), "\(demo) \(kind): \(out)")
        }
    }

    /// A meeting pass: `82.91` ahead of `82.08` by `0.82` (the unrounded 82.9059 − 82.0833); the margin is
    /// the one the reader works out from the totals printed.
    @Test func theMarginIsTheDifferenceOfThePrintedTotals() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo-en")
        let r = try bidbench("report", "--kind", "scoring", "--format", "md", "-o", "-", "--lang", "zh", "-w", ws)
        #expect(r.status == 0, "\(r.err)")
        let line = r.out.split(separator: "\n").first { $0.contains("领先") }.map(String.init) ?? ""
        #expect(line == "> **推荐：Yunfan Software，得分 82.91，领先 Qiming Information (82.08) 0.83 分**")
    }

    @Test func exportForPeopleAndForMachines() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy()
        // `-o -` is standard output, as for `report` (a finance pass: it wrote a file named `-`).
        let out = try run(binaryPath, ["export", "budget", "-w", ws, "-o", "-"], cwd: tmp.path)
        #expect(out.status == 0 && out.out.hasPrefix("fiscal_year,cost_center,category,amount\n2027,信息部,,2300000\n"))
        #expect(!FileManager.default.fileExists(atPath: tmp.path + "/-"))
        let people = tmp.path + "/财务部.csv"
        let r = try run(binaryPath, ["export", "requirements", "-w", ws, "--for", "people", "--department", "财务部", "-o", people])
        #expect(r.status == 0, "export failed: \(r.err)")
        // Read as bytes: Foundation drops a BOM when it decodes a file.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: people))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "the form for people starts with a BOM for Excel")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        // The demo is in delivery: the last column says whether each requirement has been accepted.
        #expect(text.hasPrefix("编号,部门,模块,需求,说明,优先级,权重,验收标准,状态,准则,来源,验收结果\n"))
        #expect(text.contains(",已确认,功能-经营管理,财务部 2026-11-18 调研,已验收\n"))
        #expect(text.contains("R01,财务部,总账,多币种凭证自动折算,"))
        #expect(text.contains(",必须,5,"))
        #expect(!text.contains("D01") && !text.contains(",must,"))
        #expect(!text.contains("销售部"))
        let machine = try run(binaryPath, ["export", "requirements", "-w", ws])
        #expect(machine.out.hasPrefix("id,department,module,title,"))
        #expect(machine.out.contains("R01,D01,总账,多币种凭证自动折算,"))
        let bad = try run(binaryPath, ["export", "requirements", "-w", ws, "--for", "boss"])
        #expect(bad.status == 64)
        #expect(bad.err.contains("Error: The value 'boss' is invalid for '--for <for>'. Please provide one of 'machine' and 'people'."))
    }
}

/// The meeting commands in the real TUI: `:meeting`, `:report`, `:scenario save`, `:export` write their files.
@Suite(.serialized) struct HandoutTerminalTests {
    /// `:` then a command, Enter.
    static func command(_ t: TmuxSession, _ line: String) throws {
        try t.keys(":")
        try t.type(line)
        try t.keys("Enter")
    }

    /// Two survey meetings of 财务部 a week apart, each a real session: the first writes its handout
    /// and saves (meeting_requirements.csv keeps what it left); the second adds, deletes and edits one
    /// requirement each, and its handout lists exactly those three against the first meeting.
    @Test(.requires(.tmux)) func theSecondSurveyMeetingListsWhatChangedSinceTheFirst() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        do {
            let t = try TmuxSession(args: ["-w", ws], width: 110, height: 32, env: ["BIDBENCH_TODAY": "2026-12-01"])
            try t.waitFor(text: "[1 需求]")
            try t.keys("]")
            try t.waitFor(text: "必须 5  应该 5  可以 2")  // 财务部's counts
            try Self.command(t, "meeting")
            try t.waitFor(text: "会议 — 需求调研会 · 财务部")
            try t.type("周敏、钱会计")
            try t.keys("Tab")
            try t.type("赵磊")
            try t.keys("C-s")
            try t.waitFor(text: "已登记")
            try Self.command(t, "report md \(tmp.path)/first.md")
            try t.waitFor(text: "会议纪要已写入")
            try t.keys("C-s")  // the meeting was saved with its form already (Ctrl-S there)
            try t.waitFor(text: "已保存")
            try t.keys("q")
            try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
        }
        let first = try String(contentsOfFile: tmp.path + "/first.md", encoding: .utf8)
        #expect(first.contains("这是登记的第一次调研会：以上需求均为新增。"))
        let kept = try String(contentsOfFile: ws + "/meeting_requirements.csv", encoding: .utf8)
        #expect(kept.hasPrefix("meeting,id,department,module,title,"))
        #expect(kept.split(separator: "\n").count == 13, "the header and 财务部's 12 requirements")

        let t = try TmuxSession(args: ["-w", ws], width: 110, height: 32, env: ["BIDBENCH_TODAY": "2026-12-08"])
        try t.waitFor(text: "[1 需求]")
        try t.keys("]")
        try t.waitFor(text: "必须 5  应该 5  可以 2")  // 财务部's counts
        try Self.command(t, "meeting")
        try t.waitFor(text: "会议 — 需求调研会 · 财务部")
        try t.type("周敏")
        try t.keys("C-s")
        try t.waitFor(text: "已登记")
        try t.keys("a")
        try t.waitFor(text: "优先级")
        try t.type("银行流水自动对账")
        try t.keys("Tab")
        try t.type("必须")
        try t.keys("C-s")
        try t.waitFor(text: "R48")
        try t.keys("g", "e", "Tab", "Tab")
        try t.type("汇率每小时更新")
        try t.keys("C-s")
        try t.waitFor(text: "已更新 R01")
        // R04: R02 and R03 are proved by acceptance tests, so they cannot be deleted.
        try t.keys("g", "j", "j", "j", "d")
        try t.waitFor(text: "删除必须项 R04 应收账款账龄分析?")
        try t.keys("y")
        try Self.command(t, "report md \(tmp.path)/second.md")
        try t.waitFor(text: "会议纪要已写入")
        try Self.command(t, "q!")
        try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
        let md = try String(contentsOfFile: tmp.path + "/second.md", encoding: .utf8)
        let lines = md.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("## 2. ") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("## 3. ") })
        #expect(
            lines[(start + 1)..<end].filter { !$0.isEmpty } == [
                "_与 2026-12-01 的会议（“财务部 需求调研会”）结束时的需求相比。_",
                "新增 1 条，删除 1 条，修改 1 条。",
                "- 新增 R48 银行流水自动对账（必须）",
                "- 删除 R04 应收账款账龄分析",
                "- 修改 R01 多币种凭证自动折算 — 验收标准：美元、欧元、日元凭证录入后自动折算；期末调汇凭证一键生成，与手工计算差异为 0 → 汇率每小时更新",
            ])
    }

    /// A meeting pass: after the reveal, an evaluator's `:report scoring` replaced the lead's handout in
    /// the shared folder, with her unsaved score in it. It goes to her own folder, saying so and that
    /// it holds unsaved edits; the lead's file stays.
    @Test(.requires(.tmux)) func anEvaluatorsHandoutNeverReplacesTheLeads() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let env = ["BIDBENCH_TODAY": "2026-12-01"]
        let lead = try TmuxSession(args: ["-w", ws], width: 120, height: 32, env: env)
        try lead.waitFor(text: "[1 需求]")
        try Self.command(lead, "report scoring md")
        try lead.waitFor(text: "会议纪要已写入")
        try lead.keys("q")
        try lead.waitFor("the program to exit") { _ in (try? lead.exited()) == true }
        let shared = ws + "/handout-scoring-2026-12-01.md"
        let before = try String(contentsOfFile: shared, encoding: .utf8)
        let zw = try TmuxSession(args: ["-w", ws, "--as", "张伟"], width: 120, height: 32, env: env)
        try zw.waitFor(text: "[1 需求]")
        try zw.keys("2")
        try zw.waitFor(text: "[2 供应商]")
        try zw.keys("Enter")
        try zw.waitFor(text: "张伟 · ")
        try zw.keys("C-u")
        try zw.type("2")
        try zw.keys("Enter")  // the score taken, not saved
        try zw.waitFor(text: "未保存")
        try Self.command(zw, "report scoring md")
        try zw.waitFor(text: "(含未保存的修改)")
        #expect(try zw.capture().joined().contains("仅供你本人: 写入你自己的文件夹, 不覆盖主持人的会议纪要"))
        #expect(try String(contentsOfFile: shared, encoding: .utf8) == before)
        #expect(FileManager.default.fileExists(atPath: ws + "/.bidbench/private/张伟/handout-scoring-2026-12-01.md"))
        try Self.command(zw, "q!")
        try zw.waitFor("the program to exit") { _ in (try? zw.exited()) == true }
    }

    /// A meeting pass: `R` hid the panel again and said nothing of the handout with the revealed scores
    /// left in the shared folder (`reveal --hide` names it). The message names it too.
    @Test(.requires(.tmux)) func hidingAgainInTheTerminalNamesTheRevealedHandout() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws], width: 120, height: 32, env: ["BIDBENCH_TODAY": "2026-12-01"])
        try t.waitFor(text: "[1 需求]")
        try Self.command(t, "report scoring md")
        try t.waitFor(text: "会议纪要已写入")
        try t.keys("2")
        try t.waitFor(text: "[2 供应商]")
        try t.keys("R")
        // The message wraps: the file starts the second row.
        try t.waitFor(text: "handout-scoring-2026-12-01.md (请移走或删除: 评审组共享此文件夹, git add -A 会提交它们)")
        #expect(try t.capture().joined().contains("评分已隐藏; 已保存到 \(ws); 工作区文件夹中仍有含揭晓评分的文件:"))
        try t.keys("q")
        try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
        #expect(try String(contentsOfFile: ws + "/workspace.json", encoding: .utf8).contains("\"revealed\": false"))
    }

    /// The scoring panel in a real terminal: `n` on the first cell, a note typed in Chinese, Ctrl-S,
    /// a save; discussion.csv holds it and `:report x.md` writes Markdown (from the extension) with
    /// the note under the cell.
    @Test(.requires(.tmux)) func theDiscussionNoteTypedIsInDiscussionCsvAndTheScoringHandout() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let t = try TmuxSession(args: ["-w", ws], width: 110, height: 32, env: ["BIDBENCH_TODAY": "2026-12-01"])
        try t.waitFor(text: "[1 需求]")
        try t.keys("2")
        try t.waitFor(text: "[2 供应商]")
        try t.keys("n")
        try t.waitFor(text: "讨论 — 云帆软件 · 功能-生产制造")
        try t.type("复演后再定，暂按平均分")
        try t.keys("C-s")
        try t.waitFor(text: "讨论记录已保存")
        try t.keys("C-s")
        try t.waitFor(text: "已保存")
        try Self.command(t, "report \(tmp.path)/scoring.md")
        try t.waitFor(text: "会议纪要已写入")
        try t.keys("q")
        try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
        #expect(try String(contentsOfFile: ws + "/discussion.csv", encoding: .utf8) == "vendor,criterion,note\nV1,func_mfg,复演后再定，暂按平均分\n")
        let md = try String(contentsOfFile: tmp.path + "/scoring.md", encoding: .utf8)
        let lines = md.components(separatedBy: "\n")
        let cell = try #require(lines.firstIndex { $0.hasPrefix("### 云帆软件 × 功能-生产制造") })
        #expect(lines[cell...].first { $0.hasPrefix("评审组讨论：") } == "评审组讨论：复演后再定，暂按平均分")
    }

    /// The weekly delivery review on screen 5: `:report` alone writes the delivery handout.
    @Test(.requires(.tmux)) func reportOnScreenFiveWritesTheDeliveryHandout() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        /// Opens the workspace in `lang`, writes screen 5's handout as Markdown and quits.
        func handout(_ lang: [String], _ tab: (one: String, five: String), written: String) throws {
            let t = try TmuxSession(args: ["-w", ws] + lang, width: 120, height: 34, env: ["BIDBENCH_TODAY": "2027-05-10"])
            try t.waitFor(text: tab.one)
            try t.keys("5")
            try t.waitFor(text: tab.five)
            try Self.command(t, "report md")
            try t.waitFor(text: written)
            try Self.command(t, "q!")
            try t.waitFor("the program to exit") { _ in (try? t.exited()) == true }
        }
        try handout([], ("[1 需求]", "[5 交付]"), written: "会议纪要已写入")
        let md = try String(contentsOfFile: ws + "/handout-delivery-2027-05-10.md", encoding: .utf8)
        #expect(md.hasPrefix("# 交付评审会 — 华东精密 ERP 升级\n"))
        #expect(md.contains("| 上线款 (含已付节点的变更份额 24,000) | 1,188,000 | 2027-06-30 | 暂不可付 | A1.4 未通过、A1.5 待测、A1.6 待测、A1.7 待测 |\n"))
        // Finance's English handout of the same meeting is a file of its own: it overwrote the Chinese one.
        try handout(["--lang", "en"], ("[1 Requirements]", "[5 Delivery]"), written: "Handout written to")
        #expect(try String(contentsOfFile: ws + "/handout-delivery-2027-05-10.md", encoding: .utf8) == md)
        let english = try String(contentsOfFile: ws + "/handout-delivery-2027-05-10-en.md", encoding: .utf8)
        #expect(english.hasPrefix("# Delivery review — "), "\(english.prefix(80))")
    }

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
        try t.keys("Enter")  // taken, not saved: q! below leaves it unsaved
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
        // `.xlsx` is a workbook (a finance pass: CSV text went into `pay.xlsx`, which Excel refused).
        try t.keys(":")
        try t.type("export payments \(tmp.path)/pay.xlsx")
        try t.keys("Enter")
        try t.waitFor(text: "已导出 (工作簿)")
        #expect(FileManager.default.contents(atPath: tmp.path + "/pay.xlsx").map { Array($0.prefix(4)) } == [0x50, 0x4B, 0x03, 0x04])
        // The machine form's default file is not the table itself, and a table named as the file is refused.
        let table = FileManager.default.contents(atPath: ws + "/requirements.csv")
        try t.keys(":")
        try t.type("export requirements machine")
        try t.keys("Enter")
        try t.waitFor(text: "已导出 (机器版")
        try t.keys(":")
        try t.type("export vendors machine \(ws)/requirements.csv")
        try t.keys("Enter")
        try t.waitFor(text: "未写入 (会在没有备份和日志的情况下替换工作区数据)")
        #expect(FileManager.default.contents(atPath: ws + "/requirements.csv") == table)
        #expect(FileManager.default.contents(atPath: ws + "/requirements-export.csv") == table)
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
        #expect(try String(contentsOfFile: ws + "/meetings.csv", encoding: .utf8) == "id,kind,date,title,attendees,lead,department\n")
        let req = try Data(contentsOf: URL(fileURLWithPath: tmp.path + "/req.csv"))
        #expect(Array(req.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: req.dropFirst(3), as: UTF8.self).hasPrefix("编号,部门,"))
        #expect(try run(binaryPath, ["check", "-w", ws]).status == 0)
    }
}

/// The delivery review's handout on the demo, measured on 2027-05-10, with every value by hand:
/// C1 is worth 1 860 000 + the approved CO1 80 000 = 1 940 000; the signing payment (30 %), paid on
/// 2027-01-15 before CO1 (2027-03-10), was 30 % of 1 860 000 = 558 000, so go-live (60 % = 1 164 000)
/// brings CO1's 30 % as well: 1 188 000; final acceptance (10 %) 194 000; T06 planned to end on
/// 2027-04-30 is 10 days late; 71 trainees planned (12+4+20+30+5), 58 present (11+4+17+26+0);
/// K002 and K004 broke the SLA, so 3 of 5 tickets met it (60 %); April's 324 minutes down of
/// 43 200 leave 99.25 %, under the contract's 99.5 %.
@Suite(.serialized) struct DeliveryHandoutTests {
    static func handout(_ demo: String, meeting: String) throws -> String {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy(demo)
        try ("id,kind,date,title,attendees,lead\n" + meeting + "\n").write(toFile: ws + "/meetings.csv", atomically: true, encoding: .utf8)
        let r = try run(binaryPath, ["report", "-w", ws, "--kind", "delivery", "--today", "2027-05-10", "--format", "md", "-o", "-"])
        #expect(r.status == 0, "report --kind delivery failed: \(r.err)")
        // With --today the generation stamp is that day: the whole handout is the same on every run.
        return r.out
    }

    @Test func inChinese() throws {
        let got = try Self.handout("demo", meeting: "M3,delivery,2027-05-10,第 19 周交付例会,赵磊、孙建国、云帆项目经理,赵磊")
        #expect(got == zhText)
    }

    /// An empty contract file is no text, as on the Contracts screen: the legal handout says its
    /// clauses were not reviewed, not that the text lacks every one of them.
    @Test func anEmptyContractTextIsNotReadAsMissingEveryClause() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo-en")
        try "".write(toFile: ws + "/contracts/C2-zhilian-subscription.md", atomically: true, encoding: .utf8)
        let r = try run(binaryPath, ["report", "-w", ws, "--kind", "legal", "--format", "md", "-o", "-"])
        #expect(r.status == 0, "\(r.err)")
        let c2 = r.out.components(separatedBy: "## 2. C2").last ?? ""
        #expect(c2.contains("\nNot reviewed: Scope, Fees, Payment,"))
        #expect(!c2.contains("Not found in the text"))
    }

    /// The budget handout's cash flow marks the milestone acceptance tests still hold back, as the
    /// report and screen 3 do (it listed the go-live payment as if it could be paid in June).
    @Test func theBudgetHandoutMarksBlockedMilestones() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo")
        let r = try run(binaryPath, ["report", "-w", ws, "--kind", "budget", "--today", "2027-05-10", "--format", "md", "-o", "-"])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.out.contains(
                "| 2027-06-30 | C1 云帆软件 | 上线款 (含已付节点的变更份额 24,000) | 60% | 1,188,000 | 上线验收 A1 | 暂不可付：A1.4 未通过、A1.5 待测、A1.6 待测、A1.7 待测 |\n"))
        #expect(r.out.contains("| 2027-01-15 | C1 云帆软件 | 签约款 | 30% | 558,000 | 合同签订 | 已付 |\n"))
        // No budget meeting was recorded that day: the header says how, for the command line's user too.
        #expect(r.out.contains("未登记 (在界面中用 :meeting 登记, 或在 meetings.csv 中加一行)"))
        // The cheapest vendor fails a must-have: marked as on the Budget screen and in the report (user
        // test: the handout showed it unmarked), and a table with cents shows them on every figure.
        #expect(
            r.out.contains(
                "| ✗ 北辰数科 | 426,000.00 | 244,728.00 | 278,804.52 | 314,705.38 | 356,561.19 | 1,620,799.09 | 1,451,673.07 |\n"))
        #expect(r.out.contains("\n✗ 未满足必须项需求，不能授标：北辰数科（R02）\n"))
        #expect(r.out.contains("| 情景 | 假设 | 云帆软件 | 智链科技 | 启明信息 | ✗ 北辰数科 |\n"))
    }

    @Test func inEnglish() throws {
        let got = try Self.handout(
            "demo-en", meeting: "M3,delivery,2027-05-10,Week 19 delivery review,Zhao Lei; Sun Jianguo; Yunfan PM,Zhao Lei")
        #expect(got == enText)
    }

    let zhText = """
        # 第 19 周交付例会

        *交付评审会 · 会议纪要 · 华东精密 ERP 升级*

        - **会议**: 第 19 周交付例会
        - **日期**: 2027-05-10
        - **参会人**: 赵磊、孙建国、云帆项目经理
        - **主持人**: 赵磊
        - **工作区**: 华东精密 ERP 升级
        - **生成时间**: 2027-05-10

        ## 1. C1 ERP 升级加购合同 — 云帆软件

        > **测试：逾期 10 天；可支付 0；暂不可付 1,382,000；需求已验收 6/13**

        ### 实施计划

        | 阶段 | 状态 | 计划 | 实际完成 | 延误天数 |
        |---|---|---|---|---:|
        | 系统评估 | 已完成 | 2027-01-04 – 2027-01-22 | 2027-01-22 | 0 |
        | 技术方案 | 已完成 | 2027-01-25 – 2027-02-26 | 2027-03-05 | 7 |
        | 数据迁移 | 已完成 | 2027-03-01 – 2027-04-20 | 2027-04-20 | 0 |
        | 测试 | 进行中 | 2027-04-06 – 2027-05-28 | – | 10 |
        | 上线 | 未开始 | 2027-06-01 – 2027-07-07 | – | 0 |
        | 上线后优化 | 未开始 | 2027-07-08 – 2027-09-30 | – | 0 |

        按期完成的任务：40%

        - 逾期：T06 MES 接口联调（生产部 孙建国），计划 2027-04-30 完成，已逾期 10 天

        ### 验收

        验收测试通过 3 项，未通过 1 项，待测 4 项；需求已验收 6 / 13；一次通过率 50%。

        - 未通过 A1.4 工单下达 MES 并回写完工；检验结果回传：回写超时 12 次/日，待接口修复

        待测：A1.5、A1.6、A1.7、A2.1

        ### 付款

        | 付款节点 | 金额 | 到期 | 状态 | 原因 |
        |---|---:|---|---|---|
        | 签约款 | 558,000 | 2027-01-15 | 已支付 |  |
        | 上线款 (含已付节点的变更份额 24,000) | 1,188,000 | 2027-06-30 | 暂不可付 | A1.4 未通过、A1.5 待测、A1.6 待测、A1.7 待测 |
        | 终验款 | 194,000 | 2027-09-30 | 暂不可付 | A2.1 待测 |

        ### 培训

        5 场，计划 71 人次、到场 58 人次，通过率 85.7%（目标 90%）——低于目标。

        仍需培训：

        - 黄伟（财务部）：总账 · 考核未通过
        - 高峰（生产部）：生产排程 · 考核未通过
        - 罗兵（生产部）：生产排程 · 缺席

        ### 技术支持与 SLA

        工单 5 个；SLA 达标率 60%；响应超时 1 次，解决超时 1 次；违约金 0。

        按月违约：2027-04 工单 4 个、违约 2 次

        可用率（目标 99.5%，合同第 41 行）：2027-02 99.95% 达标、2027-03 99.8% 达标、2027-04 99.25% 未达标

        - 未达标 2027-04：99.25%，停机 324 分钟 — 4月14日 MES 接口宕机等，共停机 324 分钟

        - K002 P1 MES 接口：响应超时 — 接口服务宕机，联调中断
        - K004 P2 成本：解决超时 — 成本计算任务卡住

        ### 最近一次供应商考评

        2027-04 期：得分 63.6；按时 60%，一次验收 75%，SLA 50%，培训 86%，满意度 3.5/5（4 个部门的平均）；考评人 信息部 赵磊。

        考评意见：方案阶段延期一周，迁移按期完成；MES 接口联调滞后，一级故障响应超时一次

        ## 2. 预警

        - RK03 C1 培训通过率 85.7% 低于目标 90%
        - RK04 C1 2027-04 违反 SLA 2 次 (阈值 2)
        - RK10 C1 任务 T06 MES 接口联调 已逾期 10 天 (计划 2027-04-30 完成)
        - RK11 C1 2027-04 可用率 99.25% 低于目标 99.5%

        ---
        由 Bidbench 根据工作区“华东精密 ERP 升级”于 2027-05-10 生成。金额单位：CNY。

        """

    let enText = """
        # Week 19 delivery review

        *Delivery review · handout · East China Precision ERP upgrade*

        - **Meeting**: Week 19 delivery review
        - **Date**: 2027-05-10
        - **Attendees**: Zhao Lei, Sun Jianguo, Yunfan PM
        - **Led by**: Zhao Lei
        - **Workspace**: East China Precision ERP upgrade
        - **Generated**: 2027-05-10

        ## 1. C1 ERP upgrade and add-on modules agreement — Yunfan Software

        > **Testing: 10 days overdue; payable now 0; blocked 1,382,000; requirements accepted 6 of 13**

        ### Plan

        | Phase | Status | Planned | Finished | Days late |
        |---|---|---|---|---:|
        | Assessment | done | 2027-01-04 – 2027-01-22 | 2027-01-22 | 0 |
        | Technical plan | done | 2027-01-25 – 2027-02-26 | 2027-03-05 | 7 |
        | Data migration | done | 2027-03-01 – 2027-04-20 | 2027-04-20 | 0 |
        | Testing | in progress | 2027-04-06 – 2027-05-28 | – | 10 |
        | Go-live | planned | 2027-06-01 – 2027-07-07 | – | 0 |
        | Optimisation | planned | 2027-07-08 – 2027-09-30 | – | 0 |

        Tasks done on time: 40%

        - Overdue: T06 MES interface integration testing (Production, Sun Jianguo), 10 days past its planned end 2027-04-30

        ### Acceptance

        3 tests passed, 1 failed, 4 pending; requirements accepted 6 of 13; first-pass 50%.

        - Failed A1.4 Work orders reach MES and completions come back; inspection results flow back: 12 write-back timeouts a day, waiting for the interface fix

        Still to test: A1.5, A1.6, A1.7, A2.1

        ### Payments

        | Milestone | Amount | Due | Standing | Why |
        |---|---:|---|---|---|
        | Signing | 558,000 | 2027-01-15 | paid |  |
        | Go-live (incl. 24,000: the paid milestones' share of later change orders) | 1,188,000 | 2027-06-30 | blocked | A1.4 failed, A1.5 pending, A1.6 pending, A1.7 pending |
        | Final acceptance | 194,000 | 2027-09-30 | blocked | A2.1 pending |

        ### Training

        5 sessions, 58 of 71 planned attended, pass rate 85.7% (target 90%) — below target.

        Still to train:

        - Huang Wei (Finance): General ledger · failed the test
        - Gao Feng (Production): Production scheduling · failed the test
        - Luo Bing (Production): Production scheduling · absent

        ### Support and SLA

        5 tickets; SLA met 60%; breaches: 1 response, 1 resolution; penalty 0.

        Breaches by month: 2027-04: 2 breaches in 4 tickets

        Availability (target 99.5%, contract line 41): 2027-02 99.95% met, 2027-03 99.8% met, 2027-04 99.25% missed

        - Missed 2027-04: 99.25%, 324 minutes down — MES interface down on 14 April and others, 324 minutes in all

        - K002 P1 MES interface: response late — Interface service down, integration testing stopped
        - K004 P2 Costing: resolution late — Cost calculation job stuck

        ### Last vendor review

        Period 2027-04: score 63.6; on time 60%, first-pass acceptance 75%, SLA 50%, training 86%, satisfaction 3.5/5 (mean of 4 departments); reviewer IT, Zhao Lei.

        Reviewer's note: Blueprint a week late, migration on time; MES interface testing behind; one severity-1 response missed

        ## 2. Early warnings

        - RK03 C1 training pass rate 85.7% below the target 90%
        - RK04 C1 2 SLA breaches in 2027-04 (threshold 2)
        - RK10 C1 task T06 MES interface integration testing is 10 days overdue (planned end 2027-04-30)
        - RK11 C1 availability 99.25% in 2027-04 below the target 99.5%

        ---
        Generated by Bidbench from the workspace “East China Precision ERP upgrade” on 2027-05-10. Amounts in CNY.

        """
}

/// The verb's mistakes about the report's file: the format comes from `-o`'s extension when no
/// `--format` is given, and a contradiction is refused before anything is written.
@Suite struct ReportFileNameCLITests {
    /// `--today` is "for repeatable output", yet handouts were stamped with the clock's minute.
    @Test func aHandoutWithTodayIsTheSameBytesEachRun() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let args = ["report", "-w", ws, "--kind", "legal", "--format", "md", "--today", "2027-05-01", "-o", "-"]
        let first = try run(binaryPath, args)
        #expect(first.status == 0 && first.out.contains("- **生成时间**: 2027-05-01"), "\(first.err)")
        sleep(1)
        #expect(try run(binaryPath, args).out == first.out)
    }

    @Test func theExtensionChoosesTheFormatAndAContradictionIsRefused() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy("demo")
        let md = tmp.path + "/y.md"
        let r = try run(binaryPath, ["report", "-w", ws, "--kind", "budget", "--today", "2026-12-01", "-o", md])
        #expect(r.status == 0, "\(r.err)")
        let text = try String(contentsOfFile: md, encoding: .utf8)
        #expect(text.hasPrefix("# ") && !text.contains("<html"))
        let html = tmp.path + "/y.html"
        let bad = try run(binaryPath, ["report", "-w", ws, "--format", "md", "-o", html])
        #expect(bad.status != 0)
        #expect(bad.err.contains("--format md contradicts the file name '\(html)' (a .html name): drop one of them"))
        #expect(!FileManager.default.fileExists(atPath: html))
    }

    /// Regression: `:scenario save 基准` made a second base scenario; `check` names such a row.
    @Test func checkNamesAScenarioRowCalledLikeTheBase() throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy("demo")
        try "name,years,users,growth,escalation,discount_rate\n基准,6,,,,\n".write(
            toFile: ws + "/scenarios.csv", atomically: true, encoding: .utf8)
        let r = try run(binaryPath, ["check", "-w", ws])
        #expect(r.status != 0)
        #expect((r.out + r.err).contains("scenarios.csv:2: name:"))
    }
}
