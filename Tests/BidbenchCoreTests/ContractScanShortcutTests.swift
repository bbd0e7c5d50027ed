import Foundation
import Testing

@testable import BidbenchCore

/// The scanner's shortcuts must answer exactly like the slow operations they stand in for: the
/// byte-pair prefilter like a full pattern search, `Character.mark` like `==` on characters,
/// the scalar switches of `ChineseNumber` like the character switches, the plain-text byte search
/// like `String.contains`.
@Suite("Contract scanner shortcuts")
struct ContractScanShortcutTests {
    /// Every pattern the scanner matches.
    static var allPatterns: [TextPattern] {
        var sets = [
            ClauseRules.definitionHeadings, RedFlagDetector.noReturn, RedFlagDetector.liabilityWords,
            RedFlagDetector.capWords, RedFlagDetector.periodCap, RedFlagDetector.totalCap,
            RedFlagDetector.exclusion, RedFlagDetector.dataLoss, RedFlagDetector.refersBack,
            RedFlagDetector.carveOut, RedFlagDetector.buyer, RedFlagDetector.englishNegators,
        ]
        for rule in ClauseRules.all { sets += [rule.headings, rule.headingVeto, rule.strong, rule.weak, rule.veto] }
        return sets.flatMap(\.patterns) + RedFlagDetector.rules.flatMap { $0.triggers + $0.veto.patterns }
    }

    /// The lines of the fixture and demo contracts, normalised and lower-cased as the scanner does.
    static func contractLines() throws -> [String] {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let root = here.deletingLastPathComponent().deletingLastPathComponent()
        let folders = [
            here.appendingPathComponent("Fixtures/contracts"), root.appendingPathComponent("data/demo/contracts"),
            root.appendingPathComponent("data/demo-en/contracts"),
        ]
        var lines: [String] = []
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
            where name.hasSuffix(".md") || name.hasSuffix(".txt") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                lines += ContractLineParser.splitLines(text).map { ContractText.lowerASCII(ContractText.normalize($0)) }.filter {
                    !$0.isEmpty
                }
            }
        }
        return lines
    }

    @Test("the prefilter never hides a match: every pattern on every contract line finds what a full search finds")
    func prefilterIsExact() throws {
        let patterns = Self.allPatterns
        let lines = try Self.contractLines()
        #expect(patterns.count > 500)
        #expect(lines.count > 500)
        var matched = 0
        var skipped = 0
        var differ: [String] = []
        for line in lines {
            let filtered = Haystack(line)
            let full = Haystack(unfiltered: Array(line.utf8))
            for p in patterns {
                let fast = p.allMatches(in: filtered).map { [$0.range.lowerBound, $0.range.upperBound, $0.firstEnd] }
                let slow = p.allMatches(in: full).map { [$0.range.lowerBound, $0.range.upperBound, $0.firstEnd] }
                if fast != slow { differ.append(line) }
                if !slow.isEmpty { matched += 1 }
                if !p.mayMatch(filtered) { skipped += 1 }
            }
        }
        #expect(differ.isEmpty, "\(differ.prefix(3))")
        // The filter is worth having: it rules out most pattern tries, and the lines do match.
        #expect(matched > 1000)
        #expect(skipped * 10 > lines.count * patterns.count * 9)
    }

    @Test("prefilter: a pattern is ruled out when a part has no literal in the text, a one-byte literal too; in or out of the index")
    func prefilterExamples() {
        // Made here, so outside the index: each literal is looked for.
        let renew = TextPattern.parse("automatic*…renew*")[0]
        #expect(renew.id < 0)
        #expect(renew.mayMatch(Haystack("renews automatically")))  // both literals present, wrong order
        #expect(renew.firstMatch(in: Haystack("renews automatically")) == nil)
        #expect(!renew.mayMatch(Haystack("automatic payment")))
        #expect(renew.firstMatch(in: Haystack("it will automatically renew")) == 8..<27)
        let percent = TextPattern.parse("可用…%")[0]
        #expect(!percent.mayMatch(Haystack("可用率")))
        #expect(percent.mayMatch(Haystack("可用率99.9%")))
        #expect(!TextPattern.parse("ab")[0].mayMatch(Haystack("")))
        // The rule set's own pattern: ruled out by the bits the automaton set.
        let rule = RedFlagDetector.rules.first { $0.kind == .auto_renewal }!
        let indexed = rule.triggers[0]
        #expect(indexed.id >= 0)
        #expect(indexed.mayMatch(Haystack("renews automatically")))
        #expect(!indexed.mayMatch(Haystack("automatic payment")))
        #expect(rule.triggerSet.mayMatch(Haystack("this agreement renews automatically")))
        #expect(!rule.triggerSet.mayMatch(Haystack("the fees are fixed")))
        #expect(RedFlagDetector.fires(rule, Haystack("this agreement will renew automatically for one year")))
    }

    @Test("Character.mark answers like == for every punctuation mark and CJK character compared by it, over every scalar")
    func markIsCharacterEquality() {
        let marks = ".。！？!? \t;；:：、-–—)]•·*>|#，,(第"
        var byCharacter: [Character: Unicode.Scalar] = [:]
        for m in marks.unicodeScalars { byCharacter[Character(m)] = m }
        let markSet = Set(marks.unicodeScalars)
        var differ: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let c = Character(u)
            let expected = byCharacter[c]  // a dictionary of characters finds canonical equivalents
            let actual = c.mark.flatMap { markSet.contains($0) ? $0 : nil }
            if expected != actual { differ.append(v) }
        }
        #expect(differ.isEmpty, "\(differ.prefix(5).map { String($0, radix: 16) })")
        // The two marks with another form, and characters of several scalars.
        #expect(Character("\u{037E}") == ";" && Character("\u{037E}").mark == ";")
        #expect(Character("\u{0387}") == "·" && Character("\u{0387}").mark == "·")
        #expect(Character(";\u{0301}") != ";" && Character(";\u{0301}").mark == nil)
        #expect(Character("\r\n").mark == nil)
    }

    @Test("ChineseNumber digit and unit values equal a lookup by character, over every scalar")
    func chineseNumeralsByScalar() {
        let digits: [Character: Int] = [
            "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "貮": 2, "三": 3, "叁": 3,
            "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
            "九": 9, "玖": 9,
        ]
        let units: [Character: Int] = [
            "十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10_000, "亿": 100_000_000,
        ]
        var differ: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let c = Character(u)
            if ChineseNumber.digitValue(c) != digits[c] || ChineseNumber.unitValue(c) != units[c] { differ.append(v) }
        }
        #expect(differ.isEmpty, "\(differ.prefix(5).map { String($0, radix: 16) })")
        #expect(ChineseNumber.digitValue("\u{F9D1}") == 6)  // a compatibility ideograph equal to 六
        #expect(ChineseNumber.parse("二〇二七") == 2027)
    }

    @Test("plain text: every plain scalar is a character of its own and equals no other; contains agrees with String.contains")
    func plainTextSearch() {
        var plain: [Unicode.Scalar] = []
        for v in UInt32(0)...0xFFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let s = String(u)
            if s.utf8.withContiguousStorageIfAvailable(ContractText.isPlain) == true { plain.append(u) }
        }
        #expect(plain.count > 27_000)
        // No two plain scalars are canonically equivalent, and none joins its neighbours.
        #expect(Set(plain.map(Character.init)).count == plain.count)
        let joins = plain.filter { u in "a\(u)b".count != 3 || "\(u)\(u)".count != 2 || "。\(u)".count != 2 }
        #expect(joins.isEmpty, "\(joins.prefix(5))")
        #expect(!plain.contains("\r") && !plain.contains("\u{0301}") && !plain.contains("\u{F9D1}") && !plain.contains("\u{302A}"))

        let hay = "乙方应在收到发票后30日内付款; late fees apply."
        for word in ["发票", "30日", "late fee", "fees apply.", "x", "付款;", "Late"] {
            #expect(ContractText.contains(hay, word) == hay.contains(word), "\(word)")
        }
        // Not plain: the search falls back to String.contains, which finds canonical equivalents.
        let compat = "第\u{F9D1}条"  // 六 written as a compatibility ideograph
        #expect(ContractText.contains(compat, "六") == compat.contains("六"))
        #expect(ContractText.contains("cafe\u{0301}", "cafe") == "cafe\u{0301}".contains("cafe"))
        #expect(!ContractText.containsAny("abc", []))
    }

    @Test("clip cuts plain text by its scalars exactly where cutting by characters does, and other text by characters")
    func clipAgreesWithCharacters() {
        func reference(_ s: String, _ limit: Int) -> String { s.count <= limit ? s : String(s.prefix(limit - 1)) + "…" }
        // Plain pieces (ASCII, CJK, full-width and CJK punctuation) and pieces that are not (CR LF,
        // a combining accent, an emoji with a skin tone, a flag, a compatibility ideograph).
        let pieces = ["a", "Z", " ", "9", "付", "款", "，", "。", "（", "“", "\r\n", "e\u{0301}", "👍🏽", "🇨🇳", "\u{F9D1}", "—"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let plainOnly = Bool.random(using: &generator)
            let count = Int.random(in: 0...140, using: &generator)
            let text = (0..<count).map { _ in pieces[Int.random(in: 0..<(plainOnly ? 10 : pieces.count), using: &generator)] }.joined()
            for limit in [1, 2, 50, 100, 101] {
                #expect(ContractText.clip(text, limit) == reference(text, limit), "\(text.debugDescription) \(limit)")
                // Told that the text is plain (as the scanner is, of a plain paragraph): the same cut.
                if plainOnly { #expect(ContractText.clip(text, limit, plain: true) == reference(text, limit)) }
            }
        }
        #expect(ContractText.clip(String(repeating: "付", count: 101), 100) == String(repeating: "付", count: 99) + "…")
        #expect(ContractText.clip(String(repeating: "付", count: 100), 100) == String(repeating: "付", count: 100))
    }

    @Test("a plain scalar answers every TextUnit question like the Character it is, so the readers may run on scalars")
    func scalarAnswersLikeCharacter() {
        var differ: [UInt32] = []
        for v in UInt32(0)...0xFFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            guard String(u).utf8.withContiguousStorageIfAvailable(ContractText.isPlain) == true else { continue }
            let c = Character(u)
            let same =
                u.mark == c.mark && u.leadScalar == c.leadScalar && u.isASCII == c.isASCII && u.asciiValue == c.asciiValue
                && u.isNumber == c.isNumber && u.isLetter == c.isLetter && u.isUppercase == c.isUppercase
                && u.isLowercase == c.isLowercase && u.asciiDigit == c.asciiDigit && u.isIn("条章节款 ,") == c.isIn("条章节款 ,")
                && ChineseNumber.isNumeral(unit: u) == ChineseNumber.isNumeral(c)
            if !same { differ.append(v) }
        }
        #expect(differ.isEmpty, "\(differ.prefix(5).map { String($0, radix: 16) })")
        let text: [Unicode.Scalar] = ["第", "3", "条", "a", "é"]
        #expect(Unicode.Scalar.string(text[1...]) == "3条aé")
        #expect(CharacterArray("第3条 (a)").string(-2..<3) == "第3条")
        #expect(CharacterArray("cafe\u{0301} x").string(3..<9) == "e\u{0301} x")
    }

    @Test("ContractText.range finds what Foundation's range(of:) finds, first and last, within bounds, on every contract line")
    func byteRangeIsFoundationRange() throws {
        let words = ["甲方", "乙方", "简称", "supplier", "customer", "the ", "(\"customer\")", "甲方:", "许可方", "x"]
        var compared = 0
        for line in try Self.contractLines() {
            for w in words {
                #expect(ContractText.range(of: w, in: line) == line.range(of: w), "\(w) in \(line)")
                #expect(ContractText.range(of: w, in: line, last: true) == line.range(of: w, options: .backwards))
                let from = line.index(line.startIndex, offsetBy: line.count / 3)
                #expect(ContractText.range(of: w, in: line, within: from..<line.endIndex) == line.range(of: w, range: from..<line.endIndex))
                compared += 1
            }
        }
        #expect(compared > 5_000)
        let text = "甲方(采购人):上海某某公司 乙方:杭州某某公司 甲方"
        let first = try #require(ContractText.range(of: "甲方", in: text))
        let last = try #require(ContractText.range(of: "甲方", in: text, last: true))
        #expect(text.distance(from: text.startIndex, to: first.lowerBound) == 0)
        #expect(text[last.upperBound...].isEmpty)
        #expect(String(text[..<last.lowerBound]) == "甲方(采购人):上海某某公司 乙方:杭州某某公司 ")
        #expect(ContractText.range(of: "", in: text) == nil)
        #expect(ContractText.range(of: "丙方", in: text) == nil)
    }

    @Test("a clause kind's ordinal is its place in allCases (the scanner's kind bitsets rely on it)")
    func clauseKindOrdinals() {
        #expect(ClauseKind.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
        var kinds: ClauseKinds = [.fees, .force_majeure]
        kinds.insert(.scope)
        #expect(kinds.members == [.scope, .fees, .force_majeure])
        #expect(!kinds.contains(.term) && kinds.union([.term]).contains(.term))
    }

    @Test("kinds and severities compare and hash by case exactly as by their raw strings")
    func kindsCompareByCase() {
        func check<K: RawRepresentable & Hashable & CaseIterable>(_: K.Type) where K.RawValue == String {
            for a in K.allCases {
                for b in K.allCases { #expect((a == b) == (a.rawValue == b.rawValue), "\(a) \(b)") }
                #expect(a.hashValue == K(rawValue: a.rawValue)!.hashValue)
            }
            #expect(Set(K.allCases).count == K.allCases.count)
            #expect(Dictionary(uniqueKeysWithValues: K.allCases.map { ($0, $0.rawValue) }).allSatisfy { $0.key.rawValue == $0.value })
        }
        check(ClauseKind.self)
        check(RedFlagKind.self)
        check(RedFlagSeverity.self)
    }
}
