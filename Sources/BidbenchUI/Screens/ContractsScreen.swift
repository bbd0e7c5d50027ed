import BidbenchCore

public struct ContractsState: Equatable, Sendable {
    public var contract = 0
    public var clause = 0
    public init() {}
}

/// Contracts (合同): contracts with key dates and the clause checklist.
public enum ContractsScreen {
    static func handle(_ s: inout AppState, _ key: Key) -> [Effect]? {
        guard let cmd = KeyMap.command(for: key, in: .contracts) else { return nil }
        switch cmd {
        case .left: s.contracts.contract = max(0, s.contracts.contract - 1); s.contracts.clause = 0
        case .right: s.contracts.contract = min(max(0, s.workspace.contracts.count - 1), s.contracts.contract + 1); s.contracts.clause = 0
        case .up: s.contracts.clause = max(0, s.contracts.clause - 1)
        case .down: s.contracts.clause = min(ClauseKind.allCases.count - 1, s.contracts.clause + 1)
        default: return nil
        }
        return []
    }

    static func render(_ s: AppState, into c: inout Canvas, area: Rect) {
        let L = s.lang, ws = s.workspace
        guard s.contracts.contract < ws.contracts.count else {
            c.text(area.x + 2, area.y + 1, L.t("No contracts in this workspace.", "此工作区还没有合同。"), .dim); return
        }
        let k = ws.contracts[s.contracts.contract]
        let vendor = ws.vendors.first { $0.id == k.vendor }?.name ?? k.vendor
        c.text(area.x + 1, area.y, "\(vendor) · \(k.title)  \(L.t("value", "价值")) \(k.value.grouped())  \(L.t("effective", "生效")) \(k.effective?.description ?? "—")  \(k.termMonths) \(L.t("months", "个月"))", .accent, maxWidth: area.width - 2)
    }
}
