/// Word lists the generator builds names, titles and sentences from. Each entry pairs the
/// Simplified Chinese form with the English one, so a record can be written in either language.
enum Vocabulary {
    struct Pair: Sendable {
        let zh: String
        let en: String
    }

    /// A module of the suite, the criterion its requirements roll up to, and the things it manages.
    struct Module: Sendable {
        let name: Pair
        let criterion: String
        let objects: [Pair]
    }

    static let departments: [Pair] = [
        .init(zh: "财务部", en: "Finance"), .init(zh: "销售部", en: "Sales"), .init(zh: "生产部", en: "Production"),
        .init(zh: "采购部", en: "Purchasing"), .init(zh: "仓储物流部", en: "Warehouse & Logistics"),
        .init(zh: "质量部", en: "Quality"), .init(zh: "人力资源部", en: "Human Resources"), .init(zh: "信息部", en: "IT"),
        .init(zh: "设备部", en: "Maintenance"), .init(zh: "研发中心", en: "R&D"), .init(zh: "客户服务部", en: "Customer Service"),
        .init(zh: "行政部", en: "Administration"), .init(zh: "法务部", en: "Legal"), .init(zh: "审计部", en: "Internal Audit"),
        .init(zh: "市场部", en: "Marketing"), .init(zh: "计划部", en: "Planning"),
    ]

    /// Sites that prefix department names once the base list is used up.
    static let sites: [Pair] = [
        .init(zh: "", en: ""), .init(zh: "华东工厂", en: "East China Plant"), .init(zh: "华南工厂", en: "South China Plant"),
        .init(zh: "苏州基地", en: "Suzhou Site"), .init(zh: "天津基地", en: "Tianjin Site"), .init(zh: "成都分公司", en: "Chengdu Branch"),
        .init(zh: "武汉分公司", en: "Wuhan Branch"), .init(zh: "新加坡办事处", en: "Singapore Office"),
    ]

    static let modules: [Module] = [
        .init(
            name: .init(zh: "总账", en: "General ledger"), criterion: "func_fin",
            objects: [
                .init(zh: "记账凭证", en: "journal vouchers"), .init(zh: "外币凭证", en: "foreign-currency vouchers"),
                .init(zh: "月末结账", en: "month-end closing"), .init(zh: "科目余额表", en: "trial balances"),
            ]),
        .init(
            name: .init(zh: "应收应付", en: "Receivables & payables"), criterion: "func_fin",
            objects: [
                .init(zh: "应收账款", en: "receivables"), .init(zh: "供应商发票", en: "supplier invoices"),
                .init(zh: "付款申请", en: "payment requests"), .init(zh: "往来对账单", en: "account statements"),
            ]),
        .init(
            name: .init(zh: "成本", en: "Costing"), criterion: "func_fin",
            objects: [
                .init(zh: "工单成本", en: "work-order costs"), .init(zh: "标准成本", en: "standard costs"),
                .init(zh: "制造费用", en: "manufacturing overheads"),
            ]),
        .init(
            name: .init(zh: "资金", en: "Treasury"), criterion: "func_fin",
            objects: [
                .init(zh: "银行流水", en: "bank statements"), .init(zh: "资金计划", en: "cash plans"),
            ]),
        .init(
            name: .init(zh: "采购", en: "Procurement"), criterion: "func_scm",
            objects: [
                .init(zh: "采购订单", en: "purchase orders"), .init(zh: "询价单", en: "requests for quotation"),
                .init(zh: "供应商档案", en: "supplier records"), .init(zh: "到货检验", en: "incoming inspections"),
            ]),
        .init(
            name: .init(zh: "库存", en: "Inventory"), criterion: "func_scm",
            objects: [
                .init(zh: "库存台账", en: "stock ledgers"), .init(zh: "盘点单", en: "stock counts"),
                .init(zh: "批次号", en: "batch numbers"), .init(zh: "安全库存", en: "safety stock levels"),
            ]),
        .init(
            name: .init(zh: "销售", en: "Sales"), criterion: "func_scm",
            objects: [
                .init(zh: "销售订单", en: "sales orders"), .init(zh: "发货单", en: "delivery notes"),
                .init(zh: "价格表", en: "price lists"), .init(zh: "信用额度", en: "credit limits"),
            ]),
        .init(
            name: .init(zh: "生产计划", en: "Production planning"), criterion: "func_mfg",
            objects: [
                .init(zh: "主生产计划", en: "master production schedules"), .init(zh: "物料需求", en: "material requirements"),
                .init(zh: "产能负荷", en: "capacity loads"),
            ]),
        .init(
            name: .init(zh: "车间执行", en: "Shop floor"), criterion: "func_mfg",
            objects: [
                .init(zh: "生产工单", en: "work orders"), .init(zh: "报工记录", en: "production reports"),
                .init(zh: "工序流转卡", en: "routing cards"),
            ]),
        .init(
            name: .init(zh: "质量", en: "Quality"), criterion: "func_mfg",
            objects: [
                .init(zh: "检验记录", en: "inspection records"), .init(zh: "不合格品", en: "nonconformities"),
                .init(zh: "质量追溯", en: "quality traces"),
            ]),
        .init(
            name: .init(zh: "设备", en: "Maintenance"), criterion: "func_mfg",
            objects: [
                .init(zh: "设备台账", en: "equipment registers"), .init(zh: "保养计划", en: "maintenance plans"),
            ]),
        .init(
            name: .init(zh: "CRM", en: "CRM"), criterion: "func_crm",
            objects: [
                .init(zh: "客户线索", en: "leads"), .init(zh: "商机", en: "opportunities"), .init(zh: "拜访记录", en: "visit reports"),
            ]),
        .init(
            name: .init(zh: "OA 审批", en: "Workflow"), criterion: "func_crm",
            objects: [
                .init(zh: "费用报销单", en: "expense claims"), .init(zh: "合同审批", en: "contract approvals"),
                .init(zh: "公文", en: "memos"),
            ]),
        .init(
            name: .init(zh: "人力资源", en: "HR"), criterion: "func_crm",
            objects: [
                .init(zh: "考勤记录", en: "attendance records"), .init(zh: "工资表", en: "payrolls"),
                .init(zh: "员工档案", en: "employee files"),
            ]),
        .init(
            name: .init(zh: "BI 报表", en: "BI"), criterion: "func_crm",
            objects: [
                .init(zh: "经营看板", en: "management dashboards"), .init(zh: "销售报表", en: "sales reports"),
            ]),
        .init(
            name: .init(zh: "系统集成", en: "Integration"), criterion: "tech_arch",
            objects: [
                .init(zh: "MES 接口", en: "MES interfaces"), .init(zh: "主数据", en: "master data"),
                .init(zh: "开放 API", en: "open APIs"),
            ]),
        .init(
            name: .init(zh: "权限安全", en: "Security"), criterion: "tech_sec",
            objects: [
                .init(zh: "用户权限", en: "user permissions"), .init(zh: "操作日志", en: "audit logs"),
                .init(zh: "敏感数据", en: "sensitive data"),
            ]),
    ]

    /// What a requirement asks the system to do with an object; the English side holds `%@` for the object.
    static let verbs: [Pair] = [
        .init(zh: "自动生成", en: "Generate %@ automatically"), .init(zh: "批量导入", en: "Import %@ in bulk"),
        .init(zh: "在线审批", en: "Approve %@ online"), .init(zh: "实时查询", en: "Query %@ in real time"),
        .init(zh: "按部门统计", en: "Summarise %@ by department"), .init(zh: "移动端查看", en: "View %@ on mobile"),
        .init(zh: "导出 Excel", en: "Export %@ to Excel"), .init(zh: "多维分析", en: "Analyse %@ across dimensions"),
        .init(zh: "超期预警", en: "Raise alerts on overdue %@"), .init(zh: "变更追溯", en: "Trace changes to %@"),
        .init(zh: "多组织共享", en: "Share %@ across entities"), .init(zh: "按角色控制权限", en: "Control access to %@ by role"),
    ]

    /// Optional qualifiers that make titles less repetitive.
    static let qualifiers: [Pair] = [
        .init(zh: "", en: ""), .init(zh: "", en: ""), .init(zh: "（支持多工厂）", en: " for several plants"),
        .init(zh: "（按月）", en: " monthly"), .init(zh: "（含附件）", en: " with attachments"),
        .init(zh: "（双语界面）", en: " with a bilingual UI"),
    ]

    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"]
    static let givenNames = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "涛", "明", "超", "霞", "平", "刚", "强", "丽", "鹏"]
    static let englishNames = ["Emily Chen", "David Wong", "Grace Lin", "Kevin Zhao", "Sophie Wu", "Daniel Ho", "Irene Tan", "Michael Lee"]

    static let vendorPrefixes = [
        "云帆", "智链", "启明", "北辰", "华信", "金穗", "蓝海", "鼎信", "恒拓", "明德",
        "睿思", "天衡", "远景", "星河", "博纳", "汇智", "易达", "致远", "中联", "海创",
    ]
    static let vendorSuffixes = ["软件", "科技", "信息", "数科", "云计算", "智能"]
    static let englishVendorPrefixes = ["Northwind", "Bluepeak", "Orbis", "Meridian", "Helix", "Summit", "Vertex", "Lumen"]
    static let englishVendorSuffixes = ["Systems", "Software", "Cloud", "Solutions"]

    static let qualifications: [Pair] = [
        .init(zh: "ISO 9001；ISO 27001；CMMI3", en: "ISO 9001; ISO 27001; CMMI 3"),
        .init(zh: "ISO 27001；云平台等保三级", en: "ISO 27001; MLPS level 3 cloud"),
        .init(zh: "ISO 9001；CMMI5", en: "ISO 9001; CMMI 5"),
        .init(zh: "ISO 20000；ISO 27001", en: "ISO 20000; ISO 27001"),
    ]

    static let riskTitles: [RiskType: [Pair]] = [
        .technical: [
            .init(zh: "接口与现有系统不兼容", en: "Interfaces incompatible with existing systems"),
            .init(zh: "历史数据迁移质量不达标", en: "Poor quality of migrated history data"),
        ],
        .market: [
            .init(zh: "许可价格上涨", en: "Licence prices rise"), .init(zh: "产品线被收购后停止演进", en: "Product line frozen after an acquisition"),
        ],
        .personnel: [.init(zh: "关键用户投入不足", en: "Key users lack time"), .init(zh: "内部项目经理离职", en: "Internal project manager leaves")],
        .vendor: [
            .init(zh: "乙方更换项目经理", en: "Vendor replaces the project manager"), .init(zh: "供应商经营困难", en: "Vendor in financial trouble"),
        ],
        .data_security: [
            .init(zh: "云端数据泄露", en: "Data leak in the cloud"), .init(zh: "权限配置错误导致越权访问", en: "Misconfigured permissions expose data"),
        ],
        .compliance: [
            .init(zh: "个人信息跨境传输不合规", en: "Non-compliant cross-border personal data transfer"),
            .init(zh: "等保测评未通过", en: "Security assessment not passed"),
        ],
        .financial: [
            .init(zh: "实施费用超出预算", en: "Implementation cost overrun"),
            .init(zh: "汇率波动影响外币报价", en: "Exchange rates move foreign-currency quotes"),
        ],
    ]

    static let mitigations: [Pair] = [
        .init(zh: "上线前完成联调并选两条产线试点", en: "Finish integration tests and pilot on two lines before go-live"),
        .init(zh: "合同约定人员更换须经甲方同意", en: "Contract requires the buyer's consent to staff changes"),
        .init(zh: "两轮模拟迁移并逐科目核对余额", en: "Two trial migrations with account-by-account checks"),
        .init(zh: "每月复核预算执行情况", en: "Review budget use monthly"),
        .init(zh: "锁定价格三年并约定调价上限", en: "Fix prices for three years with a cap on increases"),
    ]
}
