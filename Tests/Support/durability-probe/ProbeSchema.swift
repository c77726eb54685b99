import ParticipationStore

/// The probe's ballot tables and how it writes one ballot.
enum ProbeSchema {
    static let linesPerBallot = 5

    static let migrator = SQLiteMigrator(migrations: [
        SQLiteMigration(version: 1, name: "ballots", sql: """
            CREATE TABLE ballot (
                id INTEGER PRIMARY KEY,
                voter_id TEXT NOT NULL UNIQUE
            ) STRICT;
            CREATE TABLE ballot_line (
                ballot_id INTEGER NOT NULL REFERENCES ballot (id),
                position INTEGER NOT NULL,
                project_id TEXT NOT NULL,
                PRIMARY KEY (ballot_id, position)
            ) STRICT, WITHOUT ROWID;
            """),
    ])

    /// Writes ballot `id` and its lines; the caller's transaction makes it all or nothing.
    static func cast(ballot id: Int64, in db: SQLiteConnection) throws {
        try db.execute(sql: "INSERT INTO ballot (id, voter_id) VALUES (?, ?)", arguments: [.integer(id), .text("voter-\(id)")])
        for position in 0..<Int64(linesPerBallot) {
            try db.execute(
                sql: "INSERT INTO ballot_line (ballot_id, position, project_id) VALUES (?, ?, ?)",
                arguments: [.integer(id), .integer(position), .text("project-\((id + position) % 17)")]
            )
        }
    }
}
