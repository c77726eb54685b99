/// The order in which every rule breaks ties between projects: project ids compared by Unicode
/// scalar values, like Python's `str <` in pabutools (so `"10" < "9"` and `"P0102" < "P92"`).
///
/// UTF-8 preserves scalar order, so comparing the UTF-8 bytes gives the same answer without
/// decoding.
public enum ProjectIdentifierOrder {
    /// Whether `first` comes strictly before `second`.
    public static func precedes(_ first: String, _ second: String) -> Bool {
        first.utf8.lexicographicallyPrecedes(second.utf8)
    }
}
