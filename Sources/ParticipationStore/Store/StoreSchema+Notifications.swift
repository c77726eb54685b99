extension StoreSchema {
    /// Follows, notification preferences, the outbox and news posts.
    static let notifications = SQLiteMigration(version: 2, name: "follows, notifications, news", sql: """
        CREATE TABLE follow (
            tenant_id TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            target TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, participant_id, target),
            FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX follow_by_target ON follow (tenant_id, target);

        CREATE TABLE notification_preference (
            tenant_id TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            frequency TEXT NOT NULL CHECK (frequency IN ('immediate', 'daily', 'weekly', 'none')),
            PRIMARY KEY (tenant_id, participant_id),
            FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        -- The outbox. `sequence` orders delivery; one notification per event and recipient.
        CREATE TABLE notification (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenant (id),
            id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            recipient_id TEXT NOT NULL,
            due_at REAL NOT NULL,
            delivered_at REAL,
            value TEXT NOT NULL,
            UNIQUE (tenant_id, id),
            UNIQUE (tenant_id, event_id, recipient_id)
        ) STRICT;
        CREATE INDEX notification_pending ON notification (tenant_id, due_at) WHERE delivered_at IS NULL;

        CREATE TABLE news_post (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            value TEXT NOT NULL,
            UNIQUE (tenant_id, id),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
        ) STRICT;
        """)
}
