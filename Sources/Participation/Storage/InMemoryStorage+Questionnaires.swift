extension InMemoryStorage {
    public func insertQuestionnaire(_ questionnaire: Questionnaire, audit entry: AuditEntry) throws {
        _ = try storedProcess(questionnaire.processID, questionnaire.tenantID)
        let key = Scoped(tenant: questionnaire.tenantID, id: questionnaire.id)
        if contributions.questionnaires[key] != nil { throw ParticipationError.duplicate("questionnaire", questionnaire.id) }
        try checkAudit(entry)
        contributions.questionnaires[key] = questionnaire
        write(entry)
    }

    public func questionnaire(_ id: QuestionnaireID, in tenant: TenantID) throws -> Questionnaire {
        try storedQuestionnaire(id, tenant)
    }

    public func appendQuestion(_ question: Question, to questionnaire: QuestionnaireID, in tenant: TenantID) throws
        -> Questionnaire
    {
        var stored = try storedQuestionnaire(questionnaire, tenant)
        if stored.questions.contains(where: { $0.id == question.id }) {
            throw ParticipationError.duplicate("question", question.id)
        }
        stored.questions.append(question)
        contributions.questionnaires[Scoped(tenant: tenant, id: questionnaire)] = stored
        return stored
    }

    public func recordResponse(_ response: QuestionnaireResponse) throws -> QuestionnaireResponse? {
        _ = try storedQuestionnaire(response.questionnaireID, response.tenantID)
        _ = try storedParticipant(response.participantID, response.tenantID)
        let key = Pair(tenant: response.tenantID, first: response.questionnaireID, second: response.participantID)
        let replaced = contributions.responses[key]
        contributions.responses[key] = response
        return replaced
    }

    public func responses(to questionnaire: QuestionnaireID, in tenant: TenantID) throws -> [QuestionnaireResponse] {
        _ = try storedQuestionnaire(questionnaire, tenant)
        return contributions.responses.values
            .filter { $0.tenantID == tenant && $0.questionnaireID == questionnaire }
            .sorted { $0.participantID < $1.participantID }
    }
}
