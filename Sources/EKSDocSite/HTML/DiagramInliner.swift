import EKSDocRender
import Foundation

/// Replaces a paragraph holding only a diagram image (`![caption](../diagrams/X.svg)`) by a figure with the SVG
/// inline (zoomable) and a link to the full-size file.
///
/// The SVG comes from libgvc or our chart writer, which escape every label; as a second line of defence an SVG
/// holding scripts, event handlers, `foreignObject` or `javascript:` URLs is never inlined (it stays an `<img>`).
public struct DiagramInliner: Sendable {
    /// Site files by path (the diagrams).
    public var files: [String: Data]

    /// - Parameter files: the site built so far (its `diagrams/`).
    public init(files: [String: Data]) {
        self.files = files
    }

    /// Inlines the diagrams of a page published at `htmlPath`; ids inside each SVG get a per-figure prefix so
    /// several diagrams on one page cannot clash with each other or with heading ids.
    public func inline(_ html: String, htmlPath: String) -> String {
        guard html.byteRange(of: "<p><img src=\"") != nil else { return html }
        let folder = SiteRoutes.folder(of: htmlPath)
        var out = ""
        var rest = Substring(html)
        var count = 0
        while let open = rest.byteRange(of: "<p><img src=\"") {
            out += rest[..<open.lowerBound]
            guard let tagEnd = rest[open.upperBound...].byteRange(of: " /></p>"),
                  let srcEnd = rest[open.upperBound..<tagEnd.lowerBound].firstIndex(of: "\"") else {
                out += rest[open]; rest = rest[open.upperBound...]; continue
            }
            let src = String(rest[open.upperBound..<srcEnd])
            let attributes = rest[srcEnd..<tagEnd.lowerBound]
            let alt = attributes.range(of: "alt=\"").flatMap { a in
                attributes[a.upperBound...].firstIndex(of: "\"").map { String(attributes[a.upperBound..<$0]) }
            } ?? ""
            let path = SiteRoutes.resolve(HTMLText.percentDecode(HTMLText.decodeEntities(src)), inFolder: folder)
            guard let path, path.hasPrefix("diagrams/"), path.hasSuffix(".svg"), let data = files[path],
                  let svg = Self.prepare(String(decoding: data, as: UTF8.self), prefix: "d\(count + 1)-", label: alt)
            else {
                out += rest[open.lowerBound..<tagEnd.upperBound]; rest = rest[tagEnd.upperBound...]; continue
            }
            count += 1
            out += "<figure class=\"diagram\">\n"
            out += "<div class=\"diagram-frame\" tabindex=\"0\" role=\"button\" aria-label=\"Zoom: \(alt)\" data-zoom>"
            out += svg + "</div>\n"
            out += "<figcaption>\(alt) <a class=\"diagram-full\" href=\"\(src)\">Full size</a></figcaption>\n</figure>"
            rest = rest[tagEnd.upperBound...]
        }
        return out + rest
    }

    /// The SVG element ready to embed: prolog, doctype and comments removed, ids prefixed, a class for zooming.
    /// Nil when it holds anything active.
    static func prepare(_ text: String, prefix: String, label: String) -> String? {
        guard let start = text.byteRange(of: "<svg") else { return nil }
        var svg = ""
        svg.reserveCapacity(text.utf8.count)
        var rest = text[start.lowerBound...]
        while let comment = rest.byteRange(of: "<!--") {
            svg += rest[..<comment.lowerBound]
            guard let end = rest[comment.upperBound...].byteRange(of: "-->") else { return nil }
            rest = rest[end.upperBound...]
        }
        svg += rest
        // Browsers match these names in ASCII letter case only, so an ASCII-lowered byte copy is searched.
        let lower = svg.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let banned = ["<script", "<foreignobject", "javascript:", "<iframe", "<object", "<embed"]
        if lower.withUnsafeBufferPointer({ bytes in banned.contains { ByteSearch.first(Array($0.utf8), in: bytes) != nil } }) {
            return nil
        }
        if HTMLScanner.tags(in: svg).contains(where: { $0.attributes.contains { $0.name.hasPrefix("on") } }) {
            return nil
        }
        svg = prefixingIDs(svg, with: prefix)
        let existing = Set(HTMLScanner.tags(in: String(svg.prefix { $0 != ">" }) + ">").first?.attributes.map(\.name) ?? [])
        var added = "<svg"
        for (name, value) in [("class", "diagram-svg"), ("role", "img"), ("aria-label", label)]
        where !existing.contains(name) {
            added += " \(name)=\"\(value)\""
        }
        svg.replaceSubrange(svg.startIndex..<svg.index(svg.startIndex, offsetBy: 4), with: added)
        while svg.hasSuffix("\n") { svg.removeLast() }
        return svg
    }

    /// Every `id` of an SVG and every reference to one (`url(#x)`, `href="#x"`) given `prefix`, so several
    /// diagrams can share one HTML document.
    static func prefixingIDs(_ svg: String, with prefix: String) -> String {
        svg.replacingAll(" id=\"", with: " id=\"\(prefix)")
            .replacingAll("url(#", with: "url(#\(prefix)")
            .replacingAll("href=\"#", with: "href=\"#\(prefix)")
    }
}
