import Foundation

/// HCL and tfvars: comments, strings (with heredocs), numbers, literals, attribute names and block types.
enum HCLTokenizer {
    static let literals: Set<String> = ["true", "false", "null"]
    static let keywords: Set<String> = ["for", "in", "if", "else", "endif", "endfor"]

    static func tokens(_ text: [Unicode.Scalar]) -> [(CodeHighlighter.Kind?, String)] {
        var s = TokenScanner(text)
        while let c = s.peek() {
            if c == "#" || s.starts(with: "//") {
                s.emit(.comment, count: s.restOfLine)
            } else if s.starts(with: "/*") {
                let end = s.length(while: { _ in true })
                var length = 2
                while length < end, !(s.peek(length) == "*" && s.peek(length + 1) == "/") { length += 1 }
                s.emit(.comment, count: min(end, length + 2))
            } else if s.starts(with: "<<") {
                s.emit(.string, count: heredocLength(s))
            } else if c == "\"" {
                s.emit(.string, count: s.quotedLength())
            } else if TokenScanner.isDigit(c) {
                s.emit(.number, while: { TokenScanner.isDigit($0) || $0 == "." || $0 == "e" || $0 == "E" })
            } else if c.properties.isAlphabetic || c == "_" {
                let length = s.length(while: TokenScanner.isIdentifier)
                var word = ""
                word.unicodeScalars.append(contentsOf: text[s.position..<s.position + length])
                s.emit(kind(of: word, scanner: s, length: length), count: length)
            } else if "{}[](),=:?".unicodeScalars.contains(c) {
                s.emit(.punctuation, count: 1)
            } else {
                s.emit(nil, count: 1)
            }
        }
        return s.tokens
    }

    private static func kind(of word: String, scanner s: TokenScanner, length: Int) -> CodeHighlighter.Kind? {
        if literals.contains(word) { return .literal }
        if keywords.contains(word) { return .keyword }
        let spaces = s.length(while: { $0 == " " || $0 == "\t" }, from: length)
        let next = s.peek(length + spaces), after = s.peek(length + spaces + 1)
        if next == "=" && after != "=" { return .key }
        if next == ":" && s.atLineStart { return .key }
        if s.atLineStart, next == "\"" || next == "{" { return .type }
        return nil
    }

    /// `<<EOF` / `<<-EOF` to the line holding only the delimiter.
    private static func heredocLength(_ s: TokenScanner) -> Int {
        var offset = 2
        if s.peek(offset) == "-" { offset += 1 }
        let nameLength = s.length(while: TokenScanner.isIdentifier, from: offset)
        guard nameLength > 0 else { return 2 }
        var name = ""
        name.unicodeScalars.append(contentsOf: s.text[s.position + offset..<s.position + offset + nameLength])
        var index = s.position + offset + nameLength
        while index < s.text.count {
            guard let newline = s.text[index...].firstIndex(of: "\n") else { return s.text.count - s.position }
            var lineEnd = newline + 1
            while lineEnd < s.text.count, s.text[lineEnd] != "\n" { lineEnd += 1 }
            var line = ""
            line.unicodeScalars.append(contentsOf: s.text[(newline + 1)..<lineEnd])
            if line.trimmingCharacters(in: .whitespaces) == name { return lineEnd - s.position }
            index = lineEnd
        }
        return s.text.count - s.position
    }
}
