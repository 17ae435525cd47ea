/// Writes a small SVG document by hand: every piece of text is XML-escaped, every number is an integer, and the
/// root carries `width`, `height` and a matching `viewBox`.
struct SVGWriter {
    private var body: [String] = []
    private let title: String

    init(title: String) {
        self.title = title
        text(16, 24, title, size: 15, weight: "bold")
    }

    /// XML text and attribute escaping: `&`, `<`, `>`, `"` and `'`; control characters other than tab and line
    /// breaks (not allowed in XML 1.0) are dropped.
    static func escape(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\r", "\t": out += " "
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    mutating func text(_ x: Int, _ y: Int, _ content: String, size: Int, weight: String? = nil, fill: String = "#212121") {
        let bold = weight.map { " font-weight=\"\(SVGWriter.escape($0))\"" } ?? ""
        body.append("<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\"\(bold) fill=\"\(SVGWriter.escape(fill))\">"
                    + SVGWriter.escape(content) + "</text>")
    }

    mutating func rect(_ x: Int, _ y: Int, _ width: Int, _ height: Int, fill: String, stroke: String?) {
        let line = stroke.map { " stroke=\"\(SVGWriter.escape($0))\"" } ?? ""
        body.append("<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(0, width))\" height=\"\(max(0, height))\" "
                    + "fill=\"\(SVGWriter.escape(fill))\"\(line)/>")
    }

    /// The complete document.
    func finish(width: Int, height: Int) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
                     + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\">",
                     "<title>\(SVGWriter.escape(title))</title>",
                     "<defs><pattern id=\"eksdoc-unknown\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
                     + "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#eeeeee\"/>"
                     + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#9e9e9e\" stroke-width=\"3\"/></pattern></defs>",
                     "<rect width=\"\(width)\" height=\"\(height)\" fill=\"white\"/>"]
        lines.append(contentsOf: body)
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}
