import Foundation
import Participation

/// `POST /me/follows`.
struct FollowRequestBody: Codable, Sendable {
    /// `process:<id>`, `theme:<name>`, `district:<id>` or `proposition:<id>`.
    let target: String

    static let schema = Schema.named("FollowRequest", .object([.required("target", .text)]))
}

/// A follow.
struct FollowBody: Codable, Sendable {
    let participantID: String
    let target: String
    let since: Date

    init(_ follow: Follow) {
        participantID = follow.participantID.rawValue
        target = follow.target.description
        since = follow.since
    }

    static let schema = Schema.named(
        "Follow", .object([.required("participantID", .text), .required("target", .text), .required("since", .dateTime)]))
}

/// `PUT /me/notification-frequency`.
struct NotificationFrequencyBody: Codable, Sendable {
    let frequency: NotificationFrequency

    static let schema = Schema.named(
        "NotificationFrequency", .object([.required("frequency", .enumeration(NotificationFrequency.self))]))
}

/// A news post.
struct NewsPostBody: Codable, Sendable {
    let id: String
    let processID: String
    let title: String
    let body: String
    let links: [String]
    let authorID: String
    let publishedAt: Date

    init(_ post: NewsPost) {
        id = post.id.rawValue
        processID = post.processID.rawValue
        title = post.title
        body = post.body
        links = post.links
        authorID = post.authorID.rawValue
        publishedAt = post.publishedAt
    }

    static let schema = Schema.named(
        "NewsPost",
        .object([
            .required("id", .text), .required("processID", .text), .required("title", .text), .required("body", .text),
            .required("links", .array(.text)), .required("authorID", .text), .required("publishedAt", .dateTime),
        ]))
}

/// `POST …/news`.
struct PublishNewsBody: Codable, Sendable {
    let title: String
    let body: String
    let links: [String]?

    static let schema = Schema.named(
        "PublishNews", .object([.required("title", .text), .required("body", .text), .optional("links", .array(.text))]))
}

/// A notification for the host to deliver.
struct NotificationBody: Codable, Sendable {
    let id: String
    let recipientID: String
    let eventID: String
    let kind: String
    let summary: String
    let details: [String: String]
    let createdAt: Date
    let dueAt: Date
    let frequency: NotificationFrequency
    /// Stable across retries: the host delivers each key at most once.
    let idempotencyKey: String

    init(_ notification: Participation.Notification) {
        id = notification.id.rawValue
        recipientID = notification.recipientID.rawValue
        eventID = notification.eventID.rawValue
        kind = notification.kind.rawValue
        summary = notification.summary
        details = notification.details
        createdAt = notification.createdAt
        dueAt = notification.dueAt
        frequency = notification.frequency
        idempotencyKey = notification.idempotencyKey
    }

    static let schema = Schema.named(
        "Notification",
        .object([
            .required("id", .text), .required("recipientID", .text), .required("eventID", .text), .required("kind", .text),
            .required("summary", .text), .required("details", .map(.text)), .required("createdAt", .dateTime),
            .required("dueAt", .dateTime), .required("frequency", .enumeration(NotificationFrequency.self)),
            .required("idempotencyKey", .text),
        ]))
}

/// Due notifications, or due digests: one list.
struct NotificationListBody: Codable, Sendable {
    let items: [NotificationBody]

    static let schema = Schema.named("NotificationList", .object([.required("items", .array(NotificationBody.schema))]))
}

/// One message per recipient and frequency.
struct DigestListBody: Codable, Sendable {
    struct DigestBody: Codable, Sendable {
        let recipientID: String
        let frequency: NotificationFrequency
        let notifications: [NotificationBody]
    }

    let items: [DigestBody]

    init(_ digests: [Digest]) {
        items = digests.map {
            DigestBody(
                recipientID: $0.recipientID.rawValue, frequency: $0.frequency, notifications: $0.notifications.map(NotificationBody.init))
        }
    }

    static let schema = Schema.named(
        "DigestList",
        .object([
            .required(
                "items",
                .array(
                    .object([
                        .required("recipientID", .text), .required("frequency", .enumeration(NotificationFrequency.self)),
                        .required("notifications", .array(NotificationBody.schema)),
                    ]))),
        ]))
}

/// `POST …/outbox/acknowledgements`: the notifications delivered.
struct AcknowledgeBody: Codable, Sendable {
    let ids: [String]

    static let schema = Schema.named("Acknowledge", .object([.required("ids", .array(.text))]))
}
