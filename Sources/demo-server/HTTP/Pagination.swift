import HTTPTypes
import HummingbirdCore
import Hummingbird

/// Which page of a list the client asked for: `?limit=` (default 50, at most 200) and the
/// cursor `?after=` (the id of the last item of the previous page).
struct PageRequest: Sendable, Equatable {
    static let defaultLimit = 50
    static let maximumLimit = 200

    let limit: Int
    let after: String?

    init(limit: Int = PageRequest.defaultLimit, after: String? = nil) {
        self.limit = limit
        self.after = after
    }

    /// The page asked for in the query of `uri`; a limit that is not a number in
    /// 1...``maximumLimit`` is refused rather than silently clamped.
    init(query uri: URI) throws {
        let parameters = uri.queryParameters
        var limit = Self.defaultLimit
        if let raw = parameters["limit"] {
            guard let value = Int(raw), (1...Self.maximumLimit).contains(value) else {
                throw APIError.malformed("limit must be a whole number within 1...\(Self.maximumLimit)", field: "limit")
            }
            limit = value
        }
        let after = parameters["after"].map(String.init)
        if let after, after.isEmpty { throw APIError.malformed("after must not be empty", field: "after") }
        self.init(limit: limit, after: after)
    }

    /// The page of `items` (in their stable order) after the cursor.
    func page<Item>(of items: [Item], id: (Item) -> String) throws -> Page<Item> {
        var start = items.startIndex
        if let after {
            guard let index = items.firstIndex(where: { id($0) == after }) else {
                throw APIError.malformed("the cursor '\(after)' names no item of this list", field: "after")
            }
            start = index + 1
        }
        let slice = Array(items[start...].prefix(limit))
        let hasMore = start + slice.count < items.count
        return Page(items: slice, next: hasMore ? slice.last.map(id) : nil)
    }
}

/// One page of a list, with the cursor of the next page when there is one.
struct Page<Item> {
    let items: [Item]
    /// Pass it as `?after=` to get the next page; absent on the last page.
    let next: String?

    /// The same page with its items converted.
    func map<Other>(_ transform: (Item) throws -> Other) rethrows -> Page<Other> {
        Page<Other>(items: try items.map(transform), next: next)
    }

    /// The schema of a page of `item`.
    static func schema(of item: Schema) -> Schema {
        .object([.required("items", .array(item)), .optional("next", .text)])
    }
}

extension Page: Encodable where Item: Encodable {}
extension Page: Sendable where Item: Sendable {}

extension PageRequest {
    /// The page of `items` that have no id of their own (history entries), their position
    /// in the list serving as cursor.
    func page<Item>(ofPositions items: [Item]) throws -> Page<Item> {
        try page(of: Array(items.enumerated())) { String($0.offset) }.map(\.element)
    }
}
