import Foundation
import Participation
import Testing

@Suite("Events from contributions")
struct ContributionEventTests {
    static let consenting = Consents(followNotifications: true)

    func citizen(_ name: String, in world: TestWorld) async throws -> Caller {
        let participant = try await world.service.registerParticipant(
            in: world.tenant.id, displayName: name, profile: TestWorld.adultResident, consents: Self.consenting)
        return Caller(tenantID: world.tenant.id, participantID: participant.id)
    }

    @Test func authorsAndFollowersHearOfAReviewWithItsJustification() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        let author = try await citizen("Alice", in: world)
        let themeFollower = try await citizen("Bob", in: world)
        let proposition = try await world.service.draftProposition(
            in: process.id, PropositionDraft(title: "Bancs", body: "Des bancs.", themes: ["parcs"]), by: author)
        _ = try await world.service.publishProposition(proposition.id, by: author)
        _ = try await world.service.follow(.theme("parcs"), by: themeFollower)
        let follows = try await world.service.storage.follows(of: author.participantID, in: world.tenant.id)
        #expect(follows.map(\.target) == [.proposition(proposition.id)])

        let reviewer = try await world.staff("Services techniques", roles: [.reviewer])
        _ = try await world.service.reviewProposition(
            proposition.id, status: .inadmissible, reason: .outsideCompetence,
            justification: "La voirie relève de la métropole", by: reviewer)
        let due = try await world.service.dueNotifications(in: world.tenant.id)
        #expect(Set(due.map(\.recipientID)) == [author.participantID, themeFollower.participantID])
        #expect(due.allSatisfy { $0.kind == .propositionStatusChanged })
        #expect(due.first?.details["justification"] == "La voirie relève de la métropole")
        #expect(due.first?.details["reason"] == "outside-competence")
    }

    @Test func aReplyReachesTheParentsAuthorOnly() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        let alice = try await citizen("Alice", in: world)
        let bob = try await citizen("Bob", in: world)
        let first = try await world.service.postComment(on: .process, of: process.id, body: "Plus d'arbres", by: alice)
        _ = try await world.service.postComment(on: .process, of: process.id, body: "Je réponds à moi-même", replyingTo: first.id, by: alice)
        #expect(try await world.service.dueNotifications(in: world.tenant.id).isEmpty)
        _ = try await world.service.postComment(on: .process, of: process.id, body: "D'accord", replyingTo: first.id, by: bob)
        let due = try await world.service.dueNotifications(in: world.tenant.id)
        #expect(due.map(\.recipientID) == [alice.participantID])
        #expect(due.map(\.kind) == [.commentReplied])
    }
}
