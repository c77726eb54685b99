extension InMemoryStorage {
    public func insertPetition(_ petition: Petition, status: PetitionStatusChange) throws {
        _ = try storedProcess(petition.processID, petition.tenantID)
        let key = Scoped(tenant: petition.tenantID, id: petition.id)
        if contributions.petitions[key] != nil { throw ParticipationError.duplicate("petition", petition.id) }
        var stored = petition
        stored.revision = 0
        stored.signatureCount = 0
        contributions.petitions[key] = stored
        contributions.petitionHistory[key] = [status]
    }

    public func petition(_ id: PetitionID, in tenant: TenantID) throws -> Petition { try storedPetition(id, tenant) }

    public func petitions(of process: ProcessID, in tenant: TenantID) throws -> [Petition] {
        _ = try storedProcess(process, tenant)
        return contributions.petitions.values.filter { $0.tenantID == tenant && $0.processID == process }.sorted { $0.id < $1.id }
    }

    public func recordSignature(_ signature: PetitionSignature) throws -> SignatureReceipt {
        let tenant = signature.tenantID
        let petition = try storedPetition(signature.petitionID, tenant)
        _ = try storedParticipant(signature.signerID, tenant)
        let signatureKey = Pair(tenant: tenant, first: signature.petitionID, second: signature.signerID)
        if contributions.signatures[signatureKey] != nil {
            throw ParticipationError(.duplicate, "participant '\(signature.signerID)' already signed this petition")
        }
        guard petition.collectsSignatures else {
            throw ParticipationError(
                .invalidTransition, "petition '\(petition.id)' is \(petition.status) and no longer collects signatures")
        }
        let (signed, change) = petition.addingSignature(at: signature.at)
        let key = Scoped(tenant: tenant, id: petition.id)
        contributions.signatures[signatureKey] = signature
        contributions.petitions[key] = signed
        if let change { contributions.petitionHistory[key, default: []].append(change) }
        return SignatureReceipt(petition: signed, statusChange: change)
    }

    public func hasSigned(_ petition: PetitionID, signer: ParticipantID, in tenant: TenantID) throws -> Bool {
        _ = try storedPetition(petition, tenant)
        return contributions.signatures[Pair(tenant: tenant, first: petition, second: signer)] != nil
    }

    public func updatePetition(_ petition: Petition, status: PetitionStatusChange, audit entry: AuditEntry) throws -> Petition {
        let stored = try storedPetition(petition.id, petition.tenantID)
        guard stored.revision == petition.revision else {
            throw ParticipationError(.conflict, "petition '\(petition.id)' changed since it was read")
        }
        try checkAudit(entry)
        var updated = petition
        updated.revision += 1
        updated.signatureCount = stored.signatureCount
        let key = Scoped(tenant: petition.tenantID, id: petition.id)
        contributions.petitions[key] = updated
        contributions.petitionHistory[key, default: []].append(status)
        write(entry)
        return updated
    }

    public func petitionStatusHistory(of petition: PetitionID, in tenant: TenantID) throws -> [PetitionStatusChange] {
        _ = try storedPetition(petition, tenant)
        return contributions.petitionHistory[Scoped(tenant: tenant, id: petition)] ?? []
    }
}

extension InMemoryStorage {
    public func insertVotation(_ votation: Votation, audit entry: AuditEntry) throws {
        _ = try storedProcess(votation.processID, votation.tenantID)
        let key = Scoped(tenant: votation.tenantID, id: votation.id)
        if contributions.votations[key] != nil { throw ParticipationError.duplicate("votation", votation.id) }
        try checkAudit(entry)
        contributions.votations[key] = votation
        write(entry)
    }

    public func votation(_ id: VotationID, in tenant: TenantID) throws -> Votation { try storedVotation(id, tenant) }

    public func castVotationBallot(_ ballot: VotationBallot) throws {
        _ = try storedVotation(ballot.votationID, ballot.tenantID)
        _ = try storedParticipant(ballot.voterID, ballot.tenantID)
        let key = Pair(tenant: ballot.tenantID, first: ballot.votationID, second: ballot.voterID)
        if contributions.votationBallots[key] != nil {
            throw ParticipationError(.duplicate, "participant '\(ballot.voterID)' already voted in this votation")
        }
        contributions.votationBallots[key] = ballot
    }

    public func votationCounts(of votation: VotationID, in tenant: TenantID) throws -> [VotationQuestionID: VotationCount] {
        _ = try storedVotation(votation, tenant)
        var counts: [VotationQuestionID: VotationCount] = [:]
        for ballot in contributions.votationBallots.values where ballot.tenantID == tenant && ballot.votationID == votation {
            for (question, answer) in ballot.answers {
                switch answer {
                case .yes: counts[question, default: VotationCount()].inFavour += 1
                case .no: counts[question, default: VotationCount()].against += 1
                }
            }
        }
        return counts
    }

    public func votationBallotCount(of votation: VotationID, in tenant: TenantID) throws -> Int {
        _ = try storedVotation(votation, tenant)
        return contributions.votationBallots.values.filter { $0.tenantID == tenant && $0.votationID == votation }.count
    }
}
