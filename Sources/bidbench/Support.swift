#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum FileHandleBridge {
    /// Writes straight to file descriptor 2 (C's `stderr` global is not concurrency-safe in Swift 6).
    static func writeStderr(_ s: String) {
        let bytes = Array(s.utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            off += n
        }
    }
}
