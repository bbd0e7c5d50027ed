import Testing

@testable import BidbenchCore

@Suite("Delivery: monthly availability against the contract's target")
struct AvailabilityTests {
    @Test("a month's percent: as written, else from the downtime out of the month's (or the given) service minutes")
    func percents() {
        // April: 30 × 1440 = 43 200 minutes; 324 down → 42 876 / 43 200 = 0.9925.
        #expect(AvailabilityRules.percent(AvailabilityRecord(contract: "C1", month: "2027-04", downtimeMinutes: 324)) == 99.25)
        // February 2028 is a leap month: 29 × 1440 = 41 760 minutes.
        #expect(AvailabilityRules.minutes(inMonth: "2028-02") == 41_760)
        #expect(AvailabilityRules.minutes(inMonth: "2027-02") == 40_320)
        // Business hours only: 50 of 20 000 minutes down → 19 950 / 20 000 = 99.75 %.
        #expect(
            AvailabilityRules.percent(AvailabilityRecord(contract: "C1", month: "2027-04", downtimeMinutes: 50, serviceMinutes: 20_000))
                == 99.75)
        #expect(AvailabilityRules.percent(AvailabilityRecord(contract: "C1", month: "2027-04", percent: 99.8)) == 99.8)
        #expect(AvailabilityRules.percent(AvailabilityRecord(contract: "C1", month: "2027-04")) == nil)
        #expect(
            AvailabilityRules.month("2027-13") == nil && AvailabilityRules.month("2027-4") == nil && AvailabilityRules.month("27-04") == nil
        )
        #expect(
            AvailabilityRules.text(99.95) == "99.95%" && AvailabilityRules.text(99.8) == "99.8%" && AvailabilityRules.text(100) == "100%")
    }

    @Test("the target: entered by hand on the contract, else the first line of its text on availability with a percentage")
    func target() {
        let text = """
            第五条 技术支持
            5.4 预付款 30% 于签订后支付，系统可用性由乙方负责。
            5.5 乙方每月提交服务报告；系统月度可用率不低于 99.5%（计划内维护除外）。
            5.6 Monthly uptime of 99.9 % is the goal.
            """
        var c = Contract(id: "C1", vendor: "V1", title: "", file: "c.md")
        #expect(AvailabilityRules.target(of: c, text: text) == AvailabilityTarget(percent: 99.5, source: "contract line 3"))
        #expect(AvailabilityRules.target(of: c, text: "5.3 乙方不对平台可用率作出承诺。") == nil)
        #expect(AvailabilityRules.target(of: c, text: "Availability: 99.9 % each month")?.percent == 99.9)
        c.extra["availability_target"] = "99.9%"
        let byHand = AvailabilityRules.target(of: c, text: text)
        #expect(byHand == AvailabilityTarget(percent: 99.9, source: "contracts.csv"))
        #expect(byHand?.sourceText(chinese: true) == "手工录入")
        #expect(AvailabilityTarget(percent: 99.5, source: "contract line 41").sourceText(chinese: true) == "合同第 41 行")
    }

    @Test("months in order, met when at or above the target; the early warning names each month below it")
    func monthsAndWarnings() {
        var w = Workspace()
        w.contracts = [Contract(id: "C1", vendor: "V1", title: "", file: "c.md", status: "active")]
        w.contractTexts["c.md"] = "5.5 系统月度可用率不低于 99.5%。"
        w.delivery.availability = [
            AvailabilityRecord(contract: "C1", month: "2027-04", downtimeMinutes: 324),
            AvailabilityRecord(contract: "C1", month: "2027-02", percent: 99.5),
            AvailabilityRecord(contract: "C1", month: "2027-03", percent: 99.8),
            AvailabilityRecord(contract: "C2", month: "2027-03", percent: 90),
        ]
        let d = DeliveryStatus.build(w, today: Day(iso: "2027-05-10")!)
        #expect(d.count == 1)
        let months = d[0].support.availability
        #expect(months.map(\.month) == ["2027-02", "2027-03", "2027-04"])
        #expect(months.map(\.percent) == [99.5, 99.8, 99.25])
        #expect(months.map(\.met) == [true, true, false])
        #expect(months[2].downtimeMinutes == 324 && months[2].target == 99.5)
        #expect(d[0].support.availabilityTarget?.source == "contract line 1")

        func risk(_ id: String, _ threshold: String) -> Risk {
            Risk(id: id, type: .vendor, title: "", likelihood: 2, impact: 4, trigger: "availability_below_target", threshold: threshold)
        }
        let a = DeliveryWarnings.alerts(risks: [risk("RK1", ""), risk("RK2", "99%"), risk("RK3", "0.998")], deliveries: d)
        // RK1: the contract's 99.5 → April only. RK2: 99 → none. RK3: 99.8 → February and April (March is equal: met).
        #expect(a.map(\.risk) == ["RK1", "RK3", "RK3"])
        #expect(a[0].message == "C1 availability 99.25% in 2027-04 below the target 99.5%")
        #expect(a[0].messageZH == "C1 2027-04 可用率 99.25% 低于目标 99.5%")
        #expect(a[1].message == "C1 availability 99.5% in 2027-02 below the target 99.8%")
        #expect(a[2].message == "C1 availability 99.25% in 2027-04 below the target 99.8%")

        // The report's delivery section lists the months, in both languages; HTML marks a missed month.
        w.settings.name = "交付"
        let md = Report.markdown(ReportRequest(workspace: w, today: Day(iso: "2027-05-10")!, language: .zh))
        #expect(md.contains("- 可用率（目标 99.5%，合同第 1 行）：2027-02 99.5% 达标、2027-03 99.8% 达标、2027-04 99.25% 未达标\n"))
        let html = Report.html(ReportRequest(workspace: w, today: Day(iso: "2027-05-10")!, language: .en))
        #expect(
            html.contains(
                "<li><span class=\"warn\">Availability (target 99.5%, contract line 1): 2027-02 99.5% met, 2027-03 99.8% met, 2027-04 99.25% missed</span></li>"
            ))

        // Without a target nothing is met or missed, and the warning needs its own threshold.
        w.contractTexts["c.md"] = ""
        let none = DeliveryStatus.build(w, today: Day(iso: "2027-05-10")!)
        #expect(none[0].support.availability.allSatisfy { $0.met == nil && $0.target == nil })
        #expect(DeliveryWarnings.alerts(risks: [risk("RK1", "")], deliveries: none).isEmpty)
    }
}
