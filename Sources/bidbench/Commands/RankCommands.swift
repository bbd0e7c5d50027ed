import ArgumentParser
import BidbenchCore
import BidbenchStore
import BidbenchUI
import Foundation

// `rank`, `weights` and `sensitivity` (DESIGN §4): decision-matrix files, AHP files, and the
// workspace's own criteria, panel scores and gates.

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank the workspace's vendors, or the alternatives of a decision-matrix file.",
        discussion: """
            With --matrix FILE.csv: first row = a label then the criterion names; a row labelled `type` \
            (benefit|cost); a row labelled `weight`; then one row per alternative. Methods: wsm (default \
            normalisation linear) and topsis (default vector). Without --matrix the workspace (-w) is \
            ranked with its method (wsm, topsis or cn).
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var scoring: ScoringOptions
    /// Read from anywhere on the line (`CommandLineLanguage`); declared so `--help` lists it.
    @Option(help: "zh: the warnings in Chinese (default: English, which scripts read).") var lang: Lang?

    func run() throws {
        if let matrix = scoring.matrix {
            let m = try readMatrix(matrix)
            let method = try parseMatrixMethod(scoring.method)
            let result = try orFail(try m.rank(method: method, normalization: scoring.normalize), context: matrix)
            for w in result.warnings { printError("warning: \(w)") }
            emit(scoring.json ? RankOutput.json(result, matrix: m) : RankOutput.table(result, matrix: m))
        } else {
            let ws = try loadWorkspaceForVerb(workspace.path)
            let e = try orFail(
                try PanelRule.evaluate(
                    ws, viewer: .lead, method: scoring.method, aggregate: scoring.aggregate, normalization: scoring.normalize,
                    priceOverride: tcoPrices(ws)),
                context: workspace.path)
            for w in e.warnings { printError(warningLine(w)) }
            emit(scoring.json ? RankOutput.json(e, vendors: ws.vendors) : RankOutput.table(e, vendors: ws.vendors))
        }
    }
}

struct WeightsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weights",
        abstract: "AHP weights and consistency from a pairwise matrix (several --ahp files: group AHP).",
        discussion: """
            The file is a square matrix with the names in the header row and the first column, \
            judgements on Saaty's 1–9 scale or fractions like 1/3. Several --ahp files are combined by \
            the element-wise geometric mean. Without --ahp the workspace's criteria weights are shown.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "A pairwise comparison CSV file (repeat for group AHP).") var ahp: [String] = []
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        if ahp.isEmpty {
            let ws = try loadWorkspaceForVerb(workspace.path)
            let e = try orFail(try PanelRule.evaluate(ws, viewer: .lead, priceOverride: tcoPrices(ws)), context: workspace.path)
            emit(json ? WeightsOutput.json(e.weights) : WeightsOutput.table(e.weights))
            return
        }
        var matrices: [PairwiseMatrix] = []
        for file in ahp {
            let rows = try readRows(file)
            matrices.append(try orFail(try AHP.parse(rows: rows), context: file))
        }
        let combined = matrices.count == 1 ? matrices[0] : try orFail(try AHP.geometricMean(matrices), context: ahp.joined(separator: ", "))
        let result = try orFail(try AHP.analyse(combined), context: ahp.joined(separator: ", "))
        for w in result.warnings { printError("warning: \(w)") }
        emit(json ? WeightsOutput.json(result, matrices: matrices.count) : WeightsOutput.table(result, matrices: matrices.count))
    }
}

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "For each criterion, the weight interval within which the winner stays first.",
        discussion: """
            Changing one weight rescales the others in proportion. Intervals are exact for wsm and cn \
            (scores are linear in the weights) and numeric for topsis.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var scoring: ScoringOptions
    /// Read from anywhere on the line (`CommandLineLanguage`); declared so `--help` lists it.
    @Option(help: "zh: the warnings in Chinese (default: English, which scripts read).") var lang: Lang?

    func run() throws {
        let problem: ScoringProblem
        let methodName: String
        if let matrix = scoring.matrix {
            let m = try readMatrix(matrix)
            let method = try parseMatrixMethod(scoring.method)
            let result = try orFail(try m.rank(method: method, normalization: scoring.normalize), context: matrix)
            for w in result.warnings { printError("warning: \(w)") }
            problem = result.problem
            methodName = method.rawValue
        } else {
            let ws = try loadWorkspaceForVerb(workspace.path)
            let e = try orFail(
                try PanelRule.evaluate(
                    ws, viewer: .lead, method: scoring.method, aggregate: scoring.aggregate, normalization: scoring.normalize,
                    priceOverride: tcoPrices(ws)),
                context: workspace.path)
            for w in e.warnings.dropFirst(e.blind ? 1 : 0) { printError(warningLine(w)) }
            if e.blind {
                let notice = e.warnings.first?.en ?? ""
                emit(
                    scoring.json
                        ? JSONValue.object([
                            ("method", .string(e.method.rawValue)), ("blind", .bool(true)), ("winner", .null), ("criteria", .array([])),
                            ("smallest_change", .null), ("notice", .string(notice)),
                        ]).compact
                        : "blind: \(notice)\n")
                return
            }
            problem = e.problem
            methodName = e.method.rawValue
        }
        let report = Sensitivity.analyse(problem)
        emit(scoring.json ? SensitivityOutput.json(report, method: methodName) : SensitivityOutput.table(report, method: methodName))
    }
}

/// A warning of the evaluation on stderr, in Chinese with `--lang zh` (its text is kept in both).
func warningLine(_ n: Notice) -> String { "warning: " + (CommandLineLanguage.value() == .zh ? n.zh : n.en) }

// MARK: - Input

/// The rows of a CSV file, or a message on stderr and exit 1.
func readRows(_ path: String) throws -> [TableRow] {
    guard let data = FileManager.default.contents(atPath: path) else {
        printError("bidbench: \(path): cannot read the file")
        throw ExitCode(1)
    }
    do {
        return try CSV.parse(String(decoding: data, as: UTF8.self)).map { TableRow(line: $0.line, cells: $0.fields) }
    } catch {
        printError("bidbench: \(path):\(error.line): \(error.message)")
        throw ExitCode(1)
    }
}

func readMatrix(_ path: String) throws -> DecisionMatrix {
    try orFail(try DecisionMatrix.parse(rows: try readRows(path)), context: path)
}

/// Runs a Core computation; a `ScoringError` goes to stderr (prefixed with the file) and exits 1.
func orFail<T>(_ body: @autoclosure () throws -> T, context: String) throws -> T {
    do { return try body() } catch let error as ScoringError {
        printError("bidbench: \(context): \(error.message)")
        throw ExitCode(1)
    }
}

/// The method for matrix mode: wsm (default) or topsis; cn needs a workspace.
func parseMatrixMethod(_ method: ScoringMethod?) throws -> ScoringMethod {
    guard let method else { return .wsm }
    if method == .cn {
        printError("bidbench: method cn needs a workspace (price and panel criteria); use wsm or topsis with --matrix")
        throw ExitCode(2)
    }
    return method
}

/// The options `rank` and `sensitivity` share, typed: an unknown method, normalisation or aggregate
/// is refused by the parser with the allowed values.
struct ScoringOptions: ParsableArguments {
    @Option(help: "A decision-matrix CSV file instead of the workspace.") var matrix: String?
    @Option(help: "wsm, topsis or cn (cn only on a workspace).") var method: ScoringMethod?
    @Option(help: "linear, max, minmax, sum or vector (default: linear for wsm, vector for topsis).") var normalize: Normalization?
    @Option(help: "Workspace mode: how the panel's scores combine, mean or median.") var aggregate: PanelAggregate?
    @Flag(help: "Print JSON.") var json = false
}

extension ScoringMethod: ExpressibleByArgument {}
extension Normalization: ExpressibleByArgument {}
extension PanelAggregate: ExpressibleByArgument {}

// MARK: - Output

enum RankOutput {
    static func json(_ r: MatrixResult, matrix m: DecisionMatrix) -> String {
        JSONValue.object([
            ("method", .string(r.method.rawValue)),
            ("normalization", .string(r.normalization.rawValue)),
            (
                "ranking",
                .array(
                    r.order.map { i in
                        .object([("alternative", .string(m.alternatives[i])), ("score", .double(r.scores[i])), ("rank", .int(r.ranks[i]))])
                    })
            ),
            ("disqualified", .array([])),
            ("weights", .object(zip(m.criteria, r.problem.weights).map { ($0, .double($1)) })),
            ("warnings", .array(r.warnings.map { .string($0) })),
        ]).compact
    }

    static func table(_ r: MatrixResult, matrix m: DecisionMatrix) -> String {
        var out = "method \(r.method.rawValue), normalisation \(r.normalization.rawValue)\n\n"
        out += TextTable.render(
            header: ["rank", "alternative", "score"],
            rows: r.order.map { ["\(r.ranks[$0])", m.alternatives[$0], NumberText.fixed(r.scores[$0], 6)] },
            rightAligned: [0, 2])
        return out
    }

    /// The vendors whose confirmed must-haves are not all answered, in the workspace's order: listed
    /// while blind too, as the matrix shows them to everyone (a meeting pass: `"provisional": []`
    /// beside a screen that said `结果暂定, 必须项未答复`).
    static func provisional(_ e: Evaluation, _ vendors: [Vendor]) -> [(vendor: Vendor, gaps: [Notice])] {
        vendors.compactMap { v in e.provisional[v.id].map { (v, $0) } }
    }

    static func json(_ e: Evaluation, vendors: [Vendor] = []) -> String {
        var fields: [(String, JSONValue)] = [
            ("method", .string(e.method.rawValue)),
            ("blind", .bool(e.blind)),
            ("normalization", e.normalization.map { .string($0.rawValue) } ?? .null),
            ("aggregate", .string(e.aggregate.rawValue)),
            (
                "ranking",
                .array(
                    e.ranking.map {
                        .object([
                            ("alternative", .string($0.vendor)), ("name", .string($0.name)), ("score", .double($0.score)),
                            ("rank", .int($0.rank)), ("provisional", .bool(e.provisional[$0.vendor] != nil)),
                        ])
                    })
            ),
            (
                "provisional",
                .array(
                    provisional(e, vendors).map { p in
                        .object([
                            ("alternative", .string(p.vendor.id)), ("name", .string(p.vendor.name)),
                            ("missing_gates", .array(p.gaps.map { .string($0.en) })),
                        ])
                    })
            ),
            (
                "disqualified",
                .array(
                    e.disqualified.map {
                        .object([("alternative", .string($0.vendor)), ("name", .string($0.name)), ("reason", .string($0.reason))])
                    })
            ),
            (
                "incomplete",
                .array(
                    e.incomplete.map {
                        .object([("alternative", .string($0.vendor)), ("name", .string($0.name)), ("reason", .string($0.reason))])
                    })
            ),
            ("weights", .object(e.weights.filter(\.isLeaf).map { ($0.id, .double($0.global)) })),
            (
                "flagged",
                .array(
                    e.cells.filter(\.flagged).map {
                        .object([
                            ("vendor", .string($0.vendor)), ("criterion", .string($0.criterion)), ("spread", .double($0.spread)),
                            ("sd", .double($0.sd)),
                        ])
                    })
            ),
        ]
        if let base = e.priceBase { fields.append(("price_base", .double(base))) }
        if !e.leftOut.isEmpty { fields.append(("left_out", .array(e.leftOut.map { .string($0) }))) }
        fields.append(("warnings", .array(e.warnings.map { .string($0.en) })))
        return JSONValue.object(fields).compact
    }

    static func table(_ e: Evaluation, vendors: [Vendor] = []) -> String {
        var out = "method \(e.method.rawValue)" + (e.normalization.map { ", normalisation \($0.rawValue)" } ?? "") + "\n\n"
        // Blind: the notice instead of a ranking (PanelRule left none), then what is visible.
        if e.blind { out += "blind: \(e.warnings.first?.en ?? "")\n" }
        if !e.blind {
            out += TextTable.render(
                header: ["rank", "vendor", "name", "score"],
                rows: e.ranking.map { ["\($0.rank)", $0.vendor, $0.name, NumberText.fixed($0.score, e.method == .cn ? 2 : 6)] },
                rightAligned: [0, 3])
        }
        if !e.disqualified.isEmpty {
            out += "\ndisqualified (fails a must-have):\n"
            out += TextTable.render(header: ["vendor", "name", "reason"], rows: e.disqualified.map { [$0.vendor, $0.name, $0.reason] })
        }
        let provisional = provisional(e, vendors)
        if !provisional.isEmpty {
            out += "\nprovisional (confirmed must-haves not answered):\n"
            out += TextTable.render(
                header: ["vendor", "name", "missing gates"],
                rows: provisional.map { [$0.vendor.id, $0.vendor.name, $0.gaps.map(\.en).joined(separator: "; ")] })
        }
        if !e.incomplete.isEmpty {
            out += "\nnot ranked yet (incomplete):\n"
            out += TextTable.render(header: ["vendor", "name", "reason"], rows: e.incomplete.map { [$0.vendor, $0.name, $0.reason] })
        }
        let flagged = e.cells.filter(\.flagged)
        if !flagged.isEmpty {
            out += "\nto discuss (evaluators differ by ≥ 30 % of the scale):\n"
            out += TextTable.render(
                header: ["vendor", "criterion", "scores", "spread", "sd"],
                rows: flagged.map {
                    [
                        $0.vendor, $0.criterion, $0.scores.map { NumberText.fixed($0, 1) }.joined(separator: " "),
                        NumberText.fixed($0.spread, 2), NumberText.fixed($0.sd, 2),
                    ]
                },
                rightAligned: [3, 4])
        }
        return out
    }
}

enum WeightsOutput {
    static func json(_ r: AHPResult, matrices: Int) -> String {
        var fields: [(String, JSONValue)] = [
            ("weights", .object(zip(r.names, r.weights).map { ($0, .double($1)) })),
            ("lambda_max", .double(r.lambdaMax)),
            ("ci", .double(r.ci)),
            ("cr", .double(r.cr)),
            ("consistent", .bool(r.consistent)),
            ("random_index", .double(r.randomIndex)),
            ("matrices", .int(matrices)),
        ]
        if let w = r.worst {
            fields.append(
                (
                    "most_inconsistent",
                    .object([
                        ("row", .string(w.row)), ("column", .string(w.column)), ("given", .double(w.given)),
                        ("consistent_value", .double(w.consistent)), ("log_deviation", .double(w.deviation)),
                    ])
                ))
        }
        fields.append(("warnings", .array(r.warnings.map { .string($0.en) })))
        return JSONValue.object(fields).compact
    }

    static func table(_ r: AHPResult, matrices: Int) -> String {
        var out = matrices > 1 ? "group AHP: geometric mean of \(matrices) matrices\n\n" : ""
        out += TextTable.render(
            header: ["criterion", "weight"], rows: zip(r.names, r.weights).map { [$0, NumberText.fixed($1, 6)] }, rightAligned: [1])
        out += "\nλmax \(NumberText.fixed(r.lambdaMax, 6))   CI \(NumberText.fixed(r.ci, 6))   CR \(NumberText.fixed(r.cr, 6))   "
        out += r.consistent ? "consistent (CR < 0.10)\n" : "INCONSISTENT (CR ≥ 0.10)\n"
        if !r.consistent, let w = r.worst {
            out +=
                "the judgement (\(w.row), \(w.column)) = \(NumberText.fixed(w.given, 3)) disagrees most; \(NumberText.fixed(w.consistent, 3)) would agree with the other judgements\n"
        }
        return out
    }

    static func json(_ weights: [CriterionWeight]) -> String {
        JSONValue.object([
            ("weights", .object(weights.filter(\.isLeaf).map { ($0.id, .double($0.global)) })),
            (
                "criteria",
                .array(
                    weights.map {
                        .object([
                            ("id", .string($0.id)), ("name", .string($0.name)), ("parent", .string($0.parent)),
                            ("local", .double($0.local)), ("global", .double($0.global)), ("ahp", .bool($0.fromAHP)),
                            ("leaf", .bool($0.isLeaf)),
                        ])
                    })
            ),
        ]).compact
    }

    static func table(_ weights: [CriterionWeight]) -> String {
        TextTable.render(
            header: ["criterion", "name", "parent", "local", "global", "from"],
            rows: weights.map {
                [$0.id, $0.name, $0.parent, NumberText.fixed($0.local, 4), NumberText.fixed($0.global, 4), $0.fromAHP ? "AHP" : "direct"]
            },
            rightAligned: [3, 4])
    }
}

enum SensitivityOutput {
    static func change(_ c: WeightChange?) -> JSONValue {
        guard let c else { return .null }
        return .object([
            ("criterion", .string(c.criterion)), ("from", .double(c.from)), ("to", .double(c.to)),
            ("delta", .double(c.delta)), ("new_winner", .string(c.newWinner)),
        ])
    }

    static func json(_ r: SensitivityReport, method: String) -> String {
        JSONValue.object([
            ("method", .string(method)),
            ("winner", r.winner.map { .string($0) } ?? .null),
            ("tied_at_top", .bool(r.tiedAtTop)),
            ("exact", .bool(r.exact)),
            ("how", .string(r.method)),
            (
                "criteria",
                .array(
                    r.intervals.map {
                        .object([
                            ("criterion", .string($0.criterion)), ("weight", .double($0.weight)), ("lo", .double($0.lo)),
                            ("hi", .double($0.hi)), ("below", change($0.below)), ("above", change($0.above)),
                        ])
                    })
            ),
            ("smallest_change", change(r.smallest)),
        ]).compact
    }

    static func table(_ r: SensitivityReport, method: String) -> String {
        guard let winner = r.winner else { return "nothing to rank\n" }
        var out = "method \(method); winner \(winner)\(r.tiedAtTop ? " (tied for first)" : ""); \(r.method)\n\n"
        out += TextTable.render(
            header: ["criterion", "weight", "winner stays first for", "below that", "above that"],
            rows: r.intervals.map { iv in
                [
                    iv.criterion, NumberText.fixed(iv.weight, 4), "[\(NumberText.fixed(iv.lo, 4)), \(NumberText.fixed(iv.hi, 4))]",
                    iv.below?.newWinner ?? "—", iv.above?.newWinner ?? "—",
                ]
            }, rightAligned: [1])
        if let s = r.smallest {
            out +=
                "\nsmallest change: \(s.criterion) from \(NumberText.fixed(s.from, 4)) to \(NumberText.fixed(s.to, 4)) (\(s.delta >= 0 ? "+" : "")\(NumberText.fixed(s.delta, 4))) makes \(s.newWinner) the winner\n"
        } else {
            out += "\nno single weight change makes another alternative the winner\n"
        }
        return out
    }
}

/// Prints output that may or may not end with a newline, ending it with exactly one.
func emit(_ text: String) {
    print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
}

/// Plain-text tables that line up Chinese (double-width) text.
enum TextTable {
    static func width(_ s: String) -> Int { TextWidth.of(s) }

    /// Strips control characters so text from files cannot drive the terminal.
    static func clean(_ s: String) -> String {
        String(
            String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }))
    }

    static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let all = [header] + rows.map { $0.map(clean) }
        var widths = [Int](repeating: 0, count: header.count)
        for row in all { for (j, cell) in row.enumerated() { widths[j] = max(widths[j], width(cell)) } }
        var out = ""
        for row in all {
            var line = ""
            for (j, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[j] - width(cell))
                if j > 0 { line += "  " }
                line += rightAligned.contains(j) ? pad + cell : (j == row.count - 1 ? cell : cell + pad)
            }
            out += line + "\n"
        }
        return out
    }
}
