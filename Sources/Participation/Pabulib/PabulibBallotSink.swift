/// Where the Pabulib parser puts each VOTES row once it has checked it: the parser is written
/// once, and what it builds — every ballot as written, or only what counting reads — is the sink.
protocol PabulibBallotSink {
    /// Whether the sink keeps voter ids and the extra VOTES columns; when not, the parser does not
    /// decode them at all.
    static var keepsVoterDetails: Bool { get }
    /// Called at the VOTES header, before any row.
    mutating func begin(budget: Rational, kind: BallotKind, projects: [BudgetProject], expectedCount: Int)
    /// One checked row: the listed project indices `listed[0 ..< count]` in the voter's order
    /// (repeats as written), their points for point kinds (else empty), and — only when
    /// ``keepsVoterDetails`` — the voter id and the extra columns (else empty).
    mutating func add(voterID: String, listed: [Int32], count: Int, points: [Rational], attributes: [String?])
}

/// Builds every ballot as written, for ``BudgetElection``.
struct BudgetBallotSink: PabulibBallotSink {
    static var keepsVoterDetails: Bool { true }
    var ballots: [BudgetBallot] = []

    mutating func begin(budget: Rational, kind: BallotKind, projects: [BudgetProject], expectedCount: Int) {
        ballots.reserveCapacity(expectedCount)
    }

    mutating func add(voterID: String, listed: [Int32], count: Int, points: [Rational], attributes: [String?]) {
        ballots.append(BudgetBallot(voterID: voterID, projects: listed[0..<count].map { Int($0) }, points: points, attributes: attributes))
    }
}

/// Merges the ballots into a ``CompactElection`` as they are read.
struct CompactBallotSink: PabulibBallotSink {
    static var keepsVoterDetails: Bool { false }
    var election: CompactElection?

    mutating func begin(budget: Rational, kind: BallotKind, projects: [BudgetProject], expectedCount: Int) {
        election = CompactElection(uncheckedBudget: budget, kind: kind, projects: projects, expectedBallotCount: expectedCount)
    }

    mutating func add(voterID: String, listed: [Int32], count: Int, points: [Rational], attributes: [String?]) {
        listed.withUnsafeBufferPointer { listed in
            // `begin` ran at the VOTES header, before any row.
            election!.addValidBallot(UnsafeBufferPointer(rebasing: listed[0..<count]), points: points)
        }
    }
}
