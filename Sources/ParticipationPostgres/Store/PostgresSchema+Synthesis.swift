extension PostgresSchema {
    /// Syntheses of consultations and theme tags on contributions. `contribution` is
    /// "proposition:id" or "comment:id"; the primary key keeps one tag per contribution,
    /// theme and tagger.
    static let synthesis = PostgresMigration(
        version: 6, name: "syntheses, contribution tags",
        statements: [
            """
            CREATE TABLE synthesis (
                tenant_id text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                revision bigint NOT NULL CHECK (revision >= 0),
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, id),
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
            )
            """,
            "CREATE INDEX synthesis_by_process ON synthesis (tenant_id, process_id, id)",
            """
            CREATE TABLE contribution_tag (
                tenant_id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                contribution text COLLATE "C" NOT NULL,
                tag text COLLATE "C" NOT NULL,
                tagger_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, contribution, tag, tagger_id),
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id),
                FOREIGN KEY (tenant_id, tagger_id) REFERENCES participant (tenant_id, id)
            )
            """,
            "CREATE INDEX contribution_tag_by_process ON contribution_tag (tenant_id, process_id)",
        ])
}
