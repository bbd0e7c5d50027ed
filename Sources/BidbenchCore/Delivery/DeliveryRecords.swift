/// A point in time to the minute, local wall-clock time (no time zone), for support tickets:
/// `2027-03-04 09:30` or `2027-03-04T09:30` (a bare date is midnight).
public struct Moment: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since 0000-03-01 (the `Day` ordinal times 1440 plus the time of day).
    public var minutes: Int

    public init(day: Day, hour: Int = 0, minute: Int = 0) { minutes = day.ordinal * 1440 + hour * 60 + minute }

    public init(minutes: Int) { self.minutes = minutes }

    /// Reads `YYYY-MM-DD HH:MM`, `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD`; nil for anything else.
    public init?(parsing text: String) {
        let t = text.trimmed
        let parts = t.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard (1...2).contains(parts.count), let day = Day(iso: String(parts[0])) else { return nil }
        var h = 0
        var m = 0
        if parts.count == 2 {
            let hm = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(hm.count), hm.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
                let hh = Int(hm[0]), let mm = Int(hm[1]), (0...23).contains(hh), (0...59).contains(mm)
            else { return nil }
            if hm.count == 3 { guard let ss = Int(hm[2]), (0...59).contains(ss) else { return nil } }
            h = hh
            m = mm
        }
        self.init(day: day, hour: h, minute: m)
    }

    /// What a person types in a form: the date as `Day(typed:)` reads it (`2027-05-10`,
    /// `2027/5/10`, `2027年5月10日`), then optionally the time (`9:30`, `09:30`) after a space, a `T`
    /// or right after `日`; nil for anything else. (Full-width digits are the caller's to normalise.)
    public init?(typed text: String) {
        let t = text.trimmed
        if let m = Moment(parsing: t) {
            self = m
            return
        }
        let date: Substring
        let time: Substring
        if let r = t.firstIndex(of: "日") {
            date = t[...r]
            time = t[t.index(after: r)...].drop { $0 == " " || $0 == "T" }
        } else {
            let parts = t.split(whereSeparator: { $0 == " " || $0 == "T" })
            guard (1...2).contains(parts.count) else { return nil }
            date = parts[0]
            time = parts.count == 2 ? parts[1] : ""
        }
        guard let day = Day(typed: String(date)) else { return nil }
        guard !time.isEmpty else {
            self.init(day: day)
            return
        }
        let hm = time.split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2, (1...2).contains(hm[0].count), hm[1].count == 2,
            hm.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let h = Int(hm[0]), let m = Int(hm[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        self.init(day: day, hour: h, minute: m)
    }

    /// The calendar day.
    public var day: Day { Day(ordinal: minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440) }

    /// `2027-03-04 09:30`.
    public var description: String {
        let r = ((minutes % 1440) + 1440) % 1440
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day) \(two(r / 60)):\(two(r % 60))"
    }

    public static func < (a: Moment, b: Moment) -> Bool { a.minutes < b.minutes }
}

/// A phase of the implementation plan: the six of the guide's §三, or a workspace's own (`.other`).
public enum DeliveryPhase: Hashable, Sendable {
    case assessment, technicalPlan, dataMigration, testing, goLive, optimisation
    case other(String)

    /// The guide's phases in their order.
    public static let standard: [DeliveryPhase] = [.assessment, .technicalPlan, .dataMigration, .testing, .goLive, .optimisation]

    /// Reads an id or a name in either language (`data_migration`, `数据迁移`); anything else is a custom phase.
    public init(parsing text: String) {
        let t = text.trimmed
        let key = String(t.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        switch key {
        case "assessment", "系统评估", "评估", "现状评估": self = .assessment
        case "technical_plan", "plan", "技术方案", "方案设计", "方案": self = .technicalPlan
        case "data_migration", "migration", "数据迁移", "迁移": self = .dataMigration
        case "testing", "test", "测试", "系统测试": self = .testing
        case "go_live", "golive", "上线", "系统上线", "上线切换": self = .goLive
        case "optimisation", "optimization", "优化", "上线后优化", "持续优化": self = .optimisation
        default: self = .other(t)
        }
    }

    /// The id written in files and JSON (`data_migration`; a custom phase keeps its text).
    public var id: String {
        switch self {
        case .assessment: return "assessment"
        case .technicalPlan: return "technical_plan"
        case .dataMigration: return "data_migration"
        case .testing: return "testing"
        case .goLive: return "go_live"
        case .optimisation: return "optimisation"
        case .other(let t): return t
        }
    }

    /// The name people read, in English or Chinese.
    public func name(chinese: Bool) -> String {
        switch self {
        case .assessment: return chinese ? "系统评估" : "Assessment"
        case .technicalPlan: return chinese ? "技术方案" : "Technical plan"
        case .dataMigration: return chinese ? "数据迁移" : "Data migration"
        case .testing: return chinese ? "测试" : "Testing"
        case .goLive: return chinese ? "上线" : "Go-live"
        case .optimisation: return chinese ? "上线后优化" : "Optimisation"
        case .other(let t): return t
        }
    }
}

/// A closed set of values read from a file, with `.other` keeping text Bidbench does not know
/// (the validator reports it; nothing typed is dropped).
public protocol OpenChoice: Hashable, Sendable {
    /// The known values and their spellings (id first, then synonyms in either language).
    static var spellings: [(Self, [String])] { get }
    static func other(_ text: String) -> Self
    var otherText: String? { get }
}

extension OpenChoice {
    /// The value for a cell, in any known spelling (case-insensitive), else `.other(text)`.
    public init(parsing text: String) {
        let t = text.trimmed.lowercased()
        for (v, names) in Self.spellings where names.contains(t) {
            self = v
            return
        }
        self = Self.other(text.trimmed)
    }
    /// The id written back to files.
    public var id: String { otherText ?? Self.spellings.first { $0.0 == self }!.1[0] }
    /// The known ids, for messages.
    public static var ids: [String] { spellings.map { $0.1[0] } }
    public var isKnown: Bool { otherText == nil }
}

public enum TaskStatus: OpenChoice {
    case planned, inProgress, done, blocked, cancelled
    case other(String)
    public static let spellings: [(TaskStatus, [String])] = [
        (.planned, ["planned", "计划", "未开始", "待开始", ""]), (.inProgress, ["in_progress", "进行中", "in progress", "started"]),
        (.done, ["done", "完成", "已完成"]), (.blocked, ["blocked", "受阻", "阻塞"]), (.cancelled, ["cancelled", "取消", "已取消"]),
    ]
    public var otherText: String? { if case .other(let t) = self { return t } else { return nil } }
}

public enum TestResult: OpenChoice {
    case pass, fail, pending
    case other(String)
    public static let spellings: [(TestResult, [String])] = [
        (.pass, ["pass", "passed", "通过", "合格"]), (.fail, ["fail", "failed", "不通过", "未通过", "不合格"]),
        (.pending, ["pending", "待测", "未测", "待定", ""]),
    ]
    public var otherText: String? { if case .other(let t) = self { return t } else { return nil } }
}

public enum TrainingMode: OpenChoice {
    case online, offline, onsite
    case other(String)
    public static let spellings: [(TrainingMode, [String])] = [
        (.online, ["online", "线上", "在线"]), (.offline, ["offline", "线下", "集中"]), (.onsite, ["onsite", "on-site", "现场"]),
    ]
    public var otherText: String? { if case .other(let t) = self { return t } else { return nil } }
}

public enum HandoverStatus: OpenChoice {
    case open, done, notApplicable
    case other(String)
    public static let spellings: [(HandoverStatus, [String])] = [
        (.open, ["open", "待办", "未完成", ""]), (.done, ["done", "完成", "已完成"]), (.notApplicable, ["n/a", "不适用"]),
    ]
    public var otherText: String? { if case .other(let t) = self { return t } else { return nil } }
}

/// A task of a contract's implementation plan (`tasks.csv`).
public struct DeliveryTask: Equatable, Sendable {
    public var contract: String
    public var id: String
    public var phase: DeliveryPhase
    public var title: String
    public var owner = ""
    public var plannedStart: Day?
    public var plannedEnd: Day?
    public var actualStart: Day?
    public var actualEnd: Day?
    public var status: TaskStatus = .planned
    /// Ids of tasks of the same contract that must finish first.
    public var dependsOn: [String] = []
    public var extra: [String: String] = [:]
    public init(
        contract: String, id: String, phase: DeliveryPhase, title: String, owner: String = "", plannedStart: Day? = nil,
        plannedEnd: Day? = nil, actualStart: Day? = nil, actualEnd: Day? = nil, status: TaskStatus = .planned, dependsOn: [String] = []
    ) {
        self.contract = contract
        self.id = id
        self.phase = phase
        self.title = title
        self.owner = owner
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.actualStart = actualStart
        self.actualEnd = actualEnd
        self.status = status
        self.dependsOn = dependsOn
    }
}

/// An acceptance test (`acceptance.csv`): the requirements it proves, its criterion and result.
public struct AcceptanceTest: Equatable, Sendable {
    public var contract: String
    /// `A1.2` belongs to acceptance `A1` (a payment condition naming `A1` waits for all of them).
    public var id: String
    public var requirements: [String]
    public var criterion = ""
    public var result: TestResult = .pending
    public var date: Day?
    public var tester = ""
    /// The evidence: a report, a screenshot, a log.
    public var note = ""
    /// Runs so far (1 = the first); a pass on the first run is a first-pass acceptance.
    public var attempts = 1
    public var extra: [String: String] = [:]
    public init(
        contract: String, id: String, requirements: [String], criterion: String = "", result: TestResult = .pending,
        date: Day? = nil, tester: String = "", note: String = "", attempts: Int = 1
    ) {
        self.contract = contract
        self.id = id
        self.requirements = requirements
        self.criterion = criterion
        self.result = result
        self.date = date
        self.tester = tester
        self.note = note
        self.attempts = attempts
    }
}

/// A training session (`training.csv`).
public struct TrainingSession: Equatable, Sendable {
    public var contract: String
    public var id: String
    /// The user level: `basic` (普通员工), `advanced` (管理人员), `admin`, or the workspace's own.
    public var level: String
    public var module: String
    public var date: Day?
    public var mode: TrainingMode = .offline
    public var trainer = ""
    public var planned = 0
    public var present = 0
    /// The pass rate the session aims at, in percent (80 = 80 %).
    public var passTarget: Double = 80
    public var extra: [String: String] = [:]
    public init(
        contract: String, id: String, level: String, module: String, date: Day? = nil, mode: TrainingMode = .offline,
        trainer: String = "", planned: Int = 0, present: Int = 0, passTarget: Double = 80
    ) {
        self.contract = contract
        self.id = id
        self.level = level
        self.module = module
        self.date = date
        self.mode = mode
        self.trainer = trainer
        self.planned = planned
        self.present = present
        self.passTarget = passTarget
    }
}

/// One attendee's exam or practical test (`training_results.csv`); no score = registered but absent.
public struct TrainingResult: Equatable, Sendable {
    public var session: String
    public var person: String
    public var department = ""
    /// 0–100; nil when the person did not sit the test.
    public var score: Double?
    /// nil = decided by the score (≥ 60 passes).
    public var passed: Bool?
    public var extra: [String: String] = [:]
    public init(session: String, person: String, department: String = "", score: Double? = nil, passed: Bool? = nil) {
        self.session = session
        self.person = person
        self.department = department
        self.score = score
        self.passed = passed
    }
    /// The pass mark when `passed` is not given.
    public static let passMark: Double = 60
    /// Whether the person passed: the `passed` cell, else score ≥ 60; false when absent.
    public var hasPassed: Bool { passed ?? (score.map { $0 >= Self.passMark } ?? false) }
}

/// A support ticket (`tickets.csv`), as the vendor's or the help desk's export gives it.
public struct SupportTicket: Equatable, Sendable {
    public var contract: String
    public var id: String
    /// 1 (highest) to 4, as the contract's SLA numbers them.
    public var severity: Int
    public var module = ""
    public var opened: Moment
    public var firstResponse: Moment?
    public var resolved: Moment?
    public var note = ""
    public var extra: [String: String] = [:]
    public init(
        contract: String, id: String, severity: Int, module: String = "", opened: Moment, firstResponse: Moment? = nil,
        resolved: Moment? = nil, note: String = ""
    ) {
        self.contract = contract
        self.id = id
        self.severity = severity
        self.module = module
        self.opened = opened
        self.firstResponse = firstResponse
        self.resolved = resolved
        self.note = note
    }
}

/// The contract's support SLA for one severity (`sla.csv`), entered by hand from the contract.
public struct SLATerm: Equatable, Sendable {
    public var contract: String
    public var severity: Int
    /// Hours allowed to the first response; nil = not set.
    public var responseHours: Double?
    /// Hours allowed to the resolution; nil = not set.
    public var resolutionHours: Double?
    /// Penalty per breached ticket (response or resolution, each counted), where the contract sets one.
    public var penaltyPerBreach: Money?
    public var extra: [String: String] = [:]
    public init(contract: String, severity: Int, responseHours: Double?, resolutionHours: Double?, penaltyPerBreach: Money? = nil) {
        self.contract = contract
        self.severity = severity
        self.responseHours = responseHours
        self.resolutionHours = resolutionHours
        self.penaltyPerBreach = penaltyPerBreach
    }
}

/// A periodic scorecard of a vendor (`vendor_reviews.csv`). Percentages are 0–100.
public struct VendorReview: Equatable, Sendable {
    public var vendor: String
    /// `2027-Q1` or `2027-03`.
    public var period: String
    public var onTimePct: Double
    public var acceptanceFirstPassPct: Double
    public var slaPct: Double
    public var trainingPassPct: Double
    /// The departments' satisfaction survey, 1–5.
    public var satisfaction: Double
    /// As written in the file; nil = computed by `VendorScorecard.score`.
    public var score: Double?
    public var note = ""
    public var reviewer = ""
    public var extra: [String: String] = [:]
    public init(
        vendor: String, period: String, onTimePct: Double, acceptanceFirstPassPct: Double, slaPct: Double, trainingPassPct: Double,
        satisfaction: Double, score: Double? = nil, note: String = "", reviewer: String = ""
    ) {
        self.vendor = vendor
        self.period = period
        self.onTimePct = onTimePct
        self.acceptanceFirstPassPct = acceptanceFirstPassPct
        self.slaPct = slaPct
        self.trainingPassPct = trainingPassPct
        self.satisfaction = satisfaction
        self.score = score
        self.note = note
        self.reviewer = reviewer
    }
}

/// One department's answer to the review's short survey (`review_satisfaction.csv`): how satisfied
/// its users are with the vendor in a period, 1–5. The review's satisfaction is their mean.
public struct DepartmentSatisfaction: Equatable, Sendable {
    public var vendor: String
    /// The review's period (`2027-Q2`, `2027-04`).
    public var period: String
    public var department: String
    public var score: Double
    public var note = ""
    public var extra: [String: String] = [:]
    public init(vendor: String, period: String, department: String, score: Double, note: String = "") {
        self.vendor = vendor
        self.period = period
        self.department = department
        self.score = score
        self.note = note
    }
}

/// One line of a contract's exit / handover checklist (`handover.csv`).
public struct HandoverItem: Equatable, Sendable {
    public var contract: String
    /// A standard item id (`data_export`, …) or the workspace's own text.
    public var item: String
    public var status: HandoverStatus = .open
    public var date: Day?
    public var note = ""
    public var extra: [String: String] = [:]
    public init(contract: String, item: String, status: HandoverStatus = .open, date: Day? = nil, note: String = "") {
        self.contract = contract
        self.item = item
        self.status = status
        self.date = date
        self.note = note
    }
}

/// Everything recorded after signing, one array per file.
public struct DeliveryRecords: Equatable, Sendable {
    public var tasks: [DeliveryTask] = []
    public var acceptance: [AcceptanceTest] = []
    public var training: [TrainingSession] = []
    public var trainingResults: [TrainingResult] = []
    public var tickets: [SupportTicket] = []
    public var sla: [SLATerm] = []
    public var vendorReviews: [VendorReview] = []
    public var handover: [HandoverItem] = []
    public var availability: [AvailabilityRecord] = []
    /// The departments' satisfaction scores of the vendor reviews.
    public var satisfaction: [DepartmentSatisfaction] = []
    public init() {}
    /// True when nothing has been recorded.
    public var isEmpty: Bool { self == DeliveryRecords() }
}
