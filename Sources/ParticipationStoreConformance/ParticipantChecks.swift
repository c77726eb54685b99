import Participation
import Testing

extension StorageConformance {
    static let participantChecks: [StorageConformanceCheck] = [
        .init("participants: round trip of every field") { storage in
            try await storage.insertTenant(Fixture.tenantA)
            var person = Fixture.person("carol")
            person.kind = .collective(.association, representative: "alice")
            person.pseudonym = "c4r0l"
            person.roles = [.citizen, .reviewer]
            person.profile = Profile(
                birthDate: Fixture.date, ageBracket: AgeBracket(16, 25), districtID: "north", statuses: [.resident, .worksThere])
            person.verification = .confirmed
            person.consents = Consents(followNotifications: true, contactReuse: false)
            try await storage.insertParticipant(person)
            let read = try await storage.participant("carol", in: Fixture.tenantA.id)
            #expect(read == person)
        },
        .init("participants: unknown tenant refused, duplicate id refused") { storage in
            await expectError(.notFound) { try await storage.insertParticipant(Fixture.person("x")) }
            try await storage.insertTenant(Fixture.tenantA)
            try await storage.insertParticipant(Fixture.person("x"))
            await expectError(.duplicate) { try await storage.insertParticipant(Fixture.person("x")) }
        },
        .init("participants: another tenant's id is not found, for reads and writes") { storage in
            try await Fixture.populate(storage)
            await expectError(.notFound) { _ = try await storage.participant("bob", in: Fixture.tenantA.id) }
            var bob = Fixture.person("bob", in: Fixture.tenantA.id)
            bob.displayName = "Hijacked"
            await expectError(.notFound) { try await storage.updateParticipant(bob, audit: nil) }
            let original = try await storage.participant("bob", in: Fixture.tenantB.id)
            #expect(original.displayName == "Person bob")
        },
        .init("participants: pages ordered by id") { storage in
            try await storage.insertTenant(Fixture.tenantA)
            for id in ["p3", "p1", "p5", "p2", "p4"] { try await storage.insertParticipant(Fixture.person(ParticipantID(rawValue: id))) }
            let first = try await storage.participants(in: Fixture.tenantA.id, after: nil, limit: 2)
            #expect(first.map(\.id) == ["p1", "p2"])
            let next = try await storage.participants(in: Fixture.tenantA.id, after: "p2", limit: 10)
            #expect(next.map(\.id) == ["p3", "p4", "p5"])
        },
        .init("participants: a verified identity binds to one participant only") { storage in
            try await Fixture.populate(storage)
            try await storage.insertParticipant(Fixture.person("alice-2"))
            let identity = VerifiedIdentity(
                level: .verified, profile: Profile(districtID: "south", statuses: [.resident]), identityKey: "census:42",
                method: "census")
            try await storage.recordVerification(identity, of: "alice", in: Fixture.tenantA.id, audit: Fixture.audit("v1"))
            let alice = try await storage.participant("alice", in: Fixture.tenantA.id)
            #expect(alice.verification == .verified)
            #expect(alice.profile.districtID == "south")
            await expectError(.duplicate) {
                try await storage.recordVerification(identity, of: "alice-2", in: Fixture.tenantA.id, audit: Fixture.audit("v2"))
            }
            let second = try await storage.participant("alice-2", in: Fixture.tenantA.id)
            #expect(second.verification == .unverified)
            let entries = try await storage.auditEntries(in: Fixture.tenantA.id, subject: nil)
            #expect(!entries.contains { $0.id == "v2" })
        },
        .init("participants: a batch is stored whole, or not at all") { storage in
            try await storage.insertTenant(Fixture.tenantA)
            try await storage.insertParticipants(["p1", "p2", "p3"].map { Fixture.person($0) })
            let stored = try await storage.participants(in: Fixture.tenantA.id, after: nil, limit: 10)
            #expect(stored.map(\.id) == ["p1", "p2", "p3"])
            #expect(stored.first == Fixture.person("p1"))
            // A taken id, or one repeated in the batch, refuses the whole batch.
            await expectError(.duplicate) { try await storage.insertParticipants(["p4", "p2"].map { Fixture.person($0) }) }
            await expectError(.duplicate) { try await storage.insertParticipants(["p5", "p5"].map { Fixture.person($0) }) }
            await expectError(.notFound) { try await storage.insertParticipants([Fixture.person("p6", in: "nowhere")]) }
            let after = try await storage.participants(in: Fixture.tenantA.id, after: nil, limit: 10)
            #expect(after.map(\.id) == ["p1", "p2", "p3"])
            try await storage.insertParticipants([])
        },
    ]
}
