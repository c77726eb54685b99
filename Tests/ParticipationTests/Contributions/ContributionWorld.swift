import Foundation
import Participation

extension TestWorld {
    /// A consultation whose single open phase allows every citizen action.
    func openConsultation(
        kind: ProcessKind = .consultation, eligibility: [ParticipationAction: EligibilityRule] = [:]
    ) async throws -> ParticipatoryProcess {
        let process = try await service.createProcess(
            kind: kind, title: "Consultation",
            phases: [
                Phase(
                    id: "open", name: "Open", kind: .consultation,
                    allowedActions: [.submit, .comment, .support, .opine, .sign, .vote, .answer])
            ],
            eligibility: eligibility, requiresCharter: false, by: admin)
        return try await service.openPhase("open", of: process.id, by: admin)
    }

    /// A staff member with `roles`.
    func staff(_ name: String, roles: Set<Role>) async throws -> Caller {
        let participant = try await service.registerStaff(displayName: name, roles: roles, by: admin)
        return Caller(tenantID: tenant.id, participantID: participant.id)
    }

    /// A published proposition by `author`.
    func published(_ title: String = "Bancs au parc", in process: ParticipatoryProcess, by author: Caller) async throws
        -> Proposition
    {
        let draft = try await service.draftProposition(
            in: process.id, PropositionDraft(title: title, body: "Des bancs à l'ombre."), by: author)
        return try await service.publishProposition(draft.id, by: author)
    }
}
