/// The whole workspace as plain values. Every record keeps `extra`: the columns of its file that
/// this version of Bidbench does not know, written back unchanged on save.
public struct Workspace: Equatable, Sendable {
    public var settings = Settings()
    public var departments: [Department] = []
    public var requirements: [Requirement] = []
    public var criteria: [Criterion] = []
    public var vendors: [Vendor] = []
    public var gates: [GateAnswer] = []
    public var prices: [PriceLine] = []
    /// Scores keyed by evaluator name (one `scores/<evaluator>.csv` each).
    public var scores: [String: [Score]] = [:]
    public var budget: [BudgetEnvelope] = []
    public var payments: [PaymentMilestone] = []
    public var contracts: [Contract] = []
    public var reviews: [ClauseReview] = []
    public var changes: [ChangeOrder] = []
    public var risks: [Risk] = []
    /// What happens after signing: plan, acceptance, training, support, reviews, handover.
    public var delivery = DeliveryRecords()
    /// Named what-if scenarios for the budget (基准 / 扩张 / 保守).
    public var scenarios: [NamedScenario] = []
    /// The workspace's own survey questionnaire (`survey.csv`); empty = `Survey.defaultQuestions`.
    public var survey: [SurveyQuestion] = []
    /// The buyer's playbook (`playbook.csv`): severity, on/off and positions per red-flag kind; empty =
    /// `Playbook.defaultRows`. Use `Playbook(workspace.playbook)` to review with it.
    public var playbook: [PlaybookEntry] = []
    /// Meetings (`meetings.csv`): what heads each handout.
    public var meetings: [Meeting] = []
    /// The requirements as each survey meeting left them (`meeting_requirements.csv`).
    public var meetingRequirements: [MeetingRequirement] = []
    /// What the panel said about a cell of the vendor matrix (`discussion.csv`), written by the lead.
    public var discussion: [DiscussionNote] = []
    /// Contract texts keyed by the `file` column of contracts.csv (path relative to the workspace).
    public var contractTexts: [String: String] = [:]
    /// What the reader has to say about a contract text, by the same key: why there is none (the file
    /// is missing, or is no text), or how it was read (GB18030, UTF-16). Only that contract is affected:
    /// the rest of the workspace stays writable.
    public var contractTextNotes: [String: Notice] = [:]
    /// AHP pairwise matrices keyed by the parent criterion id ("" for the top level).
    public var ahp: [String: PairwiseMatrix] = [:]

    public init() {}

    /// Sorted evaluator names.
    public var evaluators: [String] { scores.keys.sorted() }
}

/// `workspace.json`.
public struct Settings: Equatable, Sendable {
    public var schema = 1
    public var name = ""
    /// ISO 4217 code; amounts are in its minor unit (1/100).
    public var currency = "CNY"
    /// Month-day the fiscal year starts, `MM-DD`.
    public var fiscalYearStart = "01-01"
    /// The calendar year in which year 1 of the horizon falls.
    public var firstYear = 2027
    /// `zh` or `en`.
    public var language = "zh"
    /// Top of the scoring scale (scores run 0…scale).
    public var scale: Double = 10
    /// `wsm`, `topsis` or `cn` (another spelling is kept as `.other` and reported by validation).
    public var method: Coded<ScoringMethod> = .known(.wsm)
    /// `mean` or `median`.
    public var aggregate: Coded<PanelAggregate> = .known(.mean)
    /// For 87号令: `goods` or `services`.
    public var procurementKind: Coded<ProcurementKind> = .known(.services)
    /// Small/micro-enterprise price deduction in percent (10–20 under the 2022 rules).
    public var smeDeductionPercent: Double = 10
    /// Whether the lead has revealed all evaluators' scores to the panel. New workspaces start blind.
    public var revealed = false
    public var horizonYears = 5
    public var users = 100
    public var userGrowth: Double = 0
    public var escalation: Double = 0
    public var discountRate: Double = 0
    /// Envelope warning and stop thresholds as fractions of the envelope.
    public var budgetWarn: Double = 0.9
    public var budgetStop: Double = 1.0
    /// Keys this version does not know, kept as raw JSON text on save.
    public var extra: [String: String] = [:]
    public init() {}
}

public struct Department: Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var contact = ""
    public var headCount = 0
    public var extra: [String: String] = [:]
    public init(id: String, name: String, contact: String = "", headCount: Int = 0) {
        self.id = id
        self.name = name
        self.contact = contact
        self.headCount = headCount
    }
}

/// MoSCoW priority.
public enum Priority: String, CaseIterable, Sendable, Comparable {
    case must, should, could
    case wont = "won't"

    /// Accepts English and Chinese forms, as the requirement form does: must/必须/高/1, should/应该/中/2,
    /// could/可以/低/3, won't/wont/暂不/4 (any case).
    public init?(parsing text: String) {
        // The saved form first: lower-casing every cell of 20 000 rows was most of reading the column.
        if let saved = Priority(rawValue: text) {
            self = saved
            return
        }
        switch text.trimmed.lowercased() {
        case "must", "m", "必须", "必须有", "必需", "1", "高", "high": self = .must
        case "should", "s", "应该", "应该有", "应当", "2", "中", "medium": self = .should
        case "could", "c", "可以", "可以有", "可选", "3", "低", "low": self = .could
        case "won't", "wont", "w", "暂不", "不做", "暂不考虑", "won’t", "4": self = .wont
        default: return nil
        }
    }
    public var rank: Int { Priority.allCases.firstIndex(of: self)! }
    /// The one default weight of a requirement of this priority, used by every path that creates one
    /// (survey, form, import, a CSV row with a blank weight): must 5, should 3, could 2, won't 1.
    public var defaultWeight: Double {
        switch self {
        case .must: return 5
        case .should: return 3
        case .could: return 2
        case .wont: return 1
        }
    }
    public static func < (a: Priority, b: Priority) -> Bool { a.rank < b.rank }
}

public enum RequirementStatus: String, CaseIterable, Sendable {
    case draft, confirmed, merged, dropped
    public init?(parsing text: String) {
        if let saved = RequirementStatus(rawValue: text) {
            self = saved
            return
        }
        switch text.trimmed.lowercased() {
        case "draft", "草稿", "": self = .draft
        case "confirmed", "已确认", "确认": self = .confirmed
        case "merged", "已合并", "合并": self = .merged
        case "dropped", "已放弃", "放弃": self = .dropped
        default: return nil
        }
    }
}

public struct Requirement: Equatable, Sendable, Identifiable {
    public var id: String
    public var department: String
    public var module: String
    public var title: String
    public var detail = ""
    public var priority: Priority = .should
    public var weight: Double = 1
    public var acceptance = ""
    public var status: RequirementStatus = .draft
    /// The criterion this requirement rolls up to (criteria.csv id), may be empty.
    public var criterion = ""
    /// Where it came from: `生产部 2026-11-20 调研`, or several sources joined by `; ` after a merge.
    public var source = ""
    public var extra: [String: String] = [:]
    public init(
        id: String, department: String, module: String, title: String, detail: String = "",
        priority: Priority = .should, weight: Double = 1, acceptance: String = "",
        status: RequirementStatus = .draft, criterion: String = "", source: String = ""
    ) {
        self.id = id
        self.department = department
        self.module = module
        self.title = title
        self.detail = detail
        self.priority = priority
        self.weight = weight
        self.acceptance = acceptance
        self.status = status
        self.criterion = criterion
        self.source = source
    }
}

public enum CriterionKind: String, Sendable, CaseIterable { case benefit, cost }

/// Where a criterion's values come from: the panel's scores, the vendor's price, or the vendor's
/// latest delivery review (`vendor_reviews.csv`, score ÷ 100 × scale): past performance.
public enum CriterionSource: String, Sendable, CaseIterable {
    case panel, price
    case pastPerformance = "past_performance"
}

public struct Criterion: Equatable, Sendable, Identifiable {
    public var id: String
    public var parent = ""
    public var name: String
    public var kind: CriterionKind = .benefit
    public var weight: Double
    public var source: CriterionSource = .panel
    public var extra: [String: String] = [:]
    public init(
        id: String, parent: String = "", name: String, kind: CriterionKind = .benefit,
        weight: Double, source: CriterionSource = .panel
    ) {
        self.id = id
        self.parent = parent
        self.name = name
        self.kind = kind
        self.weight = weight
        self.source = source
    }
}

public struct Vendor: Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var contact = ""
    public var qualifications = ""
    public var references = ""
    public var notes = ""
    /// Small or micro enterprise (87号令 price deduction applies).
    public var sme = false
    /// The evaluated bid price (投标报价); when nil the horizon TCO is used.
    public var bidPrice: Money?
    public var extra: [String: String] = [:]
    public init(
        id: String, name: String, contact: String = "", qualifications: String = "",
        references: String = "", notes: String = "", sme: Bool = false, bidPrice: Money? = nil
    ) {
        self.id = id
        self.name = name
        self.contact = contact
        self.qualifications = qualifications
        self.references = references
        self.notes = notes
        self.sme = sme
        self.bidPrice = bidPrice
    }
}

public enum GateResult: String, Sendable, CaseIterable { case meets, partly, no }

/// A vendor's answer to a `must` requirement (a knock-out gate).
public struct GateAnswer: Equatable, Sendable {
    public var vendor: String
    public var requirement: String
    public var answer: GateResult
    public var note: String
    public var extra: [String: String]
    /// Inlinable, each property set once: made 800 000 times by the reader of `gates.csv` in another
    /// module, where a call (and default values set before the arguments) copied and destroyed the
    /// whole answer.
    @inlinable
    public init(vendor: String, requirement: String, answer: GateResult, note: String = "") {
        self.vendor = vendor
        self.requirement = requirement
        self.answer = answer
        self.note = note
        self.extra = [:]
    }
}

public enum CostCategory: String, Sendable, CaseIterable {
    case license, subscription, implementation, customization, data_migration, training, maintenance, hardware, other
}

public enum PricingModel: String, Sendable, CaseIterable {
    case one_time, annual, per_user_annual, per_user_one_time, percent_of_license
}

public struct PriceLine: Equatable, Sendable {
    public var vendor: String
    public var item: String
    public var category: CostCategory
    public var model: PricingModel
    /// The price per unit. For `percent_of_license` it is the percentage instead, read with the same
    /// exact decimal parser: `18` means 18 %, so `unitPrice.minor` is the percent in hundredths (1800).
    public var unitPrice: Money
    public var quantity: Int = 1
    /// Year of the horizon in which the line starts (1-based); nil = model default.
    public var startYear: Int?
    /// How many years it runs; nil = to the end of the horizon.
    public var years: Int?
    public var notes = ""
    public var extra: [String: String] = [:]
    public init(
        vendor: String, item: String, category: CostCategory, model: PricingModel,
        unitPrice: Money, quantity: Int = 1, startYear: Int? = nil,
        years: Int? = nil, notes: String = ""
    ) {
        self.vendor = vendor
        self.item = item
        self.category = category
        self.model = model
        self.unitPrice = unitPrice
        self.quantity = quantity
        self.startYear = startYear
        self.years = years
        self.notes = notes
    }
}

public struct Score: Equatable, Sendable {
    public var vendor: String
    public var criterion: String
    public var score: Double
    public var note = ""
    public var extra: [String: String] = [:]
    public init(vendor: String, criterion: String, score: Double, note: String = "") {
        self.vendor = vendor
        self.criterion = criterion
        self.score = score
        self.note = note
    }
}

/// The panel's discussion of one cell of the vendor matrix (`discussion.csv`): the lead writes what
/// was agreed about a disputed (⚑) cell, and the scoring handout prints it under that cell. It is
/// about the scores, so it is sealed with them until the reveal.
public struct DiscussionNote: Equatable, Sendable {
    public var vendor: String
    public var criterion: String
    public var note: String
    public var extra: [String: String] = [:]
    public init(vendor: String, criterion: String, note: String) {
        self.vendor = vendor
        self.criterion = criterion
        self.note = note
    }
}

extension Workspace {
    /// The discussion note of a cell ("" when none was written).
    public func discussionNote(vendor: String, criterion: String) -> String {
        discussion.first { $0.vendor == vendor && $0.criterion == criterion }?.note ?? ""
    }
}

public struct BudgetEnvelope: Equatable, Sendable {
    public var fiscalYear: Int
    public var costCenter: String
    /// A cost category, or empty / `all` for every category.
    public var category: String
    public var amount: Money
    public var extra: [String: String] = [:]
    public init(fiscalYear: Int, costCenter: String, category: String, amount: Money) {
        self.fiscalYear = fiscalYear
        self.costCenter = costCenter
        self.category = category
        self.amount = amount
    }
}

public struct PaymentMilestone: Equatable, Sendable {
    public var contract: String
    public var milestone: String
    public var percent: Double
    public var due: Day?
    public var condition = ""
    public var status = "planned"
    public var extra: [String: String] = [:]
    public init(contract: String, milestone: String, percent: Double, due: Day?, condition: String = "", status: String = "planned") {
        self.contract = contract
        self.milestone = milestone
        self.percent = percent
        self.due = due
        self.condition = condition
        self.status = status
    }
}

public struct Contract: Equatable, Sendable, Identifiable {
    public var id: String
    public var vendor: String
    public var title: String
    /// Path of the text, relative to the workspace (normally `contracts/…`).
    public var file: String
    public var signed: Day?
    public var effective: Day?
    public var termMonths: Int = 12
    public var autoRenew = false
    public var renewalMonths: Int = 12
    public var noticeDays: Int = 0
    public var value: Money = .zero
    public var warrantyMonths: Int = 0
    public var status = "draft"
    public var extra: [String: String] = [:]
    public init(
        id: String, vendor: String, title: String, file: String, signed: Day? = nil, effective: Day? = nil,
        termMonths: Int = 12, autoRenew: Bool = false, renewalMonths: Int = 12, noticeDays: Int = 0,
        value: Money = .zero, warrantyMonths: Int = 0, status: String = "draft"
    ) {
        self.id = id
        self.vendor = vendor
        self.title = title
        self.file = file
        self.signed = signed
        self.effective = effective
        self.termMonths = termMonths
        self.autoRenew = autoRenew
        self.renewalMonths = renewalMonths
        self.noticeDays = noticeDays
        self.value = value
        self.warrantyMonths = warrantyMonths
        self.status = status
    }
}

/// The 22 clause kinds of DESIGN §3, in checklist order.
public enum ClauseKind: String, Sendable, CaseIterable {
    case scope, fees, payment, services, support_sla, warranty, acceptance, liability, penalty, term, renewal,
        termination, data_return, data_security, privacy, confidentiality, change_control, price_change, ip,
        dispute_resolution, governing_law, force_majeure
}

public enum ReviewStatus: String, Sendable, CaseIterable {
    case ok, negotiate, missing
    case na = "n/a"
}

public struct ClauseReview: Equatable, Sendable {
    public var contract: String
    public var clause: ClauseKind
    public var status: ReviewStatus
    public var line: Int?
    public var note = ""
    public var extra: [String: String] = [:]
    public init(contract: String, clause: ClauseKind, status: ReviewStatus, line: Int? = nil, note: String = "") {
        self.contract = contract
        self.clause = clause
        self.status = status
        self.line = line
        self.note = note
    }
}

public struct ChangeOrder: Equatable, Sendable {
    public var contract: String
    public var id: String
    public var date: Day?
    public var description: String
    public var priceDelta: Money
    /// `proposed`, `approved` or `rejected`; only approved ones change the contract value.
    public var status = "proposed"
    public var extra: [String: String] = [:]
    public init(contract: String, id: String, date: Day?, description: String, priceDelta: Money, status: String = "proposed") {
        self.contract = contract
        self.id = id
        self.date = date
        self.description = description
        self.priceDelta = priceDelta
        self.status = status
    }
}

public enum RiskType: String, Sendable, CaseIterable {
    case technical, market, personnel, vendor, data_security, compliance, financial
}

public struct Risk: Equatable, Sendable, Identifiable {
    public var id: String
    public var type: RiskType
    public var title: String
    public var likelihood: Int
    public var impact: Int
    public var mitigation = ""
    public var owner = ""
    /// Early-warning trigger, e.g. `milestone_overdue`, `notice_within`, `budget_used`.
    public var trigger = ""
    public var threshold = ""
    public var status = "open"
    public var extra: [String: String] = [:]
    public init(
        id: String, type: RiskType, title: String, likelihood: Int, impact: Int, mitigation: String = "",
        owner: String = "", trigger: String = "", threshold: String = "", status: String = "open"
    ) {
        self.id = id
        self.type = type
        self.title = title
        self.likelihood = likelihood
        self.impact = impact
        self.mitigation = mitigation
        self.owner = owner
        self.trigger = trigger
        self.threshold = threshold
        self.status = status
    }
}

/// A named budget scenario (`scenarios.csv`): each empty field keeps the workspace.json value. Rates
/// stay text so they are read exactly (`0.1`, `10%`).
public struct NamedScenario: Equatable, Sendable {
    public var name: String
    public var years = ""
    public var users = ""
    public var growth = ""
    public var escalation = ""
    public var discountRate = ""
    public var extra: [String: String] = [:]
    public init(
        name: String, years: String = "", users: String = "", growth: String = "", escalation: String = "", discountRate: String = ""
    ) {
        self.name = name
        self.years = years
        self.users = users
        self.growth = growth
        self.escalation = escalation
        self.discountRate = discountRate
    }
}

/// A reciprocal pairwise comparison matrix for AHP.
public struct PairwiseMatrix: Equatable, Sendable {
    public var names: [String]
    /// values[i][j] = how much more important names[i] is than names[j].
    public var values: [[Double]]
    public init(names: [String], values: [[Double]]) {
        self.names = names
        self.values = values
    }
}
