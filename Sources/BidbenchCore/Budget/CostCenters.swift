/// One cost centre's share of a cost, in percent.
public struct CostCenterShare: Equatable, Sendable {
    public var center: String
    public var percent: ExactRatio
    public init(center: String, percent: ExactRatio) {
        self.center = center
        self.percent = percent
    }
}

/// Where costs are charged (DESIGN §3 "Budget control"): every cost goes to exactly one cost centre or
/// is split by stated shares, and the parts always sum to the cost, to the fen.
///
/// Rules (written down in the README):
/// - A price line's `cost_center` column (a contract's too) names one cost centre (`信息部`) or a split
///   `信息部:60; 生产部:40` (percent shares, `;` or `；` between parts, `:` or `：` before the share,
///   an optional `%`; the shares must sum to exactly 100).
/// - A blank cell takes `default_cost_center` of workspace.json; without one, the only cost centre
///   named in budget.csv when there is exactly one; otherwise the cost is *unassigned* (`""`), which no
///   envelope covers, so it shows as unbudgeted instead of being charged to every cost centre.
public enum CostCenters {
    /// The cost centre of costs with no mapping and no default.
    public static let unassigned = ""

    /// The cost centre of blank cells (see the type's rules); `unassigned` when there is none.
    public static func defaultCenter(_ ws: Workspace) -> String {
        if let raw = ws.settings.extra["default_cost_center"], let name = jsonString(raw), !name.trimmed.isEmpty {
            return name.trimmed
        }
        let named = Set(ws.budget.map { $0.costCenter.trimmed }.filter { !$0.isEmpty })
        return named.count == 1 ? named.first! : unassigned
    }

    /// Parses a `cost_center` cell; blank gives `fallback` at 100 %. `what` names the line in errors.
    public static func parse(_ text: String, fallback: String, what: String) throws(BudgetError) -> [CostCenterShare] {
        let t = text.trimmed
        if t.isEmpty { return [CostCenterShare(center: fallback, percent: ExactRatio(100))] }
        let parts = t.split(whereSeparator: { $0 == ";" || $0 == "；" }).map { String($0).trimmed }.filter { !$0.isEmpty }
        if parts.count == 1, !parts[0].contains(":"), !parts[0].contains("：") {
            return [CostCenterShare(center: parts[0], percent: ExactRatio(100))]
        }
        var shares: [CostCenterShare] = []
        var sum = ExactRatio.zero
        for p in parts {
            let pieces = p.split(whereSeparator: { $0 == ":" || $0 == "：" }).map { String($0).trimmed }
            var number = pieces.count == 2 ? pieces[1] : ""
            if number.hasSuffix("%") || number.hasSuffix("％") { number = String(number.dropLast()).trimmed }
            guard pieces.count == 2, !pieces[0].isEmpty, let share = ExactRatio(parsing: number), !share.isNegative else {
                throw BudgetError(
                    "\(what): cost_center part '\(p)' is not NAME:PERCENT (e.g. 信息部:60; 生产部:40)",
                    zh: "\(what): cost_center 中的 “\(p)” 不是 名称:百分比 (例如 信息部:60; 生产部:40)")
            }
            guard !shares.contains(where: { $0.center == pieces[0] }) else {
                throw BudgetError("\(what): cost centre '\(pieces[0])' is named twice", zh: "\(what): 成本中心 “\(pieces[0])” 重复")
            }
            guard let s = sum.adding(share) else { throw BudgetError("\(what): cost_center shares are too fine to add exactly") }
            sum = s
            shares.append(CostCenterShare(center: pieces[0], percent: share))
        }
        guard sum == ExactRatio(100) else {
            throw BudgetError(
                "\(what): cost_center shares sum to \(sum) %, not 100 %", zh: "\(what): cost_center 各部分合计 \(sum) %, 应为 100 %")
        }
        return shares
    }

    /// Splits `amount` over the shares (half-up, the last share absorbs the rounding), so the parts
    /// always sum to `amount` exactly.
    public static func allocate(_ amount: Money, over shares: [CostCenterShare], what: String) throws(BudgetError) -> [(
        center: String, amount: Money
    )] {
        let parts = try BudgetModel.split(amount, percents: shares.map(\.percent), contract: what)
        return zip(shares, parts).map { ($0.center, $1) }
    }

    /// The string of a JSON string literal (`"信息部"` → 信息部); nil for any other JSON value.
    static func jsonString(_ raw: String) -> String? {
        let t = raw.trimmed
        guard t.count >= 2, t.hasPrefix("\""), t.hasSuffix("\"") else { return nil }
        var out = ""
        var escaped = false
        for ch in t.dropFirst().dropLast() {
            if escaped {
                switch ch {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(ch)
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
