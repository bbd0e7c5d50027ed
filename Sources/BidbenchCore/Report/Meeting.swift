/// The kind of meeting a handout is for (`meetings.csv`'s `kind`).
public enum MeetingKind: String, Sendable, CaseIterable {
    case survey, scoring, budget, legal, delivery

    /// `survey`, `调研`, `Scoring`, `评标`…: the English ids and their Chinese names.
    public init?(parsing text: String) {
        switch text.trimmed.lowercased() {
        case "survey", "调研", "需求调研": self = .survey
        case "scoring", "评分", "评标", "评审": self = .scoring
        case "budget", "预算": self = .budget
        case "legal", "合同", "法务", "合同审查": self = .legal
        case "delivery", "交付", "实施": self = .delivery
        default: return nil
        }
    }

    /// The meeting's name as a handout heads it.
    public func title(_ l: ReportLanguage) -> String {
        switch self {
        case .survey: return l.pick("Needs survey", "需求调研会")
        case .scoring: return l.pick("Vendor scoring", "评标会")
        case .budget: return l.pick("Budget walkthrough", "预算评审会")
        case .legal: return l.pick("Contract review", "合同审查会")
        case .delivery: return l.pick("Delivery review", "交付评审会")
        }
    }
}

/// One meeting (`meetings.csv`): entered once with `:meeting`, it heads every handout of its kind
/// written that day, and the previous one of the same kind is where "changes since" start.
public struct Meeting: Equatable, Sendable, Identifiable {
    public var id: String
    public var kind: MeetingKind
    public var date: Day?
    public var title: String
    /// Who took part, as typed (names separated by `;`, `,`, `、` or `，`).
    public var attendees: String
    /// Who led the meeting.
    public var lead: String
    /// A survey meeting's department (its id; empty = every department, or a meeting of another kind).
    public var department: String
    public var extra: [String: String] = [:]
    public init(
        id: String, kind: MeetingKind, date: Day?, title: String, attendees: String = "", lead: String = "", department: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.date = date
        self.title = title
        self.attendees = attendees
        self.lead = lead
        self.department = department
    }

    /// The number in `M12` (0 for another id): meetings of one day are ordered by it.
    var number: Int { id.hasPrefix("M") ? Int(id.dropFirst()) ?? 0 : 0 }

    /// Whether the meeting was held before `other`: an earlier day, or the same day and entered first.
    func isBefore(_ other: Meeting) -> Bool {
        guard let a = date, let b = other.date else { return false }
        return a == b ? number < other.number : a < b
    }

    /// The attendees one by one.
    public var attendeeList: [String] {
        attendees.split(whereSeparator: { ";,、，；".contains($0) }).map { String($0).trimmed }.filter { !$0.isEmpty }
    }
}

extension Workspace {
    /// The meeting of `kind` held on `day` (the last one entered when there are several).
    public func meeting(_ kind: MeetingKind, on day: Day) -> Meeting? {
        meetings.last { $0.kind == kind && $0.date == day }
    }

    /// The latest meeting of `kind` before `day`: where a handout's "changes since the last meeting" start.
    public func meeting(_ kind: MeetingKind, before day: Day) -> Meeting? {
        meetings.filter { $0.kind == kind && ($0.date.map { $0 < day } ?? false) }.max { $0.date! < $1.date! }
    }

    /// The survey meeting of `department` (its id; nil = every department) held on `day`: one recorded
    /// for that department, else one for every department.
    public func surveyMeeting(department: String?, on day: Day) -> Meeting? {
        let d = department ?? ""
        let that = meetings.filter { $0.kind == .survey && $0.date == day }
        return that.last { $0.department == d } ?? that.last { $0.department.isEmpty }
    }

    /// "The last meeting" of a survey handout: the latest survey meeting held before `current` (or,
    /// with no current meeting, on or before `day`) for the same department or for every department.
    public func previousSurveyMeeting(department: String?, current: Meeting?, day: Day) -> Meeting? {
        let d = department ?? ""
        let earlier = meetings.filter { m in
            guard m.kind == .survey, m.id != current?.id, let md = m.date, m.department == d || m.department.isEmpty else { return false }
            if let current { return m.isBefore(current) }
            return md <= day
        }
        return earlier.max { $0.isBefore($1) }
    }

    /// The requirements as a meeting left them (`meeting_requirements.csv`); nil when none were kept.
    public func requirements(atMeeting id: String) -> [Requirement]? {
        let rows = meetingRequirements.filter { $0.meeting == id }
        return rows.isEmpty ? nil : rows.map(\.requirement)
    }

    /// The next free meeting id: `M1`, `M2`…
    public var nextMeetingID: String {
        let used = meetings.compactMap { m -> Int? in m.id.hasPrefix("M") ? Int(m.id.dropFirst()) : nil }
        return "M\((used.max() ?? 0) + 1)"
    }
}

/// One requirement as a survey meeting left it (`meeting_requirements.csv`): writing a meeting's
/// survey handout keeps its department's requirements, and the next survey meeting's handout lists
/// what was added, removed and changed since.
public struct MeetingRequirement: Equatable, Sendable {
    public var meeting: String
    public var requirement: Requirement
    public init(meeting: String, requirement: Requirement) {
        self.meeting = meeting
        self.requirement = requirement
    }
}
