import Foundation

/// Work started on a thread of its own, its result waited for where it is needed: used where a
/// large piece of independent work (a file's parse, the contract reviews of a report) can run on
/// the second core while the caller does the rest.
public final class Background<Result: Sendable>: @unchecked Sendable {
    private let done = NSCondition()
    private var result: Result?

    public init(_ work: @escaping @Sendable () -> Result) {
        Thread.detachNewThread { [self] in
            let value = work()
            done.withLock {
                result = value
                done.signal()
            }
        }
    }

    /// The result, once the work has finished.
    public func wait() -> Result {
        done.withLock {
            while result == nil { done.wait() }
            return result!
        }
    }
}
