/// A small Graphviz DOT writer. Node ids derive from resource ids, labels are escaped, and output order is the
/// order of insertion, so the same model gives byte-identical DOT.
public struct DOTGraph: Sendable {
    public var name: String
    public var attributes: [String: String]
    public var nodeDefaults: [String: String]
    public var edgeDefaults: [String: String]
    private var statements: [String] = []

    public init(name: String, attributes: [String: String] = [:], nodeDefaults: [String: String] = [:],
                edgeDefaults: [String: String] = [:]) {
        self.name = name; self.attributes = attributes; self.nodeDefaults = nodeDefaults; self.edgeDefaults = edgeDefaults
    }

    /// A DOT identifier for any string: letters, digits and `_` kept, everything else hex-encoded, prefixed `n_`.
    /// Distinct inputs give distinct ids.
    public static func id(_ raw: String) -> String {
        var out = "n_"
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "_" + String(byte, radix: 16, uppercase: false).leftPadded(2)
            }
        }
        return out
    }

    /// A double-quoted DOT string: backslashes, quotes and control characters escaped; `\n` for line breaks.
    public static func quote(_ raw: String) -> String {
        var out = "\""
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func attributeList(_ attributes: [String: String]) -> String {
        guard !attributes.isEmpty else { return "" }
        return " [" + attributes.keys.sorted().map { "\($0)=\(quote(attributes[$0]!))" }.joined(separator: ", ") + "]"
    }

    /// Adds a node; `id` is a resource id (it is converted with `DOTGraph.id`).
    public mutating func node(_ id: String, label: String, _ attributes: [String: String] = [:]) {
        var all = attributes
        all["label"] = label
        statements.append("\(DOTGraph.id(id))\(DOTGraph.attributeList(all));")
    }

    public mutating func edge(_ from: String, _ to: String, label: String? = nil, _ attributes: [String: String] = [:]) {
        var all = attributes
        if let label { all["label"] = label }
        statements.append("\(DOTGraph.id(from)) -> \(DOTGraph.id(to))\(DOTGraph.attributeList(all));")
    }

    /// A cluster (a box around nodes): the closure adds its contents.
    public mutating func cluster(_ id: String, label: String, _ attributes: [String: String] = [:], _ body: (inout DOTGraph) -> Void) {
        var inner = DOTGraph(name: "")
        body(&inner)
        var all = attributes
        all["label"] = label
        let head = "subgraph \("cluster_" + DOTGraph.id(id).dropFirst(2)) {"
        let attrs = all.keys.sorted().map { "  \($0)=\(DOTGraph.quote(all[$0]!));" }
        statements.append(([head] + attrs + inner.statements.map { "  " + $0 } + ["}"]).joined(separator: "\n"))
    }

    /// A subgraph whose nodes share a rank (laid out side by side).
    public mutating func sameRank(_ ids: [String]) {
        guard ids.count > 1 else { return }
        statements.append("{ rank=same; " + ids.map { DOTGraph.id($0) + ";" }.joined(separator: " ") + " }")
    }

    /// The DOT text.
    public var text: String {
        var lines = ["digraph \(DOTGraph.quote(name)) {"]
        for key in attributes.keys.sorted() { lines.append("  \(key)=\(DOTGraph.quote(attributes[key]!));") }
        if !nodeDefaults.isEmpty { lines.append("  node" + DOTGraph.attributeList(nodeDefaults) + ";") }
        if !edgeDefaults.isEmpty { lines.append("  edge" + DOTGraph.attributeList(edgeDefaults) + ";") }
        for statement in statements {
            lines.append(contentsOf: statement.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
