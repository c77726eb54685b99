import Participation
import PostgresNIO

// MARK: - ActionContextStorage

extension PostgresStore {
    /// One statement for the whole batch: the ids travel as one bound array, each participant
    /// joined to their block. `actionContext` keeps the protocol's default (single reads).
    public func participantStandings(_ ids: [ParticipantID], in tenant: TenantID) async throws
        -> [ParticipantID: ParticipantStanding]
    {
        guard !ids.isEmpty else { return [:] }
        let distinct = Array(Set(ids.map(\.rawValue)))
        return try await read { db in
            let rows = try await db.fetchAll("""
                SELECT participant.value::text, participant_block.value::text FROM participant
                LEFT JOIN participant_block
                    ON participant_block.tenant_id = participant.tenant_id AND participant_block.participant_id = participant.id
                WHERE participant.tenant_id = \(tenant.rawValue) AND participant.id = ANY(\(distinct)::text[])
                """) { try $0.decode((String, String?).self) }
            var standings: [ParticipantID: ParticipantStanding] = [:]
            standings.reserveCapacity(rows.count)
            for (participantText, blockText) in rows {
                let participant = try StoredDocument.decode(Participant.self, from: participantText)
                standings[participant.id] = ParticipantStanding(
                    participant: participant,
                    block: try blockText.map { try StoredDocument.decode(ParticipantBlock.self, from: $0) })
            }
            return standings
        }
    }
}
