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
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
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
        // Tags are delimited by ASCII bytes, so the text between them can be copied byte for byte.
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        for byte in html.utf8 {
            if inTag { if byte == UInt8(ascii: ">") { inTag = false }; continue }
            if byte == UInt8(ascii: "<") { inTag = true; continue }
            out.append(byte)
        }
        return decodeEntities(String(decoding: out, as: UTF8.self))
    }

    /// Runs of whitespace (any Unicode white space) collapsed to one space, trimmed.
    public static func collapseWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let white = scalar.isASCII ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
                                         || scalar == "\u{0B}" || scalar == "\u{0C}")
                                       : scalar.properties.isWhitespace
            if white {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    /// `%XX` sequences decoded (invalid ones kept as written).
    public static func percentDecode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
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
