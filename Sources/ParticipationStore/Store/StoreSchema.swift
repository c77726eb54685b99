/// The store's schema history. Released migrations never change; append new ones.
///
/// Key columns carry the invariants, so they hold even against a buggy or concurrent
/// writer: composite primary keys scope every id by its tenant, foreign keys forbid
/// references across tenants, unique indexes keep one ballot per voter and process (version 9), a
/// trigger keeps charter versions consecutive, another keeps ballot ids from ever being
/// reused. Timestamps are `REAL` seconds since 2001-01-01 (see `Date.storedSeconds`);
/// `value` columns hold the rest of a domain value as JSON (see ``StoredValue``).
package enum StoreSchema {
    package static let migrator = SQLiteMigrator(
        migrations: [
            version1, notifications, contributions, realisation, moderation, synthesis, ballotReplacement, ballotChannelCheck,
            oneBallotPerProcess,
        ])

    static let version1 = SQLiteMigration(version: 1, name: "tenants, participants, charters, processes, audit, propositions, ballots", sql: """
        CREATE TABLE tenant (
            id TEXT NOT NULL PRIMARY KEY,
            parent_id TEXT REFERENCES tenant (id),
            value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE participant (
            tenant_id TEXT NOT NULL REFERENCES tenant (id),
            id TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        -- One real person, one account: a verified identity key binds one participant.
        CREATE TABLE participant_identity (
            tenant_id TEXT NOT NULL,
            identity_key TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            PRIMARY KEY (tenant_id, identity_key),
            FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE charter (
            tenant_id TEXT NOT NULL REFERENCES tenant (id),
            version INTEGER NOT NULL CHECK (version >= 1),
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, version)
        ) STRICT, WITHOUT ROWID;

        CREATE TRIGGER charter_versions_are_consecutive BEFORE INSERT ON charter
        WHEN NEW.version <> (SELECT coalesce(max(version), 0) + 1 FROM charter WHERE tenant_id = NEW.tenant_id)
        BEGIN
            SELECT RAISE(ABORT, 'a charter version must be the current version + 1');
        END;

        CREATE TABLE charter_acceptance (
            tenant_id TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            accepted_at REAL NOT NULL,
            PRIMARY KEY (tenant_id, participant_id),
            FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id),
            FOREIGN KEY (tenant_id, version) REFERENCES charter (tenant_id, version)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE process (
            tenant_id TEXT NOT NULL REFERENCES tenant (id),
            id TEXT NOT NULL,
            revision INTEGER NOT NULL CHECK (revision >= 0),
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        -- `sequence` keeps the order entries were written in.
        CREATE TABLE audit_entry (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenant (id),
            id TEXT NOT NULL,
            subject TEXT NOT NULL,
            value TEXT NOT NULL,
            UNIQUE (tenant_id, id)
        ) STRICT;
        CREATE INDEX audit_entry_by_subject ON audit_entry (tenant_id, subject, sequence);

        CREATE TABLE proposition (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            awaits_review INTEGER NOT NULL CHECK (awaits_review IN (0, 1)),
            revision INTEGER NOT NULL CHECK (revision >= 0),
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX proposition_by_process ON proposition (tenant_id, process_id, id);
        CREATE INDEX proposition_awaiting_review ON proposition (tenant_id, process_id) WHERE awaits_review = 1;

        CREATE TABLE proposition_version (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            proposition_id TEXT NOT NULL,
            value TEXT NOT NULL,
            FOREIGN KEY (tenant_id, proposition_id) REFERENCES proposition (tenant_id, id)
        ) STRICT;
        CREATE INDEX proposition_version_by_proposition ON proposition_version (tenant_id, proposition_id, sequence);

        CREATE TABLE proposition_status (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            proposition_id TEXT NOT NULL,
            value TEXT NOT NULL,
            FOREIGN KEY (tenant_id, proposition_id) REFERENCES proposition (tenant_id, id)
        ) STRICT;
        CREATE INDEX proposition_status_by_proposition ON proposition_status (tenant_id, proposition_id, sequence);

        -- Every ballot id ever stored, so that a replaced or withdrawn ballot's id is
        -- never reused; filled by a trigger on `ballot`.
        CREATE TABLE ballot_id (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        -- The ballots that count. A channel's details are columns, checked against it.
        CREATE TABLE ballot (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            voter_id TEXT NOT NULL,
            scope_id TEXT,
            channel TEXT NOT NULL CHECK (channel IN ('online', 'paper', 'assisted', 'kiosk')),
            station TEXT CHECK ((station IS NOT NULL) = (channel = 'paper')),
            batch TEXT CHECK ((batch IS NOT NULL) = (channel = 'paper')),
            agent_id TEXT CHECK ((agent_id IS NOT NULL) = (channel IN ('paper', 'assisted'))),
            kiosk_id TEXT CHECK ((kiosk_id IS NOT NULL) = (channel = 'kiosk')),
            cast_at REAL NOT NULL,
            UNIQUE (tenant_id, id),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id),
            FOREIGN KEY (tenant_id, voter_id) REFERENCES participant (tenant_id, id)
        ) STRICT;
        -- One ballot per voter and scope, whatever the channel. Two partial indexes,
        -- because a UNIQUE constraint treats NULL scopes as all different.
        CREATE UNIQUE INDEX ballot_one_per_voter ON ballot (tenant_id, process_id, voter_id)
            WHERE scope_id IS NULL;
        CREATE UNIQUE INDEX ballot_one_per_voter_and_district ON ballot (tenant_id, process_id, scope_id, voter_id)
            WHERE scope_id IS NOT NULL;
        CREATE INDEX ballot_by_process ON ballot (tenant_id, process_id, id);

        CREATE TRIGGER ballot_ids_are_never_reused AFTER INSERT ON ballot
        BEGIN
            INSERT INTO ballot_id (tenant_id, id) VALUES (NEW.tenant_id, NEW.id);
        END;

        CREATE TABLE ballot_line (
            ballot_sequence INTEGER NOT NULL REFERENCES ballot (sequence) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            proposition_id TEXT NOT NULL,
            points INTEGER NOT NULL,
            PRIMARY KEY (ballot_sequence, position)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE ballot_conflict (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            value TEXT NOT NULL,
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
        ) STRICT;
        CREATE INDEX ballot_conflict_by_process ON ballot_conflict (tenant_id, process_id, sequence);
        """)
}
