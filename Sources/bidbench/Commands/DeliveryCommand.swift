import ArgumentParser
import BidbenchCore
import BidbenchStore
import Foundation

/// `bidbench delivery`: where each contract's delivery stands (plan, acceptance, payments,
/// training, support SLA, vendor reviews) on a day.
struct DeliveryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delivery",
        abstract:
            "After signing: plan and overdue tasks, acceptance, payable and blocked payments, training, SLA breaches, availability, vendor reviews.",
        discussion: """
            Contracts in delivery are those signed or active, or with rows in tasks.csv, acceptance.csv, training.csv, \
            tickets.csv, sla.csv, handover.csv or availability.csv. A payment milestone whose condition names acceptance tests (上线验收 A1) \
            is payable only when every test A1, A1.x has passed.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Option(name: .long, help: "Only this contract (its id).") var contract: String?
    @Option(name: .long, help: "Measure on this date instead of today (YYYY-MM-DD).") var today: String?
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() throws {
        var day = LocalClock.today()
        if let t = today {
            guard let d = Day(iso: t) else {
                printError("error: --today must be a date YYYY-MM-DD, got '\(t)'")
                throw ExitCode(1)
            }
            day = d
        }
        let ws = try loadWorkspaceForVerb(workspace.path)
        var contracts = DeliveryStatus.contracts(in: ws)
        if let id = contract {
            guard let c = ws.contracts.first(where: { $0.id == id }) else {
                printError("error: no contract \"\(id)\" in contracts.csv (ids: \(ws.contracts.map(\.id).joined(separator: ", ")))")
                throw ExitCode(1)
            }
            contracts = [c]
        }
        let deliveries = contracts.map { DeliveryStatus.build(ws, contract: $0, today: day) }
        let alerts = DeliveryWarnings.alerts(risks: ws.risks, deliveries: deliveries)
        if json {
            print(DeliveryJSON.render(deliveries, alerts: alerts, today: day))
        } else {
            print(DeliveryText.render(deliveries, alerts: alerts, today: day), terminator: "")
        }
    }
}

/// The `delivery --json` document (DESIGN §4 shape, with extra keys): one contract a line.
enum DeliveryJSON {
    static func day(_ d: Day?) -> JSONValue { .string(d?.description) }
    /// Ratios and percentages to four decimals, without trailing zeros.
    static func num(_ v: Double?) -> JSONValue { v.map { .decimal(NumberText.upTo($0, 4)) } ?? .null }

    static func payment(_ p: PaymentStanding) -> JSONValue {
        .object([
            ("milestone", .string(p.installment.milestone)), ("amount", .money(p.installment.amount)), ("due", day(p.installment.due)),
            ("condition", .string(p.installment.condition)), ("tests", .array(p.tests.map(JSONValue.string))),
            ("reason", .string(p.reason)),
        ])
    }

    static func availability(_ m: MonthAvailability) -> JSONValue {
        .object([
            ("month", .string(m.month)), ("percent", num(m.percent)), ("target", num(m.target)), ("met", m.met.map { .bool($0) } ?? .null),
            ("downtime_minutes", m.downtimeMinutes.map { .int($0) } ?? .null),
        ])
    }

    // Kept as one function: the delivery JSON document, one object per contract in the documented key order.
    static func render(_ ds: [ContractDelivery], alerts: [RiskAlert], today: Day) -> String {
        let contracts = ds.map { d -> JSONValue in
            let phases = d.phases.map { p -> JSONValue in
                .object([
                    ("id", .string(p.phase.id)), ("name", .string(p.phase.name(chinese: false))),
                    ("name_zh", .string(p.phase.name(chinese: true))),
                    ("status", .string(p.status)), ("planned_start", day(p.plannedStart)), ("planned_end", day(p.plannedEnd)),
                    ("actual_end", day(p.actualEnd)), ("overdue_days", .int(p.overdueDays)), ("tasks", .int(p.tasks.count)),
                ])
            }
            let overdue = d.overdue.map { o -> JSONValue in
                .object([
                    ("id", .string(o.task.id)), ("title", .string(o.task.title)), ("owner", .string(o.task.owner)),
                    ("planned_end", day(o.task.plannedEnd)), ("overdue_days", .int(o.days)),
                ])
            }
            let a = d.acceptance
            let acceptance = JSONValue.object([
                ("passed", .int(a.passed)), ("failed", .int(a.failed)), ("pending", .int(a.pending)),
                ("requirements_accepted", .int(a.requirementsAccepted)), ("requirements_total", .int(a.requirementsTotal)),
                ("first_pass_pct", num(a.firstPassPercent)),
            ])
            let t = d.training
            let needs = t.needs.map { n -> JSONValue in
                .object([
                    ("person", .string(n.person)), ("department", .string(n.department)), ("level", .string(n.level)),
                    ("module", .string(n.module)), ("reason", .string(n.reason.rawValue)),
                ])
            }
            let training = JSONValue.object([
                ("sessions", .int(t.sessions)), ("pass_rate", num(t.passRate)), ("target", num(t.target)),
                ("planned", .int(t.planned)), ("present", .int(t.present)), ("tested", .int(t.tested)), ("passed", .int(t.passed)),
                ("below_target", .bool(t.belowTarget)), ("needs_training", .array(needs)),
            ])
            let s = d.support
            let months = s.months.map { m -> JSONValue in
                .object([
                    ("month", .string(m.month)), ("tickets", .int(m.tickets)), ("response_breaches", .int(m.responseBreaches)),
                    ("resolution_breaches", .int(m.resolutionBreaches)),
                ])
            }
            let support = JSONValue.object([
                ("tickets", .int(s.tickets)), ("response_breaches", .int(s.responseBreaches)),
                ("resolution_breaches", .int(s.resolutionBreaches)), ("penalty", .money(s.penalty)), ("sla_pct", num(s.compliancePercent)),
                ("by_month", .array(months)), ("availability_target", num(s.availabilityTarget?.percent)),
                ("availability_target_source", .string(s.availabilityTarget?.source)),
                ("availability", .array(s.availability.map(availability))),
            ])
            let reviews = d.reviews.map { r -> JSONValue in
                .object([
                    ("period", .string(r.review.period)), ("score", num(r.score)), ("on_time_pct", num(r.review.onTimePct)),
                    ("sla_pct", num(r.review.slaPct)), ("acceptance_first_pass_pct", num(r.review.acceptanceFirstPassPct)),
                    ("training_pass_pct", num(r.review.trainingPassPct)), ("satisfaction", num(r.review.satisfaction)),
                    ("change", num(r.change)), ("note", .string(r.review.note)),
                ])
            }
            let handover = d.handover.map { h -> JSONValue in
                .object([("item", .string(h.item)), ("status", .string(h.status.id)), ("date", day(h.date))])
            }
            var pairs: [(String, JSONValue)] = [
                ("contract", .string(d.contract.id)), ("vendor", .string(d.contract.vendor)), ("title", .string(d.contract.title)),
                ("phases", .array(phases)), ("overdue_tasks", .array(overdue)), ("on_time_pct", num(d.onTimePercent)),
                ("acceptance", acceptance), ("payable", .array(d.payable.map(payment))), ("blocked", .array(d.blocked.map(payment))),
                ("training", training), ("support", support), ("reviews", .array(reviews)), ("handover", .array(handover)),
            ]
            if let p = d.paymentProblem { pairs.append(("payment_problem", .string(p))) }
            return .object(pairs)
        }
        let warnings = alerts.map { a -> JSONValue in
            .object([("risk", .string(a.risk)), ("trigger", .string(a.trigger)), ("message", .string(a.message))])
        }
        return JSONValue.object([("today", .string(today.description)), ("contracts", .array(contracts)), ("warnings", .array(warnings))])
            .text(.lines(2))
    }
}

/// The plain-text summary of `bidbench delivery`.
enum DeliveryText {
    static func pct(_ v: Double?) -> String { v.map(NumberText.percent(points:)) ?? "-" }

    static func render(_ ds: [ContractDelivery], alerts: [RiskAlert], today: Day) -> String {
        if ds.isEmpty { return "No contract in delivery (none signed or active, and no delivery rows).\n" }
        var out = "Delivery on \(today)\n"
        for d in ds {
            out += "\n\(d.contract.id) \(SafeText.visible(d.contract.title)) (vendor \(d.contract.vendor))\n"
            out += "  Plan (on time \(pct(d.onTimePercent))):\n"
            for p in d.phases {
                let late = p.overdueDays > 0 ? "  OVERDUE \(p.overdueDays) d" : ""
                out +=
                    "    \(p.phase.name(chinese: false).padding(toLength: 16, withPad: " ", startingAt: 0)) \(p.status.padding(toLength: 11, withPad: " ", startingAt: 0)) "
                    + "\(p.plannedStart?.description ?? "?") → \(p.plannedEnd?.description ?? "?")\(p.actualEnd.map { " (done \($0))" } ?? "")\(late)\n"
            }
            for o in d.overdue {
                out += "    ! \(o.task.id) \(SafeText.visible(o.task.title)) (\(SafeText.visible(o.task.owner))) \(o.days) days overdue\n"
            }
            let a = d.acceptance
            out += "  Acceptance: \(a.passed) passed, \(a.failed) failed, \(a.pending) pending; "
            out += "requirements accepted \(a.requirementsAccepted) of \(a.requirementsTotal)\n"
            for p in d.payable {
                out += "  Payable: \(SafeText.visible(p.installment.milestone)) \(p.installment.amount.grouped()) (\(p.reason))\n"
            }
            for p in d.blocked {
                out += "  Blocked: \(SafeText.visible(p.installment.milestone)) \(p.installment.amount.grouped()) (\(p.reason))\n"
            }
            if let p = d.paymentProblem { out += "  Payments: \(p)\n" }
            let t = d.training
            out +=
                "  Training: \(t.sessions) sessions, pass rate \(pct(t.passRate.map { $0 * 100 })) (target \(pct(t.target.map { $0 * 100 })))"
            out +=
                t.needs.isEmpty ? "\n" : "; still to train: " + t.needs.map { SafeText.visible($0.person) }.joined(separator: ", ") + "\n"
            let s = d.support
            out += "  Support: \(s.tickets) tickets, \(s.responseBreaches) response and \(s.resolutionBreaches) resolution breaches, "
            out += "SLA \(pct(s.compliancePercent)), penalty \(s.penalty.grouped())\n"
            if !s.availability.isEmpty {
                let target = s.availabilityTarget.map { "target \(AvailabilityRules.text($0.percent)) from \($0.source)" } ?? "no target"
                out += "  Availability (\(target)): "
                out +=
                    s.availability.map { m in
                        "\(m.month) \(AvailabilityRules.text(m.percent))" + (m.met.map { $0 ? " met" : " MISSED" } ?? "")
                    }.joined(separator: ", ") + "\n"
            }
            for r in d.reviews {
                out += "  Review \(r.review.period): score \(NumberText.fixed(r.score, 1))"
                out += r.change.map { " (" + ($0 >= 0 ? "+" : "") + NumberText.fixed($0, 1) + ")" } ?? ""
                out += "\n"
            }
        }
        if !alerts.isEmpty {
            out += "\nEarly warnings:\n"
            for a in alerts { out += "  \(a.risk) \(SafeText.visible(a.message))\n" }
        }
        return out
    }
}
