import Testing

@testable import BidbenchCore

@Suite struct TextWidthTests {
    @Test func widthsOfMixedText() {
        #expect(TextWidth.of("ERP") == 3)
        #expect(TextWidth.of("财务部") == 6)
        #expect(TextWidth.of("R01 多币种") == 10)
        #expect(TextWidth.of("，。！") == 6)  // full-width punctuation
        #expect(TextWidth.of("e\u{301}") == 1)  // combining accent takes no cell
        #expect(TextWidth.of("ＡＢ") == 4)  // full-width Latin
    }

    @Test func clipNeverSplitsAWideCharacter() {
        #expect(TextWidth.clip("多币种凭证", to: 5) == "多币…")
        #expect(TextWidth.clip("多币种凭证", to: 5, ellipsis: false) == "多币")
        #expect(TextWidth.of(TextWidth.fit("多币种凭证", 5)) == 5)
        #expect(TextWidth.fit("ab", 4, right: true) == "  ab")
    }

    @Test func controlCharactersAreStripped() {
        #expect(TextWidth.sanitize("Evil\u{1B}[2J\u{1B}]0;pwned\u{07}") == "Evil[2J]0;pwned")
        #expect(TextWidth.sanitize("a\tb\nc") == "a b c")
    }
}
