import BidbenchCore

/// The vendor's review for a period (screen 5: `R`), pre-filled from the delivery data; the
/// reviewer sets satisfaction — one number, or each department's score of the short survey
/// (1–5, kept in `review_satisfaction.csv`), or both. A number typed is the reviewer's figure and
/// counts; left empty, the departments' mean is the figure (`SatisfactionSource`). When both are
/// given and differ, the form's message says both, as the scorecard does. A period already reviewed
/// is replaced, its survey answers too; its entered figure is offered again so it is not lost.
enum ReviewForm {
    /// `2027-Q2` for a day in April–June.
    static func quarter(_ d: Day) -> String { "\(d.year)-Q\((d.month - 1) / 3 + 1)" }

    static func form(_ s: AppState, _ d: ContractDelivery) -> Form {
        let L = s.lang
        let r = DeliveryStatus.suggestedReview(d, period: quarter(s.today))
        func n(_ v: Double) -> String { NumberText.upTo(v, 1) }
        return Form(
            target: .vendorReview(vendor: r.vendor),
            title: L.t("Review of vendor \(r.vendor) (pre-filled from the data)", "供应商 \(r.vendor) 考评 (已按数据预填)"),
            fields: [
                FormField(key: "period", label: L.t("Period (2027-Q2, 2027-05)", "期间 (2027-Q2, 2027-05)"), text: r.period),
                FormField(key: "on_time_pct", label: L.t("On-time tasks %", "任务按时率 %"), text: n(r.onTimePct), kind: .number),
                FormField(
                    key: "acceptance_first_pass_pct", label: L.t("Acceptance first-pass %", "一次验收通过率 %"), text: n(r.acceptanceFirstPassPct),
                    kind: .number),
                FormField(key: "sla_pct", label: L.t("SLA met %", "SLA 达标率 %"), text: n(r.slaPct), kind: .number),
                FormField(key: "training_pass_pct", label: L.t("Training pass %", "培训通过率 %"), text: n(r.trainingPassPct), kind: .number),
                FormField(
                    key: "satisfaction",
                    label: s.workspace.departments.isEmpty
                        ? L.t("Satisfaction 1–5", "满意度 1–5")
                        : L.t("Satisfaction (empty=mean)", "满意度 1–5 (留空取平均)"),
                    text: entered(s.workspace.delivery, vendor: r.vendor, period: r.period).map(n) ?? "", kind: .number),
            ]
                + s.workspace.departments.map { dep in
                    let given = s.workspace.delivery.satisfaction.first {
                        $0.vendor == r.vendor && $0.period == r.period && $0.department == dep.id
                    }
                    return FormField(
                        key: departmentKey + dep.id, label: L.t("Satisfaction · \(dep.name)", "满意度 · \(dep.name)"),
                        text: given.map { n($0.score) } ?? "", kind: .number)
                } + [
                    FormField(key: "note", label: L.t("Reviewer's note", "评语"), text: "", kind: .long),
                    FormField(key: "reviewer", label: L.t("Reviewer", "评审人"), text: ""),
                ], focusOn: "satisfaction")
    }

    /// The satisfaction entered on the period's review, if it has one that is not simply the
    /// departments' mean (re-opening the form must not drop it).
    static func entered(_ d: DeliveryRecords, vendor: String, period: String) -> Double? {
        guard let r = d.vendorReviews.first(where: { $0.vendor == vendor && $0.period == period }) else { return nil }
        let survey = VendorScorecard.satisfaction(vendor: vendor, period: period, d.satisfaction)
        if case .survey = SatisfactionSource(satisfaction: r.satisfaction, survey: survey) { return nil }
        return r.satisfaction
    }

    /// The form key of a department's survey score.
    static let departmentKey = "department:"

    static func submit(_ s: inout AppState, _ f: Form, vendor: String) -> FormRefusal? {
        let L = s.lang
        let period = f.value("period").trimmed
        if period.isEmpty { return FormRefusal(L.t("The period is required", "期间不能为空"), field: "period") }
        // The departments' answers, each 1–5 (an empty field: that department did not answer).
        var survey: [DepartmentSatisfaction] = []
        for field in f.fields where field.key.hasPrefix(departmentKey) {
            let t = normalizedDigits(f.value(field.key)).trimmed
            if t.isEmpty { continue }
            guard let x = formDecimal(t), x >= 1, x <= 5 else {
                return FormRefusal(
                    f.label(of: field.key) + ": " + L.t("enter a score from 1–5, not “\(t)”", "请输入 1–5 之间的分数, 而不是 “\(t)”"), field: field.key
                )
            }
            survey.append(
                DepartmentSatisfaction(
                    vendor: vendor, period: period, department: String(field.key.dropFirst(departmentKey.count)), score: x))
        }
        var v: [String: Double] = [:]
        let mean = VendorScorecard.satisfaction(vendor: vendor, period: period, survey)
        // The typed satisfaction wins; empty, the departments' mean is the figure; neither: refused.
        if normalizedDigits(f.value("satisfaction")).trimmed.isEmpty {
            guard let mean else {
                return FormRefusal(
                    L.t(
                        "Enter the satisfaction 1–5, or the departments' scores", "请填写满意度 1–5, 或各部门的评分"),
                    field: "satisfaction")
            }
            v["satisfaction"] = mean.mean
        }
        for (key, lo, hi) in [
            ("on_time_pct", 0.0, 100.0), ("acceptance_first_pass_pct", 0, 100), ("sla_pct", 0, 100), ("training_pass_pct", 0, 100),
            ("satisfaction", 1, 5),
        ] where v[key] == nil {
            let typed = normalizedDigits(f.value(key)).trimmed
            let t = typed.trimmingCharactersInSet("%")
            guard let x = formDecimal(t), x >= lo, x <= hi else {
                let range = "\(NumberText.upTo(lo, 1))–\(NumberText.upTo(hi, 1))"
                return FormRefusal(L.t("Enter a number from \(range), not “\(t)”", "请输入 \(range) 之间的数, 而不是 “\(t)”"), field: key)
            }
            // A fraction typed for a percentage (`0.8` for 80 %, as the training form's target takes it)
            // was saved as 0.8 %: a finance pass. Below 1 it is asked for with its `%`.
            if hi == 100, x > 0, x < 1, !typed.hasSuffix("%") {
                let points = NumberText.upTo(x * 100, 2)
                return FormRefusal(
                    L.t(
                        "\(t) here is \(t) %, not \(points) %: type \(points) for \(points) %, or \(t)% if you mean it",
                        "此处 \(t) 表示 \(t)%, 而非 \(points)%: \(points)% 请输入 \(points), 确为 \(t)% 请输入 \(t)%"),
                    field: key)
            }
            v[key] = x
        }
        let review = VendorReview(
            vendor: vendor, period: period, onTimePct: v["on_time_pct"]!, acceptanceFirstPassPct: v["acceptance_first_pass_pct"]!,
            slaPct: v["sla_pct"]!, trainingPassPct: v["training_pass_pct"]!, satisfaction: v["satisfaction"]!,
            note: f.value("note").trimmed, reviewer: f.value("reviewer").trimmed)
        let score = NumberText.upTo(VendorScorecard.score(review), 1)
        var said = L.t("Recorded the \(period) review of \(vendor): score \(score)", "已记录 \(vendor) \(period) 考评: 得分 \(score)")
        // Where the satisfaction comes from, in the scorecard's words (both figures when they differ).
        let sat = NumberText.upTo(review.satisfaction, 2)
        let source = SatisfactionSource(satisfaction: review.satisfaction, survey: mean).words(chinese: L == .zh)
        said += L.t(" (satisfaction \(sat), \(source))", " (满意度 \(sat), \(source))")
        s.change(said) { ws in
            ws.delivery.satisfaction.removeAll { $0.vendor == vendor && $0.period == period }
            ws.delivery.satisfaction += survey
            if let i = ws.delivery.vendorReviews.firstIndex(where: { $0.vendor == vendor && $0.period == period }) {
                var r = review
                r.extra = ws.delivery.vendorReviews[i].extra
                ws.delivery.vendorReviews[i] = r
            } else {
                ws.delivery.vendorReviews.append(review)
            }
        }
        return nil
    }
}
