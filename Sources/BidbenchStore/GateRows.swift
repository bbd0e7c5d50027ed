import BidbenchCore
import Foundation

/// `gates.csv` in the form Bidbench writes it, read by its lines: a large workspace has 800 000 gate
/// answers (three quarters of its bytes), and the general reader's cells, row readers and name
/// lookups were two fifths of every command on it. Anything else (a quote, a CR, a byte-order mark,
/// another header, a line that is not four plain cells, a blank or unknown answer, a cell that
/// starts with a blank) is left to the general reader, which reports it; what is read here is what
/// the general reader gives (a test compares them on random files).
enum GateRows {
    static let header = Array("vendor,requirement,answer,note".utf8)

    /// The answers and their line numbers, or nil when the general reader must read the file.
    static func parse(_ bytes: [UInt8]) -> (rows: [GateAnswer], lines: [Int])? {
        bytes.withUnsafeBufferPointer { b -> (rows: [GateAnswer], lines: [Int])? in
            guard let base = b.baseAddress else { return nil }
            let n = b.count
            func find(_ byte: UInt8, _ from: Int, _ end: Int) -> Int? {
                guard from < end else { return nil }
                return memchr(base + from, Int32(byte), end - from).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
            }
            // No quote and no CR anywhere: each record is one line of unquoted cells.
            guard find(0x22, 0, n) == nil, find(0x0D, 0, n) == nil else { return nil }
            let headerEnd = find(0x0A, 0, n) ?? n
            guard headerEnd == header.count, memcmp(base, header, header.count) == 0 else { return nil }
            var rows: [GateAnswer] = []
            var lines: [Int] = []
            // About 20 bytes an answer; grown if more.
            rows.reserveCapacity(n / 16)
            lines.reserveCapacity(n / 16)
            HugePages.advise(capacityOf: &rows)
            HugePages.advise(capacityOf: &lines)
            func text(_ from: Int, _ to: Int) -> String {
                from == to ? "" : String(decoding: UnsafeBufferPointer(start: base + from, count: to - from), as: UTF8.self)
            }
            // A key cell as `RowReader.key` takes it: not empty and not starting or ending with a blank
            // (space, tab, or E3 80 80 for U+3000: any E3 lead byte is left to the general reader).
            func isKey(_ from: Int, _ to: Int) -> Bool {
                from < to && base[from] != 0x20 && base[from] != 0x09 && base[from] != 0xE3 && base[to - 1] != 0x20 && base[to - 1] != 0x09
                    && base[to - 1] != 0x80
            }
            func same(_ a: (start: Int, count: Int), _ b: Int, _ count: Int) -> Bool {
                a.count == count && memcmp(base + a.start, base + b, count) == 0
            }
            // Each vendor answers the same must-haves in the same order: a vendor id is made once per
            // run of its answers, and a requirement id is taken from the previous run's answer at
            // the same place when its bytes are the same (a String made per cell was a third of
            // reading the file).
            var vendorAt = (start: 0, count: -1)
            var vendor = ""
            // Where each answer's requirement is in the file and its row (Ints: emptying an array of
            // Strings releases each).
            var previous: [(at: (start: Int, count: Int), row: Int)] = []
            var current: [(at: (start: Int, count: Int), row: Int)] = []
            var start = headerEnd + 1
            var line = 2
            while start < n {
                let end = find(0x0A, start, n) ?? n
                defer {
                    start = end + 1
                    line += 1
                }
                // A blank line is no record (the general reader skips it too).
                if end == start { continue }
                guard end - start <= CSV.maxCellBytes,
                    let c1 = find(0x2C, start, end), let c2 = find(0x2C, c1 + 1, end), let c3 = find(0x2C, c2 + 1, end),
                    find(0x2C, c3 + 1, end) == nil,
                    isKey(start, c1), isKey(c1 + 1, c2)
                else { return nil }
                let answer: GateResult
                switch c3 - c2 - 1 {
                case 0: answer = .no  // an empty answer is the default
                case 5 where memcmp(base + c2 + 1, "meets", 5) == 0: answer = .meets
                case 6 where memcmp(base + c2 + 1, "partly", 6) == 0: answer = .partly
                case 2 where base[c2 + 1] == 0x6E && base[c2 + 2] == 0x6F: answer = .no
                default: return nil
                }
                if !same(vendorAt, start, c1 - start) {
                    vendorAt = (start, c1 - start)
                    vendor = text(start, c1)
                    swap(&previous, &current)
                    current.removeAll(keepingCapacity: true)
                }
                let k = current.count
                let requirement =
                    k < previous.count && same(previous[k].at, c1 + 1, c2 - c1 - 1)
                    ? rows[previous[k].row].requirement : text(c1 + 1, c2)
                current.append(((c1 + 1, c2 - c1 - 1), rows.count))
                rows.append(GateAnswer(vendor: vendor, requirement: requirement, answer: answer, note: text(c3 + 1, end)))
                lines.append(line)
            }
            return (rows, lines)
        }
    }
}
