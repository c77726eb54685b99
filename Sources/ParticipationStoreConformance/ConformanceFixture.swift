#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation
import Testing

/// Values the checks store: two tenants, people in each, a process with a vote.
enum Fixture {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)
    static let tenantA = Tenant(
        id: "tenant-a", name: "Ville A", kind: .commune,
        districts: [District(id: "north", name: "Nord"), District(id: "south", name: "Sud")])
    static let tenantB = Tenant(id: "tenant-b", name: "Ville B", kind: .commune)

    static func person(_ id: ParticipantID, in tenant: TenantID = tenantA.id, roles: Set<Role> = [.citizen]) -> Participant {
        Participant(id: id, tenantID: tenant, displayName: "Person \(id)", roles: roles, registeredAt: date)
    }

    static func process(_ id: ProcessID = "bp-1", in tenant: TenantID = tenantA.id) -> ParticipatoryProcess {
        ParticipatoryProcess(
            id: id, tenantID: tenant, kind: .participatoryBudget, title: "Budget \(id)",
            phases: [
                Phase(id: "submission", name: "Submission", kind: .submission, allowedActions: [.submit]),
                Phase(id: "vote", name: "Vote", kind: .vote, allowedActions: [.vote]),
            ],
            eligibility: [.vote: EligibilityRule(minimumAge: 16)],
            voteRules: VoteRules(ballot: .approval(minimum: 1, maximum: 3)), createdAt: date)
    }

    static func audit(_ id: AuditEntryID, in tenant: TenantID = tenantA.id, subject: String = "process:bp-1") -> AuditEntry {
        AuditEntry(
            id: id, tenantID: tenant, actorID: "admin", at: date, action: "test.action", subject: subject,
            reason: "because", details: ["key": "value"])
    }

    static func proposition(_ id: PropositionID, process: ProcessID = "bp-1", in tenant: TenantID = tenantA.id)
        -> Proposition
    {
        Proposition(
            id: id, tenantID: tenant, processID: process, authors: ["alice"], title: "Title \(id)", body: "Body",
            estimatedCost: 10_000_00, districtID: "north", themes: ["parks"], lifecycle: .published,
            status: .submitted, createdAt: date)
    }

    static func firstVersion(of proposition: Proposition) -> PropositionVersion {
        PropositionVersion(
            propositionID: proposition.id, number: 1, title: proposition.title, body: proposition.body,
            estimatedCost: proposition.estimatedCost, editedBy: proposition.authors[0], at: date)
    }

    static func submitted(_ proposition: Proposition) -> StatusChange {
        StatusChange(
            propositionID: proposition.id, status: .submitted, justification: "submitted",
            by: proposition.authors[0], at: date)
    }

    static func ballot(
        _ id: BallotID, voter: ParticipantID, channel: VoteChannel = .online, scope: DistrictID? = nil,
        choices: [PropositionID] = ["p-1"], process: ProcessID = "bp-1", in tenant: TenantID = tenantA.id
    ) -> Ballot {
        Ballot(
            id: id, tenantID: tenant, processID: process, voterID: voter, scope: scope, channel: channel,
            choices: choices.map { BallotChoice($0) }, castAt: date)
    }

    /// Stores both tenants, "admin" and "alice" in tenant A, "bob" in tenant B, and process bp-1 in A.
    static func populate(_ storage: any ParticipationStorage) async throws {
        try await storage.insertTenant(tenantA)
        try await storage.insertTenant(tenantB)
        try await storage.insertParticipant(person("admin", roles: [.administrator]))
        try await storage.insertParticipant(person("alice"))
        try await storage.insertParticipant(person("bob", in: tenantB.id))
        try await storage.insertProcess(process(), audit: audit("audit-create-bp-1"))
    }
}

/// Expects `body` to throw a ``ParticipationError`` with `code`.
func expectError(
    _ code: ParticipationError.Code, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async {
    do {
        try await body()
        Issue.record("expected error \(code), got success. \(comment.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
    } catch let error as ParticipationError {
        #expect(error.code == code, comment, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected ParticipationError \(code), got \(error)", sourceLocation: sourceLocation)
    }
}
