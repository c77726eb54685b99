import HTTPTypes
import Participation

/// Accounting for a process: realisation timelines, archiving, the open-data export,
/// participation statistics and representativeness.
enum AccountabilityRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .post, "/tenants/{tenantID}/propositions/{propositionID}/realisation-events",
            summary: "Record a step of a retained project's realisation (staff who follow realisation)",
            tag: "accountability", access: .participant, request: RealisationEventRequestBody.schema, status: .created,
            response: RealisationTimelineBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(RealisationEventRequestBody.self)
            let timeline = try await request.service.recordRealisationEvent(
                body.kind, on: body.on, note: body.note ?? "", progressPercent: body.progressPercent,
                spentToDate: body.spentToDate, for: try request.id("propositionID"), by: try request.caller())
            return .json(RealisationTimelineBody(timeline), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/propositions/{propositionID}/realisation",
            summary: "A project's realisation timeline", tag: "accountability", access: .public,
            response: RealisationTimelineBody.schema, errors: ErrorStatuses.read
        ) { request in
            .json(RealisationTimelineBody(
                try await request.service.realisationTimeline(of: try request.id("propositionID"), in: try request.tenantID())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/archive",
            summary: "Archive a process with no open phase: readable, never changed again (administrators)",
            tag: "accountability", access: .participant, request: ArchiveBody.schema, response: ProcessBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(ArchiveBody.self)
            let process = try await request.service.archiveProcess(
                try request.id("processID"), retentionDays: body.retentionDays, by: try request.caller())
            return .json(ProcessBody(process))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/open-data",
            summary: "The open-data export: tables without personal data, pseudonymised (administrators)",
            tag: "accountability", access: .participant, request: OpenDataRequestBody.schema,
            response: OpenDataSchema.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(OpenDataRequestBody.self)
            let export = try await request.service.openDataExport(
                of: try request.id("processID"), secret: body.secret,
                minimumGroupSize: body.minimumGroupSize ?? OpenDataExport.defaultMinimumGroupSize, by: try request.caller())
            return .json(export)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/statistics",
            summary: "Participation figures (administrators, officials; aggregate only)", tag: "accountability",
            access: .participant, response: ProcessStatisticsBody.schema, errors: ErrorStatuses.authenticatedRead
        ) { request in
            .json(ProcessStatisticsBody(try await request.service.processStatistics(of: try request.id("processID"), by: try request.caller())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/representativeness",
            summary: "Turnout and representation per district and age bracket against a census (administrators, officials)",
            tag: "accountability", access: .participant, request: CensusBody.schema, response: RepresentativenessBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(CensusBody.self)
            let report = try await request.service.representativeness(
                of: try request.id("processID"), census: try body.census(), on: body.on, by: try request.caller())
            return .json(RepresentativenessBody(report))
        },
    ]
}
