extension InMemoryStorage {
    public func recordSupport(_ support: Support, rules: SupportRules) throws -> SupportReceipt {
        let tenant = support.tenantID
        guard try storedProposition(support.propositionID, tenant).processID == support.processID else {
            throw ParticipationError.notFound("proposition", support.propositionID)
        }
        _ = try storedParticipant(support.supporterID, tenant)
        let key = Pair(tenant: tenant, first: support.propositionID, second: support.supporterID)
        if contributions.supports[key] != nil {
            throw ParticipationError(.duplicate, "participant '\(support.supporterID)' already supports this proposition")
        }
        let participantSupports = contributions.supports.values.filter {
            $0.tenantID == tenant && $0.processID == support.processID && $0.supporterID == support.supporterID
        }.count
        let propositionSupports = contributions.supports.values.filter {
            $0.tenantID == tenant && $0.propositionID == support.propositionID
        }.count
        if let refusal = rules.refusal(participantSupports: participantSupports, propositionSupports: propositionSupports) {
            throw refusal
        }
        contributions.supports[key] = support
        return SupportReceipt(participantSupports: participantSupports + 1, propositionSupports: propositionSupports + 1)
    }

    public func withdrawSupport(of supporter: ParticipantID, from proposition: PropositionID, in tenant: TenantID) throws
        -> Support
    {
        let key = Pair(tenant: tenant, first: proposition, second: supporter)
        guard let support = contributions.supports.removeValue(forKey: key) else {
            throw ParticipationError.notFound("support of participant", supporter)
        }
        return support
    }

    public func supports(in process: ProcessID, tenant: TenantID) throws -> [Support] {
        _ = try storedProcess(process, tenant)
        return contributions.supports.values
            .filter { $0.tenantID == tenant && $0.processID == process }
            .sorted { ($0.propositionID, $0.supporterID) < ($1.propositionID, $1.supporterID) }
    }

    public func supports(by supporter: ParticipantID, in process: ProcessID, tenant: TenantID) -> [Support] {
        contributions.supports.values
            .filter { $0.tenantID == tenant && $0.processID == process && $0.supporterID == supporter }
            .sorted { $0.propositionID < $1.propositionID }
    }
}

extension InMemoryStorage {
    public func recordOpinion(_ opinion: Opinion) throws -> Opinion? {
        guard try storedProposition(opinion.propositionID, opinion.tenantID).processID == opinion.processID else {
            throw ParticipationError.notFound("proposition", opinion.propositionID)
        }
        _ = try storedParticipant(opinion.participantID, opinion.tenantID)
        let key = Pair(tenant: opinion.tenantID, first: opinion.propositionID, second: opinion.participantID)
        let replaced = contributions.opinions[key]
        contributions.opinions[key] = opinion
        return replaced
    }

    public func opinions(on proposition: PropositionID, in tenant: TenantID) throws -> [Opinion] {
        _ = try storedProposition(proposition, tenant)
        return contributions.opinions.values
            .filter { $0.tenantID == tenant && $0.propositionID == proposition }
            .sorted { $0.participantID < $1.participantID }
    }
}
