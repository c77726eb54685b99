import Foundation
import Participation
import ParticipationStore

/// Casts ballots into a database file through ``SQLiteStore``, one `castBallot` each,
/// and prints each ballot's number on its own line once the store has acknowledged it
/// (the call returned, so the transaction committed).
///
/// The durability test (`Tests/ParticipationStoreTests/Durability`) kills this process
/// with SIGKILL after reading some numbers, then checks the file: every acknowledged
/// ballot must be there whole, no ballot partial, and the database intact. It lives
/// under `Tests/Support` because it is test support, not a product.
///
/// Usage: `durability-probe DATABASE [--limit N]`. Without a limit it casts until
/// killed. Numbering continues after the ballots already in the file.
@main
struct DurabilityProbe {
    static func main() async throws {
        var arguments = CommandLine.arguments.dropFirst()
        guard let path = arguments.popFirst() else {
            FileHandle.standardError.write(Data("usage: durability-probe DATABASE [--limit N]\n".utf8))
            exit(64)
        }
        let limit = arguments.popFirst() == "--limit" ? arguments.popFirst().flatMap(Int.init) : nil

        let store = try await SQLiteStore(path: path)
        try await ProbeVote.prepare(store)
        let first = try await store.ballotCounts(of: ProbeVote.process, in: ProbeVote.tenant.id).values.reduce(0, +) + 1

        var number = first
        while limit.map({ number < first + $0 }) ?? true {
            try await ProbeVote.cast(number, into: store)
            // Unbuffered write(2): the line reaches the pipe before the next ballot starts.
            FileHandle.standardOutput.write(Data("\(number)\n".utf8))
            number += 1
        }
    }
}
