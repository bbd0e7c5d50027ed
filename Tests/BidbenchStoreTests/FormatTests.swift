import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

@Suite struct FormatTests {
    @Test func csvRoundTripsAwkwardFields() throws {
        let rows = [
            ["id", "text", "note"],
            ["1", "a, b", "say \"hi\""],
            ["2", "line one\nline two", "中文，全角逗号"],
            ["3", "", " padded "],
        ]
        let text = CSV.write(rows)
        #expect(text == "id,text,note\n1,\"a, b\",\"say \"\"hi\"\"\"\n2,\"line one\nline two\",中文，全角逗号\n3,,\" padded \"\n")
        let parsed = try CSV.parse(text)
        #expect(parsed.map(\.fields) == rows)
        #expect(parsed.map(\.line) == [1, 2, 3, 5])
        // A BOM and CRLF line ends (as Excel writes) read the same.
        let excel = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try CSV.parse(excel).map(\.fields) == rows.map { $0.map { $0.replacingOccurrences(of: "\n", with: "\r\n") } })
    }

    @Test func csvSyntaxErrorsNameTheLine() {
        #expect(throws: CSV.ParseError(line: 2, message: "unclosed quote (the field starting here never ends)")) {
            try CSV.parse("a,b\n1,\"open\n2,3\n")
        }
        #expect(throws: CSV.ParseError(line: 3, message: "text after a closing quote")) { try CSV.parse("a,b\n1,2\n\"x\"y,3\n") }
        // A stray quote on line 2 that a later, valid quote on line 4 closes: the line where it opened
        // (a helper's pass: reported at line 4, a correct row).
        #expect(
            throws: CSV.ParseError(
                line: 2,
                message:
                    "the quoted field that opens on this line runs on to line 4, where text follows its closing quote (a stray quote here? quote the whole field and double the quote)"
            )
        ) { try CSV.parse("a,b\n1,\"broken\n3,4\n5,\"x\" y\n") }
    }

    @Test func numbersAreShortestExact() {
        #expect(NumberText.format(0.35) == "0.35")
        #expect(NumberText.format(5) == "5")
        #expect(NumberText.format(-2.5) == "-2.5")
        #expect(NumberText.format(0.1 + 0.2) == "0.30000000000000004")
        #expect(NumberText.format(1e-5) == "0.00001")
        #expect(NumberText.format(1.25e-7) == "0.000000125")
        #expect(NumberText.format(1e16) == "10000000000000000")
        #expect(NumberText.format(1.5e17) == "150000000000000000")
        #expect(NumberText.format(123456.789) == "123456.789")
        #expect(NumberText.format(-0.0) == "0")
        for v in [0.35, 1e-5, 1.25e-7, 1.5e17, 2.0 / 3, 123456.789] { #expect(Double(NumberText.format(v)) == v) }
        #expect(NumberText.parseDouble(" 0.35 ") == 0.35)
        #expect(NumberText.parseDouble("nan") == nil && NumberText.parseDouble("inf") == nil && NumberText.parseDouble("0x10") == nil)
        #expect(NumberText.parseDouble("") == nil && NumberText.parseDouble("1,5") == nil && NumberText.parseDouble(".") == nil)
        #expect(NumberText.parseRatio("1/3") == 1.0 / 3 && NumberText.parseRatio("5") == 5 && NumberText.parseRatio("1/0") == nil)
        #expect(NumberText.formatRatio(1.0 / 3) == "1/3" && NumberText.formatRatio(1.0 / 9) == "1/9")
        #expect(NumberText.formatRatio(0.4) == "0.4" && NumberText.formatRatio(7) == "7")
    }

    @Test func rowsSortNaturally() {
        let ids = ["R10", "R2", "R1", "R02", "r1", "V-3", "R100", "中"]
        #expect(ids.sorted(by: TextTools.naturalLess) == ["R1", "R02", "R2", "R10", "R100", "V-3", "r1", "中"])
        #expect(TextTools.naturalLess(["V1", "C2"], ["V1", "C10"]))
        #expect(!TextTools.naturalLess(["V2", "C1"], ["V1", "C10"]))
    }

    @Test func utf8ValidationFindsTheFirstBadByte() {
        #expect(TextTools.firstInvalidUTF8(Array("中文 ok".utf8)) == nil)
        #expect(TextTools.firstInvalidUTF8([0x61, 0xD6, 0xD0]) == 1)
        #expect(TextTools.firstInvalidUTF8([0xE4, 0xB8]) == 0)  // truncated sequence
        #expect(TextTools.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)  // UTF-16 surrogate
        #expect(TextTools.firstInvalidUTF8([0xC0, 0xAF]) == 0)  // overlong
        // Read eight ASCII bytes at a time: the first bad byte is found wherever it falls in a word,
        // as where the standard library's validation first fails.
        var g = SplitMix64(seed: 7)
        let pieces: [[UInt8]] = [Array("abcdefgh".utf8), Array("中文".utf8), [0x20], [0xFF], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0x0A]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<g.int(below: 12) { bytes += pieces[g.int(below: pieces.count)] }
            var expected: Int?
            for end in stride(from: bytes.count, through: 0, by: -1) where String(validating: bytes[..<end], as: UTF8.self) != nil {
                expected = end == bytes.count ? nil : end
                break
            }
            // The longest valid prefix ends where the first bad sequence starts.
            #expect(TextTools.firstInvalidUTF8(bytes) == expected, "\(bytes)")
        }
    }

    @Test func conflictMarkersAreSevenLessThanSignsInARow() {
        #expect(TextTools.hasConflictMarker(Array("a\n<<<<<<< HEAD\n".utf8)))
        #expect(!TextTools.hasConflictMarker(Array("<<<<<< six, then <<<<<< six".utf8)))
        #expect(!TextTools.hasConflictMarker([]))
        // Jumping from `<` to `<`: the same answer as counting the run byte by byte, wherever runs
        // start and end.
        var g = SplitMix64(seed: 11)
        let pieces: [[UInt8]] = [[0x3C], [0x3C, 0x3C, 0x3C], Array("<<<<<<".utf8), Array("ab".utf8), [0x0A], Array("中".utf8)]
        var found = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<g.int(below: 10) { bytes += pieces[g.int(below: pieces.count)] }
            var run = 0
            var expected = false
            for b in bytes {
                run = b == 0x3C ? run + 1 : 0
                if run == 7 { expected = true }
            }
            if expected { found += 1 }
            #expect(TextTools.hasConflictMarker(bytes) == expected, "\(bytes)")
        }
        #expect(found > 300 && found < 2_700)
    }

    @Test func jsonTextIsDeterministic() {
        let v = JSONValue.object([("b", .array([.int(1), .double(0.5), .null])), ("a", .string("引号\"\n\u{1}"))])
        #expect(v.compact == #"{"b":[1,0.5,null],"a":"引号\"\n\u0001"}"#)
        #expect(JSONValue.parse(v.compact) == .object([("a", .string("引号\"\n\u{1}")), ("b", .array([.int(1), .double(0.5), .null]))]))
        #expect(JSONValue.parse("{\"x\": true, \"y\": 12345678901234567}")?.compact == #"{"x":true,"y":12345678901234567}"#)
    }
}

@Suite struct RenderTests {
    @Test func renderedTextIsTheCanonicalFile() {
        var w = Workspace()
        w.risks = [
            Risk(id: "X10", type: .compliance, title: "等保, 三级", likelihood: 2, impact: 5),
            Risk(id: "X9", type: .vendor, title: "t", likelihood: 1, impact: 1, threshold: "0.9"),
        ]
        w.reviews = [
            ClauseReview(contract: "K1", clause: .renewal, status: .na),
            ClauseReview(contract: "K1", clause: .scope, status: .ok, line: 3),
        ]
        #expect(
            WorkspaceStore.renderedText(of: "risks.csv", in: w) == """
                id,type,title,likelihood,impact,mitigation,owner,trigger,threshold,status
                X9,vendor,t,1,1,,,,0.9,open
                X10,compliance,"等保, 三级",2,5,,,,,open

                """)
        // Reviews follow the checklist order of clause kinds, not the alphabet.
        #expect(
            WorkspaceStore.renderedText(of: "reviews.csv", in: w) == "contract,clause,status,line,note\nK1,scope,ok,3,\nK1,renewal,n/a,,\n")
        #expect(WorkspaceStore.renderedText(of: "nope.csv", in: w) == nil)
    }
}
