import Foundation

/// `--busy`: a busy loop on a thread of its own for the whole run, so that every figure is measured
/// with the machine's other core loaded (the targets hold "with the other core busy"). On a
/// machine with more cores it loads one of them; `report()` says how much it spun.
final class BusyLoop: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    private var rounds = 0
    private let started = ContinuousClock.now
    private var thread: Thread?

    static func start() -> BusyLoop {
        let busy = BusyLoop()
        let thread = Thread { busy.spin() }
        thread.name = "bidbench-bench busy loop"
        thread.qualityOfService = .userInitiated
        busy.thread = thread
        thread.start()
        return busy
    }

    private func spin() {
        var x: UInt64 = 1
        while true {
            // About a millisecond of arithmetic between looks at the flag.
            for _ in 0..<1_000_000 { x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 }
            lock.lock()
            rounds += 1
            let go = running
            lock.unlock()
            if !go { break }
        }
        blackHole(x)
    }

    /// Stops the loop and says how long it ran and how many rounds of a million steps it made.
    func stop() -> (seconds: Double, rounds: Int) {
        lock.lock()
        running = false
        let r = rounds
        lock.unlock()
        let d = ContinuousClock.now - started
        return (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18, r)
    }
}
