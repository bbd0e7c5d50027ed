import Testing

@testable import BidbenchCore

@Suite struct TextWidthTests {
    /// A meeting pass: two criteria read `Functionality: man…` at 80 columns.
    @Test func clipsThatWouldReadAlikeKeepTheirEnds() {
        let names = ["Functionality: manufacturing", "Functionality: management", "Price", "Service and support"]
        #expect(TextWidth.distinctClips(names, to: 19) == ["Functi…anufacturing", "Functi…: management", "Price", "Service and support"])
        // Alike at their ends too: from where they part.
        #expect(TextWidth.distinctClips(["功能-生产制造管理模块", "功能-生产计划管理模块", "价格"], to: 10) == ["功…制造管…", "功…计划管…", "价格"])
        #expect(TextWidth.distinctClips(names, to: 40) == names)
    }

    @Test func widthsOfMixedText() {
        #expect(TextWidth.of("ERP") == 3)
        #expect(TextWidth.of("财务部") == 6)
        #expect(TextWidth.of("R01 多币种") == 10)
        #expect(TextWidth.of("，。！") == 6)  // full-width punctuation
        #expect(TextWidth.of("e\u{301}") == 1)  // combining accent takes no cell
        #expect(TextWidth.of("ＡＢ") == 4)  // full-width Latin
    }

    /// Chinese breaks between any two characters, even after a space far back; a Latin word still
    /// goes down whole when a space is near (found in the user pass: `…恢复网络后 5` then `分钟内…`
    /// left a third of the row empty).
    @Test func wrapBreaksChineseWhereTheRowIsFull() {
        #expect(TextWidth.wrap("恢复网络后 5 分钟内自动同步", 20) == ["恢复网络后 5 分钟内", "自动同步"])
        // A space near the end still takes the break (what goes down is at most a quarter of the row).
        #expect(TextWidth.wrap("恢复网络后 5 分钟内自动同步", 16) == ["恢复网络后 5", "分钟内自动同步"])
        #expect(TextWidth.wrap("恢复网络后 5 分钟内自动同步", 13) == ["恢复网络后 5", "分钟内自动同", "步"])
        #expect(TextWidth.wrap("the quick brown fox", 12) == ["the quick", "brown fox"])
        #expect(TextWidth.wrap("排产靠 Excel 导出报表", 12) == ["排产靠 Excel", "导出报表"])
        #expect(TextWidth.wrap("排产计划靠 Excel", 12) == ["排产计划靠", "Excel"])
        // Closing punctuation still never starts a row.
        #expect(TextWidth.wrap("乙方应于三十日内付款，逾期", 12) == ["乙方应于三十", "日内付款，逾", "期"])
        for text in ["恢复网络后 5 分钟内自动同步", "排产靠 Excel 导出报表", "a b c 中文 d e"] {
            for width in 2...20 {
                let rows = TextWidth.wrap(text, width)
                #expect(rows.allSatisfy { TextWidth.of($0) <= width || $0.count == 1 }, "\(text) at \(width)")
                #expect(rows.allSatisfy { !$0.hasSuffix(" ") || $0 == " " }, "\(text) at \(width): \(rows)")
                // Nothing is lost but the spaces a break replaced.
                #expect(rows.joined().filter { $0 != " " } == text.filter { $0 != " " }, "\(text) at \(width)")
            }
        }
    }

    /// A run of ASCII without spaces (a word, a file name) goes down whole where the text before it
    /// can end the row, even with no space near: `高/Must` went `高/Mus` / `t`, `training.csv` went
    /// `training.c` / `sv` (user test pass); its slash goes with it. A run of half the row or more is
    /// still cut.
    @Test func wrapKeepsALatinWordWholeAfterChinese() {
        #expect(TextWidth.wrap("可输入: 必须/must/高/Must/bx · 应该", 20) == ["可输入: 必须/must/高", "/Must/bx · 应该"])
        #expect(TextWidth.wrap("或 tasks.csv、training.csv 中的记录", 24) == ["或 tasks.csv、", "training.csv 中的记录"])
        #expect(TextWidth.wrap("见附件abcdefghijklmnop", 12) == ["见附件abcdef", "ghijklmnop"])
        for text in ["可输入: 必须/must/高/Must/bx · 应该", "或 tasks.csv、training.csv 中的记录", "见附件abcdefghijklmnop"] {
            for width in 2...30 {
                let rows = TextWidth.wrap(text, width)
                #expect(rows.allSatisfy { TextWidth.of($0) <= width || $0.count == 1 }, "\(text) at \(width)")
                #expect(rows.joined().filter { $0 != " " } == text.filter { $0 != " " }, "\(text) at \(width)")
            }
        }
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

    /// A figure stays whole with the closing mark it carries down (`100` / `%。` split the percentage),
    /// and an English word after a space goes down whole when it fits a line (`non-renew` / `al`).
    @Test func figuresAndWordsAreNotSplitAtTheEdge() {
        let zh = TextWidth.wrap("甲方应于本合同签订后七日内一次性支付合同总价款的100%。", 52)
        #expect(zh == ["甲方应于本合同签订后七日内一次性支付合同总价款的", "100%。"])
        #expect(
            TextWidth.wrap("last day to give notice of non-renewal (90 days)", 18) == [
                "last day to give", "notice of", "non-renewal (90", "days)",
            ])
    }

    /// ASCII closing punctuation, which normalised text and typed notes use, never starts a row either:
    /// the character before it goes down with it (`凭证` / `, 常有差错` began a row with the comma).
    @Test func asciiClosingPunctuationNeverStartsARow() {
        #expect(TextWidth.wrap("月末手工折算外币凭证, 常有差错", 20) == ["月末手工折算外币凭", "证, 常有差错"])
        #expect(TextWidth.wrap("甲方应当按期付款;乙方", 16) == ["甲方应当按期付", "款;乙方"])
    }

    /// A path in a message goes down whole when it fits a row, also one with a Chinese folder name
    /// in it (`…/private/张伟` / `/handout-scoring.md` was a wrong path when copied from the terminal);
    /// one longer than a row is cut where the row is full, and Chinese with a slash is not a path.
    @Test func aPathGoesDownWholeWhenItFitsARow() {
        let message = "会议纪要已写入 /tmp/m1/.bidbench/private/张伟/handout-scoring-2026-12-08.md (仅供你本人)"
        #expect(
            TextWidth.wrap(message, 60) == [
                "会议纪要已写入", "/tmp/m1/.bidbench/private/张伟/handout-scoring-2026-12-08.md", "(仅供你本人)",
            ])
        #expect(TextWidth.wrap("Saved to /a/b/c/d/e/f/g/h", 12) == ["Saved to", "/a/b/c/d/e/f", "/g/h"])
        #expect(TextWidth.wrap("甲方 甲方/乙方各执一份合同文本", 10) == ["甲方 甲方/", "乙方各执一", "份合同文本"])
    }
}
