import Foundation
import Participation
import Testing

@Suite("Eligibility rules")
struct EligibilityTests {
    static let today = Date(timeIntervalSince1970: 1_750_000_000)  // 2025-06-15
    static func born(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    static func person(_ profile: Profile, verification: VerificationLevel = .unverified) -> Participant {
        Participant(
            id: "p", tenantID: "t", displayName: "P", profile: profile, verification: verification, registeredAt: today)
    }

    static let grenoblePetition = EligibilityRule(minimumAge: 16, acceptedStatuses: [.resident])

    @Test func residentOfSixteenOnTheirBirthdayMaySign() {
        let sixteenToday = Self.person(Profile(birthDate: Self.born(2009, 6, 15), statuses: [.resident]))
        #expect(Self.grenoblePetition.failure(for: sixteenToday, on: Self.today) == nil)
    }

    @Test func theDayBeforeTheirSixteenthBirthdayTheyMayNot() {
        let almost = Self.person(Profile(birthDate: Self.born(2009, 6, 16), statuses: [.resident]))
        let failure = Self.grenoblePetition.failure(for: almost, on: Self.today)
        #expect(failure == .tooYoung(minimumAge: 16, age: 15))
        #expect(failure?.error.code == .notEligible)
        #expect(failure?.error.field == "age")
        #expect(failure?.error.message.contains("minimum age is 16") == true)
    }

    @Test(arguments: [
        (Profile(statuses: [.resident]), EligibilityFailure.ageNotProven(minimumAge: 16)),
        (Profile(ageBracket: AgeBracket(12, 17), statuses: [.resident]), .ageNotProven(minimumAge: 16)),
        (Profile(ageBracket: AgeBracket(10, 14), statuses: [.resident]), .tooYoung(minimumAge: 16, age: 14)),
        (Profile(birthDate: born(1980, 1, 1), statuses: [.worksThere]), .statusNotAccepted(accepted: [.resident])),
        (Profile(birthDate: born(1980, 1, 1), statuses: []), .statusNotAccepted(accepted: [.resident])),
    ])
    func refusalNamesTheRuleThatFailed(profile: Profile, expected: EligibilityFailure) {
        #expect(Self.grenoblePetition.failure(for: Self.person(profile), on: Self.today) == expected)
    }

    @Test func ageBracketEntirelyAboveTheMinimumIsEnough() {
        let bracket = Self.person(Profile(ageBracket: AgeBracket(18, 25), statuses: [.resident]))
        #expect(Self.grenoblePetition.failure(for: bracket, on: Self.today) == nil)
    }

    @Test func workersAcceptedWhereTheRuleSaysSo() {
        let bagneux = EligibilityRule(acceptedStatuses: [.resident, .worksThere])
        let worker = Self.person(Profile(statuses: [.worksThere]))
        #expect(bagneux.failure(for: worker, on: Self.today) == nil)
        let student = Self.person(Profile(statuses: [.studiesThere]))
        #expect(bagneux.failure(for: student, on: Self.today) == .statusNotAccepted(accepted: [.resident, .worksThere]))
    }

    @Test func districtRules() {
        let north = EligibilityRule(districts: ["north"])
        #expect(north.failure(for: Self.person(Profile(districtID: "north")), on: Self.today) == nil)
        #expect(
            north.failure(for: Self.person(Profile(districtID: "south")), on: Self.today)
                == .outsideDistricts("south", accepted: ["north"]))
        #expect(north.failure(for: Self.person(Profile()), on: Self.today) == .districtUnknown)
    }

    @Test func verificationLevelIsAMinimum() {
        let rule = EligibilityRule(requiredVerification: .confirmed)
        #expect(
            rule.failure(for: Self.person(Profile()), on: Self.today)
                == .verificationTooLow(required: .confirmed, actual: .unverified))
        #expect(rule.failure(for: Self.person(Profile(), verification: .verified), on: Self.today) == nil)
    }

    @Test func serviceRefusesAnIneligibleVoterWithTheReason() async throws {
        let world = try await TestWorld()
        var process = try await world.budgetProcess()
        for phase in ["submission", "review"] as [PhaseID] {
            process = try await world.service.openPhase(phase, of: process.id, by: world.admin)
            process = try await world.service.closePhase(phase, of: process.id, by: world.admin)
        }
        process = try await world.service.openPhase("vote", of: process.id, by: world.admin)
        let child = try await world.citizen("Child", profile: Profile(birthDate: Date(timeIntervalSince1970: 1_500_000_000), statuses: [.resident]))
        let error = await participationError { try await world.service.authorize(.vote, by: child, in: process) }
        #expect(error?.code == .notEligible)
        #expect(error?.message.contains("minimum age is 16") == true)
        let adult = try await world.citizen()
        let allowed = try await world.service.authorize(.vote, by: adult, in: process)
        #expect(allowed.id == adult.participantID)
    }

    @Test func censusVerificationRaisesTheLevelAndBindsOneIdentity() async throws {
        let world = try await TestWorld()
        let census = CensusVerifier(entries: ["FR-123": Profile(birthDate: Self.born(1990, 1, 1), districtID: "south", statuses: [.resident])])
        let alice = try await world.citizen("Alice")
        let verified = try await world.service.verifyParticipant(alice.participantID, reference: "FR-123", using: census, by: world.admin)
        #expect(verified.verification == .verified)
        #expect(verified.profile.districtID == "south")

        let twin = try await world.citizen("Alice again")
        let duplicate = await participationError {
            _ = try await world.service.verifyParticipant(twin.participantID, reference: "FR-123", using: census, by: world.admin)
        }
        #expect(duplicate?.code == .duplicate)
        let unknown = await participationError {
            _ = try await world.service.verifyParticipant(twin.participantID, reference: "FR-999", using: census, by: world.admin)
        }
        #expect(unknown?.code == .notEligible)
        let stillUnverified = try await world.service.storage.participant(twin.participantID, in: world.tenant.id)
        #expect(stillUnverified.verification == .unverified)

        let citizenTriesToVerify = await participationError {
            _ = try await world.service.verifyParticipant(twin.participantID, reference: "FR-123", using: census, by: alice)
        }
        #expect(citizenTriesToVerify?.code == .forbidden)
    }
}
