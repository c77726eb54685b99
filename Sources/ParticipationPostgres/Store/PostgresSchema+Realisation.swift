extension PostgresSchema {
    /// Realisation timelines of retained projects. `position` is the event's place in its
    /// timeline: the primary key on it makes two concurrent appends after the same event
    /// impossible, and the ids stay unique per tenant.
    static let realisation = PostgresMigration(
        version: 4, name: "realisation timelines",
        statements: [
            """
            CREATE TABLE realisation_event (
                tenant_id text COLLATE "C" NOT NULL,
                proposition_id text COLLATE "C" NOT NULL,
                position bigint NOT NULL CHECK (position >= 0),
                id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, proposition_id, position),
                UNIQUE (tenant_id, id),
                FOREIGN KEY (tenant_id, proposition_id) REFERENCES proposition (tenant_id, id)
            )
            """,
        ])
}
