import BidbenchCore

/// libFuzzer entry: any bytes, as text, through the contract scanner (clauses, key terms, red flags, dates).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContracts(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = ContractScanner.scan(text)
    return 0
}
