/// One side of a comparison, or a condition on its own: a fact by name or a literal.
public enum Operand: Hashable, Sendable, CustomStringConvertible {
    case fact(String)
    case number(Int)
    case string(String)
    case bool(Bool)

    /// The operand's value under `facts`; nil for a fact that is not set.
    public func value(_ facts: Facts) -> FactValue? {
        switch self {
        case .fact(let name): return facts[name]
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        }
    }

    /// The operand as condition source text.
    public var description: String {
        switch self {
        case .fact(let name): return name
        case .number(let n): return String(n)
        case .string(let s): return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .bool(let b): return b ? "true" : "false"
        }
    }
}

/// A comparison operator of a condition.
public enum Comparison: String, Hashable, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="

    /// True for `<`, `<=`, `>`, `>=`, which compare numbers only.
    public var isOrdering: Bool { self != .equal && self != .notEqual }
}

/// A question's `when`: an expression over facts (docs/questions.md, "Conditions").
public indirect enum Condition: Hashable, Sendable, CustomStringConvertible {
    /// A fact or literal on its own: true when truthy.
    case value(Operand)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case compare(Operand, Comparison, Operand)

    /// Parses condition text; errors carry the 0-based character offset of the offending token.
    public static func parse(_ text: String) throws(ConditionError) -> Condition {
        var parser = ConditionParser(text)
        return try parser.parseAll()
    }

    /// Evaluates the condition. A fact that is not set is falsy and equal to nothing; an ordering comparison of
    /// anything but numbers (a list counts its items) is false.
    public func evaluate(_ facts: Facts) -> Bool {
        switch self {
        case .value(let operand): return operand.value(facts)?.isTruthy ?? false
        case .not(let inner): return !inner.evaluate(facts)
        case .and(let left, let right): return left.evaluate(facts) && right.evaluate(facts)
        case .or(let left, let right): return left.evaluate(facts) || right.evaluate(facts)
        case .compare(let left, let op, let right):
            guard let a = left.value(facts), let b = right.value(facts) else { return op == .notEqual }
            if op.isOrdering {
                guard let x = a.comparableNumber, let y = b.comparableNumber else { return false }
                switch op {
                case .greater: return x > y
                case .greaterOrEqual: return x >= y
                case .less: return x < y
                default: return x <= y
                }
            }
            let same = Condition.equal(a, b)
            return op == .equal ? same : !same
        }
    }

    /// Equality: same kind and value; a list equals a number when it has that many items.
    static func equal(_ a: FactValue, _ b: FactValue) -> Bool {
        switch (a, b) {
        case (.list, .number), (.number, .list): return a.comparableNumber == b.comparableNumber
        default: return a == b
        }
    }

    /// Every fact name the condition uses, in order of appearance, without repeats.
    public var factNames: [String] {
        var names: [String] = []
        func add(_ operand: Operand) {
            if case .fact(let name) = operand, !names.contains(name) { names.append(name) }
        }
        func walk(_ condition: Condition) {
            switch condition {
            case .value(let operand): add(operand)
            case .not(let inner): walk(inner)
            case .and(let l, let r), .or(let l, let r): walk(l); walk(r)
            case .compare(let l, _, let r): add(l); add(r)
            }
        }
        walk(self)
        return names
    }

    /// The condition as source text, fully parenthesised where operators mix.
    public var description: String {
        switch self {
        case .value(let operand): return operand.description
        case .not(let inner): return "not " + inner.grouped
        case .and(let l, let r): return "\(l.grouped(under: "and")) and \(r.grouped(under: "and"))"
        case .or(let l, let r): return "\(l.grouped(under: "or")) or \(r.grouped(under: "or"))"
        case .compare(let l, let op, let r): return "\(l) \(op.rawValue) \(r)"
        }
    }

    private var grouped: String {
        switch self {
        case .and, .or: return "(\(description))"
        default: return description
        }
    }

    private func grouped(under op: String) -> String {
        switch self {
        case .and where op == "and", .or where op == "or": return description
        case .and, .or: return "(\(description))"
        default: return description
        }
    }

    /// `name = value` for every fact the condition uses, to explain why it is false.
    public func explain(_ facts: Facts) -> String {
        factNames.map { name in "\(name) = \(facts[name].map(Condition.shown) ?? "(not set)")" }.joined(separator: ", ")
    }

    static func shown(_ value: FactValue) -> String {
        switch value {
        case .string(let s): return "\"\(s)\""
        case .list(let items): return "\(items.count) item" + (items.count == 1 ? "" : "s")
        default: return value.text
        }
    }
}

/// A condition that does not parse: what is wrong and where (0-based character offset in the text).
public struct ConditionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// 0-based character offset in the text.
    public var offset: Int

    /// An error at a character offset.
    public init(_ message: String, at offset: Int) {
        self.message = message; self.offset = offset
    }

    /// The message with the 1-based character position.
    public var description: String { "\(message) (at character \(offset + 1))" }
}
