import Participation
import Testing

extension StorageConformance {
    static let actionContextChecks: [StorageConformanceCheck] = [
        .init("action context: equals the single reads, the propositions asked for of the process only") { storage in
            try await Fixture.populate(storage)
            let tenant = Fixture.tenantA.id
            var propositions: [Proposition] = []
            for (index, status) in [PropositionStatus.submitted, .admissible, .inadmissible, .retained].enumerated() {
                var proposition = Fixture.proposition(PropositionID(rawValue: "p-\(index + 1)"))
                proposition.status = status
                try await storage.insertProposition(
                    proposition, version: Fixture.firstVersion(of: proposition), status: Fixture.submitted(proposition))
                propositions.append(proposition)
            }
            let charter = Charter(tenantID: tenant, version: 1, title: "C", text: "t", publishedAt: Fixture.date)
            try await storage.insertCharter(charter, audit: Fixture.audit("c1"))
            try await storage.recordAcceptance(
                CharterAcceptance(tenantID: tenant, participantID: "alice", version: 1, acceptedAt: Fixture.date))

            let block = ParticipantBlock(
                tenantID: tenant, participantID: "alice", kind: .soft, justification: "insults", by: "admin", at: Fixture.date)
            try await storage.insertBlock(block, audit: Fixture.audit("b1"))

            try await storage.insertProcess(Fixture.process("bp-2"), audit: Fixture.audit("bp-2"))
            let elsewhere = Fixture.proposition("p-other", process: "bp-2")
            try await storage.insertProposition(
                elsewhere, version: Fixture.firstVersion(of: elsewhere), status: Fixture.submitted(elsewhere))

            let context = try await storage.actionContext(
                of: "alice", in: "bp-1", tenant: tenant, propositions: ["p-4", "p-other", "p-2", "nope", "p-4", "p-3"])
            #expect(context.process == (try await storage.process("bp-1", in: tenant)))
            #expect(context.participant == (try await storage.participant("alice", in: tenant)))
            #expect(context.block == block)
            #expect(context.currentCharter == charter)
            #expect(context.acceptedCharterVersion == 1)
            #expect(context.propositions.map(\.id) == ["p-2", "p-3", "p-4"])
            #expect(context.propositions.map(\.status) == [.admissible, .inadmissible, .retained])
            #expect(context.propositions.first == (try await storage.proposition("p-2", in: tenant)))

            let admin = try await storage.actionContext(of: "admin", in: "bp-1", tenant: tenant, propositions: [])
            #expect(admin.acceptedCharterVersion == nil)
            #expect(admin.block == nil)
            #expect(admin.propositions.isEmpty)
        },
        .init("action context: unknown or foreign process, then participant, is not found") { storage in
            try await Fixture.populate(storage)
            let tenant = Fixture.tenantA.id
            await expectError(.notFound) {
                _ = try await storage.actionContext(of: "alice", in: "nope", tenant: tenant, propositions: [])
            }
            await expectError(.notFound) {
                _ = try await storage.actionContext(of: "bob", in: "bp-1", tenant: tenant, propositions: [])
            }
            await expectError(.notFound) {
                _ = try await storage.actionContext(of: "bob", in: "bp-1", tenant: Fixture.tenantB.id, propositions: [])
            }
        },
        .init("decided cast: decide gets the voter's context; the ballot it returns is cast, then replaces") { storage in
            try await Fixture.populate(storage)
            let tenant = Fixture.tenantA.id
            let expected = try await storage.actionContext(of: "alice", in: "bp-1", tenant: tenant, propositions: ["p-1", "nope"])
            let first = try await storage.castBallot(of: "alice", in: "bp-1", tenant: tenant, naming: ["p-1", "nope"]) { context in
                #expect(context == expected)
                return Fixture.ballot("b1", voter: "alice", choices: ["p-1"])
            }
            #expect(first.outcome == .cast)
            #expect(first.ballot == Fixture.ballot("b1", voter: "alice", choices: ["p-1"]))
            #expect(try await storage.ballot(of: "alice", process: "bp-1", in: tenant) == first.ballot)

            let second = try await storage.castBallot(of: "alice", in: "bp-1", tenant: tenant, naming: ["p-2"]) { _ in
                Fixture.ballot("b2", voter: "alice", choices: ["p-2"])
            }
            #expect(second.outcome == .replaced("b1"))
            #expect(try await storage.ballot(of: "alice", process: "bp-1", in: tenant)?.id == "b2")
        },
        .init("decided cast: what decide throws comes out as is, and nothing is stored") { storage in
            try await Fixture.populate(storage)
            let tenant = Fixture.tenantA.id
            _ = try await storage.castBallot(Fixture.ballot("b1", voter: "alice", choices: ["p-1"]))
            let refusal = ParticipationError(.notEligible, "not today", field: "voter")
            do {
                _ = try await storage.castBallot(of: "alice", in: "bp-1", tenant: tenant, naming: ["p-2"]) { _ in throw refusal }
                Issue.record("expected the refusal")
            } catch let error as ParticipationError {
                #expect(error == refusal)
            }
            #expect(try await storage.ballot(of: "alice", process: "bp-1", in: tenant)?.id == "b1")
            #expect(try await storage.ballotCounts(of: "bp-1", in: tenant) == ["online": 1])
            // A refused cast leaves no id behind: the ballot decide would have made can still be cast.
            #expect(try await storage.castBallot(Fixture.ballot("b2", voter: "alice")) == .replaced("b1"))
        },
        .init("decided cast: unknown process, then participant, is not found before decide runs") { storage in
            try await Fixture.populate(storage)
            let tenant = Fixture.tenantA.id
            await expectError(.notFound) {
                _ = try await storage.castBallot(of: "alice", in: "nope", tenant: tenant, naming: []) { _ in
                    Issue.record("decide ran for an unknown process")
                    return Fixture.ballot("b1", voter: "alice")
                }
            }
            await expectError(.notFound) {
                _ = try await storage.castBallot(of: "nobody", in: "bp-1", tenant: tenant, naming: []) { _ in
                    Issue.record("decide ran for an unknown participant")
                    return Fixture.ballot("b1", voter: "nobody")
                }
            }
            #expect(try await storage.ballotCounts(of: "bp-1", in: tenant).isEmpty)
        },
        .init("participant standings: each known participant with their block, unknown and foreign ids left out") { storage in
            try await Fixture.populate(storage)
            let tenant = Fixture.tenantA.id
            let block = ParticipantBlock(
                tenantID: tenant, participantID: "alice", kind: .hard, justification: "threats", by: "admin", at: Fixture.date)
            try await storage.insertBlock(block, audit: Fixture.audit("b1"))

            let standings = try await storage.participantStandings(["alice", "admin", "alice", "nobody", "bob"], in: tenant)
            #expect(Set(standings.keys) == ["alice", "admin"])
            #expect(standings["alice"]?.participant == (try await storage.participant("alice", in: tenant)))
            #expect(standings["alice"]?.block == block)
            #expect(standings["admin"]?.participant == (try await storage.participant("admin", in: tenant)))
            #expect(standings["admin"]?.block == nil)
            #expect(try await storage.participantStandings([], in: tenant).isEmpty)
            let foreign = try await storage.participantStandings(["alice", "bob"], in: Fixture.tenantB.id)
            #expect(Set(foreign.keys) == ["bob"])
        },
    ]
}
