#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything public about a process that the open-data export draws on, gathered by the service.
public struct OpenDataSource: Sendable {
    /// A proposition with its public history and realisation.
    public struct PropositionRecord: Sendable {
        public let proposition: Proposition
        public let statusHistory: [StatusChange]
        public let realisation: [RealisationEvent]

        public init(proposition: Proposition, statusHistory: [StatusChange], realisation: [RealisationEvent]) {
            self.proposition = proposition
            self.statusHistory = statusHistory
            self.realisation = realisation
        }
    }

    public let tenant: Tenant
    public let process: ParticipatoryProcess
    public let propositions: [PropositionRecord]
    /// The counted ballots, or nil while the vote's counts are not public.
    public let ballots: [Ballot]?
    /// The participants who took part, used only for the aggregate tables.
    public let participants: [Participant]
    /// The public acts of participation (ballots only once counts are public), used only for
    /// the aggregate table by type.
    public let records: [ParticipationRecord]
    public let generatedAt: Date

    public init(
        tenant: Tenant, process: ParticipatoryProcess, propositions: [PropositionRecord], ballots: [Ballot]?,
        participants: [Participant], records: [ParticipationRecord] = [], generatedAt: Date
    ) {
        self.records = records
        self.tenant = tenant
        self.process = process
        self.propositions = propositions
        self.ballots = ballots
        self.participants = participants
        self.generatedAt = generatedAt
    }
}

/// Builds the open-data export from public facts: a pure function, so what it leaves out is
/// easy to review.
///
/// Left out, always: names, pseudonyms chosen by participants, birth dates, profiles, raw
/// participant ids (replaced by keyed pseudonyms), agents and polling stations of ballots,
/// ballot times, draft propositions. Ballots and results appear only once the vote's counts
/// are public. Aggregates by district and age go through ``SmallCellSuppression``.
public enum OpenDataBuilder {
    /// The export of `source`.
    public static func build(_ source: OpenDataSource, pseudonymiser: Pseudonymiser, minimumGroupSize: Int)
        -> OpenDataExport
    {
        let published = source.propositions
            .filter { $0.proposition.lifecycle != .draft && $0.proposition.status != .draft }
            .sorted { $0.proposition.id < $1.proposition.id }
        var tables = [
            propositions(published, authorKey: authorKey(for: source.process, pseudonymiser: pseudonymiser)),
            statusHistory(published),
            realisation(published),
        ]
        if let ballots = source.ballots {
            tables.append(ballotTable(ballots, pseudonymiser: pseudonymiser))
        }
        if let result = source.process.publishedResult { tables.append(results(result)) }
        tables.append(byType(source, minimumGroupSize: minimumGroupSize))
        tables.append(byDistrict(source, minimumGroupSize: minimumGroupSize))
        tables.append(byAge(source, minimumGroupSize: minimumGroupSize))
        return OpenDataExport(
            tenantID: source.tenant.id, processID: source.process.id, processTitle: source.process.title,
            generatedAt: source.generatedAt, minimumGroupSize: minimumGroupSize, tables: tables)
    }

    /// How authors appear in open data under the process's ``DisplayPolicy``: one pseudonym per
    /// person in the tenant where names are public, one per person and process under
    /// pseudonyms (so two processes cannot be linked), nothing at all when anonymous.
    static func authorKey(for process: ParticipatoryProcess, pseudonymiser: Pseudonymiser) -> (ParticipantID) -> String? {
        switch process.displayPolicy {
        case .realName: { pseudonymiser.pseudonym(for: $0) }
        case .pseudonym: { pseudonymiser.opaqueKey(for: "pseudo", "\(process.id.rawValue)\u{0}\($0.rawValue)") }
        case .anonymous: { _ in nil }
        }
    }

    static func propositions(_ records: [OpenDataSource.PropositionRecord], authorKey: (ParticipantID) -> String?) -> OpenDataTable {
        OpenDataTable(
            name: "propositions", description: "Published propositions and projects (drafts never appear).",
            columns: [
                OpenDataColumn("proposition_id", "id", "The proposition's id, as in every other file."),
                OpenDataColumn("title", "text", "Its title."),
                OpenDataColumn("body", "text", "Its text, latest version."),
                OpenDataColumn("status", "text", "Public status: submitted, under-review, admissible, inadmissible, retained, not-retained, withdrawn, in-progress, realised, or a status of the collectivité."),
                OpenDataColumn("lifecycle", "text", "published or withdrawn (by its author)."),
                OpenDataColumn("origin", "text", "online, or the offline source it was transcribed from (paperForm, labelledVenue, marketStand, workshop)."),
                OpenDataColumn("district_id", "id", "The district the project is for; empty for city-wide."),
                OpenDataColumn("themes", "list", "Its themes."),
                OpenDataColumn("estimated_cost_cents", "integer", "Estimated cost in euro cents; empty when none."),
                OpenDataColumn("version", "integer", "Number of the latest text version."),
                OpenDataColumn("created_at", "date", "When it was created."),
                OpenDataColumn("author_pseudonyms", "list", "Its authors as pseudonymous ids, never the person's name or account id: stable within the tenant's exports where the process shows real names, within the process where it shows pseudonyms, and empty where it is anonymous."),
            ],
            rows: records.map { record in
                let proposition = record.proposition
                let origin: String =
                    switch proposition.origin {
                    case .online: "online"
                    case .transcribed(let source, _, _): source.rawValue
                    }
                return [
                    .text(proposition.id.rawValue), .text(proposition.title), .text(proposition.body),
                    .text(proposition.status.rawValue), .text(proposition.lifecycle.rawValue), .text(origin),
                    proposition.districtID.map { .text($0.rawValue) } ?? .null, .list(proposition.themes.sorted()),
                    .integer(proposition.estimatedCost), .integer(Int64(proposition.version)),
                    .date(proposition.createdAt), .list(proposition.authors.compactMap(authorKey)),
                ]
            })
    }

    static func statusHistory(_ records: [OpenDataSource.PropositionRecord]) -> OpenDataTable {
        OpenDataTable(
            name: "status_history", description: "Every public status a proposition went through, with its justification.",
            columns: [
                OpenDataColumn("proposition_id", "id", "The proposition."),
                OpenDataColumn("sequence", "integer", "1 for its first status, then 2, 3…"),
                OpenDataColumn("status", "text", "The status it took."),
                OpenDataColumn("reason", "text", "The review reason code, when the status is a review decision."),
                OpenDataColumn("justification", "text", "The public justification."),
                OpenDataColumn("at", "date", "When."),
            ],
            rows: records.flatMap { record in
                record.statusHistory.enumerated().map { index, change in
                    [
                        .text(record.proposition.id.rawValue), .integer(Int64(index + 1)), .text(change.status.rawValue),
                        change.reason.map { .text($0.rawValue) } ?? .null, .text(change.justification), .date(change.at),
                    ]
                }
            })
    }

    static func realisation(_ records: [OpenDataSource.PropositionRecord]) -> OpenDataTable {
        OpenDataTable(
            name: "realisation", description: "The realisation timeline of retained projects.",
            columns: [
                OpenDataColumn("proposition_id", "id", "The project."),
                OpenDataColumn("sequence", "integer", "1 for its first step, then 2, 3…"),
                OpenDataColumn("kind", "text", "study, tender, worksStarted, progressUpdate, delivered or abandoned."),
                OpenDataColumn("on", "date", "When the step happened."),
                OpenDataColumn("note", "text", "Public note; for an abandonment, its reason."),
                OpenDataColumn("progress_percent", "integer", "Progress reported, 0 to 100; empty when not reported."),
                OpenDataColumn("spent_to_date_cents", "integer", "Money spent so far in euro cents (cumulative); empty when not reported."),
                OpenDataColumn("estimated_cost_cents", "integer", "The project's estimate in euro cents, to compare."),
            ],
            rows: records.flatMap { record in
                record.realisation.enumerated().map { index, event in
                    [
                        .text(record.proposition.id.rawValue), .integer(Int64(index + 1)), .text(event.kind.rawValue),
                        .date(event.on), .text(event.note), .integer(event.progressPercent.map(Int64.init)),
                        .integer(event.spentToDate), .integer(record.proposition.estimatedCost),
                    ]
                }
            })
    }

    static func ballotTable(_ ballots: [Ballot], pseudonymiser: Pseudonymiser) -> OpenDataTable {
        // Ballots carry no voter at all, not even a pseudonym: authors' pseudonyms appear in
        // propositions.csv, and a shared pseudonym would reveal how a known author voted.
        // Rows are ordered by an opaque key so that their order says nothing of when they came.
        let rows: [(key: String, row: [OpenDataValue])] = ballots.map { ballot in
            let key = pseudonymiser.opaqueKey(for: "ballot", ballot.id.rawValue)
            return (
                key,
                [
                    .text(key), ballot.scope.map { .text($0.rawValue) } ?? .null, .text(ballot.channel.name),
                    .list(ballot.choices.map(\.propositionID.rawValue)), .list(ballot.choices.map { String($0.points) }),
                ]
            )
        }
        return OpenDataTable(
            name: "ballots", description: "Every counted ballot, anonymous, so that anyone can recount.",
            columns: [
                OpenDataColumn("ballot_key", "id", "An opaque key, unrelated to the voter and to the order of voting."),
                OpenDataColumn("scope", "id", "The district ballot it belongs to; empty for the city-wide ballot."),
                OpenDataColumn("channel", "text", "online, kiosk, assisted or paper."),
                OpenDataColumn("choices", "list", "The chosen proposition ids, in the ballot's order (best first for ranked ballots)."),
                OpenDataColumn("points", "list", "Points per choice, in the same order (1 except on cumulative ballots)."),
            ],
            rows: rows.sorted { $0.key < $1.key }.map(\.row))
    }

    static func results(_ result: BudgetResult) -> OpenDataTable {
        OpenDataTable(
            name: "results", description: "The published result: per scope and project, its support and whether it won.",
            columns: [
                OpenDataColumn("scope", "id", "The district ballot; empty for the city-wide ballot."),
                OpenDataColumn("proposition_id", "id", "The project."),
                OpenDataColumn("supporters", "integer", "Ballots that chose it."),
                OpenDataColumn("selected", "boolean", "Whether it won."),
                OpenDataColumn("scope_ballots", "integer", "Ballots counted in the scope."),
                OpenDataColumn("scope_envelope_cents", "integer", "The scope's envelope in euro cents."),
                OpenDataColumn("rule", "text", "The counting rule."),
                OpenDataColumn("published_at", "date", "When the result was published."),
            ],
            rows: result.scopes.flatMap { scope in
                scope.supporters.keys.sorted().map { project -> [OpenDataValue] in
                    [
                        scope.scope.map { .text($0.rawValue) } ?? .null, .text(project.rawValue),
                        .integer(Int64(scope.supporters[project] ?? 0)), .boolean(scope.selected.contains(project)),
                        .integer(Int64(scope.ballots)), .integer(scope.envelope), .text(result.rule), .date(result.publishedAt),
                    ]
                }
            })
    }

    static func groupColumns(_ group: String, _ description: String) -> [OpenDataColumn] {
        [
            OpenDataColumn(group, "text", description),
            OpenDataColumn("participants", "integer", "Distinct participants in the group; empty when suppressed."),
            OpenDataColumn("suppressed", "boolean", "true when the group is smaller than the minimum group size (or hidden so that such a group cannot be recomputed)."),
        ]
    }

    static func aggregate(_ counts: [(String, Int)], minimumGroupSize: Int) -> [[OpenDataValue]] {
        let shown = SmallCellSuppression.apply(counts.map(\.1), minimumGroupSize: minimumGroupSize)
        return zip(counts, shown).map { entry, value in
            [.text(entry.0), .integer(value.map(Int64.init)), .boolean(value == nil)]
        }
    }

    static func byType(_ source: OpenDataSource, minimumGroupSize: Int) -> OpenDataTable {
        let types = Set(source.records.map(\.type)).sorted()
        let participants = types.map { type in Set(source.records.filter { $0.type == type }.map(\.participantID)).count }
        let shown = SmallCellSuppression.apply(participants, minimumGroupSize: minimumGroupSize)
        return OpenDataTable(
            name: "participation_by_type",
            description: "Public acts of participation per type, and the distinct participants behind them (small groups suppressed).",
            columns: [
                OpenDataColumn("type", "text", "proposition, comment, support, opinion, signature, questionnaire-response or ballot (ballots once counts are public)."),
                OpenDataColumn("acts", "integer", "How many acts of that type."),
                OpenDataColumn("participants", "integer", "Distinct participants who did at least one; empty when suppressed."),
                OpenDataColumn("suppressed", "boolean", "true when the participant count is hidden (small group, or so that one cannot be recomputed)."),
            ],
            rows: zip(types, shown).map { type, value in
                [
                    .text(type), .integer(Int64(source.records.filter { $0.type == type }.count)),
                    .integer(value.map(Int64.init)), .boolean(value == nil),
                ]
            })
    }

    static func byDistrict(_ source: OpenDataSource, minimumGroupSize: Int) -> OpenDataTable {
        var counts = source.tenant.districts.map { district in
            (district.id.rawValue, source.participants.filter { $0.profile.districtID == district.id }.count)
        }
        counts.append(("unknown", source.participants.filter { $0.profile.districtID == nil }.count))
        return OpenDataTable(
            name: "participation_by_district",
            description: "Distinct participants per district of residence, small groups suppressed.",
            columns: groupColumns("district_id", "The district, or unknown when not given."),
            rows: aggregate(counts, minimumGroupSize: minimumGroupSize))
    }

    static func byAge(_ source: OpenDataSource, minimumGroupSize: Int) -> OpenDataTable {
        let brackets = source.participants.map {
            AgeGrouping.bracket(of: $0.profile, on: source.generatedAt, among: AgeBracket.standard)
        }
        var counts = AgeBracket.standard.map { bracket in (bracket.label, brackets.filter { $0 == bracket }.count) }
        counts.append(("unknown", brackets.filter { $0 == nil }.count))
        return OpenDataTable(
            name: "participation_by_age",
            description: "Distinct participants per age bracket on the export date, small groups suppressed.",
            columns: groupColumns("age_bracket", "The age bracket (0-17, 18-24, 25-34, 35-49, 50-64, 65+), or unknown."),
            rows: aggregate(counts, minimumGroupSize: minimumGroupSize))
    }
}
