import Participation
import PostgresNIO

// MARK: - BallotStorage

extension PostgresStore {
    public func castBallot(_ ballot: Ballot) async throws -> BallotCastOutcome {
        try await write { db in try await db.cast(ballot) }
    }

    public func withdrawBallot(of voter: ParticipantID, process: ProcessID, in tenant: TenantID) async throws -> Ballot {
        try await write { db in
            guard let header = try await db.ballotHeader(of: voter, process: process, in: tenant) else {
                throw ParticipationError.notFound("ballot of participant", voter)
            }
            guard header.channel.isRevisable else {
                throw ParticipationError(.forbidden, "a \(header.channel.name) ballot cannot be withdrawn")
            }
            let ballot = header.ballot(tenant: tenant, process: process, choices: try await db.ballotChoices(sequence: header.sequence))
            try await db.execute("DELETE FROM ballot WHERE sequence = \(header.sequence)")
            return ballot
        }
    }

    public func ballot(of voter: ParticipantID, process: ProcessID, in tenant: TenantID) async throws -> Ballot? {
        try await read { db in
            guard let header = try await db.ballotHeader(of: voter, process: process, in: tenant) else {
                return nil
            }
            return header.ballot(tenant: tenant, process: process, choices: try await db.ballotChoices(sequence: header.sequence))
        }
    }

    public func ballots(of process: ProcessID, in tenant: TenantID, after: BallotID?, limit: Int) async throws -> [Ballot] {
        let limit = max(0, limit)
        return try await read { db in
            // One query: the page of ballots, each with its lines (LEFT JOIN keeps a
            // ballot with no lines), in id then line order. `after` is NULL on the first page.
            let columns = BallotRow.columns.split(separator: ", ").map { "b.\($0)" }.joined(separator: ", ")
            let rows = try await db.fetchAll("""
                SELECT \(unescaped: columns), l.proposition_id, l.points
                FROM (
                    SELECT * FROM ballot
                    WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue)
                        AND (\(after?.rawValue)::text IS NULL OR id > \(after?.rawValue))
                    ORDER BY id LIMIT \(limit)
                ) AS b LEFT JOIN ballot_line AS l ON l.ballot_sequence = b.sequence
                ORDER BY b.id, l.position
                """
            ) { row -> (BallotRow, BallotChoice?) in
                let header = try BallotRow(row)
                let cells = row.makeRandomAccess()
                let proposition = try cells[10].decode(String?.self)
                let points = try cells[11].decode(Int?.self)
                return (header, proposition.map { BallotChoice(PropositionID(rawValue: $0), points: points ?? 0) })
            }
            var ballots: [Ballot] = []
            var current: (header: BallotRow, choices: [BallotChoice])?
            for (header, choice) in rows {
                if current?.header.sequence != header.sequence {
                    if let current { ballots.append(current.header.ballot(tenant: tenant, process: process, choices: current.choices)) }
                    current = (header, [])
                }
                if let choice { current?.choices.append(choice) }
            }
            if let current { ballots.append(current.header.ballot(tenant: tenant, process: process, choices: current.choices)) }
            return ballots
        }
    }

    public func ballotCounts(of process: ProcessID, in tenant: TenantID) async throws -> [String: Int] {
        try await read { db in
            let rows = try await db.fetchAll("""
                SELECT channel, count(*) FROM ballot WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue)
                GROUP BY channel
                """) { try $0.decode((String, Int).self) }
            return Dictionary(uniqueKeysWithValues: rows)
        }
    }

    public func ballotConflicts(of process: ProcessID, in tenant: TenantID) async throws -> [BallotConflict] {
        try await read { db in
            try await db.fetchValues(BallotConflict.self, """
                SELECT value::text FROM ballot_conflict
                WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue) ORDER BY sequence
                """)
        }
    }
}

extension PostgresTransaction {
    /// Casts one ballot inside the caller's transaction, as
    /// ``PostgresStore/castBallot(_:)`` documents.
    func cast(_ ballot: Ballot) async throws -> BallotCastOutcome {
        let tenant = ballot.tenantID
        // The three existence checks in one round trip, answered in the contract's order.
        let (processExists, voterExists, idTaken) = try await fetchOne("""
            SELECT
                EXISTS (SELECT 1 FROM process WHERE tenant_id = \(tenant.rawValue) AND id = \(ballot.processID.rawValue)),
                EXISTS (SELECT 1 FROM participant WHERE tenant_id = \(tenant.rawValue) AND id = \(ballot.voterID.rawValue)),
                EXISTS (SELECT 1 FROM ballot_id WHERE tenant_id = \(tenant.rawValue) AND id = \(ballot.id.rawValue))
            """) { try $0.decode((Bool, Bool, Bool).self) } ?? (false, false, false)
        guard processExists else { throw ParticipationError.notFound("process", ballot.processID) }
        guard voterExists else { throw ParticipationError.notFound("participant", ballot.voterID) }
        guard !idTaken else { throw ParticipationError.duplicate("ballot", ballot.id) }
        let existing = try await ballotHeader(of: ballot.voterID, process: ballot.processID, in: tenant)
        switch BallotCastDecision.deciding(ballot, existing: existing.map(\.counted)) {
        case .insert:
            try await insertBallot(ballot)
            return .cast
        case .replace(let replaced):
            // A replacement is only decided on an existing ballot, so `existing` is set.
            try await execute("DELETE FROM ballot WHERE sequence = \(existing!.sequence)")
            try await insertBallot(ballot)
            return .replaced(replaced)
        case .refuse(let conflict):
            try await execute("""
                INSERT INTO ballot_conflict (tenant_id, process_id, value)
                VALUES (\(tenant.rawValue), \(ballot.processID.rawValue), \(try StoredDocument.encode(conflict))::jsonb)
                """)
            return .refusedDuplicate(conflict)
        }
    }

    /// The voter's counted ballot in the process, without its lines.
    func ballotHeader(of voter: ParticipantID, process: ProcessID, in tenant: TenantID) async throws -> BallotRow? {
        try await fetchOne("""
            SELECT \(unescaped: BallotRow.columns) FROM ballot
            WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue) AND voter_id = \(voter.rawValue)
            """) { try BallotRow($0) }
    }

    /// A stored ballot's lines, in ballot order.
    func ballotChoices(sequence: Int64) async throws -> [BallotChoice] {
        try await fetchAll("""
            SELECT proposition_id, points FROM ballot_line WHERE ballot_sequence = \(sequence) ORDER BY position
            """) { row in
            let (proposition, points) = try row.decode((String, Int).self)
            return BallotChoice(PropositionID(rawValue: proposition), points: points)
        }
    }

    /// Inserts a ballot and its lines in one statement (one round trip) inside the
    /// caller's transaction; the lines are two bound arrays, unnested in order.
    func insertBallot(_ ballot: Ballot) async throws {
        let details = BallotRow.channelColumns(ballot.channel)
        let propositions = ballot.choices.map(\.propositionID.rawValue)
        let points = ballot.choices.map(\.points)
        try await execute("""
            WITH inserted AS (
                INSERT INTO ballot (tenant_id, id, process_id, voter_id, scope_id, channel, station, batch, agent_id, kiosk_id, cast_at)
                VALUES (\(ballot.tenantID.rawValue), \(ballot.id.rawValue), \(ballot.processID.rawValue), \(ballot.voterID.rawValue),
                    \(ballot.scope?.rawValue), \(ballot.channel.name), \(details.station), \(details.batch), \(details.agent),
                    \(details.kiosk), \(ballot.castAt.storedSeconds))
                RETURNING sequence
            )
            INSERT INTO ballot_line (ballot_sequence, position, proposition_id, points)
            SELECT inserted.sequence, line.ordinality - 1, line.proposition_id, line.points
            FROM inserted, unnest(\(propositions)::text[], \(points)::bigint[]) WITH ORDINALITY AS line (proposition_id, points, ordinality)
            """
        ) { violation in
            switch violation.kind {
            case .unique: .duplicate("ballot", ballot.id)
            case .foreignKey: .notFound("process or participant", ballot.voterID)
            case .check: nil
            }
        }
    }
}
