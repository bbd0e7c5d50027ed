/// The scoring minutes: sealed before the reveal; after it, the matrix, how each total is built (so
/// it can be recomputed by hand), the disputed cells by evaluator, sensitivity in words and the
/// recommendation with its margin.
extension HandoutBuilder {
    func points(_ x: Double) -> String { NumberText.fixed(x, 2) }
    func pct(_ x: Double) -> String { NumberText.upTo(x * 100, 2) + "%" }
    func money(_ units: Double) -> String { Money(minor: Int64((units * 100).rounded())).grouped() }

    // Kept as one function: the handout's sections in reading order.
    func scoring() -> HandoutDoc {
        var blocks: [HandoutBlock] = []
        let title = MeetingKind.scoring.title(lang) + " — " + ws.settings.name
        // Blind panel: before the reveal nothing derived from the scores leaves the workspace.
        guard ws.settings.revealed else {
            blocks.append(.heading(t("Scores are sealed", "评分尚未揭晓")))
            blocks.append(
                .callout(
                    t(
                        "The panel scores blind: until the lead reveals, no scores, totals, ranks, sensitivity or recommendation are shown.",
                        "评委独立盲评：主持人揭晓之前，不显示任何评分、总分、排名、敏感性或推荐结果。")))
            // A sheet counts as handed in when every expected cell is scored; the others are named with
            // how far they are (a sheet begun counted as handed in: user test pass). Counts, no scores.
            let progress = PanelRule.progress(ws)
            let done = progress.filter(\.complete).map(\.evaluator)
            let open = progress.filter { !$0.complete }.map { "\($0.evaluator) \($0.scored)/\($0.expected)" }
            var line = t(
                "Score sheets complete: \(done.count) of \(progress.count)", "已评完的评分表：\(done.count) / \(progress.count) 份")
            if !done.isEmpty { line += t(" (\(done.joined(separator: ", ")))", "（\(done.joined(separator: "、"))）") }
            if !open.isEmpty {
                line += t("; not finished: \(open.joined(separator: ", "))", "；未评完：\(open.joined(separator: "、"))")
            }
            blocks.append(.paragraph(line))
            blocks += ownScores()
            blocks += weightsTable()
            return doc(title: title, blocks: blocks)
        }
        guard let sc = facts.scoring else {
            blocks.append(.heading(t("Scoring", "评分")))
            blocks.append(.paragraph(facts.scoringError ?? ""))
            return doc(title: title, blocks: blocks)
        }
        let ev = sc.evaluation
        // 1. The recommendation and its margin.
        blocks.append(.heading(t("1. Recommendation", "1. 推荐结果")))
        if let w = sc.winner {
            var s = t("Recommended: ", "推荐：") + w.name + t(" with ", "，得分 ") + sc.scoreText(w.score)
            if let runner = ev.ranking.first(where: { $0.vendor != w.vendor }) {
                s +=
                    t(", ", "，") + t("ahead of ", "领先 ") + runner.name + " (" + sc.scoreText(runner.score) + ") "
                    + t("by ", "") + sc.marginText(w.score, over: runner.score) + t("", " 分")
            }
            if let counted = ev.countedText(chinese: lang == .zh) {
                s += t(" — provisional: ", " — 暂定：") + counted + t(", the others have not finished", "，其余评委尚未评完")
            }
            blocks.append(.callout(s))
            if !sc.tiedWithWinner.isEmpty {
                blocks.append(.paragraph(t("Tied for first: ", "并列第一：") + sc.tiedWithWinner.map(\.name).joined(separator: t(", ", "、"))))
            }
        } else {
            blocks.append(.paragraph(t("No vendor can be ranked yet.", "暂无可排名的供应商。")))
        }
        // A ranked vendor with a confirmed must-have unanswered is provisional, as the screen marks it
        // `4? 暂定` (a meeting pass: the handout ranked it plainly).
        blocks.append(
            .table(
                [("#", true), (t("Vendor", "供应商"), false), (t("Total", "总分"), true)],
                ev.ranking.map {
                    ["\($0.rank)" + (ev.provisional[$0.vendor] == nil ? "" : t("? provisional", "? 暂定")), $0.name, sc.scoreText($0.score)]
                }))
        var excluded: [String] = ev.disqualified.map { t("Disqualified ", "淘汰 ") + $0.name + colon + facts.disqualification($0) }
        for r in ev.ranking {
            guard let gaps = ev.provisional[r.vendor] else { continue }
            excluded.append(
                t("Provisional (must-haves not answered) ", "暂定（必须项未答复） ") + r.name + colon
                    + gaps.map { lang == .zh ? $0.zh : $0.en }.joined(separator: t("; ", "；")))
        }
        excluded += ev.incomplete.map { t("Not ranked ", "未排名 ") + $0.name + colon + $0.reason }
        excluded += facts.partlyMet.map {
            t("Partly meets must-haves ", "部分满足必须项 ") + facts.vendorName($0.vendor) + colon + $0.items.joined(separator: sep)
        }
        excluded += facts.otherScoringWarnings.map { namesForIDs(t($0.en, $0.zh)) }
        if !excluded.isEmpty { blocks.append(.list(excluded)) }
        // 2. The matrix.
        blocks.append(.heading(t("2. Panel scores", "2. 评分矩阵")))
        blocks += matrix(sc)
        // 3. How each total is built.
        blocks.append(.heading(t("3. How each total is built", "3. 总分的构成")))
        blocks += buildUp(sc)
        // 4. Disputed cells.
        blocks.append(.heading(t("4. Cells discussed", "4. 分歧评分")))
        blocks += disputes(sc)
        blocks += revisedAfterReveal()
        // 5. Sensitivity.
        blocks.append(.heading(t("5. How firm is the result", "5. 结果的稳健性")))
        blocks += sensitivityWords(sc)
        return doc(title: title, blocks: blocks)
    }

    /// The scores changed after the reveal, each with what it was, what it is, when and by whom (a
    /// meeting pass: a change made after seeing the others was said once on the lead's screen, and the
    /// minutes printed the new score as if given blind).
    func revisedAfterReveal() -> [HandoutBlock] {
        guard !req.revisions.isEmpty else { return [] }
        let criteria = Dictionary(ws.criteria.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func score(_ x: Double?, _ none: String) -> String { x.map { NumberText.upTo($0, 2) } ?? none }
        let rows = req.revisions.map { r -> String in
            let time = r.time.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
            return r.evaluator + " · " + facts.vendorName(r.vendor) + " × " + (criteria[r.criterion] ?? r.criterion) + colon
                + score(r.before, t("not scored", "未评分")) + " → " + score(r.after, t("withdrawn", "已撤回"))
                + t(" (\(time), by \(r.actor))", "（\(time)，\(r.actor)）")
        }
        return [
            .subheading(t("Changed after the reveal", "揭晓后修改的评分")),
            .paragraph(
                t(
                    "These scores were changed after the panel saw each other's; the tables above use the changed ones.",
                    "以下评分是在评委相互看到评分之后修改的；上面各表使用修改后的评分。")),
            .list(rows),
        ]
    }

    /// Replaces `vendor V1` / `供应商 V1` by the vendor's name in a scoring notice.
    func namesForIDs(_ text: String) -> String {
        var s = text
        // Longest ids first, so that V1 does not eat the start of V10.
        for v in ws.vendors.sorted(by: { $0.id.count > $1.id.count }) {
            s = s.replacing("vendor \(v.id) \(v.name)", with: "vendor \(v.name)").replacing("供应商 \(v.id) \(v.name)", with: "供应商 \(v.name)")
            s = s.replacing("vendor \(v.id)", with: "vendor \(v.name)").replacing("供应商 \(v.id)", with: "供应商 \(v.name)")
        }
        return s
    }

    /// While the panel is blind, an evaluator's own handout (their session's `Ctrl-P`, or `report
    /// --evaluator NAME`) holds their own scores and notes — what `PanelRule` lets them see, and what
    /// the README promised the private file holds (it had only the progress: user test pass).
    func ownScores() -> [HandoutBlock] {
        guard case .evaluator(let name) = req.report.viewer else { return [] }
        let mine = (ws.scores[name] ?? []).sorted {
            ($0.vendor, $0.criterion) < ($1.vendor, $1.criterion)
        }
        let criteria = Dictionary(ws.criteria.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var blocks: [HandoutBlock] = [.heading(t("Your scores (\(name), for you only)", "你的评分（\(name)，仅供本人）"))]
        if mine.isEmpty {
            blocks.append(.paragraph(t("You have not scored yet.", "你还没有评分。")))
            return blocks
        }
        blocks.append(
            .table(
                [(t("Vendor", "供应商"), false), (t("Criterion", "评分项"), false), (t("Score", "评分"), true), (t("Note", "备注"), false)],
                mine.map { [facts.vendorName($0.vendor), criteria[$0.criterion] ?? $0.criterion, NumberText.upTo($0.score, 2), $0.note] }))
        return blocks
    }

    func weightsTable() -> [HandoutBlock] {
        let leaves = ws.criteria.filter { c in !ws.criteria.contains { $0.parent == c.id } }
        guard !leaves.isEmpty else { return [] }
        let weights = (try? evaluateWeightsOnly()) ?? [:]
        return [
            .subheading(t("Criteria and weights", "评分项与权重")),
            .table(
                [(t("Criterion", "评分项"), false), (t("Weight", "权重"), true)],
                leaves.map { [$0.name, weights[$0.id].map(pct) ?? NumberText.upTo($0.weight, 4)] }),
        ]
    }

    /// Global weights of the criteria without touching the scores (for the sealed handout).
    func evaluateWeightsOnly() throws -> [String: Double] {
        var blind = ws
        blind.scores = [:]
        let ev = try evaluate(blind, priceOverride: tcoPrices(blind))
        return Dictionary(ev.weights.map { ($0.id, $0.global) }, uniquingKeysWith: { a, _ in a })
    }

    func matrix(_ sc: ScoringFacts) -> [HandoutBlock] {
        let ev = sc.evaluation
        let vendors = ws.vendors
        var byKey: [String: PanelCell] = [:]
        for c in ev.cells { byKey[c.vendor + "\u{1}" + c.criterion] = c }
        let leaves = ev.weights.filter { $0.isLeaf && $0.global > 0 }
        // Past performance: the latest vendor review's score, on the workspace scale.
        let past = VendorScorecard.pastPerformance(ws.delivery.vendorReviews, scale: ws.settings.scale)
        let head = [(t("Criterion", "评分项"), false), (t("Weight", "权重"), true)] + vendors.map { ($0.name, true) }
        let rows: [[String]] = leaves.map { k in
            [k.name, pct(k.global)]
                + vendors.map { v in
                    switch k.source {
                    case .price:
                        let p = v.bidPrice?.approximateUnits ?? facts.tcos.first { $0.vendor == v.id }?.total.approximateUnits
                        return p.map(money) ?? "–"
                    case .panel:
                        guard let c = byKey[v.id + "\u{1}" + k.id] else { return "–" }
                        return NumberText.fixed(c.value, 2) + (c.flagged ? " ⚑" : "")
                    case .pastPerformance:
                        return past[v.id].map { NumberText.fixed($0, 2) } ?? "–"
                    }
                }
        }
        let agg = ev.aggregate == .median ? t("median", "中位数") : t("mean", "平均分")
        // Past performance is said only where a criterion scores it (a meeting pass: readers looked for
        // a row that was not there).
        let scoresPast = ws.criteria.contains { $0.source == .pastPerformance }
        return [
            .table(head, rows),
            .note(
                t(
                    "Panel \(agg)\(ev.countedText(chinese: false).map { ", \($0)," } ?? "") on a 0–\(NumberText.upTo(ws.settings.scale, 4)) scale\(scoresPast ? " (past performance: the latest vendor review)" : ""); the price row is the bid. ⚑: evaluators differ by 30 % of the scale or more.",
                    "评委\(agg)\(ev.countedText(chinese: true).map { "（\($0)）" } ?? "")，满分 \(NumberText.upTo(ws.settings.scale, 4))\(scoresPast ? "（以往履约：最近一次供应商考评）" : "")；价格行为投标报价。⚑：评委分差达到满分的 30% 及以上。"
                )),
        ]
    }

    // Kept as one function: the score build-up table, column by column.
    func buildUp(_ sc: ScoringFacts) -> [HandoutBlock] {
        let ev = sc.evaluation
        let p = ev.problem
        let n = p.criteria.count
        guard !p.alternatives.isEmpty, n > 0 else { return [.paragraph(t("Nothing to rank yet.", "尚无可排名的供应商。"))] }
        var out: [HandoutBlock] = []
        let names = p.alternatives.map { facts.vendorName($0) }
        let weight = Dictionary(ev.weights.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        switch ev.method {
        case .cn:
            out.append(
                .paragraph(
                    t(
                        "Comprehensive scoring (MoF Order 87): each criterion gives points = value × weight × 100. Panel criteria: panel score ÷ \(NumberText.upTo(ws.settings.scale, 4)). Price: base price ÷ the vendor's scoring price. The total is the sum of the points.",
                        "综合评分法（财政部令第 87 号）：每个评分项得分 = 分值 × 权重 × 100。评委评分项：评委分 ÷ \(NumberText.upTo(ws.settings.scale, 4))；价格：基准价 ÷ 该供应商的评审价格。总分为各项得分之和。"
                    )))
            var rows: [[String]] = []
            for (j, id) in p.criteria.enumerated() {
                let w = p.weights[j]
                let k = weight[id]
                var row = [(k?.name ?? id), pct(w)]
                for i in 0..<p.alternatives.count {
                    let r = p.normalized[i * n + j]
                    let scale = ws.settings.scale
                    let formula =
                        k?.source == .price
                        ? NumberText.fixed(r / 100, 4) : NumberText.fixed(r / 100 * scale, 2) + "/" + NumberText.upTo(scale, 4)
                    row.append(formula + " × " + pct(w) + " × 100 = " + points(r * w))
                }
                rows.append(row)
            }
            let totals = p.scores()
            rows.append([t("Total", "总分"), pct(p.weights.reduce(0, +))] + totals.map { points($0) })
            out.append(.table([(t("Criterion", "评分项"), false), (t("Weight", "权重"), true)] + names.map { ($0, true) }, rows))
            out.append(
                .note(
                    t(
                        "Values and points are shown to 2 or 4 decimals; the total adds the unrounded points, so a sum of the rounded ones may differ by 0.01.",
                        "分值与得分按 2 或 4 位小数显示；总分由未经舍入的得分相加，逐项相加的结果可能相差 0.01。")))
            out += priceExplanation(ev)
        case .wsm:
            out.append(
                .paragraph(
                    t(
                        "Weighted sum: each value is normalised (\(ev.normalization?.rawValue ?? "linear")) to 0–1, multiplied by the weight, and the products are added.",
                        "加权求和：各项分值按 \(ev.normalization?.rawValue ?? "linear") 方法归一化到 0–1，乘以权重后相加。")))
            var rows: [[String]] = []
            for (j, id) in p.criteria.enumerated() {
                let w = p.weights[j]
                rows.append(
                    [weight[id]?.name ?? id, pct(w)]
                        + (0..<p.alternatives.count).map { i in
                            let r = p.normalized[i * n + j]
                            return NumberText.fixed(r, 4) + " × " + pct(w) + " = " + NumberText.fixed(r * w, 4)
                        })
            }
            rows.append([t("Total", "总分"), pct(p.weights.reduce(0, +))] + p.scores().map { NumberText.fixed($0, 4) })
            out.append(.table([(t("Criterion", "评分项"), false), (t("Weight", "权重"), true)] + names.map { ($0, true) }, rows))
        case .topsis:
            out.append(
                .paragraph(
                    t(
                        "TOPSIS: the total is the relative closeness D⁻ ÷ (D⁺ + D⁻) of each vendor's weighted, vector-normalised row to the best and worst values of each column; it is not a sum of points.",
                        "TOPSIS：总分为各供应商加权归一化后与理想解、负理想解的相对贴近度 D⁻ ÷ (D⁺ + D⁻)，不是各项得分之和。")))
            out.append(
                .table(
                    [(t("Criterion", "评分项"), false), (t("Weight", "权重"), true)] + names.map { ($0, true) },
                    p.criteria.enumerated().map { (j, id) in
                        [weight[id]?.name ?? id, pct(p.weights[j])]
                            + (0..<p.alternatives.count).map { NumberText.fixed(p.normalized[$0 * n + j], 4) }
                    }))
        }
        return out
    }

    /// The price row of 综合评分法: bid, the small/micro-enterprise deduction, the scoring price, the base.
    func priceExplanation(_ ev: Evaluation) -> [HandoutBlock] {
        guard let base = ev.priceBase else { return [] }
        let d = ws.settings.smeDeductionPercent
        let ranked = Set(ev.problem.alternatives)
        let overrides = tcoPrices(ws)
        var rows: [[String]] = []
        var baseVendor = ""
        for v in ws.vendors where ranked.contains(v.id) {
            guard let bid = (v.bidPrice ?? overrides[v.id])?.approximateUnits else { continue }
            let scoring = v.sme ? bid * (1 - d / 100) : bid
            if abs(scoring - base) < 0.005 { baseVendor = v.name }
            rows.append([
                v.name, money(bid), v.sme ? t("small/micro −", "小微企业 −") + NumberText.upTo(d, 4) + "%" : "–", money(scoring),
                NumberText.fixed(base / scoring, 4),
            ])
        }
        return [
            .subheading(t("Price score", "价格分")),
            .paragraph(
                t(
                    "Base price = the lowest scoring price among qualified bids: \(money(base))\(baseVendor.isEmpty ? "" : " (\(baseVendor))"). Small and micro enterprises have \(NumberText.upTo(d, 4)) % taken off their price for scoring only.",
                    "基准价 = 合格投标中最低的评审价格：\(money(base))\(baseVendor.isEmpty ? "" : "（\(baseVendor)）")。小微企业的报价在评审时扣除 \(NumberText.upTo(d, 4))%（仅用于计分）。"
                )),
            .table(
                [
                    (t("Vendor", "供应商"), false), (t("Bid", "投标报价"), true), (t("Deduction", "价格扣除"), false),
                    (t("Scoring price", "评审价格"), true), (t("Base ÷ price", "基准价 ÷ 评审价格"), true),
                ], rows),
        ]
    }

    /// The ⚑ cells, and any other cell the panel left a discussion note on: each evaluator's score
    /// and note by name, then the panel's note (`discussion.csv`). Only reached after the reveal.
    func disputes(_ sc: ScoringFacts) -> [HandoutBlock] {
        let discussed = sc.evaluation.cells.filter { $0.flagged || !ws.discussionNote(vendor: $0.vendor, criterion: $0.criterion).isEmpty }
        var out: [HandoutBlock] = []
        if !sc.evaluation.cells.contains(where: \.flagged) {
            out.append(.paragraph(t("No cell where the evaluators differ by 30 % of the scale or more.", "没有评委分差达到满分 30% 的评分。")))
        }
        for c in discussed {
            out.append(
                .subheading(
                    facts.vendorName(c.vendor) + " × " + sc.criterionName(c.criterion) + t(" — spread ", " — 极差 ")
                        + NumberText.upTo(c.spread, 4)))
            let rows: [[String]] = zip(c.evaluators, c.scores).map { name, score in
                let note = ws.scores[name]?.first { $0.vendor == c.vendor && $0.criterion == c.criterion }?.note ?? ""
                return [name, NumberText.upTo(score, 4), note.isEmpty ? "–" : note]
            }
            out.append(.table([(t("Evaluator", "评委"), false), (t("Score", "评分"), true), (t("Note", "说明"), false)], rows))
            let note = ws.discussionNote(vendor: c.vendor, criterion: c.criterion)
            out.append(
                .paragraph(
                    t("Panel's discussion: ", "评审组讨论：")
                        + (note.isEmpty ? t("not recorded (n on the Vendors screen)", "未记录（在供应商页按 n 记录）") : note)))
        }
        // A note on a cell with no counted scores (a vendor disqualified since, say) is still printed.
        let shown = Set(discussed.map { $0.vendor + "\u{1}" + $0.criterion })
        for n in ws.discussion where !n.note.isEmpty && !shown.contains(n.vendor + "\u{1}" + n.criterion) {
            out.append(.subheading(facts.vendorName(n.vendor) + " × " + sc.criterionName(n.criterion)))
            out.append(.paragraph(t("Panel's discussion: ", "评审组讨论：") + n.note))
        }
        return out
    }

    func sensitivityWords(_ sc: ScoringFacts) -> [HandoutBlock] {
        guard let rep = sc.sensitivity, let winner = rep.winner else {
            return [.paragraph(t("Needs at least two ranked vendors.", "至少需要两家参与排名的供应商。"))]
        }
        let w = facts.vendorName(winner)
        var items: [String] = []
        for iv in rep.intervals {
            let name = sc.criterionName(iv.criterion)
            if iv.lo <= 1e-9 && iv.hi >= 1 - 1e-9 {
                items.append(t("\(name): whatever its weight, \(w) stays first.", "\(name)：无论权重如何，\(w) 都排名第一。"))
            } else {
                items.append(
                    t(
                        "\(name) (now \(pct(iv.weight))): \(w) stays first while its weight is between \(pct(iv.lo)) and \(pct(iv.hi)).",
                        "\(name)（当前 \(pct(iv.weight))）：权重在 \(pct(iv.lo)) 至 \(pct(iv.hi)) 之间时，\(w) 仍排名第一。"))
            }
        }
        var out: [HandoutBlock] = []
        if let sm = rep.smallest {
            out.append(
                .paragraph(
                    t(
                        "The smallest change that changes the winner: \(sc.criterionName(sm.criterion)) from \(pct(sm.from)) to \(pct(sm.to)) makes \(facts.vendorName(sm.newWinner)) first.",
                        "改变第一名所需的最小调整：\(sc.criterionName(sm.criterion)) 的权重从 \(pct(sm.from)) 调到 \(pct(sm.to))，\(facts.vendorName(sm.newWinner)) 将排名第一。"
                    )))
        } else {
            out.append(.paragraph(t("No single weight change can change the winner.", "单独调整任何一个权重都不会改变第一名。")))
        }
        out.append(.list(items))
        if !rep.exact {
            out.append(.note(t("TOPSIS: the ranges were found by scanning the weights.", "TOPSIS：区间由扫描权重求得。")))
        }
        return out
    }
}
