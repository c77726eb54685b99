import Foundation
import Participation
import ParticipationStore

/// The synthetic vote both paths write: one tenant, an online process and a paper
/// process, voters `voter-1…`, ballots choosing five projects each. Deterministic, so
/// runs compare.
enum BenchmarkFixture {
    static let tenant = Tenant(id: "bench-tenant", name: "Ville de Benchmark", kind: .commune)
    static let onlineProcess: ProcessID = "bp-online"
    static let paperProcess: ProcessID = "bp-paper"
    static let linesPerBallot = 5
    static let projectCount = 40
    static let date = Date(timeIntervalSince1970: 1_700_000_000)
    static let paperChannel = VoteChannel.paper(station: "Mairie annexe", agentID: "agent-1", batch: "batch-1")

    static func voter(_ number: Int) -> ParticipantID { ParticipantID(rawValue: "voter-\(number)") }

    /// The project chosen on line `position` of ballot `number`; distinct within a ballot.
    static func project(_ number: Int, position: Int) -> PropositionID {
        PropositionID(rawValue: "project-\((number * 7 + position * 3) % projectCount)")
    }

    static func ballot(_ number: Int, process: ProcessID, channel: VoteChannel) -> Ballot {
        Ballot(
            id: BallotID(rawValue: "\(process)-ballot-\(number)"), tenantID: tenant.id, processID: process,
            voterID: voter(number), channel: channel,
            choices: (0..<linesPerBallot).map { BallotChoice(project(number, position: $0)) }, castAt: date)
    }

    /// Creates the store's schema, the tenant, both processes and `voterCount` voters in
    /// the file at `path`, through the store's API.
    static func prepare(path: String, voterCount: Int) async throws -> SQLiteStore {
        let store = try await SQLiteStore(path: path)
        try await populate(store, voterCount: voterCount)
        return store
    }

    /// Creates the tenant, both processes and `voterCount` voters through the store's API.
    static func populate(_ store: some ParticipationStorage, voterCount: Int) async throws {
        try await store.insertTenant(tenant)
        for process in [onlineProcess, paperProcess] {
            let value = ParticipatoryProcess(
                id: process, tenantID: tenant.id, kind: .participatoryBudget, title: "Budget \(process)",
                phases: [Phase(id: "vote", name: "Vote", kind: .vote, allowedActions: [.vote])], createdAt: date)
            let audit = AuditEntry(
                id: AuditEntryID(rawValue: "create-\(process)"), tenantID: tenant.id, actorID: "agent-1", at: date,
                action: "process.created", subject: "process:\(process)")
            try await store.insertProcess(value, audit: audit)
        }
        let voters = (0..<voterCount).map {
            Participant(id: voter($0), tenantID: tenant.id, displayName: "Voter \($0)", registeredAt: date)
        }
        try await store.insertParticipants(voters)
    }
}

