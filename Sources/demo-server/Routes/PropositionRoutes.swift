import HTTPTypes
import Participation

/// Propositions: drafting, publishing, editing, withdrawing, offline transcription, review,
/// cost adjustment, their versions and public status history; and the process's
/// contribution rules.
enum PropositionRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/contribution-rules",
            summary: "The process's contribution rules (defaults when none were set)", tag: "propositions", access: .public,
            response: ContributionRulesBody.schema, errors: ErrorStatuses.read
        ) { request in
            let rules = try await request.service.contributionRules(of: try request.id("processID"), in: try request.tenantID())
            return .json(ContributionRulesBody(rules))
        },
        Endpoint(
            .put, "/tenants/{tenantID}/processes/{processID}/contribution-rules",
            summary: "Set the reviewing body, tenant reasons and statuses, support rules, petition threshold (administrators)",
            tag: "propositions", access: .participant, request: ContributionRulesBody.schema,
            response: ContributionRulesBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(ContributionRulesBody.self)
            let caller = try request.caller()
            let processID: ProcessID = try request.id("processID")
            try await request.service.setContributionRules(body.rules(of: processID, in: caller.tenantID), by: caller)
            return .json(ContributionRulesBody(try await request.service.contributionRules(of: processID, in: caller.tenantID)))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/propositions",
            summary: "Write a draft proposition (alone, with co-authors, or for a collective one represents)",
            tag: "propositions", access: .participant, request: DraftPropositionBody.schema, status: .created,
            response: PropositionBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(DraftPropositionBody.self)
            let proposition = try await request.service.draftProposition(
                in: try request.id("processID"), try body.fields.draft(),
                authorship: try AuthorshipFields.authorship(coAuthors: body.coAuthors, collectiveID: body.collectiveID),
                by: try request.caller())
            return .json(PropositionBody(proposition), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/propositions",
            summary: "The process's public propositions (published or withdrawn, not pending or hidden by moderation)",
            tag: "propositions", access: .public, query: .paging,
            response: Page<PublicPropositionBody>.schema(of: PublicPropositionBody.schema), errors: ErrorStatuses.read
        ) { request in
            let propositions = try await request.service.publicPropositions(
                of: try request.id("processID"), in: try request.tenantID())
            return .json(try request.page().page(of: propositions) { $0.id.rawValue }.map(PublicPropositionBody.init))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/my-propositions",
            summary: "One's own propositions in the process, drafts included", tag: "propositions", access: .participant,
            query: .paging, response: Page<PropositionBody>.schema(of: PropositionBody.schema),
            errors: ErrorStatuses.authenticatedRead
        ) { request in
            let own = try await request.service.ownPropositions(of: try request.id("processID"), by: try request.caller())
            return .json(try request.page().page(of: own) { $0.id.rawValue }.map(PropositionBody.init))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/transcriptions",
            summary: "Key in a proposition collected offline, published at once (staff who act for others)",
            tag: "propositions", access: .participant, request: TranscribePropositionBody.schema, status: .created,
            response: PropositionBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(TranscribePropositionBody.self)
            let proposition = try await request.service.transcribeProposition(
                in: try request.id("processID"), try body.fields.draft(),
                authors: try body.authors.map { try ParticipantID.validated($0, field: "authors") }, source: body.source,
                place: body.place, by: try request.caller())
            return .json(PropositionBody(proposition), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/propositions/{propositionID}", summary: "Read a proposition as the public sees it",
            tag: "propositions", access: .public, response: PublicPropositionBody.schema, errors: ErrorStatuses.read
        ) { request in
            .json(
                PublicPropositionBody(try await request.service.proposition(try request.id("propositionID"), in: try request.tenantID())))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/propositions/{propositionID}/whole",
            summary: "Read a proposition whole, unredacted (its authors; staff who review, moderate or act for others)",
            tag: "propositions", access: .participant, response: PropositionBody.schema, errors: ErrorStatuses.authenticatedRead
        ) { request in
            .json(PropositionBody(try await request.service.proposition(try request.id("propositionID"), by: try request.caller())))
        },
        Endpoint(
            .put, "/tenants/{tenantID}/propositions/{propositionID}",
            summary: "Edit the text, keeping a new version (authors while submitting; reviewers with a note at any time)",
            tag: "propositions", access: .participant, request: EditPropositionBody.schema, response: PropositionBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(EditPropositionBody.self)
            let proposition = try await request.service.editProposition(
                try request.id("propositionID"), try body.fields.draft(), note: body.note, by: try request.caller())
            return .json(PropositionBody(proposition))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/propositions/{propositionID}/publication",
            summary: "Publish one's draft: it becomes public and awaits review", tag: "propositions", access: .participant,
            response: PropositionBody.schema, errors: ErrorStatuses.write
        ) { request in
            .json(PropositionBody(try await request.service.publishProposition(try request.id("propositionID"), by: try request.caller())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/propositions/{propositionID}/withdrawal",
            summary: "Withdraw one's proposition, with a public reason", tag: "propositions", access: .participant,
            request: ReasonBody.schema, response: PropositionBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(ReasonBody.self)
            let proposition = try await request.service.withdrawProposition(
                try request.id("propositionID"), reason: body.reason, by: try request.caller())
            return .json(PropositionBody(proposition))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/propositions/{propositionID}/review",
            summary: "Record the reviewing body's decision: status, reason, public justification (reviewers)",
            tag: "propositions", access: .participant, request: ReviewPropositionBody.schema, response: PropositionBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(ReviewPropositionBody.self)
            let proposition = try await request.service.reviewProposition(
                try request.id("propositionID"), status: PropositionStatus(rawValue: body.status),
                reason: body.reason.map(ReviewReason.init(rawValue:)), justification: body.justification,
                by: try request.caller())
            return .json(PropositionBody(proposition))
        },
        Endpoint(
            .put, "/tenants/{tenantID}/propositions/{propositionID}/estimated-cost",
            summary: "Adjust the estimated cost (cents) with a reason, as a new version (reviewers)", tag: "propositions",
            access: .participant, request: AdjustCostBody.schema, response: PropositionBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(AdjustCostBody.self)
            let proposition = try await request.service.adjustEstimatedCost(
                try request.id("propositionID"), to: body.estimatedCost, reason: body.reason, by: try request.caller())
            return .json(PropositionBody(proposition))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/propositions/{propositionID}/versions",
            summary: "Every version of the text, the original first", tag: "propositions", access: .public, query: .paging,
            response: Page<PropositionVersionBody>.schema(of: PropositionVersionBody.schema), errors: ErrorStatuses.read
        ) { request in
            let versions = try await request.service.versions(of: try request.id("propositionID"), in: try request.tenantID())
            return .json(try request.page().page(of: versions) { String($0.number) }.map(PropositionVersionBody.init))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/propositions/{propositionID}/status-history",
            summary: "The public status history, oldest first, with justifications", tag: "propositions", access: .public,
            query: .paging, response: Page<StatusChangeBody>.schema(of: StatusChangeBody.schema), errors: ErrorStatuses.read
        ) { request in
            let history = try await request.service.statusHistory(of: try request.id("propositionID"), in: try request.tenantID())
            return .json(try request.page().page(ofPositions: history).map(StatusChangeBody.init))
        },
    ]
}
