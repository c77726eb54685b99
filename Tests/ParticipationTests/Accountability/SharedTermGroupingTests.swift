import Participation
import Testing

@Suite("Grouping contributions by shared words and tags")
struct SharedTermGroupingTests {
    @Test func sharedTermsGroupContributionsAndStopWordsAreDropped() {
        let groups = SharedTermGrouping.groups(of: [
            (id: "p1", text: "Des arbres dans le parc, pour l'ombre"),
            (id: "p2", text: "Planter des arbres rue Victor-Hugo"),
            (id: "p3", text: "Un parc pour les chiens et des arbres"),
            (id: "p4", text: "Bike lanes for the school"),
        ])
        #expect(groups.first == SharedTermGrouping.Group(term: "arbres", contributions: ["p1", "p2", "p3"]))
        #expect(groups.contains(SharedTermGrouping.Group(term: "parc", contributions: ["p1", "p3"])))
        #expect(!groups.contains { ["des", "pour", "les", "the", "for"].contains($0.term) })
        #expect(SharedTermGrouping.terms(of: "L'école, l'ÉCOLE et le vélo") == ["école", "vélo"])
    }

    @Test func tagsGroupContributions() {
        let groups = SharedTermGrouping.byTag([(id: "p2", tags: ["nature"]), (id: "p1", tags: ["nature", "mobilité"])])
        #expect(groups == ["nature": ["p1", "p2"], "mobilité": ["p1"]])
    }
}
