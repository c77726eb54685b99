#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation
import Testing

extension StorageConformance {
    static func realisationEvent(
        _ id: RealisationEventID, of proposition: PropositionID = "p-1", in tenant: TenantID = Fixture.tenantA.id,
        kind: RealisationEventKind = .study
    ) -> RealisationEvent {
        RealisationEvent(
            id: id, tenantID: tenant, propositionID: proposition, kind: kind, on: Fixture.date, note: "note \(id)",
            progressPercent: 10, spentToDate: 1_234_56, recordedBy: "admin", recordedAt: Fixture.date)
    }

    static func insertProposition(_ id: PropositionID, in storage: any ParticipationStorage) async throws {
        let proposition = Fixture.proposition(id)
        try await storage.insertProposition(
            proposition, version: Fixture.firstVersion(of: proposition), status: Fixture.submitted(proposition))
    }

    static let realisationChecks: [StorageConformanceCheck] = [
        .init("realisation: events append in order, read back whole, with their audit entry") { storage in
            try await Fixture.populate(storage)
            try await insertProposition("p-1", in: storage)
            let empty = try await storage.realisationEvents(of: "p-1", in: Fixture.tenantA.id)
            #expect(empty.isEmpty)
            let first = realisationEvent("r1")
            let second = realisationEvent("r2", kind: .tender)
            try await storage.appendRealisationEvent(first, at: 0, audit: Fixture.audit("ra1", subject: "proposition:p-1"))
            try await storage.appendRealisationEvent(second, at: 1, audit: Fixture.audit("ra2", subject: "proposition:p-1"))
            let read = try await storage.realisationEvents(of: "p-1", in: Fixture.tenantA.id)
            #expect(read == [first, second])
            let audit = try await storage.auditEntries(in: Fixture.tenantA.id, subject: "proposition:p-1")
            #expect(audit.map(\.id) == ["ra1", "ra2"])
        },
        .init("realisation: a stale position is a conflict, a taken id a duplicate; nothing changes") { storage in
            try await Fixture.populate(storage)
            try await insertProposition("p-1", in: storage)
            try await storage.appendRealisationEvent(realisationEvent("r1"), at: 0, audit: Fixture.audit("ra1"))
            await expectError(.conflict) {
                try await storage.appendRealisationEvent(realisationEvent("r2"), at: 0, audit: Fixture.audit("ra2"))
            }
            await expectError(.duplicate) {
                try await storage.appendRealisationEvent(realisationEvent("r1"), at: 1, audit: Fixture.audit("ra3"))
            }
            await expectError(.duplicate) {
                try await storage.appendRealisationEvent(realisationEvent("r4"), at: 1, audit: Fixture.audit("ra1"))
            }
            let read = try await storage.realisationEvents(of: "p-1", in: Fixture.tenantA.id)
            #expect(read.map(\.id) == ["r1"])
            let audit = try await storage.auditEntries(in: Fixture.tenantA.id, subject: nil)
            #expect(audit.map(\.id) == ["audit-create-bp-1", "ra1"])
        },
        .init("realisation: unknown or foreign propositions are not found") { storage in
            try await Fixture.populate(storage)
            try await insertProposition("p-1", in: storage)
            await expectError(.notFound) {
                try await storage.appendRealisationEvent(realisationEvent("r1", of: "nope"), at: 0, audit: Fixture.audit("ra1"))
            }
            await expectError(.notFound) { _ = try await storage.realisationEvents(of: "p-1", in: Fixture.tenantB.id) }
            await expectError(.notFound) {
                try await storage.appendRealisationEvent(
                    realisationEvent("r1", in: Fixture.tenantB.id), at: 0,
                    audit: Fixture.audit("ra1", in: Fixture.tenantB.id))
            }
        },
    ]
}
