import ArgumentParser
import BidbenchCore
import BidbenchStore
import CMalloc
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Contract review: clause checklist, key terms and red flags.",
        subcommands: [ContractCheckCommand.self]
    )
}

/// `bidbench contract check FILE [--json]` — works on any file, no workspace needed.
struct ContractCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Review a contract text (Chinese or English, UTF-8 or GB18030): clauses, key terms, red flags."
    )

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The contract text (.txt or .md).") var file: String
    @Flag(name: .long, help: "Print JSON instead of the checklist.") var json = false

    func run() throws { try Self.check(file: file, json: json, workspace: workspace.path) }

    /// The verb's work, also reached from `main.swift` without the argument parser (`Options`).
    /// Returns the scan, so that the one-shot path in `main.swift` can leave freeing it to the exit.
    @discardableResult
    static func check(file: String, json: Bool, workspace: String) throws -> ContractScan {
        // The rule tables are built on another core while the file is read and split into lines
        // (about 10 ms each); the scan waits for them where it first needs them.
        DispatchQueue.global().async { ContractScanner.prepare() }
        let scanned: ContractScan
        do {
            scanned = try ContractFile.scan(file)
        } catch let e as ContractFile.ReadError {
            printError("error: \(e.message)")
            throw ExitCode(1)
        }
        // Inside a workspace, its playbook.csv sets severities, positions and which kinds are reported.
        let (rows, problems) = WorkspaceStore.loadPlaybook(folder: workspace)
        for p in problems { printError("warning: \(p.description)") }
        let playbook = Playbook(rows)
        let scan = scanned.applying(playbook)
        if json {
            writeStandardOutput(scan.json(playbook: playbook))
        } else {
            // `--lang zh`: the checklist in Chinese (labels, explanations, positions); the JSON keeps its keys.
            writeStandardOutput(ContractReport.checklist(scan, file: file, playbook: playbook, chinese: CommandLineLanguage.value() == .zh))
        }
        return scan
    }
}

extension ContractCheckCommand {
    /// `contract check FILE [--json] [-w DIR]` read directly, as `main.swift` reads the terminal UI's
    /// options: swift-argument-parser's reflection over every verb is about 4 % of checking a 4 MB
    /// contract. Only the plain forms are taken (each option at most once, one file that does not
    /// start with `-`); anything else (`--help`, `--`, an unknown or repeated option) goes to the parser.
    struct Options: Equatable {
        var file: String
        var json = false
        var workspace: String?

        init?(_ args: [String]) {
            guard args.count >= 4, args[1] == "contract", args[2] == "check" else { return nil }
            var file: String?
            var i = 3
            while i < args.count {
                let a = args[i]
                if a == "--json" {
                    guard !json else { return nil }
                    json = true
                    i += 1
                } else if a == "-w" || a == "--workspace" {
                    guard workspace == nil, i + 1 < args.count, !args[i + 1].hasPrefix("-") else { return nil }
                    workspace = args[i + 1]
                    i += 2
                } else if a.hasPrefix("--workspace=") {
                    guard workspace == nil else { return nil }
                    workspace = String(a.dropFirst("--workspace=".count))
                    i += 1
                } else {
                    guard file == nil, !a.hasPrefix("-") else { return nil }
                    file = a
                    i += 1
                }
            }
            guard let file else { return nil }
            self.file = file
        }
    }
}

enum ContractFile {
    struct ReadError: Error { let message: String }

    /// For a command that reads one long text and exits: memory freed between its passes stays with
    /// the process for the next list, instead of each large list being mapped, faulted in page by page
    /// and unmapped again (a tenth of a 4 MB `contract check`, profiled). glibc only (`CMalloc`).
    static func keepFreedMemory() { bidbench_keep_freed_memory() }

    /// Reads a text file and scans it: as UTF-8 (with or without BOM), scanned from its bytes; else
    /// as GB18030, with a note on stderr.
    static func scan(_ path: String) throws -> ContractScan {
        keepFreedMemory()
        let bytes: [UInt8]
        do {
            bytes = try InputFile.bytes(path)
        } catch { throw ReadError(message: "cannot read \(error)") }
        // Nothing to review: a report of every clause "missing" (and exit 0) told the user nothing true.
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C })
            || bytes == [0xEF, 0xBB, 0xBF] || (bytes.count == 2 && (bytes == [0xFF, 0xFE] || bytes == [0xFE, 0xFF]))
        {
            throw ReadError(message: "\(path) is empty: there is no text to review")
        }
        if let scan = ContractScanner.scan(utf8: bytes) { return scan }
        // UTF-16 with its byte-order mark (Notepad's "Unicode"), else GB18030; never a PDF's bytes.
        if let (text, encoding) = InputFile.nonUTF8Text(bytes) {
            printError(encoding == "UTF-16" ? "note: \(path) is UTF-16; read it as such" : "note: \(path) is not UTF-8; read it as GB18030")
            return ContractScanner.scan(text)
        }
        throw ReadError(message: InputFile.notText(bytes, name: path).en)
    }
}

/// Writes bytes to standard output, all of them (a pipe may take them in pieces).
func writeStandardOutput(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { b in
        var at = 0
        while at < b.count {
            let n = write(1, b.baseAddress! + at, b.count - at)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            at += n
        }
    }
}

/// The human-readable checklist.
enum ContractReport {
    /// Removes control characters so file text cannot drive the terminal.
    static func clean(_ s: String) -> String {
        var s = s
        guard s.withUTF8(hasControl) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.filter { !($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }))
    }

    /// Whether UTF-8 text holds a control character: C0 controls and DEL are bytes 00–1F and 7F,
    /// C1 controls C2 80…C2 9F.
    private static func hasControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for b in bytes {
            if b < 0x20 || b == 0x7F || (previous == 0xC2 && b >= 0x80 && b <= 0x9F) { return true }
            previous = b
        }
        return false
    }

    /// `s` followed by spaces up to `width` characters, and at least one: a column is never cut and
    /// never runs into the next (`line 100004` is not `line 10000`).
    static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(1, width - s.count))
    }

    // Kept as one function: the checklist's sections in reading order.
    /// The checklist as UTF-8 text, each line ended by a newline. Built in one buffer: the checklist
    /// of a 4 MB contract is megabytes, and a list of lines joined at the end copied it twice.
    /// `chinese`: headings, names, units, explanations and positions in Chinese, names padded by display
    /// width and quotes clipped to 100 columns (a Chinese quote of 100 characters ran to 200).
    static func checklist(_ scan: ContractScan, file: String, playbook: Playbook = .defaults, chinese: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096 + scan.redFlags.count * 512)
        func line(_ text: String) {
            var text = text
            text.withUTF8 { out.append(contentsOf: $0) }
            out.append(0x0A)
        }
        func t(_ en: String, _ zh: String) -> String { chinese ? zh : en }
        let lang: ReportLanguage = chinese ? .zh : .en
        func name(_ s: String, _ width: Int) -> String { chinese ? padWidth(s, width) : pad(s, width) }
        func quote(_ s: String) -> String { chinese ? TextWidth.clip(s, to: 100) : short(s) }
        func at(_ n: Int) -> String { t("line \(n)", "第 \(n) 行") }
        let found = scan.clauses.filter(\.present).count
        line(t("Contract check: ", "合同审查: ") + clean(file))
        line("")
        line(t("Clauses (\(found)/\(scan.clauses.count) found)", "条款 (找到 \(found)/\(scan.clauses.count))"))
        // Chinese names are padded to the widest one in display columns (支持与服务水平 is 14).
        let clauseWidth = chinese ? 2 + (scan.clauses.map { TextWidth.of(ReportLabels.clause($0.kind, lang)) }.max() ?? 0) : 19
        for f in scan.clauses {
            let label = name(chinese ? ReportLabels.clause(f.kind, lang) : f.kind.rawValue, clauseWidth)
            if let n = f.line {
                line("  ✔ \(label)\(name(at(n), chinese ? 12 : 10))\(clean(quote(f.evidence)))")
            } else {
                line("  ✗ \(label)" + t("missing", "未找到"))
            }
        }
        line("")
        line(t("Key terms", "关键条款"))
        let k = scan.keyTerms
        var terms: [(String, String?)] = [
            (t("term", "期限"), k.termMonths.map { t("\($0) months", "\($0) 个月") }),
            (t("renewal", "续约"), k.renewalMonths.map { t("\($0) months", "\($0) 个月") }),
            (t("notice", "通知期"), k.noticeDays.map { t("\($0) days", "\($0) 天") }),
            (t("payment due", "付款期限"), k.paymentDueText(chinese: chinese)),
            (t("liability cap", "责任上限"), k.liabilityCapQuote(width: 100)),
            (t("governing law", "适用法律"), k.governingLaw),
            (t("dispute forum", "争议解决"), k.disputeForum.map { "\($0) (\(Self.forumType(k.disputeForumType, chinese)))" }),
            (t("price change", "价格调整"), k.priceChange),
        ]
        var summaries = 0
        if !k.slaResponses.isEmpty {
            terms.append(
                (
                    t("SLA response", "SLA 时限"),
                    k.slaResponses.map {
                        "\($0.kind == .response ? t("response", "响应") : t("resolution", "解决")) \($0.timeText(chinese: chinese)) (\(at($0.line)))"
                    }.joined(separator: t(", ", "，"))
                ))
            summaries += 1
        }
        if !k.penaltyRates.isEmpty {
            terms.append(
                (
                    t("penalty rates", "违约金比率"),
                    k.penaltyRates.map { "\($0.decimal)/\(chinese ? Self.perZH($0.per) : $0.per) (\(at($0.line)))" }.joined(
                        separator: t(", ", "，"))
                ))
            summaries += 1
        }
        // A quoted term is clipped to 100 characters (the line number leads to the rest); the lists
        // of SLA times and penalty rates are Bidbench's own summary and printed whole.
        for (i, (label, value)) in terms.enumerated() {
            let whole = i >= terms.count - summaries
            line("  \(name(label, chinese ? 12 : 15))\(clean(value.map { whole ? $0 : quote($0) } ?? "—"))")
        }
        line("")
        let ds = scan.dataSecurity
        line(t("Data security (\(ds.presentCount)/\(ds.items.count) committed)", "数据安全 (已承诺 \(ds.presentCount)/\(ds.items.count))"))
        let checkWidth = chinese ? 2 + (ds.items.map { TextWidth.of($0.check.labelZH) }.max() ?? 0) : 22
        for i in ds.items {
            let mark = i.status == .present ? "✔" : i.status == .vague ? "~" : "✗"
            let where_ = i.line.map { "\(at($0)): \(clean(quote(i.text)))" } ?? t("missing", "未找到")
            let label = name(chinese ? i.check.labelZH : i.check.rawValue, checkWidth)
            line("  \(mark) \(label)\(i.status == .vague ? t("vague, ", "措辞模糊, ") : "")\(where_)")
        }
        for v in ds.vague { line("  ~ " + t("vague wording, ", "措辞模糊, ") + "\(at(v.line)): \(clean(quote(v.text)))") }
        line("")
        line(t("Red flags (\(scan.redFlags.count))", "风险提示 (\(scan.redFlags.count))"))
        // Appended as bytes, with what repeats made once: a kind's label and two lines of explanation
        // (a long contract has thousands of flags).
        struct Label: Hashable {
            var kind: RedFlagKind
            var severity: RedFlagSeverity
            var clause: ClauseKind?
        }
        var labels: [Label: [UInt8]] = [:]
        var explained: [RedFlagKind: [UInt8]] = [:]
        var quotes = SharedStrings()
        for f in scan.redFlags {
            let key = Label(kind: f.kind, severity: f.severity, clause: f.clause)
            if labels[key] == nil {
                let clause = f.clause.map { " (\(chinese ? ReportLabels.clause($0, lang) : $0.rawValue))" } ?? ""
                let kind = chinese ? ReportLabels.redFlag(f.kind, lang) : f.kind.rawValue
                labels[key] = Array("  ⚑ \(kind) [\(chinese ? Self.severityZH(f.severity) : f.severity.rawValue)]\(clause) — ".utf8)
            }
            out += labels[key]!
            if !f.lines.isEmpty {
                out.append(contentsOf: (chinese ? "第 " : f.lines.count == 1 ? "line " : "lines ").utf8)
                // Runs of lines (`12–14`), apart where the sentence skips some (a page's header and
                // footer between: `12, 17`, which read as `12–17` as if they were part of it).
                var k = 0
                while k < f.lines.count {
                    var end = k
                    while end + 1 < f.lines.count, f.lines[end + 1] == f.lines[end] + 1 { end += 1 }
                    if k > 0 { out.append(contentsOf: (chinese ? "、" : ", ").utf8) }
                    NumberText.appendDecimal(f.lines[k], to: &out)
                    if end > k {
                        out.append(contentsOf: "–".utf8)
                        NumberText.appendDecimal(f.lines[end], to: &out)
                    }
                    k = end + 1
                }
                out.append(contentsOf: (chinese ? " 行: " : ": ").utf8)
            }
            if chinese, f.kind == .missing_clause, let c = f.clause {
                // In Chinese only (the flag's text names the clause in both languages, for JSON).
                out += Array(f.missingText(chinese: true, clauseName: ReportLabels.clause(c, lang)).utf8)
            } else {
                // A flag's sentence whole, up to 400 columns (the terminal wraps it): a lawyer's pass lost
                // "are refundable in any circumstances" and "IN THE THREE (3) MONTHS" to the 100 of a quote.
                out += quotes.bytes(f.text) { Array(clean(TextWidth.clip($0, to: 400)).utf8) }
            }
            out.append(0x0A)
            if f.kind != .missing_clause {
                if explained[f.kind] == nil {
                    let entry = playbook.entry(f.kind)
                    let why =
                        chinese
                        ? "      原因: \(f.kind.explanationZH)\n      谈判立场: \(clean(entry.positionZH))\n"
                        : "      why: \(f.kind.explanationEN)\n      position: \(clean(entry.positionEN))\n"
                    explained[f.kind] = Array(why.utf8)
                }
                out += explained[f.kind]!
            }
        }
        if scan.redFlags.isEmpty { line(t("  none", "  无")) }
        return out
    }

    /// `s` followed by spaces up to `width` display columns, and at least one.
    static func padWidth(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(1, width - TextWidth.of(s)))
    }

    static func severityZH(_ s: RedFlagSeverity) -> String {
        switch s {
        case .high: return "高"
        case .medium: return "中"
        case .low: return "低"
        }
    }

    /// A penalty rate's period in Chinese (`day` → 日).
    static func perZH(_ per: String) -> String {
        ["hour": "小时", "day": "日", "week": "周", "month": "月", "year": "年", "once": "一次"][per] ?? per
    }

    /// The forum's kind (`arbitration`, `court`) in the checklist's language.
    static func forumType(_ type: String?, _ chinese: Bool) -> String {
        guard chinese else { return type ?? "" }
        return ["arbitration": "仲裁", "court": "法院"][type ?? ""] ?? (type ?? "")
    }

    /// At most 100 characters: cut to 99 and "…".
    static func short(_ s: String) -> String { ContractText.clip(s, 100) }
}

/// `bidbench dates [--within DAYS] [--ics FILE] [--today YYYY-MM-DD] [--json]` — key contract dates of a workspace.
struct DatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dates",
        abstract: "Key contract dates: effective, expiry, non-renewal notice deadlines, milestones, warranty end."
    )

    /// The kinds in Chinese, for `--lang zh`.
    static let kindZH: [KeyDate.Kind: String] = [
        .effective: "生效", .expiry: "到期", .notice_deadline: "不续约通知截止", .renewal: "自动续约", .milestone: "付款节点",
        .warranty_end: "质保到期",
    ]

    @OptionGroup var workspace: WorkspaceOptions
    @Option(name: .long, help: "Only dates from today up to DAYS ahead (and overdue unpaid milestones).") var within: Int?
    @Option(name: .long, help: "Also write the dates to FILE as an iCalendar (.ics) file.") var ics: String?
    @Option(name: .long, help: "Count days from this date instead of today (YYYY-MM-DD).") var today: String?
    @Option(name: .long, help: "Days before a notice deadline for the calendar alarm (0: none).") var alarmDays: Int = 7
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() throws {
        let now = Int(time(nil))
        let todayDay: Day
        if let t = today {
            guard let d = Day(iso: t) else {
                printError("error: --today must be a date YYYY-MM-DD, got '\(t)'")
                throw ExitCode(1)
            }
            todayDay = d
        } else {
            todayDay = LocalClock.today()
        }
        if let w = within, w < 0 {
            printError("error: --within must be 0 or more days")
            throw ExitCode(1)
        }
        let ws = try loadWorkspaceForVerb(workspace.path)
        var dates = KeyDates.dates(in: ws, today: todayDay)
        if let w = within { dates = KeyDates.within(dates, days: w) }
        if let path = ics {
            let text = ICalendar.calendar(dates, stamp: UTCStamp(unixSeconds: now), alarmDays: alarmDays > 0 ? alarmDays : nil)
            try writeOutput(Array(text.utf8), to: path, failure: 1, folder: workspace.path, ws)
        }
        if json {
            let rows = dates.map { d -> JSONValue in
                .object([
                    ("contract", .string(d.contract)), ("kind", .string(d.kind.rawValue)), ("date", .string(d.date.description)),
                    ("days_left", .int(d.daysLeft)), ("title", .string(d.title)),
                ])
            }
            print(JSONValue.object([("today", .string(todayDay.description)), ("dates", .array(rows))]).text(.lines(2)))
            return
        }
        // `--lang zh` in Chinese, as every verb (a lawyer's pass: `dates --lang zh` printed English and
        // both languages); without it the words scripts read, and both titles.
        let chinese = CommandLineLanguage.value() == .zh
        if dates.isEmpty {
            print(
                chinese
                    ? "没有关键日期" + (within.map { " (未来 \($0) 天内)" } ?? "") + "。"
                    : "No key dates" + (within.map { " in the next \($0) days" } ?? "") + ".")
        }
        let lefts = dates.map { d in
            chinese
                ? (d.daysLeft == 0 ? "今天" : d.daysLeft > 0 ? "剩 \(d.daysLeft) 天" : "已过 \(-d.daysLeft) 天")
                : (d.daysLeft == 0 ? "today" : d.daysLeft > 0 ? "in \(d.daysLeft) d" : "\(-d.daysLeft) d ago")
        }
        // As wide as the widest (`已过 1069 天` was cut).
        let leftW = lefts.reduce(11) { max($0, TextWidth.of($1)) }
        for (d, left) in zip(dates, lefts) {
            let kind = chinese ? Self.kindZH[d.kind] ?? d.kind.rawValue : d.kind.rawValue
            print(
                "\(d.date)  \(TextWidth.fit(left, leftW)) \(TextWidth.fit(kind, 16)) \(ContractReport.clean(chinese ? d.titleZH : d.title))"
            )
        }
        if let path = ics {
            let written = dates.filter { ICalendar.writable($0.date) }.count
            let left = dates.count - written
            printError(
                "wrote \(written) dates to \(path)"
                    + (left > 0 ? " (\(left) after the year 9999 left out: iCalendar cannot hold them)" : ""))
        }
    }
}
