import EKSDocModel

/// The input as Unicode scalars, with helpers to turn offsets into locations and source text.
struct SourceText: Sendable {
    let file: String
    let scalars: [Unicode.Scalar]

    init(_ text: String, file: String) {
        self.file = file
        self.scalars = Array(text.unicodeScalars)
    }

    var count: Int { scalars.count }

    /// The location of scalar `offset` on a line that starts at scalar `lineStart`.
    /// Columns count characters (grapheme clusters), 1-based.
    func location(offset: Int, line: Int, lineStart: Int) -> SourceLocation {
        let end = min(max(offset, lineStart), scalars.count)
        var ascii = true
        var index = lineStart
        while index < end {
            if scalars[index].value >= 0x80 { ascii = false; break }
            index += 1
        }
        let column = ascii ? end - lineStart + 1 : text(lineStart..<end).count + 1
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The exact source text of `range` (scalar offsets).
    func text(_ range: Range<Int>) -> String {
        let lower = min(max(range.lowerBound, 0), scalars.count)
        let upper = min(max(range.upperBound, lower), scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }
}

/// The kinds of lexical token of HCL native syntax.
enum TokenKind: Sendable, Equatable {
    case identifier, number, newline, endOfFile
    /// Something the lexer already reported (bad number, stray character); the parser stays silent.
    case invalid
    case leftBrace, rightBrace, leftBracket, rightBracket, leftParen, rightParen
    case equals, colon, doubleColon, comma, dot, ellipsis, question, fatArrow
    case plus, minus, star, slash, percent, bang
    case equal, notEqual, less, lessEqual, greater, greaterEqual, and, or
    /// `"` opening a quoted template.
    case openQuote
    /// A literal run inside quotes; `Token.text` holds it with escapes decoded.
    case quotedLiteral
    /// `"` closing a quoted template (zero-length when synthesised for an unterminated string).
    case closeQuote
    /// `${` (or `${~`) starting an interpolation.
    case templateInterpolation
    /// `%{` (or `%{~`) starting a directive.
    case templateControl
    /// `}` (or `~}`) ending an interpolation or directive.
    case templateEnd
    /// `<<MARKER` or `<<-MARKER` plus its newline; `Token.text` is the marker, `Token.flag` is true for `<<-`.
    case openHeredoc
    /// Raw text of a heredoc up to and including a newline; `Token.flag` is true when it starts a line.
    case heredocLiteral
    /// The closing marker line of a heredoc.
    case closeHeredoc

    /// Tokens that open a nested region the parser must balance.
    var isOpener: Bool {
        switch self {
        case .leftBrace, .leftBracket, .leftParen, .openQuote, .templateInterpolation,
             .templateControl, .openHeredoc: return true
        default: return false
        }
    }

    /// Tokens that close a region opened by an `isOpener` token.
    var isCloser: Bool {
        switch self {
        case .rightBrace, .rightBracket, .rightParen, .closeQuote, .templateEnd, .closeHeredoc: return true
        default: return false
        }
    }
}

/// One token: its kind, scalar range, and the line it starts on.
struct Token: Sendable {
    var kind: TokenKind
    var start: Int
    var end: Int
    var line: Int
    var lineStart: Int
    /// Decoded text for literals and the marker for heredocs; empty otherwise.
    var text: String = ""
    /// Kind-specific flag (see `TokenKind`).
    var flag: Bool = false
}

extension SourceText {
    /// Where `token` starts.
    func location(of token: Token) -> SourceLocation {
        location(offset: token.start, line: token.line, lineStart: token.lineStart)
    }

    /// How `token` is named in an error message: `identifier "foo"`, `"}"`, `newline`, ...
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier: return "identifier \"\(text(token.start..<token.end))\""
        case .number: return "number \(text(token.start..<token.end))"
        case .newline: return "newline"
        case .endOfFile: return "end of file"
        case .invalid: return "invalid token"
        case .openQuote: return "string"
        case .quotedLiteral: return "string text"
        case .closeQuote: return "end of string"
        case .openHeredoc: return "heredoc"
        case .heredocLiteral: return "heredoc text"
        case .closeHeredoc: return "end of heredoc"
        case .templateInterpolation: return "\"${\""
        case .templateControl: return "\"%{\""
        case .templateEnd: return "\"}\""
        default: return "\"\(text(token.start..<token.end))\""
        }
    }
}
