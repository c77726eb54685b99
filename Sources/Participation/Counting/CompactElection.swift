/// An election kept for counting only: the budget and projects of a ``BudgetElection``, and the
/// ballots as lists of project indices in flat arrays.
///
/// ``BudgetElection`` keeps every ballot as written — voter id, order, points, attributes —
/// which is what a `.pb` file round-trips, at the price of a few allocations per ballot. When
/// ballots are many and only their count matters (a city-wide vote of a million voters), build
/// a `CompactElection` instead: adding a ballot drops its repeats, adds it to the supporter
/// counts and appends its indices to one flat array — no allocation per ballot. Identical
/// ballots are merged, with a multiplicity, when a rule that iterates over ballots counts it
/// (greedy rules read the supporter counts alone). Every ``CountingRule`` counts it exactly as
/// it counts the equivalent ``BudgetElection``.
///
/// ```swift
/// var compact = try CompactElection(budget: 1_000_000, projects: projects, expectedBallotCount: ballots.count)
/// for approved in ballots { try compact.addBallot(approved) }   // indices into `projects`
/// let outcome = try await CountingRule.equalShares.count(compact)
/// ```
///
/// For approval ballots already held as one flat array of indices, use
/// ``init(budget:projects:approvals:ballotEnds:)``; to read a `.pb` file straight into one,
/// ``PabulibParser/compactElection(contentsOf:)``.
public struct CompactElection: Sendable {
    /// The budget limit.
    public let budget: Rational
    /// How voters expressed themselves.
    public let kind: BallotKind
    /// The projects; ballots name them by index into this array.
    public let projects: [BudgetProject]
    /// The META entries of the `.pb` file it was read from (``PabulibParser/compactElection(contentsOf:)``);
    /// empty otherwise.
    public internal(set) var metadata: [MetadataEntry] = []
    /// How many voters list each project, by project index (a project listed twice on one
    /// ballot counts once).
    public private(set) var supporterCounts: [Int]
    /// Total points per project for cumulative and scoring ballots; empty for other kinds.
    private(set) var pointTotals: [Rational]
    /// Every ballot as its distinct entries: ballot `b` is `entries[entryEnds[b - 1] ..< entryEnds[b]]`
    /// (from 0 for the first), in the voter's order — the ranking, best first, for ordinal ballots.
    private(set) var entries: [Int32] = []
    private(set) var entryEnds: [Int] = []
    /// The points of `entries`, entry by entry, for cumulative and scoring ballots; empty otherwise.
    private(set) var entryPoints: [Rational] = []
    /// `listedBy[p]` is the ballot number that last listed project `p`, and `listedAt[p]` its
    /// position in `entries`: repeats found in one pass, without clearing anything per ballot.
    private var listedBy: [Int]
    private var listedAt: [Int]
    /// One ballot's distinct entries, reused.
    private var scratch: [Int32] = []

    /// The number of ballots added, empty ones included (the `n` of equal shares' `B/n`).
    public var voterCount: Int { entryEnds.count }

    /// How many different ballots were added: what rules that iterate over ballots visit. Merges
    /// them to count (one pass over the ballots).
    public var distinctBallotCount: Int { DistinctBallotTable(merging: self).weights.count }

    /// Total Borda score per project for ordinal ballots: a ranking of `k` distinct projects
    /// gives them `k − 1, k − 2, …, 0`. All zero for other kinds.
    var bordaTotals: [Int] {
        var totals = [Int](repeating: 0, count: projects.count)
        guard kind == .ordinal else { return totals }
        var start = 0
        for end in entryEnds {
            for position in start..<end { totals[Int(entries[position])] += end - position - 1 }
            start = end
        }
        return totals
    }

    /// The value of the first META entry with this key, if any.
    public func metadataValue(for key: String) -> String? { metadata.value(for: key) }

    /// META `min_project_score_threshold`, parsed exactly, if present.
    public var minimumProjectScoreThreshold: Rational? { metadata.minimumProjectScoreThreshold }

    /// Creates an election with no ballots yet.
    ///
    /// - Parameter expectedBallotCount: how many ballots will be added, to size the arrays once.
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/invalidElection``) when a
    ///   project id repeats or the budget or a cost is negative.
    public init(budget: Rational, kind: BallotKind = .approval, projects: [BudgetProject], expectedBallotCount: Int = 0) throws {
        try BudgetElection.validate(budget: budget, projects: projects, projectAttributeKeys: nil)
        self.init(uncheckedBudget: budget, kind: kind, projects: projects, expectedBallotCount: expectedBallotCount)
    }

    /// An election whose budget and projects the caller (the Pabulib parser) already checked.
    init(uncheckedBudget budget: Rational, kind: BallotKind, projects: [BudgetProject], expectedBallotCount: Int) {
        self.budget = budget
        self.kind = kind
        self.projects = projects
        supporterCounts = [Int](repeating: 0, count: projects.count)
        pointTotals = kind.hasPoints ? [Rational](repeating: .zero, count: projects.count) : []
        listedBy = [Int](repeating: -1, count: projects.count)
        listedAt = [Int](repeating: 0, count: projects.count)
        let expected = min(max(expectedBallotCount, 0), 1 << 26)
        entryEnds.reserveCapacity(expected)
        entries.reserveCapacity(expected * 4)
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
            approvals.withUnsafeBufferPointer { approvals in
                addValidBallot(UnsafeBufferPointer(rebasing: approvals[start..<end]), points: [])
            }
            start = end
        }
    }

    /// The ballots of `election`; voter ids and attributes are dropped.
    public init(_ election: BudgetElection) {
        self.init(
            uncheckedBudget: election.budget, kind: election.kind, projects: election.projects,
            expectedBallotCount: election.ballots.count)
        metadata = election.metadata
        // A `BudgetElection` was validated when built (or parsed), so its indices are in range.
        var listed: [Int32] = []
        for ballot in election.ballots {
            listed.removeAll(keepingCapacity: true)
            for project in ballot.projects { listed.append(Int32(truncatingIfNeeded: project)) }
            listed.withUnsafeBufferPointer { addValidBallot($0, points: ballot.points) }
        }
    }

    /// Adds one voter's ballot.
    ///
    /// - Parameters:
    ///   - projectIndices: indices into ``projects``, in the voter's order (for ordinal ballots
    ///     the ranking, best first). A project listed twice counts once: at its first rank, with
    ///     its last points (as pabutools reads such ballots).
    ///   - points: for cumulative and scoring ballots, the points given to each listed project,
    ///     position by position; empty otherwise.
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
        let listed = projectIndices.map { Int32(truncatingIfNeeded: $0) }
        listed.withUnsafeBufferPointer { addValidBallot($0, points: points) }
    }

    /// Adds a ballot whose indices are in range and whose points (for point kinds) pair with them.
    mutating func addValidBallot(_ listed: UnsafeBufferPointer<Int32>, points: [Rational]) {
        let ballot = entryEnds.count
        if kind.hasPoints {
            for (position, project) in listed.enumerated() {
                let index = Int(project)
                if listedBy[index] == ballot {
                    entryPoints[listedAt[index]] = points[position]
                    continue
                }
                listedBy[index] = ballot
                listedAt[index] = entries.count
                entries.append(project)
                entryPoints.append(points[position])
                supporterCounts[index] += 1
            }
            for position in (entryEnds.last ?? 0)..<entries.count { pointTotals[Int(entries[position])] += entryPoints[position] }
        } else {
            if scratch.count < listed.count { scratch = [Int32](repeating: 0, count: max(listed.count, scratch.count * 2)) }
            var unique = 0
            scratch.withUnsafeMutableBufferPointer { scratch in
                listedBy.withUnsafeMutableBufferPointer { listedBy in
                    supporterCounts.withUnsafeMutableBufferPointer { counts in
                        for project in listed where listedBy[Int(project)] != ballot {
                            listedBy[Int(project)] = ballot
                            counts[Int(project)] += 1
                            scratch[unique] = project
                            unique += 1
                        }
                    }
                }
                entries.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<unique]))
            }
        }
        entryEnds.append(entries.count)
    }
}
