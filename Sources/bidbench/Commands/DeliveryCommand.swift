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

/// The `delivery --json` document (DESIGN §4 shape, with extra keys).
enum DeliveryJSON {
    static func q(_ s: String) -> String { JSONText.quote(s) }
    static func day(_ d: Day?) -> String { d.map { "\"\($0)\"" } ?? "null" }
    static func num(_ v: Double?) -> String {
        guard let v else { return "null" }
        let r = (v * 10000).rounded() / 10000
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
    }
    static func obj(_ pairs: [(String, String)]) -> String { "{" + pairs.map { "\(q($0.0)): \($0.1)" }.joined(separator: ", ") + "}" }
    static func arr(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    static func payment(_ p: PaymentStanding) -> String {
        obj([
            ("milestone", q(p.installment.milestone)), ("amount", p.installment.amount.fixed2), ("due", day(p.installment.due)),
            ("condition", q(p.installment.condition)), ("tests", arr(p.tests.map(q))), ("reason", q(p.reason)),
        ])
    }

    static func availability(_ m: MonthAvailability) -> String {
        obj([
            ("month", q(m.month)), ("percent", num(m.percent)), ("target", num(m.target)), ("met", m.met.map { String($0) } ?? "null"),
            ("downtime_minutes", m.downtimeMinutes.map { String($0) } ?? "null"),
        ])
    }

    static func render(_ ds: [ContractDelivery], alerts: [RiskAlert], today: Day) -> String {
        let contracts = ds.map { d -> String in
            let phases = d.phases.map { p in
                obj([
                    ("id", q(p.phase.id)), ("name", q(p.phase.name(chinese: false))), ("name_zh", q(p.phase.name(chinese: true))),
                    ("status", q(p.status)), ("planned_start", day(p.plannedStart)), ("planned_end", day(p.plannedEnd)),
                    ("actual_end", day(p.actualEnd)), ("overdue_days", String(p.overdueDays)), ("tasks", String(p.tasks.count)),
                ])
            }
            let overdue = d.overdue.map { o in
                obj([
                    ("id", q(o.task.id)), ("title", q(o.task.title)), ("owner", q(o.task.owner)), ("planned_end", day(o.task.plannedEnd)),
                    ("overdue_days", String(o.days)),
                ])
            }
            let a = d.acceptance
            let acceptance = obj([
                ("passed", String(a.passed)), ("failed", String(a.failed)), ("pending", String(a.pending)),
                ("requirements_accepted", String(a.requirementsAccepted)), ("requirements_total", String(a.requirementsTotal)),
                ("first_pass_pct", num(a.firstPassPercent)),
            ])
            let t = d.training
            let needs = t.needs.map { n in
                obj([
                    ("person", q(n.person)), ("department", q(n.department)), ("level", q(n.level)), ("module", q(n.module)),
                    ("reason", q(n.reason.rawValue)),
                ])
            }
            let training = obj([
                ("sessions", String(t.sessions)), ("pass_rate", num(t.passRate)), ("target", num(t.target)),
                ("planned", String(t.planned)), ("present", String(t.present)), ("tested", String(t.tested)), ("passed", String(t.passed)),
                ("below_target", String(t.belowTarget)), ("needs_training", arr(needs)),
            ])
            let s = d.support
            let months = s.months.map { m in
                obj([
                    ("month", q(m.month)), ("tickets", String(m.tickets)), ("response_breaches", String(m.responseBreaches)),
                    ("resolution_breaches", String(m.resolutionBreaches)),
                ])
            }
            let support = obj([
                ("tickets", String(s.tickets)), ("response_breaches", String(s.responseBreaches)),
                ("resolution_breaches", String(s.resolutionBreaches)), ("penalty", s.penalty.fixed2), ("sla_pct", num(s.compliancePercent)),
                ("by_month", arr(months)), ("availability_target", num(s.availabilityTarget?.percent)),
                ("availability_target_source", s.availabilityTarget.map { q($0.source) } ?? "null"),
                ("availability", arr(s.availability.map(availability))),
            ])
            let reviews = d.reviews.map { r in
                obj([
                    ("period", q(r.review.period)), ("score", num(r.score)), ("on_time_pct", num(r.review.onTimePct)),
                    ("sla_pct", num(r.review.slaPct)), ("acceptance_first_pass_pct", num(r.review.acceptanceFirstPassPct)),
                    ("training_pass_pct", num(r.review.trainingPassPct)), ("satisfaction", num(r.review.satisfaction)),
                    ("change", num(r.change)), ("note", q(r.review.note)),
                ])
            }
            let handover = d.handover.map { h in obj([("item", q(h.item)), ("status", q(h.status.id)), ("date", day(h.date))]) }
            var pairs: [(String, String)] = [
                ("contract", q(d.contract.id)), ("vendor", q(d.contract.vendor)), ("title", q(d.contract.title)),
                ("phases", arr(phases)), ("overdue_tasks", arr(overdue)), ("on_time_pct", num(d.onTimePercent)),
                ("acceptance", acceptance), ("payable", arr(d.payable.map(payment))), ("blocked", arr(d.blocked.map(payment))),
                ("training", training), ("support", support), ("reviews", arr(reviews)), ("handover", arr(handover)),
            ]
            if let p = d.paymentProblem { pairs.append(("payment_problem", q(p))) }
            return obj(pairs)
        }
        let warnings = alerts.map { obj([("risk", q($0.risk)), ("trigger", q($0.trigger)), ("message", q($0.message))]) }
        return "{\"today\": \"\(today)\", \"contracts\": [" + contracts.joined(separator: ",\n ") + "], \"warnings\": " + arr(warnings)
            + "}"
    }
}

/// The plain-text summary of `bidbench delivery`.
enum DeliveryText {
    static func pct(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0) } ?? "-" }

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
                out += "  Review \(r.review.period): score \(String(format: "%.1f", r.score))"
                out += r.change.map { String(format: " (%+.1f)", $0) } ?? ""
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
