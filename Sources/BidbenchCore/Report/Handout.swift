/// Which handout to write: one per meeting, or the full report.
public enum HandoutKind: String, Sendable, CaseIterable {
    case survey, scoring, budget, legal, delivery, full

    /// The meeting a handout belongs to (nil for the full report).
    public var meeting: MeetingKind? {
        switch self {
        case .survey: return .survey
        case .scoring: return .scoring
        case .budget: return .budget
        case .legal: return .legal
        case .delivery: return .delivery
        case .full: return nil
        }
    }
}

/// What a handout is made of: the report's request plus what only the meeting knows (who was
/// there, the department surveyed, the what-if on the screen, the requirements as they were at the
/// last meeting of the kind).
public struct HandoutRequest: Sendable {
    public var report: ReportRequest
    public var kind: HandoutKind
    /// The meeting that heads the handout; nil = the workspace's meeting of this kind on `today`, if any.
    public var meeting: Meeting?
    /// Survey: the department's id (nil = every department).
    public var department: String?
    /// Budget: the scenario in effect on the screen (nil = the workspace's base scenario).
    public var scenario: Scenario?
    /// Budget: whether `scenario` is an unsaved what-if, and the saved scenario it started from.
    public var whatIfFrom: Scenario?
    /// Survey: the requirements as they were at the end of the day of the previous survey meeting,
    /// rebuilt from the journal by the host; used only when that meeting kept no requirements of its
    /// own in `meeting_requirements.csv`. Nil when unknown.
    public var baseline: [Requirement]?
    /// Scoring: the scores changed after the last reveal, from the journal by the host
    /// (`ScoreRevision`); listed in the minutes.
    public var revisions: [ScoreRevision] = []
    /// When the file was generated, as the host's clock says it (`2026-12-05 05:10 UTC`).
    public var generated: String

    public init(report: ReportRequest, kind: HandoutKind, generated: String) {
        self.report = report
        self.kind = kind
        self.generated = generated
    }

    /// The meeting that heads the handout.
    public var effectiveMeeting: Meeting? {
        if let meeting { return meeting }
        guard let k = kind.meeting else { return nil }
        if k == .survey { return report.workspace.surveyMeeting(department: department, on: report.today) }
        return report.workspace.meeting(k, on: report.today)
    }
}

extension Handout {
    /// The handout as one self-contained HTML file (inline CSS and SVG, no scripts, prints on A4).
    public static func html(_ request: HandoutRequest) -> String {
        if request.kind == .full { return Report.html(request.report) }
        return HandoutHTML(doc: document(request), lang: request.report.language).render()
    }

    /// The handout in Markdown (headings, tables, short lists) that pastes into a mail or a wiki.
    public static func markdown(_ request: HandoutRequest) -> String {
        if request.kind == .full { return Report.markdown(request.report) }
        return HandoutMarkdown(doc: document(request)).render()
    }

    static func document(_ request: HandoutRequest) -> HandoutDoc {
        let b = HandoutBuilder(request)
        switch request.kind {
        case .survey: return b.survey()
        case .scoring: return b.scoring()
        case .budget: return b.budget()
        case .legal: return b.legal()
        case .delivery: return b.delivery()
        case .full: return b.doc(title: "", blocks: [])
        }
    }
}

/// The handouts: survey minutes, scoring minutes, budget walkthrough, legal review, delivery review.
public enum Handout {}

/// A handout as blocks that both renderers understand. Texts are plain (escaped when rendered).
struct HandoutDoc {
    var title: String
    /// The kicker above the title: the kind of meeting.
    var kicker: String
    var meta: [(String, String)]
    var blocks: [HandoutBlock]
    var footer: String
    var lang: ReportLanguage
}

enum HandoutBlock {
    case heading(String)
    case subheading(String)
    case paragraph(String)
    /// A highlighted statement (the recommendation, the what-if in effect).
    case callout(String)
    case note(String)
    case list([String])
    /// Header cells with `true` for right-aligned numbers, then rows of plain text.
    case table([(String, Bool)], [[String]])
    /// One record, field by field (a requirement): a key–value table whose keys line up from record to record.
    case record(head: (String, String), rows: [(String, String)])
    /// An inline SVG chart (HTML only; Markdown shows the caption and relies on the table next to it).
    case chart(svg: String, caption: String, legend: [(String, String)])
}

struct HandoutHTML {
    let doc: HandoutDoc
    let lang: ReportLanguage
    func e(_ s: String) -> String { ReportEscape.html(s) }

    /// A worked figure (`6.13/10 × 10.59% × 100 = 6.49`) that may break after each `×` and before
    /// the `=`, never inside a number with its sign: four vendors' formulas on one line each made the
    /// scoring handout's table wider than an A4 page.
    func formula(_ cell: String) -> String {
        var units: [String] = []
        for token in cell.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            if let last = units.last, token == "×" || token == "+" || token == "−" || last == "=" {
                units[units.count - 1] = last + "\u{A0}" + token
            } else {
                units.append(token)
            }
        }
        return e(units.joined(separator: " "))
    }

    static let extraCSS = """
        .callout { background: #e8f1fa; border: 1px solid #9cc0e4; border-radius: 6px; padding: 8px 12px; margin: 8px 0; font-weight: bold; color: #0b2f50; }
        table.meta th { width: 8em; }
        table.record th { width: 11em; background: none; font-weight: normal; color: #52606d; }
        @media print { h2 { margin-top: 14px; } table { font-size: 11px; } }
        """

    func render() -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"\(lang == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        h += "<title>\(e(doc.title))</title>\n<style>\n\(HTMLReportWriter.css)\n\(Self.extraCSS)\n</style>\n</head>\n<body>\n<main>\n"
        h += "<header class=\"cover\">\n<div class=\"kicker\">\(e(doc.kicker))</div>\n<h1>\(e(doc.title))</h1>\n"
        h += "<table class=\"kv meta\"><tbody>"
        for (k, v) in doc.meta { h += "<tr><th>\(e(k))</th><td>\(e(v))</td></tr>" }
        h += "</tbody></table>\n</header>\n"
        var open = false
        for block in doc.blocks {
            switch block {
            case .heading(let t):
                if open { h += "</section>\n" }
                h += "<section>\n<h2>\(e(t))</h2>\n"
                open = true
            case .subheading(let t): h += "<h3>\(e(t))</h3>\n"
            case .paragraph(let t): h += "<p>\(e(t))</p>\n"
            case .callout(let t): h += "<div class=\"callout\">\(e(t))</div>\n"
            case .note(let t): h += "<p class=\"note\">\(e(t))</p>\n"
            case .list(let items): h += "<ul class=\"flags\">" + items.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
            case .table(let head, let rows):
                h += TableWidth.opening(head, rows, html: false) + "<thead><tr>"
                for (title, num) in head { h += num ? "<th class=\"num\">\(e(title))</th>" : "<th>\(e(title))</th>" }
                h += "</tr></thead><tbody>"
                for r in rows {
                    h += "<tr>"
                    for (i, cell) in r.enumerated() {
                        if i < head.count && head[i].1 {
                            h +=
                                cell.contains(" = ")
                                ? "<td class=\"num formula\">\(formula(cell))</td>" : "<td class=\"num\">\(e(cell))</td>"
                        } else {
                            h += "<td>\(e(cell))</td>"
                        }
                    }
                    h += "</tr>"
                }
                h += "</tbody></table>\n"
            case .record(_, let rows):
                h += "<table class=\"kv record\"><tbody>"
                for (k, v) in rows { h += "<tr><th>\(e(k))</th><td>\(e(v))</td></tr>" }
                h += "</tbody></table>\n"
            case .chart(let svg, let caption, let legend):
                let lg =
                    legend.isEmpty
                    ? ""
                    : "<div class=\"legend\">"
                        + legend.map { "<span class=\"sw\" style=\"background:\($0.1)\"></span>\(e($0.0))" }.joined() + "</div>"
                h += "<figure>\(svg)\(lg)<figcaption>\(e(caption))</figcaption></figure>\n"
            }
        }
        if open { h += "</section>\n" }
        h += "<footer>\(e(doc.footer))</footer>\n</main>\n</body>\n</html>\n"
        return h
    }
}

struct HandoutMarkdown {
    let doc: HandoutDoc
    func c(_ s: String) -> String { ReportEscape.markdownCell(s) }
    func m(_ s: String) -> String { ReportEscape.markdownText(s) }

    func render() -> String {
        var s = "# " + m(doc.title) + "\n\n"
        s += "*" + m(doc.kicker) + "*\n\n"
        for (k, v) in doc.meta { s += "- **" + m(k) + "**: " + m(v) + "\n" }
        s += "\n"
        for block in doc.blocks {
            switch block {
            case .heading(let t): s += "## " + m(t) + "\n\n"
            case .subheading(let t): s += "### " + m(t) + "\n\n"
            case .paragraph(let t): s += m(t) + "\n\n"
            case .callout(let t): s += "> **" + m(t) + "**\n\n"
            case .note(let t): s += "_" + m(t) + "_\n\n"
            case .list(let items): s += items.map { "- " + m($0) + "\n" }.joined() + "\n"
            case .table(let head, let rows):
                s += "| " + head.map { c($0.0) }.joined(separator: " | ") + " |\n"
                s += "|" + head.map { $0.1 ? "---:|" : "---|" }.joined() + "\n"
                for r in rows { s += "| " + r.map(c).joined(separator: " | ") + " |\n" }
                s += "\n"
            case .record(let head, let rows):
                s += "| " + c(head.0) + " | " + c(head.1) + " |\n|---|---|\n"
                for (k, v) in rows { s += "| " + c(k) + " | " + c(v) + " |\n" }
                s += "\n"
            case .chart(_, let caption, _): s += "_" + m(caption) + "_\n\n"
            }
        }
        s += "---\n" + m(doc.footer) + "\n"
        return s
    }
}
