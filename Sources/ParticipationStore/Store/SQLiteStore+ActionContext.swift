import Participation

// MARK: - ActionContextStorage

extension SQLiteStore {
    /// One read transaction, one hop to the store's queue: the process, the participant and
    /// their block, the current charter, the accepted version, and one primary-key lookup per
    /// distinct proposition id asked for.
    public func actionContext(
        of participant: ParticipantID, in process: ProcessID, tenant: TenantID, propositions ids: [PropositionID]
    ) async throws -> ActionContext {
        try await read { db in try db.actionContext(of: participant, in: process, tenant: tenant, propositions: ids) }
    }

    /// One read transaction, one hop to the store's queue, one indexed lookup per distinct id
    /// (a cached statement joining the participant to their block). The JSON documents are
    /// decoded after the read, off the store's queue, so that decoding one batch does not hold
    /// up other callers' reads and writes.
    public func participantStandings(_ ids: [ParticipantID], in tenant: TenantID) async throws
        -> [ParticipantID: ParticipantStanding]
    {
        let rows = try await read { db in
            var rows: [ParticipantID: (participant: String, block: String?)] = [:]
            rows.reserveCapacity(ids.count)
            for id in ids where rows[id] == nil {
                rows[id] = try db.fetchOne(sql: """
                    SELECT participant.value, participant_block.value FROM participant
                    LEFT JOIN participant_block
                        ON participant_block.tenant_id = participant.tenant_id AND participant_block.participant_id = participant.id
                    WHERE participant.tenant_id = ? AND participant.id = ?
                    """, arguments: [tenant.argument, id.argument]) { row in
                    (participant: row.string(at: 0), block: row.isNull(at: 1) ? nil : row.string(at: 1))
                }
            }
            return rows
        }
        do {
            return try rows.mapValues { row in
                ParticipantStanding(
                    participant: try StoredValue.decode(Participant.self, from: row.participant),
                    block: try row.block.map { try StoredValue.decode(ParticipantBlock.self, from: $0) })
            }
        } catch {
            throw StorageFailure.wrap(error)
        }
    }
}

extension SQLiteConnection {
    /// The context, read with this connection: from a reader's snapshot, or inside the
    /// writer's transaction when a cast is decided on what it is stored into.
    ///
    /// One statement reads the five single rows (a scalar subquery each, so a missing row is a
    /// `NULL` column rather than a missing row), one the participant's counted ballot, then one
    /// primary-key lookup per distinct proposition id.
    func actionContext(
        of participant: ParticipantID, in process: ProcessID, tenant: TenantID, propositions ids: [PropositionID]
    ) throws -> ActionContext {
        let single = try fetchOne(sql: """
            SELECT
                (SELECT value FROM process WHERE tenant_id = ?1 AND id = ?2),
                (SELECT value FROM participant WHERE tenant_id = ?1 AND id = ?3),
                (SELECT value FROM participant_block WHERE tenant_id = ?1 AND participant_id = ?3),
                (SELECT value FROM charter WHERE tenant_id = ?1 ORDER BY version DESC LIMIT 1),
                (SELECT version FROM charter_acceptance WHERE tenant_id = ?1 AND participant_id = ?3)
            """, arguments: [tenant.argument, process.argument, participant.argument]
        ) { row in
            guard !row.isNull(at: 0) else { throw ParticipationError.notFound("process", process) }
            guard !row.isNull(at: 1) else { throw ParticipationError.notFound("participant", participant) }
            return (
                process: try storedValue(ParticipatoryProcess.self, fromColumn: 0, of: row),
                participant: try storedValue(Participant.self, fromColumn: 1, of: row),
                block: row.isNull(at: 2) ? nil : try storedValue(ParticipantBlock.self, fromColumn: 2, of: row),
                charter: row.isNull(at: 3) ? nil : try storedValue(Charter.self, fromColumn: 3, of: row),
                accepted: row.isNull(at: 4) ? nil : row.int(at: 4))
        }
        // A SELECT without FROM always returns its one row.
        guard let single else { throw SQLiteError(extendedCode: .error, message: "the action context query returned no row") }
        let propositions = try Set(ids).sorted().compactMap { id in
            try fetchValue(Proposition.self, sql: """
                SELECT value FROM proposition WHERE tenant_id = ? AND id = ? AND process_id = ?
                """, arguments: [tenant.argument, id.argument, process.argument])
        }
        return ActionContext(
            process: single.process, participant: single.participant, block: single.block, currentCharter: single.charter,
            acceptedCharterVersion: single.accepted,
            countedBallot: try ballotHeader(of: participant, process: process, in: tenant)?.counted, propositions: propositions)
    }
}
