/// Where a process stands with its vote. What a count depends on is frozen from the moment a
/// voting phase first opens, and a published result is final: ``VoteLocks`` says which changes
/// each stage refuses.
public enum VoteStage: String, Hashable, Sendable, Codable, CaseIterable {
    /// No voting phase has opened yet: the ballot, its rules and its projects may still change.
    case preparation
    /// A voting phase has opened and the result is not published: the ballot is frozen.
    case voting
    /// The result is published: final. Only ``ParticipationService/correctResults(of:rule:reason:by:)``
    /// publishes another version of it, keeping the earlier one readable.
    case published
}

/// A change that could alter what a vote counts, or what a published result says.
public enum CountedChange: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Which projects are on the ballot: their review status, publication, withdrawal, text and
    /// moderation visibility (a project on the frozen ballot cannot be hidden; redact it).
    case ballotProjects
    /// The cost of a project on the ballot.
    case projectCosts
    /// The district a project on the ballot belongs to.
    case projectDistricts
    /// The envelope, its district split, categories, counting rule and minimum score.
    case budgetSettings
    /// The ballot format and the results' visibility.
    case voteRules
    /// Who may vote.
    case voteEligibility
    /// The tenant's districts that a frozen ballot is split by.
    case tenantDistricts
    /// The scope a voter votes in: fixed by their first ballot, whatever their profile says later.
    case voterScopes
    /// Casting, recording, replacing, withdrawing or importing ballots.
    case ballots
    /// Opening a voting phase again.
    case voteReopening

    public var description: String {
        switch self {
        case .ballotProjects: "the projects on the ballot"
        case .projectCosts: "the cost of a project on the ballot"
        case .projectDistricts: "the district of a project on the ballot"
        case .budgetSettings: "the budget's envelope, split, categories and counting rule"
        case .voteRules: "the vote rules"
        case .voteEligibility: "who may vote"
        case .tenantDistricts: "the districts the ballot is split by"
        case .voterScopes: "the scope a voter votes in"
        case .ballots: "the ballots"
        case .voteReopening: "reopening the vote"
        }
    }
}

/// The lifecycle of a vote as data: the changes each ``VoteStage`` refuses. Every operation
/// that could make one of these changes asks ``ParticipatoryProcess/requireUnlocked(_:)``
/// first, so the table below is the whole rule.
public enum VoteLocks {
    /// The changes refused in `stage`.
    public static func locked(in stage: VoteStage) -> Set<CountedChange> {
        switch stage {
        case .preparation:
            []
        case .voting:
            [
                .ballotProjects, .projectCosts, .projectDistricts, .budgetSettings, .voteRules, .voteEligibility,
                .tenantDistricts, .voterScopes,
            ]
        case .published:
            Set(CountedChange.allCases)
        }
    }
}

extension VoteLocks {
    /// The change a review of `proposition` to `status` would make to a participatory budget's
    /// vote, if the vote has opened: during the vote no ballot project's status changes, and no other
    /// proposition takes a status that puts projects on a ballot; once results are published a
    /// retained project's realisation is followed (retained, in progress, realised) and nothing
    /// else of a ballot project changes: its outcome is the published result's.
    public static func reviewLock(
        of proposition: Proposition, to status: PropositionStatus, onBallot: Bool, in process: ParticipatoryProcess
    ) -> CountedChange? {
        // Only a participatory budget puts propositions on a ballot.
        guard process.budget != nil else { return nil }
        switch process.voteStage {
        case .preparation:
            return nil
        case .voting:
            return onBallot || BallotList.ballotStatuses.contains(status) ? .ballotProjects : nil
        case .published:
            let realisation: Set<PropositionStatus> = [.retained, .inProgress, .realised]
            if onBallot { return realisation.contains(proposition.status) && realisation.contains(status) ? nil : .ballotProjects }
            return BallotList.ballotStatuses.contains(status) ? .ballotProjects : nil
        }
    }
}

extension ParticipatoryProcess {
    /// Where the process stands with its vote.
    public var voteStage: VoteStage {
        if publishedResult != nil { return .published }
        return isVoteLocked ? .voting : .preparation
    }

    /// Throws ``ParticipationError/Code/rulesLocked`` when the process's ``voteStage`` locks `change`.
    public func requireUnlocked(_ change: CountedChange) throws {
        let stage = voteStage
        guard VoteLocks.locked(in: stage).contains(change) else { return }
        switch stage {
        case .preparation:
            return
        case .voting:
            throw ParticipationError(
                .rulesLocked, "the vote of '\(title)' has opened: \(change) can no longer change", field: change.rawValue)
        case .published:
            throw ParticipationError(
                .rulesLocked,
                "the results of '\(title)' are published and final: \(change) can no longer change (publish a correction instead)",
                field: change.rawValue)
        }
    }

    /// Whether `proposition` is on the ballot frozen when the vote opened.
    public func isOnFrozenBallot(_ proposition: PropositionID) -> Bool {
        frozenBallot?.contains(proposition) ?? false
    }
}
