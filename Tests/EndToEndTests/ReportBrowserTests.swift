import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite(.serialized) struct ReportBrowserTests {
    /// Renders the demo report with the built binary and screenshots it with a real headless browser.
    @Test(.requires(.chromium), arguments: ["demo", "demo-en"])
    func demoReportRendersInHeadlessChromium(demo: String) throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy(demo)
        let dir = tmp.path
        let html = dir + "/report.html"
        let r = try run(binaryPath, ["report", "-w", ws, "--today", "2026-12-01", "-o", html])
        #expect(r.status == 0, "report failed: \(r.err)")
        let mode = try FileManager.default.attributesOfItem(atPath: html)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600, "a new report is readable by its owner only")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.components(separatedBy: "<svg").count - 1 >= 5)
        #expect(!text.contains("http://") && !text.contains("https://") && !text.lowercased().contains("<script"))
        let parser = XMLParser(data: Data(text.utf8))
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "") line \(parser.lineNumber)")

        let png = dir + "/out.png"
        let shot = try run(
            OptionalTool.chromium.executable,
            [
                "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(png)",
                "--window-size=1200,1600", "file://\(html)",
            ])
        #expect(shot.status == 0, "browser failed: \(shot.err)")
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // A blank 1200×1600 page compresses to a few kilobytes; charts and text make it far larger.
        #expect(data.count > 60_000, "screenshot is only \(data.count) bytes")
        if let keep = ProcessInfo.processInfo.environment["BIDBENCH_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep + "-" + demo + ".png")
            try FileManager.default.copyItem(atPath: png, toPath: keep + "-" + demo + ".png")
            try? FileManager.default.removeItem(atPath: keep + "-" + demo + ".html")
            try FileManager.default.copyItem(atPath: html, toPath: keep + "-" + demo + ".html")
        }
    }

    /// The Markdown minutes of both demos, byte for byte (a fixed `--today`, a copy outside git).
    @Test(arguments: [("demo", reportGoldenDemo), ("demo-en", reportGoldenDemoEn)])
    func demoMinutesMatchTheGolden(demo: String, golden: String) throws {
        let tmp = TempDir()
        defer { withExtendedLifetime(tmp) {} }
        let ws = try tmp.demoCopy(demo)
        let r = try run(binaryPath, ["report", "-w", ws, "--format", "md", "--today", "2026-12-01", "-o", "-"])
        #expect(r.status == 0, "report failed: \(r.err)")
        // The literal below drops the file's final newline.
        let got = r.out.components(separatedBy: "\n")
        let want = (golden + "\n").components(separatedBy: "\n")
        if let i = zip(got, want).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("line \(i + 1) differs:\n got: \(got[i])\nwant: \(want[i])")
        }
        #expect(got.count == want.count)
    }
}

/// `bidbench report --format md --today 2026-12-01` on a copy of `data/demo` (outside git).
private let reportGoldenDemo = #"""
    # 采购评审会议纪要 — 华东精密 ERP 升级

    - 日期：2026-12-01
    - 币种：CNY

    ## 摘要

    - **推荐：云帆软件**（82.91） — 按综合评分法（财政部令第 87 号，低价优先）排名第一；其次：启明信息 82.08
    - 需求：有效 47 条，其中必须 16 条
    - 供应商：4 家（参与排名 3 家，淘汰 1 家）
    - 5 年总拥有成本（云帆软件）：2,131,320
    - 预算：超支 0 项，接近上限 1 项，未列入预算 0 项
    - 合同风险点：22 处
    - 高风险（可能性×影响 ≥ 10）：6 项

    ## 各部门需求与优先级

    | 部门 | 必须 | 应该 | 可以 | 暂不 | 合计 |
    |---|---:|---:|---:|---:|---:|
    | 财务部 | 5 | 5 | 2 | 0 | 12 |
    | 销售部 | 1 | 6 | 2 | 0 | 9 |
    | 生产部 | 4 | 5 | 1 | 1 | 11 |
    | 人力资源部 | 2 | 3 | 2 | 0 | 7 |
    | 信息部 | 4 | 4 | 0 | 0 | 8 |

    ## 评分与排名

    | 供应商 | 功能-生产制造 15% | 功能-经营管理 20% | 服务 15% | 实力 5% | 技术 15% |
    |---|---:|---:|---:|---:|---:|
    | 云帆软件 | 8.50 | 8.50 | 8.67 | 7.67 | 7.67 |
    | 智链科技 | 6.67 ⚑ | 8.00 | 7.00 | 8.00 | 8.33 |
    | 启明信息 | 7.67 | 7.50 | 7.67 | 6.67 | 7.17 |
    | 北辰数科 | 5.50 | 7.17 | 6.83 | 7.67 | 7.83 |

    _各供应商在各评分项上的评委平均分（表头为全局权重），满分 10。⚑：评委分差达到满分的 30% 及以上，需讨论。_

    | # | 供应商 | 得分 |
    |---:|---|---:|
    | 1 | 云帆软件 | 82.91 |
    | 2 | 启明信息 | 82.08 |
    | 3 | 智链科技 | 81.41 |

    - 淘汰 北辰数科：未满足必须需求 R02 按工单归集实际成本（仅支持按产品归集标准成本，不支持按工单归集实际成本）
    - 部分满足必须需求 云帆软件：R21 批次与序列号追溯（序列号追溯需二次配置，实施期内完成）
    - 部分满足必须需求 启明信息：R44 数据备份与异地容灾（异地容灾需甲方提供第二机房）
    - 部分满足必须需求 智链科技：R16 工单下达至 MES 并回写完工（MES 接口需定制开发，已含在报价中）

    ### 需讨论的评分

    - ⚑ 智链科技 × 功能-生产制造：张伟 5, 李娜 8.5, 王强 6.5 (极差 3.5)

    ### 权重敏感性

    | 评分项 | 权重 | 第一名不变的下限 | 上限 |
    |---|---:|---:|---:|
    | 功能-生产制造 | 15.0% | 7.5% | 100.0% |
    | 功能-经营管理 | 20.0% | 12.8% | 100.0% |
    | 价格 | 30.0% | 0.0% | 33.2% |
    | 服务 | 15.0% | 7.4% | 100.0% |
    | 实力 | 5.0% | 0.0% | 34.4% |
    | 技术 | 15.0% | 0.0% | 30.6% |

    - 最小调整：价格 30.0% → 33.2%，启明信息 将排名第一

    ## 总拥有成本（TCO）

    | 供应商 | 2027 | 2028 | 2029 | 2030 | 2031 | 合计 | 净现值 |
    |---|---:|---:|---:|---:|---:|---:|---:|
    | 云帆软件 | 1,230,000.00 | 208,800.00 | 221,280.00 | 228,840.00 | 242,400.00 | **2,131,320.00** | 2,008,061.53 |
    | 智链科技 | 670,000.00 | 265,740.00 | 295,991.10 | 327,818.10 | 364,664.86 | **1,924,214.06** | 1,748,220.26 |
    | 启明信息 | 1,175,000.00 | 145,450.00 | 149,813.50 | 154,307.91 | 158,937.14 | **1,783,508.55** | 1,701,003.46 |
    | ✗ 北辰数科 | 426,000.00 | 244,728.00 | 278,804.52 | 314,705.38 | 356,561.19 | **1,620,799.09** | 1,451,673.07 |

    ## 预算包络

    已承诺：已签合同的付款里程碑（含已批准的变更）；拟采购：未签合同；云帆软件 的报价即其已签合同 C1，计入已承诺。

    | 财年 | 成本中心 | 预算 | 已承诺 | 拟采购 | 剩余 | 使用率 | 状态 |
    |---|---|---:|---:|---:|---:|---:|---|
    | 2027 | 信息部 | 2,300,000 | 1,940,000 | 286,000 | 74,000 | 96.8% | ⚠ 接近上限 |
    | 2028 | 信息部 | 220,000 | 0 | 0 | 220,000 | 0.0% | 预算内 |
    | 2029 | 信息部 | 300,000 | 0 | 0 | 300,000 | 0.0% | 预算内 |
    | 2030 | 信息部 | 300,000 | 0 | 0 | 300,000 | 0.0% | 预算内 |
    | 2031 | 信息部 | 300,000 | 0 | 0 | 300,000 | 0.0% | 预算内 |

    ## 付款现金流

    | 月份 | 金额 | 里程碑 |
    |---|---:|---|
    | 2027-01 | 558,000 | C1 签约款 |
    | 2027-02 | 71,500 | C2 第一季度服务费 |
    | 2027-05 | 71,500 | C2 第二季度服务费 |
    | 2027-06 | 1,188,000 | C1 上线款 (暂不可付：A1.4 未通过、A1.5 待测、A1.6 待测、A1.7 待测) |
    | 2027-08 | 71,500 | C2 第三季度服务费 |
    | 2027-09 | 194,000 | C1 终验款 (暂不可付：A2.1 待测) |
    | 2027-11 | 71,500 | C2 第四季度服务费 |

    | 合同 | 里程碑 | 到期日 | 比例 | 金额 | 付款条件 | 状态 |
    |---|---|---|---:|---:|---|---|
    | C1 | 签约款 | 2027-01-15 | 30% | 558,000 | 合同签订 | 已付 |
    | C1 | 上线款 (含已付节点的变更份额 24,000) | 2027-06-30 | 60% | 1,188,000 | 上线验收 A1 | 暂不可付：A1.4 未通过、A1.5 待测、A1.6 待测、A1.7 待测 |
    | C1 | 终验款 | 2027-09-30 | 10% | 194,000 | 终验 A2 | 暂不可付：A2.1 待测 |
    | C2 | 第一季度服务费 | 2027-02-15 | 25% | 71,500 | 服务开通 | 计划 |
    | C2 | 第二季度服务费 | 2027-05-15 | 25% | 71,500 | 上季度服务报告 | 计划 |
    | C2 | 第三季度服务费 | 2027-08-15 | 25% | 71,500 | 上季度服务报告 | 计划 |
    | C2 | 第四季度服务费 | 2027-11-15 | 25% | 71,500 | 上季度服务报告 | 计划 |

    ## 合同审查

    ### C1 ERP 升级加购合同 — 云帆软件

    金额：1,940,000 · 状态：履行中

    | 关键条款 | 合同约定 |
    |---|---|
    | 期限 | 36 个月 |
    | 通知期 | 90 天 |
    | 付款期限 | 30 天 |
    | 适用法律 | 中华人民共和国法律 |
    | 争议解决 | 上海国际仲裁中心 |
    | 责任上限 | 8.2 乙方在本合同项下的累计赔偿责任以本合同总金额为限，但因故意或重大过失造成的损失除外。 |

    - ⚑ 付款条件苛刻（第 63 行）: 甲方逾期付款的，每逾期一日，应按逾期金额的万分之五向乙方支付违约金。

    - 通过 · 违约金（第 62 行）: 每日万分之五，上限 10%，双方对等
    - 通过 · 争议解决（第 121 行）: 上海国际仲裁中心仲裁，可接受

    | 变更 | 日期 | 内容 | 金额变化 | 状态 |
    |---|---|---|---:|---|
    | CO1 | 2027-03-10 | 新增移动审批 | 80,000 | 已批准 |
    | CO2 | 2027-05-18 | 新增 BI 移动看板 | 45,000 | 提议 |

    ### C2 CRM 与 BI 订阅服务协议 — 智链科技

    金额：286,000 · 状态：审核中

    | 关键条款 | 合同约定 |
    |---|---|
    | 期限 | 12 个月 |
    | 续约 | 12 个月 |
    | 通知期 | 30 天 |
    | 适用法律 | 中华人民共和国法律 |
    | 争议解决 | 乙方所在地有管辖权的人民法院 |
    | 责任上限 | 11.1 乙方在本协议项下的全部赔偿责任，以甲方在损失发生前最近三个月实际支付的服务费为上限。 |

    - ⚑ 范围模糊或由供应商决定（第 13 行）: 订阅用户数为 60 个命名用户，具体功能以乙方官网公布的标准版功能说明为准。
    - ⚑ 另行收费未明确（第 19 行）: 甲方需要二次开发、数据迁移、接口对接或现场培训的，乙方另行收费。
    - ⚑ 另行收费未明确（第 20 行）: 超出订阅用户数的，按乙方当时的标准价格计收费用。
    - ⚑ 供应商可暂停服务（第 26 行）: 甲方逾期付款超过十五（15）日的，乙方有权暂停服务，直至甲方付清全部欠款。
    - ⚑ 单方变更服务（第 32 行）: 乙方有权根据业务发展需要调整、升级或下线部分功能，并通过平台公告通知甲方。
    - ⚑ 自动续约（需提前通知）（第 51 行）: 服务期满前三十（30）日内甲方未以书面形式提出异议的，本协议自动续期一年，续期次数不限。
    - ⚑ 单方调价（第 52 行）: 续期服务费按乙方届时公布的价格执行，由乙方另行通知。
    - ⚑ 单方调价（第 56 行）: 乙方有权根据市场情况及运营成本变化调整服务价格，调整后的价格自乙方在平台公告之日起生效。
    - ⚑ 预付费用不退还（第 57 行）: 甲方不接受调整后价格的，可按第十二条终止协议，但已支付费用不予退还。
    - ⚑ 供应商可暂停服务（第 61 行）: 出现下列情形之一的，乙方可暂停服务而无需承担任何责任：（一）甲方逾期付款；（二）乙方认为甲方的使用行为可能危害平台安全；（三）平台进行系统维护或升级。
    - ⚑ 责任上限过低或不对等（第 69 行）: 乙方在本协议项下的全部赔偿责任，以甲方在损失发生前最近三个月实际支付的服务费为上限。
    - ⚑ 责任排除数据丢失（第 70 行）: 乙方不承担数据丢失、业务中断、利润损失等任何间接损失的责任。
    - ⚑ 预付费用不退还（第 74 行）: 服务期内，甲方提前终止本协议的，已支付的费用不予退还。
    - ⚑ 解除权不对等（第 75 行）: 甲方违反本协议约定的，乙方有权立即终止本协议。
    - ⚑ 付款条件苛刻（第 79 行）: 甲方逾期付款的，每逾期一日，应按应付金额的千分之一向乙方支付违约金。
    - ⚑ 另行收费未明确（第 93 行）: 甲方提出的功能变更或定制需求，乙方评估后决定是否实施，实施费用另行收费。
    - ⚑ 供应商所在地管辖或外国法律（第 102 行）: 因本协议产生的争议，双方应协商解决；协商不成的，任何一方均应向乙方所在地有管辖权的人民法院提起诉讼。
    - ⚑ 单方修改条款（第 115 行）: 乙方有权修订本协议条款，修订后的条款在平台公告后生效。
    - ⚑ 缺少必要条款 · 验收（文本中没有）
    - ⚑ 缺少必要条款 · 保密（文本中没有）
    - ⚑ 缺少必要条款 · 数据返还（文本中没有）

    - 缺失 · 验收: 订阅服务也需开通验收条款
    - 协商中 · 责任限制（第 69 行）: 上限仅为三个月服务费且不承担数据丢失，要求提高至年费并覆盖数据丢失
    - 协商中 · 续约（第 51 行）: 自动续约，要求改为书面续约或将通知期延长至 90 日
    - 缺失 · 数据返还: 须增加退出时数据导出与删除条款
    - 缺失 · 保密
    - 协商中 · 价格调整（第 56 行）: 乙方可单方调价，要求锁定价格三年
    - 协商中 · 争议解决（第 102 行）: 乙方所在地法院管辖，要求改为上海国际仲裁中心

    ## 关键日期

    | 日期 | 剩余天数 | 合同 | 事项 |
    |---|---:|---|---|
    | 2027-01-01 | 31 | C1 | 生效 |
    | 2027-02-01 | 62 | C2 | 生效 |
    | 2027-02-15 | 76 | C2 | 付款 · 第一季度服务费 |
    | 2027-05-15 | 165 | C2 | 付款 · 第二季度服务费 |
    | 2027-06-30 | 211 | C1 | 付款 · 上线款 |
    | 2027-08-15 | 257 | C2 | 付款 · 第三季度服务费 |
    | 2027-09-30 | 303 | C1 | 付款 · 终验款 |
    | 2027-11-15 | 349 | C2 | 付款 · 第四季度服务费 |
    | 2028-01-02 | 397 | C2 | 不续约通知截止 |
    | 2028-02-01 | 427 | C2 | 期满 |
    | 2028-09-30 | 669 | C1 | 质保期满 |
    | 2030-01-01 | 1127 | C1 | 期满 |

    ## 风险

    | ID | 风险 | 类型 | 可能性×影响 | 应对措施 | 负责人 | 状态 |
    |---|---|---|---:|---|---|---|
    | RK10 | 上线切换与月末结账冲突 | 技术 | 3×5=15 | 上线日定在月初第一周，保留旧系统并行一个月 | 生产部 孙建国 | 未关闭 |
    | RK01 | MES 接口与车间设备数据不兼容 | 技术 | 3×4=12 | 上线前完成接口联调，选 2 条产线试点 | 信息部 赵磊 | 未关闭 |
    | RK02 | 历史数据迁移质量不达标 | 技术 | 3×4=12 | 两轮模拟迁移，财务逐科目核对余额 | 财务部 周敏 | 未关闭 |
    | RK03 | 关键用户投入不足（年底结账期） | 人员 | 4×3=12 | 提前锁定关键用户时间，结账期只做培训 | 人力资源部 吴芳 | 观察中 |
    | RK05 | 订阅协议自动续约后被动涨价 | 供应商 | 4×3=12 | 到期前 60 日启动续约谈判或发出不续约通知 | 信息部 赵磊 | 未关闭 |
    | RK06 | SaaS 平台客户数据泄露 | 数据安全 | 2×5=10 | 要求提供等保测评报告，补充数据安全条款 | 信息部 赵磊 | 未关闭 |
    | RK08 | 年度预算超支 | 财务 | 3×3=9 | 变更单须经财务审批，月度跟踪预算使用 | 财务部 周敏 | 观察中 |
    | RK04 | 乙方更换项目经理或核心顾问 | 供应商 | 2×4=8 | 合同约定人员更换须经甲方同意 | 信息部 赵磊 | 未关闭 |
    | RK07 | 员工薪酬个人信息处理不合规 | 合规 | 2×4=8 | 个人信息影响评估，最小权限访问工资数据 | 人力资源部 吴芳 | 未关闭 |
    | RK11 | 系统月度可用率低于合同承诺 | 供应商 | 2×4=8 | 按月核对乙方服务报告与监控记录，未达标按合同索赔 | 信息部 赵磊 | 未关闭 |
    | RK09 | 供应商被收购导致产品线停止 | 市场 | 1×4=4 | 合同约定源代码托管与数据导出 | 信息部 赵磊 | 已关闭 |

    ## 交付

    ### C1 ERP 升级加购合同 — 云帆软件

    | 阶段 | 状态 | 计划 | 实际完成 | 延误天数 |
    |---|---|---|---|---:|
    | 系统评估 | 已完成 | 2027-01-04 – 2027-01-22 | 2027-01-22 | 0 |
    | 技术方案 | 已完成 | 2027-01-25 – 2027-02-26 | 2027-03-05 | 7 |
    | 数据迁移 | 已完成 | 2027-03-01 – 2027-04-20 | 2027-04-20 | 0 |
    | 测试 | 进行中 | 2027-04-06 – 2027-05-28 |  | 0 |
    | 上线 | 未开始 | 2027-06-01 – 2027-07-07 |  | 0 |
    | 上线后优化 | 未开始 | 2027-07-08 – 2027-09-30 |  | 0 |

    - 验收测试：通过 3，未通过 1，待测 4；需求已验收 6 / 13
    - 暂不可付：上线款 1,188,000 (A1.4 未通过、A1.5 待测、A1.6 待测、A1.7 待测)
    - 暂不可付：终验款 194,000 (A2.1 待测)
    - 培训：5 场，通过率 85.7%（目标 90%）；仍需培训：黄伟 (总账)、高峰 (生产排程)、罗兵 (生产排程)
    - 技术支持：工单 5 个，响应超时 1 次，解决超时 1 次，SLA 达标率 60%，违约金 0
    - 可用率（目标 99.5%，合同第 41 行）：2027-02 99.95% 达标、2027-03 99.8% 达标、2027-04 99.25% 未达标

    供应商考评：

    | 期间 | 得分 | 按时 | 一次验收 | SLA | 培训 | 满意度 | 评语 |
    |---|---:|---:|---:|---:|---:|---:|---|
    | 2027-04 | 63.6 | 60% | 75% | 50% | 86% | 3.5（4 个部门的平均） | 方案阶段延期一周，迁移按期完成；MES 接口联调滞后，一级故障响应超时一次 |

    交付预警：

    - RK03 C1 培训通过率 85.7% 低于目标 90%
    - RK04 C1 2027-04 违反 SLA 2 次 (阈值 2)
    - RK11 C1 2027-04 可用率 99.25% 低于目标 99.5%
    """#

/// `bidbench report --format md --today 2026-12-01` on a copy of `data/demo-en` (outside git).
private let reportGoldenDemoEn = #"""
    # Procurement review minutes — East China Precision ERP upgrade

    - Date: 2026-12-01
    - Currency: CNY

    ## Summary

    - **Recommendation: Yunfan Software** (82.91) — ranked first by comprehensive scoring (MoF Order 87, lowest price first); next: Qiming Information 82.08
    - Requirements: 47 active, 16 must-have
    - Vendors: 4 (3 ranked, 1 disqualified)
    - TCO over 5 years of Yunfan Software: 2,131,320
    - Budget envelopes: 0 over, 1 near the limit, 0 unbudgeted
    - Contract red flags: 22
    - High risks (L×I ≥ 10): 6

    ## Requirements by department and priority

    | Department | Must | Should | Could | Won't | Total |
    |---|---:|---:|---:|---:|---:|
    | Finance | 5 | 5 | 2 | 0 | 12 |
    | Sales | 1 | 6 | 2 | 0 | 9 |
    | Production | 4 | 5 | 1 | 1 | 11 |
    | HR | 2 | 3 | 2 | 0 | 7 |
    | IT | 4 | 4 | 0 | 0 | 8 |

    ## Scoring and ranking

    | Vendor | Functionality: manufacturing 15% | Functionality: management 20% | Service 15% | Vendor strength 5% | Technology 15% |
    |---|---:|---:|---:|---:|---:|
    | Yunfan Software | 8.50 | 8.50 | 8.67 | 7.67 | 7.67 |
    | Zhilian Technology | 6.67 ⚑ | 8.00 | 7.00 | 8.00 | 8.33 |
    | Qiming Information | 7.67 | 7.50 | 7.67 | 6.67 | 7.17 |
    | Beichen Digital | 5.50 | 7.17 | 6.83 | 7.67 | 7.83 |

    _Panel mean per vendor and criterion (global weight in the header), on a 0–10 scale. ⚑: evaluators differ by 30 % of the scale or more — discuss._

    | # | Vendor | Score |
    |---:|---|---:|
    | 1 | Yunfan Software | 82.91 |
    | 2 | Qiming Information | 82.08 |
    | 3 | Zhilian Technology | 81.41 |

    - Disqualified Beichen Digital: fails must-have R02 Actual cost collected per work order (Only standard cost per product; no actual cost per work order)
    - Partly meets must-haves Yunfan Software: R21 Lot and serial-number traceability (Serial-number tracing needs extra configuration, done during implementation)
    - Partly meets must-haves Qiming Information: R44 Backups and off-site disaster recovery (Off-site recovery needs a second server room provided by the buyer)
    - Partly meets must-haves Zhilian Technology: R16 Work orders sent to MES with completions written back (MES interface is custom work, included in the bid)

    ### Cells to discuss

    - ⚑ Zhilian Technology × Functionality: manufacturing: li-na 8.5, wang-qiang 6.5, zhang-wei 5 (spread 3.5)

    ### Sensitivity of the weights

    | Criterion | Weight | Winner stays first from | to |
    |---|---:|---:|---:|
    | Functionality: manufacturing | 15.0% | 7.5% | 100.0% |
    | Functionality: management | 20.0% | 12.8% | 100.0% |
    | Price | 30.0% | 0.0% | 33.2% |
    | Service | 15.0% | 7.4% | 100.0% |
    | Vendor strength | 5.0% | 0.0% | 34.4% |
    | Technology | 15.0% | 0.0% | 30.6% |

    - Smallest change: Price 30.0% → 33.2% makes Qiming Information the winner

    ## Total cost of ownership

    | Vendor | 2027 | 2028 | 2029 | 2030 | 2031 | Total | NPV |
    |---|---:|---:|---:|---:|---:|---:|---:|
    | Yunfan Software | 1,230,000.00 | 208,800.00 | 221,280.00 | 228,840.00 | 242,400.00 | **2,131,320.00** | 2,008,061.53 |
    | Zhilian Technology | 670,000.00 | 265,740.00 | 295,991.10 | 327,818.10 | 364,664.86 | **1,924,214.06** | 1,748,220.26 |
    | Qiming Information | 1,175,000.00 | 145,450.00 | 149,813.50 | 154,307.91 | 158,937.14 | **1,783,508.55** | 1,701,003.46 |
    | ✗ Beichen Digital | 426,000.00 | 244,728.00 | 278,804.52 | 314,705.38 | 356,561.19 | **1,620,799.09** | 1,451,673.07 |

    ## Budget envelopes

    Committed: signed contracts' payment milestones (after approved change orders); proposed: open contracts; the proposal of Yunfan Software is its signed contract C1, counted as committed.

    | Fiscal year | Cost center | Envelope | Committed | Proposed | Remaining | Used % | Status |
    |---|---|---:|---:|---:|---:|---:|---|
    | 2027 | IT | 2,300,000 | 1,940,000 | 286,000 | 74,000 | 96.8% | ⚠ near the limit |
    | 2028 | IT | 220,000 | 0 | 0 | 220,000 | 0.0% | within budget |
    | 2029 | IT | 300,000 | 0 | 0 | 300,000 | 0.0% | within budget |
    | 2030 | IT | 300,000 | 0 | 0 | 300,000 | 0.0% | within budget |
    | 2031 | IT | 300,000 | 0 | 0 | 300,000 | 0.0% | within budget |

    ## Payment cash flow

    | Month | Amount | Milestones |
    |---|---:|---|
    | 2027-01 | 558,000 | C1 Signing |
    | 2027-02 | 71,500 | C2 Quarter 1 fee |
    | 2027-05 | 71,500 | C2 Quarter 2 fee |
    | 2027-06 | 1,188,000 | C1 Go-live (blocked: A1.4 failed, A1.5 pending, A1.6 pending, A1.7 pending) |
    | 2027-08 | 71,500 | C2 Quarter 3 fee |
    | 2027-09 | 194,000 | C1 Final acceptance (blocked: A2.1 pending) |
    | 2027-11 | 71,500 | C2 Quarter 4 fee |

    | Contract | Milestone | Due | Percent | Amount | Condition | Status |
    |---|---|---|---:|---:|---|---|
    | C1 | Signing | 2027-01-15 | 30% | 558,000 | Contract signed | Paid |
    | C1 | Go-live (incl. 24,000: the paid milestones' share of later change orders) | 2027-06-30 | 60% | 1,188,000 | Go-live acceptance A1 | blocked: A1.4 failed, A1.5 pending, A1.6 pending, A1.7 pending |
    | C1 | Final acceptance | 2027-09-30 | 10% | 194,000 | Final acceptance A2 | blocked: A2.1 pending |
    | C2 | Quarter 1 fee | 2027-02-15 | 25% | 71,500 | Service activated | Planned |
    | C2 | Quarter 2 fee | 2027-05-15 | 25% | 71,500 | Previous quarter's service report | Planned |
    | C2 | Quarter 3 fee | 2027-08-15 | 25% | 71,500 | Previous quarter's service report | Planned |
    | C2 | Quarter 4 fee | 2027-11-15 | 25% | 71,500 | Previous quarter's service report | Planned |

    ## Contract review

    ### C1 ERP upgrade and add-on modules agreement — Yunfan Software

    Value: 1,940,000 · Status: Active

    | Key term | In the text |
    |---|---|
    | Term | 36 months |
    | Notice | 90 days |
    | Payment due | 30 days |
    | Governing law | laws of the People's Republic of China |
    | Dispute forum | Shanghai International Arbitration Center |
    | Liability cap | 8.2 The Supplier's aggregate liability under this Agreement is limited to the total price of this Agreement, except for loss caused by wilful misconduct or gross negligence. |

    - ⚑ Harsh payment terms (line 63): If the Buyer pays late, the Buyer pays 0.05% of the overdue amount for each day of delay.

    - OK · Penalties (line 62): 0.05% a day capped at 10%, the same for both sides
    - OK · Dispute resolution (line 121): Arbitration at the Shanghai International Arbitration Center: acceptable

    | Change | Date | Description | Delta | Status |
    |---|---|---|---:|---|
    | CO1 | 2027-03-10 | Add mobile approvals | 80,000 | Approved |
    | CO2 | 2027-05-18 | Add BI mobile dashboards | 45,000 | Proposed |

    ### C2 CRM and BI subscription service agreement — Zhilian Technology

    Value: 286,000 · Status: In review

    | Key term | In the text |
    |---|---|
    | Term | 12 months |
    | Renewal | 12 months |
    | Notice | 30 days |
    | Governing law | laws of the People's Republic of China |
    | Dispute forum | competent people's court at the place where the Provider is domiciled |
    | Liability cap | 11.1 The Provider's total liability under this Agreement is limited to the service fees actually paid by the Customer in the three months before the loss occurred. |

    - ⚑ Scope vague or set by the vendor (line 13): The subscription covers 60 named users; the functions are those of the standard edition as published on the Provider's website.
    - ⚑ Unspecified extra fees (line 19): Custom development, data migration, interfaces and on-site training requested by the Customer are charged separately.
    - ⚑ Unspecified extra fees (line 20): Users beyond the subscribed number are charged at the Provider's standard prices then in effect.
    - ⚑ Vendor may suspend service (line 26): If any payment is more than fifteen (15) days overdue, the Provider may suspend the service until all amounts due are paid.
    - ⚑ Service changed unilaterally (line 32): The Provider may change, upgrade or withdraw features as its business requires, announcing this on the platform.
    - ⚑ Auto-renewal with a notice window (line 51): Unless the Customer objects in writing within thirty (30) days before the end of a service period, this Agreement renews automatically for one year, any number of times.
    - ⚑ Unilateral price change (line 52): Fees for a renewed period are those then published by the Provider and will be notified separately by the Provider.
    - ⚑ Unilateral price change (line 56): The Provider may adjust its prices at its discretion according to market conditions and operating costs; adjusted prices apply from the date they are announced on the platform.
    - ⚑ Prepaid fees not refunded (line 57): If the Customer disagrees with an adjusted price it may terminate under section 12, but fees already paid are not refunded.
    - ⚑ Vendor may suspend service (line 61): The Provider may suspend the service without liability if: (a) the Customer pays late; (b) the Provider considers that the Customer's use may endanger the platform; (c) the platform is under maintenance or upgrade.
    - ⚑ Liability cap low or one-sided (line 69): The Provider's total liability under this Agreement is limited to the service fees actually paid by the Customer in the three months before the loss occurred.
    - ⚑ Liability excludes data loss (line 70): The Provider is not liable for loss of data, business interruption, loss of profit or any other indirect loss.
    - ⚑ Prepaid fees not refunded (line 74): If the Customer terminates early during a service period, fees already paid are not refunded.
    - ⚑ One-sided termination (line 75): If the Customer breaches this Agreement, the Provider may terminate it immediately.
    - ⚑ Harsh payment terms (line 79): For each day of late payment, the Customer pays the Provider a penalty of 0.1% of the overdue amount.
    - ⚑ Unspecified extra fees (line 93): The Provider decides, after assessment, whether to carry out functional changes or custom features requested by the Customer; such work is charged separately.
    - ⚑ Vendor's forum or law (line 102): The parties try to settle disputes by negotiation; failing that, either party shall bring the dispute before the competent people's court at the place where the Provider is domiciled.
    - ⚑ Terms changed unilaterally (line 115): The Provider may amend these terms; amended terms take effect when announced on the platform.
    - ⚑ Missing clause · Acceptance (not in the text)
    - ⚑ Missing clause · Confidentiality (not in the text)
    - ⚑ Missing clause · Data return (not in the text)

    - Missing · Acceptance: Even a subscription needs an activation acceptance clause
    - Negotiate · Liability (line 69): Cap is only three months of fees and excludes data loss; ask for a cap of one year's fees including data loss
    - Negotiate · Renewal (line 51): Automatic renewal; ask for written renewal or a 90-day notice period
    - Missing · Data return: Add data export and deletion on exit
    - Missing · Confidentiality
    - Negotiate · Price change (line 56): Provider may change prices unilaterally; ask for prices fixed for three years
    - Negotiate · Dispute resolution (line 102): Provider's home court; ask for the Shanghai International Arbitration Center

    ## Key dates

    | Date | In days | Contract | Event |
    |---|---:|---|---|
    | 2027-01-01 | 31 | C1 | Effective |
    | 2027-02-01 | 62 | C2 | Effective |
    | 2027-02-15 | 76 | C2 | Payment · Quarter 1 fee |
    | 2027-05-15 | 165 | C2 | Payment · Quarter 2 fee |
    | 2027-06-30 | 211 | C1 | Payment · Go-live |
    | 2027-08-15 | 257 | C2 | Payment · Quarter 3 fee |
    | 2027-09-30 | 303 | C1 | Payment · Final acceptance |
    | 2027-11-15 | 349 | C2 | Payment · Quarter 4 fee |
    | 2028-01-02 | 397 | C2 | Non-renewal notice deadline |
    | 2028-02-01 | 427 | C2 | Term ends |
    | 2028-09-30 | 669 | C1 | Warranty ends |
    | 2030-01-01 | 1127 | C1 | Term ends |

    ## Risks

    | ID | Risk | Type | L×I | Mitigation | Owner | Status |
    |---|---|---|---:|---|---|---|
    | RK10 | Cut-over clashes with month-end closing | Technical | 3×5=15 | Go live in the first week of a month; run the old system in parallel for a month | Production, Sun Jianguo | Open |
    | RK01 | MES interface incompatible with shop-floor machine data | Technical | 3×4=12 | Finish interface testing before go-live; pilot on 2 lines | IT, Zhao Lei | Open |
    | RK02 | Poor quality of migrated historical data | Technical | 3×4=12 | Two trial migrations; Finance reconciles every account balance | Finance, Zhou Min | Open |
    | RK03 | Key users unavailable during year-end closing | Personnel | 4×3=12 | Book key users early; only training during closing | HR, Wu Fang | Watching |
    | RK05 | Subscription renews automatically at a higher price | Vendor | 4×3=12 | Start renewal talks or send a non-renewal notice 60 days before expiry | IT, Zhao Lei | Open |
    | RK06 | Customer data leak from the SaaS platform | Data security | 2×5=10 | Ask for the security assessment report; add data security terms | IT, Zhao Lei | Open |
    | RK08 | Annual budget overrun | Financial | 3×3=9 | Change orders need Finance approval; budget tracked monthly | Finance, Zhou Min | Watching |
    | RK04 | Supplier replaces the project manager or key consultants | Vendor | 2×4=8 | Contract requires the buyer's consent to staff changes | IT, Zhao Lei | Open |
    | RK07 | Non-compliant processing of payroll personal data | Compliance | 2×4=8 | Personal information impact assessment; least-privilege access to payroll | HR, Wu Fang | Open |
    | RK11 | Monthly availability below the contract's commitment | Vendor | 2×4=8 | Check the vendor's monthly report against our monitoring; claim under the contract when missed | IT, Zhao Lei | Open |
    | RK09 | Vendor acquired and product line discontinued | Market | 1×4=4 | Source-code escrow and data export in the contract | IT, Zhao Lei | Closed |

    ## Delivery

    ### C1 ERP upgrade and add-on modules agreement — Yunfan Software

    | Phase | Status | Planned | Finished | Days late |
    |---|---|---|---|---:|
    | Assessment | done | 2027-01-04 – 2027-01-22 | 2027-01-22 | 0 |
    | Technical plan | done | 2027-01-25 – 2027-02-26 | 2027-03-05 | 7 |
    | Data migration | done | 2027-03-01 – 2027-04-20 | 2027-04-20 | 0 |
    | Testing | in progress | 2027-04-06 – 2027-05-28 |  | 0 |
    | Go-live | planned | 2027-06-01 – 2027-07-07 |  | 0 |
    | Optimisation | planned | 2027-07-08 – 2027-09-30 |  | 0 |

    - Acceptance tests: 3 passed, 1 failed, 4 pending; requirements accepted 6 of 13
    - Blocked: Go-live 1,188,000 (A1.4 failed, A1.5 pending, A1.6 pending, A1.7 pending)
    - Blocked: Final acceptance 194,000 (A2.1 pending)
    - Training: 5 sessions, pass rate 85.7% (target 90%); still to train: Huang Wei (General ledger), Gao Feng (Production scheduling), Luo Bing (Production scheduling)
    - Support: 5 tickets, 1 response and 1 resolution breaches, SLA met 60%, penalty 0
    - Availability (target 99.5%, contract line 41): 2027-02 99.95% met, 2027-03 99.8% met, 2027-04 99.25% missed

    Vendor reviews:

    | Period | Score | On time | First-pass | SLA | Training | Satisfaction | Note |
    |---|---:|---:|---:|---:|---:|---:|---|
    | 2027-04 | 63.6 | 60% | 75% | 50% | 86% | 3.5 (mean of 4 departments) | Blueprint a week late, migration on time; MES interface testing behind; one severity-1 response missed |

    Early warnings from delivery:

    - RK03 C1 training pass rate 85.7% below the target 90%
    - RK04 C1 2 SLA breaches in 2027-04 (threshold 2)
    - RK11 C1 availability 99.25% in 2027-04 below the target 99.5%
    """#
