extension Schema {
    /// A string holding one of the raw values of `type`.
    static func enumeration<Value: CaseIterable & RawRepresentable>(_ type: Value.Type) -> Schema
    where Value.RawValue == String {
        .string(allowed: type.allCases.map(\.rawValue))
    }
}
