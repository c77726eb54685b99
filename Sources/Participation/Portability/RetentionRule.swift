#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which participants' personal data a retention run anonymises. See `Docs/PORTABILITY.md`.
///
/// A process's retention period (``ParticipatoryProcess/retentionDays``) runs from its
/// archiving (``ParticipatoryProcess/archivedAt``). A participant is due when all of these hold:
/// - they are a citizen account: not staff (kind `.staff`, or any role besides citizen);
/// - they are not erased already;
/// - they took part in at least one process (authored a proposition or petition, commented,
///   voted on a comment, supported, gave an opinion, signed, answered a questionnaire, cast a
///   ballot or a votation ballot, or tagged a contribution);
/// - every process they took part in is archived with a retention period, and that period has
///   ended on `now`.
/// A process without a retention period keeps its participants' data until it gets one, and
/// a participant active in a live process is never anonymised by retention.
public enum RetentionRule {
    /// The participants of `archive` due for anonymisation on `now`, in id order.
    public static func participantsDue(in archive: TenantArchive, now: Date) -> [ParticipantID] {
        let expired: Set<ProcessID> = Set(
            archive.processes.filter { process in
                guard let archivedAt = process.archivedAt, let days = process.retentionDays else { return false }
                return archivedAt.addingTimeInterval(Double(days) * 86_400) <= now
            }.map(\.id))
        let processes = processesTakenPart(in: archive)
        return archive.participants.filter { participant in
            guard participant.kind != .staff, participant.roles.isSubset(of: [.citizen]), !participant.isErased,
                let taken = processes[participant.id], !taken.isEmpty
            else { return false }
            return taken.isSubset(of: expired)
        }.map(\.id).sorted()
    }

    /// The processes each participant took part in.
    public static func processesTakenPart(in archive: TenantArchive) -> [ParticipantID: Set<ProcessID>] {
        var result: [ParticipantID: Set<ProcessID>] = [:]
        func add(_ participant: ParticipantID, _ process: ProcessID) { result[participant, default: []].insert(process) }
        let commentProcess = Dictionary(archive.comments.map { ($0.id, $0.processID) }, uniquingKeysWith: { first, _ in first })
        let votationProcess = Dictionary(archive.votations.map { ($0.id, $0.processID) }, uniquingKeysWith: { first, _ in first })
        let questionnaireProcess = Dictionary(
            archive.questionnaires.map { ($0.id, $0.processID) }, uniquingKeysWith: { first, _ in first })
        for record in archive.propositions { for author in record.proposition.authors { add(author, record.proposition.processID) } }
        for record in archive.petitions {
            for author in record.petition.authors { add(author, record.petition.processID) }
            for signature in record.signatures { add(signature.signerID, record.petition.processID) }
        }
        for comment in archive.comments { add(comment.authorID, comment.processID) }
        for vote in archive.commentVotes { if let process = commentProcess[vote.commentID] { add(vote.voterID, process) } }
        for support in archive.supports { add(support.supporterID, support.processID) }
        for opinion in archive.opinions { add(opinion.participantID, opinion.processID) }
        for response in archive.questionnaireResponses {
            if let process = questionnaireProcess[response.questionnaireID] { add(response.participantID, process) }
        }
        for ballot in archive.ballots { add(ballot.voterID, ballot.processID) }
        for ballot in archive.votationBallots { if let process = votationProcess[ballot.votationID] { add(ballot.voterID, process) } }
        for tag in archive.contributionTags { add(tag.taggedBy, tag.processID) }
        return result
    }
}
