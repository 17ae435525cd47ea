import EKSDocModel

/// A parsed JSON or YAML document: scalars, lists and maps, each with the location it was read from.
///
/// Both the JSON parser and the YAML loader produce `Node`s, so every reader works on either syntax
/// (`kubectl get -o json` output and YAML manifests go through the same code).
public struct Node: Sendable {
    public enum Content: Sendable {
        case null
        case bool(Bool)
        /// A number as written.
        case number(String)
        case string(String)
        case list([Node])
        /// Keys in source order, unique (duplicates were resolved when the document was built).
        case map([(key: String, value: Node)])
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The value of `key` in a map, nil when absent or when this is not a map.
    public subscript(key: String) -> Node? {
        guard case .map(let pairs) = content else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// Follows a path of keys through nested maps.
    public subscript(path: [String]) -> Node? {
        var node: Node? = self
        for key in path { node = node?[key] }
        return node
    }

    /// Scalar text: strings as they are, numbers and booleans as written; nil for null, lists and maps.
    public var text: String? {
        switch content {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    public var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    public var isMap: Bool {
        if case .map = content { return true }
        return false
    }

    public var isList: Bool {
        if case .list = content { return true }
        return false
    }

    public var pairs: [(key: String, value: Node)] {
        if case .map(let pairs) = content { return pairs }
        return []
    }

    public var items: [Node] {
        if case .list(let items) = content { return items }
        return []
    }

    public var keys: [String] { pairs.map(\.key) }

    /// A description of the node's type for diagnostics ("a string", "a list" ...).
    public var kindName: String {
        switch content {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }

    /// Converts to a model `Value` (for Helm values, tfvars.json and generic data).
    public var value: Value {
        switch content {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .list(let items): return .list(items.map(\.value))
        case .map(let pairs): return .object(pairs.map { Value.Member($0.key, $0.value.value) })
        }
    }
}
