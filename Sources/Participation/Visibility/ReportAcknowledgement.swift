/// What a reporter learns of their report: whether it was the one that reached the threshold
/// and hid the item. Nothing of the item's other reports, authors or moderation history.
public struct ReportAcknowledgement: Hashable, Sendable {
    /// True for exactly the report that reached the threshold and hid a visible item.
    public let hidItem: Bool

    public init(hidItem: Bool) { self.hidItem = hidItem }
}
