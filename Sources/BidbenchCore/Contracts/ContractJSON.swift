/// JSON for a contract scan (DESIGN §4 `contract` shape), with a fixed key order: clauses in checklist
/// order, then key terms, data security and red flags.
extension ContractScan {
    /// The scan as JSON (DESIGN §4): all 22 clause kinds as keys, every key term (null when not stated),
    /// red flags in line order with missing clauses last. One clause, term or flag a line; UTF-8 bytes
    /// ending with a newline, as `contract check --json` writes them.
    ///
    /// It is `jsonValue(playbook:)` in layout `.lines(2)`, written member by member with the red flags
    /// straight to bytes: a long contract has thousands of flags, and as a tree of values they were a
    /// third of `contract check --json`. What repeats is made once: a label's opening, a kind's
    /// explanations and positions, and the quote of a repeated paragraph's shared sentence.
    public func json(playbook: Playbook = .defaults) -> [UInt8] {
        let layout = JSONLayout.lines(2)
        var out: [UInt8] = []
        out.reserveCapacity(4096 + redFlags.count * 1024)
        // The document is an object broken at depth 0 (its clauses are never empty).
        out.append(UInt8(ascii: "{"))
        for (i, (key, value)) in jsonHead(playbook: playbook).enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += "\n  ".utf8
            JSONValue.quote(key, into: &out)
            out += ": ".utf8
            value.write(into: &out, layout: layout, depth: 1)
        }
        out += ",\n  \"red_flags\": [".utf8
        // Broken at depth 1 when it holds any flag; each flag an object on one line (depth 2).
        struct Label: Hashable {
            var kind: RedFlagKind
            var clause: ClauseKind?
            var severity: RedFlagSeverity
        }
        var opening: [Label: [UInt8]] = [:]
        var closing: [RedFlagKind: [UInt8]] = [:]
        var quotes = SharedStrings()
        for (i, f) in redFlags.enumerated() {
            out += (i > 0 ? ",\n    " : "\n    ").utf8
            let label = Label(kind: f.kind, clause: f.clause, severity: f.severity)
            if let made = opening[label] {
                out += made
            } else {
                var made: [UInt8] = Array("{\"kind\": ".utf8)
                JSONValue.quote(f.kind.rawValue, into: &made)
                if let c = f.clause {
                    made += ", \"clause\": ".utf8
                    JSONValue.quote(c.rawValue, into: &made)
                }
                made += ", \"severity\": ".utf8
                JSONValue.quote(f.severity.rawValue, into: &made)
                made += ", \"line\": ".utf8
                opening[label] = made
                out += made
            }
            if let first = f.lines.first { NumberText.appendDecimal(first, to: &out) } else { out += "null".utf8 }
            out += ", \"lines\": [".utf8
            for (k, n) in f.lines.enumerated() {
                if k > 0 { out += ", ".utf8 }
                NumberText.appendDecimal(n, to: &out)
            }
            out += "], \"text\": ".utf8
            out += quotes.bytes(f.text) { text in
                var made: [UInt8] = []
                JSONValue.quote(text, into: &made)
                return made
            }
            if let made = closing[f.kind] {
                out += made
            } else {
                let entry = playbook.entry(f.kind)
                var made: [UInt8] = []
                for (key, value) in [
                    ("explanation_en", f.kind.explanationEN), ("explanation_zh", f.kind.explanationZH), ("position_en", entry.positionEN),
                    ("position_zh", entry.positionZH),
                ] {
                    made += ", ".utf8
                    JSONValue.quote(key, into: &made)
                    made += ": ".utf8
                    JSONValue.quote(value, into: &made)
                }
                made.append(UInt8(ascii: "}"))
                closing[f.kind] = made
                out += made
            }
        }
        out += (redFlags.isEmpty ? "]\n}\n" : "\n  ]\n}\n").utf8
        return out
    }

    /// The scan as a JSON value, in the order `json` prints it.
    public func jsonValue(playbook: Playbook = .defaults) -> JSONValue {
        func int(_ v: Int?) -> JSONValue { v.map { .int(Int64($0)) } ?? .null }
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
        return .object(jsonHead(playbook: playbook) + [("red_flags", .array(flags))])
    }

    // Kept as one function: the contract-check JSON document's members before the red flags, in the documented key order.
    /// The document's clauses, key terms and data security (`jsonValue` adds the red flags).
    private func jsonHead(playbook: Playbook) -> [(String, JSONValue)] {
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
            ("payment_due_business_days", .bool(k.paymentDueBusinessDays)),
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
                            ("minutes", int($0.minutes)), ("business_days", int($0.businessDays)),
                            ("kind", .string($0.kind.rawValue)), ("line", int($0.line)),
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
        return [("clauses", .object(clauses)), ("key_terms", .object(terms)), ("data_security", .object(security))]
    }
}
