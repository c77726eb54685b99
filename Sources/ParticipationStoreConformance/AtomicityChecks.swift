import Participation
import Testing

/// A write that throws has changed nothing, however many parts it has: here the last
/// part (the audit entry, whose id is already taken) fails after the others would have
/// been written.
extension StorageConformance {
    static let atomicityChecks: [StorageConformanceCheck] = [
        .init("atomicity: a new process whose audit entry fails is not stored") { storage in
            try await Fixture.populate(storage)
            await expectError(.duplicate) {
                try await storage.insertProcess(Fixture.process("bp-2"), audit: Fixture.audit("audit-create-bp-1"))
            }
            await expectError(.notFound) { _ = try await storage.process("bp-2", in: Fixture.tenantA.id) }
            let listed = try await storage.processes(in: Fixture.tenantA.id)
            #expect(listed.map(\.id) == ["bp-1"])
        },
        .init("atomicity: a tenant update whose audit entry fails leaves the tenant as it was") { storage in
            try await Fixture.populate(storage)
            var renamed = Fixture.tenantA
            renamed.name = "Should not stick"
            await expectError(.duplicate) { try await storage.updateTenant(renamed, audit: Fixture.audit("audit-create-bp-1")) }
            let read = try await storage.tenant(Fixture.tenantA.id)
            #expect(read == Fixture.tenantA)
        },
        .init("atomicity: a charter whose audit entry fails is not published") { storage in
            try await Fixture.populate(storage)
            let charter = Charter(tenantID: Fixture.tenantA.id, version: 1, title: "Charte", text: "v1", publishedAt: Fixture.date)
            await expectError(.duplicate) { try await storage.insertCharter(charter, audit: Fixture.audit("audit-create-bp-1")) }
            let current = try await storage.currentCharter(in: Fixture.tenantA.id)
            #expect(current == nil)
            // Version 1 is still the next one.
            try await storage.insertCharter(charter, audit: Fixture.audit("c1"))
        },
        .init("atomicity: a verification whose audit entry fails binds no identity and keeps the profile") { storage in
            try await Fixture.populate(storage)
            try await storage.insertParticipant(Fixture.person("alice-2"))
            let identity = VerifiedIdentity(
                level: .verified, profile: Profile(districtID: "south"), identityKey: "census:7", method: "census")
            await expectError(.duplicate) {
                try await storage.recordVerification(identity, of: "alice", in: Fixture.tenantA.id, audit: Fixture.audit("audit-create-bp-1"))
            }
            let alice = try await storage.participant("alice", in: Fixture.tenantA.id)
            #expect(alice == Fixture.person("alice"))
            // The identity key was not bound to alice: another participant can take it.
            try await storage.recordVerification(identity, of: "alice-2", in: Fixture.tenantA.id, audit: Fixture.audit("v1"))
        },
        .init("atomicity: a proposition update whose audit entry fails adds no version or status and keeps the revision") { storage in
            try await Fixture.populate(storage)
            let proposition = Fixture.proposition("p-1")
            try await storage.insertProposition(
                proposition, version: Fixture.firstVersion(of: proposition), status: Fixture.submitted(proposition))
            var edited = proposition
            edited.title = "Should not stick"
            edited.version = 2
            let version = PropositionVersion(
                propositionID: "p-1", number: 2, title: edited.title, body: edited.body, estimatedCost: nil,
                editedBy: "admin", at: Fixture.date)
            let status = StatusChange(propositionID: "p-1", status: .admissible, justification: "ok", by: "admin", at: Fixture.date)
            await expectError(.duplicate) {
                _ = try await storage.updateProposition(edited, version: version, status: status, audit: Fixture.audit("audit-create-bp-1"))
            }
            let read = try await storage.proposition("p-1", in: Fixture.tenantA.id)
            #expect(read == proposition)
            let versions = try await storage.versions(of: "p-1", in: Fixture.tenantA.id)
            #expect(versions.count == 1)
            let history = try await storage.statusHistory(of: "p-1", in: Fixture.tenantA.id)
            #expect(history.map(\.status) == [.submitted])
        },
        .init("atomicity: a refused ballot (unknown voter) leaves no ballot, no conflict and its id free") { storage in
            try await Fixture.populate(storage)
            await expectError(.notFound) { _ = try await storage.castBallot(Fixture.ballot("b1", voter: "nobody")) }
            let counts = try await storage.ballotCounts(of: "bp-1", in: Fixture.tenantA.id)
            #expect(counts.isEmpty)
            let conflicts = try await storage.ballotConflicts(of: "bp-1", in: Fixture.tenantA.id)
            #expect(conflicts.isEmpty)
            let outcome = try await storage.castBallot(Fixture.ballot("b1", voter: "alice"))
            #expect(outcome == .cast)
        },
    ]
}
