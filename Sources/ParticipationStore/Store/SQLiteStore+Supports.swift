import Participation

// MARK: - ContributionRulesStorage

extension SQLiteStore {
    public func setContributionRules(_ rules: ContributionRules, audit: AuditEntry) async throws {
        let value = try StoredValue.encode(rules)
        try await write { db in
            guard try db.processExists(rules.processID, in: rules.tenantID) else {
                throw ParticipationError.notFound("process", rules.processID)
            }
            try db.execute(sql: """
                INSERT INTO contribution_rules (tenant_id, process_id, value) VALUES (?, ?, ?)
                ON CONFLICT (tenant_id, process_id) DO UPDATE SET value = excluded.value
                """, arguments: [rules.tenantID.argument, rules.processID.argument, .text(value)])
            try db.insertAudit(audit)
        }
    }

    public func contributionRules(of process: ProcessID, in tenant: TenantID) async throws -> ContributionRules {
        try await read { db in
            guard try db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try db.fetchValue(ContributionRules.self, sql: """
                SELECT value FROM contribution_rules WHERE tenant_id = ? AND process_id = ?
                """, arguments: [tenant.argument, process.argument]) ?? ContributionRules(processID: process, tenantID: tenant)
        }
    }
}

// MARK: - SupportStorage

extension SQLiteStore {
    public func recordSupport(_ support: Support, rules: SupportRules) async throws -> SupportReceipt {
        let value = try StoredValue.encode(support)
        return try await write { db in
            let tenant = support.tenantID.argument
            try db.requireProposition(support.propositionID, of: support.processID, in: support.tenantID)
            guard try db.participantExists(support.supporterID, in: support.tenantID) else {
                throw ParticipationError.notFound("participant", support.supporterID)
            }
            if try db.exists(sql: """
                SELECT 1 FROM support WHERE tenant_id = ? AND proposition_id = ? AND supporter_id = ?
                """, arguments: [tenant, support.propositionID.argument, support.supporterID.argument])
            {
                throw ParticipationError(.duplicate, "participant '\(support.supporterID)' already supports this proposition")
            }
            // The counts and the insert run in one write transaction: no other writer can
            // slip a support in between, so the quota holds under concurrency.
            let participantSupports = try db.count(sql: """
                SELECT count(*) FROM support WHERE tenant_id = ? AND process_id = ? AND supporter_id = ?
                """, arguments: [tenant, support.processID.argument, support.supporterID.argument])
            let propositionSupports = try db.count(sql: """
                SELECT count(*) FROM support WHERE tenant_id = ? AND proposition_id = ?
                """, arguments: [tenant, support.propositionID.argument])
            if let refusal = rules.refusal(participantSupports: participantSupports, propositionSupports: propositionSupports) {
                throw refusal
            }
            try db.execute(sql: """
                INSERT INTO support (tenant_id, process_id, proposition_id, supporter_id, value) VALUES (?, ?, ?, ?, ?)
                """, arguments: [tenant, support.processID.argument, support.propositionID.argument, support.supporterID.argument, .text(value)])
            return SupportReceipt(participantSupports: participantSupports + 1, propositionSupports: propositionSupports + 1)
        }
    }

    public func withdrawSupport(of supporter: ParticipantID, from proposition: PropositionID, in tenant: TenantID)
        async throws -> Support
    {
        try await write { db in
            let key: [SQLiteValue] = [tenant.argument, proposition.argument, supporter.argument]
            guard let support = try db.fetchValue(Support.self, sql: """
                SELECT value FROM support WHERE tenant_id = ? AND proposition_id = ? AND supporter_id = ?
                """, arguments: key)
            else { throw ParticipationError.notFound("support of participant", supporter) }
            try db.execute(sql: "DELETE FROM support WHERE tenant_id = ? AND proposition_id = ? AND supporter_id = ?", arguments: key)
            return support
        }
    }

    public func supports(in process: ProcessID, tenant: TenantID) async throws -> [Support] {
        try await read { db in
            guard try db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try db.fetchValues(Support.self, sql: """
                SELECT value FROM support WHERE tenant_id = ? AND process_id = ? ORDER BY proposition_id, supporter_id
                """, arguments: [tenant.argument, process.argument])
        }
    }

    public func supports(by supporter: ParticipantID, in process: ProcessID, tenant: TenantID) async throws -> [Support] {
        try await read { db in
            try db.fetchValues(Support.self, sql: """
                SELECT value FROM support WHERE tenant_id = ? AND process_id = ? AND supporter_id = ? ORDER BY proposition_id
                """, arguments: [tenant.argument, process.argument, supporter.argument])
        }
    }
}

// MARK: - OpinionStorage

extension SQLiteStore {
    public func recordOpinion(_ opinion: Opinion) async throws -> Opinion? {
        let value = try StoredValue.encode(opinion)
        return try await write { db in
            try db.requireProposition(opinion.propositionID, of: opinion.processID, in: opinion.tenantID)
            guard try db.participantExists(opinion.participantID, in: opinion.tenantID) else {
                throw ParticipationError.notFound("participant", opinion.participantID)
            }
            let key: [SQLiteValue] = [opinion.tenantID.argument, opinion.propositionID.argument, opinion.participantID.argument]
            let replaced = try db.fetchValue(Opinion.self, sql: """
                SELECT value FROM opinion WHERE tenant_id = ? AND proposition_id = ? AND participant_id = ?
                """, arguments: key)
            try db.execute(sql: """
                INSERT INTO opinion (tenant_id, proposition_id, participant_id, value) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id, proposition_id, participant_id) DO UPDATE SET value = excluded.value
                """, arguments: key + [.text(value)])
            return replaced
        }
    }

    public func opinions(on proposition: PropositionID, in tenant: TenantID) async throws -> [Opinion] {
        try await read { db in
            guard try db.propositionExists(proposition, in: tenant) else {
                throw ParticipationError.notFound("proposition", proposition)
            }
            return try db.fetchValues(Opinion.self, sql: """
                SELECT value FROM opinion WHERE tenant_id = ? AND proposition_id = ? ORDER BY participant_id
                """, arguments: [tenant.argument, proposition.argument])
        }
    }
}

extension SQLiteConnection {
    /// The first column of the first row as an integer (a `count(*)`).
    func count(sql: String, arguments: [SQLiteValue]) throws -> Int {
        try fetchOne(sql: sql, arguments: arguments) { $0.int(at: 0) } ?? 0
    }

    /// Throws `notFound` unless the proposition exists in `process`.
    func requireProposition(_ id: PropositionID, of process: ProcessID, in tenant: TenantID) throws {
        guard try exists(sql: "SELECT 1 FROM proposition WHERE tenant_id = ? AND id = ? AND process_id = ?",
            arguments: [tenant.argument, id.argument, process.argument])
        else { throw ParticipationError.notFound("proposition", id) }
    }

    /// Throws `notFound` unless `subject` exists in `process`.
    func requireSubject(_ subject: ContributionSubject, of process: ProcessID, in tenant: TenantID) throws {
        guard try processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
        switch subject {
        case .process: return
        case .proposition(let id): try requireProposition(id, of: process, in: tenant)
        case .petition(let id):
            guard try exists(sql: "SELECT 1 FROM petition WHERE tenant_id = ? AND id = ? AND process_id = ?",
                arguments: [tenant.argument, id.argument, process.argument])
            else { throw ParticipationError.notFound("petition", id) }
        }
    }
}
