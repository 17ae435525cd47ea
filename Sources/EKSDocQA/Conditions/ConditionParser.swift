/// A token of condition text and where it starts (0-based character offset).
struct ConditionToken: Equatable {
    enum Kind: Equatable {
        case name(String), number(Int), string(String), op(Comparison), open, close, end
    }
    var kind: Kind
    var offset: Int
}

/// Recursive-descent parser for conditions:
/// `or := and ("or" and)*`, `and := not ("and" not)*`, `not := "not" not | compare`,
/// `compare := primary (op primary)?`, `primary := "(" or ")" | name | number | "string" | true | false`.
struct ConditionParser {
    private let chars: [Character]
    private var tokens: [ConditionToken] = []
    private var index = 0
    /// Fact names with their offsets, in order of appearance.
    private(set) var references: [(name: String, offset: Int)] = []
    /// Comparisons with the offset of their operator, for type checks.
    private(set) var comparisons: [(left: Operand, op: Comparison, right: Operand, offset: Int)] = []

    init(_ text: String) { chars = Array(text) }

    mutating func parseAll() throws(ConditionError) -> Condition {
        tokens = try tokenize()
        if tokens.first?.kind == .end { throw ConditionError("empty condition", at: 0) }
        let result = try parseOr()
        guard current.kind == .end else { throw ConditionError("unexpected \(describe(current))", at: current.offset) }
        return result
    }

    private var current: ConditionToken { tokens[index] }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private func isKeyword(_ word: String) -> Bool { current.kind == .name(word) }

    private mutating func parseOr() throws(ConditionError) -> Condition {
        var left = try parseAnd()
        while isKeyword("or") { advance(); left = .or(left, try parseAnd()) }
        return left
    }

    private mutating func parseAnd() throws(ConditionError) -> Condition {
        var left = try parseNot()
        while isKeyword("and") { advance(); left = .and(left, try parseNot()) }
        return left
    }

    private mutating func parseNot() throws(ConditionError) -> Condition {
        if isKeyword("not") { advance(); return .not(try parseNot()) }
        if current.kind == .open {
            // A parenthesised group; a comparison may not follow it.
            let open = current.offset
            advance()
            let inner = try parseOr()
            guard current.kind == .close else { throw ConditionError("missing ')' for the '(' at character \(open + 1)", at: current.offset) }
            advance()
            return inner
        }
        let left = try parseOperand()
        if case .op(let op) = current.kind {
            let at = current.offset
            advance()
            let right = try parseOperand()
            comparisons.append((left, op, right, at))
            return .compare(left, op, right)
        }
        return .value(left)
    }

    private mutating func parseOperand() throws(ConditionError) -> Operand {
        let token = current
        switch token.kind {
        case .name(let word):
            if ["and", "or", "not"].contains(word) { throw ConditionError("expected a fact name or a value, found '\(word)'", at: token.offset) }
            advance()
            if word == "true" { return .bool(true) }
            if word == "false" { return .bool(false) }
            references.append((word, token.offset))
            return .fact(word)
        case .number(let n): advance(); return .number(n)
        case .string(let s): advance(); return .string(s)
        default: throw ConditionError("expected a fact name or a value, found \(describe(token))", at: token.offset)
        }
    }

    private func describe(_ token: ConditionToken) -> String {
        switch token.kind {
        case .name(let n): return "'\(n)'"
        case .number(let n): return "\(n)"
        case .string(let s): return "\"\(s)\""
        case .op(let op): return "'\(op.rawValue)'"
        case .open: return "'('"
        case .close: return "')'"
        case .end: return "end of condition"
        }
    }

    private func tokenize() throws(ConditionError) -> [ConditionToken] {
        var result: [ConditionToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c == "(" { result.append(.init(kind: .open, offset: i)); i += 1; continue }
            if c == ")" { result.append(.init(kind: .close, offset: i)); i += 1; continue }
            if "=!<>".contains(c) {
                let two = i + 1 < chars.count ? String([c, chars[i + 1]]) : String(c)
                if let op = Comparison(rawValue: two) { result.append(.init(kind: .op(op), offset: i)); i += 2; continue }
                if let op = Comparison(rawValue: String(c)), c != "=" && c != "!" {
                    result.append(.init(kind: .op(op), offset: i)); i += 1; continue
                }
                let hint = c == "=" ? " (use '==')" : c == "!" ? " (use 'not' or '!=')" : ""
                throw ConditionError("unexpected '\(c)'\(hint)", at: i)
            }
            if c == "\"" || c == "'" {
                var text = ""
                i += 1
                while i < chars.count && chars[i] != c {
                    if chars[i] == "\\" && i + 1 < chars.count { i += 1 }
                    text.append(chars[i]); i += 1
                }
                guard i < chars.count else { throw ConditionError("unterminated string", at: start) }
                i += 1
                result.append(.init(kind: .string(text), offset: start)); continue
            }
            if c.isASCII && (c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber)) {
                i += 1
                while i < chars.count && chars[i].isASCII && (chars[i].isNumber || chars[i] == "_") { i += 1 }
                let digits = String(chars[start..<i]).replacingOccurrences(of: "_", with: "")
                guard let n = Int(digits) else { throw ConditionError("number out of range", at: start) }
                if i < chars.count && (chars[i].isLetter || chars[i] == ".") {
                    throw ConditionError("numbers are whole numbers; found '\(String(chars[start...i]))'", at: start)
                }
                result.append(.init(kind: .number(n), offset: start)); continue
            }
            if c.isASCII && (c.isLetter || c == "_") {
                while i < chars.count && chars[i].isASCII && (chars[i].isLetter || chars[i].isNumber || "_.".contains(chars[i])) { i += 1 }
                let word = String(chars[start..<i])
                if word.hasSuffix(".") || word.contains("..") { throw ConditionError("malformed name '\(word)'", at: start) }
                result.append(.init(kind: .name(word), offset: start)); continue
            }
            let hint = c == "&" ? " (use 'and')" : c == "|" ? " (use 'or')" : ""
            throw ConditionError("unexpected '\(c)'\(hint)", at: i)
        }
        result.append(.init(kind: .end, offset: chars.count))
        return result
    }
}

extension Condition {
    /// Parses and checks a condition against `FactRegistry.names`: every name must be a fact, and comparisons must
    /// compare like with like (`<`, `>` numbers or lists; `==`, `!=` values of one type). Returns the condition,
    /// when it parses, and every problem found.
    public static func check(_ text: String) -> (condition: Condition?, errors: [ConditionError]) {
        var parser = ConditionParser(text)
        let condition: Condition
        do { condition = try parser.parseAll() } catch { return (nil, [error]) }
        var errors: [ConditionError] = []
        for (name, offset) in parser.references where !Facts.isKnown(name) {
            errors.append(ConditionError("unknown fact '\(name)'" + FactSuggestions.hint(for: name), at: offset))
        }
        for comparison in parser.comparisons {
            guard let left = type(of: comparison.left), let right = type(of: comparison.right) else { continue }
            if let problem = mismatch(left, comparison.op, right) {
                errors.append(ConditionError("cannot compare \(comparison.left) (\(left)) \(comparison.op.rawValue) "
                                             + "\(comparison.right) (\(right)): \(problem)", at: comparison.offset))
            }
        }
        return (errors.isEmpty ? condition : nil, errors)
    }

    private static func type(of operand: Operand) -> FactType? {
        switch operand {
        case .fact(let name): return FactRegistry.names[name]
        case .number: return .number
        case .string: return .string
        case .bool: return .bool
        }
    }

    private static func mismatch(_ a: FactType, _ op: Comparison, _ b: FactType) -> String? {
        func numeric(_ t: FactType) -> Bool { if case .number = t { return true }; if case .list = t { return true }; return false }
        if op.isOrdering { return numeric(a) && numeric(b) ? nil : "'\(op.rawValue)' compares numbers only" }
        switch (a, b) {
        case (.string, .string), (.number, .number), (.bool, .bool): return nil
        case (.list, .number), (.number, .list), (.list, .list): return nil
        default: return "the types differ"
        }
    }
}
