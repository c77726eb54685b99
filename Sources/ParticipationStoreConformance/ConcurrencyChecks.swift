import Participation
import Testing

extension StorageConformance {
    static let concurrencyChecks: [StorageConformanceCheck] = [
        .init("concurrency: of 20 simultaneous first ballots on different channels, exactly one is cast") { storage in
            try await Fixture.populate(storage)
            let outcomes = try await withThrowingTaskGroup(of: BallotCastOutcome.self) { group in
                for index in 0..<20 {
                    let channel: VoteChannel = index % 2 == 0 ? .kiosk(kioskID: "k\(index)") : .assisted(agentID: "admin")
                    group.addTask {
                        try await storage.castBallot(Fixture.ballot(BallotID(rawValue: "b\(index)"), voter: "alice", channel: channel))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .cast }.count == 1)
            let conflicts = try await storage.ballotConflicts(of: "bp-1", in: Fixture.tenantA.id)
            #expect(conflicts.count == 19)
            let counts = try await storage.ballotCounts(of: "bp-1", in: Fixture.tenantA.id)
            #expect(counts.values.reduce(0, +) == 1)
        },
        .init("concurrency: of 10 simultaneous updates from the same revision, exactly one wins") { storage in
            try await Fixture.populate(storage)
            let process = try await storage.process("bp-1", in: Fixture.tenantA.id)
            let successes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        var changed = process
                        changed.title = "Title \(index)"
                        return (try? await storage.updateProcess(changed, audit: Fixture.audit(AuditEntryID(rawValue: "u\(index)")))) != nil
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(successes == 1)
            let read = try await storage.process("bp-1", in: Fixture.tenantA.id)
            #expect(read.revision == 1)
        },
    ]
}
