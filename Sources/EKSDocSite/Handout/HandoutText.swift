import Foundation

/// Small helpers for the HTML that cmark-gfm writes: escaping, entity decoding, plain text of a fragment.
enum HandoutText {
    /// Escapes text for an element body or a double-quoted attribute.
    static func escape<S: StringProtocol>(_ text: S) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Decodes the entities cmark-gfm emits (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;` and numeric ones).
    static func decode<S: StringProtocol>(_ text: S) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            guard let semi = tail.prefix(12).firstIndex(of: ";") else { out += "&"; rest = rest[rest.index(after: amp)...]; continue }
            let name = tail[tail.index(after: amp)..<semi]
            if let decoded = entity(name) {
                out += decoded
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
            }
        }
        return out + rest
    }

    private static func entity(_ name: Substring) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    /// The text of an HTML fragment: tags removed, entities decoded.
    static func plain<S: StringProtocol>(_ html: S) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if inTag { if ch == ">" { inTag = false } }
            else if ch == "<" { inTag = true }
            else { out.append(ch) }
        }
        return decode(out)
    }

    /// The value of `name="..."` inside a tag, decoded.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return decode(tag[start.upperBound..<end])
    }
}
