/// One act of participation, as the statistics count it.
public struct ParticipationRecord: Hashable, Sendable {
    public let participantID: ParticipantID
    /// "proposition", "comment", "support", "opinion", "signature", "questionnaire-response" or "ballot".
    public let type: String
    /// The ballot channel, for ballots.
    public let channel: String?
    /// Whether it came through an offline channel (paper, an agent's help, a transcribed form).
    public let isOffline: Bool

    public init(participantID: ParticipantID, type: String, channel: String? = nil, isOffline: Bool) {
        self.participantID = participantID
        self.type = type
        self.channel = channel
        self.isOffline = isOffline
    }
}

/// What happened in a process, in the figures the survey's collectivités report: registrations,
/// unique participants, contributions by type, ballots by channel, offline share and
/// first-time participants. See `Docs/EVALUATION.md`.
public struct ProcessStatistics: Hashable, Sendable {
    /// Accounts registered in the tenant while the process ran.
    public let registrations: Int
    /// Distinct participants who did at least one act.
    public let uniqueParticipants: Int
    /// Acts per type ("proposition", "ballot"…).
    public let contributionsByType: [String: Int]
    /// Counted ballots per channel ("online", "kiosk", "assisted", "paper").
    public let ballotsByChannel: [String: Int]
    public let onlineContributions: Int
    public let offlineContributions: Int
    /// offline / (online + offline), exact; 0 when nothing happened.
    public let offlineShare: Rational
    /// Participants of this process who took part in no earlier process of the tenant.
    public let firstTimeParticipants: Int

    /// The statistics of `records`. `earlierParticipants` are those who took part in an earlier
    /// process of the tenant.
    public init(records: [ParticipationRecord], registrations: Int, earlierParticipants: Set<ParticipantID>) {
        self.registrations = registrations
        let participants = Set(records.map(\.participantID))
        uniqueParticipants = participants.count
        contributionsByType = records.reduce(into: [:]) { $0[$1.type, default: 0] += 1 }
        ballotsByChannel = records.reduce(into: [:]) { counts, record in
            if let channel = record.channel { counts[channel, default: 0] += 1 }
        }
        offlineContributions = records.filter(\.isOffline).count
        onlineContributions = records.count - offlineContributions
        offlineShare = records.isEmpty ? .zero : Rational(offlineContributions, records.count)
        firstTimeParticipants = participants.subtracting(earlierParticipants).count
    }
}
