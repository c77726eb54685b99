#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decoding that tolerates documents written before a field existed: stored processes (the
/// SQLite backend keeps them as JSON, tenant exports keep them as files) stay readable when
/// the library adds a setting with a default.
extension ParticipatoryProcess {
    enum CodingKeys: String, CodingKey {
        case id, tenantID, kind, title, summary, phases, eligibility, displayPolicy, requiresCharter, voteRules, budget
        case frozenBallot, publishedResult, resultHistory, archivedAt, retentionDays, allowsCitizenTagging, moderation, revision, createdAt
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(ProcessID.self, forKey: .id),
            tenantID: try container.decode(TenantID.self, forKey: .tenantID),
            kind: try container.decode(ProcessKind.self, forKey: .kind),
            title: try container.decode(String.self, forKey: .title),
            summary: try container.decodeIfPresent(String.self, forKey: .summary) ?? "",
            phases: try container.decode([Phase].self, forKey: .phases),
            eligibility: try container.decodeIfPresent([ParticipationAction: EligibilityRule].self, forKey: .eligibility) ?? [:],
            displayPolicy: try container.decodeIfPresent(DisplayPolicy.self, forKey: .displayPolicy) ?? .realName,
            requiresCharter: try container.decodeIfPresent(Bool.self, forKey: .requiresCharter) ?? true,
            voteRules: try container.decodeIfPresent(VoteRules.self, forKey: .voteRules),
            budget: try container.decodeIfPresent(BudgetSettings.self, forKey: .budget),
            frozenBallot: try container.decodeIfPresent(FrozenBallot.self, forKey: .frozenBallot),
            publishedResult: try container.decodeIfPresent(BudgetResult.self, forKey: .publishedResult),
            resultHistory: try container.decodeIfPresent([BudgetResult].self, forKey: .resultHistory) ?? [],
            archivedAt: try container.decodeIfPresent(Date.self, forKey: .archivedAt),
            retentionDays: try container.decodeIfPresent(Int.self, forKey: .retentionDays),
            allowsCitizenTagging: try container.decodeIfPresent(Bool.self, forKey: .allowsCitizenTagging) ?? false,
            moderation: try container.decodeIfPresent(ModerationSettings.self, forKey: .moderation) ?? ModerationSettings(),
            revision: try container.decodeIfPresent(Int.self, forKey: .revision) ?? 0,
            createdAt: try container.decode(Date.self, forKey: .createdAt))
    }
}
