/// The scoring part of the report: the evaluation of the workspace and its weight sensitivity.
struct ScoringFacts {
    var evaluation: Evaluation
    var sensitivity: SensitivityReport?

    /// The recommendation: the top-ranked qualified vendor (the first listed when several tie).
    var winner: RankedVendor? { evaluation.ranking.first }
    /// Other vendors that share first place.
    var tiedWithWinner: [RankedVendor] { evaluation.ranking.dropFirst().filter { $0.rank == 1 } }

    /// Criterion display name by id.
    func criterionName(_ id: String) -> String { evaluation.weights.first { $0.id == id }?.name ?? id }
    func globalWeight(_ id: String) -> Double { evaluation.weights.first { $0.id == id }?.global ?? 0 }

    /// Scored leaf criteria of the panel, in criteria.csv order.
    var panelCriteria: [CriterionWeight] { evaluation.weights.filter { $0.isLeaf && $0.source == .panel && $0.global > 0 } }

    /// The top of the score axis: points out of 100 for cn, closeness/weighted sum ≤ 1 otherwise.
    var scoreMax: Double { evaluation.method == .cn ? 100 : 1 }

    func scoreText(_ x: Double) -> String { NumberText.fixed(x, evaluation.method == .cn ? 2 : 4) }

    /// `a − b` as the reader works it out from the two totals printed (a meeting pass: `82.91` ahead of
    /// `82.08` by `0.82`, from the unrounded 82.9059 and 82.0833).
    func marginText(_ a: Double, over b: Double) -> String {
        let places = evaluation.method == .cn ? 2 : 4
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let units = Int64(scoreText(a).replacingOccurrences(of: ".", with: "")).flatMap { x in
            Int64(scoreText(b).replacingOccurrences(of: ".", with: "")).map { x - $0 }
        }
        return units.map { NumberText.fixed(Double($0) / scale, places) } ?? scoreText(a - b)
    }
}

/// One entry of the report's "cells to discuss" list: its words are the same in HTML and Markdown.
struct DiscussedCell: Equatable {
    /// A ⚑ cell (evaluators differ by 30 % of the scale or more); false for a cell listed only for its note.
    var flagged: Bool
    /// `Vendor × criterion: 张伟 7, 李娜 3 (spread 4) — panel's discussion: …`, without the ⚑.
    var text: String
}

extension ReportFacts {
    /// The cells to discuss: every ⚑ cell, then every other cell the panel left a discussion note on
    /// (`discussion.csv`), then a note on a cell with no counted scores. Before the reveal the
    /// evaluators are a count and no note is shown (the notes are about the scores), so only ⚑ cells
    /// are listed; after it, each evaluator's score by name and the panel's note.
    func cellsToDiscuss(_ sc: ScoringFacts) -> [DiscussedCell] {
        let revealed = ws.settings.revealed
        func note(_ vendor: String, _ criterion: String) -> String {
            revealed ? ws.discussionNote(vendor: vendor, criterion: criterion) : ""
        }
        func discussed(_ note: String) -> String { note.isEmpty ? "" : lang.pick(" — panel's discussion: ", " —— 评审组讨论：") + note }
        let cells = sc.evaluation.cells.filter { $0.flagged || !note($0.vendor, $0.criterion).isEmpty }
        var out = (cells.filter(\.flagged) + cells.filter { !$0.flagged }).map { c in
            let who =
                revealed
                ? zip(c.evaluators, c.scores).map { "\($0) \(NumberText.upTo($1, 2))" }.joined(separator: ", ")
                : lang.pick("\(c.scores.count) evaluators", "\(c.scores.count) 位评委")
            return DiscussedCell(
                flagged: c.flagged,
                text: vendorName(c.vendor) + " × " + sc.criterionName(c.criterion) + lang.pick(": ", "：") + who + " ("
                    + lang.pick("spread", "极差") + " " + NumberText.upTo(c.spread, 2) + ")" + discussed(note(c.vendor, c.criterion)))
        }
        guard revealed else { return out }
        let shown = Set(cells.map { $0.vendor + "\u{1}" + $0.criterion })
        for n in ws.discussion where !n.note.isEmpty && !shown.contains(n.vendor + "\u{1}" + n.criterion) {
            out.append(
                DiscussedCell(flagged: false, text: vendorName(n.vendor) + " × " + sc.criterionName(n.criterion) + discussed(n.note)))
        }
        return out
    }

    /// A vendor's answers `answer` to must-have requirements that still count, as `R02 title (note)`.
    func gateItems(vendor: String, answer: GateResult) -> [String] {
        (mustAnswers[vendor] ?? []).compactMap { a in
            guard a.gate.answer == answer else { return nil }
            let (g, r) = a
            return "\(r.id) \(r.title)" + (g.note.trimmed.isEmpty ? "" : lang.pick(" (\(g.note))", "（\(g.note)）"))
        }
    }

    /// Why a vendor is disqualified, in the report's language (the scoring's own text as a fallback).
    func disqualification(_ x: ExcludedVendor) -> String {
        let fails = gateItems(vendor: x.vendor, answer: .no)
        guard !fails.isEmpty else { return x.reason }
        return lang.pick("fails must-have ", "未满足必须需求 ") + fails.joined(separator: lang.pick("; ", "；"))
    }

    /// Scoring warnings other than the partly-met gates (those are listed in the report's language).
    var otherScoringWarnings: [Notice] {
        (scoring?.evaluation.warnings ?? []).filter { !$0.en.contains("only partly meets must-have") }
    }
}

extension ReportFacts {
    /// Evaluates with the workspace's method; vendors without a bid price are scored on their TCO.
    mutating func computeScoring() {
        do {
            let ev = try PanelRule.evaluate(ws, viewer: request.viewer, priceOverride: tcoPrices(ws))
            let sens = ev.ranking.count >= 2 && !ev.problem.criteria.isEmpty ? Sensitivity.analyse(ev.problem) : nil
            scoring = ScoringFacts(evaluation: ev, sensitivity: sens)
        } catch {
            scoringError = error.message
        }
    }
}

extension ReportFacts {
    /// What the panel matrix's figures are, for both reports; `heatMap`: the HTML chart's colours and frames too.
    func panelMatrixCaption(_ sc: ScoringFacts, heatMap: Bool) -> String {
        // While blind an evaluator's report holds her own scores only (a meeting pass: captioned as the
        // panel's mean).
        if sc.evaluation.blind, case .evaluator(let name) = request.viewer {
            let scale = NumberText.upTo(ws.settings.scale, 1)
            return lang.pick(
                "\(name)'s own scores per vendor and criterion (global weight in the header), on a 0–\(scale) scale: the panel is blind, so no one else's are shown.",
                "\(name) 本人在各供应商、各评分项上的评分（表头为全局权重），满分 \(scale)。盲评中：不显示其他评委的评分。")
        }
        var agg = sc.evaluation.aggregate == .median ? lang.pick("median", "中位数") : lang.pick("mean", "平均分")
        if let counted = sc.evaluation.countedText(chinese: lang == .zh) { agg += lang.pick(" (\(counted))", "（\(counted)）") }
        let scale = NumberText.upTo(ws.settings.scale, 1)
        return lang.pick(
            "Panel \(agg) per vendor and criterion (global weight in the header), on a 0–\(scale) scale"
                + (heatMap ? "; darker is better. Red frame and ⚑" : ". ⚑") + ": evaluators differ by 30 % of the scale or more — discuss.",
            "各供应商在各评分项上的评委\(agg)（表头为全局权重），满分 \(scale)" + (heatMap ? "，颜色越深越好。红框与 ⚑" : "。⚑")
                + "：评委分差达到满分的 30% 及以上，需讨论。")
    }

    /// The scoring method's name, for both reports.
    func methodName(_ m: ScoringMethod) -> String {
        switch m {
        case .wsm: return lang.pick("weighted sum (WSM)", "加权求和法（WSM）")
        case .topsis: return "TOPSIS"
        case .cn: return lang.pick("comprehensive scoring (MoF Order 87, lowest price first)", "综合评分法（财政部令第 87 号，低价优先）")
        }
    }
}

extension HTMLReportWriter {
    /// The blind notice as a paragraph, when the panel is blind (empty otherwise).
    func blindNote() -> String {
        guard let sc = facts.scoring, sc.evaluation.blind, let n = sc.evaluation.warnings.first else { return "" }
        return "<p class=\"warn\">\(e(t("Blind: ", "盲评：") + t(n.en, n.zh)))</p>\n"
    }

    func recommendation() -> String {
        if let sc = facts.scoring, sc.evaluation.blind {
            return "<div class=\"reco\">\(e(t("No recommendation while the panel is blind.", "盲评期间不给出推荐。")))</div>\n" + blindNote()
        }
        guard let sc = facts.scoring else {
            return "<div class=\"reco\">\(e(t("No recommendation: ", "暂无推荐：")))\(e(facts.scoringError ?? ""))</div>\n"
        }
        guard let w = sc.winner else {
            return
                "<div class=\"reco\">\(e(t("No vendor can be ranked yet (all disqualified or not fully scored).", "暂无可排名的供应商（均被淘汰或评分不完整）。")))</div>\n"
        }
        var s = "<div class=\"reco\">\(e(t("Recommendation: ", "推荐：")))<strong>\(e(w.name))</strong> — "
        s += e(t("ranked first by ", "按") + facts.methodName(sc.evaluation.method) + t(" with ", "排名第一，得分 ") + sc.scoreText(w.score))
        if !sc.tiedWithWinner.isEmpty {
            s += " <span class=\"warn\">\(e(t("tied with ", "与以下供应商并列：") + sc.tiedWithWinner.map(\.name).joined(separator: ", ")))</span>"
        }
        if let runner = sc.evaluation.ranking.first(where: { $0.rank > 1 }) {
            s += e(t("; next: ", "；其次：") + runner.name + " " + sc.scoreText(runner.score))
        }
        return s + "</div>\n"
    }

    func scoringMatrix() -> String {
        let title = t("3. Scoring matrix", "3. 评分矩阵")
        guard let sc = facts.scoring else { return section(title, "<p class=\"flag\">\(e(facts.scoringError ?? ""))</p>") }
        let crit = sc.panelCriteria
        guard !crit.isEmpty, !sc.evaluation.cells.isEmpty else {
            if sc.evaluation.blind { return section(title, blindNote()) }
            // The panel's notes are kept even when no cell has counted scores (nothing typed is left out).
            return section(title, "<p class=\"muted\">\(e(t("No panel scores yet.", "尚无评委评分。")))</p>\n" + discussList(sc))
        }
        var byKey: [String: PanelCell] = [:]
        for c in sc.evaluation.cells { byKey[c.vendor + "\u{1}" + c.criterion] = c }
        let vendors = ws.vendors
        let cells: [[SVGChart.HeatCell?]] = vendors.map { v in
            crit.map { k in
                byKey[v.id + "\u{1}" + k.id].map { c in
                    SVGChart.HeatCell(
                        value: c.value,
                        detail: t("spread ", "极差 ") + NumberText.upTo(c.spread, 2)
                            + " · σ " + NumberText.fixed(c.sd, 2), flagged: c.flagged,
                        tip: "\(v.name) · \(k.name): "
                            + zip(c.evaluators, c.scores).map { "\($0) \(NumberText.upTo($1, 2))" }.joined(
                                separator: ", "))
                }
            }
        }
        let cols = crit.map { "\($0.name) \(NumberText.percent($0.global, 0))" }
        let svg = SVGChart.heatMap(
            rows: vendors.map(\.name), columns: cols, cells: cells, maxValue: ws.settings.scale,
            title: title, emptyText: t("not scored", "未评分"))
        var body = blindNote()
        body += figure(svg, caption: facts.panelMatrixCaption(sc, heatMap: true))
        body += discussList(sc)
        return section(title, body)
    }

    /// The cells to discuss with the panel's notes (`ReportFacts.cellsToDiscuss`); empty when none.
    func discussList(_ sc: ScoringFacts) -> String {
        let discuss = facts.cellsToDiscuss(sc)
        guard !discuss.isEmpty else { return "" }
        var body = "<h3>\(e(t("Cells to discuss", "需讨论的评分")))</h3>\n<ul class=\"flags\">"
        for d in discuss { body += "<li>" + (d.flagged ? "<span class=\"flag\">⚑</span> " : "") + e(d.text) + "</li>" }
        return body + "</ul>\n"
    }

    func ranking() -> String {
        let title = t("4. Ranking", "4. 排名")
        guard let sc = facts.scoring else { return section(title, "<p class=\"flag\">\(e(facts.scoringError ?? ""))</p>") }
        if sc.evaluation.blind {
            var body = blindNote()
            for x in sc.evaluation.disqualified {
                body +=
                    "<p><span class=\"flag\">\(e(t("Disqualified", "淘汰")))</span> \(e(x.name))\(e(t(": ", "：")))\(e(facts.disqualification(x)))</p>\n"
            }
            return section(title, body)
        }
        var rows = sc.evaluation.ranking.enumerated().map { (i, r) in
            SVGChart.BarRow(
                label: r.name,
                segments: [
                    SVGChart.Segment(value: r.score, color: i == 0 ? "#0b4f8a" : "#7fa7cc", tip: "\(r.name): \(sc.scoreText(r.score))")
                ],
                valueText: "#\(r.rank) · \(sc.scoreText(r.score))", bold: r.rank == 1)
        }
        for x in sc.evaluation.disqualified {
            rows.append(
                SVGChart.BarRow(label: x.name, segments: [], valueText: "", note: t("Disqualified: ", "淘汰：") + facts.disqualification(x)))
        }
        for x in sc.evaluation.incomplete {
            rows.append(SVGChart.BarRow(label: x.name, segments: [], valueText: "", note: t("Not ranked: ", "未排名：") + x.reason))
        }
        guard !rows.isEmpty else { return section(title, "<p class=\"muted\">\(e(t("No vendors.", "尚无供应商。")))</p>") }
        let maxV = sc.evaluation.method == .cn ? 100 : max(sc.evaluation.ranking.map(\.score).max() ?? 1, 0.0001)
        let svg = SVGChart.horizontalBars(
            rows, title: title,
            axis: { sc.evaluation.method == .cn ? NumberText.fixed($0, 0) : NumberText.upTo($0, 3) },
            maxValue: maxV)
        var body = figure(
            svg,
            caption: t("Scores by ", "得分，方法：") + facts.methodName(sc.evaluation.method)
                + t("; vendors failing a must-have requirement are disqualified and never ranked.", "；未满足“必须”需求的供应商被淘汰，不参与排名。"))
        if !sc.evaluation.disqualified.isEmpty || !sc.evaluation.incomplete.isEmpty {
            body += "<ul class=\"flags\">"
            for x in sc.evaluation.disqualified {
                body +=
                    "<li><span class=\"flag\">\(e(t("Disqualified", "淘汰")))</span> \(e(x.name))\(e(t(": ", "：")))\(e(facts.disqualification(x)))</li>"
            }
            for x in sc.evaluation.incomplete {
                body += "<li><span class=\"warn\">\(e(t("Not ranked", "未排名")))</span> \(e(x.name))\(e(t(": ", "：")))\(e(x.reason))</li>"
            }
            body += "</ul>\n"
        }
        let partly = facts.partlyMet
        if !partly.isEmpty {
            body += "<h3>\(e(t("Must-haves only partly met", "部分满足的必须需求")))</h3>\n<ul class=\"flags\">"
            for p in partly {
                body +=
                    "<li><span class=\"warn\">\(e(facts.vendorName(p.vendor)))</span>\(e(t(": ", "：")))\(e(p.items.joined(separator: t("; ", "；"))))</li>"
            }
            body += "</ul>\n"
        }
        for w in facts.otherScoringWarnings { body += "<p class=\"note\">\(e(t(w.en, w.zh)))</p>\n" }
        return section(title, body)
    }

    func sensitivity() -> String {
        let title = t("5. Sensitivity of the weights", "5. 权重敏感性")
        if let sc = facts.scoring, sc.evaluation.blind { return section(title, blindNote()) }
        guard let sc = facts.scoring, let rep = sc.sensitivity, let winner = rep.winner else {
            return section(title, "<p class=\"muted\">\(e(t("Needs at least two ranked vendors.", "至少需要两家参与排名的供应商。")))</p>")
        }
        let rows = rep.intervals.map { iv in
            SVGChart.RangeRow(
                label: sc.criterionName(iv.criterion), current: iv.weight, lo: iv.lo, hi: iv.hi,
                text: NumberText.percent(iv.lo) + " – " + NumberText.percent(iv.hi))
        }
        let svg = SVGChart.rangeBars(rows, title: title)
        var body = figure(
            svg,
            caption: t(
                "For each criterion, the range of its weight (others rescaled in proportion) within which \(facts.vendorName(winner)) stays first; the dot is the current weight.",
                "每个评分项的权重在此区间内变化（其他权重按比例调整）时，\(facts.vendorName(winner)) 仍排名第一；圆点为当前权重。"))
        if !rep.exact {
            body +=
                "<p class=\"note\">\(e(t("TOPSIS is not linear in the weights: the ends were found by scanning in steps of 0.25 % and bisecting.", "TOPSIS 得分与权重不成线性关系：区间端点按 0.25% 步长扫描后二分求得。")))</p>\n"
        }
        if let sm = rep.smallest {
            body +=
                "<p>"
                + e(
                    t("Smallest change that changes the winner: the weight of ", "改变第一名所需的最小调整：") + sc.criterionName(sm.criterion)
                        + t(" from ", " 的权重从 ") + NumberText.percent(sm.from) + t(" to ", " 调到 ") + NumberText.percent(sm.to)
                        + t(" makes ", "，") + facts.vendorName(sm.newWinner) + t(" the winner.", " 将排名第一。")) + "</p>\n"
        } else {
            body += "<p>" + e(t("No single weight change can change the winner.", "单独调整任何一个权重都不会改变第一名。")) + "</p>\n"
        }
        return section(title, body)
    }
}

extension MarkdownReportWriter {
    func scoringSections() -> String {
        var s = "## " + t("Scoring and ranking", "评分与排名") + "\n\n"
        guard let sc = facts.scoring else { return s + "**" + m(facts.scoringError ?? "") + "**\n\n" }
        if sc.evaluation.blind, let n = sc.evaluation.warnings.first {
            s += "> **" + t("Blind: ", "盲评：") + "**" + m(t(n.en, n.zh)) + "\n\n"
        }
        let crit = sc.panelCriteria
        if !crit.isEmpty {
            var byKey: [String: PanelCell] = [:]
            for c in sc.evaluation.cells { byKey[c.vendor + "\u{1}" + c.criterion] = c }
            s += table(
                [(t("Vendor", "供应商"), false)] + crit.map { ("\($0.name) \(NumberText.percent($0.global, 0))", true) },
                ws.vendors.map { v in
                    [c(v.name)]
                        + crit.map { k in
                            guard let cell = byKey[v.id + "\u{1}" + k.id] else { return "–" }
                            return NumberText.fixed(cell.value, 2) + (cell.flagged ? " ⚑" : "")
                        }
                })
            // What the figures are, as the HTML heat map's caption says it.
            s += "_" + m(facts.panelMatrixCaption(sc, heatMap: false)) + "_\n\n"
        }
        if !sc.evaluation.blind {
            s += table(
                [("#", true), (t("Vendor", "供应商"), false), (t("Score", "得分"), true)],
                sc.evaluation.ranking.map { ["\($0.rank)", c($0.name), sc.scoreText($0.score)] })
        }
        for x in sc.evaluation.disqualified {
            s += "- " + t("Disqualified", "淘汰") + " " + m(x.name) + t(": ", "：") + m(facts.disqualification(x)) + "\n"
        }
        for x in sc.evaluation.incomplete { s += "- " + t("Not ranked", "未排名") + " " + m(x.name) + ": " + m(x.reason) + "\n" }
        for p in facts.partlyMet {
            s +=
                "- " + t("Partly meets must-haves", "部分满足必须需求") + " " + m(facts.vendorName(p.vendor)) + t(": ", "：")
                + m(p.items.joined(separator: t("; ", "；"))) + "\n"
        }
        // Other rules' warnings, as the HTML report prints them under its ranking.
        for w in facts.otherScoringWarnings { s += "- " + m(t(w.en, w.zh)) + "\n" }
        if !sc.evaluation.disqualified.isEmpty || !sc.evaluation.incomplete.isEmpty || !facts.partlyMet.isEmpty
            || !facts.otherScoringWarnings.isEmpty
        {
            s += "\n"
        }
        let discuss = facts.cellsToDiscuss(sc)
        if !discuss.isEmpty {
            s += "### " + t("Cells to discuss", "需讨论的评分") + "\n\n"
            for d in discuss { s += "- " + (d.flagged ? "⚑ " : "") + m(d.text) + "\n" }
            s += "\n"
        }
        if !sc.evaluation.blind { s += sensitivity(sc) }
        return s
    }

    /// The weights' sensitivity, with the notes the HTML report gives (TOPSIS scanned, no single change).
    func sensitivity(_ sc: ScoringFacts) -> String {
        var s = "### " + t("Sensitivity of the weights", "权重敏感性") + "\n\n"
        guard let rep = sc.sensitivity, rep.winner != nil else {
            return s + t("Needs at least two ranked vendors.", "至少需要两家参与排名的供应商。") + "\n\n"
        }
        s += table(
            [
                (t("Criterion", "评分项"), false), (t("Weight", "权重"), true), (t("Winner stays first from", "第一名不变的下限"), true),
                (t("to", "上限"), true),
            ],
            rep.intervals.map {
                [
                    c(sc.criterionName($0.criterion)), NumberText.percent($0.weight), NumberText.percent($0.lo),
                    NumberText.percent($0.hi),
                ]
            })
        if !rep.exact {
            s +=
                "- "
                + t(
                    "TOPSIS is not linear in the weights: the ends were found by scanning in steps of 0.25 % and bisecting.",
                    "TOPSIS 得分与权重不成线性关系：区间端点按 0.25% 步长扫描后二分求得。") + "\n"
        }
        if let sm = rep.smallest {
            s +=
                "- " + t("Smallest change: ", "最小调整：") + m(sc.criterionName(sm.criterion)) + " " + NumberText.percent(sm.from) + " → "
                + NumberText.percent(sm.to)
                + t(" makes ", "，") + m(facts.vendorName(sm.newWinner)) + t(" the winner", " 将排名第一") + "\n\n"
        } else {
            s += "- " + t("No single weight change can change the winner.", "单独调整任何一个权重都不会改变第一名。") + "\n\n"
        }
        return s
    }
}
