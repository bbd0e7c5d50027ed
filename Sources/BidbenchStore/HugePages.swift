#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Asks the kernel for 2 MiB pages for a large buffer about to be filled (Linux, where transparent
/// huge pages are commonly on "madvise"): a large workspace's gate answers and file bytes are
/// about 80 MB, and taking them 4 KiB page by page was a tenth of `bidbench report` (one page fault
/// each). Only advice: elsewhere, or when refused, nothing changes.
enum HugePages {
    static let size = 2 << 20

    static func advise(_ start: UnsafeMutableRawPointer?, bytes: Int) {
        #if os(Linux)
            guard let start, let whole = wholePages(start: Int(bitPattern: start), bytes: bytes),
                let p = UnsafeMutableRawPointer(bitPattern: whole.lowerBound)
            else { return }
            _ = madvise(p, whole.count, MADV_HUGEPAGE)
        #endif
    }

    /// The addresses of the whole 2 MiB pages inside a buffer of at least two of them (the advice
    /// covers only those: the buffer's edges may share a page with other memory); nil when none.
    static func wholePages(start: Int, bytes: Int) -> Range<Int>? {
        guard bytes >= 2 * size else { return nil }
        let first = (start + size - 1) & ~(size - 1)
        let end = (start + bytes) & ~(size - 1)
        return end > first ? first..<end : nil
    }

    /// Advises the spare capacity of an array (call right after reserving it).
    static func advise<T>(capacityOf array: inout [T]) {
        let capacity = array.capacity
        array.withUnsafeMutableBufferPointer { b in
            advise(UnsafeMutableRawPointer(b.baseAddress), bytes: capacity * MemoryLayout<T>.stride)
        }
    }
}
