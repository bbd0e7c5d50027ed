import BidbenchCore

/// `workspace.json`: read with type checks, written pretty-printed with sorted keys.
enum SettingsFile {
    static let file = "workspace.json"

    /// The known keys and their JSON value for `s`.
    static func known(_ s: Settings) -> [(String, JSONValue)] {
        [
            ("schema", .int(Int64(s.schema))), ("name", .string(s.name)), ("currency", .string(s.currency)),
            ("fiscal_year_start", .string(s.fiscalYearStart)), ("first_year", .int(Int64(s.firstYear))),
            ("language", .string(s.language)), ("scale", .double(s.scale)), ("method", .string(s.method.rawValue)),
            ("aggregate", .string(s.aggregate.rawValue)), ("procurement_kind", .string(s.procurementKind.rawValue)),
            ("sme_deduction_percent", .double(s.smeDeductionPercent)), ("revealed", .bool(s.revealed)),
            ("horizon_years", .int(Int64(s.horizonYears))), ("users", .int(Int64(s.users))),
            ("user_growth", .double(s.userGrowth)), ("escalation", .double(s.escalation)),
            ("discount_rate", .double(s.discountRate)), ("budget_warn", .double(s.budgetWarn)),
            ("budget_stop", .double(s.budgetStop)),
        ]
    }

    /// Every key with its compact JSON text, sorted by key (unknown keys from `extra` included).
    static func entries(_ s: Settings) -> [(String, String)] {
        var all: [String: String] = [:]
        for (k, v) in s.extra {
            // Extra values are raw JSON; text that is not JSON is kept as a JSON string rather than lost.
            all[k] = JSONValue.parse(v)?.compact ?? JSONValue.string(v).compact
        }
        for (k, v) in known(s) { all[k] = v.compact }
        return all.keys.sorted().map { ($0, all[$0]!) }
    }

    static func render(_ s: Settings) -> RenderedFile {
        let pairs = entries(s)
        // Each entry is compact JSON already (from the writer), so it reads back to the same value.
        let out = JSONValue.object(pairs.map { ($0.0, JSONValue.parse($0.1) ?? .string($0.1)) }).pretty + "\n"
        return RenderedFile(bytes: Array(out.utf8), header: ["value"], rows: pairs.map { ($0.0, [$0.1]) }, lines: [], layout: nil)
    }

    /// The 1-based line where `"key"` appears in the text, or 0.
    static func line(ofKey key: String, in text: String) -> Int {
        let needle = JSONValue.quote(key)
        for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where l.contains(needle) {
            return i + 1
        }
        return 0
    }

    /// Parses workspace.json, reporting bad types and values; unknown keys go to `extra`.
    static func parse(_ bytes: [UInt8], log: ProblemLog) -> Settings {
        var s = Settings()
        guard let text = StoreText.decode(bytes, path: file, log: log) else { return s }
        guard let json = JSONValue.parse(text) else {
            log.add(file, 0, nil, "is not valid JSON (check for a missing comma or quote)", zh: "不是有效的 JSON (请检查是否漏了逗号或引号)")
            return s
        }
        guard case .object(let pairs) = json else {
            log.add(file, 1, nil, "must hold a JSON object { … }", zh: "内容应为一个 JSON 对象 { … }")
            return s
        }
        func bad(_ key: String, _ message: String, _ zh: String) { log.add(file, line(ofKey: key, in: text), key, message, zh: zh) }
        for (key, value) in pairs {
            func str() -> String? {
                if let v = value.stringValue { return v }
                bad(key, "\(value.compact) is not a string (expected text in quotes)", "\(value.compact) 不是字符串 (应为带引号的文字)")
                return nil
            }
            func int() -> Int? {
                if let v = value.intValue, let i = Int(exactly: v) { return i }
                bad(key, "\(value.compact) is not a whole number", "\(value.compact) 不是整数")
                return nil
            }
            func dbl() -> Double? {
                if let v = value.doubleValue { return v }
                bad(key, "\(value.compact) is not a number", "\(value.compact) 不是数字")
                return nil
            }
            switch key {
            case "schema": if let v = int() { s.schema = v }
            case "name": if let v = str() { s.name = v }
            case "currency": if let v = str() { s.currency = v }
            case "fiscal_year_start": if let v = str() { s.fiscalYearStart = v }
            case "first_year": if let v = int() { s.firstYear = v }
            case "language": if let v = str() { s.language = v }
            case "scale": if let v = dbl() { s.scale = v }
            case "method": if let v = str() { s.method = Coded(v) }
            case "aggregate": if let v = str() { s.aggregate = Coded(v) }
            case "procurement_kind": if let v = str() { s.procurementKind = Coded(v) }
            case "sme_deduction_percent": if let v = dbl() { s.smeDeductionPercent = v }
            case "revealed":
                if case .bool(let b) = value {
                    s.revealed = b
                } else {
                    bad(key, "\(value.compact) is not true or false", "\(value.compact) 不是 true 或 false")
                }
            case "horizon_years": if let v = int() { s.horizonYears = v }
            case "users": if let v = int() { s.users = v }
            case "user_growth": if let v = dbl() { s.userGrowth = v }
            case "escalation": if let v = dbl() { s.escalation = v }
            case "discount_rate": if let v = dbl() { s.discountRate = v }
            case "budget_warn": if let v = dbl() { s.budgetWarn = v }
            case "budget_stop": if let v = dbl() { s.budgetStop = v }
            default: s.extra[key] = value.compact
            }
        }
        return s
    }
}
