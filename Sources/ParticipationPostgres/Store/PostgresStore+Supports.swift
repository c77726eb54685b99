import Participation
import PostgresNIO

// MARK: - ContributionRulesStorage

extension PostgresStore {
    public func setContributionRules(_ rules: ContributionRules, audit: AuditEntry) async throws {
        let value = try StoredDocument.encode(rules)
        try await write { db in
            guard try await db.processExists(rules.processID, in: rules.tenantID) else {
                throw ParticipationError.notFound("process", rules.processID)
            }
            try await db.execute("""
                INSERT INTO contribution_rules (tenant_id, process_id, value)
                VALUES (\(rules.tenantID.rawValue), \(rules.processID.rawValue), \(value)::jsonb)
                ON CONFLICT (tenant_id, process_id) DO UPDATE SET value = excluded.value
                """)
            try await db.insertAudit(audit)
        }
    }

    public func contributionRules(of process: ProcessID, in tenant: TenantID) async throws -> ContributionRules {
        try await read { db in
            guard try await db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try await db.fetchValue(ContributionRules.self, """
                SELECT value::text FROM contribution_rules WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue)
                """) ?? ContributionRules(processID: process, tenantID: tenant)
        }
    }
}

// MARK: - SupportStorage

extension PostgresStore {
    public func recordSupport(_ support: Support, rules: SupportRules) async throws -> SupportReceipt {
        let value = try StoredDocument.encode(support)
        return try await write { db in
            let tenant = support.tenantID.rawValue
            try await db.requireProposition(support.propositionID, of: support.processID, in: support.tenantID)
            guard try await db.participantExists(support.supporterID, in: support.tenantID) else {
                throw ParticipationError.notFound("participant", support.supporterID)
            }
            if try await db.exists("""
                SELECT 1 FROM support
                WHERE tenant_id = \(tenant) AND proposition_id = \(support.propositionID.rawValue)
                    AND supporter_id = \(support.supporterID.rawValue)
                """)
            {
                throw ParticipationError(.duplicate, "participant '\(support.supporterID)' already supports this proposition")
            }
            // The counts and the insert run in one serializable transaction: a concurrent
            // support that would change either count makes one of the two transactions
            // fail and run again, so the quota holds under concurrency.
            let participantSupports = try await db.count("""
                SELECT count(*) FROM support
                WHERE tenant_id = \(tenant) AND process_id = \(support.processID.rawValue) AND supporter_id = \(support.supporterID.rawValue)
                """)
            let propositionSupports = try await db.count("""
                SELECT count(*) FROM support WHERE tenant_id = \(tenant) AND proposition_id = \(support.propositionID.rawValue)
                """)
            if let refusal = rules.refusal(participantSupports: participantSupports, propositionSupports: propositionSupports) {
                throw refusal
            }
            try await db.execute("""
                INSERT INTO support (tenant_id, process_id, proposition_id, supporter_id, value)
                VALUES (\(tenant), \(support.processID.rawValue), \(support.propositionID.rawValue), \(support.supporterID.rawValue),
                    \(value)::jsonb)
                """)
            return SupportReceipt(participantSupports: participantSupports + 1, propositionSupports: propositionSupports + 1)
        }
    }

    public func withdrawSupport(of supporter: ParticipantID, from proposition: PropositionID, in tenant: TenantID)
        async throws -> Support
    {
        try await write { db in
            let support = try await db.fetchValue(Support.self, """
                DELETE FROM support
                WHERE tenant_id = \(tenant.rawValue) AND proposition_id = \(proposition.rawValue) AND supporter_id = \(supporter.rawValue)
                RETURNING value::text
                """)
            guard let support else { throw ParticipationError.notFound("support of participant", supporter) }
            return support
        }
    }

    public func supports(in process: ProcessID, tenant: TenantID) async throws -> [Support] {
        try await read { db in
            guard try await db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try await db.fetchValues(Support.self, """
                SELECT value::text FROM support WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue)
                ORDER BY proposition_id, supporter_id
                """)
        }
    }

    public func supports(by supporter: ParticipantID, in process: ProcessID, tenant: TenantID) async throws -> [Support] {
        try await read { db in
            try await db.fetchValues(Support.self, """
                SELECT value::text FROM support
                WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue) AND supporter_id = \(supporter.rawValue)
                ORDER BY proposition_id
                """)
        }
    }
}

// MARK: - OpinionStorage

extension PostgresStore {
    public func recordOpinion(_ opinion: Opinion) async throws -> Opinion? {
        let value = try StoredDocument.encode(opinion)
        return try await write { db in
            try await db.requireProposition(opinion.propositionID, of: opinion.processID, in: opinion.tenantID)
            guard try await db.participantExists(opinion.participantID, in: opinion.tenantID) else {
                throw ParticipationError.notFound("participant", opinion.participantID)
            }
            let (tenant, proposition, participant) = (
                opinion.tenantID.rawValue, opinion.propositionID.rawValue, opinion.participantID.rawValue
            )
            let replaced = try await db.fetchValue(Opinion.self, """
                SELECT value::text FROM opinion
                WHERE tenant_id = \(tenant) AND proposition_id = \(proposition) AND participant_id = \(participant)
                """)
            try await db.execute("""
                INSERT INTO opinion (tenant_id, proposition_id, participant_id, value)
                VALUES (\(tenant), \(proposition), \(participant), \(value)::jsonb)
                ON CONFLICT (tenant_id, proposition_id, participant_id) DO UPDATE SET value = excluded.value
                """)
            return replaced
        }
    }

    public func opinions(on proposition: PropositionID, in tenant: TenantID) async throws -> [Opinion] {
        try await read { db in
            guard try await db.propositionExists(proposition, in: tenant) else {
                throw ParticipationError.notFound("proposition", proposition)
            }
            return try await db.fetchValues(Opinion.self, """
                SELECT value::text FROM opinion WHERE tenant_id = \(tenant.rawValue) AND proposition_id = \(proposition.rawValue)
                ORDER BY participant_id
                """)
        }
    }
}
