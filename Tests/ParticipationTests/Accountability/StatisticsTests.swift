import Foundation
import Participation
import Testing

@Suite("Statistics and representativeness")
struct StatisticsTests {
    static func date(_ year: Int) -> Date {
        var components = DateComponents()
        components.year = year
        components.month = 1
        components.day = 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }

    /// Six projects by the administrator (staff, online), and four voters on four channels:
    /// A north, 55 (online); B north, 25 (kiosk); C south, declared 18-24 (paper); D, no district, 35 (assisted).
    static func world() async throws -> BudgetWorld {
        let budget = try await BudgetWorld()
        let agent = try await budget.agent()
        let a = try await budget.world.citizen("A", profile: Profile(birthDate: date(1970), districtID: "north", statuses: [.resident]))
        let b = try await budget.world.citizen("B", profile: Profile(birthDate: date(2000), districtID: "north", statuses: [.resident]))
        let c = try await budget.world.citizen("C", profile: Profile(ageBracket: AgeBracket(18, 24), districtID: "south", statuses: [.resident]))
        let d = try await budget.world.citizen("D", profile: Profile(birthDate: date(1990), statuses: [.resident]))
        _ = try await budget.service.castBallot(choices("bancs"), in: budget.process.id, by: a)
        _ = try await budget.service.castBallot(choices("arbres"), in: budget.process.id, channel: .kiosk(kioskID: "mairie"), by: b)
        _ = try await budget.service.recordBallot(
            choices("piste"), for: c.participantID, in: budget.process.id,
            channel: .paper(station: "École", agentID: agent.participantID, batch: "1"), by: agent)
        _ = try await budget.service.recordBallot(
            choices("jardin"), for: d.participantID, in: budget.process.id, channel: .assisted(agentID: agent.participantID), by: agent)
        return budget
    }

    @Test func figuresMatchAHandCount() async throws {
        let budget = try await Self.world()
        let stats = try await budget.service.processStatistics(of: budget.process.id, by: budget.admin)
        #expect(stats.registrations == 4)
        #expect(stats.uniqueParticipants == 5)
        #expect(stats.contributionsByType == ["proposition": 6, "ballot": 4])
        #expect(stats.ballotsByChannel == ["online": 1, "kiosk": 1, "paper": 1, "assisted": 1])
        #expect(stats.onlineContributions == 8)
        #expect(stats.offlineContributions == 2)
        #expect(stats.offlineShare == Rational(1, 5))
        #expect(stats.firstTimeParticipants == 5)
    }

    /// The world above plus, stored directly: two comments (A, then B replying), three
    /// supports (A and C on bancs, A on arbres), an opinion (D on piste), a petition by B
    /// signed by C, and A's questionnaire response. Counted by hand: 8 acts more, all online,
    /// no new participant.
    @Test func commentsSupportsOpinionsSignaturesAndResponsesAreCounted() async throws {
        let budget = try await Self.world()
        let storage = budget.service.storage
        let tenant = budget.world.tenant.id
        let process = budget.process.id
        let people = try await storage.participants(in: tenant, after: nil, limit: 10).filter { $0.kind != .staff }.map(\.id)
        let (a, b, c, d) = (people[0], people[1], people[2], people[3])
        try await storage.insertComment(ContributionComment(
            id: "c1", tenantID: tenant, processID: process, subject: .proposition("bancs"), authorID: a, body: "Oui", createdAt: TestWorld.start))
        try await storage.insertComment(ContributionComment(
            id: "c2", tenantID: tenant, processID: process, subject: .proposition("bancs"), parentID: "c1", authorID: b, body: "Non",
            createdAt: TestWorld.start))
        for (proposition, supporter) in [("bancs", a), ("bancs", c), ("arbres", a)] {
            _ = try await storage.recordSupport(
                Support(tenantID: tenant, processID: process, propositionID: PropositionID(rawValue: proposition), supporterID: supporter,
                    at: TestWorld.start),
                rules: SupportRules())
        }
        _ = try await storage.recordOpinion(Opinion(
            tenantID: tenant, processID: process, propositionID: "piste", participantID: d, stance: .against, at: TestWorld.start))
        let petition = Petition(id: "pet", tenantID: tenant, processID: process, authors: [b], title: "Pétition", body: "…",
            threshold: 100, createdAt: TestWorld.start)
        try await storage.insertPetition(petition, status: PetitionStatusChange(
            petitionID: "pet", status: .open, justification: "", by: b, at: TestWorld.start))
        _ = try await storage.recordSignature(PetitionSignature(tenantID: tenant, petitionID: "pet", signerID: c, at: TestWorld.start))
        try await storage.insertQuestionnaire(
            Questionnaire(id: "qn", tenantID: tenant, processID: process, title: "Q",
                questions: [Question(id: "q1", text: "?", kind: .freeText(maximumLength: 100))], acceptsCitizenQuestions: false,
                createdAt: TestWorld.start),
            audit: AuditEntry(id: "qn-audit", tenantID: tenant, actorID: budget.admin.participantID, at: TestWorld.start,
                action: "test", subject: "process:\(process)"))
        _ = try await storage.recordResponse(QuestionnaireResponse(
            tenantID: tenant, questionnaireID: "qn", participantID: a, answers: ["q1": .text("vélo")], at: TestWorld.start))

        let stats = try await budget.service.processStatistics(of: process, by: budget.admin)
        #expect(stats.contributionsByType == [
            "proposition": 6, "ballot": 4, "comment": 2, "support": 3, "opinion": 1, "signature": 1, "questionnaire-response": 1,
        ])
        #expect(stats.uniqueParticipants == 5)
        #expect(stats.onlineContributions == 16)
        #expect(stats.offlineContributions == 2)
        #expect(stats.offlineShare == Rational(1, 9))

        // The open-data table by type shows the acts; ballots are left out while counts are
        // not public, and participant counts under the minimum group size are suppressed.
        let export = try await budget.service.openDataExport(of: process, secret: OpenDataTests.secret, minimumGroupSize: 2, by: budget.admin)
        let byType = try #require(export.table("participation_by_type"))
        #expect(byType.column("type") == ["comment", "opinion", "proposition", "questionnaire-response", "signature", "support"].map { .text($0) })
        #expect(byType.column("acts") == [2, 1, 6, 1, 1, 3].map { .integer(Int64($0)) })
        #expect(byType.column("participants") == [.integer(2), .integer(nil), .integer(nil), .integer(nil), .integer(nil), .integer(2)])
        let everything = try OpenDataTests.text(of: export)
        for forbidden in ["Oui", "vélo", "Pétition"] + people.map(\.rawValue) {
            #expect(!everything.contains(forbidden), "open data contains \(forbidden)")
        }
    }

    @Test func turnoutAndTheDissimilarityIndexAreExact() async throws {
        let budget = try await Self.world()
        let census = Census(
            byDistrict: ["north": 600, "south": 400],
            byAge: [AgeBracket(18, 24), AgeBracket(25, 34), AgeBracket(35, 49), AgeBracket(50, 64), AgeBracket(65)].map { Census.AgeGroup($0, eligible: 100) })
        let report = try await budget.service.representativeness(of: budget.process.id, census: census, by: budget.admin)

        let districts = report.byDistrict
        #expect(districts.unclassified == 1)
        #expect(districts.turnout == Rational(3, 1000))
        #expect(districts.group("north")?.turnout == Rational(1, 300))
        #expect(districts.group("south")?.turnout == Rational(1, 400))
        #expect(districts.group("north")?.participantShare == Rational(2, 3))
        #expect(districts.group("north")?.populationShare == Rational(3, 5))
        #expect(districts.group("north")?.representationRatio == Rational(10, 9))
        #expect(districts.group("south")?.representationRatio == Rational(5, 6))
        // ½ (|2/3 − 3/5| + |1/3 − 2/5|) = ½ (1/15 + 1/15)
        #expect(districts.dissimilarityIndex == Rational(1, 15))

        let ages = report.byAge
        #expect(ages.unclassified == 0)
        #expect(ages.groups.map(\.participants) == [1, 1, 1, 1, 0])
        // ½ (4 × |1/4 − 1/5| + |0 − 1/5|) = ½ (1/5 + 1/5)
        #expect(ages.dissimilarityIndex == Rational(1, 5))
        #expect(ages.group("65+")?.representationRatio == Rational(0))
    }

    @Test func rationalsAreReducedAndPrintExactly() {
        #expect(Rational(6, -8) == Rational(-3, 4))
        #expect(Rational(1, 3) + Rational(1, 6) == Rational(1, 2))
        #expect(Rational(1, 15).description == "1/15")
    }

    @Test func citizensCannotReadStatistics() async throws {
        let budget = try await Self.world()
        let citizen = try await budget.world.citizen("E")
        let error = await participationError { _ = try await budget.service.processStatistics(of: budget.process.id, by: citizen) }
        #expect(error?.code == .forbidden)
    }
}
