import HTTPTypes
import Participation

/// Participatory budgets: the envelope, the ballot list, ballots on every channel, counts.
enum BudgetRoutes {
    static let scopeQuery = Endpoint.QueryParameter(
        name: "scope", description: "the district of the ballot, for budgets voted per district", schema: .text)

    static let endpoints: [Endpoint] = [
        Endpoint(
            .put, "/tenants/{tenantID}/processes/{processID}/budget",
            summary: "Set the budget's envelope and split (locked once voting opened)", tag: "budgets", access: .participant,
            request: BudgetSettingsBody.schema, response: ProcessBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(BudgetSettingsBody.self)
            let process = try await request.service.setBudgetSettings(
                try body.settings(), of: try request.id("processID"), by: try request.caller())
            return .json(ProcessBody(process))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/ballot-list", summary: "The projects on a ballot, with costs",
            tag: "budgets", access: .public, query: [scopeQuery], response: BallotListBody.schema,
            errors: ErrorStatuses.read + [.unprocessableContent]
        ) { request in
            let list = try await request.service.ballotList(
                of: try request.id("processID"), scope: try request.scope(), in: try request.tenantID())
            return .json(BallotListBody(list))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/ballots",
            summary: "Cast one's own ballot (online, or on a kiosk); replaces an earlier online ballot", tag: "budgets",
            access: .participant, request: CastBallotBody.schema, status: .created, response: BallotBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(CastBallotBody.self)
            let ballot = try await request.service.castBallot(
                try body.choices.map { try $0.choice() },
                scope: try body.scope.map { try DistrictID.validated($0, field: "scope") }, in: try request.id("processID"),
                channel: body.kioskID.map { .kiosk(kioskID: $0) } ?? .online, by: try request.caller())
            return .json(BallotBody(ballot), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/my-ballot", summary: "Read one's own ballot",
            tag: "budgets", access: .participant, response: BallotBody.schema, errors: ErrorStatuses.authenticatedRead
        ) { request in
            let ballot = try await request.service.ownBallot(in: try request.id("processID"), by: try request.caller())
            return .json(BallotBody(ballot))
        },
        Endpoint(
            .delete, "/tenants/{tenantID}/processes/{processID}/my-ballot",
            summary: "Withdraw one's own online ballot while the vote is open", tag: "budgets", access: .participant,
            response: BallotBody.schema, errors: ErrorStatuses.write
        ) { request in
            let ballot = try await request.service.withdrawBallot(in: try request.id("processID"), by: try request.caller())
            return .json(BallotBody(ballot))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/assisted-ballots",
            summary: "Record a ballot cast with an agent's help (officials, administrators)", tag: "budgets",
            access: .participant, request: VoterBallotBody.schema, status: .created, response: BallotBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(VoterBallotBody.self)
            let caller = try request.caller()
            let ballot = try await request.service.recordBallot(
                try body.choices.map { try $0.choice() },
                scope: try body.scope.map { try DistrictID.validated($0, field: "scope") },
                for: try ParticipantID.validated(body.voterID, field: "voterID"), in: try request.id("processID"),
                channel: .assisted(agentID: caller.participantID), by: caller)
            return .json(BallotBody(ballot), status: .created)
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/paper-batches",
            summary: "Key in a batch of paper ballots from a polling station (officials, administrators)", tag: "budgets",
            access: .participant, request: PaperBatchBody.schema, response: PaperBatchOutcomeBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(PaperBatchBody.self)
            let ballots = try body.ballots.map { ballot in
                PaperBallot(
                    voterID: try ParticipantID.validated(ballot.voterID, field: "ballots.voterID"),
                    scope: try ballot.scope.map { try DistrictID.validated($0, field: "ballots.scope") },
                    choices: try ballot.choices.map { try $0.choice() })
            }
            let outcomes = try await request.service.recordPaperBatch(
                ballots, station: body.station, batch: body.batch, in: try request.id("processID"), by: try request.caller())
            return .json(PaperBatchOutcomeBody(outcomes))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/results",
            summary: "Public counts (live budgets, or once results are published)", tag: "budgets", access: .public,
            query: [scopeQuery], response: TallyBody.schema, errors: ErrorStatuses.read + [.forbidden, .unprocessableContent]
        ) { request in
            let tally = try await request.service.publicTally(
                of: try request.id("processID"), scope: try request.scope(), in: try request.tenantID())
            return .json(TallyBody(tally))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/tally",
            summary: "Counts for staff, whatever the visibility (administrators, officials, moderators)", tag: "budgets",
            access: .participant, query: [scopeQuery], response: TallyBody.schema, errors: ErrorStatuses.authenticatedRead
        ) { request in
            let tally = try await request.service.staffTally(
                of: try request.id("processID"), scope: try request.scope(), by: try request.caller())
            return .json(TallyBody(tally))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/ballot-conflicts",
            summary: "Second ballots refused across channels, for staff to review", tag: "budgets", access: .participant,
            query: .paging, response: Page<BallotConflictBody>.schema(of: BallotConflictBody.schema),
            errors: ErrorStatuses.authenticatedRead
        ) { request in
            let conflicts = try await request.service.ballotConflicts(of: try request.id("processID"), by: try request.caller())
            return .json(try request.page().page(of: conflicts) { $0.refusedBallotID.rawValue }.map(BallotConflictBody.init))
        },
    ]
}

extension APIRequest {
    /// The `scope` query parameter, a district id, if given.
    func scope() throws -> DistrictID? {
        try query("scope").map { try DistrictID.validated($0, field: "scope") }
    }
}
