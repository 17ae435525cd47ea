import EKSDocModel

/// Lexing of quoted strings and heredocs: literal runs, escapes, and the `${` / `%{` sequences that
/// switch back to normal mode until their closing `}`.
extension Lexer {
    /// Scans literal text inside `"..."` up to the closing quote, a template sequence or the end of line.
    mutating func scanQuoted(open: Mark) {
        let start = mark
        var text = String.UnicodeScalarView()
        func flush(_ lexer: inout Lexer) {
            if lexer.pos > start.offset { lexer.emit(.quotedLiteral, from: start, text: String(text)) }
        }
        while true {
            guard let c = peek(), newlineLength == 0 else {
                flush(&self)
                let reason = atEnd ? "before the end of the file" : "before the end of the line"
                error("unterminated string; expected a closing quote \(reason)", at: open)
                emit(.closeQuote, from: mark)
                modes.removeLast()
                return
            }
            switch c {
            case "\"":
                flush(&self)
                let quote = mark
                pos += 1
                emit(.closeQuote, from: quote)
                modes.removeLast()
                return
            case "\\":
                decodeEscape(into: &text)
            case "$", "%":
                if peek(1) == "{" {
                    flush(&self)
                    startTemplateSequence(c)
                    return
                }
                if peek(1) == c, peek(2) == "{" {
                    // `$${` and `%%{` are kept as written: the text stays a template.
                    text.append(contentsOf: [c, c, "{"])
                    pos += 3
                } else {
                    text.append(c)
                    pos += 1
                }
            default:
                text.append(c)
                pos += 1
            }
        }
    }

    /// Emits `${` / `%{` (with an optional `~` strip marker) and lexes normally until the matching `}`.
    mutating func startTemplateSequence(_ c: Unicode.Scalar) {
        let start = mark
        pos += 2
        if peek() == "~" { pos += 1 }
        emit(c == "$" ? .templateInterpolation : .templateControl, from: start)
        modes.append(.normal(template: true, braces: 0))
    }

    /// The one-letter escapes and what they stand for.
    static let simpleEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "n": "\n", "r": "\r", "t": "\t", "\"": "\"", "\\": "\\",
    ]

    /// Decodes one backslash escape at the current position (`\n \r \t \" \\ \uNNNN \UNNNNNNNN`).
    mutating func decodeEscape(into text: inout String.UnicodeScalarView) {
        let start = mark
        guard let e = peek(1), e != "\n", e != "\r" else {
            error("invalid escape sequence: a backslash must be followed by a character", at: start)
            text.append("\\")
            pos += 1
            return
        }
        if let decoded = Lexer.simpleEscapes[e] {
            text.append(decoded)
            pos += 2
            return
        }
        if e == "u" || e == "U" {
            let width = e == "u" ? 4 : 8
            var value: UInt32 = 0
            var index = 0
            while index < width, let h = peek(2 + index), let digit = hexValue(h) {
                value = value &* 16 &+ digit
                index += 1
            }
            guard index == width else {
                error("invalid escape sequence \"\\\(e)\": expected \(width) hexadecimal digits", at: start)
                text.append(contentsOf: ["\\", e])
                pos += 2
                return
            }
            pos += 2 + width
            if let scalar = Unicode.Scalar(value) {
                text.append(scalar)
            } else {
                let hex = String(value, radix: 16, uppercase: true)
                error("invalid escape sequence: U+\(hex) is not a Unicode scalar value", at: start)
            }
            return
        }
        let shown = e.value < 0x20 ? "U+" + String(e.value, radix: 16, uppercase: true) : String(e)
        error("invalid escape sequence \"\\\(shown)\"; valid escapes are \\n \\r \\t \\\" \\\\ \\uNNNN \\UNNNNNNNN",
              at: start)
        text.append(contentsOf: ["\\", e])
        pos += 2
    }

    func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x41...0x46: return c.value - 0x41 + 10
        case 0x61...0x66: return c.value - 0x61 + 10
        default: return nil
        }
    }

    /// At `<<`: reads `<<MARKER` or `<<-MARKER`, which must end its line, and enters heredoc mode.
    mutating func scanHeredocStart() {
        let start = mark
        let strip = peek(2) == "-"
        let nameOffset = strip ? 3 : 2
        guard let first = peek(nameOffset), isIdentifierStart(first) else {
            pos += 2
            error("expected a heredoc marker name after \"<<\", as in <<EOF", at: start)
            emit(.invalid, from: start)
            return
        }
        pos += nameOffset
        let markerStart = pos
        while let c = peek(), isIdentifierContinue(c) { pos += 1 }
        let marker = Array(scalars[markerStart..<pos])
        if newlineLength == 0 && !atEnd {
            // Report, then read the heredoc from the next line on so the content does not cascade.
            error("a heredoc marker must be followed by a newline", at: start)
            while !atEnd && newlineLength == 0 { pos += 1 }
        }
        let nl = newlineLength
        if nl > 0 { consumeNewline(nl) }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: marker)
        emit(.openHeredoc, from: start, text: String(name), flag: strip)
        modes.append(.heredoc(marker: marker, open: start, atLineStart: true))
    }

    /// Scans heredoc content: the closing marker line, or one literal run ending at a newline or
    /// at a template sequence.
    mutating func scanHeredoc(marker: [Unicode.Scalar], open: Mark, atLineStart: Bool) {
        func setLineStart(_ lexer: inout Lexer, _ value: Bool) {
            lexer.modes[lexer.modes.count - 1] = .heredoc(marker: marker, open: open, atLineStart: value)
        }
        if atEnd {
            closeModesAtEndOfFile()
            return
        }
        if atLineStart && isClosingMarker(marker) {
            let start = mark
            while peek() == " " || peek() == "\t" { pos += 1 }
            pos += marker.count
            emit(.closeHeredoc, from: start)
            modes.removeLast()
            return
        }
        let start = mark
        var text = String.UnicodeScalarView()
        while let c = peek() {
            let nl = newlineLength
            if nl > 0 {
                text.append("\n")
                consumeNewline(nl)
                emit(.heredocLiteral, from: start, text: String(text), flag: atLineStart)
                setLineStart(&self, true)
                return
            }
            if c == "$" || c == "%" {
                if peek(1) == "{" {
                    if pos > start.offset { emit(.heredocLiteral, from: start, text: String(text), flag: atLineStart) }
                    setLineStart(&self, false)
                    startTemplateSequence(c)
                    return
                }
                if peek(1) == c, peek(2) == "{" {
                    text.append(contentsOf: [c, c, "{"])
                    pos += 3
                    continue
                }
            }
            text.append(c)
            pos += 1
        }
        emit(.heredocLiteral, from: start, text: String(text), flag: atLineStart)
        setLineStart(&self, false)
    }

    /// True when the current line is optional indentation, `marker`, then a line break or the end of input.
    func isClosingMarker(_ marker: [Unicode.Scalar]) -> Bool {
        var index = pos
        while index < source.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        guard index + marker.count <= source.count,
              Array(scalars[index..<(index + marker.count)]) == marker else { return false }
        let after = index + marker.count
        if after == source.count || scalars[after] == "\n" { return true }
        return scalars[after] == "\r" && after + 1 < source.count && scalars[after + 1] == "\n"
    }
}
