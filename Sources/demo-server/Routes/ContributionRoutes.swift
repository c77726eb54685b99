import HTTPTypes
import Participation

/// Contributions around propositions: supports and their tally, opinions, comment threads
/// and comment votes, official answers.
enum ContributionRoutes {
    static let subjectQuery = Endpoint.QueryParameter(name: "subject", description: SubjectText.description, schema: .text)

    static let endpoints: [Endpoint] = [
        Endpoint(
            .post, "/tenants/{tenantID}/propositions/{propositionID}/support",
            summary: "Support a published proposition (quota rules checked with the write)", tag: "contributions",
            access: .participant, status: .created, response: SupportReceiptBody.schema, errors: ErrorStatuses.write
        ) { request in
            let receipt = try await request.service.support(try request.id("propositionID"), by: try request.caller())
            return .json(SupportReceiptBody(receipt), status: .created)
        },
        Endpoint(
            .delete, "/tenants/{tenantID}/propositions/{propositionID}/support", summary: "Withdraw one's support",
            tag: "contributions", access: .participant, response: DoneBody.schema, errors: ErrorStatuses.write
        ) { request in
            try await request.service.withdrawSupport(try request.id("propositionID"), by: try request.caller())
            return .json(DoneBody.ok)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/support-tally",
            summary: "The supports that count per proposition", tag: "contributions", access: .public,
            response: SupportTallyBody.schema, errors: ErrorStatuses.read
        ) { request in
            .json(SupportTallyBody(try await request.service.supportTally(of: try request.id("processID"), in: try request.tenantID())))
        },
        Endpoint(
            .put, "/tenants/{tenantID}/propositions/{propositionID}/my-opinion",
            summary: "Give or change one's opinion (for, against, mixed) with an optional argument", tag: "contributions",
            access: .participant, request: GiveOpinionBody.schema, response: OpinionChangeBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(GiveOpinionBody.self)
            let replaced = try await request.service.giveOpinion(
                on: try request.id("propositionID"), stance: body.stance, argument: body.argument, by: try request.caller())
            return .json(OpinionChangeBody(replaced: replaced.map(OpinionBody.init)))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/propositions/{propositionID}/opinions",
            summary: "The opinions on a proposition, one per participant", tag: "contributions", access: .public,
            query: .paging, response: Page<PublicOpinionBody>.schema(of: PublicOpinionBody.schema), errors: ErrorStatuses.read
        ) { request in
            let opinions = try await request.service.opinions(on: try request.id("propositionID"), in: try request.tenantID())
            return .json(try request.page().page(of: opinions) { $0.id }.map(PublicOpinionBody.init))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/comments",
            summary: "Comment on the process, a proposition or a petition, or reply to a comment", tag: "contributions",
            access: .participant, request: PostCommentBody.schema, status: .created, response: CommentBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(PostCommentBody.self)
            let comment = try await request.service.postComment(
                on: try SubjectText.parse(body.subject), of: try request.id("processID"), body: body.body,
                replyingTo: try body.parentID.map { try CommentID.validated($0, field: "parentID") }, stance: body.stance,
                by: try request.caller())
            return .json(CommentBody(comment), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/comments",
            summary: "The comment threads on a subject (replies under their parent)", tag: "contributions", access: .public,
            query: [subjectQuery] + .paging, response: Page<CommentThreadBody>.schema(of: CommentThreadBody.schema),
            errors: ErrorStatuses.read
        ) { request in
            let threads = try await request.service.commentThreads(
                on: try request.subject(), of: try request.id("processID"), in: try request.tenantID())
            return .json(try request.page().page(ofPositions: threads).map(CommentThreadBody.init))
        },
        Endpoint(
            .put, "/tenants/{tenantID}/comments/{commentID}/my-vote",
            summary: "Vote a comment up or down (voting again replaces one's vote)", tag: "contributions",
            access: .participant, request: CommentVoteBody.schema, response: CommentVoteCountBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(CommentVoteBody.self)
            let count = try await request.service.voteOnComment(try request.id("commentID"), body.value, by: try request.caller())
            return .json(CommentVoteCountBody(count))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/comments/{commentID}/votes", summary: "A comment's up and down votes",
            tag: "contributions", access: .public, response: CommentVoteCountBody.schema, errors: ErrorStatuses.read
        ) { request in
            .json(CommentVoteCountBody(try await request.service.commentVoteCount(of: try request.id("commentID"), in: try request.tenantID())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/official-answers",
            summary: "Post an official answer on a subject (officials)", tag: "contributions", access: .participant,
            request: PostOfficialAnswerBody.schema, status: .created, response: OfficialAnswerBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(PostOfficialAnswerBody.self)
            let answer = try await request.service.postOfficialAnswer(
                on: try SubjectText.parse(body.subject), of: try request.id("processID"), body: body.body,
                onBehalfOf: body.onBehalfOf, by: try request.caller())
            return .json(OfficialAnswerBody(answer), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/official-answers",
            summary: "The official answers on a subject, oldest first", tag: "contributions", access: .public,
            query: [subjectQuery] + .paging,
            response: Page<PublicOfficialAnswerBody>.schema(of: PublicOfficialAnswerBody.schema), errors: ErrorStatuses.read
        ) { request in
            let answers = try await request.service.officialAnswers(
                on: try request.subject(), of: try request.id("processID"), in: try request.tenantID())
            return .json(try request.page().page(of: answers) { $0.id.rawValue }.map(PublicOfficialAnswerBody.init))
        },
    ]
}

extension APIRequest {
    /// The `subject` query parameter; `process` when absent.
    func subject() throws -> ContributionSubject {
        try query("subject").map { try SubjectText.parse($0) } ?? .process
    }
}
