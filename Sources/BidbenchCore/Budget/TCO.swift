/// One price line's cost in each year of the horizon.
public struct LineCost: Equatable, Sendable {
    public var item: String
    public var category: CostCategory
    public var model: PricingModel
    /// Index 0 is horizon year 1.
    public var perYear: [Money]
    public var total: Money
}

/// A vendor's total cost of ownership over a scenario's horizon.
public struct VendorTCO: Equatable, Sendable {
    public var vendor: String
    /// Index 0 is horizon year 1.
    public var perYear: [Money]
    /// Per year and category (every category present, zero included); index 0 is year 1.
    public var perYearByCategory: [[CostCategory: Money]]
    /// Totals over the horizon per category, every category present (zero included).
    public var byCategory: [CostCategory: Money]
    public var total: Money
    /// Net present value of `perYear` at the scenario's discount rate, payments at the start of each year.
    public var npv: Money
    /// Cost of `one_time` and `per_user_one_time` lines.
    public var oneOff: Money
    /// Cost of `annual`, `per_user_annual` and `percent_of_license` lines.
    public var recurring: Money
    public var lines: [LineCost]
    /// Every year in which the users pass what a line covers (`covers_users`), costed or flagged.
    public var capacity: [CapacityExcess] = []

    /// One-off share of the total (0…1), nil when the total is zero. For display only.
    public var oneOffShare: Double? {
        total.minor == 0 ? nil : Double(oneOff.minor) / Double(total.minor)
    }

    /// Cost in horizon year `year` (1-based), limited to a category when one is given; zero outside the horizon.
    public func cost(year: Int, category: CostCategory? = nil) -> Money {
        guard year >= 1, year <= perYear.count else { return .zero }
        if let c = category { return perYearByCategory[year - 1][c] ?? .zero }
        return perYear[year - 1]
    }
}

/// A year in which the users exceed what a price line covers (its `covers_users` column).
public struct CapacityExcess: Equatable, Sendable {
    public var item: String
    /// Horizon year (1-based).
    public var year: Int
    public var users: Int
    public var covered: Int
    /// What the excess costs that year under the line's `extra_user_price`, included in the TCO; nil
    /// when the line states no such price: then the excess is only flagged, never silently flat.
    public var cost: Money?
}

/// The budget mathematics of DESIGN §3 "Budget": TCO per vendor over a horizon, NPV.
///
/// Decisions where the design is silent:
/// - `per_user_annual` and `per_user_one_time` ignore `quantity` (the user count is the quantity).
/// - `per_user_one_time` buys, in each active year, the users not yet licensed by this line:
///   `users(y) − max(users of its earlier active years)`, never below zero (licences are not refunded
///   when users shrink). In its first active year that is all of `users(start_year)`; before
///   `start_year` and after its `years` it costs nothing. From year 1 this is exactly
///   `users(y) − users(y−1)` with `users(0) = 0`.
/// - `percent_of_license` ignores `quantity` and escalation; its base is the licence-category
///   `one_time` and `per_user_one_time` cost of the same vendor paid in years before y, whatever
///   the lines' own windows.
/// - `one_time` ignores `years`.
/// - An explicit `start_year` outside 1…N, `years` < 1, a negative price or quantity is an error
///   naming the vendor and item; a default start year past the horizon (`percent_of_license` in a
///   1-year horizon) simply costs nothing.
/// - Rounding is half-up, i.e. half away from zero (Python's `ROUND_HALF_UP`), once per line per year,
///   and once for the NPV.
public enum BudgetModel {
    /// users(y) = ⌈users × (1+growth)^(y−1)⌉ for y = 1…N, exactly. Index 0 is year 1.
    public static func userCounts(_ scenario: Scenario) throws(BudgetError) -> [Int] {
        try scenario.validate()
        let (gn, gd) = scenario.growth.onePlus!
        let base = ExactUInt(scenario.users)
        var counts: [Int] = []
        for k in 0..<scenario.years {
            let u = ExactUInt.ceiling(base * ExactUInt.power(gn, k), ExactUInt.power(gd, k))
            guard let v = u.int64, let i = Int(exactly: v) else {
                throw BudgetError(
                    "scenario \(scenario.name): the user count of year \(k + 1) is too large",
                    zh: "情景 \(scenario.name): 第 \(k + 1) 年的用户数过大")
            }
            counts.append(i)
        }
        return counts
    }

    /// NPV = Σ cost_y / (1+r)^(y−1) (payments at the start of each year, like `numpy_financial.npv`),
    /// computed exactly and rounded half-up to the minor unit once.
    public static func npv(_ costs: [Money], rate: ExactRatio) throws(BudgetError) -> Money {
        guard !costs.isEmpty else {
            _ = try DiscountWeights(rate: rate, years: 1)  // the rate is checked all the same
            return .zero
        }
        return try npv(costs, DiscountWeights(rate: rate, years: costs.count))
    }

    /// NPV = Σ c_y · rd^(y−1) · rn^(N−y) / rn^(N−1) over the common denominator (1+r)^(N−1) =
    /// rn^(N−1)/rd^(N−1), for (1 + r) = rn/rd: the weights and the denominator, for N years.
    struct DiscountWeights {
        let weights: [ExactUInt]
        let denominator: ExactUInt

        init(rate: ExactRatio, years n: Int) throws(BudgetError) {
            guard let onePlus = rate.onePlus, !onePlus.numerator.isZero else {
                throw BudgetError("discount rate \(rate) must be above -1", zh: "折现率 \(rate) 必须大于 -1")
            }
            let (rn, rd) = onePlus
            weights = (0..<n).map { ExactUInt.power(rd, $0) * ExactUInt.power(rn, n - 1 - $0) }
            denominator = ExactUInt.power(rn, n - 1)
        }
    }

    /// The NPV of `costs` (one per year, as many as `w` has weights). Negative costs are summed apart.
    static func npv(_ costs: [Money], _ w: DiscountWeights) throws(BudgetError) -> Money {
        var positive = ExactUInt.zero
        var negative = ExactUInt.zero
        for (i, c) in costs.enumerated() where c.minor != 0 {
            let term = ExactUInt(c.minor.magnitude) * w.weights[i]
            if c.minor < 0 { negative = negative + term } else { positive = positive + term }
        }
        let denominator = w.denominator
        let isNegative = positive < negative
        let magnitude = ExactUInt.roundedHalfUp(isNegative ? negative - positive : positive - negative, denominator)
        guard let m = magnitude.int64 else { throw BudgetError("NPV is too large", zh: "净现值过大") }
        return Money(minor: isNegative ? -m : m)
    }

    /// The TCO of one vendor's price lines (lines of other vendors are ignored).
    public static func tco(vendor: String, lines: [PriceLine], scenario: Scenario) throws(BudgetError) -> VendorTCO {
        try tco(vendor: vendor, mine: lines.filter { $0.vendor == vendor }, scenario: scenario, years: try ScenarioYears(scenario))
    }

    /// What every vendor's TCO reads of the scenario, year by year: worked out once for all vendors.
    struct ScenarioYears {
        let users: [Int]
        /// (1 + escalation)^k as a fraction: numerators and denominators, k = 0 ..< years.
        let escalationUp: [ExactUInt]
        let escalationDown: [ExactUInt]

        /// nil when the discount rate is not usable (each vendor's NPV then says why).
        let discount: DiscountWeights?

        init(_ scenario: Scenario) throws(BudgetError) {
            users = try userCounts(scenario)
            discount = try? DiscountWeights(rate: scenario.discountRate, years: scenario.years)
            let (en, ed) = scenario.escalation.onePlus!
            escalationUp = (0..<scenario.years).map { ExactUInt.power(en, $0) }
            escalationDown = (0..<scenario.years).map { ExactUInt.power(ed, $0) }
        }
    }

    /// The TCO of `mine`, the price lines of `vendor`, step by step in exact integers: each line's
    /// active years (checking the line), the direct cost of every model but `percent_of_license`,
    /// the users beyond what a line covers, the maintenance on the licences paid before, then the
    /// totals and the NPV.
    static func tco(vendor: String, mine: [PriceLine], scenario: Scenario, years: ScenarioYears) throws(BudgetError) -> VendorTCO {
        var costing = try LineCosting(lines: mine, horizon: scenario.years, years: years)
        try costing.costDirectly()
        let capacity = try costing.costCapacity()
        try costing.costMaintenance()
        return try costing.total(vendor: vendor, scenario: scenario, capacity: capacity)
    }

    /// One vendor's price lines being costed: each line's active years and its cost per year, filled
    /// in by the steps of `tco` in order (maintenance reads the licence costs the earlier steps wrote).
    struct LineCosting {
        let lines: [PriceLine]
        /// The horizon N in years.
        let n: Int
        let years: ScenarioYears
        /// Each line's active years (1-based); nil when it starts past the horizon.
        let windows: [ClosedRange<Int>?]
        /// Each line's cost per year (index 0 is year 1).
        var amounts: [[Money]]

        /// Checks every line and finds its active years.
        init(lines: [PriceLine], horizon n: Int, years: ScenarioYears) throws(BudgetError) {
            var windows: [ClosedRange<Int>?] = []
            for line in lines {
                guard line.unitPrice.minor >= 0 else {
                    throw BudgetError(
                        "\(Self.label(line)): negative price \(line.unitPrice)", zh: "\(Self.labelZH(line)): 单价为负 \(line.unitPrice)")
                }
                guard line.quantity >= 0 else {
                    throw BudgetError(
                        "\(Self.label(line)): negative quantity \(line.quantity)", zh: "\(Self.labelZH(line)): 数量为负 \(line.quantity)")
                }
                if let s = line.startYear, !(1...n).contains(s) {
                    throw BudgetError(
                        "\(Self.label(line)): start_year \(s) is outside the horizon of \(n) years",
                        zh: "\(Self.labelZH(line)): 起始年 \(s) 超出 \(n) 年的测算期")
                }
                if let y = line.years, y < 1 {
                    throw BudgetError(
                        "\(Self.label(line)): years must be at least 1, not \(y)", zh: "\(Self.labelZH(line)): 年数至少为 1, 而不是 \(y)")
                }
                let start = line.startYear ?? (line.model == .percent_of_license ? 2 : 1)
                if start > n {
                    windows.append(nil)
                    continue
                }
                var end = n
                if line.model != .one_time, let y = line.years, y <= n - start { end = start + y - 1 }
                windows.append(start...end)
            }
            self.lines = lines
            self.n = n
            self.years = years
            self.windows = windows
            amounts = [[Money]](repeating: [Money](repeating: .zero, count: n), count: lines.count)
        }

        static func label(_ line: PriceLine) -> String { "vendor \(line.vendor), item '\(line.item)'" }
        static func labelZH(_ line: PriceLine) -> String { "供应商 \(line.vendor) 的报价项 “\(line.item)”" }

        /// `x` minor units as the cost of `line` in `year`, or an overflow error naming them.
        static func money(_ x: ExactUInt, _ line: PriceLine, _ year: Int) throws(BudgetError) -> Money {
            guard let v = x.int64 else {
                throw BudgetError("\(label(line)): the cost of year \(year) overflows", zh: "\(labelZH(line)): 第 \(year) 年的费用溢出")
            }
            return Money(minor: v)
        }

        /// Every model but `percent_of_license`, from the line's own price, quantity or users.
        mutating func costDirectly() throws(BudgetError) {
            let (users, up, down) = (years.users, years.escalationUp, years.escalationDown)
            for (i, line) in lines.enumerated() where line.model != .percent_of_license {
                guard let window = windows[i] else { continue }
                let unit = ExactUInt(line.unitPrice.minor)
                let price = UInt64(line.unitPrice.minor)
                var licensed = 0
                for y in window {
                    let k = y - window.lowerBound
                    let amount: ExactUInt
                    switch line.model {
                    case .one_time:
                        amount = y == window.lowerBound ? unit * ExactUInt(line.quantity) : .zero
                    case .annual:
                        amount = ExactUInt.productRoundedHalfUp(price, UInt64(line.quantity), up[k], down[k])
                    case .per_user_annual:
                        amount = ExactUInt.productRoundedHalfUp(price, UInt64(users[y - 1]), up[k], down[k])
                    case .per_user_one_time:
                        let new = max(0, users[y - 1] - licensed)
                        licensed = max(licensed, users[y - 1])
                        amount = unit * ExactUInt(new)
                    case .percent_of_license:
                        amount = .zero
                    }
                    amounts[i][y - 1] = try Self.money(amount, line, y)
                }
            }
        }

        /// Capacity: a line covering `covers_users` users costs its `extra_user_price` for each user
        /// beyond them: once per additional user for a one-off line (like per_user_one_time), each year
        /// per user over for a recurring one (escalated like an annual line). Without a price the years
        /// over are flagged. Extra licence users count in the licence base of maintenance.
        mutating func costCapacity() throws(BudgetError) -> [CapacityExcess] {
            let (users, up, down) = (years.users, years.escalationUp, years.escalationDown)
            var capacity: [CapacityExcess] = []
            for (i, line) in lines.enumerated() where line.model != .percent_of_license {
                guard let window = windows[i], let raw = line.extra["covers_users"]?.trimmed, !raw.isEmpty else { continue }
                guard let covered = Int(raw), covered >= 0 else {
                    throw BudgetError(
                        "\(Self.label(line)): covers_users '\(raw)' is not a whole number ≥ 0",
                        zh: "\(Self.labelZH(line)): covers_users “\(raw)” 不是 ≥ 0 的整数")
                }
                var price: Money?
                if let p = line.extra["extra_user_price"]?.trimmed, !p.isEmpty {
                    guard let m = Money(parsing: p), m.minor >= 0 else {
                        throw BudgetError(
                            "\(Self.label(line)): extra_user_price '\(p)' is not an amount ≥ 0",
                            zh: "\(Self.labelZH(line)): extra_user_price “\(p)” 不是 ≥ 0 的金额")
                    }
                    price = m
                }
                let oneOffLine = line.model == .one_time || line.model == .per_user_one_time
                var bought = 0
                for y in window.lowerBound...(oneOffLine ? n : window.upperBound) {
                    let over = users[y - 1] - covered
                    guard over > 0 else { continue }
                    var cost: Money?
                    if let p = price {
                        let unit = ExactUInt(p.minor)
                        let k = y - window.lowerBound
                        let amount: ExactUInt
                        if oneOffLine {
                            amount = unit * ExactUInt(max(0, over - bought))
                            bought = max(bought, over)
                        } else {
                            amount = ExactUInt.productRoundedHalfUp(UInt64(p.minor), UInt64(over), up[k], down[k])
                        }
                        let c = try Self.money(amount, line, y)
                        guard let sum = amounts[i][y - 1].adding(c) else {
                            throw BudgetError(
                                "\(Self.label(line)): the cost of year \(y) overflows", zh: "\(Self.labelZH(line)): 第 \(y) 年的费用溢出")
                        }
                        amounts[i][y - 1] = sum
                        cost = c
                    }
                    capacity.append(CapacityExcess(item: line.item, year: y, users: users[y - 1], covered: covered, cost: cost))
                }
            }
            return capacity
        }

        /// `percent_of_license` lines (unitPrice.minor is the percent in hundredths) on the licence
        /// base: the licence-category one_time / per_user_one_time cost paid before each year.
        mutating func costMaintenance() throws(BudgetError) {
            var licensePaidBefore = [ExactUInt](repeating: .zero, count: n + 1)
            for y in 1...n {
                var paid = licensePaidBefore[y - 1]
                for (i, line) in lines.enumerated()
                where line.category == .license && (line.model == .one_time || line.model == .per_user_one_time) {
                    paid = paid + ExactUInt(amounts[i][y - 1].minor)
                }
                licensePaidBefore[y] = paid
            }
            let tenThousand = ExactUInt(10_000)
            for (i, line) in lines.enumerated() where line.model == .percent_of_license {
                guard let window = windows[i] else { continue }
                for y in window {
                    let amount = ExactUInt.roundedHalfUp(ExactUInt(line.unitPrice.minor) * licensePaidBefore[y - 1], tenThousand)
                    amounts[i][y - 1] = try Self.money(amount, line, y)
                }
            }
        }

        /// The vendor's totals (per year, per category, one-off and recurring) with checked additions, and the NPV.
        func total(vendor: String, scenario: Scenario, capacity: [CapacityExcess]) throws(BudgetError) -> VendorTCO {
            func add(_ a: Money, _ b: Money) throws(BudgetError) -> Money {
                guard let s = a.adding(b) else { throw BudgetError("vendor \(vendor): total cost overflows", zh: "供应商 \(vendor): 总费用溢出") }
                return s
            }
            let zeroCategories = Dictionary(uniqueKeysWithValues: CostCategory.allCases.map { ($0, Money.zero) })
            var perYear = [Money](repeating: .zero, count: n)
            var perYearByCategory = [[CostCategory: Money]](repeating: zeroCategories, count: n)
            var byCategory = zeroCategories
            var total = Money.zero
            var oneOff = Money.zero
            var recurring = Money.zero
            var lineCosts: [LineCost] = []
            for (i, line) in lines.enumerated() {
                var lineTotal = Money.zero
                for y in 0..<n {
                    let a = amounts[i][y]
                    lineTotal = try add(lineTotal, a)
                    perYear[y] = try add(perYear[y], a)
                    perYearByCategory[y][line.category] = try add(perYearByCategory[y][line.category]!, a)
                }
                byCategory[line.category] = try add(byCategory[line.category]!, lineTotal)
                total = try add(total, lineTotal)
                if line.model == .one_time || line.model == .per_user_one_time {
                    oneOff = try add(oneOff, lineTotal)
                } else {
                    recurring = try add(recurring, lineTotal)
                }
                lineCosts.append(
                    LineCost(item: line.item, category: line.category, model: line.model, perYear: amounts[i], total: lineTotal))
            }
            let npv: Money
            do {
                if let w = years.discount, w.weights.count == perYear.count {
                    npv = try BudgetModel.npv(perYear, w)
                } else {
                    npv = try BudgetModel.npv(perYear, rate: scenario.discountRate)
                }
            } catch {
                throw BudgetError("vendor \(vendor): \(error.message)", zh: "供应商 \(vendor): \(error.text(chinese: true))")
            }
            return VendorTCO(
                vendor: vendor, perYear: perYear, perYearByCategory: perYearByCategory, byCategory: byCategory,
                total: total, npv: npv, oneOff: oneOff, recurring: recurring, lines: lineCosts, capacity: capacity)
        }
    }

    /// The TCO of every vendor: those of `vendors` in that order (even without price lines), then any
    /// other vendor of `prices` in order of first appearance.
    public static func tco(prices: [PriceLine], scenario: Scenario, vendors: [String] = []) throws(BudgetError) -> [VendorTCO] {
        var order = vendors
        var seen = Set(vendors)
        for p in prices where !seen.contains(p.vendor) {
            seen.insert(p.vendor)
            order.append(p.vendor)
        }
        guard !order.isEmpty else { return [] }
        // Each vendor's lines in one pass (200 vendors each filtering every line was most of the Budget key).
        var lines: [String: [PriceLine]] = [:]
        for p in prices { lines[p.vendor, default: []].append(p) }
        let years = try ScenarioYears(scenario)
        var result: [VendorTCO] = []
        for v in order { result.append(try tco(vendor: v, mine: lines[v] ?? [], scenario: scenario, years: years)) }
        return result
    }
}
