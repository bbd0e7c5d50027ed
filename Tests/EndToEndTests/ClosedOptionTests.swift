import Foundation
import Testing

/// Options with a closed set of values (`--lang`, `report --format`/`--kind`, `import --encoding`,
/// `export --for`) are typed: a value outside the set is refused before anything runs, in
/// swift-argument-parser's one wording, naming the option and listing the values; help lists them too.
@Suite("Closed option values")
struct ClosedOptionTests {
    /// The first line of the refusal for `value` of `option` (as the usage spells it) given `values`.
    static func refusal(_ value: String, _ option: String, _ values: String) -> String {
        "Error: The value '\(value)' is invalid for '\(option)'. Please provide one of \(values)."
    }

    static let lang = "'en' and 'zh'"

    /// Regression: `bidbench --lang fr` opened the UI in English; the TUI fast path read it without the parser.
    @Test func theRootCommandRefusesALanguageItDoesNotSpeak() throws {
        let tmp = TempDir()
        let missing = tmp.path + "/none"
        for args in [["--lang", "fr", "-w", missing], ["-w", missing, "--lang=fr"], ["open", missing, "--lang", "fr"]] {
            let r = try run(binaryPath, args)
            #expect(r.status == 64, "\(args): \(r.err)")
            #expect(r.err.hasPrefix(Self.refusal("fr", "--lang <lang>", Self.lang) + "\n"), "\(args): \(r.err)")
            #expect(!r.err.contains("not a workspace"), "\(args): the folder was looked at before the option")
        }
    }

    @Test func everyVerbsLanguageIsTheSameClosedSet() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo-en")
        let cases: [[String]] = [
            ["init", tmp.path + "/new", "--lang", "fr"],
            ["demo", tmp.path + "/copy", "--lang", "fr"],
            ["report", "-w", ws, "-o", "-", "--lang", "fr"],
            ["export", "requirements", "-w", ws, "--for", "people", "--lang", "fr"],
            ["template", "survey", "-w", ws, "--department", "D01", "-o", tmp.path + "/s.xlsx", "--lang", "fr"],
        ]
        for args in cases {
            let r = try run(binaryPath, args)
            #expect(r.status == 64, "\(args): \(r.err)")
            #expect(r.err.hasPrefix(Self.refusal("fr", "--lang <lang>", Self.lang) + "\n"), "\(args): \(r.err)")
            #expect(r.out.isEmpty, "\(args)")
        }
        // Nothing was made by the refused verbs.
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).sorted() == ["demo-en"])
    }

    @Test func reportFormatKindEncodingAndAudienceAreClosedSets() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo-en")
        let cases: [(args: [String], first: String)] = [
            (["report", "-w", ws, "-o", "-", "--format", "pdf"], Self.refusal("pdf", "--format <format>", "'html' and 'md'")),
            (
                ["report", "-w", ws, "-o", "-", "--kind", "party"],
                "Error: The value 'party' is invalid for '--kind <kind>'. Please provide one of the following:\n"
                    + "  - survey\n  - scoring\n  - budget\n  - legal\n  - delivery\n  - full\n"
            ),
            (
                ["import", "requirements", tmp.path + "/r.csv", "-w", ws, "--encoding", "latin1"],
                Self.refusal("latin1", "--encoding <encoding>", "'utf-8' and 'gb18030'")
            ),
            (["export", "requirements", "-w", ws, "--for", "robots"], Self.refusal("robots", "--for <for>", "'machine' and 'people'")),
        ]
        for c in cases {
            let r = try run(binaryPath, c.args)
            #expect(r.status == 64, "\(c.args): \(r.err)")
            #expect(r.err.hasPrefix(c.first), "\(c.args): \(r.err)")
            #expect(r.out.isEmpty, "\(c.args)")
        }
    }

    @Test func helpListsTheValues() throws {
        let report = try run(binaryPath, ["report", "--help"]).out.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        #expect(report.contains("HTML, or Markdown minutes (default: the extension of -o, else HTML). (values: html, md)"))
        #expect(report.contains("(values: survey, scoring, budget, legal, delivery, full; default: full)"))
        #expect(report.contains("(values: en, zh)"))
        let export = try run(binaryPath, ["export", "--help"]).out.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        #expect(export.contains("(values: machine, people; default: machine)"))
        let importHelp = try run(binaryPath, ["import", "--help"]).out.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        #expect(importHelp.contains("(values: utf-8, gb18030; default: utf-8)"))
        // The verbs that speak Chinese on --lang zh say so (a meeting pass: `resolve --help` did not).
        for verb in ["check", "rank", "sensitivity", "resolve"] {
            let help = try run(binaryPath, [verb, "--help"]).out.replacingOccurrences(of: "\n", with: " ")
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            #expect(help.contains("--lang <lang> zh: the"), "\(verb): \(help)")
        }
    }

    /// The spellings read before are still read: any case, `markdown`, `gbk`.
    @Test func theAcceptedSpellingsStillWork() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo-en")
        let md = try run(binaryPath, ["report", "-w", ws, "-o", "-", "--format", "Markdown", "--kind", "SCORING", "--lang", "ZH"])
        #expect(md.status == 0, "\(md.err)")
        #expect(md.out.hasPrefix("# 评标会 — "))
        let csv = tmp.path + "/d.csv"
        try Data("name\nOps\n".utf8).write(to: URL(fileURLWithPath: csv))  // ASCII reads the same in GB18030
        let gbk = try run(binaryPath, ["import", "departments", csv, "-w", ws, "--encoding", "GBK"])
        #expect(gbk.status == 0, "\(gbk.err)")
        #expect(gbk.out == "imported 1 department (D06) into \(ws)\n")
    }
}
