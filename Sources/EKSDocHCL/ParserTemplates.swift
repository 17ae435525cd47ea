import EKSDocModel

/// Quoted templates and heredocs. Literal parts are decoded; `${ }` and `%{ }` sequences are parsed
/// (so their errors are found) and kept in the string value exactly as written.
extension Parser {
    /// One piece of a heredoc: literal text or the source of a template sequence.
    struct HeredocPiece {
        var text: String
        var isLiteral: Bool
    }

    /// `"..."`, the opening quote being next.
    mutating func parseQuoted() -> Expr? {
        let open = advance()
        var text = ""
        var isTemplate = false
        var directives: [Token] = []
        while true {
            let token = advance()
            switch token.kind {
            case .quotedLiteral:
                text += token.text
            case .templateInterpolation, .templateControl:
                isTemplate = true
                guard let end = parseTemplateSequence(open: token, directives: &directives) else { return nil }
                text += source.text(token.start..<end.end)
            case .closeQuote:
                guard directivesClosed(directives) else { return nil }
                return Expr(value: .string(text), start: open.start, end: token.end, isTemplate: isTemplate)
            default:
                unexpected(token, expected: "the end of the string")
                return nil
            }
        }
    }

    /// A heredoc, the `<<MARKER` token being next. `<<-` heredocs lose their common indentation.
    mutating func parseHeredoc() -> Expr? {
        let open = advance()
        var pieces: [HeredocPiece] = []
        var isTemplate = false
        var directives: [Token] = []
        while true {
            let token = advance()
            switch token.kind {
            case .heredocLiteral:
                pieces.append(HeredocPiece(text: token.text, isLiteral: true))
            case .templateInterpolation, .templateControl:
                isTemplate = true
                guard let end = parseTemplateSequence(open: token, directives: &directives) else { return nil }
                pieces.append(HeredocPiece(text: source.text(token.start..<end.end), isLiteral: false))
            case .closeHeredoc:
                guard directivesClosed(directives) else { return nil }
                let text = open.flag ? Parser.dedent(pieces) : pieces.map(\.text).joined()
                return Expr(value: .string(text), start: open.start, end: token.end, isTemplate: isTemplate)
            default:
                unexpected(token, expected: "the end of the heredoc")
                return nil
            }
        }
    }

    /// Removes the indentation shared by all lines that are not blank (`<<-` heredocs).
    static func dedent(_ pieces: [HeredocPiece]) -> String {
        var lines: [[HeredocPiece]] = [[]]
        for piece in pieces {
            lines[lines.count - 1].append(piece)
            if piece.isLiteral && piece.text.hasSuffix("\n") { lines.append([]) }
        }
        func leadingSpace(_ text: String) -> Int {
            text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
        }
        var minimum = Int.max
        for line in lines {
            guard let first = line.first else { continue }
            guard first.isLiteral else { minimum = 0; continue }
            let blank = line.count == 1 && first.text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" }
            if !blank { minimum = min(minimum, leadingSpace(first.text)) }
        }
        if minimum == Int.max { minimum = 0 }
        var result = ""
        for line in lines {
            for (index, piece) in line.enumerated() {
                if index == 0 && piece.isLiteral {
                    let drop = min(minimum, leadingSpace(piece.text))
                    result += String(String.UnicodeScalarView(piece.text.unicodeScalars.dropFirst(drop)))
                } else {
                    result += piece.text
                }
            }
        }
        return result
    }

    /// The inside of `${ ... }` or `%{ ... }` up to and including its closing `}` (returned).
    mutating func parseTemplateSequence(open: Token, directives: inout [Token]) -> Token? {
        pushNewlines(significant: false)
        defer { popNewlines() }
        if open.kind == .templateInterpolation {
            guard parseExpression() != nil else { return nil }
        } else {
            guard parseDirective(directives: &directives) else { return nil }
        }
        return expectClose(.templateEnd, "\"}\" to end the template sequence", open: open)
    }

    /// `if cond`, `else`, `endif`, `for k, v in coll` or `endfor`, checking that they nest properly.
    mutating func parseDirective(directives: inout [Token]) -> Bool {
        let keyword = peek()
        guard keyword.kind == .identifier else {
            unexpected(keyword, expected: "a template directive: if, else, endif, for or endfor")
            return false
        }
        advance()
        let open = directives.last.map(text)
        switch text(keyword) {
        case "if":
            guard parseExpression() != nil else { return false }
            directives.append(keyword)
        case "else":
            guard open == "if" else {
                error("%{ else } without a matching %{ if }", at: keyword)
                return false
            }
            directives[directives.count - 1] = keyword
        case "endif":
            guard open == "if" || open == "else" else {
                error("%{ endif } without a matching %{ if }", at: keyword)
                return false
            }
            directives.removeLast()
        case "for":
            guard expect(.identifier, "a variable name after \"for\"") != nil else { return false }
            if peek().kind == .comma {
                advance()
                guard expect(.identifier, "a second variable name after \",\"") != nil else { return false }
            }
            let inKeyword = peek()
            guard isIdentifier(inKeyword, "in") else {
                unexpected(inKeyword, expected: "\"in\" after the for variables")
                return false
            }
            advance()
            guard parseExpression() != nil else { return false }
            directives.append(keyword)
        case "endfor":
            guard open == "for" else {
                error("%{ endfor } without a matching %{ for }", at: keyword)
                return false
            }
            directives.removeLast()
        default:
            error("unknown template directive \"\(text(keyword))\"; expected if, else, endif, for or endfor",
                  at: keyword)
            return false
        }
        return true
    }

    /// Reports a directive left open at the end of its template.
    mutating func directivesClosed(_ directives: [Token]) -> Bool {
        guard let last = directives.last else { return true }
        let missing = text(last) == "for" ? "endfor" : "endif"
        error("missing %{ \(missing) } for this %{ \(text(last)) }", at: last)
        return false
    }
}
