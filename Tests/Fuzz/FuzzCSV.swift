import BidbenchStore

/// libFuzzer entry: any bytes, as text, through the CSV reader and back through the writer.
/// A parse that succeeds must print and re-read to the same records (less blank ones).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let records = try? CSV.parse(text) else { return 0 }
    let rows = records.map(\.fields)
    let again = (try? CSV.parse(CSV.write(rows)))?.map(\.fields)
    // A record of one empty field is written as a blank line, which the reader skips.
    precondition(again == rows.filter { $0 != [""] }, "CSV round trip changed the records")
    return 0
}
