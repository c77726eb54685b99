import Foundation
import Participation
import Testing

@Suite("Personal data: export, erasure, retention, tenant portability")
struct PersonalDataTests {
    @Test func participantExportsTheirOwnDataButNotSomeoneElses() async throws {
        let (budget, people) = try await OpenDataTests.world()
        let alice = people[0]
        let export = try await budget.service.personalData(of: alice.participantID, by: alice)
        #expect(export.participant.displayName == "Alice Martin")
        #expect(export.propositions.map(\.proposition.id) == ["secret-draft", "tricky"])
        #expect(export.ballots.map(\.processID) == [budget.process.id])
        let json = String(decoding: try export.json(), as: UTF8.self)
        #expect(!json.contains("bancs"), "a ballot's choices are not part of the export")
        #expect(await participationError { _ = try await budget.service.personalData(of: alice.participantID, by: people[1]) }?.code == .forbidden)
        _ = try await budget.service.personalData(of: alice.participantID, by: budget.admin)
    }

    @Test func erasureKeepsContributionsUnderAnonymousAndTheAccountCannotActAgain() async throws {
        let (budget, people) = try await OpenDataTests.world()
        let alice = people[0]
        let countsBefore = try await budget.service.storage.ballotCounts(of: budget.process.id, in: budget.world.tenant.id)
        try await budget.service.eraseParticipant(alice.participantID, by: alice)
        let erased = try await budget.service.storage.participant(alice.participantID, in: budget.world.tenant.id)
        #expect(erased.displayName == "anonymous")
        #expect(erased.pseudonym == nil)
        #expect(erased.profile == Profile())
        #expect(try await budget.service.proposition("tricky", in: budget.world.tenant.id).authors == [PublicAuthor(name: PublicAuthor.anonymousName, handle: nil)])
        #expect(try await budget.service.storage.ballotCounts(of: budget.process.id, in: budget.world.tenant.id) == countsBefore)
        let again = await participationError {
            _ = try await budget.service.castBallot(choices("piste"), in: budget.process.id, by: alice)
        }
        #expect(again?.code == .forbidden)
        let agent = try await budget.agent()
        let onBehalf = await participationError {
            _ = try await budget.service.recordBallot(
                choices("piste"), for: alice.participantID, in: budget.process.id,
                channel: .assisted(agentID: agent.participantID), by: agent)
        }
        #expect(onBehalf?.code == .forbidden, "an agent cannot act for an erased account either")
        #expect(onBehalf?.message == "this account was erased")
        let tenantJSON = String(decoding: try await budget.service.exportTenant(by: budget.admin), as: UTF8.self)
        #expect(!tenantJSON.contains("Alice Martin"))
        #expect(!tenantJSON.contains("alice75"))
    }

    @Test func retentionAnonymisesOnlyThoseWhoseEveryProcessPassedItsPeriod() async throws {
        let world = try await TestWorld()
        let first = try await world.budgetProcess()
        let second = try await world.budgetProcess()
        let onlyFirst = try await world.citizen("Only First")
        let both = try await world.citizen("Both")
        let idle = try await world.citizen("Idle")
        for (author, process, id) in [(onlyFirst, first, "p1"), (both, first, "p2"), (both, second, "p3")] {
            let proposition = Proposition(
                id: PropositionID(rawValue: id), tenantID: world.tenant.id, processID: process.id, authors: [author.participantID],
                title: "Idée \(id)", body: "…", lifecycle: .published, status: .submitted, createdAt: TestWorld.start)
            try await world.storage.insertProposition(
                proposition,
                version: PropositionVersion(propositionID: proposition.id, number: 1, title: "Idée", body: "…", estimatedCost: nil,
                    editedBy: author.participantID, at: TestWorld.start),
                status: StatusChange(propositionID: proposition.id, status: .submitted, justification: "", by: author.participantID, at: TestWorld.start))
        }
        _ = try await world.service.archiveProcess(first.id, retentionDays: 30, by: world.admin)
        let day = 86_400.0
        #expect(try await world.service.applyRetention(now: TestWorld.start.addingTimeInterval(29 * day)).isEmpty)
        let anonymised = try await world.service.applyRetention(now: TestWorld.start.addingTimeInterval(30 * day))
        #expect(anonymised == [world.tenant.id: [onlyFirst.participantID]])
        for (caller, erased) in [(onlyFirst, true), (both, false), (idle, false), (world.admin, false)] {
            #expect(try await world.storage.participant(caller.participantID, in: world.tenant.id).isErased == erased)
        }
        #expect(try await world.service.applyRetention(now: TestWorld.start.addingTimeInterval(31 * day)).isEmpty)
        let entry = try await world.service.auditLog(subject: "tenant:\(world.tenant.id)", by: world.admin).last
        #expect(entry?.action == "retention.applied")
        #expect(entry?.actorID == ParticipationService.systemActor)
    }

    @Test func tenantExportImportsIntoAnEmptyStoreAndExportsTheSameBytes() async throws {
        let (budget, _) = try await OpenDataTests.world()
        let exported = try await budget.service.exportTenant(by: budget.admin)
        let target = ParticipationService(storage: InMemoryStorage())
        let tenant = try await target.importTenant(exported)
        #expect(tenant.id == budget.world.tenant.id)
        #expect(try await target.exportTenant(by: budget.admin) != exported, "the second export adds its own audit entry")
        let archive = try await target.storage.tenantArchive(of: tenant.id)
        var withoutSecondExport = archive
        withoutSecondExport.auditLog.removeLast()
        #expect(try CanonicalJSONEncoder().encode(withoutSecondExport) == exported)
        #expect(await participationError { _ = try await target.importTenant(exported) }?.code == .duplicate)
        #expect(await participationError { _ = try await target.importTenant(Array("{}".utf8)) }?.code == .invalidInput)
        #expect(await participationError { _ = try await budget.service.exportTenant(by: Caller(tenantID: tenant.id, participantID: "nobody")) }?.code == .notFound)
    }
}
