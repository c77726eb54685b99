#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

extension ScenarioRun {
    /// Results: the ballots are counted with the scenario's rule, the result is published
    /// (which makes the tally public), winners become retained and the others not retained.
    mutating func countAndPublish() async throws {
        clock.advance(by: 2 * 86_400)
        try await open("results")
        let list = try await service.ballotList(of: processID, scope: nil, in: tenant)
        let tally = try await service.staffTally(of: processID, by: admin)
        let onBallot = list.costs.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: onBallot.enumerated().map { ($1, $0) })
        var ballots: [[Int]] = []
        var after: BallotID?
        while true {
            let page = try await service.storage.ballots(of: processID, in: tenant, after: after, limit: 5_000)
            for ballot in page { ballots.append(ballot.choices.compactMap { index[$0.propositionID] }) }
            guard let last = page.last else { break }
            after = last.id
        }
        let selected = try await ScenarioCounting.select(
            rule: scenario.rule, envelope: list.envelope, projects: onBallot, costs: list.costs, ballots: ballots)
        let cost = selected.reduce(Int64(0)) { $0 + (list.costs[$1] ?? 0) }
        let publishedAt = clock.now()
        _ = try await desk.publish(
            BudgetResult(
                rule: scenario.rule.rawValue,
                scopes: [
                    ScopeResult(
                        scope: nil, envelope: list.envelope, selected: selected.sorted(), totalCost: cost,
                        ballots: tally.ballots, supporters: tally.supporters)
                ],
                binding: true, publishedAt: publishedAt, publishedBy: admin.participantID),
            of: processID, by: admin)
        let winners = Set(selected)
        var projects: [WinningProject] = []
        for id in list.costs.keys.sorted() {
            let isWinner = winners.contains(id)
            let proposition = try await desk.setStatus(
                id, isWinner ? .retained : .notRetained,
                justification: isWinner ? "Lauréat du vote" : "Pas assez de voix dans l'enveloppe", by: admin)
            if isWinner {
                projects.append(
                    WinningProject(
                        id: id, title: proposition.title, districtID: proposition.districtID, cost: list.costs[id] ?? 0,
                        supporters: tally.supporters[id] ?? 0))
                milestones.append(RealisationMilestone(propositionID: id, status: .retained, at: publishedAt))
            }
        }
        projects.sort { $0.supporters != $1.supporters ? $0.supporters > $1.supporters : $0.id < $1.id }
        result = ResultReport(
            rule: scenario.rule.rawValue, envelope: list.envelope, allocated: cost, winners: projects,
            onBallot: list.costs.count)
        try await close("results", after: 7)
    }

    /// Realisation: each winner's works start one to six months after the results and end
    /// three to eighteen months later, as the timeline the city publishes shows.
    mutating func followRealisation() async throws {
        try await open("realisation")
        var draws = random.stream("realisation")
        let month = 30.0 * 86_400
        let opened = clock.now()
        var steps: [RealisationMilestone] = []
        for winner in (result?.winners ?? []).sorted(by: { $0.id < $1.id }) {
            let start = opened.addingTimeInterval(Double(draws.integer(in: 1...6)) * month)
            let end = start.addingTimeInterval(Double(draws.integer(in: 3...18)) * month)
            steps.append(RealisationMilestone(propositionID: winner.id, status: .inProgress, at: start))
            steps.append(RealisationMilestone(propositionID: winner.id, status: .realised, at: end))
        }
        steps.sort { $0.at != $1.at ? $0.at < $1.at : $0.propositionID < $1.propositionID }
        for step in steps {
            clock.set(step.at)
            _ = try await desk.setStatus(
                step.propositionID, step.status,
                justification: step.status == .realised ? "Travaux réceptionnés" : "Travaux lancés", by: admin)
        }
        milestones += steps
    }

    /// The report, from the platform's records (the public tally, the conflicts kept for
    /// staff, the stored ballots) and the run's counts of what it attempted.
    func report() async throws -> ScenarioReport {
        let tally = try await service.publicTally(of: processID, in: tenant)
        let conflicts = try await service.ballotConflicts(of: processID, by: admin)
        var votersByDistrict: [DistrictID: Int] = [:]
        var after: BallotID?
        while true {
            let page = try await service.storage.ballots(of: processID, in: tenant, after: after, limit: 5_000)
            for ballot in page {
                if let district = peopleByID[ballot.voterID]?.districtID { votersByDistrict[district, default: 0] += 1 }
            }
            guard let last = page.last else { break }
            after = last.id
        }
        let turnout = population.districts.map { district in
            let eligible = population.people.count(where: { $0.districtID == district.id && $0.age >= 16 })
            let voters = votersByDistrict[district.id] ?? 0
            return DistrictTurnout(
                districtID: district.id, eligible: eligible, voters: voters, perMille: eligible > 0 ? voters * 1000 / eligible : 0)
        }
        let inadmissible = ideas.compactMap { entry -> String? in
            if case .inadmissible(let reason) = entry.idea.review { return reason.rawValue }
            return nil
        }
        return ScenarioReport(
            scenario: scenario.name, seed: scenario.seed, population: population.summary,
            ideas: IdeaReport(
                submitted: ideas.count, bySubmission: NamedCount.tally(ideas.map(\.idea.submission.name)),
                admissible: ideas.count - inadmissible.count, inadmissibleByReason: NamedCount.tally(inadmissible),
                costAdjusted: costAdjusted, reworked: reworked),
            votes: VoteReport(
                ballotsByChannel: tally.ballotsByChannel.keys.sorted().map { NamedCount($0, tally.ballotsByChannel[$0] ?? 0) },
                ballotsCounted: tally.ballots, attempts: attempts, duplicateAttempts: duplicateAttempts,
                duplicatesCaught: conflicts.count, refusedIneligible: refusedIneligible, refusedOther: refusedOther),
            turnout: turnout,
            // countAndPublish ran before the report, so the result is set.
            result: result!,
            realisation: milestones.sorted { $0.at != $1.at ? $0.at < $1.at : $0.propositionID < $1.propositionID })
    }
}
