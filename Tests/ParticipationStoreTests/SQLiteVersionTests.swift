import ParticipationStore
import Testing

@Test func linksSQLite3WithStrictTablesAndReturning() {
    // STRICT tables and RETURNING, which the schema relies on, need SQLite 3.37 or later.
    let parts = sqliteVersion.split(separator: ".").compactMap { Int($0) }
    #expect(parts.count >= 2)
    #expect(parts[0] > 3 || (parts[0] == 3 && parts[1] >= 37))
}
