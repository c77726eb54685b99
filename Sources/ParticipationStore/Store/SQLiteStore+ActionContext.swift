import Participation

// MARK: - ActionContextStorage

extension SQLiteStore {
    /// One read transaction, one hop to the store's queue: the process, the participant and
    /// their block, the current charter, the accepted version, and one primary-key lookup per
    /// distinct proposition id asked for.
    public func actionContext(
        of participant: ParticipantID, in process: ProcessID, tenant: TenantID, propositions ids: [PropositionID]
    ) async throws -> ActionContext {
        try await read { db in
            guard
                let stored = try db.fetchValue(ParticipatoryProcess.self, sql: """
                    SELECT value FROM process WHERE tenant_id = ? AND id = ?
                    """, arguments: [tenant.argument, process.argument])
            else { throw ParticipationError.notFound("process", process) }
            let actor = try db.storedParticipant(participant, in: tenant)
            let block = try db.fetchValue(ParticipantBlock.self, sql: """
                SELECT value FROM participant_block WHERE tenant_id = ? AND participant_id = ?
                """, arguments: [tenant.argument, participant.argument])
            let charter = try db.fetchValue(Charter.self, sql: """
                SELECT value FROM charter WHERE tenant_id = ? ORDER BY version DESC LIMIT 1
                """, arguments: [tenant.argument])
            let accepted = try db.fetchOne(sql: """
                SELECT version FROM charter_acceptance WHERE tenant_id = ? AND participant_id = ?
                """, arguments: [tenant.argument, participant.argument]) { $0.int(at: 0) }
            let propositions = try Set(ids).sorted().compactMap { id in
                try db.fetchValue(Proposition.self, sql: """
                    SELECT value FROM proposition WHERE tenant_id = ? AND id = ? AND process_id = ?
                    """, arguments: [tenant.argument, id.argument, process.argument])
            }
            return ActionContext(
                process: stored, participant: actor, block: block, currentCharter: charter, acceptedCharterVersion: accepted,
                propositions: propositions)
        }
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
