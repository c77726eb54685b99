#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation
import PostgresNIO

// MARK: - NotificationStorage

extension PostgresStore {
    public func insertFollow(_ follow: Follow) async throws {
        let value = try StoredDocument.encode(follow)
        try await write { db in
            guard try await db.participantExists(follow.participantID, in: follow.tenantID) else {
                throw ParticipationError.notFound("participant", follow.participantID)
            }
            try await db.execute("""
                INSERT INTO follow (tenant_id, participant_id, target, value)
                VALUES (\(follow.tenantID.rawValue), \(follow.participantID.rawValue), \(follow.target.description), \(value)::jsonb)
                ON CONFLICT DO NOTHING
                """)
        }
    }

    public func deleteFollow(of target: FollowTarget, by participant: ParticipantID, in tenant: TenantID) async throws {
        try await write { db in
            let deleted = try await db.rowCount("""
                DELETE FROM follow
                WHERE tenant_id = \(tenant.rawValue) AND participant_id = \(participant.rawValue) AND target = \(target.description)
                RETURNING 1
                """)
            guard deleted == 1 else { throw ParticipationError.notFound("follow of \(target) by participant", participant) }
        }
    }

    public func follows(of participant: ParticipantID, in tenant: TenantID) async throws -> [Follow] {
        try await read { db in
            try await db.fetchValues(Follow.self, """
                SELECT value::text FROM follow WHERE tenant_id = \(tenant.rawValue) AND participant_id = \(participant.rawValue)
                ORDER BY target
                """)
        }
    }

    public func followers(of targets: [FollowTarget], in tenant: TenantID) async throws -> [ParticipantID] {
        guard !targets.isEmpty else { return [] }
        return try await read { db in
            // The targets are one bound array.
            try await db.fetchAll("""
                SELECT DISTINCT participant_id FROM follow
                WHERE tenant_id = \(tenant.rawValue) AND target = ANY(\(targets.map(\.description))::text[])
                ORDER BY participant_id
                """) { ParticipantID(rawValue: try $0.decode(String.self)) }
        }
    }

    public func setNotificationFrequency(_ frequency: NotificationFrequency, of participant: ParticipantID, in tenant: TenantID)
        async throws
    {
        try await write { db in
            guard try await db.participantExists(participant, in: tenant) else {
                throw ParticipationError.notFound("participant", participant)
            }
            try await db.execute("""
                INSERT INTO notification_preference (tenant_id, participant_id, frequency)
                VALUES (\(tenant.rawValue), \(participant.rawValue), \(frequency.rawValue))
                ON CONFLICT (tenant_id, participant_id) DO UPDATE SET frequency = excluded.frequency
                """)
        }
    }

    public func notificationFrequency(of participant: ParticipantID, in tenant: TenantID) async throws -> NotificationFrequency {
        try await read { db in
            let raw = try await db.fetchOne("""
                SELECT frequency FROM notification_preference
                WHERE tenant_id = \(tenant.rawValue) AND participant_id = \(participant.rawValue)
                """) { try $0.decode(String.self) }
            return raw.flatMap(NotificationFrequency.init(rawValue:)) ?? .immediate
        }
    }

    public func enqueueNotifications(_ notifications: [Notification]) async throws {
        let rows = try notifications.map { ($0, try StoredDocument.encode($0)) }
        try await write { db in
            for (notification, value) in rows {
                try await db.execute("""
                    INSERT INTO notification (tenant_id, id, event_id, recipient_id, due_at, delivered_at, value)
                    VALUES (\(notification.tenantID.rawValue), \(notification.id.rawValue), \(notification.eventID.rawValue),
                        \(notification.recipientID.rawValue), \(notification.dueAt.storedSeconds), NULL, \(value)::jsonb)
                    """
                ) { violation in
                    guard violation.kind == .unique else { return nil }
                    return ParticipationError(
                        .duplicate,
                        "event '\(notification.eventID)' is already queued for participant '\(notification.recipientID)', or notification id '\(notification.id)' is taken")
                }
            }
        }
    }

    public func dueNotifications(in tenant: TenantID, at date: Date, limit: Int) async throws -> [Notification] {
        let limit = max(0, limit)
        return try await read { db in
            try await db.fetchValues(Notification.self, """
                SELECT value::text FROM notification
                WHERE tenant_id = \(tenant.rawValue) AND delivered_at IS NULL AND due_at <= \(date.storedSeconds)
                ORDER BY sequence LIMIT \(limit)
                """)
        }
    }

    public func acknowledgeNotifications(_ ids: [NotificationID], at date: Date, in tenant: TenantID) async throws {
        try await write { db in
            for id in ids {
                guard let value = try await db.fetchValue(Notification.self, """
                    SELECT value::text FROM notification WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)
                    """)
                else { throw ParticipationError.notFound("notification", id) }
                guard value.deliveredAt == nil else { continue }
                let delivered = value.delivered(at: date)
                try await db.execute("""
                    UPDATE notification SET delivered_at = \(date.storedSeconds), value = \(try StoredDocument.encode(delivered))::jsonb
                    WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)
                    """)
            }
        }
    }

    public func insertNewsPost(_ post: NewsPost) async throws {
        let value = try StoredDocument.encode(post)
        try await write { db in
            guard try await db.processExists(post.processID, in: post.tenantID) else {
                throw ParticipationError.notFound("process", post.processID)
            }
            try await db.execute("""
                INSERT INTO news_post (tenant_id, id, process_id, value)
                VALUES (\(post.tenantID.rawValue), \(post.id.rawValue), \(post.processID.rawValue), \(value)::jsonb)
                """
            ) { _ in .duplicate("news post", post.id) }
        }
    }

    public func newsPosts(of process: ProcessID, in tenant: TenantID) async throws -> [NewsPost] {
        try await read { db in
            try await db.fetchValues(NewsPost.self, """
                SELECT value::text FROM news_post WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue)
                ORDER BY sequence DESC
                """)
        }
    }
}
