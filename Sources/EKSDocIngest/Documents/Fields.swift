import EKSDocModel

/// Typed access to the fields of a document map, reporting wrong types as diagnostics.
///
/// A missing or null field gives nil (or an empty collection); a field of the wrong type gives nil
/// and an error at the field's location, so one bad value does not hide the rest of the file.
public struct Fields {
    public let node: Node
    public let context: String

    public init(_ node: Node, context: String) {
        self.node = node
        self.context = context
    }

    private func present(_ key: String) -> Node? {
        guard let child = node[key], !child.isNull else { return nil }
        return child
    }

    private func mismatch(_ key: String, _ child: Node, expected: String, _ d: inout Diagnostics) {
        d.error("\(context): field '\(key)' must be \(expected), found \(child.kindName)", at: child.location)
    }

    public func string(_ key: String, _ d: inout Diagnostics) -> String? {
        guard let child = present(key) else { return nil }
        if let text = child.text { return text }
        mismatch(key, child, expected: "a string", &d)
        return nil
    }

    public func int(_ key: String, _ d: inout Diagnostics) -> Int? {
        guard let child = present(key) else { return nil }
        if let text = child.text, let n = Int(text) { return n }
        if let text = child.text, let x = Double(text), x == x.rounded(), let n = Int(exactly: x) { return n }
        mismatch(key, child, expected: "an integer", &d)
        return nil
    }

    public func bool(_ key: String, _ d: inout Diagnostics) -> Bool? {
        guard let child = present(key) else { return nil }
        if case .bool(let b) = child.content { return b }
        if let text = child.text?.lowercased(), text == "true" || text == "false" { return text == "true" }
        mismatch(key, child, expected: "a boolean", &d)
        return nil
    }

    public func list(_ key: String, _ d: inout Diagnostics) -> [Node] {
        guard let child = present(key) else { return [] }
        if case .list(let items) = child.content { return items }
        mismatch(key, child, expected: "a list", &d)
        return []
    }

    public func map(_ key: String, _ d: inout Diagnostics) -> Node? {
        guard let child = present(key) else { return nil }
        if child.isMap { return child }
        mismatch(key, child, expected: "a mapping", &d)
        return nil
    }

    /// A list of scalars as strings; non-scalar items are reported.
    public func strings(_ key: String, _ d: inout Diagnostics) -> [String] {
        list(key, &d).compactMap { item in
            if let text = item.text { return text }
            d.error("\(context): items of '\(key)' must be strings, found \(item.kindName)", at: item.location)
            return nil
        }
    }

    /// A map of scalars as strings (labels, annotations, tags written as a map).
    public func stringMap(_ key: String, _ d: inout Diagnostics) -> [String: String] {
        guard let child = map(key, &d) else { return [:] }
        var result: [String: String] = [:]
        for (k, v) in child.pairs {
            if let text = v.text { result[k] = text } else if !v.isNull {
                d.error("\(context): values of '\(key)' must be strings, found \(v.kindName)", at: v.location)
            }
        }
        return result
    }

    /// A sub-reader for a nested map.
    public func fields(_ key: String, _ d: inout Diagnostics) -> Fields? {
        map(key, &d).map { Fields($0, context: context) }
    }
}
