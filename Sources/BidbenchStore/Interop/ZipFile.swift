import CZlib
import Foundation

/// The zip container of an .xlsx workbook, read and written by Bidbench itself over the system zlib:
/// stored and deflated parts, no ZIP64 (a workbook of that size is refused long before), UTF-8 names.
enum ZipFile {
    struct Entry {
        var name: String
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var headerOffset: Int
    }

    /// The entries of the central directory, or nil when `bytes` is not a zip archive this reader takes.
    static func entries(_ bytes: [UInt8]) -> [Entry]? {
        let n = bytes.count
        guard n >= 22 else { return nil }
        var end = -1
        var i = n - 22
        while i >= max(0, n - 22 - 65_535) {
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06 {
                end = i
                break
            }
            i -= 1
        }
        guard end >= 0 else { return nil }
        let count = Int(u16(bytes, end + 10))
        var p = Int(u32(bytes, end + 16))
        guard p < end else { return nil }  // also refuses ZIP64's 0xFFFFFFFF
        var out: [Entry] = []
        for _ in 0..<count {
            guard p + 46 <= end, u32(bytes, p) == 0x0201_4B50 else { return nil }
            let nameLength = Int(u16(bytes, p + 28))
            let skip = nameLength + Int(u16(bytes, p + 30)) + Int(u16(bytes, p + 32))
            guard p + 46 + skip <= end else { return nil }
            out.append(
                Entry(
                    name: String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self), method: u16(bytes, p + 10),
                    crc: u32(bytes, p + 16), compressedSize: Int(u32(bytes, p + 20)), size: Int(u32(bytes, p + 24)),
                    headerOffset: Int(u32(bytes, p + 42))))
            p += 46 + skip
        }
        return out
    }

    enum ReadError: Error {
        /// The stream or its headers are damaged; the text says how.
        case damaged(String)
        /// The part inflates to more than its declared size.
        case largerThanDeclared
    }

    /// The bytes of one part, inflated to at most its declared size and checked against its CRC.
    static func read(_ e: Entry, in bytes: [UInt8]) throws(ReadError) -> [UInt8] {
        let h = e.headerOffset
        guard h + 30 <= bytes.count, u32(bytes, h) == 0x0403_4B50 else { throw .damaged("no local header") }
        let start = h + 30 + Int(u16(bytes, h + 26)) + Int(u16(bytes, h + 28))
        guard start + e.compressedSize <= bytes.count else { throw .damaged("the data runs past the end of the file") }
        var out: [UInt8]
        switch e.method {
        case 0:
            guard e.compressedSize == e.size else { throw .largerThanDeclared }
            out = Array(bytes[start..<(start + e.size)])
        case 8:
            out = [UInt8](repeating: 0, count: e.size + 1)
            let n = bytes.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    bidbench_inflate_raw(src.baseAddress! + start, UInt(e.compressedSize), dst.baseAddress!, UInt(e.size + 1))
                }
            }
            if n == -2 || n > e.size { throw .largerThanDeclared }
            guard n == e.size else { throw .damaged(n < 0 ? "the deflate stream is damaged" : "it is shorter than declared") }
            out.removeLast()
        default:
            throw .damaged("compression method \(e.method) is not deflate")
        }
        let crc = out.withUnsafeBufferPointer { UInt32(truncatingIfNeeded: bidbench_crc32($0.baseAddress, UInt($0.count))) }
        guard crc == e.crc else { throw .damaged("CRC mismatch") }
        return out
    }

    /// A zip archive of `files`, deflated, every entry dated 2026-01-01 00:00 so the same parts give the same bytes.
    static func write(_ files: [(String, Data)]) -> Data {
        var out: [UInt8] = []
        var central: [UInt8] = []
        let date: UInt16 = (46 << 9) | (1 << 5) | 1  // 2026-01-01 in MS-DOS form; time 00:00
        for (name, data) in files {
            let raw = [UInt8](data)
            var packed = [UInt8](repeating: 0, count: Int(compressBound(UInt(raw.count))) + 64)
            let n = raw.withUnsafeBufferPointer { src in
                packed.withUnsafeMutableBufferPointer { dst in
                    bidbench_deflate_raw(src.baseAddress, UInt(src.count), dst.baseAddress!, UInt(dst.count))
                }
            }
            precondition(n >= 0, "zlib could not deflate \(name)")  // in memory, with room: a failure is a bug
            packed.removeSubrange(n...)
            let crc = raw.withUnsafeBufferPointer { UInt32(truncatingIfNeeded: bidbench_crc32($0.baseAddress, UInt($0.count))) }
            let nameBytes = Array(name.utf8)
            let offset = out.count
            // Local header, then the data.
            put32(&out, 0x0403_4B50)
            for v: UInt16 in [20, 0x0800, 8, 0, date] { put16(&out, v) }
            for v in [crc, UInt32(n), UInt32(raw.count)] { put32(&out, v) }
            put16(&out, UInt16(nameBytes.count))
            put16(&out, 0)
            out += nameBytes
            out += packed
            // Its central directory record.
            put32(&central, 0x0201_4B50)
            for v: UInt16 in [20, 20, 0x0800, 8, 0, date] { put16(&central, v) }
            for v in [crc, UInt32(n), UInt32(raw.count)] { put32(&central, v) }
            for v: UInt16 in [UInt16(nameBytes.count), 0, 0, 0, 0] { put16(&central, v) }
            put32(&central, 0)
            put32(&central, UInt32(offset))
            central += nameBytes
        }
        let directory = out.count
        out += central
        put32(&out, 0x0605_4B50)
        for v: UInt16 in [0, 0, UInt16(files.count), UInt16(files.count)] { put16(&out, v) }
        put32(&out, UInt32(central.count))
        put32(&out, UInt32(directory))
        put16(&out, 0)
        return Data(out)
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
    private static func put16(_ b: inout [UInt8], _ v: UInt16) { b += [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func put32(_ b: inout [UInt8], _ v: UInt32) {
        put16(&b, UInt16(v & 0xFFFF))
        put16(&b, UInt16(v >> 16))
    }
}
