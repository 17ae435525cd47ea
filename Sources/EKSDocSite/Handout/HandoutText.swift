import Foundation

/// Small helpers for the HTML that cmark-gfm writes: escaping, entity decoding, plain text of a fragment.
enum HandoutText {
    /// Escapes text for an element body or a double-quoted attribute.
    static func escape<S: StringProtocol>(_ text: S) -> String {
        HTMLText.escape(String(text), apostrophes: false)
    }

    /// Decodes the entities cmark-gfm emits (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;` and numeric ones).
    static func decode<S: StringProtocol>(_ text: S) -> String {
        HTMLText.decodeEntities(String(text))
    }

    /// The text of an HTML fragment: tags removed, entities decoded.
    static func plain<S: StringProtocol>(_ html: S) -> String {
        HTMLText.plainText(String(html))
    }

    /// The value of `name="..."` inside a tag, decoded.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.byteRange(of: " \(name)=\"") else { return nil }
        guard let end = tag[start.upperBound...].utf8.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return decode(tag[start.upperBound..<end])
    }
}
