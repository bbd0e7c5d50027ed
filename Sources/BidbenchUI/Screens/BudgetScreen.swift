import BidbenchCore

/// The what-if parameters of the budget walkthrough.
public struct BudgetScenarioParams: Equatable, Sendable {
    public var years: Int
    public var users: Int
    public var growth: Double
    public var escalation: Double
    public var discount: Double
    public init(settings: Settings) {
        years = settings.horizonYears; users = settings.users; growth = settings.userGrowth
        escalation = settings.escalation; discount = settings.discountRate
    }
}

public struct BudgetState: Equatable, Sendable {
    public var scenario = BudgetScenarioParams(settings: Settings())
    public var vendor = 0
    public init() {}
}

/// Budget (预算): each vendor's cost per year and in total, with live what-if.
public enum BudgetScreen {
    static func handle(_ s: inout AppState, _ key: Key) -> [Effect]? {
        guard let cmd = KeyMap.command(for: key, in: .budget) else { return nil }
        switch cmd {
        case .usersUp: s.budget.scenario.users += 10
        case .usersDown: s.budget.scenario.users = max(1, s.budget.scenario.users - 10)
        case .yearsUp: s.budget.scenario.years = min(15, s.budget.scenario.years + 1)
        case .yearsDown: s.budget.scenario.years = max(1, s.budget.scenario.years - 1)
        case .escalationUp: s.budget.scenario.escalation = ((s.budget.scenario.escalation + 0.01) * 100).rounded() / 100
        case .escalationDown: s.budget.scenario.escalation = max(0, ((s.budget.scenario.escalation - 0.01) * 100).rounded() / 100)
        case .discountUp: s.budget.scenario.discount = ((s.budget.scenario.discount + 0.01) * 100).rounded() / 100
        case .discountDown: s.budget.scenario.discount = max(0, ((s.budget.scenario.discount - 0.01) * 100).rounded() / 100)
        case .up: s.budget.vendor = max(0, s.budget.vendor - 1)
        case .down: s.budget.vendor = min(max(0, s.workspace.vendors.count - 1), s.budget.vendor + 1)
        default: return nil
        }
        return []
    }

    static func render(_ s: AppState, into c: inout Canvas, area: Rect) {
        let L = s.lang, p = s.budget.scenario
        c.text(area.x + 1, area.y, L.t("\(p.years) years  users \(p.users) (+\(formatNumber(p.growth * 100))%/yr)  escalation \(formatNumber(p.escalation * 100))%  discount \(formatNumber(p.discount * 100))%",
                                      "\(p.years) 年  用户 \(p.users) (+\(formatNumber(p.growth * 100))%/年)  涨价 \(formatNumber(p.escalation * 100))%  折现 \(formatNumber(p.discount * 100))%"), .accent)
        var y = area.y + 2
        for (i, v) in s.workspace.vendors.enumerated() where y < area.maxY {
            let lines = s.workspace.prices.filter { $0.vendor == v.id }
            c.text(area.x + 1, y, "\(v.name)  (\(lines.count) \(L.t("price lines", "条报价")))", i == s.budget.vendor ? .selected : .bold)
            y += 1
        }
    }
}
