/// Text helpers shared by the diagram builders: wrapping, shortening and deterministic number formatting.
/// They only shape text; escaping is done where the text is written (`DOTGraph.quote`, `SVGText.escape`).
enum DiagramText {
    /// Splits text into lines of at most `width` characters at spaces. A word longer than `width` stays whole
    /// unless it is longer than twice the width, in which case it is cut into pieces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            for piece in pieces(word, width: width) {
                if current.isEmpty {
                    current = piece
                } else if current.count + 1 + piece.count <= width {
                    current += " " + piece
                } else {
                    lines.append(current)
                    current = piece
                }
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private static func pieces(_ word: String, width: Int) -> [String] {
        guard word.count > width * 2 else { return [word] }
        var out: [String] = []
        var rest = Substring(word)
        while !rest.isEmpty {
            out.append(String(rest.prefix(width)))
            rest = rest.dropFirst(width)
        }
        return out
    }

    /// Wrapped text limited to `maxLines`; the last kept line ends with `…` when text was dropped.
    static func block(_ text: String, width: Int, maxLines: Int) -> [String] {
        let lines = wrap(text, width: width)
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        var kept = Array(lines.prefix(maxLines))
        let last = kept[maxLines - 1]
        kept[maxLines - 1] = (last.count >= width ? String(last.prefix(width - 1)) : last) + "…"
        return kept
    }

    /// The text cut to at most `length` characters, with `…` when cut.
    static func shorten(_ text: String, to length: Int) -> String {
        guard text.count > length else { return text }
        return String(text.prefix(max(0, length - 1))) + "…"
    }

    /// 2038 -> "2,038" (no locale involved).
    static func number<T: BinaryInteger>(_ value: T) -> String { MD.number(value) }

    /// `1 subnet`, `3 subnets`.
    static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number(value)) \(value == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// Items listed one per line, at most `limit` of them, then `+ N more`.
    static func list(_ items: [String], limit: Int) -> [String] {
        guard items.count > limit else { return items }
        return Array(items.prefix(limit)) + ["+ \(number(items.count - limit)) more"]
    }
}

/// Colours and fonts shared by the Graphviz diagrams, so they read as one family.
enum DiagramStyle {
    static let font = "Helvetica"
    static let blocked = "red"
    static let internet = "#c62828"
    static let warning = "#ef6c00"
    static let muted = "#757575"

    /// A graph with the common defaults: font, sizes, rounded filled boxes.
    static func graph(_ name: String, rankdir: String, label: String? = nil,
                      extra: [String: String] = [:]) -> DOTGraph {
        var attributes = ["rankdir": rankdir, "fontname": font, "fontsize": "12", "nodesep": "0.3",
                          "ranksep": "0.45", "newrank": "true", "outputorder": "edgesfirst"]
        if let label {
            attributes["label"] = label
            attributes["labelloc"] = "t"
        }
        for (key, value) in extra { attributes[key] = value }
        return DOTGraph(name: name, attributes: attributes,
                        nodeDefaults: ["fontname": font, "fontsize": "9", "shape": "box", "style": "rounded,filled",
                                       "fillcolor": "white", "margin": "0.12,0.05"],
                        edgeDefaults: ["fontname": font, "fontsize": "8", "color": "#555555"])
    }

    /// A one-node diagram for an environment that has nothing of the subject, so pages can embed it anyway.
    static func placeholder(_ name: String, title: String, message: String) -> String {
        var graph = graph(name, rankdir: "TB", label: title)
        graph.node("placeholder", label: DiagramText.wrap(message, width: 48).joined(separator: "\n"),
                   ["shape": "note", "fillcolor": "#f5f5f5", "color": muted, "fontsize": "10"])
        return graph.text
    }
}
