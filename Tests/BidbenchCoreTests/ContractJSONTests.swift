import Foundation
import Testing

@testable import BidbenchCore

/// `ContractScan.json` writes the red flags straight to bytes; `jsonValue` is the document as a tree
/// of values. The two must be the same text, byte for byte, for any scan and playbook.
@Suite("Contract scan JSON")
struct ContractJSONTests {
    static func expectSame(_ scan: ContractScan, _ playbook: Playbook = .defaults, _ name: String) {
        let direct = scan.json(playbook: playbook)
        let tree = scan.jsonValue(playbook: playbook).utf8(.lines(2)) + [0x0A]
        guard direct != tree else { return }
        let a = String(decoding: direct, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: tree, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record(
            "\(name): line \(at + 1) differs:\n  direct: \(at < a.count ? a[at] : "(none)")\n  tree:   \(at < b.count ? b[at] : "(none)")")
    }

    @Test("every fixture contract: the direct text equals the tree's")
    func fixtures() throws {
        let fixtures = try ContractScanDumpTests.fixtures()
        #expect(fixtures.count >= 30)
        var all = ""
        for (name, path) in fixtures {
            let text = try String(contentsOf: path, encoding: .utf8)
            all += text + "\n"
            Self.expectSame(ContractScanner.scan(text), .defaults, name)
        }
        // All of them as one text: repeated paragraphs share their sentence strings (the quote cache).
        let scan = ContractScanner.scan(all + all)
        #expect(scan.redFlags.count > 100)
        Self.expectSame(scan, .defaults, "all fixtures twice")
    }

    @Test("no flags, a missing clause's null line, escapes, and a playbook's severities and positions")
    func edges() {
        // Nothing at all: every clause is missing, so the only flags are missing clauses (line null, lines []).
        let empty = ContractScanner.scan("")
        #expect(empty.redFlags.allSatisfy { $0.line == nil && $0.clause != nil })
        Self.expectSame(empty, .defaults, "empty text")
        // No flags: the array is written `[]`.
        var none = empty
        none.redFlags = []
        Self.expectSame(none, .defaults, "no flags")
        #expect(String(decoding: none.json(), as: UTF8.self).hasSuffix("\"red_flags\": []\n}\n"))
        // A sentence with quotes, a backslash, a tab and U+2028, twice: both flags quote one shared string.
        let text =
            "Section 1. Fees\nThe Vendor may increase the \"Fees\" at any time\tat its sole discretion \\ without notice\u{2028}to the Customer.\n"
        let scan = ContractScanner.scan(text + text)
        #expect(scan.redFlags.contains { $0.kind == .unilateral_price_change })
        let rows = RedFlagKind.allCases.map {
            PlaybookEntry(
                kind: $0, severity: .low, enabled: $0 != .auto_renewal, positionEN: "Ask for \"\($0.rawValue)\"", positionZH: "要求修改 \\ 条款")
        }
        let playbook = Playbook(rows)
        Self.expectSame(scan.applying(playbook), playbook, "escapes with a playbook")
        Self.expectSame(scan, .defaults, "escapes")
        let json = String(decoding: scan.applying(playbook).json(playbook: playbook), as: UTF8.self)
        #expect(json.contains("\"severity\": \"low\""))
        #expect(json.contains("\\u2028"))
        #expect(json.contains("\"position_zh\": \"要求修改 \\\\ 条款\""))
    }

    @Test("shared strings: made once per string held, each time for short or distinct strings")
    func sharedStrings() {
        var memo = SharedStrings()
        var calls = 0
        func make(_ s: String) -> [UInt8] {
            calls += 1
            return Array(s.utf8) + [0x21]
        }
        let long = String(repeating: "违约金按日计算 ", count: 3)
        let copy = long  // the same storage
        #expect(memo.bytes(long, make) == Array((long + "!").utf8))
        #expect(memo.bytes(copy, make) == Array((long + "!").utf8))
        #expect(calls == 1)
        // Equal text in storage of its own, and a short (inline) string: made again, never mixed up.
        let other = String(long.unicodeScalars.reversed().reversed().map(Character.init))
        #expect(other == long)
        #expect(memo.bytes(other, make) == Array((long + "!").utf8))
        #expect(calls == 2)
        #expect(memo.bytes("short", make) == Array("short!".utf8))
        #expect(memo.bytes("short", make) == Array("short!".utf8))
        #expect(calls == 4)
    }
}
