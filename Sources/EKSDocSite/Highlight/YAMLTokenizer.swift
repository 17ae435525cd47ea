/// YAML, line by line: comments, document markers, keys, list dashes, quoted and plain scalars, anchors, aliases
/// and tags.
enum YAMLTokenizer {
    static let literals: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "True", "False", "Null"]

    static func tokens(_ text: [Unicode.Scalar]) -> [(CodeHighlighter.Kind?, String)] {
        var s = TokenScanner(text)
        var expectKey = true
        while let c = s.peek() {
            if c == "\n" { s.emit(nil, count: 1); expectKey = true; continue }
            if c == " " || c == "\t" { s.emit(nil, while: { $0 == " " || $0 == "\t" }); continue }
            let previous = s.position > 0 ? s.text[s.position - 1] : "\n"
            if c == "#", previous == " " || previous == "\t" || previous == "\n" {
                s.emit(.comment, count: s.restOfLine)
            } else if s.atLineStart, s.starts(with: "---") || s.starts(with: "...") {
                s.emit(.punctuation, count: 3)
            } else if c == "-", s.peek(1) == " " || s.peek(1) == "\n" || s.peek(1) == nil {
                s.emit(.punctuation, count: 1)
            } else if expectKey, let length = keyLength(s) {
                s.emit(.key, count: length)
                s.emit(.punctuation, count: 1)
                expectKey = false
            } else if c == "\"" || c == "'" {
                s.emit(.string, count: s.quotedLength(raw: c == "'"))
                expectKey = false
            } else if c == "&" || c == "*" || c == "!" {
                s.emit(.type, while: { $0 != " " && $0 != "\n" })
            } else if c == "|" || c == ">" {
                s.emit(.punctuation, while: { "|>-+0123456789".unicodeScalars.contains($0) })
            } else {
                let length = plainLength(s)
                var word = ""
                word.unicodeScalars.append(contentsOf: s.text[s.position..<s.position + length])
                let trimmed = word.trimmingTrailingSpaces
                let kind: CodeHighlighter.Kind? = literals.contains(trimmed) ? .literal
                    : Double(trimmed) != nil ? .number : nil
                s.emit(kind, count: length)
                expectKey = false
            }
        }
        return s.tokens
    }

    /// A key at the cursor: a plain or quoted word followed by `:` and a space or the end of the line.
    private static func keyLength(_ s: TokenScanner) -> Int? {
        var length: Int
        if s.peek() == "\"" || s.peek() == "'" {
            length = s.quotedLength(raw: s.peek() == "'")
        } else {
            length = s.length(while: { $0 != ":" && $0 != "\n" && $0 != "#" && $0 != "{" && $0 != "[" })
        }
        guard length > 0, s.peek(length) == ":" else { return nil }
        let after = s.peek(length + 1)
        guard after == nil || after == " " || after == "\n" || after == "\t" else { return nil }
        return length
    }

    /// A plain scalar up to a comment or the end of the line.
    private static func plainLength(_ s: TokenScanner) -> Int {
        var length = 0
        while let c = s.peek(length), c != "\n" {
            if c == "#", length > 0, s.peek(length - 1) == " " { break }
            length += 1
        }
        return max(length, 1)
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " || copy.last == "\t" { copy.removeLast() }
        return copy
    }
}
