/// The limits that apply to one severity, and where they come from.
public struct SLALimit: Equatable, Sendable {
    public var responseMinutes: Int?
    public var resolutionMinutes: Int?
    public var penaltyPerBreach: Money?
    /// `sla.csv`, or `contract line 38` when read from the contract text.
    public var source: String
    /// Set when the contract counts the response (resolution) in working days: the minutes are then
    /// 1 440 a day, and the deadline skips Saturdays and Sundays (`SupportSLA.deadline`).
    public var responseBusinessDays: Int?
    public var resolutionBusinessDays: Int?

    public init(
        responseMinutes: Int?, resolutionMinutes: Int?, penaltyPerBreach: Money?, source: String, responseBusinessDays: Int? = nil,
        resolutionBusinessDays: Int? = nil
    ) {
        self.responseMinutes = responseMinutes
        self.resolutionMinutes = resolutionMinutes
        self.penaltyPerBreach = penaltyPerBreach
        self.source = source
        self.responseBusinessDays = responseBusinessDays
        self.resolutionBusinessDays = resolutionBusinessDays
    }
}

/// One ticket measured against its limit.
public struct TicketMeasure: Equatable, Sendable {
    public var ticket: SupportTicket
    public var responseMinutes: Int?
    public var resolutionMinutes: Int?
    public var responseBreach: Bool
    public var resolutionBreach: Bool
}

/// Breaches in one calendar month (of the ticket's opening).
public struct MonthlyBreaches: Equatable, Sendable {
    /// `2027-04`.
    public var month: String
    public var tickets: Int
    public var responseBreaches: Int
    public var resolutionBreaches: Int
    public var total: Int { responseBreaches + resolutionBreaches }
}

/// Support of one contract against its SLA.
public struct SupportSummary: Equatable, Sendable {
    public var tickets = 0
    public var responseBreaches = 0
    public var resolutionBreaches = 0
    /// Tickets without any breach, in percent of the tickets; nil without tickets.
    public var compliancePercent: Double?
    /// Σ breaches × the penalty per breach of their severity (where the contract sets one).
    public var penalty: Money = .zero
    public var months: [MonthlyBreaches] = []
    public var measures: [TicketMeasure] = []
    /// The limits used, by severity (0 = every severity).
    public var limits: [Int: SLALimit] = [:]
    /// The contract's availability target, if it sets one (or one was entered by hand).
    public var availabilityTarget: AvailabilityTarget?
    /// The monthly availability recorded (`availability.csv`), oldest first.
    public var availability: [MonthAvailability] = []
}

/// Support tickets against the SLA. Times are wall-clock (7×24, as the guide's support clause),
/// measured from `opened` to `first_response` and to `resolved`, except a limit the contract gives in
/// working days, whose deadline skips weekends. A ticket still without a response (or a resolution)
/// on `today` counts as breached once its deadline has passed by the start of today.
public enum SupportSLA {
    /// The severity a contract sentence speaks of: 一级/1级/一类, `Severity 1`, `P1`, `level 1`, `priority 1`.
    public static func severity(inSentence text: String) -> Int? {
        let lower = text.lowercased()
        let zh: [(String, Int)] = [("一级", 1), ("二级", 2), ("三级", 3), ("四级", 4), ("1级", 1), ("2级", 2), ("3级", 3), ("4级", 4)]
        for (w, n) in zh where lower.contains(w) { return n }
        for prefix in ["severity ", "level ", "priority ", "p", "sev "] {
            for n in 1...4 where lower.contains(prefix + String(n)) {
                if prefix == "p" {
                    // `p1` only as a word of its own.
                    let chars = Array(lower)
                    let needle = Array("p\(n)")
                    for i in 0...(max(0, chars.count - 2)) where i + 1 < chars.count && chars[i] == needle[0] && chars[i + 1] == needle[1] {
                        let before = i == 0 || !chars[i - 1].isLetter
                        let after = i + 2 >= chars.count || !chars[i + 2].isLetter && !chars[i + 2].isNumber
                        if before && after { return n }
                    }
                    continue
                }
                return n
            }
        }
        return nil
    }

    /// The limits of a contract, per severity: the response and resolution times the contract scan
    /// found in its text (each applied to the severity its sentence names, or to every severity as
    /// severity 0), with its `sla.csv` rows on top — a row entered by hand replaces the limits of its
    /// own severity only, so one hand row for severity 1 keeps what the text says of the others.
    public static func limits(contract: String, terms: [SLATerm], scanned: [SLAResponse], lines: [String]) -> [Int: SLALimit] {
        var out: [Int: SLALimit] = [:]
        for r in scanned {
            let text = r.line >= 1 && r.line <= lines.count ? lines[r.line - 1] : r.text
            let sev = severity(inSentence: text) ?? 0
            var l =
                out[sev] ?? SLALimit(responseMinutes: nil, resolutionMinutes: nil, penaltyPerBreach: nil, source: "contract line \(r.line)")
            switch r.kind {
            case .response:
                if l.responseMinutes == nil {
                    l.responseMinutes = r.minutes
                    l.responseBusinessDays = r.businessDays
                }
            case .resolution:
                if l.resolutionMinutes == nil {
                    l.resolutionMinutes = r.minutes
                    l.resolutionBusinessDays = r.businessDays
                }
            }
            out[sev] = l
        }
        for t in terms where t.contract == contract {
            out[t.severity] = SLALimit(
                responseMinutes: t.responseHours.map { Int(($0 * 60).rounded()) },
                resolutionMinutes: t.resolutionHours.map { Int(($0 * 60).rounded()) }, penaltyPerBreach: t.penaltyPerBreach,
                source: "sla.csv")
        }
        return out
    }

    /// The latest moment a limit allows from `opened`: `minutes` later, or for working days the same
    /// time of day that many working days later (Monday to Friday). A ticket opened on a weekend
    /// starts its count at 00:00 on the Monday: Friday 10:00 + 3 working days is Wednesday 10:00,
    /// Saturday 10:00 + 3 working days is Thursday 00:00.
    public static func deadline(from opened: Moment, minutes: Int, businessDays: Int?) -> Moment {
        guard let n = businessDays else { return Moment(minutes: opened.minutes + minutes) }
        var start = opened
        while !start.day.isWorkingDay { start = Moment(day: start.day.adding(days: 1)) }
        var day = start.day
        var left = n
        while left > 0 {
            day = day.adding(days: 1)
            if day.isWorkingDay { left -= 1 }
        }
        return Moment(minutes: start.minutes + (day.ordinal - start.day.ordinal) * 1440)
    }

    /// Measures `tickets` (one contract's) against `limits` on `today`.
    public static func measure(_ tickets: [SupportTicket], limits: [Int: SLALimit], today: Day) -> SupportSummary {
        var s = SupportSummary()
        s.limits = limits
        s.tickets = tickets.count
        let now = Moment(day: today)
        var months: [String: MonthlyBreaches] = [:]
        var clean = 0
        for t in tickets {
            let limit = limits[t.severity] ?? limits[0]
            let response = t.firstResponse.map { $0.minutes - t.opened.minutes }
            let resolution = t.resolved.map { $0.minutes - t.opened.minutes }
            func breached(_ done: Moment?, _ allowed: Int?, _ businessDays: Int?) -> Bool {
                guard let allowed else { return false }
                return (done ?? now) > deadline(from: t.opened, minutes: allowed, businessDays: businessDays)
            }
            let rb = breached(t.firstResponse, limit?.responseMinutes, limit?.responseBusinessDays)
            let xb = breached(t.resolved, limit?.resolutionMinutes, limit?.resolutionBusinessDays)
            s.measures.append(
                TicketMeasure(ticket: t, responseMinutes: response, resolutionMinutes: resolution, responseBreach: rb, resolutionBreach: xb)
            )
            let d = t.opened.day
            let key = "\(d.year)-" + (d.month < 10 ? "0" : "") + "\(d.month)"
            var m = months[key] ?? MonthlyBreaches(month: key, tickets: 0, responseBreaches: 0, resolutionBreaches: 0)
            m.tickets += 1
            if rb {
                m.responseBreaches += 1
                s.responseBreaches += 1
            }
            if xb {
                m.resolutionBreaches += 1
                s.resolutionBreaches += 1
            }
            months[key] = m
            if !rb && !xb { clean += 1 }
            if let p = limit?.penaltyPerBreach { s.penalty += Money(minor: p.minor * Int64((rb ? 1 : 0) + (xb ? 1 : 0))) }
        }
        s.months = months.values.sorted { $0.month < $1.month }
        s.compliancePercent = tickets.isEmpty ? nil : Double(clean) * 100 / Double(tickets.count)
        return s
    }
}
