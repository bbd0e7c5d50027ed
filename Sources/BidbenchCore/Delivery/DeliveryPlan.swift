/// A phase of a contract's plan rolled up from its tasks.
public struct PhaseSummary: Equatable, Sendable {
    public var phase: DeliveryPhase
    /// `planned` (nothing started), `in_progress`, or `done` (every task done or cancelled).
    public var status: String
    public var plannedStart: Day?
    public var plannedEnd: Day?
    /// The last actual end, once the phase is done.
    public var actualEnd: Day?
    /// The most days any unfinished task of the phase is past its planned end (0 = on plan).
    public var overdueDays: Int
    public var tasks: [DeliveryTask]

    /// Days the phase is late: for a finished phase, how far its last actual end passed its planned
    /// end; else `overdueDays` (a helper's pass: a phase finished a week late read "0" in the handout).
    public var daysLate: Int {
        guard status == "done" else { return overdueDays }
        guard let plannedEnd, let actualEnd else { return 0 }
        return max(0, plannedEnd.days(until: actualEnd))
    }
}

/// The implementation plan's rules: finished, overdue, phases, dependency cycles, on-time share.
public enum DeliveryPlan {
    /// What separates the ids of a list in one cell (`T1;T2`, `T1 T2`, `T1，T2`: a task's
    /// dependencies, an acceptance test's requirements). An id holding one could never be named in
    /// such a list (`T12;T13` was saved as a task id: user test pass), so ids are refused with one.
    public static let listSeparators: Set<Character> = [";", ",", " ", "；", "，", "、"]

    /// The ids of a list cell, split at `listSeparators`.
    public static func idList(_ text: String) -> [String] {
        text.split(whereSeparator: { listSeparators.contains($0) }).map(String.init)
    }

    /// The first list separator in `id`, if any (see `listSeparators`).
    public static func separator(in id: String) -> Character? { id.first { listSeparators.contains($0) } }

    /// Done or cancelled tasks are finished; nothing more is expected of them.
    public static func isFinished(_ t: DeliveryTask) -> Bool { t.status == .done || t.status == .cancelled }

    /// Whether the task has begun: an actual start, or a status past `planned`.
    public static func hasStarted(_ t: DeliveryTask) -> Bool {
        t.actualStart != nil || t.actualEnd != nil || t.status == .inProgress || t.status == .done
    }

    /// Days an unfinished task is past its planned end on `today` (planned end 2027-05-01, today
    /// 2027-05-10: 9); 0 when finished, on time, or without a planned end.
    public static func overdueDays(_ t: DeliveryTask, today: Day) -> Int {
        guard !isFinished(t), let end = t.plannedEnd else { return 0 }
        return max(0, end.days(until: today))
    }

    /// The contract's phases in the guide's order, then its own phases in order of appearance.
    public static func phases(of tasks: [DeliveryTask], today: Day) -> [PhaseSummary] {
        var order: [DeliveryPhase] = DeliveryPhase.standard.filter { p in tasks.contains { $0.phase == p } }
        for t in tasks where !order.contains(t.phase) { order.append(t.phase) }
        return order.map { phase in
            let mine = tasks.filter { $0.phase == phase }
            let done = mine.allSatisfy(isFinished)
            let status = done ? "done" : mine.contains(where: hasStarted) ? "in_progress" : "planned"
            return PhaseSummary(
                phase: phase, status: status, plannedStart: mine.compactMap(\.plannedStart).min(),
                plannedEnd: mine.compactMap(\.plannedEnd).max(), actualEnd: done ? mine.compactMap(\.actualEnd).max() : nil,
                overdueDays: mine.map { overdueDays($0, today: today) }.max() ?? 0, tasks: mine)
        }
    }

    /// The first dependency cycle among one contract's tasks, as ids from a task back to itself
    /// (`["T3", "T5", "T3"]`); nil when there is none. Unknown ids are ignored (reported elsewhere).
    public static func cycle(in tasks: [DeliveryTask]) -> [String]? {
        var deps: [String: [String]] = [:]
        for t in tasks { deps[t.id, default: []] += t.dependsOn }
        var state: [String: Int] = [:]  // 1 = on the path, 2 = done
        var path: [String] = []
        func visit(_ id: String) -> [String]? {
            state[id] = 1
            path.append(id)
            for d in deps[id] ?? [] where deps[d] != nil {
                if state[d] == 1 { return Array(path[path.firstIndex(of: d)!...]) + [d] }
                if state[d] == nil, let c = visit(d) { return c }
            }
            path.removeLast()
            state[id] = 2
            return nil
        }
        for t in tasks where state[t.id] == nil {
            if let c = visit(t.id) { return c }
        }
        return nil
    }

    /// On-time share in percent: tasks done by their planned end, out of the tasks done (with both
    /// dates) plus the unfinished ones already overdue; nil when there are none of either.
    public static func onTimePercent(_ tasks: [DeliveryTask], today: Day) -> Double? {
        var onTime = 0
        var counted = 0
        for t in tasks {
            if t.status == .done, let end = t.actualEnd, let plan = t.plannedEnd {
                counted += 1
                if end <= plan { onTime += 1 }
            } else if overdueDays(t, today: today) > 0 {
                counted += 1
            }
        }
        return counted == 0 ? nil : Double(onTime) * 100 / Double(counted)
    }
}
