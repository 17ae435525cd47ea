import EKSDocModel

/// Turns HCL source into tokens. A stack of modes handles quoted templates, heredocs and the
/// expressions nested inside `${ }` / `%{ }`, so `"${lookup(m, "k")}"` lexes correctly.
/// Problems become diagnostics; the token stream always ends with `.endOfFile`.
struct Lexer {
    /// A remembered position, used to point diagnostics at the start of a construct.
    struct Mark: Sendable {
        var offset: Int
        var line: Int
        var lineStart: Int
    }

    enum Mode: Sendable {
        /// Ordinary tokens. `template` is true inside `${ }` / `%{ }`, where `braces` counts open `{`.
        case normal(template: Bool, braces: Int)
        /// Inside `"..."`.
        case quoted(open: Mark)
        /// Inside a heredoc whose closing line is `marker`.
        case heredoc(marker: [Unicode.Scalar], open: Mark, atLineStart: Bool)
    }

    let source: SourceText
    var pos = 0
    var line = 1
    var lineStart = 0
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []
    /// Errors not recorded because `HCLParser.maxDiagnostics` was reached.
    var suppressed = 0
    var modes: [Mode] = [.normal(template: false, braces: 0)]

    init(source: SourceText) {
        self.source = source
        if source.count > 0, source.scalars[0] == "\u{FEFF}" { pos = 1; lineStart = 1 }
    }

    var scalars: [Unicode.Scalar] { source.scalars }
    var atEnd: Bool { pos >= source.count }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = pos + ahead
        return index < source.count ? source.scalars[index] : nil
    }

    var mark: Mark { Mark(offset: pos, line: line, lineStart: lineStart) }

    func location(_ mark: Mark) -> SourceLocation {
        source.location(offset: mark.offset, line: mark.line, lineStart: mark.lineStart)
    }

    mutating func error(_ message: String, at mark: Mark) {
        guard diagnostics.count < HCLParser.maxDiagnostics else { suppressed += 1; return }
        diagnostics.append(.error(message, at: location(mark)))
    }

    /// Appends a token that started at `mark` and ends at the current position.
    mutating func emit(_ kind: TokenKind, from mark: Mark, text: String = "", flag: Bool = false) {
        tokens.append(Token(kind: kind, start: mark.offset, end: pos, line: mark.line,
                            lineStart: mark.lineStart, text: text, flag: flag))
    }

    /// Length of a line break at the current position (1 for `\n`, 2 for `\r\n`), or 0.
    var newlineLength: Int {
        if peek() == "\n" { return 1 }
        if peek() == "\r", peek(1) == "\n" { return 2 }
        return 0
    }

    /// Consumes a line break of `length` scalars and starts a new line.
    mutating func consumeNewline(_ length: Int) {
        pos += length
        line += 1
        lineStart = pos
    }

    /// Lexes the whole input.
    mutating func run() {
        while let mode = modes.last {
            switch mode {
            case .normal(let template, let braces):
                if !scanNormal(template: template, braces: braces) { return }
            case .quoted(let open):
                scanQuoted(open: open)
            case .heredoc(let marker, let open, let atLineStart):
                scanHeredoc(marker: marker, open: open, atLineStart: atLineStart)
            }
        }
    }

    mutating func setTopBraces(_ braces: Int) {
        modes[modes.count - 1] = .normal(template: true, braces: braces)
    }

    /// Scans one token in normal mode. Returns false once the end of the input has been emitted.
    mutating func scanNormal(template: Bool, braces: Int) -> Bool {
        skipSpaceAndComments()
        let start = mark
        guard let c = peek() else {
            if modes.count == 1 { emit(.endOfFile, from: start); return false }
            closeModesAtEndOfFile()
            return true
        }
        let nl = newlineLength
        if nl > 0 {
            consumeNewline(nl)
            tokens.append(Token(kind: .newline, start: start.offset, end: pos, line: start.line,
                                lineStart: start.lineStart))
            return true
        }
        if isIdentifierStart(c) { scanIdentifier(); return true }
        if isDigit(c) { scanNumber(); return true }
        switch c {
        case "\"":
            pos += 1
            emit(.openQuote, from: start)
            modes.append(.quoted(open: start))
        case "{":
            pos += 1
            emit(.leftBrace, from: start)
            if template { setTopBraces(braces + 1) }
        case "}":
            pos += 1
            if template && braces == 0 {
                emit(.templateEnd, from: start)
                modes.removeLast()
            } else {
                emit(.rightBrace, from: start)
                if template { setTopBraces(braces - 1) }
            }
        case "~" where template && braces == 0 && peek(1) == "}":
            pos += 2
            emit(.templateEnd, from: start)
            modes.removeLast()
        case "<" where peek(1) == "<":
            scanHeredocStart()
        default:
            scanOperator(c)
        }
        return true
    }

    /// Skips spaces, tabs, lone carriage returns and comments (block comments may span lines).
    mutating func skipSpaceAndComments() {
        while let c = peek() {
            if c == " " || c == "\t" || (c == "\r" && peek(1) != "\n") {
                pos += 1
            } else if c == "#" || (c == "/" && peek(1) == "/") {
                while !atEnd, newlineLength == 0 { pos += 1 }
            } else if c == "/" && peek(1) == "*" {
                let start = mark
                pos += 2
                var closed = false
                while !atEnd {
                    if peek() == "*" && peek(1) == "/" { pos += 2; closed = true; break }
                    let nl = newlineLength
                    if nl > 0 { consumeNewline(nl) } else { pos += 1 }
                }
                if !closed { error("unterminated block comment; expected \"*/\"", at: start) }
            } else {
                return
            }
        }
    }

    func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isXIDStart
    }

    func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        c == "-" || c == "_" || c.properties.isXIDContinue
    }

    func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    mutating func scanIdentifier() {
        let start = mark
        pos += 1
        while let c = peek(), isIdentifierContinue(c) { pos += 1 }
        emit(.identifier, from: start)
    }

    /// Numbers: digits, an optional fraction and an optional exponent. After a `.` token only digits
    /// are taken, so the legacy index form `list.0.name` works. Anything glued on (`1.2.3`, `0x1F`,
    /// `10s`) makes the whole run an invalid number.
    mutating func scanNumber() {
        let start = mark
        func digits(_ lexer: inout Lexer) { while let c = lexer.peek(), lexer.isDigit(c) { lexer.pos += 1 } }
        digits(&self)
        let afterDot = tokens.last?.kind == .dot
        if !afterDot {
            if peek() == ".", let d = peek(1), isDigit(d) { pos += 1; digits(&self) }
            if peek() == "e" || peek() == "E" {
                let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
                if let d = peek(1 + sign), isDigit(d) { pos += 1 + sign; digits(&self) }
            }
        }
        let glued: Bool
        if let c = peek() {
            glued = c == "_" || c.properties.isXIDContinue
                || (!afterDot && c == "." && peek(1).map(isDigit) == true)
        } else {
            glued = false
        }
        if glued {
            while let c = peek(), c == "." || c == "_" || c.properties.isXIDContinue { pos += 1 }
            let text = source.text(start.offset..<pos)
            error("invalid number \"\(text)\"; HCL numbers are decimal, like 42, 1.5 or 1e3", at: start)
            emit(.invalid, from: start)
            return
        }
        emit(.number, from: start)
    }

    /// Operators of two scalars, keyed by their first scalar.
    static let twoScalarOperators: [Unicode.Scalar: (Unicode.Scalar, TokenKind)] = [
        "=": ("=", .equal), "!": ("=", .notEqual), "<": ("=", .lessEqual), ">": ("=", .greaterEqual),
        "&": ("&", .and), "|": ("|", .or), ":": (":", .doubleColon),
    ]

    /// Punctuation and operators of one scalar.
    static let oneScalarOperators: [Unicode.Scalar: TokenKind] = [
        "[": .leftBracket, "]": .rightBracket, "(": .leftParen, ")": .rightParen,
        "=": .equals, ":": .colon, ",": .comma, ".": .dot, "?": .question,
        "+": .plus, "-": .minus, "*": .star, "/": .slash, "%": .percent, "!": .bang,
        "<": .less, ">": .greater,
    ]

    mutating func scanOperator(_ c: Unicode.Scalar) {
        let start = mark
        if c == "=" && peek(1) == ">" { pos += 2; emit(.fatArrow, from: start); return }
        if c == "." && peek(1) == "." && peek(2) == "." { pos += 3; emit(.ellipsis, from: start); return }
        if let (second, kind) = Lexer.twoScalarOperators[c], peek(1) == second { pos += 2; emit(kind, from: start); return }
        pos += 1
        if let kind = Lexer.oneScalarOperators[c] {
            emit(kind, from: start)
        } else {
            let shown = c.value < 0x20 ? "U+" + String(c.value, radix: 16, uppercase: true) : String(c)
            error("unexpected character \"\(shown)\"", at: start)
            emit(.invalid, from: start)
        }
    }

    /// At the end of the input inside strings, heredocs or interpolations: reports each unterminated
    /// construct and emits zero-length closing tokens so the parser sees a balanced stream.
    mutating func closeModesAtEndOfFile() {
        while modes.count > 1, let mode = modes.popLast() {
            let here = mark
            switch mode {
            case .normal:
                emit(.templateEnd, from: here)
            case .quoted(let open):
                error("unterminated string; expected a closing quote before the end of the file", at: open)
                emit(.closeQuote, from: here)
            case .heredoc(let marker, let open, _):
                var view = String.UnicodeScalarView()
                view.append(contentsOf: marker)
                error("unterminated heredoc; expected a line containing only \"\(String(view))\"", at: open)
                emit(.closeHeredoc, from: here)
            }
        }
    }
}
