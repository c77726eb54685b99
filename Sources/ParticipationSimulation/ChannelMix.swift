import Participation

/// Who votes, and where: turnout, the channels people with and without an account use, and
/// how many try to vote twice or too young. Shares are integers per mille, weights integers,
/// so draws are exact.
public struct ChannelMix: Hashable, Sendable, Codable {
    /// Average per mille of eligible people who vote.
    public var turnoutPerMille: Int
    /// Each district's turnout is drawn within ± this many per mille of the average.
    public var turnoutSpreadPerMille: Int
    /// Channel weights for people with an account.
    public var online: Int
    public var kiosk: Int
    public var paper: Int
    public var assisted: Int
    /// Channel weights for people without an account (they cannot vote online or on a kiosk,
    /// which asks them to log in).
    public var paperWithoutAccount: Int
    public var assistedWithoutAccount: Int
    /// Per mille of voters who also try to vote on a second channel.
    public var secondAttemptPerMille: Int
    /// Per mille of under-16s with an account who try to vote online.
    public var underageAttemptPerMille: Int

    public init(
        turnoutPerMille: Int, turnoutSpreadPerMille: Int = 0, online: Int, kiosk: Int, paper: Int, assisted: Int,
        paperWithoutAccount: Int, assistedWithoutAccount: Int, secondAttemptPerMille: Int = 0,
        underageAttemptPerMille: Int = 0
    ) throws {
        let shares = [turnoutPerMille, turnoutSpreadPerMille, secondAttemptPerMille, underageAttemptPerMille]
        guard shares.allSatisfy({ (0...1000).contains($0) }) else {
            throw ParticipationError.invalid("channels", "shares per mille are within 0...1000")
        }
        let weights = [online, kiosk, paper, assisted, paperWithoutAccount, assistedWithoutAccount]
        guard weights.allSatisfy({ $0 >= 0 }), online + kiosk + paper + assisted > 0,
            paperWithoutAccount + assistedWithoutAccount > 0
        else {
            throw ParticipationError.invalid("channels", "channel weights are non-negative, one positive for each kind of voter")
        }
        self.turnoutPerMille = turnoutPerMille
        self.turnoutSpreadPerMille = turnoutSpreadPerMille
        self.online = online
        self.kiosk = kiosk
        self.paper = paper
        self.assisted = assisted
        self.paperWithoutAccount = paperWithoutAccount
        self.assistedWithoutAccount = assistedWithoutAccount
        self.secondAttemptPerMille = secondAttemptPerMille
        self.underageAttemptPerMille = underageAttemptPerMille
    }

    /// Marcq-en-Barœul, Bagneux and the Gers combined: online, polling stations, agents'
    /// tablets and a kiosk; about one voter in five, 3 % trying a second channel.
    public static let hybrid = ChannelMix(
        checked: 200, spread: 80, online: 60, kiosk: 5, paper: 25, assisted: 10, paperWithoutAccount: 70,
        assistedWithoutAccount: 30, secondAttempt: 30, underageAttempt: 100)

    private init(
        checked turnout: Int, spread: Int, online: Int, kiosk: Int, paper: Int, assisted: Int, paperWithoutAccount: Int,
        assistedWithoutAccount: Int, secondAttempt: Int, underageAttempt: Int
    ) {
        turnoutPerMille = turnout
        turnoutSpreadPerMille = spread
        self.online = online
        self.kiosk = kiosk
        self.paper = paper
        self.assisted = assisted
        self.paperWithoutAccount = paperWithoutAccount
        self.assistedWithoutAccount = assistedWithoutAccount
        secondAttemptPerMille = secondAttempt
        underageAttemptPerMille = underageAttempt
    }

    /// A first channel for a voter.
    func drawChannel(hasAccount: Bool, using random: inout SimulationRandom) -> PlannedChannel {
        if hasAccount {
            return [.online, .kiosk, .paper, .assisted][random.weightedIndex([online, kiosk, paper, assisted])]
        }
        return [.paper, .assisted][random.weightedIndex([paperWithoutAccount, assistedWithoutAccount])]
    }

    /// A channel other than `first` the voter could also use.
    func drawSecondChannel(after first: PlannedChannel, hasAccount: Bool, using random: inout SimulationRandom)
        -> PlannedChannel
    {
        let options: [PlannedChannel] = (hasAccount ? [.online, .kiosk, .paper, .assisted] : [.paper, .assisted]).filter { $0 != first }
        return options[random.integer(below: options.count)]
    }
}

/// The channel a simulated vote goes through.
enum PlannedChannel: String, Hashable, Sendable, Codable {
    case online, kiosk, paper, assisted
}
