import BidbenchCore

/// A workspace table that can be imported and exported (`bidbench import|export KIND`).
///
/// Import headers may use the workspace's own column names (README.md) or these synonyms; a header
/// cell is compared after trimming, lower-casing, dropping `*` marks and a trailing `(…)`/`（…）`
/// note (`单价（元）` is `单价`), with spaces and `-` read as `_` (`Unit Price` is `unit_price`):
///
/// - requirements: id 编号/需求编号; department 部门/需求部门/提出部门 (a department id or name);
///   module 模块/功能模块; title 需求/标题/需求名称/需求标题; detail 说明/详细说明/描述/需求描述;
///   priority 优先级 (必须/应该/可以/暂不 or must/should/could/won't); weight 权重;
///   acceptance 验收标准/Acceptance criteria; status 状态 (草稿/已确认/已合并/已放弃); criterion 准则/评价准则
///   (an id or name); source 来源
/// - departments: id 编号/部门编号; name 名称/部门/部门名称; contact 联系人; head_count 人数/员工数
/// - criteria: id 编号; parent 上级/上级准则; name 名称/准则/准则名称; kind 类型 (效益型/成本型);
///   weight 权重; source 来源 (评分/价格)
/// - vendors: id 编号/供应商编号; name 名称/供应商/供应商名称; contact 联系人/联系方式;
///   qualifications 资质; references 案例/业绩/成功案例; notes 备注; sme 中小企业/小微企业 (是/否);
///   bid_price 报价/投标报价
/// - gates: vendor 供应商; requirement 需求/需求编号; answer 应答/响应/结果 (满足/部分满足/不满足); note 备注
/// - prices: vendor 供应商 (id or name); item 项目/名称; category 类别 (许可/订阅/实施/定制/数据迁移/
///   培训/运维/硬件/其他); model 计价方式 (一次性/每年/按用户每年/按用户一次性/许可费比例);
///   unit_price 单价; quantity 数量; start_year 起始年; years 年数; notes 备注
/// - scores: evaluator 评委/评审人; vendor 供应商 (id or name); criterion 准则/评分项 (id or name);
///   score 分数/得分/评分; note 备注
/// - budget: fiscal_year 财年/年度; cost_center 成本中心; category 类别; amount 金额/预算
/// - payments: contract 合同; milestone 里程碑/节点; percent 比例/付款比例; due 到期日/计划日期;
///   condition 条件/付款条件; status 状态 (计划/到期/已付)
/// - contracts: id 编号/合同编号; vendor 供应商; title 标题/合同名称; file 文件; signed 签订日期;
///   effective 生效日期; term_months 期限/期限月数; auto_renew 自动续约; renewal_months 续约月数;
///   notice_days 通知天数/提前通知天数; value 金额/合同金额; warranty_months 质保期/质保月数; status 状态
/// - reviews: contract 合同; clause 条款; status 状态 (通过/需谈判/缺失/不适用); line 行号; note 备注
/// - changes: contract 合同; id 编号/变更编号; date 日期; description 说明/描述/变更内容;
///   price_delta 金额变化/变更金额; status 状态 (提议/已批准/已驳回)
/// - risks: id 编号/风险编号; type 类型/风险类型 (技术/市场/人员/供应商/数据安全/合规/财务);
///   title 风险/标题/风险名称; likelihood 可能性/概率; impact 影响/影响程度; mitigation 缓解措施/应对措施;
///   owner 负责人; trigger 触发条件; threshold 阈值; status 状态 (打开/观察/关闭)
public enum TableKind: String, CaseIterable, Sendable {
    case requirements, departments, vendors, criteria, gates, scores, prices, budget, payments, contracts, reviews, changes, risks
    // Delivery (after signing). `reviews` is the contract clause reviews, so vendor reviews are `vendor-reviews`.
    case tasks, tests, training
    case trainingResults = "training-results"
    case tickets, sla
    case vendorReviews = "vendor-reviews"
    case handover, availability

    /// The table's columns as exported (scores start with `evaluator`).
    public var columns: [String] {
        switch self {
        case .requirements: return Schema.requirements.columns
        case .departments: return Schema.departments.columns
        case .vendors: return Schema.vendors.columns
        case .criteria: return Schema.criteria.columns
        case .gates: return Schema.gates.columns
        case .scores: return ["evaluator"] + Schema.scores(file: "").columns
        case .prices: return Schema.prices.columns
        case .budget: return Schema.budget.columns
        case .payments: return Schema.payments.columns
        case .contracts: return Schema.contracts.columns
        case .reviews: return Schema.reviews.columns
        case .changes: return Schema.changes.columns
        case .risks: return Schema.risks.columns
        case .tasks: return Schema.tasks.columns
        case .tests: return Schema.acceptance.columns
        case .training: return Schema.training.columns
        case .trainingResults: return Schema.trainingResults.columns
        case .tickets: return Schema.tickets.columns
        case .sla: return Schema.sla.columns
        case .vendorReviews: return Schema.vendorReviews.columns
        case .handover: return Schema.handover.columns
        case .availability: return Schema.availability.columns
        }
    }

    /// `12 requirements`, `1 criterion`: the rows of this table in a summary.
    func noun(_ count: Int) -> String {
        let (one, many): (String, String)
        switch self {
        case .criteria: (one, many) = ("criterion", "criteria")
        case .gates: (one, many) = ("gate answer", "gate answers")
        case .prices: (one, many) = ("price line", "price lines")
        case .budget: (one, many) = ("budget envelope", "budget envelopes")
        case .payments: (one, many) = ("payment milestone", "payment milestones")
        case .reviews: (one, many) = ("clause review", "clause reviews")
        case .changes: (one, many) = ("change order", "change orders")
        case .tests: (one, many) = ("acceptance test", "acceptance tests")
        case .training: (one, many) = ("training session", "training sessions")
        case .trainingResults: (one, many) = ("training result", "training results")
        case .sla: (one, many) = ("SLA term", "SLA terms")
        case .vendorReviews: (one, many) = ("vendor review", "vendor reviews")
        case .handover: (one, many) = ("handover item", "handover items")
        case .availability: (one, many) = ("month of availability", "months of availability")
        default: (one, many) = (String(rawValue.dropLast()), rawValue)
        }
        return count == 1 ? one : many
    }

    /// Whether a file is a vendor scorecard: a header row (among the first ten, as a workbook's may sit
    /// under a title) naming `period` by any of its names and no `clause`, compared as the importer
    /// compares headers. `import reviews` then means the vendor reviews, not the clause reviews.
    static func looksLikeVendorReviews(_ records: [CSV.Record]) -> Bool {
        let period = Set((["period"] + (TableKind.vendorReviews.headerSynonyms["period"] ?? [])).map(Importer.fold))
        let clause = Set((["clause"] + (TableKind.reviews.headerSynonyms["clause"] ?? [])).map(Importer.fold))
        return records.prefix(10).contains { r in
            let names = Set(r.fields.map { Importer.fold($0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0) })
            return !names.isDisjoint(with: period) && names.isDisjoint(with: clause)
        }
    }

    // Kept as one function (a table): the header names accepted for each column of each table.
    /// Header synonyms by column (besides the column name itself).
    var headerSynonyms: [String: [String]] {
        switch self {
        case .requirements:
            return [
                "id": ["编号", "需求编号"], "department": ["部门", "需求部门", "提出部门"], "module": ["模块", "功能模块"],
                "title": ["需求", "标题", "需求名称", "需求标题"], "detail": ["说明", "详细说明", "描述", "需求描述", "详情"],
                "priority": ["优先级"], "weight": ["权重"], "acceptance": ["验收标准", "acceptance criteria", "acceptance criterion"],
                "status": ["状态"], "criterion": ["准则", "评价准则"], "source": ["来源"],
            ]
        case .departments:
            return ["id": ["编号", "部门编号"], "name": ["名称", "部门", "部门名称"], "contact": ["联系人"], "head_count": ["人数", "员工数"]]
        case .criteria:
            return [
                "id": ["编号", "准则编号"], "parent": ["上级", "上级准则"], "name": ["名称", "准则", "准则名称"],
                "kind": ["类型"], "weight": ["权重"], "source": ["来源"],
            ]
        case .vendors:
            return [
                "id": ["编号", "供应商编号"], "name": ["名称", "供应商", "供应商名称"], "contact": ["联系人", "联系方式"],
                "qualifications": ["资质"], "references": ["案例", "业绩", "成功案例"], "notes": ["备注"],
                "sme": ["中小企业", "小微企业"], "bid_price": ["报价", "投标报价"],
            ]
        case .gates:
            return ["vendor": ["供应商"], "requirement": ["需求", "需求编号"], "answer": ["应答", "响应", "结果"], "note": ["备注", "说明"]]
        case .scores:
            return [
                "evaluator": ["评委", "评审人", "评分人"], "vendor": ["供应商"], "criterion": ["准则", "评分项"],
                "score": ["分数", "得分", "评分"], "note": ["备注"],
            ]
        case .prices:
            return [
                "vendor": ["供应商"], "item": ["项目", "名称"], "category": ["类别"], "model": ["计价方式"], "unit_price": ["单价"],
                "quantity": ["数量"], "start_year": ["起始年"], "years": ["年数"], "notes": ["备注"],
            ]
        case .budget:
            return ["fiscal_year": ["财年", "年度"], "cost_center": ["成本中心"], "category": ["类别"], "amount": ["金额", "预算"]]
        case .payments:
            return [
                "contract": ["合同"], "milestone": ["里程碑", "节点"], "percent": ["比例", "付款比例"], "due": ["到期日", "计划日期"],
                "condition": ["条件", "付款条件"], "status": ["状态"],
            ]
        case .contracts:
            return [
                "id": ["编号", "合同编号"], "vendor": ["供应商"], "title": ["标题", "合同名称"], "file": ["文件"],
                "signed": ["签订日期"], "effective": ["生效日期"], "term_months": ["期限", "期限月数"], "auto_renew": ["自动续约"],
                "renewal_months": ["续约月数"], "notice_days": ["通知天数", "提前通知天数"], "value": ["金额", "合同金额"],
                "warranty_months": ["质保期", "质保月数"], "status": ["状态"],
            ]
        case .reviews:
            return ["contract": ["合同"], "clause": ["条款"], "status": ["状态"], "line": ["行号"], "note": ["备注"]]
        case .changes:
            return [
                "contract": ["合同"], "id": ["编号", "变更编号"], "date": ["日期"], "description": ["说明", "描述", "变更内容"],
                "price_delta": ["金额变化", "变更金额"], "status": ["状态"],
            ]
        case .risks:
            return [
                "id": ["编号", "风险编号"], "type": ["类型", "风险类型"], "title": ["风险", "标题", "风险名称"],
                "likelihood": ["可能性", "概率"], "impact": ["影响", "影响程度"], "mitigation": ["缓解措施", "应对措施"],
                "owner": ["负责人"], "trigger": ["触发条件"], "threshold": ["阈值"], "status": ["状态"],
            ]
        case .tasks:
            return [
                "contract": ["合同"], "id": ["编号", "任务编号"], "phase": ["阶段"], "title": ["任务", "标题", "任务名称"],
                "owner": ["负责人"], "planned_start": ["计划开始"], "planned_end": ["计划完成", "计划结束"], "actual_start": ["实际开始"],
                "actual_end": ["实际完成", "实际结束"], "status": ["状态"], "depends_on": ["前置任务", "依赖"],
            ]
        case .tests:
            return [
                "contract": ["合同"], "id": ["编号", "测试编号"], "requirements": ["需求", "需求编号"], "criterion": ["验收标准", "标准"],
                "result": ["结果", "测试结果"], "date": ["日期", "测试日期"], "tester": ["测试人"], "note": ["备注", "证据"],
                "attempts": ["次数", "测试次数"],
            ]
        case .training:
            return [
                "contract": ["合同"], "id": ["编号", "场次"], "level": ["层级", "用户层级"], "module": ["模块"], "date": ["日期"],
                "mode": ["方式", "培训方式"], "trainer": ["讲师", "培训师"], "planned": ["计划人数"], "present": ["实到人数", "出席人数"],
                "pass_target": ["目标通过率", "通过率目标"],
            ]
        case .trainingResults:
            return ["session": ["场次"], "person": ["姓名", "学员"], "department": ["部门"], "score": ["成绩", "分数"], "passed": ["通过", "是否通过"]]
        case .tickets:
            return [
                "contract": ["合同"], "id": ["编号", "工单号"], "severity": ["级别", "故障级别"], "module": ["模块"],
                "opened": ["创建时间", "报告时间"], "first_response": ["首次响应", "响应时间"], "resolved": ["解决时间", "关闭时间"],
                "note": ["备注", "说明"],
            ]
        case .sla:
            return [
                "contract": ["合同"], "severity": ["级别", "故障级别"], "response_hours": ["响应小时", "响应时限"],
                "resolution_hours": ["解决小时", "解决时限"], "penalty_per_breach": ["每次违约金", "违约金"],
            ]
        case .vendorReviews:
            return [
                "vendor": ["供应商"], "period": ["期间", "周期"], "on_time_pct": ["按时率"], "acceptance_first_pass_pct": ["一次验收通过率"],
                "sla_pct": ["sla达标率"], "training_pass_pct": ["培训通过率"], "satisfaction": ["满意度"], "score": ["得分"],
                "note": ["备注", "评语"], "reviewer": ["评审人"],
            ]
        case .handover:
            return ["contract": ["合同"], "item": ["事项"], "status": ["状态"], "date": ["日期"], "note": ["备注"]]
        case .availability:
            return [
                "contract": ["合同"], "month": ["月份", "月"], "percent": ["可用率", "可用性", "availability"],
                "downtime_minutes": ["停机分钟", "停机时长", "downtime"], "service_minutes": ["服务分钟", "服务时长"], "note": ["备注", "说明"],
            ]
        }
    }

    /// Chinese (and spaced English) spellings of enumerated cells, by column; unknown spellings are
    /// left as they are for the table's own parser to report.
    var valueSynonyms: [String: [String: String]] {
        switch self {
        case .criteria:
            return [
                "kind": ["效益型": "benefit", "效益": "benefit", "收益型": "benefit", "成本型": "cost", "成本": "cost"],
                "source": [
                    "评分": "panel", "评委": "panel", "价格": "price", "报价": "price", "过往履约": "past_performance",
                    "履约评价": "past_performance",
                ],
            ]
        case .gates:
            return ["answer": ["满足": "meets", "符合": "meets", "部分满足": "partly", "部分": "partly", "不满足": "no", "否": "no"]]
        case .prices:
            return [
                "category": [
                    "许可": "license", "软件许可": "license", "订阅": "subscription", "实施": "implementation",
                    "定制": "customization", "二次开发": "customization", "数据迁移": "data_migration", "培训": "training",
                    "运维": "maintenance", "维护": "maintenance", "硬件": "hardware", "其他": "other",
                ],
                "model": [
                    "一次性": "one_time", "每年": "annual", "按年": "annual", "年费": "annual",
                    "按用户每年": "per_user_annual", "每用户每年": "per_user_annual",
                    "按用户一次性": "per_user_one_time", "每用户一次性": "per_user_one_time",
                    "许可费比例": "percent_of_license", "按许可费比例": "percent_of_license",
                ],
            ]
        case .payments:
            return ["status": ["计划": "planned", "未付": "planned", "到期": "due", "待付": "due", "已付": "paid", "已支付": "paid"]]
        case .contracts:
            return [
                "status": [
                    "草稿": "draft", "审核": "review", "评审中": "review", "已签": "signed", "已签署": "signed",
                    "执行中": "active", "生效": "active", "到期": "expired", "已到期": "expired", "终止": "terminated", "已终止": "terminated",
                ]
            ]
        case .reviews:
            return ["status": ["通过": "ok", "正常": "ok", "需谈判": "negotiate", "待谈判": "negotiate", "缺失": "missing", "不适用": "n/a"]]
        case .changes:
            return [
                "status": [
                    "提议": "proposed", "待批": "proposed", "已批准": "approved", "批准": "approved",
                    "已驳回": "rejected", "驳回": "rejected", "拒绝": "rejected",
                ]
            ]
        case .risks:
            return [
                "type": [
                    "技术": "technical", "市场": "market", "人员": "personnel", "供应商": "vendor", "数据安全": "data_security",
                    "合规": "compliance", "财务": "financial",
                ],
                "status": [
                    "打开": "open", "开放": "open", "未关闭": "open", "观察": "watching", "监控": "watching",
                    "关闭": "closed", "已关闭": "closed",
                ],
            ]
        default:
            return [:]
        }
    }

    /// Prefix of new ids when the table has none to learn from; nil for tables without a single id column.
    var idPrefix: String? {
        switch self {
        case .requirements: return "R"
        case .departments: return "D"
        case .criteria: return "C"
        case .vendors: return "V"
        case .contracts: return "K"
        case .risks: return "RK"
        default: return nil
        }
    }

    /// The column named in a "this row is already there" problem: the last column of the table's unique key.
    /// Nil for tables whose rows need not be unique (prices, payments).
    var uniqueField: String? {
        switch self {
        case .prices, .payments: return nil
        case .trainingResults: return "person"
        case .sla: return "severity"
        case .vendorReviews: return "period"
        case .handover: return "item"
        case .availability: return "month"
        case .gates: return "requirement"
        case .scores: return "criterion"
        case .budget: return "category"
        case .reviews: return "clause"
        default: return "id"
        }
    }
}

/// How a column's cells are typed in JSON exports and whether the export's formula guard spares them.
enum ColumnType {
    case text, int, number, money, bool, day

    static func of(_ column: String) -> ColumnType {
        switch column {
        case "head_count", "quantity", "start_year", "years", "fiscal_year", "term_months", "renewal_months", "notice_days",
            "warranty_months", "line", "likelihood", "impact", "severity", "planned", "present", "attempts",
            "downtime_minutes", "service_minutes":
            return .int
        case "weight", "score", "percent", "pass_target", "response_hours", "resolution_hours", "on_time_pct",
            "acceptance_first_pass_pct", "sla_pct", "training_pass_pct", "satisfaction":
            return .number
        case "bid_price", "unit_price", "amount", "value", "price_delta", "penalty_per_breach": return .money
        case "sme", "auto_renew", "passed": return .bool
        case "due", "signed", "effective", "date", "planned_start", "planned_end", "actual_start", "actual_end": return .day
        default: return .text
        }
    }
}
