/// A question of a department needs survey.
public struct SurveyQuestion: Equatable, Sendable {
    /// Its place in the questionnaire (`survey.csv` is sorted by it).
    public var number = 0
    /// What the answer becomes: `problems`, `function`, `users`, `priority`, `acceptance`, `budget`,
    /// `deadline`, `module`, or anything else (kept in the requirement's detail).
    public var field: String
    public var en: String
    public var zh: String
    public var extra: [String: String] = [:]
    public init(number: Int = 0, field: String, en: String, zh: String) {
        self.number = number
        self.field = field
        self.en = en
        self.zh = zh
    }
}

/// The guided needs survey (业务需求梳理): one question a screen; answers become a requirement.
public enum Survey {
    /// The default questionnaire (a workspace may replace it with its own `survey.csv`).
    public static let defaultQuestions: [SurveyQuestion] = [
        SurveyQuestion(field: "problems", en: "What problems do you have today?", zh: "目前工作中遇到哪些问题?"),
        SurveyQuestion(field: "function", en: "Which function do you need? (one need, a short title)", zh: "需要什么功能? (一条需求, 简短标题)"),
        SurveyQuestion(field: "module", en: "Which module does it belong to? (e.g. GL, costing, CRM)", zh: "属于哪个模块? (如 总账、成本、CRM)"),
        SurveyQuestion(field: "users", en: "Who and how many users are affected?", zh: "影响哪些用户、多少人?"),
        SurveyQuestion(field: "priority", en: "Priority: must / should / could / won't", zh: "优先级: 必须 / 应该 / 可以 / 暂不"),
        SurveyQuestion(field: "acceptance", en: "How will we check it is done? (acceptance criterion)", zh: "怎样验收? (验收标准)"),
        SurveyQuestion(field: "budget", en: "Any budget limit for this need?", zh: "这项需求有预算上限吗?"),
        SurveyQuestion(field: "deadline", en: "By when is it needed?", zh: "什么时候需要?"),
    ]

    /// Turns one round of answers into a requirement of `department`, dated `date`. Returns nil when
    /// the function (the title) was not answered. An unknown priority word falls back to `should`
    /// and is kept in the detail so nothing typed is lost.
    public static func requirement(
        id: String, department: String, departmentName: String, date: Day,
        questions: [SurveyQuestion], answers: [String], lang: String
    ) -> Requirement? {
        var byField: [String: String] = [:]
        var extras: [(String, String)] = []
        for (q, a) in zip(questions, answers) {
            let v = a.trimmed
            guard !v.isEmpty else { continue }
            if byField[q.field] == nil { byField[q.field] = v }
            if !["function", "module", "priority", "acceptance"].contains(q.field) { extras.append((lang == "zh" ? q.zh : q.en, v)) }
        }
        // Without a function, the problem stands in as the title, so nothing answered is lost.
        guard let title = byField["function"] ?? byField["problems"].map({ String($0.prefix(40)) }) else { return nil }
        var priority = Priority.should
        if let p = byField["priority"] {
            if let parsed = Priority(parsing: p) { priority = parsed } else { extras.append((lang == "zh" ? "优先级" : "priority", p)) }
        }
        let labels: [String: (String, String)] = [
            "problems": ("problems", "现状问题"), "users": ("users", "影响用户"),
            "budget": ("budget limit", "预算上限"), "deadline": ("deadline", "期限"),
        ]
        let detail = extras.map { label, value in
            let field = questions.first { (lang == "zh" ? $0.zh : $0.en) == label }?.field ?? ""
            let short = labels[field].map { lang == "zh" ? $0.1 : $0.0 } ?? label
            return "\(short): \(value)"
        }.joined(separator: "; ")
        let weight = priority.defaultWeight
        return Requirement(
            id: id, department: department, module: byField["module"] ?? "", title: title, detail: detail,
            priority: priority, weight: weight, acceptance: byField["acceptance"] ?? "", status: .draft,
            source: "\(departmentName) \(date) " + (lang == "zh" ? "调研" : "survey"))
    }
}
