/// A budget rule was broken by the input; `message` names the vendor, item, contract or setting.
public struct BudgetError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// The same in Simplified Chinese, for the errors the Budget screen can show.
    public var messageZH: String?
    public init(_ message: String, zh: String? = nil) {
        self.message = message
        self.messageZH = zh
    }
    public var description: String { message }
    /// The message in the UI's language (English when there is no Chinese form).
    public func text(chinese: Bool) -> String { chinese ? messageZH ?? message : message }
    /// Errors are the same when their English message is (the Chinese is a rendering of it).
    public static func == (a: BudgetError, b: BudgetError) -> Bool { a.message == b.message }
}

/// The assumptions of a TCO computation: horizon, users in year 1, and the three rates, all exact.
///
/// Named scenarios ("fast growth") let finance compare what-ifs; the base one comes from
/// `workspace.json` (`Scenario(settings:)`).
public struct Scenario: Equatable, Sendable {
    /// Longest horizon accepted, in years.
    public static let maximumYears = 100

    /// The name of the base scenario (the one of `workspace.json`) in every output: the screens, the
    /// reports and handouts, the workbooks and the verbs, JSON included (which speaks English).
    public static let baseName = "base"
    /// The base scenario's name in Chinese output.
    public static let baseNameZH = "基准"

    /// Whether `name` is the base scenario's name in either language (trimmed, any case): it comes
    /// from workspace.json, so a row of scenarios.csv may not take it (the budget screen would show
    /// two scenarios called 基准).
    public static func isBaseName(_ name: String) -> Bool {
        [baseName, baseNameZH].contains(name.trimmed.lowercased())
    }

    public var name: String
    /// Horizon N in years (1…`maximumYears`).
    public var years: Int
    /// Users in year 1 (≥ 0).
    public var users: Int
    /// Yearly user growth, e.g. 0.1 for +10 % a year (> −1).
    public var growth: ExactRatio
    /// Yearly price escalation of `annual` and `per_user_annual` lines (> −1).
    public var escalation: ExactRatio
    /// Discount rate of the NPV (> −1).
    public var discountRate: ExactRatio

    public init(
        name: String = Scenario.baseName, years: Int, users: Int, growth: ExactRatio = .zero,
        escalation: ExactRatio = .zero, discountRate: ExactRatio = .zero
    ) {
        self.name = name
        self.years = years
        self.users = users
        self.growth = growth
        self.escalation = escalation
        self.discountRate = discountRate
    }

    /// The workspace's base scenario. The rates of `Settings` are `Double`s read from decimal text,
    /// so each is turned back into the exact decimal that was typed (its shortest round-trip form).
    public init(settings: Settings, name: String = Scenario.baseName) throws(BudgetError) {
        func exact(_ value: Double, _ key: String) throws(BudgetError) -> ExactRatio {
            guard let r = ExactRatio(value) else {
                throw BudgetError("workspace.json: \(key) \(value) is not a usable rate", zh: "workspace.json: \(key) \(value) 不是可用的比率")
            }
            return r
        }
        self.init(
            name: name, years: settings.horizonYears, users: settings.users,
            growth: try exact(settings.userGrowth, "user_growth"),
            escalation: try exact(settings.escalation, "escalation"),
            discountRate: try exact(settings.discountRate, "discount_rate"))
    }

    /// This scenario with some values replaced by text (a command-line option or a cell of
    /// `scenarios.csv`); nil or blank text keeps the current value. Rates are decimals (`0.1`, `10%`).
    public func overriding(
        name: String? = nil, years: String? = nil, users: String? = nil, growth: String? = nil,
        escalation: String? = nil, discountRate: String? = nil
    ) throws(BudgetError) -> Scenario {
        var s = self
        if let n = name?.trimmed, !n.isEmpty { s.name = n }
        let label = s.name
        func int(_ text: String?, _ key: String, _ current: Int) throws(BudgetError) -> Int {
            guard let t = text?.trimmed, !t.isEmpty else { return current }
            guard let v = Int(t) else {
                throw BudgetError("scenario \(label): \(key) '\(t)' is not a whole number", zh: "情景 \(label): \(key) “\(t)” 不是整数")
            }
            return v
        }
        func rate(_ text: String?, _ key: String, _ current: ExactRatio) throws(BudgetError) -> ExactRatio {
            guard let t = text?.trimmed, !t.isEmpty else { return current }
            do {
                return try Scenario.rate(t, key: key)
            } catch {
                throw BudgetError("scenario \(label): " + error.message, zh: "情景 \(label): " + error.text(chinese: true))
            }
        }
        s.years = try int(years, "years", s.years)
        s.users = try int(users, "users", s.users)
        s.growth = try rate(growth, "growth", s.growth)
        s.escalation = try rate(escalation, "escalation", s.escalation)
        s.discountRate = try rate(discountRate, "discount_rate", s.discountRate)
        try s.validate()
        return s
    }

    /// A yearly rate as typed, the one rule of the command line and the Budget screen's what-ifs: a
    /// percentage (`3%`, `３％`) or a decimal (`0.03`). A bare number of 1 or more is refused: `3` would be
    /// 300 % a year, and almost always 3 % is meant (the screen took `0.06` for 0.06 %, the files and
    /// the command line for 6 %). `key` names the value in the message.
    public static func rate(_ text: String, key: String) throws(BudgetError) -> ExactRatio {
        let t = normalizedDigits(text).trimmed
        guard let v = ExactRatio(parsing: t) else {
            throw BudgetError("\(key) '\(t)' is not a decimal rate", zh: "\(key) “\(t)” 不是小数比率 (如 0.1 或 10%)")
        }
        if !t.hasSuffix("%"), let d = Double(t), d >= 1 {
            let pct = NumberText.format(d * 100)
            // The decimal for the percent meant (a meeting pass: `:rate 6` suggested 0.03).
            let decimal = NumberText.format(d / 100)
            throw BudgetError(
                "\(key) '\(t)' would be \(pct) % a year; write \(t)% for \(t) percent (or the decimal \(decimal))",
                zh: "\(key) “\(t)” 即每年 \(pct) %; 若指 \(t)% 请写 \(t)% (或小数 \(decimal))")
        }
        return v
    }

    /// Throws when a value is out of range: years outside 1…100, negative users, a rate ≤ −100 %.
    public func validate() throws(BudgetError) {
        guard (1...Scenario.maximumYears).contains(years) else {
            throw BudgetError(
                "scenario \(name): years must be 1…\(Scenario.maximumYears), not \(years)",
                zh: "情景 \(name): 年限须为 1…\(Scenario.maximumYears), 而不是 \(years)")
        }
        guard users >= 0 else {
            throw BudgetError("scenario \(name): users must not be negative, not \(users)", zh: "情景 \(name): 用户数不能为负, 而不是 \(users)")
        }
        for (key, r) in [("growth", growth), ("escalation", escalation), ("discount_rate", discountRate)] {
            guard r.numerator > -r.denominator else {
                throw BudgetError(
                    "scenario \(name): \(key) must be above -1 (−100 %), not \(r)",
                    zh: "情景 \(name): \(key) 必须大于 -1 (−100 %), 而不是 \(r)")
            }
        }
    }
}
