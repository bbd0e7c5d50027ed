/// The distinct items of `0..<count` by key: `firsts` the index of each distinct item's first
/// occurrence in order, `index[i]` the position in `firsts` of item `i`'s first occurrence. Work
/// that depends only on an item's key is then done once per distinct item.
struct Distinct {
    private(set) var firsts: [Int] = []
    private(set) var index: [Int]

    /// Distinct items found already (see the properties).
    init(firsts: [Int], index: [Int]) {
        self.firsts = firsts
        self.index = index
    }

    /// Every item its own: nothing repeats (no table is built).
    static func identity(_ count: Int) -> Distinct { Distinct(firsts: Array(0..<count), index: Array(0..<count)) }

    /// Distinct items by the caller's hash and equality of two items' positions, in an open-addressing
    /// table of first occurrences: for keys whose standard hashing (SipHash over every field) costs more
    /// than the repeats it finds save. Equal hashes are confirmed with `same`.
    init(_ count: Int, hash: (Int) -> UInt64, same: (Int, Int) -> Bool) {
        index = [Int](repeating: 0, count: count)
        var size = 16
        while size < 2 * count { size <<= 1 }
        let mask = size - 1
        // Per slot: the number of a distinct item, -1 when empty; per distinct item: its hash.
        var slots = [Int32](repeating: -1, count: size)
        var hashes: [UInt64] = []
        for i in 0..<count {
            let h = hash(i)
            var s = Int(truncatingIfNeeded: h) & mask
            while true {
                let k = Int(slots[s])
                if k < 0 {
                    slots[s] = Int32(firsts.count)
                    hashes.append(h)
                    index[i] = firsts.count
                    firsts.append(i)
                    break
                }
                if hashes[k] == h && same(firsts[k], i) {
                    index[i] = k
                    break
                }
                s = (s + 1) & mask
            }
        }
    }
}
