/// The facts of one environment, by name (`vpc.id`, `subnets.public` ...), as questions see them.
public struct Facts: Hashable, Sendable {
    /// Every fact by its full dotted name.
    public private(set) var values: [String: FactValue]

    /// Facts from a name/value table.
    public init(_ values: [String: FactValue] = [:]) { self.values = values }

    /// The value of a fact, resolving dotted names through nested maps when the full name is not a fact.
    public subscript(name: String) -> FactValue? {
        if let value = values[name] { return value }
        return Facts.resolve(name, in: values)
    }

    /// A copy with one fact replaced (hand-made variants in tests, `eksdoc questions` what-ifs).
    public func setting(_ name: String, _ value: FactValue) -> Facts {
        var copy = self
        copy.values[name] = value
        return copy
    }

    /// True when `name` is a fact of `FactRegistry.names`. Names inside a list section may also be the list's item
    /// fields; `isKnown(_:inside:)` checks those.
    public static func isKnown(_ name: String) -> Bool { FactRegistry.names[name] != nil }

    /// True when `name` is a fact, or an item field of one of the enclosing list sections (innermost last),
    /// or `.` inside any section.
    public static func isKnown(_ name: String, inside sections: [String]) -> Bool {
        if name == "." { return !sections.isEmpty }
        if isKnown(name) { return true }
        return sections.contains { section in
            let fields = FactRegistry.names[section]?.fields ?? []
            let head = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
            return fields.contains(name) || fields.contains(head)
        }
    }

    /// The declared type of a name inside the given sections: a fact's type, or `string` for an item field.
    static func type(of name: String, inside sections: [String]) -> FactType? {
        if let type = FactRegistry.names[name] { return type }
        return isKnown(name, inside: sections) ? .string : nil
    }

    /// Every fact as `name`, type and display text, sorted by name (for `eksdoc questions --facts`).
    public var listing: [(name: String, type: FactType, value: String)] {
        values.keys.sorted().map { name in
            let value = values[name]!
            let type = FactRegistry.names[name] ?? .string
            switch value {
            case .list(let items):
                let shown = items.map { item -> String in
                    if case .map(let fields) = item {
                        return "{" + type.fields.map { "\($0): \(fields[$0]?.text ?? "")" }.joined(separator: ", ") + "}"
                    }
                    return item.text
                }
                return (name, type, "[" + shown.joined(separator: "; ") + "]")
            default:
                return (name, type, value.text)
            }
        }
    }

    /// Resolves `a.b.c` by the longest prefix present in `scope`, then field by field through maps.
    static func resolve(_ name: String, in scope: [String: FactValue]) -> FactValue? {
        if let value = scope[name] { return value }
        let parts = name.split(separator: ".").map(String.init)
        guard parts.count > 1 else { return nil }
        for cut in stride(from: parts.count - 1, through: 1, by: -1) {
            guard var value = scope[parts[..<cut].joined(separator: ".")] else { continue }
            var found = true
            for part in parts[cut...] {
                guard let next = value[part] else { found = false; break }
                value = next
            }
            if found { return value }
        }
        return nil
    }
}
