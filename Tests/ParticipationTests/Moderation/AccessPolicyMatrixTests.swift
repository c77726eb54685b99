import Foundation
import Participation
import Testing

/// Walks the whole access policy: every operation × every role × block × phase × eligibility ×
/// charter, against the expectations written out here independently of the policy's code.
@Suite("Access policy matrix")
struct AccessPolicyMatrixTests {
    /// The staff table as the product specifies it.
    static let staffRoles: [StaffOperation: Set<Role>] = [
        .manageTenant: [.administrator], .manageRoles: [.administrator], .publishCharter: [.administrator],
        .manageProcess: [.administrator], .verifyParticipants: [.administrator, .official],
        .actForOthers: [.administrator, .official], .reviewPropositions: [.administrator, .reviewer],
        .readAuditLog: [.administrator, .official, .moderator], .followRealisation: [.administrator, .reviewer, .official],
        .writeSynthesis: [.administrator, .reviewer], .validateSynthesis: [.official], .publishSynthesis: [.administrator],
        .exportData: [.administrator], .readStatistics: [.administrator, .official], .managePersonalData: [.administrator],
        .postOfficialAnswers: [.official], .decidePetitions: [.administrator, .official],
        .publishNews: [.administrator, .official], .moderateContent: [.administrator, .moderator],
        .blockParticipants: [.administrator, .moderator],
    ]

    enum Situation: CaseIterable { case noOpenPhase, allowingPhase, otherPhase, archived }

    @Test func everyOperationRoleBlockPhaseAndEligibilityGetsTheSpecifiedAnswer() async throws {
        #expect(Set(Self.staffRoles.keys) == Set(StaffOperation.allCases), "the expectations cover every staff operation")
        let world = try await TestWorld()
        let now = TestWorld.start
        var processes: [Situation: [ParticipationAction: ParticipatoryProcess]] = [:]
        for action in ParticipationAction.allCases {
            for situation in Situation.allCases {
                let other = ParticipationAction.allCases.first { $0 != action }!  // seven actions, so another exists
                let created = try await world.service.createProcess(
                    kind: .consultation, title: "\(action) \(situation)",
                    phases: [Phase(id: "only", name: "Only", kind: .consultation, allowedActions: [situation == .otherPhase ? other : action])],
                    eligibility: [action: EligibilityRule(minimumAge: 16)], requiresCharter: true, by: world.admin)
                var process = created
                if situation != .noOpenPhase { process = try await world.service.openPhase("only", of: created.id, by: world.admin) }
                if situation == .archived {
                    _ = try await world.service.closePhase("only", of: created.id, by: world.admin)
                    process = try await world.service.archiveProcess(created.id, by: world.admin)
                }
                processes[situation, default: [:]][action] = process
            }
        }
        let charter = Charter(tenantID: world.tenant.id, version: 1, title: "Charte", text: "…", publishedAt: now)
        var checked = 0
        for role in Role.allCases {
            for eligible in [true, false] {
                let participant = Participant(
                    id: "p", tenantID: world.tenant.id, displayName: "P", roles: [role],
                    profile: eligible ? TestWorld.adultResident : Profile(), registeredAt: now)
                for blockKind in [nil] + ParticipantBlock.Kind.allCases.map(Optional.some) {
                    let block = blockKind.map {
                        ParticipantBlock(tenantID: world.tenant.id, participantID: "p", kind: $0, justification: "abuse", by: "m", at: now)
                    }
                    for operation in AccessOperation.allCases {
                        switch operation {
                        case .staff(let staffOperation):
                            let decision = AccessPolicy.decide(operation, for: AccessRequest(participant: participant, block: block, now: now))
                            let expected: ParticipationError.Code? =
                                block != nil ? .participantBlocked : (Self.staffRoles[staffOperation]!.contains(role) ? nil : .forbidden)
                            #expect(decision.refusal?.code == expected, "\(operation) by \(role), block \(String(describing: blockKind))")
                            checked += 1
                        case .report, .act:
                            let decision = AccessPolicy.decide(operation, for: AccessRequest(participant: participant, block: block, now: now))
                            #expect(decision.refusal?.code == (block != nil ? .participantBlocked : nil))
                            checked += 1
                        case .ownAccount:
                            let decision = AccessPolicy.decide(operation, for: AccessRequest(participant: participant, block: block, now: now))
                            #expect(decision.isAllowed, "a blocked account still reads and manages its own data")
                            checked += 1
                        case .participate(let action):
                            for situation in Situation.allCases {
                                for standing in [CharterStanding.accepted, .notAccepted(charter), .notRequired] {
                                    let decision = AccessPolicy.decide(
                                        operation,
                                        for: AccessRequest(
                                            participant: participant, block: block, process: processes[situation]![action]!,
                                            charter: standing, now: now))
                                    let expected: ParticipationError.Code? =
                                        if block != nil { .participantBlocked }
                                        else if situation == .archived { .processArchived }
                                        else if situation != .allowingPhase { .actionNotAllowedInPhase }
                                        else if !eligible { .notEligible }
                                        else if standing != .accepted && standing != .notRequired { .charterNotAccepted }
                                        else { nil }
                                    #expect(decision.refusal?.code == expected, "\(action) by \(role) in \(situation), eligible \(eligible), \(standing)")
                                    #expect(decision.isAllowed == (expected == nil))
                                    checked += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(checked == Role.allCases.count * 2 * 3 * (StaffOperation.allCases.count + 3 + ParticipationAction.allCases.count * 4 * 3))
    }

    @Test func theServiceAsksThePolicyForStaffAndCitizensAlike() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        let alice = try await world.citizen()
        let moderator = try await world.staff("Modératrice", roles: [.moderator])
        let refusedStaff = await participationError { _ = try await world.service.moderationQueue(by: alice) }
        #expect(refusedStaff?.code == .forbidden)
        _ = try await world.service.moderationQueue(by: moderator)
        try await world.service.blockParticipant(alice.participantID, kind: .soft, justification: "insultes répétées", by: moderator)
        let refusedAction = await participationError {
            _ = try await world.service.postComment(on: .process, of: process.id, body: "Encore", by: alice)
        }
        #expect(refusedAction?.code == .participantBlocked)
        #expect(refusedAction?.message.contains("insultes répétées") == true)
    }
}
