/// Small helpers for HTML text: escaping, entity decoding, tag stripping, percent-decoding.
public enum HTMLText {
    /// Escapes text for element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Decodes the entities cmark-gfm and libgvc emit: the five named ones and numeric references.
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            guard let semi = tail.prefix(12).firstIndex(of: ";") else {
                out += "&"; rest = rest[rest.index(after: amp)...]; continue
            }
            let name = tail[tail.index(after: amp)..<semi]
            if let decoded = decode(entity: name) {
                out += decoded
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"; rest = rest[rest.index(after: amp)...]
            }
        }
        return out + rest
    }

    private static func decode(entity name: Substring) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{a0}"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    /// The text of an HTML fragment: tags removed, entities decoded.
    public static func plainText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if inTag { if ch == ">" { inTag = false }; continue }
            if ch == "<" { inTag = true; continue }
            out.append(ch)
        }
        return decodeEntities(out)
    }

    /// Runs of whitespace collapsed to one space, trimmed.
    public static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `%XX` sequences decoded (invalid ones kept as written).
    public static func percentDecode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value); utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
