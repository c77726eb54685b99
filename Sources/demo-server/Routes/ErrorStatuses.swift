import HTTPTypes

/// The error statuses most endpoints share, for the documentation.
enum ErrorStatuses {
    /// A public read of a tenant-scoped object.
    static let read: [HTTPResponse.Status] = [.badRequest, .notFound]
    /// A participant's read.
    static let authenticatedRead: [HTTPResponse.Status] = [.badRequest, .unauthorized, .forbidden, .notFound]
    /// A write with a body, by a participant.
    static let write: [HTTPResponse.Status] = [
        .badRequest, .unauthorized, .forbidden, .notFound, .conflict, .contentTooLarge, .unprocessableContent,
    ]
    /// The host's read of a tenant's outbox.
    static let hostRead: [HTTPResponse.Status] = [.badRequest, .unauthorized, .notFound]
}
