import Foundation
import Testing

@testable import BidbenchCore

/// The labelled contract corpus (Fixtures/ContractCorpus): contracts written for Bidbench, each with a
/// `.labels` file saying which clauses it contains (with lines), which red flags a procurement lawyer
/// would mark (kind and line) and which clauses the buyer needs are missing. The test prints clause
/// precision/recall and red-flag recall per kind, and holds the scanner to floors.
///
///     swift test --filter ContractCorpus
@Suite("Contract corpus (labelled)")
struct ContractCorpusTests {
    struct Labels {
        var clauses: [ClauseKind: [Int]] = [:]
        var flags: [(kind: RedFlagKind, line: Int)] = []
        var missing: Set<ClauseKind> = []
    }

    struct Problem: Error, CustomStringConvertible { let description: String }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ContractCorpus")

    /// Parses a labels file; an unknown kind or a bad line number names file, line and field.
    static func parseLabels(_ text: String, file: String) throws -> Labels {
        var labels = Labels()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let parts = raw.split(separator: " ").map(String.init)
            guard let head = parts.first, !head.hasPrefix("#") else { continue }
            func fail(_ field: String) -> Problem { Problem(description: "\(file):\(i + 1): bad \(field) in \"\(raw)\"") }
            switch head {
            case "clause":
                guard parts.count >= 3, let kind = ClauseKind(rawValue: parts[1]) else { throw fail("clause kind") }
                let lines = try parts.dropFirst(2).map { s -> Int in
                    guard let n = Int(s), n > 0 else { throw fail("line") }
                    return n
                }
                labels.clauses[kind] = lines
            case "flag":
                guard parts.count == 3, let kind = RedFlagKind(rawValue: parts[1]) else { throw fail("flag kind") }
                guard let line = Int(parts[2]), line > 0 else { throw fail("line") }
                labels.flags.append((kind, line))
            case "missing":
                guard parts.count == 2, let kind = ClauseKind(rawValue: parts[1]) else { throw fail("missing clause") }
                labels.missing.insert(kind)
            default:
                throw fail("record type")
            }
        }
        return labels
    }

    static func corpus() throws -> [(name: String, text: String, labels: Labels)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".labels") }.sorted()
        return try names.map { labelsName in
            let name = String(labelsName.dropLast(".labels".count))
            let text = try String(contentsOf: folder.appendingPathComponent(name + ".txt"), encoding: .utf8)
            let labelText = try String(contentsOf: folder.appendingPathComponent(labelsName), encoding: .utf8)
            return (name, text, try parseLabels(labelText, file: labelsName))
        }
    }

    struct Figures {
        var clauseTP = 0, clauseFP = 0, clauseFN = 0
        var flagTotal: [RedFlagKind: Int] = [:]
        var flagFound: [RedFlagKind: Int] = [:]
        var reported = 0, reportedOnLabel = 0
        var clauseRecall: Double { Double(clauseTP) / Double(max(1, clauseTP + clauseFN)) }
        var clausePrecision: Double { Double(clauseTP) / Double(max(1, clauseTP + clauseFP)) }
        func flagRecall(includingMissing: Bool) -> Double {
            let kinds = flagTotal.keys.filter { includingMissing || $0 != .missing_clause }
            let total = kinds.reduce(0) { $0 + flagTotal[$1]! }
            let found = kinds.reduce(0) { $0 + (flagFound[$1] ?? 0) }
            return Double(found) / Double(max(1, total))
        }
        var reportedPrecision: Double { Double(reportedOnLabel) / Double(max(1, reported)) }
    }

    /// A reported flag matches a label of its kind when one of its lines is within one line of it.
    static func near(_ f: RedFlag, _ line: Int) -> Bool { f.lines.contains { abs($0 - line) <= 1 } }

    static func measure(_ corpus: [(name: String, text: String, labels: Labels)], log: inout [String]) -> Figures {
        var fig = Figures()
        for c in corpus {
            let scan = ContractScanner.scan(c.text)
            for f in scan.clauses {
                let labelled = c.labels.clauses[f.kind] != nil
                if f.present && labelled { fig.clauseTP += 1 }
                if f.present && !labelled {
                    fig.clauseFP += 1
                    log.append("  \(c.name): clause \(f.kind.rawValue) reported at line \(f.line!), not labelled")
                }
                if !f.present && labelled {
                    fig.clauseFN += 1
                    log.append("  \(c.name): clause \(f.kind.rawValue) missed")
                }
            }
            let located = scan.redFlags.filter { !$0.lines.isEmpty }
            for label in c.labels.flags {
                fig.flagTotal[label.kind, default: 0] += 1
                if located.contains(where: { $0.kind == label.kind && near($0, label.line) }) {
                    fig.flagFound[label.kind, default: 0] += 1
                } else {
                    log.append("  \(c.name): flag \(label.kind.rawValue) at line \(label.line) missed")
                }
            }
            for f in located {
                fig.reported += 1
                if c.labels.flags.contains(where: { $0.kind == f.kind && near(f, $0.line) }) {
                    fig.reportedOnLabel += 1
                } else {
                    log.append("  \(c.name): flag \(f.kind.rawValue) at lines \(f.lines) not labelled")
                }
            }
            let missing = Set(scan.flags(.missing_clause).compactMap(\.clause))
            for kind in c.labels.missing {
                fig.flagTotal[.missing_clause, default: 0] += 1
                if missing.contains(kind) { fig.flagFound[.missing_clause, default: 0] += 1 }
            }
        }
        return fig
    }

    @Test("the corpus: at least 30 contracts (15 Chinese, 10 English), every red-flag kind labelled")
    func shape() throws {
        let corpus = try Self.corpus()
        #expect(corpus.count >= 30)
        #expect(corpus.filter { $0.name.hasPrefix("zh") }.count >= 15)
        #expect(corpus.filter { $0.name.hasPrefix("en") }.count >= 10)
        #expect(corpus.contains { $0.name.hasPrefix("mx") })
        let labelled = Set(
            corpus.flatMap { $0.labels.flags.map(\.kind) } + (corpus.contains { !$0.labels.missing.isEmpty } ? [.missing_clause] : []))
        for kind in RedFlagKind.allCases { #expect(labelled.contains(kind), "no label of \(kind.rawValue)") }
        // Labels point at real lines of their text.
        for c in corpus {
            let count = ContractLineParser.splitLines(c.text).count
            for line in c.labels.flags.map(\.line) + c.labels.clauses.values.flatMap({ $0 }) {
                #expect(line <= count, "\(c.name): label line \(line) past the end (\(count) lines)")
            }
        }
    }

    @Test("clause precision/recall and red-flag recall per kind meet the floors")
    func figures() throws {
        var log: [String] = []
        let fig = Self.measure(try Self.corpus(), log: &log)
        var out = [
            "Contract corpus: clause recall \(String(format: "%.3f", fig.clauseRecall)), precision \(String(format: "%.3f", fig.clausePrecision))"
        ]
        out.append(
            "red-flag recall \(String(format: "%.3f", fig.flagRecall(includingMissing: false))) (line flags), "
                + "\(String(format: "%.3f", fig.flagRecall(includingMissing: true))) with missing clauses; "
                + "reported flags on a labelled line \(fig.reportedOnLabel)/\(fig.reported) = \(String(format: "%.3f", fig.reportedPrecision))"
        )
        for kind in RedFlagKind.allCases {
            out.append(
                "  \(kind.rawValue.padding(toLength: 32, withPad: " ", startingAt: 0)) \(fig.flagFound[kind] ?? 0)/\(fig.flagTotal[kind] ?? 0)"
            )
        }
        print((out + log).joined(separator: "\n"))
        #expect(fig.clauseRecall >= 0.95)
        #expect(fig.clausePrecision >= 0.92)
        #expect(fig.flagRecall(includingMissing: false) >= 0.75)
        #expect(fig.reportedPrecision >= 0.75)
    }

    @Test("a labels file with an unknown kind is refused with file, line and field")
    func badLabels() {
        #expect(throws: Problem.self) { try Self.parseLabels("clause scope 3\nflag not_a_kind 4\n", file: "x.labels") }
        do {
            _ = try Self.parseLabels("clause scope 3\nflag auto_renewal x\n", file: "x.labels")
            Issue.record("accepted a bad line number")
        } catch {
            #expect("\(error)" == "x.labels:2: bad line in \"flag auto_renewal x\"")
        }
    }

    /// The CC BY 4.0 Common Paper agreement and its annotation (a copy of ../shared/contracts).
    static let commonPaper = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/contracts/commonpaper-software-license-agreement")

    @Test(
        "real-world check: Common Paper software licence (figures printed)",
        .enabled(
            if: FileManager.default.fileExists(atPath: commonPaper.path + ".json"),
            "the Common Paper fixture is missing"))
    func commonPaperCheck() throws {
        let text = try String(contentsOf: Self.commonPaper.appendingPathExtension("txt"), encoding: .utf8)
        let data = try Data(contentsOf: Self.commonPaper.appendingPathExtension("json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let clauses = try #require(json["clauses"] as? [String: Bool])
        let annotated = try #require(json["red_flags"] as? [[String: Any]])
        let scan = ContractScanner.scan(text)
        var tp = 0
        var fp = 0
        var fn = 0
        for f in scan.clauses {
            let truth = clauses[f.kind.rawValue] ?? false
            if f.present && truth { tp += 1 } else if f.present { fp += 1 } else if truth { fn += 1 }
        }
        let lines = ContractLineParser.splitLines(text)
        let located = scan.redFlags.filter { !$0.lines.isEmpty }
        var found = 0
        var quoted = 0
        var matched = Set<Int>()
        for a in annotated {
            guard let quote = a["quote"] as? String else { continue }
            quoted += 1
            let head = String(quote.prefix(40))
            let at = lines.indices.filter { lines[$0].contains(head) }.map { $0 + 1 }
            let hits = located.indices.filter { i in at.contains { Self.near(located[i], $0) } }
            if !hits.isEmpty { found += 1 }
            matched.formUnion(hits)
        }
        print(
            "Common Paper: clause recall \(tp)/\(tp + fn), precision \(tp)/\(tp + fp); red flags found \(found)/\(quoted); "
                + "reported flags on annotated wording \(matched.count)/\(located.count)")
        #expect(tp + fn > 0 && Double(tp) / Double(tp + fn) >= 0.95)
        #expect(Double(found) / Double(quoted) >= 0.6)
    }
}
