import HTTPTypes
import Participation

/// Themes on contributions: tagging (staff who write syntheses; citizens where the process
/// allows it), the tags and the themes they form, and the shared-term grouping that helps
/// sort contributions before a synthesis.
enum TagRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .put, "/tenants/{tenantID}/processes/{processID}/citizen-tagging",
            summary: "Let citizens tag the process's public contributions, or stop them (administrators)", tag: "tags",
            access: .participant, request: CitizenTaggingBody.schema, response: ProcessBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(CitizenTaggingBody.self)
            let process = try await request.service.setCitizenTagging(
                body.allowed, of: try request.id("processID"), by: try request.caller())
            return .json(ProcessBody(process))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/tags",
            summary: "Put a theme on a public contribution (staff who write syntheses; citizens where the process allows it)",
            tag: "tags", access: .participant, request: TagRequestBody.schema, status: .created,
            response: ContributionTagBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(TagRequestBody.self)
            let tag = try await request.service.tagContribution(
                try ContributionReferenceText.parse(body.contribution), in: try request.id("processID"), tag: body.tag,
                by: try request.caller())
            return .json(ContributionTagBody(tag), status: .created)
        },
        Endpoint(
            .delete, "/tenants/{tenantID}/processes/{processID}/tags", summary: "Remove a tag one put", tag: "tags",
            access: .participant,
            query: [
                SynthesisRoutes.contributionQuery,
                .init(name: "tag", description: "the theme to remove, as it was put", schema: .text),
            ],
            response: DoneBody.schema, errors: ErrorStatuses.write
        ) { request in
            let contribution = try ContributionReferenceText.parse(try request.requiredQuery("contribution"))
            try await request.service.untagContribution(
                contribution, in: try request.id("processID"), tag: try request.requiredQuery("tag"), by: try request.caller())
            return .json(DoneBody.ok)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/tags",
            summary: "The tags of the process's contributions (by contribution, tag, then tagger)", tag: "tags",
            access: .public, query: .paging,
            response: Page<PublicContributionTagBody>.schema(of: PublicContributionTagBody.schema),
            errors: ErrorStatuses.read
        ) { request in
            let tags = try await request.service.contributionTags(of: try request.id("processID"), in: try request.tenantID())
            return .json(try request.page().page(ofPositions: tags).map(PublicContributionTagBody.init))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/tag-groups",
            summary: "Public contributions grouped by theme, themes in alphabetical order", tag: "tags", access: .public,
            query: .paging, response: Page<TagGroupBody>.schema(of: TagGroupBody.schema), errors: ErrorStatuses.read
        ) { request in
            let groups = try await request.service.contributionsByTag(
                of: try request.id("processID"), in: try request.tenantID())
            let items = groups.keys.sorted().map { TagGroupBody(tag: $0, contributions: groups[$0] ?? []) }
            return .json(try request.page().page(of: items) { $0.tag })
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/shared-terms",
            summary: "Public contributions grouped by the words they share, most shared first (staff who write syntheses)",
            tag: "tags", access: .participant,
            query: [
                .init(
                    name: "minimumContributions", description: "keep terms used by at least this many contributions (default 2)",
                    schema: .integer)
            ] + .paging,
            response: Page<SharedTermGroupBody>.schema(of: SharedTermGroupBody.schema), errors: ErrorStatuses.authenticatedRead
        ) { request in
            var minimum = 2
            if let raw = request.query("minimumContributions") {
                guard let value = Int(raw) else {
                    throw APIError.malformed("minimumContributions must be a whole number", field: "minimumContributions")
                }
                minimum = value
            }
            let groups = try await request.service.sharedTermGroups(
                of: try request.id("processID"), minimumContributions: minimum, by: try request.caller())
            return .json(try request.page().page(of: groups) { $0.term }.map(SharedTermGroupBody.init))
        },
    ]
}
