/// Rules a change order must keep, shared by the change-order form and the check of changes.csv.
extension ChangeOrders {
    /// `proposed` (also 提议 / 待批准 / blank), any case: a change not decided yet.
    public static func isProposed(_ c: ChangeOrder) -> Bool {
        ["proposed", "提议", "待批准", ""].contains(c.status.trimmed.lowercased())
    }

    /// The day the contract starts: the earlier of its signed and effective dates; nil when it has neither.
    public static func start(of contract: Contract) -> Day? {
        [contract.signed, contract.effective].compactMap { $0 }.min()
    }

    /// The last day a change can be dated: the end of the initial term for a contract that does not
    /// renew automatically; nil (open-ended) for one that does, or without an effective date.
    public static func end(of contract: Contract) -> Day? {
        guard !contract.autoRenew, let effective = contract.effective, contract.termMonths > 0 else { return nil }
        return effective.adding(months: contract.termMonths)
    }

    /// Why the date of a change order does not fit its contract, or nil: it must fall within the
    /// contract's term (from its start, `start(of:)`, to its end, `end(of:)`). An undated change order is
    /// allowed (it is then listed last).
    public static func dateProblem(_ change: ChangeOrder, contract: Contract) -> Notice? {
        guard let d = change.date else { return nil }
        if let s = start(of: contract), d < s {
            return Notice(
                "date \(d) is before contract \(contract.id) starts (\(s))", "日期 \(d) 早于合同 \(contract.id) 开始日 (\(s))")
        }
        if let e = end(of: contract), d > e {
            return Notice("date \(d) is after contract \(contract.id) ends (\(e))", "日期 \(d) 晚于合同 \(contract.id) 到期日 (\(e))")
        }
        return nil
    }

    /// The contract value if this proposed change order were approved on top of the approved ones
    /// (nil for one already approved or rejected).
    public static func valueIfApproved(_ change: ChangeOrder, of contract: Contract, changes: [ChangeOrder]) -> Money? {
        guard isProposed(change) else { return nil }
        return currentValue(of: contract, changes: changes).clampedAdding(change.priceDelta)
    }
}
