extension StoreSchema {
    /// The ballot's channel `CHECK` compares with each of the four channels instead of an
    /// `IN` list: SQLite evaluates an `IN` list of more than two constants by building an
    /// ephemeral table, every time a row is written (a B-tree opened, filled and freed per
    /// ballot: about a tenth of a paper import's time).
    ///
    /// SQLite cannot change a constraint in place, so `ballot` is rebuilt: its rows and their
    /// lines are set aside in temporary tables, both tables are dropped (lines first, so no
    /// cascade runs) and created again with the same columns, indexes and triggers, and the
    /// rows go back with their `sequence` numbers. The triggers are created after the copy:
    /// every id is already in `ballot_id`.
    static let ballotChannelCheck = SQLiteMigration(version: 8, name: "ballot channel check without an IN list", sql: """
        CREATE TEMP TABLE saved_ballot AS SELECT * FROM main.ballot;
        CREATE TEMP TABLE saved_ballot_line AS SELECT * FROM main.ballot_line;
        DROP TABLE main.ballot_line;
        DROP TABLE main.ballot;

        CREATE TABLE main.ballot (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            voter_id TEXT NOT NULL,
            scope_id TEXT,
            channel TEXT NOT NULL
                CHECK (channel = 'online' OR channel = 'paper' OR channel = 'assisted' OR channel = 'kiosk'),
            station TEXT CHECK ((station IS NOT NULL) = (channel = 'paper')),
            batch TEXT CHECK ((batch IS NOT NULL) = (channel = 'paper')),
            agent_id TEXT CHECK ((agent_id IS NOT NULL) = (channel IN ('paper', 'assisted'))),
            kiosk_id TEXT CHECK ((kiosk_id IS NOT NULL) = (channel = 'kiosk')),
            cast_at REAL NOT NULL,
            UNIQUE (tenant_id, id),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id),
            FOREIGN KEY (tenant_id, voter_id) REFERENCES participant (tenant_id, id)
        ) STRICT;
        CREATE UNIQUE INDEX main.ballot_one_per_voter ON ballot (tenant_id, process_id, voter_id)
            WHERE scope_id IS NULL;
        CREATE UNIQUE INDEX main.ballot_one_per_voter_and_district ON ballot (tenant_id, process_id, scope_id, voter_id)
            WHERE scope_id IS NOT NULL;
        CREATE INDEX main.ballot_by_process ON ballot (tenant_id, process_id, id);

        CREATE TABLE main.ballot_line (
            ballot_sequence INTEGER NOT NULL REFERENCES ballot (sequence) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            proposition_id TEXT NOT NULL,
            points INTEGER NOT NULL,
            PRIMARY KEY (ballot_sequence, position)
        ) STRICT, WITHOUT ROWID;

        INSERT INTO main.ballot
            (sequence, tenant_id, id, process_id, voter_id, scope_id, channel, station, batch, agent_id, kiosk_id, cast_at)
            SELECT sequence, tenant_id, id, process_id, voter_id, scope_id, channel, station, batch, agent_id, kiosk_id, cast_at
            FROM temp.saved_ballot;
        INSERT INTO main.ballot_line (ballot_sequence, position, proposition_id, points)
            SELECT ballot_sequence, position, proposition_id, points FROM temp.saved_ballot_line;
        DROP TABLE temp.saved_ballot;
        DROP TABLE temp.saved_ballot_line;

        CREATE TRIGGER main.ballot_ids_are_never_reused AFTER INSERT ON ballot
        BEGIN
            INSERT INTO ballot_id (tenant_id, id) VALUES (NEW.tenant_id, NEW.id);
        END;
        CREATE TRIGGER main.ballot_ids_are_never_reused_on_replacement AFTER UPDATE OF id ON ballot
        BEGIN
            INSERT INTO ballot_id (tenant_id, id) VALUES (NEW.tenant_id, NEW.id);
        END;
        """)
}
