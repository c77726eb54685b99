/// Encodes any `Encodable` value as canonical JSON: the same value always gives the same bytes.
///
/// `JSONEncoder` with `.sortedKeys` is not enough for that: a `Set` encodes in hash order, which
/// changes between runs and even between two equal sets, and a dictionary whose key is neither
/// `String` nor `Int` encodes as a flat `[key, value, …]` array in hash order. This encoder
/// sorts object keys by their UTF-8 bytes, writes sets as arrays sorted by each element's
/// canonical text, and writes such dictionaries' `[key, value, …]` pairs sorted by key the same
/// way. The output is ordinary JSON that `JSONDecoder` reads back (with its default
/// `.deferredToDate` strategy: dates are seconds since 2001-01-01T00:00:00Z, written exactly).
public struct CanonicalJSONEncoder: Sendable {
    public init() {}

    /// The canonical JSON text of `value`, as UTF-8 bytes.
    /// - Throws: `EncodingError.invalidValue` for a non-finite floating-point number.
    public func encode(_ value: some Encodable) throws -> [UInt8] {
        Array(try encodeToString(value).utf8)
    }

    /// The canonical JSON text of `value`.
    public func encodeToString(_ value: some Encodable) throws -> String {
        var output = ""
        try JSONTree.make(from: value, codingPath: []).write(to: &output)
        return output
    }
}

/// A JSON value as a tree.
enum JSONTree: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    static func make(from value: some Encodable, codingPath: [any CodingKey]) throws -> JSONTree {
        if let unordered = value as? any UnorderedEncodable {
            if let pairs = try unordered.canonicalPairs(codingPath: codingPath) { return .array(pairs) }
        }
        let node = JSONNode()
        try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
        return node.tree
    }

    /// Writes the value: object keys sorted by UTF-8 bytes, no white space.
    func write(to output: inout String) throws {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                try item.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output)
                output += ":"
                // The key comes from the dictionary's own keys.
                try members[key]!.write(to: &output)
            }
            output += "}"
        }
    }

    var text: String {
        var output = ""
        // Writing a tree that was built cannot fail: numbers were checked when it was built.
        try? write(to: &output)
        return output
    }

    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}

/// Collections whose encoded order would follow hashing; the encoder orders them itself.
protocol UnorderedEncodable {
    /// The elements (sets) or flattened key/value pairs (dictionaries with non-string keys) in
    /// canonical order; nil when the standard encoding is already canonical.
    func canonicalPairs(codingPath: [any CodingKey]) throws -> [JSONTree]?
}

extension Set: UnorderedEncodable where Element: Encodable {
    func canonicalPairs(codingPath: [any CodingKey]) throws -> [JSONTree]? {
        try map { try JSONTree.make(from: $0, codingPath: codingPath) }
            .map { (tree: $0, text: $0.text) }
            .sorted { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
            .map(\.tree)
    }
}

extension Dictionary: UnorderedEncodable where Key: Encodable, Value: Encodable {
    func canonicalPairs(codingPath: [any CodingKey]) throws -> [JSONTree]? {
        // String, Int and CodingKeyRepresentable keys encode as an object, whose keys we sort.
        if Key.self == String.self || Key.self == Int.self || Key.self is any CodingKeyRepresentable.Type { return nil }
        let entries = try map { (key: try JSONTree.make(from: $0.key, codingPath: codingPath), value: $0.value) }
            .map { (key: $0.key, keyText: $0.key.text, value: $0.value) }
            .sorted { $0.keyText.utf8.lexicographicallyPrecedes($1.keyText.utf8) }
        var flat: [JSONTree] = []
        for entry in entries {
            flat.append(entry.key)
            flat.append(try JSONTree.make(from: entry.value, codingPath: codingPath))
        }
        return flat
    }
}

/// A mutable node the containers fill in.
final class JSONNode {
    enum Content {
        case unset
        case value(JSONTree)
        case array([JSONNode])
        case object([String: JSONNode])
    }

    var content: Content = .unset

    var tree: JSONTree {
        switch content {
        case .unset: .object([:])
        case .value(let tree): tree
        case .array(let nodes): .array(nodes.map(\.tree))
        case .object(let members): .object(members.mapValues(\.tree))
        }
    }

    func child(forKey key: String) -> JSONNode {
        var members: [String: JSONNode] = [:]
        if case .object(let existing) = content { members = existing }
        let node = JSONNode()
        members[key] = node
        content = .object(members)
        return node
    }

    func appendChild() -> JSONNode {
        var items: [JSONNode] = []
        if case .array(let existing) = content { items = existing }
        let node = JSONNode()
        items.append(node)
        content = .array(items)
        return node
    }

    var count: Int {
        if case .array(let items) = content { return items.count }
        return 0
    }

    func set(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        content = .value(try JSONTree.make(from: value, codingPath: codingPath))
    }

    static func number(_ value: Double, codingPath: [any CodingKey]) throws -> JSONTree {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "JSON has no \(value)"))
        }
        // Swift's description is the shortest text that reads back to the same Double.
        return .number("\(value)")
    }
}

struct TreeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([:]) }
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedTreeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleTreeContainer(node: node, codingPath: codingPath) }
}

struct PlainKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        node.child(forKey: key.stringValue).content = .value(try JSONNode.number(value, codingPath: codingPath + [key]))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Double(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.number(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.number(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.number(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.number(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.child(forKey: key.stringValue).set(value, codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = node.child(forKey: key.stringValue)
        child.content = .object([:])
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.content = .array([])
        return UnkeyedTreeContainer(node: child, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.child(forKey: "super"), codingPath: codingPath + [PlainKey(stringValue: "super")])
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var count: Int { node.count }
    private var nextKey: PlainKey { PlainKey(intValue: node.count) }

    init(node: JSONNode, codingPath: [any CodingKey]) {
        self.node = node
        self.codingPath = codingPath
    }

    mutating func encodeNil() throws { node.appendChild().content = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.appendChild().content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.appendChild().content = .value(.string(value)) }
    mutating func encode(_ value: Double) throws {
        let tree = try JSONNode.number(value, codingPath: codingPath + [nextKey])
        node.appendChild().content = .value(tree)
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { node.appendChild().content = .value(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { node.appendChild().content = .value(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { node.appendChild().content = .value(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { node.appendChild().content = .value(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { node.appendChild().content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { node.appendChild().content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { node.appendChild().content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { node.appendChild().content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { node.appendChild().content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { node.appendChild().content = .value(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [nextKey]
        try node.appendChild().set(value, codingPath: path)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [nextKey]
        let child = node.appendChild()
        child.content = .object([:])
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child, codingPath: path))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [nextKey]
        let child = node.appendChild()
        child.content = .array([])
        return UnkeyedTreeContainer(node: child, codingPath: path)
    }
    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [nextKey]
        return TreeEncoder(node: node.appendChild(), codingPath: path)
    }
}

struct SingleTreeContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.content = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { node.content = .value(try JSONNode.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { node.content = .value(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { node.content = .value(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { node.content = .value(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { node.content = .value(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { node.content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { node.content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { node.content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { node.content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { node.content = .value(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { node.content = .value(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.set(value, codingPath: codingPath) }
}
