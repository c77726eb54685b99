/// Input checks shared by the services. Each throws ``ParticipationError/Code/invalidInput``
/// naming the field. Nothing is corrected: a value that is not exactly valid is refused.
enum Validate {
    /// A non-empty text of at most `maximumLength` characters, without white space at either
    /// end and without control characters other than tabs and line breaks. Returned unchanged.
    static func text(_ value: String, field: String, maximumLength: Int = 200) throws -> String {
        let trimmed = trimmed(value)
        guard !trimmed.isEmpty else { throw ParticipationError.invalid(field, "\(field) must not be empty") }
        guard trimmed.unicodeScalars.count == value.unicodeScalars.count else {
            throw ParticipationError.invalid(field, "\(field) must not start or end with white space")
        }
        guard value.count <= maximumLength else {
            throw ParticipationError.invalid(field, "\(field) must be at most \(maximumLength) characters")
        }
        if value.unicodeScalars.contains(where: isForbiddenControl) {
            throw ParticipationError.invalid(field, "\(field) must not contain control characters")
        }
        return value
    }

    /// C0 and C1 control characters, except tab, line feed and carriage return.
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0x7F...0x9F: true
        default: false
        }
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
