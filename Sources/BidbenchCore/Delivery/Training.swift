/// Someone who still needs training in a module before go-live.
public struct TrainingNeed: Equatable, Sendable {
    public enum Reason: String, Sendable {
        /// Sat the test and did not pass (and has not passed a later one).
        case failed
        /// Registered but never sat the test.
        case absent
    }
    public var person: String
    public var department: String
    public var level: String
    public var module: String
    public var reason: Reason
}

/// Training of one contract: sessions, attendance, effectiveness against the target.
public struct TrainingSummary: Equatable, Sendable {
    public var sessions = 0
    public var planned = 0
    public var present = 0
    /// Results with a score.
    public var tested = 0
    public var passed = 0
    /// passed / tested (0…1); nil before any test.
    public var passRate: Double?
    /// The strictest pass target of the sessions (0…1); nil without sessions.
    public var target: Double?
    public var needs: [TrainingNeed] = []
    /// True when there is a pass rate and it is below the target.
    public var belowTarget: Bool {
        guard let r = passRate, let t = target else { return false }
        return r < t
    }
}

/// Training effectiveness (guide §六: exams or practical tests against a target).
public enum TrainingRules {
    /// The summary of `sessions` (one contract's) and the results recorded for them. A person
    /// needs training in a level and module until one of their results there passes.
    public static func summary(sessions: [TrainingSession], results: [TrainingResult]) -> TrainingSummary {
        var s = TrainingSummary()
        s.sessions = sessions.count
        s.planned = sessions.reduce(0) { $0 + $1.planned }
        s.present = sessions.reduce(0) { $0 + $1.present }
        s.target = sessions.map(\.passTarget).max()
        let byID = Dictionary(sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let mine = results.filter { byID[$0.session] != nil }
        for r in mine where r.score != nil || r.passed != nil {
            s.tested += 1
            if r.hasPassed { s.passed += 1 }
        }
        s.passRate = s.tested == 0 ? nil : Double(s.passed) / Double(s.tested)
        // Per person, level and module, in the order first met.
        var order: [String] = []
        var groups: [String: [TrainingResult]] = [:]
        for r in mine {
            let session = byID[r.session]!
            let key = "\(r.person)\u{1}\(session.level)\u{1}\(session.module)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(r)
        }
        for key in order {
            let rs = groups[key]!
            if rs.contains(where: \.hasPassed) { continue }
            let session = byID[rs[0].session]!
            let sat = rs.contains { $0.score != nil || $0.passed != nil }
            s.needs.append(
                TrainingNeed(
                    person: rs[0].person, department: rs[0].department, level: session.level, module: session.module,
                    reason: sat ? .failed : .absent))
        }
        return s
    }
}
