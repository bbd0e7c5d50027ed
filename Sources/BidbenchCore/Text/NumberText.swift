/// The one number formatter: screens, reports, the command line and JSON print numbers through it.
///
/// Rules (the README's "UI conventions"): digits are grouped by three with a comma in both languages
/// (`1,230,000`, as Chinese finance documents do); the decimal point is `.`; a fixed number of decimals
/// rounds half away from zero on the number as written in its shortest decimal form, so `2.675` → `2.68`
/// and `-0.125` → `-0.13` (the schoolbook rule, and the one money uses: DESIGN §3); `-0` is never shown.
/// No locale, no Foundation: the same input gives the same text on every machine.
public enum NumberText {
    /// Appends the decimal digits of `n` (with `-` when negative) to UTF-8 bytes: the printers that
    /// write thousands of line numbers straight to bytes (the checklist, `contract check --json`).
    public static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        var text = String(n)
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// The shortest decimal text that reads back as exactly `v`, without an exponent or a
    /// trailing `.0`: `5`, `0.35`, `0.00001`, `-2.5`. (Swift's `description` already picks the
    /// shortest round-tripping digits; this only reshapes them.) Not finite: `NaN`, `Infinity`, `-Infinity`.
    public static func format(_ v: Double) -> String {
        if v == 0 { return "0" }
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
        var s = v.description
        var sign = ""
        if s.hasPrefix("-") {
            sign = "-"
            s.removeFirst()
        }
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let mantissa = s[..<e]
            let exponent = Int(s[s.index(after: e)...].drop(while: { $0 == "+" })) ?? 0
            let intLen = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
            var digits = String(mantissa.filter { $0 != "." })
            while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
            let point = intLen + exponent
            if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
            if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
            return sign + digits.prefix(point) + "." + digits.dropFirst(point)
        }
        if s.hasSuffix(".0") { s.removeLast(2) }
        return sign + s
    }

    /// `x` with exactly `places` decimals (trailing zeros kept: `8.50`), rounded half away from zero;
    /// grouped by three when `grouped` (`1,230,000.00`). Not finite: `–`.
    public static func fixed(_ x: Double, _ places: Int, grouped: Bool = false) -> String {
        guard x.isFinite else { return "–" }
        // Most numbers are cut from their shortest form in one stack buffer (a report prints tens
        // of thousands of them); the arrays below are the definition, for the exponent forms.
        if places <= 16, let quick = fixedInBuffer(x, places, grouped: grouped) { return quick }
        return fixedByArrays(x, places, grouped: grouped)
    }

    /// `fixed` by the definition's steps on arrays of digits (the reference the tests hold the quick
    /// path to).
    static func fixedByArrays(_ x: Double, _ places: Int, grouped: Bool = false) -> String {
        guard x.isFinite else { return "–" }
        // On the UTF-8 digits of the shortest exact form.
        let zero = UInt8(ascii: "0")
        let plain = Array(format(abs(x)).utf8)
        let dot = plain.firstIndex(of: UInt8(ascii: ".")) ?? plain.count
        var whole = Array(plain[..<dot])
        var frac = dot < plain.count ? Array(plain[(dot + 1)...]) : []
        let places = max(0, places)
        if frac.count > places {
            let roundUp = frac[places] >= UInt8(ascii: "5")
            frac.removeLast(frac.count - places)
            if roundUp {
                var digits = whole + frac
                var i = digits.count - 1
                while i >= 0 {
                    if digits[i] == UInt8(ascii: "9") {
                        digits[i] = zero
                        i -= 1
                    } else {
                        digits[i] += 1
                        break
                    }
                }
                if i < 0 { digits.insert(UInt8(ascii: "1"), at: 0) }
                whole = Array(digits.prefix(digits.count - places))
                frac = Array(digits.suffix(places))
            }
        } else {
            frac += [UInt8](repeating: zero, count: places - frac.count)
        }
        let isZero = whole.allSatisfy { $0 == zero } && frac.allSatisfy { $0 == zero }
        var out: [UInt8] = []
        out.reserveCapacity(whole.count + whole.count / 3 + frac.count + 2)
        if x < 0 && !isZero { out.append(UInt8(ascii: "-")) }
        for (i, d) in whole.enumerated() {
            if grouped && i > 0 && (whole.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(d)
        }
        if places > 0 {
            out.append(UInt8(ascii: "."))
            out += frac
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `fixed` of a number whose shortest form has no exponent (`1234.5678`, not `1e-05`), in one
    /// stack buffer: the same digits, rounding, sign and grouping as `fixedByArrays`; nil otherwise.
    static func fixedInBuffer(_ x: Double, _ places: Int, grouped: Bool) -> String? {
        var shortest = abs(x).description
        return shortest.withUTF8 { d -> String? in
            // `description` always has a point and a digit after it ("8.5", "1000.0") unless it has an exponent.
            guard let dot = d.firstIndex(of: UInt8(ascii: ".")), !d.contains(UInt8(ascii: "e")), d.count < 40 else { return nil }
            let zero = UInt8(ascii: "0")
            // Digits at 1..<64 (at most 40 + 16 with a carry at 0), the text from 64 (at most 40 digits,
            // 13 commas, a sign, a point and 16 decimals).
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 160) { buf -> String in
                // Digits (whole, then exactly `places` decimals) from index 1; index 0 takes a carry.
                var n = 1
                for i in 0..<dot {
                    buf[n] = d[i]
                    n += 1
                }
                let fracAvailable = d.count - dot - 1
                for k in 0..<places {
                    buf[n] = k < fracAvailable ? d[dot + 1 + k] : zero
                    n += 1
                }
                var first = 1
                if fracAvailable > places && d[dot + 1 + places] >= UInt8(ascii: "5") {
                    var i = n - 1
                    while i >= 1 && buf[i] == UInt8(ascii: "9") {
                        buf[i] = zero
                        i -= 1
                    }
                    if i >= 1 {
                        buf[i] += 1
                    } else {
                        buf[0] = UInt8(ascii: "1")
                        first = 0
                    }
                }
                let whole = n - places - first
                var isZero = true
                for i in first..<n where buf[i] != zero { isZero = false }
                // The text after the digits: sign, grouped whole part, point, decimals.
                var o = 64
                if x < 0 && !isZero {
                    buf[o] = UInt8(ascii: "-")
                    o += 1
                }
                for i in 0..<whole {
                    if grouped && i > 0 && (whole - i) % 3 == 0 {
                        buf[o] = UInt8(ascii: ",")
                        o += 1
                    }
                    buf[o] = buf[first + i]
                    o += 1
                }
                if places > 0 {
                    buf[o] = UInt8(ascii: ".")
                    o += 1
                    for i in 0..<places {
                        buf[o] = buf[first + whole + i]
                        o += 1
                    }
                }
                return String(decoding: UnsafeBufferPointer(rebasing: buf[64..<o]), as: UTF8.self)
            }
        }
    }

    /// At most `places` decimals, trailing zeros dropped: `8.5`, `8`, `0.613`.
    /// One score as its evaluator typed it: one decimal at least (`8.0`), up to four (`9.99`, not the
    /// `10.0` one decimal makes of it).
    public static func score(_ x: Double) -> String {
        let s = upTo(x, 4)
        return s.utf8.contains(UInt8(ascii: ".")) ? s : fixed(x, 1)
    }

    public static func upTo(_ x: Double, _ places: Int, grouped: Bool = false) -> String {
        let s = fixed(x, places, grouped: grouped)
        guard places > 0, s.utf8.contains(UInt8(ascii: ".")) else { return s }
        // The digits are ASCII: the trimmed text is a prefix of the bytes (no array in between; an
        // SVG chart of a large report formats 40 000 coordinates).
        var end = s.utf8.endIndex
        while end > s.utf8.startIndex, s.utf8[s.utf8.index(before: end)] == UInt8(ascii: "0") { end = s.utf8.index(before: end) }
        if end > s.utf8.startIndex, s.utf8[s.utf8.index(before: end)] == UInt8(ascii: ".") { end = s.utf8.index(before: end) }
        return String(s[..<end])
    }

    /// A whole number grouped by three: `1,230,000`, `-45,000`.
    public static func grouped(_ n: Int64) -> String {
        (n < 0 ? "-" : "") + group(String(n.magnitude))
    }

    /// A whole number grouped by three: `1,230,000`.
    public static func grouped(_ n: Int) -> String { grouped(Int64(n)) }

    /// A fraction as a percentage with `places` decimals: 0.352 → `35.2%`.
    public static func percent(_ fraction: Double, _ places: Int = 1) -> String {
        guard fraction.isFinite else { return "–" }
        return fixed(fraction * 100, places) + "%"
    }

    /// Whole percentages of shares that make a whole, rounded so that they add up to 100 (largest
    /// remainders: the shares rounded down, then a point to those that lost most, ties to the first):
    /// a meeting pass read `19% 14% 28% 14% 10% 14%` on the matrix, 99 %. Nil when the shares do not
    /// add up to 1 (then each is rounded on its own).
    public static func wholePercents(_ shares: [Double]) -> [Int]? {
        guard !shares.isEmpty, shares.allSatisfy({ $0.isFinite && $0 >= 0 }), abs(shares.reduce(0, +) - 1) < 1e-9 else { return nil }
        var points = shares.map { Int(($0 * 100 + 1e-9).rounded(.down)) }
        let order = shares.indices.sorted { a, b in
            let ra = shares[a] * 100 - Double(points[a])
            let rb = shares[b] * 100 - Double(points[b])
            return ra != rb ? ra > rb : a < b
        }
        for k in order.prefix(max(0, 100 - points.reduce(0, +))) { points[k] += 1 }
        return points
    }

    /// A percentage already in points, up to one decimal and without trailing zeros: 90 → `90%`,
    /// 85.714… → `85.7%`. The delivery measures (on time, pass rate and its target, SLA met) read
    /// alike on the delivery screen, in its dialogs and reports, in the early warnings and in `bidbench
    /// delivery`.
    public static func percent(points: Double) -> String { upTo(points, 1) + "%" }

    /// Money for people to read, from its exact minor units: grouped, with the cents when there are
    /// any (`1,230,000`, `99.50`), always (`1,230,000.00`) so that a column of amounts lines up, or
    /// never (whole units, rounded half away from zero: `99.50` → `100`).
    public static func money(_ m: Money, cents: CentsShown = .whenAny) -> String {
        let c = m.minor.magnitude % 100
        let sign = m.minor < 0 ? "-" : ""
        let whole = grouped(Int64(m.minor.magnitude / 100))
        switch cents {
        case .never:
            let units = Int64((m.minor.magnitude + 50) / 100)
            return (m.minor < 0 && units != 0 ? "-" : "") + grouped(units)
        case .whenAny where c == 0: return sign + whole
        default: return sign + whole + "." + (c < 10 ? "0" : "") + String(c)
        }
    }

    /// When `money` shows the cents.
    public enum CentsShown: Sendable {
        case always, whenAny, never
    }

    /// How a table shows money that must line up: two decimals on every figure when any has cents
    /// (`197,040.00` above `286,098.75`, not `197,040`), whole units when none has.
    public static func cents<S: Sequence<Money>>(for figures: S) -> CentsShown {
        figures.contains { $0.minor % 100 != 0 } ? .always : .whenAny
    }

    /// Digits (no sign) with a comma every three from the right.
    private static func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }
}
