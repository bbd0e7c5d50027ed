// A stand-in for ZIPFoundation, so the Store compiles with plain `swiftc` for the fuzz harnesses
// (the package builds ZIPFoundation against the system zlib through SwiftPM only). It has the API
// the Store's .xlsx code uses and refuses every archive: the harnesses fuzz the CSV and workspace
// parsers, where a workbook is read as "not a zip".
import Foundation

public struct Entry {
    public enum EntryType { case file, directory, symlink }
    public var path: String
    public var uncompressedSize: UInt64
    public var compressedSize: UInt64
}

public enum CompressionMethod { case none, deflate }

public final class Archive: Sequence {
    public enum AccessMode { case create, update, read }
    public struct Unavailable: Error {}

    public init(data: Data = Data(), accessMode: AccessMode, pathEncoding: String.Encoding? = nil) throws {
        if accessMode == .read { throw Unavailable() }
    }

    public func makeIterator() -> IndexingIterator<[Entry]> { [Entry]().makeIterator() }

    public subscript(path: String) -> Entry? { nil }

    public func extract(
        _ entry: Entry, bufferSize: Int = 16_384, skipCRC32: Bool = false, progress: Progress? = nil, consumer: (Data) throws -> Void
    ) throws -> UInt32 {
        throw Unavailable()
    }

    public func addEntry(
        with path: String, type: Entry.EntryType, uncompressedSize: Int64, modificationDate: Date = Date(), permissions: UInt16? = nil,
        compressionMethod: CompressionMethod = .none, bufferSize: Int = 16_384, progress: Progress? = nil,
        provider: (Int64, Int) throws -> Data
    ) throws {}

    public var data: Data? { Data() }
}
