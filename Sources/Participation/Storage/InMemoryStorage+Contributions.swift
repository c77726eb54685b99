extension InMemoryStorage {
    /// The tables of the contribution requirements, kept together so the actor's own
    /// declaration stays short.
    struct ContributionTables: Sendable {
        var rules: [Scoped<ProcessID>: ContributionRules] = [:]
        var supports: [Pair<PropositionID, ParticipantID>: Support] = [:]
        var opinions: [Pair<PropositionID, ParticipantID>: Opinion] = [:]
        var comments: [Scoped<CommentID>: ContributionComment] = [:]
        var commentOrder: [TenantID: [CommentID]] = [:]
        var commentVotes: [Pair<CommentID, ParticipantID>: CommentVote] = [:]
        var answers: [TenantID: [OfficialAnswer]] = [:]
        var petitions: [Scoped<PetitionID>: Petition] = [:]
        var petitionHistory: [Scoped<PetitionID>: [PetitionStatusChange]] = [:]
        var signatures: [Pair<PetitionID, ParticipantID>: PetitionSignature] = [:]
        var votations: [Scoped<VotationID>: Votation] = [:]
        var votationBallots: [Pair<VotationID, ParticipantID>: VotationBallot] = [:]
        var questionnaires: [Scoped<QuestionnaireID>: Questionnaire] = [:]
        var responses: [Pair<QuestionnaireID, ParticipantID>: QuestionnaireResponse] = [:]
    }

    /// A pair of ids qualified by their tenant: the key of the one-per-participant tables.
    struct Pair<First: Hashable & Sendable, Second: Hashable & Sendable>: Hashable, Sendable {
        let tenant: TenantID
        let first: First
        let second: Second
    }

    /// Throws `notFound` unless `subject` exists in `process` of `tenant`.
    func requireSubject(_ subject: ContributionSubject, of process: ProcessID, _ tenant: TenantID) throws {
        _ = try storedProcess(process, tenant)
        switch subject {
        case .process: return
        case .proposition(let id):
            guard try storedProposition(id, tenant).processID == process else {
                throw ParticipationError.notFound("proposition", id)
            }
        case .petition(let id):
            guard try storedPetition(id, tenant).processID == process else {
                throw ParticipationError.notFound("petition", id)
            }
        }
    }

    func storedPetition(_ id: PetitionID, _ tenant: TenantID) throws -> Petition {
        guard let petition = contributions.petitions[Scoped(tenant: tenant, id: id)] else {
            throw ParticipationError.notFound("petition", id)
        }
        return petition
    }

    func storedComment(_ id: CommentID, _ tenant: TenantID) throws -> ContributionComment {
        guard let comment = contributions.comments[Scoped(tenant: tenant, id: id)] else {
            throw ParticipationError.notFound("comment", id)
        }
        return comment
    }

    func storedVotation(_ id: VotationID, _ tenant: TenantID) throws -> Votation {
        guard let votation = contributions.votations[Scoped(tenant: tenant, id: id)] else {
            throw ParticipationError.notFound("votation", id)
        }
        return votation
    }

    func storedQuestionnaire(_ id: QuestionnaireID, _ tenant: TenantID) throws -> Questionnaire {
        guard let questionnaire = contributions.questionnaires[Scoped(tenant: tenant, id: id)] else {
            throw ParticipationError.notFound("questionnaire", id)
        }
        return questionnaire
    }
}

extension InMemoryStorage {
    public func setContributionRules(_ rules: ContributionRules, audit entry: AuditEntry) throws {
        _ = try storedProcess(rules.processID, rules.tenantID)
        try checkAudit(entry)
        contributions.rules[Scoped(tenant: rules.tenantID, id: rules.processID)] = rules
        write(entry)
    }

    public func contributionRules(of process: ProcessID, in tenant: TenantID) throws -> ContributionRules {
        _ = try storedProcess(process, tenant)
        return contributions.rules[Scoped(tenant: tenant, id: process)] ?? ContributionRules(processID: process, tenantID: tenant)
    }
}
