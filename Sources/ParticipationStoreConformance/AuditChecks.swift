import Participation
import Testing

extension StorageConformance {
    static let auditChecks: [StorageConformanceCheck] = [
        .init("audit: entries kept in order, whole, filtered by subject, per tenant") { storage in
            try await Fixture.populate(storage)
            try await storage.appendAudit(Fixture.audit("x1", subject: "proposition:p-1"))
            try await storage.appendAudit(Fixture.audit("x2", subject: "process:bp-1"))
            try await storage.appendAudit(Fixture.audit("x3", in: Fixture.tenantB.id, subject: "process:bp-1"))
            let all = try await storage.auditEntries(in: Fixture.tenantA.id, subject: nil)
            #expect(all.map(\.id) == ["audit-create-bp-1", "x1", "x2"])
            #expect(all[1] == Fixture.audit("x1", subject: "proposition:p-1"))
            let onProcess = try await storage.auditEntries(in: Fixture.tenantA.id, subject: "process:bp-1")
            #expect(onProcess.map(\.id) == ["audit-create-bp-1", "x2"])
        },
        .init("audit: a write whose audit entry id is taken changes nothing") { storage in
            try await Fixture.populate(storage)
            var process = try await storage.process("bp-1", in: Fixture.tenantA.id)
            process.title = "Should not stick"
            await expectError(.duplicate) {
                _ = try await storage.updateProcess(process, audit: Fixture.audit("audit-create-bp-1"))
            }
            let read = try await storage.process("bp-1", in: Fixture.tenantA.id)
            #expect(read.title == Fixture.process().title)
            #expect(read.revision == 0)
        },
    ]
}
