import BidbenchCore

/// `gates.csv` fingerprinted, parsed and its pairs' order checked on a thread of its own while the
/// other tables are read: it is three quarters of a large workspace's bytes, and no other table
/// needs it. Its problems go to a log of their own; they all name `gates.csv`, so once problems are
/// sorted (by file, line, then order found) they stand where a parse in turn would have put them.
struct GateParse: Sendable {
    var fingerprint: String
    var parsed: (rows: [GateAnswer], lines: [Int], layout: TableLayout, complete: Bool)?
    var problems: [Problem]
    /// `Validator.pairsIncrease` of the rows (nil when not parsed).
    var increasing: Bool?

    static func start(_ bytes: [UInt8]) -> Background<GateParse> {
        Background {
            let log = ProblemLog()
            let gates = Schema.gates
            let parsed = gates.parse(bytes, path: gates.file, log: log)
            return GateParse(
                fingerprint: FileIO.sha256Hex(bytes), parsed: parsed, problems: log.problems,
                increasing: parsed.map { Validator.pairsIncrease($0.rows) })
        }
    }
}
