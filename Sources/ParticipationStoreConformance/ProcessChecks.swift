import Participation
import Testing

extension StorageConformance {
    static let processChecks: [StorageConformanceCheck] = [
        .init("processes: round trip with phases, eligibility and vote rules") { storage in
            try await Fixture.populate(storage)
            let read = try await storage.process("bp-1", in: Fixture.tenantA.id)
            #expect(read == Fixture.process())
            #expect(read.revision == 0)
        },
        .init("processes: another tenant's process is not found") { storage in
            try await Fixture.populate(storage)
            await expectError(.notFound) { _ = try await storage.process("bp-1", in: Fixture.tenantB.id) }
            let listed = try await storage.processes(in: Fixture.tenantB.id)
            #expect(listed.isEmpty)
        },
        .init("processes: update bumps the revision; a stale revision is a conflict and changes nothing") { storage in
            try await Fixture.populate(storage)
            var process = try await storage.process("bp-1", in: Fixture.tenantA.id)
            process.title = "Renamed"
            let stored = try await storage.updateProcess(process, audit: Fixture.audit("u1"))
            #expect(stored.revision == 1)
            var stale = process
            stale.title = "Lost update"
            await expectError(.conflict) { _ = try await storage.updateProcess(stale, audit: Fixture.audit("u2")) }
            let read = try await storage.process("bp-1", in: Fixture.tenantA.id)
            #expect(read.title == "Renamed")
            #expect(read.revision == 1)
            let entries = try await storage.auditEntries(in: Fixture.tenantA.id, subject: nil)
            #expect(entries.map(\.id) == ["audit-create-bp-1", "u1"])
        },
        .init("processes: duplicate id refused") { storage in
            try await Fixture.populate(storage)
            await expectError(.duplicate) { try await storage.insertProcess(Fixture.process(), audit: Fixture.audit("dup")) }
        },
    ]
}
