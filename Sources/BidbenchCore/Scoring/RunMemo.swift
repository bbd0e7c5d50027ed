/// Values looked up by key for lists that come in runs repeating one another: each vendor answers
/// the same must-haves in the same order, so the n-th answer of a vendor's run usually names what
/// the previous run's n-th did. Its value is then taken from there (one string comparison) instead
/// of being looked up again (a hash). Used by the validator and the evaluation over 800 000 gate
/// answers.
public struct RunMemo<Value> {
    private var previous: [(key: String, value: Value)] = []
    private var run: [(key: String, value: Value)] = []

    public init() {}

    /// Starts the next run (the one just ended becomes the one compared with).
    public mutating func newRun() {
        swap(&previous, &run)
        run.removeAll(keepingCapacity: true)
    }

    /// The value for the next key of the current run: the previous run's at this place when the key
    /// is the same, else `lookup(key)`.
    public mutating func value(_ key: String, _ lookup: (String) -> Value) -> Value {
        let n = run.count
        let value = n < previous.count && previous[n].key == key ? previous[n].value : lookup(key)
        run.append((key, value))
        return value
    }
}
