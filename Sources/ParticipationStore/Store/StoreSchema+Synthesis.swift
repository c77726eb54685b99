extension StoreSchema {
    /// Syntheses of consultations and theme tags on contributions. `contribution` is
    /// "proposition:id" or "comment:id"; the primary key keeps one tag per contribution,
    /// theme and tagger.
    static let synthesis = SQLiteMigration(version: 6, name: "syntheses, contribution tags", sql: """
        CREATE TABLE synthesis (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            revision INTEGER NOT NULL CHECK (revision >= 0),
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX synthesis_by_process ON synthesis (tenant_id, process_id, id);

        CREATE TABLE contribution_tag (
            tenant_id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            contribution TEXT NOT NULL,
            tag TEXT NOT NULL,
            tagger_id TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, contribution, tag, tagger_id),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id),
            FOREIGN KEY (tenant_id, tagger_id) REFERENCES participant (tenant_id, id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX contribution_tag_by_process ON contribution_tag (tenant_id, process_id);
        """)
}
