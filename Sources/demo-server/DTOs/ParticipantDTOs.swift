import Foundation
import Participation

/// A participant's profile, as the API shows and takes it.
struct ProfileBody: Codable, Sendable {
    struct AgeBracketBody: Codable, Sendable {
        let lowerBound: Int
        let upperBound: Int?
    }

    let birthDate: Date?
    let ageBracket: AgeBracketBody?
    let districtID: String?
    let statuses: [TerritorialStatus]?

    init(_ profile: Profile) {
        birthDate = profile.birthDate
        ageBracket = profile.ageBracket.map { AgeBracketBody(lowerBound: $0.lowerBound, upperBound: $0.upperBound) }
        districtID = profile.districtID?.rawValue
        statuses = profile.statuses.sorted { $0.rawValue < $1.rawValue }
    }

    func profile() throws -> Profile {
        Profile(
            birthDate: birthDate, ageBracket: ageBracket.map { AgeBracket($0.lowerBound, $0.upperBound) },
            districtID: try districtID.map { try DistrictID.validated($0, field: "profile.districtID") },
            statuses: Set(statuses ?? []))
    }

    static let schema = Schema.named(
        "Profile",
        .object([
            .optional("birthDate", .dateTime),
            .optional("ageBracket", .object([.required("lowerBound", .integer), .optional("upperBound", .integer)])),
            .optional("districtID", .text), .optional("statuses", .array(.enumeration(TerritorialStatus.self))),
        ]))
}

/// A participant's consents.
struct ConsentsBody: Codable, Sendable {
    let followNotifications: Bool
    let contactReuse: Bool

    init(_ consents: Consents) {
        followNotifications = consents.followNotifications
        contactReuse = consents.contactReuse
    }

    var consents: Consents { Consents(followNotifications: followNotifications, contactReuse: contactReuse) }

    static let schema = Schema.named(
        "Consents", .object([.required("followNotifications", .boolean), .required("contactReuse", .boolean)]))
}

/// The names of verification levels in the API.
enum VerificationName: String, Codable, Sendable, CaseIterable {
    case unverified, confirmed, verified

    init(_ level: VerificationLevel) {
        switch level {
        case ..<VerificationLevel.confirmed: self = .unverified
        case VerificationLevel.confirmed: self = .confirmed
        default: self = .verified
        }
    }

    var level: VerificationLevel {
        switch self {
        case .unverified: .unverified
        case .confirmed: .confirmed
        case .verified: .verified
        }
    }
}

/// The kinds of participant in the API.
enum ParticipantKindName: String, Codable, Sendable, CaseIterable {
    case person, collective, staff
}

/// A participant as the API shows it.
struct ParticipantBody: Codable, Sendable {
    let id: String
    let tenantID: String
    let kind: ParticipantKindName
    let collectiveKind: CollectiveKind?
    let representativeID: String?
    let displayName: String
    let pseudonym: String?
    let roles: [Role]
    let profile: ProfileBody
    let verification: VerificationName
    let consents: ConsentsBody
    let registeredAt: Date

    init(_ participant: Participant) {
        id = participant.id.rawValue
        tenantID = participant.tenantID.rawValue
        switch participant.kind {
        case .person:
            (kind, collectiveKind, representativeID) = (.person, nil, nil)
        case .collective(let collective, let representative):
            (kind, collectiveKind, representativeID) = (.collective, collective, representative.rawValue)
        case .staff:
            (kind, collectiveKind, representativeID) = (.staff, nil, nil)
        }
        displayName = participant.displayName
        pseudonym = participant.pseudonym
        roles = participant.roles.sorted()
        profile = ProfileBody(participant.profile)
        verification = VerificationName(participant.verification)
        consents = ConsentsBody(participant.consents)
        registeredAt = participant.registeredAt
    }

    static let schema = Schema.named(
        "Participant",
        .object([
            .required("id", .text), .required("tenantID", .text), .required("kind", .enumeration(ParticipantKindName.self)),
            .optional("collectiveKind", .enumeration(CollectiveKind.self)), .optional("representativeID", .text),
            .required("displayName", .text), .optional("pseudonym", .text),
            .required("roles", .array(.enumeration(Role.self))), .required("profile", ProfileBody.schema),
            .required("verification", .enumeration(VerificationName.self)), .required("consents", ConsentsBody.schema),
            .required("registeredAt", .dateTime),
        ]))
}

/// A participant with a fresh demo token (registration, staff creation).
struct ParticipantWithTokenBody: Codable, Sendable {
    let participant: ParticipantBody
    let token: String

    static let schema = Schema.named(
        "ParticipantWithToken", .object([.required("participant", ParticipantBody.schema), .required("token", .text)]))
}

/// A demo token.
struct TokenBody: Codable, Sendable {
    let token: String

    static let schema = Schema.named("Token", .object([.required("token", .text)]))
}

/// `POST /tenants/{tenantID}/participants`: self-registration.
struct RegisterParticipantBody: Codable, Sendable {
    let displayName: String
    let pseudonym: String?
    /// `person` (default) or `collective`.
    let kind: ParticipantKindName?
    let collectiveKind: CollectiveKind?
    let representativeID: String?
    let profile: ProfileBody?
    let consents: ConsentsBody?

    /// The library's kind; staff accounts are refused by the library itself.
    func participantKind() throws -> ParticipantKind {
        switch kind ?? .person {
        case .person: return .person
        case .staff: return .staff
        case .collective:
            guard let collectiveKind else {
                throw APIError.malformed("a collective needs 'collectiveKind'", field: "collectiveKind")
            }
            guard let representativeID else {
                throw APIError.malformed("a collective needs 'representativeID'", field: "representativeID")
            }
            return .collective(collectiveKind, representative: try ParticipantID.validated(representativeID, field: "representativeID"))
        }
    }

    static let schema = Schema.named(
        "RegisterParticipant",
        .object([
            .required("displayName", .text), .optional("pseudonym", .text),
            .optional("kind", .enumeration(ParticipantKindName.self)),
            .optional("collectiveKind", .enumeration(CollectiveKind.self)), .optional("representativeID", .text),
            .optional("profile", ProfileBody.schema), .optional("consents", ConsentsBody.schema),
        ]))
}

/// `POST /tenants/{tenantID}/administrator`: the tenant's first administrator.
struct BootstrapAdministratorBody: Codable, Sendable {
    let displayName: String

    static let schema = Schema.named("BootstrapAdministrator", .object([.required("displayName", .text)]))
}

/// `POST /tenants/{tenantID}/staff`.
struct RegisterStaffBody: Codable, Sendable {
    let displayName: String
    let roles: [Role]

    static let schema = Schema.named(
        "RegisterStaff", .object([.required("displayName", .text), .required("roles", .array(.enumeration(Role.self)))]))
}

/// `PUT /tenants/{tenantID}/participants/{participantID}/roles`.
struct SetRolesBody: Codable, Sendable {
    let roles: [Role]
    let reason: String

    static let schema = Schema.named(
        "SetRoles", .object([.required("roles", .array(.enumeration(Role.self))), .required("reason", .text)]))
}

/// `POST /tenants/{tenantID}/participants/{participantID}/verification`.
struct VerifyParticipantBody: Codable, Sendable {
    let reference: String

    static let schema = Schema.named("VerifyParticipant", .object([.required("reference", .text)]))
}
