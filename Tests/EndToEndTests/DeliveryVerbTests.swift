import Foundation
import Testing

/// `bidbench delivery` and the delivery imports, run as the built binary on real workspace files.
@Suite struct DeliveryVerbTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: ["demo", "demo-en"])
    func demoHalfWayThroughDelivery(demo: String) throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy(demo)
        let r = try bidbench("delivery", "-w", ws, "--today", "2027-05-10", "--json")
        #expect(r.status == 0, "\(r.err)")
        let root = try json(r.out)
        let contracts = try #require(root["contracts"] as? [[String: Any]])
        #expect(contracts.count == 1)
        let c = contracts[0]
        #expect(c["contract"] as? String == "C1")
        let phases = try #require(c["phases"] as? [[String: Any]])
        #expect(
            phases.map { $0["id"] as? String } == ["assessment", "technical_plan", "data_migration", "testing", "go_live", "optimisation"])
        #expect(phases.map { $0["status"] as? String } == ["done", "done", "done", "in_progress", "planned", "planned"])
        // Migration finished 2027-04-20; the MES interface task was due 2027-04-30: 10 days late on 2027-05-10.
        #expect(phases[2]["actual_end"] as? String == "2027-04-20")
        #expect(phases.map { $0["overdue_days"] as? Int } == [0, 0, 0, 10, 0, 0])
        #expect(phases[3]["planned_start"] as? String == "2027-04-06" && phases[3]["planned_end"] as? String == "2027-05-28")
        let a = try #require(c["acceptance"] as? [String: Any])
        #expect(a["passed"] as? Int == 3 && a["failed"] as? Int == 1 && a["pending"] as? Int == 4)
        #expect(a["requirements_accepted"] as? Int == 6 && a["requirements_total"] as? Int == 13)
        // Value 1 860 000 + the approved change order 80 000 = 1 940 000; the 30 % signing payment was
        // paid in January (nothing is payable now), 60 % waits for A1.
        let payable = try #require(c["payable"] as? [[String: Any]])
        #expect(payable.isEmpty)
        let paid = try #require(c["paid"] as? [[String: Any]])
        #expect(paid.count == 1 && (paid[0]["amount"] as? NSNumber)?.doubleValue == 558_000 && paid[0]["due"] as? String == "2027-01-15")
        let blocked = try #require(c["blocked"] as? [[String: Any]])
        #expect(blocked.map { ($0["amount"] as? NSNumber)?.doubleValue } == [1_188_000, 194_000])
        #expect(blocked[0]["reason"] as? String == "A1.4 failed, A1.5 pending, A1.6 pending, A1.7 pending")
        let t = try #require(c["training"] as? [String: Any])
        #expect(t["sessions"] as? Int == 5 && t["target"] as? Double == 0.9)
        // 12 of 14 who sat a test passed.
        #expect(t["pass_rate"] as? Double == 0.8571)
        #expect((t["needs_training"] as? [[String: Any]])?.count == 3)
        let s = try #require(c["support"] as? [String: Any])
        #expect(s["tickets"] as? Int == 5 && s["response_breaches"] as? Int == 1 && s["resolution_breaches"] as? Int == 1)
        #expect((s["penalty"] as? NSNumber)?.doubleValue == 0 && s["sla_pct"] as? Int == 60)
        let reviews = try #require(c["reviews"] as? [[String: Any]])
        #expect(reviews.count == 1 && reviews[0]["period"] as? String == "2027-04" && reviews[0]["score"] as? Double == 63.6)
        #expect(reviews[0]["on_time_pct"] as? Int == 60 && reviews[0]["sla_pct"] as? Int == 50)
        let warnings = try #require(root["warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["risk"] as? String } == ["RK03", "RK04", "RK10", "RK11"])
        // April: 324 of 43 200 minutes down = 99.25 %, below the 99.5 % of the contract's line 41 (clause 5.5).
        #expect(warnings.last?["message"] as? String == "C1 availability 99.25% in 2027-04 below the target 99.5%")
        #expect(s["availability_target"] as? Double == 99.5 && s["availability_target_source"] as? String == "contract line 41")
        let months = try #require(s["availability"] as? [[String: Any]])
        #expect(months.map { $0["month"] as? String } == ["2027-02", "2027-03", "2027-04"])
        #expect(months.map { ($0["percent"] as? NSNumber)?.doubleValue } == [99.95, 99.8, 99.25])
        #expect(months.map { $0["met"] as? Bool } == [true, true, false])
        #expect(months.map { ($0["target"] as? NSNumber)?.doubleValue } == [99.5, 99.5, 99.5])
        #expect(months[2]["downtime_minutes"] as? Int == 324 && months[0]["downtime_minutes"] is NSNull)
    }

    /// Regression: the text said "target 90.0%" while its warning said "target 90%"; every delivery
    /// percentage is now written as the delivery screen writes it (`NumberText.percent(points:)`).
    @Test func theTextWritesPercentagesAsTheScreenAndTheWarningsDo() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo-en")
        let r = try bidbench("delivery", "-w", ws, "--today", "2027-05-10")
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.contains("  Plan (on time 40%):"))
        #expect(lines.contains("  Training: 5 sessions, pass rate 85.7% (target 90%); still to train: Huang Wei, Gao Feng, Luo Bing"))
        #expect(lines.contains("  Support: 5 tickets, 1 response and 1 resolution breaches, SLA 60%, penalty 0"))
        #expect(lines.contains("  RK03 C1 training pass rate 85.7% below the target 90%"))
        #expect(!r.out.contains(".0%"))
    }

    /// The text summary spoke English on a Chinese workspace; it follows the workspace's language,
    /// and `--lang` (anywhere on the line) wins.
    @Test func theTextSummaryIsInTheWorkspacesLanguageOrLang() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo")
        let zh = try bidbench("delivery", "-w", ws, "--today", "2027-05-10")
        #expect(zh.status == 0)
        let lines = zh.out.components(separatedBy: "\n")
        #expect(lines[0] == "交付情况 (2027-05-10)")
        #expect(lines.contains("  实施计划 (按时率 40%):"))
        #expect(lines.contains("  验收: 通过 3 · 未通过 1 · 待测 4; 需求已验收 6/13"))
        #expect(lines.contains("  暂不可付: 上线款 1,188,000 (A1.4 未通过、A1.5 待测、A1.6 待测、A1.7 待测)"))
        #expect(lines.contains("  支持: 工单 5 个, 响应超时 1 次, 解决超时 1 次, SLA 达标 60%, 违约金 0"))
        // What is paid, and the exit checklist once begun (the summary showed neither).
        #expect(lines.contains("  已付: 签约款 558,000 (2027-01-15)"))
        #expect(!zh.out.contains("终止与移交"))
        try "contract,item,status,date,note\nC1,data_export,done,2027-05-09,\"CSV 全量导出, 已核对\"\nC1,documents,n/a,,\n".write(
            toFile: ws + "/handover.csv", atomically: true, encoding: .utf8)
        let begun = try bidbench("delivery", "-w", ws, "--today", "2027-05-10")
        // In the handout's and report's words: every item once one is begun, with its date and note.
        #expect(
            begun.out.contains("  终止与移交（指南 §七）: 已完成 1/5 项。\n    已收到数据导出：已完成 2027-05-09 — CSV 全量导出, 已核对\n"),
            "\(begun.out)\(begun.err)")
        #expect(begun.out.contains("    文档与配置已移交：不适用\n"))
        #expect(lines.contains("预警:"))
        #expect(!zh.out.contains("Blocked") && !zh.out.contains("Acceptance"))
        let en = try bidbench("delivery", "-w", ws, "--today", "2027-05-10", "--lang", "en")
        #expect(en.out.hasPrefix("Delivery on 2027-05-10\n"))
        #expect(en.out.contains("  Blocked: 上线款 1,188,000 (A1.4 failed, A1.5 pending, A1.6 pending, A1.7 pending)\n"))
        let english = try bidbench("delivery", "-w", try tmp.demoCopy("demo-en"), "--today", "2027-05-10")
        #expect(english.out.hasPrefix("Delivery on 2027-05-10\n"))
        #expect(try bidbench("delivery", "-w", ws, "--lang", "fr").status != 0)
    }

    @Test func oneContractAndAnUnknownOne() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo")
        let r = try bidbench("delivery", "-w", ws, "--contract", "C2", "--today", "2027-05-10", "--json")
        let c = try #require((try json(r.out))["contracts"] as? [[String: Any]])
        #expect(c.count == 1 && c[0]["contract"] as? String == "C2" && (c[0]["phases"] as? [Any])?.isEmpty == true)
        let bad = try bidbench("delivery", "-w", ws, "--contract", "C9")
        #expect(bad.status == 1 && bad.err == "error: no contract \"C9\" in contracts.csv (ids: C1, C2)\n")
    }

    /// `import reviews` (the delivery issue's name) of a vendor scorecard lands in vendor_reviews.csv;
    /// the same verb with a clause-review file still imports clause reviews.
    @Test func importReviewsOfAScorecardAreVendorReviews() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo")
        let clauses = try String(contentsOfFile: ws + "/reviews.csv", encoding: .utf8)
        let file = tmp.path + "/q2.csv"
        try "供应商,期间,按时率,一次验收通过率,sla达标率,培训通过率,满意度,得分,评语\nV1,2027-Q2,70,80,90,95,4,,联调追回进度\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let r = try bidbench("import", "reviews", file, "-w", ws)
        #expect(r.status == 0, "\(r.err)")
        let reviews = try String(contentsOfFile: ws + "/vendor_reviews.csv", encoding: .utf8)
        // The score is the scorecard formula's (left empty, Bidbench fills it in).
        #expect(reviews.hasSuffix("V1,2027-Q2,70,80,90,95,4,80.5,联调追回进度,\n"), "\(reviews)")
        #expect(r.out == "imported 1 vendor review into \(ws)\n")
        #expect(try String(contentsOfFile: ws + "/reviews.csv", encoding: .utf8) == clauses)
        // Headers are compared as the importer compares them: `Period *` is period.
        try "Vendor,Period *,On time pct,acceptance-first-pass-pct,SLA pct,training_pass_pct,satisfaction\nV1,2027-Q3,75,80,90,95,4\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let q3 = try bidbench("import", "reviews", file, "-w", ws)
        #expect(q3.status == 0 && q3.out == "imported 1 vendor review into \(ws)\n", "\(q3.err)")
        let clauseFile = tmp.path + "/c.csv"
        try "contract,clause,status,note\nC2,ip,negotiate,源码托管\n".write(toFile: clauseFile, atomically: true, encoding: .utf8)
        let c = try bidbench("import", "reviews", clauseFile, "-w", ws)
        #expect(c.status == 0, "\(c.err)")
        #expect(try String(contentsOfFile: ws + "/reviews.csv", encoding: .utf8).contains("C2,ip,negotiate,"))
    }

    @Test func importRefusesACycleAndChangesNoFile() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo")
        let before = try String(contentsOfFile: ws + "/tasks.csv", encoding: .utf8)
        let file = tmp.path + "/plan.csv"
        try "合同,编号,阶段,任务,计划开始,计划完成,前置任务\nC1,T11,上线后优化,月结优化,2027-08-01,2027-08-31,T12\nC1,T12,上线后优化,报表优化,2027-08-01,2027-07-31,T11\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let r = try bidbench("import", "tasks", file, "-w", ws)
        #expect(r.status == 1)
        #expect(
            r.err == """
                \(file):2: depends_on: dependencies form a cycle: T11 → T12 → T11
                \(file):3: planned_end: 2027-07-31 is before planned_start 2027-08-01
                \(file): not imported (2 problem(s)); the workspace is unchanged

                """)
        #expect(try String(contentsOfFile: ws + "/tasks.csv", encoding: .utf8) == before)
    }
}

extension DeliveryVerbTests {
    /// A review's satisfaction in `bidbench delivery` says where it comes from, by the one rule the
    /// screen, report and handout follow: the figure in vendor_reviews.csv counts; the departments'
    /// answers in review_satisfaction.csv are its mean, or are shown beside a figure that differs.
    @Test func theReviewsSatisfactionSaysWhereItComesFrom() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy("demo-en")
        func delivery() throws -> (text: String, review: [String: Any]) {
            let text = try bidbench("delivery", "-w", ws, "--today", "2027-05-10")
            #expect(text.status == 0, "\(text.err)")
            let r = try bidbench("delivery", "-w", ws, "--today", "2027-05-10", "--json")
            let c = try #require((try json(r.out))["contracts"] as? [[String: Any]])
            let review = try #require((c[0]["reviews"] as? [[String: Any]])?.first)
            let line = text.out.split(separator: "\n").first { $0.hasPrefix("  Review ") }.map(String.init) ?? ""
            return (line, review)
        }
        // Survey only: the demo's 3.5 is the mean of its four departments' answers (4, 3, 3.5, 3.5).
        var (line, review) = try delivery()
        #expect(line == "  Review 2027-04: score 63.6, satisfaction 3.5 (mean of 4 departments)")
        #expect(review["satisfaction_source"] as? String == "survey" && review["departments_mean"] as? Double == 3.5)
        #expect(review["departments_answered"] as? Int == 4)
        // Both: the reviewer's 4 counts (63.6 + 0.2 × 0.5 / 4 × 100 = 66.1) and the mean is still said.
        let reviews = ws + "/vendor_reviews.csv"
        let original = try String(contentsOfFile: reviews, encoding: .utf8)
        try original.replacingOccurrences(of: ",86,3.5,63.6,", with: ",86,4,,").write(toFile: reviews, atomically: true, encoding: .utf8)
        (line, review) = try delivery()
        #expect(line == "  Review 2027-04: score 66.1, satisfaction 4 (entered; departments' mean 3.5 from 4 departments)")
        #expect(review["satisfaction_source"] as? String == "entered_over_survey" && review["satisfaction"] as? Int == 4)
        #expect(review["departments_mean"] as? Double == 3.5 && review["departments_answered"] as? Int == 4)
        // Entered only: no department answered.
        try original.write(toFile: reviews, atomically: true, encoding: .utf8)
        try "vendor,period,department,score,note\n".write(toFile: ws + "/review_satisfaction.csv", atomically: true, encoding: .utf8)
        (line, review) = try delivery()
        #expect(line == "  Review 2027-04: score 63.6, satisfaction 3.5 (entered)")
        #expect(review["satisfaction_source"] as? String == "entered" && review["departments_mean"] is NSNull)
        #expect(review["departments_answered"] as? Int == 0)
    }
}
