/// A collectivité that runs participation processes: a commune, an intercommunalité or
/// métropole, a département or a région.
///
/// Every other object belongs to exactly one tenant, and nothing crosses tenants: a read or a
/// write that names another tenant's id fails as ``ParticipationError/Code/notFound``. A
/// ``parentID`` lets a métropole and its communes share one instance while staying isolated.
public struct Tenant: Hashable, Sendable, Codable, Identifiable {
    /// The kind of collectivité.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case commune, intercommunalite, metropole, departement, region
    }

    public let id: TenantID
    /// The collectivité's public name, e.g. "Ville de Grenoble".
    public var name: String
    public var kind: Kind
    /// The enclosing collectivité, if any (a commune's métropole).
    public var parentID: TenantID?
    /// Districts (quartiers, secteurs) used by eligibility rules and district budgets.
    public var districts: [District]

    public init(id: TenantID, name: String, kind: Kind, parentID: TenantID? = nil, districts: [District] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.districts = districts
    }

    /// The district with this id, if the tenant has it.
    public func district(_ id: DistrictID) -> District? { districts.first { $0.id == id } }
}

/// A tenant's id.
public typealias TenantID = Identifier<Tenant>

/// A district (quartier) of a tenant.
public struct District: Hashable, Sendable, Codable, Identifiable {
    public let id: DistrictID
    public var name: String

    public init(id: DistrictID, name: String) {
        self.id = id
        self.name = name
    }
}

/// A district's id, unique within its tenant.
public typealias DistrictID = Identifier<District>
