extension PostgresSchema {
    /// Moderation. An item is keyed by its kind, its id and (for opinions) the participant;
    /// items of several tables share the key, so existence is checked by the store, not by a
    /// foreign key. The unique key of `content_report` keeps one report per participant and
    /// item, even against concurrent writers. `needs_moderator` and `since` serve the queue.
    static let moderation = PostgresMigration(
        version: 5, name: "moderation states, reports, blocks",
        statements: [
            """
            CREATE TABLE moderation_state (
                tenant_id text COLLATE "C" NOT NULL REFERENCES tenant (id),
                item_kind text COLLATE "C" NOT NULL CHECK (item_kind IN ('proposition', 'comment', 'petition', 'opinion')),
                item_id text COLLATE "C" NOT NULL,
                item_owner text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                needs_moderator boolean NOT NULL,
                since double precision NOT NULL,
                revision bigint NOT NULL CHECK (revision >= 1),
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, item_kind, item_id, item_owner),
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
            )
            """,
            "CREATE INDEX moderation_state_by_process ON moderation_state (tenant_id, process_id)",
            """
            CREATE INDEX moderation_queue ON moderation_state (tenant_id, since, item_kind, item_id, item_owner)
            WHERE needs_moderator
            """,
            """
            CREATE TABLE content_report (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL,
                item_kind text COLLATE "C" NOT NULL,
                item_id text COLLATE "C" NOT NULL,
                item_owner text COLLATE "C" NOT NULL,
                reporter_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                UNIQUE (tenant_id, item_kind, item_id, item_owner, reporter_id),
                FOREIGN KEY (tenant_id, reporter_id) REFERENCES participant (tenant_id, id)
            )
            """,
            """
            CREATE TABLE participant_block (
                tenant_id text COLLATE "C" NOT NULL,
                participant_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, participant_id),
                FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id)
            )
            """,
        ])
}
