import Foundation
import Participation
import PostgresNIO

/// Writes benchmark ballots through PostgresNIO with nothing in between: one leased
/// connection, no existence checks, the default isolation (`READ COMMITTED`), one
/// statement per ballot (the ballot row and its lines in one `INSERT … WITH`, as the
/// store writes them). This is the ceiling `PostgresStore` is measured against.
struct RawPostgresWriter {
    let client: PostgresClient
    let logger = Logger(label: "raw-postgres-writer")

    /// Ballots `numbers`, one transaction each.
    func castOneByOne(_ numbers: Range<Int>) async throws {
        try await client.withConnection { connection in
            for number in numbers {
                try await connection.query("BEGIN", logger: logger)
                try await insert(BenchmarkFixture.ballot(number, process: BenchmarkFixture.onlineProcess, channel: .online), on: connection)
                try await connection.query("COMMIT", logger: logger)
            }
        }
    }

    /// Paper ballots `numbers`, all in one transaction.
    func importPaper(_ numbers: Range<Int>) async throws {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            for number in numbers {
                try await insert(
                    BenchmarkFixture.ballot(number, process: BenchmarkFixture.paperProcess, channel: BenchmarkFixture.paperChannel),
                    on: connection)
            }
            try await connection.query("COMMIT", logger: logger)
        }
    }

    private func insert(_ ballot: Ballot, on connection: PostgresConnection) async throws {
        var station: String?, batch: String?, agent: String?
        if case .paper(let paperStation, let agentID, let paperBatch) = ballot.channel {
            (station, batch, agent) = (paperStation, paperBatch, agentID.rawValue)
        }
        try await connection.query("""
            WITH inserted AS (
                INSERT INTO ballot (tenant_id, id, process_id, voter_id, channel, station, batch, agent_id, cast_at)
                VALUES (\(ballot.tenantID.rawValue), \(ballot.id.rawValue), \(ballot.processID.rawValue), \(ballot.voterID.rawValue),
                    \(ballot.channel.name), \(station), \(batch), \(agent), \(ballot.castAt.timeIntervalSinceReferenceDate))
                RETURNING sequence
            )
            INSERT INTO ballot_line (ballot_sequence, position, proposition_id, points)
            SELECT inserted.sequence, line.ordinality - 1, line.proposition_id, 1
            FROM inserted, unnest(\(ballot.choices.map(\.propositionID.rawValue))::text[]) WITH ORDINALITY AS line (proposition_id, ordinality)
            """, logger: logger)
    }
}
