import Foundation
import Participation
import Testing

@Suite("Realisation timeline of retained projects")
struct RealisationTests {
    static let day: TimeInterval = 86_400

    /// A budget whose project "bancs" (20 000,00 €) is retained; "arbres" stays admissible.
    static func world() async throws -> (BudgetWorld, PropositionID) {
        let budget = try await BudgetWorld(openVote: false)
        var proposition = try await budget.service.storage.proposition("bancs", in: budget.world.tenant.id)
        proposition.status = .retained
        _ = try await budget.service.storage.updateProposition(proposition, version: nil, status: nil, audit: nil)
        return (budget, "bancs")
    }

    @Test func staffRecordDatedStepsAndCitizensReadProgressAndSpendingAgainstTheEstimate() async throws {
        let (budget, project) = try await Self.world()
        let start = TestWorld.start
        _ = try await budget.service.recordRealisationEvent(.study, on: start, note: "Étude de sol", progressPercent: 10, for: project, by: budget.admin)
        _ = try await budget.service.recordRealisationEvent(.tender, on: start.addingTimeInterval(30 * Self.day), spentToDate: 1_500_00, for: project, by: budget.admin)
        _ = try await budget.service.recordRealisationEvent(.worksStarted, on: start.addingTimeInterval(60 * Self.day), progressPercent: 40, spentToDate: 12_000_00, for: project, by: budget.admin)
        let delivered = try await budget.service.recordRealisationEvent(.delivered, on: start.addingTimeInterval(90 * Self.day), spentToDate: 21_000_00, for: project, by: budget.admin)
        #expect(delivered.state == .delivered)
        #expect(delivered.progressPercent == 100)
        #expect(delivered.spent == 21_000_00)
        #expect(delivered.differenceFromEstimate == 1_000_00)

        let citizenView = try await budget.service.realisationTimeline(of: project, in: budget.world.tenant.id)
        #expect(citizenView == delivered)
        #expect(citizenView.events.map(\.kind) == [.study, .tender, .worksStarted, .delivered])

        let audit = try await budget.service.auditLog(subject: "proposition:\(project)", by: budget.admin)
        #expect(audit.filter { $0.action == "realisation.recorded" }.count == 4)

        let after = await participationError {
            _ = try await budget.service.recordRealisationEvent(.progressUpdate, on: start.addingTimeInterval(100 * Self.day), for: project, by: budget.admin)
        }
        #expect(after?.code == .invalidTransition)
    }

    @Test func abandonmentNeedsAReasonAndCitizensCannotWrite() async throws {
        let (budget, project) = try await Self.world()
        let noReason = await participationError {
            _ = try await budget.service.recordRealisationEvent(.abandoned, on: TestWorld.start, note: "  ", for: project, by: budget.admin)
        }
        #expect(noReason?.field == "note")
        let alice = try await budget.world.citizen()
        let citizen = await participationError {
            _ = try await budget.service.recordRealisationEvent(.study, on: TestWorld.start, for: project, by: alice)
        }
        #expect(citizen?.code == .forbidden)
        let abandoned = try await budget.service.recordRealisationEvent(
            .abandoned, on: TestWorld.start, note: "Terrain classé, projet impossible", for: project, by: budget.admin)
        #expect(abandoned.state == .abandoned)
        let audit = try await budget.service.auditLog(subject: "proposition:\(project)", by: budget.admin)
        #expect(audit.last?.reason == "Terrain classé, projet impossible")
    }

    @Test func badStepsChangeNothing() async throws {
        let (budget, project) = try await Self.world()
        _ = try await budget.service.recordRealisationEvent(.worksStarted, on: TestWorld.start, progressPercent: 50, spentToDate: 5_000_00, for: project, by: budget.admin)
        let cases: [(String, () async throws -> Void)] = [
            ("on", { _ = try await budget.service.recordRealisationEvent(.progressUpdate, on: TestWorld.start.addingTimeInterval(-Self.day), for: project, by: budget.admin) }),
            ("progressPercent", { _ = try await budget.service.recordRealisationEvent(.progressUpdate, on: TestWorld.start, progressPercent: 40, for: project, by: budget.admin) }),
            ("progressPercent", { _ = try await budget.service.recordRealisationEvent(.progressUpdate, on: TestWorld.start, progressPercent: 101, for: project, by: budget.admin) }),
            ("spentToDate", { _ = try await budget.service.recordRealisationEvent(.progressUpdate, on: TestWorld.start, spentToDate: 4_000_00, for: project, by: budget.admin) }),
            ("progressPercent", { _ = try await budget.service.recordRealisationEvent(.delivered, on: TestWorld.start, progressPercent: 90, for: project, by: budget.admin) }),
            ("status", { _ = try await budget.service.recordRealisationEvent(.study, on: TestWorld.start, for: "arbres", by: budget.admin) }),
        ]
        for (field, body) in cases {
            let error = await participationError(body)
            #expect(error?.field == field)
        }
        let timeline = try await budget.service.realisationTimeline(of: project, in: budget.world.tenant.id)
        #expect(timeline.events.count == 1)
        #expect(timeline.progressPercent == 50)
    }

    @Test func followersOfTheProjectHearOfEachStep() async throws {
        let (budget, project) = try await Self.world()
        let follower = try await budget.service.registerParticipant(
            in: budget.world.tenant.id, displayName: "Riveraine", consents: Consents(followNotifications: true))
        let caller = Caller(tenantID: budget.world.tenant.id, participantID: follower.id)
        _ = try await budget.service.follow(.proposition(project), by: caller)
        _ = try await budget.service.recordRealisationEvent(
            .worksStarted, on: TestWorld.start, note: "Chantier ouvert", progressPercent: 20, for: project, by: budget.admin)
        let due = try await budget.service.dueNotifications(in: budget.world.tenant.id)
        let mine = due.filter { $0.recipientID == follower.id }
        #expect(mine.map(\.kind) == [.realisationStepRecorded])
        #expect(mine.first?.details["progressPercent"] == "20")
    }
}
