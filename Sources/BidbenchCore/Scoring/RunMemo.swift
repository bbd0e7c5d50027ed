/// Values looked up by key for lists that come in runs repeating one another: each vendor answers
/// the same must-haves in the same order, so the n-th answer of a vendor's run usually names what
/// the previous run's n-th did. Its value is then taken from there (one string comparison) instead
/// of being looked up again (a hash). Used by the validator and the evaluation over 800 000 gate
/// answers.
///
/// Inlinable, with keys and values in separate arrays: called from another module, an
/// unspecialised generic copy worked on `(String, Value)` tuples through the runtime's tuple
/// metadata and value witnesses, and was an eighth of `bidbench report` on a large workspace.
public struct RunMemo<Value> {
    // The runs' arrays are overwritten in place, not emptied: emptying released every key through
    // the generic array destroy, once per vendor.
    @usableFromInline var previousKeys: [String] = []
    @usableFromInline var previousValues: [Value] = []
    @usableFromInline var previousCount = 0
    @usableFromInline var runKeys: [String] = []
    @usableFromInline var runValues: [Value] = []
    @usableFromInline var runCount = 0

    @inlinable
    public init() {}

    /// Starts the next run (the one just ended becomes the one compared with).
    @inlinable
    public mutating func newRun() {
        swap(&previousKeys, &runKeys)
        swap(&previousValues, &runValues)
        previousCount = runCount
        runCount = 0
    }

    /// The value for the next key of the current run: the previous run's at this place when the key
    /// is the same, else `lookup(key)`.
    @inlinable
    public mutating func value(_ key: String, _ lookup: (String) -> Value) -> Value {
        let n = runCount
        let value = n < previousCount && previousKeys[n] == key ? previousValues[n] : lookup(key)
        if n < runKeys.count {
            runKeys[n] = key
            runValues[n] = value
        } else {
            runKeys.append(key)
            runValues.append(value)
        }
        runCount += 1
        return value
    }
}
