/// What the public may see: the one filter every public path goes through (open data,
/// statistics, synthesis citations, groupings of contributions). A rule that hides content
/// (moderation, drafts, unpublished syntheses) belongs here, so that no public output can
/// forget it.
public enum PublicVisibility {
    /// A proposition is public once published (withdrawn ones stay visible with that lifecycle).
    public static func isPublic(_ proposition: Proposition) -> Bool {
        proposition.lifecycle != .draft && proposition.status != .draft
    }

    /// A comment is public once posted.
    public static func isPublic(_ comment: ContributionComment) -> Bool { true }

    /// A synthesis is public once published.
    public static func isPublic(_ synthesis: Synthesis) -> Bool { synthesis.state == .published }
}
