import Foundation
import Testing

@testable import BidbenchCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small workspace with every table filled, and a hostile vendor name.
private func reportSample(language: String = "en") -> Workspace {
    var ws = Workspace()
    ws.settings.revealed = true  // the panel has been revealed: these tests read its results
    ws.settings.name = "ACME <ERP> & \"CRM\""
    ws.settings.language = language
    ws.settings.horizonYears = 3
    ws.settings.firstYear = 2027
    ws.settings.users = 10
    ws.departments = [Department(id: "D1", name: "Finance"), Department(id: "D2", name: "Sales | Marketing")]
    ws.requirements = [
        Requirement(id: "R1", department: "D1", module: "GL", title: "Multi-currency", priority: .must),
        Requirement(id: "R2", department: "D1", module: "GL", title: "Close", priority: .should),
        Requirement(id: "R3", department: "D2", module: "CRM", title: "Leads", priority: .must),
        Requirement(id: "R4", department: "D2", module: "CRM", title: "Old", priority: .could, status: .dropped),
    ]
    ws.vendors = [
        Vendor(id: "V1", name: "<script>alert(1)</script>"), Vendor(id: "V2", name: "O'Brien & Sons"),
        Vendor(id: "V3", name: "Gamma"),
    ]
    ws.criteria = [
        Criterion(id: "c1", name: "Function", weight: 0.6),
        Criterion(id: "c2", name: "Price", kind: .cost, weight: 0.4, source: .price),
    ]
    ws.scores = [
        "A": [Score(vendor: "V1", criterion: "c1", score: 8), Score(vendor: "V2", criterion: "c1", score: 4)],
        "B": [Score(vendor: "V1", criterion: "c1", score: 6), Score(vendor: "V2", criterion: "c1", score: 8)],
    ]
    ws.gates = [GateAnswer(vendor: "V3", requirement: "R1", answer: .no, note: "no multi-currency")]
    ws.settings.method = "wsm"
    ws.prices = [
        PriceLine(vendor: "V1", item: "Licence", category: .license, model: .one_time, unitPrice: Money(units: 100_000)),
        PriceLine(vendor: "V1", item: "Support", category: .maintenance, model: .annual, unitPrice: Money(units: 20_000)),
        PriceLine(vendor: "V2", item: "SaaS", category: .subscription, model: .per_user_annual, unitPrice: Money(units: 5_000)),
    ]
    ws.budget = [
        BudgetEnvelope(fiscalYear: 2027, costCenter: "IT", category: "", amount: Money(units: 110_000)),
        BudgetEnvelope(fiscalYear: 2028, costCenter: "IT", category: "", amount: Money(units: 30_000)),
    ]
    ws.contracts = [
        Contract(
            id: "C1", vendor: "V1", title: "Main <contract>", file: "contracts/c1.md",
            effective: Day(year: 2027, month: 1, day: 1), termMonths: 12, autoRenew: true,
            renewalMonths: 12, noticeDays: 30, value: Money(units: 120_000), warrantyMonths: 6)
    ]
    ws.payments = [
        PaymentMilestone(contract: "C1", milestone: "Signing", percent: 30, due: Day(year: 2027, month: 1, day: 15)),
        PaymentMilestone(contract: "C1", milestone: "Go-live", percent: 70, due: Day(year: 2027, month: 6, day: 30)),
    ]
    ws.reviews = [ClauseReview(contract: "C1", clause: .acceptance, status: .missing, note: "add <acceptance>")]
    ws.changes = [
        ChangeOrder(
            contract: "C1", id: "CO1", date: Day(year: 2027, month: 3, day: 1), description: "Extra",
            priceDelta: Money(units: 10_000), status: "approved")
    ]
    ws.risks = [
        Risk(id: "RK1", type: .vendor, title: "Vendor <b>fails</b>", likelihood: 4, impact: 5),
        Risk(id: "RK2", type: .technical, title: "Interface", likelihood: 2, impact: 3, status: "closed"),
    ]
    return ws
}

/// Parses the whole document with Foundation's XML parser; returns the first error, if any, and the
/// element names seen.
private final class ReportXMLProbe: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [String] = []
    var text = ""
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(name)
        attributes += attributeDict.values
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

private func parseXML(_ html: String) -> (ok: Bool, error: String?, probe: ReportXMLProbe) {
    let parser = XMLParser(data: Data(html.utf8))
    let probe = ReportXMLProbe()
    parser.delegate = probe
    let ok = parser.parse()
    return (ok, parser.parserError.map { "\($0)" }, probe)
}

@Suite struct ReportHTMLTests {
    let today = Day(year: 2027, month: 2, day: 1)

    @Test func escapesTheFiveCharacters() {
        #expect(ReportEscape.html("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(ReportEscape.html("a\u{1}b\u{7F}c") == "abc")
        #expect(ReportEscape.markdownCell("a|b\nc<d>") == "a\\|b c&lt;d&gt;")
    }

    /// The escaping by bytes gives what escaping scalar by scalar gives (written out here as the
    /// definition) on random mixes of the characters it changes, drops and keeps.
    @Test func escapingByBytesMatchesEscapingByScalars() {
        func byScalars(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                case "\t", "\n": out.unicodeScalars.append(scalar)
                default:
                    let v = scalar.value
                    if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let pieces = [
            "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{1}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{FFFE}", "\u{FFFF}",
            "\u{FFFD}", "\u{FEFF}", "a", "评分", "é", "👍🏽", "\u{0301}", "Ā",
        ]
        var g = SplitMix64(seed: 5)
        var unchanged = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<g.int(below: 9) { text += pieces[g.int(below: pieces.count)] }
            let escaped = ReportEscape.html(text)
            #expect(escaped == byScalars(text), "\(Array(text.unicodeScalars))")
            if escaped == text { unchanged += 1 }
        }
        #expect(unchanged > 100 && unchanged < 2_900)
    }

    @Test func numbersAreDeterministic() {
        #expect(NumberText.fixed(8.345, 2) == "8.35")
        #expect(NumberText.fixed(-0.004, 2) == "0.00")
        #expect(NumberText.fixed(1234.5, 0) == "1235")
        #expect(ReportNumber.compact(1_860_000, .zh) == "186万")
        #expect(ReportNumber.compact(1_860_000, .en) == "1.86M")
        #expect(ReportNumber.compact(250_000_000, .zh) == "2.5亿")
        #expect(SVGChart.ticks(12) == [0, 2, 4, 6, 8, 10, 12])
        #expect(SVGChart.ticks(2_131_320) == [0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000])
        #expect(SVGChart.ticks(0.23).map { NumberText.fixed($0, 2) } == ["0.00", "0.05", "0.10", "0.15", "0.20", "0.25"])
        #expect(SVGChart.ticks(100) == [0, 20, 40, 60, 80, 100])
        #expect(SVGChart.mix("#000000", "#ffffff", 0.5) == "#808080")
    }

    @Test func htmlIsWellFormedSelfContainedAndEscaped() {
        let html = Report.html(ReportRequest(workspace: reportSample(), today: today, commit: "abc1234"))
        let parsed = parseXML(html)
        #expect(parsed.ok, "XML parse error: \(parsed.error ?? "")")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("src=") && !html.contains("href="))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("O&#39;Brien &amp; Sons"))
        #expect(!parsed.probe.elements.contains("b"), "workspace markup must not become elements")
        // The parser decodes the escapes back to the original text.
        #expect(parsed.probe.text.contains("<script>alert(1)</script>"))
        #expect(parsed.probe.elements.filter { $0 == "svg" }.count >= 5)
        #expect(html.contains("@page") && html.contains("break-inside: avoid"))
        #expect(html.contains("\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif"))
        #expect(html.contains("abc1234"))
    }

    @Test func figuresOfTheSample() {
        let html = Report.html(ReportRequest(workspace: reportSample(), today: today))
        // V1: 100 000 licence in 2027 + 20 000 support a year → 120 000, 20 000, 20 000 = 160 000.
        #expect(html.contains("<td class=\"num\"><strong>160,000</strong></td>"))
        // The budget control: V1 is under contract C1 (a draft, so proposed), whose milestones split
        // 130 000 (120 000 + approved change 10 000), all in 2027: the 110 000 envelope is 20 000 over.
        #expect(html.contains("<td class=\"num\">-20,000</td>"))
        // Payments split 130 000 (120 000 + approved change 10 000): 30 % = 39 000, 70 % = 91 000.
        #expect(html.contains("39,000") && html.contains("91,000"))
        // Auto-renewing 12-month contract from 2027-01-01: the term ends 2028-01-01 (KeyDates counts
        // effective + term), the notice deadline is 30 days before, 2027-12-02.
        #expect(html.contains("<td>2027-12-02</td><td class=\"num\"><span>304</span></td>"))
        // Warranty of 6 months from the effective date (no acceptance day recorded): 2027-07-01.
        #expect(html.contains("<td>2027-07-01</td>"))
        // Requirements: R4 is dropped, so 3 active, 2 of them must.
        #expect(html.contains("3 (2)"))
    }

    @Test func chineseLabelsFollowTheWorkspaceLanguage() {
        let zh = Report.html(ReportRequest(workspace: reportSample(language: "zh"), today: today))
        #expect(zh.contains("<html lang=\"zh-CN\">"))
        #expect(zh.contains("采购评审会议报告") && zh.contains("风险热力图"))
        let en = Report.html(ReportRequest(workspace: reportSample(language: "zh"), today: today, language: .en))
        #expect(en.contains("Procurement review report") && !en.contains("风险热力图"))
    }

    @Test func markdownEscapesCells() {
        let md = Report.markdown(ReportRequest(workspace: reportSample(), today: today))
        #expect(md.contains("| Sales \\| Marketing | 1 | 0 | 0 | 0 | 1 |"))
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!md.contains("<script>"))
    }

    @Test func checklistMarksTheReviewVerdict() {
        let html = Report.html(ReportRequest(workspace: reportSample(), today: today))
        #expect(html.contains("fill=\"#c62828\" rx=\"3\"><title>C1 · Acceptance: Missing — add &lt;acceptance&gt;</title>"))
    }

    @Test func loadProblemsAreShownInBothFormats() {
        var request = ReportRequest(workspace: reportSample(), today: today)
        request.problems = ["vendors.csv:3: bad <sme> value"]
        let html = Report.html(request)
        #expect(html.contains("<li>vendors.csv:3: bad &lt;sme&gt; value</li>"))
        #expect(parseXML(html).ok)
        #expect(Report.markdown(request).contains("> - vendors.csv:3: bad &lt;sme&gt; value\n"))
    }

    @Test func scoringSections() {
        let html = Report.html(ReportRequest(workspace: reportSample(), today: today))
        // Prices are the TCOs: V1 160 000, V2 5 000 × 10 users × 3 years = 150 000. Panel means: V1 7, V2 6.
        // WSM linear: V1 = 0.6 × 7/7 + 0.4 × 150/160 = 0.975; V2 = 0.6 × 6/7 + 0.4 × 1 = 0.9143.
        #expect(html.contains("Recommendation: <strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>"))
        #expect(html.contains("#1 · 0.9750") && html.contains("#2 · 0.9143"))
        // V3 answered "no" to the must-have R1: disqualified, with the reason, never ranked.
        #expect(html.contains("Disqualified: fails must-have R1 Multi-currency (no multi-currency)"))
        #expect(!html.contains("#3 ·"))
        // V2's Function scores 4 and 8 differ by 4 ≥ 30 % of 10: flagged for discussion.
        #expect(html.contains("O&#39;Brien &amp; Sons × Function: A 4, B 8 (spread 4)"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 10)
        let md = Report.markdown(ReportRequest(workspace: reportSample(), today: today))
        #expect(md.contains("| O'Brien &amp; Sons | 6.00 ⚑ |"))
        #expect(md.contains("| 1 | &lt;script&gt;alert(1)&lt;/script&gt; | 0.9750 |"))
    }
}
