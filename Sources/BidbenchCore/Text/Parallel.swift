import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Work on a long text split over the cores. Only for pure work on values: each piece reads
/// shared immutable input and writes its own slot of the result.
enum Parallel {
    /// The cores online (at least 1).
    static let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    /// Pieces to cut work into: four per core (at most 16), none on a single core. Dispatch hands
    /// the pieces to whichever thread is free, so when another program keeps a core busy this
    /// thread takes more of them instead of waiting for a half run at half speed.
    static let pieces = cores == 1 ? 1 : min(16, 4 * cores)

    /// `(0..<count).map(transform)`, computed in up to `pieces` contiguous ranges at once when each
    /// range gets at least `minimum` items (else on this thread: starting threads costs more).
    static func map<T>(_ count: Int, minimum: Int, pieces: Int = pieces, _ transform: (Int) -> T) -> [T] {
        Array(ranges(count, minimum: minimum, pieces: pieces) { $0.map(transform) }.joined())
    }

    /// `work` on contiguous ranges that cover `0..<count` in order, each of at least `minimum` items
    /// and at most `pieces` of them, at once; the results in the ranges' order. One range, on this
    /// thread, when `count` is too small to share.
    static func ranges<T>(_ count: Int, minimum: Int, pieces: Int = pieces, _ work: (Range<Int>) -> T) -> [T] {
        let n = min(pieces, count / max(1, minimum))
        guard n > 1 else { return [work(0..<count)] }
        var parts = [T?](repeating: nil, count: n)
        parts.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            withoutActuallyEscaping(work) { work in
                nonisolated(unsafe) let work = work
                DispatchQueue.concurrentPerform(iterations: n) { k in out[k] = work(count * k / n..<count * (k + 1) / n) }
            }
        }
        return parts.map { $0! }
    }
}

/// Large values a pass is done with, freed on another thread: a long text's parsed lines, readings and
/// sentences are millions of small objects, and releasing them one by one was a sixteenth of a
/// `contract check` on this thread (profiled), which the user waits for. A command that exits first
/// never frees them (as it never frees its result).
enum Discard {
    private final class Box<T>: @unchecked Sendable {
        var value: T?
        init(_ value: T) { self.value = value }
    }

    static func later<T>(_ value: T) {
        guard Parallel.cores > 1 else { return }
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }
}
