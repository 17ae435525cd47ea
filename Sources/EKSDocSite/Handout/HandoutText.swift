import EKSDocRender
import Foundation

/// What the handout does differently from the site's HTML helpers: apostrophes left as written, attribute values read
/// straight out of a tag.
enum HandoutText {
    /// Escapes text for an element body or a double-quoted attribute.
    static func escape<S: StringProtocol>(_ text: S) -> String {
        HTMLText.escape(String(text), apostrophes: false)
    }

    /// The value of `name="..."` inside a tag, decoded.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.byteRange(of: " \(name)=\"") else { return nil }
        guard let end = tag[start.upperBound...].utf8.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return HTMLText.decodeEntities(String(tag[start.upperBound..<end]))
    }
}
