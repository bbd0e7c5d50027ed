import Testing

@testable import BidbenchCore

private func day(_ s: String) -> Day { Day(iso: s)! }
private func at(_ s: String) -> Moment { Moment(parsing: s)! }

private func task(
    _ id: String, _ phase: DeliveryPhase, _ ps: String, _ pe: String, end: String? = nil, status: TaskStatus = .planned,
    deps: [String] = []
) -> DeliveryTask {
    DeliveryTask(
        contract: "C1", id: id, phase: phase, title: id, plannedStart: day(ps), plannedEnd: day(pe), actualEnd: end.map(day),
        status: status, dependsOn: deps)
}

@Suite("Delivery: plan, acceptance, payments, training, SLA, reviews, warnings")
struct DeliveryTests {
    @Test("moments read both separators and measure minutes across midnight")
    func moments() {
        #expect(at("2027-03-04 09:30").description == "2027-03-04 09:30")
        #expect(at("2027-03-04T23:50").minutes + 40 == at("2027-03-05 00:30").minutes)
        #expect(Moment(parsing: "2027-03-04 25:00") == nil)
        #expect(Moment(parsing: "2027/03/04") == nil)
        #expect(at("2027-03-05").day == day("2027-03-05"))
    }

    @Test("overdue days count only unfinished tasks past their planned end")
    func overdue() {
        let today = day("2027-05-10")
        #expect(DeliveryPlan.overdueDays(task("T1", .testing, "2027-04-01", "2027-05-01", status: .inProgress), today: today) == 9)
        #expect(DeliveryPlan.overdueDays(task("T2", .testing, "2027-04-01", "2027-05-10"), today: today) == 0)
        #expect(
            DeliveryPlan.overdueDays(task("T3", .testing, "2027-04-01", "2027-05-01", end: "2027-05-08", status: .done), today: today) == 0)
        #expect(DeliveryPlan.overdueDays(task("T4", .testing, "2027-04-01", "2027-04-30", status: .cancelled), today: today) == 0)
    }

    @Test("phases roll up in the guide's order with custom phases after; on-time share by hand")
    func phases() {
        let tasks = [
            task("T5", .other("接口联调"), "2027-04-01", "2027-04-20", end: "2027-04-19", status: .done),
            task("T3", .testing, "2027-04-15", "2027-05-01", status: .inProgress),
            task("T1", .assessment, "2027-01-04", "2027-01-29", end: "2027-01-29", status: .done),
            task("T2", .dataMigration, "2027-02-01", "2027-03-31", end: "2027-04-06", status: .done),
            task("T4", .goLive, "2027-06-01", "2027-06-30"),
        ]
        let p = DeliveryPlan.phases(of: tasks, today: day("2027-05-10"))
        #expect(p.map(\.phase.id) == ["assessment", "data_migration", "testing", "go_live", "接口联调"])
        #expect(p.map(\.status) == ["done", "done", "in_progress", "planned", "done"])
        #expect(p[1].actualEnd == day("2027-04-06"))
        #expect(p[2].actualEnd == nil && p[2].overdueDays == 9)
        // Done on time: T1, T5 (2); done late: T2; overdue: T3 → 2 of 4 = 50 %. T4 is not yet due.
        #expect(DeliveryPlan.onTimePercent(tasks, today: day("2027-05-10")) == 50)
    }

    @Test("a dependency cycle is named from a task back to itself")
    func cycles() {
        let ok = [task("T1", .testing, "2027-01-01", "2027-01-02"), task("T2", .testing, "2027-01-01", "2027-01-02", deps: ["T1"])]
        #expect(DeliveryPlan.cycle(in: ok) == nil)
        let bad = [
            task("T1", .testing, "2027-01-01", "2027-01-02", deps: ["T3"]),
            task("T2", .testing, "2027-01-01", "2027-01-02", deps: ["T1"]),
            task("T3", .testing, "2027-01-01", "2027-01-02", deps: ["T2", "T9"]),
        ]
        #expect(DeliveryPlan.cycle(in: bad) == ["T1", "T3", "T2", "T1"])
        #expect(DeliveryPlan.cycle(in: [task("T7", .testing, "2027-01-01", "2027-01-02", deps: ["T7"])]) == ["T7", "T7"])
    }

    @Test("acceptance counts, accepted requirements and first-pass share")
    func acceptance() {
        let tests = [
            AcceptanceTest(contract: "C1", id: "A1.1", requirements: ["R01", "R02"], result: .pass),
            AcceptanceTest(contract: "C1", id: "A1.2", requirements: ["R02"], result: .pass, attempts: 2),
            AcceptanceTest(contract: "C1", id: "A1.3", requirements: ["R03"], result: .fail),
            AcceptanceTest(contract: "C1", id: "A2.1", requirements: ["R04", "R01"], result: .pending),
        ]
        let s = AcceptanceRules.summary(tests)
        #expect((s.passed, s.failed, s.pending) == (2, 1, 1))
        // R01 waits for A2.1, R02 passed both, R03 failed, R04 pending → 1 of 4 accepted.
        #expect((s.requirementsAccepted, s.requirementsTotal) == (1, 4))
        // First pass: A1.1 only, of 3 decided.
        #expect(abs(s.firstPassPercent! - 100.0 / 3) < 1e-12)
        #expect(AcceptanceRules.status(of: "R01", tests: tests) == .pending)
        #expect(AcceptanceRules.status(of: "R03", tests: tests) == .failed)
        #expect(AcceptanceRules.status(of: "R09", tests: tests) == .untested)
    }

    @Test("payment milestones tied to acceptance are payable only when all their tests pass")
    func payable() throws {
        #expect(AcceptanceRules.references(in: "上线验收 A1") == ["A1"])
        #expect(AcceptanceRules.references(in: "Go-live acceptance A1, A2.") == ["A1", "A2"])
        #expect(AcceptanceRules.references(in: "合同签订").isEmpty)
        let ms = [
            PaymentMilestone(contract: "C1", milestone: "签约款", percent: 30, due: day("2027-01-15"), condition: "合同签订", status: "paid"),
            PaymentMilestone(contract: "C1", milestone: "上线款", percent: 60, due: day("2027-06-30"), condition: "上线验收 A1"),
            PaymentMilestone(contract: "C1", milestone: "终验款", percent: 10, due: day("2027-09-30"), condition: "终验 A2"),
        ]
        let inst = try BudgetModel.installments(contract: "C1", value: Money(units: 1_860_000), milestones: ms)
        var tests = [
            AcceptanceTest(contract: "C1", id: "A1.1", requirements: ["R01"], result: .pass),
            AcceptanceTest(contract: "C1", id: "A1.2", requirements: ["R02"], result: .fail),
            AcceptanceTest(contract: "C1", id: "A1.3", requirements: ["R03"]),
        ]
        var s = AcceptanceRules.standings(installments: inst, tests: tests, today: day("2027-05-10"))
        #expect(s.map(\.state) == [.paid, .blocked, .blocked])
        #expect(s[1].reason == "A1.2 failed, A1.3 pending" && s[1].reasonZH == "A1.2 未通过、A1.3 待测")
        #expect(s[1].installment.amount == Money(units: 1_116_000))
        #expect(s[2].reason == "no test A2 recorded")
        tests[1].result = .pass
        tests[2].result = .pass
        s = AcceptanceRules.standings(installments: inst, tests: tests, today: day("2027-05-10"))
        #expect(s[1].state == .payable && s[1].tests == ["A1.1", "A1.2", "A1.3"])
        // A finance pass: final acceptance passed while go-live's failed showed the final 10 % payable.
        // An acceptance milestone waits for the earlier ones (by due date).
        tests[1].result = .fail
        tests.append(AcceptanceTest(contract: "C1", id: "A2.1", requirements: ["R01"], result: .pass))
        s = AcceptanceRules.standings(installments: inst, tests: tests, today: day("2027-05-10"))
        #expect(s.map(\.state) == [.paid, .blocked, .blocked])
        #expect(s[2].reason == "waits for 上线款 (A1.2 failed)" && s[2].reasonZH == "须先完成 上线款 的验收 (A1.2 未通过)")
        tests[1].result = .pass
        #expect(
            AcceptanceRules.standings(installments: inst, tests: tests, today: day("2027-05-10")).map(\.state) == [
                .paid, .payable, .payable,
            ])
        // A milestone without tests: payable once due, upcoming before.
        let plain = try BudgetModel.installments(
            contract: "C2", value: Money(units: 1000),
            milestones: [PaymentMilestone(contract: "C2", milestone: "Q1", percent: 100, due: day("2027-05-15"), condition: "服务开通")])
        #expect(AcceptanceRules.standings(installments: plain, tests: [], today: day("2027-05-14"))[0].state == .upcoming)
        #expect(AcceptanceRules.standings(installments: plain, tests: [], today: day("2027-05-15"))[0].state == .payable)
    }

    @Test("training pass rate against the target, and who still needs training")
    func training() {
        let sessions = [
            TrainingSession(contract: "C1", id: "S1", level: "basic", module: "生产", planned: 4, present: 3, passTarget: 0.8),
            TrainingSession(contract: "C1", id: "S2", level: "basic", module: "生产", planned: 2, present: 2, passTarget: 0.8),
            TrainingSession(contract: "C1", id: "S3", level: "advanced", module: "财务", planned: 2, present: 2, passTarget: 0.9),
        ]
        let results = [
            TrainingResult(session: "S1", person: "王", department: "生产部", score: 85),
            TrainingResult(session: "S1", person: "李", department: "生产部", score: 55),
            TrainingResult(session: "S1", person: "赵", department: "生产部", score: 59, passed: true),
            TrainingResult(session: "S1", person: "钱", department: "生产部"),
            TrainingResult(session: "S2", person: "李", department: "生产部", score: 72),
            TrainingResult(session: "S2", person: "孙", department: "生产部", score: 40),
            TrainingResult(session: "S3", person: "周", department: "财务部", score: 90),
            TrainingResult(session: "S3", person: "吴", department: "财务部", score: 58),
            TrainingResult(session: "X9", person: "外", score: 10),
        ]
        let s = TrainingRules.summary(sessions: sessions, results: results)
        #expect((s.sessions, s.planned, s.present) == (3, 8, 7))
        // Sat: 王 李 赵 李 孙 周 吴 = 7; passed: 王, 赵 (by the cell), 李 (second time), 周 = 4.
        #expect((s.tested, s.passed) == (7, 4))
        #expect(abs(s.passRate! - 4.0 / 7) < 1e-12)
        #expect(s.target == 0.9 && s.belowTarget)
        #expect(s.needs.map(\.person) == ["钱", "孙", "吴"])
        #expect(s.needs.map(\.reason) == [.absent, .failed, .failed])
    }

    @Test("tickets against the SLA: breaches per month, open tickets, penalty")
    func support() {
        let limits: [Int: SLALimit] = [
            1: SLALimit(responseMinutes: 30, resolutionMinutes: 240, penaltyPerBreach: Money(units: 2000), source: "sla.csv"),
            2: SLALimit(responseMinutes: 120, resolutionMinutes: 1440, penaltyPerBreach: nil, source: "sla.csv"),
        ]
        let tickets = [
            // 45 min to respond (> 30): response breach; 3 h 50 to resolve: fine.
            SupportTicket(
                contract: "C1", id: "K1", severity: 1, opened: at("2027-04-02 10:00"), firstResponse: at("2027-04-02 10:45"),
                resolved: at("2027-04-02 13:50")),
            // 2 h response exactly (not a breach); 26 h to resolve: breach, no penalty for severity 2.
            SupportTicket(
                contract: "C1", id: "K2", severity: 2, opened: at("2027-04-20 16:00"), firstResponse: at("2027-04-20 18:00"),
                resolved: at("2027-04-21 18:00")),
            // Opened 2027-05-09 19:30, nothing by the start of 2027-05-10: 4 h 30 > 30 min and > 4 h, both breached.
            SupportTicket(contract: "C1", id: "K3", severity: 1, opened: at("2027-05-09 19:30")),
            // Opened 2027-05-09 20:00 and open: 4 h exactly is not over the 4 h resolution limit (response is).
            SupportTicket(contract: "C1", id: "K5", severity: 1, opened: at("2027-05-09 20:00"), firstResponse: at("2027-05-09 20:10")),
            // Severity 3 has no limit: never a breach.
            SupportTicket(contract: "C1", id: "K4", severity: 3, opened: at("2027-05-01 08:00")),
        ]
        let s = SupportSLA.measure(tickets, limits: limits, today: day("2027-05-10"))
        #expect(s.tickets == 5 && s.responseBreaches == 2 && s.resolutionBreaches == 2)
        #expect(
            s.months == [
                MonthlyBreaches(month: "2027-04", tickets: 2, responseBreaches: 1, resolutionBreaches: 1),
                MonthlyBreaches(month: "2027-05", tickets: 3, responseBreaches: 1, resolutionBreaches: 1),
            ])
        // Severity-1 breaches: K1 response, K3 response and resolution = 3 × 2000.
        #expect(s.penalty == Money(units: 6000))
        // Clean: K4 and K5 of 5.
        #expect(s.compliancePercent == 40)
        #expect(s.measures[0].responseMinutes == 45 && s.measures[1].resolutionMinutes == 1560)
    }

    @Test("SLA limits come from the contract text with the severity of each sentence, a sla.csv row replacing its severity only")
    func slaSources() {
        let text = """
            第五条 技术支持
            5.1 乙方提供 7×24 小时技术支持热线及在线工单服务。
            5.2 一级故障（系统整体不可用）：30 分钟内响应，4 小时内恢复。
            5.3 二级故障（主要功能不可用）：2 小时内响应，24 小时内解决。
            """
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let scanned = ContractScanner.scan(text).keyTerms.slaResponses
        let l = SupportSLA.limits(contract: "C1", terms: [], scanned: scanned, lines: lines)
        #expect(l[1]?.responseMinutes == 30 && l[1]?.resolutionMinutes == 240)
        #expect(l[2]?.responseMinutes == 120 && l[2]?.resolutionMinutes == 1440)
        #expect(l[1]?.source == "contract line 3")
        let byHand = SupportSLA.limits(
            contract: "C1", terms: [SLATerm(contract: "C1", severity: 1, responseHours: 0.25, resolutionHours: 2)], scanned: scanned,
            lines: lines)
        // The hand row replaces severity 1 only: severity 2 keeps the text's limits and line (it was
        // dropped when any hand row existed).
        #expect(byHand.count == 2 && byHand[1]?.responseMinutes == 15 && byHand[1]?.source == "sla.csv")
        #expect(byHand[2]?.responseMinutes == 120 && byHand[2]?.resolutionMinutes == 1440 && byHand[2]?.source == "contract line 4")
        #expect(SupportSLA.severity(inSentence: "Severity 2 (a main function unavailable)") == 2)
        #expect(SupportSLA.severity(inSentence: "P3 tickets") == 3)
        #expect(SupportSLA.severity(inSentence: "Upgrade to the Pro plan") == nil)
    }

    @Test("weekdays: 1970-01-01 a Thursday, 2000-01-01 a Saturday, 1969-12-31 a Wednesday, 2027-06-04 a Friday")
    func weekdays() {
        #expect(day("1970-01-01").weekday == 4 && day("2000-01-01").weekday == 6 && day("1969-12-31").weekday == 3)
        #expect(["04", "05", "06", "07", "08", "09", "10"].map { day("2027-06-" + $0).weekday } == [5, 6, 7, 1, 2, 3, 4])
        #expect(day("2027-06-05").isWorkingDay == false && day("2027-06-07").isWorkingDay)
    }

    @Test("a limit in working days skips the weekend: Friday + 3 is Wednesday, a Saturday ticket starts on Monday 00:00")
    func workingDayDeadlines() {
        func d(_ from: String, _ n: Int) -> String { SupportSLA.deadline(from: at(from), minutes: n * 1440, businessDays: n).description }
        #expect(d("2027-06-04 10:00", 3) == "2027-06-09 10:00")
        #expect(d("2027-06-04 10:00", 1) == "2027-06-07 10:00")
        #expect(d("2027-06-05 10:00", 3) == "2027-06-10 00:00")
        #expect(d("2027-06-06 23:59", 1) == "2027-06-08 00:00")
        #expect(d("2027-06-07 09:00", 5) == "2027-06-14 09:00")
        #expect(d("2027-06-07 09:00", 0) == "2027-06-07 09:00")
        // Calendar limits are plain minutes, weekend or not.
        #expect(SupportSLA.deadline(from: at("2027-06-04 10:00"), minutes: 1440, businessDays: nil).description == "2027-06-05 10:00")
    }

    @Test("a severity-3 limit of 1 and 5 working days read from the contract: the weekend does not count against the vendor")
    func workingDaySupport() {
        let text = """
            第五条 技术支持
            5.4 三级故障（一般问题）：1 个工作日内响应，5 个工作日内解决。
            """
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let scanned = ContractScanner.scan(text).keyTerms.slaResponses
        #expect(scanned.map(\.businessDays) == [1, 5] && scanned.map(\.minutes) == [1440, 7200])
        let limits = SupportSLA.limits(contract: "C1", terms: [], scanned: scanned, lines: lines)
        #expect(limits[3]?.responseBusinessDays == 1 && limits[3]?.resolutionBusinessDays == 5)
        let tickets = [
            // Friday 16:00 → Monday 15:00 (71 h, fine by Monday 16:00); resolved Thursday 16:00 (6 calendar
            // days, but 4 working days): no breach. Counted in calendar days both would be breaches.
            SupportTicket(
                contract: "C1", id: "K1", severity: 3, opened: at("2027-06-04 16:00"), firstResponse: at("2027-06-07 15:00"),
                resolved: at("2027-06-10 16:00")),
            // Resolved Friday 16:30, half an hour past five working days: a resolution breach.
            SupportTicket(
                contract: "C1", id: "K2", severity: 3, opened: at("2027-06-04 16:00"), firstResponse: at("2027-06-04 17:00"),
                resolved: at("2027-06-11 16:30")),
            // Friday 16:00 and no answer yet: not late at the start of Monday, late at the start of Tuesday.
            SupportTicket(contract: "C1", id: "K3", severity: 3, opened: at("2027-06-04 16:00")),
        ]
        let monday = SupportSLA.measure(tickets, limits: limits, today: day("2027-06-07"))
        #expect(monday.measures.map { [$0.responseBreach, $0.resolutionBreach] } == [[false, false], [false, true], [false, false]])
        let tuesday = SupportSLA.measure(tickets, limits: limits, today: day("2027-06-08"))
        #expect(tuesday.measures.map { [$0.responseBreach, $0.resolutionBreach] } == [[false, false], [false, true], [true, false]])
        #expect((tuesday.responseBreaches, tuesday.resolutionBreaches) == (1, 1))
        // The elapsed times stay wall-clock: 71 h and 6 days.
        #expect(monday.measures[0].responseMinutes == 71 * 60 && monday.measures[0].resolutionMinutes == 6 * 1440)
    }

    @Test("review score by the documented formula, trend and past performance")
    func reviews() {
        let q1 = VendorReview(
            vendor: "V1", period: "2027-Q1", onTimePct: 90, acceptanceFirstPassPct: 80, slaPct: 95, trainingPassPct: 85, satisfaction: 4)
        // 0.25·90 + 0.20·80 + 0.25·95 + 0.10·85 + 0.20·75 = 22.5 + 16 + 23.75 + 8.5 + 15 = 85.75 → 85.8
        #expect(VendorScorecard.score(q1) == 85.8)
        let q2 = VendorReview(
            vendor: "V1", period: "2027-Q2", onTimePct: 50, acceptanceFirstPassPct: 60, slaPct: 50, trainingPassPct: 70, satisfaction: 3)
        // 12.5 + 12 + 12.5 + 7 + 10 = 54
        let h = VendorScorecard.history(of: "V1", [q2, q1])
        #expect(h.map(\.score) == [85.8, 54])
        #expect(h[0].change == nil && abs(h[1].change! - -31.8) < 1e-9)
        #expect(VendorScorecard.pastPerformance([q1, q2], scale: 10) == ["V1": 5.4])
    }

    @Test("handover lists the standard items, then the contract's own")
    func handover() {
        let lines = HandoverChecklist.lines(
            contract: "C1",
            items: [
                HandoverItem(contract: "C1", item: "data_export", status: .done, date: day("2029-12-01")),
                HandoverItem(contract: "C1", item: "源代码托管释放", status: .notApplicable),
                HandoverItem(contract: "C2", item: "accounts_closed"),
            ])
        #expect(lines.count == 7)
        #expect(lines[0].status == .done && lines[1].status == .open)
        #expect(lines[6].item == "源代码托管释放" && lines[6].status == .notApplicable)
    }

    @Test("early warnings fire from overdue tasks, SLA breaches in a month and training below target")
    func warnings() {
        var w = Workspace()
        w.contracts = [Contract(id: "C1", vendor: "V1", title: "", file: "", status: "active")]
        w.delivery.tasks = [task("T3", .testing, "2027-04-15", "2027-05-01", status: .inProgress)]
        w.delivery.sla = [SLATerm(contract: "C1", severity: 1, responseHours: 0.5, resolutionHours: 4)]
        w.delivery.tickets = [
            SupportTicket(
                contract: "C1", id: "K1", severity: 1, opened: at("2027-04-02 10:00"), firstResponse: at("2027-04-02 11:00"),
                resolved: at("2027-04-02 12:00")),
            SupportTicket(
                contract: "C1", id: "K2", severity: 1, opened: at("2027-04-09 10:00"), firstResponse: at("2027-04-09 10:10"),
                resolved: at("2027-04-09 16:00")),
        ]
        w.delivery.training = [TrainingSession(contract: "C1", id: "S1", level: "basic", module: "生产", passTarget: 0.8)]
        w.delivery.trainingResults = [
            TrainingResult(session: "S1", person: "a", score: 90), TrainingResult(session: "S1", person: "b", score: 50),
        ]
        let d = DeliveryStatus.build(w, today: day("2027-05-10"))
        let risks = [
            Risk(id: "RK1", type: .vendor, title: "", likelihood: 3, impact: 3, trigger: "task_overdue", threshold: "7"),
            Risk(id: "RK2", type: .vendor, title: "", likelihood: 3, impact: 3, trigger: "sla_breaches", threshold: "2"),
            Risk(id: "RK3", type: .personnel, title: "", likelihood: 3, impact: 3, trigger: "training_below_target"),
            Risk(id: "RK4", type: .vendor, title: "", likelihood: 3, impact: 3, trigger: "task_overdue", threshold: "10"),
            Risk(id: "RK5", type: .vendor, title: "", likelihood: 3, impact: 3, trigger: "sla_breaches", threshold: "3"),
        ]
        let a = DeliveryWarnings.alerts(risks: risks, deliveries: d)
        #expect(a.map(\.risk) == ["RK1", "RK2", "RK3"])
        #expect(a[0].message == "C1 task T3 T3 is 9 days overdue (planned end 2027-05-01)")
        #expect(a[1].messageZH == "C1 2027-04 违反 SLA 2 次 (阈值 2)")
        #expect(a[2].message == "C1 training pass rate 50% below the target 80%")
    }

    @Test("milestones that cannot be split say why in both languages")
    func paymentProblemInBothLanguages() {
        var w = Workspace()
        w.contracts = [Contract(id: "C1", vendor: "V1", title: "", file: "", value: Money(units: 100_000), status: "active")]
        w.payments = [
            PaymentMilestone(contract: "C1", milestone: "签约款", percent: 30, due: day("2027-01-15")),
            PaymentMilestone(contract: "C1", milestone: "上线款", percent: 60, due: day("2027-06-30")),
        ]
        let d = DeliveryStatus.build(w, today: day("2027-05-10"))
        #expect(d.first?.payments == [])
        #expect(d.first?.paymentProblem?.contains("90") == true)
        #expect(d.first?.paymentProblemZH?.contains("90") == true)
        #expect(d.first?.paymentProblemZH != d.first?.paymentProblem)
    }

    @Test("nothing is payable before signing: a due installment of an unsigned contract is blocked, saying why")
    func unsignedContractPaysNothing() {
        var w = Workspace()
        w.contracts = [Contract(id: "C2", vendor: "V2", title: "", file: "", value: Money(units: 286_000), status: "review")]
        w.payments = [
            PaymentMilestone(contract: "C2", milestone: "Q1", percent: 50, due: day("2027-02-15")),
            PaymentMilestone(contract: "C2", milestone: "Q2", percent: 50, due: day("2027-08-15")),
        ]
        w.delivery.sla = [SLATerm(contract: "C2", severity: 1, responseHours: 1, resolutionHours: 4)]
        let before = DeliveryStatus.build(w, today: day("2027-05-20")).first
        #expect(before?.payments.map(\.state) == [.blocked, .upcoming])
        #expect(before?.blocked.map { [$0.reason, $0.reasonZH] } == [["the contract is not signed yet", "合同尚未签署"]])
        w.contracts[0].signed = day("2027-01-20")
        #expect(DeliveryStatus.build(w, today: day("2027-05-20")).first?.payments.map(\.state) == [.payable, .upcoming])
    }

    @Test("an unsigned contract's payment dates are a plan: never overdue, and they say the contract is not signed")
    func unsignedContractDates() {
        var w = Workspace()
        w.contracts = [Contract(id: "C2", vendor: "V2", title: "订阅", file: "", effective: day("2027-02-01"), status: "review")]
        w.payments = [
            PaymentMilestone(contract: "C2", milestone: "Q1", percent: 50, due: day("2027-02-15")),
            PaymentMilestone(contract: "C2", milestone: "Q3", percent: 50, due: day("2027-08-15")),
        ]
        func milestones() -> [String] {
            KeyDates.dates(in: w, today: day("2027-05-20")).filter { $0.kind == .milestone }.map { "\($0.date) \($0.titleZH)" }
        }
        #expect(milestones() == ["2027-08-15 订阅: 付款节点 Q3 (50%) (合同尚未签署)"])
        w.contracts[0].signed = day("2027-01-20")
        #expect(milestones() == ["2027-02-15 订阅: 付款节点 Q1 (50%)", "2027-08-15 订阅: 付款节点 Q3 (50%)"])
    }

    @Test("the warranty runs from the day the final acceptance tests all passed; until then from its planned day, saying so")
    func warrantyFromFinalAcceptance() {
        var w = Workspace()
        w.contracts = [
            Contract(
                id: "C1", vendor: "V1", title: "ERP", file: "", effective: day("2027-01-01"), termMonths: 36,
                value: Money(units: 1_000_000), warrantyMonths: 12, status: "active")
        ]
        w.payments = [
            PaymentMilestone(contract: "C1", milestone: "上线款", percent: 60, due: day("2027-06-30"), condition: "上线验收 A1"),
            PaymentMilestone(contract: "C1", milestone: "终验款", percent: 40, due: day("2027-09-30"), condition: "终验 A2"),
        ]
        w.delivery.acceptance = [
            AcceptanceTest(contract: "C1", id: "A1.1", requirements: [], result: .pass, date: day("2027-06-20")),
            AcceptanceTest(contract: "C1", id: "A2.1", requirements: [], result: .pass, date: day("2027-10-15")),
            AcceptanceTest(contract: "C1", id: "A2.2", requirements: [], result: .pending),
        ]
        func warranty() -> String? {
            KeyDates.dates(in: w, today: day("2027-06-01")).first { $0.kind == .warranty_end }.map { "\($0.date) \($0.titleEN)" }
        }
        // A2.2 still pending: counted from the milestone's due date, and it says so.
        #expect(warranty() == "2028-09-30 ERP: warranty ends (from the planned final acceptance)")
        w.delivery.acceptance[2].result = .pass
        w.delivery.acceptance[2].date = day("2027-10-22")
        // Both passed: from the last pass, 2027-10-22 + 12 months.
        #expect(warranty() == "2028-10-22 ERP: warranty ends")
        // An `accepted` column of contracts.csv wins.
        w.contracts[0].extra["accepted"] = "2027-11-01"
        #expect(warranty() == "2028-11-01 ERP: warranty ends")
        // Without acceptance milestones: from the effective date, as before.
        w.payments = []
        w.contracts[0].extra = [:]
        #expect(warranty() == "2028-01-01 ERP: warranty ends")
    }

    @Test("the latest review is the past-performance criterion of the next evaluation (cn, by hand)")
    func pastPerformanceCriterion() throws {
        var ws = Workspace()
        ws.settings.scale = 10
        ws.criteria = [
            Criterion(id: "P", name: "价格", kind: .cost, weight: 30, source: .price),
            Criterion(id: "Q", name: "质量", weight: 50),
            Criterion(id: "H", name: "过往履约", weight: 20, source: .pastPerformance),
        ]
        ws.vendors = [
            Vendor(id: "A", name: "甲", bidPrice: Money(units: 1_000_000)), Vendor(id: "B", name: "乙", bidPrice: Money(units: 800_000)),
            Vendor(id: "C", name: "丙", bidPrice: Money(units: 900_000)),
        ]
        ws.scores = [
            "王": [
                Score(vendor: "A", criterion: "Q", score: 8), Score(vendor: "B", criterion: "Q", score: 7),
                Score(vendor: "C", criterion: "Q", score: 9),
            ]
        ]
        ws.delivery.vendorReviews = [
            VendorReview(
                vendor: "A", period: "2027-Q1", onTimePct: 90, acceptanceFirstPassPct: 80, slaPct: 95, trainingPassPct: 85, satisfaction: 4),
            VendorReview(
                vendor: "B", period: "2026-Q4", onTimePct: 100, acceptanceFirstPassPct: 100, slaPct: 100, trainingPassPct: 100,
                satisfaction: 5),
            VendorReview(
                vendor: "B", period: "2027-Q1", onTimePct: 50, acceptanceFirstPassPct: 60, slaPct: 50, trainingPassPct: 70, satisfaction: 3),
        ]
        let e = try evaluate(ws, method: .cn)
        // Base 800 000 (lowest qualified bid). A: 24 + 8/10 × 50 + 8.58/10 × 20 = 81.16; B (latest review 54): 30 + 35 + 10.8 = 75.8.
        #expect(e.ranking.map(\.vendor) == ["A", "B"])
        #expect(abs(e.ranking[0].score - 81.16) < 1e-9 && abs(e.ranking[1].score - 75.8) < 1e-9)
        #expect(e.incomplete.map(\.reason) == ["no vendor review for H 过往履约 (vendor_reviews.csv)"])
    }
}

/// What a person types for a ticket's times (the file format stays strict: `Moment(parsing:)`).
@Suite struct MomentTypedTests {
    @Test func chineseAndSlashedDatesWithAnOptionalTimeAreRead() {
        let expected = Moment(parsing: "2027-05-10 09:30")!
        for text in ["2027-05-10 09:30", "2027年5月10日 09:30", "2027年5月10日9:30", "2027/5/10 9:30", "2027-05-10T09:30"] {
            #expect(Moment(typed: text) == expected, "\(text)")
        }
        #expect(Moment(typed: "2027年5月10日") == Moment(parsing: "2027-05-10"))
        for bad in ["2027年5月10日 25:00", "2027-02-30 09:00", "5月10日 09:30", "2027-05-10 9", "2027-05-10 09:30 extra"] {
            #expect(Moment(typed: bad) == nil, "\(bad)")
        }
    }
}

/// Where a review's satisfaction comes from: the form stores the departments' mean to one decimal,
/// so a figure equal to that rounded mean is the mean, and any other figure was entered.
@Suite struct SatisfactionSourceTests {
    @Test func aFigureIsTheMeanOnlyWhenItEqualsTheMeanAsTheFormStoresIt() {
        #expect(SatisfactionSource(satisfaction: 3.5, survey: (3.5, 4)) == .survey(departments: 4))
        // 11/3 = 3.666…: the form stores 3.7.
        #expect(SatisfactionSource(satisfaction: 3.7, survey: (11.0 / 3.0, 3)) == .survey(departments: 3))
        // 3.54 typed by hand is not 3.5 (it was taken for the mean, and re-saving the form lost it).
        #expect(SatisfactionSource(satisfaction: 3.54, survey: (3.5, 4)) == .enteredOverSurvey(mean: 3.5, departments: 4))
        #expect(SatisfactionSource(satisfaction: 4, survey: nil) == .entered)
    }
}
