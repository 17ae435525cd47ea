import EKSDocRender

/// The value of one fact: a string, a whole number, a boolean, or a list of maps (list items are maps of
/// field name to value; `{{.}}` renders a scalar item).
public indirect enum FactValue: Hashable, Sendable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case list([FactValue])
    case map([String: FactValue])

    /// Truthiness as docs/questions.md defines it: true, a non-zero number, a non-empty string, a non-empty list.
    /// A map is always truthy.
    public var isTruthy: Bool {
        switch self {
        case .string(let s): return !s.isEmpty
        case .number(let n): return n != 0
        case .bool(let b): return b
        case .list(let items): return !items.isEmpty
        case .map: return true
        }
    }

    /// The text a template inserts (before Markdown escaping): numbers with thousands separators,
    /// booleans as `true`/`false`, lists as their items joined by commas.
    public var text: String {
        switch self {
        case .string(let s): return s
        case .number(let n): return MD.number(n)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return items.map(\.text).joined(separator: ", ")
        case .map(let fields): return fields.keys.sorted().map { "\($0)=\(fields[$0]!.text)" }.joined(separator: ", ")
        }
    }

    /// The number a comparison uses: a number itself, a list's item count; nil for anything else.
    public var comparableNumber: Int? {
        switch self {
        case .number(let n): return n
        case .list(let items): return items.count
        default: return nil
        }
    }

    /// The field of a map item, nil for anything else.
    public subscript(field: String) -> FactValue? {
        if case .map(let fields) = self { return fields[field] }
        return nil
    }

    /// A string, or an empty string when the optional is nil.
    public static func string(_ value: String?) -> FactValue { .string(value ?? "") }

    /// A map item built from field/value pairs.
    public static func item(_ fields: KeyValuePairs<String, FactValue>) -> FactValue {
        .map(Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
    }
}

/// The declared type of a fact (docs/questions.md, "Facts").
public enum FactType: Hashable, Sendable, CustomStringConvertible {
    case string
    case number
    case bool
    /// A list of maps with these field names.
    case list([String])

    /// `string`, `number`, `bool` or `list of {a, b}`.
    public var description: String {
        switch self {
        case .string: return "string"
        case .number: return "number"
        case .bool: return "bool"
        case .list(let fields): return "list of {" + fields.joined(separator: ", ") + "}"
        }
    }

    /// True when a value of this type has this shape (item fields are not checked).
    public func matches(_ value: FactValue) -> Bool {
        switch (self, value) {
        case (.string, .string), (.number, .number), (.bool, .bool), (.list, .list): return true
        default: return false
        }
    }

    /// Item field names of a list type; empty for scalars.
    public var fields: [String] {
        if case .list(let fields) = self { return fields }
        return []
    }
}
