import Hummingbird
import HTTPTypes
import Participation

/// Processes and their phases: creation, the phase state machine, vote rules, eligibility.
enum ProcessRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .post, "/tenants/{tenantID}/processes", summary: "Create a process (administrators)", tag: "processes",
            access: .participant, request: CreateProcessBody.schema, status: .created, response: ProcessBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(CreateProcessBody.self)
            let process = try await request.service.createProcess(
                kind: body.kind, title: body.title, summary: body.summary ?? "", phases: try body.phases.map { try $0.phase() },
                eligibility: try body.eligibilityRules(), displayPolicy: body.displayPolicy ?? .realName,
                requiresCharter: body.requiresCharter ?? true, voteRules: try body.voteRules?.voteRules(),
                by: try request.caller())
            return .json(ProcessBody(process), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes", summary: "List the tenant's processes", tag: "processes",
            access: .public, query: .paging, response: Page<ProcessBody>.schema(of: ProcessBody.schema),
            errors: ErrorStatuses.read
        ) { request in
            let processes = try await request.service.processes(in: try request.tenantID())
            return .json(try request.page().page(of: processes) { $0.id.rawValue }.map(ProcessBody.init))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}", summary: "Read a process", tag: "processes",
            access: .public, response: ProcessBody.schema, errors: ErrorStatuses.read
        ) { request in
            .json(ProcessBody(try await request.service.process(try request.id("processID"), in: try request.tenantID())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/phases/{phaseID}/open", summary: "Open a phase",
            tag: "processes", access: .participant, response: ProcessBody.schema, errors: ErrorStatuses.write
        ) { request in
            .json(ProcessBody(try await request.service.openPhase(try request.id("phaseID"), of: try request.id("processID"), by: try request.caller())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/phases/{phaseID}/close", summary: "Close the open phase",
            tag: "processes", access: .participant, response: ProcessBody.schema, errors: ErrorStatuses.write
        ) { request in
            .json(ProcessBody(try await request.service.closePhase(try request.id("phaseID"), of: try request.id("processID"), by: try request.caller())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/phases/{phaseID}/reopen",
            summary: "Reopen a closed phase, with a reason", tag: "processes", access: .participant,
            request: ReasonBody.schema, response: ProcessBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(ReasonBody.self)
            let process = try await request.service.reopenPhase(
                try request.id("phaseID"), of: try request.id("processID"), reason: body.reason, by: try request.caller())
            return .json(ProcessBody(process))
        },
        Endpoint(
            .put, "/tenants/{tenantID}/processes/{processID}/vote-rules", summary: "Set the vote rules (locked once voting opened)",
            tag: "processes", access: .participant, request: VoteRulesBody.schema, response: ProcessBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(VoteRulesBody.self)
            let process = try await request.service.setVoteRules(
                try body.voteRules(), of: try request.id("processID"), by: try request.caller())
            return .json(ProcessBody(process))
        },
        Endpoint(
            .put, "/tenants/{tenantID}/processes/{processID}/eligibility/{action}",
            summary: "Set who may do an action", tag: "processes", access: .participant,
            request: EligibilityRuleBody.schema, response: ProcessBody.schema, errors: ErrorStatuses.write
        ) { request in
            let raw = request.context.parameters.get("action") ?? ""
            guard let action = ParticipationAction(rawValue: raw) else {
                throw APIError.malformed(
                    "'\(raw)' is not an action (\(ParticipationAction.allCases.map(\.rawValue).joined(separator: ", ")))",
                    field: "action")
            }
            let body = try await request.body(EligibilityRuleBody.self)
            let process = try await request.service.setEligibility(
                try body.rule(), for: action, of: try request.id("processID"), by: try request.caller())
            return .json(ProcessBody(process))
        },
    ]
}
