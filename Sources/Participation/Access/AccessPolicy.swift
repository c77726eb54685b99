/// The one place that decides who may do what: operation × roles × block × process phase ×
/// eligibility × charter → allow, or refuse with a coded reason.
///
/// Both ``ParticipationService/authorize(_:for:)`` (staff) and
/// ``ParticipationService/authorize(_:by:in:)`` (participants) ask it; nothing else grants
/// access. It is a pure function of an ``AccessRequest``, so a table-driven test walks it whole.
///
/// The checks, in order (the first that fails is the reason given). None of them reads the
/// content an operation targets: a caller who may not perform an operation learns nothing of
/// what it would have touched (the service resolves a target only as far as the caller may see
/// it, and answers `notFound` alike for what does not exist and what they may not see).
/// 1. an erased account takes no action at all, not even reading its own account: `forbidden`;
/// 2. reading or managing one's own account (``AccessOperation/ownAccount``) needs nothing more;
/// 3. a blocked participant takes no new action at all: ``ParticipationError/Code/participantBlocked``;
/// 4. staff operations need one of the roles ``roles(allowedFor:)`` lists: `forbidden`;
/// 5. participants' actions need a process that is not archived (`processArchived`), whose
///    open phase allows the action (`actionNotAllowedInPhase`), whose eligibility rule the
///    participant meets (`notEligible`), and the current charter accepted when the process
///    requires it (`charterNotAccepted`);
/// 6. reporting content, and acts of one's own (``AccessOperation/act``), need nothing more:
///    any registered, unblocked participant may, in any phase.
public enum AccessPolicy {
    /// The roles allowed each staff operation: the table that grants staff rights.
    public static func roles(allowedFor operation: StaffOperation) -> Set<Role> {
        switch operation {
        case .manageTenant, .manageRoles, .publishCharter, .manageProcess: [.administrator]
        case .verifyParticipants, .actForOthers: [.administrator, .official]
        case .reviewPropositions: [.administrator, .reviewer]
        case .readAuditLog: [.administrator, .official, .moderator]
        case .followRealisation: [.administrator, .reviewer, .official]
        case .writeSynthesis: [.administrator, .reviewer]
        case .validateSynthesis: [.official]
        case .publishSynthesis, .exportData, .managePersonalData: [.administrator]
        case .readStatistics: [.administrator, .official]
        case .postOfficialAnswers: [.official]
        case .decidePetitions: [.administrator, .official]
        case .publishNews: [.administrator, .official]
        case .moderateContent, .blockParticipants: [.administrator, .moderator]
        }
    }

    /// Whether `request` may perform `operation`, and if not, why.
    public static func decide(_ operation: AccessOperation, for request: AccessRequest) -> AccessDecision {
        if request.participant.isErased {
            return .refuse(ParticipationError(.forbidden, "this account was erased"))
        }
        if case .ownAccount = operation { return .allow }
        if let block = request.block {
            return .refuse(
                ParticipationError(
                    .participantBlocked,
                    "your account is blocked (\(block.kind.rawValue)) by a moderator: \(block.justification)"))
        }
        switch operation {
        case .staff(let staffOperation):
            let allowed = roles(allowedFor: staffOperation)
            guard request.participant.roles.isDisjoint(with: allowed) else { return .allow }
            let names = allowed.map(\.rawValue).sorted().joined(separator: " or ")
            return .refuse(ParticipationError(.forbidden, "\(staffOperation.rawValue) requires the role \(names)"))
        case .participate(let action):
            guard let process = request.process else {
                return .refuse(ParticipationError(.actionNotAllowedInPhase, "\(action.rawValue) happens in a process"))
            }
            do {
                try process.requireAllowed(action)
            } catch let error as ParticipationError {
                return .refuse(error)
            } catch {
                return .refuse(ParticipationError(.actionNotAllowedInPhase, "\(error)"))
            }
            if let failure = process.rule(for: action).failure(for: request.participant, on: request.now) {
                return .refuse(failure.error)
            }
            if case .notAccepted(let charter) = request.charter {
                return .refuse(
                    ParticipationError(
                        .charterNotAccepted,
                        "accept version \(charter.version) of '\(charter.title)' before you \(action.rawValue)"))
            }
            return .allow
        case .report, .act, .ownAccount:
            return .allow
        }
    }
}
