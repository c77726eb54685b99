import Participation
import PostgresNIO

extension PostgresTransaction {
    func tenantExists(_ id: TenantID) async throws -> Bool {
        try await exists("SELECT 1 FROM tenant WHERE id = \(id.rawValue)")
    }

    func participantExists(_ id: ParticipantID, in tenant: TenantID) async throws -> Bool {
        try await exists("SELECT 1 FROM participant WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)")
    }

    func processExists(_ id: ProcessID, in tenant: TenantID) async throws -> Bool {
        try await exists("SELECT 1 FROM process WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)")
    }

    func propositionExists(_ id: PropositionID, in tenant: TenantID) async throws -> Bool {
        try await exists("SELECT 1 FROM proposition WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)")
    }

    /// Throws `notFound` unless the proposition exists in `process`.
    func requireProposition(_ id: PropositionID, of process: ProcessID, in tenant: TenantID) async throws {
        guard try await exists("""
            SELECT 1 FROM proposition WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue) AND process_id = \(process.rawValue)
            """)
        else { throw ParticipationError.notFound("proposition", id) }
    }

    /// Throws `notFound` unless `subject` exists in `process`.
    func requireSubject(_ subject: ContributionSubject, of process: ProcessID, in tenant: TenantID) async throws {
        guard try await processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
        switch subject {
        case .process: return
        case .proposition(let id): try await requireProposition(id, of: process, in: tenant)
        case .petition(let id):
            guard try await exists("""
                SELECT 1 FROM petition WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue) AND process_id = \(process.rawValue)
                """)
            else { throw ParticipationError.notFound("petition", id) }
        }
    }
}
