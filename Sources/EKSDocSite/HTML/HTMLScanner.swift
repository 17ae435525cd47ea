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

    /// Every tag in the text, in order.
    public static func tags(in html: String) -> [Tag] {
        let u = html.utf8
        var tags: [Tag] = []
        var i = u.startIndex
        func at(_ index: String.Index) -> UInt8? { index < u.endIndex ? u[index] : nil }
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x3A
                || b == 0x5F || b == 0x2E
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }
        func skip(past marker: String, from start: String.Index) -> String.Index {
            guard let r = html[start...].firstRange(of: marker) else { return u.endIndex }
            return r.upperBound
        }
        while let lt = u[i...].firstIndex(of: UInt8(ascii: "<")) {
            let start = lt
            var j = u.index(after: lt)
            guard let b = at(j) else { break }
            if b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                i = html[j...].hasPrefix("!--") ? skip(past: "-->", from: j) : skip(past: ">", from: j)
                continue
            }
            let closing = b == UInt8(ascii: "/")
            if closing { j = u.index(after: j) }
            let nameStart = j
            while let c = at(j), isNameByte(c) { j = u.index(after: j) }
            guard j > nameStart else { i = u.index(after: lt); continue }
            let name = String(html[nameStart..<j]).lowercased()
            var attributes: [Attribute] = []
            while let c = at(j), c != UInt8(ascii: ">") {
                if isSpace(c) || c == UInt8(ascii: "/") { j = u.index(after: j); continue }
                let attrStart = j
                while let c = at(j), !isSpace(c), c != UInt8(ascii: "="), c != UInt8(ascii: ">"), c != UInt8(ascii: "/") {
                    j = u.index(after: j)
                }
                if j == attrStart { j = u.index(after: j); continue }
                let attrName = String(html[attrStart..<j]).lowercased()
                var valueRange = j..<j
                if at(j) == UInt8(ascii: "=") {
                    j = u.index(after: j)
                    if let q = at(j), q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                        let valueStart = u.index(after: j)
                        let valueEnd = u[valueStart...].firstIndex(of: q) ?? u.endIndex
                        valueRange = valueStart..<valueEnd
                        j = valueEnd < u.endIndex ? u.index(after: valueEnd) : valueEnd
                    } else {
                        let valueStart = j
                        while let c = at(j), !isSpace(c), c != UInt8(ascii: ">") { j = u.index(after: j) }
                        valueRange = valueStart..<j
                    }
                }
                attributes.append(Attribute(name: attrName, value: String(html[valueRange]), valueRange: valueRange))
            }
            let end = j < u.endIndex ? u.index(after: j) : j
            tags.append(Tag(name: name, isClosing: closing, range: start..<end, attributes: attributes))
            i = end
            if !closing, name == "script" || name == "style" {
                i = html[end...].range(of: "</\(name)", options: .caseInsensitive)?.lowerBound ?? u.endIndex
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
