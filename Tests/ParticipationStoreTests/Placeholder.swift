import Participation
import Testing

@Test func errorDescriptionNamesCodeAndMessage() {
    let error = ParticipationError(.init(rawValue: "x"), "bad")
    #expect(error.description == "x: bad")
}
