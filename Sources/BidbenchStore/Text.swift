import BidbenchCore
import Foundation

/// Reading numbers from files (the Core's `NumberText` writes them).
extension NumberText {
    /// Parses a plain decimal (`5`, `-0.35`, `1e3`); nil for empty text, `nan`, `inf`, hex or anything else.
    public static func parseDouble(_ text: String) -> Double? {
        let t = text.trimmed
        guard !t.isEmpty, t.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 || $0 == 69 }),
            t.utf8.contains(where: { $0 >= 48 && $0 <= 57 }),
            let d = Double(t), d.isFinite
        else { return nil }
        return d
    }

    /// Parses a decimal or a fraction `a/b` (AHP judgements such as `1/3`); nil otherwise or when b is 0.
    public static func parseRatio(_ text: String) -> Double? {
        let t = text.trimmed
        if let slash = t.firstIndex(of: "/") {
            guard let a = parseDouble(String(t[..<slash])), let b = parseDouble(String(t[t.index(after: slash)...])), b != 0 else {
                return nil
            }
            return a / b
        }
        return parseDouble(t)
    }

    /// An AHP judgement as text: `1/3` when the value is the reciprocal of a whole number above 1,
    /// else the shortest decimal.
    public static func formatRatio(_ v: Double) -> String {
        if v > 0 && v < 1 {
            let r = 1 / v
            let n = r.rounded()
            if n >= 2 && abs(r - n) < 1e-9 * n && 1 / n == v { return "1/" + format(n) }
        }
        return format(v)
    }

    /// Parses a whole number (`12`, `-3`); nil otherwise.
    public static func parseInt(_ text: String) -> Int? {
        Int(text.trimmed)
    }
}

enum TextTools {
    /// Control characters (C0, DEL, C1) shown as `\u{1B}` so text quoted from files cannot drive the terminal.
    /// Invisible and direction-control characters are shown the same way, so `V1` and `V1`+U+200B differ
    /// on screen and a bidi override cannot reorder what the user reads.
    static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0) || isInvisible($0) }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if isControl(u) || isInvisible(u) {
                out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool { u.value < 0x20 || (0x7F...0x9F).contains(u.value) }

    /// Zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, soft hyphen, U+180E) and
    /// direction controls (U+200E/F, U+061C, U+202A–U+202E, U+2066–U+2069).
    static func isInvisible(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00AD, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// The first invisible or direction-control character of `s` as `U+200B`, or nil.
    static func firstInvisible(_ s: String) -> String? {
        guard let u = s.unicodeScalars.first(where: isInvisible) else { return nil }
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Compares strings so that digit runs count by value: `R2` < `R10` < `r10`, `001` before `1`
    /// only as a tie-break. Rows are written in this order.
    static func naturalLess(_ a: String, _ b: String) -> Bool { naturalLess(Array(a.utf8), Array(b.utf8)) }

    /// The same order on UTF-8 bytes (UTF-8 byte order is code point order).
    static func naturalLess(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        var i = 0
        var j = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                var i2 = i
                var j2 = j
                while i2 < x.count && isDigit(x[i2]) { i2 += 1 }
                while j2 < y.count && isDigit(y[j2]) { j2 += 1 }
                var si = i
                var sj = j
                while si < i2 - 1 && x[si] == 48 { si += 1 }
                while sj < j2 - 1 && y[sj] == 48 { sj += 1 }
                let lx = i2 - si
                let ly = j2 - sj
                if lx != ly { return lx < ly }
                for k in 0..<lx where x[si + k] != y[sj + k] { return x[si + k] < y[sj + k] }
                i = i2
                j = j2
            } else {
                if x[i] != y[j] { return x[i] < y[j] }
                i += 1
                j += 1
            }
        }
        if (x.count - i) != (y.count - j) { return (x.count - i) < (y.count - j) }
        return x.lexicographicallyPrecedes(y)
    }

    /// Natural order of two key tuples, column by column.
    static func naturalLess(_ a: [[UInt8]], _ b: [[UInt8]]) -> Bool {
        for (p, q) in zip(a, b) where p != q { return naturalLess(p, q) }
        return a.count < b.count
    }

    static func naturalLess(_ a: [String], _ b: [String]) -> Bool {
        naturalLess(a.map { Array($0.utf8) }, b.map { Array($0.utf8) })
    }

    /// The offset of the first byte that is not valid UTF-8, or nil when all of it is valid.
    /// The offset of the first NUL byte (memchr: a 20 MB workspace in about a millisecond).
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { b -> Int? in
            guard let base = b.baseAddress, let hit = memchr(base, 0, b.count) else { return nil }
            return UnsafeRawPointer(hit) - base
        }
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) }
    }

    private static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        let n = bytes.count
        while i < n {
            // Thirty-two, then eight ASCII bytes at a time: most of a workspace's bytes (ids, numbers,
            // gate answers).
            while i + 32 <= n {
                let w =
                    raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                guard w & 0x8080_8080_8080_8080 == 0 else { break }
                i += 32
            }
            while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            // Most of a Chinese text: three bytes led by E1–EC or EE–EF, whose continuation bytes may
            // be any of 80–BF.
            if (0xE1...0xEF).contains(b) && b != 0xED && i + 2 < n && bytes[i + 1] & 0xC0 == 0x80 && bytes[i + 2] & 0xC0 == 0x80 {
                i += 3
                continue
            }
            var need = 0
            var lo: UInt8 = 0x80
            var hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0:
                need = 2
                lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED:
                need = 2
                hi = 0x9F
            case 0xF0:
                need = 3
                lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4:
                need = 3
                hi = 0x8F
            default: return i
            }
            guard i + need < n else { return i }
            for k in 1...need {
                let c = bytes[i + k]
                let (l, h) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
                if c < l || c > h { return i }
            }
            i += need + 1
        }
        return nil
    }

    /// 1-based line of a byte offset.
    static func line(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for k in 0..<min(offset, bytes.count) where bytes[k] == 10 { line += 1 }
        return line
    }

    /// Whether `<<<<<<<` occurs anywhere in the bytes (the quick test before `conflictMarkerLines`).
    /// Jumps from `<` to `<` with `memchr` (a byte-by-byte count of the run was a twentieth of
    /// loading a large workspace, whose files have few or no `<`).
    static func hasConflictMarker(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            var i = 0
            let n = b.count
            while i < n {
                guard let hit = memchr(base + i, 0x3C, n - i) else { return false }
                var j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let start = j
                while j < n && b[j] == 0x3C {
                    j += 1
                    if j - start == 7 { return true }
                }
                i = j
            }
            return false
        }
    }

    /// 1-based lines that start a git merge conflict (`<<<<<<<`).
    static func conflictMarkerLines(_ text: String) -> [Int] {
        // A byte scan: Foundation's String.contains is an order of magnitude slower on large files.
        let marker = Array("<<<<<<<".utf8)
        var run = 0
        var found = false
        for b in text.utf8 {
            run = b == marker[0] ? run + 1 : 0
            if run == marker.count {
                found = true
                break
            }
        }
        guard found else { return [] }
        var result: [Int] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix("<<<<<<<") {
            result.append(i + 1)
        }
        return result
    }

    /// Reads `true`/`false`, `yes`/`no`, `1`/`0`, `是`/`否` (any case).
    static func parseBool(_ text: String) -> Bool? {
        switch text.trimmed.lowercased() {
        case "true", "yes", "y", "1", "是", "t": return true
        case "false", "no", "n", "0", "否", "f": return false
        default: return nil
        }
    }
}

/// Text from files made safe to print on a terminal.
public enum SafeText {
    /// Control characters (C0, DEL, C1) replaced by a visible `\u{1B}` form (no escape injection).
    public static func visible(_ s: String) -> String { TextTools.visible(s) }
}
