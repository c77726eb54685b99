#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

extension ScenarioRun {
    /// Results: the administrator publishes them with the service (`publishResults`), which
    /// counts the ballots with the budget's counting rule, makes the tally public and sets
    /// winners to retained and the others to not retained.
    mutating func countAndPublish() async throws {
        clock.advance(by: 2 * 86_400)
        try await open("results")
        let published = try await service.publishResults(of: processID, by: admin)
        // The scenario's budget is city-wide: one scope.
        guard let scope = published.scopes.first else {
            throw ParticipationError(.invalidTransition, "the published result has no scope")
        }
        let costs = try await service.ballotList(of: processID, scope: nil, in: tenant).costs
        var projects: [WinningProject] = []
        for id in scope.selected {
            let proposition = try await service.proposition(id, in: tenant)
            projects.append(
                WinningProject(
                    id: id, title: proposition.title, districtID: proposition.districtID, cost: costs[id] ?? 0,
                    supporters: scope.supporters[id] ?? 0))
        }
        projects.sort { $0.supporters != $1.supporters ? $0.supporters > $1.supporters : $0.id < $1.id }
        result = ResultReport(
            rule: published.rule, envelope: scope.envelope, allocated: scope.totalCost, winners: projects,
            onBallot: costs.count)
        try await close("results", after: 7)
    }

    /// Realisation: each winner's timeline, recorded by the city with `recordRealisationEvent`
    /// as the steps happen (the clock moves to each step): a feasibility study one to two
    /// months after the results; for one project in ten the study is negative and the project
    /// is abandoned with its reason; otherwise a call for tenders, works (the public status
    /// becomes in progress), a progress report halfway with the money spent so far, and
    /// delivery at 85 % to 125 % of the estimate (the status becomes realised).
    mutating func followRealisation() async throws {
        try await open("realisation")
        var draws = random.stream("realisation")
        let month = 30.0 * 86_400
        let opened = clock.now()
        var steps: [PlannedRealisationStep] = []
        for winner in (result?.winners ?? []).sorted(by: { $0.id < $1.id }) {
            let study = opened.addingTimeInterval(Double(draws.integer(in: 1...2)) * month)
            steps.append(PlannedRealisationStep(winner.id, .study, on: study, note: "Étude de faisabilité"))
            if draws.integer(below: 10) == 0 {
                steps.append(
                    PlannedRealisationStep(
                        winner.id, .abandoned, on: study.addingTimeInterval(month),
                        note: "Le terrain s'est révélé inconstructible"))
                continue
            }
            let tender = study.addingTimeInterval(Double(draws.integer(in: 1...3)) * month)
            let works = tender.addingTimeInterval(Double(draws.integer(in: 1...4)) * month)
            let duration = draws.integer(in: 3...18)
            let halfway = works.addingTimeInterval(Double(duration) / 2 * month)
            let delivered = works.addingTimeInterval(Double(duration) * month)
            let spentHalfway = winner.cost * Int64(draws.integer(in: 40...70)) / 100
            let spent = winner.cost * Int64(draws.integer(in: 85...125)) / 100
            steps += [
                PlannedRealisationStep(winner.id, .tender, on: tender, note: "Appel d'offres publié"),
                PlannedRealisationStep(winner.id, .worksStarted, on: works, note: "Travaux lancés", progress: 10),
                PlannedRealisationStep(
                    winner.id, .progressUpdate, on: halfway, note: "Point d'étape", progress: draws.integer(in: 40...70),
                    spent: spentHalfway),
                PlannedRealisationStep(
                    winner.id, .delivered, on: delivered, note: "Travaux réceptionnés", progress: 100, spent: max(spent, spentHalfway)),
            ]
        }
        steps.sort { $0.on != $1.on ? $0.on < $1.on : $0.propositionID < $1.propositionID }
        let follower = agents.values.min { $0.participantID < $1.participantID } ?? admin
        for step in steps {
            clock.set(step.on)
            _ = try await service.recordRealisationEvent(
                step.kind, on: step.on, note: step.note, progressPercent: step.progress, spentToDate: step.spent,
                for: step.propositionID, by: follower)
            switch step.kind {
            case .worksStarted: _ = try await desk.setStatus(step.propositionID, .inProgress, justification: step.note, by: admin)
            case .delivered: _ = try await desk.setStatus(step.propositionID, .realised, justification: step.note, by: admin)
            default: break
            }
        }
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
            realisation: try await realisations())
    }

    /// Each winner's published timeline, by proposition id.
    func realisations() async throws -> [ProjectRealisation] {
        var realisations: [ProjectRealisation] = []
        for winner in (result?.winners ?? []).sorted(by: { $0.id < $1.id }) {
            realisations.append(ProjectRealisation(try await service.realisationTimeline(of: winner.id, in: tenant)))
        }
        return realisations
    }
}

/// A step of a winner's realisation, drawn before it is recorded.
struct PlannedRealisationStep {
    let propositionID: PropositionID
    let kind: RealisationEventKind
    let on: Date
    let note: String
    let progress: Int?
    let spent: Int64?

    init(_ propositionID: PropositionID, _ kind: RealisationEventKind, on: Date, note: String, progress: Int? = nil, spent: Int64? = nil) {
        self.propositionID = propositionID
        self.kind = kind
        self.on = on
        self.note = note
        self.progress = progress
        self.spent = spent
    }
}
