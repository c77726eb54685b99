import HTTPTypes
import Participation

/// Syntheses of a consultation: written by staff as drafts, validated by an élu, published;
/// the public reads published ones and what became of a contribution (its citations).
enum SynthesisRoutes {
    static let contributionQuery = Endpoint.QueryParameter(
        name: "contribution", description: ContributionReferenceText.description, schema: .text)

    static let endpoints: [Endpoint] = [
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/syntheses",
            summary: "Start a synthesis, as a draft (reviewers, administrators)", tag: "syntheses", access: .participant,
            request: CreateSynthesisBody.schema, status: .created, response: SynthesisBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(CreateSynthesisBody.self)
            let synthesis = try await request.service.createSynthesis(
                of: try request.id("processID"), title: body.title, introduction: body.introduction ?? "", by: try request.caller())
            return .json(SynthesisBody(synthesis), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/syntheses", summary: "The published syntheses of a process",
            tag: "syntheses", access: .public, query: .paging, response: Page<SynthesisBody>.schema(of: SynthesisBody.schema),
            errors: ErrorStatuses.read
        ) { request in
            let syntheses = try await request.service.publishedSyntheses(of: try request.id("processID"), in: try request.tenantID())
            return .json(try request.page().page(of: syntheses) { $0.id.rawValue }.map(SynthesisBody.init))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/all-syntheses",
            summary: "Every synthesis of a process, drafts included (staff who write, validate or publish them)",
            tag: "syntheses", access: .participant, query: .paging,
            response: Page<SynthesisBody>.schema(of: SynthesisBody.schema), errors: ErrorStatuses.authenticatedRead
        ) { request in
            let syntheses = try await request.service.syntheses(of: try request.id("processID"), by: try request.caller())
            return .json(try request.page().page(of: syntheses) { $0.id.rawValue }.map(SynthesisBody.init))
        },
        Endpoint(
            .put, "/tenants/{tenantID}/syntheses/{synthesisID}",
            summary: "Replace the text and points of an unpublished synthesis; a validated one returns to draft (reviewers, administrators)",
            tag: "syntheses", access: .participant, request: EditSynthesisBody.schema, response: SynthesisBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(EditSynthesisBody.self)
            let synthesis = try await request.service.editSynthesis(
                try request.id("synthesisID"), title: body.title, introduction: body.introduction ?? "",
                points: try body.libraryPoints(), by: try request.caller())
            return .json(SynthesisBody(synthesis))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/syntheses/{synthesisID}/validation",
            summary: "An élu validates a draft synthesis (officials)", tag: "syntheses", access: .participant,
            response: SynthesisBody.schema, errors: ErrorStatuses.write
        ) { request in
            .json(SynthesisBody(try await request.service.validateSynthesis(try request.id("synthesisID"), by: try request.caller())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/syntheses/{synthesisID}/publication",
            summary: "Publish a validated synthesis: public and frozen (administrators)", tag: "syntheses",
            access: .participant, response: SynthesisBody.schema, errors: ErrorStatuses.write
        ) { request in
            .json(SynthesisBody(try await request.service.publishSynthesis(try request.id("synthesisID"), by: try request.caller())))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/citations",
            summary: "What became of a contribution: the published synthesis points that cite it", tag: "syntheses",
            access: .public, query: [contributionQuery] + .paging,
            response: Page<SynthesisCitationBody>.schema(of: SynthesisCitationBody.schema), errors: ErrorStatuses.read
        ) { request in
            let contribution = try ContributionReferenceText.parse(try request.requiredQuery("contribution"))
            let citations = try await request.service.citations(
                of: contribution, in: try request.id("processID"), tenant: try request.tenantID())
            return .json(try request.page().page(ofPositions: citations).map(SynthesisCitationBody.init))
        },
    ]
}
