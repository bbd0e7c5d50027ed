/// Text typed where a number or a date is read: full-width digits and signs (８, ．, －, ％) become
/// ASCII, so `８` is 8 and `２０２７年３月１日` is a date. The forms and the importer read typed and
/// imported cells through it alike.
public func normalizedDigits(_ text: String) -> String {
    String(
        String.UnicodeScalarView(
            text.unicodeScalars.map { u in
                if (0xFF01...0xFF5E).contains(u.value) { return Unicode.Scalar(u.value - 0xFEE0)! }
                if u.value == 0x3000 { return " " }
                return u
            }))
}
