import BidbenchCore

/// The CSV tables of a workspace, exactly as README.md's format table lists them.
enum Schema {
    static func opt(_ v: Int?) -> String { v.map(String.init) ?? "" }
    static func opt(_ v: Money?) -> String { v.map(\.description) ?? "" }
    static func opt(_ v: Day?) -> String { v.map(\.description) ?? "" }
    static func num(_ v: Double) -> String { NumberText.format(v) }

    static var departments: TableSpec<Department> {
        TableSpec(
            file: "departments.csv", columns: ["id", "name", "contact", "head_count"], required: ["id", "name"],
            sortKey: { [$0.id] }, diffKey: { $0.id }, extra: \.extra,
            decode: { r in
                guard let id = r.key("id") else { return nil }
                return Department(id: id, name: r.text("name"), contact: r.text("contact"), headCount: r.int("head_count", default: 0))
            },
            encode: { [$0.id, $0.name, $0.contact, String($0.headCount)] })
    }

    static var requirements: TableSpec<Requirement> {
        TableSpec(
            file: "requirements.csv",
            columns: [
                "id", "department", "module", "title", "detail", "priority", "weight", "acceptance", "status", "criterion", "source",
            ],
            required: ["id", "department", "title"],
            sortKey: { [$0.id] }, diffKey: { $0.id }, extra: \.extra,
            decode: { r in
                guard let id = r.key("id") else { return nil }
                let department = r.text("department")
                let module = r.text("module")
                let title = r.text("title")
                let detail = r.text("detail")
                let priority = r.choice("priority", default: Priority.should, parse: Priority.init(parsing:))
                // A blank weight is the priority's one default weight (Priority.defaultWeight).
                return Requirement(
                    id: id, department: department, module: module, title: title, detail: detail, priority: priority,
                    weight: r.double("weight", default: priority.defaultWeight), acceptance: r.text("acceptance"),
                    status: r.choice("status", default: RequirementStatus.draft, parse: RequirementStatus.init(parsing:)),
                    criterion: r.text("criterion"), source: r.text("source"))
            },
            encode: {
                [
                    $0.id, $0.department, $0.module, $0.title, $0.detail, $0.priority.rawValue, num($0.weight),
                    $0.acceptance, $0.status.rawValue, $0.criterion, $0.source,
                ]
            })
    }

    static var criteria: TableSpec<Criterion> {
        TableSpec(
            file: "criteria.csv", columns: ["id", "parent", "name", "kind", "weight", "source"], required: ["id", "name", "weight"],
            sortKey: { [$0.id] }, diffKey: { $0.id }, extra: \.extra,
            decode: { r in
                guard let id = r.key("id") else { return nil }
                return Criterion(
                    id: id, parent: r.text("parent"), name: r.text("name"), kind: r.choice("kind", default: CriterionKind.benefit),
                    weight: r.double("weight", default: 0), source: r.choice("source", default: CriterionSource.panel))
            },
            encode: { [$0.id, $0.parent, $0.name, $0.kind.rawValue, num($0.weight), $0.source.rawValue] })
    }

    static var vendors: TableSpec<Vendor> {
        TableSpec(
            file: "vendors.csv", columns: ["id", "name", "contact", "qualifications", "references", "notes", "sme", "bid_price"],
            required: ["id", "name"],
            sortKey: { [$0.id] }, diffKey: { $0.id }, extra: \.extra,
            decode: { r in
                guard let id = r.key("id") else { return nil }
                return Vendor(
                    id: id, name: r.text("name"), contact: r.text("contact"), qualifications: r.text("qualifications"),
                    references: r.text("references"), notes: r.text("notes"), sme: r.bool("sme", default: false),
                    bidPrice: r.optMoney("bid_price"))
            },
            encode: { [$0.id, $0.name, $0.contact, $0.qualifications, $0.references, $0.notes, String($0.sme), opt($0.bidPrice)] })
    }

    static var gates: TableSpec<GateAnswer> {
        TableSpec(
            file: "gates.csv", columns: ["vendor", "requirement", "answer", "note"], required: ["vendor", "requirement", "answer"],
            sortKey: { [$0.vendor, $0.requirement] }, diffKey: { "\($0.vendor)/\($0.requirement)" }, extra: \.extra,
            decode: { r in
                guard let v = r.key("vendor"), let q = r.key("requirement") else { return nil }
                return GateAnswer(vendor: v, requirement: q, answer: r.choice("answer", default: GateResult.no), note: r.text("note"))
            },
            encode: { [$0.vendor, $0.requirement, $0.answer.rawValue, $0.note] }, quickRows: GateRows.parse)
    }

    static var prices: TableSpec<PriceLine> {
        TableSpec(
            file: "prices.csv",
            columns: ["vendor", "item", "category", "model", "unit_price", "quantity", "start_year", "years", "notes"],
            required: ["vendor", "item", "category", "model", "unit_price"],
            sortKey: { [$0.vendor] }, diffKey: { "\($0.vendor)/\($0.item)" }, extra: \.extra,
            decode: { r in
                guard let v = r.key("vendor") else { return nil }
                return PriceLine(
                    vendor: v, item: r.text("item"), category: r.choice("category", default: CostCategory.other),
                    model: r.choice("model", default: PricingModel.one_time),
                    unitPrice: r.money("unit_price", default: .zero), quantity: r.int("quantity", default: 1),
                    startYear: r.optInt("start_year"), years: r.optInt("years"), notes: r.text("notes"))
            },
            encode: {
                [
                    $0.vendor, $0.item, $0.category.rawValue, $0.model.rawValue, $0.unitPrice.description,
                    String($0.quantity), opt($0.startYear), opt($0.years), $0.notes,
                ]
            })
    }

    static func scores(file: String) -> TableSpec<Score> {
        TableSpec(
            file: file, columns: ["vendor", "criterion", "score", "note"], required: ["vendor", "criterion", "score"],
            sortKey: { [$0.vendor, $0.criterion] }, diffKey: { "\($0.vendor)/\($0.criterion)" }, extra: \.extra,
            decode: { r in
                guard let v = r.key("vendor"), let c = r.key("criterion"), let s = r.key("score") else { return nil }
                guard let score = NumberText.parseDouble(s) else {
                    r.log.add(
                        r.file, r.line, "score", "\"\(s)\" is not a number (expected a score such as 7 or 8.5)",
                        zh: "“\(s)” 不是数字 (应为分数, 如 7 或 8.5)")
                    return nil
                }
                return Score(vendor: v, criterion: c, score: score, note: r.text("note"))
            },
            encode: { [$0.vendor, $0.criterion, num($0.score), $0.note] })
    }

    static var budget: TableSpec<BudgetEnvelope> {
        TableSpec(
            file: "budget.csv", columns: ["fiscal_year", "cost_center", "category", "amount"],
            required: ["fiscal_year", "cost_center", "amount"],
            sortKey: { [String($0.fiscalYear), $0.costCenter, $0.category] },
            diffKey: { "\($0.fiscalYear)/\($0.costCenter)/\($0.category)" }, extra: \.extra,
            decode: { r in
                guard let fy = r.key("fiscal_year") else { return nil }
                guard let year = NumberText.parseInt(fy) else {
                    r.log.add(r.file, r.line, "fiscal_year", "\"\(fy)\" is not a year (expected e.g. 2027)", zh: "“\(fy)” 不是年份 (应如 2027)")
                    return nil
                }
                return BudgetEnvelope(
                    fiscalYear: year, costCenter: r.text("cost_center"), category: r.text("category").trimmed,
                    amount: r.money("amount", default: .zero))
            },
            encode: { [String($0.fiscalYear), $0.costCenter, $0.category, $0.amount.description] })
    }

    static var payments: TableSpec<PaymentMilestone> {
        TableSpec(
            file: "payments.csv", columns: ["contract", "milestone", "percent", "due", "condition", "status"],
            required: ["contract", "milestone", "percent"],
            sortKey: { [$0.contract] }, diffKey: { "\($0.contract)/\($0.milestone)" }, extra: \.extra,
            decode: { r in
                guard let c = r.key("contract") else { return nil }
                return PaymentMilestone(
                    contract: c, milestone: r.text("milestone"), percent: r.double("percent", default: 0),
                    due: r.day("due"), condition: r.text("condition"), status: r.status("status", default: "planned"))
            },
            encode: { [$0.contract, $0.milestone, num($0.percent), opt($0.due), $0.condition, $0.status] })
    }

    static var contracts: TableSpec<Contract> {
        TableSpec(
            file: "contracts.csv",
            columns: [
                "id", "vendor", "title", "file", "signed", "effective", "term_months", "auto_renew", "renewal_months",
                "notice_days", "value", "warranty_months", "status",
            ],
            required: ["id", "vendor"],
            sortKey: { [$0.id] }, diffKey: { $0.id }, extra: \.extra,
            decode: { r in
                guard let id = r.key("id") else { return nil }
                var k = Contract(
                    id: id, vendor: r.text("vendor"), title: r.text("title"), file: r.text("file"),
                    signed: r.day("signed"), effective: r.day("effective"), termMonths: r.int("term_months", default: 12),
                    autoRenew: r.bool("auto_renew", default: false), renewalMonths: r.int("renewal_months", default: 12),
                    noticeDays: r.int("notice_days", default: 0), value: r.money("value", default: .zero),
                    warrantyMonths: r.int("warranty_months", default: 0), status: r.status("status", default: "draft"))
                for c in contractDefaulted where r.text(c).trimmed.isEmpty { k.extra[c] = "" }
                return k
            },
            encode: { k in
                /// A cell that was empty ("not set") stays empty while the value is still its default.
                func cell(_ c: String, _ text: String, default d: String) -> String { k.extra[c] == "" && text == d ? "" : text }
                return [
                    k.id, k.vendor, k.title, k.file, opt(k.signed), opt(k.effective),
                    cell("term_months", String(k.termMonths), default: "12"),
                    cell("auto_renew", String(k.autoRenew), default: "false"),
                    cell("renewal_months", String(k.renewalMonths), default: "12"),
                    cell("notice_days", String(k.noticeDays), default: "0"),
                    cell("value", k.value.description, default: Money.zero.description),
                    cell("warranty_months", String(k.warrantyMonths), default: "0"), k.status,
                ]
            })
    }

    /// The columns of contracts.csv read with a default when empty. An empty cell is remembered (as
    /// an empty `extra` entry under the column's own name, which is never written as a column of its
    /// own) so that saving the table, after any edit, does not turn "not set" into the default: a
    /// signing recorded for one contract left every other contract's row as it was.
    static let contractDefaulted = ["term_months", "auto_renew", "renewal_months", "notice_days", "value", "warranty_months"]

    static var reviews: TableSpec<ClauseReview> {
        TableSpec(
            file: "reviews.csv", columns: ["contract", "clause", "status", "line", "note"], required: ["contract", "clause", "status"],
            sortKey: { r in
                let i = ClauseKind.allCases.firstIndex(of: r.clause) ?? 0
                return [r.contract, String(i)]
            },
            diffKey: { "\($0.contract)/\($0.clause.rawValue)" }, extra: \.extra,
            decode: { r in
                guard let c = r.key("contract"), r.key("clause") != nil else { return nil }
                return ClauseReview(
                    contract: c, clause: r.choice("clause", default: ClauseKind.scope),
                    status: r.choice("status", default: ReviewStatus.missing, parse: { ReviewStatus(rawValue: $0.trimmed.lowercased()) }),
                    line: r.optInt("line"), note: r.text("note"))
            },
            encode: { [$0.contract, $0.clause.rawValue, $0.status.rawValue, opt($0.line), $0.note] })
    }

    static var changes: TableSpec<ChangeOrder> {
        TableSpec(
            file: "changes.csv", columns: ["contract", "id", "date", "description", "price_delta", "status"],
            required: ["contract", "id", "price_delta"],
            sortKey: { [$0.contract, $0.id] }, diffKey: { "\($0.contract)/\($0.id)" }, extra: \.extra,
            decode: { r in
                guard let c = r.key("contract"), let id = r.key("id") else { return nil }
                return ChangeOrder(
                    contract: c, id: id, date: r.day("date"), description: r.text("description"),
                    // The amount is required: an empty cell is an error, never a silent 0.
                    priceDelta: r.key("price_delta") == nil ? .zero : r.money("price_delta", default: .zero),
                    status: r.status("status", default: "proposed"))
            },
            encode: { [$0.contract, $0.id, opt($0.date), $0.description, $0.priceDelta.description, $0.status] })
    }

    static var risks: TableSpec<Risk> {
        TableSpec(
            file: "risks.csv",
            columns: ["id", "type", "title", "likelihood", "impact", "mitigation", "owner", "trigger", "threshold", "status"],
            required: ["id", "type", "title", "likelihood", "impact"],
            sortKey: { [$0.id] }, diffKey: { $0.id }, extra: \.extra,
            decode: { r in
                guard let id = r.key("id") else { return nil }
                return Risk(
                    id: id, type: r.choice("type", default: RiskType.technical), title: r.text("title"),
                    likelihood: r.int("likelihood", default: 1), impact: r.int("impact", default: 1),
                    mitigation: r.text("mitigation"), owner: r.text("owner"), trigger: r.text("trigger"),
                    threshold: r.text("threshold"), status: r.status("status", default: "open"))
            },
            encode: {
                [
                    $0.id, $0.type.rawValue, $0.title, String($0.likelihood), String($0.impact), $0.mitigation,
                    $0.owner, $0.trigger, $0.threshold, $0.status,
                ]
            })
    }

    static var scenarios: TableSpec<NamedScenario> {
        TableSpec(
            file: "scenarios.csv", columns: ["name", "years", "users", "growth", "escalation", "discount_rate"], required: ["name"],
            sortKey: { [$0.name] }, diffKey: { $0.name }, extra: \.extra,
            decode: { r in
                guard let name = r.key("name") else { return nil }
                return NamedScenario(
                    name: name, years: r.text("years"), users: r.text("users"), growth: r.text("growth"),
                    escalation: r.text("escalation"), discountRate: r.text("discount_rate"))
            },
            encode: { [$0.name, $0.years, $0.users, $0.growth, $0.escalation, $0.discountRate] })
    }

    static var survey: TableSpec<SurveyQuestion> {
        TableSpec(
            file: "survey.csv", columns: ["no", "field", "question_en", "question_zh"], required: ["no", "field"],
            sortKey: { [String($0.number)] }, diffKey: { String($0.number) }, extra: \.extra,
            decode: { r in
                guard let no = r.optInt("no") else { return nil }
                return SurveyQuestion(number: no, field: r.text("field"), en: r.text("question_en"), zh: r.text("question_zh"))
            },
            encode: { [String($0.number), $0.field, $0.en, $0.zh] })
    }

    /// The buyer's playbook: one row per red-flag kind (severity, reported or not, the positions).
    /// An unknown kind is refused by name; an empty position keeps the default wording.
    static var playbook: TableSpec<PlaybookEntry> {
        TableSpec(
            file: "playbook.csv", columns: ["kind", "severity", "enabled", "position_en", "position_zh"], required: ["kind"],
            sortKey: { e in [String(RedFlagKind.allCases.firstIndex(of: e.kind) ?? 0)] }, diffKey: { $0.kind.rawValue }, extra: \.extra,
            decode: { r in
                guard let name = r.key("kind") else { return nil }
                guard let kind = RedFlagKind(parsing: name.trimmed) else {
                    _ = r.choice("kind", default: RedFlagKind.missing_clause)  // reports the allowed kinds
                    return nil
                }
                var e = kind.defaultEntry
                e.severity = r.choice("severity", default: kind.defaultSeverity, parse: RedFlagSeverity.init(parsing:))
                e.enabled = r.bool("enabled", default: true)
                let en = r.text("position_en").trimmed
                let zh = r.text("position_zh").trimmed
                if !en.isEmpty { e.positionEN = en }
                if !zh.isEmpty { e.positionZH = zh }
                return e
            },
            encode: { [$0.kind.rawValue, $0.severity.rawValue, $0.enabled ? "yes" : "no", $0.positionEN, $0.positionZH] })
    }

    static var meetings: TableSpec<Meeting> {
        TableSpec(
            file: "meetings.csv", columns: ["id", "kind", "date", "title", "attendees", "lead", "department"], required: ["id", "kind"],
            sortKey: { [$0.id] }, diffKey: { $0.id }, extra: \.extra,
            decode: { r in
                guard let id = r.key("id") else { return nil }
                return Meeting(
                    id: id, kind: r.choice("kind", default: MeetingKind.survey, parse: MeetingKind.init(parsing:)), date: r.day("date"),
                    title: r.text("title"), attendees: r.text("attendees"), lead: r.text("lead"), department: r.text("department"))
            },
            encode: { [$0.id, $0.kind.rawValue, opt($0.date), $0.title, $0.attendees, $0.lead, $0.department] })
    }

    /// The requirements as each survey meeting left them: the meeting's id, then requirements.csv's columns.
    static var meetingRequirements: TableSpec<MeetingRequirement> {
        let req = requirements
        return TableSpec(
            file: "meeting_requirements.csv", columns: ["meeting"] + req.columns, required: ["meeting", "id", "department", "title"],
            sortKey: { [$0.meeting, $0.requirement.id] }, diffKey: { "\($0.meeting)/\($0.requirement.id)" }, extra: \.requirement.extra,
            decode: { r in
                guard let meeting = r.key("meeting"), let q = req.decode(r) else { return nil }
                return MeetingRequirement(meeting: meeting, requirement: q)
            },
            encode: { [$0.meeting] + req.encode($0.requirement) })
    }

    /// The panel's note on a cell of the vendor matrix (lead only; sealed until the reveal).
    static var discussion: TableSpec<DiscussionNote> {
        TableSpec(
            file: "discussion.csv", columns: ["vendor", "criterion", "note"], required: ["vendor", "criterion"],
            sortKey: { [$0.vendor, $0.criterion] }, diffKey: { "\($0.vendor)/\($0.criterion)" }, extra: \.extra,
            decode: { r in
                guard let vendor = r.key("vendor"), let criterion = r.key("criterion") else { return nil }
                return DiscussionNote(vendor: vendor, criterion: criterion, note: r.text("note"))
            },
            encode: { [$0.vendor, $0.criterion, $0.note] })
    }

    /// The fixed tables in README order (scores and AHP files are per evaluator / per parent).
    static let tableFiles =
        [
            "departments.csv", "requirements.csv", "criteria.csv", "vendors.csv", "gates.csv", "prices.csv",
            "budget.csv", "payments.csv", "contracts.csv", "reviews.csv", "changes.csv", "risks.csv", "scenarios.csv", "survey.csv",
            "playbook.csv", "meetings.csv", "meeting_requirements.csv", "discussion.csv",
        ] + deliveryFiles

    /// Allowed values of the status columns kept as text in the model.
    static let paymentStatuses = ["planned", "due", "paid"]
    static let contractStatuses = ["draft", "review", "signed", "active", "expired", "terminated"]
    static let changeStatuses = ["proposed", "approved", "rejected"]
    static let riskStatuses = ["open", "watching", "closed"]

    /// AHP file name of a parent criterion: `ahp/<parent>.csv`, `ahp/top.csv` for the top level ("").
    static func ahpFile(parent: String) -> String { "ahp/\(parent.isEmpty ? "top" : parent).csv" }
    static func ahpParent(fileName: String) -> String {
        let base = String(fileName.dropLast(4))
        return base == "top" ? "" : base
    }
    static func scoresFile(evaluator: String) -> String { "scores/\(evaluator).csv" }
}
