import Foundation
import Participation

/// A small vote for the SQLite-specific store tests.
enum StoreFixture {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)
    static let tenantA = Tenant(id: "tenant-a", name: "Ville A", kind: .commune)
    static let tenantB = Tenant(id: "tenant-b", name: "Ville B", kind: .commune)

    static func process(_ id: ProcessID = "bp-1", in tenant: TenantID = tenantA.id) -> ParticipatoryProcess {
        ParticipatoryProcess(
            id: id, tenantID: tenant, kind: .participatoryBudget, title: "Budget",
            phases: [Phase(id: "vote", name: "Vote", kind: .vote, allowedActions: [.vote])], createdAt: date)
    }

    static func person(_ id: ParticipantID, in tenant: TenantID = tenantA.id) -> Participant {
        Participant(id: id, tenantID: tenant, displayName: "Person \(id)", registeredAt: date)
    }

    static func audit(_ id: AuditEntryID, in tenant: TenantID = tenantA.id) -> AuditEntry {
        AuditEntry(id: id, tenantID: tenant, actorID: "admin", at: date, action: "test", subject: "process:bp-1")
    }

    static func ballot(
        _ id: BallotID, voter: ParticipantID, channel: VoteChannel = .online, in tenant: TenantID = tenantA.id
    ) -> Ballot {
        Ballot(
            id: id, tenantID: tenant, processID: "bp-1", voterID: voter, channel: channel,
            choices: [BallotChoice("p-1"), BallotChoice("p-2", points: 3)], castAt: date)
    }

    /// Tenants A and B, process bp-1 in each, voters alice and carol in A, bob in B.
    static func populate(_ storage: any ParticipationStorage) async throws {
        for tenant in [tenantA, tenantB] {
            try await storage.insertTenant(tenant)
            try await storage.insertProcess(process(in: tenant.id), audit: audit(AuditEntryID(rawValue: "create-\(tenant.id)"), in: tenant.id))
        }
        try await storage.insertParticipant(person("alice"))
        try await storage.insertParticipant(person("carol"))
        try await storage.insertParticipant(person("bob", in: tenantB.id))
    }
}
