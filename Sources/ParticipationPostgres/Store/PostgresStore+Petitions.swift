import Participation
import PostgresNIO

// MARK: - PetitionStorage

extension PostgresStore {
    public func insertPetition(_ petition: Petition, status: PetitionStatusChange) async throws {
        var stored = petition
        stored.revision = 0
        stored.signatureCount = 0
        let value = try StoredDocument.encode(stored)
        let statusValue = try StoredDocument.encode(status)
        try await write { db in
            try await db.execute("""
                INSERT INTO petition (tenant_id, id, process_id, revision, value)
                VALUES (\(petition.tenantID.rawValue), \(petition.id.rawValue), \(petition.processID.rawValue), 0, \(value)::jsonb)
                """
            ) { violation in
                switch violation.kind {
                case .unique: .duplicate("petition", petition.id)
                case .foreignKey: .notFound("process", petition.processID)
                case .check: nil
                }
            }
            try await db.appendPetitionStatus(petition.id, in: petition.tenantID, value: statusValue)
        }
    }

    public func petition(_ id: PetitionID, in tenant: TenantID) async throws -> Petition {
        try await read { db in try await db.storedPetition(id, in: tenant) }
    }

    public func petitions(of process: ProcessID, in tenant: TenantID) async throws -> [Petition] {
        try await read { db in
            guard try await db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try await db.fetchValues(Petition.self, """
                SELECT value::text FROM petition WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue) ORDER BY id
                """)
        }
    }

    public func recordSignature(_ signature: PetitionSignature) async throws -> SignatureReceipt {
        try await write { db in
            let tenant = signature.tenantID
            let petition = try await db.storedPetition(signature.petitionID, in: tenant)
            guard try await db.participantExists(signature.signerID, in: tenant) else {
                throw ParticipationError.notFound("participant", signature.signerID)
            }
            if try await db.exists("""
                SELECT 1 FROM petition_signature
                WHERE tenant_id = \(tenant.rawValue) AND petition_id = \(signature.petitionID.rawValue)
                    AND signer_id = \(signature.signerID.rawValue)
                """)
            {
                throw ParticipationError(.duplicate, "participant '\(signature.signerID)' already signed this petition")
            }
            guard petition.collectsSignatures else {
                throw ParticipationError(
                    .invalidTransition, "petition '\(petition.id)' is \(petition.status) and no longer collects signatures")
            }
            // Signature, count and threshold change in one serializable transaction: two
            // signers that read the same count cannot both commit, so exactly one
            // signature is the threshold-th.
            try await db.execute("""
                INSERT INTO petition_signature (tenant_id, petition_id, signer_id, signed_at)
                VALUES (\(tenant.rawValue), \(signature.petitionID.rawValue), \(signature.signerID.rawValue),
                    \(signature.at.storedSeconds))
                """)
            let (signed, change) = petition.addingSignature(at: signature.at)
            try await db.execute("""
                UPDATE petition SET value = \(try StoredDocument.encode(signed))::jsonb
                WHERE tenant_id = \(tenant.rawValue) AND id = \(petition.id.rawValue)
                """)
            if let change {
                try await db.appendPetitionStatus(petition.id, in: tenant, value: try StoredDocument.encode(change))
            }
            return SignatureReceipt(petition: signed, statusChange: change)
        }
    }

    public func hasSigned(_ petition: PetitionID, signer: ParticipantID, in tenant: TenantID) async throws -> Bool {
        try await read { db in
            _ = try await db.storedPetition(petition, in: tenant)
            return try await db.exists("""
                SELECT 1 FROM petition_signature
                WHERE tenant_id = \(tenant.rawValue) AND petition_id = \(petition.rawValue) AND signer_id = \(signer.rawValue)
                """)
        }
    }

    public func updatePetition(_ petition: Petition, status: PetitionStatusChange, audit: AuditEntry) async throws -> Petition {
        let statusValue = try StoredDocument.encode(status)
        return try await write { db in
            let stored = try await db.storedPetition(petition.id, in: petition.tenantID)
            guard stored.revision == petition.revision else {
                throw ParticipationError(.conflict, "petition '\(petition.id)' changed since it was read")
            }
            var updated = petition
            updated.revision += 1
            updated.signatureCount = stored.signatureCount
            try await db.execute("""
                UPDATE petition SET revision = \(updated.revision), value = \(try StoredDocument.encode(updated))::jsonb
                WHERE tenant_id = \(petition.tenantID.rawValue) AND id = \(petition.id.rawValue)
                """)
            try await db.appendPetitionStatus(petition.id, in: petition.tenantID, value: statusValue)
            try await db.insertAudit(audit)
            return updated
        }
    }

    public func petitionStatusHistory(of petition: PetitionID, in tenant: TenantID) async throws -> [PetitionStatusChange] {
        try await read { db in
            _ = try await db.storedPetition(petition, in: tenant)
            return try await db.fetchValues(PetitionStatusChange.self, """
                SELECT value::text FROM petition_status
                WHERE tenant_id = \(tenant.rawValue) AND petition_id = \(petition.rawValue) ORDER BY sequence
                """)
        }
    }
}

// MARK: - VotationStorage

extension PostgresStore {
    public func insertVotation(_ votation: Votation, audit: AuditEntry) async throws {
        let value = try StoredDocument.encode(votation)
        try await write { db in
            try await db.execute("""
                INSERT INTO votation (tenant_id, id, process_id, value)
                VALUES (\(votation.tenantID.rawValue), \(votation.id.rawValue), \(votation.processID.rawValue), \(value)::jsonb)
                """
            ) { violation in
                switch violation.kind {
                case .unique: .duplicate("votation", votation.id)
                case .foreignKey: .notFound("process", votation.processID)
                case .check: nil
                }
            }
            try await db.insertAudit(audit)
        }
    }

    public func votation(_ id: VotationID, in tenant: TenantID) async throws -> Votation {
        try await read { db in try await db.storedVotation(id, in: tenant) }
    }

    public func castVotationBallot(_ ballot: VotationBallot) async throws {
        let value = try StoredDocument.encode(ballot)
        try await write { db in
            let (tenant, votation, voter) = (ballot.tenantID.rawValue, ballot.votationID.rawValue, ballot.voterID.rawValue)
            _ = try await db.storedVotation(ballot.votationID, in: ballot.tenantID)
            guard try await db.participantExists(ballot.voterID, in: ballot.tenantID) else {
                throw ParticipationError.notFound("participant", ballot.voterID)
            }
            try await db.execute("""
                INSERT INTO votation_ballot (tenant_id, votation_id, voter_id, value)
                VALUES (\(tenant), \(votation), \(voter), \(value)::jsonb)
                """
            ) { violation in
                violation.kind == .unique
                    ? ParticipationError(.duplicate, "participant '\(ballot.voterID)' already voted in this votation") : nil
            }
            let answers = ballot.answers.sorted(by: { $0.key < $1.key })
            try await db.execute("""
                INSERT INTO votation_answer (tenant_id, votation_id, voter_id, question_id, answer)
                SELECT \(tenant), \(votation), \(voter), answer.question_id, answer.answer
                FROM unnest(\(answers.map(\.key.rawValue))::text[], \(answers.map(\.value.rawValue))::text[]) AS answer (question_id, answer)
                """)
        }
    }

    public func votationCounts(of votation: VotationID, in tenant: TenantID) async throws -> [VotationQuestionID: VotationCount] {
        try await read { db in
            _ = try await db.storedVotation(votation, in: tenant)
            let rows = try await db.fetchAll("""
                SELECT question_id, answer, count(*) FROM votation_answer
                WHERE tenant_id = \(tenant.rawValue) AND votation_id = \(votation.rawValue)
                GROUP BY question_id, answer
                """) { try $0.decode((String, String, Int).self) }
            var counts: [VotationQuestionID: VotationCount] = [:]
            for (question, answer, count) in rows {
                let question = VotationQuestionID(rawValue: question)
                if answer == VotationAnswer.yes.rawValue {
                    counts[question, default: VotationCount()].inFavour += count
                } else {
                    counts[question, default: VotationCount()].against += count
                }
            }
            return counts
        }
    }

    public func votationBallotCount(of votation: VotationID, in tenant: TenantID) async throws -> Int {
        try await read { db in
            _ = try await db.storedVotation(votation, in: tenant)
            return try await db.count("""
                SELECT count(*) FROM votation_ballot WHERE tenant_id = \(tenant.rawValue) AND votation_id = \(votation.rawValue)
                """)
        }
    }
}

// MARK: - QuestionnaireStorage

extension PostgresStore {
    public func insertQuestionnaire(_ questionnaire: Questionnaire, audit: AuditEntry) async throws {
        let value = try StoredDocument.encode(questionnaire)
        try await write { db in
            try await db.execute("""
                INSERT INTO questionnaire (tenant_id, id, process_id, value)
                VALUES (\(questionnaire.tenantID.rawValue), \(questionnaire.id.rawValue), \(questionnaire.processID.rawValue),
                    \(value)::jsonb)
                """
            ) { violation in
                switch violation.kind {
                case .unique: .duplicate("questionnaire", questionnaire.id)
                case .foreignKey: .notFound("process", questionnaire.processID)
                case .check: nil
                }
            }
            try await db.insertAudit(audit)
        }
    }

    public func questionnaire(_ id: QuestionnaireID, in tenant: TenantID) async throws -> Questionnaire {
        try await read { db in try await db.storedQuestionnaire(id, in: tenant) }
    }

    public func appendQuestion(_ question: Question, to questionnaire: QuestionnaireID, in tenant: TenantID) async throws
        -> Questionnaire
    {
        try await write { db in
            var stored = try await db.storedQuestionnaire(questionnaire, in: tenant)
            if stored.questions.contains(where: { $0.id == question.id }) {
                throw ParticipationError.duplicate("question", question.id)
            }
            stored.questions.append(question)
            try await db.execute("""
                UPDATE questionnaire SET value = \(try StoredDocument.encode(stored))::jsonb
                WHERE tenant_id = \(tenant.rawValue) AND id = \(questionnaire.rawValue)
                """)
            return stored
        }
    }

    public func recordResponse(_ response: QuestionnaireResponse) async throws -> QuestionnaireResponse? {
        let value = try StoredDocument.encode(response)
        return try await write { db in
            _ = try await db.storedQuestionnaire(response.questionnaireID, in: response.tenantID)
            guard try await db.participantExists(response.participantID, in: response.tenantID) else {
                throw ParticipationError.notFound("participant", response.participantID)
            }
            let (tenant, questionnaire, participant) = (
                response.tenantID.rawValue, response.questionnaireID.rawValue, response.participantID.rawValue
            )
            let replaced = try await db.fetchValue(QuestionnaireResponse.self, """
                SELECT value::text FROM questionnaire_response
                WHERE tenant_id = \(tenant) AND questionnaire_id = \(questionnaire) AND participant_id = \(participant)
                """)
            try await db.execute("""
                INSERT INTO questionnaire_response (tenant_id, questionnaire_id, participant_id, value)
                VALUES (\(tenant), \(questionnaire), \(participant), \(value)::jsonb)
                ON CONFLICT (tenant_id, questionnaire_id, participant_id) DO UPDATE SET value = excluded.value
                """)
            return replaced
        }
    }

    public func responses(to questionnaire: QuestionnaireID, in tenant: TenantID) async throws -> [QuestionnaireResponse] {
        try await read { db in
            _ = try await db.storedQuestionnaire(questionnaire, in: tenant)
            return try await db.fetchValues(QuestionnaireResponse.self, """
                SELECT value::text FROM questionnaire_response
                WHERE tenant_id = \(tenant.rawValue) AND questionnaire_id = \(questionnaire.rawValue) ORDER BY participant_id
                """)
        }
    }
}

extension PostgresTransaction {
    func storedPetition(_ id: PetitionID, in tenant: TenantID) async throws -> Petition {
        guard let petition = try await fetchValue(Petition.self, """
            SELECT value::text FROM petition WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)
            """)
        else { throw ParticipationError.notFound("petition", id) }
        return petition
    }

    func storedVotation(_ id: VotationID, in tenant: TenantID) async throws -> Votation {
        guard let votation = try await fetchValue(Votation.self, """
            SELECT value::text FROM votation WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)
            """)
        else { throw ParticipationError.notFound("votation", id) }
        return votation
    }

    func storedQuestionnaire(_ id: QuestionnaireID, in tenant: TenantID) async throws -> Questionnaire {
        guard let questionnaire = try await fetchValue(Questionnaire.self, """
            SELECT value::text FROM questionnaire WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)
            """)
        else { throw ParticipationError.notFound("questionnaire", id) }
        return questionnaire
    }

    func appendPetitionStatus(_ petition: PetitionID, in tenant: TenantID, value: String) async throws {
        try await execute("""
            INSERT INTO petition_status (tenant_id, petition_id, value) VALUES (\(tenant.rawValue), \(petition.rawValue), \(value)::jsonb)
            """)
    }
}
