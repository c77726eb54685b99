#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One event for one recipient, waiting in the outbox for the host to deliver it.
///
/// Delivery is at least once: the host reads due notifications, delivers them, then
/// acknowledges them; after a crash it reads them again. The ``idempotencyKey`` is the same
/// on every read, so the host (or its mail provider) can drop a second send.
public struct Notification: Hashable, Sendable, Codable, Identifiable {
    public let id: NotificationID
    public let tenantID: TenantID
    public let recipientID: ParticipantID
    public let eventID: EventID
    public let kind: EventKind
    public let summary: String
    public let details: [String: String]
    public let createdAt: Date
    /// When it becomes due: at once, or at the recipient's next digest.
    public let dueAt: Date
    /// The recipient's frequency when it was queued (digests group by it).
    public let frequency: NotificationFrequency
    /// When the host acknowledged delivery; nil while pending.
    public private(set) var deliveredAt: Date?

    public init(
        id: NotificationID, tenantID: TenantID, recipientID: ParticipantID, eventID: EventID, kind: EventKind,
        summary: String, details: [String: String], createdAt: Date, dueAt: Date, frequency: NotificationFrequency,
        deliveredAt: Date? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.recipientID = recipientID
        self.eventID = eventID
        self.kind = kind
        self.summary = summary
        self.details = details
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.frequency = frequency
        self.deliveredAt = deliveredAt
    }

    /// The same for every read of this notification: "tenant/event/recipient".
    public var idempotencyKey: String { "\(tenantID)/\(eventID)/\(recipientID)" }

    /// The notification as acknowledged at `date` (what a backend stores on acknowledgement).
    public func delivered(at date: Date) -> Notification {
        var delivered = self
        delivered.deliveredAt = date
        return delivered
    }
}

/// A notification's id.
public typealias NotificationID = Identifier<Notification>

/// The due notifications of one recipient, to send as one message.
public struct Digest: Hashable, Sendable {
    public let recipientID: ParticipantID
    public let frequency: NotificationFrequency
    public let notifications: [Notification]
}

/// When a notification queued at `date` for `frequency` becomes due.
enum DigestSchedule {
    static func dueDate(queuedAt date: Date, frequency: NotificationFrequency) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        switch frequency {
        case .immediate, .none:
            return date
        case .daily:
            let midnight = calendar.startOfDay(for: date)
            return calendar.date(byAdding: .day, value: 1, to: midnight) ?? date
        case .weekly:
            let midnight = calendar.startOfDay(for: date)
            // Weekday 2 is Monday in the Gregorian calendar; a Monday queues for the next one.
            let weekday = calendar.component(.weekday, from: midnight)
            let days = (9 - weekday) % 7 == 0 ? 7 : (9 - weekday) % 7
            return calendar.date(byAdding: .day, value: days, to: midnight) ?? date
        }
    }
}
