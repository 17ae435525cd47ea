import EKSDocModel

/// Expressions: conditionals, binary operators by precedence, unary operators, traversals, splats,
/// function calls and primaries. Anything that is not a literal becomes `.expression(source text)`.
extension Parser {
    /// Binding strength of each binary operator (higher binds tighter).
    static func precedence(_ kind: TokenKind) -> Int? {
        switch kind {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual: return 3
        case .less, .lessEqual, .greater, .greaterEqual: return 4
        case .plus, .minus: return 5
        case .star, .slash, .percent: return 6
        default: return nil
        }
    }

    /// expression := binary ( "?" expression ":" expression )?
    mutating func parseExpression() -> Expr? {
        let first = peek()
        guard enter(first) else { leave(); return nil }
        defer { leave() }
        guard let condition = parseBinary(minimum: 1) else { return nil }
        guard peek().kind == .question else { return condition }
        advance()
        guard parseExpression() != nil,
              expect(.colon, "\":\" in the conditional expression") != nil,
              let whenFalse = parseExpression() else { return nil }
        return expression(condition.start, whenFalse.end)
    }

    /// Precedence climbing over left-associative binary operators.
    mutating func parseBinary(minimum: Int) -> Expr? {
        guard var left = parseUnary() else { return nil }
        while let level = Parser.precedence(peek().kind), level >= minimum {
            advance()
            guard let right = parseBinary(minimum: level + 1) else { return nil }
            left = expression(left.start, right.end)
        }
        return left
    }

    /// Prefix `!` and `-` (iteratively, so long chains cannot exhaust the stack).
    /// A single `-` before a number literal folds into a negative number.
    mutating func parseUnary() -> Expr? {
        var operators: [Token] = []
        while peek().kind == .bang || peek().kind == .minus { operators.append(advance()) }
        guard let operand = parsePostfix() else { return nil }
        guard let first = operators.first else { return operand }
        if operators.count == 1, first.kind == .minus, case .number(let digits) = operand.literal {
            return Expr(value: .number("-" + digits), start: first.start, end: operand.end)
        }
        return expression(first.start, operand.end)
    }

    /// Traversals after a primary: `.name`, `.0`, `.*`, `[index]`, `[*]`.
    mutating func parsePostfix() -> Expr? {
        guard var result = parsePrimary() else { return nil }
        while true {
            let token = peek()
            if token.kind == .dot {
                advance()
                let name = peek()
                switch name.kind {
                case .identifier, .number, .star:
                    advance()
                    result = expression(result.start, name.end)
                default:
                    unexpected(name, expected: "an attribute name, index or \"*\" after \".\"")
                    return nil
                }
            } else if token.kind == .leftBracket {
                guard let close = parseIndex() else { return nil }
                result = expression(result.start, close.end)
            } else {
                return result
            }
        }
    }

    /// `[expr]` or `[*]`; returns the closing bracket.
    mutating func parseIndex() -> Token? {
        let open = advance()
        pushNewlines(significant: false)
        defer { popNewlines() }
        if peek().kind == .star && lookahead(1, skippingNewlines: true).kind == .rightBracket {
            advance()
        } else if parseExpression() == nil {
            return nil
        }
        return expectClose(.rightBracket, "\"]\" after the index", open: open)
    }

    /// Literals, references, calls, parentheses, strings, heredocs, tuples and objects.
    mutating func parsePrimary() -> Expr? {
        let token = peek()
        switch token.kind {
        case .number:
            advance()
            return Expr(value: .number(text(token)), start: token.start, end: token.end)
        case .identifier:
            return parseIdentifierExpression()
        case .openQuote:
            return parseQuoted()
        case .openHeredoc:
            return parseHeredoc()
        case .leftBracket:
            return parseTuple()
        case .leftBrace:
            return parseObject()
        case .leftParen:
            let open = advance()
            pushNewlines(significant: false)
            defer { popNewlines() }
            guard parseExpression() != nil,
                  let close = expectClose(.rightParen, "\")\"", open: open) else { return nil }
            return expression(open.start, close.end)
        default:
            unexpected(token, expected: "an expression")
            return nil
        }
    }

    /// `true`, `false`, `null`, a variable reference, or a function call (optionally namespaced as
    /// `provider::name::function(...)`).
    mutating func parseIdentifierExpression() -> Expr? {
        let name = advance()
        let next = peek()
        if next.kind == .leftParen || next.kind == .doubleColon {
            return parseCall(name: name)
        }
        switch text(name) {
        case "true": return Expr(value: .bool(true), start: name.start, end: name.end)
        case "false": return Expr(value: .bool(false), start: name.start, end: name.end)
        case "null": return Expr(value: .null, start: name.start, end: name.end)
        default: return expression(name.start, name.end)
        }
    }

    /// `name(arg, arg...)` with an optional trailing comma and `...` expansion of the last argument.
    mutating func parseCall(name: Token) -> Expr? {
        while peek().kind == .doubleColon {
            advance()
            guard expect(.identifier, "a name after \"::\"") != nil else { return nil }
        }
        guard let open = expect(.leftParen, "\"(\" to call the function \(text(name))") else { return nil }
        pushNewlines(significant: false)
        defer { popNewlines() }
        while peek().kind != .rightParen {
            guard parseExpression() != nil else { return nil }
            if peek().kind == .ellipsis {
                advance()
                if peek().kind == .comma { advance() }
                break
            }
            if peek().kind == .comma { advance(); continue }
            break
        }
        guard let close = expectClose(.rightParen, "\",\" or \")\" in the argument list", open: open) else {
            return nil
        }
        return expression(name.start, close.end)
    }
}
