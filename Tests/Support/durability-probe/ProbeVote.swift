import Foundation
import Participation
import ParticipationStore

/// The vote the probe casts into. The durability test reads it back with the same ids:
/// tenant `probe-tenant`, process `probe-bp`, voter `voter-N` casting ballot `ballot-N`
/// with `linesPerBallot` choices.
enum ProbeVote {
    static let tenant = Tenant(id: "probe-tenant", name: "Probe", kind: .commune)
    static let process: ProcessID = "probe-bp"
    static let linesPerBallot = 5
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    /// Stores the tenant and the process unless an earlier run did.
    static func prepare(_ store: SQLiteStore) async throws {
        try await ignoringDuplicate { try await store.insertTenant(tenant) }
        let value = ParticipatoryProcess(
            id: process, tenantID: tenant.id, kind: .participatoryBudget, title: "Probe budget",
            phases: [Phase(id: "vote", name: "Vote", kind: .vote, allowedActions: [.vote])], createdAt: date)
        let audit = AuditEntry(
            id: "create-probe-bp", tenantID: tenant.id, actorID: "probe", at: date, action: "process.created",
            subject: "process:\(process)")
        try await ignoringDuplicate { try await store.insertProcess(value, audit: audit) }
    }

    /// Registers voter `number` (a run killed between the two calls left it registered)
    /// and casts their ballot.
    static func cast(_ number: Int, into store: SQLiteStore) async throws {
        let voter = ParticipantID(rawValue: "voter-\(number)")
        try await ignoringDuplicate {
            try await store.insertParticipant(
                Participant(id: voter, tenantID: tenant.id, displayName: "Voter \(number)", registeredAt: date))
        }
        let ballot = Ballot(
            id: BallotID(rawValue: "ballot-\(number)"), tenantID: tenant.id, processID: process, voterID: voter,
            channel: .online,
            choices: (0..<linesPerBallot).map { BallotChoice(PropositionID(rawValue: "project-\((number + $0) % 17)")) },
            castAt: date)
        let outcome = try await store.castBallot(ballot)
        guard outcome == .cast else {
            throw ParticipationError(.conflict, "ballot \(number) was not cast as new: \(outcome)")
        }
    }

    private static func ignoringDuplicate(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ParticipationError where error.code == .duplicate {
            return
        }
    }
}
