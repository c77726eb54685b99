import Participation
import Testing

extension StorageConformance {
    static let petitionChecks: [StorageConformanceCheck] = [
        .init("petitions: the threshold-th signature, not one before, changes the status once") { storage in
            try await ContributionFixture.populate(storage, people: 4)
            let petition = ContributionFixture.petition(threshold: 3)
            try await storage.insertPetition(petition, status: ContributionFixture.opened(petition))
            let first = try await storage.recordSignature(ContributionFixture.signature(by: "c1"))
            let second = try await storage.recordSignature(ContributionFixture.signature(by: "c2"))
            #expect(first.statusChange == nil)
            #expect(second.statusChange == nil)
            #expect(second.petition.status == .open)
            let third = try await storage.recordSignature(ContributionFixture.signature(by: "c3"))
            #expect(third.petition.status == .toBeDebated)
            #expect(third.statusChange?.status == .toBeDebated)
            #expect(third.statusChange?.by == nil)
            let fourth = try await storage.recordSignature(ContributionFixture.signature(by: "c4"))
            #expect(fourth.statusChange == nil)
            #expect(fourth.petition.signatureCount == 4)
            let history = try await storage.petitionStatusHistory(of: "pet-1", in: ContributionFixture.tenant)
            #expect(history.map(\.status) == [.open, .toBeDebated])
            #expect(try await storage.petition("pet-1", in: ContributionFixture.tenant) == fourth.petition)
        },
        .init("petitions: one signature per participant; decided petitions take none") { storage in
            try await ContributionFixture.populate(storage, people: 2)
            let petition = ContributionFixture.petition(threshold: 1)
            try await storage.insertPetition(petition, status: ContributionFixture.opened(petition))
            _ = try await storage.recordSignature(ContributionFixture.signature(by: "c1"))
            await expectError(.duplicate) { _ = try await storage.recordSignature(ContributionFixture.signature(by: "c1")) }
            #expect(try await storage.hasSigned("pet-1", signer: "c1", in: ContributionFixture.tenant))
            var decided = try await storage.petition("pet-1", in: ContributionFixture.tenant)
            decided.status = .rejected
            let change = PetitionStatusChange(petitionID: "pet-1", status: .rejected, justification: "debated", by: "admin", at: Fixture.date)
            let stored = try await storage.updatePetition(decided, status: change, audit: Fixture.audit("decide-1"))
            #expect(stored.revision == 1)
            #expect(stored.signatureCount == 1)
            await expectError(.conflict) { _ = try await storage.updatePetition(decided, status: change, audit: Fixture.audit("decide-2")) }
            await expectError(.invalidTransition) { _ = try await storage.recordSignature(ContributionFixture.signature(by: "c2")) }
            #expect(try await storage.hasSigned("pet-1", signer: "c2", in: ContributionFixture.tenant) == false)
            await expectError(.notFound) { _ = try await storage.petition("pet-1", in: Fixture.tenantB.id) }
            await expectError(.notFound) { _ = try await storage.recordSignature(ContributionFixture.signature(by: "bob")) }
        },
        .init("petitions: 30 simultaneous signatures crossing a threshold of 10 make exactly one status change") { storage in
            try await ContributionFixture.populate(storage, people: 30)
            let petition = ContributionFixture.petition(threshold: 10)
            try await storage.insertPetition(petition, status: ContributionFixture.opened(petition))
            let changes = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 1...30 {
                    group.addTask {
                        let receipt = try await storage.recordSignature(
                            ContributionFixture.signature(by: ParticipantID(rawValue: "c\(index)")))
                        return receipt.statusChange == nil ? 0 : 1
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(changes == 1)
            let stored = try await storage.petition("pet-1", in: ContributionFixture.tenant)
            #expect(stored.signatureCount == 30)
            #expect(stored.status == .toBeDebated)
            let history = try await storage.petitionStatusHistory(of: "pet-1", in: ContributionFixture.tenant)
            #expect(history.map(\.status) == [.open, .toBeDebated])
        },
        .init("votations: one ballot per voter, also under concurrency; counts per question") { storage in
            try await ContributionFixture.populate(storage, people: 3)
            let votation = Votation(
                id: "vot-1", tenantID: ContributionFixture.tenant, processID: "bp-1", title: "Votation 2026",
                questions: [VotationQuestion(id: "q1", text: "Q1"), VotationQuestion(id: "q2", text: "Q2", petitionID: "pet-1")],
                rule: VotationRule(minimumInFavour: 2), createdAt: Fixture.date)
            try await storage.insertVotation(votation, audit: Fixture.audit("vot-create"))
            #expect(try await storage.votation("vot-1", in: ContributionFixture.tenant) == votation)
            let successes = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let ballot = VotationBallot(
                            tenantID: ContributionFixture.tenant, votationID: "vot-1", voterID: "c1", answers: ["q1": .yes],
                            castAt: Fixture.date)
                        return (try? await storage.castVotationBallot(ballot)) != nil
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(successes == 1)
            try await storage.castVotationBallot(
                VotationBallot(tenantID: ContributionFixture.tenant, votationID: "vot-1", voterID: "c2", answers: ["q1": .no, "q2": .yes], castAt: Fixture.date))
            let counts = try await storage.votationCounts(of: "vot-1", in: ContributionFixture.tenant)
            #expect(counts["q1"] == VotationCount(inFavour: 1, against: 1))
            #expect(counts["q2"] == VotationCount(inFavour: 1, against: 0))
            #expect(try await storage.votationBallotCount(of: "vot-1", in: ContributionFixture.tenant) == 2)
            await expectError(.notFound) { _ = try await storage.votation("vot-1", in: Fixture.tenantB.id) }
        },
    ]
}
