import Foundation
import ParticipationStore

/// Casts ballots into a database file, one transaction each, and prints each ballot's id
/// on its own line once the write has been acknowledged (the transaction committed).
///
/// The durability test (`Tests/ParticipationStoreTests/Durability`) kills this process
/// with SIGKILL after reading some ids, then checks the file: every acknowledged ballot
/// must be there whole, no ballot partial, and the database intact. Lives under
/// `Tests/Support` because it is test support, not a product.
///
/// Usage: `durability-probe DATABASE [--limit N]`. Without a limit it casts until
/// killed. Ids continue after the highest ballot already in the file.
@main
struct DurabilityProbe {
    static func main() async throws {
        var arguments = CommandLine.arguments.dropFirst()
        guard let path = arguments.popFirst() else {
            FileHandle.standardError.write(Data("usage: durability-probe DATABASE [--limit N]\n".utf8))
            exit(64)
        }
        let limit = arguments.popFirst() == "--limit" ? arguments.popFirst().flatMap(Int.init) : nil

        let database = try await SQLiteDatabase.open(SQLiteConfiguration(path: path), migrator: ProbeSchema.migrator)
        let first = try await database.read { db in
            try db.fetchOne(sql: "SELECT coalesce(max(id), 0) + 1 FROM ballot") { $0.int64(at: 0) } ?? 1
        }

        var id = first
        while limit.map({ id < first + Int64($0) }) ?? true {
            try await database.write { [id] db in try ProbeSchema.cast(ballot: id, in: db) }
            // Unbuffered write(2): the line reaches the pipe before the next ballot starts.
            FileHandle.standardOutput.write(Data("\(id)\n".utf8))
            id += 1
        }
    }
}
