import EKSDocModel

/// The canonical JSON form of a parsed body, printed by `eksdoc parse FILE`.
///
/// Shape: an object mapping each attribute name to its value, plus `"blocks"` (only when there are
/// blocks): an array, in source order, of `{"type": T, "labels": [...], "body": {...}}`. Literals are
/// JSON values (numbers from their source text, made valid JSON: `007` → `7`, `1e3` stays `1e3`),
/// a non-literal expression is `{"expression": "<source text>"}`, a withheld value is
/// `{"withheld": true}`. Object keys are sorted by Unicode code point, indentation is two spaces,
/// strings are escaped per RFC 8259 (`\"`, `\\`, `\b \f \n \r \t`, other control characters as
/// `\u00XX`; everything else, including non-ASCII, is written as UTF-8), and the text ends with a newline.
public enum HCLCanonicalJSON {
    /// Renders `body` as canonical JSON text (deterministic; ends with a newline).
    public static func render(_ body: HCLBody) -> String {
        var out = ""
        write(node(body), indent: 0, into: &out)
        out += "\n"
        return out
    }

    /// Renders one value in the same canonical form (no trailing newline).
    public static func render(_ value: Value) -> String {
        var out = ""
        write(node(value), indent: 0, into: &out)
        return out
    }

    indirect enum Node {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([Node])
        case object([(String, Node)])
    }

    static func node(_ body: HCLBody) -> Node {
        var members = body.attributes.map { ($0.name, node($0.value)) }
        if !body.blocks.isEmpty {
            members.append(("blocks", .array(body.blocks.map { block in
                .object([
                    ("type", .string(block.type)),
                    ("labels", .array(block.labels.map { .string($0) })),
                    ("body", node(block.body)),
                ])
            })))
        }
        return .object(members)
    }

    static func node(_ value: Value) -> Node {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let text): return jsonNumber(text).map { .number($0) } ?? .string(text)
        case .string(let s): return .string(s)
        case .list(let items): return .array(items.map { node($0) })
        case .object(let members): return .object(members.map { ($0.key, node($0.value)) })
        case .expression(let text): return .object([("expression", .string(text))])
        case .withheld: return .object([("withheld", .bool(true))])
        }
    }

    /// `text` as a valid JSON number (sign kept, leading zeros of the integer part removed),
    /// or nil when it is not a decimal number at all.
    static func jsonNumber(_ text: String) -> String? {
        var rest = Substring(text)
        var sign = ""
        if rest.hasPrefix("-") { sign = "-"; rest = rest.dropFirst() } else if rest.hasPrefix("+") { rest = rest.dropFirst() }
        func isDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" }
        let integer = rest.prefix(while: isDigit)
        guard !integer.isEmpty else { return nil }
        rest = rest.dropFirst(integer.count)
        var tail = ""
        if rest.hasPrefix(".") {
            let fraction = rest.dropFirst().prefix(while: isDigit)
            guard !fraction.isEmpty else { return nil }
            tail += "." + fraction
            rest = rest.dropFirst(1 + fraction.count)
        }
        if let e = rest.first, e == "e" || e == "E" {
            rest = rest.dropFirst()
            var exponentSign = ""
            if let s = rest.first, s == "+" || s == "-" { exponentSign = String(s); rest = rest.dropFirst() }
            let exponent = rest.prefix(while: isDigit)
            guard !exponent.isEmpty else { return nil }
            tail += String(e) + exponentSign + exponent
            rest = rest.dropFirst(exponent.count)
        }
        guard rest.isEmpty else { return nil }
        let trimmed = integer.drop { $0 == "0" }
        return sign + (trimmed.isEmpty ? "0" : String(trimmed)) + tail
    }

    static func write(_ node: Node, indent: Int, into out: inout String) {
        switch node {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                write(item, indent: indent + 1, into: &out)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            let sorted = members.enumerated().sorted { lhs, rhs in
                let (a, b) = (lhs.element.0.unicodeScalars, rhs.element.0.unicodeScalars)
                if a.elementsEqual(b) { return lhs.offset < rhs.offset }
                return a.lexicographicallyPrecedes(b) { $0.value < $1.value }
            }
            out += "{\n"
            for (index, entry) in sorted.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                writeString(entry.element.0, into: &out)
                out += ": "
                write(entry.element.1, indent: indent + 1, into: &out)
                out += index == sorted.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        var view = String.UnicodeScalarView()
        view.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": view.append(contentsOf: ["\\", "\""])
            case "\\": view.append(contentsOf: ["\\", "\\"])
            case "\n": view.append(contentsOf: ["\\", "n"])
            case "\r": view.append(contentsOf: ["\\", "r"])
            case "\t": view.append(contentsOf: ["\\", "t"])
            case "\u{08}": view.append(contentsOf: ["\\", "b"])
            case "\u{0C}": view.append(contentsOf: ["\\", "f"])
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    view.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
                } else {
                    view.append(scalar)
                }
            }
        }
        view.append("\"")
        out += String(view)
    }
}
