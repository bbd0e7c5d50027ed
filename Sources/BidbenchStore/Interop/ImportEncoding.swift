#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The text encoding of a file to import.
public enum ImportEncoding: String, CaseIterable, Sendable {
    /// UTF-8, with or without a BOM (Excel's "CSV UTF-8").
    case utf8 = "utf-8"
    /// GB18030 (a superset of GBK and GB2312): what Excel and WPS write as plain "CSV" on Chinese Windows.
    case gb18030

    /// Reads `utf-8`, `utf8`, `gb18030`, `gbk`, `gb2312` (any case); GBK and GB2312 are read as GB18030.
    public init?(parsing text: String) {
        switch text.trimmed.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312": self = .gb18030
        default: return nil
        }
    }

    /// How the user asks for GB18030 where the import was started, for the hints of a refusal: the
    /// command line's option, or the TUI's word after the file name (a meeting pass: `--encoding gb18030`
    /// suggested inside the TUI).
    public struct Spelling: Sendable {
        /// "import it with …" / "请用 … 导入".
        public var with: (en: String, zh: String)
        /// "import it without …" / "请去掉 … 再导入".
        public var without: (en: String, zh: String)

        public init(with: (en: String, zh: String), without: (en: String, zh: String)) {
            self.with = with
            self.without = without
        }

        public static let commandLine = Spelling(
            with: ("--encoding gb18030", "--encoding gb18030"), without: ("--encoding gb18030", "--encoding gb18030"))
    }

    /// Decodes `bytes` to text without a BOM, or reports where it fails (the line of the first bad byte).
    func decode(_ bytes: [UInt8], path: String, log: ProblemLog, spelling: Spelling = .commandLine) -> String? {
        switch self {
        case .utf8:
            return StoreText.decode(
                bytes, path: path, log: log,
                hint: (
                    "import it with \(spelling.with.en), or save it again as \"CSV UTF-8\"",
                    "请用 \(spelling.with.zh) 导入, 或另存为 “CSV UTF-8”"
                ))
        case .gb18030:
            // UTF-8 text read as GB18030 turns every Chinese character into two or three wrong ones
            // (`平台` → `骞冲彴`) without an error. Short GB18030 text can be valid UTF-8 by chance (平台 is
            // C6 BD CC A8, `ƽ̨`), so the file counts as UTF-8 only when what it decodes to beyond ASCII is
            // all Chinese text and its punctuation; a UTF-8 BOM (read as `锘縤d`) says so too.
            if Self.looksLikeUTF8(bytes) {
                log.add(
                    path, 0, nil,
                    "is UTF-8 text, not GB18030: import it without \(spelling.without.en) (read as GB18030 its Chinese would be garbled)",
                    zh: "是 UTF-8 文本, 不是 GB18030: 请去掉 \(spelling.without.zh) 再导入 (按 GB18030 读取会使中文变成乱码)")
                return nil
            }
            switch Self.iconvGB18030(bytes) {
            case .success(let text):
                return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            case .failure(let bad):
                let byte = bad.offset < bytes.count ? String(bytes[bad.offset], radix: 16, uppercase: true) : nil
                let detail = byte.map { " (byte \(bad.offset) is 0x\($0))" } ?? ""
                let detailZH = byte.map { " (偏移 \(bad.offset) 处的字节为 0x\($0))" } ?? ""
                log.add(
                    path, TextTools.line(ofOffset: bad.offset, in: bytes), nil,
                    "is not valid GB18030\(detail); check the file's encoding (without --encoding it is read as UTF-8)",
                    zh: "不是有效的 GB18030\(detailZH); 请检查文件的编码 (不加 --encoding 时按 UTF-8 读取)")
                return nil
            }
        }
    }

    /// A UTF-8 BOM, or valid UTF-8 whose characters beyond ASCII are all CJK text or its punctuation.
    static func looksLikeUTF8(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return true }
        guard bytes.contains(where: { $0 >= 0x80 }), let text = String(validating: bytes, as: UTF8.self) else { return false }
        return text.unicodeScalars.allSatisfy { u in
            switch u.value {
            case 0..<0x80, 0xB7, 0xD7, 0x2000...0x206F, 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF: return true
            default: return false
            }
        }
    }

    struct BadByte: Error { var offset: Int }

    /// GB18030 to UTF-8 through the C library's iconv (glibc knows GB18030 without extra packages).
    static func iconvGB18030(_ bytes: [UInt8]) -> Result<String, BadByte> {
        let cd = iconv_open("UTF-8", "GB18030")
        guard let cd, cd != iconv_t(bitPattern: -1) else { return .failure(BadByte(offset: 0)) }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        // A GB18030 character of n bytes becomes at most n + 1 bytes of UTF-8 (2 → 3, 4 → 4).
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let outCapacity = output.count
        var consumed = 0
        var produced = 0
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var inLeft = inBuf.count
                var outLeft = outCapacity
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                consumed = inBuf.count - inLeft
                produced = outCapacity - outLeft
                return r != -1 && inLeft == 0
            }
        }
        guard ok else { return .failure(BadByte(offset: consumed)) }
        return .success(String(decoding: output[0..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
