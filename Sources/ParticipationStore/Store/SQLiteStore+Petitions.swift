import Participation

// MARK: - PetitionStorage

extension SQLiteStore {
    public func insertPetition(_ petition: Petition, status: PetitionStatusChange) async throws {
        var stored = petition
        stored.revision = 0
        stored.signatureCount = 0
        let value = try StoredValue.encode(stored)
        let statusValue = try StoredValue.encode(status)
        try await write { db in
            try db.execute(sql: """
                INSERT INTO petition (tenant_id, id, process_id, revision, value) VALUES (?, ?, ?, 0, ?)
                """, arguments: [petition.tenantID.argument, petition.id.argument, petition.processID.argument, .text(value)]
            ) { code in
                switch code {
                case .constraintPrimaryKey: .duplicate("petition", petition.id)
                case .constraintForeignKey: .notFound("process", petition.processID)
                default: nil
                }
            }
            try db.appendPetitionStatus(petition.id, in: petition.tenantID, value: statusValue)
        }
    }

    public func petition(_ id: PetitionID, in tenant: TenantID) async throws -> Petition {
        try await read { db in try db.storedPetition(id, in: tenant) }
    }

    public func petitions(of process: ProcessID, in tenant: TenantID) async throws -> [Petition] {
        try await read { db in
            guard try db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try db.fetchValues(Petition.self, sql: """
                SELECT value FROM petition WHERE tenant_id = ? AND process_id = ? ORDER BY id
                """, arguments: [tenant.argument, process.argument])
        }
    }

    public func recordSignature(_ signature: PetitionSignature) async throws -> SignatureReceipt {
        try await write { db in
            let tenant = signature.tenantID
            let petition = try db.storedPetition(signature.petitionID, in: tenant)
            guard try db.participantExists(signature.signerID, in: tenant) else {
                throw ParticipationError.notFound("participant", signature.signerID)
            }
            if try db.exists(sql: """
                SELECT 1 FROM petition_signature WHERE tenant_id = ? AND petition_id = ? AND signer_id = ?
                """, arguments: [tenant.argument, signature.petitionID.argument, signature.signerID.argument])
            {
                throw ParticipationError(.duplicate, "participant '\(signature.signerID)' already signed this petition")
            }
            guard petition.collectsSignatures else {
                throw ParticipationError(
                    .invalidTransition, "petition '\(petition.id)' is \(petition.status) and no longer collects signatures")
            }
            // Signature, count and threshold change in one write transaction: exactly one
            // signature is the threshold-th, whatever the concurrency.
            try db.execute(sql: """
                INSERT INTO petition_signature (tenant_id, petition_id, signer_id, signed_at) VALUES (?, ?, ?, ?)
                """, arguments: [
                    tenant.argument, signature.petitionID.argument, signature.signerID.argument,
                    .real(signature.at.storedSeconds),
                ])
            let (signed, change) = petition.addingSignature(at: signature.at)
            try db.execute(sql: "UPDATE petition SET value = ? WHERE tenant_id = ? AND id = ?",
                arguments: [.text(try StoredValue.encode(signed)), tenant.argument, petition.id.argument])
            if let change { try db.appendPetitionStatus(petition.id, in: tenant, value: try StoredValue.encode(change)) }
            return SignatureReceipt(petition: signed, statusChange: change)
        }
    }

    public func hasSigned(_ petition: PetitionID, signer: ParticipantID, in tenant: TenantID) async throws -> Bool {
        try await read { db in
            _ = try db.storedPetition(petition, in: tenant)
            return try db.exists(sql: """
                SELECT 1 FROM petition_signature WHERE tenant_id = ? AND petition_id = ? AND signer_id = ?
                """, arguments: [tenant.argument, petition.argument, signer.argument])
        }
    }

    public func updatePetition(_ petition: Petition, status: PetitionStatusChange, audit: AuditEntry) async throws -> Petition {
        let statusValue = try StoredValue.encode(status)
        return try await write { db in
            let stored = try db.storedPetition(petition.id, in: petition.tenantID)
            guard stored.revision == petition.revision else {
                throw ParticipationError(.conflict, "petition '\(petition.id)' changed since it was read")
            }
            var updated = petition
            updated.revision += 1
            updated.signatureCount = stored.signatureCount
            try db.execute(sql: "UPDATE petition SET revision = ?, value = ? WHERE tenant_id = ? AND id = ?",
                arguments: [
                    .integer(Int64(updated.revision)), .text(try StoredValue.encode(updated)), petition.tenantID.argument,
                    petition.id.argument,
                ])
            try db.appendPetitionStatus(petition.id, in: petition.tenantID, value: statusValue)
            try db.insertAudit(audit)
            return updated
        }
    }

    public func petitionStatusHistory(of petition: PetitionID, in tenant: TenantID) async throws -> [PetitionStatusChange] {
        try await read { db in
            _ = try db.storedPetition(petition, in: tenant)
            return try db.fetchValues(PetitionStatusChange.self, sql: """
                SELECT value FROM petition_status WHERE tenant_id = ? AND petition_id = ? ORDER BY sequence
                """, arguments: [tenant.argument, petition.argument])
        }
    }
}

// MARK: - VotationStorage

extension SQLiteStore {
    public func insertVotation(_ votation: Votation, audit: AuditEntry) async throws {
        let value = try StoredValue.encode(votation)
        try await write { db in
            try db.execute(sql: "INSERT INTO votation (tenant_id, id, process_id, value) VALUES (?, ?, ?, ?)",
                arguments: [votation.tenantID.argument, votation.id.argument, votation.processID.argument, .text(value)]
            ) { code in
                switch code {
                case .constraintPrimaryKey: .duplicate("votation", votation.id)
                case .constraintForeignKey: .notFound("process", votation.processID)
                default: nil
                }
            }
            try db.insertAudit(audit)
        }
    }

    public func votation(_ id: VotationID, in tenant: TenantID) async throws -> Votation {
        try await read { db in try db.storedVotation(id, in: tenant) }
    }

    public func castVotationBallot(_ ballot: VotationBallot) async throws {
        let value = try StoredValue.encode(ballot)
        try await write { db in
            let tenant = ballot.tenantID.argument
            _ = try db.storedVotation(ballot.votationID, in: ballot.tenantID)
            guard try db.participantExists(ballot.voterID, in: ballot.tenantID) else {
                throw ParticipationError.notFound("participant", ballot.voterID)
            }
            try db.execute(sql: "INSERT INTO votation_ballot (tenant_id, votation_id, voter_id, value) VALUES (?, ?, ?, ?)",
                arguments: [tenant, ballot.votationID.argument, ballot.voterID.argument, .text(value)]
            ) { code in
                code == .constraintPrimaryKey
                    ? ParticipationError(.duplicate, "participant '\(ballot.voterID)' already voted in this votation") : nil
            }
            for (question, answer) in ballot.answers.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: """
                    INSERT INTO votation_answer (tenant_id, votation_id, voter_id, question_id, answer) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [tenant, ballot.votationID.argument, ballot.voterID.argument, question.argument, .text(answer.rawValue)])
            }
        }
    }

    public func votationCounts(of votation: VotationID, in tenant: TenantID) async throws -> [VotationQuestionID: VotationCount] {
        try await read { db in
            _ = try db.storedVotation(votation, in: tenant)
            let rows = try db.fetchAll(sql: """
                SELECT question_id, answer, count(*) FROM votation_answer WHERE tenant_id = ? AND votation_id = ?
                GROUP BY question_id, answer
                """, arguments: [tenant.argument, votation.argument]) { row in
                (VotationQuestionID(rawValue: row.string(at: 0)), row.string(at: 1), row.int(at: 2))
            }
            var counts: [VotationQuestionID: VotationCount] = [:]
            for (question, answer, count) in rows {
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
            _ = try db.storedVotation(votation, in: tenant)
            return try db.count(sql: "SELECT count(*) FROM votation_ballot WHERE tenant_id = ? AND votation_id = ?",
                arguments: [tenant.argument, votation.argument])
        }
    }
}

// MARK: - QuestionnaireStorage

extension SQLiteStore {
    public func insertQuestionnaire(_ questionnaire: Questionnaire, audit: AuditEntry) async throws {
        let value = try StoredValue.encode(questionnaire)
        try await write { db in
            try db.execute(sql: "INSERT INTO questionnaire (tenant_id, id, process_id, value) VALUES (?, ?, ?, ?)",
                arguments: [questionnaire.tenantID.argument, questionnaire.id.argument, questionnaire.processID.argument, .text(value)]
            ) { code in
                switch code {
                case .constraintPrimaryKey: .duplicate("questionnaire", questionnaire.id)
                case .constraintForeignKey: .notFound("process", questionnaire.processID)
                default: nil
                }
            }
            try db.insertAudit(audit)
        }
    }

    public func questionnaire(_ id: QuestionnaireID, in tenant: TenantID) async throws -> Questionnaire {
        try await read { db in try db.storedQuestionnaire(id, in: tenant) }
    }

    public func appendQuestion(_ question: Question, to questionnaire: QuestionnaireID, in tenant: TenantID) async throws
        -> Questionnaire
    {
        try await write { db in
            var stored = try db.storedQuestionnaire(questionnaire, in: tenant)
            if stored.questions.contains(where: { $0.id == question.id }) {
                throw ParticipationError.duplicate("question", question.id)
            }
            stored.questions.append(question)
            try db.execute(sql: "UPDATE questionnaire SET value = ? WHERE tenant_id = ? AND id = ?",
                arguments: [.text(try StoredValue.encode(stored)), tenant.argument, questionnaire.argument])
            return stored
        }
    }

    public func recordResponse(_ response: QuestionnaireResponse) async throws -> QuestionnaireResponse? {
        let value = try StoredValue.encode(response)
        return try await write { db in
            _ = try db.storedQuestionnaire(response.questionnaireID, in: response.tenantID)
            guard try db.participantExists(response.participantID, in: response.tenantID) else {
                throw ParticipationError.notFound("participant", response.participantID)
            }
            let key: [SQLiteValue] = [response.tenantID.argument, response.questionnaireID.argument, response.participantID.argument]
            let replaced = try db.fetchValue(QuestionnaireResponse.self, sql: """
                SELECT value FROM questionnaire_response WHERE tenant_id = ? AND questionnaire_id = ? AND participant_id = ?
                """, arguments: key)
            try db.execute(sql: """
                INSERT INTO questionnaire_response (tenant_id, questionnaire_id, participant_id, value) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id, questionnaire_id, participant_id) DO UPDATE SET value = excluded.value
                """, arguments: key + [.text(value)])
            return replaced
        }
    }

    public func responses(to questionnaire: QuestionnaireID, in tenant: TenantID) async throws -> [QuestionnaireResponse] {
        try await read { db in
            _ = try db.storedQuestionnaire(questionnaire, in: tenant)
            return try db.fetchValues(QuestionnaireResponse.self, sql: """
                SELECT value FROM questionnaire_response WHERE tenant_id = ? AND questionnaire_id = ? ORDER BY participant_id
                """, arguments: [tenant.argument, questionnaire.argument])
        }
    }
}

extension SQLiteConnection {
    func storedPetition(_ id: PetitionID, in tenant: TenantID) throws -> Petition {
        guard let petition = try fetchValue(Petition.self, sql: "SELECT value FROM petition WHERE tenant_id = ? AND id = ?",
            arguments: [tenant.argument, id.argument])
        else { throw ParticipationError.notFound("petition", id) }
        return petition
    }

    func storedVotation(_ id: VotationID, in tenant: TenantID) throws -> Votation {
        guard let votation = try fetchValue(Votation.self, sql: "SELECT value FROM votation WHERE tenant_id = ? AND id = ?",
            arguments: [tenant.argument, id.argument])
        else { throw ParticipationError.notFound("votation", id) }
        return votation
    }

    func storedQuestionnaire(_ id: QuestionnaireID, in tenant: TenantID) throws -> Questionnaire {
        guard let questionnaire = try fetchValue(Questionnaire.self, sql: "SELECT value FROM questionnaire WHERE tenant_id = ? AND id = ?",
            arguments: [tenant.argument, id.argument])
        else { throw ParticipationError.notFound("questionnaire", id) }
        return questionnaire
    }

    func appendPetitionStatus(_ petition: PetitionID, in tenant: TenantID, value: String) throws {
        try execute(sql: "INSERT INTO petition_status (tenant_id, petition_id, value) VALUES (?, ?, ?)",
            arguments: [tenant.argument, petition.argument, .text(value)])
    }
}
