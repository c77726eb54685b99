import Hummingbird
import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct ErrorMappingTests {
    @Test(arguments: [
        (ParticipationError.Code.notFound, HTTPResponse.Status.notFound),
        (.forbidden, .forbidden),
        (.duplicate, .conflict), (.conflict, .conflict), (.invalidTransition, .conflict), (.rulesLocked, .conflict),
        (.invalidInput, .unprocessableContent), (.notEligible, .unprocessableContent),
        (.charterNotAccepted, .unprocessableContent), (.actionNotAllowedInPhase, .unprocessableContent),
        (.quotaExceeded, .unprocessableContent),
        (.storageFailure, .internalServerError),
        (ParticipationError.Code(rawValue: "some_future_code"), .unprocessableContent),
    ])
    func statusForCode(code: ParticipationError.Code, status: HTTPResponse.Status) {
        #expect(APIError.status(for: code) == status)
    }

    @Test func libraryErrorKeepsCodeMessageAndField() {
        let error = APIError(ParticipationError(.invalidInput, "title must not be empty", field: "title"))
        #expect(error.status == .unprocessableContent)
        #expect(error.code == "invalid_input")
        #expect(error.message == "title must not be empty")
        #expect(error.field == "title")
    }

    @Test func unknownErrorsBecomeInternalWithoutDetails() {
        struct Oops: Error {}
        let error = ErrorMiddleware<BasicRequestContext>.apiError(for: Oops(), bodyLimit: 10)
        #expect(error == .internalFailure)
        #expect(!error.message.contains("Oops"))
    }

    @Test func unknownRouteIsAJSONNotFound() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(.get, "/nowhere")
            #expect(response.status == .notFound)
            #expect(response.errorCode == "not_found")
        }
    }
}
