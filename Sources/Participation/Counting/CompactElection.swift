/// An election kept for counting only: the budget and projects of a ``BudgetElection``, and the
/// ballots as sets of project indices in flat arrays, identical ones merged as they are added.
///
/// ``BudgetElection`` keeps every ballot as written — voter id, order, points, attributes —
/// which is what a `.pb` file round-trips, at the price of a few allocations per ballot. When
/// ballots are many and only their count matters (a city-wide vote of a million voters), build
/// a `CompactElection` instead: adding a ballot sorts its few indices, hashes them, and either
/// adds one to the weight of an identical ballot already seen or appends it to one flat array.
/// Every ``CountingRule`` counts it exactly as it counts the equivalent ``BudgetElection``.
///
/// ```swift
/// var compact = try CompactElection(budget: 1_000_000, projects: projects, expectedBallotCount: ballots.count)
/// for approved in ballots { try compact.addBallot(approved) }   // indices into `projects`
/// let outcome = try await CountingRule.equalShares.count(compact)
/// ```
///
/// For approval ballots already held as one flat array of indices, use
/// ``init(budget:projects:approvals:ballotEnds:)``.
public struct CompactElection: Sendable {
    /// The budget limit.
    public let budget: Rational
    /// How voters expressed themselves.
    public let kind: BallotKind
    /// The projects; ballots name them by index into this array.
    public let projects: [BudgetProject]
    /// The number of ballots added, empty ones included (the `n` of equal shares' `B/n`).
    public private(set) var voterCount = 0
    /// How many voters list each project, by project index (a project listed twice on one
    /// ballot counts once).
    public private(set) var supporterCounts: [Int]
    /// Total points per project for cumulative and scoring ballots; empty for other kinds.
    private(set) var pointTotals: [Rational]
    /// The distinct ballots with their multiplicities.
    private(set) var ballots: DistinctBallotTable
    /// One ballot's indices, sorted and deduplicated before lookup; reused to avoid allocations.
    private var scratch: [Int32] = []

    /// How many different ballots were added: the size of what rules iterate over.
    public var distinctBallotCount: Int { ballots.weights.count }

    /// Creates an election with no ballots yet.
    ///
    /// - Parameter expectedBallotCount: how many ballots will be added, to size the table once.
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/invalidElection``) when a
    ///   project id repeats or the budget or a cost is negative.
    public init(budget: Rational, kind: BallotKind = .approval, projects: [BudgetProject], expectedBallotCount: Int = 0) throws {
        try BudgetElection.validate(budget: budget, projects: projects, projectAttributeKeys: nil)
        self.init(uncheckedBudget: budget, kind: kind, projects: projects, expectedBallotCount: expectedBallotCount)
    }

    private init(uncheckedBudget budget: Rational, kind: BallotKind, projects: [BudgetProject], expectedBallotCount: Int) {
        self.budget = budget
        self.kind = kind
        self.projects = projects
        supporterCounts = [Int](repeating: 0, count: projects.count)
        pointTotals = kind.hasPoints ? [Rational](repeating: .zero, count: projects.count) : []
        ballots = DistinctBallotTable(expectedCount: expectedBallotCount)
    }

    /// Creates an approval election from ballots held in one flat array: ballot `b` approves
    /// `approvals[ballotEnds[b - 1] ..< ballotEnds[b]]` (from 0 for the first ballot).
    ///
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/invalidElection``) when
    ///   `ballotEnds` decreases or does not end at `approvals.count`, an index is out of range,
    ///   or for the reasons of ``init(budget:kind:projects:expectedBallotCount:)``.
    public init(budget: Rational, projects: [BudgetProject], approvals: [Int32], ballotEnds: [Int]) throws {
        try self.init(budget: budget, kind: .approval, projects: projects, expectedBallotCount: ballotEnds.count)
        guard ballotEnds.last ?? 0 == approvals.count else {
            throw ParticipationError(
                .invalidElection, "The last ballot ends at \(ballotEnds.last ?? 0), not at the \(approvals.count) approvals.",
                field: "ballotEnds")
        }
        let projectCount = Int32(clamping: projects.count)
        if let bad = approvals.first(where: { $0 < 0 || $0 >= projectCount }) {
            throw ParticipationError(.invalidElection, "An approval names project index \(bad), which does not exist.", field: "vote")
        }
        var start = 0
        for (ballot, end) in ballotEnds.enumerated() {
            guard end >= start else {
                throw ParticipationError(
                    .invalidElection, "Ballot \(ballot + 1) ends at \(end), before it starts at \(start).", field: "ballotEnds")
            }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: approvals[start..<end])
            addScratch(points: [])
            start = end
        }
    }

    /// The ballots of `election`, merged; voter ids, order and attributes are dropped.
    public init(_ election: BudgetElection) {
        self.init(
            uncheckedBudget: election.budget, kind: election.kind, projects: election.projects,
            expectedBallotCount: election.ballots.count)
        // A `BudgetElection` was validated when built (or parsed), so its indices are in range.
        for ballot in election.ballots {
            scratch.removeAll(keepingCapacity: true)
            for project in ballot.projects { scratch.append(Int32(truncatingIfNeeded: project)) }
            addScratch(points: ballot.points, listed: ballot.projects)
        }
    }

    /// Adds one voter's ballot.
    ///
    /// - Parameters:
    ///   - projectIndices: indices into ``projects``, in the voter's order.
    ///   - points: for cumulative and scoring ballots, the points given to each listed project,
    ///     position by position; empty otherwise. Only a minimum-score threshold reads them.
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/invalidElection``) when an
    ///   index is out of range or points do not pair with projects; the election is unchanged.
    public mutating func addBallot(_ projectIndices: [Int], points: [Rational] = []) throws {
        if let bad = projectIndices.first(where: { !projects.indices.contains($0) }) {
            throw ParticipationError(
                .invalidElection, "Ballot \(voterCount + 1) names project index \(bad), which does not exist.", field: "vote")
        }
        if kind.hasPoints ? points.count != projectIndices.count : !points.isEmpty {
            throw ParticipationError(
                .invalidElection, "Ballot \(voterCount + 1) has \(points.count) points for \(projectIndices.count) projects.",
                field: "points")
        }
        scratch.removeAll(keepingCapacity: true)
        for project in projectIndices { scratch.append(Int32(truncatingIfNeeded: project)) }
        addScratch(points: points, listed: projectIndices)
    }

    /// Adds the ballot held in `scratch` (valid indices), with its points paired with `listed`.
    private mutating func addScratch(points: [Rational], listed: [Int] = []) {
        if !pointTotals.isEmpty {
            for (position, project) in listed.enumerated() { pointTotals[project] += points[position] }
        }
        if scratch.count > 1 {
            scratch.sort()
            var unique = 1
            for position in 1..<scratch.count where scratch[position] != scratch[position - 1] {
                scratch[unique] = scratch[position]
                unique += 1
            }
            scratch.removeLast(scratch.count - unique)
        }
        for project in scratch { supporterCounts[Int(project)] += 1 }
        voterCount += 1
        scratch.withUnsafeBufferPointer { ballots.add($0) }
    }
}
