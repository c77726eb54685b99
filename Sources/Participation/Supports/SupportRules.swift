/// The per-process rules of supports (Decidim's `vote_limit`, `minimum_votes_per_user` and
/// `threshold_per_proposition`), as pure functions every backend applies the same way.
public struct SupportRules: Hashable, Sendable, Codable {
    /// How many propositions one participant may support in the process; nil for no limit.
    public var quotaPerParticipant: Int?
    /// A participant's supports count only once they support at least this many propositions.
    public var minimumPerParticipant: Int?
    /// How many supports one proposition may receive; nil for no limit.
    public var maximumPerProposition: Int?

    public init(quotaPerParticipant: Int? = nil, minimumPerParticipant: Int? = nil, maximumPerProposition: Int? = nil) {
        self.quotaPerParticipant = quotaPerParticipant
        self.minimumPerParticipant = minimumPerParticipant
        self.maximumPerProposition = maximumPerProposition
    }

    /// Why one more support is refused, given the supporter's and the proposition's current
    /// counts, or nil when it is allowed. Storage calls this inside the transaction that writes.
    public func refusal(participantSupports: Int, propositionSupports: Int) -> ParticipationError? {
        if let quota = quotaPerParticipant, participantSupports >= quota {
            return ParticipationError(
                .quotaExceeded, "a participant may support at most \(quota) proposition(s) in this process",
                field: "quotaPerParticipant")
        }
        if let maximum = maximumPerProposition, propositionSupports >= maximum {
            return ParticipationError(
                .quotaExceeded, "this proposition has reached its maximum of \(maximum) support(s)",
                field: "maximumPerProposition")
        }
        return nil
    }

    /// Whether a participant holding `supports` supports in the process has their supports counted.
    public func counts(participantSupports supports: Int) -> Bool { supports >= (minimumPerParticipant ?? 0) }

    /// The supports that count per proposition: those of participants who reached the minimum.
    /// Propositions with no counted support are absent.
    public func tally(_ supports: [Support]) -> [PropositionID: Int] {
        var perSupporter: [ParticipantID: Int] = [:]
        for support in supports { perSupporter[support.supporterID, default: 0] += 1 }
        var tally: [PropositionID: Int] = [:]
        for support in supports where counts(participantSupports: perSupporter[support.supporterID] ?? 0) {
            tally[support.propositionID, default: 0] += 1
        }
        return tally
    }

    /// Checks that the limits are positive and the minimum fits in the quota.
    public func validate() throws {
        for (field, value) in [
            ("quotaPerParticipant", quotaPerParticipant), ("minimumPerParticipant", minimumPerParticipant),
            ("maximumPerProposition", maximumPerProposition),
        ] {
            if let value, value < 1 { throw ParticipationError.invalid("supports.\(field)", "\(field) must be at least 1") }
        }
        if let minimum = minimumPerParticipant, let quota = quotaPerParticipant, minimum > quota {
            throw ParticipationError.invalid("supports.minimumPerParticipant", "the minimum must not exceed the quota")
        }
    }
}
