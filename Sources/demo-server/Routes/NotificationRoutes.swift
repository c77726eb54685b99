import HTTPTypes
import Participation

/// Following, notification frequency, news posts, and the host's outbox of notifications to
/// deliver (host token).
enum NotificationRoutes {
    static let limitQuery = Endpoint.QueryParameter(
        name: "limit", description: "the most notifications to return (default: the library's)", schema: .integer)

    static let endpoints: [Endpoint] = [
        Endpoint(
            .post, "/tenants/{tenantID}/me/follows",
            summary: "Follow a process, theme, district or proposition", tag: "notifications", access: .participant,
            request: FollowRequestBody.schema, status: .created, response: FollowBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(FollowRequestBody.self)
            return .json(FollowBody(try await request.service.follow(try FollowTargetText.parse(body.target), by: try request.caller())), status: .created)
        },
        Endpoint(
            .delete, "/tenants/{tenantID}/me/follows", summary: "Stop following a target", tag: "notifications",
            access: .participant,
            query: [.init(name: "target", description: "what to stop following, as in the follow", schema: .text)],
            response: DoneBody.schema, errors: ErrorStatuses.write
        ) { request in
            guard let raw = request.query("target") else { throw APIError.malformed("give ?target=", field: "target") }
            try await request.service.unfollow(try FollowTargetText.parse(raw), by: try request.caller())
            return .json(DoneBody.ok)
        },
        Endpoint(
            .put, "/tenants/{tenantID}/me/notification-frequency",
            summary: "How often one hears from the platform (immediate, daily, weekly, none)", tag: "notifications",
            access: .participant, request: NotificationFrequencyBody.schema, response: NotificationFrequencyBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(NotificationFrequencyBody.self)
            try await request.service.setNotificationFrequency(body.frequency, by: try request.caller())
            return .json(body)
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/news",
            summary: "Publish a news post; the process's followers hear of it (administrators, officials)",
            tag: "notifications", access: .participant, request: PublishNewsBody.schema, status: .created,
            response: NewsPostBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(PublishNewsBody.self)
            let post = try await request.service.publishNews(
                title: body.title, body: body.body, links: body.links ?? [], on: try request.id("processID"),
                by: try request.caller())
            return .json(NewsPostBody(post), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/news", summary: "A process's news, newest first",
            tag: "notifications", access: .public, query: .paging, response: Page<NewsPostBody>.schema(of: NewsPostBody.schema),
            errors: ErrorStatuses.read
        ) { request in
            let posts = try await request.service.news(of: try request.id("processID"), in: try request.tenantID())
            return .json(try request.page().page(of: posts) { $0.id.rawValue }.map(NewsPostBody.init))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/outbox/notifications",
            summary: "Notifications due now, for the host to deliver (host); again until acknowledged",
            tag: "notifications", access: .host, query: [limitQuery], response: NotificationListBody.schema,
            errors: ErrorStatuses.hostRead
        ) { request in
            let due = try await request.service.dueNotifications(in: try request.tenantID(), limit: try request.limit(default: 500))
            return .json(NotificationListBody(items: due.map(NotificationBody.init)))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/outbox/digests",
            summary: "Due notifications grouped per recipient and frequency (host)", tag: "notifications", access: .host,
            query: [limitQuery], response: DigestListBody.schema, errors: ErrorStatuses.hostRead
        ) { request in
            .json(DigestListBody(try await request.service.dueDigests(in: try request.tenantID(), limit: try request.limit(default: 5_000))))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/outbox/acknowledgements", summary: "Mark notifications delivered (host)",
            tag: "notifications", access: .host, request: AcknowledgeBody.schema, response: DoneBody.schema,
            errors: ErrorStatuses.hostRead + [.contentTooLarge, .unprocessableContent]
        ) { request in
            let body = try await request.body(AcknowledgeBody.self)
            try await request.service.acknowledgeNotifications(
                try body.ids.map { try NotificationID.validated($0, field: "ids") }, in: try request.tenantID())
            return .json(DoneBody.ok)
        },
    ]
}

extension APIRequest {
    /// The `limit` query parameter of a non-paged list, a positive whole number.
    func limit(default value: Int) throws -> Int {
        guard let raw = query("limit") else { return value }
        guard let limit = Int(raw), limit >= 1 else { throw APIError.malformed("limit must be a positive whole number", field: "limit") }
        return limit
    }
}
