extension StoreSchema {
    /// Moderation. An item is keyed by its kind, its id and (for opinions) the participant;
    /// items of several tables share the key, so existence is checked by the store, not by a
    /// foreign key. The primary key of `content_report` keeps one report per participant and
    /// item, even against concurrent writers. `needs_moderator` and `since` serve the queue.
    static let moderation = SQLiteMigration(version: 5, name: "moderation states, reports, blocks", sql: """
        CREATE TABLE moderation_state (
            tenant_id TEXT NOT NULL REFERENCES tenant (id),
            item_kind TEXT NOT NULL CHECK (item_kind IN ('proposition', 'comment', 'petition', 'opinion')),
            item_id TEXT NOT NULL,
            item_owner TEXT NOT NULL,
            process_id TEXT NOT NULL,
            needs_moderator INTEGER NOT NULL CHECK (needs_moderator IN (0, 1)),
            since REAL NOT NULL,
            revision INTEGER NOT NULL CHECK (revision >= 1),
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, item_kind, item_id, item_owner),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX moderation_state_by_process ON moderation_state (tenant_id, process_id);
        CREATE INDEX moderation_queue ON moderation_state (tenant_id, since, item_kind, item_id, item_owner)
            WHERE needs_moderator = 1;

        CREATE TABLE content_report (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            item_kind TEXT NOT NULL,
            item_id TEXT NOT NULL,
            item_owner TEXT NOT NULL,
            reporter_id TEXT NOT NULL,
            value TEXT NOT NULL,
            UNIQUE (tenant_id, item_kind, item_id, item_owner, reporter_id),
            FOREIGN KEY (tenant_id, reporter_id) REFERENCES participant (tenant_id, id)
        ) STRICT;

        CREATE TABLE participant_block (
            tenant_id TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, participant_id),
            FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id)
        ) STRICT, WITHOUT ROWID;
        """)
}
