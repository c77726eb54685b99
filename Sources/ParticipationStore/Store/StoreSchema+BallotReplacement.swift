extension StoreSchema {
    /// A revised online ballot replaces the earlier one in place (same row, new id, channel,
    /// time and lines) rather than by a delete and an insert: the voter's index entries and
    /// foreign keys stay as they are, which makes a revision about half the work. Its new id
    /// is recorded in `ballot_id` like an inserted ballot's, so ids are still never reused.
    static let ballotReplacement = SQLiteMigration(version: 7, name: "ballot ids recorded on replacement", sql: """
        CREATE TRIGGER ballot_ids_are_never_reused_on_replacement AFTER UPDATE OF id ON ballot
        BEGIN
            INSERT INTO ballot_id (tenant_id, id) VALUES (NEW.tenant_id, NEW.id);
        END;
        """)
}
