import Testing

@testable import BidbenchCore

@Suite struct RunMemoTests {
    /// A run that repeats the one before asks for nothing; a changed place is looked up.
    @Test func aRepeatedRunIsTakenFromTheOneBefore() {
        var memo = RunMemo<Int?>()
        var asked: [String] = []
        let table = ["R1": 0, "R2": 1, "R3": 2]
        func values(_ keys: [String]) -> [Int?] {
            memo.newRun()
            return keys.map { key in
                memo.value(key) {
                    asked.append($0)
                    return table[$0]
                }
            }
        }
        #expect(values(["R1", "R2", "R3"]) == [0, 1, 2])
        #expect(asked == ["R1", "R2", "R3"])
        asked = []
        #expect(values(["R1", "R2", "R3"]) == [0, 1, 2])
        #expect(asked == [])
        // Another key at a place, an unknown one, and a longer run: only those are looked up.
        #expect(values(["R1", "R9", "R3", "R2"]) == [0, nil, 2, 1])
        #expect(asked == ["R9", "R2"])
        asked = []
        #expect(values(["R1", "R9"]) == [0, nil])
        #expect(asked == [])
    }
}
