import Foundation
import Participation

/// What a support changed: the caller's supports in the process and the proposition's.
struct SupportReceiptBody: Codable, Sendable {
    let participantSupports: Int
    let propositionSupports: Int

    init(_ receipt: SupportReceipt) {
        participantSupports = receipt.participantSupports
        propositionSupports = receipt.propositionSupports
    }

    static let schema = Schema.named(
        "SupportReceipt",
        .object([.required("participantSupports", .integer), .required("propositionSupports", .integer)]))
}

/// The supports that count per proposition of a process.
struct SupportTallyBody: Codable, Sendable {
    struct Line: Codable, Sendable {
        let propositionID: String
        let supports: Int
    }

    let items: [Line]

    init(_ tally: [PropositionID: Int]) {
        items = tally.keys.sorted().map { Line(propositionID: $0.rawValue, supports: tally[$0] ?? 0) }
    }

    static let schema = Schema.named(
        "SupportTally",
        .object([.required("items", .array(.object([.required("propositionID", .text), .required("supports", .integer)])))]))
}

/// An opinion on a proposition.
struct OpinionBody: Codable, Sendable {
    let participantID: String
    let propositionID: String
    let stance: OpinionStance
    let argument: String?
    let at: Date

    init(_ opinion: Opinion) {
        participantID = opinion.participantID.rawValue
        propositionID = opinion.propositionID.rawValue
        stance = opinion.stance
        argument = opinion.argument
        at = opinion.at
    }

    static let schema = Schema.named(
        "Opinion",
        .object([
            .required("participantID", .text), .required("propositionID", .text),
            .required("stance", .enumeration(OpinionStance.self)), .optional("argument", .text), .required("at", .dateTime),
        ]))
}

/// An opinion as the public sees it.
struct PublicOpinionBody: Codable, Sendable {
    /// An opaque key of the opinion: what reporting it names (`opinion:<propositionID>/<id>`).
    let id: String
    let propositionID: String
    let author: AuthorBody
    let stance: OpinionStance
    let argument: String?
    let at: Date

    init(_ opinion: PublicOpinion) {
        id = opinion.id
        propositionID = opinion.propositionID.rawValue
        author = AuthorBody(opinion.author)
        stance = opinion.stance
        argument = opinion.argument
        at = opinion.at
    }

    static let schema = Schema.named(
        "PublicOpinion",
        .object([
            .required("id", .text), .required("propositionID", .text), .required("author", AuthorBody.schema),
            .required("stance", .enumeration(OpinionStance.self)), .optional("argument", .text), .required("at", .dateTime),
        ]))
}

/// `PUT …/my-opinion`.
struct GiveOpinionBody: Codable, Sendable {
    let stance: OpinionStance
    let argument: String?

    static let schema = Schema.named(
        "GiveOpinion", .object([.required("stance", .enumeration(OpinionStance.self)), .optional("argument", .text)]))
}

/// The answer to giving an opinion: the one it replaced, if any.
struct OpinionChangeBody: Codable, Sendable {
    let replaced: OpinionBody?

    static let schema = Schema.named("OpinionChange", .object([.optional("replaced", OpinionBody.schema)]))
}

/// A comment.
struct CommentBody: Codable, Sendable {
    let id: String
    let processID: String
    let subject: String
    let parentID: String?
    let authorID: String
    let body: String
    let stance: CommentStance?
    let createdAt: Date

    init(_ comment: ContributionComment) {
        id = comment.id.rawValue
        processID = comment.processID.rawValue
        subject = comment.subject.description
        parentID = comment.parentID?.rawValue
        authorID = comment.authorID.rawValue
        body = comment.body
        stance = comment.stance
        createdAt = comment.createdAt
    }

    static let schema = Schema.named(
        "Comment",
        .object([
            .required("id", .text), .required("processID", .text), .required("subject", .text), .optional("parentID", .text),
            .required("authorID", .text), .required("body", .text), .optional("stance", .enumeration(CommentStance.self)),
            .required("createdAt", .dateTime),
        ]))
}

/// A comment as the public sees it: redacted, its author under the process's display policy.
struct PublicCommentBody: Codable, Sendable {
    let id: String
    let processID: String
    let subject: String
    let author: AuthorBody
    let body: String
    let stance: CommentStance?
    let createdAt: Date

    init(_ comment: PublicComment) {
        id = comment.id.rawValue
        processID = comment.processID.rawValue
        subject = comment.subject.description
        author = AuthorBody(comment.author)
        body = comment.body
        stance = comment.stance
        createdAt = comment.createdAt
    }

    static let schema = Schema.named(
        "PublicComment",
        .object([
            .required("id", .text), .required("processID", .text), .required("subject", .text),
            .required("author", AuthorBody.schema), .required("body", .text),
            .optional("stance", .enumeration(CommentStance.self)), .required("createdAt", .dateTime),
        ]))
}

/// A comment with its replies, at any depth. A comment the public cannot see (pending or
/// hidden by moderation) that has visible replies stays as a placeholder: no `comment`, and
/// nothing else of it.
struct CommentThreadBody: Codable, Sendable {
    let comment: PublicCommentBody?
    let replies: [CommentThreadBody]

    init(_ thread: PublicCommentThread) {
        comment = thread.comment.map(PublicCommentBody.init)
        replies = thread.replies.map(CommentThreadBody.init)
    }

    /// Replies nest without limit, so the schema documents them as free-form threads.
    static let schema = Schema.named(
        "CommentThread", .object([.optional("comment", PublicCommentBody.schema), .required("replies", .array(.any))]))
}

/// `POST …/comments`.
struct PostCommentBody: Codable, Sendable {
    let subject: String
    let body: String
    let parentID: String?
    let stance: CommentStance?

    static let schema = Schema.named(
        "PostComment",
        .object([
            .required("subject", SubjectText.schema), .required("body", .text), .optional("parentID", .text),
            .optional("stance", .enumeration(CommentStance.self)),
        ]))
}

/// `PUT …/comments/{id}/my-vote`.
struct CommentVoteBody: Codable, Sendable {
    let value: CommentVoteValue

    static let schema = Schema.named("CommentVote", .object([.required("value", .enumeration(CommentVoteValue.self))]))
}

/// The up and down votes of a comment.
struct CommentVoteCountBody: Codable, Sendable {
    let up: Int
    let down: Int

    init(_ count: CommentVoteCount) {
        up = count.up
        down = count.down
    }

    static let schema = Schema.named("CommentVoteCount", .object([.required("up", .integer), .required("down", .integer)]))
}

/// An official answer, apart from comments.
struct OfficialAnswerBody: Codable, Sendable {
    let id: String
    let processID: String
    let subject: String
    let authorID: String
    let role: Role
    let onBehalfOf: String?
    let body: String
    let at: Date

    init(_ answer: OfficialAnswer) {
        id = answer.id.rawValue
        processID = answer.processID.rawValue
        subject = answer.subject.description
        authorID = answer.authorID.rawValue
        role = answer.role
        onBehalfOf = answer.onBehalfOf
        body = answer.body
        at = answer.at
    }

    static let schema = Schema.named(
        "OfficialAnswer",
        .object([
            .required("id", .text), .required("processID", .text), .required("subject", .text), .required("authorID", .text),
            .required("role", .enumeration(Role.self)), .optional("onBehalfOf", .text), .required("body", .text),
            .required("at", .dateTime),
        ]))
}

/// An official answer as the public sees it.
struct PublicOfficialAnswerBody: Codable, Sendable {
    let id: String
    let processID: String
    let subject: String
    let author: AuthorBody
    let role: Role
    let onBehalfOf: String?
    let body: String
    let at: Date

    init(_ answer: PublicOfficialAnswer) {
        id = answer.id.rawValue
        processID = answer.processID.rawValue
        subject = answer.subject.description
        author = AuthorBody(answer.author)
        role = answer.role
        onBehalfOf = answer.onBehalfOf
        body = answer.body
        at = answer.at
    }

    static let schema = Schema.named(
        "PublicOfficialAnswer",
        .object([
            .required("id", .text), .required("processID", .text), .required("subject", .text),
            .required("author", AuthorBody.schema), .required("role", .enumeration(Role.self)), .optional("onBehalfOf", .text),
            .required("body", .text), .required("at", .dateTime),
        ]))
}

/// `POST …/official-answers`.
struct PostOfficialAnswerBody: Codable, Sendable {
    let subject: String
    let body: String
    let onBehalfOf: String?

    static let schema = Schema.named(
        "PostOfficialAnswer",
        .object([.required("subject", SubjectText.schema), .required("body", .text), .optional("onBehalfOf", .text)]))
}
