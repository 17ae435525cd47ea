import EKSDocModel

/// Reader for `.tfvars.json` files: a top-level JSON object whose keys become attributes.
public enum TFVarsJSON {
    /// Parses `text` (the contents of `file`). Each top-level key becomes an `HCLAttribute` located at
    /// the key, with the JSON value as a `Value` (numbers keep their source text). Strings are kept
    /// as written, so `"${var.x}"` stays a string. Invalid JSON is reported at its line and column;
    /// the keys read before the error are returned.
    public static func parse(_ text: String, file: String) -> (body: HCLBody, diagnostics: [Diagnostic]) {
        var reader = JSONReader(source: SourceText(text, file: file))
        let body = reader.readFile()
        let diagnostics = reader.diagnostics
            + HCLParser.suppressedNote(reader.suppressed, source: reader.source)
        return (body, HCLParser.sortedUnique(diagnostics))
    }
}

/// A strict RFC 8259 reader over Unicode scalars that tracks lines and columns.
struct JSONReader {
    struct Failure: Error {}

    let source: SourceText
    var pos = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []
    /// Errors not recorded because `HCLParser.maxDiagnostics` was reached.
    var suppressed = 0

    init(source: SourceText) {
        self.source = source
        if source.count > 0, source.scalars[0] == "\u{FEFF}" { pos = 1; lineStart = 1 }
    }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        pos + ahead < source.count ? source.scalars[pos + ahead] : nil
    }

    var mark: Lexer.Mark { Lexer.Mark(offset: pos, line: line, lineStart: lineStart) }

    func location(_ mark: Lexer.Mark) -> SourceLocation {
        source.location(offset: mark.offset, line: mark.line, lineStart: mark.lineStart)
    }

    mutating func report(_ message: String, at mark: Lexer.Mark) {
        guard diagnostics.count < HCLParser.maxDiagnostics else { suppressed += 1; return }
        diagnostics.append(.error(message, at: location(mark)))
    }

    /// Reports `message` at `mark` (default: here) and stops reading.
    mutating func fail(_ message: String, at mark: Lexer.Mark? = nil) throws -> Never {
        report(message, at: mark ?? self.mark)
        throw Failure()
    }

    /// What is at the current position, for messages.
    func found() -> String {
        guard let c = peek() else { return "end of file" }
        if c == "\n" || c == "\r" { return "newline" }
        return c.value < 0x20 ? "character U+" + String(c.value, radix: 16, uppercase: true) : "\"\(c)\""
    }

    mutating func skipWhitespace() {
        while let c = peek() {
            if c == "\n" { pos += 1; line += 1; lineStart = pos } else if c == " " || c == "\t" || c == "\r" { pos += 1 } else { return }
        }
    }

    mutating func readFile() -> HCLBody {
        var body = HCLBody()
        var definedAt: [String: Int] = [:]
        do {
            skipWhitespace()
            guard peek() == "{" else {
                try fail("a .tfvars.json file must contain a JSON object at the top level; found \(found())")
            }
            try readMembers(open: mark) { reader, key, keyMark, valueMark, value in
                if let previous = definedAt[key] {
                    reader.report("attribute \"\(key)\" was already defined at line \(previous)", at: keyMark)
                    return
                }
                definedAt[key] = keyMark.line
                body.attributes.append(HCLAttribute(
                    name: key, value: value, location: reader.location(keyMark),
                    valueLocation: reader.location(valueMark),
                    valueText: reader.source.text(valueMark.offset..<reader.pos)))
            }
            skipWhitespace()
            if peek() != nil { try fail("unexpected \(found()) after the top-level JSON object") }
        } catch {
            // The diagnostic has been recorded; return what was read.
        }
        return body
    }

    /// Reads `{ "key": value, ... }`, calling `member` after each value.
    mutating func readMembers(
        open: Lexer.Mark,
        _ member: (inout JSONReader, String, Lexer.Mark, Lexer.Mark, Value) throws -> Void
    ) throws {
        try enter(open)
        defer { depth -= 1 }
        pos += 1
        skipWhitespace()
        if peek() == "}" { pos += 1; return }
        while true {
            skipWhitespace()
            let keyMark = mark
            guard peek() == "\"" else { try fail("expected a string key in the JSON object; found \(found())") }
            let key = try readString()
            skipWhitespace()
            guard peek() == ":" else { try fail("expected \":\" after the object key; found \(found())") }
            pos += 1
            skipWhitespace()
            let valueMark = mark
            let value = try readValue()
            try member(&self, key, keyMark, valueMark, value)
            skipWhitespace()
            if peek() == "," { pos += 1; continue }
            if peek() == "}" { pos += 1; return }
            if peek() == nil { try fail("unclosed \"{\"; expected \"}\" before the end of the file", at: open) }
            try fail("expected \",\" or \"}\" in the JSON object; found \(found())")
        }
    }

    mutating func enter(_ open: Lexer.Mark) throws {
        depth += 1
        if depth > Parser.maxDepth { try fail("nesting is too deep (more than \(Parser.maxDepth) levels)", at: open) }
    }

    mutating func readValue() throws -> Value {
        guard let c = peek() else { try fail("unexpected end of file; expected a JSON value") }
        switch c {
        case "{":
            var members: [Value.Member] = []
            var definedAt: [String: Int] = [:]
            try readMembers(open: mark) { reader, key, keyMark, _, value in
                if let previous = definedAt[key] {
                    reader.report("duplicate object key \"\(key)\"; it was already defined at line \(previous)",
                                  at: keyMark)
                    return
                }
                definedAt[key] = keyMark.line
                members.append(Value.Member(key, value))
            }
            return .object(members)
        case "[":
            let open = mark
            try enter(open)
            defer { depth -= 1 }
            pos += 1
            var items: [Value] = []
            skipWhitespace()
            if peek() == "]" { pos += 1; return .list(items) }
            while true {
                skipWhitespace()
                items.append(try readValue())
                skipWhitespace()
                if peek() == "," { pos += 1; continue }
                if peek() == "]" { pos += 1; return .list(items) }
                if peek() == nil { try fail("unclosed \"[\"; expected \"]\" before the end of the file", at: open) }
                try fail("expected \",\" or \"]\" in the JSON array; found \(found())")
            }
        case "\"":
            return .string(try readString())
        case "-", "0"..."9":
            return .number(try readNumber())
        default:
            let start = mark
            var word = ""
            while let l = peek(), l.properties.isAlphabetic { word.unicodeScalars.append(l); pos += 1 }
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            case "": try fail("unexpected \(found()); expected a JSON value")
            default: try fail("invalid JSON literal \"\(word)\"; expected true, false or null", at: start)
            }
        }
    }
}
