/// JSON: object keys, strings, numbers, literals and punctuation.
enum JSONTokenizer {
    static func tokens(_ text: [Unicode.Scalar]) -> [(CodeHighlighter.Kind?, String)] {
        var s = TokenScanner(text)
        while let c = s.peek() {
            if c == "\"" {
                let length = s.quotedLength()
                let spaces = s.length(while: { $0 == " " || $0 == "\t" || $0 == "\n" }, from: length)
                s.emit(s.peek(length + spaces) == ":" ? .key : .string, count: length)
            } else if TokenScanner.isDigit(c) || (c == "-" && s.peek(1).map(TokenScanner.isDigit) == true) {
                s.emit(.number, count: 1 + s.length(while: {
                    TokenScanner.isDigit($0) || ".eE+-".unicodeScalars.contains($0)
                }, from: 1))
            } else if s.starts(with: "true") || s.starts(with: "false") || s.starts(with: "null") {
                s.emit(.literal, while: { $0.properties.isAlphabetic })
            } else if "{}[],:".unicodeScalars.contains(c) {
                s.emit(.punctuation, count: 1)
            } else {
                s.emit(nil, count: 1)
            }
        }
        return s.tokens
    }
}
