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

    // Kept as one function: a byte-level RFC 4180 state machine: one loop whose states share the current field and record.
    /// Parses CSV text. A leading UTF-8 BOM is skipped. Blank lines are skipped.
    /// Throws for an unclosed quote (naming the line where the field started), text after a
    /// closing quote, more than `maxColumns` fields in a record or more than `maxCellBytes` in a field.
    public static func parse(_ text: String) throws(ParseError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteStart = 0
        var afterQuote = false
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var i = 0
        let n = bytes.count
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        while i < n {
            let b = bytes[i]
            if field.count > maxCellBytes {
                throw ParseError(
                    line: recordLine,
                    message: "field \(fields.count + 1) is longer than \(maxCellBytes / 1_048_576) MB, the most a cell may hold",
                    messageZH: "第 \(fields.count + 1) 个字段超过 \(maxCellBytes / 1_048_576) MB, 超出单元格上限")
            }
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < n && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                    i += 1
                    continue
                }
                if b == UInt8(ascii: "\n") { line += 1 }
                field.append(b)
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: ","):
                endField()
                afterQuote = false
                if fields.count >= maxColumns {
                    throw ParseError(
                        line: recordLine, message: "more than \(maxColumns) columns, the most a table may have",
                        messageZH: "超过 \(maxColumns) 列, 超出表格列数上限")
                }
            case UInt8(ascii: "\r"):
                if i + 1 < n && bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            case UInt8(ascii: "\n"):
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            case UInt8(ascii: "\""):
                if field.isEmpty && !afterQuote {
                    inQuotes = true
                    quoteStart = line
                } else {
                    throw ParseError(
                        line: line, message: "stray quote inside an unquoted field (quote the whole field and double the quote)",
                        messageZH: "未加引号的字段中有多余的引号 (请给整个字段加引号, 并把其中的引号写两遍)")
                }
            default:
                if afterQuote { throw ParseError(line: line, message: "text after a closing quote", messageZH: "结束引号后面还有文字") }
                field.append(b)
            }
            i += 1
        }
        if inQuotes {
            throw ParseError(
                line: quoteStart, message: "unclosed quote (the field starting here never ends)",
                messageZH: "引号未闭合 (从这里开始的字段没有结束)")
        }
        if !field.isEmpty || !fields.isEmpty || afterQuote { endRecord() }
        return records
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
