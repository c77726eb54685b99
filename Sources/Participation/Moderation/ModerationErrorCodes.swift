extension ParticipationError.Code {
    /// A moderator blocked the participant: they can take no new action. The message gives
    /// the block's kind and justification.
    public static let participantBlocked = Self(rawValue: "participant_blocked")
}
