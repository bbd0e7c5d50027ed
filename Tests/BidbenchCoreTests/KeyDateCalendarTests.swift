import PropertyBased
import Testing

@testable import BidbenchCore

/// Key dates follow the calendar through any number of renewals (issue 14, item 2).
@Suite("Key dates through renewals")
struct KeyDateCalendarTests {
    private func day(_ s: String) -> Day { Day(iso: s)! }

    /// The demo's C2: 12 months from 2027-02-01, renews by 12 months, 30 days' notice.
    private var c2: Contract {
        Contract(
            id: "C2", vendor: "V2", title: "订阅", file: "", effective: day("2027-02-01"), termMonths: 12, autoRenew: true,
            renewalMonths: 12, noticeDays: 30, value: Money(units: 286_000))
    }

    private func lines(_ today: String, within: Int? = nil) -> [String] {
        var dates = KeyDates.dates(for: c2, today: day(today))
        if let w = within { dates = KeyDates.within(dates, days: w) }
        return dates.map { "\($0.date) \($0.kind.rawValue) \($0.daysLeft) \($0.titleEN)" }
    }

    @Test("issue 14: dates --today 2028-01-05 — the deadline of 2028-01-02 is missed, so it renews; the next deadline follows")
    func justMissed() {
        #expect(
            lines("2028-01-05") == [
                "2027-02-01 effective -338 订阅: effective",
                "2028-02-01 renewal 27 订阅: renews automatically for 12 months (notice deadline 2028-01-02 passed)",
                "2029-01-02 notice_deadline 363 订阅: last day to give notice of non-renewal (30 days)",
                "2029-02-01 renewal 393 订阅: renews unless notice is given",
            ])
    }

    @Test("issue 14: --today 2029-01-20 --within 60 lists the renewal of 2029-02-01, 12 days away")
    func renewalWithin() {
        #expect(
            lines("2029-01-20", within: 60) == [
                "2029-02-01 renewal 12 订阅: renews automatically for 12 months (notice deadline 2029-01-02 passed)"
            ])
    }

    @Test("before the first deadline: the term end and its deadline; on the deadline day it still counts")
    func beforeDeadline() {
        #expect(
            lines("2028-01-02") == [
                "2027-02-01 effective -335 订阅: effective",
                "2028-01-02 notice_deadline 0 订阅: last day to give notice of non-renewal (30 days)",
                "2028-02-01 expiry 30 订阅: term ends",
            ])
        // In a later renewal term, before its deadline: that term's end is a renewal, not an expiry.
        #expect(
            lines("2028-06-01").suffix(2) == [
                "2029-01-02 notice_deadline 215 订阅: last day to give notice of non-renewal (30 days)",
                "2029-02-01 renewal 245 订阅: renews unless notice is given",
            ])
    }

    @Test("a contract that does not renew keeps its expiry, past or not")
    func noRenewal() {
        var c = c2
        c.autoRenew = false
        let d = KeyDates.dates(for: c, today: day("2029-01-01"))
        #expect(d.map(\.kind) == [.effective, .expiry])
        #expect(d[1].daysLeft == -335)
    }

    /// The day-by-day reference: walk the calendar from the effective date, renewing at each term end
    /// (nobody gave notice), to find the term running today; then walk forward day by day to the
    /// first day that is a notice deadline (a term end minus the notice days) on or after today.
    static func simulate(_ c: Contract, today: Day) -> (termEnd: Day, missed: Bool, deadline: Day, deadlineTermEnd: Day) {
        let effective = c.effective!
        var renewals = 0
        var end = effective.adding(months: c.termMonths)
        var d = effective
        while d < today {
            d = d.adding(days: 1)
            if d > end {
                renewals += 1
                end = effective.adding(months: c.termMonths + renewals * c.renewalMonths)
            }
        }
        let current = end
        let missed = current.adding(days: -c.noticeDays) < today
        var ends: [Day] = [current]
        var probe = today
        while true {
            while ends.last!.adding(days: -c.noticeDays) <= probe {
                ends.append(effective.adding(months: c.termMonths + (renewals + ends.count) * c.renewalMonths))
            }
            if let e = ends.first(where: { $0.adding(days: -c.noticeDays) == probe }) { return (current, missed, probe, e) }
            probe = probe.adding(days: 1)
        }
    }

    @Test("property: against a day-by-day simulation, over random contracts and days")
    func againstSimulation() async {
        await propertyCheck(
            count: 400, input: Gen.int(in: 0...3650), Gen.int(in: 1...36), Gen.int(in: 1...24), Gen.int(in: 0...120),
            Gen.int(in: -60...2500)
        ) { start, term, renewal, notice, offset in
            let effective = Day(iso: "2024-01-01")!.adding(days: start)
            let c = Contract(
                id: "K", vendor: "V", title: "K", file: "", effective: effective, termMonths: term, autoRenew: true,
                renewalMonths: renewal, noticeDays: notice)
            let today = effective.adding(days: offset)
            let expected = Self.simulate(c, today: today)
            let dates = KeyDates.dates(for: c, today: today)
            let context = "effective \(effective) term \(term) renewal \(renewal) notice \(notice) today \(today)"
            // Nothing listed as next (a deadline, a renewal, an expiry to come) is before today.
            for d in dates where d.kind != .effective {
                #expect(d.date >= today, "\(d.kind) \(d.date) is before today: \(context)")
            }
            let deadlines = dates.filter { $0.kind == .notice_deadline }
            #expect(deadlines.map(\.date) == [expected.deadline], "\(context)")
            #expect(KeyDates.nextNoticeDeadline(c, today: today)?.periodEnd == expected.deadlineTermEnd, "\(context)")
            let ends = dates.filter { $0.kind == .renewal || $0.kind == .expiry }
            #expect(ends.first?.date == expected.termEnd, "\(context)")
            if expected.missed {
                #expect(ends.first?.kind == .renewal && ends.first?.titleEN.contains("passed") == true, "\(context)")
                #expect(ends.map(\.date) == [expected.termEnd, expected.deadlineTermEnd], "\(context)")
            } else {
                #expect(ends.map(\.date) == [expected.termEnd], "\(context)")
                #expect(expected.deadlineTermEnd == expected.termEnd, "\(context)")
            }
        }
    }
}
