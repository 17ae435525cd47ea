/// A value read from a configuration file: JSON-like data, an unevaluated expression, or a withheld secret.
public indirect enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number kept as its source text, so `1.50` and `1e3` survive unchanged.
    case number(String)
    case string(String)
    case list([Value])
    /// Members in source order; keys are unique.
    case object([Member])
    /// An expression that is not a literal (a reference, call, operator, conditional or for-expression),
    /// kept as its source text.
    case expression(String)
    /// A value that looked secret and was never kept.
    case withheld

    /// One key of an object.
    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: Value

        public init(_ key: String, _ value: Value) {
            self.key = key; self.value = value
        }
    }

    /// The member value for `key`, when this is an object.
    public subscript(key: String) -> Value? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var boolValue: Bool? {
        switch self {
        case .bool(let b): return b
        case .string("true"): return true
        case .string("false"): return false
        default: return nil
        }
    }

    public var intValue: Int? {
        switch self {
        case .number(let text): return Int(text) ?? Double(text).flatMap { $0 == $0.rounded() ? Int(exactly: $0) : nil }
        case .string(let text): return Int(text)
        default: return nil
        }
    }

    public var listValue: [Value]? {
        if case .list(let items) = self { return items }
        return nil
    }

    public var members: [Member]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Strings of a list of strings (other items are skipped).
    public var stringList: [String]? {
        listValue.map { $0.compactMap(\.stringValue) }
    }

    /// A short, human-readable rendering used in drift items and tables.
    public var displayText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return s
        case .list(let items): return "[" + items.map(\.displayText).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { "\($0.key) = \($0.value.displayText)" }.joined(separator: ", ") + "}"
        case .expression(let e): return e
        case .withheld: return "(withheld)"
        }
    }
}

extension Value: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer(); try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer(); try c.encode(b)
        case .number(let text):
            var c = encoder.singleValueContainer()
            if let i = Int(text) { try c.encode(i) } else if let d = Double(text) { try c.encode(d) } else { try c.encode(text) }
        case .string(let s):
            var c = encoder.singleValueContainer(); try c.encode(s)
        case .list(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let members):
            var c = encoder.container(keyedBy: Key.self)
            for member in members { try c.encode(member.value, forKey: Key(member.key)) }
        case .expression(let text):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(text, forKey: Key("expression"))
        case .withheld:
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(true, forKey: Key("withheld"))
        }
    }

    public init(from decoder: Decoder) throws {
        if let c = try? decoder.container(keyedBy: Key.self) {
            let keys = c.allKeys.map(\.stringValue).sorted()
            if keys == ["expression"], let e = try? c.decode(String.self, forKey: Key("expression")) {
                self = .expression(e); return
            }
            if keys == ["withheld"] { self = .withheld; return }
            self = .object(try keys.map { Member($0, try c.decode(Value.self, forKey: Key($0))) })
            return
        }
        if var c = try? decoder.unkeyedContainer() {
            var items: [Value] = []
            while !c.isAtEnd { items.append(try c.decode(Value.self)) }
            self = .list(items); return
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .number(String(i)) }
        else if let d = try? c.decode(Double.self) { self = .number(String(d)) }
        else { self = .string(try c.decode(String.self)) }
    }
}
