/// Stores ballots, keeping one per voter and process across every channel and scope.
public protocol BallotStorage: Sendable {
    /// Stores `ballot` as the voter's ballot in its process, in one transaction, as
    /// ``BallotCastDecision/deciding(_:existing:)`` decides from the voter's counted ballot in
    /// that process (whatever its scope):
    /// - ``BallotCastDecision/insert``: stores it, returns `.cast`;
    /// - ``BallotCastDecision/replace(_:)``: replaces that ballot, returns `.replaced(oldID)`;
    /// - ``BallotCastDecision/refuse(_:)``: stores nothing but the conflict and returns `.refusedDuplicate`.
    ///
    /// Under concurrency exactly one of N simultaneous first ballots of a voter is cast: the
    /// backend keeps one ballot per (tenant, process, voter) as a constraint.
    /// - Throws: `notFound` (tenant, process or voter); `duplicate` if the ballot id is taken.
    func castBallot(_ ballot: Ballot) async throws -> BallotCastOutcome

    /// Reads the voter's ``ActionContext`` (as ``ActionContextStorage/actionContext(of:in:tenant:propositions:)``
    /// would, with `propositions`), hands it to `decide`, and stores the ballot `decide` returns
    /// as ``castBallot(_:)`` would, all in one transaction: the rules are applied to the very
    /// state the ballot is stored in, so no block, phase change or withdrawn project can slip
    /// in between the check and the write.
    ///
    /// `decide` runs once, may run on the backend's own thread while it holds its write lock
    /// (keep it to pure checks), and must return a ballot of that voter in that process. If it
    /// throws, nothing is stored and its error is rethrown as is.
    ///
    /// A default implementation reads the context, then casts: the same outcomes, without the
    /// atomicity. A backend overrides it to make it one transaction (the SQLite store does: it
    /// is the hot path of a vote, and there one write instead of a read and a write).
    /// - Throws: What `decide` throws; otherwise as ``ActionContextStorage/actionContext(of:in:tenant:propositions:)``
    ///   then ``castBallot(_:)``.
    func castBallot(
        of voter: ParticipantID, in process: ProcessID, tenant: TenantID, naming propositions: [PropositionID],
        decidedBy decide: @Sendable (ActionContext) throws -> Ballot
    ) async throws -> (ballot: Ballot, outcome: BallotCastOutcome)

    /// Removes the voter's online ballot in the process and returns it.
    /// - Throws: `notFound` if there is none; `forbidden` if it was not cast online.
    func withdrawBallot(of voter: ParticipantID, process: ProcessID, in tenant: TenantID) async throws -> Ballot

    /// The voter's counted ballot in the process, if any, whatever its scope.
    func ballot(of voter: ParticipantID, process: ProcessID, in tenant: TenantID) async throws -> Ballot?

    /// A page of the process's ballots ordered by id, at most `limit`, starting after `after`.
    func ballots(of process: ProcessID, in tenant: TenantID, after: BallotID?, limit: Int) async throws -> [Ballot]

    /// The number of ballots that count, per channel name (``VoteChannel/name``).
    func ballotCounts(of process: ProcessID, in tenant: TenantID) async throws -> [String: Int]

    /// Refused second ballots, oldest first.
    func ballotConflicts(of process: ProcessID, in tenant: TenantID) async throws -> [BallotConflict]

    /// Casts each ballot as ``castBallot(_:)`` would, in order, and returns one outcome per
    /// ballot (or the error that refused that ballot alone). A default implementation calls
    /// ``castBallot(_:)`` in a loop; backends override it to write a batch in one transaction
    /// (paper ballots are keyed in by the thousand), with the same outcomes.
    func castBallots(_ ballots: [Ballot]) async -> [Result<BallotCastOutcome, ParticipationError>]

    /// Every counted ballot of the process in compact form, one profile per scope that has
    /// ballots (budget-wide first, then districts by id), ballots in id order within each.
    /// What counting reads: a backend can fill it without building a ``Ballot`` per row.
    /// A default implementation reads ``ballots(of:in:after:limit:)`` page by page.
    /// - Throws: `storageFailure` only; an unknown process has no ballots.
    func ballotProfiles(of process: ProcessID, in tenant: TenantID) async throws -> [BallotProfile]
}

extension BallotStorage {
    /// One ``castBallot(_:)`` per ballot: the default of the requirement.
    public func castBallots(_ ballots: [Ballot]) async -> [Result<BallotCastOutcome, ParticipationError>] {
        var outcomes: [Result<BallotCastOutcome, ParticipationError>] = []
        outcomes.reserveCapacity(ballots.count)
        for ballot in ballots {
            do {
                outcomes.append(.success(try await castBallot(ballot)))
            } catch let error as ParticipationError {
                outcomes.append(.failure(error))
            } catch {
                outcomes.append(.failure(ParticipationError.storageFailure(diagnostic: String(reflecting: error))))
            }
        }
        return outcomes
    }

    /// The profiles built from ``ballots(of:in:after:limit:)``, a page at a time: the default
    /// of the requirement.
    public func ballotProfiles(of process: ProcessID, in tenant: TenantID) async throws -> [BallotProfile] {
        var profiles: [DistrictID?: BallotProfile] = [:]
        var after: BallotID?
        while true {
            let page = try await ballots(of: process, in: tenant, after: after, limit: 5_000)
            for ballot in page { profiles[ballot.scope, default: BallotProfile(scope: ballot.scope)].append(ballot.choices) }
            guard let last = page.last else { break }
            after = last.id
        }
        return profiles.values.sorted(by: BallotProfile.scopeOrder)
    }
}

extension BallotProfile {
    /// Budget-wide first, then districts by id: the order ``BallotStorage/ballotProfiles(of:in:)`` returns.
    public static func scopeOrder(_ lhs: BallotProfile, _ rhs: BallotProfile) -> Bool {
        switch (lhs.scope, rhs.scope) {
        case (nil, .some): true
        case (.some(let left), .some(let right)): left < right
        default: false
        }
    }
}
