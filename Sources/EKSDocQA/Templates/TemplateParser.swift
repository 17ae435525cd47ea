/// A problem in template text: what is wrong and where (0-based character offset).
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// 0-based character offset in the text.
    public var offset: Int

    /// An error at a character offset.
    public init(_ message: String, at offset: Int) {
        self.message = message; self.offset = offset
    }

    /// The message with the 1-based character position.
    public var description: String { "\(message) (at character \(offset + 1))" }
}

/// Where a variable sits in the Markdown around it, which decides how its value is escaped.
enum TextContext: Hashable, Sendable {
    /// Ordinary Markdown text: `MD.text` escaping.
    case prose
    /// Inside an inline code span: backticks replaced, nothing escaped.
    case codeSpan
    /// Inside a fenced code block: fences inside the value broken up, nothing escaped.
    case codeBlock
}

/// Splits template text into text and tags, applies the standalone-line rule, and builds the node tree.
struct TemplateParser {
    enum TagKind: Equatable { case variable, raw, section, inverted, close, comment }

    enum Token {
        case text(String, offset: Int)
        case tag(TagKind, name: String, offset: Int)
    }

    private let chars: [Character]
    private(set) var errors: [TemplateError] = []

    init(_ text: String) { chars = Array(text) }

    mutating func parse() -> [TemplateNode] {
        var tokens = tokenize()
        applyStandalone(&tokens)
        var skeleton: [Character] = []
        for token in tokens {
            switch token {
            case .text(let text, _): skeleton.append(contentsOf: text)
            case .tag(let kind, _, _) where kind == .variable || kind == .raw: skeleton.append(CodeRegions.placeholder)
            case .tag: continue
            }
        }
        var contexts = CodeRegions.contexts(skeleton)[...]
        var stack: [(name: String, inverted: Bool, offset: Int, children: [TemplateNode])] = [("", false, 0, [])]
        for token in tokens {
            switch token {
            case .text(let text, _):
                if !text.isEmpty { stack[stack.count - 1].children.append(.text(text)) }
            case .tag(let kind, let name, let offset):
                switch kind {
                case .comment: break
                case .variable, .raw:
                    let context = contexts.popFirst() ?? .prose
                    stack[stack.count - 1].children.append(.variable(name: name, raw: kind == .raw, context: context, offset: offset))
                case .section, .inverted:
                    stack.append((name, kind == .inverted, offset, []))
                case .close:
                    guard stack.count > 1 else {
                        errors.append(TemplateError("'{{/\(name)}}' closes no open section", at: offset)); continue
                    }
                    let open = stack[stack.count - 1]
                    if open.name != name {
                        errors.append(TemplateError("'{{/\(name)}}' does not match the open section '\(open.name)'", at: offset))
                        continue
                    }
                    stack.removeLast()
                    stack[stack.count - 1].children.append(.section(name: name, inverted: open.inverted, children: open.children, offset: open.offset))
                }
            }
        }
        for open in stack.dropFirst().reversed() {
            errors.append(TemplateError("section '\(open.name)' is never closed (missing '{{/\(open.name)}}')", at: open.offset))
        }
        return stack[0].children
    }

    private mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        var i = 0, textStart = 0
        func flush(_ end: Int) {
            tokens.append(.text(String(chars[textStart..<end]), offset: textStart))
        }
        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" else { i += 1; continue }
            let start = i
            let triple = i + 2 < chars.count && chars[i + 2] == "{"
            let closing: [Character] = triple ? ["}", "}", "}"] : ["}", "}"]
            var j = i + (triple ? 3 : 2)
            var end: Int?
            while j + closing.count <= chars.count {
                if Array(chars[j..<j + closing.count]) == closing { end = j; break }
                j += 1
            }
            guard let end else {
                errors.append(TemplateError("'{{' is never closed with '\(String(closing))'", at: start))
                break
            }
            flush(start)
            let inner = String(chars[(start + (triple ? 3 : 2))..<end])
            if let token = tag(inner, triple: triple, offset: start) { tokens.append(token) }
            i = end + closing.count
            textStart = i
        }
        flush(chars.count)
        return tokens
    }

    private mutating func tag(_ inner: String, triple: Bool, offset: Int) -> Token? {
        let body = inner.trimmingWhitespace
        if triple { return named(.raw, body, offset) }
        guard let sigil = body.first else {
            errors.append(TemplateError("empty tag '{{}}'", at: offset)); return nil
        }
        let rest = String(body.dropFirst()).trimmingWhitespace
        switch sigil {
        case "!": return .tag(.comment, name: "", offset: offset)
        case "#": return named(.section, rest, offset)
        case "^": return named(.inverted, rest, offset)
        case "/": return named(.close, rest, offset)
        case "&": return named(.raw, rest, offset)
        case ">", "=", "<", "$":
            errors.append(TemplateError("'{{\(sigil)' tags (partials, delimiters, blocks) are not supported", at: offset))
            return nil
        default: return named(.variable, body, offset)
        }
    }

    private mutating func named(_ kind: TagKind, _ name: String, _ offset: Int) -> Token? {
        let valid = name == "." || (!name.isEmpty && name.first!.isLetter && !name.hasSuffix(".") && !name.contains("..")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") })
        guard valid else {
            errors.append(TemplateError("invalid name '\(name)' in a tag", at: offset)); return nil
        }
        if name == "." && kind != .variable && kind != .raw {
            errors.append(TemplateError("'.' cannot open or close a section", at: offset)); return nil
        }
        return .tag(kind, name: name, offset: offset)
    }

    /// A section, inverted, closing or comment tag alone on its line (only whitespace around it) takes the line
    /// with it, so it leaves no blank line behind.
    private func applyStandalone(_ tokens: inout [Token]) {
        for index in tokens.indices {
            guard case .tag(let kind, _, _) = tokens[index], kind != .variable && kind != .raw else { continue }
            guard index > 0, case .text(let before, let beforeOffset) = tokens[index - 1],
                  index + 1 < tokens.count, case .text(let after, let afterOffset) = tokens[index + 1] else { continue }
            let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
            let isFirstLine = before.lastIndex(of: "\n") == nil
            guard before[lineStart...].allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            // On the first line, the text before must start the template (or follow a removed standalone line).
            if isFirstLine && beforeOffset != 0 && chars[beforeOffset - 1] != "\n" { continue }
            let lineEnd = after.firstIndex(of: "\n")
            let rest = after[..<(lineEnd ?? after.endIndex)]
            guard rest.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) else { continue }
            let isLastLine = lineEnd == nil
            if isLastLine && afterOffset + after.count != chars.count { continue }
            tokens[index - 1] = .text(String(before[..<lineStart]), offset: beforeOffset)
            let keep = lineEnd.map { after.index(after: $0) } ?? after.endIndex
            tokens[index + 1] = .text(String(after[keep...]), offset: afterOffset + after.distance(from: after.startIndex, to: keep))
        }
    }
}

extension String {
    /// Spaces, tabs and newlines removed at both ends.
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
