#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ParticipationService {
    /// The caller follows `target`: a process, a theme, a district of the tenant, or a
    /// proposition the public can see.
    /// - Throws: `notFound` (a process, district or proposition the caller cannot see);
    ///   `invalidInput` (`theme`); `participantBlocked`; `forbidden` (an erased account).
    public func follow(_ target: FollowTarget, by caller: Caller) async throws -> Follow {
        try await authorizeAct(by: caller)
        switch target {
        case .theme(let theme):
            guard try Validate.text(theme, field: "theme", maximumLength: 60) == theme else {
                throw ParticipationError.invalid("theme", "a theme has no surrounding spaces")
            }
        case .process(let id): _ = try await storage.process(id, in: caller.tenantID)
        case .district(let id):
            guard try await storage.tenant(caller.tenantID).district(id) != nil else { throw ParticipationError.notFound("district", id) }
        case .proposition(let id): _ = try await publicProposition(id, in: caller.tenantID)
        }
        let follow = Follow(tenantID: caller.tenantID, participantID: caller.participantID, target: target, since: clock.now())
        try await storage.insertFollow(follow)
        return follow
    }

    /// The caller stops following `target`.
    /// - Throws: `notFound` when the caller does not follow it; `forbidden` (an erased account).
    public func unfollow(_ target: FollowTarget, by caller: Caller) async throws {
        try await authorizeOwnRead(by: caller)
        try await storage.deleteFollow(of: target, by: caller.participantID, in: caller.tenantID)
    }

    /// Sets how often the caller hears from the platform.
    /// - Throws: `forbidden` (an erased account).
    public func setNotificationFrequency(_ frequency: NotificationFrequency, by caller: Caller) async throws {
        try await authorizeOwnRead(by: caller)
        try await storage.setNotificationFrequency(frequency, of: caller.participantID, in: caller.tenantID)
    }

    /// Publishes a news post on a process; its followers hear of it. Administrators and officials.
    public func publishNews(
        title: String, body: String, links: [String] = [], on processID: ProcessID, by caller: Caller
    ) async throws -> NewsPost {
        try await authorize(caller, for: .publishNews)
        let title = try Validate.text(title, field: "title")
        let body = try Validate.text(body, field: "body", maximumLength: 50_000)
        let links = try links.map { try Validate.text($0, field: "links", maximumLength: 2_000) }
        let process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        let post = NewsPost(
            id: NewsPostID(rawValue: ids.next(prefix: "news")), tenantID: caller.tenantID, processID: processID,
            title: title, body: body, links: links, authorID: caller.participantID, publishedAt: clock.now())
        try await storage.insertNewsPost(post)
        try await publish(
            .newsPublished, "\(process.title): \(title)", in: caller.tenantID, targets: [.process(processID)],
            details: ["news": post.id.rawValue])
        return post
    }

    /// A process's news, newest first.
    public func news(of processID: ProcessID, in tenant: TenantID) async throws -> [NewsPost] {
        _ = try await storage.process(processID, in: tenant)
        return try await storage.newsPosts(of: processID, in: tenant)
    }

    /// Notifications due now, in order, for the host to deliver; call
    /// ``acknowledgeNotifications(_:in:)`` once they are sent. Reading again before
    /// acknowledging returns them again (at-least-once delivery).
    public func dueNotifications(in tenant: TenantID, limit: Int = 500) async throws -> [Notification] {
        try await storage.dueNotifications(in: tenant, at: clock.now(), limit: limit)
    }

    /// Due notifications grouped by recipient: one message per recipient and frequency.
    public func dueDigests(in tenant: TenantID, limit: Int = 5_000) async throws -> [Digest] {
        let due = try await storage.dueNotifications(in: tenant, at: clock.now(), limit: limit)
        var order: [String] = []
        var groups: [String: [Notification]] = [:]
        for notification in due {
            let key = "\(notification.recipientID)|\(notification.frequency.rawValue)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(notification)
        }
        return order.compactMap { key in
            groups[key].flatMap { group in
                group.first.map { Digest(recipientID: $0.recipientID, frequency: $0.frequency, notifications: group) }
            }
        }
    }

    /// Marks notifications delivered.
    public func acknowledgeNotifications(_ ids: [NotificationID], in tenant: TenantID) async throws {
        try await storage.acknowledgeNotifications(ids, at: clock.now(), in: tenant)
    }

    /// Turns an event into one notification per recipient: followers of its targets (when the
    /// event is public) and its direct recipients, each only with the notification consent
    /// given and a frequency other than `none`.
    func publish(
        _ kind: EventKind, _ summary: String, in tenant: TenantID, targets: [FollowTarget],
        directRecipients: [ParticipantID] = [], isPublic: Bool = true, details: [String: String] = [:]
    ) async throws {
        let now = clock.now()
        let event = DomainEvent(
            id: EventID(rawValue: ids.next(prefix: "event")), tenantID: tenant, at: now, kind: kind, summary: summary,
            targets: targets, directRecipients: directRecipients, isPublic: isPublic, details: details)
        var recipients = Set(directRecipients)
        if event.isPublic { recipients.formUnion(try await storage.followers(of: targets, in: tenant)) }
        var notifications: [Notification] = []
        for recipientID in recipients.sorted() {
            guard let recipient = try? await storage.participant(recipientID, in: tenant),
                recipient.consents.followNotifications
            else { continue }
            let frequency = try await storage.notificationFrequency(of: recipientID, in: tenant)
            guard frequency != .none else { continue }
            notifications.append(
                Notification(
                    id: NotificationID(rawValue: ids.next(prefix: "notification")), tenantID: tenant,
                    recipientID: recipientID, eventID: event.id, kind: kind, summary: summary, details: details,
                    createdAt: now, dueAt: DigestSchedule.dueDate(queuedAt: now, frequency: frequency),
                    frequency: frequency))
        }
        guard !notifications.isEmpty else { return }
        try await storage.enqueueNotifications(notifications)
    }
}
