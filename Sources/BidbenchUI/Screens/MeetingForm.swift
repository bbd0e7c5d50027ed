import BidbenchCore

/// `:meeting [KIND]`: the meeting that heads the handouts of its kind — title, date, attendees, who
/// led. Entered once per meeting; opening it again on the same day edits the same row of meetings.csv.
public enum MeetingForm {
    /// The meeting a screen holds: survey on Requirements, scoring on Vendors, budget, legal on Contracts.
    static func kind(of screen: ScreenID) -> MeetingKind {
        switch screen {
        case .requirements: return .survey
        case .vendors: return .scoring
        case .budget: return .budget
        case .contracts: return .legal
        case .delivery: return .delivery
        }
    }

    static func open(_ s: inout AppState, kind: MeetingKind) {
        let L = s.lang
        let lang: ReportLanguage = L == .zh ? .zh : .en
        let department = kind == .survey ? Handouts.department(s) : nil
        let existing =
            kind == .survey ? s.workspace.surveyMeeting(department: department, on: s.today) : s.workspace.meeting(kind, on: s.today)
        let deptName = department.flatMap { d in s.workspace.departments.first { $0.id == d }?.name }
        let fields = [
            FormField(key: "title", label: L.t("Title", "会议名称"), text: existing?.title ?? defaultTitle(s, kind, lang)),
            FormField(key: "date", label: L.t("Date", "日期"), text: (existing?.date ?? s.today).description, kind: .date),
            FormField(key: "attendees", label: L.t("Attendees", "参会人"), text: existing?.attendees ?? ""),
            FormField(key: "lead", label: L.t("Led by", "主持人"), text: existing?.lead ?? ""),
        ]
        // Who was there is what a person types first.
        s.modal = .form(
            Form(
                target: .meeting(kind: kind, id: existing?.id),
                title: L.t("Meeting — ", "会议 — ") + kind.title(lang) + (deptName.map { " · " + $0 } ?? ""), fields: fields,
                focusOn: "attendees"))
    }

    static func defaultTitle(_ s: AppState, _ kind: MeetingKind, _ lang: ReportLanguage) -> String {
        if kind == .survey, let d = s.requirements.department, d < s.workspace.departments.count {
            return s.workspace.departments[d].name + " " + kind.title(lang)
        }
        return kind.title(lang)
    }

    /// Saves the form into the workspace's meetings (an undoable change); a refusal names the field.
    static func submit(_ s: inout AppState, _ f: Form, kind: MeetingKind, id existing: String?) -> FormRefusal? {
        let dateText = normalizedDigits(f.value("date")).trimmed
        guard let date = Day(typed: dateText) else {
            return FormRefusal(
                s.lang.t(
                    "Date: “\(dateText)” is not a date (2026-12-05, 2026/12/5 or 2026年12月5日)",
                    "日期: “\(dateText)” 不是日期 (2026-12-05、2026/12/5 或 2026年12月5日)"),
                field: "date")
        }
        let title = f.value("title").trimmed
        guard !title.isEmpty else { return FormRefusal(s.lang.t("Title: a meeting needs a title", "会议名称: 不能为空"), field: "title") }
        let id = existing ?? s.workspace.nextMeetingID
        // A survey meeting belongs to the department filtered on Requirements (every department without a filter).
        let department =
            existing.flatMap { e in s.workspace.meetings.first { $0.id == e }?.department }
            ?? (kind == .survey ? Handouts.department(s) ?? "" : "")
        let meeting = Meeting(
            id: id, kind: kind, date: date, title: title, attendees: f.value("attendees").trimmed, lead: f.value("lead").trimmed,
            department: department)
        s.change(s.lang.t("Meeting \(id) recorded — :report writes its handout", "会议 \(id) 已登记 — :report 生成会议纪要")) { ws in
            if let i = ws.meetings.firstIndex(where: { $0.id == id }) { ws.meetings[i] = meeting } else { ws.meetings.append(meeting) }
        }
        return nil
    }
}
