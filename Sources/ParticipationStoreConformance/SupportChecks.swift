import Participation
import Testing

extension StorageConformance {
    static let supportChecks: [StorageConformanceCheck] = [
        .init("supports: round trip; one per participant and proposition") { storage in
            try await ContributionFixture.populate(storage)
            let receipt = try await storage.recordSupport(ContributionFixture.support("p-1"), rules: SupportRules())
            #expect(receipt == SupportReceipt(participantSupports: 1, propositionSupports: 1))
            await expectError(.duplicate) {
                _ = try await storage.recordSupport(ContributionFixture.support("p-1"), rules: SupportRules())
            }
            let stored = try await storage.supports(in: "bp-1", tenant: ContributionFixture.tenant)
            #expect(stored == [ContributionFixture.support("p-1")])
            let mine = try await storage.supports(by: "alice", in: "bp-1", tenant: ContributionFixture.tenant)
            #expect(mine.map(\.propositionID) == ["p-1"])
        },
        .init("supports: quota and per-proposition maximum refused with the rule; nothing stored") { storage in
            try await ContributionFixture.populate(storage, people: 1)
            let rules = SupportRules(quotaPerParticipant: 2, maximumPerProposition: 1)
            _ = try await storage.recordSupport(ContributionFixture.support("p-1"), rules: rules)
            _ = try await storage.recordSupport(ContributionFixture.support("p-2"), rules: rules)
            do {
                _ = try await storage.recordSupport(ContributionFixture.support("p-3"), rules: rules)
                Issue.record("a third support passed a quota of 2")
            } catch let error as ParticipationError {
                #expect(error.code == .quotaExceeded)
                #expect(error.field == "quotaPerParticipant")
            }
            do {
                _ = try await storage.recordSupport(ContributionFixture.support("p-1", by: "c1"), rules: rules)
                Issue.record("a second support passed a maximum of 1")
            } catch let error as ParticipationError {
                #expect(error.field == "maximumPerProposition")
            }
            let stored = try await storage.supports(in: "bp-1", tenant: ContributionFixture.tenant)
            #expect(stored.count == 2)
        },
        .init("supports: withdraw frees the quota; unknown or foreign ids not found") { storage in
            try await ContributionFixture.populate(storage)
            let rules = SupportRules(quotaPerParticipant: 1)
            _ = try await storage.recordSupport(ContributionFixture.support("p-1"), rules: rules)
            let withdrawn = try await storage.withdrawSupport(of: "alice", from: "p-1", in: ContributionFixture.tenant)
            #expect(withdrawn.propositionID == "p-1")
            _ = try await storage.recordSupport(ContributionFixture.support("p-2"), rules: rules)
            await expectError(.notFound) { _ = try await storage.withdrawSupport(of: "alice", from: "p-1", in: ContributionFixture.tenant) }
            await expectError(.notFound) { _ = try await storage.recordSupport(ContributionFixture.support("p-9"), rules: rules) }
            await expectError(.notFound) { _ = try await storage.recordSupport(ContributionFixture.support("p-3", by: "bob"), rules: SupportRules()) }
        },
        .init("supports: of 12 simultaneous supports by one participant, exactly the quota (5) are stored") { storage in
            try await ContributionFixture.populate(storage, propositions: 12)
            let rules = SupportRules(quotaPerParticipant: 5)
            let successes = await withTaskGroup(of: Bool.self) { group in
                for index in 1...12 {
                    group.addTask {
                        let support = ContributionFixture.support(PropositionID(rawValue: "p-\(index)"))
                        return (try? await storage.recordSupport(support, rules: rules)) != nil
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(successes == 5)
            let stored = try await storage.supports(by: "alice", in: "bp-1", tenant: ContributionFixture.tenant)
            #expect(stored.count == 5)
        },
        .init("supports: of 10 simultaneous supporters of one proposition, exactly the maximum (3) are stored") { storage in
            try await ContributionFixture.populate(storage, people: 10)
            let rules = SupportRules(maximumPerProposition: 3)
            let successes = await withTaskGroup(of: Bool.self) { group in
                for index in 1...10 {
                    group.addTask {
                        let support = ContributionFixture.support("p-1", by: ParticipantID(rawValue: "c\(index)"))
                        return (try? await storage.recordSupport(support, rules: rules)) != nil
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(successes == 3)
            #expect(try await storage.supports(in: "bp-1", tenant: ContributionFixture.tenant).count == 3)
        },
        .init("opinions: one per participant, a new one replaces it; rules round trip") { storage in
            try await ContributionFixture.populate(storage)
            let first = Opinion(
                tenantID: ContributionFixture.tenant, processID: "bp-1", propositionID: "p-1", participantID: "alice",
                stance: .inFavour, argument: "Good", at: Fixture.date)
            #expect(try await storage.recordOpinion(first) == nil)
            let second = Opinion(
                tenantID: ContributionFixture.tenant, processID: "bp-1", propositionID: "p-1", participantID: "alice",
                stance: .mixed, at: Fixture.date)
            #expect(try await storage.recordOpinion(second) == first)
            #expect(try await storage.opinions(on: "p-1", in: ContributionFixture.tenant) == [second])
            await expectError(.notFound) { _ = try await storage.opinions(on: "p-1", in: Fixture.tenantB.id) }
            let defaults = try await storage.contributionRules(of: "bp-1", in: ContributionFixture.tenant)
            #expect(defaults == ContributionRules(processID: "bp-1", tenantID: ContributionFixture.tenant))
            let rules = ContributionRules(
                processID: "bp-1", tenantID: ContributionFixture.tenant,
                reviewingBody: ReviewingBody(kind: .jointCommittee, name: "Commission paritaire"),
                tenantReasons: [ReviewReason(rawValue: "duplicate-of-district-project")],
                tenantStatuses: [PropositionStatus(rawValue: "studied-with-author")],
                supports: SupportRules(quotaPerParticipant: 3, minimumPerParticipant: 2, maximumPerProposition: 100),
                petitionThreshold: 2_000, petitionThresholdStatus: PetitionStatus(rawValue: "to-council"))
            try await storage.setContributionRules(rules, audit: Fixture.audit("rules-1"))
            #expect(try await storage.contributionRules(of: "bp-1", in: ContributionFixture.tenant) == rules)
            await expectError(.notFound) { _ = try await storage.contributionRules(of: "bp-1", in: Fixture.tenantB.id) }
        },
    ]
}
