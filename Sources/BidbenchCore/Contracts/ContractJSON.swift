/// JSON text for a contract scan (DESIGN §4 `contract` shape), built without Foundation so the key
/// order is fixed: clauses in checklist order, then key terms, then red flags.
extension ContractScan {
    /// The scan as JSON (DESIGN §4): all 22 clause kinds as keys, every key term (null when not stated),
    /// red flags in line order with missing clauses last.
    public func json(playbook: Playbook = .defaults) -> String {
        var out = "{\n  \"clauses\": {\n"
        out += clauses.map { f in
            let line = f.line.map(String.init) ?? "null"
            return
                "    \(ContractJSONWriter.string(f.kind.rawValue)): {\"present\": \(f.present), \"line\": \(line), \"evidence\": \(f.present ? ContractJSONWriter.string(f.evidence) : "null")}"
        }.joined(separator: ",\n")
        out += "\n  },\n  \"key_terms\": {\n"
        let k = keyTerms
        var terms: [(String, String)] = [
            ("term_months", ContractJSONWriter.int(k.termMonths)),
            ("renewal_months", ContractJSONWriter.int(k.renewalMonths)),
            ("notice_days", ContractJSONWriter.int(k.noticeDays)),
            ("payment_due_days", ContractJSONWriter.int(k.paymentDueDays)),
            ("liability_cap", k.liabilityCap.map(ContractJSONWriter.string) ?? "null"),
            ("governing_law", k.governingLaw.map(ContractJSONWriter.string) ?? "null"),
            ("dispute_forum", k.disputeForum.map(ContractJSONWriter.string) ?? "null"),
            ("dispute_forum_type", k.disputeForumType.map(ContractJSONWriter.string) ?? "null"),
            ("price_change", k.priceChange.map(ContractJSONWriter.string) ?? "null"),
        ]
        terms.append(
            (
                "sla_response",
                "["
                    + k.slaResponses.map {
                        "{\"minutes\": \($0.minutes), \"kind\": \(ContractJSONWriter.string($0.kind.rawValue)), \"line\": \($0.line), \"text\": \(ContractJSONWriter.string($0.text))}"
                    }.joined(separator: ", ") + "]"
            ))
        terms.append(
            (
                "penalty_rates",
                "["
                    + k.penaltyRates.map {
                        "{\"rate\": \($0.decimal), \"per\": \(ContractJSONWriter.string($0.per)), \"line\": \($0.line), \"text\": \(ContractJSONWriter.string($0.text))}"
                    }.joined(separator: ", ") + "]"
            ))
        out += terms.map { "    \(ContractJSONWriter.string($0.0)): \($0.1)" }.joined(separator: ",\n")
        out += "\n  },\n  \"data_security\": {\n"
        out += dataSecurity.items.map { i in
            "    \(ContractJSONWriter.string(i.check.rawValue)): {\"status\": \(ContractJSONWriter.string(i.status.rawValue)), \"line\": \(ContractJSONWriter.int(i.line)), \"text\": \(i.line == nil ? "null" : ContractJSONWriter.string(i.text))}"
        }.joined(separator: ",\n")
        out +=
            ",\n    \"vague\": ["
            + dataSecurity.vague.map { "{\"line\": \($0.line), \"text\": \(ContractJSONWriter.string($0.text))}" }.joined(separator: ", ")
            + "]"
        out += "\n  },\n  \"red_flags\": ["
        out += redFlags.map { f in
            let entry = playbook.entry(f.kind)
            var o = "{\"kind\": \(ContractJSONWriter.string(f.kind.rawValue))"
            if let c = f.clause { o += ", \"clause\": \(ContractJSONWriter.string(c.rawValue))" }
            o += ", \"severity\": \(ContractJSONWriter.string(f.severity.rawValue))"
            o += ", \"line\": \(f.line.map(String.init) ?? "null"), \"lines\": [\(f.lines.map(String.init).joined(separator: ", "))]"
            o += ", \"text\": \(ContractJSONWriter.string(f.text))"
            o += ", \"explanation_en\": \(ContractJSONWriter.string(f.kind.explanationEN))"
            o += ", \"explanation_zh\": \(ContractJSONWriter.string(f.kind.explanationZH))"
            o += ", \"position_en\": \(ContractJSONWriter.string(entry.positionEN))"
            o += ", \"position_zh\": \(ContractJSONWriter.string(entry.positionZH))}"
            return "\n    " + o
        }.joined(separator: ",")
        out += redFlags.isEmpty ? "]\n}" : "\n  ]\n}"
        return out
    }
}

/// Minimal JSON value writers.
enum ContractJSONWriter {
    /// A JSON string literal with `"` `\` and control characters escaped.
    static func string(_ s: String) -> String { JSONText.quote(s) }
    static func int(_ v: Int?) -> String { v.map(String.init) ?? "null" }
}
