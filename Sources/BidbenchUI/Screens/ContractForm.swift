import BidbenchCore

/// A contract's terms (screen 4: `e`): title, vendor, status, the signing and effective dates, term,
/// renewal, notice, value and warranty. Recording the signing here is what puts a contract on the
/// Delivery screen (signed or active) and gives the key dates (`bidbench dates`) their start.
///
/// Checks: a signed or active contract needs its signing date (refused: without it there is no
/// start for the delivery meetings and the dates); numbers are whole and ≥ 0, the value an exact
/// amount. An effective date before the signing is saved with a warning, not refused: a contract
/// may take effect retroactively (a renewal signed late, 自…起生效 backdated), and refusing it would
/// force a wrong date into the file.
enum ContractForm {
    /// The statuses of `contracts.csv` (the Store's `contractStatuses`), in their usual order.
    static let statuses = ["draft", "review", "signed", "active", "expired", "terminated"]

    static func statusLabel(_ status: String, _ L: Lang) -> String { ReportLabels.status(status, L.labels) }

    static func form(_ s: AppState, index: Int) -> Form {
        let L = s.lang
        let k = s.workspace.contracts[index]
        let vendors = s.workspace.vendors
        // A vendor the file names that is not in vendors.csv stays a choice (shown as it is, never dropped).
        let vendorIDs = FormField.choices(vendors.map(\.id), keeping: k.vendor)
        let vendorLabels = vendorIDs.map { id in vendors.first { $0.id == id }.map { "\($0.name) (\(id))" } ?? id }
        let status = FormField.choices(statuses, keeping: k.status)
        return Form(
            target: .contract(id: k.id),
            title: L.t("Terms of contract \(k.id)", "合同 \(k.id) 条款"),
            fields: [
                FormField(key: "title", label: L.t("Title", "标题"), text: k.title),
                FormField(
                    key: "vendor", label: L.t("Vendor", "供应商"), choices: vendorIDs, labels: vendorLabels, selected: k.vendor,
                    aliases: vendorIDs.map { id in [id] + (vendors.first { $0.id == id }.map { [$0.name] } ?? []) }),
                FormField(
                    key: "status", label: L.t("Status", "状态"), choices: status, labels: status.map { statusLabel($0, L) },
                    selected: k.status, aliases: status.map { [statusLabel($0, .zh), statusLabel($0, .en)] }),
                FormField(
                    key: "signed", label: L.t("Signed (YYYY-MM-DD)", "签署日期 (YYYY-MM-DD)"), text: k.signed?.description ?? "", kind: .date),
                FormField(key: "effective", label: L.t("Effective from", "生效日期"), text: k.effective?.description ?? "", kind: .date),
                FormField(key: "term_months", label: L.t("Term (months)", "期限 (月)"), text: String(k.termMonths), kind: .number),
                FormField(
                    key: "auto_renew", label: L.t("Auto-renews", "自动续约"), choices: ["false", "true"],
                    labels: [L.t("no", "否"), L.t("yes", "是")],
                    selected: k.autoRenew ? "true" : "false", aliases: [["no", "否", "n"], ["yes", "是", "y"]]),
                FormField(
                    key: "renewal_months", label: L.t("Renewal term (months)", "续约期 (月)"), text: String(k.renewalMonths), kind: .number),
                FormField(key: "notice_days", label: L.t("Notice (days)", "提前通知 (天)"), text: String(k.noticeDays), kind: .number),
                FormField(key: "value", label: L.t("Value", "合同价值"), text: k.value.description, kind: .number),
                FormField(
                    key: "warranty_months", label: L.t("Warranty (months)", "质保期 (月)"), text: String(k.warrantyMonths), kind: .number),
            ], focusOn: "status")
    }

    // Kept as one function: the fields read and checked in form order, each refusal naming its field.
    static func submit(_ s: inout AppState, _ f: Form, id: String) -> FormRefusal? {
        let L = s.lang
        guard let index = s.workspace.contracts.firstIndex(where: { $0.id == id }) else {
            return FormRefusal(L.t("Contract \(id) is no longer in the workspace", "工作区中已没有合同 \(id)"))
        }
        let status = f.value("status")
        var dates: [String: Day?] = [:]
        for key in ["signed", "effective"] {
            switch DeliveryLists.optionalDay(f, key, L) {
            case .failure(let r): return r
            case .success(let d): dates[key] = d
            }
        }
        let signed = dates["signed"] ?? nil
        let effective = dates["effective"] ?? nil
        if ["signed", "active"].contains(status) && signed == nil {
            let label = statusLabel(status, L)
            return FormRefusal(
                L.t(
                    "A contract “\(label)” needs its signing date: enter the Signed date (e.g. 2027-01-05)",
                    "状态为“\(label)”的合同须填写签署日期 (如 2027-01-05)"), field: "signed")
        }
        var counts: [String: Int] = [:]
        for (key, what) in [
            ("term_months", L.t("The term", "期限")), ("renewal_months", L.t("The renewal term", "续约期")),
            ("notice_days", L.t("The notice", "提前通知天数")), ("warranty_months", L.t("The warranty", "质保期")),
        ] {
            let t = f.value(key).trimmed
            guard let n = Int(t), n >= 0 else {
                return FormRefusal(L.t("\(what) must be a whole number ≥ 0, not “\(t)”", "\(what)须为不小于 0 的整数, 而不是 “\(t)”"), field: key)
            }
            counts[key] = n
        }
        let valueText = f.value("value").trimmed
        guard let value = Money(parsing: valueText.isEmpty ? "0" : valueText), value >= .zero else {
            return FormRefusal(
                L.t(
                    "The value must be an amount ≥ 0 with at most 2 decimals (1860000 or 1,860,000.00), not “\(valueText)”",
                    "合同价值须为不小于 0、最多两位小数的金额 (1860000 或 1,860,000.00), 而不是 “\(valueText)”"), field: "value")
        }
        var k = s.workspace.contracts[index]
        k.title = f.value("title").trimmed
        k.vendor = f.value("vendor")
        k.status = status
        k.signed = signed
        k.effective = effective
        k.termMonths = counts["term_months"]!
        k.autoRenew = f.value("auto_renew") == "true"
        k.renewalMonths = counts["renewal_months"]!
        k.noticeDays = counts["notice_days"]!
        k.value = value
        k.warrantyMonths = counts["warranty_months"]!
        let label = statusLabel(status, L)
        var message = L.t("Updated the terms of \(id) (\(label))", "已更新合同 \(id) 的条款 (\(label))")
        if let signed, let effective, effective < signed {
            message += L.t(
                " — note: effective \(effective) is before the signing \(signed) (backdated)",
                " — 注意: 生效日期 \(effective) 早于签署日期 \(signed) (追溯生效)")
        }
        s.change(message) { $0.contracts[index] = k }
        return nil
    }
}
