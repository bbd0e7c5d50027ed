import Testing

@testable import BidbenchCore

private func money(_ text: String) -> Money { Money(parsing: text)! }
private func rate(_ text: String) -> ExactRatio { ExactRatio(parsing: text)! }
private func minor(_ values: [Int64]) -> [Money] { values.map { Money(minor: $0) } }

private func line(
    _ item: String, _ category: CostCategory, _ model: PricingModel, _ price: String,
    quantity: Int = 1, start: Int? = nil, years: Int? = nil, vendor: String = "A"
) -> PriceLine {
    PriceLine(
        vendor: vendor, item: item, category: category, model: model, unitPrice: money(price),
        quantity: quantity, startYear: start, years: years)
}

@Suite("Budget TCO")
struct BudgetTCOTests {
    @Test("users(y) = ⌈users × (1+g)^(y−1)⌉ exactly: 100 at 10 % is 121 in year 3, not 122")
    func userGrowthRoundsUpExactly() throws {
        let s = Scenario(years: 5, users: 100, growth: rate("0.1"))
        // 100, 110, 121, 133.1 → 134, 146.41 → 147
        #expect(try BudgetModel.userCounts(s) == [100, 110, 121, 134, 147])
        // 7 users at 15 %: 7, 8.05 → 9, 9.2575 → 10, 10.646125 → 11
        #expect(try BudgetModel.userCounts(Scenario(years: 4, users: 7, growth: rate("0.15"))) == [7, 9, 10, 11])
        // Shrinking: 100 at −10 %: 100, 90, 81, 72.9 → 73
        #expect(try BudgetModel.userCounts(Scenario(years: 4, users: 100, growth: rate("-0.1"))) == [100, 90, 81, 73])
    }

    @Test("one_time is paid once in its start year, years ignored")
    func oneTime() throws {
        let s = Scenario(years: 4, users: 10)
        let t = try BudgetModel.tco(
            vendor: "A", lines: [line("training", .training, .one_time, "2500.50", quantity: 3, start: 2, years: 3)],
            scenario: s)
        #expect(t.perYear == minor([0, 750_150, 0, 0]))
        #expect(t.total == money("7501.50"))
        #expect(t.oneOff == t.total && t.recurring == .zero)
    }

    @Test("annual escalates from its start year and rounds half-up once per year (1157.625 → 1157.63)")
    func annualEscalation() throws {
        let s = Scenario(years: 5, users: 10, escalation: rate("0.05"))
        let t = try BudgetModel.tco(vendor: "A", lines: [line("support", .implementation, .annual, "1000")], scenario: s)
        #expect(t.perYear == minor([100_000, 105_000, 110_250, 115_763, 121_551]))
        // Start in year 3 for 2 years: escalation counts from the line's own start.
        let late = try BudgetModel.tco(
            vendor: "A", lines: [line("hosting", .subscription, .annual, "200", quantity: 2, start: 3, years: 2)],
            scenario: s)
        #expect(late.perYear == minor([0, 0, 40_000, 42_000, 0]))
        #expect(late.recurring == money("820") && late.oneOff == .zero)
        // `years` past the horizon is cut at the horizon.
        let long = try BudgetModel.tco(
            vendor: "A", lines: [line("support", .implementation, .annual, "1000", start: 4, years: Int.max)],
            scenario: s)
        #expect(long.perYear == minor([0, 0, 0, 100_000, 105_000]))
    }

    @Test("per_user_annual = unit × users(y) × (1+e)^(y−start), quantity ignored")
    func perUserAnnual() throws {
        let s = Scenario(years: 5, users: 100, growth: rate("0.1"), escalation: rate("0.03"))
        let t = try BudgetModel.tco(vendor: "A", lines: [line("seats", .subscription, .per_user_annual, "12.34", quantity: 7)], scenario: s)
        // 1234 × 110 × 1.03 = 139812.2 → 139812; 1234 × 121 × 1.0609 = 158407.2226 → 158407 …
        #expect(t.perYear == minor([123_400, 139_812, 158_407, 180_689, 204_165]))
    }

    @Test("per_user_one_time buys the new users each year; a late start buys all current users at once")
    func perUserOneTime() throws {
        let s = Scenario(years: 5, users: 100, growth: rate("0.1"))
        let t = try BudgetModel.tco(vendor: "A", lines: [line("named users", .license, .per_user_one_time, "500")], scenario: s)
        // users 100, 110, 121, 134, 147 → buys 100, 10, 11, 13, 13
        #expect(t.perYear == minor([5_000_000, 500_000, 550_000, 650_000, 650_000]))
        let late = try BudgetModel.tco(
            vendor: "A", lines: [line("named users", .license, .per_user_one_time, "500", start: 3, years: 2)],
            scenario: s)
        // year 3: all 121 users; year 4: 13 more; year 5: outside its 2 years
        #expect(late.perYear == minor([0, 0, 6_050_000, 650_000, 0]))
        // Shrinking users never refund licences.
        let shrink = try BudgetModel.tco(
            vendor: "A", lines: [line("u", .license, .per_user_one_time, "1")],
            scenario: Scenario(years: 3, users: 100, growth: rate("-0.1")))
        #expect(shrink.perYear == minor([10_000, 0, 0]))
    }

    @Test("percent_of_license: percent of licence cost paid in earlier years, incl. per_user_one_time")
    func maintenanceOnLicences() throws {
        let s = Scenario(years: 5, users: 100, growth: rate("0.1"))
        let lines = [
            line("core licence", .license, .one_time, "100000"),
            line("named users", .license, .per_user_one_time, "500"),
            line("annual licence (not in base)", .license, .annual, "999"),
            line("implementation (not in base)", .implementation, .one_time, "50000"),
            line("maintenance", .maintenance, .percent_of_license, "18"),
        ]
        let t = try BudgetModel.tco(vendor: "A", lines: lines, scenario: s)
        let m = t.lines[4]
        // y2: 18 % × (100000 + 50000) = 27000; y3: 18 % × 155000 = 27900; y4: × 160500; y5: × 167000
        #expect(m.perYear == minor([0, 2_700_000, 2_790_000, 2_889_000, 3_006_000]))
        #expect(t.byCategory[.maintenance] == money("113850"))
        // Explicit start year 1 has nothing paid before it.
        let y1 = try BudgetModel.tco(
            vendor: "A", lines: [lines[0], line("m", .maintenance, .percent_of_license, "20", start: 1, years: 2)],
            scenario: s)
        #expect(y1.lines[1].perYear == minor([0, 2_000_000, 0, 0, 0]))
    }

    @Test("half-up rounding at x.xx5 of a minor unit")
    func halfUpRounding() throws {
        let s = Scenario(years: 2, users: 1)
        // 12.5 % of 0.04 = 0.005 → 0.01; 18 % of 0.25 = 0.045 → 0.05; 18 % of 0.23 = 0.0414 → 0.04
        for (pct, licence, expected) in [("12.5", "0.04", Int64(1)), ("18", "0.25", 5), ("18", "0.23", 4)] {
            let t = try BudgetModel.tco(
                vendor: "A",
                lines: [
                    line("l", .license, .one_time, licence),
                    line("m", .maintenance, .percent_of_license, pct),
                ], scenario: s)
            #expect(t.lines[1].perYear[1] == Money(minor: expected), "\(pct) % of \(licence)")
        }
        // 0.10 escalated by 5 % twice = 0.11025 → 0.11; 0.30 × 1.05 = 0.315 → 0.32
        let e = Scenario(years: 3, users: 1, escalation: rate("0.05"))
        #expect(try BudgetModel.tco(vendor: "A", lines: [line("a", .other, .annual, "0.10")], scenario: e).perYear == minor([10, 11, 11]))
        #expect(try BudgetModel.tco(vendor: "A", lines: [line("a", .other, .annual, "0.30")], scenario: e).perYear == minor([30, 32, 33]))
    }

    @Test("a full sheet: per-year, categories (all nine), total, NPV at 8 %")
    func fullSheet() throws {
        let s = Scenario(years: 5, users: 100, growth: rate("0.1"), escalation: rate("0.03"), discountRate: rate("0.08"))
        let lines = [
            line("core", .license, .one_time, "100000"),
            line("users", .license, .per_user_one_time, "500"),
            line("maint", .maintenance, .percent_of_license, "18"),
            line("seats", .subscription, .per_user_annual, "12.34"),
            line("support", .implementation, .annual, "1000"),
            line("training", .training, .one_time, "2500.5", quantity: 3, start: 2),
            line("other vendor", .license, .one_time, "1", vendor: "B"),
        ]
        let t = try BudgetModel.tco(vendor: "A", lines: lines, scenario: s)
        // Reference figures from an independent python3 `decimal` computation.
        #expect(t.perYear == minor([15_223_400, 4_192_962, 3_604_497, 3_828_962, 3_972_716]))
        #expect(t.total == Money(minor: 30_822_537))
        // NPV = Σ c_y / 1.08^(y−1) = 14963075172425/531441 = 28155665.7699… → 28155666
        #expect(t.npv == Money(minor: 28_155_666))
        #expect(t.byCategory.count == 9)
        #expect(t.byCategory[.license] == Money(minor: 17_350_000))
        #expect(t.byCategory[.subscription] == Money(minor: 806_473))
        #expect(t.byCategory[.implementation] == Money(minor: 530_914))
        #expect(t.byCategory[.training] == Money(minor: 750_150))
        #expect(t.byCategory[.maintenance] == Money(minor: 11_385_000))
        #expect(t.byCategory[.hardware] == .zero && t.byCategory[.other] == .zero)
        #expect(t.oneOff == Money(minor: 17_350_000 + 750_150))
        #expect(t.oneOff + t.recurring == t.total)
        #expect(t.cost(year: 2, category: .maintenance) == Money(minor: 2_700_000))
        #expect(t.cost(year: 9) == .zero)

        let all = try BudgetModel.tco(prices: lines, scenario: s, vendors: ["C"])
        #expect(all.map(\.vendor) == ["C", "A", "B"])
        #expect(all[0].total == .zero && all[2].total == Money(minor: 100))
    }

    @Test("NPV against the formula: start-of-year payments, half-up once")
    func npv() throws {
        // 100 + 100/1.1 + 100/1.21 = 273.5537… → 273.55
        #expect(try BudgetModel.npv(minor([10_000, 10_000, 10_000]), rate: rate("0.1")) == Money(minor: 27_355))
        // 1000 + 1000/1.05 = 1952.380952… → 1952.38 ; zero rate is the plain sum
        #expect(try BudgetModel.npv(minor([100_000, 100_000]), rate: rate("0.05")) == Money(minor: 195_238))
        #expect(try BudgetModel.npv(minor([1, 2, 3]), rate: .zero) == Money(minor: 6))
        // 0.01 + 0.01/1.25 = 0.018 → 0.02 ; 1.00 + 0.03/1.2 = 1.025 → 1.03 (exact half)
        #expect(try BudgetModel.npv(minor([1, 1]), rate: rate("0.25")) == Money(minor: 2))
        #expect(try BudgetModel.npv(minor([100, 3]), rate: rate("0.2")) == Money(minor: 103))
        #expect(throws: BudgetError.self) { try BudgetModel.npv(minor([1]), rate: rate("-1")) }
    }

    @Test("invalid lines are rejected with the vendor and item named")
    func validation() throws {
        let s = Scenario(years: 3, users: 10)
        #expect(throws: BudgetError("vendor A, item 'x': negative price -5")) {
            try BudgetModel.tco(vendor: "A", lines: [line("x", .other, .one_time, "-5")], scenario: s)
        }
        #expect(throws: BudgetError("vendor A, item 'late': start_year 4 is outside the horizon of 3 years")) {
            try BudgetModel.tco(vendor: "A", lines: [line("late", .other, .annual, "5", start: 4)], scenario: s)
        }
        #expect(throws: BudgetError("vendor A, item 'q': negative quantity -1")) {
            try BudgetModel.tco(vendor: "A", lines: [line("q", .other, .annual, "5", quantity: -1)], scenario: s)
        }
        #expect(throws: BudgetError("vendor A, item 'z': years must be at least 1, not 0")) {
            try BudgetModel.tco(vendor: "A", lines: [line("z", .other, .annual, "5", years: 0)], scenario: s)
        }
        // A default start past a one-year horizon is not an error: maintenance simply starts later.
        #expect(
            try BudgetModel.tco(
                vendor: "A", lines: [line("m", .maintenance, .percent_of_license, "18")],
                scenario: Scenario(years: 1, users: 1)
            ).total == .zero)
    }

    @Test("amounts beyond Int64 are a clear error naming the line")
    func overflow() {
        let huge = PriceLine(
            vendor: "A", item: "big", category: .hardware, model: .one_time,
            unitPrice: Money(minor: Int64.max / 2), quantity: 3)
        #expect(throws: BudgetError("vendor A, item 'big': the cost of year 1 overflows")) {
            try BudgetModel.tco(vendor: "A", lines: [huge], scenario: Scenario(years: 1, users: 1))
        }
        let half = PriceLine(vendor: "A", item: "half", category: .hardware, model: .annual, unitPrice: Money(minor: Int64.max / 2))
        #expect(throws: BudgetError("vendor A: total cost overflows")) {
            try BudgetModel.tco(vendor: "A", lines: [half], scenario: Scenario(years: 3, users: 1))
        }
        #expect(throws: BudgetError.self) {
            try BudgetModel.userCounts(Scenario(years: 100, users: 1_000_000, growth: rate("2")))
        }
    }
}

@Suite("Budget scenario and exact rates")
struct BudgetScenarioTests {
    @Test("rates parse exactly")
    func parsing() {
        #expect(rate("0.1") == ExactRatio(numerator: 1, denominator: 10))
        #expect(rate("10%") == ExactRatio(numerator: 1, denominator: 10))
        #expect(rate("1e-05") == ExactRatio(numerator: 1, denominator: 100_000))
        #expect(rate("-0.035").description == "-0.035")
        #expect(rate("2.50E+2") == ExactRatio(250))
        #expect(ExactRatio(parsing: "1/3") == nil)
        #expect(ExactRatio(parsing: "100/3", allowFraction: true)?.description == "100/3")
        #expect(ExactRatio(parsing: "abc") == nil && ExactRatio(parsing: "") == nil && ExactRatio(parsing: "1.2.3") == nil)
        // A Double read from "0.1" comes back as exactly 1/10.
        #expect(ExactRatio(0.1) == rate("0.1"))
        #expect(ExactRatio(0.035)?.description == "0.035")
    }

    @Test("scenario from settings, overrides and validation")
    func scenario() throws {
        var settings = Settings()
        settings.horizonYears = 3
        settings.users = 50
        settings.userGrowth = 0.1
        settings.discountRate = 0.05
        let base = try Scenario(settings: settings)
        #expect(base == Scenario(name: "base", years: 3, users: 50, growth: rate("0.1"), discountRate: rate("0.05")))
        let what = try base.overriding(name: "fast", years: "5", growth: "20%", escalation: " ")
        #expect(what == Scenario(name: "fast", years: 5, users: 50, growth: rate("0.2"), discountRate: rate("0.05")))
        #expect(throws: BudgetError("scenario base: years must be 1…100, not 0")) { try base.overriding(years: "0") }
        #expect(throws: BudgetError("scenario base: growth 'x' is not a decimal rate")) { try base.overriding(growth: "x") }
        #expect(throws: BudgetError("scenario base: discount_rate must be above -1 (−100 %), not -1")) {
            try base.overriding(discountRate: "-1")
        }
        #expect(throws: BudgetError("scenario base: users must not be negative, not -3")) { try base.overriding(users: "-3") }
        // A bare 3 is 300 % a year (a CLI pass: `--escalation 3` was taken so, silently); 3% and 0.03 are 3 %.
        #expect(
            throws: BudgetError("scenario base: escalation '3' would be 300 % a year; write 3% for 3 percent (or the decimal 0.03)")
        ) {
            try base.overriding(escalation: "3")
        }
        #expect(try base.overriding(escalation: "3%").escalation == rate("0.03"))
        #expect(try base.overriding(escalation: "0.03").escalation == rate("0.03"))
        #expect(try base.overriding(growth: "150%").growth == rate("1.5"))
    }
}
