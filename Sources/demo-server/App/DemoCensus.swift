import Foundation
import Participation

/// The census the demo verifies participants against: three references anyone can try.
enum DemoCensus {
    static let verifier = CensusVerifier(entries: [
        "CENSUS-0001": Profile(birthDate: date("1988-04-12"), districtID: "centre", statuses: [.resident]),
        "CENSUS-0002": Profile(birthDate: date("2001-09-30"), districtID: "nord", statuses: [.resident]),
        "CENSUS-0003": Profile(birthDate: date("2012-01-15"), districtID: "sud", statuses: [.resident]),
    ])

    /// Midnight UTC on an ISO 8601 day written in this file.
    static func date(_ day: String) -> Date {
        // The days above are literals checked by the seed tests, so parsing cannot fail.
        try! Date("\(day)T00:00:00Z", strategy: .iso8601)
    }
}
