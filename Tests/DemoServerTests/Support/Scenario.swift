import HTTPTypes
import Testing

@testable import demo_server

/// Requests several suites share: a process with one open phase, a published proposition,
/// a registered citizen who accepted the charter.
extension APIClient {
    /// Creates (as `admin`) a process of `kind` whose one phase allows `actions`, opens it and
    /// returns its id.
    func openProcess(kind: String, actions: [String], admin: String, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> String
    {
        let list = actions.map { "\"\($0)\"" }.joined(separator: ",")
        let created = try await send(
            .post, "/tenants/demo/processes", token: admin,
            json: #"{"kind":"\#(kind)","title":"Essai","phases":[{"id":"open","name":"Ouvert","kind":"consultation","allowedActions":[\#(list)]}]}"#,
            sourceLocation: sourceLocation)
        #expect(created.status == .created, sourceLocation: sourceLocation)
        let id = created.string("id") ?? ""
        let opened = try await send(.post, "/tenants/demo/processes/\(id)/phases/open/open", token: admin, sourceLocation: sourceLocation)
        #expect(opened.status == .ok, sourceLocation: sourceLocation)
        return id
    }

    /// Drafts and publishes a proposition by `author` in `processID`; returns its id.
    func publishedProposition(in processID: String, by author: String, title: String = "Un composteur", sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> String
    {
        let draft = try await send(
            .post, "/tenants/demo/processes/\(processID)/propositions", token: author,
            json: #"{"title":"\#(title)","body":"Au pied de chaque immeuble.","estimatedCost":150000,"districtID":"centre"}"#,
            sourceLocation: sourceLocation)
        #expect(draft.status == .created, sourceLocation: sourceLocation)
        let id = draft.string("id") ?? ""
        let published = try await send(.post, "/tenants/demo/propositions/\(id)/publication", token: author, sourceLocation: sourceLocation)
        #expect(published.string("status") == "submitted", sourceLocation: sourceLocation)
        return id
    }

    /// Registers a resident aged 30 who accepts the charter; returns their token.
    func registeredResident(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let registered = try await send(
            .post, "/tenants/demo/participants",
            json: #"{"displayName":"\#(name)","profile":{"birthDate":"1995-05-05T00:00:00Z","districtID":"nord","statuses":["resident"]}}"#,
            sourceLocation: sourceLocation)
        #expect(registered.status == .created, sourceLocation: sourceLocation)
        let token = registered.string("token") ?? ""
        try await send(.post, "/tenants/demo/charters/current/acceptance", token: token, sourceLocation: sourceLocation)
        return token
    }
}
