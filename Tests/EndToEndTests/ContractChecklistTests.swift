import BidbenchCore
import Foundation
import Testing

/// `bidbench contract check FILE` as a reader sees it: the whole checklist, line for line.
@Suite("Contract checklist")
struct ContractChecklistTests {
    /// A contract whose last clause is on line 100 004: its line number is printed whole and apart
    /// from the evidence (the column was 10 wide and cut it to `line 10000`, a wrong line, glued to
    /// the text); an English sentence of 133 characters is cut to 99 and `…`; an escape in the
    /// file's name cannot drive the terminal.
    /// The SLA times and penalty rates are Bidbench's own summary of many lines: printed whole, never
    /// clipped like a quoted term (six SLA times made a line of 130 characters, cut at 100 with `…`).
    /// A lawyer's pass: `--lang zh` printed the checklist in English although every Chinese text exists.
    @Test func theChecklistInChinese() throws {
        let file = packageRoot.appendingPathComponent("data/demo/contracts/C1-云帆软件-ERP升级合同.md").path
        let r = try run(binaryPath, ["contract", "check", file, "--lang", "zh"])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.components(separatedBy: "\n")
        for want in [
            "合同审查: \(file)", "条款 (找到 22/22)", "  ✔ 支持与服务水平  第 37 行    5.1 乙方提供 7×24 小时技术支持热线及在线工单服务。",
            "关键条款", "  期限        36 个月", "  通知期      90 天", "  争议解决    上海国际仲裁中心 (仲裁)",
            "  SLA 时限    响应 30 分钟 (第 38 行)，解决 4 小时 (第 38 行)，响应 2 小时 (第 39 行)，解决 1 天 (第 39 行)，响应 1 个工作日 (第 40 行)，解决 5 个工作日 (第 40 行)",
            "  违约金比率  0.0005/日 (第 62 行)，0.0005/日 (第 63 行)", "数据安全 (已承诺 6/10)", "  ✗ 存储加密                 未找到",
            "风险提示 (1)", "  ⚑ 付款条件苛刻 [中] — 第 63 行: 甲方逾期付款的，每逾期一日，应按逾期金额的万分之五向乙方支付违约金。",
            "      原因: 验收前付款、视为验收，或逾期利息过高。",
        ] {
            #expect(lines.contains(want), "missing: \(want)\n\(r.out)")
        }
        // Every quoting line fits 140 columns: quotes are clipped to 100 display columns, not 100 characters.
        let quoting = lines.filter { $0.hasPrefix("  ✔") || $0.hasPrefix("  ⚑") }
        #expect(quoting.count > 20 && quoting.allSatisfy { TextWidth.of($0) <= 140 }, "\(quoting.filter { TextWidth.of($0) > 140 })")
    }

    /// An empty file got a full report of "missing" clauses and exit 0; a PDF, a .docx and UTF-16 text
    /// got "neither UTF-8 nor GB18030" (a lawyer's pass).
    @Test func anEmptyFileAPDFADocxAndUTF16SayWhatTheyAre() throws {
        let tmp = TempDir()
        func file(_ name: String, _ bytes: [UInt8]) -> String {
            let p = tmp.path + "/" + name
            _ = FileManager.default.createFile(atPath: p, contents: Data(bytes))
            return p
        }
        for (name, bytes, message) in [
            ("empty.txt", [], "is empty: there is no text to review"),
            ("blank.txt", Array(" \n\r\n\t".utf8), "is empty: there is no text to review"),
            ("bom.txt", [0xEF, 0xBB, 0xBF], "is empty: there is no text to review"),
            ("c.pdf", Array("%PDF-1.7\n".utf8) + [0xFF, 0xFE, 0x00, 0x81], "is a PDF, not text: convert it first, e.g. pdftotext -layout"),
            (
                "c.docx", [0x50, 0x4B, 0x03, 0x04, 0xFF, 0x00, 0x81],
                "is a ZIP file (a .docx?), not text: save it as plain text (UTF-8) first"
            ),
        ] as [(String, [UInt8], String)] {
            let p = file(name, bytes)
            let r = try run(binaryPath, ["contract", "check", p])
            #expect(r.status == 1 && r.out == "", "\(name): \(r.status) \(r.out.prefix(100))")
            #expect(r.err == "error: \(p) \(message)" + (name.hasSuffix(".pdf") ? " \(p) contract.txt\n" : "\n"), "\(r.err)")
        }
        // UTF-16 with its mark (Notepad's "Unicode") is read.
        let text = "第一条 验收\n甲方应在十个工作日内完成验收。\n"
        let p = file("u16.txt", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let r = try run(binaryPath, ["contract", "check", p])
        #expect(r.status == 0 && r.err == "note: \(p) is UTF-16; read it as such\n", "\(r.err)")
        #expect(r.out.contains("  ✔ acceptance         line 2    甲方应在十个工作日内完成验收。\n"))
    }

    /// A lawyer's pass: `import contracts` refused a text the user had put in `contracts/` ("not in
    /// the workspace"), and a contract text in GBK, in UTF-16 or missing made the whole workspace
    /// read-only, while `contract check` read the same file. Now the import takes the text from the
    /// folder, and an unreadable text is that contract's warning only.
    @Test func importTakesTheTextFromTheFolderAndABadTextLocksNothing() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        try "第一条 价格\n乙方有权调整服务费，甲方应按调整后的价格支付。\n".write(
            toFile: ws + "/contracts/C9-新合同.txt", atomically: true, encoding: .utf8)
        try "id,vendor,title,file,status\nC9,V3,新合同,contracts/C9-新合同.txt,review\n".write(
            toFile: tmp.path + "/k.csv", atomically: true, encoding: .utf8)
        let imported = try bidbench("import", "contracts", tmp.path + "/k.csv", "-w", ws)
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out.hasPrefix("imported 1 contract (C9) into "), "\(imported.out)")
        #expect(try bidbench("check", "-w", ws).out.contains(" 3 contracts"))
        // A row naming a file that is not there is refused, and says where it was looked for.
        try "id,vendor,title,file,status\nC10,V3,另一份,contracts/none.txt,review\n".write(
            toFile: tmp.path + "/k2.csv", atomically: true, encoding: .utf8)
        let refused = try bidbench("import", "contracts", tmp.path + "/k2.csv", "-w", ws)
        #expect(refused.status == 1)
        #expect(
            refused.err.contains(
                "k2.csv:2: file: contract text \"contracts/none.txt\" is not in the workspace folder (put the file there first)"),
            "\(refused.err)")
        // C9's text saved as GBK: read as such, a warning, the workspace still writable.
        try Data([0xBA, 0xCF, 0xCD, 0xAC, 0x0A]).write(to: URL(fileURLWithPath: ws + "/contracts/C9-新合同.txt"))
        let check = try bidbench("check", "-w", ws, "--lang", "zh")
        #expect(check.status == 0, "\(check.out)")
        #expect(check.err.contains("warning: contracts/C9-新合同.txt 不是 UTF-8: 已按 GB18030 读取 (另存为 UTF-8 更稳妥)\n"), "\(check.err)")
        // The counts in Chinese too (a helper's pass: the OK line stayed English); `OK:` stays for scripts.
        #expect(check.out.hasPrefix("OK: 5 个部门, 47 条需求, 7 个评分项, 4 家供应商, "), "\(check.out)")
        try FileManager.default.removeItem(atPath: ws + "/contracts/C9-新合同.txt")
        let gone = try bidbench("check", "-w", ws)
        #expect(gone.status == 0 && gone.out.hasPrefix("OK: "), "\(gone.out)")
        #expect(gone.err.contains(#"contract text "contracts/C9-新合同.txt" not found in the workspace folder"#), "\(gone.err)")
    }

    /// A lawyer's pass: `dates --lang zh` printed English, and an unsigned contract's effective date,
    /// renewals and notice deadlines were listed (and put in the calendar) as certain.
    @Test func datesInChineseAndAnUnsignedContractsDatesSaySo() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let zh = try bidbench("dates", "-w", ws, "--lang", "zh", "--today", "2026-11-29")
        #expect(zh.status == 0, "\(zh.err)")
        let lines = zh.out.components(separatedBy: "\n")
        #expect(lines.first == "2027-01-01  剩 33 天    生效             ERP 升级加购合同: 生效", "\(zh.out)")
        #expect(lines.dropFirst().first == "2027-02-01  剩 64 天    生效             CRM 与 BI 订阅服务协议: 生效 (合同尚未签署)")
        let en = try bidbench("dates", "-w", ws, "--today", "2026-11-29", "--ics", tmp.path + "/k.ics")
        #expect(en.out.contains("CRM 与 BI 订阅服务协议: effective / 生效 — contract not signed yet / 合同尚未签署\n"), "\(en.out)")
        let ics = try String(contentsOfFile: tmp.path + "/k.ics", encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        #expect(ics.contains("contract not signed yet"))
    }

    /// A lawyer's pass: a sentence across a page break cited `lines 7–11`, as if the footer and the
    /// next page's header were part of it. Its lines are printed as runs: `lines 7, 11`.
    @Test func aSentenceAcrossAPageBreakCitesItsOwnLines() throws {
        let tmp = TempDir()
        let text =
            "人力资源系统升级合同\n\n甲方：苏州恒瑞精密制造有限公司\n乙方：杭州云栈软件科技有限公司\n\n第三条 验收\n"
            + "3.1 甲方收到乙方交付通知后三日内未提出书面异议的，视\n                 第 1 页 共 2 页\n"
            + "\u{0C}人力资源系统升级合同                 合同编号：HR-2027-003\n\n为验收合格。\n"
        try text.write(toFile: tmp.path + "/pb.txt", atomically: true, encoding: .utf8)
        let en = try run(binaryPath, ["contract", "check", tmp.path + "/pb.txt"])
        #expect(
            en.out.contains("  ⚑ payment_terms_harsh [medium] (acceptance) — lines 7, 11: 甲方收到乙方交付通知后三日内未提出书面异议的，视为验收合格。\n"),
            "\(en.out)")
        let zh = try run(binaryPath, ["contract", "check", tmp.path + "/pb.txt", "--lang", "zh"])
        #expect(zh.out.contains("(验收) — 第 7、11 行: "), "\(zh.out)")
    }

    @Test func slaTimesAndPenaltyRatesArePrintedWhole() throws {
        let tmp = TempDir()
        let text = [
            "第五条 服务水平", "一级故障乙方应在30分钟内响应，4小时内恢复。", "二级故障乙方应在2小时内响应，24小时内恢复。",
            "三级故障乙方应在4小时内响应，3个工作日内恢复。", "乙方每逾期一日，应按合同总价的万分之五支付违约金。",
            "甲方逾期付款的，每日按应付金额的千分之一支付滞纳金。", "Overdue amounts bear interest at 1.5% per month until paid.",
        ].joined(separator: "\n")
        try text.write(toFile: tmp.path + "/sla.txt", atomically: true, encoding: .utf8)
        let r = try run(binaryPath, ["contract", "check", "sla.txt"], cwd: tmp.path)
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "  SLA response   response 30 min (line 2), resolution 4 h (line 2), response 2 h (line 3), resolution 1 d (line 3), "
                    + "response 4 h (line 4), resolution 3 working days (line 4)"), "\(r.out)")
        #expect(lines.contains("  penalty rates  0.0005/day (line 5), 0.001/day (line 6), 0.015/month (line 7)"), "\(r.out)")
    }

    @Test func checklistOfALongContract() throws {
        let tmp = TempDir()
        let name = "c\u{1B}[31m.txt"
        let suspend =
            "The Supplier may suspend the service at any time without notice and without liability to the Customer for any loss whatsoever arising."
        let text =
            "第一条 服务内容\n乙方有权单方调整价格，无需通知甲方。\n" + String(repeating: "\n", count: 100_000) + suspend + "\n"
            + "This Agreement is governed by the laws of England.\n"
        try text.write(toFile: tmp.path + "/" + name, atomically: true, encoding: .utf8)
        let r = try run(binaryPath, ["contract", "check", name], cwd: tmp.path)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err == "")
        func explained(_ kind: RedFlagKind) -> [String] {
            ["      why: \(kind.explanationEN)", "      position: \(Playbook.defaults.entry(kind).positionEN)"]
        }
        let missing = ["fees", "payment", "support_sla", "warranty", "acceptance", "liability", "penalty", "term", "renewal"]
        let clauses =
            ["  ✔ scope              line 1    第一条 服务内容"]
            + missing.prefix(2).map { "  ✗ \($0.padding(toLength: 19, withPad: " ", startingAt: 0))missing" }
            + ["  ✔ services           line 1    第一条 服务内容"]
            + (missing.dropFirst(2) + ["termination", "data_return", "data_security", "privacy", "confidentiality", "change_control"])
            .map { "  ✗ \($0.padding(toLength: 19, withPad: " ", startingAt: 0))missing" }
            + [
                "  ✔ price_change       line 2    乙方有权单方调整价格，无需通知甲方。",
                "  ✗ ip                 missing",
                "  ✗ dispute_resolution missing",
                "  ✔ governing_law      line 100004 This Agreement is governed by the laws of England.",
                "  ✗ force_majeure      missing",
            ]
        let security = [
            "encryption_at_rest", "encryption_in_transit", "access_control", "audit_logs", "backup_recovery",
            "breach_notification", "law_compliance", "data_location", "sub_processors", "return_deletion",
        ]
        let expected: [String] =
            ["Contract check: c[31m.txt", "", "Clauses (4/22 found)"] + clauses
            + [
                "", "Key terms",
                "  term           —",
                "  renewal        —",
                "  notice         —",
                "  payment due    —",
                "  liability cap  —",
                "  governing law  laws of England",
                "  dispute forum  —",
                "  price change   乙方有权单方调整价格，无需通知甲方。",
                "", "Data security (0/10 committed)",
            ]
            + security.map { "  ✗ \($0.padding(toLength: 22, withPad: " ", startingAt: 0))missing" }
            + ["", "Red flags (7)", "  ⚑ unilateral_price_change [high] — line 2: 乙方有权单方调整价格，无需通知甲方。"]
            + explained(.unilateral_price_change)
            + [
                // A flag's sentence whole (the clauses' and key terms' quotes stop at 100).
                "  ⚑ vendor_may_suspend [high] — line 100003: " + suspend
            ]
            + explained(.vendor_may_suspend)
            + [
                "  ⚑ missing_clause [high] (acceptance) — No acceptance clause (未约定验收)",
                "  ⚑ missing_clause [high] (data_security) — No data security clause (未约定数据安全)",
                "  ⚑ missing_clause [high] (confidentiality) — No confidentiality clause (未约定保密)",
                "  ⚑ missing_clause [high] (data_return) — No clause on returning the buyer's data on exit (未约定数据返还/导出)",
                "  ⚑ missing_clause [high] (support_sla) — No service level or support clause (未约定服务水平/响应时间)",
            ]
        let lines = r.out.components(separatedBy: "\n")
        #expect(lines.last == "", "the checklist ends with a newline")
        #expect(Array(lines.dropLast()) == expected)
        withExtendedLifetime(tmp) {}
    }

    /// `contract check` is read without the argument parser when its command line is plain
    /// (`main.swift`): the same output, errors and exit status as through the parser, which still
    /// takes every other form (`--` before the file, a repeated or unknown option, no file).
    @Test func theDirectPathAnswersAsTheParser() throws {
        let demo = packageRoot.appendingPathComponent("data/demo").path
        let contract = demo + "/contracts/" + (try FileManager.default.contentsOfDirectory(atPath: demo + "/contracts").sorted().first!)
        // Each plain form, and the same through the parser (a `--` before the file sends it there).
        let forms: [([String], [String])] = [
            (["contract", "check", contract], ["contract", "check", "--", contract]),
            (["contract", "check", "--json", contract, "-w", demo], ["contract", "check", "--json", "-w", demo, "--", contract]),
            (["contract", "check", "--workspace=" + demo, contract], ["contract", "check", "--workspace", demo, "--", contract]),
            (["contract", "check", "nope.txt"], ["contract", "check", "--", "nope.txt"]),
        ]
        for (direct, parsed) in forms {
            let a = try run(binaryPath, direct)
            let b = try run(binaryPath, parsed)
            #expect(a.status == b.status && a.out == b.out && a.err == b.err, "\(direct)")
        }
        // The demo's playbook is read with -w (it reports as the workspace says), and a missing file is named.
        #expect(try run(binaryPath, ["contract", "check", "--json", contract, "-w", demo]).out.contains("\"severity\""))
        let missing = try run(binaryPath, ["contract", "check", "nope.txt"])
        #expect(missing.status == 1 && missing.err.contains("nope.txt") && missing.out.isEmpty)
        // Forms the direct path leaves to the parser: its usage errors (exit 64) and help.
        for args in [["contract", "check"], ["contract", "check", "--bogus", contract], ["contract", "check", contract, contract]] {
            let r = try run(binaryPath, args)
            #expect(r.status == 64 && r.err.contains("Usage: bidbench contract check"), "\(args): \(r.err)")
        }
        #expect(try run(binaryPath, ["contract", "check", "--help"]).out.contains("--json"))
    }
}
