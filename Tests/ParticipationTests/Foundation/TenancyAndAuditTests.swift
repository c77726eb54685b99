import Foundation
import Participation
import Testing

@Suite("Tenants, charters, roles and the audit log")
struct TenancyAndAuditTests {
    @Test func nothingCrossesTenants() async throws {
        let world = try await TestWorld()
        let process = try await world.budgetProcess()
        let lyon = try await world.service.createTenant(id: "lyon", name: "Ville de Lyon", kind: .commune)
        let lyonAdmin = try await world.service.bootstrapAdministrator(in: lyon.id, displayName: "Admin Lyon")
        let intruder = Caller(tenantID: lyon.id, participantID: lyonAdmin.id)

        let read = await participationError { _ = try await world.service.process(process.id, in: lyon.id) }
        #expect(read?.code == .notFound)
        let write = await participationError { _ = try await world.service.openPhase("submission", of: process.id, by: intruder) }
        #expect(write?.code == .notFound)
        // A caller claiming the other tenant with their own id is not found either.
        let spoofed = Caller(tenantID: world.tenant.id, participantID: lyonAdmin.id)
        let spoof = await participationError { _ = try await world.service.openPhase("submission", of: process.id, by: spoofed) }
        #expect(spoof?.code == .notFound)
        let unchanged = try await world.service.process(process.id, in: world.tenant.id)
        #expect(unchanged.currentPhase == nil)
        #expect(unchanged.revision == 0)
    }

    @Test func aMetropoleAndItsCommunesShareOneInstance() async throws {
        let world = try await TestWorld()
        let metropole = try await world.service.createTenant(id: "metro", name: "Grenoble-Alpes Métropole", kind: .metropole)
        let commune = try await world.service.createTenant(id: "echirolles", name: "Échirolles", kind: .commune, parentID: metropole.id)
        #expect(commune.parentID == metropole.id)
        let orphan = await participationError {
            _ = try await world.service.createTenant(name: "Nowhere", kind: .commune, parentID: "missing")
        }
        #expect(orphan?.code == .notFound)
    }

    @Test func theCurrentCharterMustBeAcceptedBeforeActing() async throws {
        let world = try await TestWorld()
        var process = try await world.budgetProcess(requiresCharter: true)
        process = try await world.service.openPhase("submission", of: process.id, by: world.admin)
        let alice = try await world.citizen()
        // No charter yet: nothing to accept.
        try await world.service.authorize(.submit, by: alice, in: process)

        _ = try await world.service.publishCharter(title: "Charte de participation", text: "Restez courtois.", by: world.admin)
        let refused = await participationError { try await world.service.authorize(.submit, by: alice, in: process) }
        #expect(refused?.code == .charterNotAccepted)
        #expect(refused?.message.contains("version 1") == true)
        _ = try await world.service.acceptCurrentCharter(by: alice)
        try await world.service.authorize(.submit, by: alice, in: process)

        _ = try await world.service.publishCharter(title: "Charte de participation", text: "v2", by: world.admin)
        let again = await participationError { try await world.service.authorize(.submit, by: alice, in: process) }
        #expect(again?.message.contains("version 2") == true)
    }

    @Test func staffOperationsNeedTheirRole() async throws {
        let world = try await TestWorld()
        let alice = try await world.citizen()
        let create = await participationError {
            _ = try await world.service.createProcess(kind: .consultation, title: "T", phases: [Phase(id: "a", name: "A", kind: .consultation)], by: alice)
        }
        #expect(create?.code == .forbidden)
        #expect(create?.message.contains("administrator") == true)
        let charter = await participationError { _ = try await world.service.publishCharter(title: "x", text: "y", by: alice) }
        #expect(charter?.code == .forbidden)
        let log = await participationError { _ = try await world.service.auditLog(by: alice) }
        #expect(log?.code == .forbidden)

        let reviewer = try await world.service.registerStaff(displayName: "Services techniques", roles: [.reviewer], by: world.admin)
        let reviewerCaller = Caller(tenantID: world.tenant.id, participantID: reviewer.id)
        let stillNoProcess = await participationError {
            _ = try await world.service.createProcess(kind: .consultation, title: "T", phases: [Phase(id: "a", name: "A", kind: .consultation)], by: reviewerCaller)
        }
        #expect(stillNoProcess?.code == .forbidden)
        let secondBootstrap = await participationError { _ = try await world.service.bootstrapAdministrator(in: world.tenant.id, displayName: "Usurper") }
        #expect(secondBootstrap?.code == .conflict)
    }

    @Test func theAuditLogRecordsWhoDidWhatWhenAndWhy() async throws {
        let world = try await TestWorld()
        let alice = try await world.citizen()
        let process = try await world.budgetProcess()
        world.clock.advance(by: 3_600)
        _ = try await world.service.openPhase("submission", of: process.id, by: world.admin)
        _ = try await world.service.setRoles([.citizen, .moderator], of: alice.participantID, reason: "volunteer moderator", by: world.admin)
        _ = try await world.service.publishCharter(title: "Charte", text: "Texte", by: world.admin)

        let log = try await world.service.auditLog(by: world.admin)
        #expect(log.map(\.action) == ["process.created", "phase.opened", "roles.changed", "charter.published"])
        #expect(log.allSatisfy { $0.actorID == world.admin.participantID })
        #expect(log[1].at == TestWorld.start.addingTimeInterval(3_600))
        #expect(log[1].details["phase"] == "submission")
        #expect(log[2].reason == "volunteer moderator")
        #expect(log[2].details["after"] == "citizen,moderator")
        let aboutProcess = try await world.service.auditLog(subject: "process:\(process.id)", by: world.admin)
        #expect(aboutProcess.count == 2)
    }

    @Test func registrationRefusesBadInputAndStoresNothing() async throws {
        let world = try await TestWorld()
        let blank = await participationError { _ = try await world.service.registerParticipant(in: world.tenant.id, displayName: "   ") }
        #expect(blank?.field == "displayName")
        let district = await participationError {
            _ = try await world.service.registerParticipant(in: world.tenant.id, displayName: "Bob", profile: Profile(districtID: "atlantis"))
        }
        #expect(district?.field == "profile.districtID")
        let collective = await participationError {
            _ = try await world.service.registerParticipant(
                in: world.tenant.id, displayName: "Amicale", kind: .collective(.association, representative: "nobody"))
        }
        #expect(collective?.code == .notFound)
        let everyone = try await world.service.storage.participants(in: world.tenant.id, after: nil, limit: 100)
        #expect(everyone.count == 1)  // the administrator only

        let alice = try await world.citizen()
        let amicale = try await world.service.registerParticipant(
            in: world.tenant.id, displayName: "Amicale des locataires",
            kind: .collective(.association, representative: alice.participantID))
        #expect(amicale.kind == .collective(.association, representative: alice.participantID))
    }

    @Test func displayPolicyHidesNamesButNotIdentity() throws {
        let participant = Participant(id: "participant-123456", tenantID: "t", displayName: "Alice Martin", pseudonym: "alouette", registeredAt: TestWorld.start)
        let secret = try PseudonymSecret("a secret of sixteen bytes or more")
        func author(_ policy: DisplayPolicy, in process: ProcessID = "p1") -> PublicAuthor {
            let shown = ParticipatoryProcess(
                id: process, tenantID: "t", kind: .consultation, title: "T", phases: [], displayPolicy: policy, createdAt: TestWorld.start)
            return AuthorDisplay(process: shown, secret: secret, participants: [participant.id: participant]).author(participant.id)
        }
        #expect(author(.realName) == PublicAuthor(name: "Alice Martin", handle: "participant-123456"))
        let pseudonym = author(.pseudonym)
        #expect(pseudonym.name.hasPrefix("Participant ") && pseudonym.name != "Participant 123456", "no part of the id shows")
        #expect(pseudonym.handle?.hasPrefix("pseudonym-") == true)
        #expect(!pseudonym.name.contains("alouette"), "a chosen pseudonym would link processes")
        #expect(author(.pseudonym, in: "p2") != pseudonym, "another process, another pseudonym")
        #expect(author(.pseudonym) == pseudonym, "the same within a process")
        #expect(author(.anonymous) == PublicAuthor(name: "Anonymous", handle: nil))
        let other = try PseudonymSecret("another secret of sixteen bytes")
        let shown = ParticipatoryProcess(id: "p1", tenantID: "t", kind: .consultation, title: "T", phases: [], displayPolicy: .pseudonym, createdAt: TestWorld.start)
        #expect(AuthorDisplay(process: shown, secret: other, participants: [participant.id: participant]).author(participant.id) != pseudonym, "without the secret nobody computes it")
    }
}
