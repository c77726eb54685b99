#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

extension ScenarioRun {
    /// The vote: day by day, online, kiosk and tablet ballots as they come, then each polling
    /// station's paper ballots keyed in by its agent in batches at the end of the day.
    mutating func vote() async throws {
        clock.set(scenario.voteOpensAt)
        try await open("vote")
        let list = try await service.ballotList(of: processID, scope: nil, in: tenant)
        let projects = try await service.storage.propositions(of: processID, in: tenant)
        let appeal = Dictionary(uniqueKeysWithValues: ideas.map { ($0.id, $0.idea.appeal) })
        let candidates = projects.compactMap { project -> BallotCandidate? in
            guard let cost = list.costs[project.id] else { return nil }
            return BallotCandidate(id: project.id, cost: cost, districtID: project.districtID, appeal: appeal[project.id] ?? 1)
        }
        let planned = VotePlanner(scenario: scenario, population: population, candidates: candidates, envelope: list.envelope)
            .plan(seed: random)
        var day = 0
        var paperOfDay: [PlannedVote] = []
        for vote in planned {
            if vote.day != day {
                try await keyInPaper(paperOfDay, day: day)
                paperOfDay = []
                day = vote.day
                moveClock(toDay: day)
            }
            clock.advance(by: 30)
            if vote.channel == .paper {
                paperOfDay.append(vote)
            } else {
                try await cast(vote)
            }
        }
        try await keyInPaper(paperOfDay, day: day)
        moveClock(toDay: scenario.votingDays)
        try await close("vote", after: 0)
    }

    private mutating func cast(_ vote: PlannedVote) async throws {
        attempts += 1
        if vote.isSecondAttempt { duplicateAttempts += 1 }
        let voter = vote.person
        do {
            switch vote.channel {
            case .online:
                _ = try await service.castBallot(vote.choices, in: processID, channel: .online, by: caller(voter))
            case .kiosk:
                _ = try await service.castBallot(
                    vote.choices, in: processID, channel: .kiosk(kioskID: "borne-hotel-de-ville"), by: caller(voter))
            case .assisted:
                let agent = agent(of: voter.districtID)
                _ = try await service.recordBallot(
                    vote.choices, for: voter.participantID, in: processID, channel: .assisted(agentID: agent.participantID),
                    by: agent)
            case .paper:
                preconditionFailure("paper ballots are keyed in by batch (keyInPaper)")
            }
        } catch let error as ParticipationError {
            record(refusal: error)
        }
    }

    /// Each district's station keys in its paper ballots of the day, in batches.
    private mutating func keyInPaper(_ votes: [PlannedVote], day: Int) async throws {
        for district in population.districts {
            let station = votes.filter { $0.person.districtID == district.id }
            guard !station.isEmpty else { continue }
            let agent = agent(of: district.id)
            var start = 0
            var batchNumber = 1
            while start < station.count {
                let batch = Array(station[start..<min(start + scenario.paperBatchSize, station.count)])
                clock.advance(by: 600)
                let outcomes = try await service.recordPaperBatch(
                    batch.map { PaperBallot(voterID: $0.person.participantID, choices: $0.choices) },
                    station: "Bureau \(district.name)", batch: "J\(day + 1)-\(batchNumber)", in: processID, by: agent)
                for (vote, outcome) in zip(batch, outcomes) {
                    attempts += 1
                    if vote.isSecondAttempt { duplicateAttempts += 1 }
                    if case .refused(let error) = outcome { record(refusal: error) }
                }
                start += scenario.paperBatchSize
                batchNumber += 1
            }
        }
    }

    /// The morning of `day` of the vote, unless the previous day ran past it.
    private func moveClock(toDay day: Int) {
        let morning = scenario.voteOpensAt.addingTimeInterval(Double(day) * 86_400)
        if morning > clock.now() { clock.set(morning) }
    }

    private mutating func record(refusal error: ParticipationError) {
        switch error.code {
        case .duplicate: refusedDuplicate += 1
        case .notEligible: refusedIneligible += 1
        default: refusedOther += 1
        }
    }
}
