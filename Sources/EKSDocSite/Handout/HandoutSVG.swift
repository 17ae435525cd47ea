import EKSDocRender
import Foundation

/// Turns a diagram file into an `<svg>` element that can sit inside the handout: no XML prolog, doctype or
/// comments before the root, ids prefixed so several diagrams never share one, and a size that fits the page.
enum HandoutSVG {
    /// The largest box a diagram may take, in points: the A4 text width (210mm - 2 x 16mm) and most of its height.
    static let maxWidth = 504.0
    static let maxHeight = 620.0

    /// The inline element, or nil when `data` holds no `<svg>` root.
    static func inline(_ data: Data, idPrefix: String) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        guard let start = text.range(of: "<svg"), let end = text.range(of: "</svg>", options: .backwards),
              start.lowerBound < end.lowerBound else { return nil }
        var svg = String(text[start.lowerBound..<end.upperBound])
        svg = DiagramInliner.prefixingIDs(svg, with: idPrefix)
        return resizeRoot(svg)
    }

    /// Rewrites the root's width and height (in pt) so the diagram keeps its aspect ratio and fits the box;
    /// small diagrams keep their natural size. The viewBox (added from the old size when missing) does the scaling.
    static func resizeRoot(_ svg: String) -> String {
        guard let close = svg.firstIndex(of: ">") else { return svg }
        var tag = String(svg[..<close])
        let body = svg[close...]
        guard let width = length(HandoutText.attribute("width", in: tag[...])),
              let height = length(HandoutText.attribute("height", in: tag[...])), width > 0, height > 0 else {
            return tag.replacingAll("<svg", with: "<svg class=\"diagram-svg\"") + body
        }
        if HandoutText.attribute("viewBox", in: tag[...]) == nil {
            tag += " viewBox=\"0 0 \(number(width / 0.75)) \(number(height / 0.75))\""
        }
        let scale = min(1, maxWidth / width, maxHeight / height)
        tag = replace("width", in: tag, with: number(width * scale) + "pt")
        tag = replace("height", in: tag, with: number(height * scale) + "pt")
        tag = tag.replacingAll("<svg", with: "<svg class=\"diagram-svg\"")
        return tag + body
    }

    /// A length in points: `12pt`, `16px` or `16` (pixels, 0.75pt each).
    static func length(_ value: String?) -> Double? {
        guard var value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
        var factor = 0.75
        if value.hasSuffix("pt") { factor = 1; value.removeLast(2) }
        else if value.hasSuffix("px") { value.removeLast(2) }
        guard let number = Double(value) else { return nil }
        return number * factor
    }

    static func number(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// Replaces the first ` name="..."` in a start tag.
    static func replace(_ name: String, in tag: String, with value: String) -> String {
        guard let start = tag.range(of: " \(name)=\""),
              let end = tag[start.upperBound...].firstIndex(of: "\"") else { return tag }
        return String(tag[..<start.upperBound]) + value + String(tag[end...])
    }
}
