import BidbenchCore
import Foundation
import Testing

@Suite struct BackgroundTests {
    /// The result is the work's, however long it takes, and waiting again gives it again.
    @Test func waitGivesTheResultOfTheWork() {
        let slow = Background { () -> [Int] in
            usleep(20_000)
            return (1...5).map { $0 * $0 }
        }
        let quick = Background { "已完成" }
        #expect(quick.wait() == "已完成")
        #expect(slow.wait() == [1, 4, 9, 16, 25])
        #expect(slow.wait() == [1, 4, 9, 16, 25])
        // Many at once, each with its own result.
        let many = (0..<32).map { i in Background { i * 3 } }
        #expect(many.map { $0.wait() } == (0..<32).map { $0 * 3 })
    }
}
