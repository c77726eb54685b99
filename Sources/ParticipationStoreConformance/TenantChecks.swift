import Participation
import Testing

extension StorageConformance {
    static let tenantChecks: [StorageConformanceCheck] = [
        .init("tenants: insert then read returns the same value") { storage in
            try await storage.insertTenant(Fixture.tenantA)
            let read = try await storage.tenant(Fixture.tenantA.id)
            #expect(read == Fixture.tenantA)
        },
        .init("tenants: a duplicate id is refused and the first value kept") { storage in
            try await storage.insertTenant(Fixture.tenantA)
            var other = Fixture.tenantA
            other.name = "Other"
            await expectError(.duplicate) { try await storage.insertTenant(other) }
            let read = try await storage.tenant(Fixture.tenantA.id)
            #expect(read.name == Fixture.tenantA.name)
        },
        .init("tenants: a missing parent is refused") { storage in
            let child = Tenant(id: "child", name: "Commune", kind: .commune, parentID: "no-such-metropole")
            await expectError(.notFound) { try await storage.insertTenant(child) }
            let all = try await storage.tenants()
            #expect(all.isEmpty)
        },
        .init("tenants: a commune under its métropole, listed by id") { storage in
            let metropole = Tenant(id: "m", name: "Métropole", kind: .metropole)
            let commune = Tenant(id: "c", name: "Commune", kind: .commune, parentID: "m")
            try await storage.insertTenant(metropole)
            try await storage.insertTenant(commune)
            let all = try await storage.tenants()
            #expect(all.map(\.id) == ["c", "m"])
            #expect(all.first?.parentID == "m")
        },
        .init("tenants: an unknown id is not found") { storage in
            await expectError(.notFound) { _ = try await storage.tenant("nowhere") }
        },
        .init("tenants: update replaces the value and writes its audit entry") { storage in
            try await storage.insertTenant(Fixture.tenantA)
            var changed = Fixture.tenantA
            changed.districts.append(District(id: "east", name: "Est"))
            try await storage.updateTenant(changed, audit: Fixture.audit("a1", subject: "tenant:tenant-a"))
            let read = try await storage.tenant(Fixture.tenantA.id)
            #expect(read.districts.count == 3)
            let entries = try await storage.auditEntries(in: Fixture.tenantA.id, subject: nil)
            #expect(entries.map(\.id) == ["a1"])
        },
    ]
}
