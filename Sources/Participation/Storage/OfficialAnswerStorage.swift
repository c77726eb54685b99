/// Stores the collectivité's official answers, apart from comments.
public protocol OfficialAnswerStorage: Sendable {
    /// Stores a new answer and appends `audit`.
    /// - Throws: `notFound` (process; the subject in that process; author); `duplicate` (id).
    func insertOfficialAnswer(_ answer: OfficialAnswer, audit: AuditEntry) async throws

    /// The official answers on `subject` of the process, in the order they were stored.
    /// - Throws: `notFound` (process).
    func officialAnswers(on subject: ContributionSubject, of process: ProcessID, in tenant: TenantID) async throws
        -> [OfficialAnswer]
}
