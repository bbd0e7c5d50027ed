import Testing

@testable import BidbenchCore

@Suite("Contract key dates and iCalendar")
struct ContractDatesTests {
    private func day(_ s: String) -> Day { Day(iso: s)! }

    private var erp: Contract {
        Contract(
            id: "C1", vendor: "V1", title: "ERP升级合同", file: "contracts/c1.md", effective: day("2027-01-01"),
            termMonths: 12, autoRenew: true, renewalMonths: 12, noticeDays: 30, value: Money(units: 1_280_000),
            warrantyMonths: 12)
    }

    @Test("first term: deadline = expiry − notice days")
    func firstTerm() {
        let d = KeyDates.nextNoticeDeadline(erp, today: day("2027-06-01"))!
        #expect(d.deadline == day("2027-12-02"))  // 2028-01-01 − 30 days
        #expect(d.periodEnd == day("2028-01-01"))
        #expect(d.renewals == 0)
    }

    @Test("the deadline rolls forward through renewals; the deadline day itself still counts")
    func rollForward() {
        #expect(KeyDates.nextNoticeDeadline(erp, today: day("2027-12-02"))!.deadline == day("2027-12-02"))
        let next = KeyDates.nextNoticeDeadline(erp, today: day("2027-12-03"))!
        #expect(next.deadline == day("2028-12-02"))
        #expect(next.periodEnd == day("2029-01-01"))
        #expect(next.renewals == 1)
        // Three renewals later, 2030-12-02 (2031-01-01 − 30 days).
        #expect(KeyDates.nextNoticeDeadline(erp, today: day("2030-06-15"))!.deadline == day("2030-12-02"))
    }

    @Test("month ends do not drift across renewals: counted from the effective date")
    func monthEnd() {
        var c = erp
        c.effective = day("2027-01-31")
        c.termMonths = 1
        c.renewalMonths = 1
        c.noticeDays = 0
        // 2027-01-31 + 3 months = 2027-04-30, not 2027-02-28 + 2 months = 2027-04-28.
        #expect(KeyDates.nextNoticeDeadline(c, today: day("2027-04-01"))!.periodEnd == day("2027-04-30"))
    }

    @Test("no roll-forward without auto-renewal or a renewal length")
    func noRenewal() {
        var c = erp
        c.autoRenew = false
        #expect(KeyDates.nextNoticeDeadline(c, today: day("2027-01-01")) == nil)
        c.autoRenew = true
        c.renewalMonths = 0
        #expect(KeyDates.nextNoticeDeadline(c, today: day("2028-06-01")) == nil)
    }

    @Test("all key dates, sorted, with days left")
    func allDates() {
        let milestones = [
            PaymentMilestone(contract: "C1", milestone: "预付款", percent: 30, due: day("2027-01-15"), status: "paid"),
            PaymentMilestone(contract: "C1", milestone: "初验", percent: 40, due: day("2027-06-30")),
            PaymentMilestone(contract: "C2", milestone: "other", percent: 100, due: day("2027-02-01")),
        ]
        let dates = KeyDates.dates(for: erp, milestones: milestones, accepted: day("2027-07-15"), today: day("2027-03-01"))
        #expect(dates.map(\.kind) == [.effective, .milestone, .notice_deadline, .expiry, .warranty_end])
        #expect(dates.map(\.date) == [day("2027-01-01"), day("2027-06-30"), day("2027-12-02"), day("2028-01-01"), day("2028-07-15")])
        #expect(dates.map(\.daysLeft) == [-59, 121, 276, 306, 502])
        // The calendar keeps both languages; a screen shows one.
        #expect(dates[2].title == "ERP升级合同: last day to give notice of non-renewal (30 days) / 不续约通知截止")
        #expect(
            dates.map(\.titleZH) == [
                "ERP升级合同: 生效", "ERP升级合同: 付款节点 初验 (40%)", "ERP升级合同: 不续约通知截止 (提前 30 天)",
                "ERP升级合同: 到期", "ERP升级合同: 质保到期",
            ])
        #expect(dates[1].titleEN == "ERP升级合同: payment milestone 初验 (40%)")
        // In the first renewal term the initial expiry is history: the end of the running term is a renewal.
        let later = KeyDates.dates(for: erp, today: day("2028-02-01"))
        #expect(later.map(\.kind) == [.effective, .warranty_end, .notice_deadline, .renewal])
        #expect(later.last?.date == day("2029-01-01"))
        #expect(KeyDates.within(later, days: 400).map(\.kind) == [.notice_deadline, .renewal])
        #expect(KeyDates.within(dates, days: 200).map(\.kind) == [.milestone])
    }

    @Test("RFC 5545 text escaping")
    func escaping() {
        #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test("folding at 75 octets never splits a UTF-8 sequence")
    func folding() {
        let ascii = String(repeating: "a", count: 160)
        let f = ICalendar.fold(ascii)
        #expect(f.map(\.utf8.count) == [75, 75, 12])
        #expect(f[1].hasPrefix(" ") && f.joined().replacingAll(" ", with: "") == ascii)
        // "SUMMARY:" (8 octets) + 30 Chinese characters (3 octets each = 90).
        let zh = "SUMMARY:" + String(repeating: "合同", count: 15)
        let g = ICalendar.fold(zh)
        #expect(g.map(\.utf8.count) == [74, 25])  // 8 + 22×3 = 74 (a 23rd would make 77); " " + 8×3 = 25
        #expect(g.allSatisfy { $0.utf8.count <= 75 })
        #expect(g[0] + String(g[1].dropFirst()) == zh)
    }

    @Test("the calendar, line by line")
    func calendar() {
        let dates = KeyDates.dates(for: erp, today: day("2027-03-01")).filter { $0.kind == .notice_deadline }
        let text = ICalendar.calendar(dates, stamp: UTCStamp(day: day("2027-03-01"), hour: 8, minute: 5, second: 9))
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingAll("\r\n", with: "").contains("\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        let title = "ERP升级合同: last day to give notice of non-renewal (30 days) / 不续约通知截止"
        let uid = ICalendar.uid(dates[0])
        // Unfold (a CRLF followed by a space) to compare logical lines.
        let logical = text.replacingAll("\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
        #expect(
            Array(logical) == [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bidbench//Contract key dates//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20270301T080509Z", "DTSTART;VALUE=DATE:20271202", "DTEND;VALUE=DATE:20271203",
                "SUMMARY:\(title)", "CATEGORIES:notice_deadline", "TRANSP:TRANSPARENT",
                "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:\(title)", "TRIGGER:-P7D", "END:VALARM",
                "END:VEVENT", "END:VCALENDAR",
            ])
        #expect(uid.hasSuffix("@bidbench") && uid.count == 16 + 9)
        // Stable: the same date gives the same UID; another date another one.
        #expect(ICalendar.uid(dates[0]) == uid)
        var other = dates[0]
        other.date = day("2028-12-02")
        #expect(ICalendar.uid(other) != uid)
        #expect(!ICalendar.calendar(dates, stamp: UTCStamp(day: day("2027-03-01")), alarmDays: nil).contains("VALARM"))
    }

    /// A term computed past 9999 (a contract effective 9999-06-01 for 12 months) cannot be written as
    /// an RFC 5545 DATE: it is left out, never written as a five-digit year.
    @Test func datesPastTheYear9999AreLeftOutOfTheCalendar() {
        var last = KeyDates.dates(for: erp, today: day("2027-03-01")).filter { $0.kind == .notice_deadline }[0]
        last.date = day("9999-12-30")
        var edge = last
        edge.date = day("9999-12-31")  // its DTEND would be 10000-01-01
        var beyond = last
        beyond.date = day("9999-12-31").adding(days: 40)
        let text = ICalendar.calendar([last, edge, beyond], stamp: UTCStamp(day: day("2027-03-01")))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 1)
        #expect(text.contains("DTSTART;VALUE=DATE:99991230") && text.contains("DTEND;VALUE=DATE:99991231"))
        #expect(!text.contains("10000"))
        #expect(ICalendar.writable(day("9999-12-30")) && !ICalendar.writable(day("9999-12-31")))
    }

    @Test("UTC stamp from Unix seconds")
    func stamp() {
        #expect(UTCStamp(unixSeconds: 0).ics == "19700101T000000Z")
        #expect(UTCStamp(unixSeconds: 1_803_859_200 + 3_723).ics == "20270301T010203Z")
    }
}
