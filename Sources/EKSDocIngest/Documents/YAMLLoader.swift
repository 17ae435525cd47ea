import EKSDocModel
import Yams

/// Loads YAML streams (one or more `---` documents) into `Node`s with locations.
///
/// Duplicate mapping keys are warnings and the last value wins, as Kubernetes tooling does (the
/// retail-store fixture has one). Aliases are expanded with a budget so alias bombs end in an error.
public enum YAMLLoader {
    /// Most nodes a file may expand to, aliases included.
    public static let maxNodes = 2_000_000
    /// Deepest nesting accepted before the YAML library sees the text.
    public static let maxDepth = 500

    /// Parses every document of `text`. Empty documents are dropped.
    public static func load(_ text: String, file: String) -> (documents: [Node], diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        if let problem = nestingProblem(text, file: file) {
            diagnostics.append(problem)
            return ([], diagnostics)
        }
        var documents: [Node] = []
        do {
            let parser = try Parser(yaml: text)
            var budget = maxNodes
            while let root = try parser.nextRoot() {
                var builder = Builder(file: file, budget: budget)
                let node = try builder.convert(root, depth: 0)
                budget = builder.budget
                diagnostics.append(contentsOf: builder.diagnostics)
                if !node.isNull { documents.append(node) }
            }
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, file: file))
        } catch let diagnostic as Diagnostic {
            diagnostics.append(diagnostic)
        } catch {
            diagnostics.error("cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        return (documents, diagnostics)
    }

    /// Rejects flow nesting or indentation so deep that parsing it would exhaust the stack.
    static func nestingProblem(_ text: String, file: String) -> Diagnostic? {
        var depth = 0, line = 1, column = 0, indent = 0, atLineStart = true
        for byte in text.utf8 {
            column += 1
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1; column = 0; indent = 0; atLineStart = true
                continue
            case UInt8(ascii: " ") where atLineStart:
                indent += 1
                if indent > maxDepth * 4 {
                    return .error("indentation deeper than \(maxDepth * 4) columns", at: SourceLocation(file: file, line: line, column: column))
                }
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth {
                    return .error("nesting deeper than \(maxDepth) levels", at: SourceLocation(file: file, line: line, column: column))
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
            atLineStart = false
        }
        return nil
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .error("invalid YAML: \(text)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .reader(let problem, _, _, _):
            return .error("cannot read YAML: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Converts Yams nodes to `Node`, resolving plain scalars with the YAML 1.2 core schema.
    struct Builder {
        let file: String
        var budget: Int
        var diagnostics = Diagnostics()

        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
        }

        mutating func convert(_ node: Yams.Node, depth: Int) throws -> Node {
            budget -= 1
            if budget < 0 {
                throw Diagnostic.error("document expands to more than \(YAMLLoader.maxNodes) nodes (an alias bomb?)",
                                       at: location(node.mark))
            }
            if depth > YAMLLoader.maxDepth {
                throw Diagnostic.error("nesting deeper than \(YAMLLoader.maxDepth) levels", at: location(node.mark))
            }
            switch node {
            case .scalar(let scalar):
                return Node(YAMLLoader.resolve(scalar), at: location(scalar.mark))
            case .sequence(let sequence):
                var items: [Node] = []
                for item in sequence { items.append(try convert(item, depth: depth + 1)) }
                return Node(.list(items), at: location(sequence.mark))
            case .mapping(let mapping):
                var pairs: [(key: String, value: Node)] = []
                var positions: [String: Int] = [:]
                for (key, value) in mapping {
                    let keyText = key.scalar?.string ?? "\(key)"
                    let converted = try convert(value, depth: depth + 1)
                    if let previous = positions[keyText] {
                        diagnostics.warning("duplicate key '\(keyText)' (first at line \(pairs[previous].value.location.line)); the last one wins",
                                            at: location(key.mark))
                        pairs[previous].value = converted
                    } else {
                        positions[keyText] = pairs.count
                        pairs.append((keyText, converted))
                    }
                }
                return Node(.map(pairs), at: location(mapping.mark))
            }
        }
    }

    /// YAML 1.2 core schema for plain scalars; quoted and block scalars are strings.
    static func resolve(_ scalar: Yams.Node.Scalar) -> Node.Content {
        let text = scalar.string
        if scalar.tag.description.hasSuffix("2002:str") || scalar.tag.description == "!!str" { return .string(text) }
        guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if isNumber(text) { return .number(text) }
        return .string(text)
    }

    static func isNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return false }
        if body.hasPrefix("0x") { return body.count > 2 && body.dropFirst(2).allSatisfy(\.isHexDigit) }
        if body.hasPrefix("0o") { return body.count > 2 && body.dropFirst(2).allSatisfy { ("0"..."7").contains($0) } }
        var seenDigit = false, seenDot = false, seenExp = false
        var previous: Character = " "
        for c in body {
            if c.isASCII && c.isNumber { seenDigit = true }
            else if c == "." && !seenDot && !seenExp { seenDot = true }
            else if (c == "e" || c == "E") && seenDigit && !seenExp { seenExp = true }
            else if (c == "+" || c == "-") && (previous == "e" || previous == "E") {}
            else { return false }
            previous = c
        }
        return seenDigit && previous.isNumber
    }
}
