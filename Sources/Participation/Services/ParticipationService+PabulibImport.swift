/// What an import created.
public struct PabulibImportSummary: Hashable, Sendable {
    public let projects: Int
    public let voters: Int
    public let ballots: Int
}

extension ParticipationService {
    /// Imports a pabulib `.pb` election into an empty participatory budget whose vote has not
    /// opened: the budget becomes the envelope, each project an admissible proposition with
    /// its cost, each voter a participant registered by the importing agent, each vote a paper
    /// ballot of the batch "pabulib". The ballot format follows the file's `vote_type`.
    /// Administrators only; audited.
    ///
    /// Amounts must be whole cents. Exporting the budget with ``exportPabulib(of:scope:by:)``
    /// gives back the same projects, costs and ballots.
    /// - Throws: `malformedPabulib` with the line at fault; `invalidInput` for amounts finer than
    ///   a cent or points that are not whole; `conflict` when the budget already has projects
    ///   or its vote has opened.
    public func importPabulib(_ text: String, into processID: ProcessID, by caller: Caller) async throws
        -> PabulibImportSummary
    {
        try await authorize(caller, for: .manageProcess)
        let election = try PabulibParser.parse(text)
        var process = try await storage.process(processID, in: caller.tenantID)
        guard process.kind == .participatoryBudget else {
            throw ParticipationError.invalid("kind", "process '\(processID)' is not a participatory budget")
        }
        guard !process.isVoteLocked else {
            throw ParticipationError(.conflict, "the vote of '\(process.title)' has opened; import into a budget before its vote")
        }
        guard try await storage.propositions(of: processID, in: caller.tenantID).isEmpty else {
            throw ParticipationError(.conflict, "budget '\(process.title)' already has projects; import into an empty budget")
        }
        let envelope = try Self.cents(election.budget, field: "budget", what: "the budget")
        let format = try Self.ballotFormat(of: election)
        let costs = try election.projects.map { try Self.cents($0.cost, field: "cost", what: "the cost of project '\($0.id)'") }

        let now = clock.now()
        let nameColumn = election.projectAttributeKeys.firstIndex(of: "name")
        let categoryColumn = election.projectAttributeKeys.firstIndex { $0 == "category" || $0 == "categories" }
        var propositionIDs: [PropositionID] = []
        for (project, cost) in zip(election.projects, costs) {
            let id = PabulibProjectID.proposition(for: project.id, in: processID)
            let title = nameColumn.flatMap { project.attributes[$0] } ?? "Project \(project.id)"
            let themes = categoryColumn.flatMap { project.attributes[$0] }.map {
                Set($0.split(separator: ",").map { Validate.trimmed(String($0)) }.filter { !$0.isEmpty })
            } ?? []
            let proposition = Proposition(
                id: id, tenantID: caller.tenantID, processID: processID, authors: [caller.participantID],
                origin: .transcribed(.paperForm, agentID: caller.participantID, place: "pabulib import"), title: title,
                body: title, estimatedCost: cost, themes: themes, lifecycle: .published, status: .admissible, createdAt: now)
            try await storage.insertProposition(
                proposition,
                version: PropositionVersion(
                    propositionID: id, number: 1, title: title, body: title, estimatedCost: cost, editedBy: caller.participantID,
                    at: now, note: "imported from a pabulib file"),
                status: StatusChange(
                    propositionID: id, status: .admissible, justification: "imported from a pabulib file", by: caller.participantID,
                    at: now))
            propositionIDs.append(id)
        }

        let channel = VoteChannel.paper(station: "pabulib import", agentID: caller.participantID, batch: "pabulib")
        let voters = election.ballots.map { ballot in
            Participant(
                id: ParticipantID(rawValue: "\(processID.rawValue)/voter/\(ballot.voterID)"), tenantID: caller.tenantID,
                displayName: "Voter \(ballot.voterID)", registeredAt: now)
        }
        try await storage.insertParticipants(voters)
        var ballots: [Ballot] = []
        ballots.reserveCapacity(election.ballots.count)
        for (ballot, voter) in zip(election.ballots, voters) {
            let choices = try zip(ballot.projects.indices, ballot.projects).map { position, project in
                BallotChoice(
                    propositionIDs[project],
                    points: election.kind.hasPoints ? try Self.wholePoints(ballot.points[position], voter: ballot.voterID) : 1)
            }
            ballots.append(
                Ballot(
                    id: BallotID(rawValue: ids.next(prefix: "ballot")), tenantID: caller.tenantID, processID: processID,
                    voterID: voter.id, channel: channel, choices: choices, castAt: now))
        }
        for result in await storage.castBallots(ballots) {
            if case .failure(let error) = result { throw error }
        }

        var settings = process.budget ?? BudgetSettings(envelope: envelope, cycle: BudgetCycle(firstYear: 2000))
        settings.envelope = envelope
        settings.districtEnvelopes = [:]
        process.budget = settings
        process.voteRules = VoteRules(
            ballot: format, resultsVisibility: process.voteRules?.resultsVisibility ?? .afterPublication,
            binding: process.voteRules?.binding ?? true)
        _ = try await storage.updateProcess(
            process,
            audit: auditEntry(
                by: caller, action: "pabulib.imported", subject: "process:\(processID)",
                details: [
                    "projects": String(election.projects.count), "ballots": String(ballots.count),
                    "instance": election.metadataValue(for: "instance") ?? "",
                ]))
        return PabulibImportSummary(projects: election.projects.count, voters: ballots.count, ballots: ballots.count)
    }

    /// The ballot format that admits every ballot of the file.
    static func ballotFormat(of election: BudgetElection) throws -> BallotFormat {
        let longest = max(1, election.ballots.map(\.projects.count).max() ?? 1)
        switch election.kind {
        case .approval, .chooseOne:
            return .approval(minimum: 0, maximum: longest)
        case .ordinal:
            return .ranked(maximumRanks: longest)
        case .cumulative, .scoring:
            var most = 1
            for ballot in election.ballots {
                let total = try ballot.points.reduce(0) { $0 + (try wholePoints($1, voter: ballot.voterID)) }
                most = max(most, total)
            }
            return .cumulative(points: most, maximumPerProject: nil)
        }
    }

    /// An exact amount in integer cents.
    static func cents(_ amount: Rational, field: String, what: String) throws -> Int64 {
        let cents = amount * Rational(100)
        guard cents.isInteger, !cents.isNegative, let value = cents.floor.int64Value else {
            throw ParticipationError.invalid(field, "\(what) (\(amount.decimalString)) is not a whole number of cents")
        }
        return value
    }

    static func wholePoints(_ points: Rational, voter: String) throws -> Int {
        guard points.isInteger, !points.isNegative, let value = points.floor.int64Value, value <= Int64(Int32.max) else {
            throw ParticipationError.invalid("points", "voter '\(voter)' gives \(points.decimalString) points; points must be whole")
        }
        return Int(value)
    }
}
