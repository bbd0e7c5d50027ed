import Foundation

/// Why a workbook could not be read, in English and Chinese. `part` names the place inside the
/// workbook (`xl/worksheets/sheet1.xml`) or is empty when the whole file is at fault.
public struct XlsxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var messageZH: String
    public init(_ message: String, zh: String) {
        self.message = message
        self.messageZH = zh
    }
    public var description: String { message }
}

/// Limits that keep a hostile or broken workbook from eating the machine (a "zip bomb" expands a few
/// kilobytes into gigabytes). They are far above any real survey or price sheet.
public struct XlsxLimits: Sendable {
    /// Uncompressed bytes of all the parts read together.
    public var totalBytes: Int = 256 << 20
    /// The largest expansion of one part (uncompressed ÷ compressed) once it is above `ratioFloor` bytes.
    public var ratio: Int = 200
    public var ratioFloor: Int = 1 << 20
    /// Rows with data in one sheet (Excel's maximum is 1 048 576).
    public var rows: Int = 200_000
    /// Columns with data in one sheet (Excel's maximum is 16 384, column XFD); rows are padded to their
    /// last cell, so a stray cell far to the right would otherwise cost memory in every row.
    public var columns: Int = 1_024
    /// Cells that merged ranges may fill in one sheet.
    public var mergedCells: Int = 1_000_000
    public init() {}
}

/// The parts of a zip file, read with bounds: every part's declared size is checked before it is
/// inflated, and the bytes actually inflated are counted, so a part that lies about its size stops too.
struct XlsxZip {
    let bytes: [UInt8]
    let entries: [String: ZipFile.Entry]
    let limits: XlsxLimits
    private(set) var used = 0

    init(data: Data, limits: XlsxLimits) throws(XlsxError) {
        let notZip = XlsxError(
            "is not an .xlsx workbook (not a zip archive); save it from Excel or WPS as \"Excel Workbook (*.xlsx)\", or import a CSV",
            zh: "不是 .xlsx 工作簿 (不是 zip 压缩包); 请在 Excel 或 WPS 中另存为 “Excel 工作簿 (*.xlsx)”, 或导入 CSV")
        guard data.count >= 4, data.prefix(2) == Data("PK".utf8) else { throw notZip }
        bytes = [UInt8](data)
        guard let list = ZipFile.entries(bytes) else { throw notZip }
        entries = Dictionary(list.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.limits = limits
        var declared = 0
        for entry in list {
            declared += entry.size
            let packed = max(entry.compressedSize, 1)
            if entry.size > limits.ratioFloor, entry.size / packed > limits.ratio {
                throw Self.bomb(entry.name, entry.size, entry.compressedSize)
            }
        }
        if declared > limits.totalBytes {
            throw XlsxError(
                "expands to \(declared) bytes, more than the \(limits.totalBytes) bytes Bidbench reads from a workbook; refused (a zip bomb, or split the workbook)",
                zh: "解压后有 \(declared) 字节, 超过 Bidbench 读取工作簿的上限 \(limits.totalBytes) 字节; 已拒绝 (可能是 zip 炸弹, 或请拆分工作簿)")
        }
    }

    static func bomb(_ path: String, _ size: Int, _ packed: Int) -> XlsxError {
        XlsxError(
            "part \(path) expands from \(packed) to \(size) bytes (more than 200 times); refused as a possible zip bomb",
            zh: "部件 \(path) 从 \(packed) 字节解压为 \(size) 字节 (超过 200 倍); 疑似 zip 炸弹, 已拒绝")
    }

    func has(_ path: String) -> Bool { entries[path] != nil }

    /// The bytes of the part at `path`, or nil when there is none. The declared sizes were checked
    /// against the limits at open; inflating stops at the declared size, so a part that lies stops too.
    mutating func read(_ path: String) throws(XlsxError) -> Data? {
        guard let entry = entries[path] else { return nil }
        if used + entry.size > limits.totalBytes { throw Self.bomb(path, entry.size, max(entry.compressedSize, 1)) }
        do {
            let out = try ZipFile.read(entry, in: bytes)
            used += out.count
            return Data(out)
        } catch {
            switch error {
            case .largerThanDeclared:
                throw XlsxError(
                    "part \(path) inflates to more than the \(entry.size) bytes its zip header declares; refused as damaged or hostile (a zip bomb hides this way)",
                    zh: "部件 \(path) 解压后超过 zip 头中声明的 \(entry.size) 字节; 文件已损坏或有恶意 (zip 炸弹常这样隐藏), 已拒绝")
            case .damaged(let why):
                throw XlsxError(
                    "part \(path) is damaged (\(why)); open the workbook in Excel or WPS and save it again",
                    zh: "部件 \(path) 已损坏 (\(why)); 请在 Excel 或 WPS 中打开并重新保存")
            }
        }
    }
}
