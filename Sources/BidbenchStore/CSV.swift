import BidbenchCore

/// RFC 4180 CSV: fields separated by commas, optionally quoted with `"`, `""` for a quote inside a
/// quoted field, records ended by CRLF or LF. Quoted fields may hold commas and newlines.
public enum CSV {
    /// One parsed record and the 1-based line on which it starts.
    public struct Record: Equatable, Sendable {
        public var line: Int
        public var fields: [String]
        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        /// The same message in Simplified Chinese (nil: say it in English).
        public var messageZH: String?
        public var description: String { "\(line): \(message)" }

        public init(line: Int, message: String, messageZH: String? = nil) {
            self.line = line
            self.message = message
            self.messageZH = messageZH
        }

        /// Same line and English message (the Chinese says the same).
        public static func == (a: ParseError, b: ParseError) -> Bool { a.line == b.line && a.message == b.message }
    }

    /// At most this many columns in a record: a table has a few dozen; a header of a million columns
    /// (a hostile or broken file) is refused at once instead of costing gigabytes.
    public static let maxColumns = 1_000
    /// At most this many bytes in one cell (a long note is a few KB; 1 MB still loads).
    public static let maxCellBytes = 2 * 1_048_576

    /// Parses CSV text. A leading UTF-8 BOM is skipped. Blank lines are skipped.
    /// Throws for an unclosed quote (naming the line where the field started), text after a
    /// closing quote, more than `maxColumns` fields in a record or more than `maxCellBytes` in a field.
    public static func parse(_ text: String) throws(ParseError) -> [Record] {
        var records: [Record] = []
        try forEachRecord(Array(text.utf8)) { line, fields in
            records.append(Record(line: line, fields: fields))
            return true
        }
        return records
    }

    // Kept as one function: a byte-level RFC 4180 state machine: one loop whose states share the current field and record.
    /// Reads CSV from UTF-8 bytes one record at a time, with the rules and errors of `parse`: `body`
    /// gets the 1-based line where the record starts and its fields, and returns false when it
    /// wants no more fields (the rest is still checked for syntax errors, so a file with a broken
    /// quote near its end is refused whatever `body` did). Nothing but the current record is held:
    /// a 20 000-row table is never a second copy as an array of records, and an unquoted field is
    /// made into a String straight from the bytes.
    public static func forEachRecord(
        _ bytes: [UInt8], _ body: (_ line: Int, _ fields: [String]) -> Bool
    ) throws(ParseError) {
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        var fields: [String] = []
        // Fields of the current record so far, counted even when `body` wants no more.
        var fieldCount = 0
        var wanted = true
        // A quoted field's text (its quotes undoubled); an unquoted one is bytes[fieldStart..<i].
        var quoted: [UInt8] = []
        var isQuoted = false
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteStart = 0
        var afterQuote = false
        let n = bytes.count
        var i = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var fieldStart = i
        func endField() {
            fieldCount += 1
            guard wanted else { return }
            if isQuoted {
                fields.append(String(decoding: quoted, as: UTF8.self))
            } else {
                fields.append(i == fieldStart ? "" : String(decoding: bytes[fieldStart..<i], as: UTF8.self))
            }
        }
        func tooLong() -> ParseError {
            ParseError(
                line: recordLine,
                message: "field \(fieldCount + 1) is longer than \(maxCellBytes / 1_048_576) MB, the most a cell may hold",
                messageZH: "第 \(fieldCount + 1) 个字段超过 \(maxCellBytes / 1_048_576) MB, 超出单元格上限")
        }
        func endRecord() {
            endField()
            if wanted && !(fields.count == 1 && fields[0].isEmpty) { wanted = body(recordLine, fields) }
            fields.removeAll(keepingCapacity: true)
            fieldCount = 0
        }
        while i < n {
            if !inQuotes && !afterQuote {
                // The plain bytes of an unquoted field, in a tight loop up to the next , CR LF or quote.
                while i < n {
                    let c = bytes[i]
                    if c == comma || c == lf || c == cr || c == quote { break }
                    i += 1
                }
                // Checked as the byte-by-byte reading did: too long once a byte follows the limit.
                if i - fieldStart > maxCellBytes && (i < n || i - fieldStart > maxCellBytes + 1) {
                    throw tooLong()
                }
                if i == n { break }
            }
            let b = bytes[i]
            let length = isQuoted ? quoted.count : i - fieldStart
            if length > maxCellBytes {
                throw tooLong()
            }
            if inQuotes {
                if b == quote {
                    if i + 1 < n && bytes[i + 1] == quote {
                        quoted.append(b)
                        i += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                    i += 1
                    continue
                }
                if b == lf { line += 1 }
                quoted.append(b)
                i += 1
                continue
            }
            switch b {
            case comma:
                endField()
                quoted.removeAll(keepingCapacity: true)
                isQuoted = false
                afterQuote = false
                fieldStart = i + 1
                if fieldCount >= maxColumns {
                    throw ParseError(
                        line: recordLine, message: "more than \(maxColumns) columns, the most a table may have",
                        messageZH: "超过 \(maxColumns) 列, 超出表格列数上限")
                }
            case cr, lf:
                if b == cr && i + 1 < n && bytes[i + 1] == lf {
                    endRecord()
                    i += 1
                } else {
                    endRecord()
                }
                quoted.removeAll(keepingCapacity: true)
                isQuoted = false
                afterQuote = false
                line += 1
                recordLine = line
                fieldStart = i + 1
            case quote:
                if length == 0 && !afterQuote {
                    inQuotes = true
                    isQuoted = true
                    quoteStart = line
                } else {
                    throw ParseError(
                        line: line, message: "stray quote inside an unquoted field (quote the whole field and double the quote)",
                        messageZH: "未加引号的字段中有多余的引号 (请给整个字段加引号, 并把其中的引号写两遍)")
                }
            default:
                if afterQuote {
                    // A quote that opened on an earlier line ran over line ends to this one: the mistake is
                    // where it opened (a helper's pass: a stray quote on line 6 was reported at line 9).
                    guard quoteStart < line else {
                        throw ParseError(line: line, message: "text after a closing quote", messageZH: "结束引号后面还有文字")
                    }
                    throw ParseError(
                        line: quoteStart,
                        message:
                            "the quoted field that opens on this line runs on to line \(line), where text follows its closing quote (a stray quote here? quote the whole field and double the quote)",
                        messageZH: "此行开始的带引号字段一直延续到第 \(line) 行, 其结束引号后面还有文字 (此处是否有多余的引号? 请给整个字段加引号, 并把其中的引号写两遍)")
                }
            }
            i += 1
        }
        if inQuotes {
            throw ParseError(
                line: quoteStart, message: "unclosed quote (the field starting here never ends)",
                messageZH: "引号未闭合 (从这里开始的字段没有结束)")
        }
        if i > fieldStart || fieldCount > 0 || afterQuote { endRecord() }
    }

    /// Quotes a field when it holds a comma, quote, CR or LF, or starts/ends with a space.
    public static func escape(_ field: String) -> String {
        var needs = false
        for b in field.utf8 where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
            needs = true
            break
        }
        if !needs, let f = field.first, f == " " { needs = true }
        if !needs, let l = field.last, l == " " { needs = true }
        guard needs else { return field }
        var out = "\""
        for c in field { if c == "\"" { out += "\"\"" } else { out.append(c) } }
        return out + "\""
    }

    /// Appends one record to `out` as `write` prints it (each field escaped as `escape` does, commas
    /// between, `\n` after), straight into the byte buffer: no string is built per field or row.
    /// Returns the number of line feeds written (the record's own and those inside quoted fields).
    @discardableResult
    public static func appendRecord(_ fields: [String], to out: inout [UInt8], crlf: Bool = false) -> Int {
        var feeds = 1
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            feeds += appendField(field, to: &out)
        }
        if crlf { out.append(UInt8(ascii: "\r")) }
        out.append(UInt8(ascii: "\n"))
        return feeds
    }

    /// Whether a file's first record ends with CRLF (a table saved on Windows): its saves end
    /// every record so. A line feed inside a quoted header field is not a record's end.
    public static func endsRecordsWithCRLF(_ bytes: [UInt8]) -> Bool {
        var quoted = false
        for (i, b) in bytes.enumerated() {
            if b == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if b == UInt8(ascii: "\n") && !quoted {
                return i > 0 && bytes[i - 1] == UInt8(ascii: "\r")
            }
        }
        return false
    }

    /// One field, escaped exactly as `escape` does; returns the line feeds inside it.
    static func appendField(_ field: String, to out: inout [UInt8]) -> Int {
        let utf8 = field.utf8
        var needs = false
        var feeds = 0
        for b in utf8 {
            switch b {
            case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"): needs = true
            case UInt8(ascii: "\n"):
                needs = true
                feeds += 1
            default: break
            }
        }
        // A leading or trailing space is rare: only then is the first or last character looked at
        // (a space followed by a combining mark is one character that is not a space).
        if !needs, utf8.first == UInt8(ascii: " "), field.first == " " { needs = true }
        if !needs, utf8.last == UInt8(ascii: " "), field.last == " " { needs = true }
        guard needs else {
            out.append(contentsOf: utf8)
            return 0
        }
        out.append(UInt8(ascii: "\""))
        for b in utf8 {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
        return feeds
    }

    /// Prints rows as CSV with `\n` line ends (and a final newline).
    public static func write(_ rows: [[String]]) -> String {
        var out = ""
        for row in rows {
            out += row.map(escape).joined(separator: ",")
            out += "\n"
        }
        return out
    }
}
