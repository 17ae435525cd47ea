import EKSDocRender

/// A minimal scanner over well-formed HTML (cmark-gfm output, our templates, libgvc SVG): finds tags and their
/// attributes so links can be rewritten and checked and ids collected. Comments and the bodies of `script` and
/// `style` elements are skipped.
public enum HTMLScanner {
    /// One attribute of a start tag; `value` is as written (entities not decoded).
    public struct Attribute: Sendable {
        /// Lower-cased.
        public var name: String
        /// As written, entities not decoded.
        public var value: String
        /// Where the value sits in the scanned text (without quotes).
        public var valueRange: Range<String.Index>
    }

    /// A start or end tag.
    public struct Tag: Sendable {
        /// Lower-cased tag name.
        public var name: String
        /// True for `</x>`.
        public var isClosing: Bool
        /// From `<` to `>` in the scanned text.
        public var range: Range<String.Index>
        /// In source order.
        public var attributes: [Attribute]

        /// The value of an attribute, entities decoded.
        public func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }.map { HTMLText.decodeEntities($0.value) }
        }
    }

    /// Every tag in the text, in order. Scans the UTF-8 bytes (tags are ASCII) and builds strings only for tag
    /// names, attribute names and values.
    public static func tags(in html: String) -> [Tag] {
        var text = html
        return text.withUTF8 { bytes in scan(bytes, in: html) }
    }

    private static func scan(_ u: UnsafeBufferPointer<UInt8>, in html: String) -> [Tag] {
        let count = u.count
        let utf8 = html.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x3A
                || b == 0x5F || b == 0x2E
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }
        func lowered(_ from: Int, _ to: Int) -> String {
            let bytes = UnsafeBufferPointer(rebasing: u[from..<to])
            guard bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        func find(_ needle: String, from: Int) -> Int? {
            ByteSearch.first(Array(needle.utf8), in: u, from: from)
        }
        /// `</name` in any letter case, from `from`.
        func closingTag(_ name: String, from: Int) -> Int? {
            let needle = Array(("</" + name).utf8)
            var at = from
            while let hit = ByteSearch.first([UInt8(ascii: "<")], in: u, from: at) {
                if hit + needle.count <= count,
                   (0..<needle.count).allSatisfy({ (u[hit + $0] | ($0 >= 2 ? 0x20 : 0)) == needle[$0] }) { return hit }
                at = hit + 1
            }
            return nil
        }
        var tags: [Tag] = []
        var i = 0
        while i < count, let lt = ByteSearch.first([UInt8(ascii: "<")], in: u, from: i) {
            var j = lt + 1
            guard j < count else { break }
            let b = u[j]
            if b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                let comment = j + 2 < count && u[j + 1] == UInt8(ascii: "-") && u[j + 2] == UInt8(ascii: "-")
                let marker = comment ? "-->" : ">"
                i = find(marker, from: j).map { $0 + marker.utf8.count } ?? count
                continue
            }
            let closing = b == UInt8(ascii: "/")
            if closing { j += 1 }
            let nameStart = j
            while j < count, isNameByte(u[j]) { j += 1 }
            guard j > nameStart else { i = lt + 1; continue }
            let name = lowered(nameStart, j)
            var attributes: [Attribute] = []
            while j < count, u[j] != UInt8(ascii: ">") {
                let c = u[j]
                if isSpace(c) || c == UInt8(ascii: "/") { j += 1; continue }
                let attrStart = j
                while j < count, !isSpace(u[j]), u[j] != UInt8(ascii: "="), u[j] != UInt8(ascii: ">"), u[j] != UInt8(ascii: "/") {
                    j += 1
                }
                if j == attrStart { j += 1; continue }
                let attrName = lowered(attrStart, j)
                var valueStart = j, valueEnd = j
                if j < count, u[j] == UInt8(ascii: "=") {
                    j += 1
                    if j < count, u[j] == UInt8(ascii: "\"") || u[j] == UInt8(ascii: "'") {
                        valueStart = j + 1
                        valueEnd = ByteSearch.first([u[j]], in: u, from: valueStart) ?? count
                        j = min(valueEnd + 1, count)
                    } else {
                        valueStart = j
                        while j < count, !isSpace(u[j]), u[j] != UInt8(ascii: ">") { j += 1 }
                        valueEnd = j
                    }
                }
                let value = String(decoding: UnsafeBufferPointer(rebasing: u[valueStart..<valueEnd]), as: UTF8.self)
                attributes.append(Attribute(name: attrName, value: value, valueRange: index(valueStart)..<index(valueEnd)))
            }
            let end = min(j + 1, count)
            tags.append(Tag(name: name, isClosing: closing, range: index(lt)..<index(end), attributes: attributes))
            i = end
            if !closing, name == "script" || name == "style" {
                i = closingTag(name, from: end) ?? count
            }
        }
        return tags
    }

    /// Rewrites attribute values: `transform(tag, attribute name, decoded value)` returns the new decoded value
    /// (escaped on the way in) or nil to keep it.
    public static func rewriteAttributes(in html: String,
                                         _ transform: (Tag, String, String) -> String?) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var copied = html.startIndex
        for tag in tags(in: html) where !tag.isClosing {
            for attribute in tag.attributes {
                guard let value = transform(tag, attribute.name, HTMLText.decodeEntities(attribute.value)) else { continue }
                out += html[copied..<attribute.valueRange.lowerBound]
                out += HTMLText.escape(value)
                copied = attribute.valueRange.upperBound
            }
        }
        out += html[copied...]
        return out
    }
}
