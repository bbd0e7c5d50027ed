import BidbenchCore
import Foundation

/// A cell of a sheet to write.
public enum XlsxCell: Equatable, Sendable {
    case empty
    case text(String)
    /// A bold header cell (the first row of a table).
    case header(String)
    /// A number shown as it is (`General`).
    case number(Double)
    /// A number given as exact decimal text (`1286000.50`), written as it is.
    case decimal(String)
    /// An amount of money: shown with two decimals and thousands separators (`#,##0.00`), stored exactly.
    case money(Money)
    /// A weight or normalised score: shown with four decimals.
    case fraction(Double)
    case bool(Bool)
    /// A date, stored as a serial number (1900 system) with the format `yyyy-mm-dd`.
    case day(Day)
    /// A formula (without `=`) and the value Bidbench computed, stored as its cached value so that
    /// a reader that does not calculate (or a viewer) shows the same number. `style` is how it shows.
    case formula(String, cached: Double, style: NumberStyle)
    /// Wrapped text (long instructions).
    case note(String)

    public enum NumberStyle: Sendable, Equatable { case general, money, fraction }
}

/// A drop-down list on a range of cells (data validation of type `list`).
public struct XlsxValidation: Equatable, Sendable {
    /// The cells it applies to, like `E2:E500`.
    public var range: String
    /// The allowed values. They are written to a hidden sheet and referenced, so the list may be long.
    public var values: [String]
    /// The message shown when something else is typed, in the workbook's language.
    public var error: String
    /// Refuse other values (`stop`), or only warn and let the person keep what they typed.
    public var strict: Bool
    public init(range: String, values: [String], error: String, strict: Bool = true) {
        self.range = range
        self.values = values
        self.error = error
        self.strict = strict
    }
}

/// A sheet to write.
public struct XlsxSheet: Equatable, Sendable {
    public var name: String
    public var rows: [[XlsxCell]]
    /// Keep the first `frozenRows` rows in view when scrolling (1 = the header row).
    public var frozenRows: Int = 1
    /// Widths in characters by column; nil = fitted to the content (Chinese counts double).
    public var widths: [Double]?
    public var validations: [XlsxValidation] = []
    /// Ranges like `A1:D1` shown as one cell.
    public var merges: [String] = []
    public init(
        name: String, rows: [[XlsxCell]], frozenRows: Int = 1, widths: [Double]? = nil, validations: [XlsxValidation] = [],
        merges: [String] = []
    ) {
        self.name = name
        self.rows = rows
        self.frozenRows = frozenRows
        self.widths = widths
        self.validations = validations
        self.merges = merges
    }
}

/// Writes `.xlsx` workbooks (SpreadsheetML) that Excel, WPS and LibreOffice open without a repair
/// prompt: content types, package and workbook relationships, a style sheet with the number formats
/// used, shared strings, one part per sheet with a frozen header row and fitted column widths, and a
/// hidden `lists` sheet holding the values of drop-downs. The output is the same bytes for the same
/// sheets (fixed timestamps), so a test can compare it.
public enum XlsxWriter {
    /// Style indices in `styles.xml`'s cellXfs.
    enum Style: Int {
        case plain = 0
        case header, money, day, fraction, wrap, integer
    }

    public static func write(_ sheets: [XlsxSheet]) -> Data {
        var strings = SharedStrings()
        var parts: [(String, Data)] = []
        var visible = sheets.isEmpty ? [XlsxSheet(name: "Sheet1", rows: [])] : sheets
        for k in visible.indices { visible[k].name = sheetName(visible[k].name, taken: visible[..<k].map(\.name)) }
        // Drop-down values go to one hidden sheet, one column per list.
        var lists: [[String]] = []
        var listRefs: [String: String] = [:]
        for s in visible {
            for v in s.validations where listRefs[v.values.joined(separator: "\u{0}")] == nil {
                let col = XlsxReader.columnName(lists.count)
                listRefs[v.values.joined(separator: "\u{0}")] = "lists!$\(col)$1:$\(col)$\(max(v.values.count, 1))"
                lists.append(v.values)
            }
        }
        var all = visible
        if !lists.isEmpty {
            let height = lists.map(\.count).max() ?? 0
            let rows = (0..<height).map { r in lists.map { r < $0.count ? XlsxCell.text($0[r]) : .empty } }
            all.append(XlsxSheet(name: "lists", rows: rows, frozenRows: 0))
        }
        for (k, s) in all.enumerated() {
            parts.append(("xl/worksheets/sheet\(k + 1).xml", Data(sheetXML(s, first: k == 0, strings: &strings, listRefs: listRefs).utf8)))
        }
        var workbook = xmlHead + "<workbook \(mainNS) \(relNS)><workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (k, s) in all.enumerated() {
            let hidden = k >= visible.count ? " state=\"hidden\"" : ""
            workbook += "<sheet name=\"\(escape(s.name))\" sheetId=\"\(k + 1)\"\(hidden) r:id=\"rId\(k + 1)\"/>"
        }
        workbook += "</sheets></workbook>"
        var rels = xmlHead + "<Relationships xmlns=\"\(pkgRelNS)\">"
        for k in all.indices {
            rels += "<Relationship Id=\"rId\(k + 1)\" Type=\"\(docRel)/worksheet\" Target=\"worksheets/sheet\(k + 1).xml\"/>"
        }
        rels += "<Relationship Id=\"rId\(all.count + 1)\" Type=\"\(docRel)/styles\" Target=\"styles.xml\"/>"
        rels += "<Relationship Id=\"rId\(all.count + 2)\" Type=\"\(docRel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        rels += "</Relationships>"
        var types = xmlHead + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        types += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(sml).sheet.main+xml\"/>"
        for k in all.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(k + 1).xml\" ContentType=\"\(sml).worksheet+xml\"/>"
        }
        types += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(sml).styles+xml\"/>"
        types += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(sml).sharedStrings+xml\"/>"
        types += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        types +=
            "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        types += "</Types>"
        let rootRels =
            xmlHead + "<Relationships xmlns=\"\(pkgRelNS)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(docRel)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(docRel)/extended-properties\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>"
        let core =
            xmlHead
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>Bidbench</dc:creator></cp:coreProperties>"
        let app =
            xmlHead
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Bidbench</Application></Properties>"
        var files: [(String, Data)] = [
            ("[Content_Types].xml", Data(types.utf8)), ("_rels/.rels", Data(rootRels.utf8)),
            ("docProps/core.xml", Data(core.utf8)), ("docProps/app.xml", Data(app.utf8)),
            ("xl/workbook.xml", Data(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Data(rels.utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
        ]
        files += parts
        files.append(("xl/sharedStrings.xml", Data(strings.xml.utf8)))
        return zip(files)
    }

    /// The files in a zip archive, deflated, with a fixed date.
    static func zip(_ files: [(String, Data)]) -> Data { ZipFile.write(files) }

    // MARK: - Sheets

    static func sheetXML(_ s: XlsxSheet, first: Bool, strings: inout SharedStrings, listRefs: [String: String]) -> String {
        let width = s.rows.map(\.count).max() ?? 0
        var out = xmlHead + "<worksheet \(mainNS) \(relNS)>"
        if width > 0 && !s.rows.isEmpty {
            out += "<dimension ref=\"A1:\(XlsxReader.columnName(width - 1))\(s.rows.count)\"/>"
        }
        out += "<sheetViews><sheetView workbookViewId=\"0\"\(first ? " tabSelected=\"1\"" : "")>"
        if s.frozenRows > 0 && s.rows.count > s.frozenRows {
            let top = "A\(s.frozenRows + 1)"
            out += "<pane ySplit=\"\(s.frozenRows)\" topLeftCell=\"\(top)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            out += "<selection pane=\"bottomLeft\" activeCell=\"\(top)\" sqref=\"\(top)\"/>"
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        let widths = s.widths ?? fittedWidths(s.rows, width: width)
        if !widths.isEmpty {
            out += "<cols>"
            for (k, w) in widths.enumerated() {
                out += "<col min=\"\(k + 1)\" max=\"\(k + 1)\" width=\"\(String(format: "%.1f", w))\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (r, row) in s.rows.enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                out += cellXML(cell, ref: XlsxReader.columnName(c) + String(r + 1), strings: &strings)
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if !s.merges.isEmpty {
            out += "<mergeCells count=\"\(s.merges.count)\">" + s.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        if !s.validations.isEmpty {
            out += "<dataValidations count=\"\(s.validations.count)\">"
            for v in s.validations {
                let ref = listRefs[v.values.joined(separator: "\u{0}")] ?? ""
                out +=
                    "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" errorStyle=\"\(v.strict ? "stop" : "warning")\" "
                    + "error=\"\(escape(String(v.error.prefix(225))))\" sqref=\"\(v.range)\"><formula1>\(ref)</formula1></dataValidation>"
            }
            out += "</dataValidations>"
        }
        out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
        return out
    }

    static func cellXML(_ cell: XlsxCell, ref: String, strings: inout SharedStrings) -> String {
        func s(_ style: Style) -> String { style == .plain ? "" : " s=\"\(style.rawValue)\"" }
        switch cell {
        case .empty: return ""
        case .text(let t): return "<c r=\"\(ref)\" t=\"s\"><v>\(strings.index(t))</v></c>"
        case .header(let t): return "<c r=\"\(ref)\"\(s(.header)) t=\"s\"><v>\(strings.index(t))</v></c>"
        case .note(let t): return "<c r=\"\(ref)\"\(s(.wrap)) t=\"s\"><v>\(strings.index(t))</v></c>"
        case .number(let x): return "<c r=\"\(ref)\"><v>\(number(x))</v></c>"
        case .decimal(let t): return "<c r=\"\(ref)\"><v>\(escape(t))</v></c>"
        case .money(let m): return "<c r=\"\(ref)\"\(s(.money))><v>\(m.description)</v></c>"
        case .fraction(let x): return "<c r=\"\(ref)\"\(s(.fraction))><v>\(number(x))</v></c>"
        case .bool(let b): return "<c r=\"\(ref)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>"
        case .day(let d): return "<c r=\"\(ref)\"\(s(.day))><v>\(serial(d))</v></c>"
        case .formula(let f, let cached, let style):
            let st: Style = style == .money ? .money : style == .fraction ? .fraction : .plain
            return "<c r=\"\(ref)\"\(s(st))><f>\(escape(f))</f><v>\(number(cached))</v></c>"
        }
    }

    /// The 1900-system serial number of a day (counting Lotus's phantom 1900-02-29, as Excel does).
    public static func serial(_ d: Day) -> Int {
        let n = Day(year: 1899, month: 12, day: 31).days(until: d)
        return n >= 60 ? n + 1 : n
    }

    /// The shortest text that reads back as `x` (`1`, `0.35`), never an exponent Excel cannot read.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// Column widths that fit the longest cell (Chinese and other wide characters count double), 8…60.
    static func fittedWidths(_ rows: [[XlsxCell]], width: Int) -> [Double] {
        var w = [Double](repeating: 8, count: width)
        for row in rows {
            for (c, cell) in row.enumerated() {
                let n: Int
                switch cell {
                case .text(let t), .header(let t): n = t.split(separator: "\n").map { TextWidth.of(String($0)) }.max() ?? 0
                case .note: n = 0
                case .money(let m): n = m.grouped().count + 2
                case .number, .fraction, .decimal, .formula: n = 12
                case .day: n = 10
                case .bool, .empty: n = 5
                }
                w[c] = min(60, max(w[c], Double(n) + 2))
            }
        }
        return w
    }

    /// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique (case-insensitive), not blank.
    static func sheetName(_ name: String, taken: [String]) -> String {
        var s = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31)).trimmingCharacters(in: .whitespaces)
        if s.isEmpty || s.hasPrefix("'") { s = "Sheet" + s }
        let lower = Set(taken.map { $0.lowercased() })
        var candidate = s
        var n = 2
        while lower.contains(candidate.lowercased()) || candidate.lowercased() == "lists" {
            candidate = String(s.prefix(27)) + " (\(n))"
            n += 1
        }
        return candidate
    }

    /// Text as XML character data: `& < > "` escaped, characters XML cannot hold as `_xHHHH_` (Excel's escape).
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || (0xFFFE...0xFFFF).contains(u.value) {
                    out += "_x" + String(format: "%04X", u.value) + "_"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    struct SharedStrings {
        var index: [String: Int] = [:]
        var list: [String] = []
        var count = 0
        mutating func index(_ s: String) -> Int {
            count += 1
            if let i = index[s] { return i }
            index[s] = list.count
            list.append(s)
            return list.count - 1
        }
        var xml: String {
            var out = xmlHead + "<sst \(mainNS) count=\"\(count)\" uniqueCount=\"\(list.count)\">"
            for s in list {
                let space = s.first?.isWhitespace == true || s.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
                // A literal `_x0041_` in the text must not read back as an escape: its underscore is escaped.
                let guarded = s.contains("_x") ? s.replacingOccurrences(of: "_x", with: "_x005F_x") : s
                out += "<si><t\(space)>\(escape(guarded))</t></si>"
            }
            return out + "</sst>"
        }
    }

    static let xmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNS = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    static let relNS = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    static let pkgRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let docRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let sml = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    static let styles =
        xmlHead + "<styleSheet \(mainNS)>"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/><numFmt numFmtId=\"165\" formatCode=\"0.0000\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"7\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
        + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
        + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}
