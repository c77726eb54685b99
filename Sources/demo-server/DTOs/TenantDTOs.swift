import Participation

/// A district as the API shows and takes it.
struct DistrictBody: Codable, Sendable {
    let id: String
    let name: String

    init(_ district: District) {
        id = district.id.rawValue
        name = district.name
    }

    func district() throws -> District {
        District(id: try DistrictID.validated(id, field: "districts.id"), name: name)
    }

    static let schema = Schema.named("District", .object([.required("id", .text), .required("name", .text)]))
}

/// A tenant (collectivité) as the API shows it.
struct TenantBody: Codable, Sendable {
    let id: String
    let name: String
    let kind: Tenant.Kind
    let parentID: String?
    let districts: [DistrictBody]

    init(_ tenant: Tenant) {
        id = tenant.id.rawValue
        name = tenant.name
        kind = tenant.kind
        parentID = tenant.parentID?.rawValue
        districts = tenant.districts.map(DistrictBody.init)
    }

    static let schema = Schema.named(
        "Tenant",
        .object([
            .required("id", .text), .required("name", .text), .required("kind", .enumeration(Tenant.Kind.self)),
            .optional("parentID", .text), .required("districts", .array(DistrictBody.schema)),
        ]))
}

/// `POST /tenants`.
struct CreateTenantBody: Codable, Sendable {
    let id: String?
    let name: String
    let kind: Tenant.Kind
    let parentID: String?
    let districts: [DistrictBody]?

    static let schema = Schema.named(
        "CreateTenant",
        .object([
            .optional("id", .text), .required("name", .text), .required("kind", .enumeration(Tenant.Kind.self)),
            .optional("parentID", .text), .optional("districts", .array(DistrictBody.schema)),
        ]))
}

/// `PUT /tenants/{tenantID}/districts`.
struct SetDistrictsBody: Codable, Sendable {
    let districts: [DistrictBody]

    static let schema = Schema.named("SetDistricts", .object([.required("districts", .array(DistrictBody.schema))]))
}
