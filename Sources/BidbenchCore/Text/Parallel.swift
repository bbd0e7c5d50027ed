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
        let n = min(pieces, count / max(1, minimum))
        guard n > 1 else { return (0..<count).map(transform) }
        var parts = [[T]](repeating: [], count: n)
        parts.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                DispatchQueue.concurrentPerform(iterations: n) { k in
                    out[k] = (count * k / n..<count * (k + 1) / n).map(transform)
                }
            }
        }
        return Array(parts.joined())
    }
}
