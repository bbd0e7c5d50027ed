/// Counts of a contract's acceptance tests and of the requirements they prove.
public struct AcceptanceSummary: Equatable, Sendable {
    public var passed = 0
    public var failed = 0
    public var pending = 0
    /// Requirements whose every test passed.
    public var requirementsAccepted = 0
    /// Requirements named by the contract's tests.
    public var requirementsTotal = 0
    /// Passed on the first run, in percent of the tests decided (passed or failed); nil when none are.
    public var firstPassPercent: Double?
}

/// Where a requirement stands in acceptance.
public enum RequirementAcceptance: String, Sendable {
    /// Every test naming it passed.
    case accepted
    /// A test naming it failed.
    case failed
    /// Tests name it but some have not run yet.
    case pending
    /// No test names it.
    case untested

    /// The standing as a mark: ✔ accepted, ✗ a test failed, … tests to run, blank when untested
    /// (screen 1's column and its detail line).
    public var mark: String {
        switch self {
        case .accepted: return "✔"
        case .failed: return "✗"
        case .pending: return "…"
        case .untested: return ""
        }
    }

    /// The standing in words (English, Chinese), as screen 1 and the people export say it; empty
    /// when no test names the requirement.
    public var words: (en: String, zh: String) {
        switch self {
        case .accepted: return ("accepted", "已验收")
        case .failed: return ("a test failed", "有测试未通过")
        case .pending: return ("tests still to run", "尚有测试待测")
        case .untested: return ("", "")
        }
    }
}

/// A payment milestone as the acceptance tests leave it on a day.
public struct PaymentStanding: Equatable, Sendable {
    public enum State: String, Sendable {
        /// Already paid.
        case paid
        /// Its tests passed (or, without tests, its due date has come): it can be paid now.
        case payable
        /// Tied to acceptance tests that have not all passed, or due under a contract not signed yet.
        case blocked
        /// Not tied to tests and not due yet.
        case upcoming
    }
    public var installment: Installment
    public var state: State
    /// The tests its condition names (ids as in acceptance.csv).
    public var tests: [String]
    /// Why it is blocked (or why it is payable), in English and Chinese.
    public var reason: String
    public var reasonZH: String
}

/// Acceptance rules: requirement status, counts, and which payments their tests release.
public enum AcceptanceRules {
    /// The status of a requirement from the tests (of one contract) that name it.
    public static func status(of requirement: String, tests: [AcceptanceTest]) -> RequirementAcceptance {
        let mine = tests.filter { $0.requirements.contains(requirement) }
        if mine.isEmpty { return .untested }
        if mine.contains(where: { $0.result == .fail }) { return .failed }
        return mine.allSatisfy { $0.result == .pass } ? .accepted : .pending
    }

    /// Counts for one contract's tests.
    public static func summary(_ tests: [AcceptanceTest]) -> AcceptanceSummary {
        var s = AcceptanceSummary()
        var decided = 0
        var firstPass = 0
        for t in tests {
            switch t.result {
            case .pass:
                s.passed += 1
                decided += 1
                if t.attempts <= 1 { firstPass += 1 }
            case .fail:
                s.failed += 1
                decided += 1
            default: s.pending += 1
            }
        }
        var seen: [String] = []
        for t in tests { for r in t.requirements where !seen.contains(r) { seen.append(r) } }
        s.requirementsTotal = seen.count
        s.requirementsAccepted = seen.filter { status(of: $0, tests: tests) == .accepted }.count
        s.firstPassPercent = decided == 0 ? nil : Double(firstPass) * 100 / Double(decided)
        return s
    }

    /// The acceptance references in a payment condition: words that look like test ids (Latin
    /// letters then digits, `A1`, `UAT2`), so `上线验收 A1` names `A1`.
    public static func references(in condition: String) -> [String] {
        var out: [String] = []
        var word = ""
        func flush() {
            defer { word = "" }
            let w = word.trimmingCharactersInSet(".")
            guard let first = w.unicodeScalars.first, ("A"..."Z").contains(first) || ("a"..."z").contains(first),
                w.unicodeScalars.contains(where: { ("0"..."9").contains($0) }), !out.contains(w)
            else { return }
            out.append(w)
        }
        for ch in condition.unicodeScalars {
            let ok = ("A"..."Z").contains(ch) || ("a"..."z").contains(ch) || ("0"..."9").contains(ch) || ch == "." || ch == "_"
            if ok { word.unicodeScalars.append(ch) } else { flush() }
        }
        flush()
        return out
    }

    /// A contract's final acceptance: the acceptance named by its last payment milestone (by due date)
    /// whose condition names tests (`终验 A2`). `passed` is the day its last covered test passed, once
    /// every one of them has; `due` is that milestone's due date. Nil when no milestone names tests.
    public static func finalAcceptance(contract: String, milestones: [PaymentMilestone], tests: [AcceptanceTest]) -> (
        passed: Day?, due: Day?
    )? {
        let named = milestones.enumerated().filter { $0.element.contract == contract && !references(in: $0.element.condition).isEmpty }
        guard
            let last = named.max(by: { a, b in
                (a.element.due?.ordinal ?? .min, a.offset) < (b.element.due?.ordinal ?? .min, b.offset)
            })?.element
        else { return nil }
        let mine = tests.filter { $0.contract == contract }
        let covered = references(in: last.condition).map { Self.tests(for: $0, in: mine) }
        guard !covered.contains(where: \.isEmpty), covered.joined().allSatisfy({ $0.result == .pass && $0.date != nil }) else {
            return (nil, last.due)
        }
        return (covered.joined().compactMap(\.date).max(), last.due)
    }

    /// The tests a reference covers: the test with that id and its sub-tests (`A1` covers `A1`, `A1.1`, `A1.2`).
    public static func tests(for reference: String, in tests: [AcceptanceTest]) -> [AcceptanceTest] {
        tests.filter { $0.id == reference || $0.id.hasPrefix(reference + ".") }
    }

    /// The standing of each installment on `today`. A milestone whose condition names acceptance
    /// tests is payable only when every test it covers has passed, and blocked otherwise (a named
    /// acceptance without any recorded test is blocked too); other milestones are payable once due.
    public static func standings(installments: [Installment], tests: [AcceptanceTest], today: Day) -> [PaymentStanding] {
        var out = ownStandings(installments: installments, tests: tests, today: today)
        // Acceptance milestones follow one another: a later one (by due date) whose own tests passed is
        // still blocked while an earlier one's acceptance is not done (a finance pass: the 10 % after
        // final acceptance showed payable while go-live acceptance had failed, its 60 % blocked).
        let staged = out.indices.filter { !references(in: out[$0].installment.condition).isEmpty }
            .sorted { (out[$0].installment.due?.ordinal ?? .max, $0) < (out[$1].installment.due?.ordinal ?? .max, $1) }
        var waiting: PaymentStanding?
        for i in staged {
            if out[i].state == .payable, let w = waiting {
                out[i] = PaymentStanding(
                    installment: out[i].installment, state: .blocked, tests: out[i].tests,
                    reason: "waits for \(w.installment.milestone) (\(w.reason))",
                    reasonZH: "须先完成 \(w.installment.milestone) 的验收 (\(w.reasonZH))")
            } else if out[i].state == .blocked, waiting == nil {
                waiting = out[i]
            }
        }
        return out
    }

    /// Each installment's standing on its own tests and due date (`standings` then orders acceptances).
    static func ownStandings(installments: [Installment], tests: [AcceptanceTest], today: Day) -> [PaymentStanding] {
        installments.map { inst in
            if inst.status.lowercased() == "paid" {
                return PaymentStanding(installment: inst, state: .paid, tests: [], reason: "paid", reasonZH: "已支付")
            }
            let refs = references(in: inst.condition)
            guard !refs.isEmpty else {
                if let due = inst.due, due <= today {
                    return PaymentStanding(installment: inst, state: .payable, tests: [], reason: "due \(due)", reasonZH: "\(due) 到期")
                }
                let when = inst.due.map { "not due until \($0)" } ?? "no due date"
                let whenZH = inst.due.map { "\($0) 到期" } ?? "无到期日"
                return PaymentStanding(installment: inst, state: .upcoming, tests: [], reason: when, reasonZH: whenZH)
            }
            var ids: [String] = []
            var why: [String] = []
            var whyZH: [String] = []
            for r in refs {
                let covered = Self.tests(for: r, in: tests)
                if covered.isEmpty {
                    why.append("no test \(r) recorded")
                    whyZH.append("尚无验收测试 \(r)")
                }
                for t in covered {
                    ids.append(t.id)
                    switch t.result {
                    case .pass: break
                    case .fail:
                        why.append("\(t.id) failed")
                        whyZH.append("\(t.id) 未通过")
                    default:
                        why.append("\(t.id) pending")
                        whyZH.append("\(t.id) 待测")
                    }
                }
            }
            if why.isEmpty {
                return PaymentStanding(
                    installment: inst, state: .payable, tests: ids, reason: "tests passed: " + ids.joined(separator: ", "),
                    reasonZH: "验收通过: " + ids.joined(separator: "、"))
            }
            // Chinese lists take the enumeration comma (、), wherever the reason is shown.
            return PaymentStanding(
                installment: inst, state: .blocked, tests: ids, reason: why.joined(separator: ", "), reasonZH: whyZH.joined(separator: "、")
            )
        }
    }
}
