/// Stores questionnaires and participants' responses: one response per participant.
public protocol QuestionnaireStorage: Sendable {
    /// Stores a new questionnaire and appends `audit`.
    /// - Throws: `notFound` (tenant, process); `duplicate` (id).
    func insertQuestionnaire(_ questionnaire: Questionnaire, audit: AuditEntry) async throws

    /// The questionnaire with this id.
    /// - Throws: `notFound`.
    func questionnaire(_ id: QuestionnaireID, in tenant: TenantID) async throws -> Questionnaire

    /// Appends `question` to the questionnaire in one transaction (concurrent additions are all
    /// kept) and returns the stored questionnaire.
    /// - Throws: `notFound`; `duplicate` if the question id is taken in the questionnaire.
    func appendQuestion(_ question: Question, to questionnaire: QuestionnaireID, in tenant: TenantID) async throws
        -> Questionnaire

    /// Stores the participant's response, replacing an earlier one in the same transaction,
    /// and returns the replaced response.
    /// - Throws: `notFound` (questionnaire, participant).
    func recordResponse(_ response: QuestionnaireResponse) async throws -> QuestionnaireResponse?

    /// The questionnaire's responses, ordered by participant.
    /// - Throws: `notFound` (questionnaire).
    func responses(to questionnaire: QuestionnaireID, in tenant: TenantID) async throws -> [QuestionnaireResponse]
}
