import ArgumentParser
import BidbenchCore
import BidbenchStore
import BidbenchUI
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
    @Option(name: .long, help: "Language of the text summary (default: the workspace's).") var lang: Lang?
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
            let language = ReportLanguage(code: CommandLineLanguage.resolve(lang)?.rawValue ?? ws.settings.language)
            print(DeliveryText.render(deliveries, alerts: alerts, today: day, language: language), terminator: "")
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
                    ("change", num(r.change)), ("note", .string(r.review.note)), ("departments_answered", .int(r.departments)),
                    ("departments_mean", num(r.departmentsMean)), ("satisfaction_source", .string(r.satisfactionSource.code)),
                ])
            }
            let handover = d.handover.map { h -> JSONValue in
                .object([("item", .string(h.item)), ("status", .string(h.status.id)), ("date", day(h.date)), ("note", .string(h.note))])
            }
            var pairs: [(String, JSONValue)] = [
                ("contract", .string(d.contract.id)), ("vendor", .string(d.contract.vendor)), ("title", .string(d.contract.title)),
                ("phases", .array(phases)), ("overdue_tasks", .array(overdue)), ("on_time_pct", num(d.onTimePercent)),
                ("acceptance", acceptance), ("payable", .array(d.payable.map(payment))), ("blocked", .array(d.blocked.map(payment))),
                ("paid", .array(d.payments.filter { $0.state == .paid }.map(payment))), ("training", training), ("support", support),
                ("reviews", .array(reviews)), ("handover", .array(handover)),
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

/// The plain-text summary of `bidbench delivery`, in the workspace's language (or `--lang`).
enum DeliveryText {
    static func pct(_ v: Double?) -> String { v.map(NumberText.percent(points:)) ?? "-" }

    // Kept as one function: the summary's sections in the order of the weekly meeting.
    static func render(_ ds: [ContractDelivery], alerts: [RiskAlert], today: Day, language l: ReportLanguage = .en) -> String {
        let zh = l == .zh
        func t(_ en: String, _ cn: String) -> String { zh ? cn : en }
        if ds.isEmpty {
            return t(
                "No contract in delivery (none signed or active, and no delivery rows).\n", "尚无履行中的合同 (没有已签或履行中的合同, 也没有交付记录)。\n")
        }
        var out = t("Delivery on \(today)\n", "交付情况 (\(today))\n")
        for d in ds {
            out += "\n\(d.contract.id) \(SafeText.visible(d.contract.title)) (" + t("vendor ", "供应商 ") + "\(d.contract.vendor))\n"
            out += t("  Plan (on time \(pct(d.onTimePercent))):\n", "  实施计划 (按时率 \(pct(d.onTimePercent))):\n")
            for p in d.phases {
                let late = p.overdueDays > 0 ? t("  OVERDUE \(p.overdueDays) d", "  逾期 \(p.overdueDays) 天") : ""
                let done = p.actualEnd.map { t(" (done \($0))", " (完成于 \($0))") } ?? ""
                out +=
                    "    \(TextWidth.fit(p.phase.name(chinese: zh), 16)) \(TextWidth.fit(ReportLabels.phaseStatus(p.status, l), 11)) "
                    + "\(p.plannedStart?.description ?? "?") → \(p.plannedEnd?.description ?? "?")\(done)\(late)\n"
            }
            for o in d.overdue {
                out += "    ! \(o.task.id) \(SafeText.visible(o.task.title)) (\(SafeText.visible(o.task.owner))) "
                out += t("\(o.days) days overdue\n", "逾期 \(o.days) 天\n")
            }
            let a = d.acceptance
            out += t(
                "  Acceptance: \(a.passed) passed, \(a.failed) failed, \(a.pending) pending; requirements accepted \(a.requirementsAccepted) of \(a.requirementsTotal)\n",
                "  验收: 通过 \(a.passed) · 未通过 \(a.failed) · 待测 \(a.pending); 需求已验收 \(a.requirementsAccepted)/\(a.requirementsTotal)\n")
            for p in d.payable {
                out += t("  Payable: ", "  可支付: ") + "\(SafeText.visible(p.installment.milestone)) \(p.installment.amount.grouped()) "
                out += "(\(t(p.reason, p.reasonZH)))\n"
            }
            for p in d.blocked {
                out += t("  Blocked: ", "  暂不可付: ") + "\(SafeText.visible(p.installment.milestone)) \(p.installment.amount.grouped()) "
                out += "(\(t(p.reason, p.reasonZH)))\n"
            }
            // What is paid already, with its due date (finance checks it against the bank).
            for p in d.payments where p.state == .paid {
                out += t("  Paid: ", "  已付: ") + "\(SafeText.visible(p.installment.milestone)) \(p.installment.amount.grouped())"
                out += p.installment.due.map { " (\($0))" } ?? ""
                out += "\n"
            }
            if let p = d.paymentProblem { out += t("  Payments: ", "  付款: ") + t(p, d.paymentProblemZH ?? p) + "\n" }
            let tr = d.training
            let (rate, target) = (pct(tr.passRate.map { $0 * 100 }), pct(tr.target.map { $0 * 100 }))
            out += t(
                "  Training: \(tr.sessions) sessions, pass rate \(rate) (target \(target))",
                "  培训: \(tr.sessions) 场, 通过率 \(rate) (目标 \(target))")
            let people = tr.needs.map { SafeText.visible($0.person) }.joined(separator: zh ? "、" : ", ")
            out += tr.needs.isEmpty ? "\n" : t("; still to train: ", "; 仍需培训: ") + people + "\n"
            let s = d.support
            out += t(
                "  Support: \(s.tickets) tickets, \(s.responseBreaches) response and \(s.resolutionBreaches) resolution breaches, SLA \(pct(s.compliancePercent)), penalty \(s.penalty.grouped())\n",
                "  支持: 工单 \(s.tickets) 个, 响应超时 \(s.responseBreaches) 次, 解决超时 \(s.resolutionBreaches) 次, SLA 达标 \(pct(s.compliancePercent)), 违约金 \(s.penalty.grouped())\n"
            )
            if !s.availability.isEmpty {
                let target =
                    s.availabilityTarget.map {
                        t(
                            "target \(AvailabilityRules.text($0.percent)) from \($0.source)",
                            "目标 \(AvailabilityRules.text($0.percent)), \($0.sourceText(chinese: true))")
                    } ?? t("no target", "无目标")
                out += t("  Availability (\(target)): ", "  可用率 (\(target)): ")
                out +=
                    s.availability.map { m in
                        "\(m.month) \(AvailabilityRules.text(m.percent))"
                            + (m.met.map { $0 ? t(" met", " 达标") : t(" MISSED", " 未达标") } ?? "")
                    }.joined(separator: zh ? "、" : ", ") + "\n"
            }
            // The exit checklist once begun, in the handout's and the report's words.
            if let h = DeliveryFacts.handover(d, l) {
                out += "  \(h.title): \(h.summary)\n"
                for item in h.items { out += "    \(SafeText.visible(item))\n" }
            }
            for r in d.reviews {
                out += t(
                    "  Review \(r.review.period): score \(NumberText.fixed(r.score, 1))",
                    "  考评 \(r.review.period): 得分 \(NumberText.fixed(r.score, 1))")
                out += r.change.map { " (" + ($0 >= 0 ? "+" : "") + NumberText.fixed($0, 1) + ")" } ?? ""
                let sat = NumberText.upTo(r.review.satisfaction, 2)
                let source = r.satisfactionSource.words(chinese: zh)
                out += t(", satisfaction \(sat) (\(source))", "，满意度 \(sat)（\(source)）")
                out += "\n"
            }
        }
        if !alerts.isEmpty {
            out += t("\nEarly warnings:\n", "\n预警:\n")
            for a in alerts { out += "  \(a.risk) \(SafeText.visible(t(a.message, a.messageZH)))\n" }
        }
        return out
    }
}
