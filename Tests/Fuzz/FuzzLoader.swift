import BidbenchStore
import Foundation

/// The files a fuzz input may replace: the first byte picks one, the rest is its content.
let fuzzTargets = [
    "requirements.csv", "vendors.csv", "criteria.csv", "contracts.csv", "payments.csv",
    "scores/fuzz.csv", "ahp/top.csv", "workspace.json",
]

/// One empty workspace per fuzz process; each input replaces one file, loads, and puts it back.
let fuzzFolder: String = {
    let folder = NSTemporaryDirectory() + "bidbench-fuzz-loader-\(getpid())"
    try? FileManager.default.removeItem(atPath: folder)
    try! WorkspaceStore.initialize(folder: folder, name: "fuzz", language: "en")
    return folder
}()
let fuzzOriginals: [String: Data?] = Dictionary(
    uniqueKeysWithValues: fuzzTargets.map {
        ($0, FileManager.default.contents(atPath: fuzzFolder + "/" + $0))
    })

/// libFuzzer entry: bytes written into a workspace file, then `WorkspaceStore.load`. A load may
/// report problems but must not crash, throw for content, or report a problem without a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let target = fuzzTargets[Int(data[0]) % fuzzTargets.count]
    let path = fuzzFolder + "/" + target
    try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes: data + 1, count: size - 1))
    defer {
        if let original = fuzzOriginals[target] ?? nil {
            _ = FileManager.default.createFile(atPath: path, contents: original)
        } else {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
    let loaded: LoadedWorkspace
    do { loaded = try WorkspaceStore.load(folder: fuzzFolder) } catch { preconditionFailure("load threw for content: \(error)") }
    for p in loaded.problems { precondition(!p.message.isEmpty, "a problem without a message: \(p)") }
    return 0
}
