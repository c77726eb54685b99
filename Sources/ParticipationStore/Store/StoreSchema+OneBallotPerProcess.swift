extension StoreSchema {
    /// One counted ballot per voter and process, whatever the scope: before, the key was the
    /// scope too, so a voter who edited their district could vote a second time.
    ///
    /// A database written before may hold a voter's second ballot in another scope. Those
    /// later ballots (by `sequence`: the first ballot cast stays) move, with their lines, to
    /// `ballot_set_aside` for staff to review; no row is lost.
    static let oneBallotPerProcess = SQLiteMigration(version: 9, name: "one ballot per voter and process", sql: """
        CREATE TABLE main.ballot_set_aside (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            voter_id TEXT NOT NULL,
            scope_id TEXT,
            channel TEXT NOT NULL,
            station TEXT,
            batch TEXT,
            agent_id TEXT,
            kiosk_id TEXT,
            cast_at REAL NOT NULL,
            reason TEXT NOT NULL
        ) STRICT;
        CREATE TABLE main.ballot_set_aside_line (
            ballot_sequence INTEGER NOT NULL REFERENCES ballot_set_aside (sequence),
            position INTEGER NOT NULL,
            proposition_id TEXT NOT NULL,
            points INTEGER NOT NULL,
            PRIMARY KEY (ballot_sequence, position)
        ) STRICT, WITHOUT ROWID;

        CREATE TEMP TABLE later_ballot AS
            SELECT b.sequence FROM main.ballot AS b
            WHERE EXISTS (
                SELECT 1 FROM main.ballot AS first
                WHERE first.tenant_id = b.tenant_id AND first.process_id = b.process_id AND first.voter_id = b.voter_id
                    AND first.sequence < b.sequence);
        INSERT INTO main.ballot_set_aside
            (sequence, tenant_id, id, process_id, voter_id, scope_id, channel, station, batch, agent_id, kiosk_id, cast_at, reason)
            SELECT sequence, tenant_id, id, process_id, voter_id, scope_id, channel, station, batch, agent_id, kiosk_id, cast_at,
                'a second ballot of the voter in the process, in another scope'
            FROM main.ballot WHERE sequence IN (SELECT sequence FROM temp.later_ballot);
        INSERT INTO main.ballot_set_aside_line (ballot_sequence, position, proposition_id, points)
            SELECT ballot_sequence, position, proposition_id, points FROM main.ballot_line
            WHERE ballot_sequence IN (SELECT sequence FROM temp.later_ballot);
        DELETE FROM main.ballot WHERE sequence IN (SELECT sequence FROM temp.later_ballot);
        DROP TABLE temp.later_ballot;

        DROP INDEX main.ballot_one_per_voter;
        DROP INDEX main.ballot_one_per_voter_and_district;
        CREATE UNIQUE INDEX main.ballot_one_per_voter_in_process ON ballot (tenant_id, process_id, voter_id);
        """)
}
