import EKSDocModel

/// Tuples `[a, b]`, objects `{ k = v }` and for-expressions `[for ...]` / `{for ...}`.
extension Parser {
    /// True at `for <identifier>`, which starts a for-expression inside `[` or `{`.
    mutating func isForStart() -> Bool {
        isIdentifier(peek(), "for") && lookahead(1, skippingNewlines: true).kind == .identifier
    }

    /// `[ expr, expr, ]` with newlines allowed anywhere; always a `.list` (non-literal members are
    /// `.expression` values inside it).
    mutating func parseTuple() -> Expr? {
        let open = advance()
        pushNewlines(significant: false)
        defer { popNewlines() }
        if isForStart() { return parseFor(open: open, object: false) }
        var items: [Value] = []
        while peek().kind != .rightBracket && peek().kind != .endOfFile {
            guard let item = parseExpression() else { return nil }
            items.append(value(of: item))
            guard peek().kind == .comma else { break }
            advance()
        }
        guard let close = expectClose(.rightBracket, "\",\" or \"]\"", open: open) else { return nil }
        return Expr(value: .list(items), start: open.start, end: close.end)
    }

    /// `{ key = value, "key": value, (expr) = value }`, items separated by commas or newlines.
    /// An `.object` when every key is literal, otherwise an `.expression` of the whole constructor.
    mutating func parseObject() -> Expr? {
        let open = advance()
        pushNewlines(significant: true)
        defer { popNewlines() }
        skipNewlines()
        if isForStart() {
            pushNewlines(significant: false)
            defer { popNewlines() }
            return parseFor(open: open, object: true)
        }
        var members: [Value.Member] = []
        var definedAt: [String: Int] = [:]
        var literalKeys = true
        while true {
            skipNewlines()
            let keyToken = peek()
            if keyToken.kind == .rightBrace || keyToken.kind == .endOfFile { break }
            var key: String?
            let following = lookahead(1, skippingNewlines: false).kind
            if keyToken.kind == .identifier && (following == .equals || following == .colon) {
                advance()
                key = text(keyToken)
            } else {
                guard let keyExpr = parseExpression() else { return nil }
                switch keyExpr.literal {
                case .string(let s) where !keyExpr.isTemplate: key = s
                case .number(let n): key = n
                default: key = nil
                }
            }
            let separator = peek()
            guard separator.kind == .equals || separator.kind == .colon else {
                unexpected(separator, expected: "\"=\" or \":\" after the object key")
                return nil
            }
            advance()
            guard let value = parseExpression() else { return nil }
            if let key {
                if let line = definedAt[key] {
                    error("duplicate object key \"\(key)\"; it was already defined at line \(line)", at: keyToken)
                } else {
                    definedAt[key] = keyToken.line
                    members.append(Value.Member(key, self.value(of: value)))
                }
            } else {
                literalKeys = false
            }
            let after = peek()
            if after.kind == .comma || after.kind == .newline {
                advance()
            } else if after.kind != .rightBrace {
                _ = expectClose(.rightBrace, "\",\", a newline or \"}\" after the object item", open: open)
                return nil
            }
        }
        guard let close = expectClose(.rightBrace, "\"}\"", open: open) else { return nil }
        if !literalKeys { return expression(open.start, close.end) }
        return Expr(value: .object(members), start: open.start, end: close.end)
    }

    /// `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`.
    /// The opening bracket has been consumed; the next token is `for`.
    mutating func parseFor(open: Token, object: Bool) -> Expr? {
        advance()
        guard expect(.identifier, "a variable name after \"for\"") != nil else { return nil }
        if peek().kind == .comma {
            advance()
            guard expect(.identifier, "a second variable name after \",\"") != nil else { return nil }
        }
        let keyword = peek()
        guard isIdentifier(keyword, "in") else {
            unexpected(keyword, expected: "\"in\" after the for-expression variables")
            return nil
        }
        advance()
        guard parseExpression() != nil,
              expect(.colon, "\":\" after the collection of the for-expression") != nil,
              parseExpression() != nil else { return nil }
        if object {
            guard expect(.fatArrow, "\"=>\" between the key and the value of the for-expression") != nil,
                  parseExpression() != nil else { return nil }
            if peek().kind == .ellipsis { advance() }
        }
        if isIdentifier(peek(), "if") {
            advance()
            guard parseExpression() != nil else { return nil }
        }
        let closer: TokenKind = object ? .rightBrace : .rightBracket
        guard let close = expectClose(closer, object ? "\"}\"" : "\"]\"", open: open) else { return nil }
        return expression(open.start, close.end)
    }
}
