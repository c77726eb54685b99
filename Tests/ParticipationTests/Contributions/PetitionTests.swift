import Foundation
import Participation
import Testing

@Suite("Petitions and votations (Grenoble model)")
struct PetitionTests {
    static let residentsAged16 = EligibilityRule(minimumAge: 16, acceptedStatuses: [.resident])

    static func world(threshold: Int) async throws -> (TestWorld, ParticipatoryProcess, Petition) {
        let world = try await TestWorld()
        let process = try await world.openConsultation(kind: .petition, eligibility: [.sign: residentsAged16])
        try await world.service.setContributionRules(
            ContributionRules(processID: process.id, tenantID: world.tenant.id, petitionThreshold: threshold), by: world.admin)
        let petition = try await world.service.createPetition(
            in: process.id, title: "Gratuité des transports", body: "Pour les moins de 25 ans", by: try await world.citizen("Author"))
        return (world, process, petition)
    }

    @Test func anIneligibleSignatureIsRefusedAndNotCounted() async throws {
        let (world, _, petition) = try await Self.world(threshold: 3)
        let worker = try await world.citizen("Worker", profile: Profile(birthDate: Date(timeIntervalSince1970: 0), statuses: [.worksThere]))
        let error = await participationError { _ = try await world.service.signPetition(petition.id, by: worker) }
        #expect(error?.code == .notEligible)
        #expect(error?.field == "statuses")
        let teen = try await world.citizen(
            "Teen", profile: Profile(birthDate: TestWorld.start.addingTimeInterval(-15 * 365 * 86_400), statuses: [.resident]))
        let young = await participationError { _ = try await world.service.signPetition(petition.id, by: teen) }
        #expect(young?.field == "age")
        #expect(try await world.service.petition(petition.id, in: world.tenant.id).signatureCount == 0)
        #expect(try await world.storage.hasSigned(petition.id, signer: worker.participantID, in: world.tenant.id) == false)
    }

    @Test func theStatusChangesByItselfExactlyAtTheThresholdNotOneBefore() async throws {
        let (world, _, petition) = try await Self.world(threshold: 3)
        let first = try await world.service.signPetition(petition.id, by: try await world.citizen("A"))
        let second = try await world.service.signPetition(petition.id, by: try await world.citizen("B"))
        #expect(first.statusChange == nil)
        #expect(second.petition.status == .open)
        #expect(second.petition.signatureCount == 2)
        let third = try await world.service.signPetition(petition.id, by: try await world.citizen("C"))
        #expect(third.petition.status == .toBeDebated)
        #expect(third.statusChange?.justification == "3 eligible signatures reached")
        let history = try await world.service.petitionStatusHistory(of: petition.id, in: world.tenant.id)
        #expect(history.map(\.status) == [.open, .toBeDebated])
        #expect(history.last?.by == nil)
    }

    @Test func concurrentSignaturesCrossingTheThresholdChangeTheStatusOnce() async throws {
        let (world, _, petition) = try await Self.world(threshold: 5)
        var signers: [Caller] = []
        for index in 0..<12 { signers.append(try await world.citizen("Signer \(index)")) }
        let service = world.service
        let changes = try await withThrowingTaskGroup(of: Int.self) { group in
            for signer in signers {
                group.addTask { try await service.signPetition(petition.id, by: signer).statusChange == nil ? 0 : 1 }
            }
            return try await group.reduce(0, +)
        }
        #expect(changes == 1)
        #expect(try await world.service.petition(petition.id, in: world.tenant.id).signatureCount == 12)
    }

    @Test func afterTheDebateTheAuthorityDecidesAndTheDecisionIsInTheHistory() async throws {
        let (world, _, petition) = try await Self.world(threshold: 1)
        let official = try await world.staff("Adjointe", roles: [.official])
        let early = await participationError {
            _ = try await world.service.decidePetition(petition.id, decision: .adopt, justification: "x", by: official)
        }
        #expect(early?.code == .invalidTransition)
        _ = try await world.service.signPetition(petition.id, by: try await world.citizen("A"))
        let decided = try await world.service.decidePetition(
            petition.id, decision: .sendToVotation, justification: "Debated on 12 May; the council sends it to votation",
            by: official)
        #expect(decided.status == .sentToVotation)
        let history = try await world.service.petitionStatusHistory(of: petition.id, in: world.tenant.id)
        #expect(history.map(\.status) == [.open, .toBeDebated, .sentToVotation])
        #expect(history.last?.by?.handle == official.participantID.rawValue)
        let late = await participationError { _ = try await world.service.signPetition(petition.id, by: try await world.citizen("B")) }
        #expect(late?.code == .invalidTransition)
    }

    @Test(arguments: [
        (19_999, 0, false), (20_000, 0, true), (20_000, 20_000, false), (20_001, 20_000, true), (25_000, 30_000, false),
    ])
    func theCompoundRuleOnBothSidesOfEachBound(inFavour: Int, against: Int, adopted: Bool) {
        #expect(VotationRule(minimumInFavour: 20_000).isAdopted(for: inFavour, against: against) == adopted)
    }

    @Test func aVotationBundlesQuestionsAndCountsEachWithTheRule() async throws {
        let (world, process, petition) = try await Self.world(threshold: 1)
        let official = try await world.staff("Adjointe", roles: [.official])
        _ = try await world.service.signPetition(petition.id, by: try await world.citizen("A"))
        _ = try await world.service.decidePetition(petition.id, decision: .sendToVotation, justification: "Council", by: official)
        let votation = try await world.service.createVotation(
            in: process.id, title: "Votation 2026",
            questions: [
                VotationQuestion(id: "transports", text: "Gratuité des transports ?", petitionID: petition.id),
                VotationQuestion(id: "parcs", text: "Parcs ouverts la nuit ?"),
            ],
            rule: VotationRule(minimumInFavour: 2), by: world.admin)
        let voters = [try await world.citizen("V1"), try await world.citizen("V2"), try await world.citizen("V3")]
        try await world.service.voteInVotation(votation.id, answers: ["transports": .yes, "parcs": .no], by: voters[0])
        try await world.service.voteInVotation(votation.id, answers: ["transports": .yes, "parcs": .yes], by: voters[1])
        try await world.service.voteInVotation(votation.id, answers: ["transports": .no], by: voters[2])
        let twice = await participationError { try await world.service.voteInVotation(votation.id, answers: ["parcs": .yes], by: voters[2]) }
        #expect(twice?.code == .duplicate)
        let results = try await world.service.votationResults(of: votation.id, in: world.tenant.id)
        #expect(results.map(\.inFavour) == [2, 1])
        #expect(results.map(\.against) == [1, 1])
        #expect(results.map(\.adopted) == [true, false])
    }
}
