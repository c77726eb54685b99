#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ParticipationService {
    /// The participation figures of a process (see ``ProcessStatistics``). Administrators and
    /// officials; aggregate only.
    public func processStatistics(of processID: ProcessID, by caller: Caller) async throws -> ProcessStatistics {
        try await authorize(caller, for: .readStatistics)
        let process = try await storage.process(processID, in: caller.tenantID)
        let records = try await participationRecords(of: process)
        var earlier: Set<ParticipantID> = []
        for other in try await storage.processes(in: caller.tenantID)
        where (other.createdAt, other.id.rawValue) < (process.createdAt, process.id.rawValue) {
            earlier.formUnion(try await participationRecords(of: other).map(\.participantID))
        }
        let end = process.archivedAt ?? (process.phases.allSatisfy { $0.state == .closed } ? process.phases.compactMap(\.closedAt).max() : nil) ?? clock.now()
        var registrations = 0
        var after: ParticipantID?
        while true {
            let page = try await storage.participants(in: caller.tenantID, after: after, limit: 500)
            registrations += page.filter { $0.kind != .staff && $0.registeredAt >= process.createdAt && $0.registeredAt <= end }.count
            guard let last = page.last else { break }
            after = last.id
        }
        return ProcessStatistics(records: records, registrations: registrations, earlierParticipants: earlier)
    }

    /// Turnout per district and per age bracket against the census the tenant supplies, and how
    /// far the participants' mix is from the population's (see ``Representativeness``). Ages are
    /// taken on `date` (default: now). Administrators and officials; aggregate only.
    public func representativeness(of processID: ProcessID, census: Census, on date: Date? = nil, by caller: Caller)
        async throws -> RepresentativenessReport
    {
        try await authorize(caller, for: .readStatistics)
        for (field, value) in census.byDistrict.map({ ("census.byDistrict", $0.value) }) + census.byAge.map({ ("census.byAge", $0.eligible) })
        where value < 0 {
            throw ParticipationError.invalid(field, "census figures cannot be negative")
        }
        let process = try await storage.process(processID, in: caller.tenantID)
        let date = date ?? clock.now()
        var districts: [String: Int] = [:]
        var ages: [String: Int] = [:]
        var unknownDistrict = 0
        var unknownAge = 0
        let brackets = census.byAge.map(\.bracket)
        for id in Set(try await participationRecords(of: process).map(\.participantID)).sorted() {
            let participant = try await storage.participant(id, in: caller.tenantID)
            guard participant.kind != .staff else { continue }
            if let district = participant.profile.districtID { districts[district.rawValue, default: 0] += 1 } else { unknownDistrict += 1 }
            if let bracket = AgeGrouping.bracket(of: participant.profile, on: date, among: brackets) {
                ages[bracket.label, default: 0] += 1
            } else {
                unknownAge += 1
            }
        }
        let tenant = try await storage.tenant(caller.tenantID)
        let districtPopulation = tenant.districts.compactMap { district in
            census.byDistrict[district.id].map { (group: district.id.rawValue, eligible: $0) }
        }
        return RepresentativenessReport(
            byDistrict: Representativeness(population: districtPopulation, participants: districts, unclassified: unknownDistrict),
            byAge: Representativeness(
                population: census.byAge.map { (group: $0.bracket.label, eligible: $0.eligible) }, participants: ages,
                unclassified: unknownAge))
    }

    /// Every act of participation in `process`: published propositions (attributed to the
    /// author who submitted them) and counted ballots. Contributions added later (comments,
    /// supports, opinions, signatures) join here.
    func participationRecords(of process: ParticipatoryProcess) async throws -> [ParticipationRecord] {
        var records: [ParticipationRecord] = []
        for proposition in try await storage.propositions(of: process.id, in: process.tenantID)
        where proposition.lifecycle != .draft {
            guard let author = proposition.authors.first else { continue }
            let offline = if case .transcribed = proposition.origin { true } else { false }
            records.append(ParticipationRecord(participantID: author, type: "proposition", isOffline: offline))
        }
        try await forEachBallot(of: process) { ballot in
            let offline: Bool =
                switch ballot.channel {
                case .online, .kiosk: false
                case .paper, .assisted: true
                }
            records.append(ParticipationRecord(participantID: ballot.voterID, type: "ballot", channel: ballot.channel.name, isOffline: offline))
        }
        return records
    }
}
