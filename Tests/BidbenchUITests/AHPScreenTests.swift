import BidbenchCore
import Testing

@testable import BidbenchUI

/// The AHP editor driven by its keys (W on the Vendors screen), with the whole frame after each key.
///
/// The numbers are worked by hand with the closed form of a 3 × 3 reciprocal matrix: with
/// a = 功能/服务, b = 功能/价格, c = 服务/价格 and r = a·c/b, λmax = 1 + r^(1/3) + r^(−1/3),
/// CI = (λmax − 3)/2, CR = CI/0.58 (Saaty's RI for n = 3), and the weights are the normalised
/// geometric means of the rows (the principal eigenvector when n = 3).
@Suite struct AHPScreenTests {
    static func workspace() -> Workspace {
        var ws = sampleWorkspace()
        ws.criteria = [
            Criterion(id: "func", name: "功能", weight: 0.5),
            Criterion(id: "svc", name: "服务", weight: 0.2),
            Criterion(id: "price", name: "价格", kind: .cost, weight: 0.3, source: .price),
        ]
        return ws
    }

    /// The judgement cell drawn selected, as (row, column) of the matrix.
    static func selectedCell(_ d: Driver) -> [Int] {
        let screen = d.screen
        for i in 0..<3 {
            for j in 0..<3 where screen[19 + 8 * j + 6, 3 + i].style == .selected { return [i, j] }
        }
        return []
    }

    @Test func movingEnteringJudgementsUndoAndEscFrameByFrame() {
        var d = Driver(Self.workspace(), width: 64, height: 16)
        d.press(.char("2"), .char("W"))
        // All ones: equal weights 1/3, λmax = 3, CI = CR = 0. The first judgement (功能 vs 服务) is selected.
        #expect(
            d.text == """
                   1 需求  [2 供应商]  3 预算   4 合同   5 交付          已保存
                 ┌─ AHP 层次分析 — 顶层 ──────────────────────────────────────┐
                 │                 功能    服务    价格                       │
                 │ 功能                  1       1       1                    │
                 │ 服务                  1       1       1                    │
                 │ 价格                  1       1       1                    │
                 │                                                            │
                 │ 功能              0.333 ██████████                         │
                 │ 服务              0.333 ██████████                         │
                 │ 价格              0.333 ██████████                         │
                 │                                                            │
                 │ λmax 3.000  CI 0.000  CR 0.000  一致                       │
                 │                                                            │
                 └─ ←↑↓→ 单元格  +/- 判断 · 直接权重 (修改判断即启用 AHP) ────┘
                 工作区: /tmp/ws
                 ←↑↓→ 单元格  +/- 判断  x 直接权重  u 撤销  Esc 关闭
                """)
        #expect(Self.selectedCell(d) == [0, 1])

        // 功能 vs 服务 from 1 to 2; the mirror cell shows 1/2. a = 2, b = c = 1: r = 2,
        // λmax = 1 + 1.259921 + 0.793701 = 3.053622, CI = 0.026811, CR = 0.046226 (consistent);
        // weights 2^(1/3), 2^(−1/3), 1 over 3.053622 = 0.413, 0.260, 0.327.
        d.press(.char("+"))
        #expect(
            d.text == """
                   1 需求  [2 供应商]  3 预算   4 合同   5 交付        ● 未保存
                 ┌─ AHP 层次分析 — 顶层 ──────────────────────────────────────┐
                 │                 功能    服务    价格                       │
                 │ 功能                  1       2       1                    │
                 │ 服务                1/2       1       1                    │
                 │ 价格                  1       1       1                    │
                 │                                                            │
                 │ 功能              0.413 ████████████▍                      │
                 │ 服务              0.260 ███████▊                           │
                 │ 价格              0.327 █████████▉                         │
                 │                                                            │
                 │ λmax 3.054  CI 0.027  CR 0.046  一致                       │
                 │                                                            │
                 └─ ←↑↓→ 单元格  +/- 判断  x 直接权重 · 权重来自 AHP ─────────┘
                 func 比 svc: 2
                 ←↑↓→ 单元格  +/- 判断  x 直接权重  u 撤销  Esc 关闭
                """)

        // To 3 (mirror 1/3): r = 3, λmax = 1 + 1.442250 + 0.693361 = 3.135611, CI = 0.067806,
        // CR = 0.116906 ≥ 0.10: inconsistent. Every judgement of a 3 × 3 matrix is equally at odds, so
        // the first is named; consistent would be w功能/w服务 = 1.442250/0.693361 = 2.080.
        d.press(.char("+"))
        #expect(
            d.text == """
                   1 需求  [2 供应商]  3 预算   4 合同   5 交付        ● 未保存
                 ┌─ AHP 层次分析 — 顶层 ──────────────────────────────────────┐
                 │                 功能    服务    价格                       │
                 │ 功能                  1       3       1                    │
                 │ 服务                1/3       1       1                    │
                 │ 价格                  1       1       1                    │
                 │                                                            │
                 │ 功能              0.460 █████████████▊                     │
                 │ 服务              0.221 ██████▋                            │
                 │ 价格              0.319 █████████▋                         │
                 │                                                            │
                 │ λmax 3.136  CI 0.068  CR 0.117  不一致 (CR ≥ 0.10)         │
                 │ 分歧最大: 功能 比 服务 = 3; 一致值约为 2.080               │
                 └─ ←↑↓→ 单元格  +/- 判断  x 直接权重 · 权重来自 AHP ─────────┘
                 func 比 svc: 3
                 ←↑↓→ 单元格  +/- 判断  x 直接权重  u 撤销  Esc 关闭
                """)

        // → selects 功能 vs 价格, ↓ then 服务 vs 价格: the frame's text stays, the selection moves.
        d.press(.right)
        #expect(
            d.text == """
                   1 需求  [2 供应商]  3 预算   4 合同   5 交付        ● 未保存
                 ┌─ AHP 层次分析 — 顶层 ──────────────────────────────────────┐
                 │                 功能    服务    价格                       │
                 │ 功能                  1       3       1                    │
                 │ 服务                1/3       1       1                    │
                 │ 价格                  1       1       1                    │
                 │                                                            │
                 │ 功能              0.460 █████████████▊                     │
                 │ 服务              0.221 ██████▋                            │
                 │ 价格              0.319 █████████▋                         │
                 │                                                            │
                 │ λmax 3.136  CI 0.068  CR 0.117  不一致 (CR ≥ 0.10)         │
                 │ 分歧最大: 功能 比 服务 = 3; 一致值约为 2.080               │
                 └─ ←↑↓→ 单元格  +/- 判断  x 直接权重 · 权重来自 AHP ─────────┘
                 func 比 svc: 3
                 ←↑↓→ 单元格  +/- 判断  x 直接权重  u 撤销  Esc 关闭
                """)
        #expect(Self.selectedCell(d) == [0, 2])
        d.press(.down)
        #expect(
            d.text == """
                   1 需求  [2 供应商]  3 预算   4 合同   5 交付        ● 未保存
                 ┌─ AHP 层次分析 — 顶层 ──────────────────────────────────────┐
                 │                 功能    服务    价格                       │
                 │ 功能                  1       3       1                    │
                 │ 服务                1/3       1       1                    │
                 │ 价格                  1       1       1                    │
                 │                                                            │
                 │ 功能              0.460 █████████████▊                     │
                 │ 服务              0.221 ██████▋                            │
                 │ 价格              0.319 █████████▋                         │
                 │                                                            │
                 │ λmax 3.136  CI 0.068  CR 0.117  不一致 (CR ≥ 0.10)         │
                 │ 分歧最大: 功能 比 服务 = 3; 一致值约为 2.080               │
                 └─ ←↑↓→ 单元格  +/- 判断  x 直接权重 · 权重来自 AHP ─────────┘
                 func 比 svc: 3
                 ←↑↓→ 单元格  +/- 判断  x 直接权重  u 撤销  Esc 关闭
                """)
        #expect(Self.selectedCell(d) == [1, 2])

        // 服务 vs 价格 = 2 (mirror 1/2): r = 6, λmax = 1 + 1.817121 + 0.550321 = 3.367442,
        // CI = 0.183721, CR = 0.316760; weights 3^(1/3), (2/3)^(1/3), (1/2)^(1/3) over 3.109531 =
        // 0.464, 0.281, 0.255; consistent 功能/服务 = 1.442250/0.873580 = 1.651.
        d.press(.char("+"))
        #expect(
            d.text == """
                   1 需求  [2 供应商]  3 预算   4 合同   5 交付        ● 未保存
                 ┌─ AHP 层次分析 — 顶层 ──────────────────────────────────────┐
                 │                 功能    服务    价格                       │
                 │ 功能                  1       3       1                    │
                 │ 服务                1/3       1       2                    │
                 │ 价格                  1     1/2       1                    │
                 │                                                            │
                 │ 功能              0.464 █████████████▉                     │
                 │ 服务              0.281 ████████▍                          │
                 │ 价格              0.255 ███████▋                           │
                 │                                                            │
                 │ λmax 3.367  CI 0.184  CR 0.317  不一致 (CR ≥ 0.10)         │
                 │ 分歧最大: 功能 比 服务 = 3; 一致值约为 1.651               │
                 └─ ←↑↓→ 单元格  +/- 判断  x 直接权重 · 权重来自 AHP ─────────┘
                 svc 比 price: 2
                 ←↑↓→ 单元格  +/- 判断  x 直接权重  u 撤销  Esc 关闭
                """)

        // 服务 vs 价格 = 3: r = 9, λmax = 1 + 2.080084 + 0.480750 = 3.560834, CI = 0.280417,
        // CR = 0.483477; weights 0.460, 0.319, 0.221.
        d.press(.char("+"))
        #expect(
            d.text == """
                   1 需求  [2 供应商]  3 预算   4 合同   5 交付        ● 未保存
                 ┌─ AHP 层次分析 — 顶层 ──────────────────────────────────────┐
                 │                 功能    服务    价格                       │
                 │ 功能                  1       3       1                    │
                 │ 服务                1/3       1       3                    │
                 │ 价格                  1     1/3       1                    │
                 │                                                            │
                 │ 功能              0.460 █████████████▊                     │
                 │ 服务              0.319 █████████▋                         │
                 │ 价格              0.221 ██████▋                            │
                 │                                                            │
                 │ λmax 3.561  CI 0.280  CR 0.483  不一致 (CR ≥ 0.10)         │
                 │ 分歧最大: 功能 比 服务 = 3; 一致值约为 1.442               │
                 └─ ←↑↓→ 单元格  +/- 判断  x 直接权重 · 权重来自 AHP ─────────┘
                 svc 比 price: 3
                 ←↑↓→ 单元格  +/- 判断  x 直接权重  u 撤销  Esc 关闭
                """)

        // u takes the last judgement back: the frame of 服务 vs 价格 = 2 again.
        d.press(.char("u"))
        #expect(
            d.text == """
                   1 需求  [2 供应商]  3 预算   4 合同   5 交付        ● 未保存
                 ┌─ AHP 层次分析 — 顶层 ──────────────────────────────────────┐
                 │                 功能    服务    价格                       │
                 │ 功能                  1       3       1                    │
                 │ 服务                1/3       1       2                    │
                 │ 价格                  1     1/2       1                    │
                 │                                                            │
                 │ 功能              0.464 █████████████▉                     │
                 │ 服务              0.281 ████████▍                          │
                 │ 价格              0.255 ███████▋                           │
                 │                                                            │
                 │ λmax 3.367  CI 0.184  CR 0.317  不一致 (CR ≥ 0.10)         │
                 │ 分歧最大: 功能 比 服务 = 3; 一致值约为 1.651               │
                 └─ ←↑↓→ 单元格  +/- 判断  x 直接权重 · 权重来自 AHP ─────────┘
                 已撤销: ahp/
                 ←↑↓→ 单元格  +/- 判断  x 直接权重  u 撤销  Esc 关闭
                """)
        #expect(d.state.workspace.ahp[""]?.values == [[1, 3, 1], [1.0 / 3, 1, 2], [1, 0.5, 1]])

        // Esc closes the editor: the Vendors screen shows the AHP weights (46 %, 28 %, 26 %).
        d.press(.escape)
        #expect(d.state.modal == nil)
        #expect(
            d.text == """
                   1 需求  [2 供应商]  3 预算   4 合同   5 交付        ● 未保存
                 方法: 加权求和 (WSM)  评委: 2 · 已揭晓 · 主持人
                 准则              权重 云帆软件           智链科技
                 功能               46% —                  —
                 服务               28% —                  —
                 价格               26% 1,860,000          1,625,000
                 ──────────────────────────────────────────────────────────────
                 得分                   —                  —
                 排名                   数据不全           数据不全
                 ? 云帆软件: 结果暂定, 必须项未答复: … 另 2 项 (g 查看全部)
                 ? 智链科技: 结果暂定, 必须项未答复: … 另 2 项 (g 查看全部)
                 评分进度: 张伟 2/4 · 李娜 2/4
                 ⚠ 评委 张伟 已评 2/4 项, 评完之前不计入
                 ⚠ 还有 3 条提示 (bidbench rank 可列出全部)
                 已撤销: ahp/
                 a 新增供应商  Enter 详情   u 撤销  Ctrl-S 保存  ? 帮助  q 退出
                """)
    }

    /// A matrix from `ahp/.csv` that is no judgement matrix (a 0): the editor says why and shows no
    /// weights, instead of leaving the section blank.
    @Test func aMatrixThatCannotBeAnalysedSaysWhy() {
        var ws = Self.workspace()
        ws.ahp[""] = PairwiseMatrix(names: ["func", "svc", "price"], values: [[1, 0, 1], [0, 1, 1], [1, 1, 1]])
        var d = Driver(ws, width: 64, height: 16)
        d.press(.char("2"), .char("W"))
        #expect(d.row(containing: "判断值")?.hasPrefix(" │ 单元格 (func, svc) 为 0; 判断值必须 > 0") == true)
        #expect(d.row(containing: "λmax") == nil)
    }
}
