#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A value SQLite stores: one of its five storage classes.
///
/// Used to pass heterogeneous statement arguments in one array. Literals work:
/// `[42, "Ada", nil]`. Hot paths bind typed values directly on ``SQLiteStatement``
/// instead, which avoids building the array.
///
/// Related SQLite documentation: <https://www.sqlite.org/datatype3.html>
package enum SQLiteValue: Hashable, Sendable {
    /// A signed 64-bit integer.
    case integer(Int64)
    /// An IEEE 754 double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes.
    case blob(Data)
    /// SQL `NULL`.
    case null
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    package init(integerLiteral value: Int64) { self = .integer(value) }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    package init(floatLiteral value: Double) { self = .real(value) }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    package init(stringLiteral value: String) { self = .text(value) }
}

extension SQLiteValue: ExpressibleByNilLiteral {
    package init(nilLiteral: ()) { self = .null }
}

extension SQLiteValue {
    /// An integer, or `NULL` for `nil`.
    package init(_ value: Int64?) { self = value.map(SQLiteValue.integer) ?? .null }
    /// An integer, or `NULL` for `nil`.
    package init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    /// A double, or `NULL` for `nil`.
    package init(_ value: Double?) { self = value.map(SQLiteValue.real) ?? .null }
    /// Text, or `NULL` for `nil`.
    package init(_ value: String?) { self = value.map(SQLiteValue.text) ?? .null }
    /// A blob, or `NULL` for `nil`.
    package init(_ value: Data?) { self = value.map(SQLiteValue.blob) ?? .null }
}
