extension StoreSchema {
    /// Realisation timelines of retained projects. `position` is the event's place in its
    /// timeline: the primary key on it makes two concurrent appends after the same event
    /// impossible, and the ids stay unique per tenant.
    static let realisation = SQLiteMigration(version: 4, name: "realisation timelines", sql: """
        CREATE TABLE realisation_event (
            tenant_id TEXT NOT NULL,
            proposition_id TEXT NOT NULL,
            position INTEGER NOT NULL CHECK (position >= 0),
            id TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, proposition_id, position),
            UNIQUE (tenant_id, id),
            FOREIGN KEY (tenant_id, proposition_id) REFERENCES proposition (tenant_id, id)
        ) STRICT, WITHOUT ROWID;
        """)
}
