/// A panel score changed after the scores were revealed: what it was when the panel saw it, what it is
/// now, and when and by whom it was last changed (from the journal, by the host). The scoring minutes
/// list them, so a revision made after seeing the others is on the record.
public struct ScoreRevision: Equatable, Sendable {
    public var evaluator: String
    public var vendor: String
    public var criterion: String
    /// The score at the reveal; nil when the cell was first scored after it.
    public var before: Double?
    /// The score now; nil when it was withdrawn.
    public var after: Double?
    /// The last change, ISO 8601 UTC (`2026-12-07T23:10:04Z`), and who made it.
    public var time: String
    public var actor: String

    public init(evaluator: String, vendor: String, criterion: String, before: Double?, after: Double?, time: String, actor: String) {
        self.evaluator = evaluator
        self.vendor = vendor
        self.criterion = criterion
        self.before = before
        self.after = after
        self.time = time
        self.actor = actor
    }
}
