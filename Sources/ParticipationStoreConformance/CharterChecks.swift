import Participation
import Testing

extension StorageConformance {
    static let charterChecks: [StorageConformanceCheck] = [
        .init("charters: versions follow each other, the highest is current") { storage in
            try await Fixture.populate(storage)
            let tenant = Fixture.tenantA.id
            let none = try await storage.currentCharter(in: tenant)
            #expect(none == nil)
            let v1 = Charter(tenantID: tenant, version: 1, title: "Charte", text: "v1", publishedAt: Fixture.date)
            try await storage.insertCharter(v1, audit: Fixture.audit("c1"))
            let skipped = Charter(tenantID: tenant, version: 3, title: "Charte", text: "v3", publishedAt: Fixture.date)
            await expectError(.conflict) { try await storage.insertCharter(skipped, audit: Fixture.audit("c3")) }
            let v2 = Charter(tenantID: tenant, version: 2, title: "Charte", text: "v2", publishedAt: Fixture.date)
            try await storage.insertCharter(v2, audit: Fixture.audit("c2"))
            let current = try await storage.currentCharter(in: tenant)
            #expect(current == v2)
            let otherTenant = try await storage.currentCharter(in: Fixture.tenantB.id)
            #expect(otherTenant == nil)
        },
        .init("charters: acceptances record the highest version accepted") { storage in
            try await Fixture.populate(storage)
            let tenant = Fixture.tenantA.id
            for version in 1...2 {
                let charter = Charter(tenantID: tenant, version: version, title: "C", text: "t", publishedAt: Fixture.date)
                try await storage.insertCharter(charter, audit: Fixture.audit(AuditEntryID(rawValue: "c\(version)")))
            }
            let before = try await storage.acceptedCharterVersion(of: "alice", in: tenant)
            #expect(before == nil)
            try await storage.recordAcceptance(CharterAcceptance(tenantID: tenant, participantID: "alice", version: 2, acceptedAt: Fixture.date))
            try await storage.recordAcceptance(CharterAcceptance(tenantID: tenant, participantID: "alice", version: 1, acceptedAt: Fixture.date))
            let after = try await storage.acceptedCharterVersion(of: "alice", in: tenant)
            #expect(after == 2)
            await expectError(.notFound) {
                try await storage.recordAcceptance(CharterAcceptance(tenantID: tenant, participantID: "alice", version: 9, acceptedAt: Fixture.date))
            }
            await expectError(.notFound) {
                try await storage.recordAcceptance(CharterAcceptance(tenantID: tenant, participantID: "bob", version: 1, acceptedAt: Fixture.date))
            }
        },
    ]
}
