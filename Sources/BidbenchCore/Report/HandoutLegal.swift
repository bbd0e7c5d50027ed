/// The legal review: per contract each clause's status and note, the red flags with their lines,
/// key terms and dates, change orders, and the points still to negotiate.
extension HandoutBuilder {
    // Kept as one function: the handout's sections in reading order, per contract.
    func legal() -> HandoutDoc {
        var blocks: [HandoutBlock] = []
        let title = MeetingKind.legal.title(lang) + " — " + ws.settings.name
        if ws.contracts.isEmpty {
            blocks.append(.heading(t("Contracts", "合同")))
            blocks.append(.paragraph(t("No contracts.", "尚无合同。")))
        }
        for (n, c) in ws.contracts.enumerated() {
            let vendor = facts.vendorName(c.vendor)
            blocks.append(.heading("\(n + 1). \(c.id) \(c.title) — \(vendor)"))
            blocks.append(
                .paragraph(
                    t("Value incl. approved changes", "金额（含已批准变更）") + colon + facts.contractValue(c).grouped() + " · " + t("Status", "状态")
                        + colon + ReportLabels.status(c.status, lang)))
            let scan = facts.scans[c.id]
            // Open points first: what the person who missed the meeting must act on.
            blocks.append(.subheading(t("Open points to negotiate", "待谈判事项")))
            let open = openPoints(c, scan: scan)
            blocks.append(open.isEmpty ? .paragraph(t("None.", "无。")) : .list(open))
            blocks.append(.subheading(t("Clauses", "条款")))
            // Reviewed clauses in a table; the others in two lines (found in the text / not found), so
            // the 22 kinds fit on a page.
            var rows: [[String]] = []
            var found: [String] = []
            var absent: [String] = []
            for k in ClauseKind.allCases {
                let name = ReportLabels.clause(k, lang)
                if let r = ws.reviews.last(where: { $0.contract == c.id && $0.clause == k }) {
                    rows.append([
                        name, ReportLabels.reviewStatus(r.status, lang), (r.line ?? scan?.finding(k).line).map(String.init) ?? "–", r.note,
                    ])
                } else if let f = scan?.finding(k), f.present {
                    found.append(name + (f.line.map { t(" (line \($0))", "（第 \($0) 行）") } ?? ""))
                } else {
                    absent.append(name)
                }
            }
            if !rows.isEmpty {
                blocks.append(
                    .table(
                        [(t("Clause", "条款"), false), (t("Status", "结论"), false), (t("Line", "行号"), true), (t("Note", "备注"), false)], rows))
            }
            if !found.isEmpty {
                blocks.append(
                    .paragraph(t("Found in the text, not reviewed yet: ", "文本中已找到、尚未审查：") + found.joined(separator: t(", ", "、"))))
            }
            if !absent.isEmpty {
                blocks.append(
                    .paragraph(
                        (scan == nil ? t("Not reviewed: ", "尚未审查：") : t("Not found in the text, not reviewed: ", "文本中未找到、尚未审查："))
                            + absent.joined(separator: t(", ", "、"))))
            }
            blocks.append(.subheading(t("Red flags", "风险点")))
            if let scan {
                blocks.append(
                    scan.redFlags.isEmpty
                        ? .paragraph(t("No red flags found in the text.", "文本中未发现风险点。"))
                        : .list(scan.redFlags.map { redFlagLine($0) + position($0) }))
            } else {
                blocks.append(.paragraph(t("The contract text is not in the workspace.", "工作区中没有合同文本。")))
            }
            blocks.append(.subheading(t("Key terms and dates", "关键条款与日期")))
            var kv: [[String]] = []
            if let k = scan?.keyTerms {
                if let v = k.termMonths { kv.append([t("Term", "期限"), t("\(v) months", "\(v) 个月")]) }
                if let v = k.renewalMonths { kv.append([t("Renewal", "续约"), t("\(v) months", "\(v) 个月")]) }
                if let v = k.noticeDays { kv.append([t("Notice", "通知期"), t("\(v) days", "\(v) 天")]) }
                if let v = k.paymentDueText(chinese: lang == .zh) { kv.append([t("Payment due", "付款期限"), v]) }
                if let v = k.liabilityCapQuote(width: 200) { kv.append([t("Liability cap", "责任上限"), v]) }
                if let v = k.governingLaw { kv.append([t("Governing law", "适用法律"), v]) }
                if let v = k.disputeForum { kv.append([t("Dispute forum", "争议解决"), v]) }
            }
            for d in facts.keyDates where d.contract == c.id { kv.append([d.day.description, d.label(lang)]) }
            blocks.append(kv.isEmpty ? .paragraph("–") : .table([(t("Term / date", "条款 / 日期"), false), (t("Value", "内容"), false)], kv))
            let changes = ws.changes.filter { $0.contract == c.id }
            if !changes.isEmpty {
                blocks.append(.subheading(t("Change orders", "变更单")))
                blocks.append(
                    .table(
                        [
                            (t("Change", "变更"), false), (t("Date", "日期"), false), (t("Description", "内容"), false),
                            (t("Delta", "金额变化"), true), (t("Status", "状态"), false),
                        ],
                        changes.map {
                            [
                                $0.id, $0.date?.description ?? "–", $0.description, $0.priceDelta.grouped(),
                                ReportLabels.status($0.status, lang),
                            ]
                        }))
            }
        }
        return doc(title: title, blocks: blocks)
    }

    /// A red flag in the handout's language: its name, clause, line and the contract's own words
    /// (a flag for something missing has no line and no quote).
    func redFlagLine(_ f: RedFlag) -> String {
        var s = "⚑ " + ReportLabels.redFlag(f.kind, lang)
        if let k = f.clause { s += " · " + ReportLabels.clause(k, lang) }
        if let line = f.line {
            s += t(" (line \(line))", "（第 \(line) 行）")
            if !f.text.isEmpty { s += colon + f.text }
        } else {
            s += t(" (not in the text)", "（文本中没有）")
        }
        return s
    }

    /// The buyer's position on a flag, from the workspace's playbook (its defaults where it is silent).
    func position(_ f: RedFlag) -> String {
        let entry = Playbook(ws.playbook).entry(f.kind)
        let text = lang == .zh ? entry.positionZH : entry.positionEN
        return text.isEmpty ? "" : t(" — position: ", " —— 我方立场：") + text
    }

    /// Clauses under negotiation or missing (with the reviewer's note), then one line naming the red
    /// flags whose clause the reviewer has not settled: each flag is printed in full (line, the
    /// contract's words, our position) once, under "Red flags", so a long contract's minutes do not
    /// list every flag twice.
    func openPoints(_ c: Contract, scan: ContractScan?) -> [String] {
        var out: [String] = []
        let reviews = ws.reviews.filter { $0.contract == c.id }
        for r in reviews where r.status == .negotiate || r.status == .missing {
            out.append(
                ReportLabels.reviewStatus(r.status, lang) + " · " + ReportLabels.clause(r.clause, lang)
                    + (r.line.map { t(" (line \($0))", "（第 \($0) 行）") } ?? "") + (r.note.isEmpty ? "" : colon + r.note))
        }
        let settled = Set(reviews.filter { $0.status == .ok || $0.status == .na }.map(\.clause))
        let listed = Set(reviews.filter { $0.status == .negotiate || $0.status == .missing }.map(\.clause))
        let open = (scan?.redFlags ?? []).filter { f in
            guard let k = f.clause ?? f.kind.clause else { return true }
            return !settled.contains(k) && !listed.contains(k)
        }
        if !open.isEmpty {
            out.append(
                t(
                    "⚑ \(open.count) red flag\(open.count == 1 ? "" : "s") still open (the contract's words and our position under Red flags): ",
                    "⚑ 尚待处理的风险点 \(open.count) 项（原文与我方立场见“风险点”）：") + open.map(redFlagName).joined(separator: t("; ", "、")))
        }
        return out
    }

    /// A red flag in a few words: its name, clause and line, without the quote.
    func redFlagName(_ f: RedFlag) -> String {
        var s = ReportLabels.redFlag(f.kind, lang)
        if let k = f.clause { s += " · " + ReportLabels.clause(k, lang) }
        if let line = f.line { s += t(" (line \(line))", "（第 \(line) 行）") }
        return s
    }
}
