import Testing

@testable import BidbenchCore

@Suite struct PriorityParsingTests {
    @Test func englishAndChineseForms() {
        #expect(Priority(parsing: "must") == .must)
        #expect(Priority(parsing: " MUST ") == .must)
        #expect(Priority(parsing: "必须") == .must)
        #expect(Priority(parsing: "应该") == .should)
        #expect(Priority(parsing: "Should") == .should)
        #expect(Priority(parsing: "可以") == .could)
        #expect(Priority(parsing: "won't") == .wont)
        #expect(Priority(parsing: "wont") == .wont)
        #expect(Priority(parsing: "暂不") == .wont)
        #expect(Priority(parsing: "urgent") == nil)
        #expect(Priority(parsing: "") == nil)
        #expect(Priority.must < Priority.could)
    }
}

@Suite struct ConsolidationTests {
    @Test func chineseBigrams() {
        #expect(Consolidation.tokens("交期承诺") == ["交期", "期承", "承诺"])
        #expect(Consolidation.tokens("按产能 ERP 排产") == ["按产", "产能", "erp", "排产"])
    }

    @Test func similarityOfChineseTitles() {
        // 交期承诺按产能计算 vs 按产能计算交期承诺: bigrams {交期,期承,承诺,诺按,按产,产能,能计,计算} vs
        // {按产,产能,能计,计算,算交,交期,期承,承诺}: 7 shared of 8+8 → 2·7/16 = 0.875
        #expect(Consolidation.similarity("交期承诺按产能计算", "按产能计算交期承诺") == 0.875)
        #expect(Consolidation.similarity("多币种凭证自动折算", "员工培训记录") == 0)
    }

    @Test func findsDuplicatesAcrossDepartmentsOnly() {
        let reqs = [
            Requirement(id: "R14", department: "D03", module: "排程", title: "交期承诺按产能计算"),
            Requirement(id: "R31", department: "D02", module: "销售", title: "按产能计算交期承诺"),
            Requirement(id: "R32", department: "D02", module: "销售", title: "交期承诺按产能计算并提醒"),  // same dept as R31
            Requirement(id: "R40", department: "D05", module: "HR", title: "Employee training records"),
            Requirement(id: "R41", department: "D01", module: "HR", title: "Training records for employees"),
            Requirement(id: "R42", department: "D04", module: "OA", title: "Mobile approval", status: .dropped),
            Requirement(id: "R43", department: "D01", module: "OA", title: "Mobile approval"),
        ]
        let pairs = Consolidation.duplicates(in: reqs)
        let ids = pairs.map { "\($0.first)-\($0.second)" }
        // English: {employee, training, records} vs {training, records, employees}: 2·2/6 = 0.667.
        #expect(ids == ["R14-R31", "R14-R32", "R40-R41"])
        #expect(pairs[0].similarity == 0.875)
        #expect(abs(pairs[2].similarity - 2.0 / 3.0) < 1e-12)
        // Dropped requirements are not proposed; R31-R32 share a department.
        #expect(!ids.contains("R42-R43") && !ids.contains("R31-R32"))
    }

    @Test func mergeKeepsBothSourcesAndTheHigherPriority() {
        var ws = Workspace()
        ws.requirements = [
            Requirement(
                id: "R14", department: "D03", module: "排程", title: "交期承诺按产能计算", priority: .should, weight: 3,
                acceptance: "承诺交期误差 ≤ 2 天", source: "生产部 2026-11-20 调研"),
            Requirement(
                id: "R31", department: "D02", module: "销售", title: "按产能计算交期承诺", detail: "报价时即给出交期",
                priority: .must, weight: 5, source: "销售部 2026-11-21 调研"),
        ]
        let merged = Consolidation.merge(ws, keep: "R14", absorb: "R31", date: Day(year: 2026, month: 11, day: 29))!
        let k = merged.requirements[0]
        let a = merged.requirements[1]
        #expect(k.priority == .must)
        #expect(k.weight == 5)
        #expect(k.source == "生产部 2026-11-20 调研; 销售部 2026-11-21 调研 (R31)")
        #expect(k.detail == "报价时即给出交期")
        #expect(a.status == .merged)
        #expect(a.source == "销售部 2026-11-21 调研; merged into R14 2026-11-29")
        #expect(Consolidation.merge(ws, keep: "R14", absorb: "R14", date: Day(year: 2026, month: 1, day: 1)) == nil)
        #expect(Consolidation.merge(ws, keep: "R14", absorb: "R99", date: Day(year: 2026, month: 1, day: 1)) == nil)
    }

    @Test func rollupAndKnockoutGates() {
        var ws = Workspace()
        ws.criteria = [Criterion(id: "func", name: "功能", weight: 0.6), Criterion(id: "svc", name: "服务", weight: 0.4)]
        ws.requirements = [
            Requirement(id: "R1", department: "D1", module: "m", title: "a", priority: .must, criterion: "svc"),
            Requirement(id: "R2", department: "D1", module: "m", title: "b", priority: .should, criterion: "func"),
            Requirement(id: "R3", department: "D1", module: "m", title: "c", priority: .must, status: .dropped, criterion: "func"),
            Requirement(id: "R4", department: "D1", module: "m", title: "d", priority: .must, status: .confirmed),
        ]
        #expect(Consolidation.knockoutGates(ws).map(\.id) == ["R1", "R4"])
        let r = Consolidation.rollup(ws)
        #expect(r.map(\.criterion) == ["func", "svc", ""])
        #expect(r.map { $0.requirements.map(\.id) } == [["R2"], ["R1"], ["R4"]])
    }
}

@Suite struct SurveyTests {
    @Test func answersBecomeARequirement() {
        let answers = ["排产靠 Excel, 经常冲突", "产能约束下的自动排产", "排程", "计划员 6 人", "必须", "500 张工单 10 秒内排完", "20 万以内", "2027-06"]
        let r = Survey.requirement(
            id: "R48", department: "D03", departmentName: "生产部", date: Day(year: 2026, month: 11, day: 29),
            questions: Survey.defaultQuestions, answers: answers, lang: "zh")!
        #expect(r.title == "产能约束下的自动排产")
        #expect(r.module == "排程")
        #expect(r.priority == .must)
        #expect(r.weight == 5)
        #expect(r.acceptance == "500 张工单 10 秒内排完")
        #expect(r.detail == "现状问题: 排产靠 Excel, 经常冲突; 影响用户: 计划员 6 人; 预算上限: 20 万以内; 期限: 2027-06")
        #expect(r.source == "生产部 2026-11-29 调研")
        #expect(r.status == .draft)
    }

    @Test func unknownPriorityIsKeptAndNoTitleGivesNothing() {
        let r = Survey.requirement(
            id: "R1", department: "D1", departmentName: "Sales", date: Day(year: 2026, month: 11, day: 29),
            questions: Survey.defaultQuestions, answers: ["", "Pipeline forecast", "", "", "asap"], lang: "en")!
        #expect(r.priority == .should)
        #expect(r.detail == "priority: asap")
        // Left after the first question: the problem becomes the title, so nothing answered is lost.
        #expect(
            Survey.requirement(
                id: "R1", department: "D1", departmentName: "Sales", date: Day(year: 2026, month: 11, day: 29),
                questions: Survey.defaultQuestions, answers: ["slow quotes"], lang: "en")?.title == "slow quotes")
        #expect(
            Survey.requirement(
                id: "R1", department: "D1", departmentName: "Sales", date: Day(year: 2026, month: 11, day: 29),
                questions: Survey.defaultQuestions, answers: ["", ""], lang: "en") == nil)
    }
}

@Suite struct MoneyAndDayTests {
    @Test func moneyParsesExactly() {
        #expect(Money(parsing: "1286000")?.minor == 128_600_000)
        #expect(Money(parsing: "99.5")?.minor == 9950)
        #expect(Money(parsing: "-0.05")?.minor == -5)
        #expect(Money(parsing: "1,234.56")?.minor == 123_456)
        #expect(Money(parsing: "¥12")?.minor == 1200)
        #expect(Money(parsing: "1.234") == nil)
        #expect(Money(parsing: "abc") == nil)
        #expect(Money(parsing: "") == nil)
        #expect(Money(parsing: "99999999999999999999") == nil)
        #expect(Money(minor: 9950).description == "99.50")
        #expect(Money(minor: 128_600_000).description == "1286000")
        #expect(Money(minor: -5).fixed2 == "-0.05")
        #expect(Money(minor: 128_600_000).grouped() == "1,286,000")
    }

    @Test func newIDsContinueTheTablesOwnNumbering() {
        #expect(IDSequence.next(after: ["R01", "R47"], defaultPrefix: "R", defaultWidth: 2) == "R48")
        #expect(IDSequence.next(after: ["RK08", "RK09"], defaultPrefix: "RK") == "RK10")
        #expect(IDSequence.next(after: ["CO1", "CO2"], defaultPrefix: "CO", defaultWidth: 2) == "CO3")
        #expect(IDSequence.next(after: ["REQ-0099"], defaultPrefix: "R") == "REQ-0100")
        #expect(IDSequence.next(after: [], defaultPrefix: "D", defaultWidth: 2) == "D01")
        #expect(IDSequence.next(after: ["notes"], defaultPrefix: "V") == "V1")
        // Only ASCII digits count (a full-width ４ is text); more than 15 digits are not a number;
        // a Chinese prefix is kept whole; the highest number wins whatever the order.
        #expect(IDSequence.next(after: ["R４", "R2"], defaultPrefix: "R") == "R3")
        #expect(IDSequence.next(after: ["X1234567890123456", "X7"], defaultPrefix: "X") == "X8")
        #expect(IDSequence.next(after: ["需求09", "需求10", "需求2"], defaultPrefix: "R") == "需求11")
        #expect(IDSequence.next(after: ["V12", "V3", "V9"], defaultPrefix: "V") == "V13")
        var s = IDSequence(existing: ["R1", "R3"], defaultPrefix: "R")
        #expect([s.take(), s.take()] == ["R4", "R5"])
    }

    @Test func typedDatesInTheWaysPeopleWriteThem() {
        for text in ["2027-03-01", "2027/3/1", "2027-3-1", "2027.3.1", "2027年3月1日", " 2027/03/01 "] {
            #expect(Day(typed: text) == Day(year: 2027, month: 3, day: 1), "\(text)")
        }
        for text in ["2027/2/30", "3/1/2027", "27/3/1", "2027/3", "二〇二七年三月一日", "2027/3/1 10:00", ""] {
            #expect(Day(typed: text) == nil, "\(text)")
        }
        #expect(Day(typed: "2028/2/29") == Day(year: 2028, month: 2, day: 29))
    }

    @Test func daysAreISOAndArithmeticIsCalendarCorrect() {
        #expect(Day(iso: "2027-02-29") == nil)
        #expect(Day(iso: "2028-02-29") != nil)
        #expect(Day(iso: "2027-1-5") == nil)
        let d = Day(iso: "2027-01-31")!
        #expect(d.adding(months: 1).description == "2027-02-28")
        #expect(d.adding(months: 36).description == "2030-01-31")
        #expect(Day(iso: "2029-12-31")!.adding(days: -30).description == "2029-12-01")
        #expect(Day(iso: "2026-11-29")!.days(until: Day(iso: "2027-01-01")!) == 33)
        #expect(Day(ordinal: 0).description == "1970-01-01")
    }
}
