import Foundation
import Participation
import Testing

@Suite("Open data export")
struct OpenDataTests {
    static let secret = "grenoble open-data secret 2026"

    /// A budget with named citizens, one of whom wrote a proposition full of CSV hazards and a
    /// draft, and two ballots.
    static func world() async throws -> (BudgetWorld, [Caller]) {
        let budget = try await BudgetWorld()
        let alice = try await budget.world.citizen("Alice Martin")
        let bob = try await budget.world.citizen("Bob Durand")
        var aliceRecord = try await budget.service.storage.participant(alice.participantID, in: budget.world.tenant.id)
        aliceRecord.pseudonym = "alice75"
        try await budget.service.storage.updateParticipant(aliceRecord, audit: nil)
        for (id, lifecycle, status) in [("tricky", PropositionLifecycle.published, PropositionStatus.admissible), ("secret-draft", .draft, .draft)] {
            let proposition = Proposition(
                id: PropositionID(rawValue: id), tenantID: budget.world.tenant.id, processID: budget.process.id,
                authors: [alice.participantID], title: #"Un "grand" parc; ombragé, enfin"#, body: "ligne 1\nligne 2",
                estimatedCost: 1_234_56, lifecycle: lifecycle, status: status, createdAt: TestWorld.start)
            try await budget.service.storage.insertProposition(
                proposition,
                version: PropositionVersion(propositionID: proposition.id, number: 1, title: proposition.title, body: proposition.body, estimatedCost: proposition.estimatedCost, editedBy: alice.participantID, at: TestWorld.start),
                status: StatusChange(propositionID: proposition.id, status: status, justification: "dépôt", by: alice.participantID, at: TestWorld.start))
        }
        _ = try await budget.service.castBallot(choices("bancs", "arbres"), in: budget.process.id, by: alice)
        _ = try await budget.service.castBallot(choices("piste"), in: budget.process.id, by: bob)
        return (budget, [alice, bob])
    }

    static func text(of export: OpenDataExport) throws -> String {
        try export.files().sorted { $0.key < $1.key }.map { String(decoding: $0.value, as: UTF8.self) }.joined(separator: "\n")
    }

    @Test func noPersonalDataAndNoDraftsAppear() async throws {
        let (budget, people) = try await Self.world()
        let export = try await budget.service.openDataExport(of: budget.process.id, secret: Self.secret, by: budget.admin)
        let everything = try Self.text(of: export)
        for forbidden in ["Alice Martin", "Bob Durand", "alice75", "Admin", "1970-01-01", "secret-draft", Self.secret]
            + people.map(\.participantID.rawValue) + [budget.admin.participantID.rawValue]
        {
            #expect(!everything.contains(forbidden), "open data contains \(forbidden)")
        }
        let propositions = try #require(export.table("propositions"))
        #expect(propositions.column("proposition_id").contains(.text("tricky")))
        #expect(!propositions.column("proposition_id").contains(.text("secret-draft")))
    }

    @Test func pseudonymsAreTheSameAcrossFilesAndCSVParsesBack() async throws {
        let (budget, people) = try await Self.world()
        let export = try await budget.service.openDataExport(of: budget.process.id, secret: Self.secret, by: budget.admin)
        let pseudonym = try Pseudonymiser(secret: Self.secret, tenantID: budget.world.tenant.id).pseudonym(for: people[0].participantID)
        let files = try export.files()
        let csv = try #require(files["propositions.csv"])
        let rows = try CSVTable.parse(String(decoding: csv.dropFirst(3), as: UTF8.self))
        let header = rows[0]
        let tricky = try #require(rows.first { $0.first == "tricky" })
        #expect(tricky[header.firstIndex(of: "title")!] == #"Un "grand" parc; ombragé, enfin"#)
        #expect(tricky[header.firstIndex(of: "body")!] == "ligne 1\nligne 2")
        #expect(tricky[header.firstIndex(of: "author_pseudonyms")!] == pseudonym)
        let json = String(decoding: try #require(files["open-data.json"]), as: UTF8.self)
        #expect(json.contains(pseudonym))
        let dictionary = try #require(files["columns.csv"])
        #expect(String(decoding: dictionary, as: UTF8.self).contains("author_pseudonyms"))
    }

    @Test func ballotsStayOutUntilResultsArePublicThenCarryNoVoter() async throws {
        let (budget, _) = try await Self.world()
        let hidden = try await budget.service.openDataExport(of: budget.process.id, secret: Self.secret, by: budget.admin)
        #expect(hidden.table("ballots") == nil)
        #expect(hidden.table("results") == nil)
        #expect(!(try Self.text(of: hidden)).contains("bancs|arbres"))

        var process = try await budget.service.storage.process(budget.process.id, in: budget.world.tenant.id)
        process.publishedResult = BudgetResult(
            rule: "greedy",
            scopes: [ScopeResult(scope: nil, envelope: 100_000_00, selected: ["bancs"], totalCost: 20_000_00, ballots: 2, supporters: ["bancs": 1, "arbres": 1, "piste": 1])],
            binding: true, publishedAt: TestWorld.start, publishedBy: budget.admin.participantID)
        _ = try await budget.service.storage.updateProcess(process, audit: AuditEntry(id: "publish", tenantID: budget.world.tenant.id, actorID: budget.admin.participantID, at: TestWorld.start, action: "test", subject: "process:x"))
        let published = try await budget.service.openDataExport(of: budget.process.id, secret: Self.secret, by: budget.admin)
        let ballots = try #require(published.table("ballots"))
        #expect(ballots.rows.count == 2)
        #expect(ballots.columns.map(\.name) == ["ballot_key", "scope", "channel", "choices", "points"])
        #expect(Set(ballots.column("choices")) == [.text("bancs|arbres"), .text("piste")])
        let results = try #require(published.table("results"))
        #expect(results.column("selected") == [.boolean(false), .boolean(true), .boolean(false)])
    }

    @Test func aggregatesSuppressSmallGroups() async throws {
        let (budget, _) = try await Self.world()
        let export = try await budget.service.openDataExport(of: budget.process.id, secret: Self.secret, by: budget.admin)
        let districts = try #require(export.table("participation_by_district"))
        // Admin (no district) authored projects; Alice and Bob live north: all groups under 10.
        #expect(districts.column("participants").allSatisfy { $0 == .null || $0 == .integer(0) })
        // With a threshold of 2: Alice alone in the north (Bob only voted, and votes are not
        // public yet) is hidden, the empty south shows 0.
        let small = try await budget.service.openDataExport(of: budget.process.id, secret: Self.secret, minimumGroupSize: 2, by: budget.admin)
        let rows = try #require(small.table("participation_by_district")?.rows)
        #expect(rows == [
            [.text("north"), .null, .boolean(true)], [.text("south"), .integer(0), .boolean(false)],
            [.text("unknown"), .null, .boolean(true)],
        ])
    }

    @Test func citizensCannotExportAndShortSecretsAreRefused() async throws {
        let (budget, people) = try await Self.world()
        let citizen = await participationError { _ = try await budget.service.openDataExport(of: budget.process.id, secret: Self.secret, by: people[0]) }
        #expect(citizen?.code == .forbidden)
        let short = await participationError { _ = try await budget.service.openDataExport(of: budget.process.id, secret: "short", by: budget.admin) }
        #expect(short?.field == "secret")
    }
}
