import Foundation
import Testing

@testable import BidbenchUI

/// The README's key list is generated from the key map; this test keeps them equal.
/// `BIDBENCH_UPDATE_README=1 swift test --filter ReadmeKeyList` rewrites the section.
@Suite struct ReadmeKeyListTests {
    @Test func readmeKeyListIsTheKeyMap() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- keys:begin -->\n"
        let end = "<!-- keys:end -->"
        guard let b = readme.range(of: begin), let e = readme.range(of: end) else {
            Issue.record("README.md has no key-list markers")
            return
        }
        let current = String(readme[b.upperBound..<e.lowerBound])
        let generated = KeyMap.markdown().trimmingCharacters(in: .newlines) + "\n"
        if ProcessInfo.processInfo.environment["BIDBENCH_UPDATE_README"] == "1" && current != generated {
            try (String(readme[..<b.upperBound]) + generated + String(readme[e.lowerBound...])).write(
                to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == generated)
    }
}
