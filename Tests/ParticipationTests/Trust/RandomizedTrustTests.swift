import Foundation
import Participation
import Testing

/// Long seeded sequences of ordinary operations, by every role, on every channel, in two
/// tenants, thrown at the service; after each step the promises are checked:
/// - one person, one ballot: no voter has two counted ballots, whatever they edited;
/// - every counted ballot chooses projects of the ballot frozen when the vote opened;
/// - the public tally, the staff tally, the published result, the `.pb` export (recounted with
///   the result's rule) and open data agree at every moment;
/// - a refused operation changes no counted ballot, and nothing crosses tenants.
@Suite("Randomized sequences keep every promise")
struct RandomizedTrustTests {
    /// One tenant's budget and its people.
    struct City {
        let world: TestWorld
        let process: ParticipatoryProcess
        let voters: [Caller]
        let agent: Caller
        let reviewer: Caller
        let moderator: Caller
        var service: ParticipationService { world.service }
        var tenant: TenantID { world.tenant.id }
        var admin: Caller { world.admin }

        static func make() async throws -> City {
            let budget = try await BudgetWorld(
                visibility: .live,
                settings: BudgetSettings(
                    envelope: 100_000_00, districtEnvelopes: ["north": 60_000_00, "south": 40_000_00], districtVoting: .ownDistrict,
                    cycle: BudgetCycle(firstYear: 2026)))
            var voters: [Caller] = []
            for index in 0..<8 {
                var profile = TestWorld.adultResident
                profile.districtID = index.isMultiple(of: 2) ? "north" : "south"
                voters.append(try await budget.world.citizen("Voter \(index)", profile: profile))
            }
            return City(
                world: budget.world, process: budget.process, voters: voters, agent: try await budget.agent(),
                reviewer: try await budget.world.staff("Commission", roles: [.reviewer]),
                moderator: try await budget.world.staff("Modération", roles: [.moderator]))
        }
    }

    static let projects: [DistrictID: [PropositionID]] = ["north": ["bancs", "arbres", "palace"], "south": ["piste", "jardin"]]

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func everyStepKeepsThePromises(seed: UInt64) async throws {
        var random = SeededRandom(seed: seed)
        let cities = [try await City.make(), try await City.make()]
        var operations = 0
        var refusals = 0
        for step in 0..<160 {
            if step == 100 {
                // Whatever happened so far, the results get published: the last steps try to change them.
                for city in cities where try await city.service.process(city.process.id, in: city.tenant).publishedResult == nil {
                    _ = try? await city.service.closePhase("vote", of: city.process.id, by: city.admin)
                    _ = try await city.service.publishResults(of: city.process.id, by: city.admin)
                }
            }
            let city = cities[step % 5 == 4 ? 1 : 0]
            let other = cities[step % 5 == 4 ? 0 : 1]
            let before = try await countedBallots(city)
            let otherBefore = try await countedBallots(other)
            let refused = await participationError { try await Self.randomOperation(&random, city: city, other: other) } != nil
            operations += 1
            if refused {
                refusals += 1
                #expect(try await countedBallots(city) == before, "step \(step): a refused operation changed the ballots")
            }
            #expect(try await countedBallots(other) == otherBefore, "step \(step): an operation crossed tenants")
            try await checkPromises(city, step: step)
        }
        #expect(operations == 160)
        #expect(refusals > 10 && refusals < 150, "the sequence mixes accepted and refused operations (\(refusals) refused)")
        for city in cities { try await checkPromises(city, step: 160) }
    }

    /// One operation, picked by `random`; it may be refused.
    static func randomOperation(_ random: inout SeededRandom, city: City, other: City) async throws {
        let service = city.service
        let process = city.process.id
        let voter = city.voters[Int.random(in: 0..<city.voters.count, using: &random)]
        let scope: DistrictID = Bool.random(using: &random) ? "north" : "south"
        let picked = (projects[scope] ?? []).shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))
        let chosen = picked.map { BallotChoice($0) }
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<30:
            _ = try await service.castBallot(chosen, scope: scope, in: process, by: voter)
        case 30..<36:
            _ = try await service.castBallot(chosen, scope: scope, in: process, channel: .kiosk(kioskID: "mairie"), by: voter)
        case 36..<42:
            _ = try await service.withdrawBallot(in: process, by: voter)
        case 42..<48:
            _ = try await service.recordBallot(
                chosen, scope: scope, for: voter.participantID, in: process, channel: .assisted(agentID: city.agent.participantID),
                by: city.agent)
        case 48..<54:
            let papers = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                PaperBallot(voterID: city.voters[Int.random(in: 0..<city.voters.count, using: &random)].participantID, scope: scope, choices: chosen)
            }
            _ = try await service.recordPaperBatch(papers, station: "Mairie", batch: "lot", in: process, by: city.agent)
        case 54..<62:
            var profile = TestWorld.adultResident
            profile.districtID = scope
            _ = try await service.updateOwnProfile(profile, by: voter)
        case 62..<66:
            _ = try await service.blockParticipant(voter.participantID, kind: .soft, justification: "incivilités", by: city.moderator)
        case 66..<70:
            _ = try await service.unblockParticipant(voter.participantID, reason: "levé", by: city.moderator)
        case 70..<73:
            _ = try await service.adjustEstimatedCost(picked.first ?? "bancs", to: 1_00, reason: "nouveau devis", by: city.reviewer)
        case 73..<76:
            _ = try await service.reviewProposition(
                picked.first ?? "illegal", status: Bool.random(using: &random) ? .inadmissible : .admissible,
                reason: .illegal, justification: "revu", by: city.reviewer)
        case 76..<79:
            _ = try await service.hide(.proposition(picked.first ?? "piste"), reason: "signalé", by: city.moderator)
        case 79..<83:
            _ = try await service.closePhase("vote", of: process, by: city.admin)
        case 83..<87:
            _ = try await service.reopenPhase("vote", of: process, reason: "urne oubliée", by: city.admin)
        case 87..<91:
            _ = try await service.publishResults(of: process, by: city.admin)
        case 91..<93:
            _ = try await service.correctResults(of: process, rule: .equalShares, reason: "le conseil a choisi", by: city.admin)
        case 93..<96:
            // Someone of the other tenant, in this tenant's vote.
            _ = try await service.castBallot(chosen, scope: scope, in: process, by: other.voters[0])
        default:
            _ = try await service.setBudgetSettings(
                BudgetSettings(envelope: 1_00, cycle: BudgetCycle(firstYear: 2026)), of: process, by: city.admin)
        }
    }

    /// The counted ballots, every scope, as staff read them.
    func countedBallots(_ city: City) async throws -> [Ballot] {
        try await city.service.storage.ballots(of: city.process.id, in: city.tenant, after: nil, limit: 10_000)
    }

    func checkPromises(_ city: City, step: Int) async throws {
        let service = city.service
        let process = try await service.process(city.process.id, in: city.tenant)
        let ballots = try await countedBallots(city)
        #expect(Set(ballots.map(\.voterID)).count == ballots.count, "step \(step): a voter has two counted ballots")
        let frozen = try #require(process.frozenBallot)
        for ballot in ballots {
            let list = frozen.list(for: ballot.scope)
            #expect(ballot.choices.allSatisfy { list?.costs[$0.propositionID] != nil }, "step \(step): \(ballot.id) chose off the frozen ballot")
        }
        var total = 0
        for scope in [DistrictID("north"), "south"] {
            let staff = try await service.staffTally(of: process.id, scope: scope, by: city.moderator)
            let publicTally = try await service.publicTally(of: process.id, scope: scope, in: city.tenant)
            #expect(publicTally == staff, "step \(step): the public tally of \(scope) is not the count")
            total += staff.ballots
        }
        #expect(total == ballots.count)
        guard let result = process.publishedResult else { return }
        #expect(result.ballotCount == ballots.count, "step \(step): the published result counts \(result.ballotCount), the ballots are \(ballots.count)")
        let rule = try #require(CountingRule(rawValue: result.rule))
        for scope in result.scopes {
            let file = try await service.exportPabulib(of: process.id, scope: scope.scope, in: city.tenant)
            let election = try PabulibParser.parse(file)
            #expect(election.ballots.count == scope.ballots, "step \(step): the .pb export of \(String(describing: scope.scope))")
            let recount = try await rule.count(election)
            #expect(recount.sortedSelected == scope.selected.map(\.rawValue), "step \(step): the .pb recount differs from the result")
        }
        let export = try await service.openDataExport(of: process.id, secret: OpenDataTests.secret, by: city.admin)
        #expect(export.tables.first { $0.name == "ballots" }?.rows.count == ballots.count, "step \(step): open data's ballots")
        let published = export.tables.first { $0.name == "results" }?.rows.count
        #expect(published == result.scopes.reduce(0) { $0 + $1.supporters.count }, "step \(step): open data's results")
    }
}
