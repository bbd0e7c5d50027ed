import BidbenchCore

/// The delivery tables (after signing): plan, acceptance, training, support, vendor reviews,
/// handover. Listed in README.md's "Workspace format" table.
extension Schema {
    /// `T1;T2` or `T1 T2` or `T1,T2`: a list of ids in one cell.
    static func idList(_ text: String) -> [String] { DeliveryPlan.idList(text) }

    static var tasks: TableSpec<DeliveryTask> {
        TableSpec(
            file: "tasks.csv",
            columns: [
                "contract", "id", "phase", "title", "owner", "planned_start", "planned_end", "actual_start", "actual_end", "status",
                "depends_on",
            ],
            required: ["contract", "id", "phase", "title"],
            sortKey: { [$0.contract, $0.id] }, diffKey: { "\($0.contract)/\($0.id)" }, extra: \.extra,
            decode: { r in
                guard let c = r.key("contract"), let id = r.key("id"), let phase = r.key("phase") else { return nil }
                return DeliveryTask(
                    contract: c, id: id, phase: DeliveryPhase(parsing: phase), title: r.text("title"), owner: r.text("owner"),
                    plannedStart: r.day("planned_start"), plannedEnd: r.day("planned_end"), actualStart: r.day("actual_start"),
                    actualEnd: r.day("actual_end"), status: TaskStatus(parsing: r.text("status")), dependsOn: idList(r.text("depends_on")))
            },
            encode: {
                [
                    $0.contract, $0.id, $0.phase.id, $0.title, $0.owner, opt($0.plannedStart), opt($0.plannedEnd), opt($0.actualStart),
                    opt($0.actualEnd), $0.status.id, $0.dependsOn.joined(separator: ";"),
                ]
            })
    }

    static var acceptance: TableSpec<AcceptanceTest> {
        TableSpec(
            file: "acceptance.csv",
            columns: ["contract", "id", "requirements", "criterion", "result", "date", "tester", "note", "attempts"],
            required: ["contract", "id", "requirements"],
            sortKey: { [$0.contract, $0.id] }, diffKey: { "\($0.contract)/\($0.id)" }, extra: \.extra,
            decode: { r in
                guard let c = r.key("contract"), let id = r.key("id") else { return nil }
                return AcceptanceTest(
                    contract: c, id: id, requirements: idList(r.text("requirements")), criterion: r.text("criterion"),
                    result: TestResult(parsing: r.text("result")), date: r.day("date"), tester: r.text("tester"), note: r.text("note"),
                    attempts: r.int("attempts", default: 1))
            },
            encode: {
                [
                    $0.contract, $0.id, $0.requirements.joined(separator: ";"), $0.criterion, $0.result.id, opt($0.date), $0.tester,
                    $0.note, String($0.attempts),
                ]
            })
    }

    static var training: TableSpec<TrainingSession> {
        TableSpec(
            file: "training.csv",
            columns: ["contract", "id", "level", "module", "date", "mode", "trainer", "planned", "present", "pass_target"],
            required: ["contract", "id", "level", "module"],
            sortKey: { [$0.contract, $0.id] }, diffKey: { "\($0.contract)/\($0.id)" }, extra: \.extra,
            decode: { r in
                guard let c = r.key("contract"), let id = r.key("id") else { return nil }
                return TrainingSession(
                    contract: c, id: id, level: r.text("level"), module: r.text("module"), date: r.day("date"),
                    mode: TrainingMode(parsing: r.text("mode").isEmpty ? "offline" : r.text("mode")), trainer: r.text("trainer"),
                    planned: r.int("planned", default: 0), present: r.int("present", default: 0),
                    passTarget: r.rate("pass_target", default: 0.8))
            },
            encode: {
                [
                    $0.contract, $0.id, $0.level, $0.module, opt($0.date), $0.mode.id, $0.trainer, String($0.planned), String($0.present),
                    num($0.passTarget),
                ]
            })
    }

    static var trainingResults: TableSpec<TrainingResult> {
        TableSpec(
            file: "training_results.csv", columns: ["session", "person", "department", "score", "passed"], required: ["session", "person"],
            sortKey: { [$0.session] }, diffKey: { "\($0.session)/\($0.person)" }, extra: \.extra,
            decode: { r in
                guard let s = r.key("session"), let p = r.key("person") else { return nil }
                let passed: Bool? = r.text("passed").trimmed.isEmpty ? nil : r.bool("passed", default: false)
                return TrainingResult(session: s, person: p, department: r.text("department"), score: r.optDouble("score"), passed: passed)
            },
            encode: { [$0.session, $0.person, $0.department, $0.score.map(num) ?? "", $0.passed.map { String($0) } ?? ""] })
    }

    static var tickets: TableSpec<SupportTicket> {
        TableSpec(
            file: "tickets.csv",
            columns: ["contract", "id", "severity", "module", "opened", "first_response", "resolved", "note"],
            required: ["contract", "id", "severity", "opened"],
            sortKey: { [$0.contract, $0.id] }, diffKey: { "\($0.contract)/\($0.id)" }, extra: \.extra,
            decode: { r in
                guard let c = r.key("contract"), let id = r.key("id"), let opened = r.moment("opened", required: true) else { return nil }
                return SupportTicket(
                    contract: c, id: id, severity: r.int("severity", default: 3), module: r.text("module"), opened: opened,
                    firstResponse: r.moment("first_response"), resolved: r.moment("resolved"), note: r.text("note"))
            },
            encode: {
                [
                    $0.contract, $0.id, String($0.severity), $0.module, $0.opened.description, $0.firstResponse?.description ?? "",
                    $0.resolved?.description ?? "", $0.note,
                ]
            })
    }

    static var sla: TableSpec<SLATerm> {
        TableSpec(
            file: "sla.csv", columns: ["contract", "severity", "response_hours", "resolution_hours", "penalty_per_breach"],
            required: ["contract", "severity"],
            sortKey: { [$0.contract, String($0.severity)] }, diffKey: { "\($0.contract)/\($0.severity)" }, extra: \.extra,
            decode: { r in
                guard let c = r.key("contract"), let s = r.key("severity") else { return nil }
                guard let sev = NumberText.parseInt(s) else {
                    r.log.add(
                        r.file, r.line, "severity", "\"\(s)\" is not a severity (expected 1 to 4)", zh: "“\(s)” 不是故障级别 (应为 1 到 4)")
                    return nil
                }
                return SLATerm(
                    contract: c, severity: sev, responseHours: r.optDouble("response_hours"),
                    resolutionHours: r.optDouble("resolution_hours"),
                    penaltyPerBreach: r.optMoney("penalty_per_breach"))
            },
            encode: {
                [
                    $0.contract, String($0.severity), $0.responseHours.map(num) ?? "", $0.resolutionHours.map(num) ?? "",
                    opt($0.penaltyPerBreach),
                ]
            })
    }

    static var vendorReviews: TableSpec<VendorReview> {
        TableSpec(
            file: "vendor_reviews.csv",
            columns: [
                "vendor", "period", "on_time_pct", "acceptance_first_pass_pct", "sla_pct", "training_pass_pct", "satisfaction", "score",
                "note", "reviewer",
            ],
            required: ["vendor", "period", "on_time_pct", "acceptance_first_pass_pct", "sla_pct", "training_pass_pct", "satisfaction"],
            sortKey: { [$0.vendor, $0.period] }, diffKey: { "\($0.vendor)/\($0.period)" }, extra: \.extra,
            decode: { r in
                guard let v = r.key("vendor"), let p = r.key("period") else { return nil }
                return VendorReview(
                    vendor: v, period: p, onTimePct: r.double("on_time_pct", default: 0),
                    acceptanceFirstPassPct: r.double("acceptance_first_pass_pct", default: 0), slaPct: r.double("sla_pct", default: 0),
                    trainingPassPct: r.double("training_pass_pct", default: 0), satisfaction: r.double("satisfaction", default: 3),
                    score: r.optDouble("score"), note: r.text("note"), reviewer: r.text("reviewer"))
            },
            encode: {
                [
                    $0.vendor, $0.period, num($0.onTimePct), num($0.acceptanceFirstPassPct), num($0.slaPct), num($0.trainingPassPct),
                    num($0.satisfaction), num(VendorScorecard.score($0)), $0.note, $0.reviewer,
                ]
            })
    }

    static var satisfaction: TableSpec<DepartmentSatisfaction> {
        TableSpec(
            file: "review_satisfaction.csv", columns: ["vendor", "period", "department", "score", "note"],
            required: ["vendor", "period", "department", "score"],
            sortKey: { [$0.vendor, $0.period] }, diffKey: { "\($0.vendor)/\($0.period)/\($0.department)" }, extra: \.extra,
            decode: { r in
                guard let v = r.key("vendor"), let p = r.key("period"), let d = r.key("department") else { return nil }
                return DepartmentSatisfaction(
                    vendor: v, period: p, department: d, score: r.double("score", default: 0), note: r.text("note"))
            },
            encode: { [$0.vendor, $0.period, $0.department, num($0.score), $0.note] })
    }

    static var handover: TableSpec<HandoverItem> {
        TableSpec(
            file: "handover.csv", columns: ["contract", "item", "status", "date", "note"], required: ["contract", "item"],
            sortKey: { [$0.contract] }, diffKey: { "\($0.contract)/\($0.item)" }, extra: \.extra,
            decode: { r in
                guard let c = r.key("contract"), let item = r.key("item") else { return nil }
                return HandoverItem(
                    contract: c, item: item, status: HandoverStatus(parsing: r.text("status")), date: r.day("date"), note: r.text("note"))
            },
            encode: { [$0.contract, $0.item, $0.status.id, opt($0.date), $0.note] })
    }

    static var availability: TableSpec<AvailabilityRecord> {
        TableSpec(
            file: "availability.csv", columns: ["contract", "month", "percent", "downtime_minutes", "service_minutes", "note"],
            required: ["contract", "month"],
            sortKey: { [$0.contract, $0.month] }, diffKey: { "\($0.contract)/\($0.month)" }, extra: \.extra,
            decode: { r in
                guard let c = r.key("contract"), let m = r.key("month") else { return nil }
                let pctText = r.text("percent").trimmed
                let percent: Double? =
                    pctText.isEmpty
                    ? nil
                    : NumberText.parseDouble(pctText.hasSuffix("%") || pctText.hasSuffix("％") ? String(pctText.dropLast()) : pctText)
                if !pctText.isEmpty && percent == nil {
                    r.log.add(
                        r.file, r.line, "percent", "\"\(pctText)\" is not a percentage (expected e.g. 99.5 or 99.5%)",
                        zh: "“\(pctText)” 不是百分比 (应为 99.5 或 99.5% 这样的值)")
                }
                return AvailabilityRecord(
                    contract: c, month: m, percent: percent, downtimeMinutes: r.optInt("downtime_minutes"),
                    serviceMinutes: r.optInt("service_minutes"), note: r.text("note"))
            },
            encode: {
                [
                    $0.contract, $0.month, $0.percent.map(num) ?? "", $0.downtimeMinutes.map { String($0) } ?? "",
                    $0.serviceMinutes.map { String($0) } ?? "", $0.note,
                ]
            })
    }

    /// The delivery files, in README order.
    static let deliveryFiles = [
        "tasks.csv", "acceptance.csv", "training.csv", "training_results.csv", "tickets.csv", "sla.csv", "vendor_reviews.csv",
        "handover.csv", "availability.csv", "review_satisfaction.csv",
    ]
}

extension RowReader {
    func optDouble(_ c: String) -> Double? {
        text(c).trimmed.isEmpty ? nil : double(c, default: 0)
    }

    /// A rate: `0.8` or `80%` (a value above 1 without `%` is refused: write `0.8` or `80%`).
    func rate(_ c: String, default d: Double) -> Double {
        let t = text(c).trimmed
        if t.isEmpty { return d }
        if t.hasSuffix("%") || t.hasSuffix("％"), let v = NumberText.parseDouble(String(t.dropLast())) { return v / 100 }
        guard let v = NumberText.parseDouble(t), v >= 0, v <= 1 else {
            log.add(
                file, line, c, "\"\(t)\" is not a rate (expected a fraction such as 0.8 or a percentage such as 80%)",
                zh: "“\(t)” 不是比率 (应为 0.8 这样的小数或 80% 这样的百分数)")
            return d
        }
        return v
    }

    /// A date and time `YYYY-MM-DD HH:MM`; nil (reported) when it does not parse, or when required and empty.
    func moment(_ c: String, required: Bool = false) -> Moment? {
        let t = text(c)
        if t.trimmed.isEmpty {
            if required { log.add(file, line, c, "is empty; every row needs \(RowReader.article(c)) \(c)", zh: "为空; 每一行都要填写 \(c)") }
            return nil
        }
        guard let m = Moment(parsing: t) else {
            log.add(
                file, line, c, "\"\(t)\" is not a date and time (expected YYYY-MM-DD HH:MM, e.g. 2027-04-02 09:30)",
                zh: "“\(t)” 不是日期时间 (应为 YYYY-MM-DD HH:MM, 如 2027-04-02 09:30)")
            return nil
        }
        return m
    }
}
