import HTTPTypes
import Participation

/// Moderation: a process's settings; reports by participants; moderators' queue, records,
/// decisions and redactions; an author's view of their item; blocks.
enum ModerationRoutes {
    static let itemQuery = Endpoint.QueryParameter(
        name: "item", description: "proposition:<id>, comment:<id>, petition:<id> or opinion:<id>/<participant>", schema: .text)

    static let endpoints: [Endpoint] = [
        Endpoint(
            .put, "/tenants/{tenantID}/processes/{processID}/moderation-settings",
            summary: "Pre- or post-moderation and the report threshold; the mode is locked once a phase has opened (administrators)",
            tag: "moderation", access: .participant, request: ModerationSettingsBody.schema, response: ProcessBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(ModerationSettingsBody.self)
            let process = try await request.service.setModerationSettings(
                body.settings, of: try request.id("processID"), by: try request.caller())
            return .json(ProcessBody(process))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/moderation/reports",
            summary: "Report a proposition, comment, petition or opinion (enough reports hide it until a moderator decides)",
            tag: "moderation", access: .participant, request: ReportBody.schema, status: .created,
            response: ReportReceiptBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(ReportBody.self)
            let receipt = try await request.service.report(
                try ModeratedItemText.parse(body.item), reason: body.reason, note: body.note, by: try request.caller())
            return .json(ReportReceiptBody(hidItem: receipt.hidItem), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/moderation/queue", summary: "Items awaiting approval or with open reports (moderators)",
            tag: "moderation", access: .participant, query: [NotificationRoutes.limitQuery], response: ModerationQueueBody.schema,
            errors: ErrorStatuses.authenticatedRead
        ) { request in
            .json(ModerationQueueBody(try await request.service.moderationQueue(limit: try request.limit(default: 100), by: try request.caller())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/moderation/decisions",
            summary: "Approve, hide, restore an item or dismiss its reports, with a reason (moderators)", tag: "moderation",
            access: .participant, request: DecisionBody.schema, response: ModerationStateBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(DecisionBody.self)
            let item = try ModeratedItemText.parse(body.item)
            let caller = try request.caller()
            let service = request.service
            let state =
                switch body.decision {
                case .approve: try await service.approve(item, reason: body.reason, by: caller)
                case .hide: try await service.hide(item, reason: body.reason, by: caller)
                case .restore: try await service.restore(item, reason: body.reason, by: caller)
                case .dismissReports: try await service.dismissReports(on: item, reason: body.reason, by: caller)
                }
            return .json(ModerationStateBody(state))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/moderation/redactions",
            summary: "Mask a fragment (a phone number, an address) in an item's public text, with a reason (moderators)",
            tag: "moderation", access: .participant, request: RedactionRequestBody.schema, status: .created,
            response: ModerationStateBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(RedactionRequestBody.self)
            let state = try await request.service.redact(
                try ModeratedItemText.parse(body.item), fragment: body.fragment, reason: body.reason, by: try request.caller())
            return .json(ModerationStateBody(state), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/moderation/record",
            summary: "One item's original text, state, redactions and reports (moderators)", tag: "moderation",
            access: .participant, query: [itemQuery], response: ModerationRecordBody.schema,
            errors: ErrorStatuses.authenticatedRead
        ) { request in
            let item = try ModeratedItemText.parse(try request.requiredQuery("item"))
            return .json(ModerationRecordBody(try await request.service.moderationRecord(of: item, by: try request.caller())))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/moderation/status",
            summary: "Where one's own item stands (visible, pending, hidden) and why (its authors, moderators)",
            tag: "moderation", access: .participant, query: [itemQuery], response: ModerationStatusBody.schema,
            errors: ErrorStatuses.authenticatedRead
        ) { request in
            let item = try ModeratedItemText.parse(try request.requiredQuery("item"))
            return .json(ModerationStatusBody(try await request.service.moderationStatus(of: item, by: try request.caller())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/participants/{participantID}/block",
            summary: "Block a participant, soft or hard, with a justification (moderators)", tag: "moderation",
            access: .participant, request: BlockBody.schema, status: .created, response: BlockStateBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(BlockBody.self)
            let block = try await request.service.blockParticipant(
                try request.id("participantID"), kind: body.kind, justification: body.justification, by: try request.caller())
            return .json(BlockStateBody(block), status: .created)
        },
        Endpoint(
            .delete, "/tenants/{tenantID}/participants/{participantID}/block",
            summary: "Lift a participant's block, with a reason (moderators)", tag: "moderation", access: .participant,
            request: ReasonBody.schema, response: DoneBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(ReasonBody.self)
            try await request.service.unblockParticipant(try request.id("participantID"), reason: body.reason, by: try request.caller())
            return .json(DoneBody.ok)
        },
    ]
}
