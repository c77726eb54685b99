#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Stores follows, notification preferences, the notification outbox and news posts.
public protocol NotificationStorage: Sendable {
    /// Records that a participant follows a target. Following twice changes nothing.
    /// - Throws: `notFound` (participant).
    func insertFollow(_ follow: Follow) async throws

    /// Stops a follow.
    /// - Throws: `notFound` when the participant does not follow the target.
    func deleteFollow(of target: FollowTarget, by participant: ParticipantID, in tenant: TenantID) async throws

    /// What the participant follows, ordered by target text.
    func follows(of participant: ParticipantID, in tenant: TenantID) async throws -> [Follow]

    /// The tenant's participants who follow any of `targets`, each once, ordered by id.
    func followers(of targets: [FollowTarget], in tenant: TenantID) async throws -> [ParticipantID]

    /// Sets how often the participant hears from the platform.
    /// - Throws: `notFound` (participant).
    func setNotificationFrequency(_ frequency: NotificationFrequency, of participant: ParticipantID, in tenant: TenantID)
        async throws

    /// The participant's frequency (`.immediate` when never set).
    func notificationFrequency(of participant: ParticipantID, in tenant: TenantID) async throws -> NotificationFrequency

    /// Queues the notifications of one event, all or none.
    /// - Throws: `duplicate` if a notification of the same event and recipient is already queued
    ///   (the event was already published), or a notification id is taken.
    func enqueueNotifications(_ notifications: [Notification]) async throws

    /// Undelivered notifications due at `date`, in the order they were queued, at most `limit`.
    func dueNotifications(in tenant: TenantID, at date: Date, limit: Int) async throws -> [Notification]

    /// Marks notifications delivered at `date`. Acknowledging twice changes nothing.
    /// - Throws: `notFound` for an id the tenant does not have (and marks none).
    func acknowledgeNotifications(_ ids: [NotificationID], at date: Date, in tenant: TenantID) async throws

    /// Stores a news post.
    /// - Throws: `notFound` (process); `duplicate` (id).
    func insertNewsPost(_ post: NewsPost) async throws

    /// A process's news, newest first.
    func newsPosts(of process: ProcessID, in tenant: TenantID) async throws -> [NewsPost]
}
