import Foundation
import Participation
import Testing

@Test func identifiersAndOpenCodesEncodeAsPlainStrings() throws {
    struct Sample: Codable, Equatable {
        let id: ProcessID
        let status: PropositionStatus
        let kind: PhaseKind
        let reason: ReviewReason
    }
    let sample = Sample(id: "p-1", status: .underReview, kind: .coConstruction, reason: .alreadyExists)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(sample), as: UTF8.self)
    #expect(json == #"{"id":"p-1","kind":"co-construction","reason":"already-exists-or-planned","status":"under-review"}"#)
    #expect(try JSONDecoder().decode(Sample.self, from: Data(json.utf8)) == sample)
}
