import EKSDocModel

/// A parsed expression: a literal value, or nil for a non-literal expression whose source text
/// (taken from its scalar range only when needed, so long chains stay linear) becomes `.expression`.
struct Expr: Sendable {
    var literal: Value?
    var start: Int
    var end: Int
    /// True for a string or heredoc that contains `${ }` or `%{ }` sequences.
    var isTemplate = false

    init(value: Value, start: Int, end: Int, isTemplate: Bool = false) {
        self.literal = value
        self.start = start
        self.end = end
        self.isTemplate = isTemplate
    }

    init(expressionFrom start: Int, to end: Int) {
        self.literal = nil
        self.start = start
        self.end = end
    }
}

/// Recursive-descent parser over the token stream. Every sub-parser that fails has already reported
/// why and returns nil; the body parser then recovers at the next line or closing brace.
struct Parser {
    /// How deeply blocks and expressions may nest before the parser gives up on that item.
    static let maxDepth = 256

    let source: SourceText
    let tokens: [Token]
    var pos = 0
    var diagnostics: [Diagnostic] = []
    /// Errors not recorded because `HCLParser.maxDiagnostics` was reached.
    var suppressed = 0
    /// Whether newlines are significant in the current context (bodies and object constructors)
    /// or skipped (inside parentheses, brackets, templates and for-expressions).
    var newlineModes: [Bool] = [true]
    var depth = 0
    var blockDepth = 0

    init(source: SourceText, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    // MARK: Token access

    mutating func skipIgnoredNewlines() {
        guard newlineModes.last == false else { return }
        while tokens[pos].kind == .newline { pos += 1 }
    }

    /// The next token, skipping newlines where they are insignificant.
    mutating func peek() -> Token {
        skipIgnoredNewlines()
        return tokens[pos]
    }

    /// Consumes and returns the next token (never moves past the end-of-file token).
    @discardableResult
    mutating func advance() -> Token {
        skipIgnoredNewlines()
        let token = tokens[pos]
        if token.kind != .endOfFile { pos += 1 }
        return token
    }

    /// The token `n` places after the next one; newlines are skipped when `skippingNewlines`.
    mutating func lookahead(_ n: Int, skippingNewlines: Bool) -> Token {
        skipIgnoredNewlines()
        var index = pos
        var remaining = n
        while tokens[index].kind != .endOfFile {
            if skippingNewlines && tokens[index].kind == .newline { index += 1; continue }
            if remaining == 0 { break }
            remaining -= 1
            index += 1
        }
        while skippingNewlines && tokens[index].kind == .newline { index += 1 }
        return tokens[index]
    }

    mutating func pushNewlines(significant: Bool) { newlineModes.append(significant) }
    mutating func popNewlines() { newlineModes.removeLast() }

    /// Skips newline tokens even where they are significant (blank lines between items).
    mutating func skipNewlines() {
        while tokens[pos].kind == .newline { pos += 1 }
    }

    func isIdentifier(_ token: Token, _ name: String) -> Bool {
        token.kind == .identifier && text(token) == name
    }

    func text(_ token: Token) -> String { source.text(token.start..<token.end) }

    /// A non-literal expression covering the source from `start` to `end`.
    func expression(_ start: Int, _ end: Int) -> Expr {
        Expr(expressionFrom: start, to: end)
    }

    /// The value of `expr`: its literal, or `.expression(source text)`.
    func value(of expr: Expr) -> Value {
        expr.literal ?? .expression(source.text(expr.start..<expr.end))
    }

    // MARK: Diagnostics

    mutating func error(_ message: String, at token: Token) {
        guard diagnostics.count < HCLParser.maxDiagnostics else { suppressed += 1; return }
        diagnostics.append(.error(message, at: source.location(of: token)))
    }

    /// Reports `token` as unexpected, unless the lexer already reported it.
    mutating func unexpected(_ token: Token, expected: String) {
        guard token.kind != .invalid else { return }
        error("unexpected \(source.describe(token)); expected \(expected)", at: token)
    }

    /// Consumes a token of `kind`, or reports what was found instead.
    mutating func expect(_ kind: TokenKind, _ expected: String) -> Token? {
        let token = peek()
        if token.kind == kind { return advance() }
        unexpected(token, expected: expected)
        return nil
    }

    /// Consumes the bracket closing `open`, or reports what was found: an unclosed bracket at the end
    /// of the input, otherwise the unexpected token (mentioning the open bracket when the token starts
    /// a later line).
    mutating func expectClose(_ kind: TokenKind, _ expected: String, open: Token) -> Token? {
        let token = peek()
        if token.kind == kind { return advance() }
        let opener = source.describe(open)
        let place = "line \(open.line), column \(source.location(of: open).column)"
        if token.kind == .endOfFile {
            error("unclosed \(opener); expected \(Parser.spelling(kind)) before the end of the file", at: open)
        } else if token.kind != .invalid {
            // A token starting a later line suggests the bracket was never closed.
            let startsLine = pos > 0 && tokens[pos - 1].kind == .newline
            let hint = token.line > open.line && startsLine ? " to close the \(opener) opened at \(place)" : ""
            error("unexpected \(source.describe(token)); expected \(expected)\(hint)", at: token)
        }
        return nil
    }

    /// How a closing token is written, for messages.
    static func spelling(_ kind: TokenKind) -> String {
        switch kind {
        case .rightBracket: return "\"]\""
        case .rightParen: return "\")\""
        default: return "\"}\""
        }
    }

    /// Enters one level of nesting; reports and returns false past `maxDepth`.
    mutating func enter(_ token: Token) -> Bool {
        depth += 1
        if depth > Parser.maxDepth {
            error("nesting is too deep (more than \(Parser.maxDepth) levels)", at: token)
            return false
        }
        return true
    }

    mutating func leave() { depth -= 1 }

    // MARK: Recovery

    /// After an error in the item that started at token index `start`: skips to the end of the line,
    /// treating brackets opened since `start` as still open, or stops before a `}` closing the body.
    mutating func recover(from start: Int) {
        var open = 0
        for token in tokens[min(start, pos)..<pos] {
            if token.kind.isOpener { open += 1 } else if token.kind.isCloser { open = max(0, open - 1) }
        }
        while true {
            let token = tokens[pos]
            if token.kind == .endOfFile { return }
            if open == 0 {
                if token.kind == .newline { pos += 1; return }
                if token.kind == .rightBrace && blockDepth > 0 { return }
            }
            if token.kind.isOpener { open += 1 } else if token.kind.isCloser { open = max(0, open - 1) }
            pos += 1
        }
    }
}
