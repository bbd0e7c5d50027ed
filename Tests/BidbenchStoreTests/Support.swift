import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// A temporary folder removed when the value goes away.
final class TempDir {
    let path: String

    init() {
        var template = Array((NSTemporaryDirectory() + "/bidbench-store-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = made.map { String(cString: $0) } ?? NSTemporaryDirectory() + "/bidbench-store-\(UUID().uuidString)"
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func url(_ rel: String) -> String { path + "/" + rel }

    func write(_ rel: String, _ text: String) { write(rel, Array(text.utf8)) }

    func write(_ rel: String, _ bytes: [UInt8]) {
        let full = url(rel)
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
    }

    func bytes(_ rel: String) -> [UInt8]? { FileManager.default.contents(atPath: url(rel)).map { Array($0) } }
    func text(_ rel: String) -> String? { bytes(rel).map { String(decoding: $0, as: UTF8.self) } }
    func exists(_ rel: String) -> Bool { FileManager.default.fileExists(atPath: url(rel)) }

    /// Writes every file of a fixture.
    func write(_ files: [String: String]) { for (k, v) in files { write(k, v) } }

    func mode(_ rel: String) -> Int { Int(stat(rel).st_mode & 0o777) }
    func inode(_ rel: String) -> UInt64 { UInt64(stat(rel).st_ino) }

    private func stat(_ rel: String) -> stat {
        var st = Foundation.stat()
        _ = lstat(url(rel), &st)
        return st
    }
}

/// A small canonical workspace: exactly the bytes Bidbench writes for it (sorted rows, README
/// column order, shortest numbers, money with two decimals when not whole).
enum Fixture {
    static let settings = """
        {
          "aggregate": "mean",
          "budget_stop": 1,
          "budget_warn": 0.9,
          "currency": "CNY",
          "discount_rate": 0.08,
          "escalation": 0.03,
          "first_year": 2027,
          "fiscal_year_start": "01-01",
          "horizon_years": 5,
          "language": "zh",
          "method": "wsm",
          "name": "演示工作区",
          "procurement_kind": "services",
          "revealed": true,
          "scale": 10,
          "schema": 1,
          "sme_deduction_percent": 10,
          "user_growth": 0.1,
          "users": 120,
          "x_custom": {
            "a": [
              1,
              2
            ],
            "b": "kept"
          }
        }

        """

    static let files: [String: String] = [
        "workspace.json": settings,
        "departments.csv": """
        id,name,contact,head_count
        D1,生产部,"王工, 13800000000",120
        D2,财务部,李会计,15

        """,
        "requirements.csv": """
        id,department,module,title,detail,priority,weight,acceptance,status,criterion,source
        R1,D1,MES,工单追溯,"扫码报工
        支持 ""批次"" 追溯",must,0.35,100% 可追溯,confirmed,C1,生产部 2026-11-20 调研
        R2,D2,FI,多币种,,should,1,,draft,C1,
        R10,D1,MES,看板,,could,2.5,,draft,,

        """,
        "criteria.csv": """
        id,parent,name,kind,weight,source
        C1,,功能,benefit,0.6,panel
        C2,,价格,cost,0.4,price

        """,
        "vendors.csv": """
        id,name,contact,qualifications,references,notes,sme,bid_price
        V1,甲软件,,ISO 9001,,,true,1286000
        V2,乙科技,,,,,false,99.50

        """,
        "gates.csv": """
        vendor,requirement,answer,note
        V1,R1,meets,
        V2,R1,partly,需二次开发

        """,
        "prices.csv": """
        vendor,item,category,model,unit_price,quantity,start_year,years,notes
        V1,ERP license,license,one_time,500000,1,,,
        V1,Maintenance,maintenance,percent_of_license,18,1,2,,
        V2,Subscription,subscription,per_user_annual,1200.50,100,1,5,

        """,
        "scores/张伟.csv": """
        vendor,criterion,score,note
        V1,C1,8.5,
        V2,C1,7,"ok, fine"

        """,
        "budget.csv": """
        fiscal_year,cost_center,category,amount
        2027,IT,,800000
        2027,IT,license,500000

        """,
        "payments.csv": """
        contract,milestone,percent,due,condition,status
        K1,签约,30,2027-01-15,合同签订,paid
        K1,验收,70,2027-06-30,终验通过,planned

        """,
        "contracts.csv": """
        id,vendor,title,file,signed,effective,term_months,auto_renew,renewal_months,notice_days,value,warranty_months,status
        K1,V1,ERP 实施合同,contracts/k1.md,2026-12-20,2027-01-01,36,true,12,60,1286000,12,signed

        """,
        "reviews.csv": """
        contract,clause,status,line,note
        K1,payment,ok,12,
        K1,renewal,negotiate,41,自动续约

        """,
        "changes.csv": """
        contract,id,date,description,price_delta,status
        K1,CO1,2027-03-01,增加报表,-1500.25,approved

        """,
        "risks.csv": """
        id,type,title,likelihood,impact,mitigation,owner,trigger,threshold,status
        X1,vendor,供应商人员流失,3,4,合同约定关键人员,张伟,milestone_overdue,14,open

        """,
        "scenarios.csv": """
        name,years,users,growth,escalation,discount_rate
        保守,5,120,0.05,10%,0.08
        扩张,,150,,,

        """,
        "survey.csv": """
        no,field,question_en,question_zh
        1,function,Which function do you need?,需要什么功能?
        2,problems,"What hurts today, in one line?",现在最大的问题是什么?
        10,acceptance,How do we accept it?,怎样验收?

        """,
        "meetings.csv": """
        id,kind,date,title,attendees,lead,department
        M1,survey,2026-11-20,生产部需求调研,"孙建国, 王芳",赵磊,D1

        """,
        "meeting_requirements.csv": """
        meeting,id,department,module,title,detail,priority,weight,acceptance,status,criterion,source
        M1,R1,D1,MES,工单追溯,扫码报工,should,0.35,,draft,C1,生产部 2026-11-20 调研

        """,
        "ahp/top.csv": """
        ,C1,C2
        C1,1,3
        C2,1/3,1

        """,
        "contracts/k1.md": "# ERP 实施合同\n\n第一条 范围……\n",
    ]

    /// A folder holding the fixture.
    static func folder() -> TempDir {
        let dir = TempDir()
        dir.write(files)
        return dir
    }
}
