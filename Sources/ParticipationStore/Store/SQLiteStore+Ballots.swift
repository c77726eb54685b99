import Participation

// MARK: - BallotStorage

extension SQLiteStore {
    public func castBallot(_ ballot: Ballot) async throws -> BallotCastOutcome {
        try await write { db in try db.cast(ballot) }
    }

    /// One write: the context is read on the writer's connection, inside the transaction the
    /// ballot is stored in. Besides closing the gap between check and write, this is the
    /// cheaper read: the writer's page cache stays warm, where a reader's is dropped after
    /// every commit.
    public func castBallot(
        of voter: ParticipantID, in process: ProcessID, tenant: TenantID, naming propositions: [PropositionID],
        decidedBy decide: @Sendable (ActionContext) throws -> Ballot
    ) async throws -> (ballot: Ballot, outcome: BallotCastOutcome) {
        try await write { db in
            let ballot = try decide(try db.actionContext(of: voter, in: process, tenant: tenant, propositions: propositions))
            return (ballot, try db.cast(ballot))
        }
    }

    public func withdrawBallot(of voter: ParticipantID, process: ProcessID, in tenant: TenantID) async throws -> Ballot {
        try await write { db in
            guard let header = try db.ballotHeader(of: voter, process: process, in: tenant) else {
                throw ParticipationError.notFound("ballot of participant", voter)
            }
            guard header.channel.isRevisable else {
                throw ParticipationError(.forbidden, "a \(header.channel.name) ballot cannot be withdrawn")
            }
            let ballot = header.ballot(tenant: tenant, process: process, choices: try db.ballotChoices(sequence: header.sequence))
            try db.deleteBallot(sequence: header.sequence)
            return ballot
        }
    }

    public func ballot(of voter: ParticipantID, process: ProcessID, in tenant: TenantID) async throws -> Ballot? {
        try await read { db in
            guard let header = try db.ballotHeader(of: voter, process: process, in: tenant) else {
                return nil
            }
            return header.ballot(tenant: tenant, process: process, choices: try db.ballotChoices(sequence: header.sequence))
        }
    }

    public func ballots(of process: ProcessID, in tenant: TenantID, after: BallotID?, limit: Int) async throws -> [Ballot] {
        try await read { db in
            // One query: the page of ballots, each with its lines (LEFT JOIN keeps a
            // ballot with no lines), in id then line order.
            let page = after == nil
                ? "SELECT * FROM ballot WHERE tenant_id = ?1 AND process_id = ?2 ORDER BY id LIMIT ?3"
                : "SELECT * FROM ballot WHERE tenant_id = ?1 AND process_id = ?2 AND id > ?4 ORDER BY id LIMIT ?3"
            let sql = """
                SELECT \(StoredBallot.headerColumns.split(separator: ", ").map { "b.\($0)" }.joined(separator: ", ")),
                    l.proposition_id, l.points
                FROM (\(page)) AS b LEFT JOIN ballot_line AS l ON l.ballot_sequence = b.sequence
                ORDER BY b.id, l.position
                """
            var arguments: [SQLiteValue] = [tenant.argument, process.argument, .integer(Int64(max(0, limit)))]
            if let after { arguments.append(after.argument) }

            var ballots: [Ballot] = []
            var current: (header: StoredBallot.Header, choices: [BallotChoice])?
            let statement = try db.cachedStatement(sql: sql)
            defer { statement.reset() }
            try statement.bind(arguments)
            while try statement.step() {
                let sequence = statement.int64(at: 0)
                if current?.header.sequence != sequence {
                    if let current { ballots.append(current.header.ballot(tenant: tenant, process: process, choices: current.choices)) }
                    current = (try StoredBallot.header(statement), [])
                }
                if !statement.isNull(at: 10) {
                    current?.choices.append(BallotChoice(PropositionID(rawValue: statement.string(at: 10)), points: statement.int(at: 11)))
                }
            }
            if let current { ballots.append(current.header.ballot(tenant: tenant, process: process, choices: current.choices)) }
            return ballots
        }
    }

    public func ballotCounts(of process: ProcessID, in tenant: TenantID) async throws -> [String: Int] {
        try await read { db in
            let rows = try db.fetchAll(sql: """
                SELECT channel, count(*) FROM ballot WHERE tenant_id = ? AND process_id = ? GROUP BY channel
                """, arguments: [tenant.argument, process.argument]) { ($0.string(at: 0), $0.int(at: 1)) }
            return Dictionary(uniqueKeysWithValues: rows)
        }
    }

    /// One query over the ballots and their lines, in one read transaction, filling each
    /// scope's profile row by row: no ``Ballot`` value is built, which is what keeps counting a
    /// million ballots within a small memory budget.
    public func ballotProfiles(of process: ProcessID, in tenant: TenantID) async throws -> [BallotProfile] {
        try await read { db in
            // Ballot ids then line positions, as `ballots(of:in:after:limit:)` orders them; the
            // LEFT JOIN keeps a ballot with no lines.
            let statement = try db.cachedStatement(sql: """
                SELECT b.sequence, b.scope_id, l.proposition_id, l.points
                FROM ballot AS b LEFT JOIN ballot_line AS l ON l.ballot_sequence = b.sequence
                WHERE b.tenant_id = ?1 AND b.process_id = ?2
                ORDER BY b.id, l.position
                """)
            defer { statement.reset() }
            try statement.bind([tenant.argument, process.argument])
            var profiles: [DistrictID?: BallotProfile] = [:]
            // The profile of the ballot being read is moved out of `profiles` while it is
            // filled (and moved back with `take()`), so that no append copies its arrays.
            var filling: BallotProfile?
            var sequence: Int64?
            while try statement.step() {
                let row = statement.int64(at: 0)
                if row != sequence {
                    if var finished = filling.take() {
                        finished.endBallot()
                        profiles[finished.scope] = finished
                    }
                    sequence = row
                    let scope = statement.optionalString(at: 1).map(DistrictID.init(rawValue:))
                    filling = profiles.removeValue(forKey: scope) ?? BallotProfile(scope: scope)
                }
                if !statement.isNull(at: 2) {
                    filling?.appendChoice(PropositionID(rawValue: statement.string(at: 2)), points: statement.int(at: 3))
                }
            }
            if var finished = filling.take() {
                finished.endBallot()
                profiles[finished.scope] = finished
            }
            return profiles.values.sorted(by: BallotProfile.scopeOrder)
        }
    }

    public func ballotConflicts(of process: ProcessID, in tenant: TenantID) async throws -> [BallotConflict] {
        try await read { db in
            try db.fetchValues(BallotConflict.self, sql: """
                SELECT value FROM ballot_conflict WHERE tenant_id = ? AND process_id = ? ORDER BY sequence
                """, arguments: [tenant.argument, process.argument])
        }
    }
}

extension SQLiteConnection {
    /// Casts one ballot inside the caller's transaction, as
    /// ``SQLiteStore/castBallot(_:)`` documents.
    ///
    /// On the usual path (a first ballot, or one that replaces an online ballot) the schema
    /// checks the rest as the ballot is inserted: its foreign keys (process, voter) and the
    /// trigger that records its id in `ballot_id`. Which reference is missing is looked up only
    /// after such a failure, so that a valid cast runs no existence query.
    func cast(_ ballot: Ballot) throws -> BallotCastOutcome {
        let tenant = ballot.tenantID
        let existing = try ballotHeader(of: ballot.voterID, process: ballot.processID, in: tenant)
        switch BallotCastDecision.deciding(ballot, existing: existing.map(\.counted)) {
        case .insert:
            try insertBallot(ballot)
            return .cast
        case .replace(let replaced):
            // A replacement is only decided on an existing ballot, so `existing` is set. The
            // caller's savepoint puts it back if this fails half-way.
            try replaceBallot(sequence: existing!.sequence, with: ballot)
            return .replaced(replaced)
        case .refuse(let conflict):
            guard try !ballotIDIsTaken(ballot.id, in: tenant) else {
                throw ParticipationError.duplicate("ballot", ballot.id)
            }
            try execute(sql: """
                INSERT INTO ballot_conflict (tenant_id, process_id, value) VALUES (?, ?, ?)
                """, arguments: [tenant.argument, ballot.processID.argument, .text(StoredValue.encode(conflict))])
            return .refusedDuplicate(conflict)
        }
    }

    /// Whether a ballot with this id was ever stored in the tenant, even if since
    /// replaced or withdrawn.
    func ballotIDIsTaken(_ id: BallotID, in tenant: TenantID) throws -> Bool {
        try exists(sql: "SELECT 1 FROM ballot_id WHERE tenant_id = ? AND id = ?", arguments: [tenant.argument, id.argument])
    }

    /// The voter's counted ballot in the process, without its lines.
    func ballotHeader(of voter: ParticipantID, process: ProcessID, in tenant: TenantID) throws -> StoredBallot.Header? {
        try fetchOne(sql: """
            SELECT \(StoredBallot.headerColumns) FROM ballot WHERE tenant_id = ? AND process_id = ? AND voter_id = ?
            """, arguments: [tenant.argument, process.argument, voter.argument]) { try StoredBallot.header($0) }
    }

    /// A stored ballot's lines, in ballot order.
    func ballotChoices(sequence: Int64) throws -> [BallotChoice] {
        try fetchAll(sql: """
            SELECT proposition_id, points FROM ballot_line WHERE ballot_sequence = ? ORDER BY position
            """, arguments: [.integer(sequence)]) { BallotChoice(PropositionID(rawValue: $0.string(at: 0)), points: $0.int(at: 1)) }
    }

    /// Inserts a ballot and its lines inside the caller's transaction.
    func insertBallot(_ ballot: Ballot) throws {
        let insert = try cachedStatement(sql: """
            INSERT INTO ballot (tenant_id, id, process_id, voter_id, scope_id, channel, station, batch, agent_id, kiosk_id, cast_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        defer { insert.reset() }
        try insert.bind(
            [
                ballot.tenantID.argument, ballot.id.argument, ballot.processID.argument, ballot.voterID.argument,
                ballot.scope.argument(), .text(ballot.channel.name),
            ] + StoredBallot.channelColumns(ballot.channel) + [.real(ballot.castAt.storedSeconds)])
        do {
            try insert.execute()
        } catch let error as SQLiteError where error.code == .constraint {
            throw try ballotRefusal(error, of: ballot)
        }
        try insertLines(of: ballot, sequence: lastInsertedRowID)
    }

    /// Turns the stored ballot `sequence` (the voter's, for the same process, scope and
    /// channel) into `ballot`: new id, time and lines, in the same row. The id trigger records
    /// the new id; the voter's index entries and foreign keys are left untouched.
    ///
    /// The channel columns are not written: SQLite then skips the channel's `CHECK`s, whose
    /// `IN` list of four channels costs an ephemeral table each time it is evaluated.
    func replaceBallot(sequence: Int64, with ballot: Ballot) throws {
        let update = try cachedStatement(sql: "UPDATE ballot SET id = ?, cast_at = ? WHERE sequence = ?")
        defer { update.reset() }
        try update.bind([ballot.id.argument, .real(ballot.castAt.storedSeconds), .integer(sequence)])
        do {
            try update.execute()
        } catch let error as SQLiteError where error.code == .constraint {
            throw try ballotRefusal(error, of: ballot)
        }
        try execute(sql: "DELETE FROM ballot_line WHERE ballot_sequence = ?", arguments: [.integer(sequence)])
        try insertLines(of: ballot, sequence: sequence)
    }

    /// The error a constraint failure writing `ballot` means. Which reference is missing is
    /// looked up only now, so that a valid cast runs no existence query.
    private func ballotRefusal(_ error: SQLiteError, of ballot: Ballot) throws -> any Error {
        switch error.extendedCode {
        // `ballot_id` (through a trigger) or `ballot`'s own unique id.
        case .constraintUnique, .constraintPrimaryKey: return ParticipationError.duplicate("ballot", ballot.id)
        case .constraintForeignKey:
            guard try processExists(ballot.processID, in: ballot.tenantID) else {
                return ParticipationError.notFound("process", ballot.processID)
            }
            return ParticipationError.notFound("participant", ballot.voterID)
        default: return error
        }
    }

    /// Inserts `ballot`'s lines under the stored ballot `sequence`.
    private func insertLines(of ballot: Ballot, sequence: Int64) throws {
        let line = try cachedStatement(sql: """
            INSERT INTO ballot_line (ballot_sequence, position, proposition_id, points) VALUES (?, ?, ?, ?)
            """)
        defer { line.reset() }
        for (position, choice) in ballot.choices.enumerated() {
            line.reset()
            try line.bind(sequence, at: 1)
            try line.bind(position, at: 2)
            try line.bind(choice.propositionID.rawValue, at: 3)
            try line.bind(choice.points, at: 4)
            try line.execute()
        }
    }

    /// Deletes a ballot; its lines go with it (`ON DELETE CASCADE`), its id stays taken.
    func deleteBallot(sequence: Int64) throws {
        try execute(sql: "DELETE FROM ballot WHERE sequence = ?", arguments: [.integer(sequence)])
    }
}
