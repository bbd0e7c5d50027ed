/// JSON for a contract scan (DESIGN §4 `contract` shape), with a fixed key order: clauses in checklist
/// order, then key terms, data security and red flags.
extension ContractScan {
    /// The scan as JSON (DESIGN §4): all 22 clause kinds as keys, every key term (null when not stated),
    /// red flags in line order with missing clauses last. One clause, term or flag a line; UTF-8 bytes
    /// ending with a newline, as `contract check --json` writes them.
    public func json(playbook: Playbook = .defaults) -> [UInt8] {
        var out = jsonValue(playbook: playbook).utf8(.lines(2))
        out.append(0x0A)
        return out
    }

    // Kept as one function: the contract-check JSON document in the documented key order.
    /// The scan as a JSON value, in the order `json` prints it.
    public func jsonValue(playbook: Playbook = .defaults) -> JSONValue {
        func int(_ v: Int?) -> JSONValue { v.map { .int(Int64($0)) } ?? .null }
        let clauses = clauses.map { f -> (String, JSONValue) in
            (
                f.kind.rawValue,
                .object([("present", .bool(f.present)), ("line", int(f.line)), ("evidence", f.present ? .string(f.evidence) : .null)])
            )
        }
        let k = keyTerms
        let terms: [(String, JSONValue)] = [
            ("term_months", int(k.termMonths)),
            ("renewal_months", int(k.renewalMonths)),
            ("notice_days", int(k.noticeDays)),
            ("payment_due_days", int(k.paymentDueDays)),
            ("liability_cap", .string(k.liabilityCap)),
            ("governing_law", .string(k.governingLaw)),
            ("dispute_forum", .string(k.disputeForum)),
            ("dispute_forum_type", .string(k.disputeForumType)),
            ("price_change", .string(k.priceChange)),
            (
                "sla_response",
                .array(
                    k.slaResponses.map {
                        .object([
                            ("minutes", int($0.minutes)), ("kind", .string($0.kind.rawValue)), ("line", int($0.line)),
                            ("text", .string($0.text)),
                        ])
                    })
            ),
            (
                "penalty_rates",
                .array(
                    k.penaltyRates.map {
                        .object([
                            ("rate", .decimal($0.decimal)), ("per", .string($0.per)), ("line", int($0.line)), ("text", .string($0.text)),
                        ])
                    })
            ),
        ]
        let security =
            dataSecurity.items.map { i -> (String, JSONValue) in
                (
                    i.check.rawValue,
                    .object([
                        ("status", .string(i.status.rawValue)), ("line", int(i.line)), ("text", i.line == nil ? .null : .string(i.text)),
                    ])
                )
            } + [("vague", .array(dataSecurity.vague.map { .object([("line", int($0.line)), ("text", .string($0.text))]) }))]
        let flags = redFlags.map { f -> JSONValue in
            let entry = playbook.entry(f.kind)
            var o: [(String, JSONValue)] = [("kind", .string(f.kind.rawValue))]
            if let c = f.clause { o.append(("clause", .string(c.rawValue))) }
            o += [
                ("severity", .string(f.severity.rawValue)), ("line", int(f.line)), ("lines", .array(f.lines.map { .int(Int64($0)) })),
                ("text", .string(f.text)), ("explanation_en", .string(f.kind.explanationEN)),
                ("explanation_zh", .string(f.kind.explanationZH)), ("position_en", .string(entry.positionEN)),
                ("position_zh", .string(entry.positionZH)),
            ]
            return .object(o)
        }
        return .object([
            ("clauses", .object(clauses)), ("key_terms", .object(terms)), ("data_security", .object(security)),
            ("red_flags", .array(flags)),
        ])
    }
}
