import BidbenchCore
import Foundation

/// How an import tells a workbook from a CSV file and reads its sheet.
enum XlsxImport {
    /// A zip file (`PK\3\4`), or a file named `.xlsx`/`.xlsm` (which is refused clearly when it is not a zip).
    static func isWorkbook(_ bytes: [UInt8], name: String) -> Bool {
        let lower = name.lowercased()
        return bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm")
    }

    /// The old binary Excel format (`.xls`, an OLE compound file) is refused with what to do.
    static func oldFormat(_ bytes: [UInt8], name: String) -> Problem? {
        guard bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) else { return nil }
        return Problem(
            file: TextTools.visible(name), line: 0,
            message: "is an old Excel 97–2003 (.xls) workbook; save it as .xlsx (Excel Workbook) or CSV UTF-8 and import that",
            messageZH: "是旧版 Excel 97–2003 (.xls) 工作簿; 请另存为 .xlsx (Excel 工作簿) 或 CSV UTF-8 后再导入")
    }

    /// The sheet (by name, else the first) of the workbook, or nil after logging why not.
    static func grid(_ bytes: [UInt8], name: String, sheet: String?, log: ProblemLog) -> XlsxGrid? {
        do {
            var reader = try XlsxReader(data: Data(bytes))
            return try reader.sheet(named: sheet)
        } catch {
            log.add(name, 0, nil, error.message, zh: error.messageZH)
            return nil
        }
    }

    /// A sheet name as a reference: `Sheet1`, or `'My sheet'` when it has spaces or punctuation.
    static func quoted(_ sheet: String) -> String {
        let plain = sheet.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "." }
        return plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
