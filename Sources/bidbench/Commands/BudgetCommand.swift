import ArgumentParser
import BidbenchCore
import BidbenchStore
import BidbenchUI
import Foundation

/// `bidbench budget`: TCO per vendor over the horizon (per year, per category, NPV), and the budget
/// control: per fiscal year and cost centre, committed (signed contracts) plus proposed (open contracts,
/// and with `--vendor` that vendor's price lines) against the envelopes of `budget.csv`.
struct BudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Total cost of ownership per vendor: per year, per category, NPV; budget envelopes.",
        discussion: """
            Defaults come from workspace.json; --scenario NAME starts from a row of scenarios.csv
            (name,years,users,growth,escalation,discount_rate; empty cells keep the default), and the
            other options override it. Rates are decimals (0.1) or percents (10%), read exactly.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @Option(name: .long, help: "Horizon in years.") var years: String?
    @Option(name: .long, help: "Users in year 1.") var users: String?
    @Option(name: .long, parsing: .unconditional, help: "Yearly user growth, e.g. 0.1 or 10%.") var growth: String?
    @Option(name: .long, parsing: .unconditional, help: "Yearly escalation of annual and per-user annual prices.") var escalation: String?
    @Option(name: .customLong("discount-rate"), parsing: .unconditional, help: "Discount rate of the NPV.") var discountRate: String?
    @Option(name: .long, help: "A named scenario of scenarios.csv.") var scenario: String?
    @Option(name: .long, help: "Only this vendor (id); its proposal counts as proposed in the budget control.") var vendor: String?
    @Flag(name: .long, help: "Machine-readable output.") var json = false

    func run() throws {
        do {
            let output = try compute()
            print(json ? output.json() : output.table(), terminator: "")
        } catch let e as BudgetError {
            printError("bidbench budget: \(e.message)")
            throw ExitCode(1)
        }
    }

    private func compute() throws -> BudgetOutput {
        let ws = try loadWorkspaceForVerb(workspace.path)
        var base = try Scenario(settings: ws.settings)
        if let name = scenario {
            guard let row = ws.scenarios.first(where: { $0.name == name }) else {
                let known = ws.scenarios.map(\.name).joined(separator: ", ")
                throw BudgetError("no scenario '\(name)' in scenarios.csv" + (known.isEmpty ? "" : " (known: \(known))"))
            }
            base = try base.overriding(
                name: name, years: row.years, users: row.users, growth: row.growth,
                escalation: row.escalation, discountRate: row.discountRate)
        }
        let s = try base.overriding(
            years: years, users: users, growth: growth, escalation: escalation,
            discountRate: discountRate)
        var tcos = try BudgetModel.tco(prices: ws.prices, scenario: s, vendors: ws.vendors.map(\.id))
        if let id = vendor {
            guard let chosen = tcos.first(where: { $0.vendor == id }) else {
                throw BudgetError("unknown vendor '\(id)' (not in vendors.csv or prices.csv)")
            }
            tcos = [chosen]
        }
        let control = try BudgetModel.control(ws, proposedVendor: vendor, scenario: s)
        let names = Dictionary(ws.vendors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return BudgetOutput(
            settings: ws.settings, scenario: s, users: try BudgetModel.userCounts(s), tcos: tcos,
            names: names, control: control, knockedOut: GateStatus(ws, missing: false).knockedOut,
            priced: Set(ws.prices.map(\.vendor)))
    }
}

/// What the verb prints, as JSON or as a table.
private struct BudgetOutput {
    var settings: Settings
    var scenario: Scenario
    var users: [Int]
    var tcos: [VendorTCO]
    var names: [String: String]
    var control: BudgetControl
    /// Vendors that fail a must-have: marked ✗ wherever they are listed.
    var knockedOut: [String: [Notice]]
    /// Vendors with price lines: the others have no costs, said as such (0.00 read as the cheapest bid).
    var priced: Set<String>

    private var fiscalYears: [Int] { (0..<scenario.years).map { settings.firstYear + $0 } }

    /// Money is written from the exact integer (`1286000.00`), never via Double; rates as exact
    /// decimals (a rate without one, such as 1/3, as its fraction in a string).
    func json() -> String { jsonValue().text(.lines(3)) + "\n" }

    func jsonValue() -> JSONValue {
        func amounts(_ list: [Money]) -> JSONValue { .array(list.map(JSONValue.money)) }
        func rate(_ r: ExactRatio) -> JSONValue { r.decimalText.map(JSONValue.decimal) ?? .string(r.description) }
        let vendors = tcos.map { t -> JSONValue in
            .object([
                ("vendor", .string(t.vendor)), ("name", .string(names[t.vendor] ?? t.vendor)),
                ("knocked_out", .bool(knockedOut[t.vendor] != nil)),
                ("per_year", amounts(t.perYear)), ("total", .money(t.total)), ("npv", .money(t.npv)),
                ("by_category", .object(CostCategory.allCases.map { ($0.rawValue, .money(t.byCategory[$0]!)) })),
                ("one_off", .money(t.oneOff)), ("recurring", .money(t.recurring)),
                ("one_off_share", t.oneOffShare.map { .decimal(NumberText.fixed($0, 4)) } ?? .null),
                (
                    "capacity",
                    .array(
                        t.capacity.map { c in
                            .object([
                                ("item", .string(c.item)), ("year", .int(c.year)), ("fiscal_year", .int(settings.firstYear + c.year - 1)),
                                ("users", .int(c.users)), ("covered", .int(c.covered)), ("cost", c.cost.map(JSONValue.money) ?? .null),
                            ])
                        })
                ),
                (
                    "lines",
                    .array(
                        t.lines.map { l in
                            .object([
                                ("item", .string(l.item)), ("category", .string(l.category.rawValue)), ("model", .string(l.model.rawValue)),
                                ("per_year", amounts(l.perYear)), ("total", .money(l.total)),
                            ])
                        })
                ),
            ])
        }
        return .object([
            ("years", .int(scenario.years)), ("currency", .string(settings.currency)),
            (
                "scenario",
                .object([
                    ("name", .string(scenario.name)), ("years", .int(scenario.years)), ("users", .int(scenario.users)),
                    ("growth", rate(scenario.growth)), ("escalation", rate(scenario.escalation)),
                    ("discount_rate", rate(scenario.discountRate)),
                ])
            ),
            ("fiscal_years", .array(fiscalYears.map { .int($0) })), ("users", .array(users.map { .int($0) })),
            ("vendors", .array(vendors)), ("budget_control", controlJSON()),
        ])
    }

    func table() -> String {
        var out = "Scenario \(scenario.name): \(scenario.years) years from \(settings.firstYear), \(scenario.users) users, "
        out += "growth \(pct(scenario.growth)), escalation \(pct(scenario.escalation)), discount \(pct(scenario.discountRate))"
        out += " (\(settings.currency))\n"
        out += "Users per year: \(users.map(String.init).joined(separator: " "))\n\n"
        if tcos.isEmpty { return out + "No price lines (prices.csv).\n\n" + controlTable() }

        var rows = [["vendor"] + fiscalYears.map(String.init) + ["total", "NPV", "one-off"]]
        for t in tcos {
            let name = t.vendor + (knockedOut[t.vendor] == nil ? "" : " ✗")
            guard priced.contains(t.vendor) else {
                rows.append([name] + t.perYear.map { _ in "-" } + ["no prices", "-", "-"])
                continue
            }
            rows.append(
                [name] + t.perYear.map(amount) + [
                    amount(t.total), amount(t.npv),
                    t.oneOffShare.map { NumberText.percent($0, 0) } ?? "-",
                ])
        }
        out += layout(rows) + "\n"

        var byCategory = [["category"] + tcos.map(\.vendor)]
        for c in CostCategory.allCases where tcos.contains(where: { $0.byCategory[c] != .zero }) {
            byCategory.append([c.rawValue] + tcos.map { amount($0.byCategory[c]!) })
        }
        out += layout(byCategory)
        for t in tcos {
            if let reasons = knockedOut[t.vendor] {
                out += "✗ \(t.vendor) is knocked out (fails a must-have): \(reasons.map(\.en).joined(separator: "; "))\n"
            }
        }
        for t in tcos {
            for c in t.capacity {
                out +=
                    "Capacity: \(t.vendor) \(c.item): \(settings.firstYear + c.year - 1) has \(c.users) users, the line covers \(c.covered): "
                out += c.cost.map { "\(amount($0)) for the users over (extra_user_price)\n" } ?? "NOT COSTED (no extra_user_price)\n"
            }
        }

        return out + "\n" + controlTable()
    }

    private func center(_ c: String) -> String { c.isEmpty ? "(unassigned)" : c }

    private func status(_ r: ControlRow) -> String {
        switch r.status {
        case .ok: return "ok"
        case .warn: return "WARN"
        case .stop: return "STOP"
        case .unbudgeted: return "UNBUDGETED"
        }
    }

    private func source(_ c: BudgetCharge) -> String {
        switch c.source {
        case .milestone(let k, let m): return "\(k) \(m)"
        case .contract(let k): return k
        case .proposal(let v, let item): return "\(v) \(item)"
        }
    }

    /// Every row, then every charge: a controller can add the charges of a row up by hand.
    func controlJSON() -> JSONValue {
        func rate(_ r: ExactRatio) -> JSONValue { r.decimalText.map(JSONValue.decimal) ?? .string(r.description) }
        let rows = control.rows.map { r -> JSONValue in
            .object([
                ("fiscal_year", .int(r.fiscalYear)), ("cost_center", .string(r.costCenter)),
                ("category", .string(r.category?.rawValue ?? "all")),
                ("envelope", r.envelope.map(JSONValue.money) ?? .null), ("committed", .money(r.committed)),
                ("proposed", .money(r.proposed)),
                ("used", .money(r.used)), ("remaining", r.remaining.map(JSONValue.money) ?? .null),
                ("percent_used", r.percentUsed.map { .decimal(NumberText.fixed($0, 2)) } ?? .null), ("status", .string(r.status.rawValue)),
            ])
        }
        let charges = control.charges.map { c -> JSONValue in
            .object([
                ("fiscal_year", c.fiscalYear.map { .int($0) } ?? .null), ("cost_center", .string(c.costCenter)),
                ("category", .string(c.category?.rawValue)), ("kind", .string(c.committed ? "committed" : "proposed")),
                ("amount", .money(c.amount)), ("source", .string(source(c))),
            ])
        }
        return .object([
            ("proposed_vendor", .string(control.proposedVendor)), ("proposal_covered_by", .string(control.proposalCoveredBy)),
            ("warn", rate(control.warn)), ("stop", rate(control.stop)), ("rows", .array(rows)), ("charges", .array(charges)),
        ])
    }

    func controlTable() -> String {
        var out = "Budget control: committed (signed contracts) + proposed (open contracts"
        if let v = control.proposedVendor {
            out += control.proposalCoveredBy.map { ", and \(v) through contract \($0)" } ?? ", and the proposal of \(v)"
        }
        out += ") against budget.csv (warn at \(pct(control.warn)), stop above \(pct(control.stop))):\n"
        if control.rows.isEmpty { return out + "No envelopes and nothing committed or proposed.\n" }
        var rows = [
            ["fiscal year", "cost center", "category", "envelope", "committed", "proposed", "used", "remaining", "used %", "status"]
        ]
        for r in control.rows {
            rows.append([
                String(r.fiscalYear), center(r.costCenter), r.category?.rawValue ?? "all",
                r.envelope.map(amount) ?? "-", amount(r.committed), amount(r.proposed), amount(r.used),
                r.remaining.map(amount) ?? "-", r.percentText(1) ?? "-", status(r),
            ])
        }
        out += layout(rows, leftColumns: 3)
        let undated = control.undated
        if !undated.isEmpty {
            out += "Not in any fiscal year (no due, effective or signed date): "
            out += undated.map { "\(source($0)) \(amount($0.amount))" }.joined(separator: "; ") + "\n"
        }
        return out
    }

    private func pct(_ r: ExactRatio) -> String {
        let hundred = ExactRatio(numerator: r.numerator * 100, denominator: r.denominator)
        return (hundred?.description ?? r.description) + "%"
    }

    /// Grouped with two decimals always, so the columns of a finance table line up: `152,234.00`.
    private func amount(_ m: Money) -> String {
        NumberText.money(m, cents: .always)
    }

    /// The first `leftColumns` columns (text) left-aligned, the others (figures) right-aligned, by
    /// display width (Chinese is 2 cells): the CLI's one table layout.
    private func layout(_ rows: [[String]], leftColumns: Int = 1) -> String {
        guard let header = rows.first else { return "" }
        return TextTable.render(
            header: header, rows: Array(rows.dropFirst()), rightAligned: Set(leftColumns..<max(leftColumns, header.count)))
    }

}

/// `bidbench award VENDOR`: marks the vendor awarded (`awarded_vendor` in workspace.json), which makes
/// its proposal committed in the budget control. Refused, with the numbers and nothing written, when
/// that would push a fiscal year and cost centre over a stop envelope, or when the vendor is knocked out.
struct AwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "award",
        abstract: "Award the open purchase to a vendor; refused when it would exceed a stop budget envelope.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The vendor id (vendors.csv).") var vendor: String
    @Flag(name: .long, help: "Remove the award instead.") var clear = false

    func run() throws {
        let loaded: LoadedWorkspace
        do { loaded = try WorkspaceStore.load(folder: workspace.path) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        guard loaded.problems.isEmpty else {
            for p in loaded.problems { printError(p.description) }
            printError("bidbench award: \(workspace.path): \(loaded.problems.count) problem(s) above; fix them first")
            throw ExitCode(1)
        }
        var ws = loaded.workspace
        let current = BudgetModel.awardedVendor(ws)
        if clear {
            // Only the award that is there: `award V2 --clear` removed V1's award.
            guard let current else {
                printError("bidbench award: there is no award to remove")
                throw ExitCode(1)
            }
            guard current == vendor else {
                printError(
                    "bidbench award: the purchase is awarded to \(current), not \(vendor); `bidbench award \(current) --clear` removes it")
                throw ExitCode(1)
            }
            ws.settings.extra["awarded_vendor"] = nil
        } else {
            guard ws.vendors.contains(where: { $0.id == vendor }) else {
                printError("bidbench award: unknown vendor '\(vendor)' (not in vendors.csv)")
                throw ExitCode(1)
            }
            if let reasons = GateStatus(ws, missing: false).knockedOut[vendor] {
                printError("bidbench award: \(vendor) is knocked out (fails a must-have): \(reasons.map(\.en).joined(separator: "; "))")
                throw ExitCode(1)
            }
            do {
                let scenario = try Scenario(settings: ws.settings)
                if let refusal = try BudgetModel.checkAward(of: vendor, in: ws, scenario: scenario) {
                    printError("bidbench award: \(refusal.message)")
                    throw ExitCode(1)
                }
            } catch let e as BudgetError {
                printError("bidbench award: \(e.message)")
                throw ExitCode(1)
            }
            ws.settings.extra["awarded_vendor"] = JSONValue.quote(vendor)
        }
        // Journaled as the person, like an import (it was "bidbench award", in a journal file named so).
        do { _ = try WorkspaceStore.save(ws, over: loaded, actor: currentUser()) } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if clear {
            print("Award to \(vendor) removed.")
        } else if let k = ws.contracts.first(where: { $0.vendor == vendor }) {
            // A vendor under contract is budgeted by its contract, committed once signed: the award changes no figure.
            print(
                BudgetModel.isCommitted(k)
                    ? "Awarded to \(vendor): its contract \(k.id) is committed already (bidbench budget shows the figures)."
                    : "Awarded to \(vendor): its contract \(k.id) (\(k.status)) stands for its price and counts as committed once signed (bidbench budget shows the figures)."
            )
        } else {
            print("Awarded to \(vendor): its price lines now count as committed (bidbench budget shows the figures).")
        }
    }
}
