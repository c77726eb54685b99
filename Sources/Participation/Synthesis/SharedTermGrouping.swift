/// Groups contributions by the words they share: plain, explainable statistics to help staff
/// sort contributions by theme before writing a synthesis (no external service).
///
/// Method: lower-case the text, split on every character that is not a letter or a digit,
/// drop words shorter than 3 letters and French and English stop words, count each remaining
/// term once per contribution, and keep the terms found in at least `minimumContributions`
/// contributions. Groups are ordered by how many contributions share the term, then by term.
public enum SharedTermGrouping {
    /// One shared term and the contributions that use it.
    public struct Group: Hashable, Sendable {
        public let term: String
        public let contributions: [String]

        public init(term: String, contributions: [String]) {
            self.term = term
            self.contributions = contributions
        }
    }

    /// The terms of `text`, once each, in first-seen order.
    public static func terms(of text: String) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        var word = ""
        func flush() {
            if word.count >= 3, !stopWords.contains(word), seen.insert(word).inserted { result.append(word) }
            word = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber { word.append(character) } else { flush() }
        }
        flush()
        return result
    }

    /// Groups `contributions` (id, text) by shared terms.
    public static func groups(of contributions: [(id: String, text: String)], minimumContributions: Int = 2) -> [Group] {
        var byTerm: [String: [String]] = [:]
        for contribution in contributions {
            for term in terms(of: contribution.text) { byTerm[term, default: []].append(contribution.id) }
        }
        return byTerm.filter { $0.value.count >= max(1, minimumContributions) }
            .map { Group(term: $0.key, contributions: $0.value.sorted()) }
            .sorted { ($0.contributions.count, $1.term) > ($1.contributions.count, $0.term) }
    }

    /// Contributions grouped by their tags (themes), each tag's contributions sorted.
    public static func byTag(_ tagged: [(id: String, tags: Set<String>)]) -> [String: [String]] {
        var groups: [String: [String]] = [:]
        for item in tagged { for tag in item.tags { groups[tag, default: []].append(item.id) } }
        return groups.mapValues { $0.sorted() }
    }

    /// Common French and English words that say nothing about a theme.
    public static let stopWords: Set<String> = [
        "les", "des", "une", "dans", "pour", "par", "sur", "avec", "sans", "sous", "entre", "vers", "chez", "aux",
        "est", "sont", "été", "être", "avoir", "ont", "fait", "faire", "plus", "moins", "très", "tout", "tous",
        "toute", "toutes", "cette", "ces", "cet", "ceux", "celle", "qui", "que", "quoi", "dont", "où", "mais",
        "donc", "car", "pas", "peu", "aussi", "comme", "leur", "leurs", "nos", "notre", "vos", "votre", "son",
        "ses", "elle", "elles", "ils", "nous", "vous", "même", "afin", "ainsi", "encore", "bien", "faut",
        "the", "and", "for", "with", "that", "this", "these", "those", "are", "was", "were", "been", "have",
        "has", "had", "not", "but", "from", "into", "onto", "our", "your", "their", "there", "here", "they",
        "them", "more", "less", "very", "all", "any", "some", "can", "could", "should", "would", "will",
    ]
}
