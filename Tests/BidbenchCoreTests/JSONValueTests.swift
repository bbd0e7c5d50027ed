import Testing

@testable import BidbenchCore

/// The one JSON writer: escaping, key order, exact money and numbers, and the layouts the verbs use.
@Suite struct JSONValueTests {
    @Test func quotesEscapeWhatJSONAndJavaScriptNeed() {
        #expect(JSONValue.quote(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
        #expect(JSONValue.quote("a\nb\rc\td") == #""a\nb\rc\td""#)
        // Other C0 controls and DEL as \u00XX; U+2028/U+2029 too (they end a line in JavaScript).
        #expect(JSONValue.quote("\u{0}\u{1B}[2J\u{7F}") == #""\u0000\u001b[2J\u007f""#)
        #expect(JSONValue.quote("x\u{2028}y\u{2029}") == #""x\u2028y\u2029""#)
        // Chinese and characters beyond the BMP stay as UTF-8, whole (no surrogate halves).
        #expect(JSONValue.quote("华东精密 ¥") == "\"华东精密 ¥\"")
        let emoji = JSONValue.quote("ok 👍🏽 𠀋")
        #expect(emoji == "\"ok 👍🏽 𠀋\"")
        #expect(Array(emoji.utf8).count == 2 + 3 + 8 + 1 + 4)
    }

    /// The byte-wise writer against the definition, character by character, on strings that put
    /// every escaped character next to ASCII, Chinese, U+2027/U+202A (E2 80 A7/AA, one byte off
    /// U+2028/U+2029) and characters beyond the BMP, at the start, in the middle and at the end.
    @Test func quoteAgreesWithTheDefinitionOnMixedText() {
        func reference(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u.value {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0..<0x20, 0x7F, 0x2028, 0x2029:
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }
        let parts = [
            "a", "合同", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "𠀋", "€",
            " ",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let s = (0..<Int.random(in: 0...12, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined()
            #expect(JSONValue.quote(s) == reference(s), "\(Array(s.unicodeScalars))")
        }
    }

    @Test func objectKeysKeepTheirOrder() {
        let v = JSONValue.object([("z", .int(1)), ("a", .int(2)), ("m", .object([("b", .null), ("a", .bool(true))]))])
        #expect(v.compact == #"{"z":1,"a":2,"m":{"b":null,"a":true}}"#)
        #expect(v["a"] == .int(2))
        #expect(v["missing"] == nil)
    }

    @Test func moneyIsWrittenFromItsMinorUnits() {
        // 2^53 + 1 fen cannot be held by a Double; the text is still exact.
        let big = Money(minor: 9_007_199_254_740_993)
        #expect(JSONValue.money(big).compact == "90071992547409.93")
        #expect(JSONValue.money(Money(minor: -5)).compact == "-0.05")
        #expect(JSONValue.money(Money(minor: 128_600_000)).compact == "1286000.00")
        #expect(JSONValue.money(.zero).compact == "0.00")
    }

    @Test func numbersAreExactAndAlwaysValidJSON() {
        #expect(JSONValue.double(0.1).compact == "0.1")
        #expect(JSONValue.double(1).compact == "1")
        #expect(JSONValue.double(-2.5).compact == "-2.5")
        #expect(JSONValue.double(1e-5).compact == "0.00001")
        #expect(JSONValue.double(1e20).compact == "100000000000000000000")
        #expect(JSONValue.double(82.90591397849461).compact == "82.90591397849461")
        // Regression: NaN and infinity were written as `NaN` / `Infinity`, which no JSON reader accepts.
        #expect(JSONValue.array([.double(.nan), .double(.infinity), .double(-.infinity)]).compact == "[null,null,null]")
        #expect(JSONValue.int(Int64.min).compact == "-9223372036854775808")
        // Decimal text is written as it is when it is a JSON number, else as a string (nothing lost).
        #expect(JSONValue.array([.decimal("0.0005"), .decimal("-12"), .decimal("1e3")]).compact == "[0.0005,-12,1e3]")
        #expect(
            JSONValue.array([.decimal("1/3"), .decimal("01"), .decimal("1."), .decimal(""), .decimal("–")]).compact
                == #"["1/3","01","1.","","–"]"#)
    }

    @Test func layouts() {
        let v = JSONValue.object([
            ("name", .string("华东")), ("years", .array([.int(1), .int(2)])),
            ("rows", .array([.object([("a", .int(1)), ("b", .string("x"))]), .object([("a", .int(2)), ("b", .null)])])),
            ("empty", .array([])), ("none", .object([])),
        ])
        #expect(v.compact == #"{"name":"华东","years":[1,2],"rows":[{"a":1,"b":"x"},{"a":2,"b":null}],"empty":[],"none":{}}"#)
        #expect(
            v.pretty == """
                {
                  "name": "华东",
                  "years": [
                    1,
                    2
                  ],
                  "rows": [
                    {
                      "a": 1,
                      "b": "x"
                    },
                    {
                      "a": 2,
                      "b": null
                    }
                  ],
                  "empty": [],
                  "none": {}
                }
                """)
        // One record a line; a list of plain values stays on one line.
        #expect(
            v.text(.lines(2)) == """
                {
                  "name": "华东",
                  "years": [1, 2],
                  "rows": [
                    {"a": 1, "b": "x"},
                    {"a": 2, "b": null}
                  ],
                  "empty": [],
                  "none": {}
                }
                """)
        #expect(
            JSONValue.array([.object([("a", .int(1)), ("b", .int(2))])]).text(JSONLayout(brokenDepth: 1, spaced: false)) == """
                [
                  {"a":1,"b":2}
                ]
                """)
    }

    @Test func isNumberFollowsTheJSONGrammar() {
        for s in ["0", "-0", "12", "0.5", "-12.75", "1e3", "1E-3", "2.5e+10"] { #expect(JSONValue.isNumber(s), "\(s)") }
        for s in ["", "-", "01", ".5", "5.", "1e", "+1", "1,000", "NaN", "0x10", " 1"] { #expect(!JSONValue.isNumber(s), "\(s)") }
    }
}
