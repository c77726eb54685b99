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
        let archive = try await storage.tenantArchive(of: caller.tenantID)
        guard let process = archive.processes.first(where: { $0.id == processID }) else {
            throw ParticipationError.notFound("process", processID)
        }
        let records = ParticipationRecord.records(of: processID, in: archive, view: try await publicView(of: process))
        var earlier: Set<ParticipantID> = []
        for other in archive.processes where (other.createdAt, other.id.rawValue) < (process.createdAt, process.id.rawValue) {
            earlier.formUnion(
                ParticipationRecord.records(of: other.id, in: archive, view: try await publicView(of: other)).map(\.participantID))
        }
        let end = process.archivedAt ?? (process.phases.allSatisfy { $0.state == .closed } ? process.phases.compactMap(\.closedAt).max() : nil) ?? clock.now()
        let registrations = archive.participants.filter {
            $0.kind != .staff && $0.registeredAt >= process.createdAt && $0.registeredAt <= end
        }.count
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
        let archive = try await storage.tenantArchive(of: caller.tenantID)
        let date = date ?? clock.now()
        var districts: [String: Int] = [:]
        var ages: [String: Int] = [:]
        var unknownDistrict = 0
        var unknownAge = 0
        let brackets = census.byAge.map(\.bracket)
        guard let process = archive.processes.first(where: { $0.id == processID }) else {
            throw ParticipationError.notFound("process", processID)
        }
        let participantsByID = Dictionary(archive.participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in Set(ParticipationRecord.records(of: processID, in: archive, view: try await publicView(of: process))
            .map(\.participantID)).sorted() {
            guard let participant = participantsByID[id], participant.kind != .staff else { continue }
            if let district = participant.profile.districtID { districts[district.rawValue, default: 0] += 1 } else { unknownDistrict += 1 }
            if let bracket = AgeGrouping.bracket(of: participant.profile, on: date, among: brackets) {
                ages[bracket.label, default: 0] += 1
            } else {
                unknownAge += 1
            }
        }
        let tenant = archive.tenant
        let districtPopulation = tenant.districts.compactMap { district in
            census.byDistrict[district.id].map { (group: district.id.rawValue, eligible: $0) }
        }
        return RepresentativenessReport(
            byDistrict: Representativeness(population: districtPopulation, participants: districts, unclassified: unknownDistrict),
            byAge: Representativeness(
                population: census.byAge.map { (group: $0.bracket.label, eligible: $0.eligible) }, participants: ages,
                unclassified: unknownAge))
    }
}
