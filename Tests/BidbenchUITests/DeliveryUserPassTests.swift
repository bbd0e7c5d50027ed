import BidbenchCore
import Testing

@testable import BidbenchUI

/// The delivery meeting's user pass: each test is named after what was found.
@Suite struct DeliveryUserPassTests {
    /// Regression: Ctrl-S with nothing unsaved said "已保存到 /tmp/ws" as if it had written. Now it
    /// asks for no save at all and says there was nothing to save.
    @Test func ctrlSWithNothingUnsavedSaysSoAndAsksForNoSave() {
        var d = DeliveryScreenTests.driver(.zh, width: 80, height: 24)
        d.press(.ctrl("s"))
        #expect(d.effects.isEmpty)
        #expect(d.state.message == "无需保存: 自上次保存以来没有修改")
        #expect(d.screen.lines[22] == " 无需保存: 自上次保存以来没有修改")
        // An edit taken back by undo leaves nothing to save either; `:w` says the same in English.
        d.state.lang = .en
        d.press(.char("d"), .char("u"))
        #expect(d.state.workspace == d.state.base)
        d.press(.char(":"))
        d.type("w")
        d.press(.enter)
        #expect(d.effects.isEmpty)
        #expect(d.state.message == "Nothing to save: no changes since the last save")
        // `:wq` with nothing to save quits at once.
        d.press(.char(":"))
        d.type("wq")
        d.press(.enter)
        #expect(d.effects == [.quit])
    }

    /// With an edit, Ctrl-S still asks for the save (the host says where it wrote).
    @Test func ctrlSWithAnEditStillSaves() {
        var d = DeliveryScreenTests.driver(.zh, width: 80, height: 24)
        d.press(.char("d"), .ctrl("s"))
        #expect(d.effects == [.save(d.state.workspace, force: false)])
    }
}
