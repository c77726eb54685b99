import HTTPTypes
import Participation

/// Counting and publishing a budget's results, the published result, and the public draw.
enum ResultRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/results/publication",
            summary: "Count the closed vote with the budget's rule and publish the result (administrators)",
            tag: "results", access: .participant, status: .created, response: BudgetResultBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let result = try await request.service.publishResults(of: try request.id("processID"), by: try request.caller())
            return .json(BudgetResultBody(result), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/published-result",
            summary: "The published result (403 results_not_public before publication)", tag: "results", access: .public,
            response: BudgetResultBody.schema, errors: ErrorStatuses.read + [.forbidden]
        ) { request in
            .json(BudgetResultBody(try await request.service.publishedResult(of: try request.id("processID"), in: try request.tenantID())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/results/corrections",
            summary: "Publish a corrected result as the next version, with a public reason; the earlier version stays readable (administrators; audited)",
            tag: "results", access: .participant, request: CorrectResultsBody.schema, status: .created,
            response: BudgetResultBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(CorrectResultsBody.self)
            let result = try await request.service.correctResults(
                of: try request.id("processID"), rule: body.rule, reason: body.reason, by: try request.caller())
            return .json(BudgetResultBody(result), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/results/versions",
            summary: "Every published version of the result, the first publication first (403 results_not_public before)",
            tag: "results", access: .public, query: .paging,
            response: Page<BudgetResultBody>.schema(of: BudgetResultBody.schema), errors: ErrorStatuses.read + [.forbidden]
        ) { request in
            let versions = try await request.service.resultVersions(of: try request.id("processID"), in: try request.tenantID())
            return .json(try request.page().page(of: versions) { String($0.version) }.map(BudgetResultBody.init))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/count",
            summary: "Count the closed vote in every scope without publishing: to check, or to see what another rule selects (administrators)",
            tag: "results", access: .participant,
            query: [
                .init(
                    name: "rule", description: "the counting rule; the budget's own when absent",
                    schema: .enumeration(CountingRule.self))
            ],
            response: CountBody.schema, errors: ErrorStatuses.authenticatedRead + [.conflict, .unprocessableContent]
        ) { request in
            let rule = try request.query("rule").map { name in
                guard let rule = CountingRule(rawValue: name) else {
                    throw APIError.malformed(
                        "'\(name)' is not a counting rule (\(CountingRule.allCases.map(\.rawValue).joined(separator: ", ")))",
                        field: "rule")
                }
                return rule
            }
            let scopes = try await request.service.countResults(of: try request.id("processID"), with: rule, by: try request.caller())
            return .json(CountBody(rule: rule, scopes: scopes))
        },
        Endpoint(
            .post, "/public-draw",
            summary: "A seeded, reproducible draw from a published list (the algorithm is in the library's PublicDraw)",
            tag: "results", access: .public, request: PublicDrawBody.schema, response: PublicDrawResultBody.schema,
            errors: [.badRequest, .contentTooLarge, .unprocessableContent]
        ) { request in
            let body = try await request.body(PublicDrawBody.self)
            return .json(PublicDrawResultBody(seed: body.seed, winners: try PublicDraw.draw(seed: body.seed, from: body.list, count: body.count)))
        },
    ]
}
