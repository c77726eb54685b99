import Participation
import Testing

extension StorageConformance {
    static let ballotChecks: [StorageConformanceCheck] = [
        .init("ballots: first ballot cast, read back whole") { storage in
            try await Fixture.populate(storage)
            let ballot = Fixture.ballot("b1", voter: "alice", choices: ["p-1", "p-2"])
            let outcome = try await storage.castBallot(ballot)
            #expect(outcome == .cast)
            let read = try await storage.ballot(of: "alice", process: "bp-1", in: Fixture.tenantA.id)
            #expect(read == ballot)
        },
        .init("ballots: an online ballot is replaced by a later online one; the latest counts") { storage in
            try await Fixture.populate(storage)
            _ = try await storage.castBallot(Fixture.ballot("b1", voter: "alice", choices: ["p-1"]))
            let outcome = try await storage.castBallot(Fixture.ballot("b2", voter: "alice", choices: ["p-2"]))
            #expect(outcome == .replaced("b1"))
            let counts = try await storage.ballotCounts(of: "bp-1", in: Fixture.tenantA.id)
            #expect(counts == ["online": 1])
            let all = try await storage.ballots(of: "bp-1", in: Fixture.tenantA.id, after: nil, limit: 10)
            #expect(all.map(\.id) == ["b2"])
        },
        .init("ballots: one per voter across channels; the refused one is recorded as a conflict") { storage in
            try await Fixture.populate(storage)
            let paper = VoteChannel.paper(station: "Mairie", agentID: "admin", batch: "batch-1")
            _ = try await storage.castBallot(Fixture.ballot("b1", voter: "alice", channel: paper))
            let outcome = try await storage.castBallot(Fixture.ballot("b2", voter: "alice"))
            guard case .refusedDuplicate(let conflict) = outcome else {
                Issue.record("expected a refused duplicate, got \(outcome)")
                return
            }
            #expect(conflict.keptBallotID == "b1")
            #expect(conflict.refusedChannel == .online)
            let conflicts = try await storage.ballotConflicts(of: "bp-1", in: Fixture.tenantA.id)
            #expect(conflicts == [conflict])
            let kept = try await storage.ballot(of: "alice", process: "bp-1", in: Fixture.tenantA.id)
            #expect(kept?.id == "b1")
            let counts = try await storage.ballotCounts(of: "bp-1", in: Fixture.tenantA.id)
            #expect(counts == ["paper": 1])
        },
        .init("ballots: an online ballot cannot be followed by a kiosk ballot") { storage in
            try await Fixture.populate(storage)
            _ = try await storage.castBallot(Fixture.ballot("b1", voter: "alice"))
            let outcome = try await storage.castBallot(Fixture.ballot("b2", voter: "alice", channel: .kiosk(kioskID: "k1")))
            guard case .refusedDuplicate = outcome else {
                Issue.record("expected a refused duplicate, got \(outcome)")
                return
            }
        },
        .init("ballots: one per voter and process whatever the scope; an online one is replaced only in its own scope") { storage in
            try await Fixture.populate(storage)
            _ = try await storage.castBallot(Fixture.ballot("b1", voter: "alice", scope: "north"))
            // A second scope is a second ballot: refused, whatever the voter's profile says now.
            let south = try await storage.castBallot(Fixture.ballot("b2", voter: "alice", scope: "south"))
            guard case .refusedDuplicate(let conflict) = south else {
                Issue.record("expected a refused duplicate, got \(south)")
                return
            }
            #expect(conflict.keptBallotID == "b1")
            #expect(conflict.scope == "south")
            let north = try await storage.castBallot(Fixture.ballot("b3", voter: "alice", scope: "north"))
            #expect(north == .replaced("b1"))
            #expect(try await storage.ballot(of: "alice", process: "bp-1", in: Fixture.tenantA.id)?.id == "b3")
            #expect(try await storage.ballotCounts(of: "bp-1", in: Fixture.tenantA.id) == ["online": 1])
        },
        .init("ballots: withdraw only online ballots") { storage in
            try await Fixture.populate(storage)
            try await storage.insertParticipant(Fixture.person("carol"))
            _ = try await storage.castBallot(Fixture.ballot("b1", voter: "alice", scope: "north"))
            _ = try await storage.castBallot(Fixture.ballot("b2", voter: "carol", channel: .assisted(agentID: "admin"), scope: "south"))
            let withdrawn = try await storage.withdrawBallot(of: "alice", process: "bp-1", in: Fixture.tenantA.id)
            #expect(withdrawn.id == "b1")
            await expectError(.forbidden) {
                _ = try await storage.withdrawBallot(of: "carol", process: "bp-1", in: Fixture.tenantA.id)
            }
            await expectError(.notFound) {
                _ = try await storage.withdrawBallot(of: "alice", process: "bp-1", in: Fixture.tenantA.id)
            }
            let remaining = try await storage.ballots(of: "bp-1", in: Fixture.tenantA.id, after: nil, limit: 10)
            #expect(remaining.map(\.id) == ["b2"])
        },
        .init("ballots: unknown voter, process, or another tenant's voter refused; duplicate ballot id refused") { storage in
            try await Fixture.populate(storage)
            await expectError(.notFound) { _ = try await storage.castBallot(Fixture.ballot("b1", voter: "nobody")) }
            await expectError(.notFound) { _ = try await storage.castBallot(Fixture.ballot("b1", voter: "bob")) }
            await expectError(.notFound) { _ = try await storage.castBallot(Fixture.ballot("b1", voter: "alice", process: "nope")) }
            _ = try await storage.castBallot(Fixture.ballot("b1", voter: "alice"))
            try await storage.insertParticipant(Fixture.person("carol"))
            await expectError(.duplicate) { _ = try await storage.castBallot(Fixture.ballot("b1", voter: "carol")) }
            // On the replacing path too; the ballot it would have replaced stays.
            await expectError(.duplicate) { _ = try await storage.castBallot(Fixture.ballot("b1", voter: "alice")) }
            #expect(try await storage.ballot(of: "alice", process: "bp-1", in: Fixture.tenantA.id)?.id == "b1")
            // A replaced ballot's id is never reused either.
            _ = try await storage.castBallot(Fixture.ballot("b2", voter: "alice"))
            await expectError(.duplicate) { _ = try await storage.castBallot(Fixture.ballot("b1", voter: "carol")) }
            let counts = try await storage.ballotCounts(of: "bp-1", in: Fixture.tenantA.id)
            #expect(counts == ["online": 1])
        },
        .init("ballots: pages ordered by id") { storage in
            try await Fixture.populate(storage)
            for index in 1...5 {
                let voter = ParticipantID(rawValue: "v\(index)")
                try await storage.insertParticipant(Fixture.person(voter))
                _ = try await storage.castBallot(Fixture.ballot(BallotID(rawValue: "b\(index)"), voter: voter))
            }
            let first = try await storage.ballots(of: "bp-1", in: Fixture.tenantA.id, after: nil, limit: 2)
            #expect(first.map(\.id) == ["b1", "b2"])
            let rest = try await storage.ballots(of: "bp-1", in: Fixture.tenantA.id, after: "b2", limit: 10)
            #expect(rest.map(\.id) == ["b3", "b4", "b5"])
        },
        .init("ballots: profiles hold the counted ballots per scope, in id order, as positions with points") { storage in
            try await Fixture.populate(storage)
            for id in ["carl", "dora", "erin", "fred"] { try await storage.insertParticipant(Fixture.person(ParticipantID(rawValue: id))) }
            // Cast out of id order; b0 is replaced by b3 and must not count.
            _ = try await storage.castBallot(Fixture.ballot("b0", voter: "alice", choices: ["p-9"]))
            _ = try await storage.castBallot(Fixture.ballot("b3", voter: "alice", choices: ["p-2", "p-1"]))
            _ = try await storage.castBallot(Fixture.ballot("b5", voter: "fred", scope: "north", choices: ["p-2"]))
            _ = try await storage.castBallot(Fixture.ballot("b1", voter: "carl", choices: ["p-1"]))
            _ = try await storage.castBallot(
                Ballot(
                    id: "b2", tenantID: Fixture.tenantA.id, processID: "bp-1", voterID: "dora", channel: .online,
                    choices: [BallotChoice("p-3", points: 4)], castAt: Fixture.date))
            _ = try await storage.castBallot(Fixture.ballot("b4", voter: "erin", choices: []))

            let profiles = try await storage.ballotProfiles(of: "bp-1", in: Fixture.tenantA.id)
            #expect(profiles.map(\.scope) == [nil, "north"])
            let wide = try #require(profiles.first)
            #expect(wide.count == 4)
            #expect(wide.propositions == ["p-1", "p-3", "p-2"])
            #expect(wide.choices == [0, 1, 2, 0])
            #expect(wide.points == [1, 4, 1, 1])
            #expect(wide.ballotEnds == [1, 2, 4, 4])
            #expect(Array(wide.ballot(2).choices) == [2, 0])
            let north = try #require(profiles.last)
            #expect(north.propositions == ["p-2"])
            #expect(north.ballotEnds == [1])
            #expect(try await storage.ballotProfiles(of: "bp-2", in: Fixture.tenantA.id).isEmpty)
            #expect(try await storage.ballotProfiles(of: "bp-1", in: Fixture.tenantB.id).isEmpty)
        },
    ]
}
