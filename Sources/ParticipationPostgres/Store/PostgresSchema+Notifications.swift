extension PostgresSchema {
    /// Follows, notification preferences, the outbox and news posts.
    static let notifications = PostgresMigration(
        version: 2, name: "follows, notifications, news",
        statements: [
            """
            CREATE TABLE follow (
                tenant_id text COLLATE "C" NOT NULL,
                participant_id text COLLATE "C" NOT NULL,
                target text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, participant_id, target),
                FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id)
            )
            """,
            "CREATE INDEX follow_by_target ON follow (tenant_id, target)",
            """
            CREATE TABLE notification_preference (
                tenant_id text COLLATE "C" NOT NULL,
                participant_id text COLLATE "C" NOT NULL,
                frequency text COLLATE "C" NOT NULL CHECK (frequency IN ('immediate', 'daily', 'weekly', 'none')),
                PRIMARY KEY (tenant_id, participant_id),
                FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id)
            )
            """,
            // The outbox. `sequence` orders delivery; one notification per event and recipient.
            """
            CREATE TABLE notification (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL REFERENCES tenant (id),
                id text COLLATE "C" NOT NULL,
                event_id text COLLATE "C" NOT NULL,
                recipient_id text COLLATE "C" NOT NULL,
                due_at double precision NOT NULL,
                delivered_at double precision,
                value jsonb NOT NULL,
                UNIQUE (tenant_id, id),
                UNIQUE (tenant_id, event_id, recipient_id)
            )
            """,
            "CREATE INDEX notification_pending ON notification (tenant_id, due_at) WHERE delivered_at IS NULL",
            """
            CREATE TABLE news_post (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                UNIQUE (tenant_id, id),
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
            )
            """,
        ])
}
