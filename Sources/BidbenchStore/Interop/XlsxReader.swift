import BidbenchCore
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One sheet of a workbook as text cells, the way an import reads it.
///
/// Cells are text as a person would type them: shared and inline strings as they are; numbers in
/// plain decimal notation (`1286000`, `0.35`; binary noise past 15 significant digits is rounded
/// away, as Excel shows it); booleans `true`/`false`; numbers formatted as dates (built-in or custom
/// date formats) as ISO days, in the workbook's 1900 or 1904 date system. A formula cell gives its
/// cached value (the one Excel or WPS saved); `formulas` lists those cells. Merged cells give every
/// cell of the range the value of its top-left cell. Rows are numbered as in the spreadsheet.
public struct XlsxGrid: Sendable {
    public struct Row: Sendable, Equatable {
        /// The spreadsheet row number (1-based).
        public var number: Int
        /// Cells from column A on; empty strings for empty cells.
        public var cells: [String]
    }
    public var sheet: String
    public var rows: [Row]
    /// References (`D5`) of formula cells whose cached value was taken.
    public var formulas: [String] = []
    /// Cells that cannot be read as values: error values (`#DIV/0!`) and formulas without a cached value.
    public var bad: [(ref: String, message: String, zh: String)] = []
}

/// Reads `.xlsx` workbooks (Office Open XML SpreadsheetML) with a streaming XML parser, bounded
/// against zip bombs and giant sheets (see `XlsxLimits`). No styles beyond number formats are read.
public struct XlsxReader {
    /// The sheet names in workbook order (worksheets only; chart sheets are left out).
    public let sheetNames: [String]
    /// Whether dates count from 1904-01-01 (old Mac Excel) instead of 1900-01-00.
    public let date1904: Bool
    var zip: XlsxZip
    let sheetPaths: [String]
    let sharedStringsPath: String?
    let stylesPath: String?

    static let officeDocument = "/officeDocument"

    public init(data: Data, limits: XlsxLimits = XlsxLimits()) throws(XlsxError) {
        zip = try XlsxZip(data: data, limits: limits)
        // The package relationships name the workbook part (xl/workbook.xml in every real file).
        var workbookPath = "xl/workbook.xml"
        if let rels = try zip.read("_rels/.rels") {
            let r = try Self.relationships(rels, part: "_rels/.rels", base: "")
            if let main = r.first(where: { $0.type.hasSuffix(Self.officeDocument) }) { workbookPath = main.target }
        }
        guard let workbook = try zip.read(workbookPath) else {
            throw XlsxError(
                "is a zip file but not an .xlsx workbook (it has no \(workbookPath)); save it from Excel or WPS as .xlsx",
                zh: "是 zip 文件但不是 .xlsx 工作簿 (缺少 \(workbookPath)); 请在 Excel 或 WPS 中另存为 .xlsx")
        }
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relsPath =
            (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        let rels = try zip.read(relsPath).map { data throws(XlsxError) in try Self.relationships(data, part: relsPath, base: folder) } ?? []
        let book = try Self.parse(workbook, part: workbookPath, WorkbookParser())
        date1904 = book.date1904
        var names: [String] = []
        var paths: [String] = []
        for (name, rid) in book.sheets {
            guard let rel = rels.first(where: { $0.id == rid }), rel.type.hasSuffix("/worksheet") else { continue }
            names.append(name)
            paths.append(rel.target)
        }
        sheetNames = names
        sheetPaths = paths
        sharedStringsPath = rels.first { $0.type.hasSuffix("/sharedStrings") }?.target
        stylesPath = rels.first { $0.type.hasSuffix("/styles") }?.target
    }

    /// The sheet called `name` (exactly, else ignoring case and surrounding spaces), or the first sheet.
    public mutating func sheet(named name: String? = nil) throws(XlsxError) -> XlsxGrid {
        guard !sheetNames.isEmpty else { throw XlsxError("the workbook has no worksheets", zh: "工作簿中没有工作表") }
        var index = 0
        if let name {
            let wanted = name.trimmingCharacters(in: .whitespaces)
            guard
                let i = sheetNames.firstIndex(of: wanted)
                    ?? sheetNames.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted.lowercased() })
            else {
                let list = sheetNames.map { "\"\($0)\"" }.joined(separator: ", ")
                throw XlsxError("has no sheet \"\(wanted)\"; its sheets are \(list)", zh: "没有名为 “\(wanted)” 的工作表; 现有工作表: \(list)")
            }
            index = i
        }
        let strings =
            try sharedStringsPath.flatMap { p throws(XlsxError) in try zip.read(p).map { ($0, p) } }.map {
                (d, p) throws(XlsxError) in try Self.parse(d, part: p, SharedStringsParser()).strings
            } ?? []
        let styles = try stylesPath.flatMap { p throws(XlsxError) in try zip.read(p).map { ($0, p) } }.map {
            (d, p) throws(XlsxError) in try Self.parse(d, part: p, StylesParser())
        }
        let path = sheetPaths[index]
        guard let data = try zip.read(path) else {
            throw XlsxError(
                "sheet \"\(sheetNames[index])\" is missing from the workbook (\(path)); save the workbook again",
                zh: "工作簿中缺少工作表 “\(sheetNames[index])” (\(path)); 请重新保存工作簿")
        }
        let parser = SheetParser(
            strings: strings, dateStyles: styles?.dateStyles ?? [], percentStyles: styles?.percentStyles ?? [], date1904: date1904,
            limits: zip.limits)
        let done = try Self.parse(data, part: path, parser)
        if let (row, column) = done.wide {
            let ref = Self.columnName(column) + String(row)
            throw XlsxError(
                "sheet \"\(sheetNames[index])\" has data in cell \(ref); Bidbench reads at most \(zip.limits.columns) columns (A–\(Self.columnName(zip.limits.columns - 1))) (delete the stray cells)",
                zh:
                    "工作表 “\(sheetNames[index])” 的单元格 \(ref) 有数据; Bidbench 最多读取 \(zip.limits.columns) 列 (A–\(Self.columnName(zip.limits.columns - 1))) (请删除多余的单元格)"
            )
        }
        if let row = done.overLimit {
            throw XlsxError(
                "sheet \"\(sheetNames[index])\" has data in row \(row); Bidbench reads at most \(zip.limits.rows) rows a sheet (delete the stray cells or split the sheet)",
                zh: "工作表 “\(sheetNames[index])” 的第 \(row) 行有数据; Bidbench 每个工作表最多读取 \(zip.limits.rows) 行 (请删除多余的单元格或拆分工作表)")
        }
        return done.grid(name: sheetNames[index])
    }

    // MARK: - Parts

    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    static func relationships(_ data: Data, part: String, base: String) throws(XlsxError) -> [Relationship] {
        try parse(data, part: part, RelationshipsParser()).items.map { id, type, target in
            Relationship(id: id, type: type, target: resolve(target, base: base))
        }
    }

    /// A relationship target as a path inside the zip: absolute (`/xl/…`) or relative to `base` (`worksheets/…`, `../x`).
    static func resolve(_ target: String, base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for p in target.split(separator: "/") {
            if p == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if p != "." {
                parts.append(p)
            }
        }
        return parts.joined(separator: "/")
    }

    static func parse<P: PartParser>(_ data: Data, part: String, _ delegate: P) throws(XlsxError) -> P {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if delegate.stopped { return delegate }
        guard ok else {
            let why = parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed XML"
            throw XlsxError(
                "part \(part) is not valid XML at line \(parser.lineNumber) (\(why)); open the workbook in Excel or WPS and save it again",
                zh: "部件 \(part) 第 \(parser.lineNumber) 行不是有效的 XML (\(why)); 请在 Excel 或 WPS 中打开并重新保存")
        }
        return delegate
    }

    /// `B12` → (row 12, column index 1); nil for anything else.
    static func cellRef(_ ref: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        for u in ref.utf8 {
            switch u {
            case 65...90 where row == 0:
                column = column * 26 + Int(u - 64)
                letters += 1
            case 97...122 where row == 0:
                column = column * 26 + Int(u - 96)
                letters += 1
            case 48...57 where letters > 0: row = row * 10 + Int(u - 48)
            case 36: continue  // $A$1
            default: return nil
            }
            if letters > 3 || row > 10_000_000 { return nil }
        }
        guard letters > 0, row > 0 else { return nil }
        return (row, column - 1)
    }

    /// Column index 0 → `A`, 27 → `AB`.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// Excel's escape for characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` an underscore.
    static func unescapeX(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.range(of: "_x") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let v = UInt32(hex, radix: 16), let u = UnicodeScalar(v) {
                out.unicodeScalars.append(u)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    /// A fraction as the percentage a `0%` format shows, exactly (`0.9` → `90%`, `0.0575` → `5.75%`);
    /// nil when it is no number.
    static func percentText(_ raw: String) -> String? {
        guard let d = Decimal(string: numberText(raw)), Double(raw)?.isFinite == true else { return nil }
        return "\(d * 100)%"
    }

    /// A number's text as typed: integers without `.0`, decimals without exponent, at most 15 significant digits.
    static func numberText(_ raw: String) -> String {
        let t = raw.trimmingCharacters(in: .whitespaces)
        guard let x = Double(t), x.isFinite else { return t }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        let digits = t.filter(\.isNumber).drop { $0 == "0" }.count
        if !t.contains("e") && !t.contains("E") && digits <= 15 { return t.hasPrefix("+") ? String(t.dropFirst()) : t }
        let short = String(format: "%.15g", x)
        guard let d = Decimal(string: short) else { return short }
        return "\(d)"
    }

    /// A serial date as an ISO day: 1900 system (with Lotus's phantom 1900-02-29 at 60) or 1904 system.
    static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        let base: Day
        var offset = whole
        if date1904 {
            base = Day(year: 1904, month: 1, day: 1)
        } else {
            if whole == 60 { return nil }  // 1900-02-29 does not exist
            base = Day(year: 1899, month: 12, day: 31)
            if whole > 60 { offset -= 1 }
            if whole == 0 { return nil }
        }
        return base.adding(days: offset)
    }
}

// MARK: - XML parsers

/// A delegate for one part. The XMLParserDelegate methods live here and call `start`, `end` and
/// `text`, which the parsers override: on Linux the protocol's methods have default implementations
/// in an extension, so a subclass's own delegate methods would never be called.
class PartParser: NSObject, XMLParserDelegate {
    var stopped = false

    func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {}
    func end(_ parser: XMLParser, _ name: Substring) {}
    func text(_ string: String) {}

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        start(parser, local(name), attributes)
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        end(parser, local(name))
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }
}

final class RelationshipsParser: PartParser {
    var items: [(String, String, String)] = []
    override func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {
        guard name == "Relationship" else { return }
        if attributes["TargetMode"] == "External" { return }
        items.append((attributes["Id"] ?? "", attributes["Type"] ?? "", attributes["Target"] ?? ""))
    }
}

final class WorkbookParser: PartParser {
    var sheets: [(String, String)] = []
    var date1904 = false
    override func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "workbookPr":
            let v = attributes["date1904"] ?? "0"
            date1904 = v == "1" || v == "true"
        case "sheet":
            let rid = attributes.first { $0.key == "r:id" || $0.key.hasSuffix(":id") }?.value ?? ""
            sheets.append((attributes["name"] ?? "", rid))
        default: break
        }
    }
}

final class SharedStringsParser: PartParser {
    var strings: [String] = []
    var current = ""
    var inT = false
    var phonetic = 0
    override func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inT = true
        case "rPh": phonetic += 1
        default: break
        }
    }
    override func end(_ parser: XMLParser, _ name: Substring) {
        switch name {
        case "si": strings.append(XlsxReader.unescapeX(current))
        case "t": inT = false
        case "rPh": phonetic -= 1
        default: break
        }
    }
    override func text(_ string: String) {
        if inT && phonetic == 0 { current += string }
    }
}

final class StylesParser: PartParser {
    var customDate: [Int: Bool] = [:]
    var customPercent: [Int: Bool] = [:]
    var inCellXfs = false
    var dateStyles: [Bool] = []
    /// Styles that show a number as a percentage (`0%`, `0.00%`): the cell holds the fraction.
    var percentStyles: [Bool] = []
    override func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = Int(attributes["numFmtId"] ?? "") {
                customDate[id] = Self.isDateFormat(attributes["formatCode"] ?? "")
                customPercent[id] = Self.isPercentFormat(attributes["formatCode"] ?? "")
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            let id = Int(attributes["numFmtId"] ?? "0") ?? 0
            dateStyles.append(customDate[id] ?? Self.builtinDate(id))
            percentStyles.append(customPercent[id] ?? (id == 9 || id == 10))
        default: break
        }
    }

    /// A custom format shows a percentage when it has `%` outside quotes and escapes.
    static func isPercentFormat(_ code: String) -> Bool {
        var inQuote = false
        var escaped = false
        for ch in code {
            if escaped {
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "\"" {
                inQuote.toggle()
            } else if ch == "%" && !inQuote {
                return true
            }
        }
        return false
    }
    override func end(_ parser: XMLParser, _ name: Substring) {
        if name == "cellXfs" { inCellXfs = false }
    }

    /// Built-in date and time formats (ECMA-376 §18.8.30, and the Chinese/Japanese ones 27–36, 50–58).
    static func builtinDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// A custom format shows a date when it has y, m, d (or 年/月/日) outside quotes, brackets and escapes.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var escaped = false
        for ch in code {
            if escaped {
                escaped = false
                continue
            }
            if ch == "\\" {
                escaped = true
                continue
            }
            if ch == "\"" {
                inQuote.toggle()
                continue
            }
            if inQuote { continue }
            if ch == "[" { inBracket = true }
            if ch == "]" { inBracket = false }
            if inBracket { continue }
            switch ch {
            case "y", "Y", "d", "D": return true
            case "m", "M":
                // m alone could be minutes; with h or s it is a time, which is not a day.
                let lower = code.lowercased()
                if !lower.contains("h") && !lower.contains("s") { return true }
            default: break
            }
        }
        return false
    }
}

/// Streams a worksheet: only cell values are kept, as text.
final class SheetParser: PartParser {
    let strings: [String]
    let dateStyles: [Bool]
    let percentStyles: [Bool]
    let date1904: Bool
    let limits: XlsxLimits
    var cells: [Int: [Int: String]] = [:]
    var formulas: [String] = []
    var bad: [(ref: String, message: String, zh: String)] = []
    var merges: [(Int, Int, Int, Int)] = []
    var overLimit: Int?
    var wide: (Int, Int)?

    var row = 0
    var column = -1
    var type = ""
    var style = 0
    var value = ""
    var inline = ""
    var hasFormula = false
    var hasValue = false
    var text: TextTarget = .none
    enum TextTarget { case none, value, inline, formula }

    init(strings: [String], dateStyles: [Bool], percentStyles: [Bool] = [], date1904: Bool, limits: XlsxLimits) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.percentStyles = percentStyles
        self.date1904 = date1904
        self.limits = limits
    }

    override func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "row":
            row = Int(attributes["r"] ?? "") ?? row + 1
            column = -1
        case "c":
            if let r = attributes["r"], let ref = XlsxReader.cellRef(r) {
                row = ref.row
                column = ref.column
            } else {
                column += 1
            }
            type = attributes["t"] ?? "n"
            style = Int(attributes["s"] ?? "0") ?? 0
            value = ""
            inline = ""
            hasFormula = false
            hasValue = false
        case "v":
            text = .value
            hasValue = true
        case "f":
            text = .formula
            hasFormula = true
        case "t": if type == "inlineStr" { text = .inline }
        case "rPh": text = .none
        case "mergeCell":
            let parts = (attributes["ref"] ?? "").split(separator: ":").map(String.init)
            if parts.count == 2, let a = XlsxReader.cellRef(parts[0]), let b = XlsxReader.cellRef(parts[1]) {
                merges.append((min(a.row, b.row), min(a.column, b.column), max(a.row, b.row), max(a.column, b.column)))
            }
        default: break
        }
    }

    override func text(_ string: String) {
        switch text {
        case .value: value += string
        case .inline: inline += string
        case .none, .formula: break
        }
    }

    override func end(_ parser: XMLParser, _ name: Substring) {
        switch name {
        case "v", "t", "f": text = .none
        case "c": finishCell(parser)
        default: break
        }
    }

    func finishCell(_ parser: XMLParser) {
        guard column >= 0 else { return }
        let ref = XlsxReader.columnName(column) + String(row)
        var out: String
        switch type {
        case "s":
            guard let i = Int(value.trimmingCharacters(in: .whitespaces)), i >= 0, i < strings.count else {
                if hasValue {
                    bad.append((ref, "refers to shared string \(value), which the workbook does not have", "引用了不存在的共享字符串 \(value)"))
                }
                return
            }
            out = strings[i]
        case "inlineStr": out = XlsxReader.unescapeX(inline)
        case "str": out = XlsxReader.unescapeX(value)
        case "b": out = value.trimmingCharacters(in: .whitespaces) == "1" ? "true" : "false"
        case "e":
            bad.append((ref, "holds the error value \(value); fix the cell in the workbook", "是错误值 \(value); 请在工作簿中改正"))
            return
        case "d": out = String(value.prefix(10))
        default:
            guard hasValue, !value.isEmpty else {
                if hasFormula {
                    bad.append(
                        (
                            ref, "is a formula without a saved value; open the workbook in Excel or WPS, let it calculate, and save it",
                            "是没有保存计算结果的公式; 请在 Excel 或 WPS 中打开、计算并保存"
                        ))
                }
                return
            }
            if style < dateStyles.count, dateStyles[style], let x = Double(value), let d = XlsxReader.day(serial: x, date1904: date1904) {
                out = d.description
            } else if style < percentStyles.count, percentStyles[style], let p = XlsxReader.percentText(value) {
                // What the sheet shows (`90%` for 0.9): read as a percentage, not as 0.9 % (a finance pass).
                out = p
            } else {
                out = XlsxReader.numberText(value)
            }
        }
        if hasFormula && (hasValue || type == "inlineStr") { formulas.append(ref) }
        if out.isEmpty { return }
        if row > limits.rows || column >= limits.columns {
            if row > limits.rows { overLimit = row } else { wide = (row, column) }
            stopped = true
            parser.abortParsing()
            return
        }
        cells[row, default: [:]][column] = out
    }

    func grid(name: String) -> XlsxGrid {
        var cells = self.cells
        var budget = limits.mergedCells
        // Merged ranges fill only the rows and columns that are read (bounded like the cells themselves).
        for (r0, c0, r1, c1) in merges where r0 <= limits.rows && c0 < limits.columns {
            let (r1, c1) = (min(r1, limits.rows), min(c1, limits.columns - 1))
            let area = (r1 - r0 + 1) * (c1 - c0 + 1)
            guard area <= budget, let v = cells[r0]?[c0] else { continue }
            budget -= area
            for r in r0...r1 { for c in c0...c1 where cells[r]?[c] == nil { cells[r, default: [:]][c] = v } }
        }
        let rows = cells.keys.sorted().map { r -> XlsxGrid.Row in
            let line = cells[r]!
            let width = (line.keys.max() ?? -1) + 1
            return XlsxGrid.Row(number: r, cells: (0..<width).map { line[$0] ?? "" })
        }
        return XlsxGrid(sheet: name, rows: rows, formulas: formulas, bad: bad)
    }
}

/// The local name of a possibly prefixed element (`x:row` → `row`).
private func local(_ name: String) -> Substring {
    if let i = name.lastIndex(of: ":") { return name[name.index(after: i)...] }
    return Substring(name)
}
