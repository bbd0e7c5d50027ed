import Testing

@testable import BidbenchCore

/// The hash that tells repeated contract lines apart: every byte counts, and keys spread.
@Suite struct LineHashTests {
    static func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes(LineHash.hash) }

    @Test("every byte and the length change the hash: lines that differ in one byte, anywhere, or only in length")
    func everyByteCounts() {
        // Lengths around the 16-byte steps and each way the tail is read (3 bytes, two 4-byte and
        // two 8-byte words, the last 16).
        for n in [1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 18, 23, 24, 31, 32, 33, 100] {
            let base = (0..<n).map { UInt8(truncatingIfNeeded: 0x41 + $0 % 26) }
            var seen: Set<UInt64> = [Self.hash(base)]
            for i in 0..<n {
                for flip in [UInt8(1), 0x80] {
                    var b = base
                    b[i] ^= flip
                    #expect(seen.insert(Self.hash(b)).inserted, "length \(n), byte \(i) ^ \(flip)")
                }
            }
            // A trailing zero byte is not the same line.
            #expect(seen.insert(Self.hash(base + [0])).inserted, "length \(n) + NUL")
        }
        #expect(Self.hash([]) != Self.hash([0]))
        #expect(Self.hash(Array("第一条 服务内容".utf8)) == Self.hash(Array("第一条 服务内容".utf8)))
    }

    @Test("numbered lines (a generated contract's) spread over buckets like random keys")
    func numberedLinesSpread() {
        let count = 100_000
        var buckets = [Int](repeating: 0, count: 1024)
        var hashes = Set<UInt64>()
        for k in 0..<count {
            let h = Self.hash(Array("第\(k)条 乙方应于\(k % 97)日内交付第\(k)项成果。".utf8))
            hashes.insert(h)
            buckets[Int(h & 1023)] += 1
        }
        #expect(hashes.count == count)
        // About 98 a bucket. The keys are random per process, so the bound is on the whole spread, not
        // on one bucket (the least of 1024 fell to 49 once in a CI run, 4.9 σ: random keys do that):
        // χ² over 1023 degrees of freedom is 1023 ± 45 for random keys, thousands for a hash that
        // leans on a few of the lines' bytes.
        let expected = Double(count) / Double(buckets.count)
        let chiSquare = buckets.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 1_400, "χ² \(chiSquare), buckets \(buckets.min()!)…\(buckets.max()!)")
    }
}
