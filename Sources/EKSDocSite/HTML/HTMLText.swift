/// Small helpers for HTML text: escaping, entity decoding, tag stripping, percent-decoding.
public enum HTMLText {
    /// Escapes text for element content and quoted attribute values (`'` too unless `apostrophes` is false).
    public static func escape(_ text: String, apostrophes: Bool = true) -> String {
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || ($0 == 0x27 && apostrophes) }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27 where apostrophes: out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes the entities cmark-gfm and libgvc emit: the five named ones and numeric references.
    public static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "&") else { out.append(byte); i += 1; continue }
            // The name runs to a `;` within the next 11 bytes (as the Character-based version looked 12 ahead).
            let limit = min(bytes.count, i + 12)
            if let semi = bytes[(i + 1)..<limit].firstIndex(of: UInt8(ascii: ";")),
               let decoded = decode(entity: Substring(String(decoding: bytes[(i + 1)..<semi], as: UTF8.self))) {
                out += decoded.utf8
                i = semi + 1
            } else {
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
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
        // ASCII text (nearly all of it) is collapsed byte by byte; other text scalar by scalar.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return collapseScalars(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func collapseScalars(_ text: String) -> String {
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
