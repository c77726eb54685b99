import Participation
import Testing

/// Many writers at once: every uniqueness rule and optimistic revision still holds, and
/// no write is lost. Each check starts all its writes together in a task group.
extension StorageConformance {
    static let concurrentWriterChecks: [StorageConformanceCheck] = [
        .init("concurrent writers: 100 voters casting at once all count") { storage in
            try await Fixture.populate(storage)
            let voters = (1...100).map { ParticipantID(rawValue: "voter-\($0)") }
            for voter in voters { try await storage.insertParticipant(Fixture.person(voter)) }
            let outcomes = try await withThrowingTaskGroup(of: BallotCastOutcome.self) { group in
                for (index, voter) in voters.enumerated() {
                    group.addTask {
                        try await storage.castBallot(
                            Fixture.ballot(BallotID(rawValue: "b\(index)"), voter: voter, choices: ["p-1", "p-2", "p-3"]))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.allSatisfy { $0 == .cast })
            let counts = try await storage.ballotCounts(of: "bp-1", in: Fixture.tenantA.id)
            #expect(counts == ["online": 100])
            let stored = try await storage.ballots(of: "bp-1", in: Fixture.tenantA.id, after: nil, limit: 1000)
            #expect(stored.count == 100)
            #expect(stored.allSatisfy { $0.choices.count == 3 })
        },
        .init("concurrent writers: 20 online ballots of one voter at once leave one ballot, each replacing the previous") { storage in
            try await Fixture.populate(storage)
            let outcomes = try await withThrowingTaskGroup(of: BallotCastOutcome.self) { group in
                for index in 0..<20 {
                    group.addTask { try await storage.castBallot(Fixture.ballot(BallotID(rawValue: "b\(index)"), voter: "alice")) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .cast }.count == 1)
            let replaced = outcomes.compactMap { outcome -> BallotID? in
                if case .replaced(let id) = outcome { return id }
                return nil
            }
            // Each replacement names a different earlier ballot: none was lost in a race.
            #expect(replaced.count == 19)
            #expect(Set(replaced).count == 19)
            let counts = try await storage.ballotCounts(of: "bp-1", in: Fixture.tenantA.id)
            #expect(counts == ["online": 1])
            let kept = try await storage.ballot(of: "alice", process: "bp-1", in: Fixture.tenantA.id)
            #expect(kept.map { !replaced.contains($0.id) } == true)
        },
        .init("concurrent writers: one identity key offered to 10 participants at once binds exactly one") { storage in
            try await Fixture.populate(storage)
            let people = (1...10).map { ParticipantID(rawValue: "twin-\($0)") }
            for person in people { try await storage.insertParticipant(Fixture.person(person)) }
            let identity = VerifiedIdentity(level: .verified, profile: Profile(), identityKey: "census:1", method: "census")
            let bound = await withTaskGroup(of: Bool.self) { group in
                for (index, person) in people.enumerated() {
                    group.addTask {
                        let audit = Fixture.audit(AuditEntryID(rawValue: "verify-\(index)"))
                        return (try? await storage.recordVerification(identity, of: person, in: Fixture.tenantA.id, audit: audit)) != nil
                    }
                }
                return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(bound == 1)
            var verified = 0
            for person in people where try await storage.participant(person, in: Fixture.tenantA.id).verification == .verified {
                verified += 1
            }
            #expect(verified == 1)
        },
        .init("concurrent writers: 10 publications of charter version 1 at once store exactly one") { storage in
            try await Fixture.populate(storage)
            let published = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        let charter = Charter(
                            tenantID: Fixture.tenantA.id, version: 1, title: "Charte \(index)", text: "t", publishedAt: Fixture.date)
                        let audit = Fixture.audit(AuditEntryID(rawValue: "charter-\(index)"))
                        return (try? await storage.insertCharter(charter, audit: audit)) != nil
                    }
                }
                return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(published == 1)
            let entries = try await storage.auditEntries(in: Fixture.tenantA.id, subject: nil)
            #expect(entries.filter { $0.id.rawValue.hasPrefix("charter-") }.count == 1)
        },
        .init("concurrent writers: 10 proposition updates from one revision at once: one wins, one version added") { storage in
            try await Fixture.populate(storage)
            let proposition = Fixture.proposition("p-1")
            try await storage.insertProposition(
                proposition, version: Fixture.firstVersion(of: proposition), status: Fixture.submitted(proposition))
            let successes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        var edited = proposition
                        edited.title = "Edit \(index)"
                        edited.version = 2
                        let version = PropositionVersion(
                            propositionID: "p-1", number: 2, title: edited.title, body: edited.body, estimatedCost: nil,
                            editedBy: "admin", at: Fixture.date)
                        return (try? await storage.updateProposition(edited, version: version, status: nil, audit: nil)) != nil
                    }
                }
                return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(successes == 1)
            let versions = try await storage.versions(of: "p-1", in: Fixture.tenantA.id)
            #expect(versions.count == 2)
            let read = try await storage.proposition("p-1", in: Fixture.tenantA.id)
            #expect(read.revision == 1)
            #expect(read.title == versions.last?.title)
        },
    ]
}
