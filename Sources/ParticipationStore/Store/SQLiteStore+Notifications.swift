#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

// MARK: - NotificationStorage

extension SQLiteStore {
    public func insertFollow(_ follow: Follow) async throws {
        let value = try StoredValue.encode(follow)
        try await write { db in
            guard try db.participantExists(follow.participantID, in: follow.tenantID) else {
                throw ParticipationError.notFound("participant", follow.participantID)
            }
            try db.execute(sql: """
                INSERT INTO follow (tenant_id, participant_id, target, value) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, arguments: [follow.tenantID.argument, follow.participantID.argument, .text(follow.target.description), .text(value)])
        }
    }

    public func deleteFollow(of target: FollowTarget, by participant: ParticipantID, in tenant: TenantID) async throws {
        try await write { db in
            let arguments: [SQLiteValue] = [tenant.argument, participant.argument, .text(target.description)]
            guard try db.exists(sql: "SELECT 1 FROM follow WHERE tenant_id = ? AND participant_id = ? AND target = ?", arguments: arguments) else {
                throw ParticipationError.notFound("follow of \(target) by participant", participant)
            }
            try db.execute(sql: "DELETE FROM follow WHERE tenant_id = ? AND participant_id = ? AND target = ?", arguments: arguments)
        }
    }

    public func follows(of participant: ParticipantID, in tenant: TenantID) async throws -> [Follow] {
        try await read { db in
            try db.fetchValues(Follow.self, sql: """
                SELECT value FROM follow WHERE tenant_id = ? AND participant_id = ? ORDER BY target
                """, arguments: [tenant.argument, participant.argument])
        }
    }

    public func followers(of targets: [FollowTarget], in tenant: TenantID) async throws -> [ParticipantID] {
        guard !targets.isEmpty else { return [] }
        return try await read { db in
            // One bound parameter per target; the SQL text holds only placeholders.
            let placeholders = Array(repeating: "?", count: targets.count).joined(separator: ", ")
            return try db.fetchAll(sql: """
                SELECT DISTINCT participant_id FROM follow WHERE tenant_id = ? AND target IN (\(placeholders))
                ORDER BY participant_id
                """, arguments: [tenant.argument] + targets.map { .text($0.description) }) { ParticipantID(rawValue: $0.string(at: 0)) }
        }
    }

    public func setNotificationFrequency(_ frequency: NotificationFrequency, of participant: ParticipantID, in tenant: TenantID)
        async throws
    {
        try await write { db in
            guard try db.participantExists(participant, in: tenant) else { throw ParticipationError.notFound("participant", participant) }
            try db.execute(sql: """
                INSERT INTO notification_preference (tenant_id, participant_id, frequency) VALUES (?, ?, ?)
                ON CONFLICT (tenant_id, participant_id) DO UPDATE SET frequency = excluded.frequency
                """, arguments: [tenant.argument, participant.argument, .text(frequency.rawValue)])
        }
    }

    public func notificationFrequency(of participant: ParticipantID, in tenant: TenantID) async throws -> NotificationFrequency {
        try await read { db in
            let raw = try db.fetchOne(sql: """
                SELECT frequency FROM notification_preference WHERE tenant_id = ? AND participant_id = ?
                """, arguments: [tenant.argument, participant.argument]) { $0.string(at: 0) }
            return raw.flatMap(NotificationFrequency.init(rawValue:)) ?? .immediate
        }
    }

    public func enqueueNotifications(_ notifications: [Notification]) async throws {
        let rows = try notifications.map { ($0, try StoredValue.encode($0)) }
        try await write { db in
            for (notification, value) in rows {
                do {
                    try db.execute(sql: """
                        INSERT INTO notification (tenant_id, id, event_id, recipient_id, due_at, delivered_at, value)
                        VALUES (?, ?, ?, ?, ?, NULL, ?)
                        """, arguments: [
                            notification.tenantID.argument, notification.id.argument, notification.eventID.argument,
                            notification.recipientID.argument, .real(notification.dueAt.storedSeconds), .text(value),
                        ])
                } catch let error as SQLiteError where error.code == .constraint {
                    throw ParticipationError(
                        .duplicate,
                        "event '\(notification.eventID)' is already queued for participant '\(notification.recipientID)', or notification id '\(notification.id)' is taken")
                }
            }
        }
    }

    public func dueNotifications(in tenant: TenantID, at date: Date, limit: Int) async throws -> [Notification] {
        try await read { db in
            try db.fetchAll(sql: """
                SELECT value, delivered_at FROM notification
                WHERE tenant_id = ? AND delivered_at IS NULL AND due_at <= ?
                ORDER BY sequence LIMIT ?
                """, arguments: [tenant.argument, .real(date.storedSeconds), .integer(Int64(max(0, limit)))]) { row in
                try StoredValue.decode(Notification.self, from: row.string(at: 0))
            }
        }
    }

    public func acknowledgeNotifications(_ ids: [NotificationID], at date: Date, in tenant: TenantID) async throws {
        try await write { db in
            for id in ids {
                guard let value = try db.fetchValue(Notification.self, sql: """
                    SELECT value FROM notification WHERE tenant_id = ? AND id = ?
                    """, arguments: [tenant.argument, id.argument])
                else { throw ParticipationError.notFound("notification", id) }
                guard value.deliveredAt == nil else { continue }
                let delivered = value.delivered(at: date)
                try db.execute(sql: """
                    UPDATE notification SET delivered_at = ?, value = ? WHERE tenant_id = ? AND id = ?
                    """, arguments: [.real(date.storedSeconds), .text(try StoredValue.encode(delivered)), tenant.argument, id.argument])
            }
        }
    }

    public func insertNewsPost(_ post: NewsPost) async throws {
        let value = try StoredValue.encode(post)
        try await write { db in
            guard try db.processExists(post.processID, in: post.tenantID) else { throw ParticipationError.notFound("process", post.processID) }
            do {
                try db.execute(sql: """
                    INSERT INTO news_post (tenant_id, id, process_id, value) VALUES (?, ?, ?, ?)
                    """, arguments: [post.tenantID.argument, post.id.argument, post.processID.argument, .text(value)])
            } catch let error as SQLiteError where error.code == .constraint {
                throw ParticipationError.duplicate("news post", post.id)
            }
        }
    }

    public func newsPosts(of process: ProcessID, in tenant: TenantID) async throws -> [NewsPost] {
        try await read { db in
            try db.fetchValues(NewsPost.self, sql: """
                SELECT value FROM news_post WHERE tenant_id = ? AND process_id = ? ORDER BY sequence DESC
                """, arguments: [tenant.argument, process.argument])
        }
    }
}
