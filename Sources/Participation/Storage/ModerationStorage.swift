/// Stores moderation: each item's state, participants' reports (one per participant and item,
/// ever), and blocks.
public protocol ModerationStorage: Sendable {
    /// Stores `report` and, in the same transaction, adds it to the item's open reports
    /// (starting from `initial` when the item has no stored state) with
    /// ``ModerationState/addingReport(at:threshold:)``: the report that brings a visible item to
    /// `threshold` hides it. Returns the stored state.
    ///
    /// Under concurrency, N simultaneous reports store N reports and hide the item exactly once.
    /// - Throws: `notFound` (the item, or the reporter, in `report.tenantID`); `duplicate` if the
    ///   participant already reported the item. A refused report changes nothing.
    func recordReport(_ report: ContentReport, initial: ModerationState, threshold: Int) async throws -> ReportReceipt

    /// Stores `state` if the item's stored revision still equals `state.revision` (0 when it has
    /// no stored state), with revision + 1, and appends `audit` in the same transaction.
    /// Returns the stored value.
    /// - Throws: `notFound` (the item); `conflict` if the stored revision differs.
    func updateModerationState(_ state: ModerationState, audit: AuditEntry?) async throws -> ModerationState

    /// The item's stored state, or nil when nobody reported or decided on it.
    /// - Throws: `notFound` (the item).
    func moderationState(of item: ModeratedItem, in tenant: TenantID) async throws -> ModerationState?

    /// The stored states of a process's items.
    /// - Throws: `notFound` (process).
    func moderationStates(of process: ProcessID, in tenant: TenantID) async throws -> [ModerationState]

    /// The tenant's items that need a moderator (``ModerationState/needsModerator``), oldest
    /// `since` first (ties by item), at most `limit`.
    func moderationQueue(in tenant: TenantID, limit: Int) async throws -> [ModerationState]

    /// The item's reports, in the order they were stored.
    /// - Throws: `notFound` (the item).
    func reports(on item: ModeratedItem, in tenant: TenantID) async throws -> [ContentReport]

    /// Blocks the participant (replacing an earlier block) and appends `audit`, in one transaction.
    /// - Throws: `notFound` (participant).
    func insertBlock(_ block: ParticipantBlock, audit: AuditEntry) async throws

    /// Lifts the participant's block and appends `audit`, in one transaction; returns the lifted block.
    /// - Throws: `notFound` (participant, or no block).
    func deleteBlock(of participant: ParticipantID, in tenant: TenantID, audit: AuditEntry) async throws -> ParticipantBlock

    /// The participant's block, if any.
    /// - Throws: `notFound` (participant).
    func block(of participant: ParticipantID, in tenant: TenantID) async throws -> ParticipantBlock?

    /// The tenant's blocks, ordered by participant.
    func blocks(in tenant: TenantID) async throws -> [ParticipantBlock]
}
