extension PostgresSchema {
    /// One counted ballot per voter and process, whatever the scope (the SQLite backend's
    /// version 9). A voter's later ballots in another scope, written before, move with their
    /// lines to `ballot_set_aside` for staff to review; no row is lost.
    static let oneBallotPerProcess = PostgresMigration(
        version: 7, name: "one ballot per voter and process",
        statements: [
            """
            CREATE TABLE ballot_set_aside (
                sequence bigint PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                voter_id text COLLATE "C" NOT NULL,
                scope_id text COLLATE "C",
                channel text COLLATE "C" NOT NULL,
                station text COLLATE "C",
                batch text COLLATE "C",
                agent_id text COLLATE "C",
                kiosk_id text COLLATE "C",
                cast_at double precision NOT NULL,
                reason text NOT NULL
            )
            """,
            """
            CREATE TABLE ballot_set_aside_line (
                ballot_sequence bigint NOT NULL REFERENCES ballot_set_aside (sequence),
                position bigint NOT NULL,
                proposition_id text COLLATE "C" NOT NULL,
                points bigint NOT NULL,
                PRIMARY KEY (ballot_sequence, position)
            )
            """,
            """
            CREATE TEMP TABLE later_ballot ON COMMIT DROP AS
            SELECT b.sequence FROM ballot AS b
            WHERE EXISTS (
                SELECT 1 FROM ballot AS first
                WHERE first.tenant_id = b.tenant_id AND first.process_id = b.process_id AND first.voter_id = b.voter_id
                    AND first.sequence < b.sequence)
            """,
            """
            INSERT INTO ballot_set_aside
                (sequence, tenant_id, id, process_id, voter_id, scope_id, channel, station, batch, agent_id, kiosk_id, cast_at, reason)
            SELECT sequence, tenant_id, id, process_id, voter_id, scope_id, channel, station, batch, agent_id, kiosk_id, cast_at,
                'a second ballot of the voter in the process, in another scope'
            FROM ballot WHERE sequence IN (SELECT sequence FROM later_ballot)
            """,
            """
            INSERT INTO ballot_set_aside_line (ballot_sequence, position, proposition_id, points)
            SELECT ballot_sequence, position, proposition_id, points FROM ballot_line
            WHERE ballot_sequence IN (SELECT sequence FROM later_ballot)
            """,
            "DELETE FROM ballot WHERE sequence IN (SELECT sequence FROM later_ballot)",
            "DROP INDEX ballot_one_per_voter",
            "DROP INDEX ballot_one_per_voter_and_district",
            "CREATE UNIQUE INDEX ballot_one_per_voter_in_process ON ballot (tenant_id, process_id, voter_id)",
        ])
}
