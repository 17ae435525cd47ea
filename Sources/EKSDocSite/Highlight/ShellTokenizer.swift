/// Shell: comments, quoted strings, variables and command substitutions, the command word of each pipeline
/// stage, and options.
enum ShellTokenizer {
    static let keywords: Set<String> = ["if", "then", "else", "elif", "fi", "for", "do", "done", "while", "case", "esac",
                                        "in", "function", "export", "local", "return"]

    static func tokens(_ text: [Unicode.Scalar]) -> [(CodeHighlighter.Kind?, String)] {
        var s = TokenScanner(text)
        var expectCommand = true
        while let c = s.peek() {
            let previous = s.position > 0 ? s.text[s.position - 1] : "\n"
            let wordStart = previous == " " || previous == "\t" || previous == "\n" || previous == "(" || previous == ";"
            if c == "\n" {
                let continued = previous == "\\"
                s.emit(nil, count: 1)
                if !continued { expectCommand = true }
            } else if c == " " || c == "\t" {
                s.emit(nil, while: { $0 == " " || $0 == "\t" })
            } else if c == "#", wordStart {
                s.emit(.comment, count: s.restOfLine)
            } else if c == "'" {
                s.emit(.string, count: s.quotedLength(raw: true)); expectCommand = false
            } else if c == "\"" {
                s.emit(.string, count: s.quotedLength()); expectCommand = false
            } else if s.starts(with: "$(") {
                s.emit(.punctuation, count: 2); expectCommand = true
            } else if s.starts(with: "${") {
                s.emit(.variable, count: 2 + s.length(while: { $0 != "}" && $0 != "\n" }, from: 2) + 1)
            } else if c == "$", let next = s.peek(1), next.properties.isAlphabetic || next == "_" {
                s.emit(.variable, count: 1 + s.length(while: { $0.properties.isAlphabetic || $0 == "_" ||
                    TokenScanner.isDigit($0) }, from: 1))
            } else if "|;&".unicodeScalars.contains(c) {
                s.emit(.punctuation, while: { "|;&".unicodeScalars.contains($0) }); expectCommand = true
            } else if c == "-", wordStart {
                s.emit(.option, while: { $0 != " " && $0 != "\n" && $0 != "=" && $0 != "\t" })
            } else {
                let length = s.length(while: { !" \t\n|;&\"'$()".unicodeScalars.contains($0) })
                guard length > 0 else { s.emit(nil, count: 1); continue }
                var word = ""
                word.unicodeScalars.append(contentsOf: s.text[s.position..<s.position + length])
                if keywords.contains(word), wordStart {
                    s.emit(.keyword, count: length)
                    expectCommand = word != "in"
                } else if expectCommand, !word.contains("=") {
                    s.emit(.command, count: length); expectCommand = false
                } else {
                    s.emit(TokenScanner.isDigit(word.unicodeScalars.first!) && Int(word) != nil ? .number : nil,
                           count: length)
                }
            }
        }
        return s.tokens
    }
}
