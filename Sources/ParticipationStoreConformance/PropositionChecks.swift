import Participation
import Testing

extension StorageConformance {
    static let propositionChecks: [StorageConformanceCheck] = [
        .init("propositions: round trip with first version and status") { storage in
            try await Fixture.populate(storage)
            var proposition = Fixture.proposition("p-1")
            proposition.origin = .transcribed(.marketStand, agentID: "admin", place: "Marché Saint-Pierre")
            proposition.location = try GeoPoint(latitude: 45.19, longitude: 5.72)
            proposition.attachments = ["files/plan.pdf"]
            try await storage.insertProposition(
                proposition, version: Fixture.firstVersion(of: proposition), status: Fixture.submitted(proposition))
            let read = try await storage.proposition("p-1", in: Fixture.tenantA.id)
            #expect(read == proposition)
            let versions = try await storage.versions(of: "p-1", in: Fixture.tenantA.id)
            #expect(versions == [Fixture.firstVersion(of: proposition)])
            let history = try await storage.statusHistory(of: "p-1", in: Fixture.tenantA.id)
            #expect(history == [Fixture.submitted(proposition)])
        },
        .init("propositions: unknown process refused; other tenant not found") { storage in
            try await Fixture.populate(storage)
            let orphan = Fixture.proposition("p-x", process: "no-such-process")
            await expectError(.notFound) {
                try await storage.insertProposition(orphan, version: Fixture.firstVersion(of: orphan), status: Fixture.submitted(orphan))
            }
            let proposition = Fixture.proposition("p-1")
            try await storage.insertProposition(
                proposition, version: Fixture.firstVersion(of: proposition), status: Fixture.submitted(proposition))
            await expectError(.notFound) { _ = try await storage.proposition("p-1", in: Fixture.tenantB.id) }
            await expectError(.notFound) { _ = try await storage.versions(of: "p-1", in: Fixture.tenantB.id) }
        },
        .init("propositions: update appends version and status atomically; stale revision changes nothing") { storage in
            try await Fixture.populate(storage)
            let proposition = Fixture.proposition("p-1")
            try await storage.insertProposition(
                proposition, version: Fixture.firstVersion(of: proposition), status: Fixture.submitted(proposition))
            var edited = proposition
            edited.body = "Reworked with the author"
            edited.version = 2
            edited.status = .admissible
            let version = PropositionVersion(
                propositionID: "p-1", number: 2, title: edited.title, body: edited.body, estimatedCost: edited.estimatedCost,
                editedBy: "admin", at: Fixture.date, note: "workshop")
            let status = StatusChange(
                propositionID: "p-1", status: .admissible, reason: .retained, justification: "feasible", by: "admin",
                at: Fixture.date)
            let stored = try await storage.updateProposition(edited, version: version, status: status, audit: Fixture.audit("r1"))
            #expect(stored.revision == 1)
            await expectError(.conflict) {
                _ = try await storage.updateProposition(edited, version: version, status: status, audit: Fixture.audit("r2"))
            }
            let versions = try await storage.versions(of: "p-1", in: Fixture.tenantA.id)
            #expect(versions.map(\.number) == [1, 2])
            let history = try await storage.statusHistory(of: "p-1", in: Fixture.tenantA.id)
            #expect(history.map(\.status) == [.submitted, .admissible])
            #expect(history.last?.reason == .retained)
        },
        .init("propositions: unreviewed count sees only published, unjudged ones of the process") { storage in
            try await Fixture.populate(storage)
            var draft = Fixture.proposition("p-draft")
            draft.lifecycle = .draft
            draft.status = .draft
            var judged = Fixture.proposition("p-judged")
            judged.status = .admissible
            for proposition in [Fixture.proposition("p-1"), Fixture.proposition("p-2"), draft, judged] {
                try await storage.insertProposition(
                    proposition, version: Fixture.firstVersion(of: proposition), status: Fixture.submitted(proposition))
            }
            let count = try await storage.unreviewedPropositionCount(of: "bp-1", in: Fixture.tenantA.id)
            #expect(count == 2)
            let listed = try await storage.propositions(of: "bp-1", in: Fixture.tenantA.id)
            #expect(listed.map(\.id) == ["p-1", "p-2", "p-draft", "p-judged"])
        },
    ]
}
