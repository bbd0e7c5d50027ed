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

    init<Key: Hashable>(_ count: Int, key: (Int) -> Key) {
        index = [Int](repeating: 0, count: count)
        var seen: [Key: Int] = [:]
        seen.reserveCapacity(count)
        for i in 0..<count {
            let k = key(i)
            if let at = seen[k] {
                index[i] = at
            } else {
                seen[k] = firsts.count
                index[i] = firsts.count
                firsts.append(i)
            }
        }
    }
}
