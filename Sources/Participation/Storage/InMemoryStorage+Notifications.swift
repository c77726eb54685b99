#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension InMemoryStorage {
    public func insertFollow(_ follow: Follow) throws {
        _ = try storedParticipant(follow.participantID, follow.tenantID)
        let key = Scoped(tenant: follow.tenantID, id: "\(follow.participantID)|\(follow.target)")
        if followsByKey[key] == nil { followsByKey[key] = follow }
    }

    public func deleteFollow(of target: FollowTarget, by participant: ParticipantID, in tenant: TenantID) throws {
        let key = Scoped(tenant: tenant, id: "\(participant)|\(target)")
        guard followsByKey.removeValue(forKey: key) != nil else {
            throw ParticipationError.notFound("follow of \(target) by participant", participant)
        }
    }

    public func follows(of participant: ParticipantID, in tenant: TenantID) -> [Follow] {
        followsByKey.values.filter { $0.tenantID == tenant && $0.participantID == participant }
            .sorted { $0.target.description < $1.target.description }
    }

    public func followers(of targets: [FollowTarget], in tenant: TenantID) -> [ParticipantID] {
        let wanted = Set(targets)
        let ids = followsByKey.values.filter { $0.tenantID == tenant && wanted.contains($0.target) }.map(\.participantID)
        return Set(ids).sorted()
    }

    public func setNotificationFrequency(_ frequency: NotificationFrequency, of participant: ParticipantID, in tenant: TenantID)
        throws
    {
        _ = try storedParticipant(participant, tenant)
        frequencies[Scoped(tenant: tenant, id: participant)] = frequency
    }

    public func notificationFrequency(of participant: ParticipantID, in tenant: TenantID) -> NotificationFrequency {
        frequencies[Scoped(tenant: tenant, id: participant)] ?? .immediate
    }

    public func enqueueNotifications(_ notifications: [Notification]) throws {
        var keys: Set<String> = []
        for notification in notifications {
            guard !outboxKeys.contains(notification.idempotencyKey), keys.insert(notification.idempotencyKey).inserted else {
                throw ParticipationError(
                    .duplicate, "event '\(notification.eventID)' is already queued for participant '\(notification.recipientID)'")
            }
            if outbox.contains(where: { $0.tenantID == notification.tenantID && $0.id == notification.id }) {
                throw ParticipationError.duplicate("notification", notification.id)
            }
        }
        outbox.append(contentsOf: notifications)
        outboxKeys.formUnion(keys)
    }

    public func dueNotifications(in tenant: TenantID, at date: Date, limit: Int) -> [Notification] {
        Array(outbox.lazy.filter { $0.tenantID == tenant && $0.deliveredAt == nil && $0.dueAt <= date }.prefix(max(0, limit)))
    }

    public func acknowledgeNotifications(_ ids: [NotificationID], at date: Date, in tenant: TenantID) throws {
        var indices: [Int] = []
        for id in ids {
            guard let index = outbox.firstIndex(where: { $0.tenantID == tenant && $0.id == id }) else {
                throw ParticipationError.notFound("notification", id)
            }
            indices.append(index)
        }
        for index in indices where outbox[index].deliveredAt == nil {
            let pending = outbox[index]
            outbox[index] = pending.delivered(at: date)
        }
    }

    public func insertNewsPost(_ post: NewsPost) throws {
        _ = try storedProcess(post.processID, post.tenantID)
        let key = Scoped(tenant: post.tenantID, id: post.processID)
        if newsByProcess.values.contains(where: { $0.contains { $0.tenantID == post.tenantID && $0.id == post.id } }) {
            throw ParticipationError.duplicate("news post", post.id)
        }
        newsByProcess[key, default: []].append(post)
    }

    public func newsPosts(of process: ProcessID, in tenant: TenantID) -> [NewsPost] {
        (newsByProcess[Scoped(tenant: tenant, id: process)] ?? []).reversed()
    }
}
