/// Text typed where a number or a date is read: full-width digits and signs (８, ．, －, ％) become
/// ASCII, so `８` is 8 and `２０２７年３月１日` is a date. The forms and the importer read typed and
/// imported cells through it alike. A Chinese full stop between two digits is the decimal point a
/// Chinese input method typed for `.` (`8。5` is 8.5; a meeting pass had it refused).
public func normalizedDigits(_ text: String) -> String {
    let u = text.unicodeScalars.map { u in
        if (0xFF01...0xFF5E).contains(u.value) { return Unicode.Scalar(u.value - 0xFEE0)! }
        if u.value == 0x3000 { return " " }
        return u
    }
    func isDigit(_ k: Int) -> Bool { k >= 0 && k < u.count && u[k].value &- 0x30 < 10 }
    return String(String.UnicodeScalarView(u.indices.map { k in u[k] == "。" && isDigit(k - 1) && isDigit(k + 1) ? "." : u[k] }))
}
