/// Input checks shared by the services. Each throws ``ParticipationError/Code/invalidInput``
/// naming the field.
enum Validate {
    /// A trimmed, non-empty text of at most `maximumLength` characters.
    static func text(_ value: String, field: String, maximumLength: Int = 200) throws -> String {
        let trimmed = trimmed(value)
        guard !trimmed.isEmpty else { throw ParticipationError.invalid(field, "\(field) must not be empty") }
        guard trimmed.count <= maximumLength else {
            throw ParticipationError.invalid(field, "\(field) must be at most \(maximumLength) characters")
        }
        return trimmed
    }

    /// A required reason or justification (staff acts that must be explained).
    static func reason(_ value: String?, field: String = "reason") throws -> String {
        try text(value ?? "", field: field, maximumLength: 2_000)
    }

    /// A non-negative amount of integer cents.
    static func cents(_ value: Int64, field: String) throws -> Int64 {
        guard value >= 0 else { throw ParticipationError.invalid(field, "\(field) must not be negative") }
        return value
    }

    /// `value` without leading and trailing white space.
    static func trimmed(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        // A last non-white scalar exists because a first one does.
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
