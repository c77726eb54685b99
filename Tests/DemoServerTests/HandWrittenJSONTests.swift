import Foundation
import Participation
import Testing

@testable import demo_server

/// The cast-ballot endpoint reads its body from the parsed ``JSONValue`` and writes its
/// response by hand; `JSONDecoder` and ``JSONCoding/encoder()`` are the references both must
/// agree with, byte for byte.
@Suite struct HandWrittenJSONTests {
    static let awkward = "quote \" backslash \\ slash / tab \t newline \n bell \u{7} é 😀"

    static let ballots: [Ballot] = [
        Ballot(
            id: "ballot-1", tenantID: "demo", processID: "bp", voterID: "alice", scope: nil, channel: .online,
            choices: [BallotChoice("p-1"), BallotChoice("p-2", points: 3)], castAt: Date(timeIntervalSince1970: 1_750_000_000.75)),
        Ballot(
            id: BallotID(rawValue: awkward), tenantID: "demo", processID: "bp", voterID: "bob", scope: "north",
            channel: .kiosk(kioskID: awkward), choices: [], castAt: Date(timeIntervalSince1970: 0)),
        Ballot(
            id: "ballot-3", tenantID: "demo", processID: "bp", voterID: "carol", scope: "south",
            channel: .paper(station: "Mairie / salle \"B\"", agentID: "agent", batch: "lot-1"),
            choices: [BallotChoice("p-9", points: 1)], castAt: Date(timeIntervalSince1970: 1_999_999_999)),
        Ballot(
            id: "ballot-4", tenantID: "demo", processID: "bp", voterID: "dan", scope: nil, channel: .assisted(agentID: "agent"),
            choices: [BallotChoice("p-1")], castAt: Date(timeIntervalSince1970: 1_750_000_000)),
    ]

    @Test(arguments: ballots)
    func ballotResponsesAreWhatJSONEncoderWrites(ballot: Ballot) throws {
        let body = BallotBody(ballot)
        let reference = try JSONCoding.encoder().encode(body)
        #expect(String(decoding: body.jsonBytes, as: UTF8.self) == String(decoding: reference, as: UTF8.self))
    }

    @Test(arguments: [
        #"{"choices":[{"propositionID":"p-1"}]}"#,
        #"{"choices":[{"propositionID":"p-1","points":2},{"points":null,"propositionID":"p\/2 \u00e9"}],"scope":"north"}"#,
        #"{"kioskID":"kiosk-1","choices":[],"scope":null}"#,
    ])
    func castBodiesReadAsJSONDecoderReadsThem(text: String) throws {
        let data = Data(text.utf8)
        let value = try RequestBody.check(data, schema: CastBallotBody.schema)
        let read = try CastBallotBody(json: value)
        let reference = try JSONCoding.decoder().decode(CastBallotBody.self, from: data)
        #expect(read.scope == reference.scope)
        #expect(read.kioskID == reference.kioskID)
        #expect(read.choices.map(\.propositionID) == reference.choices.map(\.propositionID))
        #expect(read.choices.map(\.points) == reference.choices.map(\.points))
    }

    @Test func pointsBeyondAnIntegerAreRefusedNamingTheChoice() throws {
        // The schema check refuses them before the body is read, as it did before `JSONDecoder`.
        let data = Data(#"{"choices":[{"propositionID":"p-1"},{"propositionID":"p-2","points":1e30}]}"#.utf8)
        let error = try #require(throws: APIError.self) { try RequestBody.check(data, schema: CastBallotBody.schema) }
        #expect(error.field == "choices.1.points")
    }
}
