/// Who is asking: a participant of a tenant. Every service operation that acts for someone
/// takes a caller; the service loads the participant from storage, so an id from another
/// tenant is simply not found.
public struct Caller: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let participantID: ParticipantID

    public init(tenantID: TenantID, participantID: ParticipantID) {
        self.tenantID = tenantID
        self.participantID = participantID
    }
}
