import Testing

@testable import BidbenchStore

@Suite struct HugePagesTests {
    /// Only whole 2 MiB pages inside the buffer are advised, never memory before or after it.
    @Test func onlyWholePagesInsideTheBufferAreAdvised() {
        let mib = 1 << 20
        #expect(HugePages.wholePages(start: 0, bytes: 4 * mib) == 0..<(4 * mib))
        #expect(HugePages.wholePages(start: 4096, bytes: 6 * mib) == (2 * mib)..<(6 * mib))
        #expect(HugePages.wholePages(start: 4096, bytes: 4 * mib) == (2 * mib)..<(4 * mib))
        // Less than two pages: nothing (a small buffer keeps small pages).
        #expect(HugePages.wholePages(start: 0, bytes: 2 * mib - 1) == nil)
        // Just over two pages' worth, straddling three pages, holds one whole page.
        #expect(HugePages.wholePages(start: mib, bytes: 4 * mib + 1) == (2 * mib)..<(4 * mib))
    }

    /// Advised or not, a buffer read from a file holds the file's bytes.
    @Test func anAdvisedArrayKeepsWhatIsWrittenIntoIt() {
        var values: [Int] = []
        values.reserveCapacity(1_000_000)
        HugePages.advise(capacityOf: &values)
        for i in 0..<1_000_000 { values.append(i &* 2_654_435_761) }
        #expect(values.count == 1_000_000)
        #expect(values[999_999] == 999_999 &* 2_654_435_761)
        #expect(values.enumerated().allSatisfy { $0.element == $0.offset &* 2_654_435_761 })
    }
}
