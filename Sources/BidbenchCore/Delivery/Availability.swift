/// A month's availability of a contract's service (`availability.csv`), as the vendor's monthly
/// service report or the help desk's monitoring gives it: either the percent itself, or the
/// minutes of downtime out of the month's service minutes (default: the whole month, 7×24).
public struct AvailabilityRecord: Equatable, Sendable {
    public var contract: String
    /// `2027-04`.
    public var month: String
    /// Availability in percent (99.5 = 99.5 %); nil = computed from the downtime.
    public var percent: Double?
    public var downtimeMinutes: Int?
    /// The minutes the service was due that month; nil = every minute of the month.
    public var serviceMinutes: Int?
    public var note = ""
    public var extra: [String: String] = [:]
    public init(
        contract: String, month: String, percent: Double? = nil, downtimeMinutes: Int? = nil, serviceMinutes: Int? = nil, note: String = ""
    ) {
        self.contract = contract
        self.month = month
        self.percent = percent
        self.downtimeMinutes = downtimeMinutes
        self.serviceMinutes = serviceMinutes
        self.note = note
    }
}

/// The availability target of a contract, in percent, and where it comes from.
public struct AvailabilityTarget: Equatable, Sendable {
    public var percent: Double
    /// `contracts.csv` (entered by hand) or `contract line 42` (read from the text).
    public var source: String

    /// Where the target comes from, for people: `contract line 42` / `合同第 42 行`, `entered by hand` / `手工录入`.
    public func sourceText(chinese: Bool) -> String {
        if source.hasPrefix("contract line ") { return chinese ? "合同第 \(source.dropFirst(14)) 行" : source }
        return chinese ? "手工录入" : "entered by hand"
    }
}

/// One month measured against the target.
public struct MonthAvailability: Equatable, Sendable {
    public var month: String
    public var percent: Double
    public var downtimeMinutes: Int?
    public var target: Double?
    /// nil without a target.
    public var met: Bool?
    public var note: String
}

/// Monthly availability against the contract's target (guide §六: the support system's service level).
public enum AvailabilityRules {
    /// The contract column holding a target entered by hand, in percent.
    public static let targetColumn = "availability_target"

    /// The year and month of `2027-04` (month 1–12, year 1900–9999); nil for anything else.
    public static func month(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), (1900...9999).contains(y), (1...12).contains(m)
        else { return nil }
        return (y, m)
    }

    /// Every minute of the month (7×24): 43 200 for April.
    public static func minutes(inMonth text: String) -> Int? {
        month(text).map { Day.daysIn(year: $0.year, month: $0.month) * 1440 }
    }

    /// The month's percent: as written, else (service − downtime) ÷ service × 100; nil when
    /// neither is given or the month does not read.
    public static func percent(_ r: AvailabilityRecord) -> Double? {
        if let p = r.percent { return p }
        guard let down = r.downtimeMinutes, let service = r.serviceMinutes ?? minutes(inMonth: r.month), service > 0 else { return nil }
        return Double(service - down) * 100 / Double(service)
    }

    /// The target: the contract's `availability_target` cell when filled, else the first line of
    /// its text that speaks of availability (可用率, 可用性, 在线率, availability, uptime) with a
    /// percentage above 50 (`不低于 99.5%`).
    public static func target(of c: Contract, text: String?) -> AvailabilityTarget? {
        if let cell = c.extra[targetColumn]?.trimmed, !cell.isEmpty,
            let v = Double(cell.hasSuffix("%") ? String(cell.dropLast()) : cell)
        {
            return AvailabilityTarget(percent: v, source: "contracts.csv")
        }
        guard let text else { return nil }
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lower = line.lowercased()
            guard ["可用率", "可用性", "在线率", "availability", "uptime"].contains(where: { lower.contains($0) }) else { continue }
            if let p = percents(in: String(line)).first(where: { $0 > 50 && $0 <= 100 }) {
                return AvailabilityTarget(percent: p, source: "contract line \(i + 1)")
            }
        }
        return nil
    }

    /// The numbers written before a `%` or `％` in `line`.
    static func percents(in line: String) -> [Double] {
        let chars = Array(line)
        var out: [Double] = []
        for (i, ch) in chars.enumerated() where ch == "%" || ch == "％" {
            var j = i
            while j > 0, chars[j - 1] == " " { j -= 1 }
            let end = j
            while j > 0, chars[j - 1].isASCII, chars[j - 1].isNumber || chars[j - 1] == "." { j -= 1 }
            if j < end, let v = Double(String(chars[j..<end])) { out.append(v) }
        }
        return out
    }

    /// The contract's months in order, each against the target (met: percent ≥ target).
    public static func months(contract: String, records: [AvailabilityRecord], target: AvailabilityTarget?) -> [MonthAvailability] {
        records.filter { $0.contract == contract }.compactMap { r -> MonthAvailability? in
            guard let p = percent(r) else { return nil }
            let met = target.map { p + 1e-9 >= $0.percent }
            return MonthAvailability(
                month: r.month, percent: p, downtimeMinutes: r.downtimeMinutes, target: target?.percent, met: met, note: r.note)
        }.sorted { $0.month < $1.month }
    }

    /// A risk threshold as a percentage: `99.5%`, `99.5`, or the fraction `0.995`; nil when empty or unreadable.
    public static func thresholdPercent(_ text: String) -> Double? {
        let t = text.trimmed
        if t.hasSuffix("%") || t.hasSuffix("％") { return Double(String(t.dropLast()).trimmed) }
        guard let v = Double(t) else { return nil }
        return v <= 1 ? v * 100 : v
    }

    /// `99.25%`: two decimals at most, without trailing zeros.
    public static func text(_ p: Double) -> String { NumberText.upTo(p, 2) + "%" }
}
