#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The names a contract gives its parties in the opening (`Northwind Systems Ltd. ("Northwind")`,
/// `苏州云帆软件有限公司（以下简称“云帆”）`), read as the role each party plays, so that the rules, which
/// speak of the vendor and the buyer (`vendor`, `乙方`, `customer`, `甲方`), read a contract that calls
/// the vendor "Northwind" throughout as they read one that calls it "the Vendor". Without it, such a
/// contract lost most of its vendor-side red flags (the lawyer's pass: three of eleven found).
///
/// Only the matching text changes: each name is replaced by its role word in the lower-cased bytes
/// the rules read, never in the evidence quoted, which stays the contract's own words.
struct PartyNames: Sendable, Equatable {
    /// A party's name (lower-cased bytes) and the role word read in its place.
    struct Name: Sendable, Equatable {
        var name: [UInt8]
        var role: [UInt8]
    }
    var names: [Name] = []

    enum Role { case vendor, buyer }

    static let vendorWords = [
        "乙方", "供方", "卖方", "供应商", "中标供应商", "中标人", "服务商", "服务方", "提供方", "承接方", "承包方", "承包人", "受托方", "受托人",
        "开发方", "出卖人", "许可方", "vendor", "supplier", "provider", "licensor", "contractor", "seller", "consultant", "developer",
    ]
    static let buyerWords = [
        "甲方", "需方", "买方", "采购方", "采购人", "委托方", "委托人", "发包方", "发包人", "买受人", "被许可方", "客户", "customer", "client",
        "licensee", "buyer", "purchaser",
    ]
    /// Terms contracts define in brackets that are never a party.
    static let definedTerms: Set<String> = [
        "agreement", "contract", "services", "service", "software", "effective date", "order form", "fees", "documentation",
        "deliverables", "confidential information", "platform", "system", "product", "products", "sow", "statement of work",
        "parties", "party", "affiliate", "affiliates", "本合同", "合同", "协议", "本协议", "服务", "系统", "项目", "软件", "产品", "平台",
        "双方", "一方",
    ]

    /// Signs that a bracketed name stands for an organisation (a party), not a defined term ("Services").
    static let companyWords = [
        "有限公司", "公司", "集团", "研究院", "中心", "ltd", "limited", "inc", "llc", "corp", "company", "gmbh", "plc", "co.", "s.a.",
        "b.v.", "pte", "ag",
    ]

    /// The parties' names found in the first 40 lines, with their roles. A name whose role the opening
    /// does not give takes the role left when the other party's is known (`ACME ("Customer")` and
    /// `Northwind Ltd. ("Northwind")`: Northwind is the vendor); a name that is itself a role word
    /// changes nothing.
    static func find(_ rawLines: [String]) -> PartyNames {
        var found: [(name: String, role: Role?)] = []
        var rolesDefined: Set<String> = []  // "vendor", "buyer": defined by a role word in brackets
        // Markdown emphasis is no part of a label (a lawyer's pass: `**乙方（服务商）**：…（以下简称"慧算云"）`
        // left 慧算云 without a role, and five of its flags unraised).
        let lines = rawLines.prefix(40).map {
            ContractText.lowerASCII(
                ContractText.normalize($0).replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: ""))
        }
        for (n, line) in lines.enumerated() {
            for (name, bracket, before) in quotedNames(line) {
                if let r = role(ofWord: name) {
                    rolesDefined.insert(r == .vendor ? "vendor" : "buyer")
                    continue
                }
                let chars = name.count
                guard chars >= 2, chars <= 30, !found.contains(where: { $0.name == name }) else { continue }
                // A party: its name stands in the words before the bracket (`Northwind Systems Ltd.
                // ("Northwind")`), or an organisation is named there and the quote is no term the
                // contract defines (`("Agreement")`, `（以下简称“本合同”）`).
                // The line before counts too: a party's description may wrap onto the bracket's line.
                let previous = n > 0 ? lines[n - 1] : ""
                let context = previous + " " + before
                guard !definedTerms.contains(name),
                    context.contains(name) || containsAny(context, companyWords) && !containsAny(name, ["合同", "协议", "服务"])
                else { continue }
                // The bracket's own role word first (`("Northwind" or "Supplier")`), then the nearest
                // role word before it on its line (`服务提供方：…有限公司（以下简称“云帆”）`), then a short
                // label line above (`Supplier:`). Not what follows: that is the other party's.
                var r = role(in: bracket, nearestEnd: false)
                // Only this party's own words: after the bracket that closed the party before it
                // (`Between Tidewater ("Customer") and Kestrel Ltd ("Kestrel")`).
                // A label's own bracket (`乙方(供应商):…`) closes no party: the label is this party's.
                let own =
                    before.lastIndex(of: ")").flatMap { close in
                        before[before.index(after: close)...].first == ":" ? nil : String(before[before.index(after: close)...])
                    } ?? before
                if r == nil { r = role(in: own, nearestEnd: true) }
                // A label alone on its line (`Supplier:`), not the other party's line (`甲方：华南…有限公司`).
                if r == nil, previous.count <= 30, previous.trimmed.hasSuffix(":") || role(ofWord: previous) != nil {
                    r = role(in: previous, nearestEnd: true)
                }
                found.append((name, r))
            }
        }
        // A party labelled by its role without a short name (`甲方：华南远通物流股份有限公司`) is known too.
        for line in lines {
            if let word = labelRole(line) { rolesDefined.insert(word == .vendor ? "vendor" : "buyer") }
        }
        // One role known, the other party's not: it takes the other one.
        if found.contains(where: { $0.role == nil }) {
            let vendors = found.contains { $0.role == .vendor } || rolesDefined.contains("vendor")
            let buyers = found.contains { $0.role == .buyer } || rolesDefined.contains("buyer")
            if vendors != buyers {
                for i in found.indices where found[i].role == nil { found[i].role = vendors ? .buyer : .vendor }
            }
        }
        // A party labelled by another role word than 甲方/乙方 (`采购人（甲方）：…`, `供应商：…`): the
        // rules, which speak of 甲方 and 乙方, read that word as its role (三 of a government contract's
        // buyer-side flags were lost).
        for line in lines {
            guard let word = labelRoleWord(line), !found.contains(where: { $0.name == word.word }) else { continue }
            found.append((word.word, word.role))
        }
        var out = PartyNames()
        for (name, role) in found {
            guard let role else { continue }
            let ascii = name.utf8.allSatisfy { $0 < 0x80 }
            let word = role == .vendor ? (ascii ? "vendor" : "乙方") : (ascii ? "customer" : "甲方")
            out.names.append(Name(name: Array(name.utf8), role: Array(word.utf8)))
        }
        // Longer names first: "northwind systems" before "northwind".
        out.names.sort { $0.name.count > $1.name.count }
        return out
    }

    /// The Chinese role words a party's label may use instead of 甲方/乙方 (`采购人：`, `供应商（乙方）：`):
    /// the role words above, longest first, but 客户 (a generic word: `乙方的其他客户` is no party).
    static let labelWords: [(words: [String], role: Role)] = [(buyerWords, .buyer), (vendorWords, .vendor)].map { words, role in
        (words.filter { !$0.utf8.allSatisfy { $0 < 0x80 } && !["甲方", "乙方", "客户"].contains($0) }.sorted { $0.count > $1.count }, role)
    }

    /// Whether a (normalised) line opens as the label `word`: the word, a bracket that explains it
    /// (`采购人(甲方):`, `乙方(供应商):`), then the colon.
    static func opensLabel(_ line: String, _ word: String) -> Bool {
        guard line.hasPrefix(word) else { return false }
        var rest = line.dropFirst(word.count).drop { $0 == " " }
        if rest.first == "(", let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...].drop { $0 == " " } }
        return rest.first == ":"
    }

    /// The role a party's label line gives (`甲方:…`, `乙方(供应商):…`, `Customer: …`, `采购人:…`).
    static func labelRole(_ line: String) -> Role? {
        if let word = labelRoleWord(line) { return word.role }
        if ["甲方", "customer", "client", "buyer", "licensee"].contains(where: { opensLabel(line, $0) }) { return .buyer }
        if ["乙方", "vendor", "supplier", "provider", "licensor"].contains(where: { opensLabel(line, $0) }) { return .vendor }
        return nil
    }

    /// The role word a label line opens with (normalised: `采购人(甲方):…`, `供应商:…`), and its role.
    static func labelRoleWord(_ line: String) -> (word: String, role: Role)? {
        for (words, role) in labelWords {
            if let w = words.first(where: { opensLabel(line, $0) }) { return (w, role) }
        }
        return nil
    }

    /// The quoted names of a line that define a party: `("X")`, `(the "X")`, `("X" or "Y")`,
    /// `(以下简称"X")`, `(下称"X")`, `hereinafter "X"`, `hereinafter referred to as "X"`; with the
    /// bracket's text and the line's text before it.
    static func quotedNames(_ line: String) -> [(name: String, bracket: String, before: String)] {
        var out: [(String, String, String)] = []
        let c = Array(line)
        var i = 0
        while i < c.count {
            guard c[i] == "(" || (c[i] == "h" && String(c[i...].prefix(11)) == "hereinafter") else {
                i += 1
                continue
            }
            let open = i
            let close = c[i] == "(" ? (c[(i + 1)...].firstIndex(of: ")") ?? c.count) : min(c.count, i + 60)
            let inside = String(c[(open + 1)..<close])
            // The definition words that may lead the quote.
            let lead = inside.trimmed
            let leads = ["\"", "the \"", "以下简称", "下称", "简称", "hereinafter", "ereinafter", "together with"]
            guard leads.contains(where: { lead.hasPrefix($0) }) else {
                i = close
                continue
            }
            var q = inside.startIndex
            while let a = inside[q...].firstIndex(of: "\""), let b = inside[inside.index(after: a)...].firstIndex(of: "\"") {
                let name = String(inside[inside.index(after: a)..<b]).trimmed
                if !name.isEmpty {
                    out.append((name, inside, String(c[..<open])))
                }
                q = inside.index(after: b)
            }
            // `以下简称云帆` without quotes: the word up to the bracket's end.
            if !inside.contains("\""), let r = ContractText.range(of: "简称", in: inside) {
                let name = String(inside[r.upperBound...]).trimmed.trimmingCharacters(in: [":", "：", " "])
                if !name.isEmpty && !name.contains(" ") {
                    out.append((name, inside, String(c[..<open])))
                }
            }
            i = max(close, open + 1)
        }
        return out
    }

    static func role(ofWord w: String) -> Role? {
        let t = w.trimmed.trimmingCharacters(in: ["\"", " "])
        let bare = t.hasPrefix("the ") ? String(t.dropFirst(4)) : t
        if vendorWords.contains(bare) || bare == "service provider" { return .vendor }
        if buyerWords.contains(bare) { return .buyer }
        return nil
    }

    /// The role whose word stands nearest the end (or the start) of `text`.
    static func role(in text: String, nearestEnd: Bool) -> Role? {
        var best: (at: String.Index, role: Role)?
        for (words, r) in [(vendorWords, Role.vendor), (buyerWords, .buyer)] {
            for w in words {
                guard let range = ContractText.range(of: w, in: text, last: nearestEnd) else { continue }
                // An English role word stands alone (`supplier`, not `suppliers'` inside a name).
                if w.utf8.allSatisfy({ $0 < 0x80 }) {
                    let beforeOK = range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter
                    let afterOK = range.upperBound == text.endIndex || !text[range.upperBound].isLetter
                    guard beforeOK && afterOK else { continue }
                }
                // 被许可方 holds 许可方: the longer (buyer) word wins where both start.
                if w == "许可方", text[..<range.lowerBound].hasSuffix("被") { continue }
                if let b = best, nearestEnd ? b.at >= range.lowerBound : b.at <= range.lowerBound { continue }
                best = (range.lowerBound, r)
            }
        }
        return best?.role
    }

    static func containsAny(_ text: String, _ words: [String]) -> Bool { words.contains { text.contains($0) } }

    /// `lower` with every party name replaced by its role word (an ASCII name only as a whole word).
    /// Each name is found by `memchr` and `memcmp` (asked of every sentence of a text, most hold none).
    func apply(_ lower: [UInt8]) -> [UInt8] {
        guard !names.isEmpty else { return lower }
        var bytes = lower
        for n in names where !n.name.isEmpty && bytes.count >= n.name.count {
            let ascii = n.name.allSatisfy { $0 < 0x80 }
            func isWordByte(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
            // The starts of the name's occurrences that count (as a whole word for an ASCII name).
            let starts: [Int] = bytes.withUnsafeBufferPointer { hay in
                n.name.withUnsafeBufferPointer { needle in
                    var found: [Int] = []
                    var from = 0
                    let base = hay.baseAddress!
                    // The name's first byte by `memchr`, the rest compared with `memcmp`.
                    while from + needle.count <= hay.count,
                        let hit = memchr(base + from, Int32(needle[0]), hay.count - needle.count + 1 - from)
                    {
                        let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        let end = i + needle.count
                        guard memcmp(base + i, needle.baseAddress!, needle.count) == 0 else {
                            from = i + 1
                            continue
                        }
                        if !ascii || ((i == 0 || !isWordByte(hay[i - 1])) && (end == hay.count || !isWordByte(hay[end]))) {
                            found.append(i)
                            from = end
                        } else {
                            from = i + 1
                        }
                    }
                    return found
                }
            }
            guard !starts.isEmpty else { continue }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + starts.count * max(0, n.role.count - n.name.count))
            var at = 0
            for i in starts {
                out.append(contentsOf: bytes[at..<i])
                out.append(contentsOf: n.role)
                at = i + n.name.count
            }
            out.append(contentsOf: bytes[at...])
            bytes = out
        }
        return bytes
    }
}
